/*
 * test_v903_continuity.c - the DfE rules that hold this year's episodes
 * against last year's return: 502, 503A-503J, 562, NoE
 * (core/v903_continuity.c). Each test quotes the rule's message; the
 * "validator's own data" cases are the rule file's test_validate data,
 * with the rows it expects.
 */
#include "v903_fixture.h"
#include "core/v903_int.h"

#define EP V903_EPISODES

/* Episodes this year and last year with the columns the 503 rules read. */
static void both_years(struct vt *v, int year, const char *cols)
{
	vt_init(v, year);
	vt_cols(v, EP, cols);
	vt_last_cols(v, EP, cols);
}

/* ---- 502 ---------------------------------------------------------------- */

/* 502 "Last year's record ended with an open episode. The date on which
 * that episode started does not match the start date of the first episode
 * on this year’s record." - the validator's own data. */
static void open_episode_start_validator_data(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2021);
	vt_cols(&v, EP, "CHILD,DECOM");
	vt_row(&v, EP, "111,01/06/2020"); /* 0 min, fails */
	vt_row(&v, EP, "111,05/06/2020"); /* 1 */
	vt_row(&v, EP, "111,06/06/2020"); /* 2 */
	vt_row(&v, EP, "123,08/06/2020"); /* 3 min */
	vt_row(&v, EP, "222,05/06/2020"); /* 4 min, fails */
	vt_row(&v, EP, "333,06/06/2020"); /* 5 min */
	vt_row(&v, EP, "333,07/06/2020"); /* 6 */
	vt_row(&v, EP, "444,08/06/2020"); /* 7 min, fails */
	vt_row(&v, EP, "444,09/06/2020"); /* 8 */
	vt_row(&v, EP, "444,15/06/2020"); /* 9 */
	vt_row(&v, EP, "555,15/06/2020"); /* 10 */
	vt_last_cols(&v, EP, "CHILD,DECOM,DEC");
	vt_last_row(&v, EP, "111,05/06/2020,");
	vt_last_row(&v, EP, "123,08/06/2020,");
	vt_last_row(&v, EP, "222,09/06/2020,");
	vt_last_row(&v, EP, "333,06/06/2020,05/06/2020");
	vt_last_row(&v, EP, "333,07/06/2020,05/06/2020");
	vt_last_row(&v, EP, "444,08/06/2020,05/06/2020");
	vt_last_row(&v, EP, "444,09/06/2020,05/06/2020");
	vt_last_row(&v, EP, "444,19/06/2020,");
	assert_string_equal(vt_flags(&v, "502", EP), "0,4,7");
	vt_free(&v);
}

/* 502: "open" is a blank DEC (one that does not parse is not open here);
 * every open episode is compared, and one whose DECOM is not a date
 * differs; a child new this year passes; the first episode is the
 * earliest DECOM, the first in the file on a tie. */
static void open_episode_start_details(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2023);
	vt_cols(&v, EP, "CHILD,DECOM");
	vt_row(&v, EP, "A,01/03/2022"); /* 0 */
	vt_row(&v, EP, "B,01/03/2022"); /* 1 fails: one open differs */
	vt_row(&v, EP, "C,01/03/2022"); /* 2 fails: open undated */
	vt_row(&v, EP, "D,01/03/2022"); /* 3 new this year */
	vt_row(&v, EP, "E,02/03/2022"); /* 4 */
	vt_row(&v, EP, "E,01/03/2022"); /* 5 first, fails */
	vt_row(&v, EP, "E,01/03/2022"); /* 6 tie: not first */
	vt_row(&v, EP, "F,01/03/2022"); /* 7 DEC junk: closed */
	vt_row(&v, EP, ",01/03/2022");  /* 8 no CHILD */
	vt_last_cols(&v, EP, "CHILD,DECOM,DEC");
	vt_last_row(&v, EP, "A,01/03/2022,");
	vt_last_row(&v, EP, "B,01/03/2022,");
	vt_last_row(&v, EP, "B,02/03/2022,");
	vt_last_row(&v, EP, "C,junk,");
	vt_last_row(&v, EP, "E,02/03/2022,");
	vt_last_row(&v, EP, "F,02/03/2022,junk");
	vt_last_row(&v, EP, ",02/03/2022,");
	assert_string_equal(vt_flags(&v, "502", EP), "1,2,5");
	vt_free(&v);
}

/* 502: a child with no dated episode this year makes pandas' idxmin
 * raise, and the validator reports nothing for the rule at all; last
 * year's undated episodes do not (only this year is grouped). */
static void open_episode_start_fails_on_undated_child(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2023);
	vt_cols(&v, EP, "CHILD,DECOM");
	vt_row(&v, EP, "A,01/03/2022");
	vt_row(&v, EP, "B,not a date");
	vt_last_cols(&v, EP, "CHILD,DECOM,DEC");
	vt_last_row(&v, EP, "A,02/03/2022,");
	assert_string_equal(vt_flags(&v, "502", EP), "");
	vt_free(&v);

	vt_init(&v, 2023);
	vt_cols(&v, EP, "CHILD,DECOM");
	vt_row(&v, EP, "A,01/03/2022");
	vt_last_cols(&v, EP, "CHILD,DECOM,DEC");
	vt_last_row(&v, EP, "A,02/03/2022,");
	vt_last_row(&v, EP, "B,,");
	assert_string_equal(vt_flags(&v, "502", EP), "0");
	vt_free(&v);
}

