#include "lib/common.h"
#include "lib/err.h"

int err_set(struct err *e, const char *fmt, ...)
{
	if (!e)
		return -1;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	return -1;
}

int err_prefix(struct err *e, const char *fmt, ...)
{
	if (!e)
		return -1;
	char head[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(head, sizeof head, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return -1;
	size_t hl = strlen(head);
	size_t ml = strlen(e->msg);
	/* Keep as much of the old message as fits after the prefix. */
	if (hl + ml >= sizeof e->msg)
		ml = sizeof e->msg - 1 - hl;
	memmove(e->msg + hl, e->msg, ml);
	memcpy(e->msg, head, hl);
	e->msg[hl + ml] = '\0';
	return -1;
}
