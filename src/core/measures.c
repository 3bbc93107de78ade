/*
 * measures.c - the report's measures, counted child by child over every
 * window at once (measures.h gives each definition).
 */
#include "lib/common.h"
#include <math.h>
#include "lib/xalloc.h"
#include "core/codes.h"
#include "core/date.h"
#include "core/measures.h"

const char *const MSR_KIND_CODES[RK_COUNT] = { "looked_after", "pathway_plan",
					       "short_break", "adoption" };
const char *const MSR_STATUS_CODES[RS_COUNT] = { "scheduled", "rearranged",
						 "held", "stood_down",
						 "cancelled", "adjourned" };
const char *const MSR_VENUE_CODES[VEN_COUNT] = { "", "placement", "school",
						 "office", "other" };
const char *const MSR_MODE_CODES[MODE_COUNT] = { "", "in_person", "virtual",
					       "hybrid", "series" };
const char *const MSR_GRADE_CODES[GRADE_COUNT] = { "", "outstanding", "good",
						 "requires_improvement",
						 "poor" };
const char *const MSR_RAG_CODES[RAG_COUNT] = { "", "red", "amber", "green" };
const char *const MSR_PERMANENCE_CODES[PERM_COUNT] = {
	"not_recorded", "return_to_family", "adoption", "sgo_cao",
	"long_term_fostering", "long_term_residential", "supported_living",
	"other"
};
const char *const MSR_SW_ROLE_CODES[SWR_COUNT] = { "", "social_worker",
						   "team_manager", "other" };
const char *const MSR_REQUESTER_CODES[REQ_COUNT] = {
	"", "child", "carer", "parent", "social_worker", "iro", "court", "other"
};
const char *const MSR_GROUP_CODES[GRP_COUNT] = { "child", "parent", "carer",
						 "health", "education",
						 "social_worker", "other" };
const char *const MSR_CONTACT_CODES[CON_COUNT] = { "visit", "virtual", "phone",
						   "declined" };
const char *const MSR_REC_STATUS_CODES[REC_COUNT] = { "open", "achieved",
						      "not_achieved",
						      "no_longer_relevant" };
const char *const MSR_OVERSIGHT_CODES[OV_COUNT] = { "midpoint", "case_check",
						   "footprint" };
const char *const MSR_QA_CODES[QA_COUNT] = { "audit", "case_file_audit",
					     "observation", "supervision" };
const char *const MSR_AGE_BAND_KEYS[AGE_COUNT] = { "under_1", "1_4",  "5_9",
						   "10_15",   "16_17", "18_plus" };

int msr_code(const char *const *codes, size_t n, const char *word)
{
	if (!word || !*word)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (strcmp(codes[i], word) == 0)
			return (int)i;
	return -1;
}

enum msr_age_band msr_age_band(int32_t dob, int32_t day)
{
	int age = date_age_years(dob, day);
	if (age < 1)
		return AGE_UNDER_1;
	if (age < 5)
		return AGE_1_4;
	if (age < 10)
		return AGE_5_9;
	if (age < 16)
		return AGE_10_15;
	if (age < 18)
		return AGE_16_17;
	return AGE_18_PLUS;
}

/* ---- Set-up ------------------------------------------------------------ */

/* The FTE of an IRO on a day: the latest dated entry on or before it,
 * 1.0 with none; 0 when not in post. */
static double fte_on(const struct msr_iro *iro, int32_t day)
{
	if (day < iro->start || (iro->end != DATE_NONE && day > iro->end))
		return 0;
	double f = 1.0;
	for (size_t i = 0; i < iro->nfte && iro->fte_from[i] <= day; i++)
		f = iro->fte[i];
	return f;
}

bool msr_iro_available(const struct msr_iro *iro, int32_t from, int32_t to)
{
	int32_t a = from > iro->start ? from : iro->start;
	int32_t z = iro->end != DATE_NONE && iro->end < to ? iro->end : to;
	for (int32_t day = a; day <= z; day++) {
		bool away = false;
		for (size_t i = 0; i < iro->nabsences && !away; i++)
			away = iro->absences[i][0] <= day &&
			       (iro->absences[i][1] == DATE_NONE ||
				iro->absences[i][1] >= day);
		if (!away)
			return true;
	}
	return false;
}

