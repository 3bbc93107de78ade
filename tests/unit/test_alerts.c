/*
 * test_alerts.c - alert records against their ladder and their past
 * (core/alerts.h), and what the reports count of them
 * (core/alert_measures.h; spec §4 "Disputes and alerts", seed-tables
 * M51-M57).
 *
 * Spec §4: "Disputes and alerts: by kind, stage reached, stage resolved,
 * theme, team, month; working days to resolve in bands (<=5, 6-10, 11-20,
 * >20); share resolved within 20 working days; open past their stage
 * deadline."
 */
#include "calendar_fixture.h"
#include "core/alert_measures.h"
#include "core/alerts.h"
#include "core/record.h"

static void put(struct record *r, const char *field, const char *text)
{
	char why[200];
	int f = kind_field(r->kind, field);
	assert_true(f >= 0);
	assert_int_equal(record_parse_value(r, (size_t)f, text, why,
					    sizeof why), 0);
}

/* An alert of kind `kind` raised on `raised`, open unless closed is given
 * (then `status`). */
static void alert(struct record *r, const char *kind, const char *raised,
		  const char *status, const char *closed)
{
	record_init(r, &KIND_ALERT);
	r->id = 1;
	put(r, "child", "C1");
	put(r, "iro", "Ann");
	put(r, "kind", kind);
	put(r, "raised", raised);
	put(r, "description", "no care plan");
	put(r, "status", status);
	if (closed)
		put(r, "closed", closed);
}

static struct record *stage(struct record *r, const char *n,
			    const char *entered, const char *responded)
{
	struct record *s = record_list_add(r, (size_t)kind_list(r->kind,
								"stages"));
	assert_non_null(s);
	put(s, "stage", n);
	put(s, "entered", entered);
	if (responded)
		put(s, "responded", responded);
	return s;
}

static void theme(struct record *r, const char *t)
{
	struct record *x = record_list_add(r, (size_t)kind_list(r->kind,
								"themes"));
	assert_non_null(x);
	put(x, "theme", t);
}

static const struct ladder *bucks(void)
{
	return ladder_preset("buckinghamshire");
}

/* Problems' reasons, joined, for assertions on the words. */
static const char *reasons(const struct problems *p)
{
	static char all[2048];
	all[0] = 0;
	for (size_t i = 0; i < p->count; i++) {
		size_t n = strlen(all);
		snprintf(all + n, sizeof all - n, "%s: %s|", p->v[i].column,
			 p->v[i].reason);
	}
	return all;
}

/* An alert read as the measures read it, on as_of, with its stages filled
 * from the Buckinghamshire ladder. */
static void item(struct alert_item *a, struct record *r, const char *as_of)
{
	assert_int_equal(alert_fill_stages(r, bucks(), &cal), 0);
	a->rec = r;
	alert_view_read(r, LADDER_CEILING_WD, &a->view);
	assert_true(alert_view_as_of(&a->view, D(as_of), bucks()));
	alert_facts_of(&cal, &a->view, D(as_of), &a->facts);
}

/* ---- Against the ladder -------------------------------------------------- */

/* alerts.h: stages get "their name and addressee from the ladder, and
 * their response due (dispute_stage_due) from their entry". Buckinghamshire
 * stage 1 (team manager, 5 WD) entered Thu 25 Aug 2022: Fri 26 (1), Mon 29
 * is the summer bank holiday, Tue 30 (2), Wed 31 (3), Thu 1 Sep (4), Fri 2
 * Sep (5). A due date typed in (an agreed extension) is kept. */
static void stages_filled_across_bank_holiday(void **state)
{
	(void)state;
	struct record r;
	alert(&r, "formal", "2022-08-22", "open", NULL);
	stage(&r, "1", "2022-08-22", "2022-08-24");
	struct record *s = stage(&r, "2", "2022-08-25", NULL);
	struct record *t = stage(&r, "3", "2022-09-05", NULL);
	put(t, "due", "2022-09-30");
	assert_int_equal(alert_fill_stages(&r, bucks(), &cal), 0);
	assert_string_equal(record_get(s, "name")->s, "stage 1");
	assert_string_equal(record_get(s, "addressee")->s, "team manager");
	assert_date_equal((int32_t)record_get(s, "due")->i, D("2022-09-02"));
	assert_date_equal((int32_t)record_get(t, "due")->i, D("2022-09-30"));
	/* the informal stage: 5 WD from Mon 22 Aug is Mon 29's holiday
	 * skipped: Tue 30 Aug */
	const struct record *i0 = &r.lists[0].items[0];
	assert_date_equal((int32_t)record_get(i0, "due")->i, D("2022-08-30"));
	record_clear(&r);
}

