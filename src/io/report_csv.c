/*
 * report_csv.c - a report as a folder of CSV files (report_csv.h).
 */
#include "lib/common.h"

#include "core/date.h"
#include "core/rtable.h"
#include "io/report_csv.h"
#include "io/report_names.h"
#include "io/table.h"

#define NAME_MAX_LEN 64 /* a table's file name, without ".csv" */

void report_notice(const struct report *r, char *out, size_t size)
{
	if (r->is_public)
		snprintf(out, size,
			 "Public version: numbers from 1 to %ld are shown as c, "
			 "and other numbers are hidden where they would reveal "
			 "them.",
			 r->threshold);
	else
		snprintf(out, size,
			 "Contains personal data about children in care: "
			 "OFFICIAL-SENSITIVE. Do not publish.");
}

static void fail(char *errbuf, size_t errsize, const char *what,
		 const char *path, int e)
{
	snprintf(errbuf, errsize, "cannot %s %s: %s", what, path, strerror(e));
}

/* ---- One file, written under a temporary name and renamed. ------------ */

struct out_file {
	FILE *f;
	char *tmp;  /* DIR/.NAME.XXXXXX */
	char *path; /* DIR/NAME */
};

static char *path_join(const char *dir, const char *a, const char *b)
{
	size_t n = strlen(dir) + strlen(a) + strlen(b) + 2;
	char *p = malloc(n);
	if (p)
		snprintf(p, n, "%s/%s%s", dir, a, b);
	return p;
}

static void out_discard(struct out_file *o)
{
	if (o->f)
		fclose(o->f);
	if (o->tmp)
		unlink(o->tmp);
	free(o->tmp);
	free(o->path);
	memset(o, 0, sizeof *o);
}

static int out_open(struct out_file *o, const char *dir, const char *name,
		    char *errbuf, size_t errsize)
{
	memset(o, 0, sizeof *o);
	o->path = path_join(dir, name, "");
	char *dot = malloc(strlen(name) + 9);
	if (dot)
		snprintf(dot, strlen(name) + 9, ".%s.XXXXXX", name);
	o->tmp = dot ? path_join(dir, dot, "") : NULL;
	free(dot);
	if (!o->path || !o->tmp) {
		snprintf(errbuf, errsize, "out of memory");
		free(o->tmp);
		o->tmp = NULL;
		out_discard(o);
		return -1;
	}
	int fd = mkstemp(o->tmp); /* mode 0600 */
	if (fd < 0) {
		fail(errbuf, errsize, "write", o->path, errno);
		free(o->tmp);
		o->tmp = NULL;
		out_discard(o);
		return -1;
	}
	if (!(o->f = fdopen(fd, "w"))) {
		fail(errbuf, errsize, "write", o->path, errno);
		close(fd);
		out_discard(o);
		return -1;
	}
	return 0;
}

static int out_close(struct out_file *o, char *errbuf, size_t errsize)
{
	bool bad = ferror(o->f) != 0;
	int e = errno;
	if (fclose(o->f) != 0 && !bad) {
		bad = true;
		e = errno;
	}
	o->f = NULL;
	if (!bad && rename(o->tmp, o->path) != 0) {
		bad = true;
		e = errno;
	}
	if (bad) {
		fail(errbuf, errsize, "write", o->path, e ? e : EIO);
		out_discard(o);
		return -1;
	}
	free(o->tmp);
	o->tmp = NULL;
	free(o->path);
	o->path = NULL;
	return 0;
}

/* ---- Fields. ----------------------------------------------------------- */

static void field_text(FILE *f, bool first, const char *s)
{
	if (!first)
		fputc(',', f);
	table_csv_cell(f, s ? s : "", CELL_TEXT);
}

static void field_number(FILE *f, const char *s)
{
	fputc(',', f);
	table_csv_cell(f, s, CELL_NUMBER);
}

static void row_end(FILE *f)
{
	fputc('\n', f);
}

