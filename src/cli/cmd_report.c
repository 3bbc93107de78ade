/*
 * cmd_report.c - iro report annual | monthly: the annual report and the
 * monthly dashboard, written from the records (spec §4; issue 5).
 *
 * One pass over the store feeds the measures of every period compared
 * (core/measures.h); the alerts are counted in one more (alert_measures.h);
 * core/report_*.c lay the figures out as tables, a public version is
 * suppressed, the narrative is drafted from what is shown, and io/report_*
 * write it as HTML, JSON, CSV or XLSX.
 */
#include "lib/common.h"
#include <pthread.h>
#include "lib/err.h"
#include "lib/xalloc.h"
#include "core/date.h"
#include "core/record.h"
#include "core/report.h"
#include "io/report_csv.h"
#include "io/report_html.h"
#include "io/report_json.h"
#include "io/report_xlsx.h"
#include "store/store.h"
#include "cli/alert_cli.h"
#include "cli/cli.h"

static const char *opt_year, *opt_month, *opt_format, *opt_public,
	*opt_threshold, *opt_out, *opt_years, *opt_as_of;

extern const struct command CMD_REPORT_ANNUAL, CMD_REPORT_MONTHLY;

#define MAX_PERIODS 24
/* Periods shown by default: this one and five before, where held. */
#define DEFAULT_PERIODS 6
#define MAX_WINDOWS (MAX_PERIODS + 12)

enum fmt { F_HTML, F_JSON, F_CSV, F_XLSX };

struct job {
	const struct command *cmd;
	enum report_kind kind;
	int32_t from, to, as_of;
	size_t nperiods;
	enum fmt fmt;
	bool is_public;
	long threshold;
};

/* ---- Alerts --------------------------------------------------------------- */

struct alert_pass {
	struct store *st;
	const struct calendar *cal;
	struct ladder_cache ladders;
	struct alert_counts c[RA_COUNT];
	int32_t from[RA_COUNT], to[RA_COUNT];
	int32_t as_of;
	/* Alerts naming a review (M39), as they stood on the report's as-of
	 * day: a concern raised after the period about one of its reviews
	 * still follows that review. */
	int32_t linked_as_of;
	int64_t *esc_review;
	uint8_t *esc_bit;
	size_t nesc, esccap[2];
	struct err *e;
};

/* Notes an informal or formal alert that names a review. */
static int note_linked(struct alert_pass *x, const struct record *r,
		       const struct ladder *l)
{
	const struct value *rv = record_get(r, "review");
	if (!rv->set)
		return 0;
	struct alert_view v;
	alert_view_read(r, l ? l->ceiling_wd : LADDER_CEILING_WD, &v);
	if (!alert_view_as_of(&v, x->linked_as_of, l) ||
	    v.in.kind == ALERT_GOOD_PRACTICE)
		return 0;
	if (GROW(x->esc_review, x->esccap[0], x->nesc + 1) ||
	    GROW(x->esc_bit, x->esccap[1], x->nesc + 1))
		return err_set(x->e, "out of memory");
	x->esc_review[x->nesc] = rv->i;
	x->esc_bit[x->nesc++] =
		v.in.kind == ALERT_FORMAL ? ESC_FORMAL : ESC_INFORMAL;
	return 0;
}

static int each_alert(void *vctx, const struct record *r)
{
	struct alert_pass *x = vctx;
	const struct value *lk = record_get(r, "ladder");
	const struct ladder *l = alert_cli_ladder_of(
		&x->ladders, x->st, lk->set && lk->s[0] ? lk->s : NULL, x->e);
	if (note_linked(x, r, l))
		return -1;
	struct alert_item a = { .rec = r };
	alert_view_read(r, l ? l->ceiling_wd : LADDER_CEILING_WD, &a.view);
	if (!alert_view_as_of(&a.view, x->as_of, l))
		return 0;
	alert_facts_of(x->cal, &a.view, x->as_of, &a.facts);
	for (int i = 0; i < RA_COUNT; i++) {
		struct alert_filter f = {
			.from = x->from[i],
			.to = x->to[i],
			.kind = REPORT_ALERT_SPECS[i].disputes ? "dispute" : NULL,
		};
		if (alert_matches(&f, &a) &&
		    alert_counts_add(&x->c[i], &a, l, f.from, f.to))
			return -1;
	}
	return 0;
}

