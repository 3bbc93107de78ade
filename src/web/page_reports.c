/*
 * page_reports.c - the annual report and the monthly dashboard for
 * managers and analysts (spec §4): a page of two forms, and the report
 * itself, made by the same code as `iro report` (io/report_make.c), shown
 * in the browser as HTML or downloaded as JSON or an XLSX workbook.
 *
 * CSV is not offered here: the CLI writes it as a folder of files, one per
 * table, which a browser cannot download as one; the workbook holds the
 * same tables laid out column for column (io/report_xlsx.h).
 *
 * The report's HTML carries its own <style> element so that it stands
 * alone when saved. Our Content-Security-Policy forbids inline style, so
 * that one page is served with a policy allowing exactly that style by
 * its SHA-256 hash, never 'unsafe-inline'.
 */
#include "lib/common.h"
#include <sodium.h>
#include "lib/err.h"
#include "core/date.h"
#include "io/report_make.h"
#include "web/components.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/route.h"
#include "web/web_int.h"

#define REPORT_ROLES (ROLE_BIT(ROLE_MANAGER) | ROLE_BIT(ROLE_ANALYST))

static const char *const FORMATS[][2] = {
	{ "html", "A web page, to read or print (HTML)" },
	{ "json", "JSON, for other programs" },
	{ "xlsx", "An Excel workbook, a sheet per table (XLSX)" },
};
static const char *const VERSIONS[][2] = {
	{ "", "Internal: every number shown (OFFICIAL-SENSITIVE)" },
	{ "1", "Public: numbers from 1 to 5 shown as c" },
};

/* The last reporting year (1 April - 31 March) that ended before today,
 * and the last whole month. */
static void defaults(int32_t today, char *year, size_t ysize, char *month,
		     size_t msize)
{
	int y, m, d;
	date_to_ymd(today, &y, &m, &d);
	int start = (m >= 4 ? y : y - 1) - 1;
	snprintf(year, ysize, "%d-%02d", start, (start + 1) % 100);
	int py = m == 1 ? y - 1 : y, pm = m == 1 ? 12 : m - 1;
	snprintf(month, msize, "%d-%02d", py, pm);
}

static void report_form(struct buf *b, const struct req *r, bool annual,
			const char *value, const struct form_errors *e)
{
	const char *field = annual ? "year" : "month";
	h_printf(b,
		 "<h2 class=\"govuk-heading-m\">%s</h2><form method=\"get\" "
		 "action=\"/reports/%s\" novalidate>",
		 annual ? "The annual report" : "The monthly dashboard",
		 annual ? "annual" : "monthly");
	c_input(b, field, annual ? "Reporting year" : "Month",
		annual ? "1 April to 31 March, for example 2024-25"
		       : "As year and month, for example 2026-02",
		value, e, "govuk-input--width-10");
	/* Which form was sent decides which keeps the typed choices. */
	bool sent = *req_query(r, field) || form_error_for(e, field);
	c_radios(b, annual ? "a-format" : "m-format", "format", "Format",
		 FORMATS, ARRAY_LEN(FORMATS),
		 sent && *req_query(r, "format") ? req_query(r, "format")
						 : "html",
		 e);
	c_radios(b, annual ? "a-public" : "m-public", "public", "Version",
		 VERSIONS, ARRAY_LEN(VERSIONS),
		 sent ? req_query(r, "public") : "", e);
	c_button(b, annual ? "Make the annual report"
			   : "Make the monthly dashboard",
		 false);
	h_raw_trusted(b, "</form>");
}

static int reports_page(struct req *r, const struct form_errors *e)
{
	char year[16], month[16];
	defaults(r->today, year, sizeof year, month, sizeof month);
	struct buf *b = &r->out;
	buf_reset(b);
	page_begin_error(r, "Reports", NAV_REPORTS, e && e->n);
	h_raw_trusted(b, "<div class=\"govuk-grid-row\"><div class=\"govuk-"
			 "grid-column-two-thirds\">");
	c_error_summary(b, e);
	h_raw_trusted(b, "<h1 class=\"govuk-heading-l\">Reports</h1><p class="
			 "\"govuk-body\">Every measure of the service, with "
			 "the periods before it beside it. Making a report is "
			 "recorded in the audit log.</p>");
	const char *y = req_query(r, "year"), *m = req_query(r, "month");
	report_form(b, r, true, *y || form_error_for(e, "year") ? y : year, e);
	report_form(b, r, false, *m || form_error_for(e, "month") ? m : month,
		    e);
	h_raw_trusted(b, "</div></div>");
	page_end(r);
	if (e && e->n)
		r->status = 400;
	return 0;
}

static int reports(struct req *r)
{
	return reports_page(r, NULL);
}

/* Sets r->csp to the default policy with style-src allowing each <style>
 * element of the document by its hash. */
