/*
 * test_suppress.c - small-number suppression for public reports
 * (core/suppress.h).
 *
 * Spec: "Public versions of any report suppress small numbers: counts from
 * 1 to 5 are shown as `c` (the threshold is configurable), with secondary
 * suppression so that no suppressed cell can be worked out from totals".
 * The issue: "the test suite proves this property on many generated
 * tables".
 *
 * Whether a hidden cell can be worked out is decided here by its
 * definition, independently of suppress.c (which finds bridges in a
 * graph): the table's sums are written out as a matrix, restricted to the
 * hidden cells, brought to reduced row echelon form, and a hidden cell is
 * worked out exactly when its unit vector reduces to nothing against it
 * (it lies in the row space).
 */
#include "testutil.h"
#include "core/suppress.h"

/* ---- The oracle: rank by elimination ------------------------------------- */

/*
 * Arithmetic modulo the prime 2^31 - 1, which is exact here: every row of
 * the matrix (a line's sum, or a unit vector) has at most 8 entries of +-1,
 * so by Hadamard's bound no square minor of up to 17 rows exceeds 8^8 in
 * size, far below the prime. A rank over the integers is the size of the
 * largest non-zero minor, which stays non-zero modulo the prime, so every
 * rank, and so every "in the row space", is the same as over the
 * rationals. The bound is why the oracle takes tables of at most 8 x 8.
 */
#define PRIME 2147483647LL
#define OMAX 8

static long long mod(long long a)
{
	a %= PRIME;
	return a < 0 ? a + PRIME : a;
}

static long long inverse(long long a)
{
	long long r = 1, b = mod(a);
	for (long long e = PRIME - 2; e; e >>= 1) {
		if (e & 1)
			r = r * b % PRIME;
		b = b * b % PRIME;
	}
	return r;
}

/* Marks det[c] for each hidden cell the shown cells and the sums fix;
 * returns how many. */
static int determined(const bool *sup, size_t nr, size_t nc, int tr, int tc,
		      bool *det)
{
	assert_true(nr <= OMAX && nc <= OMAX);
	size_t hid[OMAX * OMAX], col_of[OMAX * OMAX], nh = 0;
	for (size_t c = 0; c < nr * nc; c++) {
		det[c] = false;
		col_of[c] = SIZE_MAX;
		if (sup[c]) {
			col_of[c] = nh;
			hid[nh++] = c;
		}
	}
	/* One equation a line that has a total: the others minus the total
	 * make 0. */
	long long m[2 * OMAX][OMAX * OMAX];
	size_t ne = 0;
	memset(m, 0, sizeof m);
	if (tr >= 0)
		for (size_t j = 0; j < nc; j++, ne++)
			for (size_t i = 0; i < nr; i++)
				if (sup[i * nc + j])
					m[ne][col_of[i * nc + j]] =
						i == (size_t)tr ? -1 : 1;
	if (tc >= 0)
		for (size_t i = 0; i < nr; i++, ne++)
			for (size_t j = 0; j < nc; j++)
				if (sup[i * nc + j])
					m[ne][col_of[i * nc + j]] =
						j == (size_t)tc ? -1 : 1;
	/* Reduced row echelon form. */
	size_t pivot[2 * OMAX], rank = 0;
	for (size_t col = 0; col < nh && rank < ne; col++) {
		size_t p = rank;
		while (p < ne && mod(m[p][col]) == 0)
			p++;
		if (p == ne)
			continue;
		for (size_t k = 0; k < nh; k++) {
			long long t = m[p][k];
			m[p][k] = m[rank][k];
			m[rank][k] = t;
		}
		long long inv = inverse(m[rank][col]);
		for (size_t k = 0; k < nh; k++)
			m[rank][k] = mod(m[rank][k]) * inv % PRIME;
		for (size_t r = 0; r < ne; r++) {
			long long f = mod(m[r][col]);
			if (r == rank || !f)
				continue;
			for (size_t k = 0; k < nh; k++)
				m[r][k] = mod(m[r][k] - f * m[rank][k]);
		}
		pivot[rank++] = col;
	}
	int n = 0;
	for (size_t h = 0; h < nh; h++) {
		long long e[OMAX * OMAX] = { 0 };
		e[h] = 1;
		for (size_t r = 0; r < rank; r++) {
			long long f = e[pivot[r]];
			if (!f)
				continue;
			for (size_t k = 0; k < nh; k++)
				e[k] = mod(e[k] - f * m[r][k]);
		}
		bool zero = true;
		for (size_t k = 0; k < nh; k++)
			zero = zero && e[k] == 0;
		if (zero) {
			det[hid[h]] = true;
			n++;
		}
	}
	return n;
}

