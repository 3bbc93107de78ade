/*
 * test_v903_chronology.c - the DfE rules on the order of a child's
 * episodes within the year (core/v903_chronology.c): 142, 501, 356, 355,
 * 353, 354, 385, 302, 352, 357, 388, 431-437, 504.
 *
 * Each rule's own test_validate data from csc-validator-be-903
 * (lac_validator/rules/lac2022_23/rule_<code>.py) is one case, with the
 * indices it expects; the other cases are the boundaries and the pandas
 * semantics (missing values, sort order, text comparisons).
 */
#include "v903_fixture.h"
#include "core/v903_int.h"

/* Adds rows (comma-separated cells) to one table of v. */
#define ROWS(v, t, ...)                                                     \
	do {                                                                \
		static const char *const rows_[] = { __VA_ARGS__ };         \
		for (size_t i_ = 0; i_ < ARRAY_LEN(rows_); i_++)            \
			vt_row((v), (t), rows_[i_]);                        \
	} while (0)

#define EP V903_EPISODES

/* The rows of Episodes `code` flags in a return of year `year` whose
 * Episodes table has the columns `cols` and the rows `rows`. */
static const char *ep_flags(int year, const char *code, const char *cols,
			    const char *const *rows, size_t n)
{
	static char out[4096];
	struct vt v;
	vt_init(&v, year);
	vt_cols(&v, EP, cols);
	for (size_t i = 0; i < n; i++)
		vt_row(&v, EP, rows[i]);
	snprintf(out, sizeof out, "%s", vt_flags(&v, code, EP));
	vt_free(&v);
	return out;
}

#define EP_FLAGS(year, code, cols, ...)                                     \
	ep_flags((year), (code), (cols),                                    \
		 (const char *const[]){ __VA_ARGS__ },                      \
		 ARRAY_LEN(((const char *const[]){ __VA_ARGS__ })))

/* ---- Registration ----------------------------------------------------- */

static const struct {
	const char *code, *message;
} MESSAGES[] = {
	{ "142", "A new episode has started, but the previous episode has not "
		 "ended." },
	{ "501", "A new episode has started before the end date of the "
		 "previous episode." },
	{ "356", "The date the episode ceased is before the date the same "
		 "episode started." },
	{ "355", "Episode appears to have lasted for less than 24 hours" },
	{ "353", "No episode submitted can start before 14 October 1991." },
	{ "354", "Date episode ceased must be on or before the end of the "
		 "current collection year." },
	{ "385", "Date episode ceased must be on or before the end of the "
		 "current collection year." },
	{ "302", "First episode starts before child was born." },
	{ "352", "Child who started to be looked after was aged 18 or over." },
	{ "357", "If this is the first episode ever for this child, reason for "
		 "new episode must be S.  Check whether there is an episode "
		 "immediately preceding this one, which has been left out.  If "
		 "not the reason for new episode code must be amended to S." },
	{ "388", "Reason episode ceased is coded new episode begins, but there "
		 "is no continuation episode." },
	{ "431", "The reason for new episode is started to be looked after, "
		 "but the previous episode ended on the same day." },
	{ "432", "The child ceased to be looked after at the end of the "
		 "previous episode but the reason for the new episode is not "
		 "started to be looked after." },
	{ "433", "The reason for new episode suggests that this is a "
		 "continuation episode, but the episode does not start on the "
		 "same day as the last episode finished." },
	{ "434", "Reason for new episode is that child's legal status has "
		 "changed but not the placement, but this is not reflected in "
		 "the episode data." },
	{ "435", "Reason for new episode is that child\xe2\x80\x99s placement "
		 "has changed but not the legal status, but this is not "
		 "reflected in the episode data recorded." },
	{ "436", "Reason for new episode is that both child\xe2\x80\x99s "
		 "placement and legal status have changed, but this is not "
		 "reflected in the episode data." },
	{ "437", "Reason episode ceased is child has died or is aged 18 or "
		 "over but there are further episodes." },
	{ "504", "The category of need code differs from that reported at "
		 "start of current period of being looked after" },
};

/* None of these rules changed after lac2022_23 or is in a later
 * del_list: one version, in every year from 2022/23 to 2026/27, with the
 * decorator's message verbatim (357's double spaces, 435's and 436's
 * curly apostrophes, 434's straight one). */
static void one_version_every_year_with_verbatim_message(void **state)
{
	(void)state;
	for (size_t m = 0; m < ARRAY_LEN(MESSAGES); m++) {
		size_t versions = 0;
		for (size_t i = 0; i < v903_rule_count(); i++) {
			const struct v903_rule *r = v903_rule_at(i);
			if (strcmp(r->code, MESSAGES[m].code) != 0)
				continue;
			versions++;
			assert_string_equal(r->message, MESSAGES[m].message);
			for (int y = 2023; y <= 2027; y++)
				assert_true(v903_rule_applies(r, y));
		}
		assert_int_equal(versions, 1);
	}
}

/* "if "Episodes" not in dfs: return {}" (and Header too for 302 and 352):
 * a rule whose tables are not loaded flags nothing and counts skipped. */
