/*
 * components.c - GOV.UK components as render functions (components.h).
 */
#include "lib/common.h"
#include "core/date.h"
#include "web/components.h"
#include "web/html.h"

void form_error(struct form_errors *e, const char *field, const char *fmt,
		...)
{
	if (e->n >= ARRAY_LEN(e->v) || form_error_for(e, field))
		return;
	struct form_error *x = &e->v[e->n++];
	snprintf(x->field, sizeof x->field, "%s", field);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(x->message, sizeof x->message, fmt, ap);
	va_end(ap);
}

const char *form_error_for(const struct form_errors *e, const char *field)
{
	for (size_t i = 0; e && i < e->n; i++)
		if (strcmp(e->v[i].field, field) == 0)
			return e->v[i].message;
	return NULL;
}

const char *form_value(const struct req *r, const char *name,
		       const char *fallback)
{
	if (strcmp(r->method, "POST") == 0) {
		const char *v = kvs_get(&r->form, name);
		return v ? v : "";
	}
	return fallback ? fallback : "";
}

static bool all_digits(const char *s)
{
	return *s && strspn(s, "0123456789") == strlen(s) && strlen(s) <= 4;
}

int form_date(const struct req *r, const char *name, const char *label,
	      bool required, int32_t *out, struct form_errors *e)
{
	char k[80];
	const char *part[3];
	static const char *const SUFFIX[] = { "day", "month", "year" };
	for (int i = 0; i < 3; i++) {
		snprintf(k, sizeof k, "%s-%s", name, SUFFIX[i]);
		part[i] = req_form(r, k);
		while (*part[i] == ' ')
			part[i]++;
	}
	*out = DATE_NONE;
	if (!*part[0] && !*part[1] && !*part[2]) {
		if (required)
			form_error(e, name, "Enter %s", label);
		return required ? -1 : 0;
	}
	for (int i = 0; i < 3; i++)
		if (!*part[i]) {
			form_error(e, name, "%s must include a %s", label,
				   SUFFIX[i]);
			return -1;
		}
	int d = all_digits(part[0]) ? atoi(part[0]) : -1;
	int m = all_digits(part[1]) ? atoi(part[1]) : -1;
	int y = all_digits(part[2]) ? atoi(part[2]) : -1;
	if (y < 1000 || !date_valid_ymd(y, m, d)) {
		form_error(e, name, "%s must be a real date, like 27 3 2026",
			   label);
		return -1;
	}
	*out = date_from_ymd(y, m, d);
	return 1;
}

void c_error_summary(struct buf *b, const struct form_errors *e)
{
	if (!e || e->n == 0)
		return;
	h_raw_trusted(b,
		      "<div class=\"govuk-error-summary\" data-module=\"govuk-"
		      "error-summary\"><div role=\"alert\"><h2 class=\"govuk-"
		      "error-summary__title\">There is a problem</h2><div "
		      "class=\"govuk-error-summary__body\"><ul class=\"govuk-"
		      "list govuk-error-summary__list\">");
	for (size_t i = 0; i < e->n; i++)
		h_printf(b, "<li><a href=\"#%s\">%s</a></li>", e->v[i].field,
			 e->v[i].message);
	h_raw_trusted(b, "</ul></div></div></div>");
}

void c_csrf(struct buf *b, const struct req *r)
{
	h_printf(b, "<input type=\"hidden\" name=\"csrf\" value=\"%s\">",
		 r->csrf);
}

/* The opening of a form group with its label, hint and error; the caller
 * writes the input with group_described(). */
/* The hint and the error message of input `name`, as the Design System
 * places them: after the label or legend, before the input. */
static void hint_and_error(struct buf *b, const char *name, const char *hint,
			   const struct form_errors *e)
{
	const char *msg = form_error_for(e, name);
	if (hint)
		h_printf(b, "<div id=\"%s-hint\" class=\"govuk-hint\">%s</div>",
			 name, hint);
	if (msg)
		h_printf(b,
			 "<p id=\"%s-error\" class=\"govuk-error-message\">"
			 "<span class=\"govuk-visually-hidden\">Error:</span> "
			 "%s</p>",
			 name, msg);
}

