/*
 * record.c - records as kinds with values (record.h): making, copying,
 * comparing, reading values from text and writing the canonical JSON.
 */
#include "lib/common.h"
#include "lib/buf.h"
#include "lib/jsonw.h"
#include "lib/xalloc.h"
#include "core/date.h"
#include "core/record.h"

/* Longest text a field holds: a recommendation or a note, not a document. */
#define TEXT_MAX 4000

const struct kind *kind_find(const char *name)
{
	for (size_t i = 0; RECORD_KINDS[i]; i++)
		if (strcmp(RECORD_KINDS[i]->name, name) == 0)
			return RECORD_KINDS[i];
	return NULL;
}

int kind_field(const struct kind *k, const char *name)
{
	for (size_t i = 0; i < k->nfields; i++)
		if (strcmp(k->fields[i].name, name) == 0)
			return (int)i;
	return -1;
}

int kind_list(const struct kind *k, const char *key)
{
	for (size_t i = 0; i < k->nlists; i++)
		if (strcmp(k->lists[i]->list_key, key) == 0)
			return (int)i;
	return -1;
}

const struct value *record_get(const struct record *r, const char *name)
{
	int i = kind_field(r->kind, name);
	return i < 0 ? NULL : &r->v[i];
}

void record_init(struct record *r, const struct kind *k)
{
	memset(r, 0, sizeof *r);
	r->kind = k;
}

void record_clear(struct record *r)
{
	const struct kind *k = r->kind;
	for (size_t i = 0; i < RECORD_MAX_FIELDS; i++)
		free(r->v[i].s);
	for (size_t l = 0; l < RECORD_MAX_LISTS; l++) {
		struct record_list *rl = &r->lists[l];
		for (size_t i = 0; i < rl->count; i++)
			record_clear(&rl->items[i]);
		free(rl->items);
	}
	record_init(r, k);
}

int record_copy(struct record *dst, const struct record *src)
{
	record_init(dst, src->kind);
	dst->id = src->id;
	for (size_t i = 0; i < src->kind->nfields; i++) {
		dst->v[i] = src->v[i];
		dst->v[i].s = NULL;
		if (src->v[i].s && !(dst->v[i].s = strdup(src->v[i].s)))
			goto fail;
	}
	for (size_t l = 0; l < src->kind->nlists; l++)
		for (size_t i = 0; i < src->lists[l].count; i++) {
			struct record *item = record_list_add(dst, l);
			if (!item || record_copy(item, &src->lists[l].items[i]))
				goto fail;
		}
	return 0;
fail:
	record_clear(dst);
	return -1;
}

struct record *record_list_add(struct record *r, size_t list)
{
	struct record_list *rl = &r->lists[list];
	if (GROW(rl->items, rl->cap, rl->count + 1))
		return NULL;
	struct record *item = &rl->items[rl->count++];
	record_init(item, r->kind->lists[list]);
	return item;
}

int record_set_text(struct record *r, size_t f, const char *s)
{
	char *copy = strdup(s);
	if (!copy)
		return -1;
	free(r->v[f].s);
	r->v[f] = (struct value){ .set = true, .s = copy };
	return 0;
}

void record_set_int(struct record *r, size_t f, int64_t i)
{
	free(r->v[f].s);
	r->v[f] = (struct value){ .set = true, .i = i };
}

void record_set_number(struct record *r, size_t f, double n)
{
	free(r->v[f].s);
	r->v[f] = (struct value){ .set = true, .n = n };
}

void record_unset(struct record *r, size_t f)
{
	free(r->v[f].s);
	r->v[f] = (struct value){ 0 };
}

static bool parse_bool(const char *s, bool *out)
{
	static const char *const YES[] = { "true", "yes", "y", "1" };
	static const char *const NO[] = { "false", "no", "n", "0" };
	for (size_t i = 0; i < ARRAY_LEN(YES); i++) {
		if (strcasecmp(s, YES[i]) == 0)
			return *out = true;
		if (strcasecmp(s, NO[i]) == 0) {
			*out = false;
			return true;
		}
	}
	return false;
}

