/*
 * alert_measures.c - the facts, groupings, filters and counts of practice
 * alerts (alert_measures.h says what each means).
 */
#include "lib/common.h"
#include "lib/xalloc.h"
#include "core/alert_measures.h"
#include "core/date.h"
#include "core/record.h"

/* ---- One alert's facts --------------------------------------------------- */

/* The day stage i stopped waiting: its response, the next stage's entry or
 * the closure, whichever came first; DATE_NONE while it still waits. */
static int32_t stage_ended(const struct alert_clock_in *in, size_t i)
{
	int32_t end = in->stages[i].responded;
	if (i + 1 < in->nstages &&
	    (end == DATE_NONE || in->stages[i + 1].entered < end))
		end = in->stages[i + 1].entered;
	if (in->closed != DATE_NONE && (end == DATE_NONE || in->closed < end))
		end = in->closed;
	return end;
}

void alert_facts_of(const struct calendar *cal, const struct alert_view *v,
		    int32_t as_of, struct alert_facts *f)
{
	const struct alert_clock_in *in = &v->in;
	memset(f, 0, sizeof *f);
	dispute_clock(cal, in, as_of, &f->clock);
	f->reached = in->nstages ? in->stages[in->nstages - 1].stage : -1;
	f->resolved_at = in->status == ALERT_RESOLVED ? f->reached : -1;
	bool open = in->status == ALERT_OPEN;
	f->calendar_days = open || in->closed == DATE_NONE
				   ? -1
				   : (int)(in->closed - in->raised);
	f->past_deadline = f->clock.state == ALERT_STAGE_OVERDUE ||
			   f->clock.state == ALERT_CEILING_PASSED;
	f->in_stage_time = !open && in->kind != ALERT_GOOD_PRACTICE;
	for (size_t i = 0; i < in->nstages; i++) {
		const struct alert_stage *s = &in->stages[i];
		int32_t end = stage_ended(in, i);
		if (s->due != DATE_NONE && (end == DATE_NONE || end > s->due))
			f->in_stage_time = false;
		/* An escalation after the stage before was due, with no
		 * response by then. */
		if (i > 0) {
			const struct alert_stage *b = &in->stages[i - 1];
			if (b->due != DATE_NONE && s->entered > b->due &&
			    (b->responded == DATE_NONE ||
			     b->responded > b->due))
				f->escalated_late++;
		}
	}
}

/* ---- Groupings ------------------------------------------------------------ */

static const char *const DIM_NAMES[DIM_COUNT] = {
	[DIM_KIND] = "kind",	     [DIM_STATUS] = "status",
	[DIM_MONTH] = "month",	     [DIM_QUARTER] = "quarter",
	[DIM_YEAR] = "year",	     [DIM_TEAM] = "team",
	[DIM_THEME] = "theme",	     [DIM_IRO] = "iro",
	[DIM_REACHED] = "reached",   [DIM_RESOLVED] = "resolved-at",
	[DIM_ENTERED] = "entered",   [DIM_BAND] = "band",
	[DIM_WEEKS] = "weeks",	     [DIM_CEILING] = "ceiling",
	[DIM_STATE] = "state",	     [DIM_ESCALATION] = "escalation",
};

const char *alert_dim_name(enum alert_dim d)
{
	return (unsigned)d < DIM_COUNT ? DIM_NAMES[d] : "?";
}

int alert_dim_parse(const char *word)
{
	for (int d = 0; d < DIM_COUNT; d++)
		if (strcmp(DIM_NAMES[d], word) == 0)
			return d;
	return -1;
}

/* Orders that put the "none" and "still open" rows after the others. */
#define ORDER_NONE 1000000L
#define ORDER_OPEN (ORDER_NONE + 1)

struct keys {
	struct alert_key *v;
	size_t n, cap;
};

static void key(struct keys *k, long order, const char *fmt, ...)
	PRINTF_LIKE(3, 4);

static void key(struct keys *k, long order, const char *fmt, ...)
{
	if (k->n >= k->cap)
		return;
	struct alert_key *x = &k->v[k->n++];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(x->text, sizeof x->text, fmt, ap);
	va_end(ap);
	x->order = order;
}

static const char *text_of(const struct record *r, const char *field)
{
	const struct value *v = record_get(r, field);
	return v && v->set ? v->s : NULL;
}

