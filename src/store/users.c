/*
 * users.c - the people who sign in, and the named users of restricted
 * records (schema 007_users.sql). Password hashes are made and checked by
 * the web layer (web/auth.c); the store only keeps them, and never writes
 * one to the audit log.
 */
#include "lib/common.h"
#include "lib/err.h"
#include "lib/xalloc.h"
#include "store/store_int.h"

#define USER_COLUMNS                                                        \
	"u.id, u.username, u.display_name, u.role, u.iro_id, "             \
	"coalesce(i.name, ''), u.disabled, u.password_hash "               \
	"FROM app_user u LEFT JOIN iro i ON i.id = u.iro_id "

static const char SQL_USER_ADD[] =
	"INSERT INTO app_user(username, display_name, role, iro_id, "
	"password_hash, disabled, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
static const char SQL_USER_BY_NAME[] =
	"SELECT " USER_COLUMNS "WHERE u.username = ?";
static const char SQL_USER_BY_ID[] = "SELECT " USER_COLUMNS "WHERE u.id = ?";
static const char SQL_USER_EACH[] =
	"SELECT " USER_COLUMNS "ORDER BY u.username";
static const char SQL_USER_PASSWORD[] =
	"UPDATE app_user SET password_hash = ? WHERE id = ?";
static const char SQL_USER_DISABLED[] =
	"UPDATE app_user SET disabled = ? WHERE id = ?";
static const char SQL_USER_ROLE[] =
	"UPDATE app_user SET role = ?, iro_id = ? WHERE id = ?";
static const char SQL_ACCESS_GRANT[] =
	"INSERT OR IGNORE INTO child_access(child_id, user_id) VALUES (?, ?)";
static const char SQL_ACCESS_REVOKE[] =
	"DELETE FROM child_access WHERE child_id = ? AND user_id = ?";
static const char SQL_ACCESS[] =
	"SELECT c.restricted, "
	" EXISTS (SELECT 1 FROM child_access a "
	"         WHERE a.child_id = c.id AND a.user_id = ?2), "
	" EXISTS (SELECT 1 FROM allocation l "
	"         WHERE l.child_id = c.id AND l.iro_id = ?3 "
	"           AND l.start_date <= ?4 "
	"           AND (l.end_date IS NULL OR l.end_date >= ?4)) "
	"FROM child c WHERE c.id = ?1";

static void read_user(sqlite3_stmt *s, struct app_user *u)
{
	memset(u, 0, sizeof *u);
	u->id = sqlite3_column_int64(s, 0);
	column_copy(s, 1, u->username, sizeof u->username);
	column_copy(s, 2, u->display_name, sizeof u->display_name);
	if (role_parse(column_text(s, 3), &u->role))
		u->role = ROLE_AUDITOR; /* the CHECK makes this unreachable */
	u->iro_id = sqlite3_column_int64(s, 4);
	column_copy(s, 5, u->iro_name, sizeof u->iro_name);
	u->disabled = sqlite3_column_int(s, 6) != 0;
	column_copy(s, 7, u->password_hash, sizeof u->password_hash);
}

/* The audit detail of a change to a user: what changed, never a hash. */
static int audit_user(struct store *st, const char *action, int64_t id,
		      const char *what, struct err *err)
{
	char detail[160];
	snprintf(detail, sizeof detail, "{\"changed\":\"%s\"}", what);
	return store_audit(st, action, "user", id, 0, detail, err);
}

int store_user_add(struct store *st, struct app_user *u, struct err *err)
{
	struct app_user old;
	int found = store_user_by_name(st, u->username, &old, err);
	if (found < 0)
		return -1;
	if (found)
		return err_set(err, "there is a user \"%s\" already",
			       u->username);
	if ((u->role == ROLE_IRO) != (u->iro_id != 0))
		return err_set(err, u->role == ROLE_IRO
					    ? "an IRO's user names the IRO "
					      "whose caseload they see"
					    : "only an IRO's user names an IRO");
	sqlite3_stmt *s = store_stmt(st, SQL_USER_ADD, err);
	if (!s)
		return -1;
	char now[32];
	store_now(now, sizeof now);
	sqlite3_bind_text(s, 1, u->username, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, u->display_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, role_name(u->role), -1, SQLITE_STATIC);
	if (u->iro_id)
		sqlite3_bind_int64(s, 4, u->iro_id);
	sqlite3_bind_text(s, 5, u->password_hash, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 6, u->disabled);
	sqlite3_bind_text(s, 7, now, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(s) != SQLITE_DONE) {
		int rc = store_fail(st, err, "adding a user");
		sqlite3_reset(s);
		return rc;
	}
	sqlite3_reset(s);
	u->id = sqlite3_last_insert_rowid(st->db);
	char detail[200];
	snprintf(detail, sizeof detail, "{\"username\":\"%s\",\"role\":\"%s\"}",
		 u->username, role_name(u->role));
	return store_audit(st, "add", "user", u->id, 0, detail, err);
}

static int user_one(struct store *st, sqlite3_stmt *s, struct app_user *out,
		    struct err *err)
{
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		read_user(s, out);
		sqlite3_reset(s);
		return 1;
	}
	memset(out, 0, sizeof *out);
	if (rc != SQLITE_DONE)
		return store_fail(st, err, "reading a user");
	sqlite3_reset(s);
	return 0;
}

int store_user_by_name(struct store *st, const char *username,
		       struct app_user *out, struct err *err)
{
	sqlite3_stmt *s = store_stmt(st, SQL_USER_BY_NAME, err);
	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, username, -1, SQLITE_STATIC);
	return user_one(st, s, out, err);
}

