/*
 * records.c - keeping records of every kind (core/record.h) with their
 * history: read, add, change, list.
 *
 * The statements are made once per kind from the kind's static field
 * table (names of columns iro itself defines, never input), so one
 * function serves fourteen kinds of record. A change never overwrites: the
 * version it replaces goes to `revision` as the JSON of docs/records.md,
 * with who replaced it and when, and every write has its audit row.
 */
#include "lib/common.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "core/date.h"
#include "core/record.h"
#include "store/records_int.h"
#include "store/store_int.h"

/* ---- Statements made from the field tables ------------------------------ */

static int add_column_expr(struct buf *b, const struct field *f)
{
	switch (f->type) {
	case FT_CHILD:
		return buf_printf(b, "(SELECT la_child_id FROM child WHERE "
				     "id = t.%s)",
				  f->column);
	case FT_IRO:
		return buf_printf(b, "(SELECT name FROM iro WHERE id = t.%s)",
				  f->column);
	default:
		return buf_printf(b, "t.%s", f->column);
	}
}

static char *build_select(const struct kind *k, const char *where,
			  const char *order)
{
	struct buf b;
	buf_init(&b, 1 << 16);
	int rc = buf_adds(&b, "SELECT t.rowid");
	for (size_t i = 0; i < k->nfields; i++) {
		rc |= buf_adds(&b, ", ");
		rc |= add_column_expr(&b, &k->fields[i]);
	}
	rc |= buf_printf(&b, " FROM %s AS t %s %s", k->table, where, order);
	if (rc) {
		buf_free(&b);
		return NULL;
	}
	return b.data;
}

static char *build_key_where(const struct kind *k)
{
	struct buf b;
	buf_init(&b, 4096);
	int rc = 0, n = 0;
	for (size_t i = 0; i < k->nfields; i++)
		if (k->fields[i].flags & FF_KEY)
			rc |= buf_printf(&b, "%s t.%s = ?%zu", n++ ? " AND" : "WHERE",
					 k->fields[i].column, i + 2);
	if (rc || n == 0) {
		buf_free(&b);
		return NULL;
	}
	return b.data;
}

/* The order a dump lists records in: by id, or by key, naturally. */
static const char *dump_order(const struct kind *k)
{
	if (k == &KIND_CHILD)
		return "ORDER BY t.la_child_id COLLATE \"NATURAL\"";
	if (k == &KIND_EPISODE)
		return "ORDER BY (SELECT la_child_id FROM child WHERE id = "
		       "t.child_id) COLLATE \"NATURAL\", t.decom";
	if (k == &KIND_SETTING)
		return "ORDER BY t.key";
	if (k == &KIND_CALENDAR_DAY)
		return "ORDER BY t.day";
	return "ORDER BY t.rowid";
}

/* INSERT INTO t(id, c1, ..., [owner,] [recorded_at, actor]) VALUES (?1,
 * ?2 ...): parameter i + 2 is field i, as in every statement here. */
static char *build_insert(const struct kind *k)
{
	struct buf b;
	buf_init(&b, 1 << 16);
	int rc = buf_printf(&b, "INSERT INTO %s(rowid", k->table);
	for (size_t i = 0; i < k->nfields; i++)
		rc |= buf_printf(&b, ", %s", k->fields[i].column);
	size_t next = k->nfields + 2;
	if (k->owner_column)
		rc |= buf_printf(&b, ", %s", k->owner_column);
	if (k->stamped)
		rc |= buf_adds(&b, ", recorded_at, actor");
	rc |= buf_adds(&b, ") VALUES (?1");
	for (size_t i = 0; i < k->nfields; i++)
		rc |= buf_printf(&b, ", ?%zu", i + 2);
	if (k->owner_column)
		rc |= buf_printf(&b, ", ?%zu", next++);
	if (k->stamped) {
		rc |= buf_printf(&b, ", ?%zu, ?%zu", next, next + 1);
	}
	rc |= buf_adds(&b, ")");
	if (rc) {
		buf_free(&b);
		return NULL;
	}
	return b.data;
}

static char *build_update(const struct kind *k)
{
	struct buf b;
	buf_init(&b, 1 << 16);
	int rc = buf_printf(&b, "UPDATE %s SET ", k->table);
	for (size_t i = 0; i < k->nfields; i++)
		rc |= buf_printf(&b, "%s%s = ?%zu", i ? ", " : "",
				 k->fields[i].column, i + 2);
	if (k->stamped)
		rc |= buf_printf(&b, ", recorded_at = ?%zu, actor = ?%zu",
				 k->nfields + 2, k->nfields + 3);
	rc |= buf_adds(&b, " WHERE rowid = ?1");
	if (rc) {
		buf_free(&b);
		return NULL;
	}
	return b.data;
}