static void group_begin(struct buf *b, const char *name, const char *label,
			const char *hint, const struct form_errors *e)
{
	h_printf(b,
		 "<div class=\"govuk-form-group%s\"><label class=\"govuk-"
		 "label\" for=\"%s\">%s</label>",
		 form_error_for(e, name) ? " govuk-form-group--error" : "",
		 name, label);
	hint_and_error(b, name, hint, e);
}

static void described_by(struct buf *b, const char *name, const char *hint,
			 const struct form_errors *e)
{
	bool err = form_error_for(e, name) != NULL;
	if (!hint && !err)
		return;
	h_printf(b, " aria-describedby=\"%s%s%s%s%s\"", hint ? name : "",
		 hint ? "-hint" : "", hint && err ? " " : "",
		 err ? name : "", err ? "-error" : "");
}

void c_fieldset_begin(struct buf *b, const char *name, const char *legend,
		      const char *hint, bool group, const struct form_errors *e)
{
	h_printf(b,
		 "<div class=\"govuk-form-group%s\"><fieldset class=\"govuk-"
		 "fieldset\"",
		 form_error_for(e, name) ? " govuk-form-group--error" : "");
	if (group) /* markup: never through %s, which escapes it */
		h_raw_trusted(b, " role=\"group\"");
	described_by(b, name, hint, e);
	h_printf(b,
		 "><legend class=\"govuk-fieldset__legend govuk-fieldset__"
		 "legend--s\">%s</legend>",
		 legend);
	hint_and_error(b, name, hint, e);
}

void c_input(struct buf *b, const char *name, const char *label,
	     const char *hint, const char *value, const struct form_errors *e,
	     const char *extra_class)
{
	group_begin(b, name, label, hint, e);
	h_printf(b, "<input class=\"govuk-input%s%s%s\" id=\"%s\" name=\"%s\" "
		    "type=\"text\" value=\"%s\"",
		 form_error_for(e, name) ? " govuk-input--error" : "",
		 extra_class ? " " : "", extra_class ? extra_class : "", name,
		 name, value ? value : "");
	described_by(b, name, hint, e);
	h_raw_trusted(b, "></div>");
}

void c_credential(struct buf *b, const char *name, const char *label,
		  const char *type, const char *autocomplete,
		  const char *value, const struct form_errors *e)
{
	group_begin(b, name, label, NULL, e);
	bool password = strcmp(type, "password") == 0;
	h_printf(b,
		 "<input class=\"govuk-input govuk-!-width-one-half%s\" "
		 "id=\"%s\" name=\"%s\" type=\"%s\" autocomplete=\"%s\" "
		 "spellcheck=\"false\" autocapitalize=\"none\" value=\"%s\"",
		 form_error_for(e, name) ? " govuk-input--error" : "", name,
		 name, password ? "password" : "text", autocomplete,
		 password || !value ? "" : value);
	described_by(b, name, NULL, e);
	h_raw_trusted(b, "></div>");
}

void c_textarea(struct buf *b, const char *name, const char *label,
		const char *hint, const char *value,
		const struct form_errors *e)
{
	group_begin(b, name, label, hint, e);
	h_printf(b, "<textarea class=\"govuk-textarea%s\" id=\"%s\" "
		    "name=\"%s\" rows=\"4\"",
		 form_error_for(e, name) ? " govuk-textarea--error" : "", name,
		 name);
	described_by(b, name, hint, e);
	h_printf(b, ">%s</textarea></div>", value ? value : "");
}