static int count_alerts(struct alert_pass *x, const struct job *j,
			const struct measures *m)
{
	for (int i = 0; i < RA_COUNT; i++) {
		const struct report_alert_spec *s = &REPORT_ALERT_SPECS[i];
		enum alert_dim d[2] = { s->dims[0], s->dims[1] };
		/* A monthly dashboard compares months, not years. */
		if (j->kind == REPORT_MONTHLY && d[1] == DIM_YEAR && s->ndims == 2)
			d[1] = DIM_MONTH;
		alert_counts_init(&x->c[i], d, s->ndims);
		x->from[i] = s->all_periods ? m->w[0].from : j->from;
		x->to[i] = j->to;
	}
	if (alert_cli_listed_rows(x->st, &KIND_TEAM, &x->c[RA_TEAM_MONTH],
				  x->e) ||
	    alert_cli_listed_rows(x->st, &KIND_TEAM, &x->c[RA_TEAM_KIND],
				  x->e) ||
	    alert_cli_listed_rows(x->st, &KIND_THEME, &x->c[RA_THEME_MONTH],
				  x->e) ||
	    store_record_each(x->st, &KIND_ALERT, each_alert, x, x->e))
		return -1;
	for (int i = 0; i < RA_COUNT; i++)
		alert_counts_sort(&x->c[i]);
	return 0;
}

/* ---- The report ------------------------------------------------------------ */

static int write_out(const struct job *j, const struct report *r,
		     const struct measures *m)
{
	char err[256] = "";
	const char *out = opt_out;
	if ((j->fmt == F_CSV || j->fmt == F_XLSX) && !out) {
		args_bad(j->cmd, "--out", "",
			 "is required for csv (a folder) and xlsx (a file)");
		return 2;
	}
	if (j->fmt == F_CSV)
		return report_csv_write(r, out, err, sizeof err)
			       ? (fprintf(stderr, "iro %s: %s\n", j->cmd->name,
					  err),
				  1)
			       : 0;
	if (j->fmt == F_XLSX)
		return report_xlsx_write(r, out, err, sizeof err)
			       ? (fprintf(stderr, "iro %s: %s\n", j->cmd->name,
					  err),
				  1)
			       : 0;
	FILE *f = out ? fopen(out, "w") : stdout;
	if (!f) {
		fprintf(stderr, "iro %s: %s: %s\n", j->cmd->name, out,
			strerror(errno));
		return 1;
	}
	if (out)
		fchmod(fileno(f), 0600);
	int rc = j->fmt == F_JSON ? report_json_write(r, m, j->nperiods, f)
				  : report_html_write(r, f);
	if (out && fclose(f))
		rc = -1;
	else if (!out && fflush(f))
		rc = -1;
	if (rc) {
		fprintf(stderr, "iro %s: could not write %s\n", j->cmd->name,
			out ? out : "the report");
		return 1;
	}
	return 0;
}

/* The reporting years (or months) held in the database: from the one of
 * the first review held, at most MAX_PERIODS, or --years. */
static size_t periods_held(struct store *st, const struct job *j,
			   struct err *e)
{
	int32_t first = store_first_review_day(st, e);
	int step = j->kind == REPORT_MONTHLY ? 1 : 12;
	size_t n = 1;
	while (first != DATE_NONE && n < DEFAULT_PERIODS &&
	       date_add_months(j->from, -(int)(n - 1) * step) > first)
		n++;
	return n;
}

/* ---- The second reader --------------------------------------------------- */

/* While the main connection reads the reviews and children, a second
 * connection reads the records hanging off reviews and counts the alerts:
 * the report takes about half as long on two cores (docs/performance.md). */
struct second {
	struct alert_pass *ap;
	const struct job *j;
	const struct measures *m;
	struct store_msr_side *side;
	struct err e;
	int rc;
	pthread_t thread;
	bool started;
};

static void *second_run(void *arg)
{
	struct second *s = arg;
	s->rc = store_msr_side_read(s->ap->st, &s->side, &s->e);
	if (!s->rc)
		s->rc = count_alerts(s->ap, s->j, s->m);
	if (!s->rc && store_msr_side_escalations(s->side, s->ap->esc_review,
						 s->ap->esc_bit, s->ap->nesc))
		s->rc = err_set(&s->e, "out of memory");
	return NULL;
}

static struct store_msr_side *second_join(void *arg)
{
	struct second *s = arg;
	if (s->started) {
		pthread_join(s->thread, NULL);
		s->started = false;
	}
	return s->rc ? NULL : s->side;
}

/* A yes/no setting (default dflt when not set); -1 with a message when
 * its value is neither. */
static int setting_flag(struct store *st, const char *key, bool dflt,
			bool *out, struct err *e)
{
	char v[16];
	int set = store_setting_get(st, key, v, sizeof v, e);
	if (set < 0)
		return -1;
	*out = dflt;
	if (!set)
		return 0;
	if (!strcmp(v, "yes") || !strcmp(v, "true"))
		*out = true;
	else if (!strcmp(v, "no") || !strcmp(v, "false"))
		*out = false;
	else
		return err_set(e, "setting %s is \"%s\": yes or no", key, v);
	return 0;
}

