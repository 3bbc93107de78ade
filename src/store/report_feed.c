/*
 * report_feed.c - every record the report counts, handed to the measures
 * (core/measures.h) in one pass.
 *
 * Children, episodes, reviews, contacts and allocations come from ordered
 * queries merged by child id (as history.c does for the clocks); the
 * records hanging off reviews (recommendations, consultations, status
 * changes) are read once into arrays ordered by review id and looked up,
 * so no query runs per child or per review.
 */
#include "lib/common.h"
#include "lib/err.h"
#include "lib/xalloc.h"
#include "core/date.h"
#include "core/measures.h"
#include "core/postcode.h"
#include "store/store_int.h"

/* ---- Records by review id ----------------------------------------------- */

struct by_review {
	int64_t review;
	size_t index; /* into the matching array */
};

/* Read in the tables' own order (a sequential scan, several times faster
 * than walking an index and looking each row up) and sorted here. */
static const char SQL_RECS[] =
	"SELECT review_id, status, due_date, achieved_date, childs_own "
	"FROM recommendation";
static const char SQL_CONSULTS[] =
	"SELECT review_id, respondent_group, sent_date, received_date "
	"FROM consultation";
/* Only the changes the measures read: rearrangements (who asked) and the
 * day a review was stood down or cancelled. */
static const char SQL_STATUS[] =
	"SELECT review_id, status, effective_date, requested_by "
	"FROM review_status WHERE status IN ('rearranged', 'stood_down', "
	"'cancelled') ORDER BY review_id, id";

static const char SQL_OVERSIGHT[] =
	"SELECT child_id, on_date, kind FROM oversight";
static const char SQL_POSTCODES[] =
	"SELECT postcode, la, easting, northing FROM postcode ORDER BY id";

/* An informal or formal alert naming the review that prompted it (M39),
 * as the report's alert pass saw it (store_msr_side_escalations). */
struct escalation {
	int64_t review;
	uint8_t bit; /* ESC_INFORMAL or ESC_FORMAL */
};

struct status_change {
	int64_t review;
	uint8_t status;
	uint8_t requested_by;
	int32_t day;
};

struct side {
	int64_t *rec_review;
	struct msr_recommendation *recs;
	size_t nrecs, rcap, rrcap;
	int64_t *con_review;
	struct msr_consultation *cons;
	size_t ncons, ccap, crcap;
	struct status_change *st;
	size_t nst, stcap;
	struct escalation *esc;
	size_t nesc, esccap;
	struct pc_table postcodes;
	int64_t *ov_child; /* the oversight records, by child */
	struct msr_oversight_rec *ovs;
	size_t novs, ovcap, ovccap;
};

static void side_free(struct side *s)
{
	free(s->rec_review);
	free(s->recs);
	free(s->con_review);
	free(s->cons);
	free(s->st);
	free(s->esc);
	pc_free(&s->postcodes);
	free(s->ov_child);
	free(s->ovs);
}

static uint8_t yn(sqlite3_stmt *s, int i)
{
	if (sqlite3_column_type(s, i) == SQLITE_NULL)
		return YN_NONE;
	return sqlite3_column_int(s, i) ? YN_YES : YN_NO;
}

/* A code's index in its list; unknown words (which the record checks
 * refuse) count as not recorded. */
static uint8_t code_of(const char *const *codes, size_t n, sqlite3_stmt *s,
		       int i)
{
	int c = msr_code(codes, n, column_text(s, i));
	return c < 0 ? 0 : (uint8_t)c;
}
#define CODE(list, s, i) code_of(list, ARRAY_LEN(list), s, i)

/* Sorts ids[n] with their items (n items of `size` bytes) by id, when
 * they are not in order already (a table read in its own order mostly
 * is). -1 when memory runs out. */
struct keyed {
	int64_t id;
	size_t at;
};

static int by_id(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return x->at < y->at ? -1 : x->at > y->at;
}