/* Every rule here needs Episodes in both years. */
static void continuity_rules_need_both_years(void **state)
{
	(void)state;
	static const char *const codes[] = { "502",  "503A", "503B", "503C",
					     "503D", "503E", "503F", "503G",
					     "503H", "503J", "562",  "NoE" };
	for (int last = 0; last < 2; last++) {
		struct vt v;
		vt_init(&v, 2023);
		if (last) {
			vt_last_cols(&v, EP, "CHILD,DECOM");
			vt_last_row(&v, EP, "B,01/01/2020");
		} else {
			vt_cols(&v, EP, "CHILD,DECOM,RNE");
			vt_row(&v, EP, "A,01/01/2020,S");
		}
		for (size_t i = 0; i < ARRAY_LEN(codes); i++)
			assert_string_equal(vt_flags(&v, codes[i], EP), "");
		vt_free(&v);
	}
}

/* Last year's Episodes loaded with no rows: no child continues, so 562
 * and NoE flag every episode before the collection start, and the rules
 * that need a child in both years flag nothing. */
static void continuity_against_empty_last_year(void **state)
{
	(void)state;
	static const char *const none[] = { "502", "503A", "503D", "503G" };
	struct vt v;
	vt_init(&v, 2024);
	vt_cols(&v, EP, "CHILD,DECOM,DEC,RNE");
	vt_row(&v, EP, "A,01/01/2022,,S"); /* 0 */
	vt_row(&v, EP, "B,01/06/2023,,S"); /* 1 this year */
	vt_last_cols(&v, EP, "CHILD,DECOM,DEC,RNE");
	assert_string_equal(vt_flags(&v, "562", EP), "0");
	assert_string_equal(vt_flags(&v, "NoE", EP), "0");
	for (size_t i = 0; i < ARRAY_LEN(none); i++)
		assert_string_equal(vt_flags(&v, none[i], EP), "");
	vt_free(&v);
}

/* ---- 503A-503F ---------------------------------------------------------- */

/* 503A "The reason for new episode in the first episode does not match
 * open episode at end of last year." - the validator's own data. */
static void first_rne_validator_data(void **state)
{
	(void)state;
	struct vt v;
	both_years(&v, 2023, "CHILD,DEC,DECOM,RNE");
	vt_row(&v, EP, "111,,01/06/2020,L"); /* 0 fails */
	vt_row(&v, EP, "111,,05/06/2020,L");
	vt_row(&v, EP, "111,,06/06/2020,L");
	vt_row(&v, EP, "123,,08/06/2020,L"); /* 3 fails */
	vt_row(&v, EP, "222,,05/06/2020,L");
	vt_row(&v, EP, "333,,06/06/2020,L"); /* 5 fails */
	vt_row(&v, EP, "333,,07/06/2020,L");
	vt_row(&v, EP, "444,,08/06/2020,L");
	vt_last_row(&v, EP, "111,,01/06/2020,S");
	vt_last_row(&v, EP, "123,,08/06/2020,P");
	vt_last_row(&v, EP, "222,,05/06/2020,L");
	vt_last_row(&v, EP, "333,,06/06/2020,R");
	vt_last_row(&v, EP, "444,,08/06/2020,L");
	vt_last_row(&v, EP, "444,,09/06/2020,L");
	vt_last_row(&v, EP, "444,,19/06/2020,L");
	assert_string_equal(vt_flags(&v, "503A", EP), "0,3,5");
	vt_free(&v);
}

/* 503B "The legal status in the first episode does not match open episode
 * at end of last year." - the validator's own data. */
static void first_ls_validator_data(void **state)
{
	(void)state;
	struct vt v;
	both_years(&v, 2024, "CHILD,DEC,DECOM,LS");
	vt_row(&v, EP, "111,,01/06/2020,L");
	vt_row(&v, EP, "111,,05/06/2020,L");
	vt_row(&v, EP, "111,,06/06/2020,L");
	vt_row(&v, EP, "123,,08/06/2020,L"); /* 3 fails */
	vt_row(&v, EP, "222,,05/06/2020,L");
	vt_row(&v, EP, "333,,06/06/2020,L"); /* 5 fails */
	vt_row(&v, EP, "333,,07/06/2020,L");
	vt_row(&v, EP, "444,,08/06/2020,L");
	vt_last_row(&v, EP, "111,,01/06/2020,L");
	vt_last_row(&v, EP, "123,,08/06/2020,E1");
	vt_last_row(&v, EP, "222,,05/06/2020,L");
	vt_last_row(&v, EP, "333,,06/06/2020,R");
	vt_last_row(&v, EP, "444,,08/06/2020,L");
	vt_last_row(&v, EP, "444,,09/06/2020,L");
	vt_last_row(&v, EP, "444,,19/06/2020,L");
	assert_string_equal(vt_flags(&v, "503B", EP), "3,5");
	vt_free(&v);
}

