/*
 * ssda903.c - SSDA903 records: typing, code lists and the checks that
 * reject an import. DfE rule numbers are those of csc-validator-be-903
 * (domain-rules §4.3).
 *
 * What rejects an import (an error): a missing required value, a code not
 * in its list, a date that is not a real DD/MM/YYYY date, a child not in
 * the header, a child twice in the header, an episode ending before it
 * starts or with only one of DEC and REC, a review whose DOB disagrees
 * with the header, and two rows for the same thing that disagree.
 * What is reported and taken (a warning): how iro reads episodes that do
 * not chain as SSDA903 requires into periods of care, and reviews outside
 * every period. The DfE's own rules (core/v903.h) are run on the return
 * by `iro import 903` too and listed after it; they are not repeated here.
 */
#include "lib/common.h"
#include "lib/xalloc.h"
#include "core/codes.h"
#include "core/date.h"
#include "core/ssda903.h"

static const char *const HEADER_COLUMNS[] = { "CHILD", "SEX", "DOB",
					      "ETHNIC", "UPN", "MOTHER",
					      "MC_DOB" };
static const char *const EPISODE_COLUMNS[] = {
	"CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER",
	"DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"
};
static const char *const REVIEW_COLUMNS[] = { "CHILD", "DOB", "REVIEW",
					      "REVIEW_CODE" };
static const char *const UASC_COLUMNS[] = { "CHILD", "SEX", "DOB", "DUC" };

const struct s903_table_def S903_TABLES[S903_TABLE_COUNT] = {
	[S903_HEADER] = { "header.csv", HEADER_COLUMNS,
			  ARRAY_LEN(HEADER_COLUMNS), true },
	[S903_EPISODES] = { "episodes.csv", EPISODE_COLUMNS,
			    ARRAY_LEN(EPISODE_COLUMNS), true },
	[S903_REVIEWS] = { "reviews.csv", REVIEW_COLUMNS,
			   ARRAY_LEN(REVIEW_COLUMNS), true },
	[S903_UASC] = { "uasc.csv", UASC_COLUMNS, ARRAY_LEN(UASC_COLUMNS),
			false },
};


void s903_init(struct s903_set *set)
{
	memset(set, 0, sizeof *set);
	for (int t = 0; t < S903_TABLE_COUNT; t++)
		set->file[t] = S903_TABLES[t].file;
}

void s903_free(struct s903_set *set)
{
	free(set->children);
	free(set->episodes);
	free(set->reviews);
	free(set->uasc);
	free(set->refused);
	s903_init(set);
}

/* Cells are trimmed of surrounding spaces, and codes upper-cased as the
 * DfE validator does (domain-rules §3.1). */
static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
			 s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

static void upper(char *s)
{
	for (; *s; s++)
		if (*s >= 'a' && *s <= 'z')
			*s = (char)(*s - 'a' + 'A');
}

/* The state of reading one row, to keep the checks short. */
struct row {
	struct problems *p;
	const char *file;
	long line;
	const char *const *names;
	char **cells;
	bool bad;
};

static void row_error(struct row *r, int col, const char *fmt, ...)
	PRINTF_LIKE(3, 4);