static int sort_by_id(int64_t *ids, void *items, size_t n, size_t size)
{
	size_t i = 1;
	while (i < n && ids[i - 1] <= ids[i])
		i++;
	if (i >= n)
		return 0;
	struct keyed *k = malloc(n * sizeof *k);
	char *copy = malloc(n * size);
	if (!k || !copy) {
		free(k);
		free(copy);
		return -1;
	}
	for (i = 0; i < n; i++)
		k[i] = (struct keyed){ ids[i], i };
	qsort(k, n, sizeof *k, by_id);
	memcpy(copy, items, n * size);
	for (i = 0; i < n; i++) {
		ids[i] = k[i].id;
		memcpy((char *)items + i * size, copy + k[i].at * size, size);
	}
	free(k);
	free(copy);
	return 0;
}

int store_postcodes(struct store *st, struct pc_table *t, struct err *err)
{
	sqlite3_stmt *s;
	int rc;
	if (!(s = store_stmt(st, SQL_POSTCODES, err)))
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		bool grid = sqlite3_column_type(s, 2) != SQLITE_NULL &&
			    sqlite3_column_type(s, 3) != SQLITE_NULL;
		if (pc_add(t, column_text(s, 0), column_text(s, 1), grid,
			   sqlite3_column_int(s, 2),
			   sqlite3_column_int(s, 3)) < 0) {
			sqlite3_reset(s);
			return err_set(err, "out of memory");
		}
	}
	if (rc != SQLITE_DONE)
		return store_fail(st, err, "reading the postcode table");
	pc_done(t);
	return 0;
}

static int read_side(struct store *st, struct side *sd, struct err *err)
{
	sqlite3_stmt *s = store_stmt(st, SQL_RECS, err);
	int rc;
	if (!s)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (GROW(sd->recs, sd->rcap, sd->nrecs + 1) ||
		    GROW(sd->rec_review, sd->rrcap, sd->nrecs + 1))
			return err_set(err, "out of memory");
		sd->rec_review[sd->nrecs] = sqlite3_column_int64(s, 0);
		sd->recs[sd->nrecs++] = (struct msr_recommendation){
			.status = CODE(MSR_REC_STATUS_CODES, s, 1),
			.due = column_date(s, 2),
			.achieved = column_date(s, 3),
			.childs_own = sqlite3_column_int(s, 4) == 1,
		};
	}
	if (rc != SQLITE_DONE)
		return store_fail(st, err, "reading recommendations");
	if (sort_by_id(sd->rec_review, sd->recs, sd->nrecs, sizeof *sd->recs))
		return err_set(err, "out of memory");
	if (!(s = store_stmt(st, SQL_CONSULTS, err)))
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (GROW(sd->cons, sd->ccap, sd->ncons + 1) ||
		    GROW(sd->con_review, sd->crcap, sd->ncons + 1))
			return err_set(err, "out of memory");
		sd->con_review[sd->ncons] = sqlite3_column_int64(s, 0);
		sd->cons[sd->ncons++] = (struct msr_consultation){
			.group = CODE(MSR_GROUP_CODES, s, 1),
			.sent = column_date(s, 2),
			.received = column_date(s, 3),
		};
	}
	if (rc != SQLITE_DONE)
		return store_fail(st, err, "reading consultations");
	if (sort_by_id(sd->con_review, sd->cons, sd->ncons, sizeof *sd->cons))
		return err_set(err, "out of memory");
	if (!(s = store_stmt(st, SQL_STATUS, err)))
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (GROW(sd->st, sd->stcap, sd->nst + 1))
			return err_set(err, "out of memory");
		sd->st[sd->nst++] = (struct status_change){
			.review = sqlite3_column_int64(s, 0),
			.status = CODE(MSR_STATUS_CODES, s, 1),
			.day = column_date(s, 2),
			.requested_by = CODE(MSR_REQUESTER_CODES, s, 3),
		};
	}
	if (rc != SQLITE_DONE)
		return store_fail(st, err, "reading review status changes");
	if (!(s = store_stmt(st, SQL_OVERSIGHT, err)))
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (GROW(sd->ovs, sd->ovcap, sd->novs + 1) ||
		    GROW(sd->ov_child, sd->ovccap, sd->novs + 1)) {
			sqlite3_reset(s);
			return err_set(err, "out of memory");
		}
		int kind = msr_code(MSR_OVERSIGHT_CODES, OV_COUNT,
				    column_text(s, 2));
		sd->ov_child[sd->novs] = sqlite3_column_int64(s, 0);
		sd->ovs[sd->novs++] = (struct msr_oversight_rec){
			.date = column_date(s, 1),
			.kind = kind < 0 ? OV_COUNT : (uint8_t)kind,
		};
	}
	if (rc != SQLITE_DONE)
		return store_fail(st, err, "reading oversight records");
	if (sort_by_id(sd->ov_child, sd->ovs, sd->novs, sizeof *sd->ovs))
		return err_set(err, "out of memory");
	if (store_postcodes(st, &sd->postcodes, err))
		return -1;
	return 0;
}

