/*
 * record.h - the records of spec §2 as data: each kind of record is a
 * table of fields (name, type, code list), and a record is a kind with a
 * value per field.
 *
 * One description serves every way a record travels: the JSON Lines of
 * `iro load` / `iro dump` and of the record's history (record_json), the
 * command line (`--venue placement`), and the store's columns. The field
 * names are those of docs/records.md, which is the reference for users.
 *
 * The rules a record must obey on its own (a review held has a held date;
 * an allocation does not end before it starts) are checked here by
 * record_check. The rules that need other records (PN0 only under 4, a
 * review inside a period of care, siblings share an IRO) are in rules.h.
 *
 * Pure: no I/O. A record owns its strings and lists; record_clear frees
 * them.
 */
#ifndef IRO_RECORD_H
#define IRO_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/codes.h"
#include "core/problem.h"

enum ftype {
	FT_TEXT,
	FT_DATE,   /* a day number (core/date.h) */
	FT_TIME,   /* UTC "YYYY-MM-DDTHH:MM:SS.sssZ", held as text */
	FT_BOOL,
	FT_INT,
	FT_NUMBER, /* FTE: 0 < x <= 1.5 */
	FT_CODE,   /* one of a code list */
	FT_CHILD,  /* a child, by its LA child id */
	FT_IRO,    /* an IRO, by name */
	FT_REF     /* another record, by its id */
};

enum {
	FF_REQUIRED = 1u << 0,
	FF_KEY = 1u << 1, /* part of the natural key (kinds without an id) */
};

struct kind;
struct record;

struct field {
	const char *name;   /* JSON key and command-line option */
	const char *column; /* the store's column */
	enum ftype type;
	unsigned flags;
	const struct code_list *codes; /* FT_CODE */
	const struct kind *ref;        /* FT_REF: the kind referred to */
	const char *dflt; /* the value an absent field takes, or NULL */
	const char *help;
};

#define RECORD_MAX_FIELDS 40
#define RECORD_MAX_LISTS 3

struct kind {
	const char *name;  /* "review": the JSON "type" */
	const char *table; /* the store's table */
	const char *help;
	bool has_id;       /* records are known by an integer id */
	bool stamped;      /* the table records when and by whom (recorded_at,
			    * actor) outside the record's own fields */
	const struct field *fields;
	size_t nfields;
	/* Lists of sub-records (a review's status history): kinds whose
	 * `list_key` is the JSON key and whose rows hold the owner's id in
	 * `owner_column`. */
	const struct kind *const *lists;
	size_t nlists;
	const char *list_key;
	const char *owner_column;
	/* The rules this kind obeys on its own (record.c), or NULL. */
	void (*check)(const struct record *r, struct problems *p);
};

/* A value; which member is meaningful follows the field's type. For FT_CHILD
 * and FT_IRO, `s` is the outside name (LA child id, IRO name) and `i` the
 * store's id once resolved (0 before). */
struct value {
	bool set;
	int64_t i; /* FT_DATE day, FT_BOOL 0/1, FT_INT, FT_REF id, resolved id */
	double n;  /* FT_NUMBER */
	char *s;   /* FT_TEXT, FT_TIME, FT_CODE, FT_CHILD, FT_IRO (owned) */
};

struct record_list {
	struct record *items;
	size_t count, cap;
};

struct record {
	const struct kind *kind;
	int64_t id; /* 0: none yet */
	struct value v[RECORD_MAX_FIELDS];
	struct record_list lists[RECORD_MAX_LISTS];
};

/* Every kind, in the order a dump writes them (each after the kinds it
 * refers to), ended by NULL. */
extern const struct kind *const RECORD_KINDS[];

extern const struct kind KIND_SETTING, KIND_CALENDAR_DAY, KIND_IRO,
	KIND_IRO_FTE, KIND_IRO_ABSENCE, KIND_CHILD, KIND_EPISODE,
	KIND_ALLOCATION, KIND_REVIEW, KIND_REVIEW_STATUS,
	KIND_RECOMMENDATION, KIND_CONSULTATION, KIND_OVERSIGHT,
	KIND_PROGRESS, KIND_CONTACT, KIND_ADVOCACY, KIND_FEEDBACK,
	KIND_ANSWER, KIND_QA, KIND_THEME, KIND_TEAM, KIND_LADDER,
	KIND_LADDER_STAGE, KIND_ALERT, KIND_ALERT_STAGE, KIND_ALERT_ACTION,
	KIND_ALERT_THEME, KIND_POSTCODE;

/* iro's own code lists (the SSDA903 ones are in codes.h). */
extern const struct code_list CODES_REVIEW_KIND, CODES_REVIEW_STATUS,
	CODES_VENUE, CODES_MODE, CODES_SW_ROLE, CODES_PLAN_GRADE, CODES_RAG,
	CODES_PERMANENCE, CODES_SOURCE, CODES_REQUESTED_BY, CODES_ALLOC_REASON,
	CODES_OWNER_ROLE, CODES_REC_STATUS, CODES_GROUP, CODES_OVERSIGHT,
	CODES_PROGRESS, CODES_CONTACT, CODES_REFERRED_BY, CODES_RESPONDENT,
	CODES_QA, CODES_CHILD_SEX, CODES_ALERT_KIND, CODES_ALERT_STATUS;

const struct kind *kind_find(const char *name);
/* The index of field `name` in k, or -1. */
int kind_field(const struct kind *k, const char *name);
/* The index of the list with JSON key `key`, or -1. */
int kind_list(const struct kind *k, const char *key);

/* The value of r's field `name`, or NULL when its kind has no such field.
 * Rules read records by field name, so reordering a table breaks none. */
const struct value *record_get(const struct record *r, const char *name);

void record_init(struct record *r, const struct kind *k);
void record_clear(struct record *r); /* frees; leaves an empty record */
/* A deep copy; -1 when memory runs out (dst is then empty). */
int record_copy(struct record *dst, const struct record *src);
/* Appends an empty record of the list's kind; NULL when out of memory. */
struct record *record_list_add(struct record *r, size_t list);

/* Gives each absent field that has a default its default. */
void record_defaults(struct record *r);

/* Setting values by field index. Strings are copied. */
int record_set_text(struct record *r, size_t f, const char *s);
void record_set_int(struct record *r, size_t f, int64_t i);
void record_set_number(struct record *r, size_t f, double n);
void record_unset(struct record *r, size_t f);

/*
 * Sets field f from text, as typed on a command line or read from a store
 * column: dates YYYY-MM-DD, booleans yes/no/true/false, codes from the
 * field's list. On a bad value returns -1 and writes why to `why` ("not a
 * date: ...", "must be one of ...").
 */
int record_parse_value(struct record *r, size_t f, const char *text,
		       char *why, size_t whysize);

/* The value of field f as text ("" when not set), for messages and the
 * store: dates ISO, booleans "true"/"false", numbers %g. */
void record_value_text(const struct record *r, size_t f, char *out,
		       size_t size);

/* True when the two records (with their lists) hold the same values,
 * ignoring ids of the records themselves and the store's resolved ids. */
bool record_equal(const struct record *a, const struct record *b);

/*
 * Checks what a record must be on its own: required fields, and its
 * kind's rules. Each problem names the field and value (column, value of
 * struct problem; file and line are left for the caller: NULL and 0).
 */
void record_check(const struct record *r, struct problems *p);

/* A record's canonical JSON (docs/records.md): "type" first unless
 * `with_type` is false (list items), then "id", the fields set in table
 * order and the non-empty lists. The text is appended to b. */
struct buf;
int record_json(const struct record *r, bool with_type, struct buf *b);

#endif
