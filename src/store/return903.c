/*
 * return903.c - the SSDA903 return as a whole: keeping the tables iro
 * does not hold as records (schema 009), and building a year's return
 * from the store for `iro export 903` and `iro validate`.
 */
#include "lib/common.h"
#include <jansson.h>

#include "lib/buf.h"
#include "lib/err.h"
#include "lib/jsonw.h"
#include "lib/xalloc.h"
#include "core/date.h"
#include "core/v903.h"
#include "store/store_int.h"

/* The tables kept as rows (the rest are the child, episode and review
 * records). */
static const enum v903_table KEPT[] = {
	V903_OC2,	     V903_OC3,	    V903_AD1,	  V903_PLACED_ADOPTION,
	V903_PREV_PERM, V903_MISSING, V903_SW_EPISODES,
};

static const char SQL_CHILD_ID[] =
	"SELECT id FROM child WHERE la_child_id = ?";
static const char SQL_IN_RETURN[] =
	"INSERT OR IGNORE INTO return_child(child_id, year) VALUES (?, ?)";
static const char SQL_ROWS_GET[] =
	"SELECT cells FROM return_row WHERE child_id = ? AND tbl = ? AND "
	"year = ? ORDER BY seq";
static const char SQL_YEAR_HAS[] =
	"SELECT EXISTS (SELECT 1 FROM return_row WHERE year = ? AND tbl = ?)";
static const char SQL_ROWS_DELETE[] =
	"DELETE FROM return_row WHERE child_id = ? AND tbl = ? AND year = ?";
static const char SQL_ROW_ADD[] =
	"INSERT INTO return_row(child_id, tbl, year, seq, cells) "
	"VALUES (?, ?, ?, ?, ?)";

/* The cells of a row after CHILD and DOB, as a JSON array. */
static int row_json(const struct v903_rows *t, enum v903_table table,
		    size_t row, struct buf *b)
{
	int rc = buf_addc(b, '[');
	for (size_t c = 2; c < V903_TABLES[table].ncolumns; c++) {
		if (c > 2)
			rc |= buf_addc(b, ',');
		rc |= json_add_string(b, v903_cell(t, row, (int)c));
	}
	return rc | buf_addc(b, ']');
}

/* A child's rows of one table, as kept: "[..]\n[..]\n". */
static int kept_rows(struct store *st, int64_t child, enum v903_table t,
		     int year, struct buf *out, struct err *err)
{
	sqlite3_stmt *s = store_stmt(st, SQL_ROWS_GET, err);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, child);
	sqlite3_bind_text(s, 2, V903_TABLES[t].name, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 3, year);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (buf_adds(out, column_text(s, 0)) || buf_addc(out, '\n')) {
			sqlite3_reset(s);
			return err_set(err, "out of memory");
		}
	if (rc != SQLITE_DONE)
		return store_fail(st, err, "reading a return's rows");
	return 0;
}

/* Whether the store keeps any row of table t for the year: 1, 0 or -1.
 * When it keeps none (a first import), no child's rows need reading. */