/* The line of `n` cells from `first`, `step` apart, with exactly one
 * hidden cell; SIZE_MAX when it has none or several. */
static size_t lone_cell(const bool *sup, size_t first, size_t step, size_t n)
{
	size_t lone = SIZE_MAX, k = 0;
	for (size_t x = 0; x < n; x++)
		if (sup[first + x * step]) {
			lone = first + x * step;
			k++;
		}
	return k == 1 ? lone : SIZE_MAX;
}

/* A line with a total that has exactly one hidden cell: its first cell
 * and step, or false. */
static bool line_with_one(const bool *sup, size_t nr, size_t nc, int tr,
			  int tc, size_t *first, size_t *step, size_t *len)
{
	for (size_t j = 0; tr >= 0 && j < nc; j++)
		if (lone_cell(sup, j, nc, nr) != SIZE_MAX) {
			*first = j, *step = nc, *len = nr;
			return true;
		}
	for (size_t i = 0; tc >= 0 && i < nr; i++)
		if (lone_cell(sup, i * nc, 1, nc) != SIZE_MAX) {
			*first = i * nc, *step = 1, *len = nc;
			return true;
		}
	return false;
}

/* The cheap rule alone, to a fixed point: while a line has one hidden
 * cell, hide the smallest other non-zero cell that is not a total, else
 * the smallest other cell. It is what suppress_secondary would be without
 * its exact check, kept here to show the check matters. */
static void cheap_rule_only(const long *v, size_t nr, size_t nc, int tr,
			    int tc, bool *sup)
{
	size_t first, step, len;
	while (line_with_one(sup, nr, nc, tr, tc, &first, &step, &len)) {
		size_t best = SIZE_MAX;
		int best_rank = 0;
		for (size_t x = 0; x < len; x++) {
			size_t c = first + x * step;
			if (sup[c])
				continue;
			bool total = (tr >= 0 && c / nc == (size_t)tr) ||
				     (tc >= 0 && c % nc == (size_t)tc);
			int rank = v[c] == 0 ? 2 : total;
			if (best == SIZE_MAX || rank < best_rank ||
			    (rank == best_rank && v[c] < v[best])) {
				best = c;
				best_rank = rank;
			}
		}
		if (best == SIZE_MAX)
			return;
		sup[best] = true;
	}
}

/* ---- Helpers ------------------------------------------------------------- */

/* Sets the total row and column of v from its other cells. */
static void fill_totals(long *v, size_t nr, size_t nc, int tr, int tc)
{
	for (size_t i = 0; tc >= 0 && i < nr; i++) {
		if (tr >= 0 && i == (size_t)tr)
			continue;
		long s = 0;
		for (size_t j = 0; j < nc; j++)
			if (j != (size_t)tc)
				s += v[i * nc + j];
		v[i * nc + (size_t)tc] = s;
	}
	for (size_t j = 0; tr >= 0 && j < nc; j++) {
		long s = 0;
		for (size_t i = 0; i < nr; i++)
			if (i != (size_t)tr)
				s += v[i * nc + j];
		v[(size_t)tr * nc + j] = s;
	}
}

/* The table as a reader of the public version sees it, for messages. */
static const char *shown(const long *v, const bool *sup, size_t nr,
			 size_t nc)
{
	static char out[2048];
	size_t n = 0;
	out[0] = '\0';
	for (size_t c = 0; c < nr * nc && n < sizeof out - 32; c++) {
		if (sup[c])
			n += (size_t)snprintf(out + n, sizeof out - n, " c");
		else
			n += (size_t)snprintf(out + n, sizeof out - n, " %ld",
					      v[c]);
		if (c % nc == nc - 1)
			n += (size_t)snprintf(out + n, sizeof out - n, " /");
	}
	return out;
}

/* Which cells are hidden, compactly for assertions: "x" hidden, "."
 * shown, rows apart by "/". */
