/*
 * report_xlsx.c - a report as an Excel workbook (report_xlsx.h).
 */
#include "lib/common.h"
#include <xlsxwriter.h>

#include "core/date.h"
#include "core/rtable.h"
#include "io/report_csv.h"
#include "io/report_xlsx.h"
#include "io/report_names.h"
#include "io/table.h"

#define MAX_DECIMALS 10
#define CONTENTS "Contents"

/* The workbook being written, its formats (owned by the workbook) and the
 * first error met, after which every write is skipped. */
struct xw {
	lxw_workbook *wb;
	lxw_error err;
	bool oom;
	lxw_format *title, *big_title, *note, *header, *bold, *wrap;
	lxw_format *text[2], *count[2], *pct[2], *c[2];
	lxw_format *value[2][MAX_DECIMALS + 1];
};

static bool failed(const struct xw *x)
{
	return x->err != LXW_NO_ERROR || x->oom;
}

static void check(struct xw *x, lxw_error e)
{
	if (e != LXW_NO_ERROR && x->err == LXW_NO_ERROR)
		x->err = e;
}

static lxw_format *new_format(struct xw *x, bool bold, const char *num)
{
	lxw_format *f = workbook_add_format(x->wb);
	if (!f) {
		x->oom = true;
		return NULL;
	}
	if (bold)
		format_set_bold(f);
	if (num)
		format_set_num_format(f, num);
	return f;
}

static void make_formats(struct xw *x)
{
	x->big_title = new_format(x, true, NULL);
	if (x->big_title)
		format_set_font_size(x->big_title, 14);
	x->title = new_format(x, true, NULL);
	x->bold = new_format(x, true, NULL);
	x->note = new_format(x, false, NULL);
	if (x->note)
		format_set_italic(x->note);
	x->wrap = new_format(x, false, NULL);
	if (x->wrap) {
		format_set_text_wrap(x->wrap);
		format_set_align(x->wrap, LXW_ALIGN_VERTICAL_TOP);
	}
	x->header = new_format(x, true, NULL);
	if (x->header) {
		format_set_text_wrap(x->header);
		format_set_bottom(x->header, LXW_BORDER_THIN);
		format_set_align(x->header, LXW_ALIGN_VERTICAL_BOTTOM);
	}
	for (int b = 0; b < 2; b++) {
		x->text[b] = new_format(x, b, NULL);
		x->count[b] = new_format(x, b, "#,##0");
		x->pct[b] = new_format(x, b, "0.0%");
		/* "c" right-aligned, where the numbers are. */
		x->c[b] = new_format(x, b, NULL);
		if (x->c[b])
			format_set_align(x->c[b], LXW_ALIGN_RIGHT);
	}
}

/* The number format of a value with d decimals ("0", "0.0", "0.00"...),
 * made when first needed. */
static lxw_format *value_format(struct xw *x, bool bold, int d)
{
	if (d < 0)
		d = 0;
	if (d > MAX_DECIMALS)
		d = MAX_DECIMALS;
	if (!x->value[bold][d]) {
		char num[MAX_DECIMALS + 3] = "0";
		if (d) {
			num[1] = '.';
			memset(num + 2, '0', (size_t)d);
			num[2 + d] = '\0';
		}
		x->value[bold][d] = new_format(x, bold, num);
	}
	return x->value[bold][d];
}

/* ---- Cells. ------------------------------------------------------------ */

/* Text as a string cell: escaped with a quote when it looks like a
 * formula; nothing written for NULL or "" unless a format is given. */
static void put_text(struct xw *x, lxw_worksheet *ws, lxw_row_t row,
		     lxw_col_t col, const char *s, lxw_format *f)
{
	if (failed(x))
		return;
	if (!s || !*s) {
		if (f)
			check(x, worksheet_write_blank(ws, row, col, f));
		return;
	}
	if (!table_formula_like(s)) {
		check(x, worksheet_write_string(ws, row, col, s, f));
		return;
	}
	size_t n = strlen(s) + 2;
	char *q = malloc(n);
	if (!q) {
		x->oom = true;
		return;
	}
	snprintf(q, n, "'%s", s);
	check(x, worksheet_write_string(ws, row, col, q, f));
	free(q);
}

static void put_number(struct xw *x, lxw_worksheet *ws, lxw_row_t row,
		       lxw_col_t col, double v, lxw_format *f)
{
	if (failed(x))
		return;
	if (isfinite(v))
		check(x, worksheet_write_number(ws, row, col, v, f));
	else
		check(x, worksheet_write_blank(ws, row, col, f));
}

static void put_blank(struct xw *x, lxw_worksheet *ws, lxw_row_t row,
		      lxw_col_t col, lxw_format *f)
{
	if (!failed(x) && f)
		check(x, worksheet_write_blank(ws, row, col, f));
}

