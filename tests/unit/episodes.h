/*
 * episodes.h - building SSDA903 episodes in unit tests.
 */
#ifndef IRO_TEST_EPISODES_H
#define IRO_TEST_EPISODES_H

#include "testutil.h"
#include "core/period.h"

/* EP(decom, dec or NULL, rne, ls, place, rec or "") */
static inline struct episode EP(const char *decom, const char *dec, char rne,
				const char *ls, const char *place,
				const char *rec)
{
	struct episode e;
	memset(&e, 0, sizeof e);
	e.decom = D(decom);
	e.dec = dec ? D(dec) : DATE_NONE;
	e.rne = rne;
	snprintf(e.ls, sizeof e.ls, "%s", ls);
	snprintf(e.place, sizeof e.place, "%s", place);
	snprintf(e.rec, sizeof e.rec, "%s", rec);
	return e;
}

#endif
