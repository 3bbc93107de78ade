/*
 * synth_reviews.c - a child's reviews and what goes with them in the
 * synthetic service (synth_service.h): every review of reviews.csv as
 * held, the odd booking stood down or cancelled, the next review booked
 * for a child looked after on the year's last day, and the
 * recommendations, consultations, oversight, contacts, advocacy and
 * feedback around them. Rates follow IRO annual reports:
 *
 *  - Held reviews (all of them): chaired by the IRO allocated that day (the
 *    covering IRO during an absence); 30% rearranged 3-20 days from the
 *    date first set (one in six of those twice), social workers and carers
 *    asking most; in person 60%, virtual 25%, hybrid 10%, a series of
 *    discussions 5%; at the placement 55%, an office 15%, school 10%,
 *    elsewhere 20%; parents at 45%, someone for the social worker at 85%
 *    (a team manager 10% of the time); the social worker's report 1-10
 *    days before for 75%, after for 10%; care plans good 55%, outstanding
 *    10%, requiring improvement 28%, poor 7%; a permanence plan at most
 *    reviews from the second on, in keeping with the child's path;
 *    minutes sent 12-30 working days after for 92% (70% within 20), never
 *    for 3%, and not yet for some recent ones.
 *  - Stood down or cancelled: 3% of reviews have a booking after them that
 *    never happened. Next review: one booked for 95% of the children looked
 *    after on the last day whose review falls due
 *    within 4 months - nothing is booked further ahead than that - near
 *    the due date (10% after it), 15% of them rearranged.
 *  - In the last three collection years: 2-5 recommendations per review,
 *    due 1-4 months after it (a due date may be after the year's end: it
 *    is a plan, like a booking); achieved 70%, not achieved 15%, no longer
 *    relevant 5% of those due 3-6 months before the year's end, fewer open
 *    the older they are, mostly open when not yet due, none left open once
 *    the child has left care, nor once a review after the due date has
 *    looked at it. Consultation forms for 70% of reviews; a
 *    midpoint check for half the intervals between reviews, and the odd
 *    case check or footprint; an IRO contact in the 6 weeks before 70% of
 *    reviews (the next one booked too, when the visit's day has come by
 *    the year's end) and a first visit after 80% of new allocations (60% of
 *    transfers); advocacy referrals for 6% of the children looked after in
 *    a year. In the last two, a feedback form for 15% of reviews.
 *
 * Every history entry says when it was recorded (a working day, at office
 * hours, never after the year's end) and by whom: business support books
 * and moves reviews, the chair records them held.
 */
#include "lib/common.h"
#include "lib/xalloc.h"
#include "core/date.h"
#include "core/schedule.h"
#include "io/synth.h"
#include "io/synth_names.h"
#include "io/synth_svc.h"
#include "io/synth_util.h"

#define P_REARRANGED 0.30
#define P_TWICE 1.0 / 6
#define P_EXTRA 0.03
#define P_NO_NEXT 0.05
#define P_NEXT_LATE 0.10
#define P_NEXT_REARRANGED 0.15
#define P_MINUTES_NEVER 0.03
#define P_MINUTES_PENDING 0.05 /* of reviews in the last two months */
#define P_CONSULTED 0.70
#define P_MIDPOINT 0.50
#define P_CASE_CHECK 0.10
#define P_FOOTPRINT 0.05
#define P_CONTACT 0.70
#define P_FIRST_VISIT 0.80
#define P_TRANSFER_VISIT 0.60
#define P_ADVOCACY 0.06
#define P_FEEDBACK 0.15
#define P_CHILDS_OWN 0.10
#define MAX_RECS 5
#define BUSINESS_SUPPORT "IRO business support"

static const struct wcode MODE[] = {
	{ "in_person", 60 }, { "virtual", 25 }, { "hybrid", 10 },
	{ "series", 5 },
};
static const struct wcode VENUE[] = {
	{ "placement", 55 }, { "office", 15 }, { "school", 10 },
	{ "other", 20 },
};
static const struct wcode SW_ROLE[] = {
	{ "social_worker", 87 }, { "team_manager", 10 }, { "other", 3 },
};
static const struct wcode GRADE[] = {
	{ "good", 55 }, { "outstanding", 10 }, { "requires_improvement", 28 },
	{ "poor", 7 },
};
static const struct bucket MINUTES_WD[] = {
	{ 2, 11, 4 }, { 12, 20, 66 }, { 21, 30, 26 }, { 31, 60, 4 },
};
static const unsigned NREC_W[] = { 30, 35, 25, 10 }; /* 2, 3, 4, 5 */

/* Who asked for a review to be moved, and why. */
struct asker {
	const char *who;
	unsigned w;
	const char *why[3];
};
static const struct asker ASKERS[] = {
	{ "social_worker", 34, { "Social worker on leave",
				 "Social worker's report not ready",
				 "Social worker in court" } },
	{ "carer", 22, { "Carer unwell", "Family holiday booked",
			 "Carer unable to attend" } },
	{ "iro", 12, { "IRO unwell", "IRO diary clash",
		       "Review brought forward after a placement move" } },
	{ "parent", 10, { "Parent unable to attend", "Parent asked for a "
						   "later date",
			  "Parent in hospital" } },
	{ "child", 8, { "Child asked to move the date (exams)", "Child unwell",
			"Child asked for a school holiday date" } },
	{ "court", 6, { "Court hearing on the same day", "Final hearing listed",
			"Court directed a review after the hearing" } },
	{ "other", 8, { "Interpreter unavailable", "Venue unavailable",
			"School trip on the day" } },
};

/* Why a booking was stood down, and who asked. */
static const struct {
	const char *why, *who;
} STOOD_DOWN[] = {
	{ "Placement move: an extra review to be held instead",
	  "social_worker" },
	{ "Key people unable to attend; a new date to be set", "iro" },
	{ "Court hearing moved to the same day", "court" },
};
static const char *const CANCELLED[] = { "Booked in error",
					 "Duplicate booking" };

