/*
 * page_alerts.c - the alerts tracker: open practice alerts and disputes by
 * stage and deadline, one alert with its clock, stages, actions and
 * versions, the forms that move it (the same moves as `iro alert ...`,
 * made by store/casework.c), and raising an alert about a child.
 *
 * Every alert is a child's record: a page about one first checks the
 * child may be seen (web_child_visible) and audits the read.
 */
#include "lib/common.h"
#include "lib/err.h"
#include "core/date.h"
#include "store/casework.h"
#include "store/roster.h"
#include "web/components.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/route.h"

#define PER_PAGE 50

/* ---- The tracker ------------------------------------------------------- */

struct row {
	int64_t id, child;
	char la[40], kind[16], status[16], stage[48], addressee[48],
		iro[201], team[201];
	int32_t raised, entered, due;
	int left;  /* working days to the response due; < 0 overdue */
	bool late; /* the stage overdue or the ceiling passed */
};

struct list {
	struct req *r;
	const struct calendar *cal;
	const struct caseload_children *mine; /* an IRO's children, or NULL */
	struct hidden_children hidden;        /* restricted, not named on */
	const char *my_name;                  /* an IRO's name, or NULL */
	struct row *v;
	size_t n, cap;
	bool failed;
};

static bool is_mine(const struct list *l, const char *la, const char *iro)
{
	if (!l->mine)
		return true;
	if (l->my_name && strcmp(iro, l->my_name) == 0)
		return true;
	for (size_t i = 0; i < l->mine->n; i++)
		if (strcmp(l->mine->v[i].la_child_id, la) == 0)
			return true;
	return false;
}

static const char *text(const struct record *r, const char *f)
{
	const struct value *v = record_get(r, f);
	return v && v->set && v->s ? v->s : "";
}

static int add_row(void *vctx, const struct record *a)
{
	struct list *l = vctx;
	struct req *r = l->r;
	const char *la = text(a, "child"), *iro = text(a, "iro");
	if (!is_mine(l, la, iro) || hidden_child(&l->hidden, la))
		return 0;
	const char *status = req_query(r, "status");
	if (!*status)
		status = "open";
	if (strcmp(status, "all") != 0 && strcmp(text(a, "status"), status))
		return 0;
	const char *kind = req_query(r, "kind"), *team = req_query(r, "team"),
		   *who = req_query(r, "iro"), *theme = req_query(r, "theme");
	if ((*kind && strcmp(kind, text(a, "kind"))) ||
	    (*team && strcmp(team, text(a, "team"))) ||
	    (*who && strcmp(who, iro)))
		return 0;
	if (*theme) {
		const struct record_list *ts =
			&a->lists[kind_list(a->kind, "themes")];
		bool found = false;
		for (size_t i = 0; i < ts->count && !found; i++)
			found = strcmp(text(&ts->items[i], "theme"), theme) == 0;
		if (!found)
			return 0;
	}
	struct alert_view v;
	alert_view_read(a, LADDER_CEILING_WD, &v);
	struct alert_clock c;
	dispute_clock(l->cal, &v.in, r->today, &c);
	bool late = c.state == ALERT_STAGE_OVERDUE ||
		    c.state == ALERT_CEILING_PASSED;
	if (strcmp(req_query(r, "past"), "yes") == 0 && !late)
		return 0;
	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 64;
		void *p = realloc(l->v, cap * sizeof *l->v);
		if (!p) {
			l->failed = true;
			return -1;
		}
		l->v = p;
		l->cap = cap;
	}
	struct row *w = &l->v[l->n++];
	memset(w, 0, sizeof *w);
	w->id = a->id;
	snprintf(w->la, sizeof w->la, "%s", la);
	snprintf(w->kind, sizeof w->kind, "%s", text(a, "kind"));
	snprintf(w->status, sizeof w->status, "%s", text(a, "status"));
	snprintf(w->iro, sizeof w->iro, "%s", iro);
	snprintf(w->team, sizeof w->team, "%s", text(a, "team"));
	w->raised = v.in.raised;
	w->entered = w->due = DATE_NONE;
	const struct record_list *ss = &a->lists[kind_list(a->kind, "stages")];
	if (ss->count) {
		const struct record *s = &ss->items[ss->count - 1];
		snprintf(w->stage, sizeof w->stage, "%s", text(s, "name"));
		snprintf(w->addressee, sizeof w->addressee, "%s",
			 text(s, "addressee"));
		w->entered = v.in.stages[v.in.nstages - 1].entered;
	}
	w->due = c.stage_due;
	w->late = late;
	if (w->due != DATE_NONE)
		w->left = w->due >= r->today
				  ? cal_workdays_between(l->cal, r->today,
							 w->due)
				  : -(int)(r->today - w->due);
	return 0;
}

static const char *sort_key;
static bool sort_desc;

