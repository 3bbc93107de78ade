#include "lib/common.h"
#include <jansson.h>

#include "lib/natsort.h"
#include "lib/xalloc.h"
#include "io/table.h"

void table_init(struct table *t, const struct table_column *cols, size_t ncols)
{
	memset(t, 0, sizeof *t);
	t->cols = cols;
	t->ncols = ncols;
	buf_init(&t->text, (size_t)1 << 34);
}

void table_free(struct table *t)
{
	buf_free(&t->text);
	free(t->offsets);
	t->offsets = NULL;
	t->nrows = t->cap = 0;
}

int table_add_row(struct table *t, const char *const *cells)
{
	if (GROW(t->offsets, t->cap, (t->nrows + 1) * t->ncols)) {
		t->failed = true;
		return -1;
	}
	for (size_t c = 0; c < t->ncols; c++) {
		t->offsets[t->nrows * t->ncols + c] = t->text.len;
		const char *s = cells[c] ? cells[c] : "";
		if (buf_add(&t->text, s, strlen(s) + 1)) {
			t->failed = true;
			return -1;
		}
	}
	t->nrows++;
	return 0;
}

const char *table_cell(const struct table *t, size_t row, size_t col)
{
	return t->text.data + t->offsets[row * t->ncols + col];
}

static int cmp_rows(const struct table *t, size_t a, size_t b,
		    const size_t *by, size_t nby)
{
	for (size_t i = 0; i < nby; i++) {
		const char *x = table_cell(t, a, by[i]);
		const char *y = table_cell(t, b, by[i]);
		int c = natcmp(x, strlen(x), y, strlen(y));
		if (c)
			return c;
	}
	return 0;
}

/* Merge sort of row numbers (qsort has no context argument and is not
 * stable). */
static void merge_sort(const struct table *t, size_t *idx, size_t *tmp,
		       size_t n, const size_t *by, size_t nby)
{
	if (n < 2)
		return;
	size_t h = n / 2;
	merge_sort(t, idx, tmp, h, by, nby);
	merge_sort(t, idx + h, tmp, n - h, by, nby);
	size_t i = 0, j = h, k = 0;
	while (i < h && j < n)
		tmp[k++] = cmp_rows(t, idx[j], idx[i], by, nby) < 0 ? idx[j++]
								     : idx[i++];
	while (i < h)
		tmp[k++] = idx[i++];
	while (j < n)
		tmp[k++] = idx[j++];
	memcpy(idx, tmp, n * sizeof *idx);
}

int table_sort(struct table *t, const size_t *by, size_t nby)
{
	if (t->nrows < 2)
		return 0;
	size_t *idx = malloc(t->nrows * sizeof *idx);
	size_t *tmp = malloc(t->nrows * sizeof *tmp);
	size_t *offs = malloc(t->nrows * t->ncols * sizeof *offs);
	if (!idx || !tmp || !offs) {
		free(idx);
		free(tmp);
		free(offs);
		return -1;
	}
	for (size_t r = 0; r < t->nrows; r++)
		idx[r] = r;
	merge_sort(t, idx, tmp, t->nrows, by, nby);
	for (size_t r = 0; r < t->nrows; r++)
		memcpy(offs + r * t->ncols, t->offsets + idx[r] * t->ncols,
		       t->ncols * sizeof *offs);
	memcpy(t->offsets, offs, t->nrows * t->ncols * sizeof *offs);
	free(idx);
	free(tmp);
	free(offs);
	return 0;
}

int table_format_parse(const char *s)
{
	if (strcmp(s, "text") == 0)
		return FORMAT_TEXT;
	if (strcmp(s, "csv") == 0)
		return FORMAT_CSV;
	if (strcmp(s, "json") == 0)
		return FORMAT_JSON;
	return -1;
}

/* Display width of UTF-8 text: code points, which is right for the
 * Latin, Greek and Cyrillic names iro shows. */
