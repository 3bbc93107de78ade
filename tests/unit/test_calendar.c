/*
 * test_calendar.c - the England and Wales working-day calendar.
 *
 * Checks the whole bank-holiday table of domain-rules §2 (2010-2035), the
 * worked examples of §1.2, the rules for every year 1991-2100, and the
 * administrator's days.
 *
 * domain-rules §1.2: "A date is a working day when all of these hold: it is
 * Monday to Friday; it is not 25 December; it is not Good Friday; it is not
 * on the England and Wales bank-holiday list".
 * spec §3: "Within N working days of D": D is day 0; the deadline is the
 * Nth working day after D.
 */
#include "calendar_fixture.h"
#include "lib/err.h"

/* domain-rules §2, "England and Wales bank holidays, 2010-2035", every
 * row, transcribed from the table by script. */
static const struct {
	int year;
	const char *dates[12];
} TABLE[] = {
	{ 2010, { "2010-01-01", "2010-04-02", "2010-04-05", "2010-05-03", "2010-05-31", "2010-08-30", "2010-12-27", "2010-12-28" } },
	{ 2011, { "2011-01-03", "2011-04-22", "2011-04-25", "2011-04-29", "2011-05-02", "2011-05-30", "2011-08-29", "2011-12-26", "2011-12-27" } },
	{ 2012, { "2012-01-02", "2012-04-06", "2012-04-09", "2012-05-07", "2012-06-04", "2012-06-05", "2012-08-27", "2012-12-25", "2012-12-26" } },
	{ 2013, { "2013-01-01", "2013-03-29", "2013-04-01", "2013-05-06", "2013-05-27", "2013-08-26", "2013-12-25", "2013-12-26" } },
	{ 2014, { "2014-01-01", "2014-04-18", "2014-04-21", "2014-05-05", "2014-05-26", "2014-08-25", "2014-12-25", "2014-12-26" } },
	{ 2015, { "2015-01-01", "2015-04-03", "2015-04-06", "2015-05-04", "2015-05-25", "2015-08-31", "2015-12-25", "2015-12-28" } },
	{ 2016, { "2016-01-01", "2016-03-25", "2016-03-28", "2016-05-02", "2016-05-30", "2016-08-29", "2016-12-26", "2016-12-27" } },
	{ 2017, { "2017-01-02", "2017-04-14", "2017-04-17", "2017-05-01", "2017-05-29", "2017-08-28", "2017-12-25", "2017-12-26" } },
	{ 2018, { "2018-01-01", "2018-03-30", "2018-04-02", "2018-05-07", "2018-05-28", "2018-08-27", "2018-12-25", "2018-12-26" } },
	{ 2019, { "2019-01-01", "2019-04-19", "2019-04-22", "2019-05-06", "2019-05-27", "2019-08-26", "2019-12-25", "2019-12-26" } },
	{ 2020, { "2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28" } },
	{ 2021, { "2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28" } },
	{ 2022, { "2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27" } },
	{ 2023, { "2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25", "2023-12-26" } },
	{ 2024, { "2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26" } },
	{ 2025, { "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26" } },
	{ 2026, { "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28" } },
	{ 2027, { "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28" } },
	{ 2028, { "2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29", "2028-08-28", "2028-12-25", "2028-12-26" } },
	{ 2029, { "2029-01-01", "2029-03-30", "2029-04-02", "2029-05-07", "2029-05-28", "2029-08-27", "2029-12-25", "2029-12-26" } },
	{ 2030, { "2030-01-01", "2030-04-19", "2030-04-22", "2030-05-06", "2030-05-27", "2030-08-26", "2030-12-25", "2030-12-26" } },
	{ 2031, { "2031-01-01", "2031-04-11", "2031-04-14", "2031-05-05", "2031-05-26", "2031-08-25", "2031-12-25", "2031-12-26" } },
	{ 2032, { "2032-01-01", "2032-03-26", "2032-03-29", "2032-05-03", "2032-05-31", "2032-08-30", "2032-12-27", "2032-12-28" } },
	{ 2033, { "2033-01-03", "2033-04-15", "2033-04-18", "2033-05-02", "2033-05-30", "2033-08-29", "2033-12-26", "2033-12-27" } },
	{ 2034, { "2034-01-02", "2034-04-07", "2034-04-10", "2034-05-01", "2034-05-29", "2034-08-28", "2034-12-25", "2034-12-26" } },
	{ 2035, { "2035-01-01", "2035-03-23", "2035-03-26", "2035-05-07", "2035-05-28", "2035-08-27", "2035-12-25", "2035-12-26" } },
};

static void rules_give_the_whole_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(TABLE); i++) {
		struct bank_holiday h[16];
		size_t n = cal_rule_holidays(TABLE[i].year, h, ARRAY_LEN(h));
		size_t want = 0;
		while (want < 12 && TABLE[i].dates[want])
			want++;
		if (n != want)
			fail_msg("%d: %zu bank holidays, table has %zu",
				 TABLE[i].year, n, want);
		for (size_t j = 0; j < n; j++)
			assert_date_equal(h[j].date, D(TABLE[i].dates[j]));
	}
}

