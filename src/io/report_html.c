/*
 * report_html.c - the report (core/rtable.h) as one self-contained HTML
 * document (report_html.h): a first page of headline figures and contents,
 * then a chapter per section with its drafted narrative and, for each
 * table, a chart as inline SVG, the table, its note and the seed tables it
 * reproduces.
 *
 * Every value from the report goes out through html_text or html_attr,
 * which escape it. html_raw and html_rawf write this file's own markup and
 * numbers only; grep for them to audit that.
 *
 * Charts are drawn on a 680-unit-wide viewBox: 680 CSS px is 180 mm, the
 * width of A4 between 15 mm margins, so a unit prints as one CSS pixel and
 * the SVG font sizes below are the sizes on paper.
 */
#include "lib/common.h"
#include "core/date.h"
#include "core/rtable.h"
#include "io/report_html.h"

/* ---- The writer ------------------------------------------------------ */

static void html_raw(FILE *out, const char *markup)
{
	fputs(markup, out);
}

static void html_rawf(FILE *out, const char *fmt, ...) PRINTF_LIKE(2, 3);
static void html_rawf(FILE *out, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfprintf(out, fmt, ap);
	va_end(ap);
}

/* The first n bytes of s (or up to its NUL), escaped so that it is text
 * both in an element and in a quoted attribute. Control characters other
 * than tab and newline are dropped: HTML does not allow them. */
static void html_escape_n(FILE *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n && s[i]; i++) {
		unsigned char ch = (unsigned char)s[i];
		switch (ch) {
		case '&':
			fputs("&amp;", out);
			break;
		case '<':
			fputs("&lt;", out);
			break;
		case '>':
			fputs("&gt;", out);
			break;
		case '"':
			fputs("&quot;", out);
			break;
		case '\'':
			fputs("&#39;", out);
			break;
		default:
			if ((ch >= 0x20 && ch != 0x7f) || ch == '\t' || ch == '\n')
				putc(ch, out);
		}
	}
}

static void html_text(FILE *out, const char *s)
{
	if (s)
		html_escape_n(out, s, SIZE_MAX);
}

static void html_attr(FILE *out, const char *s)
{
	if (s)
		html_escape_n(out, s, SIZE_MAX);
}

/* ---- Text that must fit ---------------------------------------------- */

#define ELLIPSIS "\xe2\x80\xa6" /* U+2026, in UTF-8 */

static bool utf8_continuation(char c)
{
	return ((unsigned char)c & 0xc0) == 0x80;
}

/* Characters (code points) in s. */
static size_t utf8_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += !utf8_continuation(*s);
	return n;
}

/* Bytes in the first n characters of s, never splitting one. */
static size_t utf8_prefix(const char *s, size_t n)
{
	size_t i = 0;
	for (size_t seen = 0; s[i]; i++) {
		if (!utf8_continuation(s[i]) && seen++ == n)
			break;
	}
	return i;
}

/* Writes s, or when it has more than max characters its beginning and an
 * ellipsis; true when it was cut. */
static bool label_cut(FILE *out, const char *s, size_t max)
{
	if (max < 2)
		max = 2;
	if (utf8_chars(s) <= max) {
		html_text(out, s);
		return false;
	}
	size_t n = utf8_prefix(s, max - 1);
	while (n > 0 && s[n - 1] == ' ')
		n--;
	html_escape_n(out, s, n);
	html_raw(out, ELLIPSIS);
	return true;
}

/* A label inside an SVG <text>, cut to max characters, with the whole of
 * it in a <title> when cut (a tooltip on screen, read by screen readers). */
static void svg_label(FILE *out, const char *s, size_t max)
{
	if (label_cut(out, s, max)) {
		html_raw(out, "<title>");
		html_text(out, s);
		html_raw(out, "</title>");
	}
}

/* A label centred on x in up to two lines of max characters, broken at
 * the last space that fits: "Looked after at" / "31 March". */
static void svg_label2(FILE *out, const char *s, size_t max, double x,
		       double y, double size)
{
	size_t sp = utf8_chars(s) <= max ? 0 : utf8_prefix(s, max);
	while (sp > 0 && s[sp] != ' ')
		sp--;
	html_rawf(out,
		  "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
		  "font-size=\"%.1f\">",
		  x, y, size);
	if (!sp) {
		svg_label(out, s, max);
		html_raw(out, "</text>\n");
		return;
	}
	html_escape_n(out, s, sp);
	html_rawf(out, "<tspan x=\"%.1f\" dy=\"13\">", x);
	bool cut = label_cut(out, s + sp + 1, max);
	html_raw(out, "</tspan>");
	if (cut) {
		html_raw(out, "<title>");
		html_text(out, s);
		html_raw(out, "</title>");
	}
	html_raw(out, "</text>\n");
}

/* ---- Figures as text --------------------------------------------------- */

static const char *const MONTHS[12] = {
	"January", "February", "March",     "April",   "May",      "June",
	"July",    "August",   "September", "October", "November", "December",
};

/* "3 June 2022", as a council's report dates itself. */
static void date_words(int32_t day, char *out, size_t size)
{
	int y, m, d;
	if (day == DATE_NONE) {
		snprintf(out, size, "%s", "");
		return;
	}
	date_to_ymd(day, &y, &m, &d);
	snprintf(out, size, "%d %s %d", d, MONTHS[m - 1], y);
}

/* The period before the one reported on, as a reader names it: the year
 * before a financial year ("2020-21"), the month before a month ("March
 * 2022"), the calendar year before one; otherwise just "Last period". */
static void period_before(const struct report *r, char *out, size_t size)
{
	int y1, m1, d1, y2, m2, d2;
	snprintf(out, size, "%s", "Last period");
	if (r->from == DATE_NONE || r->to == DATE_NONE)
		return;
	date_to_ymd(r->from, &y1, &m1, &d1);
	date_to_ymd(r->to, &y2, &m2, &d2);
	if (m1 == 4 && d1 == 1 && m2 == 3 && d2 == 31 && y2 == y1 + 1)
		snprintf(out, size, "%d-%02d", y1 - 1, y1 % 100);
	else if (m1 == 1 && d1 == 1 && m2 == 12 && d2 == 31 && y1 == y2)
		snprintf(out, size, "%d", y1 - 1);
	else if (d1 == 1 && y1 == y2 && m1 == m2 &&
		 d2 == date_days_in_month(y2, m2))
		snprintf(out, size, "%s %d", MONTHS[(m1 + 10) % 12],
			 m1 == 1 ? y1 - 1 : y1);
}

/* A cell's height in a chart: a rate's percentage, a count, a value.
 * False for a gap: a suppressed cell (never drawn as 0, which would be a
 * figure of its own), nothing, or a rate of nothing. */
static bool chart_value(const struct rcell *c, double *v)
{
	if (c->c)
		return false;
	switch (c->kind) {
	case RCELL_COUNT:
		*v = (double)c->n;
		return true;
	case RCELL_RATE:
		return rcell_percent(c, v);
	case RCELL_VALUE:
		*v = c->v;
		return isfinite(c->v);
	case RCELL_NONE:
		break;
	}
	return false;
}

/* rcell_format gives a rate as "93.0% (1,204 of 1,295)": the percentage
 * is the figure, the counts its working, set smaller after it, or below it
 * without brackets (`below`) where columns are narrow. */
static void cell_figure(FILE *out, const struct rcell *c, int decimals,
			bool below)
{
	char s[128];
	rcell_format(c, decimals, c->kind == RCELL_RATE, s, sizeof s);
	const char *of = c->kind == RCELL_RATE ? strstr(s, " (") : NULL;
	size_t len = of ? strlen(of) : 0;
	if (!of || len < 3 || of[len - 1] != ')') {
		html_text(out, s);
		return;
	}
	html_escape_n(out, s, (size_t)(of - s));
	html_raw(out, " <span class=\"of\">");
	if (below)
		html_escape_n(out, of + 2, len - 3);
	else
		html_text(out, of + 1);
	html_raw(out, "</span>");
}

/* ---- The style --------------------------------------------------------- */

/* Restrained, like a council's published report: a system font, one blue,
 * thin rules; on paper 10 pt text on A4, tables smaller as they widen so
 * that 13 columns fit in 180 mm. */