void c_date(struct buf *b, const struct req *r, const char *name,
	    const char *label, const char *hint, const char *iso,
	    const struct form_errors *e)
{
	const char *msg = form_error_for(e, name);
	c_fieldset_begin(b, name, label, hint, true, e);
	char dflt[3][8] = { "", "", "" };
	int32_t d;
	if (iso && date_parse_iso(iso, &d) == DATE_OK) {
		int y, m, dd;
		date_to_ymd(d, &y, &m, &dd);
		snprintf(dflt[0], sizeof dflt[0], "%d", dd);
		snprintf(dflt[1], sizeof dflt[1], "%d", m);
		snprintf(dflt[2], sizeof dflt[2], "%d", y);
	}
	h_printf(b, "<div class=\"govuk-date-input\" id=\"%s\">", name);
	static const char *const PART[] = { "day", "month", "year" };
	static const char *const TITLE[] = { "Day", "Month", "Year" };
	for (int i = 0; i < 3; i++) {
		char k[80];
		snprintf(k, sizeof k, "%s-%s", name, PART[i]);
		h_printf(b,
			 "<div class=\"govuk-date-input__item\"><div class="
			 "\"govuk-form-group\"><label class=\"govuk-label "
			 "govuk-date-input__label\" for=\"%s\">%s</label>"
			 "<input class=\"govuk-input govuk-date-input__input "
			 "govuk-input--width-%d%s\" id=\"%s\" name=\"%s\" "
			 "type=\"text\" inputmode=\"numeric\" value=\"%s\">"
			 "</div></div>",
			 k, TITLE[i], i == 2 ? 4 : 2,
			 msg ? " govuk-input--error" : "", k, k,
			 form_value(r, k, dflt[i]));
	}
	h_raw_trusted(b, "</div></fieldset></div>");
}

static void select_begin(struct buf *b, const char *name, const char *label,
			 const char *hint, const struct form_errors *e)
{
	group_begin(b, name, label, hint, e);
	h_printf(b, "<select class=\"govuk-select%s\" id=\"%s\" name=\"%s\"",
		 form_error_for(e, name) ? " govuk-select--error" : "", name,
		 name);
	described_by(b, name, hint, e);
	h_raw_trusted(b, ">");
}

static void option(struct buf *b, const char *value, const char *text,
		   const char *selected)
{
	h_printf(b, "<option value=\"%s\"%s>%s</option>", value,
		 selected && strcmp(value, selected) == 0 ? " selected" : "",
		 text);
}

void c_select_codes(struct buf *b, const char *name, const char *label,
		    const char *hint, const struct code_list *codes,
		    const char *value, const char *blank,
		    const struct form_errors *e)
{
	select_begin(b, name, label, hint, e);
	if (blank)
		option(b, "", blank, value);
	for (size_t i = 0; i < codes->count; i++)
		option(b, codes->codes[i].code, codes->codes[i].meaning, value);
	h_raw_trusted(b, "</select></div>");
}

void c_select(struct buf *b, const char *name, const char *label,
	      const char *hint, const char *const (*options)[2], size_t n,
	      const char *value, const struct form_errors *e)
{
	select_begin(b, name, label, hint, e);
	for (size_t i = 0; i < n; i++)
		option(b, options[i][0], options[i][1], value);
	h_raw_trusted(b, "</select></div>");
}

void c_yes_no(struct buf *b, const char *name, const char *legend,
	      const char *value, bool unknown, const struct form_errors *e)
{
	c_fieldset_begin(b, name, legend, NULL, false, e);
	h_raw_trusted(b, "<div class=\"govuk-radios govuk-radios--small "
			 "govuk-radios--inline\" data-module=\"govuk-radios\">");
	static const char *const V[][2] = { { "yes", "Yes" }, { "no", "No" },
					    { "", "Not recorded" } };
	for (size_t i = 0; i < (unknown ? 3u : 2u); i++) {
		bool on = value && strcmp(value, V[i][0]) == 0;
		h_printf(b,
			 "<div class=\"govuk-radios__item\"><input class="
			 "\"govuk-radios__input\" id=\"%s%s%s\" name=\"%s\" "
			 "type=\"radio\" value=\"%s\"%s><label class=\"govuk-"
			 "label govuk-radios__label\" for=\"%s%s%s\">%s</label>"
			 "</div>",
			 name, i ? "-" : "", i ? V[i][0][0] ? V[i][0] : "unknown"
					       : "",
			 name, V[i][0], on ? " checked" : "", name, i ? "-" : "",
			 i ? V[i][0][0] ? V[i][0] : "unknown" : "", V[i][1]);
	}
	h_raw_trusted(b, "</div></fieldset></div>");
}

