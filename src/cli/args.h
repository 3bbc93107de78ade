/*
 * args.h - command-line options, declared as a table per command so that
 * parsing, --help and error messages come from one place.
 *
 * Every command takes --db PATH (default $IRO_DB, then ./iro.db) and
 * --help. Options are --name VALUE or --name=VALUE; flags take no value.
 */
#ifndef IRO_ARGS_H
#define IRO_ARGS_H

#include <stdbool.h>

struct opt {
	const char *name;    /* without the dashes: "as-of" */
	const char *metavar; /* "DATE"; NULL for a flag */
	const char *help;
	const char **value;  /* where the value goes; flags get "yes" */
};

struct command {
	const char *name;     /* "due", or "calendar is-workday" */
	const char *args;     /* positional arguments, for usage: "DATE N" */
	int npos;             /* how many positional arguments it needs */
	int nopt;             /* and how many more it may take after them */
	const char *summary;  /* one line */
	const char *details;  /* more paragraphs for --help, or NULL */
	const struct opt *opts; /* ended by an entry with name NULL */
	/* Also takes --FIELD VALUE for the fields of a record (args_fields);
	 * the command checks the names against the record's kind. */
	bool field_opts;
	int (*run)(const char *db, const char *const *pos);
};

enum args_result { ARGS_OK, ARGS_HELP, ARGS_BAD };

#define ARGS_MAX_FIELDS 48

/* The --FIELD VALUE pairs a field_opts command was given, dashes in the
 * names turned to underscores ("--minutes-sent" is field minutes_sent). */
struct field_arg {
	char name[40];
	const char *value;
};
struct field_args {
	struct field_arg v[ARGS_MAX_FIELDS];
	size_t n;
};
const struct field_args *args_fields(void);

/* Parses argv (after the command's words) for cmd: option values go to
 * their opts' pointers, positional arguments to pos (cmd->npos of them),
 * the database path to *db. Prints usage on --help or a mistake. */
enum args_result args_parse(const struct command *cmd, int argc, char **argv,
			    const char **db, const char **pos);

void args_usage(const struct command *cmd, bool full);

/* Reports a bad argument value: "iro CMD: --as-of "x": not a date ...". */
int args_bad(const struct command *cmd, const char *what, const char *value,
	     const char *why);

#endif