static void skipped_without_their_tables(void **state)
{
	(void)state;
	struct v903_data d;
	v903_init(&d, 2023);
	const char *row[] = { "A", "01/01/1980", "S" };
	v903_add_row(&d.t[V903_HEADER], V903_HEADER, row, 2);
	assert_int_equal(v903_prepare(&d, NULL, NULL), 0);
	for (size_t m = 0; m < ARRAY_LEN(MESSAGES); m++) {
		struct v903_result r;
		memset(&r, 0, sizeof r);
		v903_validate(&d, MESSAGES[m].code, &r);
		assert_int_equal(r.n, 0);
		assert_int_equal(r.skipped, 1);
		v903_result_free(&r);
	}
	v903_free(&d);

	/* Episodes alone: 302 and 352 also need Header */
	v903_init(&d, 2023);
	v903_add_row(&d.t[EP], EP, row, 3);
	assert_int_equal(v903_prepare(&d, NULL, NULL), 0);
	const char *both[] = { "302", "352", "142" };
	for (size_t i = 0; i < ARRAY_LEN(both); i++) {
		struct v903_result r;
		memset(&r, 0, sizeof r);
		v903_validate(&d, both[i], &r);
		assert_int_equal(r.skipped, i < 2 ? 1 : 0);
		v903_result_free(&r);
	}
	v903_free(&d);

	/* tables loaded with no rows: every rule runs and flags nothing */
	v903_init(&d, 2023);
	v903_table_present(&d.t[EP], EP);
	v903_table_present(&d.t[V903_HEADER], V903_HEADER);
	assert_int_equal(v903_prepare(&d, NULL, NULL), 0);
	for (size_t m = 0; m < ARRAY_LEN(MESSAGES); m++) {
		struct v903_result r;
		memset(&r, 0, sizeof r);
		v903_validate(&d, MESSAGES[m].code, &r);
		assert_int_equal(r.n, 0);
		assert_int_equal(r.skipped, 0);
		assert_false(r.out_of_memory);
		v903_result_free(&r);
	}
	v903_free(&d);
}

/* ---- 142 -------------------------------------------------------------- */

/* 142 "A new episode has started, but the previous episode has not
 * ended.": every episode but the child's latest by DECOM needs DEC and
 * REC. */
static void episode_before_latest_must_have_ended(void **state)
{
	(void)state;
	const char *c = "CHILD,DECOM,DEC,REC";
	/* the rule's test_validate */
	assert_string_equal(
		EP_FLAGS(2023, "142", c,
			 "111,01/06/2020,04/06/2020,X1", /* 0 */
			 "111,05/06/2020,06/06/2020,", /* 1 */
			 "111,06/06/2020,08/06/2020,X1", /* 2 */
			 "111,08/06/2020,05/06/2020,X1", /* 3 */
			 "222,05/06/2020,06/06/2020,", /* 4 */
			 "333,06/06/2020,,E11", /* 5 */
			 "333,07/06/2020,,", /* 6 */
			 "444,08/06/2020,09/06/2020,X1", /* 7 */
			 "444,09/06/2020,10/06/2020,E11", /* 8 */
			 "444,15/06/2020,,", /* 9 */
			 "555,11/06/2020,12/06/2020,X1", /* 10 */
			 "6666,12/06/2020,13/06/2020,X1", /* 11 */
			 "6666,13/06/2020,14/06/2020,X1", /* 12 */
			 "6666,14/06/2020,,X1", /* 13 */
			 "6666,15/06/2020,16/06/2020,X1", /* 14 */
			 "77777,16/06/2020,17/06/2020,X1", /* 15 */
			 "77777,17/06/2020,18/06/2020,X1", /* 16 */
			 "77777,18/06/2020,,X1", /* 17 */
			 "999,31/06/2020,,", /* 18 */
			 "123,,,", /* 19 */
			 ",,,"), /* 20 */
		"1,5,13");
	/* the latest by DECOM is exempt wherever it is in the file */
	assert_string_equal(
		EP_FLAGS(2023, "142", c,
			 "A,10/06/2022,,",
			 "A,01/06/2022,10/06/2022,X1"),
		"");
	assert_string_equal(
		EP_FLAGS(2023, "142", c,
			 "A,01/06/2022,,",
			 "A,10/06/2022,,"),
		"0");
	/* an episode with no valid DECOM sorts last, so it is the latest
	 * (and is not checked itself) */
	assert_string_equal(
		EP_FLAGS(2023, "142", c,
			 "A,01/06/2022,,X1",
			 "A,nonsense,,"),
		"0");
	/* DEC must be a date; REC alone or DEC alone is not enough */
	assert_string_equal(
		EP_FLAGS(2023, "142", c,
			 "A,01/06/2022,31/02/2022,X1",
			 "A,01/07/2022,05/07/2022,",
			 "A,01/08/2022,,E11",
			 "A,01/09/2022,,"),
		"0,1,2");
	/* the code fills a missing DECOM with "01/01/1901" and then puts
	 * that date back to missing, so a real 01/01/1901 is missing too:
	 * it sorts last and is the latest */
	assert_string_equal(
		EP_FLAGS(2023, "142", c,
			 "A,01/01/1901,,",
			 "A,01/06/2022,,"),
		"1");
	/* a tie on the latest DECOM: in a small table (16 dates or fewer,
	 * which numpy sorts by insertion) the later row in the file is
	 * latest */
	assert_string_equal(
		EP_FLAGS(2023, "142", c,
			 "A,01/06/2022,,",
			 "A,01/06/2022,,"),
		"0");
	/* ... but past 16 rows the sort is numpy's introsort, which is not
	 * stable: of A's five episodes starting 02/06/2022 (rows 2, 6, 10,
	 * 14, 18) pandas keeps row 6 last, not row 18 */
	struct vt v;
	vt_init(&v, 2023);
	vt_cols(&v, EP, c);
	for (int i = 0; i < 20; i++) {
		char row[64];
		snprintf(row, sizeof row, "%s,0%d/06/2022,,", i % 2 ? "B" : "A",
			 1 + i % 4 / 2);
		vt_row(&v, EP, row);
	}
	assert_string_equal(vt_flags(&v, "142", EP),
			    "0,1,2,3,4,5,7,8,9,10,11,12,13,14,15,16,17,18");
	vt_free(&v);
	/* no CHILD: never checked */
	assert_string_equal(
		EP_FLAGS(2023, "142", c,
			 ",01/06/2022,,",
			 ",02/06/2022,,"),
		"");
}

/* ---- 501 -------------------------------------------------------------- */

/* 501 "A new episode has started before the end date of the previous
 * episode.": DECOM < the previous episode's DEC. */
