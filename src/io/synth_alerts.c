/*
 * synth_alerts.c - practice alerts in the synthetic service
 * (synth_service.h; issue 4): the social work teams and the ladder, and
 * each child's alerts in the last three collection years, at the rates of
 * the seed reports - Buckinghamshire 2021-22 ("The Formal Resolution
 * Process", Tables 16-18: 213 resolutions for about 500 children) and
 * Cheshire East's practice alerts:
 *
 *  - The ladder is Buckinghamshire's (core/ladder.h): informal with the
 *    social worker, then stage 1 team manager, stage 2 head of service,
 *    stage 3 service director, stage 4 corporate director, 5 working days
 *    each. The setting `ladder` names it and every dispute carries it.
 *  - 0.4 disputes per child per year looked after (short breaks apart),
 *    and good-practice alerts at half that (Cheshire East: 35.6% of all
 *    alerts). Raised on a working day by the IRO on the child's case that
 *    day (none while that IRO is away), half of them 0-10 working days
 *    after a review held, which they name, the rest on any day of care.
 *    The alert's team is the child's social work team.
 *  - Where a dispute ends: 15% at the informal stage, 75% at stage 1 (the
 *    first formal stage), 8% at stage 2, 2% higher; 3% are withdrawn and
 *    one in 300 is referred to Cafcass. One in five formal disputes is
 *    raised informally first, the rest straight at stage 1. A stage below
 *    the last is escalated after an unsatisfactory response, or a third of
 *    the time (Cheshire East: "One third of formal alerts raised at the
 *    informal alert stage did not reach a satisfactory outcome within the
 *    agreed timescales") on or after its due date, with no response or a
 *    late one.
 *  - The last stage is mostly answered within 0-4 working days and
 *    resolved that day, so that about 62% of disputes are resolved within
 *    a week of being raised and about 7% take over four weeks
 *    (Buckinghamshire).
 *  - Themes weighted by Buckinghamshire's Table 18 (documentation and the
 *    C&F assessment most often, "Other" often): two for 40% of disputes,
 *    none for 1%. Half the disputes have 1-3 actions, due 3-20 working
 *    days after raising; most done (a fifth of them late), a few not,
 *    more of the recent ones.
 *  - Anything after the year's end has not happened yet: a stage not yet
 *    entered, a response not yet come, an alert still open.
 */
#include "lib/common.h"
#include "core/date.h"
#include "core/dispute.h"
#include "core/ladder.h"
#include "io/synth.h"
#include "io/synth_svc.h"
#include "io/synth_util.h"

#define LADDER_KEY "buckinghamshire"
#define DISPUTES_PER_YEAR 0.4
#define GOOD_PRACTICE_PER_YEAR 0.2
#define MAX_ALERTS 24        /* of a child, at most */
#define MAX_LINKED 64        /* reviews an alert may follow, at most */
#define P_AFTER_REVIEW 0.5
#define AFTER_REVIEW_WD 10
#define P_INFORMAL_FIRST 0.2  /* of formal disputes: most start formal */
#define P_LATE_ESCALATION (1.0 / 3)
#define P_WITHDRAWN 0.03
#define P_CAFCASS (1.0 / 300)
#define CAFCASS_FROM 2       /* referred after a head of service */
#define P_TWO_THEMES 0.4
#define P_NO_THEME 0.01
#define P_ACTIONS 0.5
/* Actions not done: a quarter of those due in the last 8 weeks, few older
 * ones (they are chased at the next review). */
#define RECENT_ACTION 56
#define P_UNDONE_RECENT 0.25
#define P_UNDONE 0.01
#define P_DONE_LATE 0.2

/* The stage a dispute ends at, by the ladder's index: Buckinghamshire,
 * 15% informal, 75% stage 1, 8% stage 2, then 2% higher. */
