/*
 * synth_svc.h - what the parts of the synthetic service share: the state
 * built in pass 1 and by svc_plan (synth_staff.c), read in pass 2 by the
 * record writers (synth_service.c, synth_reviews.c). Internal to them.
 */
#ifndef IRO_SYNTH_SVC_H
#define IRO_SYNTH_SVC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/calendar.h"
#include "io/synth_json.h"
#include "io/synth_rng.h"
#include "io/synth_service.h"

/* Streams of synth_rng.h. The SSDA903 children use 0 .. children - 1. */
#define STREAM_KID_PLAN (UINT64_C(1) << 40)    /* + child: pass 1 */
#define STREAM_KID_RECORDS (UINT64_C(2) << 40) /* + child: pass 2 */
#define STREAM_SERVICE (UINT64_C(3) << 40)     /* + enum service_stream */
#define STREAM_KID_ALERTS (UINT64_C(4) << 40)  /* + child: its alerts */

enum service_stream {
	SS_ROSTER,
	SS_FAMILIES,
	SS_ALLOCATION,
	SS_COVER,
	SS_QA,
};

enum kid_flag {
	KID_UASC = 1 << 0,
	KID_SHORT_BREAKS = 1 << 1,
	KID_DISABLED = 1 << 2, /* category of need N2 */
	KID_BABY = 1 << 3,     /* link is the child's looked-after mother */
	KID_MOTHER = 1 << 4,   /* link is the mother's looked-after baby */
	KID_MALE = 1 << 5,
};

struct svc_kid {
	int32_t dob;
	int32_t mc_dob;  /* DATE_NONE unless MOTHER = 1 */
	int32_t uasc_ceased;
	uint32_t per;    /* its periods: svc.per[per .. per + nper) */
	uint32_t nper;
	int32_t group;   /* sibling group, or -1 */
	int32_t link;    /* the mother or baby (kid_flag says which), or -1 */
	uint8_t flags;
	int8_t mother;   /* MOTHER: -1 blank, 0, 1 */
	uint8_t team;    /* social work team */
	char ethnic[5];
	char upn[14];
};

struct svc_per {
	int32_t start, end; /* end: DATE_NONE while open */
	int32_t alloc;      /* the day the first IRO is allocated, or
			     * DATE_NONE: none by the year's end */
	uint32_t kid;
};

struct svc_absence {
	int32_t from, to; /* to: DATE_NONE, still away at the year's end */
	const char *reason;
};

struct svc_iro {
	int32_t start, end; /* end: DATE_NONE while in post */
	int slot;           /* the post, held by one IRO after another */
	int team;
	const char *fte;    /* "1.0", "0.8", "0.6" */
	int32_t fte_from2;  /* a change of FTE, or DATE_NONE */
	const char *fte2;
	double fte_n, fte2_n; /* the same as numbers */
	double capacity;    /* children per FTE, relative to the average */
	uint32_t abs, nabs; /* svc.abs[abs .. abs + nabs), by date */
	char name[40];
};

enum alloc_reason { AR_NEW, AR_TRANSFER, AR_COVER };

struct svc_alloc {
	uint32_t kid, iro;
	int32_t start, end; /* end: DATE_NONE while open */
	uint8_t reason;
	bool override;
};

/* The kinds of record made child by child, in the order of
 * docs/records.md (quality assurance, made at the end, comes between
 * feedback and alerts). Episodes (made in pass 1) and the kinds after
 * reviews go to a temporary file each until their turn; the others are
 * written to service.jsonl as they are made. */
enum out_kind {
	OUT_CHILD,
	OUT_EPISODE,
	OUT_ALLOCATION,
	OUT_REVIEW,
	OUT_RECOMMENDATION,
	OUT_CONSULTATION,
	OUT_OVERSIGHT,
	OUT_CONTACT,
	OUT_ADVOCACY,
	OUT_FEEDBACK,
	OUT_ALERT,
	OUT_COUNT
};

