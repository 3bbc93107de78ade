/*
 * cmd_calendar.c - iro calendar: working days, and the administrator's
 * days over the England and Wales bank holidays.
 */
#include "lib/common.h"
#include "lib/err.h"
#include "core/calendar.h"
#include "core/date.h"
#include "store/store.h"
#include "cli/cli.h"

/* The calendar a query uses: the database's, or with no database at all
 * (none named and no ./iro.db), the standard one. */
static int load(const struct command *cmd, const char *db,
		struct calendar *cal)
{
	if (cli_no_database(db)) {
		if (cal_init(cal)) {
			fprintf(stderr, "iro %s: out of memory\n", cmd->name);
			return -1;
		}
		return 0;
	}
	struct store *st;
	if (cli_open_with_calendar(cmd, db, &st, cal))
		return -1;
	store_close(st);
	return 0;
}

static int out_of_range(const struct command *cmd, const char *date)
{
	char why[96];
	snprintf(why, sizeof why, "outside the calendar (%d to %d)",
		 CAL_FIRST_YEAR, CAL_LAST_YEAR);
	args_bad(cmd, "date", date, why);
	return 1;
}

/* ---- add-workdays ---- */
extern const struct command CMD_CAL_ADD;

static int run_add(const char *db, const char *const *pos)
{
	int32_t d;
	long n;
	if (cli_date(&CMD_CAL_ADD, "DATE", pos[0], DATE_NONE, &d) ||
	    cli_int(&CMD_CAL_ADD, "N", pos[1], -100000, 100000, &n))
		return 2;
	struct calendar cal;
	if (load(&CMD_CAL_ADD, db, &cal))
		return 1;
	int32_t r = cal_add_workdays(&cal, d, (int)n);
	cal_free(&cal);
	if (r == DATE_NONE)
		return out_of_range(&CMD_CAL_ADD, pos[0]);
	char iso[DATE_ISO_LEN + 1];
	date_format_iso(r, iso);
	printf("%s\n", iso);
	return 0;
}

const struct command CMD_CAL_ADD = {
	.name = "calendar add-workdays",
	.args = "DATE N",
	.npos = 2,
	.summary = "Print the Nth working day after DATE (before it, if N is "
		   "negative).",
	.details = "DATE is day 0: 'within 20 working days of D' ends on "
		   "'iro calendar add-workdays D 20'.\nA working day is Monday "
		   "to Friday, not Christmas Day, Good Friday or a bank\n"
		   "holiday in England and Wales, with the days an "
		   "administrator has added or moved.",
	.run = run_add,
};

/* ---- is-workday ---- */
extern const struct command CMD_CAL_IS;

static int run_is(const char *db, const char *const *pos)
{
	int32_t d;
	if (cli_date(&CMD_CAL_IS, "DATE", pos[0], DATE_NONE, &d))
		return 2;
	struct calendar cal;
	if (load(&CMD_CAL_IS, db, &cal))
		return 1;
	if (!cal_in_range(&cal, d)) {
		cal_free(&cal);
		return out_of_range(&CMD_CAL_IS, pos[0]);
	}
	printf("%s\n", cal_is_workday(&cal, d) ? "yes" : "no");
	cal_free(&cal);
	return 0;
}

const struct command CMD_CAL_IS = {
	.name = "calendar is-workday",
	.args = "DATE",
	.npos = 1,
	.summary = "Print yes if DATE is a working day in England and Wales, "
		   "no if not.",
	.run = run_is,
};

/* ---- holidays ---- */
extern const struct command CMD_CAL_LIST;
static const char *list_year, *list_format;

struct list_ctx {
	int year;
	struct table *t;
};

static const struct table_column LIST_COLS[] = {
	{ "date", CELL_DATE },
	{ "day", CELL_TEXT },
	{ "name", CELL_TEXT },
	{ "source", CELL_TEXT },
};