/* A recommendation's text and who usually owns it. */
struct rec_text {
	const char *text, *role;
	int min_age;
};
static const struct rec_text RECS[] = {
	{ "Life story work to be completed by the social worker",
	  "social_worker", 0 },
	{ "Health assessment to be arranged", "health", 0 },
	{ "PEP to be updated with the designated teacher", "education", 4 },
	{ "Contact arrangements with father to be reviewed", "social_worker",
	  0 },
	{ "Contact arrangements with mother to be reviewed", "social_worker",
	  0 },
	{ "Sibling contact to be increased to monthly", "social_worker", 0 },
	{ "Dental check to be booked", "carer", 0 },
	{ "Referral to CAMHS to be followed up", "social_worker", 5 },
	{ "Permanence plan to go to the permanence panel", "team_manager", 0 },
	{ "Independent visitor to be offered", "social_worker", 6 },
	{ "Child to be offered an advocate", "iro", 8 },
	{ "Carer to attend training in therapeutic parenting", "carer", 0 },
	{ "Care plan to be updated after the assessment", "social_worker", 0 },
	{ "Pupil premium plus to fund tutoring", "education", 5 },
	{ "Optician appointment to be arranged", "carer", 3 },
	{ "Strengths and difficulties questionnaire to be completed", "carer",
	  4 },
	{ "Later life letter to be written", "social_worker", 0 },
	{ "Placement stability meeting to be held", "team_manager", 0 },
	{ "Immunisations to be brought up to date", "health", 0 },
	{ "Parents to be sent a copy of the care plan", "social_worker", 0 },
	{ "Court timetable to be shared with the IRO", "social_worker", 0 },
	{ "Passport application to be made", "social_worker", 10 },
	{ "Savings account to be opened", "social_worker", 0 },
	{ "Pathway plan to be started", "social_worker", 15 },
	{ "Child to be consulted about where the next review is held", "iro",
	  8 },
};
static const char *const CHILDS_OWN[] = {
	"I want to see my brother and sister more",
	"I want to stay at my school",
	"I want to go to football club",
	"I want to have my own phone",
	"I want to know more about my mum and dad",
	"I want to choose where my review is",
};
static const char *const PROGRESS_NOTES[] = {
	"Social worker confirmed it is in hand",
	"Delayed: awaiting a date",
	"Raised with the team manager",
};
static const char *const MIDPOINT_NOTES[] = {
	"Midpoint check: plan progressing",
	"Midpoint check: some drift, raised with the social worker",
	"Midpoint check with the social worker by phone",
};
static const char *const CASE_CHECK_NOTES[] = {
	"Case check after a placement move",
	"Case check: court outcome read",
	"Case check after a missing episode",
};
static const char *const FOOTPRINT_NOTES[] = {
	"Footprint: read the updated assessment",
	"Footprint: agreed the contact plan",
};

static const struct wcode CONTACT_KIND[] = {
	{ "visit", 60 }, { "virtual", 20 }, { "phone", 10 }, { "declined", 10 },
};
static const struct wcode PROVIDERS[] = {
	{ "National Youth Advocacy Service", 45 }, { "Coram Voice", 35 },
	{ "Barnardo's", 10 }, { "Independent Advocacy Service", 10 },
};
static const char *const ISSUES[] = {
	"placement", "contact", "complaint", "education", "health",
	"leaving care",
};
static const struct wcode REFERRED_BY[] = {
	{ "child", 30 }, { "iro", 25 },   { "social_worker", 30 },
	{ "carer", 10 }, { "parent", 3 }, { "other", 2 },
};

/* Feedback: who answered, with the questions asked of them. */
struct survey {
	const char *respondent, *name;
	unsigned w;
	const char *questions[5];
};
static const struct survey SURVEYS[] = {
	{ "child", "Your review: what did you think?", 40,
	  { "Did you know what your review was for?",
	    "Did you feel listened to?", "Did you meet your IRO before?",
	    "Were you happy with where it was held?",
	    "Would you like to chair your next review?" } },
	{ "carer", "Carer feedback on the review", 25,
	  { "Were you given enough notice?", "Was your view sought?",
	    "Were the recommendations clear?",
	    "Did the IRO know the child well?",
	    "How would you rate the review?" } },
	{ "parent", "Parent feedback on the review", 15,
	  { "Were you invited in good time?", "Did you feel listened to?",
	    "Did you understand the plan?", "Were you sent the minutes?",
	    "How would you rate the review?" } },
	{ "professional", "Professional feedback on the review", 20,
	  { "Was the meeting well chaired?", "Was the child's voice heard?",
	    "Were actions clear and timed?", "Was the venue suitable?",
	    "How would you rate the review?" } },
};
static const char *const ANSWERS[] = { "Yes", "No", "Sometimes",
				       "Not sure" };
static const char *const RATINGS[] = { "5 - very good", "4 - good",
				       "3 - all right", "2 - poor" };
static const char *const QUOTES[] = {
	"My IRO listened to me and did what she said she would.",
	"I liked having my review at school at lunchtime.",
	"It was good to hear everyone say how well he is doing.",
	"Too many people in the room.",
	"The IRO made sure my views were in the plan.",
	"I didn't get the minutes until weeks later.",
};

/* A time of the working day, as minutes after midnight (08:30-17:30). */
static int office_minute(struct rng *r)
{
	return rng_between(r, 510, 1050);
}

/* ---- One child ---------------------------------------------------------- */

/* What later records need of a review held. */
struct rec_made {
	long id;
	int32_t due, achieved;
	const char *status;
};

struct held_made {
	long id;
	int32_t date;
	int period;
	int nrec;
	struct rec_made rec[MAX_RECS];
};

struct contact {
	int32_t date;
	uint32_t iro;
	const char *kind;
	int seen_alone; /* -1: not recorded */
};

