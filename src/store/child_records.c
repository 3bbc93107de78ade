/*
 * child_records.c - which records are a child's (store.h,
 * store_child_record_ids), so the child's page reads that child's records
 * only, not every record of a kind.
 */
#include "lib/common.h"
#include "lib/err.h"
#include "core/record.h"
#include "store/store.h"
#include "store/store_int.h"

/* One statement per kind: static strings, as the statement cache is keyed
 * on their addresses. */
static const struct {
	const struct kind *kind;
	const char *sql;
} BY_CHILD[] = {
	{ &KIND_EPISODE, "SELECT rowid FROM episode WHERE child_id = ?1 "
			 "ORDER BY rowid" },
	{ &KIND_ALLOCATION, "SELECT rowid FROM allocation WHERE child_id = ?1 "
			    "ORDER BY rowid" },
	{ &KIND_REVIEW, "SELECT rowid FROM review WHERE child_id = ?1 "
			"ORDER BY rowid" },
	{ &KIND_CONTACT, "SELECT rowid FROM contact WHERE child_id = ?1 "
			 "ORDER BY rowid" },
	{ &KIND_ALERT, "SELECT rowid FROM alert WHERE child_id = ?1 "
		       "ORDER BY rowid" },
	{ &KIND_RECOMMENDATION,
	  "SELECT t.rowid FROM recommendation AS t JOIN review AS v ON "
	  "v.id = t.review_id WHERE v.child_id = ?1 ORDER BY t.rowid" },
	{ &KIND_CONSULTATION,
	  "SELECT t.rowid FROM consultation AS t JOIN review AS v ON "
	  "v.id = t.review_id WHERE v.child_id = ?1 ORDER BY t.rowid" },
};

int store_child_record_ids(struct store *st, const struct kind *k,
			   int64_t child, int64_t **ids, size_t *n,
			   struct err *err)
{
	*ids = NULL;
	*n = 0;
	const char *sql = NULL;
	for (size_t i = 0; i < ARRAY_LEN(BY_CHILD); i++)
		if (BY_CHILD[i].kind == k)
			sql = BY_CHILD[i].sql;
	if (!sql)
		return err_set(err, "no child's list for %s", k->name);
	sqlite3_stmt *s = store_stmt(st, sql, err);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, child);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			int64_t *v = realloc(*ids, cap * sizeof *v);
			if (!v) {
				sqlite3_reset(s);
				free(*ids);
				*ids = NULL;
				*n = 0;
				return err_set(err, "out of memory");
			}
			*ids = v;
		}
		(*ids)[(*n)++] = sqlite3_column_int64(s, 0);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		free(*ids);
		*ids = NULL;
		*n = 0;
		return store_fail(st, err, "listing a child's records");
	}
	return 0;
}
