/*
 * load.h - `iro load`: records from a JSON Lines file (docs/records.md).
 */
#ifndef IRO_LOAD_H
#define IRO_LOAD_H

#include "core/problem.h"

struct store;
struct err;

struct load_counts {
	long records, added, changed, same;
};

/* Stop reading after this many errors: the file is wrong already. */
#define LOAD_MAX_ERRORS 200

/*
 * Puts every record of the file into the store, inside the caller's
 * transaction: children first (each after its looked-after parent), then
 * every other line in order. Each problem is added to p with the file and
 * line; the caller rolls back when there are errors. Returns -1 only when
 * the file cannot be read or the database fails (err).
 */
int load_jsonl(struct store *st, const char *path, struct load_counts *c,
	       struct problems *p, struct err *err);

#endif