static const char *pattern(const bool *sup, size_t nr, size_t nc)
{
	static char out[OMAX * (OMAX + 1) + 1];
	size_t n = 0;
	for (size_t c = 0; c < nr * nc; c++) {
		out[n++] = sup[c] ? 'x' : '.';
		if (c % nc == nc - 1 && c + 1 < nr * nc)
			out[n++] = '/';
	}
	out[n] = '\0';
	return out;
}

static void assert_nothing_determined(const long *v, const bool *sup,
				      size_t nr, size_t nc, int tr, int tc)
{
	bool det[OMAX * OMAX];
	if (determined(sup, nr, nc, tr, tc, det))
		fail_msg("a hidden cell can be worked out:%s",
			 shown(v, sup, nr, nc));
}

/* Primary then secondary suppression at the spec's threshold; returns
 * what secondary added. */
static int publish(const long *v, size_t nr, size_t nc, int tr, int tc,
		   bool *sup)
{
	memset(sup, 0, nr * nc * sizeof *sup);
	suppress_primary(v, nr * nc, SUPPRESS_THRESHOLD, sup);
	return suppress_secondary(v, nr, nc, tr, tc, sup);
}

/* ---- Primary ------------------------------------------------------------- */

/* "counts from 1 to 5 are shown as `c`": 0 is shown, 6 is shown. */
static void primary_hides_one_to_five(void **state)
{
	(void)state;
	long v[] = { 0, 1, 2, 3, 4, 5, 6, 100 };
	bool sup[ARRAY_LEN(v)] = { false };
	suppress_primary(v, ARRAY_LEN(v), SUPPRESS_THRESHOLD, sup);
	assert_string_equal(pattern(sup, 1, ARRAY_LEN(v)), ".xxxxx..");
}

/* "(the threshold is configurable)"; a cell already hidden stays hidden. */
static void primary_threshold_configurable(void **state)
{
	(void)state;
	long v[] = { 0, 5, 6, 10, 11, 500 };
	bool sup[ARRAY_LEN(v)] = { [5] = true };
	suppress_primary(v, ARRAY_LEN(v), 10, sup);
	assert_string_equal(pattern(sup, 1, ARRAY_LEN(v)), ".xxx.x");
}

/* ---- Hand-made tables ---------------------------------------------------- */

/* A column with its total below: the 3 alone would be the total less the
 * shown cells, so the smallest other count (12) goes with it. */
static void lone_small_cell_in_a_column(void **state)
{
	(void)state;
	long v[] = { 12, 3, 20, 0 };
	bool sup[4], det[4];
	fill_totals(v, 4, 1, 3, -1);
	assert_int_equal(v[3], 35);

	memset(sup, 0, sizeof sup);
	suppress_primary(v, 4, SUPPRESS_THRESHOLD, sup);
	/* The oracle sees the leak primary suppression leaves. */
	assert_int_equal(determined(sup, 4, 1, 3, -1, det), 1);
	assert_true(det[1]);

	assert_int_equal(suppress_secondary(v, 4, 1, 3, -1, sup), 1);
	assert_string_equal(pattern(sup, 4, 1), "x/x/./.");
	assert_nothing_determined(v, sup, 4, 1, 3, -1);
}

/* A row with its total first: the 4 takes the 9 with it, not the 11, the
 * total or the 0. */
static void lone_small_cell_in_a_row_total_first(void **state)
{
	(void)state;
	long v[] = { 0, 4, 9, 0, 11 };
	bool sup[5];
	fill_totals(v, 1, 5, -1, 0);
	assert_int_equal(v[0], 24);
	assert_int_equal(publish(v, 1, 5, -1, 0, sup), 1);
	assert_string_equal(pattern(sup, 1, 5), ".xx..");
	assert_nothing_determined(v, sup, 1, 5, -1, 0);
}

/* Both totals: the 2 is in a row and a column, each needing a second
 * hidden cell, and those in turn; the cheapest closed rectangle is
 * 20 14 / 9 2, with every total still shown. */
