/*
 * alerts.c - alert and ladder records in the clock's terms, and the rules
 * against the ladder and the alert's past (alerts.h says the rules).
 */
#include "lib/common.h"
#include "core/alerts.h"
#include "core/date.h"
#include "core/record.h"

static const char *const KIND_CODES[] = {
	[ALERT_GOOD_PRACTICE] = "good_practice",
	[ALERT_INFORMAL] = "informal",
	[ALERT_FORMAL] = "formal",
};
static const char *const STATUS_CODES[] = {
	[ALERT_OPEN] = "open",
	[ALERT_RESOLVED] = "resolved",
	[ALERT_WITHDRAWN] = "withdrawn",
	[ALERT_CAFCASS] = "cafcass",
};

static int code_index(const char *const *codes, size_t n, const char *code,
		      int fallback)
{
	for (size_t i = 0; code && i < n; i++)
		if (strcmp(codes[i], code) == 0)
			return (int)i;
	return fallback;
}

enum alert_kind alert_kind_of(const char *code)
{
	return (enum alert_kind)code_index(KIND_CODES, ARRAY_LEN(KIND_CODES),
					   code, ALERT_INFORMAL);
}

enum alert_status alert_status_of(const char *code)
{
	return (enum alert_status)code_index(
		STATUS_CODES, ARRAY_LEN(STATUS_CODES), code, ALERT_OPEN);
}

const char *alert_kind_code(enum alert_kind k)
{
	return KIND_CODES[k];
}

const char *alert_status_code(enum alert_status s)
{
	return STATUS_CODES[s];
}

static int32_t date_of(const struct record *r, const char *field)
{
	const struct value *v = record_get(r, field);
	return v && v->set ? (int32_t)v->i : DATE_NONE;
}

static const struct record_list *list_of(const struct record *r,
					 const char *key)
{
	return &r->lists[kind_list(r->kind, key)];
}

void alert_view_read(const struct record *r, int ceiling_wd,
		     struct alert_view *v)
{
	memset(v, 0, sizeof *v);
	v->id = r->id;
	struct alert_clock_in *in = &v->in;
	const struct value *k = record_get(r, "kind");
	const struct value *s = record_get(r, "status");
	in->kind = alert_kind_of(k->set ? k->s : NULL);
	in->status = alert_status_of(s->set ? s->s : NULL);
	in->raised = date_of(r, "raised");
	in->closed = date_of(r, "closed");
	in->ceiling_wd = ceiling_wd;
	in->stages = v->stages;
	const struct record_list *ls = list_of(r, "stages");
	for (size_t i = 0; i < ls->count && i < LADDER_MAX_STAGES; i++) {
		const struct record *x = &ls->items[i];
		const struct value *n = record_get(x, "stage");
		struct alert_stage *a = &v->stages[in->nstages++];
		a->stage = n->set ? (int)n->i - 1 : 0;
		a->entered = date_of(x, "entered");
		a->due = date_of(x, "due");
		a->responded = date_of(x, "responded");
	}
}

bool alert_view_as_of(struct alert_view *v, int32_t as_of,
		      const struct ladder *l)
{
	struct alert_stage was[LADDER_MAX_STAGES];
	struct alert_clock_in in = v->in;
	memcpy(was, v->stages, sizeof was);
	in.stages = was;
	if (!dispute_as_of(&in, as_of, v->stages, &v->in))
		return false;
	if (l && v->in.kind != ALERT_GOOD_PRACTICE) {
		/* "formal exactly when it has entered a formal stage" */
		v->in.kind = ALERT_INFORMAL;
		for (size_t i = 0; i < v->in.nstages; i++)
			v->in.kind = dispute_kind_after(l, v->in.kind,
							v->stages[i].stage);
	}
	return true;
}

/* ---- Ladders as records --------------------------------------------------- */

static void copy_text(const struct record *r, const char *field, char *dst,
		      size_t size)
{
	const struct value *v = record_get(r, field);
	snprintf(dst, size, "%s", v && v->set ? v->s : "");
}

