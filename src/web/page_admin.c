/*
 * page_admin.c - the administrator's pages: users (add, change role or
 * IRO, disable and enable, set a new password), the working-day calendar,
 * the dispute ladders, the lists of themes and teams, and who is named on
 * a child's restricted record.
 *
 * Every form follows one pattern: a POST is checked whole before anything
 * is written; what is wrong comes back as the error summary and a message
 * by each field, with what was typed kept (never a password) and status
 * 400; what is right is written in one transaction, audited by the store
 * under the actor "web:USERNAME", and answered with a 303 to a page that
 * shows a success banner (?done=CODE, from a fixed list, so the banner's
 * words never come from the address).
 */
#include "lib/common.h"
#include <sodium.h>
#include "lib/err.h"
#include "core/alerts.h"
#include "core/date.h"
#include "core/problem.h"
#include "core/record.h"
#include "store/roster.h"
#include "web/components.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/route.h"
#include "web/web_int.h"

#define ADMIN ROLE_BIT(ROLE_ADMIN)

/* ---- Shared ------------------------------------------------------------- */

static const char *const DONE[][2] = {
	{ "user-added", "The user has been added" },
	{ "role", "The role has been changed" },
	{ "disabled", "The user has been disabled and signed out" },
	{ "enabled", "The user has been enabled" },
	{ "password", "The password has been changed and the user signed out" },
	{ "day-added", "The day has been added to the calendar" },
	{ "day-removed", "The day has been removed from the calendar" },
	{ "ladder", "New alerts will climb the chosen ladder" },
	{ "theme", "The theme has been added" },
	{ "team", "The team has been added" },
	{ "named", "The user has been named on the child's record" },
	{ "unnamed", "The user is no longer named on the child's record" },
};

static void banner(struct req *r)
{
	const char *d = req_query(r, "done");
	for (size_t i = 0; i < ARRAY_LEN(DONE); i++)
		if (strcmp(d, DONE[i][0]) == 0)
			c_success_banner(&r->out, DONE[i][1]);
}

static int done(struct req *r, const char *path, const char *code)
{
	char to[300];
	snprintf(to, sizeof to, "%s?done=%s", path, code);
	return web_redirect(r, to);
}

static void begin(struct req *r, const char *title,
		  const struct form_errors *e, const char *back)
{
	buf_reset(&r->out);
	page_begin_error(r, title, NAV_ADMIN, e && e->n);
	if (back)
		h_printf(&r->out, "<a href=\"%s\" class=\"govuk-back-link\">"
				  "Back</a>",
			 back);
	h_raw_trusted(&r->out, "<div class=\"govuk-grid-row\"><div class=\""
			       "govuk-grid-column-full\">");
	c_error_summary(&r->out, e);
	banner(r);
}

static int end(struct req *r, const struct form_errors *e)
{
	h_raw_trusted(&r->out, "</div></div>");
	page_end(r);
	if (e && e->n)
		r->status = 400;
	return 0;
}

/* Runs fn inside one transaction: 0 committed, -1 rolled back with e. */
static int in_txn(struct req *r, int (*fn)(struct req *r, void *ctx,
					   struct err *e),
		  void *ctx, struct err *e)
{
	if (store_begin(r->st, e))
		return -1;
	if (fn(r, ctx, e) || store_commit(r->st, e)) {
		store_rollback(r->st);
		return -1;
	}
	return 0;
}

static void cell(struct buf *b, const char *text)
{
	h_printf(b, "<td class=\"govuk-table__cell\">%s</td>", text);
}

/* ---- The front page ------------------------------------------------------ */

static int admin_home(struct req *r)
{
	begin(r, "Administration", NULL, NULL);
	h_raw_trusted(
		&r->out,
		"<h1 class=\"govuk-heading-l\">Administration</h1><ul class="
		"\"govuk-list\"><li><a class=\"govuk-link\" href=\"/admin/"
		"users\">Users</a></li><li><a class=\"govuk-link\" href=\"/"
		"admin/calendar\">Working-day calendar</a></li><li><a class="
		"\"govuk-link\" href=\"/admin/ladders\">Dispute ladders</a>"
		"</li><li><a class=\"govuk-link\" href=\"/admin/themes\">"
		"Themes</a></li><li><a class=\"govuk-link\" href=\"/admin/"
		"teams\">Teams</a></li><li><a class=\"govuk-link\" href=\"/"
		"admin/restricted\">Restricted records</a></li></ul>");
	return end(r, NULL);
}

/* ---- Users ---------------------------------------------------------------- */