/* A child's reviews as they are written; the arrays are kept from child
 * to child (struct review_scratch). */
struct review_scratch {
	struct held_made *held; /* one per review held, in order */
	size_t nheld, cheld;
	struct contact *con;
	size_t ncon, ccon;
};

struct kw {
	struct svc *s;
	const struct synth_child *c;
	struct rng *r;
	uint32_t k;
	const char *sw;
	struct review_scratch *x;
	bool oom;
};

void svc_reviews_free(struct review_scratch *x)
{
	if (!x)
		return;
	free(x->held);
	free(x->con);
	free(x);
}

static const char *iro_name(const struct kw *w, int x)
{
	return x >= 0 ? w->s->iro[x].name : NULL;
}

/* The IRO on the child's case on `day` (someone in post, when no one is
 * allocated that day). */
static int iro_for(const struct kw *w, int32_t day)
{
	int x = svc_iro_on(w->s, w->k, day);
	return x >= 0 ? x : svc_anyone_on(w->s, day, w->k);
}

static const struct synth_episode *episode_on(const struct synth_child *c,
					      int32_t day)
{
	const struct synth_episode *e = &c->eps[0];
	for (size_t i = 0; i < c->neps && c->eps[i].decom <= day; i++)
		e = &c->eps[i];
	return e;
}

static const char *kind_of(enum regime g)
{
	switch (g) {
	case REGIME_SHORT_BREAK:
		return "short_break";
	case REGIME_ADOPTION_AUTHORITY:
	case REGIME_ADOPTION_PLACED:
		return "adoption";
	default:
		return "looked_after";
	}
}

/* ---- The status history ------------------------------------------------- */

#define MAX_ENTRIES 5

struct entry {
	const char *status;
	int32_t date;
	const char *requested_by, *reason;
	int32_t at;
	int minute;
	const char *by;
};

struct history {
	struct entry e[MAX_ENTRIES];
	int n;
};

/* Adds an entry recorded on day `at`, or the working day before it (on or
 * after the last entry's day, and later in the day when it is the same
 * day). */
static struct entry *add_entry(const struct kw *w, struct history *h,
			       const char *status, int32_t date, int32_t at,
			       const char *by)
{
	struct entry *e = &h->e[h->n];
	const struct entry *p = h->n > 0 ? &h->e[h->n - 1] : NULL;
	int32_t floor = p ? p->at : at - 3;
	while (!cal_is_workday(w->s->cal, at) && at > floor)
		at--;
	memset(e, 0, sizeof *e);
	e->status = status;
	e->date = date;
	e->by = by;
	e->at = at;
	e->minute = office_minute(w->r);
	if (p) {
		if (e->at < p->at)
			e->at = p->at;
		if (e->at == p->at && e->minute <= p->minute)
			e->minute = min32(p->minute + 20, 1439);
	}
	h->n++;
	return e;
}

static void rearranged_by(struct entry *e, struct rng *r)
{
	unsigned w[ARRAY_LEN(ASKERS)];
	for (size_t i = 0; i < ARRAY_LEN(ASKERS); i++)
		w[i] = ASKERS[i].w;
	const struct asker *a = &ASKERS[rng_weighted(r, w, ARRAY_LEN(w))];
	e->requested_by = a->who;
	e->reason = a->why[rng_below(r, 3)];
}

/* The day a review held on `date` was booked: a few weeks before, not
 * before `booked` (the previous review or the start of care). */
static int32_t booking_day(const struct kw *w, int32_t date, int32_t booked)
{
	return max32(booked, date - rng_between(w->r, 14, 42));
}

/*
 * The history of a review set on day `at` for `dates[0]`, moved to
 * dates[1 .. n - 1]; `at_end` is the day the last move may be recorded
 * by.
 */
static void schedule_history(struct kw *w, struct history *h,
			     const int32_t *dates, int n, int32_t at,
			     int32_t at_end, const char *by)
{
	add_entry(w, h, "scheduled", dates[0], at, by);
	for (int i = 1; i < n; i++) {
		int32_t last = min32(min32(dates[i - 1], dates[i]) - 1, at_end);
		int32_t first = max32(h->e[h->n - 1].at, last - 14);
		struct entry *e = add_entry(w, h, "rearranged", dates[i],
					    rng_between(w->r, first, last), by);
		rearranged_by(e, w->r);
	}
}

static void write_history(struct jline *j, const struct history *h)
{
	jl_list(j, "history");
	for (int i = 0; i < h->n; i++) {
		const struct entry *e = &h->e[i];
		jl_item(j);
		jl_text(j, "status", e->status);
		jl_date(j, "date", e->date);
		jl_text(j, "requested_by", e->requested_by);
		jl_text(j, "reason", e->reason);
		jl_time(j, "at", e->at, e->minute);
		jl_text(j, "by", e->by);
		jl_close(j);
	}
	jl_close(j);
}

/* A first date 3-20 days from `held` that lies after `booked`, in the
 * period and by the year's end; DATE_NONE when neither side will do. */
static int32_t moved_from(const struct kw *w, const struct period *p,
			  int32_t held, int32_t booked)
{
	int32_t by = w->s->year_end;
	if (p->end != DATE_NONE)
		by = min32(by, p->end - 1);
	int32_t delta = rng_between(w->r, 3, 20);
	int sign = rng_chance(w->r, 0.5) ? 1 : -1;
	for (int t = 0; t < 2; t++, sign = -sign) {
		int32_t d = held + sign * delta;
		if (d > booked && d >= p->start && d <= by)
			return d;
	}
	return DATE_NONE;
}

/* ---- Conduct ------------------------------------------------------------ */

