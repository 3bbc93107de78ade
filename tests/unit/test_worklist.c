/*
 * test_worklist.c - what needs doing on a date, and caseloads (worklist.h;
 * spec §3, §4, §5 "my worklist").
 *
 * Each test quotes the rule of worklist.h it checks. A `struct kid` is one
 * child as the store would hand it over; kid_run() asks for its items on a
 * date with the default settings (reviews due within 28 days, a visit in the
 * 42 days before a review, minutes within 20 working days looked for over
 * 183 days, an IRO within 5 working days, "new" for 3 months).
 */
#include "episodes.h"
#include "calendar_fixture.h"
#include "core/worklist.h"

#define KID_MAX 16

struct kid {
	struct episode eps[KID_MAX];
	size_t neps;
	struct period periods[KID_MAX];
	int32_t held[KID_MAX];
	struct wl_review reviews[KID_MAX];
	struct wl_alloc allocs[KID_MAX];
	struct wl_contact contacts[KID_MAX];
	struct wl_recommendation recs[KID_MAX];
	struct wl_alert alerts[KID_MAX];
	struct alert_stage stages[KID_MAX][LADDER_MAX_STAGES];
	struct wl_action actions[KID_MAX][KID_MAX];
	struct wl_child c;
	struct wl_settings s;
	struct wl_item items[64];
	size_t nitems;
};

static void kid_init(struct kid *k)
{
	memset(k, 0, sizeof *k);
	k->c.id = 1;
	k->c.periods = k->periods;
	k->c.held = k->held;
	k->c.reviews = k->reviews;
	k->c.allocs = k->allocs;
	k->c.contacts = k->contacts;
	k->c.recs = k->recs;
	k->c.alerts = k->alerts;
	wl_settings_default(&k->s, DATE_NONE);
}

static void kid_episode(struct kid *k, struct episode e)
{
	assert_true(k->neps < KID_MAX);
	k->eps[k->neps++] = e;
}

/* A review, with id 100, 101, ... in the order they are added. */
static struct wl_review *kid_review(struct kid *k, enum wl_review_state st)
{
	assert_true(k->c.nreviews < KID_MAX);
	struct wl_review *r = &k->reviews[k->c.nreviews];
	*r = (struct wl_review){
		.id = 100 + (int64_t)k->c.nreviews++,
		.state = st,
		.looked_after_kind = true,
		.counts_for_schedule = true,
		.from_iro = true,
		.held = DATE_NONE,
		.scheduled = DATE_NONE,
		.minutes_sent = DATE_NONE,
	};
	return r;
}

/* A looked-after review held on `date`, its minutes sent that day (so it
 * makes no minutes item unless a test clears minutes_sent), no permanence
 * plan recorded, no chair. */
static struct wl_review *kid_held(struct kid *k, const char *date)
{
	struct wl_review *r = kid_review(k, WL_HELD);
	r->held = D(date);
	r->minutes_sent = r->held;
	return r;
}

/* A looked-after review set for `date` and not yet held. */
static struct wl_review *kid_pending(struct kid *k, const char *date)
{
	struct wl_review *r = kid_review(k, WL_PENDING);
	r->scheduled = D(date);
	return r;
}

static void kid_alloc(struct kid *k, int64_t iro, const char *start,
		      const char *end, bool cover)
{
	assert_true(k->c.nallocs < KID_MAX);
	k->allocs[k->c.nallocs++] = (struct wl_alloc){
		.iro = iro,
		.start = D(start),
		.end = end ? D(end) : DATE_NONE,
		.cover = cover,
	};
}

/* Contacts must be added in date order, as the store hands them over. */
static void kid_contact(struct kid *k, int64_t iro, const char *date,
			bool seen)
{
	assert_true(k->c.ncontacts < KID_MAX);
	int32_t d = D(date);
	if (k->c.ncontacts > 0)
		assert_true(k->contacts[k->c.ncontacts - 1].date <= d);
	k->contacts[k->c.ncontacts++] =
		(struct wl_contact){ .iro = iro, .date = d, .seen = seen };
}

static void kid_rec(struct kid *k, int64_t id, const char *due)
{
	assert_true(k->c.nrecs < KID_MAX);
	k->recs[k->c.nrecs++] = (struct wl_recommendation){
		.id = id,
		.due = due ? D(due) : DATE_NONE,
	};
}

/* A dispute (informal, open, a 20-working-day ceiling) raised by `iro` on
 * `raised`, with no stages or actions yet. */
static struct wl_alert *kid_alert(struct kid *k, int64_t id, int64_t iro,
				  const char *raised)
{
	assert_true(k->c.nalerts < KID_MAX);
	size_t i = k->c.nalerts++;
	struct wl_alert *a = &k->alerts[i];
	*a = (struct wl_alert){
		.id = id,
		.iro = iro,
		.kind = ALERT_INFORMAL,
		.status = ALERT_OPEN,
		.raised = D(raised),
		.closed = DATE_NONE,
		.stages = k->stages[i],
		.ceiling_wd = LADDER_CEILING_WD,
		.actions = k->actions[i],
	};
	return a;
}

/* The next stage of alert a (the last added), entered on `entered`, its
 * response due on `due`, answered on `responded` (NULL: not yet). */
static void kid_stage(struct kid *k, struct wl_alert *a, const char *entered,
		      const char *due, const char *responded)
{
	struct alert_stage *s = k->stages[a - k->alerts];
	assert_true(a->nstages < LADDER_MAX_STAGES);
	s[a->nstages] = (struct alert_stage){
		.stage = (int)a->nstages,
		.entered = D(entered),
		.due = due ? D(due) : DATE_NONE,
		.responded = responded ? D(responded) : DATE_NONE,
	};
	a->nstages++;
}

static void kid_action(struct kid *k, struct wl_alert *a, const char *due,
		       const char *done)
{
	struct wl_action *t = k->actions[a - k->alerts];
	assert_true(a->nactions < KID_MAX);
	t[a->nactions++] = (struct wl_action){
		.due = due ? D(due) : DATE_NONE,
		.done = done ? D(done) : DATE_NONE,
	};
}

/* The held reviews that count for the schedule, sorted, as the store gives
 * them to sched_next_review. */
static void kid_held_dates(struct kid *k)
{
	k->c.nheld = 0;
	for (size_t i = 0; i < k->c.nreviews; i++) {
		const struct wl_review *r = &k->reviews[i];
		if (r->state != WL_HELD || !r->counts_for_schedule)
			continue;
		size_t j = k->c.nheld++;
		while (j > 0 && k->held[j - 1] > r->held) {
			k->held[j] = k->held[j - 1];
			j--;
		}
		k->held[j] = r->held;
	}
}

/* The child's items on as_of; checks the bound worklist.h promises. */
static size_t kid_run(struct kid *k, const char *as_of)
{
	k->c.nperiods = period_build(k->eps, k->neps, k->periods);
	kid_held_dates(k);
	k->s.as_of = D(as_of);
	k->nitems = wl_child_items(&cal, &k->s, &k->c, k->items,
				   ARRAY_LEN(k->items));
	size_t bound = WL_CHILD_MAX_ITEMS + k->c.nreviews + k->c.nrecs +
		       k->c.nalerts;
	for (size_t i = 0; i < k->c.nalerts; i++)
		bound += k->alerts[i].nactions;
	assert_true(k->nitems <= bound);
	return k->nitems;
}

static struct wl_status kid_status(struct kid *k, const char *as_of)
{
	struct wl_status st;
	k->c.nperiods = period_build(k->eps, k->neps, k->periods);
	wl_child_status(&k->c, D(as_of), &st);
	return st;
}

static size_t count_kind(const struct kid *k, enum wl_kind kind)
{
	size_t n = 0;
	for (size_t i = 0; i < k->nitems; i++)
		n += k->items[i].kind == kind;
	return n;
}

