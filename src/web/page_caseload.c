/*
 * page_caseload.c - caseloads and allocation: every IRO's caseload against
 * the IRO Handbook's 50-70 children per FTE (managers), one IRO's
 * children, and reallocating a child (managers). The counting and the
 * reallocation are store/casework.c's, the same as `iro caseload` and
 * `iro allocate`.
 */
#include "lib/common.h"
#include "lib/err.h"
#include "lib/natsort.h"
#include "core/date.h"
#include "store/casework.h"
#include "store/roster.h"
#include "web/components.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/route.h"

#define PER_PAGE 50
#define HANDBOOK_MAX 70.0 /* IRO Handbook: 50-70 children per FTE */

static const char *sort_key;
static bool sort_desc;

static double per_fte(const struct caseload_iro *c)
{
	return c->fte > 0 ? (double)c->children / c->fte : 0;
}

static int cmp_num(double a, double b)
{
	return (a > b) - (a < b);
}

static int cmp_iros(const void *a, const void *b)
{
	const struct caseload_iro *x = a, *y = b;
	int c;
	if (strcmp(sort_key, "team") == 0)
		c = strcmp(x->iro->team, y->iro->team);
	else if (strcmp(sort_key, "fte") == 0)
		c = cmp_num(x->fte, y->fte);
	else if (strcmp(sort_key, "children") == 0)
		c = cmp_num((double)x->children, (double)y->children);
	else if (strcmp(sort_key, "cover") == 0)
		c = cmp_num((double)x->cover, (double)y->cover);
	else if (strcmp(sort_key, "per_fte") == 0)
		c = cmp_num(per_fte(x), per_fte(y));
	else
		c = strcmp(x->iro->name, y->iro->name);
	return sort_desc ? -c : c;
}

static void team_filter(struct buf *b, const struct req *r,
			const struct roster *ro)
{
	h_raw_trusted(b, "<form method=\"get\" action=\"/caseloads\" class="
			 "\"govuk-!-margin-bottom-6\"><div class=\"govuk-form-"
			 "group\"><label class=\"govuk-label\" for=\"team\">"
			 "Team</label><select class=\"govuk-select\" id=\"team"
			 "\" name=\"team\"><option value=\"\">Every team"
			 "</option>");
	const char *chosen = req_query(r, "team");
	for (size_t i = 0; i < ro->n; i++) {
		const char *t = ro->v[i].team;
		bool seen = !*t;
		for (size_t j = 0; j < i && !seen; j++)
			seen = strcmp(ro->v[j].team, t) == 0;
		if (!seen)
			h_printf(b, "<option value=\"%s\"%s>%s</option>", t,
				 strcmp(t, chosen) == 0 ? " selected" : "", t);
	}
	h_raw_trusted(b, "</select></div>");
	c_button(b, "Show", true);
	h_raw_trusted(b, "</form>");
}

/* GET /caseloads: every IRO's caseload (managers); an IRO goes to their
 * own. */
