/*
 * cmd_user.c - the people who sign in to the web pages: iro user add |
 * passwd | disable | enable | list | grant | revoke. A password is read
 * from standard input (without echo at a terminal), never from the
 * command line, where other users of the machine could see it.
 */
#include "lib/common.h"
#include <sodium.h>
#include "lib/err.h"
#include "store/roster.h"
#include "store/store.h"
#include "web/auth.h"
#include "cli/cli.h"

extern const struct command CMD_USER_ADD, CMD_USER_PASSWD, CMD_USER_DISABLE,
	CMD_USER_ENABLE, CMD_USER_LIST, CMD_USER_GRANT, CMD_USER_REVOKE;

static const char *opt_role, *opt_iro, *opt_name;

/* Reads a password from stdin into out: 0, or 1 after saying why not. */
static int read_password(const struct command *cmd, char *out, size_t size)
{
	bool tty = isatty(STDIN_FILENO);
	struct termios old, quiet;
	if (tty) {
		fprintf(stderr, "Password (at least %d characters): ",
			AUTH_PASSWORD_MIN);
		tcgetattr(STDIN_FILENO, &old);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
	}
	bool got = fgets(out, (int)size, stdin) != NULL;
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSANOW, &old);
		fputc('\n', stderr);
	}
	if (!got) {
		fprintf(stderr, "iro %s: give the password on standard input\n",
			cmd->name);
		return 1;
	}
	out[strcspn(out, "\r\n")] = '\0';
	const char *why = auth_password_problem(out);
	if (why) {
		fprintf(stderr, "iro %s: %s\n", cmd->name, why);
		return 1;
	}
	return 0;
}

static int hash_password(const struct command *cmd, char *hash, size_t size)
{
	char pw[300];
	struct err e = { "" };
	int rc = read_password(cmd, pw, sizeof pw);
	if (rc == 0 && (auth_init() || auth_hash(pw, hash, size, &e))) {
		fprintf(stderr, "iro %s: %s\n", cmd->name,
			e.msg[0] ? e.msg : "libsodium would not start");
		rc = 1;
	}
	sodium_memzero(pw, sizeof pw);
	return rc;
}

/* Opens the store and finds the user named `username`. */
static int open_user(const struct command *cmd, const char *db,
		     const char *username, struct store **st,
		     struct app_user *u)
{
	struct err e = { "" };
	if (cli_open(cmd, db, st))
		return 1;
	int found = store_user_by_name(*st, username, u, &e);
	if (found == 1)
		return 0;
	if (found < 0)
		fprintf(stderr, "iro %s: %s\n", cmd->name, e.msg);
	else
		fprintf(stderr, "iro %s: there is no user \"%s\"\n", cmd->name,
			username);
	store_close(*st);
	*st = NULL;
	return 1;
}

/* Runs fn inside one transaction, printing a failure. */
static int in_txn(const struct command *cmd, struct store *st,
		  int (*fn)(struct store *st, void *ctx, struct err *e),
		  void *ctx)
{
	struct err e = { "" };
	store_set_actor(st, "cli:user");
	int rc = store_begin(st, &e);
	if (rc == 0 && (rc = fn(st, ctx, &e)) == 0)
		rc = store_commit(st, &e);
	else
		store_rollback(st);
	if (rc)
		fprintf(stderr, "iro %s: %s\n", cmd->name, e.msg);
	return rc ? 1 : 0;
}

static int add_user(struct store *st, void *ctx, struct err *e)
{
	return store_user_add(st, ctx, e);
}

