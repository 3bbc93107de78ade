/*
 * audit.c - the append-only audit log: who, when, what. The table's
 * triggers refuse UPDATE and DELETE, so a row once written stays.
 */
#include "lib/common.h"
#include "lib/err.h"
#include "store/store_int.h"

static const char SQL_AUDIT[] =
	"INSERT INTO audit(at, actor, action, entity, entity_id, child_id, "
	"detail) VALUES (?, ?, ?, ?, ?, ?, ?)";

int store_audit(struct store *st, const char *action, const char *entity,
		int64_t entity_id, int64_t child_id, const char *detail,
		struct err *err)
{
	sqlite3_stmt *s = store_stmt(st, SQL_AUDIT, err);
	if (!s)
		return -1;
	char now[32];
	store_now(now, sizeof now);
	sqlite3_bind_text(s, 1, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, st->actor, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, action, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, entity, -1, SQLITE_STATIC);
	if (entity_id)
		sqlite3_bind_int64(s, 5, entity_id);
	if (child_id)
		sqlite3_bind_int64(s, 6, child_id);
	bind_text(s, 7, detail);
	return store_exec_step(st, s, err, "writing the audit log");
}

int store_audit_read(struct store *st, const char *entity, int64_t child_id,
		     const char *detail, struct err *err)
{
	if (store_begin(st, err))
		return -1;
	if (store_audit(st, "read", entity, 0, child_id, detail, err)) {
		store_rollback(st);
		return -1;
	}
	return store_commit(st, err);
}