/* 503C "The category of need in the first episode does not match open
 * episode at end of last year." - the validator's own data. */
static void first_cin_validator_data(void **state)
{
	(void)state;
	struct vt v;
	both_years(&v, 2023, "CHILD,DEC,DECOM,CIN");
	vt_row(&v, EP, "111,,01/06/2020,N1"); /* 0 fails */
	vt_row(&v, EP, "111,,05/06/2020,N2");
	vt_row(&v, EP, "111,,06/06/2020,N3");
	vt_row(&v, EP, "123,,08/06/2020,N4");
	vt_row(&v, EP, "222,,05/06/2020,N5"); /* 4 fails */
	vt_row(&v, EP, "333,,06/06/2020,N6"); /* 5 fails */
	vt_row(&v, EP, "333,,07/06/2020,N7");
	vt_row(&v, EP, "444,,03/06/2020,N3"); /* 7 fails */
	vt_last_row(&v, EP, "111,,01/06/2020,");
	vt_last_row(&v, EP, "123,,08/06/2020,N4");
	vt_last_row(&v, EP, "222,,05/06/2020,L");
	vt_last_row(&v, EP, "333,,06/06/2020,");
	vt_last_row(&v, EP, "444,,08/06/2020,L");
	vt_last_row(&v, EP, "444,,09/06/2020,L");
	vt_last_row(&v, EP, "444,,19/06/2020,L");
	assert_string_equal(vt_flags(&v, "503C", EP), "0,4,5,7");
	vt_free(&v);
}

/* 503E "The placement provider in the first episode does not match open
 * episode at end of last year." - the validator's own data. */
static void first_provider_validator_data(void **state)
{
	(void)state;
	struct vt v;
	both_years(&v, 2025, "CHILD,DEC,DECOM,PLACE_PROVIDER");
	vt_row(&v, EP, "111,,01/06/2020,PR1"); /* 0 fails */
	vt_row(&v, EP, "111,,05/06/2020,PR2");
	vt_row(&v, EP, "111,,06/06/2020,PR3");
	vt_row(&v, EP, "123,,08/06/2020,PR4");
	vt_row(&v, EP, "222,,05/06/2020,PR5"); /* 4 fails */
	vt_row(&v, EP, "333,,06/06/2020,PR0"); /* 5 fails */
	vt_row(&v, EP, "333,,07/06/2020,PR1");
	vt_row(&v, EP, "444,,05/06/2020,PR3"); /* 7 fails */
	vt_last_row(&v, EP, "111,,01/06/2020,");
	vt_last_row(&v, EP, "123,,08/06/2020,PR4");
	vt_last_row(&v, EP, "222,,05/06/2020,PR2");
	vt_last_row(&v, EP, "333,,06/06/2020,");
	vt_last_row(&v, EP, "444,,08/06/2020,PR1");
	vt_last_row(&v, EP, "444,,09/06/2020,PR0");
	vt_last_row(&v, EP, "444,,19/06/2020,PR2");
	assert_string_equal(vt_flags(&v, "503E", EP), "0,4,5,7");
	vt_free(&v);
}

/* 503F "The Ofsted URN in the  first episode does not match open episode
 * at end of last year." - the validator's own data. */
static void first_urn_validator_data(void **state)
{
	(void)state;
	struct vt v;
	both_years(&v, 2027, "CHILD,DEC,DECOM,URN");
	vt_row(&v, EP, "111,,01/06/2020,SC055123"); /* 0 fails */
	vt_row(&v, EP, "111,,05/06/2020,SC055123");
	vt_row(&v, EP, "111,,06/06/2020,SC055123");
	vt_row(&v, EP, "123,,08/06/2020,SC055123");
	vt_row(&v, EP, "222,,05/06/2020,SC055123"); /* 4 fails */
	vt_row(&v, EP, "333,,06/06/2020,SC055123"); /* 5 fails */
	vt_row(&v, EP, "333,,07/06/2020,SC055123");
	vt_row(&v, EP, "444,,07/06/2020,SC055123");
	vt_last_row(&v, EP, "111,,01/06/2020,");
	vt_last_row(&v, EP, "123,,08/06/2020,SC055123");
	vt_last_row(&v, EP, "222,,05/06/2020,XXX");
	vt_last_row(&v, EP, "333,,06/06/2020,");
	vt_last_row(&v, EP, "444,,08/06/2020,XXX");
	vt_last_row(&v, EP, "444,,09/06/2020,SC055123");
	vt_last_row(&v, EP, "444,,19/06/2020,SC055123");
	assert_string_equal(vt_flags(&v, "503F", EP), "0,4,5");
	vt_free(&v);
}

/* The 503 rules compare each child's first episode this year (earliest
 * DECOM, the first in the file on a tie) with its latest last year (latest
 * DECOM, the first in the file on a tie), only when that one has no DEC:
 * a DEC that does not parse counts as none, a dated one closes it. Two
 * blank cells match; a blank against a code differs. */