static int run_add(const char *db, const char *const *pos)
{
	const struct command *cmd = &CMD_USER_ADD;
	struct app_user u = { 0 };
	size_t n = strlen(pos[0]);
	if (n == 0 || n > 64 ||
	    strspn(pos[0], "abcdefghijklmnopqrstuvwxyz0123456789._-") != n)
		return args_bad(cmd, "USERNAME", pos[0],
				"1 to 64 lower-case letters, digits, . _ or -");
	snprintf(u.username, sizeof u.username, "%s", pos[0]);
	snprintf(u.display_name, sizeof u.display_name, "%s",
		 opt_name ? opt_name : pos[0]);
	if (!opt_role || role_parse(opt_role, &u.role))
		return args_bad(cmd, "--role", opt_role ? opt_role : "",
				"one of iro, manager, analyst, admin, auditor");
	if ((u.role == ROLE_IRO) != (opt_iro != NULL))
		return args_bad(cmd, "--iro", opt_iro ? opt_iro : "",
				u.role == ROLE_IRO
					? "an IRO's user names their IRO record"
					: "only an IRO's user names an IRO");
	struct store *st;
	if (cli_open(cmd, db, &st))
		return 1;
	int rc = 0;
	if (opt_iro) {
		struct roster ro;
		struct err e = { "" };
		const struct roster_iro *i = NULL;
		if (roster_load(st, &ro, &e) == 0) {
			i = roster_by_name(&ro, opt_iro);
			u.iro_id = i ? i->w.id : 0;
			roster_free(&ro);
		}
		if (!i)
			rc = args_bad(cmd, "--iro", opt_iro,
				      e.msg[0] ? e.msg
					       : "there is no IRO of this name");
	}
	if (rc == 0)
		rc = hash_password(cmd, u.password_hash,
				   sizeof u.password_hash);
	if (rc == 0)
		rc = in_txn(cmd, st, add_user, &u);
	if (rc == 0)
		printf("Added user %s (%s).\n", u.username, role_title(u.role));
	sodium_memzero(u.password_hash, sizeof u.password_hash);
	store_close(st);
	return rc;
}

struct change {
	struct app_user *u;
	const char *hash;
	bool disabled;
	int64_t child;
	bool grant;
};

static int set_password(struct store *st, void *ctx, struct err *e)
{
	struct change *c = ctx;
	return store_user_set_password(st, c->u->id, c->hash, e);
}

static int run_passwd(const char *db, const char *const *pos)
{
	const struct command *cmd = &CMD_USER_PASSWD;
	struct store *st;
	struct app_user u;
	if (open_user(cmd, db, pos[0], &st, &u))
		return 1;
	char hash[AUTH_HASH_MAX];
	int rc = hash_password(cmd, hash, sizeof hash);
	struct change c = { &u, hash, false, 0, false };
	if (rc == 0)
		rc = in_txn(cmd, st, set_password, &c);
	if (rc == 0)
		printf("Changed the password of %s.\n", u.username);
	store_close(st);
	return rc;
}

static int set_disabled(struct store *st, void *ctx, struct err *e)
{
	struct change *c = ctx;
	return store_user_set_disabled(st, c->u->id, c->disabled, e);
}

static int disable(const struct command *cmd, const char *db,
		   const char *name, bool disabled)
{
	struct store *st;
	struct app_user u;
	if (open_user(cmd, db, name, &st, &u))
		return 1;
	struct change c = { &u, NULL, disabled, 0, false };
	int rc = in_txn(cmd, st, set_disabled, &c);
	if (rc == 0)
		printf("%s %s: %s.\n", disabled ? "Disabled" : "Enabled",
		       u.username,
		       disabled ? "they cannot sign in, and any session of "
				  "theirs ends at its next request"
				: "they can sign in again");
	store_close(st);
	return rc;
}

static int run_disable(const char *db, const char *const *pos)
{
	return disable(&CMD_USER_DISABLE, db, pos[0], true);
}

static int run_enable(const char *db, const char *const *pos)
{
	return disable(&CMD_USER_ENABLE, db, pos[0], false);
}

static int print_user(void *ctx, const struct app_user *u)
{
	(void)ctx;
	printf("%-20s %-20s %-24s %s\n", u->username, role_title(u->role),
	       u->iro_name, u->disabled ? "disabled" : "");
	return 0;
}

static int run_list(const char *db, const char *const *pos)
{
	(void)pos;
	struct store *st;
	struct err e = { "" };
	if (cli_open(&CMD_USER_LIST, db, &st))
		return 1;
	printf("%-20s %-20s %-24s %s\n", "username", "role", "iro", "status");
	int rc = store_user_each(st, print_user, NULL, &e);
	if (rc)
		fprintf(stderr, "iro user list: %s\n", e.msg);
	store_close(st);
	return rc ? 1 : 0;
}

