/*
 * worklist_rows.c - the worklist as the command and the web page show it:
 * every item on a day for one IRO (their caseload and cover cases) or the
 * whole service, in the order people work through it.
 */
#include "lib/common.h"
#include "lib/err.h"
#include "lib/natsort.h"
#include "lib/xalloc.h"
#include "store/store_int.h"

struct ctx {
	const struct calendar *cal;
	const struct wl_settings *set;
	int64_t iro;
	struct wl_item *items;
	size_t icap;
	struct wl_rows *out;
};

static int each_child(void *vctx, const struct wl_child *c,
		      const char *la_child_id)
{
	struct ctx *x = vctx;
	size_t n = wl_child_items(x->cal, x->set, c, x->items, x->icap);
	if (n > x->icap) {
		if (GROW(x->items, x->icap, n))
			return -1;
		n = wl_child_items(x->cal, x->set, c, x->items, x->icap);
	}
	struct wl_rows *o = x->out;
	for (size_t i = 0; i < n; i++) {
		const struct wl_item *it = &x->items[i];
		if (x->iro && it->iro != x->iro && it->cover_iro != x->iro)
			continue;
		if (GROW(o->v, o->cap, o->n + 1))
			return -1;
		struct wl_row *r = &o->v[o->n++];
		r->item = *it;
		r->child = c->id;
		snprintf(r->la_child_id, sizeof r->la_child_id, "%s",
			 la_child_id);
		o->counts[it->kind]++;
	}
	return 0;
}

/* Overdue work first, each kind by date, then by child. */
static int by_kind_date(const void *a, const void *b)
{
	const struct wl_row *x = a, *y = b;
	if (x->item.kind != y->item.kind)
		return (int)x->item.kind - (int)y->item.kind;
	if (x->item.date != y->item.date)
		return (x->item.date > y->item.date) -
		       (x->item.date < y->item.date);
	return natcmp(x->la_child_id, strlen(x->la_child_id), y->la_child_id,
		      strlen(y->la_child_id));
}

int store_worklist(struct store *st, const struct wl_settings *s,
		   int64_t iro, struct wl_rows *out, struct err *err)
{
	memset(out, 0, sizeof *out);
	const struct calendar *cal = store_calendar(st, err);
	if (!cal)
		return -1;
	struct ctx x = { cal, s, iro, NULL, 0, out };
	int rc = store_each_worklist_child(st, s, iro, each_child, &x, err);
	free(x.items);
	if (rc) {
		if (!err->msg[0])
			err_set(err, "out of memory");
		wl_rows_free(out);
		return -1;
	}
	if (out->n) /* qsort wants an array, even of none */
		qsort(out->v, out->n, sizeof *out->v, by_kind_date);
	return 0;
}

void wl_rows_free(struct wl_rows *r)
{
	free(r->v);
	memset(r, 0, sizeof *r);
}