static void table_days_are_not_working_days(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(TABLE); i++) {
		int year = TABLE[i].year;
		for (int32_t d = date_from_ymd(year, 1, 1);
		     d <= date_from_ymd(year, 12, 31); d++) {
			bool listed = false;
			for (size_t j = 0; j < 12 && TABLE[i].dates[j]; j++)
				if (D(TABLE[i].dates[j]) == d)
					listed = true;
			int y, m, dd;
			date_to_ymd(d, &y, &m, &dd);
			bool xmas = m == 12 && dd == 25;
			bool gf = d == date_easter_sunday(year) - 2;
			bool want = date_weekday(d) < 5 && !listed && !xmas && !gf;
			if (cal_is_workday(&cal, d) != want) {
				char s[11];
				date_format_iso(d, s);
				fail_msg("%s: working day %d, want %d", s,
					 cal_is_workday(&cal, d), want);
			}
		}
	}
}

/* domain-rules §1.2 test vectors: became looked after -> 20th working
 * day (deadline for review 1). */
static void worked_examples_of_20_working_days(void **state)
{
	(void)state;
	static const char *v[][2] = {
		{ "2023-12-18", "2024-01-18" }, /* skips 25, 26 Dec and 1 Jan */
		{ "2022-05-27", "2022-06-28" }, /* skips 2, 3 Jun 2022 jubilee */
		{ "2020-05-01", "2020-06-02" }, /* skips VE Day 8 May, 25 May */
		{ "2011-04-20", "2011-05-24" }, /* skips 22, 25, 29 Apr, 2 May */
		{ "2024-03-28", "2024-04-29" }, /* Good Friday, Easter Monday */
		{ "2025-12-19", "2026-01-21" }, /* skips 25, 26 Dec and 1 Jan */
	};
	for (size_t i = 0; i < ARRAY_LEN(v); i++)
		assert_date_equal(cal_add_workdays(&cal, D(v[i][0]), 20),
				  D(v[i][1]));
}

static void day_zero_is_the_start_date(void **state)
{
	(void)state;
	/* A weekend or holiday start still counts from the next working day. */
	assert_date_equal(cal_add_workdays(&cal, D("2024-03-29"), 1),
			  D("2024-04-02")); /* Good Friday start */
	assert_date_equal(cal_add_workdays(&cal, D("2024-06-01"), 1),
			  D("2024-06-03")); /* Saturday start */
	assert_date_equal(cal_add_workdays(&cal, D("2024-06-03"), 0),
			  D("2024-06-03"));
	assert_date_equal(cal_add_workdays(&cal, D("2024-06-04"), 1),
			  D("2024-06-05"));
	/* Backwards. */
	assert_date_equal(cal_add_workdays(&cal, D("2024-04-02"), -1),
			  D("2024-03-28"));
	assert_date_equal(cal_add_workdays(&cal, D("2024-01-18"), -20),
			  D("2023-12-18"));
}

static void counting_elapsed_working_days(void **state)
{
	(void)state;
	assert_int_equal(cal_workdays_between(&cal, D("2023-12-18"),
					      D("2024-01-18")), 20);
	assert_int_equal(cal_workdays_between(&cal, D("2024-01-18"),
					      D("2024-01-18")), 0);
	assert_int_equal(cal_workdays_between(&cal, D("2024-01-19"),
					      D("2024-01-18")), 0);
	/* Fri 22 Dec 2023 to Tue 2 Jan 2024: 27, 28, 29 Dec and 2 Jan. */
	assert_int_equal(cal_workdays_between(&cal, D("2023-12-22"),
					      D("2024-01-02")), 4);
}

/* Christmas Day and Good Friday always count as non-working days, even
 * when they are not the "bank holiday" date that year (domain-rules §2). */
static void christmas_and_good_friday_never_work(void **state)
{
	(void)state;
	/* 2021: Christmas on a Saturday, holidays Mon 27 and Tue 28. */
	assert_false(cal_is_workday(&cal, D("2021-12-25")));
	assert_false(cal_is_workday(&cal, D("2021-12-27")));
	assert_false(cal_is_workday(&cal, D("2021-12-28")));
	assert_true(cal_is_workday(&cal, D("2021-12-29")));
	/* 2022: Christmas on a Sunday, holidays Mon 26 and Tue 27. */
	assert_false(cal_is_workday(&cal, D("2022-12-26")));
	assert_false(cal_is_workday(&cal, D("2022-12-27")));
	assert_true(cal_is_workday(&cal, D("2022-12-28")));
	for (int y = 1991; y <= 2100; y++) {
		assert_false(cal_is_workday(&cal, date_from_ymd(y, 12, 25)));
		assert_false(cal_is_workday(&cal, date_easter_sunday(y) - 2));
		assert_false(cal_is_workday(&cal, date_easter_sunday(y) + 1));
	}
}

/* Every year 1991-2100 follows the standing rules: New Year's Day or its
 * Monday substitute, Good Friday, Easter Monday, the first Monday in May,
 * the last Mondays in May and August, and two Christmas days. */
