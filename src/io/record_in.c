/*
 * record_in.c - a record from a JSON object (docs/records.md), each value
 * checked as its field's type says, every problem named by key.
 */
#include "lib/common.h"
#include "core/record.h"
#include "io/record_in.h"

static void bad(struct problems *p, const char *key, const char *value,
		const char *why)
{
	problem_add(p, false, NULL, 0, key, value, "%s", why);
}

static const char *json_kind_name(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: return "an object";
	case JSON_ARRAY: return "a list";
	case JSON_STRING: return "text";
	case JSON_INTEGER:
	case JSON_REAL: return "a number";
	case JSON_TRUE:
	case JSON_FALSE: return "true or false";
	default: return "null";
	}
}

static void wrong_type(struct problems *p, const char *key, const json_t *v,
		       const char *want)
{
	char why[96];
	snprintf(why, sizeof why, "is %s; it should be %s",
		 json_kind_name(v), want);
	bad(p, key, NULL, why);
}

static void set_field(struct record *r, size_t i, const json_t *v,
		      struct problems *p)
{
	const struct field *f = &r->kind->fields[i];
	char why[1200];
	switch (f->type) {
	case FT_BOOL:
		if (!json_is_boolean(v))
			return wrong_type(p, f->name, v, "true or false");
		record_set_int(r, i, json_is_true(v));
		return;
	case FT_INT:
	case FT_REF:
		if (!json_is_integer(v) || json_integer_value(v) < 1)
			return wrong_type(p, f->name, v,
					  "a whole number from 1");
		record_set_int(r, i, json_integer_value(v));
		return;
	case FT_NUMBER:
		if (!json_is_number(v))
			return wrong_type(p, f->name, v, "a number");
		record_set_number(r, i, json_number_value(v));
		return;
	default:
		if (!json_is_string(v))
			return wrong_type(p, f->name, v, "text");
		if (record_parse_value(r, i, json_string_value(v), why,
				       sizeof why))
			bad(p, f->name, json_string_value(v), why);
	}
}

static void read_list(struct record *r, size_t l, const json_t *arr,
		      struct problems *p)
{
	const char *key = r->kind->lists[l]->list_key;
	if (!json_is_array(arr))
		return wrong_type(p, key, arr, "a list");
	size_t i;
	const json_t *item;
	json_array_foreach(arr, i, item)
	{
		struct record *sub = record_list_add(r, l);
		if (!sub) {
			p->out_of_memory = true;
			return;
		}
		if (!json_is_object(item)) {
			wrong_type(p, key, item, "an object");
			continue;
		}
		record_from_object(sub, item, false, p);
	}
}

void record_from_object(struct record *r, const json_t *obj, bool top,
			struct problems *p)
{
	const char *key;
	const json_t *v;
	json_object_foreach((json_t *)obj, key, v)
	{
		if (top && strcmp(key, "type") == 0)
			continue;
		if (top && strcmp(key, "id") == 0 && r->kind->has_id) {
			if (!json_is_integer(v) || json_integer_value(v) < 1)
				wrong_type(p, "id", v, "a whole number from 1");
			else
				r->id = json_integer_value(v);
			continue;
		}
		int f = kind_field(r->kind, key);
		int l = kind_list(r->kind, key);
		if (f >= 0 && !json_is_null(v))
			set_field(r, (size_t)f, v, p);
		else if (l >= 0 && !json_is_null(v))
			read_list(r, (size_t)l, v, p);
		else if (f < 0 && l < 0)
			bad(p, key, NULL, r->kind->has_id || !top
					? "is not a field of this kind of record"
					: "is not a field of this kind of "
					  "record (and it has no id)");
	}
}

int record_from_json(struct record *r, const json_t *obj, struct problems *p)
{
	if (!json_is_object(obj)) {
		bad(p, NULL, NULL, "a line is a JSON object");
		return -1;
	}
	const json_t *type = json_object_get(obj, "type");
	if (!json_is_string(type)) {
		bad(p, "type", NULL,
		    "is needed: it names the kind of record (docs/records.md)");
		return -1;
	}
	const struct kind *k = kind_find(json_string_value(type));
	if (!k) {
		bad(p, "type", json_string_value(type),
		    "is not a kind of record iro keeps");
		return -1;
	}
	record_init(r, k);
	size_t errors = p->errors;
	record_from_object(r, obj, true, p);
	return p->errors > errors ? -1 : 0;
}
