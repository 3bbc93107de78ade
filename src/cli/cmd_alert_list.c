/*
 * cmd_alert_list.c - iro alert list (one row per alert, or counts by one
 * or two groupings: the measures M51-M57, core/alert_measures.h) and iro
 * alert show (one alert, its clock on a date, its stages, actions and the
 * versions it replaced, with who and when).
 */
#include "lib/common.h"
#include "lib/err.h"
#include "core/alert_measures.h"
#include "core/date.h"
#include "core/record.h"
#include "cli/alert_cli.h"
#include "cli/cli.h"

extern const struct command CMD_ALERT_LIST, CMD_ALERT_SHOW;

static const char *opt_as_of, *opt_from, *opt_to, *opt_year, *opt_kind,
	*opt_status, *opt_team, *opt_theme, *opt_iro, *opt_child,
	*opt_reached, *opt_resolved_at, *opt_past, *opt_late, *opt_by,
	*opt_format;


struct list_ctx {
	const struct calendar *cal;
	struct store *st;
	int32_t as_of;
	struct alert_filter f;
	struct ladder_cache ladders;
	bool counting;
	struct alert_counts counts;
	struct table t;
	struct err e;
};

/* The ladder with this key, read once; NULL when there is none. */
static const char *text(const struct record *r, const char *field)
{
	const struct value *v = record_get(r, field);
	return v->set ? v->s : "";
}

static const struct table_column ROW_COLS[] = {
	{ "id", CELL_NUMBER },	      { "child", CELL_TEXT },
	{ "iro", CELL_TEXT },	      { "raised", CELL_DATE },
	{ "kind", CELL_TEXT },	      { "status", CELL_TEXT },
	{ "closed", CELL_DATE },      { "stage", CELL_NUMBER },
	{ "stage_name", CELL_TEXT },  { "due", CELL_DATE },
	{ "state", CELL_TEXT },	      { "working_days", CELL_NUMBER },
	{ "ceiling_date", CELL_DATE }, { "team", CELL_TEXT },
	{ "themes", CELL_TEXT },      { "open_actions", CELL_NUMBER },
};

/* The record's themes, "a; b". */
static void themes_text(const struct record *r, char *out, size_t size)
{
	const struct record_list *th = &r->lists[kind_list(r->kind, "themes")];
	size_t n = 0;
	out[0] = 0;
	for (size_t i = 0; i < th->count && n < size; i++)
		n += (size_t)snprintf(out + n, size - n, "%s%s", i ? "; " : "",
				      text(&th->items[i], "theme"));
}

static int add_row(struct list_ctx *x, const struct alert_item *a)
{
	const struct record *r = a->rec;
	const struct alert_clock_in *in = &a->view.in;
	const struct alert_facts *f = &a->facts;
	const struct record_list *ls = &r->lists[kind_list(r->kind, "stages")];
	const struct record_list *ac = &r->lists[kind_list(r->kind, "actions")];
	char c[ARRAY_LEN(ROW_COLS)][512];
	memset(c, 0, sizeof c);
	snprintf(c[0], sizeof c[0], "%" PRId64, r->id);
	snprintf(c[1], sizeof c[1], "%s", text(r, "child"));
	snprintf(c[2], sizeof c[2], "%s", text(r, "iro"));
	date_format_iso(in->raised, c[3]);
	snprintf(c[4], sizeof c[4], "%s", alert_kind_code(in->kind));
	snprintf(c[5], sizeof c[5], "%s", alert_status_code(in->status));
	date_format_iso(in->closed, c[6]);
	if (in->nstages) {
		snprintf(c[7], sizeof c[7], "%d", f->reached + 1);
		snprintf(c[8], sizeof c[8], "%s",
			 text(&ls->items[in->nstages - 1], "name"));
		date_format_iso(f->clock.stage_due, c[9]);
	}
	snprintf(c[10], sizeof c[10], "%s", dispute_state_words(f->clock.state));
	if (in->kind != ALERT_GOOD_PRACTICE) {
		snprintf(c[11], sizeof c[11], "%d", f->clock.elapsed_wd);
		date_format_iso(f->clock.ceiling_date, c[12]);
	}
	snprintf(c[13], sizeof c[13], "%s", text(r, "team"));
	themes_text(r, c[14], sizeof c[14]);
	int open = 0;
	for (size_t i = 0; i < ac->count; i++)
		open += !record_get(&ac->items[i], "done")->set;
	snprintf(c[15], sizeof c[15], "%d", open);
	const char *cp[ARRAY_LEN(ROW_COLS)];
	for (size_t i = 0; i < ARRAY_LEN(ROW_COLS); i++)
		cp[i] = c[i];
	return table_add_row(&x->t, cp);
}

