/*
 * api.c - the JSON API under /api/v1/ (docs/api.md): who is signed in
 * (with the CSRF token a script sends back on writes) and the worklist.
 * The records of every kind are in api_records.c (reads, who may see
 * what) and api_write.c (writes).
 *
 * The API is the pages' twin: the same session, the same roles and the
 * same store calls, so what a script may see or change is exactly what
 * the same user could through the pages.
 */
#include "lib/common.h"
#include "lib/err.h"
#include "lib/jsonw.h"
#include "core/date.h"
#include "core/record.h"
#include "store/roster.h"
#include "web/api_int.h"
#include "web/pages.h"

void api_begin(struct req *r, int status)
{
	r->status = status;
	r->content_type_out = "application/json";
	buf_reset(&r->out);
}

/* "null" for "", else the quoted string: the same nulls as
 * `iro worklist --format json`, so the two can be compared. */
static void str_or_null(struct buf *b, const char *s)
{
	json_add_string(b, s && *s ? s : NULL);
}

static int session(struct req *r)
{
	struct buf *b = &r->out;
	char iro[201] = "";
	if (r->user.iro_id) {
		/* The user record may not carry its IRO's name. */
		snprintf(iro, sizeof iro, "%s", r->user.iro_name);
		struct record rec;
		struct err e = { "" };
		if (!iro[0] && store_record_get(r->st, &KIND_IRO, r->user.iro_id,
						&rec, &e) == 1) {
			const struct value *v = record_get(&rec, "name");
			snprintf(iro, sizeof iro, "%s", v && v->s ? v->s : "");
			record_clear(&rec);
		}
	}
	api_begin(r, 200);
	buf_adds(b, "{\"user\":");
	json_add_string(b, r->user.username);
	buf_adds(b, ",\"name\":");
	json_add_string(b, r->user.display_name);
	buf_adds(b, ",\"role\":");
	json_add_string(b, role_name(r->user.role));
	buf_adds(b, ",\"iro\":");
	str_or_null(b, iro);
	buf_adds(b, ",\"csrf_token\":");
	json_add_string(b, r->csrf);
	return buf_adds(b, "}\n");
}

/* ---- The worklist ------------------------------------------------------ */

static const char *iro_name(const struct roster *ro, int64_t id)
{
	const struct roster_iro *i = id ? roster_find(ro, id) : NULL;
	return i ? i->name : "";
}

static bool is_review_item(enum wl_kind k)
{
	return k == WL_REVIEW_DUE || k == WL_REVIEW_OVERDUE;
}

/* The key an item's ref goes under, as `iro worklist` names it. */
static const char *ref_key(enum wl_kind k)
{
	switch (k) {
	case WL_RECOMMENDATION_OVERDUE:
		return "recommendation";
	case WL_ALERT_CEILING_PASSED:
	case WL_ALERT_STAGE_OVERDUE:
	case WL_ALERT_RESPONSE_DUE:
	case WL_ALERT_ACTION_OVERDUE:
		return "alert";
	default:
		return "review";
	}
}

static void item_json(struct buf *b, const struct roster *ro,
		      const struct wl_row *w)
{
	const struct wl_item *it = &w->item;
	char date[11] = "", sched[11] = "";
	date_format_iso(it->date, date);
	date_format_iso(it->scheduled, sched);
	buf_adds(b, "{\"item\":");
	json_add_string(b, wl_kind_name(it->kind));
	buf_adds(b, ",\"child\":");
	json_add_string(b, w->la_child_id);
	buf_printf(b, ",\"child_id\":%" PRId64 ",\"date\":", w->child);
	str_or_null(b, date);
	buf_printf(b, ",\"days\":%d,\"iro\":", it->days);
	str_or_null(b, iro_name(ro, it->iro));
	buf_adds(b, ",\"cover_iro\":");
	str_or_null(b, iro_name(ro, it->cover_iro));
	const char *keys[] = { "review", "recommendation", "alert" };
	for (size_t k = 0; k < ARRAY_LEN(keys); k++) {
		buf_printf(b, ",\"%s\":", keys[k]);
		if (it->ref && strcmp(keys[k], ref_key(it->kind)) == 0)
			buf_printf(b, "%" PRId64, it->ref);
		else
			buf_adds(b, "null");
	}
	buf_adds(b, ",\"scheduled\":");
	str_or_null(b, sched);
	if (is_review_item(it->kind))
		buf_printf(b, ",\"sequence\":%d}", it->sequence);
	else
		buf_adds(b, ",\"sequence\":null}");
}

static int worklist(struct req *r)
{
	const char *kind_q = req_query(r, "kind");
	int kind = wl_kind_parse(kind_q);
	if (*kind_q && kind < 0)
		return web_json_error(r, 400, "kind: not a kind of worklist "
					      "item (docs/api.md).");
	struct roster ro;
	struct wl_rows rows;
	int64_t iro;
	int rc = web_worklist_read(r, "api", &ro, &iro, &rows);
	if (rc)
		return rc < 0 ? -1 : 0;
	const char *child = req_query(r, "child");
	struct buf *b = &r->out;
	char d[11];
	date_format_iso(r->today, d);
	api_begin(r, 200);
	buf_adds(b, "{\"as_of\":");
	json_add_string(b, d);
	buf_adds(b, ",\"iro\":");
	str_or_null(b, iro_name(&ro, iro));
	/* Every kind, so the keys are the same whatever the day. */
	buf_adds(b, ",\"counts\":{");
	for (int k = 0; k < WL_KIND_COUNT; k++) {
		if (k)
			buf_addc(b, ',');
		json_add_string(b, wl_kind_name((enum wl_kind)k));
		buf_printf(b, ":%ld", rows.counts[k]);
	}
	buf_printf(b, "},\"total\":%zu,\"items\":[", rows.n);
	bool first = true;
	for (size_t i = 0; i < rows.n; i++) {
		const struct wl_row *w = &rows.v[i];
		/* The page's filters: the child's LA id as a substring. */
		if ((kind >= 0 && (int)w->item.kind != kind) ||
		    (*child && !strstr(w->la_child_id, child)))
			continue;
		if (!first)
			buf_addc(b, ',');
		first = false;
		item_json(b, &ro, w);
	}
	rc = buf_adds(b, "]}\n");
	wl_rows_free(&rows);
	roster_free(&ro);
	/* A list too long for the response ceiling is a failure, not a
	 * silently cut document. */
	return rc;
}

#define R_WORK (ROLE_BIT(ROLE_IRO) | ROLE_BIT(ROLE_MANAGER))
#define R_RECORDS (R_WORK | ROLE_BIT(ROLE_ANALYST) | ROLE_BIT(ROLE_ADMIN))

const struct route WEB_ROUTES_API[] = {
	{ "GET", "/api/v1/session", ROLES_ALL, ROUTE_API, session },
	{ "GET", "/api/v1/worklist", R_WORK, ROUTE_API, worklist },
	{ "GET", "/api/v1/records/{kind}", R_RECORDS, ROUTE_API,
	  api_records_list },
	{ "POST", "/api/v1/records/{kind}", R_RECORDS, ROUTE_API,
	  api_records_post },
	{ "GET", "/api/v1/records/{kind}/{id}", R_RECORDS, ROUTE_API,
	  api_records_get },
	{ "PUT", "/api/v1/records/{kind}/{id}", R_RECORDS, ROUTE_API,
	  api_records_put },
	{ "GET", "/api/v1/records/{kind}/{id}/history", R_RECORDS, ROUTE_API,
	  api_records_history },
	{ NULL, NULL, 0, 0, NULL },
};
