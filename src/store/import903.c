/*
 * import903.c - merging a checked SSDA903 return into the store.
 *
 * Records are matched on their natural keys (the child's id; the child and
 * the episode's DECOM; the child and the review's date). A new record is
 * added; a record whose fields differ is updated, its old version kept in
 * the revision table like any change (records.c) and the old and new
 * values named in the audit log, so nothing is lost; nothing is deleted,
 * because a year's return only holds that year's episodes. Importing the
 * same files twice changes nothing and writes nothing.
 */
#include "lib/common.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "lib/jsonw.h"
#include "lib/xalloc.h"
#include "core/date.h"
#include "core/record.h"
#include "store/records_int.h"
#include "store/store_int.h"

static const char SQL_CHILD_GET[] =
	"SELECT id, sex, dob, ethnicity, upn, mother, mc_dob, uasc, "
	"uasc_ceased FROM child WHERE la_child_id = ?";
static const char SQL_CHILD_ADD[] =
	"INSERT INTO child(la_child_id, sex, dob, ethnicity, upn, mother, "
	"mc_dob, uasc, uasc_ceased) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char SQL_CHILD_UPDATE[] =
	"UPDATE child SET sex = ?2, dob = ?3, ethnicity = ?4, upn = ?5, "
	"mother = ?6, mc_dob = ?7, uasc = ?8, uasc_ceased = ?9 WHERE id = ?1";

static const char SQL_EPISODES_GET[] =
	"SELECT id, decom, rne, ls, cin, place, place_provider, dec, rec, "
	"reason_place_change, home_post, pl_post, urn FROM episode "
	"WHERE child_id = ? ORDER BY decom";
static const char SQL_EPISODE_ADD[] =
	"INSERT INTO episode(child_id, decom, rne, ls, cin, place, "
	"place_provider, dec, rec, reason_place_change, home_post, pl_post, "
	"urn) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char SQL_EPISODE_UPDATE[] =
	"UPDATE episode SET decom = ?2, rne = ?3, ls = ?4, cin = ?5, "
	"place = ?6, place_provider = ?7, dec = ?8, rec = ?9, "
	"reason_place_change = ?10, home_post = ?11, pl_post = ?12, "
	"urn = ?13 WHERE id = ?1";

static const char SQL_REVIEWS_GET[] =
	"SELECT id, held_date, pn_code FROM review "
	"WHERE child_id = ? AND held_date IS NOT NULL ORDER BY held_date";
static const char SQL_REVIEW_ADD[] =
	"INSERT INTO review(child_id, kind, status, held_date, pn_code, "
	"source) VALUES (?, 'looked_after', 'held', ?, ?, 'ssda903')";
static const char SQL_REVIEW_STATUS_ADD[] =
	"INSERT INTO review_status(review_id, status, effective_date, "
	"recorded_at, actor) VALUES (?, 'held', ?, ?, ?)";
static const char SQL_REVIEW_UPDATE_PN[] =
	"UPDATE review SET pn_code = ?2 WHERE id = ?1";

/* Field values as the store holds them: text, "" for NULL. */
#define FIELD_MAX 40
#define CHILD_FIELDS 8
#define EPISODE_FIELDS 12

static const char *const CHILD_FIELD_NAMES[CHILD_FIELDS] = {
	"sex", "dob", "ethnicity", "upn", "mother", "mc_dob", "uasc",
	"uasc_ceased"
};
static const char *const EPISODE_FIELD_NAMES[EPISODE_FIELDS] = {
	"decom", "rne", "ls", "cin", "place", "place_provider", "dec", "rec",
	"reason_place_change", "home_post", "pl_post", "urn"
};

typedef char field[FIELD_MAX];

/* What one child's import did, for its audit row. */
struct child_change {
	struct buf changes; /* JSON array body: {"table":..,"field":..} ... */
	long episodes_added, reviews_added;
	bool child_added;
	bool failed;
};

static void note_change(struct child_change *c, const char *table,
			const char *key, const char *name, const char *old,
			const char *new)
{
	struct buf *b = &c->changes;
	int rc = buf_adds(b, b->len ? ",{\"table\":" : "{\"table\":");
	rc |= json_add_string(b, table);
	if (key) {
		rc |= buf_adds(b, ",\"key\":");
		rc |= json_add_string(b, key);
	}
	rc |= buf_adds(b, ",\"field\":");
	rc |= json_add_string(b, name);
	rc |= buf_adds(b, ",\"old\":");
	rc |= json_add_string(b, old[0] ? old : NULL);
	rc |= buf_adds(b, ",\"new\":");
	rc |= json_add_string(b, new[0] ? new : NULL);
	rc |= buf_addc(b, '}');
	if (rc)
		c->failed = true;
}

