/*
 * calendar_days.c - the administrator's days over the England and Wales
 * calendar: holidays added (a new one-off bank holiday) and bank holidays
 * made working days (half of moving one).
 */
#include "lib/common.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "lib/jsonw.h"
#include "core/date.h"
#include "store/store_int.h"

static const char SQL_DAYS[] =
	"SELECT day, working, name, recorded_at, actor FROM calendar_day "
	"ORDER BY day";
static const char SQL_DAY_GET[] =
	"SELECT working, name FROM calendar_day WHERE day = ?";
static const char SQL_DAY_SET[] =
	"INSERT INTO calendar_day(day, working, name, recorded_at, actor) "
	"VALUES (?, ?, ?, ?, ?) ON CONFLICT(day) DO UPDATE SET "
	"working = excluded.working, name = excluded.name, "
	"recorded_at = excluded.recorded_at, actor = excluded.actor";
static const char SQL_DAY_DELETE[] = "DELETE FROM calendar_day WHERE day = ?";

int store_calendar_days(struct store *st,
			int (*fn)(void *ctx, const struct calendar_day *d),
			void *ctx, struct err *err)
{
	sqlite3_stmt *s = store_stmt(st, SQL_DAYS, err);
	if (!s)
		return -1;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct calendar_day d = {
			.day = column_date(s, 0),
			.working = sqlite3_column_int(s, 1) != 0,
			.name = column_text(s, 2),
			.recorded_at = column_text(s, 3),
			.actor = column_text(s, 4),
		};
		int r = fn(ctx, &d);
		if (r) {
			sqlite3_reset(s);
			return r;
		}
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, err, "reading calendar days");
}

struct apply_ctx {
	struct calendar *cal;
	struct err *err;
	int failed;
};

static int apply_day(void *ctx, const struct calendar_day *d)
{
	struct apply_ctx *a = ctx;
	if (cal_set_override(a->cal, d->day, d->working, a->err)) {
		err_prefix(a->err, "calendar day in the database: ");
		a->failed = 1;
		return 1;
	}
	return 0;
}

int store_calendar_load(struct store *st, struct calendar *cal,
			struct err *err)
{
	if (cal_init(cal))
		return err_set(err, "out of memory building the calendar");
	struct apply_ctx a = { cal, err, 0 };
	if (store_calendar_days(st, apply_day, &a, err) || a.failed) {
		cal_free(cal);
		return -1;
	}
	return 0;
}

/* The audit detail: the day and its old and new settings. */
static int day_detail(struct buf *b, int32_t day, int old_working,
		      const char *old_name, int new_working, const char *new_name)
{
	char iso[DATE_ISO_LEN + 1];
	date_format_iso(day, iso);
	int rc = buf_printf(b, "{\"day\":\"%s\",\"old\":", iso);
	if (old_working < 0)
		rc |= buf_adds(b, "null");
	else {
		rc |= buf_printf(b, "{\"working\":%s,\"name\":",
				 old_working ? "true" : "false");
		rc |= json_add_string(b, old_name);
		rc |= buf_addc(b, '}');
	}
	rc |= buf_adds(b, ",\"new\":");
	if (new_working < 0)
		rc |= buf_adds(b, "null");
	else {
		rc |= buf_printf(b, "{\"working\":%s,\"name\":",
				 new_working ? "true" : "false");
		rc |= json_add_string(b, new_name);
		rc |= buf_addc(b, '}');
	}
	return rc | buf_addc(b, '}');
}

/* The current setting of a day: -1 if none, else 0/1 with its name. */
static int day_get(struct store *st, int32_t day, char *name, size_t size,
		   struct err *err, int *working)
{
	sqlite3_stmt *s = store_stmt(st, SQL_DAY_GET, err);
	if (!s)
		return -1;
	bind_date(s, 1, day);
	int rc = sqlite3_step(s);
	*working = -1;
	name[0] = '\0';
	if (rc == SQLITE_ROW) {
		*working = sqlite3_column_int(s, 0);
		snprintf(name, size, "%s", column_text(s, 1));
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE
		       ? 0
		       : store_fail(st, err, "reading a calendar day");
}

int store_calendar_set_day(struct store *st, int32_t day, bool working,
			   const char *name, struct err *err)
{
	store_calendar_forget(st);
	/* The calendar's own rules decide whether the day may be set. */
	struct calendar cal;
	if (store_calendar_load(st, &cal, err))
		return -1;
	int rc = cal_set_override(&cal, day, working, err);
	cal_free(&cal);
	if (rc)
		return -1;

	char old_name[256];
	int old_working;
	if (day_get(st, day, old_name, sizeof old_name, err, &old_working))
		return -1;
	sqlite3_stmt *s = store_stmt(st, SQL_DAY_SET, err);
	if (!s)
		return -1;
	char now[32];
	store_now(now, sizeof now);
	bind_date(s, 1, day);
	sqlite3_bind_int(s, 2, working);
	sqlite3_bind_text(s, 3, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 4, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 5, st->actor, -1, SQLITE_TRANSIENT);
	if (store_exec_step(st, s, err, "saving a calendar day"))
		return -1;
	struct buf b;
	buf_init(&b, 4096);
	if (day_detail(&b, day, old_working, old_name, working, name)) {
		buf_free(&b);
		return err_set(err, "out of memory");
	}
	rc = store_audit(st, old_working < 0 ? "create" : "update",
			 "calendar_day", 0, 0, b.data, err);
	buf_free(&b);
	return rc;
}

int store_calendar_clear_day(struct store *st, int32_t day, struct err *err)
{
	store_calendar_forget(st);
	char old_name[256];
	int old_working;
	if (day_get(st, day, old_name, sizeof old_name, err, &old_working))
		return -1;
	if (old_working < 0)
		return 1;
	sqlite3_stmt *s = store_stmt(st, SQL_DAY_DELETE, err);
	if (!s)
		return -1;
	bind_date(s, 1, day);
	if (store_exec_step(st, s, err, "removing a calendar day"))
		return -1;
	struct buf b;
	buf_init(&b, 4096);
	if (day_detail(&b, day, old_working, old_name, -1, NULL)) {
		buf_free(&b);
		return err_set(err, "out of memory");
	}
	int rc = store_audit(st, "delete", "calendar_day", 0, 0, b.data, err);
	buf_free(&b);
	return rc;
}

/* The count, the latest change and a sum over every day and its kind:
 * adding, removing or changing a day changes at least one of them. */
static const char SQL_STAMP[] =
	"SELECT count(*) || '/' || coalesce(max(recorded_at), '') || '/' || "
	"total(julianday(day) * (working + 2)) FROM calendar_day";

int store_calendar_stamp(struct store *st, char *out, size_t size,
			 struct err *err)
{
	sqlite3_stmt *s = store_stmt(st, SQL_STAMP, err);
	if (!s)
		return -1;
	if (sqlite3_step(s) != SQLITE_ROW)
		return store_fail(st, err, "reading the calendar's days");
	column_copy(s, 0, out, size);
	sqlite3_reset(s);
	return 0;
}
