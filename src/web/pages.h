/*
 * pages.h - what the page files and the API share beyond components.h.
 */
#ifndef IRO_WEB_PAGES_H
#define IRO_WEB_PAGES_H

#include <stdint.h>

#include "store/roster.h"
#include "store/store.h"
#include "web/req.h"

/*
 * The worklist a request asks for on r->today, audited first: an IRO's
 * own, or for a manager the service's or (?iro=ID) one IRO's. `via` is
 * "page" or "api" (the audit's detail, and how a refusal is answered).
 * Restricted records the user is not named on are left out.
 * 0 with *ro, *iro and *rows filled (the caller frees ro and rows); 1 when
 * the request was answered (no such IRO); -1 on a failure.
 */
int web_worklist_read(struct req *r, const char *via, struct roster *ro,
		      int64_t *iro, struct wl_rows *rows);

#endif
