/*
 * report_reviews.c - the report's chapters on reviews: how many were
 * held, their timeliness (M20-M24) and children's participation
 * (M25-M27).
 */
#include "lib/common.h"
#include "core/report_int.h"

static const char *const SEQ_ROWS[] = { "First reviews", "Second reviews",
					"Subsequent reviews", "All reviews" };

static int reviews_held(struct rb *b)
{
	static const char *const rows[] = {
		"Looked-after reviews (standard)", "Short-break reviews",
		"Adoption reviews", "Pathway plan reviews",
		"Children reviewed", "Reviews per child reviewed",
		"Pathway plan reviews for young people 18 or over",
	};
	struct rtable *t = rb_by_period(b, "reviews_held", "Reviews held", "",
					rows, ARRAY_LEN(rows));
	if (!t)
		return -1;
	RB_FILL(b, t, 0, 0, rcell_count(w->held_by_kind[RK_LOOKED_AFTER]));
	RB_FILL(b, t, 1, 0, rcell_count(w->held_by_kind[RK_SHORT_BREAK]));
	RB_FILL(b, t, 2, 0, rcell_count(w->held_by_kind[RK_ADOPTION]));
	RB_FILL(b, t, 3, 0, rcell_count(w->held_by_kind[RK_PATHWAY]));
	RB_FILL(b, t, 4, 0, rcell_count(w->children_reviewed));
	RB_FILL(b, t, 5, 0,
		rcell_value(w->children_reviewed
				    ? (double)(w->held_by_kind[RK_LOOKED_AFTER] +
					       w->held_by_kind[RK_SHORT_BREAK] +
					       w->held_by_kind[RK_ADOPTION]) /
					      (double)w->children_reviewed
				    : 0));
	RB_FILL(b, t, 6, 0, rcell_count(w->pathway_held_18plus));
	t->decimals = 1;
	return rb_about(t, "Reviews held in the period. Standard reviews are "
			   "on the reg 33 schedule; short-break (reg 48) and "
			   "adoption (AAR 2005 reg 36) reviews are counted apart "
			   "by the regime in force on the day.",
			"CHESH-H4, CHESH-C4, CHESH-C5, BUCKS-H3, MAN-H2");
}

static int reviews_by_month(struct rb *b)
{
	if (!b->in->nmonths)
		return 0;
	static const char *const rows[RK_COUNT + 1] = {
		"Looked-after reviews (standard)", "Pathway plan reviews",
		"Short-break reviews", "Adoption reviews", "All reviews",
	};
	struct rtable *t = rb_by_month(b, "reviews_month",
				       "Reviews held, month by month", "", rows,
				       RK_COUNT + 1);
	if (!t)
		return -1;
	for (int k = 0; k < RK_COUNT; k++)
		RB_FILL(b, t, (size_t)k, b->in->months_first,
			rcell_count(w->held_by_kind[k]));
	rb_total_row(t);
	t->chart = RCHART_STACKED;
	return rb_about(t, "Reviews held each month, by kind.",
			"CHESH-C2, CHESH-C4, MAN-H2");
}

static int timeliness(struct rb *b)
{
	static const char *const rows[] = {
		"First reviews", "Second reviews", "Subsequent reviews",
		"All reviews", "Children whose reviews were all in time",
	};
	struct rtable *t = rb_by_period(b, "timeliness",
					"Reviews held in time", "", rows,
					ARRAY_LEN(rows));
	if (!t)
		return -1;
	for (int s = 0; s < TML_SEQ_COUNT; s++)
		RB_FILL(b, t, (size_t)s, 0,
			rcell_rate(w->tml.in_time[s], w->tml.held[s]));
	RB_FILL(b, t, 4, 0,
		rcell_rate(w->tml.children_all_in_time,
			   w->tml.children_with_due));
	t->chart = RCHART_BARS;
	return rb_about(t, "Standard looked-after reviews held in the period "
			   "on or before their due date: the first within 20 "
			   "working days of care starting, the second within 3 "
			   "months of the first, later ones within 6 months. "
			   "Children: those looked after at the period end whose "
			   "reviews due in the period were all held in time.",
			"CHESH-H6, BUCKS-H3, LEW-T2, MAN-H13");
}

static int overdue(struct rb *b)
{
	static const char *const rows[] = {
		"Standard reviews overdue",
		"Short-break or adoption reviews overdue",
	};
	struct rtable *t = rb_by_period(b, "overdue_at_end",
					"Reviews overdue at the period end", "",
					rows, ARRAY_LEN(rows));
	if (!t)
		return -1;
	RB_FILL(b, t, 0, 0, rcell_count(w->tml.overdue_at_end));
	RB_FILL(b, t, 1, 0, rcell_count(w->tml.overdue_apart_at_end));
	return rb_about(t, "Children looked after at the period end whose next "
			   "review was due before that day and not held by it.",
			"BUCKS-H12");
}

static int timeliness_by_month(struct rb *b)
{
	if (!b->in->nmonths)
		return 0;
	struct rtable *t = rb_by_month(b, "timeliness_month",
				       "Reviews held in time, month by month",
				       "", SEQ_ROWS, ARRAY_LEN(SEQ_ROWS));
	if (!t)
		return -1;
	for (int s = 0; s < TML_SEQ_COUNT; s++)
		RB_FILL(b, t, (size_t)s, b->in->months_first,
			rcell_rate(w->tml.in_time[s], w->tml.held[s]));
	t->chart = RCHART_LINE;
	return rb_about(t, "Standard reviews held each month, in time over "
			   "held, by sequence.",
			"WORCS-C2, WORCS-T3");
}

