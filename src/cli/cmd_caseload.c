/*
 * cmd_caseload.c - iro caseload: children per IRO and per FTE on a day,
 * against the IRO Handbook's range of 50-70 (spec §4); the counting is
 * store_caseloads', which the web's caseloads page shows too.
 */
#include "lib/common.h"
#include "lib/err.h"
#include "lib/xalloc.h"
#include "core/date.h"
#include "core/worklist.h"
#include "store/store.h"
#include "cli/cli.h"
#include "store/casework.h"
#include "store/roster.h"

static const char *opt_as_of, *opt_format;

extern const struct command CMD_CASELOAD;

enum { C_IRO, C_TEAM, C_FTE, C_CHILDREN, C_COVER, C_PER_FTE, C_BAND };

static const struct table_column COLS[] = {
	[C_IRO] = { "iro", CELL_TEXT },
	[C_TEAM] = { "team", CELL_TEXT },
	[C_FTE] = { "fte", CELL_NUMBER },
	[C_CHILDREN] = { "children", CELL_NUMBER },
	[C_COVER] = { "cover", CELL_NUMBER },
	[C_PER_FTE] = { "per_fte", CELL_NUMBER },
	[C_BAND] = { "range", CELL_TEXT },
};

static const char *band_name(enum caseload_band b)
{
	return b == CASELOAD_BELOW ? "below 50"
	       : b == CASELOAD_ABOVE ? "above 70"
				     : "50-70";
}

static int add_rows(struct table *t, const struct caseloads *c)
{
	for (size_t i = 0; i < c->n; i++) {
		const struct caseload_iro *r = &c->v[i];
		char f[16], n[16], cv[16], per[16];
		snprintf(f, sizeof f, "%.2f", r->fte);
		snprintf(n, sizeof n, "%ld", r->children);
		snprintf(cv, sizeof cv, "%ld", r->cover);
		if (r->fte > 0)
			snprintf(per, sizeof per, "%.1f",
				 (double)r->children / r->fte);
		else
			snprintf(per, sizeof per, "%s", "");
		const char *cells[] = {
			[C_IRO] = r->iro->name,
			[C_TEAM] = r->iro->team,
			[C_FTE] = f,
			[C_CHILDREN] = n,
			[C_COVER] = cv,
			[C_PER_FTE] = per,
			[C_BAND] = r->fte > 0 ? band_name(caseload_band(
							r->children, r->fte))
					      : "not in post",
		};
		if (table_add_row(t, cells))
			return -1;
	}
	return 0;
}

static int run(const char *db, const char *const *pos)
{
	(void)pos;
	int32_t as_of;
	enum table_format f;
	if (cli_date(&CMD_CASELOAD, "--as-of", opt_as_of, cli_today(),
		     &as_of) ||
	    cli_format(&CMD_CASELOAD, opt_format, &f))
		return 2;
	struct store *st;
	if (cli_open(&CMD_CASELOAD, db, &st))
		return 1;
	struct roster ro;
	struct caseloads c = { 0 };
	struct err e = { "" };
	struct table t;
	table_init(&t, COLS, ARRAY_LEN(COLS));
	char detail[96], d[11];
	date_format_iso(as_of, d);
	snprintf(detail, sizeof detail,
		 "{\"command\":\"caseload\",\"as_of\":\"%s\"}", d);
	int rc = roster_load(st, &ro, &e);
	if (rc == 0)
		rc = store_audit_read(st, "caseload", 0, detail, &e);
	if (rc == 0)
		rc = store_caseloads(st, &ro, as_of, &c, &e);
	if (rc == 0 && (rc = add_rows(&t, &c)) != 0)
		err_set(&e, "out of memory");
	if (rc == 0) {
		static const size_t by[] = { C_IRO };
		rc = cli_sort_and_write(&CMD_CASELOAD, &t, by, 1, f);
		if (rc == 0 && f == FORMAT_TEXT)
			printf("\n%ld children looked after on %s; %ld "
			       "allocated to %.2f FTE of IROs (%.1f per FTE; "
			       "IRO Handbook 50-70); %ld with no IRO.\n",
			       c.looked_after, d, c.allocated, c.fte,
			       c.fte > 0 ? (double)c.allocated / c.fte : 0.0,
			       c.unallocated);
	} else {
		fprintf(stderr, "iro caseload: %s\n", e.msg);
	}
	table_free(&t);
	caseloads_free(&c);
	roster_free(&ro);
	store_close(st);
	return rc ? 1 : 0;
}

static const struct opt OPTS[] = {
	{ "as-of", "DATE", "the day (default: today)", &opt_as_of },
	{ "format", "FMT", "text, csv or json (default text)", &opt_format },
	{ NULL, NULL, NULL, NULL },
};

const struct command CMD_CASELOAD = {
	.name = "caseload",
	.summary = "Children per IRO and per FTE on a day, against 50-70.",
	.details =
		"One row per IRO in post on --as-of (or still holding "
		"children):\n"
		"  iro, team\n"
		"  fte        full-time equivalence that day (the IRO's dated "
		"FTE history)\n"
		"  children   children looked after that day allocated to the "
		"IRO (cover apart)\n"
		"  cover      children the IRO covers for an absent colleague\n"
		"  per_fte    children / fte\n"
		"  range      below 50, 50-70 or above 70 per FTE (IRO "
		"Handbook)\n"
		"A child leaving care leaves the caseload that day, whether or "
		"not the\nallocation was ended.",
	.opts = OPTS,
	.run = run,
};