static int user_row(void *ctx, const struct app_user *u)
{
	struct buf *b = ctx;
	h_printf(b,
		 "<tr class=\"govuk-table__row\"><td class=\"govuk-table__"
		 "cell\"><a class=\"govuk-link\" href=\"/admin/users/%" PRId64
		 "\">%s</a></td>",
		 u->id, u->username);
	cell(b, u->display_name);
	cell(b, role_title(u->role));
	cell(b, u->iro_name);
	cell(b, u->disabled ? "Disabled" : "");
	h_raw_trusted(b, "</tr>");
	return 0;
}

static int users(struct req *r)
{
	begin(r, "Users", NULL, "/admin");
	struct buf *b = &r->out;
	h_raw_trusted(b, "<h1 class=\"govuk-heading-l\">Users</h1><p class="
			 "\"govuk-body\"><a class=\"govuk-button\" href=\"/"
			 "admin/users/new\" role=\"button\" data-module=\""
			 "govuk-button\">Add a user</a></p>");
	static const char *const H[] = { "Username", "Name", "Role", "IRO",
					 "Status" };
	c_table_begin(b, "Everyone who may sign in", false, H, ARRAY_LEN(H));
	struct err e;
	if (store_user_each(r->st, user_row, b, &e))
		return -1;
	h_raw_trusted(b, "</tbody></table>");
	return end(r, NULL);
}

static void role_radios(struct buf *b, const char *value,
			const struct form_errors *e)
{
	const char *opts[ROLE_COUNT][2];
	for (int i = 0; i < ROLE_COUNT; i++) {
		opts[i][0] = role_name((enum role)i);
		opts[i][1] = role_title((enum role)i);
	}
	c_radios(b, "role", "role", "Role", opts, ROLE_COUNT, value, e);
}

static void iro_select(struct buf *b, const struct roster *ro,
		       const char *value, const struct form_errors *e)
{
	const char *(*opts)[2] = calloc(ro->n + 1, sizeof *opts);
	char (*ids)[24] = calloc(ro->n + 1, sizeof *ids);
	if (!opts || !ids) {
		free(opts);
		free(ids);
		return;
	}
	opts[0][0] = "";
	opts[0][1] = "None";
	for (size_t i = 0; i < ro->n; i++) {
		snprintf(ids[i], sizeof ids[i], "%" PRId64, ro->v[i].w.id);
		opts[i + 1][0] = ids[i];
		opts[i + 1][1] = ro->v[i].name;
	}
	c_select(b, "iro", "IRO",
		 "For the IRO role: the IRO whose caseload they see",
		 (const char *const(*)[2])opts, ro->n + 1, value, e);
	free(opts);
	free(ids);
}

/* The role and IRO of a form into *role and *iro, with errors. */
static void read_role(struct req *r, const struct roster *ro,
		      enum role *role, int64_t *iro, struct form_errors *e)
{
	*iro = 0;
	if (role_parse(req_form(r, "role"), role)) {
		form_error(e, "role", "Choose the user's role");
		return;
	}
	if (*role != ROLE_IRO)
		return; /* an IRO chosen for another role is not kept */
	*iro = atoll(req_form(r, "iro"));
	if (!*req_form(r, "iro"))
		form_error(e, "iro", "Choose the IRO whose caseload they see");
	else if (!roster_find(ro, *iro))
		form_error(e, "iro", "Choose an IRO from the list");
}

/* A new password typed twice, hashed into hash: 0, or -1 with errors. */
static int read_password(struct req *r, char *hash, size_t size,
			 struct form_errors *fe)
{
	const char *p = req_form(r, "password");
	const char *why = auth_password_problem(p);
	if (!*p)
		form_error(fe, "password", "Enter a password");
	else if (why)
		form_error(fe, "password", "%s", why);
	else if (strcmp(p, req_form(r, "password2")) != 0)
		form_error(fe, "password2", "Type the same password twice");
	if (fe->n)
		return -1;
	struct err e;
	if (auth_hash(p, hash, size, &e)) {
		form_error(fe, "password", "The password could not be set: %s",
			   e.msg);
		return -1;
	}
	return 0;
}

static void password_fields(struct buf *b, const struct form_errors *e)
{
	c_credential(b, "password", "New password (at least 12 characters)",
		     "password", "new-password", NULL, e);
	c_credential(b, "password2", "The same password again", "password",
		     "new-password", NULL, e);
}

static int user_new_page(struct req *r, const struct form_errors *fe)
{
	struct roster ro;
	struct err e;
	if (roster_load(r->st, &ro, &e))
		return -1;
	begin(r, "Add a user", fe, "/admin/users");
	struct buf *b = &r->out;
	h_raw_trusted(b, "<h1 class=\"govuk-heading-l\">Add a user</h1><form "
			 "method=\"post\" action=\"/admin/users/new\" "
			 "novalidate>");
	c_csrf(b, r);
	c_credential(b, "username", "Username", "text", "off",
		     form_value(r, "username", ""), fe);
	c_input(b, "name", "Name", "As pages show it", form_value(r, "name", ""),
		fe, NULL);
	role_radios(b, form_value(r, "role", ""), fe);
	iro_select(b, &ro, form_value(r, "iro", ""), fe);
	password_fields(b, fe);
	c_button(b, "Add the user", false);
	h_raw_trusted(b, "</form>");
	roster_free(&ro);
	return end(r, fe);
}