/* alerts.h: "every stage is one of the ladder's; a dispute is formal
 * exactly when it has entered a formal stage". */
static void stage_and_kind_against_ladder(void **state)
{
	(void)state;
	struct problems p;
	struct record r;

	problems_init(&p);
	alert(&r, "formal", "2022-05-03", "open", NULL);
	stage(&r, "6", "2022-05-03", NULL);
	alert_check_ladder(&r, bucks(), &p);
	assert_non_null(strstr(reasons(&p), "stage: the buckinghamshire "
					    "ladder has stages 1 to 5"));
	record_clear(&r);
	problems_free(&p);

	problems_init(&p);
	alert(&r, "informal", "2022-05-03", "open", NULL);
	stage(&r, "1", "2022-05-03", NULL);
	stage(&r, "2", "2022-05-10", NULL);
	alert_check_ladder(&r, bucks(), &p);
	assert_non_null(strstr(reasons(&p), "kind: the alert has entered a "
					    "formal stage"));
	record_clear(&r);
	problems_free(&p);

	problems_init(&p);
	alert(&r, "formal", "2022-05-03", "open", NULL);
	stage(&r, "1", "2022-05-03", NULL);
	alert_check_ladder(&r, bucks(), &p);
	assert_non_null(strstr(reasons(&p), "kind: the alert has entered no "
					    "formal stage"));
	record_clear(&r);
	problems_free(&p);

	/* skipping straight to stage 2 (head of service) is allowed */
	problems_init(&p);
	alert(&r, "formal", "2022-05-03", "open", NULL);
	stage(&r, "3", "2022-05-03", NULL);
	alert_check_ladder(&r, bucks(), &p);
	assert_int_equal(p.errors, 0);
	record_clear(&r);
	problems_free(&p);
}

static void ladder_round_trips_as_record(void **state)
{
	(void)state;
	for (size_t i = 0; i < LADDER_NPRESETS; i++) {
		struct record r;
		struct ladder back;
		assert_int_equal(ladder_to_record(&LADDER_PRESETS[i], &r), 0);
		assert_null(ladder_from_record(&r, &back));
		assert_memory_equal(&back, &LADDER_PRESETS[i], sizeof back);
		record_clear(&r);
	}
}

/* ---- Against its past ---------------------------------------------------- */

static size_t change_errors(const struct record *old, const struct record *r,
			    const char *want)
{
	struct problems p;
	problems_init(&p);
	alert_check_change(old, r, &p);
	if (want)
		assert_non_null(strstr(reasons(&p), want));
	size_t n = p.errors;
	problems_free(&p);
	return n;
}

/* alerts.h: "The raised date stays; the stages entered stay as they were
 * and later ones are only added; a response, once given, stays; a closed
 * alert stays closed on its day; actions are only added, and one done
 * stays done. Corrections of wording are allowed." */
static void history_is_never_rewritten(void **state)
{
	(void)state;
	struct record old, r;
	alert(&old, "informal", "2022-05-03", "open", NULL);
	stage(&old, "1", "2022-05-03", "2022-05-05");
	struct record *act = record_list_add(&old, 1);
	put(act, "action", "care plan to be updated");
	put(act, "due", "2022-05-20");

	/* wording, a new stage, an action done: allowed */
	assert_int_equal(record_copy(&r, &old), 0);
	put(&r, "description", "no updated care plan");
	put(&r, "kind", "formal");
	stage(&r, "2", "2022-05-06", NULL);
	put(&r.lists[1].items[0], "done", "2022-05-19");
	assert_int_equal(change_errors(&old, &r, NULL), 0);
	record_clear(&r);

	assert_int_equal(record_copy(&r, &old), 0);
	put(&r, "raised", "2022-05-04");
	assert_int_equal(change_errors(&old, &r, "raised: the day an alert "
						 "was raised cannot change"),
			 1);
	record_clear(&r);

	assert_int_equal(record_copy(&r, &old), 0);
	put(&r.lists[0].items[0], "responded", "2022-05-06");
	assert_int_equal(change_errors(&old, &r, "responded: a response, "
						 "once recorded"),
			 1);
	record_clear(&r);

	assert_int_equal(record_copy(&r, &old), 0);
	put(&r.lists[0].items[0], "entered", "2022-05-04");
	assert_int_equal(change_errors(&old, &r, "keeps its number, entry"),
			 1);
	record_clear(&r);

	/* a stage or an action taken out */
	record_init(&r, &KIND_ALERT);
	alert(&r, "informal", "2022-05-03", "open", NULL);
	assert_true(change_errors(&old, &r, "cannot be taken out") >= 2);
	record_clear(&r);

	/* a resolved alert stays resolved */
	struct record done;
	assert_int_equal(record_copy(&done, &old), 0);
	put(&done, "status", "resolved");
	put(&done, "closed", "2022-05-05");
	assert_int_equal(record_copy(&r, &done), 0);
	put(&r, "status", "open");
	record_unset(&r, (size_t)kind_field(r.kind, "closed"));
	assert_int_equal(change_errors(&done, &r, "the alert closed on "
						  "2022-05-05: it stays "
						  "resolved"),
			 1);
	record_clear(&r);
	record_clear(&done);
	record_clear(&old);
}

