/*
 * cmd_worklist.c - iro worklist: what needs doing on a day, for one IRO or
 * the whole service (core/worklist.h says what each item means).
 */
#include "lib/common.h"
#include "lib/err.h"
#include "core/date.h"
#include "core/worklist.h"
#include "store/store.h"
#include "cli/cli.h"
#include "store/roster.h"

static const char *opt_as_of, *opt_format, *opt_iro, *opt_within;

extern const struct command CMD_WORKLIST;

enum { C_ITEM, C_CHILD, C_DATE, C_DAYS, C_IRO, C_COVER, C_REVIEW, C_REC,
       C_SCHEDULED, C_SEQUENCE, C_ALERT };

static const struct table_column COLS[] = {
	[C_ITEM] = { "item", CELL_TEXT },
	[C_CHILD] = { "child", CELL_TEXT },
	[C_DATE] = { "date", CELL_DATE },
	[C_DAYS] = { "days", CELL_NUMBER },
	[C_IRO] = { "iro", CELL_TEXT },
	[C_COVER] = { "cover_iro", CELL_TEXT },
	[C_REVIEW] = { "review", CELL_NUMBER },
	[C_REC] = { "recommendation", CELL_NUMBER },
	[C_SCHEDULED] = { "scheduled", CELL_DATE },
	[C_SEQUENCE] = { "sequence", CELL_NUMBER },
	[C_ALERT] = { "alert", CELL_NUMBER },
};

/* The column an item's ref goes in. */
static int ref_column(enum wl_kind k)
{
	switch (k) {
	case WL_RECOMMENDATION_OVERDUE:
		return C_REC;
	case WL_ALERT_CEILING_PASSED:
	case WL_ALERT_STAGE_OVERDUE:
	case WL_ALERT_RESPONSE_DUE:
	case WL_ALERT_ACTION_OVERDUE:
		return C_ALERT;
	default:
		return C_REVIEW;
	}
}

static const char *iro_name(const struct roster *ro, int64_t id)
{
	const struct roster_iro *i = id ? roster_find(ro, id) : NULL;
	return i ? i->name : "";
}

static int add_row(struct table *t, const struct roster *ro,
		   const struct wl_row *r)
{
	const struct wl_item *it = &r->item;
	char date[11], sched[11], days[16], ref[24], seq[12];
	date_format_iso(it->date, date);
	date_format_iso(it->scheduled, sched);
	snprintf(days, sizeof days, "%d", it->days);
	snprintf(ref, sizeof ref, "%" PRId64, it->ref);
	snprintf(seq, sizeof seq, "%d", it->sequence);
	bool is_review = it->kind == WL_REVIEW_DUE ||
			 it->kind == WL_REVIEW_OVERDUE;
	const char *cells[] = {
		[C_ITEM] = wl_kind_name(it->kind),
		[C_CHILD] = r->la_child_id,
		[C_DATE] = date,
		[C_DAYS] = days,
		[C_IRO] = iro_name(ro, it->iro),
		[C_COVER] = iro_name(ro, it->cover_iro),
		[C_REVIEW] = NULL,
		[C_REC] = NULL,
		[C_SCHEDULED] = sched,
		[C_SEQUENCE] = is_review ? seq : NULL,
		[C_ALERT] = NULL,
	};
	if (it->ref)
		cells[ref_column(it->kind)] = ref;
	return table_add_row(t, cells);
}

static void summary(const struct wl_rows *x, const char *who, int32_t as_of)
{
	char d[11];
	date_format_iso(as_of, d);
	printf("\nWorklist for %s on %s:", who, d);
	long total = 0;
	for (int k = 0; k < WL_KIND_COUNT; k++)
		total += x->counts[k];
	if (total == 0) {
		printf(" nothing to do.\n");
		return;
	}
	printf("\n");
	for (int k = 0; k < WL_KIND_COUNT; k++)
		if (x->counts[k])
			printf("  %-24s %ld\n", wl_kind_name((enum wl_kind)k),
			       x->counts[k]);
}

