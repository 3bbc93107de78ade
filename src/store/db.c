/*
 * db.c - opening the SQLite database, migrating its schema, transactions
 * and the statement cache (stack-notes §1 for each setting's reason).
 */
#include "lib/common.h"
#include "lib/err.h"
#include "lib/natsort.h"
#include "core/date.h"
#include "store/embedded.h"
#include "store/store_int.h"

/* PRAGMA application_id: "IRO1", so iro knows its own files. */
#define IRO_APPLICATION_ID 0x49524F31

int store_fail(struct store *st, struct err *err, const char *doing)
{
	return err_set(err, "database error %s: %s", doing,
		       st && st->db ? sqlite3_errmsg(st->db) : "no connection");
}

void store_now(char *out, size_t size)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	int64_t secs = (int64_t)ts.tv_sec;
	int32_t day = (int32_t)(secs / 86400);
	int rem = (int)(secs % 86400);
	if (rem < 0) {
		rem += 86400;
		day--;
	}
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	snprintf(out, size, "%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ", y, m, d,
		 rem / 3600, rem / 60 % 60, rem % 60, ts.tv_nsec / 1000000);
}

static int natural_collation(void *arg, int alen, const void *a, int blen,
			     const void *b)
{
	(void)arg;
	return natcmp(a, (size_t)alen, b, (size_t)blen);
}

static int exec(struct store *st, const char *sql, struct err *err,
		const char *doing)
{
	char *msg = NULL;
	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		err_set(err, "database error %s: %s", doing,
			msg ? msg : sqlite3_errmsg(st->db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

static int pragma_int(struct store *st, const char *sql, int *out)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return -1;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 0 : -1;
}

int store_schema_latest(void)
{
	return (int)store_migrations_count;
}

int store_schema_version(struct store *st)
{
	int v = -1;
	pragma_int(st, "PRAGMA user_version", &v);
	return v;
}

/* Brings the schema up to date, one migration per transaction. */
static int migrate(struct store *st, struct err *err)
{
	int version = store_schema_version(st);
	int latest = store_schema_latest();
	if (version < 0)
		return store_fail(st, err, "reading the schema version");
	if (version > latest)
		return err_set(err,
			       "the database is at schema version %d, newer "
			       "than this iro knows (%d): use a newer iro",
			       version, latest);
	for (int v = version; v < latest; v++) {
		char doing[128], bump[64];
		snprintf(doing, sizeof doing, "applying migration %s",
			 store_migrations[v].name);
		snprintf(bump, sizeof bump, "PRAGMA user_version = %d", v + 1);
		if (exec(st, "BEGIN IMMEDIATE", err, doing))
			return -1;
		if (exec(st, store_migrations[v].text, err, doing) ||
		    exec(st, bump, err, doing)) {
			exec(st, "ROLLBACK", NULL, doing);
			return -1;
		}
		if (exec(st, "COMMIT", err, doing)) {
			exec(st, "ROLLBACK", NULL, doing);
			return -1;
		}
	}
	return 0;
}

static const char *default_actor(char *buf, size_t size)
{
	const char *who = getenv("IRO_USER");
	if (!who || !*who) {
		struct passwd *pw = getpwuid(geteuid());
		who = pw ? pw->pw_name : "unknown";
	}
	snprintf(buf, size, "cli:%s", who);
	return buf;
}

int store_open(const char *path, enum store_open_mode mode,
	       struct store **out, struct err *err)
{
	struct stat sb;
	bool exists = stat(path, &sb) == 0;
	*out = NULL;
	if (mode == STORE_EXISTING && !exists)
		return err_set(err,
			       "there is no iro database at %s: make one with "
			       "'iro init --db %s', or name another with --db "
			       "or IRO_DB",
			       path, path);
	if (mode == STORE_CREATE && exists)
		return err_set(err, "%s already exists: iro init will not "
				    "overwrite it",
			       path);

	/* iro never asks SQLite how much memory it uses, and the accounting
	 * takes a global mutex on every allocation. Only possible before
	 * SQLite starts, so later calls are refused harmlessly. */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);

	struct store *st = calloc(1, sizeof *st);
	if (!st)
		return err_set(err, "out of memory");
	/* NOMUTEX: a connection is never shared between threads (store.h),
	 * so SQLite's serialising mutex would only cost time. */
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE |
		    SQLITE_OPEN_NOMUTEX |
		    (mode == STORE_CREATE ? SQLITE_OPEN_CREATE : 0);
	if (sqlite3_open_v2(path, &st->db, flags, NULL) != SQLITE_OK) {
		err_set(err, "cannot open %s: %s", path,
			st->db ? sqlite3_errmsg(st->db) : "out of memory");
		store_close(st);
		return -1;
	}
	default_actor(st->actor, sizeof st->actor);
	st->dfe_warnings = true;

	/* Double-quoted strings are identifiers, never literals; defensive
	 * mode stops SQL from corrupting the file (stack-notes §1). */
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_DQS_DML, 0, (int *)NULL);
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_DQS_DDL, 0, (int *)NULL);
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)NULL);
	sqlite3_busy_timeout(st->db, 5000);
	sqlite3_create_collation(st->db, "NATURAL", SQLITE_UTF8, NULL,
				 natural_collation);

	int app = 0;
	if (mode == STORE_EXISTING &&
	    (pragma_int(st, "PRAGMA application_id", &app) || app != IRO_APPLICATION_ID)) {
		err_set(err, "%s is not an iro database", path);
		store_close(st);
		return -1;
	}
	char id[64];
	snprintf(id, sizeof id, "PRAGMA application_id = %d", IRO_APPLICATION_ID);
	if (exec(st, "PRAGMA journal_mode = WAL", err, "setting WAL mode") ||
	    exec(st, "PRAGMA synchronous = FULL", err, "setting synchronous") ||
	    /* Reading a national-size service for the worklist is mostly
	     * copying pages: map the file instead, and keep a big load's
	     * pages in memory until it commits (docs/performance.md). */
	    exec(st, "PRAGMA cache_size = -131072", err, "sizing the cache") ||
	    exec(st, "PRAGMA mmap_size = 1073741824", err, "mapping the file") ||
	    exec(st, "PRAGMA foreign_keys = ON", err, "enabling foreign keys") ||
	    (mode == STORE_CREATE && exec(st, id, err, "marking the file")) ||
	    migrate(st, err)) {
		store_close(st);
		if (mode == STORE_CREATE)
			unlink(path);
		return -1;
	}
	*out = st;
	return 0;
}

