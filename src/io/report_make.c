/*
 * report_make.c - the annual report and monthly dashboard made from the
 * store (spec §4; issue 5), for `iro report` and the web alike.
 *
 * One pass over the store feeds the measures of every period compared
 * (core/measures.h); the alerts are counted in one more (alert_measures.h);
 * core/report_*.c lay the figures out as tables, a public version is
 * suppressed and the narrative is drafted from what is shown.
 */
#include "lib/common.h"
#include "lib/err.h"
#include "lib/xalloc.h"
#include "core/alert_measures.h"
#include "core/alerts.h"
#include "core/date.h"
#include "core/record.h"
#include "io/report_html.h"
#include "io/report_json.h"
#include "io/report_make.h"
#include "io/report_xlsx.h"
#include "store/store.h"

/* Periods shown by default: this one and five before, where held. */
#define DEFAULT_PERIODS 6
#define MAX_WINDOWS (REPORT_MAX_PERIODS + 12)

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
	const struct ladder *l = store_ladder_cached(
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

static int count_alerts(struct alert_pass *x, const struct report_job *j,
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
	if (store_listed_rows(x->st, &KIND_TEAM, &x->c[RA_TEAM_MONTH], x->e) ||
	    store_listed_rows(x->st, &KIND_TEAM, &x->c[RA_TEAM_KIND], x->e) ||
	    store_listed_rows(x->st, &KIND_THEME, &x->c[RA_THEME_MONTH], x->e) ||
	    store_record_each(x->st, &KIND_ALERT, each_alert, x, x->e))
		return -1;
	for (int i = 0; i < RA_COUNT; i++)
		alert_counts_sort(&x->c[i]);
	return 0;
}

/* The reporting years (or months) held in the database: from the one of
 * the first review held, at most DEFAULT_PERIODS. */
static size_t periods_held(struct store *st, const struct report_job *j,
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
	const struct report_job *j;
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

/* ---- The report ------------------------------------------------------------ */

int report_make(struct store *st, struct store *st2,
		const struct calendar *cal, const struct report_job *jin,
		report_out_fn out, void *ctx, struct err *e)
{
	struct report_job j = *jin;
	struct store_msr_iros iros = { 0 };
	struct measures m = { 0 };
	struct alert_pass ap = { .st = st2, .cal = cal, .as_of = j.to,
				 .linked_as_of = j.as_of };
	struct second two = { .ap = &ap, .j = &j, .m = &m, .e = { "" } };
	ap.e = &two.e;
	struct report r;
	report_init(&r);
	int rc = -1;
	char authority[200] = "", group[200] = "", detail[160],
	     a[DATE_ISO_LEN + 1], z[DATE_ISO_LEN + 1];
	struct msr_settings s = { .minutes_wd = 20, .visit_days = 42,
				  .as_of = j.as_of };
	e->msg[0] = '\0';
	date_format_iso(j.from, a);
	date_format_iso(j.to, z);
	snprintf(detail, sizeof detail,
		 "{\"command\":\"%s\",\"from\":\"%s\",\"to\":\"%s\"%s}",
		 j.command, a, z, j.is_public ? ",\"public\":true" : "");
	if (store_audit_read(st, "report", 0, detail, e) ||
	    store_setting_get(st, "authority_name", authority, sizeof authority,
			      e) < 0 ||
	    store_setting_get(st, "la_group_name", group, sizeof group, e) <
		    0 ||
	    setting_flag(st, "placements_same_carer", true,
			 &s.placements_same_carer, e) ||
	    setting_flag(st, "placements_temporary", false,
			 &s.placements_temporary, e) ||
	    store_msr_iros(st, &iros, e))
		goto done;
	if (!j.nperiods)
		j.nperiods = periods_held(st, &j, e);
	int32_t win[MAX_WINDOWS][2];
	size_t nw = report_windows(j.kind, j.from, j.to, j.nperiods, win,
				   MAX_WINDOWS);
	if (msr_init(&m, cal, &s, (const int32_t(*)[2])win, nw, iros.v,
		     iros.n)) {
		err_set(e, "out of memory");
		goto done;
	}
	if (pthread_create(&two.thread, NULL, second_run, &two)) {
		err_set(e, "could not start a thread");
		goto done;
	}
	two.started = true;
	int mrc = store_measures(st, &m, &iros, second_join, &two, e);
	second_join(&two);
	if (mrc || two.rc) {
		if (!e->msg[0])
			snprintf(e->msg, sizeof e->msg, "%s",
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
		.made = j.made,
	};
	for (int i = 0; i < RA_COUNT; i++)
		in.alerts[i] = &ap.c[i];
	if (report_build(&r, &in) ||
	    (j.is_public && report_make_public(&r, j.threshold)) ||
	    report_draft(&r, j.kind)) {
		err_set(e, "out of memory");
		goto done;
	}
	rc = out(ctx, &r, &m, j.nperiods);
done:
	second_join(&two);
	report_free(&r);
	for (int i = 0; i < RA_COUNT; i++)
		alert_counts_free(&ap.c[i]);
	free(ap.esc_review);
	free(ap.esc_bit);
	store_msr_side_free(two.side);
	msr_free(&m);
	store_msr_iros_free(&iros);
	return rc;
}

/* ---- Periods and formats -------------------------------------------------- */

int report_parse_year(const char *value, int32_t *from, int32_t *to)
{
	int y1, y2;
	char sep, extra;
	if (sscanf(value, "%4d%c%2d%c", &y1, &sep, &y2, &extra) != 3 ||
	    (sep != '-' && sep != '/') || strlen(value) != 7 ||
	    (y1 + 1) % 100 != y2 || y1 < 1991 || y1 > 2149)
		return -1;
	*from = date_from_ymd(y1, 4, 1);
	*to = date_from_ymd(y1 + 1, 3, 31);
	return 0;
}

int report_parse_month(const char *value, int32_t *from, int32_t *to)
{
	int y, mo;
	char extra;
	if (sscanf(value, "%4d-%2d%c", &y, &mo, &extra) != 2 || mo < 1 ||
	    mo > 12 || y < 1900 || y > 2150 || strlen(value) != 7)
		return -1;
	*from = date_from_ymd(y, mo, 1);
	*to = date_add_months(*from, 1) - 1;
	return 0;
}

int report_parse_format(const char *s, enum report_format *f)
{
	static const char *const FMTS[] = { "html", "json", "csv", "xlsx" };
	for (size_t i = 0; i < ARRAY_LEN(FMTS); i++)
		if (strcmp(FMTS[i], s) == 0) {
			*f = (enum report_format)i;
			return 0;
		}
	return -1;
}

/* Appends the file at path to out: 0, or -1. */
static int slurp(const char *path, struct buf *out)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	char chunk[65536];
	size_t n;
	int rc = 0;
	while (!rc && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
		rc = buf_add(out, chunk, n);
	if (ferror(f))
		rc = -1;
	fclose(f);
	return rc;
}

static int xlsx_buf(const struct report *r, struct buf *out, char *errbuf,
		    size_t errsize)
{
	const char *tmp = getenv("TMPDIR");
	char dir[512], path[600];
	snprintf(dir, sizeof dir, "%s/iro-report-XXXXXX",
		 tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) { /* made 0700: the workbook holds children's data */
		snprintf(errbuf, errsize, "could not make a temporary folder: %s",
			 strerror(errno));
		return -1;
	}
	snprintf(path, sizeof path, "%s/report.xlsx", dir);
	int rc = report_xlsx_write(r, path, errbuf, errsize);
	if (!rc && slurp(path, out)) {
		snprintf(errbuf, errsize, "the workbook is too large");
		rc = -1;
	}
	unlink(path);
	rmdir(dir);
	return rc;
}

int report_write_buf(const struct report *r, const struct measures *m,
		     size_t nperiods, enum report_format f, struct buf *out,
		     char *errbuf, size_t errsize)
{
	if (f == RFMT_XLSX)
		return xlsx_buf(r, out, errbuf, errsize);
	if (f == RFMT_CSV) {
		snprintf(errbuf, errsize, "CSV is a folder of files");
		return -1;
	}
	char *mem = NULL;
	size_t len = 0;
	FILE *s = open_memstream(&mem, &len);
	if (!s) {
		snprintf(errbuf, errsize, "out of memory");
		return -1;
	}
	int rc = f == RFMT_JSON ? report_json_write(r, m, nperiods, s)
				: report_html_write(r, s);
	if (fclose(s))
		rc = -1;
	if (!rc && buf_add(out, mem, len))
		rc = -1;
	free(mem);
	if (rc)
		snprintf(errbuf, errsize, "could not write the report");
	return rc;
}
