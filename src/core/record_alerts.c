/*
 * record_alerts.c - the records of practice alerts and dispute resolution
 * (spec §2, §3; issue 4): the themes and social work teams an authority
 * lists, its ladder, and each alert with its stage history, time-bound
 * actions and themes. docs/records.md is the same list written for users.
 *
 * An alert's own rules are here; those that need its ladder (which stage,
 * what is due when, what may follow what) are in dispute.h.
 */
#include "lib/common.h"
#include "core/date.h"
#include "core/ladder.h"
#include "core/record.h"
#include "core/record_table.h"

static const struct code ALERT_KIND[] = {
	{ "good_practice", "good practice" },
	{ "informal", "informal" },
	{ "formal", "formal" },
};
CODES(CODES_ALERT_KIND, ALERT_KIND);

static const struct code ALERT_STATUS[] = {
	{ "open", "open" },
	{ "resolved", "resolved" },
	{ "withdrawn", "withdrawn" },
	{ "cafcass", "referred to Cafcass" },
};
CODES(CODES_ALERT_STATUS, ALERT_STATUS);

/* ---- What an authority lists ------------------------------------------- */

static const struct field THEME_FIELDS[] = {
	F("name", "name", FT_TEXT, KEY, "the theme, as reports print it"),
	{ "active", "active", FT_BOOL, 0, NULL, NULL, "true",
	  "false: kept for old alerts, not offered for new ones" },
};
KIND(KIND_THEME, "theme", "theme", false,
     "a theme an alert can be about", THEME_FIELDS, NULL);

static const struct field TEAM_FIELDS[] = {
	F("name", "name", FT_TEXT, KEY, "the social work team"),
	{ "active", "active", FT_BOOL, 0, NULL, NULL, "true",
	  "false: kept for old alerts, not offered for new ones" },
};
KIND(KIND_TEAM, "team", "team", false, "a social work team", TEAM_FIELDS,
     NULL);

static const struct field LADDER_STAGE_FIELDS[] = {
	F("name", "name", FT_TEXT, REQ, "the stage: \"informal alert\""),
	F("addressee", "addressee", FT_TEXT, 0, "the role it goes to"),
	F("days", "response_wd", FT_INT, REQ,
	  "working days allowed for a response"),
	BF("formal", "formal", "part of the formal process"),
};
SUBKIND(KIND_LADDER_STAGE, "ladder_stage", "ladder_stage", "stages",
	"ladder_id", LADDER_STAGE_FIELDS, NULL);

static const struct field LADDER_FIELDS[] = {
	F("key", "key", FT_TEXT, KEY, "its short name: \"cheshire_east\""),
	F("name", "name", FT_TEXT, REQ, "its name"),
	F("ceiling", "ceiling_wd", FT_INT, REQ,
	  "working days the whole process should take at most"),
};
static const struct kind *const LADDER_LISTS[] = { &KIND_LADDER_STAGE };
KIND_WITH_LISTS(KIND_LADDER, "ladder", "ladder",
		"a dispute-resolution ladder", LADDER_FIELDS, LADDER_LISTS,
		NULL);

/* ---- Alerts ------------------------------------------------------------- */

static bool is(const struct value *v, const char *code)
{
	return v->set && strcmp(v->s, code) == 0;
}

static void date_after(const struct record *r, const char *field,
		       int32_t floor, const char *what, struct problems *p)
{
	const struct value *v = record_get(r, field);
	if (!v->set || floor == DATE_NONE || v->i >= floor)
		return;
	char d[DATE_ISO_LEN + 1], f[DATE_ISO_LEN + 1];
	date_format_iso((int32_t)v->i, d);
	date_format_iso(floor, f);
	problem_add(p, false, NULL, 0, field, d, "is before %s %s", what, f);
}

static void check_stage(const struct record *r, struct problems *p)
{
	const struct value *n = record_get(r, "stage");
	if (n->set && (n->i < 1 || n->i > LADDER_MAX_STAGES))
		problem_add(p, false, NULL, 0, "stage", NULL,
			    "a stage is numbered 1 to %d", LADDER_MAX_STAGES);
	const struct value *in = record_get(r, "entered");
	int32_t entered = in->set ? (int32_t)in->i : DATE_NONE;
	date_after(r, "due", entered, "its entry", p);
	date_after(r, "responded", entered, "its entry", p);
}

static const struct field ALERT_STAGE_FIELDS[] = {
	F("stage", "stage", FT_INT, REQ, "the stage of the ladder, from 1"),
	F("name", "name", FT_TEXT, 0, "its name on the ladder then"),
	F("addressee", "addressee", FT_TEXT, 0, "who it went to"),
	F("entered", "entered", FT_DATE, REQ, "the day it entered the stage"),
	F("due", "due", FT_DATE, 0, "the response due"),
	F("responded", "responded", FT_DATE, 0, "the day the response came"),
	F("response", "response", FT_TEXT, 0, "what the response was"),
};
SUBKIND(KIND_ALERT_STAGE, "alert_stage", "alert_stage", "stages",
	"alert_id", ALERT_STAGE_FIELDS, check_stage);

static const struct field ALERT_ACTION_FIELDS[] = {
	F("action", "action", FT_TEXT, REQ, "what is to be done"),
	F("owner", "owner", FT_TEXT, 0, "who is to do it"),
	F("due", "due", FT_DATE, 0, "by when"),
	F("done", "done", FT_DATE, 0, "the day it was done"),
};
SUBKIND(KIND_ALERT_ACTION, "alert_action", "alert_action", "actions",
	"alert_id", ALERT_ACTION_FIELDS, NULL);

