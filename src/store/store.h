/*
 * store.h - the case store: the one interface the rest of iro uses to keep
 * and fetch records. Functions are named for what the application needs,
 * not for SQL, so a second back end (PostgreSQL) could sit behind it
 * (design.md §2). Today it is SQLite: WAL, synchronous=FULL, foreign keys,
 * STRICT tables, defensive mode, a busy timeout, and every write
 * transaction begun with BEGIN IMMEDIATE.
 *
 * A struct store is one connection, owned by whoever opened it and closed
 * with store_close. Not for use by two threads at once.
 *
 * Every write is audited (who, when, what) in the same transaction as the
 * write, so the two stand or fall together. A command wraps all its writes
 * in one store_begin / store_commit: on any failure it calls
 * store_rollback and the database is left exactly as it was.
 */
#ifndef IRO_STORE_H
#define IRO_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"
#include "core/ladder.h"
#include "core/period.h"
#include "core/roles.h"
#include "core/ssda903.h"
#include "core/worklist.h"

struct err;
struct store;

enum store_open_mode {
	STORE_EXISTING, /* the database must exist; it is migrated if older */
	STORE_CREATE    /* the file must not exist; a new database is made */
};

int store_open(const char *path, enum store_open_mode mode,
	       struct store **out, struct err *err);
void store_close(struct store *st);

/* The schema version the database is at, and the one this build makes. */
int store_schema_version(struct store *st);
int store_schema_latest(void);

/* Who is acting, for the audit log ("cli:alice"). The string is copied. */
void store_set_actor(struct store *st, const char *actor);

/* Whether store_record_put adds the DfE rules' warnings for an episode or
 * review written (store_dfe_warnings): on, unless a bulk load turns it
 * off. */
void store_set_dfe_warnings(struct store *st, bool on);

/* A write transaction (BEGIN IMMEDIATE), its commit, its rollback. */
int store_begin(struct store *st, struct err *err);
int store_commit(struct store *st, struct err *err);
void store_rollback(struct store *st);
/* Ends whatever a connection kept open: a transaction left half done (it
 * is rolled back) and statements not stepped to their end, which would
 * hold a read snapshot and make another connection's write wait. A
 * long-lived connection (the web server's) calls it after each request. */
void store_idle(struct store *st);

/* Settings: small named values (the authority's name, local targets). */
int store_setting_set(struct store *st, const char *key, const char *value,
		      struct err *err);
/* The setting's value into out (cut to size): 1 when set, 0 (out "") when
 * not, -1 on error. */
int store_setting_get(struct store *st, const char *key, char *out,
		      size_t size, struct err *err);

/*
 * Appends to the audit log. entity_id and child_id are 0 when there is
 * none; detail is a JSON document or NULL. Writes must call it inside
 * their transaction. A read of children's records calls store_audit_read,
 * which commits its own row before the read, so that nothing is shown
 * that was not first logged.
 */
int store_audit(struct store *st, const char *action, const char *entity,
		int64_t entity_id, int64_t child_id, const char *detail,
		struct err *err);
int store_audit_read(struct store *st, const char *entity, int64_t child_id,
		     const char *detail, struct err *err);

/* ---- The working-day calendar ---------------------------------------- */

/* Builds the England and Wales calendar and applies the administrator's
 * days held in the store. The caller frees it with cal_free. */
int store_calendar_load(struct store *st, struct calendar *cal,
			struct err *err);

/* Makes `day` a holiday (working = false) or a working day, named. */
int store_calendar_set_day(struct store *st, int32_t day, bool working,
			   const char *name, struct err *err);
/* Removes the administrator's setting for `day`: returns 1 if there was
 * none. */
int store_calendar_clear_day(struct store *st, int32_t day, struct err *err);

struct calendar_day {
	int32_t day;
	bool working;
	const char *name;        /* valid during the callback */
	const char *recorded_at;
	const char *actor;
};
int store_calendar_days(struct store *st,
			int (*fn)(void *ctx, const struct calendar_day *d),
			void *ctx, struct err *err);

/* ---- Ladders (core/ladder.h, core/alerts.h) --------------------------- */

