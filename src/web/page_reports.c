/*
 * page_reports.c - (being written)
 */
#include "lib/common.h"
#include "web/route.h"

const struct route WEB_ROUTES_REPORTS[] = {
	{ NULL, NULL, 0, 0, NULL },
};
