/*
 * synth.h - a synthetic local authority, written as an SSDA903 return and
 * as the records of its IRO service.
 *
 * synth_write makes N fictional children looked after by an English local
 * authority and writes them to DIR as header.csv, episodes.csv,
 * reviews.csv and uasc.csv, in the SSDA903 layouts of S903_TABLES (dates
 * DD/MM/YYYY, LF line endings, a header row first), and writes
 * service.jsonl beside them: everything iro keeps about the same children
 * in the JSON Lines format of docs/records.md, which `iro load` reads - the
 * IROs (posts, leavers, part-time, absences), the children's details,
 * their episodes, allocations to IROs (new, transfer, cover; siblings
 * together; a looked-after mother and her baby apart), every review of
 * reviews.csv as held (who chaired, how, the plan, the minutes, the status
 * history), and around the reviews of the last years recommendations,
 * consultations, oversight, contacts, advocacy, feedback, quality
 * assurance and practice alerts, with the social work teams and the
 * ladder they climb (io/synth_service.h). It is what the demo, the tests and the
 * benchmarks import.
 *
 * The data run up to 31 March of the collection year: nothing is dated
 * after it - but for the next review booked for a child looked after that
 * day, up to 4 months ahead - and episodes still open that day have blank
 * DEC and REC. Periods of care that ended in the `history` years before
 * then, or are open on that day, are made with their whole episode
 * history, so every period starts with RNE = S in the files. Episodes
 * chain as SSDA903 requires (the importer warns of nothing), and reviews
 * follow the real schedule (core/schedule.h): most held a little before
 * they are due, some late, some extra after a placement move.
 *
 * Output depends only on the options: the same options give byte-identical
 * files (each child has its own streams of a seeded xoshiro256**
 * generator, io/synth_rng.h; no clock, no rand()). The return is the same
 * with or without service.jsonl: the service draws from streams of its
 * own.
 */
#ifndef IRO_SYNTH_H
#define IRO_SYNTH_H

#include <stdbool.h>
#include <stdint.h>

struct err;

#define SYNTH_MAX_CHILDREN 2000000L
#define SYNTH_MAX_HISTORY 20

struct synth_options {
	long children;  /* children in header.csv, 1..SYNTH_MAX_CHILDREN */
	uint64_t seed;
	int year;       /* the collection year's first year: 2024 for 2024-25 */
	int history;    /* years of events before its end, 1..SYNTH_MAX_HISTORY */
	bool force;     /* replace the files if DIR already holds them */
};

/* What was written. */
struct synth_stats {
	long children, episodes, reviews, uasc;
	long looked_after;  /* on the year's last day, short breaks apart */
	long short_breaks;  /* children who only have short breaks (V3/V4) */
	long reentries;     /* other children with more than one period */
	int32_t first_event; /* the earliest DECOM written */
	/* service.jsonl: records of each kind */
	long iros, allocations, service_reviews, recommendations,
		consultations, oversight, contacts, advocacy, feedback, qa,
		alerts;
	long sibling_groups, parent_links;
};

/* Writes the return and service.jsonl to dir (made, with its parents, if
 * missing). Refuses, unless o->force, when dir already holds any of the
 * five files (names matched ignoring case, as the importer matches them).
 * The files are written under temporary names and renamed at the end, so
 * a failure leaves no half-written return. Returns 0, or -1 with a
 * message in e. */
int synth_write(const char *dir, const struct synth_options *o,
		struct synth_stats *st, struct err *e);

#endif
