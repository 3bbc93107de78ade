/*
 * synth_util.h - the small helpers every part of `iro synth` uses.
 */
#ifndef IRO_SYNTH_UTIL_H
#define IRO_SYNTH_UTIL_H

#include <stdint.h>

/* The synthetic geography: postcodes "XA12 3BC" whose second letter is
 * the area, A-D (SYNTH_LOCAL_AREAS) the authority's own, each with
 * districts 1 to SYNTH_LOCAL_DISTRICTS, and each letter of
 * SYNTH_OTHER_AREAS another authority with districts 1 to
 * SYNTH_OTHER_DISTRICTS. The service writes a postcode table of the
 * districts (synth_service.c). */
#define SYNTH_LOCAL_AREAS 4
#define SYNTH_LOCAL_DISTRICTS 20
#define SYNTH_OTHER_AREAS "EFGHJKLMNPRSTUWY"
#define SYNTH_OTHER_DISTRICTS 40

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
