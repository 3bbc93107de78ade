/*
 * v903_temporary.c - DfE validation rules on temporary placements (PLACE
 * T0-T4): 375, 376, 377, 379, 380, 381 and 383 (domain-rules §4.3). Only
 * 383 changed, in lac2025_26; none was deleted.
 */
#include "lib/common.h"
#include "core/date.h"
#include "core/v903_int.h"

#define TEMPORARY_PLACES "T0,T1,T2,T3,T4"

static bool is_temporary(const struct v903_rows *e, size_t i)
{
	return v903_in(e, i, V903_E_PLACE, TEMPORARY_PLACES);
}

/* pandas' a != b on text: true when either is missing. */
static bool cells_differ(const struct v903_rows *t, size_t a, size_t b,
			 int col)
{
	const char *x = v903_cell(t, a, col), *y = v903_cell(t, b, col);
	return !x || !y || strcmp(x, y) != 0;
}

/* The rows of a child group (v903_next_child) in the table's order. */
static const size_t *group_rows(const struct v903_rows *t, size_t at,
				size_t n)
{
	return t->order + (at - n);
}

/* Whether some Header row of `child` has a DOB that parses. A missing
 * child is matched with Header rows whose CHILD is missing, as pandas'
 * merge matches NaN keys; those are the last group of the Header's order.
 */
static bool header_has_dob(const struct v903_rows *h, const char *child)
{
	size_t n, start = v903_merge_child(h, child, &n);
	for (size_t k = start; k < start + n; k++)
		if (v903_date(h, h->order[k], V903_H_DOB) != DATE_NONE)
			return true;
	return false;
}

/* rule_utils.dec_after_decom: episodes with PLACE `place` whose DEC is
 * more than `days` days after DECOM, both dates parsing, and whose child
 * is in Header with a DOB that parses (the code merges Episodes with
 * Header on CHILD and drops rows with no DECOM, DEC or DOB). Needs
 * Episodes and Header. */
static void temporary_too_long(const struct v903_data *d,
			       struct v903_result *r, const char *place,
			       int days)
{
	if (!v903_needs(d, r, V903_T(V903_EPISODES) | V903_T(V903_HEADER)))
		return;
	const struct v903_rows *e = &d->t[V903_EPISODES];
	const struct v903_rows *h = &d->t[V903_HEADER];
	size_t at = 0, n;
	while ((n = v903_next_child(e, &at))) {
		const size_t *g = group_rows(e, at, n);
		int known = -1; /* header_has_dob, worked out when needed */
		for (size_t k = 0; k < n; k++) {
			size_t i = g[k];
			int32_t decom = v903_date(e, i, V903_E_DECOM);
			int32_t dec = v903_date(e, i, V903_E_DEC);
			if (!v903_is(e, i, V903_E_PLACE, place) ||
			    decom == DATE_NONE || dec == DATE_NONE ||
			    dec <= decom + days)
				continue;
			if (known < 0)
				known = header_has_dob(
					h, v903_cell(e, i, V903_E_CHILD));
			if (known)
				v903_flag(r, V903_EPISODES, i);
		}
	}
}

/* 375 "Hospitalisation coded as a temporary placement exceeds six
 * weeks.": PLACE T1 and DEC more than 42 days after DECOM (42 is not an
 * error); the child must have a Header row with a valid DOB. */
static void check_375(const struct v903_data *d, struct v903_result *r)
{
	temporary_too_long(d, r, "T1", 42);
}

/* 376 "Temporary placements coded as being due to holiday of usual foster
 * carer(s) cannot exceed three weeks.": PLACE T3 and DEC more than 21
 * days after DECOM; the child must have a Header row with a valid DOB. */
static void check_376(const struct v903_data *d, struct v903_result *r)
{
	temporary_too_long(d, r, "T3", 21);
}

/* 379 "Temporary placements for unspecified reason (placement code T4)
 * cannot exceed seven days.": PLACE T4 and DEC more than 7 days after
 * DECOM; the child must have a Header row with a valid DOB. */
static void check_379(const struct v903_data *d, struct v903_result *r)
{
	temporary_too_long(d, r, "T4", 7);
}

/* 377 "Only two temporary placements coded as being due to holiday of
 * usual foster carer(s) are allowed in any 12- month period.": a child
 * with more than two T3 episodes in the return has all of them flagged.
 * The code counts every T3 episode, whatever its dates: there is no
 * 12-month window. Rows with no CHILD are never flagged. */
static void check_377(const struct v903_data *d, struct v903_result *r)
{
	if (!v903_needs(d, r, V903_T(V903_EPISODES)))
		return;
	const struct v903_rows *e = &d->t[V903_EPISODES];
	size_t at = 0, n;
	while ((n = v903_next_child(e, &at))) {
		const size_t *g = group_rows(e, at, n);
		size_t t3 = 0;
		if (!v903_has(e, g[0], V903_E_CHILD))
			continue;
		for (size_t k = 0; k < n; k++)
			t3 += v903_is(e, g[k], V903_E_PLACE, "T3");
		if (t3 <= 2)
			continue;
		for (size_t k = 0; k < n; k++)
			if (v903_is(e, g[k], V903_E_PLACE, "T3"))
				v903_flag(r, V903_EPISODES, g[k]);
	}
}

