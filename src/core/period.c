/*
 * period.c - periods of care from SSDA903 episodes (spec §3).
 */
#include "lib/common.h"
#include "core/date.h"
#include "core/period.h"

static bool is_short_break_status(const char *ls)
{
	/* V3: agreed series of short-term breaks, individual episodes
	 * recorded; V4: the same, agreements recorded (domain-rules §1.4). */
	return strcmp(ls, "V3") == 0 || strcmp(ls, "V4") == 0;
}

static bool is_placed_for_adoption(const char *place)
{
	return place[0] == 'A' && place[1] >= '3' && place[1] <= '6' &&
	       place[2] == '\0';
}

static void add_episode(struct period *p, const struct episode *e)
{
	p->count++;
	p->end = e->dec;
	if (!is_short_break_status(e->ls))
		p->short_break = false;
	if (p->authority_date == DATE_NONE && strcmp(e->ls, "E1") == 0)
		p->authority_date = e->decom;
	if (p->placed_date == DATE_NONE && is_placed_for_adoption(e->place))
		p->placed_date = e->decom;
}

size_t period_build(const struct episode *eps, size_t n, struct period *out)
{
	size_t np = 0;
	struct period *cur = NULL; /* the period still running, if any */

	for (size_t i = 0; i < n; i++) {
		const struct episode *e = &eps[i];
		const struct episode *prev = i ? &eps[i - 1] : NULL;
		bool overlaps = prev && (prev->dec == DATE_NONE ||
					 e->decom < prev->dec);

		if (cur && prev && strcmp(prev->rec, "X1") == 0 &&
		    prev->dec != e->decom)
			cur->anomalies |= PERIOD_BROKEN_CHAIN;

		if (cur && e->rne != 'S') {
			/* A running period goes on through every episode
			 * that is not a new start. */
			if (overlaps)
				cur->anomalies |= PERIOD_OVERLAP;
			add_episode(cur, e);
		} else {
			/* RNE = S starts a period (spec §3). So does any
			 * episode when no period is running: the child is
			 * looked after from that day all the same, and the
			 * anomaly is flagged for the importer to report. */
			unsigned anomaly = 0;
			if (e->rne != 'S')
				anomaly |= PERIOD_NO_START;
			if (cur && overlaps) {
				/* A new start inside a running period: the
				 * old one cannot outlast the new one. */
				cur->anomalies |= PERIOD_OVERLAP;
				cur->end = e->decom;
			}
			if (cur && prev && strcmp(prev->rec, "X1") == 0 &&
			    prev->dec == e->decom)
				anomaly |= PERIOD_S_AFTER_X1;
			cur = &out[np++];
			cur->start = e->decom;
			cur->end = e->dec;
			cur->first = i;
			cur->count = 0;
			cur->short_break = true;
			cur->authority_date = DATE_NONE;
			cur->placed_date = DATE_NONE;
			cur->anomalies = anomaly;
			add_episode(cur, e);
		}

		/* X1 hands the period on; any other reason ends it. An open
		 * episode (no REC yet) leaves it running. */
		if (e->rec[0] != '\0' && strcmp(e->rec, "X1") != 0)
			cur = NULL;
	}
	return np;
}

int period_containing(const struct period *p, size_t n, int32_t date)
{
	for (size_t i = n; i-- > 0;)
		if (p[i].start <= date &&
		    (p[i].end == DATE_NONE || date <= p[i].end))
			return (int)i;
	return -1;
}

bool period_open_on(const struct period *p, int32_t date)
{
	return p->start <= date && (p->end == DATE_NONE || date < p->end);
}

int period_open_index(const struct period *p, size_t n, int32_t date)
{
	for (size_t i = n; i-- > 0;)
		if (period_open_on(&p[i], date))
			return (int)i;
	return -1;
}
