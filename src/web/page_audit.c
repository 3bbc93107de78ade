/*
 * page_audit.c - (being written)
 */
#include "lib/common.h"
#include "web/route.h"

const struct route WEB_ROUTES_AUDIT[] = {
	{ NULL, NULL, 0, 0, NULL },
};