static int each_alert(void *vctx, const struct record *r)
{
	struct list_ctx *x = vctx;
	const char *key = text(r, "ladder");
	const struct ladder *l = store_ladder_cached(&x->ladders, x->st, key[0] ? key : NULL, &x->e);
	struct alert_item a = { .rec = r };
	alert_view_read(r, l ? l->ceiling_wd : LADDER_CEILING_WD, &a.view);
	if (!alert_view_as_of(&a.view, x->as_of, l))
		return 0;
	alert_facts_of(x->cal, &a.view, x->as_of, &a.facts);
	if (!alert_matches(&x->f, &a))
		return 0;
	if (x->counting)
		return alert_counts_add(&x->counts, &a, l, x->f.from, x->f.to);
	return add_row(x, &a);
}

/* ---- Options -------------------------------------------------------------- */

static int stage_number(const struct command *cmd, const char *opt,
			const char *v, int *out)
{
	long n = 0;
	if (v && cli_int(cmd, opt, v, 1, LADDER_MAX_STAGES, &n))
		return -1;
	*out = (int)n;
	return 0;
}

/* --by DIM[,DIM] into dims; how many, or -1 (said). */
static int parse_by(const struct command *cmd, enum alert_dim *dims)
{
	char words[64];
	snprintf(words, sizeof words, "%s", opt_by);
	char *comma = strchr(words, ',');
	if (comma)
		*comma = 0;
	const char *w[2] = { words, comma ? comma + 1 : NULL };
	int n = 0;
	for (int i = 0; i < 2 && w[i]; i++) {
		int d = alert_dim_parse(w[i]);
		if (d < 0) {
			args_bad(cmd, "--by", opt_by,
				 "groupings are kind, status, month, quarter, "
				 "year, team, theme, iro, reached, resolved-at, "
				 "entered, band, weeks, ceiling, state, "
				 "escalation; one or two, separated by a comma");
			return -1;
		}
		dims[n++] = (enum alert_dim)d;
	}
	return n;
}

static int read_filter(const struct command *cmd, struct list_ctx *x)
{
	struct alert_filter *f = &x->f;
	*f = (struct alert_filter){
		.from = DATE_NONE, .to = DATE_NONE, .kind = opt_kind,
		.status = opt_status, .team = opt_team, .theme = opt_theme,
		.iro = opt_iro, .child = opt_child, .past_deadline = opt_past,
		.escalated_late = opt_late,
	};
	if (opt_year && cli_year(cmd, opt_year, &f->from, &f->to))
		return -1;
	if ((opt_from && cli_date(cmd, "--from", opt_from, DATE_NONE, &f->from)) ||
	    (opt_to && cli_date(cmd, "--to", opt_to, DATE_NONE, &f->to)) ||
	    cli_date(cmd, "--as-of", opt_as_of, cli_today(), &x->as_of) ||
	    stage_number(cmd, "--reached", opt_reached, &f->reached) ||
	    stage_number(cmd, "--resolved-at", opt_resolved_at,
			 &f->resolved_at))
		return -1;
	return 0;
}