/* ---- Facts -------------------------------------------------------------- */

/* Raised and resolved at stage 1 (team manager) on the Buckinghamshire
 * ladder: 3 working days, inside the stage's 5 (M55, M56, M57). */
static void facts_of_a_quick_resolution(void **state)
{
	(void)state;
	struct record r;
	struct alert_item a;
	alert(&r, "formal", "2022-06-06", "resolved", "2022-06-09");
	stage(&r, "2", "2022-06-06", "2022-06-09");
	item(&a, &r, "2022-07-01");
	assert_int_equal(a.facts.reached, 1);
	assert_int_equal(a.facts.resolved_at, 1);
	assert_int_equal(a.facts.clock.elapsed_wd, 3);
	assert_true(a.facts.clock.within_ceiling);
	assert_true(a.facts.in_stage_time);
	assert_int_equal(a.facts.escalated_late, 0);
	assert_int_equal(a.facts.calendar_days, 3);
	record_clear(&r);
}

/* M57 "alerts escalated because a stage deadline passed": the informal
 * stage entered Mon 6 Jun 2022 was due Mon 13 Jun (5 WD: Thu 2 and Fri 3
 * Jun were the Jubilee bank holidays, before it); escalated on Tue 14 with
 * no response. Not within the stage's time; as of Fri 10 Jun (before the
 * escalation) it was still on time. */
static void facts_of_a_late_escalation(void **state)
{
	(void)state;
	struct record r;
	struct alert_item a;
	alert(&r, "formal", "2022-06-06", "resolved", "2022-06-16");
	stage(&r, "1", "2022-06-06", NULL);
	stage(&r, "2", "2022-06-14", "2022-06-16");
	item(&a, &r, "2022-07-01");
	assert_date_equal(a.view.stages[0].due, D("2022-06-13"));
	assert_int_equal(a.facts.escalated_late, 1);
	assert_false(a.facts.in_stage_time);

	item(&a, &r, "2022-06-10");
	assert_int_equal(a.view.in.status, ALERT_OPEN);
	assert_int_equal(a.view.in.nstages, 1);
	/* "formal exactly when it has entered a formal stage": on 10 Jun it
	 * was still on the informal stage */
	assert_int_equal(a.view.in.kind, ALERT_INFORMAL);
	assert_int_equal(a.facts.clock.state, ALERT_ON_TIME);
	assert_false(a.facts.past_deadline);
	/* Tue 14 Jun, as it stood: the escalation that day counts */
	item(&a, &r, "2022-06-14");
	assert_int_equal(a.view.in.nstages, 2);
	assert_int_equal(a.view.in.kind, ALERT_FORMAL);
	record_clear(&r);
}

/* M57 "open past their deadline at D": stage due Mon 13 Jun, no response;
 * on Tue 14 Jun it is past its deadline. */
static void open_past_deadline(void **state)
{
	(void)state;
	struct record r;
	struct alert_item a;
	alert(&r, "informal", "2022-06-06", "open", NULL);
	stage(&r, "1", "2022-06-06", NULL);
	item(&a, &r, "2022-06-13");
	assert_false(a.facts.past_deadline);
	item(&a, &r, "2022-06-14");
	assert_true(a.facts.past_deadline);
	assert_int_equal(a.facts.clock.state, ALERT_STAGE_OVERDUE);
	record_clear(&r);
}

/* ---- Groupings ----------------------------------------------------------- */

