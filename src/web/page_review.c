/*
 * page_review.c - a review and its life: the review's page (every field,
 * the status history, its recommendations), the steps that follow its
 * scheduling (rearrange, hold with how it went, adjourn, stand down,
 * cancel), and recommendations made at it.
 *
 * Each step goes through store_review_step, the same code as `iro review
 * ...`, so the web and the command line cannot record a step differently;
 * the rules are the store's, and a refusal comes back on the form's
 * fields with nothing written. Every page showing a child's data audits
 * the read first; a review or recommendation is looked up for its child
 * before anything is shown, so that an IRO sees only their own children.
 */
#include "lib/common.h"
#include "lib/err.h"
#include "core/date.h"
#include "core/review.h"
#include "store/roster.h"
#include "web/components.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/record_form.h"
#include "web/route.h"

#define WHO (ROLE_BIT(ROLE_IRO) | ROLE_BIT(ROLE_MANAGER))

/* Audits a read of the child's data by this page. */
static int audit(struct req *r, int64_t child, const char *page,
		 int64_t id)
{
	char detail[160];
	struct err e = { "" };
	snprintf(detail, sizeof detail,
		 "{\"page\":\"%s\",\"id\":%" PRId64 "}", page, id);
	return store_audit_read(r->st, "child", child, detail, &e);
}

/* The review with route argument 0 as id into rec, with its child's store
 * id: 1, or 0 when a response was made (404: none, or not the user's). */
static int load_review(struct req *r, int64_t id, struct record *rec,
		       int64_t *child)
{
	struct err e = { "" };
	int rc = id ? store_record_get(r->st, &KIND_REVIEW, id, rec, &e) : 0;
	if (rc <= 0) {
		if (rc == 0)
			record_init(rec, &KIND_REVIEW);
		web_error(r, rc < 0 ? 500 : 404,
			  rc < 0 ? "Something went wrong. Try again later."
				 : "There is no review here that you may see.");
		return 0;
	}
	const struct value *c = record_get(rec, "child");
	*child = c && c->set ? store_child_id(r->st, c->s, &e) : 0;
	return web_child_visible(r, *child) ? 1 : 0;
}

static const char *status_of(const struct record *rec)
{
	const struct value *v = record_get(rec, "status");
	return v && v->set ? v->s : "";
}

static const char *status_colour(const char *s)
{
	return strcmp(s, "held") == 0		? "green"
	       : strcmp(s, "scheduled") == 0	? "blue"
	       : strcmp(s, "rearranged") == 0 ? "yellow"
	       : strcmp(s, "adjourned") == 0	? "orange"
					       : "grey";
}

static void status_words(const char *s, char *out, size_t size)
{
	const struct code *c = code_find(&CODES_REVIEW_STATUS, s);
	snprintf(out, size, "%s", c ? c->meaning : s);
	if (out[0] >= 'a' && out[0] <= 'z')
		out[0] = (char)(out[0] - 'a' + 'A');
}

static void back_link(struct buf *b, const char *href, const char *text)
{
	h_printf(b, "<a href=\"%s\" class=\"govuk-back-link\">%s</a>", href,
		 text);
}

/* ---- The review's page ------------------------------------------------- */

static const char *done_text(const char *done)
{
	static const char *const D[][2] = {
		{ "rearranged", "The review has been rearranged" },
		{ "held", "The review has been recorded as held" },
		{ "adjourned", "The review has been recorded as adjourned" },
		{ "stood_down", "The review has been recorded as stood down" },
		{ "cancelled", "The review has been recorded as cancelled" },
		{ "recommendation", "The recommendation has been added" },
		{ "consultation", "The consultation form has been recorded" },
		{ "updated", "The recommendation has been updated" },
		{ "scheduled", "The review has been scheduled" },
	};
	for (size_t i = 0; i < ARRAY_LEN(D); i++)
		if (strcmp(D[i][0], done) == 0)
			return D[i][1];
	return NULL;
}

struct recs {
	struct record *v;
	size_t n;
};

