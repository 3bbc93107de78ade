/*
 * route.h - the web's routes: each page file declares its own table of
 * (method, path pattern, roles, flags, handler), and route.c lists the
 * tables. A pattern's {name} segments match one path segment each and
 * reach the handler as req->args.
 *
 * Before a handler runs, route.c has checked: that someone is signed in
 * (unless ROUTE_PUBLIC), that their role is one of `roles`, and for every
 * POST, PUT, PATCH and DELETE that the request carries the session's CSRF
 * token (the form field "csrf", or the X-CSRF-Token header). A handler
 * checks what depends on the record (core/roles.h role_sees_child, by
 * web_child_visible).
 */
#ifndef IRO_WEB_ROUTE_H
#define IRO_WEB_ROUTE_H

#include "core/roles.h"
#include "web/req.h"

enum {
	ROUTE_PUBLIC = 1u << 0, /* no sign-in needed */
	ROUTE_API = 1u << 1,    /* JSON errors, 401 not a redirect */
};

struct route {
	const char *method;  /* "GET", "POST", ... */
	const char *pattern; /* "/children/{id}" */
	unsigned roles;      /* ROLE_BIT()s that may use it */
	unsigned flags;
	int (*fn)(struct req *r);
};

/* Each page file's table, ended by an entry with a NULL method. */
extern const struct route WEB_ROUTES_SIGNIN[], WEB_ROUTES_WORKLIST[],
	WEB_ROUTES_CHILD[], WEB_ROUTES_REVIEW[], WEB_ROUTES_CASELOAD[],
	WEB_ROUTES_ALERTS[], WEB_ROUTES_REPORTS[], WEB_ROUTES_ADMIN[],
	WEB_ROUTES_AUDIT[], WEB_ROUTES_API[], WEB_ROUTES_ASSETS[];

/* Routes the request, checks it, calls the handler and fills the
 * response (req.h). */
void web_route(struct req *r);

/* True when the signed-in user may see child `child` today (roles.h);
 * every refusal and every failure answers 404 on r, so that a child's
 * existence is not given away, and returns false. */
bool web_child_visible(struct req *r, int64_t child);
/* The same check, then the child's LA id into la (404 when there is no
 * such child): true when the page may go on. */
bool web_child_la(struct req *r, int64_t child, char *la, size_t size);

#endif
