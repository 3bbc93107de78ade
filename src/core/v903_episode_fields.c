/*
 * v903_episode_fields.c - DfE validation rules: the fields of each episode
 * are valid codes and dates, and the ones that go together are given
 * together (domain-rules §4.3, "Episode field validity").
 *
 * Most of these look at one row at a time. 225 and 226 compare an episode
 * with the one before or after it for the same child, in the validator's
 * sort by CHILD then DECOM (the table's prepared order).
 */
#include "lib/common.h"
#include "core/date.h"
#include "core/v903_int.h"

#define EPISODES V903_T(V903_EPISODES)

/* The temporary placements: no provider and no reason for change. */
#define TEMPORARY "T0,T1,T2,T3,T4"

/* ---- Shared checks ---------------------------------------------------- */

/* Flags each episode whose `col` is given but not one of `codes`
 * (.isin() | .isna(), negated). */
static void flag_not_in(const struct v903_data *d, struct v903_result *r,
			int col, const char *codes)
{
	if (!v903_needs(d, r, EPISODES))
		return;
	const struct v903_rows *e = &d->t[V903_EPISODES];
	for (size_t i = 0; i < e->nrows; i++)
		if (v903_has(e, i, col) && !v903_in(e, i, col, codes))
			v903_flag(r, V903_EPISODES, i);
}

/* Flags each episode whose `col` is given but is not a DD/MM/YYYY date. */
static void flag_bad_date(const struct v903_data *d, struct v903_result *r,
			  int col)
{
	if (!v903_needs(d, r, EPISODES))
		return;
	const struct v903_rows *e = &d->t[V903_EPISODES];
	for (size_t i = 0; i < e->nrows; i++)
		if (v903_has(e, i, col) && v903_date(e, i, col) == DATE_NONE)
			v903_flag(r, V903_EPISODES, i);
}

/* ---- Dates ------------------------------------------------------------ */

/* 141 "Date episode began is not a valid date.": DECOM given but not a
 * date. */
static void check_141(const struct v903_data *d, struct v903_result *r)
{
	flag_bad_date(d, r, V903_E_DECOM);
}

/* 147 "Date episode ceased is not a valid date.": DEC given but not a
 * date. */
static void check_147(const struct v903_data *d, struct v903_result *r)
{
	flag_bad_date(d, r, V903_E_DEC);
}

/* ---- Code lists ------------------------------------------------------- */

/* 143 "The reason for new episode code is not a valid code.": RNE given
 * and not S, P, L, T, U or B. */
static void check_143(const struct v903_data *d, struct v903_result *r)
{
	flag_not_in(d, r, V903_E_RNE, "S,P,L,T,U,B");
}

/* 144 "The legal status code is not a valid code.": LS given and not one
 * of the 13 legal statuses. */
static void check_144(const struct v903_data *d, struct v903_result *r)
{
	flag_not_in(d, r, V903_E_LS,
		    "C1,C2,D1,E1,V2,V3,V4,J1,J2,J3,L1,L2,L3");
}

/* 145 "Category of need code is not a valid code.": CIN given and not
 * N1-N8. */
static void check_145(const struct v903_data *d, struct v903_result *r)
{
	flag_not_in(d, r, V903_E_CIN, "N1,N2,N3,N4,N5,N6,N7,N8");
}

#define PLACE_COMMON "A3,A4,A5,A6,K1,K2,P1,P3,R1,R2,R3,R5,S1," \
		     "T0,T1,T2,T3,T4,U1,U2,U3,U4,U5,U6"

/* 146 "Placement type code is not a valid code." (to 2023/24): PLACE given
 * and not in the 2022/23 list, which has H5, P2 and Z1. */
static void check_146(const struct v903_data *d, struct v903_result *r)
{
	flag_not_in(d, r, V903_E_PLACE, PLACE_COMMON ",H5,P2,Z1");
}