static const unsigned TOP_W[] = { 150, 750, 80, 15, 5 };
/* The last stage's response, in working days after it was entered: mostly
 * within four, so that most disputes end within a week; one in eight late,
 * up to six weeks, the disputes that take over four weeks... */
static const struct bucket REPLY_WD[] = {
	{ 0, 1, 40 }, { 2, 4, 44 }, { 5, 5, 4 }, { 6, 30, 12 },
};
/* ... and from it to the resolution: mostly the same day; later when a
 * meeting or the work agreed comes first. */
static const struct bucket SETTLE_WD[] = {
	{ 0, 0, 85 }, { 1, 5, 10 }, { 6, 20, 5 },
};

/* A theme of the schema's list (store/schema/004_alerts.sql), spelt
 * exactly, with a dispute about it. */
struct theme {
	const char *name;
	unsigned w; /* Buckinghamshire's Table 18; small for the others */
	const char *description, *impact, *action, *owner;
};

static const struct theme THEMES[] = {
	{ "C&F assessment not completed in timescales before CPC / CLA Review",
	  83, "The child and family assessment was not completed before the "
	      "review",
	  "The plan cannot be agreed without a current view of the child's "
	  "needs",
	  "Complete the child and family assessment", "social worker" },
	{ "C&F assessment not shared with family in timescales before CPC / "
	  "CLA Review",
	  17, "The assessment was not shared with the family before the review",
	  "Parents could not take part fully in planning for the child",
	  "Share the assessment with the family", "social worker" },
	{ "C&F assessment not signed off by manager before CPC / CLA Review",
	  15, "No manager signed off the assessment before the review",
	  "Decisions rest on an assessment no manager has agreed",
	  "Sign off the assessment", "team manager" },
	{ "Children not being seen / seen alone", 1,
	  "The child has not been seen alone by the social worker",
	  "The child's own views are not known",
	  "Visit and see the child alone", "social worker" },
	{ "Decisions / Actions not carried out", 27,
	  "Actions agreed at the last review have not been carried out",
	  "Delay for the child in the plan agreed at the review",
	  "Carry out the actions of the review", "social worker" },
	{ "Drift in permanency planning", 9,
	  "No permanence plan has been agreed by the second review",
	  "Delay in the child knowing where they will grow up",
	  "Present the permanence plan to panel", "team manager" },
	{ "IRO not notified of significant events", 2,
	  "The IRO was not told of a change of placement",
	  "The plan was not reviewed after a significant change",
	  "Notify the IRO of significant events", "social worker" },
	{ "Lack of management oversight / supervision on child's record", 2,
	  "No management oversight is recorded on the child's record",
	  "Drift in the plan has not been picked up",
	  "Record management oversight and the plan's next steps",
	  "team manager" },
	{ "Missing / incomplete / poor standard of documentation", 88,
	  "The care plan and case records are incomplete or out of date",
	  "Carers and professionals are working from out-of-date information",
	  "Update the care plan and case records", "social worker" },
	{ "No SW or ATM / TM attended Review / Conference", 5,
	  "No one attended the review for the social worker",
	  "The review could not make decisions the plan needed",
	  "Reconvene the review with the social worker", "team manager" },
	{ "Plan 'drifting' or not agreed by IRO", 13,
	  "The care plan has drifted and the IRO does not agree it",
	  "The child remains without a plan that meets their needs",
	  "Revise the care plan and agree it with the IRO", "team manager" },
	{ "Visits or Core Groups not being done", 1,
	  "Statutory visits are overdue",
	  "The child's welfare has not been checked at the required interval",
	  "Complete the overdue visit", "social worker" },
	{ "Education/PEP", 3, "The personal education plan is out of date",
	  "The child's education needs are not being met",
	  "Update the PEP with the designated teacher", "social worker" },
	{ "Education", 3, "The child has no school place",
	  "The child is missing education",
	  "Secure a school place with the virtual school", "team manager" },
	{ "Health", 1, "A referral to CAMHS has not been followed up",
	  "The child's emotional health needs are not being met",
	  "Follow up the CAMHS referral", "social worker" },
	{ "Health Assessment", 2, "The review health assessment is overdue",
	  "The child's health needs are not known",
	  "Request the review health assessment", "social worker" },
	{ "No updated care plan or plan not ready", 8,
	  "No updated care plan was ready for the review",
	  "The review could not consider a current plan for the child",
	  "Complete the updated care plan", "social worker" },
	{ "No updated assessment", 6, "There is no updated assessment to "
				      "inform the plan",
	  "The plan is not based on the child's current needs",
	  "Update the assessment", "social worker" },
	{ "No social work report before the review", 6,
	  "The social work report was not shared before the review",
	  "The child and family could not prepare for the review",
	  "Share the report three days before each review", "social worker" },
	{ "Lack of a clear exit plan", 2,
	  "There is no clear plan for the child leaving care",
	  "Uncertainty for the child about when and how they will leave care",
	  "Agree an exit plan with the family", "team manager" },
	{ "No social worker allocated", 3, "The child has no allocated social "
					   "worker",
	  "No one is progressing the child's plan",
	  "Allocate a social worker", "team manager" },
	{ "Child participation", 3,
	  "The child's wishes were not sought before the review",
	  "The child's voice is missing from the plan",
	  "Meet the child to seek their wishes and feelings", "social worker" },
	{ "Other", 34, "A request the child made has not been acted on",
	  "The child feels their request has been ignored",
	  "Respond to the child's request", "social worker" },
};

