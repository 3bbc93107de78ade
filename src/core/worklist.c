/*
 * worklist.c - what needs doing for a child on a date, and caseloads
 * (worklist.h; spec §3, §4, §5 "my worklist").
 *
 * Each rule of worklist.h is one function below, which quotes it. The
 * review clock is never worked out here: sched_next_review (schedule.c) is
 * the one place that knows when a review is due.
 */
#include "lib/common.h"
#include "core/date.h"
#include "core/dispute.h"
#include "core/schedule.h"
#include "core/worklist.h"

/* The defaults of struct wl_settings. */
#define WL_WITHIN_DAYS 28    /* a review "due" within four weeks */
#define WL_VISIT_DAYS 42     /* spec §3: "within 6 weeks (42 days) before
			      * the review" */
#define WL_MINUTES_WD 20     /* spec §3: "sent within 20 working days of
			      * the review" */
#define WL_MINUTES_LOOKBACK 183 /* half a year of held reviews */
#define WL_ALLOC_WD 5        /* landscape.md §2 ask 7: "appoint an IRO
			      * within 5" */
#define WL_NEW_MONTHS 3      /* "new to a caseload" */

/* Children per FTE such as 14 / 0.28 come out a hair under 50 in binary
 * floating point; a figure this close to a bound is on it. */
#define CASELOAD_EPSILON 1e-9

void wl_settings_default(struct wl_settings *s, int32_t as_of)
{
	s->as_of = as_of;
	s->within_days = WL_WITHIN_DAYS;
	s->visit_days = WL_VISIT_DAYS;
	s->minutes_wd = WL_MINUTES_WD;
	s->minutes_lookback_days = WL_MINUTES_LOOKBACK;
	s->alloc_wd = WL_ALLOC_WD;
	s->new_months = WL_NEW_MONTHS;
}

int32_t wl_contacts_from(const struct wl_settings *s)
{
	/* item_not_visited counts contacts since an allocation that started
	 * less than new_months months before as_of; no month is longer than
	 * 31 days. item_no_contact looks visit_days back from a review on or
	 * after as_of. */
	int32_t months = s->as_of - 31 * s->new_months - 1;
	int32_t visit = s->as_of - s->visit_days;
	return months < visit ? months : visit;
}

const char *wl_kind_name(enum wl_kind k)
{
	static const char *const names[WL_KIND_COUNT] = {
		[WL_REVIEW_OVERDUE] = "review overdue",
		[WL_REVIEW_DUE] = "review due",
		[WL_NOT_VISITED] = "not visited",
		[WL_NO_CONTACT] = "no visit before review",
		[WL_MINUTES_LATE] = "minutes late",
		[WL_MINUTES_DUE] = "minutes due",
		[WL_RECOMMENDATION_OVERDUE] = "recommendation overdue",
		[WL_NO_PERMANENCE_PLAN] = "no permanence plan",
		[WL_ALLOCATION_MISSING] = "no IRO allocated",
		[WL_ALLOCATION_LATE] = "allocation late",
		[WL_ALERT_CEILING_PASSED] = "alert past ceiling",
		[WL_ALERT_STAGE_OVERDUE] = "alert stage overdue",
		[WL_ALERT_RESPONSE_DUE] = "alert response due",
		[WL_ALERT_ACTION_OVERDUE] = "alert action overdue",
	};
	return (unsigned)k < WL_KIND_COUNT ? names[k] : "?";
}

int wl_kind_parse(const char *name)
{
	for (int k = 0; k < WL_KIND_COUNT; k++)
		if (strcmp(wl_kind_name((enum wl_kind)k), name) == 0)
			return k;
	return -1;
}

/* ---- Where a child stands on a date ------------------------------------- */

/* The period of care, the IRO and the cover on as_of. */
struct standing {
	const struct period *period; /* open on as_of; NULL: not looked after */
	const struct wl_alloc *alloc; /* current non-cover allocation */
	const struct wl_alloc *cover; /* current cover allocation */
};

/* An allocation counts only for the period of care it was made in: one
 * that began in an earlier period (and was never closed) does not put a
 * child who has come back into care on that IRO's caseload. It belongs to
 * period p when it started on or after p's start, by as_of. */
