/*
 * suppress.c - small-number suppression for public reports (suppress.h
 * says what it promises).
 *
 * The exact test, as a graph. Write the sums as equations in the hidden
 * cells alone (shown cells move to the right-hand side): a hidden cell is
 * worked out exactly when its unit vector lies in the row space of those
 * equations, that is when every change to the hidden values that keeps all
 * the sums leaves it alone. Flip the sign of the cells of the total row and,
 * separately, of the total column: every equation then says "these cells
 * add up to 0", and a cell is in at most two equations, its row's and its
 * column's. So the hidden cells are the edges of a graph whose nodes are the
 * lines that carry an equation (every column when there is a total row,
 * every row when there is a total column), plus one "ground" node for all
 * the lines that carry none (their sums are free; the ground's balance
 * follows from everyone else's). A change that keeps the sums is a flow
 * around loops of this graph, so a hidden cell is worked out exactly when
 * it lies on no loop: when it is a bridge. Finding bridges is linear and
 * exact, with no arithmetic to go wrong; test_suppress.c checks it against
 * the row-space definition by elimination.
 *
 * The cheap rule ("a line with one hidden cell gives it away") is the
 * special case of a bridge at a node with one edge; two hidden blocks
 * joined by one hidden cell is the case it misses.
 *
 * Secondary suppression adds one cell at a time until there is no bridge:
 * the best cell (suppress.h) among those that close a loop through some
 * bridge (their two lines are connected, but only through a bridge) and
 * those in a line at either end of a bridge, which at least extend it.
 */
#include "lib/common.h"
#include "core/suppress.h"

void suppress_primary(const long *v, size_t ncells, long threshold,
		      bool *sup)
{
	for (size_t i = 0; i < ncells; i++)
		if (v[i] >= 1 && v[i] <= threshold)
			sup[i] = true;
}

#define NONE SIZE_MAX

/* The hidden cells as a graph (nodes: rows 0..nrows-1, then columns, then
 * the ground), with the work arrays of the bridge search. */
struct graph {
	size_t nrows, ncols, nnodes, ground;
	int tr, tc;
	size_t nedges;
	size_t *cell;  /* edge -> its cell */
	size_t *start; /* node -> its first slot in adj (nnodes + 1) */
	size_t *adj;   /* slot -> edge, two slots an edge */
	size_t *tin, *low, *pedge, *next, *stack;
	size_t *comp;  /* union-find: connected */
	size_t *part;  /* union-find: connected without the bridges */
	bool *bridge;  /* edge */
	bool *end;     /* node is an end of a bridge */
};

static size_t row_node(const struct graph *g, size_t i)
{
	return g->tc >= 0 ? i : g->ground;
}

static size_t col_node(const struct graph *g, size_t j)
{
	return g->tr >= 0 ? g->nrows + j : g->ground;
}

static size_t other_end(const struct graph *g, size_t e, size_t u)
{
	size_t c = g->cell[e];
	size_t r = row_node(g, c / g->ncols);
	return r == u ? col_node(g, c % g->ncols) : r;
}

static void graph_free(struct graph *g)
{
	free(g->cell);
	free(g->start);
	free(g->adj);
	free(g->tin);
	free(g->low);
	free(g->pedge);
	free(g->next);
	free(g->stack);
	free(g->comp);
	free(g->part);
	free(g->bridge);
	free(g->end);
}

/* 0, or -1 when a total lies outside the table, the table is too big to
 * count its cells in an int, or memory runs out (g then needs no free). */
