#include "lib/common.h"
#include "lib/jsonw.h"

int json_add_string(struct buf *b, const char *s)
{
	if (!s)
		return buf_adds(b, "null");
	int rc = buf_addc(b, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p && !rc; p++) {
		switch (*p) {
		case '"':
			rc = buf_adds(b, "\\\"");
			break;
		case '\\':
			rc = buf_adds(b, "\\\\");
			break;
		case '\n':
			rc = buf_adds(b, "\\n");
			break;
		case '\r':
			rc = buf_adds(b, "\\r");
			break;
		case '\t':
			rc = buf_adds(b, "\\t");
			break;
		default:
			if (*p < 0x20)
				rc = buf_printf(b, "\\u%04x", *p);
			else
				rc = buf_addc(b, (char)*p);
		}
	}
	return rc ? rc : buf_addc(b, '"');
}