/* "YYYY-MM-DDTHH:MM:SS.sssZ", each part in range. */
static bool is_time(const char *s)
{
	static const char FORM[] = "dddd-dd-ddTdd:dd:dd.dddZ";
	if (strlen(s) != sizeof FORM - 1)
		return false;
	for (size_t i = 0; FORM[i]; i++)
		if (FORM[i] == 'd' ? !isdigit((unsigned char)s[i])
				   : s[i] != FORM[i])
			return false;
	char day[DATE_ISO_LEN + 1];
	int32_t d;
	memcpy(day, s, DATE_ISO_LEN);
	day[DATE_ISO_LEN] = '\0';
	int hh = atoi(s + 11), mm = atoi(s + 14), ss = atoi(s + 17);
	return date_parse_iso(day, &d) == DATE_OK && hh < 24 && mm < 60 &&
	       ss < 60;
}

static int parse_code(struct record *r, size_t f, const char *text,
		      char *why, size_t whysize)
{
	const struct code_list *list = r->kind->fields[f].codes;
	if (code_find(list, text))
		return record_set_text(r, f, text);
	char all[1024];
	code_list_text(list, all, sizeof all);
	snprintf(why, whysize, "must be one of %s", all);
	return -1;
}

int record_parse_value(struct record *r, size_t f, const char *text,
		       char *why, size_t whysize)
{
	const struct field *fd = &r->kind->fields[f];
	if (strlen(text) > TEXT_MAX) {
		snprintf(why, whysize, "is longer than %d characters",
			 TEXT_MAX);
		return -1;
	}
	if (fd->type != FT_TEXT && *text == '\0') {
		snprintf(why, whysize, "is empty");
		return -1;
	}
	switch (fd->type) {
	case FT_TEXT:
	case FT_CHILD:
	case FT_IRO:
		if (*text == '\0' && (fd->flags & FF_REQUIRED)) {
			snprintf(why, whysize, "is needed");
			return -1;
		}
		return record_set_text(r, f, text);
	case FT_TIME:
		if (!is_time(text)) {
			snprintf(why, whysize,
				 "not a time: use YYYY-MM-DDTHH:MM:SS.sssZ");
			return -1;
		}
		return record_set_text(r, f, text);
	case FT_CODE:
		return parse_code(r, f, text, why, whysize);
	case FT_DATE: {
		int32_t d;
		enum date_parse rc = date_parse_iso(text, &d);
		if (rc != DATE_OK) {
			snprintf(why, whysize, "%s",
				 rc == DATE_NO_SUCH_DAY
					 ? "no such day"
					 : "not a date: use YYYY-MM-DD");
			return -1;
		}
		record_set_int(r, f, d);
		return 0;
	}
	case FT_BOOL: {
		bool b;
		if (!parse_bool(text, &b)) {
			snprintf(why, whysize, "must be yes or no");
			return -1;
		}
		record_set_int(r, f, b);
		return 0;
	}
	case FT_INT:
	case FT_REF: {
		char *end;
		errno = 0;
		long long v = strtoll(text, &end, 10);
		if (errno || *end || v < 1) {
			snprintf(why, whysize, "must be a whole number from 1");
			return -1;
		}
		record_set_int(r, f, v);
		return 0;
	}
	case FT_NUMBER: {
		char *end;
		errno = 0;
		double v = strtod(text, &end);
		if (errno || *end || !isfinite(v)) {
			snprintf(why, whysize, "must be a number");
			return -1;
		}
		record_set_number(r, f, v);
		return 0;
	}
	}
	snprintf(why, whysize, "has an unknown type");
	return -1;
}

void record_defaults(struct record *r)
{
	char why[8];
	for (size_t i = 0; i < r->kind->nfields; i++)
		if (!r->v[i].set && r->kind->fields[i].dflt)
			record_parse_value(r, i, r->kind->fields[i].dflt, why,
					   sizeof why);
	for (size_t l = 0; l < r->kind->nlists; l++)
		for (size_t i = 0; i < r->lists[l].count; i++)
			record_defaults(&r->lists[l].items[i]);
}

