/*
 * v903_reviews.c - DfE validation rules: the Reviews table - the review
 * date and the child's participation code, the code against the child's
 * age, reviews for children on short breaks, and how the table links to
 * Header and Episodes (domain-rules §3.2 and §4.3, "Reviews").
 *
 * The linkage rules are pandas merges on CHILD. A merge matches a missing
 * CHILD with a missing CHILD (unlike ==, and unlike groupby, which drops
 * missing keys), so a row with no CHILD finds the other table's rows with
 * no CHILD.
 */
#include "lib/common.h"
#include "core/date.h"
#include "core/rules.h"
#include "core/v903_int.h"

#define HEADER V903_T(V903_HEADER)
#define EPISODES V903_T(V903_EPISODES)
#define REVIEWS V903_T(V903_REVIEWS)

/* The participation codes of a child aged 4 or over at the review. */
#define PN_4_AND_OVER "PN1,PN2,PN3,PN4,PN5,PN6,PN7"

/* ---- Shared checks ---------------------------------------------------- */

/* Flags each review whose participation code is at odds with the
 * child's age on the review date as `rule` ("440" or "441") says
 * (rule_pn_age, core/rules.h: DOB + DateOffset(years=4), strict
 * comparisons). Rows with either date missing or invalid never compare
 * true. */
static void flag_against_fourth_birthday(const struct v903_data *d,
					 struct v903_result *r,
					 const char *rule)
{
	if (!v903_needs(d, r, REVIEWS))
		return;
	const struct v903_rows *v = &d->t[V903_REVIEWS];
	for (size_t i = 0; i < v->nrows; i++) {
		int32_t dob = v903_date(v, i, V903_R_DOB);
		int32_t review = v903_date(v, i, V903_R_REVIEW);
		const char *pn = v903_cell(v, i, V903_R_REVIEW_CODE);
		const char *broken = rule_pn_age(dob, review, pn);
		if (broken && strcmp(broken, rule) == 0)
			v903_flag(r, V903_REVIEWS, i);
	}
}

/* ---- The review's fields ---------------------------------------------- */

/* 166 "Date of review is invalid or blank.": REVIEW is not a DD/MM/YYYY
 * date, a missing REVIEW included. */
static void check_166(const struct v903_data *d, struct v903_result *r)
{
	if (!v903_needs(d, r, REVIEWS))
		return;
	const struct v903_rows *v = &d->t[V903_REVIEWS];
	for (size_t i = 0; i < v->nrows; i++)
		if (v903_date(v, i, V903_R_REVIEW) == DATE_NONE)
			v903_flag(r, V903_REVIEWS, i);
}

/* 167 "Data entry for participation is invalid or blank.": a row is
 * fine when REVIEW is given (any text, not only a date) and REVIEW_CODE
 * is PN0-PN7, or when both are missing; every other row is flagged. */
static void check_167(const struct v903_data *d, struct v903_result *r)
{
	if (!v903_needs(d, r, REVIEWS))
		return;
	const struct v903_rows *v = &d->t[V903_REVIEWS];
	for (size_t i = 0; i < v->nrows; i++) {
		bool review = v903_has(v, i, V903_R_REVIEW);
		bool code = v903_has(v, i, V903_R_REVIEW_CODE);
		bool valid = v903_in(v, i, V903_R_REVIEW_CODE,
				     "PN0," PN_4_AND_OVER);
		if (!((review && valid) || (!review && !code)))
			v903_flag(r, V903_REVIEWS, i);
	}
}

/* 440 "Participation method indicates child was under 4 years old at the
 * time of the review, but date of birth and review date indicates the
 * child was 4 years old or over.": REVIEW_CODE PN0 and REVIEW strictly
 * after DOB + 4 years (a review on the fourth birthday passes). */
static void check_440(const struct v903_data *d, struct v903_result *r)
{
	flag_against_fourth_birthday(d, r, "440");
}

/* 441 "Participation method indicates child was 4 years old or over at
 * the time of the review, but the date of birth and review date indicates
 * the child was under 4 years old.": REVIEW_CODE PN1-PN7 and REVIEW
 * strictly before DOB + 4 years (a review on the birthday passes). */