static int caseloads(struct req *r)
{
	if (r->user.role == ROLE_IRO) {
		char to[64];
		snprintf(to, sizeof to, "/caseloads/%" PRId64, r->user.iro_id);
		return web_redirect(r, to);
	}
	struct err e = { "" };
	struct roster ro;
	if (roster_load(r->st, &ro, &e))
		return -1;
	char detail[120], d[11];
	date_format_iso(r->today, d);
	snprintf(detail, sizeof detail,
		 "{\"page\":\"caseloads\",\"as_of\":\"%s\"}", d);
	struct caseloads c;
	if (store_audit_read(r->st, "caseload", 0, detail, &e) ||
	    store_caseloads(r->st, &ro, r->today, &c, &e)) {
		roster_free(&ro);
		return -1;
	}
	const char *team = req_query(r, "team");
	size_t kept = 0;
	for (size_t i = 0; i < c.n; i++)
		if (!*team || strcmp(c.v[i].iro->team, team) == 0)
			c.v[kept++] = c.v[i];
	c.n = kept;
	sort_key = req_query(r, "sort");
	sort_desc = strcmp(req_query(r, "dir"), "desc") == 0;
	if (c.n)
		qsort(c.v, c.n, sizeof *c.v, cmp_iros);

	struct buf *b = &r->out;
	char day[32];
	date_text(r->today, day, sizeof day);
	page_begin(r, "Caseloads", NAV_CASELOADS);
	h_printf(b,
		 "<h1 class=\"govuk-heading-l\">Caseloads</h1><p class=\""
		 "govuk-body\">On %s: %ld children looked after, %ld "
		 "allocated to %.2f FTE of IROs (%.1f per FTE; the IRO "
		 "Handbook's range is 50 to 70); %ld with no IRO.</p>",
		 day, c.looked_after, c.allocated, c.fte,
		 c.fte > 0 ? (double)c.allocated / c.fte : 0.0, c.unallocated);
	team_filter(b, r, &ro);
	static const struct table_col cols[] = {
		{ "iro", "IRO", false },	   { "team", "Team", false },
		{ "fte", "FTE", true },		   { "children", "Children", true },
		{ "cover", "Cover cases", true }, { "per_fte", "Per FTE", true },
		{ NULL, "Against 50 to 70", false },
	};
	c_table_head(b, r, "Children per IRO", cols, ARRAY_LEN(cols));
	for (size_t i = 0; i < c.n; i++) {
		const struct caseload_iro *x = &c.v[i];
		h_printf(b,
			 "<tr class=\"govuk-table__row\"><td class=\"govuk-"
			 "table__cell\"><a class=\"govuk-link\" href=\""
			 "/caseloads/%" PRId64 "\">%s</a></td><td class=\"govuk-"
			 "table__cell\">%s</td><td class=\"govuk-table__cell "
			 "govuk-table__cell--numeric\">%.2f</td><td class=\""
			 "govuk-table__cell govuk-table__cell--numeric\">%ld"
			 "</td><td class=\"govuk-table__cell govuk-table__cell"
			 "--numeric\">%ld</td><td class=\"govuk-table__cell "
			 "govuk-table__cell--numeric\">",
			 x->iro->w.id, x->iro->name, x->iro->team, x->fte,
			 x->children, x->cover);
		if (x->fte > 0)
			h_printf(b, "%.1f", per_fte(x));
		h_raw_trusted(b, "</td><td class=\"govuk-table__cell\">");
		if (x->fte <= 0)
			c_tag(b, "Not in post", "grey");
		else if (per_fte(x) > HANDBOOK_MAX)
			c_tag(b, "Over 70 per FTE", "red");
		else if (per_fte(x) < 50)
			c_tag(b, "Below 50", "blue");
		else
			c_tag(b, "50 to 70", "green");
		h_raw_trusted(b, "</td></tr>");
	}
	h_raw_trusted(b, "</tbody></table>");
	page_end(r);
	caseloads_free(&c);
	roster_free(&ro);
	return 0;
}

static int cmp_children(const void *a, const void *b)
{
	const struct caseload_child *x = a, *y = b;
	int c;
	if (strcmp(sort_key, "since") == 0)
		c = cmp_num(x->since, y->since);
	else if (strcmp(sort_key, "due") == 0)
		c = cmp_num(x->next_due, y->next_due);
	else if (strcmp(sort_key, "reason") == 0)
		c = strcmp(x->reason, y->reason);
	else
		c = natcmp(x->la_child_id, strlen(x->la_child_id),
			   y->la_child_id, strlen(y->la_child_id));
	return sort_desc ? -c : c;
}

