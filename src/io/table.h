/*
 * table.h - a table of results, written as aligned text for people, CSV
 * (RFC 4180) or JSON for programs. Column names are the stable keys
 * documented in docs/cli.md.
 *
 * Cells are copied into the table, which owns them; table_free releases
 * everything. CSV output escapes text cells that a spreadsheet would read
 * as a formula (=, +, -, @, tab, CR) by prefixing a single quote
 * (stack-notes §1); numbers and dates are never altered.
 */
#ifndef IRO_TABLE_H
#define IRO_TABLE_H

#include <stdio.h>

#include "lib/buf.h"

enum cell_kind {
	CELL_TEXT,
	CELL_NUMBER, /* right-aligned in text; a JSON number */
	CELL_DATE,   /* ISO date; a JSON string */
};

enum table_format { FORMAT_TEXT, FORMAT_CSV, FORMAT_JSON };

struct table_column {
	const char *name;
	enum cell_kind kind;
};

struct table {
	const struct table_column *cols; /* borrowed, static */
	size_t ncols;
	struct buf text;   /* every cell, NUL-terminated, one after another */
	size_t *offsets;   /* nrows * ncols offsets into text */
	size_t nrows, cap;
	bool failed;       /* out of memory */
};

void table_init(struct table *t, const struct table_column *cols,
		size_t ncols);
void table_free(struct table *t);

/* Adds a row of ncols cells (NULL or "" for an empty cell). */
int table_add_row(struct table *t, const char *const *cells);

const char *table_cell(const struct table *t, size_t row, size_t col);

/* Sorts the rows by the columns `by` (first the first), each in natural
 * order: digit runs compare by value, so ISO dates sort by date and child
 * 9 before child 10. Stable. Returns -1 when out of memory. */
int table_sort(struct table *t, const size_t *by, size_t nby);

/* Writes the table. JSON is an array of objects, one per row. */
int table_write(const struct table *t, enum table_format f, FILE *out);

/* "text", "csv" or "json" -> format; -1 if none of them. */
int table_format_parse(const char *s);

/* True when text s would be read by a spreadsheet as a formula: it starts
 * with =, +, -, @, tab or CR (stack-notes §1). Text cells that do are
 * written with a single quote before them, in CSV and in XLSX. */
bool table_formula_like(const char *s);

/* Writes one RFC 4180 field of a CSV row (no separator, no line end):
 * quoted when it holds a comma, quote, CR or LF, or when it is text
 * (CELL_TEXT) that looks like a formula, which is then prefixed with a
 * single quote. The other writers of CSV use it so that every CSV file
 * iro makes is escaped the same way. */
void table_csv_cell(FILE *out, const char *s, enum cell_kind kind);

#endif