/* The run of items (of `size` bytes, sorted by the id they begin with: a
 * review's or a child's) with id `id`: its first index and count. */
static size_t id_run(const void *items, size_t n, size_t size, int64_t id,
			 size_t *count)
{
	const char *base = items;
	size_t lo = 0, hi = n;
	int64_t at;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		memcpy(&at, base + mid * size, sizeof at);
		if (at < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t end = lo;
	while (end < n && (memcpy(&at, base + end * size, sizeof at), at == id))
		end++;
	*count = end - lo;
	return lo;
}

/* ---- IROs --------------------------------------------------------------- */

static const char SQL_IROS[] =
	"SELECT id, name, start_date, end_date FROM iro ORDER BY name";
static const char SQL_FTE[] =
	"SELECT iro_id, from_date, fte FROM iro_fte ORDER BY iro_id, from_date";
static const char SQL_ABSENCES[] =
	"SELECT iro_id, from_date, to_date FROM iro_absence "
	"ORDER BY iro_id, from_date";

void store_msr_iros_free(struct store_msr_iros *x)
{
	for (size_t i = 0; i < x->n; i++)
		free((char *)x->v[i].name);
	free(x->v);
	free(x->ids);
	free(x->fte_from);
	free(x->fte);
	free(x->absences);
	memset(x, 0, sizeof *x);
}

/* Rows of an IRO's dated history (FTE, absences), ordered by IRO: each
 * row is appended by `put` (row n; -1 when memory runs out) and each IRO
 * gets its first row and count, to point into the arrays once they stop
 * moving. */
struct iro_rows {
	size_t *first, *count;
	size_t n, cap[2];
};

static int read_iro_rows(struct store *st, const char *sql,
			 struct store_msr_iros *x, struct iro_rows *g,
			 int (*put)(struct store_msr_iros *, struct iro_rows *,
				    sqlite3_stmt *),
			 const char *what, struct err *err)
{
	sqlite3_stmt *s = store_stmt(st, sql, err);
	int rc;
	if (!s)
		return -1;
	g->first = calloc(x->n ? x->n : 1, sizeof *g->first);
	g->count = calloc(x->n ? x->n : 1, sizeof *g->count);
	if (!g->first || !g->count)
		return err_set(err, "out of memory");
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int i = store_msr_iro_index(x, sqlite3_column_int64(s, 0));
		if (i < 0)
			continue;
		if (put(x, g, s)) {
			sqlite3_reset(s);
			return err_set(err, "out of memory");
		}
		if (!g->count[i])
			g->first[i] = g->n;
		g->count[i]++;
		g->n++;
	}
	return rc == SQLITE_DONE ? 0 : store_fail(st, err, what);
}

static int put_fte(struct store_msr_iros *x, struct iro_rows *g,
		   sqlite3_stmt *s)
{
	if (GROW(x->fte_from, g->cap[0], g->n + 1) ||
	    GROW(x->fte, g->cap[1], g->n + 1))
		return -1;
	x->fte_from[g->n] = column_date(s, 1);
	x->fte[g->n] = sqlite3_column_double(s, 2);
	return 0;
}

