/*
 * alert_cli.c - an alert opened for a command (alert_cli.h).
 */
#include "lib/common.h"
#include "lib/err.h"
#include "cli/alert_cli.h"
#include "cli/cli.h"
#include "cli/record_cli.h"

int alert_cli_open(const struct command *cmd, const char *db,
		   const char *ref, struct alert_cli *a)
{
	memset(a, 0, sizeof *a);
	record_init(&a->r, &KIND_ALERT);
	if (cli_open(cmd, db, &a->st))
		return 1;
	struct record key;
	record_init(&key, &KIND_ALERT);
	if (rc_find(cmd, a->st, &KIND_ALERT, ref, &key)) {
		record_clear(&key);
		return 1;
	}
	int64_t id = key.id;
	record_clear(&key);
	struct alert_case c;
	struct err e = { "" };
	int rc = store_alert_open(a->st, id, &c, &e);
	if (rc <= 0) {
		alert_case_clear(&c);
		fprintf(stderr, "iro %s: %s\n", cmd->name,
			rc < 0 ? e.msg : "there is no such alert");
		return 1;
	}
	record_clear(&a->r);
	a->r = c.r; /* the record's memory passes to a */
	a->ladder = c.ladder;
	a->view = c.view;
	a->view.in.stages = a->view.stages;
	return 0;
}

void alert_cli_close(struct alert_cli *a)
{
	record_clear(&a->r);
	store_close(a->st);
	a->st = NULL;
}
