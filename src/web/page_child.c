/*
 * page_child.c - a child's record: the identity bar (who the child is,
 * their legal status and placement now, their IRO), sections for
 * reviews, visits, recommendations and alerts, and a timeline of
 * everything, newest first; with the forms to schedule a review and to
 * record a visit.
 *
 * Every route names the child and checks first that the user may see
 * them (web_child_visible: 404 otherwise, so a child's existence is not
 * given away), then audits the read before anything is shown.
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

/* Records of one kind of the child's. */
struct recs {
	struct record *v;
	size_t n;
};

static int load_kind(struct req *r, const struct kind *k, int64_t child,
		     struct recs *out)
{
	struct err e = { "" };
	int64_t *ids;
	size_t n;
	out->v = NULL;
	out->n = 0;
	if (store_child_record_ids(r->st, k, child, &ids, &n, &e))
		return -1;
	out->v = calloc(n ? n : 1, sizeof *out->v);
	if (!out->v) {
		free(ids);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		if (store_record_get(r->st, k, ids[i], &out->v[out->n], &e) ==
		    1)
			out->n++;
	free(ids);
	return 0;
}

static void recs_free(struct recs *x)
{
	for (size_t i = 0; x->v && i < x->n; i++)
		record_clear(&x->v[i]);
	free(x->v);
	x->v = NULL;
	x->n = 0;
}

static int64_t day_of(const struct record *rec, const char *name)
{
	const struct value *v = record_get(rec, name);
	return v && v->set ? v->i : DATE_NONE;
}

static const char *text_of(const struct record *rec, const char *name)
{
	const struct value *v = record_get(rec, name);
	return v && v->set && v->s ? v->s : "";
}

/* The child (route argument 0) into rec once the user may see them: 1, or
 * 0 when a response was made. */
static int load_child(struct req *r, int64_t *id, struct record *rec)
{
	*id = req_arg_id(r, 0);
	record_init(rec, &KIND_CHILD);
	if (!web_child_visible(r, *id))
		return 0;
	struct err e = { "" };
	int rc = store_record_get(r->st, &KIND_CHILD, *id, rec, &e);
	if (rc != 1) {
		record_init(rec, &KIND_CHILD);
		web_error(r, rc < 0 ? 500 : 404,
			  rc < 0 ? "Something went wrong. Try again later."
				 : "There is no child's record here that you "
				   "may see.");
		return 0;
	}
	return 1;
}

static int audit(struct req *r, int64_t child, const char *page)
{
	char detail[120];
	struct err e = { "" };
	snprintf(detail, sizeof detail, "{\"page\":\"%s\"}", page);
	return store_audit_read(r->st, "child", child, detail, &e);
}

static void capital(char *s)
{
	if (s[0] >= 'a' && s[0] <= 'z')
		s[0] = (char)(s[0] - 'a' + 'A');
}

/* The name to call the child by: their names, else their LA id. */
static void child_name(const struct record *c, char *out, size_t size)
{
	const char *g = text_of(c, "given_name"), *f = text_of(c, "family_name");
	if (*g || *f)
		snprintf(out, size, "%s%s%s", g, *g && *f ? " " : "", f);
	else
		snprintf(out, size, "Child %s", text_of(c, "child"));
}

static void identity_bar(struct req *r, int64_t id, const struct record *c,
			 const struct recs *episodes, const char *iro)
{
	struct buf *b = &r->out;
	char name[420], dob[40];
	child_name(c, name, sizeof name);
	int32_t born = (int32_t)day_of(c, "dob");
	date_text(born, dob, sizeof dob);
	/* The episode in force today, else the latest. */
	const struct record *now = NULL;
	for (size_t i = 0; i < episodes->n; i++) {
		const struct record *e = &episodes->v[i];
		if (day_of(e, "decom") > r->today)
			continue;
		if (!now || day_of(e, "decom") > day_of(now, "decom"))
			now = e;
	}
	char ls[200] = "", place[200] = "";
	if (now) {
		rf_value_text(now, "ls", ls, sizeof ls);
		rf_value_text(now, "place", place, sizeof place);
		int32_t dec = (int32_t)day_of(now, "dec");
		if (dec != DATE_NONE && dec < r->today)
			snprintf(ls, sizeof ls, "Not looked after (left care)");
	}
	h_printf(b,
		 "<div class=\"moj-identity-bar\"><div class=\"moj-identity-"
		 "bar__container\"><div class=\"moj-identity-bar__details\">"
		 "<h1 class=\"govuk-heading-l govuk-!-margin-bottom-1\">%s</h1>"
		 "<dl class=\"govuk-summary-list govuk-summary-list--no-border"
		 " govuk-!-margin-bottom-0\">",
		 name);
	char age[80] = "";
	if (born != DATE_NONE)
		snprintf(age, sizeof age, "%s (age %d)", dob,
			 date_age_years(born, r->today));
	c_summary_row(b, "LA child id", text_of(c, "child"));
	c_summary_row(b, "Date of birth", age);
	c_summary_row(b, "Legal status", ls);
	c_summary_row(b, "Placement", place);
	c_summary_row(b, "IRO", iro);
	h_raw_trusted(b, "</dl>");
	const struct value *rs = record_get(c, "restricted");
	if (rs && rs->set && rs->i)
		c_tag(b, "Restricted", "red");
	h_raw_trusted(b, "</div></div></div>");
	(void)id;
}

static void sub_nav(struct buf *b)
{
	static const char *const S[][2] = {
		{ "overview", "Overview" },
		{ "reviews", "Reviews" },
		{ "visits", "Visits" },
		{ "recommendations", "Recommendations" },
		{ "alerts", "Alerts" },
	};
	h_raw_trusted(b, "<nav class=\"moj-sub-navigation\" aria-label=\""
			 "Sections of the record\"><ul class=\"moj-sub-"
			 "navigation__list\">");
	for (size_t i = 0; i < ARRAY_LEN(S); i++) {
		h_printf(b,
			 "<li class=\"moj-sub-navigation__item\"><a class=\""
			 "moj-sub-navigation__link\" href=\"#%s\"",
			 S[i][0]);
		h_raw_trusted(b, i == 0 ? " aria-current=\"page\">" : ">");
		h_printf(b, "%s</a></li>", S[i][1]);
	}
	h_raw_trusted(b, "</ul></nav>");
}

/* ---- The timeline --------------------------------------------------- */

struct event {
	int32_t day;
	char title[260];
	char text[1000];
	char link[64];
	char link_text[64];
};

static int cmp_event(const void *a, const void *b)
{
	const struct event *x = a, *y = b;
	return (y->day > x->day) - (y->day < x->day); /* newest first */
}

struct all {
	struct recs episodes, reviews, contacts, consultations, recs, alerts;
};

static void all_free(struct all *a)
{
	recs_free(&a->episodes);
	recs_free(&a->reviews);
	recs_free(&a->contacts);
	recs_free(&a->consultations);
	recs_free(&a->recs);
	recs_free(&a->alerts);
}

static int all_load(struct req *r, int64_t child, struct all *a)
{
	memset(a, 0, sizeof *a);
	return load_kind(r, &KIND_EPISODE, child, &a->episodes) ||
	       load_kind(r, &KIND_REVIEW, child, &a->reviews) ||
	       load_kind(r, &KIND_CONTACT, child, &a->contacts) ||
	       load_kind(r, &KIND_CONSULTATION, child, &a->consultations) ||
	       load_kind(r, &KIND_RECOMMENDATION, child, &a->recs) ||
	       load_kind(r, &KIND_ALERT, child, &a->alerts);
}

static struct event *add_event(struct event *v, size_t *n, int64_t day)
{
	if (day == DATE_NONE)
		return NULL;
	struct event *e = &v[(*n)++];
	memset(e, 0, sizeof *e);
	e->day = (int32_t)day;
	return e;
}

/* A review's date: held, else the date now set. */
static int64_t review_day(const struct record *v)
{
	int64_t d = day_of(v, "held");
	return d != DATE_NONE ? d : day_of(v, "scheduled");
}

static void timeline(struct buf *b, const struct all *a)
{
	size_t cap = 2 * a->episodes.n + a->reviews.n + a->contacts.n +
		     a->consultations.n + a->recs.n + a->alerts.n + 1, n = 0;
	struct event *v = calloc(cap, sizeof *v);
	if (!v)
		return;
	struct event *e;
	char t1[200], t2[200];
	for (size_t i = 0; i < a->episodes.n; i++) {
		const struct record *x = &a->episodes.v[i];
		rf_value_text(x, "ls", t1, sizeof t1);
		rf_value_text(x, "place", t2, sizeof t2);
		if ((e = add_event(v, &n, day_of(x, "decom")))) {
			snprintf(e->title, sizeof e->title, "Episode began");
			snprintf(e->text, sizeof e->text,
				 "Legal status: %s. Placement: %s.", t1, t2);
		}
		if ((e = add_event(v, &n, day_of(x, "dec")))) {
			rf_value_text(x, "rec", t1, sizeof t1);
			snprintf(e->title, sizeof e->title, "Episode ended");
			snprintf(e->text, sizeof e->text, "Reason: %s.", t1);
		}
	}
	for (size_t i = 0; i < a->reviews.n; i++) {
		const struct record *x = &a->reviews.v[i];
		if (!(e = add_event(v, &n, review_day(x))))
			continue;
		const struct code *c =
			code_find(&CODES_REVIEW_STATUS, text_of(x, "status"));
		rf_value_text(x, "kind", t1, sizeof t1);
		capital(t1);
		snprintf(e->title, sizeof e->title, "Review %s",
			 c ? c->meaning : text_of(x, "status"));
		rf_value_text(x, "participation", t2, sizeof t2);
		snprintf(e->text, sizeof e->text, "%s.%s%s", t1,
			 *t2 ? " Participation " : "", t2);
		snprintf(e->link, sizeof e->link, "/reviews/%" PRId64, x->id);
		snprintf(e->link_text, sizeof e->link_text,
			 "Review %" PRId64, x->id);
	}
	for (size_t i = 0; i < a->contacts.n; i++) {
		const struct record *x = &a->contacts.v[i];
		if (!(e = add_event(v, &n, day_of(x, "date"))))
			continue;
		rf_value_text(x, "kind", t1, sizeof t1);
		capital(t1);
		rf_value_text(x, "seen_alone", t2, sizeof t2);
		snprintf(e->title, sizeof e->title, "IRO contact: %s", t1);
		snprintf(e->text, sizeof e->text, "By %s.%s%s",
			 text_of(x, "iro"), *t2 ? " Seen alone: " : "", t2);
	}
	for (size_t i = 0; i < a->consultations.n; i++) {
		const struct record *x = &a->consultations.v[i];
		if (!(e = add_event(v, &n, day_of(x, "sent"))))
			continue;
		rf_value_text(x, "group", t1, sizeof t1);
		rf_value_text(x, "received", t2, sizeof t2);
		snprintf(e->title, sizeof e->title, "Consultation form sent");
		snprintf(e->text, sizeof e->text, "To: %s. %s%s.", t1,
			 *t2 ? "Returned on " : "Not returned", t2);
		snprintf(e->link, sizeof e->link, "/reviews/%" PRId64,
			 day_of(x, "review"));
		snprintf(e->link_text, sizeof e->link_text,
			 "Review %" PRId64, day_of(x, "review"));
	}
	for (size_t i = 0; i < a->recs.n; i++) {
		const struct record *x = &a->recs.v[i];
		if (!(e = add_event(v, &n, day_of(x, "due"))))
			continue;
		rf_value_text(x, "status", t1, sizeof t1);
		snprintf(e->title, sizeof e->title, "Recommendation due (%s)",
			 t1);
		snprintf(e->text, sizeof e->text, "%s", text_of(x, "text"));
		snprintf(e->link, sizeof e->link, "/recommendations/%" PRId64,
			 x->id);
		snprintf(e->link_text, sizeof e->link_text,
			 "Recommendation %" PRId64, x->id);
	}
	for (size_t i = 0; i < a->alerts.n; i++) {
		const struct record *x = &a->alerts.v[i];
		if (!(e = add_event(v, &n, day_of(x, "raised"))))
			continue;
		rf_value_text(x, "kind", t1, sizeof t1);
		capital(t1);
		rf_value_text(x, "status", t2, sizeof t2);
		snprintf(e->title, sizeof e->title, "Practice alert raised");
		snprintf(e->text, sizeof e->text, "%s; %s.", t1, t2);
		snprintf(e->link, sizeof e->link, "/alerts/%" PRId64, x->id);
		snprintf(e->link_text, sizeof e->link_text, "Alert %" PRId64,
			 x->id);
	}
	qsort(v, n, sizeof *v, cmp_event);
	if (n == 0)
		h_raw_trusted(b, "<p class=\"govuk-body\">Nothing recorded "
				 "yet.</p>");
	else
		h_raw_trusted(b, "<div class=\"moj-timeline\">");
	for (size_t i = 0; i < n; i++) {
		char day[40], iso[11];
		date_text(v[i].day, day, sizeof day);
		date_format_iso(v[i].day, iso);
		h_printf(b,
			 "<div class=\"moj-timeline__item\"><div class=\"moj-"
			 "timeline__header\"><h3 class=\"moj-timeline__title\">"
			 "%s</h3></div><p class=\"moj-timeline__date\"><time "
			 "datetime=\"%s\">%s</time></p><div class=\"moj-timeline"
			 "__description\"><p class=\"govuk-body\">%s</p>",
			 v[i].title, iso, day, v[i].text);
		if (v[i].link[0])
			h_printf(b, "<p class=\"govuk-body\"><a class=\"govuk-"
				    "link\" href=\"%s\">%s</a></p>",
				 v[i].link, v[i].link_text);
		h_raw_trusted(b, "</div></div>");
	}
	if (n)
		h_raw_trusted(b, "</div>");
	free(v);
}

/* ---- The sections ---------------------------------------------------- */

static void cell(struct buf *b, const char *text)
{
	h_printf(b, "<td class=\"govuk-table__cell\">%s</td>", text);
}

/* Opens a row whose first cell links to record `id` ("/reviews", "Review"). */
static void row_with_link(struct buf *b, const char *path, const char *what,
			  int64_t id)
{
	h_printf(b,
		 "<tr class=\"govuk-table__row\"><td class=\"govuk-table__"
		 "cell\"><a class=\"govuk-link\" href=\"%s/%" PRId64 "\">%s %"
		 PRId64 "</a></td>",
		 path, id, what, id);
}

/* A cell of field `name` of x as people read it ("Not recorded" when
 * `unset` and it is not set), starting a sentence. */
static void value_cell(struct buf *b, const struct record *x,
		       const char *name, const char *unset)
{
	char t[600];
	rf_value_text(x, name, t, sizeof t);
	capital(t);
	cell(b, *t || !unset ? t : unset);
}

static void sections(struct buf *b, int64_t id, const struct all *a)
{
	char t[600];
	h_printf(b, "<h2 class=\"govuk-heading-m\" id=\"reviews\">Reviews</h2>"
		    "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/"
		    "children/%" PRId64 "/reviews/new\">Schedule a review</a>"
		    "</p>",
		 id);
	if (a->reviews.n) {
		static const char *const H[] = { "Review", "Kind", "Date",
						 "Status" };
		c_table_begin(b, "Reviews", true, H, ARRAY_LEN(H));
		for (size_t i = a->reviews.n; i-- > 0;) {
			const struct record *x = &a->reviews.v[i];
			row_with_link(b, "/reviews", "Review", x->id);
			value_cell(b, x, "kind", NULL);
			date_text((int32_t)review_day(x), t, sizeof t);
			cell(b, t);
			value_cell(b, x, "status", NULL);
			h_raw_trusted(b, "</tr>");
		}
		h_raw_trusted(b, "</tbody></table>");
	}
	h_printf(b, "<h2 class=\"govuk-heading-m\" id=\"visits\">Visits</h2>"
		    "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/"
		    "children/%" PRId64 "/visits/new\">Record a visit</a></p>",
		 id);
	if (a->contacts.n) {
		static const char *const H[] = { "Date", "Kind", "IRO",
						 "Seen alone" };
		c_table_begin(b, "Visits and contacts", true, H, ARRAY_LEN(H));
		for (size_t i = a->contacts.n; i-- > 0;) {
			const struct record *x = &a->contacts.v[i];
			h_raw_trusted(b, "<tr class=\"govuk-table__row\">");
			value_cell(b, x, "date", NULL);
			value_cell(b, x, "kind", NULL);
			cell(b, text_of(x, "iro"));
			value_cell(b, x, "seen_alone", "Not recorded");
			h_raw_trusted(b, "</tr>");
		}
		h_raw_trusted(b, "</tbody></table>");
	}
	h_raw_trusted(b, "<h2 class=\"govuk-heading-m\" id=\"recommendations\">"
			 "Recommendations</h2>");
	if (a->recs.n) {
		static const char *const H[] = { "Recommendation", "Due",
						 "Status" };
		c_table_begin(b, "Recommendations", true, H, ARRAY_LEN(H));
		for (size_t i = a->recs.n; i-- > 0;) {
			const struct record *x = &a->recs.v[i];
			h_printf(b, "<tr class=\"govuk-table__row\"><td class="
				    "\"govuk-table__cell\"><a class=\"govuk-"
				    "link\" href=\"/recommendations/%" PRId64
				    "\">%s</a></td>",
				 x->id, text_of(x, "text"));
			value_cell(b, x, "due", NULL);
			value_cell(b, x, "status", NULL);
			h_raw_trusted(b, "</tr>");
		}
		h_raw_trusted(b, "</tbody></table>");
	} else {
		h_raw_trusted(b, "<p class=\"govuk-body\">None recorded.</p>");
	}
	h_raw_trusted(b, "<h2 class=\"govuk-heading-m\" id=\"alerts\">Alerts"
			 "</h2>");
	if (a->alerts.n) {
		static const char *const H[] = { "Alert", "Raised", "Kind",
						 "Status" };
		c_table_begin(b, "Practice alerts", true, H, ARRAY_LEN(H));
		for (size_t i = a->alerts.n; i-- > 0;) {
			const struct record *x = &a->alerts.v[i];
			row_with_link(b, "/alerts", "Alert", x->id);
			value_cell(b, x, "raised", NULL);
			value_cell(b, x, "kind", NULL);
			value_cell(b, x, "status", "Open");
			h_raw_trusted(b, "</tr>");
		}
		h_raw_trusted(b, "</tbody></table>");
	} else {
		h_raw_trusted(b, "<p class=\"govuk-body\">None recorded.</p>");
	}
}

/* The name of the child's IRO today (their allocation; "" for none). */
static int current_iro(struct req *r, int64_t child, char *out, size_t size)
{
	struct err e = { "" };
	int64_t alloc = 0;
	out[0] = '\0';
	if (store_current_allocation(r->st, child, r->today, &alloc, &e))
		return -1;
	if (!alloc)
		return 0;
	struct record a;
	if (store_record_get(r->st, &KIND_ALLOCATION, alloc, &a, &e) == 1) {
		snprintf(out, size, "%s", text_of(&a, "iro"));
		record_clear(&a);
	}
	return 0;
}

static const char *done_text(const char *done)
{
	return strcmp(done, "scheduled") == 0 ? "The review has been scheduled"
	       : strcmp(done, "visit") == 0   ? "The visit has been recorded"
	       : strcmp(done, "allocated") == 0
		       ? "The child has been reallocated"
		       : NULL;
}

static int child_page(struct req *r)
{
	int64_t id;
	struct record c;
	if (!load_child(r, &id, &c)) {
		record_clear(&c);
		return 0;
	}
	struct all a;
	char iro[220];
	if (audit(r, id, "child") || all_load(r, id, &a) ||
	    current_iro(r, id, iro, sizeof iro)) {
		all_free(&a);
		record_clear(&c);
		return -1;
	}
	struct buf *b = &r->out;
	char title[420];
	child_name(&c, title, sizeof title);
	page_begin(r, title, NAV_NONE);
	const char *done = done_text(req_query(r, "done"));
	if (done)
		c_success_banner(b, done);
	identity_bar(r, id, &c, &a.episodes, iro);
	sub_nav(b);
	h_printf(b, "<h2 class=\"govuk-heading-m\" id=\"overview\">Overview"
		    "</h2><ul class=\"govuk-list\"><li><a class=\"govuk-link\" "
		    "href=\"/children/%" PRId64 "/reviews/new\">Schedule a "
		    "review</a></li><li><a class=\"govuk-link\" href=\"/"
		    "children/%" PRId64 "/visits/new\">Record a visit</a></li>"
		    "<li><a class=\"govuk-link\" href=\"/children/%" PRId64
		    "/alerts/new\">Raise an alert</a></li>",
		 id, id, id);
	if (role_may(r->user.role, CAP_WHOLE_SERVICE))
		h_printf(b, "<li><a class=\"govuk-link\" href=\"/audit?child="
			    "%" PRId64 "\">Who viewed or changed this record"
			    "</a></li><li><a class=\"govuk-link\" href=\"/"
			    "children/%" PRId64 "/allocate\">Reallocate</a>"
			    "</li>",
			 id, id);
	h_raw_trusted(b, "</ul><h2 class=\"govuk-heading-m\">Timeline</h2>");
	timeline(b, &a);
	sections(b, id, &a);
	page_end(r);
	all_free(&a);
	record_clear(&c);
	return 0;
}

/* ---- Forms: schedule a review, record a visit ----------------------- */

static void form_page(struct req *r, int64_t id, const struct record *c,
		      const char *title, const char *action,
		      struct form_errors *e)
{
	struct buf *b = &r->out;
	char href[64], name[420];
	buf_reset(b);
	page_begin_error(r, title, NAV_NONE, e && e->n);
	snprintf(href, sizeof href, "/children/%" PRId64, id);
	h_printf(b, "<a href=\"%s\" class=\"govuk-back-link\">Back to the "
		    "child's record</a><div class=\"govuk-grid-row\"><div "
		    "class=\"govuk-grid-column-two-thirds\">",
		 href);
	rf_error_summary(b, e);
	child_name(c, name, sizeof name);
	h_printf(b, "<span class=\"govuk-caption-l\">%s</span><h1 class=\""
		    "govuk-heading-l\">%s</h1><form method=\"post\" action=\""
		    "%s\" novalidate>",
		 name, title, action);
	c_csrf(b, r);
}

static void form_end(struct req *r, const char *button)
{
	c_button(&r->out, button, false);
	h_raw_trusted(&r->out, "</form></div></div>");
	page_end(r);
}

static const char *const SCHEDULE_INPUTS[] = { "scheduled", "kind", "chair",
					       NULL };

static int schedule(struct req *r)
{
	int64_t id;
	struct record c;
	if (!load_child(r, &id, &c)) {
		record_clear(&c);
		return 0;
	}
	struct err err = { "" };
	struct roster ro;
	if (roster_load(r->st, &ro, &err)) {
		record_clear(&c);
		return -1;
	}
	struct record v;
	record_init(&v, &KIND_REVIEW);
	struct form_errors e = { .n = 0 };
	int rc = 0;
	if (strcmp(r->method, "POST") == 0) {
		int32_t d;
		if (form_date(r, "scheduled", "the date of the review", true, &d,
			      &e) > 0) {
			char iso[11];
			date_format_iso(d, iso);
			record_parse_value(&v, (size_t)kind_field(v.kind,
								  "original"),
					   iso, NULL, 0);
		}
		rf_read(r, &v, "scheduled", &e);
		rf_read(r, &v, "kind", &e);
		rf_read(r, &v, "chair", &e);
		record_set_text(&v, (size_t)kind_field(v.kind, "child"),
				text_of(&c, "child"));
		record_parse_value(&v, (size_t)kind_field(v.kind, "status"),
				   "scheduled", NULL, 0);
		char loc[96];
		snprintf(loc, sizeof loc,
			 "/children/%" PRId64 "?done=scheduled", id);
		if (e.n == 0 &&
		    (rc = rf_save(r, &v, SCHEDULE_INPUTS, "scheduled", &e,
				  loc)) == 1) {
			rc = 0;
			goto out;
		}
	}
	if (rc == 0)
		rc = audit(r, id, "schedule_review");
	if (rc == 0) {
		char action[64];
		snprintf(action, sizeof action, "/children/%" PRId64 "/reviews",
			 id);
		form_page(r, id, &c, "Schedule a review", action, &e);
		rf_field(&r->out, r, &v, "scheduled", "The date of the review",
			 &ro, &e);
		rf_field(&r->out, r, &v, "kind", "Kind of review", &ro, &e);
		rf_field(&r->out, r, &v, "chair", "The IRO who will chair it",
			 &ro, &e);
		form_end(r, "Schedule the review");
		if (e.n)
			r->status = 400;
	}
out:
	record_clear(&v);
	roster_free(&ro);
	record_clear(&c);
	return rc;
}

static const char *const VISIT_INPUTS[] = { "date", "kind", "seen_alone",
					    "iro", NULL };

static int visit(struct req *r)
{
	int64_t id;
	struct record c;
	if (!load_child(r, &id, &c)) {
		record_clear(&c);
		return 0;
	}
	struct err err = { "" };
	struct roster ro;
	char iro[220];
	if (roster_load(r->st, &ro, &err)) {
		record_clear(&c);
		return -1;
	}
	struct record v;
	record_init(&v, &KIND_CONTACT);
	int rc = current_iro(r, id, iro, sizeof iro);
	/* An IRO records their own visits; a manager says whose it was. */
	bool mine = r->user.role == ROLE_IRO;
	const struct roster_iro *me = mine ? roster_find(&ro, r->user.iro_id)
					   : NULL;
	record_set_text(&v, (size_t)kind_field(v.kind, "iro"),
			me ? me->name : iro);
	struct form_errors e = { .n = 0 };
	if (rc == 0 && strcmp(r->method, "POST") == 0) {
		if (!*req_form(r, "date-day") && !*req_form(r, "date-month") &&
		    !*req_form(r, "date-year"))
			form_error(&e, "date", "Enter the date of the visit");
		rf_read(r, &v, "date", &e);
		rf_read(r, &v, "kind", &e);
		rf_read(r, &v, "seen_alone", &e);
		if (!mine)
			rf_read(r, &v, "iro", &e);
		if (!*req_form(r, "kind"))
			form_error(&e, "kind", "Choose the kind of contact");
		if (!mine && !*req_form(r, "iro"))
			form_error(&e, "iro", "Choose the IRO");
		record_set_text(&v, (size_t)kind_field(v.kind, "child"),
				text_of(&c, "child"));
		char loc[96];
		snprintf(loc, sizeof loc, "/children/%" PRId64 "?done=visit",
			 id);
		if (e.n == 0 &&
		    (rc = rf_save(r, &v, VISIT_INPUTS, "date", &e,
				  loc)) == 1) {
			rc = 0;
			goto out;
		}
	}
	if (rc == 0)
		rc = audit(r, id, "record_visit");
	if (rc == 0) {
		char action[64];
		snprintf(action, sizeof action, "/children/%" PRId64
						"/visits/new",
			 id);
		form_page(r, id, &c, "Record a visit", action, &e);
		rf_field(&r->out, r, &v, "date", "The date of the visit", &ro,
			 &e);
		rf_field(&r->out, r, &v, "kind", "Kind of contact", &ro, &e);
		rf_field(&r->out, r, &v, "seen_alone",
			 "The child was seen alone", &ro, &e);
		if (!mine)
			rf_field(&r->out, r, &v, "iro", "The IRO", &ro, &e);
		form_end(r, "Record the visit");
		if (e.n)
			r->status = 400;
	}
out:
	record_clear(&v);
	roster_free(&ro);
	record_clear(&c);
	return rc;
}

const struct route WEB_ROUTES_CHILD[] = {
	{ "GET", "/children/{id}", WHO, 0, child_page },
	{ "GET", "/children/{id}/reviews/new", WHO, 0, schedule },
	{ "POST", "/children/{id}/reviews", WHO, 0, schedule },
	{ "GET", "/children/{id}/visits/new", WHO, 0, visit },
	{ "POST", "/children/{id}/visits/new", WHO, 0, visit },
	{ NULL, NULL, 0, 0, NULL },
};