static int put_absence(struct store_msr_iros *x, struct iro_rows *g,
		       sqlite3_stmt *s)
{
	if (GROW(x->absences, g->cap[0], g->n + 1))
		return -1;
	x->absences[g->n][0] = column_date(s, 1);
	x->absences[g->n][1] = column_date(s, 2);
	return 0;
}

static void iro_rows_free(struct iro_rows *g)
{
	free(g->first);
	free(g->count);
	memset(g, 0, sizeof *g);
}

int store_msr_iros(struct store *st, struct store_msr_iros *x,
		   struct err *err)
{
	memset(x, 0, sizeof *x);
	size_t cap = 0, icap = 0;
	sqlite3_stmt *s = store_stmt(st, SQL_IROS, err);
	int rc;
	if (!s)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *name = column_text(s, 1);
		size_t len = strlen(name) + 1;
		char *copy = malloc(len);
		if (!copy || GROW(x->v, cap, x->n + 1) ||
		    GROW(x->ids, icap, x->n + 1)) {
			free(copy);
			sqlite3_reset(s);
			store_msr_iros_free(x);
			return err_set(err, "out of memory");
		}
		memcpy(copy, name, len);
		x->ids[x->n] = sqlite3_column_int64(s, 0);
		x->v[x->n++] = (struct msr_iro){
			.name = copy,
			.start = column_date(s, 2),
			.end = column_date(s, 3),
		};
	}
	if (rc != SQLITE_DONE) {
		store_msr_iros_free(x);
		return store_fail(st, err, "reading IROs");
	}
	struct iro_rows f = { 0 }, a = { 0 };
	if (read_iro_rows(st, SQL_FTE, x, &f, put_fte, "reading IROs' FTE",
			  err) ||
	    read_iro_rows(st, SQL_ABSENCES, x, &a, put_absence,
			  "reading IROs' absences", err)) {
		iro_rows_free(&f);
		iro_rows_free(&a);
		store_msr_iros_free(x);
		return -1;
	}
	for (size_t i = 0; i < x->n; i++) {
		struct msr_iro *v = &x->v[i];
		v->fte_from = f.count[i] ? x->fte_from + f.first[i] : NULL;
		v->fte = f.count[i] ? x->fte + f.first[i] : NULL;
		v->nfte = f.count[i];
		v->absences = a.count[i]
				      ? (const int32_t(*)[2])x->absences +
						a.first[i]
				      : NULL;
		v->nabsences = a.count[i];
	}
	iro_rows_free(&f);
	iro_rows_free(&a);
	return 0;
}

int store_msr_iro_index(const struct store_msr_iros *x, int64_t id)
{
	/* Few hundred IROs at most in an authority, ~1,000 nationally. */
	for (size_t i = 0; i < x->n; i++)
		if (x->ids[i] == id)
			return (int)i;
	return -1;
}

/* ---- Children ------------------------------------------------------------ */

static const char SQL_TEAMS[] =
	"SELECT DISTINCT team FROM child WHERE team IS NOT NULL ORDER BY team";
static const char SQL_CHILDREN[] =
	"SELECT id, dob, sex, ethnicity, uasc, uasc_ceased, team "
	"FROM child ORDER BY id";
static const char SQL_EPISODES[] =
	"SELECT child_id, decom, dec, rne, ls, place, rec, pl_post, home_post "
	"FROM episode ORDER BY child_id, decom";

static const char SQL_REVIEWS[] =
	"SELECT child_id, id, kind, status, held_date, scheduled_date, "
	"pn_code, venue, mode, co_chaired, parents_attended, sw_attended, "
	"sw_attended_role, sw_report_date, plan_updated, plan_copy, "
	"plan_satisfied, plan_grade, rag, permanence_plan, "
	"permanence_confirmed, advocate_present, minutes_sent_date "
	"FROM review";
