/*
 * v903_cli.c - the DfE rules' findings as text (v903_cli.h).
 */
#include "lib/common.h"
#include "cli/v903_cli.h"

static void print_row(const struct v903_data *d,
		      const struct v903_files *files,
		      const struct v903_flag *f)
{
	const struct v903_rule *rule = v903_rule_at(f->rule);
	const char *child = v903_cell(&d->t[f->table], f->row, 0);
	long line = files ? v903_row_line(files, f->table, f->row) : 0;
	if (line)
		printf("%s:%ld: ", files->t[f->table].path, line);
	else if (files)
		printf("%s: %s row %u: ", files->t[f->table].path,
		       V903_TABLES[f->table].name, f->row);
	else
		printf("%s row %u: ", V903_TABLES[f->table].name, f->row);
	printf("rule %s: %s (child %s)\n", rule->code, rule->message,
	       child ? child : "blank");
}

void v903_print_text(const struct v903_data *d, const struct v903_files *files,
		     const struct v903_result *r, const char *what,
		     const char *only, size_t max_rows)
{
	size_t n = v903_rule_count(), run = 0, broken = 0;
	size_t *count = calloc(n, sizeof *count);
	for (size_t i = 0; i < r->n; i++) {
		if (i < max_rows)
			print_row(d, files, &r->v[i]);
		if (count && count[r->v[i].rule]++ == 0)
			broken++;
	}
	if (r->n > max_rows)
		printf("... and %zu more rows (iro validate 903 lists them "
		       "all)\n", r->n - max_rows);
	for (size_t i = 0; i < n; i++)
		if (v903_rule_applies(v903_rule_at(i), d->year) &&
		    (!only || strcmp(only, v903_rule_at(i)->code) == 0))
			run++;
	printf("%s: the %d-%02d return checked against %zu DfE rule "
	       "version%s: %zu row%s break %zu rule%s.\n",
	       what, d->year - 1, d->year % 100, run, run == 1 ? "" : "s",
	       r->n, r->n == 1 ? "" : "s", broken, broken == 1 ? "" : "s");
	for (size_t i = 0; count && i < n; i++)
		if (count[i])
			printf("  %-5s %6zu  %s\n", v903_rule_at(i)->code,
			       count[i], v903_rule_at(i)->message);
	free(count);
}