static const char CSS[] =
	":root{--ink:#0b0c0c;--muted:#505a5f;--rule:#b1b4b6;"
	"--band:#1d70b8;--tint:#f3f2f1}\n"
	"*{box-sizing:border-box}\n"
	"html{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
	"body{margin:0;background:#fff;color:var(--ink);"
	"font-family:system-ui,\"Segoe UI\",Roboto,Arial,sans-serif;"
	"font-size:16px;line-height:1.45}\n"
	".wrap{max-width:960px;margin:0 auto;padding:0 24px}\n"
	".band{background:var(--band);color:#fff}\n"
	".band .wrap{padding-top:14px;padding-bottom:14px;font-weight:700;"
	"font-size:1.2rem;letter-spacing:.01em}\n"
	".marking{background:var(--ink);color:#fff;text-align:center;"
	"font-weight:700;font-size:.8rem;letter-spacing:.08em;padding:3px 0}\n"
	"h1{font-size:2.25rem;line-height:1.15;margin:36px 0 10px;"
	"max-width:24em}\n"
	"h2{font-size:1.6rem;line-height:1.2;margin:0 0 16px;padding-top:8px;"
	"border-top:4px solid var(--band);break-after:avoid}\n"
	"h2 .num{color:var(--band);margin-right:.1em}\n"
	"h3{font-size:1.1rem;line-height:1.3;margin:0 0 6px;break-after:avoid}\n"
	"h3 .num{color:var(--muted);font-weight:400;margin-right:.1em}\n"
	"a{color:#1d70b8}\n"
	".period{font-size:1.25rem;margin:0 0 4px}\n"
	".made{color:var(--muted);margin:0 0 20px}\n"
	".notice{margin:0 0 28px;padding:10px 14px;max-width:46em;"
	"font-size:.95rem}\n"
	".notice.public{border-left:6px solid #00703c;background:var(--tint)}\n"
	".notice.sensitive{border:3px solid #d4351c;font-weight:700}\n"
	".cover h2,.contents h2{border-top:0;padding-top:0;font-size:1.25rem;"
	"margin:0 0 12px}\n"
	".cards{display:grid;grid-template-columns:repeat(3,1fr);gap:12px;"
	"margin:0 0 32px;padding:0;list-style:none}\n"
	".card{background:var(--tint);border-top:4px solid var(--band);"
	"padding:12px 14px 10px;break-inside:avoid}\n"
	".card .value{font-size:2rem;font-weight:700;line-height:1.1;"
	"margin:0;font-variant-numeric:tabular-nums}\n"
	".card .label{margin:4px 0 6px;font-size:.95rem}\n"
	".card .detail,.card .before{margin:0;font-size:.85rem;"
	"color:var(--muted);font-variant-numeric:tabular-nums}\n"
	".card .arrow{color:var(--ink);font-weight:700}\n"
	".contents ol{margin:0;padding-left:1.6em}\n"
	".contents>ol{columns:2;column-gap:32px}\n"
	".contents>ol>li{margin:0 0 8px;font-weight:700;break-inside:avoid}\n"
	".contents li ol{font-weight:400;font-size:.85rem;color:var(--muted);"
	"padding-left:1.1em;list-style:none}\n"
	".contents li ol li{margin:0}\n"
	".contents a{display:inline-block;min-height:24px;line-height:24px}\n"
	".contents li ol a{color:var(--muted)}\n"
	".chapter{margin:48px 0 0}\n"
	".draft{margin:0 0 28px;padding:10px 16px 4px;max-width:46em;"
	"border:1px dashed var(--rule);border-left:4px solid #f47738;"
	"background:#fafafa}\n"
	".draft .label{margin:0 0 6px;font-size:.75rem;font-weight:700;"
	"color:var(--muted);text-transform:uppercase;letter-spacing:.05em}\n"
	".draft p{margin:0 0 8px}\n"
	"figure{margin:0 0 36px}\n"
	"figure.small{break-inside:avoid}\n"
	"svg.chart{display:block;width:100%;max-width:680px;height:auto;"
	"margin:8px 0 12px;break-inside:avoid;font-family:inherit}\n"
	"svg.chart text{fill:var(--ink)}\n"
	"svg.chart .tick{fill:var(--muted)}\n"
	"svg.chart .grid{stroke:#dcdfe0;stroke-width:1}\n"
	"svg.chart .axis{stroke:var(--muted);stroke-width:1}\n"
	".table-wrap{overflow-x:auto}\n"
	".table-wrap+.table-wrap{margin-top:10px}\n"
	"table.data{border-collapse:collapse;width:100%;font-size:.875rem;"
	"font-variant-numeric:tabular-nums lining-nums}\n"
	"table.data th,table.data td{padding:4px 6px;vertical-align:top;"
	"border-bottom:1px solid var(--rule)}\n"
	"table.data thead th{text-align:right;vertical-align:bottom;"
	"border-bottom:2px solid var(--ink)}\n"
	"table.data thead th.corner,table.data tbody th{text-align:left}\n"
	"table.data tbody th{font-weight:400;min-width:10em}\n"
	"table.data thead th.short{white-space:nowrap}\n"
	"table.data td.num{text-align:right;white-space:nowrap}\n"
	"table.data .total{font-weight:700}\n"
	"table.data tr.total th,table.data tr.total td{font-weight:700;"
	"border-top:2px solid var(--ink)}\n"
	"table.data .of{font-size:.85em;color:var(--muted);font-weight:400}\n"
	"table.data abbr.c{text-decoration:none;color:var(--muted)}\n"
	"table.mid .of,table.wide .of{display:block}\n"
	"table.wide{font-size:.78rem}\n"
	"table.wide tbody th{min-width:10em}\n"
	"table.wide td.num{white-space:normal}\n"
	"table.wide .of{white-space:nowrap}\n"
	"table.widest{font-size:.72rem}\n"
	"table.widest tbody th{min-width:9em}\n"
	"table.widest th,table.widest td{padding:3px 3px}\n"
	"tr{break-inside:avoid}\n"
	"tr.total{break-before:avoid}\n"
	".table-wrap.keep{break-inside:avoid}\n"
	"thead{display:table-header-group}\n"
	".note{font-size:.85rem;margin:8px 0 2px;max-width:52em}\n"
	".note,.seeds,.chart-note{break-before:avoid}\n"
	".seeds{font-size:.78rem;color:var(--muted);margin:2px 0 0}\n"
	".chart-note{font-size:.8rem;color:var(--muted);margin:-6px 0 8px}\n"
	".empty{color:var(--muted);font-style:italic}\n"
	"footer{margin:48px 0 32px;padding-top:10px;"
	"border-top:1px solid var(--rule);font-size:.8rem;color:var(--muted)}\n"
	"@media (max-width:700px){.cards{grid-template-columns:1fr 1fr}}\n"
	"@page{size:A4;margin:18mm 15mm}\n"
	"@page{@bottom-right{content:\"Page \" counter(page) \" of \" "
	"counter(pages);font-family:system-ui,Arial,sans-serif;font-size:8pt;"
	"color:#505a5f}}\n"
	"@media print{\n"
	"html{font-size:10pt}\n"
	"body{font-size:1rem}\n"
	".wrap{max-width:none;padding:0}\n"
	".band .wrap{padding:5mm 6mm;font-size:14pt}\n"
	"h1{font-size:24pt;margin:14mm 0 3mm}\n"
	"h2{font-size:17pt}\n"
	"h3{font-size:11pt}\n"
	".chapter{break-before:page;margin:0}\n"
	".table-wrap{overflow:visible}\n"
	".contents{break-before:page}\n"
	".card .value{font-size:20pt}\n"
	"table.data{font-size:8.5pt}\n"
	"table.wide{font-size:7.5pt}\n"
	"table.widest{font-size:6.8pt}\n"
	"a{color:inherit;text-decoration:none}\n"
	"footer{margin-top:10mm}\n"
	"}\n";

/* A report with children's personal data carries its protective marking
 * at the top of every printed page (the Government Security
 * Classifications' rule for OFFICIAL-SENSITIVE). */
static const char CSS_SENSITIVE[] =
	"@page{@top-center{content:\"OFFICIAL-SENSITIVE\";"
	"font-family:system-ui,Arial,sans-serif;font-size:9pt;"
	"font-weight:700;letter-spacing:.08em}}\n"
	"@media print{.marking{display:none}}\n";

/* ---- Charts: what is drawn ------------------------------------------- */

enum { SVG_W = 680, CHART_MAX = 64 };
/* The mean width of a character of an 11-unit sans-serif label, a little
 * generous, to know where a label must be cut short. */
#define CHAR_W 6.4

/* Series colours: GOV.UK's, ordered so that neighbours differ in
 * lightness as well as hue and still tell apart when printed in grey. */
static const char *const PALETTE[] = {
	"#1d70b8", "#f47738", "#4c2c92", "#28a197", "#d4351c", "#85994b",
	"#003078", "#f499be", "#00703c", "#b58840", "#912b88", "#505a5f",
};
#define NPALETTE ARRAY_LEN(PALETTE)
/* Lines tell apart in grey by their dashes too. */
static const char *const DASHES[] = { "", "7 4", "2 3", "10 3 2 3" };
#define OTHERS_COLOUR "#505a5f"

/* The rows and columns of a table a chart draws, and the range of their
 * values. */
