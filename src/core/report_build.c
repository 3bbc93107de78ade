/*
 * report_build.c - the report's frame (its windows, the columns of its
 * tables) and its first chapter, the children looked after (M01-M14).
 */
#include "lib/common.h"
#include "core/date.h"
#include "core/report_int.h"

static const char *const MONTHS[] = { "Jan", "Feb", "Mar", "Apr",
				      "May", "Jun", "Jul", "Aug",
				      "Sep", "Oct", "Nov", "Dec" };

void report_period_label(enum report_kind kind, int32_t from, char *out,
			 size_t size)
{
	int y, mo, d;
	date_to_ymd(from, &y, &mo, &d);
	if (kind == REPORT_MONTHLY)
		snprintf(out, size, "%s %d", MONTHS[mo - 1], y);
	else
		snprintf(out, size, "%d-%02d", y, (y + 1) % 100);
}

size_t report_windows(enum report_kind kind, int32_t from, int32_t to,
		      size_t nperiods, int32_t (*out)[2], size_t cap)
{
	size_t n = 0;
	int step = kind == REPORT_MONTHLY ? 1 : 12;
	for (size_t i = nperiods; i-- > 0 && n < cap;) {
		int back = -(int)i * step;
		int32_t f = date_add_months(from, back);
		int32_t t = date_add_months(to + 1, back) - 1;
		out[n][0] = f;
		out[n++][1] = t;
	}
	if (kind == REPORT_ANNUAL)
		for (int mo = 0; mo < 12 && n < cap; mo++) {
			out[n][0] = date_add_months(from, mo);
			out[n][1] = date_add_months(from, mo + 1) - 1;
			n++;
		}
	return n;
}

int rb_about(struct rtable *t, const char *note, const char *seeds)
{
	return rtable_note(t, note) || rtable_seeds(t, seeds) ? -1 : 0;
}

struct rtable *rb_by_period(struct rb *b, const char *key, const char *title,
			    const char *corner, const char *const *rows,
			    size_t nrows)
{
	return report_table(b->r, key, title, corner, rows, nrows, b->pcols,
			    b->np);
}

struct rtable *rb_by_month(struct rb *b, const char *key, const char *title,
			   const char *corner, const char *const *rows,
			   size_t nrows)
{
	return report_table(b->r, key, title, corner, rows, nrows, b->mcols,
			    b->in->nmonths);
}

void rb_total_row(struct rtable *t)
{
	size_t last = t->nrows - 1;
	for (size_t c = 0; c < t->ncols; c++) {
		long sum = 0;
		for (size_t r = 0; r < last; r++)
			sum += rtable_cell(t, r, c)->n;
		*rtable_cell(t, last, c) = rcell_count(sum);
	}
	t->total_row = (int)last;
}

struct rtable *rb_counts(struct rb *b, const char *key, const char *title,
			 const char *corner, const char *const *labels,
			 size_t n, const long *(*of)(const struct msr_period *))
{
	struct rtable *t = rb_by_period(b, key, title, corner, labels, n + 1);
	if (!t)
		return NULL;
	for (size_t i = 0; i < n; i++)
		RB_FILL(b, t, i, 0, rcell_count(of(w)[i]));
	rb_total_row(t);
	return t;
}

struct rtable *rb_code_table(struct rb *b, const char *key, const char *title,
			     const char *corner, const struct code_list *l,
			     rb_codes_fn counts)
{
	size_t ncodes = l->count < MSR_MAX_CODES ? l->count : MSR_MAX_CODES;
	const char *rows[MSR_MAX_CODES + 2];
	char labels[MSR_MAX_CODES + 1][96];
	size_t idx[MSR_MAX_CODES + 1], n = 0;
	for (size_t i = 0; i <= ncodes; i++) {
		long any = 0;
		for (size_t p = 0; p < b->np; p++)
			any += counts(&b->m->w[p])[i];
		if (!any)
			continue;
		if (i < ncodes)
			snprintf(labels[n], sizeof labels[n], "%s %s",
				 l->codes[i].code, l->codes[i].meaning);
		else
			snprintf(labels[n], sizeof labels[n], "Not known");
		rows[n] = labels[n];
		idx[n++] = i;
	}
	rows[n] = "Total";
	struct rtable *t = rb_by_period(b, key, title, corner, rows, n + 1);
	if (!t)
		return NULL;
	for (size_t i = 0; i < n; i++)
		RB_FILL(b, t, i, 0, rcell_count(counts(w)[idx[i]]));
	rb_total_row(t);
	return t;
}