/* The recommendations made at review `id` of child `child`. */
static int review_recs(struct req *r, int64_t child, int64_t id,
		       struct recs *out)
{
	struct err e = { "" };
	int64_t *ids;
	size_t n;
	out->v = NULL;
	out->n = 0;
	if (store_child_record_ids(r->st, &KIND_RECOMMENDATION, child, &ids,
				   &n, &e))
		return -1;
	out->v = calloc(n ? n : 1, sizeof *out->v);
	if (!out->v) {
		free(ids);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		struct record *x = &out->v[out->n];
		if (store_record_get(r->st, &KIND_RECOMMENDATION, ids[i], x,
				     &e) != 1)
			continue;
		const struct value *rv = record_get(x, "review");
		if (rv && rv->i == id)
			out->n++;
		else
			record_clear(x);
	}
	free(ids);
	return 0;
}

static void recs_free(struct recs *x)
{
	for (size_t i = 0; i < x->n; i++)
		record_clear(&x->v[i]);
	free(x->v);
}

static void history_table(struct buf *b, const struct record *rec)
{
	const struct record_list *l = &rec->lists[0];
	h_raw_trusted(b, "<table class=\"govuk-table\"><caption class=\"govuk-"
			 "table__caption govuk-table__caption--m\">Status "
			 "history</caption><thead class=\"govuk-table__head\">"
			 "<tr class=\"govuk-table__row\">");
	static const char *const H[] = { "Status", "Date", "Requested by",
					 "Reason", "Recorded by" };
	for (size_t i = 0; i < ARRAY_LEN(H); i++)
		h_printf(b, "<th scope=\"col\" class=\"govuk-table__header\">"
			    "%s</th>",
			 H[i]);
	h_raw_trusted(b, "</tr></thead><tbody class=\"govuk-table__body\">");
	for (size_t i = 0; i < l->count; i++) {
		const struct record *x = &l->items[i];
		char st[80], d[40], by[120], why[400], who[120];
		status_words(status_of(x), st, sizeof st);
		rf_value_text(x, "date", d, sizeof d);
		rf_value_text(x, "requested_by", by, sizeof by);
		rf_value_text(x, "reason", why, sizeof why);
		rf_value_text(x, "by", who, sizeof who);
		h_printf(b,
			 "<tr class=\"govuk-table__row\"><td class=\"govuk-table"
			 "__cell\">%s</td><td class=\"govuk-table__cell\">%s"
			 "</td><td class=\"govuk-table__cell\">%s</td><td "
			 "class=\"govuk-table__cell\">%s</td><td class=\"govuk-"
			 "table__cell\">%s</td></tr>",
			 st, d, by, why, who);
	}
	h_raw_trusted(b, "</tbody></table>");
}

static void recs_table(struct buf *b, const struct recs *x)
{
	if (x->n == 0) {
		h_raw_trusted(b, "<p class=\"govuk-body\">No recommendations "
				 "have been recorded for this review.</p>");
		return;
	}
	h_raw_trusted(b, "<table class=\"govuk-table\"><caption class=\"govuk-"
			 "visually-hidden\">Recommendations made at this review"
			 "</caption><thead class=\"govuk-table__head\"><tr "
			 "class=\"govuk-table__row\">");
	static const char *const H[] = { "Recommendation", "Owner", "Due",
					 "Status" };
	for (size_t i = 0; i < ARRAY_LEN(H); i++)
		h_printf(b, "<th scope=\"col\" class=\"govuk-table__header\">"
			    "%s</th>",
			 H[i]);
	h_raw_trusted(b, "</tr></thead><tbody class=\"govuk-table__body\">");
	for (size_t i = 0; i < x->n; i++) {
		const struct record *c = &x->v[i];
		char text[600], role[80], name[200], due[40], st[80];
		rf_value_text(c, "text", text, sizeof text);
		rf_value_text(c, "owner_role", role, sizeof role);
		rf_value_text(c, "owner_name", name, sizeof name);
		rf_value_text(c, "due", due, sizeof due);
		rf_value_text(c, "status", st, sizeof st);
		h_printf(b,
			 "<tr class=\"govuk-table__row\"><td class=\"govuk-table"
			 "__cell\"><a class=\"govuk-link\" href=\"/"
			 "recommendations/%" PRId64 "\">%s</a></td><td class=\""
			 "govuk-table__cell\">%s%s%s</td><td class=\"govuk-table"
			 "__cell\">%s</td><td class=\"govuk-table__cell\">%s"
			 "</td></tr>",
			 c->id, text, role, *role && *name ? ": " : "", name,
			 due, st);
	}
	h_raw_trusted(b, "</tbody></table>");
}