static bool rate_column(const struct rtable *t, size_t c)
{
	for (size_t r = 0; r < t->nrows; r++)
		if (rtable_cell_c(t, r, c)->kind == RCELL_RATE)
			return true;
	return false;
}

/* The header row; -1 when memory runs out. */
static int write_header(FILE *f, const struct rtable *t, const bool *rate)
{
	field_text(f, true, t->corner);
	for (size_t c = 0; c < t->ncols; c++) {
		const char *l = t->cols[c];
		field_text(f, false, l);
		if (!rate[c])
			continue;
		size_t n = strlen(l) + 4;
		char *s = malloc(n);
		if (!s)
			return -1;
		snprintf(s, n, "%s n", l);
		field_text(f, false, s);
		snprintf(s, n, "%s of", l);
		field_text(f, false, s);
		free(s);
	}
	row_end(f);
	return 0;
}

static void write_cell(FILE *f, const struct rcell *cell, int decimals,
		       bool rate)
{
	char a[64] = "", b[32] = "", d[32] = "";
	double pct;
	if (cell->c) {
		field_number(f, "c");
		if (rate) {
			field_number(f, cell->kind == RCELL_RATE ? "c" : "");
			field_number(f, cell->kind == RCELL_RATE ? "c" : "");
		}
		return;
	}
	switch (cell->kind) {
	case RCELL_NONE:
		break;
	case RCELL_COUNT:
		snprintf(a, sizeof a, "%ld", cell->n);
		break;
	case RCELL_RATE:
		if (rcell_percent(cell, &pct))
			snprintf(a, sizeof a, "%.1f", pct);
		snprintf(b, sizeof b, "%ld", cell->n);
		snprintf(d, sizeof d, "%ld", cell->d);
		break;
	case RCELL_VALUE:
		if (isfinite(cell->v))
			snprintf(a, sizeof a, "%.*f", decimals, cell->v);
		break;
	}
	field_number(f, a);
	if (rate) {
		field_number(f, b);
		field_number(f, d);
	}
}

static int write_table(const struct rtable *t, const char *dir,
		       const char *file, char *errbuf, size_t errsize)
{
	bool *rate = calloc(t->ncols ? t->ncols : 1, sizeof *rate);
	if (!rate) {
		snprintf(errbuf, errsize, "out of memory");
		return -1;
	}
	for (size_t c = 0; c < t->ncols; c++)
		rate[c] = rate_column(t, c);
	int decimals = t->decimals < 0 ? 0 : t->decimals > 10 ? 10 : t->decimals;

	struct out_file o;
	if (out_open(&o, dir, file, errbuf, errsize)) {
		free(rate);
		return -1;
	}
	if (write_header(o.f, t, rate)) {
		free(rate);
		out_discard(&o);
		snprintf(errbuf, errsize, "out of memory");
		return -1;
	}
	for (size_t r = 0; r < t->nrows; r++) {
		field_text(o.f, true, t->rows[r]);
		for (size_t c = 0; c < t->ncols; c++)
			write_cell(o.f, rtable_cell_c(t, r, c), decimals,
				   rate[c]);
		row_end(o.f);
	}
	free(rate);
	return out_close(&o, errbuf, errsize);
}

/* ---- File names. ------------------------------------------------------- */

/*
 * A table's file name: its key, in [a-z0-9_-] (anything else becomes _,
 * so no key can name a path outside the folder), at most NAME_MAX_LEN
 * characters, unique ignoring case (for the file systems that ignore it)
 * and never index or report, whose files the folder already holds.
 */
static char file_char(unsigned char ch, size_t pos)
{
	(void)pos;
	return isalnum(ch) && ch < 0x80 ? (char)tolower(ch)
	       : ch == '-'		 ? '-'
					 : '_';
}

static int table_file_names(const struct report *r, char ***out)
{
	static const char *const reserved[] = { "index", "report", NULL };
	return report_names(r, NAME_MAX_LEN, file_char, reserved, ".csv", out);
}

