/*
 * ladder.h - a local dispute-resolution ladder (spec §3; domain-rules §5).
 *
 * IRO Handbook 6.2: the local dispute resolution process "will involve
 * escalating the matter in dispute through a number of levels of seniority
 * within the department with identified timescales for a response at each
 * stage. The IRO may bypass any stage ... The formal dispute resolution
 * process within each local authority should have timescales in total of
 * no more than 20 working days."
 *
 * A ladder is its stages, lowest first, each with whom it is addressed to,
 * the working days allowed for a response and whether it is part of the
 * formal process, and the ceiling on the whole. Cafcass is not a stage: the
 * IRO may refer to Cafcass at any point (Handbook ch. 6, "at any point in
 * the dispute resolution process"), so a referral ends the ladder from
 * wherever the alert stands (dispute.h).
 *
 * The presets are the ladders of spec §3. Where a seed report names the
 * stages but not their timescales (Buckinghamshire, Manchester) each stage
 * has 5 working days, so the whole fits the 20-day ceiling; an authority
 * sets its own with `iro ladder set`.
 *
 * Pure: no I/O.
 */
#ifndef IRO_LADDER_H
#define IRO_LADDER_H

#include <stdbool.h>
#include <stddef.h>

#define LADDER_MAX_STAGES 8
#define LADDER_CEILING_WD 20 /* IRO Handbook 6.2 */

struct ladder_stage {
	char name[48];      /* "informal alert", "stage 1" */
	char addressee[48]; /* the role it goes to: "team manager" */
	int response_wd;    /* working days allowed for a response */
	bool formal;        /* part of the formal process */
};

struct ladder {
	char key[32];       /* "cheshire_east" */
	char name[80];
	int ceiling_wd;     /* the whole process: 20 working days */
	struct ladder_stage stages[LADDER_MAX_STAGES];
	size_t nstages;
};

/* The presets of spec §3, and how many there are. */
extern const struct ladder LADDER_PRESETS[];
extern const size_t LADDER_NPRESETS;

/* The preset with this key, or NULL. */
const struct ladder *ladder_preset(const char *key);

/* The ladder an authority starts with: the generic 4-stage one. */
#define LADDER_DEFAULT "generic"

/* The first formal stage's index, or nstages when none is formal. */
size_t ladder_first_formal(const struct ladder *l);

/* NULL when l is a ladder iro can run (1 to LADDER_MAX_STAGES stages, each
 * named with a response time of 1 to 60 working days, informal stages
 * before formal ones, a ceiling of 1 to 120 working days), else why not. */
const char *ladder_check(const struct ladder *l);

#endif
