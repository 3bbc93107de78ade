/*
 * report_service.c - the report's chapters on the IRO service itself:
 * caseloads (M45), advocacy (M60), feedback (M62) and quality assurance
 * and oversight (M42, M49).
 */
#include "lib/common.h"
#include "core/report_int.h"

/* The caseload figures of the service on a window's last day. */
struct caseloads {
	long iros;         /* in post */
	double fte;
	long children, cover;
	double mean, min, max; /* children per FTE, over IROs in post */
	long above;        /* IROs above the range (70 per FTE) */
};

static void caseloads_of(const struct measures *m, const struct msr_period *w,
			 struct caseloads *c)
{
	memset(c, 0, sizeof *c);
	for (size_t i = 0; i < m->niros; i++) {
		c->children += w->caseload[i];
		c->cover += w->cover[i];
		if (w->fte[i] <= 0)
			continue;
		double per = (double)w->caseload[i] / w->fte[i];
		if (!c->iros || per < c->min)
			c->min = per;
		if (!c->iros || per > c->max)
			c->max = per;
		c->iros++;
		c->fte += w->fte[i];
		c->above += per > 70.0 + 1e-9;
	}
	c->mean = c->fte > 0 ? (double)c->children / c->fte : 0;
}

static int caseload_summary(struct rb *b, bool by_month)
{
	static const char *const rows[] = {
		"IROs in post", "Full-time equivalent", "Children allocated",
		"Children per FTE (service)", "Lowest children per FTE",
		"Highest children per FTE", "IROs above 70 children per FTE",
		"Cover cases", "Looked after with no IRO allocated",
	};
	size_t first = by_month ? b->in->months_first : 0;
	struct rtable *t =
		by_month ? rb_by_month(b, "caseload_month",
				       "Caseloads at the end of each month", "",
				       rows, ARRAY_LEN(rows))
			 : rb_by_period(b, "caseloads", "Caseloads", "", rows,
					ARRAY_LEN(rows));
	if (!t)
		return -1;
	for (size_t col = 0; col < t->ncols; col++) {
		const struct msr_period *w = &b->m->w[first + col];
		struct caseloads c;
		caseloads_of(b->m, w, &c);
		*rtable_cell(t, 0, col) = rcell_count(c.iros);
		*rtable_cell(t, 1, col) = rcell_value(c.fte);
		*rtable_cell(t, 2, col) = rcell_count(c.children);
		*rtable_cell(t, 3, col) = rcell_value(c.mean);
		*rtable_cell(t, 4, col) = rcell_value(c.min);
		*rtable_cell(t, 5, col) = rcell_value(c.max);
		*rtable_cell(t, 6, col) = rcell_count(c.above);
		*rtable_cell(t, 7, col) = rcell_count(c.cover);
		*rtable_cell(t, 8, col) = rcell_count(w->unallocated);
	}
	t->chart = RCHART_NONE;
	return rb_about(t, "On the last day: children looked after with a "
			   "current IRO (cover apart), over the FTE of the IROs "
			   "in post. The IRO Handbook's range is 50 to 70 "
			   "children for a full-time IRO.",
			by_month ? "CHESH-H3, WORCS-H2"
				 : "CHESH-H3, WORCS-H2, LEW-H3, BUCKS-H2, MAN-H3");
}

/* The IROs a table by IRO lists (those `keep` says): their names (with
 * room for a total row) and their indexes, in *rows and *idx for the
 * caller to free. -1 when memory runs out. */
static int listed_iros(const struct measures *m, const struct msr_period *w,
		       bool (*keep)(const struct measures *,
				    const struct msr_period *, size_t),
		       const char ***rows, size_t **idx, size_t *n)
{
	*rows = calloc(m->niros + 2, sizeof **rows);
	*idx = calloc(m->niros + 1, sizeof **idx);
	*n = 0;
	if (!*rows || !*idx) {
		free(*rows);
		free(*idx);
		return -1;
	}
	for (size_t i = 0; i < m->niros; i++)
		if (keep(m, w, i)) {
			(*idx)[*n] = i;
			(*rows)[(*n)++] = m->iros[i].name;
		}
	return 0;
}

static bool holds_children(const struct measures *m,
			   const struct msr_period *w, size_t i)
{
	(void)m;
	return w->fte[i] > 0 || w->caseload[i] || w->cover[i];
}

