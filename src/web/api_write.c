/*
 * api_write.c - POST and PUT of /api/v1/records/{kind}: a record added or
 * replaced from one record's JSON (docs/api.md), each write one
 * transaction, refused with every problem per field and nothing written.
 * Who may write what is api_records.c's (api_kind_allowed, api_may_see).
 */
#include "lib/common.h"
#include <jansson.h>
#include "lib/err.h"
#include "lib/jsonw.h"
#include "core/record.h"
#include "io/record_in.h"
#include "web/api_int.h"


/* Answers 422 with each problem that is an error. */
static int refuse(struct req *r, const struct problems *p)
{
	struct buf *b = &r->out;
	api_begin(r, 422);
	buf_adds(b, "{\"errors\":[");
	bool first = true;
	for (size_t i = 0; i < p->count; i++) {
		const struct problem *pr = &p->v[i];
		if (pr->warning)
			continue;
		buf_adds(b, first ? "{\"field\":" : ",{\"field\":");
		first = false;
		json_add_string(b, pr->column[0] ? pr->column : NULL);
		buf_adds(b, ",\"value\":");
		json_add_string(b, pr->value[0] ? pr->value : NULL);
		buf_adds(b, ",\"message\":");
		json_add_string(b, pr->reason);
		buf_addc(b, '}');
	}
	return buf_adds(b, "],\"message\":\"Nothing was written.\"}\n");
}

/* The DfE rules' warnings on the child's return after a write, as a
 * "warnings" member added to the record's object: [{"table", "key",
 * "message"}]. */
static int add_warnings(struct buf *b, const struct problems *p)
{
	if (!b->len || b->data[b->len - 1] != '}')
		return -1;
	b->len--;
	int rc = buf_adds(b, ",\"warnings\":[");
	bool first = true;
	for (size_t i = 0; i < p->count; i++) {
		const struct problem *pr = &p->v[i];
		if (!pr->warning)
			continue;
		rc |= buf_adds(b, first ? "{\"table\":" : ",{\"table\":");
		first = false;
		rc |= json_add_string(b, pr->column);
		rc |= buf_adds(b, ",\"key\":");
		rc |= json_add_string(b, pr->value[0] ? pr->value : NULL);
		rc |= buf_adds(b, ",\"message\":");
		rc |= json_add_string(b, pr->reason);
		rc |= buf_addc(b, '}');
	}
	return rc | buf_adds(b, "]}");
}

/* The body as a record of kind k into rec (initialised here): 1, or 0
 * with the answer given (400, 422). */
static int read_body(struct req *r, const struct kind *k, struct record *rec)
{
	record_init(rec, k);
	json_error_t jerr;
	json_t *obj = r->body.len ? json_loadb(r->body.data, r->body.len,
					       JSON_REJECT_DUPLICATES, &jerr)
				  : NULL;
	if (!json_is_object(obj)) {
		json_decref(obj);
		web_json_error(r, 400, "The body must be one record as a JSON "
				       "object (docs/records.md).");
		return 0;
	}
	struct problems p;
	problems_init(&p);
	/* The address names the kind; "type" may be left out. */
	const json_t *type = json_object_get(obj, "type");
	if (!type)
		json_object_set_new(obj, "type", json_string(k->name));
	else if (!json_is_string(type) ||
		 strcmp(json_string_value(type), k->name) != 0)
		problem_add(&p, false, NULL, 0, "type",
			    json_is_string(type) ? json_string_value(type) : NULL,
			    "is not the kind the address names (%s)", k->name);
	if (p.errors == 0) {
		record_clear(rec);
		record_from_json(rec, obj, &p);
	}
	json_decref(obj);
	int ok = p.errors == 0 && !p.out_of_memory;
	if (!ok) {
		/* A refused body may have set some fields: the caller keeps
		 * nothing. */
		record_clear(rec);
		refuse(r, &p);
	}
	problems_free(&p);
	return ok;
}

/* Checks that the user may write rec (a new version of `old`, or new):
 * 1, or 0 with the answer given. */
