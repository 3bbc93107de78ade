/*
 * v903_continuity.c - DfE validation rules that hold this year's episodes
 * against last year's return: 502, 503A-503J, 562 and NoE (domain-rules
 * §4.3). Each needs Episodes in both years and flags this year's
 * episodes.
 *
 * The 503 rules re-appear unchanged in lac2023_24 and lac2024_25, and
 * 503D again in lac2025_26; they all call one helper in rule_utils.py,
 * which knows the collection year: in 2024 and 2025 last year's H5 may
 * become K3, and in 2026 Z1 may become Z11-Z14. So one check serves
 * every version.
 *
 * pandas quirks modelled here:
 * - groupby("CHILD")["DECOM"].idxmin() or idxmax() raises (pandas 1.5:
 *   "attempt to get argmin of an empty sequence") for a child none of
 *   whose DECOMs is a date: the rule fails and the validator reports
 *   nothing for it at all (idx_defined()).
 * - idxmin/idxmax take the first row, in file order, of the earliest or
 *   latest DECOM; groupby drops a missing CHILD; merge matches a missing
 *   CHILD to a missing CHILD.
 */
#include "lib/common.h"
#include "core/date.h"
#include "core/v903_int.h"

#define EP V903_EPISODES

static bool needs_both_years(const struct v903_data *d, struct v903_result *r)
{
	return v903_needs(d, r, V903_T(EP)) &&
	       v903_needs_last(d, r, V903_T(EP));
}

static int32_t decom(const struct v903_rows *e, size_t row)
{
	return v903_date(e, row, V903_E_DECOM);
}

/* Whether every child (with a CHILD) has a DECOM that is a date, so that
 * pandas' groupby idxmin/idxmax gives a row for each. A prepared order
 * sorts a child's dated rows first. */
static bool idx_defined(const struct v903_rows *e)
{
	size_t at = 0, n;
	while ((n = v903_next_child(e, &at))) {
		size_t first = e->order[at - n];
		if (v903_has(e, first, V903_E_CHILD) &&
		    decom(e, first) == DATE_NONE)
			return false;
	}
	return true;
}

/* idxmax of DECOM over a child's rows g[0..n-1] (in order): the first
 * row, in file order, of the latest DECOM; SIZE_MAX when none is a
 * date. */
static size_t latest_episode(const struct v903_rows *e, const size_t *g,
			     size_t n)
{
	size_t k = n;
	while (k > 0 && decom(e, g[k - 1]) == DATE_NONE)
		k--;
	if (k == 0)
		return SIZE_MAX;
	int32_t latest = decom(e, g[k - 1]);
	while (k > 1 && decom(e, g[k - 2]) == latest)
		k--;
	return g[k - 1];
}

/* ---- 503A-503J: the first episode against last year's open one ------ */

/* Whether this year's first episode `row` differs from last year's latest
 * episode `prev` in column col, by the rule's test. */
typedef bool (*continuity_test)(const struct v903_data *d,
				const struct v903_rows *e, size_t row,
				const struct v903_rows *last, size_t prev,
				int col);

/* rule_utils.field_different_from_previous: each child's first episode
 * this year (idxmin of DECOM) against its latest last year (idxmax),
 * children in both years only, when that one has no DEC (a DEC that is
 * not a date counts as none). */
static void first_vs_last_open(const struct v903_data *d,
			       struct v903_result *r, int col,
			       continuity_test differs)
{
	if (!needs_both_years(d, r))
		return;
	const struct v903_rows *e = &d->t[EP], *last = &d->last[EP];
	if (!idx_defined(e) || !idx_defined(last))
		return;
	size_t at = 0, n;
	while ((n = v903_next_child(e, &at))) {
		size_t first = e->order[at - n], count;
		const char *child = v903_cell(e, first, V903_E_CHILD);
		if (!child)
			continue;
		size_t pos = v903_find_child(last, child, &count);
		if (!count)
			continue;
		size_t prev = latest_episode(last, last->order + pos, count);
		if (v903_date(last, prev, V903_E_DEC) != DATE_NONE)
			continue;
		if (differs(d, e, first, last, prev, col))
			v903_flag(r, EP, first);
	}
}

/* astype(str) then !=: missing is "nan" on both sides, so two missing
 * cells match and one missing cell differs. */
static bool text_differs(const struct v903_data *d, const struct v903_rows *e,
			 size_t row, const struct v903_rows *last, size_t prev,
			 int col)
{
	(void)d;
	const char *now = v903_cell(e, row, col);
	const char *before = v903_cell(last, prev, col);
	if (!now || !before)
		return now != before;
	return strcmp(now, before) != 0;
}

/* 503A "The reason for new episode in the first episode does not match
 * open episode at end of last year.": RNE differs (text_differs). */