static void first_against_latest_open(void **state)
{
	(void)state;
	struct vt v;
	both_years(&v, 2023, "CHILD,DECOM,DEC,RNE");
	vt_row(&v, EP, "A,05/04/2022,,P"); /* 0 */
	vt_row(&v, EP, "A,01/04/2022,,S"); /* 1 first: fails */
	vt_row(&v, EP, "A,01/04/2022,,P"); /* 2 tie, later in file */
	vt_row(&v, EP, "B,01/04/2022,,P"); /* 3 last year closed */
	vt_row(&v, EP, "C,01/04/2022,,P"); /* 4 DEC junk: open, fails */
	vt_row(&v, EP, "D,01/04/2022,,");  /* 5 blank = blank */
	vt_row(&v, EP, "E,01/04/2022,,");  /* 6 blank vs P: fails */
	vt_row(&v, EP, "F,01/04/2022,,P"); /* 7 tie last year: first P */
	vt_row(&v, EP, "G,01/04/2022,,P"); /* 8 new this year */
	vt_row(&v, EP, ",01/04/2022,,P");  /* 9 no CHILD */
	vt_last_row(&v, EP, "A,01/03/2022,,S");
	vt_last_row(&v, EP, "A,02/03/2022,,P");
	vt_last_row(&v, EP, "A,junk,,S");
	vt_last_row(&v, EP, "B,01/03/2022,31/03/2022,S");
	vt_last_row(&v, EP, "C,01/03/2022,junk,S");
	vt_last_row(&v, EP, "D,01/03/2022,,");
	vt_last_row(&v, EP, "E,01/03/2022,,P");
	vt_last_row(&v, EP, "F,01/03/2022,,P");
	vt_last_row(&v, EP, "F,01/03/2022,,S");
	vt_last_row(&v, EP, ",01/03/2022,,S");
	assert_string_equal(vt_flags(&v, "503A", EP), "1,4,6");
	vt_free(&v);
}

/* The 503 rules: a child with no dated episode, this year or last, makes
 * pandas' idxmin/idxmax raise, and the rule reports nothing at all; a
 * missing CHILD does not (groupby drops it). */
static void first_against_latest_fails_on_undated_child(void **state)
{
	(void)state;
	static const char *const undated[] = { "B,,,S", "B,31/02/2022,,S" };
	for (int last = 0; last < 2; last++)
		for (size_t u = 0; u < ARRAY_LEN(undated); u++) {
			struct vt v;
			both_years(&v, 2023, "CHILD,DECOM,DEC,RNE");
			vt_row(&v, EP, "A,01/04/2022,,P");
			vt_row(&v, EP, ",,,P");
			if (!last)
				vt_row(&v, EP, undated[u]);
			vt_last_row(&v, EP, "A,01/03/2022,,S");
			vt_last_row(&v, EP, ",,,S");
			if (last)
				vt_last_row(&v, EP, undated[u]);
			assert_string_equal(vt_flags(&v, "503A", EP), "");
			vt_free(&v);
		}
	struct vt v;
	both_years(&v, 2023, "CHILD,DECOM,DEC,RNE");
	vt_row(&v, EP, "A,01/04/2022,,P");
	vt_row(&v, EP, ",,,P");
	vt_last_row(&v, EP, "A,01/03/2022,,S");
	vt_last_row(&v, EP, ",,,S");
	assert_string_equal(vt_flags(&v, "503A", EP), "0");
	vt_free(&v);
}

/* ---- 503D --------------------------------------------------------------- */

/* 503D "The placement type in the first episode does not match open
 * episode at end of last year" - the validator's own data, lac2022_23. */
static void first_place_validator_data(void **state)
{
	(void)state;
	struct vt v;
	both_years(&v, 2023, "CHILD,DEC,DECOM,PLACE");
	vt_row(&v, EP, "111,,01/06/2020,T1"); /* 0 fails */
	vt_row(&v, EP, "111,,05/06/2020,T2");
	vt_row(&v, EP, "111,,06/06/2020,T3");
	vt_row(&v, EP, "123,,08/06/2020,T4"); /* 3 fails */
	vt_row(&v, EP, "222,,05/06/2020,T5"); /* 4 fails */
	vt_row(&v, EP, "333,,06/06/2020,T6"); /* 5 fails */
	vt_row(&v, EP, "333,,07/06/2020,T7");
	vt_row(&v, EP, "444,,08/06/2020,T3"); /* 7 fails */
	vt_last_row(&v, EP, "111,,01/06/2020,");
	vt_last_row(&v, EP, "123,,08/06/2020,N4");
	vt_last_row(&v, EP, "222,,05/06/2020,L");
	vt_last_row(&v, EP, "333,,06/06/2020,");
	vt_last_row(&v, EP, "444,,08/06/2020,L");
	vt_last_row(&v, EP, "444,,09/06/2020,L");
	vt_last_row(&v, EP, "444,,19/06/2020,L");
	assert_string_equal(vt_flags(&v, "503D", EP), "0,3,4,5,7");
	vt_free(&v);
}