static int cmp_rows(const void *a, const void *b)
{
	const struct row *x = a, *y = b;
	int c;
	if (strcmp(sort_key, "raised") == 0)
		c = (x->raised > y->raised) - (x->raised < y->raised);
	else if (strcmp(sort_key, "entered") == 0)
		c = (x->entered > y->entered) - (x->entered < y->entered);
	else if (strcmp(sort_key, "kind") == 0)
		c = strcmp(x->kind, y->kind);
	else if (strcmp(sort_key, "id") == 0)
		c = (x->id > y->id) - (x->id < y->id);
	else /* by deadline: the soonest (or most overdue) first */
		c = (x->due > y->due) - (x->due < y->due);
	return sort_desc ? -c : c;
}

static void select_of(struct buf *b, const char *name, const char *label,
		      const char *const (*opts)[2], size_t n,
		      const char *value)
{
	c_select(b, name, label, NULL, opts, n, value, NULL);
}

struct names {
	char (*v)[201];
	size_t n, cap;
};

static int collect_name(void *vctx, const struct record *r)
{
	struct names *x = vctx;
	if (!record_get(r, "active")->i)
		return 0;
	if (x->n == x->cap) {
		size_t cap = x->cap ? 2 * x->cap : 32;
		void *p = realloc(x->v, cap * sizeof *x->v);
		if (!p)
			return -1;
		x->v = p;
		x->cap = cap;
	}
	snprintf(x->v[x->n++], sizeof *x->v, "%s", text(r, "name"));
	return 0;
}

/* A select of the active names of a list (teams, themes). */
static void name_select(struct req *r, const struct kind *k,
			const char *name, const char *label, const char *value,
			const char *blank, const struct form_errors *e)
{
	struct names x = { 0 };
	struct err err = { "" };
	store_record_each(r->st, k, collect_name, &x, &err);
	const char *(*opts)[2] = calloc(x.n + 1, sizeof *opts);
	if (opts) {
		opts[0][0] = "";
		opts[0][1] = blank;
		for (size_t i = 0; i < x.n; i++)
			opts[i + 1][0] = opts[i + 1][1] = x.v[i];
		c_select(&r->out, name, label, NULL,
			 (const char *const(*)[2])opts, x.n + 1, value, e);
	}
	free(opts);
	free(x.v);
}

/* The active themes as checkboxes: an alert may be about several. */
static void theme_boxes(struct req *r, const struct form_errors *e)
{
	struct names x = { 0 };
	struct err err = { "" };
	store_record_each(r->st, &KIND_THEME, collect_name, &x, &err);
	const char **v = calloc(x.n + 1, sizeof *v);
	if (v) {
		for (size_t i = 0; i < x.n; i++)
			v[i] = x.v[i];
		c_checkboxes(&r->out, r, "theme", "Themes (optional)",
			     "Tick each theme the alert is about", v, x.n, e);
	}
	free(v);
	free(x.v);
}

static void filters(struct req *r, const struct roster *ro, bool whole)
{
	struct buf *b = &r->out;
	h_raw_trusted(b, "<form method=\"get\" action=\"/alerts\" class=\""
			 "govuk-!-margin-bottom-6\"><div class=\"govuk-grid-"
			 "row\"><div class=\"govuk-grid-column-one-quarter\">");
	static const char *const status[][2] = {
		{ "open", "Open" },	      { "resolved", "Resolved" },
		{ "withdrawn", "Withdrawn" }, { "cafcass", "Referred to Cafcass" },
		{ "all", "All" },
	};
	select_of(b, "status", "Status", status, ARRAY_LEN(status),
		  req_query(r, "status"));
	static const char *const kinds[][2] = {
		{ "", "Every kind" },
		{ "good_practice", "Good practice" },
		{ "informal", "Informal" },
		{ "formal", "Formal" },
	};
	h_raw_trusted(b, "</div><div class=\"govuk-grid-column-one-quarter\">");
	select_of(b, "kind", "Kind", kinds, ARRAY_LEN(kinds),
		  req_query(r, "kind"));
	h_raw_trusted(b, "</div><div class=\"govuk-grid-column-one-quarter\">");
	name_select(r, &KIND_TEAM, "team", "Team", req_query(r, "team"),
		    "Every team", NULL);
	h_raw_trusted(b, "</div><div class=\"govuk-grid-column-one-quarter\">");
	static const char *const past[][2] = {
		{ "", "Any" }, { "yes", "Past the deadline" },
	};
	select_of(b, "past", "Deadline", past, ARRAY_LEN(past),
		  req_query(r, "past"));
	h_raw_trusted(b, "</div></div><div class=\"govuk-grid-row\"><div "
			 "class=\"govuk-grid-column-one-half\">");
	name_select(r, &KIND_THEME, "theme", "Theme", req_query(r, "theme"),
		    "Every theme", NULL);
	h_raw_trusted(b, "</div>");
	if (whole) {
		const char *(*opts)[2] = calloc(ro->n + 1, sizeof *opts);
		if (opts) {
			opts[0][0] = "";
			opts[0][1] = "Every IRO";
			for (size_t i = 0; i < ro->n; i++)
				opts[i + 1][0] = opts[i + 1][1] =
					ro->v[i].name;
			h_raw_trusted(b, "<div class=\"govuk-grid-column-one-"
					 "half\">");
			select_of(b, "iro", "Raised by",
				  (const char *const(*)[2])opts, ro->n + 1,
				  req_query(r, "iro"));
			h_raw_trusted(b, "</div>");
		}
		free(opts);
	}
	h_raw_trusted(b, "</div>");
	c_button(b, "Show", true);
	h_raw_trusted(b, "</form>");
}

