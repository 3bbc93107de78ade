/*
 * record_form.c - forms from a kind's field table (record_form.h).
 */
#include "lib/common.h"
#include "lib/err.h"
#include "core/date.h"
#include "store/roster.h"
#include "store/store.h"
#include "web/html.h"
#include "web/record_form.h"
#include "web/web_int.h"

void rf_label(const struct kind *k, const char *name, char *out, size_t size)
{
	int f = kind_field(k, name);
	snprintf(out, size, "%s", f < 0 ? name : k->fields[f].help);
	if (out[0] >= 'a' && out[0] <= 'z')
		out[0] = (char)(out[0] - 'a' + 'A');
}

/* The field's value as the form holds it: ISO dates, yes/no. */
static void form_text(const struct record *rec, size_t f, char *out,
		      size_t size)
{
	const struct value *v = &rec->v[f];
	if (rec->kind->fields[f].type == FT_BOOL)
		snprintf(out, size, "%s", !v->set ? "" : v->i ? "yes" : "no");
	else
		record_value_text(rec, f, out, size);
}

/* Radios of a code list with the meaning of each (participation codes
 * need their meanings to be chosen right). */
static void code_radios(struct buf *b, const char *name, const char *legend,
			const struct code_list *codes, const char *value,
			const struct form_errors *e)
{
	c_fieldset_begin(b, name, legend, NULL, false, e);
	/* The first radio has the field's own id, for the error summary's
	 * link. */
	h_printf(b, "<div class=\"govuk-radios govuk-radios--small\" "
		    "data-module=\"govuk-radios\" id=\"%s-radios\">",
		 name);
	for (size_t i = 0; i <= codes->count; i++) {
		const char *code = i < codes->count ? codes->codes[i].code : "";
		const char *text = i < codes->count ? codes->codes[i].meaning
						    : "Not recorded";
		char id[80];
		if (i == 0)
			snprintf(id, sizeof id, "%s", name);
		else
			snprintf(id, sizeof id, "%s-%s", name,
				 *code ? code : "none");
		h_printf(b,
			 "<div class=\"govuk-radios__item\"><input class=\""
			 "govuk-radios__input\" id=\"%s\" name=\"%s\" type=\""
			 "radio\" value=\"%s\"%s><label class=\"govuk-label "
			 "govuk-radios__label\" for=\"%s\">%s%s%s</label></div>",
			 id, name, code, strcmp(code, value) == 0 ? " checked" : "",
			 id, code, *code ? ": " : "", text);
	}
	h_raw_trusted(b, "</div></fieldset></div>");
}

void rf_field(struct buf *b, const struct req *r, const struct record *rec,
	      const char *name, const char *label, const struct roster *ro,
	      const struct form_errors *e)
{
	const struct kind *k = rec->kind;
	int f = kind_field(k, name);
	if (f < 0)
		return;
	const struct field *fd = &k->fields[f];
	char lab[200], now[400];
	if (label)
		snprintf(lab, sizeof lab, "%s", label);
	else
		rf_label(k, name, lab, sizeof lab);
	form_text(rec, (size_t)f, now, sizeof now);
	const char *value = form_value(r, name, now);
	switch (fd->type) {
	case FT_DATE:
		c_date(b, r, name, lab, "For example, 27 3 2026", now, e);
		break;
	case FT_BOOL:
		c_yes_no(b, name, lab, value, true, e);
		break;
	case FT_CODE:
		if (strcmp(name, "participation") == 0)
			code_radios(b, name, lab, fd->codes, value, e);
		else
			c_select_codes(b, name, lab, NULL, fd->codes, value,
				       (fd->flags & FF_REQUIRED) ? NULL
								 : "Not recorded",
				       e);
		break;
	case FT_IRO:
		if (ro) {
			const char *(*opts)[2] =
				calloc(ro->n + 1, sizeof *opts);
			if (!opts)
				break;
			opts[0][0] = "";
			opts[0][1] = "Not recorded";
			for (size_t i = 0; i < ro->n; i++)
				opts[i + 1][0] = opts[i + 1][1] = ro->v[i].name;
			c_select(b, name, lab, NULL,
				 (const char *const(*)[2])opts, ro->n + 1,
				 value, e);
			free(opts);
			break;
		}
		c_input(b, name, lab, NULL, value, e, NULL);
		break;
	default:
		if (strcmp(name, "text") == 0 || strcmp(name, "reason") == 0)
			c_textarea(b, name, lab, NULL, value, e);
		else
			c_input(b, name, lab, NULL, value, e, NULL);
	}
}