static int user_new(struct req *r)
{
	return user_new_page(r, NULL);
}

static int add_user(struct req *r, void *ctx, struct err *e)
{
	(void)r;
	return store_user_add(r->st, ctx, e);
}

static int user_create(struct req *r)
{
	struct form_errors fe = { .n = 0 };
	struct app_user u = { 0 };
	struct err e = { "" };
	struct roster ro;
	if (roster_load(r->st, &ro, &e))
		return -1;
	const char *typed = req_form(r, "username");
	if (!*typed)
		form_error(&fe, "username", "Enter a username");
	else if (!username_normalise(typed, u.username, sizeof u.username))
		form_error(&fe, "username",
			   "The username must be at most 64 letters, digits, "
			   "dots, dashes or underscores");
	else {
		struct app_user old;
		int found = store_user_by_name(r->st, u.username, &old, &e);
		if (found < 0) {
			roster_free(&ro);
			return -1;
		}
		if (found)
			form_error(&fe, "username",
				   "There is a user called %s already",
				   u.username);
	}
	const char *name = req_form(r, "name");
	if (!*name)
		form_error(&fe, "name", "Enter the person's name");
	else if (strlen(name) >= sizeof u.display_name)
		form_error(&fe, "name", "The name must be at most 200 "
					"characters");
	snprintf(u.display_name, sizeof u.display_name, "%s", name);
	read_role(r, &ro, &u.role, &u.iro_id, &fe);
	roster_free(&ro);
	if (fe.n == 0)
		read_password(r, u.password_hash, sizeof u.password_hash, &fe);
	if (fe.n)
		return user_new_page(r, &fe);
	int rc = in_txn(r, add_user, &u, &e);
	sodium_memzero(u.password_hash, sizeof u.password_hash);
	if (rc)
		return -1;
	return done(r, "/admin/users", "user-added");
}

static int user_page(struct req *r, const struct form_errors *fe)
{
	struct app_user u;
	struct err e;
	int found = store_user_by_id(r->st, req_arg_id(r, 0), &u, &e);
	if (found <= 0)
		return found < 0 ? -1 : web_error(r, 404, "There is no such "
							   "user.");
	sodium_memzero(u.password_hash, sizeof u.password_hash);
	struct roster ro;
	if (roster_load(r->st, &ro, &e))
		return -1;
	begin(r, u.username, fe, "/admin/users");
	struct buf *b = &r->out;
	char action[64], iro[24] = "";
	snprintf(action, sizeof action, "/admin/users/%" PRId64, u.id);
	if (u.iro_id)
		snprintf(iro, sizeof iro, "%" PRId64, u.iro_id);
	h_printf(b, "<h1 class=\"govuk-heading-l\">%s</h1><dl class=\"govuk-"
		    "summary-list\">",
		 u.username);
	c_summary_row(b, "Name", u.display_name);
	c_summary_row(b, "Role", role_title(u.role));
	c_summary_row(b, "IRO", u.iro_name);
	c_summary_row(b, "Status", u.disabled ? "Disabled" : "May sign in");
	h_raw_trusted(b, "</dl>");

	bool mine = strcmp(req_form(r, "action"), "role") == 0;
	h_printf(b, "<h2 class=\"govuk-heading-m\">Role</h2><form method=\""
		    "post\" action=\"%s\" novalidate><input type=\"hidden\" "
		    "name=\"action\" value=\"role\">",
		 action);
	c_csrf(b, r);
	role_radios(b, mine ? req_form(r, "role") : role_name(u.role), fe);
	iro_select(b, &ro, mine ? req_form(r, "iro") : iro, fe);
	c_button(b, "Change the role", false);
	h_raw_trusted(b, "</form>");
	roster_free(&ro);

	h_printf(b, "<h2 class=\"govuk-heading-m\">%s</h2><form method=\""
		    "post\" action=\"%s\" novalidate><input type=\"hidden\" "
		    "name=\"action\" value=\"%s\">",
		 u.disabled ? "Enable" : "Disable", action,
		 u.disabled ? "enable" : "disable");
	c_csrf(b, r);
	h_printf(b, "<p class=\"govuk-body\">%s</p>",
		 u.disabled ? "Let this user sign in again."
			    : "Stop this user signing in; any session they "
			      "have open ends now.");
	c_button(b, u.disabled ? "Enable the user" : "Disable the user",
		 true);
	h_raw_trusted(b, "</form>");

	h_printf(b, "<h2 class=\"govuk-heading-m\">New password</h2><form "
		    "method=\"post\" action=\"%s\" novalidate><input type=\""
		    "hidden\" name=\"action\" value=\"password\">",
		 action);
	c_csrf(b, r);
	password_fields(b, fe);
	c_button(b, "Set the password", false);
	h_raw_trusted(b, "</form>");
	return end(r, fe);
}