/* Stage `idx` (0-based) as the alert named it when it entered, else as
 * the ladder names it: "stage 1 (team manager)". */
static void key_stage(struct keys *k, const struct alert_item *a,
		      const struct ladder *l, int idx)
{
	const char *name = NULL, *to = NULL;
	const struct record_list *ls =
		&a->rec->lists[kind_list(a->rec->kind, "stages")];
	for (size_t i = 0; i < ls->count; i++) {
		const struct value *n = record_get(&ls->items[i], "stage");
		if (n->set && n->i == idx + 1) {
			name = text_of(&ls->items[i], "name");
			to = text_of(&ls->items[i], "addressee");
		}
	}
	if (!name && l && idx < (int)l->nstages) {
		name = l->stages[idx].name;
		to = l->stages[idx].addressee[0] ? l->stages[idx].addressee
						 : NULL;
	}
	if (!name)
		key(k, idx, "stage %d", idx + 1);
	else if (to)
		key(k, idx, "%s (%s)", name, to);
	else
		key(k, idx, "%s", name);
}

/* The reporting year (1 April to 31 March) a day falls in, by its start. */
static int year_of(int32_t day, int *month)
{
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	*month = m;
	return m >= 4 ? y : y - 1;
}

static void keys_time(enum alert_dim d, int32_t raised, struct keys *k)
{
	int y, m, day;
	date_to_ymd(raised, &y, &m, &day);
	int fy = year_of(raised, &m);
	if (d == DIM_MONTH)
		key(k, y * 12L + m, "%04d-%02d", y, m);
	else if (d == DIM_QUARTER)
		key(k, fy * 4L + (m + 8) % 12 / 3, "%04d-%02d Q%d", fy,
		    (fy + 1) % 100, (m + 8) % 12 / 3 + 1);
	else
		key(k, fy, "%04d-%02d", fy, (fy + 1) % 100);
}

static void keys_listed(const struct alert_item *a, enum alert_dim d,
			struct keys *k)
{
	if (d == DIM_TEAM || d == DIM_IRO) {
		const char *t = text_of(a->rec, d == DIM_TEAM ? "team" : "iro");
		if (t)
			key(k, 0, "%s", t);
		else
			key(k, ORDER_NONE, "no %s recorded",
			    d == DIM_TEAM ? "team" : "IRO");
		return;
	}
	const struct record_list *th =
		&a->rec->lists[kind_list(a->rec->kind, "themes")];
	for (size_t i = 0; i < th->count; i++) {
		const char *t = text_of(&th->items[i], "theme");
		if (t)
			key(k, 0, "%s", t);
	}
	if (!th->count)
		key(k, ORDER_NONE, "no theme recorded");
}

static void keys_closing(enum alert_dim d, const struct alert_item *a,
			 struct keys *k)
{
	const struct alert_facts *f = &a->facts;
	if (a->view.in.status == ALERT_OPEN) {
		key(k, ORDER_OPEN, "open");
		return;
	}
	int wd = f->clock.elapsed_wd, days = f->calendar_days;
	static const char *const BANDS[BAND_COUNT] = {
		"up to 5 working days", "6 to 10 working days",
		"11 to 20 working days", "over 20 working days",
	};
	if (d == DIM_BAND) {
		enum resolve_band b = dispute_band(wd);
		key(k, b, "%s", BANDS[b]);
	} else if (d == DIM_WEEKS) {
		/* BUCKS-F8: "less than one week" ... "over 4 weeks". */
		if (days < 7)
			key(k, 0, "under 1 week");
		else if (days < 14)
			key(k, 1, "1 to 2 weeks");
		else if (days <= 28)
			key(k, 2, "2 to 4 weeks");
		else
			key(k, 3, "over 4 weeks");
	} else {
		key(k, !f->clock.within_ceiling, "%s %d working days",
		    f->clock.within_ceiling ? "within" : "over",
		    a->view.in.ceiling_wd);
	}
}

static void keys_resolved(const struct alert_item *a, const struct ladder *l,
			  struct keys *k)
{
	switch (a->view.in.status) {
	case ALERT_RESOLVED:
		if (a->facts.resolved_at >= 0)
			key_stage(k, a, l, a->facts.resolved_at);
		break;
	case ALERT_CAFCASS:
		key(k, ORDER_NONE - 2, "referred to Cafcass");
		break;
	case ALERT_WITHDRAWN:
		key(k, ORDER_NONE - 1, "withdrawn");
		break;
	case ALERT_OPEN:
		key(k, ORDER_OPEN, "open");
		break;
	}
}

