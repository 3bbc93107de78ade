/*
 * measures.h - every measure of the annual report and the monthly
 * dashboard (spec §4; seed-tables §8), counted child by child over a set
 * of windows (reporting years, or months) in one pass over the records.
 *
 * The caller streams each child's records (struct msr_child) and then the
 * service's own (IROs, advocacy, feedback, QA); every window gets its own
 * figures, so a year's report and the years before it come from the same
 * pass. Definitions, read beside spec §4:
 *
 *  - Population (M01-M12): a child is looked after on D when a period of
 *    care started on or before D and had not ended by D (a period ending
 *    on D has ended). Periods made only of short breaks (V3/V4) are left
 *    out and counted on their own. Legal status and placement are those of
 *    the episode open on D; age is in whole years on D. Started and ceased
 *    are periods of care (short breaks left out) starting or ending in the
 *    window; ceased by the REC of the period's last episode.
 *  - Reviews (M20-M24): standard looked-after reviews held in the window
 *    (timeliness.h), by sequence; the other regimes and pathway plan
 *    reviews counted apart. Overdue at the window's end: timeliness.h.
 *  - Participation (M25-M27): every review held in the window with a code
 *    (short-break and adoption reviews included; pathway plan reviews have
 *    none): attendance PN1-PN4 over PN1-PN7, participation PN1, PN2, PN3,
 *    PN5, PN6 over PN1-PN7, and every code with PN0.
 *  - Conduct (M28-M40): standard reviews held in the window, each field's
 *    answers including "not recorded", so rows add up.
 *  - Minutes (M33): standard reviews held in the window whose deadline
 *    (minutes_wd working days after the held day) is on or before as_of;
 *    in time when sent on or before it.
 *  - Visit before the review (M34): a contact with the child in the 42
 *    days before the review day, up to the day itself: seen (a visit or
 *    a virtual contact), else declined (the child declined), else neither;
 *    a phone call is not seeing the child.
 *  - Rearranged, stood down, cancelled (M24): reviews whose final status
 *    (held, stood down, cancelled) falls in the window, looked-after
 *    reviews and pathway plan reviews apart.
 *  - Recommendations (M41): made at reviews held in the window; achieved
 *    (by the day the next review was held, or by as_of when there is
 *    none); overdue at the window's end (due before it, not achieved by
 *    it, not closed otherwise); the child's own.
 *  - Caseloads (M45): on the window's last day, each IRO's children (a
 *    child looked after then, including short breaks, with a current
 *    allocation that is not cover) and FTE.
 *  - Starters by age (M11): periods of care starting in the window (short
 *    breaks left out), by age in whole years on the first day.
 *  - Placements started (M13): episodes of a period of care (not short
 *    breaks) beginning in the window that start a placement: RNE S, P, B
 *    or U, and T (a new placement with the same carers) unless the
 *    setting says not; temporary placements (T0-T4) only when the setting
 *    says so. Long-term fostering: PLACE U1 or U4; adoption: A3-A6.
 *  - Three or more placements (M17): children looked after at the
 *    window's end whose placement open on its first day plus the
 *    placements started in it (as M13, after that day) number 3 or more.
 *  - Long-term fostering not yet matched (M15): children looked after at
 *    the window's end whose permanence plan (M14) is long-term fostering
 *    and whose open episode is not U1/U4, by the time since their period
 *    of care began, in half-open bands of whole months: [0, 6), [6, 12),
 *    [12, 36), [36, 60), [60, 84), [84, 120), 120 and over.
 *  - Placement location (M08): children looked after at the window's end
 *    by where the open episode's PL_POST lies (inside or outside the
 *    authority, or not known: no postcode, or one not in the postcode
 *    table), and the straight-line distance from HOME_POST, in miles as
 *    the DfE works it (the grid references' distance / 1000 / 1.6093,
 *    rounded to one decimal place), up to 20 or over 20 miles.
 *  - Escalation after review (M39): standard reviews held in the window
 *    that an informal or formal alert (raised by as_of) names as the
 *    review that prompted it.
 *  - Midpoint reviews (M42): the gaps between a child's consecutive
 *    standard reviews in one period of care on the six-month cycle (the
 *    later review third or after) whose later review was held in the
 *    window; covered when a midpoint oversight record falls strictly
 *    between the two.
 *  - Supervision (M48): an IRO is available in a window when on some day
 *    of it they are in post and not absent; supervised when a QA record
 *    of kind supervision of theirs is dated in it.
 *
 * Memory: msr_init allocates the windows' figures; msr_free releases them.
 * Pure: no I/O.
 */
