/*
 * schedule.c - when each review is due (spec §3).
 *
 * Every due date is computed by one function, due_date(), from the review
 * that came before it in the same period. The rest of the file walks a
 * child's reviews through their periods.
 */
#include "lib/common.h"
#include "lib/xalloc.h"
#include "core/date.h"
#include "core/schedule.h"

/* reg 33(1): "within 20 working days of the date on which C becomes looked
 * after". */
#define FIRST_REVIEW_WORKING_DAYS 20
/* reg 33(2): second review "not more than three months after the first",
 * later ones "at intervals of not more than six months". */
#define SECOND_REVIEW_MONTHS 3
#define LATER_REVIEW_MONTHS 6
/* reg 48 (WF-SB): short breaks, first review within 3 months of the first
 * break, then six-monthly. */
#define SHORT_BREAK_FIRST_MONTHS 3
/* AAR 2005 reg 36(1)(a): "not more than 3 months after the date on which the
 * agency first has authority to place". */
#define AUTHORITY_FIRST_MONTHS 3
/* AAR 2005 reg 36(3)(a): "not more than 4 weeks after the date on which the
 * child is placed for adoption"; (b) 3 months after the first review. */
#define PLACED_FIRST_DAYS 28
#define PLACED_SECOND_MONTHS 3

enum regime sched_regime_on(const struct period *p, int32_t date)
{
	if (p->short_break)
		return REGIME_SHORT_BREAK;
	/* Placement for adoption supersedes authority to place: reg 36(1)
	 * applies only while the child "is not for the time being placed". */
	if (p->placed_date != DATE_NONE && date >= p->placed_date)
		return REGIME_ADOPTION_PLACED;
	if (p->authority_date != DATE_NONE && date >= p->authority_date)
		return REGIME_ADOPTION_AUTHORITY;
	return REGIME_STANDARD;
}

/* The reviews before this one in its period, as due_date() needs them. */
struct history {
	int32_t prev;      /* the previous review's date, DATE_NONE if none */
	int prev_sequence; /* its sequence number in the period (0 if none) */
	/* How many reviews were held in the period on or after the
	 * placement-for-adoption date, before this one. */
	int since_placed;
};

/*
 * The due date of the next review of period p, in regime r, after the
 * reviews described by h. This is the one place the rules of spec §3 are
 * applied.
 */
static int32_t due_date(const struct calendar *cal, const struct period *p,
			enum regime r, const struct history *h)
{
	switch (r) {
	case REGIME_SHORT_BREAK:
		if (h->prev == DATE_NONE)
			return date_add_months(p->start,
					       SHORT_BREAK_FIRST_MONTHS);
		return date_add_months(h->prev, LATER_REVIEW_MONTHS);

	case REGIME_ADOPTION_AUTHORITY:
		/* From the authority date the standard clock stops: the next
		 * review is due 3 months after it, then 6-monthly. */
		if (h->prev == DATE_NONE || h->prev < p->authority_date)
			return date_add_months(p->authority_date,
					       AUTHORITY_FIRST_MONTHS);
		return date_add_months(h->prev, LATER_REVIEW_MONTHS);

	case REGIME_ADOPTION_PLACED:
		if (h->since_placed == 0)
			return p->placed_date + PLACED_FIRST_DAYS;
		if (h->since_placed == 1)
			return date_add_months(h->prev, PLACED_SECOND_MONTHS);
		return date_add_months(h->prev, LATER_REVIEW_MONTHS);

	case REGIME_STANDARD:
	default:
		if (h->prev == DATE_NONE)
			return cal_add_workdays(cal, p->start,
						FIRST_REVIEW_WORKING_DAYS);
		if (h->prev_sequence == 1)
			return date_add_months(h->prev, SECOND_REVIEW_MONTHS);
		return date_add_months(h->prev, LATER_REVIEW_MONTHS);
	}
}

static void history_start(struct history *h)
{
	h->prev = DATE_NONE;
	h->prev_sequence = 0;
	h->since_placed = 0;
}

static void history_add(struct history *h, const struct period *p,
			int32_t held)
{
	h->prev = held;
	h->prev_sequence++;
	if (p->placed_date != DATE_NONE && held >= p->placed_date)
		h->since_placed++;
}

void sched_time_reviews(const struct calendar *cal, const struct period *p,
			size_t np, const int32_t *held, size_t n,
			struct review_timing *out)
{
	struct history h;
	int current = -1;

	history_start(&h);
	for (size_t i = 0; i < n; i++) {
		int pi = period_containing(p, np, held[i]);
		struct review_timing *t = &out[i];
		t->period = pi;
		if (pi < 0) {
			t->sequence = 0;
			t->regime = REGIME_STANDARD;
			t->due = DATE_NONE;
			t->in_time = false;
			continue;
		}
		if (pi != current) {
			/* A new period of care restarts the sequence at
			 * review 1 (spec §3). */
			history_start(&h);
			current = pi;
		}
		t->regime = sched_regime_on(&p[pi], held[i]);
		t->due = due_date(cal, &p[pi], t->regime, &h);
		t->sequence = h.prev_sequence + 1;
		t->in_time = t->due != DATE_NONE && held[i] <= t->due;
		history_add(&h, &p[pi], held[i]);
	}
}

bool sched_next_review(const struct calendar *cal, const struct period *p,
		       size_t np, const int32_t *held, size_t n, int32_t as_of,
		       struct next_review *out)
{
	int pi = period_open_index(p, np, as_of);
	if (pi < 0)
		return false;

	struct history h;
	history_start(&h);
	for (size_t i = 0; i < n && held[i] <= as_of; i++)
		if (period_containing(p, np, held[i]) == pi)
			history_add(&h, &p[pi], held[i]);

	out->period = pi;
	out->sequence = h.prev_sequence + 1;
	out->regime = sched_regime_on(&p[pi], as_of);
	out->due = due_date(cal, &p[pi], out->regime, &h);
	out->last_held = h.prev;
	return true;
}

int sched_days_overdue(int32_t due, int32_t as_of)
{
	if (due == DATE_NONE || due >= as_of)
		return 0;
	return (int)(as_of - due);
}

int sched_child(struct child_clocks *cc, const struct calendar *cal,
		const struct episode *eps, size_t neps, const int32_t *held,
		size_t nheld)
{
	if (GROW(cc->periods, cc->pcap, neps ? neps : 1) ||
	    GROW(cc->timing, cc->tcap, nheld ? nheld : 1))
		return -1;
	cc->nperiods = period_build(eps, neps, cc->periods);
	sched_time_reviews(cal, cc->periods, cc->nperiods, held, nheld,
			   cc->timing);
	cc->ntiming = nheld;
	return 0;
}

void sched_child_free(struct child_clocks *cc)
{
	free(cc->periods);
	free(cc->timing);
	memset(cc, 0, sizeof *cc);
}