/* The key of the authority's ladder: setting "ladder", else LADDER_DEFAULT. */
int store_active_ladder(struct store *st, char *key, size_t size,
			struct err *err);

/* The ladder with this key into l: the stored one, else the preset of
 * that key (stored first, inside the caller's transaction, when
 * store_preset). 1 found, 0 none, -1 error. */
int store_ladder(struct store *st, const char *key, bool store_preset,
		 struct ladder *l, struct err *err);

/* The ladders alerts name, each read from the store once. */
#define LADDERS_CACHED 16
struct ladder_cache {
	struct ladder v[LADDERS_CACHED];
	size_t n;
};
/* The ladder with this key (NULL: none), or NULL when there is none or
 * the cache is full (the caller then counts the alert without stage
 * names). */
const struct ladder *store_ladder_cached(struct ladder_cache *c,
					 struct store *st, const char *key,
					 struct err *err);

/* Adds a row with no alerts for every active team or theme (k is
 * KIND_TEAM or KIND_THEME) in list order, so one with no alerts is still
 * shown (BUCKS-T17). -1 on error (in err). */
struct alert_counts;
struct kind;
int store_listed_rows(struct store *st, const struct kind *k,
		      struct alert_counts *c, struct err *err);

/* ---- SSDA903 -------------------------------------------------------- */

struct import_counts {
	long children, episodes, reviews;              /* in the files */
	long children_added, children_changed;
	long episodes_added, episodes_changed;
	long reviews_added, reviews_changed;
};

/*
 * Merges a checked SSDA903 return into the store: records are matched on
 * the child's id, the episode's start date and the review's date; new
 * ones are added, changed ones updated (the old values kept in the audit
 * log) and nothing is deleted. Importing the same files again changes
 * nothing. Must be called inside a transaction.
 */
int store_import_903(struct store *st, const struct s903_set *set,
		     const char *source, struct import_counts *counts,
		     struct err *err);

/*
 * Keeps the tables of a return (prepared, d->year its collection year)
 * that iro does not hold as records - OC2, OC3, AD1, placed for adoption,
 * previous permanence, missing, social worker episodes - child by child
 * for the year, and lists the header's children as in that year's return
 * (schema 009). A child's rows of a table are replaced when they differ
 * and left alone when not; *changed counts the tables replaced. Call
 * after store_import_903, inside its transaction.
 */
struct v903_data;
int store_import_903_rows(struct store *st, const struct v903_data *d,
			  const char *source, long *changed, struct err *err);

/*
 * The collection year d->year's return from the store, into d (made with
 * v903_init): every child in that year's imported return or looked after
 * on a day of the year, their episodes that year (one open at the year's
 * end returned open), their looked-after and adoption reviews held in the
 * year, UASC, and the kept tables' rows for the year. Audited as one read.
 */
int store_export_903(struct store *st, struct v903_data *d, struct err *err);

/*
 * The DfE's validation rules (core/v903.h) on one child's part of the
 * return of the collection year holding `day`, with last year's for the
 * rules that compare the two: each row a rule flags is added to p as a
 * warning - the table, the row's date and "DfE rule CODE: message". The
 * placement's derived columns (authority, distance) are left blank.
 */
struct problems;
int store_dfe_warnings(struct store *st, int64_t child, int32_t day,
		       struct problems *p, struct err *err);

/* ---- Children's histories, for the clocks --------------------------- */

struct child_history {
	int64_t id;
	const char *la_child_id;        /* the LA's child id */
	int32_t dob;
	const struct episode *episodes; /* sorted by start date */
	size_t nepisodes;
	/* Reviews held that count for the statutory schedule (all but
	 * pathway plan reviews), sorted by date, with their participation
	 * codes ("" when not recorded). */
	const int32_t *held;
	const char (*pn)[4];
	size_t nheld;
};

/* Calls fn for every child in turn, in the store's order; the history is
 * valid only during the call. fn returns non-zero to stop (and that value
 * is returned). */
typedef int (*store_child_fn)(void *ctx, const struct child_history *h);
int store_each_child(struct store *st, store_child_fn fn, void *ctx,
		     struct err *err);

/* The postcode table (core/postcode.h) into t, which the caller has
 * zeroed and frees with pc_free. */
