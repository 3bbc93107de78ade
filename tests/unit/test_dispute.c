/*
 * test_dispute.c - practice alerts' deadlines, ceiling and moves
 * (core/dispute.h, core/ladder.h; spec §3, domain-rules §5).
 *
 * Spec §3: "each local ladder has stages with a response time in working
 * days; the IRO may skip stages or refer to Cafcass at any point; the whole
 * formal process should take no more than 20 working days."
 * Spec §3: "Within N working days of D": D is day 0; the deadline is the
 * Nth working day after D.
 */
#include "calendar_fixture.h"
#include "core/dispute.h"

struct alert_case {
	struct alert_stage stages[8];
	struct alert_clock_in in;
	const struct ladder *l;
};

/* An alert raised on `raised` at `stage` of ladder `key`, open. */
static void raise_at(struct alert_case *a, const char *key, const char *raised,
		     enum alert_kind kind, int stage)
{
	memset(a, 0, sizeof *a);
	a->l = ladder_preset(key);
	assert_non_null(a->l);
	a->in = (struct alert_clock_in){
		.kind = kind, .status = ALERT_OPEN, .raised = D(raised),
		.closed = DATE_NONE, .stages = a->stages,
		.ceiling_wd = a->l->ceiling_wd,
	};
	if (kind == ALERT_GOOD_PRACTICE)
		return;
	a->stages[0] = (struct alert_stage){
		.stage = stage, .entered = D(raised),
		.due = dispute_stage_due(&cal, D(raised),
					 a->l->stages[stage].response_wd),
		.responded = DATE_NONE,
	};
	a->in.nstages = 1;
}

static void escalate(struct alert_case *a, int stage, const char *on)
{
	char why[200];
	assert_null(dispute_refusal(a->l, &a->in, MOVE_ESCALATE, stage, D(on),
				    why, sizeof why));
	a->stages[a->in.nstages++] = (struct alert_stage){
		.stage = stage, .entered = D(on),
		.due = dispute_stage_due(&cal, D(on),
					 a->l->stages[stage].response_wd),
		.responded = DATE_NONE,
	};
}

static struct alert_clock clock_on(const struct alert_case *a,
				   const char *as_of)
{
	struct alert_clock c;
	dispute_clock(&cal, &a->in, D(as_of), &c);
	return c;
}

/* Cheshire East: "informal alert 5 WD with team manager". Raised Thu 21 Dec
 * 2023: day 0; Fri 22 (1), Christmas Day and Boxing Day are not working
 * days, Wed 27 (2), Thu 28 (3), Fri 29 (4), Mon 1 Jan is New Year's Day,
 * Tue 2 Jan 2024 (5). */
static void informal_deadline_over_christmas(void **state)
{
	(void)state;
	struct alert_case a;
	raise_at(&a, "cheshire_east", "2023-12-21", ALERT_INFORMAL, 0);
	assert_date_equal(a.stages[0].due, D("2024-01-02"));

	struct alert_clock c = clock_on(&a, "2024-01-02");
	assert_int_equal(c.state, ALERT_ON_TIME); /* due today: not late */
	assert_int_equal(c.elapsed_wd, 5);
	c = clock_on(&a, "2024-01-03");
	assert_int_equal(c.state, ALERT_STAGE_OVERDUE);
	assert_int_equal(c.days_late, 1);
	assert_date_equal(c.stage_due, D("2024-01-02"));
}

/* "formal alert 10 WD with senior manager", entered Wed 27 Mar 2024: Good
 * Friday (29 Mar) and Easter Monday (1 Apr) are not working days: Thu 28
 * (1), Tue 2 Apr (2) ... Fri 5 (5), Mon 8 to Thu 11 (6-9), Fri 12 Apr (10). */
static void formal_deadline_over_easter(void **state)
{
	(void)state;
	struct alert_case a;
	raise_at(&a, "cheshire_east", "2024-03-20", ALERT_INFORMAL, 0);
	escalate(&a, 1, "2024-03-27");
	assert_date_equal(a.stages[1].due, D("2024-04-12"));
	assert_int_equal(dispute_kind_after(a.l, ALERT_INFORMAL, 1),
			 ALERT_FORMAL);
	assert_int_equal(dispute_kind_after(a.l, ALERT_INFORMAL, 0),
			 ALERT_INFORMAL);
	/* The informal stage's deadline no longer matters once escalated. */
	assert_int_equal(clock_on(&a, "2024-04-12").state, ALERT_ON_TIME);
}

/* Handbook 6.2: "timescales in total of no more than 20 working days",
 * counted from the day raised (day 0). Raised Mon 6 May 2024 (itself the
 * early May bank holiday: day 0 all the same); Mon 27 May is the spring
 * bank holiday: the 20th working day is Tue 4 Jun. */
