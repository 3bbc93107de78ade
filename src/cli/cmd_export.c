/*
 * cmd_export.c - iro export 903: a collection year's SSDA903 return from
 * the records, as the DfE's CSV files or its XML form.
 */
#include "lib/common.h"
#include "lib/err.h"
#include "core/v903.h"
#include "io/v903_files.h"
#include "io/v903_xml.h"
#include "store/store.h"
#include "cli/cli.h"

static const char *opt_year, *opt_out, *opt_xml;

extern const struct command CMD_EXPORT_903;

static int write_xml(const char *dir, const struct v903_data *d,
		     char *path, size_t size)
{
	if (mkdir(dir, 0700) && errno != EEXIST) {
		fprintf(stderr, "iro export 903: %s: cannot make the folder: "
				"%s\n", dir, strerror(errno));
		return -1;
	}
	snprintf(path, size, "%s/ssda903-%d-%02d.xml", dir, d->year - 1,
		 d->year % 100);
	FILE *f = fopen(path, "wb");
	if (!f) {
		fprintf(stderr, "iro export 903: %s: cannot be written: %s\n",
			path, strerror(errno));
		return -1;
	}
	int rc = v903_write_xml(f, d);
	if (fclose(f) || rc) {
		fprintf(stderr, "iro export 903: %s: could not be written in "
				"full\n", path);
		return -1;
	}
	return 0;
}

static int run(const char *db, const char *const *pos)
{
	(void)pos;
	int year;
	if (!opt_year || !opt_out) {
		fprintf(stderr, "iro export 903: --year and --out are required\n");
		args_usage(&CMD_EXPORT_903, false);
		return 2;
	}
	if (!(year = v903_year_parse(opt_year)))
		return args_bad(&CMD_EXPORT_903, "--year", opt_year,
				"expected a collection year such as 2022-23");
	struct v903_data d;
	v903_init(&d, year);
	int rc = cli_return_from_store(&CMD_EXPORT_903, db, &d);
	char err[512], path[4096];
	if (!rc && opt_xml) {
		rc = write_xml(opt_out, &d, path, sizeof path);
		if (!rc)
			printf("Wrote the %d-%02d return to %s: %zu children, "
			       "%zu episodes, %zu reviews.\n", year - 1,
			       year % 100, path, d.t[V903_HEADER].nrows,
			       d.t[V903_EPISODES].nrows, d.t[V903_REVIEWS].nrows);
	} else if (!rc) {
		rc = v903_write_csv_dir(opt_out, &d, err, sizeof err);
		if (rc)
			fprintf(stderr, "iro export 903: %s\n", err);
		else
			printf("Wrote the %d-%02d return to %s: %zu children, "
			       "%zu episodes, %zu reviews.\n", year - 1,
			       year % 100, opt_out, d.t[V903_HEADER].nrows,
			       d.t[V903_EPISODES].nrows, d.t[V903_REVIEWS].nrows);
	}
	v903_free(&d);
	return rc ? 1 : 0;
}

static const struct opt OPTS[] = {
	{ "year", "YEAR", "the collection year, e.g. 2022-23", &opt_year },
	{ "out", "DIR", "the folder to write (made if need be)", &opt_out },
	{ "xml", NULL, "write the XML form of the return, not CSV files",
	  &opt_xml },
	{ NULL, NULL, NULL, NULL },
};

const struct command CMD_EXPORT_903 = {
	.name = "export 903",
	.args = NULL,
	.npos = 0,
	.summary = "Write a year's SSDA903 return from the records.",
	.details =
		"Writes the collection year's return as the DfE expects it: "
		"header.csv,\nepisodes.csv, reviews.csv, uasc.csv, oc2.csv, "
		"oc3.csv, ad1.csv,\nplaced_for_adoption.csv, "
		"previous_permanence.csv, missing.csv and, from\n2023-24, "
		"sw_episodes.csv (or with --xml one file in the DfE's XML "
		"form,\nwhich has no social worker episodes).\n\n"
		"The return holds every child in that year's imported return "
		"or looked after on\nany day of the year; their episodes that "
		"year, an episode still open on 31\nMarch written open; their "
		"looked-after and adoption reviews held in the year;\nand the "
		"other tables' rows imported for the year. SEX is 1/2 until "
		"2023-24 and\nM/F/U from 2024-25. Importing a valid return and "
		"exporting its year gives the\nsame rows back.",
	.opts = OPTS,
	.run = run,
};
