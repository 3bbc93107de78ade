/*
 * cmd_import.c - iro import 903 DIR: load an SSDA903 return.
 */
#include "lib/common.h"
#include "lib/err.h"
#include "io/ssda903_csv.h"
#include "store/store.h"
#include "cli/cli.h"

static const char *all_warnings;

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

static int run(const char *db, const char *const *pos)
{
	const char *dir = pos[0];
	struct store *st;
	if (cli_open(&CMD_IMPORT_903, db, &st))
		return 1;

	struct s903_set set;
	struct s903_files files;
	struct problems p;
	s903_init(&set);
	problems_init(&p);
	int rc = s903_read_dir(dir, &set, &files, &p);
	cli_print_problems(&p, all_warnings ? SIZE_MAX : 20);
	if (rc) {
		fprintf(stderr,
			"iro import 903: %zu error%s in %s: nothing was "
			"imported.\n",
			p.errors, p.errors == 1 ? "" : "s", dir);
		goto out;
	}

	struct import_counts n;
	struct err e;
	if (store_begin(st, &e) ||
	    store_import_903(st, &set, dir, &n, &e) ||
	    store_commit(st, &e)) {
		store_rollback(st);
		fprintf(stderr, "iro import 903: %s: nothing was imported.\n",
			e.msg);
		rc = -1;
		goto out;
	}
	print_counts(dir, &n);
	if (p.warnings)
		printf("%zu warning%s (above).\n", p.warnings,
		       p.warnings == 1 ? "" : "s");
out:
	problems_free(&p);
	s903_files_free(&files);
	s903_free(&set);
	store_close(st);
	return rc ? 1 : 0;
}

static const struct opt OPTS[] = {
	{ "all-warnings", NULL, "print every warning, not just the first 20",
	  &all_warnings },
	{ NULL, NULL, NULL, NULL },
};

const struct command CMD_IMPORT_903 = {
	.name = "import 903",
	.args = "DIR",
	.npos = 1,
	.summary = "Import an SSDA903 return from the CSV files in DIR.",
	.details =
		"DIR must hold header.csv, episodes.csv and reviews.csv, and "
		"may hold uasc.csv (names\nmatched ignoring case), with the "
		"SSDA903 columns and DD/MM/YYYY dates.\n\n"
		"Records are matched on the child's id, the episode's DECOM and "
		"the review's date:\nnew ones are added and changed ones "
		"updated (the old values kept in the audit log).\nImporting the "
		"same files again changes nothing. Any error - an unknown code, "
		"an\nimpossible date, a child not in header.csv - rejects the "
		"whole import, with one\nline per problem, and the database is "
		"left as it was. Warnings (episodes that do\nnot chain as "
		"SSDA903 requires, participation codes at odds with age) are\n"
		"reported and the data taken.",
	.opts = OPTS,
	.run = run,
};