/* Compares n fields, noting each difference; returns true if any. */
static bool diff_fields(struct child_change *c, const char *table,
			const char *key, const char *const *names,
			field *old, field *new, int n)
{
	bool changed = false;
	for (int i = 0; i < n; i++)
		if (strcmp(old[i], new[i]) != 0) {
			note_change(c, table, key, names[i], old[i], new[i]);
			changed = true;
		}
	return changed;
}

static void date_field(field f, int32_t d)
{
	date_format_iso(d, f); /* DATE_NONE gives "" */
}

static void child_fields(const struct s903_child *c, field *f,
			 const field *old)
{
	snprintf(f[0], FIELD_MAX, "%c", c->sex);
	date_field(f[1], c->dob);
	snprintf(f[2], FIELD_MAX, "%s", c->ethnic);
	snprintf(f[3], FIELD_MAX, "%s", c->upn);
	if (c->mother < 0)
		f[4][0] = '\0';
	else
		snprintf(f[4], FIELD_MAX, "%d", c->mother);
	date_field(f[5], c->mc_dob);
	/* A return's UASC table lists the children who were UASC in its
	 * year; a child it leaves out keeps what an earlier year said. */
	if (c->uasc) {
		snprintf(f[6], FIELD_MAX, "1");
		date_field(f[7], c->uasc_ceased);
	} else {
		snprintf(f[6], FIELD_MAX, "%s", old ? old[6] : "0");
		snprintf(f[7], FIELD_MAX, "%s", old ? old[7] : "");
	}
}

static void episode_fields(const struct s903_episode *e, field *f)
{
	date_field(f[0], e->ep.decom);
	snprintf(f[1], FIELD_MAX, "%s", e->ep.rne ? (char[]){ e->ep.rne, 0 } : "");
	snprintf(f[2], FIELD_MAX, "%s", e->ep.ls);
	snprintf(f[3], FIELD_MAX, "%s", e->cin);
	snprintf(f[4], FIELD_MAX, "%s", e->ep.place);
	snprintf(f[5], FIELD_MAX, "%s", e->place_provider);
	date_field(f[6], e->ep.dec);
	snprintf(f[7], FIELD_MAX, "%s", e->ep.rec);
	snprintf(f[8], FIELD_MAX, "%s", e->reason_place_change);
	snprintf(f[9], FIELD_MAX, "%s", e->home_post);
	snprintf(f[10], FIELD_MAX, "%s", e->pl_post);
	snprintf(f[11], FIELD_MAX, "%s", e->urn);
}

static void read_fields(sqlite3_stmt *s, int first, field *f, int n)
{
	for (int i = 0; i < n; i++)
		snprintf(f[i], FIELD_MAX, "%s", column_text(s, first + i));
}

static void bind_fields(sqlite3_stmt *s, int first, field *f, int n)
{
	for (int i = 0; i < n; i++)
		bind_text(s, first + i, f[i]);
}

/* The child's row: found and updated, or added. Returns its id, or 0. */
static int64_t import_child(struct store *st, const struct s903_child *c,
			    struct child_change *ch, struct import_counts *n,
			    struct err *err)
{
	sqlite3_stmt *s = store_stmt(st, SQL_CHILD_GET, err);
	if (!s)
		return 0;
	sqlite3_bind_text(s, 1, c->child, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		store_fail(st, err, "reading a child");
		return 0;
	}
	field old[CHILD_FIELDS], new[CHILD_FIELDS];
	if (rc == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(s, 0);
		read_fields(s, 1, old, CHILD_FIELDS);
		sqlite3_reset(s);
		child_fields(c, new, (const field *)old);
		if (!diff_fields(ch, "child", NULL, CHILD_FIELD_NAMES, old, new,
				 CHILD_FIELDS))
			return id;
		sqlite3_stmt *u;
		if (store_record_keep(st, &KIND_CHILD, id, id, err) ||
		    !(u = store_stmt(st, SQL_CHILD_UPDATE, err)))
			return 0;
		sqlite3_bind_int64(u, 1, id);
		bind_fields(u, 2, new, CHILD_FIELDS);
		sqlite3_bind_int(u, 8, c->uasc || strcmp(new[6], "1") == 0);
		if (store_exec_step(st, u, err, "updating a child"))
			return 0;
		n->children_changed++;
		return id;
	}
	sqlite3_reset(s);
	child_fields(c, new, NULL);
	sqlite3_stmt *a = store_stmt(st, SQL_CHILD_ADD, err);
	if (!a)
		return 0;
	sqlite3_bind_text(a, 1, c->child, -1, SQLITE_STATIC);
	bind_fields(a, 2, new, CHILD_FIELDS);
	sqlite3_bind_int(a, 8, c->uasc);
	if (store_exec_step(st, a, err, "adding a child"))
		return 0;
	n->children_added++;
	ch->child_added = true;
	return sqlite3_last_insert_rowid(st->db);
}

