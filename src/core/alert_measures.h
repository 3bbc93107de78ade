/*
 * alert_measures.h - what the reports count of practice alerts and
 * disputes (spec §4 "Disputes and alerts"; seed-tables M51-M57): each
 * alert's facts on a date, the groupings the seed reports print, and
 * the counts of alerts by one or two of them.
 *
 * The facts of one alert (alert_facts_of), on as_of, from its view as it
 * stood then (alerts.h, alert_view_as_of):
 *
 *  - reached: the highest stage it entered (M55 "highest stage reached").
 *  - resolved_at: for a resolved alert, the stage it was at when resolved,
 *    the last it entered (M55, BUCKS-F9 "stage at which resolutions were
 *    resolved").
 *  - The clock (dispute.h): working days from raised to closed (M56's
 *    time to resolve), within the ceiling or not (M57 "within 20 working
 *    days overall"), the state on as_of; past_deadline when open with its
 *    stage overdue or the ceiling passed (M57 "open past their deadline at
 *    D").
 *  - escalated_late: escalations made after the stage before was due
 *    without a response by its due date (M57 "alerts escalated because a
 *    stage deadline passed"; CHESH-T2 "did not reach a satisfactory
 *    outcome within the agreed timescales").
 *  - in_stage_time: closed, and every stage it entered was answered,
 *    escalated from or closed on or before its due date (M57 "within each
 *    stage's response time").
 *
 * Groupings (enum alert_dim; the words are those of --by): an alert is
 * counted once under each key it has, so themes (several per alert) can
 * add up to more than the alerts; an alert with no key under a grouping
 * (a good-practice alert has no stage) is not counted in it. Rows that
 * would otherwise be missing are kept: "no team recorded", "no theme
 * recorded" (BUCKS-T17, BUCKS-T18), and the caller may add the listed
 * teams and themes with no alerts (alert_counts_ensure).
 *
 * Pure: no I/O.
 */
#ifndef IRO_ALERT_MEASURES_H
#define IRO_ALERT_MEASURES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/alerts.h"

struct record;

struct alert_facts {
	struct alert_clock clock;
	int reached;        /* ladder index, -1 when no stage */
	int resolved_at;    /* ladder index, -1 unless resolved at a stage */
	int escalated_late; /* how many escalations followed a missed due */
	bool in_stage_time;
	bool past_deadline;
	int calendar_days;  /* raised to closed, -1 while open */
};

void alert_facts_of(const struct calendar *cal, const struct alert_view *v,
		    int32_t as_of, struct alert_facts *f);

/* One alert as the measures read it: its record, its view on as_of and
 * the facts. */
struct alert_item {
	const struct record *rec;
	struct alert_view view;
	struct alert_facts facts;
};

enum alert_dim {
	DIM_KIND,       /* good practice, informal, formal (M51) */
	DIM_STATUS,     /* open, resolved, withdrawn, referred to Cafcass */
	DIM_MONTH,      /* of the raised date, "2021-04" (M52) */
	DIM_QUARTER,    /* "2021-22 Q1" (April to June) */
	DIM_YEAR,       /* reporting year, "2021-22" */
	DIM_TEAM,       /* social work team (M53) */
	DIM_THEME,      /* each theme (M54) */
	DIM_IRO,        /* who raised it */
	DIM_REACHED,    /* highest stage (M55) */
	DIM_RESOLVED,   /* stage resolved at; Cafcass; withdrawn; open (M55) */
	DIM_ENTERED,    /* every stage entered (in the window) (M55) */
	DIM_BAND,       /* working days to close: <= 5 ... > 20 (M56) */
	DIM_WEEKS,      /* calendar weeks to close (M56, BUCKS-F8) */
	DIM_CEILING,    /* closed within the ceiling or not (M57) */
	DIM_STATE,      /* on as_of: on time, stage overdue, ... (M57) */
	DIM_ESCALATION, /* escalated after a missed due, in time, not (M57) */
	DIM_COUNT
};

/* "kind", "month", ... as --by takes them; dim_parse gives -1 for an
 * unknown word. */
const char *alert_dim_name(enum alert_dim d);
int alert_dim_parse(const char *word);

#define ALERT_KEY_LEN 120
#define ALERT_MAX_KEYS 16 /* more than any alert has under one dim */

struct alert_key {
	char text[ALERT_KEY_LEN];
	long order; /* rows sort by order, then text */
};

/* The keys alert a has under d, at most cap; `l` is its ladder (stage
 * names, for alerts whose stages do not carry them), from..to the window
 * for DIM_ENTERED (DATE_NONE: open-ended). */
size_t alert_keys(enum alert_dim d, const struct alert_item *a,
		  const struct ladder *l, int32_t from, int32_t to,
		  struct alert_key *out, size_t cap);

/* Which alerts a list is about. Unset members (NULL, 0, DATE_NONE,
 * false) do not filter. */
struct alert_filter {
	int32_t from, to;   /* raised in [from, to]; for --by entered, a
			     * stage entered in it */
	bool by_entry;      /* the window applies to stage entries */
	const char *kind;   /* a kind's code, or "dispute" (informal or
			     * formal: the seeds' "resolutions") */
	const char *status, *team, *theme, *iro, *child;
	int reached;        /* reached at least this stage (1-based) */
	int resolved_at;    /* resolved at this stage (1-based) */
	bool past_deadline;
	bool escalated_late;
};

bool alert_matches(const struct alert_filter *f, const struct alert_item *a);

/* Counts of alerts by one or two groupings. */
struct alert_count {
	struct alert_key key[2];
	long alerts;
};

struct alert_counts {
	enum alert_dim dim[2];
	size_t ndims;          /* 1 or 2 */
	struct alert_count *v;
	size_t n, cap;
	long total;            /* alerts with at least one key */
};

void alert_counts_init(struct alert_counts *c, const enum alert_dim *dims,
		       size_t ndims);
void alert_counts_free(struct alert_counts *c);

/* Adds a row for `text` under the first grouping (a listed team or theme
 * with no alerts) if there is none; -1 when out of memory. */
int alert_counts_ensure(struct alert_counts *c, const char *text,
			long order);

/* Counts alert a under every key (pair) it has; -1 when out of memory. */
int alert_counts_add(struct alert_counts *c, const struct alert_item *a,
		     const struct ladder *l, int32_t from, int32_t to);

/* Sorts the rows by their keys' order, then text. */
void alert_counts_sort(struct alert_counts *c);

#endif
