/*
 * synth_service.c - service.jsonl, the records of the synthetic IRO
 * service (synth_service.h): its files, the settings, the children's own
 * details, their episodes and allocations, the IROs and quality
 * assurance. The IROs and allocations are planned in synth_staff.c;
 * reviews and what goes with them are written by synth_reviews.c; practice
 * alerts, with the social work teams and the ladder they climb, by
 * synth_alerts.c.
 *
 * The kinds must come in the order of docs/records.md, but the children
 * are made one at a time. So pass 1 writes the episodes to a temporary
 * file; svc_begin writes the settings, teams, ladder, IROs and children
 * (from what pass 1 kept of them), copies the episodes and writes the
 * allocations; pass 2 writes the reviews straight to the file and the
 * kinds after them (alerts too) to a temporary file each, copied in at the
 * end, quality assurance before the alerts. Temporary files are unlinked
 * as soon as they are open.
 *
 *  - Children: the SSDA903 header again (SEX 1/2 as M/F), with made-up
 *    names (sibling groups mostly share a family name, a baby its
 *    mother's), disability for category of need N2, the social work team
 *    (Disabled Children for short breaks and N2, Leaving Care at 16+, the
 *    Court Team in the first year of a care order, else one of two
 *    Children in Care teams) and one of its social workers (16 children
 *    each).
 *  - Allocations: the first IRO of a period 0-5 working days after it
 *    starts, 6% of them 6-15 (the rest is synth_staff.c's).
 *  - Settings: the authority's name, and its dispute-resolution ladder
 *    (Buckinghamshire's, synth_alerts.c).
 *  - Quality assurance, in the last two collection years: for each IRO in
 *    post, supervision in 90% of months, an observation in one month in
 *    six, and an audit of a child on their caseload in one month in three
 *    (three in four of them case file audits).
 */
#include "lib/common.h"
#include <math.h>
#include "lib/err.h"
#include "lib/xalloc.h"
#include "core/date.h"
#include "io/synth.h"
#include "io/synth_names.h"
#include "io/synth_svc.h"
#include "io/synth_util.h"

#define P_LATE_ALLOCATION 0.06
#define IOBUF ((size_t)1 << 20)
#define SW_CASELOAD 16 /* children per social worker */
#define P_SUPERVISION 0.9
#define P_OBSERVATION (1.0 / 6)
#define P_AUDIT (1.0 / 3)
#define P_CASE_FILE_AUDIT 0.75

static const char *const KIND_NAMES[OUT_COUNT] = {
	"child", "episode", "allocation", "review", "recommendation",
	"consultation", "oversight", "contact", "advocacy", "feedback",
	"alert",
};

static const char *const SW_TEAMS[] = {
	"Children in Care 1", "Children in Care 2", "Leaving Care",
	"Disabled Children", "Court Team",
};
enum { SWT_CIC1, SWT_CIC2, SWT_LEAVING, SWT_DISABLED, SWT_COURT };

const char *svc_sw_team(int team)
{
	return team >= 0 && (size_t)team < ARRAY_LEN(SW_TEAMS) ? SW_TEAMS[team]
							      : NULL;
}

static const char *const OVERRIDES[] = {
	"Siblings placed 80 miles apart; IRO local to each placement",
	"Siblings have separate care plans and separate court proceedings",
	"Older sibling's IRO has known them for years; continuity agreed",
	"Conflict of interest for one sibling's IRO; agreed by the manager",
};

static const char *const SUPERVISION_NOTES[] = {
	"Monthly supervision: caseload, overdue actions and escalations",
	"Supervision: case discussion and dispute resolution",
	"Supervision: timeliness of minutes and visits",
	"Supervision: wellbeing, training and caseload",
};
static const char *const OBSERVATION_NOTES[] = {
	"Observed chairing a review: child's voice well evidenced",
	"Observed review: good challenge of drift in the plan",
	"Observed review: meeting ran long; agenda to be tightened",
	"Observed a virtual review: all participants heard",
};
static const char *const AUDIT_NOTES[] = {
	"Good: minutes written to the child, recommendations SMART",
	"Requires improvement: midpoint check not recorded",
	"Good: IRO footprint clear between reviews",
	"Requires improvement: minutes sent late",
	"Outstanding: child's wishes and feelings central to the plan",
};

