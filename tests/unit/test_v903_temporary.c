/*
 * test_v903_temporary.c - the DfE rules on temporary placements (PLACE
 * T0-T4): 375, 376, 377, 379, 380, 381 and both versions of 383
 * (core/v903_temporary.c). Each test quotes the rule's message; the
 * "validator's own data" cases are the rule file's test_validate data,
 * with the rows it expects.
 */
#include "v903_fixture.h"
#include "core/v903_int.h"

#define EP V903_EPISODES
#define HD V903_HEADER

/* The header rows of the validator's tests for 375, 376 and 379. */
static void header_rows(struct vt *v, const char *const dobs[6])
{
	static const char *const children[6] = { "111", "222", "333",
						 "444", "555", "666" };
	char row[64];
	vt_cols(v, HD, "CHILD,DOB");
	for (int i = 0; i < 6; i++) {
		snprintf(row, sizeof row, "%s,%s", children[i], dobs[i]);
		vt_row(v, HD, row);
	}
}

/* 375 "Hospitalisation coded as a temporary placement exceeds six weeks."
 * - the validator's own data: T1 for more than 42 days. */
static void hospital_over_six_weeks_validator_data(void **state)
{
	(void)state;
	static const char *const dobs[6] = { "01/01/1998", "01/02/2000",
					     "02/03/2015", "15/01/2010",
					     "15/03/2000", "15/03/2000" };
	struct vt v;
	vt_init(&v, 2023);
	vt_cols(&v, EP, "CHILD,DECOM,DEC,PLACE");
	vt_row(&v, EP, "111,01/01/2020,13/02/2020,T1"); /* 0 fail, 43 */
	vt_row(&v, EP, "222,01/02/2020,14/03/2020,T1"); /* 1 42 */
	vt_row(&v, EP, "333,02/03/2020,14/04/2020,T1"); /* 2 fail */
	vt_row(&v, EP, "444,15/03/2010,27/04/2010,T1"); /* 3 fail */
	vt_row(&v, EP, "555,15/03/2004,26/04/2004,T1"); /* 4 42 */
	vt_row(&v, EP, "666,14/03/2014,25/04/2014,P2"); /* 5 */
	header_rows(&v, dobs);
	assert_string_equal(vt_flags(&v, "375", EP), "0,2,3");
	vt_free(&v);
}

/* 375: 42 days passes and 43 fails; the child needs a Header row whose
 * DOB parses (the code's inner merge and dropna), any one of several; an
 * episode with no CHILD matches a Header row with no CHILD, as pandas
 * merges NaN keys. */
static void hospital_over_six_weeks_boundaries(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2023);
	vt_cols(&v, EP, "CHILD,DECOM,DEC,PLACE");
	vt_row(&v, EP, "A,01/06/2022,13/07/2022,T1"); /* 0 42 */
	vt_row(&v, EP, "A,01/06/2022,14/07/2022,T1"); /* 1 43 fail */
	vt_row(&v, EP, "B,01/06/2022,14/07/2022,T1"); /* 2 not in Header */
	vt_row(&v, EP, "C,01/06/2022,14/07/2022,T1"); /* 3 bad DOB */
	vt_row(&v, EP, "D,01/06/2022,14/07/2022,T1"); /* 4 fail */
	vt_row(&v, EP, ",01/06/2022,14/07/2022,T1");  /* 5 fail */
	vt_row(&v, EP, "A,01/06/2022,,T1");           /* 6 open */
	vt_row(&v, EP, "A,xx/06/2022,14/09/2022,T1"); /* 7 bad DECOM */
	vt_row(&v, EP, "A,01/06/2022,14/07/2022,T3"); /* 8 not T1 */
	vt_row(&v, EP, "A,01/06/2022,14/07/2022,t1"); /* 9 fail */
	vt_cols(&v, HD, "CHILD,DOB");
	vt_row(&v, HD, "A,01/01/2010");
	vt_row(&v, HD, "C,31/02/2010");
	vt_row(&v, HD, "D,");
	vt_row(&v, HD, "D,01/01/2010");
	vt_row(&v, HD, ",01/01/2011");
	assert_string_equal(vt_flags(&v, "375", EP), "1,4,5,9");
	vt_free(&v);

	/* a Header row with no CHILD and no DOB matches nothing */
	vt_init(&v, 2023);
	vt_cols(&v, EP, "CHILD,DECOM,DEC,PLACE");
	vt_row(&v, EP, ",01/06/2022,14/07/2022,T1");
	vt_cols(&v, HD, "CHILD,DOB");
	vt_row(&v, HD, ",");
	vt_row(&v, HD, "A,01/01/2010");
	assert_string_equal(vt_flags(&v, "375", EP), "");
	vt_free(&v);
}

