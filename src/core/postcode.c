/*
 * postcode.c - the postcode table and where a placement is (postcode.h).
 */
#include "lib/common.h"
#include <ctype.h>
#include "lib/xalloc.h"
#include "core/postcode.h"

/* The outward and inward parts of a postcode: split at its space, or,
 * without one, before a whole postcode's last three characters (a digit
 * and two letters) or a sector's last digit (five characters or more; a
 * district is at most four). An empty inward part: a district. */
static bool split(const char *postcode, char *out, size_t *nout, char *in,
		  size_t *nin)
{
	char all[PC_KEY_LEN * 2];
	size_t n = 0, space = SIZE_MAX;
	const char *p = postcode ? postcode : "";
	p += strspn(p, " ");
	for (; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == ' ') {
			if (p[strspn(p, " ")] == '\0')
				break; /* trailing spaces */
			if (space != SIZE_MAX)
				return false;
			space = n;
			p += strspn(p, " ") - 1;
			continue;
		}
		if (c > 127 || !isalnum(c) || n + 1 >= sizeof all)
			return false;
		all[n++] = (char)toupper(c);
	}
	if (!n)
		return false;
	size_t cut = space != SIZE_MAX ? space
		     : n >= 5 && isdigit((unsigned char)all[n - 3]) &&
				     isalpha((unsigned char)all[n - 2]) &&
				     isalpha((unsigned char)all[n - 1])
			     ? n - 3
		     : n >= 5 && isdigit((unsigned char)all[n - 1]) ? n - 1
								    : n;
	*nout = cut;
	*nin = n - cut;
	if (!cut || cut > 4 || (*nin != 0 && *nin != 1 && *nin != 3) ||
	    (*nin && !isdigit((unsigned char)all[cut])) ||
	    (*nin == 3 && !(isalpha((unsigned char)all[cut + 1]) &&
			    isalpha((unsigned char)all[cut + 2]))))
		return false;
	memcpy(out, all, cut);
	memcpy(in, all + cut, *nin);
	return true;
}

bool pc_key(const char *postcode, char out[PC_KEY_LEN])
{
	char o[PC_KEY_LEN], i[PC_KEY_LEN];
	size_t no, ni;
	out[0] = '\0';
	if (!split(postcode, o, &no, i, &ni))
		return false;
	memcpy(out, o, no);
	if (ni) {
		out[no] = ' ';
		memcpy(out + no + 1, i, ni);
		no += ni + 1;
	}
	out[no] = '\0';
	return true;
}

int pc_add(struct pc_table *t, const char *postcode, const char *la,
	   bool grid, int32_t e, int32_t n)
{
	struct pc_entry x = { .grid = grid, .e = e, .n = n, .seq = t->n };
	if (!pc_key(postcode, x.key) || !la || !*la ||
	    strlen(la) >= sizeof x.la)
		return 1;
	memcpy(x.la, la, strlen(la) + 1);
	if (GROW(t->v, t->cap, t->n + 1))
		return -1;
	t->v[t->n++] = x;
	return 0;
}

static int by_key(const void *a, const void *b)
{
	const struct pc_entry *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	/* qsort is not stable: keep the first row of a key first. */
	return c ? c : (x->seq < y->seq ? -1 : x->seq > y->seq);
}

void pc_done(struct pc_table *t)
{
	if (t->n)
		qsort(t->v, t->n, sizeof *t->v, by_key);
}

void pc_free(struct pc_table *t)
{
	free(t->v);
	memset(t, 0, sizeof *t);
}

static const struct pc_entry *find_key(const struct pc_table *t,
				       const char *key)
{
	size_t lo = 0, hi = t->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(t->v[mid].key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < t->n && strcmp(t->v[lo].key, key) == 0 ? &t->v[lo] : NULL;
}

const struct pc_entry *pc_find(const struct pc_table *t, const char *recorded)
{
	char key[PC_KEY_LEN];
	if (!t->n || !pc_key(recorded, key))
		return NULL;
	const struct pc_entry *x = find_key(t, key);
	char *space = strchr(key, ' ');
	if (x || !space)
		return x;
	/* Its sector ("XA12 3"), when it is a whole postcode, then its
	 * district ("XA12"). */
	if (strlen(space) == 4) {
		space[2] = '\0';
		if ((x = find_key(t, key)))
			return x;
	}
	*space = '\0';
	return find_key(t, key);
}

/* Whether `la` is one of the codes in the list. */
static bool in_list(const char *list, const char *la)
{
	size_t n = strlen(la);
	for (const char *p = list ? list : ""; *p;) {
		p += strspn(p, ", \t");
		size_t len = strcspn(p, ", \t");
		if (len == n && len && strncmp(p, la, n) == 0)
			return true;
		p += len;
	}
	return false;
}

void pc_locate(const struct pc_table *t, const struct pc_area *a,
	       const char *pl_post, const char *home_post,
	       struct msr_location *out)
{
	memset(out, 0, sizeof *out);
	const struct pc_entry *pl = pc_find(t, pl_post);
	if (!pl || !a->la || !*a->la)
		return;
	out->where = strcmp(pl->la, a->la) == 0 ? WHERE_INSIDE : WHERE_OUTSIDE;
	out->in_group = in_list(a->group, pl->la);
	const struct pc_entry *home = pc_find(t, home_post);
	if (pl->grid) {
		out->pl_grid = true;
		out->pl_e = pl->e;
		out->pl_n = pl->n;
	}
	if (home && home->grid) {
		out->home_grid = true;
		out->home_e = home->e;
		out->home_n = home->n;
	}
}