static int tracker(struct req *r)
{
	bool whole = role_may(r->user.role, CAP_WHOLE_SERVICE);
	struct err e = { "" };
	struct roster ro;
	if (roster_load(r->st, &ro, &e))
		return -1;
	struct calendar cal;
	if (store_calendar_load(r->st, &cal, &e)) {
		roster_free(&ro);
		return -1;
	}
	struct caseload_children mine = { 0 };
	struct list l = { .r = r, .cal = &cal };
	const struct roster_iro *me =
		whole ? NULL : roster_find(&ro, r->user.iro_id);
	char detail[120], d[11];
	date_format_iso(r->today, d);
	snprintf(detail, sizeof detail,
		 "{\"page\":\"alerts\",\"as_of\":\"%s\"}", d);
	int rc = store_audit_read(r->st, "alert", 0, detail, &e);
	if (rc == 0)
		rc = store_hidden_children(r->st, r->user.id, &l.hidden, &e);
	if (rc == 0 && !whole) {
		rc = store_caseload_children(r->st, r->user.iro_id, r->today,
					     &mine, &e);
		l.mine = &mine;
		l.my_name = me ? me->name : "";
	}
	if (rc == 0)
		rc = store_record_each(r->st, &KIND_ALERT, add_row, &l, &e);
	hidden_children_free(&l.hidden);
	if (rc || l.failed) {
		free(l.v);
		caseload_children_free(&mine);
		cal_free(&cal);
		roster_free(&ro);
		return -1;
	}
	sort_key = req_query(r, "sort");
	sort_desc = strcmp(req_query(r, "dir"), "desc") == 0;
	if (l.n)
		qsort(l.v, l.n, sizeof *l.v, cmp_rows);

	struct buf *b = &r->out;
	page_begin(r, "Alerts", NAV_ALERTS);
	h_raw_trusted(b, "<h1 class=\"govuk-heading-l\">Alerts</h1>");
	filters(r, &ro, whole);
	long pages = ((long)l.n + PER_PAGE - 1) / PER_PAGE;
	long page = req_page(r, pages);
	if (!l.n) {
		h_raw_trusted(b, "<p class=\"govuk-body\">No alerts.</p>");
	} else {
		static const struct table_col cols[] = {
			{ "id", "Alert", false },
			{ NULL, "Child", false },
			{ "kind", "Kind", false },
			{ NULL, "Stage", false },
			{ NULL, "Addressee", false },
			{ "entered", "Entered", false },
			{ "due", "Response due", false },
			{ NULL, "Working days left", true },
		};
		char caption[64];
		snprintf(caption, sizeof caption, "%zu alert%s", l.n,
			 l.n == 1 ? "" : "s");
		c_table_head(b, r, caption, cols, ARRAY_LEN(cols));
		size_t from = (size_t)(page - 1) * PER_PAGE;
		for (size_t i = from; i < l.n && i < from + PER_PAGE; i++) {
			const struct row *w = &l.v[i];
			char entered[32], due[32];
			date_text(w->entered, entered, sizeof entered);
			date_text(w->due, due, sizeof due);
			h_printf(b,
				 "<tr class=\"govuk-table__row\"><td class=\""
				 "govuk-table__cell\"><a class=\"govuk-link\" "
				 "href=\"/alerts/%" PRId64 "\">Alert %" PRId64
				 "</a></td><td class=\"govuk-table__cell\">%s"
				 "</td><td class=\"govuk-table__cell\">%s</td>"
				 "<td class=\"govuk-table__cell\">%s</td><td "
				 "class=\"govuk-table__cell\">%s</td><td class"
				 "=\"govuk-table__cell\">%s</td><td class=\""
				 "govuk-table__cell\">%s</td><td class=\"govuk"
				 "-table__cell govuk-table__cell--numeric\">",
				 w->id, w->id, w->la, w->kind, w->stage,
				 w->addressee, entered, due);
			char left[48];
			if (w->due == DATE_NONE)
				left[0] = '\0';
			else if (w->left < 0)
				snprintf(left, sizeof left, "%d days overdue",
					 -w->left);
			else
				snprintf(left, sizeof left, "%d", w->left);
			if (w->late || w->left < 0)
				c_tag(b, *left ? left : "Past the ceiling",
				      "red");
			else
				h_text(b, left);
			h_raw_trusted(b, "</td></tr>");
		}
		h_raw_trusted(b, "</tbody></table>");
		c_pagination(b, r, page, pages);
	}
	page_end(r);
	free(l.v);
	caseload_children_free(&mine);
	cal_free(&cal);
	roster_free(&ro);
	return 0;
}