/* 375, 376 and 379 need Header as well as Episodes. */
static void temporary_lengths_need_header(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2023);
	vt_cols(&v, EP, "CHILD,DECOM,DEC,PLACE");
	vt_row(&v, EP, "A,01/06/2022,01/09/2022,T1");
	vt_row(&v, EP, "A,01/09/2022,01/12/2022,T3");
	vt_row(&v, EP, "A,01/12/2022,01/02/2023,T4");
	assert_string_equal(vt_flags(&v, "375", EP), "");
	assert_string_equal(vt_flags(&v, "376", EP), "");
	assert_string_equal(vt_flags(&v, "379", EP), "");
	vt_free(&v);

	vt_init(&v, 2023);
	vt_cols(&v, EP, "CHILD,DECOM,DEC,PLACE");
	vt_row(&v, EP, "A,01/06/2022,01/09/2022,T1");
	vt_row(&v, EP, "A,01/09/2022,01/12/2022,T3");
	vt_row(&v, EP, "A,01/12/2022,01/02/2023,T4");
	vt_cols(&v, HD, "CHILD,DOB");
	vt_row(&v, HD, "A,01/01/2010");
	assert_string_equal(vt_flags(&v, "375", EP), "0");
	assert_string_equal(vt_flags(&v, "376", EP), "1");
	assert_string_equal(vt_flags(&v, "379", EP), "2");
	vt_free(&v);
}

/* 376 "Temporary placements coded as being due to holiday of usual foster
 * carer(s) cannot exceed three weeks." - the validator's own data: T3 for
 * more than 21 days. */
static void carer_holiday_over_three_weeks_validator_data(void **state)
{
	(void)state;
	static const char *const dobs[6] = { "01/01/1998", "01/02/2000",
					     "02/03/2015", "15/01/2010",
					     "15/03/2000", "15/03/2000" };
	struct vt v;
	vt_init(&v, 2023);
	vt_cols(&v, EP, "CHILD,DECOM,DEC,PLACE");
	vt_row(&v, EP, "111,01/01/2020,22/01/2020,T3"); /* 0 21 */
	vt_row(&v, EP, "222,01/02/2020,23/02/2020,T3"); /* 1 fail */
	vt_row(&v, EP, "333,02/03/2020,24/03/2020,T3"); /* 2 fail */
	vt_row(&v, EP, "444,15/03/2010,06/04/2010,T3"); /* 3 fail */
	vt_row(&v, EP, "555,15/03/2004,05/04/2004,T3"); /* 4 21 */
	vt_row(&v, EP, "666,14/03/2014,04/04/2014,P2"); /* 5 */
	vt_row(&v, EP, "777,,,T3");                     /* 6 */
	header_rows(&v, dobs);
	assert_string_equal(vt_flags(&v, "376", EP), "1,2,3");
	vt_free(&v);
}

