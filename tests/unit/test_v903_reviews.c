/*
 * test_v903_reviews.c - the DfE rules on the Reviews table
 * (core/v903_reviews.c): 166, 167, 399, 440, 441, 1012, INT08, INT17.
 *
 * Each rule's own test_validate data from csc-validator-be-903 is one
 * case, with the indices it expects; the other cases are the boundaries.
 */
#include "v903_fixture.h"
#include "core/v903_int.h"

/* Adds rows of one table from a list. */
static void rows(struct vt *v, enum v903_table t, const char *cols,
		 const char *const *list, size_t n)
{
	vt_cols(v, t, cols);
	for (size_t i = 0; i < n; i++)
		vt_row(v, t, list[i]);
}

/* The validator's lac_validator/fixtures.py fake_INT_header: children
 * 101-104 twice each, then 106; DOBs alternately given and missing. */
static void int_header(struct vt *v)
{
	static const char *const list[] = {
		"101,01/04/2020", "102,", "103,01/04/2020", "104,",
		"101,01/04/2020", "102,", "103,01/04/2020", "104,", "106,",
	};
	rows(v, V903_HEADER, "CHILD,DOB", list, ARRAY_LEN(list));
}

/* fixtures.py fake_INT_file, as Reviews. */
static void int_file(struct vt *v)
{
	static const char *const list[] = {
		"101,01/04/2020", "102,", "103,04/01/2020", "105,01/04/2020",
	};
	rows(v, V903_REVIEWS, "CHILD,DOB", list, ARRAY_LEN(list));
}

/* 166 "Date of review is invalid or blank." */
static void review_date_valid(void **state)
{
	(void)state;
	struct vt v;
	/* test_validate: [01/01/2021, 19/02/2010, 38/04/2019, 01/01/19, NA]
	 * -> [2, 3, 4] */
	static const char *const fake[] = { "01/01/2021", "19/02/2010",
					    "38/04/2019", "01/01/19", "" };
	vt_init(&v, 2023);
	rows(&v, V903_REVIEWS, "REVIEW", fake, ARRAY_LEN(fake));
	assert_string_equal(vt_flags(&v, "166", V903_REVIEWS), "2,3,4");
	vt_free(&v);

	static const char *const more[] = { "29/02/2024", "29/02/2023",
					    "31/04/2023", "30/04/2023",
					    "2023-04-30", "1/5/2023" };
	vt_init(&v, 2027);
	rows(&v, V903_REVIEWS, "REVIEW", more, ARRAY_LEN(more));
	assert_string_equal(vt_flags(&v, "166", V903_REVIEWS), "1,2,4");
	vt_free(&v);
}

/* 167 "Data entry for participation is invalid or blank." */
static void participation_code_with_review(void **state)
{
	(void)state;
	struct vt v;
	/* test_validate: REVIEW [01/02/2020, 31/03/2020, 12/12/2019,
	 * 05/07/2020, NA], REVIEW_CODE [pr0, child too young, PN3, "", NA]
	 * -> [0, 1, 3] */
	static const char *const fake[] = {
		"01/02/2020,pr0", "31/03/2020,child too young",
		"12/12/2019,PN3", "05/07/2020,", ",",
	};
	vt_init(&v, 2023);
	rows(&v, V903_REVIEWS, "REVIEW,REVIEW_CODE", fake, ARRAY_LEN(fake));
	assert_string_equal(vt_flags(&v, "167", V903_REVIEWS), "0,1,3");
	vt_free(&v);

	static const char *const more[] = {
		"01/02/2020,PN0",     /* 0 */
		"01/02/2020,pn7",     /* 1: upper-cased */
		"01/02/2020,PN8",     /* 2 */
		",PN1",               /* 3: a code with no review */
		"not a date,PN2",     /* 4: REVIEW is only tested for given */
		"01/02/2020,PN 1",    /* 5 */
		"01/02/2020,",        /* 6: a review with no code */
	};
	vt_init(&v, 2027);
	rows(&v, V903_REVIEWS, "REVIEW,REVIEW_CODE", more, ARRAY_LEN(more));
	assert_string_equal(vt_flags(&v, "167", V903_REVIEWS), "2,3,5,6");
	vt_free(&v);
}

/* 440 "Participation method indicates child was under 4 years old at the
 * time of the review, but date of birth and review date indicates the
 * child was 4 years old or over." */
