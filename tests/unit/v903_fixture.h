/*
 * v903_fixture.h - building small returns for the DfE rule tests.
 *
 *	struct vt v;
 *	vt_init(&v, 2023);                          // the 2022/23 return
 *	vt_cols(&v, V903_EPISODES, "CHILD,DECOM,DEC");
 *	vt_row(&v, V903_EPISODES, "111,01/06/2020,04/06/2020");  // row 0
 *	vt_row(&v, V903_EPISODES, "111,02/06/2020,");            // row 1
 *	assert_string_equal(vt_flags(&v, "501", V903_EPISODES), "1");
 *	vt_free(&v);
 *
 * Rows are comma-separated cells, no quoting; an empty cell is missing,
 * as is every column not named by vt_cols (all columns, in file order,
 * until vt_cols is called). vt_last_* do the same for last year's return.
 * vt_flags prepares the return the first time it is called, runs the one
 * rule (every version that applies in the year) and gives the flagged
 * rows of one table as "0,3,5", or "" for none.
 */
#ifndef IRO_V903_FIXTURE_H
#define IRO_V903_FIXTURE_H

#include "testutil.h"
#include "core/v903.h"

struct vt {
	struct v903_data d;
	int map[2][V903_NTABLES][V903_MAX_COLUMNS]; /* file column, -1 none */
	bool mapped[2][V903_NTABLES];
	bool prepared;
	char out[4096];
};

static inline void vt_init(struct vt *v, int year)
{
	memset(v, 0, sizeof *v);
	v903_init(&v->d, year);
}

static inline void vt_free(struct vt *v)
{
	v903_free(&v->d);
}

static inline void vt_cols_in(struct vt *v, int last, enum v903_table t,
			      const char *names)
{
	char buf[512];
	const struct v903_table_def *def = &V903_TABLES[t];
	size_t k = 0;
	snprintf(buf, sizeof buf, "%s", names);
	char *save = NULL;
	for (char *tok = strtok_r(buf, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save), k++) {
		int found = -1;
		for (size_t c = 0; c < def->ncolumns; c++)
			if (strcmp(def->columns[c], tok) == 0)
				found = (int)c;
		if (found < 0)
			fail_msg("no column %s in %s", tok, def->name);
		v->map[last][t][k] = found;
	}
	for (; k < V903_MAX_COLUMNS; k++)
		v->map[last][t][k] = -1;
	v->mapped[last][t] = true;
	v903_table_present(last ? &v->d.last[t] : &v->d.t[t], t);
}

static inline void vt_row_in(struct vt *v, int last, enum v903_table t,
			     const char *csv)
{
	char buf[1024];
	const char *in[V903_MAX_COLUMNS] = { NULL };
	const char *cells[V903_MAX_COLUMNS] = { NULL };
	size_t n = 0;
	snprintf(buf, sizeof buf, "%s", csv);
	in[n++] = buf;
	for (char *c = buf; *c; c++)
		if (*c == ',') {
			*c = '\0';
			if (n == V903_MAX_COLUMNS)
				fail_msg("too many cells: %s", csv);
			in[n++] = c + 1;
		}
	const struct v903_table_def *def = &V903_TABLES[t];
	if (!v->mapped[last][t]) {
		if (n != def->ncolumns)
			fail_msg("%s row has %zu cells, not %zu: %s", def->name,
				 n, def->ncolumns, csv);
		for (size_t c = 0; c < n; c++)
			cells[c] = in[c];
	} else {
		for (size_t k = 0; k < n; k++) {
			int c = v->map[last][t][k];
			if (c < 0)
				fail_msg("more cells than columns named: %s", csv);
			cells[c] = in[k];
		}
	}
	struct v903_rows *rows = last ? &v->d.last[t] : &v->d.t[t];
	if (v903_add_row(rows, t, cells, def->ncolumns))
		fail_msg("out of memory");
}

#define vt_cols(v, t, names) vt_cols_in((v), 0, (t), (names))
#define vt_row(v, t, csv) vt_row_in((v), 0, (t), (csv))
#define vt_last_cols(v, t, names) vt_cols_in((v), 1, (t), (names))
#define vt_last_row(v, t, csv) vt_row_in((v), 1, (t), (csv))

/* A table loaded with no rows. */
static inline void vt_empty(struct vt *v, enum v903_table t)
{
	v903_table_present(&v->d.t[t], t);
}

static inline const char *vt_flags(struct vt *v, const char *code,
				   enum v903_table t)
{
	if (!v->prepared) {
		if (v903_prepare(&v->d, NULL, NULL))
			fail_msg("out of memory");
		v->prepared = true;
	}
	bool known = false;
	for (size_t i = 0; i < v903_rule_count(); i++)
		if (strcmp(v903_rule_at(i)->code, code) == 0)
			known = true;
	if (!known)
		fail_msg("no rule %s", code);
	struct v903_result r;
	memset(&r, 0, sizeof r);
	v903_validate(&v->d, code, &r);
	size_t used = 0;
	v->out[0] = '\0';
	for (size_t i = 0; i < r.n; i++)
		if (r.v[i].table == t)
			used += (size_t)snprintf(v->out + used,
						 sizeof v->out - used, "%s%u",
						 used ? "," : "", r.v[i].row);
	v903_result_free(&r);
	return v->out;
}

#endif