void store_close(struct store *st)
{
	if (!st)
		return;
	for (size_t i = 0; i < st->ncache; i++)
		sqlite3_finalize(st->cache[i].stmt);
	store_kind_sql_free(st);
	store_calendar_forget(st);
	if (st->db)
		sqlite3_close(st->db);
	free(st);
}

void store_set_dfe_warnings(struct store *st, bool on)
{
	st->dfe_warnings = on;
}

void store_set_actor(struct store *st, const char *actor)
{
	snprintf(st->actor, sizeof st->actor, "%s", actor);
}

sqlite3_stmt *store_stmt(struct store *st, const char *sql, struct err *err)
{
	for (size_t i = 0; i < st->ncache; i++)
		if (st->cache[i].sql == sql) {
			sqlite3_reset(st->cache[i].stmt);
			sqlite3_clear_bindings(st->cache[i].stmt);
			return st->cache[i].stmt;
		}
	sqlite3_stmt *s;
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s,
			       NULL) != SQLITE_OK) {
		store_fail(st, err, "preparing a statement");
		return NULL;
	}
	if (st->ncache < ARRAY_LEN(st->cache)) {
		st->cache[st->ncache].sql = sql;
		st->cache[st->ncache].stmt = s;
		st->ncache++;
	} else {
		/* The cache is sized for every statement iro has; running out
		 * is a programming error worth hearing about. */
		sqlite3_finalize(s);
		err_set(err, "internal error: statement cache full");
		return NULL;
	}
	return s;
}