/* 146 (2024/25): the same list plus "k3" - written in lower case in the
 * validator, while every cell is upper-cased, so K3 is still rejected. */
static void check_146_2025(const struct v903_data *d, struct v903_result *r)
{
	flag_not_in(d, r, V903_E_PLACE, PLACE_COMMON ",H5,P2,Z1,k3");
}

/* 146 (from 2025/26): H5, P2 and Z1 gone; K3 and Z11-Z14 added. */
static void check_146_2026(const struct v903_data *d, struct v903_result *r)
{
	flag_not_in(d, r, V903_E_PLACE, PLACE_COMMON ",K3,Z11,Z12,Z13,Z14");
}

/* 149 "Reason episode ceased code is not valid. ": REC given and not one
 * of the 22 reasons. */
static void check_149(const struct v903_data *d, struct v903_result *r)
{
	flag_not_in(d, r, V903_E_REC,
		    "E11,E12,E2,E3,E4A,E4B,E13,E41,E45,E46,E47,E48,E5,E6,"
		    "E7,E8,E9,E14,E15,E16,E17,X1");
}

/* 1009 "Reason for placement change is not a valid code.":
 * REASON_PLACE_CHANGE given and not one of the 12 reasons. */
static void check_1009(const struct v903_data *d, struct v903_result *r)
{
	flag_not_in(d, r, V903_E_REASON_PLACE_CHANGE,
		    "CARPL,CLOSE,ALLEG,STAND,APPRR,CREQB,CREQO,CHILD,LAREQ,"
		    "PLACE,CUSTOD,OTHER");
}

/* ---- Placement provider ----------------------------------------------- */

#define NO_PROVIDER_2023 TEMPORARY ",Z1"
#define NO_PROVIDER_2026 "T0,T1,T2,T3,Z11,Z12,Z13,Z14"

/* A provider given that is not PR0-PR5, or given for a placement in
 * `none` (one that needs none). A missing PLACE needs one. */
static void flag_bad_provider(const struct v903_data *d,
			      struct v903_result *r, const char *none)
{
	if (!v903_needs(d, r, EPISODES))
		return;
	const struct v903_rows *e = &d->t[V903_EPISODES];
	for (size_t i = 0; i < e->nrows; i++) {
		if (!v903_has(e, i, V903_E_PLACE_PROVIDER))
			continue;
		if (!v903_in(e, i, V903_E_PLACE_PROVIDER,
			     "PR0,PR1,PR2,PR3,PR4,PR5") ||
		    v903_in(e, i, V903_E_PLACE, none))
			v903_flag(r, V903_EPISODES, i);
	}
}

/* 178 "Placement provider code is not a valid code." (to 2024/25):
 * PLACE_PROVIDER given and either not PR0-PR5 or given for T0-T4 or Z1. */
static void check_178(const struct v903_data *d, struct v903_result *r)
{
	flag_bad_provider(d, r, NO_PROVIDER_2023);
}

/* 178 (from 2025/26): the placements needing no provider are T0-T3 and
 * Z11-Z14 - T4 is not among them, though it is in 213's and 526's. */
static void check_178_2026(const struct v903_data *d, struct v903_result *r)
{
	flag_bad_provider(d, r, NO_PROVIDER_2026);
}

/* Flags a provider given for a placement in `none`. */
static void flag_provider_given(const struct v903_data *d,
				struct v903_result *r, const char *none)
{
	if (!v903_needs(d, r, EPISODES))
		return;
	const struct v903_rows *e = &d->t[V903_EPISODES];
	for (size_t i = 0; i < e->nrows; i++)
		if (v903_in(e, i, V903_E_PLACE, none) &&
		    v903_has(e, i, V903_E_PLACE_PROVIDER))
			v903_flag(r, V903_EPISODES, i);
}

/* 213 "Placement provider information not required." (to 2024/25):
 * PLACE_PROVIDER given for T0-T4 (Z1 is not checked here). */