static void check_441(const struct v903_data *d, struct v903_result *r)
{
	flag_against_fourth_birthday(d, r, "441");
}

/* ---- Short breaks ----------------------------------------------------- */

/* Whether any of the n rows of t from t->order[at] has `col` given, or
 * (col2 >= 0) has col2 given. */
static bool any_given(const struct v903_rows *t, size_t at, size_t n,
		      int col, int col2)
{
	for (size_t k = at; k < at + n; k++)
		if (v903_has(t, t->order[k], col) ||
		    (col2 >= 0 && v903_has(t, t->order[k], col2)))
			return true;
	return false;
}

/* Whether all n episodes from e->order[at] are V3 or V4 (a missing LS is
 * not). */
static bool all_short_breaks(const struct v903_rows *e, size_t at, size_t n)
{
	for (size_t k = at; k < at + n; k++)
		if (!v903_in(e, e->order[k], V903_E_LS, "V3,V4"))
			return false;
	return true;
}

/* 399 for one child whose episodes (n from e->order[at]) are all V3/V4.
 * The code merges the episodes with the child's header rows and then its
 * reviews, and flags the rows of every combination where MOTHER, REVIEW
 * or REVIEW_CODE is given. So: every episode when any header row has a
 * MOTHER or any review a REVIEW or code; a header row when it has a
 * MOTHER or any review does; a review when it has a REVIEW or code or any
 * header row has a MOTHER. */
static void flag_short_break_child(const struct v903_data *d,
				   struct v903_result *r, size_t at, size_t n)
{
	const struct v903_rows *e = &d->t[V903_EPISODES];
	const struct v903_rows *h = &d->t[V903_HEADER];
	const struct v903_rows *v = &d->t[V903_REVIEWS];
	const char *child = v903_cell(e, e->order[at], V903_E_CHILD);
	size_t nh, nv;
	size_t ah = v903_find_child(h, child, &nh);
	size_t av = v903_find_child(v, child, &nv);
	bool mother = any_given(h, ah, nh, V903_H_MOTHER, -1);
	bool review = any_given(v, av, nv, V903_R_REVIEW, V903_R_REVIEW_CODE);
	if (!mother && !review)
		return;
	for (size_t k = at; k < at + n; k++)
		v903_flag(r, V903_EPISODES, e->order[k]);
	for (size_t k = ah; k < ah + nh; k++)
		if (review || v903_has(h, h->order[k], V903_H_MOTHER))
			v903_flag(r, V903_HEADER, h->order[k]);
	for (size_t k = av; k < av + nv; k++)
		if (mother || any_given(v, k, 1, V903_R_REVIEW,
					V903_R_REVIEW_CODE))
			v903_flag(r, V903_REVIEWS, v->order[k]);
}

/* 399 "Mother field, review field or participation field are completed
 * but child is looked after under legal status V3 or V4.": for a child
 * all of whose episodes are V3 or V4 (one other LS, or a missing one,
 * clears the child), flags episodes, header rows and reviews as
 * flag_short_break_child says. Episodes with no CHILD are never checked
 * (groupby drops NaN keys). */
static void check_399(const struct v903_data *d, struct v903_result *r)
{
	if (!v903_needs(d, r, EPISODES | HEADER | REVIEWS))
		return;
	const struct v903_rows *e = &d->t[V903_EPISODES];
	size_t at = 0, n;
	while ((n = v903_next_child(e, &at)) > 0) {
		size_t first = at - n;
		if (v903_has(e, e->order[first], V903_E_CHILD) &&
		    all_short_breaks(e, first, n))
			flag_short_break_child(d, r, first, n);
	}
}

/* ---- Linkage ---------------------------------------------------------- */

/* 1012 "No other data should be returned for OC3 children who had no
 * episodes in the current year": a row of PlacedAdoption, Missing,
 * Reviews, AD1, PrevPerm or OC2 (each when loaded) whose CHILD has no
 * episode. Only Episodes is required. A missing CHILD is matched by an
 * episode with no CHILD (the code merges). */