static int review_page(struct req *r)
{
	int64_t id = req_arg_id(r, 0), child;
	struct record rec;
	if (!load_review(r, id, &rec, &child)) {
		record_clear(&rec);
		return 0;
	}
	struct recs recs;
	if (audit(r, child, "review", id) ||
	    review_recs(r, child, id, &recs)) {
		record_clear(&rec);
		return -1;
	}
	struct buf *b = &r->out;
	const char *status = status_of(&rec);
	char title[80], st[80], href[64];
	snprintf(title, sizeof title, "Review %" PRId64, id);
	page_begin(r, title, NAV_NONE);
	snprintf(href, sizeof href, "/children/%" PRId64, child);
	back_link(b, href, "Back to the child's record");
	const char *done = done_text(req_query(r, "done"));
	if (done)
		c_success_banner(b, done);
	const struct value *la = record_get(&rec, "child");
	h_printf(b, "<span class=\"govuk-caption-l\">Child %s</span><h1 "
		    "class=\"govuk-heading-l\">%s</h1><p class=\"govuk-body\">",
		 la->s, title);
	status_words(status, st, sizeof st);
	c_tag(b, st, status_colour(status));
	h_raw_trusted(b, "</p>");
	if (!review_status_final(status)) {
		h_raw_trusted(b, "<h2 class=\"govuk-heading-m\">What happens "
				 "next</h2><ul class=\"govuk-list\">");
		static const char *const A[][2] = {
			{ "hold", "Record the review as held" },
			{ "rearrange", "Rearrange the review" },
			{ "adjourn", "Adjourn the review" },
			{ "stand-down", "Stand the review down" },
			{ "cancel", "Cancel the review" },
		};
		for (size_t i = 0; i < ARRAY_LEN(A); i++)
			h_printf(b, "<li><a class=\"govuk-link\" href=\"/"
				    "reviews/%" PRId64 "/%s\">%s</a></li>",
				 id, A[i][0], A[i][1]);
		h_raw_trusted(b, "</ul>");
	}
	h_raw_trusted(b, "<h2 class=\"govuk-heading-m\">The review</h2><dl "
			 "class=\"govuk-summary-list\">");
	for (size_t f = 0; f < rec.kind->nfields; f++) {
		const char *name = rec.kind->fields[f].name;
		char lab[200], val[600];
		rf_label(rec.kind, name, lab, sizeof lab);
		rf_value_text(&rec, name, val, sizeof val);
		c_summary_row(b, lab, val);
	}
	h_raw_trusted(b, "</dl>");
	history_table(b, &rec);
	h_raw_trusted(b, "<h2 class=\"govuk-heading-m\">Recommendations</h2>");
	recs_table(b, &recs);
	h_printf(b, "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/"
		    "reviews/%" PRId64 "/recommendations/new\">%s</a></p>",
		 id, recs.n ? "Add another recommendation"
			    : "Add a recommendation");
	h_printf(b, "<h2 class=\"govuk-heading-m\">Consultation</h2><p "
		    "class=\"govuk-body\">Consultation forms sent before the "
		    "review are on the child's timeline.</p><p class=\"govuk-"
		    "body\"><a class=\"govuk-link\" href=\"/reviews/%" PRId64
		    "/consultations/new\">Record a consultation form</a></p>",
		 id);
	page_end(r);
	recs_free(&recs);
	record_clear(&rec);
	return 0;
}

/* ---- The steps --------------------------------------------------------- */