static void episode_starts_before_previous_ended(void **state)
{
	(void)state;
	const char *c = "CHILD,DECOM,DEC";
	assert_string_equal(
		EP_FLAGS(2023, "501", c,
			 "111,01/06/2020,04/06/2020", /* 0 */
			 "111,02/06/2020,06/06/2020", /* 1 */
			 "111,06/06/2020,", /* 2 */
			 "111,08/06/2020,09/06/2020", /* 3 */
			 "222,10/06/2020,11/06/2020", /* 4 */
			 "333,04/06/2020,07/06/2020", /* 5 */
			 "333,05/06/2020,", /* 6 */
			 "444,08/06/2020,09/06/2020", /* 7 */
			 "444,08/06/2020,10/06/2020", /* 8 */
			 "444,15/06/2020,"), /* 9 */
		"1,6,8");
	/* on the previous DEC: fine; a day before: flagged */
	assert_string_equal(
		EP_FLAGS(2023, "501", c,
			 "A,01/06/2022,10/06/2022",
			 "A,10/06/2022,",
			 "B,01/06/2022,10/06/2022",
			 "B,09/06/2022,"),
		"3");
	/* sorted by DECOM first, whatever the file order */
	assert_string_equal(
		EP_FLAGS(2023, "501", c,
			 "A,09/06/2022,",
			 "A,01/06/2022,10/06/2022"),
		"0");
	/* an open previous episode, a missing DECOM, another child, no
	 * CHILD at all (NaN == NaN is false) */
	assert_string_equal(
		EP_FLAGS(2023, "501", c,
			 "A,01/06/2022,", /* 0 */
			 "A,02/06/2022,", /* 1 */
			 "B,01/01/2022,01/12/2022", /* 2 */
			 "B,bad,", /* 3 */
			 "C,01/01/2022,", /* 4 */
			 ",01/01/2022,01/12/2022", /* 5 */
			 ",02/01/2022,"), /* 6 */
		"");
}

/* ---- 356, 355, 353, 354, 385 ------------------------------------------ */

/* 356 "The date the episode ceased is before the date the same episode
 * started." */
static void episode_ends_before_it_starts(void **state)
{
	(void)state;
	const char *c = "DECOM,DEC";
	assert_string_equal(
		EP_FLAGS(2023, "356", c,
			 "14/03/2021,08/12/2020",
			 "16/06/2019,24/08/2021",
			 "03/10/2020,",
			 "07/09/2021,07/09/2021"),
		"0");
	/* a day before DECOM: flagged; the same day: fine; either missing
	 * or not a date: fine */
	assert_string_equal(
		EP_FLAGS(2023, "356", c,
			 "10/06/2022,09/06/2022",
			 "10/06/2022,10/06/2022",
			 ",09/06/2022",
			 "10/06/2022,",
			 "10/06/2022,9/6/22"),
		"0");
}

/* 355 "Episode appears to have lasted for less than 24 hours": DECOM and
 * DEC compared as text. */
static void episode_same_text_start_and_end(void **state)
{
	(void)state;
	const char *c = "DECOM,DEC";
	assert_string_equal(
		EP_FLAGS(2023, "355", c,
			 "01/01/2000,01/01/2000", /* 0 */
			 "01/02/2000,01/03/2000", /* 1 */
			 "01/03/2000,", /* 2 */
			 "01/04/2000,01/04/2000", /* 3 */
			 "01/05/2000,03/05/2000", /* 4 */
			 "01/06/2000,01/06/2000", /* 5 */
			 "04/05/2000,01/05/2000"), /* 6 */
		"0,3,5");
	/* both blank: "nan" == "nan"; the same day written differently is
	 * not the same text; the same nonsense is */
	assert_string_equal(
		EP_FLAGS(2023, "355", c,
			 ",",
			 "1/1/2000,01/01/2000",
			 "xx,xx",
			 "02/01/2000,01/01/2000",
			 ",xx"),
		"0,2");
}

/* 353 "No episode submitted can start before 14 October 1991." */
static void episode_before_october_1991(void **state)
{
	(void)state;
	assert_string_equal(
		EP_FLAGS(2023, "353", "DECOM",
			 "",
			 "02/06/1980",
			 "06/06/1890",
			 "08/06/2020"),
		"1,2");
	assert_string_equal(
		EP_FLAGS(2023, "353", "DECOM",
			 "13/10/1991",
			 "14/10/1991",
			 "15/10/1991",
			 "1991"),
		"0");
}

/* 354 "Date episode ceased must be on or before the end of the current
 * collection year.": the code tests DECOM > collection_end. */
static void episode_starts_after_collection_end(void **state)
{
	(void)state;
	/* the rule's test_validate, whose collection_end is 01/04/2021 */
	struct vt v;
	vt_init(&v, 2021);
	v.d.end = D("2021-04-01");
	vt_cols(&v, EP, "DECOM");
	ROWS(&v, EP, "01/01/2021", "19/02/2010", "38/04/2019", "01/01/2022",
	     "01/04/2021", "01/05/2021", "", "3rd Dec 1873");
	assert_string_equal(vt_flags(&v, "354", EP), "3,5");
	vt_free(&v);
	/* 2022/23 ends 31/03/2023; DEC is not looked at */
	assert_string_equal(
		EP_FLAGS(2023, "354", "DECOM,DEC",
			 "31/03/2023,01/04/2023",
			 "01/04/2023,",
			 "01/04/2022,"),
		"1");
	assert_string_equal(
		EP_FLAGS(2027, "354", "DECOM",
			 "31/03/2027",
			 "01/04/2027"),
		"1");
}

/* 385 "Date episode ceased must be on or before the end of the current
 * collection year.": DEC > collection_end. */
static void episode_ends_after_collection_end(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2021);
	v.d.end = D("2021-04-01");
	vt_cols(&v, EP, "DEC");
	ROWS(&v, EP, "14/03/2021", "08/09/2021", "03/10/2020", "04/04/2021",
	     "", "Tuesday 33st");
	assert_string_equal(vt_flags(&v, "385", EP), "1,3");
	vt_free(&v);
	assert_string_equal(
		EP_FLAGS(2023, "385", "DECOM,DEC",
			 "01/04/2023,31/03/2023",
			 ",01/04/2023",
			 "01/01/2023,"),
		"1");
}