static const char *permanence(const struct kw *w, int period, int32_t day,
			      enum regime g, int age)
{
	const struct synth_child *c = w->c;
	if (g == REGIME_ADOPTION_AUTHORITY || g == REGIME_ADOPTION_PLACED)
		return "adoption";
	const char *place = episode_on(c, day)->place;
	if (place[0] == 'A')
		return "adoption";
	if (strcmp(place, "P1") == 0)
		return "return_to_family";
	enum synth_route route =
		period == (int)c->nper - 1 ? c->route : ROUTE_HOME;
	switch (route) {
	case ROUTE_ADOPTION:
		return "adoption";
	case ROUTE_SGO:
	case ROUTE_CAO:
		return "sgo_cao";
	case ROUTE_HOME:
	case ROUTE_REMAND:
		return "return_to_family";
	default:
		break;
	}
	if (strcmp(place, "H5") == 0 || strcmp(place, "K3") == 0)
		return "supported_living";
	if (place[0] == 'K' || place[0] == 'R' || place[0] == 'S')
		return "long_term_residential";
	if (age >= 16 && rng_chance(w->r, 0.4))
		return "supported_living";
	return rng_chance(w->r, 0.95) ? "long_term_fostering" : "other";
}

/* The permanence plan recorded at review `seq` of its period: rarely at
 * the first, most of the time from the second. NULL: none recorded. */
static const char *permanence_recorded(const struct kw *w, int period,
				       int32_t day, enum regime g, int age,
				       int seq)
{
	double p = seq == 1 ? 0.35 : seq == 2 ? 0.92 : 0.97;
	if (!rng_chance(w->r, p))
		return seq >= 2 && rng_chance(w->r, 0.5) ? "not_recorded"
							 : NULL;
	return permanence(w, period, day, g, age);
}

static const char *rag_for(struct rng *r, const char *grade)
{
	double u = rng_unit(r);
	if (strcmp(grade, "poor") == 0)
		return u < 0.7 ? "red" : "amber";
	if (strcmp(grade, "requires_improvement") == 0)
		return u < 0.1 ? "red" : u < 0.85 ? "amber" : "green";
	return u < 0.85 ? "green" : "amber";
}

/* When the minutes went, or DATE_NONE: not (yet) sent. */
static int32_t minutes_day(const struct kw *w, int32_t held)
{
	const struct svc *s = w->s;
	if (rng_chance(w->r, P_MINUTES_NEVER))
		return DATE_NONE;
	int32_t d = cal_add_workdays(s->cal, held, DRAW(w->r, MINUTES_WD));
	if (d == DATE_NONE || d > s->year_end ||
	    (held > s->year_end - 60 && rng_chance(w->r, P_MINUTES_PENDING)))
		return DATE_NONE;
	return d;
}

/* The fields of how a review held on `h` went, in the order of
 * docs/records.md (from venue to minutes_sent). */
static void conduct(struct kw *w, int period, int32_t h, enum regime g,
		    int seq, int age)
{
	struct jline *j = &w->s->j;
	struct rng *r = w->r;
	const struct svc *s = w->s;
	const char *mode = PICK(r, MODE);
	if (strcmp(mode, "in_person") == 0 || strcmp(mode, "hybrid") == 0) {
		const char *venue = PICK(r, VENUE);
		if (strcmp(venue, "school") == 0 && (age < 5 || age > 16))
			venue = "placement";
		jl_text(j, "venue", venue);
	}
	jl_text(j, "mode", mode);
	jl_bool(j, "co_chaired", age >= 12 && rng_chance(r, 0.08));
	jl_bool(j, "parents_attended", rng_chance(r, 0.45));
	bool sw = rng_chance(r, 0.85);
	jl_bool(j, "sw_attended", sw);
	if (sw)
		jl_text(j, "sw_attended_role", PICK(r, SW_ROLE));
	double u = rng_unit(r);
	int32_t report = u < 0.75   ? h - rng_between(r, 1, 10)
			 : u < 0.85 ? h + rng_between(r, 1, 7)
				    : DATE_NONE;
	jl_date(j, "sw_report_received", report <= s->year_end ? report
							       : DATE_NONE);
	jl_bool(j, "plan_updated", rng_chance(r, 0.85));
	if (rng_chance(r, 0.8))
		jl_date(j, "assessment_date", h - rng_between(r, 20, 365));
	if (age >= 4) {
		jl_bool(j, "plan_copy", rng_chance(r, 0.8));
		jl_bool(j, "plan_satisfied", rng_chance(r, 0.75));
	}
	const char *grade = PICK(r, GRADE);
	jl_text(j, "plan_grade", grade);
	jl_text(j, "rag", rag_for(r, grade));
	const char *plan = permanence_recorded(w, period, h, g, age, seq);
	jl_text(j, "permanence_plan", plan);
	if (plan && strcmp(plan, "not_recorded") != 0)
		jl_bool(j, "permanence_confirmed",
			rng_chance(r, seq == 1 ? 0.3 : seq == 2 ? 0.6 : 0.85));
	jl_bool(j, "advocate_present", age >= 4 && rng_chance(r, 0.06));
	jl_date(j, "minutes_sent", minutes_day(w, h));
}

/* ---- Records around a review -------------------------------------------- */

static void owner(const struct kw *w, const char *role, int chair, char *out,
		  size_t size)
{
	out[0] = '\0';
	if (strcmp(role, "social_worker") == 0)
		snprintf(out, size, "%s", w->sw);
	else if (strcmp(role, "iro") == 0)
		snprintf(out, size, "%s", iro_name(w, chair));
	else if (strcmp(role, "child") != 0)
		name_person(rng_hash(w->s->o->seed ^ w->k, (uint64_t)role[0]),
			    out, size);
}

/* A recommendation's outcome by the year's end: the older, the more
 * surely settled; one still open when the child has left care lapses, and
 * one due before the child's next review is settled there (`next`, the
 * next review held, or DATE_NONE), as the IRO reviews progress on each. */