/*
 * Reads the rows `sql` returns for a child (bound as ?1) into a new array
 * of `size`-byte records, each filled by `read`; the caller frees *rows.
 * A child this import has just added has nothing stored, so nothing is
 * read.
 */
static int load_stored(struct store *st, const char *sql, int64_t child_id,
		       bool fresh, void **rows, size_t *n, size_t size,
		       void (*read)(sqlite3_stmt *s, void *row),
		       struct err *err)
{
	*rows = NULL;
	*n = 0;
	if (fresh)
		return 0;
	sqlite3_stmt *s = store_stmt(st, sql, err);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, child_id);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (grow(rows, &cap, *n + 1, size)) {
			sqlite3_reset(s);
			free(*rows);
			*rows = NULL;
			return err_set(err, "out of memory");
		}
		read(s, (char *)*rows + *n * size);
		(*n)++;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		free(*rows);
		*rows = NULL;
		return store_fail(st, err, "reading stored records");
	}
	return 0;
}

struct stored_episode {
	int64_t id;
	field f[EPISODE_FIELDS];
};

static void read_episode(sqlite3_stmt *s, void *row)
{
	struct stored_episode *e = row;
	e->id = sqlite3_column_int64(s, 0);
	read_fields(s, 1, e->f, EPISODE_FIELDS);
}

static int import_episodes(struct store *st, int64_t child_id,
			   const struct s903_episode *eps, size_t ne,
			   struct child_change *ch, struct import_counts *n,
			   struct err *err)
{
	struct stored_episode *old = NULL;
	size_t nold = 0;
	if (load_stored(st, SQL_EPISODES_GET, child_id, ch->child_added,
			(void **)&old, &nold, sizeof *old, read_episode, err))
		return -1;

	int result = 0;
	for (size_t i = 0; i < ne && !result; i++) {
		field new[EPISODE_FIELDS];
		episode_fields(&eps[i], new);
		struct stored_episode *match = NULL;
		for (size_t k = 0; k < nold && !match; k++)
			if (strcmp(old[k].f[0], new[0]) == 0)
				match = &old[k];
		if (match) {
			if (!diff_fields(ch, "episode", new[0],
					 EPISODE_FIELD_NAMES, match->f, new,
					 EPISODE_FIELDS))
				continue;
			sqlite3_stmt *u = NULL;
			if (store_record_keep(st, &KIND_EPISODE, match->id,
					      child_id, err) ||
			    !(u = store_stmt(st, SQL_EPISODE_UPDATE, err))) {
				result = -1;
				break;
			}
			sqlite3_bind_int64(u, 1, match->id);
			bind_fields(u, 2, new, EPISODE_FIELDS);
			result = store_exec_step(st, u, err, "updating an episode");
			n->episodes_changed++;
			continue;
		}
		sqlite3_stmt *a = store_stmt(st, SQL_EPISODE_ADD, err);
		if (!a) {
			result = -1;
			break;
		}
		sqlite3_bind_int64(a, 1, child_id);
		bind_fields(a, 2, new, EPISODE_FIELDS);
		result = store_exec_step(st, a, err, "adding an episode");
		n->episodes_added++;
		ch->episodes_added++;
	}
	free(old);
	return result;
}

struct stored_review {
	int64_t id;
	int32_t date;
	char pn[4];
};

static void read_review(sqlite3_stmt *s, void *row)
{
	struct stored_review *v = row;
	v->id = sqlite3_column_int64(s, 0);
	v->date = column_date(s, 1);
	snprintf(v->pn, sizeof v->pn, "%s", column_text(s, 2));
}

static int add_review(struct store *st, int64_t child_id,
		      const struct s903_review *v, const char *now,
		      struct err *err)
{
	sqlite3_stmt *a = store_stmt(st, SQL_REVIEW_ADD, err);
	if (!a)
		return -1;
	sqlite3_bind_int64(a, 1, child_id);
	bind_date(a, 2, v->date);
	bind_text(a, 3, v->pn);
	if (store_exec_step(st, a, err, "adding a review"))
		return -1;
	sqlite3_stmt *h = store_stmt(st, SQL_REVIEW_STATUS_ADD, err);
	if (!h)
		return -1;
	sqlite3_bind_int64(h, 1, sqlite3_last_insert_rowid(st->db));
	bind_date(h, 2, v->date);
	sqlite3_bind_text(h, 3, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(h, 4, st->actor, -1, SQLITE_STATIC);
	return store_exec_step(st, h, err, "recording a review's status");
}

static int import_reviews(struct store *st, int64_t child_id,
			  const struct s903_review *revs, size_t nr,
			  const char *now, struct child_change *ch,
			  struct import_counts *n, struct err *err)
{
	struct stored_review *old = NULL;
	size_t nold = 0;
	if (load_stored(st, SQL_REVIEWS_GET, child_id, ch->child_added,
			(void **)&old, &nold, sizeof *old, read_review, err))
		return -1;