static void two_way_table_hides_a_rectangle(void **state)
{
	(void)state;
	long v[] = {
		20, 14, 30, 0,
		9,  2,  40, 0,
		25, 17, 11, 0,
		0,  0,  0,  0,
	};
	bool sup[16];
	fill_totals(v, 4, 4, 3, 3);
	assert_int_equal(v[15], 168);
	assert_int_equal(publish(v, 4, 4, 3, 3, sup), 3);
	assert_string_equal(pattern(sup, 4, 4), "xx../xx../..../....");
	assert_nothing_determined(v, sup, 4, 4, 3, 3);
}

/* The 3s of the first column hide each other, but each row then has one
 * hidden cell. The first row gives up its 9; in the second column the
 * only other cells are a 0 and the column total, and the total goes: a
 * hidden 0 in a row whose total is 0 would fool nobody. */
static void only_zeros_left_so_the_total_goes(void **state)
{
	(void)state;
	long v[] = {
		3, 9, 0,
		0, 0, 0,
		0, 0, 0,
	};
	bool sup[9];
	fill_totals(v, 3, 3, 2, 2);
	assert_int_equal(publish(v, 3, 3, 2, 2, sup), 2);
	assert_string_equal(pattern(sup, 3, 3), "xx./.../xx.");
	assert_nothing_determined(v, sup, 3, 3, 2, 2);
}

/*
 * Two blocks of small counts joined by one more (the 5): every line has
 * two or more hidden cells, so the cheap rule ("a line with one hidden
 * cell") finds nothing, yet the 5 is the first two rows' totals less
 * their shown cells less the first two columns' hidden sums, which their
 * column totals give. The exact check finds it; one more cell (the
 * cheapest that joins the blocks again, the 30) protects it.
 */
static void bridge_between_two_blocks(void **state)
{
	(void)state;
	long v[] = {
		1,  2,  30, 40, 0,
		3,  4,  5,  50, 0,
		60, 70, 1,  2,  0,
		80, 90, 3,  4,  0,
		0,  0,  0,  0,  0,
	};
	bool sup[25], det[25], ex[25];
	fill_totals(v, 5, 5, 4, 4);
	memset(sup, 0, sizeof sup);
	suppress_primary(v, 25, SUPPRESS_THRESHOLD, sup);
	assert_string_equal(pattern(sup, 5, 5),
			    "xx.../xxx../..xx./..xx./.....");
	bool cheap[25];
	memcpy(cheap, sup, sizeof cheap);
	cheap_rule_only(v, 5, 5, 4, 4, cheap);
	assert_memory_equal(cheap, sup, sizeof cheap);
	assert_int_equal(determined(sup, 5, 5, 4, 4, det), 1);
	assert_true(det[1 * 5 + 2]);
	/* suppress.c's own check agrees. */
	assert_int_equal(suppress_exposed(5, 5, 4, 4, sup, ex), 1);
	assert_true(ex[1 * 5 + 2]);

	assert_int_equal(suppress_secondary(v, 5, 5, 4, 4, sup), 1);
	assert_string_equal(pattern(sup, 5, 5),
			    "xxx../xxx../..xx./..xx./.....");
	assert_nothing_determined(v, sup, 5, 5, 4, 4);
}

/* A grand total of 3 hides with every non-zero count under it (each is
 * at most 3), and that is already safe: the hidden cells make loops
 * through the grand total. The zeros stay. */
static void small_grand_total(void **state)
{
	(void)state;
	long v[] = {
		1, 0, 0,
		0, 2, 0,
		0, 0, 0,
	};
	bool sup[9];
	fill_totals(v, 3, 3, 2, 2);
	assert_int_equal(v[8], 3);
	assert_int_equal(publish(v, 3, 3, 2, 2, sup), 0);
	assert_string_equal(pattern(sup, 3, 3), "x.x/.xx/xxx");
	assert_nothing_determined(v, sup, 3, 3, 2, 2);
}

/* Without a total nothing can be worked out, so nothing more is hidden. */
static void no_totals_nothing_added(void **state)
{
	(void)state;
	long v[] = { 1, 7, 8, 9, 2, 9 };
	bool sup[6], ex[6];
	assert_int_equal(publish(v, 2, 3, -1, -1, sup), 0);
	assert_string_equal(pattern(sup, 2, 3), "x../.x.");
	assert_int_equal(suppress_exposed(2, 3, -1, -1, sup, ex), 0);
}