/* Actions that go with any dispute. */
static const struct {
	const char *action, *owner;
} MORE_ACTIONS[] = {
	{ "Confirm the actions in writing to the IRO", "team manager" },
	{ "Hold a planning meeting", "team manager" },
	{ "Update the child's chronology", "social worker" },
	{ "Discuss the plan with the child", "social worker" },
};

static const char *const UNSATISFIED[] = {
	"The response did not address the concern",
	"Agreed to act, but with no timescale",
	"More time asked for, with no plan to put it right",
};
static const char *const SATISFIED[] = {
	"Actions agreed with timescales; the IRO is satisfied",
	"The concern is accepted and has been put right",
	"The plan has been updated and shared with the IRO",
};
static const char *const RESOLVED[] = {
	"Resolved: the actions agreed were completed",
	"Resolved: the plan was updated before the next review",
	"Resolved at a meeting with the IRO",
};
static const char *const WITHDRAWN[] = {
	"Withdrawn: put right before a response was due",
	"Withdrawn: superseded by a decision at court",
};
static const char *const CAFCASS =
	"Referred to Cafcass: the plan was still not progressed after "
	"escalation";

/* Good practice (Cheshire East: mostly good working relationships with the
 * child and family, often a newly allocated social worker's). */
static const char *const GOOD_PRACTICE[] = {
	"The newly allocated social worker built a relationship with the "
	"child quickly and moved the plan on",
	"Direct work with the child put their views at the centre of the plan",
	"The social worker worked well with the family and contact has "
	"improved",
	"The assessment and care plan were updated and shared well before "
	"the review",
	"The social work report was written to the child and easy to read",
	"Creative work to keep brothers and sisters in touch",
};
/* A good-practice alert is a commendation: there is nothing to resolve,
 * so it is closed (status resolved) the day it is raised, once passed on,
 * rather than left open among the disputes waiting for an answer. */
static const char *const GOOD_PRACTICE_OUTCOME =
	"Passed on to the social worker and their manager";

/* ---- The lists ---------------------------------------------------------- */