static bool alloc_in_period(const struct wl_alloc *a, const struct period *p,
			    int32_t as_of)
{
	return a->start >= p->start && a->start <= as_of;
}

/* Current on as_of: from its start to its end, both days included. */
static bool alloc_current(const struct wl_alloc *a, int32_t as_of)
{
	return a->start <= as_of && (a->end == DATE_NONE || a->end >= as_of);
}

/* The current allocation of one sort (cover or not) in period p. On a
 * handover day, when the old allocation ends as the new one starts, the one
 * that started last: the new IRO's. */
static const struct wl_alloc *current_alloc(const struct wl_child *c,
					    const struct period *p,
					    int32_t as_of, bool cover)
{
	const struct wl_alloc *found = NULL;
	for (size_t i = 0; p && i < c->nallocs; i++) {
		const struct wl_alloc *a = &c->allocs[i];
		if (a->cover == cover && alloc_in_period(a, p, as_of) &&
		    alloc_current(a, as_of) &&
		    (!found || a->start >= found->start))
			found = a;
	}
	return found;
}

/* spec §4: looked after on as_of means "a period of care started on or
 * before it and had not ended by it - a period ending on that date has
 * ended" (period_open_index). */
static void stand(const struct wl_child *c, int32_t as_of, struct standing *st)
{
	int pi = period_open_index(c->periods, c->nperiods, as_of);
	st->period = pi >= 0 ? &c->periods[pi] : NULL;
	st->alloc = current_alloc(c, st->period, as_of, false);
	st->cover = current_alloc(c, st->period, as_of, true);
}

static void status_of(const struct standing *st, struct wl_status *out)
{
	out->looked_after = st->period != NULL;
	out->iro = st->alloc ? st->alloc->iro : 0;
	out->cover_iro = st->cover ? st->cover->iro : 0;
}

void wl_child_status(const struct wl_child *c, int32_t as_of,
		     struct wl_status *out)
{
	struct standing st;
	stand(c, as_of, &st);
	status_of(&st, out);
}

/* ---- Building the list -------------------------------------------------- */

struct worklist {
	const struct calendar *cal;
	const struct wl_settings *s;
	const struct wl_child *c;
	struct standing st;
	struct wl_status status;
	struct wl_item *out;
	size_t cap, n;
};

/* Calendar days between two dates, whichever comes first: how late, or
 * how long to go. */
static int days_apart(int32_t a, int32_t b)
{
	return a > b ? (int)(a - b) : (int)(b - a);
}

/* An item on the current IRO's list, with the cover beside it. */
static struct wl_item new_item(const struct worklist *w, enum wl_kind kind,
			       int32_t date, int days, int64_t ref)
{
	return (struct wl_item){
		.kind = kind,
		.iro = w->status.iro,
		.cover_iro = w->status.cover_iro,
		.date = date,
		.days = days,
		.ref = ref,
		.scheduled = DATE_NONE,
		.sequence = 0,
	};
}

/* Counts every item, writes only the first cap. */
static void push(struct worklist *w, const struct wl_item *it)
{
	if (w->n < w->cap)
		w->out[w->n] = *it;
	w->n++;
}

static void add(struct worklist *w, enum wl_kind kind, int32_t date,
		int days, int64_t ref)
{
	struct wl_item it = new_item(w, kind, date, days, ref);
	push(w, &it);
}

/* "New to a caseload": an allocation that started within the last
 * new_months months. */
static bool is_new(const struct worklist *w, int32_t start)
{
	return date_add_months(start, w->s->new_months) > w->s->as_of;
}

/* Whether the child was seen (visit, virtual or declined; not a phone
 * call) on a day in [from, to], by the IRO *by or, with by NULL, by any. */
static bool seen_between(const struct wl_child *c, const int64_t *by,
			 int32_t from, int32_t to)
{
	for (size_t i = 0; i < c->ncontacts; i++) {
		const struct wl_contact *k = &c->contacts[i];
		if (k->seen && k->date >= from && k->date <= to &&
		    (!by || k->iro == *by))
			return true;
	}
	return false;
}

/* ---- Reviews ------------------------------------------------------------ */