/* The one item of `kind` (the test fails if there is none, or more). */
static const struct wl_item *item(const struct kid *k, enum wl_kind kind)
{
	if (count_kind(k, kind) != 1)
		fail_msg("%zu items \"%s\", want 1", count_kind(k, kind),
			 wl_kind_name(kind));
	for (size_t i = 0;; i++)
		if (k->items[i].kind == kind)
			return &k->items[i];
}

static void no_item(const struct kid *k, enum wl_kind kind)
{
	if (count_kind(k, kind) != 0)
		fail_msg("unexpected item \"%s\"", wl_kind_name(kind));
}

/* The child's one item of `kind` on as_of. */
static const struct wl_item *item_on(struct kid *k, const char *as_of,
				     enum wl_kind kind)
{
	kid_run(k, as_of);
	return item(k, kind);
}

/* No item of `kind` on as_of. */
static void none_on(struct kid *k, const char *as_of, enum wl_kind kind)
{
	kid_run(k, as_of);
	no_item(k, kind);
}

/* A child looked after from `start` (C2, U4), the period still open. */
static void kid_in_care(struct kid *k, const char *start)
{
	kid_init(k);
	kid_episode(k, EP(start, NULL, 'S', "C2", "U4", ""));
}

/* Looked after from Mon 9 Jan 2023 with IRO 7 from the next day; reviews
 * held 1 Feb and 1 May 2023 (a permanence plan recorded at the second), so
 * review 3 is due by 1 Nov 2023 (reg 33(2): "subsequent reviews must be
 * carried out at intervals of not more than six months"). */
static void kid_standard(struct kid *k)
{
	kid_in_care(k, "2023-01-09");
	kid_held(k, "2023-02-01");
	kid_held(k, "2023-05-01")->permanence_recorded = true;
	kid_alloc(k, 7, "2023-01-10", NULL, false);
	kid_contact(k, 7, "2023-04-20", true);
}

/* ---- Reviews ------------------------------------------------------------ */

/* "the child's next statutory review (sched_next_review on as_of) is
 * overdue (due < as_of, spec §3) or due within `within_days` calendar days
 * (due <= as_of + within_days)". */
static void review_due_within_28_days_then_overdue(void **state)
{
	(void)state;
	struct kid k;
	kid_standard(&k);

	kid_run(&k, "2023-10-03"); /* due in 29 days */
	no_item(&k, WL_REVIEW_DUE);
	no_item(&k, WL_REVIEW_OVERDUE);

	const struct wl_item *it = item_on(&k, "2023-10-04", WL_REVIEW_DUE);
	assert_date_equal(it->date, D("2023-11-01"));
	assert_int_equal(it->days, 28);
	assert_int_equal(it->sequence, 3);
	assert_date_equal(it->scheduled, DATE_NONE);
	assert_int_equal(it->ref, 0);
	assert_int_equal(it->iro, 7);
	assert_int_equal(it->cover_iro, 0);

	/* spec §3: "a review due on D is not yet overdue on D". */
	it = item_on(&k, "2023-11-01", WL_REVIEW_DUE);
	assert_int_equal(it->days, 0);
	no_item(&k, WL_REVIEW_OVERDUE);

	it = item_on(&k, "2023-11-02", WL_REVIEW_OVERDUE);
	assert_date_equal(it->date, D("2023-11-01"));
	assert_int_equal(it->days, 1);
	assert_int_equal(it->sequence, 3);
	no_item(&k, WL_REVIEW_DUE);

	/* A review held on the as-of day counts as held by it: review 4 is
	 * then due 6 months later, far off. */
	kid_held(&k, "2023-11-02");
	none_on(&k, "2023-11-02", WL_REVIEW_DUE);
	no_item(&k, WL_REVIEW_OVERDUE);
}

/* "`scheduled` is the date the upcoming review is set for, if one is": a
 * review pending (scheduled, rearranged, adjourned) and set on or after the
 * last review held in the period; the earliest if several. */
static void review_scheduled_date_is_the_earliest_pending_review(void **state)
{
	(void)state;
	struct kid k;
	kid_standard(&k);
	/* Set before review 2 and never closed: not the upcoming review. */
	kid_pending(&k, "2023-04-20");
	/* A pathway plan review does not count for the schedule. */
	kid_pending(&k, "2023-10-10")->counts_for_schedule = false;
	kid_pending(&k, "2023-10-25");
	int64_t id = kid_pending(&k, "2023-10-20")->id;
	kid_contact(&k, 7, "2023-10-01", true);

	const struct wl_item *it = item_on(&k, "2023-10-04", WL_REVIEW_DUE);
	assert_date_equal(it->date, D("2023-11-01")); /* still the due date */
	assert_date_equal(it->scheduled, D("2023-10-20"));
	assert_int_equal(it->ref, id);

	/* Set for a day already past and not yet recorded: still the date
	 * the review is set for, shown beside an overdue review. */
	it = item_on(&k, "2023-11-03", WL_REVIEW_OVERDUE);
	assert_date_equal(it->scheduled, D("2023-10-20"));

	/* "On or after" the last review held: one set for that very day. */
	id = kid_pending(&k, "2023-05-01")->id;
	it = item_on(&k, "2023-10-04", WL_REVIEW_DUE);
	assert_date_equal(it->scheduled, D("2023-05-01"));
	assert_int_equal(it->ref, id);
}

/* reg 48: short breaks are reviewed too ("the first within 3 months of the
 * start"), so they are on the worklist. */
static void short_break_reviews_are_listed(void **state)
{
	(void)state;
	struct kid k;
	kid_init(&k);
	kid_episode(&k, EP("2023-04-03", NULL, 'S', "V4", "U6", ""));
	kid_alloc(&k, 7, "2023-04-03", NULL, false);
	const struct wl_item *it = item_on(&k, "2023-07-04", WL_REVIEW_OVERDUE);
	assert_date_equal(it->date, D("2023-07-03"));
	assert_int_equal(it->days, 1);
	assert_int_equal(it->sequence, 1);
}

/* ---- Visits ------------------------------------------------------------- */

/* "the next review (its scheduled date, else its due date) falls in [as_of,
 * as_of + visit_days], and the child has not been seen (visit, virtual or
 * declined, by any IRO) in the visit_days (42) days before it, up to as_of
 * (spec §3: "the child is seen (or declines) within 6 weeks (42 days)
 * before the review")". */
static void no_visit_in_the_six_weeks_before_the_review(void **state)
{
	(void)state;
	struct kid k;
	kid_standard(&k);

	/* Review due 1 Nov 2023, 43 days ahead: not yet. */
	none_on(&k, "2023-09-19", WL_NO_CONTACT);
	const struct wl_item *it = item_on(&k, "2023-09-20", WL_NO_CONTACT);
	assert_date_equal(it->date, D("2023-11-01"));
	assert_int_equal(it->days, 42);
	assert_int_equal(it->ref, 0);
	assert_int_equal(it->iro, 7);

	/* Seen the day before the six weeks began: too early. */
	kid_contact(&k, 7, "2023-09-19", true);
	item_on(&k, "2023-10-01", WL_NO_CONTACT);
	/* A phone call is not seeing the child. */
	kid_contact(&k, 7, "2023-09-25", false);
	item_on(&k, "2023-10-01", WL_NO_CONTACT);
	/* Seen after as_of: not yet, on as_of. */
	kid_contact(&k, 7, "2023-10-15", true);
	item_on(&k, "2023-10-01", WL_NO_CONTACT);
	/* ... but it is done once that day has come. */
	none_on(&k, "2023-10-15", WL_NO_CONTACT);

	/* Once the review is overdue, "review overdue" says it all. */
	kid_standard(&k);
	none_on(&k, "2023-11-02", WL_NO_CONTACT);
}

