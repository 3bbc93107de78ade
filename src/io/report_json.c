/*
 * report_json.c - the report as JSON (report_json.h; the keys are
 * documented in docs/report-json.md and do not change).
 */
#include "lib/common.h"
#include <jansson.h>

#include "core/codes.h"
#include "core/date.h"
#include "core/suppress.h"
#include "io/report_json.h"

/* Builds objects for one period; `sup` holds the public version's
 * threshold (0: not public). */
struct jb {
	long threshold;
	bool failed;
};

static json_t *num(struct jb *j, long n)
{
	if (j->threshold > 0 && n >= 1 && n <= j->threshold)
		return json_string("c");
	return json_integer(n);
}

static void put(struct jb *j, json_t *o, const char *key, json_t *v)
{
	if (!v || json_object_set_new(o, key, v))
		j->failed = true;
}

/* A group of counts that add up to `total` (a map plus its total): in a
 * public version, small counts and whatever would reveal them are "c". */
static json_t *count_map(struct jb *j, const char *const *keys,
			 const long *vals, size_t n, long total,
			 bool keep_zero, json_t **total_out)
{
	bool sup[MSR_MAX_CODES + 2] = { false };
	long v[MSR_MAX_CODES + 2];
	size_t k = n < MSR_MAX_CODES + 1 ? n : MSR_MAX_CODES + 1;
	for (size_t i = 0; i < k; i++)
		v[i] = vals[i];
	v[k] = total;
	if (j->threshold > 0) {
		suppress_primary(v, k + 1, j->threshold, sup);
		if (suppress_secondary(v, k + 1, 1, (int)k, -1, sup) < 0)
			j->failed = true;
	}
	json_t *o = json_object();
	for (size_t i = 0; o && i < k; i++) {
		if (!keys[i] || (!keep_zero && v[i] == 0))
			continue;
		put(j, o, keys[i], sup[i] ? json_string("c") : json_integer(v[i]));
	}
	if (total_out)
		*total_out = sup[k] ? json_string("c") : json_integer(total);
	return o;
}

static json_t *code_map(struct jb *j, const struct code_list *l,
			const long *vals, long total)
{
	const char *keys[MSR_MAX_CODES + 1];
	size_t n = l->count < MSR_MAX_CODES ? l->count : MSR_MAX_CODES;
	for (size_t i = 0; i < n; i++)
		keys[i] = l->codes[i].code;
	keys[n] = "not_known";
	return count_map(j, keys, vals, n + 1, total, true, NULL);
}

static json_t *num_den(struct jb *j, long n, long d)
{
	json_t *o = json_object();
	if (o) {
		put(j, o, "num", num(j, n));
		put(j, o, "den", num(j, d));
	}
	return o;
}

static json_t *period_of(const struct msr_period *w)
{
	char a[DATE_ISO_LEN + 1], b[DATE_ISO_LEN + 1];
	date_format_iso(w->from, a);
	date_format_iso(w->to, b);
	return json_pack("{s:s, s:s}", "from", a, "to", b);
}

static json_t *reviews_of(struct jb *j, const struct msr_period *w)
{
	const struct timeliness *t = &w->tml;
	static const char *const seq[] = { "first", "second", "subsequent" };
	json_t *o = json_object(), *by = json_object();
	/* held and in_time: each a group of the three sequences. */
	bool sh[4] = { false }, si[4] = { false };
	long h[4], it[4];
	for (int s = 0; s < 4; s++) {
		h[s] = t->held[s];
		it[s] = t->in_time[s];
	}
	if (j->threshold > 0) {
		suppress_primary(h, 4, j->threshold, sh);
		suppress_primary(it, 4, j->threshold, si);
		if (suppress_secondary(h, 4, 1, 3, -1, sh) < 0 ||
		    suppress_secondary(it, 4, 1, 3, -1, si) < 0)
			j->failed = true;
	}
#define SUPN(flag, v) ((flag) ? json_string("c") : json_integer(v))
	put(j, o, "held", SUPN(sh[3], h[3]));
	put(j, o, "in_time", SUPN(si[3], it[3]));
	for (int s = 0; s < 3; s++) {
		json_t *x = json_object();
		put(j, x, "held", SUPN(sh[s], h[s]));
		put(j, x, "in_time", SUPN(si[s], it[s]));
		put(j, by, seq[s], x);
	}
#undef SUPN
	put(j, o, "by_sequence", by);
	put(j, o, "overdue_at_end", num(j, t->overdue_at_end));
	put(j, o, "overdue_apart_at_end", num(j, t->overdue_apart_at_end));
	put(j, o, "children", num_den(j, t->children_all_in_time,
				      t->children_with_due));
	put(j, o, "short_break_held", num(j, w->held_by_kind[RK_SHORT_BREAK]));
	put(j, o, "adoption_held", num(j, w->held_by_kind[RK_ADOPTION]));
	put(j, o, "pathway_plan_held", num(j, w->held_by_kind[RK_PATHWAY]));
	return o;
}

static json_t *participation_of(struct jb *j, const struct msr_period *w)
{
	static const char *const keys[] = { "PN0", "PN1", "PN2", "PN3",
					    "PN4", "PN5", "PN6", "PN7" };
	long total = 0, den = 0;
	for (int c = 0; c < 8; c++)
		total += w->pn[c];
	for (int c = 1; c < 8; c++)
		den += w->pn[c];
	json_t *o = json_object();
	put(j, o, "codes", count_map(j, keys, w->pn, 8, total, true, NULL));
	/* Reviews held with no code are in no key of `codes`. */
	put(j, o, "not_recorded", num(j, w->pn_blank));
	put(j, o, "attendance",
	    num_den(j, w->pn[1] + w->pn[2] + w->pn[3] + w->pn[4], den));
	put(j, o, "participation",
	    num_den(j, w->pn[1] + w->pn[2] + w->pn[3] + w->pn[5] + w->pn[6],
		    den));
	return o;
}

