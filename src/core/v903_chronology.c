/*
 * v903_chronology.c - DfE validation rules: the order of a child's
 * episodes within the year (domain-rules §4.3, "Episode chronology /
 * continuity (within year)"), and the dates that bound them.
 *
 * Most of these rules sort the Episodes table by CHILD then DECOM (a
 * stable sort, missing values last: the table's own order) and compare
 * each episode with the one before it. The validator pairs the rows by
 * position in that sort, so "the one before" is the previous row of the
 * same child in t->order, and "same child" is pandas' ==, which is false
 * when CHILD is missing. Comparisons follow pandas: == and < with a
 * missing value are false, != is true. 142, 388 and 433 sort their own
 * way (sort_episodes).
 *
 * No rule here changed after lac2022_23, and none is in a later
 * del_list, so each has one version for every year.
 */
#include "lib/common.h"
#include "core/date.h"
#include "core/v903_int.h"

#define HEADER V903_T(V903_HEADER)
#define EPISODES V903_T(V903_EPISODES)

/* The codes that end care (rule 432's list). */
#define REC_LEFT_CARE                                                       \
	"E2,E3,E4A,E4B,E5,E6,E7,E8,E9,E11,E12,E13,E14,E15,E16,E17,E41,E45,"  \
	"E46,E47,E48"

/* ---- Shared helpers --------------------------------------------------- */

/* pandas' == on a column of two rows: false when either is missing. */
static bool cell_eq(const struct v903_rows *t, size_t a, size_t b, int col)
{
	const char *x = v903_cell(t, a, col), *y = v903_cell(t, b, col);
	return x && y && strcmp(x, y) == 0;
}

/* == after .fillna(fill) on both sides: two missing cells are equal, and
 * a missing cell equals one holding `fill`. */
static bool cell_eq_fill(const struct v903_rows *t, size_t a, size_t b,
			 int col, const char *fill)
{
	const char *x = v903_cell(t, a, col), *y = v903_cell(t, b, col);
	return strcmp(x ? x : fill, y ? y : fill) == 0;
}

/* Tests one episode (cur) against the one before it (prev) in the order
 * of CHILD then DECOM, both of the same child. */
typedef bool (*pair_fn)(const struct v903_rows *e, size_t prev, size_t cur);

/* The validator's shift/merge on the sorted table: every pair of
 * neighbouring rows of one child, in order; flags cur (or prev, when
 * flag_prev) where fn holds. */
static void flag_pairs(const struct v903_data *d, struct v903_result *r,
		       pair_fn fn, bool flag_prev)
{
	if (!v903_needs(d, r, EPISODES))
		return;
	const struct v903_rows *e = &d->t[V903_EPISODES];
	for (size_t i = 1; i < e->nrows; i++) {
		size_t prev = e->order[i - 1], cur = e->order[i];
		if (cell_eq(e, prev, cur, V903_E_CHILD) && fn(e, prev, cur))
			v903_flag(r, V903_EPISODES, flag_prev ? prev : cur);
	}
}

/* Flags each episode whose date in `col` is a date and before `limit`
 * (after it, when `after`). */
static void flag_date_beyond(const struct v903_data *d,
			     struct v903_result *r, int col, int32_t limit,
			     bool after)
{
	if (!v903_needs(d, r, EPISODES))
		return;
	const struct v903_rows *e = &d->t[V903_EPISODES];
	for (size_t i = 0; i < e->nrows; i++) {
		int32_t v = v903_date(e, i, col);
		if (v != DATE_NONE && (after ? v > limit : v < limit))
			v903_flag(r, V903_EPISODES, i);
	}
}

/* ---- Dates of one episode --------------------------------------------- */

/* 356 "The date the episode ceased is before the date the same episode
 * started.": DEC < DECOM, both dates. */
static void check_356(const struct v903_data *d, struct v903_result *r)
{
	if (!v903_needs(d, r, EPISODES))
		return;
	const struct v903_rows *e = &d->t[V903_EPISODES];
	for (size_t i = 0; i < e->nrows; i++) {
		int32_t decom = v903_date(e, i, V903_E_DECOM);
		int32_t dec = v903_date(e, i, V903_E_DEC);
		if (dec != DATE_NONE && decom != DATE_NONE && dec < decom)
			v903_flag(r, V903_EPISODES, i);
	}
}

