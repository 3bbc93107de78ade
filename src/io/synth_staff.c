/*
 * synth_staff.c - the IROs of the synthetic service, the children's
 * families, and which IRO each child has from day to day (svc_plan,
 * synth_service.h).
 *
 *  - Posts: one IRO post per RATIO children (RATIO drawn once from 62-70)
 *    allocated on the year's last day, so that caseloads come out at 60-75
 *    as IRO annual reports give them. A post opens when the number of
 *    children first reaches its share (the files hold fewer children the
 *    further back they go); a post open before the history window is held
 *    by a long-serving IRO who started up to 4 years earlier.
 *  - Turnover: in the window an IRO leaves with a chance of 13% a year
 *    (never on the last day, so that no allocation is left with a leaver)
 *    and the post is filled again after a vacancy of up to 5 months, or
 *    with up to a month's overlap. The first post always overlaps, so the
 *    service is never without an IRO.
 *  - FTE: 80% full time, 12% 0.8, 8% 0.6; 8% change part-way (to 0.8, or
 *    back to full time).
 *  - Absences: in 12% of an IRO's years, sickness of 2-12 weeks (75%) or
 *    parental leave of 4-12 weeks, Monday to Friday; one still under way
 *    on the year's last day is left open.
 *  - Families: a looked-after mother (MOTHER = 1) is linked, one time in
 *    two, to a baby born on her MC_DOB who came into care within a year of
 *    birth while she was in care (a few in every thousand children). About
 *    30% of the other children are in sibling groups of 2-4 (60% pairs,
 *    28% threes): children of the same ethnicity who came into care within
 *    60 days of each other, born at least 300 days and at most 14 years
 *    apart. 5% of groups have a manager's reason to give the siblings
 *    different IROs, which every allocation overlapping a sibling's to
 *    another IRO carries.
 *  - Allocation, day by day through the history: a period of care gets
 *    its first IRO 0-5 working days after it starts (6% of periods 6-15),
 *    never after its first review nor on its last day. The IRO is the
 *    sibling's, when a sibling already has one; else the least loaded (by
 *    children per FTE, each IRO taking 0.85-1.15 of the average) of 3
 *    drawn from the IROs in post who are not away and not leaving within
 *    45 days, so caseloads differ as they do. A leaver's children move on
 *    the day after the last day in post, a sibling group together. On the
 *    first working day of each month in the window, an IRO more than 20%
 *    above the average caseload per FTE (5%, when someone new in post has
 *    under 60% of it) hands children who have had them 6 months or more
 *    to the least loaded. A child never has the IRO of its looked-after
 *    mother or baby, cover included.
 *  - Cover: while an IRO is away 4 weeks or more, each of their children
 *    has a cover allocation to one of three colleagues in post and not
 *    away (their own team first), siblings to the same one.
 */
#include "lib/common.h"
#include "lib/err.h"
#include "lib/xalloc.h"
#include "core/date.h"
#include "io/synth.h"
#include "io/synth_names.h"
#include "io/synth_svc.h"
#include "io/synth_util.h"

#define RATIO_LO 62
#define RATIO_HI 70
#define P_LEAVE 0.13
#define P_FTE_06 0.08
#define P_FTE_08 0.12
#define P_FTE_CHANGE 0.08
#define P_ABSENCE 0.12
#define LONG_ABSENCE 28
#define P_LINK_MOTHER 0.5
#define P_GROUP 0.3
#define GROUPED_SHARE 0.33 /* of the children who may be */
#define P_GROUP_OVERRIDE 0.05
#define GROUP_ENTRY_DAYS 60
#define SAMPLE 3
#define LEAVING_SOON 45
#define SETTLED 180
#define MAX_MOVES 20
#define REBALANCE_OVER 1.2
#define STARVED 0.6
#define MAX_EXCLUDED 8
#define COVER_BUDDIES 3

static const struct bucket VACANCY[] = {
	{ -30, -1, 15 }, { 0, 30, 35 }, { 31, 90, 35 }, { 91, 150, 15 },
};
static const struct bucket SICK_WEEKS[] = {
	{ 2, 3, 45 }, { 4, 6, 30 }, { 7, 12, 25 },
};
static const unsigned GROUP_SIZE_W[] = { 60, 28, 12 }; /* 2, 3, 4 */

static const char *const TEAMS[4][4] = {
	{ NULL },
	{ NULL },
	{ "North", "South" },
	{ "North", "South", "Disabled children" },
};
static const char *const TEAMS4[] = { "North", "South", "Central",
				      "Disabled children" };

const char *svc_team_name(const struct svc *s, int team)
{
	return s->nteams == 4 ? TEAMS4[team] : TEAMS[s->nteams][team];
}

/* Open ends are after every day. */
static int32_t end_or_max(int32_t end)
{
	return end == DATE_NONE ? INT32_MAX : end;
}

static bool overlap(int32_t a0, int32_t a1, int32_t b0, int32_t b1)
{
	return a0 <= end_or_max(b1) && b0 <= end_or_max(a1);
}

bool svc_in_post(const struct svc_iro *x, int32_t day)
{
	return x->start <= day && day <= end_or_max(x->end);
}

double svc_fte_on(const struct svc_iro *x, int32_t day)
{
	return x->fte_from2 != DATE_NONE && day >= x->fte_from2 ? x->fte2_n
								: x->fte_n;
}

bool svc_absent(const struct svc *s, const struct svc_iro *x, int32_t from,
		int32_t to)
{
	for (uint32_t i = 0; i < x->nabs; i++) {
		const struct svc_absence *a = &s->abs[x->abs + i];
		if (overlap(a->from, a->to, from, to))
			return true;
	}
	return false;
}

static int by_key(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return (x->i > y->i) - (x->i < y->i);
}

void svc_sort(struct keyed *k, size_t n)
{
	qsort(k, n, sizeof *k, by_key);
}

/* An array of n keyed entries, or NULL. */
static struct keyed *keyed_new(size_t n)
{
	return malloc((n + 1) * sizeof(struct keyed));
}

/* ---- The IROs ----------------------------------------------------------- */