static void outcome(const struct kw *w, int32_t held, int32_t next,
		    const struct period *p, struct rec_made *m)
{
	struct rng *r = w->r;
	int32_t ye = w->s->year_end;
	double u = rng_unit(r);
	m->achieved = DATE_NONE;
	/* achieved, not achieved, no longer relevant, else open; by how
	 * long before the year's end it was due */
	static const struct {
		int32_t before;
		double p[3];
	} BY_AGE[] = {
		{ 183, { 0.70, 0.21, 0.08 } },
		{ 90, { 0.70, 0.15, 0.05 } },
		{ 0, { 0.72, 0.12, 0.06 } },
		{ 0, { 0.25, 0, 0 } }, /* not yet due */
	};
	size_t a = 0;
	while (a + 1 < ARRAY_LEN(BY_AGE) && m->due >= ye - BY_AGE[a].before)
		a++;
	const double *q = BY_AGE[a].p;
	/* settled at the next review: the open share goes to the rest */
	double scale = next != DATE_NONE && m->due <= next && a + 1 <
			       ARRAY_LEN(BY_AGE) ? q[0] + q[1] + q[2] : 1;
	u *= scale;
	m->status = u < q[0]		       ? "achieved"
		    : u < q[0] + q[1]	       ? "not_achieved"
		    : u < q[0] + q[1] + q[2] ? "no_longer_relevant"
					       : "open";
	if (strcmp(m->status, "open") == 0 && p->end != DATE_NONE)
		m->status = "no_longer_relevant";
	if (strcmp(m->status, "achieved") == 0) {
		int32_t d = min32(rng_between(r, held + 7, m->due + 30), ye);
		if (d > held)
			m->achieved = d;
		else
			m->status = "open";
	}
}

static int write_recommendations(struct kw *w, struct held_made *hm,
				 int32_t next, const struct period *p,
				 int chair, int age)
{
	struct svc *s = w->s;
	struct jline *j = &s->j;
	struct rng *r = w->r;
	hm->nrec = 2 + (int)rng_weighted(r, NREC_W, ARRAY_LEN(NREC_W));
	int rc = 0;
	for (int i = 0; i < hm->nrec && !rc; i++) {
		struct rec_made *m = &hm->rec[i];
		const struct rec_text *t = &RECS[rng_below(r, ARRAY_LEN(RECS))];
		if (age < t->min_age)
			t = &RECS[0];
		bool own = age >= 8 && rng_chance(r, P_CHILDS_OWN);
		const char *text = own ? ONE_OF(CHILDS_OWN, rng_next(r))
				       : t->text;
		const char *role = own ? "social_worker" : t->role;
		char name[48];
		owner(w, role, chair, name, sizeof name);
		m->id = svc_take_id(s, OUT_RECOMMENDATION);
		m->due = date_add_months(hm->date, rng_between(r, 1, 4));
		outcome(w, hm->date, next, p, m);
		jl_start(j, "recommendation");
		jl_int(j, "id", m->id);
		jl_int(j, "review", hm->id);
		jl_text(j, "text", text);
		jl_text(j, "owner_role", role);
		jl_text(j, "owner_name", name);
		jl_date(j, "due", m->due);
		jl_text(j, "status", m->status);
		jl_date(j, "achieved", m->achieved);
		jl_bool(j, "childs_own", own);
		rc = svc_emit(s, OUT_RECOMMENDATION);
	}
	return rc;
}

/* Forms sent before the review; carers return most, parents fewest. */
static int write_consultations(struct kw *w, const struct held_made *hm,
			       const struct period *p, int age)
{
	static const struct {
		const char *group;
		double back;
	} GROUPS[] = {
		{ "child", 0.45 },     { "parent", 0.35 },
		{ "carer", 0.60 },     { "social_worker", 0.55 },
		{ "health", 0.45 },    { "education", 0.40 },
	};
	struct svc *s = w->s;
	struct jline *j = &s->j;
	struct rng *r = w->r;
	int32_t sent = max32(hm->date - rng_between(r, 10, 20), p->start);
	int rc = 0;
	for (size_t g = 0; g < ARRAY_LEN(GROUPS) && !rc; g++) {
		const char *grp = GROUPS[g].group;
		if ((g == 0 && age < 4) ||
		    (strcmp(grp, "health") == 0 && !rng_chance(r, 0.25)) ||
		    (strcmp(grp, "education") == 0 &&
		     (age < 5 || age > 16 || !rng_chance(r, 0.3))))
			continue;
		jl_start(j, "consultation");
		jl_int(j, "id", svc_take_id(s, OUT_CONSULTATION));
		jl_int(j, "review", hm->id);
		jl_text(j, "group", grp);
		jl_date(j, "sent", sent);
		if (rng_chance(r, GROUPS[g].back))
			jl_date(j, "received",
				rng_between(r, min32(sent + 1, hm->date),
					    hm->date));
		rc = svc_emit(s, OUT_CONSULTATION);
	}
	return rc;
}

/* Mostly yes; ratings for "how would you rate". */
static const char *answer(struct rng *r, const char *question)
{
	if (strstr(question, "rate"))
		return ONE_OF(RATINGS, rng_next(r));
	return rng_chance(r, 0.65) ? ANSWERS[0] : ONE_OF(ANSWERS, rng_next(r));
}

static int write_feedback(struct kw *w, const struct held_made *hm, int age)
{
	struct svc *s = w->s;
	struct jline *j = &s->j;
	struct rng *r = w->r;
	unsigned wt[ARRAY_LEN(SURVEYS)];
	for (size_t i = 0; i < ARRAY_LEN(SURVEYS); i++)
		wt[i] = i == 0 && age < 8 ? 0 : SURVEYS[i].w;
	const struct survey *sv = &SURVEYS[rng_weighted(r, wt, ARRAY_LEN(wt))];
	jl_start(j, "feedback");
	jl_int(j, "id", svc_take_id(s, OUT_FEEDBACK));
	jl_text(j, "respondent", sv->respondent);
	jl_date(j, "date", min32(hm->date + rng_between(r, 0, 14),
				 s->year_end));
	jl_text(j, "child", w->c->id);
	jl_int(j, "review", hm->id);
	jl_text(j, "survey", sv->name);
	if (rng_chance(r, 0.3))
		jl_text(j, "quote", ONE_OF(QUOTES, rng_next(r)));
	jl_list(j, "answers");
	int n = rng_between(r, 3, 5);
	for (int i = 0; i < n; i++) {
		const char *q = sv->questions[i];
		jl_item(j);
		jl_text(j, "question", q);
		jl_text(j, "answer", answer(r, q));
		jl_close(j);
	}
	jl_close(j);
	return svc_emit(s, OUT_FEEDBACK);
}

