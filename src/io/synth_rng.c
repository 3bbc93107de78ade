/*
 * synth_rng.c - splitmix64 seeds a xoshiro256** per stream (synth_rng.h).
 */
#include "lib/common.h"
#include "io/synth_rng.h"

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

void rng_seed(struct rng *r, uint64_t seed, uint64_t stream)
{
	uint64_t x = seed;
	uint64_t key = splitmix64(&x);
	x = key ^ (stream * 0xd1b54a32d192ed03ULL + 0x632be59bd9b4e019ULL);
	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix64(&x);
}

uint64_t rng_hash(uint64_t a, uint64_t b)
{
	uint64_t x = a ^ (b * 0x9e3779b97f4a7c15ULL);
	splitmix64(&x);
	return splitmix64(&x);
}

static uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

uint64_t rng_next(struct rng *r)
{
	uint64_t *s = r->s;
	uint64_t result = rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

double rng_unit(struct rng *r)
{
	return (double)(rng_next(r) >> 11) * 0x1.0p-53;
}

uint32_t rng_below(struct rng *r, uint32_t n)
{
	return (uint32_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

int32_t rng_between(struct rng *r, int32_t lo, int32_t hi)
{
	if (hi <= lo)
		return lo;
	return lo + (int32_t)rng_below(r, (uint32_t)(hi - lo) + 1);
}

bool rng_chance(struct rng *r, double p)
{
	return rng_unit(r) < p;
}

size_t rng_weighted(struct rng *r, const unsigned *w, size_t n)
{
	unsigned total = 0;
	for (size_t i = 0; i < n; i++)
		total += w[i];
	unsigned x = rng_below(r, total);
	size_t i = 0;
	for (; i + 1 < n && x >= w[i]; i++)
		x -= w[i];
	return i;
}

const char *rng_pick(struct rng *r, const struct wcode *t, size_t n)
{
	unsigned total = 0;
	for (size_t i = 0; i < n; i++)
		total += t[i].w;
	unsigned x = rng_below(r, total);
	for (size_t i = 0; i < n; i++) {
		if (x < t[i].w)
			return t[i].code;
		x -= t[i].w;
	}
	return t[n - 1].code;
}

int32_t rng_draw(struct rng *r, const struct bucket *b, size_t n)
{
	unsigned total = 0;
	for (size_t i = 0; i < n; i++)
		total += b[i].w;
	unsigned x = rng_below(r, total);
	size_t i = 0;
	for (; i + 1 < n && x >= b[i].w; i++)
		x -= b[i].w;
	return rng_between(r, b[i].lo, b[i].hi);
}
