/*
 * report_make.h - the annual report and the monthly dashboard made from
 * the store, and written in a format into memory: what `iro report` and
 * the web's reports page share, so that both give the same figures.
 */
#ifndef IRO_REPORT_MAKE_H
#define IRO_REPORT_MAKE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"
#include "core/measures.h"
#include "core/report.h"
#include "core/rtable.h"
#include "lib/buf.h"

struct err;
struct store;

enum report_format { RFMT_HTML, RFMT_JSON, RFMT_CSV, RFMT_XLSX };

/* At most this many periods compared; by default those held, up to 6. */
#define REPORT_MAX_PERIODS 24

struct report_job {
	const char *command;  /* named in the audit log ("report annual") */
	enum report_kind kind;
	int32_t from, to;     /* the period */
	int32_t as_of;        /* the day deadlines are judged on */
	int32_t made;         /* the day the report is made */
	size_t nperiods;      /* 0: as held in the database */
	bool is_public;
	long threshold;       /* with is_public: counts 1..threshold hidden */
};

/* What is done with the report once made: its return value is
 * report_make's. */
typedef int (*report_out_fn)(void *ctx, const struct report *r,
			     const struct measures *m, size_t nperiods);

/*
 * Makes the report of job j and hands it to out. st and st2 are two
 * connections to the same database (st2 is read on a second thread, so
 * the report takes about half as long on two cores); cal is the working-
 * day calendar. The read is audited (store_audit_read) first. Returns
 * out's value, or -1 with err when the report could not be made.
 */
int report_make(struct store *st, struct store *st2,
		const struct calendar *cal, const struct report_job *j,
		report_out_fn out, void *ctx, struct err *err);

/* "2025-26" or "2025/26" into the year's first and last days: 0, or -1. */
int report_parse_year(const char *s, int32_t *from, int32_t *to);
/* "2026-03" into the month's first and last days: 0, or -1. */
int report_parse_month(const char *s, int32_t *from, int32_t *to);

/* "html", "json", "csv", "xlsx": 0 with *f, or -1. */
int report_parse_format(const char *s, enum report_format *f);

/*
 * Writes r in format f (HTML, JSON or XLSX; not CSV, which is a folder)
 * onto out. An XLSX workbook goes through a private temporary folder
 * (mode 0700), removed before returning. Returns 0, or -1 with a message
 * fit for a user in errbuf.
 */
int report_write_buf(const struct report *r, const struct measures *m,
		     size_t nperiods, enum report_format f, struct buf *out,
		     char *errbuf, size_t errsize);

#endif