static void a_visit_by_any_iro_counts_before_a_review(void **state)
{
	(void)state;
	struct kid k;
	kid_standard(&k);
	/* Seen by another IRO on the first day of the six weeks (declined
	 * counts as seen). */
	kid_contact(&k, 8, "2023-09-20", true);
	none_on(&k, "2023-10-01", WL_NO_CONTACT);
}

static void the_review_date_is_the_date_it_is_set_for(void **state)
{
	(void)state;
	struct kid k;
	kid_standard(&k);
	int64_t id = kid_pending(&k, "2023-10-20")->id;
	/* Set for 20 Oct: the six weeks run from 8 Sep. */
	const struct wl_item *it = item_on(&k, "2023-10-01", WL_NO_CONTACT);
	assert_date_equal(it->date, D("2023-10-20"));
	assert_int_equal(it->days, 19);
	assert_int_equal(it->ref, id);
	assert_date_equal(it->scheduled, D("2023-10-20"));
	assert_int_equal(it->sequence, 3);

	kid_contact(&k, 7, "2023-09-08", true);
	none_on(&k, "2023-10-01", WL_NO_CONTACT);
}

/* "the child's current IRO was allocated within the last `new_months`
 * months and has not seen the child since (no contact of kind visit,
 * virtual or declined by that IRO on or after the allocation's start).
 * date = the allocation's start." */
static void a_new_iro_has_not_seen_the_child(void **state)
{
	(void)state;
	struct kid k;
	kid_in_care(&k, "2023-01-09");
	kid_alloc(&k, 7, "2023-01-10", "2023-07-31", false);
	/* Transfer within the period. */
	kid_alloc(&k, 8, "2023-08-01", NULL, false);

	const struct wl_item *it = item_on(&k, "2023-10-01", WL_NOT_VISITED);
	assert_int_equal(it->iro, 8);
	assert_date_equal(it->date, D("2023-08-01"));
	assert_int_equal(it->days, 61);
	assert_int_equal(it->ref, 0);

	/* Seen by IRO 8 before the allocation began. */
	kid_contact(&k, 8, "2023-07-30", true);
	/* Seen by the previous IRO after it. */
	kid_contact(&k, 7, "2023-08-10", true);
	/* A phone call by IRO 8. */
	kid_contact(&k, 8, "2023-08-20", false);
	item_on(&k, "2023-10-01", WL_NOT_VISITED);

	/* New for 3 months: 1 Aug + 3 months = 1 Nov. */
	item_on(&k, "2023-10-31", WL_NOT_VISITED);
	none_on(&k, "2023-11-01", WL_NOT_VISITED);

	/* A visit by IRO 8 after as_of does not count on as_of. */
	kid_contact(&k, 8, "2023-10-02", true);
	item_on(&k, "2023-10-01", WL_NOT_VISITED);
	none_on(&k, "2023-10-02", WL_NOT_VISITED);
}

/* "A caller may leave out the contacts before [wl_contacts_from]": on any
 * day, a child allocated k days before it and seen on the first day of the
 * allocation, and again k - 50 days before it (inside the 42 days before a
 * review due soon), has the same items with those contacts or without the
 * ones before wl_contacts_from. */
static void contacts_before_wl_contacts_from_never_count(void **state)
{
	(void)state;
	for (int32_t as_of = D("2023-01-01"); as_of < D("2025-01-01");
	     as_of += 7)
		for (int k = 0; k <= 140; k++) {
			struct kid x;
			kid_in_care(&x, "2020-01-06");
			/* reviews every six months, the next due within 42
			 * days of as_of */
			for (int32_t h = as_of - 150; h > D("2020-02-01");
			     h -= 180) {
				struct wl_review *r = kid_review(&x, WL_HELD);
				r->held = r->minutes_sent = h;
			}
			kid_alloc(&x, 7, "2020-01-07", NULL, false);
			x.allocs[0].start = as_of - k;
			x.s.as_of = as_of;
			x.contacts[x.c.ncontacts++] = (struct wl_contact){
				.iro = 7, .date = as_of - k, .seen = true
			};
			if (k > 50 && k - 50 <= 42)
				x.contacts[x.c.ncontacts++] =
					(struct wl_contact){ .iro = 8,
							     .date = as_of - k +
								     50,
							     .seen = true };
			x.c.nperiods = period_build(x.eps, x.neps, x.periods);
			kid_held_dates(&x);
			struct wl_item all[64], some[64];
			size_t n = wl_child_items(&cal, &x.s, &x.c, all, 64);
			size_t skip = 0;
			while (skip < x.c.ncontacts &&
			       x.contacts[skip].date < wl_contacts_from(&x.s))
				skip++;
			x.c.contacts += skip;
			x.c.ncontacts -= skip;
			size_t m = wl_child_items(&cal, &x.s, &x.c, some, 64);
			assert_int_equal(n, m);
			for (size_t i = 0; i < n; i++)
				assert_int_equal(all[i].kind, some[i].kind);
		}
}

/* ---- Minutes ------------------------------------------------------------ */

/* "a review recorded in iro (source iro) held on or before as_of, within
 * the last `minutes_lookback_days` days, with no minutes / letter sent: the
 * deadline is `minutes_wd` working days after the held date (spec §3, day
 * 0 = the held date); late when the deadline < as_of. date = the
 * deadline." */
static void minutes_due_then_late_over_christmas(void **state)
{
	(void)state;
	struct kid k;
	kid_in_care(&k, "2023-11-01");
	kid_alloc(&k, 7, "2023-11-01", NULL, false);
	struct wl_review *r = kid_held(&k, "2023-12-18");
	r->minutes_sent = DATE_NONE;
	r->chair = 5;

	none_on(&k, "2023-12-17", WL_MINUTES_DUE);

	/* 20 working days from Mon 18 Dec 2023, over Christmas and New
	 * Year (domain-rules §1.2): Thu 18 Jan 2024. */
	const struct wl_item *it = item_on(&k, "2023-12-18", WL_MINUTES_DUE);
	assert_date_equal(it->date, D("2024-01-18"));
	assert_int_equal(it->days, 31);
	assert_int_equal(it->iro, 5); /* the chair's list */
	assert_int_equal(it->ref, r->id);

	it = item_on(&k, "2024-01-18", WL_MINUTES_DUE);
	assert_int_equal(it->days, 0);
	no_item(&k, WL_MINUTES_LATE);

	it = item_on(&k, "2024-01-19", WL_MINUTES_LATE);
	assert_date_equal(it->date, D("2024-01-18"));
	assert_int_equal(it->days, 1);
	no_item(&k, WL_MINUTES_DUE);
}

static void minutes_deadline_over_easter(void **state)
{
	(void)state;
	struct kid k;
	kid_in_care(&k, "2024-02-01");
	kid_alloc(&k, 7, "2024-02-01", NULL, false);
	kid_held(&k, "2024-03-28")->minutes_sent = DATE_NONE;
	/* Thu 28 Mar 2024: skips Good Friday and Easter Monday, and lands
	 * on Mon 29 Apr. With no chair, the current IRO's list. */
	const struct wl_item *it = item_on(&k, "2024-04-29", WL_MINUTES_DUE);
	assert_date_equal(it->date, D("2024-04-29"));
	assert_int_equal(it->days, 0);
	assert_int_equal(it->iro, 7);
	assert_int_equal(item_on(&k, "2024-04-30", WL_MINUTES_LATE)->days, 1);
}