int store_user_by_id(struct store *st, int64_t id, struct app_user *out,
		     struct err *err)
{
	sqlite3_stmt *s = store_stmt(st, SQL_USER_BY_ID, err);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	return user_one(st, s, out, err);
}

int store_user_set_password(struct store *st, int64_t id, const char *hash,
			    struct err *err)
{
	sqlite3_stmt *s = store_stmt(st, SQL_USER_PASSWORD, err);
	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, hash, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, id);
	return store_exec_step(st, s, err, "changing a password") ||
	       audit_user(st, "change", id, "password", err)
		       ? -1
		       : 0;
}

int store_user_set_disabled(struct store *st, int64_t id, bool disabled,
			    struct err *err)
{
	sqlite3_stmt *s = store_stmt(st, SQL_USER_DISABLED, err);
	if (!s)
		return -1;
	sqlite3_bind_int(s, 1, disabled);
	sqlite3_bind_int64(s, 2, id);
	return store_exec_step(st, s, err, "disabling a user") ||
	       audit_user(st, "change", id,
			  disabled ? "disabled" : "enabled", err)
		       ? -1
		       : 0;
}

int store_user_set_role(struct store *st, int64_t id, enum role role,
			int64_t iro_id, struct err *err)
{
	if ((role == ROLE_IRO) != (iro_id != 0))
		return err_set(err, role == ROLE_IRO
					    ? "an IRO's user names the IRO "
					      "whose caseload they see"
					    : "only an IRO's user names an IRO");
	sqlite3_stmt *s = store_stmt(st, SQL_USER_ROLE, err);
	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, role_name(role), -1, SQLITE_STATIC);
	if (iro_id)
		sqlite3_bind_int64(s, 2, iro_id);
	sqlite3_bind_int64(s, 3, id);
	return store_exec_step(st, s, err, "changing a role") ||
	       audit_user(st, "change", id, "role", err)
		       ? -1
		       : 0;
}

int store_user_each(struct store *st,
		    int (*fn)(void *ctx, const struct app_user *u), void *ctx,
		    struct err *err)
{
	sqlite3_stmt *s = store_stmt(st, SQL_USER_EACH, err);
	if (!s)
		return -1;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct app_user u;
		read_user(s, &u);
		u.password_hash[0] = '\0';
		int stop = fn(ctx, &u);
		if (stop) {
			sqlite3_reset(s);
			return stop;
		}
	}
	if (rc != SQLITE_DONE)
		return store_fail(st, err, "listing users");
	sqlite3_reset(s);
	return 0;
}

int store_child_access_set(struct store *st, int64_t child, int64_t user,
			   bool grant, struct err *err)
{
	sqlite3_stmt *s = store_stmt(st, grant ? SQL_ACCESS_GRANT
					       : SQL_ACCESS_REVOKE,
				     err);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, child);
	sqlite3_bind_int64(s, 2, user);
	if (store_exec_step(st, s, err, "naming a user on a record"))
		return -1;
	char detail[80];
	snprintf(detail, sizeof detail, "{\"user\":%" PRId64 ",\"named\":%s}",
		 user, grant ? "true" : "false");
	return store_audit(st, "change", "child_access", user, child, detail,
			   err);
}

int store_child_access(struct store *st, int64_t child,
		       const struct app_user *u, int32_t day,
		       struct child_access *out, struct err *err)
{
	sqlite3_stmt *s = store_stmt(st, SQL_ACCESS, err);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, child);
	sqlite3_bind_int64(s, 2, u->id);
	sqlite3_bind_int64(s, 3, u->iro_id);
	bind_date(s, 4, day);
	int rc = sqlite3_step(s);
	memset(out, 0, sizeof *out);
	if (rc == SQLITE_ROW) {
		out->restricted = sqlite3_column_int(s, 0) != 0;
		out->named = sqlite3_column_int(s, 1) != 0;
		out->caseload = u->iro_id && sqlite3_column_int(s, 2) != 0;
		sqlite3_reset(s);
		return 1;
	}
	if (rc != SQLITE_DONE)
		return store_fail(st, err, "reading who may see a child");
	sqlite3_reset(s);
	return 0;
}

static const char SQL_HIDDEN[] =
	"SELECT c.la_child_id FROM child c WHERE c.restricted = 1 "
	"AND NOT EXISTS (SELECT 1 FROM child_access a "
	"                WHERE a.child_id = c.id AND a.user_id = ?) "
	"ORDER BY c.la_child_id";

int store_hidden_children(struct store *st, int64_t user,
			  struct hidden_children *out, struct err *err)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = store_stmt(st, SQL_HIDDEN, err);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, user);
	int rc;
	size_t cap = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (GROW(out->la, cap, out->n + 1)) {
			sqlite3_reset(s);
			hidden_children_free(out);
			return err_set(err, "out of memory");
		}
		column_copy(s, 0, out->la[out->n++], sizeof out->la[0]);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		hidden_children_free(out);
		return store_fail(st, err, "reading restricted records");
	}
	return 0;
}

static int by_text(const void *a, const void *b)
{
	return strcmp(a, b);
}

bool hidden_child(const struct hidden_children *h, const char *la_child_id)
{
	/* The store sorts by SQLite's BINARY collation: strcmp's order. */
	return h->n && bsearch(la_child_id, h->la, h->n, sizeof h->la[0],
			       by_text) != NULL;
}

void hidden_children_free(struct hidden_children *h)
{
	free(h->la);
	memset(h, 0, sizeof *h);
}