int svc_write_alert_lists(struct svc *s)
{
	const struct ladder *l = ladder_preset(LADDER_KEY);
	struct jline *j = &s->j;
	if (!l)
		return -1;
	jl_start(j, "setting");
	jl_text(j, "key", "ladder");
	jl_text(j, "value", l->key);
	int rc = svc_emit_direct(s);
	for (int t = 0; svc_sw_team(t) && !rc; t++) {
		jl_start(j, "team");
		jl_text(j, "name", svc_sw_team(t));
		rc = svc_emit_direct(s);
	}
	if (rc)
		return rc;
	jl_start(j, "ladder");
	jl_text(j, "key", l->key);
	jl_text(j, "name", l->name);
	jl_int(j, "ceiling", l->ceiling_wd);
	jl_list(j, "stages");
	for (size_t i = 0; i < l->nstages; i++) {
		jl_item(j);
		jl_text(j, "name", l->stages[i].name);
		jl_text(j, "addressee", l->stages[i].addressee);
		jl_int(j, "days", l->stages[i].response_wd);
		jl_bool(j, "formal", l->stages[i].formal);
		jl_close(j);
	}
	jl_close(j);
	return svc_emit_direct(s);
}

/* ---- Days --------------------------------------------------------------- */

/* `wd` working days after `day` (0: the day itself). */
static int32_t wd_after(const struct svc *s, int32_t day, int wd)
{
	int32_t d = cal_add_workdays(s->cal, day, wd);
	return d == DATE_NONE ? day : d;
}

/* The first working day on or after `day`. */
static int32_t workday_from(const struct svc *s, int32_t day)
{
	for (int i = 0; i < 14 && !cal_is_workday(s->cal, day); i++)
		day++;
	return day;
}

/* True when child c is looked after on `day` (short breaks apart) by the
 * year's end. */
static bool in_care(const struct svc *s, const struct synth_child *c,
		    int32_t day)
{
	int p = period_containing(c->per, c->nper, day);
	return p >= 0 && day <= s->year_end && !c->per[p].short_break &&
	       (c->per[p].end == DATE_NONE || day < c->per[p].end);
}

/* ---- A dispute ---------------------------------------------------------- */

struct stage_made {
	int stage; /* the ladder's index */
	int32_t entered, due, responded;
	const char *response;
};

struct dispute {
	struct stage_made st[LADDER_MAX_STAGES];
	int n;
	const char *status, *outcome;
	int32_t closed;
	bool formal;
};

/* A stage below the last: answered unsatisfactorily in time, or (a third
 * of the time) late or not at all. The day it goes up. */
static int32_t escalate(const struct svc *s, struct rng *r,
			struct stage_made *m)
{
	bool late = rng_chance(r, P_LATE_ESCALATION);
	if (late && rng_chance(r, 0.5))
		return wd_after(s, m->due, rng_between(r, 0, 3));
	m->responded = late ? wd_after(s, m->due, rng_between(r, 1, 5))
			    : wd_after(s, m->entered, rng_between(r, 1, 3));
	m->response = ONE_OF(UNSATISFIED, rng_next(r));
	return wd_after(s, m->responded, rng_between(r, 0, 1));
}

/* The last stage: how the dispute ends there. */
static void settle(const struct svc *s, struct rng *r, struct stage_made *m,
		   struct dispute *d)
{
	if (strcmp(d->status, "withdrawn") == 0) {
		d->closed = wd_after(s, m->entered, rng_between(r, 0, 5));
		d->outcome = ONE_OF(WITHDRAWN, rng_next(r));
		return;
	}
	if (strcmp(d->status, "cafcass") == 0) {
		m->responded = wd_after(s, m->entered, rng_between(r, 2, 5));
		m->response = ONE_OF(UNSATISFIED, rng_next(r));
		d->closed = wd_after(s, m->due, rng_between(r, 1, 10));
		d->outcome = CAFCASS;
		return;
	}
	m->responded = wd_after(s, m->entered, DRAW(r, REPLY_WD));
	m->response = ONE_OF(SATISFIED, rng_next(r));
	d->closed = wd_after(s, m->responded, DRAW(r, SETTLE_WD));
	d->outcome = ONE_OF(RESOLVED, rng_next(r));
}

/* What is known on the year's end: later stages not yet entered, a
 * response not yet come, the alert still open. */