/* "SELECT 1 FROM t WHERE id = ?1", or with `owner` "DELETE FROM t WHERE
 * owner = ?1". */
static char *build_by_id(const struct kind *k, bool delete_owned)
{
	struct buf b;
	buf_init(&b, 4096);
	int rc = delete_owned
			 ? buf_printf(&b, "DELETE FROM %s WHERE %s = ?1",
				      k->table, k->owner_column)
			 : buf_printf(&b, "SELECT 1 FROM %s WHERE rowid = ?1",
				      k->table);
	if (rc) {
		buf_free(&b);
		return NULL;
	}
	return b.data;
}

void store_kind_sql_free(struct store *st)
{
	for (size_t i = 0; i < st->nkinds; i++) {
		struct kind_sql *q = &st->kinds[i];
		char **all[] = { &q->by_id, &q->by_key, &q->all, &q->insert,
				 &q->update, &q->by_owner, &q->del_owned,
				 &q->exists };
		for (size_t j = 0; j < ARRAY_LEN(all); j++)
			free(*all[j]);
	}
	st->nkinds = 0;
}

const struct kind_sql *store_kind_sql(struct store *st, const struct kind *k,
				      struct err *err)
{
	for (size_t i = 0; i < st->nkinds; i++)
		if (st->kinds[i].kind == k)
			return &st->kinds[i];
	if (st->nkinds == ARRAY_LEN(st->kinds)) {
		err_set(err, "internal error: too many kinds of record");
		return NULL;
	}
	struct kind_sql *q = &st->kinds[st->nkinds];
	memset(q, 0, sizeof *q);
	q->kind = k;
	char *key = build_key_where(k);
	q->by_id = build_select(k, "WHERE t.rowid = ?1", "");
	q->by_key = key ? build_select(k, key, "") : NULL;
	q->all = build_select(k, "", dump_order(k));
	q->insert = build_insert(k);
	q->update = build_update(k);
	q->exists = build_by_id(k, false);
	if (k->owner_column) {
		struct buf b;
		buf_init(&b, 64);
		if (!buf_printf(&b, "WHERE t.%s = ?1", k->owner_column))
			q->by_owner = build_select(k, b.data, "ORDER BY t.rowid");
		buf_free(&b);
		q->del_owned = build_by_id(k, true);
	}
	free(key);
	bool ok = q->by_id && q->all && q->insert && q->update && q->exists &&
		  (!k->owner_column || (q->by_owner && q->del_owned));
	st->nkinds++;
	if (!ok) {
		err_set(err, "out of memory");
		return NULL;
	}
	return q;
}

/* ---- Values in and out of statements ------------------------------------ */

static int bind_value(sqlite3_stmt *s, int at, const struct field *f,
		      const struct value *v)
{
	if (!v->set)
		return sqlite3_bind_null(s, at);
	switch (f->type) {
	case FT_DATE:
		return bind_date(s, at, (int32_t)v->i);
	case FT_BOOL:
	case FT_INT:
	case FT_REF:
	case FT_CHILD:
	case FT_IRO:
		return sqlite3_bind_int64(s, at, v->i);
	case FT_NUMBER:
		return sqlite3_bind_double(s, at, v->n);
	default:
		return sqlite3_bind_text(s, at, v->s, -1, SQLITE_TRANSIENT);
	}
}

int store_bind_fields(sqlite3_stmt *s, const struct record *r)
{
	int rc = 0;
	for (size_t i = 0; i < r->kind->nfields; i++)
		rc |= bind_value(s, (int)i + 2, &r->kind->fields[i], &r->v[i]);
	return rc;
}

/* Fills r's fields from a row of a by_id / by_key / all / by_owner
 * statement (column 0 the id, then the fields). */
