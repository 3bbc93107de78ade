/*
 * alert_cli.c - an alert opened for a command (alert_cli.h).
 */
#include "lib/common.h"
#include "lib/err.h"
#include "cli/alert_cli.h"
#include "cli/cli.h"
#include "cli/record_cli.h"

int alert_cli_ladder(const struct command *cmd, struct store *st,
		     struct record *r, struct ladder *l)
{
	struct err e = { "" };
	size_t f = (size_t)kind_field(r->kind, "ladder");
	char key[32];
	if (!r->v[f].set) {
		if (store_active_ladder(st, key, sizeof key, &e) ||
		    record_set_text(r, f, key)) {
			fprintf(stderr, "iro %s: %s\n", cmd->name,
				e.msg[0] ? e.msg : "out of memory");
			return 1;
		}
	}
	int rc = store_ladder(st, r->v[f].s, false, l, &e);
	if (rc < 0)
		fprintf(stderr, "iro %s: %s\n", cmd->name, e.msg);
	else if (rc == 0)
		fprintf(stderr, "iro %s: --ladder \"%s\": there is no ladder "
				"with this key (iro ladder list shows them)\n",
			cmd->name, r->v[f].s);
	return rc > 0 ? 0 : 1;
}

int alert_cli_open(const struct command *cmd, const char *db,
		   const char *ref, struct alert_cli *a)
{
	memset(a, 0, sizeof *a);
	record_init(&a->r, &KIND_ALERT);
	if (cli_open(cmd, db, &a->st))
		return 1;
	record_clear(&a->r);
	if (rc_find(cmd, a->st, &KIND_ALERT, ref, &a->r))
		return 1;
	a->ladder.ceiling_wd = LADDER_CEILING_WD;
	const struct value *k = record_get(&a->r, "kind");
	if (strcmp(k->s, "good_practice") != 0 &&
	    alert_cli_ladder(cmd, a->st, &a->r, &a->ladder))
		return 1;
	alert_view_read(&a->r, a->ladder.ceiling_wd, &a->view);
	return 0;
}

void alert_cli_close(struct alert_cli *a)
{
	record_clear(&a->r);
	store_close(a->st);
	a->st = NULL;
}

const struct ladder *alert_cli_ladder_of(struct ladder_cache *c,
					 struct store *st, const char *key,
					 struct err *err)
{
	if (!key)
		return NULL;
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->v[i].key, key) == 0)
			return &c->v[i];
	if (c->n == ALERT_CLI_LADDERS)
		return NULL;
	struct ladder *l = &c->v[c->n];
	if (store_ladder(st, key, false, l, err) <= 0)
		return NULL;
	c->n++;
	return l;
}

struct listed {
	struct alert_counts *c;
	long order;
};

static int add_listed(void *vctx, const struct record *r)
{
	struct listed *l = vctx;
	if (!record_get(r, "active")->i)
		return 0;
	return alert_counts_ensure(l->c, record_get(r, "name")->s, l->order++);
}

int alert_cli_listed_rows(struct store *st, const struct kind *k,
			  struct alert_counts *c, struct err *err)
{
	struct listed l = { c, 0 };
	return store_record_each(st, k, add_listed, &l, err);
}