/* "`scheduled` is the date the upcoming review is set for, if one is": a
 * review pending (scheduled, rearranged or adjourned) that counts for the
 * schedule and is set on or after the last review held in the period (on
 * or after the period's start when none has been held), so that a review
 * set long ago and never closed is not taken for the next one; the
 * earliest, if several. */
static const struct wl_review *pending_review(const struct wl_child *c,
					      const struct period *p,
					      const struct next_review *next)
{
	int32_t from = next->last_held != DATE_NONE ? next->last_held
						    : p->start;
	const struct wl_review *found = NULL;
	for (size_t i = 0; i < c->nreviews; i++) {
		const struct wl_review *r = &c->reviews[i];
		if (r->state == WL_PENDING && r->counts_for_schedule &&
		    r->scheduled != DATE_NONE && r->scheduled >= from &&
		    (!found || r->scheduled < found->scheduled))
			found = r;
	}
	return found;
}

/* An item about the next review: its sequence, and the pending review set
 * for it (its date and id) if there is one. */
static void add_review_item(struct worklist *w, enum wl_kind kind,
			    int32_t date, const struct next_review *next,
			    const struct wl_review *pending)
{
	struct wl_item it = new_item(w, kind, date,
				     days_apart(date, w->s->as_of),
				     pending ? pending->id : 0);
	it.scheduled = pending ? pending->scheduled : DATE_NONE;
	it.sequence = next->sequence;
	push(w, &it);
}

/* "the child's next statutory review (sched_next_review on as_of) is
 * overdue (due < as_of, spec §3) or due within `within_days` calendar days
 * (due <= as_of + within_days)". A review due on as_of is due, not yet
 * overdue (spec §3). */
static void item_review(struct worklist *w, const struct next_review *next,
			const struct wl_review *pending)
{
	int32_t as_of = w->s->as_of;
	if (next->due == DATE_NONE)
		return; /* beyond the calendar's years: no date to give */
	if (next->due < as_of)
		add_review_item(w, WL_REVIEW_OVERDUE, next->due, next, pending);
	else if (next->due <= as_of + w->s->within_days)
		add_review_item(w, WL_REVIEW_DUE, next->due, next, pending);
}

/* "the next review (its scheduled date, else its due date) falls in [as_of,
 * as_of + visit_days], and the child has not been seen (visit, virtual or
 * declined, by any IRO) in the visit_days (42) days before it, up to as_of
 * (spec §3: "the child is seen (or declines) within 6 weeks (42 days)
 * before the review")". */
static void item_no_contact(struct worklist *w, const struct next_review *next,
			    const struct wl_review *pending)
{
	int32_t as_of = w->s->as_of;
	int32_t review = pending ? pending->scheduled : next->due;
	if (review == DATE_NONE || review < as_of ||
	    review > as_of + w->s->visit_days)
		return;
	if (seen_between(w->c, NULL, review - w->s->visit_days, as_of))
		return;
	add_review_item(w, WL_NO_CONTACT, review, next, pending);
}

static void items_next_review(struct worklist *w)
{
	const struct wl_child *c = w->c;
	struct next_review next;
	if (!sched_next_review(w->cal, c->periods, c->nperiods, c->held,
			       c->nheld, w->s->as_of, &next))
		return;
	const struct wl_review *pending =
		pending_review(c, &c->periods[next.period], &next);
	item_review(w, &next, pending);
	item_no_contact(w, &next, pending);
}

/* ---- Visits ------------------------------------------------------------- */

/* "the child's current IRO was allocated within the last `new_months`
 * months and has not seen the child since (no contact of kind visit,
 * virtual or declined by that IRO on or after the allocation's start).
 * date = the allocation's start." Contacts after as_of have not happened
 * yet on as_of. */
static void item_not_visited(struct worklist *w)
{
	const struct wl_alloc *a = w->st.alloc;
	int32_t as_of = w->s->as_of;
	if (!a || !is_new(w, a->start) ||
	    seen_between(w->c, &a->iro, a->start, as_of))
		return;
	add(w, WL_NOT_VISITED, a->start, days_apart(a->start, as_of), 0);
}

/* ---- Minutes ------------------------------------------------------------ */

