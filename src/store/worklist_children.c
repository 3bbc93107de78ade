/*
 * worklist_children.c - the children a worklist on a day can name, in
 * temp.wl_active, for worklist_feed.c to read.
 */
#include "lib/common.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "store/store_int.h"

/*
 * The children a worklist on as_of can hold anything for: those in care at
 * some time from `since` to as_of, those with a review held then (the
 * minutes of a review are due after the child has left care) and those
 * with an alert that can make an item on as_of (temp.wl_alerts: an open
 * dispute is listed however long ago the child left care); for one IRO,
 * only those allocated to the IRO on as_of, whose review the IRO chaired
 * since, or whose alert in temp.wl_alerts the IRO raised (its items fall
 * to the raiser when the child has no IRO). Everyone else's records are
 * never read.
 *
 * They are found with the indexes episode_open and review_held, marked in
 * an array indexed by child id and handed to temp.wl_active in one
 * statement, in id order (a JSON array through json_each): far cheaper than SQLite
 * taking the union and inserting it row by row.
 */
static const char SQL_IN_CARE[] =
	"SELECT child_id FROM episode WHERE decom <= ?2 AND "
	"(dec IS NULL OR dec >= ?1)";
static const char SQL_HELD[] =
	"SELECT child_id FROM review WHERE held_date BETWEEN ?1 AND ?2";
static const char SQL_IRO_ALLOCATED[] =
	"SELECT child_id FROM allocation WHERE iro_id = ?3 AND "
	"start_date <= ?2 AND (end_date IS NULL OR end_date >= ?2)";
static const char SQL_IRO_CHAIRED[] =
	"SELECT child_id FROM review WHERE held_date BETWEEN ?1 AND ?2 "
	"AND chair_iro_id = ?3";
/* The chosen alerts drive (CROSS JOIN), never a scan of every alert. */
static const char SQL_ALERTED[] =
	"SELECT a.child_id FROM temp.wl_alerts AS w "
	"CROSS JOIN alert AS a ON a.id = w.id";
static const char SQL_IRO_RAISED[] =
	"SELECT a.child_id FROM temp.wl_alerts AS w "
	"CROSS JOIN alert AS a ON a.id = w.id WHERE a.iro_id = ?3";
static const char SQL_MAX_CHILD[] = "SELECT max(id) FROM child";
/* For one IRO's list the service-wide tests above are asked only of the
 * IRO's own children (in temp.wl_active by then), through the child-first
 * indexes, rather than of every child in the service. */
static const char SQL_IN_CARE_OF[] =
	"SELECT e.child_id FROM temp.wl_active AS w "
	"CROSS JOIN episode AS e ON e.child_id = w.id "
	"WHERE e.decom <= ?2 AND (e.dec IS NULL OR e.dec >= ?1)";
static const char SQL_HELD_OF[] =
	"SELECT r.child_id FROM temp.wl_active AS w "
	"CROSS JOIN review AS r ON r.child_id = w.id "
	"WHERE r.held_date BETWEEN ?1 AND ?2";

/*
 * The alerts that can make an item on as_of (?1; core/worklist.h): the
 * disputes raised by then that were open on it (open now, or closed after
 * it) or have an action due before it and not done by it. Each branch of
 * the union is one range of a small index (004_alerts.sql,
 * 005_alert_worklist.sql): open alerts and overdue actions are few.
 */
static const char SQL_ALERTS_TABLE[] =
	"CREATE TEMP TABLE IF NOT EXISTS wl_alerts(id INTEGER PRIMARY KEY)";
static const char SQL_ALERTS_CLEAR[] = "DELETE FROM temp.wl_alerts";
static const char SQL_ALERTS_FILL[] =
	"INSERT INTO temp.wl_alerts(id) SELECT id FROM alert WHERE id IN ("
	"SELECT id FROM alert WHERE status = 'open' "
	"UNION SELECT id FROM alert WHERE closed > ?1 "
	"UNION SELECT alert_id FROM alert_action WHERE done IS NULL "
	"AND due < ?1 "
	"UNION SELECT alert_id FROM alert_action WHERE done > ?1 "
	"AND due < ?1) "
	"AND kind <> 'good_practice' AND raised <= ?1";
static const char SQL_ACTIVE_TABLE[] =
	"CREATE TEMP TABLE IF NOT EXISTS wl_active(id INTEGER PRIMARY KEY)";
static const char SQL_ACTIVE_CLEAR[] = "DELETE FROM temp.wl_active";
static const char SQL_ACTIVE_FILL[] =
	"INSERT INTO temp.wl_active(id) SELECT value FROM json_each(?1)";

enum { IN_SERVICE = 1, IN_IROS = 2 };

/* Marks with `bit` the children the query (bound ?1 since, ?2 as_of, ?3
 * iro) returns. */