/* A total outside the table is the caller's mistake, refused. */
static void total_outside_table_refused(void **state)
{
	(void)state;
	long v[4] = { 1, 2, 3, 6 };
	bool sup[4] = { false }, ex[4];
	assert_int_equal(suppress_secondary(v, 1, 4, 1, -1, sup), -1);
	assert_int_equal(suppress_secondary(v, 1, 4, -1, 4, sup), -1);
	assert_int_equal(suppress_secondary(v, 1, 4, -2, 3, sup), -1);
	assert_int_equal(suppress_exposed(1, 4, 0, 7, sup, ex), -1);
}

/* A total of nothing (a one-column table's total column) must be 0, so
 * hiding it hides nothing: no suppression can help, and suppress_exposed
 * says what is left. */
static void total_of_nothing_cannot_be_protected(void **state)
{
	(void)state;
	long v[2] = { 0, 0 };
	bool sup[2] = { true, false }, ex[2];
	assert_int_equal(suppress_secondary(v, 2, 1, -1, 0, sup), 0);
	assert_int_equal(suppress_exposed(2, 1, -1, 0, sup, ex), 1);
	assert_true(ex[0]);
}

/* ---- Generated tables ---------------------------------------------------- */

/* splitmix64: small, and the same sequence everywhere. */
static uint64_t rng_state;