/* 376: 21 days passes, 22 fails, across a month end. */
static void carer_holiday_over_three_weeks_boundaries(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2024);
	vt_cols(&v, EP, "CHILD,DECOM,DEC,PLACE");
	vt_row(&v, EP, "A,20/02/2024,12/03/2024,T3"); /* 0 21 (leap) */
	vt_row(&v, EP, "A,20/02/2024,13/03/2024,T3"); /* 1 22 fail */
	vt_row(&v, EP, "A,20/02/2024,13/03/2024,T1"); /* 2 T1: 42 allowed */
	vt_cols(&v, HD, "CHILD,DOB");
	vt_row(&v, HD, "A,29/02/2012");
	assert_string_equal(vt_flags(&v, "376", EP), "1");
	assert_string_equal(vt_flags(&v, "375", EP), "");
	vt_free(&v);
}

/* 379 "Temporary placements for unspecified reason (placement code T4)
 * cannot exceed seven days." - the validator's own data. */
static void unspecified_over_seven_days_validator_data(void **state)
{
	(void)state;
	static const char *const dobs[6] = { "08/01/2020", "08/02/2020",
					     "09/03/2020", "22/03/2010",
					     "22/03/2004", "21/03/2014" };
	struct vt v;
	vt_init(&v, 2023);
	vt_cols(&v, EP, "CHILD,DECOM,DEC,PLACE");
	vt_row(&v, EP, "111,01/01/2020,08/01/2020,T4"); /* 0 7 */
	vt_row(&v, EP, "222,01/02/2020,09/02/2020,T4"); /* 1 fail, 8 */
	vt_row(&v, EP, "333,02/03/2020,09/03/2020,T4"); /* 2 7 */
	vt_row(&v, EP, "444,15/03/2010,25/03/2010,T4"); /* 3 fail */
	vt_row(&v, EP, "555,15/03/2004,22/03/2004,T4"); /* 4 7 */
	vt_row(&v, EP, "666,14/03/2014,25/03/2014,P2"); /* 5 */
	header_rows(&v, dobs);
	assert_string_equal(vt_flags(&v, "379", EP), "1,3");
	vt_free(&v);
}

/* 379: 7 days passes, 8 fails; a DEC before DECOM passes. */
static void unspecified_over_seven_days_boundaries(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2026);
	vt_cols(&v, EP, "CHILD,DECOM,DEC,PLACE");
	vt_row(&v, EP, "A,28/03/2026,04/04/2026,T4"); /* 0 7 */
	vt_row(&v, EP, "A,28/03/2026,05/04/2026,T4"); /* 1 8 fail */
	vt_row(&v, EP, "A,05/04/2026,28/03/2026,T4"); /* 2 backwards */
	vt_row(&v, EP, "A,28/03/2026,05/04/2026,T0"); /* 3 */
	vt_cols(&v, HD, "CHILD,DOB");
	vt_row(&v, HD, "A,01/01/2010");
	assert_string_equal(vt_flags(&v, "379", EP), "1");
	vt_free(&v);
}

/* 377 "Only two temporary placements coded as being due to holiday of
 * usual foster carer(s) are allowed in any 12- month period." - the
 * validator's own data: a child with more than two T3 episodes. */
static void carer_holidays_over_two_validator_data(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2023);
	vt_cols(&v, EP, "CHILD,RNE,DECOM,PLACE");
	vt_row(&v, EP, "111,P,01/06/2020,T3");  /* 0 fail */
	vt_row(&v, EP, "111,P,05/06/2020,P3");  /* 1 */
	vt_row(&v, EP, "111,T,06/06/2020,T3");  /* 2 fail */
	vt_row(&v, EP, "111,B,08/06/2020,T3");  /* 3 fail */
	vt_row(&v, EP, "222,B,05/06/2020,T3");  /* 4 */
	vt_row(&v, EP, "333,B,06/06/2020,T3");  /* 5 */
	vt_row(&v, EP, "333,U,10/06/2020,T3");  /* 6 */
	vt_row(&v, EP, "444,B,07/06/2020,T3");  /* 7 fail */
	vt_row(&v, EP, "444,B,08/06/2020,oo");  /* 8 */
	vt_row(&v, EP, "444,T,09/06/2020,T3");  /* 9 fail */
	vt_row(&v, EP, "444,B,15/06/2020,T3");  /* 10 fail */
	vt_row(&v, EP, "6666,P,11/06/2020,oo"); /* 11 */
	vt_row(&v, EP, "6666,P,12/06/2020,T3"); /* 12 fail */
	vt_row(&v, EP, "6666,P,13/06/2020,T3"); /* 13 fail */
	vt_row(&v, EP, "6666,P,14/06/2020,T3"); /* 14 fail */
	assert_string_equal(vt_flags(&v, "377", EP),
			    "0,2,3,7,9,10,12,13,14");
	vt_free(&v);
}