static int graph_init(struct graph *g, size_t nrows, size_t ncols, int tr,
		      int tc)
{
	memset(g, 0, sizeof *g);
	if (tr < -1 || tc < -1 || (tr >= 0 && (size_t)tr >= nrows) ||
	    (tc >= 0 && (size_t)tc >= ncols))
		return -1;
	if (ncols && nrows > (size_t)INT_MAX / ncols)
		return -1;
	size_t ncells = nrows * ncols;
	g->nrows = nrows;
	g->ncols = ncols;
	g->tr = tr;
	g->tc = tc;
	g->ground = nrows + ncols;
	g->nnodes = nrows + ncols + 1;
	size_t nn = g->nnodes, ne = ncells ? ncells : 1;
	g->cell = calloc(ne, sizeof *g->cell);
	g->start = calloc(nn + 1, sizeof *g->start);
	g->adj = calloc(2 * ne, sizeof *g->adj);
	g->tin = calloc(nn, sizeof *g->tin);
	g->low = calloc(nn, sizeof *g->low);
	g->pedge = calloc(nn, sizeof *g->pedge);
	g->next = calloc(nn, sizeof *g->next);
	g->stack = calloc(nn, sizeof *g->stack);
	g->comp = calloc(nn, sizeof *g->comp);
	g->part = calloc(nn, sizeof *g->part);
	g->bridge = calloc(ne, sizeof *g->bridge);
	g->end = calloc(nn, sizeof *g->end);
	if (!g->cell || !g->start || !g->adj || !g->tin || !g->low ||
	    !g->pedge || !g->next || !g->stack || !g->comp || !g->part ||
	    !g->bridge || !g->end) {
		graph_free(g);
		return -1;
	}
	return 0;
}

static void graph_build(struct graph *g, const bool *sup)
{
	size_t ncells = g->nrows * g->ncols;
	memset(g->start, 0, (g->nnodes + 1) * sizeof *g->start);
	g->nedges = 0;
	for (size_t c = 0; c < ncells; c++) {
		if (!sup[c])
			continue;
		size_t u = row_node(g, c / g->ncols);
		size_t w = col_node(g, c % g->ncols);
		/* Both lines free (no totals at all): no sum holds it. */
		if (u == w)
			continue;
		g->cell[g->nedges++] = c;
		g->start[u + 1]++;
		g->start[w + 1]++;
	}
	for (size_t n = 0; n < g->nnodes; n++)
		g->start[n + 1] += g->start[n];
	for (size_t n = 0; n < g->nnodes; n++)
		g->next[n] = g->start[n];
	for (size_t e = 0; e < g->nedges; e++) {
		size_t c = g->cell[e];
		g->adj[g->next[row_node(g, c / g->ncols)]++] = e;
		g->adj[g->next[col_node(g, c % g->ncols)]++] = e;
	}
}

/* Tarjan's bridges, iteratively so a wide table cannot exhaust the stack.
 * A cell can join the same two lines as another (at the ground), so the
 * walk skips the edge it came by, not the node: a parallel edge is a loop. */
static void find_bridges(struct graph *g)
{
	for (size_t n = 0; n < g->nnodes; n++)
		g->tin[n] = NONE;
	for (size_t e = 0; e < g->nedges; e++)
		g->bridge[e] = false;
	size_t timer = 0;
	for (size_t s = 0; s < g->nnodes; s++) {
		if (g->tin[s] != NONE)
			continue;
		size_t top = 0;
		g->stack[top++] = s;
		g->tin[s] = g->low[s] = timer++;
		g->pedge[s] = NONE;
		g->next[s] = g->start[s];
		while (top) {
			size_t u = g->stack[top - 1];
			if (g->next[u] < g->start[u + 1]) {
				size_t e = g->adj[g->next[u]++];
				if (e == g->pedge[u])
					continue;
				size_t w = other_end(g, e, u);
				if (g->tin[w] == NONE) {
					g->tin[w] = g->low[w] = timer++;
					g->pedge[w] = e;
					g->next[w] = g->start[w];
					g->stack[top++] = w;
				} else if (g->tin[w] < g->low[u]) {
					g->low[u] = g->tin[w];
				}
				continue;
			}
			top--;
			if (top) {
				size_t p = g->stack[top - 1];
				if (g->low[u] < g->low[p])
					g->low[p] = g->low[u];
				if (g->low[u] > g->tin[p])
					g->bridge[g->pedge[u]] = true;
			}
		}
	}
}

static size_t uf_find(size_t *uf, size_t x)
{
	while (uf[x] != x) {
		uf[x] = uf[uf[x]];
		x = uf[x];
	}
	return x;
}

static void uf_join(size_t *uf, size_t a, size_t b)
{
	a = uf_find(uf, a);
	b = uf_find(uf, b);
	if (a != b)
		uf[a > b ? a : b] = a < b ? a : b;
}

/* The bridges of the pattern in sup, the lines at their ends, and which
 * lines are connected with and without them; returns how many bridges. */
