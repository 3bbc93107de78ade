/*
 * worklist_feed.c - each child's records as the worklist needs them
 * (core/worklist.h), streamed for the whole service.
 *
 * Like history.c: one ordered query per kind of record, merged by child id
 * as they are read, so the worklist of a national-size service costs a
 * handful of sequential scans and no query per child. Only the children
 * worklist_children.c chose are read, and of practice alerts only those
 * that can make an item on the day (temp.wl_alerts).
 */
#include "lib/common.h"
#include "lib/err.h"
#include "lib/xalloc.h"
#include "core/date.h"
#include "core/alerts.h"
#include "core/ladder.h"
#include "store/store_int.h"

/*
 * The streams: one ordered query per kind of record, each joined to
 * temp.wl_active, read as the children go by. The covering indexes
 * review_worklist, episode_worklist and allocation_worklist make each one
 * index scan.
 */
static const char SQL_CHILDREN[] =
	"SELECT c.id, c.la_child_id FROM temp.wl_active AS a "
	"JOIN child AS c ON c.id = a.id ORDER BY a.id";
static const char SQL_EPISODES[] =
	"SELECT e.child_id, e.decom, e.dec, e.rne, e.ls, e.place, e.rec "
	"FROM temp.wl_active AS a JOIN episode AS e ON e.child_id = a.id "
	"ORDER BY a.id, e.decom";
static const char SQL_REVIEWS[] =
	"SELECT r.child_id, r.id, r.status, r.kind, r.source, r.held_date, "
	"r.scheduled_date, r.minutes_sent_date, "
	"r.permanence_plan IS NOT NULL AND r.permanence_plan <> "
	"'not_recorded', r.chair_iro_id "
	"FROM temp.wl_active AS a JOIN review AS r ON r.child_id = a.id "
	"ORDER BY a.id, r.held_date";
static const char SQL_ALLOCATIONS[] =
	"SELECT l.child_id, l.iro_id, l.start_date, l.end_date, "
	"l.reason = 'cover' "
	"FROM temp.wl_active AS a JOIN allocation AS l ON l.child_id = a.id "
	"ORDER BY a.id, l.start_date";
/* Contacts from wl_contacts_from (?1) on: none before can count. */
static const char SQL_CONTACTS[] =
	"SELECT t.child_id, t.iro_id, t.on_date, t.kind <> 'phone' "
	"FROM temp.wl_active AS a JOIN contact AS t ON t.child_id = a.id "
	"AND t.on_date >= ?1 ORDER BY a.id, t.on_date";
/* The alerts that can make an item (temp.wl_alerts, worklist_children.c)
 * of the children chosen, with their ladder's ceiling: ?1 when the ladder
 * is not stored. The few chosen drive every join (CROSS JOIN keeps them
 * outer: SQLite would otherwise scan every alert to spare a sort), and are
 * then sorted. */
static const char SQL_ALERTS[] =
	"SELECT a.child_id, a.id, a.iro_id, a.kind, a.status, a.raised, "
	"a.closed, coalesce(l.ceiling_wd, ?1) "
	"FROM temp.wl_alerts AS w CROSS JOIN alert AS a ON a.id = w.id "
	"CROSS JOIN temp.wl_active AS c ON c.id = a.child_id "
	"LEFT JOIN ladder AS l ON l.key = a.ladder "
	"ORDER BY a.child_id, a.id";

enum { S_CHILD, S_EPISODE, S_REVIEW, S_ALLOC, S_CONTACT, S_ALERT, S_COUNT };

static const char *const STREAM_SQL[S_COUNT] = {
	SQL_CHILDREN, SQL_EPISODES, SQL_REVIEWS, SQL_ALLOCATIONS, SQL_CONTACTS,
	SQL_ALERTS,
};

struct stream {
	sqlite3_stmt *s;
	int rc;
};

