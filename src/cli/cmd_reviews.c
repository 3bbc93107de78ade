/*
 * cmd_reviews.c - iro reviews: every review held in a date range, with its
 * period of care, sequence number, due date and whether it was in time.
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

static const char *opt_from, *opt_to, *opt_format;

extern const struct command CMD_REVIEWS;

struct row {
	size_t child; /* offset of the child's id in ids */
	int32_t period_start, due, held;
	int sequence;
	bool in_time, no_period;
	char pn[4];
};

struct ctx {
	const struct calendar *cal;
	int32_t from, to;
	struct child_clocks cc;
	struct buf ids;
	struct row *rows;
	size_t nrows, cap;
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
	size_t id = x->ids.len;
	if (buf_add(&x->ids, h->la_child_id, strlen(h->la_child_id) + 1))
		return -1;
	for (size_t i = first; i < h->nheld && h->held[i] <= x->to; i++) {
		if (GROW(x->rows, x->cap, x->nrows + 1))
			return -1;
		const struct review_timing *t = &x->cc.timing[i];
		struct row *r = &x->rows[x->nrows++];
		r->child = id;
		r->held = h->held[i];
		r->no_period = t->period < 0;
		r->period_start = r->no_period ? DATE_NONE
					       : x->cc.periods[t->period].start;
		r->sequence = t->sequence;
		r->due = t->due;
		r->in_time = t->in_time;
		snprintf(r->pn, sizeof r->pn, "%s", h->pn[i]);
	}
	return 0;
}

static const char *sort_ids; /* qsort has no context argument */

static int cmp_row(const void *a, const void *b)
{
	const struct row *x = a, *y = b;
	if (x->held != y->held)
		return x->held < y->held ? -1 : 1;
	const char *cx = sort_ids + x->child, *cy = sort_ids + y->child;
	return natcmp(cx, strlen(cx), cy, strlen(cy));
}

static const struct table_column COLS[] = {
	{ "child", CELL_TEXT },	    { "period_start", CELL_DATE },
	{ "sequence", CELL_NUMBER }, { "due", CELL_DATE },
	{ "held", CELL_DATE },	    { "in_time", CELL_TEXT },
	{ "pn_code", CELL_TEXT },
};

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
	struct store *st;
	struct calendar cal;
	if (cli_open_with_calendar(&CMD_REVIEWS, db, &st, &cal))
		return 1;
	x.cal = &cal;
	buf_init(&x.ids, (size_t)1 << 32);

	struct err e = { "" };
	char detail[128];
	snprintf(detail, sizeof detail,
		 "{\"command\":\"reviews\",\"from\":\"%s\",\"to\":\"%s\"}",
		 opt_from, opt_to);
	int rc = store_audit_read(st, "reviews", 0, detail, &e);
	if (!rc && (rc = store_each_child(st, each_child, &x, &e)) && !e.msg[0])
		snprintf(e.msg, sizeof e.msg, "out of memory");
	if (rc) {
		fprintf(stderr, "iro reviews: %s\n", e.msg);
	} else {
		sort_ids = x.ids.data;
		if (x.nrows)
			qsort(x.rows, x.nrows, sizeof *x.rows, cmp_row);
		struct table t;
		table_init(&t, COLS, ARRAY_LEN(COLS));
		for (size_t i = 0; i < x.nrows; i++) {
			const struct row *r = &x.rows[i];
			char ps[11], due[11], held[11], seq[12];
			date_format_iso(r->period_start, ps);
			date_format_iso(r->due, due);
			date_format_iso(r->held, held);
			snprintf(seq, sizeof seq, "%d", r->sequence);
			const char *cells[] = {
				x.ids.data + r->child, ps, r->no_period ? "" : seq,
				due, held,
				r->no_period ? "" : r->in_time ? "yes" : "no",
				r->pn
			};
			table_add_row(&t, cells);
		}
		rc = cli_write_table(&CMD_REVIEWS, &t, f);
		table_free(&t);
	}
	free(x.rows);
	buf_free(&x.ids);
	sched_child_free(&x.cc);
	cal_free(&cal);
	store_close(st);
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