static void row_error(struct row *r, int col, const char *fmt, ...)
{
	char reason[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(reason, sizeof reason, fmt, ap);
	va_end(ap);
	problem_add(r->p, false, r->file, r->line, r->names[col], r->cells[col],
		    "%s", reason);
	r->bad = true;
}

static void row_warning(struct row *r, int col, const char *reason)
{
	problem_add(r->p, true, r->file, r->line, r->names[col], r->cells[col],
		    "%s", reason);
}

static bool required(struct row *r, int col)
{
	if (r->cells[col][0])
		return true;
	row_error(r, col, "is required and is blank");
	return false;
}

/* A DD/MM/YYYY date; blank gives DATE_NONE when allowed. `rule` is the
 * DfE rule that checks the field, or NULL. */
static int32_t date_cell(struct row *r, int col, bool needed, const char *rule)
{
	const char *s = r->cells[col];
	char cite[32] = "";
	int32_t d = DATE_NONE;
	if (rule)
		snprintf(cite, sizeof cite, " (DfE rule %s)", rule);
	if (!s[0]) {
		if (needed)
			row_error(r, col, "is required and is blank%s", cite);
		return DATE_NONE;
	}
	switch (date_parse_903(s, &d)) {
	case DATE_OK:
		return d;
	case DATE_NO_SUCH_DAY:
		row_error(r, col, "is not a real date%s", cite);
		return DATE_NONE;
	default:
		row_error(r, col, "is not a date in the form DD/MM/YYYY%s", cite);
		return DATE_NONE;
	}
}

/* A code from `list` copied into out; blank allowed when !needed. */
static void code_cell(struct row *r, int col, const struct code_list *list,
		      bool needed, char *out, size_t size)
{
	char *s = r->cells[col];
	char cite[300] = "";
	upper(s);
	out[0] = '\0';
	if (list->rule)
		snprintf(cite, sizeof cite, " (DfE rule %s)", list->rule);
	if (!s[0]) {
		if (needed)
			row_error(r, col, "is required and is blank%s", cite);
		return;
	}
	if (!code_find(list, s)) {
		/* Short lists are spelt out; long ones are in docs/ssda903.md. */
		char codes[200];
		code_list_text(list, codes, sizeof codes);
		if (list->count <= 13)
			row_error(r, col, "is not a valid code: expected %s%s",
				  codes, cite);
		else
			row_error(r, col, "is not a valid code%s", cite);
		return;
	}
	snprintf(out, size, "%s", s);
}

/* Free text of at most `max` characters. */
static void text_cell(struct row *r, int col, char *out, size_t max)
{
	const char *s = r->cells[col];
	if (strlen(s) > max) {
		row_error(r, col, "is longer than %zu characters", max);
		out[0] = '\0';
		return;
	}
	snprintf(out, max + 1, "%s", s);
}

static void child_cell(struct row *r, char *out)
{
	if (!required(r, 0))
		return;
	text_cell(r, 0, out, S903_CHILD_MAX);
}

#define ADD(set, arr, n, cap)                                               \
	(GROW((set)->arr, (set)->cap, (set)->n + 1)                         \
		 ? ((set)->out_of_memory = true, NULL)                      \
		 : memset(&(set)->arr[(set)->n++], 0, sizeof *(set)->arr))

static void add_header(struct s903_set *set, struct row *r)
{
	struct s903_child c;
	char sex[2];
	memset(&c, 0, sizeof c);
	c.line = r->line;
	child_cell(r, c.child);
	code_cell(r, S903_H_SEX, &CODES_SEX, true, sex, sizeof sex);
	c.sex = code_sex_normalise(sex);
	c.dob = date_cell(r, S903_H_DOB, true, "102");
	code_cell(r, S903_H_ETHNIC, &CODES_ETHNIC, true, c.ethnic, sizeof c.ethnic);
	text_cell(r, S903_H_UPN, c.upn, S903_TEXT_MAX);
	char mother[2];
	code_cell(r, S903_H_MOTHER, &CODES_MOTHER, false, mother, sizeof mother);
	c.mother = mother[0] ? (signed char)(mother[0] - '0') : -1;
	c.mc_dob = date_cell(r, S903_H_MC_DOB, false, NULL);
	c.uasc_ceased = DATE_NONE;
	if (r->bad) {
		if (c.child[0] && !GROW(set->refused, set->cap_refused,
					set->nrefused + 1))
			memcpy(set->refused[set->nrefused++], c.child,
			       sizeof c.child);
		return;
	}
	struct s903_child *slot = ADD(set, children, nchildren, cap_children);
	if (slot)
		*slot = c;
}

static void add_episode(struct s903_set *set, struct row *r)
{
	struct s903_episode e;
	char rne[2];
	memset(&e, 0, sizeof e);
	e.row.line = r->line;
	child_cell(r, e.row.child);
	e.ep.decom = date_cell(r, S903_E_DECOM, true, "141");
	code_cell(r, S903_E_RNE, &CODES_RNE, false, rne, sizeof rne);
	e.ep.rne = rne[0];
	if (!r->bad && !rne[0])
		row_warning(r, S903_E_RNE, "is blank: the episode is read as "
				      "continuing the period of care (DfE "
				      "rule 143)");
	code_cell(r, S903_E_LS, &CODES_LS, true, e.ep.ls, sizeof e.ep.ls);
	code_cell(r, S903_E_CIN, &CODES_CIN, true, e.cin, sizeof e.cin);
	code_cell(r, S903_E_PLACE, &CODES_PLACE, true, e.ep.place,
		  sizeof e.ep.place);
	code_cell(r, S903_E_PLACE_PROVIDER, &CODES_PLACE_PROVIDER, false,
		  e.place_provider, sizeof e.place_provider);
	e.ep.dec = date_cell(r, S903_E_DEC, false, "147");
	code_cell(r, S903_E_REC, &CODES_REC, false, e.ep.rec, sizeof e.ep.rec);
	code_cell(r, S903_E_REASON_PLACE_CHANGE, &CODES_REASON_PLACE_CHANGE, false,
		  e.reason_place_change, sizeof e.reason_place_change);
	upper(r->cells[S903_E_HOME_POST]);
	upper(r->cells[S903_E_PL_POST]);
	upper(r->cells[S903_E_URN]);
	text_cell(r, S903_E_HOME_POST, e.home_post, S903_TEXT_MAX);
	text_cell(r, S903_E_PL_POST, e.pl_post, S903_TEXT_MAX);
	text_cell(r, S903_E_URN, e.urn, S903_TEXT_MAX);
	if (r->bad)
		return;
	/* rule 148: DEC and REC both coded or both blank. */
	if ((e.ep.dec == DATE_NONE) != (e.ep.rec[0] == '\0')) {
		int col = e.ep.dec == DATE_NONE ? S903_E_DEC : S903_E_REC;
		row_error(r, col, "must be given with %s, or both left blank "
				  "(DfE rule 148)",
			  col == S903_E_DEC ? "REC" : "DEC");
		return;
	}
	/* rule 356: the episode cannot cease before it began. */
	if (e.ep.dec != DATE_NONE && e.ep.dec < e.ep.decom) {
		row_error(r, S903_E_DEC, "is before DECOM %s (DfE rule 356)",
			  r->cells[S903_E_DECOM]);
		return;
	}
	struct s903_episode *slot = ADD(set, episodes, nepisodes, cap_episodes);
	if (slot) /* memcpy keeps the zeroed padding that dedupe compares */
		memcpy(slot, &e, sizeof e);
}

static void add_review(struct s903_set *set, struct row *r)
{
	struct s903_review v;
	memset(&v, 0, sizeof v);
	v.row.line = r->line;
	child_cell(r, v.row.child);
	v.dob = date_cell(r, S903_R_DOB, false, "102");
	upper(r->cells[S903_R_REVIEW_CODE]);
	/* rule 167: a review date and a participation code, or neither. A
	 * row with neither records no review. */
	if (!r->cells[S903_R_REVIEW][0] && !r->cells[S903_R_REVIEW_CODE][0])
		return;
	v.date = date_cell(r, S903_R_REVIEW, true, "166");
	code_cell(r, S903_R_REVIEW_CODE, &CODES_REVIEW_CODE, false, v.pn,
		  sizeof v.pn);
	if (r->bad)
		return;
	if (!v.pn[0])
		row_warning(r, S903_R_REVIEW_CODE,
			    "is blank for a review held: participation is "
			    "recorded as not known (DfE rule 167)");
	struct s903_review *slot = ADD(set, reviews, nreviews, cap_reviews);
	if (slot)
		memcpy(slot, &v, sizeof v);
}

static void add_uasc(struct s903_set *set, struct row *r)
{
	struct s903_uasc u;
	char sex[2];
	memset(&u, 0, sizeof u);
	u.line = r->line;
	child_cell(r, u.child);
	code_cell(r, S903_U_SEX, &CODES_SEX, false, sex, sizeof sex);
	u.sex = code_sex_normalise(sex);
	u.dob = date_cell(r, S903_U_DOB, false, "102");
	u.duc = date_cell(r, S903_U_DUC, false, NULL);
	if (r->bad)
		return;
	struct s903_uasc *slot = ADD(set, uasc, nuasc, cap_uasc);
	if (slot)
		*slot = u;
}

void s903_add_row(struct s903_set *set, enum s903_table table, long line,
		  char **cells, struct problems *p)
{
	for (size_t i = 0; i < S903_TABLES[table].ncolumns; i++)
		cells[i] = trim(cells[i]);
	struct row r = { p, set->file[table], line, S903_TABLES[table].columns,
			 cells, false };
	switch (table) {
	case S903_HEADER:
		add_header(set, &r);
		break;
	case S903_EPISODES:
		add_episode(set, &r);
		break;
	case S903_REVIEWS:
		add_review(set, &r);
		break;
	case S903_UASC:
		add_uasc(set, &r);
		break;
	default:
		break;
	}
}

/* ---- Checks across files ---------------------------------------------- */

static int cmp_child(const void *a, const void *b)
{
	const struct s903_child *x = a, *y = b;
	int c = strcmp(x->child, y->child);
	return c ? c : (x->line > y->line) - (x->line < y->line);
}

/* Orders rows by child, then by their date, then by line. */
static int cmp_rows(const struct s903_row *x, int32_t dx,
		    const struct s903_row *y, int32_t dy)
{
	if (x->child_index != y->child_index)
		return x->child_index < y->child_index ? -1 : 1;
	if (dx != dy)
		return dx < dy ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

static int cmp_episode(const void *a, const void *b)
{
	const struct s903_episode *x = a, *y = b;
	return cmp_rows(&x->row, x->ep.decom, &y->row, y->ep.decom);
}

static int cmp_review(const void *a, const void *b)
{
	const struct s903_review *x = a, *y = b;
	return cmp_rows(&x->row, x->date, &y->row, y->date);
}

long s903_find_child(const struct s903_set *set, const char *child)
{
	size_t lo = 0, hi = set->nchildren;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(set->children[mid].child, child);
		if (c == 0)
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static void format_date(int32_t d, char *out)
{
	date_format_903(d, out);
}

static bool was_refused(const struct s903_set *set, const char *child)
{
	for (size_t i = 0; i < set->nrefused; i++)
		if (strcmp(set->refused[i], child) == 0)
			return true;
	return false;
}

/* Links a row to its child in the header (rules INT03, INT08): a child
 * missing from the header is an error, unless the child's own header row
 * was refused, which is reported already. Returns the index or -1. */
static long link_row(struct s903_set *set, struct s903_row *row,
		     enum s903_table table, const char *rule,
		     struct problems *p)
{
	long c = s903_find_child(set, row->child);
	row->child_index = c < 0 ? SIZE_MAX : (size_t)c;
	if (c < 0 && !was_refused(set, row->child))
		problem_add(p, false, set->file[table], row->line, "CHILD",
			    row->child, "is not in %s (DfE rule %s)",
			    set->file[S903_HEADER], rule);
	return c;
}

static void link_children(struct s903_set *set, struct problems *p)
{
	for (size_t i = 0; i < set->nepisodes; i++)
		link_row(set, &set->episodes[i].row, S903_EPISODES, "INT03", p);
	for (size_t i = 0; i < set->nreviews; i++) {
		struct s903_review *v = &set->reviews[i];
		long c = link_row(set, &v->row, S903_REVIEWS, "INT08", p);
		if (c >= 0 && v->dob != DATE_NONE &&
		    v->dob != set->children[c].dob) {
			char got[11], want[11];
			format_date(v->dob, got);
			format_date(set->children[c].dob, want);
			problem_add(p, false, set->file[S903_REVIEWS], v->row.line,
				    "DOB", got,
				    "differs from the child's DOB %s in %s "
				    "(DfE rule INT17)",
				    want, set->file[S903_HEADER]);
		}
	}
	for (size_t i = 0; i < set->nuasc; i++) {
		struct s903_uasc *u = &set->uasc[i];
		long c = s903_find_child(set, u->child);
		if (c < 0 && was_refused(set, u->child))
			continue;
		if (c < 0) {
			problem_add(p, false, set->file[S903_UASC], u->line,
				    "CHILD", u->child, "is not in %s",
				    set->file[S903_HEADER]);
			continue;
		}
		if (set->children[c].uasc) {
			problem_add(p, false, set->file[S903_UASC], u->line,
				    "CHILD", u->child,
				    "appears more than once in %s",
				    set->file[S903_UASC]);
			continue;
		}
		set->children[c].uasc = true;
		set->children[c].uasc_ceased = u->duc;
	}
}

/*
 * Removes rows that repeat an earlier row for the same child and date
 * exactly (a warning: read once), and rejects rows that describe the same
 * episode or review differently. Rows are sorted; `date` gives each one's
 * key date. Returns the number of rows kept.
 */
static size_t dedupe(void *rows, size_t n, size_t size,
		     int32_t (*date)(const void *row), const char *file,
		     const char *column, const char *what, struct problems *p)
{
	char *base = rows;
	size_t out = 0;
	for (size_t i = 0; i < n; i++) {
		const struct s903_row *r = (const void *)(base + i * size);
		const struct s903_row *prev =
			out ? (const void *)(base + (out - 1) * size) : NULL;
		if (prev && prev->child_index == r->child_index &&
		    date(prev) == date(r)) {
			char d[11];
			format_date(date(r), d);
			if (memcmp(prev + 1, r + 1, size - sizeof *r) == 0)
				problem_add(p, true, file, r->line, column, d,
					    "repeats line %ld exactly; read once",
					    prev->line);
			else
				problem_add(p, false, file, r->line, column, d,
					    "child %s already has a different "
					    "%s that day (line %ld)",
					    r->child, what, prev->line);
			continue;
		}
		if (out != i)
			memcpy(base + out * size, r, size);
		out++;
	}
	return out;
}

static int32_t episode_date(const void *row)
{
	return ((const struct s903_episode *)row)->ep.decom;
}

static int32_t review_date(const void *row)
{
	return ((const struct s903_review *)row)->date;
}

void s903_child_rows(const struct s903_set *set, struct s903_cursor *cur,
		     size_t child, const struct s903_episode **eps,
		     size_t *neps, const struct s903_review **revs,
		     size_t *nrevs)
{
	size_t e = cur->episode, r = cur->review;
	while (e < set->nepisodes && set->episodes[e].row.child_index == child)
		e++;
	while (r < set->nreviews && set->reviews[r].row.child_index == child)
		r++;
	*eps = set->episodes + cur->episode;
	*neps = e - cur->episode;
	*revs = set->reviews + cur->review;
	*nrevs = r - cur->review;
	cur->episode = e;
	cur->review = r;
}

/* The chaining of each child's episodes into periods of care, and the
 * reviews against those periods: anomalies the schedule can live with,
 * reported as warnings with the DfE rule they break. */
static void check_child_periods(struct s903_set *set, size_t ci,
				const struct s903_episode *eps, size_t ne,
				const struct s903_review *revs, size_t nr,
				struct period *periods, struct episode *tmp,
				struct problems *p)
{
	const char *ef = set->file[S903_EPISODES];
	const char *rf = set->file[S903_REVIEWS];
	const struct s903_child *c = &set->children[ci];
	for (size_t i = 0; i < ne; i++)
		tmp[i] = eps[i].ep;
	size_t np = period_build(tmp, ne, periods);
	char d[11];

	for (size_t k = 0; k < np; k++) {
		const struct period *pp = &periods[k];
		const struct s903_episode *first = &eps[pp->first];
		const struct s903_episode *last = &eps[pp->first + pp->count - 1];
		format_date(first->ep.decom, d);
		if (pp->anomalies & PERIOD_NO_START && k > 0)
			problem_add(p, true, ef, first->row.line, "RNE",
				    (char[]){ first->ep.rne, 0 },
				    "child %s: the previous episode ended the "
				    "period of care, so this one should start "
				    "a new one with RNE S; read as a new period "
				    "from %s (DfE rule 432)", c->child, d);
		if (pp->anomalies & PERIOD_S_AFTER_X1)
			problem_add(p, true, ef, first->row.line, "DECOM", d,
				    "child %s: RNE S starts the day the previous "
				    "episode ended with X1; read as a new period "
				    "of care (DfE rule 431)", c->child);
		if (pp->anomalies & PERIOD_BROKEN_CHAIN)
			problem_add(p, true, ef, last->row.line, "REC", "X1",
				    "child %s: an episode ends with X1 but no "
				    "episode starts that day (DfE rule 388)",
				    c->child);
		if (pp->anomalies & PERIOD_OVERLAP)
			problem_add(p, true, ef, last->row.line, "DECOM", d,
				    "child %s: episodes overlap (DfE rule 501)",
				    c->child);
	}

	for (size_t i = 0; i < nr; i++) {
		const struct s903_review *v = &revs[i];
		format_date(v->date, d);
		if (period_containing(periods, np, v->date) < 0)
			problem_add(p, true, rf, v->row.line, "REVIEW", d,
				    "child %s was not looked after that day; "
				    "the review belongs to no period of care",
				    c->child);
	}
}

/* qsort, but not on an empty (possibly NULL) array, which C leaves
 * undefined. */
static void sort_rows(void *rows, size_t n, size_t size,
		      int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(rows, n, size, cmp);
}

void s903_finish(struct s903_set *set, struct problems *p)
{
	if (set->out_of_memory) {
		problem_add(p, false, NULL, 0, NULL, NULL,
			    "out of memory reading the files");
		return;
	}
	sort_rows(set->children, set->nchildren, sizeof *set->children,
		  cmp_child);
	/* rule INT32: a child only once in the header. */
	for (size_t i = 1; i < set->nchildren; i++)
		if (strcmp(set->children[i].child, set->children[i - 1].child) == 0)
			problem_add(p, false, set->file[S903_HEADER],
				    set->children[i].line, "CHILD",
				    set->children[i].child,
				    "appears more than once (first on line "
				    "%ld; DfE rule INT32)",
				    set->children[i - 1].line);
	link_children(set, p);
	if (p->errors)
		return;
	sort_rows(set->episodes, set->nepisodes, sizeof *set->episodes,
		  cmp_episode);
	sort_rows(set->reviews, set->nreviews, sizeof *set->reviews, cmp_review);
	/* The structs must be zeroed whole before filling (ADD does) so
	 * that dedupe can compare their bytes. */
	set->nepisodes = dedupe(set->episodes, set->nepisodes,
				sizeof *set->episodes, episode_date,
				set->file[S903_EPISODES], "DECOM",
				"episode starting", p);
	set->nreviews = dedupe(set->reviews, set->nreviews,
			       sizeof *set->reviews, review_date,
			       set->file[S903_REVIEWS], "REVIEW", "review", p);

	/* Periods for each child, with scratch space for the largest. */
	size_t most = 1;
	for (size_t i = 0, j; i < set->nepisodes; i = j) {
		for (j = i; j < set->nepisodes &&
			    set->episodes[j].row.child_index ==
				    set->episodes[i].row.child_index;
		     j++)
			;
		if (j - i > most)
			most = j - i;
	}
	struct period *periods = malloc(most * sizeof *periods);
	struct episode *tmp = malloc(most * sizeof *tmp);
	if (!periods || !tmp) {
		free(periods);
		free(tmp);
		problem_add(p, false, NULL, 0, NULL, NULL,
			    "out of memory checking periods of care");
		return;
	}
	struct s903_cursor cur = { 0, 0 };
	for (size_t ci = 0; ci < set->nchildren; ci++) {
		const struct s903_episode *eps;
		const struct s903_review *revs;
		size_t ne, nr;
		s903_child_rows(set, &cur, ci, &eps, &ne, &revs, &nr);
		check_child_periods(set, ci, eps, ne, revs, nr, periods, tmp, p);
	}
	free(periods);
	free(tmp);
}