struct chart {
	const struct rtable *t;
	enum rchart kind;
	size_t rows[CHART_MAX], nrows;
	size_t cols[CHART_MAX], ncols;
	bool pct;      /* every cell drawn is a rate: an axis in % */
	bool integral; /* counts only: whole-number ticks */
	bool gap;      /* a suppressed cell left undrawn */
	bool any;      /* some cell has a value */
	double lo, hi;
	const struct rcell *min, *max;
	/* Rows [0, nshown) are drawn one by one; on a stacked chart of more
	 * than STACK_SERIES rows, the smaller rest as one "others" segment. */
	size_t nshown;
};

enum { STACK_SERIES = 12 };
#define OTHERS SIZE_MAX /* the "others" series of a stacked chart */

static const struct rcell *chart_cell(const struct chart *ch, size_t r,
				      size_t c)
{
	return rtable_cell_c(ch->t, ch->rows[r], ch->cols[c]);
}

/* The columns drawn: HBARS the last one, PYRAMID the first two charted,
 * the others every column from chart_from but a total, which would dwarf
 * the parts it sums. False if there are too many to draw. */
static bool chart_pick_cols(struct chart *ch)
{
	const struct rtable *t = ch->t;
	if (ch->kind == RCHART_HBARS) {
		if (t->ncols)
			ch->cols[ch->ncols++] = t->ncols - 1;
		return true;
	}
	for (size_t c = t->chart_from; c < t->ncols; c++) {
		if ((int)c == t->total_col)
			continue;
		if (ch->ncols == CHART_MAX)
			return false;
		ch->cols[ch->ncols++] = c;
		if (ch->kind == RCHART_PYRAMID && ch->ncols == 2)
			break;
	}
	return true;
}

/* Whether a row holds rates: a total of rates is not the sum of the
 * others, so it can share their scale. */
static bool row_of_rates(const struct chart *ch, size_t row)
{
	for (size_t c = 0; c < ch->ncols; c++) {
		if (rtable_cell_c(ch->t, row, ch->cols[c])->kind == RCELL_RATE)
			return true;
	}
	return false;
}

/* The rows drawn: all but a total row, which would dwarf the parts it
 * sums; a line chart of rates keeps it ("all reviews" beside its parts is
 * the trend a reader looks for first). */
static bool chart_pick_rows(struct chart *ch)
{
	const struct rtable *t = ch->t;
	for (size_t r = 0; r < t->nrows; r++) {
		if ((int)r == t->total_row &&
		    !(ch->kind == RCHART_LINE && row_of_rates(ch, r)))
			continue;
		if (ch->nrows == CHART_MAX)
			return false;
		ch->rows[ch->nrows++] = r;
	}
	return true;
}

static void chart_scan(struct chart *ch)
{
	ch->pct = true;
	ch->integral = true;
	for (size_t r = 0; r < ch->nrows; r++) {
		for (size_t c = 0; c < ch->ncols; c++) {
			const struct rcell *cell = chart_cell(ch, r, c);
			double v;
			ch->gap |= cell->c;
			if (!chart_value(cell, &v))
				continue;
			ch->pct &= cell->kind == RCELL_RATE;
			ch->integral &= cell->kind == RCELL_COUNT;
			if (!ch->any || v < ch->lo) {
				ch->lo = v;
				ch->min = cell;
			}
			if (!ch->any || v > ch->hi) {
				ch->hi = v;
				ch->max = cell;
			}
			ch->any = true;
		}
	}
	if (!ch->any)
		ch->pct = ch->integral = false;
}

/* A stacked bar of twenty-five segments cannot be read, nor its legend
 * matched to them: the rows with the most (STACK_SERIES - 1 of them) keep
 * their own segment, in the table's order, and the rest share one. */
static void chart_merge_small(struct chart *ch)
{
	double total[CHART_MAX] = { 0 };
	bool keep[CHART_MAX] = { false };
	for (size_t r = 0; r < ch->nrows; r++) {
		for (size_t c = 0; c < ch->ncols; c++) {
			double v;
			if (chart_value(chart_cell(ch, r, c), &v) && v > 0)
				total[r] += v;
		}
	}
	for (size_t k = 0; k + 1 < STACK_SERIES; k++) {
		size_t best = SIZE_MAX;
		for (size_t r = 0; r < ch->nrows; r++) {
			if (!keep[r] && (best == SIZE_MAX || total[r] > total[best]))
				best = r;
		}
		keep[best] = true;
	}
	size_t rows[CHART_MAX], n = 0;
	for (int pass = 1; pass >= 0; pass--) {
		for (size_t r = 0; r < ch->nrows; r++) {
			if (keep[r] == (bool)pass)
				rows[n++] = ch->rows[r];
		}
	}
	memcpy(ch->rows, rows, n * sizeof rows[0]);
	ch->nshown = STACK_SERIES - 1;
}

/* False when the table has nothing a chart could show. */
static bool chart_init(struct chart *ch, const struct rtable *t,
		       enum rchart kind)
{
	memset(ch, 0, sizeof *ch);
	ch->t = t;
	ch->kind = kind;
	if (!chart_pick_cols(ch))
		return false;
	if (ch->kind == RCHART_PYRAMID && ch->ncols < 2)
		ch->kind = RCHART_HBARS; /* one side is just bars */
	/* Groups of more than six bars (a bar a year for ten years) cannot be
	 * told apart; a line per row across the columns shows the same
	 * figures as the trend they are. */
	if (ch->kind == RCHART_BARS && ch->ncols > 6)
		ch->kind = RCHART_LINE;
	if (!chart_pick_rows(ch))
		return false;
	chart_scan(ch);
	ch->nshown = ch->nrows;
	if (ch->kind == RCHART_STACKED && ch->nrows > STACK_SERIES)
		chart_merge_small(ch);
	/* Nothing but suppressed cells and blanks: the table says it all. */
	return ch->nrows > 0 && ch->ncols > 0 && ch->any;
}

/* ---- Charts: scales and axes ----------------------------------------- */

/* An axis from lo to hi in n steps of a "nice" size (1, 2, 2.5 or 5 times
 * a power of ten), 4 to 6 of them, labelled with dec decimals. */
struct scale {
	double lo, hi, step;
	int n, dec;
	bool pct, integral;
};

static bool scale_try(struct scale *s, double lo, double hi, double step)
{
	if (s->integral && step < 1)
		return false;
	double a = floor(lo / step + 1e-9), b = ceil(hi / step - 1e-9);
	if (b - a > 6)
		return false;
	if (b - a < 4)
		b = a + 4; /* too few gridlines to read against */
	s->lo = a * step;
	s->hi = b * step;
	s->step = step;
	s->n = (int)(b - a);
	return true;
}

static void scale_fit(struct scale *s, double lo, double hi, bool integral,
		      bool pct)
{
	static const double mant[] = { 1, 2, 2.5, 5 };
	memset(s, 0, sizeof *s);
	s->integral = integral;
	s->pct = pct;
	if (!(hi > lo)) /* all equal, all zero: still an axis */
		hi = lo + (integral ? 4 : 1);
	double mag = pow(10, floor(log10((hi - lo) / 6)));
	bool found = false;
	for (int k = 0; k < 3 && !found; k++, mag *= 10) {
		for (size_t i = 0; i < ARRAY_LEN(mant) && !found; i++) {
			if (integral && mant[i] == 2.5 && mag < 10)
				continue; /* 2.5 children */
			found = scale_try(s, lo, hi, mant[i] * mag);
		}
	}
	if (!found) { /* cannot happen for finite values; still an axis */
		s->integral = false;
		scale_try(s, lo, hi, (hi - lo) / 4);
	}
	double p = 1;
	for (s->dec = 0; s->dec < 3; s->dec++, p *= 10) {
		if (fabs(s->step * p - round(s->step * p)) < 1e-6)
			break;
	}
}

static double scale_frac(const struct scale *s, double v)
{
	return (v - s->lo) / (s->hi - s->lo);
}

/* A tick's label: "40%", "1,200", "2.5". */
static void tick_text(const struct scale *s, double v, char *out,
		      size_t size)
{
	if (fabs(v) < 1e-9)
		v = 0;
	if (s->pct)
		snprintf(out, size, "%.*f%%", s->dec, v);
	else if (s->dec == 0 && fabs(v) < 1e15)
		rcell_format(&(struct rcell){ .kind = RCELL_COUNT,
					      .n = lround(v) },
			     0, false, out, size);
	else
		snprintf(out, size, "%.*f", s->dec, v);
}

/* Room for the widest tick label left of a vertical axis. */
static double tick_room(const struct scale *s)
{
	char a[48], b[48];
	tick_text(s, s->lo, a, sizeof a);
	tick_text(s, s->hi, b, sizeof b);
	size_t n = strlen(a) > strlen(b) ? strlen(a) : strlen(b);
	return (double)n * 6.0 + 14;
}

