/*
 * test_roles.c - who may do what and see whom (core/roles.h), from spec §1:
 *   IRO          "own caseload (plus cover cases assigned to them)"
 *   IRO manager  "the whole service"
 *   analyst      "whole service; personal details only where needed"
 *   administrator "configuration, audit log"
 *   auditor/DPO  "audit log, read only"
 *   "Restricted records ... are visible only to named users."
 */
#include "testutil.h"
#include "core/roles.h"

static const struct child_access OPEN_MINE = { false, false, true };
static const struct child_access OPEN_OTHER = { false, false, false };
static const struct child_access RESTRICTED_MINE = { true, false, true };
static const struct child_access RESTRICTED_NAMED = { true, true, false };
static const struct child_access RESTRICTED_NAMED_MINE = { true, true, true };

/* "IRO: own caseload (plus cover cases assigned to them)" */
static void test_iro_sees_own_caseload_only(void **state)
{
	(void)state;
	assert_true(role_sees_child(ROLE_IRO, &OPEN_MINE));
	assert_false(role_sees_child(ROLE_IRO, &OPEN_OTHER));
}

/* "IRO manager: the whole service" */
static void test_manager_sees_the_whole_service(void **state)
{
	(void)state;
	assert_true(role_sees_child(ROLE_MANAGER, &OPEN_MINE));
	assert_true(role_sees_child(ROLE_MANAGER, &OPEN_OTHER));
}

/* Analysts produce reports; administrators and auditors see
 * configuration and the audit log: none of them a child's record. */
static void test_no_child_record_for_other_roles(void **state)
{
	(void)state;
	const enum role others[] = { ROLE_ANALYST, ROLE_ADMIN, ROLE_AUDITOR };
	for (size_t i = 0; i < ARRAY_LEN(others); i++) {
		assert_false(role_sees_child(others[i], &OPEN_OTHER));
		assert_false(role_sees_child(others[i], &RESTRICTED_NAMED));
	}
}

/* "Restricted records ... are visible only to named users": not to the
 * child's own IRO nor a manager unless named; being named does not widen
 * an IRO's view beyond their caseload. */
static void test_restricted_only_named_users(void **state)
{
	(void)state;
	assert_false(role_sees_child(ROLE_IRO, &RESTRICTED_MINE));
	assert_false(role_sees_child(ROLE_MANAGER, &RESTRICTED_MINE));
	assert_true(role_sees_child(ROLE_MANAGER, &RESTRICTED_NAMED));
	assert_false(role_sees_child(ROLE_IRO, &RESTRICTED_NAMED));
	assert_true(role_sees_child(ROLE_IRO, &RESTRICTED_NAMED_MINE));
}

/* "IRO manager: allocates children to IROs"; the others do not. */
static void test_capabilities(void **state)
{
	(void)state;
	assert_true(role_may(ROLE_MANAGER, CAP_ALLOCATE));
	assert_false(role_may(ROLE_IRO, CAP_ALLOCATE));
	assert_true(role_may(ROLE_IRO, CAP_RECORD_WORK));
	assert_true(role_may(ROLE_ANALYST, CAP_REPORTS));
	assert_false(role_may(ROLE_IRO, CAP_REPORTS));
	assert_true(role_may(ROLE_ADMIN, CAP_ADMIN));
	assert_false(role_may(ROLE_MANAGER, CAP_ADMIN));
	assert_true(role_may(ROLE_AUDITOR, CAP_AUDIT));
	assert_false(role_may(ROLE_AUDITOR, CAP_WORKLIST));
	assert_false(role_may(ROLE_COUNT, CAP_AUDIT));
}

static void test_role_names_round_trip(void **state)
{
	(void)state;
	for (int r = 0; r < ROLE_COUNT; r++) {
		enum role back;
		assert_int_equal(role_parse(role_name((enum role)r), &back), 0);
		assert_int_equal(back, r);
	}
	enum role x;
	assert_int_equal(role_parse("superuser", &x), -1);
}

/* A username as iro keeps it: lower case, 1-64 of a-z 0-9 . _ - */
static void test_username(void **state)
{
	(void)state;
	char out[65];
	assert_true(username_normalise("Asha.Patel", out, sizeof out));
	assert_string_equal(out, "asha.patel");
	assert_false(username_normalise("", out, sizeof out));
	assert_false(username_normalise("asha patel", out, sizeof out));
	assert_false(username_normalise("asha@council", out, sizeof out));
	char long65[66];
	memset(long65, 'a', 65);
	long65[65] = '\0';
	assert_false(username_normalise(long65, out, sizeof out));
	assert_true(username_normalise(long65 + 1, out, sizeof out));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_iro_sees_own_caseload_only),
		cmocka_unit_test(test_manager_sees_the_whole_service),
		cmocka_unit_test(test_no_child_record_for_other_roles),
		cmocka_unit_test(test_restricted_only_named_users),
		cmocka_unit_test(test_capabilities),
		cmocka_unit_test(test_role_names_round_trip),
		cmocka_unit_test(test_username),
	};
	return RUN(tests);
}