/* ---- The children looked after ------------------------------------------- */

static const long *ls_of(const struct msr_period *w) { return w->pop.by_ls; }
static const long *place_of(const struct msr_period *w) { return w->pop.by_place; }
static const long *rec_of(const struct msr_period *w) { return w->pop.ceased_by_rec; }

const char *const RB_AGE_LABELS[AGE_COUNT] = {
	"Under 1", "1 to 4", "5 to 9", "10 to 15", "16 to 17", "18 and over"
};

/* The DfE's ethnic groups, from the first letter of the SSDA903 code. */
enum { ETH_WHITE, ETH_MIXED, ETH_ASIAN, ETH_BLACK, ETH_OTHER, ETH_UNKNOWN, ETH_COUNT };
static const char *const ETH_LABELS[ETH_COUNT + 1] = {
	"White", "Mixed or multiple", "Asian or Asian British",
	"Black, African, Caribbean or Black British", "Other ethnic group",
	"Refused or not known", "Total"
};

static int ethnic_group(const char *code)
{
	if (!code || strcmp(code, "REFU") == 0 || strcmp(code, "NOBT") == 0)
		return ETH_UNKNOWN;
	switch (code[0]) {
	case 'W': return ETH_WHITE;
	case 'M': return ETH_MIXED;
	case 'A': return ETH_ASIAN;
	case 'B': return ETH_BLACK;
	case 'C':
	case 'O': return ETH_OTHER;
	default: return ETH_UNKNOWN;
	}
}

static long ethnic_count(const struct msr_period *w, int group)
{
	long n = 0;
	for (size_t i = 0; i <= CODES_ETHNIC.count && i <= MSR_MAX_CODES; i++) {
		const char *code = i < CODES_ETHNIC.count
					   ? CODES_ETHNIC.codes[i].code
					   : NULL;
		if (ethnic_group(code) == group)
			n += w->pop.by_ethnic[i];
	}
	return n;
}

static int population_summary(struct rb *b)
{
	static const char *const rows[] = {
		"Looked after at the end of the period",
		"Periods of care started", "Periods of care ended",
		"Unaccompanied asylum-seeking children",
		"Looked after in short breaks only (not counted above)",
		"Looked after with an IRO allocated",
	};
	struct rtable *t = rb_by_period(b, "population", "Children looked after",
					"", rows, ARRAY_LEN(rows));
	if (!t)
		return -1;
	RB_FILL(b, t, 0, 0, rcell_count(w->pop.at_end));
	RB_FILL(b, t, 1, 0, rcell_count(w->pop.started));
	RB_FILL(b, t, 2, 0, rcell_count(w->pop.ceased));
	RB_FILL(b, t, 3, 0, rcell_count(w->pop.uasc));
	RB_FILL(b, t, 4, 0, rcell_count(w->pop.short_breaks_at_end));
	RB_FILL(b, t, 5, 0, rcell_rate(w->pop.allocated, w->pop.at_end));
	t->chart = RCHART_NONE;
	return rb_about(t, "A child is looked after on a day when a period of "
			   "care started on or before it and had not ended by it. "
			   "Periods made only of short breaks (V3/V4) are counted "
			   "apart, as in DfE statistics. UASC: unaccompanied at "
			   "any time in the period.",
			"BUCKS-T1, BUCKS-T5, BUCKS-T14, LEW-H3, MAN-H6, MAN-H12");
}

static int population_age_sex(struct rb *b)
{
	const char *rows[AGE_COUNT + 1];
	for (int i = 0; i < AGE_COUNT; i++)
		rows[i] = RB_AGE_LABELS[i];
	rows[AGE_COUNT] = "Total";
	static const char *const cols[] = { "Male", "Female", "Not known",
					    "Total" };
	struct rtable *t = report_table(b->r, "population_age_sex",
					"Children looked after by age and sex",
					"Age", rows, AGE_COUNT + 1, cols,
					ARRAY_LEN(cols));
	if (!t)
		return -1;
	const struct msr_population *p = &b->m->w[b->last].pop;
	for (int a = 0; a < AGE_COUNT; a++) {
		for (int s = 0; s < SEX_COUNT; s++)
			*rtable_cell(t, (size_t)a, (size_t)s) =
				rcell_count(p->by_age_sex[a][s]);
		*rtable_cell(t, (size_t)a, 3) = rcell_count(p->by_age[a]);
	}
	rb_total_row(t);
	t->total_col = 3;
	t->chart = RCHART_PYRAMID;
	return rb_about(t, "Age in whole years at the end of the period.",
			"BUCKS-T3, BUCKS-T4, LEW-F5, MAN-H7, MAN-H8");
}

