/*
 * worklist.h - what needs doing, for an IRO or the whole service, on a
 * date (issue 3; spec §3, §5 "my worklist"), and each IRO's caseload.
 *
 * The store hands over one child at a time (struct wl_child: periods of
 * care, reviews, allocations, contacts, open recommendations, practice
 * alerts with their stages and actions); wl_child_items says what that
 * child needs and whose list it belongs on. The caller keeps the items it
 * wants (one IRO's, or all) and counts caseloads with wl_child_status.
 *
 * A child's current IRO is its current non-cover allocation: one that
 * started on or before as_of and ends on or after it (both days in), and
 * that started in the period of care the child is in on as_of (on or after
 * its start). An allocation left open when the child left care, or made in
 * an earlier period, counts for nobody; a child not looked after has no
 * current IRO. On a handover day (one allocation ends as the next starts)
 * the one that started last is current. Cover allocations the same way.
 *
 * The items, each with the rule it applies:
 *
 *  WL_REVIEW_OVERDUE, WL_REVIEW_DUE - the child's next statutory review
 *    (sched_next_review on as_of) is overdue (due < as_of, spec §3) or due
 *    within `within_days` calendar days (due <= as_of + within_days).
 *    `scheduled` is the date the upcoming review is set for, if one is:
 *    the earliest WL_PENDING review that counts for the schedule, set on
 *    or after the last review held in the period (or the period's start
 *    when none has been held); ref = its id, else 0. sequence = the next
 *    review's number in the period. days = as_of - due when overdue, else
 *    due - as_of.
 *  WL_NOT_VISITED - the child's current IRO was allocated within the last
 *    `new_months` months and has not seen the child since (no contact of
 *    kind visit, virtual or declined by that IRO on or after the
 *    allocation's start; contacts after as_of have not happened yet).
 *    date = the allocation's start; days = as_of - date. A cover IRO is
 *    never the child's current IRO.
 *  WL_NO_CONTACT - the next review (its scheduled date, else its due date)
 *    falls in [as_of, as_of + visit_days], and the child has not been seen
 *    (visit, virtual or declined, by any IRO) in the visit_days (42) days
 *    before it, up to as_of (spec §3: "the child is seen (or declines)
 *    within 6 weeks (42 days) before the review"). date = the review date;
 *    days = date - as_of; ref, scheduled and sequence as for the review.
 *  WL_MINUTES_LATE, WL_MINUTES_DUE - a review recorded in iro (source iro)
 *    held on or before as_of, within the last `minutes_lookback_days`
 *    days, with no minutes / letter sent: the deadline is `minutes_wd`
 *    working days after the held date (spec §3, day 0 = the held date);
 *    late when the deadline < as_of. date = the deadline. Listed for the
 *    review's chair (else the current IRO), whether or not the child is
 *    still looked after. Minutes sent after as_of were not sent on as_of.
 *    days = as_of - deadline when late, else deadline - as_of; ref = the
 *    review's id.
 *  WL_RECOMMENDATION_OVERDUE - an open recommendation whose due date is
 *    before as_of. date = its due date; days = as_of - date; ref = its id.
 *  WL_NO_PERMANENCE_PLAN - in the period of care the child is in on as_of
 *    (not a short-break period), two or more looked-after reviews have
 *    been held by as_of and none of those reviews recorded a permanence
 *    plan (set, and not "not recorded"; a plan recorded at a review of
 *    another kind does not count). date = the second review's held date
 *    (of two held the same day, the one given first counts first); days =
 *    as_of - date; ref = that review's id. A new period of care starts the
 *    count again.
 *  WL_ALLOCATION_MISSING - the child is looked after on as_of and has no
 *    current (non-cover) allocation. date = the deadline for the period's
 *    first allocation, `alloc_wd` working days after its start (day 0 =
 *    the start; landscape.md §2 ask 7: "appoint an IRO within 5"); if the
 *    child had an IRO earlier in the period, date = the day after that
 *    allocation ended (the latest to end). days = as_of - date, which is
 *    negative while the deadline is still ahead (due in -days), 0 on the
 *    deadline, and then the days late or without an IRO.
 *  WL_ALLOCATION_LATE - the period's first allocation started after that
 *    deadline, within the last `new_months` months. date = the deadline;
 *    days = working days late (cal_workdays_between the deadline and the
 *    start). The first allocation is the earliest non-cover one to start
 *    in the period by as_of; cover does not make it in time.
 *
 * Practice alerts (issue 4: "alerts past their stage deadline, past the
 * ceiling, and actions overdue appear in the IRO's and the manager's
 * worklists"; spec §5 "alerts at deadline"), each alert taken as it stood
 * on as_of: one raised after as_of does not exist yet, and stages entered,
 * responses given and a closure after as_of have not happened yet. The
 * clock is dispute_clock's (dispute.h). Good-practice alerts make none.
 *
 *  WL_ALERT_CEILING_PASSED - an open dispute (informal or formal) whose
 *    clock is ALERT_CEILING_PASSED: more than its ladder's ceiling_wd
 *    (normally 20) working days since it was raised. date = the clock's
 *    ceiling_date (the last day within the ceiling); days = working days
 *    past it (the clock's days_late). It replaces the alert's stage item:
 *    one item per alert, the most serious.
 *  WL_ALERT_STAGE_OVERDUE - an open dispute within its ceiling whose
 *    current stage (the last entered) has had no response and whose due
 *    date (alert_stage.due) is before as_of. date = the due date; days =
 *    as_of - due.
 *  WL_ALERT_RESPONSE_DUE - the same with the due date on or after as_of (a
 *    response due on as_of is not yet late). date = the due date; days =
 *    due - as_of. A stage with no due date makes no stage item (the
 *    ceiling still applies).
 *  WL_ALERT_ACTION_OVERDUE - an action of a dispute (open, resolved or
 *    referred: its actions may still be done; a withdrawn alert's lapse
 *    with it, dispute.h) due before as_of and not
 *    done on or before it. date = its due date; days = as_of - due. One
 *    item per action.
 *  For all four, ref = the alert's id.
 *
 * Every item is on the current IRO's list (iro), with any current cover
 * IRO beside it (cover_iro); minutes go to the review's chair first, and
 * an alert's items, when the child has no current IRO (not looked after
 * any more, or unallocated), to the IRO who raised it, so that an open
 * dispute is never lost from every list. A date the calendar cannot give
 * (beyond CAL_LAST_YEAR) makes no item.
 *
 * Except for minutes and alerts, items are only for children looked after
 * on as_of (spec §4's definition: a period started on or before as_of and
 * not ended by it). Pure: no I/O; the caller owns every array.
 */