static int csp_for(struct req *r)
{
	static _Thread_local char csp[1024];
	char styles[600] = "";
	size_t used = 0;
	const char *p = r->out.data, *end = r->out.data + r->out.len;
	for (int n = 0; n < 4; n++) {
		const char *open = strstr(p, "<style>");
		if (!open || open >= end)
			break;
		open += strlen("<style>");
		const char *close = strstr(open, "</style>");
		if (!close)
			return -1;
		unsigned char h[crypto_hash_sha256_BYTES];
		crypto_hash_sha256(h, (const unsigned char *)open,
				   (unsigned long long)(close - open));
		char b64[sodium_base64_ENCODED_LEN(
			crypto_hash_sha256_BYTES, sodium_base64_VARIANT_ORIGINAL)];
		sodium_bin2base64(b64, sizeof b64, h, sizeof h,
				  sodium_base64_VARIANT_ORIGINAL);
		used += (size_t)snprintf(styles + used, sizeof styles - used,
					 " 'sha256-%s'", b64);
		if (used >= sizeof styles)
			return -1;
		p = close;
	}
	snprintf(csp, sizeof csp,
		 "default-src 'none'; style-src%s; img-src 'self' data:; "
		 "form-action 'self'; frame-ancestors 'none'; base-uri "
		 "'none'; object-src 'none'",
		 *styles ? styles : " 'none'");
	r->csp = csp;
	return 0;
}

/* The real date: the day the report was made, as the CLI says. */
static int32_t real_today(void)
{
	time_t t = time(NULL);
	struct tm tm;
	if (!localtime_r(&t, &tm))
		return date_from_ymd(1970, 1, 1);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

struct out_ctx {
	struct req *r;
	enum report_format fmt;
	char err[256];
};

static int to_page(void *vctx, const struct report *rep,
		   const struct measures *m, size_t nperiods)
{
	struct out_ctx *x = vctx;
	buf_reset(&x->r->out);
	return report_write_buf(rep, m, nperiods, x->fmt, &x->r->out, x->err,
				sizeof x->err);
}

static int make(struct req *r, bool annual)
{
	struct form_errors fe = { .n = 0 };
	const char *field = annual ? "year" : "month";
	const char *period = req_query(r, field);
	const char *fmt_s = *req_query(r, "format") ? req_query(r, "format")
						    : "html";
	struct report_job j = {
		.command = annual ? "report annual" : "report monthly",
		.kind = annual ? REPORT_ANNUAL : REPORT_MONTHLY,
		.as_of = r->today,
		.made = real_today(),
		.is_public = strcmp(req_query(r, "public"), "1") == 0,
		.threshold = 5,
	};
	if (!*period)
		form_error(&fe, field, annual ? "Enter the reporting year"
					      : "Enter the month");
	else if (annual ? report_parse_year(period, &j.from, &j.to)
			: report_parse_month(period, &j.from, &j.to))
		form_error(&fe, field,
			   annual ? "Enter the reporting year as two years, "
				    "for example 2024-25"
				  : "Enter the month as year and month, for "
				    "example 2026-02");
	enum report_format fmt = RFMT_HTML;
	if (report_parse_format(fmt_s, &fmt) || fmt == RFMT_CSV)
		form_error(&fe, annual ? "a-format" : "m-format",
			   "Choose HTML, JSON or XLSX");
	if (fe.n)
		return reports_page(r, &fe);

	struct err e = { "" };
	struct calendar cal;
	struct store *st2;
	if (store_calendar_load(r->st, &cal, &e))
		return -1;
	if (store_open(r->app->cfg.db_path, STORE_EXISTING, &st2, &e)) {
		cal_free(&cal);
		return -1;
	}
	struct out_ctx x = { .r = r, .fmt = fmt };
	int rc = report_make(r->st, st2, &cal, &j, to_page, &x, &e);
	store_close(st2);
	cal_free(&cal);
	if (rc) {
		fprintf(stderr, "iro serve: report: %s%s\n", e.msg, x.err);
		buf_reset(&r->out);
		return -1;
	}
	if (fmt == RFMT_HTML)
		return csp_for(r);
	char name[96], when[16];
	snprintf(when, sizeof when, "%s", period);
	when[4] = '-'; /* "2024/25" named as "2024-25" */
	snprintf(name, sizeof name, "iro-%s-%s%s.%s",
		 annual ? "annual" : "monthly", when,
		 j.is_public ? "-public" : "", fmt_s);
	snprintf(r->disposition, sizeof r->disposition,
		 "attachment; filename=\"%s\"", name);
	r->content_type_out =
		fmt == RFMT_JSON
			? "application/json"
			: "application/vnd.openxmlformats-officedocument."
			  "spreadsheetml.sheet";
	return 0;
}

static int annual(struct req *r)
{
	return make(r, true);
}

static int monthly(struct req *r)
{
	return make(r, false);
}

const struct route WEB_ROUTES_REPORTS[] = {
	{ "GET", "/reports", REPORT_ROLES, 0, reports },
	{ "GET", "/reports/annual", REPORT_ROLES, 0, annual },
	{ "GET", "/reports/monthly", REPORT_ROLES, 0, monthly },
	{ NULL, NULL, 0, 0, NULL },
};
