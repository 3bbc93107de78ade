/*
 * casework.c - caseloads, allocating and a practice alert's life, shared
 * by the command line and the web (casework.h).
 */
#include "lib/common.h"
#include "lib/err.h"
#include "core/date.h"
#include "core/schedule.h"
#include "store/casework.h"

/* ---- Writing ------------------------------------------------------------ */

/* Sets field `field` of r from text ("" or NULL clears it); what is wrong
 * goes to p under `column` (the option or box it came from). */
static void set_field(struct record *r, const char *field, const char *column,
		      const char *text, struct problems *p)
{
	int f = kind_field(r->kind, field);
	char why[1200];
	if (f < 0) {
		problem_add(p, false, NULL, 0, column, text, "not a field");
		return;
	}
	if (!text || !*text)
		record_unset(r, (size_t)f);
	else if (record_parse_value(r, (size_t)f, text, why, sizeof why))
		problem_add(p, false, NULL, 0, column, text, "%s", why);
}

typedef int (*before_fn)(void *ctx, struct store *st, struct problems *p,
			 struct err *err);

/* Puts r in its own transaction, after `before` (NULL for none). */
static int put_one(struct store *st, struct record *r, before_fn before,
		   void *ctx, enum put_outcome *o, struct problems *p,
		   struct err *err)
{
	*o = PUT_REFUSED;
	if (p->errors)
		return 0;
	int rc = store_begin(st, err);
	if (rc == 0 && before)
		rc = before(ctx, st, p, err);
	if (rc == 0 && p->errors == 0)
		rc = store_record_put(st, r, o, p, err);
	if (rc == 0 && p->errors == 0)
		rc = store_commit(st, err);
	else
		store_rollback(st);
	if (p->out_of_memory && rc == 0 && p->errors == 0)
		rc = err_set(err, "out of memory");
	return rc ? -1 : 0;
}

/* ---- Caseloads ---------------------------------------------------------- */

struct count_ctx {
	int32_t as_of;
	const struct roster *ro;
	long *children, *cover;
	struct caseloads *out;
};

static int count_child(void *vctx, const struct wl_child *c,
		       const char *la_child_id)
{
	(void)la_child_id;
	struct count_ctx *x = vctx;
	struct wl_status s;
	wl_child_status(c, x->as_of, &s);
	if (!s.looked_after)
		return 0;
	x->out->looked_after++;
	if (!s.iro)
		x->out->unallocated++;
	const struct roster_iro *i = s.iro ? roster_find(x->ro, s.iro) : NULL;
	if (i)
		x->children[i - x->ro->v]++;
	const struct roster_iro *cv =
		s.cover_iro ? roster_find(x->ro, s.cover_iro) : NULL;
	if (cv)
		x->cover[cv - x->ro->v]++;
	return 0;
}

int store_caseloads(struct store *st, const struct roster *ro, int32_t as_of,
		    struct caseloads *out, struct err *err)
{
	memset(out, 0, sizeof *out);
	struct count_ctx x = { as_of, ro, calloc(ro->n + 1, sizeof(long)),
			       calloc(ro->n + 1, sizeof(long)), out };
	out->v = calloc(ro->n + 1, sizeof *out->v);
	int rc = 0;
	if (!x.children || !x.cover || !out->v)
		rc = err_set(err, "out of memory");
	/* Only who is allocated matters: no look-back for minutes. */
	struct wl_settings ws;
	wl_settings_default(&ws, as_of);
	ws.minutes_lookback_days = 0;
	if (rc == 0)
		rc = store_each_worklist_child(st, &ws, 0, count_child, &x, err);
	/* A row for every IRO in post on the day, and any other IRO who
	 * still has children. */
	for (size_t i = 0; rc == 0 && i < ro->n; i++) {
		double fte = wl_fte_on(&ro->v[i].w, as_of);
		if (fte <= 0 && x.children[i] == 0 && x.cover[i] == 0)
			continue;
		out->v[out->n++] = (struct caseload_iro){
			&ro->v[i], fte > 0 ? fte : 0, x.children[i], x.cover[i]
		};
		out->fte += fte > 0 ? fte : 0;
		out->allocated += x.children[i];
	}
	free(x.children);
	free(x.cover);
	if (rc)
		caseloads_free(out);
	return rc ? -1 : 0;
}

void caseloads_free(struct caseloads *c)
{
	free(c->v);
	c->v = NULL;
	c->n = 0;
}

struct list_ctx {
	int64_t iro;
	int32_t as_of;
	const struct calendar *cal;
	struct caseload_children *out;
};