struct step_def {
	const char *path;    /* /reviews/{id}/PATH */
	const char *status;  /* the status it moves to */
	const char *title;   /* the page's h1 */
	const char *date;    /* the date input's name (a review field where
			      * the date lands, so the store's problems about
			      * it come back on it) */
	const char *date_label;
	bool date_required;
	bool requested_by;
	bool reason_required;
	bool conduct;        /* how the review went (hold) */
};

static const struct step_def STEPS[] = {
	{ "rearrange", "rearranged", "Rearrange the review", "scheduled",
	  "The new date", true, true, true, false },
	{ "hold", "held", "Record the review as held", "held",
	  "The date the review was held", true, false, false, true },
	{ "adjourn", "adjourned", "Adjourn the review", "date",
	  "The date of the decision", false, false, true, false },
	{ "stand-down", "stood_down", "Stand the review down", "date",
	  "The date of the decision", false, false, true, false },
	{ "cancel", "cancelled", "Cancel the review", "date",
	  "The date of the decision", false, false, true, false },
};

/* What a hold records beyond its date: every field of a review but those
 * the step itself sets or that say where the review came from. */
static bool conduct_field(const char *name)
{
	static const char *const NOT[] = { "child", "kind", "status",
					   "original", "scheduled", "held",
					   "source" };
	for (size_t i = 0; i < ARRAY_LEN(NOT); i++)
		if (strcmp(NOT[i], name) == 0)
			return false;
	return true;
}

/* Opens a form page: the frame (its title marked when there are errors),
 * a back link to `back` ("/reviews/12"), the column and the error
 * summary. */
static void form_begin(struct req *r, const char *title, const char *back,
		       const char *back_text, struct form_errors *e)
{
	struct buf *b = &r->out;
	buf_reset(b);
	page_begin_error(r, title, NAV_NONE, e && e->n);
	back_link(b, back, back_text);
	h_raw_trusted(b, "<div class=\"govuk-grid-row\"><div class=\"govuk-"
			 "grid-column-two-thirds\">");
	rf_error_summary(b, e);
}

static void step_form(struct req *r, const struct step_def *s, int64_t id,
		      const struct record *rec, struct form_errors *e,
		      const struct roster *ro)
{
	struct buf *b = &r->out;
	char href[64];
	snprintf(href, sizeof href, "/reviews/%" PRId64, id);
	form_begin(r, s->title, href, "Back to the review", e);
	const struct value *la = record_get(rec, "child");
	h_printf(b, "<span class=\"govuk-caption-l\">Review %" PRId64
		    ", child %s</span><h1 class=\"govuk-heading-l\">%s</h1>"
		    "<form method=\"post\" action=\"/reviews/%" PRId64 "/%s\" "
		    "novalidate>",
		 id, la->s, s->title, id, s->path);
	c_csrf(b, r);
	char dflt[11] = "";
	if (s->conduct) {
		const struct value *sch = record_get(rec, "scheduled");
		if (sch && sch->set && sch->i <= r->today)
			date_format_iso((int32_t)sch->i, dflt);
	}
	c_date(b, r, s->date, s->date_label,
	       s->date_required ? "For example, 27 3 2026"
				: "For example, 27 3 2026. Leave it empty for "
				  "today.",
	       dflt, e);
	if (s->requested_by)
		c_select_codes(b, "requested_by", "Who asked for it", NULL,
			       &CODES_REQUESTED_BY,
			       form_value(r, "requested_by", ""),
			       "Not recorded", e);
	if (s->conduct) {
		h_raw_trusted(b, "<h2 class=\"govuk-heading-m\">How the "
				 "review went</h2>");
		for (size_t f = 0; f < rec->kind->nfields; f++)
			if (conduct_field(rec->kind->fields[f].name))
				rf_field(b, r, rec, rec->kind->fields[f].name,
					 NULL, ro, e);
	} else {
		c_textarea(b, "reason", "Why", NULL,
			   form_value(r, "reason", ""), e);
	}
	c_button(b, "Save", false);
	h_raw_trusted(b, "</form></div></div>");
	page_end(r);
}