static void keys_state(const struct alert_item *a, struct keys *k)
{
	enum alert_state s = a->facts.clock.state;
	key(k, s, "%s", dispute_state_words(s));
}

static void keys_escalation(const struct alert_item *a, struct keys *k)
{
	if (a->facts.escalated_late)
		key(k, 0, "escalated after a missed deadline");
	else if (a->view.in.nstages > 1)
		key(k, 1, "escalated within deadlines");
	else
		key(k, 2, "not escalated");
}

static bool in_window(int32_t day, int32_t from, int32_t to)
{
	return (from == DATE_NONE || day >= from) &&
	       (to == DATE_NONE || day <= to);
}

size_t alert_keys(enum alert_dim d, const struct alert_item *a,
		  const struct ladder *l, int32_t from, int32_t to,
		  struct alert_key *out, size_t cap)
{
	struct keys k = { out, 0, cap };
	const struct alert_clock_in *in = &a->view.in;
	bool dispute = in->kind != ALERT_GOOD_PRACTICE;
	switch (d) {
	case DIM_KIND:
		key(&k, in->kind, "%s",
		    in->kind == ALERT_GOOD_PRACTICE ? "good practice"
						    : alert_kind_code(in->kind));
		break;
	case DIM_STATUS:
		key(&k, in->status, "%s",
		    in->status == ALERT_CAFCASS ? "referred to Cafcass"
						: alert_status_code(in->status));
		break;
	case DIM_MONTH:
	case DIM_QUARTER:
	case DIM_YEAR:
		keys_time(d, in->raised, &k);
		break;
	case DIM_TEAM:
	case DIM_THEME:
	case DIM_IRO:
		keys_listed(a, d, &k);
		break;
	case DIM_REACHED:
		if (dispute && a->facts.reached >= 0)
			key_stage(&k, a, l, a->facts.reached);
		break;
	case DIM_RESOLVED:
		if (dispute)
			keys_resolved(a, l, &k);
		break;
	case DIM_ENTERED:
		for (size_t i = 0; dispute && i < in->nstages; i++)
			if (in_window(in->stages[i].entered, from, to))
				key_stage(&k, a, l, in->stages[i].stage);
		break;
	case DIM_BAND:
	case DIM_WEEKS:
	case DIM_CEILING:
		if (dispute)
			keys_closing(d, a, &k);
		break;
	case DIM_STATE:
		if (dispute)
			keys_state(a, &k);
		break;
	case DIM_ESCALATION:
		if (dispute)
			keys_escalation(a, &k);
		break;
	case DIM_COUNT:
		break;
	}
	return k.n;
}

/* ---- Filters -------------------------------------------------------------- */

static bool text_is(const struct record *r, const char *field,
		    const char *want)
{
	const char *t = text_of(r, field);
	return !want || (t && strcmp(t, want) == 0);
}

static bool has_theme(const struct record *r, const char *want)
{
	if (!want)
		return true;
	const struct record_list *th = &r->lists[kind_list(r->kind, "themes")];
	for (size_t i = 0; i < th->count; i++)
		if (text_is(&th->items[i], "theme", want))
			return true;
	return false;
}

static bool entered_in(const struct alert_clock_in *in, int32_t from,
		       int32_t to)
{
	for (size_t i = 0; i < in->nstages; i++)
		if (in_window(in->stages[i].entered, from, to))
			return true;
	return false;
}

bool alert_matches(const struct alert_filter *f, const struct alert_item *a)
{
	const struct alert_clock_in *in = &a->view.in;
	const struct record *r = a->rec;
	if (f->by_entry ? !entered_in(in, f->from, f->to)
			: !in_window(in->raised, f->from, f->to))
		return false;
	if (f->kind && (strcmp(f->kind, "dispute") == 0
				? in->kind == ALERT_GOOD_PRACTICE
				: strcmp(alert_kind_code(in->kind), f->kind) != 0))
		return false;
	if (f->status && strcmp(alert_status_code(in->status), f->status) != 0)
		return false;
	if (!text_is(r, "team", f->team) || !text_is(r, "iro", f->iro) ||
	    !text_is(r, "child", f->child) || !has_theme(r, f->theme))
		return false;
	if (f->reached && a->facts.reached + 1 < f->reached)
		return false;
	if (f->resolved_at && a->facts.resolved_at + 1 != f->resolved_at)
		return false;
	if (f->past_deadline && !a->facts.past_deadline)
		return false;
	return !f->escalated_late || a->facts.escalated_late > 0;
}

