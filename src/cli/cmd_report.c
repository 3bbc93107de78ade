/*
 * cmd_report.c - iro report annual | monthly: the annual report and the
 * monthly dashboard, written from the records (spec §4; issue 5).
 *
 * io/report_make.c makes the report (the web's reports page uses the same
 * code); this file reads the options and writes the report where asked:
 * HTML or JSON to a file or standard output, CSV to a folder, XLSX to a
 * file (io/report_*).
 */
#include "lib/common.h"
#include "lib/err.h"
#include "core/date.h"
#include "io/report_csv.h"
#include "io/report_html.h"
#include "io/report_json.h"
#include "io/report_make.h"
#include "io/report_xlsx.h"
#include "store/store.h"
#include "cli/cli.h"

static const char *opt_year, *opt_month, *opt_format, *opt_public,
	*opt_threshold, *opt_out, *opt_years, *opt_as_of;

extern const struct command CMD_REPORT_ANNUAL, CMD_REPORT_MONTHLY;

struct job {
	const struct command *cmd;
	struct report_job rj;
	enum report_format fmt;
};

static int write_out(void *ctx, const struct report *r,
		     const struct measures *m, size_t nperiods)
{
	const struct job *j = ctx;
	char err[256] = "";
	const char *out = opt_out;
	if (j->fmt == RFMT_CSV || j->fmt == RFMT_XLSX) {
		int rc = j->fmt == RFMT_CSV
				 ? report_csv_write(r, out, err, sizeof err)
				 : report_xlsx_write(r, out, err, sizeof err);
		if (rc)
			fprintf(stderr, "iro %s: %s\n", j->cmd->name, err);
		else
			fprintf(stderr, "iro %s: wrote %s\n", j->cmd->name, out);
		return rc ? 1 : 0;
	}
	FILE *f = out ? fopen(out, "w") : stdout;
	if (!f) {
		fprintf(stderr, "iro %s: %s: %s\n", j->cmd->name, out,
			strerror(errno));
		return 1;
	}
	if (out)
		fchmod(fileno(f), 0600);
	int rc = j->fmt == RFMT_JSON ? report_json_write(r, m, nperiods, f)
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
	if (out && j->fmt == RFMT_HTML)
		fprintf(stderr, "iro %s: wrote %s\n", j->cmd->name, out);
	return 0;
}

static int make_report(struct job *j, const char *db)
{
	struct store *st, *st2;
	struct calendar cal;
	struct err e = { "" };
	if (cli_open_with_calendar(j->cmd, db, &st, &cal))
		return 1;
	if (cli_open(j->cmd, db, &st2)) {
		cal_free(&cal);
		store_close(st);
		return 1;
	}
	j->rj.command = j->cmd->name;
	j->rj.made = cli_today();
	int rc = report_make(st, st2, &cal, &j->rj, write_out, j, &e);
	if (rc < 0) {
		fprintf(stderr, "iro %s: %s\n", j->cmd->name,
			e.msg[0] ? e.msg : "out of memory");
		rc = 1;
	}
	cal_free(&cal);
	store_close(st2);
	store_close(st);
	return rc;
}

static int common_opts(struct job *j)
{
	const char *f = opt_format ? opt_format : "html";
	if (report_parse_format(f, &j->fmt)) {
		args_bad(j->cmd, "--format", f, "is html, json, csv or xlsx");
		return -1;
	}
	/* Checked before the report is made, which takes a while. */
	if ((j->fmt == RFMT_CSV || j->fmt == RFMT_XLSX) && !opt_out) {
		args_bad(j->cmd, "--out", "",
			 "is required for csv (a folder) and xlsx (a file)");
		return -1;
	}
	j->rj.is_public = opt_public != NULL;
	long t = 5, n = 0;
	if ((opt_threshold &&
	     cli_int(j->cmd, "--threshold", opt_threshold, 1, 1000, &t)) ||
	    (opt_years && cli_int(j->cmd, "--years", opt_years, 1,
				  REPORT_MAX_PERIODS, &n)) ||
	    cli_date(j->cmd, "--as-of", opt_as_of, cli_today(), &j->rj.as_of))
		return -1;
	j->rj.threshold = t;
	j->rj.nperiods = (size_t)n;
	return 0;
}

static int run_annual(const char *db, const char *const *pos)
{
	(void)pos;
	struct job j = { .cmd = &CMD_REPORT_ANNUAL,
			 .rj = { .kind = REPORT_ANNUAL } };
	if (!opt_year) {
		args_bad(j.cmd, "--year", "", "is required, e.g. 2021-22");
		return 2;
	}
	if (cli_year(j.cmd, opt_year, &j.rj.from, &j.rj.to) || common_opts(&j))
		return 2;
	return make_report(&j, db);
}

static int run_monthly(const char *db, const char *const *pos)
{
	(void)pos;
	struct job j = { .cmd = &CMD_REPORT_MONTHLY,
			 .rj = { .kind = REPORT_MONTHLY } };
	if (!opt_month || report_parse_month(opt_month, &j.rj.from, &j.rj.to)) {
		args_bad(j.cmd, "--month", opt_month ? opt_month : "",
			 "is a month as YYYY-MM, e.g. 2022-03");
		return 2;
	}
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