#ifndef IRO_MEASURES_H
#define IRO_MEASURES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/calendar.h"
#include "core/period.h"
#include "core/schedule.h"
#include "core/timeliness.h"

/* ---- Codes the measures group by (each has a "not recorded" 0) ------- */

enum msr_review_kind { RK_LOOKED_AFTER, RK_PATHWAY, RK_SHORT_BREAK, RK_ADOPTION, RK_COUNT };
enum msr_status { RS_SCHEDULED, RS_REARRANGED, RS_HELD, RS_STOOD_DOWN, RS_CANCELLED, RS_ADJOURNED, RS_COUNT };
enum msr_venue { VEN_NONE, VEN_PLACEMENT, VEN_SCHOOL, VEN_OFFICE, VEN_OTHER, VEN_COUNT };
enum msr_mode { MODE_NONE, MODE_IN_PERSON, MODE_VIRTUAL, MODE_HYBRID, MODE_SERIES, MODE_COUNT };
enum msr_grade { GRADE_NONE, GRADE_OUTSTANDING, GRADE_GOOD, GRADE_RI, GRADE_POOR, GRADE_COUNT };
enum msr_rag { RAG_NONE, RAG_RED, RAG_AMBER, RAG_GREEN, RAG_COUNT };
enum msr_permanence {
	PERM_NONE, /* not recorded, or the field left empty */
	PERM_RETURN, PERM_ADOPTION, PERM_SGO, PERM_LTF, PERM_LTR,
	PERM_SUPPORTED, PERM_OTHER, PERM_COUNT
};
enum msr_sw_role { SWR_NONE, SWR_SOCIAL_WORKER, SWR_TEAM_MANAGER, SWR_OTHER, SWR_COUNT };
/* Who asked for a review to be rearranged. */
enum msr_requester {
	REQ_NONE, REQ_CHILD, REQ_CARER, REQ_PARENT, REQ_SOCIAL_WORKER, REQ_IRO,
	REQ_COURT, REQ_OTHER, REQ_COUNT
};
enum msr_group { GRP_CHILD, GRP_PARENT, GRP_CARER, GRP_HEALTH, GRP_EDUCATION, GRP_SOCIAL_WORKER, GRP_OTHER, GRP_COUNT };
enum msr_contact { CON_VISIT, CON_VIRTUAL, CON_PHONE, CON_DECLINED, CON_COUNT };
enum msr_rec_status { REC_OPEN, REC_ACHIEVED, REC_NOT_ACHIEVED, REC_NO_LONGER, REC_COUNT };
enum msr_alloc_reason { AL_NEW, AL_TRANSFER, AL_COVER };
enum msr_oversight { OV_MIDPOINT, OV_CASE_CHECK, OV_FOOTPRINT, OV_COUNT };
enum msr_qa { QA_AUDIT, QA_CASE_FILE, QA_OBSERVATION, QA_SUPERVISION, QA_COUNT };
/* A yes/no field: not recorded, no, yes. */
enum msr_yn { YN_NONE, YN_NO, YN_YES, YN_COUNT };

/* The words of each code, in the order of its enum ("placement", ...), and
 * back: -1 for an unknown word, 0 (none) for NULL or "". */