static void minutes_sent_not_from_iro_or_long_ago(void **state)
{
	(void)state;
	struct kid k;
	kid_in_care(&k, "2023-11-01");
	struct wl_review *r = kid_held(&k, "2023-12-18");

	/* Sent on 10 Jan 2024: due before then, nothing from that day. */
	r->minutes_sent = D("2024-01-10");
	item_on(&k, "2024-01-09", WL_MINUTES_DUE);
	none_on(&k, "2024-01-10", WL_MINUTES_DUE);

	/* Held within the last 183 days: 182 days after, but not 183. */
	r->minutes_sent = DATE_NONE;
	assert_int_equal(item_on(&k, "2024-06-17", WL_MINUTES_LATE)->days,
			 D("2024-06-17") - D("2024-01-18"));
	none_on(&k, "2024-06-18", WL_MINUTES_LATE);

	/* A review imported from an SSDA903 return was not minuted in iro. */
	r->from_iro = false;
	none_on(&k, "2024-01-19", WL_MINUTES_LATE);

	/* A review not yet held has no minutes. */
	kid_pending(&k, "2023-12-20");
	r->from_iro = true;
	r->minutes_sent = r->held;
	none_on(&k, "2024-01-30", WL_MINUTES_LATE);
	no_item(&k, WL_MINUTES_DUE);
}

/* "Listed for the review's chair (else the current IRO), whether or not
 * the child is still looked after." */
static void minutes_after_the_child_leaves_care(void **state)
{
	(void)state;
	struct kid k;
	kid_init(&k);
	kid_episode(&k, EP("2023-01-09", "2023-10-20", 'S', "C2", "U4", "E4A"));
	kid_alloc(&k, 7, "2023-01-10", NULL, false);
	kid_held(&k, "2023-02-01");
	kid_held(&k, "2023-05-01");
	kid_held(&k, "2023-10-02")->minutes_sent = DATE_NONE;
	kid_rec(&k, 900, "2023-09-01");

	/* The day before the period ends: the current IRO's. */
	assert_int_equal(item_on(&k, "2023-10-19", WL_MINUTES_DUE)->iro, 7);
	item(&k, WL_RECOMMENDATION_OVERDUE);

	/* The child has left care: nobody's caseload, but the minutes are
	 * still owed, on the service's list. */
	assert_int_equal(kid_run(&k, "2023-10-20"), 1);
	const struct wl_item *it = item(&k, WL_MINUTES_DUE);
	assert_int_equal(it->iro, 0);
	assert_int_equal(it->cover_iro, 0);
}

/* ---- Recommendations ---------------------------------------------------- */

/* "an open recommendation whose due date is before as_of. date = its due
 * date." */
static void recommendations_overdue_after_their_due_date(void **state)
{
	(void)state;
	struct kid k;
	kid_standard(&k);
	kid_rec(&k, 900, "2023-09-01");
	kid_rec(&k, 901, NULL);
	kid_rec(&k, 902, "2023-08-15");

	none_on(&k, "2023-08-15", WL_RECOMMENDATION_OVERDUE);
	const struct wl_item *it =
		item_on(&k, "2023-09-01", WL_RECOMMENDATION_OVERDUE);
	assert_int_equal(it->ref, 902);
	assert_date_equal(it->date, D("2023-08-15"));
	assert_int_equal(it->days, 17);
	assert_int_equal(it->iro, 7);

	kid_run(&k, "2023-09-02");
	assert_int_equal(count_kind(&k, WL_RECOMMENDATION_OVERDUE), 2);
}

/* ---- Permanence --------------------------------------------------------- */

/* "in the period of care the child is in on as_of (not a short-break
 * period), two or more looked-after reviews have been held by as_of and
 * none of those reviews recorded a permanence plan (set, and not "not
 * recorded"; a plan recorded at a review of another kind does not count).
 * date = the second review's held date". */
static void no_permanence_plan_by_the_second_review(void **state)
{
	(void)state;
	struct kid k;
	kid_in_care(&k, "2023-01-09");
	kid_alloc(&k, 7, "2023-01-10", NULL, false);
	/* Any order: the second by date is the one. */
	int64_t second = kid_held(&k, "2023-05-01")->id;
	kid_held(&k, "2023-02-01");
	/* A pathway plan review is not a looked-after review. */
	struct wl_review *pp = kid_held(&k, "2023-03-01");
	pp->looked_after_kind = false;
	pp->counts_for_schedule = false;
	/* Nor is one not yet held. */
	kid_pending(&k, "2023-04-01");

	none_on(&k, "2023-04-30", WL_NO_PERMANENCE_PLAN);
	const struct wl_item *it = item_on(&k, "2023-05-01", WL_NO_PERMANENCE_PLAN);
	assert_date_equal(it->date, D("2023-05-01"));
	assert_int_equal(it->days, 0);
	assert_int_equal(it->ref, second);
	assert_int_equal(it->iro, 7);
	assert_int_equal(item_on(&k, "2023-05-31", WL_NO_PERMANENCE_PLAN)->days, 30);

	/* A plan recorded on the pathway plan review is not a looked-after
	 * review's plan. */
	pp->permanence_recorded = true;
	item_on(&k, "2023-05-31", WL_NO_PERMANENCE_PLAN);

	/* Recorded at review 3, late: nothing from then on. */
	kid_held(&k, "2023-06-01")->permanence_recorded = true;
	item_on(&k, "2023-05-31", WL_NO_PERMANENCE_PLAN);
	none_on(&k, "2023-06-01", WL_NO_PERMANENCE_PLAN);
}

static void no_permanence_item_for_short_breaks(void **state)
{
	(void)state;
	struct kid k;
	kid_init(&k);
	kid_episode(&k, EP("2023-01-09", NULL, 'S', "V3", "U6", ""));
	kid_held(&k, "2023-04-01");
	kid_held(&k, "2023-10-01");
	none_on(&k, "2023-10-02", WL_NO_PERMANENCE_PLAN);
}

/* ---- Allocation --------------------------------------------------------- */

/* "the child is looked after on as_of and has no current (non-cover)
 * allocation. date = the deadline for the period's first allocation,
 * `alloc_wd` working days after its start (day 0 = the start; "appoint an
 * IRO within 5")" - days = as_of - date: negative while the deadline is
 * ahead, 0 on it, then days late. */
static void no_iro_allocated_within_5_working_days(void **state)
{
	(void)state;
	struct kid k;
	kid_in_care(&k, "2024-03-04");

	const struct wl_item *it = item_on(&k, "2024-03-04", WL_ALLOCATION_MISSING);
	assert_date_equal(it->date, D("2024-03-11")); /* Mon to Mon */
	assert_int_equal(it->days, -7);
	assert_int_equal(it->iro, 0);
	assert_int_equal(it->ref, 0);
	assert_int_equal(item_on(&k, "2024-03-11", WL_ALLOCATION_MISSING)->days, 0);
	assert_int_equal(item_on(&k, "2024-03-13", WL_ALLOCATION_MISSING)->days, 2);
	no_item(&k, WL_ALLOCATION_LATE);
	no_item(&k, WL_NOT_VISITED);
}

static void allocation_deadline_over_easter(void **state)
{
	(void)state;
	struct kid k;
	kid_init(&k);
	/* Thu 28 Mar 2024: Good Friday and Easter Monday are not working
	 * days, so the fifth is Mon 8 Apr. */
	kid_episode(&k, EP("2024-03-28", NULL, 'S', "C2", "U4", ""));
	/* Allocated from Wed 10 Apr: not current before then. */
	kid_alloc(&k, 7, "2024-04-10", NULL, false);
	const struct wl_item *it = item_on(&k, "2024-04-09", WL_ALLOCATION_MISSING);
	assert_date_equal(it->date, D("2024-04-08"));
	assert_int_equal(it->days, 1);
	no_item(&k, WL_ALLOCATION_LATE);

	/* "the period's first allocation started after that deadline ...
	 * days = working days late": 9 and 10 Apr. */
	none_on(&k, "2024-04-10", WL_ALLOCATION_MISSING);
	it = item(&k, WL_ALLOCATION_LATE);
	assert_date_equal(it->date, D("2024-04-08"));
	assert_int_equal(it->days, 2);
	assert_int_equal(it->iro, 7);
}