long msr_distance_tenths(int32_t e1, int32_t n1, int32_t e2, int32_t n2)
{
	double de = (double)e1 - e2, dn = (double)n1 - n2;
	return lround(sqrt(de * de + dn * dn) / 1000.0 / 1.6093 * 10.0);
}

int msr_init(struct measures *m, const struct calendar *cal,
	     const struct msr_settings *s, const int32_t (*windows)[2],
	     size_t nw, const struct msr_iro *iros, size_t niros)
{
	memset(m, 0, sizeof *m);
	m->cal = cal;
	m->s = *s;
	m->iros = iros;
	m->niros = niros;
	m->nw = nw;
	if (!(m->w = calloc(nw ? nw : 1, sizeof *m->w)))
		return -1;
	for (size_t i = 0; i < nw; i++) {
		struct msr_period *w = &m->w[i];
		w->from = windows[i][0];
		w->to = windows[i][1];
		tml_init(&w->tml, w->from, w->to);
		size_t k = niros ? niros : 1;
		if (!(w->caseload = calloc(k, sizeof *w->caseload)) ||
		    !(w->cover = calloc(k, sizeof *w->cover)) ||
		    !(w->fte = calloc(k, sizeof *w->fte)) ||
		    !(w->qa_iro = calloc(k * QA_COUNT, sizeof *w->qa_iro))) {
			msr_free(m);
			return -1;
		}
		for (size_t j = 0; j < niros; j++)
			w->fte[j] = fte_on(&iros[j], w->to);
	}
	return 0;
}

void msr_free(struct measures *m)
{
	for (size_t i = 0; m->w && i < m->nw; i++) {
		free(m->w[i].caseload);
		free(m->w[i].cover);
		free(m->w[i].fte);
		free(m->w[i].qa_iro);
		free(m->w[i].pop.by_team);
	}
	free(m->w);
	for (size_t i = 0; i < m->nteams; i++)
		free(m->teams[i]);
	free(m->teams);
	sched_child_free(&m->cc);
	free(m->held);
	free(m->held_rev);
	free(m->ep_codes);
	free(m->ep_flags);
	memset(m, 0, sizeof *m);
}

int msr_team_index(struct measures *m, const char *name)
{
	if (!name || !*name)
		return -1;
	for (size_t i = 0; i < m->nteams; i++)
		if (strcmp(m->teams[i], name) == 0)
			return (int)i;
	size_t n = strlen(name) + 1;
	char *t = malloc(n);
	if (!t || GROW(m->teams, m->tcap, m->nteams + 1)) {
		free(t);
		m->failed = true;
		return -1;
	}
	memcpy(t, name, n);
	m->teams[m->nteams] = t;
	return (int)m->nteams++;
}

int msr_teams_done(struct measures *m)
{
	for (size_t i = 0; i < m->nw; i++) {
		free(m->w[i].pop.by_team);
		m->w[i].pop.by_team = calloc(m->nteams + 1, sizeof(long));
		if (!m->w[i].pop.by_team) {
			m->failed = true;
			return -1;
		}
	}
	return 0;
}

/* ---- Population (M01-M12, M14, M18) ------------------------------------ */

/* Index of `code` in a code list, or the list's count (not known). */
static size_t code_index(const struct code_list *l, const char *code)
{
	/* Once per episode and list, for every child: the first letter
	 * rules out most codes without a call. */
	for (size_t i = 0; i < l->count && i < MSR_MAX_CODES; i++)
		if (l->codes[i].code[0] == code[0] &&
		    strcmp(l->codes[i].code, code) == 0)
			return i;
	return l->count < MSR_MAX_CODES ? l->count : MSR_MAX_CODES;
}

/* The episode of period p open on day: the last to start on or before it
 * (an X1 episode ending that day has handed on to the next). */
static const struct episode *open_episode(const struct msr_child *c,
					  const struct period *p, int32_t day)
{
	const struct episode *e = NULL;
	for (size_t i = p->first; i < p->first + p->count; i++)
		if (c->episodes[i].decom <= day)
			e = &c->episodes[i];
	return e;
}

static bool allocation_on(const struct msr_allocation *a, int32_t day)
{
	return a->start <= day && (a->end == DATE_NONE || a->end >= day);
}

