/*
 * layout.h - the frame of every page: the council's header (no crown, no
 * GOV.UK logotype, system fonts: landscape.md §3), the service navigation
 * for what the user's role may use, the main column and the footer.
 */
#ifndef IRO_WEB_LAYOUT_H
#define IRO_WEB_LAYOUT_H

#include "web/req.h"

enum nav { NAV_NONE, NAV_WORKLIST, NAV_CASELOADS, NAV_ALERTS, NAV_REPORTS,
	   NAV_ADMIN, NAV_AUDIT };

/* Starts the page: title is the page's h1 words ("Error: " is put in
 * front when `error`). */
void page_begin(struct req *r, const char *title, enum nav current);
void page_begin_error(struct req *r, const char *title, enum nav current,
		      bool error);
void page_end(struct req *r);

/* The URLs of the embedded assets (assets.c). */
extern const char ASSET_GOVUK_CSS[], ASSET_GOVUK_JS[], ASSET_IRO_CSS[],
	ASSET_IRO_JS[];

#endif
