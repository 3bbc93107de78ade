/*
 * test_v903_header.c - the DfE rules on the Header table's fields and its
 * links to Episodes (core/v903_header.c): 101, 102, 103, INT03, INT32.
 *
 * Each rule's own test_validate data from csc-validator-be-903 is one
 * case, with the indices it expects; the other cases are the boundaries.
 */
#include "v903_fixture.h"
#include "core/v903_int.h"

/* The validator's lac_validator/fixtures.py fake_INT_header: children
 * 101-104 twice each, then 106; DOBs alternately given and missing. */
static void int_header(struct vt *v)
{
	static const char *const rows[] = {
		"101,01/04/2020,M", "102,,F", "103,01/04/2020,M", "104,,F",
		"101,01/04/2020,M", "102,,F", "103,01/04/2020,M", "104,,F",
		"106,,",
	};
	vt_cols(v, V903_HEADER, "CHILD,DOB,SEX");
	for (size_t i = 0; i < ARRAY_LEN(rows); i++)
		vt_row(v, V903_HEADER, rows[i]);
}

/* A Header table of one SEX column, in collection year `year`. */
static const char *sex_flags(int year, const char *const *sexes, size_t n)
{
	static char out[256];
	struct vt v;
	vt_init(&v, year);
	vt_cols(&v, V903_HEADER, "SEX");
	for (size_t i = 0; i < n; i++)
		vt_row(&v, V903_HEADER, sexes[i]);
	snprintf(out, sizeof out, "%s", vt_flags(&v, "101", V903_HEADER));
	vt_free(&v);
	return out;
}

/* 101 "Gender code is not valid." (lac2022_23: SEX must be 1 or 2), then
 * from 2024/25 "The child or young person’s reported sex is not valid."
 * (M, F or U). A missing SEX fails both. */
static void sex_code_by_ruleset(void **state)
{
	(void)state;
	/* the 2022/23 test_validate: SEX [1, 2, 3, NA] -> [2, 3] */
	static const char *const old[] = { "1", "2", "3", "" };
	assert_string_equal(sex_flags(2023, old, 4), "2,3");
	assert_string_equal(sex_flags(2024, old, 4), "2,3");
	/* the 2024/25 test_validate: [M, F, U, 1, X, NA] -> [3, 4, 5] */
	static const char *const now[] = { "M", "F", "U", "1", "X", "" };
	assert_string_equal(sex_flags(2025, now, 6), "3,4,5");
	assert_string_equal(sex_flags(2027, now, 6), "3,4,5");
	/* the year before the new codes: M, F, U are not 1 or 2 */
	assert_string_equal(sex_flags(2024, now, 6), "0,1,2,4,5");
	/* 0 and 9 were never valid; cells are upper-cased, so m is M */
	static const char *const more[] = { "0", "9", "m", "f", "u", "1.0" };
	assert_string_equal(sex_flags(2024, more, 6), "0,1,2,3,4,5");
	assert_string_equal(sex_flags(2025, more, 6), "0,1,5");
	/* the message changes with the version */
	for (size_t i = 0; i < v903_rule_count(); i++) {
		const struct v903_rule *r = v903_rule_at(i);
		if (strcmp(r->code, "101") != 0)
			continue;
		if (v903_rule_applies(r, 2024))
			assert_string_equal(r->message,
					    "Gender code is not valid.");
		else
			assert_string_equal(r->message,
					    "The child or young person’s "
					    "reported sex is not valid.");
	}
}

/* 102 "Date of birth is not a valid date." */
static void dob_must_be_a_date(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2023);
	vt_cols(&v, V903_HEADER, "DOB");
	/* test_validate: [01/01/2021, 19/02/2010, 38/04/2019, 01/01/19, NA]
	 * -> [2, 3, 4] */
	vt_row(&v, V903_HEADER, "01/01/2021");
	vt_row(&v, V903_HEADER, "19/02/2010");
	vt_row(&v, V903_HEADER, "38/04/2019");
	vt_row(&v, V903_HEADER, "01/01/19");
	vt_row(&v, V903_HEADER, "");
	vt_row(&v, V903_HEADER, "29/02/2020");  /* 5: a leap day */
	vt_row(&v, V903_HEADER, "29/02/2021");  /* 6: no such day */
	vt_row(&v, V903_HEADER, "2010-02-19");  /* 7: not DD/MM/YYYY */
	vt_row(&v, V903_HEADER, "1/2/2010");    /* 8: one digit each */
	vt_row(&v, V903_HEADER, "31/12/2010");  /* 9 */
	vt_row(&v, V903_HEADER, "32/12/2010");  /* 10 */
	assert_string_equal(vt_flags(&v, "102", V903_HEADER), "2,3,4,6,7,10");
	vt_free(&v);

	vt_init(&v, 2027);
	vt_cols(&v, V903_HEADER, "DOB");
	vt_row(&v, V903_HEADER, "01/13/2010");
	vt_row(&v, V903_HEADER, "13/01/2010");
	assert_string_equal(vt_flags(&v, "102", V903_HEADER), "0");
	vt_free(&v);
}

/* A Header table of one ETHNIC column, in collection year `year`. */
static const char *ethnic_flags(int year, const char *const *codes, size_t n)
{
	static char out[256];
	struct vt v;
	vt_init(&v, year);
	vt_cols(&v, V903_HEADER, "ETHNIC");
	for (size_t i = 0; i < n; i++)
		vt_row(&v, V903_HEADER, codes[i]);
	snprintf(out, sizeof out, "%s", vt_flags(&v, "103", V903_HEADER));
	vt_free(&v);
	return out;
}

