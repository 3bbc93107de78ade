/*
 * test_schedule.c - the statutory review schedule (spec §3).
 *
 * reg 33(1): "The responsible authority must first review C's case within
 * 20 working days of the date on which C becomes looked after."
 * reg 33(2): "The second review must be carried out not more than three
 * months after the first, and subsequent reviews must be carried out at
 * intervals of not more than six months."
 * spec §3: each counted "from the actual date of the previous review"; "An
 * extra review (for example after a placement move) is a real review and
 * the next one counts from it"; "In time: held on or before the due date.
 * Overdue on a date D: the due date is before D and the review has not been
 * held by D".
 */
#include "episodes.h"
#include "calendar_fixture.h"
#include "core/schedule.h"

struct expect {
	const char *held;
	int sequence;
	const char *due;
	bool in_time;
	enum regime regime;
};

/* Times `held` against the episodes and checks each review. */
static void check(const struct episode *e, size_t ne, const struct expect *x,
		  size_t n)
{
	struct period p[16];
	int32_t held[32];
	struct review_timing t[32];
	size_t np = period_build(e, ne, p);
	for (size_t i = 0; i < n; i++)
		held[i] = D(x[i].held);
	sched_time_reviews(&cal, p, np, held, n, t);
	for (size_t i = 0; i < n; i++) {
		if (t[i].sequence != x[i].sequence)
			fail_msg("review on %s: sequence %d, want %d",
				 x[i].held, t[i].sequence, x[i].sequence);
		assert_date_equal(t[i].due, x[i].due ? D(x[i].due) : DATE_NONE);
		if (t[i].in_time != x[i].in_time)
			fail_msg("review on %s: in time %d, want %d", x[i].held,
				 t[i].in_time, x[i].in_time);
		assert_int_equal(t[i].regime, x[i].regime);
	}
}

static void early_on_time_and_late_reviews(void **state)
{
	(void)state;
	struct episode e[] = { EP("2023-12-18", NULL, 'S', "C1", "U6", "") };
	struct expect x[] = {
		/* 20 working days from Mon 18 Dec 2023, over Christmas and
		 * New Year (domain-rules §1.2): Thu 18 Jan 2024. */
		{ "2024-01-18", 1, "2024-01-18", true, REGIME_STANDARD },
		/* +3 months from the actual date of review 1. */
		{ "2024-04-19", 2, "2024-04-18", false, REGIME_STANDARD },
		/* +6 months from the actual (late) date of review 2. */
		{ "2024-09-30", 3, "2024-10-19", true, REGIME_STANDARD },
		/* Held early: the next counts from the early date. */
		{ "2025-03-31", 4, "2025-03-30", false, REGIME_STANDARD },
		{ "2025-09-01", 5, "2025-09-30", true, REGIME_STANDARD },
	};
	check(e, 1, x, ARRAY_LEN(x));
}

static void month_ends_and_leap_years(void **state)
{
	(void)state;
	/* domain-rules §1.2: first review 31 Jan 2024 -> review 2 due by 30
	 * Apr 2024 -> review 3 due by 30 Oct 2024. */
	struct episode a[] = { EP("2024-01-05", NULL, 'S', "C1", "U6", "") };
	struct expect x[] = {
		{ "2024-01-31", 1, "2024-02-02", true, REGIME_STANDARD },
		{ "2024-04-30", 2, "2024-04-30", true, REGIME_STANDARD },
		{ "2024-10-30", 3, "2024-10-30", true, REGIME_STANDARD },
		{ "2025-04-30", 4, "2025-04-30", true, REGIME_STANDARD },
	};
	check(a, 1, x, ARRAY_LEN(x));

	/* 30 Nov 2023 -> 29 Feb 2024 (leap year) -> 29 Aug 2024. */
	struct episode b[] = { EP("2023-11-01", NULL, 'S', "C2", "U4", "") };
	struct expect y[] = {
		{ "2023-11-30", 1, "2023-11-29", false, REGIME_STANDARD },
		{ "2024-02-29", 2, "2024-02-29", true, REGIME_STANDARD },
		{ "2024-08-29", 3, "2024-08-29", true, REGIME_STANDARD },
		/* An extra review two days later; 29 Aug and 31 Aug + 6
		 * months both fall on 28 Feb in a common year. */
		{ "2024-08-31", 4, "2025-02-28", true, REGIME_STANDARD },
		{ "2025-03-01", 5, "2025-02-28", false, REGIME_STANDARD },
	};
	check(b, 1, y, ARRAY_LEN(y));

	/* 31 Aug 2024 -> 30 Nov 2024 -> 30 May 2025. */
	struct episode c[] = { EP("2024-08-05", NULL, 'S', "V2", "U6", "") };
	struct expect z[] = {
		{ "2024-08-31", 1, "2024-09-03", true, REGIME_STANDARD },
		{ "2024-11-30", 2, "2024-11-30", true, REGIME_STANDARD },
		{ "2025-05-30", 3, "2025-05-30", true, REGIME_STANDARD },
	};
	check(c, 1, z, ARRAY_LEN(z));
}

