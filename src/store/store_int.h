/*
 * store_int.h - what the SQLite back end's files share, and nothing
 * outside src/store sees.
 */
#ifndef IRO_STORE_INT_H
#define IRO_STORE_INT_H

#include <sqlite3.h>

#include "store/records_int.h"
#include "store/store.h"

struct cached_stmt {
	const char *sql; /* the static SQL text: the key */
	sqlite3_stmt *stmt;
};

struct store {
	sqlite3 *db;
	char actor[128];
	bool in_txn;
	struct cached_stmt cache[192];
	size_t ncache;
	struct kind_sql kinds[32]; /* made as each kind is first used */
	size_t nkinds;
	/* The working-day calendar, loaded when a write first needs it and
	 * forgotten when a calendar day changes or a write is undone. */
	struct calendar cal;
	bool cal_ready;
	char cal_stamp[96]; /* store_calendar_stamp when it was built */
	bool dfe_warnings;  /* store_record_put runs the DfE rules (on by
			     * default; store_set_dfe_warnings) */
};

/* A prepared statement for `sql` (a static string: the cache is keyed on
 * its address), reset and with bindings cleared. NULL on error. */
sqlite3_stmt *store_stmt(struct store *st, const char *sql, struct err *err);

/* Binding and reading ISO dates and optional text. */
int bind_date(sqlite3_stmt *s, int i, int32_t date);
int bind_text(sqlite3_stmt *s, int i, const char *text); /* "" -> NULL */
int32_t column_date(sqlite3_stmt *s, int i);
const char *column_text(sqlite3_stmt *s, int i); /* NULL -> "" */
/* Copies column i's text ("" for NULL) into dst, cut to fit. */
void column_copy(sqlite3_stmt *s, int i, char *dst, size_t size);
/* An episode from six columns from i on: decom, dec, rne, ls, place, rec
 * (what the clocks need of it). */
void column_episode(sqlite3_stmt *s, int i, struct episode *e);

/* Sets err from the connection's last error; returns -1. */
int store_fail(struct store *st, struct err *err, const char *doing);

/* The current UTC time, "YYYY-MM-DDTHH:MM:SS.sssZ" (at least 25 bytes). */
void store_now(char *out, size_t size);

/* Executes a statement that returns no rows. */
int store_exec_step(struct store *st, sqlite3_stmt *s, struct err *err,
		    const char *doing);

/* Fills temp.wl_alerts with the alerts that can make a worklist item on
 * as_of (disputes raised by then that are open, closed after it, or with
 * an action due before it and not done by it), and temp.wl_active with the
 * ids of the children in care at some time from since to as_of, with a
 * review held then, or with one of those alerts however long ago they left
 * care; with iro (not 0), only those allocated to that IRO on as_of, with a
 * review the IRO chaired then, or with one of those alerts that the IRO
 * raised (worklist_children.c). */
int store_worklist_children(struct store *st, int32_t since, int32_t as_of,
			    int64_t iro, struct err *err);

/* The store's calendar (loaded once, cached), or NULL on error; and
 * forgetting it when the days it was built from may have changed. */
const struct calendar *store_calendar(struct store *st, struct err *err);
/* A short text that changes whenever the administrator's days change. */
int store_calendar_stamp(struct store *st, char *out, size_t size,
			 struct err *err);
void store_calendar_forget(struct store *st);

/* alert_store.c: an alert's ladder filled in (the active one when it
 * names none) and its stages completed from the ladder, before it is
 * checked; and its rules against the ladder, the theme and team lists and
 * its own past (core/alerts.h). */
int store_alert_fill(struct store *st, struct record *r, struct err *err);
int store_alert_rules(struct store *st, const struct record *r,
		      const struct record *old, struct problems *p,
		      struct err *err);
/* The setting "ladder" names a ladder there is (stored, or a preset). */
int store_setting_rules(struct store *st, const struct record *r,
			struct problems *p, struct err *err);

#endif