struct svc *svc_new(const struct synth_options *o, const struct calendar *cal,
		    struct synth_stats *st)
{
	struct svc *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->o = o;
	s->cal = cal;
	s->st = st;
	s->year_end = date_from_ymd(o->year + 1, 3, 31);
	s->win_start = date_from_ymd(o->year + 1 - o->history, 4, 1);
	s->recent3 = date_from_ymd(o->year - 2, 4, 1);
	s->recent2 = date_from_ymd(o->year - 1, 4, 1);
	s->horizon = date_add_months(s->year_end, 4);
	snprintf(s->authority, sizeof s->authority, "%s",
		 name_authority(rng_hash(o->seed, 0)));
	return s;
}

static void close_files(struct svc *s)
{
	for (int k = 0; k < OUT_COUNT; k++) {
		if (s->out[k])
			fclose(s->out[k]);
		s->out[k] = NULL;
	}
	if (s->f)
		fclose(s->f);
	s->f = NULL;
	for (int k = 0; k <= OUT_COUNT; k++) {
		free(s->iobuf[k]);
		s->iobuf[k] = NULL;
	}
}

/* Gives f a buffer of its own of IOBUF bytes (glibc ignores the size
 * asked for without one, and writes 4 KiB at a time). */
static void big_buffer(struct svc *s, FILE *f, int slot)
{
	s->iobuf[slot] = malloc(IOBUF);
	if (s->iobuf[slot])
		setvbuf(f, s->iobuf[slot], _IOFBF, IOBUF);
}

void svc_free(struct svc *s)
{
	if (!s)
		return;
	close_files(s);
	free(s->kid);
	free(s->per);
	free(s->iro);
	free(s->abs);
	free(s->alloc);
	free(s->kid_alloc);
	free(s->group_override);
	free(s->members);
	free(s->group_first);
	free(s->path);
	free(s->tmp);
	jl_free(&s->j);
	svc_reviews_free(s->rs);
	free(s);
}

/* ---- Pass 1 ------------------------------------------------------------- */

/* The day period p of child c gets its first IRO: 0-5 working days after
 * it starts (6-15 for a few), but not after its first review nor on (or
 * after) its last day; DATE_NONE when that is after the year's end. */
static int32_t first_allocation(const struct svc *s, struct rng *r,
				const struct synth_child *c,
				const struct period *p)
{
	int wd = rng_chance(r, P_LATE_ALLOCATION) ? rng_between(r, 6, 15)
						  : rng_between(r, 0, 5);
	int32_t a = cal_add_workdays(s->cal, p->start, wd);
	if (a == DATE_NONE)
		a = p->start;
	for (size_t i = 0; i < c->nheld; i++)
		if (c->held[i] >= p->start &&
		    (p->end == DATE_NONE || c->held[i] <= p->end)) {
			a = min32(a, c->held[i]);
			break;
		}
	if (p->end != DATE_NONE)
		a = min32(a, p->end - 1);
	return a < p->start || a > s->year_end ? DATE_NONE : a;
}

static bool disabled(const struct synth_child *c)
{
	for (size_t i = 0; i < c->neps; i++)
		if (strcmp(c->eps[i].cin, "N2") == 0)
			return true;
	return false;
}

static int sw_team(const struct svc *s, const struct synth_child *c);
static int write_episodes(struct svc *s, const struct synth_child *c);

