/*
 * v903_files.h - an SSDA903 return read from, and written to, a folder:
 * its CSV files or its one XML file (domain-rules §3.1).
 *
 * As the DfE validator does, a CSV file is matched to its table by its
 * set of column names, not by its name: the columns may come in any order
 * but must be exactly the table's (names are compared ignoring case and
 * surrounding spaces). Files are UTF-8, with or without a byte-order
 * mark, with CRLF or LF line ends and RFC 4180 quoting; a UTF-16 file is
 * refused with a message saying so. A folder holds CSV files or one XML
 * file, not both; other files in it are not read.
 */
#ifndef IRO_V903_FILES_H
#define IRO_V903_FILES_H

#include <stdio.h>

#include "core/problem.h"
#include "core/v903.h"

/* Where each table came from, for messages: its file, and the line each
 * row started on (0 for rows read from XML). */
struct v903_source {
	char *path;     /* owned; NULL when the table was not read */
	long *line;
	size_t nline, cap;
};

struct v903_files {
	struct v903_source t[V903_NTABLES];
	bool xml;
	bool strict;  /* a row with fewer fields than the header is an error
		       * (iro import); otherwise its missing cells are blank,
		       * as pandas reads them (iro validate) */
	char **names; /* every file read: problems borrow these names */
	size_t nnames;
};

/* Reads the return in dir into d's tables (last year's, d->last, when
 * `last`). Returns 0, or -1 with the reasons in p; a file that cannot be
 * read leaves nothing half-read that matters, as the caller discards d.
 * files must be zeroed (or have only `strict` set) and outlive p. */
int v903_read_dir(const char *dir, struct v903_data *d, bool last,
		  struct v903_files *files, struct problems *p);

/* Reads one CSV file's bytes into the table its columns name (for the
 * fuzzer and the tests). */
int v903_read_csv_buffer(const char *buf, size_t len, const char *display,
			 struct v903_rows *tables, struct v903_files *files,
			 struct problems *p);

void v903_files_free(struct v903_files *files);

/* The display name of row `row` of `table`: "dir/episodes.csv" and its
 * line, for problems. */
long v903_row_line(const struct v903_files *files, enum v903_table table,
		   size_t row);

/* Writes every loaded table of d (this year's) into dir as TABLE.csv
 * (V903_TABLES[t].file), a header row and the rows, dates as they are
 * held. Returns -1 with a message in err on failure. */
int v903_write_csv_dir(const char *dir, const struct v903_data *d,
		       char *err, size_t errsize);

/* One table as CSV on out. */
int v903_write_csv(FILE *out, const struct v903_data *d, enum v903_table t);

#endif