/* ---- Counts --------------------------------------------------------------- */

void alert_counts_init(struct alert_counts *c, const enum alert_dim *dims,
		       size_t ndims)
{
	memset(c, 0, sizeof *c);
	c->ndims = ndims < 2 ? 1 : 2;
	c->dim[0] = dims[0];
	c->dim[1] = c->ndims == 2 ? dims[1] : dims[0];
}

void alert_counts_free(struct alert_counts *c)
{
	free(c->v);
	memset(c, 0, sizeof *c);
}

/* The row for the key pair, added when there is none; NULL when out of
 * memory. */
static struct alert_count *row(struct alert_counts *c,
			       const struct alert_key *k0,
			       const struct alert_key *k1)
{
	for (size_t i = 0; i < c->n; i++) {
		struct alert_count *x = &c->v[i];
		if (strcmp(x->key[0].text, k0->text) == 0 &&
		    (!k1 || strcmp(x->key[1].text, k1->text) == 0))
			return x;
	}
	if (GROW(c->v, c->cap, c->n + 1))
		return NULL;
	struct alert_count *x = &c->v[c->n++];
	memset(x, 0, sizeof *x);
	x->key[0] = *k0;
	if (k1)
		x->key[1] = *k1;
	/* A row listed ahead (alert_counts_ensure) sets where its key sorts. */
	for (size_t i = 0; i + 1 < c->n; i++)
		if (strcmp(c->v[i].key[0].text, k0->text) == 0)
			x->key[0].order = c->v[i].key[0].order;
	return x;
}

int alert_counts_ensure(struct alert_counts *c, const char *text,
			long order)
{
	struct alert_key k = { .order = order };
	snprintf(k.text, sizeof k.text, "%s", text);
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->v[i].key[0].text, text) == 0)
			return 0;
	struct alert_key none = { .order = -1 };
	return row(c, &k, c->ndims == 2 ? &none : NULL) ? 0 : -1;
}

int alert_counts_add(struct alert_counts *c, const struct alert_item *a,
		     const struct ladder *l, int32_t from, int32_t to)
{
	struct alert_key k0[ALERT_MAX_KEYS], k1[ALERT_MAX_KEYS];
	size_t n0 = alert_keys(c->dim[0], a, l, from, to, k0, ALERT_MAX_KEYS);
	size_t n1 = c->ndims == 2 ? alert_keys(c->dim[1], a, l, from, to, k1,
					       ALERT_MAX_KEYS)
				  : 1;
	if (!n0 || !n1)
		return 0;
	c->total++;
	for (size_t i = 0; i < n0; i++)
		for (size_t j = 0; j < n1; j++) {
			struct alert_count *x =
				row(c, &k0[i], c->ndims == 2 ? &k1[j] : NULL);
			if (!x)
				return -1;
			x->alerts++;
		}
	return 0;
}

static int key_cmp(const struct alert_key *a, const struct alert_key *b)
{
	if (a->order != b->order)
		return a->order < b->order ? -1 : 1;
	return strcmp(a->text, b->text);
}

static int count_cmp(const void *pa, const void *pb)
{
	const struct alert_count *a = pa, *b = pb;
	int c = key_cmp(&a->key[0], &b->key[0]);
	return c ? c : key_cmp(&a->key[1], &b->key[1]);
}

/* A row listed ahead under two groupings (second key order -1) is only
 * kept when nothing else was counted under its first key. */
static bool placeholder_used(const struct alert_counts *c, size_t i)
{
	const struct alert_count *x = &c->v[i];
	if (c->ndims < 2 || x->key[1].order != -1)
		return false;
	for (size_t j = 0; j < c->n; j++)
		if (j != i && strcmp(c->v[j].key[0].text, x->key[0].text) == 0)
			return true;
	return false;
}

void alert_counts_sort(struct alert_counts *c)
{
	size_t kept = 0;
	for (size_t i = 0; i < c->n; i++)
		if (!placeholder_used(c, i))
			c->v[kept++] = c->v[i];
	c->n = kept;
	if (c->n > 1)
		qsort(c->v, c->n, sizeof *c->v, count_cmp);
}