static bool at_child(struct stream *x, int64_t id)
{
	while (x->rc == SQLITE_ROW && sqlite3_column_int64(x->s, 0) < id)
		x->rc = sqlite3_step(x->s);
	return x->rc == SQLITE_ROW && sqlite3_column_int64(x->s, 0) == id;
}

/*
 * The open recommendations due before as_of (?1), the only ones that make
 * an item: few, read whole from the partial index recommendation_open and
 * given to each child with its reviews (a recommendation has no child of
 * its own), which spares joining every review of the service to them.
 */
static const char SQL_OPEN_RECS[] =
	"SELECT review_id, id, due_date FROM recommendation "
	"WHERE status = 'open' AND due_date < ?1";

struct open_rec {
	int64_t review;
	struct wl_recommendation rec;
};

struct open_recs {
	struct open_rec *v; /* sorted by review */
	size_t n, cap;
	uint64_t *has;      /* bit per review id: some of v are its */
	int64_t max;        /* the highest review id in v */
};

static int by_review(const void *a, const void *b)
{
	const struct open_rec *x = a, *y = b;
	return (x->review > y->review) - (x->review < y->review);
}

static int open_recs_read(struct store *st, int32_t as_of,
			  struct open_recs *o, struct err *err)
{
	memset(o, 0, sizeof *o);
	sqlite3_stmt *s = store_stmt(st, SQL_OPEN_RECS, err);
	if (!s)
		return -1;
	bind_date(s, 1, as_of);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (GROW(o->v, o->cap, o->n + 1)) {
			sqlite3_reset(s);
			return err_set(err, "out of memory");
		}
		struct open_rec *r = &o->v[o->n++];
		r->review = sqlite3_column_int64(s, 0);
		r->rec.id = sqlite3_column_int64(s, 1);
		r->rec.due = column_date(s, 2);
		if (r->review > o->max)
			o->max = r->review;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, err, "reading recommendations");
	if (o->n) /* qsort wants an array, even of none */
		qsort(o->v, o->n, sizeof *o->v, by_review);
	o->has = calloc((size_t)o->max / 64 + 1, sizeof *o->has);
	if (!o->has)
		return err_set(err, "out of memory");
	for (size_t i = 0; i < o->n; i++)
		if (o->v[i].review > 0)
			o->has[o->v[i].review / 64] |=
				UINT64_C(1) << (o->v[i].review % 64);
	return 0;
}

/* The first of review's open recommendations in o->v, or NULL. */
static const struct open_rec *open_recs_of(const struct open_recs *o,
					   int64_t review)
{
	if (review <= 0 || review > o->max ||
	    !(o->has[review / 64] & UINT64_C(1) << (review % 64)))
		return NULL;
	size_t lo = 0, hi = o->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (o->v[mid].review < review)
			lo = mid + 1;
		else
			hi = mid;
	}
	return &o->v[lo];
}

/*
 * The stages and actions of the alerts in temp.wl_alerts that can make an
 * item on as_of (?1): the stages, entered by then, of the alerts open on
 * it (a closed one has no stage item), and the actions due before it and
 * not done by it, driven by the chosen alerts as SQL_ALERTS is. Read
 * whole, sorted by alert, and handed to each alert as it comes, as the
 * open recommendations are to their reviews.
 */
static const char SQL_ALERT_STAGES[] =
	"SELECT s.alert_id, s.stage, s.entered, s.due, s.responded "
	"FROM temp.wl_alerts AS w CROSS JOIN alert AS a ON a.id = w.id "
	"CROSS JOIN temp.wl_active AS c ON c.id = a.child_id "
	"CROSS JOIN alert_stage AS s ON s.alert_id = w.id "
	"WHERE (a.status = 'open' OR a.closed > ?1) AND s.entered <= ?1 "
	"ORDER BY s.alert_id, s.entered, s.stage";