void c_checkboxes(struct buf *b, const struct req *r, const char *name,
		  const char *legend, const char *hint,
		  const char *const *values, size_t n,
		  const struct form_errors *e)
{
	c_fieldset_begin(b, name, legend, hint, false, e);
	h_raw_trusted(b, "<div class=\"govuk-checkboxes govuk-checkboxes--"
			 "small\" data-module=\"govuk-checkboxes\">");
	for (size_t i = 0; i < n; i++) {
		bool on = false;
		for (size_t j = 0; j < r->form.n && !on; j++)
			on = strcmp(r->form.v[j].key, name) == 0 &&
			     strcmp(r->form.v[j].value, values[i]) == 0;
		/* The first box takes the bare name as its id, for the error
		 * summary's link. */
		char id[80];
		if (i)
			snprintf(id, sizeof id, "%s-%zu", name, i + 1);
		else
			snprintf(id, sizeof id, "%s", name);
		h_printf(b,
			 "<div class=\"govuk-checkboxes__item\"><input class="
			 "\"govuk-checkboxes__input\" id=\"%s\" name=\"%s\" "
			 "type=\"checkbox\" value=\"%s\"",
			 id, name, values[i]);
		if (on)
			h_raw_trusted(b, " checked");
		h_printf(b,
			 "><label class=\"govuk-label govuk-checkboxes__label"
			 "\" for=\"%s\">%s</label></div>",
			 id, values[i]);
	}
	h_raw_trusted(b, "</div></fieldset></div>");
}

void c_button(struct buf *b, const char *text, bool secondary)
{
	h_printf(b,
		 "<button type=\"submit\" class=\"govuk-button%s\" "
		 "data-module=\"govuk-button\">%s</button>",
		 secondary ? " govuk-button--secondary" : "", text);
}

void c_summary_row(struct buf *b, const char *key, const char *value)
{
	h_printf(b,
		 "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-"
		 "summary-list__key\">%s</dt><dd class=\"govuk-summary-list__"
		 "value\">%s</dd></div>",
		 key, value && *value ? value : "Not recorded");
}

void c_tag(struct buf *b, const char *text, const char *colour)
{
	h_printf(b, "<strong class=\"govuk-tag%s%s\">%s</strong>",
		 colour && *colour ? " govuk-tag--" : "",
		 colour ? colour : "", text);
}

void query_with(const struct req *r, const char *key, const char *value,
		char *out, size_t size)
{
	size_t o = 0;
	out[0] = '\0';
	bool done = false;
	for (size_t i = 0; i <= r->query.n; i++) {
		const char *k, *v;
		if (i < r->query.n) {
			k = r->query.v[i].key;
			v = r->query.v[i].value;
			if (strcmp(k, key) == 0) {
				if (done)
					continue;
				v = value;
				done = true;
			}
		} else if (!done) {
			k = key;
			v = value;
		} else {
			break;
		}
		/* A new sort or filter starts again at page 1; a new sort
		 * column brings its own direction. */
		if (!*v || (strcmp(k, "page") == 0 && strcmp(key, "page")) ||
		    (strcmp(k, "dir") == 0 && strcmp(key, "sort") == 0))
			continue;
		char ek[128], ev[400];
		url_encode(ek, sizeof ek, k);
		url_encode(ev, sizeof ev, v);
		int n = snprintf(out + o, size - o, "%c%s=%s", o ? '&' : '?',
				 ek, ev);
		if (n < 0 || (size_t)n >= size - o)
			break;
		o += (size_t)n;
	}
	if (o == 0 && size > 1)
		snprintf(out, size, "?");
}

