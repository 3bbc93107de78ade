/*
 * page_signin.c - signing in and out, the front door that sends each role
 * to its first page, and the accessibility statement.
 *
 * The sign-in form is protected against cross-site forgery before there is
 * a session: GET /sign-in sets a random token in a SameSite=Strict cookie
 * and in the form, and the POST must carry both, equal. A failed sign-in
 * says only that the username or password is not right, costs the same
 * time whether or not the user exists (auth_verify), and counts towards
 * the throttle (auth.h).
 */
#include "lib/common.h"
#include <sodium.h>
#include "lib/err.h"
#include "web/components.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/route.h"
#include "web/web_int.h"

static const char *home_of(enum role role)
{
	switch (role) {
	case ROLE_IRO:
	case ROLE_MANAGER:
		return "/worklist";
	case ROLE_ANALYST:
		return "/reports";
	case ROLE_ADMIN:
		return "/admin";
	default:
		return "/audit";
	}
}

static int front_door(struct req *r)
{
	return web_redirect(r, r->signed_in ? home_of(r->user.role)
					    : "/sign-in");
}

static void cookie(struct req *r, const char *name, const char *value,
		   const char *path)
{
	snprintf(r->set_cookie, sizeof r->set_cookie,
		 "%s=%s; Path=%s; HttpOnly; SameSite=Strict%s%s", name, value,
		 path, r->tls ? "; Secure" : "", *value ? "" : "; Max-Age=0");
}

/* A local path to go back to after signing in, or NULL. */
static const char *safe_next(const char *next)
{
	return next[0] == '/' && next[1] != '/' && next[1] != '\\' &&
			       !strchr(next, ':')
		       ? next
		       : NULL;
}