/* ---- 302, 352 --------------------------------------------------------- */

/* 302 "First episode starts before child was born.": the child's
 * earliest episode and every Header row of the child with a later DOB. */
static void first_episode_before_birth(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2023);
	vt_cols(&v, EP, "CHILD,RNE,DECOM");
	ROWS(&v, EP, "101,S,16/03/2021", "102,S,17/06/2020",
	     "101,X1,20/03/2020", "102,,", "103,S,23/08/2020",
	     "104,X,01/02/1988", "104,X,03/04/1994");
	vt_cols(&v, V903_HEADER, "CHILD,DOB");
	ROWS(&v, V903_HEADER, "101,16/03/2021", "102,23/09/2019",
	     "103,31/12/2020", "104,01/01/1995");
	assert_string_equal(vt_flags(&v, "302", EP), "2,4,5");
	assert_string_equal(vt_flags(&v, "302", V903_HEADER), "0,2,3");
	vt_free(&v);

	/* born on the first DECOM: fine; a day after: flagged; only the
	 * first episode counts; two Header rows are flagged alike */
	vt_init(&v, 2023);
	vt_cols(&v, EP, "CHILD,DECOM");
	ROWS(&v, EP, "A,10/06/2022", "B,05/06/2022", "B,10/06/2022",
	     "C,10/06/2022", "D,01/01/2022", ",01/01/2000");
	vt_cols(&v, V903_HEADER, "CHILD,DOB");
	ROWS(&v, V903_HEADER, "A,10/06/2022", "B,06/06/2022", "C,11/06/2022",
	     "C,11/06/2022", "C,", "D,bad", ",01/01/2020");
	assert_string_equal(vt_flags(&v, "302", EP), "1,3");
	assert_string_equal(vt_flags(&v, "302", V903_HEADER), "1,2,3");
	vt_free(&v);

	/* a child with no valid DECOM: idxmin is NaN, .loc raises, and the
	 * rule reports nothing at all */
	vt_init(&v, 2023);
	vt_cols(&v, EP, "CHILD,DECOM");
	ROWS(&v, EP, "A,10/06/2022", "B,", "B,31/02/2022");
	vt_cols(&v, V903_HEADER, "CHILD,DOB");
	ROWS(&v, V903_HEADER, "A,11/06/2022", "B,01/01/2010");
	assert_string_equal(vt_flags(&v, "302", EP), "");
	assert_string_equal(vt_flags(&v, "302", V903_HEADER), "");
	vt_free(&v);

	/* ... but groupby drops a missing CHILD, so rows with no CHILD and
	 * no valid DECOM do not stop it */
	vt_init(&v, 2023);
	vt_cols(&v, EP, "CHILD,DECOM");
	ROWS(&v, EP, "A,10/06/2022", ",bad");
	vt_cols(&v, V903_HEADER, "CHILD,DOB");
	ROWS(&v, V903_HEADER, "A,11/06/2022", ",01/01/2010");
	assert_string_equal(vt_flags(&v, "302", EP), "0");
	assert_string_equal(vt_flags(&v, "302", V903_HEADER), "0");
	vt_free(&v);
}

/* 352 "Child who started to be looked after was aged 18 or over.": RNE S
 * on or after DOB + 18 years. */
static void started_care_aged_18(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2023);
	vt_cols(&v, EP, "CHILD,RNE,DECOM");
	ROWS(&v, EP, "101,S,16/03/2021", "102,S,17/06/2020",
	     "101,X1,20/03/2020", "102,,", "103,S,23/08/2020");
	vt_cols(&v, V903_HEADER, "CHILD,DOB");
	ROWS(&v, V903_HEADER, "101,16/03/2005", "102,23/09/2002",
	     "103,31/12/2000", "103,31/12/2000");
	assert_string_equal(vt_flags(&v, "352", EP), "4");
	vt_free(&v);

	/* on the 18th birthday: flagged; the day before: fine; a 29
	 * February birthday falls on 28 February; RNE must be S; a
	 * missing CHILD meets a Header row with no CHILD, as merges do */
	vt_init(&v, 2023);
	vt_cols(&v, EP, "CHILD,RNE,DECOM");
	ROWS(&v, EP, "A,S,10/06/2022", "A,S,09/06/2022", "B,S,28/02/2022",
	     "B,S,27/02/2022", "A,P,10/06/2022", "C,S,01/01/2022",
	     ",S,01/01/2022", "D,S,01/01/2022", "A,s,11/06/2022");
	vt_cols(&v, V903_HEADER, "CHILD,DOB");
	ROWS(&v, V903_HEADER, "A,10/06/2004", "B,29/02/2004", "C,",
	     ",01/01/2000", "D,02/01/2004", "D,01/01/2004");
	assert_string_equal(vt_flags(&v, "352", EP), "0,2,6,7,8");
	vt_free(&v);
}

/* ---- 357 -------------------------------------------------------------- */

/* 357 "If this is the first episode ever for this child, reason for new
 * episode must be S. ...": the earliest episode, when it starts in the
 * year. */
static void first_episode_in_year_must_be_started(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2023);
	v.d.start = D("1995-03-31");
	vt_cols(&v, EP, "CHILD,DECOM,RNE");
	ROWS(&v, EP, "000,01/01/2001,!!", "111,11/11/2011,ok",
	     "111,01/01/2000,S", "222,11/11/2011,ok", "222,,ok",
	     "222,01/01/2001,S", "333,12/12/2012,ok", "333,01/01/2001,!!",
	     "333,05/05/2005,ok", "444,05/05/2005,", "555,01/01/1990,ok");
	assert_string_equal(vt_flags(&v, "357", EP), "0,7,9");
	vt_free(&v);

	const char *c = "CHILD,DECOM,RNE";
	/* on collection_start (01/04/2022): checked; the day before: not */
	assert_string_equal(
		EP_FLAGS(2023, "357", c,
			 "A,01/04/2022,P",
			 "B,31/03/2022,P",
			 "C,01/04/2022,S"),
		"0");
	/* a tie on the earliest DECOM: the first row is the one checked */
	assert_string_equal(
		EP_FLAGS(2023, "357", c,
			 "A,01/06/2022,P",
			 "A,01/06/2022,S",
			 "B,01/06/2022,S",
			 "B,01/06/2022,P"),
		"0");
	/* episodes with no valid DECOM are left out first; no CHILD: not
	 * checked */
	assert_string_equal(
		EP_FLAGS(2023, "357", c,
			 "A,,P",
			 "A,01/06/2022,S",
			 "B,bad,P",
			 ",01/06/2022,P"),
		"");
}

