/*
 * cmd_alert.c - a practice alert's life (iro alert raise | escalate |
 * respond | resolve | withdraw | refer-cafcass | action). Each move is
 * checked against the ladder (dispute_refusal, core/dispute.h) before it
 * is made, and written as a new version of the alert: the store keeps the
 * one it replaced with who and when, and refuses any change that rewrites
 * the alert's history (core/alerts.h).
 */
#include "lib/common.h"
#include "core/alerts.h"
#include "core/date.h"
#include "core/record.h"
#include "cli/alert_cli.h"
#include "cli/cli.h"
#include "cli/record_cli.h"

extern const struct command CMD_ALERT_RAISE, CMD_ALERT_ESCALATE,
	CMD_ALERT_RESPOND, CMD_ALERT_RESOLVE, CMD_ALERT_WITHDRAW,
	CMD_ALERT_CAFCASS, CMD_ALERT_ACTION;

static const char *opt_date, *opt_stage, *opt_to, *opt_theme, *opt_impact,
	*opt_response,
	*opt_outcome, *opt_action, *opt_owner, *opt_due, *opt_done;

/* Fields the moves set themselves. */
static const char *const RAISE_FIELDS[] = { "child", "raised", "status",
					    "closed", "outcome", NULL };

static struct record *list_add(struct record *r, const char *key)
{
	return record_list_add(r, (size_t)kind_list(r->kind, key));
}

/* The stage number typed (1-based), or `fallback`; -1 printed when bad. */
static int stage_opt(const struct command *cmd, const struct ladder *l,
		     int fallback)
{
	long n = fallback;
	if (opt_stage && cli_int(cmd, "--stage", opt_stage, 1,
				 (long)l->nstages, &n))
		return -1;
	return (int)n;
}

/* Appends stage n (1-based) entered on `iso`. */
static int enter_stage(const struct command *cmd, struct record *r, int n,
		       const char *iso)
{
	struct record *s = list_add(r, "stages");
	char num[8];
	snprintf(num, sizeof num, "%d", n);
	return !s || rc_set(cmd, s, "stage", num) ||
	       rc_set(cmd, s, "entered", iso) ||
	       (opt_to && rc_set(cmd, s, "addressee", opt_to));
}

/* The alert's kind after entering stage n (1-based) of l. */
static int set_kind_after(const struct command *cmd, struct record *r,
			  const struct ladder *l, int n)
{
	enum alert_kind k = alert_kind_of(record_get(r, "kind")->s);
	return rc_set(cmd, r, "kind",
		      alert_kind_code(dispute_kind_after(l, k, n - 1)));
}

/* The themes typed, separated by ";", one list item each. */
static int add_themes(const struct command *cmd, struct record *r)
{
	for (const char *t = opt_theme; t && *t;) {
		size_t len = strcspn(t, ";");
		char name[256];
		while (len && t[len - 1] == ' ')
			len--;
		snprintf(name, sizeof name, "%.*s", (int)len, t);
		struct record *x = list_add(r, "themes");
		if (!x || rc_set(cmd, x, "theme", name))
			return 1;
		t += strcspn(t, ";");
		t += strspn(t, "; ");
	}
	return 0;
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
	int32_t d;
	if (cli_date(cmd, "--date", opt_date, cli_today(), &d))
		return 2;
	char iso[DATE_ISO_LEN + 1];
	date_format_iso(d, iso);
	struct record r;
	record_init(&r, &KIND_ALERT);
	int rc = rc_set(cmd, &r, "child", pos[0]) ||
		 rc_set(cmd, &r, "raised", iso) ||
		 rc_apply(cmd, &r, RAISE_FIELDS) || add_themes(cmd, &r)
			 ? 2
			 : 0;
	const struct value *kind = record_get(&r, "kind");
	if (!rc && !kind->set)
		rc = args_bad(cmd, "--kind", "",
			      "good_practice, informal or formal is needed");
	struct store *st = NULL;
	if (!rc && cli_open(cmd, db, &st))
		rc = 1;
	if (!rc && strcmp(kind->s, "good_practice") != 0) {
		struct ladder l;
		rc = alert_cli_ladder(cmd, st, &r, &l);
		/* A formal alert starts at the first formal stage. */
		size_t first = strcmp(kind->s, "formal") == 0
				       ? ladder_first_formal(&l)
				       : 0;
		int n = rc ? -1
			   : stage_opt(cmd, &l,
				       first < l.nstages ? (int)first + 1 : 1);
		if (!rc && n < 0)
			rc = 2;
		if (!rc && (enter_stage(cmd, &r, n, iso) ||
			    set_kind_after(cmd, &r, &l, n)))
			rc = 2;
	}
	if (!rc)
		rc = rc_put(cmd, st, &r, NULL, NULL);
	if (!rc)
		say_stage(&r);
	record_clear(&r);
	store_close(st);
	return rc;
}

/* Opens the alert `ref` with its ladder; checks `move` on the date typed
 * (today by default), giving it in iso; 0, or the exit status. */