struct pc_table;
int store_postcodes(struct store *st, struct pc_table *t, struct err *err);

/* ---- The report's measures (core/measures.h) -------------------------- */

struct measures;
struct msr_iro;

/* The service's IROs for the measures, by name, with their dated FTE;
 * owned by the struct (store_msr_iros_free). */
struct store_msr_iros {
	struct msr_iro *v;
	int64_t *ids; /* the store's id of each */
	size_t n;
	int32_t *fte_from;
	double *fte;
	int32_t (*absences)[2];
};
int store_msr_iros(struct store *st, struct store_msr_iros *x,
		   struct err *err);
void store_msr_iros_free(struct store_msr_iros *x);
/* The index of the IRO with store id `id`, or -1. */
int store_msr_iro_index(const struct store_msr_iros *x, int64_t id);

/* The records that hang off reviews (recommendations, consultations,
 * status changes), read apart so that another connection can read them
 * while the reviews are read; owned by the caller
 * (store_msr_side_free). */
struct store_msr_side;
int store_msr_side_read(struct store *st, struct store_msr_side **out,
			struct err *err);
/* The alerts that name the review that prompted them (M39), as the
 * report's alert pass saw them: review ids with ESC_INFORMAL or ESC_FORMAL
 * (measures.h), copied. -1 when memory runs out. */
int store_msr_side_escalations(struct store_msr_side *side,
			       const int64_t *reviews, const uint8_t *bits,
			       size_t n);
void store_msr_side_free(struct store_msr_side *side);

/* Hands every child's records, then the service's advocacy, feedback, QA
 * and oversight records, to the measures m (made with iros' IROs), in one
 * pass: one query per kind of record, none per child. side(ctx) is called
 * once the reviews are read and gives the side records (NULL: failed);
 * they must outlive the call. The caller audits the read first
 * (store_audit_read). */
int store_measures(struct store *st, struct measures *m,
		   const struct store_msr_iros *iros,
		   struct store_msr_side *(*side)(void *ctx), void *ctx,
		   struct err *err);
/* The day of the first review held, or DATE_NONE (none, or an error in
 * err). */
int32_t store_first_review_day(struct store *st, struct err *err);

/* ---- The worklist ------------------------------------------------------ */

/* Calls fn with what the worklist on s->as_of needs (core/worklist.h):
 * periods of care, reviews, allocations, the contacts from
 * wl_contacts_from(s), the open recommendations due before as_of and the
 * alerts that can make an item on as_of; valid only during the call. The
 * children are those in care at some time in the minutes look-back
 * (s->minutes_lookback_days before as_of, to as_of), with a review held
 * then, or with such an alert; with `iro` (not 0) only those allocated to
 * that IRO on as_of, with a review the IRO chaired then or with such an
 * alert the IRO raised: a superset of everyone the worklist or caseload on
 * as_of can name. fn returns non-zero
 * to stop (and that value is returned). */
typedef int (*store_wl_fn)(void *ctx, const struct wl_child *c,
			   const char *la_child_id);
int store_each_worklist_child(struct store *st, const struct wl_settings *s,
			      int64_t iro, store_wl_fn fn, void *ctx,
			      struct err *err);

/* One item of the worklist, with its child. */
struct wl_row {
	struct wl_item item;
	int64_t child;         /* the store's id */
	char la_child_id[40];
};
struct wl_rows {
	struct wl_row *v;
	size_t n, cap;
	long counts[WL_KIND_COUNT];
};

/* The worklist on s->as_of, with the store's calendar: one IRO's (`iro`:
 * their caseload and cover cases) or the service's (iro 0), overdue kinds
 * first, each kind by date, then by child. The caller audits the read
 * first and frees out with wl_rows_free. */
int store_worklist(struct store *st, const struct wl_settings *s,
		   int64_t iro, struct wl_rows *out, struct err *err);
void wl_rows_free(struct wl_rows *r);

/* ---- Records of every kind (core/record.h, docs/records.md) ----------- */

struct kind;
struct record;
struct problems;

/* The record of kind k with this id into out (initialised here; the caller
 * clears it): 1 found, 0 none, -1 error. */
int store_record_get(struct store *st, const struct kind *k, int64_t id,
		     struct record *out, struct err *err);