/* GET /caseloads/{iro}: one IRO's children (an IRO sees only their own). */
static int caseload(struct req *r)
{
	int64_t iro = req_arg_id(r, 0);
	if (r->user.role == ROLE_IRO && iro != r->user.iro_id)
		return web_error(r, 403, "You can see only your own caseload.");
	struct err e = { "" };
	struct roster ro;
	if (roster_load(r->st, &ro, &e))
		return -1;
	const struct roster_iro *who = iro ? roster_find(&ro, iro) : NULL;
	if (!who) {
		roster_free(&ro);
		return web_error(r, 404, "There is no such IRO.");
	}
	char detail[160], d[11];
	date_format_iso(r->today, d);
	snprintf(detail, sizeof detail,
		 "{\"page\":\"caseload\",\"iro\":%" PRId64 ",\"as_of\":\"%s\"}",
		 iro, d);
	struct caseload_children c;
	struct hidden_children h;
	if (store_audit_read(r->st, "caseload", 0, detail, &e) ||
	    store_hidden_children(r->st, r->user.id, &h, &e)) {
		roster_free(&ro);
		return -1;
	}
	if (store_caseload_children(r->st, iro, r->today, &c, &e)) {
		hidden_children_free(&h);
		roster_free(&ro);
		return -1;
	}
	/* Restricted records the user is not named on are not listed. */
	size_t kept = 0;
	for (size_t i = 0; i < c.n; i++)
		if (!hidden_child(&h, c.v[i].la_child_id))
			c.v[kept++] = c.v[i];
	c.n = kept;
	hidden_children_free(&h);
	sort_key = req_query(r, "sort");
	sort_desc = strcmp(req_query(r, "dir"), "desc") == 0;
	if (c.n)
		qsort(c.v, c.n, sizeof *c.v, cmp_children);
	long cover = 0;
	for (size_t i = 0; i < c.n; i++)
		cover += strcmp(c.v[i].reason, "cover") == 0;

	struct buf *b = &r->out;
	char day[32];
	date_text(r->today, day, sizeof day);
	page_begin(r, who->name, NAV_CASELOADS);
	h_printf(b,
		 "<span class=\"govuk-caption-l\">Caseload</span><h1 class=\""
		 "govuk-heading-l\">%s</h1><p class=\"govuk-body\">On %s: "
		 "%zu children allocated, %ld of them covered for a "
		 "colleague.</p>",
		 who->name, day, c.n - (size_t)cover, cover);
	long pages = ((long)c.n + PER_PAGE - 1) / PER_PAGE;
	long page = req_page(r, pages);
	if (c.n == 0) {
		h_raw_trusted(b, "<p class=\"govuk-body\">No children.</p>");
	} else {
		static const struct table_col cols[] = {
			{ "child", "Child", false },
			{ "since", "Allocated since", false },
			{ "reason", "Reason", false },
			{ "due", "Next review due", false },
		};
		char caption[64];
		snprintf(caption, sizeof caption, "%zu children", c.n);
		c_table_head(b, r, caption, cols, ARRAY_LEN(cols));
		size_t from = (size_t)(page - 1) * PER_PAGE;
		for (size_t i = from; i < c.n && i < from + PER_PAGE; i++) {
			const struct caseload_child *k = &c.v[i];
			char since[32], due[32];
			date_text(k->since, since, sizeof since);
			date_text(k->next_due, due, sizeof due);
			h_printf(b,
				 "<tr class=\"govuk-table__row\"><td class=\""
				 "govuk-table__cell\"><a class=\"govuk-link\" "
				 "href=\"/children/%" PRId64 "\">%s</a></td>"
				 "<td class=\"govuk-table__cell\">%s</td><td "
				 "class=\"govuk-table__cell\">%s</td><td class"
				 "=\"govuk-table__cell\">%s</td></tr>",
				 k->child, k->la_child_id, since, k->reason,
				 due);
		}
		h_raw_trusted(b, "</tbody></table>");
		c_pagination(b, r, page, pages);
	}
	page_end(r);
	caseload_children_free(&c);
	roster_free(&ro);
	return 0;
}

/* ---- Reallocating ------------------------------------------------------ */

/* The form's boxes, by the store's problem columns. */
static const char *box_of(const char *column)
{
	if (strcmp(column, "from") == 0 || strcmp(column, "start") == 0)
		return "from";
	if (strcmp(column, "to") == 0 || strcmp(column, "end") == 0)
		return "to";
	if (strcmp(column, "iro") == 0 || strcmp(column, "reason") == 0 ||
	    strcmp(column, "override") == 0)
		return column;
	return "from"; /* the child, or the day: when it is to start */
}

static void allocate_form(struct req *r, int64_t child, const char *la_id,
			  const struct roster *ro, const struct form_errors *e)
{
	struct buf *b = &r->out;
	buf_reset(b);
	page_begin_error(r, "Reallocate a child", NAV_CASELOADS, e && e->n);
	h_raw_trusted(b, "<div class=\"govuk-grid-row\"><div class=\"govuk-"
			 "grid-column-two-thirds\">");
	c_error_summary(b, e);
	h_printf(b,
		 "<span class=\"govuk-caption-l\">Child %s</span><h1 class="
		 "\"govuk-heading-l\">Reallocate a child</h1><form method="
		 "\"post\" action=\"/children/%" PRId64 "/allocate\" "
		 "novalidate>",
		 la_id, child);
	c_csrf(b, r);
	const char *opts[256][2];
	size_t n = 0;
	opts[n][0] = "";
	opts[n++][1] = "Choose an IRO";
	for (size_t i = 0; i < ro->n && n < ARRAY_LEN(opts); i++, n++)
		opts[n][0] = opts[n][1] = ro->v[i].name;
	c_select(b, "iro", "New IRO", NULL, opts, n,
		 form_value(r, "iro", ""), e);
	char today[11];
	date_format_iso(r->today, today);
	c_date(b, r, "from", "From", "The first day with the new IRO, for "
				    "example 1 4 2026", today, e);
	const char *reason = form_value(r, "reason", "transfer");
	const char *err = e ? form_error_for(e, "reason") : NULL;
	h_printf(b,
		 "<div class=\"govuk-form-group%s\"><fieldset class=\"govuk-"
		 "fieldset\"><legend class=\"govuk-fieldset__legend govuk-"
		 "fieldset__legend--s\">Reason</legend>",
		 err ? " govuk-form-group--error" : "");
	if (err)
		h_printf(b, "<p id=\"reason-error\" class=\"govuk-error-"
			    "message\"><span class=\"govuk-visually-hidden\">"
			    "Error:</span> %s</p>",
			 err);
	h_printf(b,
		 "<div class=\"govuk-radios\" data-module=\"govuk-radios\">"
		 "<div class=\"govuk-radios__item\"><input class=\"govuk-"
		 "radios__input\" id=\"reason\" name=\"reason\" type=\"radio\" "
		 "value=\"transfer\"%s><label class=\"govuk-label govuk-"
		 "radios__label\" for=\"reason\">Transfer: the new IRO takes "
		 "over</label></div><div class=\"govuk-radios__item\"><input "
		 "class=\"govuk-radios__input\" id=\"reason-cover\" name=\""
		 "reason\" type=\"radio\" value=\"cover\"%s><label class=\""
		 "govuk-label govuk-radios__label\" for=\"reason-cover\">Cover"
		 ": the new IRO covers until an end date</label></div></div>"
		 "</fieldset></div>",
		 strcmp(reason, "cover") != 0 ? " checked" : "",
		 strcmp(reason, "cover") == 0 ? " checked" : "");
	c_date(b, r, "to", "Cover ends", "The last day of cover (cover only)",
	       "", e);
	c_textarea(b, "override", "Override reason (optional)",
		   "A manager's reason for giving siblings different IROs",
		   form_value(r, "override", ""), e);
	c_button(b, "Reallocate", false);
	h_raw_trusted(b, "</form></div></div>");
	page_end(r);
}

