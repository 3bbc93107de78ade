/*
 * calendar.h - working days in England and Wales.
 *
 * A working day is any day other than a Saturday, a Sunday, Christmas Day,
 * Good Friday or a bank holiday in England and Wales (the standard
 * definition in English children's-services regulations; domain-rules §1.2).
 * Bank holidays come from the standing rules for every year the calendar
 * covers, plus the one-off changes of domain-rules §2 (2011, 2012, 2020,
 * 2022, 2023), plus the days an administrator adds or moves (overrides,
 * kept in the store and applied with cal_set_override).
 *
 * "Within N working days of D": D is day 0 and the deadline is the Nth
 * working day after D (spec §3).
 *
 * A struct calendar owns its day table; cal_init allocates it and cal_free
 * releases it. Once built it is read-only and may be shared by threads.
 */
#ifndef IRO_CALENDAR_H
#define IRO_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct err;

/* The years the table covers. Bank holidays are required for 1991-2100
 * (spec §3); the same rules are applied a little either side so that a
 * count of working days never falls off the edge for real dates. */
#define CAL_FIRST_YEAR 1950
#define CAL_LAST_YEAR 2150

enum cal_day_flag {
	CAL_WEEKEND = 1 << 0,
	CAL_BANK_HOLIDAY = 1 << 1,   /* from the rules and one-off changes */
	CAL_COMMON_LAW = 1 << 2,     /* Christmas Day or Good Friday */
	CAL_ADDED_HOLIDAY = 1 << 3,  /* an administrator made it a holiday */
	CAL_ADDED_WORKDAY = 1 << 4,  /* an administrator made it a working day */
};

struct calendar {
	int32_t first; /* day number of 1 Jan CAL_FIRST_YEAR */
	int32_t count; /* days in the table */
	uint8_t *flags; /* owned; one byte of enum cal_day_flag per day */
};

/* One bank holiday of the standing rules or a one-off change. */
struct bank_holiday {
	int32_t date;
	const char *name; /* static string */
};

/* Builds the calendar from the rules and one-off changes. Returns 0, or -1
 * when memory runs out. */
int cal_init(struct calendar *cal);
void cal_free(struct calendar *cal);

/*
 * Applies an administrator's day: working = false makes `date` a holiday,
 * working = true makes a bank holiday a working day (half of moving a
 * holiday). Refused (-1, with a message) outside the table, and when asked
 * to make a weekend, Christmas Day or Good Friday a working day: the
 * definition of a working day excludes those whatever the bank holidays are.
 */
int cal_set_override(struct calendar *cal, int32_t date, bool working,
		     struct err *err);

bool cal_in_range(const struct calendar *cal, int32_t date);
bool cal_is_workday(const struct calendar *cal, int32_t date);
unsigned cal_flags(const struct calendar *cal, int32_t date);

/* The nth working day after `date` (n > 0), or before it (n < 0); n = 0
 * gives `date`. DATE_NONE when the answer falls outside the table. */
int32_t cal_add_workdays(const struct calendar *cal, int32_t date, int n);

/* Working days in (from, to]: the working days elapsed since `from`, as
 * used to count a deadline. 0 when to <= from. */
int cal_workdays_between(const struct calendar *cal, int32_t from, int32_t to);

/* The bank holidays of `year` by the standing rules and one-off changes,
 * in date order, before any administrator's days. Returns how many were
 * written (at most cap; a year has at most 10). */
size_t cal_rule_holidays(int year, struct bank_holiday *out, size_t cap);

#endif