static void list_row(struct table *t, int32_t d, const char *name,
		     const char *source)
{
	char iso[DATE_ISO_LEN + 1], wd[16];
	date_format_iso(d, iso);
	date_format_long(d, wd, sizeof wd);
	wd[3] = '\0';
	const char *cells[] = { iso, wd, name, source };
	table_add_row(t, cells);
}

static int run_list(const char *db, const char *const *pos)
{
	(void)pos;
	long year;
	enum table_format f;
	char y[8];
	int ty, tm, td;
	date_to_ymd(cli_today(), &ty, &tm, &td);
	snprintf(y, sizeof y, "%d", ty);
	if (cli_int(&CMD_CAL_LIST, "--year", list_year ? list_year : y,
		    CAL_FIRST_YEAR, CAL_LAST_YEAR, &year) ||
	    cli_format(&CMD_CAL_LIST, list_format, &f))
		return 2;
	struct calendar cal;
	if (load(&CMD_CAL_LIST, db, &cal))
		return 1;
	struct table t;
	table_init(&t, LIST_COLS, ARRAY_LEN(LIST_COLS));
	for (int32_t d = date_from_ymd((int)year, 1, 1);
	     d <= date_from_ymd((int)year, 12, 31); d++) {
		unsigned fl = cal_flags(&cal, d);
		if (fl & CAL_ADDED_HOLIDAY) {
			list_row(&t, d, "Holiday added by an administrator",
				 "local");
		} else if (fl & CAL_BANK_HOLIDAY && !(fl & CAL_ADDED_WORKDAY)) {
			struct bank_holiday h[16];
			size_t n = cal_rule_holidays((int)year, h, 16);
			for (size_t i = 0; i < n; i++)
				if (h[i].date == d)
					list_row(&t, d, h[i].name, "England and Wales");
		} else if (fl & CAL_ADDED_WORKDAY) {
			list_row(&t, d, "Working day (bank holiday moved by an "
					"administrator)",
				 "local");
		}
	}
	cal_free(&cal);
	int rc = cli_write_table(&CMD_CAL_LIST, &t, f);
	table_free(&t);
	return rc;
}

static const struct opt LIST_OPTS[] = {
	{ "year", "YYYY", "the calendar year (default: this year)", &list_year },
	{ "format", "FMT", "text, csv or json (default text)", &list_format },
	{ NULL, NULL, NULL, NULL },
};

const struct command CMD_CAL_LIST = {
	.name = "calendar holidays",
	.summary = "List the bank holidays of a year, with the days an "
		   "administrator has added or moved.",
	.opts = LIST_OPTS,
	.run = run_list,
};

/* ---- The administrator's days ---- */

/* Runs one change to the calendar in a transaction. */
static int change(const struct command *cmd, const char *db,
		  int (*fn)(struct store *st, const char *const *pos,
			    struct err *e),
		  const char *const *pos)
{
	struct store *st;
	struct err e;
	if (cli_open(cmd, db, &st))
		return 1;
	int rc = store_begin(st, &e);
	if (!rc)
		rc = fn(st, pos, &e);
	if (!rc)
		rc = store_commit(st, &e);
	if (rc) {
		store_rollback(st);
		fprintf(stderr, "iro %s: %s\n", cmd->name, e.msg);
	}
	store_close(st);
	return rc ? 1 : 0;
}

static const char *holiday_name;

static int parse_day(const char *s, int32_t *d, struct err *e)
{
	switch (date_parse_iso(s, d)) {
	case DATE_OK:
		return 0;
	case DATE_NO_SUCH_DAY:
		return err_set(e, "\"%s\": there is no such day", s);
	default:
		return err_set(e, "\"%s\": not a date: write dates as "
				  "YYYY-MM-DD", s);
	}
}

