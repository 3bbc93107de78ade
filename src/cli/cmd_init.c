/*
 * cmd_init.c - iro init: make a new, empty database.
 */
#include "lib/common.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "lib/jsonw.h"
#include "store/store.h"
#include "cli/cli.h"

static const char *authority;

static int run(const char *db, const char *const *pos)
{
	(void)pos;
	struct store *st;
	db = cli_db_path(db);
	struct err e;
	if (store_open(db, STORE_CREATE, &st, &e)) {
		fprintf(stderr, "iro init: %s\n", e.msg);
		return 1;
	}
	struct buf detail;
	buf_init(&detail, 4096);
	int rc = buf_printf(&detail, "{\"schema_version\":%d,\"authority\":",
			    store_schema_version(st));
	rc |= json_add_string(&detail, authority);
	rc |= buf_addc(&detail, '}');
	if (rc || store_begin(st, &e) ||
	    (authority && store_setting_set(st, "authority_name", authority, &e)) ||
	    store_audit(st, "create", "database", 0, 0, detail.data, &e) ||
	    store_commit(st, &e)) {
		store_rollback(st);
		fprintf(stderr, "iro init: %s\n", rc ? "out of memory" : e.msg);
		buf_free(&detail);
		store_close(st);
		unlink(db);
		return 1;
	}
	buf_free(&detail);
	printf("Created the iro database %s (schema version %d).\n", db,
	       store_schema_version(st));
	store_close(st);
	return 0;
}

static const struct opt OPTS[] = {
	{ "authority", "NAME", "the local authority's name, shown on reports",
	  &authority },
	{ NULL, NULL, NULL, NULL },
};

const struct command CMD_INIT = {
	.name = "init",
	.summary = "Create a new, empty iro database.",
	.details = "The file must not exist yet; iro init never overwrites "
		   "one. Later versions of iro\nupgrade the database's schema "
		   "the first time they open it.",
	.opts = OPTS,
	.run = run,
};