static void as_of_year_end(const struct svc *s, const struct ladder *l,
			   struct dispute *d)
{
	int32_t ye = s->year_end;
	while (d->n > 1 && d->st[d->n - 1].entered > ye)
		d->n--;
	struct stage_made *m = &d->st[d->n - 1];
	if (m->responded != DATE_NONE && m->responded > ye) {
		m->responded = DATE_NONE;
		m->response = NULL;
	}
	if (d->closed > ye) {
		d->status = "open";
		d->closed = DATE_NONE;
		d->outcome = NULL;
	}
	d->formal = m->stage >= (int)ladder_first_formal(l);
}

static void climb(const struct svc *s, struct rng *r, const struct ladder *l,
		  int32_t raised, struct dispute *d)
{
	size_t nw = l->nstages < ARRAY_LEN(TOP_W) ? l->nstages
						   : ARRAY_LEN(TOP_W);
	int top = (int)rng_weighted(r, TOP_W, nw);
	double u = rng_unit(r);
	d->status = u < P_CAFCASS		  ? "cafcass"
		    : u < P_CAFCASS + P_WITHDRAWN ? "withdrawn"
						  : "resolved";
	if (strcmp(d->status, "cafcass") == 0 && top < CAFCASS_FROM &&
	    (int)l->nstages > CAFCASS_FROM)
		top = CAFCASS_FROM;
	int formal = (int)ladder_first_formal(l);
	int first = top >= formal && !rng_chance(r, P_INFORMAL_FIRST) ? formal
								       : 0;
	int32_t day = raised;
	d->n = 0;
	d->closed = DATE_NONE;
	d->outcome = NULL;
	for (int i = first; i <= top; i++) {
		struct stage_made *m = &d->st[d->n++];
		m->stage = i;
		m->entered = day;
		m->due = dispute_stage_due(s->cal, day,
					   l->stages[i].response_wd);
		m->responded = DATE_NONE;
		m->response = NULL;
		if (i < top)
			day = escalate(s, r, m);
		else
			settle(s, r, m, d);
	}
	as_of_year_end(s, l, d);
}

/* ---- Writing ------------------------------------------------------------ */

struct aw {
	struct svc *s;
	const struct synth_child *c;
	struct rng *r;
	const struct ladder *l;
};

/* An alert planned for a child: raised on `day`, after review `review` of
 * c->held (or -1). */
struct planned {
	int32_t day;
	int review;
	bool good;
};

/* The fields every alert has, up to its team. */
static void alert_head(struct aw *w, const struct planned *p, int iro,
		       const char *kind)
{
	struct svc *s = w->s;
	struct jline *j = &s->j;
	jl_start(j, "alert");
	jl_int(j, "id", svc_take_id(s, OUT_ALERT));
	jl_text(j, "child", w->c->id);
	jl_text(j, "iro", s->iro[iro].name);
	jl_date(j, "raised", p->day);
	jl_text(j, "kind", kind);
	if (p->review >= 0)
		jl_int(j, "review", svc_review_id(s, (size_t)p->review));
	jl_text(j, "team", svc_sw_team(s->kid[w->c->index].team));
}

static int write_good_practice(struct aw *w, const struct planned *p, int iro)
{
	struct jline *j = &w->s->j;
	alert_head(w, p, iro, "good_practice");
	jl_text(j, "description", ONE_OF(GOOD_PRACTICE, rng_next(w->r)));
	jl_text(j, "status", "resolved");
	jl_date(j, "closed", p->day);
	jl_text(j, "outcome", GOOD_PRACTICE_OUTCOME);
	return svc_emit(w->s, OUT_ALERT);
}

