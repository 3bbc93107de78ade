/*
 * worklist_feed.c - each child's records as the worklist needs them
 * (core/worklist.h), streamed for the whole service.
 *
 * Like history.c: one ordered query per kind of record, merged by child id
 * as they are read, so the worklist of a national-size service costs a
 * handful of sequential scans and no query per child.
 */
#include "lib/common.h"
#include "lib/err.h"
#include "lib/xalloc.h"
#include "core/date.h"
#include "store/store_int.h"

/*
 * The children a worklist on as_of can hold anything for: those in care at
 * some time from `since` to as_of, and those with a review held then (the
 * minutes of a review are due after the child has left care); for one
 * IRO, only those allocated to the IRO on as_of or whose review the IRO
 * chaired since. Everyone else's records are never read.
 */
static const char SQL_ACTIVE_TABLE[] =
	"CREATE TEMP TABLE IF NOT EXISTS wl_active(id INTEGER PRIMARY KEY)";
static const char SQL_ACTIVE_CLEAR[] = "DELETE FROM temp.wl_active";
static const char SQL_ACTIVE_FILL[] =
	"INSERT INTO temp.wl_active(id) "
	"SELECT child_id FROM episode WHERE decom <= ?2 AND "
	"(dec IS NULL OR dec >= ?1) "
	"UNION SELECT child_id FROM review WHERE held_date BETWEEN ?1 AND ?2";
static const char SQL_ACTIVE_IRO[] =
	"DELETE FROM temp.wl_active WHERE id NOT IN ("
	"SELECT child_id FROM allocation WHERE iro_id = ?3 AND "
	"start_date <= ?2 AND (end_date IS NULL OR end_date >= ?2) "
	"UNION SELECT child_id FROM review WHERE chair_iro_id = ?3 AND "
	"held_date BETWEEN ?1 AND ?2)";

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
static const char SQL_CONTACTS[] =
	"SELECT t.child_id, t.iro_id, t.on_date, t.kind <> 'phone' "
	"FROM temp.wl_active AS a JOIN contact AS t ON t.child_id = a.id "
	"ORDER BY a.id, t.on_date";
static const char SQL_OPEN_RECS[] =
	"SELECT r.child_id, c.id, c.due_date FROM temp.wl_active AS a "
	"JOIN review AS r ON r.child_id = a.id "
	"JOIN recommendation AS c ON c.review_id = r.id "
	"WHERE c.status = 'open' ORDER BY a.id";

/* Fills temp.wl_active (see above). */
static int choose_children(struct store *st, int32_t since, int32_t as_of,
			   int64_t iro, struct err *err)
{
	const char *const steps[] = { SQL_ACTIVE_TABLE, SQL_ACTIVE_CLEAR,
				      SQL_ACTIVE_FILL, iro ? SQL_ACTIVE_IRO
							   : NULL };
	for (size_t i = 0; i < ARRAY_LEN(steps) && steps[i]; i++) {
		/* Not cached: the table must exist before the rest are
		 * prepared. */
		sqlite3_stmt *s;
		if (sqlite3_prepare_v2(st->db, steps[i], -1, &s, NULL) !=
		    SQLITE_OK)
			return store_fail(st, err, "choosing the children");
		if (i >= 2) {
			bind_date(s, 1, since);
			bind_date(s, 2, as_of);
			sqlite3_bind_int64(s, 3, iro);
		}
		int rc = sqlite3_step(s);
		sqlite3_finalize(s);
		if (rc != SQLITE_DONE)
			return store_fail(st, err, "choosing the children");
	}
	return 0;
}

/* One ordered stream, stepped as the children go by. */
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

struct buffers {
	struct episode *eps;
	struct period *periods;
	int32_t *held;
	struct wl_review *reviews;
	struct wl_alloc *allocs;
	struct wl_contact *contacts;
	struct wl_recommendation *recs;
	size_t ecap, pcap, hcap, rcap, acap, ccap, kcap;
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

static int read_reviews(struct stream *x, int64_t id, struct buffers *b,
			size_t *n, size_t *nheld)
{
	*n = *nheld = 0;
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

static int read_recs(struct stream *x, int64_t id, struct buffers *b,
		     size_t *n)
{
	for (*n = 0; at_child(x, id); x->rc = sqlite3_step(x->s)) {
		if (GROW(b->recs, b->kcap, *n + 1))
			return -1;
		b->recs[(*n)++] = (struct wl_recommendation){
			.id = sqlite3_column_int64(x->s, 1),
			.due = column_date(x->s, 2),
		};
	}
	return 0;
}

enum { S_CHILD, S_EPISODE, S_REVIEW, S_ALLOC, S_CONTACT, S_REC, S_COUNT };

static const char *const STREAM_SQL[S_COUNT] = {
	SQL_CHILDREN, SQL_EPISODES, SQL_REVIEWS,
	SQL_ALLOCATIONS, SQL_CONTACTS, SQL_OPEN_RECS,
};

static int one_child(struct stream *x, struct buffers *b, store_wl_fn fn,
		     void *ctx, struct err *err)
{
	int64_t id = sqlite3_column_int64(x[S_CHILD].s, 0);
	size_t ne, nr, nh, na, nc, nk;
	if (read_episodes(&x[S_EPISODE], id, b, &ne) ||
	    read_reviews(&x[S_REVIEW], id, b, &nr, &nh) ||
	    read_allocations(&x[S_ALLOC], id, b, &na) ||
	    read_contacts(&x[S_CONTACT], id, b, &nc) ||
	    read_recs(&x[S_REC], id, b, &nk) ||
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
		.nrecs = nk,
	};
	return fn(ctx, &c, column_text(x[S_CHILD].s, 1));
}

int store_each_worklist_child(struct store *st, int32_t since, int32_t as_of,
			      int64_t iro, store_wl_fn fn, void *ctx,
			      struct err *err)
{
	if (choose_children(st, since, as_of, iro, err))
		return -1;
	struct stream x[S_COUNT];
	for (size_t i = 0; i < S_COUNT; i++) {
		if (!(x[i].s = store_stmt(st, STREAM_SQL[i], err)))
			return -1;
		x[i].rc = i == S_CHILD ? SQLITE_ROW : sqlite3_step(x[i].s);
	}
	struct buffers b = { 0 };
	int result = 0;
	while ((x[S_CHILD].rc = sqlite3_step(x[S_CHILD].s)) == SQLITE_ROW)
		if ((result = one_child(x, &b, fn, ctx, err)) != 0)
			break;
	for (size_t i = 0; !result && i < S_COUNT; i++)
		if (x[i].rc != SQLITE_DONE && x[i].rc != SQLITE_ROW)
			result = store_fail(st, err, "reading the worklist");
	for (size_t i = 0; i < S_COUNT; i++)
		sqlite3_reset(x[i].s);
	buffers_free(&b);
	return result;
}
