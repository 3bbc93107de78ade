/*
 * report_html.h - a report (core/rtable.h) as one HTML document, for a
 * browser and for printing to PDF on A4.
 *
 * The document stands alone: its CSS is in a <style> element and its
 * charts are inline SVG drawn from the tables, so it needs no other file,
 * font, script or image and can be mailed, archived and printed exactly as
 * it was made. Every label, note and narrative is escaped on the way out.
 */
#ifndef IRO_REPORT_HTML_H
#define IRO_REPORT_HTML_H

#include <stdio.h>

struct report;

/* Writes the report as one self-contained HTML document (no external
 * files, fonts, scripts or images: CSS in a <style> element, charts as
 * inline SVG), print-ready on A4. Returns 0, or -1 on a write error. */
int report_html_write(const struct report *r, FILE *out);

#endif