extern const char *const MSR_KIND_CODES[RK_COUNT];
extern const char *const MSR_STATUS_CODES[RS_COUNT];
extern const char *const MSR_VENUE_CODES[VEN_COUNT];
extern const char *const MSR_MODE_CODES[MODE_COUNT];
extern const char *const MSR_GRADE_CODES[GRADE_COUNT];
extern const char *const MSR_RAG_CODES[RAG_COUNT];
extern const char *const MSR_PERMANENCE_CODES[PERM_COUNT];
extern const char *const MSR_SW_ROLE_CODES[SWR_COUNT];
extern const char *const MSR_REQUESTER_CODES[REQ_COUNT];
extern const char *const MSR_GROUP_CODES[GRP_COUNT];
extern const char *const MSR_CONTACT_CODES[CON_COUNT];
extern const char *const MSR_REC_STATUS_CODES[REC_COUNT];
extern const char *const MSR_OVERSIGHT_CODES[OV_COUNT];
extern const char *const MSR_QA_CODES[QA_COUNT];
int msr_code(const char *const *codes, size_t n, const char *word);

/* ---- One child's records, as the store streams them ------------------ */

struct msr_recommendation {
	uint8_t status;   /* enum msr_rec_status */
	bool childs_own;
	int32_t due;      /* DATE_NONE when none */
	int32_t achieved; /* DATE_NONE when not achieved */
};

struct msr_consultation {
	uint8_t group; /* enum msr_group */
	int32_t sent, received;
};

struct msr_review {
	uint8_t kind, status;         /* enum msr_review_kind, msr_status */
	int8_t pn;                    /* 0-7, or -1 when not recorded */
	uint8_t venue, mode, grade, rag, permanence, sw_role;
	/* enum msr_yn each */
	uint8_t co_chaired, parents, sw_attended, plan_updated, plan_copy,
		plan_satisfied, advocate, permanence_confirmed;
	int32_t held;      /* DATE_NONE unless held */
	int32_t decided;   /* the day a stood-down or cancelled review was
			    * decided on (else DATE_NONE) */
	int32_t scheduled; /* the date now set */
	int32_t sw_report, minutes_sent;
	uint8_t escalated; /* ESC_* of the alerts that name it */
	/* How many times it was rearranged, by who asked. */
	uint8_t rearranged[REQ_COUNT];
	const struct msr_recommendation *recs;
	size_t nrecs;
	const struct msr_consultation *consults;
	size_t nconsults;
};

/* Alerts linked to a review (M39): bits of msr_review.escalated. */
enum { ESC_INFORMAL = 1, ESC_FORMAL = 2 };

struct msr_contact_rec {
	int32_t date;
	uint8_t kind; /* enum msr_contact */
};

/* Where an episode's placement is (M08), from the postcode table. */
enum msr_where { WHERE_NOT_KNOWN, WHERE_INSIDE, WHERE_OUTSIDE };
struct msr_location {
	uint8_t where;           /* PL_POST's authority against ours */
	bool in_group;           /* PL_POST in the named group of authorities */
	bool pl_grid, home_grid; /* grid references known */
	int32_t pl_e, pl_n, home_e, home_n; /* OS grid references, metres */
};

struct msr_oversight_rec {
	int32_t date;
	uint8_t kind; /* enum msr_oversight */
};

struct msr_allocation {
	int iro;        /* index into the IROs given to msr_init, or -1 */
	int32_t start, end;
	uint8_t reason; /* enum msr_alloc_reason */
};

struct msr_child {
	int32_t dob;
	char sex;            /* 'M', 'F', 'U' or 0 */
	char ethnicity[5];   /* SSDA903 ETHNIC, "" when not recorded */
	bool uasc;
	int32_t uasc_ceased;
	int team;            /* index from msr_team_index, or -1 */
	const struct episode *episodes; /* sorted by start */
	size_t nepisodes;
	/* Every review; the held ones in order of held date (those not held
	 * may come anywhere among them), one held review a day. */
	const struct msr_review *reviews;
	size_t nreviews;
	const struct msr_contact_rec *contacts; /* sorted by date */
	size_t ncontacts;
	const struct msr_allocation *allocations;
	size_t nallocations;
	/* Parallel to episodes, or NULL when no postcode table is held. */
	const struct msr_location *locations;
	const struct msr_oversight_rec *oversights; /* in any order */
	size_t noversights;
};

