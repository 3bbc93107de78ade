/*
 * html.c - the escaping HTML writer (html.h).
 */
#include "lib/common.h"
#include "web/html.h"

int h_text(struct buf *b, const char *s)
{
	if (!s)
		return 0;
	const char *run = s;
	for (; *s; s++) {
		const char *rep;
		switch (*s) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: continue;
		}
		if (buf_add(b, run, (size_t)(s - run)) || buf_adds(b, rep))
			return -1;
		run = s + 1;
	}
	return buf_add(b, run, (size_t)(s - run));
}

int h_raw_trusted(struct buf *b, const char *html)
{
	return buf_adds(b, html);
}

/*
 * Walks the format as printf would. Literal text is copied as it is (it
 * is markup from the source); each conversion is formatted by snprintf
 * with its own specification, and %s and %c are escaped. Only the
 * conversions iro uses are accepted: d i u x f g s c and %%, with flags,
 * width, precision and the length modifiers hh h l ll z j t.
 */
int h_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rc = 0;
	const char *run = fmt;
	while (rc == 0 && *fmt) {
		if (*fmt != '%') {
			fmt++;
			continue;
		}
		rc = buf_add(b, run, (size_t)(fmt - run));
		const char *spec = fmt++;
		if (*fmt == '%') {
			rc = rc ? rc : buf_addc(b, '%');
			run = ++fmt;
			continue;
		}
		int width = -1, prec = -1;
		fmt += strspn(fmt, "-+ #0");
		if (*fmt == '*') {
			width = va_arg(ap, int);
			fmt++;
		} else {
			fmt += strspn(fmt, "0123456789");
		}
		if (*fmt == '.') {
			fmt++;
			if (*fmt == '*') {
				prec = va_arg(ap, int);
				fmt++;
			} else {
				fmt += strspn(fmt, "0123456789");
			}
		}
		int longs = 0;
		char size = 0;
		while (*fmt == 'h' || *fmt == 'l' || *fmt == 'z' ||
		       *fmt == 'j' || *fmt == 't') {
			size = *fmt;
			longs += *fmt == 'l';
			fmt++;
		}
		char conv = *fmt ? *fmt++ : '\0';
		char one[32];
		size_t n = (size_t)(fmt - spec);
		if (n >= sizeof one || !conv) {
			rc = -1;
			break;
		}
		memcpy(one, spec, n);
		one[n] = '\0';
		char out[512];
		out[0] = '\0';
#define FMT1(v)                                                             \
	(width >= 0 && prec >= 0 ? snprintf(out, sizeof out, one, width, prec, v) \
	 : width >= 0		 ? snprintf(out, sizeof out, one, width, v)  \
	 : prec >= 0		 ? snprintf(out, sizeof out, one, prec, v)   \
				 : snprintf(out, sizeof out, one, v))
		/* The format string here is `one`, cut from a literal the
		 * compiler has already checked against the arguments. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
		switch (conv) {
		case 'd':
		case 'i':
			if (size == 'z' || size == 't' || size == 'j' ||
			    longs == 2)
				FMT1(va_arg(ap, long long));
			else if (longs == 1)
				FMT1(va_arg(ap, long));
			else
				FMT1(va_arg(ap, int));
			rc = buf_adds(b, out);
			break;
		case 'u':
		case 'x':
			if (size == 'z' || size == 't' || size == 'j' ||
			    longs == 2)
				FMT1(va_arg(ap, unsigned long long));
			else if (longs == 1)
				FMT1(va_arg(ap, unsigned long));
			else
				FMT1(va_arg(ap, unsigned));
			rc = buf_adds(b, out);
			break;
		case 'f':
		case 'g':
			FMT1(va_arg(ap, double));
			rc = buf_adds(b, out);
			break;
		case 'c': {
			char c[2] = { (char)va_arg(ap, int), '\0' };
			rc = h_text(b, c);
			break;
		}
		case 's': {
			const char *s = va_arg(ap, const char *);
			if (width < 0 && prec < 0 && n == 2) {
				rc = h_text(b, s ? s : "");
			} else {
				FMT1(s ? s : "");
				rc = h_text(b, out);
			}
			break;
		}
		default:
			rc = -1;
		}
#pragma GCC diagnostic pop
#undef FMT1
		run = fmt;
	}
	if (rc == 0)
		rc = buf_add(b, run, (size_t)(fmt - run));
	va_end(ap);
	return rc;
}

void url_encode(char *out, size_t size, const char *s)
{
	static const char HEX[] = "0123456789ABCDEF";
	size_t o = 0;
	for (; *s && o + 4 <= size; s++) {
		unsigned char c = (unsigned char)*s;
		if (isalnum(c) || c == '-' || c == '_' || c == '.' ||
		    c == '~') {
			out[o++] = (char)c;
		} else {
			out[o++] = '%';
			out[o++] = HEX[c >> 4];
			out[o++] = HEX[c & 15];
		}
	}
	if (size)
		out[o < size ? o : size - 1] = '\0';
}
