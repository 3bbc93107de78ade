/*
 * v903_legal.c - DfE validation rules on legal status: its holder's age
 * (358, 359), how long the short-lived statuses last (361-364), and
 * statuses that do not fit the placement or the date (378, 408, 445, 446,
 * 451) (domain-rules §3.3, §4.3). None changed after lac2022_23; 445 and
 * 451 are in lac2024_25's del_list, so they stop after 2023/24.
 */
#include "lib/common.h"
#include "core/date.h"
#include "core/v903_int.h"

#define EP V903_EPISODES
#define HE V903_HEADER

/* The later (earlier) of two dates, either of which may be DATE_NONE. */
static int32_t max_date(int32_t a, int32_t b)
{
	return a == DATE_NONE || (b != DATE_NONE && b > a) ? b : a;
}

static int32_t min_date(int32_t a, int32_t b)
{
	return a == DATE_NONE || (b != DATE_NONE && b < a) ? b : a;
}

/* Rules 358 and 359 left-merge Episodes with Header on CHILD: each
 * episode meets every Header row of its child, and an episode with no
 * CHILD every Header row with none (pandas matches NaN keys). They walk
 * the episodes child by child, so each child's Header rows are looked up
 * once. */
struct child_pair {
	const size_t *ep, *he; /* rows, in their tables' orders */
	size_t nep, nhe;
};

/* The next child's episodes and Header rows; false at the end. */
static bool next_pair(const struct v903_rows *e, const struct v903_rows *h,
		      size_t *at, struct child_pair *p)
{
	p->nep = v903_next_child(e, at);
	if (!p->nep)
		return false;
	p->ep = e->order + (*at - p->nep);
	const char *child = v903_cell(e, p->ep[0], V903_E_CHILD);
	size_t pos = v903_merge_child(h, child, &p->nhe);
	p->he = h->order ? h->order + pos : NULL;
	return true;
}

/* An episode 358 looks at: LS J1, J2 or J3 and a DECOM that is a date. */
static int32_t remand_start(const struct v903_rows *e, size_t i)
{
	return v903_in(e, i, V903_E_LS, "J1,J2,J3")
		       ? v903_date(e, i, V903_E_DECOM)
		       : DATE_NONE;
}

/* 358 "Child with this legal status should not be under 10.": LS J1, J2
 * or J3 and DECOM on or before DOB + 10 years (a 29 February birthday
 * falling on 28 February), so an episode starting on the tenth birthday
 * fails. Flags the episode and every Header row it fails against; no
 * Header row for the child, or a date that does not parse, passes. An
 * episode fails against some row when its DECOM is on or before the
 * latest tenth birthday, and a row against some episode when the
 * earliest DECOM is on or before its tenth birthday. */
static void check_358(const struct v903_data *d, struct v903_result *r)
{
	if (!v903_needs(d, r, V903_T(EP) | V903_T(HE)))
		return;
	const struct v903_rows *e = &d->t[EP], *h = &d->t[HE];
	struct child_pair p;
	size_t at = 0;
	while (next_pair(e, h, &at, &p)) {
		int32_t latest_tenth = DATE_NONE, earliest = DATE_NONE;
		for (size_t k = 0; k < p.nhe; k++) {
			int32_t dob = v903_date(h, p.he[k], V903_H_DOB);
			int32_t tenth = dob == DATE_NONE
						? DATE_NONE
						: date_add_months(dob, 120);
			latest_tenth = max_date(latest_tenth, tenth);
		}
		for (size_t k = 0; k < p.nep; k++) {
			int32_t start = remand_start(e, p.ep[k]);
			earliest = min_date(earliest, start);
			if (start != DATE_NONE && latest_tenth != DATE_NONE &&
			    start <= latest_tenth)
				v903_flag(r, EP, p.ep[k]);
		}
		for (size_t k = 0; earliest != DATE_NONE && k < p.nhe; k++) {
			int32_t dob = v903_date(h, p.he[k], V903_H_DOB);
			if (dob != DATE_NONE &&
			    earliest <= date_add_months(dob, 120))
				v903_flag(r, HE, p.he[k]);
		}
	}
}

/* 359 "Child being looked after following 18th birthday must be
 * accommodated under section 20(5) of the Children Act 1989 in a community
 * home.": an episode with no DEC (a blank cell; a DEC that does not parse
 * counts as given) for a child with a Header row whose 18th birthday is
 * before the collection end (31 March itself passes), unless LS V2 with
 * PLACE K2. */
