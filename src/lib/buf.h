/*
 * buf.h - a growable byte buffer with a hard ceiling (curl's dynbuf).
 *
 * A buffer is given its maximum size when it is made and refuses to grow
 * past it, so no input can make iro allocate without bound. The contents are
 * always NUL-terminated. The buffer owns its memory; buf_free releases it.
 */
#ifndef IRO_BUF_H
#define IRO_BUF_H

struct buf {
	char *data;
	size_t len;
	size_t cap;
	size_t max;
};

void buf_init(struct buf *b, size_t max);
void buf_free(struct buf *b);
void buf_reset(struct buf *b);
/* Each returns 0, or -1 when the ceiling or memory would be exceeded (the
 * buffer is then left as it was). */
int buf_add(struct buf *b, const void *p, size_t n);
int buf_adds(struct buf *b, const char *s);
int buf_addc(struct buf *b, char c);
int buf_printf(struct buf *b, const char *fmt, ...) PRINTF_LIKE(2, 3);

#endif
