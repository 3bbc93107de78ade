/*
 * page_worklist.c - "My worklist": everything an IRO (or, for a manager,
 * the service or one IRO) has to do today, overdue kinds first, with a
 * count of each kind that filters the list (core/worklist.h says what
 * each item means; the same rows as `iro worklist`).
 */
#include "lib/common.h"
#include "lib/err.h"
#include "lib/natsort.h"
#include "core/date.h"
#include "store/roster.h"
#include "web/components.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/pages.h"
#include "web/route.h"

#define PER_PAGE 50

static bool is_late(enum wl_kind k)
{
	return k == WL_REVIEW_OVERDUE || k == WL_MINUTES_LATE ||
	       k == WL_RECOMMENDATION_OVERDUE || k == WL_ALLOCATION_LATE ||
	       k == WL_ALERT_CEILING_PASSED || k == WL_ALERT_STAGE_OVERDUE ||
	       k == WL_ALERT_ACTION_OVERDUE || k == WL_NOT_VISITED;
}

/* Where an item's record is, and what to call the link. */
static const char *item_link(const struct wl_item *it, char *out,
			     size_t size)
{
	const char *what;
	switch (it->kind) {
	case WL_RECOMMENDATION_OVERDUE:
		snprintf(out, size, "/recommendations/%" PRId64, it->ref);
		what = "Recommendation";
		break;
	case WL_ALERT_CEILING_PASSED:
	case WL_ALERT_STAGE_OVERDUE:
	case WL_ALERT_RESPONSE_DUE:
	case WL_ALERT_ACTION_OVERDUE:
		snprintf(out, size, "/alerts/%" PRId64, it->ref);
		what = "Alert";
		break;
	default:
		snprintf(out, size, "/reviews/%" PRId64, it->ref);
		what = "Review";
	}
	return it->ref ? what : NULL;
}

static const char *sort_key;
static bool sort_desc;

static int cmp_rows(const void *a, const void *b)
{
	const struct wl_row *x = a, *y = b;
	int c = 0;
	if (strcmp(sort_key, "child") == 0)
		c = natcmp(x->la_child_id, strlen(x->la_child_id),
			   y->la_child_id, strlen(y->la_child_id));
	else if (strcmp(sort_key, "date") == 0)
		c = (x->item.date > y->item.date) - (x->item.date < y->item.date);
	else if (strcmp(sort_key, "days") == 0)
		c = (x->item.days > y->item.days) - (x->item.days < y->item.days);
	else if (strcmp(sort_key, "item") == 0)
		c = (int)x->item.kind - (int)y->item.kind;
	return sort_desc ? -c : c;
}

static void counts(struct req *r, const struct wl_rows *rows, int chosen)
{
	struct buf *b = &r->out;
	h_raw_trusted(b, "<ul class=\"govuk-list iro-counts\">");
	char q[1024];
	for (int k = 0; k < WL_KIND_COUNT; k++) {
		if (!rows->counts[k])
			continue;
		const char *name = wl_kind_name((enum wl_kind)k);
		query_with(r, "kind", k == chosen ? "" : name, q, sizeof q);
		h_printf(b,
			 "<li class=\"iro-count%s\"><a class=\"govuk-link\" "
			 "href=\"%s\"",
			 is_late((enum wl_kind)k) ? " iro-count--late" : "", q);
		h_raw_trusted(b, k == chosen ? " aria-current=\"true\">" : ">");
		h_printf(b,
			 "<span class=\"iro-count__number\">%ld</span>%s</a>"
			 "</li>",
			 rows->counts[k], name);
	}
	h_raw_trusted(b, "</ul>");
}