	int result = 0;
	for (size_t i = 0; i < nr && !result; i++) {
		const struct s903_review *v = &revs[i];
		struct stored_review *match = NULL;
		for (size_t k = 0; k < nold && !match; k++)
			if (old[k].date == v->date)
				match = &old[k];
		if (!match) {
			result = add_review(st, child_id, v, now, err);
			n->reviews_added++;
			ch->reviews_added++;
			continue;
		}
		if (strcmp(match->pn, v->pn) == 0)
			continue;
		char key[DATE_ISO_LEN + 1];
		date_format_iso(v->date, key);
		note_change(ch, "review", key, "pn_code", match->pn, v->pn);
		sqlite3_stmt *u = NULL;
		if (store_record_keep(st, &KIND_REVIEW, match->id, child_id,
				      err) ||
		    !(u = store_stmt(st, SQL_REVIEW_UPDATE_PN, err))) {
			result = -1;
			break;
		}
		sqlite3_bind_int64(u, 1, match->id);
		bind_text(u, 2, v->pn);
		result = store_exec_step(st, u, err, "updating a review");
		n->reviews_changed++;
	}
	free(old);
	return result;
}

/* One audit row per child the import touched, saying what it did. */
static int audit_child(struct store *st, int64_t id, const char *source,
		       struct child_change *ch, struct err *err)
{
	if (!ch->child_added && !ch->episodes_added && !ch->reviews_added &&
	    ch->changes.len == 0)
		return 0;
	struct buf b;
	buf_init(&b, 1 << 20);
	int rc = buf_adds(&b, "{\"source\":");
	rc |= json_add_string(&b, source);
	rc |= buf_printf(&b, ",\"child_added\":%s,\"episodes_added\":%ld,"
			     "\"reviews_added\":%ld,\"changes\":[",
			 ch->child_added ? "true" : "false", ch->episodes_added,
			 ch->reviews_added);
	rc |= buf_add(&b, ch->changes.data ? ch->changes.data : "",
		      ch->changes.len);
	rc |= buf_adds(&b, "]}");
	if (rc || ch->failed) {
		buf_free(&b);
		return err_set(err, "out of memory writing the audit log");
	}
	rc = store_audit(st, "import", "child", id, id, b.data, err);
	buf_free(&b);
	return rc;
}

int store_import_903(struct store *st, const struct s903_set *set,
		     const char *source, struct import_counts *n,
		     struct err *err)
{
	memset(n, 0, sizeof *n);
	n->children = (long)set->nchildren;
	n->episodes = (long)set->nepisodes;
	n->reviews = (long)set->nreviews;
	char now[32];
	store_now(now, sizeof now);

	struct s903_cursor cur = { 0, 0 };
	for (size_t ci = 0; ci < set->nchildren; ci++) {
		const struct s903_episode *eps;
		const struct s903_review *revs;
		size_t ne, nr;
		s903_child_rows(set, &cur, ci, &eps, &ne, &revs, &nr);
		struct child_change ch = { 0 };
		buf_init(&ch.changes, 1 << 20);
		int64_t id = import_child(st, &set->children[ci], &ch, n, err);
		int rc = !id ||
			 import_episodes(st, id, eps, ne, &ch, n, err) ||
			 import_reviews(st, id, revs, nr, now, &ch, n, err) ||
			 audit_child(st, id, source, &ch, err);
		buf_free(&ch.changes);
		if (rc) {
			err_prefix(err, "child %s: ", set->children[ci].child);
			return -1;
		}
	}

	struct buf b;
	buf_init(&b, 8192);
	int rc = buf_adds(&b, "{\"source\":");
	rc |= json_add_string(&b, source);
	rc |= buf_printf(&b,
			 ",\"children\":%ld,\"episodes\":%ld,\"reviews\":%ld,"
			 "\"children_added\":%ld,\"children_changed\":%ld,"
			 "\"episodes_added\":%ld,\"episodes_changed\":%ld,"
			 "\"reviews_added\":%ld,\"reviews_changed\":%ld}",
			 n->children, n->episodes, n->reviews, n->children_added,
			 n->children_changed, n->episodes_added,
			 n->episodes_changed, n->reviews_added,
			 n->reviews_changed);
	if (rc) {
		buf_free(&b);
		return err_set(err, "out of memory");
	}
	rc = store_audit(st, "import", "ssda903", 0, 0, b.data, err);
	buf_free(&b);
	return rc;
}