static struct svc_iro *add_iro(struct svc *s, struct rng *r, int slot,
			       int32_t start)
{
	if (GROW(s->iro, s->ciro, s->niro + 1))
		return NULL;
	struct svc_iro *x = &s->iro[s->niro++];
	memset(x, 0, sizeof *x);
	x->start = start;
	x->end = DATE_NONE;
	x->slot = slot;
	/* one post in eight is in the disabled children's team */
	int general = s->nteams >= 3 ? s->nteams - 1 : s->nteams;
	x->team = general < s->nteams && slot % 8 == 7 ? s->nteams - 1
						       : slot % general;
	double u = rng_unit(r);
	x->fte = u < P_FTE_06 ? "0.6" : u < P_FTE_06 + P_FTE_08 ? "0.8" : "1.0";
	x->fte_n = strtod(x->fte, NULL);
	/* some carry more complex cases, or other duties */
	x->capacity = 0.85 + 0.3 * rng_unit(r);
	x->fte_from2 = DATE_NONE;
	return x;
}

/* The working day on or before (dir -1) or after (dir 1) d. */
static int32_t workday(const struct svc *s, int32_t d, int dir)
{
	for (int i = 0; i < 14 && !cal_is_workday(s->cal, d); i++)
		d += dir;
	return d;
}

/* The last day in post (a working day) of an IRO who started on `start`,
 * or DATE_NONE. */
static int32_t leaving_day(const struct svc *s, struct rng *r, int32_t start)
{
	for (int32_t y = max32(start + 180, s->win_start); y < s->year_end;
	     y += 365) {
		if (rng_chance(r, P_LEAVE)) {
			int32_t d = workday(s, y + (int32_t)rng_below(r, 365),
					    -1);
			return d < s->year_end ? d : DATE_NONE;
		}
	}
	return DATE_NONE;
}

/* The IROs who hold post `slot` one after another, the first from
 * `start`. */
static int fill_post(struct svc *s, struct rng *r, int slot, int32_t start)
{
	for (;;) {
		struct svc_iro *x = add_iro(s, r, slot, start);
		if (!x)
			return -1;
		int32_t end = leaving_day(s, r, start);
		x->end = end;
		if (end == DATE_NONE)
			return 0;
		int32_t gap = slot == 0 ? rng_between(r, -30, 0)
					: DRAW(r, VACANCY);
		start = workday(s, max32(end + 1 + gap, start + 1), 1);
		if (start > s->year_end)
			return 0;
	}
}

static void change_fte(const struct svc *s, struct rng *r, struct svc_iro *x)
{
	if (!rng_chance(r, P_FTE_CHANGE))
		return;
	int32_t lo = max32(x->start + 180, s->win_start);
	int32_t hi = min32(end_or_max(x->end), s->year_end) - 30;
	if (lo > hi)
		return;
	x->fte_from2 = rng_between(r, lo, hi);
	x->fte2 = strcmp(x->fte, "1.0") ? "1.0" : "0.8";
	x->fte2_n = strtod(x->fte2, NULL);
}

static int add_absences(struct svc *s, struct rng *r, struct svc_iro *x)
{
	x->abs = (uint32_t)s->nabs;
	x->nabs = 0;
	int32_t last = min32(end_or_max(x->end), s->year_end);
	for (int32_t y = max32(x->start + 30, s->win_start); y <= last;
	     y += 365) {
		if (!rng_chance(r, P_ABSENCE))
			continue;
		bool sick = rng_chance(r, 0.75);
		int weeks = sick ? DRAW(r, SICK_WEEKS) : rng_between(r, 4, 12);
		int32_t from = y + (int32_t)rng_below(r, 365);
		from += (7 - date_weekday(from)) % 7; /* a Monday */
		int32_t to = from + 7 * weeks - 3;    /* a Friday */
		if (x->nabs) {
			int32_t prev = s->abs[s->nabs - 1].to;
			if (prev == DATE_NONE)
				break;
			if (from <= prev + 30)
				continue;
		}
		if (from > s->year_end ||
		    (x->end != DATE_NONE && to > x->end - 14))
			continue;
		if (GROW(s->abs, s->cabs, s->nabs + 1))
			return -1;
		struct svc_absence *a = &s->abs[s->nabs++];
		a->from = from;
		a->to = to > s->year_end ? DATE_NONE : to;
		a->reason = sick ? "Sickness" : "Parental leave";
		x->nabs++;
	}
	return 0;
}

static int by_start(const void *a, const void *b)
{
	const struct svc_iro *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return (x->slot > y->slot) - (x->slot < y->slot);
}

/*
 * The children with an IRO on each day from d0 to the year's end, as the
 * periods' planned first allocations give them.
 */
static int32_t *demand(const struct svc *s, int32_t d0)
{
	size_t n = (size_t)(s->year_end - d0) + 2;
	int32_t *c = calloc(n, sizeof *c);
	if (!c)
		return NULL;
	for (size_t i = 0; i < s->nper; i++) {
		const struct svc_per *p = &s->per[i];
		if (p->alloc == DATE_NONE)
			continue;
		c[p->alloc - d0]++;
		c[(p->end == DATE_NONE ? s->year_end : p->end) + 1 - d0]--;
	}
	for (size_t i = 1; i < n; i++)
		c[i] += c[i - 1];
	return c;
}

static int make_roster(struct svc *s, int32_t d0)
{
	int32_t *count = demand(s, d0);
	if (!count)
		return -1;
	struct rng r;
	rng_seed(&r, s->o->seed, STREAM_SERVICE + SS_ROSTER);
	int ratio = rng_between(&r, RATIO_LO, RATIO_HI);
	long posts = (count[s->year_end - d0] + ratio / 2) / ratio;
	if (posts < 1)
		posts = 1;
	s->nteams = posts < 6 ? 2 : posts < 16 ? 3 : 4;
	int32_t t = d0;
	int rc = 0;
	for (long k = 0; k < posts && !rc; k++) {
		while (t < s->year_end && count[t - d0] < k * ratio)
			t++;
		int32_t start = t <= s->win_start ? t - rng_between(&r, 0, Y(4))
						  : t - rng_between(&r, 0, 45);
		rc = fill_post(s, &r, (int)k, workday(s, start, -1));
	}
	free(count);
	for (size_t i = 0; i < s->niro && !rc; i++) {
		change_fte(s, &r, &s->iro[i]);
		rc = add_absences(s, &r, &s->iro[i]);
	}
	if (rc)
		return -1;
	qsort(s->iro, s->niro, sizeof *s->iro, by_start);
	unsigned long first = (unsigned long)rng_below(&r, 8000);
	for (size_t i = 0; i < s->niro; i++)
		name_iro(first + i, s->iro[i].name, sizeof s->iro[i].name);
	return 0;
}