static void easter_and_bank_holidays_move_review_one(void **state)
{
	(void)state;
	/* Thu 28 Mar 2024: skips Good Friday and Easter Monday. */
	struct episode a[] = { EP("2024-03-28", NULL, 'S', "C1", "U6", "") };
	struct expect x[] = {
		{ "2024-04-30", 1, "2024-04-29", false, REGIME_STANDARD },
	};
	check(a, 1, x, 1);
	struct expect y[] = {
		{ "2024-04-29", 1, "2024-04-29", true, REGIME_STANDARD },
	};
	check(a, 1, y, 1);
	/* Fri 27 May 2022: skips the Platinum Jubilee days. */
	struct episode b[] = { EP("2022-05-27", NULL, 'S', "C1", "U6", "") };
	struct expect z[] = {
		{ "2022-06-28", 1, "2022-06-28", true, REGIME_STANDARD },
	};
	check(b, 1, z, 1);
	/* Fri 19 Dec 2025: over Christmas 2025 to Wed 21 Jan 2026. */
	struct episode c[] = { EP("2025-12-19", NULL, 'S', "V2", "U6", "") };
	struct expect w[] = {
		{ "2026-01-22", 1, "2026-01-21", false, REGIME_STANDARD },
	};
	check(c, 1, w, 1);
}

static void extra_review_resets_the_cycle(void **state)
{
	(void)state;
	/* A placement move prompts an extra review three weeks after review
	 * 1: it is review 2 (due 3 months after review 1), and review 3 is
	 * due 6 months after it, not after review 2's due date. */
	struct episode e[] = {
		EP("2021-03-01", "2021-05-20", 'S', "C1", "U6", "X1"),
		EP("2021-05-20", NULL, 'P', "C1", "U4", ""),
	};
	struct expect x[] = {
		{ "2021-03-24", 1, "2021-03-29", true, REGIME_STANDARD },
		{ "2021-06-10", 2, "2021-06-24", true, REGIME_STANDARD },
		{ "2021-12-09", 3, "2021-12-10", true, REGIME_STANDARD },
		/* An extra review inside a six-month interval. */
		{ "2022-01-20", 4, "2022-06-09", true, REGIME_STANDARD },
		{ "2022-07-21", 5, "2022-07-20", false, REGIME_STANDARD },
	};
	check(e, 2, x, ARRAY_LEN(x));
}

static void re_entry_restarts_the_sequence(void **state)
{
	(void)state;
	struct episode e[] = {
		EP("2019-02-01", "2019-09-30", 'S', "V2", "U6", "E4A"),
		EP("2020-11-16", NULL, 'S', "C1", "U6", ""),
	};
	struct expect x[] = {
		{ "2019-02-20", 1, "2019-03-01", true, REGIME_STANDARD },
		{ "2019-05-15", 2, "2019-05-20", true, REGIME_STANDARD },
		/* The review on the day the period ended still belongs to
		 * it (both dates inclusive). */
		{ "2019-09-30", 3, "2019-11-15", true, REGIME_STANDARD },
		/* New period of care (RNE = S): review 1 again, 20 working
		 * days from Mon 16 Nov 2020. */
		{ "2020-12-10", 1, "2020-12-14", true, REGIME_STANDARD },
		{ "2021-03-15", 2, "2021-03-10", false, REGIME_STANDARD },
	};
	check(e, 2, x, ARRAY_LEN(x));
}

