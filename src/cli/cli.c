#include "lib/common.h"
#include "lib/err.h"
#include "core/calendar.h"
#include "core/date.h"
#include "store/store.h"
#include "cli/cli.h"

const char *cli_db_path(const char *db)
{
	if (db)
		return db;
	const char *env = getenv("IRO_DB");
	return env && *env ? env : "iro.db";
}

bool cli_no_database(const char *db)
{
	const char *env = getenv("IRO_DB");
	struct stat sb;
	return !db && !(env && *env) && stat("iro.db", &sb) != 0;
}

int cli_open(const struct command *cmd, const char *db, struct store **st)
{
	struct err e;
	if (store_open(cli_db_path(db), STORE_EXISTING, st, &e)) {
		fprintf(stderr, "iro %s: %s\n", cmd->name, e.msg);
		return -1;
	}
	return 0;
}

int cli_open_with_calendar(const struct command *cmd, const char *db,
			   struct store **st, struct calendar *cal)
{
	struct err e;
	if (cli_open(cmd, db, st))
		return -1;
	if (store_calendar_load(*st, cal, &e)) {
		fprintf(stderr, "iro %s: %s\n", cmd->name, e.msg);
		store_close(*st);
		*st = NULL;
		return -1;
	}
	return 0;
}

int cli_each_child(const struct command *cmd, const char *db,
		   const char *entity, const char *detail,
		   int (*fn)(void *ctx, const struct child_history *h),
		   void *ctx, struct calendar *cal)
{
	struct store *st;
	struct err e = { "" };
	if (cli_open_with_calendar(cmd, db, &st, cal))
		return -1;
	int rc = store_audit_read(st, entity, 0, detail, &e);
	if (!rc && (rc = store_each_child(st, fn, ctx, &e)) && !e.msg[0])
		snprintf(e.msg, sizeof e.msg, "out of memory");
	store_close(st);
	if (rc) {
		fprintf(stderr, "iro %s: %s\n", cmd->name, e.msg);
		cal_free(cal);
		return -1;
	}
	return 0;
}

int cli_date(const struct command *cmd, const char *opt, const char *value,
	     int32_t fallback, int32_t *out)
{
	if (!value) {
		if (fallback == DATE_NONE) {
			fprintf(stderr, "iro %s: %s DATE is required\n",
				cmd->name, opt);
			args_usage(cmd, false);
			return -1;
		}
		*out = fallback;
		return 0;
	}
	switch (date_parse_iso(value, out)) {
	case DATE_OK:
		return 0;
	case DATE_NO_SUCH_DAY:
		args_bad(cmd, opt, value, "there is no such day");
		return -1;
	default:
		args_bad(cmd, opt, value,
			 "not a date: write dates as YYYY-MM-DD, e.g. 2021-04-01");
		return -1;
	}
}

int cli_format(const struct command *cmd, const char *value,
	       enum table_format *out)
{
	int f = table_format_parse(value ? value : "text");
	if (f < 0) {
		args_bad(cmd, "--format", value, "expected text, csv or json");
		return -1;
	}
	*out = (enum table_format)f;
	return 0;
}

int cli_int(const struct command *cmd, const char *what, const char *value,
	    long min, long max, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(value, &end, 10);
	if (errno || end == value || *end || v < min || v > max) {
		char why[96];
		snprintf(why, sizeof why, "expected a whole number from %ld to %ld",
			 min, max);
		args_bad(cmd, what, value, why);
		return -1;
	}
	*out = v;
	return 0;
}

int32_t cli_today(void)
{
	time_t t = time(NULL);
	struct tm tm;
	if (!localtime_r(&t, &tm))
		return date_from_ymd(1970, 1, 1);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

int cli_year(const struct command *cmd, const char *value, int32_t *from,
	     int32_t *to)
{
	int y1, y2;
	char sep, extra;
	if (sscanf(value, "%4d%c%2d%c", &y1, &sep, &y2, &extra) != 3 ||
	    (sep != '-' && sep != '/') || strlen(value) != 7 ||
	    (y1 + 1) % 100 != y2 || y1 < 1991 || y1 > 2149) {
		args_bad(cmd, "--year", value,
			 "expected a reporting year such as 2021-22 "
			 "(1 April 2021 to 31 March 2022)");
		return -1;
	}
	*from = date_from_ymd(y1, 4, 1);
	*to = date_from_ymd(y1 + 1, 3, 31);
	return 0;
}

void cli_print_problems(struct problems *p, size_t max_warnings)
{
	problems_sort(p);
	size_t shown_warnings = 0;
	for (size_t i = 0; i < p->count; i++) {
		if (p->v[i].warning && shown_warnings++ >= max_warnings)
			continue;
		char line[1024];
		problem_format(&p->v[i], line, sizeof line);
		fprintf(stderr, "%s\n", line);
	}
	if (p->warnings > max_warnings)
		fprintf(stderr, "... and %zu more warnings (--all-warnings "
				"shows every one)\n",
			p->warnings - max_warnings);
	if (p->out_of_memory)
		fprintf(stderr, "(some problems were not kept: out of memory)\n");
}

int cli_write_table(const struct command *cmd, const struct table *t,
		    enum table_format f)
{
	if (table_write(t, f, stdout) || fflush(stdout)) {
		fprintf(stderr, "iro %s: could not write the output\n", cmd->name);
		return 1;
	}
	return 0;
}

int cli_sort_and_write(const struct command *cmd, struct table *t,
		       const size_t *by, size_t nby, enum table_format f)
{
	if (t->failed || table_sort(t, by, nby)) {
		fprintf(stderr, "iro %s: out of memory\n", cmd->name);
		return 1;
	}
	return cli_write_table(cmd, t, f);
}

int cli_return_from_store(const struct command *cmd, const char *db,
			  struct v903_data *d)
{
	struct store *st;
	struct err e;
	if (cli_open(cmd, db, &st))
		return -1;
	int rc = 0;
	if (store_begin(st, &e) || store_export_903(st, d, &e) ||
	    store_commit(st, &e)) {
		store_rollback(st);
		fprintf(stderr, "iro %s: %s\n", cmd->name, e.msg);
		rc = -1;
	}
	store_close(st);
	return rc;
}