/* "if the child had an IRO earlier in the period, date = the day after
 * that allocation ended" (the latest, if several); an allocation ending on
 * as_of is still current that day. */
static void gap_after_an_allocation_ends(void **state)
{
	(void)state;
	struct kid k;
	kid_in_care(&k, "2024-03-04");
	kid_alloc(&k, 7, "2024-03-05", "2024-04-30", false);
	kid_alloc(&k, 8, "2024-05-01", "2024-06-10", false);

	none_on(&k, "2024-06-10", WL_ALLOCATION_MISSING);
	assert_int_equal(kid_status(&k, "2024-06-10").iro, 8);

	const struct wl_item *it = item_on(&k, "2024-06-11", WL_ALLOCATION_MISSING);
	assert_date_equal(it->date, D("2024-06-11"));
	assert_int_equal(it->days, 0);
	assert_int_equal(item_on(&k, "2024-06-20", WL_ALLOCATION_MISSING)->days, 9);
}

/* "WL_ALLOCATION_LATE - the period's first allocation started after that
 * deadline, within the last `new_months` months. date = the deadline;
 * days = working days late." */
static void first_allocation_late(void **state)
{
	(void)state;
	struct kid k;
	kid_in_care(&k, "2024-03-04");
	/* Cover from the start does not make the allocation in time. */
	kid_alloc(&k, 9, "2024-03-05", "2024-03-13", true);
	kid_alloc(&k, 7, "2024-03-14", NULL, false);

	const struct wl_item *it = item_on(&k, "2024-04-01", WL_ALLOCATION_LATE);
	assert_date_equal(it->date, D("2024-03-11"));
	assert_int_equal(it->days, 3); /* Tue 12, Wed 13, Thu 14 Mar */
	assert_int_equal(it->iro, 7);

	/* 14 Mar + 3 months = 14 Jun. */
	item_on(&k, "2024-06-13", WL_ALLOCATION_LATE);
	none_on(&k, "2024-06-14", WL_ALLOCATION_LATE);
}

static void allocation_on_the_deadline_is_in_time(void **state)
{
	(void)state;
	struct kid k;
	kid_in_care(&k, "2024-03-04");
	kid_alloc(&k, 7, "2024-03-11", "2024-03-31", false);
	/* A later transfer is not the first allocation. */
	kid_alloc(&k, 8, "2024-04-01", NULL, false);
	none_on(&k, "2024-04-02", WL_ALLOCATION_LATE);
	no_item(&k, WL_ALLOCATION_MISSING);
}

/* ---- Where a child stands ----------------------------------------------- */

/* An allocation counts only within the period the child is in on as_of,
 * and only from its start to its end (both days included). */
static void status_follows_transfers_and_cover(void **state)
{
	(void)state;
	struct kid k;
	kid_in_care(&k, "2023-01-09");
	kid_alloc(&k, 7, "2023-01-10", "2023-08-01", false);
	kid_alloc(&k, 8, "2023-08-01", NULL, false);
	kid_alloc(&k, 9, "2023-09-01", "2023-09-30", true);

	struct wl_status st = kid_status(&k, "2023-01-09");
	assert_true(st.looked_after);
	assert_int_equal(st.iro, 0);
	st = kid_status(&k, "2023-07-31");
	assert_int_equal(st.iro, 7);
	/* Handed over on 1 Aug: the new IRO from that day. */
	st = kid_status(&k, "2023-08-01");
	assert_int_equal(st.iro, 8);
	assert_int_equal(st.cover_iro, 0);
	st = kid_status(&k, "2023-09-30");
	assert_int_equal(st.iro, 8);
	assert_int_equal(st.cover_iro, 9);
	st = kid_status(&k, "2023-10-01");
	assert_int_equal(st.cover_iro, 0);

	/* Every item is on the current IRO's list, with the cover beside. */
	kid_rec(&k, 900, "2023-09-01");
	const struct wl_item *it =
		item_on(&k, "2023-09-15", WL_RECOMMENDATION_OVERDUE);
	assert_int_equal(it->iro, 8);
	assert_int_equal(it->cover_iro, 9);
}

static void cover_alone_is_not_an_allocation(void **state)
{
	(void)state;
	struct kid k;
	kid_in_care(&k, "2023-01-09");
	kid_alloc(&k, 7, "2023-01-10", "2023-08-31", false);
	kid_alloc(&k, 9, "2023-09-01", "2023-09-30", true);
	const struct wl_item *it = item_on(&k, "2023-09-15", WL_ALLOCATION_MISSING);
	assert_int_equal(it->iro, 0);
	assert_int_equal(it->cover_iro, 9);
	assert_date_equal(it->date, D("2023-09-01"));
	/* A covering IRO is not "the child's current IRO". */
	no_item(&k, WL_NOT_VISITED);
}

/* spec §4: "a child is looked after at a date when a period of care started
 * on or before it and had not ended by it - a period ending on that date has
 * ended". */
static void period_ending_on_as_of_is_not_looked_after(void **state)
{
	(void)state;
	struct kid k;
	kid_standard(&k);
	k.eps[0] = EP("2023-01-09", "2023-10-20", 'S', "C2", "U4", "E4A");
	kid_rec(&k, 900, "2023-09-01");

	struct wl_status st = kid_status(&k, "2023-10-19");
	assert_true(st.looked_after);
	assert_int_equal(st.iro, 7);
	item_on(&k, "2023-10-19", WL_REVIEW_DUE);

	/* The allocation was never closed, but the child has left care. */
	st = kid_status(&k, "2023-10-20");
	assert_false(st.looked_after);
	assert_int_equal(st.iro, 0);
	assert_int_equal(kid_run(&k, "2023-10-20"), 0);

	/* Nor before the first period. */
	assert_false(kid_status(&k, "2023-01-08").looked_after);
	assert_int_equal(kid_run(&k, "2023-01-08"), 0);
}

/* spec §3: "New period of care (RNE = S after a gap): the sequence restarts
 * at review 1" - and so do the permanence count and the allocation. */
static void re_entry_starts_again(void **state)
{
	(void)state;
	struct kid k;
	kid_init(&k);
	kid_episode(&k, EP("2021-02-01", "2021-09-30", 'S', "C2", "U4", "E4A"));
	kid_episode(&k, EP("2022-01-10", NULL, 'S', "C2", "U4", ""));
	kid_held(&k, "2021-02-20");
	kid_held(&k, "2021-05-15")->permanence_recorded = true;
	kid_pending(&k, "2021-10-20"); /* never closed */
	kid_alloc(&k, 6, "2021-02-02", "2021-06-30", false);
	kid_alloc(&k, 7, "2021-07-01", NULL, false); /* never closed */

	/* Review 1 of the new period: 20 working days from Mon 10 Jan
	 * 2022 is Mon 7 Feb. The review set in the old period is not it. */
	const struct wl_item *it = item_on(&k, "2022-01-12", WL_REVIEW_DUE);
	assert_int_equal(it->sequence, 1);
	assert_date_equal(it->date, D("2022-02-07"));
	assert_date_equal(it->scheduled, DATE_NONE);
	assert_int_equal(it->ref, 0);
	/* IRO 7's allocation began in the earlier period: no IRO now, and the
	 * deadline runs from the new start, not from the old one's end. */
	assert_int_equal(kid_status(&k, "2022-01-12").iro, 0);
	it = item(&k, WL_ALLOCATION_MISSING);
	assert_date_equal(it->date, D("2022-01-17"));
	assert_int_equal(it->days, -5);
	assert_int_equal(it->iro, 0);

	/* Allocated three working days late; two reviews with no plan. */
	kid_alloc(&k, 8, "2022-01-20", NULL, false);
	kid_held(&k, "2022-02-03");
	int64_t second = kid_held(&k, "2022-05-03")->id;
	it = item_on(&k, "2022-02-01", WL_ALLOCATION_LATE);
	assert_date_equal(it->date, D("2022-01-17"));
	assert_int_equal(it->days, 3);
	assert_int_equal(it->iro, 8);
	no_item(&k, WL_ALLOCATION_MISSING);

	it = item_on(&k, "2022-05-10", WL_NO_PERMANENCE_PLAN);
	assert_int_equal(it->ref, second);
	assert_int_equal(it->days, 7);
}