/* The record with the key fields of `key` (docs/records.md: a child's LA
 * child id, an IRO's name, an episode's child and decom; references
 * resolved) into out: 1 found, 0 none, -1 error. */
int store_record_find(struct store *st, const struct record *key,
		      struct record *out, struct err *err);

/* Finds the store's ids of what r refers to (children by LA id, IROs by
 * name, records by id), in r and its lists, as store_record_find wants
 * them; one that is not there is a problem in p. -1 on a database
 * failure. */
int store_record_resolve(struct store *st, struct record *r,
			 struct problems *p, struct err *err);

/* Every record of kind k, in dump order (docs/records.md), with its
 * lists. fn returns non-zero to stop, and that value is returned. */
int store_record_each(struct store *st, const struct kind *k,
		      int (*fn)(void *ctx, const struct record *r), void *ctx,
		      struct err *err);

/* Each version a record replaced, newest first: when it was replaced, by
 * whom, and its JSON (docs/records.md). */
typedef int (*store_revision_fn)(void *ctx, const char *replaced_at,
				 const char *replaced_by, const char *json);
int store_each_revision(struct store *st, const struct kind *k, int64_t id,
			store_revision_fn fn, void *ctx, struct err *err);

enum put_outcome { PUT_ADDED, PUT_CHANGED, PUT_SAME, PUT_REFUSED };

/*
 * Adds or changes a record, inside the caller's transaction. It is matched
 * with the store by id, else by its key (docs/records.md, "Loading"); a
 * match with the same content changes nothing. Before writing, every rule
 * is checked: the record's own (record_check), references to other
 * records, and the rules between records (core/rules.h). Each broken rule
 * is added to p (file and line left for the caller) and the outcome is
 * PUT_REFUSED with nothing written. On success r->id is the record's id.
 * Returns -1 only for a database failure (err).
 */
int store_record_put(struct store *st, struct record *r,
		     enum put_outcome *outcome, struct problems *p,
		     struct err *err);

/* The id of the child's non-cover allocation in force on `day` into *id
 * (0 if none): 0, or -1 on error. */
int store_current_allocation(struct store *st, int64_t child, int32_t day,
			     int64_t *id, struct err *err);

/* The store's id of the child with this LA child id: > 0, 0 none, -1. */
int64_t store_child_id(struct store *st, const char *la_child_id,
		       struct err *err);

/* ---- Users and who may see a child (core/roles.h) ----------------------- */

struct app_user {
	int64_t id;
	char username[65];      /* lower-case letters, digits, . _ - */
	char display_name[201];
	enum role role;
	int64_t iro_id;         /* ROLE_IRO: the IRO whose caseload they see */
	char iro_name[201];     /* that IRO's name, when read */
	bool disabled;
	char password_hash[160]; /* argon2id, crypto_pwhash_str's form */
};

/* Adds u (inside the caller's transaction, audited); u->id is set. A
 * username taken, or an IRO role without an IRO, is refused in err. */
int store_user_add(struct store *st, struct app_user *u, struct err *err);
/* The user with this username / id into out: 1, 0 none, -1 error. */
int store_user_by_name(struct store *st, const char *username,
		       struct app_user *out, struct err *err);
int store_user_by_id(struct store *st, int64_t id, struct app_user *out,
		     struct err *err);
/* Changes a user's password hash, disabled flag, or role and IRO
 * (inside the caller's transaction, audited without the hash). */
int store_user_set_password(struct store *st, int64_t id, const char *hash,
			    struct err *err);
int store_user_set_disabled(struct store *st, int64_t id, bool disabled,
			    struct err *err);
int store_user_set_role(struct store *st, int64_t id, enum role role,
			int64_t iro_id, struct err *err);
/* Every user, by username (the hash left empty). */
int store_user_each(struct store *st,
		    int (*fn)(void *ctx, const struct app_user *u), void *ctx,
		    struct err *err);

/* Names (or, with grant false, unnames) a user on a child's restricted
 * record (inside the caller's transaction, audited). */
int store_child_access_set(struct store *st, int64_t child, int64_t user,
			   bool grant, struct err *err);
