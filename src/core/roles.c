/*
 * roles.c - who may do what: the table of spec §1.
 */
#include "lib/common.h"
#include "core/roles.h"

static const struct {
	const char *name, *title;
	unsigned caps;
} ROLES[ROLE_COUNT] = {
#define C(c) (1u << (c))
	[ROLE_IRO] = { "iro", "IRO",
		       C(CAP_WORKLIST) | C(CAP_CHILD_RECORDS) |
			       C(CAP_RECORD_WORK) },
	[ROLE_MANAGER] = { "manager", "IRO manager",
			   C(CAP_WORKLIST) | C(CAP_CHILD_RECORDS) |
				   C(CAP_RECORD_WORK) | C(CAP_ALLOCATE) |
				   C(CAP_WHOLE_SERVICE) | C(CAP_REPORTS) |
				   C(CAP_AUDIT) },
	/* Analysts see the service's figures, not children's records:
	 * "personal details only where needed" (spec §1). */
	[ROLE_ANALYST] = { "analyst", "Performance analyst", C(CAP_REPORTS) },
	[ROLE_ADMIN] = { "admin", "Administrator", C(CAP_ADMIN) | C(CAP_AUDIT) },
	[ROLE_AUDITOR] = { "auditor", "Auditor", C(CAP_AUDIT) },
#undef C
};

const char *role_name(enum role r)
{
	return (unsigned)r < ROLE_COUNT ? ROLES[r].name : "?";
}

const char *role_title(enum role r)
{
	return (unsigned)r < ROLE_COUNT ? ROLES[r].title : "?";
}

int role_parse(const char *s, enum role *out)
{
	for (int r = 0; r < ROLE_COUNT; r++)
		if (strcmp(s, ROLES[r].name) == 0) {
			*out = (enum role)r;
			return 0;
		}
	return -1;
}

bool role_may(enum role r, enum capability c)
{
	return (unsigned)r < ROLE_COUNT && (ROLES[r].caps & (1u << c));
}

bool role_sees_child(enum role r, const struct child_access *a)
{
	/* A restricted record is for its named users alone (spec §1). */
	if (a->restricted && !a->named)
		return false;
	if (!role_may(r, CAP_CHILD_RECORDS))
		return false;
	/* An IRO sees their own caseload and cover cases; a manager the
	 * whole service. */
	return role_may(r, CAP_WHOLE_SERVICE) || a->caseload;
}

bool username_normalise(const char *in, char *out, size_t size)
{
	size_t n = strlen(in);
	if (n == 0 || n >= size || n > 64)
		return false;
	for (size_t i = 0; i <= n; i++)
		out[i] = (char)tolower((unsigned char)in[i]);
	return strspn(out, "abcdefghijklmnopqrstuvwxyz0123456789._-") == n;
}
