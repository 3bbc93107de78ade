/*
 * page_child.c - (being written)
 */
#include "lib/common.h"
#include "web/route.h"

const struct route WEB_ROUTES_CHILD[] = {
	{ NULL, NULL, 0, 0, NULL },
};