static int population_by_age(struct rb *b)
{
	const char *rows[AGE_COUNT + 1];
	for (int i = 0; i < AGE_COUNT; i++)
		rows[i] = RB_AGE_LABELS[i];
	rows[AGE_COUNT] = "Total";
	struct rtable *t = rb_by_period(b, "population_age",
					"Children looked after by age", "Age",
					rows, AGE_COUNT + 1);
	if (!t)
		return -1;
	for (int a = 0; a < AGE_COUNT; a++)
		RB_FILL(b, t, (size_t)a, 0, rcell_count(w->pop.by_age[a]));
	rb_total_row(t);
	t->chart = RCHART_BARS;
	return rb_about(t, "Age in whole years at the end of each period.",
			"LEW-F6, BUCKS-T3, MAN-H8");
}

static int population_by_sex(struct rb *b)
{
	static const char *const rows[] = { "Male", "Female", "Not known",
					    "Total" };
	struct rtable *t = rb_by_period(b, "population_sex",
					"Children looked after by sex", "Sex",
					rows, ARRAY_LEN(rows));
	if (!t)
		return -1;
	for (int s = 0; s < SEX_COUNT; s++)
		RB_FILL(b, t, (size_t)s, 0, rcell_count(w->pop.by_sex[s]));
	rb_total_row(t);
	return rb_about(t, NULL, "CHESH-H2, BUCKS-T6, MAN-H7");
}

static int population_by_ethnicity(struct rb *b)
{
	struct rtable *t = rb_by_period(b, "population_ethnicity",
					"Children looked after by ethnic group",
					"Ethnic group", ETH_LABELS,
					ETH_COUNT + 1);
	if (!t)
		return -1;
	for (int g = 0; g < ETH_COUNT; g++)
		RB_FILL(b, t, (size_t)g, 0, rcell_count(ethnic_count(w, g)));
	rb_total_row(t);
	return rb_about(t, "SSDA903 ethnicity codes in the DfE's groups.",
			"CHESH-H2, LEW-F8, MAN-H9");
}

static int population_by_team(struct rb *b)
{
	size_t n = b->m->nteams;
	const char **rows = calloc(n + 2, sizeof *rows);
	if (!rows)
		return -1;
	for (size_t i = 0; i < n; i++)
		rows[i] = b->m->teams[i];
	rows[n] = "No team recorded";
	rows[n + 1] = "Total";
	struct rtable *t = rb_by_period(b, "population_team",
					"Children looked after by service area",
					"Team", rows, n + 2);
	free(rows);
	if (!t)
		return -1;
	for (size_t i = 0; i <= n; i++)
		RB_FILL(b, t, i, 0,
			rcell_count(w->pop.by_team ? w->pop.by_team[i] : 0));
	rb_total_row(t);
	return rb_about(t, "The child's social work team now.", "LEW-F1");
}

static int population_by_month(struct rb *b)
{
	if (!b->in->nmonths)
		return 0;
	static const char *const rows[] = { "Looked after at the month end" };
	struct rtable *t = rb_by_month(b, "population_month",
				       "Children looked after at the end of "
				       "each month",
				       "", rows, 1);
	if (!t)
		return -1;
	RB_FILL(b, t, 0, b->in->months_first, rcell_count(w->pop.at_end));
	t->chart = RCHART_LINE;
	return rb_about(t, NULL, "CHESH-C1");
}

static int population_permanence(struct rb *b)
{
	static const char *const rows[PERM_COUNT + 1] = {
		"Not recorded", "Return to family", "Adoption",
		"Special guardianship or child arrangements order",
		"Long-term fostering", "Long-term residential care",
		"Supported living", "Other", "Total"
	};
	struct rtable *t = rb_by_period(b, "permanence_plans",
					"Permanence plans of the children "
					"looked after",
					"Plan", rows, PERM_COUNT + 1);
	if (!t)
		return -1;
	for (int i = 0; i < PERM_COUNT; i++)
		RB_FILL(b, t, (size_t)i, 0,
			rcell_count(w->conduct.permanence[i]));
	rb_total_row(t);
	return rb_about(t, "The plan recorded at each child's latest review "
			   "in the current period of care, at the period end.",
			"BUCKS-F5, BUCKS-T11, BUCKS-H7");
}