/* What decides whether u sees child `child` on `day` (core/roles.h): 1
 * with *out filled, 0 when there is no such child, -1 on error. */
int store_child_access(struct store *st, int64_t child,
		       const struct app_user *u, int32_t day,
		       struct child_access *out, struct err *err);

/* The LA child ids of the restricted records `user` is not named on:
 * lists of many children (worklists, caseloads, alerts) leave them out,
 * so that not even their existence shows. Sorted; hidden_child looks one
 * up. */
struct hidden_children {
	char (*la)[40];
	size_t n;
};
int store_hidden_children(struct store *st, int64_t user,
			  struct hidden_children *out, struct err *err);
bool hidden_child(const struct hidden_children *h, const char *la_child_id);
void hidden_children_free(struct hidden_children *h);

/* ---- A review's status steps (store/review_steps.c) ------------------- */

/* One step of a review's life after it is scheduled. */
struct review_step {
	const char *status;       /* rearranged, held, adjourned, stood_down,
				   * cancelled */
	int32_t date;             /* the new date, the day held, or of the
				   * decision; DATE_NONE for none */
	const char *requested_by; /* a rearrangement's: NULL or "" for none */
	const char *reason;       /* NULL or "" for none */
};
/* Sets what else a step records (a hold's conduct) on the review; adds
 * problems to p by field, or returns non-zero to stop. */
typedef int (*review_fields_fn)(void *ctx, struct record *review,
				struct problems *p);

/*
 * Takes review `id` one step on, inside the caller's transaction: appends
 * the step to its status history, sets its status, and its scheduled date
 * (rearranged) or held date (held); `fields` (may be NULL) then sets what
 * else the step records, and the review is put (store_record_put: every
 * rule checked). A review that does not exist or is final already, a bad
 * value and every broken rule are problems in p, by field name (column),
 * and nothing is written (the caller rolls back). `iro review ...` and the
 * web's review forms both go through here. Returns 0, -1 on a database
 * failure, or what `fields` returned when non-zero.
 */
int store_review_step(struct store *st, int64_t id,
		      const struct review_step *s, review_fields_fn fields,
		      void *ctx, enum put_outcome *o, struct problems *p,
		      struct err *err);

/* ---- A child's records, for the child's page (store/child_records.c) --- */

/*
 * The ids of child `child`'s records of kind k (the record's rowid for a
 * kind without an id, as store_record_get takes it): for KIND_EPISODE,
 * KIND_ALLOCATION, KIND_REVIEW, KIND_CONTACT and KIND_ALERT by their
 * child, for KIND_RECOMMENDATION and KIND_CONSULTATION through their
 * review. Into *ids (malloc'd, the caller frees), *n of them, oldest
 * first. -1 on error (also for a kind not listed).
 */
int store_child_record_ids(struct store *st, const struct kind *k,
			   int64_t child, int64_t **ids, size_t *n,
			   struct err *err);

/* ---- Reading the audit log (store/audit_query.c) -------------------------- */

/* Which rows of the audit log to read; every part optional. */
struct audit_filter {
	int64_t child;      /* the store's id of a child; 0: any */
	const char *actor;  /* "web:alice", or a bare "alice" matching any
			     * "X:alice"; NULL or "": any */
	const char *action; /* "read", "add", ...; NULL or "": any */
	int32_t from, to;   /* days (UTC), inclusive; DATE_NONE: open */
};

/* A row of the audit log; the strings are valid during the callback. */
struct audit_row {
	int64_t id;
	const char *at;          /* "YYYY-MM-DDTHH:MM:SS.sssZ" (UTC) */
	const char *actor, *action, *entity;
	int64_t entity_id;       /* 0: none */
	int64_t child_id;        /* 0: none */
	const char *la_child_id; /* "" when none or the child is gone */
	const char *detail;      /* JSON, or "" */
};

/* How many rows match f into *total, then fn for each of rows offset ..
 * offset + limit - 1 of them, newest first. fn returns non-zero to stop.
 * 0, or -1 with err. */
int store_audit_page(struct store *st, const struct audit_filter *f,
		     long offset, long limit, long *total,
		     int (*fn)(void *ctx, const struct audit_row *row),
		     void *ctx, struct err *err);

#endif
