/*
 * review.c - a review's own rules: its status history and the fields that
 * go with each status (spec §2: "status history (scheduled -> rearranged
 * (with who asked and why) -> held | stood down | cancelled | adjourned)").
 *
 * The history is the record of what happened; `status`, `original`,
 * `scheduled` and `held` summarise it and must agree with it, so that a
 * report counting rearrangements and one counting held dates read the same
 * review.
 */
#include "lib/common.h"
#include "core/date.h"
#include "core/record.h"
#include "core/review.h"

static bool is(const struct value *v, const char *code)
{
	return v->set && strcmp(v->s, code) == 0;
}

/* "FIELD "have": <says> <date>" */
static void date_problem(struct problems *p, const char *field,
			 const struct value *v, const char *says, int32_t d)
{
	char have[DATE_ISO_LEN + 1] = "", want[DATE_ISO_LEN + 1];
	if (v->set)
		date_format_iso((int32_t)v->i, have);
	date_format_iso(d, want);
	problem_add(p, false, NULL, 0, field, have, "%s %s", says, want);
}

bool review_status_final(const char *status)
{
	return strcmp(status, "held") == 0 ||
	       strcmp(status, "stood_down") == 0 ||
	       strcmp(status, "cancelled") == 0;
}

/* Which status may follow which: a review is scheduled (or recorded as
 * held after the event), may be rearranged or adjourned any number of
 * times, and ends held, stood down or cancelled. */
static bool may_follow(const char *prev, const char *next)
{
	if (!prev)
		return strcmp(next, "scheduled") == 0 ||
		       strcmp(next, "held") == 0;
	if (review_status_final(prev))
		return false;
	return strcmp(next, "scheduled") != 0;
}

static void check_history(const struct record *r, struct problems *p)
{
	const struct record_list *h = &r->lists[0];
	if (h->count == 0)
		return;
	int32_t original = DATE_NONE, scheduled = DATE_NONE, held = DATE_NONE;
	const char *prev = NULL;
	for (size_t i = 0; i < h->count; i++) {
		const struct record *e = &h->items[i];
		const char *st = record_get(e, "status")->s;
		const struct value *d = record_get(e, "date");
		if (!st)
			continue; /* reported as a missing field */
		if (!may_follow(prev, st))
			problem_add(p, false, NULL, 0, "history", st,
				    prev ? "cannot follow %s" : "%s",
				    prev ? prev
					 : "a review's history starts scheduled "
					   "(or held, recorded afterwards)");
		bool moves = strcmp(st, "scheduled") == 0 ||
			     strcmp(st, "rearranged") == 0;
		if ((moves || strcmp(st, "held") == 0) && !d->set)
			problem_add(p, false, NULL, 0, "history", st,
				    "needs the date it was %s for",
				    moves ? "set" : "held");
		if (record_get(e, "requested_by")->set &&
		    (strcmp(st, "scheduled") == 0 || strcmp(st, "held") == 0))
			problem_add(p, false, NULL, 0, "requested_by", st,
				    "is for a review rearranged, adjourned, "
				    "stood down or cancelled");
		if (moves && d->set) {
			if (original == DATE_NONE)
				original = (int32_t)d->i;
			scheduled = (int32_t)d->i;
		}
		if (strcmp(st, "held") == 0 && d->set)
			held = (int32_t)d->i;
		prev = st;
	}
	const struct value *status = record_get(r, "status");
	if (prev && status->set && strcmp(prev, status->s) != 0)
		problem_add(p, false, NULL, 0, "status", status->s,
			    "the history ends %s", prev);
	const struct value *o = record_get(r, "original"), *s = record_get(r, "scheduled"),
			   *hd = record_get(r, "held");
	if (original != DATE_NONE && (!o->set || o->i != original))
		date_problem(p, "original", o,
			     "the history first schedules it for", original);
	if (scheduled != DATE_NONE && (!s->set || s->i != scheduled))
		date_problem(p, "scheduled", s,
			     "the history last sets it for", scheduled);
	if (held != DATE_NONE && (!hd->set || hd->i != held))
		date_problem(p, "held", hd, "the history says it was held on",
			     held);
}

