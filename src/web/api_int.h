/*
 * api_int.h - what the JSON API's files (api.c, api_records.c) share.
 * docs/api.md is the reference for users.
 */
#ifndef IRO_WEB_API_INT_H
#define IRO_WEB_API_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "web/route.h"

struct err;

/* Starts a JSON response with this status (the body is reset). */
void api_begin(struct req *r, int status);

/* Records: who may use a kind and see a record (api_records.c). */
struct kind;
struct record;

/* The reference kinds: settings, calendar, IROs, themes, teams, ladders,
 * postcodes. */
bool api_is_reference(const struct kind *k);
/* The kind the route's first argument names, or NULL with the answer
 * given (404 no such kind, 403 the role may not read / write it). */
const struct kind *api_kind_allowed(struct req *r, bool write);

enum { CHILD_NONE = 0, CHILD_MISSING = -2 };
/* The store's id of the child a record is tied to (> 0), CHILD_NONE when
 * none, CHILD_MISSING when it names a child or review not in the store,
 * -1 on error. */
int64_t api_child_of(struct store *st, const struct record *rec,
		     struct err *e);

/* Answers from a listing's earlier look-ups, so a page of a child's
 * reviews asks the store about the child once. */
struct seen {
	int64_t child;
	bool visible;
};
struct sees {
	struct seen *v;
	size_t n, cap;
};
/* Whether the user may see records tied to `child` today (cache may be
 * NULL): 1 yes, 0 no, -1 error. */
int api_sees_child(struct req *r, struct sees *cache, int64_t child,
		   struct err *e);
/* The record the address names, if the user may see it: 1, or 0 with the
 * answer given (404, 500); *child is its child. */
int api_load_visible(struct req *r, const struct kind *k, struct record *out,
		     int64_t *child);

/* The records routes (api_records.c). */
int api_records_list(struct req *r);
int api_records_get(struct req *r);
int api_records_history(struct req *r);
int api_records_post(struct req *r);
int api_records_put(struct req *r);

#endif
