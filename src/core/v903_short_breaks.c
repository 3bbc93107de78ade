/*
 * v903_short_breaks.c - DfE validation rules on short breaks (respite care
 * under legal status V3, individual breaks, or V4, the agreement):
 * 365, 366, 367, 382, 384, 426, 398 and 420 (domain-rules §1.4, §4.3).
 * None changed after lac2022_23, and none was deleted, so each has one
 * version for every year.
 */
#include "lib/common.h"
#include "core/date.h"
#include "core/v903_int.h"

#define TEMPORARY_PLACES "T0,T1,T2,T3,T4"

/* Most of these rules look at one episode at a time. */
typedef bool (*episode_test)(const struct v903_data *d,
			     const struct v903_rows *e, size_t i);

/* Flags every episode the test holds for; nothing when Episodes is not
 * loaded. */
static void flag_episodes(const struct v903_data *d, struct v903_result *r,
			  episode_test test)
{
	if (!v903_needs(d, r, V903_T(V903_EPISODES)))
		return;
	const struct v903_rows *e = &d->t[V903_EPISODES];
	for (size_t i = 0; i < e->nrows; i++)
		if (test(d, e, i))
			v903_flag(r, V903_EPISODES, i);
}

static bool is_short_break(const struct v903_rows *e, size_t i)
{
	return v903_in(e, i, V903_E_LS, "V3,V4");
}

/* 365 "Any individual short- term respite placement must not exceed 17
 * days.": LS V3 and DEC > DECOM + 17 days. A missing DEC is the
 * collection end; a DECOM or DEC that is not a date never fails. */
static bool break_over_17_days(const struct v903_data *d,
			       const struct v903_rows *e, size_t i)
{
	if (!v903_is(e, i, V903_E_LS, "V3"))
		return false;
	int32_t decom = v903_date(e, i, V903_E_DECOM);
	int32_t dec = v903_has(e, i, V903_E_DEC) ? v903_date(e, i, V903_E_DEC)
						 : d->end;
	return decom != DATE_NONE && dec != DATE_NONE && dec > decom + 17;
}

static void check_365(const struct v903_data *d, struct v903_result *r)
{
	flag_episodes(d, r, break_over_17_days);
}

/* 366 "A child cannot change placement during the course of an individual
 * short-term respite break.": LS V3 and RNE not S; a missing RNE fails
 * (pandas' != is true against NaN). */
static bool break_not_new_start(const struct v903_data *d,
				const struct v903_rows *e, size_t i)
{
	(void)d;
	return v903_is(e, i, V903_E_LS, "V3") &&
	       !v903_is(e, i, V903_E_RNE, "S");
}

static void check_366(const struct v903_data *d, struct v903_result *r)
{
	flag_episodes(d, r, break_not_new_start);
}

/* The days a V3 episode counts for rule 367: DECOM raised to the
 * collection start, DEC (the collection end when missing) lowered to the
 * collection end, and the difference in days; 0 when the episode does not
 * count (not V3, no DECOM, a date that does not parse, or a difference of
 * 0 days or less). */
static int32_t respite_days(const struct v903_data *d,
			    const struct v903_rows *e, size_t i)
{
	if (!v903_is(e, i, V903_E_LS, "V3") || !v903_has(e, i, V903_E_DECOM))
		return 0;
	int32_t decom = v903_date(e, i, V903_E_DECOM);
	int32_t dec = d->end;
	if (v903_has(e, i, V903_E_DEC)) {
		dec = v903_date(e, i, V903_E_DEC);
		if (dec != DATE_NONE && dec > d->end)
			dec = d->end;
	}
	if (decom == DATE_NONE || dec == DATE_NONE)
		return 0;
	if (decom < d->start)
		decom = d->start;
	return dec > decom ? dec - decom : 0;
}

/* 367 "The maximum amount of respite care allowable is 75 days in any
 * 12-month period.": the days of a child's V3 episodes inside the
 * collection year (respite_days) add up to more than 75; every episode
 * that counted is flagged. The window is the collection year, not any 12
 * months; a difference of dates, so 01/04 to 01/05 is 30 days. Rows with
 * no CHILD are never flagged (groupby drops them). */
static void check_367(const struct v903_data *d, struct v903_result *r)
{
	if (!v903_needs(d, r, V903_T(V903_EPISODES)))
		return;
	const struct v903_rows *e = &d->t[V903_EPISODES];
	size_t at = 0, n;
	while ((n = v903_next_child(e, &at))) {
		const size_t *g = e->order + (at - n);
		if (!v903_has(e, g[0], V903_E_CHILD))
			continue;
		int64_t total = 0;
		for (size_t k = 0; k < n; k++)
			total += respite_days(d, e, g[k]);
		if (total <= 75)
			continue;
		for (size_t k = 0; k < n; k++)
			if (respite_days(d, e, g[k]) > 0)
				v903_flag(r, V903_EPISODES, g[k]);
	}
}

