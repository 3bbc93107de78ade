/*
 * cmd_allocate.c - allocating a child to an IRO (iro allocate): new,
 * transfer or cover. The rules are the store's (core/rules.c); ending the
 * current allocation the day before a transfer is store_allocate's
 * (store/casework.h), which the web's reallocation form uses too, so the
 * two cannot drift apart.
 */
#include "lib/common.h"
#include "lib/err.h"
#include "core/date.h"
#include "cli/cli.h"
#include "cli/record_cli.h"
#include "cli/alert_cli.h"
#include "store/casework.h"

extern const struct command CMD_ALLOCATE;

static const char *opt_iro, *opt_from, *opt_to, *opt_override,
	*opt_alloc_reason;

static int run_allocate(const char *db, const char *const *pos)
{
	const struct command *cmd = &CMD_ALLOCATE;
	int32_t from;
	if (!opt_iro)
		return args_bad(cmd, "--iro", "", "the IRO's name is needed");
	if (cli_date(cmd, "--from", opt_from, cli_today(), &from))
		return 2;
	struct store *st;
	if (cli_open(cmd, db, &st))
		return 1;
	struct allocation_in in = { pos[0], opt_iro, from, opt_alloc_reason,
				    opt_to, opt_override };
	struct record r;
	struct problems p;
	struct err e = { "" };
	enum put_outcome o;
	problems_init(&p);
	int rc = store_allocate(st, &in, &r, &o, &p, &e);
	rc = rc_report(cmd, rc, &e, &p, r.kind->name, r.id, o);
	problems_free(&p);
	record_clear(&r);
	store_close(st);
	return rc;
}

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
