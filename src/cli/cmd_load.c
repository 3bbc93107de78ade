/*
 * cmd_load.c - iro load FILE: records from JSON Lines (docs/records.md).
 */
#include "lib/common.h"
#include "lib/err.h"
#include "io/load.h"
#include "store/store.h"
#include "cli/cli.h"

extern const struct command CMD_LOAD;

static int run(const char *db, const char *const *pos)
{
	const char *path = pos[0];
	struct store *st;
	if (cli_open(&CMD_LOAD, db, &st))
		return 1;
	struct problems p;
	struct load_counts c;
	struct err e = { "" };
	problems_init(&p);
	int rc = store_begin(st, &e);
	if (rc == 0)
		rc = load_jsonl(st, path, &c, &p, &e);
	if (rc == 0 && p.errors == 0) {
		char detail[256];
		snprintf(detail, sizeof detail,
			 "{\"records\":%ld,\"added\":%ld,\"changed\":%ld}",
			 c.records, c.added, c.changed);
		rc = store_audit(st, "load", "file", 0, 0, detail, &e);
	}
	if (rc == 0 && p.errors == 0)
		rc = store_commit(st, &e);
	else
		store_rollback(st);
	cli_print_problems(&p, 20);
	if (rc)
		fprintf(stderr, "iro load: %s: nothing was loaded.\n", e.msg);
	else if (p.errors)
		fprintf(stderr, "iro load: %zu error%s in %s: nothing was "
				"loaded.\n",
			p.errors, p.errors == 1 ? "" : "s", path);
	else
		printf("Loaded %s: %ld records: %ld added, %ld changed, %ld "
		       "unchanged.\n",
		       path, c.records, c.added, c.changed, c.same);
	bool failed = rc || p.errors;
	problems_free(&p);
	store_close(st);
	return failed ? 1 : 0;
}

const struct command CMD_LOAD = {
	.name = "load",
	.args = "FILE",
	.npos = 1,
	.summary = "Load records of every kind from a JSON Lines file.",
	.details =
		"FILE holds one JSON object a line, as docs/records.md "
		"describes and iro dump\nwrites. Records are matched by id (or "
		"key): new ones are added, changed ones\nchanged (the old "
		"version kept in the record's history), and the same ones\nleft "
		"alone, so loading a file twice changes nothing. Every rule "
		"that applies\nto a record typed at the command line applies "
		"here; any error rejects the\nwhole file, one line per problem, "
		"and the database is left as it was.",
	.run = run,
};