/* 382 "A child receiving respite care cannot be in a temporary
 * placement.": LS V3 or V4 with PLACE T0-T4. */
static bool break_in_temporary_place(const struct v903_data *d,
				     const struct v903_rows *e, size_t i)
{
	(void)d;
	return is_short_break(e, i) &&
	       v903_in(e, i, V903_E_PLACE, TEMPORARY_PLACES);
}

static void check_382(const struct v903_data *d, struct v903_result *r)
{
	flag_episodes(d, r, break_in_temporary_place);
}

/* 384 "A child receiving respite care cannot be in a long-term foster
 * placement ": LS V3 or V4 with PLACE U1 or U4. */
static bool break_in_long_term_foster(const struct v903_data *d,
				      const struct v903_rows *e, size_t i)
{
	(void)d;
	return is_short_break(e, i) && v903_in(e, i, V903_E_PLACE, "U1,U4");
}

static void check_384(const struct v903_data *d, struct v903_result *r)
{
	flag_episodes(d, r, break_in_long_term_foster);
}

/* 426 "A child receiving respite care cannot be recorded under a legal
 * status of V3 and V4 in the same year.": a child with both a V3 and a V4
 * episode has all of those episodes flagged. The code merges the V3 and
 * V4 rows on CHILD, and pandas matches a missing CHILD with a missing
 * CHILD, so rows with no CHILD count as one child. */
static void check_426(const struct v903_data *d, struct v903_result *r)
{
	if (!v903_needs(d, r, V903_T(V903_EPISODES)))
		return;
	const struct v903_rows *e = &d->t[V903_EPISODES];
	size_t at = 0, n;
	while ((n = v903_next_child(e, &at))) {
		const size_t *g = e->order + (at - n);
		bool v3 = false, v4 = false;
		for (size_t k = 0; k < n; k++) {
			v3 = v3 || v903_is(e, g[k], V903_E_LS, "V3");
			v4 = v4 || v903_is(e, g[k], V903_E_LS, "V4");
		}
		if (!v3 || !v4)
			continue;
		for (size_t k = 0; k < n; k++)
			if (is_short_break(e, g[k]))
				v903_flag(r, V903_EPISODES, g[k]);
	}
}

/* 398 "Distance field completed but child looked after under legal status
 * V3 or V4.": LS V3 or V4 with HOME_POST or PL_POST present. The code
 * tests the postcodes, not the derived PL_DISTANCE. */
static bool break_with_postcode(const struct v903_data *d,
				const struct v903_rows *e, size_t i)
{
	(void)d;
	return is_short_break(e, i) && (v903_has(e, i, V903_E_HOME_POST) ||
					v903_has(e, i, V903_E_PL_POST));
}

static void check_398(const struct v903_data *d, struct v903_result *r)
{
	flag_episodes(d, r, break_with_postcode);
}

/* 420 "LA of placement completed but child is looked after under legal
 * status V3 or V4.": LS V3 or V4 with the derived PL_LA present (PL_POST a
 * known postcode). */
static bool break_with_placement_la(const struct v903_data *d,
				    const struct v903_rows *e, size_t i)
{
	(void)d;
	return is_short_break(e, i) && v903_has(e, i, V903_E_PL_LA);
}

static void check_420(const struct v903_data *d, struct v903_result *r)
{
	flag_episodes(d, r, break_with_placement_la);
}

const struct v903_rule V903_RULES_SHORT_BREAKS[] = {
	{ "365",
	  "Any individual short- term respite placement must not exceed 17 "
	  "days.",
	  0, 0, check_365 },
	{ "366",
	  "A child cannot change placement during the course of an individual "
	  "short-term respite break.",
	  0, 0, check_366 },
	{ "367",
	  "The maximum amount of respite care allowable is 75 days in any "
	  "12-month period.",
	  0, 0, check_367 },
	{ "382",
	  "A child receiving respite care cannot be in a temporary placement.",
	  0, 0, check_382 },
	{ "384",
	  "A child receiving respite care cannot be in a long-term foster "
	  "placement ",
	  0, 0, check_384 },
	{ "426",
	  "A child receiving respite care cannot be recorded under a legal "
	  "status of V3 and V4 in the same year.",
	  0, 0, check_426 },
	{ "398",
	  "Distance field completed but child looked after under legal status "
	  "V3 or V4.",
	  0, 0, check_398 },
	{ "420",
	  "LA of placement completed but child is looked after under legal "
	  "status V3 or V4.",
	  0, 0, check_420 },
	{ NULL, NULL, 0, 0, NULL },
};