static void check_359(const struct v903_data *d, struct v903_result *r)
{
	if (!v903_needs(d, r, V903_T(EP) | V903_T(HE)))
		return;
	const struct v903_rows *e = &d->t[EP], *h = &d->t[HE];
	struct child_pair p;
	size_t at = 0;
	while (next_pair(e, h, &at, &p)) {
		bool adult = false;
		for (size_t k = 0; !adult && k < p.nhe; k++) {
			int32_t dob = v903_date(h, p.he[k], V903_H_DOB);
			adult = dob != DATE_NONE &&
				date_add_months(dob, 18 * 12) < d->end;
		}
		for (size_t k = 0; adult && k < p.nep; k++) {
			size_t i = p.ep[k];
			if (!v903_has(e, i, V903_E_DEC) &&
			    !(v903_is(e, i, V903_E_LS, "V2") &&
			      v903_is(e, i, V903_E_PLACE, "K2")))
				v903_flag(r, EP, i);
		}
	}
}

/* ---- 361, 362: runs of a status over the whole order ----------------- */

/* One (CHILD, FLOWS) group of rules 361/362: a run of episodes of the
 * status that follow on from each other (status_run_over). */
struct run {
	const char *child;  /* NULL: groupby drops it */
	uint32_t flow;      /* the FLOWS cumsum */
	size_t first, last; /* its rows' positions in the order */
	int32_t min_decom, max_dec;
};