static int year_has_rows(struct store *st, enum v903_table t, int year,
			 struct err *err)
{
	sqlite3_stmt *s = store_stmt(st, SQL_YEAR_HAS, err);
	if (!s)
		return -1;
	sqlite3_bind_int(s, 1, year);
	sqlite3_bind_text(s, 2, V903_TABLES[t].name, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	int has = rc == SQLITE_ROW ? sqlite3_column_int(s, 0) : -1;
	sqlite3_reset(s);
	return has < 0 ? store_fail(st, err, "reading a return's rows") : has;
}

/* Replaces child's rows of table t for the year with the return's rows
 * order[from .. from+n-1], unless they are the same already (`kept`:
 * whether the store may hold some). Returns 1 when it changed them. */
static int keep_child_rows(struct store *st, int64_t child,
			   const struct v903_rows *rows, enum v903_table t,
			   size_t from, size_t n, int year, bool kept,
			   struct err *err)
{
	if (!kept && !n)
		return 0;
	struct buf now, was;
	buf_init(&now, 1 << 24);
	buf_init(&was, 1 << 24);
	int rc = 0;
	for (size_t i = 0; i < n && !rc; i++)
		rc = row_json(rows, t, rows->order[from + i], &now) ||
		     buf_addc(&now, '\n');
	if (rc) {
		rc = err_set(err, "out of memory");
		goto out;
	}
	if (kept && (rc = kept_rows(st, child, t, year, &was, err)))
		goto out;
	if (now.len == was.len &&
	    (now.len == 0 || memcmp(now.data, was.data, now.len) == 0))
		goto out;
	sqlite3_stmt *s = store_stmt(st, SQL_ROWS_DELETE, err);
	if (!s) {
		rc = -1;
		goto out;
	}
	sqlite3_bind_int64(s, 1, child);
	sqlite3_bind_text(s, 2, V903_TABLES[t].name, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 3, year);
	if ((rc = store_exec_step(st, s, err, "replacing a return's rows")))
		goto out;
	char *line = now.data;
	for (size_t seq = 0; seq < n; seq++) {
		char *nl = strchr(line, '\n');
		*nl = '\0';
		if (!(s = store_stmt(st, SQL_ROW_ADD, err))) {
			rc = -1;
			goto out;
		}
		sqlite3_bind_int64(s, 1, child);
		sqlite3_bind_text(s, 2, V903_TABLES[t].name, -1, SQLITE_STATIC);
		sqlite3_bind_int(s, 3, year);
		sqlite3_bind_int64(s, 4, (sqlite3_int64)seq);
		sqlite3_bind_text(s, 5, line, -1, SQLITE_STATIC);
		if ((rc = store_exec_step(st, s, err, "keeping a return's row")))
			goto out;
		line = nl + 1;
	}
	rc = 1;
out:
	buf_free(&now);
	buf_free(&was);
	return rc;
}

static int64_t child_id(struct store *st, const char *la_id, struct err *err)
{
	sqlite3_stmt *s = store_stmt(st, SQL_CHILD_ID, err);
	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, la_id, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	int64_t id = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, err, "finding a child");
	return id;
}

int store_import_903_rows(struct store *st, const struct v903_data *d,
			  const char *source, long *changed, struct err *err)
{
	const struct v903_rows *h = &d->t[V903_HEADER];
	bool kept[ARRAY_LEN(KEPT)];
	*changed = 0;
	for (size_t k = 0; k < ARRAY_LEN(KEPT); k++) {
		int has = year_has_rows(st, KEPT[k], d->year, err);
		if (has < 0)
			return -1;
		kept[k] = has;
	}
	for (size_t i = 0; i < h->nrows; i++) {
		const char *la_id = v903_cell(h, i, V903_H_CHILD);
		int64_t id = la_id ? child_id(st, la_id, err) : 0;
		if (id < 0)
			return -1;
		if (!id)
			continue; /* refused at import; reported there */
		sqlite3_stmt *s = store_stmt(st, SQL_IN_RETURN, err);
		if (!s)
			return -1;
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int(s, 2, d->year);
		if (store_exec_step(st, s, err, "listing a child in a return"))
			return -1;
		struct buf what;
		buf_init(&what, 4096);
		int rc = 0;
		for (size_t k = 0; k < ARRAY_LEN(KEPT) && rc >= 0; k++) {
			const struct v903_rows *t = &d->t[KEPT[k]];
			if (!t->present)
				continue;
			size_t n, from = v903_find_child(t, la_id, &n);
			rc = keep_child_rows(st, id, t, KEPT[k], from, n,
					     d->year, kept[k], err);
			if (rc == 1) {
				rc = buf_adds(&what, what.len ? "," : "") |
				     json_add_string(&what, V903_TABLES[KEPT[k]].name);
				(*changed)++;
			}
		}
		if (rc >= 0 && what.len) {
			struct buf b;
			buf_init(&b, 8192);
			rc = buf_adds(&b, "{\"source\":") |
			     json_add_string(&b, source) |
			     buf_printf(&b, ",\"year\":%d,\"tables\":[%s]}",
					d->year, what.data);
			rc = rc ? err_set(err, "out of memory")
				: store_audit(st, "import", "child", id, id,
					      b.data, err);
			buf_free(&b);
		}
		buf_free(&what);
		if (rc < 0) {
			err_prefix(err, "child %s: ", la_id);
			return -1;
		}
	}
	return 0;
}