static int may_write(struct req *r, const struct record *rec)
{
	if (api_is_reference(rec->kind))
		return 1;
	struct err e = { "" };
	int64_t child = api_child_of(r->st, rec, &e);
	int sees = child == -1 ? -1 : api_sees_child(r, NULL, child, &e);
	if (sees == 1)
		return 1;
	web_json_error(r, sees < 0 ? 500 : 404,
		       sees < 0 ? "Something went wrong. Try again later."
				: "There is no child's record here that you "
				  "may see.");
	return 0;
}

/* Writes rec in one transaction and answers with the record as stored:
 * 201 added, 200 changed or the same, 422 refused (nothing written). */
static int put(struct req *r, struct record *rec)
{
	struct problems p;
	struct err e = { "" };
	enum put_outcome o = PUT_REFUSED;
	problems_init(&p);
	int rc = store_begin(r->st, &e);
	if (rc == 0)
		rc = store_record_put(r->st, rec, &o, &p, &e);
	if (rc == 0 && p.errors == 0 && o != PUT_REFUSED)
		rc = store_commit(r->st, &e);
	else
		store_rollback(r->st);
	if (rc == 0 && (p.errors || o == PUT_REFUSED)) {
		rc = refuse(r, &p);
		problems_free(&p);
		return rc;
	}
	struct record out;
	if (rc || store_record_get(r->st, rec->kind, rec->id, &out, &e) != 1) {
		problems_free(&p);
		return -1;
	}
	api_begin(r, o == PUT_ADDED ? 201 : 200);
	rc = record_json(&out, true, &r->out);
	if (!rc && p.warnings)
		rc = add_warnings(&r->out, &p);
	rc |= buf_addc(&r->out, '\n');
	record_clear(&out);
	problems_free(&p);
	return rc;
}

int api_records_post(struct req *r)
{
	const struct kind *k = api_kind_allowed(r, true);
	struct record rec;
	if (!k || !read_body(r, k, &rec))
		return 0;
	int rc = 0;
	struct err e = { "" };
	if (!may_write(r, &rec))
		goto done;
	/* POST adds: changing a record is PUT's, at the record's address,
	 * where who may see it is checked. */
	struct record old;
	int found = 0;
	if (k->has_id && rec.id) {
		found = store_record_get(r->st, k, rec.id, &old, &e);
	} else if (!k->has_id) {
		struct problems p;
		problems_init(&p);
		struct record key;
		if (record_copy(&key, &rec)) {
			found = -1;
		} else {
			found = store_record_resolve(r->st, &key, &p, &e);
			found = found < 0 ? -1 : p.errors ? 0
					 : store_record_find(r->st, &key, &old, &e);
			record_clear(&key);
		}
		problems_free(&p);
	}
	if (found > 0)
		record_clear(&old);
	if (found < 0)
		rc = -1;
	else if (found > 0)
		web_json_error(r, 409, "That record is already there: change "
				       "it with PUT at its address.");
	else
		rc = put(r, &rec);
done:
	record_clear(&rec);
	return rc;
}

int api_records_put(struct req *r)
{
	const struct kind *k = api_kind_allowed(r, true);
	struct record old, rec;
	int64_t child;
	if (!k || !api_load_visible(r, k, &old, &child))
		return 0;
	int rc = 0;
	if (!read_body(r, k, &rec)) {
		record_clear(&old);
		return 0;
	}
	/* The address names the record: the body may not name another. */
	struct problems p;
	problems_init(&p);
	if (k->has_id && rec.id && rec.id != old.id) {
		char v[24];
		snprintf(v, sizeof v, "%" PRId64, rec.id);
		problem_add(&p, false, NULL, 0, "id", v,
			    "is not the id the address names");
	}
	for (size_t f = 0; !k->has_id && f < k->nfields; f++) {
		if (!(k->fields[f].flags & FF_KEY))
			continue;
		char a[256], b[256];
		record_value_text(&old, f, a, sizeof a);
		record_value_text(&rec, f, b, sizeof b);
		if (strcmp(a, b) != 0)
			problem_add(&p, false, NULL, 0, k->fields[f].name, b,
				    "is part of the record's key: it must be "
				    "the one the address names");
	}
	rec.id = old.id;
	if (p.errors)
		rc = refuse(r, &p);
	else if (may_write(r, &rec))
		rc = put(r, &rec);
	problems_free(&p);
	record_clear(&old);
	record_clear(&rec);
	return rc;
}
