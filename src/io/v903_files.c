/*
 * v903_files.c - an SSDA903 return's folder read and written
 * (v903_files.h).
 */
#include "lib/common.h"
#include "lib/xalloc.h"
#include "io/csv_in.h"
#include "io/v903_files.h"
#include "io/v903_xml.h"

void v903_files_free(struct v903_files *files)
{
	for (int t = 0; t < V903_NTABLES; t++) {
		free(files->t[t].path);
		free(files->t[t].line);
	}
	for (size_t i = 0; i < files->nnames; i++)
		free(files->names[i]);
	free(files->names);
	memset(files, 0, sizeof *files);
}

long v903_row_line(const struct v903_files *files, enum v903_table table,
		   size_t row)
{
	const struct v903_source *s = &files->t[table];
	return row < s->nline ? s->line[row] : 0;
}

static bool ends_with(const char *name, const char *ext)
{
	size_t n = strlen(name), e = strlen(ext);
	return n > e && strcasecmp(name + n - e, ext) == 0;
}

/* A column name as compared: upper case, no surrounding spaces. */
static void column_key(const char *s, char *out, size_t size)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = 0;
	for (; *s && n + 1 < size; s++)
		out[n++] = (char)toupper((unsigned char)*s);
	while (n > 0 && (out[n - 1] == ' ' || out[n - 1] == '\t' ||
			 out[n - 1] == '\r'))
		n--;
	out[n] = '\0';
}

/* ---- Reading one CSV file --------------------------------------------- */

struct csv_reader {
	struct v903_rows *tables;
	struct v903_files *files;
	const char *display;
	struct problems *p;
	int table;                    /* -1 until the header row is read */
	size_t nfile;
	int map[CSV_FIELDS_MAX];      /* file column -> table column */
	size_t rows;
	bool failed;
};

/* Says which table the columns are nearest to, and how they differ. */
static void no_table(struct csv_reader *r, long line, char keys[][64],
		     size_t n)
{
	int best = 0;
	size_t best_common = 0;
	for (int t = 0; t < V903_NTABLES; t++) {
		size_t common = 0;
		for (size_t i = 0; i < n; i++)
			for (size_t c = 0; c < V903_TABLES[t].ncolumns; c++)
				if (strcmp(keys[i], V903_TABLES[t].columns[c]) == 0)
					common++;
		if (common > best_common) {
			best_common = common;
			best = t;
		}
	}
	const struct v903_table_def *def = &V903_TABLES[best];
	char missing[256] = "", extra[256] = "";
	size_t m = 0, x = 0;
	for (size_t c = 0; c < def->ncolumns; c++) {
		bool found = false;
		for (size_t i = 0; i < n; i++)
			found |= strcmp(keys[i], def->columns[c]) == 0;
		if (!found && m < sizeof missing)
			m += (size_t)snprintf(missing + m, sizeof missing - m,
					      "%s%s", m ? ", " : "",
					      def->columns[c]);
	}
	for (size_t i = 0; i < n; i++) {
		bool found = false;
		for (size_t c = 0; c < def->ncolumns; c++)
			found |= strcmp(keys[i], def->columns[c]) == 0;
		if (!found && x < sizeof extra)
			x += (size_t)snprintf(extra + x, sizeof extra - x,
					      "%s%s", x ? ", " : "",
					      keys[i][0] ? keys[i] : "(blank)");
	}
	problem_add(r->p, false, r->display, line, NULL, NULL,
		    "its columns match no SSDA903 table; the nearest is %s "
		    "(%s)%s%s%s%s",
		    def->name, def->file, m ? ", missing " : "",
		    m ? missing : "", x ? ", which has no " : "",
		    x ? extra : "");
	r->failed = true;
}

static int read_columns(struct csv_reader *r, long line, char **fields,
			size_t n)
{
	char (*keys)[64] = calloc(n ? n : 1, sizeof *keys);
	if (!keys) {
		problem_add(r->p, false, r->display, 0, NULL, NULL,
			    "out of memory");
		r->failed = true;
		return 1;
	}
	r->nfile = n;
	for (size_t i = 0; i < n; i++)
		column_key(fields[i], keys[i], sizeof keys[i]);
	for (size_t i = 0; i < n && !r->failed; i++)
		for (size_t j = 0; j < i; j++)
			if (strcmp(keys[i], keys[j]) == 0) {
				problem_add(r->p, false, r->display, line,
					    keys[i], NULL,
					    "this column appears twice");
				r->failed = true;
				break;
			}
	for (int t = 0; t < V903_NTABLES && !r->failed && r->table < 0; t++) {
		const struct v903_table_def *def = &V903_TABLES[t];
		if (def->ncolumns != n)
			continue;
		bool all = true;
		for (size_t i = 0; i < n && all; i++) {
			r->map[i] = -1;
			for (size_t c = 0; c < def->ncolumns; c++)
				if (strcmp(keys[i], def->columns[c]) == 0)
					r->map[i] = (int)c;
			all = r->map[i] >= 0;
		}
		if (all)
			r->table = t;
	}
	if (!r->failed && r->table < 0)
		no_table(r, line, keys, n);
	free(keys);
	if (r->failed)
		return 1;
	struct v903_source *src = &r->files->t[r->table];
	if (src->path) {
		problem_add(r->p, false, r->display, line, NULL, NULL,
			    "holds the %s table, as %s does: keep one",
			    V903_TABLES[r->table].name, src->path);
		r->failed = true;
		return 1;
	}
	if (!(src->path = strdup(r->display))) {
		problem_add(r->p, false, r->display, 0, NULL, NULL,
			    "out of memory");
		r->failed = true;
		return 1;
	}
	v903_table_present(&r->tables[r->table], r->table);
	return 0;
}