/* ---- Families ----------------------------------------------------------- */

static const struct svc_per *first_per(const struct svc *s, uint32_t k)
{
	return &s->per[s->kid[k].per];
}

static bool in_care_together(const struct svc *s, uint32_t a, uint32_t b)
{
	const struct svc_kid *x = &s->kid[a], *y = &s->kid[b];
	for (uint32_t i = 0; i < x->nper; i++)
		for (uint32_t j = 0; j < y->nper; j++) {
			const struct svc_per *p = &s->per[x->per + i];
			const struct svc_per *q = &s->per[y->per + j];
			if (overlap(p->start, p->end, q->start, q->end))
				return true;
		}
	return false;
}

static bool ordinary(const struct svc_kid *k)
{
	return k->nper > 0 && k->link < 0 &&
	       !(k->flags & (KID_UASC | KID_SHORT_BREAKS));
}

/* A baby born on the mother's MC_DOB who came into care while she was;
 * `by_dob` lists the children by date of birth. */
static void find_baby(struct svc *s, const struct keyed *by_dob, uint32_t m)
{
	struct svc_kid *mk = &s->kid[m];
	size_t lo = 0, hi = s->nkid;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (by_dob[mid].key < mk->mc_dob)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < s->nkid && by_dob[i].key == mk->mc_dob; i++) {
		uint32_t b = by_dob[i].i;
		const struct svc_per *p = first_per(s, b);
		if (b == m || !ordinary(&s->kid[b]) ||
		    p->start > s->kid[b].dob + 365 ||
		    !in_care_together(s, m, b))
			continue;
		mk->link = (int32_t)b;
		mk->flags |= KID_MOTHER;
		s->kid[b].link = (int32_t)m;
		s->kid[b].flags |= KID_BABY;
		s->st->parent_links++;
		return;
	}
}

static int link_mothers(struct svc *s, struct rng *r)
{
	struct keyed *by_dob = keyed_new(s->nkid);
	if (!by_dob)
		return -1;
	for (size_t i = 0; i < s->nkid; i++)
		by_dob[i] = (struct keyed){ s->kid[i].dob, (uint32_t)i };
	svc_sort(by_dob, s->nkid);
	for (size_t m = 0; m < s->nkid; m++) {
		struct svc_kid *k = &s->kid[m];
		if (k->mc_dob != DATE_NONE && k->link < 0 && k->nper > 0 &&
		    !(k->flags & KID_SHORT_BREAKS) &&
		    rng_chance(r, P_LINK_MOTHER))
			find_baby(s, by_dob, (uint32_t)m);
	}
	free(by_dob);
	return 0;
}

/* The day a child came into care for the last time. */
static int32_t last_entry(const struct svc *s, uint32_t k)
{
	const struct svc_kid *x = &s->kid[k];
	return s->per[x->per + x->nper - 1].start;
}

/* Children sort by ethnicity, then by when they last came into care. */
static int64_t family_key(const struct svc *s, uint32_t k)
{
	const char *e = s->kid[k].ethnic;
	uint32_t code = 0;
	for (int i = 0; i < 4 && e[i]; i++)
		code |= (uint32_t)(unsigned char)e[i] << (24 - 8 * i);
	return KEY2(code, last_entry(s, k));
}

/* Whether child b could be a sibling of the n children in m. */
static bool could_be_sibling(const struct svc *s, const uint32_t *m, size_t n,
			     uint32_t b)
{
	int32_t db = s->kid[b].dob;
	for (size_t i = 0; i < n; i++) {
		int32_t gap = abs(s->kid[m[i]].dob - db);
		if (gap < 300 || gap > Y(14))
			return false;
	}
	return true;
}

/* s->members: the children of each group, in the order listed. */
static int list_members(struct svc *s)
{
	size_t ng = (size_t)s->ngroups;
	s->group_first = calloc(ng + 2, sizeof *s->group_first);
	s->members = malloc((s->nkid + 1) * sizeof *s->members);
	if (!s->group_first || !s->members)
		return -1;
	for (size_t i = 0; i < s->nkid; i++)
		if (s->kid[i].group >= 0)
			s->group_first[s->kid[i].group + 2]++;
	for (size_t g = 0; g < ng; g++)
		s->group_first[g + 2] += s->group_first[g + 1];
	/* group_first[g + 1] counts up as group g is filled */
	for (size_t i = 0; i < s->nkid; i++)
		if (s->kid[i].group >= 0)
			s->members[s->group_first[s->kid[i].group + 1]++] =
				(uint32_t)i;
	return 0;
}

static int make_groups(struct svc *s, struct rng *r)
{
	struct keyed *c = keyed_new(s->nkid);
	int32_t *renumber = NULL;
	if (!c)
		return -1;
	size_t n = 0;
	for (size_t i = 0; i < s->nkid; i++)
		if (ordinary(&s->kid[i]))
			c[n++] = (struct keyed){ family_key(s, (uint32_t)i),
						 (uint32_t)i };
	svc_sort(c, n);
	long groups = 0;
	size_t grouped = 0;
	for (size_t i = 0; i < n; i++) {
		uint32_t a = c[i].i;
		if (s->kid[a].group >= 0 || !rng_chance(r, P_GROUP) ||
		    grouped > GROUPED_SHARE * (double)(i + 1))
			continue;
		size_t want = 2 + rng_weighted(r, GROUP_SIZE_W,
					       ARRAY_LEN(GROUP_SIZE_W));
		uint32_t m[4] = { a };
		size_t nm = 1;
		for (size_t j = i + 1; j < n && nm < want; j++) {
			uint32_t b = c[j].i;
			if (strcmp(s->kid[b].ethnic, s->kid[a].ethnic) != 0 ||
			    last_entry(s, b) - last_entry(s, a) >
				    GROUP_ENTRY_DAYS)
				break;
			if (s->kid[b].group < 0 &&
			    could_be_sibling(s, m, nm, b))
				m[nm++] = b;
		}
		if (nm < 2)
			continue;
		for (size_t k = 0; k < nm; k++)
			s->kid[m[k]].group = (int32_t)groups;
		groups++;
		grouped += nm;
	}
	/* Number the groups in the order their first child is listed. */
	renumber = malloc(((size_t)groups + 1) * sizeof *renumber);
	s->group_override =
		calloc((size_t)groups + 1, sizeof *s->group_override);
	if (!renumber || !s->group_override) {
		free(c);
		free(renumber);
		return -1;
	}
	for (long g = 0; g < groups; g++)
		renumber[g] = -1;
	s->ngroups = 0;
	for (size_t i = 0; i < s->nkid; i++) {
		int32_t g = s->kid[i].group;
		if (g < 0)
			continue;
		if (renumber[g] < 0) {
			renumber[g] = (int32_t)s->ngroups++;
			s->group_override[renumber[g]] =
				rng_chance(r, P_GROUP_OVERRIDE);
		}
		s->kid[i].group = renumber[g];
	}
	free(renumber);
	free(c);
	s->st->sibling_groups = s->ngroups;
	return list_members(s);
}

