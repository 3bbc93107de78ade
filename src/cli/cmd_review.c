/*
 * cmd_review.c - a review's life (iro review schedule | rearrange | hold |
 * adjourn | stand-down | cancel) and allocating a child to an IRO (iro
 * allocate). Each step adds to the review's status history, with who and
 * when; the rules are the store's (core/review.c, core/rules.c).
 */
#include "lib/common.h"
#include "lib/err.h"
#include "core/date.h"
#include "core/review.h"
#include "cli/cli.h"
#include "cli/record_cli.h"

extern const struct command CMD_REVIEW_SCHEDULE, CMD_REVIEW_REARRANGE,
	CMD_REVIEW_HOLD, CMD_REVIEW_ADJOURN, CMD_REVIEW_STAND_DOWN,
	CMD_REVIEW_CANCEL, CMD_ALLOCATE;

static const char *opt_date, *opt_by, *opt_reason, *opt_iro, *opt_from,
	*opt_to, *opt_override, *opt_alloc_reason;

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

/* Appends a status step to review `ref`'s history and puts it. */
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
	const struct value *now = rc ? NULL
				     : &r.v[kind_field(r.kind, "status")];
	if (rc == 0 && review_status_final(now->s)) {
		fprintf(stderr, "iro %s: review %s is %s already: nothing "
				"follows that\n",
			cmd->name, ref, now->s);
		rc = 1;
	}
	struct record *e = rc ? NULL : record_list_add(&r, 0);
	if (rc == 0 && !e)
		rc = 1;
	char iso[11];
	date_format_iso(d, iso);
	if (rc == 0) {
		rc = rc_set(cmd, e, "status", status) ||
		     rc_set(cmd, e, "date", iso) ||
		     (opt_by && rc_set(cmd, e, "requested_by", opt_by)) ||
		     (opt_reason && rc_set(cmd, e, "reason", opt_reason)) ||
		     rc_set(cmd, &r, "status", status) ||
		     (strcmp(status, "rearranged") == 0 &&
		      rc_set(cmd, &r, "scheduled", iso)) ||
		     (strcmp(status, "held") == 0 &&
		      rc_set(cmd, &r, "held", iso)) ||
		     (fields && rc_apply(cmd, &r, STEP_FIELDS));
		rc = rc ? 2 : rc_put(cmd, st, &r, NULL, NULL);
	}
	record_clear(&r);
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

/* ---- iro allocate -------------------------------------------------------- */

struct transfer {
	int64_t current; /* the allocation the transfer ends, or 0 */
	int32_t from;
};

/* Ends the current allocation the day before the new one starts. */
static int end_current(void *ctx, struct store *st, struct problems *p,
		       struct err *err)
{
	struct transfer *t = ctx;
	if (!t->current)
		return 0;
	struct record old;
	int rc = store_record_get(st, &KIND_ALLOCATION, t->current, &old, err);
	if (rc <= 0) {
		record_clear(&old);
		return rc < 0 ? -1 : 0;
	}
	record_set_int(&old, (size_t)kind_field(old.kind, "end"), t->from - 1);
	enum put_outcome o;
	rc = store_record_put(st, &old, &o, p, err);
	record_clear(&old);
	return rc;
}

static int run_allocate(const char *db, const char *const *pos)
{
	const struct command *cmd = &CMD_ALLOCATE;
	int32_t from;
	if (!opt_iro)
		return args_bad(cmd, "--iro", "", "the IRO's name is needed");
	if (iso_opt(cmd, "--from", opt_from, &from))
		return 2;
	struct store *st;
	if (cli_open(cmd, db, &st))
		return 1;
	struct err e = { "" };
	struct transfer t = { 0, from };
	int64_t child = store_child_id(st, pos[0], &e);
	if (child > 0 && store_current_allocation(st, child, from, &t.current,
						  &e) < 0)
		child = -1;
	const char *reason = opt_alloc_reason
				     ? opt_alloc_reason
				     : t.current ? "transfer" : "new";
	if (strcmp(reason, "cover") == 0)
		t.current = 0; /* cover sits beside the allocation */
	char iso[11];
	date_format_iso(from, iso);
	struct record r;
	record_init(&r, &KIND_ALLOCATION);
	int rc = child < 0 ? 1 : 0;
	if (rc)
		fprintf(stderr, "iro %s: %s\n", cmd->name, e.msg);
	else if (rc_set(cmd, &r, "child", pos[0]) ||
		 rc_set(cmd, &r, "iro", opt_iro) ||
		 rc_set(cmd, &r, "start", iso) ||
		 rc_set(cmd, &r, "reason", reason) ||
		 (opt_to && rc_set(cmd, &r, "end", opt_to)) ||
		 (opt_override && rc_set(cmd, &r, "override", opt_override)))
		rc = 2;
	else
		rc = rc_put(cmd, st, &r, end_current, &t);
	record_clear(&r);
	store_close(st);
	return rc;
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

static const struct opt ALLOCATE_OPTS[] = {
	{ "iro", "NAME", "the IRO", &opt_iro },
	{ "from", "DATE", "the first day (default today)", &opt_from },
	{ "reason", "WHY", "new, transfer or cover (default: new for the "
			   "first IRO of the period, else transfer)",
	  &opt_alloc_reason },
	{ "to", "DATE", "the last day (cover)", &opt_to },
	{ "override", "TEXT", "a manager's reason for siblings having "
			      "different IROs", &opt_override },
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

const struct command CMD_ALLOCATE = {
	.name = "allocate",
	.args = "CHILD",
	.npos = 1,
	.summary = "Allocate a child to an IRO from a date (new, transfer or "
		   "cover).",
	.details =
		"A transfer ends the child's current allocation the day before. "
		"The rules:\na child has one IRO at a time; cover lies within an "
		"allocation, by another\nIRO; siblings share an IRO unless "
		"--override gives a manager's reason; a\nlooked-after parent and "
		"their child never share an IRO; the IRO is in post\nthroughout. "
		"An allocation later than 5 working days after the child "
		"became\nlooked after shows on the worklist.",
	.opts = ALLOCATE_OPTS,
	.run = run_allocate,
};