/* The area inside the axes. */
struct plot {
	double x, y, w, h;
};

/* Horizontal gridlines and their labels, for charts of upright bars or
 * lines. */
static void grid_y(FILE *out, const struct scale *s, const struct plot *p)
{
	char label[48];
	for (int i = 0; i <= s->n; i++) {
		double v = s->lo + i * s->step;
		double y = p->y + p->h - scale_frac(s, v) * p->h;
		html_rawf(out,
			  "<line class=\"%s\" x1=\"%.1f\" x2=\"%.1f\" "
			  "y1=\"%.1f\" y2=\"%.1f\"/>",
			  fabs(v) < 1e-9 ? "axis" : "grid", p->x,
			  p->x + p->w, y, y);
		tick_text(s, v, label, sizeof label);
		html_rawf(out,
			  "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" "
			  "text-anchor=\"end\" font-size=\"10\">",
			  p->x - 6, y + 3.5);
		html_text(out, label);
		html_raw(out, "</text>\n");
	}
}

/* Vertical gridlines and their labels below, for a bar chart on its side
 * growing from x0 in the direction dir (1 right, -1 left) over w units. */
static void grid_x(FILE *out, const struct scale *s, double x0, int dir,
		   double w, double top, double h)
{
	char label[48];
	for (int i = 0; i <= s->n; i++) {
		double v = s->lo + i * s->step;
		double x = x0 + dir * scale_frac(s, v) * w;
		html_rawf(out,
			  "<line class=\"%s\" x1=\"%.1f\" x2=\"%.1f\" "
			  "y1=\"%.1f\" y2=\"%.1f\"/>",
			  fabs(v) < 1e-9 ? "axis" : "grid", x, x, top,
			  top + h);
		tick_text(s, v, label, sizeof label);
		html_rawf(out,
			  "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" "
			  "text-anchor=\"middle\" font-size=\"10\">",
			  x, top + h + 14);
		html_text(out, label);
		html_raw(out, "</text>\n");
	}
}

/* Labels a band of width `band` can take every k-th one of, for labels
 * of up to 9 characters ("Sept 2021") with characters cw wide. */
static size_t label_step(size_t longest, size_t n, double band, double cw)
{
	double want = (double)(longest < 9 ? longest : 9) * cw + 6;
	size_t every = 1;
	while (band * (double)every < want && every < n)
		every++;
	return every;
}

/* Category labels under n bands of width `band` from x0: each one if
 * they fit, in a smaller size if that is what it takes (twelve months
 * across a page), else every k-th one; in one line or, with `two`, in two;
 * each cut to its room. */
static void labels_x(FILE *out, char *const *labels, const size_t *idx,
		     size_t n, double x0, double band, double y, bool two)
{
	double size = 10.5, cw = 6.3;
	size_t longest = 0;
	for (size_t i = 0; i < n; i++) {
		size_t len = utf8_chars(labels[idx[i]]);
		longest = len > longest ? len : longest;
	}
	size_t every = label_step(longest, n, band, cw);
	if (every > 1 && label_step(longest, n, band, 5.6) == 1) {
		size = 9.5;
		cw = 5.6;
		every = 1;
	}
	size_t fit = (size_t)((band * (double)every - 4) / cw);
	for (size_t i = 0; i < n; i += every) {
		double x = x0 + band * ((double)i + 0.5);
		if (two) {
			svg_label2(out, labels[idx[i]], fit, x, y, size);
			continue;
		}
		html_rawf(out,
			  "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
			  "font-size=\"%.1f\">",
			  x, y, size);
		svg_label(out, labels[idx[i]], fit);
		html_raw(out, "</text>\n");
	}
}

/* ---- Charts: the frame ------------------------------------------------- */

static const char *const KIND_WORDS[] = {
	[RCHART_NONE] = "Chart",
	[RCHART_BARS] = "Bar chart",
	[RCHART_HBARS] = "Bar chart",
	[RCHART_LINE] = "Line chart",
	[RCHART_STACKED] = "Stacked bar chart",
	[RCHART_PYRAMID] = "Population pyramid",
};

/* "A, B, C and 3 more" for an aria-label. */
static void describe_list(FILE *out, char *const *labels, const size_t *idx,
			  size_t n)
{
	size_t shown = n <= 6 ? n : 5;
	for (size_t i = 0; i < shown; i++) {
		if (i)
			html_raw(out, i + 1 == n ? " and " : ", ");
		html_attr(out, labels[idx[i]]);
	}
	if (shown < n)
		html_rawf(out, " and %zu more", n - shown);
}

/* What a chart shows, in words, for a screen reader (its aria-label). */
static void describe(FILE *out, const struct chart *ch)
{
	const struct rtable *t = ch->t;
	size_t nc = ch->ncols, nr = ch->nrows;
	html_attr(out, KIND_WORDS[ch->kind]);
	html_raw(out, ": ");
	html_attr(out, t->title);
	html_raw(out, ". ");
	switch (ch->kind) {
	case RCHART_BARS:
		html_raw(out, "Bars for ");
		describe_list(out, t->rows, ch->rows, nr);
		html_raw(out, "; one for each of ");
		describe_list(out, t->cols, ch->cols, nc);
		break;
	case RCHART_HBARS:
		html_raw(out, "A bar for each of ");
		describe_list(out, t->rows, ch->rows, nr);
		html_raw(out, ": ");
		html_attr(out, t->cols[ch->cols[0]]);
		break;
	case RCHART_LINE:
		html_rawf(out, "%s for ", nr == 1 ? "A line" : "Lines");
		describe_list(out, t->rows, ch->rows, nr);
		html_raw(out, ", from ");
		html_attr(out, t->cols[ch->cols[0]]);
		html_raw(out, " to ");
		html_attr(out, t->cols[ch->cols[nc - 1]]);
		break;
	case RCHART_STACKED:
		html_raw(out, "A bar for each of ");
		describe_list(out, t->cols, ch->cols, nc);
		html_raw(out, ", stacked from ");
		describe_list(out, t->rows, ch->rows, nr);
		break;
	case RCHART_PYRAMID:
		html_attr(out, t->cols[ch->cols[0]]);
		html_raw(out, " to the left and ");
		html_attr(out, t->cols[ch->cols[1]]);
		html_raw(out, " to the right, for ");
		describe_list(out, t->rows, ch->rows, nr);
		break;
	case RCHART_NONE:
		break;
	}
	html_raw(out, ". ");
	if (ch->any) {
		char a[128], b[128];
		rcell_format(ch->min, t->decimals, false, a, sizeof a);
		rcell_format(ch->max, t->decimals, false, b, sizeof b);
		html_raw(out, "Values from ");
		html_attr(out, a);
		html_raw(out, " to ");
		html_attr(out, b);
		html_raw(out, ". ");
	}
	if (ch->gap)
		html_raw(out, "Numbers shown as c in the table are not drawn. ");
	html_raw(out, "The figures are in the table below.");
}

static void svg_open(FILE *out, const struct chart *ch, double h)
{
	html_rawf(out,
		  "<svg class=\"chart chart-%s\" viewBox=\"0 0 %d %.0f\" "
		  "width=\"%d\" height=\"%.0f\" role=\"img\" aria-label=\"",
		  ch->kind == RCHART_LINE ? "line" : "bars", SVG_W, h, SVG_W,
		  h);
	describe(out, ch);
	html_raw(out, "\"><title>");
	html_text(out, ch->t->title);
	html_raw(out, "</title>\n");
}

/* A bar's tooltip: "Row, column: 93.0% (1,204 of 1,295)". */
static void bar_title(FILE *out, const struct rtable *t, size_t row,
		      size_t col, const struct rcell *c)
{
	char s[128];
	rcell_format(c, t->decimals, true, s, sizeof s);
	html_raw(out, "<title>");
	html_text(out, t->rows[row]);
	if (t->ncols > 1) {
		html_raw(out, ", ");
		html_text(out, t->cols[col]);
	}
	html_raw(out, ": ");
	html_text(out, s);
	html_raw(out, "</title>");
}

static void bar_rect(FILE *out, const struct chart *ch, size_t r, size_t c,
		     const char *colour, double x, double y, double w,
		     double h)
{
	html_rawf(out,
		  "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
		  "height=\"%.1f\" fill=\"%s\">",
		  x, y, w, h < 0 ? 0 : h, colour);
	bar_title(out, ch->t, ch->rows[r], ch->cols[c], chart_cell(ch, r, c));
	html_raw(out, "</rect>");
}

/* A figure printed at (x, y): the cell as the table shows it, without
 * the counts behind a rate. */
static void value_text(FILE *out, const struct chart *ch,
		       const struct rcell *c, double x, double y,
		       const char *anchor)
{
	char s[64];
	rcell_format(c, ch->t->decimals, false, s, sizeof s);
	html_rawf(out,
		  "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" "
		  "font-size=\"10\"%s>",
		  x, y, anchor, c->c ? " class=\"tick\"" : "");
	html_text(out, s);
	html_raw(out, "</text>");
}

