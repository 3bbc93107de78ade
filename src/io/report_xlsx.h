/*
 * report_xlsx.h - a report (core/rtable.h) as an Excel workbook, through
 * libxlsxwriter.
 *
 * The first sheet, "Contents", gives the report's title, authority,
 * period, the day it was made and its version, with the notice a version
 * carries (report_notice: which numbers a public version shows as c, or
 * OFFICIAL-SENSITIVE); then the headline figures, last year's beside
 * them: counts and values as numbers, rates as people read them ("93.0%
 * (1,204 of 1,295)", one cell each); then a row per
 * table: its sheet (a link to it), title, note and seeds.
 *
 * Then a sheet per table, named by its key (made a valid, unique Excel
 * name: at most 31 characters, none of []:*?/\' and no leading = + - @):
 * row 1 the title in bold, row 2 the note, row 3 the header (the corner
 * label, then the column labels), then a row per table row, the total row
 * in bold. The panes are frozen below the header and right of the row
 * labels. Cells are laid out as in the CSV form (report_csv.h) so that the
 * two agree column for column: a count is a number (#,##0); a value a
 * number rounded to the table's decimals (so that it and any sum of it
 * agree with the CSV and HTML forms); a rate three columns, "LABEL" its
 * percentage as a number formatted 0.0% (n / d, so 0.93 shows as 93.0%;
 * blank when d is 0), "LABEL n" and "LABEL of"; a suppressed cell the
 * text "c" (in all three columns of a rate).
 *
 * Every string is written as a string, never as a formula; text that a
 * spreadsheet would take for one (=, +, -, @, tab, CR) is also prefixed
 * with a single quote, as in CSV (io/table.h), so that editing the cell or
 * saving the sheet as CSV cannot bring it to life. A version that is not
 * public is marked OFFICIAL-SENSITIVE in every sheet's printed header and
 * footer and in the document's keywords.
 *
 * The workbook is written to a temporary file (mode 0600) beside path and
 * renamed over it, so a failure leaves no half-written workbook and an
 * earlier file at path is replaced whole.
 */
#ifndef IRO_REPORT_XLSX_H
#define IRO_REPORT_XLSX_H

#include <stddef.h>

#include "core/rtable.h"

/* Writes r to the file path; refuses a path that exists and is not a
 * regular file. Returns 0, or -1 with a message fit for a user in errbuf
 * (at most errsize bytes). */
int report_xlsx_write(const struct report *r, const char *path, char *errbuf,
		      size_t errsize);

#endif
