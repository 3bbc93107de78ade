/*
 * timeliness.h - review timeliness over a window (spec §4, seed-tables
 * M22 and M23).
 *
 *  - Review level: standard looked-after reviews held in the window, in
 *    time / held, overall and by sequence (first, second, subsequent).
 *  - Child level: children looked after at the window's end whose reviews
 *    due in the window were all held in time / those children; children
 *    with no review due in the window are left out.
 *  - Overdue at the end: children looked after at the window's end whose
 *    next review was due before that day and not held by it; a standard
 *    review in overdue_at_end, a short-break or adoption one apart.
 *
 * Short-break and adoption-regime reviews are not standard reviews: they
 * are counted apart (held_by_regime), and a child leaves the standard
 * measures from the adoption authority date (spec §3).
 *
 * Accumulate one child at a time with tml_add_child; pure, no allocation.
 */
#ifndef IRO_TIMELINESS_H
#define IRO_TIMELINESS_H

#include "core/schedule.h"

enum tml_sequence { TML_FIRST, TML_SECOND, TML_LATER, TML_ALL, TML_SEQ_COUNT };

struct timeliness {
	int32_t from, to; /* the window, both days inclusive */
	long held[TML_SEQ_COUNT];
	long in_time[TML_SEQ_COUNT];
	long held_by_regime[REGIME_COUNT]; /* every review held in the window */
	long held_outside_periods;         /* held on no day of a period */
	long children_with_due;
	long children_all_in_time;
	long overdue_at_end;       /* the next review a standard one */
	long overdue_apart_at_end; /* a short-break or adoption review */
};

void tml_init(struct timeliness *t, int32_t from, int32_t to);

/* Adds one child: its periods, its held reviews (sorted) and their timing
 * from sched_time_reviews. */
void tml_add_child(struct timeliness *t, const struct calendar *cal,
		   const struct period *p, size_t np, const int32_t *held,
		   const struct review_timing *timing, size_t n);

/* The sequence bucket of a review's sequence number. */
enum tml_sequence tml_bucket(int sequence);

#endif
