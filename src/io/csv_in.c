/*
 * csv_in.c - libcsv fed one physical line at a time, so that each row
 * knows the line it started on even when a quoted field spans lines.
 */
#include "lib/common.h"
#include <csv.h>

#include "lib/buf.h"
#include "io/csv_in.h"

struct reader {
	const char *display;
	struct problems *p;
	csv_row_fn row;
	void *ctx;
	struct buf fields;            /* the row's fields, NUL-separated */
	size_t offsets[CSV_FIELDS_MAX];
	size_t nfields;
	long line;       /* the physical line being fed */
	long row_start;  /* the line the current row started on */
	bool between;    /* no row under way */
	bool failed;     /* a problem was reported */
	bool stopped;    /* the callback asked to stop */
};

static void on_field(void *s, size_t len, void *data)
{
	struct reader *r = data;
	if (r->failed || r->stopped)
		return;
	if (r->nfields == CSV_FIELDS_MAX) {
		problem_add(r->p, false, r->display, r->row_start, NULL, NULL,
			    "a row has more than %d fields", CSV_FIELDS_MAX);
		r->failed = true;
		return;
	}
	if (len > CSV_FIELD_MAX) {
		problem_add(r->p, false, r->display, r->row_start, NULL, NULL,
			    "field %zu is longer than %d bytes",
			    r->nfields + 1, CSV_FIELD_MAX);
		r->failed = true;
		return;
	}
	r->offsets[r->nfields++] = r->fields.len;
	if (buf_add(&r->fields, s ? s : "", s ? len : 0) ||
	    buf_addc(&r->fields, '\0')) {
		problem_add(r->p, false, r->display, r->row_start, NULL, NULL,
			    "out of memory");
		r->failed = true;
	}
}

static void on_row(int c, void *data)
{
	(void)c;
	struct reader *r = data;
	if (!r->failed && !r->stopped) {
		char *fields[CSV_FIELDS_MAX];
		for (size_t i = 0; i < r->nfields; i++)
			fields[i] = r->fields.data + r->offsets[i];
		if (r->row(r->ctx, r->row_start, fields, r->nfields))
			r->stopped = true;
	}
	r->nfields = 0;
	buf_reset(&r->fields);
	r->between = true;
}

static bool blank_line(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != '\r' && s[i] != '\n' && s[i] != ' ' && s[i] != '\t')
			return false;
	return true;
}

/* The next physical line of buf from *pos, with its newline; NULL at the
 * end. */
static const char *next_line(const char *buf, size_t len, size_t *pos,
			     size_t *n)
{
	if (*pos >= len)
		return NULL;
	const char *s = buf + *pos;
	const char *nl = memchr(s, '\n', len - *pos);
	*n = nl ? (size_t)(nl - s) + 1 : len - *pos;
	*pos += *n;
	return s;
}

int csv_read_buffer(const char *buf, size_t len, const char *display,
		    csv_row_fn row, void *ctx, struct problems *p)
{
	struct csv_parser parser;
	if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)) {
		problem_add(p, false, display, 0, NULL, NULL, "out of memory");
		return -1;
	}
	struct reader r = { .display = display, .p = p, .row = row,
			    .ctx = ctx, .between = true };
	buf_init(&r.fields, (size_t)CSV_FIELD_MAX * CSV_FIELDS_MAX);

	const unsigned char *u = (const unsigned char *)buf;
	size_t pos = 0, n;
	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
			 (u[0] == 0xFE && u[1] == 0xFF))) {
		problem_add(p, false, display, 0, NULL, NULL,
			    "is UTF-16; save it as UTF-8 CSV");
		r.failed = true;
	} else if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		pos = 3;
	}
	const char *s;
	while (!r.failed && !r.stopped && (s = next_line(buf, len, &pos, &n))) {
		r.line++;
		if (memchr(s, '\0', n)) {
			problem_add(p, false, display, r.line, NULL, NULL,
				    "holds a NUL byte: is it a CSV file "
				    "saved as UTF-8?");
			r.failed = true;
			break;
		}
		if (r.between && !blank_line(s, n)) {
			r.row_start = r.line;
			r.between = false;
		}
		if (csv_parse(&parser, s, n, on_field, on_row, &r) != n) {
			problem_add(p, false, display, r.line, NULL, NULL,
				    "is not valid CSV here: a field with a "
				    "quote (\") must be wholly in quotes, "
				    "with \"\" for a quote inside it");
			r.failed = true;
		}
	}
	if (!r.failed && !r.stopped &&
	    csv_fini(&parser, on_field, on_row, &r) != 0) {
		problem_add(p, false, display, r.row_start, NULL, NULL,
			    "opens a quoted field (\") that is never closed");
		r.failed = true;
	}
	buf_free(&r.fields);
	csv_free(&parser);
	return r.failed ? -1 : 0;
}

int csv_read_file(const char *path, const char *display, csv_row_fn row,
		  void *ctx, struct problems *p)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		problem_add(p, false, display, 0, NULL, NULL,
			    "cannot be read: %s", strerror(errno));
		return -1;
	}
	/* Read whole: a national return's largest file is tens of MB. */
	char *data = NULL;
	size_t len = 0, cap = 0;
	for (;;) {
		if (cap - len < 65536) {
			size_t ncap = cap ? cap * 2 : 1 << 20;
			char *d = realloc(data, ncap);
			if (!d) {
				free(data);
				fclose(f);
				problem_add(p, false, display, 0, NULL, NULL,
					    "out of memory");
				return -1;
			}
			data = d;
			cap = ncap;
		}
		size_t got = fread(data + len, 1, cap - len, f);
		len += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		problem_add(p, false, display, 0, NULL, NULL,
			    "could not be read to the end: %s", strerror(errno));
		free(data);
		fclose(f);
		return -1;
	}
	fclose(f);
	int rc = csv_read_buffer(data, len, display, row, ctx, p);
	free(data);
	return rc;
}
