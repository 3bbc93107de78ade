/*
 * cmd_alert.c - a practice alert's life (iro alert raise | escalate |
 * respond | resolve | withdraw | refer-cafcass | action), each made by
 * store/casework.c (which the web uses too). Each move is checked against the ladder (dispute_refusal, core/dispute.h) before it
 * is made, and written as a new version of the alert: the store keeps the
 * one it replaced with who and when, and refuses any change that rewrites
 * the alert's history (core/alerts.h).
 */
#include "lib/common.h"
#include "lib/err.h"
#include "core/alerts.h"
#include "core/date.h"
#include "core/record.h"
#include "cli/alert_cli.h"
#include "cli/cli.h"
#include "cli/record_cli.h"
#include "store/casework.h"

extern const struct command CMD_ALERT_RAISE, CMD_ALERT_ESCALATE,
	CMD_ALERT_RESPOND, CMD_ALERT_RESOLVE, CMD_ALERT_WITHDRAW,
	CMD_ALERT_CAFCASS, CMD_ALERT_ACTION;

static const char *opt_date, *opt_stage, *opt_to, *opt_theme, *opt_impact,
	*opt_response,
	*opt_outcome, *opt_action, *opt_owner, *opt_due, *opt_done;

/* Fields the moves set themselves. */
static const char *const RAISE_FIELDS[] = { "child", "raised", "status",
					    "closed", "outcome", NULL };

/* The stage number typed (1-based), or 0 (the store's default); -1
 * printed when it is no number. */
static int stage_opt(const struct command *cmd)
{
	long n = 0;
	if (opt_stage && cli_int(cmd, "--stage", opt_stage, 1, 99, &n))
		return -1;
	return (int)n;
}

/* What the alert stands at now, after a move: "Alert 12 is at stage 1
 * (team manager), response due 2022-06-13." */
static void say_stage(const struct record *r)
{
	const struct record_list *ls = &r->lists[kind_list(r->kind, "stages")];
	const struct value *st = record_get(r, "status");
	if (strcmp(st->s, "open") != 0) {
		char on[DATE_ISO_LEN + 1];
		record_value_text(r, (size_t)kind_field(r->kind, "closed"), on,
				  sizeof on);
		printf("Alert %" PRId64 " is %s, closed on %s.\n", r->id,
		       strcmp(st->s, "cafcass") == 0 ? "referred to Cafcass"
						     : st->s,
		       on);
		return;
	}
	if (!ls->count)
		return;
	const struct record *s = &ls->items[ls->count - 1];
	char due[DATE_ISO_LEN + 1];
	const struct value *d = record_get(s, "due");
	date_format_iso(d->set ? (int32_t)d->i : DATE_NONE, due);
	const struct value *n = record_get(s, "name"),
			   *to = record_get(s, "addressee");
	printf("Alert %" PRId64 " is at %s%s%s%s", r->id,
	       n->set ? n->s : "its stage", to->set ? " (" : "",
	       to->set ? to->s : "", to->set ? ")" : "");
	if (record_get(s, "responded")->set)
		printf(", answered.\n");
	else
		printf(", response due %s.\n", due[0] ? due : "(none)");
}

/* iro alert raise CHILD --iro NAME --kind K --description T ... */
static int run_raise(const char *db, const char *const *pos)
{
	const struct command *cmd = &CMD_ALERT_RAISE;
	struct alert_raise_in in = { 0, stage_opt(cmd), opt_to, opt_theme };
	if (in.stage < 0 || cli_date(cmd, "--date", opt_date, cli_today(),
				     &in.date))
		return 2;
	struct record r;
	record_init(&r, &KIND_ALERT);
	int rc = rc_set(cmd, &r, "child", pos[0]) ||
		 rc_apply(cmd, &r, RAISE_FIELDS)
			 ? 2
			 : 0;
	if (!rc && !record_get(&r, "kind")->set)
		rc = args_bad(cmd, "--kind", "",
			      "good_practice, informal or formal is needed");
	struct store *st = NULL;
	if (!rc && cli_open(cmd, db, &st))
		rc = 1;
	if (!rc) {
		struct problems p;
		struct err e = { "" };
		problems_init(&p);
		rc = store_alert_raise(st, &r, &in, &p, &e);
		rc = rc_report(cmd, rc, &e, &p, r.kind->name, r.id, PUT_ADDED);
		problems_free(&p);
	}
	if (!rc)
		say_stage(&r);
	record_clear(&r);
	store_close(st);
	return rc;
}

