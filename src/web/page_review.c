/*
 * page_review.c - (being written)
 */
#include "lib/common.h"
#include "web/route.h"

const struct route WEB_ROUTES_REVIEW[] = {
	{ NULL, NULL, 0, 0, NULL },
};