/* ---- Charts: the legend ------------------------------------------------ */

enum { LEGEND_CHARS = 34 }; /* a key's label is cut beyond this */

/* A series' colour; the total on a line chart is black, the others take
 * the palette in turn. */
static const char *series_colour(size_t k)
{
	return PALETTE[k % NPALETTE];
}

static const char *line_colour(const struct chart *ch, size_t r)
{
	if ((int)ch->rows[r] == ch->t->total_row)
		return "#0b0c0c";
	size_t k = r;
	if (ch->t->total_row >= 0 && ch->rows[r] > (size_t)ch->t->total_row)
		k--;
	return series_colour(k);
}

/* The total's line is solid; the others dash in turn. */
static const char *line_dash(const struct chart *ch, size_t r)
{
	if ((int)ch->rows[r] == ch->t->total_row)
		return "";
	return DASHES[r % ARRAY_LEN(DASHES)];
}

static void line_marker(FILE *out, size_t r, double x, double y,
			const char *colour)
{
	switch (r % 4) {
	case 0:
		html_rawf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" "
			       "fill=\"%s\"/>", x, y, colour);
		break;
	case 1:
		html_rawf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"6\" "
			       "height=\"6\" fill=\"%s\"/>", x - 3, y - 3,
			  colour);
		break;
	case 2:
		html_rawf(out, "<path d=\"M%.1f %.1fl4 4-4 4-4-4z\" "
			       "fill=\"%s\"/>", x, y - 4, colour);
		break;
	default:
		html_rawf(out, "<path d=\"M%.1f %.1fl4 7h-8z\" fill=\"%s\"/>",
			  x, y - 4, colour);
	}
}

/* One key of the legend at (x, y): a swatch (or a stretch of line with
 * its marker) and the series' name. */
static void legend_key(FILE *out, const struct chart *ch, size_t k,
		       const char *label, double x, double y)
{
	if (ch->kind == RCHART_LINE) {
		const char *colour = line_colour(ch, k);
		html_rawf(out,
			  "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" "
			  "y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2.5\" "
			  "stroke-dasharray=\"%s\"/>",
			  x, x + 22, y - 4, y - 4, colour, line_dash(ch, k));
		line_marker(out, k, x + 11, y - 4, colour);
	} else {
		html_rawf(out,
			  "<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" "
			  "height=\"12\" fill=\"%s\"/>",
			  x + 5, y - 10,
			  k == OTHERS ? OTHERS_COLOUR : series_colour(k));
	}
	html_rawf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">",
		  x + 28, y);
	svg_label(out, label, LEGEND_CHARS);
	html_raw(out, "</text>\n");
}

/* The legend above the plot, keys flowing in rows; with out NULL only
 * measured. Returns its height. Series are the rows, or the columns when
 * `by_cols` (grouped bars). */
static double legend(FILE *out, const struct chart *ch, bool by_cols)
{
	const struct rtable *t = ch->t;
	size_t n = by_cols ? ch->ncols : ch->nshown;
	bool others = !by_cols && ch->nshown < ch->nrows;
	char others_label[48];
	snprintf(others_label, sizeof others_label, "%zu others",
		 ch->nrows - ch->nshown);
	double x = 0, y = 14;
	for (size_t k = 0; k < n + others; k++) {
		const char *label = k == n	? others_label
				    : by_cols ? t->cols[ch->cols[k]]
					      : t->rows[ch->rows[k]];
		size_t chars = utf8_chars(label);
		double w = 28 +
			   (double)(chars < LEGEND_CHARS ? chars : LEGEND_CHARS) *
				   CHAR_W +
			   18;
		if (x > 0 && x + w > SVG_W) {
			x = 0;
			y += 18;
		}
		if (out)
			legend_key(out, ch, k == n ? OTHERS : k, label, x, y);
		x += w;
	}
	return y + 10;
}

/* ---- Charts: the five kinds -------------------------------------------- */

/* The width the widest figure printed over a bar needs ("100.0%"). */
static double figure_room(const struct chart *ch)
{
	size_t widest = 0;
	for (size_t r = 0; r < ch->nrows; r++) {
		for (size_t c = 0; c < ch->ncols; c++) {
			char s[64];
			rcell_format(chart_cell(ch, r, c), ch->t->decimals,
				     false, s, sizeof s);
			widest = strlen(s) > widest ? strlen(s) : widest;
		}
	}
	return (double)widest * 6.0 + 2;
}

/* Upright bars: a group per row, a bar per column; each bar's figure over
 * it when there is room for it. */
static void chart_bars(FILE *out, const struct chart *ch)
{
	double room = figure_room(ch);
	struct scale s;
	scale_fit(&s, fmin(0, ch->lo), fmax(0, ch->hi), ch->integral,
		  ch->pct);
	double top = ch->ncols > 1 ? legend(NULL, ch, true) + 8 : 10;
	double left = tick_room(&s);
	struct plot p = { left, top, SVG_W - left - 8, 200 };
	svg_open(out, ch, p.y + p.h + 44);
	if (ch->ncols > 1)
		legend(out, ch, true);
	grid_y(out, &s, &p);
	double band = p.w / (double)ch->nrows;
	double bw = band * 0.8 / (double)ch->ncols;
	for (size_t r = 0; r < ch->nrows; r++) {
		for (size_t c = 0; c < ch->ncols; c++) {
			const struct rcell *cell = chart_cell(ch, r, c);
			double x = p.x + band * ((double)r + 0.1) +
				   bw * (double)c, v;
			double y0 = p.y + p.h - scale_frac(&s, 0) * p.h;
			if (!chart_value(cell, &v)) {
				if (cell->c)
					value_text(out, ch, cell, x + bw / 2,
						   y0 - 4, "middle");
				continue;
			}
			double y = p.y + p.h - scale_frac(&s, v) * p.h;
			bar_rect(out, ch, r, c, series_colour(c), x,
				 fmin(y, y0), bw, fabs(y0 - y));
			if (bw >= room)
				value_text(out, ch, cell, x + bw / 2,
					   fmin(y, y0) - 4, "middle");
		}
	}
	labels_x(out, ch->t->rows, ch->rows, ch->nrows, p.x, band,
		 p.y + p.h + 16, true);
	html_raw(out, "</svg>\n");
}

/* Bars on their side, one per row, of the last column: room for long
 * labels (a participation code's meaning, an IRO's name). */
static void chart_hbars(FILE *out, const struct chart *ch)
{
	struct scale s;
	scale_fit(&s, fmin(0, ch->lo), fmax(0, ch->hi), ch->integral,
		  ch->pct);
	size_t longest = 0;
	for (size_t r = 0; r < ch->nrows; r++) {
		size_t len = utf8_chars(ch->t->rows[ch->rows[r]]);
		longest = len > longest ? len : longest;
	}
	size_t fit = longest < 42 ? longest : 42;
	double pitch = ch->nrows > 16 ? 18 : 22;
	struct plot p = { (double)fit * CHAR_W + 12, 8, 0,
			  pitch * (double)ch->nrows };
	p.w = SVG_W - p.x - 56;
	svg_open(out, ch, p.y + p.h + 24);
	grid_x(out, &s, p.x, 1, p.w, p.y, p.h);
	for (size_t r = 0; r < ch->nrows; r++) {
		const struct rcell *cell = chart_cell(ch, r, 0);
		double y = p.y + pitch * (double)r, v;
		double x0 = p.x + scale_frac(&s, 0) * p.w;
		html_rawf(out,
			  "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" "
			  "font-size=\"11\">",
			  p.x - 8, y + pitch / 2 + 4);
		svg_label(out, ch->t->rows[ch->rows[r]], fit);
		html_raw(out, "</text>");
		if (!chart_value(cell, &v)) {
			value_text(out, ch, cell, x0 + 4, y + pitch / 2 + 4,
				   "start");
			continue;
		}
		double x = p.x + scale_frac(&s, v) * p.w;
		bar_rect(out, ch, r, 0, PALETTE[0], fmin(x, x0),
			 y + pitch * 0.18, fabs(x - x0), pitch * 0.64);
		value_text(out, ch, cell, fmax(x, x0) + 4, y + pitch / 2 + 4,
			   "start");
		html_raw(out, "\n");
	}
	html_raw(out, "</svg>\n");
}

/* The line axis need not start at 0 (only bars must): rates between 85%
 * and 100% drawn from 0 would show no change at all. It starts at 0 when
 * the values come anywhere near it. */
static double line_floor(const struct chart *ch)
{
	if (ch->lo < 0)
		return ch->lo;
	if (ch->lo <= ch->hi / 2)
		return 0;
	double pad = (ch->hi - ch->lo) * 0.25;
	return ch->lo - pad < 0 ? 0 : ch->lo - pad;
}