/* Flags every episode the test holds for. */
static void flag_episodes(const struct v903_data *d, struct v903_result *r,
			  bool (*test)(const struct v903_rows *e, size_t i))
{
	if (!v903_needs(d, r, V903_T(V903_EPISODES)))
		return;
	const struct v903_rows *e = &d->t[V903_EPISODES];
	for (size_t i = 0; i < e->nrows; i++)
		if (test(e, i))
			v903_flag(r, V903_EPISODES, i);
}

/* 380 "A period of care cannot start with a temporary placement.": PLACE
 * T0-T4 and RNE neither P nor B (a missing RNE fails). The code looks at
 * each episode alone, not at where a period of care starts. */
static bool temporary_not_a_move(const struct v903_rows *e, size_t i)
{
	return is_temporary(e, i) && !v903_in(e, i, V903_E_RNE, "P,B");
}

static void check_380(const struct v903_data *d, struct v903_result *r)
{
	flag_episodes(d, r, temporary_not_a_move);
}

/* 381 "A period of care cannot end with a temporary placement.": PLACE
 * T0-T4 and REC present and not X1. */
static bool temporary_ends_care(const struct v903_rows *e, size_t i)
{
	return is_temporary(e, i) && v903_has(e, i, V903_E_REC) &&
	       !v903_is(e, i, V903_E_REC, "X1");
}

static void check_381(const struct v903_data *d, struct v903_result *r)
{
	flag_episodes(d, r, temporary_ends_care);
}

/* Walks each child's episodes three at a time, in order of CHILD, DECOM
 * (missing last), then file position - the code's stable sort_values -
 * and calls `check` with each run of three of one child's episodes.
 * Rows with no CHILD are left out (their CHILD == CHILD is false). */
static void walk_threes(const struct v903_data *d, struct v903_result *r,
			void (*check)(const struct v903_rows *e,
				      const size_t three[3],
				      struct v903_result *r))
{
	if (!v903_needs(d, r, V903_T(V903_EPISODES)))
		return;
	const struct v903_rows *e = &d->t[V903_EPISODES];
	size_t at = 0, n;
	while ((n = v903_next_child(e, &at))) {
		const size_t *g = group_rows(e, at, n);
		if (!v903_has(e, g[0], V903_E_CHILD))
			continue;
		for (size_t k = 0; k + 2 < n; k++)
			check(e, g + k, r);
	}
}

/* 383 (lac2022_23) "A child in a temporary placement must subsequently
 * return to his/her normal placement.": an episode in T0-T4 between two
 * episodes of the same child is flagged when the next one's RNE is not P
 * or its PLACE differs from the one before (missing values differ). A
 * temporary episode that is the child's first or last is never flagged. */
static void return_to_placement(const struct v903_rows *e,
				const size_t three[3], struct v903_result *r)
{
	size_t before = three[0], temp = three[1], after = three[2];
	if (is_temporary(e, temp) &&
	    (!v903_is(e, after, V903_E_RNE, "P") ||
	     cells_differ(e, after, before, V903_E_PLACE)))
		v903_flag(r, V903_EPISODES, temp);
}

static void check_383(const struct v903_data *d, struct v903_result *r)
{
	walk_threes(d, r, return_to_placement);
}

/* 383 (lac2025_26), same message: now the episode AFTER the temporary one
 * is flagged, when the temporary one follows another episode of the same
 * child and the one after it has RNE not P, or a PLACE or PL_POST that
 * differs from the episode before the temporary one. Missing values
 * differ, even two missing PL_POSTs. (The code parses DECOM with
 * dayfirst=True, not a format; iro sorts by the DD/MM/YYYY date.) */
static void return_to_placement_and_postcode(const struct v903_rows *e,
					     const size_t three[3],
					     struct v903_result *r)
{
	size_t before = three[0], temp = three[1], after = three[2];
	if (is_temporary(e, temp) &&
	    (!v903_is(e, after, V903_E_RNE, "P") ||
	     cells_differ(e, after, before, V903_E_PLACE) ||
	     cells_differ(e, after, before, V903_E_PL_POST)))
		v903_flag(r, V903_EPISODES, after);
}

static void check_383_postcode(const struct v903_data *d,
			       struct v903_result *r)
{
	walk_threes(d, r, return_to_placement_and_postcode);
}

#define MSG_383                                                             \
	"A child in a temporary placement must subsequently return to "     \
	"his/her normal placement."

const struct v903_rule V903_RULES_TEMPORARY[] = {
	{ "375",
	  "Hospitalisation coded as a temporary placement exceeds six weeks.",
	  0, 0, check_375 },
	{ "376",
	  "Temporary placements coded as being due to holiday of usual foster "
	  "carer(s) cannot exceed three weeks.",
	  0, 0, check_376 },
	{ "377",
	  "Only two temporary placements coded as being due to holiday of "
	  "usual foster carer(s) are allowed in any 12- month period.",
	  0, 0, check_377 },
	{ "379",
	  "Temporary placements for unspecified reason (placement code T4) "
	  "cannot exceed seven days.",
	  0, 0, check_379 },
	{ "380", "A period of care cannot start with a temporary placement.",
	  0, 0, check_380 },
	{ "381", "A period of care cannot end with a temporary placement.",
	  0, 0, check_381 },
	{ "383", MSG_383, 0, 2025, check_383 },
	{ "383", MSG_383, 2026, 0, check_383_postcode },
	{ NULL, NULL, 0, 0, NULL },
};