static const char SQL_CONTACTS[] =
	"SELECT child_id, on_date, kind FROM contact ORDER BY child_id, on_date";
static const char SQL_ALLOCATIONS[] =
	"SELECT child_id, iro_id, start_date, end_date, reason FROM allocation "
	"ORDER BY child_id, start_date";

/* Every review, read in table order and sorted by child, then held date
 * (reviews not held first), then id: the order the measures take. */
struct review_row {
	int64_t child, id;
	int32_t held;
	struct msr_review r;
};

static int by_child_held(const void *a, const void *b)
{
	const struct review_row *x = a, *y = b;
	if (x->child != y->child)
		return x->child < y->child ? -1 : 1;
	if (x->held != y->held)
		return x->held < y->held ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

struct feed {
	struct store *st;
	struct measures *m;
	const struct store_msr_iros *iros;
	const struct side *side;
	struct review_row *rows;
	size_t nrows, rowcap;
	struct episode *eps;
	struct msr_review *revs;
	struct msr_contact_rec *cons;
	struct msr_allocation *allocs;
	struct msr_location *locs;
	size_t ecap, rcap, ccap, acap, lcap;
	struct pc_area area; /* the authority's code and group, when set */
	char la[PC_LA_LEN], group[512];
	char last_pl[16], last_home[16]; /* the last episode's postcodes */
};

/* Hangs a review's recommendations, consultations and status changes on
 * it, from the side records. */
static void attach(const struct side *sd, int64_t id, struct msr_review *r)
{
	size_t n, i = id_run(sd->rec_review, sd->nrecs, sizeof(int64_t), id,
				  &n);
	r->recs = n ? sd->recs + i : NULL;
	r->nrecs = n;
	i = id_run(sd->con_review, sd->ncons, sizeof(int64_t), id, &n);
	r->consults = n ? sd->cons + i : NULL;
	r->nconsults = n;
	i = id_run(sd->st, sd->nst, sizeof *sd->st, id, &n);
	for (size_t k = i; k < i + n; k++) {
		const struct status_change *c = &sd->st[k];
		if (c->status == RS_REARRANGED) {
			if (r->rearranged[c->requested_by] < UINT8_MAX)
				r->rearranged[c->requested_by]++;
		} else if (c->status == r->status) {
			r->decided = c->day;
		}
	}
	i = id_run(sd->esc, sd->nesc, sizeof *sd->esc, id, &n);
	for (size_t k = i; k < i + n; k++)
		r->escalated |= sd->esc[k].bit;
}

static void review_from(sqlite3_stmt *s, struct msr_review *r)
{
	const char *pn = column_text(s, 6);
	*r = (struct msr_review){
		.kind = CODE(MSR_KIND_CODES, s, 2),
		.status = CODE(MSR_STATUS_CODES, s, 3),
		.held = column_date(s, 4),
		.scheduled = column_date(s, 5),
		.pn = (pn[0] == 'P' && pn[1] == 'N' && pn[2] >= '0' &&
		       pn[2] <= '7')
			      ? (int8_t)(pn[2] - '0')
			      : -1,
		.venue = CODE(MSR_VENUE_CODES, s, 7),
		.mode = CODE(MSR_MODE_CODES, s, 8),
		.co_chaired = yn(s, 9),
		.parents = yn(s, 10),
		.sw_attended = yn(s, 11),
		.sw_role = CODE(MSR_SW_ROLE_CODES, s, 12),
		.sw_report = column_date(s, 13),
		.plan_updated = yn(s, 14),
		.plan_copy = yn(s, 15),
		.plan_satisfied = yn(s, 16),
		.grade = CODE(MSR_GRADE_CODES, s, 17),
		.rag = CODE(MSR_RAG_CODES, s, 18),
		.permanence = CODE(MSR_PERMANENCE_CODES, s, 19),
		.permanence_confirmed = yn(s, 20),
		.advocate = yn(s, 21),
		.minutes_sent = column_date(s, 22),
		.decided = DATE_NONE,
	};
}

static int read_reviews(struct feed *f, struct err *err)
{
	sqlite3_stmt *s = store_stmt(f->st, SQL_REVIEWS, err);
	int rc;
	if (!s)
		return -1;
	bool sorted = true;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (GROW(f->rows, f->rowcap, f->nrows + 1))
			return err_set(err, "out of memory");
		struct review_row *w = &f->rows[f->nrows];
		w->child = sqlite3_column_int64(s, 0);
		w->id = sqlite3_column_int64(s, 1);
		review_from(s, &w->r);
		w->held = w->r.held;
		if (f->nrows && by_child_held(w - 1, w) > 0)
			sorted = false;
		f->nrows++;
	}
	if (rc != SQLITE_DONE)
		return store_fail(f->st, err, "reading reviews");
	if (!sorted)
		qsort(f->rows, f->nrows, sizeof *f->rows, by_child_held);
	return 0;
}