int svc_collect(struct svc *s, const struct synth_child *c, struct err *e)
{
	if (GROW(s->kid, s->ckid, s->nkid + 1) ||
	    GROW(s->per, s->cper, s->nper + c->nper))
		return err_set(e, "out of memory making child %s", c->id);
	struct svc_kid *k = &s->kid[s->nkid++];
	memset(k, 0, sizeof *k);
	k->dob = c->dob;
	k->mc_dob = c->mother == 1 ? c->mc_dob : DATE_NONE;
	k->uasc_ceased = c->uasc_ceased;
	k->mother = (int8_t)c->mother;
	snprintf(k->upn, sizeof k->upn, "%s", c->upn);
	k->per = (uint32_t)s->nper;
	k->nper = (uint32_t)c->nper;
	k->group = k->link = -1;
	k->flags = (uint8_t)((c->uasc ? KID_UASC : 0) |
			     (c->short_breaks ? KID_SHORT_BREAKS : 0) |
			     (disabled(c) ? KID_DISABLED : 0) |
			     (c->male ? KID_MALE : 0));
	snprintf(k->ethnic, sizeof k->ethnic, "%s", c->ethnic);
	struct rng r;
	rng_seed(&r, s->o->seed, STREAM_KID_PLAN + (uint64_t)c->index);
	for (size_t i = 0; i < c->nper; i++) {
		struct svc_per *p = &s->per[s->nper++];
		p->start = c->per[i].start;
		p->end = c->per[i].end;
		p->kid = (uint32_t)c->index;
		p->alloc = first_allocation(s, &r, c, &c->per[i]);
	}
	k->team = (uint8_t)sw_team(s, c);
	if (write_episodes(s, c))
		return err_set(e, "cannot write a temporary file: %s",
			       strerror(errno ? errno : EIO));
	return 0;
}

/* ---- Files -------------------------------------------------------------- */

static char *path_join(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p = malloc(n);
	if (p)
		snprintf(p, n, "%s/%s", dir, name);
	return p;
}

long svc_take_id(struct svc *s, enum out_kind k)
{
	return ++s->next_id[k];
}

int svc_emit(struct svc *s, enum out_kind k)
{
	return jl_write(&s->j, s->out[k] ? s->out[k] : s->f);
}

/* Kinds kept in a temporary file until their turn. */
static bool deferred(enum out_kind k)
{
	return k == OUT_EPISODE || k > OUT_REVIEW;
}

int svc_emit_direct(struct svc *s)
{
	return jl_write(&s->j, s->f);
}

/* The synthetic authorities' codes: ours, then one per other area. */
#define SYNTH_LA_CODE "E99000001"
static void other_la(size_t i, char *out, size_t size)
{
	snprintf(out, size, "E990%05zu", i + 2);
}
/* The neighbours in our named group: the first few other areas. */
#define SYNTH_NEIGHBOURS 4

static int write_one_setting(struct svc *s, const char *key,
			     const char *value)
{
	jl_start(&s->j, "setting");
	jl_text(&s->j, "key", key);
	jl_text(&s->j, "value", value);
	return svc_emit_direct(s);
}

static int write_setting(struct svc *s)
{
	char group[16 * (SYNTH_NEIGHBOURS + 1)] = SYNTH_LA_CODE;
	for (size_t i = 0; i < SYNTH_NEIGHBOURS; i++) {
		char la[16];
		other_la(i, la, sizeof la);
		size_t n = strlen(group);
		snprintf(group + n, sizeof group - n, ",%s", la);
	}
	return write_one_setting(s, "authority_name", s->authority) ||
	       write_one_setting(s, "la_code", SYNTH_LA_CODE) ||
	       write_one_setting(s, "la_group", group) ||
	       write_one_setting(s, "la_group_name", "the sub-region");
}

static int write_postcode(struct svc *s, const char *district,
			  const char *la, long e, long n)
{
	jl_start(&s->j, "postcode");
	jl_text(&s->j, "postcode", district);
	jl_text(&s->j, "la", la);
	jl_int(&s->j, "easting", e);
	jl_int(&s->j, "northing", n);
	return svc_emit_direct(s);
}

/* Every district of the synthetic geography (synth_util.h), on an OS grid:
 * our four areas are the quarters of a square 32 km across, so some
 * placements inside the authority are over 20 miles from home; the other
 * authorities ring it at 30 to 105 km, so some outside it are near. */
