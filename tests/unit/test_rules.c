/*
 * test_rules.c - the rules records obey (core/rules.c, core/review.c,
 * core/record_kinds.c), each test quoting the rule it checks.
 */
#include "testutil.h"
#include "episodes.h"
#include "core/record.h"
#include "core/review.h"
#include "core/rules.h"

/* The problems' reasons, one per line, for assertions. */
static const char *reasons(const struct problems *p)
{
	static char out[4096];
	out[0] = '\0';
	for (size_t i = 0; i < p->count; i++) {
		size_t n = strlen(out);
		snprintf(out + n, sizeof out - n, "%s %s|", p->v[i].column,
			 p->v[i].reason);
	}
	return out;
}

#define assert_problem(p, needle)                                           \
	do {                                                                \
		if (!strstr(reasons(p), needle))                            \
			fail_msg("no problem \"%s\" in: %s", needle,        \
				 reasons(p));                               \
	} while (0)

/* One open period from 9 Jan 2023, and an ended one in 2021. */
static size_t periods(struct period *out)
{
	static struct episode eps[2];
	eps[0] = EP("2021-03-01", "2021-09-30", 'S', "C2", "U4", "E13");
	eps[1] = EP("2023-01-09", NULL, 'S', "C2", "U4", "");
	return period_build(eps, 2, out);
}

/* DfE rules 440 and 441, domain-rules §3.2: "PN0 ... only for a child
 * under 4"; "A review held exactly on the fourth birthday is accepted
 * with either PN0 or PN1-PN7" (the validator's comparisons are strict).
 * A review at entry is refused as the DfE's return would flag it. */
static void pn0_only_under_four(void **state)
{
	(void)state;
	struct period p[2];
	size_t np = periods(p);
	struct review_facts f = { D("2019-02-01"), p, np, D("2026-01-01") };
	struct problems pr;

	problems_init(&pr);
	rule_review_held("looked_after", D("2023-01-31"), "PN0", &f, &pr);
	assert_int_equal(pr.errors, 0); /* 3 the day before the birthday */
	rule_review_held("looked_after", D("2023-02-01"), "PN0", &f, &pr);
	assert_int_equal(pr.errors, 0); /* the birthday itself: either */
	rule_review_held("looked_after", D("2023-02-02"), "PN0", &f, &pr);
	assert_int_equal(pr.errors, 1); /* 4 the day after */
	assert_problem(&pr, "DfE rule 440");
	rule_review_held("looked_after", D("2023-01-31"), "PN3", &f, &pr);
	assert_int_equal(pr.errors, 2);
	assert_problem(&pr, "DfE rule 441");
	rule_review_held("looked_after", D("2023-02-01"), "PN3", &f, &pr);
	assert_int_equal(pr.errors, 2);
	problems_free(&pr);
}

/* The same boundary, as the validator's rules and the import use it
 * (rule_pn_age): PN0 after DOB + 4 years is 440, PN1-PN7 before it 441,
 * other codes and missing dates nothing. */
static void participation_and_the_fourth_birthday(void **state)
{
	(void)state;
	int32_t dob = D("2018-06-15");
	assert_null(rule_pn_age(dob, D("2022-06-15"), "PN0")); /* on it */
	assert_null(rule_pn_age(dob, D("2022-06-15"), "PN7"));
	assert_string_equal(rule_pn_age(dob, D("2022-06-16"), "PN0"), "440");
	assert_null(rule_pn_age(dob, D("2022-06-16"), "PN1"));
	assert_string_equal(rule_pn_age(dob, D("2022-06-14"), "PN1"), "441");
	assert_null(rule_pn_age(dob, D("2022-06-14"), "PN0"));
	assert_null(rule_pn_age(dob, D("2022-06-14"), "PN8"));
	assert_null(rule_pn_age(DATE_NONE, D("2022-06-14"), "PN1"));
	assert_null(rule_pn_age(dob, DATE_NONE, "PN0"));
	/* A 29 February birthday: the fourth falls on 28 February in a
	 * common year, as the validator's DateOffset(years=4) has it. */
	int32_t leap = D("2096-02-29");
	assert_null(rule_pn_age(leap, D("2100-02-28"), "PN1"));
	assert_string_equal(rule_pn_age(leap, D("2100-02-27"), "PN1"), "441");
	assert_null(rule_pn_age(leap, D("2100-02-27"), "PN0"));
	assert_string_equal(rule_pn_age(leap, D("2100-03-01"), "PN0"), "440");
}

/* Spec §3: a review belongs to "the period of care whose start and end
 * dates (both inclusive) contain the review date"; none, no review.
 * Pathway plan reviews are of care leavers, outside any period. */