/* Steps `s` past rows of children before id; true while its row is id's. */
static bool at_child(sqlite3_stmt *s, int *rc, int64_t id)
{
	while (*rc == SQLITE_ROW && sqlite3_column_int64(s, 0) < id)
		*rc = sqlite3_step(s);
	return *rc == SQLITE_ROW && sqlite3_column_int64(s, 0) == id;
}

/* Where episode n's placement is. An episode that changes only the legal
 * status keeps its placement's postcodes: the lookup is not repeated. */
static void locate_episode(struct feed *f, sqlite3_stmt *e, size_t n)
{
	const char *pl = column_text(e, 7), *home = column_text(e, 8);
	if (n && strcmp(pl, f->last_pl) == 0 &&
	    strcmp(home, f->last_home) == 0) {
		f->locs[n] = f->locs[n - 1];
		return;
	}
	pc_locate(&f->side->postcodes, &f->area, pl, home, &f->locs[n]);
	snprintf(f->last_pl, sizeof f->last_pl, "%s", pl);
	snprintf(f->last_home, sizeof f->last_home, "%s", home);
}

static int feed_children(struct feed *f, struct err *err)
{
	struct store *st = f->st;
	sqlite3_stmt *c = store_stmt(st, SQL_CHILDREN, err);
	sqlite3_stmt *e = c ? store_stmt(st, SQL_EPISODES, err) : NULL;
	sqlite3_stmt *k = e ? store_stmt(st, SQL_CONTACTS, err) : NULL;
	sqlite3_stmt *a = k ? store_stmt(st, SQL_ALLOCATIONS, err) : NULL;
	if (!a)
		return -1;
	/* Without a postcode table or our own code, every placement's
	 * location is not known (the measures take no locations). */
	bool locate = f->side->postcodes.n && f->area.la[0];
	int erc = sqlite3_step(e), krc = sqlite3_step(k),
	    arc = sqlite3_step(a), crc;
	size_t next = 0; /* the next review row */
	while ((crc = sqlite3_step(c)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(c, 0);
		size_t ne = 0, nr = 0, nk = 0, na = 0, no;
		for (; at_child(e, &erc, id); erc = sqlite3_step(e)) {
			if (GROW(f->eps, f->ecap, ne + 1) ||
			    (locate && GROW(f->locs, f->lcap, ne + 1)))
				return err_set(err, "out of memory");
			if (locate)
				locate_episode(f, e, ne);
			column_episode(e, 1, &f->eps[ne++]);
		}
		size_t oi = id_run(f->side->ov_child, f->side->novs,
				       sizeof(int64_t), id, &no);
		while (next < f->nrows && f->rows[next].child < id)
			next++;
		for (; next < f->nrows && f->rows[next].child == id; next++) {
			if (GROW(f->revs, f->rcap, nr + 1))
				return err_set(err, "out of memory");
			f->revs[nr] = f->rows[next].r;
			attach(f->side, f->rows[next].id, &f->revs[nr++]);
		}
		for (; at_child(k, &krc, id); krc = sqlite3_step(k)) {
			if (GROW(f->cons, f->ccap, nk + 1))
				return err_set(err, "out of memory");
			f->cons[nk++] = (struct msr_contact_rec){
				.date = column_date(k, 1),
				.kind = CODE(MSR_CONTACT_CODES, k, 2),
			};
		}
		for (; at_child(a, &arc, id); arc = sqlite3_step(a)) {
			if (GROW(f->allocs, f->acap, na + 1))
				return err_set(err, "out of memory");
			const char *why = column_text(a, 4);
			f->allocs[na++] = (struct msr_allocation){
				.iro = store_msr_iro_index(
					f->iros, sqlite3_column_int64(a, 1)),
				.start = column_date(a, 2),
				.end = column_date(a, 3),
				.reason = strcmp(why, "cover") == 0 ? AL_COVER
					  : strcmp(why, "transfer") == 0
						  ? AL_TRANSFER
						  : AL_NEW,
			};
		}
		/* Reviews not held sort first (NULL held date); the measures
		 * want the held ones in order, which they are. */
		struct msr_child ch = {
			.dob = column_date(c, 1),
			.sex = column_text(c, 2)[0],
			.uasc = sqlite3_column_int(c, 4) == 1,
			.uasc_ceased = column_date(c, 5),
			.team = msr_team_index(f->m, column_text(c, 6)),
			.episodes = f->eps,
			.nepisodes = ne,
			.reviews = f->revs,
			.nreviews = nr,
			.contacts = f->cons,
			.ncontacts = nk,
			.allocations = f->allocs,
			.nallocations = na,
			.locations = locate ? f->locs : NULL,
			.oversights = no ? f->side->ovs + oi : NULL,
			.noversights = no,
		};
		column_copy(c, 3, ch.ethnicity, sizeof ch.ethnicity);
		if (msr_add_child(f->m, &ch))
			return err_set(err, "out of memory");
	}
	if (crc != SQLITE_DONE || (erc != SQLITE_DONE && erc != SQLITE_ROW))
		return store_fail(st, err, "reading children's records");
	return 0;
}

/* ---- The service's own records -------------------------------------------- */

static const char SQL_ADVOCACY[] = "SELECT on_date, referred_by FROM advocacy";
static const char SQL_FEEDBACK[] = "SELECT on_date, respondent FROM feedback";
static const char SQL_QA[] = "SELECT on_date, kind, iro_id FROM qa";

static const char *const FEEDBACK_CODES[] = { "child", "parent", "carer",
					      "professional" };

static void add_advocacy(struct measures *m, const struct store_msr_iros *x,
			 int32_t date, int code, sqlite3_stmt *s)
{
	(void)x, (void)s;
	msr_add_advocacy(m, date, code);
}

static void add_feedback(struct measures *m, const struct store_msr_iros *x,
			 int32_t date, int code, sqlite3_stmt *s)
{
	(void)x, (void)s;
	msr_add_feedback(m, date, code);
}

static void add_qa(struct measures *m, const struct store_msr_iros *x,
		   int32_t date, int code, sqlite3_stmt *s)
{
	msr_add_qa(m, date, code,
		   store_msr_iro_index(x, sqlite3_column_int64(s, 2)));
}

static int feed_service(struct store *st, struct measures *m,
			const struct store_msr_iros *iros, struct err *err)
{
	static const struct {
		const char *sql;
		const char *const *codes;
		size_t ncodes;
		void (*add)(struct measures *, const struct store_msr_iros *,
			    int32_t, int, sqlite3_stmt *);
		const char *what;
	} SOURCES[] = {
		{ SQL_ADVOCACY, MSR_REQUESTER_CODES, REQ_COUNT, add_advocacy,
		  "advocacy referrals" },
		{ SQL_FEEDBACK, FEEDBACK_CODES, ARRAY_LEN(FEEDBACK_CODES),
		  add_feedback, "feedback" },
		{ SQL_QA, MSR_QA_CODES, QA_COUNT, add_qa,
		  "quality assurance" },
	};
	for (size_t i = 0; i < ARRAY_LEN(SOURCES); i++) {
		sqlite3_stmt *s = store_stmt(st, SOURCES[i].sql, err);
		int rc;
		if (!s)
			return -1;
		while ((rc = sqlite3_step(s)) == SQLITE_ROW)
			SOURCES[i].add(m, iros, column_date(s, 0),
				       msr_code(SOURCES[i].codes,
						SOURCES[i].ncodes,
						column_text(s, 1)),
				       s);
		if (rc != SQLITE_DONE)
			return store_fail(st, err, SOURCES[i].what);
	}
	return 0;
}

int store_msr_side_read(struct store *st, struct store_msr_side **out,
			struct err *err)
{
	struct side *sd = calloc(1, sizeof *sd);
	*out = NULL;
	if (!sd)
		return err_set(err, "out of memory");
	if (read_side(st, sd, err)) {
		side_free(sd);
		free(sd);
		return -1;
	}
	*out = (struct store_msr_side *)sd;
	return 0;
}

static int by_review(const void *a, const void *b)
{
	const struct escalation *x = a, *y = b;
	return x->review < y->review ? -1 : x->review > y->review;
}

int store_msr_side_escalations(struct store_msr_side *side,
			       const int64_t *reviews, const uint8_t *bits,
			       size_t n)
{
	struct side *sd = (struct side *)side;
	free(sd->esc);
	sd->nesc = sd->esccap = 0;
	if (!(sd->esc = calloc(n ? n : 1, sizeof *sd->esc)))
		return -1;
	for (size_t i = 0; i < n; i++)
		sd->esc[i] = (struct escalation){ reviews[i], bits[i] };
	sd->nesc = sd->esccap = n;
	qsort(sd->esc, n, sizeof *sd->esc, by_review);
	return 0;
}

void store_msr_side_free(struct store_msr_side *side)
{
	if (!side)
		return;
	side_free((struct side *)side);
	free(side);
}

int store_measures(struct store *st, struct measures *m,
		   const struct store_msr_iros *iros,
		   struct store_msr_side *(*side)(void *ctx), void *ctx,
		   struct err *err)
{
	sqlite3_stmt *t = store_stmt(st, SQL_TEAMS, err);
	int rc;
	if (!t)
		return -1;
	while ((rc = sqlite3_step(t)) == SQLITE_ROW)
		msr_team_index(m, column_text(t, 0));
	if (rc != SQLITE_DONE)
		return store_fail(st, err, "reading teams");
	if (m->failed || msr_teams_done(m))
		return err_set(err, "out of memory");

	struct feed f = { .st = st, .m = m, .iros = iros };
	f.area = (struct pc_area){ f.la, f.group };
	if (store_setting_get(st, "la_code", f.la, sizeof f.la, err) < 0 ||
	    store_setting_get(st, "la_group", f.group, sizeof f.group, err) < 0)
		return -1;
	int result = read_reviews(&f, err);
	if (!result) {
		/* The side records, read meanwhile (perhaps by another
		 * connection), are needed from here on. */
		f.side = (const struct side *)side(ctx);
		if (!f.side)
			result = err_set(err, "could not read the records of "
					      "reviews");
	}
	if (!result)
		result = feed_children(&f, err);
	if (!result)
		result = feed_service(st, m, iros, err);
	free(f.rows);
	free(f.locs);
	free(f.eps);
	free(f.revs);
	free(f.cons);
	free(f.allocs);
	return result;
}

static const char SQL_FIRST_REVIEW[] =
	"SELECT min(held_date) FROM review WHERE held_date IS NOT NULL";

int32_t store_first_review_day(struct store *st, struct err *err)
{
	sqlite3_stmt *s = store_stmt(st, SQL_FIRST_REVIEW, err);
	if (!s)
		return DATE_NONE;
	int32_t d = sqlite3_step(s) == SQLITE_ROW ? column_date(s, 0)
						  : DATE_NONE;
	sqlite3_reset(s);
	return d;
}
