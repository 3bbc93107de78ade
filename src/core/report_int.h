/*
 * report_int.h - what the files that build the report share (private to
 * report_*.c): the columns of the periods and months, and filling a row
 * from each window's figures.
 */
#ifndef IRO_REPORT_INT_H
#define IRO_REPORT_INT_H

#include "core/codes.h"
#include "core/report.h"

#define LABEL_LEN 16

struct rb {
	struct report *r;
	const struct report_input *in;
	const struct measures *m;
	size_t np, last;              /* periods compared; the reported one */
	char (*plabel)[LABEL_LEN];    /* a label per window */
	const char **pcols;           /* the periods' labels */
	const char **mcols;           /* the months' labels */
};

/* A table with a column per period compared (oldest first). */
struct rtable *rb_by_period(struct rb *b, const char *key, const char *title,
			    const char *corner, const char *const *rows,
			    size_t nrows);
/* A table with a column per month of the period reported on. */
struct rtable *rb_by_month(struct rb *b, const char *key, const char *title,
			   const char *corner, const char *const *rows,
			   size_t nrows);
/* Sets the table's note and seeds; -1 when out of memory. */
int rb_about(struct rtable *t, const char *note, const char *seeds);

/* Fills row `row` of a table by period (months: `first` = months_first)
 * with expr evaluated for each window w. */
#define RB_FILL(b, t, row, first, cellexpr)                             \
	for (size_t c_ = 0; c_ < (t)->ncols; c_++) {                    \
		const struct msr_period *w = &(b)->m->w[(first) + c_];  \
		(void)w;                                                \
		*rtable_cell((t), (row), c_) = (cellexpr);              \
	}

/* Fills the last row of a table with the sum of the rows above (counts),
 * and marks it as the total row. */
void rb_total_row(struct rtable *t);

/* A table of counts by code (one of an SSDA903 code list), a row per code
 * counted in any period, "Not known" when any, and a total. */
typedef const long *(*rb_codes_fn)(const struct msr_period *w);
struct rtable *rb_code_table(struct rb *b, const char *key, const char *title,
			     const char *corner, const struct code_list *l,
			     rb_codes_fn counts);

/* "Under 1", "1 to 4", ...: the age bands as tables label them. */
extern const char *const RB_AGE_LABELS[AGE_COUNT];

/* A table by period of counts: n rows of of(w)[0..n-1], then a total row
 * (labels has n + 1 entries, the last the total's). */
struct rtable *rb_counts(struct rb *b, const char *key, const char *title,
			 const char *corner, const char *const *labels,
			 size_t n, const long *(*of)(const struct msr_period *));

int rb_population(struct rb *b);
int rb_location(struct rb *b);   /* report_placements.c */
int rb_placements(struct rb *b); /* report_placements.c */
int rb_reviews(struct rb *b);
int rb_conduct(struct rb *b);
int rb_service(struct rb *b);
int rb_alerts(struct rb *b);

#endif