static void check_213(const struct v903_data *d, struct v903_result *r)
{
	flag_provider_given(d, r, TEMPORARY);
}

/* 213 (from 2025/26): given for T0-T4 or Z11-Z14. */
static void check_213_2026(const struct v903_data *d, struct v903_result *r)
{
	flag_provider_given(d, r, TEMPORARY ",Z11,Z12,Z13,Z14");
}

/* Flags a missing provider for a placement not in `none`; a missing PLACE
 * is not in it, so a row with neither is flagged. */
static void flag_provider_missing(const struct v903_data *d,
				  struct v903_result *r, const char *none)
{
	if (!v903_needs(d, r, EPISODES))
		return;
	const struct v903_rows *e = &d->t[V903_EPISODES];
	for (size_t i = 0; i < e->nrows; i++)
		if (!v903_in(e, i, V903_E_PLACE, none) &&
		    !v903_has(e, i, V903_E_PLACE_PROVIDER))
			v903_flag(r, V903_EPISODES, i);
}

/* 526 "Child is missing a placement provider code for at least one
 * episode." (to 2024/25): PLACE_PROVIDER missing and PLACE not T0-T4 or Z1
 * (including PLACE missing). */
static void check_526(const struct v903_data *d, struct v903_result *r)
{
	flag_provider_missing(d, r, NO_PROVIDER_2023);
}

/* 526 (from 2025/26): PLACE not T0-T4 or Z11-Z14. */
static void check_526_2026(const struct v903_data *d, struct v903_result *r)
{
	flag_provider_missing(d, r, TEMPORARY ",Z11,Z12,Z13,Z14");
}

/* ---- Fields that go together ------------------------------------------ */

/* 148 "Date episode ceased and reason episode ceased must both be coded,
 * or both left blank.": exactly one of DEC and REC given (a DEC that is
 * not a date still counts as given). */
static void check_148(const struct v903_data *d, struct v903_result *r)
{
	if (!v903_needs(d, r, EPISODES))
		return;
	const struct v903_rows *e = &d->t[V903_EPISODES];
	for (size_t i = 0; i < e->nrows; i++)
		if (v903_has(e, i, V903_E_DEC) != v903_has(e, i, V903_E_REC))
			v903_flag(r, V903_EPISODES, i);
}

/* 225 "Reason for placement change must be recorded.": with the episodes
 * sorted by CHILD then DECOM, an episode ending X1 with no
 * REASON_PLACE_CHANGE and a PLACE not T0-T4 (a missing PLACE counts),
 * whose next row is the same child's with RNE P, B, T or U and a PLACE
 * not T0-T4. Rows with no CHILD never match (NaN == NaN is false). */
static void check_225(const struct v903_data *d, struct v903_result *r)
{
	if (!v903_needs(d, r, EPISODES))
		return;
	const struct v903_rows *e = &d->t[V903_EPISODES];
	size_t at = 0, n;
	while ((n = v903_next_child(e, &at)) > 0) {
		if (!v903_has(e, e->order[at - n], V903_E_CHILD))
			continue;
		for (size_t k = at - n; k + 1 < at; k++) {
			size_t cur = e->order[k], next = e->order[k + 1];
			if (v903_is(e, cur, V903_E_REC, "X1") &&
			    !v903_has(e, cur, V903_E_REASON_PLACE_CHANGE) &&
			    !v903_in(e, cur, V903_E_PLACE, TEMPORARY) &&
			    v903_in(e, next, V903_E_RNE, "P,B,T,U") &&
			    !v903_in(e, next, V903_E_PLACE, TEMPORARY))
				v903_flag(r, V903_EPISODES, cur);
		}
	}
}

/* 226: a temporary placement (T0-T4) with a REASON_PLACE_CHANGE, or whose
 * previous episode for the child (by DECOM) has one. Rows with no CHILD
 * have no previous episode (groupby drops NaN keys). */