int rb_population(struct rb *b)
{
	struct rtable *t;
	if (report_section(b->r, "The children we look after") ||
	    population_summary(b) || population_age_sex(b) ||
	    population_by_age(b) || population_by_sex(b) ||
	    population_by_ethnicity(b))
		return -1;
	if (!(t = rb_code_table(b, "population_legal_status",
				"Children looked after by legal status",
				"Legal status", &CODES_LS, ls_of)) ||
	    rb_about(t, "Legal status of the episode open at the period end.",
		     "BUCKS-T7, BUCKS-F2, MAN-H10"))
		return -1;
	if (!(t = rb_code_table(b, "population_placement",
				"Children looked after by placement type",
				"Placement", &CODES_PLACE, place_of)) ||
	    rb_about(t, "Placement of the episode open at the period end.",
		     "LEW-F10a, BUCKS-F3, BUCKS-T8, MAN-H11"))
		return -1;
	if (rb_location(b) || population_by_team(b) ||
	    population_permanence(b) || population_by_month(b))
		return -1;
	if (!(t = rb_code_table(b, "ceased_by_reason",
				"Periods of care ended, by reason",
				"Reason", &CODES_REC, rec_of)) ||
	    rb_about(t, "REC of the last episode of each period of care that "
			"ended in the period.",
		     "BUCKS-F4, BUCKS-T10, BUCKS-H5, MAN-T1"))
		return -1;
	return rb_placements(b);
}

/* ---- The whole report ------------------------------------------------------ */

int report_build(struct report *r, const struct report_input *in)
{
	const struct measures *m = in->m;
	if (in->nperiods == 0 || in->nperiods > m->nw)
		return -1;
	struct rb b = {
		.r = r,
		.in = in,
		.m = m,
		.np = in->nperiods,
		.last = in->nperiods - 1,
	};
	b.plabel = calloc(m->nw, sizeof *b.plabel);
	b.pcols = calloc(m->nw, sizeof *b.pcols);
	b.mcols = calloc(m->nw, sizeof *b.mcols);
	int rc = -1;
	if (!b.plabel || !b.pcols || !b.mcols)
		goto done;
	for (size_t i = 0; i < m->nw; i++) {
		bool month = i >= in->nperiods || in->kind == REPORT_MONTHLY;
		report_period_label(month ? REPORT_MONTHLY : REPORT_ANNUAL,
				    m->w[i].from, b.plabel[i], LABEL_LEN);
		if (i < in->nperiods)
			b.pcols[i] = b.plabel[i];
		else
			b.mcols[i - in->months_first] = b.plabel[i];
	}
	char title[160], period[96], a[40], z[40];
	const struct msr_period *w = &m->w[b.last];
	if (in->kind == REPORT_ANNUAL)
		snprintf(title, sizeof title,
			 "Independent Reviewing Officer service: annual report "
			 "%s", b.plabel[b.last]);
	else
		snprintf(title, sizeof title,
			 "Independent Reviewing Officer service: monthly "
			 "dashboard, %s", b.plabel[b.last]);
	date_format_long(w->from, a, sizeof a);
	date_format_long(w->to, z, sizeof z);
	/* date_format_long starts with the weekday ("Fri 1 April 2022"). */
	const char *pa = strchr(a, ' '), *pz = strchr(z, ' ');
	snprintf(period, sizeof period, "%s to %s", pa ? pa + 1 : a,
		 pz ? pz + 1 : z);
	size_t la = strlen(in->authority) + 1, lt = strlen(title) + 1,
	       lp = strlen(period) + 1;
	if (!(r->authority = malloc(la)) || !(r->title = malloc(lt)) ||
	    !(r->period = malloc(lp)))
		goto done;
	memcpy(r->authority, in->authority, la);
	memcpy(r->title, title, lt);
	memcpy(r->period, period, lp);
	r->from = w->from;
	r->to = w->to;
	r->made = in->made;
	if (rb_population(&b) || rb_reviews(&b) || rb_conduct(&b) ||
	    rb_service(&b) || rb_alerts(&b))
		goto done;
	rc = 0;
done:
	free(b.plabel);
	free(b.pcols);
	free(b.mcols);
	return rc;
}