/* 377: the code has no 12-month window (three T3 episodes years apart
 * fail); two pass; rows with no CHILD are never counted. */
static void carer_holidays_over_two_no_window(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2023);
	vt_cols(&v, EP, "CHILD,DECOM,PLACE");
	vt_row(&v, EP, "A,01/06/2015,T3"); /* 0 fail */
	vt_row(&v, EP, "B,01/06/2022,T3"); /* 1 */
	vt_row(&v, EP, "A,,T3");           /* 2 fail, no date */
	vt_row(&v, EP, "B,02/06/2022,T3"); /* 3 */
	vt_row(&v, EP, "A,01/06/2022,t3"); /* 4 fail */
	vt_row(&v, EP, ",01/06/2022,T3");  /* 5 */
	vt_row(&v, EP, ",02/06/2022,T3");  /* 6 */
	vt_row(&v, EP, ",03/06/2022,T3");  /* 7 */
	vt_row(&v, EP, "B,03/06/2022,T2"); /* 8 */
	assert_string_equal(vt_flags(&v, "377", EP), "0,2,4");
	vt_free(&v);
}

/* 380 "A period of care cannot start with a temporary placement." - the
 * validator's own data, and more: a T0-T4 episode whose RNE is not P or B
 * (a missing RNE too), wherever it is in the period of care. */
static void temporary_start(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2023);
	vt_cols(&v, EP, "RNE,PLACE");
	vt_row(&v, EP, "S,U1"); /* 0 */
	vt_row(&v, EP, "L,T0"); /* 1 fail */
	vt_row(&v, EP, "P,U2"); /* 2 */
	vt_row(&v, EP, "B,Z1"); /* 3 */
	vt_row(&v, EP, "P,T1"); /* 4 */
	vt_row(&v, EP, ",");    /* 5 */
	vt_row(&v, EP, ",T4");  /* 6 fail */
	vt_row(&v, EP, "B,T2"); /* 7 */
	vt_row(&v, EP, "T,T3"); /* 8 fail */
	vt_row(&v, EP, "S,T5"); /* 9 */
	assert_string_equal(vt_flags(&v, "380", EP), "1,6,8");
	vt_free(&v);
}

/* 381 "A period of care cannot end with a temporary placement." - the
 * validator's own data, and more: a T0-T4 episode with a REC other than
 * X1; a missing REC passes. */
static void temporary_end(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2023);
	vt_cols(&v, EP, "REC,PLACE");
	vt_row(&v, EP, "X1,T3");  /* 0 */
	vt_row(&v, EP, "PR1,T0"); /* 1 fail */
	vt_row(&v, EP, "X1,U2");  /* 2 */
	vt_row(&v, EP, ",T2");    /* 3 */
	vt_row(&v, EP, "X1,T1");  /* 4 */
	vt_row(&v, EP, ",");      /* 5 */
	vt_row(&v, EP, "E11,T4"); /* 6 fail */
	vt_row(&v, EP, "x1,t4");  /* 7 upper-cased */
	vt_row(&v, EP, "E11,");   /* 8 */
	assert_string_equal(vt_flags(&v, "381", EP), "1,6");
	vt_free(&v);
}