static int read_row(sqlite3_stmt *s, struct record *r)
{
	const struct kind *k = r->kind;
	r->id = sqlite3_column_int64(s, 0);
	for (size_t i = 0; i < k->nfields; i++) {
		int c = (int)i + 1;
		if (sqlite3_column_type(s, c) == SQLITE_NULL)
			continue;
		switch (k->fields[i].type) {
		case FT_DATE:
			record_set_int(r, i, column_date(s, c));
			break;
		case FT_BOOL:
		case FT_INT:
		case FT_REF:
			record_set_int(r, i, sqlite3_column_int64(s, c));
			break;
		case FT_NUMBER:
			record_set_number(r, i, sqlite3_column_double(s, c));
			break;
		default:
			if (record_set_text(r, i, column_text(s, c)))
				return -1;
		}
	}
	return 0;
}

static int read_lists(struct store *st, struct record *r, struct err *err)
{
	for (size_t l = 0; l < r->kind->nlists; l++) {
		const struct kind *lk = r->kind->lists[l];
		const struct kind_sql *q = store_kind_sql(st, lk, err);
		sqlite3_stmt *s = q ? store_stmt(st, q->by_owner, err) : NULL;
		if (!s)
			return -1;
		sqlite3_bind_int64(s, 1, r->id);
		int rc;
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			struct record *item = record_list_add(r, l);
			if (!item || read_row(s, item)) {
				sqlite3_reset(s);
				return err_set(err, "out of memory");
			}
			item->id = 0; /* list items are known by place */
		}
		sqlite3_reset(s);
		if (rc != SQLITE_DONE)
			return store_fail(st, err, "reading a record's list");
	}
	return 0;
}

/* Runs a select that gives at most one record into out: 1 found, 0 not,
 * -1 error. */
static int select_one(struct store *st, sqlite3_stmt *s, struct record *out,
		      struct err *err)
{
	int rc = sqlite3_step(s);
	if (rc == SQLITE_DONE) {
		sqlite3_reset(s);
		return 0;
	}
	if (rc != SQLITE_ROW)
		return store_fail(st, err, "reading a record");
	int bad = read_row(s, out);
	sqlite3_reset(s);
	if (bad)
		return err_set(err, "out of memory");
	return read_lists(st, out, err) ? -1 : 1;
}

int store_record_get(struct store *st, const struct kind *k, int64_t id,
		     struct record *out, struct err *err)
{
	record_init(out, k);
	const struct kind_sql *q = store_kind_sql(st, k, err);
	sqlite3_stmt *s = q ? store_stmt(st, q->by_id, err) : NULL;
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	int rc = select_one(st, s, out, err);
	if (rc <= 0)
		record_clear(out);
	return rc;
}

int store_record_find(struct store *st, const struct record *key,
			struct record *out, struct err *err)
{
	record_init(out, key->kind);
	const struct kind_sql *q = store_kind_sql(st, key->kind, err);
	if (!q)
		return -1;
	if (!q->by_key)
		return 0;
	sqlite3_stmt *s = store_stmt(st, q->by_key, err);
	if (!s)
		return -1;
	for (size_t i = 0; i < key->kind->nfields; i++)
		if ((key->kind->fields[i].flags & FF_KEY) &&
		    bind_value(s, (int)i + 2, &key->kind->fields[i],
			       &key->v[i]) != SQLITE_OK)
			return store_fail(st, err, "looking up a record");
	int rc = select_one(st, s, out, err);
	if (rc <= 0)
		record_clear(out);
	return rc;
}

int store_record_each(struct store *st, const struct kind *k,
		      int (*fn)(void *ctx, const struct record *r), void *ctx,
		      struct err *err)
{
	const struct kind_sql *q = store_kind_sql(st, k, err);
	if (!q)
		return -1;
	/* Not from the statement cache: the lists of each record are read
	 * with cached statements while this one is stepping. */
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, q->all, -1, &s, NULL) != SQLITE_OK)
		return store_fail(st, err, "listing records");
	struct record r;
	record_init(&r, k);
	int rc, result = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		record_clear(&r);
		if (read_row(s, &r)) {
			result = err_set(err, "out of memory");
			break;
		}
		if (read_lists(st, &r, err)) {
			result = -1;
			break;
		}
		if ((result = fn(ctx, &r)) != 0)
			break;
	}
	if (!result && rc != SQLITE_DONE)
		result = store_fail(st, err, "listing records");
	record_clear(&r);
	sqlite3_finalize(s);
	return result;
}

/* ---- Writing --------------------------------------------------------- */

