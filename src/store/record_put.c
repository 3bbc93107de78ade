/*
 * record_put.c - adding or changing a record (store_record_put): fill in
 * defaults, check the record on its own, find what it refers to, match it
 * with the store, check the rules between records, then write it with its
 * history. Every way a record comes in (a command, a load, the web) comes
 * through here, so every rule is applied in one place.
 */
#include "lib/common.h"
#include "lib/err.h"
#include "core/date.h"
#include "core/record.h"
#include "core/review.h"
#include "store/store_int.h"

static const char SQL_CHILD_ID[] =
	"SELECT id FROM child WHERE la_child_id = ?";
static const char SQL_IRO_ID[] = "SELECT id FROM iro WHERE name = ?";
static const char SQL_REVIEW_HELD_ON[] =
	"SELECT id FROM review WHERE child_id = ? AND held_date = ?";
static const char SQL_REVIEW_CHILD[] =
	"SELECT child_id FROM review WHERE id = ?";

/* The single integer a lookup gives: > 0, 0 when there is no row, -1. */
static int64_t lookup_id(struct store *st, const char *sql, const char *text,
			 struct err *err)
{
	sqlite3_stmt *s = store_stmt(st, sql, err);
	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, text, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(s);
	int64_t id = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, err, "looking up a record");
	return id;
}

int64_t store_child_id(struct store *st, const char *la_child_id,
		       struct err *err)
{
	return lookup_id(st, SQL_CHILD_ID, la_child_id, err);
}

int store_current_allocation(struct store *st, int64_t child, int32_t day,
			     int64_t *id, struct err *err)
{
	static const char SQL[] =
		"SELECT id FROM allocation WHERE child_id = ?1 AND "
		"reason <> 'cover' AND start_date <= ?2 AND "
		"(end_date IS NULL OR end_date >= ?2) "
		"ORDER BY start_date DESC LIMIT 1";
	sqlite3_stmt *s = store_stmt(st, SQL, err);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, child);
	bind_date(s, 2, day);
	int rc = sqlite3_step(s);
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE
		       ? 0
		       : store_fail(st, err, "finding the allocation");
}

static int64_t int_lookup(struct store *st, const char *sql, int64_t key,
			  struct err *err)
{
	sqlite3_stmt *s = store_stmt(st, sql, err);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, key);
	int rc = sqlite3_step(s);
	int64_t v = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, err, "looking up a record");
	return v;
}

int store_record_resolve(struct store *st, struct record *r,
			 struct problems *p, struct err *err)
{
	const struct kind *k = r->kind;
	for (size_t i = 0; i < k->nfields; i++) {
		const struct field *f = &k->fields[i];
		struct value *v = &r->v[i];
		if (!v->set)
			continue;
		int64_t id = 0;
		switch (f->type) {
		case FT_CHILD:
			id = lookup_id(st, SQL_CHILD_ID, v->s, err);
			if (id == 0)
				problem_add(p, false, NULL, 0, f->name, v->s,
					    "there is no child with this LA "
					    "child id");
			break;
		case FT_IRO:
			id = lookup_id(st, SQL_IRO_ID, v->s, err);
			if (id == 0)
				problem_add(p, false, NULL, 0, f->name, v->s,
					    "there is no IRO of this name");
			break;
		case FT_REF: {
			const struct kind_sql *q =
				store_kind_sql(st, f->ref, err);
			id = q ? int_lookup(st, q->exists, v->i, err) : -1;
			if (id == 0) {
				char n[24];
				snprintf(n, sizeof n, "%" PRId64, v->i);
				problem_add(p, false, NULL, 0, f->name, n,
					    "there is no %s with this id",
					    f->ref->name);
			}
			continue;
		}
		default:
			continue;
		}
		if (id < 0)
			return -1;
		v->i = id;
	}
	for (size_t l = 0; l < k->nlists; l++)
		for (size_t i = 0; i < r->lists[l].count; i++)
			if (store_record_resolve(st, &r->lists[l].items[i], p,
						 err))
				return -1;
	return 0;
}

/* The child a record is about: its "child" field, or its review's. */
static int64_t child_of(struct store *st, const struct record *r,
			struct err *err)
{
	if (r->kind == &KIND_CHILD)
		return r->id;
	const struct value *c = record_get(r, "child");
	if (c && c->set)
		return c->i;
	const struct value *rv = record_get(r, "review");
	if (rv && rv->set)
		return int_lookup(st, SQL_REVIEW_CHILD, rv->i, err);
	return 0;
}