static void pn0_after_fourth_birthday(void **state)
{
	(void)state;
	struct vt v;
	/* test_validate -> [3, 4] */
	static const char *const fake[] = {
		"01/01/2004,31/12/2007,PN0", "01/01/2006,01/01/2007,PN0",
		"01/01/2007,,PN0",           "01/01/2008,01/01/2013,PN0",
		"01/01/2010,01/01/2015,PN0", "01/01/2012,01/01/2014,PN0",
		"01/01/2014,01/01/2020,PN1",
	};
	vt_init(&v, 2023);
	rows(&v, V903_REVIEWS, "DOB,REVIEW,REVIEW_CODE", fake,
	     ARRAY_LEN(fake));
	assert_string_equal(vt_flags(&v, "440", V903_REVIEWS), "3,4");
	vt_free(&v);

	static const char *const more[] = {
		"10/05/2015,09/05/2019,PN0", /* 0: a day before the birthday */
		"10/05/2015,10/05/2019,PN0", /* 1: on it: 4 years old, passes */
		"10/05/2015,11/05/2019,PN0", /* 2: a day after */
		"29/02/2016,29/02/2020,PN0", /* 3: leap day to leap day */
		"29/02/2016,01/03/2020,PN0", /* 4 */
		"29/02/2096,28/02/2100,PN0", /* 5: 2100 is no leap year */
		"29/02/2096,01/03/2100,PN0", /* 6 */
		"10/05/2015,11/05/2019,pn0", /* 7: upper-cased */
		"10/05/2015,11/05/2019,",    /* 8: no code */
		"10/05/2015,11/05/2019,PN1", /* 9 */
		"31/02/2015,11/05/2019,PN0", /* 10: no such DOB */
		",11/05/2019,PN0",           /* 11 */
		"10/05/2015,2019-05-11,PN0", /* 12 */
	};
	vt_init(&v, 2027);
	rows(&v, V903_REVIEWS, "DOB,REVIEW,REVIEW_CODE", more,
	     ARRAY_LEN(more));
	assert_string_equal(vt_flags(&v, "440", V903_REVIEWS), "2,4,6,7");
	vt_free(&v);
}

/* 441 "Participation method indicates child was 4 years old or over at
 * the time of the review, but the date of birth and review date indicates
 * the child was under 4 years old." */
static void pn1_to_pn7_before_fourth_birthday(void **state)
{
	(void)state;
	struct vt v;
	/* test_validate -> [3, 4] */
	static const char *const fake[] = {
		"01/01/2004,31/12/2008,PN1", "01/01/2006,01/01/2012,PN2",
		"01/01/2007,,PN3",           "01/01/2008,01/01/2009,PN4",
		"01/01/2010,01/01/2012,PN5", "01/01/2012,01/01/2017,PN6",
		"01/01/2014,01/01/2021,PN7", "01/06/2014,01/01/2015,PN0",
	};
	vt_init(&v, 2023);
	rows(&v, V903_REVIEWS, "DOB,REVIEW,REVIEW_CODE", fake,
	     ARRAY_LEN(fake));
	assert_string_equal(vt_flags(&v, "441", V903_REVIEWS), "3,4");
	vt_free(&v);

	static const char *const more[] = {
		"10/05/2015,09/05/2019,PN3", /* 0: a day before the birthday */
		"10/05/2015,10/05/2019,PN3", /* 1: on it: passes */
		"10/05/2015,11/05/2019,PN3", /* 2 */
		"29/02/2016,28/02/2020,PN7", /* 3 */
		"29/02/2016,29/02/2020,PN7", /* 4 */
		"29/02/2096,27/02/2100,PN1", /* 5: the birthday is 28/02/2100 */
		"29/02/2096,28/02/2100,PN1", /* 6 */
		"10/05/2015,09/05/2019,pn2", /* 7: upper-cased */
		"10/05/2015,09/05/2019,PN0", /* 8 */
		"10/05/2015,09/05/2019,PN8", /* 9 */
		"10/05/2015,09/05/2019,",    /* 10 */
		",09/05/2019,PN3",           /* 11 */
		"10/05/2015,31/04/2019,PN3", /* 12: no such review day */
	};
	vt_init(&v, 2027);
	rows(&v, V903_REVIEWS, "DOB,REVIEW,REVIEW_CODE", more,
	     ARRAY_LEN(more));
	assert_string_equal(vt_flags(&v, "441", V903_REVIEWS), "0,3,5,7");
	vt_free(&v);
}

