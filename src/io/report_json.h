/*
 * report_json.h - the report as JSON: the measures of the period under
 * stable keys (docs/report-json.md), the same for each period before it,
 * and every table of the report.
 */
#ifndef IRO_REPORT_JSON_H
#define IRO_REPORT_JSON_H

#include <stdio.h>

#include "core/measures.h"
#include "core/rtable.h"

/* The measures of windows 0..nperiods-1 of m (the last is the period
 * reported on) and the tables of r. In a public version (r->is_public)
 * the measures' counts are suppressed as the tables' are. Returns 0, or
 * -1 when writing fails or memory runs out. */
int report_json_write(const struct report *r, const struct measures *m,
		      size_t nperiods, FILE *out);

#endif