static int run(const char *db, const char *const *pos)
{
	(void)pos;
	int32_t as_of;
	long within = 28;
	enum table_format f;
	if (cli_date(&CMD_WORKLIST, "--as-of", opt_as_of, cli_today(),
		     &as_of) ||
	    cli_format(&CMD_WORKLIST, opt_format, &f) ||
	    (opt_within && cli_int(&CMD_WORKLIST, "--within", opt_within, 0,
				   366, &within)))
		return 2;
	struct wl_settings set;
	wl_settings_default(&set, as_of);
	set.within_days = (int)within;

	struct store *st;
	if (cli_open(&CMD_WORKLIST, db, &st))
		return 1;
	struct roster ro;
	struct err e = { "" };
	struct table t;
	struct wl_rows rows = { 0 };
	int64_t iro = 0;
	table_init(&t, COLS, ARRAY_LEN(COLS));
	int rc = roster_load(st, &ro, &e);
	if (rc == 0 && opt_iro) {
		const struct roster_iro *i = roster_by_name(&ro, opt_iro);
		if (!i)
			rc = err_set(&e, "--iro \"%s\": there is no IRO of this "
					 "name",
				     opt_iro);
		else
			iro = i->w.id;
	}
	char detail[320], d[11];
	date_format_iso(as_of, d);
	snprintf(detail, sizeof detail,
		 "{\"command\":\"worklist\",\"as_of\":\"%s\",\"iro\":%" PRId64
		 "}",
		 d, iro);
	if (rc == 0)
		rc = store_audit_read(st, "worklist", 0, detail, &e);
	if (rc == 0)
		rc = store_worklist(st, &set, iro, &rows, &e);
	if (rc == 0) {
		for (size_t i = 0; rc == 0 && i < rows.n; i++)
			rc = add_row(&t, &ro, &rows.v[i]);
		if (rc == 0)
			rc = cli_write_table(&CMD_WORKLIST, &t, f);
		if (rc == 0 && f == FORMAT_TEXT)
			summary(&rows, opt_iro ? opt_iro : "the whole service",
				as_of);
	} else {
		fprintf(stderr, "iro worklist: %s\n",
			e.msg[0] ? e.msg : "out of memory");
	}
	table_free(&t);
	roster_free(&ro);
	wl_rows_free(&rows);
	store_close(st);
	return rc ? 1 : 0;
}

static const struct opt OPTS[] = {
	{ "as-of", "DATE", "the day (default: today)", &opt_as_of },
	{ "iro", "NAME", "one IRO's worklist (their caseload and cover cases)",
	  &opt_iro },
	{ "within", "DAYS", "reviews due within DAYS days (default 28)",
	  &opt_within },
	{ "format", "FMT", "text, csv or json (default text)", &opt_format },
	{ NULL, NULL, NULL, NULL },
};

const struct command CMD_WORKLIST = {
	.name = "worklist",
	.summary = "What needs doing on a day, for one IRO or the service.",
	.details =
		"One row per thing to do, overdue kinds first, each by date:\n"
		"  review overdue / review due   the next statutory review "
		"(spec §3)\n"
		"  not visited                   new to the IRO's caseload in "
		"the last 3 months, not yet seen\n"
		"  no visit before review        a review within 6 weeks and "
		"the child not seen in the\n"
		"                                6 weeks before it\n"
		"  minutes late / minutes due    minutes / letter not sent; "
		"due 20 working days after\n"
		"  recommendation overdue        open past its due date\n"
		"  no permanence plan            none recorded by the second "
		"review of the period\n"
		"  no IRO allocated              looked after with no IRO (due 5 "
		"working days after\n"
		"                                the period starts)\n"
		"  allocation late               the period's first IRO "
		"allocated after 5 working days\n"
		"  alert past ceiling            a dispute open more than its "
		"ladder's ceiling (20\n"
		"                                working days) since raised\n"
		"  alert stage overdue / alert response due\n"
		"                                a dispute's current stage not "
		"answered; overdue\n"
		"                                after its due date\n"
		"  alert action overdue          an alert's action past its due "
		"date, not done\n"
		"Alert items go to the child's IRO, else to the IRO who raised "
		"the alert.\n"
		"Columns: item, child, date (the date the item is about: due "
		"date, deadline,\nallocation start), days (past it when late or "
		"overdue, to go when due), iro,\ncover_iro, review, "
		"recommendation, scheduled (the date the review is set for),\n"
		"sequence (the review's number in the period of care), alert. "
		"docs/cli.md has\nthe rules.",
	.opts = OPTS,
	.run = run,
};