/* 103 "The ethnicity code is either not valid or has not been entered."
 * The 20 codes, in every year (2024/25 restates the same list). */
static void ethnicity_code_listed(void **state)
{
	(void)state;
	static const char *const all[] = {
		"WBRI", "WIRI", "WOTH", "WIRT", "WROM", "MWBC", "MWBA",
		"MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH", "BCRB",
		"BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT",
	};
	for (int y = 2023; y <= 2027; y++)
		assert_string_equal(ethnic_flags(y, all, ARRAY_LEN(all)), "");
	/* test_validate: [WBRI, WIRI, WOTH, wbri, White British, "", NA]
	 * -> [3, 4, 5, 6]. Here cells are upper-cased as the validator's
	 * ingress does before any rule runs, so wbri is WBRI and passes;
	 * "" is missing, as ingress reads an empty cell. */
	static const char *const fake[] = { "WBRI", "WIRI", "WOTH", "wbri",
					    "White British", "", "" };
	assert_string_equal(ethnic_flags(2024, fake, 7), "4,5,6");
	assert_string_equal(ethnic_flags(2025, fake, 7), "4,5,6");
	/* the guidance's misspelling, codes close to real ones */
	static const char *const near[] = { "CNHE", "WBR", "WBRIT", "W BRI",
					    "OTH", "CHNE" };
	assert_string_equal(ethnic_flags(2023, near, 6), "0,1,2,3,4");
}

/* INT03 "Internal Check: Child in Episodes does not exist in Header." */
static void episode_child_in_header(void **state)
{
	(void)state;
	struct vt v;
	/* test_validate: fake_INT_header, and fake_INT_file as Episodes:
	 * 101, 102, 103, 105 -> [3] */
	vt_init(&v, 2023);
	int_header(&v);
	vt_cols(&v, V903_EPISODES, "CHILD");
	vt_row(&v, V903_EPISODES, "101");
	vt_row(&v, V903_EPISODES, "102");
	vt_row(&v, V903_EPISODES, "103");
	vt_row(&v, V903_EPISODES, "105");
	vt_row(&v, V903_EPISODES, "105");  /* 4: every row of the child */
	vt_row(&v, V903_EPISODES, "");     /* 5: no CHILD, none in Header */
	vt_row(&v, V903_EPISODES, "1060"); /* 6 */
	vt_row(&v, V903_EPISODES, "106");  /* 7 */
	assert_string_equal(vt_flags(&v, "INT03", V903_EPISODES), "3,4,5,6");
	assert_string_equal(vt_flags(&v, "INT03", V903_HEADER), "");
	vt_free(&v);

	/* a header row with no CHILD matches episodes with no CHILD (the
	 * merge pairs NaN keys) */
	vt_init(&v, 2026);
	vt_cols(&v, V903_HEADER, "CHILD");
	vt_row(&v, V903_HEADER, "A");
	vt_row(&v, V903_HEADER, "");
	vt_cols(&v, V903_EPISODES, "CHILD");
	vt_row(&v, V903_EPISODES, "");
	vt_row(&v, V903_EPISODES, "B");
	vt_row(&v, V903_EPISODES, "A");
	vt_row(&v, V903_EPISODES, "");
	assert_string_equal(vt_flags(&v, "INT03", V903_EPISODES), "1");
	vt_free(&v);

	/* an empty Header: every episode; no Header at all: skipped */
	vt_init(&v, 2023);
	vt_empty(&v, V903_HEADER);
	vt_cols(&v, V903_EPISODES, "CHILD");
	vt_row(&v, V903_EPISODES, "A");
	vt_row(&v, V903_EPISODES, "");
	assert_string_equal(vt_flags(&v, "INT03", V903_EPISODES), "0,1");
	vt_free(&v);
	vt_init(&v, 2023);
	vt_cols(&v, V903_EPISODES, "CHILD");
	vt_row(&v, V903_EPISODES, "A");
	assert_string_equal(vt_flags(&v, "INT03", V903_EPISODES), "");
	vt_free(&v);
}

/* INT32 "Internal Check: Child should only exist once in Header." */
static void child_once_in_header(void **state)
{
	(void)state;
	struct vt v;
	/* test_validate: fake_INT_header -> [0, 1, 2, 3, 4, 5, 6, 7] */
	vt_init(&v, 2023);
	int_header(&v);
	assert_string_equal(vt_flags(&v, "INT32", V903_HEADER),
			    "0,1,2,3,4,5,6,7");
	vt_free(&v);

	/* once is fine, three times flags all three; rows with no CHILD
	 * are never counted (groupby drops NaN keys) */
	vt_init(&v, 2027);
	vt_cols(&v, V903_HEADER, "CHILD");
	vt_row(&v, V903_HEADER, "A");
	vt_row(&v, V903_HEADER, "");
	vt_row(&v, V903_HEADER, "B");
	vt_row(&v, V903_HEADER, "");
	vt_row(&v, V903_HEADER, "B");
	vt_row(&v, V903_HEADER, "b");  /* 5: upper-cased, a third B */
	vt_row(&v, V903_HEADER, "AB");
	assert_string_equal(vt_flags(&v, "INT32", V903_HEADER), "2,4,5");
	vt_free(&v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sex_code_by_ruleset),
		cmocka_unit_test(dob_must_be_a_date),
		cmocka_unit_test(ethnicity_code_listed),
		cmocka_unit_test(episode_child_in_header),
		cmocka_unit_test(child_once_in_header),
	};
	return RUN(tests);
}