static void review_inside_a_period(void **state)
{
	(void)state;
	struct period p[2];
	size_t np = periods(p);
	struct review_facts f = { D("2010-01-01"), p, np, D("2026-01-01") };
	struct problems pr;

	problems_init(&pr);
	rule_review_held("looked_after", D("2021-09-30"), NULL, &f, &pr);
	rule_review_held("looked_after", D("2023-01-09"), NULL, &f, &pr);
	assert_int_equal(pr.errors, 0);
	rule_review_held("looked_after", D("2022-06-01"), NULL, &f, &pr);
	assert_int_equal(pr.errors, 1);
	assert_problem(&pr, "not in a period of care");
	rule_review_held("pathway_plan", D("2022-06-01"), NULL, &f, &pr);
	assert_int_equal(pr.errors, 1);
	rule_review_held("looked_after", D("2026-01-02"), NULL, &f, &pr);
	assert_problem(&pr, "is in the future");
	problems_free(&pr);
}

static struct alloc_fact A(const char *child, int64_t iro, const char *from,
			   const char *to, bool cover)
{
	return (struct alloc_fact){ child, iro == 1 ? "Asha" : "Ben", iro,
				    D(from), to ? D(to) : DATE_NONE, cover,
				    false };
}

/* "a child has one IRO at a time"; "cover lies within an allocation, to
 * another IRO". */
static void one_iro_at_a_time(void **state)
{
	(void)state;
	struct period p[2];
	size_t np = periods(p);
	struct alloc_fact own[] = { A("C1", 1, "2023-01-10", "2023-06-30",
				      false) };
	struct allocation_facts f = { p, np, own, 1, NULL, 0, NULL, 0, false };
	struct problems pr;
	problems_init(&pr);

	struct alloc_fact next = A("C1", 2, "2023-07-01", NULL, false);
	rule_allocation(&next, &f, &pr);
	assert_int_equal(pr.errors, 0); /* a transfer the day after */
	struct alloc_fact clash = A("C1", 2, "2023-06-30", NULL, false);
	rule_allocation(&clash, &f, &pr);
	assert_int_equal(pr.errors, 1);
	assert_problem(&pr, "a child has one IRO at a time");

	struct alloc_fact cover = A("C1", 2, "2023-03-01", "2023-03-31", true);
	rule_allocation(&cover, &f, &pr);
	assert_int_equal(pr.errors, 1);
	struct alloc_fact self = A("C1", 1, "2023-03-01", "2023-03-31", true);
	rule_allocation(&self, &f, &pr);
	assert_problem(&pr, "cover is by another IRO");
	struct alloc_fact outside = A("C1", 2, "2023-06-01", "2023-07-31", true);
	rule_allocation(&outside, &f, &pr);
	assert_problem(&pr, "cover lies within");
	problems_free(&pr);
}

/* "siblings share an IRO" unless a manager gives a reason, on either
 * allocation; "a looked-after parent and their child must have different
 * IROs", with no override. */
static void siblings_and_parents(void **state)
{
	(void)state;
	struct period p[2];
	size_t np = periods(p);
	struct alloc_fact sib[] = { A("C2", 2, "2023-01-10", NULL, false) };
	struct allocation_facts f = { p, np, NULL, 0, sib, 1, NULL, 0, false };
	struct alloc_fact a = A("C1", 1, "2023-01-10", NULL, false);
	struct problems pr;
	problems_init(&pr);

	rule_allocation(&a, &f, &pr);
	assert_int_equal(pr.errors, 1);
	assert_problem(&pr, "siblings share an IRO");
	f.override = true;
	rule_allocation(&a, &f, &pr);
	assert_int_equal(pr.errors, 1);
	f.override = false;
	sib[0].override = true;
	rule_allocation(&a, &f, &pr);
	assert_int_equal(pr.errors, 1);
	struct alloc_fact same = A("C1", 2, "2023-01-10", NULL, false);
	sib[0].override = false;
	rule_allocation(&same, &f, &pr);
	assert_int_equal(pr.errors, 1);

	struct alloc_fact fam[] = { A("M1", 1, "2023-01-10", NULL, true) };
	struct allocation_facts g = { p, np, NULL, 0, NULL, 0, fam, 1, true };
	rule_allocation(&a, &g, &pr);
	assert_int_equal(pr.errors, 2);
	assert_problem(&pr, "a looked-after parent and their child never share");
	problems_free(&pr);
}