static void write_stages(struct aw *w, const struct dispute *d)
{
	struct jline *j = &w->s->j;
	jl_list(j, "stages");
	for (int i = 0; i < d->n; i++) {
		const struct stage_made *m = &d->st[i];
		const struct ladder_stage *ls = &w->l->stages[m->stage];
		jl_item(j);
		jl_int(j, "stage", m->stage + 1);
		jl_text(j, "name", ls->name);
		jl_text(j, "addressee", ls->addressee);
		jl_date(j, "entered", m->entered);
		jl_date(j, "due", m->due);
		jl_date(j, "responded", m->responded);
		jl_text(j, "response", m->response);
		jl_close(j);
	}
	jl_close(j);
}

/* When an action due on `due` was done, or DATE_NONE: not (yet). */
static int32_t done_day(const struct svc *s, struct rng *r, int32_t raised,
			int32_t due)
{
	double undone = due > s->year_end - RECENT_ACTION ? P_UNDONE_RECENT
							  : P_UNDONE;
	if (rng_chance(r, undone))
		return DATE_NONE;
	int32_t d = rng_chance(r, P_DONE_LATE) ? due + rng_between(r, 1, 20)
					       : due - rng_between(r, 0, 10);
	d = workday_from(s, max32(d, raised));
	return d > s->year_end ? DATE_NONE : d;
}

static void write_action(struct aw *w, const char *action, const char *owner,
			 int32_t raised)
{
	struct jline *j = &w->s->j;
	int32_t due = wd_after(w->s, raised, rng_between(w->r, 3, 20));
	jl_item(j);
	jl_text(j, "action", action);
	jl_text(j, "owner", owner);
	jl_date(j, "due", due);
	jl_date(j, "done", done_day(w->s, w->r, raised, due));
	jl_close(j);
}

/* 1-3 actions: the first theme's, the second's, then one of the rest. */
static void write_actions(struct aw *w, const size_t *th, size_t nth,
			  int32_t raised)
{
	int n = rng_between(w->r, 1, 3);
	jl_list(&w->s->j, "actions");
	for (int i = 0; i < n; i++) {
		if ((size_t)i < nth) {
			const struct theme *t = &THEMES[th[i]];
			write_action(w, t->action, t->owner, raised);
		} else {
			uint64_t k = rng_next(w->r);
			write_action(w, ONE_OF(MORE_ACTIONS, k).action,
				     ONE_OF(MORE_ACTIONS, k).owner, raised);
		}
	}
	jl_close(&w->s->j);
}

/* The dispute's themes into th (the first says what it is about, even
 * when none is recorded); how many are recorded. */
static size_t pick_themes(struct rng *r, size_t th[2])
{
	unsigned wt[ARRAY_LEN(THEMES)];
	for (size_t i = 0; i < ARRAY_LEN(THEMES); i++)
		wt[i] = THEMES[i].w;
	th[0] = rng_weighted(r, wt, ARRAY_LEN(wt));
	if (rng_chance(r, P_NO_THEME))
		return 0;
	if (!rng_chance(r, P_TWO_THEMES))
		return 1;
	wt[th[0]] = 0;
	th[1] = rng_weighted(r, wt, ARRAY_LEN(wt));
	return 2;
}

static int write_dispute(struct aw *w, const struct planned *p, int iro)
{
	struct jline *j = &w->s->j;
	struct dispute d;
	size_t th[2];
	size_t nth = pick_themes(w->r, th);
	const struct theme *t = &THEMES[th[0]];
	climb(w->s, w->r, w->l, p->day, &d);
	alert_head(w, p, iro, d.formal ? "formal" : "informal");
	jl_text(j, "description", t->description);
	if (d.formal)
		jl_text(j, "impact", t->impact);
	jl_text(j, "ladder", w->l->key);
	jl_text(j, "status", d.status);
	jl_date(j, "closed", d.closed);
	jl_text(j, "outcome", d.outcome);
	write_stages(w, &d);
	if (rng_chance(w->r, P_ACTIONS))
		write_actions(w, th, nth, p->day);
	if (nth) {
		jl_list(j, "themes");
		for (size_t i = 0; i < nth; i++) {
			jl_item(j);
			jl_text(j, "theme", THEMES[th[i]].name);
			jl_close(j);
		}
		jl_close(j);
	}
	return svc_emit(w->s, OUT_ALERT);
}

