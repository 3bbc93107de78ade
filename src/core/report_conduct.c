/*
 * report_conduct.c - the report's chapter on how reviews were run
 * (M28-M38, M40) and on their recommendations (M41).
 */
#include "lib/common.h"
#include "core/report_int.h"

static int venue_mode(struct rb *b, bool mode, bool by_month)
{
	static const char *const venues[VEN_COUNT + 1] = {
		"Not recorded", "The child's placement", "School", "Office",
		"Elsewhere", "Total"
	};
	static const char *const modes[MODE_COUNT + 1] = {
		"Not recorded", "In person", "Virtual", "Hybrid",
		"A series of discussions", "Total"
	};
	size_t n = (mode ? MODE_COUNT : VEN_COUNT) + 1;
	const char *const *rows = mode ? modes : venues;
	const char *key = mode ? (by_month ? "mode_month" : "mode")
			       : (by_month ? "venue_month" : "venue");
	const char *title = mode ? "How reviews were held" : "Where reviews were held";
	size_t first = by_month ? b->in->months_first : 0;
	struct rtable *t = by_month ? rb_by_month(b, key, title, "", rows, n)
				    : rb_by_period(b, key, title, "", rows, n);
	if (!t)
		return -1;
	for (size_t i = 0; i + 1 < n; i++)
		RB_FILL(b, t, i, first,
			rcell_count(mode ? w->conduct.mode[i]
					 : w->conduct.venue[i]));
	rb_total_row(t);
	t->chart = by_month ? RCHART_STACKED : RCHART_NONE;
	return rb_about(t, "Standard reviews held.",
			"WORCS-T4, WORCS-H6, CHESH-H9, MAN-H25");
}

static int conduct_checks(struct rb *b)
{
	static const char *const rows[] = {
		"The child co-chaired (of reviews coded PN1-PN7)",
		"Parents attended",
		"Someone attended for the social worker",
		"Social worker's report received before the review",
		"Minutes or letter to the child sent in time",
		"Child seen by the IRO in the 6 weeks before",
		"Child declined to see the IRO in the 6 weeks before",
		"An advocate was present",
		"Second reviews with a permanence plan recorded",
		"Second reviews with the permanence plan confirmed",
	};
	struct rtable *t = rb_by_period(b, "conduct", "How reviews were run", "",
					rows, ARRAY_LEN(rows));
	if (!t)
		return -1;
	RB_FILL(b, t, 0, 0,
		rcell_rate(w->conduct.co_chaired_coded, w->conduct.co_chair_den));
	RB_FILL(b, t, 1, 0,
		rcell_rate(w->conduct.parents[YN_YES], w->conduct.held));
	RB_FILL(b, t, 2, 0,
		rcell_rate(w->conduct.sw_attended[YN_YES], w->conduct.held));
	RB_FILL(b, t, 3, 0,
		rcell_rate(w->conduct.report_before, w->conduct.held));
	RB_FILL(b, t, 4, 0,
		rcell_rate(w->conduct.minutes_in_time, w->conduct.minutes_due));
	RB_FILL(b, t, 5, 0,
		rcell_rate(w->conduct.visit_seen, w->conduct.held));
	RB_FILL(b, t, 6, 0,
		rcell_rate(w->conduct.visit_declined, w->conduct.held));
	RB_FILL(b, t, 7, 0, rcell_rate(w->conduct.advocate, w->conduct.held));
	RB_FILL(b, t, 8, 0,
		rcell_rate(w->conduct.second_with_plan, w->conduct.second_held));
	RB_FILL(b, t, 9, 0,
		rcell_rate(w->conduct.second_confirmed, w->conduct.second_held));
	return rb_about(t, "Standard reviews held. Minutes: of the reviews whose "
			   "deadline (20 working days after the review) had "
			   "passed when the report was made. Seen: a visit or a "
			   "virtual contact in the 42 days up to the review day.",
			"MAN-H14, MAN-H15, MAN-H16, MAN-H19, MAN-H20, WORCS-H7, "
			"BUCKS-H6, BUCKS-H9, CHESH-T3");
}

static int sw_roles(struct rb *b)
{
	static const char *const rows[SWR_COUNT + 1] = {
		"Not recorded", "The social worker", "A team manager",
		"Someone else", "Total"
	};
	struct rtable *t = rb_by_period(b, "sw_attended_role",
					"Who attended for the social worker",
					"", rows, SWR_COUNT + 1);
	if (!t)
		return -1;
	for (int i = 0; i < SWR_COUNT; i++)
		RB_FILL(b, t, (size_t)i, 0,
			rcell_count(w->conduct.sw_role[i]));
	rb_total_row(t);
	return rb_about(t, "Standard reviews someone attended for the social "
			   "worker.", "MAN-H15");
}

static const char *const GROUP_ROWS[GRP_COUNT + 1] = {
	"Young people", "Parents", "Carers", "Health", "Education",
	"Social workers", "Other", "Total"
};