/* An allocation lies in a period of care; an open one ends with it. */
static void allocation_in_care(void **state)
{
	(void)state;
	struct period p[2];
	size_t np = periods(p);
	struct allocation_facts f = { p, np, NULL, 0, NULL, 0, NULL, 0, false };
	struct problems pr;
	problems_init(&pr);
	struct alloc_fact before = A("C1", 1, "2022-12-01", NULL, false);
	rule_allocation(&before, &f, &pr);
	assert_problem(&pr, "not looked after on that day");
	assert_date_equal(rule_allocation_end(D("2021-03-02"), DATE_NONE, p, np),
			  D("2021-09-30"));
	assert_date_equal(rule_allocation_end(D("2023-02-01"), DATE_NONE, p, np),
			  DATE_NONE);
	problems_free(&pr);
}

static void set(struct record *r, const char *field, const char *value)
{
	char why[256];
	int f = kind_field(r->kind, field);
	assert_true(f >= 0);
	assert_int_equal(record_parse_value(r, (size_t)f, value, why,
					    sizeof why),
			 0);
}

static void add_step(struct record *r, const char *status, const char *date)
{
	struct record *e = record_list_add(r, 0);
	set(e, "status", status);
	if (date)
		set(e, "date", date);
}

/* A review of C1 held on `held` (NULL: not held), first set for
 * `original` and now for `scheduled`. */
static void review(struct record *r, const char *status, const char *original,
		   const char *scheduled, const char *held)
{
	record_init(r, &KIND_REVIEW);
	set(r, "child", "C1");
	set(r, "status", status);
	if (original)
		set(r, "original", original);
	set(r, "scheduled", scheduled);
	if (held)
		set(r, "held", held);
}

/* Spec §2: "status history (scheduled -> rearranged (with who asked and
 * why) -> held | stood down | cancelled | adjourned)": in order, nothing
 * after the end, and the summary fields agree with it. */
static void review_history(void **state)
{
	(void)state;
	struct record r;
	struct problems pr;
	review(&r, "held", "2023-02-06", "2023-02-07", "2023-02-07");
	problems_init(&pr);
	add_step(&r, "scheduled", "2023-02-06");
	add_step(&r, "rearranged", "2023-02-07");
	add_step(&r, "held", "2023-02-07");
	record_defaults(&r);
	record_check(&r, &pr);
	assert_int_equal(pr.errors, 0);

	add_step(&r, "rearranged", "2023-02-09");
	record_check(&r, &pr);
	assert_problem(&pr, "cannot follow held");
	record_clear(&r);

	review(&r, "scheduled", NULL, "2023-03-01", NULL);
	set(&r, "participation", "PN1");
	add_step(&r, "scheduled", "2023-02-01");
	record_defaults(&r);
	record_check(&r, &pr);
	assert_problem(&pr, "participation is only for a review held");
	assert_problem(&pr, "scheduled the history last sets it for 2023-02-01");
	record_clear(&r);
	problems_free(&pr);
}

/* A review loaded without its history gets one made from its fields. */
static void review_history_made(void **state)
{
	(void)state;
	struct record r;
	struct problems pr;
	review(&r, "held", "2023-02-06", "2023-02-08", "2023-02-08");
	problems_init(&pr);
	assert_int_equal(review_fill_history(&r, "2023-02-08T10:00:00.000Z",
					     "test"),
			 0);
	assert_int_equal(r.lists[0].count, 3);
	record_defaults(&r);
	record_check(&r, &pr);
	assert_int_equal(pr.errors, 0);
	record_clear(&r);
	problems_free(&pr);
}

/* A recommendation achieved has the date it was achieved, and only then. */
static void recommendation_achieved(void **state)
{
	(void)state;
	struct record r;
	struct problems pr;
	record_init(&r, &KIND_RECOMMENDATION);
	problems_init(&pr);
	set(&r, "review", "1");
	set(&r, "text", "Life story work");
	set(&r, "status", "achieved");
	record_check(&r, &pr);
	assert_problem(&pr, "the date it was achieved is needed");
	set(&r, "achieved", "2023-03-01");
	size_t before = pr.errors;
	record_check(&r, &pr);
	assert_int_equal(pr.errors, before);
	record_clear(&r);
	problems_free(&pr);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pn0_only_under_four),
		cmocka_unit_test(participation_and_the_fourth_birthday),
		cmocka_unit_test(review_inside_a_period),
		cmocka_unit_test(one_iro_at_a_time),
		cmocka_unit_test(siblings_and_parents),
		cmocka_unit_test(allocation_in_care),
		cmocka_unit_test(review_history),
		cmocka_unit_test(review_history_made),
		cmocka_unit_test(recommendation_achieved),
	};
	return RUN(tests);
}
