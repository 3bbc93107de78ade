/*
 * report_alerts.c - the report's chapter on practice alerts and disputes
 * (M51-M57), from the counts of alert_measures.h.
 */
#include "lib/common.h"
#include "lib/xalloc.h"
#include "core/date.h"
#include "core/report_int.h"

const struct report_alert_spec REPORT_ALERT_SPECS[RA_COUNT] = {
	[RA_KIND_YEAR] = { { DIM_KIND, DIM_YEAR }, 2, true, false },
	[RA_KIND_MONTH] = { { DIM_KIND, DIM_MONTH }, 2, false, false },
	[RA_THEME_MONTH] = { { DIM_THEME, DIM_MONTH }, 2, false, false },
	[RA_TEAM_MONTH] = { { DIM_TEAM, DIM_MONTH }, 2, false, false },
	[RA_REACHED] = { { DIM_REACHED }, 1, false, true },
	[RA_RESOLVED] = { { DIM_RESOLVED }, 1, false, true },
	[RA_BAND] = { { DIM_BAND }, 1, false, true },
	[RA_WEEKS] = { { DIM_WEEKS }, 1, false, true },
	[RA_CEILING] = { { DIM_CEILING }, 1, false, true },
	[RA_ESCALATION] = { { DIM_ESCALATION }, 1, false, true },
	[RA_TEAM_KIND] = { { DIM_TEAM, DIM_KIND }, 2, false, true },
};

/* The key alert_keys gives a window's period: "2021-22" for a reporting
 * year, "2021-04" for a month. */
static void window_key(const struct msr_period *w, bool month, char *out,
		       size_t size)
{
	int y, mo, d;
	date_to_ymd(w->from, &y, &mo, &d);
	if (month)
		snprintf(out, size, "%d-%02d", y, mo);
	else
		snprintf(out, size, "%d-%02d", y, (y + 1) % 100);
}

/* The distinct first keys of c, in its (sorted) order. */
static size_t first_keys(const struct alert_counts *c, const char **out)
{
	size_t n = 0;
	for (size_t i = 0; i < c->n; i++) {
		const char *k = c->v[i].key[0].text;
		bool seen = false;
		for (size_t j = 0; j < n && !seen; j++)
			seen = strcmp(out[j], k) == 0;
		if (!seen)
			out[n++] = k;
	}
	return n;
}

/* The rows of a table of alerts: its first keys and "Total" (*n of them
 * before it), for the caller to free; NULL when memory runs out. */
static const char **alert_rows(const struct alert_counts *c, size_t *n)
{
	const char **rows = calloc(c->n + 2, sizeof *rows);
	if (rows) {
		*n = first_keys(c, rows);
		rows[*n] = "Total";
	}
	return rows;
}

/* A table of alerts: a row per first key (and a total); with two
 * groupings, a column per period (or month) and, for months, a total. */
static int alerts_table(struct rb *b, enum report_alerts which,
			const char *key, const char *title, const char *corner,
			const char *note, const char *seeds)
{
	const struct alert_counts *c = b->in->alerts[which];
	if (!c)
		return 0;
	size_t n;
	const char **rows = alert_rows(c, &n);
	if (!rows)
		return -1;
	bool two = c->ndims == 2;
	bool by_month = two && c->dim[1] == DIM_MONTH;
	size_t ncols, first;
	const char **cols;
	if (!two) {
		static const char *one[] = { NULL };
		one[0] = b->pcols[b->last];
		cols = one;
		ncols = 1;
		first = b->last;
	} else if (by_month && b->in->kind == REPORT_ANNUAL) {
		cols = b->mcols;
		ncols = b->in->nmonths;
		first = b->in->months_first;
	} else {
		cols = b->pcols;
		ncols = b->np;
		first = 0;
	}
	bool total_col = by_month && b->in->kind == REPORT_ANNUAL;
	const char **all = calloc(ncols + 1, sizeof *all);
	if (!all) {
		free(rows);
		return -1;
	}
	for (size_t i = 0; i < ncols; i++)
		all[i] = cols[i];
	all[ncols] = "Total";
	struct rtable *t = report_table(b->r, key, title, corner, rows, n + 1,
					all, ncols + total_col);
	free(all);
	if (!t) {
		free(rows);
		return -1;
	}
	for (size_t r = 0; r < n; r++)
		for (size_t col = 0; col < t->ncols; col++)
			*rtable_cell(t, r, col) = rcell_count(0);
	for (size_t i = 0; i < c->n; i++) {
		const struct alert_count *v = &c->v[i];
		size_t r = 0;
		while (r < n && strcmp(rows[r], v->key[0].text) != 0)
			r++;
		size_t col = 0;
		if (two) {
			char k[16];
			for (col = 0; col < ncols; col++) {
				window_key(&b->m->w[first + col],
					   c->dim[1] == DIM_MONTH, k, sizeof k);
				if (strcmp(k, v->key[1].text) == 0)
					break;
			}
		}
		if (r < n && col < ncols)
			rtable_cell(t, r, col)->n += v->alerts;
	}
	free(rows);
	if (total_col) {
		for (size_t r = 0; r < n; r++) {
			long sum = 0;
			for (size_t col = 0; col < ncols; col++)
				sum += rtable_cell(t, r, col)->n;
			*rtable_cell(t, r, ncols) = rcell_count(sum);
		}
		t->total_col = (int)ncols;
	}
	rb_total_row(t);
	if (c->dim[0] == DIM_THEME) {
		/* An alert may have several themes: the last row adds up the
		 * themes recorded, which can be more than the alerts. */
		free(t->rows[n]);
		t->rows[n] = NULL;
		static const char themes[] = "Themes recorded";
		if ((t->rows[n] = malloc(sizeof themes)))
			memcpy(t->rows[n], themes, sizeof themes);
		else
			return -1;
	}
	if (two && by_month)
		t->chart = RCHART_STACKED;
	else if (two)
		t->chart = RCHART_BARS;
	else
		t->chart = RCHART_HBARS;
	if (t->chart == RCHART_STACKED && total_col)
		t->chart_from = 0;
	return rb_about(t, note, seeds);
}