/* v to d decimals exactly as the CSV and HTML forms print it ("%.*f",
 * which rounds 61.25 to 61.2 where round() would give 61.3), so that the
 * workbook's figures (and sums of them) agree with theirs. */
static double rounded(double v, int d)
{
	char s[64];
	if (!isfinite(v) || fabs(v) >= 1e15)
		return v;
	if (d < 0)
		d = 0;
	if (d > MAX_DECIMALS)
		d = MAX_DECIMALS;
	snprintf(s, sizeof s, "%.*f", d, v);
	return strtod(s, NULL);
}

/* A headline figure: a count or value as a number, a rate as people read
 * it ("93.0% (1,204 of 1,295)"), since one cell must hold it. */
static void put_headline(struct xw *x, lxw_worksheet *ws, lxw_row_t row,
			 lxw_col_t col, const struct rcell *cell)
{
	char s[96];
	if (!cell->c && cell->kind == RCELL_COUNT)
		put_number(x, ws, row, col, (double)cell->n, x->count[0]);
	else if (!cell->c && cell->kind == RCELL_VALUE)
		put_number(x, ws, row, col, rounded(cell->v, 1),
			   value_format(x, false, 1));
	else if (!failed(x) && *rcell_format(cell, 1, true, s, sizeof s))
		/* Not escaped: iro's own rendering of numbers, which can
		 * start with "-" ("- (0 of 0)") but is never a formula. */
		check(x, worksheet_write_string(ws, row, col, s,
						cell->c ? x->c[0] : NULL));
}

/* One cell of a table at (row, col), taking three columns when its column
 * is a rate column (report_xlsx.h). */
static void put_cell(struct xw *x, lxw_worksheet *ws, lxw_row_t row,
		     lxw_col_t col, const struct rcell *cell, int decimals,
		     bool rate, bool bold)
{
	if (cell->c) {
		put_text(x, ws, row, col, "c", x->c[bold]);
		if (rate && cell->kind == RCELL_RATE) {
			put_text(x, ws, row, col + 1, "c", x->c[bold]);
			put_text(x, ws, row, col + 2, "c", x->c[bold]);
		}
		return;
	}
	switch (cell->kind) {
	case RCELL_NONE:
		put_blank(x, ws, row, col, bold ? x->text[1] : NULL);
		break;
	case RCELL_COUNT:
		put_number(x, ws, row, col, (double)cell->n, x->count[bold]);
		break;
	case RCELL_VALUE:
		put_number(x, ws, row, col, rounded(cell->v, decimals),
			   value_format(x, bold, decimals));
		break;
	case RCELL_RATE:
		if (cell->d)
			put_number(x, ws, row, col,
				   (double)cell->n / (double)cell->d,
				   x->pct[bold]);
		else
			put_blank(x, ws, row, col, bold ? x->pct[1] : NULL);
		put_number(x, ws, row, col + 1, (double)cell->n,
			   x->count[bold]);
		put_number(x, ws, row, col + 2, (double)cell->d,
			   x->count[bold]);
		break;
	}
}

/* ---- Sheet names. ------------------------------------------------------ */

/* Display width of UTF-8 text in characters, for column widths. */
static size_t width(const char *s)
{
	size_t w = 0;
	for (; s && *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			w++;
	return w;
}

static double clamp_width(size_t w, double lo, double hi)
{
	double d = (double)w + 2;
	return d < lo ? lo : d > hi ? hi : d;
}

/*
 * A table's sheet name: its key with anything Excel forbids or that would
 * need quoting ([]:*?/\', control and non-ASCII bytes) made _, and a
 * leading = + - @ too; at most 31 characters; unique ignoring case, as
 * Excel compares them, among the others and "Contents"; never "History",
 * which Excel reserves.
 */
static char sheet_char(unsigned char ch, size_t pos)
{
	bool bad = ch < 0x20 || ch >= 0x7F || strchr("[]:*?/\\'", ch) ||
		   (pos == 0 && strchr("=+-@", ch));
	return bad ? '_' : (char)ch;
}

static int sheet_names(const struct report *r, char ***out)
{
	static const char *const reserved[] = { CONTENTS, "History", NULL };
	return report_names(r, LXW_SHEETNAME_MAX, sheet_char, reserved, "",
			    out);
}

/* ---- The sheets. ------------------------------------------------------- */

static void print_setup(struct xw *x, lxw_worksheet *ws, const struct report *r)
{
	worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 0);
	if (!r->is_public) {
		/* The government marking, top and bottom of every page. */
		check(x, worksheet_set_header(ws, "&COFFICIAL-SENSITIVE"));
		check(x, worksheet_set_footer(ws, "&COFFICIAL-SENSITIVE"));
	}
}