static int list_child(void *vctx, const struct wl_child *c,
		      const char *la_child_id)
{
	struct list_ctx *x = vctx;
	struct wl_status s;
	wl_child_status(c, x->as_of, &s);
	if (!s.looked_after || (s.iro != x->iro && s.cover_iro != x->iro))
		return 0;
	bool cover = s.iro != x->iro;
	if (x->out->n == x->out->cap) {
		size_t cap = x->out->cap ? 2 * x->out->cap : 64;
		void *v = realloc(x->out->v, cap * sizeof *x->out->v);
		if (!v)
			return -1;
		x->out->v = v;
		x->out->cap = cap;
	}
	struct caseload_child *k = &x->out->v[x->out->n++];
	memset(k, 0, sizeof *k);
	k->child = c->id;
	snprintf(k->la_child_id, sizeof k->la_child_id, "%s", la_child_id);
	k->since = k->until = DATE_NONE;
	for (size_t i = 0; i < c->nallocs; i++) {
		const struct wl_alloc *a = &c->allocs[i];
		if (a->iro == x->iro && a->cover == cover &&
		    a->start <= x->as_of &&
		    (a->end == DATE_NONE || a->end >= x->as_of)) {
			k->since = a->start;
			k->until = a->end;
		}
	}
	snprintf(k->reason, sizeof k->reason, "%s", cover ? "cover" : "");
	struct next_review nr;
	k->next_due = sched_next_review(x->cal, c->periods, c->nperiods,
					c->held, c->nheld, x->as_of, &nr)
			      ? nr.due
			      : DATE_NONE;
	return 0;
}

int store_caseload_children(struct store *st, int64_t iro, int32_t as_of,
			    struct caseload_children *out, struct err *err)
{
	memset(out, 0, sizeof *out);
	struct calendar cal;
	if (store_calendar_load(st, &cal, err))
		return -1;
	struct wl_settings ws;
	wl_settings_default(&ws, as_of);
	ws.minutes_lookback_days = 0;
	struct list_ctx x = { iro, as_of, &cal, out };
	int rc = store_each_worklist_child(st, &ws, iro, list_child, &x, err);
	if (rc > 0)
		rc = err_set(err, "out of memory");
	cal_free(&cal);
	/* The reason of each allocation (new or transfer) is the record's:
	 * the worklist's view of allocations does not keep it. */
	for (size_t i = 0; rc == 0 && i < out->n; i++) {
		struct caseload_child *k = &out->v[i];
		int64_t id = 0;
		if (k->reason[0])
			continue;
		rc = store_current_allocation(st, k->child, as_of, &id, err);
		struct record a;
		int got = rc == 0 && id ? store_record_get(st, &KIND_ALLOCATION,
							     id, &a, err)
					: 0;
		if (got < 0)
			rc = -1;
		if (got > 0) {
			const struct value *v = record_get(&a, "reason");
			snprintf(k->reason, sizeof k->reason, "%s",
				 v->set ? v->s : "");
			record_clear(&a);
		} else if (got == 0 && id) {
			record_clear(&a);
		}
	}
	if (rc)
		caseload_children_free(out);
	return rc ? -1 : 0;
}

void caseload_children_free(struct caseload_children *c)
{
	free(c->v);
	memset(c, 0, sizeof *c);
}

/* ---- Allocating -------------------------------------------------------- */

struct transfer {
	int64_t current; /* the allocation the transfer ends, or 0 */
	int32_t from;
};

/* Ends the current allocation the day before the new one starts. */
static int end_current(void *ctx, struct store *st, struct problems *p,
		       struct err *err)
{
	struct transfer *t = ctx;
	if (!t->current)
		return 0;
	struct record old;
	int rc = store_record_get(st, &KIND_ALLOCATION, t->current, &old, err);
	if (rc <= 0) {
		record_clear(&old);
		return rc < 0 ? -1 : 0;
	}
	record_set_int(&old, (size_t)kind_field(old.kind, "end"), t->from - 1);
	enum put_outcome o;
	rc = store_record_put(st, &old, &o, p, err);
	record_clear(&old);
	return rc;
}