/* One line: a path broken at every gap (a suppressed cell is not a point
 * on it), and a marker at each point so a lone point still shows. */
static void line_series(FILE *out, const struct chart *ch,
			const struct scale *s, const struct plot *p, size_t r)
{
	const char *colour = line_colour(ch, r);
	bool total = (int)ch->rows[r] == ch->t->total_row, pen = false;
	double step = p->w / (double)ch->ncols;
	html_rawf(out,
		  "<path fill=\"none\" stroke=\"%s\" stroke-width=\"%s\" "
		  "stroke-linejoin=\"round\" stroke-dasharray=\"%s\" d=\"",
		  colour, total ? "3" : "2", line_dash(ch, r));
	for (size_t c = 0; c < ch->ncols; c++) {
		double v;
		if (!chart_value(chart_cell(ch, r, c), &v)) {
			pen = false;
			continue;
		}
		html_rawf(out, "%s%.1f %.1f", pen ? "L" : "M",
			  p->x + step * ((double)c + 0.5),
			  p->y + p->h - scale_frac(s, v) * p->h);
		pen = true;
	}
	html_raw(out, "\"/>\n");
	for (size_t c = 0; c < ch->ncols && ch->ncols <= 36; c++) {
		const struct rcell *cell = chart_cell(ch, r, c);
		double v;
		if (!chart_value(cell, &v))
			continue;
		html_raw(out, "<g>");
		line_marker(out, r, p->x + step * ((double)c + 0.5),
			    p->y + p->h - scale_frac(s, v) * p->h, colour);
		bar_title(out, ch->t, ch->rows[r], ch->cols[c], cell);
		html_raw(out, "</g>");
	}
	html_raw(out, "\n");
}

/* A line per row across the columns: a trend. */
static void chart_line(FILE *out, const struct chart *ch)
{
	struct scale s;
	scale_fit(&s, line_floor(ch), ch->hi, ch->integral, ch->pct);
	double top = ch->nrows > 1 ? legend(NULL, ch, false) + 8 : 10;
	double left = tick_room(&s);
	struct plot p = { left, top, SVG_W - left - 8, 200 };
	svg_open(out, ch, p.y + p.h + 30);
	if (ch->nrows > 1)
		legend(out, ch, false);
	grid_y(out, &s, &p);
	for (size_t r = 0; r < ch->nrows; r++)
		line_series(out, ch, &s, &p, r);
	labels_x(out, ch->t->cols, ch->cols, ch->ncols, p.x,
		 p.w / (double)ch->ncols, p.y + p.h + 16, false);
	html_raw(out, "</svg>\n");
}

/* The "others" segment of a stack, from sum to sum + v: its <rect> is
 * left open for the caller's <title>. */
static void segment(FILE *out, const struct scale *s, const struct plot *p,
		    double sum, double v, double x, double w)
{
	double y1 = p->y + p->h - scale_frac(s, sum) * p->h;
	double y2 = p->y + p->h - scale_frac(s, sum + v) * p->h;
	html_rawf(out,
		  "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
		  "height=\"%.1f\" fill=\"%s\">",
		  x, y2, w, y1 - y2, OTHERS_COLOUR);
}

/* A column's stack, drawn from the axis up (out NULL: only measured);
 * returns its height in values, and whether a suppressed segment was
 * left out. */
static double stack(FILE *out, const struct chart *ch, const struct scale *s,
		    const struct plot *p, size_t c, double x, double w,
		    bool *gap)
{
	double sum = 0, others = 0;
	for (size_t r = 0; r < ch->nrows; r++) {
		const struct rcell *cell = chart_cell(ch, r, c);
		double v;
		*gap |= cell->c;
		if (!chart_value(cell, &v) || v <= 0)
			continue;
		if (r >= ch->nshown) {
			others += v;
			continue;
		}
		double y1 = p->y + p->h - scale_frac(s, sum) * p->h;
		double y2 = p->y + p->h - scale_frac(s, sum + v) * p->h;
		if (out)
			bar_rect(out, ch, r, c, series_colour(r), x, y2, w,
				 y1 - y2);
		sum += v;
	}
	if (others > 0 && out) {
		char n[48];
		segment(out, s, p, sum, others, x, w);
		rcell_format(&(struct rcell){ .kind = RCELL_VALUE,
					      .v = others },
			     ch->integral ? 0 : ch->t->decimals, false, n,
			     sizeof n);
		html_rawf(out, "<title>%zu others, ", ch->nrows - ch->nshown);
		html_text(out, ch->t->cols[ch->cols[c]]);
		html_raw(out, ": ");
		html_text(out, n);
		html_raw(out, "</title></rect>");
	}
	return sum + others;
}

/* A stacked bar per column, a segment per row; a bar with a suppressed
 * segment is marked *, for its height is not the column's total. */
static void chart_stacked(FILE *out, const struct chart *ch)
{
	struct scale s;
	struct plot p = { 0, 0, 1, 1 };
	double hi = 0;
	bool gap = false;
	scale_fit(&s, 0, 1, false, false); /* to measure with */
	for (size_t c = 0; c < ch->ncols; c++)
		hi = fmax(hi, stack(NULL, ch, &s, &p, c, 0, 0, &gap));
	scale_fit(&s, 0, hi, ch->integral, ch->pct);
	double top = ch->nrows > 1 ? legend(NULL, ch, false) + 8 : 10;
	double left = tick_room(&s);
	p = (struct plot){ left, top, SVG_W - left - 8, 200 };
	svg_open(out, ch, p.y + p.h + 30);
	if (ch->nrows > 1)
		legend(out, ch, false);
	grid_y(out, &s, &p);
	double band = p.w / (double)ch->ncols;
	double w = fmin(band * 0.7, 56);
	for (size_t c = 0; c < ch->ncols; c++) {
		double x = p.x + band * ((double)c + 0.5) - w / 2;
		bool cgap = false;
		html_raw(out, "<g stroke=\"#fff\" stroke-width=\"0.75\">");
		double sum = stack(out, ch, &s, &p, c, x, w, &cgap);
		html_raw(out, "</g>");
		double y = p.y + p.h - scale_frac(&s, sum) * p.h - 4;
		if (cgap) {
			html_rawf(out,
				  "<text x=\"%.1f\" y=\"%.1f\" "
				  "text-anchor=\"middle\" font-size=\"11\">*"
				  "</text>",
				  x + w / 2, y);
		} else if (band >= 26) {
			struct rcell total = rcell_count(lround(sum));
			if (!ch->integral)
				total = rcell_value(sum);
			value_text(out, ch, &total, x + w / 2, y, "middle");
		}
		html_raw(out, "\n");
	}
	labels_x(out, ch->t->cols, ch->cols, ch->ncols, p.x, band,
		 p.y + p.h + 16, false);
	html_raw(out, "</svg>\n");
}

/* One band of a pyramid: its label in the middle, the first column's bar
 * to the left of it and the second's to the right. */
static void pyramid_band(FILE *out, const struct chart *ch,
			 const struct scale *s, double cx, double gutter,
			 double half, double y, double pitch, size_t r)
{
	html_rawf(out,
		  "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
		  "font-size=\"11\">",
		  cx, y + pitch / 2 + 4);
	svg_label(out, ch->t->rows[ch->rows[r]],
		  (size_t)((gutter - 8) / CHAR_W));
	html_raw(out, "</text>");
	for (size_t c = 0; c < 2; c++) {
		const struct rcell *cell = chart_cell(ch, r, c);
		int dir = c == 0 ? -1 : 1;
		double x0 = cx + dir * gutter / 2, v;
		const char *anchor = c == 0 ? "end" : "start";
		if (!chart_value(cell, &v)) {
			value_text(out, ch, cell, x0 + dir * 4,
				   y + pitch / 2 + 4, anchor);
			continue;
		}
		double len = fmax(0, scale_frac(s, v) * half);
		bar_rect(out, ch, r, c, PALETTE[c],
			 c == 0 ? x0 - len : x0, y + pitch * 0.12, len,
			 pitch * 0.76);
		value_text(out, ch, cell, x0 + dir * (len + 4),
			   y + pitch / 2 + 4, anchor);
	}
	html_raw(out, "\n");
}

/* Rows as bands, the youngest at the bottom, the first two columns
 * back to back on one scale. */
