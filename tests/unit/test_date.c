/*
 * test_date.c - day numbers, strict parsing and calendar months (spec §3:
 * "Months: calendar months added to the actual date; a day that does not
 * exist in the target month becomes the last day of that month").
 */
#include "testutil.h"

static void iso_round_trip_over_centuries(void **state)
{
	(void)state;
	/* Every day from 1900 to 2200 converts to y/m/d and back. */
	int32_t first = date_from_ymd(1900, 1, 1), last = date_from_ymd(2200, 12, 31);
	for (int32_t d = first; d <= last; d++) {
		int y, m, dd;
		date_to_ymd(d, &y, &m, &dd);
		assert_true(date_valid_ymd(y, m, dd));
		assert_int_equal(date_from_ymd(y, m, dd), d);
		char iso[11];
		date_format_iso(d, iso);
		int32_t back;
		assert_int_equal(date_parse_iso(iso, &back), DATE_OK);
		assert_int_equal(back, d);
	}
	assert_int_equal(date_from_ymd(1970, 1, 1), 0);
}

static void weekdays_are_right(void **state)
{
	(void)state;
	assert_int_equal(date_weekday(D("2023-12-18")), 0); /* Monday */
	assert_int_equal(date_weekday(D("2022-05-27")), 4); /* Friday */
	assert_int_equal(date_weekday(D("2021-12-25")), 5); /* Saturday */
	assert_int_equal(date_weekday(D("1970-01-01")), 3); /* Thursday */
	assert_int_equal(date_weekday(D("1969-12-28")), 6); /* Sunday */
}

static void impossible_dates_are_refused(void **state)
{
	(void)state;
	int32_t d;
	/* issue 2: "31/02/2021 is an error" */
	assert_int_equal(date_parse_903("31/02/2021", &d), DATE_NO_SUCH_DAY);
	assert_int_equal(date_parse_903("29/02/2021", &d), DATE_NO_SUCH_DAY);
	assert_int_equal(date_parse_903("29/02/2020", &d), DATE_OK);
	assert_int_equal(d, D("2020-02-29"));
	assert_int_equal(date_parse_903("31/04/2021", &d), DATE_NO_SUCH_DAY);
	assert_int_equal(date_parse_903("00/01/2021", &d), DATE_NO_SUCH_DAY);
	assert_int_equal(date_parse_903("01/13/2021", &d), DATE_NO_SUCH_DAY);
	assert_int_equal(date_parse_903("29/02/1900", &d), DATE_NO_SUCH_DAY);
	assert_int_equal(date_parse_903("29/02/2000", &d), DATE_OK);
	assert_int_equal(date_parse_iso("2021-02-31", &d), DATE_NO_SUCH_DAY);
	assert_int_equal(date_parse_iso("2100-02-29", &d), DATE_NO_SUCH_DAY);
}

static void layouts_are_strict(void **state)
{
	(void)state;
	int32_t d;
	assert_int_equal(date_parse_903("01/04/2021", &d), DATE_OK);
	assert_int_equal(d, D("2021-04-01"));
	/* One-digit day and month are read as the DfE validator reads them. */
	assert_int_equal(date_parse_903("1/4/2021", &d), DATE_OK);
	assert_int_equal(d, D("2021-04-01"));
	const char *bad903[] = { "", "01/04/21", "2021-04-01", "01-04-2021",
				 "01/04/2021 ", " 01/04/2021", "001/04/2021",
				 "01/04/20211", "01/04/2021x", "aa/bb/cccc",
				 "01//2021" };
	for (size_t i = 0; i < ARRAY_LEN(bad903); i++)
		assert_int_equal(date_parse_903(bad903[i], &d), DATE_BAD_FORM);
	const char *badiso[] = { "", "2021-4-01", "2021-04-1", "21-04-01",
				 "2021/04/01", "01/04/2021", "2021-04-01T00:00",
				 "20210401", "2021-04-01 " };
	for (size_t i = 0; i < ARRAY_LEN(badiso); i++)
		assert_int_equal(date_parse_iso(badiso[i], &d), DATE_BAD_FORM);
	/* Years outside four digits' sensible range. */
	assert_int_equal(date_parse_iso("0999-12-31", &d), DATE_NO_SUCH_DAY);
}