/* 355 "Episode appears to have lasted for less than 24 hours": the code
 * compares DECOM and DEC as text after astype(str), so the same date
 * written differently passes, and an episode with neither ("nan" ==
 * "nan") is flagged. */
static void check_355(const struct v903_data *d, struct v903_result *r)
{
	if (!v903_needs(d, r, EPISODES))
		return;
	const struct v903_rows *e = &d->t[V903_EPISODES];
	for (size_t i = 0; i < e->nrows; i++) {
		const char *decom = v903_cell(e, i, V903_E_DECOM);
		const char *dec = v903_cell(e, i, V903_E_DEC);
		if (strcmp(decom ? decom : "nan", dec ? dec : "nan") == 0)
			v903_flag(r, V903_EPISODES, i);
	}
}

/* 353 "No episode submitted can start before 14 October 1991.": DECOM <
 * 14/10/1991. */
static void check_353(const struct v903_data *d, struct v903_result *r)
{
	flag_date_beyond(d, r, V903_E_DECOM, date_from_ymd(1991, 10, 14),
			 false);
}

/* 354 "Date episode ceased must be on or before the end of the current
 * collection year.": the code tests DECOM, not DEC, > collection_end
 * (385 tests DEC). */
static void check_354(const struct v903_data *d, struct v903_result *r)
{
	flag_date_beyond(d, r, V903_E_DECOM, d->end, true);
}

/* 385 "Date episode ceased must be on or before the end of the current
 * collection year.": DEC > collection_end (31/03 of the year). */
static void check_385(const struct v903_data *d, struct v903_result *r)
{
	flag_date_beyond(d, r, V903_E_DEC, d->end, true);
}

/* ---- The child's age -------------------------------------------------- */

/* Whether some child (CHILD present) has no episode with a valid DECOM:
 * groupby(...)["DECOM"].idxmin() cannot pick its first episode. */
static bool child_without_decom(const struct v903_rows *e)
{
	size_t at = 0, n;
	while ((n = v903_next_child(e, &at)) > 0) {
		size_t first = e->order[at - n];
		if (v903_has(e, first, V903_E_CHILD) &&
		    v903_date(e, first, V903_E_DECOM) == DATE_NONE)
			return true;
	}
	return false;
}

/* 302 "First episode starts before child was born.": each child's first
 * episode (earliest DECOM, ties the first row; groupby drops a missing
 * CHILD) is flagged with every Header row of the child whose DOB is
 * after its DECOM. Quirk: when some child has no valid DECOM at all,
 * idxmin fails for it, the code raises, and the rule reports nothing. */
static void check_302(const struct v903_data *d, struct v903_result *r)
{
	if (!v903_needs(d, r, HEADER | EPISODES))
		return;
	const struct v903_rows *e = &d->t[V903_EPISODES];
	const struct v903_rows *h = &d->t[V903_HEADER];
	if (child_without_decom(e))
		return;
	size_t at = 0, n;
	while ((n = v903_next_child(e, &at)) > 0) {
		size_t first = e->order[at - n], nh;
		const char *child = v903_cell(e, first, V903_E_CHILD);
		if (!child)
			continue;
		int32_t decom = v903_date(e, first, V903_E_DECOM);
		size_t s = v903_find_child(h, child, &nh);
		for (size_t k = s; k < s + nh; k++) {
			int32_t dob = v903_date(h, h->order[k], V903_H_DOB);
			if (dob != DATE_NONE && dob > decom) {
				v903_flag(r, V903_EPISODES, first);
				v903_flag(r, V903_HEADER, h->order[k]);
			}
		}
	}
}

/* 352 "Child who started to be looked after was aged 18 or over.": an
 * episode with RNE S whose DECOM is on or after DOB + 18 years (29
 * February births: 28 February) by any Header row the merge on CHILD
 * pairs it with - missing CHILD pairs with missing CHILD. */