/* ---- The folder, index.csv and report.csv. ----------------------------- */

static int make_dir(const char *dir, char *errbuf, size_t errsize)
{
	if (mkdir(dir, 0700) == 0)
		return 0;
	int e = errno;
	struct stat st;
	if (e == EEXIST && stat(dir, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return 0;
		snprintf(errbuf, errsize,
			 "%s exists and is not a folder: give a folder for the "
			 "CSV files (made if missing)", dir);
		return -1;
	}
	fail(errbuf, errsize, "make the folder", dir, e);
	return -1;
}

static int write_index(const struct report *r, char **names, const char *dir,
		       char *errbuf, size_t errsize)
{
	struct out_file o;
	if (out_open(&o, dir, "index.csv", errbuf, errsize))
		return -1;
	fputs("file,title,note,seeds\n", o.f);
	for (size_t i = 0; i < r->ntables; i++) {
		const struct rtable *t = &r->tables[i];
		field_text(o.f, true, names[i]);
		field_text(o.f, false, t->title);
		field_text(o.f, false, t->note);
		field_text(o.f, false, t->seeds);
		row_end(o.f);
	}
	return out_close(&o, errbuf, errsize);
}

static void item(FILE *f, const char *name, const char *value,
		 const char *previous)
{
	field_text(f, true, name);
	field_text(f, false, value);
	field_text(f, false, previous);
	row_end(f);
}

/* A headline: its label is text; its figures are iro's own rendering of
 * numbers ("93.0% (1,204 of 1,295)", "- (0 of 0)"), never a formula, so
 * they are not escaped. */
static void headline(FILE *f, const struct rheadline *h)
{
	char now[96], before[96];
	rcell_format(&h->now, 1, true, now, sizeof now);
	rcell_format(&h->before, 1, true, before, sizeof before);
	field_text(f, true, h->label);
	field_number(f, now);
	field_number(f, before);
	row_end(f);
}

static int write_about(const struct report *r, const char *dir, char *errbuf,
		       size_t errsize)
{
	struct out_file o;
	if (out_open(&o, dir, "report.csv", errbuf, errsize))
		return -1;
	char from[DATE_ISO_LEN + 1], to[DATE_ISO_LEN + 1],
		made[DATE_ISO_LEN + 1], notice[256];
	date_format_iso(r->from, from);
	date_format_iso(r->to, to);
	date_format_iso(r->made, made);
	report_notice(r, notice, sizeof notice);
	fputs("item,value,previous\n", o.f);
	item(o.f, "title", r->title, "");
	item(o.f, "authority", r->authority, "");
	item(o.f, "period", r->period, "");
	item(o.f, "from", from, "");
	item(o.f, "to", to, "");
	item(o.f, "made", made, "");
	item(o.f, "version", r->is_public ? "public" : "OFFICIAL-SENSITIVE",
	     "");
	item(o.f, "notice", notice, "");
	for (size_t i = 0; i < r->nheadlines; i++)
		headline(o.f, &r->headlines[i]);
	return out_close(&o, errbuf, errsize);
}

int report_csv_write(const struct report *r, const char *dir, char *errbuf,
		     size_t errsize)
{
	if (make_dir(dir, errbuf, errsize))
		return -1;
	char **names;
	if (table_file_names(r, &names)) {
		snprintf(errbuf, errsize, "out of memory");
		return -1;
	}
	int rc = 0;
	for (size_t i = 0; i < r->ntables && !rc; i++)
		rc = write_table(&r->tables[i], dir, names[i], errbuf, errsize);
	if (!rc)
		rc = write_about(r, dir, errbuf, errsize);
	/* The index last: it names only files that are there. */
	if (!rc)
		rc = write_index(r, names, dir, errbuf, errsize);
	for (size_t i = 0; i < r->ntables; i++)
		free(names[i]);
	free(names);
	return rc;
}