static int set_access(struct store *st, void *ctx, struct err *e)
{
	struct change *c = ctx;
	return store_child_access_set(st, c->child, c->u->id, c->grant, e);
}

static int name_on_record(const struct command *cmd, const char *db,
		  const char *const *pos, bool grant)
{
	struct store *st;
	struct app_user u;
	if (open_user(cmd, db, pos[0], &st, &u))
		return 1;
	struct err e = { "" };
	int64_t child = store_child_id(st, pos[1], &e);
	int rc = 0;
	if (child <= 0) {
		fprintf(stderr, "iro %s: %s\n", cmd->name,
			child < 0 ? e.msg : "there is no child of that id");
		rc = 1;
	}
	struct change c = { &u, NULL, false, child, grant };
	if (rc == 0)
		rc = in_txn(cmd, st, set_access, &c);
	if (rc == 0)
		printf(grant ? "%s may now see child %s's restricted record.\n"
			     : "%s is no longer named on child %s's record.\n",
		       u.username, pos[1]);
	store_close(st);
	return rc;
}

static int run_grant(const char *db, const char *const *pos)
{
	return name_on_record(&CMD_USER_GRANT, db, pos, true);
}

static int run_revoke(const char *db, const char *const *pos)
{
	return name_on_record(&CMD_USER_REVOKE, db, pos, false);
}

static const struct opt ADD_OPTS[] = {
	{ "role", "ROLE", "iro, manager, analyst, admin or auditor",
	  &opt_role },
	{ "iro", "NAME", "for an IRO: the IRO record whose caseload they see",
	  &opt_iro },
	{ "name", "TEXT", "the name pages show (default the username)",
	  &opt_name },
	{ NULL, NULL, NULL, NULL },
};

static const struct opt NO_OPTS[] = { { NULL, NULL, NULL, NULL } };

const struct command CMD_USER_ADD = {
	.name = "user add",
	.args = "USERNAME",
	.npos = 1,
	.summary = "Add a person who signs in to the web pages.",
	.details = "The password (at least 12 characters) is read from "
		   "standard input:\n  iro user add asha --role iro --iro "
		   "\"Asha Patel\" --name \"Asha Patel\"\nRoles (spec §1): iro "
		   "(own caseload and cover cases), manager (the whole\nservice, "
		   "allocations), analyst (reports), admin (users, calendar, "
		   "ladders),\nauditor (the audit log, read only).",
	.opts = ADD_OPTS,
	.run = run_add,
};

const struct command CMD_USER_PASSWD = {
	.name = "user passwd",
	.args = "USERNAME",
	.npos = 1,
	.summary = "Set a user's password (read from standard input).",
	.opts = NO_OPTS,
	.run = run_passwd,
};

const struct command CMD_USER_DISABLE = {
	.name = "user disable",
	.args = "USERNAME",
	.npos = 1,
	.summary = "Stop a user signing in (they are kept, for the audit log).",
	.opts = NO_OPTS,
	.run = run_disable,
};

const struct command CMD_USER_ENABLE = {
	.name = "user enable",
	.args = "USERNAME",
	.npos = 1,
	.summary = "Let a disabled user sign in again.",
	.opts = NO_OPTS,
	.run = run_enable,
};

const struct command CMD_USER_LIST = {
	.name = "user list",
	.summary = "List the users, their roles and IROs.",
	.opts = NO_OPTS,
	.run = run_list,
};

const struct command CMD_USER_GRANT = {
	.name = "user grant",
	.args = "USERNAME CHILD",
	.npos = 2,
	.summary = "Name a user on a child's restricted record.",
	.details = "A restricted record (a staff member's relative, say) is "
		   "seen only by the\nusers named on it, whatever their role.",
	.opts = NO_OPTS,
	.run = run_grant,
};

const struct command CMD_USER_REVOKE = {
	.name = "user revoke",
	.args = "USERNAME CHILD",
	.npos = 2,
	.summary = "Take a user's name off a child's restricted record.",
	.opts = NO_OPTS,
	.run = run_revoke,
};