static int write_postcodes(struct svc *s)
{
	static const long CX = 450000, CY = 300000;
	char pc[16];
	int rc = 0;
	for (int a = 0; a < SYNTH_LOCAL_AREAS && !rc; a++)
		for (int d = 1; d <= SYNTH_LOCAL_DISTRICTS && !rc; d++) {
			snprintf(pc, sizeof pc, "X%c%d", 'A' + a, d);
			rc = write_postcode(s, pc, SYNTH_LA_CODE,
					    CX + (a % 2 ? 8000 : -8000) +
						    (d % 5 - 2) * 3500,
					    CY + (a / 2 ? 8000 : -8000) +
						    (d / 5 - 2) * 3500);
		}
	static const char OTHER[] = SYNTH_OTHER_AREAS;
	for (size_t i = 0; i + 1 < sizeof OTHER && !rc; i++) {
		char la[16];
		other_la(i, la, sizeof la);
		double angle = (double)i * 2 * 3.14159265358979 /
			       (double)(sizeof OTHER - 1);
		double far = 30000.0 + (double)(i % 4) * 25000.0;
		long ex = CX + (long)(far * cos(angle)),
		     ny = CY + (long)(far * sin(angle));
		for (int d = 1; d <= SYNTH_OTHER_DISTRICTS && !rc; d++) {
			snprintf(pc, sizeof pc, "X%c%d", OTHER[i], d);
			rc = write_postcode(s, pc, la, ex + (d % 7 - 3) * 3000,
					    ny + (d / 7 - 3) * 3000);
		}
	}
	return rc;
}

static int write_iro(struct svc *s, size_t i)
{
	const struct svc_iro *x = &s->iro[i];
	struct jline *j = &s->j;
	jl_start(j, "iro");
	jl_int(j, "id", (long)i + 1);
	jl_text(j, "name", x->name);
	jl_text(j, "team", svc_team_name(s, x->team));
	jl_date(j, "start", x->start);
	jl_date(j, "end", x->end);
	jl_list(j, "fte");
	jl_item(j);
	jl_date(j, "from", x->start);
	jl_number(j, "fte", x->fte);
	jl_close(j);
	if (x->fte_from2 != DATE_NONE) {
		jl_item(j);
		jl_date(j, "from", x->fte_from2);
		jl_number(j, "fte", x->fte2);
		jl_close(j);
	}
	jl_close(j);
	if (x->nabs) {
		jl_list(j, "absences");
		for (uint32_t k = 0; k < x->nabs; k++) {
			const struct svc_absence *a = &s->abs[x->abs + k];
			jl_item(j);
			jl_date(j, "from", a->from);
			jl_date(j, "to", a->to);
			jl_text(j, "reason", a->reason);
			jl_close(j);
		}
		jl_close(j);
	}
	return svc_emit_direct(s);
}

/* A temporary file for one kind, unlinked at once: nothing is left behind
 * whatever happens. */
static FILE *scratch_file(const char *dir, const char *kind)
{
	char name[64];
	snprintf(name, sizeof name, "." SVC_FILE ".%s.tmp", kind);
	char *p = path_join(dir, name);
	if (!p)
		return NULL;
	FILE *f = fopen(p, "w+");
	if (f)
		unlink(p);
	free(p);
	return f;
}

int svc_open(struct svc *s, const char *dir, struct err *e)
{
	s->path = path_join(dir, SVC_FILE);
	s->tmp = path_join(dir, "." SVC_FILE ".tmp");
	if (!s->path || !s->tmp)
		return err_set(e, "out of memory");
	s->f = fopen(s->tmp, "w");
	if (!s->f)
		return err_set(e, "cannot write %s: %s", s->tmp,
			       strerror(errno));
	big_buffer(s, s->f, OUT_COUNT);
	for (int k = 0; k < OUT_COUNT; k++) {
		if (!deferred((enum out_kind)k))
			continue;
		s->out[k] = scratch_file(dir, KIND_NAMES[k]);
		if (!s->out[k])
			return err_set(e, "cannot write a temporary file in "
					  "%s: %s",
				       dir, strerror(errno));
		big_buffer(s, s->out[k], k);
	}
	return 0;
}

