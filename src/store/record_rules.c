/*
 * record_rules.c - gathering the facts the rules between records need
 * (core/rules.h) and applying them before a record is written.
 */
#include "lib/common.h"
#include "lib/err.h"
#include "lib/xalloc.h"
#include "core/date.h"
#include "core/record.h"
#include "core/rules.h"
#include "store/store_int.h"

static const char SQL_EPISODES[] =
	"SELECT decom, dec, rne, ls, place, rec FROM episode "
	"WHERE child_id = ? ORDER BY decom";
static const char SQL_CHILD[] =
	"SELECT dob, la_child_id, sibling_group, parent_id FROM child "
	"WHERE id = ?";
static const char SQL_IRO_POST[] =
	"SELECT name, start_date, end_date FROM iro WHERE id = ?";
static const char SQL_ALLOCATIONS[] =
	"SELECT a.id, a.start_date, a.end_date, a.reason = 'cover', a.iro_id, "
	"i.name, a.override_reason IS NOT NULL FROM allocation AS a JOIN iro AS i ON i.id = a.iro_id "
	"WHERE a.child_id = ? ORDER BY a.start_date";
static const char SQL_SIBLINGS[] =
	"SELECT id FROM child WHERE sibling_group = ?1 AND id <> ?2";
static const char SQL_FAMILY[] =
	"SELECT parent_id FROM child WHERE id = ?1 AND parent_id IS NOT NULL "
	"UNION SELECT id FROM child WHERE parent_id = ?1";
static const char SQL_HELD_SAME_DAY[] =
	"SELECT id FROM review WHERE child_id = ? AND held_date = ? "
	"AND id <> ?";

#define NAME_MAX_LEN 201

/* What the rules need to know of a child. */
struct child_facts {
	int64_t id;
	int32_t dob;
	char la_child_id[40];
	char sibling_group[NAME_MAX_LEN];
	int64_t parent;
	struct episode *eps;
	struct period *periods;
	size_t neps, nperiods, ecap;
};

static void child_facts_free(struct child_facts *c)
{
	free(c->eps);
	free(c->periods);
}

static int load_child(struct store *st, int64_t id, struct child_facts *c,
		      struct err *err)
{
	memset(c, 0, sizeof *c);
	c->id = id;
	c->dob = DATE_NONE;
	sqlite3_stmt *s = store_stmt(st, SQL_CHILD, err);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) == SQLITE_ROW) {
		c->dob = column_date(s, 0);
		column_copy(s, 1, c->la_child_id, sizeof c->la_child_id);
		column_copy(s, 2, c->sibling_group, sizeof c->sibling_group);
		c->parent = sqlite3_column_int64(s, 3);
	}
	sqlite3_reset(s);
	if (!(s = store_stmt(st, SQL_EPISODES, err)))
		return -1;
	sqlite3_bind_int64(s, 1, id);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (GROW(c->eps, c->ecap, c->neps + 1)) {
			sqlite3_reset(s);
			return err_set(err, "out of memory");
		}
		column_episode(s, 0, &c->eps[c->neps++]);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, err, "reading episodes");
	if (c->neps && !(c->periods = calloc(c->neps, sizeof *c->periods)))
		return err_set(err, "out of memory");
	c->nperiods = period_build(c->eps, c->neps, c->periods);
	return 0;
}

/* The IRO's time in post: 1 found, 0 none, -1 error. */
static int load_iro(struct store *st, int64_t id, struct iro_post *out,
		    char *name, size_t size, struct err *err)
{
	sqlite3_stmt *s = store_stmt(st, SQL_IRO_POST, err);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		column_copy(s, 0, name, size);
		out->name = name;
		out->start = column_date(s, 1);
		out->end = column_date(s, 2);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, err, "reading an IRO");
	return rc == SQLITE_ROW;
}

static int32_t date_or_none(const struct value *v)
{
	return v && v->set ? (int32_t)v->i : DATE_NONE;
}

/* The IRO named by field `name` of r is in post from..to. */
static int check_in_post(struct store *st, const struct record *r,
			 const char *name, int32_t from, int32_t to,
			 struct problems *p, struct err *err)
{
	const struct value *v = record_get(r, name);
	if (!v || !v->set || from == DATE_NONE)
		return 0;
	struct iro_post post;
	char iro[NAME_MAX_LEN];
	int rc = load_iro(st, v->i, &post, iro, sizeof iro, err);
	if (rc > 0)
		rule_iro_in_post(&post, from, to, name, p);
	return rc < 0 ? -1 : 0;
}

static int32_t today(void)
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static int review_rules(struct store *st, const struct record *r,
			struct problems *p, struct err *err)
{
	const struct value *held = record_get(r, "held");
	if (!held->set)
		return 0;
	struct child_facts c;
	int rc = load_child(st, record_get(r, "child")->i, &c, err);
	if (rc == 0) {
		struct review_facts f = { c.dob, c.periods, c.nperiods,
					  today() };
		const struct value *pn = record_get(r, "participation");
		rule_review_held(record_get(r, "kind")->s, (int32_t)held->i,
				 pn->set ? pn->s : NULL, &f, p);
		rc = check_in_post(st, r, "chair", (int32_t)held->i,
				   (int32_t)held->i, p, err);
	}
	child_facts_free(&c);
	if (rc)
		return rc;
	sqlite3_stmt *s = store_stmt(st, SQL_HELD_SAME_DAY, err);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, record_get(r, "child")->i);
	bind_date(s, 2, (int32_t)held->i);
	sqlite3_bind_int64(s, 3, r->id);
	if (sqlite3_step(s) == SQLITE_ROW) {
		char d[DATE_ISO_LEN + 1];
		date_format_iso((int32_t)held->i, d);
		problem_add(p, false, NULL, 0, "held", d,
			    "the child already has review %lld held that day",
			    (long long)sqlite3_column_int64(s, 0));
	}
	sqlite3_reset(s);
	return 0;
}

