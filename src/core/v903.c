/*
 * v903.c - a return as the DfE validator holds it, and the run of its
 * rules (v903.h).
 */
#include "lib/common.h"
#include "lib/xalloc.h"
#include "core/date.h"
#include "core/v903_int.h"

static const char *const HEADER[] = { "CHILD", "SEX", "DOB", "ETHNIC",
				      "UPN", "MOTHER", "MC_DOB" };
static const char *const EPISODES[] = {
	"CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER",
	"DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"
};
static const char *const REVIEWS[] = { "CHILD", "DOB", "REVIEW",
				       "REVIEW_CODE" };
static const char *const UASC[] = { "CHILD", "SEX", "DOB", "DUC" };
static const char *const OC2[] = {
	"CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED",
	"HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT",
	"SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"
};
static const char *const OC3[] = { "CHILD", "DOB", "IN_TOUCH", "ACTIV",
				   "ACCOM" };
static const char *const AD1[] = { "CHILD", "DOB", "DATE_INT",
				   "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR",
				   "SEX_ADOPTR", "LS_ADOPTR" };
static const char *const PLACED[] = { "CHILD", "DOB", "DATE_PLACED",
				      "DATE_PLACED_CEASED",
				      "REASON_PLACED_CEASED" };
static const char *const PREV_PERM[] = { "CHILD", "DOB", "PREV_PERM",
					 "LA_PERM", "DATE_PERM" };
static const char *const MISSING[] = { "CHILD", "DOB", "MISSING",
				       "MIS_START", "MIS_END" };
static const char *const SW_EPISODES[] = { "CHILD", "DOB", "SW_ID",
					   "SW_DECOM", "SW_DEC", "SW_REASON" };

#define DEF(name, file, cols, derived, date, first)                         \
	{ name, file, cols, ARRAY_LEN(cols), derived, date, first }

const struct v903_table_def V903_TABLES[V903_NTABLES] = {
	[V903_HEADER] = DEF("Header", "header.csv", HEADER, 1, -1, 0),
	[V903_EPISODES] = DEF("Episodes", "episodes.csv", EPISODES, 3,
			      V903_E_DECOM, 0),
	[V903_REVIEWS] = DEF("Reviews", "reviews.csv", REVIEWS, 0,
			     V903_R_REVIEW, 0),
	[V903_UASC] = DEF("UASC", "uasc.csv", UASC, 0, -1, 0),
	[V903_OC2] = DEF("OC2", "oc2.csv", OC2, 0, -1, 0),
	[V903_OC3] = DEF("OC3", "oc3.csv", OC3, 0, -1, 0),
	[V903_AD1] = DEF("AD1", "ad1.csv", AD1, 0, -1, 0),
	[V903_PLACED_ADOPTION] = DEF("PlacedAdoption",
				     "placed_for_adoption.csv", PLACED, 0,
				     V903_PA_DATE_PLACED, 0),
	[V903_PREV_PERM] = DEF("PrevPerm", "previous_permanence.csv",
			       PREV_PERM, 0, -1, 0),
	[V903_MISSING] = DEF("Missing", "missing.csv", MISSING, 0,
			     V903_M_MIS_START, 0),
	[V903_SW_EPISODES] = DEF("SWEpisodes", "sw_episodes.csv",
				 SW_EPISODES, 0, V903_SW_SW_DECOM, 2024),
};

/* ---- Building --------------------------------------------------------- */

static void rows_free(struct v903_rows *t)
{
	free(t->cell);
	free(t->text);
	free(t->order);
	memset(t, 0, sizeof *t);
}

void v903_set_year(struct v903_data *d, int year)
{
	d->year = year;
	d->start = date_from_ymd(year - 1, 4, 1);
	d->end = date_from_ymd(year, 3, 31);
}

void v903_init(struct v903_data *d, int year)
{
	memset(d, 0, sizeof *d);
	v903_set_year(d, year);
}

void v903_free(struct v903_data *d)
{
	for (int t = 0; t < V903_NTABLES; t++) {
		rows_free(&d->t[t]);
		rows_free(&d->last[t]);
	}
}

void v903_table_present(struct v903_rows *t, enum v903_table table)
{
	t->present = true;
	t->ncols = V903_TABLES[table].ncolumns + V903_TABLES[table].nderived;
}

