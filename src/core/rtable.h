/*
 * rtable.h - a report as data: its tables, headline figures and drafted
 * narrative, which every renderer (HTML, JSON, CSV, XLSX, text) draws
 * without computing anything of its own.
 *
 * A table is a grid of cells under row and column labels. A cell is a
 * count, a rate (numerator over denominator; renderers show the
 * percentage) or a plain value (a mean, an FTE). A table may name a total
 * row and a total column, each the sum of the other rows or columns: the
 * small-number suppression of public versions (core/suppress.h) needs to
 * know which cells add up to which.
 *
 * Memory: a report owns its tables; a table owns its labels, strings and
 * cells. report_free releases everything. Functions that allocate return
 * -1 (or NULL) when memory runs out and leave what was there intact.
 */
#ifndef IRO_RTABLE_H
#define IRO_RTABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum rcell_kind {
	RCELL_NONE = 0, /* nothing to show (a measure with no meaning here) */
	RCELL_COUNT,    /* n */
	RCELL_RATE,     /* n of d; the percentage is 100 n / d, none if d = 0 */
	RCELL_VALUE,    /* v, shown with the table's `decimals` */
};

struct rcell {
	enum rcell_kind kind;
	long n;  /* the count, or the rate's numerator */
	long d;  /* the rate's denominator */
	double v;
	bool c;  /* suppressed in a public version: shown as "c" */
};

/* How the HTML report draws a table as a chart (inline SVG), if at all. */
enum rchart {
	RCHART_NONE = 0,
	RCHART_BARS,    /* vertical bars: a group per row, a bar per column */
	RCHART_HBARS,   /* horizontal bars, one per row, of the last column */
	RCHART_LINE,    /* a line per row across the columns (a trend) */
	RCHART_STACKED, /* a stacked bar per column, a segment per row */
	RCHART_PYRAMID, /* rows as bands, columns 0 and 1 back to back */
};

struct rtable {
	char *key;     /* stable, [a-z0-9_]: file, sheet and JSON name */
	char *title;   /* as a reader would caption it */
	char *note;    /* what is counted and how, one or two sentences */
	char *seeds;   /* the seed tables it reproduces ("WORCS-T3, MAN-H13"), or NULL */
	char *corner;  /* the heading of the row-label column */
	size_t nrows, ncols;
	char **rows;   /* nrows labels */
	char **cols;   /* ncols labels */
	struct rcell *cells; /* nrows * ncols, row by row */
	int total_row; /* index of the row that sums the others, or -1 */
	int total_col; /* index of the column that sums the others, or -1 */
	int decimals;  /* for RCELL_VALUE cells */
	enum rchart chart;
	/* The columns a chart draws: [chart_from, ncols). A table of years
	 * beside a total column, for instance, charts only the years. */
	size_t chart_from;
};

/* A figure for the first page: "Reviews held in time: 93% (1,204 of
 * 1,295)", with last year's beside it when there is one. */
struct rheadline {
	char *label;
	struct rcell now;
	struct rcell before; /* RCELL_NONE when there is no previous period */
};

/* A chapter of the report: its tables (a run of report.tables) and a
 * paragraph drafted from the figures, for a manager to edit. */
struct rsection {
	char *title;
	char *narrative;
	size_t first, count;
};

struct report {
	char *title;      /* "Independent Reviewing Officer service: annual report 2021-22" */
	char *authority;  /* the authority_name setting, or "" */
	char *period;     /* "1 April 2021 to 31 March 2022" */
	int32_t from, to; /* the period reported on, both days inclusive */
	int32_t made;     /* the day the report was made */
	bool is_public;   /* a public version: small numbers suppressed */
	long threshold;   /* suppressed: counts from 1 to threshold */
	struct rheadline *headlines;
	size_t nheadlines, hcap;
	struct rsection *sections;
	size_t nsections, scap;
	struct rtable *tables;
	size_t ntables, tcap;
};

void report_init(struct report *r);
void report_free(struct report *r);

/* Starts a new section; the tables added after it belong to it. */
int report_section(struct report *r, const char *title);
/* Sets the current section's narrative (copied). */
int report_narrative(struct report *r, const char *text);
int report_headline(struct report *r, const char *label, struct rcell now,
		    struct rcell before);

/*
 * Adds a table of nrows x ncols empty cells (RCELL_NONE) to the current
 * section, with its labels copied; total_row and total_col -1, no chart.
 * Returns the table (valid until the next report_table call), or NULL.
 */
struct rtable *report_table(struct report *r, const char *key,
			    const char *title, const char *corner,
			    const char *const *rows, size_t nrows,
			    const char *const *cols, size_t ncols);
/* Sets a table's note or seeds (copied); -1 when memory runs out. */
int rtable_note(struct rtable *t, const char *note);
int rtable_seeds(struct rtable *t, const char *seeds);

struct rcell *rtable_cell(struct rtable *t, size_t row, size_t col);
const struct rcell *rtable_cell_c(const struct rtable *t, size_t row,
				  size_t col);

static inline struct rcell rcell_count(long n)
{
	return (struct rcell){ .kind = RCELL_COUNT, .n = n };
}
static inline struct rcell rcell_rate(long n, long d)
{
	return (struct rcell){ .kind = RCELL_RATE, .n = n, .d = d };
}
static inline struct rcell rcell_value(double v)
{
	return (struct rcell){ .kind = RCELL_VALUE, .v = v };
}

/* A rate's percentage, unrounded; false (and *pct untouched) when it is
 * not a rate or its denominator is 0. */
bool rcell_percent(const struct rcell *c, double *pct);

/*
 * A cell as text for people: "1,204", "93.0% (1,204 of 1,295)" with
 * `with_counts`, or "93.0%" without, "c" when suppressed, "" for none.
 * Writes at most size bytes (NUL included) to out and returns out.
 */
const char *rcell_format(const struct rcell *c, int decimals, bool with_counts,
			 char *out, size_t size);

#endif