/* ---- One alert --------------------------------------------------------- */

/* Opens alert {id} after checking its child may be seen (404 else) and
 * auditing the read; 1 opened, 0 answered (404), -1 failed. */
static int open_alert(struct req *r, struct alert_case *a, int64_t *child)
{
	struct err e = { "" };
	int64_t id = req_arg_id(r, 0);
	int got = id ? store_alert_open(r->st, id, a, &e) : 0;
	if (got <= 0) {
		alert_case_clear(a);
		if (got < 0)
			return -1;
		web_error(r, 404, "There is no such alert.");
		return 0;
	}
	*child = store_child_id(r->st, text(&a->r, "child"), &e);
	if (*child < 0 || !web_child_visible(r, *child)) {
		alert_case_clear(a);
		return *child < 0 ? -1 : 0;
	}
	char detail[80];
	snprintf(detail, sizeof detail, "{\"alert\":%" PRId64 "}", id);
	if (store_audit_read(r->st, "alert", *child, detail, &e)) {
		alert_case_clear(a);
		return -1;
	}
	return 1;
}

static int show_version(void *ctx, const char *at, const char *by,
			const char *json)
{
	(void)json;
	struct buf *b = ctx;
	h_printf(b, "<li>Replaced %s by %s</li>", at, by);
	return 0;
}

static void date_box(struct req *r, const char *name, const char *label,
		     const struct form_errors *e)
{
	char today[DATE_ISO_LEN + 1];
	date_format_iso(r->today, today);
	c_date(&r->out, r, name, label, NULL, today, e);
}