/* ---- 388 -------------------------------------------------------------- */

/* 388 "Reason episode ceased is coded new episode begins, but there is
 * no continuation episode." */
static void x1_needs_a_same_day_continuation(void **state)
{
	(void)state;
	const char *c = "CHILD,DECOM,DEC,REC";
	assert_string_equal(
		EP_FLAGS(2023, "388", c,
			 "111,01/06/2020,04/06/2020,X1", /* 0 */
			 "111,05/06/2020,06/06/2020,X1", /* 1 */
			 "111,06/06/2020,08/06/2020,X1", /* 2 */
			 "111,08/06/2020,05/06/2020,X1", /* 3 */
			 "222,05/06/2020,06/06/2020,", /* 4 */
			 "333,06/06/2020,07/06/2020,E11", /* 5 */
			 "333,07/06/2020,,", /* 6 */
			 "444,08/06/2020,09/06/2020,X1", /* 7 */
			 "444,09/06/2020,10/06/2020,E11", /* 8 */
			 "444,15/06/2020,,", /* 9 */
			 "555,11/06/2020,12/06/2020,X1", /* 10 */
			 "6666,12/06/2020,13/06/2020,X1", /* 11 */
			 "6666,13/06/2020,14/06/2020,X1", /* 12 */
			 "6666,14/06/2020,15/06/2020,X1", /* 13 */
			 "6666,15/06/2020,16/06/2020,X1", /* 14 */
			 "77777,16/06/2020,17/06/2020,X1", /* 15 */
			 "77777,17/06/2020,18/06/2020,X1", /* 16 */
			 "77777,18/06/2020,,", /* 17 */
			 "999,31/06/2020,,", /* 18 */
			 "123,,,", /* 19 */
			 ",,,"), /* 20 */
		"0,3,5,10,14");
	/* case 1: X1 and the next starts a day later; fine the same day */
	assert_string_equal(
		EP_FLAGS(2023, "388", c,
			 "A,01/06/2022,10/06/2022,X1",
			 "A,11/06/2022,,",
			 "B,01/06/2022,10/06/2022,X1",
			 "B,10/06/2022,,"),
		"0");
	/* case 2: another REC and the next starts the same day; fine a
	 * day later */
	assert_string_equal(
		EP_FLAGS(2023, "388", c,
			 "A,01/06/2022,10/06/2022,E3",
			 "A,10/06/2022,,",
			 "B,01/06/2022,10/06/2022,E3",
			 "B,11/06/2022,,"),
		"0");
	/* a missing DECOM is filled with "01/01/1901", which pandas reads
	 * as that date: the episode sorts first (A's X1 is followed by
	 * 01/06) and starts on 01/01/1901 (B's X1 is continued; C's E3 is
	 * followed by an episode starting on its DEC) */
	assert_string_equal(
		EP_FLAGS(2023, "388", c,
			 "A,01/06/2022,,",
			 "A,,01/06/2022,X1",
			 "B,01/01/1900,01/01/1901,X1",
			 "B,bad,,",
			 "C,01/01/1900,01/01/1901,E3",
			 "C,,,"),
		"4");
	/* ... so X1 before a later episode with no DECOM is not continued:
	 * that episode moved to the front */
	assert_string_equal(
		EP_FLAGS(2023, "388", c,
			 "A,01/06/2022,10/06/2022,X1",
			 "A,bad,,",
			 "B,01/06/2022,10/06/2022,E3",
			 "B,,,"),
		"0");
	/* case 3 needs a DEC that is a date; rows with no CHILD are never
	 * flagged */
	assert_string_equal(
		EP_FLAGS(2023, "388", c,
			 "A,01/06/2022,31/02/2022,X1",
			 ",01/06/2022,10/06/2022,X1",
			 ",10/06/2022,12/06/2022,E3",
			 ",20/06/2022,21/06/2022,X1"),
		"");
}

/* ---- 431, 432 --------------------------------------------------------- */

/* 431 "The reason for new episode is started to be looked after, but the
 * previous episode ended on the same day.": RNE S and DECOM <= the
 * previous DEC. */
static void restart_on_day_previous_ended(void **state)
{
	(void)state;
	const char *c = "CHILD,RNE,DECOM,DEC";
	assert_string_equal(
		EP_FLAGS(2023, "431", c,
			 "111,S,01/06/2020,04/06/2020", /* 0 */
			 "111,S,05/06/2020,06/06/2020", /* 1 */
			 "111,T,06/06/2020,08/06/2020", /* 2 */
			 "111,S,08/06/2020,05/06/2020", /* 3 */
			 "222,S,05/06/2020,06/06/2020", /* 4 */
			 "333,S,06/06/2020,07/06/2020", /* 5 */
			 "333,S,10/06/2020,", /* 6 */
			 "444,S,08/06/2020,09/06/2020", /* 7 */
			 "444,S,09/06/2020,10/06/2020", /* 8 */
			 "444,S,15/06/2020,", /* 9 */
			 "555,S,11/06/2020,12/06/2020", /* 10 */
			 "6666,S,12/06/2020,13/06/2020", /* 11 */
			 "6666,S,13/06/2020,14/06/2020", /* 12 */
			 "6666,S,14/06/2020,15/06/2020"), /* 13 */
		"3,8,12,13");
	/* the same day: flagged; the day after: fine; not S: fine */
	assert_string_equal(
		EP_FLAGS(2023, "431", c,
			 "A,S,01/06/2022,10/06/2022", /* 0 */
			 "A,S,10/06/2022,", /* 1 */
			 "B,S,01/06/2022,10/06/2022", /* 2 */
			 "B,S,11/06/2022,", /* 3 */
			 "C,S,01/06/2022,10/06/2022", /* 4 */
			 "C,P,10/06/2022,", /* 5 */
			 "D,S,01/06/2022,", /* 6 */
			 "D,S,01/07/2022,"), /* 7 */
		"1");
}

