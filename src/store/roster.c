/*
 * roster.c - the service's IROs (roster.h), read as records.
 */
#include "lib/common.h"
#include "lib/err.h"
#include "lib/xalloc.h"
#include "core/date.h"
#include "core/record.h"
#include "store/store.h"
#include "store/roster.h"

static int add(void *ctx, const struct record *r)
{
	struct roster *ro = ctx;
	if (GROW(ro->v, ro->cap, ro->n + 1))
		return -1;
	struct roster_iro *i = &ro->v[ro->n];
	memset(i, 0, sizeof *i);
	snprintf(i->name, sizeof i->name, "%s", record_get(r, "name")->s);
	if (record_get(r, "team")->set)
		snprintf(i->team, sizeof i->team, "%s", record_get(r, "team")->s);
	const struct value *end = record_get(r, "end");
	i->w.id = r->id;
	i->w.start = (int32_t)record_get(r, "start")->i;
	i->w.end = end->set ? (int32_t)end->i : DATE_NONE;
	const struct record_list *fl = &r->lists[kind_list(r->kind, "fte")];
	if (fl->count && !(i->fte = calloc(fl->count, sizeof *i->fte)))
		return -1;
	for (size_t k = 0; k < fl->count; k++) {
		i->fte[k].from = (int32_t)record_get(&fl->items[k], "from")->i;
		i->fte[k].fte = record_get(&fl->items[k], "fte")->n;
	}
	i->w.fte = i->fte;
	i->w.nfte = fl->count;
	ro->n++;
	return 0;
}

static int by_from(const void *a, const void *b)
{
	const struct wl_fte *x = a, *y = b;
	return (x->from > y->from) - (x->from < y->from);
}

int roster_load(struct store *st, struct roster *r, struct err *err)
{
	memset(r, 0, sizeof *r);
	if (store_record_each(st, &KIND_IRO, add, r, err)) {
		if (!err->msg[0])
			err_set(err, "out of memory");
		return -1;
	}
	for (size_t i = 0; i < r->n; i++)
		if (r->v[i].w.nfte)
			qsort(r->v[i].fte, r->v[i].w.nfte, sizeof *r->v[i].fte,
			      by_from);
	return 0;
}

void roster_free(struct roster *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->v[i].fte);
	free(r->v);
	memset(r, 0, sizeof *r);
}

const struct roster_iro *roster_find(const struct roster *r, int64_t id)
{
	size_t lo = 0, hi = r->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (r->v[mid].w.id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < r->n && r->v[lo].w.id == id ? &r->v[lo] : NULL;
}

const struct roster_iro *roster_by_name(const struct roster *r,
					const char *name)
{
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->v[i].name, name) == 0)
			return &r->v[i];
	return NULL;
}