/* Sets the hold's conduct fields from the form (checked already). */
static int apply_conduct(void *ctx, struct record *rec, struct problems *p)
{
	(void)p;
	struct req *r = ctx;
	struct form_errors e = { .n = 0 };
	for (size_t f = 0; f < rec->kind->nfields; f++)
		if (conduct_field(rec->kind->fields[f].name))
			rf_read(r, rec, rec->kind->fields[f].name, &e);
	return e.n ? 1 : 0;
}

static int step_page(struct req *r, const struct step_def *s)
{
	int64_t id = req_arg_id(r, 0), child;
	struct record rec;
	if (!load_review(r, id, &rec, &child)) {
		record_clear(&rec);
		return 0;
	}
	struct err err = { "" };
	struct roster ro;
	if (roster_load(r->st, &ro, &err)) {
		record_clear(&rec);
		return -1;
	}
	int rc = 0;
	struct form_errors e = { .n = 0 };
	if (review_status_final(status_of(&rec))) {
		const struct code *c = code_find(&CODES_REVIEW_STATUS,
						 status_of(&rec));
		form_error(&e, s->date, "The review is %s already: nothing "
					"follows that",
			   c ? c->meaning : status_of(&rec));
	}
	if (strcmp(r->method, "POST") != 0 || e.n) {
		rc = audit(r, child, s->path, id);
		if (rc == 0) {
			step_form(r, s, id, &rec, &e, &ro);
			if (e.n)
				r->status = 400;
		}
		goto out;
	}
	int32_t d;
	char lab[120];
	snprintf(lab, sizeof lab, "%s", s->date_label);
	lab[0] = (char)(lab[0] - 'A' + 'a');
	int got = form_date(r, s->date, lab, s->date_required, &d, &e);
	if (got == 0)
		d = r->today;
	const char *by = req_form(r, "requested_by");
	const char *reason = req_form(r, "reason");
	if (*by && !code_find(&CODES_REQUESTED_BY, by))
		form_error(&e, "requested_by", "Choose who asked for it from "
					       "the list");
	if (s->reason_required && !*reason)
		form_error(&e, "reason", "Enter why");
	if (s->conduct) {
		struct record scratch;
		if (record_copy(&scratch, &rec)) {
			rc = -1;
			goto out;
		}
		for (size_t f = 0; f < rec.kind->nfields; f++)
			if (conduct_field(rec.kind->fields[f].name))
				rf_read(r, &scratch, rec.kind->fields[f].name,
					&e);
		record_clear(&scratch);
	}
	if (e.n == 0) {
		struct review_step step = { s->status, d, by, reason };
		struct problems p;
		enum put_outcome o;
		problems_init(&p);
		rc = store_begin(r->st, &err);
		if (rc == 0)
			rc = store_review_step(r->st, id, &step,
					       s->conduct ? apply_conduct : NULL,
					       r, &o, &p, &err);
		if (rc == 0 && p.errors == 0)
			rc = store_commit(r->st, &err);
		else
			store_rollback(r->st);
		static const char *const STEP_INPUTS[] = {
			"requested_by", "reason", "participation", "venue",
			"mode", "co_chaired", "parents_attended", "sw_attended",
			"sw_attended_role", "sw_report_received",
			"plan_updated", "assessment_date", "plan_copy",
			"plan_satisfied", "plan_grade", "rag",
			"permanence_plan", "permanence_confirmed",
			"advocate_present", "minutes_sent", "chair", NULL
		};
		if (rc == 0 && p.errors) {
			/* whatever is wrong with the date or the step lands
			 * on the form's date input */
			for (size_t i = 0; i < p.count; i++)
				if (strcmp(p.v[i].column, "date") == 0 ||
				    strcmp(p.v[i].column, "held") == 0 ||
				    strcmp(p.v[i].column, "scheduled") == 0 ||
				    strcmp(p.v[i].column, "status") == 0)
					snprintf(p.v[i].column,
						 sizeof p.v[i].column, "%s",
						 s->date);
			struct form_errors pe = { .n = 0 };
			rf_problems(&p, &pe, STEP_INPUTS, s->date);
			e = pe;
		}
		if (rc == 0 && e.n == 0)
			rf_dfe_notice(r, &p);
		problems_free(&p);
		if (rc == 0 && e.n == 0) {
			char loc[96];
			snprintf(loc, sizeof loc,
				 "/reviews/%" PRId64 "?done=%s", id, s->status);
			web_redirect(r, loc);
			goto out;
		}
		if (rc)
			goto out;
	}
	rc = audit(r, child, s->path, id);
	if (rc == 0) {
		step_form(r, s, id, &rec, &e, &ro);
		r->status = 400;
	}
out:
	roster_free(&ro);
	record_clear(&rec);
	return rc;
}