static int make_report(const struct job *jin, const char *db)
{
	struct job j = *jin;
	struct store *st, *st2;
	struct calendar cal;
	struct err e = { "" };
	if (cli_open_with_calendar(j.cmd, db, &st, &cal))
		return 1;
	if (cli_open(j.cmd, db, &st2)) {
		cal_free(&cal);
		store_close(st);
		return 1;
	}
	struct store_msr_iros iros = { 0 };
	struct measures m = { 0 };
	struct alert_pass ap = { .st = st2, .cal = &cal, .as_of = j.to,
				 .linked_as_of = j.as_of };
	struct second two = { .ap = &ap, .j = &j, .m = &m, .e = { "" } };
	ap.e = &two.e;
	struct report r;
	report_init(&r);
	int rc = 1;
	char authority[200] = "", group[200] = "", detail[160],
	     a[DATE_ISO_LEN + 1], z[DATE_ISO_LEN + 1];
	struct msr_settings s = { .minutes_wd = 20, .visit_days = 42,
				  .as_of = j.as_of };
	date_format_iso(j.from, a);
	date_format_iso(j.to, z);
	snprintf(detail, sizeof detail,
		 "{\"command\":\"%s\",\"from\":\"%s\",\"to\":\"%s\"%s}",
		 j.cmd->name, a, z, j.is_public ? ",\"public\":true" : "");
	if (store_audit_read(st, "report", 0, detail, &e) ||
	    store_setting_get(st, "authority_name", authority, sizeof authority,
			      &e) < 0 ||
	    store_setting_get(st, "la_group_name", group, sizeof group, &e) <
		    0 ||
	    setting_flag(st, "placements_same_carer", true,
			 &s.placements_same_carer, &e) ||
	    setting_flag(st, "placements_temporary", false,
			 &s.placements_temporary, &e) ||
	    store_msr_iros(st, &iros, &e))
		goto done;
	if (!j.nperiods)
		j.nperiods = periods_held(st, &j, &e);
	int32_t win[MAX_WINDOWS][2];
	size_t nw = report_windows(j.kind, j.from, j.to, j.nperiods, win,
				   MAX_WINDOWS);
	if (msr_init(&m, &cal, &s, (const int32_t(*)[2])win, nw, iros.v,
		     iros.n)) {
		snprintf(e.msg, sizeof e.msg, "out of memory");
		goto done;
	}
	if (pthread_create(&two.thread, NULL, second_run, &two)) {
		snprintf(e.msg, sizeof e.msg, "could not start a thread");
		goto done;
	}
	two.started = true;
	int mrc = store_measures(st, &m, &iros, second_join, &two, &e);
	second_join(&two);
	if (mrc || two.rc) {
		if (!e.msg[0])
			snprintf(e.msg, sizeof e.msg, "%s",
				 two.e.msg[0] ? two.e.msg : "out of memory");
		goto done;
	}
	struct report_input in = {
		.kind = j.kind,
		.m = &m,
		.nperiods = j.nperiods,
		.months_first = j.nperiods,
		.nmonths = nw - j.nperiods,
		.authority = authority,
		.group = group,
		.made = cli_today(),
	};
	for (int i = 0; i < RA_COUNT; i++)
		in.alerts[i] = &ap.c[i];
	if (report_build(&r, &in) ||
	    (j.is_public && report_make_public(&r, j.threshold)) ||
	    report_draft(&r, j.kind)) {
		snprintf(e.msg, sizeof e.msg, "out of memory");
		goto done;
	}
	rc = write_out(&j, &r, &m);
	if (!rc && opt_out && j.fmt != F_JSON)
		fprintf(stderr, "iro %s: wrote %s\n", j.cmd->name, opt_out);
done:
	second_join(&two);
	if (rc == 1 && e.msg[0])
		fprintf(stderr, "iro %s: %s\n", j.cmd->name, e.msg);
	report_free(&r);
	for (int i = 0; i < RA_COUNT; i++)
		alert_counts_free(&ap.c[i]);
	free(ap.esc_review);
	free(ap.esc_bit);
	store_msr_side_free(two.side);
	msr_free(&m);
	store_msr_iros_free(&iros);
	cal_free(&cal);
	store_close(st2);
	store_close(st);
	return rc;
}