static void write_table(struct xw *x, lxw_worksheet *ws,
			const struct report *r, const struct rtable *t)
{
	bool *rate = calloc(t->ncols ? t->ncols : 1, sizeof *rate);
	lxw_col_t *at = calloc(t->ncols ? t->ncols : 1, sizeof *at);
	if (!rate || !at) {
		free(rate);
		free(at);
		x->oom = true;
		return;
	}
	size_t ncol = 1;
	for (size_t c = 0; c < t->ncols; c++) {
		for (size_t rr = 0; rr < t->nrows && !rate[c]; rr++)
			rate[c] = rtable_cell_c(t, rr, c)->kind == RCELL_RATE;
		at[c] = (lxw_col_t)ncol;
		ncol += rate[c] ? 3 : 1;
	}
	if (ncol > LXW_COL_MAX || t->nrows + 3 > LXW_ROW_MAX) {
		check(x, LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE);
		free(rate);
		free(at);
		return;
	}

	put_text(x, ws, 0, 0, t->title, x->title);
	put_text(x, ws, 1, 0, t->note, x->note);

	/* The header, and the columns' widths from it and the labels. */
	const lxw_row_t hr = 2;
	size_t w0 = width(t->corner);
	for (size_t rr = 0; rr < t->nrows; rr++)
		if (width(t->rows[rr]) > w0)
			w0 = width(t->rows[rr]);
	check(x, worksheet_set_column(ws, 0, 0, clamp_width(w0, 12, 60), NULL));
	put_text(x, ws, hr, 0, t->corner, x->header);
	for (size_t c = 0; c < t->ncols && !failed(x); c++) {
		const char *l = t->cols[c];
		lxw_col_t col = at[c];
		put_text(x, ws, hr, col, l, x->header);
		check(x, worksheet_set_column(ws, col, col,
					      clamp_width(width(l), 10, 30),
					      NULL));
		if (!rate[c])
			continue;
		size_t n = strlen(l) + 4;
		char *s = malloc(n);
		if (!s) {
			x->oom = true;
			break;
		}
		snprintf(s, n, "%s n", l);
		put_text(x, ws, hr, col + 1, s, x->header);
		check(x, worksheet_set_column(ws, col + 1, col + 1,
					      clamp_width(width(s), 10, 30),
					      NULL));
		snprintf(s, n, "%s of", l);
		put_text(x, ws, hr, col + 2, s, x->header);
		check(x, worksheet_set_column(ws, col + 2, col + 2,
					      clamp_width(width(s), 10, 30),
					      NULL));
		free(s);
	}

	for (size_t rr = 0; rr < t->nrows && !failed(x); rr++) {
		bool bold = t->total_row >= 0 && (size_t)t->total_row == rr;
		lxw_row_t row = hr + 1 + (lxw_row_t)rr;
		put_text(x, ws, row, 0, t->rows[rr], x->text[bold]);
		for (size_t c = 0; c < t->ncols; c++)
			put_cell(x, ws, row, at[c], rtable_cell_c(t, rr, c),
				 t->decimals, rate[c], bold);
	}
	worksheet_freeze_panes(ws, hr + 1, 1);
	check(x, worksheet_repeat_rows(ws, hr, hr));
	print_setup(x, ws, r);
	free(rate);
	free(at);
}

static void write_contents(struct xw *x, lxw_worksheet *ws,
			   const struct report *r, char **names)
{
	char buf[256];
	lxw_row_t row = 0;

	check(x, worksheet_set_column(ws, 0, 0, 34, NULL));
	check(x, worksheet_set_column(ws, 1, 1, 60, NULL));
	check(x, worksheet_set_column(ws, 2, 2, 80, NULL));
	check(x, worksheet_set_column(ws, 3, 3, 24, NULL));

	put_text(x, ws, row++, 0, r->title, x->big_title);
	put_text(x, ws, row, 0, "Authority", x->bold);
	put_text(x, ws, row++, 1, r->authority, NULL);
	put_text(x, ws, row, 0, "Period", x->bold);
	put_text(x, ws, row++, 1, r->period, NULL);
	date_format_long(r->made, buf, sizeof buf);
	put_text(x, ws, row, 0, "Made", x->bold);
	put_text(x, ws, row++, 1, buf, NULL);
	put_text(x, ws, row, 0, "Version", x->bold);
	put_text(x, ws, row++, 1,
		 r->is_public ? "Public" : "OFFICIAL-SENSITIVE", x->bold);
	report_notice(r, buf, sizeof buf);
	put_text(x, ws, row++, 0, buf, x->bold);
	row++;

	if (r->nheadlines) {
		put_text(x, ws, row++, 0, "Headline figures", x->title);
		put_text(x, ws, row, 0, "Figure", x->header);
		put_text(x, ws, row, 1, "This period", x->header);
		put_text(x, ws, row++, 2, "Previous period", x->header);
		for (size_t i = 0; i < r->nheadlines; i++) {
			const struct rheadline *h = &r->headlines[i];
			put_text(x, ws, row, 0, h->label, x->wrap);
			put_headline(x, ws, row, 1, &h->now);
			put_headline(x, ws, row++, 2, &h->before);
		}
		row++;
	}

	put_text(x, ws, row++, 0, "Tables", x->title);
	put_text(x, ws, row, 0, "Sheet", x->header);
	put_text(x, ws, row, 1, "Title", x->header);
	put_text(x, ws, row, 2, "Note", x->header);
	put_text(x, ws, row++, 3, "Seeds", x->header);
	for (size_t i = 0; i < r->ntables && !failed(x); i++) {
		const struct rtable *t = &r->tables[i];
		/* The names need no quotes inside quotes: sheet_names
		 * leaves no ' in them. */
		char url[LXW_SHEETNAME_MAX + 16];
		snprintf(url, sizeof url, "internal:'%s'!A1", names[i]);
		check(x, worksheet_write_url_opt(ws, row, 0, url, NULL,
						 names[i], NULL));
		put_text(x, ws, row, 1, t->title, x->wrap);
		put_text(x, ws, row, 2, t->note, x->wrap);
		put_text(x, ws, row++, 3, t->seeds, x->wrap);
	}
	print_setup(x, ws, r);
}

