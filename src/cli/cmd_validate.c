/*
 * cmd_validate.c - iro validate 903 DIR: an SSDA903 return checked by the
 * DfE's validation rules (core/v903.h), as the DfE's validator checks it.
 */
#include "lib/common.h"
#include "lib/err.h"
#include "core/date.h"
#include "core/postcode.h"
#include "core/v903.h"
#include "io/v903_files.h"
#include "cli/v903_cli.h"
#include "store/store.h"
#include "cli/cli.h"

static const char *opt_year, *opt_last, *opt_format, *opt_rule, *opt_la,
	*opt_rules;

extern const struct command CMD_VALIDATE_903, CMD_VALIDATE;

/* Exact postcodes only, as the validator matches them (spaces aside). */
static bool find_postcode(void *ctx, const char *postcode, char la[12],
			  int32_t *e, int32_t *n)
{
	const struct pc_table *t = ctx;
	char key[PC_KEY_LEN];
	if (!pc_key(postcode, key))
		return false;
	const struct pc_entry *x = pc_find(t, postcode);
	if (!x || strcmp(x->key, key) != 0)
		return false;
	snprintf(la, 12, "%s", x->la);
	*e = x->grid ? x->e : -1;
	*n = x->grid ? x->n : -1;
	return true;
}

/* The authority's code and postcodes from the database (for iro validate
 * 903, when there is one): they give the placement columns (PL_LA, PL_LOCATION, PL_DISTANCE)
 * that some rules read. Without them those columns are blank. */
static int reference_data(const struct command *cmd, const char *db,
			  struct v903_data *d, struct pc_table *pc)
{
	if (cmd == &CMD_VALIDATE_903 && access(cli_db_path(db), F_OK) != 0)
		return 0; /* the files alone */
	struct store *st;
	struct err e;
	if (cli_open(cmd, db, &st))
		return -1;
	int rc = 0;
	if ((!d->la[0] &&
	     store_setting_get(st, "la_code", d->la, sizeof d->la, &e) < 0) ||
	    store_postcodes(st, pc, &e)) {
		fprintf(stderr, "iro %s: %s\n", cmd->name, e.msg);
		rc = -1;
	}
	store_close(st);
	return rc;
}

static void print_csv(const struct v903_result *r)
{
	printf("table,row,rule\n");
	for (size_t i = 0; i < r->n; i++)
		printf("%s,%u,%s\n", V903_TABLES[r->v[i].table].name,
		       r->v[i].row, v903_rule_at(r->v[i].rule)->code);
}

/* The options both commands share: --format, --year, --rule. */
static int read_options(const struct command *cmd, bool *csv, int *year)
{
	*csv = false;
	*year = 0;
	if (opt_format && strcmp(opt_format, "csv") == 0)
		*csv = true;
	else if (opt_format && strcmp(opt_format, "text") != 0)
		return args_bad(cmd, "--format", opt_format,
				"expected csv or text");
	if (opt_year && !(*year = v903_year_parse(opt_year)))
		return args_bad(cmd, "--year", opt_year,
				"expected a collection year such as 2022-23");
	if (opt_rule) {
		bool known = false;
		for (size_t i = 0; i < v903_rule_count(); i++)
			known |= strcmp(v903_rule_at(i)->code, opt_rule) == 0;
		if (!known)
			return args_bad(cmd, "--rule", opt_rule,
					"iro does not check a rule of that code");
	}
	return 0;
}

/* Prepares d, checks it and prints what was found. */
static int check_and_print(const char *what, struct v903_data *d,
			   const struct v903_files *files, struct pc_table *pc,
			   bool csv)
{
	struct v903_result r;
	memset(&r, 0, sizeof r);
	int rc = 0;
	if (v903_prepare(d, pc->n ? find_postcode : NULL, pc)) {
		fprintf(stderr, "iro validate: out of memory\n");
		return -1;
	}
	v903_validate(d, opt_rule, &r);
	if (r.out_of_memory) {
		fprintf(stderr, "iro validate: out of memory\n");
		rc = -1;
	} else if (csv) {
		print_csv(&r);
	} else {
		v903_print_text(d, files, &r, what, opt_rule, SIZE_MAX);
	}
	if (!rc && fflush(stdout)) {
		fprintf(stderr, "iro validate: writing the results failed\n");
		rc = -1;
	}
	v903_result_free(&r);
	return rc;
}

