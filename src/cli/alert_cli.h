/*
 * alert_cli.h - what the alert commands share: an alert opened with its
 * ladder and its clock's view of it (store_alert_open, which the web uses
 * too), and how a casework write's outcome is printed.
 */
#ifndef IRO_ALERT_CLI_H
#define IRO_ALERT_CLI_H

#include "cli/args.h"
#include "core/alert_measures.h"
#include "core/alerts.h"
#include "core/record.h"
#include "store/casework.h"
#include "store/store.h"

struct alert_cli {
	struct store *st;
	struct record r;
	struct ladder ladder;   /* none (0 stages) for good practice */
	struct alert_view view; /* as recorded (not cut to a date) */
};

/* Opens the store and the alert `ref` (its id); prints why not and
 * returns 1. alert_cli_close frees what it holds, opened or not. */
int alert_cli_open(const struct command *cmd, const char *db,
		   const char *ref, struct alert_cli *a);
void alert_cli_close(struct alert_cli *a);

#endif