/* ---- Practice alerts ---------------------------------------------------- */

/* The alert items of k on its last run. */
static size_t alert_items(const struct kid *k)
{
	return count_kind(k, WL_ALERT_CEILING_PASSED) +
	       count_kind(k, WL_ALERT_STAGE_OVERDUE) +
	       count_kind(k, WL_ALERT_RESPONSE_DUE) +
	       count_kind(k, WL_ALERT_ACTION_OVERDUE);
}

/* The child of kid_standard (IRO 7) with alert 50, raised by IRO 9 on Mon
 * 4 Mar 2024, its first stage's response due Mon 11 Mar (5 working days,
 * as dispute_stage_due gives it). */
static struct wl_alert *kid_disputed(struct kid *k)
{
	kid_standard(k);
	struct wl_alert *a = kid_alert(k, 50, 9, "2024-03-04");
	kid_stage(k, a, "2024-03-04", "2024-03-11", NULL);
	assert_date_equal(dispute_stage_due(&cal, D("2024-03-04"), 5),
			  D("2024-03-11"));
	return a;
}

/* WL_ALERT_RESPONSE_DUE: "the current stage (the last entered) has had no
 * response ... with the due date on or after as_of (a response due on
 * as_of is not yet late). date = the due date; days = due - as_of";
 * WL_ALERT_STAGE_OVERDUE: "whose due date is before as_of ... days = as_of
 * - due". "For all four, ref = the alert's id." */
static void alert_response_due_today_then_overdue(void **state)
{
	(void)state;
	struct kid k;
	kid_disputed(&k);

	const struct wl_item *it = item_on(&k, "2024-03-05",
					   WL_ALERT_RESPONSE_DUE);
	assert_date_equal(it->date, D("2024-03-11"));
	assert_int_equal(it->days, 6);

	it = item_on(&k, "2024-03-11", WL_ALERT_RESPONSE_DUE);
	assert_date_equal(it->date, D("2024-03-11"));
	assert_int_equal(it->days, 0);
	assert_int_equal(it->ref, 50);
	assert_int_equal(it->iro, 7);
	assert_int_equal(it->cover_iro, 0);
	assert_int_equal(it->scheduled, DATE_NONE);
	assert_int_equal(it->sequence, 0);
	no_item(&k, WL_ALERT_STAGE_OVERDUE);
	assert_int_equal(alert_items(&k), 1);

	/* Due yesterday. */
	it = item_on(&k, "2024-03-12", WL_ALERT_STAGE_OVERDUE);
	assert_date_equal(it->date, D("2024-03-11"));
	assert_int_equal(it->days, 1);
	assert_int_equal(it->ref, 50);
	no_item(&k, WL_ALERT_RESPONSE_DUE);
	assert_int_equal(alert_items(&k), 1);

	/* "one raised after as_of does not exist yet". */
	kid_run(&k, "2024-03-01");
	assert_int_equal(alert_items(&k), 0);
}

/* The due date is the stage's, counted in working days when it was
 * entered (dispute.h): 5 working days from Mon 25 Mar 2024 skip Good
 * Friday (29 Mar) and Easter Monday (1 Apr): Wed 3 Apr. */
static void alert_stage_due_across_easter(void **state)
{
	(void)state;
	struct kid k;
	kid_standard(&k);
	struct wl_alert *a = kid_alert(&k, 51, 9, "2024-03-25");
	int32_t due = dispute_stage_due(&cal, D("2024-03-25"), 5);
	assert_date_equal(due, D("2024-04-03"));
	kid_stage(&k, a, "2024-03-25", "2024-04-03", NULL);

	/* Calendar days to go, through the bank holidays. */
	const struct wl_item *it = item_on(&k, "2024-03-28",
					   WL_ALERT_RESPONSE_DUE);
	assert_int_equal(it->days, 6);
	it = item_on(&k, "2024-04-03", WL_ALERT_RESPONSE_DUE);
	assert_int_equal(it->days, 0);
	it = item_on(&k, "2024-04-04", WL_ALERT_STAGE_OVERDUE);
	assert_date_equal(it->date, D("2024-04-03"));
	assert_int_equal(it->days, 1);

	/* "A stage with no due date makes no stage item (the ceiling still
	 * applies)." */
	k.stages[0][0].due = DATE_NONE;
	kid_run(&k, "2024-04-04");
	assert_int_equal(alert_items(&k), 0);
	it = item_on(&k, "2024-04-25", WL_ALERT_CEILING_PASSED);
	assert_date_equal(it->date, D("2024-04-24"));
}

/* WL_ALERT_CEILING_PASSED: "more than its ladder's ceiling_wd (normally
 * 20) working days since it was raised. date = the clock's ceiling_date
 * (the last day within the ceiling); days = working days past it ... It
 * replaces the alert's stage item: one item per alert, the most serious." */
static void alert_ceiling_passed_replaces_the_stage_item(void **state)
{
	(void)state;
	struct kid k;
	kid_standard(&k);
	/* Raised Mon 25 Mar 2024: 20 working days (Easter skipped) end Wed
	 * 24 Apr. */
	struct wl_alert *a = kid_alert(&k, 52, 9, "2024-03-25");
	kid_stage(&k, a, "2024-03-25", "2024-04-03", "2024-04-05");
	kid_stage(&k, a, "2024-04-15", "2024-04-22", NULL);

	const struct wl_item *it = item_on(&k, "2024-04-24",
					   WL_ALERT_STAGE_OVERDUE);
	assert_date_equal(it->date, D("2024-04-22"));
	assert_int_equal(it->days, 2);
	no_item(&k, WL_ALERT_CEILING_PASSED);

	it = item_on(&k, "2024-04-25", WL_ALERT_CEILING_PASSED);
	assert_date_equal(it->date, D("2024-04-24"));
	assert_int_equal(it->days, 1);
	assert_int_equal(it->ref, 52);
	assert_int_equal(it->iro, 7);
	assert_int_equal(alert_items(&k), 1);

	/* Working days past: 25, 26, 29, 30 Apr, 1-3 May, not the Early May
	 * bank holiday (Mon 6 May), 7 May. */
	it = item_on(&k, "2024-05-07", WL_ALERT_CEILING_PASSED);
	assert_int_equal(it->days, 8);

	/* The ladder's own ceiling. */
	a->ceiling_wd = 10;
	it = item_on(&k, "2024-04-11", WL_ALERT_CEILING_PASSED);
	assert_date_equal(it->date, D("2024-04-10"));
	assert_int_equal(it->days, 1);
}

/* "whose current stage (the last entered) has had no response": one
 * answered makes no item; a response after as_of had not come on as_of. */
