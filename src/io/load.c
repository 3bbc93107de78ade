/*
 * load.c - `iro load FILE.jsonl` (load.h).
 *
 * The file is read twice: first its children, so that every other record
 * can name any child in the file; then everything else in the order
 * written, so that a record can refer to one on an earlier line. Nothing
 * is held but the line being read (and children waiting for a parent
 * further down the file).
 */
#include "lib/common.h"
#include "lib/err.h"
#include "lib/xalloc.h"
#include "core/record.h"
#include "io/load.h"
#include "io/record_in.h"
#include "store/store.h"

/* A line longer than this is not a record. */
#define LINE_MAX_BYTES (1 << 20)

struct loader {
	struct store *st;
	const char *path;
	struct load_counts *c;
	struct problems *p;
	struct err *err;
	/* Children whose parent comes later in the file. */
	struct record *waiting;
	long *waiting_line;
	size_t nwaiting, wcap, lcap;
};

static void count(struct loader *l, enum put_outcome o)
{
	l->c->records++;
	if (o == PUT_ADDED)
		l->c->added++;
	else if (o == PUT_CHANGED)
		l->c->changed++;
	else if (o == PUT_SAME)
		l->c->same++;
}

static int put(struct loader *l, struct record *r, long line)
{
	size_t from = l->p->count;
	enum put_outcome o;
	int rc = store_record_put(l->st, r, &o, l->p, l->err);
	problems_locate(l->p, from, l->path, line);
	if (rc == 0)
		count(l, o);
	return rc;
}

/* A child whose parent is not in the store yet waits for it. */
static int child_line(struct loader *l, struct record *r, long line)
{
	int f = kind_field(r->kind, "parent");
	const struct value *parent = &r->v[f];
	if (parent->set) {
		int64_t id = store_child_id(l->st, parent->s, l->err);
		if (id < 0)
			return -1;
		if (id == 0) {
			if (GROW(l->waiting, l->wcap, l->nwaiting + 1) ||
			    GROW(l->waiting_line, l->lcap, l->nwaiting + 1))
				return err_set(l->err, "out of memory");
			l->waiting[l->nwaiting] = *r;
			l->waiting_line[l->nwaiting++] = line;
			record_init(r, r->kind); /* moved, not copied */
			return 0;
		}
	}
	return put(l, r, line);
}

/* Puts the waiting children whose parents have arrived, until none move;
 * the rest are put anyway, to be refused for naming no child. */
static int put_waiting(struct loader *l)
{
	bool moved = true;
	while (moved && l->nwaiting) {
		moved = false;
		for (size_t i = 0; i < l->nwaiting; i++) {
			struct record *r = &l->waiting[i];
			int f = kind_field(r->kind, "parent");
			int64_t id = store_child_id(l->st, r->v[f].s, l->err);
			if (id < 0)
				return -1;
			if (id == 0)
				continue;
			int rc = put(l, r, l->waiting_line[i]);
			record_clear(r);
			l->waiting[i] = l->waiting[--l->nwaiting];
			l->waiting_line[i] = l->waiting_line[l->nwaiting];
			i--;
			moved = true;
			if (rc)
				return -1;
		}
	}
	for (size_t i = 0; i < l->nwaiting; i++) {
		int rc = put(l, &l->waiting[i], l->waiting_line[i]);
		record_clear(&l->waiting[i]);
		if (rc)
			return -1;
	}
	l->nwaiting = 0;
	return 0;
}

static bool blank(const char *s)
{
	while (*s && isspace((unsigned char)*s))
		s++;
	return *s == '\0';
}

/* One pass over the file: children (pass 1) or the rest (pass 2). */
static int pass(struct loader *l, FILE *f, bool children)
{
	char *line = NULL;
	size_t cap = 0;
	long n = 0;
	ssize_t len;
	int rc = 0;
	while (rc == 0 && l->p->errors < LOAD_MAX_ERRORS &&
	       (len = getline(&line, &cap, f)) >= 0) {
		n++;
		size_t from = l->p->count;
		if (n == 1 && len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) {
			if (children)
				problem_add(l->p, false, l->path, 1, NULL, NULL,
					    "the file starts with a byte-order "
					    "mark: save it as UTF-8 without one");
			break;
		}
		if (len > LINE_MAX_BYTES) {
			if (children)
				problem_add(l->p, false, l->path, n, NULL, NULL,
					    "the line is longer than %d bytes",
					    LINE_MAX_BYTES);
			continue;
		}
		if (blank(line))
			continue;
		json_error_t je;
		json_t *obj = json_loadb(line, (size_t)len, JSON_REJECT_DUPLICATES,
					 &je);
		if (!obj) {
			if (children)
				problem_add(l->p, false, l->path, n, NULL, NULL,
					    "not JSON: %s (column %d)", je.text,
					    je.column);
			continue;
		}
		const json_t *type = json_object_get(obj, "type");
		bool is_child = json_is_string(type) &&
				strcmp(json_string_value(type), "child") == 0;
		if (is_child == children) {
			struct record r;
			if (record_from_json(&r, obj, l->p) == 0)
				rc = children ? child_line(l, &r, n)
					      : put(l, &r, n);
			problems_locate(l->p, from, l->path, n);
			record_clear(&r);
		}
		json_decref(obj);
	}
	free(line);
	if (rc == 0 && ferror(f))
		rc = err_set(l->err, "%s: %s", l->path, strerror(errno));
	return rc;
}

int load_jsonl(struct store *st, const char *path, struct load_counts *c,
	       struct problems *p, struct err *err)
{
	memset(c, 0, sizeof *c);
	FILE *f = fopen(path, "r");
	if (!f)
		return err_set(err, "%s: %s", path, strerror(errno));
	struct loader l = { .st = st, .path = path, .c = c, .p = p,
			    .err = err };
	/* A service's records are checked against the DfE's rules as a
	 * return (iro validate), not record by record as they load. */
	store_set_dfe_warnings(st, false);
	int rc = pass(&l, f, true);
	if (rc == 0)
		rc = put_waiting(&l);
	if (rc == 0 && p->errors == 0) {
		rewind(f);
		rc = pass(&l, f, false);
	}
	if (p->errors >= LOAD_MAX_ERRORS)
		problem_add(p, false, path, 0, NULL, NULL,
			    "stopped after %d errors", LOAD_MAX_ERRORS);
	for (size_t i = 0; i < l.nwaiting; i++)
		record_clear(&l.waiting[i]);
	free(l.waiting);
	free(l.waiting_line);
	fclose(f);
	store_set_dfe_warnings(st, true);
	return rc;
}