static void chart_pyramid(FILE *out, const struct chart *ch)
{
	struct scale s;
	scale_fit(&s, 0, fmax(0, ch->hi), ch->integral, ch->pct);
	size_t longest = 0;
	for (size_t r = 0; r < ch->nrows; r++) {
		size_t len = utf8_chars(ch->t->rows[ch->rows[r]]);
		longest = len > longest ? len : longest;
	}
	double gutter = fmax(64, (double)(longest < 16 ? longest : 16) *
					 CHAR_W + 16);
	double half = (SVG_W - 2 * 48 - gutter) / 2, cx = SVG_W / 2.0;
	double pitch = ch->nrows > 12 ? 18 : 26, top = 28;
	double h = pitch * (double)ch->nrows;
	svg_open(out, ch, top + h + 24);
	for (size_t c = 0; c < 2; c++) {
		html_rawf(out,
			  "<rect x=\"%.1f\" y=\"4\" width=\"12\" height=\"12\" "
			  "fill=\"%s\"/><text x=\"%.1f\" y=\"14\" "
			  "text-anchor=\"%s\" font-size=\"12\" "
			  "font-weight=\"700\">",
			  c ? cx + gutter / 2 : cx - gutter / 2 - 12,
			  PALETTE[c],
			  c ? cx + gutter / 2 + 18 : cx - gutter / 2 - 18,
			  c ? "start" : "end");
		svg_label(out, ch->t->cols[ch->cols[c]], 24);
		html_raw(out, "</text>\n");
		grid_x(out, &s, cx + (c ? 1 : -1) * gutter / 2, c ? 1 : -1,
		       half, top, h);
	}
	for (size_t r = 0; r < ch->nrows; r++)
		pyramid_band(out, ch, &s, cx, gutter, half,
			     top + pitch * (double)(ch->nrows - 1 - r), pitch,
			     r);
	html_raw(out, "</svg>\n");
}

/* The chart a table asks for, and a line beneath it when it leaves out
 * what cannot be drawn. */
static void write_chart(FILE *out, const struct rtable *t)
{
	struct chart ch;
	if (t->chart == RCHART_NONE || !chart_init(&ch, t, t->chart))
		return;
	switch (ch.kind) {
	case RCHART_BARS:
		chart_bars(out, &ch);
		break;
	case RCHART_HBARS:
		chart_hbars(out, &ch);
		break;
	case RCHART_LINE:
		chart_line(out, &ch);
		break;
	case RCHART_STACKED:
		chart_stacked(out, &ch);
		break;
	case RCHART_PYRAMID:
		chart_pyramid(out, &ch);
		break;
	case RCHART_NONE:
		break;
	}
	if (ch.gap && ch.kind == RCHART_STACKED)
		html_raw(out, "<p class=\"chart-note\">Numbers shown as c in "
			      "the table are not drawn: a bar marked * is "
			      "short of its total.</p>\n");
	else if (ch.gap)
		html_raw(out, "<p class=\"chart-note\">Numbers shown as c in "
			      "the table are not drawn.</p>\n");
}

/* ---- Tables ------------------------------------------------------------ */

static void write_cell(FILE *out, const struct report *r,
		       const struct rtable *t, size_t row, size_t col,
		       bool below)
{
	const struct rcell *c = rtable_cell_c(t, row, col);
	bool total = (int)col == t->total_col && (int)row != t->total_row;
	html_raw(out, total ? "<td class=\"num total\">" : "<td class=\"num\">");
	if (c->c) {
		html_rawf(out,
			  "<abbr class=\"c\" title=\"a number from 1 to %ld, "
			  "or one that would reveal such a number\">c</abbr>",
			  r->threshold);
	} else {
		cell_figure(out, c, t->decimals, below);
	}
	html_raw(out, "</td>");
}

/* Whether a column heading is kept on one line: "2021-22" always (the
 * browser would break it at the hyphen), "Apr 2021" unless the table is
 * so wide that its row labels need the room; long headings wrap. */
static bool heading_whole(const char *label, size_t ncols)
{
	if (utf8_chars(label) > 9)
		return false;
	return ncols < 10 || !strchr(label, ' ');
}

static void write_thead(FILE *out, const struct rtable *t, size_t c0,
			size_t c1)
{
	html_raw(out, "<thead><tr><th scope=\"col\" class=\"corner\">");
	html_text(out, t->corner);
	html_raw(out, "</th>");
	for (size_t c = c0; c < c1; c++) {
		html_rawf(out, "<th scope=\"col\" class=\"%s%s\">",
			  (int)c == t->total_col ? "total " : "",
			  heading_whole(t->cols[c], c1 - c0) ? "short"
							     : "long");
		html_text(out, t->cols[c]);
		html_raw(out, "</th>");
	}
	html_raw(out, "</tr></thead>\n");
}

/* Tables are set smaller as they widen, so that 12 columns and their
 * labels fit 180 mm of paper. */
static const char *table_class(size_t ncols)
{
	if (ncols >= 10)
		return "data wide widest";
	if (ncols >= 7)
		return "data wide";
	if (ncols >= 4)
		return "data mid"; /* a rate's counts below it: write_cell */
	return "data";
}

/* The columns [c0, c1) of a table, under its row labels. */
static void write_table_part(FILE *out, const struct report *r,
			     const struct rtable *t, size_t c0, size_t c1)
{
	/* A table of a dozen rows is moved whole rather than split. */
	html_rawf(out, "<div class=\"table-wrap%s\"><table class=\"%s\">\n",
		  t->nrows <= 12 ? " keep" : "", table_class(c1 - c0));
	write_thead(out, t, c0, c1);
	html_raw(out, "<tbody>\n");
	for (size_t row = 0; row < t->nrows; row++) {
		html_raw(out, (int)row == t->total_row ? "<tr class=\"total\">"
						       : "<tr>");
		html_raw(out, "<th scope=\"row\">");
		html_text(out, t->rows[row]);
		html_raw(out, "</th>");
		for (size_t col = c0; col < c1; col++)
			write_cell(out, r, t, row, col, c1 - c0 >= 4);
		html_raw(out, "</tr>\n");
	}
	html_raw(out, "</tbody></table></div>\n");
}

/* More than 13 columns (a period a year for twenty years) do not fit
 * across a page: the table is cut into blocks of columns of about equal
 * width, one under another, each with the row labels. */
enum { TABLE_COLS_MAX = 13 };

static void write_table(FILE *out, const struct report *r,
			const struct rtable *t)
{
	size_t blocks = (t->ncols + TABLE_COLS_MAX - 1) / TABLE_COLS_MAX;
	size_t per = (t->ncols + blocks - 1) / blocks;
	for (size_t c0 = 0; c0 < t->ncols; c0 += per)
		write_table_part(out, r, t, c0,
				 c0 + per < t->ncols ? c0 + per : t->ncols);
}

/* Whether a figure is short enough to be kept whole on a page rather than
 * broken across two: an A4 page holds about 260 mm, a chart takes about
 * 80 and a row of a table 6 or 7. Longer ones break between rows (and
 * the head of the table repeats), never inside the chart. */
static bool figure_small(const struct rtable *t)
{
	size_t blocks = (t->ncols + TABLE_COLS_MAX - 1) / TABLE_COLS_MAX;
	double mm = 24 + 7.0 * (double)(t->nrows * (blocks ? blocks : 1));
	if (t->chart != RCHART_NONE)
		mm += 80;
	return mm <= 170;
}

/* A table as a figure: its number and title, the chart, the table, what
 * it counts and the seed tables it reproduces. */
static void write_figure(FILE *out, const struct report *r, size_t i)
{
	const struct rtable *t = &r->tables[i];
	html_rawf(out, "<figure class=\"%s\" id=\"",
		  figure_small(t) ? "rtable small" : "rtable");
	html_attr(out, t->key);
	html_rawf(out, "\"><h3><span class=\"num\">Table %zu</span> ", i + 1);
	html_text(out, t->title);
	html_raw(out, "</h3>\n");
	if (!t->nrows || !t->ncols) {
		html_raw(out, "<p class=\"empty\">No figures for this "
			      "period.</p>\n");
	} else {
		write_chart(out, t);
		write_table(out, r, t);
	}
	if (t->note && *t->note) {
		html_raw(out, "<p class=\"note\">");
		html_text(out, t->note);
		html_raw(out, "</p>\n");
	}
	if (t->seeds && *t->seeds) {
		html_raw(out, "<p class=\"seeds\">Reproduces: ");
		html_text(out, t->seeds);
		html_raw(out, "</p>\n");
	}
	html_raw(out, "</figure>\n");
}

/* ---- Sections ---------------------------------------------------------- */

/* The tables a section holds, clamped to the report's. */
static void section_tables(const struct report *r, const struct rsection *s,
			   size_t *first, size_t *end)
{
	*first = s->first < r->ntables ? s->first : r->ntables;
	*end = s->count < r->ntables - *first ? *first + s->count
					      : r->ntables;
}

/* A section's anchor, from its first table's key (stable from one year's
 * report to the next), else its number. */
static void section_id(FILE *out, const struct report *r, size_t i)
{
	size_t first, end;
	section_tables(r, &r->sections[i], &first, &end);
	if (first < end) {
		html_raw(out, "s-");
		html_attr(out, r->tables[first].key);
	} else {
		html_rawf(out, "section-%zu", i + 1);
	}
}