static void check_352(const struct v903_data *d, struct v903_result *r)
{
	if (!v903_needs(d, r, HEADER | EPISODES))
		return;
	const struct v903_rows *e = &d->t[V903_EPISODES];
	const struct v903_rows *h = &d->t[V903_HEADER];
	size_t at = 0, n;
	while ((n = v903_next_child(e, &at)) > 0) {
		size_t start = at - n, nh;
		const char *child = v903_cell(e, e->order[start], V903_E_CHILD);
		size_t s = v903_merge_child(h, child, &nh);
		int32_t adult = DATE_NONE; /* the earliest 18th birthday */
		for (size_t k = s; k < s + nh; k++) {
			int32_t dob = v903_date(h, h->order[k], V903_H_DOB);
			if (dob == DATE_NONE)
				continue;
			int32_t a = date_add_months(dob, 18 * 12);
			if (adult == DATE_NONE || a < adult)
				adult = a;
		}
		if (adult == DATE_NONE)
			continue;
		for (size_t k = start; k < at; k++) {
			size_t row = e->order[k];
			int32_t decom = v903_date(e, row, V903_E_DECOM);
			if (v903_is(e, row, V903_E_RNE, "S") &&
			    decom != DATE_NONE && adult <= decom)
				v903_flag(r, V903_EPISODES, row);
		}
	}
}

/* ---- The first episode ----------------------------------------------- */

/* 357 "If this is the first episode ever for this child, reason for new
 * episode must be S. ...": a child's earliest episode with a valid DECOM
 * (ties: the first row), when that DECOM is on or after collection_start,
 * must have RNE S; a missing RNE is flagged. */
static void check_357(const struct v903_data *d, struct v903_result *r)
{
	if (!v903_needs(d, r, EPISODES))
		return;
	const struct v903_rows *e = &d->t[V903_EPISODES];
	size_t at = 0, n;
	while ((n = v903_next_child(e, &at)) > 0) {
		size_t first = e->order[at - n];
		int32_t decom = v903_date(e, first, V903_E_DECOM);
		if (v903_has(e, first, V903_E_CHILD) && decom != DATE_NONE &&
		    decom >= d->start && !v903_is(e, first, V903_E_RNE, "S"))
			v903_flag(r, V903_EPISODES, first);
	}
}

/* ---- An episode and the one before it --------------------------------- */

/* Rule 501's test of an episode against the one before it. */
static bool overlaps(const struct v903_rows *e, size_t prev, size_t cur)
{
	int32_t decom = v903_date(e, cur, V903_E_DECOM);
	int32_t dec = v903_date(e, prev, V903_E_DEC);
	return decom != DATE_NONE && dec != DATE_NONE && decom < dec;
}

/* 501 "A new episode has started before the end date of the previous
 * episode.": DECOM < the previous episode's DEC. */
static void check_501(const struct v903_data *d, struct v903_result *r)
{
	flag_pairs(d, r, overlaps, false);
}

/* Rule 431's test of an episode against the one before it. */
static bool restart_too_soon(const struct v903_rows *e, size_t prev, size_t cur)
{
	int32_t decom = v903_date(e, cur, V903_E_DECOM);
	int32_t dec = v903_date(e, prev, V903_E_DEC);
	return v903_is(e, cur, V903_E_RNE, "S") && decom != DATE_NONE &&
	       dec != DATE_NONE && decom <= dec;
}

/* 431 "The reason for new episode is started to be looked after, but the
 * previous episode ended on the same day.": RNE S and DECOM <= the
 * previous episode's DEC, so a re-entry needs a day's gap. */
static void check_431(const struct v903_data *d, struct v903_result *r)
{
	flag_pairs(d, r, restart_too_soon, false);
}

/* Rule 432's test of an episode against the one before it. */
static bool continued_after_leaving(const struct v903_rows *e, size_t prev,
				    size_t cur)
{
	return v903_in(e, prev, V903_E_REC, REC_LEFT_CARE) &&
	       !v903_is(e, cur, V903_E_RNE, "S");
}

/* 432 "The child ceased to be looked after at the end of the previous
 * episode but the reason for the new episode is not started to be looked
 * after.": the previous REC ends care (E2 ... E48) and RNE is not S (a
 * missing RNE is not S). Dates are not compared. */
static void check_432(const struct v903_data *d, struct v903_result *r)
{
	flag_pairs(d, r, continued_after_leaving, false);
}

