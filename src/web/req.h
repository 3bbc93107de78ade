/*
 * req.h - one HTTP request and the response made to it, as the pages see
 * them. server.c fills the request from libmicrohttpd and sends the
 * response; route.c checks who is asking and calls the page. A request
 * owns everything in it; req_free releases it.
 */
#ifndef IRO_WEB_REQ_H
#define IRO_WEB_REQ_H

#include <stdbool.h>
#include <stdint.h>

#include "lib/buf.h"
#include "store/store.h"

struct web;

/* Decoded name=value pairs (a query string or a form), in order. */
struct kv {
	char *key, *value;
};
struct kvs {
	struct kv *v;
	size_t n, cap;
};

/* The first value of key, or NULL. */
const char *kvs_get(const struct kvs *k, const char *key);
/* Every value of key (a group of checkboxes), in order, joined by `sep`
 * into out (cut to size). */
void kvs_join(const struct kvs *k, const char *key, char sep, char *out,
	      size_t size);
/* Parses application/x-www-form-urlencoded text: -1 on bad encoding
 * (a broken %XX or text that is not UTF-8) or when memory runs out. */
int kvs_parse(struct kvs *k, const char *text, size_t len);
int kvs_add(struct kvs *k, const char *key, const char *value);
void kvs_free(struct kvs *k);

#define REQ_MAX_ARGS 4
#define REQ_BODY_MAX (1u << 20)  /* forms and API bodies: 1 MiB */
#define REQ_PAGE_MAX (64u << 20) /* a page or download: 64 MiB */

struct req {
	struct web *app;
	/* The request. */
	char method[8];
	char path[512];         /* without the query string */
	struct kvs query;
	struct kvs form;        /* a urlencoded POST body */
	struct buf body;        /* the raw body (JSON for the API) */
	bool body_too_large;
	char content_type[128];
	char session_cookie[64];
	char presession_cookie[64]; /* the sign-in form's CSRF cookie */
	char csrf_header[64];   /* X-CSRF-Token, for the API */
	char client[64];        /* the peer's address, for throttling only */
	bool tls;
	/* The route's {name} segments, in order. */
	char args[REQ_MAX_ARGS][64];
	size_t nargs;
	const char *route;      /* the route's pattern, for the log */

	/* Who is asking. */
	bool signed_in;
	struct app_user user;
	char session[64];       /* the session token (cookie value) */
	char csrf[64];          /* the session's CSRF token */
	struct store *st;       /* this thread's connection */
	int32_t today;

	/* The response. */
	int status;
	struct buf out;
	const char *content_type_out;
	char location[600];
	char set_cookie[200];
	char disposition[200];
	const char *csp;        /* NULL: the default policy */
	bool immutable;         /* a versioned asset: cache for a year */
};

void req_init(struct req *r, struct web *app);
void req_free(struct req *r);

/* The route's argument i as a record id (> 0), or 0 when it is not one. */
int64_t req_arg_id(const struct req *r, size_t i);
/* A query or form value, or "" when absent. */
const char *req_query(const struct req *r, const char *key);
const char *req_form(const struct req *r, const char *key);

/* Responses. Each returns 0 so a page can `return web_redirect(...)`. */
int web_redirect(struct req *r, const char *location);
/* A plain page saying what went wrong, with no detail of the records:
 * 400, 403, 404, 413, 429, 500. */
int web_error(struct req *r, int status, const char *message);
/* The JSON form of the same, for the API. */
int web_json_error(struct req *r, int status, const char *message);

#endif