/* Runs a move on alert `ref` (store_alert_move), on the date typed
 * (today by default). */
static int move(const struct command *cmd, const char *db, const char *ref,
		enum alert_move m)
{
	struct alert_move_in in = {
		.move = m, .to = opt_to, .impact = opt_impact,
		.response = opt_response, .outcome = opt_outcome,
		.action = opt_action, .owner = opt_owner, .due = opt_due,
	};
	if (cli_date(cmd, "--date", opt_date, cli_today(), &in.date))
		return 2;
	if (m == MOVE_ESCALATE && (in.stage = stage_opt(cmd)) < 0)
		return 2;
	if (m == MOVE_ACTION && opt_done &&
	    cli_int(cmd, "--done", opt_done, 1, 9999, &in.done))
		return 2;
	struct alert_cli a = { 0 };
	int rc = alert_cli_open(cmd, db, ref, &a);
	if (!rc) {
		struct alert_case c = { a.r, a.ladder, a.view };
		c.view.in.stages = c.view.stages;
		struct problems p;
		struct err e = { "" };
		problems_init(&p);
		rc = store_alert_move(a.st, &c, &in, &p, &e);
		a.r = c.r; /* the record, grown, is a's again */
		rc = rc_report(cmd, rc, &e, &p, a.r.kind->name,
			       a.r.id, PUT_CHANGED);
		problems_free(&p);
	}
	if (!rc && m != MOVE_ACTION)
		say_stage(&a.r);
	if (!rc && m == MOVE_ACTION)
		printf("Alert %" PRId64 " has %zu action%s.\n", a.r.id,
		       a.r.lists[kind_list(a.r.kind, "actions")].count,
		       a.r.lists[kind_list(a.r.kind, "actions")].count == 1
			       ? ""
			       : "s");
	alert_cli_close(&a);
	return rc;
}

static int run_escalate(const char *db, const char *const *pos)
{
	return move(&CMD_ALERT_ESCALATE, db, pos[0], MOVE_ESCALATE);
}

static int run_respond(const char *db, const char *const *pos)
{
	return move(&CMD_ALERT_RESPOND, db, pos[0], MOVE_RESPOND);
}

static int run_resolve(const char *db, const char *const *pos)
{
	return move(&CMD_ALERT_RESOLVE, db, pos[0], MOVE_RESOLVE);
}

static int run_withdraw(const char *db, const char *const *pos)
{
	return move(&CMD_ALERT_WITHDRAW, db, pos[0], MOVE_WITHDRAW);
}

static int run_cafcass(const char *db, const char *const *pos)
{
	return move(&CMD_ALERT_CAFCASS, db, pos[0], MOVE_CAFCASS);
}

static int run_action(const char *db, const char *const *pos)
{
	return move(&CMD_ALERT_ACTION, db, pos[0], MOVE_ACTION);
}

#define DATE_OPT { "date", "DATE", "the day of the move (default today)", &opt_date }
#define END_OPT { NULL, NULL, NULL, NULL }