static void check_503a(const struct v903_data *d, struct v903_result *r)
{
	first_vs_last_open(d, r, V903_E_RNE, text_differs);
}

/* 503B "The legal status in the first episode does not match open episode
 * at end of last year.": LS differs. */
static void check_503b(const struct v903_data *d, struct v903_result *r)
{
	first_vs_last_open(d, r, V903_E_LS, text_differs);
}

/* 503C "The category of need in the first episode does not match open
 * episode at end of last year.": CIN differs. */
static void check_503c(const struct v903_data *d, struct v903_result *r)
{
	first_vs_last_open(d, r, V903_E_CIN, text_differs);
}

/* The placement changes rule_utils lets pass: last year's H5 now K3 in
 * the 2024 and 2025 collections, last year's Z1 now Z11-Z14 in 2026. */
static bool place_change_allowed(int year, const char *now,
				 const char *before)
{
	if (!now || !before)
		return false;
	if ((year == 2024 || year == 2025) && strcmp(now, "K3") == 0 &&
	    strcmp(before, "H5") == 0)
		return true;
	return year == 2026 && strcmp(before, "Z1") == 0 &&
	       v903_str_in(now, "Z11,Z12,Z13,Z14");
}

static bool place_differs(const struct v903_data *d, const struct v903_rows *e,
			  size_t row, const struct v903_rows *last, size_t prev,
			  int col)
{
	return text_differs(d, e, row, last, prev, col) &&
	       !place_change_allowed(d->year, v903_cell(e, row, col),
				     v903_cell(last, prev, col));
}

/* 503D "The placement type in the first episode does not match open
 * episode at end of last year": PLACE differs, except H5 -> K3 in 2024
 * and 2025 and Z1 -> Z11-Z14 in 2026 (place_change_allowed). The
 * lac2024_25 and lac2025_26 versions only add comments. */
static void check_503d(const struct v903_data *d, struct v903_result *r)
{
	first_vs_last_open(d, r, V903_E_PLACE, place_differs);
}

/* 503E "The placement provider in the first episode does not match open
 * episode at end of last year.": PLACE_PROVIDER differs. */
static void check_503e(const struct v903_data *d, struct v903_result *r)
{
	first_vs_last_open(d, r, V903_E_PLACE_PROVIDER, text_differs);
}

/* 503F "The Ofsted URN in the  first episode does not match open episode
 * at end of last year.": URN differs. */
static void check_503f(const struct v903_data *d, struct v903_result *r)
{
	first_vs_last_open(d, r, V903_E_URN, text_differs);
}

/* PL_DISTANCE as astype(float) reads it; NaN when missing. */
static double distance(const struct v903_rows *e, size_t row)
{
	const char *s = v903_cell(e, row, V903_E_PL_DISTANCE);
	char *end;
	if (!s)
		return NAN;
	double v = strtod(s, &end);
	return end != s && *end == '\0' ? v : NAN;
}

/* |now - before| >= 0.2 as doubles (so 10.2 against 10.0, 0.19999...,
 * passes), or a distance now where last year had none. */
static bool distance_differs(const struct v903_data *d,
			     const struct v903_rows *e, size_t row,
			     const struct v903_rows *last, size_t prev, int col)
{
	(void)d;
	bool now_known = v903_has(e, row, col);
	if (!v903_has(last, prev, col))
		return now_known;
	return now_known &&
	       fabs(distance(e, row) - distance(last, prev)) >= 0.2;
}

/* 503G "The distance in first episode does not match open episode at end
 * of last year.": the derived PL_DISTANCE differs by 0.2 miles or more,
 * or is known now and was not last year (not the other way round). */
static void check_503g(const struct v903_data *d, struct v903_result *r)
{
	first_vs_last_open(d, r, V903_E_PL_DISTANCE, distance_differs);
}

/* 503H "The placement LA in first episode does not match open episode at
 * end of last year.": the derived PL_LA differs as text. */
static void check_503h(const struct v903_data *d, struct v903_result *r)
{
	first_vs_last_open(d, r, V903_E_PL_LA, text_differs);
}

/* 503J "The placement location in first episode does not match open
 * episode at end of last year.": the derived PL_LOCATION differs. */
static void check_503j(const struct v903_data *d, struct v903_result *r)
{
	first_vs_last_open(d, r, V903_E_PL_LOCATION, text_differs);
}

/* ---- 502, 562, NoE ------------------------------------------------------ */

/* 502 "Last year's record ended with an open episode. The date on which
 * that episode started does not match the start date of the first episode
 * on this year’s record.": each child's first episode (idxmin of DECOM)
 * against every episode of last year with no DEC - here a DEC cell left
 * blank, not one that fails to parse - whose DECOM differs (or is not a
 * date). Only this year is grouped, so only this year's undated children
 * make the rule fail. */