/* ---- A year's return from the store ---------------------------------- */

/* The children in the year's return: those its imported header listed,
 * and those looked after on any day of the year. ?1 is the year, ?2 and
 * ?3 its first and last days, ?4 one child's id or NULL for all. */
#define RETURN_CHILDREN                                                     \
	"WITH ret(id) AS (SELECT child_id FROM return_child WHERE year = ?1 " \
	"AND (?4 IS NULL OR child_id = ?4) "                                 \
	"UNION SELECT child_id FROM episode WHERE decom <= ?3 AND "         \
	"(dec IS NULL OR dec >= ?2) AND (?4 IS NULL OR child_id = ?4)) "

static const char SQL_HEADER[] = RETURN_CHILDREN
	"SELECT la_child_id, sex, dob, ethnicity, upn, mother, mc_dob, uasc, "
	"uasc_ceased FROM child WHERE id IN ret ORDER BY la_child_id";
/* An episode still open at the year's end is returned open. */
static const char SQL_EPISODES[] = RETURN_CHILDREN
	"SELECT c.la_child_id, e.decom, e.rne, e.ls, e.cin, e.place, "
	"e.place_provider, CASE WHEN e.dec <= ?3 THEN e.dec END, "
	"CASE WHEN e.dec <= ?3 THEN e.rec END, "
	"CASE WHEN e.dec <= ?3 THEN e.reason_place_change END, e.home_post, "
	"e.pl_post, e.urn FROM episode e JOIN child c ON c.id = e.child_id "
	"WHERE e.child_id IN ret AND e.decom <= ?3 AND "
	"(e.dec IS NULL OR e.dec >= ?2) ORDER BY c.la_child_id, e.decom";
/* Reviews of looked-after children held in the year (a short-break or
 * pathway-plan review is not an SSDA903 review: rule 399). */
static const char SQL_REVIEWS[] = RETURN_CHILDREN
	"SELECT c.la_child_id, c.dob, r.held_date, r.pn_code FROM review r "
	"JOIN child c ON c.id = r.child_id WHERE r.child_id IN ret AND "
	"r.status = 'held' AND r.kind IN ('looked_after', 'adoption') AND "
	"r.held_date BETWEEN ?2 AND ?3 ORDER BY c.la_child_id, r.held_date";
static const char SQL_KEPT[] = RETURN_CHILDREN
	"SELECT c.la_child_id, c.dob, r.tbl, r.cells FROM return_row r "
	"JOIN child c ON c.id = r.child_id WHERE r.child_id IN ret AND "
	"r.year = ?1 ORDER BY c.la_child_id, r.tbl, r.seq";

/* An ISO date from the store as DD/MM/YYYY ("" stays ""). */
static void dmy(const char *iso, char out[11])
{
	int32_t d;
	out[0] = '\0';
	if (iso[0] && date_parse_iso(iso, &d) == DATE_OK)
		date_format_903(d, out);
}

/* The child the export is of (0: every child); the statements bind it. */
struct export {
	struct v903_data *d;
	int64_t child;
};

static sqlite3_stmt *year_stmt(struct store *st, const char *sql,
			       const struct v903_data *d, int64_t child,
			       struct err *err)
{
	sqlite3_stmt *s = store_stmt(st, sql, err);
	if (s) {
		sqlite3_bind_int(s, 1, d->year);
		bind_date(s, 2, d->start);
		bind_date(s, 3, d->end);
		if (child)
			sqlite3_bind_int64(s, 4, child);
	}
	return s;
}