static void alert_page(struct req *r, struct alert_case *a, int64_t child,
		       const struct form_errors *e)
{
	struct buf *b = &r->out;
	buf_reset(b);
	struct calendar cal;
	struct err err = { "" };
	bool have_cal = store_calendar_load(r->st, &cal, &err) == 0;
	char title[64];
	snprintf(title, sizeof title, "Alert %" PRId64, a->r.id);
	page_begin_error(r, title, NAV_ALERTS, e && e->n);
	c_error_summary(b, e);
	h_printf(b,
		 "<span class=\"govuk-caption-l\">Child <a class=\"govuk-link"
		 "\" href=\"/children/%" PRId64 "\">%s</a></span><h1 class=\""
		 "govuk-heading-l\">%s</h1><dl class=\"govuk-summary-list\">",
		 child, text(&a->r, "child"), title);
	c_summary_row(b, "Kind", text(&a->r, "kind"));
	c_summary_row(b, "Status", text(&a->r, "status"));
	c_summary_row(b, "Raised by", text(&a->r, "iro"));
	char raised[32];
	date_text(a->view.in.raised, raised, sizeof raised);
	c_summary_row(b, "Raised", raised);
	c_summary_row(b, "Team", text(&a->r, "team"));
	c_summary_row(b, "Description", text(&a->r, "description"));
	c_summary_row(b, "Impact on the child", text(&a->r, "impact"));
	c_summary_row(b, "Outcome", text(&a->r, "outcome"));
	if (have_cal && a->view.in.kind != ALERT_GOOD_PRACTICE) {
		struct alert_clock c;
		dispute_clock(&cal, &a->view.in, r->today, &c);
		char clock[200], ceil[32];
		date_text(c.ceiling_date, ceil, sizeof ceil);
		snprintf(clock, sizeof clock,
			 "%s: %d working days of %d; the ceiling is %s",
			 dispute_state_words(c.state), c.elapsed_wd,
			 a->ladder.ceiling_wd, ceil);
		c_summary_row(b, "Clock", clock);
	}
	h_raw_trusted(b, "</dl>");
	if (have_cal)
		cal_free(&cal);

	const struct record_list *ss =
		&a->r.lists[kind_list(a->r.kind, "stages")];
	h_raw_trusted(b, "<h2 class=\"govuk-heading-m\">Stages</h2>");
	if (ss->count) {
		static const struct table_col cols[] = {
			{ NULL, "Stage", false },     { NULL, "Addressee", false },
			{ NULL, "Entered", false },   { NULL, "Response due", false },
			{ NULL, "Responded", false }, { NULL, "Response", false },
		};
		c_table_head(b, r, "Stages entered", cols, ARRAY_LEN(cols));
		for (size_t i = 0; i < ss->count; i++) {
			const struct record *s = &ss->items[i];
			char en[32], du[32], re[32];
			date_text(a->view.stages[i < LADDER_MAX_STAGES ? i : 0]
					  .entered, en, sizeof en);
			const struct value *dv = record_get(s, "due"),
					   *rv = record_get(s, "responded");
			date_text(dv->set ? (int32_t)dv->i : DATE_NONE, du,
				  sizeof du);
			date_text(rv->set ? (int32_t)rv->i : DATE_NONE, re,
				  sizeof re);
			h_printf(b,
				 "<tr class=\"govuk-table__row\"><td class=\""
				 "govuk-table__cell\">%s</td><td class=\"govuk"
				 "-table__cell\">%s</td><td class=\"govuk-table"
				 "__cell\">%s</td><td class=\"govuk-table__cell"
				 "\">%s</td><td class=\"govuk-table__cell\">%s"
				 "</td><td class=\"govuk-table__cell\">%s</td>"
				 "</tr>",
				 text(s, "name"), text(s, "addressee"), en, du,
				 re, text(s, "response"));
		}
		h_raw_trusted(b, "</tbody></table>");
	} else {
		h_raw_trusted(b, "<p class=\"govuk-body\">None: a good-practice "
				 "alert has no stages.</p>");
	}

	const struct record_list *as =
		&a->r.lists[kind_list(a->r.kind, "actions")];
	h_raw_trusted(b, "<h2 class=\"govuk-heading-m\">Actions</h2>");
	if (as->count) {
		static const struct table_col cols[] = {
			{ NULL, "Action", false }, { NULL, "Owner", false },
			{ NULL, "Due", false },    { NULL, "Done", false },
		};
		c_table_head(b, r, "Actions", cols, ARRAY_LEN(cols));
		for (size_t i = 0; i < as->count; i++) {
			const struct record *x = &as->items[i];
			const struct value *dv = record_get(x, "due"),
					   *nv = record_get(x, "done");
			char du[32], dn[32];
			date_text(dv->set ? (int32_t)dv->i : DATE_NONE, du,
				  sizeof du);
			date_text(nv->set ? (int32_t)nv->i : DATE_NONE, dn,
				  sizeof dn);
			h_printf(b,
				 "<tr class=\"govuk-table__row\"><td class=\""
				 "govuk-table__cell\">%s</td><td class=\"govuk"
				 "-table__cell\">%s</td><td class=\"govuk-table"
				 "__cell\">%s</td><td class=\"govuk-table__cell"
				 "\">",
				 text(x, "action"), text(x, "owner"), du);
			if (nv->set)
				h_text(b, dn);
			else {
				h_printf(b,
					 "<form method=\"post\" action=\"/alerts"
					 "/%" PRId64 "/actions/%zu/done\">",
					 a->r.id, i + 1);
				c_csrf(b, r);
				h_printf(b,
					 "<button type=\"submit\" class=\"govuk-"
					 "button govuk-button--secondary govuk-"
					 "!-margin-bottom-0\">Mark done<span "
					 "class=\"govuk-visually-hidden\"> "
					 "action %zu</span></button></form>",
					 i + 1);
			}
			h_raw_trusted(b, "</td></tr>");
		}
		h_raw_trusted(b, "</tbody></table>");
	} else {
		h_raw_trusted(b, "<p class=\"govuk-body\">No actions.</p>");
	}

	bool open = strcmp(text(&a->r, "status"), "open") == 0;
	bool dispute = a->view.in.kind != ALERT_GOOD_PRACTICE;
	int64_t id = a->r.id;
	if (open && dispute) {
		h_printf(b,
			 "<h2 class=\"govuk-heading-m\">Escalate</h2><form "
			 "method=\"post\" action=\"/alerts/%" PRId64
			 "/escalate\" novalidate>",
			 id);
		c_csrf(b, r);
		date_box(r, "esc-date", "Date escalated", e);
		c_input(b, "esc-stage", "Stage (optional)",
			"The ladder's stage number; empty for the next",
			form_value(r, "esc-stage", ""), e,
			"govuk-input--width-2");
		c_input(b, "esc-to", "Addressee (optional)", NULL,
			form_value(r, "esc-to", ""), e, NULL);
		c_textarea(b, "esc-impact", "Impact on the child",
			   "Needed when a formal stage is first entered",
			   form_value(r, "esc-impact", ""), e);
		c_button(b, "Escalate", false);
		h_printf(b,
			 "</form><h2 class=\"govuk-heading-m\">Record the "
			 "response</h2><form method=\"post\" action=\"/alerts/"
			 "%" PRId64 "/respond\" novalidate>",
			 id);
		c_csrf(b, r);
		date_box(r, "rsp-date", "Date of the response", e);
		c_textarea(b, "rsp-response", "Response", NULL,
			   form_value(r, "rsp-response", ""), e);
		c_button(b, "Record the response", false);
		h_raw_trusted(b, "</form>");
	}
	if (open) {
		h_printf(b,
			 "<h2 class=\"govuk-heading-m\">Close the alert</h2>"
			 "<form method=\"post\" action=\"/alerts/%" PRId64
			 "/resolve\" novalidate>",
			 id);
		c_csrf(b, r);
		date_box(r, "cls-date", "Date closed", e);
		c_textarea(b, "cls-outcome", "Outcome", NULL,
			   form_value(r, "cls-outcome", ""), e);
		h_printf(b,
			 "<div class=\"govuk-button-group\"><button type=\""
			 "submit\" class=\"govuk-button\">Resolve</button>"
			 "<button type=\"submit\" class=\"govuk-button govuk-"
			 "button--secondary\" formaction=\"/alerts/%" PRId64
			 "/withdraw\">Withdraw</button>",
			 id);
		if (dispute)
			h_printf(b,
				 "<button type=\"submit\" class=\"govuk-button "
				 "govuk-button--warning\" formaction=\"/alerts/"
				 "%" PRId64 "/cafcass\">Refer to Cafcass"
				 "</button>",
				 id);
		h_raw_trusted(b, "</div></form>");
	}
	h_printf(b,
		 "<h2 class=\"govuk-heading-m\">Add an action</h2><form method"
		 "=\"post\" action=\"/alerts/%" PRId64 "/actions\" novalidate>",
		 id);
	c_csrf(b, r);
	c_input(b, "act-action", "What is to be done", NULL,
		form_value(r, "act-action", ""), e, NULL);
	c_input(b, "act-owner", "Who is to do it (optional)", NULL,
		form_value(r, "act-owner", ""), e, NULL);
	c_date(b, r, "act-due", "By when (optional)", NULL, "", e);
	c_button(b, "Add the action", false);
	h_raw_trusted(b, "</form><h2 class=\"govuk-heading-m\">Versions</h2>"
			 "<ul class=\"govuk-list\">");
	store_each_revision(r->st, &KIND_ALERT, id, show_version, b, &err);
	h_raw_trusted(b, "</ul>");
	page_end(r);
}