/* 399 "Mother field, review field or participation field are completed
 * but child is looked after under legal status V3 or V4." */
static void short_breaks_have_no_reviews(void **state)
{
	(void)state;
	struct vt v;
	/* test_validate -> Header [0, 5], Reviews [0, 5], Episodes
	 * [0, 1, 5] */
	static const char *const eps[] = { "101,V4", "101,V4", "103,V3",
					   "104,L4", "105,", "106,V4",
					   "108,V3", "108,XO" };
	static const char *const hdr[] = { "101,0", "102,0", "103,", "104,",
					   "105,1", "106,0", "108,1", "109," };
	static const char *const rev[] = {
		"101,31/12/2008,PN1", "102,01/01/2012,PN2", "103,,",
		"104,01/01/2009,PN4", "105,01/01/2012,PN5",
		"106,01/01/2017,PN6", "108,01/01/2021,PN7",
		"109,01/01/2015,PN0",
	};
	vt_init(&v, 2023);
	rows(&v, V903_EPISODES, "CHILD,LS", eps, ARRAY_LEN(eps));
	rows(&v, V903_HEADER, "CHILD,MOTHER", hdr, ARRAY_LEN(hdr));
	rows(&v, V903_REVIEWS, "CHILD,REVIEW,REVIEW_CODE", rev,
	     ARRAY_LEN(rev));
	assert_string_equal(vt_flags(&v, "399", V903_HEADER), "0,5");
	assert_string_equal(vt_flags(&v, "399", V903_REVIEWS), "0,5");
	assert_string_equal(vt_flags(&v, "399", V903_EPISODES), "0,1,5");
	vt_free(&v);

	/* How the merge spreads: every combination of the child's header
	 * rows and reviews is checked. */
	static const char *const eps2[] = {
		"A,V3", "A,V4",   /* 0, 1 */
		"B,V4",           /* 2 */
		"C,V3",           /* 3: no header row */
		"D,V3", "D,",     /* 4, 5: a missing LS clears D */
		",V3",            /* 6: no CHILD: never grouped */
		"E,V3",           /* 7: nothing given */
		"F,v4",           /* 8: upper-cased */
	};
	static const char *const hdr2[] = {
		"A,",             /* 0: flagged because A has a review */
		"B,1", "B,",      /* 1 flagged, 2 not: no review data */
		"D,1",            /* 3 */
		",1",             /* 4 */
		"E,",             /* 5 */
		"F,0",            /* 6 */
	};
	static const char *const rev2[] = {
		"A,,",            /* 0: nothing, and no MOTHER for A */
		"A,01/01/2020,",  /* 1 */
		"B,,",            /* 2: flagged for B's MOTHER */
		"C,,PN0",         /* 3 */
		"D,01/01/2020,PN1", /* 4 */
		",01/01/2020,PN1",  /* 5 */
		"E,,",            /* 6 */
		"F,,",            /* 7: F's MOTHER */
	};
	vt_init(&v, 2027);
	rows(&v, V903_EPISODES, "CHILD,LS", eps2, ARRAY_LEN(eps2));
	rows(&v, V903_HEADER, "CHILD,MOTHER", hdr2, ARRAY_LEN(hdr2));
	rows(&v, V903_REVIEWS, "CHILD,REVIEW,REVIEW_CODE", rev2,
	     ARRAY_LEN(rev2));
	assert_string_equal(vt_flags(&v, "399", V903_EPISODES), "0,1,2,3,8");
	assert_string_equal(vt_flags(&v, "399", V903_HEADER), "0,1,6");
	assert_string_equal(vt_flags(&v, "399", V903_REVIEWS), "1,2,3,7");
	vt_free(&v);

	/* all three tables are needed */
	vt_init(&v, 2023);
	rows(&v, V903_EPISODES, "CHILD,LS", eps, ARRAY_LEN(eps));
	rows(&v, V903_HEADER, "CHILD,MOTHER", hdr, ARRAY_LEN(hdr));
	assert_string_equal(vt_flags(&v, "399", V903_EPISODES), "");
	assert_string_equal(vt_flags(&v, "399", V903_HEADER), "");
	vt_free(&v);
}

/* 1012 "No other data should be returned for OC3 children who had no
 * episodes in the current year" */
