/*
 * page_admin.c - (being written)
 */
#include "lib/common.h"
#include "web/route.h"

const struct route WEB_ROUTES_ADMIN[] = {
	{ NULL, NULL, 0, 0, NULL },
};