/* ---- A child's alerts --------------------------------------------------- */

/* How many events of a Poisson process with this mean (Knuth's). */
static int poisson(struct rng *r, double mean)
{
	double limit = exp(-mean), p = rng_unit(r);
	int k = 0;
	while (p > limit && k < MAX_ALERTS) {
		p *= rng_unit(r);
		k++;
	}
	return k;
}

/* The day an alert is raised: after one of the reviews linked[0 .. nl)
 * half the time, else on any of the n days of care in the window;
 * DATE_NONE when that day is not one of care. */
static int32_t raise_day(const struct aw *w, int32_t n, const int *linked,
			 size_t nl, int *review)
{
	const struct svc *s = w->s;
	*review = -1;
	if (nl && rng_chance(w->r, P_AFTER_REVIEW)) {
		int i = linked[rng_below(w->r, (uint32_t)nl)];
		int32_t d = wd_after(s, workday_from(s, w->c->held[i]),
				     rng_between(w->r, 0, AFTER_REVIEW_WD));
		if (in_care(s, w->c, d)) {
			*review = i;
			return d;
		}
	}
	int32_t d = DATE_NONE;
	svc_days_in_care(w->c, s->recent3, s->year_end,
			 (int32_t)rng_below(w->r, (uint32_t)n), &d);
	d = workday_from(s, d);
	return in_care(s, w->c, d) ? d : DATE_NONE;
}

static int by_day(const void *a, const void *b)
{
	const struct planned *x = a, *y = b;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	if (x->good != y->good)
		return x->good ? 1 : -1;
	return (x->review > y->review) - (x->review < y->review);
}

/* The child's alerts, by the day raised, into p; how many. */
static size_t plan(const struct aw *w, struct planned *p)
{
	const struct svc *s = w->s;
	const struct synth_child *c = w->c;
	int32_t unused;
	int32_t n = svc_days_in_care(c, s->recent3, s->year_end, -1, &unused);
	if (n <= 0)
		return 0;
	int linked[MAX_LINKED];
	size_t nl = 0;
	for (size_t i = 0; i < c->nheld && nl < MAX_LINKED; i++)
		if (c->held[i] >= s->recent3 && in_care(s, c, c->held[i]))
			linked[nl++] = (int)i;
	double years = n / 365.25;
	int nd = poisson(w->r, DISPUTES_PER_YEAR * years);
	int ng = poisson(w->r, GOOD_PRACTICE_PER_YEAR * years);
	size_t np = 0;
	for (int i = 0; i < nd + ng && np < MAX_ALERTS; i++) {
		struct planned *x = &p[np];
		x->good = i >= nd;
		x->day = raise_day(w, n, linked, nl, &x->review);
		if (x->day != DATE_NONE)
			np++;
	}
	qsort(p, np, sizeof *p, by_day);
	return np;
}

int svc_write_alerts(struct svc *s, const struct synth_child *c)
{
	struct rng r;
	rng_seed(&r, s->o->seed, STREAM_KID_ALERTS + (uint64_t)c->index);
	struct aw w = { s, c, &r, ladder_preset(LADDER_KEY) };
	if (!w.l)
		return -1;
	struct planned p[MAX_ALERTS];
	size_t np = plan(&w, p);
	int rc = 0;
	for (size_t i = 0; i < np && !rc; i++) {
		int iro = svc_iro_on(s, (uint32_t)c->index, p[i].day);
		if (iro < 0 || svc_absent(s, &s->iro[iro], p[i].day, p[i].day))
			continue; /* no IRO on the case that day to raise it */
		rc = p[i].good ? write_good_practice(&w, &p[i], iro)
			       : write_dispute(&w, &p[i], iro);
	}
	return rc;
}