/* The stored record r stands for, into old: 1 found, 0 none, -1. */
static int find(struct store *st, struct record *r, struct record *old,
		struct err *err)
{
	const struct kind *k = r->kind;
	if (k->has_id && r->id > 0)
		return store_record_get(st, k, r->id, old, err);
	if (k == &KIND_REVIEW) {
		/* A held review given without an id is the one held that
		 * day, the key an SSDA903 import matches on. */
		const struct value *c = record_get(r, "child"), *h = record_get(r, "held");
		if (!h->set) {
			record_init(old, k);
			return 0;
		}
		sqlite3_stmt *s = store_stmt(st, SQL_REVIEW_HELD_ON, err);
		if (!s)
			return -1;
		sqlite3_bind_int64(s, 1, c->i);
		bind_date(s, 2, (int32_t)h->i);
		int rc = sqlite3_step(s);
		int64_t id = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
		sqlite3_reset(s);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return store_fail(st, err, "finding a review");
		if (id == 0) {
			record_init(old, k);
			return 0;
		}
		return store_record_get(st, k, id, old, err);
	}
	return store_record_find(st, r, old, err);
}

/* An id names one child's record: it cannot be moved to another child. */
static void same_child(const struct record *r, const struct record *old,
		       struct problems *p)
{
	const struct value *a = record_get(r, "child"), *b = record_get(old, "child");
	if (a && a->set && b && b->set && strcmp(a->s, b->s) != 0) {
		char n[24];
		snprintf(n, sizeof n, "%" PRId64, old->id);
		problem_add(p, false, NULL, 0, "id", n,
			    "is a %s of child %s, not %s", r->kind->name, b->s,
			    a->s);
	}
}

/* The DfE's validation rules on the child's return for the year of an
 * episode or held review just written, as warnings (issue 7: the DfE's
 * errors "at the time of entry, not weeks later"). What the DfE refuses
 * outright - codes, dates, DEC without REC - record_check has refused
 * already. A load or import of many records turns this off. */
static int dfe_warnings(struct store *st, const struct record *r,
			int64_t child, struct problems *p, struct err *err)
{
	const struct value *v = NULL;
	if (!st->dfe_warnings || child <= 0)
		return 0;
	if (r->kind == &KIND_EPISODE) {
		v = record_get(r, "dec");
		if (!v->set)
			v = record_get(r, "decom");
	} else if (r->kind == &KIND_REVIEW) {
		v = record_get(r, "held");
	}
	if (!v || !v->set)
		return 0;
	return store_dfe_warnings(st, child, (int32_t)v->i, p, err);
}

int store_record_put(struct store *st, struct record *r,
		     enum put_outcome *outcome, struct problems *p,
		     struct err *err)
{
	size_t errors = p->errors;
	*outcome = PUT_REFUSED;
	record_defaults(r);
	if (r->kind == &KIND_CALENDAR_DAY)
		store_calendar_forget(st);
	if (r->kind == &KIND_ALERT && store_alert_fill(st, r, err))
		return -1;
	if (r->kind == &KIND_REVIEW) {
		char now[32];
		store_now(now, sizeof now);
		if (review_fill_history(r, now, st->actor))
			return err_set(err, "out of memory");
	}
	record_check(r, p);
	if (store_record_resolve(st, r, p, err))
		return -1;
	if (p->errors > errors)
		return 0;

	struct record old;
	int found = find(st, r, &old, err);
	if (found < 0)
		return -1;
	int rc = 0;
	if (found) {
		same_child(r, &old, p);
		if (record_equal(&old, r) && p->errors == errors) {
			r->id = old.id;
			*outcome = PUT_SAME;
			goto done;
		}
	}
	if (store_record_rules(st, r, found ? &old : NULL, p, err)) {
		rc = -1;
		goto done;
	}
	if (p->errors > errors)
		goto done;
	int64_t child = child_of(st, r, err);
	if (child < 0 ||
	    store_record_write(st, r, found ? &old : NULL, child, err)) {
		rc = -1;
		goto done;
	}
	*outcome = found ? PUT_CHANGED : PUT_ADDED;
	rc = dfe_warnings(st, r, child, p, err);
done:
	record_clear(&old);
	return rc;
}