static size_t analyse(struct graph *g, const bool *sup)
{
	graph_build(g, sup);
	find_bridges(g);
	for (size_t n = 0; n < g->nnodes; n++) {
		g->comp[n] = g->part[n] = n;
		g->end[n] = false;
	}
	size_t nbridges = 0;
	for (size_t e = 0; e < g->nedges; e++) {
		size_t c = g->cell[e];
		size_t u = row_node(g, c / g->ncols);
		size_t w = col_node(g, c % g->ncols);
		uf_join(g->comp, u, w);
		if (g->bridge[e]) {
			g->end[u] = g->end[w] = true;
			nbridges++;
		} else {
			uf_join(g->part, u, w);
		}
	}
	return nbridges;
}

int suppress_exposed(size_t nrows, size_t ncols, int total_row,
		     int total_col, const bool *sup, bool *exposed)
{
	struct graph g;
	if (graph_init(&g, nrows, ncols, total_row, total_col))
		return -1;
	for (size_t c = 0; c < nrows * ncols; c++)
		exposed[c] = false;
	int n = (int)analyse(&g, sup);
	for (size_t e = 0; e < g.nedges; e++)
		if (g.bridge[e])
			exposed[g.cell[e]] = true;
	graph_free(&g);
	return n;
}

/* A cell that could be hidden next, ranked as suppress.h says. */
struct cand {
	bool have;
	size_t cell;
	int zero;  /* the value is 0 */
	int dead;  /* a 0 in a line whose total is 0: a reader knows it */
	int tot;   /* in the total row, the total column, or both */
	int open;  /* closes no loop, only extends one */
	long value;
};

static bool better(const struct cand *a, const struct cand *b)
{
	if (!b->have)
		return true;
	if (a->zero != b->zero)
		return a->zero < b->zero;
	if (a->dead != b->dead)
		return a->dead < b->dead;
	if (a->tot != b->tot)
		return a->tot < b->tot;
	if (a->open != b->open)
		return a->open < b->open;
	if (a->value != b->value)
		return a->value < b->value;
	return a->cell < b->cell;
}

static struct cand best_cell(struct graph *g, const long *v, const bool *sup)
{
	struct cand best = { .have = false };
	size_t nc = g->ncols;
	for (size_t c = 0; c < g->nrows * nc; c++) {
		if (sup[c])
			continue;
		size_t i = c / nc, j = c % nc;
		size_t u = row_node(g, i), w = col_node(g, j);
		if (u == w)
			continue;
		/* Its lines are connected only through a bridge: hiding it
		 * makes a loop through that bridge. */
		bool closes = uf_find(g->comp, u) == uf_find(g->comp, w) &&
			      uf_find(g->part, u) != uf_find(g->part, w);
		bool touches = (u != g->ground && g->end[u]) ||
			       (w != g->ground && g->end[w]);
		if (!closes && !touches)
			continue;
		bool in_tr = g->tr >= 0 && i == (size_t)g->tr;
		bool in_tc = g->tc >= 0 && j == (size_t)g->tc;
		bool row_zero = g->tc >= 0 && v[i * nc + (size_t)g->tc] == 0;
		bool col_zero = g->tr >= 0 && v[(size_t)g->tr * nc + j] == 0;
		struct cand x = {
			.have = true,
			.cell = c,
			.zero = v[c] == 0,
			.dead = v[c] == 0 && (row_zero || col_zero),
			.tot = (int)in_tr + (int)in_tc,
			.open = !closes,
			.value = v[c],
		};
		if (better(&x, &best))
			best = x;
	}
	return best;
}

int suppress_secondary(const long *v, size_t nrows, size_t ncols,
		       int total_row, int total_col, bool *sup)
{
	struct graph g;
	if (graph_init(&g, nrows, ncols, total_row, total_col))
		return -1;
	int added = 0;
	/* Each round hides one more cell, so this ends within ncells rounds.
	 * It finds no cell only for a total of nothing: with a bridge between
	 * row i and column j, both wholly hidden, any other row i' and column
	 * j' give a loop i-j'-i'-j-i, or a shown cell (i', j') that closes
	 * one; with one total the ground is one end, and a wholly hidden line
	 * at the other end holds two parallel cells, which is a loop. */
	while (analyse(&g, sup)) {
		struct cand b = best_cell(&g, v, sup);
		if (!b.have)
			break;
		sup[b.cell] = true;
		added++;
	}
	graph_free(&g);
	return added;
}