static const char SQL_ALERT_ACTIONS[] =
	"SELECT t.alert_id, t.due, t.done "
	"FROM temp.wl_alerts AS w CROSS JOIN alert AS a ON a.id = w.id "
	"CROSS JOIN temp.wl_active AS c ON c.id = a.child_id "
	"CROSS JOIN alert_action AS t ON t.alert_id = w.id "
	"WHERE t.due < ?1 AND (t.done IS NULL OR t.done > ?1) "
	"ORDER BY t.alert_id, t.due";

/* Rows of one kind (elem bytes each) keyed by their alert, sorted. */
struct alert_parts {
	int64_t *alert;
	void *v;
	size_t n, acap, vcap, elem;
};

static void stage_row(sqlite3_stmt *s, void *dst)
{
	*(struct alert_stage *)dst = (struct alert_stage){
		.stage = sqlite3_column_int(s, 1) - 1, /* stored from 1 */
		.entered = column_date(s, 2),
		.due = column_date(s, 3),
		.responded = column_date(s, 4),
	};
}

static void action_row(sqlite3_stmt *s, void *dst)
{
	*(struct wl_action *)dst = (struct wl_action){
		.due = column_date(s, 1),
		.done = column_date(s, 2),
	};
}

static int parts_read(struct store *st, const char *sql, int32_t as_of,
		      void (*row)(sqlite3_stmt *, void *),
		      struct alert_parts *p, struct err *err)
{
	sqlite3_stmt *s = store_stmt(st, sql, err);
	if (!s)
		return -1;
	bind_date(s, 1, as_of);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (GROW(p->alert, p->acap, p->n + 1) ||
		    grow(&p->v, &p->vcap, p->n + 1, p->elem)) {
			sqlite3_reset(s);
			return err_set(err, "out of memory");
		}
		p->alert[p->n] = sqlite3_column_int64(s, 0);
		row(s, (char *)p->v + p->n * p->elem);
		p->n++;
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, err, "reading alerts");
}

/* The first of the alert's rows in p, and how many (*n). */
static const void *parts_of(const struct alert_parts *p, int64_t alert,
			    size_t *n)
{
	size_t lo = 0, hi = p->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (p->alert[mid] < alert)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t end = lo;
	while (end < p->n && p->alert[end] == alert)
		end++;
	*n = end - lo;
	return *n ? (const char *)p->v + lo * p->elem : NULL;
}

struct alert_feed {
	struct alert_parts stages, actions;
};

static int alert_feed_read(struct store *st, int32_t as_of,
			   struct alert_feed *f, struct err *err)
{
	f->stages.elem = sizeof(struct alert_stage);
	f->actions.elem = sizeof(struct wl_action);
	return parts_read(st, SQL_ALERT_STAGES, as_of, stage_row, &f->stages,
			  err) ||
			       parts_read(st, SQL_ALERT_ACTIONS, as_of,
					  action_row, &f->actions, err)
		       ? -1
		       : 0;
}

static void alert_feed_free(struct alert_feed *f)
{
	free(f->stages.alert);
	free(f->stages.v);
	free(f->actions.alert);
	free(f->actions.v);
}

struct buffers {
	struct episode *eps;
	struct period *periods;
	int32_t *held;
	struct wl_review *reviews;
	struct wl_alloc *allocs;
	struct wl_contact *contacts;
	struct wl_recommendation *recs;
	struct wl_alert *alerts;
	size_t ecap, pcap, hcap, rcap, acap, ccap, kcap, lcap;
	size_t nrecs;
};

static void buffers_free(struct buffers *b)
{
	free(b->eps);
	free(b->periods);
	free(b->held);
	free(b->reviews);
	free(b->allocs);
	free(b->contacts);
	free(b->recs);
	free(b->alerts);
}

static int read_episodes(struct stream *x, int64_t id, struct buffers *b,
			 size_t *n)
{
	for (*n = 0; at_child(x, id); x->rc = sqlite3_step(x->s)) {
		if (GROW(b->eps, b->ecap, *n + 1))
			return -1;
		column_episode(x->s, 1, &b->eps[(*n)++]);
	}
	return 0;
}