static int user_show(struct req *r)
{
	return user_page(r, NULL);
}

struct user_change {
	int64_t id;
	const char *action;
	enum role role;
	int64_t iro;
	char hash[AUTH_HASH_MAX];
};

static int change_user(struct req *r, void *ctx, struct err *e)
{
	struct user_change *c = ctx;
	if (strcmp(c->action, "role") == 0)
		return store_user_set_role(r->st, c->id, c->role, c->iro, e);
	if (strcmp(c->action, "password") == 0)
		return store_user_set_password(r->st, c->id, c->hash, e);
	return store_user_set_disabled(r->st, c->id,
				       strcmp(c->action, "disable") == 0, e);
}

static int user_post(struct req *r)
{
	struct app_user u;
	struct err e = { "" };
	int found = store_user_by_id(r->st, req_arg_id(r, 0), &u, &e);
	if (found <= 0)
		return found < 0 ? -1 : web_error(r, 404, "There is no such "
							   "user.");
	sodium_memzero(u.password_hash, sizeof u.password_hash);
	struct user_change c = { .id = u.id, .action = req_form(r, "action") };
	struct form_errors fe = { .n = 0 };
	const char *code;
	if (strcmp(c.action, "role") == 0) {
		struct roster ro;
		if (roster_load(r->st, &ro, &e))
			return -1;
		read_role(r, &ro, &c.role, &c.iro, &fe);
		roster_free(&ro);
		if (!fe.n && u.id == r->user.id && c.role != ROLE_ADMIN)
			form_error(&fe, "role", "You cannot take the "
						"administrator's role from "
						"yourself");
		code = "role";
	} else if (strcmp(c.action, "password") == 0) {
		read_password(r, c.hash, sizeof c.hash, &fe);
		code = "password";
	} else if (strcmp(c.action, "disable") == 0) {
		if (u.id == r->user.id)
			return web_error(r, 400, "You cannot disable your own "
						 "account.");
		code = "disabled";
	} else if (strcmp(c.action, "enable") == 0) {
		code = "enabled";
	} else {
		return web_error(r, 400, "The form could not be read.");
	}
	if (fe.n)
		return user_page(r, &fe);
	int rc = in_txn(r, change_user, &c, &e);
	sodium_memzero(c.hash, sizeof c.hash);
	if (rc)
		return -1;
	/* A disabled user, or one given a new password, is signed out
	 * everywhere at once (a changed role takes effect on their next
	 * request, which reads the user again). */
	if (strcmp(code, "disabled") == 0 || strcmp(code, "password") == 0)
		session_end_user(r->app->sessions, u.id);
	char path[64];
	snprintf(path, sizeof path, "/admin/users/%" PRId64, u.id);
	return done(r, path, code);
}

/* ---- The calendar ------------------------------------------------------- */

static int day_row(void *ctx, const struct calendar_day *d)
{
	struct req *r = ctx;
	struct buf *b = &r->out;
	char text[32], iso[DATE_ISO_LEN + 1];
	date_text(d->day, text, sizeof text);
	date_format_iso(d->day, iso);
	h_raw_trusted(b, "<tr class=\"govuk-table__row\">");
	cell(b, text);
	cell(b, d->working ? "Working day" : "Holiday");
	cell(b, d->name);
	cell(b, d->actor);
	h_raw_trusted(b, "<td class=\"govuk-table__cell\"><form method=\"post"
			 "\" action=\"/admin/calendar\"><input type=\"hidden\" "
			 "name=\"action\" value=\"remove\">");
	c_csrf(b, r);
	h_printf(b,
		 "<input type=\"hidden\" name=\"day\" value=\"%s\"><button "
		 "type=\"submit\" class=\"govuk-button govuk-button--warning "
		 "govuk-!-margin-bottom-0\" data-module=\"govuk-button\">"
		 "Remove<span class=\"govuk-visually-hidden\"> %s</span>"
		 "</button></form></td></tr>",
		 iso, text);
	return 0;
}