static int add(struct v903_data *d, enum v903_table t, const char **cells,
	       struct err *err)
{
	if (v903_add_row(&d->t[t], t, cells, V903_TABLES[t].ncolumns))
		return err_set(err, "out of memory");
	return 0;
}

/* SEX as the year's return codes it: 1 and 2 until 2023/24, then M, F
 * and U (domain-rules §3.3, rule 101). */
static const char *sex_code(const char *sex, int year)
{
	if (year <= 2024 && strcmp(sex, "M") == 0)
		return "1";
	if (year <= 2024 && strcmp(sex, "F") == 0)
		return "2";
	return sex;
}

static int export_header(struct store *st, struct v903_data *d, int64_t child,
			 struct err *err)
{
	sqlite3_stmt *s = year_stmt(st, SQL_HEADER, d, child, err);
	if (!s)
		return -1;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		char dob[11], mc_dob[11], duc[11];
		dmy(column_text(s, 2), dob);
		dmy(column_text(s, 6), mc_dob);
		dmy(column_text(s, 8), duc);
		const char *sex = sex_code(column_text(s, 1), d->year);
		const char *h[] = { column_text(s, 0), sex, dob,
				    column_text(s, 3), column_text(s, 4),
				    column_text(s, 5), mc_dob };
		const char *u[] = { column_text(s, 0), sex, dob, duc };
		if (add(d, V903_HEADER, h, err) ||
		    (sqlite3_column_int(s, 7) && add(d, V903_UASC, u, err))) {
			sqlite3_reset(s);
			return -1;
		}
	}
	return rc == SQLITE_DONE ? 0 : store_fail(st, err, "reading children");
}

static int export_episodes(struct store *st, struct v903_data *d, int64_t child,
			   struct err *err)
{
	sqlite3_stmt *s = year_stmt(st, SQL_EPISODES, d, child, err);
	if (!s)
		return -1;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *c[13];
		char decom[11], dec[11];
		for (int i = 0; i < 13; i++)
			c[i] = column_text(s, i);
		dmy(c[1], decom);
		dmy(c[7], dec);
		c[1] = decom;
		c[7] = dec;
		if (add(d, V903_EPISODES, c, err)) {
			sqlite3_reset(s);
			return -1;
		}
	}
	return rc == SQLITE_DONE ? 0 : store_fail(st, err, "reading episodes");
}

static int export_reviews(struct store *st, struct v903_data *d, int64_t child,
			  struct err *err)
{
	sqlite3_stmt *s = year_stmt(st, SQL_REVIEWS, d, child, err);
	if (!s)
		return -1;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		char dob[11], held[11];
		dmy(column_text(s, 1), dob);
		dmy(column_text(s, 2), held);
		const char *c[] = { column_text(s, 0), dob, held,
				    column_text(s, 3) };
		if (add(d, V903_REVIEWS, c, err)) {
			sqlite3_reset(s);
			return -1;
		}
	}
	return rc == SQLITE_DONE ? 0 : store_fail(st, err, "reading reviews");
}

static int table_named(const char *name)
{
	for (int t = 0; t < V903_NTABLES; t++)
		if (strcmp(V903_TABLES[t].name, name) == 0)
			return t;
	return -1;
}