static void alert_responded_stage_gives_no_item(void **state)
{
	(void)state;
	struct kid k;
	kid_disputed(&k);
	k.stages[0][0].responded = D("2024-03-08");
	kid_run(&k, "2024-03-08");
	assert_int_equal(alert_items(&k), 0);
	kid_run(&k, "2024-03-12");
	assert_int_equal(alert_items(&k), 0);

	k.stages[0][0].responded = D("2024-03-13");
	const struct wl_item *it = item_on(&k, "2024-03-12",
					   WL_ALERT_STAGE_OVERDUE);
	assert_int_equal(it->days, 1);
}

/* "stages entered ... after as_of have not happened yet": the current
 * stage on as_of is the last entered by then. */
static void alert_stage_entered_after_as_of_not_counted(void **state)
{
	(void)state;
	struct kid k;
	struct wl_alert *a = kid_disputed(&k);
	k.stages[0][0].responded = D("2024-03-08");
	kid_stage(&k, a, "2024-03-14", "2024-03-21", NULL);

	kid_run(&k, "2024-03-13");
	assert_int_equal(alert_items(&k), 0);
	const struct wl_item *it = item_on(&k, "2024-03-14",
					   WL_ALERT_RESPONSE_DUE);
	assert_date_equal(it->date, D("2024-03-21"));
	assert_int_equal(it->days, 7);
}

/* WL_ALERT_ACTION_OVERDUE: "an action of a dispute (open, resolved or
 * referred: its actions may still be done; a withdrawn alert's lapse with
 * it) due before as_of and not done on or before it. date = its due date; days = as_of - due. One item per
 * action." A closed alert has no stage item; a closure after as_of had not
 * happened on as_of. */
static void alert_closed_only_its_actions_overdue(void **state)
{
	(void)state;
	struct kid k;
	struct wl_alert *a = kid_disputed(&k);
	a->status = ALERT_RESOLVED;
	a->closed = D("2024-03-15");
	kid_action(&k, a, "2024-03-14", NULL);
	kid_action(&k, a, "2024-03-14", "2024-03-20");
	kid_action(&k, a, NULL, NULL);          /* no due date */
	kid_action(&k, a, "2024-03-18", NULL);  /* due on as_of: not yet */

	kid_run(&k, "2024-03-18");
	assert_int_equal(count_kind(&k, WL_ALERT_ACTION_OVERDUE), 2);
	assert_int_equal(alert_items(&k), 2);
	for (size_t i = 0; i < k.nitems; i++) {
		const struct wl_item *it = &k.items[i];
		if (it->kind != WL_ALERT_ACTION_OVERDUE)
			continue;
		assert_date_equal(it->date, D("2024-03-14"));
		assert_int_equal(it->days, 4);
		assert_int_equal(it->ref, 50);
		assert_int_equal(it->iro, 7);
	}

	/* Before it closed: the stage was overdue, no action yet. */
	const struct wl_item *it = item_on(&k, "2024-03-13",
					   WL_ALERT_STAGE_OVERDUE);
	assert_int_equal(it->days, 2);
	assert_int_equal(alert_items(&k), 1);

	/* Withdrawn instead: its actions lapsed with it on 15 Mar. */
	a->status = ALERT_WITHDRAWN;
	kid_run(&k, "2024-03-18");
	assert_int_equal(alert_items(&k), 0);
	kid_run(&k, "2024-03-15");
	assert_int_equal(alert_items(&k), 0);
	/* before the withdrawal it was open, its actions running */
	kid_run(&k, "2024-03-14");
	assert_int_equal(count_kind(&k, WL_ALERT_ACTION_OVERDUE), 0);
}

/* "not done on or before it": an action done on as_of is not overdue. */
static void alert_action_done_on_as_of_gives_none(void **state)
{
	(void)state;
	struct kid k;
	struct wl_alert *a = kid_disputed(&k);
	k.stages[0][0].responded = D("2024-03-08");
	kid_action(&k, a, "2024-03-14", "2024-03-20");
	kid_run(&k, "2024-03-20");
	assert_int_equal(alert_items(&k), 0);
	const struct wl_item *it = item_on(&k, "2024-03-19",
					   WL_ALERT_ACTION_OVERDUE);
	assert_int_equal(it->days, 5);
}

/* "an alert's items, when the child has no current IRO (not looked after
 * any more, or unallocated), [go] to the IRO who raised it"; alerts are
 * listed whether or not the child is still looked after. */
static void alert_for_the_raiser_when_no_current_iro(void **state)
{
	(void)state;
	struct kid k;
	kid_init(&k);
	kid_episode(&k, EP("2023-01-09", "2024-03-15", 'S', "C2", "U4",
			   "E4A"));
	kid_alloc(&k, 7, "2023-01-10", NULL, false);
	kid_alloc(&k, 8, "2024-03-04", "2024-03-22", true);
	struct wl_alert *a = kid_alert(&k, 53, 9, "2024-03-04");
	kid_stage(&k, a, "2024-03-04", "2024-03-11", NULL);

	/* Looked after: the current IRO's, the cover beside. */
	const struct wl_item *it = item_on(&k, "2024-03-12",
					   WL_ALERT_STAGE_OVERDUE);
	assert_int_equal(it->iro, 7);
	assert_int_equal(it->cover_iro, 8);

	/* Left care on 15 Mar: the raiser's, and never lost. */
	assert_int_equal(kid_run(&k, "2024-03-18"), 1);
	it = item(&k, WL_ALERT_STAGE_OVERDUE);
	assert_int_equal(it->iro, 9);
	assert_int_equal(it->cover_iro, 0);
	it = item_on(&k, "2025-06-02", WL_ALERT_CEILING_PASSED);
	assert_int_equal(it->iro, 9);

	/* Looked after with no IRO allocated. */
	k.allocs[0].start = D("2024-03-25");
	it = item_on(&k, "2024-03-12", WL_ALERT_STAGE_OVERDUE);
	assert_int_equal(it->iro, 9);
	assert_int_equal(it->cover_iro, 8);
	item(&k, WL_ALLOCATION_MISSING);
}

/* "Good-practice alerts make none." */
static void alert_good_practice_gives_nothing(void **state)
{
	(void)state;
	struct kid k;
	kid_standard(&k);
	struct wl_alert *a = kid_alert(&k, 54, 9, "2024-03-04");
	a->kind = ALERT_GOOD_PRACTICE;
	kid_action(&k, a, "2024-03-05", NULL);
	kid_run(&k, "2024-06-03");
	assert_int_equal(alert_items(&k), 0);

	/* The same as a dispute: past its ceiling, its action overdue. */
	a->kind = ALERT_FORMAL;
	kid_run(&k, "2024-06-03");
	item(&k, WL_ALERT_CEILING_PASSED);
	item(&k, WL_ALERT_ACTION_OVERDUE);
}

/* ---- The output array --------------------------------------------------- */

/* "returns how many there are (which may exceed cap: then only cap were
 * written)". */
static void items_beyond_cap_are_counted_not_written(void **state)
{
	(void)state;
	struct kid k;
	kid_in_care(&k, "2024-03-04");
	kid_held(&k, "2024-03-20")->minutes_sent = DATE_NONE;
	kid_held(&k, "2024-03-27")->minutes_sent = DATE_NONE;
	kid_rec(&k, 900, "2024-04-01");
	kid_rec(&k, 901, "2024-04-02");
	size_t n = kid_run(&k, "2024-04-15");
	/* Minutes x2, recommendations x2, no permanence plan, no IRO. */
	assert_int_equal(n, 6);

	struct wl_item out[3];
	memset(out, 0xa5, sizeof out);
	unsigned char fill[sizeof out[2]];
	memset(fill, 0xa5, sizeof fill);
	assert_int_equal(wl_child_items(&cal, &k.s, &k.c, out, 2), n);
	for (size_t i = 0; i < 2; i++) {
		assert_int_equal(out[i].kind, k.items[i].kind);
		assert_int_equal(out[i].ref, k.items[i].ref);
		assert_date_equal(out[i].date, k.items[i].date);
		assert_int_equal(out[i].days, k.items[i].days);
	}
	assert_memory_equal(&out[2], fill, sizeof fill);
	assert_int_equal(wl_child_items(&cal, &k.s, &k.c, NULL, 0), n);
}

