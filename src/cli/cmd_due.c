/*
 * cmd_due.c - iro due: the next review of every child looked after on a
 * date, and how overdue it is.
 */
#include "lib/common.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "lib/natsort.h"
#include "lib/xalloc.h"
#include "core/date.h"
#include "core/schedule.h"
#include "store/store.h"
#include "cli/cli.h"

static const char *opt_as_of, *opt_format, *opt_overdue, *opt_within;

extern const struct command CMD_DUE;

struct row {
	size_t child;
	int32_t period_start, due;
	int sequence, overdue;
};

struct ctx {
	const struct calendar *cal;
	int32_t as_of;
	long within; /* -1: no limit */
	bool overdue_only;
	struct child_clocks cc;
	struct buf ids;
	struct row *rows;
	size_t nrows, cap;
	long looked_after, overdue, upcoming;
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
	if (x->overdue_only && overdue == 0)
		return 0;
	if (x->within >= 0 && overdue == 0 && nx.due - x->as_of > x->within)
		return 0;
	if (overdue == 0)
		x->upcoming++;
	size_t id = x->ids.len;
	if (buf_add(&x->ids, h->la_child_id, strlen(h->la_child_id) + 1) ||
	    GROW(x->rows, x->cap, x->nrows + 1))
		return -1;
	struct row *r = &x->rows[x->nrows++];
	r->child = id;
	r->period_start = x->cc.periods[nx.period].start;
	r->due = nx.due;
	r->sequence = nx.sequence;
	r->overdue = overdue;
	return 0;
}

static const char *sort_ids;

static int cmp_row(const void *a, const void *b)
{
	const struct row *x = a, *y = b;
	if (x->due != y->due)
		return x->due < y->due ? -1 : 1;
	const char *cx = sort_ids + x->child, *cy = sort_ids + y->child;
	return natcmp(cx, strlen(cx), cy, strlen(cy));
}

static const struct table_column COLS[] = {
	{ "child", CELL_TEXT },
	{ "period_start", CELL_DATE },
	{ "next_sequence", CELL_NUMBER },
	{ "due", CELL_DATE },
	{ "days_overdue", CELL_NUMBER },
};

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
	struct store *st;
	struct calendar cal;
	if (cli_open_with_calendar(&CMD_DUE, db, &st, &cal))
		return 1;
	x.cal = &cal;
	buf_init(&x.ids, (size_t)1 << 32);

	struct err e = { "" };
	char asof[11], detail[96];
	date_format_iso(x.as_of, asof);
	snprintf(detail, sizeof detail,
		 "{\"command\":\"due\",\"as_of\":\"%s\"}", asof);
	int rc = store_audit_read(st, "due", 0, detail, &e);
	if (!rc && (rc = store_each_child(st, each_child, &x, &e)) && !e.msg[0])
		snprintf(e.msg, sizeof e.msg, "out of memory");
	if (rc) {
		fprintf(stderr, "iro due: %s\n", e.msg);
	} else {
		sort_ids = x.ids.data;
		if (x.nrows)
			qsort(x.rows, x.nrows, sizeof *x.rows, cmp_row);
		struct table t;
		table_init(&t, COLS, ARRAY_LEN(COLS));
		for (size_t i = 0; i < x.nrows; i++) {
			const struct row *r = &x.rows[i];
			char ps[11], due[11], seq[12], od[12];
			date_format_iso(r->period_start, ps);
			date_format_iso(r->due, due);
			snprintf(seq, sizeof seq, "%d", r->sequence);
			snprintf(od, sizeof od, "%d", r->overdue);
			const char *cells[] = { x.ids.data + r->child, ps, seq,
						due, od };
			table_add_row(&t, cells);
		}
		rc = cli_write_table(&CMD_DUE, &t, f);
		table_free(&t);
		if (!rc && f == FORMAT_TEXT)
			printf("\n%ld children looked after on %s in the "
			       "standard regime; %ld overdue.\n",
			       x.looked_after, asof, x.overdue);
	}
	free(x.rows);
	buf_free(&x.ids);
	sched_child_free(&x.cc);
	cal_free(&cal);
	store_close(st);
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