static void review_outside_any_period_has_no_due_date(void **state)
{
	(void)state;
	struct episode e[] = {
		EP("2021-04-01", "2021-06-30", 'S', "V2", "U6", "E13"),
	};
	struct expect x[] = {
		{ "2021-03-31", 0, NULL, false, REGIME_STANDARD },
		/* Thu 1 Apr 2021: skips Good Friday, Easter Monday and the
		 * early May bank holiday (3 May). */
		{ "2021-04-20", 1, "2021-05-04", true, REGIME_STANDARD },
		{ "2021-07-01", 0, NULL, false, REGIME_STANDARD },
	};
	check(e, 1, x, ARRAY_LEN(x));
}

static void short_breaks_three_then_six_months(void **state)
{
	(void)state;
	/* reg 48: first review within 3 months of the first short break, then
	 * six-monthly. */
	struct episode e[] = { EP("2021-04-02", NULL, 'S', "V4", "U6", "") };
	struct expect x[] = {
		{ "2021-07-10", 1, "2021-07-02", false, REGIME_SHORT_BREAK },
		{ "2022-01-05", 2, "2022-01-10", true, REGIME_SHORT_BREAK },
		{ "2022-07-05", 3, "2022-07-05", true, REGIME_SHORT_BREAK },
	};
	check(e, 1, x, ARRAY_LEN(x));
}

static void adoption_regimes(void **state)
{
	(void)state;
	struct episode e[] = {
		EP("2020-01-06", "2020-06-01", 'S', "C1", "U6", "X1"),
		EP("2020-06-01", "2021-02-15", 'L', "E1", "U6", "X1"),
		EP("2021-02-15", NULL, 'P', "E1", "A6", ""),
	};
	struct expect x[] = {
		{ "2020-01-30", 1, "2020-02-03", true, REGIME_STANDARD },
		{ "2020-04-20", 2, "2020-04-30", true, REGIME_STANDARD },
		/* AAR 2005 reg 36(1): not more than 3 months after the date on
		 * which the agency first has authority to place (1 Jun 2020). */
		{ "2020-08-25", 3, "2020-09-01", true,
		  REGIME_ADOPTION_AUTHORITY },
		/* ... thereafter not more than 6 months after the previous. */
		{ "2020-12-01", 4, "2021-02-25", true,
		  REGIME_ADOPTION_AUTHORITY },
		/* reg 36(3)(a): not more than 4 weeks after placement (15 Feb
		 * 2021): 15 Mar 2021. */
		{ "2021-03-10", 5, "2021-03-15", true, REGIME_ADOPTION_PLACED },
		/* (b) not more than 3 months after the first review. */
		{ "2021-06-20", 6, "2021-06-10", false, REGIME_ADOPTION_PLACED },
		/* (c) then not more than 6 months after the previous. */
		{ "2021-12-20", 7, "2021-12-20", true, REGIME_ADOPTION_PLACED },
	};
	check(e, 3, x, ARRAY_LEN(x));
}

static void placed_without_authority_goes_straight_to_placed(void **state)
{
	(void)state;
	/* A3/A4: placed with parental consent, no placement order (E1). */
	struct episode e[] = {
		EP("2022-01-10", "2022-05-03", 'S', "V2", "U6", "X1"),
		EP("2022-05-03", NULL, 'P', "V2", "A4", ""),
	};
	struct expect x[] = {
		{ "2022-02-07", 1, "2022-02-07", true, REGIME_STANDARD },
		{ "2022-05-31", 2, "2022-05-31", true, REGIME_ADOPTION_PLACED },
		{ "2022-08-31", 3, "2022-08-31", true, REGIME_ADOPTION_PLACED },
	};
	check(e, 2, x, ARRAY_LEN(x));
}