static enum msr_sex sex_of(char s)
{
	return s == 'M' ? SEX_M : s == 'F' ? SEX_F : SEX_U;
}

/* The permanence plan of the latest review held on or before day in the
 * period, or none. */
static int permanence_at(const struct measures *m, const struct period *p,
			 int32_t day, size_t nheld)
{
	int plan = PERM_NONE;
	for (size_t k = 0; k < nheld && m->held[k] <= day; k++)
		if (m->held[k] >= p->start)
			plan = m->held_rev[k]->permanence;
	return plan;
}

static bool place_is(const struct episode *e, char kind, char lo, char hi)
{
	return e->place[0] == kind && e->place[1] >= lo && e->place[1] <= hi &&
	       !e->place[2];
}

/* Whether episode i of period p begins a placement (M13). When temporary
 * placements are not counted, neither is the return from one to the
 * placement type the child had before it. */
static bool starts_placement(const struct msr_settings *s,
			     const struct episode *eps, const struct period *p,
			     size_t i)
{
	const struct episode *e = &eps[i];
	if (!s->placements_temporary) {
		if (place_is(e, 'T', '0', '4'))
			return false;
		/* Back from a spell of temporary placements to the placement
		 * type before it. */
		size_t k = i;
		while (k > p->first && place_is(&eps[k - 1], 'T', '0', '4'))
			k--;
		if (k < i && k > p->first &&
		    strcmp(eps[k - 1].place, e->place) == 0)
			return false;
	}
	switch (e->rne) {
	case 'S':
	case 'P':
	case 'B':
	case 'U':
		return true;
	case 'T':
		return s->placements_same_carer;
	default:
		return false;
	}
}

static bool long_term_foster(const struct episode *e)
{
	return strcmp(e->place, "U1") == 0 || strcmp(e->place, "U4") == 0;
}

/* Each episode's placement facts, worked out once per child (not once
 * per window): EPF_* bits in m->ep_flags. */
enum { EPF_STARTS = 1, EPF_LTF = 2, EPF_ADOPTION = 4 };

static void placement_flags(struct measures *m, const struct msr_child *c)
{
	for (size_t i = 0; i < c->nepisodes; i++) {
		const struct episode *e = &c->episodes[i];
		m->ep_flags[i] = (uint8_t)((long_term_foster(e) ? EPF_LTF : 0) |
					   (place_is(e, 'A', '3', '6')
						    ? EPF_ADOPTION
						    : 0));
	}
	for (size_t k = 0; k < m->cc.nperiods; k++) {
		const struct period *p = &m->cc.periods[k];
		for (size_t i = p->first; i < p->first + p->count; i++)
			if (starts_placement(&m->s, c->episodes, p, i))
				m->ep_flags[i] |= EPF_STARTS;
	}
}

/* Placements started in the window (M13); returns those started after its
 * first day, for M17. */
static long count_placements(const struct measures *m,
			     const struct msr_child *c, const struct period *p,
			     struct msr_population *pop, int32_t from,
			     int32_t to)
{
	long after_first = 0;
	for (size_t i = p->first; i < p->first + p->count; i++) {
		const struct episode *e = &c->episodes[i];
		uint8_t f = m->ep_flags[i];
		if (e->decom < from || e->decom > to || !(f & EPF_STARTS))
			continue;
		pop->placements_started++;
		pop->placements_ltf += (f & EPF_LTF) != 0;
		pop->placements_adoption += (f & EPF_ADOPTION) != 0;
		after_first += e->decom > from;
	}
	return after_first;
}

/* Whole months from `from` to `to`, as the clocks add months: the most n
 * with from + n months on or before to. */
static int whole_months(int32_t from, int32_t to)
{
	int y1, m1, d1, y2, m2, d2;
	date_to_ymd(from, &y1, &m1, &d1);
	date_to_ymd(to, &y2, &m2, &d2);
	int n = (y2 - y1) * 12 + (m2 - m1);
	while (n > 0 && date_add_months(from, n) > to)
		n--;
	return n;
}

static enum msr_ltf_band ltf_band(int months)
{
	static const int edges[] = { 6, 12, 36, 60, 84, 120 };
	int b = 0;
	while (b < (int)ARRAY_LEN(edges) && months >= edges[b])
		b++;
	return (enum msr_ltf_band)b;
}