/* Appends the temporary file of a kind to service.jsonl. */
static int append(FILE *to, FILE *from)
{
	enum { CHUNK = 1 << 20 };
	char *buf = malloc(CHUNK);
	if (!buf || fflush(from) || fseek(from, 0, SEEK_SET)) {
		free(buf);
		return -1;
	}
	size_t n;
	int rc = 0;
	while (!rc && (n = fread(buf, 1, CHUNK, from)) > 0)
		if (fwrite(buf, 1, n, to) != n)
			rc = -1;
	free(buf);
	return rc || ferror(from) ? -1 : 0;
}

/* ---- Pass 2: a child's own records -------------------------------------- */

/* The hash a family name is drawn from: a baby has its mother's, most
 * children in a sibling group the group's. */
static uint64_t family_of(const struct svc *s, uint32_t k)
{
	const struct svc_kid *x = &s->kid[k];
	if (x->flags & KID_BABY) {
		k = (uint32_t)x->link;
		x = &s->kid[k];
	}
	if (x->group >= 0 && rng_hash(s->o->seed + k, 7) % 5 != 0)
		return rng_hash(s->o->seed,
				(UINT64_C(1) << 33) + (uint64_t)x->group);
	return rng_hash(s->o->seed, k);
}

static int sw_team(const struct svc *s, const struct synth_child *c)
{
	if (c->short_breaks || disabled(c))
		return SWT_DISABLED;
	const struct synth_episode *last = &c->eps[c->neps - 1];
	int32_t ref = last->dec == DATE_NONE ? s->year_end : last->dec;
	if (date_age_years(c->dob, ref) >= 16)
		return SWT_LEAVING;
	const struct period *p = &c->per[c->nper - 1];
	if (ref - p->start < 365 && (last->ls[0] == 'C' || last->ls[0] == 'L'))
		return SWT_COURT;
	return rng_hash(s->o->seed, (uint64_t)c->index) % 2 ? SWT_CIC1
							    : SWT_CIC2;
}

/* Child k's social worker: one of the team's, SW_CASELOAD children each. */
static void sw_of(const struct svc *s, uint32_t k, char *out, size_t size)
{
	int team = s->kid[k].team;
	uint64_t workers = s->nkid / ARRAY_LEN(SW_TEAMS) / SW_CASELOAD + 2;
	uint64_t worker = rng_hash(s->o->seed, (uint64_t)k + 1) % workers;
	name_person(rng_hash(s->o->seed + (uint64_t)team * 7919, worker + 2),
		    out, size);
}

static void child_id(uint32_t k, char *out, size_t size)
{
	snprintf(out, size, "%ld", 1000001L + (long)k);
}

static int write_child(struct svc *s, uint32_t i)
{
	const struct svc_kid *k = &s->kid[i];
	struct jline *j = &s->j;
	bool male = k->flags & KID_MALE, uasc = k->flags & KID_UASC;
	char id[24], sw[48];
	child_id(i, id, sizeof id);
	sw_of(s, i, sw, sizeof sw);
	jl_start(j, "child");
	jl_text(j, "child", id);
	jl_date(j, "dob", k->dob);
	jl_text(j, "sex", male ? "M" : "F");
	jl_text(j, "ethnicity", k->ethnic);
	jl_text(j, "upn", k->upn);
	jl_text(j, "given_name",
		name_given(rng_hash(s->o->seed ^ 0x5eed, i), male, uasc));
	jl_text(j, "family_name", name_family(family_of(s, i), uasc));
	if (k->flags & KID_DISABLED)
		jl_bool(j, "disability", true);
	if (k->mother >= 0)
		jl_bool(j, "mother", k->mother == 1);
	jl_date(j, "mc_dob", k->mc_dob);
	if (uasc) {
		jl_bool(j, "uasc", true);
		jl_date(j, "uasc_ceased", k->uasc_ceased);
	}
	jl_text(j, "team", SW_TEAMS[k->team]);
	jl_text(j, "social_worker", sw);
	if (k->group >= 0) {
		char g[16];
		snprintf(g, sizeof g, "SG%04ld", (long)k->group + 1);
		jl_text(j, "sibling_group", g);
	}
	if (k->flags & KID_BABY) {
		child_id((uint32_t)k->link, id, sizeof id);
		jl_text(j, "parent", id);
	}
	return svc_emit(s, OUT_CHILD);
}