#ifndef IRO_WORKLIST_H
#define IRO_WORKLIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"
#include "core/dispute.h"
#include "core/period.h"

struct wl_settings {
	int32_t as_of;
	int within_days;           /* reviews due within: 28 */
	int visit_days;            /* before a review: 42 */
	int minutes_wd;            /* minutes deadline: 20 working days */
	int minutes_lookback_days; /* held within: 183 */
	int alloc_wd;              /* allocation deadline: 5 working days */
	int new_months;            /* "new to a caseload": 3 */
};

/* The defaults above, for as_of. */
void wl_settings_default(struct wl_settings *s, int32_t as_of);

/* The earliest day a contact can count on as_of (for a visit since a new
 * allocation, or in the visit_days before a review): as_of - visit_days,
 * or new_months months of 31 days and a day before as_of, whichever is
 * earlier. A caller may leave out the contacts before it. */
int32_t wl_contacts_from(const struct wl_settings *s);

struct wl_alloc {
	int64_t iro;
	int32_t start;
	int32_t end;  /* last day; DATE_NONE while open */
	bool cover;
};

enum wl_review_state { WL_HELD, WL_PENDING /* scheduled, rearranged or
					      adjourned */, WL_CLOSED /* stood
					      down or cancelled */ };

struct wl_review {
	int64_t id;
	enum wl_review_state state;
	bool looked_after_kind;   /* kind looked_after (not pathway plan,
				   * short break or adoption) */
	bool counts_for_schedule; /* any kind but pathway_plan */
	bool from_iro;            /* source iro (not an SSDA903 import) */
	int32_t held;             /* WL_HELD */
	int32_t scheduled;        /* WL_PENDING: the date set */
	int32_t minutes_sent;     /* DATE_NONE when not sent */
	bool permanence_recorded; /* a plan other than "not recorded" */
	int64_t chair;            /* IRO id, 0 if none */
};

struct wl_contact {
	int64_t iro;
	int32_t date;
	bool seen; /* visit, virtual or declined (not phone) */
};

struct wl_recommendation {
	int64_t id;
	int32_t due; /* DATE_NONE: no due date */
};

struct wl_action {
	int32_t due;  /* DATE_NONE: no due date */
	int32_t done; /* DATE_NONE until done */
};

/* A practice alert as its clock sees it (dispute.h), with its actions. */
struct wl_alert {
	int64_t id;
	int64_t iro;              /* the IRO who raised it */
	enum alert_kind kind;
	enum alert_status status;
	int32_t raised;
	int32_t closed;           /* DATE_NONE while open */
	const struct alert_stage *stages; /* in the order entered */
	size_t nstages;
	int ceiling_wd;           /* its ladder's ceiling */
	/* Those not due before as_of, or done by it, may be left out. */
	const struct wl_action *actions;
	size_t nactions;
};

