/*
 * report_draft.c - the headline figures and a paragraph per section,
 * drafted from the tables as they are shown, for a manager to edit rather
 * than write. Every figure quoted is a cell of a table (so a public
 * version's words hide what its tables hide).
 */
#include "lib/common.h"
#include "core/report.h"

static const struct rtable *find(const struct report *r, const char *key)
{
	for (size_t i = 0; i < r->ntables; i++)
		if (strcmp(r->tables[i].key, key) == 0)
			return &r->tables[i];
	return NULL;
}

static const struct rcell NONE_CELL = { 0 };

/* The cell of a table by period: `back` periods before the last. */
static const struct rcell *at(const struct report *r, const char *key,
			      size_t row, size_t back)
{
	const struct rtable *t = find(r, key);
	if (!t || row >= t->nrows || back >= t->ncols)
		return &NONE_CELL;
	return rtable_cell_c(t, row, t->ncols - 1 - back);
}

/* A paragraph under construction. */
struct para {
	char text[1600];
	size_t len;
};

static void say(struct para *p, const char *fmt, ...) PRINTF_LIKE(2, 3);
static void say(struct para *p, const char *fmt, ...)
{
	if (p->len >= sizeof p->text - 1)
		return;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(p->text + p->len, sizeof p->text - p->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		p->len += (size_t)n < sizeof p->text - p->len
				  ? (size_t)n
				  : sizeof p->text - p->len - 1;
}

/* A cell as a sentence quotes it: "93.0% (1,204 of 1,295)", "c", "1,204". */
static const char *fig(const struct rcell *c, char *buf, size_t size)
{
	if (c->kind == RCELL_NONE)
		return "none";
	return rcell_format(c, 1, true, buf, size);
}

static const char *pct(const struct rcell *c, char *buf, size_t size)
{
	if (c->kind == RCELL_NONE)
		return "none";
	return rcell_format(c, 1, false, buf, size);
}

/* ", against X in the period before" when there is one. */
static void before(struct para *p, const struct report *r, const char *key,
		   size_t row, bool rate)
{
	const struct rtable *t = find(r, key);
	if (!t || t->ncols < 2)
		return;
	char b[64];
	const struct rcell *c = rtable_cell_c(t, row, t->ncols - 2);
	if (c->kind == RCELL_NONE || (c->kind == RCELL_RATE && !c->d && !c->c))
		return;
	say(p, " (%s: %s)", t->cols[t->ncols - 2],
	    rate ? pct(c, b, sizeof b) : fig(c, b, sizeof b));
}

static int finish(struct report *r, size_t section, struct para *p)
{
	if (section >= r->nsections)
		return 0;
	char *t = malloc(p->len + 1);
	if (!t)
		return -1;
	memcpy(t, p->text, p->len + 1);
	free(r->sections[section].narrative);
	r->sections[section].narrative = t;
	return 0;
}

static size_t section_of(const struct report *r, const char *key)
{
	const struct rtable *t = find(r, key);
	for (size_t s = 0; t && s < r->nsections; s++) {
		size_t i = (size_t)(t - r->tables);
		if (i >= r->sections[s].first &&
		    i < r->sections[s].first + r->sections[s].count)
			return s;
	}
	return r->nsections;
}

static int headline(struct report *r, const char *label, const char *key,
		    size_t row)
{
	const struct rtable *t = find(r, key);
	if (!t || row >= t->nrows || !t->ncols)
		return 0;
	struct rcell now = *rtable_cell_c(t, row, t->ncols - 1);
	struct rcell prev = t->ncols > 1 ? *rtable_cell_c(t, row, t->ncols - 2)
					 : NONE_CELL;
	return report_headline(r, label, now, prev);
}

static int headlines(struct report *r)
{
	static const struct {
		const char *label, *key;
		size_t row;
	} H[] = {
		{ "Children looked after at the end", "population", 0 },
		{ "Reviews held in time", "timeliness", 3 },
		{ "Children whose reviews were all in time", "timeliness", 4 },
		{ "Reviews where the child's views were conveyed",
		  "participation", 1 },
		{ "Reviews the child attended", "participation", 0 },
		{ "Seen by the IRO in the 6 weeks before the review", "conduct",
		  5 },
		{ "Recommendations achieved by the next review",
		  "recommendations", 1 },
		{ "Children per FTE IRO", "caseloads", 3 },
	};
	for (size_t i = 0; i < ARRAY_LEN(H); i++)
		if (headline(r, H[i].label, H[i].key, H[i].row))
			return -1;
	const struct rtable *a = find(r, "alerts_kind");
	if (a && a->nrows)
		return headline(r, "Practice alerts raised", "alerts_kind",
				a->nrows - 1);
	return 0;
}

int report_draft(struct report *r, enum report_kind kind)
{
	const char *end = kind == REPORT_ANNUAL ? "year" : "month";
	char a[64], b[64], c[64], d[64], e[64];
	struct para p = { .len = 0 };
	if (headlines(r))
		return -1;

	p.len = 0;
	say(&p, "At the end of the %s the service looked after %s children",
	    end, fig(at(r, "population", 0, 0), a, sizeof a));
	before(&p, r, "population", 0, false);
	say(&p, ". %s periods of care started and %s ended in the %s. ",
	    fig(at(r, "population", 1, 0), a, sizeof a),
	    fig(at(r, "population", 2, 0), b, sizeof b), end);
	say(&p, "%s of the children looked after had an IRO allocated.",
	    pct(at(r, "population", 5, 0), a, sizeof a));
	if (finish(r, section_of(r, "population"), &p))
		return -1;

	p.len = 0;
	say(&p, "%s standard reviews were held in time",
	    fig(at(r, "timeliness", 3, 0), a, sizeof a));
	before(&p, r, "timeliness", 3, true);
	say(&p, ": first reviews %s, second reviews %s and subsequent reviews "
		"%s. ",
	    pct(at(r, "timeliness", 0, 0), a, sizeof a),
	    pct(at(r, "timeliness", 1, 0), b, sizeof b),
	    pct(at(r, "timeliness", 2, 0), c, sizeof c));
	say(&p, "At the end of the %s, %s children's reviews were overdue. ",
	    end, fig(at(r, "overdue_at_end", 0, 0), a, sizeof a));
	say(&p, "%s of looked-after reviews were rearranged at least once.",
	    pct(at(r, "review_outcomes", 2, 0), a, sizeof a));
	if (finish(r, section_of(r, "timeliness"), &p))
		return -1;

	p.len = 0;
	say(&p, "Children's views were conveyed to %s of their reviews",
	    pct(at(r, "participation", 1, 0), a, sizeof a));
	before(&p, r, "participation", 1, true);
	say(&p, ", and they attended %s", pct(at(r, "participation", 0, 0), a,
					       sizeof a));
	before(&p, r, "participation", 0, true);
	say(&p, ".");
	if (finish(r, section_of(r, "participation"), &p))
		return -1;

	p.len = 0;
	say(&p, "Parents attended %s of reviews and someone attended for the "
		"social worker at %s. The social worker's report arrived "
		"before the review for %s. ",
	    pct(at(r, "conduct", 1, 0), a, sizeof a),
	    pct(at(r, "conduct", 2, 0), b, sizeof b),
	    pct(at(r, "conduct", 3, 0), c, sizeof c));
	say(&p, "Minutes or the letter to the child went in time for %s, and "
		"the IRO saw the child in the six weeks before %s of reviews. ",
	    pct(at(r, "conduct", 4, 0), a, sizeof a),
	    pct(at(r, "conduct", 5, 0), b, sizeof b));
	say(&p, "%s of second reviews had a permanence plan recorded.",
	    pct(at(r, "conduct", 8, 0), d, sizeof d));
	if (finish(r, section_of(r, "conduct"), &p))
		return -1;

	p.len = 0;
	say(&p, "IROs made %s recommendations at reviews; %s were achieved by "
		"the next review, and %s were the child's own. %s were overdue "
		"at the end of the %s.",
	    fig(at(r, "recommendations", 0, 0), a, sizeof a),
	    pct(at(r, "recommendations", 1, 0), b, sizeof b),
	    pct(at(r, "recommendations", 2, 0), c, sizeof c),
	    fig(at(r, "recommendations", 3, 0), d, sizeof d), end);
	if (finish(r, section_of(r, "recommendations"), &p))
		return -1;

	p.len = 0;
	say(&p, "On the last day of the %s, %s IROs (%s full-time equivalent) "
		"held %s children: %s per FTE",
	    end, fig(at(r, "caseloads", 0, 0), a, sizeof a),
	    fig(at(r, "caseloads", 1, 0), b, sizeof b),
	    fig(at(r, "caseloads", 2, 0), c, sizeof c),
	    fig(at(r, "caseloads", 3, 0), d, sizeof d));
	before(&p, r, "caseloads", 3, false);
	say(&p, ", from %s to %s. %s IROs were above the IRO Handbook's range "
		"of 50 to 70 children.",
	    fig(at(r, "caseloads", 4, 0), a, sizeof a),
	    fig(at(r, "caseloads", 5, 0), b, sizeof b),
	    fig(at(r, "caseloads", 6, 0), c, sizeof c));
	if (finish(r, section_of(r, "caseloads"), &p))
		return -1;

	const struct rtable *k = find(r, "alerts_kind");
	if (k && k->nrows) {
		p.len = 0;
		say(&p, "IROs raised %s practice alerts",
		    fig(at(r, "alerts_kind", k->nrows - 1, 0), a, sizeof a));
		before(&p, r, "alerts_kind", k->nrows - 1, false);
		say(&p, ". ");
		const struct rtable *ceil = find(r, "disputes_ceiling");
		if (ceil && ceil->nrows > 1)
			say(&p, "%s disputes were closed %s.",
			    fig(at(r, "disputes_ceiling", 0, 0), a, sizeof a),
			    ceil->rows[0]);
		if (finish(r, section_of(r, "alerts_kind"), &p))
			return -1;
	}

	p.len = 0;
	say(&p, "IROs recorded %s midpoint reviews and %s case checks between "
		"reviews. There were %s referrals to advocacy, %s feedback "
		"questionnaires returned and %s quality assurance activities.",
	    fig(at(r, "oversight", 0, 0), a, sizeof a),
	    fig(at(r, "oversight", 1, 0), b, sizeof b),
	    fig(at(r, "advocacy", REQ_COUNT, 0), c, sizeof c),
	    fig(at(r, "feedback", 4, 0), d, sizeof d),
	    fig(at(r, "quality_assurance", 4, 0), e, sizeof e));
	return finish(r, section_of(r, "oversight"), &p);
}
