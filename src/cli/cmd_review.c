/*
 * cmd_review.c - a review's life (iro review schedule | rearrange | hold |
 * adjourn | stand-down | cancel); allocating a child to an IRO is
 * cmd_allocate.c. Each step adds to the review's status history, with who and
 * when; the rules are the store's (core/review.c, core/rules.c).
 */
#include "lib/common.h"
#include "lib/err.h"
#include "core/date.h"
#include "cli/cli.h"
#include "cli/record_cli.h"

extern const struct command CMD_REVIEW_SCHEDULE, CMD_REVIEW_REARRANGE,
	CMD_REVIEW_HOLD, CMD_REVIEW_ADJOURN, CMD_REVIEW_STAND_DOWN,
	CMD_REVIEW_CANCEL;

static const char *opt_date, *opt_by, *opt_reason;

/* Fields a status step sets itself: typing them would contradict it. */
static const char *const STEP_FIELDS[] = { "status", "held", "original",
					   "scheduled", "child", NULL };

static int iso_opt(const struct command *cmd, const char *opt,
		   const char *value, int32_t *out)
{
	return cli_date(cmd, opt, value, cli_today(), out);
}

/* iro review schedule CHILD --date D [--kind K] [--FIELD VALUE] */
static int run_schedule(const char *db, const char *const *pos)
{
	const struct command *cmd = &CMD_REVIEW_SCHEDULE;
	int32_t d;
	if (cli_date(cmd, "--date", opt_date, DATE_NONE, &d))
		return 2;
	char iso[11];
	date_format_iso(d, iso);
	struct record r;
	record_init(&r, &KIND_REVIEW);
	int rc = rc_set(cmd, &r, "child", pos[0]) ||
		 rc_set(cmd, &r, "status", "scheduled") ||
		 rc_set(cmd, &r, "original", iso) ||
		 rc_set(cmd, &r, "scheduled", iso) ||
		 rc_apply(cmd, &r, STEP_FIELDS);
	struct store *st = NULL;
	if (rc)
		rc = 2;
	else if (cli_open(cmd, db, &st))
		rc = 1;
	else
		rc = rc_put(cmd, st, &r, NULL, NULL);
	record_clear(&r);
	store_close(st);
	return rc;
}

struct step_fields {
	const struct command *cmd;
	bool fields;
};

/* The step's --FIELD VALUE options (a hold's conduct); a bad one is a
 * usage error (2), which stops the step. */
static int apply_fields(void *ctx, struct record *r, struct problems *p)
{
	(void)p;
	const struct step_fields *f = ctx;
	return f->fields && rc_apply(f->cmd, r, STEP_FIELDS) ? 2 : 0;
}

/* Takes review `ref` one step on (store_review_step, shared with the
 * web's review forms) in one transaction, printing each refusal by
 * field. */
static int step(const struct command *cmd, const char *db, const char *ref,
		const char *status, bool fields)
{
	int32_t d;
	if (iso_opt(cmd, "--date", opt_date, &d))
		return 2;
	struct store *st;
	if (cli_open(cmd, db, &st))
		return 1;
	struct record r;
	int rc = rc_find(cmd, st, &KIND_REVIEW, ref, &r);
	int64_t id = r.id;
	record_clear(&r);
	if (rc) {
		store_close(st);
		return rc;
	}
	struct review_step s = { status, d, opt_by, opt_reason };
	struct step_fields sf = { cmd, fields };
	struct problems p;
	struct err e = { "" };
	enum put_outcome o = PUT_REFUSED;
	problems_init(&p);
	rc = store_begin(st, &e);
	if (rc == 0)
		rc = store_review_step(st, id, &s, apply_fields, &sf, &o, &p,
				       &e);
	if (rc == 0 && p.errors == 0)
		rc = store_commit(st, &e);
	else
		store_rollback(st);
	/* rc 2: rc_apply has said what was wrong */
	if (rc != 2)
		rc = rc_report(cmd, rc, &e, &p, "review", id, o);
	problems_free(&p);
	store_close(st);
	return rc;
}

static int run_rearrange(const char *db, const char *const *pos)
{
	if (!opt_date)
		return args_bad(&CMD_REVIEW_REARRANGE, "--date", "",
				"the new date is needed");
	return step(&CMD_REVIEW_REARRANGE, db, pos[0], "rearranged", false);
}

static int run_hold(const char *db, const char *const *pos)
{
	return step(&CMD_REVIEW_HOLD, db, pos[0], "held", true);
}

static int run_adjourn(const char *db, const char *const *pos)
{
	return step(&CMD_REVIEW_ADJOURN, db, pos[0], "adjourned", false);
}

static int run_stand_down(const char *db, const char *const *pos)
{
	return step(&CMD_REVIEW_STAND_DOWN, db, pos[0], "stood_down", false);
}

static int run_cancel(const char *db, const char *const *pos)
{
	return step(&CMD_REVIEW_CANCEL, db, pos[0], "cancelled", false);
}

static const struct opt SCHEDULE_OPTS[] = {
	{ "date", "DATE", "the date it is set for", &opt_date },
	{ NULL, NULL, NULL, NULL },
};

static const struct opt STEP_OPTS[] = {
	{ "date", "DATE", "the new date (rearrange), the date held, or of "
			  "the decision (default today)", &opt_date },
	{ "requested-by", "WHO", "child, carer, parent, social_worker, iro, "
				 "court or other", &opt_by },
	{ "reason", "TEXT", "why", &opt_reason },
	{ NULL, NULL, NULL, NULL },
};

#define STEP(var, nm, fn, sum, det, fields)                                 \
	const struct command var = { .name = nm, .args = "ID", .npos = 1,    \
				     .summary = sum, .details = det,        \
				     .opts = STEP_OPTS, .field_opts = fields, \
				     .run = fn }

const struct command CMD_REVIEW_SCHEDULE = {
	.name = "review schedule",
	.args = "CHILD",
	.npos = 1,
	.summary = "Schedule a review of a child for a date.",
	.details = "Other fields (--kind adoption, --chair NAME, --venue "
		   "school, ...) may be given\nas --FIELD VALUE "
		   "(docs/records.md).",
	.opts = SCHEDULE_OPTS,
	.field_opts = true,
	.run = run_schedule,
};

STEP(CMD_REVIEW_REARRANGE, "review rearrange", run_rearrange,
     "Move a review to a new date, with who asked and why.",
     "iro review rearrange 41 --date 2026-03-12 --requested-by carer "
     "--reason \"carer ill\"", false);
STEP(CMD_REVIEW_HOLD, "review hold", run_hold,
     "Record a review as held, with how it went (--FIELD VALUE).",
     "iro review hold 41 --date 2026-03-12 --participation PN1 --venue "
     "placement\n--mode in_person --chair \"Asha Patel\" --parents-attended "
     "yes --sw-attended yes\n--permanence-plan long_term_fostering ...\n"
     "PN0 is only for a child under 4 on the day, PN1-PN7 only from 4 (DfE "
     "rules\n440/441); the day must be in a period of care and not in the "
     "future.", true);
STEP(CMD_REVIEW_ADJOURN, "review adjourn", run_adjourn,
     "Record a review as adjourned (to be rearranged).", NULL, false);
STEP(CMD_REVIEW_STAND_DOWN, "review stand-down", run_stand_down,
     "Record a review as stood down.", NULL, false);
STEP(CMD_REVIEW_CANCEL, "review cancel", run_cancel,
     "Record a review as cancelled.", NULL, false);