const char *ladder_from_record(const struct record *r, struct ladder *l)
{
	memset(l, 0, sizeof *l);
	copy_text(r, "key", l->key, sizeof l->key);
	copy_text(r, "name", l->name, sizeof l->name);
	const struct value *c = record_get(r, "ceiling");
	l->ceiling_wd = c->set ? (int)c->i : 0;
	const struct record_list *ls = list_of(r, "stages");
	if (ls->count > LADDER_MAX_STAGES)
		return "a ladder has 1 to 8 stages";
	for (size_t i = 0; i < ls->count; i++) {
		const struct record *x = &ls->items[i];
		struct ladder_stage *s = &l->stages[l->nstages++];
		copy_text(x, "name", s->name, sizeof s->name);
		copy_text(x, "addressee", s->addressee, sizeof s->addressee);
		const struct value *d = record_get(x, "days");
		s->response_wd = d->set ? (int)d->i : 0;
		s->formal = record_get(x, "formal")->i != 0;
	}
	return ladder_check(l);
}

static int set_text(struct record *r, const char *field, const char *s)
{
	return s[0] ? record_set_text(r, (size_t)kind_field(r->kind, field), s)
		    : 0;
}

static void set_int(struct record *r, const char *field, int64_t i)
{
	record_set_int(r, (size_t)kind_field(r->kind, field), i);
}

int ladder_to_record(const struct ladder *l, struct record *r)
{
	record_init(r, &KIND_LADDER);
	int rc = set_text(r, "key", l->key) | set_text(r, "name", l->name);
	set_int(r, "ceiling", l->ceiling_wd);
	for (size_t i = 0; !rc && i < l->nstages; i++) {
		const struct ladder_stage *s = &l->stages[i];
		struct record *x = record_list_add(r, 0);
		if (!x)
			return -1;
		rc = set_text(x, "name", s->name) |
		     set_text(x, "addressee", s->addressee);
		set_int(x, "days", s->response_wd);
		set_int(x, "formal", s->formal);
	}
	return rc ? -1 : 0;
}

/* ---- Alerts against their ladder ------------------------------------------ */

/* The ladder stage alert stage x names, or NULL when it names none. */
static const struct ladder_stage *on_ladder(const struct record *x,
					    const struct ladder *l)
{
	const struct value *n = record_get(x, "stage");
	if (!n->set || n->i < 1 || n->i > (int64_t)l->nstages)
		return NULL;
	return &l->stages[n->i - 1];
}

int alert_fill_stages(struct record *r, const struct ladder *l,
		      const struct calendar *cal)
{
	struct record_list *ls = &r->lists[kind_list(r->kind, "stages")];
	for (size_t i = 0; i < ls->count; i++) {
		struct record *x = &ls->items[i];
		const struct ladder_stage *s = on_ladder(x, l);
		if (!s)
			continue;
		if (!record_get(x, "name")->set &&
		    set_text(x, "name", s->name))
			return -1;
		if (!record_get(x, "addressee")->set &&
		    set_text(x, "addressee", s->addressee))
			return -1;
		int32_t due = dispute_stage_due(cal, date_of(x, "entered"),
						s->response_wd);
		if (!record_get(x, "due")->set && due != DATE_NONE)
			set_int(x, "due", due);
	}
	return 0;
}

void alert_check_ladder(const struct record *r, const struct ladder *l,
			struct problems *p)
{
	const struct record_list *ls = list_of(r, "stages");
	bool formal = false;
	for (size_t i = 0; i < ls->count; i++) {
		const struct record *x = &ls->items[i];
		const struct ladder_stage *s = on_ladder(x, l);
		const struct value *n = record_get(x, "stage");
		if (!s && n->set) {
			char v[24];
			snprintf(v, sizeof v, "%" PRId64, n->i);
			problem_add(p, false, NULL, 0, "stage", v,
				    "the %s ladder has stages 1 to %zu", l->key,
				    l->nstages);
		}
		formal |= s && s->formal;
	}
	const struct value *k = record_get(r, "kind");
	if (!k->set || strcmp(k->s, "good_practice") == 0 || !ls->count)
		return;
	bool says_formal = strcmp(k->s, "formal") == 0;
	if (formal && !says_formal)
		problem_add(p, false, NULL, 0, "kind", k->s,
			    "the alert has entered a formal stage of the "
			    "ladder: it is formal");
	else if (!formal && says_formal)
		problem_add(p, false, NULL, 0, "kind", k->s,
			    "the alert has entered no formal stage of the "
			    "ladder: it is informal until it does");
}