static void form(struct req *r, const struct form_errors *e,
		 const char *notice)
{
	char token[SESSION_TOKEN_LEN + 1];
	unsigned char raw[32];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2base64(token, sizeof token, raw, sizeof raw,
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	cookie(r, "iro_signin", token, "/sign-in");
	struct buf *b = &r->out;
	buf_reset(b);
	page_begin_error(r, "Sign in", NAV_NONE, e && e->n);
	h_raw_trusted(b, "<div class=\"govuk-grid-row\"><div class=\"govuk-"
			 "grid-column-two-thirds\">");
	c_error_summary(b, e);
	if (notice)
		h_printf(b,
			 "<div class=\"govuk-notification-banner\" role=\"region"
			 "\" aria-labelledby=\"notice-title\" data-module=\""
			 "govuk-notification-banner\"><div class=\"govuk-"
			 "notification-banner__header\"><h2 class=\"govuk-"
			 "notification-banner__title\" id=\"notice-title\">"
			 "Important</h2></div><div class=\"govuk-notification-"
			 "banner__content\"><p class=\"govuk-notification-"
			 "banner__heading\">%s</p></div></div>",
			 notice);
	const char *next = req_query(r, "next");
	if (!*next)
		next = req_form(r, "next");
	h_printf(b,
		 "<h1 class=\"govuk-heading-l\">Sign in</h1>"
		 "<form method=\"post\" action=\"/sign-in\" novalidate>"
		 "<input type=\"hidden\" name=\"csrf\" value=\"%s\">"
		 "<input type=\"hidden\" name=\"next\" value=\"%s\">",
		 token, safe_next(next) ? next : "");
	c_credential(b, "username", "Username", "text", "username",
		     form_value(r, "username", ""), e);
	c_credential(b, "password", "Password", "password",
		     "current-password", NULL, e);
	c_button(b, "Sign in", false);
	h_raw_trusted(b, "</form><p class=\"govuk-body\">If you have "
			 "forgotten your password, ask your administrator to "
			 "set a new one.</p></div></div>");
	page_end(r);
}

static int sign_in_page(struct req *r)
{
	if (r->signed_in)
		return web_redirect(r, home_of(r->user.role));
	form(r, NULL, strcmp(req_query(r, "ended"), "1") == 0
			      ? "Your session ended because it was not used "
				"for a while. Sign in again."
			      : NULL);
	return 0;
}

static void audit_signin(struct req *r, const char *action, int64_t user,
			 const char *username)
{
	struct err e;
	char actor[96], detail[120];
	snprintf(actor, sizeof actor, "web:%s", username);
	snprintf(detail, sizeof detail, "{\"username\":\"%s\"}", username);
	store_set_actor(r->st, actor);
	if (store_begin(r->st, &e) == 0 &&
	    (store_audit(r->st, action, "session", user, 0, detail, &e) ||
	     store_commit(r->st, &e)))
		store_rollback(r->st);
}

static int sign_in(struct req *r)
{
	const char *t = req_form(r, "csrf");
	size_t n = strlen(r->presession_cookie);
	if (!n || strlen(t) != n ||
	    sodium_memcmp(t, r->presession_cookie, n))
		return web_error(r, 403, "The sign-in form had expired. Go "
					 "back, reload the page and sign in "
					 "again.");
	struct form_errors e = { .n = 0 };
	const char *typed = req_form(r, "username");
	const char *password = req_form(r, "password");
	char username[65] = "";
	if (!*typed)
		form_error(&e, "username", "Enter your username");
	if (!*password)
		form_error(&e, "password", "Enter your password");
	if (e.n) {
		form(r, &e, NULL);
		return 0;
	}
	bool valid_name = username_normalise(typed, username, sizeof username);
	time_t now = time(NULL);
	if (!throttle_allows(r->app->throttle, valid_name ? username : "?",
			     r->client, now)) {
		audit_signin(r, "signin_refused", 0,
			     valid_name ? username : "?");
		return web_error(r, 429, "There have been too many attempts to "
					 "sign in. Wait 15 minutes, then try "
					 "again.");
	}
	struct app_user u;
	struct err err;
	int found = valid_name ? store_user_by_name(r->st, username, &u, &err)
			       : 0;
	if (found < 0)
		return -1;
	bool ok = auth_verify(found ? u.password_hash : NULL, password) &&
		  !u.disabled;
	sodium_memzero(u.password_hash, sizeof u.password_hash);
	if (!ok) {
		throttle_failed(r->app->throttle, valid_name ? username : "?",
				r->client, now);
		audit_signin(r, "signin_failed", found ? u.id : 0,
			     valid_name ? username : "?");
		form_error(&e, "username",
			   "The username or password is not right");
		form(r, &e, NULL);
		return 0;
	}
	throttle_passed(r->app->throttle, username);
	char token[SESSION_TOKEN_LEN + 1];
	/* Hashing can take seconds under load: the session starts now. */
	session_start(r->app->sessions, u.id, time(NULL), token, r->csrf);
	cookie(r, "iro_session", token, "/");
	audit_signin(r, "signin", u.id, username);
	const char *next = safe_next(req_form(r, "next"));
	return web_redirect(r, next ? next : home_of(u.role));
}

static int sign_out(struct req *r)
{
	session_end(r->app->sessions, r->session);
	audit_signin(r, "signout", r->user.id, r->user.username);
	cookie(r, "iro_session", "", "/");
	r->signed_in = false;
	return web_redirect(r, "/sign-in");
}

static int accessibility(struct req *r)
{
	page_begin(r, "Accessibility statement", NAV_NONE);
	h_raw_trusted(
		&r->out,
		"<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-"
		"two-thirds\"><h1 class=\"govuk-heading-l\">Accessibility "
		"statement</h1><p class=\"govuk-body\">This service is built to "
		"meet the Web Content Accessibility Guidelines (WCAG) 2.2 at "
		"level AA, as the Public Sector Bodies (Websites and Mobile "
		"Applications) Accessibility Regulations 2018 require. It uses "
		"the GOV.UK Design System's components, works without "
		"JavaScript, and every page is checked automatically with "
		"axe-core in a browser before each release.</p><p class=\"govuk-"
		"body\">If you find a part of the service you cannot use, tell "
		"your administrator, who will report it to the council's "
		"digital team.</p></div></div>");
	page_end(r);
	return 0;
}

const struct route WEB_ROUTES_SIGNIN[] = {
	{ "GET", "/", ROLES_ALL, ROUTE_PUBLIC, front_door },
	{ "GET", "/sign-in", ROLES_ALL, ROUTE_PUBLIC, sign_in_page },
	{ "POST", "/sign-in", ROLES_ALL, ROUTE_PUBLIC, sign_in },
	{ "POST", "/sign-out", ROLES_ALL, 0, sign_out },
	{ "GET", "/accessibility", ROLES_ALL, ROUTE_PUBLIC, accessibility },
	{ NULL, NULL, 0, 0, NULL },
};