static int write_episodes(struct svc *s, const struct synth_child *c)
{
	struct jline *j = &s->j;
	int rc = 0;
	for (size_t i = 0; i < c->neps && !rc; i++) {
		const struct synth_episode *ep = &c->eps[i];
		char rne[2] = { ep->rne, '\0' };
		jl_start(j, "episode");
		jl_text(j, "child", c->id);
		jl_date(j, "decom", ep->decom);
		jl_text(j, "rne", rne);
		jl_text(j, "ls", ep->ls);
		jl_text(j, "cin", ep->cin);
		jl_text(j, "place", ep->place);
		jl_text(j, "place_provider", ep->prov);
		jl_date(j, "dec", ep->dec);
		jl_text(j, "rec", ep->rec);
		jl_text(j, "reason_place_change", ep->reason);
		jl_text(j, "home_post", ep->home);
		jl_text(j, "pl_post", ep->pl);
		jl_text(j, "urn", ep->urn);
		rc = svc_emit(s, OUT_EPISODE);
	}
	return rc;
}

static int write_allocation(struct svc *s, const struct svc_alloc *a)
{
	static const char *const REASON[] = { "new", "transfer", "cover" };
	struct jline *j = &s->j;
	char id[24];
	child_id(a->kid, id, sizeof id);
	jl_start(j, "allocation");
	jl_int(j, "id", svc_take_id(s, OUT_ALLOCATION));
	jl_text(j, "child", id);
	jl_text(j, "iro", s->iro[a->iro].name);
	jl_date(j, "start", a->start);
	jl_date(j, "end", a->end);
	jl_text(j, "reason", REASON[a->reason]);
	if (a->override)
		jl_text(j, "override",
			ONE_OF(OVERRIDES, (uint64_t)s->kid[a->kid].group));
	return svc_emit(s, OUT_ALLOCATION);
}

int svc_begin(struct svc *s, struct err *e)
{
	int rc = write_setting(s);
	if (!rc)
		rc = svc_write_alert_lists(s);
	if (!rc)
		rc = write_postcodes(s);
	for (size_t i = 0; i < s->niro && !rc; i++)
		rc = write_iro(s, i);
	for (size_t i = 0; i < s->nkid && !rc; i++)
		rc = write_child(s, (uint32_t)i);
	if (!rc)
		rc = append(s->f, s->out[OUT_EPISODE]);
	if (!rc && fclose(s->out[OUT_EPISODE]))
		rc = -1;
	s->out[OUT_EPISODE] = NULL;
	for (size_t i = 0; i < s->nalloc && !rc; i++)
		rc = write_allocation(s, &s->alloc[i]);
	return rc ? err_set(e, "cannot write %s: %s", s->tmp,
			    strerror(errno ? errno : EIO))
		  : 0;
}

int svc_child(struct svc *s, const struct synth_child *c, struct err *e)
{
	struct rng r;
	rng_seed(&r, s->o->seed, STREAM_KID_RECORDS + (uint64_t)c->index);
	char sw[48];
	sw_of(s, (uint32_t)c->index, sw, sizeof sw);
	if (svc_write_reviews(s, c, &r, sw) || svc_write_alerts(s, c))
		return err_set(e, "cannot write the records of child %s: %s",
			       c->id, s->j.oom ? "out of memory"
					       : strerror(errno ? errno : EIO));
	return 0;
}