static int rearrange(struct req *r) { return step_page(r, &STEPS[0]); }
static int hold(struct req *r) { return step_page(r, &STEPS[1]); }
static int adjourn(struct req *r) { return step_page(r, &STEPS[2]); }
static int stand_down(struct req *r) { return step_page(r, &STEPS[3]); }
static int cancel(struct req *r) { return step_page(r, &STEPS[4]); }

/* ---- Records added to a review: recommendations, consultations -------- */

/* A form that adds a record of `kind` to a review: its inputs with their
 * labels, the one that must be filled, and where the record starts. */
struct review_addition {
	const struct kind *kind;
	const char *path;    /* /reviews/{id}/PATH/new */
	const char *title;   /* the page's h1 */
	const char *const *inputs;
	const char *const *labels; /* beside inputs */
	const char *needed, *needed_msg;
	const char *preset[2];     /* field, value; or NULL */
	const char *button, *done;
};

static const char *const REC_INPUTS[] = { "text", "owner_role", "owner_name",
					  "due", "childs_own", NULL };
static const char *const REC_LABELS[] = {
	"The recommendation", "Who is to do it (role)", "Their name",
	"Due by", "The child's own recommendation",
};
static const struct review_addition ADD_RECOMMENDATION = {
	&KIND_RECOMMENDATION, "recommendations", "Add a recommendation",
	REC_INPUTS, REC_LABELS, "text", "Enter the recommendation",
	{ "status", "open" }, "Add the recommendation", "recommendation",
};

static const char *const CONS_INPUTS[] = { "group", "sent", "received",
					   NULL };
static const char *const CONS_LABELS[] = {
	"Sent to", "The date it was sent", "The date it came back",
};
static const struct review_addition ADD_CONSULTATION = {
	&KIND_CONSULTATION, "consultations", "Record a consultation form",
	CONS_INPUTS, CONS_LABELS, "group", "Choose who the form was sent to",
	{ NULL, NULL }, "Record the form", "consultation",
};

static void addition_form(struct req *r, const struct review_addition *f,
			  int64_t id, const struct record *rec,
			  struct form_errors *e)
{
	struct buf *b = &r->out;
	char href[64];
	snprintf(href, sizeof href, "/reviews/%" PRId64, id);
	form_begin(r, f->title, href, "Back to the review", e);
	h_printf(b, "<span class=\"govuk-caption-l\">Review %" PRId64 "</span>"
		    "<h1 class=\"govuk-heading-l\">%s</h1>"
		    "<form method=\"post\" action=\"/reviews/%" PRId64
		    "/%s/new\" novalidate>",
		 id, f->title, id, f->path);
	c_csrf(b, r);
	for (size_t i = 0; f->inputs[i]; i++)
		rf_field(b, r, rec, f->inputs[i], f->labels[i], NULL, e);
	c_button(b, f->button, false);
	h_raw_trusted(b, "</form></div></div>");
	page_end(r);
}

