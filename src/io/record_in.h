/*
 * record_in.h - records read from JSON (docs/records.md).
 */
#ifndef IRO_RECORD_IN_H
#define IRO_RECORD_IN_H

#include <jansson.h>
#include <stdbool.h>

#include "core/problem.h"

struct record;

/*
 * Reads a record from one JSON object: "type" names the kind, "id" its id,
 * every other key a field or list of it. Each value of the wrong type or
 * outside its code list, and each unknown key, is a problem naming the key
 * (file and line are the caller's). r is initialised here; the caller
 * clears it. Returns -1 when there were problems.
 */
int record_from_json(struct record *r, const json_t *obj, struct problems *p);

/* The fields and lists of obj into r, whose kind is set (top: the object
 * is a whole record, with "type" and maybe "id"; else a list item). */
void record_from_object(struct record *r, const json_t *obj, bool top,
			struct problems *p);

#endif
