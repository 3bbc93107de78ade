/*
 * page_audit.c - the audit log for auditors, administrators and managers:
 * who viewed or changed what, newest first, filtered by child, by user,
 * by action and by dates (landscape.md §4). A row names the child by LA
 * id only, never by name. Reading the log is itself a read that is
 * logged (entity "audit"), so that looking at who looked is seen too.
 */
#include "lib/common.h"
#include "lib/err.h"
#include "lib/jsonw.h"
#include "core/date.h"
#include "web/components.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/route.h"

#define PER_PAGE 50
#define AUDIT_ROLES                                                         \
	(ROLE_BIT(ROLE_AUDITOR) | ROLE_BIT(ROLE_ADMIN) | ROLE_BIT(ROLE_MANAGER))

static void filters(struct req *r, const struct form_errors *e)
{
	struct buf *b = &r->out;
	h_raw_trusted(b, "<form method=\"get\" action=\"/audit\" class=\"govuk-"
			 "!-margin-bottom-6\" novalidate><div class=\"govuk-"
			 "grid-row\"><div class=\"govuk-grid-column-one-"
			 "quarter\">");
	c_input(b, "child", "Child's LA id", NULL, req_query(r, "child"), e,
		NULL);
	h_raw_trusted(b, "</div><div class=\"govuk-grid-column-one-quarter\">");
	c_input(b, "user", "User", "A username", req_query(r, "user"), e, NULL);
	h_raw_trusted(b, "</div><div class=\"govuk-grid-column-one-quarter\">");
	static const char *const ACTIONS[][2] = {
		{ "", "Any" },		   { "read", "Read" },
		{ "add", "Add" },	   { "change", "Change" },
		{ "signin", "Sign in" },   { "signin_failed", "Failed sign-in" },
		{ "signout", "Sign out" },
	};
	c_select(b, "action", "Action", NULL, ACTIONS, ARRAY_LEN(ACTIONS),
		 req_query(r, "action"), e);
	h_raw_trusted(b, "</div></div><div class=\"govuk-grid-row\"><div "
			 "class=\"govuk-grid-column-one-quarter\">");
	c_input(b, "from", "From", "As YYYY-MM-DD", req_query(r, "from"), e,
		"govuk-input--width-10");
	h_raw_trusted(b, "</div><div class=\"govuk-grid-column-one-quarter\">");
	c_input(b, "to", "To", "As YYYY-MM-DD", req_query(r, "to"), e,
		"govuk-input--width-10");
	h_raw_trusted(b, "</div></div>");
	c_button(b, "Show", true);
	h_raw_trusted(b, "</form>");
}

static int row(void *ctx, const struct audit_row *a)
{
	struct buf *b = ctx;
	char when[20], entity_id[24] = "";
	/* "2026-03-31T09:12:44.123Z" shown to the second, in UTC as kept */
	snprintf(when, sizeof when, "%.10s %.8s", a->at,
		 strlen(a->at) > 11 ? a->at + 11 : "");
	if (a->entity_id)
		snprintf(entity_id, sizeof entity_id, "%" PRId64, a->entity_id);
	h_printf(b,
		 "<tr class=\"govuk-table__row\"><td class=\"govuk-table__"
		 "cell\">%s</td><td class=\"govuk-table__cell\">%s</td><td "
		 "class=\"govuk-table__cell\">%s</td><td class=\"govuk-table__"
		 "cell\">%s</td><td class=\"govuk-table__cell\">%s</td>",
		 when, a->actor, a->action, a->entity, entity_id);
	if (a->child_id && *a->la_child_id)
		h_printf(b,
			 "<td class=\"govuk-table__cell\"><a class=\"govuk-"
			 "link\" href=\"/audit?child=%s\">%s</a></td></tr>",
			 a->la_child_id, a->la_child_id);
	else if (a->child_id)
		h_printf(b, "<td class=\"govuk-table__cell\">(id %" PRId64
			    ")</td></tr>",
			 a->child_id);
	else
		h_raw_trusted(b, "<td class=\"govuk-table__cell\"></td></tr>");
	return 0;
}

static int32_t day_of(const char *s, const char *field,
		      struct form_errors *e)
{
	int32_t d = DATE_NONE;
	if (*s && date_parse_iso(s, &d) != DATE_OK) {
		form_error(e, field, "Enter the date as YYYY-MM-DD, for example "
				     "2026-03-01");
		d = DATE_NONE;
	}
	return d;
}

