/*
 * cli.h - what the command files share: opening the store, reading dates
 * and formats from options, printing problems. Each command is a struct
 * command (args.h) defined in its own cmd_*.c and listed in main.c.
 *
 * Exit statuses: 0 success, 1 the command failed (bad data, a database
 * error), 2 the command line was wrong.
 */
#ifndef IRO_CLI_H
#define IRO_CLI_H

#include <stdint.h>

#include "cli/args.h"
#include "core/problem.h"
#include "io/table.h"

struct store;
struct calendar;
struct child_history;

/* The database a command uses: --db, else $IRO_DB, else ./iro.db. */
const char *cli_db_path(const char *db);

/* True when no database was named (--db or $IRO_DB) and ./iro.db does not
 * exist: commands that can work without one (the calendar) then use the
 * standard calendar alone. */
bool cli_no_database(const char *db);

/* Opens the existing database at db; prints why not and returns -1. */
int cli_open(const struct command *cmd, const char *db, struct store **st);

/* Opens the store and loads its calendar. */
int cli_open_with_calendar(const struct command *cmd, const char *db,
			   struct store **st, struct calendar *cal);

/*
 * The read every clock command makes: opens the store, loads its calendar
 * into *cal (which the callbacks may use through ctx; the caller frees it
 * with cal_free after a 0 return), writes the audit row for the read
 * (entity, detail) and calls fn for every child. Prints any failure and
 * returns -1.
 */
int cli_each_child(const struct command *cmd, const char *db,
		   const char *entity, const char *detail,
		   int (*fn)(void *ctx, const struct child_history *h),
		   void *ctx, struct calendar *cal);

/* Reads an ISO date given to option `opt` (e.g. "--as-of"); NULL value
 * gives `fallback` (DATE_NONE: the option is required). Prints the
 * problem and returns -1 when it is not a date. */
int cli_date(const struct command *cmd, const char *opt, const char *value,
	     int32_t fallback, int32_t *out);

/* Reads --format (NULL gives text). */
int cli_format(const struct command *cmd, const char *value,
	       enum table_format *out);

/* Reads a whole number in [min, max]. */
int cli_int(const struct command *cmd, const char *what, const char *value,
	    long min, long max, long *out);

/* Today's date where iro runs. */
int32_t cli_today(void);

/* A reporting year "2021-22" (or "2021/22") -> 1 Apr 2021 .. 31 Mar 2022. */
int cli_year(const struct command *cmd, const char *value, int32_t *from,
	     int32_t *to);

/* Prints problems to stderr, errors first; at most max_warnings
 * warnings, then a count of the rest. */
void cli_print_problems(struct problems *p, size_t max_warnings);

/* Sorts a table by the columns `by` (table_sort) and writes it. */
int cli_sort_and_write(const struct command *cmd, struct table *t,
		       const size_t *by, size_t nby, enum table_format f);

/* The collection year d->year's SSDA903 return from the store (made with
 * v903_init), read in one transaction so every table is of one moment.
 * Prints any failure and returns -1. */
struct v903_data;
int cli_return_from_store(const struct command *cmd, const char *db,
			  struct v903_data *d);

/* Writes a table to stdout; prints an error and returns 1 on failure. */
int cli_write_table(const struct command *cmd, const struct table *t,
		    enum table_format f);

#endif