static const char *key1(enum alert_dim d, const struct alert_item *a)
{
	static struct alert_key k[ALERT_MAX_KEYS];
	size_t n = alert_keys(d, a, bucks(), DATE_NONE, DATE_NONE, k,
			      ALERT_MAX_KEYS);
	return n ? k[0].text : "";
}

/* Spec §4 bands "<=5, 6-10, 11-20, >20" working days; BUCKS-F8 "less than
 * one week", "over 4 weeks" in calendar days from raised to resolved. */
static void bands_at_their_edges(void **state)
{
	(void)state;
	static const struct {
		const char *raised, *closed, *band, *weeks;
	} C[] = {
		/* Mon 6 Jun 2022 + 5 WD = Mon 13 Jun (6 calendar days is
		 * still under a week: 13 - 6 = 7, so use Fri 10 for 4 WD) */
		{ "2022-06-06", "2022-06-10", "up to 5 working days",
		  "under 1 week" },
		{ "2022-06-06", "2022-06-13", "up to 5 working days",
		  "1 to 2 weeks" },
		{ "2022-06-06", "2022-06-14", "6 to 10 working days",
		  "1 to 2 weeks" },
		{ "2022-06-06", "2022-06-20", "6 to 10 working days",
		  "2 to 4 weeks" },
		{ "2022-06-06", "2022-06-21", "11 to 20 working days",
		  "2 to 4 weeks" },
		/* 20 WD: Mon 4 Jul; 28 days: Mon 4 Jul */
		{ "2022-06-06", "2022-07-04", "11 to 20 working days",
		  "2 to 4 weeks" },
		{ "2022-06-06", "2022-07-05", "over 20 working days",
		  "over 4 weeks" },
	};
	for (size_t i = 0; i < ARRAY_LEN(C); i++) {
		struct record r;
		struct alert_item a;
		alert(&r, "informal", C[i].raised, "resolved", C[i].closed);
		stage(&r, "1", C[i].raised, NULL);
		item(&a, &r, "2022-12-31");
		assert_string_equal(key1(DIM_BAND, &a), C[i].band);
		assert_string_equal(key1(DIM_WEEKS, &a), C[i].weeks);
		assert_string_equal(key1(DIM_CEILING, &a),
				    i + 1 < ARRAY_LEN(C)
					    ? "within 20 working days"
					    : "over 20 working days");
		record_clear(&r);
	}
}

/* M55: stages named as the alert entered them, "stage 1 (team manager)";
 * resolved at the last; a good-practice alert has no stage. */
static void stage_keys(void **state)
{
	(void)state;
	struct record r;
	struct alert_item a;
	alert(&r, "formal", "2022-06-06", "resolved", "2022-06-20");
	stage(&r, "1", "2022-06-06", "2022-06-08");
	stage(&r, "3", "2022-06-09", "2022-06-15");
	item(&a, &r, "2022-12-31");
	assert_string_equal(key1(DIM_REACHED, &a),
			    "stage 2 (head of service)");
	assert_string_equal(key1(DIM_RESOLVED, &a),
			    "stage 2 (head of service)");
	struct alert_key k[ALERT_MAX_KEYS];
	assert_int_equal(alert_keys(DIM_ENTERED, &a, bucks(), D("2022-06-07"),
				    DATE_NONE, k, ALERT_MAX_KEYS),
			 1);
	assert_string_equal(key1(DIM_QUARTER, &a), "2022-23 Q1");
	assert_string_equal(key1(DIM_YEAR, &a), "2022-23");
	assert_string_equal(key1(DIM_MONTH, &a), "2022-06");
	record_clear(&r);

	alert(&r, "good_practice", "2023-01-06", "resolved", "2023-01-06");
	item(&a, &r, "2023-02-01");
	assert_string_equal(key1(DIM_REACHED, &a), "");
	assert_string_equal(key1(DIM_BAND, &a), "");
	assert_string_equal(key1(DIM_KIND, &a), "good practice");
	assert_string_equal(key1(DIM_QUARTER, &a), "2022-23 Q4");
	record_clear(&r);
}

/* M54 (BUCKS-T18): "several themes per alert allowed, a no theme recorded
 * row"; M53 (BUCKS-T17): teams with no alerts still listed. */