static int alert(struct req *r)
{
	struct alert_case a;
	int64_t child;
	int rc = open_alert(r, &a, &child);
	if (rc <= 0)
		return rc;
	alert_page(r, &a, child, NULL);
	alert_case_clear(&a);
	return 0;
}

/* The form's box for a store problem's column, with the form's prefix. */
static void box_error(struct form_errors *fe, const char *prefix,
		      const struct problem *pr)
{
	static const char *const known[] = { "stage", "to", "impact",
					     "response", "outcome", "action",
					     "owner", "due", "date" };
	const char *col = pr->column;
	bool ok = false;
	for (size_t i = 0; i < ARRAY_LEN(known) && !ok; i++)
		ok = strcmp(col, known[i]) == 0;
	char field[64];
	if (strcmp(col, "action") == 0 || strcmp(col, "owner") == 0 ||
	    strcmp(col, "due") == 0)
		snprintf(field, sizeof field, "act-%s", col);
	else
		snprintf(field, sizeof field, "%s-%s", prefix,
			 ok ? col : "date");
	form_error(fe, field, "%s", pr->reason);
}

/* A move from a form: the date box `prefix`-date and the move's fields. */
static int do_move(struct req *r, enum alert_move m, const char *prefix,
		   long done)
{
	struct alert_case a;
	int64_t child;
	int rc = open_alert(r, &a, &child);
	if (rc <= 0)
		return rc;
	struct form_errors fe = { .n = 0 };
	struct alert_move_in in = { .move = m, .date = r->today, .done = done };
	char box[32];
	snprintf(box, sizeof box, "%s-date", prefix);
	if (m != MOVE_ACTION)
		form_date(r, box, "the date", true, &in.date, &fe);
	char due[DATE_ISO_LEN + 1] = "";
	if (m == MOVE_ESCALATE) {
		const char *st = req_form(r, "esc-stage");
		char *end;
		long n = *st ? strtol(st, &end, 10) : 0;
		if (*st && (*end || n < 1 || n > 99))
			form_error(&fe, "esc-stage", "Enter the stage as a "
						     "number, like 2");
		in.stage = (int)n;
		in.to = req_form(r, "esc-to");
		in.impact = req_form(r, "esc-impact");
	} else if (m == MOVE_RESPOND) {
		in.response = req_form(r, "rsp-response");
	} else if (m == MOVE_ACTION && !done) {
		in.action = req_form(r, "act-action");
		in.owner = req_form(r, "act-owner");
		int32_t d;
		if (!*in.action)
			form_error(&fe, "act-action", "Enter what is to be done");
		if (form_date(r, "act-due", "the date it is due by", false, &d,
			      &fe) > 0) {
			date_format_iso(d, due);
			in.due = due;
		}
	} else if (m != MOVE_ACTION) {
		in.outcome = req_form(r, "cls-outcome");
	}
	struct err e = { "" };
	if (fe.n == 0) {
		struct problems p;
		problems_init(&p);
		rc = store_alert_move(r->st, &a, &in, &p, &e);
		for (size_t i = 0; rc == 0 && i < p.count; i++)
			if (!p.v[i].warning)
				box_error(&fe, prefix, &p.v[i]);
		problems_free(&p);
		if (rc) {
			alert_case_clear(&a);
			return -1;
		}
	}
	int64_t id = a.r.id;
	if (fe.n) {
		/* Shown as stored: the refused move changed only memory. */
		alert_case_clear(&a);
		if (store_alert_open(r->st, id, &a, &e) <= 0) {
			alert_case_clear(&a);
			return -1;
		}
		alert_page(r, &a, child, &fe);
		r->status = 400;
		alert_case_clear(&a);
		return 0;
	}
	alert_case_clear(&a);
	char to[64];
	snprintf(to, sizeof to, "/alerts/%" PRId64, id);
	return web_redirect(r, to);
}

