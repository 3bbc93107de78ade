/*
 * dispute.c - an alert's clock and moves (dispute.h says the rules).
 */
#include "lib/common.h"
#include "core/date.h"
#include "core/dispute.h"

int32_t dispute_stage_due(const struct calendar *cal, int32_t entered,
			  int response_wd)
{
	if (entered == DATE_NONE || response_wd <= 0)
		return DATE_NONE;
	return cal_add_workdays(cal, entered, response_wd);
}

const char *dispute_state_words(enum alert_state s)
{
	static const char *const W[] = {
		[ALERT_ON_TIME] = "on time",
		[ALERT_STAGE_OVERDUE] = "stage overdue",
		[ALERT_CEILING_PASSED] = "past the ceiling",
		[ALERT_CLOSED] = "closed",
		[ALERT_NO_CLOCK] = "",
	};
	return (unsigned)s < ARRAY_LEN(W) ? W[s] : "?";
}

void dispute_clock(const struct calendar *cal, const struct alert_clock_in *a,
		   int32_t as_of, struct alert_clock *out)
{
	memset(out, 0, sizeof *out);
	out->stage_due = DATE_NONE;
	out->ceiling_date = DATE_NONE;
	if (a->kind == ALERT_GOOD_PRACTICE) {
		out->state = ALERT_NO_CLOCK;
		out->within_ceiling = true;
		return;
	}
	bool open = a->status == ALERT_OPEN;
	int32_t end = open || a->closed == DATE_NONE ? as_of : a->closed;
	out->elapsed_wd = cal_workdays_between(cal, a->raised, end);
	out->within_ceiling = out->elapsed_wd <= a->ceiling_wd;
	out->ceiling_date = cal_add_workdays(cal, a->raised, a->ceiling_wd);
	const struct alert_stage *cur =
		a->nstages ? &a->stages[a->nstages - 1] : NULL;
	if (cur && cur->responded == DATE_NONE)
		out->stage_due = cur->due;
	if (!open) {
		out->state = ALERT_CLOSED;
		return;
	}
	if (!out->within_ceiling) {
		out->state = ALERT_CEILING_PASSED;
		out->days_late = out->elapsed_wd - a->ceiling_wd;
	} else if (out->stage_due != DATE_NONE && out->stage_due < as_of) {
		out->state = ALERT_STAGE_OVERDUE;
		out->days_late = (int)(as_of - out->stage_due);
	} else {
		out->state = ALERT_ON_TIME;
	}
}

bool dispute_as_of(const struct alert_clock_in *a, int32_t as_of,
		   struct alert_stage *buf, struct alert_clock_in *out)
{
	if (a->raised == DATE_NONE || a->raised > as_of)
		return false;
	size_t n = a->nstages;
	while (n > 0 && a->stages[n - 1].entered > as_of)
		n--;
	size_t from = n > LADDER_MAX_STAGES ? n - LADDER_MAX_STAGES : 0;
	for (size_t i = from; i < n; i++) {
		struct alert_stage *s = &buf[i - from];
		*s = a->stages[i];
		if (s->responded != DATE_NONE && s->responded > as_of)
			s->responded = DATE_NONE;
	}
	bool closed = a->status != ALERT_OPEN &&
		      (a->closed == DATE_NONE || a->closed <= as_of);
	*out = *a;
	out->status = closed ? a->status : ALERT_OPEN;
	out->closed = closed ? a->closed : DATE_NONE;
	out->stages = buf;
	out->nstages = n - from;
	return true;
}

static const char *refuse(char *why, size_t size, const char *fmt, ...)
	PRINTF_LIKE(3, 4);

static const char *refuse(char *why, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, size, fmt, ap);
	va_end(ap);
	return why;
}

static const char *status_words(enum alert_status s)
{
	return s == ALERT_RESOLVED    ? "resolved"
	       : s == ALERT_WITHDRAWN ? "withdrawn"
	       : s == ALERT_CAFCASS   ? "referred to Cafcass"
				      : "open";
}

static const char *move_words(enum alert_move m)
{
	static const char *const W[] = {
		[MOVE_ESCALATE] = "escalated", [MOVE_RESPOND] = "responded to",
		[MOVE_RESOLVE] = "resolved",   [MOVE_WITHDRAW] = "withdrawn",
		[MOVE_CAFCASS] = "referred to Cafcass",
		[MOVE_ACTION] = "given actions",
	};
	return W[m];
}

const char *dispute_refusal(const struct ladder *l,
			    const struct alert_clock_in *a,
			    enum alert_move move, int stage, int32_t date,
			    char *why, size_t size)
{
	const struct alert_stage *cur =
		a->nstages ? &a->stages[a->nstages - 1] : NULL;
	if (move == MOVE_ACTION) {
		if (a->status == ALERT_WITHDRAWN)
			return refuse(why, size, "the alert was withdrawn");
		return NULL;
	}
	if (a->status != ALERT_OPEN)
		return refuse(why, size, "the alert is %s: it cannot be %s",
			      status_words(a->status), move_words(move));
	if (a->kind == ALERT_GOOD_PRACTICE &&
	    (move == MOVE_ESCALATE || move == MOVE_RESPOND ||
	     move == MOVE_CAFCASS))
		return refuse(why, size, "a good-practice alert has no stages "
					 "to be %s", move_words(move));
	int32_t after = cur ? cur->entered : a->raised;
	if (date == DATE_NONE)
		return refuse(why, size, "the date is needed");
	if (date < after) {
		char d[DATE_ISO_LEN + 1];
		date_format_iso(after, d);
		return refuse(why, size, "is before %s, when the alert %s", d,
			      cur ? "entered its current stage" : "was raised");
	}
	switch (move) {
	case MOVE_ESCALATE: {
		int at = cur ? cur->stage : -1;
		if (at + 1 >= (int)l->nstages)
			return refuse(why, size,
				      "%s is the last stage of the ladder: refer "
				      "to Cafcass instead",
				      l->stages[l->nstages - 1].name);
		if (stage < 0 || stage >= (int)l->nstages)
			return refuse(why, size, "the ladder has stages 1 to %zu",
				      l->nstages);
		if (stage <= at)
			return refuse(why, size,
				      "the alert is at %s already: escalating "
				      "goes to a higher stage",
				      l->stages[at].name);
		return NULL;
	}
	case MOVE_RESPOND:
		if (!cur)
			return refuse(why, size, "the alert has no stage to "
						 "respond to");
		if (cur->responded != DATE_NONE)
			return refuse(why, size, "%s has had its response",
				      l->stages[cur->stage].name);
		return NULL;
	default:
		return NULL;
	}
}

enum alert_kind dispute_kind_after(const struct ladder *l,
				   enum alert_kind kind, int stage)
{
	if (kind == ALERT_GOOD_PRACTICE || stage < 0 ||
	    stage >= (int)l->nstages)
		return kind;
	return l->stages[stage].formal ? ALERT_FORMAL : kind;
}

enum resolve_band dispute_band(int elapsed_wd)
{
	return elapsed_wd <= 5	  ? BAND_5
	       : elapsed_wd <= 10 ? BAND_10
	       : elapsed_wd <= 20 ? BAND_20
				  : BAND_OVER;
}