static int on_csv_row(void *ctx, long line, char **fields, size_t n)
{
	struct csv_reader *r = ctx;
	if (r->table < 0)
		return read_columns(r, line, fields, n);
	/* pandas pads a short row with missing cells and refuses a long
	 * one; a long row is refused here too, naming the line. */
	if (n > r->nfile || (n < r->nfile && r->files->strict)) {
		problem_add(r->p, false, r->display, line, NULL, NULL,
			    "has %zu fields; the header row has %zu", n,
			    r->nfile);
		r->failed = true;
		return 0; /* read on, to report every such row */
	}
	const char *cells[V903_MAX_COLUMNS] = { NULL };
	for (size_t i = 0; i < n; i++)
		cells[r->map[i]] = fields[i];
	struct v903_source *src = &r->files->t[r->table];
	if (v903_add_row(&r->tables[r->table], r->table, cells,
			 V903_TABLES[r->table].ncolumns) ||
	    GROW(src->line, src->cap, src->nline + 1)) {
		problem_add(r->p, false, r->display, line, NULL, NULL,
			    "out of memory");
		r->failed = true;
		return 1;
	}
	src->line[src->nline++] = line;
	r->rows++;
	return 0;
}

int v903_read_csv_buffer(const char *buf, size_t len, const char *display,
			 struct v903_rows *tables, struct v903_files *files,
			 struct problems *p)
{
	struct csv_reader r = { .tables = tables, .files = files,
				.display = display, .p = p, .table = -1 };
	int rc = csv_read_buffer(buf, len, display, on_csv_row, &r, p);
	if (!rc && !r.failed && r.table < 0) {
		problem_add(p, false, display, 0, NULL, NULL,
			    "is empty: it needs at least the header row of "
			    "column names");
		return -1;
	}
	return rc || r.failed ? -1 : 0;
}

static int read_csv_file(const char *path, struct v903_rows *tables,
			 struct v903_files *files, struct problems *p)
{
	struct csv_reader r = { .tables = tables, .files = files,
				.display = path, .p = p, .table = -1 };
	int rc = csv_read_file(path, path, on_csv_row, &r, p);
	if (!rc && !r.failed && r.table < 0) {
		problem_add(p, false, path, 0, NULL, NULL,
			    "is empty: it needs at least the header row of "
			    "column names");
		return -1;
	}
	return rc || r.failed ? -1 : 0;
}

/* ---- Reading a folder ------------------------------------------------- */

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The folder's CSV and XML file names, sorted so that reading is the
 * same on every machine. */
static int list_dir(const char *dir, char ***csv, size_t *ncsv, char ***xml,
		    size_t *nxml, struct problems *p)
{
	DIR *d = opendir(dir);
	if (!d) {
		problem_add(p, false, dir, 0, NULL, NULL,
			    "cannot be opened as a folder: %s", strerror(errno));
		return -1;
	}
	size_t cap_c = 0, cap_x = 0;
	struct dirent *ent;
	while ((ent = readdir(d))) {
		bool is_csv = ends_with(ent->d_name, ".csv");
		bool is_xml = ends_with(ent->d_name, ".xml");
		if (!is_csv && !is_xml)
			continue;
		size_t n = strlen(dir) + strlen(ent->d_name) + 2;
		char *path = malloc(n);
		bool grown = is_csv ? !GROW(*csv, cap_c, *ncsv + 1)
				    : !GROW(*xml, cap_x, *nxml + 1);
		if (!path || !grown) {
			free(path);
			closedir(d);
			problem_add(p, false, dir, 0, NULL, NULL,
				    "out of memory");
			return -1;
		}
		snprintf(path, n, "%s/%s", dir, ent->d_name);
		if (is_csv)
			(*csv)[(*ncsv)++] = path;
		else
			(*xml)[(*nxml)++] = path;
	}
	closedir(d);
	if (*ncsv > 1)
		qsort(*csv, *ncsv, sizeof **csv, cmp_name);
	if (*nxml > 1)
		qsort(*xml, *nxml, sizeof **xml, cmp_name);
	return 0;
}