void c_table_begin(struct buf *b, const char *caption, bool hidden,
		   const char *const *heads, size_t n)
{
	h_printf(b,
		 "<table class=\"govuk-table\"><caption class=\"%s\">%s"
		 "</caption><thead class=\"govuk-table__head\"><tr class="
		 "\"govuk-table__row\">",
		 hidden ? "govuk-visually-hidden"
			: "govuk-table__caption govuk-table__caption--m",
		 caption);
	for (size_t i = 0; i < n; i++)
		h_printf(b, "<th scope=\"col\" class=\"govuk-table__header\">"
			    "%s</th>",
			 heads[i]);
	h_raw_trusted(b, "</tr></thead><tbody class=\"govuk-table__body\">");
}

void c_table_head(struct buf *b, const struct req *r, const char *caption,
		  const struct table_col *cols, size_t n)
{
	h_raw_trusted(b, "<table class=\"govuk-table\">");
	if (caption)
		h_printf(b,
			 "<caption class=\"govuk-table__caption govuk-table__"
			 "caption--m\">%s</caption>",
			 caption);
	h_raw_trusted(b, "<thead class=\"govuk-table__head\"><tr class="
			 "\"govuk-table__row\">");
	const char *sort = req_query(r, "sort");
	bool desc = strcmp(req_query(r, "dir"), "desc") == 0;
	for (size_t i = 0; i < n; i++) {
		const struct table_col *c = &cols[i];
		const char *num = c->numeric ? " govuk-table__header--numeric"
					     : "";
		if (!c->key) {
			h_printf(b, "<th scope=\"col\" class=\"govuk-table__"
				    "header%s\">%s</th>",
				 num, c->heading);
			continue;
		}
		bool on = strcmp(sort, c->key) == 0;
		char q[1024], q2[1100];
		query_with(r, "sort", c->key, q, sizeof q);
		snprintf(q2, sizeof q2, "%s&dir=%s", q,
			 on && !desc ? "desc" : "asc");
		h_printf(b,
			 "<th scope=\"col\" class=\"govuk-table__header%s\" "
			 "aria-sort=\"%s\"><a class=\"govuk-link iro-sort\" "
			 "href=\"%s\">%s</a></th>",
			 num,
			 on ? desc ? "descending" : "ascending" : "none", q2,
			 c->heading);
	}
	h_raw_trusted(b, "</tr></thead><tbody class=\"govuk-table__body\">");
}

long req_page(const struct req *r, long pages)
{
	long p = atol(req_query(r, "page"));
	if (p < 1)
		p = 1;
	if (p > pages)
		p = pages < 1 ? 1 : pages;
	return p;
}

