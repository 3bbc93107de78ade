/*
 * dispute.h - a practice alert's clock and the moves it may make (spec §2,
 * §3; domain-rules §5; issue 4).
 *
 * An alert is raised by an IRO about a child's care plan: good practice (a
 * commendation, no ladder), informal or formal (a dispute, climbing the
 * authority's ladder, ladder.h). Its stage history says which stage it
 * entered when, the response due and when the response came.
 *
 * The rules, read beside the IRO Handbook (domain-rules §5.1):
 *
 *  - A stage's response is due `response_wd` working days after the day it
 *    was entered (spec §3: "within N working days of D": D is day 0, the
 *    deadline the Nth working day after D). The due date is fixed when
 *    the stage is entered, so changing the ladder later changes no alert.
 *  - The ceiling (Handbook 6.2, "timescales in total of no more than 20
 *    working days") counts working days from the day the alert was raised
 *    (day 0) to the day it closed, or to as_of while it is open; it is
 *    passed when more than ceiling_wd have gone. The same count is the
 *    alert's time to resolve (seed-tables M56: raised date to resolution
 *    date).
 *  - On as_of an open alert is CEILING_PASSED when the ceiling has gone
 *    by, else STAGE_OVERDUE when its current stage (the last entered) has
 *    had no response and its due date is before as_of (a response due on
 *    as_of is not yet late), else ON_TIME.
 *  - Moves (dispute_refusal): a closed alert (resolved, withdrawn,
 *    referred to Cafcass) makes none, but its actions may still be done;
 *    a good-practice alert has no stages, responses or referral. Escalate
 *    goes up one stage or skips to any higher stage (Handbook 6.2: "The IRO
 *    may bypass any stage"), never past the last (refer to Cafcass instead)
 *    nor down. A stage is responded to once. Refer to Cafcass from any
 *    stage (Handbook ch. 6: "at any point"). No move is dated before the
 *    one it follows: the raised date, the current stage's entry.
 *  - An alert raised or escalated to a formal stage is formal from then on.
 *
 * Pure: no I/O.
 */
#ifndef IRO_DISPUTE_H
#define IRO_DISPUTE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"
#include "core/ladder.h"

enum alert_kind { ALERT_GOOD_PRACTICE, ALERT_INFORMAL, ALERT_FORMAL };
enum alert_status { ALERT_OPEN, ALERT_RESOLVED, ALERT_WITHDRAWN,
		    ALERT_CAFCASS };

struct alert_stage {
	int stage;         /* index into the ladder's stages */
	int32_t entered;
	int32_t due;       /* the response due; DATE_NONE if none */
	int32_t responded; /* DATE_NONE until a response */
};

struct alert_clock_in {
	enum alert_kind kind;
	enum alert_status status;
	int32_t raised;
	int32_t closed;    /* resolution, withdrawal or referral; DATE_NONE */
	const struct alert_stage *stages; /* in the order entered */
	size_t nstages;
	int ceiling_wd;
};

enum alert_state {
	ALERT_ON_TIME,
	ALERT_STAGE_OVERDUE,
	ALERT_CEILING_PASSED,
	ALERT_CLOSED,      /* resolved, withdrawn or referred */
	ALERT_NO_CLOCK,    /* good practice: nothing to resolve */
};

/* "on time", "stage overdue", "past the ceiling", "closed", "" (no
 * clock): the words lists and reports print. */
const char *dispute_state_words(enum alert_state s);

struct alert_clock {
	enum alert_state state;
	int elapsed_wd;       /* raised to closed, or to as_of while open */
	int32_t ceiling_date; /* the last day within the ceiling */
	int32_t stage_due;    /* the current stage's response due, or
			       * DATE_NONE (answered, or no stage) */
	int days_late;        /* STAGE_OVERDUE: as_of - stage_due;
			       * CEILING_PASSED: working days past it */
	bool within_ceiling;  /* elapsed_wd <= ceiling_wd */
};

/* The response due for a stage of `response_wd` entered on `entered`. */
int32_t dispute_stage_due(const struct calendar *cal, int32_t entered,
			  int response_wd);

/* The alert's clock on as_of (as_of is ignored for a closed alert's
 * elapsed time). A date beyond the calendar gives ALERT_ON_TIME with
 * ceiling_date DATE_NONE. */
void dispute_clock(const struct calendar *cal, const struct alert_clock_in *a,
		   int32_t as_of, struct alert_clock *out);

/* The alert as it stood at the end of as_of, into out (its stages in buf,
 * LADDER_MAX_STAGES of them): one raised after as_of did not exist yet
 * (false), and stages entered, responses given and a closure after as_of
 * had not happened yet. Stages come in the order entered, so those
 * entered later are the last; should more than LADDER_MAX_STAGES come,
 * the latest are kept (the clock needs the current one). A closed alert
 * with no closing day (the record's rules refuse one) is taken as closed. */
bool dispute_as_of(const struct alert_clock_in *a, int32_t as_of,
		   struct alert_stage *buf, struct alert_clock_in *out);

enum alert_move {
	MOVE_ESCALATE, /* to `stage` (> the current one) */
	MOVE_RESPOND,  /* the current stage answered */
	MOVE_RESOLVE,
	MOVE_WITHDRAW,
	MOVE_CAFCASS,  /* referred to Cafcass */
	MOVE_ACTION,   /* an action added or done */
};

/* NULL when the move is allowed for the alert on `date`, else why not, in
 * words a user can act on ("stage 2 is the last stage of the ladder: refer
 * to Cafcass instead"), written to why. */
const char *dispute_refusal(const struct ladder *l,
			    const struct alert_clock_in *a,
			    enum alert_move move, int stage, int32_t date,
			    char *why, size_t size);

/* The kind an alert has after entering `stage` (formal stages make it
 * formal; good practice stays so). */
enum alert_kind dispute_kind_after(const struct ladder *l,
				   enum alert_kind kind, int stage);

/* Bands of working days to resolve (spec §4: <= 5, 6-10, 11-20, > 20). */
enum resolve_band { BAND_5, BAND_10, BAND_20, BAND_OVER, BAND_COUNT };
enum resolve_band dispute_band(int elapsed_wd);

#endif