static void filters(struct req *r, const struct roster *ro, bool whole)
{
	struct buf *b = &r->out;
	h_raw_trusted(b, "<form method=\"get\" action=\"/worklist\" class="
			 "\"govuk-!-margin-bottom-6\"><div class=\"govuk-grid-"
			 "row\">");
	const char *kind = req_query(r, "kind");
	h_raw_trusted(b, "<div class=\"govuk-grid-column-one-third\">");
	const char *opts[WL_KIND_COUNT + 1][2];
	opts[0][0] = "";
	opts[0][1] = "Everything";
	for (int k = 0; k < WL_KIND_COUNT; k++)
		opts[k + 1][0] = opts[k + 1][1] = wl_kind_name((enum wl_kind)k);
	c_select(b, "kind", "Show", NULL, opts, WL_KIND_COUNT + 1, kind, NULL);
	h_raw_trusted(b, "</div>");
	if (whole) {
		h_raw_trusted(b, "<div class=\"govuk-grid-column-one-third\">"
				 "<div class=\"govuk-form-group\"><label "
				 "class=\"govuk-label\" for=\"iro\">IRO</label>"
				 "<select class=\"govuk-select\" id=\"iro\" "
				 "name=\"iro\"><option value=\"\">The whole "
				 "service</option>");
		const char *chosen = req_query(r, "iro");
		for (size_t i = 0; i < ro->n; i++) {
			char id[24];
			snprintf(id, sizeof id, "%" PRId64, ro->v[i].w.id);
			h_printf(b, "<option value=\"%s\"%s>%s</option>", id,
				 strcmp(id, chosen) == 0 ? " selected" : "",
				 ro->v[i].name);
		}
		h_raw_trusted(b, "</select></div></div>");
	}
	h_raw_trusted(b, "<div class=\"govuk-grid-column-one-third\">");
	c_input(b, "child", "Child's LA id", NULL, req_query(r, "child"), NULL,
		"govuk-input--width-10");
	h_raw_trusted(b, "</div></div>");
	c_button(b, "Show", true);
	h_raw_trusted(b, "</form>");
}

static const char *iro_name(const struct roster *ro, int64_t id)
{
	const struct roster_iro *i = id ? roster_find(ro, id) : NULL;
	return i ? i->name : "";
}

static void row_html(struct buf *b, const struct roster *ro,
		     const struct wl_row *w, bool whole)
{
	const struct wl_item *it = &w->item;
	char date[32], link[64], days[48];
	date_text(it->date, date, sizeof date);
	const char *what = item_link(it, link, sizeof link);
	if (it->kind == WL_ALLOCATION_MISSING && it->days < 0)
		snprintf(days, sizeof days, "due in %d", -it->days);
	else if (is_late(it->kind) || it->kind == WL_ALLOCATION_MISSING ||
		 it->kind == WL_NO_PERMANENCE_PLAN)
		snprintf(days, sizeof days, "%d late", it->days);
	else
		snprintf(days, sizeof days, "in %d", it->days);
	h_raw_trusted(b, "<tr class=\"govuk-table__row\"><td class=\"govuk-"
			 "table__cell\">");
	c_tag(b, wl_kind_name(it->kind), is_late(it->kind) ? "red" : "blue");
	h_printf(b,
		 "</td><td class=\"govuk-table__cell\"><a class=\"govuk-link\" "
		 "href=\"/children/%" PRId64 "\">%s</a></td>"
		 "<td class=\"govuk-table__cell\">%s</td>"
		 "<td class=\"govuk-table__cell govuk-table__cell--numeric\">"
		 "%s</td>",
		 w->child, w->la_child_id, date, days);
	if (whole)
		h_printf(b, "<td class=\"govuk-table__cell\">%s</td>",
			 iro_name(ro, it->iro));
	h_printf(b, "<td class=\"govuk-table__cell\">%s</td>",
		 iro_name(ro, it->cover_iro));
	if (what)
		h_printf(b,
			 "<td class=\"govuk-table__cell\"><a class=\"govuk-"
			 "link\" href=\"%s\">%s %" PRId64 "</a></td></tr>",
			 link, what, it->ref);
	else
		h_raw_trusted(b, "<td class=\"govuk-table__cell\"></td></tr>");
}

