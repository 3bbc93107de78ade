/*
 * cmd_ladder.c - the authority's dispute-resolution ladder (iro ladder
 * list | show | set): the presets of spec §3 and the ladders stored, and
 * which one new alerts climb (setting "ladder"; core/ladder.h).
 */
#include "lib/common.h"
#include "lib/err.h"
#include "core/alerts.h"
#include "core/record.h"
#include "cli/cli.h"
#include "cli/record_cli.h"

extern const struct command CMD_LADDER_LIST, CMD_LADDER_SHOW,
	CMD_LADDER_SET;

static const char *opt_format;

static const struct table_column LIST_COLS[] = {
	{ "key", CELL_TEXT },	     { "name", CELL_TEXT },
	{ "stages", CELL_NUMBER },   { "ceiling_wd", CELL_NUMBER },
	{ "stored", CELL_TEXT },     { "active", CELL_TEXT },
};

struct list_ctx {
	struct table t;
	char active[32];
	int stored_presets; /* bit i: preset i is stored */
};

static int list_row(struct list_ctx *x, const struct ladder *l, bool stored)
{
	char n[24], c[24];
	snprintf(n, sizeof n, "%zu", l->nstages);
	snprintf(c, sizeof c, "%d", l->ceiling_wd);
	const char *cells[] = { l->key, l->name, n, c, stored ? "yes" : "no",
				strcmp(l->key, x->active) == 0 ? "yes" : "" };
	return table_add_row(&x->t, cells);
}

static int stored_row(void *vctx, const struct record *r)
{
	struct list_ctx *x = vctx;
	struct ladder l;
	ladder_from_record(r, &l);
	for (size_t i = 0; i < LADDER_NPRESETS; i++)
		if (strcmp(LADDER_PRESETS[i].key, l.key) == 0)
			x->stored_presets |= 1 << i;
	return list_row(x, &l, true);
}

static int run_list(const char *db, const char *const *pos)
{
	(void)pos;
	const struct command *cmd = &CMD_LADDER_LIST;
	enum table_format f;
	if (cli_format(cmd, opt_format, &f))
		return 2;
	struct store *st;
	if (cli_open(cmd, db, &st))
		return 1;
	struct list_ctx x = { 0 };
	struct err e = { "" };
	table_init(&x.t, LIST_COLS, ARRAY_LEN(LIST_COLS));
	int rc = store_active_ladder(st, x.active, sizeof x.active, &e) ||
		 store_record_each(st, &KIND_LADDER, stored_row, &x, &e);
	for (size_t i = 0; !rc && i < LADDER_NPRESETS; i++)
		if (!(x.stored_presets & (1 << i)))
			rc = list_row(&x, &LADDER_PRESETS[i], false);
	if (rc)
		fprintf(stderr, "iro %s: %s\n", cmd->name, e.msg);
	else
		rc = cli_write_table(cmd, &x.t, f);
	table_free(&x.t);
	store_close(st);
	return rc ? 1 : 0;
}

static const struct table_column STAGE_COLS[] = {
	{ "stage", CELL_NUMBER },	{ "name", CELL_TEXT },
	{ "addressee", CELL_TEXT },	{ "response_wd", CELL_NUMBER },
	{ "formal", CELL_TEXT },
};

static int run_show(const char *db, const char *const *pos)
{
	const struct command *cmd = &CMD_LADDER_SHOW;
	enum table_format f;
	if (cli_format(cmd, opt_format, &f))
		return 2;
	struct store *st;
	if (cli_open(cmd, db, &st))
		return 1;
	char key[32];
	struct ladder l;
	struct err e = { "" };
	int rc = pos[0] ? 0 : store_active_ladder(st, key, sizeof key, &e);
	if (!rc)
		rc = store_ladder(st, pos[0] ? pos[0] : key, false, &l, &e);
	if (rc <= 0) {
		if (rc == 0)
			fprintf(stderr, "iro %s: there is no ladder \"%s\" "
					"(iro ladder list shows them)\n",
				cmd->name, pos[0]);
		else
			fprintf(stderr, "iro %s: %s\n", cmd->name, e.msg);
		store_close(st);
		return 1;
	}
	struct table t;
	table_init(&t, STAGE_COLS, ARRAY_LEN(STAGE_COLS));
	for (size_t i = 0; i < l.nstages; i++) {
		char n[24], d[24];
		snprintf(n, sizeof n, "%zu", i + 1);
		snprintf(d, sizeof d, "%d", l.stages[i].response_wd);
		const char *cells[] = { n, l.stages[i].name,
					l.stages[i].addressee, d,
					l.stages[i].formal ? "yes" : "no" };
		table_add_row(&t, cells);
	}
	if (f == FORMAT_TEXT)
		printf("%s (%s): the whole process within %d working days; "
		       "Cafcass at any stage.\n",
		       l.name, l.key, l.ceiling_wd);
	rc = cli_write_table(cmd, &t, f);
	table_free(&t);
	store_close(st);
	return rc;
}

/* Stores the preset (when it is one and not stored yet) inside the
 * setting's transaction. */
static int store_it(void *ctx, struct store *st, struct problems *p,
		    struct err *err)
{
	const char *key = ctx;
	struct ladder l;
	int rc = store_ladder(st, key, true, &l, err);
	if (rc == 0)
		problem_add(p, false, NULL, 0, "ladder", key,
			    "there is no ladder with this key (iro ladder "
			    "list shows them)");
	return rc < 0 ? -1 : 0;
}

static int run_set(const char *db, const char *const *pos)
{
	const struct command *cmd = &CMD_LADDER_SET;
	struct store *st;
	if (cli_open(cmd, db, &st))
		return 1;
	struct record r;
	record_init(&r, &KIND_SETTING);
	int rc = rc_set(cmd, &r, "key", "ladder") ||
		 rc_set(cmd, &r, "value", pos[0]);
	rc = rc ? 2 : rc_put(cmd, st, &r, store_it, (void *)pos[0]);
	if (rc == 0)
		printf("New alerts climb the %s ladder; alerts already raised "
		       "keep theirs.\n", pos[0]);
	record_clear(&r);
	store_close(st);
	return rc;
}

static const struct opt FORMAT_OPTS[] = {
	{ "format", "FMT", "text, csv or json (default text)", &opt_format },
	{ NULL, NULL, NULL, NULL },
};

const struct command CMD_LADDER_LIST = {
	.name = "ladder list",
	.summary = "List the ladders: the presets and those stored.",
	.opts = FORMAT_OPTS,
	.run = run_list,
};

const struct command CMD_LADDER_SHOW = {
	.name = "ladder show",
	.args = "[KEY]",
	.nopt = 1,
	.summary = "Show a ladder's stages (default: the active one).",
	.opts = FORMAT_OPTS,
	.run = run_show,
};

const struct command CMD_LADDER_SET = {
	.name = "ladder set",
	.args = "KEY",
	.npos = 1,
	.summary = "Make a ladder the one new alerts climb.",
	.details = "KEY is a preset (generic, cheshire_east, buckinghamshire, "
		   "manchester),\nstored as a record when first set, or a "
		   "ladder loaded with iro load\n(docs/records.md, \"ladder\"). "
		   "Alerts already raised keep their own ladder.",
	.run = run_set,
};
