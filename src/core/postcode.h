/*
 * postcode.h - the postcode table (reference data, spec §2) and where a
 * placement is (M08).
 *
 * The table holds postcodes with their local authority and OS grid
 * reference: whole postcodes (as the ONS Postcode Directory has them),
 * sectors ("XA12 3") or districts ("XA12"), or a mix. A postcode is
 * keyed upper-cased with one space between its outward part (the
 * district) and its inward part: "xa123bc" is "XA12 3BC" and "XA123" the
 * sector "XA12 3"; four characters or fewer with no space are a district.
 * A recorded postcode (HOME_POST, PL_POST) is matched exactly, else by
 * its sector, else by its district, so an authority that only knows
 * districts can still say where children are.
 *
 * Pure: no I/O.
 */
#ifndef IRO_POSTCODE_H
#define IRO_POSTCODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/measures.h"

#define PC_KEY_LEN 9 /* "XA12 3BC" and a NUL */
#define PC_LA_LEN 12 /* "E06000060" and a NUL */

struct pc_entry {
	char key[PC_KEY_LEN]; /* pc_key's */
	char la[PC_LA_LEN];
	bool grid;            /* e and n known */
	int32_t e, n;
	size_t seq; /* the order it was added in */
};

struct pc_table {
	struct pc_entry *v;
	size_t n, cap;
};

/* A postcode's key ("XA12 3BC", "XA12 3", "XA12"). False (out "") when
 * it is not a postcode, sector or district: anything but letters, digits
 * and one inner space, an outward part over four characters, or an
 * inward part other than a digit or a digit and two letters. */
bool pc_key(const char *postcode, char out[PC_KEY_LEN]);

/* Adds a row; 1 when the postcode or LA cannot be a key (skipped), -1
 * when memory runs out. */
int pc_add(struct pc_table *t, const char *postcode, const char *la,
	   bool grid, int32_t e, int32_t n);
/* Sorts the rows for pc_find; of two rows with one key, the first added
 * is the one found. */
void pc_done(struct pc_table *t);
void pc_free(struct pc_table *t);

/* The row for a recorded postcode (exact, sector, district), or NULL. */
const struct pc_entry *pc_find(const struct pc_table *t, const char *recorded);

/* The authority's own code and its named group of authorities (codes
 * separated by commas or spaces; "" for none). */
struct pc_area {
	const char *la;
	const char *group;
};

/* Where a placement is: PL_POST's authority against ours (not known when
 * PL_POST is blank or not in the table, or our code is not set), whether
 * it is in the group, and both grid references for the distance. */
void pc_locate(const struct pc_table *t, const struct pc_area *a,
	       const char *pl_post, const char *home_post,
	       struct msr_location *out);

#endif
