/*
 * synth_service.h - the records of the synthetic IRO service: service.jsonl
 * beside the SSDA903 return that io/synth.c writes (synth.h).
 *
 * synth.c makes the children; this side makes everything else iro keeps
 * about them, in the JSON Lines format of docs/records.md: the IROs, the
 * children's own details, their episodes again, allocations to IROs,
 * every review (with how it was held), recommendations, consultations,
 * oversight, contacts, advocacy, feedback, quality assurance and practice
 * alerts (with the social work teams and the ladder).
 *
 * It is used in two passes over the children, because allocations depend
 * on the whole authority (who is in post, caseloads, siblings):
 *
 *   svc_new and svc_open; svc_collect for every child (pass 1: the shape
 *   of each child's care, and its episodes); svc_plan (the IROs, families
 *   and every allocation) and svc_begin (the records so far); svc_child
 *   for every child again, made the same way (pass 2: reviews and what
 *   goes with them); svc_close, which finishes the file under its
 *   temporary name (or removes it), and svc_commit, which renames it.
 *
 * Everything drawn at random comes from streams of its own (synth_rng.h),
 * so the SSDA903 files are the same with or without it.
 */
#ifndef IRO_SYNTH_SERVICE_H
#define IRO_SYNTH_SERVICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"
#include "core/period.h"

struct err;
struct synth_options;
struct synth_stats;

#define SVC_FILE "service.jsonl"

/* One SSDA903 episode as written to episodes.csv ("" for a blank cell). */
struct synth_episode {
	int32_t decom, dec;
	char rne;
	const char *ls, *cin, *place, *prov, *rec, *reason, *home, *pl, *urn;
};

/* Where synth.c meant a child's last period of care to lead; earlier
 * periods (a child who came back) led home. */
enum synth_route {
	ROUTE_HOME,
	ROUTE_ADOPTION,
	ROUTE_SGO,
	ROUTE_CAO,
	ROUTE_TO_18,   /* looked after to 18 */
	ROUTE_TEEN,    /* teenagers' other exits */
	ROUTE_REMAND,
	ROUTE_UASC,
	ROUTE_SHORT_BREAKS,
};

/* A child as synth.c made it and wrote it to the SSDA903 files. */
struct synth_child {
	long index;         /* its place in header.csv, from 0 */
	const char *id;     /* CHILD */
	int32_t dob;
	bool male, uasc, short_breaks;
	const char *ethnic, *upn;
	int mother;         /* MOTHER: -1 blank, 0 or 1 */
	int32_t mc_dob;     /* MC_DOB, or DATE_NONE */
	int32_t uasc_ceased; /* DUC, or DATE_NONE */
	enum synth_route route;
	const struct synth_episode *eps; /* by DECOM */
	size_t neps;
	const struct period *per; /* period_build of the episodes */
	size_t nper;
	const int32_t *held; /* reviews.csv: dates, ascending */
	const char *const *pn; /* and their REVIEW_CODEs */
	size_t nheld;
};

struct svc;

/* NULL when memory runs out. The options, calendar and stats must outlive
 * the struct svc; stats are added to as records are written. */
struct svc *svc_new(const struct synth_options *o, const struct calendar *cal,
		    struct synth_stats *st);
void svc_free(struct svc *s);

/* Opens the temporary files in dir. */
int svc_open(struct svc *s, const char *dir, struct err *e);

/* Pass 1. Returns 0, or -1 with a message. */
int svc_collect(struct svc *s, const struct synth_child *c, struct err *e);

/* Between the passes: the IROs, families and allocations; then the
 * records up to the reviews. */
int svc_plan(struct svc *s, struct err *e);
int svc_begin(struct svc *s, struct err *e);

/* Pass 2: the child's records (the same children, in the same order). */
int svc_child(struct svc *s, const struct synth_child *c, struct err *e);

/* Finishes the file when rc is 0 (else, or on failure, removes it) and
 * returns the outcome. */
int svc_close(struct svc *s, int rc, struct err *e);

/* Renames the finished file into place; on rc != 0, removes it. */
int svc_commit(struct svc *s, int rc, struct err *e);

#endif