void c_pagination(struct buf *b, const struct req *r, long page, long pages)
{
	if (pages <= 1)
		return;
	h_raw_trusted(b, "<nav class=\"govuk-pagination\" aria-label="
			 "\"Pagination\">");
	char q[1024], n[24];
	if (page > 1) {
		snprintf(n, sizeof n, "%ld", page - 1);
		query_with(r, "page", n, q, sizeof q);
		h_printf(b,
			 "<div class=\"govuk-pagination__prev\"><a class="
			 "\"govuk-link govuk-pagination__link\" href=\"%s\" "
			 "rel=\"prev\"><span class=\"govuk-pagination__link-"
			 "title\">Previous<span class=\"govuk-visually-hidden\">"
			 " page</span></span></a></div>",
			 q);
	}
	h_raw_trusted(b, "<ul class=\"govuk-pagination__list\">");
	for (long p = 1; p <= pages; p++) {
		/* first, last, and those next to the current page */
		if (p != 1 && p != pages && labs(p - page) > 1) {
			if (p == 2 || p == pages - 1)
				h_raw_trusted(b, "<li class=\"govuk-pagination__"
						 "item govuk-pagination__item--"
						 "ellipses\">&ctdot;</li>");
			continue;
		}
		snprintf(n, sizeof n, "%ld", p);
		query_with(r, "page", n, q, sizeof q);
		h_printf(b,
			 "<li class=\"govuk-pagination__item%s\"><a class="
			 "\"govuk-link govuk-pagination__link\" href=\"%s\" "
			 "aria-label=\"Page %ld\"",
			 p == page ? " govuk-pagination__item--current" : "", q,
			 p);
		h_raw_trusted(b, p == page ? " aria-current=\"page\">" : ">");
		h_printf(b, "%ld</a></li>", p);
	}
	h_raw_trusted(b, "</ul>");
	if (page < pages) {
		snprintf(n, sizeof n, "%ld", page + 1);
		query_with(r, "page", n, q, sizeof q);
		h_printf(b,
			 "<div class=\"govuk-pagination__next\"><a class="
			 "\"govuk-link govuk-pagination__link\" href=\"%s\" "
			 "rel=\"next\"><span class=\"govuk-pagination__link-"
			 "title\">Next<span class=\"govuk-visually-hidden\"> "
			 "page</span></span></a></div>",
			 q);
	}
	h_raw_trusted(b, "</nav>");
}

void date_text(int32_t d, char *out, size_t size)
{
	static const char *const MONTH[] = {
		"January", "February", "March",     "April",
		"May",     "June",     "July",      "August",
		"September", "October", "November", "December"
	};
	if (d == DATE_NONE) {
		if (size)
			out[0] = '\0';
		return;
	}
	int y, m, dd;
	date_to_ymd(d, &y, &m, &dd);
	snprintf(out, size, "%d %s %d", dd, MONTH[m - 1], y);
}

void c_radios(struct buf *b, const char *id, const char *name,
	      const char *legend, const char *const (*options)[2], size_t n,
	      const char *value, const struct form_errors *e)
{
	c_fieldset_begin(b, id, legend, NULL, false, e);
	h_raw_trusted(b, "<div class=\"govuk-radios govuk-radios--small\" "
			 "data-module=\"govuk-radios\">");
	for (size_t i = 0; i < n; i++) {
		/* The first radio takes the bare id, so that the error
		 * summary's link lands on it. */
		char rid[96];
		if (i)
			snprintf(rid, sizeof rid, "%s-%zu", id, i + 1);
		else
			snprintf(rid, sizeof rid, "%s", id);
		bool on = value && strcmp(value, options[i][0]) == 0;
		h_printf(b,
			 "<div class=\"govuk-radios__item\"><input class="
			 "\"govuk-radios__input\" id=\"%s\" name=\"%s\" "
			 "type=\"radio\" value=\"%s\"%s><label class=\"govuk-"
			 "label govuk-radios__label\" for=\"%s\">%s</label>"
			 "</div>",
			 rid, name, options[i][0], on ? " checked" : "", rid,
			 options[i][1]);
	}
	h_raw_trusted(b, "</div></fieldset></div>");
}

void c_success_banner(struct buf *b, const char *heading)
{
	h_printf(b,
		 "<div class=\"govuk-notification-banner govuk-notification-"
		 "banner--success\" role=\"alert\" aria-labelledby=\"success-"
		 "title\" data-module=\"govuk-notification-banner\"><div class="
		 "\"govuk-notification-banner__header\"><h2 class=\"govuk-"
		 "notification-banner__title\" id=\"success-title\">Success"
		 "</h2></div><div class=\"govuk-notification-banner__content\">"
		 "<p class=\"govuk-notification-banner__heading\">%s</p></div>"
		 "</div>",
		 heading);
}
