/*
 * route.c - finding a request's route and checking who may use it
 * (route.h). Every check here runs before any page code does.
 */
#include "lib/common.h"
#include <sodium.h>
#include "lib/err.h"
#include "core/record.h"
#include "web/html.h"
#include "web/route.h"
#include "web/web_int.h"

static const struct route *const TABLES[] = {
	WEB_ROUTES_ASSETS, WEB_ROUTES_SIGNIN,	WEB_ROUTES_WORKLIST,
	WEB_ROUTES_CHILD,  WEB_ROUTES_REVIEW,	WEB_ROUTES_CASELOAD,
	WEB_ROUTES_ALERTS, WEB_ROUTES_REPORTS, WEB_ROUTES_ADMIN,
	WEB_ROUTES_AUDIT,  WEB_ROUTES_API,
};

/* Matches path against pattern, filling r->args: true on a match. */
static bool match(struct req *r, const char *pattern, const char *path)
{
	size_t nargs = 0;
	while (*pattern && *path) {
		if (*pattern == '{') {
			const char *close = strchr(pattern, '}');
			size_t n = strcspn(path, "/");
			if (!close || n == 0 || n >= sizeof r->args[0] ||
			    nargs >= REQ_MAX_ARGS)
				return false;
			memcpy(r->args[nargs], path, n);
			r->args[nargs++][n] = '\0';
			pattern = close + 1;
			path += n;
			continue;
		}
		if (*pattern++ != *path++)
			return false;
	}
	if (*pattern || *path)
		return false;
	r->nargs = nargs;
	return true;
}

static bool changes_state(const char *method)
{
	return strcmp(method, "GET") && strcmp(method, "HEAD");
}

/* The request carries the session's CSRF token. */
static bool csrf_ok(const struct req *r)
{
	const char *t = kvs_get(&r->form, "csrf");
	if (!t || !*t)
		t = r->csrf_header;
	size_t n = strlen(r->csrf);
	return n && strlen(t) == n && sodium_memcmp(t, r->csrf, n) == 0;
}

/* Fills in who is asking from the session cookie. */
static void who(struct req *r)
{
	int64_t user;
	if (!r->session_cookie[0] ||
	    !session_find(r->app->sessions, r->session_cookie, time(NULL),
			  &user, r->csrf))
		return;
	struct err e;
	if (store_user_by_id(r->st, user, &r->user, &e) == 1 &&
	    !r->user.disabled) {
		r->signed_in = true;
		snprintf(r->session, sizeof r->session, "%s",
			 r->session_cookie);
		char actor[96];
		snprintf(actor, sizeof actor, "web:%s", r->user.username);
		store_set_actor(r->st, actor);
	}
	r->user.password_hash[0] = '\0';
}

void web_route(struct req *r)
{
	const struct route *found = NULL;
	bool path_known = false;
	for (size_t t = 0; !found && t < ARRAY_LEN(TABLES); t++)
		for (const struct route *x = TABLES[t]; x->method; x++) {
			if (!match(r, x->pattern, r->path))
				continue;
			path_known = true;
			if (strcmp(x->method, r->method) == 0 ||
			    (strcmp(x->method, "GET") == 0 &&
			     strcmp(r->method, "HEAD") == 0)) {
				found = x;
				break;
			}
		}
	bool api = strncmp(r->path, "/api/", 5) == 0;
	int (*fail)(struct req *, int, const char *) =
		api ? web_json_error : web_error;
	store_set_actor(r->st, "web:anonymous");
	who(r);
	if (!found) {
		r->route = path_known ? "(method)" : "(none)";
		fail(r, path_known ? 405 : 404,
		     path_known ? "This address does not accept that request."
				: "If you typed the address, check it is "
				  "correct.");
		return;
	}
	r->route = found->pattern;
	if (r->body_too_large) {
		fail(r, 413, "The form was larger than iro accepts (1 MiB).");
		return;
	}
	if (!(found->flags & ROUTE_PUBLIC)) {
		if (!r->signed_in) {
			if (api || changes_state(r->method)) {
				fail(r, 401, "Sign in first: your session "
					     "has ended or you have not "
					     "signed in.");
			} else {
				char to[600], enc[520];
				url_encode(enc, sizeof enc, r->path);
				/* A cookie that names no live session: it
				 * ended while idle. */
				snprintf(to, sizeof to, "/sign-in?next=%s%s", enc,
					 r->session_cookie[0] ? "&ended=1" : "");
				web_redirect(r, to);
			}
			return;
		}
		if (!(found->roles & ROLE_BIT(r->user.role))) {
			fail(r, 403, "Your role does not include this page. "
				     "Ask your IRO manager if you need it.");
			return;
		}
	}
	if (changes_state(r->method) && r->signed_in && !csrf_ok(r)) {
		fail(r, 403, "The form had expired or did not come from iro. "
			     "Go back, reload the page and try again.");
		return;
	}
	if (found->fn(r) && r->status < 400)
		fail(r, 500, "Something went wrong and nothing was changed. "
			     "Try again later.");
}

bool web_child_visible(struct req *r, int64_t child)
{
	struct child_access a;
	struct err e;
	int rc = child > 0 ? store_child_access(r->st, child, &r->user,
						r->today, &a, &e)
			   : 0;
	if (rc == 1 && role_sees_child(r->user.role, &a))
		return true;
	bool api = strncmp(r->path, "/api/", 5) == 0;
	(api ? web_json_error : web_error)(
		r, rc < 0 ? 500 : 404,
		rc < 0 ? "Something went wrong. Try again later."
		       : "There is no child's record here that you may see.");
	return false;
}

bool web_child_la(struct req *r, int64_t child, char *la, size_t size)
{
	if (!web_child_visible(r, child))
		return false;
	struct record c;
	struct err e = { "" };
	int got = store_record_get(r->st, &KIND_CHILD, child, &c, &e);
	if (got > 0)
		snprintf(la, size, "%s", record_get(&c, "child")->s);
	record_clear(&c);
	if (got <= 0)
		web_error(r, got < 0 ? 500 : 404, "There is no such child.");
	return got > 0;
}