static int add_to_review(struct req *r, const struct review_addition *f)
{
	int64_t id = req_arg_id(r, 0), child;
	struct record rev;
	if (!load_review(r, id, &rev, &child)) {
		record_clear(&rev);
		return 0;
	}
	record_clear(&rev);
	struct record rec;
	record_init(&rec, f->kind);
	record_set_int(&rec, (size_t)kind_field(rec.kind, "review"), id);
	if (f->preset[0])
		record_parse_value(&rec, (size_t)kind_field(rec.kind,
							    f->preset[0]),
				   f->preset[1], NULL, 0);
	struct form_errors e = { .n = 0 };
	int rc = 0;
	if (strcmp(r->method, "POST") == 0) {
		for (size_t i = 0; f->inputs[i]; i++)
			rf_read(r, &rec, f->inputs[i], &e);
		if (!*req_form(r, f->needed))
			form_error(&e, f->needed, "%s", f->needed_msg);
		char loc[96];
		snprintf(loc, sizeof loc, "/reviews/%" PRId64 "?done=%s", id,
			 f->done);
		if (e.n == 0 &&
		    (rc = rf_save(r, &rec, f->inputs, f->needed, &e, loc)) ==
			    1) {
			record_clear(&rec);
			return 0;
		}
	}
	if (rc == 0) {
		char what[64];
		snprintf(what, sizeof what, "%s_new", f->kind->name);
		rc = audit(r, child, what, id);
	}
	if (rc == 0) {
		addition_form(r, f, id, &rec, &e);
		if (e.n)
			r->status = 400;
	}
	record_clear(&rec);
	return rc;
}

static int rec_new(struct req *r)
{
	return add_to_review(r, &ADD_RECOMMENDATION);
}

static int consultation_new(struct req *r)
{
	return add_to_review(r, &ADD_CONSULTATION);
}

/* The recommendation with route argument 0 as id, with its review's child:
 * 1, or 0 when a response was made. */
static int load_rec(struct req *r, struct record *rec, int64_t *child)
{
	int64_t id = req_arg_id(r, 0);
	struct err e = { "" };
	int rc = id ? store_record_get(r->st, &KIND_RECOMMENDATION, id, rec,
				       &e)
		    : 0;
	if (rc <= 0) {
		if (rc == 0)
			record_init(rec, &KIND_RECOMMENDATION);
		web_error(r, rc < 0 ? 500 : 404,
			  rc < 0 ? "Something went wrong. Try again later."
				 : "There is no recommendation here that you "
				   "may see.");
		return 0;
	}
	struct record rev;
	const struct value *rv = record_get(rec, "review");
	rc = store_record_get(r->st, &KIND_REVIEW, rv->i, &rev, &e);
	const struct value *c = rc == 1 ? record_get(&rev, "child") : NULL;
	*child = c && c->set ? store_child_id(r->st, c->s, &e) : 0;
	if (rc == 1)
		record_clear(&rev);
	return web_child_visible(r, *child) ? 1 : 0;
}

static int rec_page(struct req *r)
{
	struct record rec;
	int64_t child;
	if (!load_rec(r, &rec, &child)) {
		record_clear(&rec);
		return 0;
	}
	if (audit(r, child, "recommendation", rec.id)) {
		record_clear(&rec);
		return -1;
	}
	struct buf *b = &r->out;
	char title[80], href[64];
	snprintf(title, sizeof title, "Recommendation %" PRId64, rec.id);
	page_begin(r, title, NAV_NONE);
	const struct value *rv = record_get(&rec, "review");
	snprintf(href, sizeof href, "/reviews/%" PRId64, rv->i);
	back_link(b, href, "Back to the review");
	const char *done = done_text(req_query(r, "done"));
	if (done)
		c_success_banner(b, done);
	h_printf(b, "<h1 class=\"govuk-heading-l\">%s</h1><dl class=\"govuk-"
		    "summary-list\">",
		 title);
	for (size_t f = 0; f < rec.kind->nfields; f++) {
		const char *name = rec.kind->fields[f].name;
		char lab[200], val[600];
		rf_label(rec.kind, name, lab, sizeof lab);
		rf_value_text(&rec, name, val, sizeof val);
		if (strcmp(name, "review") == 0)
			snprintf(val, sizeof val, "Review %" PRId64, rv->i);
		c_summary_row(b, lab, val);
	}
	h_printf(b, "</dl><p class=\"govuk-body\"><a class=\"govuk-link\" "
		    "href=\"/recommendations/%" PRId64 "/update\">Update its "
		    "status</a></p>",
		 rec.id);
	page_end(r);
	record_clear(&rec);
	return 0;
}