static int calendar_page(struct req *r, const struct form_errors *fe)
{
	begin(r, "Working-day calendar", fe, "/admin");
	struct buf *b = &r->out;
	h_raw_trusted(b, "<h1 class=\"govuk-heading-l\">Working-day calendar"
			 "</h1><p class=\"govuk-body\">England and Wales bank "
			 "holidays are known already. Add the council's own "
			 "holidays, or a bank holiday the council works.</p>");
	static const char *const H[] = { "Day", "Kind", "Name", "Set by",
					 "Remove" };
	c_table_begin(b, "The council's own days", false, H, ARRAY_LEN(H));
	struct err e;
	if (store_calendar_days(r->st, day_row, r, &e))
		return -1;
	h_raw_trusted(b, "</tbody></table><h2 class=\"govuk-heading-m\">Add a "
			 "day</h2><form method=\"post\" action=\"/admin/"
			 "calendar\" novalidate><input type=\"hidden\" name=\""
			 "action\" value=\"add\">");
	c_csrf(b, r);
	c_date(b, r, "day", "Day", "For example, 24 12 2026", "", fe);
	static const char *const KINDS[][2] = {
		{ "holiday", "A holiday: not a working day" },
		{ "working", "A working day (a bank holiday the council works)" },
	};
	c_radios(b, "working", "working", "Kind of day", KINDS,
		 ARRAY_LEN(KINDS), form_value(r, "working", ""), fe);
	c_input(b, "name", "Name", "For example, Christmas closure",
		form_value(r, "name", ""), fe, NULL);
	c_button(b, "Add the day", false);
	h_raw_trusted(b, "</form>");
	return end(r, fe);
}

static int calendar(struct req *r)
{
	return calendar_page(r, NULL);
}

struct day_change {
	int32_t day;
	bool add, working;
	const char *name;
	int cleared;
};

static int change_day(struct req *r, void *ctx, struct err *e)
{
	struct day_change *c = ctx;
	if (c->add)
		return store_calendar_set_day(r->st, c->day, c->working,
					      c->name, e);
	c->cleared = store_calendar_clear_day(r->st, c->day, e);
	return c->cleared < 0 ? -1 : 0;
}

static int calendar_post(struct req *r)
{
	struct day_change c = { .add = strcmp(req_form(r, "action"), "add") ==
				       0 };
	struct form_errors fe = { .n = 0 };
	struct err e = { "" };
	if (!c.add) {
		if (strcmp(req_form(r, "action"), "remove") != 0 ||
		    date_parse_iso(req_form(r, "day"), &c.day) != DATE_OK)
			return web_error(r, 400, "The form could not be read.");
		if (in_txn(r, change_day, &c, &e))
			return -1;
		if (c.cleared == 1)
			return web_error(r, 400, "That day was not one of the "
						 "council's own days.");
		return done(r, "/admin/calendar", "day-removed");
	}
	int got = form_date(r, "day", "the day", true, &c.day, &fe);
	if (got == 1) {
		int y, m, d;
		date_to_ymd(c.day, &y, &m, &d);
		if (y < CAL_FIRST_YEAR || y > CAL_LAST_YEAR)
			form_error(&fe, "day", "The day must be between %d and "
					       "%d",
				   CAL_FIRST_YEAR, CAL_LAST_YEAR);
	}
	const char *w = req_form(r, "working");
	if (strcmp(w, "holiday") != 0 && strcmp(w, "working") != 0)
		form_error(&fe, "working", "Choose whether the day is a "
					   "holiday or a working day");
	c.working = strcmp(w, "working") == 0;
	c.name = req_form(r, "name");
	if (!*c.name)
		form_error(&fe, "name", "Enter a name for the day");
	else if (strlen(c.name) > 100)
		form_error(&fe, "name", "The name must be at most 100 "
					"characters");
	if (fe.n)
		return calendar_page(r, &fe);
	if (in_txn(r, change_day, &c, &e))
		return -1;
	return done(r, "/admin/calendar", "day-added");
}

/* ---- Ladders --------------------------------------------------------------- */

struct ladder_list {
	struct ladder v[32];
	size_t n;
};

static int stored_ladder(void *ctx, const struct record *rec)
{
	struct ladder_list *x = ctx;
	if (x->n < ARRAY_LEN(x->v))
		ladder_from_record(rec, &x->v[x->n++]);
	return 0;
}

/* The stored ladders, then the presets not stored. */
static int ladders_all(struct req *r, struct ladder_list *x, struct err *e)
{
	x->n = 0;
	if (store_record_each(r->st, &KIND_LADDER, stored_ladder, x, e))
		return -1;
	size_t stored = x->n;
	for (size_t i = 0; i < LADDER_NPRESETS && x->n < ARRAY_LEN(x->v);
	     i++) {
		bool have = false;
		for (size_t j = 0; j < stored; j++)
			have |= strcmp(x->v[j].key, LADDER_PRESETS[i].key) == 0;
		if (!have)
			x->v[x->n++] = LADDER_PRESETS[i];
	}
	return 0;
}