static int list_counts(const struct command *cmd, struct list_ctx *x,
		       enum table_format fmt)
{
	enum alert_dim d0 = x->counts.dim[0];
	if ((d0 == DIM_TEAM || d0 == DIM_THEME) &&
	    store_listed_rows(x->st,
				  d0 == DIM_TEAM ? &KIND_TEAM : &KIND_THEME,
				  &x->counts, &x->e))
		return -1;
	if (store_record_each(x->st, &KIND_ALERT, each_alert, x, &x->e))
		return -1;
	alert_counts_sort(&x->counts);
	struct table_column cols[4];
	size_t n = 0;
	for (size_t i = 0; i < x->counts.ndims; i++)
		cols[n++] = (struct table_column){
			alert_dim_name(x->counts.dim[i]), CELL_TEXT
		};
	cols[n++] = (struct table_column){ "alerts", CELL_NUMBER };
	cols[n++] = (struct table_column){ "percent", CELL_NUMBER };
	struct table t;
	table_init(&t, cols, n);
	for (size_t i = 0; i < x->counts.n; i++) {
		const struct alert_count *c = &x->counts.v[i];
		char num[24], pct[24];
		snprintf(num, sizeof num, "%ld", c->alerts);
		snprintf(pct, sizeof pct, "%.1f",
			 x->counts.total ? 100.0 * (double)c->alerts /
						   (double)x->counts.total
					 : 0.0);
		const char *cells[4] = { c->key[0].text, c->key[1].text };
		cells[x->counts.ndims] = num;
		cells[x->counts.ndims + 1] = pct;
		table_add_row(&t, cells);
	}
	int rc = cli_write_table(cmd, &t, fmt);
	if (!rc && fmt == FORMAT_TEXT)
		printf("%ld alert%s counted (percent of them)%s.\n",
		       x->counts.total, x->counts.total == 1 ? "" : "s",
		       x->counts.dim[0] == DIM_THEME ||
				       x->counts.dim[1] == DIM_THEME
			       ? "; an alert with several themes counts "
				 "under each"
			       : "");
	table_free(&t);
	return rc;
}

static int run_list(const char *db, const char *const *pos)
{
	(void)pos;
	const struct command *cmd = &CMD_ALERT_LIST;
	struct list_ctx *x = calloc(1, sizeof *x);
	enum table_format fmt;
	enum alert_dim dims[2];
	int nd = opt_by ? parse_by(cmd, dims) : 0;
	if (!x || nd < 0 || read_filter(cmd, x) ||
	    cli_format(cmd, opt_format, &fmt)) {
		free(x);
		return 2;
	}
	/* --by entered counts stage entries in the window, not alerts
	 * raised in it (MAN-H24). */
	x->f.by_entry = nd && (dims[0] == DIM_ENTERED ||
			       (nd == 2 && dims[1] == DIM_ENTERED));
	struct calendar cal;
	if (cli_open_with_calendar(cmd, db, &x->st, &cal)) {
		free(x);
		return 1;
	}
	x->cal = &cal;
	int rc = store_audit_read(x->st, "alert", 0, NULL, &x->e);
	if (nd) {
		x->counting = true;
		alert_counts_init(&x->counts, dims, (size_t)nd);
		if (!rc)
			rc = list_counts(cmd, x, fmt);
		alert_counts_free(&x->counts);
	} else {
		table_init(&x->t, ROW_COLS, ARRAY_LEN(ROW_COLS));
		if (!rc)
			rc = store_record_each(x->st, &KIND_ALERT, each_alert,
					       x, &x->e);
		if (!rc)
			rc = cli_write_table(cmd, &x->t, fmt);
		table_free(&x->t);
	}
	if (rc && x->e.msg[0])
		fprintf(stderr, "iro %s: %s\n", cmd->name, x->e.msg);
	cal_free(&cal);
	store_close(x->st);
	free(x);
	return rc ? 1 : 0;
}

static const struct opt LIST_OPTS[] = {
	{ "year", "YYYY-YY", "raised in this reporting year (1 April to 31 "
			     "March)", &opt_year },
	{ "from", "DATE", "raised on or after (--by entered: stages entered)",
	  &opt_from },
	{ "to", "DATE", "raised on or before (--by entered: stages entered)",
	  &opt_to },
	{ "as-of", "DATE", "each alert as it stood that day (default today)",
	  &opt_as_of },
	{ "kind", "KIND", "good_practice, informal, formal, or dispute (either "
			  "of the last two)", &opt_kind },
	{ "status", "STATUS", "open, resolved, withdrawn or cafcass",
	  &opt_status },
	{ "team", "NAME", "about this social work team", &opt_team },
	{ "theme", "NAME", "with this theme", &opt_theme },
	{ "iro", "NAME", "raised by this IRO", &opt_iro },
	{ "child", "ID", "about this child (LA child id)", &opt_child },
	{ "reached", "N", "reached stage N or higher", &opt_reached },
	{ "resolved-at", "N", "resolved at stage N", &opt_resolved_at },
	{ "past-deadline", NULL, "open, with its stage overdue or past the "
				 "ceiling", &opt_past },
	{ "escalated-late", NULL, "escalated after a stage's response was due",
	  &opt_late },
	{ "by", "DIM[,DIM]", "count by one or two groupings instead of "
			     "listing (see below)", &opt_by },
	{ "format", "FMT", "text, csv or json (default text)", &opt_format },
	{ NULL, NULL, NULL, NULL },
};

