/*
 * page_alerts.c - (being written)
 */
#include "lib/common.h"
#include "web/route.h"

const struct route WEB_ROUTES_ALERTS[] = {
	{ NULL, NULL, 0, 0, NULL },
};