static void ceiling_of_20_working_days(void **state)
{
	(void)state;
	struct alert_case a;
	raise_at(&a, "generic", "2024-05-06", ALERT_INFORMAL, 0);
	struct alert_clock c = clock_on(&a, "2024-06-04");
	assert_date_equal(c.ceiling_date, D("2024-06-04"));
	assert_int_equal(c.elapsed_wd, 20);
	assert_true(c.within_ceiling);
	/* Stage 1 was due Mon 13 May and never answered: overdue on 4 June,
	 * but within the ceiling still. */
	assert_int_equal(c.state, ALERT_STAGE_OVERDUE);
	c = clock_on(&a, "2024-06-05");
	assert_int_equal(c.state, ALERT_CEILING_PASSED);
	assert_int_equal(c.elapsed_wd, 21);
	assert_int_equal(c.days_late, 1);
	assert_false(c.within_ceiling);
}

/* Handbook 6.2: "The IRO may bypass any stage". Buckinghamshire: informal,
 * then stage 1 ... stage 4; escalating from the informal stage straight to
 * stage 3 gives stage 3 its own 5 working days from its entry. */
static void skipping_stages(void **state)
{
	(void)state;
	struct alert_case a;
	raise_at(&a, "buckinghamshire", "2024-08-22", ALERT_INFORMAL, 0);
	/* Mon 26 Aug 2024 is the summer bank holiday. */
	assert_date_equal(a.stages[0].due, D("2024-08-30"));
	escalate(&a, 3, "2024-08-23");
	/* Entered Fri 23 Aug: Tue 27 (1) ... Fri 30 (4), Mon 2 Sep (5). */
	assert_date_equal(a.stages[1].due, D("2024-09-02"));
	assert_int_equal(clock_on(&a, "2024-09-02").state, ALERT_ON_TIME);
	struct alert_clock c = clock_on(&a, "2024-09-03");
	assert_int_equal(c.state, ALERT_STAGE_OVERDUE);
	assert_int_equal(c.days_late, 1);
	/* A formal alert can be raised at any stage too. */
	struct alert_case b;
	raise_at(&b, "buckinghamshire", "2024-08-22", ALERT_FORMAL, 2);
	assert_date_equal(b.stages[0].due, D("2024-08-30"));
}

/* "escalating past the last stage" is refused, as is going down a stage or
 * back in time; Cafcass is open from any stage (Handbook ch. 6: "at any
 * point in the dispute resolution process"). */
static void refusals_say_why(void **state)
{
	(void)state;
	char why[200];
	struct alert_case a;
	raise_at(&a, "cheshire_east", "2024-02-01", ALERT_INFORMAL, 0);
	assert_null(dispute_refusal(a.l, &a.in, MOVE_CAFCASS, 0,
				    D("2024-02-01"), why, sizeof why));
	escalate(&a, 1, "2024-02-05");
	const char *r = dispute_refusal(a.l, &a.in, MOVE_ESCALATE, 2,
					D("2024-02-06"), why, sizeof why);
	assert_non_null(r);
	assert_string_equal(r, "formal alert is the last stage of the ladder: "
			       "refer to Cafcass instead");
	r = dispute_refusal(a.l, &a.in, MOVE_RESPOND, 0, D("2024-02-02"), why,
			    sizeof why);
	assert_string_equal(r, "is before 2024-02-05, when the alert entered "
			       "its current stage");

	struct alert_case g;
	raise_at(&g, "buckinghamshire", "2024-02-01", ALERT_INFORMAL, 0);
	escalate(&g, 2, "2024-02-02");
	r = dispute_refusal(g.l, &g.in, MOVE_ESCALATE, 1, D("2024-02-03"), why,
			    sizeof why);
	assert_string_equal(r, "the alert is at stage 2 already: escalating "
			       "goes to a higher stage");

	/* A stage is answered once. */
	assert_null(dispute_refusal(g.l, &g.in, MOVE_RESPOND, 0,
				    D("2024-02-05"), why, sizeof why));
	g.stages[1].responded = D("2024-02-05");
	r = dispute_refusal(g.l, &g.in, MOVE_RESPOND, 0, D("2024-02-06"), why,
			    sizeof why);
	assert_string_equal(r, "stage 2 has had its response");
	/* Answered: no longer overdue, whatever the day. */
	assert_int_equal(clock_on(&g, "2024-02-20").state, ALERT_ON_TIME);
}

/* "responding to a closed alert" is refused; its actions may still be done
 * unless it was withdrawn; a closed alert's time is raised to closed. */