static size_t width(const char *s)
{
	size_t w = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			w++;
	return w;
}

static void pad(FILE *out, size_t n)
{
	while (n--)
		fputc(' ', out);
}

static int write_text(const struct table *t, FILE *out)
{
	size_t w[64] = { 0 };
	size_t nc = t->ncols < 64 ? t->ncols : 64;
	for (size_t c = 0; c < nc; c++) {
		w[c] = width(t->cols[c].name);
		for (size_t r = 0; r < t->nrows; r++) {
			size_t cw = width(table_cell(t, r, c));
			if (cw > w[c])
				w[c] = cw;
		}
	}
	for (size_t r = 0; r <= t->nrows; r++) {
		for (size_t c = 0; c < nc; c++) {
			const char *s = r == 0 ? t->cols[c].name
					       : table_cell(t, r - 1, c);
			size_t sw = width(s);
			bool right = t->cols[c].kind == CELL_NUMBER;
			if (c)
				fputs("  ", out);
			if (right)
				pad(out, w[c] - sw);
			fputs(s, out);
			if (!right && c + 1 < nc)
				pad(out, w[c] - sw);
		}
		fputc('\n', out);
		if (r == 0) {
			for (size_t c = 0; c < nc; c++) {
				if (c)
					fputs("  ", out);
				for (size_t i = 0; i < w[c]; i++)
					fputc('-', out);
			}
			fputc('\n', out);
		}
	}
	return ferror(out) ? -1 : 0;
}

bool table_formula_like(const char *s)
{
	return s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' ||
	       s[0] == '\t' || s[0] == '\r';
}

static void csv_cell(FILE *out, const char *s, enum cell_kind kind)
{
	bool formula = kind == CELL_TEXT && table_formula_like(s);
	bool quote = formula || strpbrk(s, ",\"\r\n") != NULL;
	if (!quote) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	if (formula)
		fputc('\'', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

void table_csv_cell(FILE *out, const char *s, enum cell_kind kind)
{
	csv_cell(out, s ? s : "", kind);
}

static int write_csv(const struct table *t, FILE *out)
{
	for (size_t c = 0; c < t->ncols; c++) {
		if (c)
			fputc(',', out);
		csv_cell(out, t->cols[c].name, CELL_DATE);
	}
	fputc('\n', out); /* LF line ends, as Unix tools expect */
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			if (c)
				fputc(',', out);
			csv_cell(out, table_cell(t, r, c), t->cols[c].kind);
		}
		fputc('\n', out);
	}
	return ferror(out) ? -1 : 0;
}

static int write_json(const struct table *t, FILE *out)
{
	json_t *rows = json_array();
	if (!rows)
		return -1;
	for (size_t r = 0; r < t->nrows; r++) {
		json_t *o = json_object();
		if (!o || json_array_append_new(rows, o)) {
			json_decref(rows);
			return -1;
		}
		for (size_t c = 0; c < t->ncols; c++) {
			const char *s = table_cell(t, r, c);
			json_t *v;
			if (!s[0])
				v = json_null();
			else if (t->cols[c].kind == CELL_NUMBER)
				v = strchr(s, '.') ? json_real(strtod(s, NULL))
						   : json_integer(strtoll(s, NULL, 10));
			else
				v = json_string(s);
			if (!v || json_object_set_new(o, t->cols[c].name, v)) {
				json_decref(rows);
				return -1;
			}
		}
	}
	int rc = json_dumpf(rows, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fputc('\n', out);
	json_decref(rows);
	return rc || ferror(out) ? -1 : 0;
}

int table_write(const struct table *t, enum table_format f, FILE *out)
{
	if (t->failed)
		return -1;
	switch (f) {
	case FORMAT_CSV:
		return write_csv(t, out);
	case FORMAT_JSON:
		return write_json(t, out);
	default:
		return write_text(t, out);
	}
}
