/*
 * synth_rng.h - the random numbers of `iro synth` (io/synth.h).
 *
 * Every stream is a xoshiro256** generator seeded by splitmix64 from the
 * seed and a stream number, so that each child (and each part of the
 * synthetic service) draws from its own stream: output depends only on the
 * options, never on the order things are made in, a clock or rand().
 */
#ifndef IRO_SYNTH_RNG_H
#define IRO_SYNTH_RNG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Whole years as days, near enough for drawing ages and stays. */
#define Y(n) ((int32_t)((n) * 1461 / 4))

struct rng {
	uint64_t s[4];
};

void rng_seed(struct rng *r, uint64_t seed, uint64_t stream);
uint64_t rng_next(struct rng *r);
/* A well-mixed number made from two others, for choices that must come out
 * the same wherever they are made (a sibling group's family name). */
uint64_t rng_hash(uint64_t a, uint64_t b);
/* A number in [0, 1). */
double rng_unit(struct rng *r);
/* A whole number in [0, n), n >= 1. */
uint32_t rng_below(struct rng *r, uint32_t n);
/* A whole number in [lo, hi] (lo when hi <= lo). */
int32_t rng_between(struct rng *r, int32_t lo, int32_t hi);
bool rng_chance(struct rng *r, double p);

/* A code drawn by weight. */
struct wcode {
	const char *code;
	unsigned w;
};

const char *rng_pick(struct rng *r, const struct wcode *t, size_t n);
#define PICK(r, t) rng_pick((r), (t), ARRAY_LEN(t))

/* A number drawn from weighted ranges, uniform within each. */
struct bucket {
	int32_t lo, hi;
	unsigned w;
};

int32_t rng_draw(struct rng *r, const struct bucket *b, size_t n);
#define DRAW(r, b) rng_draw((r), (b), ARRAY_LEN(b))

/* An index in [0, n) drawn by the weights w[0..n-1]. */
size_t rng_weighted(struct rng *r, const unsigned *w, size_t n);

#endif
