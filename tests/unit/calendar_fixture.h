/*
 * calendar_fixture.h - one England and Wales calendar for a test group,
 * built in the group's setup and freed in its teardown.
 */
#ifndef IRO_TEST_CALENDAR_FIXTURE_H
#define IRO_TEST_CALENDAR_FIXTURE_H

#include "testutil.h"
#include "core/calendar.h"

static struct calendar cal;

static int cal_setup(void **state)
{
	(void)state;
	return cal_init(&cal);
}

static int cal_teardown(void **state)
{
	(void)state;
	cal_free(&cal);
	return 0;
}

#endif