/* 432 "The child ceased to be looked after at the end of the previous
 * episode but the reason for the new episode is not started to be looked
 * after." */
static void after_leaving_care_rne_must_be_s(void **state)
{
	(void)state;
	const char *c = "CHILD,RNE,DECOM,REC";
	assert_string_equal(
		EP_FLAGS(2023, "432", c,
			 "111,P,01/06/2020,E2", /* 0 */
			 "111,P,05/06/2020,E3", /* 1 */
			 "111,T,06/06/2020,E3", /* 2 */
			 "111,S,08/06/2020,", /* 3 */
			 "222,S,05/06/2020,E3", /* 4 */
			 "333,B,06/06/2020,E3", /* 5 */
			 "333,U,10/06/2020,", /* 6 */
			 "444,S,07/06/2020,E3", /* 7 */
			 "444,S,08/06/2020,E3", /* 8 */
			 "444,T,09/06/2020,E3", /* 9 */
			 "444,S,15/06/2020,E3"), /* 10 */
		"1,2,6,9");
	/* a missing RNE is not S; X1 and a missing REC do not end care;
	 * E4A does (upper-cased from e4a) */
	assert_string_equal(
		EP_FLAGS(2023, "432", c,
			 "A,S,01/06/2022,E13", /* 0 */
			 "A,,02/06/2022,X1", /* 1 */
			 "A,P,03/06/2022,", /* 2 */
			 "A,P,04/06/2022,e4a", /* 3 */
			 "A,L,05/06/2022,", /* 4 */
			 "A,S,06/06/2022,E48", /* 5 */
			 "A,T,07/06/2022,"), /* 6 */
		"1,4,6");
}

/* ---- 433 -------------------------------------------------------------- */

/* 433 "The reason for new episode suggests that this is a continuation
 * episode, but the episode does not start on the same day as the last
 * episode finished." */
static void continuation_starts_on_previous_dec(void **state)
{
	(void)state;
	const char *c = "CHILD,DECOM,RNE,DEC";
	assert_string_equal(
		EP_FLAGS(2023, "433", c,
			 "101,20/10/2021,S,20/11/2021", /* 0 */
			 "102,19/11/2021,P,", /* 1 */
			 "102,17/06/2021,P,19/11/2021", /* 2 */
			 "103,04/04/2020,B,12/09/2020", /* 3 */
			 "103,11/09/2020,B,06/05/2021", /* 4 */
			 "103,07/05/2021,B,"), /* 5 */
		"4,5");
	/* the text is compared: the same day written differently fails;
	 * a missing previous DEC fails; RNE S is not checked */
	assert_string_equal(
		EP_FLAGS(2023, "433", c,
			 "A,01/06/2022,S,10/06/2022", /* 0 */
			 "A,10/6/2022,T,", /* 1 */
			 "B,01/06/2022,S,", /* 2 */
			 "B,10/06/2022,L,", /* 3 */
			 "C,01/06/2022,S,", /* 4 */
			 "C,10/06/2022,S,", /* 5 */
			 "D,01/06/2022,S,10/06/2022", /* 6 */
			 "D,10/06/2022,U,"), /* 7 */
		"1,3");
	/* ties on DECOM are broken by DEC (rule 433 sorts by it too) */
	assert_string_equal(
		EP_FLAGS(2023, "433", c,
			 "A,01/06/2022,P,10/06/2022",
			 "A,01/06/2022,S,01/06/2022",
			 "A,10/06/2022,P,"),
		"");
	/* ... with a missing DEC last */
	assert_string_equal(
		EP_FLAGS(2023, "433", c,
			 "A,01/06/2022,S,",
			 "A,01/06/2022,S,05/06/2022",
			 "A,05/06/2022,P,"),
		"2");
	/* ... and a tie on both kept in file order */
	assert_string_equal(
		EP_FLAGS(2023, "433", c,
			 "A,01/06/2022,S,05/06/2022",
			 "A,01/06/2022,P,05/06/2022"),
		"1");
	/* no CHILD: NaN == NaN is false */
	assert_string_equal(
		EP_FLAGS(2023, "433", c,
			 ",01/06/2022,S,",
			 ",10/06/2022,P,"),
		"");
}

/* ---- 434, 435, 436 ---------------------------------------------------- */

/* 434 "Reason for new episode is that child's legal status has changed
 * but not the placement, but this is not reflected in the episode
 * data.": RNE L with the same LS, or a changed placement. */
static void legal_status_only_change(void **state)
{
	(void)state;
	const char *c = "CHILD,DECOM,RNE,LS,PL_POST,URN,PLACE,PLACE_PROVIDER";
	assert_string_equal(
		EP_FLAGS(2023, "434", c,
			 "111,01/01/2020,L,--,ooo,---,---,---", /* 0 */
			 "111,01/02/2020,P,--,ooo,---,---,---", /* 1 */
			 "111,01/12/2020,L,--,ooo,---,---,---", /* 2 */
			 "111,01/03/2020,P,--,ooo,---,---,---", /* 3 */
			 "222,01/01/2020,L,--,---,---,---,---", /* 4 */
			 "222,01/02/2020,L,xx,---,---,---,---", /* 5 */
			 "222,01/03/2020,L,oo,---,xxx,---,---", /* 6 */
			 "222,01/04/2020,L,oo,xxx,xxx,---,---", /* 7 */
			 "333,01/03/2020,P,C1,---,,---,---", /* 8 */
			 "333,01/04/2020,L,C2,---,,---,---"), /* 9 */
		"2,6,7");
	/* two missing LS are not equal; a blank PLACE against a code is a
	 * change; PLACE_PROVIDER counts */
	assert_string_equal(
		EP_FLAGS(2023, "434", c,
			 "A,01/06/2022,S,,P1,,R1,PR1",
			 "A,02/06/2022,L,,P1,,R1,PR1",
			 "A,03/06/2022,L,C2,P1,,,PR1",
			 "A,04/06/2022,L,C1,P1,,,PR2",
			 "A,05/06/2022,L,C2,P1,,,PR2"),
		"2,3");
}