static void other_tables_need_episodes(void **state)
{
	(void)state;
	struct vt v;
	/* test_validate: each table has one child with no episodes, at
	 * index 0, 1, ... 5 */
	static const char *const epi[] = { "111", "222", "333", "444",
					   "555", "555", "666", "666" };
	static const char *const ado[] = { "777", "222", "333", "444",
					   "555", "666" };
	static const char *const mis[] = { "111", "888", "333", "444",
					   "555", "666" };
	static const char *const rev[] = { "111", "222", "999", "444",
					   "555", "666" };
	static const char *const ad1[] = { "111", "222", "333", "1010",
					   "555", "666" };
	static const char *const pre[] = { "111", "222", "333", "444",
					   "1111", "666" };
	static const char *const oc2[] = { "111", "222", "333", "444",
					   "555", "1212" };
	vt_init(&v, 2023);
	rows(&v, V903_EPISODES, "CHILD", epi, ARRAY_LEN(epi));
	rows(&v, V903_PLACED_ADOPTION, "CHILD", ado, ARRAY_LEN(ado));
	rows(&v, V903_MISSING, "CHILD", mis, ARRAY_LEN(mis));
	rows(&v, V903_REVIEWS, "CHILD", rev, ARRAY_LEN(rev));
	rows(&v, V903_AD1, "CHILD", ad1, ARRAY_LEN(ad1));
	rows(&v, V903_PREV_PERM, "CHILD", pre, ARRAY_LEN(pre));
	rows(&v, V903_OC2, "CHILD", oc2, ARRAY_LEN(oc2));
	rows(&v, V903_OC3, "CHILD", oc2, ARRAY_LEN(oc2));
	rows(&v, V903_UASC, "CHILD", oc2, ARRAY_LEN(oc2));
	assert_string_equal(vt_flags(&v, "1012", V903_PLACED_ADOPTION), "0");
	assert_string_equal(vt_flags(&v, "1012", V903_MISSING), "1");
	assert_string_equal(vt_flags(&v, "1012", V903_REVIEWS), "2");
	assert_string_equal(vt_flags(&v, "1012", V903_AD1), "3");
	assert_string_equal(vt_flags(&v, "1012", V903_PREV_PERM), "4");
	assert_string_equal(vt_flags(&v, "1012", V903_OC2), "5");
	/* OC3 and UASC are not among the tables checked */
	assert_string_equal(vt_flags(&v, "1012", V903_OC3), "");
	assert_string_equal(vt_flags(&v, "1012", V903_UASC), "");
	vt_free(&v);

	/* the partial test: only AD1, PrevPerm and OC2 loaded */
	vt_init(&v, 2023);
	rows(&v, V903_EPISODES, "CHILD", epi, ARRAY_LEN(epi));
	rows(&v, V903_AD1, "CHILD", ad1, ARRAY_LEN(ad1));
	rows(&v, V903_PREV_PERM, "CHILD", pre, ARRAY_LEN(pre));
	rows(&v, V903_OC2, "CHILD", oc2, ARRAY_LEN(oc2));
	assert_string_equal(vt_flags(&v, "1012", V903_AD1), "3");
	assert_string_equal(vt_flags(&v, "1012", V903_PREV_PERM), "4");
	assert_string_equal(vt_flags(&v, "1012", V903_OC2), "5");
	vt_free(&v);

	/* a missing CHILD is matched by an episode with no CHILD */
	static const char *const epi2[] = { "A", "" };
	static const char *const rev2[] = { "", "B", "A", "", "a", "B" };
	vt_init(&v, 2027);
	rows(&v, V903_EPISODES, "CHILD", epi2, ARRAY_LEN(epi2));
	rows(&v, V903_REVIEWS, "CHILD", rev2, ARRAY_LEN(rev2));
	assert_string_equal(vt_flags(&v, "1012", V903_REVIEWS), "1,5");
	vt_free(&v);
	static const char *const epi3[] = { "A" };
	vt_init(&v, 2027);
	rows(&v, V903_EPISODES, "CHILD", epi3, ARRAY_LEN(epi3));
	rows(&v, V903_REVIEWS, "CHILD", rev2, ARRAY_LEN(rev2));
	assert_string_equal(vt_flags(&v, "1012", V903_REVIEWS), "0,1,3,5");
	vt_free(&v);

	/* no Episodes: skipped; empty Episodes: every row */
	vt_init(&v, 2023);
	rows(&v, V903_REVIEWS, "CHILD", rev, ARRAY_LEN(rev));
	assert_string_equal(vt_flags(&v, "1012", V903_REVIEWS), "");
	vt_free(&v);
	vt_init(&v, 2023);
	vt_empty(&v, V903_EPISODES);
	rows(&v, V903_MISSING, "CHILD", rev2, 2);
	assert_string_equal(vt_flags(&v, "1012", V903_MISSING), "0,1");
	vt_free(&v);
}

