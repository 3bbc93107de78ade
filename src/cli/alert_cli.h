/*
 * alert_cli.h - what the alert commands share: an alert opened with its
 * ladder and its clock's view of it.
 */
#ifndef IRO_ALERT_CLI_H
#define IRO_ALERT_CLI_H

#include "cli/args.h"
#include "core/alert_measures.h"
#include "core/alerts.h"
#include "core/record.h"
#include "store/store.h"

struct alert_cli {
	struct store *st;
	struct record r;
	struct ladder ladder;   /* none (0 stages) for good practice */
	struct alert_view view; /* as recorded (not cut to a date) */
	int stage;              /* the stage a move goes to (1-based) */
};

/* Opens the store and the alert `ref` (its id); prints why not and
 * returns 1. alert_cli_close frees what it holds, opened or not. */
int alert_cli_open(const struct command *cmd, const char *db,
		   const char *ref, struct alert_cli *a);
void alert_cli_close(struct alert_cli *a);

/* The ladder alert r climbs: its own, else the authority's active one
 * (which r then names). Prints why not and returns 1. */
int alert_cli_ladder(const struct command *cmd, struct store *st,
		     struct record *r, struct ladder *l);

/* The ladders alerts name, each read from the store once. */
#define ALERT_CLI_LADDERS 16
struct ladder_cache {
	struct ladder v[ALERT_CLI_LADDERS];
	size_t n;
};
/* The ladder with this key (NULL: none), or NULL when there is none or
 * the cache is full (the caller then counts the alert without stage
 * names). */
const struct ladder *alert_cli_ladder_of(struct ladder_cache *c,
					 struct store *st, const char *key,
					 struct err *err);

/* Adds a row with no alerts for every active team or theme (k is
 * KIND_TEAM or KIND_THEME) in list order, so one with no alerts is still
 * shown (BUCKS-T17). -1 on error (in err). */
int alert_cli_listed_rows(struct store *st, const struct kind *k,
			  struct alert_counts *c, struct err *err);

#endif
