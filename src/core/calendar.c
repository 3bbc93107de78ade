/*
 * calendar.c - the England and Wales working-day calendar.
 *
 * Read beside domain-rules.md §1.2 (what a working day is) and §2 (the bank
 * holiday rules and one-off changes, checked there against the gov.uk feed
 * for 2012-2027).
 */
#include "lib/common.h"
#include "lib/err.h"
#include "core/calendar.h"
#include "core/date.h"

/* First weekday `wd` (0 = Monday) on or after `date`. */
static int32_t weekday_on_or_after(int32_t date, int wd)
{
	return date + (wd - date_weekday(date) + 7) % 7;
}

/* Last weekday `wd` on or before `date`. */
static int32_t weekday_on_or_before(int32_t date, int wd)
{
	return date - (date_weekday(date) - wd + 7) % 7;
}

enum { MONDAY = 0, FRIDAY = 4, SATURDAY = 5, SUNDAY = 6 };

/*
 * One-off changes to the standing rules (domain-rules §2). A change that
 * moves a holiday is a removal of the rule's day plus an addition.
 */
static const struct one_off {
	int y, m, d;
	bool added; /* false: the rule's holiday on this day is removed */
	const char *name;
} ONE_OFFS[] = {
	{ 2011, 4, 29, true, "Royal wedding" },
	{ 2012, 5, 28, false, NULL },
	{ 2012, 6, 4, true, "Spring bank holiday (moved from 28 May)" },
	{ 2012, 6, 5, true, "Queen's Diamond Jubilee" },
	{ 2020, 5, 4, false, NULL },
	{ 2020, 5, 8, true, "Early May bank holiday (VE day, moved from 4 May)" },
	{ 2022, 5, 30, false, NULL },
	{ 2022, 6, 2, true, "Spring bank holiday (moved from 30 May)" },
	{ 2022, 6, 3, true, "Platinum Jubilee bank holiday" },
	{ 2022, 9, 19, true, "State Funeral of Queen Elizabeth II" },
	{ 2023, 5, 8, true, "Coronation of King Charles III" },
};

static size_t add_holiday(struct bank_holiday *out, size_t n, size_t cap,
			  int32_t date, const char *name)
{
	if (n < cap) {
		out[n].date = date;
		out[n].name = name;
	}
	return n + 1;
}

/* The standing rules, before one-off changes. */
static size_t standing_rules(int year, struct bank_holiday *h, size_t cap)
{
	size_t n = 0;

	/* New Year's Day; on a weekend, the following Monday. */
	int32_t nyd = date_from_ymd(year, 1, 1);
	int w = date_weekday(nyd);
	if (w == SATURDAY || w == SUNDAY)
		n = add_holiday(h, n, cap, weekday_on_or_after(nyd, MONDAY),
				"New Year's Day (substitute day)");
	else
		n = add_holiday(h, n, cap, nyd, "New Year's Day");

	/* Good Friday and Easter Monday. */
	int32_t easter = date_easter_sunday(year);
	n = add_holiday(h, n, cap, easter - 2, "Good Friday");
	n = add_holiday(h, n, cap, easter + 1, "Easter Monday");

	/* First Monday in May; last Mondays in May and August. */
	n = add_holiday(h, n, cap,
			weekday_on_or_after(date_from_ymd(year, 5, 1), MONDAY),
			"Early May bank holiday");
	n = add_holiday(h, n, cap,
			weekday_on_or_before(date_from_ymd(year, 5, 31), MONDAY),
			"Spring bank holiday");
	n = add_holiday(h, n, cap,
			weekday_on_or_before(date_from_ymd(year, 8, 31), MONDAY),
			"Summer bank holiday");

	/* Christmas Day and Boxing Day with their substitutes:
	 *   25 Dec Mon-Thu: 25 and 26 Dec
	 *   25 Dec Fri:     25 Dec, Boxing Day substitute Mon 28 Dec
	 *   25 Dec Sat:     Christmas substitute Mon 27, Boxing substitute Tue 28
	 *   25 Dec Sun:     Boxing Day Mon 26, Christmas substitute Tue 27 */
	int32_t xmas = date_from_ymd(year, 12, 25);
	switch (date_weekday(xmas)) {
	case FRIDAY:
		n = add_holiday(h, n, cap, xmas, "Christmas Day");
		n = add_holiday(h, n, cap, xmas + 3, "Boxing Day (substitute day)");
		break;
	case SATURDAY:
		n = add_holiday(h, n, cap, xmas + 2,
				"Christmas Day (substitute day)");
		n = add_holiday(h, n, cap, xmas + 3, "Boxing Day (substitute day)");
		break;
	case SUNDAY:
		n = add_holiday(h, n, cap, xmas + 1, "Boxing Day");
		n = add_holiday(h, n, cap, xmas + 2,
				"Christmas Day (substitute day)");
		break;
	default:
		n = add_holiday(h, n, cap, xmas, "Christmas Day");
		n = add_holiday(h, n, cap, xmas + 1, "Boxing Day");
		break;
	}
	return n;
}