static int run(const char *db, const char *const *pos)
{
	const char *dir = pos[0];
	bool csv;
	int year;
	if (read_options(&CMD_VALIDATE_903, &csv, &year))
		return 2;

	struct v903_data d;
	struct v903_files files, last_files;
	struct problems p;
	struct pc_table pc;
	memset(&pc, 0, sizeof pc);
	memset(&files, 0, sizeof files);
	memset(&last_files, 0, sizeof last_files);
	problems_init(&p);
	v903_init(&d, year ? year : 2023);
	int rc = v903_read_dir(dir, &d, false, &files, &p);
	if (opt_last && v903_read_dir(opt_last, &d, true, &last_files, &p))
		rc = -1;
	if (rc) {
		cli_print_problems(&p, SIZE_MAX);
		fprintf(stderr, "iro validate 903: %s could not be read; nothing "
				"was checked.\n", dir);
		goto out;
	}
	if (!year && !(year = v903_infer_year(&d))) {
		fprintf(stderr, "iro validate 903: %s holds no dated episodes, "
				"reviews or missing periods to tell its year "
				"by: give --year\n", dir);
		rc = -1;
		goto out;
	}
	v903_set_year(&d, year);
	/* The validator makes a table with no rows from XML a frame with no
	 * columns, on which every rule that reads it fails and flags
	 * nothing: iro takes such a table as not loaded. A CSV file with
	 * its header row and no rows is a loaded, empty table. */
	for (int t = 0; t < V903_NTABLES; t++) {
		if (files.xml && !d.t[t].nrows)
			d.t[t].present = false;
		if (last_files.xml && !d.last[t].nrows)
			d.last[t].present = false;
	}
	if (opt_la)
		snprintf(d.la, sizeof d.la, "%s", opt_la);
	if (reference_data(&CMD_VALIDATE_903, db, &d, &pc) ||
	    check_and_print(dir, &d, &files, &pc, csv))
		rc = -1;
out:
	pc_free(&pc);
	v903_files_free(&files);
	v903_files_free(&last_files);
	v903_free(&d);
	problems_free(&p);
	return rc ? 1 : 0;
}

static const struct opt OPTS[] = {
	{ "year", "YEAR", "the collection year, e.g. 2022-23 (default: the "
			  "year of the return's latest date)", &opt_year },
	{ "last-year", "DIR", "last year's return, for the rules that "
			      "compare the two", &opt_last },
	{ "format", "FMT", "text (default) or csv: table,row,rule", &opt_format },
	{ "rule", "CODE", "check only this rule", &opt_rule },
	{ "la", "CODE", "the authority's code for PL_LOCATION (default: the "
			"database's la_code)", &opt_la },
	{ NULL, NULL, NULL, NULL },
};

const struct command CMD_VALIDATE_903 = {
	.name = "validate 903",
	.args = "DIR",
	.npos = 1,
	.summary = "Check an SSDA903 return against the DfE validation rules.",
	.details =
		"DIR holds the return's CSV files (each known by its columns, "
		"in any order) or\nits one XML file. Each rule is checked as the "
		"collection year's DfE ruleset\ndefines it (docs/ssda903.md "
		"lists them). With --format csv the output is one\nline per "
		"row and rule broken: table,row,rule, where table is the DfE "
		"validator's\ntable name (Header, Episodes, Reviews, ...) and "
		"row the 0-based index of the\ndata row in its file.\n\n"
		"When a database is there (--db, $IRO_DB or ./iro.db), its "
		"postcode table and\nla_code give the placement's authority, "
		"location and distance; without them\nthe rules that read those "
		"(398, 420, 503G, 503H, 503J) find them blank.\n\n"
		"Exit status: 0 when the return was read and checked (whatever "
		"was found), 1\nwhen it could not be read, 2 for a wrong "
		"command line.",
	.opts = OPTS,
	.run = run,
};

/* The rules iro checks, version by version: code, years, message. */
static void list_rules(void)
{
	printf("rule\tfrom\tto\tmessage\n");
	for (size_t i = 0; i < v903_rule_count(); i++) {
		const struct v903_rule *r = v903_rule_at(i);
		char from[32] = "", to[32] = "";
		if (r->from)
			snprintf(from, sizeof from, "%d-%02d", r->from - 1,
				 r->from % 100);
		if (r->to)
			snprintf(to, sizeof to, "%d-%02d", r->to - 1, r->to % 100);
		printf("%s\t%s\t%s\t%s\n", r->code, from, to, r->message);
	}
}

/* iro validate: the records already in iro, as the year's return. */
static int run_store(const char *db, const char *const *pos)
{
	(void)pos;
	bool csv;
	int year;
	if (opt_rules) {
		list_rules();
		return 0;
	}
	if (read_options(&CMD_VALIDATE, &csv, &year))
		return 2;
	if (!year) { /* the collection year today is in */
		int y, m, dd;
		date_to_ymd(cli_today(), &y, &m, &dd);
		year = m >= 4 ? y + 1 : y;
	}
	struct v903_data d;
	struct pc_table pc;
	memset(&pc, 0, sizeof pc);
	v903_init(&d, year);
	char what[32];
	snprintf(what, sizeof what, "the records");
	int rc = cli_return_from_store(&CMD_VALIDATE, db, &d) ||
		 reference_data(&CMD_VALIDATE, db, &d, &pc) ||
		 check_and_print(what, &d, NULL, &pc, csv);
	pc_free(&pc);
	v903_free(&d);
	return rc ? 1 : 0;
}

static const struct opt STORE_OPTS[] = {
	{ "year", "YEAR", "the collection year, e.g. 2022-23 (default: this "
			  "one)", &opt_year },
	{ "format", "FMT", "text (default) or csv: table,row,rule", &opt_format },
	{ "rule", "CODE", "check only this rule", &opt_rule },
	{ "rules", NULL, "list the rules iro checks (code, first and last "
			 "year, message) and stop", &opt_rules },
	{ NULL, NULL, NULL, NULL },
};

const struct command CMD_VALIDATE = {
	.name = "validate",
	.args = NULL,
	.npos = 0,
	.summary = "Check the records against the DfE validation rules.",
	.details =
		"Checks the year's return as `iro export 903` would write it "
		"from the records,\nagainst the DfE rules of that collection "
		"year; rows are those of the exported\nfiles.",
	.opts = STORE_OPTS,
	.run = run_store,
};