struct wl_child {
	int64_t id;
	const struct period *periods; /* from period_build */
	size_t nperiods;
	/* Held reviews that count for the schedule, sorted, as
	 * sched_next_review wants them. */
	const int32_t *held;
	size_t nheld;
	const struct wl_review *reviews; /* every review, any order */
	size_t nreviews;
	const struct wl_alloc *allocs;   /* sorted by start */
	size_t nallocs;
	/* Sorted by date; those before wl_contacts_from may be left out. */
	const struct wl_contact *contacts;
	size_t ncontacts;
	/* Open ones; those not due before as_of may be left out. */
	const struct wl_recommendation *recs;
	size_t nrecs;
	/* The child's alerts; those that can make no item on as_of (good
	 * practice, closed by as_of with no action overdue) may be left
	 * out. */
	const struct wl_alert *alerts;
	size_t nalerts;
};

enum wl_kind {
	WL_REVIEW_OVERDUE,
	WL_REVIEW_DUE,
	WL_NOT_VISITED,
	WL_NO_CONTACT,
	WL_MINUTES_LATE,
	WL_MINUTES_DUE,
	WL_RECOMMENDATION_OVERDUE,
	WL_NO_PERMANENCE_PLAN,
	WL_ALLOCATION_MISSING,
	WL_ALLOCATION_LATE,
	WL_ALERT_CEILING_PASSED,
	WL_ALERT_STAGE_OVERDUE,
	WL_ALERT_RESPONSE_DUE,
	WL_ALERT_ACTION_OVERDUE,
	WL_KIND_COUNT
};

/* "review overdue", ... : the words the worklist prints; "?" for a value
 * out of range. */
const char *wl_kind_name(enum wl_kind k);
/* The kind wl_kind_name calls `name`, or -1. */
int wl_kind_parse(const char *name);

struct wl_item {
	enum wl_kind kind;
	int64_t iro;       /* whose list: the current IRO (minutes: the
			    * chair; alerts: else the raiser); 0 = the
			    * service's (a manager's) */
	int64_t cover_iro; /* an IRO covering on as_of, or 0 */
	int32_t date;      /* the date the item is about (see above) */
	int days;          /* overdue / late by (> 0), due in (>= 0);
			    * WL_ALLOCATION_MISSING: as_of - date, < 0
			    * while the deadline is ahead */
	int64_t ref;       /* the review, recommendation or alert id, or
			    * 0 */
	int32_t scheduled; /* WL_REVIEW_*, WL_NO_CONTACT: the date set, or
			    * DATE_NONE */
	int sequence;      /* WL_REVIEW_*, WL_NO_CONTACT: the review's number
			    * in the period; 0 for other kinds */
};

/* Where a child stands on as_of, for caseloads. */
struct wl_status {
	bool looked_after;
	int64_t iro;       /* current non-cover allocation's IRO, or 0 */
	int64_t cover_iro; /* a current cover allocation's IRO, or 0 */
};

void wl_child_status(const struct wl_child *c, int32_t as_of,
		     struct wl_status *out);

/* The items a child can have besides one per review (minutes), one per
 * recommendation, one per alert (its stage or ceiling) and one per alert
 * action: a review due or overdue, no visit before it, not visited, no
 * permanence plan, no IRO allocated, allocation late. */
#define WL_CHILD_MAX_ITEMS 6

/* Writes the child's items to out (at most cap; a child has at most
 * WL_CHILD_MAX_ITEMS plus one per review, recommendation, alert and alert
 * action) and returns
 * how many there are (which may exceed cap: then only cap were written;
 * out may be NULL when cap is 0). The items come in no particular order:
 * the caller sorts. */
size_t wl_child_items(const struct calendar *cal, const struct wl_settings *s,
		      const struct wl_child *c, struct wl_item *out,
		      size_t cap);

/* ---- Caseloads ---------------------------------------------------------- */

struct wl_fte {
	int32_t from;
	double fte;
};

struct wl_iro {
	int64_t id;
	int32_t start, end;       /* in post; end DATE_NONE while in post */
	const struct wl_fte *fte; /* sorted by from; none: 1.0 */
	size_t nfte;
};

/* The IRO's FTE on day (the latest entry from on or before it; 1.0 with no
 * entry on or before it); 0 when not in post that day. */
double wl_fte_on(const struct wl_iro *iro, int32_t day);

/* The IRO Handbook's range for a full-time IRO (spec §4). */
#define CASELOAD_LOW 50
#define CASELOAD_HIGH 70

enum caseload_band { CASELOAD_BELOW, CASELOAD_WITHIN, CASELOAD_ABOVE };

/* Children per FTE against 50-70: below, within (both ends in), above;
 * a figure within 1e-9 of a bound is on it (14 / 0.28 is 49.999... in
 * floating point). A caseload with no FTE (not in post; fte <= 0 or NaN) is
 * above if it has any children, and within if it has none: nothing to
 * flag, and "below" would offer room that is not there. */
enum caseload_band caseload_band(long children, double fte);

#endif