int store_exec_step(struct store *st, sqlite3_stmt *s, struct err *err,
		    const char *doing)
{
	int rc = sqlite3_step(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return store_fail(st, err, doing);
	sqlite3_reset(s);
	return 0;
}

int bind_date(sqlite3_stmt *s, int i, int32_t date)
{
	if (date == DATE_NONE)
		return sqlite3_bind_null(s, i);
	char iso[DATE_ISO_LEN + 1];
	date_format_iso(date, iso);
	return sqlite3_bind_text(s, i, iso, -1, SQLITE_TRANSIENT);
}

int bind_text(sqlite3_stmt *s, int i, const char *text)
{
	if (!text || !*text)
		return sqlite3_bind_null(s, i);
	return sqlite3_bind_text(s, i, text, -1, SQLITE_TRANSIENT);
}

int32_t column_date(sqlite3_stmt *s, int i)
{
	const char *t = (const char *)sqlite3_column_text(s, i);
	int32_t d;
	if (!t || date_parse_iso(t, &d) != DATE_OK)
		return DATE_NONE;
	return d;
}

const char *column_text(sqlite3_stmt *s, int i)
{
	const char *t = (const char *)sqlite3_column_text(s, i);
	return t ? t : "";
}

void column_copy(sqlite3_stmt *s, int i, char *dst, size_t size)
{
	/* Not snprintf: the worklist copies three codes of every episode of
	 * the service, and formatting showed in its profile. */
	const char *t = column_text(s, i);
	size_t n = strnlen(t, size - 1);
	memcpy(dst, t, n);
	dst[n] = '\0';
}

void column_episode(sqlite3_stmt *s, int i, struct episode *e)
{
	memset(e, 0, sizeof *e);
	e->decom = column_date(s, i);
	e->dec = column_date(s, i + 1);
	e->rne = column_text(s, i + 2)[0];
	column_copy(s, i + 3, e->ls, sizeof e->ls);
	column_copy(s, i + 4, e->place, sizeof e->place);
	column_copy(s, i + 5, e->rec, sizeof e->rec);
}

int store_begin(struct store *st, struct err *err)
{
	if (exec(st, "BEGIN IMMEDIATE", err, "starting a transaction"))
		return -1;
	st->in_txn = true;
	return 0;
}

int store_commit(struct store *st, struct err *err)
{
	if (exec(st, "COMMIT", err, "committing")) {
		store_rollback(st);
		return -1;
	}
	st->in_txn = false;
	return 0;
}

void store_idle(struct store *st)
{
	if (st->in_txn || !sqlite3_get_autocommit(st->db))
		store_rollback(st);
	for (size_t i = 0; i < st->ncache; i++)
		sqlite3_reset(st->cache[i].stmt);
}

void store_rollback(struct store *st)
{
	store_calendar_forget(st);
	if (st->in_txn || !sqlite3_get_autocommit(st->db))
		exec(st, "ROLLBACK", NULL, "rolling back");
	st->in_txn = false;
}

static const char SQL_SETTING_SET[] =
	"INSERT INTO setting(key, value) VALUES (?, ?) "
	"ON CONFLICT(key) DO UPDATE SET value = excluded.value";

int store_setting_set(struct store *st, const char *key, const char *value,
		      struct err *err)
{
	sqlite3_stmt *s = store_stmt(st, SQL_SETTING_SET, err);
	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, value, -1, SQLITE_STATIC);
	return store_exec_step(st, s, err, "saving a setting");
}

static const char SQL_SETTING_GET[] = "SELECT value FROM setting WHERE key = ?";

int store_setting_get(struct store *st, const char *key, char *out,
		      size_t size, struct err *err)
{
	sqlite3_stmt *s = store_stmt(st, SQL_SETTING_GET, err);
	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		column_copy(s, 0, out, size);
		sqlite3_reset(s);
		return 1;
	}
	if (rc != SQLITE_DONE)
		return store_fail(st, err, "reading a setting");
	if (size)
		out[0] = '\0';
	return 0;
}