/* "a review recorded in iro (source iro) held on or before as_of, within
 * the last `minutes_lookback_days` days, with no minutes / letter sent"
 * (minutes sent after as_of were not yet sent on as_of). */
static bool minutes_owed(const struct wl_review *r,
			 const struct wl_settings *s)
{
	return r->state == WL_HELD && r->from_iro && r->held != DATE_NONE &&
	       r->held <= s->as_of &&
	       r->held > s->as_of - s->minutes_lookback_days &&
	       (r->minutes_sent == DATE_NONE || r->minutes_sent > s->as_of);
}

/* "the deadline is `minutes_wd` working days after the held date (spec
 * §3, day 0 = the held date); late when the deadline < as_of. date = the
 * deadline. Listed for the review's chair (else the current IRO), whether
 * or not the child is still looked after." */
static void item_minutes(struct worklist *w, const struct wl_review *r)
{
	int32_t as_of = w->s->as_of;
	int32_t deadline = cal_add_workdays(w->cal, r->held, w->s->minutes_wd);
	if (deadline == DATE_NONE)
		return; /* beyond the calendar's years: no date to give */
	struct wl_item it =
		new_item(w, deadline < as_of ? WL_MINUTES_LATE : WL_MINUTES_DUE,
			 deadline, days_apart(deadline, as_of), r->id);
	if (r->chair != 0)
		it.iro = r->chair;
	push(w, &it);
}

static void items_minutes(struct worklist *w)
{
	for (size_t i = 0; i < w->c->nreviews; i++)
		if (minutes_owed(&w->c->reviews[i], w->s))
			item_minutes(w, &w->c->reviews[i]);
}

/* ---- Recommendations ---------------------------------------------------- */

/* "an open recommendation whose due date is before as_of. date = its due
 * date." */
static void item_recommendation(struct worklist *w,
				const struct wl_recommendation *rec)
{
	int32_t as_of = w->s->as_of;
	if (rec->due == DATE_NONE || rec->due >= as_of)
		return;
	add(w, WL_RECOMMENDATION_OVERDUE, rec->due, days_apart(rec->due, as_of),
	    rec->id);
}

static void items_recommendations(struct worklist *w)
{
	for (size_t i = 0; i < w->c->nrecs; i++)
		item_recommendation(w, &w->c->recs[i]);
}

/* ---- Permanence --------------------------------------------------------- */

/* A looked-after review held in period p by as_of (p is open on as_of, so
 * nothing held by as_of is past its end). */
static bool la_review_held(const struct wl_review *r, const struct period *p,
			   int32_t as_of)
{
	return r->state == WL_HELD && r->looked_after_kind &&
	       r->held != DATE_NONE && r->held >= p->start && r->held <= as_of;
}

/* "in the period of care the child is in on as_of (not a short-break
 * period), two or more looked-after reviews have been held by as_of and
 * none of those reviews recorded a permanence plan (set, and not "not
 * recorded"; a plan recorded at a review of another kind does not count).
 * date = the second review's held date (of two held the same day, the one
 * given first counts first)". Reviews come in any order. */
static void item_no_permanence(struct worklist *w)
{
	const struct period *p = w->st.period;
	int32_t as_of = w->s->as_of;
	if (p->short_break)
		return;
	const struct wl_review *first = NULL, *second = NULL;
	for (size_t i = 0; i < w->c->nreviews; i++) {
		const struct wl_review *r = &w->c->reviews[i];
		if (!la_review_held(r, p, as_of))
			continue;
		if (r->permanence_recorded)
			return;
		if (!first || r->held < first->held) {
			second = first;
			first = r;
		} else if (!second || r->held < second->held) {
			second = r;
		}
	}
	if (second)
		add(w, WL_NO_PERMANENCE_PLAN, second->held,
		    days_apart(second->held, as_of), second->id);
}

/* ---- Allocation --------------------------------------------------------- */

/* "the deadline for the period's first allocation, `alloc_wd` working days
 * after its start (day 0 = the start; landscape.md §2 ask 7: "appoint an
 * IRO within 5")". DATE_NONE beyond the calendar's years. */
static int32_t alloc_deadline(const struct worklist *w)
{
	return cal_add_workdays(w->cal, w->st.period->start, w->s->alloc_wd);
}