static void closed_alerts_make_no_moves(void **state)
{
	(void)state;
	char why[200];
	struct alert_case a;
	raise_at(&a, "generic", "2024-03-04", ALERT_INFORMAL, 0);
	a.in.status = ALERT_RESOLVED;
	a.in.closed = D("2024-03-08");
	const char *r = dispute_refusal(a.l, &a.in, MOVE_RESPOND, 0,
					D("2024-03-11"), why, sizeof why);
	assert_string_equal(r, "the alert is resolved: it cannot be responded "
			       "to");
	r = dispute_refusal(a.l, &a.in, MOVE_RESOLVE, 0, D("2024-03-11"), why,
			    sizeof why);
	assert_string_equal(r, "the alert is resolved: it cannot be resolved");
	assert_null(dispute_refusal(a.l, &a.in, MOVE_ACTION, 0, D("2024-03-11"),
				    why, sizeof why));
	struct alert_clock c = clock_on(&a, "2025-01-01");
	assert_int_equal(c.state, ALERT_CLOSED);
	assert_int_equal(c.elapsed_wd, 4);
	assert_true(c.within_ceiling);
	assert_int_equal(dispute_band(c.elapsed_wd), BAND_5);

	a.in.status = ALERT_CAFCASS;
	r = dispute_refusal(a.l, &a.in, MOVE_ESCALATE, 1, D("2024-03-11"), why,
			    sizeof why);
	assert_string_equal(r, "the alert is referred to Cafcass: it cannot be "
			       "escalated");
	a.in.status = ALERT_WITHDRAWN;
	r = dispute_refusal(a.l, &a.in, MOVE_ACTION, 0, D("2024-03-11"), why,
			    sizeof why);
	assert_string_equal(r, "the alert was withdrawn");
}

static void good_practice_has_no_ladder(void **state)
{
	(void)state;
	char why[200];
	struct alert_case a;
	raise_at(&a, "generic", "2024-03-04", ALERT_GOOD_PRACTICE, 0);
	assert_int_equal(clock_on(&a, "2025-03-04").state, ALERT_NO_CLOCK);
	const char *r = dispute_refusal(a.l, &a.in, MOVE_ESCALATE, 1,
					D("2024-03-05"), why, sizeof why);
	assert_string_equal(r, "a good-practice alert has no stages to be "
			       "escalated");
	assert_int_equal(dispute_kind_after(a.l, ALERT_GOOD_PRACTICE, 1),
			 ALERT_GOOD_PRACTICE);
}

/* Spec §4: "working days to resolve in bands (<=5, 6-10, 11-20, >20)". */
static void bands(void **state)
{
	(void)state;
	assert_int_equal(dispute_band(0), BAND_5);
	assert_int_equal(dispute_band(5), BAND_5);
	assert_int_equal(dispute_band(6), BAND_10);
	assert_int_equal(dispute_band(10), BAND_10);
	assert_int_equal(dispute_band(11), BAND_20);
	assert_int_equal(dispute_band(20), BAND_20);
	assert_int_equal(dispute_band(21), BAND_OVER);
}

/* The presets are the ladders of spec §3 and pass ladder_check; a ladder
 * that breaks a rule says which. */
static void presets_and_checks(void **state)
{
	(void)state;
	for (size_t i = 0; i < LADDER_NPRESETS; i++)
		assert_null(ladder_check(&LADDER_PRESETS[i]));
	const struct ladder *ce = ladder_preset("cheshire_east");
	assert_int_equal(ce->nstages, 2);
	assert_int_equal(ce->stages[0].response_wd, 5);
	assert_string_equal(ce->stages[0].addressee, "team manager");
	assert_int_equal(ce->stages[1].response_wd, 10);
	assert_string_equal(ce->stages[1].addressee, "senior manager");
	assert_int_equal(ladder_first_formal(ce), 1);
	const struct ladder *g = ladder_preset(LADDER_DEFAULT);
	assert_int_equal(g->nstages, 4);
	for (size_t i = 0; i < g->nstages; i++)
		assert_int_equal(g->stages[i].response_wd, 5);
	assert_int_equal(ladder_preset("buckinghamshire")->nstages, 5);
	assert_null(ladder_preset("nowhere"));

	struct ladder bad = *ce;
	bad.stages[0].formal = true;
	bad.stages[1].formal = false;
	assert_string_equal(ladder_check(&bad),
			    "informal stages come before formal ones");
	bad = *ce;
	bad.stages[1].response_wd = 0;
	assert_string_equal(ladder_check(&bad),
			    "a stage's response time is 1 to 60 working days");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(informal_deadline_over_christmas),
		cmocka_unit_test(formal_deadline_over_easter),
		cmocka_unit_test(ceiling_of_20_working_days),
		cmocka_unit_test(skipping_stages),
		cmocka_unit_test(refusals_say_why),
		cmocka_unit_test(closed_alerts_make_no_moves),
		cmocka_unit_test(good_practice_has_no_ladder),
		cmocka_unit_test(bands),
		cmocka_unit_test(presets_and_checks),
	};
	return RUN_GROUP(tests, cal_setup, cal_teardown);
}