const struct command CMD_ALERT_LIST = {
	.name = "alert list",
	.summary = "List practice alerts, or count them (--by) for reports.",
	.details =
		"Without --by, one row per alert: its stage, response due and "
		"state on --as-of\n(on time, stage overdue, past the "
		"ceiling, closed), working days since raised\n(to closing "
		"for a closed alert) and open actions.\n\n"
		"--by counts the alerts listed by: kind, status, month, "
		"quarter, year (of the\nraised date), team, theme (each "
		"theme; \"no theme recorded\"), iro, reached\n(highest "
		"stage), resolved-at (the stage resolved at; Cafcass; "
		"withdrawn;\nopen), entered (every stage entered in "
		"--from..--to), band (working days to\nclose: up to 5, 6-10, "
		"11-20, over 20), weeks (calendar weeks to close),\nceiling "
		"(closed within it or not), state (on --as-of), escalation "
		"(after a\nmissed deadline or not); two separated by a "
		"comma (team,month). Listed teams\nand themes with no alerts "
		"are shown with 0. The columns are the groupings,\nalerts and "
		"percent (of the alerts counted). docs/cli.md has the "
		"measures.",
	.opts = LIST_OPTS,
	.run = run_list,
};

/* ---- iro alert show ------------------------------------------------------- */

static int print_version(void *ctx, const char *at, const char *by,
			 const char *json)
{
	(void)json;
	int *n = ctx;
	if ((*n)++ == 0)
		printf("\nVersions replaced (iro show alert ID gives them "
		       "whole):\n");
	printf("  %s by %s\n", at, by);
	return 0;
}

static void show_stages(const struct alert_cli *a)
{
	static const struct table_column C[] = {
		{ "stage", CELL_NUMBER }, { "name", CELL_TEXT },
		{ "to", CELL_TEXT },	  { "entered", CELL_DATE },
		{ "due", CELL_DATE },	  { "responded", CELL_DATE },
		{ "response", CELL_TEXT },
	};
	static const char *const F[] = { "stage",    "name",	  "addressee",
					 "entered",  "due",	  "responded",
					 "response" };
	const struct record_list *ls =
		&a->r.lists[kind_list(a->r.kind, "stages")];
	if (!ls->count)
		return;
	struct table t;
	table_init(&t, C, ARRAY_LEN(C));
	for (size_t i = 0; i < ls->count; i++) {
		char c[ARRAY_LEN(F)][256];
		const char *cp[ARRAY_LEN(F)];
		for (size_t j = 0; j < ARRAY_LEN(F); j++) {
			const struct record *s = &ls->items[i];
			record_value_text(s, (size_t)kind_field(s->kind, F[j]),
					  c[j], sizeof c[j]);
			cp[j] = c[j];
		}
		table_add_row(&t, cp);
	}
	printf("\nStages:\n");
	table_write(&t, FORMAT_TEXT, stdout);
	table_free(&t);
}

static void show_actions(const struct alert_cli *a)
{
	const struct record_list *ac =
		&a->r.lists[kind_list(a->r.kind, "actions")];
	for (size_t i = 0; i < ac->count; i++) {
		const struct record *x = &ac->items[i];
		if (i == 0)
			printf("\nActions:\n");
		printf("  %zu. %s", i + 1, text(x, "action"));
		char d[16];
		const char *owner = text(x, "owner");
		if (owner[0])
			printf(" (%s)", owner);
		record_value_text(x, (size_t)kind_field(x->kind, "due"), d,
				  sizeof d);
		if (d[0])
			printf(", due %s", d);
		record_value_text(x, (size_t)kind_field(x->kind, "done"), d,
				  sizeof d);
		printf(d[0] ? ", done %s\n" : ", not done%s\n", d);
	}
}

