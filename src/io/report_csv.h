/*
 * report_csv.h - a report (core/rtable.h) as a folder of CSV files, for
 * people who take the figures into their own spreadsheets or programs.
 *
 * The folder holds:
 *   index.csv   file,title,note,seeds: one row per table, in report order;
 *   report.csv  item,value,previous: the report's title, authority,
 *               period (and its first and last days, "from" and "to"),
 *               the day it was "made" (ISO dates), its version ("public"
 *               or "OFFICIAL-SENSITIVE") and the notice that goes with
 *               it; then a row per headline figure, as people read it
 *               ("93.0% (1,204 of 1,295)"), last year's beside it;
 *   KEY.csv     one per table, named by its key: a header row (the corner
 *               label, then the column labels) and a row per table row.
 *
 * Cells: a count is an integer; a value has the table's decimals; a rate
 * takes three columns under its column label: "LABEL", its percentage
 * with one decimal and no % sign (empty when the denominator is 0),
 * "LABEL n", the numerator, and "LABEL of", the denominator. A column is
 * a rate column when any of its cells is a rate; a count or value in such
 * a column sits in its first column, the other two left empty. A
 * suppressed cell (public versions) is "c", in all three columns of a
 * rate. A cell with nothing to show is empty.
 *
 * The files are RFC 4180 with LF line ends (as every CSV iro writes, see
 * io/table.h), UTF-8 without a byte order mark. Text that a spreadsheet
 * would read as a formula (=, +, -, @, tab, CR) is prefixed with a single
 * quote; numbers are never altered.
 *
 * The report holds children's data: the folder is made with mode 0700
 * when missing (an existing folder is used as it is) and each file is
 * written 0600 under a temporary name, then renamed into place, so a
 * failure never leaves a half-written file under a table's name.
 */
#ifndef IRO_REPORT_CSV_H
#define IRO_REPORT_CSV_H

#include <stddef.h>

#include "core/rtable.h"

/* The notice a version carries, as the HTML report words it: for a
 * public one, which numbers are shown as c; otherwise, that it holds
 * personal data marked OFFICIAL-SENSITIVE. The XLSX writer uses it too. */
void report_notice(const struct report *r, char *out, size_t size);

/* Writes r into the folder dir, made if missing; refuses when dir exists
 * and is not a folder. Returns 0, or -1 with a message fit for a user in
 * errbuf (at most errsize bytes). */
int report_csv_write(const struct report *r, const char *dir, char *errbuf,
		     size_t errsize);

#endif