/* The validator's test data for 383 (lac2022_23). */
static void rows_383(struct vt *v)
{
	vt_cols(v, EP, "CHILD,RNE,DECOM,PLACE");
	vt_row(v, EP, "111,S,01/06/2020,S1");  /* 0 */
	vt_row(v, EP, "111,S,05/06/2020,T1");  /* 1 next RNE not P */
	vt_row(v, EP, "111,T,06/06/2020,S1");  /* 2 */
	vt_row(v, EP, "222,S,05/06/2020,T1");  /* 3 */
	vt_row(v, EP, "333,S,06/06/2020,S1");  /* 4 */
	vt_row(v, EP, "333,S,10/06/2020,T1");  /* 5 PLACE changed */
	vt_row(v, EP, "333,P,12/06/2020,S2");  /* 6 */
	vt_row(v, EP, "444,S,08/06/2020,T1");  /* 7 */
	vt_row(v, EP, "444,S,09/06/2020,P4");  /* 8 not temporary */
	vt_row(v, EP, "444,S,15/06/2020,T1");  /* 9 */
	vt_row(v, EP, "6666,S,12/06/2020,T1"); /* 10 */
	vt_row(v, EP, "6666,S,13/06/2020,T1"); /* 11 passes */
	vt_row(v, EP, "6666,P,14/06/2020,T1"); /* 12 */
}

/* 383 (lac2022_23, to 2024/25) "A child in a temporary placement must
 * subsequently return to his/her normal placement." - the validator's own
 * data: the temporary episode is flagged. */
static void return_after_temporary_validator_data(void **state)
{
	(void)state;
	for (int year = 2023; year <= 2025; year++) {
		struct vt v;
		vt_init(&v, year);
		rows_383(&v);
		assert_string_equal(vt_flags(&v, "383", EP), "1,5");
		vt_free(&v);
	}
}

/* 383 (lac2022_23): episodes in CHILD, DECOM order (missing DECOM last,
 * ties in file order); a missing RNE or PLACE differs; a temporary
 * episode that is a child's first or last, or has no CHILD, passes. */
static void return_after_temporary_boundaries(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2025);
	vt_cols(&v, EP, "CHILD,RNE,DECOM,PLACE");
	vt_row(&v, EP, "A,P,03/06/2022,U1");  /* 0 after */
	vt_row(&v, EP, "A,S,01/06/2022,U1");  /* 1 before */
	vt_row(&v, EP, "A,P,02/06/2022,T2");  /* 2 passes */
	vt_row(&v, EP, "B,S,01/06/2022,U1");  /* 3 */
	vt_row(&v, EP, "B,P,02/06/2022,T3");  /* 4 fail: RNE missing */
	vt_row(&v, EP, "B,,03/06/2022,U1");   /* 5 */
	vt_row(&v, EP, "C,S,01/06/2022,");    /* 6 */
	vt_row(&v, EP, "C,P,02/06/2022,T0");  /* 7 fail: no PLACEs */
	vt_row(&v, EP, "C,P,03/06/2022,");    /* 8 */
	vt_row(&v, EP, "D,S,01/06/2022,T1");  /* 9 first */
	vt_row(&v, EP, "D,S,02/06/2022,U1");  /* 10 */
	vt_row(&v, EP, "D,S,03/06/2022,T1");  /* 11 last */
	vt_row(&v, EP, "E,S,01/06/2022,U1");  /* 12 */
	vt_row(&v, EP, "E,P,,T1");            /* 13 sorts last */
	vt_row(&v, EP, "E,S,03/06/2022,U3");  /* 14 */
	vt_row(&v, EP, ",S,01/06/2022,U1");   /* 15 */
	vt_row(&v, EP, ",P,02/06/2022,T1");   /* 16 no CHILD */
	vt_row(&v, EP, ",S,03/06/2022,U3");   /* 17 */
	vt_row(&v, EP, "F,S,01/06/2022,U1");  /* 18 */
	vt_row(&v, EP, "F,P,01/06/2022,T4");  /* 19 fail: tie, file order */
	vt_row(&v, EP, "F,P,01/06/2022,U2");  /* 20 */
	assert_string_equal(vt_flags(&v, "383", EP), "4,7,19");
	vt_free(&v);
}