void review_check(const struct record *r, struct problems *p)
{
	const struct value *status = record_get(r, "status"), *held = record_get(r, "held");
	bool is_held = is(status, "held");
	if (is_held && !held->set)
		problem_add(p, false, NULL, 0, "held", NULL,
			    "the date is needed for a review held");
	if (!is_held && held->set)
		problem_add(p, false, NULL, 0, "held", NULL,
			    "is only for a review held (status is %s)",
			    status->set ? status->s : "not given");
	static const char *const HELD_ONLY[] = { "participation",
						 "minutes_sent" };
	for (size_t i = 0; i < ARRAY_LEN(HELD_ONLY); i++)
		if (!is_held && record_get(r, HELD_ONLY[i])->set)
			problem_add(p, false, NULL, 0, HELD_ONLY[i], NULL,
				    "is only for a review held");
	const struct value *sw = record_get(r, "sw_attended");
	if (record_get(r, "sw_attended_role")->set && !(sw->set && sw->i))
		problem_add(p, false, NULL, 0, "sw_attended_role", NULL,
			    "is only for a review the social worker (or "
			    "someone for them) attended");
	const struct value *minutes = record_get(r, "minutes_sent");
	if (minutes->set && held->set && minutes->i < held->i)
		date_problem(p, "minutes_sent", minutes,
			     "is before the review was held on",
			     (int32_t)held->i);
	if (!review_status_final(status->set ? status->s : "held") &&
	    !record_get(r, "scheduled")->set)
		problem_add(p, false, NULL, 0, "scheduled", NULL,
			    "a review %s needs the date it is set for",
			    status->s);
	check_history(r, p);
}

static int add_entry(struct record *r, const char *status, int32_t date,
		     const char *at, const char *by)
{
	struct record *e = record_list_add(r, 0);
	if (!e)
		return -1;
	int rc = record_set_text(e, (size_t)kind_field(e->kind, "status"),
				 status);
	if (date != DATE_NONE)
		record_set_int(e, (size_t)kind_field(e->kind, "date"), date);
	rc |= record_set_text(e, (size_t)kind_field(e->kind, "at"), at);
	rc |= record_set_text(e, (size_t)kind_field(e->kind, "by"), by);
	return rc;
}

static int32_t date_of(const struct record *r, const char *name)
{
	const struct value *v = record_get(r, name);
	return v->set ? (int32_t)v->i : DATE_NONE;
}

int review_fill_history(struct record *r, const char *at, const char *by)
{
	struct record_list *h = &r->lists[0];
	if (h->count > 0) {
		/* Entries typed without when and by whom get the load's. */
		for (size_t i = 0; i < h->count; i++) {
			struct record *e = &h->items[i];
			size_t fat = (size_t)kind_field(e->kind, "at");
			size_t fby = (size_t)kind_field(e->kind, "by");
			if (!e->v[fat].set && record_set_text(e, fat, at))
				return -1;
			if (!e->v[fby].set && record_set_text(e, fby, by))
				return -1;
		}
		return 0;
	}
	const struct value *status = record_get(r, "status");
	if (!status->set)
		return 0;
	int32_t original = date_of(r, "original");
	int32_t scheduled = date_of(r, "scheduled");
	if (original == DATE_NONE)
		original = scheduled;
	if (original != DATE_NONE &&
	    add_entry(r, "scheduled", original, at, by))
		return -1;
	if (scheduled != DATE_NONE && scheduled != original &&
	    add_entry(r, "rearranged", scheduled, at, by))
		return -1;
	if (strcmp(status->s, "scheduled") == 0 ||
	    (strcmp(status->s, "rearranged") == 0 && scheduled != original))
		return 0;
	return add_entry(r, status->s, date_of(r, "held"), at, by);
}