static json_t *population_of(struct jb *j, const struct msr_period *w)
{
	const struct msr_population *p = &w->pop;
	json_t *o = json_object(), *total = NULL;
	static const char *const sex_keys[SEX_COUNT] = { "1", "2", "not_known" };
	put(j, o, "by_age_band",
	    count_map(j, MSR_AGE_BAND_KEYS, p->by_age, AGE_COUNT, p->at_end,
		      true, &total));
	put(j, o, "at_end", total);
	put(j, o, "by_sex",
	    count_map(j, sex_keys, p->by_sex, SEX_COUNT, p->at_end, true, NULL));
	put(j, o, "by_legal_status", code_map(j, &CODES_LS, p->by_ls, p->at_end));
	put(j, o, "by_placement",
	    code_map(j, &CODES_PLACE, p->by_place, p->at_end));
	put(j, o, "by_ethnicity",
	    code_map(j, &CODES_ETHNIC, p->by_ethnic, p->at_end));
	put(j, o, "uasc", num(j, p->uasc));
	put(j, o, "short_breaks_at_end", num(j, p->short_breaks_at_end));
	put(j, o, "ceased_by_reason",
	    code_map(j, &CODES_REC, p->ceased_by_rec, p->ceased));
	put(j, o, "started", num(j, p->started));
	put(j, o, "ceased", num(j, p->ceased));
	return o;
}

static json_t *measures_of(struct jb *j, const struct msr_period *w)
{
	json_t *o = json_object();
	put(j, o, "period", period_of(w));
	put(j, o, "reviews", reviews_of(j, w));
	put(j, o, "participation", participation_of(j, w));
	put(j, o, "population", population_of(j, w));
	put(j, o, "recommendations",
	    json_pack("{s:o, s:o, s:o, s:o}", "made", num(j, w->recs.made),
		      "achieved_by_next_review",
		      num(j, w->recs.achieved_by_next), "childs_own",
		      num(j, w->recs.childs_own), "overdue_at_end",
		      num(j, w->recs.overdue_at_end)));
	return o;
}

/* ---- Tables ------------------------------------------------------------------ */

static json_t *cell_json(const struct rcell *c)
{
	if (c->c)
		return json_string("c");
	switch (c->kind) {
	case RCELL_COUNT:
		return json_integer(c->n);
	case RCELL_RATE:
		return json_pack("{s:I, s:I}", "num", (json_int_t)c->n, "den",
				 (json_int_t)c->d);
	case RCELL_VALUE:
		return json_real(c->v);
	default:
		return json_null();
	}
}

static json_t *table_json(struct jb *j, const struct rtable *t)
{
	json_t *cols = json_array(), *rows = json_array();
	for (size_t c = 0; c < t->ncols; c++)
		if (json_array_append_new(cols, json_string(t->cols[c])))
			j->failed = true;
	for (size_t r = 0; r < t->nrows; r++) {
		json_t *cells = json_array();
		for (size_t c = 0; c < t->ncols; c++)
			if (json_array_append_new(cells,
						  cell_json(rtable_cell_c(t, r, c))))
				j->failed = true;
		json_t *row = json_object();
		put(j, row, "label", json_string(t->rows[r] ? t->rows[r] : ""));
		put(j, row, "cells", cells);
		if (json_array_append_new(rows, row))
			j->failed = true;
	}
	json_t *o = json_object();
	put(j, o, "key", json_string(t->key));
	put(j, o, "title", json_string(t->title));
	put(j, o, "note", t->note ? json_string(t->note) : json_null());
	put(j, o, "seeds", t->seeds ? json_string(t->seeds) : json_null());
	put(j, o, "columns", cols);
	put(j, o, "rows", rows);
	return o;
}

int report_json_write(const struct report *r, const struct measures *m,
		      size_t nperiods, FILE *out)
{
	struct jb j = { .threshold = r->is_public ? r->threshold : 0 };
	if (nperiods == 0 || nperiods > m->nw)
		return -1;
	json_t *root = measures_of(&j, &m->w[nperiods - 1]);
	char made[DATE_ISO_LEN + 1];
	date_format_iso(r->made, made);
	put(&j, root, "title", json_string(r->title));
	put(&j, root, "authority", json_string(r->authority ? r->authority : ""));
	put(&j, root, "made", json_string(made));
	put(&j, root, "public", json_boolean(r->is_public));
	if (r->is_public)
		put(&j, root, "threshold", json_integer(r->threshold));
	json_t *prev = json_array();
	for (size_t i = 0; i + 1 < nperiods; i++)
		if (json_array_append_new(prev, measures_of(&j, &m->w[i])))
			j.failed = true;
	put(&j, root, "previous", prev);
	json_t *tables = json_array();
	for (size_t i = 0; i < r->ntables; i++)
		if (json_array_append_new(tables, table_json(&j, &r->tables[i])))
			j.failed = true;
	put(&j, root, "tables", tables);
	int rc = -1;
	if (!j.failed && root &&
	    json_dumpf(root, out, JSON_INDENT(1) | JSON_PRESERVE_ORDER) == 0 &&
	    fputc('\n', out) != EOF)
		rc = 0;
	json_decref(root);
	return rc;
}