/* ---- Quality assurance -------------------------------------------------- */

struct qa {
	int32_t date;
	uint32_t iro;
	int kind; /* 0 supervision, 1 observation, 2 audit, 3 case file audit */
	int32_t kid; /* or -1 */
	const char *note;
};

struct qa_list {
	struct qa *q;
	size_t n, cap;
};

static int qa_add(struct qa_list *l, const struct qa *q)
{
	if (GROW(l->q, l->cap, l->n + 1))
		return -1;
	l->q[l->n++] = *q;
	return 0;
}

static int by_qa(const void *a, const void *b)
{
	const struct qa *x = a, *y = b;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	if (x->iro != y->iro)
		return x->iro < y->iro ? -1 : 1;
	return (x->kind > y->kind) - (x->kind < y->kind);
}

/* A working day in [lo, hi] the IRO is not away, or DATE_NONE. */
static int32_t qa_day(const struct svc *s, struct rng *r,
		      const struct svc_iro *x, int32_t lo, int32_t hi)
{
	for (int t = 0; t < 12; t++) {
		int32_t d = rng_between(r, lo, hi);
		if (cal_is_workday(s->cal, d) && !svc_absent(s, x, d, d))
			return d;
	}
	return DATE_NONE;
}

/* A child on IRO x's caseload on day d (x's allocations are
 * mine[0 .. n)), or -1. */
static int32_t qa_child(const struct svc *s, struct rng *r,
			const uint32_t *mine, size_t n, int32_t d)
{
	int32_t pick = -1;
	unsigned seen = 0;
	for (size_t i = 0; i < n; i++) {
		const struct svc_alloc *a = &s->alloc[mine[i]];
		if (a->reason == AR_COVER || a->start > d ||
		    (a->end != DATE_NONE && a->end < d))
			continue;
		if (rng_below(r, ++seen) == 0)
			pick = (int32_t)a->kid;
	}
	return pick;
}

/* One IRO's activity in the month [m0, m1]. */
static int qa_month(const struct svc *s, struct rng *r, uint32_t x,
		    int32_t m0, int32_t m1, const uint32_t *mine, size_t n,
		    struct qa_list *l)
{
	const struct svc_iro *i = &s->iro[x];
	int32_t lo = max32(m0, i->start);
	int32_t hi = min32(m1, i->end == DATE_NONE ? m1 : i->end);
	if (lo > hi)
		return 0;
	int rc = 0;
	int32_t d;
	if (rng_chance(r, P_SUPERVISION) &&
	    (d = qa_day(s, r, i, lo, hi)) != DATE_NONE)
		rc |= qa_add(l, &(struct qa){ d, x, 0, -1,
					      ONE_OF(SUPERVISION_NOTES,
						     rng_next(r)) });
	if (rng_chance(r, P_OBSERVATION) &&
	    (d = qa_day(s, r, i, lo, hi)) != DATE_NONE)
		rc |= qa_add(l, &(struct qa){ d, x, 1, -1,
					      ONE_OF(OBSERVATION_NOTES,
						     rng_next(r)) });
	if (rng_chance(r, P_AUDIT) &&
	    (d = qa_day(s, r, i, lo, hi)) != DATE_NONE) {
		int32_t kid = qa_child(s, r, mine, n, d);
		int kind = rng_chance(r, P_CASE_FILE_AUDIT) ? 3 : 2;
		if (kid >= 0)
			rc |= qa_add(l, &(struct qa){ d, x, kind, kid,
						      ONE_OF(AUDIT_NOTES,
							     rng_next(r)) });
	}
	return rc;
}

