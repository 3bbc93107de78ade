/*
 * testutil.h - helpers shared by the unit tests (cmocka).
 */
#ifndef IRO_TESTUTIL_H
#define IRO_TESTUTIL_H

#include "lib/common.h"
#include <cmocka.h>

#include "core/date.h"

/* An ISO date as a day number; the test fails on a bad literal. */
static inline int32_t D(const char *iso)
{
	int32_t d = DATE_NONE;
	if (date_parse_iso(iso, &d) != DATE_OK)
		fail_msg("bad date literal in test: %s", iso);
	return d;
}

/* Compares two day numbers, printing both as ISO dates on failure. */
#define assert_date_equal(got, want)                                        \
	do {                                                                \
		int32_t g_ = (got), w_ = (want);                            \
		if (g_ != w_) {                                             \
			char gs_[16], ws_[16];                              \
			date_format_iso(g_, gs_);                           \
			date_format_iso(w_, ws_);                           \
			fail_msg("got %s, want %s", g_ == DATE_NONE ? "none" : gs_, \
				 w_ == DATE_NONE ? "none" : ws_);           \
		}                                                           \
	} while (0)

/* Runs a group with TAP output, which tests/run.sh counts. */
#define RUN_GROUP(tests, setup, teardown)                                   \
	(cmocka_set_message_output(CM_OUTPUT_TAP),                          \
	 _cmocka_run_group_tests(__FILE__, tests, ARRAY_LEN(tests), setup,  \
				 teardown))
#define RUN(tests) RUN_GROUP(tests, NULL, NULL)

#endif