/* The latest end, before as_of, of a non-cover allocation in the period;
 * DATE_NONE if none has ended. */
static int32_t last_alloc_end(const struct worklist *w)
{
	int32_t as_of = w->s->as_of, last = DATE_NONE;
	for (size_t i = 0; i < w->c->nallocs; i++) {
		const struct wl_alloc *a = &w->c->allocs[i];
		if (!a->cover && alloc_in_period(a, w->st.period, as_of) &&
		    a->end != DATE_NONE && a->end < as_of && a->end > last)
			last = a->end;
	}
	return last;
}

/* "the child is looked after on as_of and has no current (non-cover)
 * allocation. date = the deadline for the period's first allocation ...;
 * if the child had an IRO earlier in the period, date = the day after that
 * allocation ended." days = as_of - date: negative while the deadline is
 * still ahead (due in -days), 0 on it, then days without an IRO. */
static void item_allocation_missing(struct worklist *w)
{
	if (w->st.alloc)
		return;
	int32_t ended = last_alloc_end(w);
	int32_t date = ended != DATE_NONE ? ended + 1 : alloc_deadline(w);
	if (date == DATE_NONE)
		return;
	add(w, WL_ALLOCATION_MISSING, date, (int)(w->s->as_of - date), 0);
}

/* The period's first non-cover allocation: the earliest to start in it by
 * as_of; NULL if none. */
static const struct wl_alloc *first_alloc(const struct worklist *w)
{
	const struct wl_alloc *first = NULL;
	for (size_t i = 0; i < w->c->nallocs; i++) {
		const struct wl_alloc *a = &w->c->allocs[i];
		if (!a->cover && alloc_in_period(a, w->st.period, w->s->as_of) &&
		    (!first || a->start < first->start))
			first = a;
	}
	return first;
}

/* "the period's first allocation started after that deadline, within the
 * last `new_months` months. date = the deadline; days = working days
 * late." */
static void item_allocation_late(struct worklist *w)
{
	const struct wl_alloc *a = first_alloc(w);
	if (!a || !is_new(w, a->start))
		return;
	int32_t deadline = alloc_deadline(w);
	if (deadline == DATE_NONE || a->start <= deadline)
		return;
	add(w, WL_ALLOCATION_LATE, deadline,
	    cal_workdays_between(w->cal, deadline, a->start), 0);
}

/* ---- Practice alerts ---------------------------------------------------- */

/* An alert as it stood on as_of, for its clock. */
struct alert_on {
	struct alert_clock_in in; /* in.stages points into stages */
	struct alert_stage stages[LADDER_MAX_STAGES];
};

/* "each alert taken as it stood on as_of" (dispute_as_of). */
static bool alert_as_of(const struct wl_alert *a, int32_t as_of,
			struct alert_on *on)
{
	struct alert_clock_in in = {
		.kind = a->kind,
		.status = a->status,
		.raised = a->raised,
		.closed = a->closed,
		.stages = a->stages,
		.nstages = a->nstages,
		.ceiling_wd = a->ceiling_wd,
	};
	return dispute_as_of(&in, as_of, on->stages, &on->in);
}

/* An alert's item: on the current IRO's list, else (the child not looked
 * after, or unallocated) on the list of the IRO who raised it. */
static void add_alert(struct worklist *w, const struct wl_alert *a,
		      enum wl_kind kind, int32_t date, int days)
{
	struct wl_item it = new_item(w, kind, date, days, a->id);
	if (it.iro == 0)
		it.iro = a->iro;
	push(w, &it);
}

/* "an open dispute (informal or formal) whose clock is
 * ALERT_CEILING_PASSED ... It replaces the alert's stage item"; else "whose
 * current stage (the last entered) has had no response" with its due date
 * before as_of (overdue) or on or after it (due). dispute_clock gives the
 * state, the ceiling date and the current stage's due. */