struct msr_iro {
	const char *name;
	int32_t start, end;
	const int32_t *fte_from; /* dated FTE, sorted; none: 1.0 */
	const double *fte;
	size_t nfte;
	const int32_t (*absences)[2]; /* first and last day (DATE_NONE: open) */
	size_t nabsences;
};

/* True when the IRO is in post and not absent on some day of from..to. */
bool msr_iro_available(const struct msr_iro *iro, int32_t from, int32_t to);

/* ---- Settings ---------------------------------------------------------- */

struct msr_settings {
	int minutes_wd;  /* minutes / letter within this many working days: 20 */
	int visit_days;  /* a visit within this many days before: 42 */
	int32_t as_of;   /* the day the report is made for: deadlines passed */
	bool placements_same_carer; /* RNE T starts a placement (M13): yes */
	bool placements_temporary;  /* T0-T4 placements count (M13): no */
};

/* ---- The figures of one window ---------------------------------------- */

enum msr_age_band { AGE_UNDER_1, AGE_1_4, AGE_5_9, AGE_10_15, AGE_16_17, AGE_18_PLUS, AGE_COUNT };
extern const char *const MSR_AGE_BAND_KEYS[AGE_COUNT]; /* "under_1", ... */
enum msr_sex { SEX_M, SEX_F, SEX_U, SEX_COUNT };

#define MSR_MAX_CODES 64 /* room for any SSDA903 code list */

enum msr_ltf_band { LTF_UNDER_6M, LTF_6_12M, LTF_1_3Y, LTF_3_5Y, LTF_5_7Y,
		    LTF_7_10Y, LTF_10Y_PLUS, LTF_BAND_COUNT };
enum msr_loc_row {
	LOC_NEAR_IN, LOC_NEAR_OUT, LOC_FAR_IN, LOC_FAR_OUT, /* <= / > 20 mi */
	LOC_NODIST_IN, LOC_NODIST_OUT, /* no distance: HOME_POST not known */
	LOC_NOT_KNOWN,                 /* PL_POST not known */
	LOC_COUNT
};

struct msr_population {
	long at_end;
	long by_age[AGE_COUNT];
	long by_age_sex[AGE_COUNT][SEX_COUNT];
	long by_sex[SEX_COUNT];
	long by_ls[MSR_MAX_CODES + 1];    /* CODES_LS order; last: not known */
	long by_place[MSR_MAX_CODES + 1]; /* CODES_PLACE order */
	long by_ethnic[MSR_MAX_CODES + 1]; /* CODES_ETHNIC order */
	long uasc;            /* UASC on D, or ceased being one in the year */
	long *by_team;        /* msr teams + 1 (not recorded) */
	long short_breaks_at_end; /* looked after only in short breaks */
	long started, ceased;
	long ceased_by_rec[MSR_MAX_CODES + 1]; /* CODES_REC order */
	long short_break_started;
	long allocated;       /* looked after with a current IRO (M18) */
	long started_by_age[AGE_COUNT];  /* M11: age on the first day */
	long placements_started, placements_ltf, placements_adoption; /* M13 */
	long placements_3plus;           /* M17 */
	long ltf_unmatched[LTF_BAND_COUNT]; /* M15 */
	long location[LOC_COUNT];        /* M08 */
	long outside_in_group;           /* outside, in the named group */
};

struct msr_conduct {
	long held;             /* standard reviews held: the denominator */
	long venue[VEN_COUNT], mode[MODE_COUNT];
	long co_chaired[YN_COUNT];
	long co_chair_den;     /* those coded PN1-PN7 (M29) */
	long co_chaired_coded; /* co-chaired, among them */
	long parents[YN_COUNT], sw_attended[YN_COUNT], sw_role[SWR_COUNT];
	long report_before;    /* the social worker's report before the day */
	long report_none;      /* no report date recorded */
	long minutes_due, minutes_in_time;
	long visit_seen, visit_declined, visit_neither;
	long plan_updated[YN_COUNT], plan_copy[YN_COUNT],
		plan_satisfied[YN_COUNT];
	long grade[GRADE_COUNT], rag[RAG_COUNT];
	long advocate;
	long second_held, second_with_plan, second_confirmed; /* M36 */
	long permanence[PERM_COUNT]; /* at the latest review, children at end */
	long escalated_informal, escalated_formal, escalated_any; /* M39 */
	long midpoint_gaps, midpoint_covered; /* M42 */
};