/* Where the open episode's placement is (M08). */
static enum msr_loc_row location_row(const struct msr_location *l)
{
	if (!l || l->where == WHERE_NOT_KNOWN)
		return LOC_NOT_KNOWN;
	bool in = l->where == WHERE_INSIDE;
	if (!l->pl_grid || !l->home_grid)
		return in ? LOC_NODIST_IN : LOC_NODIST_OUT;
	bool near = msr_distance_tenths(l->pl_e, l->pl_n, l->home_e,
					l->home_n) <= 200;
	return near ? (in ? LOC_NEAR_IN : LOC_NEAR_OUT)
		    : (in ? LOC_FAR_IN : LOC_FAR_OUT);
}

static void count_population(struct measures *m, const struct msr_child *c,
			     struct msr_period *w, size_t nheld)
{
	const struct period *ps = m->cc.periods;
	size_t np = m->cc.nperiods;
	struct msr_population *pop = &w->pop;
	int32_t day = w->to;
	long placements = 0; /* in the window, for M17 */

	for (size_t i = 0; i < np; i++) {
		const struct period *p = &ps[i];
		bool starts = p->start >= w->from && p->start <= w->to;
		bool ends = p->end != DATE_NONE && p->end >= w->from &&
			    p->end <= w->to;
		if (p->short_break) {
			pop->short_break_started += starts;
			continue;
		}
		pop->started += starts;
		if (starts)
			pop->started_by_age[msr_age_band(c->dob, p->start)]++;
		if (ends) {
			pop->ceased++;
			pop->ceased_by_rec[m->ep_codes[p->first + p->count - 1][2]]++;
		}
		if (p->start <= w->from &&
		    (p->end == DATE_NONE || p->end > w->from))
			placements++; /* the placement open on the first day */
		placements += count_placements(m, c, p, pop, w->from, w->to);
	}

	int open = period_open_index(ps, np, day);
	if (open < 0)
		return;
	/* The current allocation, as the worklist and `iro caseload` take it
	 * (worklist.h): one made in this period of care, the latest to start
	 * on a handover day; cover is counted apart. */
	const struct msr_allocation *cur = NULL;
	for (size_t i = 0; i < c->nallocations; i++) {
		const struct msr_allocation *a = &c->allocations[i];
		if (!allocation_on(a, day) || a->iro < 0 ||
		    a->start < ps[open].start)
			continue;
		if (a->reason == AL_COVER)
			w->cover[a->iro]++;
		else if (!cur || a->start >= cur->start)
			cur = a;
	}
	bool allocated = cur != NULL;
	if (cur)
		w->caseload[cur->iro]++;
	else
		w->unallocated++;

	const struct period *p = &ps[open];
	if (p->short_break) {
		pop->short_breaks_at_end++;
		return;
	}
	const struct episode *e = open_episode(c, p, day);
	enum msr_age_band band = msr_age_band(c->dob, day);
	enum msr_sex sex = sex_of(c->sex);
	pop->at_end++;
	pop->by_age[band]++;
	pop->by_age_sex[band][sex]++;
	pop->by_sex[sex]++;
	size_t ei = e ? (size_t)(e - c->episodes) : 0;
	pop->by_ls[e ? m->ep_codes[ei][0] : code_index(&CODES_LS, "")]++;
	pop->by_place[e ? m->ep_codes[ei][1] : code_index(&CODES_PLACE, "")]++;
	pop->by_ethnic[m->ethnic]++;
	if (c->uasc &&
	    (c->uasc_ceased == DATE_NONE || c->uasc_ceased >= w->from))
		pop->uasc++;
	if (pop->by_team)
		pop->by_team[c->team >= 0 ? (size_t)c->team : m->nteams]++;
	pop->allocated += allocated;
	int plan = permanence_at(m, p, day, nheld);
	w->conduct.permanence[plan]++;
	pop->placements_3plus += placements >= 3;
	if (plan == PERM_LTF && !(e && (m->ep_flags[ei] & EPF_LTF)))
		pop->ltf_unmatched[ltf_band(whole_months(p->start, day))]++;
	pop->location[location_row(e && c->locations ? &c->locations[ei]
						      : NULL)]++;
	pop->outside_in_group += e && c->locations &&
				 c->locations[ei].where == WHERE_OUTSIDE &&
				 c->locations[ei].in_group;
}