/* ---- Allocation, day by day --------------------------------------------- */

struct sim {
	struct svc *s;
	struct rng r;
	int32_t *cur;        /* per period: its IRO now, or -1 */
	int32_t *seg_start;  /* since when */
	uint8_t *seg_reason; /* and why */
	uint32_t *act;       /* the periods with an IRO now */
	size_t nact;
	uint32_t *act_pos;
	int32_t *kid_per;    /* per child: its period with an IRO now, or -1 */
	int32_t *load;       /* per IRO: children now */
	uint32_t *post;      /* the IROs in post */
	size_t npost;
	uint32_t *post_pos;
	int32_t *group_iro;  /* the IRO of a group's children */
	int32_t *group_n;    /* how many of them have one now */
	uint32_t *wait;      /* periods waiting for an IRO */
	uint8_t *wait_reason;
	size_t nwait, cwait, cwait_reason;
	uint32_t *by_iro;    /* scratch: periods by IRO */
	size_t *iro_first;
	bool oom;
};

static bool group_shares(const struct svc *s, int32_t g)
{
	return g >= 0 && !s->group_override[g];
}

/* Whether x may take a child on day d: not one of excl, and (when
 * `strict`) not away and not leaving soon. */
static bool may_take(const struct sim *m, uint32_t x, int32_t d,
		     const int32_t *excl, size_t nexcl, bool strict)
{
	for (size_t i = 0; i < nexcl; i++)
		if (excl[i] == (int32_t)x)
			return false;
	if (!strict)
		return true;
	const struct svc_iro *i = &m->s->iro[x];
	return end_or_max(i->end) >= d + LEAVING_SOON &&
	       !svc_absent(m->s, i, d, d);
}

/* Children per FTE, weighed by what the IRO can take. */
static double per_fte(const struct sim *m, uint32_t x, int32_t d, int extra)
{
	const struct svc_iro *i = &m->s->iro[x];
	return (m->load[x] + extra) / (svc_fte_on(i, d) * i->capacity);
}

/* Whether x would have fewer children per FTE than `best` (-1: none). */
static bool lighter(const struct sim *m, uint32_t x, int32_t best, int32_t d)
{
	return best < 0 ||
	       per_fte(m, x, d, 1) < per_fte(m, (uint32_t)best, d, 1);
}

enum pick {
	PICK_SAMPLE, /* of SAMPLE drawn at random, else of all */
	PICK_ALL,    /* of all */
	PICK_FREE,   /* of all not away nor leaving soon */
};

/* The least loaded of the IROs in post that may take a child; any who is
 * not excluded, when none else may and `how` allows. -1 when none may. */
static int32_t choose(struct sim *m, int32_t d, const int32_t *excl,
		      size_t nexcl, enum pick how)
{
	bool sample = how == PICK_SAMPLE;
	int32_t best = -1;
	if (sample && m->npost > SAMPLE) {
		for (int i = 0; i < SAMPLE; i++) {
			uint32_t x = m->post[rng_below(&m->r,
						       (uint32_t)m->npost)];
			if (may_take(m, x, d, excl, nexcl, true) &&
			    lighter(m, x, best, d))
				best = (int32_t)x;
		}
		if (best >= 0)
			return best;
	}
	int loosest = how == PICK_FREE ? 1 : 0;
	for (int strict = 1; strict >= loosest && best < 0; strict--)
		for (size_t i = 0; i < m->npost; i++) {
			uint32_t x = m->post[i];
			if (may_take(m, x, d, excl, nexcl, strict) &&
			    lighter(m, x, best, d))
				best = (int32_t)x;
		}
	return best;
}

/* The IROs child k must not have now: its mother's or baby's, and the
 * siblings' when a manager has given them different IROs. */
static size_t exclusions(const struct sim *m, uint32_t k, int32_t *excl,
			 size_t n)
{
	const struct svc_kid *kd = &m->s->kid[k];
	if (kd->link >= 0 && m->kid_per[kd->link] >= 0)
		excl[n++] = m->cur[m->kid_per[kd->link]];
	if (kd->group >= 0 && m->s->group_override[kd->group]) {
		for (size_t i = m->s->group_first[kd->group];
		     i < m->s->group_first[kd->group + 1]; i++) {
			uint32_t b = m->s->members[i];
			if (b != k && m->kid_per[b] >= 0 && n < MAX_EXCLUDED)
				excl[n++] = m->cur[m->kid_per[b]];
		}
	}
	return n;
}

static void push_alloc(struct sim *m, uint32_t p, int32_t last)
{
	struct svc *s = m->s;
	if (GROW(s->alloc, s->calloc, s->nalloc + 1)) {
		m->oom = true;
		return;
	}
	s->alloc[s->nalloc++] = (struct svc_alloc){
		.kid = s->per[p].kid,
		.iro = (uint32_t)m->cur[p],
		.start = m->seg_start[p],
		.end = last,
		.reason = m->seg_reason[p],
	};
}

