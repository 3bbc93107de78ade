#include "lib/common.h"
#include "lib/xalloc.h"
#include "core/problem.h"

void problems_init(struct problems *p)
{
	memset(p, 0, sizeof *p);
}

void problems_free(struct problems *p)
{
	free(p->v);
	problems_init(p);
}

static void copy_cut(char *dst, size_t size, const char *src)
{
	size_t n = strlen(src);
	if (n < size) {
		memcpy(dst, src, n + 1);
		return;
	}
	memcpy(dst, src, size - 4);
	memcpy(dst + size - 4, "...", 4);
}

void problem_add(struct problems *p, bool warning, const char *file,
		 long line, const char *column, const char *value,
		 const char *fmt, ...)
{
	if (warning)
		p->warnings++;
	else
		p->errors++;
	if (GROW(p->v, p->cap, p->count + 1)) {
		p->out_of_memory = true;
		return;
	}
	struct problem *pr = &p->v[p->count++];
	pr->file = file;
	pr->line = line;
	pr->warning = warning;
	copy_cut(pr->column, sizeof pr->column, column ? column : "");
	copy_cut(pr->value, sizeof pr->value, value ? value : "");
	pr->seq = p->count;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(pr->reason, sizeof pr->reason, fmt, ap);
	va_end(ap);
}

void problem_format(const struct problem *pr, char *out, size_t size)
{
	const char *kind = pr->warning ? "warning" : "error";
	char where[160];
	if (pr->line > 0)
		snprintf(where, sizeof where, "%s:%ld", pr->file ? pr->file : "",
			 pr->line);
	else
		snprintf(where, sizeof where, "%s", pr->file ? pr->file : "");
	if (pr->column[0])
		snprintf(out, size, "%s: %s: %s \"%s\": %s", where, kind,
			 pr->column, pr->value, pr->reason);
	else
		snprintf(out, size, "%s: %s: %s", where, kind, pr->reason);
}

static int cmp_problem(const void *a, const void *b)
{
	const struct problem *x = a, *y = b;
	if (x->warning != y->warning)
		return x->warning ? 1 : -1;
	int c = strcmp(x->file ? x->file : "", y->file ? y->file : "");
	if (c)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void problems_sort(struct problems *p)
{
	/* qsort is not stable: ties fall back on the order of adding. */
	if (p->count > 1)
		qsort(p->v, p->count, sizeof *p->v, cmp_problem);
}

void problems_locate(struct problems *p, size_t from, const char *file,
		     long line)
{
	for (size_t i = from; i < p->count; i++) {
		p->v[i].file = file;
		p->v[i].line = line;
	}
}
