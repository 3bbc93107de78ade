#include "lib/common.h"
#include "lib/natsort.h"

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

int natcmp(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t i = 0, j = 0;
	while (i < alen && j < blen) {
		if (is_digit(a[i]) && is_digit(b[j])) {
			/* Skip leading zeros, then the longer run is larger. */
			size_t si = i, sj = j;
			while (si < alen && a[si] == '0')
				si++;
			while (sj < blen && b[sj] == '0')
				sj++;
			size_t ei = si, ej = sj;
			while (ei < alen && is_digit(a[ei]))
				ei++;
			while (ej < blen && is_digit(b[ej]))
				ej++;
			if (ei - si != ej - sj)
				return ei - si < ej - sj ? -1 : 1;
			int c = memcmp(a + si, b + sj, ei - si);
			if (c)
				return c < 0 ? -1 : 1;
			/* Equal values: fewer leading zeros first, for a total order. */
			if (si - i != sj - j)
				return si - i < sj - j ? -1 : 1;
			i = ei;
			j = ej;
			continue;
		}
		if (a[i] != b[j])
			return (unsigned char)a[i] < (unsigned char)b[j] ? -1 : 1;
		i++;
		j++;
	}
	if (i < alen)
		return 1;
	if (j < blen)
		return -1;
	return 0;
}