static uint64_t rnd(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static size_t below(size_t n)
{
	return (size_t)(rnd() % n);
}

/* A count as small tables have them: many zeros and small numbers. */
static long count(void)
{
	switch (below(10)) {
	case 0:
	case 1:
	case 2:
		return 0;
	case 3:
	case 4:
	case 5:
	case 6:
		return 1 + (long)below(5);
	case 7:
	case 8:
		return 6 + (long)below(15);
	default:
		return 21 + (long)below(180);
	}
}

struct gen {
	size_t nr, nc;
	int tr, tc;
	long v[OMAX * OMAX];
};

/* 1..8 x 1..8, a total row and column each three times in four (where
 * there is another line to add up), anywhere in the table. */
static void generate(struct gen *g)
{
	g->nr = 1 + below(OMAX);
	g->nc = 1 + below(OMAX);
	g->tr = g->nr > 1 && below(4) ? (int)below(g->nr) : -1;
	g->tc = g->nc > 1 && below(4) ? (int)below(g->nc) : -1;
	for (size_t c = 0; c < g->nr * g->nc; c++)
		g->v[c] = count();
	fill_totals(g->v, g->nr, g->nc, g->tr, g->tc);
}

static size_t marks(const bool *sup, size_t n)
{
	size_t k = 0;
	for (size_t c = 0; c < n; c++)
		k += sup[c];
	return k;
}

#define NTABLES 5000

/*
 * The spec's property on generated tables. After primary and secondary
 * suppression: (1) every count from 1 to the threshold is hidden, and
 * every cell hidden beforehand still is; (2) no hidden cell can be worked
 * out (the oracle above); (3) nothing is added to a table that was safe
 * already, or that has no total; what secondary suppression reports adding
 * is what it added; (4) the counts are untouched and a second run hides
 * the same cells.
 */
static void generated_tables_keep_their_secrets(void **state)
{
	(void)state;
	static const long THRESHOLDS[] = { 5, 5, 5, 3, 10 };
	rng_state = 20240601;
	size_t leaky = 0, cheap_leaky = 0, secondary = 0, zeros = 0,
	       totals = 0, with_totals = 0;
	for (int t = 0; t < NTABLES; t++) {
		struct gen g;
		generate(&g);
		size_t n = g.nr * g.nc;
		long th = THRESHOLDS[below(ARRAY_LEN(THRESHOLDS))];
		long before[OMAX * OMAX];
		bool sup0[OMAX * OMAX] = { false }, sup[OMAX * OMAX],
		     again[OMAX * OMAX] = { false }, det[OMAX * OMAX];
		/* Now and then a cell hidden for some other reason. */
		if (!below(8))
			sup0[below(n)] = true;
		memcpy(before, g.v, sizeof before);
		memcpy(again, sup0, sizeof again);

		suppress_primary(g.v, n, th, sup0);
		memcpy(sup, sup0, sizeof sup);
		int added = suppress_secondary(g.v, g.nr, g.nc, g.tr, g.tc,
					       sup);
		assert_true(added >= 0);

		/* (1) */
		for (size_t c = 0; c < n; c++) {
			if (g.v[c] >= 1 && g.v[c] <= th)
				assert_true(sup[c]);
			if (sup0[c])
				assert_true(sup[c]);
		}
		/* (2) */
		if (determined(sup, g.nr, g.nc, g.tr, g.tc, det))
			fail_msg("table %d (total row %d, column %d): a hidden"
				 " cell can be worked out:%s",
				 t, g.tr, g.tc, shown(g.v, sup, g.nr, g.nc));
		/* (3) */
		assert_int_equal(marks(sup, n) - marks(sup0, n),
				 (size_t)added);
		bool safe = !determined(sup0, g.nr, g.nc, g.tr, g.tc, det);
		if (safe || (g.tr < 0 && g.tc < 0))
			assert_int_equal(added, 0);
		/* (4) */
		assert_memory_equal(before, g.v, sizeof before);
		suppress_primary(g.v, n, th, again);
		assert_int_equal(suppress_secondary(g.v, g.nr, g.nc, g.tr,
						    g.tc, again),
				 added);
		assert_memory_equal(again, sup, n * sizeof *sup);

		/* What the run exercised, so a weak generator shows. */
		with_totals += g.tr >= 0 || g.tc >= 0;
		leaky += !safe;
		bool cheap[OMAX * OMAX];
		memcpy(cheap, sup0, sizeof cheap);
		cheap_rule_only(g.v, g.nr, g.nc, g.tr, g.tc, cheap);
		cheap_leaky += determined(cheap, g.nr, g.nc, g.tr, g.tc,
					  det) > 0;
		secondary += (size_t)added;
		for (size_t c = 0; c < n; c++) {
			if (!sup[c] || sup0[c])
				continue;
			zeros += g.v[c] == 0;
			totals += (g.tr >= 0 && c / g.nc == (size_t)g.tr) ||
				  (g.tc >= 0 && c % g.nc == (size_t)g.tc);
		}
	}
	printf("# %d tables, %zu with a total; %zu leaked after primary "
	       "suppression, %zu after the cheap rule alone; %zu cells added "
	       "(%zu zeros, %zu totals)\n",
	       NTABLES, with_totals, leaky, cheap_leaky, secondary, zeros,
	       totals);
	/* The oracle had work to do, including what the cheap rule misses. */
	assert_true(leaky > NTABLES / 4);
	assert_true(cheap_leaky > 0);
}

/* suppress_exposed, which secondary suppression relies on, agrees with
 * the oracle cell for cell on random patterns of hidden cells. */
static void exposed_agrees_with_elimination(void **state)
{
	(void)state;
	rng_state = 7;
	size_t found = 0;
	for (int t = 0; t < NTABLES; t++) {
		struct gen g;
		generate(&g);
		size_t n = g.nr * g.nc, density = 1 + below(6);
		bool sup[OMAX * OMAX], det[OMAX * OMAX], ex[OMAX * OMAX];
		for (size_t c = 0; c < n; c++)
			sup[c] = below(8) < density;
		int want = determined(sup, g.nr, g.nc, g.tr, g.tc, det);
		assert_int_equal(suppress_exposed(g.nr, g.nc, g.tr, g.tc, sup,
						  ex),
				 want);
		if (memcmp(det, ex, n * sizeof *ex) != 0)
			fail_msg("pattern %s (total row %d, column %d)",
				 pattern(sup, g.nr, g.nc), g.tr, g.tc);
		found += (size_t)want;
	}
	assert_true(found > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(primary_hides_one_to_five),
		cmocka_unit_test(primary_threshold_configurable),
		cmocka_unit_test(lone_small_cell_in_a_column),
		cmocka_unit_test(lone_small_cell_in_a_row_total_first),
		cmocka_unit_test(two_way_table_hides_a_rectangle),
		cmocka_unit_test(only_zeros_left_so_the_total_goes),
		cmocka_unit_test(bridge_between_two_blocks),
		cmocka_unit_test(small_grand_total),
		cmocka_unit_test(no_totals_nothing_added),
		cmocka_unit_test(total_outside_table_refused),
		cmocka_unit_test(total_of_nothing_cannot_be_protected),
		cmocka_unit_test(exposed_agrees_with_elimination),
		cmocka_unit_test(generated_tables_keep_their_secrets),
	};
	return RUN(tests);
}
