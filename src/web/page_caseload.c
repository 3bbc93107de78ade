/*
 * page_caseload.c - (being written)
 */
#include "lib/common.h"
#include "web/route.h"

const struct route WEB_ROUTES_CASELOAD[] = {
	{ NULL, NULL, 0, 0, NULL },
};