static int caseload_by_iro(struct rb *b)
{
	const struct measures *m = b->m;
	const struct msr_period *w = &m->w[b->last];
	const char **rows;
	size_t *idx, n;
	if (listed_iros(m, w, holds_children, &rows, &idx, &n))
		return -1;
	static const char *const cols[] = { "Children", "Cover", "FTE",
					    "Children per FTE" };
	struct rtable *t = report_table(b->r, "caseload_iro",
					"Each IRO's caseload at the period end",
					"IRO", rows, n, cols, ARRAY_LEN(cols));
	free(rows);
	if (!t) {
		free(idx);
		return -1;
	}
	for (size_t r = 0; r < n; r++) {
		size_t i = idx[r];
		*rtable_cell(t, r, 0) = rcell_count(w->caseload[i]);
		*rtable_cell(t, r, 1) = rcell_count(w->cover[i]);
		*rtable_cell(t, r, 2) = rcell_value(w->fte[i]);
		*rtable_cell(t, r, 3) = w->fte[i] > 0
			? rcell_value((double)w->caseload[i] / w->fte[i])
			: (struct rcell){ 0 };
	}
	free(idx);
	t->chart = RCHART_HBARS;
	t->chart_from = 3;
	return rb_about(t, "IROs in post, or with children, on the last day.",
			"LEW-H1, MAN-H3");
}

/* A counts table with its note and seeds. */
static int counted(struct rb *b, const char *key, const char *title,
		   const char *const *rows, size_t nrows,
		   const long *(*of)(const struct msr_period *),
		   const char *note, const char *seeds)
{
	struct rtable *t = rb_counts(b, key, title, "", rows, nrows, of);
	return t ? rb_about(t, note, seeds) : -1;
}

static const long *advocacy_of(const struct msr_period *w) { return w->advocacy_by; }
static const long *feedback_of(const struct msr_period *w) { return w->feedback_by; }
static const long *qa_of(const struct msr_period *w) { return w->qa_by; }
static const long *oversight_of(const struct msr_period *w) { return w->oversight_by; }

static int midpoints(struct rb *b)
{
	static const char *const rows[] = {
		"Gaps between six-monthly reviews",
		"With a midpoint review in the gap",
	};
	struct rtable *t = rb_by_period(b, "midpoint_reviews",
					"Midpoint reviews between six-monthly "
					"reviews",
					"", rows, ARRAY_LEN(rows));
	if (!t)
		return -1;
	RB_FILL(b, t, 0, 0, rcell_count(w->conduct.midpoint_gaps));
	RB_FILL(b, t, 1, 0,
		rcell_rate(w->conduct.midpoint_covered,
			   w->conduct.midpoint_gaps));
	return rb_about(t, "The gap before each standard review held in the "
			   "period that was third or later in its period of "
			   "care; covered when a midpoint oversight record is "
			   "dated between the two reviews.",
			"WORCS-H8, CHESH-T4, MAN-H25");
}

static int oversight_by_month(struct rb *b)
{
	static const char *const rows[OV_COUNT + 1] = {
		"Midpoint reviews", "Case checks", "Footprint notes", "Total"
	};
	struct rtable *t = rb_by_month(b, "oversight_month",
				       "The IRO's oversight, month by month",
				       "", rows, OV_COUNT + 1);
	if (!t)
		return -1;
	for (int k = 0; k < OV_COUNT; k++)
		RB_FILL(b, t, (size_t)k, b->in->months_first,
			rcell_count(w->oversight_by[k]));
	rb_total_row(t);
	t->chart = RCHART_STACKED;
	return rb_about(t, "Oversight records dated in each month.",
			"WORCS-T7, CHESH-T4, MAN-H25");
}

static bool has_qa_or_available(const struct measures *m,
				const struct msr_period *w, size_t i)
{
	long any = 0;
	for (int k = 0; k < QA_COUNT; k++)
		any += w->qa_iro[i * QA_COUNT + (size_t)k];
	return any || msr_iro_available(&m->iros[i], w->from, w->to);
}