/* The lac2024_25 (collectionYear "2024" in its test) and lac2025_26
 * ("2026") test data: H5 -> K3 passes in 2024, Z1 -> Z13/Z14 in 2026;
 * H5 -> H3 fails in both. */
static void first_place_later_validator_data(void **state)
{
	(void)state;
	static const char *const now[2][2] = { { "K3", "K3" },
					       { "Z13", "Z14" } };
	static const char *const before[2] = { "H5", "Z1" };
	static const int years[2] = { 2024, 2026 };
	for (int k = 0; k < 2; k++) {
		struct vt v;
		char row[64];
		both_years(&v, years[k], "CHILD,DEC,DECOM,PLACE");
		vt_row(&v, EP, "111,,01/06/2020,T1"); /* 0 fails */
		vt_row(&v, EP, "111,,05/06/2020,T2");
		vt_row(&v, EP, "111,,06/06/2020,T3");
		vt_row(&v, EP, "123,,08/06/2020,T4"); /* 3 fails */
		vt_row(&v, EP, "222,,05/06/2020,T5"); /* 4 fails */
		vt_row(&v, EP, "333,,06/06/2020,T6"); /* 5 fails */
		vt_row(&v, EP, "333,,07/06/2020,T7");
		vt_row(&v, EP, "444,,08/06/2020,T3"); /* 7 fails */
		snprintf(row, sizeof row, "555,,08/06/2020,%s", now[k][0]);
		vt_row(&v, EP, row);
		snprintf(row, sizeof row, "888,,08/06/2020,%s", now[k][1]);
		vt_row(&v, EP, row);
		vt_row(&v, EP, "999,,08/06/2020,H3"); /* 10 fails */
		vt_last_row(&v, EP, "111,,01/06/2020,");
		vt_last_row(&v, EP, "123,,08/06/2020,N4");
		vt_last_row(&v, EP, "222,,05/06/2020,L");
		vt_last_row(&v, EP, "333,,06/06/2020,");
		vt_last_row(&v, EP, "444,,08/06/2020,L");
		vt_last_row(&v, EP, "444,,09/06/2020,L");
		vt_last_row(&v, EP, "444,,19/06/2020,L");
		snprintf(row, sizeof row, "555,,19/06/2020,%s", before[k]);
		vt_last_row(&v, EP, row);
		snprintf(row, sizeof row, "888,,08/06/2020,%s", before[k]);
		vt_last_row(&v, EP, row);
		vt_last_row(&v, EP, "999,,08/06/2020,H5");
		assert_string_equal(vt_flags(&v, "503D", EP),
				    "0,3,4,5,7,10");
		vt_free(&v);
	}
}

/* 503D by year: last year's H5 may become K3 in 2024 and 2025 (not 2023
 * or 2026), and Z1 may become Z11-Z14 in 2026 (not 2025 or 2027); not
 * the other way round, and not Z1 -> Z15 or H5 -> K2. */
static void first_place_changes_allowed_by_year(void **state)
{
	(void)state;
	static const struct {
		int year;
		const char *want;
	} cases[] = {
		{ 2023, "0,1,2,3,4,5,6" }, { 2024, "1,2,3,4,5,6" },
		{ 2025, "1,2,3,4,5,6" },   { 2026, "0,1,2,5,6" },
		{ 2027, "0,1,2,3,4,5,6" },
	};
	for (size_t c = 0; c < ARRAY_LEN(cases); c++) {
		struct vt v;
		both_years(&v, cases[c].year, "CHILD,DECOM,PLACE");
		vt_row(&v, EP, "A,01/04/2020,K3");  /* 0 H5 -> K3 */
		vt_row(&v, EP, "B,01/04/2020,H5");  /* 1 K3 -> H5 */
		vt_row(&v, EP, "C,01/04/2020,K2");  /* 2 H5 -> K2 */
		vt_row(&v, EP, "D,01/04/2020,Z11"); /* 3 Z1 -> Z11 */
		vt_row(&v, EP, "E,01/04/2020,Z14"); /* 4 Z1 -> Z14 */
		vt_row(&v, EP, "F,01/04/2020,Z15"); /* 5 Z1 -> Z15 */
		vt_row(&v, EP, "G,01/04/2020,Z1");  /* 6 Z11 -> Z1 */
		vt_last_row(&v, EP, "A,01/03/2020,H5");
		vt_last_row(&v, EP, "B,01/03/2020,K3");
		vt_last_row(&v, EP, "C,01/03/2020,H5");
		vt_last_row(&v, EP, "D,01/03/2020,Z1");
		vt_last_row(&v, EP, "E,01/03/2020,Z1");
		vt_last_row(&v, EP, "F,01/03/2020,Z1");
		vt_last_row(&v, EP, "G,01/03/2020,Z11");
		assert_string_equal(vt_flags(&v, "503D", EP), cases[c].want);
		vt_free(&v);
	}
}

/* ---- 503G, 503H, 503J: the placement's derived columns ---------------- */