/* Appends s (upper-cased, up to len bytes) to the table's text; returns
 * its offset, or V903_NAN when memory runs out. */
static uint32_t add_text(struct v903_rows *t, const char *s, size_t len)
{
	if (t->text_len + len + 1 >= V903_NAN ||
	    GROW(t->text, t->text_cap, t->text_len + len + 1))
		return V903_NAN;
	uint32_t off = (uint32_t)t->text_len;
	char *out = t->text + off;
	for (size_t i = 0; i < len; i++)
		out[i] = (s[i] >= 'a' && s[i] <= 'z') ? (char)(s[i] - 32) : s[i];
	out[len] = '\0';
	t->text_len += len + 1;
	return off;
}

int v903_add_row(struct v903_rows *t, enum v903_table table,
		 const char *const *cells, size_t n)
{
	v903_table_present(t, table);
	if (n > V903_TABLES[table].ncolumns)
		n = V903_TABLES[table].ncolumns;
	if (GROW(t->cell, t->cap_rows, (t->nrows + 1) * t->ncols))
		return -1;
	uint32_t *row = t->cell + t->nrows * t->ncols;
	for (size_t c = 0; c < t->ncols; c++) {
		row[c] = V903_NAN;
		if (c >= n || !cells[c] || !cells[c][0])
			continue;
		row[c] = add_text(t, cells[c], strlen(cells[c]));
		if (row[c] == V903_NAN)
			return -1;
	}
	t->nrows++;
	return 0;
}

static int set_cell(struct v903_rows *t, size_t row, int col, const char *s)
{
	uint32_t off = V903_NAN;
	if (s) {
		off = add_text(t, s, strlen(s));
		if (off == V903_NAN)
			return -1;
	}
	t->cell[row * t->ncols + (size_t)col] = off;
	return 0;
}

int v903_year_parse(const char *s)
{
	int a = 0, b = 0, n = 0;
	char sep = 0;
	if (sscanf(s, "%4d%n", &a, &n) != 1 || n != 4)
		return 0;
	if (s[4] == '\0') {
		b = a;
		a = b - 1;
	} else {
		sep = s[4];
		if ((sep != '-' && sep != '/' && sep != '_') ||
		    !isdigit((unsigned char)s[5]) ||
		    !isdigit((unsigned char)s[6]) || s[7] != '\0')
			return 0;
		b = (s[5] - '0') * 10 + (s[6] - '0');
		if (b != (a + 1) % 100)
			return 0;
		b = a + 1;
	}
	return b >= 2015 && b <= 2099 ? b : 0;
}

static int32_t latest(const struct v903_rows *t, int col, int32_t best)
{
	for (size_t i = 0; i < t->nrows; i++) {
		int32_t v = v903_date(t, i, col);
		if (v != DATE_NONE && v > best)
			best = v;
	}
	return best;
}

int v903_infer_year(const struct v903_data *d)
{
	int32_t best = INT32_MIN;
	best = latest(&d->t[V903_EPISODES], V903_E_DECOM, best);
	best = latest(&d->t[V903_EPISODES], V903_E_DEC, best);
	best = latest(&d->t[V903_REVIEWS], V903_R_REVIEW, best);
	best = latest(&d->t[V903_MISSING], V903_M_MIS_START, best);
	best = latest(&d->t[V903_MISSING], V903_M_MIS_END, best);
	if (best == INT32_MIN)
		return 0;
	int y, m, day;
	date_to_ymd(best, &y, &m, &day);
	return m >= 4 ? y + 1 : y;
}

/* ---- Dates ------------------------------------------------------------ */

/* Digits as pandas' strptime regex takes them: %d is 3[01]|[12]\d|0[1-9]|
 * [1-9]| [1-9], %m is 1[0-2]|0[1-9]|[1-9]; both are tried longest first,
 * and a shorter match is tried when the rest does not fit. */