static enum wl_review_state state_of(const char *status)
{
	if (strcmp(status, "held") == 0)
		return WL_HELD;
	if (strcmp(status, "stood_down") == 0 ||
	    strcmp(status, "cancelled") == 0)
		return WL_CLOSED;
	return WL_PENDING;
}

/* The review's open recommendations, after the child's others. */
static int add_recs(const struct open_recs *o, int64_t review,
		    struct buffers *b)
{
	for (const struct open_rec *r = open_recs_of(o, review);
	     r && r < o->v + o->n && r->review == review; r++) {
		if (GROW(b->recs, b->kcap, b->nrecs + 1))
			return -1;
		b->recs[b->nrecs++] = r->rec;
	}
	return 0;
}

static int read_reviews(struct stream *x, int64_t id,
			const struct open_recs *o, struct buffers *b,
			size_t *n, size_t *nheld)
{
	*n = *nheld = b->nrecs = 0;
	for (; at_child(x, id); x->rc = sqlite3_step(x->s)) {
		sqlite3_stmt *s = x->s;
		if (GROW(b->reviews, b->rcap, *n + 1))
			return -1;
		struct wl_review *r = &b->reviews[(*n)++];
		const char *kind = column_text(s, 3);
		r->id = sqlite3_column_int64(s, 1);
		r->state = state_of(column_text(s, 2));
		r->looked_after_kind = strcmp(kind, "looked_after") == 0;
		r->counts_for_schedule = strcmp(kind, "pathway_plan") != 0;
		r->from_iro = strcmp(column_text(s, 4), "iro") == 0;
		r->held = column_date(s, 5);
		r->scheduled = column_date(s, 6);
		r->minutes_sent = column_date(s, 7);
		r->permanence_recorded = sqlite3_column_int(s, 8) != 0;
		r->chair = sqlite3_column_int64(s, 9);
		/* Reviews come ordered by held date, so the held dates the
		 * schedule wants come out sorted. */
		if (r->state == WL_HELD && r->counts_for_schedule) {
			if (GROW(b->held, b->hcap, *nheld + 1))
				return -1;
			b->held[(*nheld)++] = r->held;
		}
		if (add_recs(o, r->id, b))
			return -1;
	}
	return 0;
}

static int read_allocations(struct stream *x, int64_t id, struct buffers *b,
			    size_t *n)
{
	for (*n = 0; at_child(x, id); x->rc = sqlite3_step(x->s)) {
		if (GROW(b->allocs, b->acap, *n + 1))
			return -1;
		b->allocs[(*n)++] = (struct wl_alloc){
			.iro = sqlite3_column_int64(x->s, 1),
			.start = column_date(x->s, 2),
			.end = column_date(x->s, 3),
			.cover = sqlite3_column_int(x->s, 4) != 0,
		};
	}
	return 0;
}

static int read_contacts(struct stream *x, int64_t id, struct buffers *b,
			 size_t *n)
{
	for (*n = 0; at_child(x, id); x->rc = sqlite3_step(x->s)) {
		if (GROW(b->contacts, b->ccap, *n + 1))
			return -1;
		b->contacts[(*n)++] = (struct wl_contact){
			.iro = sqlite3_column_int64(x->s, 1),
			.date = column_date(x->s, 2),
			.seen = sqlite3_column_int(x->s, 3) != 0,
		};
	}
	return 0;
}