static bool same_child(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* Flags every episode of status ls in a run that lasted more than
 * `limit` days, from its earliest DECOM to its latest DEC. groupby drops
 * a run with no CHILD. */
static void close_run(const struct v903_rows *e, struct v903_result *r,
		      const char *ls, const struct run *g, int limit)
{
	if (!g->child || g->min_decom == DATE_NONE ||
	    g->max_dec - g->min_decom <= limit)
		return;
	for (size_t p = g->first; p <= g->last; p++)
		if (v903_is(e, e->order[p], V903_E_LS, ls))
			v903_flag(r, EP, e->order[p]);
}

/* Rules 361 and 362: the episodes of status ls, in the Episodes order
 * (sort_values CHILD, DECOM: stable, missing last), fall into runs. One
 * continues the run of the previous episode of the status (of any child)
 * when that one "flowed": its DEC (the collection end when missing or not
 * a date) equals the DECOM of the very next episode in the order,
 * whatever its status, of the same child; runs split by child too
 * (groupby CHILD, FLOWS). A run lasting more than `limit` days is flagged
 * whole (close_run). The code joins the long runs back on MERGE_KEY =
 * CHILD + str(FLOWS), but two runs' keys never coincide: for "1" + "23"
 * to meet "12" + "3" the shorter CHILD, which sorts first, would need the
 * larger FLOWS, and FLOWS only grows along the order. */
static void status_run_over(const struct v903_data *d, struct v903_result *r,
			    const char *ls, int limit)
{
	if (!v903_needs(d, r, V903_T(EP)))
		return;
	const struct v903_rows *e = &d->t[EP];
	struct run g = { NULL, 0, 0, 0, DATE_NONE, DATE_NONE };
	uint32_t flow = 0;
	bool flowed = false;
	for (size_t p = 0; p < e->nrows; p++) {
		size_t row = e->order[p];
		if (!v903_is(e, row, V903_E_LS, ls))
			continue;
		const char *child = v903_cell(e, row, V903_E_CHILD);
		int32_t dec = v903_date(e, row, V903_E_DEC);
		if (dec == DATE_NONE)
			dec = d->end;
		if (!flowed)
			flow++;
		if (!g.flow || g.flow != flow || !same_child(g.child, child)) {
			if (g.flow)
				close_run(e, r, ls, &g, limit);
			g = (struct run){ child, flow, p, p, DATE_NONE,
					  DATE_NONE };
		}
		g.last = p;
		g.min_decom = min_date(g.min_decom,
				       v903_date(e, row, V903_E_DECOM));
		g.max_dec = max_date(g.max_dec, dec);
		size_t next = p + 1 < e->nrows ? e->order[p + 1] : SIZE_MAX;
		flowed = next != SIZE_MAX &&
			 dec == v903_date(e, next, V903_E_DECOM) &&
			 same_child(child, v903_cell(e, next, V903_E_CHILD));
	}
	if (g.flow)
		close_run(e, r, ls, &g, limit);
}

/* 361 "Police protection legal status lasted longer than maximum 72 hours
 * allowed in the Children Act 1989.": a run of L1 episodes (status_run_over)
 * lasting more than 3 days. */
static void check_361(const struct v903_data *d, struct v903_result *r)
{
	status_run_over(d, r, "L1", 3);
}

/* 362 "Emergency protection order (EPO) lasted longer than 21 days": a
 * run of L2 episodes (status_run_over) lasting more than 21 days. */
static void check_362(const struct v903_data *d, struct v903_result *r)
{
	status_run_over(d, r, "L2", 21);
}

/* ---- 363, 364: periods of a status in file order ---------------------- */

/* An episode rules 363/364 count: status ls and a DECOM that is a date. */
static bool in_period(const struct v903_rows *e, size_t i, const char *ls)
{
	return v903_is(e, i, V903_E_LS, ls) &&
	       v903_date(e, i, V903_E_DECOM) != DATE_NONE;
}

static void flag_period(const struct v903_rows *e, struct v903_result *r,
			const char *ls, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (in_period(e, i, ls))
			v903_flag(r, EP, i);
}

/* Rules 363 and 364: the episodes of status ls with a DECOM that is a
 * date, in FILE order (the code's sort_values is not assigned back). One
 * starts a new period when its CHILD differs from the previous one's (a
 * missing CHILD always differs) or its DECOM is after the previous DEC; a
 * period whose episodes' days (DEC - DECOM; a blank DEC is the collection
 * end, a DEC that is not a date adds nothing) add up to more than `limit`
 * is flagged whole. */
static void status_period_over(const struct v903_data *d,
			       struct v903_result *r, const char *ls,
			       int limit)
{
	if (!v903_needs(d, r, V903_T(EP)))
		return;
	const struct v903_rows *e = &d->t[EP];
	const char *prev_child = NULL;
	int32_t prev_dec = DATE_NONE;
	int64_t days = 0;
	size_t start = SIZE_MAX;
	for (size_t i = 0; i < e->nrows; i++) {
		if (!in_period(e, i, ls))
			continue;
		const char *child = v903_cell(e, i, V903_E_CHILD);
		int32_t decom = v903_date(e, i, V903_E_DECOM);
		int32_t dec = v903_has(e, i, V903_E_DEC)
				      ? v903_date(e, i, V903_E_DEC)
				      : d->end;
		if (start == SIZE_MAX || !same_child(child, prev_child) ||
		    (prev_dec != DATE_NONE && decom > prev_dec)) {
			if (start != SIZE_MAX && days > limit)
				flag_period(e, r, ls, start, i);
			start = i;
			days = 0;
		}
		if (dec != DATE_NONE)
			days += dec - decom;
		prev_child = child;
		prev_dec = dec;
	}
	if (start != SIZE_MAX && days > limit)
		flag_period(e, r, ls, start, e->nrows);
}

/* 363 "Child assessment order (CAO) lasted longer than 7 days allowed in
 * the Children Act 1989.": a period of L3 episodes (status_period_over)
 * adding up to more than 7 days. */
static void check_363(const struct v903_data *d, struct v903_result *r)
{
	status_period_over(d, r, "L3", 7);
}

/* 364 "Sections 41-46 of Police and Criminal Evidence (PACE; 1984)
 * severely limits the time a child can be detained in custody in Local
 * Authority (LA) accommodation.": a period of J2 episodes
 * (status_period_over) adding up to more than 21 days. */
static void check_364(const struct v903_data *d, struct v903_result *r)
{
	status_period_over(d, r, "J2", 21);
}

/* ---- One episode at a time --------------------------------------------- */

typedef bool (*episode_test)(const struct v903_rows *e, size_t i);

static void flag_episodes(const struct v903_data *d, struct v903_result *r,
			  episode_test test)
{
	if (!v903_needs(d, r, V903_T(EP)))
		return;
	const struct v903_rows *e = &d->t[EP];
	for (size_t i = 0; i < e->nrows; i++)
		if (test(e, i))
			v903_flag(r, EP, i);
}

/* 378 "A child who is placed with parent(s) cannot be looked after under
 * a single period of accommodation under Section 20 of the Children Act
 * 1989.": PLACE P1 with LS V2. */
static bool parent_under_s20(const struct v903_rows *e, size_t i)
{
	return v903_is(e, i, V903_E_PLACE, "P1") &&
	       v903_is(e, i, V903_E_LS, "V2");
}

static void check_378(const struct v903_data *d, struct v903_result *r)
{
	flag_episodes(d, r, parent_under_s20);
}

/* 408 "Child is placed for adoption with a placement order, but no
 * placement order has been recorded.": PLACE A5 or A6 and LS not E1 (a
 * missing LS fails: != is true against NaN). */
static bool adoption_without_order(const struct v903_rows *e, size_t i)
{
	return v903_in(e, i, V903_E_PLACE, "A5,A6") &&
	       !v903_is(e, i, V903_E_LS, "E1");
}

static void check_408(const struct v903_data *d, struct v903_result *r)
{
	flag_episodes(d, r, adoption_without_order);
}

/* 445 "D1 is not a valid code for episodes starting after December
 * 2005.": LS D1 and DECOM after 31/12/2005. */
static bool freeing_order_late(const struct v903_rows *e, size_t i)
{
	int32_t start = v903_date(e, i, V903_E_DECOM);
	return v903_is(e, i, V903_E_LS, "D1") && start != DATE_NONE &&
	       start > date_from_ymd(2005, 12, 31);
}

static void check_445(const struct v903_data *d, struct v903_result *r)
{
	flag_episodes(d, r, freeing_order_late);
}

/* 446 "E1 is not a valid code for episodes starting before December
 * 2005.": LS E1 and DECOM before 01/12/2005. */
static bool placement_order_early(const struct v903_rows *e, size_t i)
{
	int32_t start = v903_date(e, i, V903_E_DECOM);
	return v903_is(e, i, V903_E_LS, "E1") && start != DATE_NONE &&
	       start < date_from_ymd(2005, 12, 1);
}

static void check_446(const struct v903_data *d, struct v903_result *r)
{
	flag_episodes(d, r, placement_order_early);
}

/* 451 "Child is still freed for adoption, but freeing orders could not be
 * applied for since 30 December 2005.": LS D1 with DEC and REC both
 * blank. */
static bool still_freed(const struct v903_rows *e, size_t i)
{
	return v903_is(e, i, V903_E_LS, "D1") && !v903_has(e, i, V903_E_DEC) &&
	       !v903_has(e, i, V903_E_REC);
}

static void check_451(const struct v903_data *d, struct v903_result *r)
{
	flag_episodes(d, r, still_freed);
}

const struct v903_rule V903_RULES_LEGAL[] = {
	{ "358", "Child with this legal status should not be under 10.", 0, 0,
	  check_358 },
	{ "359",
	  "Child being looked after following 18th birthday must be "
	  "accommodated under section 20(5) of the Children Act 1989 in a "
	  "community home.",
	  0, 0, check_359 },
	{ "361",
	  "Police protection legal status lasted longer than maximum 72 hours "
	  "allowed in the Children Act 1989.",
	  0, 0, check_361 },
	{ "362", "Emergency protection order (EPO) lasted longer than 21 days",
	  0, 0, check_362 },
	{ "363",
	  "Child assessment order (CAO) lasted longer than 7 days allowed in "
	  "the Children Act 1989.",
	  0, 0, check_363 },
	{ "364",
	  "Sections 41-46 of Police and Criminal Evidence (PACE; 1984) "
	  "severely limits the time a child can be detained in custody in "
	  "Local Authority (LA) accommodation.",
	  0, 0, check_364 },
	{ "378",
	  "A child who is placed with parent(s) cannot be looked after under "
	  "a single period of accommodation under Section 20 of the Children "
	  "Act 1989.",
	  0, 0, check_378 },
	{ "408",
	  "Child is placed for adoption with a placement order, but no "
	  "placement order has been recorded.",
	  0, 0, check_408 },
	{ "445",
	  "D1 is not a valid code for episodes starting after December 2005.",
	  0, 2024, check_445 },
	{ "446",
	  "E1 is not a valid code for episodes starting before December 2005.",
	  0, 0, check_446 },
	{ "451",
	  "Child is still freed for adoption, but freeing orders could not be "
	  "applied for since 30 December 2005.",
	  0, 2024, check_451 },
	{ NULL, NULL, 0, 0, NULL },
};