/* ---- Reviews held (M20-M41) -------------------------------------------- */

static bool in_window(const struct msr_period *w, int32_t day)
{
	return day != DATE_NONE && day >= w->from && day <= w->to;
}

/* Seen (visit or virtual), declined, or neither, in the visit_days before
 * the review day, up to the day itself (spec §3). */
static void count_visit(const struct measures *m, const struct msr_child *c,
			int32_t held, struct msr_conduct *k)
{
	bool seen = false, declined = false;
	for (size_t i = 0; i < c->ncontacts; i++) {
		const struct msr_contact_rec *x = &c->contacts[i];
		if (x->date < held - m->s.visit_days || x->date > held)
			continue;
		if (x->kind == CON_VISIT || x->kind == CON_VIRTUAL)
			seen = true;
		else if (x->kind == CON_DECLINED)
			declined = true;
	}
	if (seen)
		k->visit_seen++;
	else if (declined)
		k->visit_declined++;
	else
		k->visit_neither++;
}

/* The conduct of one standard review held in the window (M28-M40). */
static void count_conduct(const struct measures *m, const struct msr_child *c,
			  const struct msr_review *r,
			  const struct review_timing *t, struct msr_conduct *k)
{
	k->held++;
	k->venue[r->venue]++;
	k->mode[r->mode]++;
	k->co_chaired[r->co_chaired]++;
	if (r->pn >= 1) {
		k->co_chair_den++;
		k->co_chaired_coded += r->co_chaired == YN_YES;
	}
	k->parents[r->parents]++;
	k->sw_attended[r->sw_attended]++;
	if (r->sw_attended == YN_YES)
		k->sw_role[r->sw_role]++;
	if (r->sw_report == DATE_NONE)
		k->report_none++;
	else if (r->sw_report < r->held)
		k->report_before++;
	int32_t deadline = cal_add_workdays(m->cal, r->held, m->s.minutes_wd);
	if (deadline != DATE_NONE && deadline <= m->s.as_of) {
		k->minutes_due++;
		k->minutes_in_time += r->minutes_sent != DATE_NONE &&
				      r->minutes_sent <= deadline;
	}
	count_visit(m, c, r->held, k);
	k->plan_updated[r->plan_updated]++;
	k->plan_copy[r->plan_copy]++;
	k->plan_satisfied[r->plan_satisfied]++;
	k->grade[r->grade]++;
	k->rag[r->rag]++;
	k->advocate += r->advocate == YN_YES;
	k->escalated_informal += (r->escalated & ESC_INFORMAL) != 0;
	k->escalated_formal += (r->escalated & ESC_FORMAL) != 0;
	k->escalated_any += r->escalated != 0;
	if (t->sequence == 2) {
		k->second_held++;
		k->second_with_plan += r->permanence != PERM_NONE;
		k->second_confirmed += r->permanence_confirmed == YN_YES;
	}
}

/* A review's final status and the day it took it, or false while it is
 * still to happen. */
static bool final_day(const struct msr_review *r, int32_t *day)
{
	switch (r->status) {
	case RS_HELD:
		*day = r->held;
		return true;
	case RS_STOOD_DOWN:
	case RS_CANCELLED:
		*day = r->decided != DATE_NONE ? r->decided : r->scheduled;
		return *day != DATE_NONE;
	default:
		return false;
	}
}

static void count_outcome(const struct msr_review *r, struct msr_outcomes *o)
{
	int k = r->kind == RK_PATHWAY;
	long times = 0;
	for (int q = 0; q < REQ_COUNT; q++) {
		times += r->rearranged[q];
		o->rearrangements_by[q] += r->rearranged[q];
	}
	o->planned[k]++;
	o->held[k] += r->status == RS_HELD;
	o->rearranged[k] += times > 0;
	o->stood_down[k] += r->status == RS_STOOD_DOWN;
	o->cancelled[k] += r->status == RS_CANCELLED;
}

static bool rec_achieved_by(const struct msr_recommendation *x, int32_t day)
{
	return x->achieved != DATE_NONE && x->achieved <= day;
}

/* Recommendations made at a review held in the window (M41); `next` is
 * the day the child's next review was held (DATE_NONE: none yet). */
