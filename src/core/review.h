/*
 * review.h - a review's own rules and its status history (review.c).
 */
#ifndef IRO_REVIEW_H
#define IRO_REVIEW_H

#include <stdbool.h>

#include "core/problem.h"

struct record;

/* held, stood down and cancelled end a review; nothing follows them. */
bool review_status_final(const char *status);

/* The rules a review obeys on its own (KIND_REVIEW's check). */
void review_check(const struct record *r, struct problems *p);

/*
 * A review given without its history (a bulk load from another system)
 * gets one made from its fields: scheduled on `original`, rearranged to
 * `scheduled` if that differs, then its status. Entries given without
 * `at` or `by` get these. Returns -1 when memory runs out.
 */
int review_fill_history(struct record *r, const char *at, const char *by);

#endif