static int qa_by_iro(struct rb *b)
{
	const struct measures *m = b->m;
	const struct msr_period *w = &m->w[b->last];
	const char **rows;
	size_t *idx, n;
	if (listed_iros(m, w, has_qa_or_available, &rows, &idx, &n))
		return -1;
	rows[n] = "Total";
	static const char *const cols[] = { "Audits", "Case-file audits",
					    "Observations", "Supervisions",
					    "Total" };
	struct rtable *t = report_table(b->r, "qa_iro",
					"Quality assurance activity, by IRO",
					"IRO", rows, n + 1, cols,
					ARRAY_LEN(cols));
	free(rows);
	if (!t) {
		free(idx);
		return -1;
	}
	for (size_t r = 0; r < n; r++) {
		long sum = 0;
		for (int k = 0; k < QA_COUNT; k++) {
			long v = w->qa_iro[idx[r] * QA_COUNT + (size_t)k];
			*rtable_cell(t, r, (size_t)k) = rcell_count(v);
			sum += v;
		}
		*rtable_cell(t, r, QA_COUNT) = rcell_count(sum);
	}
	free(idx);
	rb_total_row(t);
	t->total_col = QA_COUNT;
	return rb_about(t, "QA records of each IRO dated in the period; IROs "
			   "available in it are listed with none.",
			"WORCS-H8, MAN-H23");
}

static int supervision_by_month(struct rb *b)
{
	static const char *const rows[] = {
		"IROs in post and not absent all month",
		"Of them, supervised in the month",
	};
	/* The months of the year, or the months a dashboard compares. */
	bool months = b->in->nmonths > 0;
	struct rtable *t =
		(months ? rb_by_month : rb_by_period)(
			b, "supervision_month", "Supervision, month by month",
			"", rows, ARRAY_LEN(rows));
	if (!t)
		return -1;
	const struct measures *m = b->m;
	size_t first = months ? b->in->months_first : 0;
	for (size_t c = 0; c < t->ncols; c++) {
		const struct msr_period *w = &m->w[first + c];
		long available = 0, supervised = 0;
		for (size_t i = 0; i < m->niros; i++) {
			if (!msr_iro_available(&m->iros[i], w->from, w->to))
				continue;
			available++;
			supervised += w->qa_iro[i * QA_COUNT + QA_SUPERVISION] >
				      0;
		}
		*rtable_cell(t, 0, c) = rcell_count(available);
		*rtable_cell(t, 1, c) = rcell_rate(supervised, available);
	}
	return rb_about(t, "IROs with a supervision QA record in the month, "
			   "over the IROs in post and not absent for the whole "
			   "month.",
			"WORCS-T1");
}

int rb_service(struct rb *b)
{
	static const char *const referrers[REQ_COUNT + 1] = {
		"Not recorded", "The child", "A carer", "A parent",
		"The social worker", "The IRO", "The court", "Someone else",
		"Total"
	};
	static const char *const respondents[] = {
		"Children and young people", "Parents", "Carers",
		"Professionals", "Total"
	};
	static const char *const qa[] = { "Audits", "Case-file audits",
					  "Observations", "Supervisions",
					  "Total" };
	static const char *const oversight[] = {
		"Midpoint reviews", "Case checks", "Footprint notes", "Total"
	};
	if (report_section(b->r, "Caseloads") || caseload_summary(b, false) ||
	    caseload_by_iro(b) ||
	    (b->in->nmonths && caseload_summary(b, true)))
		return -1;
	if (report_section(b->r, "Oversight, advocacy, feedback and quality "
				 "assurance") ||
	    counted(b, "oversight", "The IRO's oversight between reviews",
		    oversight, 3, oversight_of,
		    "Oversight records dated in the period.",
		    "WORCS-H8, WORCS-T7, MAN-H25") ||
	    counted(b, "advocacy", "Referrals to advocacy", referrers,
		    REQ_COUNT, advocacy_of,
		    "Referrals dated in the period, by who made them.",
		    "BUCKS-H9, BUCKS-T15, MAN-H22") ||
	    counted(b, "feedback", "Feedback questionnaires returned",
		    respondents, 4, feedback_of,
		    "Questionnaires dated in the period, by respondent.",
		    "CHESH-H12, WORCS-H4, MAN-C1") ||
	    counted(b, "quality_assurance", "Quality assurance activity", qa,
		    4, qa_of, "Activities dated in the period.",
		    "WORCS-T1, WORCS-H8, MAN-H23") ||
	    qa_by_iro(b) || midpoints(b))
		return -1;
	if ((b->in->nmonths && oversight_by_month(b)) ||
	    supervision_by_month(b))
		return -1;
	return 0;
}