static void count_recs(const struct measures *m, const struct msr_review *r,
		       int32_t next, struct msr_recs *s)
{
	int32_t by = next != DATE_NONE ? next : m->s.as_of;
	for (size_t i = 0; i < r->nrecs; i++) {
		const struct msr_recommendation *x = &r->recs[i];
		s->made++;
		s->childs_own += x->childs_own;
		s->achieved += x->status == REC_ACHIEVED;
		s->not_achieved += x->status == REC_NOT_ACHIEVED;
		s->no_longer += x->status == REC_NO_LONGER;
		s->achieved_by_next += x->status == REC_ACHIEVED &&
				       rec_achieved_by(x, by);
	}
}

/* Recommendations of a review held on or before the window's end that
 * were due before it and not achieved by it (nor closed another way). */
static void count_overdue_recs(const struct msr_review *r, int32_t end,
			       struct msr_recs *s)
{
	for (size_t i = 0; i < r->nrecs; i++) {
		const struct msr_recommendation *x = &r->recs[i];
		if (x->due == DATE_NONE || x->due >= end ||
		    x->status == REC_NOT_ACHIEVED ||
		    x->status == REC_NO_LONGER || rec_achieved_by(x, end))
			continue;
		s->overdue_at_end++;
	}
}

static void count_consultations(const struct msr_review *r,
				struct msr_period *w)
{
	for (size_t i = 0; i < r->nconsults; i++) {
		const struct msr_consultation *x = &r->consults[i];
		if (!in_window(w, x->sent))
			continue;
		w->consult_sent[x->group]++;
		w->consult_received[x->group] += x->received != DATE_NONE;
	}
}

/* The day the pathway plan review after reviews[i] was held, or
 * DATE_NONE: a pathway plan's recommendations are judged by the next
 * pathway plan review. */
static int32_t next_pathway(const struct msr_child *c, size_t i)
{
	for (size_t k = i + 1; k < c->nreviews; k++)
		if (c->reviews[k].kind == RK_PATHWAY &&
		    c->reviews[k].status == RS_HELD &&
		    c->reviews[k].held > c->reviews[i].held)
			return c->reviews[k].held;
	return DATE_NONE;
}

/* The gap before the k-th review on the schedule, when it is on the
 * six-month cycle, and whether a midpoint review falls inside it (M42). */
static void count_midpoint(const struct measures *m, const struct msr_child *c,
			   size_t k, struct msr_conduct *s)
{
	const struct review_timing *t = m->cc.timing;
	if (k == 0 || t[k].sequence < 3 || t[k - 1].period != t[k].period ||
	    t[k - 1].regime != REGIME_STANDARD)
		return;
	s->midpoint_gaps++;
	for (size_t i = 0; i < c->noversights; i++) {
		const struct msr_oversight_rec *o = &c->oversights[i];
		if (o->kind == OV_MIDPOINT && o->date > m->held[k - 1] &&
		    o->date < m->held[k]) {
			s->midpoint_covered++;
			return;
		}
	}
}

/* Every review of the child, in every window. held_rev[k] and timing[k]
 * are the k-th review on the schedule (all held but pathway plans). */
static void count_reviews(struct measures *m, const struct msr_child *c,
			  struct msr_period *w, size_t nheld)
{
	const struct review_timing *timing = m->cc.timing;
	bool reviewed = false;
	size_t k = 0; /* index of the next scheduled review held */
	for (size_t i = 0; i < c->nreviews; i++) {
		const struct msr_review *r = &c->reviews[i];
		int32_t fin;
		if (final_day(r, &fin) && in_window(w, fin))
			count_outcome(r, &w->outcomes);
		count_consultations(r, w);
		if (r->status != RS_HELD)
			continue;
		if (r->held <= w->to)
			count_overdue_recs(r, w->to, &w->recs);
		if (r->kind == RK_PATHWAY) {
			if (in_window(w, r->held)) {
				w->held_by_kind[RK_PATHWAY]++;
				w->pathway_held_18plus +=
					date_age_years(c->dob, r->held) >= 18;
				count_recs(m, r, next_pathway(c, i), &w->recs);
			}
			continue;
		}
		/* Reviews on the schedule come in held order: this is
		 * held_rev[k]. */
		const struct review_timing *t = &timing[k];
		int32_t next = k + 1 < nheld ? m->held[k + 1] : DATE_NONE;
		k++;
		if (!in_window(w, r->held))
			continue;
		reviewed = true;
		w->held_by_kind[t->regime == REGIME_SHORT_BREAK ? RK_SHORT_BREAK
				: t->regime == REGIME_STANDARD ? RK_LOOKED_AFTER
							       : RK_ADOPTION]++;
		if (r->pn >= 0)
			w->pn[r->pn]++;
		else
			w->pn_blank++;
		count_recs(m, r, next, &w->recs);
		if (t->regime == REGIME_STANDARD && t->period >= 0) {
			count_conduct(m, c, r, t, &w->conduct);
			count_midpoint(m, c, k - 1, &w->conduct);
		}
	}
	w->children_reviewed += reviewed;
}