/* Allocations gathered for the rules, with the names they print. */
struct alloc_set {
	struct alloc_fact *v;
	char (*child)[40];
	char (*iro)[NAME_MAX_LEN];
	size_t n, cap, ccap, icap;
};

static void alloc_set_free(struct alloc_set *a)
{
	free(a->v);
	free(a->child);
	free(a->iro);
}

/* Adds the allocations of child c (but not allocation `skip`), each
 * ending no later than the period of care it lies in. */
static int add_allocations(struct store *st, const struct child_facts *c,
			   int64_t skip, struct alloc_set *a,
			   struct err *err)
{
	sqlite3_stmt *s = store_stmt(st, SQL_ALLOCATIONS, err);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, c->id);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (sqlite3_column_int64(s, 0) == skip)
			continue;
		if (GROW(a->v, a->cap, a->n + 1) ||
		    GROW(a->child, a->ccap, a->n + 1) ||
		    GROW(a->iro, a->icap, a->n + 1)) {
			sqlite3_reset(s);
			return err_set(err, "out of memory");
		}
		struct alloc_fact *f = &a->v[a->n];
		f->start = column_date(s, 1);
		f->end = rule_allocation_end(f->start, column_date(s, 2),
					     c->periods, c->nperiods);
		f->cover = sqlite3_column_int(s, 3) != 0;
		f->iro_id = sqlite3_column_int64(s, 4);
		snprintf(a->child[a->n], sizeof a->child[a->n], "%s",
			 c->la_child_id);
		column_copy(s, 5, a->iro[a->n], sizeof a->iro[a->n]);
		f->override = sqlite3_column_int(s, 6) != 0;
		a->n++;
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, err, "reading allocations");
}

/* The names are pointed at once the arrays have stopped moving. */
static void alloc_set_fix(struct alloc_set *a)
{
	for (size_t i = 0; i < a->n; i++) {
		a->v[i].child = a->child[i];
		a->v[i].iro = a->iro[i];
	}
}

/* Adds the allocations of every child the query (bound to ?1 = the child,
 * ?2 as given) lists. */
static int add_related(struct store *st, const char *sql, int64_t child,
		       const char *group, struct alloc_set *a,
		       struct err *err)
{
	sqlite3_stmt *s = store_stmt(st, sql, err);
	if (!s)
		return -1;
	int64_t ids[64];
	size_t n = 0;
	if (group)
		sqlite3_bind_text(s, 1, group, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_int64(s, 1, child);
	if (group)
		sqlite3_bind_int64(s, 2, child);
	while (sqlite3_step(s) == SQLITE_ROW && n < ARRAY_LEN(ids))
		ids[n++] = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	for (size_t i = 0; i < n; i++) {
		struct child_facts c;
		int rc = load_child(st, ids[i], &c, err);
		if (!rc)
			rc = add_allocations(st, &c, 0, a, err);
		child_facts_free(&c);
		if (rc)
			return -1;
	}
	return 0;
}

static int allocation_rules(struct store *st, const struct record *r,
			    struct problems *p, struct err *err)
{
	struct child_facts c;
	struct alloc_set own = { 0 }, sib = { 0 }, fam = { 0 };
	int rc = load_child(st, record_get(r, "child")->i, &c, err);
	if (!rc)
		rc = add_allocations(st, &c, r->id, &own, err);
	if (!rc && c.sibling_group[0])
		rc = add_related(st, SQL_SIBLINGS, c.id, c.sibling_group, &sib,
				 err);
	if (!rc)
		rc = add_related(st, SQL_FAMILY, c.id, NULL, &fam, err);
	if (!rc) {
		alloc_set_fix(&own);
		alloc_set_fix(&sib);
		alloc_set_fix(&fam);
		int32_t start = (int32_t)record_get(r, "start")->i;
		struct alloc_fact a = {
			.child = c.la_child_id,
			.iro = record_get(r, "iro")->s,
			.iro_id = record_get(r, "iro")->i,
			.start = start,
			.end = rule_allocation_end(start,
						   date_or_none(record_get(r, "end")),
						   c.periods, c.nperiods),
			.cover = strcmp(record_get(r, "reason")->s, "cover") == 0,
		};
		struct allocation_facts f = {
			c.periods, c.nperiods, own.v, own.n, sib.v, sib.n,
			fam.v, fam.n, record_get(r, "override")->set,
		};
		rule_allocation(&a, &f, p);
		rc = check_in_post(st, r, "iro", a.start, a.end, p, err);
	}
	child_facts_free(&c);
	alloc_set_free(&own);
	alloc_set_free(&sib);
	alloc_set_free(&fam);
	return rc;
}

int store_record_rules(struct store *st, const struct record *r,
		       const struct record *old, struct problems *p,
		       struct err *err)
{
	const struct kind *k = r->kind;
	if (k == &KIND_ALERT)
		return store_alert_rules(st, r, old, p, err);
	if (k == &KIND_SETTING)
		return store_setting_rules(st, r, p, err);
	if (k == &KIND_REVIEW)
		return review_rules(st, r, p, err);
	if (k == &KIND_ALLOCATION)
		return allocation_rules(st, r, p, err);
	if (k == &KIND_CONTACT || k == &KIND_OVERSIGHT || k == &KIND_QA) {
		int32_t d = date_or_none(record_get(r, "date"));
		return check_in_post(st, r, "iro", d, d, p, err);
	}
	return 0;
}
