/*
 * api_records.c - /api/v1/records/{kind}: every kind of record of
 * docs/records.md listed, read, its history read, created and replaced,
 * as JSON in exactly the shape of `iro load` / `iro dump`.
 *
 * Who may do what follows the pages (core/roles.h):
 *
 *   reference kinds (settings, calendar, IROs, themes, teams, ladders,
 *   postcodes): read by IROs, managers, analysts and administrators;
 *   written by administrators.
 *
 *   child records (the child and everything tied to one, through its
 *   `child` field or its review): read by those who may see the child
 *   today (store_child_access, role_sees_child), written by IROs and
 *   managers who see it (CAP_RECORD_WORK); allocations only by managers
 *   (CAP_ALLOCATE); new children and quality-assurance records only by
 *   those who see the whole service. A record tied to no child (a
 *   questionnaire from a professional) is the whole service's.
 *
 * A record the user may not see is answered 404, as if it did not exist.
 * Every read of child records is audited before anything is sent.
 * Writing is api_write.c.
 */
#include "lib/common.h"
#include <jansson.h>
#include "lib/err.h"
#include "lib/jsonw.h"
#include "lib/xalloc.h"
#include "core/record.h"
#include "io/record_in.h"
#include "web/api_int.h"
#include "web/html.h"

#define PER_PAGE 100

/* ---- Kinds and who may use them ---------------------------------------- */

bool api_is_reference(const struct kind *k)
{
	return k == &KIND_SETTING || k == &KIND_CALENDAR_DAY ||
	       k == &KIND_IRO || k == &KIND_THEME || k == &KIND_TEAM ||
	       k == &KIND_LADDER || k == &KIND_POSTCODE;
}

/* The kind named by the route's first argument, only one of RECORD_KINDS
 * (not a list's item kind, which lives inside its owner), else NULL. */
static const struct kind *route_kind(const struct req *r)
{
	for (size_t i = 0; RECORD_KINDS[i]; i++)
		if (strcmp(RECORD_KINDS[i]->name, r->args[0]) == 0)
			return RECORD_KINDS[i];
	return NULL;
}

/* The kind of the request, answering 404 / 403 when there is none or the
 * role may not read (or, with write, change) it. */
const struct kind *api_kind_allowed(struct req *r, bool write)
{
	const struct kind *k = route_kind(r);
	if (!k) {
		web_json_error(r, 404, "There is no such kind of record "
				       "(docs/records.md).");
		return NULL;
	}
	enum role role = r->user.role;
	bool ok;
	if (api_is_reference(k))
		ok = !write || role_may(role, CAP_ADMIN);
	else if (!write)
		ok = role_may(role, CAP_CHILD_RECORDS);
	else if (k == &KIND_ALLOCATION)
		ok = role_may(role, CAP_ALLOCATE);
	else if (k == &KIND_CHILD || k == &KIND_QA)
		ok = role_may(role, CAP_WHOLE_SERVICE) &&
		     role_may(role, CAP_RECORD_WORK);
	else
		ok = role_may(role, CAP_RECORD_WORK);
	if (!ok) {
		web_json_error(r, 403, write ? "Your role may not change "
					       "records of this kind."
					     : "Your role may not see records "
					       "of this kind.");
		return NULL;
	}
	return k;
}

/* ---- Whose record it is ------------------------------------------------ */

/* The store's id of the child a record is tied to (> 0), CHILD_NONE when
 * it is tied to none, CHILD_MISSING when it names a child (or review)
 * that is not in the store, -1 on error. */
int64_t api_child_of(struct store *st, const struct record *rec,
			struct err *e)
{
	const struct value *c = record_get(rec, "child");
	if (c && c->set && c->s) {
		int64_t id = store_child_id(st, c->s, e);
		return id == 0 ? CHILD_MISSING : id;
	}
	const struct value *rv = record_get(rec, "review");
	if (rec->kind != &KIND_REVIEW && rv && rv->set) {
		struct record review;
		int rc = store_record_get(st, &KIND_REVIEW, rv->i, &review, e);
		if (rc <= 0)
			return rc < 0 ? -1 : CHILD_MISSING;
		int64_t id = api_child_of(st, &review, e);
		record_clear(&review);
		return id;
	}
	return CHILD_NONE;
}


/* Whether the user may see records tied to `child` (api_child_of) today: 1
 * yes, 0 no, -1 error. */