/* Whether any of the placement columns differs after .fillna(""). */
static bool placement_changed(const struct v903_rows *e, size_t a, size_t b)
{
	static const int cols[] = { V903_E_PLACE, V903_E_PL_POST, V903_E_URN,
				    V903_E_PLACE_PROVIDER };
	for (size_t i = 0; i < ARRAY_LEN(cols); i++)
		if (!cell_eq_fill(e, a, b, cols[i], ""))
			return true;
	return false;
}

/* Rule 434's test of an episode against the one before it. */
static bool legal_change_wrong(const struct v903_rows *e, size_t prev,
			       size_t cur)
{
	return v903_is(e, cur, V903_E_RNE, "L") &&
	       (cell_eq(e, prev, cur, V903_E_LS) ||
		placement_changed(e, prev, cur));
}

/* 434 "Reason for new episode is that child's legal status has changed
 * but not the placement, but this is not reflected in the episode data.":
 * RNE L and either LS equals the previous LS (== : both present) or any
 * of PLACE, PL_POST, URN, PLACE_PROVIDER differs (two blanks are the
 * same). */
static void check_434(const struct v903_data *d, struct v903_result *r)
{
	flag_pairs(d, r, legal_change_wrong, false);
}

/* Rule 435's test of an episode against the one before it. */
static bool placement_change_wrong(const struct v903_rows *e, size_t prev,
				   size_t cur)
{
	if (!v903_in(e, cur, V903_E_RNE, "P,T"))
		return false;
	return !cell_eq(e, prev, cur, V903_E_LS) ||
	       (cell_eq(e, prev, cur, V903_E_PLACE) &&
		cell_eq(e, prev, cur, V903_E_PL_POST) &&
		cell_eq(e, prev, cur, V903_E_URN) &&
		cell_eq(e, prev, cur, V903_E_PLACE_PROVIDER));
}

/* 435 "Reason for new episode is that child’s placement has changed but
 * not the legal status, ...": RNE P or T and either LS != the previous
 * LS (true when either is missing) or PLACE, PL_POST, URN and
 * PLACE_PROVIDER all == the previous (false when either is missing). */
static void check_435(const struct v903_data *d, struct v903_result *r)
{
	flag_pairs(d, r, placement_change_wrong, false);
}

/* Rule 436's test of an episode against the one before it. */
static bool both_change_wrong(const struct v903_rows *e, size_t prev,
			      size_t cur)
{
	static const int cols[] = { V903_E_PLACE, V903_E_PL_POST, V903_E_URN,
				    V903_E_PLACE_PROVIDER };
	if (!v903_in(e, cur, V903_E_RNE, "U,B"))
		return false;
	if (cell_eq_fill(e, prev, cur, V903_E_LS, "*"))
		return true;
	for (size_t i = 0; i < ARRAY_LEN(cols); i++)
		if (!cell_eq_fill(e, prev, cur, cols[i], "*"))
			return false;
	return true;
}

/* 436 "Reason for new episode is that both child’s placement and legal
 * status have changed, ...": RNE U or B and either LS is the same as the
 * previous or PLACE, PL_POST, URN and PLACE_PROVIDER all are; the code
 * fills blanks with "*" first, so two blanks (or a blank and "*") are the
 * same. */
static void check_436(const struct v903_data *d, struct v903_result *r)
{
	flag_pairs(d, r, both_change_wrong, false);
}

/* Rule 437's test of an episode against the one after it. */
static bool ended_for_good(const struct v903_rows *e, size_t prev, size_t cur)
{
	(void)cur;
	return v903_date(e, prev, V903_E_DECOM) != DATE_NONE &&
	       v903_in(e, prev, V903_E_REC, "E2,E15");
}

/* 437 "Reason episode ceased is child has died or is aged 18 or over but
 * there are further episodes.": an episode with a valid DECOM and REC E2
 * or E15 followed by another episode of the child (which may have no
 * valid DECOM: the code drops those rows only after pairing). */
static void check_437(const struct v903_data *d, struct v903_result *r)
{
	flag_pairs(d, r, ended_for_good, true);
}