int store_allocate(struct store *st, const struct allocation_in *in,
		   struct record *out, enum put_outcome *o,
		   struct problems *p, struct err *err)
{
	record_init(out, &KIND_ALLOCATION);
	*o = PUT_REFUSED;
	struct transfer t = { 0, in->from };
	int64_t child = store_child_id(st, in->child, err);
	if (child < 0 ||
	    (child > 0 && store_current_allocation(st, child, in->from,
						   &t.current, err) < 0))
		return -1;
	const char *reason = in->reason && *in->reason ? in->reason
			     : t.current		  ? "transfer"
							  : "new";
	if (strcmp(reason, "cover") == 0)
		t.current = 0; /* cover sits beside the allocation */
	char iso[DATE_ISO_LEN + 1];
	date_format_iso(in->from, iso);
	set_field(out, "child", "child", in->child, p);
	set_field(out, "iro", "iro", in->iro, p);
	set_field(out, "start", "from", iso, p);
	set_field(out, "reason", "reason", reason, p);
	if (in->to)
		set_field(out, "end", "to", in->to, p);
	if (in->override)
		set_field(out, "override", "override", in->override, p);
	return put_one(st, out, end_current, &t, o, p, err);
}

/* ---- Practice alerts --------------------------------------------------- */

/* The ladder alert r climbs: its own, else the authority's active one
 * (which r then names). 1, 0 with a problem, -1 on error. */
static int ladder_of(struct store *st, struct record *r, struct ladder *l,
		     struct problems *p, struct err *err)
{
	size_t f = (size_t)kind_field(r->kind, "ladder");
	char key[32];
	if (!r->v[f].set &&
	    (store_active_ladder(st, key, sizeof key, err) ||
	     record_set_text(r, f, key)))
		return -1;
	int rc = store_ladder(st, r->v[f].s, false, l, err);
	if (rc == 0)
		problem_add(p, false, NULL, 0, "ladder", r->v[f].s,
			    "there is no ladder with this key (iro ladder "
			    "list shows them)");
	return rc;
}

int store_alert_open(struct store *st, int64_t id, struct alert_case *a,
		     struct err *err)
{
	memset(a, 0, sizeof *a);
	int rc = store_record_get(st, &KIND_ALERT, id, &a->r, err);
	if (rc <= 0)
		return rc;
	a->ladder.ceiling_wd = LADDER_CEILING_WD;
	if (strcmp(record_get(&a->r, "kind")->s, "good_practice") != 0) {
		struct problems p;
		problems_init(&p);
		rc = ladder_of(st, &a->r, &a->ladder, &p, err);
		if (rc == 0)
			rc = err_set(err, "%s", p.count ? p.v[0].reason : "?");
		problems_free(&p);
		if (rc < 0)
			return -1;
	}
	alert_view_read(&a->r, a->ladder.ceiling_wd, &a->view);
	return 1;
}

void alert_case_clear(struct alert_case *a)
{
	record_clear(&a->r);
}

static struct record *list_add(struct record *r, const char *key)
{
	return record_list_add(r, (size_t)kind_list(r->kind, key));
}

/* Appends stage n (1-based) entered on `iso`, and makes the alert's kind
 * what entering it makes it. */
static void enter_stage(struct record *r, const struct ladder *l, int n,
			const char *iso, const char *to, struct problems *p)
{
	struct record *s = list_add(r, "stages");
	if (!s) {
		p->out_of_memory = true;
		return;
	}
	char num[12];
	snprintf(num, sizeof num, "%d", n);
	set_field(s, "stage", "stage", num, p);
	set_field(s, "entered", "date", iso, p);
	if (to && *to)
		set_field(s, "addressee", "to", to, p);
	enum alert_kind k = alert_kind_of(record_get(r, "kind")->s);
	set_field(r, "kind", "kind",
		  alert_kind_code(dispute_kind_after(l, k, n - 1)), p);
}

static bool stage_ok(const struct ladder *l, int n, struct problems *p)
{
	if (n >= 1 && (size_t)n <= l->nstages)
		return true;
	char v[12];
	snprintf(v, sizeof v, "%d", n);
	problem_add(p, false, NULL, 0, "stage", v,
		    "the ladder's stages are 1 to %zu", l->nstages);
	return false;
}