void rf_read(const struct req *r, struct record *rec, const char *name,
	     struct form_errors *e)
{
	int f = kind_field(rec->kind, name);
	if (f < 0)
		return;
	char lab[200], why[1200], iso[11];
	rf_label(rec->kind, name, lab, sizeof lab);
	const char *text;
	if (rec->kind->fields[f].type == FT_DATE) {
		int32_t d;
		/* the label in the middle of a sentence */
		lab[0] = (char)(lab[0] >= 'A' && lab[0] <= 'Z'
					? lab[0] - 'A' + 'a'
					: lab[0]);
		int rc = form_date(r, name, lab, false, &d, e);
		if (rc < 0)
			return;
		if (rc == 0) {
			record_unset(rec, (size_t)f);
			return;
		}
		date_format_iso(d, iso);
		text = iso;
	} else {
		text = req_form(r, name);
	}
	if (!*text)
		record_unset(rec, (size_t)f);
	else if (record_parse_value(rec, (size_t)f, text, why, sizeof why))
		form_error(e, name, "%s: %s", lab, why);
}

void rf_problems(const struct problems *p, struct form_errors *e,
		 const char *const *form_fields, const char *fallback)
{
	for (size_t i = 0; i < p->count; i++) {
		const struct problem *pr = &p->v[i];
		if (pr->warning)
			continue;
		const char *on = fallback;
		for (size_t j = 0; form_fields && form_fields[j]; j++)
			if (strcmp(form_fields[j], pr->column) == 0)
				on = pr->column;
		char msg[300];
		snprintf(msg, sizeof msg, "%s", pr->reason);
		if (msg[0] >= 'a' && msg[0] <= 'z')
			msg[0] = (char)(msg[0] - 'a' + 'A');
		/* a second problem on one field still reaches the summary */
		if (form_error_for(e, on) && e->n < ARRAY_LEN(e->v)) {
			struct form_error *x = &e->v[e->n++];
			snprintf(x->field, sizeof x->field, "%s", on);
			snprintf(x->message, sizeof x->message, "%s", msg);
		} else {
			form_error(e, on, "%s", msg);
		}
	}
}

void rf_dfe_notice(struct req *r, const struct problems *p)
{
	char text[SESSION_NOTICE_MAX] = "";
	size_t n = 0;
	for (size_t i = 0; i < p->count && n < sizeof text; i++) {
		const struct problem *pr = &p->v[i];
		if (pr->warning)
			n += (size_t)snprintf(text + n, sizeof text - n,
					      "%s %s: %s\n", pr->column,
					      pr->value, pr->reason);
	}
	if (text[0] && r->session[0])
		session_notice_set(r->app->sessions, r->session, text);
}

int rf_save(struct req *r, struct record *rec, const char *const *inputs,
	    const char *fallback, struct form_errors *e, const char *done)
{
	struct problems p;
	struct err err = { "" };
	enum put_outcome o = PUT_REFUSED;
	problems_init(&p);
	int rc = store_begin(r->st, &err);
	if (rc == 0)
		rc = store_record_put(r->st, rec, &o, &p, &err);
	if (rc == 0 && p.errors == 0)
		rc = store_commit(r->st, &err);
	else
		store_rollback(r->st);
	rf_problems(&p, e, inputs, fallback);
	if (rc == 0 && e->n == 0)
		rf_dfe_notice(r, &p);
	problems_free(&p);
	if (rc)
		return -1;
	if (e->n)
		return 0;
	web_redirect(r, done);
	return 1;
}

void rf_value_text(const struct record *rec, const char *name, char *out,
		   size_t size)
{
	int f = kind_field(rec->kind, name);
	out[0] = '\0';
	if (f < 0 || !rec->v[f].set)
		return;
	const struct field *fd = &rec->kind->fields[f];
	const struct value *v = &rec->v[f];
	if (fd->type == FT_DATE) {
		date_text((int32_t)v->i, out, size);
	} else if (fd->type == FT_BOOL) {
		snprintf(out, size, "%s", v->i ? "Yes" : "No");
	} else if (fd->type == FT_CODE) {
		const struct code *c = NULL;
		for (size_t i = 0; i < fd->codes->count; i++)
			if (strcmp(fd->codes->codes[i].code, v->s) == 0)
				c = &fd->codes->codes[i];
		if (c && strcmp(name, "participation") == 0)
			snprintf(out, size, "%s: %s", c->code, c->meaning);
		else
			snprintf(out, size, "%s", c ? c->meaning : v->s);
	} else {
		record_value_text(rec, (size_t)f, out, size);
	}
}

void rf_error_summary(struct buf *b, struct form_errors *e)
{
	/* form_date's messages begin with the label in the middle of a
	 * sentence ("the date held must ..."); a message starts a sentence */
	for (size_t i = 0; e && i < e->n; i++)
		if (e->v[i].message[0] >= 'a' && e->v[i].message[0] <= 'z')
			e->v[i].message[0] =
				(char)(e->v[i].message[0] - 'a' + 'A');
	c_error_summary(b, e);
}