static void formats(void **state)
{
	(void)state;
	char s[32];
	date_format_iso(D("2021-04-01"), s);
	assert_string_equal(s, "2021-04-01");
	date_format_903(D("2021-04-01"), s);
	assert_string_equal(s, "01/04/2021");
	date_format_long(D("2023-12-18"), s, sizeof s);
	assert_string_equal(s, "Mon 18 Dec 2023");
	date_format_iso(DATE_NONE, s);
	assert_string_equal(s, "");
}

static void months_clamp_to_month_end(void **state)
{
	(void)state;
	/* spec §3: 31 Jan + 3 months = 30 Apr */
	assert_date_equal(date_add_months(D("2024-01-31"), 3), D("2024-04-30"));
	/* domain-rules §1.2 worked examples (+3 months, then +6). */
	assert_date_equal(date_add_months(D("2023-11-30"), 3), D("2024-02-29"));
	assert_date_equal(date_add_months(D("2024-02-29"), 6), D("2024-08-29"));
	assert_date_equal(date_add_months(D("2024-08-31"), 3), D("2024-11-30"));
	assert_date_equal(date_add_months(D("2024-11-30"), 6), D("2025-05-30"));
	assert_date_equal(date_add_months(D("2024-04-30"), 6), D("2024-10-30"));
	/* Leap years and the 29th-31st. */
	assert_date_equal(date_add_months(D("2021-01-31"), 1), D("2021-02-28"));
	assert_date_equal(date_add_months(D("2020-01-31"), 1), D("2020-02-29"));
	assert_date_equal(date_add_months(D("2021-01-29"), 1), D("2021-02-28"));
	assert_date_equal(date_add_months(D("2024-02-29"), 12), D("2025-02-28"));
	assert_date_equal(date_add_months(D("2023-08-31"), 6), D("2024-02-29"));
	assert_date_equal(date_add_months(D("2022-08-31"), 6), D("2023-02-28"));
	assert_date_equal(date_add_months(D("2021-10-31"), 3), D("2022-01-31"));
	assert_date_equal(date_add_months(D("2021-12-15"), 3), D("2022-03-15"));
	/* Backwards too. */
	assert_date_equal(date_add_months(D("2024-03-31"), -1), D("2024-02-29"));
	assert_date_equal(date_add_months(D("2024-01-15"), -13), D("2022-12-15"));
	assert_date_equal(date_add_months(D("2024-05-31"), 0), D("2024-05-31"));
}

static void ages_in_whole_years(void **state)
{
	(void)state;
	assert_int_equal(date_age_years(D("2018-06-15"), D("2022-06-14")), 3);
	assert_int_equal(date_age_years(D("2018-06-15"), D("2022-06-15")), 4);
	/* A 29 February birthday falls on 28 February in common years, as
	 * the validator's DateOffset(years=4) has it (domain-rules §3.2). */
	assert_int_equal(date_age_years(D("2020-02-29"), D("2021-02-27")), 0);
	assert_int_equal(date_age_years(D("2020-02-29"), D("2021-02-28")), 1);
	assert_int_equal(date_age_years(D("2020-02-29"), D("2024-02-28")), 3);
	assert_int_equal(date_age_years(D("2020-02-29"), D("2024-02-29")), 4);
}

static void easter(void **state)
{
	(void)state;
	assert_date_equal(date_easter_sunday(2024), D("2024-03-31"));
	assert_date_equal(date_easter_sunday(2025), D("2025-04-20"));
	assert_date_equal(date_easter_sunday(2011), D("2011-04-24"));
	assert_date_equal(date_easter_sunday(1991), D("1991-03-31"));
	assert_date_equal(date_easter_sunday(2038), D("2038-04-25"));
	assert_date_equal(date_easter_sunday(2100), D("2100-03-28"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(iso_round_trip_over_centuries),
		cmocka_unit_test(weekdays_are_right),
		cmocka_unit_test(impossible_dates_are_refused),
		cmocka_unit_test(layouts_are_strict),
		cmocka_unit_test(formats),
		cmocka_unit_test(months_clamp_to_month_end),
		cmocka_unit_test(ages_in_whole_years),
		cmocka_unit_test(easter),
	};
	return RUN(tests);
}
