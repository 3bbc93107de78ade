/*
 * v903_header.c - DfE validation rules: the Header table's own fields
 * (SEX, DOB, ETHNIC), and how it links to the Episodes table: every child
 * with episodes has a header row, and no child has two (domain-rules
 * §4.3, "Header/linkage integrity").
 *
 * The linkage rules are pandas merges on CHILD. A merge matches a missing
 * CHILD with a missing CHILD (unlike ==, and unlike groupby, which drops
 * missing keys), so a header row with no CHILD gives a home to every
 * episode with no CHILD.
 */
#include "lib/common.h"
#include "core/date.h"
#include "core/v903_int.h"

#define HEADER V903_T(V903_HEADER)
#define EPISODES V903_T(V903_EPISODES)

/* ---- Shared checks ---------------------------------------------------- */

/* Flags each header row whose `col` is not one of `codes`; a missing
 * cell is not one of them (.isin() is false for NaN). */
static void flag_header_not_in(const struct v903_data *d,
			       struct v903_result *r, int col,
			       const char *codes)
{
	if (!v903_needs(d, r, HEADER))
		return;
	const struct v903_rows *h = &d->t[V903_HEADER];
	for (size_t i = 0; i < h->nrows; i++)
		if (!v903_in(h, i, col, codes))
			v903_flag(r, V903_HEADER, i);
}

/* ---- The header's fields ---------------------------------------------- */

/* 101 "Gender code is not valid." (to 2023/24): SEX, read as text
 * (astype(str)), is not 1 or 2; a missing SEX is "nan", so it is
 * flagged. */
static void check_101(const struct v903_data *d, struct v903_result *r)
{
	flag_header_not_in(d, r, V903_H_SEX, "1,2");
}

/* 101 "The child or young person’s reported sex is not valid." (from
 * 2024/25): SEX is not M, F or U; a missing SEX is flagged. */
static void check_101_2025(const struct v903_data *d, struct v903_result *r)
{
	flag_header_not_in(d, r, V903_H_SEX, "M,F,U");
}

/* 102 "Date of birth is not a valid date.": DOB is not a DD/MM/YYYY date,
 * a missing DOB included. */
static void check_102(const struct v903_data *d, struct v903_result *r)
{
	if (!v903_needs(d, r, HEADER))
		return;
	const struct v903_rows *h = &d->t[V903_HEADER];
	for (size_t i = 0; i < h->nrows; i++)
		if (v903_date(h, i, V903_H_DOB) == DATE_NONE)
			v903_flag(r, V903_HEADER, i);
}

/* 103 "The ethnicity code is either not valid or has not been entered.":
 * ETHNIC is not one of the 20 codes (CHNE, not CNHE), a missing ETHNIC
 * included. The 2024/25 ruleset rewrites the file with the same list and
 * test, so both versions run this. */
static void check_103(const struct v903_data *d, struct v903_result *r)
{
	flag_header_not_in(d, r, V903_H_ETHNIC,
			   "WBRI,WIRI,WOTH,WIRT,WROM,MWBC,MWBA,MWAS,MOTH,AIND,"
			   "APKN,ABAN,AOTH,BCRB,BAFR,BOTH,CHNE,OOTH,REFU,NOBT");
}

/* ---- Linkage ---------------------------------------------------------- */

/* INT03 "Internal Check: Child in Episodes does not exist in Header.": an
 * episode whose CHILD has no header row. A missing CHILD is matched by a
 * header row with no CHILD (the code merges, and merges pair NaN keys). */
static void check_int03(const struct v903_data *d, struct v903_result *r)
{
	if (!v903_needs(d, r, HEADER | EPISODES))
		return;
	v903_flag_unmatched(d, r, V903_EPISODES, V903_HEADER);
}

/* INT32 "Internal Check: Child should only exist once in Header.": every
 * header row of a CHILD that has more than one. Rows with no CHILD are
 * never flagged (groupby drops NaN keys, and NaN > 1 is false). */
static void check_int32(const struct v903_data *d, struct v903_result *r)
{
	if (!v903_needs(d, r, HEADER))
		return;
	const struct v903_rows *h = &d->t[V903_HEADER];
	size_t at = 0, n;
	while ((n = v903_next_child(h, &at)) > 0) {
		if (n < 2 || !v903_has(h, h->order[at - n], V903_H_CHILD))
			continue;
		for (size_t k = at - n; k < at; k++)
			v903_flag(r, V903_HEADER, h->order[k]);
	}
}

const struct v903_rule V903_RULES_HEADER[] = {
	{ "101", "Gender code is not valid.", 0, 2024, check_101 },
	{ "101", "The child or young person’s reported sex is not valid.",
	  2025, 0, check_101_2025 },
	{ "102", "Date of birth is not a valid date.", 0, 0, check_102 },
	{ "103", "The ethnicity code is either not valid or has not been "
		 "entered.", 0, 2024, check_103 },
	{ "103", "The ethnicity code is either not valid or has not been "
		 "entered.", 2025, 0, check_103 },
	{ "INT03", "Internal Check: Child in Episodes does not exist in "
		   "Header.", 0, 0, check_int03 },
	{ "INT32", "Internal Check: Child should only exist once in Header.",
	  0, 0, check_int32 },
	{ NULL, NULL, 0, 0, NULL },
};