/* 435 "Reason for new episode is that child’s placement has changed but
 * not the legal status, ...": RNE P or T with a changed LS, or with
 * PLACE, PL_POST, URN and PLACE_PROVIDER all the same. */
static void placement_only_change(void **state)
{
	(void)state;
	const char *c = "CHILD,DECOM,RNE,LS,PL_POST,URN,PLACE,PLACE_PROVIDER";
	assert_string_equal(
		EP_FLAGS(2023, "435", c,
			 "111,01/06/2020,P,L1,XX1,SC112,R1,PR1", /* 0 */
			 "111,03/06/2020,P,L1,XX3,SC112,R1,PR1", /* 1 */
			 "111,04/06/2020,P,L1,XX3,SC112,R1,PR1", /* 2 */
			 "111,05/06/2020,P,L1,XX1,SC112,R1,PR1", /* 3 */
			 "222,07/06/2020,P,L1,XX1,SC112,R1,PR4", /* 4 */
			 "222,08/06/2020,P,L1,XX1,SC112,R1,PR1", /* 5 */
			 "222,09/06/2020,P,L3,XX1,SC112,R1,PR1"), /* 6 */
		"2,6");
	/* a missing LS is != anything; two missing URNs are not ==, so the
	 * placement counts as changed; RNE L or B is not checked */
	assert_string_equal(
		EP_FLAGS(2023, "435", c,
			 "A,01/06/2022,S,C2,P1,,R1,PR1",
			 "A,02/06/2022,T,C2,P1,,R1,PR1",
			 "A,03/06/2022,T,,P2,,R1,PR1",
			 "A,04/06/2022,B,,P2,,R1,PR1",
			 "A,05/06/2022,L,C1,P2,,R1,PR1"),
		"2");
}

/* 436 "Reason for new episode is that both child’s placement and legal
 * status have changed, ...": RNE U or B with the same LS, or the same
 * PLACE, PL_POST, URN and PLACE_PROVIDER; blanks are filled with "*"
 * first. */
static void placement_and_legal_change(void **state)
{
	(void)state;
	const char *c = "CHILD,DECOM,RNE,LS,PLACE,PL_POST,URN,PLACE_PROVIDER";
	assert_string_equal(
		EP_FLAGS(2023, "436", c,
			 "11,03/06/2020,P,P,X1,X1,R,b", /* 0 */
			 "11,05/06/2020,U,X,X1,X1,a,b", /* 1 */
			 "11,06/06/2020,B,P,X1,X1,a,b", /* 2 */
			 "11,08/06/2020,U,X,X1,TT,a,b", /* 3 */
			 "22,05/06/2020,U,P,,X1,a,b", /* 4 */
			 "33,06/06/2020,P,P,E11,X1,a,b", /* 5 */
			 "33,07/06/2020,B,,,X1,a,b", /* 6 */
			 "44,08/06/2020,T,P,X1,X1,a,b", /* 7 */
			 "44,09/06/2020,B,P,E11,X1,a,b", /* 8 */
			 "44,15/06/2020,B,P,,X1,a,b", /* 9 */
			 "55,11/06/2020,P,P,X1,X1,a,b", /* 10 */
			 "66,12/06/2020,P,P,X1,X1,a,b", /* 11 */
			 "66,13/06/2020,P,P,X1,X1,a,b", /* 12 */
			 "66,14/06/2020,B,X,X1,X1,a,b", /* 13 */
			 "66,15/06/2020,P,P,X1,X1,a,b", /* 14 */
			 "77,16/06/2020,P,P,X1,X1,a,b", /* 15 */
			 "77,17/06/2020,B,P,X1,X1,a,b", /* 16 */
			 "77,18/06/2020,P,,,X1,a,b", /* 17 */
			 "99,31/06/2020,P,,,X1,a,b", /* 18 */
			 "12,,U,,,X1,a,b", /* 19 */
			 ",,U,,,X1,a,b"), /* 20 */
		"2,8,9,13,16");
	/* two blank LS are the same ("*" == "*"), and so are a blank and a
	 * "*"; two blank URNs make the placement the same */
	assert_string_equal(
		EP_FLAGS(2023, "436", c,
			 "A,01/06/2022,S,,R1,P1,,PR1", /* 0 */
			 "A,02/06/2022,U,,K2,P2,,PR1", /* 1 */
			 "A,03/06/2022,B,*,R1,P1,,PR1", /* 2 */
			 "A,04/06/2022,B,C2,R1,P1,,PR1", /* 3 */
			 "A,05/06/2022,B,C1,R1,P1,,PR2", /* 4 */
			 "A,06/06/2022,L,C1,R1,P1,,PR2"), /* 5 */
		"1,2,3");
}

/* ---- 437 -------------------------------------------------------------- */

/* 437 "Reason episode ceased is child has died or is aged 18 or over but
 * there are further episodes.": REC E2 or E15 and a later episode of the
 * child. */