int msr_add_child(struct measures *m, const struct msr_child *c)
{
	/* The schedule's reviews: every review held but pathway plans, which
	 * are on no looked-after clock (store order: by held date). */
	size_t nheld = 0;
	for (size_t i = 0; i < c->nreviews; i++) {
		const struct msr_review *r = &c->reviews[i];
		if (r->status != RS_HELD || r->kind == RK_PATHWAY)
			continue;
		if (GROW(m->held, m->hcap, nheld + 1) ||
		    GROW(m->held_rev, m->hrcap, nheld + 1)) {
			m->failed = true;
			return -1;
		}
		m->held[nheld] = r->held;
		m->held_rev[nheld++] = r;
	}
	if (GROW(m->ep_codes, m->epcap, c->nepisodes + 1)) {
		m->failed = true;
		return -1;
	}
	for (size_t i = 0; i < c->nepisodes; i++) {
		const struct episode *e = &c->episodes[i];
		m->ep_codes[i][0] = (uint8_t)code_index(&CODES_LS, e->ls);
		m->ep_codes[i][1] = (uint8_t)code_index(&CODES_PLACE, e->place);
		m->ep_codes[i][2] = (uint8_t)code_index(&CODES_REC, e->rec);
	}
	m->ethnic = code_index(&CODES_ETHNIC, c->ethnicity);
	if (sched_child(&m->cc, m->cal, c->episodes, c->nepisodes, m->held,
			nheld) ||
	    GROW(m->ep_flags, m->efcap, c->nepisodes + 1)) {
		m->failed = true;
		return -1;
	}
	placement_flags(m, c);
	for (size_t i = 0; i < m->nw; i++) {
		struct msr_period *w = &m->w[i];
		tml_add_child(&w->tml, m->cal, m->cc.periods, m->cc.nperiods,
			      m->held, m->cc.timing, nheld);
		count_population(m, c, w, nheld);
		count_reviews(m, c, w, nheld);
		for (size_t k = 0; k < c->noversights; k++)
			if (c->oversights[k].kind < OV_COUNT &&
			    in_window(w, c->oversights[k].date))
				w->oversight_by[c->oversights[k].kind]++;
	}
	return 0;
}

/* ---- The service's own records ------------------------------------------ */

#define EACH_WINDOW(m, date, body)                                    \
	for (size_t i_ = 0; i_ < (m)->nw; i_++) {                       \
		struct msr_period *w = &(m)->w[i_];                     \
		if (in_window(w, (date))) {                             \
			body;                                           \
		}                                                       \
	}

void msr_add_advocacy(struct measures *m, int32_t date, int referred_by)
{
	EACH_WINDOW(m, date, {
		w->advocacy++;
		if (referred_by >= 0 && referred_by < REQ_COUNT)
			w->advocacy_by[referred_by]++;
	})
}

void msr_add_feedback(struct measures *m, int32_t date, int respondent)
{
	EACH_WINDOW(m, date, {
		if (respondent >= 0 && respondent < 4)
			w->feedback_by[respondent]++;
	})
}

void msr_add_qa(struct measures *m, int32_t date, int kind, int iro)
{
	if (kind < 0 || kind >= QA_COUNT)
		return;
	EACH_WINDOW(m, date, {
		w->qa_by[kind]++;
		if (iro >= 0 && (size_t)iro < m->niros)
			w->qa_iro[(size_t)iro * QA_COUNT + (size_t)kind]++;
	})
}