static int audit(struct req *r)
{
	struct form_errors fe = { .n = 0 };
	struct err e = { "" };
	struct audit_filter f = {
		.actor = req_query(r, "user"),
		.action = req_query(r, "action"),
	};
	const char *child = req_query(r, "child");
	const char *child_id = req_query(r, "child_id");
	if (*child) {
		if ((f.child = store_child_id(r->st, child, &e)) < 0)
			return -1;
		if (!f.child)
			form_error(&fe, "child", "There is no child with LA id "
						 "%s", child);
	} else if (*child_id) {
		f.child = atoll(child_id);
		if (f.child <= 0)
			form_error(&fe, "child", "Enter the child's LA id");
	}
	f.from = day_of(req_query(r, "from"), "from", &fe);
	f.to = day_of(req_query(r, "to"), "to", &fe);
	if (f.from != DATE_NONE && f.to != DATE_NONE && f.to < f.from)
		form_error(&fe, "to", "The end date must be on or after the "
				      "start date");
	struct buf *b = &r->out;
	if (fe.n) {
		page_begin_error(r, "Audit log", NAV_AUDIT, true);
		c_error_summary(b, &fe);
		h_raw_trusted(b, "<h1 class=\"govuk-heading-l\">Audit log</h1>");
		filters(r, &fe);
		page_end(r);
		r->status = 400;
		return 0;
	}
	/* What was looked for, for the log of this read. */
	struct buf detail;
	buf_init(&detail, 4096);
	int bad = buf_printf(&detail, "{\"page\":\"audit\",\"user\":") ||
		  json_add_string(&detail, f.actor) ||
		  buf_adds(&detail, ",\"action\":") ||
		  json_add_string(&detail, f.action) ||
		  buf_printf(&detail, ",\"from\":\"%s\",\"to\":\"%s\"}",
			     req_query(r, "from"), req_query(r, "to"));
	/* from and to were checked as dates above, so need no escaping. */
	if (bad || store_audit_read(r->st, "audit", f.child, detail.data, &e)) {
		buf_free(&detail);
		return -1;
	}
	buf_free(&detail);
	long total = 0, page = 1;
	struct buf rows;
	buf_init(&rows, REQ_PAGE_MAX);
	/* The count decides the pages; the asked-for page is read after. */
	if (store_audit_page(r->st, &f, 0, 0, &total, row, &rows, &e)) {
		buf_free(&rows);
		return -1;
	}
	long pages = (total + PER_PAGE - 1) / PER_PAGE;
	page = req_page(r, pages);
	if (store_audit_page(r->st, &f, (page - 1) * PER_PAGE, PER_PAGE, &total,
			     row, &rows, &e)) {
		buf_free(&rows);
		return -1;
	}
	page_begin(r, "Audit log", NAV_AUDIT);
	h_printf(b,
		 "<h1 class=\"govuk-heading-l\">Audit log</h1><p class=\"govuk-"
		 "body\">Who viewed or changed what, newest first: %ld entr%s. "
		 "Times are UTC.</p>",
		 total, total == 1 ? "y" : "ies");
	filters(r, NULL);
	if (!total) {
		h_raw_trusted(b, "<p class=\"govuk-body\">Nothing to show.</p>");
	} else {
		char caption[80];
		snprintf(caption, sizeof caption, "Entries, page %ld of %ld",
			 page, pages);
		struct table_col cols[] = {
			{ NULL, "When", false },   { NULL, "Who", false },
			{ NULL, "Action", false }, { NULL, "Entity", false },
			{ NULL, "Entity id", false },
			{ NULL, "Child's LA id", false },
		};
		c_table_head(b, r, caption, cols, ARRAY_LEN(cols));
		/* rows were written with h_printf: escaped already */
		h_raw_trusted(b, rows.data);
		h_raw_trusted(b, "</tbody></table>");
		c_pagination(b, r, page, pages);
	}
	buf_free(&rows);
	page_end(r);
	return 0;
}

const struct route WEB_ROUTES_AUDIT[] = {
	{ "GET", "/audit", AUDIT_ROLES, 0, audit },
	{ NULL, NULL, 0, 0, NULL },
};