struct msr_outcomes {
	/* Reviews whose final status falls in the window: [0] looked after
	 * (every kind but pathway plan), [1] pathway plan. */
	long planned[2], held[2], rearranged[2], stood_down[2], cancelled[2];
	long rearrangements_by[REQ_COUNT];
};

struct msr_recs {
	long made, achieved, achieved_by_next, not_achieved, no_longer,
		childs_own, overdue_at_end;
};

struct msr_period {
	int32_t from, to;
	struct timeliness tml;
	long held_by_kind[RK_COUNT]; /* every review held, by its kind */
	long pathway_held_18plus;    /* those for young people 18 or over */
	long children_reviewed;      /* with a review held (not pathway) */
	long pn[8], pn_blank;        /* every review held but pathway plan */
	struct msr_population pop;
	struct msr_conduct conduct;
	struct msr_outcomes outcomes;
	struct msr_recs recs;
	long consult_sent[GRP_COUNT], consult_received[GRP_COUNT];
	/* Caseloads on `to`: per IRO (msr iros order) children and cover. */
	long *caseload, *cover;
	double *fte;
	long unallocated; /* looked after with no current IRO */
	/* Service records dated in the window. */
	long advocacy, advocacy_by[REQ_COUNT];
	long feedback_by[4]; /* child, parent, carer, professional */
	long qa_by[QA_COUNT];
	long *qa_iro;        /* [iro * QA_COUNT + kind], msr iros order */
	long oversight_by[OV_COUNT];
};

struct measures {
	const struct calendar *cal;
	struct msr_settings s;
	struct msr_period *w;
	size_t nw;
	const struct msr_iro *iros;
	size_t niros;
	char **teams;   /* interned team names */
	size_t nteams, tcap;
	/* per-child scratch, reused */
	struct child_clocks cc;
	int32_t *held;
	const struct msr_review **held_rev;
	size_t hcap, hrcap;
	/* Each episode's LS, PLACE and REC as indexes into their code lists
	 * (looked up once per child, not once per window), and the child's
	 * ethnicity. */
	uint8_t (*ep_codes)[3];
	size_t epcap;
	uint8_t *ep_flags; /* placement facts (measures.c) */
	size_t efcap;
	size_t ethnic;
	bool failed;    /* memory ran out */
};

/* windows: nw windows (any, may overlap); iros: the service's IROs,
 * borrowed until msr_free. Returns 0, or -1 when memory runs out. */
int msr_init(struct measures *m, const struct calendar *cal,
	     const struct msr_settings *s, const int32_t (*windows)[2],
	     size_t nw, const struct msr_iro *iros, size_t niros);
void msr_free(struct measures *m);

/* The index of a team by name (interned on first sight), or -1 for none
 * or when memory runs out (m->failed). Call before the windows count
 * teams: every team must be known before the first msr_add_child. */
int msr_team_index(struct measures *m, const char *name);
/* Allocates the per-team counts once the teams are known. */
int msr_teams_done(struct measures *m);

int msr_add_child(struct measures *m, const struct msr_child *c);

/* Service records, each by its date (QA also by IRO: -1 for none). */
void msr_add_advocacy(struct measures *m, int32_t date, int referred_by);
void msr_add_feedback(struct measures *m, int32_t date, int respondent);
void msr_add_qa(struct measures *m, int32_t date, int kind, int iro);

/* The straight-line distance between two OS grid references, in tenths
 * of a mile as the DfE rounds it (M08). */
long msr_distance_tenths(int32_t e1, int32_t n1, int32_t e2, int32_t n2);

/* Age band of a child born on dob, on day. */
enum msr_age_band msr_age_band(int32_t dob, int32_t day);

#endif
