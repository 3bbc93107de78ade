/*
 * cmd_import.c - iro import 903 DIR: load an SSDA903 return.
 */
#include "lib/common.h"
#include "lib/err.h"
#include "core/v903.h"
#include "io/return_records.h"
#include "io/v903_files.h"
#include "cli/v903_cli.h"
#include "store/store.h"
#include "cli/cli.h"

static const char *all_warnings, *opt_year;

extern const struct command CMD_IMPORT_903;

static void print_counts(const char *dir, const struct import_counts *n)
{
	long changed = n->children_added + n->children_changed +
		       n->episodes_added + n->episodes_changed +
		       n->reviews_added + n->reviews_changed;
	printf("Imported %s: %ld children, %ld episodes, %ld reviews.\n", dir,
	       n->children, n->episodes, n->reviews);
	if (!changed) {
		printf("Nothing new: the database already held all of it.\n");
		return;
	}
	printf("  children: %ld added, %ld changed\n", n->children_added,
	       n->children_changed);
	printf("  episodes: %ld added, %ld changed\n", n->episodes_added,
	       n->episodes_changed);
	printf("  reviews:  %ld added, %ld changed\n", n->reviews_added,
	       n->reviews_changed);
}

/* The collection year the return is for: --year, else its latest date's
 * (v903_infer_year). 0 and a message when neither tells. */
static int return_year(const char *dir, const struct v903_data *d)
{
	int year = opt_year ? v903_year_parse(opt_year) : v903_infer_year(d);
	if (!year && opt_year)
		args_bad(&CMD_IMPORT_903, "--year", opt_year,
			 "expected a collection year such as 2022-23");
	else if (!year)
		fprintf(stderr, "iro import 903: %s has no dated episodes, "
				"reviews or missing periods to tell its year "
				"by: give --year\n", dir);
	return year;
}

/* What the DfE's rules of the return's year find in the files as read:
 * the first 20 rows (all with --all-warnings) and a count by rule. These
 * are the DfE's findings, not iro's: the return is imported whatever they
 * say, as the council will have sent it. */
static void dfe_rules(const char *dir, const struct v903_data *d,
		      const struct v903_files *files)
{
	struct v903_result r;
	memset(&r, 0, sizeof r);
	v903_validate(d, NULL, &r);
	if (r.out_of_memory)
		fprintf(stderr, "iro import 903: the return is imported, but "
				"there was not the memory to check the DfE's "
				"rules: run iro validate 903\n");
	else if (r.n)
		v903_print_text(d, files, &r, dir, NULL,
				all_warnings ? SIZE_MAX : 20);
	v903_result_free(&r);
}

static int save(struct store *st, const char *dir, struct s903_set *set,
		struct v903_data *d, const struct v903_files *files,
		struct problems *p)
{
	struct import_counts n;
	struct err e;
	long kept = 0;
	if (store_begin(st, &e) || store_import_903(st, set, dir, &n, &e) ||
	    store_import_903_rows(st, d, dir, &kept, &e) ||
	    store_commit(st, &e)) {
		store_rollback(st);
		fprintf(stderr, "iro import 903: %s: nothing was imported.\n",
			e.msg);
		return -1;
	}
	print_counts(dir, &n);
	printf("  the %d-%02d return; its other tables' rows: %ld "
	       "child table%s changed\n", d->year - 1, d->year % 100, kept,
	       kept == 1 ? "" : "s");
	if (p->warnings)
		printf("%zu warning%s (above).\n", p->warnings,
		       p->warnings == 1 ? "" : "s");
	dfe_rules(dir, d, files);
	return 0;
}

static int run(const char *db, const char *const *pos)
{
	const char *dir = pos[0];
	struct store *st;
	if (opt_year && !v903_year_parse(opt_year))
		return args_bad(&CMD_IMPORT_903, "--year", opt_year,
				"expected a collection year such as 2022-23");
	if (cli_open(&CMD_IMPORT_903, db, &st))
		return 1;

	struct v903_data d;
	struct v903_files files;
	struct return_names *names = calloc(1, sizeof *names);
	struct s903_set set;
	struct problems p;
	s903_init(&set);
	problems_init(&p);
	v903_init(&d, 0);
	memset(&files, 0, sizeof files);
	files.strict = true;
	int year = 0;
	int rc = names ? v903_read_dir(dir, &d, false, &files, &p) : -1;
	if (!rc && !(year = return_year(dir, &d))) {
		rc = -1;
		goto out;
	}
	if (!rc) {
		/* The year's rules check the return as it was read. */
		v903_set_year(&d, year);
		if (v903_prepare(&d, NULL, NULL))
			problem_add(&p, false, NULL, 0, NULL, NULL,
				    "out of memory");
		rc = p.errors ? -1
			      : return_records(dir, &d, &files, names, &set, &p);
	}
	cli_print_problems(&p, all_warnings ? SIZE_MAX : 20);
	if (rc) {
		fprintf(stderr,
			"iro import 903: %zu error%s in %s: nothing was "
			"imported.\n",
			p.errors, p.errors == 1 ? "" : "s", dir);
		goto out;
	}
	rc = save(st, dir, &set, &d, &files, &p);
out:
	problems_free(&p);
	v903_files_free(&files);
	v903_free(&d);
	s903_free(&set);
	free(names);
	store_close(st);
	return rc ? 1 : 0;
}

static const struct opt OPTS[] = {
	{ "all-warnings", NULL, "print every warning, not just the first 20",
	  &all_warnings },
	{ "year", "YEAR", "the collection year the return is for, e.g. "
			  "2022-23 (default: the year of its latest date)",
	  &opt_year },
	{ NULL, NULL, NULL, NULL },
};

const struct command CMD_IMPORT_903 = {
	.name = "import 903",
	.args = "DIR",
	.npos = 1,
	.summary = "Import an SSDA903 return from its CSV or XML files in DIR.",
	.details =
		"DIR holds the return's CSV files - header, episodes and "
		"reviews, and any of\nUASC, OC2, OC3, AD1, placed for "
		"adoption, previous permanence, missing and\nsocial worker "
		"episodes - each known by its columns (in any order), not its\n"
		"name; or the return's one XML file. Dates are DD/MM/YYYY.\n\n"
		"Records are matched on the child's id, the episode's DECOM and "
		"the review's date:\nnew ones are added and changed ones "
		"updated (the old values kept in the audit log).\nImporting the "
		"same files again changes nothing. Any error - an unknown code, "
		"an\nimpossible date, a child not in header.csv - rejects the "
		"whole import, with one\nline per problem, and the database is "
		"left as it was. Warnings (episodes that do\nnot chain as "
		"SSDA903 requires, participation codes at odds with age) are\n"
		"reported and the data taken. The tables iro does not keep as "
		"records (OC2 to\nsocial worker episodes) are kept for the "
		"collection year as given, for\n`iro export 903`.",
	.opts = OPTS,
	.run = run,
};