/* Period p gets IRO x from day d. */
static void give(struct sim *m, uint32_t p, int32_t x, int32_t d,
		 uint8_t reason)
{
	uint32_t k = m->s->per[p].kid;
	int32_t g = m->s->kid[k].group;
	m->cur[p] = x;
	m->seg_start[p] = d;
	m->seg_reason[p] = reason;
	m->load[x]++;
	m->act_pos[p] = (uint32_t)m->nact;
	m->act[m->nact++] = p;
	m->kid_per[k] = (int32_t)p;
	if (g >= 0) {
		m->group_iro[g] = x;
		m->group_n[g]++;
	}
}

/* Period p's IRO ends on `last`. */
static void take(struct sim *m, uint32_t p, int32_t last)
{
	uint32_t k = m->s->per[p].kid;
	int32_t g = m->s->kid[k].group;
	push_alloc(m, p, last);
	m->load[m->cur[p]]--;
	m->cur[p] = -1;
	uint32_t i = m->act_pos[p];
	m->act[i] = m->act[--m->nact];
	m->act_pos[m->act[i]] = i;
	m->kid_per[k] = -1;
	if (g >= 0)
		m->group_n[g]--;
}

/* Period p moves to IRO y from day d. */
static void move(struct sim *m, uint32_t p, int32_t y, int32_t d)
{
	int32_t g = m->s->kid[m->s->per[p].kid].group;
	push_alloc(m, p, d - 1);
	m->load[m->cur[p]]--;
	m->cur[p] = y;
	m->seg_start[p] = d;
	m->seg_reason[p] = AR_TRANSFER;
	m->load[y]++;
	if (g >= 0)
		m->group_iro[g] = y;
}

static void wait_for_iro(struct sim *m, uint32_t p, uint8_t reason)
{
	if (GROW(m->wait, m->cwait, m->nwait + 1) ||
	    GROW(m->wait_reason, m->cwait_reason, m->nwait + 1)) {
		m->oom = true;
		return;
	}
	m->wait[m->nwait] = p;
	m->wait_reason[m->nwait++] = reason;
}

/* Period p needs an IRO from day d; false if it has to wait. */
static bool allocate(struct sim *m, uint32_t p, int32_t d, uint8_t reason)
{
	const struct svc_per *pp = &m->s->per[p];
	if (pp->end != DATE_NONE && d >= pp->end)
		return true; /* out of care before anyone could be */
	int32_t g = m->s->kid[pp->kid].group;
	int32_t x;
	if (group_shares(m->s, g) && m->group_n[g] > 0) {
		x = m->group_iro[g];
	} else {
		int32_t excl[MAX_EXCLUDED];
		size_t n = exclusions(m, pp->kid, excl, 0);
		x = choose(m, d, excl, n, PICK_SAMPLE);
	}
	if (x < 0)
		return false;
	give(m, p, x, d, reason);
	return true;
}

/* The periods that move with p: its sibling group's, when they share an
 * IRO, else p alone. Returns how many (at most 4). */
static size_t unit_of(const struct sim *m, uint32_t p, uint32_t *unit)
{
	int32_t g = m->s->kid[m->s->per[p].kid].group;
	if (!group_shares(m->s, g)) {
		unit[0] = p;
		return 1;
	}
	size_t n = 0;
	const size_t *first = m->s->group_first;
	for (size_t i = first[g]; i < first[g + 1]; i++) {
		int32_t q = m->kid_per[m->s->members[i]];
		if (q >= 0 && n < 4)
			unit[n++] = (uint32_t)q;
	}
	return n;
}

/* IRO x left on day d - 1: their children move on day d. */
static void hand_over(struct sim *m, uint32_t x, int32_t d)
{
	size_t n = 0;
	for (size_t i = 0; i < m->nact; i++)
		if (m->cur[m->act[i]] == (int32_t)x)
			m->by_iro[n++] = m->act[i];
	for (size_t i = 0; i < n; i++) {
		uint32_t p = m->by_iro[i];
		if (m->cur[p] != (int32_t)x)
			continue; /* moved with a sibling */
		uint32_t unit[4];
		size_t nu = unit_of(m, p, unit);
		int32_t excl[MAX_EXCLUDED] = { (int32_t)x };
		size_t ne = exclusions(m, m->s->per[p].kid, excl, 1);
		int32_t y = choose(m, d, excl, ne, PICK_ALL);
		for (size_t u = 0; u < nu; u++) {
			uint32_t q = unit[u];
			int32_t end = m->s->per[q].end;
			if (y >= 0 && (end == DATE_NONE || d < end)) {
				move(m, q, y, d);
			} else {
				take(m, q, d - 1);
				if (end == DATE_NONE || d < end)
					wait_for_iro(m, q, AR_TRANSFER);
			}
		}
	}
}

/* Groups the periods with an IRO by IRO (m->by_iro, m->iro_first). */
static void sort_by_iro(struct sim *m)
{
	size_t ni = m->s->niro;
	memset(m->iro_first, 0, (ni + 1) * sizeof *m->iro_first);
	for (size_t i = 0; i < m->nact; i++)
		m->iro_first[m->cur[m->act[i]] + 1]++;
	for (size_t x = 0; x < ni; x++)
		m->iro_first[x + 1] += m->iro_first[x];
	for (size_t i = 0; i < m->nact; i++) {
		uint32_t p = m->act[i];
		m->by_iro[m->iro_first[m->cur[p]]++] = p;
	}
	for (size_t x = ni; x > 0; x--)
		m->iro_first[x] = m->iro_first[x - 1];
	m->iro_first[0] = 0;
}

/* Whether the periods of a unit may move on day d: each has had its IRO
 * SETTLED days or more and is not about to end. */
static bool settled(const struct sim *m, const uint32_t *unit, size_t nu,
		    int32_t d)
{
	for (size_t u = 0; u < nu; u++) {
		int32_t end = m->s->per[unit[u]].end;
		if (m->seg_start[unit[u]] > d - SETTLED ||
		    (end != DATE_NONE && end <= d + 30))
			return false;
	}
	return true;
}

/* Moves settled children from IRO x, if more than `over` times the
 * average `avg` children per FTE, to the least loaded until x is near it. */