/* Rule 504's test of an episode against the one before it. */
static bool need_changed(const struct v903_rows *e, size_t prev, size_t cur)
{
	int32_t dec = v903_date(e, prev, V903_E_DEC);
	return v903_is(e, prev, V903_E_REC, "X1") && dec != DATE_NONE &&
	       dec == v903_date(e, cur, V903_E_DECOM) &&
	       !cell_eq(e, prev, cur, V903_E_CIN);
}

/* 504 "The category of need code differs from that reported at start of
 * current period of being looked after": when the previous episode ended
 * X1 on this one's DECOM (both dates), CIN != the previous CIN (true when
 * either is missing). */
static void check_504(const struct v903_data *d, struct v903_result *r)
{
	flag_pairs(d, r, need_changed, false);
}

/* ---- Rules with their own sort ---------------------------------------- */

/* How a rule's own sort sees DECOM. Rules 142 and 388 fill a missing
 * DECOM with the text "01/01/1901": pandas (1.3 and later) parses that
 * text into the date column, so in 388 the episode sorts as if it began
 * on 1 January 1901 (142 turns it back, below). */
enum decom_key {
	DECOM_NAT_LAST,   /* as parsed; missing sorts last */
	DECOM_FILLED,     /* missing is 01/01/1901 (388) */
};

struct ep_key {
	size_t group;     /* the child's place in the table's order */
	int32_t decom;    /* DATE_NONE sorts last */
	int32_t dec;      /* DATE_NONE sorts last; 0 when not a key */
	size_t row;
};

static int cmp_date_last(int32_t a, int32_t b)
{
	if (a == b)
		return 0;
	if (a == DATE_NONE)
		return 1;
	if (b == DATE_NONE)
		return -1;
	return a < b ? -1 : 1;
}

static int cmp_ep_key(const void *a, const void *b)
{
	const struct ep_key *x = a, *y = b;
	int c;
	if (x->group != y->group)
		return x->group < y->group ? -1 : 1;
	if ((c = cmp_date_last(x->decom, y->decom)) != 0 ||
	    (c = cmp_date_last(x->dec, y->dec)) != 0)
		return c;
	return (x->row > y->row) - (x->row < y->row);
}

/* The Episodes rows in a stable sort by CHILD (missing last), DECOM as
 * `how` reads it, then DEC when `by_dec`: e->nrows keys to free(), or
 * NULL (with r->out_of_memory set) when memory runs out. */
static struct ep_key *sort_episodes(const struct v903_rows *e,
				    enum decom_key how, bool by_dec,
				    struct v903_result *r)
{
	const int32_t y1901 = date_from_ymd(1901, 1, 1);
	struct ep_key *k = malloc((e->nrows ? e->nrows : 1) * sizeof *k);
	if (!k) {
		r->out_of_memory = true;
		return NULL;
	}
	size_t at = 0, n, g = 0, i = 0;
	while ((n = v903_next_child(e, &at)) > 0) {
		for (size_t j = at - n; j < at; j++, i++) {
			size_t row = e->order[j];
			int32_t decom = v903_date(e, row, V903_E_DECOM);
			if (how == DECOM_FILLED && decom == DATE_NONE)
				decom = y1901;
			int32_t dec = by_dec ? v903_date(e, row, V903_E_DEC)
					     : 0;
			k[i] = (struct ep_key){ g, decom, dec, row };
		}
		g++;
	}
	qsort(k, e->nrows, sizeof *k, cmp_ep_key);
	return k;
}

/* Whether keys i and i + 1 are episodes of the same (present) child. */
static bool same_group(const struct v903_rows *e, const struct ep_key *k,
		       size_t n, size_t i)
{
	return i + 1 < n && k[i].group == k[i + 1].group &&
	       v903_has(e, k[i].row, V903_E_CHILD);
}

/* 388 "Reason episode ceased is coded new episode begins, but there is
 * no continuation episode.": within a child, sorted by DECOM with a
 * missing DECOM filled as 01/01/1901 (so it sorts first and "starts" on
 * that day): (1) REC X1 with a DEC needs the next episode to start on
 * that DEC, (2) another REC with a DEC must not be followed by an episode
 * starting on it, (3) the last episode must not end (DEC a date) with
 * X1. Rows with no CHILD are never flagged. */