static int begin_move(const struct command *cmd, const char *db,
		      const char *ref, enum alert_move move, int stage,
		      struct alert_cli *a, char *iso)
{
	int32_t d;
	if (cli_date(cmd, "--date", opt_date, cli_today(), &d))
		return 2;
	date_format_iso(d, iso);
	int rc = alert_cli_open(cmd, db, ref, a);
	if (rc)
		return rc;
	if (move == MOVE_ESCALATE) {
		const struct alert_clock_in *in = &a->view.in;
		int at = in->nstages ? in->stages[in->nstages - 1].stage + 1
				     : 0;
		stage = stage_opt(cmd, &a->ladder, at + 1 <= (int)a->ladder.nstages
							 ? at + 1
							 : at);
		if (stage < 0)
			return 2;
		a->stage = stage;
	}
	char why[256];
	if (dispute_refusal(&a->ladder, &a->view.in, move, stage - 1, d, why,
			    sizeof why)) {
		fprintf(stderr, "iro %s: alert %s: %s\n", cmd->name, ref, why);
		return 1;
	}
	return 0;
}

/* Runs a move: begin_move, then `apply` on the alert, then the write. */
static int move(const struct command *cmd, const char *db, const char *ref,
		enum alert_move m,
		int (*apply)(const struct command *cmd, struct alert_cli *a,
			     const char *iso))
{
	struct alert_cli a = { 0 };
	char iso[DATE_ISO_LEN + 1];
	int rc = begin_move(cmd, db, ref, m, 0, &a, iso);
	if (!rc)
		rc = apply(cmd, &a, iso) ? 2 : rc_put(cmd, a.st, &a.r, NULL, NULL);
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

static int apply_escalate(const struct command *cmd, struct alert_cli *a,
			  const char *iso)
{
	return enter_stage(cmd, &a->r, a->stage, iso) ||
	       set_kind_after(cmd, &a->r, &a->ladder, a->stage) ||
	       (opt_impact && rc_set(cmd, &a->r, "impact", opt_impact));
}

static int apply_respond(const struct command *cmd, struct alert_cli *a,
			 const char *iso)
{
	struct record_list *ls = &a->r.lists[kind_list(a->r.kind, "stages")];
	struct record *s = &ls->items[ls->count - 1];
	return rc_set(cmd, s, "responded", iso) ||
	       (opt_response && rc_set(cmd, s, "response", opt_response));
}

static int close_as(const struct command *cmd, struct alert_cli *a,
		    const char *iso, const char *status)
{
	return rc_set(cmd, &a->r, "status", status) ||
	       rc_set(cmd, &a->r, "closed", iso) ||
	       (opt_outcome && rc_set(cmd, &a->r, "outcome", opt_outcome));
}

static int apply_resolve(const struct command *cmd, struct alert_cli *a,
			 const char *iso)
{
	return close_as(cmd, a, iso, "resolved");
}

static int apply_withdraw(const struct command *cmd, struct alert_cli *a,
			  const char *iso)
{
	return close_as(cmd, a, iso, "withdrawn");
}

static int apply_cafcass(const struct command *cmd, struct alert_cli *a,
			 const char *iso)
{
	return close_as(cmd, a, iso, "cafcass");
}

/* --done N marks action N (from 1) done; else a new action is added. */
static int apply_action(const struct command *cmd, struct alert_cli *a,
			const char *iso)
{
	struct record_list *ls = &a->r.lists[kind_list(a->r.kind, "actions")];
	if (opt_done) {
		long n;
		if (!ls->count)
			return args_bad(cmd, "--done", opt_done,
					"the alert has no actions");
		if (cli_int(cmd, "--done", opt_done, 1, (long)ls->count, &n))
			return 1;
		struct record *x = &ls->items[n - 1];
		if (record_get(x, "done")->set)
			return args_bad(cmd, "--done", opt_done,
					"that action is done already");
		return rc_set(cmd, x, "done", iso);
	}
	if (!opt_action)
		return args_bad(cmd, "--action", "",
				"what is to be done is needed (or --done N)");
	struct record *x = list_add(&a->r, "actions");
	return !x || rc_set(cmd, x, "action", opt_action) ||
	       (opt_owner && rc_set(cmd, x, "owner", opt_owner)) ||
	       (opt_due && rc_set(cmd, x, "due", opt_due));
}

static int run_escalate(const char *db, const char *const *pos)
{
	return move(&CMD_ALERT_ESCALATE, db, pos[0], MOVE_ESCALATE,
		    apply_escalate);
}

static int run_respond(const char *db, const char *const *pos)
{
	return move(&CMD_ALERT_RESPOND, db, pos[0], MOVE_RESPOND,
		    apply_respond);
}

static int run_resolve(const char *db, const char *const *pos)
{
	return move(&CMD_ALERT_RESOLVE, db, pos[0], MOVE_RESOLVE,
		    apply_resolve);
}

static int run_withdraw(const char *db, const char *const *pos)
{
	return move(&CMD_ALERT_WITHDRAW, db, pos[0], MOVE_WITHDRAW,
		    apply_withdraw);
}

static int run_cafcass(const char *db, const char *const *pos)
{
	return move(&CMD_ALERT_CAFCASS, db, pos[0], MOVE_CAFCASS,
		    apply_cafcass);
}

static int run_action(const char *db, const char *const *pos)
{
	return move(&CMD_ALERT_ACTION, db, pos[0], MOVE_ACTION, apply_action);
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
