/*
 * roles.h - who may do what (spec §1). Each person who signs in has one
 * role; a route or an API call names the capability it needs, and a
 * child's record is shown only to those role_sees_child allows.
 *
 *   IRO          records reviews, visits, alerts; sees own caseload and
 *                the children they cover
 *   IRO manager  allocates, watches caseloads, escalations, overdue work;
 *                sees the whole service
 *   analyst      produces reports; no child's record
 *   administrator users, calendar, ladders, code lists; the audit log
 *   auditor/DPO  the audit log, read only
 *
 * A restricted record (a staff member's relative) is seen only by the
 * users named on it, whatever their role.
 *
 * Pure: no I/O.
 */
#ifndef IRO_ROLES_H
#define IRO_ROLES_H

#include <stdbool.h>
#include <stddef.h>

enum role { ROLE_IRO, ROLE_MANAGER, ROLE_ANALYST, ROLE_ADMIN, ROLE_AUDITOR,
	    ROLE_COUNT };

/* Bits of a set of roles, for route tables. */
#define ROLE_BIT(r) (1u << (r))
#define ROLES_ALL ((1u << ROLE_COUNT) - 1u)

/* "iro", "manager", "analyst", "admin", "auditor": the stored word. */
const char *role_name(enum role r);
/* "IRO", "IRO manager", ...: the words a page shows. */
const char *role_title(enum role r);
/* The role named s (role_name): 0, or -1 when there is none. */
int role_parse(const char *s, enum role *out);

enum capability {
	CAP_WORKLIST,      /* a worklist (own, or the service's) */
	CAP_CHILD_RECORDS, /* child records, subject to role_sees_child */
	CAP_RECORD_WORK,   /* record reviews, visits, recommendations, alerts */
	CAP_ALLOCATE,      /* allocate and reallocate children to IROs */
	CAP_WHOLE_SERVICE, /* every child, every IRO's caseload */
	CAP_REPORTS,       /* the annual and monthly reports */
	CAP_ADMIN,         /* users, calendar, ladders, themes, teams */
	CAP_AUDIT,         /* the audit log */
};

bool role_may(enum role r, enum capability c);

/* What decides whether a user sees one child's record. */
struct child_access {
	bool restricted; /* the child's record is restricted */
	bool named;      /* the user is named on it */
	bool caseload;   /* allocated (or covering) to the user's IRO today */
};

bool role_sees_child(enum role r, const struct child_access *a);

/* A username as iro keeps it: `in` in lower case, 1 to 64 of a-z, 0-9,
 * '.', '_' and '-', into out (size > 64); false when it cannot be one. */
bool username_normalise(const char *in, char *out, size_t size);

#endif
