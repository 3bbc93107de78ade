/*
 * cmd_caseload.c - iro caseload: children per IRO and per FTE on a day,
 * against the IRO Handbook's range of 50-70 (spec §4).
 */
#include "lib/common.h"
#include "lib/err.h"
#include "lib/xalloc.h"
#include "core/date.h"
#include "core/worklist.h"
#include "store/store.h"
#include "cli/cli.h"
#include "store/roster.h"

static const char *opt_as_of, *opt_format;

extern const struct command CMD_CASELOAD;

struct ctx {
	int32_t as_of;
	const struct roster *ro;
	long *children, *cover; /* per roster index */
	long looked_after, unallocated, orphaned;
};

static int each_child(void *vctx, const struct wl_child *c,
		      const char *la_child_id)
{
	(void)la_child_id;
	struct ctx *x = vctx;
	struct wl_status s;
	wl_child_status(c, x->as_of, &s);
	if (!s.looked_after)
		return 0;
	x->looked_after++;
	if (!s.iro)
		x->unallocated++;
	const struct roster_iro *i = s.iro ? roster_find(x->ro, s.iro) : NULL;
	if (i)
		x->children[i - x->ro->v]++;
	const struct roster_iro *cv =
		s.cover_iro ? roster_find(x->ro, s.cover_iro) : NULL;
	if (cv)
		x->cover[cv - x->ro->v]++;
	return 0;
}

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

/* A row for every IRO in post on the day, and any other IRO who still
 * has children allocated. */
static int add_rows(struct table *t, const struct ctx *x, double *fte_sum,
		    long *allocated)
{
	for (size_t i = 0; i < x->ro->n; i++) {
		const struct roster_iro *r = &x->ro->v[i];
		double fte = wl_fte_on(&r->w, x->as_of);
		long n = x->children[i];
		if (fte <= 0 && n == 0 && x->cover[i] == 0)
			continue;
		*fte_sum += fte;
		*allocated += n;
		char f[16], c[16], cv[16], per[16];
		snprintf(f, sizeof f, "%.2f", fte);
		snprintf(c, sizeof c, "%ld", n);
		snprintf(cv, sizeof cv, "%ld", x->cover[i]);
		if (fte > 0)
			snprintf(per, sizeof per, "%.1f", (double)n / fte);
		else
			snprintf(per, sizeof per, "%s", "");
		const char *cells[] = {
			[C_IRO] = r->name,
			[C_TEAM] = r->team,
			[C_FTE] = f,
			[C_CHILDREN] = c,
			[C_COVER] = cv,
			[C_PER_FTE] = per,
			[C_BAND] = fte > 0 ? band_name(caseload_band(n, fte))
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
	struct ctx x = { 0 };
	enum table_format f;
	if (cli_date(&CMD_CASELOAD, "--as-of", opt_as_of, cli_today(),
		     &x.as_of) ||
	    cli_format(&CMD_CASELOAD, opt_format, &f))
		return 2;
	struct store *st;
	if (cli_open(&CMD_CASELOAD, db, &st))
		return 1;
	struct roster ro;
	struct err e = { "" };
	struct table t;
	table_init(&t, COLS, ARRAY_LEN(COLS));
	/* Only who is allocated matters: no look-back for minutes. */
	struct wl_settings ws;
	wl_settings_default(&ws, x.as_of);
	ws.minutes_lookback_days = 0;
	char detail[96], d[11];
	date_format_iso(x.as_of, d);
	snprintf(detail, sizeof detail,
		 "{\"command\":\"caseload\",\"as_of\":\"%s\"}", d);
	int rc = roster_load(st, &ro, &e);
	x.ro = &ro;
	if (rc == 0 && (!(x.children = calloc(ro.n + 1, sizeof *x.children)) ||
			!(x.cover = calloc(ro.n + 1, sizeof *x.cover))))
		rc = err_set(&e, "out of memory");
	if (rc == 0)
		rc = store_audit_read(st, "caseload", 0, detail, &e);
	if (rc == 0)
		rc = store_each_worklist_child(st, &ws, 0, each_child, &x, &e);
	double fte = 0;
	long allocated = 0;
	if (rc == 0 && (rc = add_rows(&t, &x, &fte, &allocated)) != 0)
		err_set(&e, "out of memory");
	if (rc == 0) {
		static const size_t by[] = { C_IRO };
		rc = cli_sort_and_write(&CMD_CASELOAD, &t, by, 1, f);
		if (rc == 0 && f == FORMAT_TEXT)
			printf("\n%ld children looked after on %s; %ld "
			       "allocated to %.2f FTE of IROs (%.1f per FTE; "
			       "IRO Handbook 50-70); %ld with no IRO.\n",
			       x.looked_after, d, allocated, fte,
			       fte > 0 ? (double)allocated / fte : 0.0,
			       x.unallocated);
	} else {
		fprintf(stderr, "iro caseload: %s\n", e.msg);
	}
	table_free(&t);
	roster_free(&ro);
	free(x.children);
	free(x.cover);
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
