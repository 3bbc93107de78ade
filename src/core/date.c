/*
 * date.c - day numbers, strict parsing and calendar-month arithmetic.
 *
 * The conversions between day numbers and civil dates are Howard Hinnant's
 * days_from_civil / civil_from_days algorithms (public domain), which are
 * exact for the whole proleptic Gregorian calendar without loops or tables.
 */
#include "lib/common.h"
#include "core/date.h"

bool date_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30,
				      31, 31, 30, 31, 30, 31 };
	if (m == 2 && date_is_leap(y))
		return 29;
	return days[m - 1];
}

bool date_valid_ymd(int y, int m, int d)
{
	return y >= DATE_MIN_YEAR && y <= DATE_MAX_YEAR && m >= 1 && m <= 12 &&
	       d >= 1 && d <= date_days_in_month(y, m);
}

int32_t date_from_ymd(int y, int m, int d)
{
	y -= m <= 2;
	const int era = (y >= 0 ? y : y - 399) / 400;
	const int yoe = y - era * 400;
	const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void date_to_ymd(int32_t z, int *year, int *month, int *day)
{
	z += 719468;
	const int era = (z >= 0 ? z : z - 146096) / 146097;
	const int doe = z - era * 146097;
	const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	const int mp = (5 * doy + 2) / 153;
	const int d = doy - (153 * mp + 2) / 5 + 1;
	const int m = mp < 10 ? mp + 3 : mp - 9;
	*year = yoe + era * 400 + (m <= 2);
	*month = m;
	*day = d;
}

int date_weekday(int32_t date)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0). */
	int w = (int)((date % 7 + 7) % 7);
	return (w + 3) % 7;
}

int32_t date_add_months(int32_t date, int months)
{
	int y, m, d;
	date_to_ymd(date, &y, &m, &d);
	int total = y * 12 + (m - 1) + months;
	int ny = total / 12, nm = total % 12 + 1;
	int last = date_days_in_month(ny, nm);
	return date_from_ymd(ny, nm, d < last ? d : last);
}

int date_age_years(int32_t dob, int32_t on)
{
	int by, bm, bd, y, m, d;
	date_to_ymd(dob, &by, &bm, &bd);
	date_to_ymd(on, &y, &m, &d);
	int age = y - by;
	/* The birthday this year, with 29 Feb clamped to 28 Feb. */
	int bday = bd;
	if (bm == 2 && bd == 29 && !date_is_leap(y))
		bday = 28;
	if (m < bm || (m == bm && d < bday))
		age--;
	return age;
}

int32_t date_easter_sunday(int year)
{
	/* Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
	int a = year % 19, b = year / 100, c = year % 100;
	int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
	int h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	int month = (h + l - 7 * m + 114) / 31;
	int day = (h + l - 7 * m + 114) % 31 + 1;
	return date_from_ymd(year, month, day);
}

/* Reads exactly `width` digits (or, when min < width, between min and width
 * digits) from *p; returns -1 if there are none or too few. */
static int read_digits(const char **p, int min, int width, int *out)
{
	int v = 0, n = 0;
	while (n < width && **p >= '0' && **p <= '9') {
		v = v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	if (n < min)
		return -1;
	*out = v;
	return 0;
}

static enum date_parse finish(int y, int m, int d, int32_t *out)
{
	if (!date_valid_ymd(y, m, d))
		return DATE_NO_SUCH_DAY;
	*out = date_from_ymd(y, m, d);
	return DATE_OK;
}

enum date_parse date_parse_iso(const char *s, int32_t *out)
{
	int y, m, d;
	const char *p = s;
	if (read_digits(&p, 4, 4, &y) || *p++ != '-' ||
	    read_digits(&p, 2, 2, &m) || *p++ != '-' ||
	    read_digits(&p, 2, 2, &d) || *p != '\0')
		return DATE_BAD_FORM;
	return finish(y, m, d, out);
}

enum date_parse date_parse_903(const char *s, int32_t *out)
{
	int y, m, d;
	const char *p = s;
	if (read_digits(&p, 1, 2, &d) || *p++ != '/' ||
	    read_digits(&p, 1, 2, &m) || *p++ != '/' ||
	    read_digits(&p, 4, 4, &y) || *p != '\0')
		return DATE_BAD_FORM;
	return finish(y, m, d, out);
}

void date_format_iso(int32_t date, char *out)
{
	if (date == DATE_NONE) {
		out[0] = '\0';
		return;
	}
	int y, m, d;
	date_to_ymd(date, &y, &m, &d);
	snprintf(out, DATE_ISO_LEN + 1, "%04d-%02d-%02d", y, m, d);
}

void date_format_903(int32_t date, char *out)
{
	if (date == DATE_NONE) {
		out[0] = '\0';
		return;
	}
	int y, m, d;
	date_to_ymd(date, &y, &m, &d);
	snprintf(out, DATE_ISO_LEN + 1, "%02d/%02d/%04d", d, m, y);
}

void date_format_long(int32_t date, char *out, size_t size)
{
	static const char *const wd[7] = { "Mon", "Tue", "Wed", "Thu",
					   "Fri", "Sat", "Sun" };
	static const char *const mon[12] = { "Jan", "Feb", "Mar", "Apr",
					     "May", "Jun", "Jul", "Aug",
					     "Sep", "Oct", "Nov", "Dec" };
	if (date == DATE_NONE) {
		snprintf(out, size, "%s", "");
		return;
	}
	int y, m, d;
	date_to_ymd(date, &y, &m, &d);
	snprintf(out, size, "%s %d %s %d", wd[date_weekday(date)], d,
		 mon[m - 1], y);
}