/* The clock on as_of, in words. */
static void show_clock(const struct alert_cli *a, const struct calendar *cal,
		       int32_t as_of)
{
	struct alert_view v = a->view;
	char day[DATE_ISO_LEN + 1], cd[DATE_ISO_LEN + 1];
	date_format_iso(as_of, day);
	struct alert_facts f;
	if (v.in.kind == ALERT_GOOD_PRACTICE || !alert_view_as_of(&v, as_of, &a->ladder))
		return;
	alert_facts_of(cal, &v, as_of, &f);
	date_format_iso(f.clock.ceiling_date, cd);
	printf("On %s: %s", day, dispute_state_words(f.clock.state));
	if (f.clock.state == ALERT_STAGE_OVERDUE)
		printf(" by %d day%s", f.clock.days_late,
		       f.clock.days_late == 1 ? "" : "s");
	if (f.clock.state == ALERT_CLOSED)
		printf(" after %d working days (%s the ceiling of %d)\n",
		       f.clock.elapsed_wd,
		       f.clock.within_ceiling ? "within" : "over",
		       v.in.ceiling_wd);
	else
		printf("; %d of %d working days gone (the ceiling is %s)\n",
		       f.clock.elapsed_wd, v.in.ceiling_wd, cd);
}

static int run_show(const char *db, const char *const *pos)
{
	const struct command *cmd = &CMD_ALERT_SHOW;
	int32_t as_of;
	if (cli_date(cmd, "--as-of", opt_as_of, cli_today(), &as_of))
		return 2;
	struct alert_cli a;
	struct calendar cal;
	struct err e = { "" };
	int rc = alert_cli_open(cmd, db, pos[0], &a);
	int64_t child = rc ? 0 : store_child_id(a.st, text(&a.r, "child"), &e);
	if (!rc && (store_audit_read(a.st, "alert", child, NULL, &e) ||
		    store_calendar_load(a.st, &cal, &e))) {
		fprintf(stderr, "iro %s: %s\n", cmd->name, e.msg);
		rc = 1;
	}
	if (rc) {
		alert_cli_close(&a);
		return rc;
	}
	const struct record *r = &a.r;
	char themes[1024];
	themes_text(r, themes, sizeof themes);
	printf("Alert %" PRId64 ": %s, %s\n", r->id,
	       alert_kind_code(a.view.in.kind),
	       alert_status_code(a.view.in.status));
	char raised[DATE_ISO_LEN + 1];
	date_format_iso(a.view.in.raised, raised);
	printf("Child %s; raised %s by %s", text(r, "child"), raised,
	       text(r, "iro"));
	printf("%s%s\n", text(r, "team")[0] ? "; team " : "", text(r, "team"));
	if (a.ladder.nstages)
		printf("Ladder: %s\n", a.ladder.name);
	show_clock(&a, &cal, as_of);
	printf("Description: %s\n", text(r, "description"));
	if (text(r, "impact")[0])
		printf("Impact on the child: %s\n", text(r, "impact"));
	if (themes[0])
		printf("Themes: %s\n", themes);
	show_stages(&a);
	show_actions(&a);
	if (text(r, "outcome")[0])
		printf("\nOutcome: %s\n", text(r, "outcome"));
	int n = 0;
	if (store_each_revision(a.st, &KIND_ALERT, r->id, print_version, &n,
				&e)) {
		fprintf(stderr, "iro %s: %s\n", cmd->name, e.msg);
		rc = 1;
	}
	cal_free(&cal);
	alert_cli_close(&a);
	return rc;
}

static const struct opt SHOW_OPTS[] = {
	{ "as-of", "DATE", "its clock on this day (default today)", &opt_as_of },
	{ NULL, NULL, NULL, NULL },
};

const struct command CMD_ALERT_SHOW = {
	.name = "alert show",
	.args = "ID",
	.npos = 1,
	.summary = "Show an alert: its clock, stages, actions and history.",
	.opts = SHOW_OPTS,
	.run = run_show,
};
