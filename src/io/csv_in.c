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

int csv_read_file(const char *path, const char *display, csv_row_fn row,
		  void *ctx, struct problems *p)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		problem_add(p, false, display, 0, NULL, NULL,
			    "cannot be read: %s", strerror(errno));
		return -1;
	}
	struct csv_parser parser;
	if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)) {
		fclose(f);
		problem_add(p, false, display, 0, NULL, NULL, "out of memory");
		return -1;
	}
	struct reader r = { .display = display, .p = p, .row = row,
			    .ctx = ctx, .between = true };
	buf_init(&r.fields, (size_t)CSV_FIELD_MAX * CSV_FIELDS_MAX);

	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	while (!r.failed && !r.stopped && (n = getline(&line, &cap, f)) != -1) {
		r.line++;
		char *s = line;
		if (r.line == 1) {
			unsigned char *u = (unsigned char *)line;
			if (n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
				       (u[0] == 0xFE && u[1] == 0xFF))) {
				problem_add(p, false, display, 0, NULL, NULL,
					    "is UTF-16; save it as UTF-8 CSV");
				r.failed = true;
				break;
			}
			if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
				s += 3;
				n -= 3;
			}
		}
		if (memchr(s, '\0', (size_t)n)) {
			problem_add(p, false, display, r.line, NULL, NULL,
				    "holds a NUL byte: is it a CSV file "
				    "saved as UTF-8?");
			r.failed = true;
			break;
		}
		if (r.between && !blank_line(s, (size_t)n)) {
			r.row_start = r.line;
			r.between = false;
		}
		if (csv_parse(&parser, s, (size_t)n, on_field, on_row, &r) !=
		    (size_t)n) {
			problem_add(p, false, display, r.line, NULL, NULL,
				    "is not valid CSV here: a field with a "
				    "quote (\") must be wholly in quotes, "
				    "with \"\" for a quote inside it");
			r.failed = true;
		}
	}
	if (!r.failed && !r.stopped && ferror(f)) {
		problem_add(p, false, display, r.line, NULL, NULL,
			    "could not be read to the end: %s", strerror(errno));
		r.failed = true;
	}
	if (!r.failed && !r.stopped &&
	    csv_fini(&parser, on_field, on_row, &r) != 0) {
		problem_add(p, false, display, r.row_start, NULL, NULL,
			    "opens a quoted field (\") that is never closed");
		r.failed = true;
	}
	free(line);
	buf_free(&r.fields);
	csv_free(&parser);
	fclose(f);
	return r.failed ? -1 : 0;
}
