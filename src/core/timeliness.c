/*
 * timeliness.c - review- and child-level timeliness (spec §4).
 */
#include "lib/common.h"
#include "core/date.h"
#include "core/timeliness.h"

void tml_init(struct timeliness *t, int32_t from, int32_t to)
{
	memset(t, 0, sizeof *t);
	t->from = from;
	t->to = to;
}

enum tml_sequence tml_bucket(int sequence)
{
	return sequence == 1 ? TML_FIRST : sequence == 2 ? TML_SECOND : TML_LATER;
}

static bool in_window(const struct timeliness *t, int32_t d)
{
	return d != DATE_NONE && d >= t->from && d <= t->to;
}

/*
 * Whether the review waiting after the last one held in period pi (as at
 * the window's end) fell due in the window without being held. For a
 * period still open at the end, a review due on or before the last day and
 * not held by it was missed. For a period that ended, only a review due
 * before the day it ended was missed: the child was no longer looked after
 * on the end day itself (spec §4).
 */
static bool pending_review_missed(const struct timeliness *t,
				  const struct calendar *cal,
				  const struct period *p, size_t np, int pi,
				  const int32_t *held, size_t n)
{
	const struct period *pp = &p[pi];
	int32_t as_of = pp->end != DATE_NONE && pp->end <= t->to ? pp->end
								   : t->to;
	if (pp->start > as_of)
		return false;
	/* Ask the schedule for the next review as if the period were still
	 * open on as_of, so the one rule in schedule.c decides the date. */
	struct period open = *pp;
	open.end = DATE_NONE;
	struct next_review next;
	size_t k = 0;
	while (k < n && held[k] < pp->start)
		k++;
	size_t m = k;
	while (m < n && held[m] <= as_of &&
	       period_containing(p, np, held[m]) == pi)
		m++;
	if (!sched_next_review(cal, &open, 1, held + k, m - k, as_of, &next))
		return false;
	if (next.regime != REGIME_STANDARD || !in_window(t, next.due))
		return false;
	return pp->end != DATE_NONE && pp->end <= t->to ? next.due < pp->end
							: next.due <= t->to;
}

void tml_add_child(struct timeliness *t, const struct calendar *cal,
		   const struct period *p, size_t np, const int32_t *held,
		   const struct review_timing *timing, size_t n)
{
	/* Review level. */
	for (size_t i = 0; i < n; i++) {
		if (!in_window(t, held[i]))
			continue;
		if (timing[i].period < 0) {
			t->held_outside_periods++;
			continue;
		}
		t->held_by_regime[timing[i].regime]++;
		if (timing[i].regime != REGIME_STANDARD)
			continue;
		enum tml_sequence b = tml_bucket(timing[i].sequence);
		t->held[b]++;
		t->held[TML_ALL]++;
		if (timing[i].in_time) {
			t->in_time[b]++;
			t->in_time[TML_ALL]++;
		}
	}

	/* Overdue at the end: children looked after on the last day. */
	int open = period_open_index(p, np, t->to);
	struct next_review next;
	if (open >= 0 && sched_next_review(cal, p, np, held, n, t->to, &next) &&
	    sched_days_overdue(next.due, t->to) > 0) {
		if (next.regime == REGIME_STANDARD)
			t->overdue_at_end++;
		else
			t->overdue_apart_at_end++;
	}

	/* Child level: only those in the standard regime on the last day. */
	if (open < 0 || sched_regime_on(&p[open], t->to) != REGIME_STANDARD)
		return;

	bool any_due = false, all_in_time = true;
	for (size_t i = 0; i < n; i++) {
		if (held[i] > t->to || timing[i].period < 0 ||
		    timing[i].regime != REGIME_STANDARD ||
		    !in_window(t, timing[i].due))
			continue;
		any_due = true;
		if (!timing[i].in_time)
			all_in_time = false;
	}
	for (size_t pi = 0; pi < np; pi++) {
		if (p[pi].start > t->to ||
		    (p[pi].end != DATE_NONE && p[pi].end < t->from))
			continue;
		if (pending_review_missed(t, cal, p, np, (int)pi, held, n)) {
			any_due = true;
			all_in_time = false;
		}
	}
	if (any_due) {
		t->children_with_due++;
		if (all_in_time)
			t->children_all_in_time++;
	}

}
