/*
 * synth_json.h - one JSON object per line, written fast and in a fixed key
 * order, for service.jsonl (docs/records.md).
 *
 * jansson builds a tree and hashes every key: for the millions of records
 * of a national-size synthetic service that took longer than everything
 * else together, so the records are written straight into a buffer here.
 * Every string value is escaped (quotes, backslashes, control characters);
 * keys are the constant field names of docs/records.md. A value that is
 * not recorded (NULL or "" text, DATE_NONE) leaves its key out, as
 * `iro dump` does.
 */
#ifndef IRO_SYNTH_JSON_H
#define IRO_SYNTH_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define JL_DEPTH 4

struct jline {
	char *buf;
	size_t len, cap;
	int depth;
	bool first[JL_DEPTH]; /* nothing written yet at this depth */
	bool oom;
	int32_t last_day;     /* the last date written, as text */
	char last_iso[11];
};

void jl_free(struct jline *j);

/* Starts a record: {"type":"TYPE" */
void jl_start(struct jline *j, const char *type);
void jl_text(struct jline *j, const char *key, const char *v);
void jl_date(struct jline *j, const char *key, int32_t day);
/* A UTC time on `day`, `minute` minutes after midnight. */
void jl_time(struct jline *j, const char *key, int32_t day, int minute);
void jl_int(struct jline *j, const char *key, long v);
void jl_bool(struct jline *j, const char *key, bool v);
/* A number written as given, e.g. "0.8". */
void jl_number(struct jline *j, const char *key, const char *literal);
/* "key":[ ... ]: items are objects, each opened with jl_item. */
void jl_list(struct jline *j, const char *key);
void jl_item(struct jline *j);
/* Closes the innermost list or item. */
void jl_close(struct jline *j);
/* Ends the record with "}\n" and writes it. Returns 0, or -1 when memory
 * ran out or the write failed. */
int jl_write(struct jline *j, FILE *f);

#endif