static void standing_rules_hold_1991_to_2100(void **state)
{
	(void)state;
	for (int y = 1991; y <= 2100; y++) {
		struct bank_holiday h[16];
		size_t n = cal_rule_holidays(y, h, ARRAY_LEN(h));
		bool one_off = y == 2011 || y == 2012 || y == 2020 ||
			       y == 2022 || y == 2023;
		if (!one_off)
			assert_int_equal(n, 8);
		int mondays_may = 0, mondays_aug = 0, dec = 0;
		for (size_t i = 0; i < n; i++) {
			int yy, m, d;
			date_to_ymd(h[i].date, &yy, &m, &d);
			assert_int_equal(yy, y);
			assert_true(date_weekday(h[i].date) < 5);
			if (m == 5 && date_weekday(h[i].date) == 0)
				mondays_may++;
			if (m == 8) {
				mondays_aug++;
				assert_true(d >= 25);
			}
			if (m == 12) {
				dec++;
				assert_true(d >= 25 && d <= 28);
			}
			if (i)
				assert_true(h[i].date > h[i - 1].date);
		}
		if (!one_off)
			assert_int_equal(mondays_may, 2);
		assert_int_equal(mondays_aug, 1);
		assert_int_equal(dec, 2);
	}
}

static void one_off_changes(void **state)
{
	(void)state;
	assert_false(cal_is_workday(&cal, D("2011-04-29"))); /* royal wedding */
	assert_true(cal_is_workday(&cal, D("2012-05-28")));  /* moved away */
	assert_false(cal_is_workday(&cal, D("2012-06-04")));
	assert_false(cal_is_workday(&cal, D("2012-06-05")));
	assert_true(cal_is_workday(&cal, D("2020-05-04")));  /* moved to VE day */
	assert_false(cal_is_workday(&cal, D("2020-05-08")));
	assert_true(cal_is_workday(&cal, D("2022-05-30")));
	assert_false(cal_is_workday(&cal, D("2022-06-02")));
	assert_false(cal_is_workday(&cal, D("2022-06-03")));
	assert_false(cal_is_workday(&cal, D("2022-09-19")));
	assert_false(cal_is_workday(&cal, D("2023-05-08")));
}

/* spec §3: "administrators can add or move days". */
static void administrators_days_are_honoured(void **state)
{
	(void)state;
	struct calendar c;
	struct err e;
	assert_int_equal(cal_init(&c), 0);
	/* A new one-off holiday pushes a deadline out by a day. */
	assert_date_equal(cal_add_workdays(&c, D("2027-06-01"), 20),
			  D("2027-06-29"));
	assert_int_equal(cal_set_override(&c, D("2027-06-10"), false, &e), 0);
	assert_false(cal_is_workday(&c, D("2027-06-10")));
	assert_date_equal(cal_add_workdays(&c, D("2027-06-01"), 20),
			  D("2027-06-30"));
	/* Moving a holiday: the rule's day becomes a working day. */
	assert_false(cal_is_workday(&c, D("2027-05-31")));
	assert_int_equal(cal_set_override(&c, D("2027-05-31"), true, &e), 0);
	assert_true(cal_is_workday(&c, D("2027-05-31")));
	/* Setting the other way replaces the earlier override. */
	assert_int_equal(cal_set_override(&c, D("2027-06-10"), true, &e), 0);
	assert_true(cal_is_workday(&c, D("2027-06-10")));
	/* Weekends, Christmas Day and Good Friday cannot be working days. */
	assert_int_equal(cal_set_override(&c, D("2027-06-05"), true, &e), -1);
	assert_non_null(strstr(e.msg, "Saturday or Sunday"));
	assert_int_equal(cal_set_override(&c, D("2028-12-25"), true, &e), -1);
	assert_non_null(strstr(e.msg, "Christmas Day"));
	assert_int_equal(cal_set_override(&c, D("2027-03-26"), true, &e), -1);
	/* Outside the table. */
	assert_int_equal(cal_set_override(&c, D("1900-01-02"), false, &e), -1);
	assert_non_null(strstr(e.msg, "outside the calendar"));
	cal_free(&c);
}

static void out_of_range_is_none(void **state)
{
	(void)state;
	assert_int_equal(cal_add_workdays(&cal, D("2150-12-30"), 20), DATE_NONE);
	assert_int_equal(cal_add_workdays(&cal, D("1900-01-01"), 1), DATE_NONE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rules_give_the_whole_table),
		cmocka_unit_test(table_days_are_not_working_days),
		cmocka_unit_test(worked_examples_of_20_working_days),
		cmocka_unit_test(day_zero_is_the_start_date),
		cmocka_unit_test(counting_elapsed_working_days),
		cmocka_unit_test(christmas_and_good_friday_never_work),
		cmocka_unit_test(standing_rules_hold_1991_to_2100),
		cmocka_unit_test(one_off_changes),
		cmocka_unit_test(administrators_days_are_honoured),
		cmocka_unit_test(out_of_range_is_none),
	};
	return RUN_GROUP(tests, cal_setup, cal_teardown);
}