/* Test postcodes "LA/EASTING" (northing 0); anything else is not known. */
static bool test_postcode(void *ctx, const char *pc, char la[12], int32_t *e,
			  int32_t *n)
{
	(void)ctx;
	char code[12];
	int east;
	if (sscanf(pc, "%11[^/]/%d", code, &east) != 2)
		return false;
	snprintf(la, 12, "%s", code);
	*e = east;
	*n = 0;
	return true;
}

/* Prepares the return with the test postcodes, before vt_flags. */
static void prepare_places(struct vt *v)
{
	snprintf(v->d.la, sizeof v->d.la, "OURS");
	if (v903_prepare(&v->d, test_postcode, NULL))
		fail_msg("out of memory");
	v->prepared = true;
}

/* A row "CHILD,DECOM,DEC,HOME_POST,PL_POST" placing the child `miles`
 * (to 0.1) from home in authority la. */
static void place_row(struct vt *v, int last, const char *child,
		      const char *decom, const char *dec, const char *la,
		      double miles)
{
	char row[160];
	snprintf(row, sizeof row, "%s,%s,%s,HOME/0,%s/%.0f", child, decom,
		 dec, la, miles * 1609.3);
	vt_row_in(v, last, EP, row);
}

#define PLACE_COLS "CHILD,DECOM,DEC,HOME_POST,PL_POST"

/* 503G "The distance in first episode does not match open episode at end
 * of last year." - the validator's fixtures (current_episodes,
 * previous_episodes) with their distances made from postcodes. */
static void first_distance_validator_data(void **state)
{
	(void)state;
	struct vt v;
	both_years(&v, 2024, PLACE_COLS);
	place_row(&v, 0, "101", "01/04/2020", "04/06/2020", "W1", 400);
	place_row(&v, 0, "101", "04/06/2020", "", "W1", 400);
	place_row(&v, 0, "103", "03/03/2020", "10/07/2020", "816", 10);
	place_row(&v, 0, "103", "10/07/2020", "09/12/2020", "816", 10);
	place_row(&v, 0, "104", "28/03/2020", "", "356", 185);  /* 4 */
	place_row(&v, 0, "105", "16/04/2020", "", "112", 165);
	place_row(&v, 0, "106", "04/11/2020", "", "112", 165);  /* 6 */
	place_row(&v, 1, "101", "04/06/2020", "04/06/2021", "W1", 400);
	place_row(&v, 1, "101", "04/06/2021", "", "W1", 400);
	place_row(&v, 1, "102", "20/12/2020", "07/04/2021", "816", 10);
	place_row(&v, 1, "103", "02/02/2021", "", "816", 10);
	place_row(&v, 1, "104", "28/03/2020", "", "CON", 999.9);
	place_row(&v, 1, "105", "16/04/2020", "", "112", 165);
	place_row(&v, 1, "106", "04/11/2020", "", "112", 10);
	prepare_places(&v);
	assert_string_equal(vt_flags(&v, "503G", EP), "4,6");
	vt_free(&v);
}

/* 503G: a difference of 0.2 miles or more, as doubles: 0.0 -> 0.2 and
 * 10.1 -> 10.3 fail, but 10.0 -> 10.2 (0.19999...) passes, as does 0.1;
 * a distance now where there was none fails, not the other way round. */
static void first_distance_boundaries(void **state)
{
	(void)state;
	static const double pairs[][2] = { { 0.0, 0.2 },   { 10.1, 10.3 },
					   { 10.0, 10.2 }, { 5.0, 5.1 },
					   { 7.5, 7.3 },   { 3.0, 3.0 } };
	static const char *const child[] = { "A", "B", "C", "D", "E", "F" };
	struct vt v;
	both_years(&v, 2023, PLACE_COLS);
	for (size_t i = 0; i < ARRAY_LEN(pairs); i++) {
		place_row(&v, 0, child[i], "01/04/2022", "", "E1", pairs[i][1]);
		place_row(&v, 1, child[i], "01/03/2022", "", "E1", pairs[i][0]);
	}
	vt_row(&v, EP, "G,01/04/2022,,HOME/0,E1/100");   /* 6 fails */
	vt_row(&v, EP, "H,01/04/2022,,,E1/100");         /* 7 no home */
	vt_row(&v, EP, "I,01/04/2022,,,");               /* 8 */
	vt_last_row(&v, EP, "G,01/03/2022,,,E1/100");
	vt_last_row(&v, EP, "H,01/03/2022,,HOME/0,E1/100");
	vt_last_row(&v, EP, "I,01/03/2022,,,");
	prepare_places(&v);
	assert_string_equal(vt_flags(&v, "503G", EP), "0,1,4,6");
	vt_free(&v);
}

/* 503H "The placement LA in first episode does not match open episode at
 * end of last year." - the validator's fixtures; child 106's last
 * placement has no known postcode (PL_LA missing there). */