/* INT08 "Internal Check: Child in Reviews does not exist in Header." */
static void review_child_in_header(void **state)
{
	(void)state;
	struct vt v;
	/* test_validate: fake_INT_header, fake_INT_file -> [3] */
	vt_init(&v, 2023);
	int_header(&v);
	int_file(&v);
	assert_string_equal(vt_flags(&v, "INT08", V903_REVIEWS), "3");
	vt_free(&v);

	/* every review of a missing child; a missing CHILD matches a header
	 * row with no CHILD, and only then */
	static const char *const hdr[] = { "A,", ",", "C," };
	static const char *const rev[] = { "A,", "B,", ",", "B,", "c," };
	vt_init(&v, 2027);
	rows(&v, V903_HEADER, "CHILD,DOB", hdr, ARRAY_LEN(hdr));
	rows(&v, V903_REVIEWS, "CHILD,DOB", rev, ARRAY_LEN(rev));
	assert_string_equal(vt_flags(&v, "INT08", V903_REVIEWS), "1,3");
	vt_free(&v);
	vt_init(&v, 2027);
	rows(&v, V903_HEADER, "CHILD,DOB", hdr, 1);
	rows(&v, V903_REVIEWS, "CHILD,DOB", rev, ARRAY_LEN(rev));
	assert_string_equal(vt_flags(&v, "INT08", V903_REVIEWS), "1,2,3,4");
	vt_free(&v);

	/* Header not loaded: skipped */
	vt_init(&v, 2023);
	int_file(&v);
	assert_string_equal(vt_flags(&v, "INT08", V903_REVIEWS), "");
	vt_free(&v);
}

/* INT17 "Internal Check: DOB in Reviews is different to DOB in Header." */
static void review_dob_matches_header(void **state)
{
	(void)state;
	struct vt v;
	/* test_validate: fake_INT_header, fake_INT_file -> [2] */
	vt_init(&v, 2023);
	int_header(&v);
	int_file(&v);
	assert_string_equal(vt_flags(&v, "INT17", V903_REVIEWS), "2");
	vt_free(&v);

	static const char *const hdr[] = {
		"X,01/01/2010", "X,02/01/2010", /* 0, 1: two header DOBs */
		"Y,31/02/2010",                 /* 2: not a date */
		"Z,05/05/2010",                 /* 3 */
		",01/01/2010",                  /* 4: no CHILD */
		"W,", "W,03/03/2010",           /* 5, 6 */
		"V,1/2/2010",                   /* 7 */
	};
	static const char *const rev[] = {
		"X,01/01/2010",  /* 0: differs from header row 1 */
		"Y,01/01/2010",  /* 1: the header's is not a date */
		"Z,5/05/2010",   /* 2: the same day, written otherwise */
		"Z,32/05/2010",  /* 3: not a date */
		",02/01/2010",   /* 4: compared with the row with no CHILD */
		"W,03/03/2010",  /* 5 */
		"W,04/03/2010",  /* 6 */
		"U,01/01/2000",  /* 7: no header row */
		"V,01/02/2010",  /* 8 */
		"Z,06/05/2010",  /* 9: a day later */
		"Z,04/05/2010",  /* 10: a day earlier */
		",01/01/2010",   /* 11 */
		"X,",            /* 12 */
	};
	vt_init(&v, 2027);
	rows(&v, V903_HEADER, "CHILD,DOB", hdr, ARRAY_LEN(hdr));
	rows(&v, V903_REVIEWS, "CHILD,DOB", rev, ARRAY_LEN(rev));
	assert_string_equal(vt_flags(&v, "INT17", V903_REVIEWS),
			    "0,4,6,9,10");
	vt_free(&v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(review_date_valid),
		cmocka_unit_test(participation_code_with_review),
		cmocka_unit_test(pn0_after_fourth_birthday),
		cmocka_unit_test(pn1_to_pn7_before_fourth_birthday),
		cmocka_unit_test(short_breaks_have_no_reviews),
		cmocka_unit_test(other_tables_need_episodes),
		cmocka_unit_test(review_child_in_header),
		cmocka_unit_test(review_dob_matches_header),
	};
	return RUN(tests);
}