static void item_alert_stage(struct worklist *w, const struct wl_alert *a,
			     const struct alert_on *on)
{
	int32_t as_of = w->s->as_of;
	struct alert_clock k;
	dispute_clock(w->cal, &on->in, as_of, &k);
	if (k.state == ALERT_CEILING_PASSED) {
		if (k.ceiling_date != DATE_NONE)
			add_alert(w, a, WL_ALERT_CEILING_PASSED,
				  k.ceiling_date, k.days_late);
	} else if (k.state == ALERT_STAGE_OVERDUE) {
		add_alert(w, a, WL_ALERT_STAGE_OVERDUE, k.stage_due,
			  k.days_late);
	} else if (k.state == ALERT_ON_TIME && k.stage_due != DATE_NONE &&
		   k.stage_due >= as_of) {
		add_alert(w, a, WL_ALERT_RESPONSE_DUE, k.stage_due,
			  days_apart(k.stage_due, as_of));
	}
}

/* "an action ... due before as_of and not done on or before it". */
static void item_alert_action(struct worklist *w, const struct wl_alert *a,
			      const struct wl_action *t)
{
	int32_t as_of = w->s->as_of;
	if (t->due == DATE_NONE || t->due >= as_of ||
	    (t->done != DATE_NONE && t->done <= as_of))
		return;
	add_alert(w, a, WL_ALERT_ACTION_OVERDUE, t->due,
		  days_apart(t->due, as_of));
}

/* "Good-practice alerts make none." */
static void items_alerts(struct worklist *w)
{
	for (size_t i = 0; i < w->c->nalerts; i++) {
		const struct wl_alert *a = &w->c->alerts[i];
		struct alert_on on;
		if (a->kind == ALERT_GOOD_PRACTICE ||
		    !alert_as_of(a, w->s->as_of, &on))
			continue;
		item_alert_stage(w, a, &on);
		/* A withdrawn alert's actions lapse with it (dispute.h: a
		 * withdrawn alert takes no action). */
		for (size_t j = 0; on.in.status != ALERT_WITHDRAWN &&
				   j < a->nactions; j++)
			item_alert_action(w, a, &a->actions[j]);
	}
}

/* "Except for minutes and alerts, items are only for children looked after
 * on as_of." */
size_t wl_child_items(const struct calendar *cal, const struct wl_settings *s,
		      const struct wl_child *c, struct wl_item *out,
		      size_t cap)
{
	struct worklist w = { .cal = cal, .s = s, .c = c, .out = out,
			      .cap = cap, .n = 0 };
	if (s->as_of == DATE_NONE)
		return 0;
	stand(c, s->as_of, &w.st);
	status_of(&w.st, &w.status);
	items_minutes(&w);
	items_alerts(&w);
	if (!w.st.period)
		return w.n;
	items_next_review(&w);
	item_not_visited(&w);
	items_recommendations(&w);
	item_no_permanence(&w);
	item_allocation_missing(&w);
	item_allocation_late(&w);
	return w.n;
}

/* ---- Caseloads ---------------------------------------------------------- */

/* "The IRO's FTE on day (the latest entry from on or before it; 1.0 with
 * no entry on or before it); 0 when not in post that day." Of two entries
 * from the same day, the later given. */
double wl_fte_on(const struct wl_iro *iro, int32_t day)
{
	if (day < iro->start || (iro->end != DATE_NONE && day > iro->end))
		return 0.0;
	const struct wl_fte *latest = NULL;
	for (size_t i = 0; i < iro->nfte; i++)
		if (iro->fte[i].from <= day &&
		    (!latest || iro->fte[i].from >= latest->from))
			latest = &iro->fte[i];
	return latest ? latest->fte : 1.0;
}

/* "Children per FTE against 50-70: below, within (both ends in), above. A
 * caseload with no FTE (not in post) is above if it has any children" -
 * and within with none: there is nothing to flag, and "below" would offer
 * room that someone not in post does not have. */
enum caseload_band caseload_band(long children, double fte)
{
	if (!(fte > 0.0)) /* zero, negative or NaN */
		return children > 0 ? CASELOAD_ABOVE : CASELOAD_WITHIN;
	double per = (double)children / fte;
	if (per < CASELOAD_LOW - CASELOAD_EPSILON)
		return CASELOAD_BELOW;
	if (per > CASELOAD_HIGH + CASELOAD_EPSILON)
		return CASELOAD_ABOVE;
	return CASELOAD_WITHIN;
}