static void counts_by_theme_and_team(void **state)
{
	(void)state;
	struct record r[3];
	struct alert_item a[3];
	alert(&r[0], "informal", "2022-04-05", "open", NULL);
	stage(&r[0], "1", "2022-04-05", NULL);
	theme(&r[0], "Health");
	theme(&r[0], "Education");
	put(&r[0], "team", "Court Team");
	alert(&r[1], "informal", "2022-05-05", "open", NULL);
	stage(&r[1], "1", "2022-05-05", NULL);
	theme(&r[1], "Health");
	alert(&r[2], "good_practice", "2022-05-09", "resolved", "2022-05-09");
	for (int i = 0; i < 3; i++)
		item(&a[i], &r[i], "2022-06-01");

	struct alert_counts c;
	enum alert_dim by = DIM_THEME;
	alert_counts_init(&c, &by, 1);
	for (int i = 0; i < 3; i++)
		assert_int_equal(alert_counts_add(&c, &a[i], bucks(), DATE_NONE,
						  DATE_NONE),
				 0);
	alert_counts_sort(&c);
	assert_int_equal(c.total, 3);
	assert_int_equal(c.n, 3);
	assert_string_equal(c.v[0].key[0].text, "Education");
	assert_int_equal(c.v[0].alerts, 1);
	assert_string_equal(c.v[1].key[0].text, "Health");
	assert_int_equal(c.v[1].alerts, 2);
	assert_string_equal(c.v[2].key[0].text, "no theme recorded");
	alert_counts_free(&c);

	enum alert_dim two[2] = { DIM_TEAM, DIM_MONTH };
	alert_counts_init(&c, two, 2);
	assert_int_equal(alert_counts_ensure(&c, "Court Team", 1), 0);
	assert_int_equal(alert_counts_ensure(&c, "Social Work Academy", 2), 0);
	for (int i = 0; i < 3; i++)
		assert_int_equal(alert_counts_add(&c, &a[i], bucks(), DATE_NONE,
						  DATE_NONE),
				 0);
	alert_counts_sort(&c);
	/* Court Team 2022-04; Social Work Academy (none); no team 2022-05 */
	assert_int_equal(c.n, 3);
	assert_string_equal(c.v[0].key[0].text, "Court Team");
	assert_string_equal(c.v[0].key[1].text, "2022-04");
	assert_string_equal(c.v[1].key[0].text, "Social Work Academy");
	assert_int_equal(c.v[1].alerts, 0);
	assert_string_equal(c.v[2].key[0].text, "no team recorded");
	assert_int_equal(c.v[2].alerts, 2);
	alert_counts_free(&c);
	for (int i = 0; i < 3; i++)
		record_clear(&r[i]);
}

static void filters(void **state)
{
	(void)state;
	struct record r;
	struct alert_item a;
	alert(&r, "formal", "2022-06-06", "resolved", "2022-06-20");
	stage(&r, "1", "2022-06-06", NULL);
	stage(&r, "3", "2022-06-14", "2022-06-15");
	theme(&r, "Health");
	item(&a, &r, "2022-12-31");
	struct alert_filter f = { .from = DATE_NONE, .to = DATE_NONE };
	assert_true(alert_matches(&f, &a));
	f.reached = 3;
	assert_true(alert_matches(&f, &a));
	f.reached = 4;
	assert_false(alert_matches(&f, &a));
	f.reached = 0;
	f.resolved_at = 3;
	f.theme = "Health";
	f.escalated_late = true;
	assert_true(alert_matches(&f, &a));
	f.theme = "Education";
	assert_false(alert_matches(&f, &a));
	f.theme = NULL;
	f.kind = "dispute"; /* informal or formal */
	assert_true(alert_matches(&f, &a));
	f.kind = "informal";
	assert_false(alert_matches(&f, &a));
	f = (struct alert_filter){ .from = D("2022-06-07"), .to = DATE_NONE };
	assert_false(alert_matches(&f, &a)); /* raised before the window */
	f.by_entry = true;
	assert_true(alert_matches(&f, &a)); /* stage entered in it */
	record_clear(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(stages_filled_across_bank_holiday),
		cmocka_unit_test(stage_and_kind_against_ladder),
		cmocka_unit_test(ladder_round_trips_as_record),
		cmocka_unit_test(history_is_never_rewritten),
		cmocka_unit_test(facts_of_a_quick_resolution),
		cmocka_unit_test(facts_of_a_late_escalation),
		cmocka_unit_test(open_past_deadline),
		cmocka_unit_test(bands_at_their_edges),
		cmocka_unit_test(stage_keys),
		cmocka_unit_test(counts_by_theme_and_team),
		cmocka_unit_test(filters),
	};
	return RUN_GROUP(tests, cal_setup, cal_teardown);
}