int api_sees_child(struct req *r, struct sees *cache, int64_t child,
		      struct err *e)
{
	if (child <= 0) /* the whole service's, or a dangling reference */
		return role_may(r->user.role, CAP_WHOLE_SERVICE);
	for (size_t i = 0; cache && i < cache->n; i++)
		if (cache->v[i].child == child)
			return cache->v[i].visible;
	struct child_access a;
	int rc = store_child_access(r->st, child, &r->user, r->today, &a, e);
	if (rc < 0)
		return -1;
	bool visible = rc == 1 && role_sees_child(r->user.role, &a);
	if (cache && GROW(cache->v, cache->cap, cache->n + 1) == 0)
		cache->v[cache->n++] = (struct seen){ child, visible };
	return visible;
}

/* ---- Finding the record the address names -------------------------------- */

/* The record of kind k named by the route's second argument: its id, or
 * for a kind without ids its key (docs/records.md), the key fields
 * separated by commas ("C01,2024-03-01" for an episode). 1 found, 0 not,
 * -1 error. */
static int find_named(struct req *r, const struct kind *k, struct record *out,
		      struct err *e)
{
	if (k->has_id) {
		int64_t id = req_arg_id(r, 1);
		if (!id) {
			record_init(out, k);
			return 0;
		}
		return store_record_get(r->st, k, id, out, e);
	}
	struct record key;
	record_init(&key, k);
	record_init(out, k);
	const char *at = r->args[1];
	size_t all = 0;
	for (size_t f = 0; f < k->nfields; f++)
		all += (k->fields[f].flags & FF_KEY) != 0;
	int found = 1;
	for (size_t f = 0; found == 1 && f < k->nfields; f++) {
		if (!(k->fields[f].flags & FF_KEY))
			continue;
		/* A kind with one key field takes the whole argument, commas
		 * and all. */
		size_t len = !at ? 0 : all == 1 ? strlen(at) : strcspn(at, ",");
		char part[64], why[1200];
		if (!at || len == 0 || len >= sizeof part) {
			found = 0;
			break;
		}
		memcpy(part, at, len);
		part[len] = '\0';
		at = at[len] ? at + len + 1 : NULL;
		if (record_parse_value(&key, f, part, why, sizeof why))
			found = 0;
	}
	if (found == 1 && at)
		found = 0;
	if (found == 1) {
		struct problems p;
		problems_init(&p);
		int rc = store_record_resolve(r->st, &key, &p, e);
		found = rc < 0 ? -1 : p.errors ? 0 : 1;
		problems_free(&p);
	}
	if (found == 1) {
		record_clear(out);
		found = store_record_find(r->st, &key, out, e);
	}
	record_clear(&key);
	return found;
}

/* The record the address names, if the user may see it: 1, or 0 with the
 * answer (404, 500) given; *child is its child (api_child_of). */
int api_load_visible(struct req *r, const struct kind *k,
			struct record *out, int64_t *child)
{
	struct err e = { "" };
	int rc = find_named(r, k, out, &e);
	*child = 0;
	if (rc == 1 && !api_is_reference(k)) {
		*child = api_child_of(r->st, out, &e);
		int sees = *child < 0 && *child != CHILD_MISSING
				   ? -1
				   : api_sees_child(r, NULL, *child, &e);
		rc = sees < 0 ? -1 : sees;
	}
	if (rc == 1)
		return 1;
	record_clear(out);
	if (rc < 0)
		web_json_error(r, 500, "Something went wrong. Try again later.");
	else
		web_json_error(r, 404, "There is no such record that you may "
				       "see.");
	return 0;
}

/* Logs a read of child records before anything is shown (store.h): the
 * kind and the record, never a name. */
static int audit_read(struct req *r, const struct kind *k, int64_t child,
		      const char *what, int64_t id)
{
	if (api_is_reference(k))
		return 0;
	char detail[160];
	snprintf(detail, sizeof detail,
		 "{\"kind\":\"%s\",\"%s\":%" PRId64 "}", k->name, what, id);
	struct err e = { "" };
	return store_audit_read(r->st, "api", child > 0 ? child : 0, detail,
				&e);
}

/* ---- Reading ---------------------------------------------------------------- */

struct listing {
	struct req *r;
	struct sees cache;
	int64_t child; /* the ?child= filter's id, or 0 */
	long page, total;
	struct buf items;
	struct err e;
};

static int list_one(void *ctx, const struct record *rec)
{
	struct listing *l = ctx;
	if (!api_is_reference(rec->kind)) {
		int64_t child = api_child_of(l->r->st, rec, &l->e);
		if (child == -1)
			return -1;
		if (l->child && child != l->child)
			return 0;
		int sees = api_sees_child(l->r, &l->cache, child, &l->e);
		if (sees <= 0)
			return sees;
	}
	long at = l->total++;
	if (at < (l->page - 1) * PER_PAGE || at >= l->page * PER_PAGE)
		return 0;
	if (l->items.len && buf_addc(&l->items, ','))
		return -1;
	return record_json(rec, true, &l->items) ? -1 : 0;
}