static void relieve(struct sim *m, uint32_t x, int32_t d, double avg,
		    double over)
{
	const struct svc_iro *me = &m->s->iro[x];
	double target = avg * svc_fte_on(me, d) * me->capacity;
	if (m->load[x] <= target * over + 1)
		return;
	long want = m->load[x] - (long)(target * 1.02);
	if (want > MAX_MOVES)
		want = MAX_MOVES;
	size_t lo = m->iro_first[x], n = m->iro_first[x + 1] - lo;
	size_t off = n ? rng_below(&m->r, (uint32_t)n) : 0;
	for (size_t i = 0; i < n && want > 0; i++) {
		uint32_t p = m->by_iro[lo + (off + i) % n];
		if (m->cur[p] != (int32_t)x)
			continue; /* moved with a sibling */
		uint32_t unit[4];
		size_t nu = unit_of(m, p, unit);
		if (!settled(m, unit, nu, d))
			continue;
		int32_t excl[MAX_EXCLUDED] = { (int32_t)x };
		size_t ne = exclusions(m, m->s->per[p].kid, excl, 1);
		int32_t y = choose(m, d, excl, ne, PICK_FREE);
		if (y < 0 || per_fte(m, (uint32_t)y, d, (int)nu) > avg)
			break;
		for (size_t u = 0; u < nu; u++)
			move(m, unit[u], y, d);
		want -= (long)nu;
	}
}

/* The monthly look at caseloads: the heaviest hand children on, and
 * everyone a little when someone (new in post) has few. */
static void rebalance(struct sim *m, int32_t d)
{
	double load = 0, fte = 0;
	for (size_t i = 0; i < m->npost; i++) {
		uint32_t x = m->post[i];
		if (may_take(m, x, d, NULL, 0, true)) {
			load += m->load[x];
			const struct svc_iro *me = &m->s->iro[x];
			fte += svc_fte_on(me, d) * me->capacity;
		}
	}
	if (fte <= 0)
		return;
	double avg = load / fte, over = REBALANCE_OVER;
	for (size_t i = 0; i < m->npost; i++) {
		uint32_t x = m->post[i];
		if (may_take(m, x, d, NULL, 0, true) &&
		    per_fte(m, x, d, 0) < avg * STARVED)
			over = 1.05;
	}
	sort_by_iro(m);
	for (size_t i = 0; i < m->npost; i++) {
		uint32_t x = m->post[i];
		if (may_take(m, x, d, NULL, 0, true))
			relieve(m, x, d, avg, over);
	}
}

static void post_add(struct sim *m, uint32_t x)
{
	m->post_pos[x] = (uint32_t)m->npost;
	m->post[m->npost++] = x;
}

static void post_remove(struct sim *m, uint32_t x)
{
	uint32_t i = m->post_pos[x];
	m->post[i] = m->post[--m->npost];
	m->post_pos[m->post[i]] = i;
}

/* The first working day of the month after d's. */
static int32_t next_month(const struct svc *s, int32_t d)
{
	int y, mo, dd;
	date_to_ymd(d, &y, &mo, &dd);
	int32_t t = date_add_months(date_from_ymd(y, mo, 1), 1);
	while (!cal_is_workday(s->cal, t))
		t++;
	return t;
}

static int sim_init(struct sim *m, struct svc *s)
{
	memset(m, 0, sizeof *m);
	m->s = s;
	rng_seed(&m->r, s->o->seed, STREAM_SERVICE + SS_ALLOCATION);
	size_t np = s->nper + 1, nk = s->nkid + 1, ni = s->niro + 1;
	size_t ng = (size_t)s->ngroups + 1;
	m->cur = malloc(np * sizeof *m->cur);
	m->seg_start = malloc(np * sizeof *m->seg_start);
	m->seg_reason = malloc(np);
	m->act = malloc(np * sizeof *m->act);
	m->act_pos = malloc(np * sizeof *m->act_pos);
	m->by_iro = malloc(np * sizeof *m->by_iro);
	m->kid_per = malloc(nk * sizeof *m->kid_per);
	m->load = calloc(ni, sizeof *m->load);
	m->post = malloc(ni * sizeof *m->post);
	m->post_pos = malloc(ni * sizeof *m->post_pos);
	m->iro_first = malloc((ni + 1) * sizeof *m->iro_first);
	m->group_iro = calloc(ng, sizeof *m->group_iro);
	m->group_n = calloc(ng, sizeof *m->group_n);
	if (!m->cur || !m->seg_start || !m->seg_reason || !m->act ||
	    !m->act_pos || !m->by_iro || !m->kid_per || !m->load || !m->post ||
	    !m->post_pos || !m->iro_first || !m->group_iro || !m->group_n)
		return -1;
	for (size_t i = 0; i < s->nper; i++)
		m->cur[i] = -1;
	for (size_t i = 0; i < s->nkid; i++)
		m->kid_per[i] = -1;
	return 0;
}

static void sim_free(struct sim *m)
{
	free(m->cur);
	free(m->seg_start);
	free(m->seg_reason);
	free(m->act);
	free(m->act_pos);
	free(m->by_iro);
	free(m->kid_per);
	free(m->load);
	free(m->post);
	free(m->post_pos);
	free(m->iro_first);
	free(m->group_iro);
	free(m->group_n);
	free(m->wait);
	free(m->wait_reason);
}

/* Tries the periods waiting for an IRO again. */
static void retry_waiting(struct sim *m, int32_t d)
{
	size_t keep = 0;
	for (size_t i = 0; i < m->nwait; i++) {
		uint32_t p = m->wait[i];
		uint8_t why = m->wait_reason[i];
		if (!allocate(m, p, d, why)) {
			m->wait[keep] = p;
			m->wait_reason[keep++] = why;
		}
	}
	m->nwait = keep;
}

/* Event lists: periods by allocation day and by end, IROs by end. */
struct events {
	struct keyed *starts, *ends, *leavers;
	size_t nstarts, nends, nleavers;
};

static int make_events(const struct svc *s, struct events *ev)
{
	memset(ev, 0, sizeof *ev);
	ev->starts = keyed_new(s->nper);
	ev->ends = keyed_new(s->nper);
	ev->leavers = keyed_new(s->niro);
	if (!ev->starts || !ev->ends || !ev->leavers)
		return -1;
	for (size_t i = 0; i < s->nper; i++) {
		const struct svc_per *p = &s->per[i];
		if (p->alloc == DATE_NONE)
			continue;
		ev->starts[ev->nstarts++] =
			(struct keyed){ p->alloc, (uint32_t)i };
		if (p->end != DATE_NONE)
			ev->ends[ev->nends++] =
				(struct keyed){ p->end, (uint32_t)i };
	}
	for (size_t i = 0; i < s->niro; i++)
		if (s->iro[i].end != DATE_NONE)
			ev->leavers[ev->nleavers++] =
				(struct keyed){ s->iro[i].end, (uint32_t)i };
	svc_sort(ev->starts, ev->nstarts);
	svc_sort(ev->ends, ev->nends);
	svc_sort(ev->leavers, ev->nleavers);
	return 0;
}

