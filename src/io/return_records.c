/*
 * return_records.c - a read return into iro's records (return_records.h).
 */
#include "lib/common.h"
#include "io/return_records.h"

/* A cell longer than this is cut, and then refused by the typing as too
 * long for its field. */
#define V903_CELL_COPY 256

/* The four tables iro keeps as records are the first four of both lists
 * and have the same columns. */
_Static_assert((int)S903_HEADER == (int)V903_HEADER &&
		       (int)S903_EPISODES == (int)V903_EPISODES &&
		       (int)S903_REVIEWS == (int)V903_REVIEWS &&
		       (int)S903_UASC == (int)V903_UASC,
	       "the typed tables are the validator's first four");

static void add_rows(const struct v903_data *d, const struct v903_files *files,
		     enum s903_table t, struct s903_set *set, struct problems *p)
{
	const struct v903_rows *rows = &d->t[t];
	size_t nc = S903_TABLES[t].ncolumns;
	for (size_t i = 0; i < rows->nrows; i++) {
		char buf[13][V903_CELL_COPY];
		char *cells[13];
		for (size_t c = 0; c < nc; c++) {
			const char *s = v903_cell(rows, i, (int)c);
			snprintf(buf[c], sizeof buf[c], "%s", s ? s : "");
			cells[c] = buf[c];
		}
		long line = v903_row_line(files, (enum v903_table)t, i);
		s903_add_row(set, t, line ? line : (long)i + 1, cells, p);
	}
}

int return_records(const char *dir, const struct v903_data *d,
		   const struct v903_files *files,
		   struct return_names *names, struct s903_set *set,
		   struct problems *p)
{
	int rc = 0;
	for (int t = 0; t < S903_TABLE_COUNT; t++) {
		const char *path = files->t[t].path;
		if (!path)
			continue;
		if (files->xml)
			snprintf(names->name[t], sizeof names->name[t], "%s, %s",
				 path, V903_TABLES[t].name);
		else
			snprintf(names->name[t], sizeof names->name[t], "%s",
				 path);
		set->file[t] = names->name[t];
	}
	for (int t = 0; t < S903_TABLE_COUNT; t++)
		if (S903_TABLES[t].required && !d->t[t].present) {
			problem_add(p, false, dir, 0, NULL, NULL,
				    "has no %s table (%s): an import needs the "
				    "return's header, episodes and reviews",
				    V903_TABLES[t].name, V903_TABLES[t].file);
			rc = -1;
		}
	if (rc)
		return -1;
	for (int t = 0; t < S903_TABLE_COUNT; t++)
		add_rows(d, files, t, set, p);
	s903_finish(set, p);
	return p->errors ? -1 : 0;
}