/* POST /alerts/{id}/{move}: the move the address names, with the form's
 * date box prefix. */
static int move(struct req *r)
{
	static const struct {
		const char *name, *prefix;
		enum alert_move m;
	} MOVES[] = {
		{ "escalate", "esc", MOVE_ESCALATE },
		{ "respond", "rsp", MOVE_RESPOND },
		{ "resolve", "cls", MOVE_RESOLVE },
		{ "withdraw", "cls", MOVE_WITHDRAW },
		{ "cafcass", "cls", MOVE_CAFCASS },
		{ "actions", "act", MOVE_ACTION },
	};
	for (size_t i = 0; i < ARRAY_LEN(MOVES); i++)
		if (strcmp(r->args[1], MOVES[i].name) == 0)
			return do_move(r, MOVES[i].m, MOVES[i].prefix, 0);
	return web_error(r, 404, "There is no such step for an alert.");
}

static int action_done(struct req *r)
{
	long n = (long)req_arg_id(r, 1);
	if (n < 1)
		return web_error(r, 404, "There is no such action.");
	return do_move(r, MOVE_ACTION, "act", n);
}

/* ---- Raising ------------------------------------------------------------ */

static void raise_form(struct req *r, int64_t child, const char *la,
		       const struct roster *ro, const char *my_name,
		       const struct form_errors *e)
{
	struct buf *b = &r->out;
	buf_reset(b);
	page_begin_error(r, "Raise an alert", NAV_ALERTS, e && e->n);
	h_raw_trusted(b, "<div class=\"govuk-grid-row\"><div class=\"govuk-"
			 "grid-column-two-thirds\">");
	c_error_summary(b, e);
	h_printf(b,
		 "<span class=\"govuk-caption-l\">Child %s</span><h1 class="
		 "\"govuk-heading-l\">Raise an alert</h1><form method=\"post"
		 "\" action=\"/children/%" PRId64 "/alerts\" novalidate>",
		 la, child);
	c_csrf(b, r);
	const char *kind = form_value(r, "kind", "");
	const char *err = e ? form_error_for(e, "kind") : NULL;
	h_printf(b,
		 "<div class=\"govuk-form-group%s\"><fieldset class=\"govuk-"
		 "fieldset\"><legend class=\"govuk-fieldset__legend govuk-"
		 "fieldset__legend--s\">Kind</legend>",
		 err ? " govuk-form-group--error" : "");
	if (err)
		h_printf(b, "<p id=\"kind-error\" class=\"govuk-error-message"
			    "\"><span class=\"govuk-visually-hidden\">Error:"
			    "</span> %s</p>",
			 err);
	static const char *const kinds[][3] = {
		{ "informal", "kind", "Informal: a practice alert" },
		{ "formal", "kind-formal", "Formal: a dispute" },
		{ "good_practice", "kind-good", "Good practice" },
	};
	h_raw_trusted(b, "<div class=\"govuk-radios\" data-module=\"govuk-"
			 "radios\">");
	for (size_t i = 0; i < ARRAY_LEN(kinds); i++)
		h_printf(b,
			 "<div class=\"govuk-radios__item\"><input class=\""
			 "govuk-radios__input\" id=\"%s\" name=\"kind\" type="
			 "\"radio\" value=\"%s\"%s><label class=\"govuk-label "
			 "govuk-radios__label\" for=\"%s\">%s</label></div>",
			 kinds[i][1], kinds[i][0],
			 strcmp(kind, kinds[i][0]) == 0 ? " checked" : "",
			 kinds[i][1], kinds[i][2]);
	h_raw_trusted(b, "</div></fieldset></div>");
	if (!my_name) {
		const char *(*opts)[2] = calloc(ro->n + 1, sizeof *opts);
		if (opts) {
			opts[0][0] = "";
			opts[0][1] = "Choose the IRO";
			for (size_t i = 0; i < ro->n; i++)
				opts[i + 1][0] = opts[i + 1][1] =
					ro->v[i].name;
			c_select(b, "iro", "Raised by", NULL,
				 (const char *const(*)[2])opts, ro->n + 1,
				 form_value(r, "iro", ""), e);
		}
		free(opts);
	}
	date_box(r, "date", "Date raised", e);
	c_textarea(b, "description", "Description", NULL,
		   form_value(r, "description", ""), e);
	c_textarea(b, "impact", "Impact on the child",
		   "Needed for a formal alert", form_value(r, "impact", ""), e);
	name_select(r, &KIND_TEAM, "team", "Team (optional)",
		    form_value(r, "team", ""), "No team", e);
	theme_boxes(r, e);
	c_input(b, "review", "The review that prompted it (optional)",
		"The review's number", form_value(r, "review", ""), e,
		"govuk-input--width-5");
	c_button(b, "Raise the alert", false);
	h_raw_trusted(b, "</form></div></div>");
	page_end(r);
}

