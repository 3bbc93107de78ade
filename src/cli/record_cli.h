/*
 * record_cli.h - what the record commands share: fields from --FIELD VALUE
 * options, finding a record by what a user types, and writing a record in
 * its own transaction with every refusal printed by field.
 */
#ifndef IRO_RECORD_CLI_H
#define IRO_RECORD_CLI_H

#include "cli/args.h"
#include "core/record.h"
#include "store/store.h"

/* Sets r's fields from the command's --FIELD VALUE options ("" clears a
 * field). Prints what is wrong and returns 2 (a usage error). Fields the
 * command sets itself (`reserved`, NULL-terminated) are refused. */
int rc_apply(const struct command *cmd, struct record *r,
	     const char *const *reserved);

/* Sets one field from text, printing what is wrong as "--FIELD". */
int rc_set(const struct command *cmd, struct record *r, const char *field,
	   const char *text);

/* The record of kind k a user means by `ref`: its id, or for a child its
 * LA child id and for an IRO its name. Prints why not and returns 1. */
int rc_find(const struct command *cmd, struct store *st,
	    const struct kind *k, const char *ref, struct record *out);

/*
 * Puts r in one transaction (with `before`, called inside it first, for a
 * write r depends on, such as ending the allocation a transfer replaces;
 * may be NULL). Prints each refusal as "iro CMD: --FIELD "value": reason" and
 * returns 1 with nothing written; on success prints "Added review 12." and
 * returns 0.
 */
int rc_put(const struct command *cmd, struct store *st, struct record *r,
	   int (*before)(void *ctx, struct store *st, struct problems *p,
		       struct err *err),
	   void *ctx);

/* Ends a write for a command: prints each problem as "iro CMD: --FIELD
 * "value": reason" (or the database's failure, rc non-zero), else "Added
 * review 12." (kind, id); returns the exit status (0 or 1). */
int rc_report(const struct command *cmd, int rc, const struct err *e,
	      const struct problems *p, const char *kind, int64_t id,
	      enum put_outcome o);

#endif
