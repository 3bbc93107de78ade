/*
 * rtable.c - a report as data (rtable.h): building its sections, tables
 * and headlines, and a cell as text.
 */
#include "lib/common.h"
#include "lib/xalloc.h"
#include "core/rtable.h"

static char *text_dup(const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s) + 1;
	char *p = malloc(n);
	if (p)
		memcpy(p, s, n);
	return p;
}

void report_init(struct report *r)
{
	memset(r, 0, sizeof *r);
	r->threshold = 5;
}

static void labels_free(char **l, size_t n)
{
	if (!l)
		return;
	for (size_t i = 0; i < n; i++)
		free(l[i]);
	free(l);
}

static void table_free_parts(struct rtable *t)
{
	free(t->key);
	free(t->title);
	free(t->note);
	free(t->seeds);
	free(t->corner);
	labels_free(t->rows, t->nrows);
	labels_free(t->cols, t->ncols);
	free(t->cells);
}

void report_free(struct report *r)
{
	for (size_t i = 0; i < r->ntables; i++)
		table_free_parts(&r->tables[i]);
	free(r->tables);
	for (size_t i = 0; i < r->nsections; i++) {
		free(r->sections[i].title);
		free(r->sections[i].narrative);
	}
	free(r->sections);
	for (size_t i = 0; i < r->nheadlines; i++)
		free(r->headlines[i].label);
	free(r->headlines);
	free(r->title);
	free(r->authority);
	free(r->period);
	memset(r, 0, sizeof *r);
}

int report_section(struct report *r, const char *title)
{
	if (GROW(r->sections, r->scap, r->nsections + 1))
		return -1;
	char *t = text_dup(title);
	if (!t)
		return -1;
	r->sections[r->nsections++] = (struct rsection){
		.title = t,
		.first = r->ntables,
	};
	return 0;
}

int report_narrative(struct report *r, const char *text)
{
	if (!r->nsections)
		return -1;
	char *t = text_dup(text);
	if (!t)
		return -1;
	struct rsection *s = &r->sections[r->nsections - 1];
	free(s->narrative);
	s->narrative = t;
	return 0;
}

int report_headline(struct report *r, const char *label, struct rcell now,
		    struct rcell before)
{
	if (GROW(r->headlines, r->hcap, r->nheadlines + 1))
		return -1;
	char *l = text_dup(label);
	if (!l)
		return -1;
	r->headlines[r->nheadlines++] = (struct rheadline){
		.label = l,
		.now = now,
		.before = before,
	};
	return 0;
}

static char **labels_dup(const char *const *src, size_t n)
{
	char **l = calloc(n ? n : 1, sizeof *l);
	if (!l)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		if (!(l[i] = text_dup(src[i] ? src[i] : ""))) {
			labels_free(l, i);
			return NULL;
		}
	}
	return l;
}

struct rtable *report_table(struct report *r, const char *key,
			    const char *title, const char *corner,
			    const char *const *rows, size_t nrows,
			    const char *const *cols, size_t ncols)
{
	if (GROW(r->tables, r->tcap, r->ntables + 1))
		return NULL;
	struct rtable t = {
		.key = text_dup(key),
		.title = text_dup(title),
		.corner = text_dup(corner ? corner : ""),
		.nrows = nrows,
		.ncols = ncols,
		.rows = labels_dup(rows, nrows),
		.cols = labels_dup(cols, ncols),
		.cells = calloc(nrows && ncols ? nrows * ncols : 1,
				sizeof(struct rcell)),
		.total_row = -1,
		.total_col = -1,
		.decimals = 1,
	};
	if (!t.key || !t.title || !t.corner || !t.rows || !t.cols ||
	    !t.cells) {
		table_free_parts(&t);
		return NULL;
	}
	r->tables[r->ntables] = t;
	if (r->nsections)
		r->sections[r->nsections - 1].count++;
	return &r->tables[r->ntables++];
}

static int set_text(char **field, const char *s)
{
	char *p = text_dup(s);
	if (s && !p)
		return -1;
	free(*field);
	*field = p;
	return 0;
}

int rtable_note(struct rtable *t, const char *note)
{
	return set_text(&t->note, note);
}

int rtable_seeds(struct rtable *t, const char *seeds)
{
	return set_text(&t->seeds, seeds);
}

struct rcell *rtable_cell(struct rtable *t, size_t row, size_t col)
{
	return &t->cells[row * t->ncols + col];
}

const struct rcell *rtable_cell_c(const struct rtable *t, size_t row,
				  size_t col)
{
	return &t->cells[row * t->ncols + col];
}

bool rcell_percent(const struct rcell *c, double *pct)
{
	if (c->kind != RCELL_RATE || c->d == 0)
		return false;
	*pct = 100.0 * (double)c->n / (double)c->d;
	return true;
}

/* n with thousands separated by commas, as a council's report prints it. */
static void thousands(long n, char *out, size_t size)
{
	char digits[32];
	snprintf(digits, sizeof digits, "%ld", n < 0 ? -n : n);
	size_t len = strlen(digits), o = 0;
	if (n < 0 && o + 1 < size)
		out[o++] = '-';
	for (size_t i = 0; i < len && o + 1 < size; i++) {
		if (i && (len - i) % 3 == 0 && o + 2 < size)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	out[o] = '\0';
}

const char *rcell_format(const struct rcell *c, int decimals, bool with_counts,
			 char *out, size_t size)
{
	char a[32], b[32];
	double pct;
	if (size == 0)
		return out;
	out[0] = '\0';
	if (c->c) {
		snprintf(out, size, "c");
		return out;
	}
	switch (c->kind) {
	case RCELL_NONE:
		break;
	case RCELL_COUNT:
		thousands(c->n, out, size);
		break;
	case RCELL_RATE:
		if (!rcell_percent(c, &pct)) {
			snprintf(out, size, with_counts ? "- (0 of 0)" : "-");
			break;
		}
		thousands(c->n, a, sizeof a);
		thousands(c->d, b, sizeof b);
		if (with_counts)
			snprintf(out, size, "%.1f%% (%s of %s)", pct, a, b);
		else
			snprintf(out, size, "%.1f%%", pct);
		break;
	case RCELL_VALUE:
		snprintf(out, size, "%.*f", decimals, c->v);
		break;
	}
	return out;
}