static int allocate_page(struct req *r)
{
	int64_t child = req_arg_id(r, 0);
	char la[64];
	if (!web_child_la(r, child, la, sizeof la))
		return 0;
	struct err e = { "" };
	char detail[80];
	snprintf(detail, sizeof detail, "{\"page\":\"allocate\"}");
	struct roster ro;
	if (store_audit_read(r->st, "child", child, detail, &e) ||
	    roster_load(r->st, &ro, &e))
		return -1;
	allocate_form(r, child, la, &ro, NULL);
	roster_free(&ro);
	return 0;
}

static int allocate(struct req *r)
{
	int64_t child = req_arg_id(r, 0);
	char la[64];
	if (!web_child_la(r, child, la, sizeof la))
		return 0;
	struct form_errors fe = { .n = 0 };
	const char *iro = req_form(r, "iro");
	const char *reason = req_form(r, "reason");
	if (!*iro)
		form_error(&fe, "iro", "Choose the new IRO");
	if (strcmp(reason, "transfer") != 0 && strcmp(reason, "cover") != 0)
		form_error(&fe, "reason", "Choose transfer or cover");
	int32_t from = DATE_NONE, to = DATE_NONE;
	form_date(r, "from", "the first day with the new IRO", true, &from,
		  &fe);
	bool cover = strcmp(reason, "cover") == 0;
	int got_to = form_date(r, "to", "the last day of cover", cover, &to,
			       &fe);
	if (!cover && got_to > 0)
		form_error(&fe, "to", "Leave the end date empty for a "
					  "transfer");
	struct roster ro;
	struct err e = { "" };
	if (roster_load(r->st, &ro, &e))
		return -1;
	if (fe.n == 0) {
		char end[DATE_ISO_LEN + 1] = "";
		if (got_to > 0)
			date_format_iso(to, end);
		struct allocation_in in = { la, iro, from, reason,
					    got_to > 0 ? end : NULL,
					    req_form(r, "override") };
		struct record rec;
		struct problems p;
		enum put_outcome o;
		problems_init(&p);
		int rc = store_allocate(r->st, &in, &rec, &o, &p, &e);
		for (size_t i = 0; rc == 0 && i < p.count; i++)
			if (!p.v[i].warning)
				form_error(&fe, box_of(p.v[i].column), "%s",
					   p.v[i].reason);
		problems_free(&p);
		record_clear(&rec);
		if (rc) {
			roster_free(&ro);
			return -1;
		}
	}
	if (fe.n) {
		allocate_form(r, child, la, &ro, &fe);
		r->status = 400;
		roster_free(&ro);
		return 0;
	}
	roster_free(&ro);
	char to_url[80];
	snprintf(to_url, sizeof to_url, "/children/%" PRId64 "?done=allocated",
		 child);
	return web_redirect(r, to_url);
}

const struct route WEB_ROUTES_CASELOAD[] = {
	{ "GET", "/caseloads", ROLE_BIT(ROLE_IRO) | ROLE_BIT(ROLE_MANAGER), 0,
	  caseloads },
	{ "GET", "/caseloads/{iro}", ROLE_BIT(ROLE_IRO) | ROLE_BIT(ROLE_MANAGER),
	  0, caseload },
	{ "GET", "/children/{id}/allocate", ROLE_BIT(ROLE_MANAGER), 0,
	  allocate_page },
	{ "POST", "/children/{id}/allocate", ROLE_BIT(ROLE_MANAGER), 0,
	  allocate },
	{ NULL, NULL, 0, 0, NULL },
};
