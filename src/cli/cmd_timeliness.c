/*
 * cmd_timeliness.c - iro timeliness: how many reviews were held in time
 * over a reporting year or any window (spec §4, measures M22 and M23).
 */
#include "lib/common.h"
#include "lib/err.h"
#include "core/date.h"
#include "core/timeliness.h"
#include "store/store.h"
#include "cli/cli.h"

static const char *opt_year, *opt_from, *opt_to, *opt_format;

extern const struct command CMD_TIMELINESS;

struct ctx {
	const struct calendar *cal;
	struct child_clocks cc;
	struct timeliness t;
};

static int each_child(void *vctx, const struct child_history *h)
{
	struct ctx *x = vctx;
	if (sched_child(&x->cc, x->cal, h->episodes, h->nepisodes, h->held,
			h->nheld))
		return -1;
	tml_add_child(&x->t, x->cal, x->cc.periods, x->cc.nperiods, h->held,
		      x->cc.timing, h->nheld);
	return 0;
}

static const struct table_column COLS[] = {
	{ "measure", CELL_TEXT },
	{ "in_time", CELL_NUMBER },
	{ "total", CELL_NUMBER },
	{ "percent", CELL_NUMBER },
};

static void add_rate(struct table *t, const char *name, long num, long den)
{
	char a[24], b[24], pct[16] = "";
	snprintf(a, sizeof a, "%ld", num);
	snprintf(b, sizeof b, "%ld", den);
	if (den > 0)
		snprintf(pct, sizeof pct, "%.1f", 100.0 * (double)num / (double)den);
	const char *cells[] = { name, a, b, pct };
	table_add_row(t, cells);
}

static int run(const char *db, const char *const *pos)
{
	(void)pos;
	struct ctx x = { 0 };
	enum table_format f;
	int32_t from, to;
	if (opt_year) {
		if (opt_from || opt_to) {
			fprintf(stderr, "iro timeliness: give --year, or --from "
					"and --to, not both\n");
			return 2;
		}
		if (cli_year(&CMD_TIMELINESS, opt_year, &from, &to))
			return 2;
	} else if (cli_date(&CMD_TIMELINESS, "--from", opt_from, DATE_NONE,
			    &from) ||
		   cli_date(&CMD_TIMELINESS, "--to", opt_to, DATE_NONE, &to)) {
		return 2;
	}
	if (cli_format(&CMD_TIMELINESS, opt_format, &f))
		return 2;
	if (to < from) {
		args_bad(&CMD_TIMELINESS, "--to", opt_to, "is before --from");
		return 2;
	}
	struct calendar cal;
	x.cal = &cal;
	tml_init(&x.t, from, to);
	char a[11], b[11], detail[128];
	date_format_iso(from, a);
	date_format_iso(to, b);
	snprintf(detail, sizeof detail,
		 "{\"command\":\"timeliness\",\"from\":\"%s\",\"to\":\"%s\"}", a,
		 b);
	int rc = cli_each_child(&CMD_TIMELINESS, db, "timeliness", detail,
				each_child, &x, &cal);
	if (!rc) {
		cal_free(&cal);
		const struct timeliness *t = &x.t;
		struct table tb;
		table_init(&tb, COLS, ARRAY_LEN(COLS));
		add_rate(&tb, "first reviews", t->in_time[TML_FIRST],
			 t->held[TML_FIRST]);
		add_rate(&tb, "second reviews", t->in_time[TML_SECOND],
			 t->held[TML_SECOND]);
		add_rate(&tb, "subsequent reviews", t->in_time[TML_LATER],
			 t->held[TML_LATER]);
		add_rate(&tb, "all reviews", t->in_time[TML_ALL],
			 t->held[TML_ALL]);
		add_rate(&tb, "children (every review in time)",
			 t->children_all_in_time, t->children_with_due);
		if (f == FORMAT_TEXT) {
			char la[32], lb[32];
			date_format_long(from, la, sizeof la);
			date_format_long(to, lb, sizeof lb);
			printf("Review timeliness, %s to %s\n(standard "
			       "looked-after reviews held; in time = held on or "
			       "before the due date)\n\n",
			       la + 4, lb + 4);
		}
		rc = cli_write_table(&CMD_TIMELINESS, &tb, f);
		table_free(&tb);
		if (!rc && f == FORMAT_TEXT) {
			printf("\nchildren: of those looked after on %s with a "
			       "review due in the window, those whose\nreviews "
			       "due in it were all held in time.\n", b);
			printf("Overdue on %s: %ld (children looked after whose "
			       "next review was due before that day),\nand %ld "
			       "short-break or adoption reviews.\n",
			       b, t->overdue_at_end, t->overdue_apart_at_end);
			printf("Counted apart: %ld short-break reviews, %ld "
			       "adoption reviews",
			       t->held_by_regime[REGIME_SHORT_BREAK],
			       t->held_by_regime[REGIME_ADOPTION_AUTHORITY] +
				       t->held_by_regime[REGIME_ADOPTION_PLACED]);
			if (t->held_outside_periods)
				printf(", %ld reviews outside any period of care",
				       t->held_outside_periods);
			printf(".\n");
		}
	}
	sched_child_free(&x.cc);
	return rc ? 1 : 0;
}

static const struct opt OPTS[] = {
	{ "year", "YYYY-YY", "a reporting year, 1 April to 31 March", &opt_year },
	{ "from", "DATE", "or the first day of any window", &opt_from },
	{ "to", "DATE", "and its last day, included", &opt_to },
	{ "format", "FMT", "text, csv or json (default text)", &opt_format },
	{ NULL, NULL, NULL, NULL },
};

const struct command CMD_TIMELINESS = {
	.name = "timeliness",
	.summary = "Summarise review timeliness over a reporting year or any "
		   "window.",
	.details =
		"Rows (measure, in_time, total, percent):\n"
		"  first/second/subsequent/all reviews  standard looked-after "
		"reviews held in the\n"
		"      window, by sequence, held on or before their due date\n"
		"  children (every review in time)  children looked after on the "
		"last day whose\n      reviews due in the window were all held "
		"in time, of those with a review due\n"
		"Short-break and adoption reviews are counted apart; a child "
		"leaves the standard\nmeasures from the adoption authority "
		"date.",
	.opts = OPTS,
	.run = run,
};
