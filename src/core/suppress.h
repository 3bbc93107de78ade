/*
 * suppress.h - small-number suppression for the public versions of
 * reports. Spec: "Public versions of any report suppress small numbers:
 * counts from 1 to 5 are shown as `c` (the threshold is configurable),
 * with secondary suppression so that no suppressed cell can be worked out
 * from totals".
 *
 * A table is nrows x ncols counts, row-major, with an optional total row
 * (the sum of the other rows, column by column) and an optional total
 * column (the sum of the other columns, row by row); with both, the corner
 * is the grand total. Those sums are the only relations a reader can use:
 * a suppressed cell is "worked out" when the shown cells and the sums fix
 * its value exactly, from one line or from any combination of lines.
 *
 * The cells marked are in `sup` (ncells = nrows * ncols bools), which the
 * caller owns and may have marked already (a cell hidden for some other
 * reason stays hidden, and is protected like the rest).
 *
 * Pure: libc only, no I/O.
 */
#ifndef IRO_SUPPRESS_H
#define IRO_SUPPRESS_H

#include <stdbool.h>
#include <stddef.h>

/* The spec's threshold: counts from 1 to 5 are hidden. */
#define SUPPRESS_THRESHOLD 5

/* Primary suppression: marks sup[i] for every cell whose value is from 1
 * to threshold (0 is not disclosive and is shown). Existing marks stay. */
void suppress_primary(const long *v, size_t ncells, long threshold,
		      bool *sup);

/*
 * Secondary suppression of a table of nrows x ncols counts (row-major v),
 * where total_row (or -1) is a row that is the sum of the other rows, column
 * by column, and total_col (or -1) a column that is the sum of the other
 * columns, row by row (the corner cell is then the grand total of both).
 * Adds marks to sup until no suppressed cell can be worked out exactly from
 * the shown cells and these sums - not from one line alone, and not from
 * any combination of lines. With no total row or column nothing can be
 * worked out and nothing is added. This always succeeds when a total row
 * has another row to add up and a total column another column; a total
 * of nothing (the total row of a one-row table) is a line of one cell,
 * which no suppression can protect, and suppress_exposed shows what is
 * left.
 *
 * Which cell it adds, best first: a non-zero cell before a zero (a hidden
 * zero protects little: a reader knows no count is negative, so a zero in a
 * line whose total is 0 is known whatever is shown, and such a zero comes
 * after every other); among those, a cell
 * that is not a total before a total, and the grand total last; then a
 * cell that closes a loop of hidden cells (protecting what was exposed at
 * once) before one that only extends it; then the smaller value; then the
 * first in row-major order. So it prefers the smallest unsuppressed
 * non-zero cells that are not totals and suppresses a total only when no
 * such cell will do. The result depends on v and the marks alone.
 *
 * Returns the number of cells it added, or -1, leaving sup as it was,
 * when memory runs out, a total row or column lies outside the table or
 * the table has more than INT_MAX cells.
 */
int suppress_secondary(const long *v, size_t nrows, size_t ncols,
		       int total_row, int total_col, bool *sup);

/*
 * The suppressed cells of a pattern that the shown cells and the sums fix
 * exactly: marks exposed[i] (set or cleared for every cell) and returns how
 * many, or -1 as suppress_secondary. After suppress_secondary there are
 * none, but for a total of nothing (above).
 */
int suppress_exposed(size_t nrows, size_t ncols, int total_row,
		     int total_col, const bool *sup, bool *exposed);

#endif
