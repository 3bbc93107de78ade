/*
 * alerts.h - alert and ladder records (record_alerts.c) read in the terms
 * of the clock (dispute.h), and the rules an alert obeys against its
 * ladder and against its own past (spec §2, §3; issue 4).
 *
 * An alert's stages are numbered from 1 in its record (as users count
 * them) and from 0 in dispute.h (an index into the ladder).
 *
 * The rules, each checked wherever an alert comes in (a command, a load,
 * the web), because the store applies them on every write:
 *
 *  - Against the ladder (alert_check_ladder): every stage is one of the
 *    ladder's; a dispute is formal exactly when it has entered a formal
 *    stage (dispute_kind_after: raising or escalating to a formal stage
 *    makes it formal; an informal alert is one still on the informal
 *    stages).
 *  - Against its past (alert_check_change): an alert's history is never
 *    rewritten, so that one can never be lost or silently changed (issue
 *    4). The raised date stays; the stages entered stay as they were
 *    (stage, entry, due) and later ones are only added; a response, once
 *    given, stays; a closed alert (resolved, withdrawn, referred) stays
 *    closed on its day; actions are only added, and one done stays done.
 *    Corrections of wording (description, impact, outcome, themes, team)
 *    are allowed: the store keeps every replaced version with who and
 *    when.
 *
 * Pure: no I/O.
 */
#ifndef IRO_ALERTS_H
#define IRO_ALERTS_H

#include <stdbool.h>
#include <stdint.h>

#include "core/calendar.h"
#include "core/dispute.h"
#include "core/ladder.h"
#include "core/problem.h"

struct record;

/* An alert as its clock sees it. */
struct alert_view {
	int64_t id;
	struct alert_clock_in in; /* in.stages points into stages */
	struct alert_stage stages[LADDER_MAX_STAGES];
};

enum alert_kind alert_kind_of(const char *code);
enum alert_status alert_status_of(const char *code);
const char *alert_kind_code(enum alert_kind k);
const char *alert_status_code(enum alert_status s);

/* Reads alert record r into v, with the ladder's ceiling (ceiling_wd).
 * Stages beyond LADDER_MAX_STAGES are left out (the record's own rules
 * refuse them). */
void alert_view_read(const struct record *r, int ceiling_wd,
		     struct alert_view *v);

/* v as it stood at the end of as_of: stages entered later, responses
 * given later and a closure after as_of have not happened yet, and a
 * dispute was formal only if it had entered a formal stage of its ladder l
 * by then (l NULL: the kind is left as recorded). False when the alert was
 * raised after as_of (it did not exist). */
bool alert_view_as_of(struct alert_view *v, int32_t as_of,
		      const struct ladder *l);

/* Ladder record r (with its stages) into l; NULL, or why it is not a
 * ladder iro can run (ladder_check). */
const char *ladder_from_record(const struct record *r, struct ladder *l);

/* A ladder as a record of KIND_LADDER (initialised here), to be stored;
 * -1 when memory runs out. */
int ladder_to_record(const struct ladder *l, struct record *r);

/* Gives each stage of alert r that lacks them its name and addressee from
 * the ladder, and its response due (dispute_stage_due) from its entry. A
 * stage not on the ladder is left alone (alert_check_ladder refuses it). */
int alert_fill_stages(struct record *r, const struct ladder *l,
		      const struct calendar *cal);

void alert_check_ladder(const struct record *r, const struct ladder *l,
			struct problems *p);

/* r is about to replace old (the same alert): adds a problem for each way
 * it rewrites old's history. */
void alert_check_change(const struct record *old, const struct record *r,
			struct problems *p);

#endif