static void check_388(const struct v903_data *d, struct v903_result *r)
{
	if (!v903_needs(d, r, EPISODES))
		return;
	const struct v903_rows *e = &d->t[V903_EPISODES];
	struct ep_key *k = sort_episodes(e, DECOM_FILLED, false, r);
	if (!k)
		return;
	for (size_t i = 0; i < e->nrows; i++) {
		size_t row = k[i].row;
		int32_t dec = v903_date(e, row, V903_E_DEC);
		if (!v903_has(e, row, V903_E_CHILD) || dec == DATE_NONE ||
		    !v903_has(e, row, V903_E_REC))
			continue;
		bool x1 = v903_is(e, row, V903_E_REC, "X1"), bad = x1;
		if (same_group(e, k, e->nrows, i)) {
			bool same_day = dec == k[i + 1].decom;
			bad = x1 ? !same_day : same_day;
		}
		if (bad)
			v903_flag(r, V903_EPISODES, row);
	}
	free(k);
}

/* Whether cur, an episode following prev of the same child, says it
 * continues prev (RNE P, L, T, U or B) but does not start on the text of
 * prev's DEC (the code compares the raw text; a missing one never
 * matches). */
static bool bad_continuation(const struct v903_rows *e, size_t prev,
			     size_t cur)
{
	if (!cell_eq(e, prev, cur, V903_E_CHILD) ||
	    !v903_in(e, cur, V903_E_RNE, "P,L,T,U,B"))
		return false;
	const char *dec = v903_cell(e, prev, V903_E_DEC);
	const char *decom = v903_cell(e, cur, V903_E_DECOM);
	return !dec || !decom || strcmp(dec, decom) != 0;
}

/* 433 "The reason for new episode suggests that this is a continuation
 * episode, but the episode does not start on the same day as the last
 * episode finished.": sorted by CHILD, DECOM, then DEC (dates, missing
 * last); RNE P/L/T/U/B must start on the previous DEC, compared as text
 * ("1/6/2020" is not "01/06/2020"). */
static void check_433(const struct v903_data *d, struct v903_result *r)
{
	if (!v903_needs(d, r, EPISODES))
		return;
	const struct v903_rows *e = &d->t[V903_EPISODES];
	struct ep_key *k = sort_episodes(e, DECOM_NAT_LAST, true, r);
	if (!k)
		return;
	for (size_t i = 1; i < e->nrows; i++)
		if (bad_continuation(e, k[i - 1].row, k[i].row))
			v903_flag(r, V903_EPISODES, k[i].row);
	free(k);
}

/* ---- 142: numpy's sort ------------------------------------------------ */

/* Rule 142 sorts on DECOM alone, and pandas then sorts with numpy's
 * argsort(kind="quicksort"), which is not stable: among episodes of a
 * child with the same last DECOM, which one is "last" is whatever that
 * algorithm leaves last. So iro runs the same algorithm: an introsort of
 * positions by value - median-of-three partitions while more than 16
 * remain, insertion sort below that, heapsort past a depth of 2 log2 n -
 * over the dates that are not missing, in file order. */

/* Moves idx[i - 1] (1-based heap of n) down from the root slot i, holding
 * `hold`. */
static void np_sift(const int32_t *v, size_t *idx, size_t i, size_t n,
		    size_t hold)
{
	for (size_t j = 2 * i; j <= n; j += j) {
		if (j < n && v[idx[j - 1]] < v[idx[j]])
			j++;
		if (!(v[hold] < v[idx[j - 1]]))
			break;
		idx[i - 1] = idx[j - 1];
		i = j;
	}
	idx[i - 1] = hold;
}

static void np_heapsort(const int32_t *v, size_t *idx, size_t n)
{
	for (size_t l = n / 2; l > 0; l--)
		np_sift(v, idx, l, n, idx[l - 1]);
	for (; n > 1; n--) {
		size_t hold = idx[n - 1];
		idx[n - 1] = idx[0];
		np_sift(v, idx, 1, n - 1, hold);
	}
}

static void swap_idx(size_t *idx, size_t a, size_t b)
{
	size_t t = idx[a];
	idx[a] = idx[b];
	idx[b] = t;
}

