/*
 * report.h - the annual report and the monthly dashboard, built as data
 * (rtable.h) from the measures (measures.h) and the alert counts
 * (alert_measures.h): every table with the periods before it beside it,
 * the headline figures, and a paragraph per section drafted from the
 * figures for a manager to edit.
 *
 * The windows of the measures are laid out by report_windows: the
 * comparison periods oldest first (the last is the period reported on),
 * then, for an annual report, the twelve months of its year.
 *
 * Pure: no I/O.
 */
#ifndef IRO_REPORT_H
#define IRO_REPORT_H

#include "core/alert_measures.h"
#include "core/measures.h"
#include "core/rtable.h"

enum report_kind { REPORT_ANNUAL, REPORT_MONTHLY };

/* The alert tables: which groupings, over which window. */
enum report_alerts {
	RA_KIND_YEAR,    /* kind x reporting year, every period compared */
	RA_KIND_MONTH,   /* kind x month of the period */
	RA_THEME_MONTH,  /* theme x month (BUCKS-T18) */
	RA_TEAM_MONTH,   /* team x month (BUCKS-T17) */
	RA_REACHED,      /* highest stage reached */
	RA_RESOLVED,     /* stage resolved at (BUCKS-F9) */
	RA_BAND,         /* working days to resolve (spec §4) */
	RA_WEEKS,        /* calendar weeks to resolve (BUCKS-F8) */
	RA_CEILING,      /* within the 20 working days or not (M57) */
	RA_ESCALATION,   /* escalated after a missed deadline (M57) */
	RA_TEAM_KIND,    /* team x kind, informal and formal (M53, LEW-F11) */
	RA_COUNT
};

struct report_alert_spec {
	enum alert_dim dims[2];
	size_t ndims;
	bool all_periods; /* the window is every period compared, not one */
	bool disputes;    /* informal and formal alerts only */
};
extern const struct report_alert_spec REPORT_ALERT_SPECS[RA_COUNT];

struct report_input {
	enum report_kind kind;
	const struct measures *m;
	size_t nperiods;       /* windows 0..nperiods-1: the periods compared */
	size_t months_first;   /* then the months of the last period, */
	size_t nmonths;        /* 0 for a monthly report */
	const char *authority; /* "" when not set */
	const char *group;     /* the named group of authorities (M08), or "" */
	int32_t made;
	/* Counted over the window of their spec, as on the period's end. */
	const struct alert_counts *alerts[RA_COUNT];
};

/*
 * Windows for a report on the year or month holding `end`'s period:
 * annual, `nperiods` reporting years ending with the one from..to, then
 * its 12 months; monthly, `nperiods` months ending with the month from..to.
 * Writes at most cap windows to out and returns how many (nperiods + 12
 * for an annual report, nperiods for a monthly one).
 */
size_t report_windows(enum report_kind kind, int32_t from, int32_t to,
		      size_t nperiods, int32_t (*out)[2], size_t cap);

/* Builds the report into r (report_init'ed). Returns 0, or -1 when memory
 * runs out. */
int report_build(struct report *r, const struct report_input *in);

/* Makes r a public version: in every table, counts from 1 to threshold
 * (and rates built on one) are suppressed, with whatever the table's
 * totals would reveal (core/suppress.h). -1 when memory runs out. */
int report_make_public(struct report *r, long threshold);

/* Drafts the headline figures and each section's paragraph from the
 * tables as they will be shown (after report_make_public, so a public
 * version's words reveal nothing its tables hide). */
int report_draft(struct report *r, enum report_kind kind);

/* "2021-22" for a reporting year starting on from; "Apr 2021" for a
 * month. */
void report_period_label(enum report_kind kind, int32_t from, char *out,
			 size_t size);

#endif