static const char *const UPDATE_INPUTS[] = { "status", "achieved", NULL };

static int rec_update(struct req *r)
{
	struct record rec;
	int64_t child;
	if (!load_rec(r, &rec, &child)) {
		record_clear(&rec);
		return 0;
	}
	struct form_errors e = { .n = 0 };
	int rc = 0;
	if (strcmp(r->method, "POST") == 0) {
		for (size_t i = 0; UPDATE_INPUTS[i]; i++)
			rf_read(r, &rec, UPDATE_INPUTS[i], &e);
		if (!*req_form(r, "status"))
			form_error(&e, "status", "Choose the recommendation's "
						 "status");
		char loc[96];
		snprintf(loc, sizeof loc,
			 "/recommendations/%" PRId64 "?done=updated", rec.id);
		if (e.n == 0 &&
		    (rc = rf_save(r, &rec, UPDATE_INPUTS, "status", &e,
				  loc)) == 1) {
			record_clear(&rec);
			return 0;
		}
	}
	if (rc == 0)
		rc = audit(r, child, "recommendation_update", rec.id);
	if (rc == 0) {
		struct buf *b = &r->out;
		char href[64], title[80];
		snprintf(title, sizeof title, "Update recommendation %" PRId64,
			 rec.id);
		snprintf(href, sizeof href, "/recommendations/%" PRId64,
			 rec.id);
		form_begin(r, title, href, "Back to the recommendation", &e);
		char text[600];
		rf_value_text(&rec, "text", text, sizeof text);
		h_printf(b, "<h1 class=\"govuk-heading-l\">%s</h1><p class=\""
			    "govuk-body\">%s</p><form method=\"post\" action=\""
			    "/recommendations/%" PRId64 "/update\" novalidate>",
			 title, text, rec.id);
		c_csrf(b, r);
		rf_field(b, r, &rec, "status", "Status", NULL, &e);
		rf_field(b, r, &rec, "achieved", "The date it was achieved",
			 NULL, &e);
		c_button(b, "Save", false);
		h_raw_trusted(b, "</form></div></div>");
		page_end(r);
		if (e.n)
			r->status = 400;
	}
	record_clear(&rec);
	return rc;
}

const struct route WEB_ROUTES_REVIEW[] = {
	{ "GET", "/reviews/{id}", WHO, 0, review_page },
	{ "GET", "/reviews/{id}/rearrange", WHO, 0, rearrange },
	{ "POST", "/reviews/{id}/rearrange", WHO, 0, rearrange },
	{ "GET", "/reviews/{id}/hold", WHO, 0, hold },
	{ "POST", "/reviews/{id}/hold", WHO, 0, hold },
	{ "GET", "/reviews/{id}/adjourn", WHO, 0, adjourn },
	{ "POST", "/reviews/{id}/adjourn", WHO, 0, adjourn },
	{ "GET", "/reviews/{id}/stand-down", WHO, 0, stand_down },
	{ "POST", "/reviews/{id}/stand-down", WHO, 0, stand_down },
	{ "GET", "/reviews/{id}/cancel", WHO, 0, cancel },
	{ "POST", "/reviews/{id}/cancel", WHO, 0, cancel },
	{ "GET", "/reviews/{id}/recommendations/new", WHO, 0, rec_new },
	{ "POST", "/reviews/{id}/recommendations/new", WHO, 0, rec_new },
	{ "GET", "/reviews/{id}/consultations/new", WHO, 0,
	  consultation_new },
	{ "POST", "/reviews/{id}/consultations/new", WHO, 0,
	  consultation_new },
	{ "GET", "/recommendations/{id}", WHO, 0, rec_page },
	{ "GET", "/recommendations/{id}/update", WHO, 0, rec_update },
	{ "POST", "/recommendations/{id}/update", WHO, 0, rec_update },
	{ NULL, NULL, 0, 0, NULL },
};