static void add_contact(struct kw *w, int32_t day, int32_t age_days_8)
{
	int x = svc_iro_on(w->s, w->k, day);
	if (x < 0 || day > w->s->year_end)
		return;
	if (GROW(w->x->con, w->x->ccon, w->x->ncon + 1)) {
		w->oom = true;
		return;
	}
	struct contact *c = &w->x->con[w->x->ncon++];
	c->date = day;
	c->iro = (uint32_t)x;
	c->kind = PICK(w->r, CONTACT_KIND);
	c->seen_alone = strcmp(c->kind, "visit") == 0 && day >= age_days_8
				? rng_chance(w->r, 0.6)
				: -1;
}

/* ---- Oversight ---------------------------------------------------------- */

static const char *progress_of(struct rng *r, const struct rec_made *m,
			       int32_t day)
{
	if (m->achieved != DATE_NONE && m->achieved <= day)
		return "achieved";
	if (strcmp(m->status, "no_longer_relevant") == 0 && rng_chance(r, 0.5))
		return "no_longer_relevant";
	double drift = strcmp(m->status, "not_achieved") == 0 ? 0.7 : 0.3;
	return rng_chance(r, drift) ? "drifting" : "on_track";
}

/* A check between review `prev` and the next one (on `next`, or due). */
static int write_oversight(struct kw *w, const struct held_made *prev,
			   int32_t next)
{
	struct svc *s = w->s;
	struct jline *j = &s->j;
	struct rng *r = w->r;
	int rc = 0;
	if (rng_chance(r, P_MIDPOINT)) {
		int32_t mid = prev->date + (next - prev->date) / 2 +
			      rng_between(r, -7, 7);
		mid = max32(min32(mid, next - 1), prev->date + 1);
		int x = svc_iro_on(s, w->k, mid);
		if (x >= 0 && mid <= s->year_end) {
			jl_start(j, "oversight");
			jl_int(j, "id", svc_take_id(s, OUT_OVERSIGHT));
			jl_text(j, "child", w->c->id);
			jl_text(j, "iro", s->iro[x].name);
			jl_date(j, "date", mid);
			jl_text(j, "kind", "midpoint");
			jl_text(j, "note", ONE_OF(MIDPOINT_NOTES, rng_next(r)));
			if (prev->nrec) {
				jl_list(j, "progress");
				for (int i = 0; i < prev->nrec; i++) {
					jl_item(j);
					jl_int(j, "recommendation",
					       prev->rec[i].id);
					jl_text(j, "progress",
						progress_of(r, &prev->rec[i],
							    mid));
					if (rng_chance(r, 0.2))
						jl_text(j, "note",
							ONE_OF(PROGRESS_NOTES,
							       rng_next(r)));
					jl_close(j);
				}
				jl_close(j);
			}
			rc = svc_emit(s, OUT_OVERSIGHT);
		}
	}
	double u = rng_unit(r);
	if (!rc && u < P_CASE_CHECK + P_FOOTPRINT && next - prev->date > 2) {
		int32_t day = rng_between(r, prev->date + 1, next - 1);
		int x = svc_iro_on(s, w->k, day);
		if (x >= 0 && day <= s->year_end) {
			bool check = u < P_CASE_CHECK;
			jl_start(j, "oversight");
			jl_int(j, "id", svc_take_id(s, OUT_OVERSIGHT));
			jl_text(j, "child", w->c->id);
			jl_text(j, "iro", s->iro[x].name);
			jl_date(j, "date", day);
			jl_text(j, "kind", check ? "case_check" : "footprint");
			jl_text(j, "note",
				check ? ONE_OF(CASE_CHECK_NOTES, rng_next(r))
				      : ONE_OF(FOOTPRINT_NOTES, rng_next(r)));
			rc = svc_emit(s, OUT_OVERSIGHT);
		}
	}
	return rc;
}

/* ---- The reviews -------------------------------------------------------- */

static struct held_made *push_held(struct kw *w)
{
	if (GROW(w->x->held, w->x->cheld, w->x->nheld + 1)) {
		w->oom = true;
		return NULL;
	}
	struct held_made *h = &w->x->held[w->x->nheld++];
	memset(h, 0, sizeof *h);
	return h;
}