/* ---- The file. --------------------------------------------------------- */

static void set_properties(struct xw *x, const struct report *r)
{
	/* libxlsxwriter copies the strings; its struct is not const. A
	 * fixed creation time (the day the report was made) makes the same
	 * report give the same document properties. */
	lxw_doc_properties p = {
		.title = r->title,
		.company = r->authority,
		.keywords = r->is_public ? "public" : "OFFICIAL-SENSITIVE",
		.comments = "Made by iro",
		.created = (time_t)r->made * 86400,
	};
	check(x, workbook_set_properties(x->wb, &p));
}

static void set_error(char *errbuf, size_t errsize, const char *path,
		      const struct xw *x)
{
	if (x->oom || x->err == LXW_ERROR_MEMORY_MALLOC_FAILED)
		snprintf(errbuf, errsize, "cannot write %s: out of memory",
			 path);
	else
		snprintf(errbuf, errsize, "cannot write %s: %s", path,
			 lxw_strerror(x->err));
}

int report_xlsx_write(const struct report *r, const char *path, char *errbuf,
		      size_t errsize)
{
	struct stat st;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		snprintf(errbuf, errsize,
			 "%s exists and is not a file: give a path for the "
			 "workbook", path);
		return -1;
	}
	/* A temporary file beside path (same file system, for rename),
	 * created 0600; libxlsxwriter reopens it to write the zip. */
	size_t n = strlen(path) + 8;
	char *tmp = malloc(n);
	if (!tmp) {
		snprintf(errbuf, errsize, "out of memory");
		return -1;
	}
	snprintf(tmp, n, "%s.XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		snprintf(errbuf, errsize, "cannot write %s: %s", path,
			 strerror(errno));
		free(tmp);
		return -1;
	}
	close(fd);

	char **names = NULL;
	struct xw x = { .wb = workbook_new(tmp) };
	if (!x.wb || sheet_names(r, &names)) {
		snprintf(errbuf, errsize, "out of memory");
		if (x.wb)
			lxw_workbook_free(x.wb);
		unlink(tmp);
		free(tmp);
		return -1;
	}
	make_formats(&x);
	set_properties(&x, r);

	lxw_worksheet *contents = workbook_add_worksheet(x.wb, CONTENTS);
	if (!contents)
		x.oom = true;
	else
		write_contents(&x, contents, r, names);
	for (size_t i = 0; i < r->ntables && !failed(&x); i++) {
		lxw_worksheet *ws = workbook_add_worksheet(x.wb, names[i]);
		if (!ws)
			x.oom = true;
		else
			write_table(&x, ws, r, &r->tables[i]);
	}
	for (size_t i = 0; i < r->ntables; i++)
		free(names[i]);
	free(names);

	int rc = 0;
	if (failed(&x)) {
		set_error(errbuf, errsize, path, &x);
		lxw_workbook_free(x.wb);
		rc = -1;
	} else {
		lxw_error e = workbook_close(x.wb); /* frees it */
		if (e != LXW_NO_ERROR) {
			x.err = e;
			set_error(errbuf, errsize, path, &x);
			rc = -1;
		} else if (rename(tmp, path) != 0) {
			snprintf(errbuf, errsize, "cannot write %s: %s", path,
				 strerror(errno));
			rc = -1;
		}
	}
	if (rc)
		unlink(tmp);
	free(tmp);
	return rc;
}