static int read_alerts(struct stream *x, int64_t id,
		       const struct alert_feed *f, struct buffers *b,
		       size_t *n)
{
	for (*n = 0; at_child(x, id); x->rc = sqlite3_step(x->s)) {
		sqlite3_stmt *s = x->s;
		if (GROW(b->alerts, b->lcap, *n + 1))
			return -1;
		struct wl_alert *a = &b->alerts[(*n)++];
		*a = (struct wl_alert){
			.id = sqlite3_column_int64(s, 1),
			.iro = sqlite3_column_int64(s, 2),
			.kind = alert_kind_of(column_text(s, 3)),
			.status = alert_status_of(column_text(s, 4)),
			.raised = column_date(s, 5),
			.closed = column_date(s, 6),
			.ceiling_wd = sqlite3_column_int(s, 7),
		};
		a->stages = parts_of(&f->stages, a->id, &a->nstages);
		a->actions = parts_of(&f->actions, a->id, &a->nactions);
	}
	return 0;
}

static int one_child(struct stream *x, const struct open_recs *o,
		     const struct alert_feed *f, struct buffers *b,
		     store_wl_fn fn, void *ctx, struct err *err)
{
	int64_t id = sqlite3_column_int64(x[S_CHILD].s, 0);
	size_t ne, nr, nh, na, nc, nl;
	if (read_episodes(&x[S_EPISODE], id, b, &ne) ||
	    read_reviews(&x[S_REVIEW], id, o, b, &nr, &nh) ||
	    read_allocations(&x[S_ALLOC], id, b, &na) ||
	    read_contacts(&x[S_CONTACT], id, b, &nc) ||
	    read_alerts(&x[S_ALERT], id, f, b, &nl) ||
	    GROW(b->periods, b->pcap, ne + 1))
		return err_set(err, "out of memory");
	struct wl_child c = {
		.id = id,
		.periods = b->periods,
		.nperiods = period_build(b->eps, ne, b->periods),
		.held = b->held,
		.nheld = nh,
		.reviews = b->reviews,
		.nreviews = nr,
		.allocs = b->allocs,
		.nallocs = na,
		.contacts = b->contacts,
		.ncontacts = nc,
		.recs = b->recs,
		.nrecs = b->nrecs,
		.alerts = b->alerts,
		.nalerts = nl,
	};
	return fn(ctx, &c, column_text(x[S_CHILD].s, 1));
}

int store_each_worklist_child(struct store *st, const struct wl_settings *ws,
			      int64_t iro, store_wl_fn fn, void *ctx,
			      struct err *err)
{
	int32_t as_of = ws->as_of;
	struct open_recs o = { 0 };
	struct alert_feed f = { 0 };
	if (store_worklist_children(st, as_of - ws->minutes_lookback_days,
				    as_of, iro, err) ||
	    open_recs_read(st, as_of, &o, err) ||
	    alert_feed_read(st, as_of, &f, err)) {
		free(o.v);
		free(o.has);
		alert_feed_free(&f);
		return -1;
	}
	struct stream x[S_COUNT] = { { 0 } };
	int result = 0;
	for (size_t i = 0; i < S_COUNT && !result; i++) {
		if (!(x[i].s = store_stmt(st, STREAM_SQL[i], err))) {
			result = -1;
			break;
		}
		if (i == S_CONTACT)
			bind_date(x[i].s, 1, wl_contacts_from(ws));
		if (i == S_ALERT)
			sqlite3_bind_int(x[i].s, 1, LADDER_CEILING_WD);
		x[i].rc = i == S_CHILD ? SQLITE_ROW : sqlite3_step(x[i].s);
	}
	struct buffers b = { 0 };
	while (!result &&
	       (x[S_CHILD].rc = sqlite3_step(x[S_CHILD].s)) == SQLITE_ROW)
		result = one_child(x, &o, &f, &b, fn, ctx, err);
	for (size_t i = 0; !result && i < S_COUNT; i++)
		if (x[i].rc != SQLITE_DONE && x[i].rc != SQLITE_ROW)
			result = store_fail(st, err, "reading the worklist");
	for (size_t i = 0; i < S_COUNT && x[i].s; i++)
		sqlite3_reset(x[i].s);
	buffers_free(&b);
	free(o.v);
	free(o.has);
	alert_feed_free(&f);
	return result;
}
