/*
 * req.c - requests: decoded pairs, arguments and the plain responses
 * (req.h).
 */
#include "lib/common.h"
#include "lib/xalloc.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/req.h"

const char *kvs_get(const struct kvs *k, const char *key)
{
	for (size_t i = 0; i < k->n; i++)
		if (strcmp(k->v[i].key, key) == 0)
			return k->v[i].value;
	return NULL;
}

void kvs_join(const struct kvs *k, const char *key, char sep, char *out,
	      size_t size)
{
	size_t o = 0;
	if (size)
		out[0] = '\0';
	for (size_t i = 0; i < k->n && size; i++) {
		if (strcmp(k->v[i].key, key) || !*k->v[i].value)
			continue;
		int n = snprintf(out + o, size - o, "%s%s",
				 o ? (char[]){ sep, '\0' } : "", k->v[i].value);
		if (n < 0 || (size_t)n >= size - o)
			break;
		o += (size_t)n;
	}
}

int kvs_add(struct kvs *k, const char *key, const char *value)
{
	if (k->n >= 4096 || GROW(k->v, k->cap, k->n + 1))
		return -1;
	char *a = strdup(key), *b = strdup(value);
	if (!a || !b) {
		free(a);
		free(b);
		return -1;
	}
	k->v[k->n].key = a;
	k->v[k->n].value = b;
	k->n++;
	return 0;
}

void kvs_free(struct kvs *k)
{
	for (size_t i = 0; i < k->n; i++) {
		free(k->v[i].key);
		free(k->v[i].value);
	}
	free(k->v);
	memset(k, 0, sizeof *k);
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)(c | 0x20);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* True when s (n bytes) is UTF-8 without control characters other than
 * tab, CR and LF: what a form field may hold. */
static bool text_ok(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		unsigned char c = s[i];
		if (c < 0x80) {
			if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') ||
			    c == 0x7f)
				return false;
			i++;
			continue;
		}
		size_t len = c >= 0xF0 && c <= 0xF4 ? 4
			     : c >= 0xE0	    ? 3
			     : c >= 0xC2 && c <= 0xDF ? 2
						      : 0;
		if (!len || i + len > n)
			return false;
		for (size_t j = 1; j < len; j++)
			if ((s[i + j] & 0xC0) != 0x80)
				return false;
		i += len;
	}
	return true;
}

/* Decodes one urlencoded part (n bytes) into a new string; NULL when it
 * is badly encoded. */
static char *decode(const char *s, size_t n)
{
	char *out = malloc(n + 1);
	if (!out)
		return NULL;
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '+') {
			out[o++] = ' ';
		} else if (s[i] == '%') {
			int hi = i + 2 < n ? hexval(s[i + 1]) : -1;
			int lo = i + 2 < n ? hexval(s[i + 2]) : -1;
			if (hi < 0 || lo < 0) {
				free(out);
				return NULL;
			}
			out[o++] = (char)(hi * 16 + lo);
			i += 2;
		} else {
			out[o++] = s[i];
		}
	}
	out[o] = '\0';
	if (!text_ok((unsigned char *)out, o)) {
		free(out);
		return NULL;
	}
	return out;
}

int kvs_parse(struct kvs *k, const char *text, size_t len)
{
	size_t i = 0;
	while (i < len) {
		size_t end = i;
		while (end < len && text[end] != '&')
			end++;
		size_t eq = i;
		while (eq < end && text[eq] != '=')
			eq++;
		if (end > i) {
			char *key = decode(text + i, eq - i);
			char *val = decode(text + (eq < end ? eq + 1 : end),
					   eq < end ? end - eq - 1 : 0);
			int rc = key && val ? kvs_add(k, key, val) : -1;
			free(key);
			free(val);
			if (rc)
				return -1;
		}
		i = end + 1;
	}
	return 0;
}

void req_init(struct req *r, struct web *app)
{
	memset(r, 0, sizeof *r);
	r->app = app;
	buf_init(&r->body, REQ_BODY_MAX);
	buf_init(&r->out, REQ_PAGE_MAX);
	r->status = 200;
	r->content_type_out = "text/html; charset=utf-8";
}

void req_free(struct req *r)
{
	kvs_free(&r->query);
	kvs_free(&r->form);
	buf_free(&r->body);
	buf_free(&r->out);
}

int64_t req_arg_id(const struct req *r, size_t i)
{
	if (i >= r->nargs)
		return 0;
	const char *s = r->args[i];
	if (*s < '1' || *s > '9' || strlen(s) > 15 ||
	    strspn(s, "0123456789") != strlen(s))
		return 0;
	return strtoll(s, NULL, 10);
}

const char *req_query(const struct req *r, const char *key)
{
	const char *v = kvs_get(&r->query, key);
	return v ? v : "";
}

const char *req_form(const struct req *r, const char *key)
{
	const char *v = kvs_get(&r->form, key);
	return v ? v : "";
}

int web_redirect(struct req *r, const char *location)
{
	r->status = 303;
	snprintf(r->location, sizeof r->location, "%s", location);
	buf_reset(&r->out);
	return 0;
}

static const char *status_title(int status)
{
	switch (status) {
	case 400: return "Sorry, there is a problem with this request";
	case 401: return "Sign in to use this page";
	case 403: return "You do not have permission to see this page";
	case 404: return "Page not found";
	case 405: return "This page does not accept that request";
	case 413: return "That was too much to send at once";
	case 429: return "Too many attempts";
	default: return "Sorry, there is a problem with the service";
	}
}

int web_error(struct req *r, int status, const char *message)
{
	r->status = status;
	r->content_type_out = "text/html; charset=utf-8";
	buf_reset(&r->out);
	const char *title = status_title(status);
	page_begin(r, title, NAV_NONE);
	h_printf(&r->out,
		 "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-"
		 "two-thirds\"><h1 class=\"govuk-heading-l\">%s</h1>"
		 "<p class=\"govuk-body\">%s</p></div></div>",
		 title, message);
	page_end(r);
	return 0;
}

int web_json_error(struct req *r, int status, const char *message)
{
	r->status = status;
	r->content_type_out = "application/json";
	buf_reset(&r->out);
	buf_adds(&r->out, "{\"error\":{\"status\":");
	buf_printf(&r->out, "%d,\"message\":\"", status);
	for (const char *p = message; *p; p++) {
		if (*p == '"' || *p == '\\')
			buf_addc(&r->out, '\\');
		if ((unsigned char)*p >= 0x20)
			buf_addc(&r->out, *p);
	}
	buf_adds(&r->out, "\"}}\n");
	return 0;
}
