/*
 * ssda903_csv.h - reading an SSDA903 return from its CSV files.
 *
 * In DIR, header.csv, episodes.csv and reviews.csv are required and
 * uasc.csv is read when present; names are matched ignoring case. Columns
 * are matched by name, in any order, and must be exactly the SSDA903
 * layout's (domain-rules §3.2). Dates are DD/MM/YYYY.
 */
#ifndef IRO_SSDA903_CSV_H
#define IRO_SSDA903_CSV_H

#include "core/ssda903.h"

struct s903_files {
	char *path[S903_TABLE_COUNT]; /* owned; NULL when the file is absent */
};

/* Reads the files into set (which the caller has initialised) and checks
 * them (s903_finish). Problems go to p; returns 0 when there is no error. */
int s903_read_dir(const char *dir, struct s903_set *set,
		  struct s903_files *files, struct problems *p);

void s903_files_free(struct s903_files *files);

#endif