struct svc {
	const struct synth_options *o;
	const struct calendar *cal;
	struct synth_stats *st;
	int32_t year_end;   /* 31 March of the collection year */
	int32_t win_start;  /* the first day of the history window */
	int32_t recent3;    /* the last three collection years start */
	int32_t recent2;    /* the last two */
	int32_t horizon;    /* reviews may be scheduled up to this day */
	char authority[64];

	struct svc_kid *kid;
	size_t nkid, ckid;
	struct svc_per *per;
	size_t nper, cper;
	struct svc_iro *iro; /* by start: an IRO's id is its index + 1 */
	size_t niro, ciro;
	struct svc_absence *abs;
	size_t nabs, cabs;
	struct svc_alloc *alloc; /* by child, then start, cover last */
	size_t nalloc, calloc;
	size_t *kid_alloc; /* child i: alloc[kid_alloc[i] .. kid_alloc[i+1]) */
	int nteams;
	long ngroups;
	bool *group_override; /* siblings given different IROs */
	uint32_t *members;    /* group g's children: members[group_first[g] */
	size_t *group_first;  /* .. group_first[g + 1]) */

	/* pass 2 */
	struct review_scratch *rs; /* synth_reviews.c */
	char *path, *tmp;     /* service.jsonl and its temporary name */
	FILE *f;
	FILE *out[OUT_COUNT];
	/* stdio's buffers: big, to write less often */
	char *iobuf[OUT_COUNT + 1];
	long next_id[OUT_COUNT];
	struct jline j;
};

/* Something to sort by key (ties by i): qsort has no context argument, so
 * the key goes with the index. */
struct keyed {
	int64_t key;
	uint32_t i;
};
void svc_sort(struct keyed *k, size_t n);
/* A date as a key that sorts after `hi` (the high 32 bits). */
#define KEY2(hi, date)                                                      \
	(((int64_t)(hi) << 32) + ((int64_t)(date) + INT64_C(0x80000000)))

/* An IRO team's name. */
const char *svc_team_name(const struct svc *s, int team);
/* A social work team's name (svc_kid.team), or NULL past the last. */
const char *svc_sw_team(int team);

/* The IRO's FTE on `day`, as a number. */
double svc_fte_on(const struct svc_iro *iro, int32_t day);
bool svc_in_post(const struct svc_iro *iro, int32_t day);
/* True when the IRO is away on any day of [from, to] (to: DATE_NONE,
 * open). */
bool svc_absent(const struct svc *s, const struct svc_iro *iro, int32_t from,
		int32_t to);

/* The IRO allocated to child k on `day` - the covering IRO if there is a
 * cover - or -1 when none is. */
int svc_iro_on(const struct svc *s, uint32_t k, int32_t day);
/* An IRO in post and not away on `day`, chosen by `hint` (for the odd day
 * a child has none allocated), or -1. */
int svc_anyone_on(const struct svc *s, int32_t day, uint64_t hint);

void svc_reviews_free(struct review_scratch *rs);

/* Days of [from, to] child c is looked after (short breaks apart); when
 * pick is in [0, that number), the day it counts to goes to *picked. */
int32_t svc_days_in_care(const struct synth_child *c, int32_t from,
			 int32_t to, int32_t pick, int32_t *picked);

/* The records of one child (synth_reviews.c): its reviews and what goes
 * with them. */
int svc_write_reviews(struct svc *s, const struct synth_child *c,
		      struct rng *r, const char *sw_name);

/* The id svc_write_reviews gave review i of c->held, for the child it
 * was last called for. */
long svc_review_id(const struct svc *s, size_t i);

/* The records alerts need before the IROs (synth_alerts.c): the setting
 * naming the ladder, the social work teams and the ladder. */
int svc_write_alert_lists(struct svc *s);
/* A child's practice alerts (synth_alerts.c), after svc_write_reviews. */
int svc_write_alerts(struct svc *s, const struct synth_child *c);

/* Writes the line in s->j to the kind's file. */
int svc_emit(struct svc *s, enum out_kind k);
/* Writes the line in s->j to service.jsonl itself (the kinds made before
 * the children). */
int svc_emit_direct(struct svc *s);
/* The next id of a kind (1, 2, ...). */
long svc_take_id(struct svc *s, enum out_kind k);

#endif