int api_records_list(struct req *r)
{
	const struct kind *k = api_kind_allowed(r, false);
	if (!k)
		return 0;
	const char *page_q = req_query(r, "page");
	const char *child_q = req_query(r, "child");
	struct listing l = { .r = r, .page = 1, .e = { "" } };
	if (*page_q) {
		char *end;
		l.page = strtol(page_q, &end, 10);
		if (*end || l.page < 1 || l.page > 1000000)
			return web_json_error(r, 400, "page: a whole number "
						      "from 1.");
	}
	if (*child_q) {
		if (api_is_reference(k))
			return web_json_error(r, 400, "child: records of this "
						      "kind are not tied to a "
						      "child.");
		l.child = store_child_id(r->st, child_q, &l.e);
		if (l.child < 0)
			return -1;
		if (!web_child_visible(r, l.child))
			return 0;
	}
	if (audit_read(r, k, l.child, "page", l.page))
		return -1;
	buf_init(&l.items, REQ_PAGE_MAX);
	int rc = store_record_each(r->st, k, list_one, &l, &l.e);
	free(l.cache.v);
	if (rc) {
		buf_free(&l.items);
		return -1;
	}
	long pages = (l.total + PER_PAGE - 1) / PER_PAGE;
	struct buf *b = &r->out;
	api_begin(r, 200);
	buf_adds(b, "{\"kind\":");
	json_add_string(b, k->name);
	buf_printf(b, ",\"page\":%ld,\"per_page\":%d,\"total\":%ld,"
		      "\"pages\":%ld,\"next\":",
		   l.page, PER_PAGE, l.total, pages);
	if (l.page < pages) {
		char next[400], enc[200] = "";
		if (*child_q)
			url_encode(enc, sizeof enc, child_q);
		snprintf(next, sizeof next, "/api/v1/records/%s?page=%ld%s%s",
			 k->name, l.page + 1, *enc ? "&child=" : "", enc);
		json_add_string(b, next);
	} else {
		buf_adds(b, "null");
	}
	buf_adds(b, ",\"records\":[");
	buf_add(b, l.items.data, l.items.len);
	rc = buf_adds(b, "]}\n");
	buf_free(&l.items);
	return rc;
}

int api_records_get(struct req *r)
{
	const struct kind *k = api_kind_allowed(r, false);
	struct record rec;
	int64_t child;
	if (!k || !api_load_visible(r, k, &rec, &child))
		return 0;
	int rc = audit_read(r, k, child, "id", rec.id);
	if (rc == 0) {
		api_begin(r, 200);
		rc = record_json(&rec, true, &r->out);
		rc |= buf_addc(&r->out, '\n');
	}
	record_clear(&rec);
	return rc;
}

struct revisions {
	struct buf *b;
	size_t n;
};

static int revision_one(void *ctx, const char *replaced_at,
			const char *replaced_by, const char *json)
{
	struct revisions *v = ctx;
	/* The stored text is the store's own record_json, but it is parsed
	 * again so that a damaged row cannot break the document. */
	json_t *doc = json_loads(json, 0, NULL);
	char *text = doc ? json_dumps(doc, JSON_COMPACT | JSON_PRESERVE_ORDER)
			 : NULL;
	json_decref(doc);
	int rc = buf_adds(v->b, v->n++ ? ",{\"replaced_at\":"
				       : "{\"replaced_at\":");
	rc |= json_add_string(v->b, replaced_at);
	rc |= buf_adds(v->b, ",\"replaced_by\":");
	rc |= json_add_string(v->b, replaced_by);
	rc |= buf_adds(v->b, ",\"record\":");
	rc |= buf_adds(v->b, text ? text : "null");
	rc |= buf_addc(v->b, '}');
	free(text);
	return rc ? -1 : 0;
}

int api_records_history(struct req *r)
{
	const struct kind *k = api_kind_allowed(r, false);
	struct record rec;
	int64_t child;
	if (!k || !api_load_visible(r, k, &rec, &child))
		return 0;
	int64_t id = rec.id;
	record_clear(&rec);
	if (audit_read(r, k, child, "history", id))
		return -1;
	struct err e = { "" };
	api_begin(r, 200);
	buf_adds(&r->out, "{\"kind\":");
	json_add_string(&r->out, k->name);
	buf_printf(&r->out, ",\"id\":%" PRId64 ",\"revisions\":[", id);
	struct revisions v = { &r->out, 0 };
	if (store_each_revision(r->st, k, id, revision_one, &v, &e))
		return -1;
	return buf_adds(&r->out, "]}\n");
}