static const struct field ALERT_THEME_FIELDS[] = {
	F("theme", "theme", FT_TEXT, REQ, "a theme of the authority's list"),
};
SUBKIND(KIND_ALERT_THEME, "alert_theme", "alert_theme", "themes",
	"alert_id", ALERT_THEME_FIELDS, NULL);

/* The stage history in order: each entered no earlier than the one before
 * and at a higher stage (an alert only climbs), none before the alert was
 * raised and none after it closed. */
static void check_stages(const struct record *r, int32_t raised,
			 int32_t closed, struct problems *p)
{
	const struct record_list *ls = &r->lists[kind_list(r->kind, "stages")];
	for (size_t i = 0; i < ls->count; i++) {
		const struct record *s = &ls->items[i];
		const struct value *st = record_get(s, "stage");
		const struct value *in = record_get(s, "entered");
		date_after(s, "entered", raised, "the alert's raising", p);
		if (closed != DATE_NONE && in->set && in->i > closed)
			problem_add(p, false, NULL, 0, "entered", NULL,
				    "a stage is entered before the alert "
				    "closes");
		if (i == 0)
			continue;
		const struct record *b = &ls->items[i - 1];
		const struct value *bs = record_get(b, "stage");
		const struct value *bi = record_get(b, "entered");
		if (st->set && bs->set && st->i <= bs->i)
			problem_add(p, false, NULL, 0, "stage", NULL,
				    "stages are listed as entered, each higher "
				    "than the one before");
		date_after(s, "entered", bi->set ? (int32_t)bi->i : DATE_NONE,
			   "the stage before, entered", p);
	}
}

static void check_alert(const struct record *r, struct problems *p)
{
	const struct value *kind = record_get(r, "kind");
	const struct value *status = record_get(r, "status");
	const struct value *closed = record_get(r, "closed");
	const struct value *raised = record_get(r, "raised");
	int32_t from = raised->set ? (int32_t)raised->i : DATE_NONE;
	if (is(kind, "formal") && !record_get(r, "impact")->set)
		problem_add(p, false, NULL, 0, "impact", NULL,
			    "the impact on the child is needed for a formal "
			    "alert");
	bool open = !status->set || is(status, "open");
	if (!open && !closed->set)
		problem_add(p, false, NULL, 0, "closed", NULL,
			    "the day it was %s is needed",
			    is(status, "cafcass") ? "referred to Cafcass"
						  : status->s);
	if (open && closed->set) {
		char d[DATE_ISO_LEN + 1];
		date_format_iso((int32_t)closed->i, d);
		problem_add(p, false, NULL, 0, "closed", d,
			    "is only for an alert resolved, withdrawn or "
			    "referred to Cafcass");
	}
	date_after(r, "closed", from, "the alert's raising", p);
	size_t nstages = r->lists[kind_list(r->kind, "stages")].count;
	if (is(kind, "good_practice") && nstages)
		problem_add(p, false, NULL, 0, "stages", NULL,
			    "a good-practice alert has no stages");
	if (kind->set && !is(kind, "good_practice") && nstages == 0)
		problem_add(p, false, NULL, 0, "stages", NULL,
			    "a dispute starts at a stage of the ladder");
	check_stages(r, from, closed->set ? (int32_t)closed->i : DATE_NONE, p);
	const struct record_list *th = &r->lists[kind_list(r->kind, "themes")];
	for (size_t i = 0; i < th->count; i++) {
		const struct value *a = record_get(&th->items[i], "theme");
		for (size_t j = 0; a->set && j < i; j++) {
			const struct value *b = record_get(&th->items[j],
							   "theme");
			if (b->set && strcmp(a->s, b->s) == 0)
				problem_add(p, false, NULL, 0, "themes", a->s,
					    "is listed twice");
		}
	}
}

static const struct field ALERT_FIELDS[] = {
	F("child", "child_id", FT_CHILD, REQ, "the child"),
	F("iro", "iro_id", FT_IRO, REQ, "the IRO who raised it"),
	F("raised", "raised", FT_DATE, REQ, "the day it was raised"),
	C("kind", "kind", REQ, CODES_ALERT_KIND,
	  "good practice, informal or formal"),
	R("review", "review_id", 0, KIND_REVIEW, "the review that prompted it"),
	F("team", "team", FT_TEXT, 0, "the social work team it is about"),
	F("description", "description", FT_TEXT, REQ, "what it is about"),
	F("impact", "impact", FT_TEXT, 0,
	  "the impact on the child (needed for a formal alert)"),
	F("ladder", "ladder", FT_TEXT, 0, "the ladder it climbs (its key)"),
	CD("status", "status", CODES_ALERT_STATUS, "open",
	   "open, resolved, withdrawn or referred to Cafcass"),
	F("closed", "closed", FT_DATE, 0,
	  "the day it was resolved, withdrawn or referred"),
	F("outcome", "outcome", FT_TEXT, 0, "how it ended"),
};
static const struct kind *const ALERT_LISTS[] = {
	&KIND_ALERT_STAGE, &KIND_ALERT_ACTION, &KIND_ALERT_THEME,
};
KIND_WITH_LISTS(KIND_ALERT, "alert", "alert",
		"a practice alert or dispute", ALERT_FIELDS, ALERT_LISTS,
		check_alert);
