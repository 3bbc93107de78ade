/*
 * cmd_due.c - iro due: the next review of every child looked after on a
 * date, and how overdue it is.
 */
#include "lib/common.h"
#include "lib/xalloc.h"
#include "core/date.h"
#include "core/schedule.h"
#include "store/store.h"
#include "cli/cli.h"

static const char *opt_as_of, *opt_format, *opt_overdue, *opt_within;

extern const struct command CMD_DUE;

enum { C_CHILD, C_PERIOD_START, C_SEQUENCE, C_DUE, C_OVERDUE };

static const struct table_column COLS[] = {
	[C_CHILD] = { "child", CELL_TEXT },
	[C_PERIOD_START] = { "period_start", CELL_DATE },
	[C_SEQUENCE] = { "next_sequence", CELL_NUMBER },
	[C_DUE] = { "due", CELL_DATE },
	[C_OVERDUE] = { "days_overdue", CELL_NUMBER },
};

struct ctx {
	const struct calendar *cal;
	int32_t as_of;
	long within; /* -1: no limit */
	bool overdue_only;
	struct child_clocks cc;
	struct table t;
	long looked_after, overdue;
};

static int each_child(void *vctx, const struct child_history *h)
{
	struct ctx *x = vctx;
	if (h->nepisodes == 0)
		return 0;
	if (GROW(x->cc.periods, x->cc.pcap, h->nepisodes))
		return -1;
	size_t np = period_build(h->episodes, h->nepisodes, x->cc.periods);
	struct next_review nx;
	if (!sched_next_review(x->cal, x->cc.periods, np, h->held, h->nheld,
			       x->as_of, &nx) ||
	    nx.regime != REGIME_STANDARD)
		return 0;
	x->looked_after++;
	int overdue = sched_days_overdue(nx.due, x->as_of);
	if (overdue > 0)
		x->overdue++;
	if ((x->overdue_only && overdue == 0) ||
	    (x->within >= 0 && overdue == 0 && nx.due - x->as_of > x->within))
		return 0;
	char ps[11], due[11], seq[12], od[12];
	date_format_iso(x->cc.periods[nx.period].start, ps);
	date_format_iso(nx.due, due);
	snprintf(seq, sizeof seq, "%d", nx.sequence);
	snprintf(od, sizeof od, "%d", overdue);
	const char *cells[] = {
		[C_CHILD] = h->la_child_id, [C_PERIOD_START] = ps,
		[C_SEQUENCE] = seq,	    [C_DUE] = due,
		[C_OVERDUE] = od,
	};
	return table_add_row(&x->t, cells);
}

static int run(const char *db, const char *const *pos)
{
	(void)pos;
	struct ctx x = { .within = -1 };
	enum table_format f;
	if (cli_date(&CMD_DUE, "--as-of", opt_as_of, cli_today(), &x.as_of) ||
	    cli_format(&CMD_DUE, opt_format, &f) ||
	    (opt_within &&
	     cli_int(&CMD_DUE, "--within", opt_within, 0, 3660, &x.within)))
		return 2;
	x.overdue_only = opt_overdue != NULL;
	struct calendar cal;
	x.cal = &cal;
	table_init(&x.t, COLS, ARRAY_LEN(COLS));
	char asof[11], detail[96];
	date_format_iso(x.as_of, asof);
	snprintf(detail, sizeof detail,
		 "{\"command\":\"due\",\"as_of\":\"%s\"}", asof);
	int rc = cli_each_child(&CMD_DUE, db, "due", detail, each_child, &x,
				&cal);
	if (!rc) {
		cal_free(&cal);
		/* Most overdue first: by due date, then child. */
		static const size_t by[] = { C_DUE, C_CHILD };
		rc = cli_sort_and_write(&CMD_DUE, &x.t, by, ARRAY_LEN(by), f);
		if (!rc && f == FORMAT_TEXT)
			printf("\n%ld children looked after on %s in the "
			       "standard regime; %ld overdue.\n",
			       x.looked_after, asof, x.overdue);
	}
	table_free(&x.t);
	sched_child_free(&x.cc);
	return rc ? 1 : 0;
}

static const struct opt OPTS[] = {
	{ "as-of", "DATE", "the day to look from (default: today)", &opt_as_of },
	{ "format", "FMT", "text, csv or json (default text)", &opt_format },
	{ "overdue", NULL, "only reviews overdue on the day", &opt_overdue },
	{ "within", "DAYS", "only overdue reviews and those due within DAYS "
			    "days", &opt_within },
	{ NULL, NULL, NULL, NULL },
};

const struct command CMD_DUE = {
	.name = "due",
	.summary = "List the next review of every child looked after on a day, "
		   "most overdue first.",
	.details =
		"One row per child looked after on --as-of in the standard "
		"looked-after regime\n(short breaks and children with authority "
		"to place for adoption are left out):\n"
		"  child          the LA's child id (SSDA903 CHILD)\n"
		"  period_start   the start of the current period of care\n"
		"  next_sequence  the sequence number the next review will have\n"
		"  due            the date it is due by\n"
		"  days_overdue   calendar days past due on --as-of (0 when not "
		"overdue)\n"
		"A child is looked after on a day when a period of care started "
		"on or before it and\nhad not ended by it (a period ending that "
		"day has ended). A review due on the day\nis not yet overdue; "
		"reviews held on the day count as held.",
	.opts = OPTS,
	.run = run,
};