/* A kept row back into its table: CHILD, DOB, then its cells. */
static int export_kept_row(struct v903_data *d, const char *child,
			   const char *dob, const char *table,
			   const char *json, struct err *err)
{
	int t = table_named(table);
	if (t < 0 || !d->t[t].present)
		return 0;
	const char *cells[V903_MAX_COLUMNS] = { child, dob };
	size_t want = V903_TABLES[t].ncolumns - 2;
	json_t *a = json_loads(json, 0, NULL);
	bool ok = json_is_array(a) && json_array_size(a) == want;
	for (size_t i = 0; ok && i < want; i++) {
		json_t *v = json_array_get(a, i);
		ok = json_is_string(v) || json_is_null(v);
		cells[i + 2] = json_is_string(v) ? json_string_value(v) : NULL;
	}
	int rc = ok ? add(d, t, cells, err)
		    : err_set(err, "a kept %s row of child %s is damaged",
			      table, child);
	json_decref(a);
	return rc;
}

static int export_kept(struct store *st, struct v903_data *d, int64_t child,
		       struct err *err)
{
	sqlite3_stmt *s = year_stmt(st, SQL_KEPT, d, child, err);
	if (!s)
		return -1;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		char dob[11];
		dmy(column_text(s, 1), dob);
		if (export_kept_row(d, column_text(s, 0), dob,
				    column_text(s, 2), column_text(s, 3), err)) {
			sqlite3_reset(s);
			return -1;
		}
	}
	return rc == SQLITE_DONE ? 0
				 : store_fail(st, err, "reading kept rows");
}

/* The year's return, or one child's part of it, into tables (d's this
 * year's or last year's). */
static int export_year(struct store *st, struct v903_data *d, int64_t child,
		       struct err *err)
{
	for (int t = 0; t < V903_NTABLES; t++)
		if (!V903_TABLES[t].first_year ||
		    d->year >= V903_TABLES[t].first_year)
			v903_table_present(&d->t[t], t);
	return export_header(st, d, child, err) ||
			       export_episodes(st, d, child, err) ||
			       export_reviews(st, d, child, err) ||
			       export_kept(st, d, child, err)
		       ? -1
		       : 0;
}

/* The DfE rule flags of one row, as a warning: the table and the row's
 * key (its date, or the child) and the rule with its message. */
static void flag_warning(const struct v903_data *d, const struct v903_flag *f,
			 struct problems *p)
{
	const struct v903_rule *rule = v903_rule_at(f->rule);
	const struct v903_rows *t = &d->t[f->table];
	int key = V903_TABLES[f->table].date_col;
	const char *v = v903_cell(t, f->row, key >= 0 ? key : 0);
	problem_add(p, true, NULL, 0, V903_TABLES[f->table].name, v ? v : "",
		    "DfE rule %s: %s", rule->code, rule->message);
}

int store_dfe_warnings(struct store *st, int64_t child, int32_t day,
		       struct problems *p, struct err *err)
{
	int y, m, dd;
	date_to_ymd(day, &y, &m, &dd);
	int year = m >= 4 ? y + 1 : y;
	struct v903_data d, last;
	struct v903_result r;
	memset(&r, 0, sizeof r);
	v903_init(&d, year);
	v903_init(&last, year - 1);
	int rc = export_year(st, &d, child, err) ||
		 export_year(st, &last, child, err);
	if (!rc) { /* last year's tables become d's last[] */
		memcpy(d.last, last.t, sizeof d.last);
		memset(last.t, 0, sizeof last.t);
		if (v903_prepare(&d, NULL, NULL))
			rc = err_set(err, "out of memory");
	}
	if (!rc) {
		v903_validate(&d, NULL, &r);
		if (r.out_of_memory)
			rc = err_set(err, "out of memory");
		for (size_t i = 0; !rc && i < r.n; i++)
			flag_warning(&d, &r.v[i], p);
	}
	v903_result_free(&r);
	v903_free(&last);
	v903_free(&d);
	return rc ? -1 : 0;
}

int store_export_903(struct store *st, struct v903_data *d, struct err *err)
{
	if (export_year(st, d, 0, err))
		return -1;
	char detail[64];
	snprintf(detail, sizeof detail, "{\"year\":%d,\"children\":%zu}",
		 d->year, d->t[V903_HEADER].nrows);
	return store_audit(st, "export", "ssda903", 0, 0, detail, err);
}
