/*
 * history.c - each child's episodes and reviews, streamed for the clocks.
 *
 * Three ordered queries (children, episodes, reviews, each by child id)
 * are merged as they are read, so every child costs a few rows and no
 * query of its own: fast enough for a national-size store.
 */
#include "lib/common.h"
#include "lib/err.h"
#include "lib/xalloc.h"
#include "core/date.h"
#include "store/store_int.h"

static const char SQL_CHILDREN[] =
	"SELECT id, la_child_id, dob FROM child ORDER BY id";
static const char SQL_ALL_EPISODES[] =
	"SELECT child_id, decom, dec, rne, ls, place, rec FROM episode "
	"ORDER BY child_id, decom";
/* Pathway plan reviews of care leavers are not on the looked-after
 * schedule. */
static const char SQL_ALL_HELD[] =
	"SELECT child_id, held_date, pn_code FROM review "
	"WHERE status = 'held' AND kind <> 'pathway_plan' "
	"ORDER BY child_id, held_date";

int store_each_child(struct store *st, store_child_fn fn, void *ctx,
		     struct err *err)
{
	sqlite3_stmt *c = store_stmt(st, SQL_CHILDREN, err);
	sqlite3_stmt *e = c ? store_stmt(st, SQL_ALL_EPISODES, err) : NULL;
	sqlite3_stmt *r = e ? store_stmt(st, SQL_ALL_HELD, err) : NULL;
	if (!r)
		return -1;

	struct episode *eps = NULL;
	int32_t *held = NULL;
	char(*pn)[4] = NULL;
	size_t ecap = 0, hcap = 0, pcap = 0;
	int result = 0;
	int erc = sqlite3_step(e), rrc = sqlite3_step(r), crc;

	while ((crc = sqlite3_step(c)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(c, 0);
		size_t ne = 0, nh = 0;
		while (erc == SQLITE_ROW && sqlite3_column_int64(e, 0) < id)
			erc = sqlite3_step(e);
		while (erc == SQLITE_ROW && sqlite3_column_int64(e, 0) == id) {
			if (GROW(eps, ecap, ne + 1)) {
				result = err_set(err, "out of memory");
				goto done;
			}
			column_episode(e, 1, &eps[ne++]);
			erc = sqlite3_step(e);
		}
		while (rrc == SQLITE_ROW && sqlite3_column_int64(r, 0) < id)
			rrc = sqlite3_step(r);
		while (rrc == SQLITE_ROW && sqlite3_column_int64(r, 0) == id) {
			if (GROW(held, hcap, nh + 1) || GROW(pn, pcap, nh + 1)) {
				result = err_set(err, "out of memory");
				goto done;
			}
			held[nh] = column_date(r, 1);
			column_copy(r, 2, pn[nh], sizeof pn[nh]);
			nh++;
			rrc = sqlite3_step(r);
		}
		struct child_history h = {
			.id = id,
			.la_child_id = column_text(c, 1),
			.dob = column_date(c, 2),
			.episodes = eps,
			.nepisodes = ne,
			.held = held,
			.pn = (const char(*)[4])pn,
			.nheld = nh,
		};
		result = fn(ctx, &h);
		if (result)
			goto done;
	}
	if (crc != SQLITE_DONE || (erc != SQLITE_DONE && erc != SQLITE_ROW) ||
	    (rrc != SQLITE_DONE && rrc != SQLITE_ROW))
		result = store_fail(st, err, "reading children's histories");
done:
	sqlite3_reset(c);
	sqlite3_reset(e);
	sqlite3_reset(r);
	free(eps);
	free(held);
	free(pn);
	return result;
}