static int ladders_page(struct req *r, const struct form_errors *fe)
{
	struct ladder_list *x = malloc(sizeof *x);
	char active[32];
	struct err e;
	if (!x)
		return -1;
	if (ladders_all(r, x, &e) ||
	    store_active_ladder(r->st, active, sizeof active, &e)) {
		free(x);
		return -1;
	}
	begin(r, "Dispute ladders", fe, "/admin");
	struct buf *b = &r->out;
	h_raw_trusted(b, "<h1 class=\"govuk-heading-l\">Dispute ladders</h1>");
	static const char *const H[] = { "Ladder", "Key", "Stages",
					 "Working days in all", "Active" };
	c_table_begin(b, "The ladders a dispute can climb", false, H,
		      ARRAY_LEN(H));
	const char *opts[32][2];
	for (size_t i = 0; i < x->n; i++) {
		const struct ladder *l = &x->v[i];
		h_printf(b,
			 "<tr class=\"govuk-table__row\"><td class=\"govuk-"
			 "table__cell\"><a class=\"govuk-link\" href=\"/admin/"
			 "ladders/%s\">%s</a></td>",
			 l->key, l->name);
		cell(b, l->key);
		h_printf(b, "<td class=\"govuk-table__cell\">%zu</td><td class="
			    "\"govuk-table__cell\">%d</td>",
			 l->nstages, l->ceiling_wd);
		cell(b, strcmp(l->key, active) == 0 ? "Active" : "");
		h_raw_trusted(b, "</tr>");
		opts[i][0] = l->key;
		opts[i][1] = l->name;
	}
	h_raw_trusted(b, "</tbody></table><h2 class=\"govuk-heading-m\">The "
			 "active ladder</h2><p class=\"govuk-body\">New "
			 "disputes climb the active ladder; those raised "
			 "already keep theirs.</p><form method=\"post\" action="
			 "\"/admin/ladders\" novalidate>");
	c_csrf(b, r);
	c_radios(b, "ladder", "ladder", "Ladder new disputes climb",
		 (const char *const(*)[2])opts, x->n,
		 form_value(r, "ladder", active), fe);
	c_button(b, "Make it the active ladder", false);
	h_raw_trusted(b, "</form>");
	free(x);
	return end(r, fe);
}

static int ladders(struct req *r)
{
	return ladders_page(r, NULL);
}

static int ladder_show(struct req *r)
{
	struct ladder l;
	struct err e;
	int found = store_ladder(r->st, r->args[0], false, &l, &e);
	if (found <= 0)
		return found < 0 ? -1 : web_error(r, 404, "There is no such "
							   "ladder.");
	begin(r, l.name, NULL, "/admin/ladders");
	struct buf *b = &r->out;
	h_printf(b, "<h1 class=\"govuk-heading-l\">%s</h1><p class=\"govuk-"
		    "body\">The whole process within %d working days; "
		    "Cafcass at any stage.</p>",
		 l.name, l.ceiling_wd);
	static const char *const H[] = { "Stage", "Name", "Goes to",
					 "Working days to respond", "Formal" };
	c_table_begin(b, "Stages", false, H, ARRAY_LEN(H));
	for (size_t i = 0; i < l.nstages; i++)
		h_printf(b,
			 "<tr class=\"govuk-table__row\"><td class=\"govuk-"
			 "table__cell\">%zu</td><td class=\"govuk-table__cell\">"
			 "%s</td><td class=\"govuk-table__cell\">%s</td><td "
			 "class=\"govuk-table__cell\">%d</td><td class=\"govuk-"
			 "table__cell\">%s</td></tr>",
			 i + 1, l.stages[i].name, l.stages[i].addressee,
			 l.stages[i].response_wd,
			 l.stages[i].formal ? "Yes" : "No");
	h_raw_trusted(b, "</tbody></table>");
	return end(r, NULL);
}

/* Sets a text field of a record as typed: 0, or -1 with why. */
static int set_field(struct record *rec, const char *field, const char *text,
		     char *why, size_t size)
{
	int f = kind_field(rec->kind, field);
	if (f < 0)
		return snprintf(why, size, "no field %s", field), -1;
	return record_parse_value(rec, (size_t)f, text, why, size) ? -1 : 0;
}

struct put {
	struct record rec;
	struct problems p;
	enum put_outcome o;
	const char *ladder; /* the active ladder being set */
};

static int put_record(struct req *r, void *ctx, struct err *e)
{
	struct put *x = ctx;
	if (x->ladder) {
		/* A preset is stored the first time it is made active, so
		 * alerts keep the ladder they climbed (docs/records.md). */
		struct ladder l;
		int rc = store_ladder(r->st, x->ladder, true, &l, e);
		if (rc <= 0)
			return rc < 0 ? -1 : err_set(e, "no such ladder");
	}
	if (store_record_put(r->st, &x->rec, &x->o, &x->p, e))
		return -1;
	return x->p.errors || x->o == PUT_REFUSED ? err_set(e, "refused") : 0;
}