/* ---- Settings, names, caseloads ----------------------------------------- */

static void default_settings(void **state)
{
	(void)state;
	struct wl_settings s;
	wl_settings_default(&s, D("2024-04-01"));
	assert_date_equal(s.as_of, D("2024-04-01"));
	assert_int_equal(s.within_days, 28);
	assert_int_equal(s.visit_days, 42);
	assert_int_equal(s.minutes_wd, 20);
	assert_int_equal(s.minutes_lookback_days, 183);
	assert_int_equal(s.alloc_wd, 5);
	assert_int_equal(s.new_months, 3);
}

static void kind_names(void **state)
{
	(void)state;
	assert_string_equal(wl_kind_name(WL_REVIEW_OVERDUE), "review overdue");
	assert_string_equal(wl_kind_name(WL_REVIEW_DUE), "review due");
	assert_string_equal(wl_kind_name(WL_NOT_VISITED), "not visited");
	assert_string_equal(wl_kind_name(WL_NO_CONTACT),
			    "no visit before review");
	assert_string_equal(wl_kind_name(WL_MINUTES_LATE), "minutes late");
	assert_string_equal(wl_kind_name(WL_MINUTES_DUE), "minutes due");
	assert_string_equal(wl_kind_name(WL_RECOMMENDATION_OVERDUE),
			    "recommendation overdue");
	assert_string_equal(wl_kind_name(WL_NO_PERMANENCE_PLAN),
			    "no permanence plan");
	assert_string_equal(wl_kind_name(WL_ALLOCATION_MISSING),
			    "no IRO allocated");
	assert_string_equal(wl_kind_name(WL_ALLOCATION_LATE),
			    "allocation late");
	assert_string_equal(wl_kind_name(WL_ALERT_CEILING_PASSED),
			    "alert past ceiling");
	assert_string_equal(wl_kind_name(WL_ALERT_STAGE_OVERDUE),
			    "alert stage overdue");
	assert_string_equal(wl_kind_name(WL_ALERT_RESPONSE_DUE),
			    "alert response due");
	assert_string_equal(wl_kind_name(WL_ALERT_ACTION_OVERDUE),
			    "alert action overdue");
	assert_string_equal(wl_kind_name(WL_KIND_COUNT), "?");
}

/* "The IRO's FTE on day (the latest entry from on or before it; 1.0 with no
 * entry on or before it); 0 when not in post that day." */
static void fte_on_a_day(void **state)
{
	(void)state;
	const struct wl_fte f[] = {
		{ D("2023-06-01"), 0.5 },
		{ D("2024-01-01"), 0.8 },
	};
	struct wl_iro iro = { 7, D("2023-01-02"), D("2024-12-31"), f, 2 };
	assert_true(wl_fte_on(&iro, D("2023-01-01")) == 0.0);
	assert_true(wl_fte_on(&iro, D("2023-01-02")) == 1.0);
	assert_true(wl_fte_on(&iro, D("2023-05-31")) == 1.0);
	assert_true(wl_fte_on(&iro, D("2023-06-01")) == 0.5);
	assert_true(wl_fte_on(&iro, D("2023-12-31")) == 0.5);
	assert_true(wl_fte_on(&iro, D("2024-01-01")) == 0.8);
	assert_true(wl_fte_on(&iro, D("2024-12-31")) == 0.8);
	assert_true(wl_fte_on(&iro, D("2025-01-01")) == 0.0);
	/* Still in post, no FTE recorded: full time. */
	struct wl_iro open = { 8, D("2023-01-02"), DATE_NONE, NULL, 0 };
	assert_true(wl_fte_on(&open, D("2030-01-01")) == 1.0);
}

/* "Children per FTE against 50-70: below, within (both ends in), above. A
 * caseload with no FTE (not in post) is above if it has any children." */
static void caseload_bands(void **state)
{
	(void)state;
	assert_int_equal(caseload_band(49, 1.0), CASELOAD_BELOW);
	assert_int_equal(caseload_band(50, 1.0), CASELOAD_WITHIN);
	assert_int_equal(caseload_band(70, 1.0), CASELOAD_WITHIN);
	assert_int_equal(caseload_band(71, 1.0), CASELOAD_ABOVE);
	assert_int_equal(caseload_band(35, 0.5), CASELOAD_WITHIN);
	assert_int_equal(caseload_band(36, 0.5), CASELOAD_ABOVE);
	/* 14 / 0.28 is 49.999... in binary floating point: still 50. */
	assert_int_equal(caseload_band(14, 0.28), CASELOAD_WITHIN);
	assert_int_equal(caseload_band(13, 0.28), CASELOAD_BELOW);
	/* Not in post. */
	assert_int_equal(caseload_band(1, 0.0), CASELOAD_ABOVE);
	assert_int_equal(caseload_band(0, 0.0), CASELOAD_WITHIN);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(review_due_within_28_days_then_overdue),
		cmocka_unit_test(review_scheduled_date_is_the_earliest_pending_review),
		cmocka_unit_test(short_break_reviews_are_listed),
		cmocka_unit_test(no_visit_in_the_six_weeks_before_the_review),
		cmocka_unit_test(a_visit_by_any_iro_counts_before_a_review),
		cmocka_unit_test(the_review_date_is_the_date_it_is_set_for),
		cmocka_unit_test(a_new_iro_has_not_seen_the_child),
		cmocka_unit_test(contacts_before_wl_contacts_from_never_count),
		cmocka_unit_test(minutes_due_then_late_over_christmas),
		cmocka_unit_test(minutes_deadline_over_easter),
		cmocka_unit_test(minutes_sent_not_from_iro_or_long_ago),
		cmocka_unit_test(minutes_after_the_child_leaves_care),
		cmocka_unit_test(recommendations_overdue_after_their_due_date),
		cmocka_unit_test(no_permanence_plan_by_the_second_review),
		cmocka_unit_test(no_permanence_item_for_short_breaks),
		cmocka_unit_test(no_iro_allocated_within_5_working_days),
		cmocka_unit_test(allocation_deadline_over_easter),
		cmocka_unit_test(gap_after_an_allocation_ends),
		cmocka_unit_test(first_allocation_late),
		cmocka_unit_test(allocation_on_the_deadline_is_in_time),
		cmocka_unit_test(status_follows_transfers_and_cover),
		cmocka_unit_test(cover_alone_is_not_an_allocation),
		cmocka_unit_test(period_ending_on_as_of_is_not_looked_after),
		cmocka_unit_test(re_entry_starts_again),
		cmocka_unit_test(alert_response_due_today_then_overdue),
		cmocka_unit_test(alert_stage_due_across_easter),
		cmocka_unit_test(alert_ceiling_passed_replaces_the_stage_item),
		cmocka_unit_test(alert_responded_stage_gives_no_item),
		cmocka_unit_test(alert_stage_entered_after_as_of_not_counted),
		cmocka_unit_test(alert_closed_only_its_actions_overdue),
		cmocka_unit_test(alert_action_done_on_as_of_gives_none),
		cmocka_unit_test(alert_for_the_raiser_when_no_current_iro),
		cmocka_unit_test(alert_good_practice_gives_nothing),
		cmocka_unit_test(items_beyond_cap_are_counted_not_written),
		cmocka_unit_test(default_settings),
		cmocka_unit_test(kind_names),
		cmocka_unit_test(fte_on_a_day),
		cmocka_unit_test(caseload_bands),
	};
	return RUN_GROUP(tests, cal_setup, cal_teardown);
}