static const struct opt RAISE_OPTS[] = {
	{ "date", "DATE", "the day it was raised (default today)", &opt_date },
	{ "stage", "N", "the ladder's stage it starts at (default: the "
			"first; for a formal alert the first formal one)",
	  &opt_stage },
	{ "to", "WHO", "who it went to (default: the stage's addressee)",
	  &opt_to },
	{ "theme", "THEMES", "its themes, separated by \";\" (iro list theme)",
	  &opt_theme },
	END_OPT,
};
static const struct opt ESCALATE_OPTS[] = {
	DATE_OPT,
	{ "stage", "N", "the stage it goes to (default the next; any "
			"higher stage may be skipped to)",
	  &opt_stage },
	{ "to", "WHO", "who it went to (default: the stage's addressee)",
	  &opt_to },
	{ "impact", "TEXT", "the impact on the child (needed when a formal "
			    "stage is first entered)", &opt_impact },
	END_OPT,
};
static const struct opt RESPOND_OPTS[] = {
	DATE_OPT,
	{ "response", "TEXT", "what the response was", &opt_response },
	END_OPT,
};
static const struct opt CLOSE_OPTS[] = {
	DATE_OPT,
	{ "outcome", "TEXT", "how it ended", &opt_outcome },
	END_OPT,
};
static const struct opt ACTION_OPTS[] = {
	DATE_OPT,
	{ "action", "TEXT", "what is to be done", &opt_action },
	{ "owner", "WHO", "who is to do it", &opt_owner },
	{ "due", "DATE", "by when", &opt_due },
	{ "done", "N", "mark action N (from 1, as iro alert show numbers "
		       "them) done on --date",
	  &opt_done },
	END_OPT,
};

const struct command CMD_ALERT_RAISE = {
	.name = "alert raise",
	.args = "CHILD",
	.npos = 1,
	.summary = "Raise a practice alert: good practice, informal or formal.",
	.details = "For example: iro alert raise C12 --iro \"Asha Patel\" "
		   "--kind informal\n--description \"No updated care plan "
		   "before the review\" --theme \"No updated care\nplan or "
		   "plan not ready; Health\" --team \"Court Team\"\n\n"
		   "A dispute starts at a stage of the authority's ladder (iro "
		   "ladder show),\nwhose response is due the stage's working "
		   "days after. A formal alert needs\n--impact (the impact on "
		   "the child). Other fields: --review ID, --team,\n--ladder "
		   "KEY (docs/records.md).",
	.opts = RAISE_OPTS,
	.field_opts = true,
	.run = run_raise,
};

const struct command CMD_ALERT_ESCALATE = {
	.name = "alert escalate",
	.args = "ID",
	.npos = 1,
	.summary = "Take an open dispute up the ladder (or skip stages).",
	.details = "Past the last stage there is none: refer to Cafcass "
		   "instead. Entering a\nformal stage makes the alert formal.",
	.opts = ESCALATE_OPTS,
	.run = run_escalate,
};

const struct command CMD_ALERT_RESPOND = {
	.name = "alert respond",
	.args = "ID",
	.npos = 1,
	.summary = "Record the response to the alert's current stage.",
	.opts = RESPOND_OPTS,
	.run = run_respond,
};

const struct command CMD_ALERT_RESOLVE = {
	.name = "alert resolve",
	.args = "ID",
	.npos = 1,
	.summary = "Close an alert as resolved.",
	.opts = CLOSE_OPTS,
	.run = run_resolve,
};

const struct command CMD_ALERT_WITHDRAW = {
	.name = "alert withdraw",
	.args = "ID",
	.npos = 1,
	.summary = "Close an alert as withdrawn.",
	.opts = CLOSE_OPTS,
	.run = run_withdraw,
};

const struct command CMD_ALERT_CAFCASS = {
	.name = "alert refer-cafcass",
	.args = "ID",
	.npos = 1,
	.summary = "Close a dispute by referring it to Cafcass (any stage).",
	.opts = CLOSE_OPTS,
	.run = run_cafcass,
};

const struct command CMD_ALERT_ACTION = {
	.name = "alert action",
	.args = "ID",
	.npos = 1,
	.summary = "Add a time-bound action to an alert, or mark one done.",
	.details = "For example: iro alert action 12 --action \"Care plan to "
		   "be updated\" --owner\n\"team manager\" --due 2026-04-10; "
		   "then iro alert action 12 --done 1.",
	.opts = ACTION_OPTS,
	.run = run_action,
};
