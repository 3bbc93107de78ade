/*
 * assets.c - the CSS and JavaScript compiled into the binary (Makefile:
 * web_assets.c), served under versioned names with a year's caching.
 */
#include "lib/common.h"
#include "store/embedded.h"
#include "web/route.h"

extern const struct embedded_file web_assets[];
extern const size_t web_assets_count;

static int asset(struct req *r)
{
	const char *name = r->args[0];
	for (size_t i = 0; i < web_assets_count; i++) {
		if (strcmp(web_assets[i].name, name))
			continue;
		size_t len = strlen(name);
		r->content_type_out =
			len > 4 && strcmp(name + len - 4, ".css") == 0
				? "text/css; charset=utf-8"
				: "text/javascript; charset=utf-8";
		r->immutable = true;
		return buf_adds(&r->out, web_assets[i].text);
	}
	return web_error(r, 404, "There is no such file.");
}

/* Browsers ask for an icon that pages other than iro's own (the report,
 * which stands alone) do not name: there is none, and that is no error. */
static int no_icon(struct req *r)
{
	r->status = 204;
	r->immutable = true;
	return 0;
}

const struct route WEB_ROUTES_ASSETS[] = {
	{ "GET", "/favicon.ico", ROLES_ALL, ROUTE_PUBLIC, no_icon },
	{ "GET", "/assets/{name}", ROLES_ALL, ROUTE_PUBLIC, asset },
	{ NULL, NULL, 0, 0, NULL },
};