static void first_la_validator_data(void **state)
{
	(void)state;
	struct vt v;
	both_years(&v, 2022, "CHILD,DECOM,DEC,PL_POST");
	vt_row(&v, EP, "101,01/04/2020,04/06/2020,W06000015/0");
	vt_row(&v, EP, "101,04/06/2020,,W06000015/0");
	vt_row(&v, EP, "103,03/03/2020,10/07/2020,816/0");
	vt_row(&v, EP, "103,10/07/2020,09/12/2020,816/0");
	vt_row(&v, EP, "104,28/03/2020,,356/0"); /* 4 fails */
	vt_row(&v, EP, "105,16/04/2020,,112/0");
	vt_row(&v, EP, "106,04/11/2020,,112/0"); /* 6 fails */
	vt_last_row(&v, EP, "101,04/06/2020,04/06/2021,W06000015/0");
	vt_last_row(&v, EP, "101,04/06/2021,,W99/0");
	vt_last_row(&v, EP, "102,20/12/2020,07/04/2021,816/0");
	vt_last_row(&v, EP, "103,02/02/2021,,816/0");
	vt_last_row(&v, EP, "104,28/03/2020,,CON/0");
	vt_last_row(&v, EP, "105,16/04/2020,,112/0");
	vt_last_row(&v, EP, "106,04/11/2020,,unknown");
	prepare_places(&v);
	assert_string_equal(vt_flags(&v, "503H", EP), "4,6");
	vt_free(&v);
}

/* 503J "The placement location in first episode does not match open
 * episode at end of last year." - the validator's own data, IN meaning
 * our authority, OUT another, blank an unknown postcode. */
static void first_location_validator_data(void **state)
{
	(void)state;
	struct vt v;
	both_years(&v, 2025, "CHILD,DEC,DECOM,PL_POST");
	vt_row(&v, EP, "111,,01/06/2020,OURS/0"); /* 0 fails */
	vt_row(&v, EP, "111,,05/06/2020,OURS/0");
	vt_row(&v, EP, "111,,06/06/2020,OURS/0");
	vt_row(&v, EP, "123,,08/06/2020,E1/0");
	vt_row(&v, EP, "222,,05/06/2020,OURS/0"); /* 4 fails */
	vt_row(&v, EP, "333,,06/06/2020,E1/0");   /* 5 fails */
	vt_row(&v, EP, "333,,07/06/2020,OURS/0");
	vt_row(&v, EP, "444,,08/06/2020,E1/0");
	vt_last_row(&v, EP, "111,,01/06/2020,");
	vt_last_row(&v, EP, "123,,08/06/2020,E1/0");
	vt_last_row(&v, EP, "222,,05/06/2020,S12/0");
	vt_last_row(&v, EP, "333,,06/06/2020,");
	vt_last_row(&v, EP, "444,,08/06/2020,OURS/0");
	vt_last_row(&v, EP, "444,,09/06/2020,E2/0");
	vt_last_row(&v, EP, "444,,19/06/2020,E2/0");
	prepare_places(&v);
	assert_string_equal(vt_flags(&v, "503J", EP), "0,4,5");
	vt_free(&v);
}

/* ---- 562, NoE ----------------------------------------------------------- */

/* 562 "Episode commenced before the start of the current collection year
 * but there is a missing continuous episode in the previous year." - the
 * validator's own data (collection start 01/04/2021). */
static void missing_continuous_validator_data(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2022);
	vt_cols(&v, EP, "CHILD,DECOM");
	vt_row(&v, EP, "111,15/03/2021"); /* 0 */
	vt_row(&v, EP, "111,05/06/2021");
	vt_row(&v, EP, "222,13/03/2021"); /* 2 fails */
	vt_row(&v, EP, "222,08/06/2021");
	vt_row(&v, EP, "222,05/06/2021");
	vt_row(&v, EP, "333,01/01/2021"); /* 5 fails */
	vt_row(&v, EP, "444,01/05/2021");
	vt_last_cols(&v, EP, "CHILD,DECOM");
	vt_last_row(&v, EP, "111,01/06/2020");
	vt_last_row(&v, EP, "111,05/06/2020");
	vt_last_row(&v, EP, "111,15/03/2021");
	vt_last_row(&v, EP, "222,01/02/2021");
	vt_last_row(&v, EP, "222,11/03/2021");
	vt_last_row(&v, EP, "333,06/06/2020");
	assert_string_equal(vt_flags(&v, "562", EP), "2,5");
	vt_free(&v);
}

/* 562: only an episode before the collection start counts (31 March, not
 * 1 April), and only the child's earliest; it must match last year's
 * latest; a child absent last year fails; a child with no dated episode
 * last year makes the rule report nothing. */
