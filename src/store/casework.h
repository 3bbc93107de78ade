/*
 * casework.h - what the command line and the web both do to a child's
 * case, written once so the two cannot drift apart: counting caseloads,
 * listing an IRO's children, allocating (a transfer ends the current
 * allocation the day before, in the same transaction) and a practice
 * alert's life (raise, escalate, respond, resolve, withdraw, refer to
 * Cafcass, actions).
 *
 * The writes report what is wrong as problems whose column is the field
 * or option it concerns ("iro", "stage", "done"; "" for the move as a
 * whole), so the CLI prints "--iro ..." and the web puts the message by
 * the box. Each returns -1 only on a database failure (err); otherwise 0,
 * and when p has errors nothing was written.
 */
#ifndef IRO_CASEWORK_H
#define IRO_CASEWORK_H

#include "core/alerts.h"
#include "core/record.h"
#include "core/worklist.h"
#include "store/roster.h"
#include "store/store.h"

/* ---- Caseloads ---------------------------------------------------------- */

struct caseload_iro {
	const struct roster_iro *iro;
	double fte;     /* on the day; 0 when not in post */
	long children;  /* looked after that day, allocated (cover apart) */
	long cover;     /* covered for an absent colleague */
};

struct caseloads {
	struct caseload_iro *v; /* IROs in post, or still holding children,
				 * in roster order */
	size_t n;
	long looked_after, unallocated, allocated;
	double fte;
};

/* Every IRO's caseload on as_of. The caller audits the read first. */
int store_caseloads(struct store *st, const struct roster *ro, int32_t as_of,
		    struct caseloads *out, struct err *err);
void caseloads_free(struct caseloads *c);

struct caseload_child {
	int64_t child;
	char la_child_id[40];
	int32_t since;     /* the allocation's first day */
	int32_t until;     /* its last day, or DATE_NONE */
	char reason[16];   /* new, transfer or cover */
	int32_t next_due;  /* the next review's due date, or DATE_NONE */
};
struct caseload_children {
	struct caseload_child *v;
	size_t n, cap;
};

/* The children looked after on as_of whom IRO `iro` holds, allocated or
 * covering, in the store's order. The caller audits the read first. */
int store_caseload_children(struct store *st, int64_t iro, int32_t as_of,
			    struct caseload_children *out, struct err *err);
void caseload_children_free(struct caseload_children *c);

/* ---- Allocating -------------------------------------------------------- */

struct allocation_in {
	const char *child;    /* the LA child id */
	const char *iro;      /* the IRO's name */
	int32_t from;
	const char *reason;   /* new, transfer or cover; NULL: new for the
			       * first IRO of the period, else transfer */
	const char *to;       /* the last day (ISO), or NULL */
	const char *override; /* a manager's reason for siblings apart */
};

/* Allocates in one transaction; *out (initialised here, cleared by the
 * caller) is the new allocation, with its id once written. */
int store_allocate(struct store *st, const struct allocation_in *in,
		   struct record *out, enum put_outcome *o,
		   struct problems *p, struct err *err);

/* ---- Practice alerts --------------------------------------------------- */

struct alert_case {
	struct record r;
	struct ladder ladder;   /* none (0 stages) for good practice */
	struct alert_view view; /* as recorded */
};

/* Alert `id` with its ladder: 1, 0 when there is none, -1 on error. */
int store_alert_open(struct store *st, int64_t id, struct alert_case *a,
		     struct err *err);
void alert_case_clear(struct alert_case *a);

struct alert_raise_in {
	int32_t date;
	int stage;          /* 1-based; 0: the first (formal: first formal) */
	const char *to;     /* the addressee, or NULL: the stage's */
	const char *themes; /* separated by ";", or NULL */
};

/* Raises alert r (its child, iro, kind, description ... set by the
 * caller; raised is set here). */
int store_alert_raise(struct store *st, struct record *r,
		      const struct alert_raise_in *in, struct problems *p,
		      struct err *err);

struct alert_move_in {
	enum alert_move move;
	int32_t date;
	int stage;          /* escalate: 1-based; 0 the next */
	const char *to, *impact, *response, *outcome;
	const char *action, *owner, *due; /* a new action */
	long done;          /* action: mark action N (from 1) done; 0 none */
};

/* Makes the move on a (opened by store_alert_open), checked against the
 * ladder first (dispute_refusal), and writes the new version. */
int store_alert_move(struct store *st, struct alert_case *a,
		     const struct alert_move_in *m, struct problems *p,
		     struct err *err);

#endif