static int ladders_post(struct req *r)
{
	struct form_errors fe = { .n = 0 };
	const char *key = req_form(r, "ladder");
	struct ladder l;
	struct err e = { "" };
	int found = *key ? store_ladder(r->st, key, false, &l, &e) : 0;
	if (found < 0)
		return -1;
	if (!found)
		form_error(&fe, "ladder", "Choose a ladder");
	if (fe.n)
		return ladders_page(r, &fe);
	struct put x = { .ladder = key };
	char why[300];
	record_init(&x.rec, &KIND_SETTING);
	problems_init(&x.p);
	int rc = set_field(&x.rec, "key", "ladder", why, sizeof why) ||
			 set_field(&x.rec, "value", key, why, sizeof why)
		 ? -1
		 : in_txn(r, put_record, &x, &e);
	record_clear(&x.rec);
	problems_free(&x.p);
	if (rc)
		return -1;
	return done(r, "/admin/ladders", "ladder");
}

/* ---- Themes and teams ---------------------------------------------------- */

static int list_row(void *ctx, const struct record *rec)
{
	struct buf *b = ctx;
	h_raw_trusted(b, "<tr class=\"govuk-table__row\">");
	cell(b, record_get(rec, "name")->s);
	cell(b, record_get(rec, "active")->i ? "Yes" : "No");
	h_raw_trusted(b, "</tr>");
	return 0;
}

static int list_page(struct req *r, const struct kind *k,
		     const struct form_errors *fe)
{
	bool theme = k == &KIND_THEME;
	begin(r, theme ? "Themes" : "Teams", fe, "/admin");
	struct buf *b = &r->out;
	h_printf(b, "<h1 class=\"govuk-heading-l\">%s</h1>",
		 theme ? "Themes" : "Teams");
	static const char *const H[] = { "Name", "Active" };
	c_table_begin(b,
		      theme ? "The themes an alert can be about"
			    : "The social work teams",
		      false, H, ARRAY_LEN(H));
	struct err e;
	if (store_record_each(r->st, k, list_row, b, &e))
		return -1;
	h_printf(b,
		 "</tbody></table><h2 class=\"govuk-heading-m\">Add a %s</h2>"
		 "<form method=\"post\" action=\"/admin/%s\" novalidate>",
		 theme ? "theme" : "team", theme ? "themes" : "teams");
	c_csrf(b, r);
	c_input(b, "name", "Name", NULL, form_value(r, "name", ""), fe, NULL);
	c_button(b, theme ? "Add the theme" : "Add the team", false);
	h_raw_trusted(b, "</form>");
	return end(r, fe);
}

static int themes(struct req *r)
{
	return list_page(r, &KIND_THEME, NULL);
}

static int teams(struct req *r)
{
	return list_page(r, &KIND_TEAM, NULL);
}

struct name_seek {
	const char *name;
	bool found;
};

static int seek_name(void *ctx, const struct record *rec)
{
	struct name_seek *s = ctx;
	if (strcasecmp(record_get(rec, "name")->s, s->name) == 0)
		s->found = true;
	return 0;
}

static int list_post(struct req *r, const struct kind *k)
{
	bool theme = k == &KIND_THEME;
	struct form_errors fe = { .n = 0 };
	struct err e = { "" };
	const char *name = req_form(r, "name");
	struct name_seek s = { name, false };
	if (!*name)
		form_error(&fe, "name", "Enter the %s's name",
			   theme ? "theme" : "team");
	else if (strlen(name) > 200)
		form_error(&fe, "name", "The name must be at most 200 "
					"characters");
	else if (store_record_each(r->st, k, seek_name, &s, &e))
		return -1;
	else if (s.found)
		form_error(&fe, "name", "There is a %s called %s already",
			   theme ? "theme" : "team", name);
	struct put x = { .ladder = NULL };
	char why[300];
	record_init(&x.rec, k);
	problems_init(&x.p);
	if (!fe.n && set_field(&x.rec, "name", name, why, sizeof why))
		form_error(&fe, "name", "%s", why);
	int rc = 0;
	if (!fe.n && in_txn(r, put_record, &x, &e)) {
		if (x.p.errors)
			form_error(&fe, "name", "%s", x.p.v[0].reason);
		else
			rc = -1;
	}
	record_clear(&x.rec);
	problems_free(&x.p);
	if (rc)
		return -1;
	if (fe.n)
		return list_page(r, k, &fe);
	return theme ? done(r, "/admin/themes", "theme")
		     : done(r, "/admin/teams", "team");
}

