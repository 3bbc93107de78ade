/*
 * csv_in.h - reading CSV files row by row (RFC 4180, through libcsv), with
 * the line each row starts on, for error messages a person can follow.
 *
 * Fields are NUL-terminated strings owned by the reader and valid only
 * during the row callback. A UTF-8 byte-order mark is skipped; a UTF-16
 * file is refused with a message saying so. Each field is limited to
 * CSV_FIELD_MAX bytes and each row to CSV_FIELDS_MAX fields.
 */
#ifndef IRO_CSV_IN_H
#define IRO_CSV_IN_H

#include <stddef.h>

#include "core/problem.h"

#define CSV_FIELD_MAX 4096
#define CSV_FIELDS_MAX 256

/* Called once per row (blank lines are skipped); return non-zero to stop
 * reading. */
typedef int (*csv_row_fn)(void *ctx, long line, char **fields, size_t n);

/* Reads `path`, naming it `display` in problems. Returns 0 when the whole
 * file was read, -1 when it could not be (the reason is in p). */
int csv_read_file(const char *path, const char *display, csv_row_fn row,
		  void *ctx, struct problems *p);

/* The same over len bytes in memory. */
int csv_read_buffer(const char *buf, size_t len, const char *display,
		    csv_row_fn row, void *ctx, struct problems *p);

#endif
