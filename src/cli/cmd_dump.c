/*
 * cmd_dump.c - iro dump: every record as JSON Lines (docs/records.md).
 */
#include "lib/common.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "core/record.h"
#include "store/store.h"
#include "cli/cli.h"

extern const struct command CMD_DUMP;

static const char *kinds_opt;

static int write_line(void *ctx, const struct record *r)
{
	struct buf *b = ctx;
	buf_reset(b);
	if (record_json(r, true, b) || buf_addc(b, '\n'))
		return -1;
	return fwrite(b->data, 1, b->len, stdout) == b->len ? 0 : -1;
}

/* --kinds review,recommendation: is k one of them? */
static bool wanted(const struct kind *k)
{
	if (!kinds_opt)
		return true;
	size_t n = strlen(k->name);
	for (const char *s = kinds_opt; *s;) {
		const char *comma = strchr(s, ',');
		size_t len = comma ? (size_t)(comma - s) : strlen(s);
		if (len == n && strncmp(s, k->name, n) == 0)
			return true;
		s += len + (comma != NULL);
	}
	return false;
}

static int check_kinds(void)
{
	if (!kinds_opt)
		return 0;
	char copy[512];
	snprintf(copy, sizeof copy, "%s", kinds_opt);
	for (char *s = copy, *save = NULL, *t; (t = strtok_r(s, ",", &save));
	     s = NULL)
		if (!kind_find(t) || kind_find(t)->list_key)
			return args_bad(&CMD_DUMP, "--kinds", t,
					"not a kind of record (docs/records.md)");
	return 0;
}

static int run(const char *db, const char *const *pos)
{
	(void)pos;
	if (check_kinds())
		return 2;
	struct store *st;
	if (cli_open(&CMD_DUMP, db, &st))
		return 1;
	struct err e = { "" };
	struct buf b;
	buf_init(&b, 1 << 22);
	int rc = store_audit_read(st, "dump", 0,
				  kinds_opt ? "{\"kinds\":\"some\"}" : NULL,
				  &e);
	for (size_t i = 0; rc == 0 && RECORD_KINDS[i]; i++)
		if (wanted(RECORD_KINDS[i]))
			rc = store_record_each(st, RECORD_KINDS[i], write_line,
					       &b, &e);
	if (rc == 0 && fflush(stdout) != 0)
		rc = err_set(&e, "writing: %s", strerror(errno));
	if (rc)
		fprintf(stderr, "iro dump: %s\n",
			e.msg[0] ? e.msg : "writing failed");
	buf_free(&b);
	store_close(st);
	return rc ? 1 : 0;
}

static const struct opt OPTS[] = {
	{ "kinds", "LIST", "only these kinds, e.g. review,recommendation",
	  &kinds_opt },
	{ NULL, NULL, NULL, NULL },
};

const struct command CMD_DUMP = {
	.name = "dump",
	.npos = 0,
	.summary = "Write every record as JSON Lines (what iro load reads).",
	.details =
		"Writes every record of every kind to standard output, one "
		"JSON object a line,\nas docs/records.md describes: each kind "
		"after the kinds it refers to, each record\nby id or key, keys "
		"in a fixed order. Loading the output into a new database\nand "
		"dumping again gives the same bytes. The read is audited.",
	.opts = OPTS,
	.run = run,
};
