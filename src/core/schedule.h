/*
 * schedule.h - the statutory review schedule (spec §3).
 *
 * Given a child's periods of care and the dates of the reviews held, says
 * which period each review belongs to, its sequence number, the date it was
 * due and whether it was held in time; and, on any date, which review is
 * due next and when.
 *
 * The regimes, read beside the regulations:
 *
 *  - Standard looked-after reviews, Care Planning, Placement and Case Review
 *    (England) Regulations 2010 reg 33: the first within 20 working days of
 *    the date the child becomes looked after; the second not more than 3
 *    months after the first; later ones at intervals of not more than 6
 *    months - each counted from the date the previous review was actually
 *    held.
 *  - Short breaks (reg 48; periods whose episodes are all V3/V4): the first
 *    within 3 months of the start, then 6-monthly.
 *  - Adoption (Adoption Agencies Regulations 2005 reg 36): from the day the
 *    agency first has authority to place (LS = E1), the next review is due 3
 *    months after that day, then 6 months after the previous review; from
 *    the day the child is placed for adoption (PLACE A3-A6), 28 days (4
 *    weeks) after it, then 3 months after that review, then 6 months after
 *    the previous one.
 *
 * Pure: no I/O, no allocation.
 */
#ifndef IRO_SCHEDULE_H
#define IRO_SCHEDULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"
#include "core/period.h"

enum regime {
	REGIME_STANDARD = 0,
	REGIME_SHORT_BREAK,
	REGIME_ADOPTION_AUTHORITY, /* authority to place, not yet placed */
	REGIME_ADOPTION_PLACED,    /* placed for adoption */
	REGIME_COUNT
};

/* The review regime in force in period p on `date`. */
enum regime sched_regime_on(const struct period *p, int32_t date);

/* What the schedule says of one review held. */
struct review_timing {
	int period;        /* index into the periods; -1 if no period holds it */
	int sequence;      /* 1 = first review of the period, 2 = second, ... */
	enum regime regime;
	int32_t due;       /* the date it was due by; DATE_NONE if no period */
	bool in_time;      /* held on or before `due` */
};

/*
 * Times every review in `held` (n dates, sorted ascending, one review a
 * day) against the periods p (np periods from period_build), writing one
 * review_timing per review into out. A review belongs to the period whose
 * start and end, both inclusive, contain its date; its sequence counts the
 * reviews held in that period before it, plus one.
 */
void sched_time_reviews(const struct calendar *cal, const struct period *p,
			size_t np, const int32_t *held, size_t n,
			struct review_timing *out);

/* The review a child is waiting for on a date. */
struct next_review {
	int period;        /* the period the child is looked after in */
	int sequence;      /* the sequence number the next review will have */
	enum regime regime;
	int32_t due;       /* its due date */
	int32_t last_held; /* the previous review of the period, or DATE_NONE */
};

/*
 * The next review due for a child on `as_of`, counting the reviews held on
 * or before `as_of`. Returns false (out untouched) when the child is not
 * looked after on `as_of`. Overdue on `as_of` means due < as_of: a review
 * due on a day is not yet overdue on that day (spec §3).
 */
bool sched_next_review(const struct calendar *cal, const struct period *p,
		       size_t np, const int32_t *held, size_t n, int32_t as_of,
		       struct next_review *out);

/* Calendar days a review due on `due` is overdue on `as_of`: 0 when not
 * overdue. */
int sched_days_overdue(int32_t due, int32_t as_of);

/*
 * One child's clocks: its periods of care and the timing of every review
 * held, computed into buffers that are reused from child to child (they
 * grow as needed and are owned by the struct; sched_child_free releases
 * them).
 */
struct child_clocks {
	struct period *periods;
	size_t nperiods;
	struct review_timing *timing; /* one per review held */
	size_t ntiming;
	size_t pcap, tcap;
};

/* Returns 0, or -1 when memory runs out. */
int sched_child(struct child_clocks *cc, const struct calendar *cal,
		const struct episode *eps, size_t neps, const int32_t *held,
		size_t nheld);
void sched_child_free(struct child_clocks *cc);

#endif