static void missing_continuous_boundaries(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2023);
	vt_cols(&v, EP, "CHILD,DECOM");
	vt_row(&v, EP, "A,31/03/2022"); /* 0 matches */
	vt_row(&v, EP, "B,31/03/2022"); /* 1 fails: last year later */
	vt_row(&v, EP, "C,01/04/2022"); /* 2 on the start */
	vt_row(&v, EP, "D,30/03/2022"); /* 3 fails: absent */
	vt_row(&v, EP, "E,31/03/2022"); /* 4 */
	vt_row(&v, EP, "E,30/03/2022"); /* 5 earliest, fails */
	vt_row(&v, EP, ",01/03/2022");  /* 6 no CHILD */
	vt_row(&v, EP, "F,junk");       /* 7 */
	vt_last_cols(&v, EP, "CHILD,DECOM");
	vt_last_row(&v, EP, "A,31/03/2022");
	vt_last_row(&v, EP, "A,junk");
	vt_last_row(&v, EP, "B,31/03/2022");
	vt_last_row(&v, EP, "B,01/04/2022");
	vt_last_row(&v, EP, "C,01/03/2022");
	vt_last_row(&v, EP, "E,31/03/2022");
	assert_string_equal(vt_flags(&v, "562", EP), "1,3,5");
	vt_free(&v);

	vt_init(&v, 2023);
	vt_cols(&v, EP, "CHILD,DECOM");
	vt_row(&v, EP, "D,30/03/2022");
	vt_last_cols(&v, EP, "CHILD,DECOM");
	vt_last_row(&v, EP, "X,");
	assert_string_equal(vt_flags(&v, "562", EP), "");
	vt_free(&v);
}

/* NoE "This child has no episodes loaded for previous year even though
 * child started to be looked after before this current year." - the
 * validator's own data (collection start 01/04/2021). */
static void no_previous_episodes_validator_data(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2022);
	vt_cols(&v, EP, "CHILD,DECOM");
	vt_row(&v, EP, "101,14/03/2021");
	vt_row(&v, EP, "102,08/09/2021");
	vt_row(&v, EP, "103,03/10/2020"); /* 2 fails */
	vt_last_cols(&v, EP, "CHILD,DECOM");
	vt_last_row(&v, EP, "101,14/03/2021");
	vt_last_row(&v, EP, "102,16/06/2019");
	assert_string_equal(vt_flags(&v, "NoE", EP), "2");
	vt_free(&v);
}

/* NoE: every episode before the collection start (31 March, not 1 April)
 * of a child with no episode at all last year, dated or not; a missing
 * CHILD is found among last year's missing CHILDs. */
static void no_previous_episodes_boundaries(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2024);
	vt_cols(&v, EP, "CHILD,DECOM");
	vt_row(&v, EP, "A,31/03/2023"); /* 0 fails */
	vt_row(&v, EP, "A,01/04/2023"); /* 1 on the start */
	vt_row(&v, EP, "A,01/01/2020"); /* 2 fails */
	vt_row(&v, EP, "B,01/01/2020"); /* 3 last year undated */
	vt_row(&v, EP, "C,junk");       /* 4 */
	vt_row(&v, EP, ",01/01/2020");  /* 5 matches a missing CHILD */
	vt_last_cols(&v, EP, "CHILD,DECOM");
	vt_last_row(&v, EP, "B,");
	vt_last_row(&v, EP, ",01/01/2020");
	assert_string_equal(vt_flags(&v, "NoE", EP), "0,2");
	vt_free(&v);

	vt_init(&v, 2024);
	vt_cols(&v, EP, "CHILD,DECOM");
	vt_row(&v, EP, ",01/01/2020"); /* 0 fails: none missing last year */
	vt_last_cols(&v, EP, "CHILD,DECOM");
	vt_last_row(&v, EP, "B,01/01/2020");
	assert_string_equal(vt_flags(&v, "NoE", EP), "0");
	vt_free(&v);
}

/* 503D has a version per ruleset that changed it, one a year; the others
 * apply in every year. */
static void continuity_versions_by_year(void **state)
{
	(void)state;
	size_t n = v903_rule_count();
	for (int year = 2023; year <= 2027; year++) {
		int count = 0;
		for (size_t i = 0; i < n; i++) {
			const struct v903_rule *r = v903_rule_at(i);
			if (strcmp(r->code, "503D") == 0 &&
			    v903_rule_applies(r, year))
				count++;
		}
		assert_int_equal(count, 1);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(open_episode_start_validator_data),
		cmocka_unit_test(open_episode_start_details),
		cmocka_unit_test(open_episode_start_fails_on_undated_child),
		cmocka_unit_test(continuity_rules_need_both_years),
		cmocka_unit_test(continuity_against_empty_last_year),
		cmocka_unit_test(first_rne_validator_data),
		cmocka_unit_test(first_ls_validator_data),
		cmocka_unit_test(first_cin_validator_data),
		cmocka_unit_test(first_provider_validator_data),
		cmocka_unit_test(first_urn_validator_data),
		cmocka_unit_test(first_against_latest_open),
		cmocka_unit_test(first_against_latest_fails_on_undated_child),
		cmocka_unit_test(first_place_validator_data),
		cmocka_unit_test(first_place_later_validator_data),
		cmocka_unit_test(first_place_changes_allowed_by_year),
		cmocka_unit_test(first_distance_validator_data),
		cmocka_unit_test(first_distance_boundaries),
		cmocka_unit_test(first_la_validator_data),
		cmocka_unit_test(first_location_validator_data),
		cmocka_unit_test(missing_continuous_validator_data),
		cmocka_unit_test(missing_continuous_boundaries),
		cmocka_unit_test(no_previous_episodes_validator_data),
		cmocka_unit_test(no_previous_episodes_boundaries),
		cmocka_unit_test(continuity_versions_by_year),
	};
	return RUN(tests);
}
