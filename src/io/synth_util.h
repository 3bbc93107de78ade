/*
 * synth_util.h - the small helpers every part of `iro synth` uses.
 */
#ifndef IRO_SYNTH_UTIL_H
#define IRO_SYNTH_UTIL_H

#include <stdint.h>

/* One of a table's entries, chosen by a number (a hash or a draw). */
#define ONE_OF(a, h) ((a)[(h) % ARRAY_LEN(a)])

static inline int32_t min32(int32_t a, int32_t b)
{
	return a < b ? a : b;
}

static inline int32_t max32(int32_t a, int32_t b)
{
	return a > b ? a : b;
}

#endif