static void free_names(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* The names move into files, which problems borrow them from. */
static int keep_names(struct v903_files *files, char **v, size_t n)
{
	size_t cap = files->nnames;
	if (GROW(files->names, cap, files->nnames + n)) {
		free_names(v, n);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		files->names[files->nnames++] = v[i];
	free(v);
	return 0;
}


/* XML is read into a return of its own, whose tables then move into
 * place (this year's or last year's). */
static int read_xml(const char *path, struct v903_data *d, bool last,
		    struct v903_files *files, struct problems *p)
{
	struct v903_data tmp;
	v903_init(&tmp, d->year);
	int rc = v903_read_xml(path, path, &tmp, p);
	struct v903_rows *into = last ? d->last : d->t;
	for (int t = 0; t < V903_NTABLES; t++) {
		if (!tmp.t[t].present)
			continue;
		into[t] = tmp.t[t];
		memset(&tmp.t[t], 0, sizeof tmp.t[t]);
		if (!(files->t[t].path = strdup(path)))
			rc = -1;
	}
	files->xml = true;
	v903_free(&tmp);
	return rc;
}

int v903_read_dir(const char *dir, struct v903_data *d, bool last,
		  struct v903_files *files, struct problems *p)
{
	char **csv = NULL, **xml = NULL;
	size_t ncsv = 0, nxml = 0;
	int rc = 0;
	if (list_dir(dir, &csv, &ncsv, &xml, &nxml, p)) {
		free_names(csv, ncsv);
		free_names(xml, nxml);
		return -1;
	}
	if (ncsv && nxml) {
		problem_add(p, false, dir, 0, NULL, NULL,
			    "holds both CSV and XML files: a return is one or "
			    "the other (%s, %s)", csv[0], xml[0]);
		rc = -1;
	} else if (nxml > 1) {
		problem_add(p, false, dir, 0, NULL, NULL,
			    "holds %zu XML files (%s, %s): a return is one XML "
			    "file", nxml, xml[0], xml[1]);
		rc = -1;
	} else if (!ncsv && !nxml) {
		problem_add(p, false, dir, 0, NULL, NULL,
			    "holds no SSDA903 files (.csv or .xml)");
		rc = -1;
	} else if (nxml) {
		rc = read_xml(xml[0], d, last, files, p);
	} else {
		struct v903_rows *into = last ? d->last : d->t;
		for (size_t i = 0; i < ncsv; i++)
			if (read_csv_file(csv[i], into, files, p))
				rc = -1;
	}
	if (keep_names(files, csv, ncsv) || keep_names(files, xml, nxml)) {
		problem_add(p, false, dir, 0, NULL, NULL, "out of memory");
		return -1;
	}
	return rc;
}

/* ---- Writing ---------------------------------------------------------- */

/* A field quoted when it must be (RFC 4180). */
static void put_field(FILE *out, const char *s)
{
	if (!s)
		return;
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

int v903_write_csv(FILE *out, const struct v903_data *d, enum v903_table t)
{
	const struct v903_table_def *def = &V903_TABLES[t];
	const struct v903_rows *rows = &d->t[t];
	for (size_t c = 0; c < def->ncolumns; c++)
		fprintf(out, "%s%s", c ? "," : "", def->columns[c]);
	fputs("\r\n", out);
	for (size_t i = 0; i < rows->nrows; i++) {
		for (size_t c = 0; c < def->ncolumns; c++) {
			if (c)
				fputc(',', out);
			put_field(out, v903_cell(rows, i, (int)c));
		}
		fputs("\r\n", out);
	}
	return ferror(out) ? -1 : 0;
}

int v903_write_csv_dir(const char *dir, const struct v903_data *d,
		       char *err, size_t errsize)
{
	if (mkdir(dir, 0700) && errno != EEXIST) {
		snprintf(err, errsize, "%s: cannot make the folder: %s", dir,
			 strerror(errno));
		return -1;
	}
	for (int t = 0; t < V903_NTABLES; t++) {
		if (!d->t[t].present)
			continue;
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, V903_TABLES[t].file);
		FILE *f = fopen(path, "wb");
		if (!f) {
			snprintf(err, errsize, "%s: cannot be written: %s",
				 path, strerror(errno));
			return -1;
		}
		int rc = v903_write_csv(f, d, t);
		if (fclose(f) || rc) {
			snprintf(err, errsize, "%s: could not be written in full",
				 path);
			return -1;
		}
	}
	return 0;
}
