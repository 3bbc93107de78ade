/*
 * ssda903_csv.c - an SSDA903 return from CSV files (domain-rules §3.1-3.2).
 */
#include "lib/common.h"
#include "lib/xalloc.h"
#include "io/csv_in.h"
#include "io/ssda903_csv.h"

void s903_files_free(struct s903_files *files)
{
	for (int t = 0; t < S903_TABLE_COUNT; t++) {
		free(files->path[t]);
		files->path[t] = NULL;
	}
}

/* Finds each table's file in dir, ignoring case. */
static int find_files(const char *dir, struct s903_files *files,
		      struct problems *p)
{
	DIR *d = opendir(dir);
	if (!d) {
		problem_add(p, false, dir, 0, NULL, NULL,
			    "cannot be opened as a folder: %s", strerror(errno));
		return -1;
	}
	struct dirent *ent;
	int rc = 0;
	while ((ent = readdir(d))) {
		for (int t = 0; t < S903_TABLE_COUNT; t++) {
			if (strcasecmp(ent->d_name, S903_TABLES[t].file) != 0)
				continue;
			size_t n = strlen(dir) + strlen(ent->d_name) + 2;
			char *path = malloc(n);
			if (!path) {
				rc = -1;
				break;
			}
			snprintf(path, n, "%s/%s", dir, ent->d_name);
			if (files->path[t]) {
				/* The problem borrows its file name, so it
				 * names the file kept; the other is copied
				 * into the reason. */
				problem_add(p, false, files->path[t], 0, NULL,
					    NULL,
					    "and %s are both %s (names are "
					    "matched ignoring case): keep one",
					    path, S903_TABLES[t].file);
				free(path);
				rc = -1;
				continue;
			}
			files->path[t] = path;
		}
	}
	closedir(d);
	for (int t = 0; t < S903_TABLE_COUNT; t++)
		if (S903_TABLES[t].required && !files->path[t]) {
			problem_add(p, false, dir, 0, NULL, NULL,
				    "has no %s (every import needs header.csv, "
				    "episodes.csv and reviews.csv)",
				    S903_TABLES[t].file);
			rc = -1;
		}
	return rc;
}

/* Reading one table: its header row maps file columns to the layout. */
struct table_reader {
	struct s903_set *set;
	enum s903_table table;
	const char *display;
	struct problems *p;
	bool have_header;
	size_t nfile;                 /* columns in the file */
	int map[CSV_FIELDS_MAX];      /* file column -> layout column */
	bool failed;
};

static int read_header_row(struct table_reader *r, long line, char **fields,
			   size_t n)
{
	const struct s903_table_def *def = &S903_TABLES[r->table];
	bool seen[32] = { false };
	r->have_header = true;
	r->nfile = n;
	for (size_t i = 0; i < n; i++) {
		char name[64];
		size_t k = 0;
		for (const char *s = fields[i]; *s && k + 1 < sizeof name; s++)
			if (*s != ' ' && *s != '\t' && *s != '\r')
				name[k++] = (char)toupper((unsigned char)*s);
		name[k] = '\0';
		r->map[i] = -1;
		for (size_t c = 0; c < def->ncolumns; c++)
			if (strcmp(name, def->columns[c]) == 0)
				r->map[i] = (int)c;
		if (r->map[i] < 0) {
			problem_add(r->p, false, r->display, line, NULL, NULL,
				    "column \"%s\" is not in the SSDA903 layout "
				    "of %s",
				    fields[i], def->file);
			r->failed = true;
		} else if (seen[r->map[i]]) {
			problem_add(r->p, false, r->display, line, NULL, NULL,
				    "column %s appears twice", name);
			r->failed = true;
		} else {
			seen[r->map[i]] = true;
		}
	}
	char layout[256] = "";
	size_t used = 0;
	for (size_t c = 0; c < def->ncolumns && used < sizeof layout; c++)
		used += (size_t)snprintf(layout + used, sizeof layout - used,
					 "%s%s", c ? "," : "", def->columns[c]);
	for (size_t c = 0; c < def->ncolumns; c++)
		if (!seen[c]) {
			problem_add(r->p, false, r->display, line, NULL, NULL,
				    "column %s is missing (the layout is %s)",
				    def->columns[c], layout);
			r->failed = true;
		}
	return r->failed; /* a bad header row stops the file */
}

static int on_row(void *ctx, long line, char **fields, size_t n)
{
	struct table_reader *r = ctx;
	if (!r->have_header)
		return read_header_row(r, line, fields, n);
	if (n != r->nfile) {
		problem_add(r->p, false, r->display, line, NULL, NULL,
			    "has %zu fields; the header row has %zu", n,
			    r->nfile);
		return 0;
	}
	char *cells[32];
	for (size_t i = 0; i < n; i++)
		cells[r->map[i]] = fields[i];
	s903_add_row(r->set, r->table, line, cells, r->p);
	return 0;
}

int s903_read_dir(const char *dir, struct s903_set *set,
		  struct s903_files *files, struct problems *p)
{
	bool unreadable[S903_TABLE_COUNT] = { false };
	memset(files, 0, sizeof *files);
	if (find_files(dir, files, p))
		return -1;
	for (int t = 0; t < S903_TABLE_COUNT; t++) {
		if (!files->path[t])
			continue;
		set->file[t] = files->path[t];
		struct table_reader r = { .set = set, .table = t,
					  .display = files->path[t], .p = p };
		if (csv_read_file(files->path[t], files->path[t], on_row, &r, p) ||
		    r.failed)
			unreadable[t] = true;
		if (!r.have_header && !r.failed) {
			problem_add(p, false, files->path[t], 0, NULL, NULL,
				    "is empty: it needs at least the header row "
				    "of column names");
			unreadable[t] = true;
		}
	}
	/* Files that could not be read at all leave nothing to compare. */
	for (int t = 0; t < S903_TABLE_COUNT; t++)
		if (files->path[t] && unreadable[t])
			return -1;
	s903_finish(set, p);
	return p->errors ? -1 : 0;
}
