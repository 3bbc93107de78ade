/*
 * records_int.h - the generic record statements (records.c), shared by the
 * store's files that read and write records.
 */
#ifndef IRO_RECORDS_INT_H
#define IRO_RECORDS_INT_H

#include <sqlite3.h>
#include <stdint.h>

struct kind;
struct record;
struct store;
struct err;
struct problems;

/* A kind's statements; parameter i + 2 is always field i, ?1 the id. */
struct kind_sql {
	const struct kind *kind;
	char *by_id;     /* SELECT id, fields... WHERE id = ?1 */
	char *by_key;    /* ... WHERE the key fields = their parameters */
	char *all;       /* ... in dump order */
	char *insert;    /* id (NULL: new), fields, [owner], [stamp] */
	char *update;    /* fields, [stamp] WHERE id = ?1 */
	char *exists;    /* SELECT 1 WHERE id = ?1 */
	char *by_owner;  /* list kinds: the items of owner ?1, in order */
	char *del_owned; /* list kinds: DELETE the items of owner ?1 */
};

const struct kind_sql *store_kind_sql(struct store *st, const struct kind *k,
				      struct err *err);
void store_kind_sql_free(struct store *st);

/* Checks the rules between records (core/rules.h) for r, about to replace
 * `old` (or be added: old NULL), adding problems to p. -1 on a database
 * failure. */
int store_record_rules(struct store *st, const struct record *r,
		       const struct record *old, struct problems *p,
		       struct err *err);

/* Binds every field of r to parameters 2.. of s. */
int store_bind_fields(sqlite3_stmt *s, const struct record *r);

/*
 * Adds r (old NULL; with r->id if it is set, else a new id, which r->id
 * then holds) or replaces `old` by it, keeping `old` in the history. Lists
 * are written whole. Audited as "add" or "change" for child_id. Refs must
 * be resolved (the values' i).
 */
int store_record_write(struct store *st, struct record *r,
		       const struct record *old, int64_t child_id,
		       struct err *err);

/* Keeps the record of kind k with this id, as it is now, in the history,
 * before a writer outside store_record_write (import 903) changes it. */
int store_record_keep(struct store *st, const struct kind *k, int64_t id,
		      int64_t child_id, struct err *err);

#endif