static void check_502(const struct v903_data *d, struct v903_result *r)
{
	if (!needs_both_years(d, r))
		return;
	const struct v903_rows *e = &d->t[EP], *last = &d->last[EP];
	if (!idx_defined(e))
		return;
	size_t at = 0, n;
	while ((n = v903_next_child(e, &at))) {
		size_t first = e->order[at - n], count;
		const char *child = v903_cell(e, first, V903_E_CHILD);
		if (!child)
			continue;
		size_t pos = v903_find_child(last, child, &count);
		for (size_t k = pos; k < pos + count; k++) {
			size_t prev = last->order[k];
			if (!v903_has(last, prev, V903_E_DEC) &&
			    decom(last, prev) != decom(e, first)) {
				v903_flag(r, EP, first);
				break;
			}
		}
	}
}

/* 562 "Episode commenced before the start of the current collection year
 * but there is a missing continuous episode in the previous year.": of
 * each child's episodes starting before the collection start, the first
 * (idxmin) has no match last year on CHILD and DECOM against the child's
 * latest episode there (idxmax). Last year's idxmax fails on a child
 * none of whose DECOMs is a date (idx_defined); this year's rows are all
 * dated by then. */
static void check_562(const struct v903_data *d, struct v903_result *r)
{
	if (!needs_both_years(d, r))
		return;
	const struct v903_rows *e = &d->t[EP], *last = &d->last[EP];
	if (!idx_defined(last))
		return;
	size_t at = 0, n;
	while ((n = v903_next_child(e, &at))) {
		size_t first = e->order[at - n], count;
		const char *child = v903_cell(e, first, V903_E_CHILD);
		int32_t start = decom(e, first);
		if (!child || start == DATE_NONE || start >= d->start)
			continue;
		size_t pos = v903_find_child(last, child, &count);
		if (!count)
			v903_flag(r, EP, first);
		else if (decom(last, latest_episode(last, last->order + pos,
						    count)) != start)
			v903_flag(r, EP, first);
	}
}

/* NoE "This child has no episodes loaded for previous year even though
 * child started to be looked after before this current year.": every
 * episode with DECOM before the collection start whose CHILD has no
 * episode last year (a missing CHILD matches a missing CHILD). */
static void check_noe(const struct v903_data *d, struct v903_result *r)
{
	if (!needs_both_years(d, r))
		return;
	const struct v903_rows *e = &d->t[EP], *last = &d->last[EP];
	for (size_t i = 0; i < e->nrows; i++) {
		int32_t start = decom(e, i);
		size_t count;
		if (start == DATE_NONE || start >= d->start)
			continue;
		v903_merge_child(last, v903_cell(e, i, V903_E_CHILD), &count);
		if (!count)
			v903_flag(r, EP, i);
	}
}

#define M503(what)                                                          \
	"The " what " in the first episode does not match open episode at " \
	"end of last year."

const struct v903_rule V903_RULES_CONTINUITY[] = {
	{ "502",
	  "Last year's record ended with an open episode. The date on which "
	  "that episode started does not match the start date of the first "
	  "episode on this year\u2019s record.",
	  0, 0, check_502 },
	{ "503A", M503("reason for new episode"), 0, 0, check_503a },
	{ "503B", M503("legal status"), 0, 0, check_503b },
	{ "503C", M503("category of need"), 0, 0, check_503c },
	{ "503D",
	  "The placement type in the first episode does not match open "
	  "episode at end of last year",
	  0, 2024, check_503d },
	{ "503D",
	  "The placement type in the first episode does not match open "
	  "episode at end of last year",
	  2025, 2025, check_503d },
	{ "503D",
	  "The placement type in the first episode does not match open "
	  "episode at end of last year",
	  2026, 0, check_503d },
	{ "503E", M503("placement provider"), 0, 0, check_503e },
	{ "503F",
	  "The Ofsted URN in the  first episode does not match open episode "
	  "at end of last year.",
	  0, 0, check_503f },
	{ "503G",
	  "The distance in first episode does not match open episode at end "
	  "of last year.",
	  0, 0, check_503g },
	{ "503H",
	  "The placement LA in first episode does not match open episode at "
	  "end of last year.",
	  0, 0, check_503h },
	{ "503J",
	  "The placement location in first episode does not match open "
	  "episode at end of last year.",
	  0, 0, check_503j },
	{ "562",
	  "Episode commenced before the start of the current collection year "
	  "but there is a missing continuous episode in the previous year.",
	  0, 0, check_562 },
	{ "NoE",
	  "This child has no episodes loaded for previous year even though "
	  "child started to be looked after before this current year.",
	  0, 0, check_noe },
	{ NULL, NULL, 0, 0, NULL },
};