static void free_events(struct events *ev)
{
	free(ev->starts);
	free(ev->ends);
	free(ev->leavers);
}

static int simulate(struct svc *s, int32_t d0)
{
	struct sim m;
	struct events ev = { 0 };
	int rc = -1;
	if (sim_init(&m, s) || make_events(s, &ev))
		goto out;
	size_t ai = 0, ei = 0, si = 0, li = 0;
	int32_t monthly = next_month(s, s->win_start - 1);
	for (int32_t d = d0; d <= s->year_end && !m.oom; d++) {
		for (; ei < ev.nends && ev.ends[ei].key < d; ei++)
			if (m.cur[ev.ends[ei].i] >= 0)
				take(&m, ev.ends[ei].i,
				     (int32_t)ev.ends[ei].key);
		for (; si < s->niro && s->iro[si].start <= d; si++)
			post_add(&m, (uint32_t)si);
		for (; li < ev.nleavers && ev.leavers[li].key < d; li++) {
			post_remove(&m, ev.leavers[li].i);
			hand_over(&m, ev.leavers[li].i, d);
		}
		if (m.nwait)
			retry_waiting(&m, d);
		for (; ai < ev.nstarts && ev.starts[ai].key <= d; ai++)
			if (!allocate(&m, ev.starts[ai].i, d, AR_NEW))
				wait_for_iro(&m, ev.starts[ai].i, AR_NEW);
		if (d == monthly) {
			rebalance(&m, d);
			monthly = next_month(s, d);
		}
	}
	while (m.nact && !m.oom)
		take(&m, m.act[0], s->per[m.act[0]].end);
	rc = m.oom ? -1 : 0;
out:
	free_events(&ev);
	sim_free(&m);
	return rc;
}

/* ---- Overrides and cover ------------------------------------------------ */

static int by_kid_start(const void *a, const void *b)
{
	const struct svc_alloc *x = a, *y = b;
	if (x->kid != y->kid)
		return x->kid < y->kid ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->reason != y->reason)
		return x->reason < y->reason ? -1 : 1;
	return (x->iro > y->iro) - (x->iro < y->iro);
}

/* Indexes s->alloc (sorted by child) by child. */
static int index_allocs(struct svc *s)
{
	if (s->nalloc > 1)
		qsort(s->alloc, s->nalloc, sizeof *s->alloc, by_kid_start);
	free(s->kid_alloc);
	s->kid_alloc = calloc(s->nkid + 1, sizeof *s->kid_alloc);
	if (!s->kid_alloc)
		return -1;
	for (size_t i = 0; i < s->nalloc; i++)
		s->kid_alloc[s->alloc[i].kid + 1]++;
	for (size_t k = 0; k < s->nkid; k++)
		s->kid_alloc[k + 1] += s->kid_alloc[k];
	return 0;
}

/* Child k's allocations that overlap sibling b's to another IRO carry the
 * manager's reason. */
static void mark_pair(struct svc *s, uint32_t k, uint32_t b)
{
	for (size_t i = s->kid_alloc[k]; i < s->kid_alloc[k + 1]; i++)
		for (size_t j = s->kid_alloc[b]; j < s->kid_alloc[b + 1]; j++) {
			struct svc_alloc *x = &s->alloc[i];
			const struct svc_alloc *y = &s->alloc[j];
			if (x->iro != y->iro &&
			    overlap(x->start, x->end, y->start, y->end))
				x->override = true;
		}
}

/* In a group given different IROs, every allocation that overlaps a
 * sibling's to another IRO carries the manager's reason (whichever of the
 * two is loaded first). */
static void mark_overrides(struct svc *s)
{
	for (long g = 0; g < s->ngroups; g++) {
		if (!s->group_override[g])
			continue;
		const size_t *first = s->group_first;
		for (size_t a = first[g]; a < first[g + 1]; a++)
			for (size_t b = first[g]; b < first[g + 1]; b++)
				if (a != b)
					mark_pair(s, s->members[a],
						  s->members[b]);
	}
}

/* Whether child k may have IRO y from `from` to `to` as cover: its mother
 * or baby has no allocation to y on any of those days (covers included,
 * the ones made so far). */
static bool cover_ok(const struct svc *s, const struct svc_alloc *covers,
		     size_t ncovers, uint32_t k, uint32_t y, int32_t from,
		     int32_t to)
{
	int32_t l = s->kid[k].link;
	if (l < 0)
		return true;
	for (size_t i = s->kid_alloc[l]; i < s->kid_alloc[l + 1]; i++)
		if (s->alloc[i].iro == y &&
		    overlap(s->alloc[i].start, s->alloc[i].end, from, to))
			return false;
	for (size_t i = 0; i < ncovers; i++)
		if (covers[i].kid == (uint32_t)l && covers[i].iro == y &&
		    overlap(covers[i].start, covers[i].end, from, to))
			return false;
	return true;
}

/* Up to COVER_BUDDIES colleagues who can cover all of absence a of IRO
 * x: in post throughout, not away themselves, their own team first. */
static size_t buddies(const struct svc *s, struct rng *r, uint32_t x,
		      const struct svc_absence *a, uint32_t *out,
		      uint32_t *scratch)
{
	size_t n = 0, same = 0;
	int32_t to = a->to == DATE_NONE ? s->year_end : a->to;
	for (uint32_t y = 0; y < s->niro; y++) {
		const struct svc_iro *i = &s->iro[y];
		if (y == x || i->start > a->from ||
		    (i->end != DATE_NONE &&
		     (a->to == DATE_NONE || i->end < a->to)) ||
		    svc_absent(s, i, a->from, to))
			continue;
		scratch[n++] = y;
		if (i->team == s->iro[x].team) {
			uint32_t t = scratch[same];
			scratch[same++] = y;
			scratch[n - 1] = t;
		}
	}
	/* shuffle each part, then take the first few */
	for (size_t i = 0; i < n; i++) {
		size_t lo = i < same ? 0 : same, hi = i < same ? same : n;
		size_t j = lo + rng_below(r, (uint32_t)(hi - lo));
		uint32_t t = scratch[i];
		scratch[i] = scratch[j];
		scratch[j] = t;
	}
	size_t take_n = n < COVER_BUDDIES ? n : COVER_BUDDIES;
	memcpy(out, scratch, take_n * sizeof *out);
	return take_n;
}