int web_worklist_read(struct req *r, const char *via, struct roster *ro,
		      int64_t *iro, struct wl_rows *rows)
{
	struct err e = { "" };
	if (roster_load(r->st, ro, &e))
		return -1;
	/* An IRO's list is their own; a manager may choose whose. */
	*iro = r->user.role == ROLE_IRO ? r->user.iro_id : 0;
	if (role_may(r->user.role, CAP_WHOLE_SERVICE) &&
	    *req_query(r, "iro")) {
		*iro = atoll(req_query(r, "iro"));
		if (!roster_find(ro, *iro)) {
			roster_free(ro);
			(strcmp(via, "api") == 0 ? web_json_error : web_error)(
				r, 404, "There is no such IRO.");
			return 1;
		}
	}
	struct wl_settings set;
	wl_settings_default(&set, r->today);
	char detail[200], d[11];
	date_format_iso(r->today, d);
	snprintf(detail, sizeof detail,
		 "{\"%s\":\"worklist\",\"as_of\":\"%s\",\"iro\":%" PRId64
		 "}",
		 via, d, *iro);
	struct hidden_children h;
	if (store_audit_read(r->st, "worklist", 0, detail, &e) ||
	    store_hidden_children(r->st, r->user.id, &h, &e)) {
		roster_free(ro);
		return -1;
	}
	if (store_worklist(r->st, &set, *iro, rows, &e)) {
		hidden_children_free(&h);
		roster_free(ro);
		return -1;
	}
	/* Restricted records the user is not named on are not listed. */
	size_t kept = 0;
	for (size_t i = 0; i < rows->n; i++) {
		if (hidden_child(&h, rows->v[i].la_child_id))
			rows->counts[rows->v[i].item.kind]--;
		else
			rows->v[kept++] = rows->v[i];
	}
	rows->n = kept;
	hidden_children_free(&h);
	return 0;
}

static int worklist(struct req *r)
{
	bool whole = role_may(r->user.role, CAP_WHOLE_SERVICE);
	struct roster ro;
	struct wl_rows rows;
	int64_t iro;
	int rc = web_worklist_read(r, "page", &ro, &iro, &rows);
	if (rc)
		return rc < 0 ? -1 : 0;
	int kind = wl_kind_parse(req_query(r, "kind"));
	const char *child = req_query(r, "child");
	size_t kept = 0;
	for (size_t i = 0; i < rows.n; i++)
		if ((kind < 0 || (int)rows.v[i].item.kind == kind) &&
		    (!*child || strstr(rows.v[i].la_child_id, child)))
			rows.v[kept++] = rows.v[i];
	size_t all = rows.n;
	rows.n = kept;
	sort_key = req_query(r, "sort");
	sort_desc = strcmp(req_query(r, "dir"), "desc") == 0;
	if (*sort_key && rows.n)
		qsort(rows.v, rows.n, sizeof *rows.v, cmp_rows);

	struct buf *b = &r->out;
	char title[300], day[32];
	date_text(r->today, day, sizeof day);
	if (iro)
		snprintf(title, sizeof title, "%s %s", iro_name(&ro, iro),
			 r->user.iro_id == iro ? "(my worklist)" : "");
	page_begin(r, "Worklist", NAV_WORKLIST);
	h_printf(b,
		 "<span class=\"govuk-caption-l\">%s</span><h1 class=\"govuk-"
		 "heading-l\">Worklist</h1><p class=\"govuk-body\">What needs "
		 "doing on %s: %zu item%s in all.</p>",
		 iro ? title : "The whole service", day, all,
		 all == 1 ? "" : "s");
	counts(r, &rows, kind);
	filters(r, &ro, whole);
	long pages = ((long)rows.n + PER_PAGE - 1) / PER_PAGE;
	long page = req_page(r, pages);
	if (rows.n == 0) {
		h_raw_trusted(b, "<p class=\"govuk-body\">Nothing to show.</p>");
	} else {
		struct table_col cols[] = {
			{ "item", "Item", false }, { "child", "Child", false },
			{ "date", "Date", false }, { "days", "Days", true },
			{ NULL, "IRO", false },	   { NULL, "Cover", false },
			{ NULL, "Record", false },
		};
		if (!whole) /* the IRO column is the IRO's own name */
			memmove(&cols[4], &cols[5], 2 * sizeof cols[0]);
		char caption[64];
		snprintf(caption, sizeof caption, "%zu item%s", rows.n,
			 rows.n == 1 ? "" : "s");
		c_table_head(b, r, caption, cols, whole ? 7 : 6);
		size_t from = (size_t)(page - 1) * PER_PAGE;
		for (size_t i = from; i < rows.n && i < from + PER_PAGE; i++)
			row_html(b, &ro, &rows.v[i], whole);
		h_raw_trusted(b, "</tbody></table>");
		c_pagination(b, r, page, pages);
	}
	page_end(r);
	wl_rows_free(&rows);
	roster_free(&ro);
	return 0;
}

const struct route WEB_ROUTES_WORKLIST[] = {
	{ "GET", "/worklist", ROLE_BIT(ROLE_IRO) | ROLE_BIT(ROLE_MANAGER), 0,
	  worklist },
	{ NULL, NULL, 0, 0, NULL },
};