/* sched_next_review: the review a child is waiting for on a date. */
static void next_review_on_any_date(void **state)
{
	(void)state;
	struct episode e[] = {
		EP("2021-04-01", "2021-04-20", 'S', "V2", "U6", "E4A"),
		EP("2021-09-06", NULL, 'S', "C1", "U6", ""),
	};
	struct period p[2];
	size_t np = period_build(e, 2, p);
	int32_t held[] = { D("2021-09-30"), D("2021-12-20") };
	struct next_review nx;

	/* Not yet looked after. */
	assert_false(sched_next_review(&cal, p, np, held, 2, D("2021-03-31"),
				       &nx));
	/* A period that ends before review 1 is due: due while it lasts,
	 * nothing once it has ended (the end day included). */
	assert_true(sched_next_review(&cal, p, np, held, 2, D("2021-04-19"),
				      &nx));
	assert_int_equal(nx.sequence, 1);
	assert_date_equal(nx.due, D("2021-05-04"));
	assert_false(sched_next_review(&cal, p, np, held, 2, D("2021-04-20"),
				       &nx));
	assert_false(sched_next_review(&cal, p, np, held, 2, D("2021-05-01"),
				       &nx));

	/* Second period: before review 1 is held. */
	assert_true(sched_next_review(&cal, p, np, held, 2, D("2021-09-29"),
				      &nx));
	assert_int_equal(nx.sequence, 1);
	assert_date_equal(nx.due, D("2021-10-04"));
	assert_int_equal(nx.last_held, DATE_NONE);
	/* A review held on the as-of day counts as held by it. */
	assert_true(sched_next_review(&cal, p, np, held, 2, D("2021-09-30"),
				      &nx));
	assert_int_equal(nx.sequence, 2);
	assert_date_equal(nx.due, D("2021-12-30"));
	/* Reviews after the as-of day are not yet held. */
	assert_true(sched_next_review(&cal, p, np, held, 2, D("2021-12-19"),
				      &nx));
	assert_int_equal(nx.sequence, 2);
	assert_true(sched_next_review(&cal, p, np, held, 2, D("2022-07-01"),
				      &nx));
	assert_int_equal(nx.sequence, 3);
	assert_date_equal(nx.due, D("2022-06-20"));
	assert_date_equal(nx.last_held, D("2021-12-20"));
	assert_int_equal(nx.regime, REGIME_STANDARD);
}

static void overdue_counts_calendar_days_after_due(void **state)
{
	(void)state;
	/* "a review due on D is not yet overdue on D" */
	assert_int_equal(sched_days_overdue(D("2022-06-20"), D("2022-06-20")), 0);
	assert_int_equal(sched_days_overdue(D("2022-06-20"), D("2022-06-19")), 0);
	assert_int_equal(sched_days_overdue(D("2022-06-20"), D("2022-06-21")), 1);
	assert_int_equal(sched_days_overdue(D("2022-06-20"), D("2022-07-01")), 11);
}

static void next_review_in_adoption_regime(void **state)
{
	(void)state;
	struct episode e[] = {
		EP("2020-01-06", "2020-06-01", 'S', "C1", "U6", "X1"),
		EP("2020-06-01", NULL, 'L', "E1", "U6", ""),
	};
	struct period p[2];
	size_t np = period_build(e, 2, p);
	int32_t held[] = { D("2020-01-30"), D("2020-04-20") };
	struct next_review nx;
	assert_true(sched_next_review(&cal, p, np, held, 2, D("2020-05-31"),
				      &nx));
	assert_int_equal(nx.regime, REGIME_STANDARD);
	assert_date_equal(nx.due, D("2020-10-20"));
	assert_true(sched_next_review(&cal, p, np, held, 2, D("2020-06-01"),
				      &nx));
	assert_int_equal(nx.regime, REGIME_ADOPTION_AUTHORITY);
	assert_date_equal(nx.due, D("2020-09-01"));
	assert_int_equal(nx.sequence, 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(early_on_time_and_late_reviews),
		cmocka_unit_test(month_ends_and_leap_years),
		cmocka_unit_test(easter_and_bank_holidays_move_review_one),
		cmocka_unit_test(extra_review_resets_the_cycle),
		cmocka_unit_test(re_entry_restarts_the_sequence),
		cmocka_unit_test(review_outside_any_period_has_no_due_date),
		cmocka_unit_test(short_breaks_three_then_six_months),
		cmocka_unit_test(adoption_regimes),
		cmocka_unit_test(placed_without_authority_goes_straight_to_placed),
		cmocka_unit_test(next_review_on_any_date),
		cmocka_unit_test(overdue_counts_calendar_days_after_due),
		cmocka_unit_test(next_review_in_adoption_regime),
	};
	return RUN_GROUP(tests, cal_setup, cal_teardown);
}