/* ---- Alerts against their past -------------------------------------------- */

/* Field f of a and b hold the same value (both unset counts). */
static bool same(const struct record *a, const struct record *b,
		 const char *f)
{
	const struct value *x = record_get(a, f), *y = record_get(b, f);
	if (x->set != y->set)
		return false;
	if (!x->set)
		return true;
	return x->s || y->s ? x->s && y->s && strcmp(x->s, y->s) == 0
			    : x->i == y->i;
}

/* f may go from unset to set, but once set stays as it was. */
static bool kept_once_set(const struct record *old, const struct record *r,
			  const char *f)
{
	return !record_get(old, f)->set || same(old, r, f);
}

static void changed(struct problems *p, const char *field, const char *why)
{
	problem_add(p, false, NULL, 0, field, NULL, "%s", why);
}

static void check_stages_kept(const struct record *old,
			      const struct record *r, struct problems *p)
{
	const struct record_list *a = list_of(old, "stages");
	const struct record_list *b = list_of(r, "stages");
	if (b->count < a->count) {
		changed(p, "stages", "a stage the alert entered cannot be "
				     "taken out of its history");
		return;
	}
	for (size_t i = 0; i < a->count; i++) {
		const struct record *x = &a->items[i], *y = &b->items[i];
		if (!same(x, y, "stage") || !same(x, y, "entered") ||
		    !same(x, y, "due"))
			changed(p, "stages", "a stage the alert entered keeps "
					     "its number, entry and due date");
		if (!kept_once_set(x, y, "responded") ||
		    !kept_once_set(x, y, "response"))
			changed(p, "responded", "a response, once recorded, "
						"stays as it was");
	}
}

static void check_actions_kept(const struct record *old,
			       const struct record *r, struct problems *p)
{
	const struct record_list *a = list_of(old, "actions");
	const struct record_list *b = list_of(r, "actions");
	if (b->count < a->count) {
		changed(p, "actions", "an action cannot be taken out of the "
				      "alert");
		return;
	}
	for (size_t i = 0; i < a->count; i++) {
		const struct record *x = &a->items[i], *y = &b->items[i];
		if (!same(x, y, "action") || !same(x, y, "owner") ||
		    !same(x, y, "due"))
			changed(p, "actions", "an action keeps what it is, "
					      "its owner and its due date");
		if (!kept_once_set(x, y, "done"))
			changed(p, "done", "an action done stays done on its "
					   "day");
	}
}

void alert_check_change(const struct record *old, const struct record *r,
			struct problems *p)
{
	if (!same(old, r, "raised"))
		changed(p, "raised", "the day an alert was raised cannot "
				     "change: its clock counts from it");
	const struct value *was = record_get(old, "status");
	if (was->set && strcmp(was->s, "open") != 0 &&
	    (!same(old, r, "status") || !same(old, r, "closed"))) {
		char d[DATE_ISO_LEN + 1];
		date_format_iso(date_of(old, "closed"), d);
		problem_add(p, false, NULL, 0, "status", was->s,
			    "the alert closed on %s: it stays %s", d,
			    strcmp(was->s, "cafcass") == 0
				    ? "referred to Cafcass"
				    : was->s);
	}
	if (!same(old, r, "ladder") && list_of(old, "stages")->count)
		changed(p, "ladder", "an alert on a ladder stays on it");
	check_stages_kept(old, r, p);
	check_actions_kept(old, r, p);
}