size_t cal_rule_holidays(int year, struct bank_holiday *out, size_t cap)
{
	struct bank_holiday h[16];
	size_t n = standing_rules(year, h, ARRAY_LEN(h));

	for (size_t i = 0; i < ARRAY_LEN(ONE_OFFS); i++) {
		const struct one_off *o = &ONE_OFFS[i];
		if (o->y != year)
			continue;
		int32_t date = date_from_ymd(o->y, o->m, o->d);
		if (o->added) {
			n = add_holiday(h, n, ARRAY_LEN(h), date, o->name);
			continue;
		}
		for (size_t j = 0; j < n; j++)
			if (h[j].date == date) {
				h[j] = h[n - 1];
				n--;
				break;
			}
	}

	/* Insertion sort: a year has at most a dozen days. */
	for (size_t i = 1; i < n; i++) {
		struct bank_holiday t = h[i];
		size_t j = i;
		while (j > 0 && h[j - 1].date > t.date) {
			h[j] = h[j - 1];
			j--;
		}
		h[j] = t;
	}
	size_t k = n < cap ? n : cap;
	for (size_t i = 0; i < k; i++)
		out[i] = h[i];
	return k;
}

int cal_init(struct calendar *cal)
{
	cal->first = date_from_ymd(CAL_FIRST_YEAR, 1, 1);
	cal->count = date_from_ymd(CAL_LAST_YEAR + 1, 1, 1) - cal->first;
	cal->flags = calloc((size_t)cal->count, 1);
	if (!cal->flags)
		return -1;

	for (int32_t i = 0; i < cal->count; i++) {
		int w = date_weekday(cal->first + i);
		if (w == SATURDAY || w == SUNDAY)
			cal->flags[i] |= CAL_WEEKEND;
	}
	for (int y = CAL_FIRST_YEAR; y <= CAL_LAST_YEAR; y++) {
		struct bank_holiday h[16];
		size_t n = cal_rule_holidays(y, h, ARRAY_LEN(h));
		for (size_t j = 0; j < n; j++)
			if (cal_in_range(cal, h[j].date))
				cal->flags[h[j].date - cal->first] |=
					CAL_BANK_HOLIDAY;
		/* Christmas Day and Good Friday are never working days, even
		 * when the bank holiday is a substitute day (domain-rules §2). */
		cal->flags[date_from_ymd(y, 12, 25) - cal->first] |=
			CAL_COMMON_LAW;
		cal->flags[date_easter_sunday(y) - 2 - cal->first] |=
			CAL_COMMON_LAW;
	}
	return 0;
}

void cal_free(struct calendar *cal)
{
	free(cal->flags);
	cal->flags = NULL;
	cal->count = 0;
}

bool cal_in_range(const struct calendar *cal, int32_t date)
{
	return date != DATE_NONE && date >= cal->first &&
	       date - cal->first < cal->count;
}

unsigned cal_flags(const struct calendar *cal, int32_t date)
{
	return cal_in_range(cal, date) ? cal->flags[date - cal->first] : 0;
}

int cal_set_override(struct calendar *cal, int32_t date, bool working,
		     struct err *err)
{
	char iso[DATE_ISO_LEN + 1];
	date_format_iso(date, iso);
	if (!cal_in_range(cal, date))
		return err_set(err, "%s is outside the calendar (%d to %d)",
			       iso, CAL_FIRST_YEAR, CAL_LAST_YEAR);
	uint8_t *f = &cal->flags[date - cal->first];
	if (working && (*f & CAL_WEEKEND))
		return err_set(err,
			       "%s is a Saturday or Sunday, which is never a "
			       "working day",
			       iso);
	if (working && (*f & CAL_COMMON_LAW))
		return err_set(err,
			       "%s is Christmas Day or Good Friday, which is "
			       "never a working day",
			       iso);
	*f &= (uint8_t) ~(CAL_ADDED_HOLIDAY | CAL_ADDED_WORKDAY);
	*f |= working ? CAL_ADDED_WORKDAY : CAL_ADDED_HOLIDAY;
	return 0;
}

bool cal_is_workday(const struct calendar *cal, int32_t date)
{
	unsigned f = cal_flags(cal, date);
	if (f & (CAL_WEEKEND | CAL_COMMON_LAW | CAL_ADDED_HOLIDAY))
		return false;
	if (f & CAL_ADDED_WORKDAY)
		return true;
	return !(f & CAL_BANK_HOLIDAY);
}

int32_t cal_add_workdays(const struct calendar *cal, int32_t date, int n)
{
	if (!cal_in_range(cal, date))
		return DATE_NONE;
	int step = n < 0 ? -1 : 1;
	int left = n < 0 ? -n : n;
	while (left > 0) {
		date += step;
		if (!cal_in_range(cal, date))
			return DATE_NONE;
		if (cal_is_workday(cal, date))
			left--;
	}
	return date;
}

int cal_workdays_between(const struct calendar *cal, int32_t from, int32_t to)
{
	int n = 0;
	for (int32_t d = from + 1; d <= to; d++)
		if (cal_is_workday(cal, d))
			n++;
	return n;
}