static int mark(struct store *st, const char *sql, int32_t since,
		int32_t as_of, int64_t iro, unsigned char *marks, int64_t max,
		unsigned char bit, struct err *err)
{
	sqlite3_stmt *s = store_stmt(st, sql, err);
	if (!s)
		return -1;
	bind_date(s, 1, since);
	bind_date(s, 2, as_of);
	sqlite3_bind_int64(s, 3, iro);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(s, 0);
		if (id > 0 && id <= max)
			marks[id] |= bit;
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, err, "choosing the children");
}

static int exec_once(struct store *st, const char *sql, struct buf *ids,
		     struct err *err)
{
	/* Not cached: the table must exist before the streams are
	 * prepared. */
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return store_fail(st, err, "choosing the children");
	if (ids)
		sqlite3_bind_text(s, 1, ids->data, (int)ids->len,
				  SQLITE_STATIC);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, err, "choosing the children");
}

/* temp.wl_alerts filled for as_of. The table is made before the cached
 * statements that read it are first prepared. */
static int alerts_on(struct store *st, int32_t as_of, struct err *err)
{
	if (exec_once(st, SQL_ALERTS_TABLE, NULL, err) ||
	    exec_once(st, SQL_ALERTS_CLEAR, NULL, err))
		return -1;
	sqlite3_stmt *s = store_stmt(st, SQL_ALERTS_FILL, err);
	if (!s)
		return -1;
	bind_date(s, 1, as_of);
	return store_exec_step(st, s, err, "choosing the children");
}

/* temp.wl_active filled with the children marked with every bit of
 * `want`; ids is scratch space. */
static int fill_active(struct store *st, const unsigned char *marks,
		       int64_t max, unsigned char want, struct buf *ids,
		       struct err *err)
{
	buf_reset(ids);
	int oom = buf_addc(ids, '[');
	for (int64_t id = 1; id <= max; id++)
		if ((marks[id] & want) == want)
			oom |= buf_printf(ids, ids->len > 1 ? ",%" PRId64
							    : "%" PRId64,
					  id);
	oom |= buf_addc(ids, ']');
	if (oom)
		return err_set(err, "out of memory");
	return exec_once(st, SQL_ACTIVE_TABLE, NULL, err) ||
			       exec_once(st, SQL_ACTIVE_CLEAR, NULL, err) ||
			       exec_once(st, SQL_ACTIVE_FILL, ids, err)
		       ? -1
		       : 0;
}

int store_worklist_children(struct store *st, int32_t since, int32_t as_of,
			    int64_t iro, struct err *err)
{
	if (alerts_on(st, as_of, err))
		return -1;
	sqlite3_stmt *s = store_stmt(st, SQL_MAX_CHILD, err);
	if (!s)
		return -1;
	int rc = sqlite3_step(s);
	int64_t max = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_reset(s);
	if (rc != SQLITE_ROW)
		return store_fail(st, err, "choosing the children");
	unsigned char *marks = calloc((size_t)max + 1, 1);
	if (!marks)
		return err_set(err, "out of memory");
	unsigned char want = iro ? IN_SERVICE | IN_IROS : IN_SERVICE;
	struct buf ids;
	buf_init(&ids, SIZE_MAX);
	int result;
	if (iro) {
		/* The IRO's children first, then which of them the service's
		 * tests keep. */
		result = mark(st, SQL_IRO_ALLOCATED, since, as_of, iro, marks,
			      max, IN_IROS, err) ||
				 mark(st, SQL_IRO_CHAIRED, since, as_of, iro,
				      marks, max, IN_IROS, err) ||
				 mark(st, SQL_IRO_RAISED, since, as_of, iro,
				      marks, max, IN_IROS, err) ||
				 fill_active(st, marks, max, IN_IROS, &ids,
					     err) ||
				 mark(st, SQL_IN_CARE_OF, since, as_of, iro,
				      marks, max, IN_SERVICE, err) ||
				 mark(st, SQL_HELD_OF, since, as_of, iro,
				      marks, max, IN_SERVICE, err) ||
				 mark(st, SQL_ALERTED, since, as_of, iro,
				      marks, max, IN_SERVICE, err)
			 ? -1
			 : 0;
	} else {
		result = mark(st, SQL_IN_CARE, since, as_of, iro, marks, max,
			      IN_SERVICE, err) ||
				 mark(st, SQL_HELD, since, as_of, iro, marks,
				      max, IN_SERVICE, err) ||
				 mark(st, SQL_ALERTED, since, as_of, iro,
				      marks, max, IN_SERVICE, err)
			 ? -1
			 : 0;
	}
	if (!result)
		result = fill_active(st, marks, max, want, &ids, err);
	free(marks);
	buf_free(&ids);
	return result;
}
