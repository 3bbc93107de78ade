/*
 * cmd_reviews.c - iro reviews: every review held in a date range, with its
 * period of care, sequence number, due date and whether it was in time.
 */
#include "lib/common.h"
#include "core/date.h"
#include "core/schedule.h"
#include "store/store.h"
#include "cli/cli.h"

static const char *opt_from, *opt_to, *opt_format;

extern const struct command CMD_REVIEWS;

enum { C_CHILD, C_PERIOD_START, C_SEQUENCE, C_DUE, C_HELD, C_IN_TIME, C_PN };

static const struct table_column COLS[] = {
	[C_CHILD] = { "child", CELL_TEXT },
	[C_PERIOD_START] = { "period_start", CELL_DATE },
	[C_SEQUENCE] = { "sequence", CELL_NUMBER },
	[C_DUE] = { "due", CELL_DATE },
	[C_HELD] = { "held", CELL_DATE },
	[C_IN_TIME] = { "in_time", CELL_TEXT },
	[C_PN] = { "pn_code", CELL_TEXT },
};

struct ctx {
	const struct calendar *cal;
	int32_t from, to;
	struct child_clocks cc;
	struct table t;
};

static int each_child(void *vctx, const struct child_history *h)
{
	struct ctx *x = vctx;
	size_t first = 0;
	while (first < h->nheld && h->held[first] < x->from)
		first++;
	if (first == h->nheld || h->held[first] > x->to)
		return 0; /* no review in range */
	if (sched_child(&x->cc, x->cal, h->episodes, h->nepisodes, h->held,
			h->nheld))
		return -1;
	for (size_t i = first; i < h->nheld && h->held[i] <= x->to; i++) {
		const struct review_timing *t = &x->cc.timing[i];
		bool in_period = t->period >= 0;
		char ps[11] = "", due[11], held[11], seq[12] = "";
		if (in_period) {
			date_format_iso(x->cc.periods[t->period].start, ps);
			snprintf(seq, sizeof seq, "%d", t->sequence);
		}
		date_format_iso(t->due, due);
		date_format_iso(h->held[i], held);
		const char *cells[] = {
			[C_CHILD] = h->la_child_id,
			[C_PERIOD_START] = ps,
			[C_SEQUENCE] = seq,
			[C_DUE] = due,
			[C_HELD] = held,
			[C_IN_TIME] = !in_period ? "" : t->in_time ? "yes" : "no",
			[C_PN] = h->pn[i],
		};
		if (table_add_row(&x->t, cells))
			return -1;
	}
	return 0;
}

static int run(const char *db, const char *const *pos)
{
	(void)pos;
	struct ctx x = { 0 };
	enum table_format f;
	if (cli_date(&CMD_REVIEWS, "--from", opt_from, DATE_NONE, &x.from) ||
	    cli_date(&CMD_REVIEWS, "--to", opt_to, DATE_NONE, &x.to) ||
	    cli_format(&CMD_REVIEWS, opt_format, &f))
		return 2;
	if (x.to < x.from) {
		args_bad(&CMD_REVIEWS, "--to", opt_to, "is before --from");
		return 2;
	}
	struct calendar cal;
	x.cal = &cal;
	table_init(&x.t, COLS, ARRAY_LEN(COLS));
	char detail[128];
	snprintf(detail, sizeof detail,
		 "{\"command\":\"reviews\",\"from\":\"%s\",\"to\":\"%s\"}",
		 opt_from, opt_to);
	int rc = cli_each_child(&CMD_REVIEWS, db, "reviews", detail, each_child,
				&x, &cal);
	if (!rc) {
		cal_free(&cal);
		static const size_t by[] = { C_HELD, C_CHILD };
		rc = cli_sort_and_write(&CMD_REVIEWS, &x.t, by, ARRAY_LEN(by), f);
	}
	table_free(&x.t);
	sched_child_free(&x.cc);
	return rc ? 1 : 0;
}

static const struct opt OPTS[] = {
	{ "from", "DATE", "first day of the range (required)", &opt_from },
	{ "to", "DATE", "last day of the range, included (required)", &opt_to },
	{ "format", "FMT", "text, csv or json (default text)", &opt_format },
	{ NULL, NULL, NULL, NULL },
};

const struct command CMD_REVIEWS = {
	.name = "reviews",
	.summary = "List the reviews held from --from to --to, each timed "
		   "against the statutory schedule.",
	.details =
		"One row per review held in the range (both days included), "
		"in date order:\n"
		"  child         the LA's child id (SSDA903 CHILD)\n"
		"  period_start  the start of the period of care the review "
		"belongs to\n"
		"  sequence      1 for the period's first review, 2 its second, "
		"and so on\n"
		"  due           the date it was due by\n"
		"  held          the date it was held\n"
		"  in_time       yes if held on or before the due date, else no\n"
		"  pn_code       participation, PN0-PN7 (blank if not recorded)\n"
		"Standard reviews are due within 20 working days of the "
		"period's start, then 3 months\nafter review 1, then 6 months "
		"after the previous review (reg 33); short breaks and\n"
		"adoption follow their own rules (docs/cli.md). A review on no "
		"day of any period of\ncare has blank period_start, sequence, "
		"due and in_time.",
	.opts = OPTS,
	.run = run,
};