static void flag_reason_near_temporary(const struct v903_data *d,
				       struct v903_result *r)
{
	if (!v903_needs(d, r, EPISODES))
		return;
	const struct v903_rows *e = &d->t[V903_EPISODES];
	size_t at = 0, n;
	while ((n = v903_next_child(e, &at)) > 0) {
		bool grouped = v903_has(e, e->order[at - n], V903_E_CHILD);
		bool prev = false;
		for (size_t k = at - n; k < at; k++) {
			size_t i = e->order[k];
			bool has = v903_has(e, i, V903_E_REASON_PLACE_CHANGE);
			if (v903_in(e, i, V903_E_PLACE, TEMPORARY) &&
			    (has || prev))
				v903_flag(r, V903_EPISODES, i);
			prev = grouped && has;
		}
	}
}

/* 226 "Reason for placement change is not required." (to 2024/25). */
static void check_226(const struct v903_data *d, struct v903_result *r)
{
	flag_reason_near_temporary(d, r);
}

/* 226 "Reason for placement change is not required for temporary
 * placements." (from 2025/26): the same check, a new message. */
static void check_226_2026(const struct v903_data *d, struct v903_result *r)
{
	flag_reason_near_temporary(d, r);
}

/* 233 "Reason for placement change is not required when the episode has
 * not ceased." (from 2025/26): the validator's code reads a column
 * DATE_EPISODE_CEASED, which Episodes never has (the column is DEC), so
 * it raises KeyError whenever Episodes is loaded and reports nothing.
 * iro reports nothing too. */
static void check_233(const struct v903_data *d, struct v903_result *r)
{
	(void)v903_needs(d, r, EPISODES);
}

const struct v903_rule V903_RULES_EPISODE_FIELDS[] = {
	{ "141", "Date episode began is not a valid date.", 0, 0, check_141 },
	{ "147", "Date episode ceased is not a valid date.", 0, 0, check_147 },
	{ "143", "The reason for new episode code is not a valid code.", 0, 0,
	  check_143 },
	{ "144", "The legal status code is not a valid code.", 0, 0,
	  check_144 },
	{ "145", "Category of need code is not a valid code.", 0, 0,
	  check_145 },
	{ "146", "Placement type code is not a valid code.", 0, 2024,
	  check_146 },
	{ "146", "Placement type code is not a valid code.", 2025, 2025,
	  check_146_2025 },
	{ "146", "Placement type code is not a valid code.", 2026, 0,
	  check_146_2026 },
	{ "149", "Reason episode ceased code is not valid. ", 0, 0,
	  check_149 },
	{ "178", "Placement provider code is not a valid code.", 0, 2025,
	  check_178 },
	{ "178", "Placement provider code is not a valid code.", 2026, 0,
	  check_178_2026 },
	{ "1009", "Reason for placement change is not a valid code.", 0, 0,
	  check_1009 },
	{ "148", "Date episode ceased and reason episode ceased must both be "
		 "coded, or both left blank.", 0, 0, check_148 },
	{ "225", "Reason for placement change must be recorded.", 0, 0,
	  check_225 },
	{ "226", "Reason for placement change is not required.", 0, 2025,
	  check_226 },
	{ "226", "Reason for placement change is not required for temporary "
		 "placements.", 2026, 0, check_226_2026 },
	{ "233", "Reason for placement change is not required when the "
		 "episode has not ceased.", 2026, 0, check_233 },
	{ "213", "Placement provider information not required.", 0, 2025,
	  check_213 },
	{ "213", "Placement provider information not required.", 2026, 0,
	  check_213_2026 },
	{ "526", "Child is missing a placement provider code for at least "
		 "one episode.", 0, 2025, check_526 },
	{ "526", "Child is missing a placement provider code for at least "
		 "one episode.", 2026, 0, check_526_2026 },
	{ NULL, NULL, 0, 0, NULL },
};