static int consultations(struct rb *b)
{
	struct rtable *t = rb_by_period(b, "consultations_sent",
					"Consultation forms sent", "Group",
					GROUP_ROWS, GRP_COUNT + 1);
	if (!t)
		return -1;
	for (int g = 0; g < GRP_COUNT; g++)
		RB_FILL(b, t, (size_t)g, 0, rcell_count(w->consult_sent[g]));
	rb_total_row(t);
	if (rb_about(t, "Consultation forms sent in the period, by who they "
			"were sent to.", "CHESH-T1"))
		return -1;
	t = rb_by_period(b, "consultations_returned",
			 "Consultation forms returned", "Group", GROUP_ROWS,
			 GRP_COUNT + 1);
	if (!t)
		return -1;
	for (int g = 0; g < GRP_COUNT; g++)
		RB_FILL(b, t, (size_t)g, 0,
			rcell_rate(w->consult_received[g], w->consult_sent[g]));
	long rec, sent;
	for (size_t c = 0; c < t->ncols; c++) {
		rec = sent = 0;
		for (int g = 0; g < GRP_COUNT; g++) {
			rec += rtable_cell(t, (size_t)g, c)->n;
			sent += rtable_cell(t, (size_t)g, c)->d;
		}
		*rtable_cell(t, GRP_COUNT, c) = rcell_rate(rec, sent);
	}
	t->total_row = GRP_COUNT;
	return rb_about(t, "Of the forms sent in the period, those returned.",
			"CHESH-T1");
}

static int care_plans(struct rb *b)
{
	static const char *const rows[] = {
		"Care plan updated and based on a current assessment",
		"The child received a copy of the plan",
		"The child is satisfied with the plan",
	};
	struct rtable *t = rb_by_period(b, "care_plan_checks",
					"The child's care plan", "", rows,
					ARRAY_LEN(rows));
	if (!t)
		return -1;
#define YES_OF(f) rcell_rate(w->conduct.f[YN_YES], \
			     w->conduct.f[YN_YES] + w->conduct.f[YN_NO])
	RB_FILL(b, t, 0, 0, YES_OF(plan_updated));
	RB_FILL(b, t, 1, 0, YES_OF(plan_copy));
	RB_FILL(b, t, 2, 0, YES_OF(plan_satisfied));
#undef YES_OF
	if (rb_about(t, "Yes, of the standard reviews where the IRO answered "
			"yes or no.", "LEW-F12, LEW-H7"))
		return -1;

	static const char *const grades[GRADE_COUNT + 1] = {
		"Not graded", "Outstanding", "Good", "Requires improvement",
		"Poor", "Total"
	};
	t = rb_by_period(b, "care_plan_grades", "Quality of care plans",
			 "Grade", grades, GRADE_COUNT + 1);
	if (!t)
		return -1;
	for (int g = 0; g < GRADE_COUNT; g++)
		RB_FILL(b, t, (size_t)g, 0, rcell_count(w->conduct.grade[g]));
	rb_total_row(t);
	t->chart = RCHART_STACKED;
	if (rb_about(t, "The IRO's grade of the care plan at standard "
			"reviews held.", "LEW-F13, LEW-H1"))
		return -1;

	static const char *const rags[RAG_COUNT + 1] = {
		"Not rated", "Red", "Amber", "Green", "Total"
	};
	t = rb_by_period(b, "rag", "RAG ratings at review", "Rating", rags,
			 RAG_COUNT + 1);
	if (!t)
		return -1;
	for (int g = 0; g < RAG_COUNT; g++)
		RB_FILL(b, t, (size_t)g, 0, rcell_count(w->conduct.rag[g]));
	rb_total_row(t);
	return rb_about(t, NULL, "LEW-F10b");
}

static int recommendations(struct rb *b)
{
	static const char *const rows[] = {
		"Recommendations made",
		"Achieved by the next review",
		"The child's own",
		"Overdue at the period end",
	};
	struct rtable *t = rb_by_period(b, "recommendations",
					"Recommendations made at reviews", "",
					rows, ARRAY_LEN(rows));
	if (!t)
		return -1;
	RB_FILL(b, t, 0, 0, rcell_count(w->recs.made));
	RB_FILL(b, t, 1, 0, rcell_rate(w->recs.achieved_by_next, w->recs.made));
	RB_FILL(b, t, 2, 0, rcell_rate(w->recs.childs_own, w->recs.made));
	RB_FILL(b, t, 3, 0, rcell_count(w->recs.overdue_at_end));
	return rb_about(t, "Made at reviews held in the period. Achieved by the "
			   "next review: on or before the day it was held (or "
			   "by now, when none has been). Overdue: due before the "
			   "period end, not achieved by it and not closed.",
			"CHESH-T3, CHESH-T4");
}

static int escalation_after_review(struct rb *b)
{
	static const char *const rows[] = {
		"Reviews held", "Followed by an informal alert",
		"Followed by a formal alert", "Followed by either",
	};
	struct rtable *t = rb_by_period(b, "escalation_after_review",
					"Reviews after which the IRO raised a "
					"concern",
					"", rows, ARRAY_LEN(rows));
	if (!t)
		return -1;
	RB_FILL(b, t, 0, 0, rcell_count(w->conduct.held));
	RB_FILL(b, t, 1, 0,
		rcell_rate(w->conduct.escalated_informal, w->conduct.held));
	RB_FILL(b, t, 2, 0,
		rcell_rate(w->conduct.escalated_formal, w->conduct.held));
	RB_FILL(b, t, 3, 0,
		rcell_rate(w->conduct.escalated_any, w->conduct.held));
	return rb_about(t, "Standard reviews held in the period that an "
			   "informal or formal alert names as the review that "
			   "prompted it (an alert's review field).",
			"LEW-F10b, LEW-H1, LEW-H8");
}

int rb_conduct(struct rb *b)
{
	if (report_section(b->r, "How reviews were run") ||
	    venue_mode(b, false, false) || venue_mode(b, true, false) ||
	    (b->in->nmonths && venue_mode(b, false, true)) ||
	    conduct_checks(b) || sw_roles(b) || consultations(b) ||
	    care_plans(b) || escalation_after_review(b))
		return -1;
	if (report_section(b->r, "Recommendations") || recommendations(b))
		return -1;
	return 0;
}
