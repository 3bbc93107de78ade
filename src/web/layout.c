/*
 * layout.c - the page frame (layout.h). The markup is the GOV.UK Design
 * System's template, skip link, service navigation and footer, with a
 * council header of our own in place of the GOV.UK header.
 */
#include "lib/common.h"
#include "lib/err.h"
#include "core/roles.h"
#include "store/store.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/session.h"
#include "web/web_int.h"

static const struct {
	enum nav nav;
	const char *href, *text;
	enum capability cap;
} NAV[] = {
	{ NAV_WORKLIST, "/worklist", "Worklist", CAP_WORKLIST },
	{ NAV_CASELOADS, "/caseloads", "Caseloads", CAP_CHILD_RECORDS },
	{ NAV_ALERTS, "/alerts", "Alerts", CAP_RECORD_WORK },
	{ NAV_REPORTS, "/reports", "Reports", CAP_REPORTS },
	{ NAV_ADMIN, "/admin", "Administration", CAP_ADMIN },
	{ NAV_AUDIT, "/audit", "Audit log", CAP_AUDIT },
};

static void authority(struct req *r, char *out, size_t size)
{
	struct err e;
	if (!r->st || store_setting_get(r->st, "authority_name", out, size,
					&e) <= 0 ||
	    !out[0])
		snprintf(out, size, "%s", "Children's services");
}

/* What the last save left for this page (session_notice_set): the DfE
 * rules' warnings on the child's return, as an "Important" notification
 * banner (GOV.UK Design System) listing them. */
static void notice(struct req *r)
{
	char text[SESSION_NOTICE_MAX];
	if (!r->signed_in || !r->session[0] ||
	    !session_notice_take(r->app->sessions, r->session, text,
				 sizeof text))
		return;
	struct buf *b = &r->out;
	h_raw_trusted(b, "<div class=\"govuk-notification-banner\" role=\""
			 "region\" aria-labelledby=\"notice-title\" data-"
			 "module=\"govuk-notification-banner\"><div class=\""
			 "govuk-notification-banner__header\"><h2 class=\""
			 "govuk-notification-banner__title\" id=\"notice-"
			 "title\">Important</h2></div><div class=\"govuk-"
			 "notification-banner__content\"><p class=\"govuk-"
			 "notification-banner__heading\">Saved. The DfE's "
			 "validation rules find these in the child's SSDA903 "
			 "return:</p><ul class=\"govuk-list govuk-list--"
			 "bullet\">");
	char *save = NULL;
	for (char *line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save))
		h_printf(b, "<li>%s</li>", line);
	h_raw_trusted(b, "</ul></div></div>");
}

void page_begin_error(struct req *r, const char *title, enum nav current,
		      bool error)
{
	struct buf *b = &r->out;
	char council[201];
	authority(r, council, sizeof council);
	h_printf(b,
		 "<!DOCTYPE html>\n<html lang=\"en\" class=\"govuk-template\">"
		 "<head><meta charset=\"utf-8\">"
		 "<title>%s%s – IRO service – %s</title>"
		 "<meta name=\"viewport\" content=\"width=device-width, "
		 "initial-scale=1, viewport-fit=cover\">"
		 "<meta name=\"robots\" content=\"noindex, nofollow\">"
		 "<link rel=\"icon\" href=\"data:,\">"
		 "<link rel=\"stylesheet\" href=\"%s\">"
		 "<link rel=\"stylesheet\" href=\"%s\">"
		 "<script type=\"module\" src=\"%s\"></script>"
		 "</head><body class=\"govuk-template__body\">"
		 "<a href=\"#main-content\" class=\"govuk-skip-link\" "
		 "data-module=\"govuk-skip-link\">Skip to main content</a>",
		 error ? "Error: " : "", title, council, ASSET_GOVUK_CSS,
		 ASSET_IRO_CSS, ASSET_IRO_JS);
	h_printf(b,
		 "<header class=\"iro-header\"><div class=\"govuk-width-"
		 "container iro-header__container\">"
		 "<span class=\"iro-header__council\">%s</span>",
		 council);
	if (r->signed_in)
		h_printf(b,
			 "<form class=\"iro-header__account\" method=\"post\" "
			 "action=\"/sign-out\"><span class=\"iro-header__user\">"
			 "%s (%s)</span> <input type=\"hidden\" name=\"csrf\" "
			 "value=\"%s\"><button type=\"submit\" "
			 "class=\"iro-header__signout\">Sign out</button>"
			 "</form>",
			 r->user.display_name, role_title(r->user.role),
			 r->csrf);
	h_raw_trusted(b, "</div></header>");
	h_raw_trusted(b,
		      "<section aria-label=\"Service information\" "
		      "class=\"govuk-service-navigation\" data-module=\"govuk-"
		      "service-navigation\"><div class=\"govuk-width-"
		      "container\"><div class=\"govuk-service-navigation__"
		      "container\"><span class=\"govuk-service-navigation__"
		      "service-name\"><a href=\"/\" class=\"govuk-service-"
		      "navigation__link\">IRO service</a></span>");
	if (r->signed_in) {
		h_raw_trusted(b,
			      "<nav aria-label=\"Menu\" class=\"govuk-service-"
			      "navigation__wrapper\"><ul class=\"govuk-service-"
			      "navigation__list\" id=\"navigation\">");
		for (size_t i = 0; i < ARRAY_LEN(NAV); i++) {
			if (!role_may(r->user.role, NAV[i].cap))
				continue;
			bool on = NAV[i].nav == current;
			h_printf(b,
				 "<li class=\"govuk-service-navigation__item%s"
				 "\"><a class=\"govuk-service-navigation__"
				 "link\" href=\"%s\"",
				 on ? " govuk-service-navigation__item--"
				      "active"
				    : "",
				 NAV[i].href);
			h_raw_trusted(b, on ? " aria-current=\"page\">" : ">");
			h_printf(b, "%s</a></li>", NAV[i].text);
		}
		h_raw_trusted(b, "</ul></nav>");
	}
	h_raw_trusted(b, "</div></div></section>"
			 "<div class=\"govuk-width-container\">"
			 "<main class=\"govuk-main-wrapper\" id=\"main-content\">");
	notice(r);
}

void page_begin(struct req *r, const char *title, enum nav current)
{
	page_begin_error(r, title, current, false);
}

void page_end(struct req *r)
{
	h_raw_trusted(&r->out,
		      "</main></div><footer class=\"govuk-footer\"><div class="
		      "\"govuk-width-container\"><div class=\"govuk-footer__"
		      "meta\"><div class=\"govuk-footer__meta-item govuk-"
		      "footer__meta-item--grow\"><h2 class=\"govuk-visually-"
		      "hidden\">Support links</h2><ul class=\"govuk-footer__"
		      "inline-list\"><li class=\"govuk-footer__inline-list-"
		      "item\"><a class=\"govuk-footer__link\" href=\"/"
		      "accessibility\">Accessibility statement</a></li></ul>"
		      "<span class=\"govuk-footer__licence-description\">"
		      "OFFICIAL-SENSITIVE: children's records. Every page you "
		      "open is recorded.</span></div></div></div></footer>"
		      "</body></html>\n");
}
