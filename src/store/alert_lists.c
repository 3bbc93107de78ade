/*
 * alert_lists.c - what every count of alerts reads beside the alerts: the
 * ladders they name (each read once) and the authority's lists of teams
 * and themes, so that one with no alerts is still a row. Used by `iro
 * alert list` and by the report.
 */
#include "lib/common.h"
#include "lib/err.h"
#include "core/alert_measures.h"
#include "core/record.h"
#include "store/store_int.h"

const struct ladder *store_ladder_cached(struct ladder_cache *c,
					 struct store *st, const char *key,
					 struct err *err)
{
	if (!key)
		return NULL;
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->v[i].key, key) == 0)
			return &c->v[i];
	if (c->n == LADDERS_CACHED)
		return NULL; /* counted without stage names */
	struct ladder *l = &c->v[c->n];
	if (store_ladder(st, key, false, l, err) <= 0)
		return NULL;
	c->n++;
	return l;
}

struct listed {
	struct alert_counts *c;
	long order;
};

static int add_listed(void *vctx, const struct record *r)
{
	struct listed *l = vctx;
	if (!record_get(r, "active")->i)
		return 0;
	return alert_counts_ensure(l->c, record_get(r, "name")->s, l->order++);
}

int store_listed_rows(struct store *st, const struct kind *k,
		      struct alert_counts *c, struct err *err)
{
	struct listed l = { c, 0 };
	return store_record_each(st, k, add_listed, &l, err);
}