/* The validator's test data for 383 (lac2025_26). */
static void rows_383_postcode(struct vt *v)
{
	vt_cols(v, EP, "CHILD,RNE,DECOM,PLACE,PL_POST");
	vt_row(v, EP, "111,S,01/06/2020,S1,1");  /* 0 */
	vt_row(v, EP, "111,S,05/06/2020,T1,1");  /* 1 */
	vt_row(v, EP, "111,T,06/06/2020,S1,1");  /* 2 fail: RNE */
	vt_row(v, EP, "222,S,05/06/2020,T1,1");  /* 3 */
	vt_row(v, EP, "333,S,06/06/2020,S1,1");  /* 4 */
	vt_row(v, EP, "333,S,10/06/2020,T1,1");  /* 5 */
	vt_row(v, EP, "333,P,12/06/2020,S2,1");  /* 6 fail: PLACE */
	vt_row(v, EP, "444,S,08/06/2020,T1,1");  /* 7 */
	vt_row(v, EP, "444,S,09/06/2020,P4,1");  /* 8 */
	vt_row(v, EP, "444,S,15/06/2020,T1,1");  /* 9 */
	vt_row(v, EP, "6666,S,12/06/2020,T1,1"); /* 10 */
	vt_row(v, EP, "6666,S,13/06/2020,T1,1"); /* 11 */
	vt_row(v, EP, "6666,P,14/06/2020,T1,1"); /* 12 */
	vt_row(v, EP, "777,P,01/06/2020,S1,1");  /* 13 */
	vt_row(v, EP, "777,S,05/06/2020,T1,2");  /* 14 */
	vt_row(v, EP, "777,P,06/06/2020,S1,3");  /* 15 fail: PL_POST */
}

/* 383 (lac2025_26 on) "A child in a temporary placement must subsequently
 * return to his/her normal placement." - the validator's own data: now
 * the episode after the temporary one is flagged, and PL_POST must match
 * too. The year before, the old version runs on the same rows. */
static void return_after_temporary_postcode_validator(void **state)
{
	(void)state;
	struct vt v;
	for (int year = 2026; year <= 2027; year++) {
		vt_init(&v, year);
		rows_383_postcode(&v);
		assert_string_equal(vt_flags(&v, "383", EP), "2,6,15");
		vt_free(&v);
	}
	vt_init(&v, 2025);
	rows_383_postcode(&v);
	assert_string_equal(vt_flags(&v, "383", EP), "1,5");
	vt_free(&v);
}

/* 383 (lac2025_26): pandas' != is true for two missing PL_POSTs, so the
 * old version's data, which has none, fails wherever a temporary episode
 * sits between two of a child's episodes - 6666's too. */
static void return_after_temporary_postcode_missing(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2026);
	rows_383(&v);
	assert_string_equal(vt_flags(&v, "383", EP), "2,6,12");
	vt_free(&v);
}

/* 383 (lac2025_26): two temporary episodes in a row; a temporary first
 * episode (no episode before it) passes whatever follows; episodes in
 * CHILD, DECOM order; rows with no CHILD pass. */