static void check_1012(const struct v903_data *d, struct v903_result *r)
{
	static const enum v903_table tables[] = {
		V903_PLACED_ADOPTION, V903_MISSING, V903_REVIEWS,
		V903_AD1, V903_PREV_PERM, V903_OC2,
	};
	if (!v903_needs(d, r, EPISODES))
		return;
	for (size_t i = 0; i < ARRAY_LEN(tables); i++)
		if (d->t[tables[i]].present)
			v903_flag_unmatched(d, r, tables[i], V903_EPISODES);
}

/* INT08 "Internal Check: Child in Reviews does not exist in Header.": a
 * review whose CHILD has no header row; a missing CHILD is matched by a
 * header row with no CHILD. */
static void check_int08(const struct v903_data *d, struct v903_result *r)
{
	if (!v903_needs(d, r, HEADER | REVIEWS))
		return;
	v903_flag_unmatched(d, r, V903_REVIEWS, V903_HEADER);
}

/* INT17 for one group of reviews (n from v->order[at]) and the header
 * rows its CHILD merges with: a review is flagged when its DOB is a date
 * and some header row's DOB is a different date. */
static void flag_dob_differs(const struct v903_data *d, struct v903_result *r,
			     size_t at, size_t n)
{
	const struct v903_rows *h = &d->t[V903_HEADER];
	const struct v903_rows *v = &d->t[V903_REVIEWS];
	size_t nh;
	size_t ah = v903_merge_child(h, v903_cell(v, v->order[at], V903_R_CHILD),
			       &nh);
	int32_t dob = DATE_NONE; /* the header's first DOB that is a date */
	bool several = false;    /* and another, different one */
	for (size_t k = ah; k < ah + nh; k++) {
		int32_t x = v903_date(h, h->order[k], V903_H_DOB);
		if (dob == DATE_NONE)
			dob = x;
		else if (x != DATE_NONE && x != dob)
			several = true;
	}
	if (dob == DATE_NONE)
		return;
	for (size_t k = at; k < at + n; k++) {
		int32_t x = v903_date(v, v->order[k], V903_R_DOB);
		if (x != DATE_NONE && (several || x != dob))
			v903_flag(r, V903_REVIEWS, v->order[k]);
	}
}

/* INT17 "Internal Check: DOB in Reviews is different to DOB in Header.":
 * a review whose DOB and its child's header DOB are both dates, and
 * differ; with several header rows for the child, any one that differs
 * counts. Rows with no CHILD are compared with header rows with none. */
static void check_int17(const struct v903_data *d, struct v903_result *r)
{
	if (!v903_needs(d, r, HEADER | REVIEWS))
		return;
	const struct v903_rows *v = &d->t[V903_REVIEWS];
	size_t at = 0, n;
	while ((n = v903_next_child(v, &at)) > 0)
		flag_dob_differs(d, r, at - n, n);
}

const struct v903_rule V903_RULES_REVIEWS[] = {
	{ "166", "Date of review is invalid or blank.", 0, 0, check_166 },
	{ "167", "Data entry for participation is invalid or blank.", 0, 0,
	  check_167 },
	{ "399", "Mother field, review field or participation field are "
		 "completed but child is looked after under legal status V3 "
		 "or V4.", 0, 0, check_399 },
	{ "440", "Participation method indicates child was under 4 years old "
		 "at the time of the review, but date of birth and review date "
		 "indicates the child was 4 years old or over.", 0, 0,
	  check_440 },
	{ "441", "Participation method indicates child was 4 years old or "
		 "over at the time of the review, but the date of birth and "
		 "review date indicates the child was under 4 years old.", 0,
	  0, check_441 },
	{ "1012", "No other data should be returned for OC3 children who had "
		  "no episodes in the current year", 0, 0, check_1012 },
	{ "INT08", "Internal Check: Child in Reviews does not exist in "
		   "Header.", 0, 0, check_int08 },
	{ "INT17", "Internal Check: DOB in Reviews is different to DOB in "
		   "Header.", 0, 0, check_int17 },
	{ NULL, NULL, 0, 0, NULL },
};