static int write_lists(struct store *st, const struct record *r,
		       bool replace, struct err *err)
{
	for (size_t l = 0; l < r->kind->nlists; l++) {
		const struct kind *lk = r->kind->lists[l];
		const struct kind_sql *q = store_kind_sql(st, lk, err);
		if (!q)
			return -1;
		if (replace) {
			sqlite3_stmt *d = store_stmt(st, q->del_owned, err);
			if (!d)
				return -1;
			sqlite3_bind_int64(d, 1, r->id);
			if (store_exec_step(st, d, err, "replacing a list"))
				return -1;
		}
		for (size_t i = 0; i < r->lists[l].count; i++) {
			const struct record *item = &r->lists[l].items[i];
			sqlite3_stmt *s = store_stmt(st, q->insert, err);
			if (!s)
				return -1;
			store_bind_fields(s, item);
			sqlite3_bind_int64(s, (int)lk->nfields + 2, r->id);
			if (store_exec_step(st, s, err, "writing a list"))
				return -1;
		}
	}
	return 0;
}

static int write_revision(struct store *st, const struct record *old,
			  int64_t child_id, struct err *err)
{
	static const char SQL[] =
		"INSERT INTO revision(kind, record_id, child_id, replaced_at, "
		"replaced_by, data) VALUES (?, ?, ?, ?, ?, ?)";
	struct buf b;
	buf_init(&b, 1 << 22);
	if (record_json(old, true, &b)) {
		buf_free(&b);
		return err_set(err, "a record too large to keep");
	}
	sqlite3_stmt *s = store_stmt(st, SQL, err);
	if (!s) {
		buf_free(&b);
		return -1;
	}
	char now[32];
	store_now(now, sizeof now);
	sqlite3_bind_text(s, 1, old->kind->name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, old->id);
	if (child_id)
		sqlite3_bind_int64(s, 3, child_id);
	sqlite3_bind_text(s, 4, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 5, st->actor, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 6, b.data, (int)b.len, SQLITE_TRANSIENT);
	buf_free(&b);
	return store_exec_step(st, s, err, "keeping the old version");
}

int store_record_keep(struct store *st, const struct kind *k, int64_t id,
		      int64_t child_id, struct err *err)
{
	struct record old;
	int found = store_record_get(st, k, id, &old, err);
	int rc = found < 0 ? -1 : found == 0 ? err_set(err, "no %s %lld to "
							    "keep", k->name,
						       (long long)id)
			       : write_revision(st, &old, child_id, err);
	record_clear(&old);
	return rc;
}

int store_record_write(struct store *st, struct record *r,
		       const struct record *old, int64_t child_id,
		       struct err *err)
{
	const struct kind_sql *q = store_kind_sql(st, r->kind, err);
	if (!q)
		return -1;
	if (old && write_revision(st, old, child_id, err))
		return -1;
	sqlite3_stmt *s = store_stmt(st, old ? q->update : q->insert, err);
	if (!s)
		return -1;
	store_bind_fields(s, r);
	if (old || r->id > 0)
		sqlite3_bind_int64(s, 1, old ? old->id : r->id);
	if (r->kind->stamped) {
		char now[32];
		store_now(now, sizeof now);
		int at = (int)r->kind->nfields + 2;
		sqlite3_bind_text(s, at, now, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, at + 1, st->actor, -1, SQLITE_TRANSIENT);
	}
	if (store_exec_step(st, s, err, old ? "changing a record"
					    : "adding a record"))
		return -1;
	if (old)
		r->id = old->id;
	else if (r->id <= 0)
		r->id = sqlite3_last_insert_rowid(st->db);
	if (write_lists(st, r, old != NULL, err))
		return -1;
	if (r->kind == &KIND_CHILD)
		child_id = r->id; /* known only once it is written */
	return store_audit(st, old ? "change" : "add", r->kind->name, r->id,
			   child_id, NULL, err);
}

int store_each_revision(struct store *st, const struct kind *k, int64_t id,
			store_revision_fn fn, void *ctx, struct err *err)
{
	static const char SQL[] =
		"SELECT replaced_at, replaced_by, data FROM revision "
		"WHERE kind = ? AND record_id = ? ORDER BY id DESC";
	sqlite3_stmt *s = store_stmt(st, SQL, err);
	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, k->name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, id);
	int rc, result = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if ((result = fn(ctx, column_text(s, 0), column_text(s, 1),
				 column_text(s, 2))) != 0)
			break;
	sqlite3_reset(s);
	if (!result && rc != SQLITE_DONE && rc != SQLITE_ROW)
		result = store_fail(st, err, "reading a record's history");
	return result;
}
