/*
 * report_public.c - the public version of a report: small numbers
 * suppressed in every table (spec §4 "Public versions").
 */
#include "lib/common.h"
#include "core/report.h"
#include "core/suppress.h"

/* Suppresses one table: counts from 1 to threshold, and rates whose
 * numerator or denominator is one; then whatever the totals would reveal,
 * among the counts and among each rate's numerators and denominators,
 * until neither adds a cell. Values (means, FTE) are not counts of
 * children and are shown. */
static int table_public(struct rtable *t, long threshold)
{
	size_t n = t->nrows * t->ncols;
	if (n == 0)
		return 0;
	long *vn = calloc(n, sizeof *vn), *vd = calloc(n, sizeof *vd);
	bool *sup = calloc(n, sizeof *sup);
	int rc = -1;
	if (!vn || !vd || !sup)
		goto done;
	for (size_t i = 0; i < n; i++) {
		const struct rcell *c = &t->cells[i];
		if (c->kind == RCELL_COUNT || c->kind == RCELL_RATE)
			vn[i] = c->n;
		if (c->kind == RCELL_RATE)
			vd[i] = c->d;
		sup[i] = (c->kind == RCELL_COUNT || c->kind == RCELL_RATE) &&
			 ((c->n >= 1 && c->n <= threshold) ||
			  (c->kind == RCELL_RATE && c->d >= 1 &&
			   c->d <= threshold));
	}
	for (int added = 1; added > 0;) {
		int a = suppress_secondary(vn, t->nrows, t->ncols, t->total_row,
					   t->total_col, sup);
		int b = suppress_secondary(vd, t->nrows, t->ncols, t->total_row,
					   t->total_col, sup);
		if (a < 0 || b < 0)
			goto done;
		added = a + b;
	}
	for (size_t i = 0; i < n; i++)
		t->cells[i].c = sup[i];
	rc = 0;
done:
	free(vn);
	free(vd);
	free(sup);
	return rc;
}

int report_make_public(struct report *r, long threshold)
{
	r->is_public = true;
	r->threshold = threshold;
	for (size_t i = 0; i < r->ntables; i++)
		if (table_public(&r->tables[i], threshold))
			return -1;
	return 0;
}