static int add_cover(struct svc_alloc **covers, size_t *n, size_t *cap,
		     const struct svc_alloc *c)
{
	if (GROW(*covers, *cap, *n + 1))
		return -1;
	(*covers)[(*n)++] = *c;
	return 0;
}

/* The cover allocations of IRO x's children during absence a. */
static int cover_absence(struct svc *s, struct rng *r, uint32_t x,
			 const struct svc_absence *a, const uint32_t *mains,
			 size_t nmains, struct svc_alloc **covers,
			 size_t *ncovers, size_t *cap, uint32_t *scratch)
{
	uint32_t b[COVER_BUDDIES];
	size_t nb = buddies(s, r, x, a, b, scratch);
	if (nb == 0)
		return 0;
	for (size_t i = 0; i < nmains; i++) {
		const struct svc_alloc *m = &s->alloc[mains[i]];
		if (!overlap(m->start, m->end, a->from, a->to))
			continue;
		struct svc_alloc c = { .kid = m->kid, .reason = AR_COVER };
		c.start = max32(a->from, m->start);
		c.end = a->to == DATE_NONE ? m->end
			: m->end == DATE_NONE ? a->to
					      : min32(a->to, m->end);
		/* a cover starting on a period's last day would start
		 * after the child left care */
		if (m->end != DATE_NONE && c.start >= m->end)
			continue;
		int32_t g = s->kid[m->kid].group;
		/* siblings to the same colleague */
		uint64_t key = g >= 0 ? (uint64_t)g
				      : m->kid + (UINT64_C(1) << 32);
		uint64_t h = rng_hash(x, key);
		for (size_t t = 0; t < nb; t++) {
			uint32_t y = b[(h + t) % nb];
			if (cover_ok(s, *covers, *ncovers, m->kid, y, c.start,
				     c.end)) {
				c.iro = y;
				if (add_cover(covers, ncovers, cap, &c))
					return -1;
				break;
			}
		}
	}
	return 0;
}

static int make_covers(struct svc *s)
{
	struct rng r;
	rng_seed(&r, s->o->seed, STREAM_SERVICE + SS_COVER);
	struct keyed *order = keyed_new(s->nalloc);
	uint32_t *scratch = malloc((s->niro + 1) * sizeof *scratch);
	uint32_t *mains = malloc((s->nalloc + 1) * sizeof *mains);
	struct svc_alloc *covers = NULL;
	size_t ncovers = 0, cap = 0;
	int rc = -1;
	if (!order || !scratch || !mains)
		goto out;
	for (size_t i = 0; i < s->nalloc; i++)
		order[i] = (struct keyed){ KEY2(s->alloc[i].iro,
						s->alloc[i].start),
					   (uint32_t)i };
	svc_sort(order, s->nalloc);
	for (size_t i = 0; i < s->nalloc; i++)
		mains[i] = order[i].i;
	size_t lo = 0;
	for (uint32_t x = 0; x < s->niro; x++) {
		size_t hi = lo;
		while (hi < s->nalloc && s->alloc[mains[hi]].iro == x)
			hi++;
		const struct svc_iro *i = &s->iro[x];
		for (uint32_t k = 0; k < i->nabs; k++) {
			const struct svc_absence *a = &s->abs[i->abs + k];
			int32_t to = a->to == DATE_NONE ? s->year_end : a->to;
			if (to - a->from + 1 < LONG_ABSENCE)
				continue;
			if (cover_absence(s, &r, x, a, mains + lo, hi - lo,
					  &covers, &ncovers, &cap, scratch))
				goto out;
		}
		lo = hi;
	}
	if (GROW(s->alloc, s->calloc, s->nalloc + ncovers))
		goto out;
	if (ncovers)
		memcpy(s->alloc + s->nalloc, covers, ncovers * sizeof *covers);
	s->nalloc += ncovers;
	rc = index_allocs(s);
out:
	free(order);
	free(mains);
	free(scratch);
	free(covers);
	return rc;
}

/* ---- Lookups for the records -------------------------------------------- */

int svc_iro_on(const struct svc *s, uint32_t k, int32_t day)
{
	int main_iro = -1, cover = -1;
	for (size_t i = s->kid_alloc[k]; i < s->kid_alloc[k + 1]; i++) {
		const struct svc_alloc *a = &s->alloc[i];
		if (a->start > day || day > end_or_max(a->end))
			continue;
		if (a->reason == AR_COVER)
			cover = (int)a->iro;
		else
			main_iro = (int)a->iro;
	}
	return main_iro >= 0 && cover >= 0 ? cover : main_iro;
}

int svc_anyone_on(const struct svc *s, int32_t day, uint64_t hint)
{
	for (size_t t = 0; t < s->niro; t++) {
		size_t x = (hint + t) % s->niro;
		if (svc_in_post(&s->iro[x], day) &&
		    !svc_absent(s, &s->iro[x], day, day))
			return (int)x;
	}
	return -1;
}

int svc_plan(struct svc *s, struct err *e)
{
	int32_t d0 = s->year_end;
	for (size_t i = 0; i < s->nper; i++)
		if (s->per[i].alloc != DATE_NONE)
			d0 = min32(d0, s->per[i].alloc);
	struct rng r;
	rng_seed(&r, s->o->seed, STREAM_SERVICE + SS_FAMILIES);
	if (make_roster(s, d0) || link_mothers(s, &r) || make_groups(s, &r) ||
	    simulate(s, d0) || index_allocs(s))
		return err_set(e, "out of memory planning the IROs' caseloads");
	mark_overrides(s);
	if (make_covers(s))
		return err_set(e, "out of memory planning cover");
	s->st->iros = (long)s->niro;
	return 0;
}