void record_value_text(const struct record *r, size_t f, char *out,
		       size_t size)
{
	const struct value *v = &r->v[f];
	if (!v->set) {
		snprintf(out, size, "%s", "");
		return;
	}
	switch (r->kind->fields[f].type) {
	case FT_DATE: {
		char d[DATE_ISO_LEN + 1];
		date_format_iso((int32_t)v->i, d);
		snprintf(out, size, "%s", d);
		break;
	}
	case FT_BOOL:
		snprintf(out, size, "%s", v->i ? "true" : "false");
		break;
	case FT_INT:
	case FT_REF:
		snprintf(out, size, "%" PRId64, v->i);
		break;
	case FT_NUMBER:
		/* Six significant figures: an FTE is never finer, and the
		 * text reads back to the same value, so dumps are stable. */
		snprintf(out, size, "%.6g", v->n);
		break;
	default:
		snprintf(out, size, "%s", v->s);
		break;
	}
}

static bool value_equal(const struct field *fd, const struct value *a,
			const struct value *b)
{
	if (a->set != b->set)
		return false;
	if (!a->set)
		return true;
	switch (fd->type) {
	case FT_DATE:
	case FT_BOOL:
	case FT_INT:
	case FT_REF:
		return a->i == b->i;
	case FT_NUMBER: {
		char x[32], y[32];
		snprintf(x, sizeof x, "%.6g", a->n);
		snprintf(y, sizeof y, "%.6g", b->n);
		return strcmp(x, y) == 0;
	}
	default:
		return strcmp(a->s, b->s) == 0;
	}
}

bool record_equal(const struct record *a, const struct record *b)
{
	if (a->kind != b->kind)
		return false;
	for (size_t i = 0; i < a->kind->nfields; i++)
		if (!value_equal(&a->kind->fields[i], &a->v[i], &b->v[i]))
			return false;
	for (size_t l = 0; l < a->kind->nlists; l++) {
		const struct record_list *x = &a->lists[l], *y = &b->lists[l];
		if (x->count != y->count)
			return false;
		for (size_t i = 0; i < x->count; i++)
			if (!record_equal(&x->items[i], &y->items[i]))
				return false;
	}
	return true;
}

void record_check(const struct record *r, struct problems *p)
{
	const struct kind *k = r->kind;
	for (size_t i = 0; i < k->nfields; i++)
		if ((k->fields[i].flags & FF_REQUIRED) && !r->v[i].set)
			problem_add(p, false, NULL, 0, k->fields[i].name, NULL,
				    "is needed for a %s", k->name);
	if (k->check)
		k->check(r, p);
	for (size_t l = 0; l < k->nlists; l++)
		for (size_t i = 0; i < r->lists[l].count; i++)
			record_check(&r->lists[l].items[i], p);
}

static int json_value(const struct record *r, size_t f, struct buf *b)
{
	const struct field *fd = &r->kind->fields[f];
	char text[64];
	switch (fd->type) {
	case FT_BOOL:
	case FT_INT:
	case FT_REF:
	case FT_NUMBER:
		record_value_text(r, f, text, sizeof text);
		return buf_adds(b, text);
	case FT_DATE:
		record_value_text(r, f, text, sizeof text);
		return json_add_string(b, text);
	default:
		return json_add_string(b, r->v[f].s);
	}
}

int record_json(const struct record *r, bool with_type, struct buf *b)
{
	const struct kind *k = r->kind;
	bool first = true;
	int rc = buf_addc(b, '{');
	if (with_type) {
		rc |= buf_adds(b, "\"type\":");
		rc |= json_add_string(b, k->name);
		first = false;
	}
	if (k->has_id && r->id > 0) {
		rc |= buf_printf(b, "%s\"id\":%" PRId64, first ? "" : ",",
				 r->id);
		first = false;
	}
	for (size_t i = 0; i < k->nfields; i++) {
		if (!r->v[i].set)
			continue;
		rc |= buf_adds(b, first ? "" : ",");
		rc |= json_add_string(b, k->fields[i].name);
		rc |= buf_addc(b, ':');
		rc |= json_value(r, i, b);
		first = false;
	}
	for (size_t l = 0; l < k->nlists; l++) {
		const struct record_list *rl = &r->lists[l];
		if (rl->count == 0)
			continue;
		rc |= buf_adds(b, first ? "" : ",");
		rc |= json_add_string(b, k->lists[l]->list_key);
		rc |= buf_adds(b, ":[");
		for (size_t i = 0; i < rl->count; i++) {
			rc |= buf_adds(b, i ? "," : "");
			rc |= record_json(&rl->items[i], false, b);
		}
		rc |= buf_addc(b, ']');
		first = false;
	}
	rc |= buf_addc(b, '}');
	return rc ? -1 : 0;
}
