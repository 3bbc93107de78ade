/*
 * html.h - the one way iro writes HTML: every value is escaped unless the
 * call's name says otherwise (cgit's html.c; stack-notes.md §2).
 *
 * h_printf's format is the trusted markup. -Wformat=2 makes the compiler
 * refuse a format that is not a string literal, so markup can only come
 * from the source; each %s argument is escaped for text and for quoted
 * attribute values alike. Raw, already-safe HTML goes through
 * h_raw_trusted, which a reviewer can grep for.
 *
 * Each returns 0, or -1 when the buffer's ceiling is reached (the page is
 * then refused whole, never sent cut short).
 */
#ifndef IRO_WEB_HTML_H
#define IRO_WEB_HTML_H

#include <stddef.h>

#include "lib/buf.h"

int h_printf(struct buf *b, const char *fmt, ...) PRINTF_LIKE(2, 3);
/* Escapes s (& < > " ') onto b. */
int h_text(struct buf *b, const char *s);
/* Appends html as it is: only for markup iro itself made. */
int h_raw_trusted(struct buf *b, const char *html);

/* s percent-encoded for a URL's query value or path segment, into out
 * (cut to size, always terminated). */
void url_encode(char *out, size_t size, const char *s);

#endif
