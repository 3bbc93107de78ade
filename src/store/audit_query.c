/*
 * audit_query.c - reading the audit log back, a page at a time, for the
 * auditors' "who viewed or changed this child" (landscape.md §4). Every
 * filter is a bound parameter; an unused one is bound NULL and its test
 * is then true, so one statement serves every combination.
 */
#include "lib/common.h"
#include "lib/err.h"
#include "core/date.h"
#include "store/store_int.h"

/* The actor matches whole ("web:alice") or by the name after the channel
 * ("alice"), so an auditor need not know how the person came in. */
#define AUDIT_WHERE                                                        \
	" WHERE (?1 IS NULL OR a.child_id = ?1)"                           \
	" AND (?2 IS NULL OR a.actor = ?2"                                 \
	"      OR substr(a.actor, instr(a.actor, ':') + 1) = ?2)"          \
	" AND (?3 IS NULL OR a.action = ?3)"                               \
	" AND (?4 IS NULL OR a.at >= ?4)"                                  \
	" AND (?5 IS NULL OR a.at < ?5)"

static const char SQL_COUNT[] = "SELECT count(*) FROM audit a" AUDIT_WHERE;
static const char SQL_PAGE[] =
	"SELECT a.id, a.at, a.actor, a.action, a.entity, "
	"coalesce(a.entity_id, 0), coalesce(a.child_id, 0), "
	"coalesce(c.la_child_id, ''), coalesce(a.detail, '') "
	"FROM audit a LEFT JOIN child c ON c.id = a.child_id" AUDIT_WHERE
	" ORDER BY a.id DESC LIMIT ?6 OFFSET ?7";

static void bind_filter(sqlite3_stmt *s, const struct audit_filter *f)
{
	char from[DATE_ISO_LEN + 1], to[DATE_ISO_LEN + 1];
	if (f->child)
		sqlite3_bind_int64(s, 1, f->child);
	if (f->actor && *f->actor)
		sqlite3_bind_text(s, 2, f->actor, -1, SQLITE_TRANSIENT);
	if (f->action && *f->action)
		sqlite3_bind_text(s, 3, f->action, -1, SQLITE_TRANSIENT);
	/* `at` is an ISO time in UTC, so a day's rows sort from "YYYY-MM-DD"
	 * up to the next day's date. */
	if (f->from != DATE_NONE) {
		date_format_iso(f->from, from);
		sqlite3_bind_text(s, 4, from, -1, SQLITE_TRANSIENT);
	}
	if (f->to != DATE_NONE) {
		date_format_iso(f->to + 1, to);
		sqlite3_bind_text(s, 5, to, -1, SQLITE_TRANSIENT);
	}
}

int store_audit_page(struct store *st, const struct audit_filter *f,
		     long offset, long limit, long *total,
		     int (*fn)(void *ctx, const struct audit_row *row),
		     void *ctx, struct err *err)
{
	sqlite3_stmt *s = store_stmt(st, SQL_COUNT, err);
	if (!s)
		return -1;
	bind_filter(s, f);
	if (sqlite3_step(s) != SQLITE_ROW)
		return store_fail(st, err, "counting the audit log");
	*total = (long)sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (!(s = store_stmt(st, SQL_PAGE, err)))
		return -1;
	bind_filter(s, f);
	sqlite3_bind_int64(s, 6, limit);
	sqlite3_bind_int64(s, 7, offset);
	int rc, stop = 0;
	while (!stop && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct audit_row row = {
			.id = sqlite3_column_int64(s, 0),
			.at = column_text(s, 1),
			.actor = column_text(s, 2),
			.action = column_text(s, 3),
			.entity = column_text(s, 4),
			.entity_id = sqlite3_column_int64(s, 5),
			.child_id = sqlite3_column_int64(s, 6),
			.la_child_id = column_text(s, 7),
			.detail = column_text(s, 8),
		};
		stop = fn(ctx, &row);
	}
	if (!stop && rc != SQLITE_DONE)
		return store_fail(st, err, "reading the audit log");
	sqlite3_reset(s);
	return stop;
}