static int themes_post(struct req *r)
{
	return list_post(r, &KIND_THEME);
}

static int teams_post(struct req *r)
{
	return list_post(r, &KIND_TEAM);
}

/* ---- Restricted records ------------------------------------------------- */

static int restricted_page(struct req *r, const struct form_errors *fe)
{
	begin(r, "Restricted records", fe, "/admin");
	struct buf *b = &r->out;
	h_raw_trusted(b, "<h1 class=\"govuk-heading-l\">Restricted records"
			 "</h1><p class=\"govuk-body\">A child's record can be "
			 "restricted to the people named on it. Name a user on "
			 "a child's record, or take their name off.</p><form "
			 "method=\"post\" action=\"/admin/restricted\" "
			 "novalidate>");
	c_csrf(b, r);
	c_input(b, "child", "Child's LA id", NULL, form_value(r, "child", ""),
		fe, "govuk-input--width-10");
	c_input(b, "username", "Username", NULL, form_value(r, "username", ""),
		fe, "govuk-input--width-20");
	static const char *const GRANT[][2] = {
		{ "grant", "Name them on the child's record" },
		{ "revoke", "Take their name off" },
	};
	c_radios(b, "grant", "grant", "What to do", GRANT, ARRAY_LEN(GRANT),
		 form_value(r, "grant", ""), fe);
	c_button(b, "Save", false);
	h_raw_trusted(b, "</form>");
	return end(r, fe);
}

static int restricted(struct req *r)
{
	return restricted_page(r, NULL);
}

struct access {
	int64_t child, user;
	bool grant;
};

static int set_access(struct req *r, void *ctx, struct err *e)
{
	struct access *a = ctx;
	return store_child_access_set(r->st, a->child, a->user, a->grant, e);
}

static int restricted_post(struct req *r)
{
	struct form_errors fe = { .n = 0 };
	struct err e = { "" };
	struct access a = { 0 };
	const char *child = req_form(r, "child");
	if (!*child)
		form_error(&fe, "child", "Enter the child's LA id");
	else if ((a.child = store_child_id(r->st, child, &e)) < 0)
		return -1;
	else if (!a.child)
		form_error(&fe, "child", "There is no child with LA id %s",
			   child);
	const char *name = req_form(r, "username");
	struct app_user u;
	char lower[65];
	int found = 0;
	if (!*name)
		form_error(&fe, "username", "Enter the user's username");
	else if (!username_normalise(name, lower, sizeof lower) ||
		 (found = store_user_by_name(r->st, lower, &u, &e)) == 0)
		form_error(&fe, "username", "There is no user called %s", name);
	if (found < 0)
		return -1;
	if (found) {
		sodium_memzero(u.password_hash, sizeof u.password_hash);
		a.user = u.id;
	}
	const char *g = req_form(r, "grant");
	if (strcmp(g, "grant") != 0 && strcmp(g, "revoke") != 0)
		form_error(&fe, "grant", "Choose whether to name them or take "
					 "their name off");
	a.grant = strcmp(g, "grant") == 0;
	if (fe.n)
		return restricted_page(r, &fe);
	if (in_txn(r, set_access, &a, &e))
		return -1;
	return done(r, "/admin/restricted", a.grant ? "named" : "unnamed");
}

const struct route WEB_ROUTES_ADMIN[] = {
	{ "GET", "/admin", ADMIN, 0, admin_home },
	{ "GET", "/admin/users", ADMIN, 0, users },
	{ "GET", "/admin/users/new", ADMIN, 0, user_new },
	{ "POST", "/admin/users/new", ADMIN, 0, user_create },
	{ "GET", "/admin/users/{id}", ADMIN, 0, user_show },
	{ "POST", "/admin/users/{id}", ADMIN, 0, user_post },
	{ "GET", "/admin/calendar", ADMIN, 0, calendar },
	{ "POST", "/admin/calendar", ADMIN, 0, calendar_post },
	{ "GET", "/admin/ladders", ADMIN, 0, ladders },
	{ "POST", "/admin/ladders", ADMIN, 0, ladders_post },
	{ "GET", "/admin/ladders/{key}", ADMIN, 0, ladder_show },
	{ "GET", "/admin/themes", ADMIN, 0, themes },
	{ "POST", "/admin/themes", ADMIN, 0, themes_post },
	{ "GET", "/admin/teams", ADMIN, 0, teams },
	{ "POST", "/admin/teams", ADMIN, 0, teams_post },
	{ "GET", "/admin/restricted", ADMIN, 0, restricted },
	{ "POST", "/admin/restricted", ADMIN, 0, restricted_post },
	{ NULL, NULL, 0, 0, NULL },
};
