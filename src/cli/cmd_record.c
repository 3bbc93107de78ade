/*
 * cmd_record.c - records of any kind from the command line: iro add, set,
 * show and list, and the everyday names for them (iro visit add, iro
 * recommendation add|update). The fields are the kind's
 * (docs/records.md), given as --FIELD VALUE; every rule is the store's.
 */
#include "lib/common.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "lib/jsonw.h"
#include "core/date.h"
#include "cli/cli.h"
#include "cli/record_cli.h"

extern const struct command CMD_ADD, CMD_SET, CMD_SHOW, CMD_LIST,
	CMD_VISIT_ADD, CMD_REC_ADD, CMD_REC_UPDATE;

static const char *opt_child, *opt_format;

/* A kind a user may name: a whole record, not a list inside one. */
static const struct kind *user_kind(const struct command *cmd,
				    const char *name)
{
	const struct kind *k = kind_find(name);
	if (!k || k->list_key) {
		args_bad(cmd, "kind", name,
			 "not a kind of record (iro, child, episode, "
			 "allocation, review, recommendation, consultation, "
			 "oversight, contact, advocacy, feedback, qa, ...)");
		return NULL;
	}
	return k;
}

/* iro add KIND --FIELD VALUE ... (and the named forms below). */
static int add(const struct command *cmd, const char *db,
	       const struct kind *k, const char *first_field,
	       const char *first_value)
{
	struct record r;
	record_init(&r, k);
	int rc = first_field ? rc_set(cmd, &r, first_field, first_value) : 0;
	if (rc == 0)
		rc = rc_apply(cmd, &r, NULL);
	if (rc) {
		record_clear(&r);
		return 2;
	}
	struct store *st;
	if (cli_open(cmd, db, &st)) {
		record_clear(&r);
		return 1;
	}
	rc = rc_put(cmd, st, &r, NULL, NULL);
	record_clear(&r);
	store_close(st);
	return rc;
}

static int run_add(const char *db, const char *const *pos)
{
	const struct kind *k = user_kind(&CMD_ADD, pos[0]);
	return k ? add(&CMD_ADD, db, k, NULL, NULL) : 2;
}

static int run_visit_add(const char *db, const char *const *pos)
{
	return add(&CMD_VISIT_ADD, db, &KIND_CONTACT, "child", pos[0]);
}

static int run_rec_add(const char *db, const char *const *pos)
{
	return add(&CMD_REC_ADD, db, &KIND_RECOMMENDATION, "review", pos[0]);
}

/* iro set KIND REF --FIELD VALUE ...: changes the fields given. */
static int set(const struct command *cmd, const char *db,
	       const struct kind *k, const char *ref)
{
	struct store *st;
	if (cli_open(cmd, db, &st))
		return 1;
	struct record r;
	int rc = rc_find(cmd, st, k, ref, &r);
	if (rc == 0)
		rc = rc_apply(cmd, &r, NULL);
	if (rc == 0)
		rc = rc_put(cmd, st, &r, NULL, NULL);
	record_clear(&r);
	store_close(st);
	return rc;
}

static int run_set(const char *db, const char *const *pos)
{
	const struct kind *k = user_kind(&CMD_SET, pos[0]);
	return k ? set(&CMD_SET, db, k, pos[1]) : 2;
}

static int run_rec_update(const char *db, const char *const *pos)
{
	return set(&CMD_REC_UPDATE, db, &KIND_RECOMMENDATION, pos[0]);
}

/* The child a record is about, for the audit of reading it. */
static int64_t child_of(struct store *st, const struct record *r)
{
	struct err e;
	if (r->kind == &KIND_CHILD)
		return r->id;
	int f = kind_field(r->kind, "child");
	if (f >= 0 && r->v[f].set)
		return store_child_id(st, r->v[f].s, &e);
	return 0;
}

static int print_revision(void *ctx, const char *at, const char *by,
			  const char *json)
{
	(void)ctx;
	printf("{\"replaced_at\":\"%s\",\"replaced_by\":", at);
	struct buf b;
	buf_init(&b, 1024);
	json_add_string(&b, by);
	printf("%s,\"version\":%s}\n", b.data ? b.data : "null", json);
	buf_free(&b);
	return 0;
}

/* iro show KIND REF: the record, then every version it replaced. */
static int run_show(const char *db, const char *const *pos)
{
	const struct kind *k = user_kind(&CMD_SHOW, pos[0]);
	if (!k)
		return 2;
	struct store *st;
	if (cli_open(&CMD_SHOW, db, &st))
		return 1;
	struct record r;
	struct err e = { "" };
	int rc = rc_find(&CMD_SHOW, st, k, pos[1], &r);
	if (rc == 0 &&
	    store_audit_read(st, k->name, child_of(st, &r), NULL, &e)) {
		fprintf(stderr, "iro show: %s\n", e.msg);
		rc = 1;
	}
	struct buf b;
	buf_init(&b, 1 << 22);
	if (rc == 0 && record_json(&r, true, &b) == 0)
		printf("%s\n", b.data);
	if (rc == 0 &&
	    store_each_revision(st, k, r.id, print_revision, NULL, &e)) {
		fprintf(stderr, "iro show: %s\n", e.msg);
		rc = 1;
	}
	buf_free(&b);
	record_clear(&r);
	store_close(st);
	return rc;
}

/* ---- iro list KIND ------------------------------------------------------ */

struct list_ctx {
	struct table t;
	const char *child; /* only this child's, or NULL */
	int child_field;
};

