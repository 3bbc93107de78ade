/*
 * report_placements.c - the report's tables on where children are placed
 * and how their placements change: location (M08), children starting care
 * by age (M11), placements started (M13), long-term fostering plans not
 * yet matched (M15) and three or more placements in the year (M17).
 * measures.h defines each.
 */
#include "lib/common.h"
#include "core/report_int.h"

static const long *location_of(const struct msr_period *w)
{
	return w->pop.location;
}

/* Inside the authority, outside it but in the named group, elsewhere, not
 * known: the children at the period end (MAN-H11's "within Greater
 * Manchester"). */
static int location_group(struct rb *b)
{
	char in_group[240], outside[240];
	snprintf(in_group, sizeof in_group, "Outside the authority, in %s",
		 b->in->group);
	snprintf(outside, sizeof outside, "Outside %s", b->in->group);
	const char *rows[] = { "Inside the authority", in_group, outside,
			       "Not known", "Total" };
	struct rtable *t = rb_by_period(b, "population_location_group",
					"Children looked after, inside and "
					"outside the group of authorities",
					"Placed", rows, ARRAY_LEN(rows));
	if (!t)
		return -1;
	RB_FILL(b, t, 0, 0,
		rcell_count(w->pop.location[LOC_NEAR_IN] +
			    w->pop.location[LOC_FAR_IN] +
			    w->pop.location[LOC_NODIST_IN]));
	RB_FILL(b, t, 1, 0, rcell_count(w->pop.outside_in_group));
	RB_FILL(b, t, 2, 0,
		rcell_count(w->pop.location[LOC_NEAR_OUT] +
			    w->pop.location[LOC_FAR_OUT] +
			    w->pop.location[LOC_NODIST_OUT] -
			    w->pop.outside_in_group));
	RB_FILL(b, t, 3, 0, rcell_count(w->pop.location[LOC_NOT_KNOWN]));
	rb_total_row(t);
	return rb_about(t, "Where the placement's postcode (PL_POST) lies, by "
			   "the postcode table, against the authority's code "
			   "(setting la_code) and the named group (la_group).",
			"MAN-H11");
}

int rb_location(struct rb *b)
{
	static const char *const rows[LOC_COUNT + 1] = {
		"20 miles or less, inside the authority",
		"20 miles or less, outside the authority",
		"Over 20 miles, inside the authority",
		"Over 20 miles, outside the authority",
		"Distance not known, inside the authority",
		"Distance not known, outside the authority",
		"Placement location not known", "Total",
	};
	struct rtable *t = rb_counts(b, "population_location",
				     "Children looked after by placement "
				     "location",
				     "Placed", rows, LOC_COUNT, location_of);
	if (!t || rb_about(t, "Placement postcode (PL_POST) of the episode "
			      "open at the period end, against the "
			      "authority's code (setting la_code), and its "
			      "straight-line distance from the home postcode "
			      "(HOME_POST) as the DfE works it, from the "
			      "postcode table. Not known: no postcode, or one "
			      "the table does not hold.",
			   "BUCKS-T9, LEW-F10a, BUCKS-F3, MAN-H11"))
		return -1;
	return b->in->group && *b->in->group ? location_group(b) : 0;
}

static const long *started_age_of(const struct msr_period *w)
{
	return w->pop.started_by_age;
}

static const long *ltf_of(const struct msr_period *w)
{
	return w->pop.ltf_unmatched;
}

static int placements_started(struct rb *b)
{
	static const char *const rows[] = {
		"Placements started", "Long-term fostering (U1, U4)",
		"Placed for adoption (A3 to A6)",
	};
	struct rtable *t = rb_by_period(b, "placements_started",
					"Placements starting during the period",
					"", rows, ARRAY_LEN(rows));
	if (!t)
		return -1;
	RB_FILL(b, t, 0, 0, rcell_count(w->pop.placements_started));
	RB_FILL(b, t, 1, 0, rcell_count(w->pop.placements_ltf));
	RB_FILL(b, t, 2, 0, rcell_count(w->pop.placements_adoption));
	t->chart = RCHART_BARS;
	return rb_about(t, "Episodes beginning in the period that start a "
			   "placement (RNE S, P, B or U, and T unless setting "
			   "placements_same_carer is no); temporary placements "
			   "(T0 to T4), and the return from one, only when "
			   "setting placements_temporary is yes. Short breaks "
			   "are left out.",
			"BUCKS-T12");
}

static int three_placements(struct rb *b)
{
	static const char *const rows[] = {
		"Looked after at the end of the period",
		"With 3 or more placements in the period",
	};
	struct rtable *t = rb_by_period(b, "placements_3plus",
					"Children with three or more placements",
					"", rows, ARRAY_LEN(rows));
	if (!t)
		return -1;
	RB_FILL(b, t, 0, 0, rcell_count(w->pop.at_end));
	RB_FILL(b, t, 1, 0,
		rcell_rate(w->pop.placements_3plus, w->pop.at_end));
	t->chart = RCHART_LINE;
	t->chart_from = 0;
	return rb_about(t, "Children looked after at the period end: the "
			   "placement open on its first day and those started "
			   "after it, counted as placements started are.",
			"LEW-F9");
}

int rb_placements(struct rb *b)
{
	static const char *const ltf[LTF_BAND_COUNT + 1] = {
		"Under 6 months", "6 to 11 months", "1 to 2 years",
		"3 to 4 years", "5 to 6 years", "7 to 9 years",
		"10 years and over", "Total",
	};
	const char *ages[AGE_COUNT + 1];
	for (int i = 0; i < AGE_COUNT; i++)
		ages[i] = RB_AGE_LABELS[i];
	ages[AGE_COUNT] = "Total";
	if (report_section(b->r, "Coming into care and placements"))
		return -1;
	struct rtable *t = rb_counts(b, "started_age",
				     "Children starting to be looked after, "
				     "by age",
				     "Age at the start", ages, AGE_COUNT,
				     started_age_of);
	if (!t)
		return -1;
	t->chart = RCHART_BARS;
	if (rb_about(t, "Periods of care starting in the period (short breaks "
			"left out), by age in whole years on the first day.",
		     "LEW-H1, LEW-H4, LEW-T1, BUCKS-T5") ||
	    placements_started(b) || three_placements(b))
		return -1;
	t = rb_counts(b, "ltf_not_matched",
		      "Children with a plan of long-term fostering not yet in a "
		      "long-term placement",
		      "Looked after for", ltf, LTF_BAND_COUNT, ltf_of);
	return t ? rb_about(t, "Children looked after at the period end whose "
			       "permanence plan at their latest review is "
			       "long-term fostering and whose placement is not "
			       "U1 or U4, by the time since their period of "
			       "care began (whole months; each band includes "
			       "its lower bound only).",
			    "BUCKS-H7, BUCKS-T13")
		 : -1;
}