/* Review i of reviews.csv, held. */
static int held_review(struct kw *w, size_t i)
{
	struct svc *s = w->s;
	const struct synth_child *c = w->c;
	struct rng *r = w->r;
	struct jline *j = &s->j;
	int32_t h = c->held[i];
	int pi = period_containing(c->per, c->nper, h);
	if (pi < 0)
		return -1; /* synth.c holds every review in a period */
	const struct period *p = &c->per[pi];
	int seq = 1;
	int32_t booked = p->start;
	for (size_t k = 0; k < i; k++)
		if (c->held[k] >= p->start) {
			seq++;
			booked = c->held[k];
		}
	enum regime g = sched_regime_on(p, h);
	int chair = iro_for(w, h);
	int age = date_age_years(c->dob, h);
	struct held_made *hm = push_held(w);
	if (!hm)
		return -1;
	hm->id = svc_take_id(s, OUT_REVIEW);
	hm->date = h;
	hm->period = pi;

	/* the dates it was set for, the last the day it was held */
	int32_t dates[3] = { h };
	int n = 1;
	if (rng_chance(r, P_REARRANGED)) {
		int32_t first = moved_from(w, p, h, booked);
		if (first != DATE_NONE) {
			dates[0] = first;
			dates[n++] = h;
			int32_t mid = moved_from(w, p, h, booked);
			if (rng_chance(r, P_TWICE) && mid != DATE_NONE &&
			    mid != first) {
				dates[1] = mid;
				dates[n++] = h;
			}
		}
	}
	struct history hist = { .n = 0 };
	schedule_history(w, &hist, dates, n, booking_day(w, dates[0], booked),
			 h, BUSINESS_SUPPORT);
	int32_t late = rng_chance(r, 0.6) ? 0 : rng_between(r, 1, 3);
	int32_t rec_day = min32(h + late, s->year_end);
	add_entry(w, &hist, "held", h, rec_day,
		  chair >= 0 ? iro_name(w, chair) : BUSINESS_SUPPORT);

	jl_start(j, "review");
	jl_int(j, "id", hm->id);
	jl_text(j, "child", c->id);
	jl_text(j, "kind", kind_of(g));
	jl_text(j, "status", "held");
	jl_date(j, "original", dates[0]);
	jl_date(j, "scheduled", h);
	jl_date(j, "held", h);
	jl_text(j, "chair", iro_name(w, chair));
	jl_text(j, "participation", c->pn[i]);
	conduct(w, pi, h, g, seq, age);
	write_history(j, &hist);
	int rc = svc_emit(s, OUT_REVIEW);

	if (!rc && h >= s->recent3) {
		int32_t next = i + 1 < c->nheld ? c->held[i + 1] : DATE_NONE;
		rc = write_recommendations(w, hm, next, p, chair, age);
		if (!rc && rng_chance(r, P_CONSULTED))
			rc = write_consultations(w, hm, p, age);
		if (rng_chance(r, P_CONTACT)) {
			int32_t lo = max32(p->start, h - 42);
			if (lo < h)
				add_contact(w, rng_between(r, lo, h - 1),
					    date_add_months(c->dob, 96));
		}
	}
	if (!rc && h >= s->recent2 && rng_chance(r, P_FEEDBACK))
		rc = write_feedback(w, hm, age);
	if (!rc && w->x->nheld >= 2) {
		const struct held_made *prev = &w->x->held[w->x->nheld - 2];
		if (prev->period == pi && prev->date >= s->recent3)
			rc = write_oversight(w, prev, h);
	}
	return rc;
}

/* A booking after review i that never happened: stood down or cancelled
 * before its day. */
static int extra_review(struct kw *w, size_t i)
{
	struct svc *s = w->s;
	const struct synth_child *c = w->c;
	struct rng *r = w->r;
	struct jline *j = &s->j;
	int32_t h = c->held[i];
	int32_t day = h + rng_between(r, 3, 30);
	const struct period *p = &c->per[period_containing(c->per, c->nper, h)];
	if ((i + 1 < c->nheld && day >= c->held[i + 1]) || day > s->year_end ||
	    (p->end != DATE_NONE && day >= p->end))
		return 0;
	bool stood_down = rng_chance(r, 0.6);
	int32_t decided = rng_between(r, max32(h, day - 10), day);
	struct history hist = { .n = 0 };
	add_entry(w, &hist, "scheduled", day, h, BUSINESS_SUPPORT);
	struct entry *e = add_entry(w, &hist,
				    stood_down ? "stood_down" : "cancelled",
				    decided, decided, BUSINESS_SUPPORT);
	if (stood_down) {
		uint64_t k = rng_next(r);
		e->reason = ONE_OF(STOOD_DOWN, k).why;
		e->requested_by = ONE_OF(STOOD_DOWN, k).who;
	} else {
		e->reason = ONE_OF(CANCELLED, rng_next(r));
	}
	jl_start(j, "review");
	jl_int(j, "id", svc_take_id(s, OUT_REVIEW));
	jl_text(j, "child", c->id);
	jl_text(j, "kind", kind_of(sched_regime_on(p, day)));
	jl_text(j, "status", e->status);
	jl_date(j, "original", day);
	jl_date(j, "scheduled", day);
	write_history(j, &hist);
	return svc_emit(s, OUT_REVIEW);
}

/* The next review, booked for a child looked after on the year's last
 * day; also the check due before it. */
static int next_review(struct kw *w)
{
	struct svc *s = w->s;
	const struct synth_child *c = w->c;
	struct rng *r = w->r;
	struct jline *j = &s->j;
	int32_t ye = s->year_end;
	struct next_review nx;
	if (!sched_next_review(s->cal, c->per, c->nper, c->held, c->nheld, ye,
			       &nx) ||
	    nx.due == DATE_NONE)
		return 0;
	const struct period *p = &c->per[nx.period];
	int rc = 0;
	const struct held_made *last =
		w->x->nheld ? &w->x->held[w->x->nheld - 1] : NULL;
	if (last && last->period == nx.period && last->date >= s->recent3)
		rc = write_oversight(w, last, max32(nx.due, last->date + 2));
	if (rc || rng_chance(r, P_NO_NEXT))
		return rc;
	int32_t day = nx.due <= ye ? ye + rng_between(r, 1, 28)
		      : rng_chance(r, P_NEXT_LATE)
			      ? nx.due + rng_between(r, 1, 21)
			      : max32(ye + 1, nx.due - rng_between(r, 0, 14));
	if (day > s->horizon)
		return 0;
	int32_t dates[2] = { day, day };
	int n = 1;
	if (rng_chance(r, P_NEXT_REARRANGED)) {
		int32_t first = day + (rng_chance(r, 0.5) ? 1 : -1) *
					      rng_between(r, 3, 20);
		if (first > ye && first <= s->horizon) {
			dates[0] = first;
			n = 2;
		}
	}
	int32_t booked = nx.last_held != DATE_NONE ? nx.last_held : p->start;
	struct history hist = { .n = 0 };
	/* set at (or just after) the last review */
	schedule_history(w, &hist, dates, n,
			 min32(booked + rng_between(r, 0, 5), ye), ye,
			 BUSINESS_SUPPORT);
	/* the visit before it, if its day has come by the year's end */
	if (rng_chance(r, P_CONTACT))
		add_contact(w, max32(p->start, day - rng_between(r, 1, 42)),
			    date_add_months(c->dob, 96));
	int chair = svc_iro_on(s, w->k, ye);
	jl_start(j, "review");
	jl_int(j, "id", svc_take_id(s, OUT_REVIEW));
	jl_text(j, "child", c->id);
	jl_text(j, "kind", kind_of(nx.regime));
	jl_text(j, "status", n > 1 ? "rearranged" : "scheduled");
	jl_date(j, "original", dates[0]);
	jl_date(j, "scheduled", day);
	jl_text(j, "chair", iro_name(w, chair));
	write_history(j, &hist);
	return svc_emit(s, OUT_REVIEW);
}