/* Each team's informal and formal alerts as a share of all of that kind
 * raised in the period (LEW-F11). */
static int alerts_team_kind(struct rb *b)
{
	const struct alert_counts *c = b->in->alerts[RA_TEAM_KIND];
	if (!c)
		return 0;
	size_t n;
	const char **rows = alert_rows(c, &n);
	if (!rows)
		return -1;
	static const char *const cols[] = { "Informal", "Share of informal",
					    "Formal", "Share of formal" };
	struct rtable *t = report_table(b->r, "alerts_team_kind",
					"Informal and formal alerts by social "
					"work team",
					"Team", rows, n + 1, cols,
					ARRAY_LEN(cols));
	if (!t) {
		free(rows);
		return -1;
	}
	long count[2] = { 0, 0 };
	long *by = calloc(2 * (n + 1), sizeof *by);
	if (!by) {
		free(rows);
		return -1;
	}
	for (size_t i = 0; i < c->n; i++) {
		const struct alert_count *v = &c->v[i];
		int k = strcmp(v->key[1].text, alert_kind_code(ALERT_FORMAL)) == 0
				? 1
			: strcmp(v->key[1].text,
				 alert_kind_code(ALERT_INFORMAL)) == 0
				? 0
				: -1;
		size_t r = 0;
		while (r < n && strcmp(rows[r], v->key[0].text) != 0)
			r++;
		if (k < 0 || r >= n)
			continue;
		by[r * 2 + (size_t)k] += v->alerts;
		count[k] += v->alerts;
	}
	by[n * 2] = count[0];
	by[n * 2 + 1] = count[1];
	for (size_t r = 0; r <= n; r++)
		for (size_t k = 0; k < 2; k++) {
			*rtable_cell(t, r, k * 2) = rcell_count(by[r * 2 + k]);
			*rtable_cell(t, r, k * 2 + 1) =
				rcell_rate(by[r * 2 + k], count[k]);
		}
	free(by);
	free(rows);
	t->total_row = (int)n;
	t->chart = RCHART_NONE;
	return rb_about(t, "Alerts raised in the period, by the team recorded "
			   "on the alert; each kind's share by team adds up to "
			   "the whole of that kind.",
			"LEW-F11");
}

int rb_alerts(struct rb *b)
{
	if (report_section(b->r, "Practice alerts and disputes"))
		return -1;
	int rc = alerts_table(b, RA_KIND_YEAR, "alerts_kind",
			      "Practice alerts raised, by kind", "Kind",
			      "Alerts raised in the period; a dispute that "
			      "reached a formal stage counts as formal.",
			      "CHESH-C6, CHESH-T2, CHESH-H11, LEW-H6, BUCKS-H1");
	if (!rc && b->in->kind == REPORT_ANNUAL)
		rc = alerts_table(b, RA_KIND_MONTH, "alerts_month",
				  "Practice alerts raised each month", "Kind",
				  NULL, "WORCS-C3, BUCKS-T16, MAN-H24");
	if (!rc)
		rc = alerts_table(b, RA_THEME_MONTH, "alerts_theme",
				  "Practice alerts by theme", "Theme",
				  "An alert can have several themes and is "
				  "counted under each; \"no theme recorded\" "
				  "keeps the rest.",
				  "BUCKS-T18, BUCKS-F7, WORCS-T8, MAN-H24");
	if (!rc)
		rc = alerts_table(b, RA_TEAM_MONTH, "alerts_team",
				  "Practice alerts by social work team", "Team",
				  NULL, "BUCKS-T17");
	if (!rc)
		rc = alerts_team_kind(b);
	if (!rc)
		rc = alerts_table(b, RA_REACHED, "disputes_reached",
				  "Disputes by the highest stage reached",
				  "Stage", "Informal and formal alerts raised "
					   "in the period.",
				  "BUCKS-H10, CHESH-H11, MAN-H24");
	if (!rc)
		rc = alerts_table(b, RA_RESOLVED, "disputes_resolved_at",
				  "Where disputes ended", "Stage", NULL,
				  "BUCKS-F9");
	if (!rc)
		rc = alerts_table(b, RA_BAND, "disputes_time",
				  "Working days to resolve", "Working days",
				  "From the day raised to the day closed.",
				  "BUCKS-F8");
	if (!rc)
		rc = alerts_table(b, RA_WEEKS, "disputes_weeks",
				  "Weeks to resolve", "Weeks", NULL,
				  "BUCKS-F8");
	if (!rc)
		rc = alerts_table(b, RA_CEILING, "disputes_ceiling",
				  "Disputes closed within 20 working days",
				  "", "IRO Handbook: the whole formal process "
				      "should take no more than 20 working days.",
				  "CHESH-H10");
	if (!rc)
		rc = alerts_table(b, RA_ESCALATION, "disputes_escalation",
				  "Disputes escalated after a missed deadline",
				  "", NULL, "CHESH-T2");
	return rc;
}