static void no_episode_after_death_or_18(void **state)
{
	(void)state;
	const char *c = "CHILD,DECOM,REC";
	assert_string_equal(
		EP_FLAGS(2023, "437", c,
			 "101,20/10/2021,E2", /* 0 */
			 "102,19/11/2021,E15", /* 1 */
			 "102,17/06/2021,X1", /* 2 */
			 "103,04/04/2020,X1", /* 3 */
			 "103,11/09/2020,E15", /* 4 */
			 "103,07/05/2021,", /* 5 */
			 "104,15/02/2020,X1", /* 6 */
			 "104,09/04/2020,E4a", /* 7 */
			 "104,24/09/2020,X1", /* 8 */
			 "104,30/06/2021,", /* 9 */
			 "105,,E2", /* 10 */
			 "105,20/12/2020,X1"), /* 11 */
		"4");
	/* the later episode may have no valid DECOM; one with no valid
	 * DECOM is not flagged itself; another child does not count */
	assert_string_equal(
		EP_FLAGS(2023, "437", c,
			 "A,01/06/2022,E2", /* 0 */
			 "A,bad,", /* 1 */
			 "B,bad,E15", /* 2 */
			 "B,,", /* 3 */
			 "C,01/06/2022,E15", /* 4 */
			 "D,02/06/2022,", /* 5 */
			 ",01/06/2022,E2", /* 6 */
			 ",02/06/2022,"), /* 7 */
		"0");
}

/* ---- 504 -------------------------------------------------------------- */

/* 504 "The category of need code differs from that reported at start of
 * current period of being looked after": after an X1 ending on this
 * DECOM, CIN must not change. */
static void need_unchanged_through_x1(void **state)
{
	(void)state;
	const char *c = "CHILD,DECOM,DEC,REC,CIN";
	assert_string_equal(
		EP_FLAGS(2023, "504", c,
			 "111,01/06/2020,04/06/2020,X1,N1", /* 0 */
			 "111,04/06/2020,06/06/2020,X1,N2", /* 1 */
			 "111,06/06/2020,,X1,N3", /* 2 */
			 "111,08/06/2020,09/06/2020,X1,N2", /* 3 */
			 "222,10/06/2020,11/06/2020,X1,N3", /* 4 */
			 "333,04/06/2020,07/06/2020,X1,N4", /* 5 */
			 "333,07/06/2020,,X1,N1", /* 6 */
			 "444,08/06/2020,09/06/2020,X1,N2", /* 7 */
			 "444,08/06/2020,10/06/2020,X1,N3", /* 8 */
			 "444,10/06/2020,,X1,N4"), /* 9 */
		"1,2,6,9");
	/* the same CIN is fine; a missing CIN differs; a gap of a day or
	 * another REC ends the period */
	assert_string_equal(
		EP_FLAGS(2023, "504", c,
			 "A,01/06/2022,10/06/2022,X1,N1", /* 0 */
			 "A,10/06/2022,20/06/2022,X1,N1", /* 1 */
			 "A,20/06/2022,30/06/2022,X1,", /* 2 */
			 "A,01/07/2022,05/07/2022,X1,N2", /* 3 */
			 "A,05/07/2022,06/07/2022,E3,N2", /* 4 */
			 "A,06/07/2022,,,N4"), /* 5 */
		"2");
}

/* ---- Scale ------------------------------------------------------------ */

/* A national return: 60,000 children with five episodes each, every rule
 * of the family over it, flagging what it should (the rules walk children
 * once; bench/bench_903.sh measures how fast). */
static void national_return_every_rule(void **state)
{
	(void)state;
	struct v903_data d;
	v903_init(&d, 2023);
	char child[16], decom[16], dec[16];
	const char *cells[13] = { NULL };
	for (int c = 0; c < 60000; c++)
		for (int k = 0; k < 5; k++) {
			snprintf(child, sizeof child, "C%d", c);
			snprintf(decom, sizeof decom, "%02d/06/2022",
				 1 + k * 5);
			snprintf(dec, sizeof dec, "%02d/06/2022", 6 + k * 5);
			cells[V903_E_CHILD] = child;
			cells[V903_E_DECOM] = decom;
			cells[V903_E_DEC] = k < 4 ? dec : NULL;
			cells[V903_E_REC] = k < 4 ? "X1" : NULL;
			cells[V903_E_RNE] = k ? "P" : "S";
			cells[V903_E_CIN] = "N1";
			assert_int_equal(
				v903_add_row(&d.t[EP], EP, cells, 13), 0);
		}
	assert_int_equal(v903_prepare(&d, NULL, NULL), 0);
	size_t flagged = 0;
	for (size_t m = 0; m < ARRAY_LEN(MESSAGES); m++) {
		struct v903_result r;
		memset(&r, 0, sizeof r);
		v903_validate(&d, MESSAGES[m].code, &r);
		assert_false(r.out_of_memory);
		flagged += r.n;
		v903_result_free(&r);
	}
	/* only 435: every P episode's LS is missing, and NaN != NaN */
	assert_int_equal(flagged, 60000 * 4);
	v903_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(one_version_every_year_with_verbatim_message),
		cmocka_unit_test(skipped_without_their_tables),
		cmocka_unit_test(episode_before_latest_must_have_ended),
		cmocka_unit_test(episode_starts_before_previous_ended),
		cmocka_unit_test(episode_ends_before_it_starts),
		cmocka_unit_test(episode_same_text_start_and_end),
		cmocka_unit_test(episode_before_october_1991),
		cmocka_unit_test(episode_starts_after_collection_end),
		cmocka_unit_test(episode_ends_after_collection_end),
		cmocka_unit_test(first_episode_before_birth),
		cmocka_unit_test(started_care_aged_18),
		cmocka_unit_test(first_episode_in_year_must_be_started),
		cmocka_unit_test(x1_needs_a_same_day_continuation),
		cmocka_unit_test(restart_on_day_previous_ended),
		cmocka_unit_test(after_leaving_care_rne_must_be_s),
		cmocka_unit_test(continuation_starts_on_previous_dec),
		cmocka_unit_test(legal_status_only_change),
		cmocka_unit_test(placement_only_change),
		cmocka_unit_test(placement_and_legal_change),
		cmocka_unit_test(no_episode_after_death_or_18),
		cmocka_unit_test(need_unchanged_through_x1),
		cmocka_unit_test(national_return_every_rule),
	};
	return RUN(tests);
}
