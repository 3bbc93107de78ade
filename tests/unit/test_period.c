/*
 * test_period.c - periods of care from SSDA903 episodes.
 *
 * spec §2: "A period of care starts with an episode whose RNE is S and runs
 * through episodes chained by REC = X1 until an episode ends with another
 * REC."
 * spec §4: "a child is looked after at a date when a period of care started
 * on or before it and had not ended by it - a period ending on that date
 * has ended".
 */
#include "episodes.h"

static void chained_episodes_make_one_period(void **state)
{
	(void)state;
	struct episode e[] = {
		EP("2020-01-06", "2020-03-02", 'S', "V2", "U6", "X1"),
		EP("2020-03-02", "2021-05-10", 'L', "C1", "U6", "X1"),
		EP("2021-05-10", "2022-07-01", 'P', "C2", "U4", "E4A"),
	};
	struct period p[3];
	assert_int_equal(period_build(e, 3, p), 1);
	assert_date_equal(p[0].start, D("2020-01-06"));
	assert_date_equal(p[0].end, D("2022-07-01"));
	assert_int_equal(p[0].first, 0);
	assert_int_equal(p[0].count, 3);
	assert_false(p[0].short_break);
	assert_int_equal(p[0].anomalies, PERIOD_OK);
}

static void re_entry_starts_a_new_period(void **state)
{
	(void)state;
	/* domain-rules §1.5: a new period of care (RNE = S) restarts the
	 * cycle; rule 431 wants at least a day's gap. */
	struct episode e[] = {
		EP("2019-02-01", "2019-09-30", 'S', "V2", "U6", "E4A"),
		EP("2020-11-16", "2021-01-04", 'S', "C1", "U6", "X1"),
		EP("2021-01-04", NULL, 'T', "C1", "U6", ""),
	};
	struct period p[3];
	assert_int_equal(period_build(e, 3, p), 2);
	assert_date_equal(p[0].end, D("2019-09-30"));
	assert_date_equal(p[1].start, D("2020-11-16"));
	assert_int_equal(p[1].end, DATE_NONE);
	assert_int_equal(p[1].count, 2);
}

static void looked_after_excludes_the_end_day(void **state)
{
	(void)state;
	struct episode e[] = {
		EP("2021-04-01", "2021-06-30", 'S', "V2", "U6", "E13"),
	};
	struct period p[1];
	period_build(e, 1, p);
	assert_false(period_open_on(&p[0], D("2021-03-31")));
	assert_true(period_open_on(&p[0], D("2021-04-01")));
	assert_true(period_open_on(&p[0], D("2021-06-29")));
	assert_false(period_open_on(&p[0], D("2021-06-30")));
	/* ... but a review on the end day belongs to the period (spec §3:
	 * "start and end dates (both inclusive)"). */
	assert_int_equal(period_containing(p, 1, D("2021-06-30")), 0);
	assert_int_equal(period_containing(p, 1, D("2021-07-01")), -1);
	assert_int_equal(period_open_index(p, 1, D("2021-06-30")), -1);
}

static void short_breaks_are_all_v3_or_v4(void **state)
{
	(void)state;
	struct episode e[] = {
		EP("2021-04-02", "2021-04-05", 'S', "V3", "U6", "E13"),
		EP("2021-05-07", NULL, 'S', "V4", "U6", ""),
		EP("2022-01-01", "2022-01-02", 'S', "V3", "U6", "X1"),
	};
	struct period p[3];
	assert_int_equal(period_build(e, 2, p), 2);
	assert_true(p[0].short_break);
	assert_true(p[1].short_break);

	/* One episode of another status makes the period a standard one. */
	struct episode f[] = {
		EP("2021-05-07", "2021-08-01", 'S', "V4", "U6", "X1"),
		EP("2021-08-01", NULL, 'L', "V2", "U6", ""),
	};
	assert_int_equal(period_build(f, 2, p), 1);
	assert_false(p[0].short_break);
}

static void adoption_dates_are_first_e1_and_first_a3_to_a6(void **state)
{
	(void)state;
	struct episode e[] = {
		EP("2020-01-06", "2020-06-01", 'S', "C1", "U6", "X1"),
		EP("2020-06-01", "2021-02-15", 'L', "E1", "U6", "X1"),
		EP("2021-02-15", "2021-03-01", 'P', "E1", "A6", "X1"),
		EP("2021-03-01", "2021-12-01", 'T', "E1", "A5", "E12"),
	};
	struct period p[4];
	assert_int_equal(period_build(e, 4, p), 1);
	assert_date_equal(p[0].authority_date, D("2020-06-01"));
	assert_date_equal(p[0].placed_date, D("2021-02-15"));
}

static void anomalies_are_flagged_not_dropped(void **state)
{
	(void)state;
	/* The first episode we hold is not a start (an extract that begins
	 * mid-period): the child is still looked after from its DECOM. */
	struct episode a[] = {
		EP("2020-06-01", NULL, 'P', "C2", "U4", ""),
	};
	struct period p[4];
	assert_int_equal(period_build(a, 1, p), 1);
	assert_true(p[0].anomalies & PERIOD_NO_START);
	assert_date_equal(p[0].start, D("2020-06-01"));

	/* X1 with no same-day continuation (rule 388): the period runs on
	 * into the next non-S episode. */
	struct episode b[] = {
		EP("2020-01-06", "2020-03-02", 'S', "C1", "U6", "X1"),
		EP("2020-03-09", NULL, 'P', "C1", "U6", ""),
	};
	assert_int_equal(period_build(b, 2, p), 1);
	assert_true(p[0].anomalies & PERIOD_BROKEN_CHAIN);

	/* RNE = S the day an X1 episode ends (rule 431): a new period. */
	struct episode c[] = {
		EP("2020-01-06", "2020-03-02", 'S', "C1", "U6", "X1"),
		EP("2020-03-02", NULL, 'S', "C1", "U6", ""),
	};
	assert_int_equal(period_build(c, 2, p), 2);
	assert_true(p[1].anomalies & PERIOD_S_AFTER_X1);

	/* A new start while the old period is still open: the old one ends
	 * where the new one starts. */
	struct episode d[] = {
		EP("2020-01-06", NULL, 'S', "C1", "U6", ""),
		EP("2020-05-01", NULL, 'S', "V2", "U6", ""),
	};
	assert_int_equal(period_build(d, 2, p), 2);
	assert_true(p[0].anomalies & PERIOD_OVERLAP);
	assert_date_equal(p[0].end, D("2020-05-01"));
	assert_int_equal(period_open_index(p, 2, D("2020-05-01")), 1);
}

static void no_episodes_no_periods(void **state)
{
	(void)state;
	struct period p[1];
	assert_int_equal(period_build(NULL, 0, p), 0);
	assert_int_equal(period_containing(p, 0, D("2020-01-01")), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(chained_episodes_make_one_period),
		cmocka_unit_test(re_entry_starts_a_new_period),
		cmocka_unit_test(looked_after_excludes_the_end_day),
		cmocka_unit_test(short_breaks_are_all_v3_or_v4),
		cmocka_unit_test(adoption_dates_are_first_e1_and_first_a3_to_a6),
		cmocka_unit_test(anomalies_are_flagged_not_dropped),
		cmocka_unit_test(no_episodes_no_periods),
	};
	return RUN(tests);
}