/* The drafted narrative: paragraphs at blank lines, in a box that says it
 * is a draft and can be edited in the browser before printing. */
static void write_narrative(FILE *out, const char *text)
{
	if (!text || !*text)
		return;
	html_raw(out, "<div class=\"draft\" contenteditable=\"true\">"
		      "<p class=\"label\">Drafted from the figures: edit "
		      "before publishing</p>\n<p>");
	for (const char *p = text; *p;) {
		const char *blank = strstr(p, "\n\n");
		size_t n = blank ? (size_t)(blank - p) : strlen(p);
		html_escape_n(out, p, n);
		if (!blank)
			break;
		p = blank;
		while (*p == '\n')
			p++;
		if (*p)
			html_raw(out, "</p>\n<p>");
	}
	html_raw(out, "</p></div>\n");
}

static void write_section(FILE *out, const struct report *r, size_t i)
{
	const struct rsection *s = &r->sections[i];
	size_t first, end;
	section_tables(r, s, &first, &end);
	html_raw(out, "<section class=\"chapter\" id=\"");
	section_id(out, r, i);
	html_rawf(out, "\"><h2><span class=\"num\">%zu</span> ", i + 1);
	html_text(out, s->title);
	html_raw(out, "</h2>\n");
	write_narrative(out, s->narrative);
	for (size_t k = first; k < end; k++)
		write_figure(out, r, k);
	html_raw(out, "</section>\n");
}

/* Tables added before any section still belong in the report. */
static void write_loose_tables(FILE *out, const struct report *r)
{
	size_t end = r->nsections ? r->sections[0].first : r->ntables;
	if (end > r->ntables)
		end = r->ntables;
	if (!end)
		return;
	html_raw(out, "<section class=\"chapter\"><h2>Figures</h2>\n");
	for (size_t k = 0; k < end; k++)
		write_figure(out, r, k);
	html_raw(out, "</section>\n");
}

/* ---- The first page ---------------------------------------------------- */

/* The change from last period, as an arrow in text: it prints in grey as
 * well as in colour. Up is not always better (more children waiting), so
 * the arrow says only which way. */
static void write_change(FILE *out, const struct rheadline *h)
{
	double now, before;
	if (!chart_value(&h->now, &now) || !chart_value(&h->before, &before))
		return;
	const char *arrow = "\xe2\x86\x92", *words = "the same as"; /* → */
	if (now > before + 1e-9) {
		arrow = "\xe2\x86\x91"; /* ↑ */
		words = "up from";
	} else if (now < before - 1e-9) {
		arrow = "\xe2\x86\x93"; /* ↓ */
		words = "down from";
	}
	html_rawf(out, "<span class=\"arrow\" title=\"%s\">%s</span> ", words,
		  arrow);
}

static void write_card(FILE *out, const struct report *r,
		       const struct rheadline *h)
{
	char s[128], when[64];
	html_raw(out, "<li class=\"card\"><p class=\"value\">");
	rcell_format(&h->now, 1, false, s, sizeof s);
	html_text(out, s);
	html_raw(out, "</p><p class=\"label\">");
	html_text(out, h->label);
	html_raw(out, "</p>");
	rcell_format(&h->now, 1, true, s, sizeof s);
	const char *of = h->now.kind == RCELL_RATE && !h->now.c
				 ? strstr(s, " (")
				 : NULL;
	if (of && of[2]) {
		/* "(1,204 of 1,295)" without its brackets */
		html_raw(out, "<p class=\"detail\">");
		html_escape_n(out, of + 2, strlen(of + 2) - 1);
		html_raw(out, "</p>");
	}
	if (h->before.kind != RCELL_NONE || h->before.c) {
		period_before(r, when, sizeof when);
		rcell_format(&h->before, 1, false, s, sizeof s);
		html_raw(out, "<p class=\"before\">");
		write_change(out, h);
		html_text(out, when);
		html_raw(out, ": ");
		html_text(out, s);
		html_raw(out, "</p>");
	}
	html_raw(out, "</li>\n");
}

static void write_notice(FILE *out, const struct report *r)
{
	if (r->is_public) {
		html_rawf(out,
			  "<p class=\"notice public\">Public version: numbers "
			  "from 1 to %ld are shown as c, and other numbers are "
			  "hidden where they would reveal them.</p>\n",
			  r->threshold);
	} else {
		html_raw(out, "<p class=\"notice sensitive\">Contains personal "
			      "data about children in care: OFFICIAL-SENSITIVE. "
			      "Do not publish; make a public version with "
			      "--public.</p>\n");
	}
}

static void write_contents(FILE *out, const struct report *r)
{
	if (!r->nsections)
		return;
	html_raw(out, "<nav class=\"contents\" aria-label=\"Contents\">"
		      "<h2>Contents</h2>\n<ol>\n");
	for (size_t i = 0; i < r->nsections; i++) {
		size_t first, end;
		section_tables(r, &r->sections[i], &first, &end);
		html_raw(out, "<li><a href=\"#");
		section_id(out, r, i);
		html_raw(out, "\">");
		html_text(out, r->sections[i].title);
		html_raw(out, "</a>");
		if (first < end)
			html_raw(out, "<ol>");
		for (size_t k = first; k < end; k++) {
			html_raw(out, "<li><a href=\"#");
			html_attr(out, r->tables[k].key);
			html_rawf(out, "\">Table %zu: ", k + 1);
			html_text(out, r->tables[k].title);
			html_raw(out, "</a></li>");
		}
		html_raw(out, first < end ? "</ol></li>\n" : "</li>\n");
	}
	html_raw(out, "</ol></nav>\n");
}

static void write_cover(FILE *out, const struct report *r)
{
	char made[48];
	html_raw(out, "<section class=\"cover\">\n<h1>");
	html_text(out, r->title);
	html_raw(out, "</h1>\n");
	if (r->period && *r->period) {
		html_raw(out, "<p class=\"period\">");
		html_text(out, r->period);
		html_raw(out, "</p>\n");
	}
	date_words(r->made, made, sizeof made);
	if (*made) {
		html_raw(out, "<p class=\"made\">Made on ");
		html_text(out, made);
		html_raw(out, "</p>\n");
	}
	write_notice(out, r);
	if (r->nheadlines) {
		html_raw(out, "<h2>Headline figures</h2>\n<ul class=\"cards\">\n");
		for (size_t i = 0; i < r->nheadlines; i++)
			write_card(out, r, &r->headlines[i]);
		html_raw(out, "</ul>\n");
	}
	html_raw(out, "</section>\n");
}

/* ---- The document ------------------------------------------------------ */

static const char *authority_name(const struct report *r)
{
	return r->authority && *r->authority
		       ? r->authority
		       : "Independent Reviewing Officer service";
}

static void write_head(FILE *out, const struct report *r)
{
	html_raw(out, "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n"
		      "<meta charset=\"utf-8\">\n"
		      "<meta name=\"viewport\" "
		      "content=\"width=device-width, initial-scale=1\">\n"
		      "<meta name=\"generator\" content=\"iro\">\n<title>");
	html_text(out, r->title);
	if (r->authority && *r->authority) {
		html_raw(out, " \xe2\x80\x93 "); /* – */
		html_text(out, r->authority);
	}
	html_raw(out, "</title>\n<style>\n");
	html_raw(out, CSS);
	if (!r->is_public)
		html_raw(out, CSS_SENSITIVE);
	html_raw(out, "</style>\n</head>\n");
}

static void write_footer(FILE *out, const struct report *r)
{
	char made[48];
	date_words(r->made, made, sizeof made);
	html_raw(out, "<footer>");
	html_text(out, authority_name(r));
	html_raw(out, ". ");
	html_text(out, r->title);
	if (*made) {
		html_raw(out, ", made on ");
		html_text(out, made);
	}
	html_raw(out, r->is_public ? ". Public version." : ". OFFICIAL-SENSITIVE.");
	html_raw(out, "</footer>\n");
}

int report_html_write(const struct report *r, FILE *out)
{
	write_head(out, r);
	html_raw(out, "<body>\n");
	if (!r->is_public)
		html_raw(out, "<div class=\"marking\">OFFICIAL-SENSITIVE</div>\n");
	html_raw(out, "<header class=\"band\"><div class=\"wrap\">");
	html_text(out, authority_name(r));
	html_raw(out, "</div></header>\n<main class=\"wrap\">\n");
	write_cover(out, r);
	write_contents(out, r);
	write_loose_tables(out, r);
	for (size_t i = 0; i < r->nsections; i++)
		write_section(out, r, i);
	write_footer(out, r);
	html_raw(out, "</main>\n</body>\n</html>\n");
	if (fflush(out) != 0 || ferror(out))
		return -1;
	return 0;
}
