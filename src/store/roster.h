/*
 * roster.h - the service's IROs, by id, for the commands and pages that
 * print names and count caseloads.
 */
#ifndef IRO_ROSTER_H
#define IRO_ROSTER_H

#include <stddef.h>
#include <stdint.h>

#include "core/worklist.h"

struct store;
struct err;

struct roster_iro {
	char name[201];
	char team[201];
	struct wl_iro w; /* w.fte points into fte */
	struct wl_fte *fte;
};

struct roster {
	struct roster_iro *v; /* by id */
	size_t n, cap;
};

int roster_load(struct store *st, struct roster *r, struct err *err);
void roster_free(struct roster *r);
/* The IRO with this id, or NULL. */
const struct roster_iro *roster_find(const struct roster *r, int64_t id);
/* The IRO with this name, or NULL. */
const struct roster_iro *roster_by_name(const struct roster *r,
					const char *name);

#endif