static int add_holiday(struct store *st, const char *day, const char *name,
		       struct err *e)
{
	int32_t d;
	if (parse_day(day, &d, e))
		return -1;
	struct calendar cal;
	if (store_calendar_load(st, &cal, e))
		return -1;
	bool working = cal_in_range(&cal, d) && cal_is_workday(&cal, d);
	unsigned fl = cal_flags(&cal, d);
	cal_free(&cal);
	if (fl & CAL_ADDED_WORKDAY) /* moving a holiday back */
		return store_calendar_clear_day(st, d, e) < 0 ? -1 : 0;
	if (!working)
		return err_set(e, "%s is not a working day already", day);
	return store_calendar_set_day(st, d, false,
				      name ? name : "Local holiday", e);
}

static int remove_holiday(struct store *st, const char *day, struct err *e)
{
	int32_t d;
	if (parse_day(day, &d, e))
		return -1;
	struct calendar cal;
	if (store_calendar_load(st, &cal, e))
		return -1;
	unsigned fl = cal_flags(&cal, d);
	cal_free(&cal);
	if (fl & CAL_ADDED_HOLIDAY)
		return store_calendar_clear_day(st, d, e) < 0 ? -1 : 0;
	if ((fl & CAL_BANK_HOLIDAY) && !(fl & CAL_ADDED_WORKDAY))
		return store_calendar_set_day(st, d, true,
					      "Bank holiday moved or cancelled",
					      e);
	return err_set(e, "%s is not a bank holiday", day);
}

static int do_add(struct store *st, const char *const *pos, struct err *e)
{
	return add_holiday(st, pos[0], holiday_name, e);
}

static int do_remove(struct store *st, const char *const *pos, struct err *e)
{
	return remove_holiday(st, pos[0], e);
}

static int do_move(struct store *st, const char *const *pos, struct err *e)
{
	return remove_holiday(st, pos[0], e) ||
	       add_holiday(st, pos[1], holiday_name, e);
}

extern const struct command CMD_CAL_ADD_HOLIDAY, CMD_CAL_REMOVE_HOLIDAY,
	CMD_CAL_MOVE_HOLIDAY;

static int run_add_holiday(const char *db, const char *const *pos)
{
	return change(&CMD_CAL_ADD_HOLIDAY, db, do_add, pos);
}

static int run_remove_holiday(const char *db, const char *const *pos)
{
	return change(&CMD_CAL_REMOVE_HOLIDAY, db, do_remove, pos);
}

static int run_move_holiday(const char *db, const char *const *pos)
{
	return change(&CMD_CAL_MOVE_HOLIDAY, db, do_move, pos);
}

static const struct opt NAME_OPTS[] = {
	{ "name", "TEXT", "what the day is, e.g. \"State funeral\"",
	  &holiday_name },
	{ NULL, NULL, NULL, NULL },
};

const struct command CMD_CAL_ADD_HOLIDAY = {
	.name = "calendar add-holiday",
	.args = "DATE",
	.npos = 1,
	.summary = "Make DATE a holiday: a one-off bank holiday the rules do "
		   "not know.",
	.details = "Every deadline counted in working days (first reviews, "
		   "minutes, dispute stages)\nskips it from then on. Undo with "
		   "'iro calendar remove-holiday DATE'.",
	.opts = NAME_OPTS,
	.run = run_add_holiday,
};

const struct command CMD_CAL_REMOVE_HOLIDAY = {
	.name = "calendar remove-holiday",
	.args = "DATE",
	.npos = 1,
	.summary = "Make a bank holiday (or a holiday added earlier) a working "
		   "day.",
	.details = "Christmas Day and Good Friday are never working days, "
		   "whatever the bank holidays are.",
	.run = run_remove_holiday,
};

const struct command CMD_CAL_MOVE_HOLIDAY = {
	.name = "calendar move-holiday",
	.args = "FROM TO",
	.npos = 2,
	.summary = "Move a bank holiday from FROM to TO (as in 2020, 2022).",
	.opts = NAME_OPTS,
	.run = run_move_holiday,
};