static void return_after_temporary_postcode_boundaries(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2026);
	vt_cols(&v, EP, "CHILD,RNE,DECOM,PLACE,PL_POST");
	vt_row(&v, EP, "A,S,01/06/2025,U1,XA1 1AA");  /* 0 */
	vt_row(&v, EP, "A,P,02/06/2025,T1,XB1 1AA");  /* 1 */
	vt_row(&v, EP, "A,P,03/06/2025,T3,XB1 1AA");  /* 2 fail: PLACE */
	vt_row(&v, EP, "A,P,04/06/2025,U1,XA1 1AA");  /* 3 fail: PLACE */
	vt_row(&v, EP, "B,S,01/06/2025,T1,XB1 1AA");  /* 4 first */
	vt_row(&v, EP, "B,S,02/06/2025,U1,XA1 1AA");  /* 5 passes */
	vt_row(&v, EP, "C,P,03/06/2025,U1,XA1 1AA");  /* 6 passes */
	vt_row(&v, EP, "C,P,02/06/2025,T2,");         /* 7 */
	vt_row(&v, EP, "C,S,01/06/2025,U1,XA1 1AA");  /* 8 */
	vt_row(&v, EP, "D,S,01/06/2025,U1,XA1 1AA");  /* 9 */
	vt_row(&v, EP, "D,P,02/06/2025,T2,");         /* 10 */
	vt_row(&v, EP, "D,P,03/06/2025,U1,");         /* 11 fail: post */
	vt_row(&v, EP, ",S,01/06/2025,U1,XA1 1AA");   /* 12 */
	vt_row(&v, EP, ",P,02/06/2025,T2,");          /* 13 */
	vt_row(&v, EP, ",S,03/06/2025,U2,XA1 1AA");   /* 14 no CHILD */
	vt_row(&v, EP, "E,S,01/06/2025,U1,XA1 1AA");  /* 15 */
	vt_row(&v, EP, "E,P,02/06/2025,T2,");         /* 16 */
	vt_row(&v, EP, "E,,03/06/2025,U1,XA1 1AA");   /* 17 fail: RNE */
	assert_string_equal(vt_flags(&v, "383", EP), "2,3,11,17");
	vt_free(&v);

	vt_init(&v, 2026);
	vt_cols(&v, V903_HEADER, "CHILD");
	vt_row(&v, V903_HEADER, "A");
	assert_string_equal(vt_flags(&v, "383", EP), "");
	vt_free(&v);
}

/* 383's versions: lac2022_23 to 2024/25, lac2025_26 from 2025/26; the
 * other rules have one version for every year. */
static void temporary_rules_versions(void **state)
{
	(void)state;
	static const char *const codes[] = { "375", "376", "377", "379",
					     "380", "381", "383" };
	for (size_t c = 0; c < ARRAY_LEN(codes); c++)
		for (int y = 2023; y <= 2027; y++) {
			size_t applies = 0;
			for (size_t i = 0; i < v903_rule_count(); i++) {
				const struct v903_rule *rule = v903_rule_at(i);
				if (strcmp(rule->code, codes[c]) == 0 &&
				    v903_rule_applies(rule, y))
					applies++;
			}
			assert_int_equal(applies, 1);
		}
	size_t n383 = 0;
	for (size_t i = 0; i < v903_rule_count(); i++) {
		const struct v903_rule *rule = v903_rule_at(i);
		if (strcmp(rule->code, "383") != 0)
			continue;
		n383++;
		assert_true(v903_rule_applies(rule, 2025) !=
			    v903_rule_applies(rule, 2026));
	}
	assert_int_equal(n383, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hospital_over_six_weeks_validator_data),
		cmocka_unit_test(hospital_over_six_weeks_boundaries),
		cmocka_unit_test(temporary_lengths_need_header),
		cmocka_unit_test(carer_holiday_over_three_weeks_validator_data),
		cmocka_unit_test(carer_holiday_over_three_weeks_boundaries),
		cmocka_unit_test(unspecified_over_seven_days_validator_data),
		cmocka_unit_test(unspecified_over_seven_days_boundaries),
		cmocka_unit_test(carer_holidays_over_two_validator_data),
		cmocka_unit_test(carer_holidays_over_two_no_window),
		cmocka_unit_test(temporary_start),
		cmocka_unit_test(temporary_end),
		cmocka_unit_test(return_after_temporary_validator_data),
		cmocka_unit_test(return_after_temporary_boundaries),
		cmocka_unit_test(return_after_temporary_postcode_validator),
		cmocka_unit_test(return_after_temporary_postcode_missing),
		cmocka_unit_test(return_after_temporary_postcode_boundaries),
		cmocka_unit_test(temporary_rules_versions),
	};
	return RUN(tests);
}