static int raise_setup(struct req *r, int64_t *child, char *la, size_t size,
		       struct roster *ro, const char **my_name)
{
	*child = req_arg_id(r, 0);
	if (!web_child_la(r, *child, la, size))
		return 0;
	struct err e = { "" };
	if (store_audit_read(r->st, "child", *child,
			     "{\"page\":\"raise alert\"}", &e) ||
	    roster_load(r->st, ro, &e))
		return -1;
	const struct roster_iro *me = r->user.role == ROLE_IRO
					      ? roster_find(ro, r->user.iro_id)
					      : NULL;
	*my_name = me ? me->name : NULL;
	return 1;
}

/* GET shows the form; POST raises the alert. */
static int raise_alert(struct req *r)
{
	int64_t child;
	char la[64];
	struct roster ro;
	const char *me;
	int rc = raise_setup(r, &child, la, sizeof la, &ro, &me);
	if (rc <= 0)
		return rc;
	if (strcmp(r->method, "POST") != 0) {
		raise_form(r, child, la, &ro, me, NULL);
		roster_free(&ro);
		return 0;
	}
	struct form_errors fe = { .n = 0 };
	const char *kind = req_form(r, "kind"), *iro = me ? me : req_form(r, "iro");
	if (strcmp(kind, "informal") && strcmp(kind, "formal") &&
	    strcmp(kind, "good_practice"))
		form_error(&fe, "kind", "Choose the kind of alert");
	if (!*iro)
		form_error(&fe, "iro", "Choose the IRO who raised it");
	if (!*req_form(r, "description"))
		form_error(&fe, "description", "Enter a description");
	char themes[4096];
	kvs_join(&r->form, "theme", ';', themes, sizeof themes);
	struct alert_raise_in in = { .date = r->today, .themes = themes };
	form_date(r, "date", "the date it was raised", true, &in.date, &fe);
	struct err e = { "" };
	int64_t id = 0;
	if (fe.n == 0) {
		struct record a;
		struct problems p;
		record_init(&a, &KIND_ALERT);
		problems_init(&p);
		static const char *const fields[][2] = {
			{ "child", "child" }, { "iro", "iro" },
			{ "kind", "kind" },   { "description", "description" },
			{ "impact", "impact" }, { "team", "team" },
			{ "review", "review" },
		};
		for (size_t i = 0; i < ARRAY_LEN(fields); i++) {
			const char *v = i == 0	 ? la
					: i == 1 ? iro
						 : req_form(r, fields[i][1]);
			char why[600];
			int f = kind_field(a.kind, fields[i][0]);
			if (*v && record_parse_value(&a, (size_t)f, v, why,
						     sizeof why))
				form_error(&fe, fields[i][1], "%s", why);
		}
		if (fe.n == 0)
			rc = store_alert_raise(r->st, &a, &in, &p, &e);
		for (size_t i = 0; rc == 0 && i < p.count; i++) {
			const struct problem *pr = &p.v[i];
			if (pr->warning)
				continue;
			const char *f = strcmp(pr->column, "impact") == 0 ||
						strcmp(pr->column, "team") == 0 ||
						strcmp(pr->column, "review") == 0 ||
						strcmp(pr->column, "kind") == 0 ||
						strcmp(pr->column, "iro") == 0 ||
						strcmp(pr->column,
						       "description") == 0
						? pr->column
					: strncmp(pr->column, "theme", 5) == 0
						? "theme"
						: "date";
			form_error(&fe, f, "%s", pr->reason);
		}
		id = a.id;
		problems_free(&p);
		record_clear(&a);
		if (rc) {
			roster_free(&ro);
			return -1;
		}
	}
	if (fe.n) {
		raise_form(r, child, la, &ro, me, &fe);
		r->status = 400;
		roster_free(&ro);
		return 0;
	}
	roster_free(&ro);
	char to[64];
	snprintf(to, sizeof to, "/alerts/%" PRId64, id);
	return web_redirect(r, to);
}

#define WORKERS (ROLE_BIT(ROLE_IRO) | ROLE_BIT(ROLE_MANAGER))

const struct route WEB_ROUTES_ALERTS[] = {
	{ "GET", "/alerts", WORKERS, 0, tracker },
	{ "GET", "/alerts/{id}", WORKERS, 0, alert },
	{ "POST", "/alerts/{id}/{move}", WORKERS, 0, move },
	{ "POST", "/alerts/{id}/actions/{n}/done", WORKERS, 0, action_done },
	{ "GET", "/children/{id}/alerts/new", WORKERS, 0, raise_alert },
	{ "POST", "/children/{id}/alerts", WORKERS, 0, raise_alert },
	{ NULL, NULL, 0, 0, NULL },
};
