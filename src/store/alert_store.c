/*
 * alert_store.c - what the store knows of ladders and alerts beyond their
 * rows: the active ladder (setting "ladder"), a preset stored when first
 * used, an alert's stages completed from its ladder before it is checked,
 * and the rules between an alert and the lists it names (core/alerts.h).
 */
#include "lib/common.h"
#include "lib/err.h"
#include "core/alerts.h"
#include "core/record.h"
#include "store/store_int.h"

static const char SQL_SETTING[] = "SELECT value FROM setting WHERE key = ?";
static const char SQL_THEME[] = "SELECT active FROM theme WHERE name = ?";
static const char SQL_TEAM[] = "SELECT active FROM team WHERE name = ?";

const struct calendar *store_calendar(struct store *st, struct err *err)
{
	/* Another connection (the web server has one per thread) may have
	 * changed a day since the calendar was built. */
	char stamp[sizeof st->cal_stamp];
	if (store_calendar_stamp(st, stamp, sizeof stamp, err))
		return NULL;
	if (st->cal_ready && strcmp(stamp, st->cal_stamp))
		store_calendar_forget(st);
	if (!st->cal_ready) {
		if (store_calendar_load(st, &st->cal, err))
			return NULL;
		st->cal_ready = true;
		memcpy(st->cal_stamp, stamp, sizeof stamp);
	}
	return &st->cal;
}

void store_calendar_forget(struct store *st)
{
	if (st->cal_ready)
		cal_free(&st->cal);
	st->cal_ready = false;
}

/* One text column of one row: 1 found (copied to out), 0 none, -1. */
static int text_lookup(struct store *st, const char *sql, const char *key,
		       char *out, size_t size, struct err *err)
{
	sqlite3_stmt *s = store_stmt(st, sql, err);
	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		column_copy(s, 0, out, size);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, err, "reading a setting");
	return rc == SQLITE_ROW;
}

int store_active_ladder(struct store *st, char *key, size_t size,
			struct err *err)
{
	int rc = text_lookup(st, SQL_SETTING, "ladder", key, size, err);
	if (rc == 0)
		snprintf(key, size, "%s", LADDER_DEFAULT);
	return rc < 0 ? -1 : 0;
}

/* The stored ladder `key` into l: 1, 0 when none is stored, -1. */
static int stored_ladder(struct store *st, const char *key, struct ladder *l,
			 struct err *err)
{
	struct record k, r;
	record_init(&k, &KIND_LADDER);
	if (record_set_text(&k, (size_t)kind_field(&KIND_LADDER, "key"), key))
		return err_set(err, "out of memory");
	int rc = store_record_find(st, &k, &r, err);
	record_clear(&k);
	if (rc > 0) {
		const char *bad = ladder_from_record(&r, l);
		if (bad)
			rc = err_set(err, "the stored ladder %s: %s", key, bad);
	}
	record_clear(&r);
	return rc;
}

int store_ladder(struct store *st, const char *key, bool store_preset,
		 struct ladder *l, struct err *err)
{
	int rc = stored_ladder(st, key, l, err);
	if (rc != 0)
		return rc;
	const struct ladder *preset = ladder_preset(key);
	if (!preset)
		return 0;
	*l = *preset;
	if (!store_preset)
		return 1;
	/* Stored as a record, so that later alerts, dumps and the history
	 * see the ladder the alert climbed even if the preset changes. */
	struct record r;
	struct problems p;
	problems_init(&p);
	enum put_outcome out;
	if (ladder_to_record(preset, &r))
		rc = err_set(err, "out of memory");
	else
		rc = store_record_put(st, &r, &out, &p, err);
	if (rc == 0 && p.errors)
		rc = err_set(err, "the %s preset was refused: %s", key,
			     p.v[0].reason);
	record_clear(&r);
	problems_free(&p);
	return rc < 0 ? -1 : 1;
}

int store_alert_fill(struct store *st, struct record *r, struct err *err)
{
	const struct value *kind = record_get(r, "kind");
	if (!kind->set || strcmp(kind->s, "good_practice") == 0)
		return 0;
	size_t f = (size_t)kind_field(r->kind, "ladder");
	if (!r->v[f].set) {
		char key[32];
		if (store_active_ladder(st, key, sizeof key, err) ||
		    record_set_text(r, f, key))
			return -1;
	}
	struct ladder l;
	int rc = store_ladder(st, r->v[f].s, true, &l, err);
	if (rc <= 0)
		return rc;
	const struct calendar *cal = store_calendar(st, err);
	if (!cal)
		return -1;
	return alert_fill_stages(r, &l, cal) ? err_set(err, "out of memory")
					     : 0;
}

/* A theme or team r names is on the authority's list, and active when
 * the alert is new (kept for old alerts, not offered for new ones). */
static int check_listed(struct store *st, const char *sql, const char *field,
			const char *name, bool is_new, struct problems *p,
			struct err *err)
{
	char active[8];
	int rc = text_lookup(st, sql, name, active, sizeof active, err);
	if (rc == 0)
		problem_add(p, false, NULL, 0, field, name,
			    "is not on the list of %ss (iro list %s shows it)",
			    field, field);
	else if (rc > 0 && is_new && strcmp(active, "0") == 0)
		problem_add(p, false, NULL, 0, field, name,
			    "is no longer in use for new alerts");
	return rc < 0 ? -1 : 0;
}

/* The ladder `key` (field `field` of a record) into l: 1 when there is
 * one, else a problem and 0; -1 on error. */
static int known_ladder(struct store *st, const char *field, const char *key,
			struct ladder *l, struct problems *p, struct err *err)
{
	int rc = store_ladder(st, key, false, l, err);
	if (rc == 0)
		problem_add(p, false, NULL, 0, field, key,
			    "there is no ladder with this key (iro ladder "
			    "list shows them)");
	return rc;
}

int store_setting_rules(struct store *st, const struct record *r,
			struct problems *p, struct err *err)
{
	const struct value *k = record_get(r, "key"), *v = record_get(r, "value");
	if (!k->set || !v->set || strcmp(k->s, "ladder") != 0)
		return 0;
	struct ladder l;
	return known_ladder(st, "value", v->s, &l, p, err) < 0 ? -1 : 0;
}

int store_alert_rules(struct store *st, const struct record *r,
		      const struct record *old, struct problems *p,
		      struct err *err)
{
	const struct value *team = record_get(r, "team");
	if (team->set &&
	    check_listed(st, SQL_TEAM, "team", team->s, !old, p, err))
		return -1;
	const struct record_list *th = &r->lists[kind_list(r->kind, "themes")];
	for (size_t i = 0; i < th->count; i++) {
		const struct value *t = record_get(&th->items[i], "theme");
		if (t->set && check_listed(st, SQL_THEME, "theme", t->s, !old,
					   p, err))
			return -1;
	}
	if (old)
		alert_check_change(old, r, p);
	const struct value *key = record_get(r, "ladder");
	if (!key->set)
		return 0;
	struct ladder l;
	int rc = known_ladder(st, "ladder", key->s, &l, p, err);
	if (rc > 0)
		alert_check_ladder(r, &l, p);
	return rc < 0 ? -1 : 0;
}
