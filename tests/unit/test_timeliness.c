/*
 * test_timeliness.c - review- and child-level timeliness (spec §4).
 *
 * "Timeliness (review level): in time / held, overall, by sequence (first,
 * second, subsequent) ...; plus reviews still overdue (due, not held, child
 * still looked after) at the period end."
 * "Timeliness (child level): children looked after at the period end whose
 * reviews due in the period were all held in time / those children;
 * children with no review due in the period are left out."
 */
#include "episodes.h"
#include "calendar_fixture.h"
#include "core/timeliness.h"

static void add(struct timeliness *t, const struct episode *e, size_t ne,
		const char *const *held_iso, size_t n)
{
	struct period p[8];
	int32_t held[16];
	struct review_timing tm[16];
	size_t np = period_build(e, ne, p);
	for (size_t i = 0; i < n; i++)
		held[i] = D(held_iso[i]);
	sched_time_reviews(&cal, p, np, held, n, tm);
	tml_add_child(t, &cal, p, np, held, tm, n);
}

static void a_year_of_reviews(void **state)
{
	(void)state;
	struct timeliness t;
	tml_init(&t, D("2023-04-01"), D("2024-03-31"));

	/* A: one subsequent review in time, one late. */
	struct episode a[] = { EP("2022-01-10", NULL, 'S', "C2", "U4", "") };
	const char *ra[] = { "2022-02-01", "2022-05-01", "2022-10-20",
			     "2023-04-15", "2023-10-20" };
	add(&t, a, 1, ra, 5);

	/* B: first and second in time; the third, due 28 Mar 2024, not
	 * held by 31 Mar: overdue at the end and late at child level. */
	struct episode b[] = { EP("2023-06-05", NULL, 'S', "C1", "U6", "") };
	const char *rb[] = { "2023-06-30", "2023-09-28" };
	add(&t, b, 1, rb, 2);

	/* C: came into care in March; review 1 not due until April. */
	struct episode c[] = { EP("2024-03-11", NULL, 'S', "V2", "U6", "") };
	add(&t, c, 1, NULL, 0);

	/* D: left care before review 1 was due. */
	struct episode d[] = {
		EP("2023-05-02", "2023-05-15", 'S', "V2", "U6", "E4A"),
	};
	add(&t, d, 1, NULL, 0);

	/* E: short breaks, counted apart. */
	struct episode e[] = { EP("2022-01-01", NULL, 'S', "V4", "U6", "") };
	const char *re[] = { "2022-03-30", "2023-06-01" };
	add(&t, e, 1, re, 2);

	/* F: every review due in the year held in time. */
	struct episode f[] = { EP("2020-01-06", NULL, 'S', "C2", "U4", "") };
	const char *rf[] = { "2020-01-30", "2020-04-20", "2020-10-15",
			     "2021-04-10", "2021-10-05", "2022-04-01",
			     "2022-09-30", "2023-01-10", "2023-07-05",
			     "2024-01-03" };
	add(&t, f, 1, rf, 10);

	/* G: authority to place from 1 Jan 2023; its review in the year is
	 * an adoption review, and G leaves the standard measures. */
	struct episode g[] = {
		EP("2022-01-10", "2023-01-01", 'S', "C1", "U6", "X1"),
		EP("2023-01-01", NULL, 'L', "E1", "U6", ""),
	};
	const char *rg[] = { "2022-02-01", "2022-05-01", "2023-06-01" };
	add(&t, g, 2, rg, 3);

	assert_int_equal(t.held[TML_FIRST], 1);
	assert_int_equal(t.in_time[TML_FIRST], 1);
	assert_int_equal(t.held[TML_SECOND], 1);
	assert_int_equal(t.in_time[TML_SECOND], 1);
	assert_int_equal(t.held[TML_LATER], 4);
	assert_int_equal(t.in_time[TML_LATER], 3);
	assert_int_equal(t.held[TML_ALL], 6);
	assert_int_equal(t.in_time[TML_ALL], 5);
	assert_int_equal(t.held_by_regime[REGIME_STANDARD], 6);
	assert_int_equal(t.held_by_regime[REGIME_SHORT_BREAK], 1);
	assert_int_equal(t.held_by_regime[REGIME_ADOPTION_AUTHORITY], 1);
	assert_int_equal(t.children_with_due, 3);     /* A, B, F */
	assert_int_equal(t.children_all_in_time, 1);  /* F */
	assert_int_equal(t.overdue_at_end, 1);        /* B */
	/* E's next short-break review was due 1 Dec 2023, G's next adoption
	 * review 1 Dec 2023: overdue too, counted apart. */
	assert_int_equal(t.overdue_apart_at_end, 2);
}

static void left_care_after_a_missed_review(void **state)
{
	(void)state;
	/* Review 1 was due 2 May 2023 (20 working days from 3 Apr 2023, over
	 * Easter) and never held; the child left on 1 Jun. Not looked after
	 * at the end, so not in the child-level cohort; nothing held. */
	struct timeliness t;
	tml_init(&t, D("2023-04-01"), D("2024-03-31"));
	struct episode a[] = {
		EP("2023-04-03", "2023-06-01", 'S', "V2", "U6", "E4A"),
	};
	add(&t, a, 1, NULL, 0);
	assert_int_equal(t.children_with_due, 0);
	assert_int_equal(t.overdue_at_end, 0);

	/* The same child comes back in January and has review 1 in time:
	 * the missed review of the first period still counts against the
	 * child at child level. */
	tml_init(&t, D("2023-04-01"), D("2024-03-31"));
	struct episode b[] = {
		EP("2023-04-03", "2023-06-01", 'S', "V2", "U6", "E4A"),
		EP("2024-01-08", NULL, 'S', "C1", "U6", ""),
	};
	const char *rb[] = { "2024-01-30" };
	add(&t, b, 2, rb, 1);
	assert_int_equal(t.held[TML_FIRST], 1);
	assert_int_equal(t.in_time[TML_FIRST], 1);
	assert_int_equal(t.children_with_due, 1);
	assert_int_equal(t.children_all_in_time, 0);
}

static void review_due_on_the_last_day(void **state)
{
	(void)state;
	/* Due on the last day and not held: not overdue on that day (spec
	 * §3), but it fell due in the window unheld, so the child was not
	 * reviewed in time. */
	struct timeliness t;
	tml_init(&t, D("2023-04-01"), D("2024-03-30"));
	struct episode a[] = { EP("2023-01-04", NULL, 'S', "C1", "U6", "") };
	const char *ra[] = { "2023-01-31", "2023-03-31", "2023-09-30" };
	add(&t, a, 1, ra, 3);
	/* Review 3 was held 30 Sep 2023; review 4 due 30 Mar 2024, the
	 * window's last day. */
	assert_int_equal(t.overdue_at_end, 0);
	assert_int_equal(t.children_with_due, 1);
	assert_int_equal(t.children_all_in_time, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_year_of_reviews),
		cmocka_unit_test(left_care_after_a_missed_review),
		cmocka_unit_test(review_due_on_the_last_day),
	};
	return RUN_GROUP(tests, cal_setup, cal_teardown);
}
