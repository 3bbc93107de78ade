/*
 * period.h - SSDA903 episodes and the periods of care they make.
 *
 * A period of care starts with an episode whose RNE is S and runs through
 * episodes chained by REC = X1 (the episode ceases and a new one begins the
 * same day) until an episode ends with any other REC (spec §2, §3;
 * domain-rules §1.5, §3.3).
 *
 * Pure: the caller passes a child's episodes, sorted by start date, and
 * gets the periods back in the caller's array.
 */
#ifndef IRO_PERIOD_H
#define IRO_PERIOD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One SSDA903 episode, with only the fields the clocks read. */
struct episode {
	int32_t decom;  /* DECOM: date the episode began */
	int32_t dec;    /* DEC: date it ceased; DATE_NONE while open */
	char rne;       /* RNE: 'S', 'L', 'P', 'T', 'U', 'B'; 0 if blank */
	char ls[3];     /* LS legal status, e.g. "C2" */
	char place[4];  /* PLACE placement type, e.g. "U4" */
	char rec[4];    /* REC reason ceased, e.g. "X1"; "" while open */
};

/* How a period's episodes were chained, when they were not as SSDA903
 * requires. The period is still built (a child is looked after on these
 * days), and the importer reports the anomaly. */
enum period_anomaly {
	PERIOD_OK = 0,
	/* The first episode of the period is not RNE = S and does not follow
	 * an X1 episode (validator rules 357 and 432). */
	PERIOD_NO_START = 1 << 0,
	/* An X1 episode is not followed by one that starts the same day
	 * (rule 388). X1 does not end a period, so it runs on into the next
	 * episode (unless that is a new start), or ends with the X1 episode's
	 * DEC if there is no next one. */
	PERIOD_BROKEN_CHAIN = 1 << 1,
	/* An RNE = S episode starts on the day the previous one ended with X1
	 * (rule 431); it starts a new period. */
	PERIOD_S_AFTER_X1 = 1 << 2,
	/* An episode starts before the previous one ended (rule 501). */
	PERIOD_OVERLAP = 1 << 3,
};

struct period {
	int32_t start;  /* first day looked after (DECOM of the first episode) */
	/* DEC of the last episode: the day the period ended, DATE_NONE while
	 * open. A review on `end` belongs to the period (both dates inclusive,
	 * spec §3), but the child is no longer looked after on `end` (§4). */
	int32_t end;
	size_t first;   /* index of its first episode in the caller's array */
	size_t count;   /* number of episodes */
	/* Every episode is V3 or V4: a series of short breaks (reg 48). */
	bool short_break;
	/* First day of the first episode with LS = E1 (authority to place for
	 * adoption), and of the first with PLACE A3-A6 (placed for adoption);
	 * DATE_NONE when there is none (spec §3, AAR 2005 reg 36). */
	int32_t authority_date;
	int32_t placed_date;
	unsigned anomalies; /* enum period_anomaly bits */
};

/* Builds the periods of `n` episodes sorted by decom into `out`, which must
 * have room for n periods. Returns the number of periods. */
size_t period_build(const struct episode *eps, size_t n, struct period *out);

/* The period whose start and end (both inclusive) contain `date`, or -1.
 * If two periods share the day (one ends as the next starts, which valid
 * data never has), the later one. */
int period_containing(const struct period *p, size_t n, int32_t date);

/* True when the child is looked after on `date` in period p: it started on
 * or before `date` and had not ended by it; a period ending on `date` has
 * ended (spec §4). */
bool period_open_on(const struct period *p, int32_t date);

/* The period the child is looked after in on `date`, or -1. */
int period_open_index(const struct period *p, size_t n, int32_t date);

#endif