/* ---- Contacts and advocacy ---------------------------------------------- */

/* A first visit a few weeks after each new IRO. */
static void first_visits(struct kw *w)
{
	const struct svc *s = w->s;
	for (size_t i = s->kid_alloc[w->k]; i < s->kid_alloc[w->k + 1]; i++) {
		const struct svc_alloc *a = &s->alloc[i];
		double p = a->reason == AR_NEW ? P_FIRST_VISIT
			   : a->reason == AR_TRANSFER ? P_TRANSFER_VISIT
						      : 0;
		if (a->start < s->recent3 || !rng_chance(w->r, p))
			continue;
		int32_t day = a->start + rng_between(w->r, 5, 35);
		if (a->end == DATE_NONE || day <= a->end)
			add_contact(w, day, date_add_months(w->c->dob, 96));
	}
}

static int by_date(const void *a, const void *b)
{
	const struct contact *x = a, *y = b;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return (x->iro > y->iro) - (x->iro < y->iro);
}

static int write_contacts(struct kw *w)
{
	struct svc *s = w->s;
	struct jline *j = &s->j;
	if (w->x->ncon > 1)
		qsort(w->x->con, w->x->ncon, sizeof *w->x->con, by_date);
	int rc = 0;
	for (size_t i = 0; i < w->x->ncon && !rc; i++) {
		const struct contact *c = &w->x->con[i];
		if (i > 0 && c->date == w->x->con[i - 1].date)
			continue; /* one a day is enough */
		jl_start(j, "contact");
		jl_int(j, "id", svc_take_id(s, OUT_CONTACT));
		jl_text(j, "child", w->c->id);
		jl_text(j, "iro", s->iro[c->iro].name);
		jl_date(j, "date", c->date);
		jl_text(j, "kind", c->kind);
		if (c->seen_alone >= 0)
			jl_bool(j, "seen_alone", c->seen_alone);
		rc = svc_emit(s, OUT_CONTACT);
	}
	return rc;
}

int32_t svc_days_in_care(const struct synth_child *c, int32_t from,
			 int32_t to, int32_t pick, int32_t *picked)
{
	int32_t n = 0;
	for (size_t i = 0; i < c->nper; i++) {
		const struct period *p = &c->per[i];
		if (p->short_break)
			continue;
		int32_t a = max32(p->start, from);
		int32_t b = min32(p->end == DATE_NONE ? to : p->end - 1, to);
		if (a > b)
			continue;
		if (pick >= n && pick < n + (b - a + 1))
			*picked = a + (pick - n);
		n += b - a + 1;
	}
	return n;
}

static int write_advocacy(struct kw *w)
{
	struct svc *s = w->s;
	struct jline *j = &s->j;
	struct rng *r = w->r;
	int rc = 0;
	for (int32_t y0 = s->recent3; y0 <= s->year_end && !rc;
	     y0 = date_add_months(y0, 12)) {
		int32_t y1 = date_add_months(y0, 12) - 1, day = DATE_NONE;
		int32_t n = svc_days_in_care(w->c, y0, y1, -1, &day);
		if (n == 0 || !rng_chance(r, P_ADVOCACY))
			continue;
		svc_days_in_care(w->c, y0, y1,
				 (int32_t)rng_below(r, (uint32_t)n), &day);
		int age = date_age_years(w->c->dob, day);
		const char *issue = ISSUES[rng_below(r, age >= 15 ? 6 : 5)];
		jl_start(j, "advocacy");
		jl_int(j, "id", svc_take_id(s, OUT_ADVOCACY));
		jl_text(j, "child", w->c->id);
		jl_date(j, "date", day);
		jl_text(j, "provider", PICK(r, PROVIDERS));
		jl_text(j, "issue", issue);
		jl_text(j, "referred_by", PICK(r, REFERRED_BY));
		rc = svc_emit(s, OUT_ADVOCACY);
	}
	return rc;
}

/* One held_made is pushed for each review of c->held, in order. */
long svc_review_id(const struct svc *s, size_t i)
{
	return s->rs->held[i].id;
}

int svc_write_reviews(struct svc *s, const struct synth_child *c,
		      struct rng *r, const char *sw_name)
{
	if (!s->rs && !(s->rs = calloc(1, sizeof *s->rs)))
		return -1;
	struct kw w = { .s = s, .c = c, .r = r, .k = (uint32_t)c->index,
			.sw = sw_name, .x = s->rs };
	w.x->nheld = w.x->ncon = 0;
	int rc = 0;
	for (size_t i = 0; i < c->nheld && !rc; i++) {
		rc = held_review(&w, i);
		if (!rc && rng_chance(r, P_EXTRA))
			rc = extra_review(&w, i);
	}
	if (!rc)
		rc = next_review(&w);
	first_visits(&w);
	if (!rc && !w.oom)
		rc = write_contacts(&w);
	if (!rc)
		rc = write_advocacy(&w);
	return rc || w.oom ? -1 : 0;
}