static int two_digit(const char *s, int max, int *val)
{
	if (s[0] == ' ' && s[1] >= '1' && s[1] <= '9' && max == 31) {
		*val = s[1] - '0';
		return 2;
	}
	if (!isdigit((unsigned char)s[0]))
		return 0;
	if (isdigit((unsigned char)s[1]) && s[2] == '/') {
		int v = (s[0] - '0') * 10 + (s[1] - '0');
		if (v >= 1 && v <= max) {
			*val = v;
			return 2;
		}
		return 0;
	}
	if (s[0] >= '1' && s[0] <= '9' && s[1] == '/') {
		*val = s[0] - '0';
		return 1;
	}
	return 0;
}

int32_t v903_parse_date(const char *s)
{
	int d, m, k;
	if (!s || !(k = two_digit(s, 31, &d)) || s[k] != '/')
		return DATE_NONE;
	s += k + 1;
	if (!(k = two_digit(s, 12, &m)) || s[k] != '/')
		return DATE_NONE;
	s += k + 1;
	for (int i = 0; i < 4; i++)
		if (!isdigit((unsigned char)s[i]))
			return DATE_NONE;
	if (s[4] != '\0')
		return DATE_NONE;
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
		(s[3] - '0');
	if (!date_valid_ymd(y, m, d))
		return DATE_NONE;
	int32_t v = date_from_ymd(y, m, d);
	/* pandas' Timestamp range; outside it a date is NaT */
	if (v < date_from_ymd(1677, 9, 22) || v > date_from_ymd(2262, 4, 11))
		return DATE_NONE;
	return v;
}

int32_t v903_date(const struct v903_rows *t, size_t row, int col)
{
	return v903_parse_date(v903_cell(t, row, col));
}

bool v903_str_in(const char *s, const char *list)
{
	if (!s)
		return false;
	size_t n = strlen(s);
	for (const char *p = list; *p;) {
		const char *e = strchr(p, ',');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len == n && memcmp(p, s, n) == 0)
			return true;
		if (!e)
			break;
		p = e + 1;
	}
	return false;
}

bool v903_is(const struct v903_rows *t, size_t row, int col, const char *s)
{
	const char *c = v903_cell(t, row, col);
	return c && strcmp(c, s) == 0;
}

bool v903_in(const struct v903_rows *t, size_t row, int col, const char *list)
{
	return v903_str_in(v903_cell(t, row, col), list);
}

/* ---- Orders ----------------------------------------------------------- */

/* qsort has no context argument; sorting keys are built first instead. */
struct sort_key {
	const char *child; /* NULL sorts last */
	int32_t date;      /* DATE_NONE sorts last */
	size_t row;
};

static int cmp_key(const void *a, const void *b)
{
	const struct sort_key *x = a, *y = b;
	if (!x->child != !y->child)
		return x->child ? -1 : 1;
	if (x->child) {
		int c = strcmp(x->child, y->child);
		if (c)
			return c;
	}
	if (x->date != y->date) {
		if (x->date == DATE_NONE)
			return 1;
		if (y->date == DATE_NONE)
			return -1;
		return x->date < y->date ? -1 : 1;
	}
	return (x->row > y->row) - (x->row < y->row);
}

static int build_order(struct v903_rows *t, enum v903_table table)
{
	free(t->order);
	t->order = NULL;
	if (!t->nrows)
		return 0;
	struct sort_key *k = malloc(t->nrows * sizeof *k);
	t->order = malloc(t->nrows * sizeof *t->order);
	if (!k || !t->order) {
		free(k);
		return -1;
	}
	int dc = V903_TABLES[table].date_col;
	for (size_t i = 0; i < t->nrows; i++) {
		k[i].child = v903_cell(t, i, 0);
		k[i].date = dc >= 0 ? v903_date(t, i, dc) : DATE_NONE;
		k[i].row = i;
	}
	qsort(k, t->nrows, sizeof *k, cmp_key);
	for (size_t i = 0; i < t->nrows; i++)
		t->order[i] = k[i].row;
	free(k);
	return 0;
}

static bool same_child(const struct v903_rows *t, size_t a, size_t b)
{
	const char *x = v903_cell(t, a, 0), *y = v903_cell(t, b, 0);
	if (!x || !y)
		return !x && !y;
	return strcmp(x, y) == 0;
}

size_t v903_next_child(const struct v903_rows *t, size_t *from)
{
	size_t s = *from, e = s;
	if (s >= t->nrows)
		return 0;
	while (e < t->nrows && same_child(t, t->order[s], t->order[e]))
		e++;
	*from = e;
	return e - s;
}