static int list_row(void *vctx, const struct record *r)
{
	struct list_ctx *x = vctx;
	if (x->child && (x->child_field < 0 || !r->v[x->child_field].set ||
			 strcmp(r->v[x->child_field].s, x->child) != 0))
		return 0;
	char cells[RECORD_MAX_FIELDS + 1][256];
	const char *cp[RECORD_MAX_FIELDS + 1];
	size_t n = 0;
	if (r->kind->has_id)
		snprintf(cells[n++], sizeof cells[0], "%" PRId64, r->id);
	for (size_t i = 0; i < r->kind->nfields; i++)
		record_value_text(r, i, cells[n++], sizeof cells[0]);
	for (size_t i = 0; i < n; i++)
		cp[i] = cells[i];
	return table_add_row(&x->t, cp);
}

static enum cell_kind cell_kind(enum ftype t)
{
	return t == FT_DATE ? CELL_DATE
	       : (t == FT_INT || t == FT_REF || t == FT_NUMBER) ? CELL_NUMBER
								  : CELL_TEXT;
}

static int run_list(const char *db, const char *const *pos)
{
	const struct kind *k = user_kind(&CMD_LIST, pos[0]);
	enum table_format f;
	if (!k || cli_format(&CMD_LIST, opt_format, &f))
		return 2;
	struct table_column cols[RECORD_MAX_FIELDS + 1];
	size_t n = 0;
	if (k->has_id)
		cols[n++] = (struct table_column){ "id", CELL_NUMBER };
	for (size_t i = 0; i < k->nfields; i++)
		cols[n++] = (struct table_column){ k->fields[i].name,
						   cell_kind(k->fields[i].type) };
	struct list_ctx x = { .child = opt_child,
			      .child_field = kind_field(k, "child") };
	struct store *st;
	if (cli_open(&CMD_LIST, db, &st))
		return 1;
	struct err e = { "" };
	table_init(&x.t, cols, n);
	int64_t child = opt_child ? store_child_id(st, opt_child, &e) : 0;
	int rc = store_audit_read(st, k->name, child > 0 ? child : 0, NULL, &e);
	if (rc == 0)
		rc = store_record_each(st, k, list_row, &x, &e);
	if (rc == 0)
		rc = cli_write_table(&CMD_LIST, &x.t, f);
	else
		fprintf(stderr, "iro list: %s\n", e.msg[0] ? e.msg : "failed");
	table_free(&x.t);
	store_close(st);
	return rc ? 1 : 0;
}

static const struct opt LIST_OPTS[] = {
	{ "child", "ID", "only this child's records", &opt_child },
	{ "format", "FMT", "text, csv or json (default text)", &opt_format },
	{ NULL, NULL, NULL, NULL },
};

#define FIELDS_HELP                                                         \
	"Fields are given as --FIELD VALUE, with the names and codes of "   \
	"docs/records.md\n(dashes or underscores: --minutes-sent or "       \
	"--minutes_sent). Dates are YYYY-MM-DD,\nyes/no for booleans; an "  \
	"empty value clears a field. Every rule is checked\nbefore "        \
	"anything is written; a refusal names the field and the reason."

const struct command CMD_ADD = {
	.name = "add",
	.args = "KIND",
	.npos = 1,
	.summary = "Add a record of any kind (--FIELD VALUE for each field).",
	.details = "For example: iro add contact --child C12 --iro \"Asha "
		   "Patel\" --date 2026-03-02\n--kind visit --seen-alone yes\n\n"
		   FIELDS_HELP,
	.field_opts = true,
	.run = run_add,
};

const struct command CMD_SET = {
	.name = "set",
	.args = "KIND REF",
	.npos = 2,
	.summary = "Change fields of a record (REF: its id; a child's LA id; "
		   "an IRO's name).",
	.details = "The version replaced is kept in the record's history (iro "
		   "show).\n\n" FIELDS_HELP,
	.field_opts = true,
	.run = run_set,
};

const struct command CMD_SHOW = {
	.name = "show",
	.args = "KIND REF",
	.npos = 2,
	.summary = "Show a record as JSON, then each version it replaced.",
	.details = "The first line is the record (docs/records.md); each "
		   "later line a version it\nreplaced, newest first, with "
		   "who replaced it and when. The read is audited.\n\n"
		   "REF is the record's id, a child's LA child id, an IRO's "
		   "name, or the key\nfields separated by commas (an "
		   "episode: CHILD,DECOM).",
	.run = run_show,
};

const struct command CMD_LIST = {
	.name = "list",
	.args = "KIND",
	.npos = 1,
	.summary = "List the records of a kind, one column per field.",
	.opts = LIST_OPTS,
	.run = run_list,
};

const struct command CMD_VISIT_ADD = {
	.name = "visit add",
	.args = "CHILD",
	.npos = 1,
	.summary = "Record the IRO seeing the child (or the child declining).",
	.details = "For example: iro visit add C12 --iro \"Asha Patel\" "
		   "--date 2026-03-02 --kind visit\n--seen-alone yes. Kinds: "
		   "visit, virtual, phone, declined.\n\n" FIELDS_HELP,
	.field_opts = true,
	.run = run_visit_add,
};

const struct command CMD_REC_ADD = {
	.name = "recommendation add",
	.args = "REVIEW",
	.npos = 1,
	.summary = "Add a recommendation made at a review.",
	.details = "For example: iro recommendation add 41 --text \"Health "
		   "assessment to be\narranged\" --owner-role social_worker "
		   "--due 2026-05-01 --childs-own no\n\n" FIELDS_HELP,
	.field_opts = true,
	.run = run_rec_add,
};

const struct command CMD_REC_UPDATE = {
	.name = "recommendation update",
	.args = "ID",
	.npos = 1,
	.summary = "Change a recommendation (its status, achieved date, ...).",
	.details = "For example: iro recommendation update 7 --status achieved "
		   "--achieved 2026-04-20\n\n" FIELDS_HELP,
	.field_opts = true,
	.run = run_rec_update,
};