/* One quicksort partition of idx[pl..pr] (more than 16 of them) around
 * the median of the first, middle and last; returns the pivot's place. */
static size_t np_partition(const int32_t *v, size_t *idx, size_t pl,
			   size_t pr)
{
	size_t pm = pl + ((pr - pl) >> 1);
	if (v[idx[pm]] < v[idx[pl]])
		swap_idx(idx, pm, pl);
	if (v[idx[pr]] < v[idx[pm]])
		swap_idx(idx, pr, pm);
	if (v[idx[pm]] < v[idx[pl]])
		swap_idx(idx, pm, pl);
	int32_t vp = v[idx[pm]];
	size_t pi = pl, pj = pr - 1;
	swap_idx(idx, pm, pj);
	for (;;) {
		do
			pi++;
		while (v[idx[pi]] < vp);
		do
			pj--;
		while (vp < v[idx[pj]]);
		if (pi >= pj)
			break;
		swap_idx(idx, pi, pj);
	}
	swap_idx(idx, pi, pr - 1);
	return pi;
}

static void np_insertion(const int32_t *v, size_t *idx, size_t pl,
			 size_t pr)
{
	for (size_t pi = pl + 1; pi <= pr; pi++) {
		size_t vi = idx[pi], pj = pi;
		while (pj > pl && v[vi] < v[idx[pj - 1]]) {
			idx[pj] = idx[pj - 1];
			pj--;
		}
		idx[pj] = vi;
	}
}

/* idx[0..n-1] = 0..n-1 ordered as numpy's argsort orders v. */
static void np_argsort(const int32_t *v, size_t *idx, size_t n)
{
	size_t stack[2 * 64], *sp = stack;
	int depths[64], *dp = depths, depth = 0;
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	if (n < 2)
		return;
	for (size_t m = n; m >>= 1;)
		depth += 2;
	size_t pl = 0, pr = n - 1;
	for (;;) {
		if (depth < 0) {
			np_heapsort(v, idx + pl, pr - pl + 1);
		} else {
			while (pr - pl > 15) {
				size_t pi = np_partition(v, idx, pl, pr);
				if (pi - pl < pr - pi) { /* larger part later */
					*sp++ = pi + 1;
					*sp++ = pr;
					pr = pi - 1;
				} else {
					*sp++ = pl;
					*sp++ = pi - 1;
					pl = pi + 1;
				}
				*dp++ = --depth;
			}
			np_insertion(v, idx, pl, pr);
		}
		if (sp == stack)
			break;
		pr = *--sp;
		pl = *--sp;
		depth = *--dp;
	}
}

/* rank[row] = the row's place in rule 142's sort of Episodes on DECOM:
 * the valid dates in numpy's order, then the missing ones in file order.
 * The code fills a missing DECOM with "01/01/1901" and then turns that
 * date back to missing, so a real 01/01/1901 is missing too. Returns -1
 * when memory runs out. */
static int rank_142(const struct v903_rows *e, size_t *rank)
{
	const int32_t y1901 = date_from_ymd(1901, 1, 1);
	size_t n = e->nrows, nv = 0, pos = 0;
	if (!n)
		return 0;
	int32_t *v = calloc(n, sizeof *v);
	size_t *rows = malloc(n * sizeof *rows);
	size_t *idx = malloc(n * sizeof *idx);
	int rc = -1;
	if (!v || !rows || !idx)
		goto out;
	for (size_t i = 0; i < n; i++) {
		int32_t decom = v903_date(e, i, V903_E_DECOM);
		if (decom != DATE_NONE && decom != y1901) {
			v[nv] = decom;
			rows[nv++] = i;
		}
	}
	np_argsort(v, idx, nv);
	for (size_t i = 0; i < nv; i++)
		rank[rows[idx[i]]] = pos++;
	for (size_t i = 0; i < n; i++) {
		int32_t decom = v903_date(e, i, V903_E_DECOM);
		if (decom == DATE_NONE || decom == y1901)
			rank[i] = pos++;
	}
	rc = 0;
out:
	free(v);
	free(rows);
	free(idx);
	return rc;
}

/* 142 "A new episode has started, but the previous episode has not
 * ended.": every episode but each child's last (in the sort above:
 * latest DECOM, missing last) must have DEC (a date) and REC; rows with
 * no CHILD, or no valid DECOM (01/01/1901 counting as none), are not
 * checked. */