size_t v903_find_child(const struct v903_rows *t, const char *child,
		       size_t *count)
{
	size_t lo = 0, hi = t->nrows;
	*count = 0;
	if (!child || !t->order)
		return 0;
	while (lo < hi) { /* the first row whose child is >= child */
		size_t mid = lo + (hi - lo) / 2;
		const char *c = v903_cell(t, t->order[mid], 0);
		if (c && strcmp(c, child) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t e = lo;
	while (e < t->nrows) {
		const char *c = v903_cell(t, t->order[e], 0);
		if (!c || strcmp(c, child) != 0)
			break;
		e++;
	}
	*count = e - lo;
	return lo;
}

size_t v903_merge_child(const struct v903_rows *t, const char *child,
			size_t *count)
{
	if (child)
		return v903_find_child(t, child, count);
	size_t lo = 0, hi = t->nrows;
	while (lo < hi) { /* the first row with no CHILD: they sort last */
		size_t mid = lo + (hi - lo) / 2;
		if (v903_has(t, t->order[mid], 0))
			lo = mid + 1;
		else
			hi = mid;
	}
	*count = t->nrows - lo;
	return lo;
}

/* ---- Derived columns -------------------------------------------------- */

/* Header.UASC: "1" for a child in the UASC table, "0" otherwise
 * (ingress.read_csvs_from_text); only when both tables are loaded. */
static int derive_uasc(struct v903_rows *h, const struct v903_rows *u)
{
	if (!h->present || !u->present)
		return 0;
	for (size_t i = 0; i < h->nrows; i++) {
		size_t n;
		v903_find_child(u, v903_cell(h, i, V903_H_CHILD), &n);
		if (set_cell(h, i, V903_H_UASC, n ? "1" : "0"))
			return -1;
	}
	return 0;
}

/* Episodes.PL_LA, PL_LOCATION and PL_DISTANCE from the postcodes
 * (datastore._add_postcode_derived_fields): the placement's authority;
 * IN when it is ours, OUT when not, SCO/NIR/WAL for an authority in
 * Scotland, Northern Ireland or Wales; miles between the grid references
 * of HOME_POST and PL_POST, to one decimal place. */
static int derive_places(struct v903_rows *e, const char *our_la,
			 v903_postcode_fn postcode, void *ctx)
{
	if (!e->present || !postcode)
		return 0;
	for (size_t i = 0; i < e->nrows; i++) {
		char pl_la[12], home_la[12], buf[32];
		int32_t pe, pn, he, hn;
		const char *pl = v903_cell(e, i, V903_E_PL_POST);
		const char *home = v903_cell(e, i, V903_E_HOME_POST);
		bool pl_known = pl && postcode(ctx, pl, pl_la, &pe, &pn);
		bool home_known = home && postcode(ctx, home, home_la, &he, &hn);
		if (pl_known) {
			const char *loc = our_la[0] && strcmp(pl_la, our_la) == 0
						  ? "IN" : "OUT";
			const char *country = pl_la[0] == 'S'   ? "SCO"
					      : pl_la[0] == 'N' ? "NIR"
					      : pl_la[0] == 'W' ? "WAL"
								: NULL;
			if (set_cell(e, i, V903_E_PL_LA, country ? country : pl_la) ||
			    set_cell(e, i, V903_E_PL_LOCATION,
				     country ? "OUT" : loc))
				return -1;
		}
		if (pl_known && home_known && pe >= 0 && he >= 0) {
			double de = (double)(he - pe), dn = (double)(hn - pn);
			double miles = sqrt(de * de + dn * dn) / 1000 / 1.6093;
			snprintf(buf, sizeof buf, "%.1f", miles);
			if (set_cell(e, i, V903_E_PL_DISTANCE, buf))
				return -1;
		}
	}
	return 0;
}

int v903_prepare(struct v903_data *d, v903_postcode_fn postcode, void *ctx)
{
	struct v903_rows *sets[2] = { d->t, d->last };
	for (int s = 0; s < 2; s++) {
		struct v903_rows *t = sets[s];
		for (int i = 0; i < V903_NTABLES; i++)
			if (t[i].present && build_order(&t[i], i))
				goto oom;
		if (derive_uasc(&t[V903_HEADER], &t[V903_UASC]) ||
		    derive_places(&t[V903_EPISODES], d->la, postcode, ctx))
			goto oom;
	}
	return 0;
oom:
	d->out_of_memory = true;
	return -1;
}

/* ---- Running the rules ------------------------------------------------ */

static const struct v903_rule *const FAMILIES[] = {
	V903_RULES_HEADER,     V903_RULES_REVIEWS,   V903_RULES_EPISODE_FIELDS,
	V903_RULES_CHRONOLOGY, V903_RULES_CONTINUITY, V903_RULES_LEGAL,
	V903_RULES_SHORT_BREAKS, V903_RULES_TEMPORARY,
};

size_t v903_rule_count(void)
{
	size_t n = 0;
	for (size_t f = 0; f < ARRAY_LEN(FAMILIES); f++)
		for (const struct v903_rule *r = FAMILIES[f]; r->code; r++)
			n++;
	return n;
}

const struct v903_rule *v903_rule_at(size_t i)
{
	for (size_t f = 0; f < ARRAY_LEN(FAMILIES); f++)
		for (const struct v903_rule *r = FAMILIES[f]; r->code; r++)
			if (i-- == 0)
				return r;
	return NULL;
}

bool v903_rule_applies(const struct v903_rule *rule, int year)
{
	return (!rule->from || year >= rule->from) &&
	       (!rule->to || year <= rule->to);
}

void v903_flag(struct v903_result *r, enum v903_table table, size_t row)
{
	if (GROW(r->v, r->cap, r->n + 1)) {
		r->out_of_memory = true;
		return;
	}
	r->v[r->n++] = (struct v903_flag){ (uint32_t)row, r->rule,
					   (uint8_t)table };
}

static bool needs(const struct v903_rows *t, struct v903_result *r,
		  unsigned need)
{
	for (int i = 0; i < V903_NTABLES; i++)
		if ((need & V903_T(i)) && !t[i].present) {
			r->skipped++;
			return false;
		}
	return true;
}

bool v903_needs(const struct v903_data *d, struct v903_result *r,
		unsigned need)
{
	return needs(d->t, r, need);
}

bool v903_needs_last(const struct v903_data *d, struct v903_result *r,
		     unsigned need)
{
	return needs(d->last, r, need);
}

void v903_flag_unmatched(const struct v903_data *d, struct v903_result *r,
			 enum v903_table table, enum v903_table in)
{
	const struct v903_rows *t = &d->t[table];
	size_t at = 0, n;
	while ((n = v903_next_child(t, &at)) > 0) {
		size_t found;
		v903_merge_child(&d->t[in], v903_cell(t, t->order[at - n], 0),
				 &found);
		if (found)
			continue;
		for (size_t k = at - n; k < at; k++)
			v903_flag(r, table, t->order[k]);
	}
}

static int cmp_flag(const void *a, const void *b)
{
	const struct v903_flag *x = a, *y = b;
	if (x->table != y->table)
		return x->table < y->table ? -1 : 1;
	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	return (x->rule > y->rule) - (x->rule < y->rule);
}

void v903_validate(const struct v903_data *d, const char *only,
		   struct v903_result *r)
{
	size_t i = 0;
	for (size_t f = 0; f < ARRAY_LEN(FAMILIES); f++)
		for (const struct v903_rule *rule = FAMILIES[f]; rule->code;
		     rule++, i++) {
			if (only && strcmp(only, rule->code) != 0)
				continue;
			if (!v903_rule_applies(rule, d->year))
				continue;
			r->rule = (uint16_t)i;
			rule->check(d, r);
		}
	if (r->n > 1)
		qsort(r->v, r->n, sizeof *r->v, cmp_flag);
	/* one flag per row and rule */
	size_t out = 0;
	for (size_t k = 0; k < r->n; k++)
		if (!out || cmp_flag(&r->v[out - 1], &r->v[k]) != 0)
			r->v[out++] = r->v[k];
	r->n = out;
}

void v903_result_free(struct v903_result *r)
{
	free(r->v);
	memset(r, 0, sizeof *r);
}