static int outcomes(struct rb *b, int kind)
{
	static const char *const rows[] = {
		"Reviews planned (held, stood down or cancelled in the period)",
		"Held", "Rearranged at least once", "Stood down", "Cancelled",
	};
	struct rtable *t = rb_by_period(
		b, kind ? "pathway_outcomes" : "review_outcomes",
		kind ? "Pathway plan reviews rearranged, stood down or "
		       "cancelled"
		     : "Looked-after reviews rearranged, stood down or "
		       "cancelled",
		"", rows, ARRAY_LEN(rows));
	if (!t)
		return -1;
	RB_FILL(b, t, 0, 0, rcell_count(w->outcomes.planned[kind]));
	RB_FILL(b, t, 1, 0,
		rcell_rate(w->outcomes.held[kind], w->outcomes.planned[kind]));
	RB_FILL(b, t, 2, 0,
		rcell_rate(w->outcomes.rearranged[kind],
			   w->outcomes.planned[kind]));
	RB_FILL(b, t, 3, 0,
		rcell_rate(w->outcomes.stood_down[kind],
			   w->outcomes.planned[kind]));
	RB_FILL(b, t, 4, 0,
		rcell_rate(w->outcomes.cancelled[kind],
			   w->outcomes.planned[kind]));
	return rb_about(t, "Reviews whose final status (held, stood down or "
			   "cancelled) fell in the period.",
			kind ? "CHESH-C5, CHESH-H8" : "CHESH-H7, CHESH-C3");
}

static int rearranged_by(struct rb *b)
{
	static const char *const rows[REQ_COUNT + 1] = {
		"Not recorded", "The child", "The carer", "A parent",
		"The social worker", "The IRO", "The court", "Someone else",
		"Total"
	};
	struct rtable *t = rb_by_period(b, "rearranged_by",
					"Rearrangements, by who asked",
					"Asked by", rows, REQ_COUNT + 1);
	if (!t)
		return -1;
	for (int q = 0; q < REQ_COUNT; q++)
		RB_FILL(b, t, (size_t)q, 0,
			rcell_count(w->outcomes.rearrangements_by[q]));
	rb_total_row(t);
	return rb_about(t, "Every time a review counted above was rearranged.",
			"CHESH-H7");
}

/* ---- Participation ------------------------------------------------------- */

static int participation_codes(struct rb *b)
{
	static const char *const rows[] = {
		"PN0 Under 4 at the time of the review",
		"PN1 Attended and spoke for themselves",
		"PN2 Attended, an advocate spoke for them",
		"PN3 Attended, conveyed views by other means",
		"PN4 Attended, did not convey views",
		"PN5 Did not attend, briefed an advocate",
		"PN6 Did not attend, conveyed views by other means",
		"PN7 Did not attend or convey views",
		"Not recorded", "Total"
	};
	struct rtable *t = rb_by_period(b, "participation_codes",
					"How children took part in their reviews",
					"Participation code", rows,
					ARRAY_LEN(rows));
	if (!t)
		return -1;
	for (int c = 0; c < 8; c++)
		RB_FILL(b, t, (size_t)c, 0, rcell_count(w->pn[c]));
	RB_FILL(b, t, 8, 0, rcell_count(w->pn_blank));
	rb_total_row(t);
	t->chart = RCHART_HBARS;
	t->chart_from = b->last;
	return rb_about(t, "Every review held in the period (short-break and "
			   "adoption reviews included) by its SSDA903 "
			   "participation code.",
			"BUCKS-H8, BUCKS-F6");
}

static long attended(const struct msr_period *w)
{
	return w->pn[1] + w->pn[2] + w->pn[3] + w->pn[4];
}

static long participated(const struct msr_period *w)
{
	return w->pn[1] + w->pn[2] + w->pn[3] + w->pn[5] + w->pn[6];
}

static long coded(const struct msr_period *w)
{
	long n = 0;
	for (int c = 1; c < 8; c++)
		n += w->pn[c];
	return n;
}

static int participation_rates(struct rb *b, bool by_month)
{
	static const char *const rows[] = {
		"Attended (PN1-PN4)",
		"Participated: views conveyed (PN1-PN3, PN5, PN6)",
	};
	size_t first = by_month ? b->in->months_first : 0;
	struct rtable *t =
		by_month ? rb_by_month(b, "participation_month",
				       "Attendance and participation, month by "
				       "month",
				       "", rows, 2)
			 : rb_by_period(b, "participation",
					"Attendance and participation", "",
					rows, 2);
	if (!t)
		return -1;
	RB_FILL(b, t, 0, first, rcell_rate(attended(w), coded(w)));
	RB_FILL(b, t, 1, first, rcell_rate(participated(w), coded(w)));
	t->chart = by_month ? RCHART_LINE : RCHART_BARS;
	return rb_about(t, "Over reviews coded PN1 to PN7 (not PN0, not "
			   "blank).",
			by_month ? "WORCS-T2"
				 : "CHESH-H5, LEW-F14, BUCKS-H8, MAN-H17, "
				   "MAN-H18");
}

int rb_reviews(struct rb *b)
{
	if (report_section(b->r, "Reviews and their timeliness") ||
	    reviews_held(b) || reviews_by_month(b) || timeliness(b) ||
	    timeliness_by_month(b) ||
	    overdue(b) || outcomes(b, 0) || outcomes(b, 1) ||
	    rearranged_by(b))
		return -1;
	if (report_section(b->r, "Children's participation") ||
	    participation_rates(b, false) || participation_codes(b))
		return -1;
	if (b->in->nmonths && participation_rates(b, true))
		return -1;
	return 0;
}