static int make_qa(const struct svc *s, struct qa_list *l)
{
	struct rng r;
	rng_seed(&r, s->o->seed, STREAM_SERVICE + SS_QA);
	struct keyed *by_iro = malloc((s->nalloc + 1) * sizeof *by_iro);
	uint32_t *order = malloc((s->nalloc + 1) * sizeof *order);
	if (!by_iro || !order) {
		free(by_iro);
		free(order);
		return -1;
	}
	for (size_t i = 0; i < s->nalloc; i++)
		by_iro[i] = (struct keyed){ s->alloc[i].iro, (uint32_t)i };
	svc_sort(by_iro, s->nalloc);
	for (size_t i = 0; i < s->nalloc; i++)
		order[i] = by_iro[i].i;
	free(by_iro);
	int rc = 0;
	size_t lo = 0;
	for (uint32_t x = 0; x < s->niro && !rc; x++) {
		size_t hi = lo;
		while (hi < s->nalloc && s->alloc[order[hi]].iro == x)
			hi++;
		for (int32_t m0 = s->recent2; m0 <= s->year_end && !rc;
		     m0 = date_add_months(m0, 1))
			rc = qa_month(s, &r, x, m0,
				      date_add_months(m0, 1) - 1, order + lo,
				      hi - lo, l);
		lo = hi;
	}
	free(order);
	if (!rc && l->n > 1)
		qsort(l->q, l->n, sizeof *l->q, by_qa);
	return rc;
}

static int write_qa(struct svc *s)
{
	static const char *const KIND[] = { "supervision", "observation",
					    "audit", "case_file_audit" };
	struct qa_list l = { NULL, 0, 0 };
	int rc = make_qa(s, &l);
	for (size_t i = 0; i < l.n && !rc; i++) {
		const struct qa *q = &l.q[i];
		struct jline *j = &s->j;
		jl_start(j, "qa");
		jl_int(j, "id", (long)i + 1);
		jl_text(j, "iro", s->iro[q->iro].name);
		jl_date(j, "date", q->date);
		jl_text(j, "kind", KIND[q->kind]);
		if (q->kid >= 0) {
			char id[24];
			snprintf(id, sizeof id, "%ld", 1000001L + q->kid);
			jl_text(j, "child", id);
		}
		jl_text(j, "note", q->note);
		rc = svc_emit_direct(s);
	}
	s->st->qa = (long)l.n;
	free(l.q);
	return rc;
}

/* ---- The end ------------------------------------------------------------ */

static void count(struct svc *s)
{
	struct synth_stats *st = s->st;
	st->allocations = s->next_id[OUT_ALLOCATION];
	st->service_reviews = s->next_id[OUT_REVIEW];
	st->recommendations = s->next_id[OUT_RECOMMENDATION];
	st->consultations = s->next_id[OUT_CONSULTATION];
	st->oversight = s->next_id[OUT_OVERSIGHT];
	st->contacts = s->next_id[OUT_CONTACT];
	st->advocacy = s->next_id[OUT_ADVOCACY];
	st->feedback = s->next_id[OUT_FEEDBACK];
	st->alerts = s->next_id[OUT_ALERT];
}

int svc_close(struct svc *s, int rc, struct err *e)
{
	/* the kinds after reviews, quality assurance (made here) in its
	 * place before alerts */
	for (int k = OUT_REVIEW + 1; k < OUT_COUNT && !rc && s->f; k++)
		if ((k == OUT_ALERT && write_qa(s)) || append(s->f, s->out[k]))
			rc = err_set(e, "cannot write %s: %s", s->tmp,
				     strerror(errno ? errno : EIO));
	if (s->f) {
		bool bad = ferror(s->f) != 0;
		if ((fclose(s->f) || bad) && !rc)
			rc = err_set(e, "cannot write %s: %s", s->tmp,
				     strerror(errno ? errno : EIO));
		s->f = NULL;
	}
	close_files(s);
	count(s);
	if (rc && s->tmp)
		unlink(s->tmp);
	return rc;
}

int svc_commit(struct svc *s, int rc, struct err *e)
{
	if (!s->tmp)
		return rc;
	if (!rc && rename(s->tmp, s->path))
		rc = err_set(e, "cannot rename %s to %s: %s", s->tmp, s->path,
			     strerror(errno));
	if (rc)
		unlink(s->tmp);
	return rc;
}