static int common_opts(struct job *j)
{
	static const char *const FMTS[] = { "html", "json", "csv", "xlsx" };
	const char *f = opt_format ? opt_format : "html";
	size_t i = 0;
	while (i < ARRAY_LEN(FMTS) && strcmp(FMTS[i], f) != 0)
		i++;
	if (i == ARRAY_LEN(FMTS)) {
		args_bad(j->cmd, "--format", f, "is html, json, csv or xlsx");
		return -1;
	}
	j->fmt = (enum fmt)i;
	j->is_public = opt_public != NULL;
	long t = 5, n = 0;
	if ((opt_threshold &&
	     cli_int(j->cmd, "--threshold", opt_threshold, 1, 1000, &t)) ||
	    (opt_years &&
	     cli_int(j->cmd, "--years", opt_years, 1, MAX_PERIODS, &n)) ||
	    cli_date(j->cmd, "--as-of", opt_as_of, cli_today(), &j->as_of))
		return -1;
	j->threshold = t;
	j->nperiods = (size_t)n;
	return 0;
}

static int run_annual(const char *db, const char *const *pos)
{
	(void)pos;
	struct job j = { .cmd = &CMD_REPORT_ANNUAL, .kind = REPORT_ANNUAL };
	if (!opt_year) {
		args_bad(j.cmd, "--year", "", "is required, e.g. 2021-22");
		return 2;
	}
	if (cli_year(j.cmd, opt_year, &j.from, &j.to) || common_opts(&j))
		return 2;
	return make_report(&j, db);
}

static int run_monthly(const char *db, const char *const *pos)
{
	(void)pos;
	struct job j = { .cmd = &CMD_REPORT_MONTHLY, .kind = REPORT_MONTHLY };
	int y, mo;
	char extra;
	if (!opt_month || sscanf(opt_month, "%4d-%2d%c", &y, &mo, &extra) != 2 ||
	    mo < 1 || mo > 12 || y < 1900 || y > 2150 ||
	    strlen(opt_month) != 7) {
		args_bad(j.cmd, "--month", opt_month ? opt_month : "",
			 "is a month as YYYY-MM, e.g. 2022-03");
		return 2;
	}
	j.from = date_from_ymd(y, mo, 1);
	j.to = date_add_months(j.from, 1) - 1;
	if (common_opts(&j))
		return 2;
	return make_report(&j, db);
}

#define COMMON_OPTS                                                          \
	{ "format", "FMT", "html (default), json, csv (a folder) or xlsx",     \
	  &opt_format },                                                       \
	{ "out", "PATH", "where to write (a folder for csv); html and json "    \
			 "default to standard output",                         \
	  &opt_out },                                                          \
	{ "public", NULL, "a public version: small numbers shown as c",        \
	  &opt_public },                                                       \
	{ "threshold", "N", "with --public, hide counts from 1 to N "          \
			    "(default 5)",                                     \
	  &opt_threshold },                                                    \
	{ "years", "N", "periods to show, this one included (default: up to 6 "  \
			"held in the database; at most 24)",                                 \
	  &opt_years },                                                        \
	{ "as-of", "DATE", "the day deadlines are judged on (default today)", \
	  &opt_as_of },                                                        \
	{ NULL, NULL, NULL, NULL }

static const struct opt ANNUAL_OPTS[] = {
	{ "year", "YYYY-YY", "the reporting year, 1 April to 31 March",
	  &opt_year },
	COMMON_OPTS,
};

static const struct opt MONTHLY_OPTS[] = {
	{ "month", "YYYY-MM", "the month", &opt_month },
	COMMON_OPTS,
};

static const char DETAILS[] =
	"Every measure of the service (spec §4): the children looked after at "
	"the end\nand the flows in the period, reviews and their timeliness, "
	"participation,\nhow reviews were run, recommendations, caseloads, "
	"practice alerts and\ndisputes, oversight, advocacy, feedback and "
	"quality assurance; each table\nwith the periods before it held in the "
	"database beside it. HTML is one\nself-contained A4 document with "
	"charts and a drafted narrative; JSON has the\nstable keys of "
	"docs/report-json.md; CSV is a folder of one file per table;\nXLSX a "
	"workbook of one sheet per table. --public suppresses small numbers\n"
	"(1 to 5 shown as c) and whatever totals would reveal.";

const struct command CMD_REPORT_ANNUAL = {
	.name = "report annual",
	.summary = "Write the annual report for a reporting year.",
	.details = DETAILS,
	.opts = ANNUAL_OPTS,
	.run = run_annual,
};

const struct command CMD_REPORT_MONTHLY = {
	.name = "report monthly",
	.summary = "Write the monthly dashboard for a month.",
	.details = DETAILS,
	.opts = MONTHLY_OPTS,
	.run = run_monthly,
};
