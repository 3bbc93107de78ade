/*
 * date.h - calendar dates as day numbers.
 *
 * A date is an int32_t counting days from 1970-01-01 (day 0), in the
 * proleptic Gregorian calendar. Day numbers compare and subtract directly:
 * b - a is the number of calendar days from a to b. DATE_NONE marks "no
 * date" (an open episode's end, a review not yet held).
 *
 * Parsing is strict: a string is a date only if it names a day that exists.
 * 31/02/2021 is refused, not rolled over to March.
 *
 * Pure: no I/O, no time zone, no global state.
 */
#ifndef IRO_DATE_H
#define IRO_DATE_H

#include <stdbool.h>
#include <stdint.h>

#define DATE_NONE INT32_MIN
/* Years a date may have: four digits, and day numbers stay well inside
 * int32_t. */
#define DATE_MIN_YEAR 1000
#define DATE_MAX_YEAR 9999
#define DATE_ISO_LEN 10 /* "2021-04-01" */

enum date_parse {
	DATE_OK = 0,
	DATE_BAD_FORM = -1,  /* not in the expected layout */
	DATE_NO_SUCH_DAY = -2 /* layout fine, but the day does not exist */
};

bool date_is_leap(int year);
int date_days_in_month(int year, int month);
bool date_valid_ymd(int year, int month, int day);

/* Day number of a valid year/month/day (the caller checks validity). */
int32_t date_from_ymd(int year, int month, int day);
void date_to_ymd(int32_t date, int *year, int *month, int *day);

/* 0 = Monday ... 6 = Sunday. */
int date_weekday(int32_t date);

/*
 * Calendar-month arithmetic: the same day of the month `months` later (or
 * earlier, when negative); a day that does not exist in the target month
 * becomes that month's last day (31 Jan + 1 month = 28 or 29 Feb; 31 Jan +
 * 3 months = 30 Apr). Interpretation Act 1978 Sch 1: "month" means calendar
 * month; the clamping is iro's decision (spec §3, domain-rules §1.2).
 */
int32_t date_add_months(int32_t date, int months);

/* Whole years of age on `on` for someone born on `dob`; a 29 February
 * birthday falls on 28 February in common years. */
int date_age_years(int32_t dob, int32_t on);

/* Gregorian Easter Sunday of `year` (anonymous Gregorian algorithm). */
int32_t date_easter_sunday(int year);

/* ISO 8601 calendar date, exactly "YYYY-MM-DD". */
enum date_parse date_parse_iso(const char *s, int32_t *out);
/* SSDA903 date "DD/MM/YYYY"; a one-digit day or month ("1/4/2021") is
 * accepted, as the DfE validator's strptime accepts it. */
enum date_parse date_parse_903(const char *s, int32_t *out);

/* Formats into out (at least DATE_ISO_LEN + 1 bytes); DATE_NONE gives "". */
void date_format_iso(int32_t date, char *out);
void date_format_903(int32_t date, char *out);
/* "Mon 18 Dec 2023" style, for people (at least 16 bytes). */
void date_format_long(int32_t date, char *out, size_t size);

#endif