int store_alert_raise(struct store *st, struct record *r,
		      const struct alert_raise_in *in, struct problems *p,
		      struct err *err)
{
	char iso[DATE_ISO_LEN + 1];
	date_format_iso(in->date, iso);
	set_field(r, "raised", "date", iso, p);
	for (const char *t = in->themes; t && *t;) {
		size_t len = strcspn(t, ";");
		while (len && t[len - 1] == ' ')
			len--;
		char name[256];
		snprintf(name, sizeof name, "%.*s", (int)len, t);
		struct record *x = list_add(r, "themes");
		if (!x)
			return err_set(err, "out of memory");
		set_field(x, "theme", "theme", name, p);
		t += strcspn(t, ";");
		t += strspn(t, "; ");
	}
	const struct value *kind = record_get(r, "kind");
	if (!kind->set)
		problem_add(p, false, NULL, 0, "kind", NULL,
			    "good_practice, informal or formal is needed");
	else if (strcmp(kind->s, "good_practice") != 0) {
		struct ladder l;
		int rc = ladder_of(st, r, &l, p, err);
		if (rc < 0)
			return -1;
		/* A formal alert starts at the first formal stage. */
		size_t first = strcmp(kind->s, "formal") == 0
				       ? ladder_first_formal(&l)
				       : 0;
		int n = in->stage ? in->stage
				  : first < l.nstages ? (int)first + 1 : 1;
		if (rc > 0 && stage_ok(&l, n, p))
			enter_stage(r, &l, n, iso, in->to, p);
	}
	enum put_outcome o;
	return put_one(st, r, NULL, NULL, &o, p, err);
}

static void close_as(struct record *r, const char *iso, const char *status,
		     const char *outcome, struct problems *p)
{
	set_field(r, "status", "status", status, p);
	set_field(r, "closed", "date", iso, p);
	if (outcome && *outcome)
		set_field(r, "outcome", "outcome", outcome, p);
}

static void do_action(struct record *r, const struct alert_move_in *m,
		      const char *iso, struct problems *p)
{
	struct record_list *ls = &r->lists[kind_list(r->kind, "actions")];
	if (m->done) {
		char v[24];
		snprintf(v, sizeof v, "%ld", m->done);
		if (m->done < 1 || (size_t)m->done > ls->count)
			problem_add(p, false, NULL, 0, "done", v,
				    ls->count ? "there is no such action"
					      : "the alert has no actions");
		else if (record_get(&ls->items[m->done - 1], "done")->set)
			problem_add(p, false, NULL, 0, "done", v,
				    "that action is done already");
		else
			set_field(&ls->items[m->done - 1], "done", "date", iso,
				  p);
		return;
	}
	if (!m->action || !*m->action) {
		problem_add(p, false, NULL, 0, "action", NULL,
			    "what is to be done is needed (or --done N)");
		return;
	}
	struct record *x = list_add(r, "actions");
	if (!x) {
		p->out_of_memory = true;
		return;
	}
	set_field(x, "action", "action", m->action, p);
	if (m->owner && *m->owner)
		set_field(x, "owner", "owner", m->owner, p);
	if (m->due && *m->due)
		set_field(x, "due", "due", m->due, p);
}

int store_alert_move(struct store *st, struct alert_case *a,
		     const struct alert_move_in *m, struct problems *p,
		     struct err *err)
{
	char iso[DATE_ISO_LEN + 1];
	date_format_iso(m->date, iso);
	int stage = 0;
	if (m->move == MOVE_ESCALATE) {
		const struct alert_clock_in *in = &a->view.in;
		int at = in->nstages ? in->stages[in->nstages - 1].stage + 1
				     : 0;
		stage = m->stage ? m->stage
			: at + 1 <= (int)a->ladder.nstages ? at + 1
							   : at;
		if (m->stage && !stage_ok(&a->ladder, stage, p))
			return 0;
	}
	char why[256];
	if (dispute_refusal(&a->ladder, &a->view.in, m->move, stage - 1,
			    m->date, why, sizeof why)) {
		problem_add(p, false, NULL, 0, "", NULL, "%s", why);
		return 0;
	}
	struct record *r = &a->r;
	struct record_list *ls = &r->lists[kind_list(r->kind, "stages")];
	switch (m->move) {
	case MOVE_ESCALATE:
		enter_stage(r, &a->ladder, stage, iso, m->to, p);
		if (m->impact && *m->impact)
			set_field(r, "impact", "impact", m->impact, p);
		break;
	case MOVE_RESPOND:
		set_field(&ls->items[ls->count - 1], "responded", "date", iso,
			  p);
		if (m->response && *m->response)
			set_field(&ls->items[ls->count - 1], "response",
				  "response", m->response, p);
		break;
	case MOVE_RESOLVE:
		close_as(r, iso, "resolved", m->outcome, p);
		break;
	case MOVE_WITHDRAW:
		close_as(r, iso, "withdrawn", m->outcome, p);
		break;
	case MOVE_CAFCASS:
		close_as(r, iso, "cafcass", m->outcome, p);
		break;
	case MOVE_ACTION:
		do_action(r, m, iso, p);
		break;
	}
	enum put_outcome o;
	return put_one(st, r, NULL, NULL, &o, p, err);
}