static void check_142(const struct v903_data *d, struct v903_result *r)
{
	if (!v903_needs(d, r, EPISODES))
		return;
	const struct v903_rows *e = &d->t[V903_EPISODES];
	const int32_t y1901 = date_from_ymd(1901, 1, 1);
	size_t *rank = malloc((e->nrows ? e->nrows : 1) * sizeof *rank);
	if (!rank || rank_142(e, rank)) {
		free(rank);
		r->out_of_memory = true;
		return;
	}
	size_t at = 0, n;
	while ((n = v903_next_child(e, &at)) > 0) {
		if (!v903_has(e, e->order[at - n], V903_E_CHILD))
			continue;
		size_t last = e->order[at - n];
		for (size_t k = at - n; k < at; k++)
			if (rank[e->order[k]] > rank[last])
				last = e->order[k];
		for (size_t k = at - n; k < at; k++) {
			size_t row = e->order[k];
			int32_t decom = v903_date(e, row, V903_E_DECOM);
			if (row == last || decom == DATE_NONE || decom == y1901)
				continue;
			if (v903_date(e, row, V903_E_DEC) == DATE_NONE ||
			    !v903_has(e, row, V903_E_REC))
				v903_flag(r, V903_EPISODES, row);
		}
	}
	free(rank);
}

/* Every rule here is from lac2022_23 and unchanged since. */
const struct v903_rule V903_RULES_CHRONOLOGY[] = {
	{ "142", "A new episode has started, but the previous episode has "
		 "not ended.", 0, 0, check_142 },
	{ "501", "A new episode has started before the end date of the "
		 "previous episode.", 0, 0, check_501 },
	{ "356", "The date the episode ceased is before the date the same "
		 "episode started.", 0, 0, check_356 },
	{ "355", "Episode appears to have lasted for less than 24 hours", 0,
	  0, check_355 },
	{ "353", "No episode submitted can start before 14 October 1991.", 0,
	  0, check_353 },
	{ "354", "Date episode ceased must be on or before the end of the "
		 "current collection year.", 0, 0, check_354 },
	{ "385", "Date episode ceased must be on or before the end of the "
		 "current collection year.", 0, 0, check_385 },
	{ "302", "First episode starts before child was born.", 0, 0,
	  check_302 },
	{ "352", "Child who started to be looked after was aged 18 or over.",
	  0, 0, check_352 },
	{ "357", "If this is the first episode ever for this child, reason "
		 "for new episode must be S.  Check whether there is an "
		 "episode immediately preceding this one, which has been left "
		 "out.  If not the reason for new episode code must be "
		 "amended to S.", 0, 0, check_357 },
	{ "388", "Reason episode ceased is coded new episode begins, but "
		 "there is no continuation episode.", 0, 0, check_388 },
	{ "431", "The reason for new episode is started to be looked after, "
		 "but the previous episode ended on the same day.", 0, 0,
	  check_431 },
	{ "432", "The child ceased to be looked after at the end of the "
		 "previous episode but the reason for the new episode is not "
		 "started to be looked after.", 0, 0, check_432 },
	{ "433", "The reason for new episode suggests that this is a "
		 "continuation episode, but the episode does not start on the "
		 "same day as the last episode finished.", 0, 0, check_433 },
	{ "434", "Reason for new episode is that child's legal status has "
		 "changed but not the placement, but this is not reflected in "
		 "the episode data.", 0, 0, check_434 },
	{ "435", "Reason for new episode is that child’s placement has "
		 "changed but not the legal status, but this is not reflected "
		 "in the episode data recorded.", 0, 0, check_435 },
	{ "436", "Reason for new episode is that both child’s placement and "
		 "legal status have changed, but this is not reflected in the "
		 "episode data.", 0, 0, check_436 },
	{ "437", "Reason episode ceased is child has died or is aged 18 or "
		 "over but there are further episodes.", 0, 0, check_437 },
	{ "504", "The category of need code differs from that reported at "
		 "start of current period of being looked after", 0, 0,
	  check_504 },
	{ NULL, NULL, 0, 0, NULL },
};
