/*
 * synth.c - a synthetic local authority as an SSDA903 return (synth.h).
 *
 * Each child is made on its own, from its own random stream, and written
 * at once; of the child being made only what service.jsonl needs is kept
 * (synth_service.h), and the children are made a second time, the same
 * way, for its records once the IROs' caseloads are planned.
 *
 *  - Kind: 3% short breaks only (a series of V3 breaks, each its own
 *    period, or one open V4 agreement), 6% unaccompanied asylum-seeking
 *    children (UASC), the rest looked after in the usual way.
 *  - About 62% of the others are looked after on the year's last day. For
 *    them a plan (age at entry, path out of care, length of stay) is drawn
 *    with a bias to long stays, as the children in care on any one day are
 *    more often those who stay long, and the entry date is put so that the
 *    stay spans that day. For the rest the period ends on a day of the
 *    history window and starts `length of stay` before it.
 *  - Paths: adoption (C1 -> C2 -> E1 -> placed A6, or A5 with the foster
 *    carers who adopt (RNE T) -> E11/E12; a few by consent, V2 -> A3/A4),
 *    special guardianship, child arrangements order, return home, staying
 *    to 18, teenagers' other exits, remand. Along a period come legal status
 *    changes (RNE L, or B/U with a move), placement moves (P, or T with
 *    the same carers), the odd temporary placement (T1-T4) and, near the
 *    end, moves that belong to the path (home on placement with parents,
 *    semi-independent living at 16+, to kinship carers before an SGO).
 *    Every period ends by the 18th birthday, and none starts before 14
 *    October 1991 (the Children Act 1989; DfE rule 353). About 11% (9% of
 *    all children) have had an earlier period of care, ended and
 *    re-entered after a gap of at least a day.
 *  - Reviews: the schedule of core/schedule.h, asked for the next due date
 *    after each review held, as sched_next_review gives it; held a few
 *    days before (or, about 7% of the time, some days after) it is due,
 *    with an extra review 2-6 weeks after some placement moves. Short
 *    breaks too: an open V4 agreement is reviewed 3 months in and then
 *    six-monthly, while a V3 break ends long before a review falls due.
 *
 * The proportions follow the DfE's published children-looked-after
 * statistics and IRO annual reports closely enough for a demonstration;
 * they are not a model of any real authority. Postcodes start with X (no
 * real postcode area does) and URNs of children's homes are made up.
 * The service's own model and rates are described in synth_staff.c,
 * synth_service.c and synth_reviews.c.
 */
#include "lib/common.h"
#include "lib/err.h"
#include "lib/xalloc.h"
#include "core/calendar.h"
#include "core/date.h"
#include "core/period.h"
#include "core/schedule.h"
#include "core/ssda903.h"
#include "io/synth.h"
#include "io/synth_rng.h"
#include "io/synth_service.h"
#include "io/synth_util.h"

/* The shares of children. */
#define SHARE_SHORT_BREAKS 0.03
#define SHARE_UASC 0.06
#define SHARE_OPEN 0.62     /* looked after on the last day (others than SB) */
#define SHARE_REENTRY 0.115 /* an earlier period of care */
#define LENGTH_BIAS_CAP Y(6)

/* ---- The shape of the authority ----------------------------------------- */

static const struct wcode ETHNIC_ALL[] = {
	{ "WBRI", 725 }, { "WIRI", 5 },  { "WOTH", 38 }, { "WIRT", 4 },
	{ "WROM", 8 },   { "MWBC", 35 }, { "MWBA", 12 }, { "MWAS", 14 },
	{ "MOTH", 30 },  { "AIND", 6 },  { "APKN", 15 }, { "ABAN", 5 },
	{ "AOTH", 8 },   { "BCRB", 12 }, { "BAFR", 25 }, { "BOTH", 15 },
	{ "CHNE", 2 },   { "OOTH", 15 }, { "REFU", 3 },  { "NOBT", 18 },
};
static const struct wcode ETHNIC_UASC[] = {
	{ "AOTH", 24 }, { "BAFR", 24 }, { "OOTH", 22 }, { "WOTH", 10 },
	{ "BOTH", 8 },  { "MOTH", 3 },  { "ABAN", 2 },  { "APKN", 1 },
	{ "NOBT", 6 },
};

static const struct wcode CIN_ALL[] = {
	{ "N1", 600 }, { "N2", 30 }, { "N3", 40 }, { "N4", 90 },
	{ "N5", 100 }, { "N6", 30 }, { "N7", 10 }, { "N8", 100 },
};
static const struct wcode CIN_UASC[] = {
	{ "N8", 85 }, { "N1", 5 }, { "N4", 5 }, { "N7", 5 },
};
static const struct wcode CIN_SHORT_BREAKS[] = {
	{ "N2", 90 }, { "N3", 5 }, { "N4", 5 },
};

/* Age at entry, weighted so that the periods in the files (the long
 * stays of children looked after on the last day weigh more) start about
 * 20% under 1 (a third of those in the first week), 15% at 1-4, 15% at
 * 5-9, 35% at 10-15 and 15% at 16-17. */
static const struct bucket ENTRY_AGE[] = {
	{ 0, 6, 75 },
	{ 7, 364, 135 },
	{ Y(1), Y(5) - 1, 145 },
	{ Y(5), Y(10) - 1, 125 },
	{ Y(10), Y(16) - 1, 345 },
	{ Y(16), Y(18) - 30, 175 },
};
static const struct bucket UASC_AGE[] = {
	{ Y(14) + 2, Y(15) - 1, 8 },
	{ Y(15), Y(16) - 1, 22 },
	{ Y(16), Y(17) - 1, 40 },
	{ Y(17), Y(18) - 45, 30 },
};

enum path {
	P_ADOPT,   /* C1 -> C2 -> E1 -> placed for adoption -> adopted */
	P_SGO,     /* special guardianship order */
	P_CAO,     /* child arrangements (residence) order */
	P_HOME,    /* back home to parents */
	P_AGEOUT,  /* looked after to 18 (or nearly) */
	P_TEEN,    /* teenagers' other exits */
	P_REMAND,  /* remanded (J1) */
	P_COUNT_DRAWN,
	P_UASC = P_COUNT_DRAWN,
	P_PRIOR,   /* an earlier, short period before a re-entry */
};

/* Paths by band of age at entry (under 1, 1-4, 5-9, 10-15, 16-17). */
static const unsigned PATH_W[5][P_COUNT_DRAWN] = {
	{ 34, 21, 4, 27, 14, 0, 0 },
	{ 20, 25, 7, 30, 18, 0, 0 },
	{ 2, 18, 8, 40, 32, 0, 0 },
	{ 0, 6, 3, 39, 28, 13, 11 },
	{ 0, 1, 0, 30, 43, 14, 12 },
};

static const struct bucket DUR_HOME[] = {
	{ 7, 30, 10 },    { 31, 90, 17 },    { 91, 180, 20 },  { 181, 365, 22 },
	{ 366, 730, 17 }, { 731, 1460, 10 }, { 1461, 2900, 4 },
};
static const struct bucket DUR_SGO[] = {
	{ 240, 500, 30 }, { 501, 800, 35 }, { 801, 1200, 20 }, { 1201, 2200, 15 },
};
static const struct bucket DUR_CAO[] = {
	{ 120, 365, 30 }, { 366, 730, 40 }, { 731, 1500, 30 },
};
static const struct bucket DUR_TEEN[] = {
	{ 14, 60, 20 },   { 61, 180, 25 },   { 181, 365, 25 },
	{ 366, 730, 20 }, { 731, 1400, 10 },
};
static const struct bucket DUR_REMAND[] = {
	{ 7, 30, 30 }, { 31, 90, 40 }, { 91, 200, 30 },
};
static const struct bucket DUR_PRIOR[] = {
	{ 7, 60, 30 }, { 61, 365, 50 }, { 366, 900, 20 },
};
static const struct bucket REENTRY_GAP[] = {
	{ 1, 30, 20 }, { 31, 180, 35 }, { 181, 730, 35 }, { 731, 1500, 10 },
};
/* Days before the 18th birthday that a young person leaves, when early. */
static const struct bucket LEAD[] = {
	{ 1, 30, 30 }, { 31, 180, 70 },
};
/* Days between placement moves. */
static const struct bucket GAP_CHILD[] = {
	{ 60, 365, 25 }, { 366, 900, 40 }, { 901, 2000, 35 },
};
static const struct bucket GAP_TEEN[] = {
	{ 30, 180, 30 }, { 181, 540, 40 }, { 541, 1400, 30 },
};

/* Legal status at the start of a period, by path. */
static const struct wcode LS_SGO[] = {
	{ "C1", 58 }, { "V2", 34 }, { "L2", 5 }, { "L1", 3 },
};
static const struct wcode LS_HOME[] = {
	{ "V2", 55 }, { "C1", 30 }, { "C2", 7 }, { "L1", 4 }, { "L2", 4 },
};
static const struct wcode LS_AGEOUT[] = {
	{ "V2", 38 }, { "C1", 42 }, { "C2", 12 }, { "L1", 4 }, { "L2", 4 },
};
static const struct wcode LS_TEEN[] = {
	{ "V2", 78 }, { "C1", 12 }, { "L1", 8 }, { "L2", 2 },
};
static const struct wcode LS_PRIOR[] = {
	{ "V2", 66 }, { "C1", 26 }, { "L1", 4 }, { "L2", 4 },
};

/* Placements by age band; SEMI is H5 or K3 by date. */
static const struct wcode PLACE_UNDER_1[] = {
	{ "U6", 50 }, { "U5", 6 }, { "U3", 20 }, { "U1", 3 },
	{ "U4", 5 },  { "U2", 3 }, { "R3", 8 },  { "P1", 5 },
};
static const struct wcode PLACE_1_4[] = {
	{ "U6", 46 }, { "U5", 3 }, { "U3", 22 }, { "U1", 8 },
	{ "U4", 12 }, { "U2", 2 }, { "P1", 7 },
};
static const struct wcode PLACE_5_9[] = {
	{ "U6", 38 }, { "U4", 22 }, { "U3", 16 }, { "U1", 10 }, { "K2", 5 },
	{ "P1", 6 },  { "S1", 1 },  { "R1", 1 },  { "U5", 1 },
};
static const struct wcode PLACE_10_15[] = {
	{ "U6", 30 }, { "U4", 20 }, { "U3", 10 }, { "U1", 7 }, { "K2", 20 },
	{ "R1", 2 },  { "P1", 5 },  { "S1", 3 },  { "K1", 1 }, { "R2", 1 },
};
static const struct wcode PLACE_16_17[] = {
	{ "U6", 20 }, { "U4", 16 },   { "U3", 5 }, { "U1", 5 }, { "K2", 15 },
	{ "SEMI", 28 }, { "P1", 5 }, { "R1", 2 }, { "S1", 1 }, { "R2", 1 },
};
static const struct wcode PLACE_REMAND[] = {
	{ "K1", 20 }, { "R5", 30 }, { "U6", 30 }, { "K2", 20 },
};
static const struct wcode PLACE_ADOPT_START[] = {
	{ "U6", 60 }, { "U5", 20 }, { "U3", 12 }, { "U2", 3 }, { "R3", 5 },
};
static const struct wcode PLACE_UASC_YOUNG[] = {
	{ "U6", 70 }, { "U4", 20 }, { "K2", 10 },
};
static const struct wcode PLACE_UASC_OLD[] = {
	{ "SEMI", 60 }, { "U6", 28 }, { "K2", 12 },
};
static const struct wcode PLACE_SHORT_BREAKS[] = {
	{ "U6", 45 }, { "U4", 15 }, { "K2", 40 },
};
static const struct wcode TEMP_PLACE[] = {
	{ "T3", 55 }, { "T4", 25 }, { "T1", 15 }, { "T2", 5 },
};

/* Placement providers. */
static const struct wcode PROV_KIN[] = {
	{ "PR1", 92 }, { "PR2", 4 }, { "PR4", 4 },
};
static const struct wcode PROV_FOSTER[] = {
	{ "PR1", 52 }, { "PR4", 42 }, { "PR5", 4 }, { "PR2", 2 },
};
static const struct wcode PROV_HOME[] = {
	{ "PR4", 78 }, { "PR1", 17 }, { "PR5", 5 },
};
static const struct wcode PROV_SECURE[] = {
	{ "PR1", 40 }, { "PR2", 40 }, { "PR3", 20 },
};
static const struct wcode PROV_RESIDENTIAL[] = {
	{ "PR4", 60 }, { "PR5", 30 }, { "PR1", 10 },
};
static const struct wcode PROV_SEMI[] = {
	{ "PR4", 65 }, { "PR1", 20 }, { "PR5", 15 },
};
static const struct wcode PROV_SCHOOL[] = {
	{ "PR4", 60 }, { "PR5", 40 },
};
static const struct wcode PROV_ADOPT[] = {
	{ "PR1", 70 }, { "PR2", 15 }, { "PR5", 15 },
};

static const struct wcode REASON_MOVE[] = {
	{ "CARPL", 35 }, { "CREQB", 12 }, { "CREQO", 10 }, { "CHILD", 6 },
	{ "LAREQ", 8 },  { "STAND", 3 },  { "ALLEG", 3 },  { "CLOSE", 4 },
	{ "APPRR", 1 },  { "PLACE", 8 },  { "OTHER", 10 },
};
static const struct wcode REASON_SAME_CARER[] = {
	{ "PLACE", 50 }, { "CARPL", 50 },
};
static const struct wcode REASON_SEMI[] = {
	{ "CARPL", 80 }, { "CHILD", 20 },
};

/* How periods end. */
static const struct wcode REC_ADOPT[] = { { "E11", 60 }, { "E12", 40 } };
static const struct wcode REC_HOME[] = {
	{ "E4A", 75 }, { "E4B", 17 }, { "E13", 8 },
};
static const struct wcode REC_PRIOR[] = {
	{ "E4A", 65 }, { "E4B", 20 }, { "E13", 10 }, { "E41", 5 },
};
static const struct wcode REC_SGO_KIN[] = { { "E45", 80 }, { "E47", 20 } };
static const struct wcode REC_SGO_OTHER[] = {
	{ "E46", 45 }, { "E47", 35 }, { "E48", 20 },
};
static const struct wcode REC_TEEN[] = {
	{ "E13", 22 }, { "E8", 22 }, { "E9", 6 }, { "E3", 12 },
	{ "E4B", 25 }, { "E16", 3 }, { "E4A", 10 },
};
static const struct wcode REC_REMAND[] = { { "E14", 75 }, { "E9", 25 } };
static const struct wcode REC_18_FOSTER[] = {
	{ "E17", 40 }, { "E5", 38 }, { "E6", 7 }, { "E8", 5 },
	{ "E13", 5 },  { "E4A", 5 },
};
static const struct wcode REC_18_SEMI[] = {
	{ "E5", 70 }, { "E6", 15 }, { "E8", 8 }, { "E13", 7 },
};
static const struct wcode REC_18_RESIDENTIAL[] = {
	{ "E5", 55 }, { "E6", 10 }, { "E7", 8 }, { "E8", 12 },
	{ "E13", 10 }, { "E4A", 5 },
};
static const struct wcode REC_18_PARENTS[] = { { "E4A", 60 }, { "E8", 40 } };
static const struct wcode REC_NEAR_18[] = {
	{ "E5", 30 }, { "E6", 10 }, { "E13", 20 },
	{ "E4A", 15 }, { "E4B", 15 }, { "E8", 10 },
};

/* UASC who leave early: moved under the national transfer scheme, found
 * to be 18 or over, missing, moved abroad. */
struct early_exit {
	const char *rec;
	unsigned w;
	int32_t lo, hi; /* days after entry */
};
static const struct early_exit UASC_EARLY[] = {
	{ "", 83, 0, 0 },         /* stays */
	{ "E3", 8, 14, 70 },
	{ "E15", 4, 30, 200 },
	{ "E8", 4, 30, 400 },
	{ "E16", 1, 60, 400 },
};

/* Participation, for children aged 4 and over. */
static const struct wcode PN_CODES[] = {
	{ "PN1", 45 }, { "PN2", 5 },  { "PN3", 3 }, { "PN4", 3 },
	{ "PN5", 12 }, { "PN6", 27 }, { "PN7", 5 },
};

/* When reviews are held. */
static const struct bucket FIRST_EARLY_WORKDAYS[] = {
	{ 0, 0, 12 }, { 1, 2, 38 }, { 3, 5, 35 }, { 6, 10, 15 },
};
static const struct bucket EARLY_DAYS[] = {
	{ 1, 7, 35 }, { 8, 14, 30 }, { 15, 30, 35 },
};
static const struct bucket LATE_DAYS[] = {
	{ 1, 7, 45 }, { 8, 21, 33 }, { 22, 45, 15 }, { 46, 100, 7 },
};
#define P_IN_TIME_FIRST 0.89
#define P_IN_TIME_SECOND 0.93
#define P_IN_TIME_LATER 0.95
#define P_EXTRA_REVIEW 0.10

/* ---- One child ---------------------------------------------------------- */

#define POST_LEN 10

struct placement {
	char place[4], prov[4], pl[POST_LEN], urn[10];
};

/* An episode being made. */
struct seg {
	int32_t decom, dec;
	char rne;
	char ls[3], cin[3], rec[4], reason[7];
	char home[POST_LEN];
	struct placement p;
};

enum move {
	MV_NONE,
	MV_RANDOM, /* a placement move (or a change with the same carers) */
	MV_CODE,   /* to a placement of a given type, new carers */
	MV_ADOPT,  /* placed for adoption */
	MV_TEMP,   /* a temporary placement and back */
};

struct ev {
	int32_t date;
	char ls[3];     /* the new legal status, or "" */
	enum move move;
	char code[5];   /* MV_CODE: the placement */
};

struct plan {
	enum path path;
	int32_t age;     /* days old at entry */
	int32_t dur;     /* days from entry to exit (estimated for age-outs) */
	bool ageout;     /* ends on (or `lead` days before) the 18th birthday */
	int32_t lead;
	int32_t c2, e1, placed; /* adoption: days after entry */
	bool consent;    /* adoption with consent: V2, placed A3/A4, no E1 */
	int32_t remand;  /* days on remand */
	bool remand_on;  /* remand ends in accommodation under s20 */
	const char *early_rec; /* UASC: leaves early with this REC */
};

struct table_out {
	FILE *f;
	char *tmp, *final;
	size_t ncols; /* cells are in the order of S903_TABLES[t] */
};

struct gen {
	const struct synth_options *o;
	struct synth_stats *st;
	struct calendar cal;
	int32_t year_end, win_start, k3_from;
	int32_t floor; /* 14 Oct 1991: no SSDA903 episode starts before */
	bool sex_letters;
	struct rng r;

	/* the child being made */
	long index;
	char id[24];
	bool male, uasc, short_breaks;
	int32_t dob, b18;
	const char *ethnic;
	struct seg *eps;
	size_t neps, ceps;
	struct ev *evs;
	size_t nevs, cevs;
	int32_t *trig; /* days an extra review is wanted (after a move) */
	size_t ntrig, ctrig;
	int32_t *held;
	size_t nheld, cheld;
	const char **pn;  /* each review's REVIEW_CODE */
	size_t cpn;
	struct episode *tmp;
	size_t ctmp;
	struct period *per;
	size_t nper, cper;
	enum synth_route route; /* of the last period */
	char upn[16];
	int mother;     /* MOTHER: -1 blank, 0, 1 */
	int32_t mc_dob;
	struct synth_episode *view; /* the episodes, for service.jsonl */
	size_t cview;
	bool oom;

	struct table_out out[S903_TABLE_COUNT];
	struct svc *svc;
};

static bool is(const char *a, const char *b)
{
	return strcmp(a, b) == 0;
}

static void copy(char *dst, size_t size, const char *src)
{
	size_t n = strlen(src);
	if (n >= size)
		n = size - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

#define COPY(dst, src) copy((dst), sizeof(dst), (src))

static int age_band(int32_t age_days)
{
	if (age_days < 365)
		return 0;
	if (age_days < Y(5))
		return 1;
	if (age_days < Y(10))
		return 2;
	if (age_days < Y(16))
		return 3;
	return 4;
}

/* The nearest working day on or after (dir 1) or before (dir -1) d. */
static int32_t workday(const struct gen *g, int32_t d, int dir)
{
	for (int i = 0; i < 14 && !cal_is_workday(&g->cal, d); i++)
		d += dir;
	return d;
}

/* "XA12 3BC": X, an area letter (A-D for the authority's own area),
 * a district, a space, a sector and two unit letters. */
static void postcode(struct rng *r, bool local, char *out)
{
	static const char OTHER[] = SYNTH_OTHER_AREAS;
	static const char UNIT[] = "ABDEFGHJLNPQRSTUWXYZ";
	size_t n = 0;
	out[n++] = 'X';
	out[n++] = local ? (char)('A' + rng_below(r, SYNTH_LOCAL_AREAS))
			 : OTHER[rng_below(r, sizeof OTHER - 1)];
	unsigned district =
		1 + rng_below(r, local ? SYNTH_LOCAL_DISTRICTS
				       : SYNTH_OTHER_DISTRICTS);
	if (district >= 10)
		out[n++] = (char)('0' + district / 10);
	out[n++] = (char)('0' + district % 10);
	out[n++] = ' ';
	out[n++] = (char)('0' + rng_below(r, 10));
	out[n++] = UNIT[rng_below(r, sizeof UNIT - 1)];
	out[n++] = UNIT[rng_below(r, sizeof UNIT - 1)];
	out[n] = '\0';
}

static void digits(struct rng *r, char *out, int n)
{
	for (int i = 0; i < n; i++)
		out[i] = (char)('0' + rng_below(r, 10));
	out[n] = '\0';
}

static bool is_kin_foster(const char *p)
{
	return is(p, "U1") || is(p, "U2") || is(p, "U3");
}

static bool is_foster(const char *p)
{
	return p[0] == 'U';
}

static bool is_semi(const char *p)
{
	return is(p, "H5") || is(p, "K3");
}

static bool is_temp(const char *p)
{
	return p[0] == 'T';
}

static bool is_adoptive(const char *p)
{
	return p[0] == 'A';
}

/* Fills in a new placement of type `code` (SEMI for semi-independent
 * living) starting on `date`, with new carers. */
static void set_placement(struct gen *g, struct placement *p, const char *code,
			  int32_t date, const char *home)
{
	struct rng *r = &g->r;
	if (is(code, "SEMI"))
		code = date < g->k3_from ? "H5" : "K3";
	COPY(p->place, code);
	const char *prov = "";
	bool local = rng_chance(r, 0.6);
	if (is(code, "P1"))
		prov = "PR0";
	else if (is_kin_foster(code))
		prov = PICK(r, PROV_KIN), local = rng_chance(r, 0.8);
	else if (is_foster(code))
		prov = PICK(r, PROV_FOSTER), local = rng_chance(r, 0.65);
	else if (is(code, "K2"))
		prov = PICK(r, PROV_HOME), local = rng_chance(r, 0.4);
	else if (is(code, "K1"))
		prov = PICK(r, PROV_SECURE), local = rng_chance(r, 0.15);
	else if (is(code, "R1") || is(code, "R3"))
		prov = PICK(r, PROV_RESIDENTIAL);
	else if (is(code, "R2") || is(code, "R5"))
		prov = "PR3";
	else if (is(code, "S1"))
		prov = PICK(r, PROV_SCHOOL), local = rng_chance(r, 0.3);
	else if (is_semi(code))
		prov = PICK(r, PROV_SEMI);
	else if (is_adoptive(code))
		prov = PICK(r, PROV_ADOPT), local = rng_chance(r, 0.5);
	/* T0-T4 (and Z1) have no provider */
	COPY(p->prov, prov);
	if (is(code, "P1"))
		COPY(p->pl, home);
	else
		postcode(r, local, p->pl);
	if (is(code, "K1") || is(code, "K2")) {
		p->urn[0] = 'S';
		p->urn[1] = 'C';
		digits(r, p->urn + 2, 6);
	} else {
		COPY(p->urn, "XXXXXXX");
	}
}

/* A placement chosen for the child's age on `date`. */
static const char *place_for_age(struct gen *g, int32_t date, const char *ls)
{
	struct rng *r = &g->r;
	const char *c;
	switch (age_band(date - g->dob)) {
	case 0:
		c = PICK(r, PLACE_UNDER_1);
		break;
	case 1:
		c = PICK(r, PLACE_1_4);
		break;
	case 2:
		c = PICK(r, PLACE_5_9);
		break;
	case 3:
		c = PICK(r, PLACE_10_15);
		break;
	default:
		c = PICK(r, PLACE_16_17);
		break;
	}
	/* Placement with parents goes with a care order, not with s20
	 * accommodation, police protection or remand. */
	if (is(c, "P1") && !is(ls, "C1") && !is(ls, "C2"))
		c = "U6";
	return c;
}

static struct seg *push_seg(struct gen *g)
{
	if (GROW(g->eps, g->ceps, g->neps + 1)) {
		g->oom = true;
		return NULL;
	}
	struct seg *s = &g->eps[g->neps++];
	memset(s, 0, sizeof *s);
	s->dec = DATE_NONE;
	return s;
}

static void add_ev(struct gen *g, int32_t date, const char *ls, enum move mv,
		   const char *code)
{
	if (GROW(g->evs, g->cevs, g->nevs + 1)) {
		g->oom = true;
		return;
	}
	struct ev *e = &g->evs[g->nevs++];
	memset(e, 0, sizeof *e);
	e->date = date;
	if (ls)
		COPY(e->ls, ls);
	e->move = mv;
	if (code)
		COPY(e->code, code);
}

static void add_trigger(struct gen *g, int32_t date)
{
	if (GROW(g->trig, g->ctrig, g->ntrig + 1)) {
		g->oom = true;
		return;
	}
	g->trig[g->ntrig++] = date;
}

static void sort_evs(struct gen *g)
{
	for (size_t i = 1; i < g->nevs; i++) {
		struct ev e = g->evs[i];
		size_t j = i;
		for (; j > 0 && g->evs[j - 1].date > e.date; j--)
			g->evs[j] = g->evs[j - 1];
		g->evs[j] = e;
	}
}

static const char *start_ls(struct gen *g, const struct plan *pl)
{
	struct rng *r = &g->r;
	switch (pl->path) {
	case P_ADOPT:
		return pl->consent ? "V2" : rng_chance(r, 0.06) ? "L2" : "C1";
	case P_SGO:
	case P_CAO:
		return PICK(r, LS_SGO);
	case P_HOME:
		return PICK(r, LS_HOME);
	case P_AGEOUT:
		return PICK(r, LS_AGEOUT);
	case P_TEEN:
		return PICK(r, LS_TEEN);
	case P_REMAND:
		return "J1";
	case P_UASC:
		return "V2";
	default:
		return PICK(r, LS_PRIOR);
	}
}

static const char *start_place(struct gen *g, const struct plan *pl,
			       int32_t date, const char *ls)
{
	struct rng *r = &g->r;
	switch (pl->path) {
	case P_REMAND:
		return PICK(r, PLACE_REMAND);
	case P_UASC:
		return date - g->dob < Y(16) ? PICK(r, PLACE_UASC_YOUNG)
					     : PICK(r, PLACE_UASC_OLD);
	case P_ADOPT:
		return PICK(r, PLACE_ADOPT_START);
	default:
		break;
	}
	/* Police protection and emergency orders start in foster care. */
	if (ls[0] == 'L')
		return rng_chance(r, 0.8) ? "U6" : "K2";
	/* Nor with parents: that comes later, if at all. */
	const char *c = place_for_age(g, date, ls);
	if (is(c, "P1") || (is(c, "K2") && date - g->dob < Y(8)))
		c = "U6";
	return c;
}

static const char *exit_rec(struct gen *g, const struct plan *pl,
			    const char *place)
{
	struct rng *r = &g->r;
	if (pl->early_rec)
		return pl->early_rec;
	if (pl->ageout) {
		if (pl->lead > 0)
			return PICK(r, REC_NEAR_18);
		if (is_foster(place))
			return PICK(r, REC_18_FOSTER);
		if (is_semi(place))
			return PICK(r, REC_18_SEMI);
		if (is(place, "P1"))
			return PICK(r, REC_18_PARENTS);
		return PICK(r, REC_18_RESIDENTIAL);
	}
	switch (pl->path) {
	case P_ADOPT:
		return pl->consent ? "E11" : PICK(r, REC_ADOPT);
	case P_SGO:
		if (is(place, "P1"))
			return "E4A";
		return is_kin_foster(place) ? PICK(r, REC_SGO_KIN)
					    : PICK(r, REC_SGO_OTHER);
	case P_CAO:
		return "E41";
	case P_HOME:
		return PICK(r, REC_HOME);
	case P_TEEN:
		return PICK(r, REC_TEEN);
	case P_REMAND:
		return pl->remand_on ? PICK(r, REC_TEEN) : PICK(r, REC_REMAND);
	case P_PRIOR:
		return PICK(r, REC_PRIOR);
	default:
		return "E8";
	}
}

/* Ends episode s on `date` with `rec`. */
static void close_seg(struct seg *s, int32_t date, const char *rec,
		      const char *reason)
{
	s->dec = date;
	COPY(s->rec, rec);
	COPY(s->reason, reason);
}

/* Starts a new episode on `date` continuing the last one. */
static struct seg *next_seg(struct gen *g, int32_t date, char rne,
			    const char *ls, const struct placement *p)
{
	struct seg *s = push_seg(g);
	if (!s)
		return NULL;
	const struct seg *prev = s - 1;
	s->decom = date;
	s->rne = rne;
	COPY(s->ls, ls);
	COPY(s->cin, prev->cin);
	COPY(s->home, prev->home);
	s->p = *p;
	return s;
}

/*
 * One period of care: entry on E, planned exit on X. Events on or after
 * min(X, the day after the year's end) are not made; a period still
 * running then ends in an open episode.
 */
static void gen_period(struct gen *g, const struct plan *pl, int32_t E,
		       int32_t X)
{
	struct rng *r = &g->r;
	int32_t horizon = X <= g->year_end ? X : g->year_end + 1;
	if (E >= horizon || g->oom)
		return;

	char home[POST_LEN];
	postcode(r, rng_chance(r, 0.92), home);
	const char *cin = pl->path == P_UASC ? PICK(r, CIN_UASC)
					     : PICK(r, CIN_ALL);

	/* Legal status changes. */
	g->nevs = 0;
	const char *ls0 = start_ls(g, pl);
	const char *ls = ls0, *ls_end = ls0;
	int32_t t = E, move_until = X;
	if (ls[0] == 'L') {
		t = E + (ls[1] == '1' ? rng_between(r, 1, 3)
				      : rng_between(r, 3, 8));
		const char *to = (pl->path == P_HOME || pl->path == P_TEEN ||
				  pl->path == P_PRIOR) && rng_chance(r, 0.5)
					 ? "V2"
					 : "C1";
		add_ev(g, t, to, rng_chance(r, 0.3) ? MV_RANDOM : MV_NONE, NULL);
		ls = to;
		if (t < X)
			ls_end = ls;
	}
	if (is(ls, "V2") && pl->path != P_ADOPT && pl->path != P_UASC &&
	    pl->path != P_PRIOR && rng_chance(r, 0.12)) {
		t += rng_between(r, 30, 400);
		add_ev(g, t, "C1", MV_NONE, NULL);
		ls = "C1";
		if (t < X)
			ls_end = ls;
	}
	if (is(ls, "C1")) {
		double p;
		switch (pl->path) {
		case P_ADOPT:
			p = 1;
			break;
		case P_SGO:
		case P_AGEOUT:
			p = 0.85;
			break;
		case P_CAO:
			p = 0.5;
			break;
		default:
			p = 0.3;
			break;
		}
		t = pl->path == P_ADOPT ? max32(E + pl->c2, t + 1)
					: t + rng_between(r, 120, 420);
		if (rng_chance(r, p)) {
			add_ev(g, t, "C2",
			       rng_chance(r, 0.12) ? MV_RANDOM : MV_NONE, NULL);
			ls = "C2";
			if (t < X)
				ls_end = ls;
		}
	}
	if (pl->path == P_ADOPT) {
		if (!pl->consent)
			add_ev(g, max32(E + pl->e1, t + 1), "E1", MV_NONE, NULL);
		add_ev(g, E + pl->placed, NULL, MV_ADOPT, NULL);
		move_until = E + pl->placed;
	}
	if (pl->path == P_REMAND && pl->remand_on)
		add_ev(g, E + pl->remand, "V2", MV_RANDOM, NULL);
	else if (pl->path == P_REMAND)
		move_until = X;

	/* Moves that belong to the path. */
	if (pl->path == P_HOME && X - E > 240 &&
	    (is(ls_end, "C1") || is(ls_end, "C2")) && rng_chance(r, 0.3)) {
		int32_t d = X - rng_between(r, 30, 180);
		if (d > t + 1) {
			add_ev(g, d, NULL, MV_CODE, "P1");
			move_until = min32(move_until, d);
		}
	}
	if ((pl->path == P_AGEOUT || pl->path == P_UASC) &&
	    rng_chance(r, pl->path == P_UASC ? 0.55 : 0.35)) {
		int32_t d = date_add_months(g->dob, 192) +
			    rng_between(r, 0, 400);
		if (d < E + 30)
			d = E + 30 + rng_between(r, 0, 60);
		if (d < X - 30)
			add_ev(g, d, NULL, MV_CODE, "SEMI");
	}
	if (pl->path == P_SGO && rng_chance(r, 0.4)) {
		int32_t d = X - rng_between(r, 90, 365);
		if (d > E + 30) {
			add_ev(g, d, NULL, MV_CODE, "U3");
			move_until = min32(move_until, d);
		}
	}

	/* Placement moves, and now and then a temporary placement. */
	int32_t lim = min32(move_until, horizon);
	for (int32_t d = E;;) {
		d += d - g->dob >= Y(12) ? DRAW(r, GAP_TEEN) : DRAW(r, GAP_CHILD);
		if (d >= lim - 7)
			break;
		add_ev(g, d, NULL, MV_RANDOM, NULL);
	}
	int32_t span = lim - E;
	if (span > 60 && rng_chance(r, span / 365.0 * 0.07))
		add_ev(g, E + 20 + (int32_t)rng_below(r, (uint32_t)(span - 40)),
		       NULL, MV_TEMP, NULL);
	sort_evs(g);

	/* The episodes. */
	struct seg *s = push_seg(g);
	if (!s)
		return;
	s->decom = E;
	s->rne = 'S';
	COPY(s->ls, ls0);
	COPY(s->cin, cin);
	COPY(s->home, home);
	set_placement(g, &s->p, start_place(g, pl, E, ls0), E, home);
	if (g->st->first_event == DATE_NONE || E < g->st->first_event)
		g->st->first_event = E;

	for (size_t i = 0; i < g->nevs && !g->oom;) {
		int32_t d = g->evs[i].date;
		const char *new_ls = NULL, *code = NULL;
		enum move mv = MV_NONE;
		for (; i < g->nevs && g->evs[i].date == d; i++) {
			if (g->evs[i].ls[0])
				new_ls = g->evs[i].ls;
			if (g->evs[i].move != MV_NONE &&
			    (mv == MV_NONE || mv == MV_RANDOM)) {
				mv = g->evs[i].move;
				code = g->evs[i].code;
			}
		}
		if (d >= horizon)
			break;
		struct seg *last = &g->eps[g->neps - 1];
		if (d <= last->decom)
			continue;
		char cur_ls[3];
		COPY(cur_ls, last->ls);
		if (new_ls && is(new_ls, cur_ls))
			new_ls = NULL;
		struct placement np = last->p;
		const char *place = last->p.place;
		const char *ls_now = new_ls ? new_ls : cur_ls;
		int carer = 0; /* 1 new carers, 2 the same carers */
		const char *reason = "";

		if (mv == MV_TEMP && !new_ls &&
		    (is_foster(last->p.place) || is(last->p.place, "K2"))) {
			/* T3 covers foster carers' holidays only */
			const char *tp = is_foster(last->p.place)
						 ? PICK(r, TEMP_PLACE)
					 : rng_chance(r, 0.5) ? "T1"
							  : "T4";
			int32_t len = is(tp, "T4")   ? rng_between(r, 1, 7)
				      : is(tp, "T1") ? rng_between(r, 2, 21)
						     : rng_between(r, 4, 14);
			int32_t back = d + len;
			int32_t next = i < g->nevs ? g->evs[i].date : INT32_MAX;
			if (back + 1 >= next || back >= horizon)
				continue;
			struct placement home_p = last->p, temp;
			set_placement(g, &temp, tp, d, home);
			close_seg(last, d, "X1", "OTHER");
			if (!next_seg(g, d, 'P', cur_ls, &temp))
				return;
			close_seg(&g->eps[g->neps - 1], back, "X1", "");
			if (!next_seg(g, back, 'P', cur_ls, &home_p))
				return;
			continue;
		}
		switch (mv) {
		case MV_RANDOM:
			if (is_adoptive(place) || is_temp(place))
				break;
			if ((is(place, "U6") || is(place, "U3")) &&
			    d - last->decom > 180 && rng_chance(r, 0.3)) {
				/* long-term fostering with the same carers */
				COPY(np.place, place[1] == '6' ? "U4" : "U1");
				carer = 2;
				reason = PICK(r, REASON_SAME_CARER);
				break;
			}
			set_placement(g, &np, place_for_age(g, d, ls_now), d,
				      home);
			carer = 1;
			reason = PICK(r, REASON_MOVE);
			break;
		case MV_CODE:
			set_placement(g, &np, code, d, home);
			carer = 1;
			reason = is(code, "SEMI") ? PICK(r, REASON_SEMI)
						  : "CARPL";
			break;
		case MV_ADOPT:
			if (is(place, "U5") || is(place, "U2")) {
				/* fostering for adoption: the carers adopt */
				COPY(np.place, pl->consent ? "A3" : "A5");
				COPY(np.prov, "PR1");
				carer = 2;
			} else {
				set_placement(g, &np, pl->consent ? "A4" : "A6",
					      d, home);
				carer = 1;
			}
			reason = "CARPL";
			break;
		default:
			break;
		}
		if (!new_ls && !carer)
			continue;
		char rne = new_ls ? (carer == 1 ? 'B' : carer == 2 ? 'U' : 'L')
				  : (carer == 1 ? 'P' : 'T');
		close_seg(last, d, "X1", carer ? reason : "");
		if (!next_seg(g, d, rne, new_ls ? new_ls : cur_ls, &np))
			return;
		if ((rne == 'P' || rne == 'B') && rng_chance(r, P_EXTRA_REVIEW))
			add_trigger(g, d + rng_between(r, 14, 42));
	}
	if (X <= g->year_end) {
		struct seg *last = &g->eps[g->neps - 1];
		close_seg(last, X, exit_rec(g, pl, last->p.place), "");
	}
}

static void draw_plan(struct gen *g, bool uasc, struct plan *pl)
{
	struct rng *r = &g->r;
	memset(pl, 0, sizeof *pl);
	if (uasc) {
		pl->path = P_UASC;
		pl->age = DRAW(r, UASC_AGE);
		unsigned total = 0;
		for (size_t i = 0; i < ARRAY_LEN(UASC_EARLY); i++)
			total += UASC_EARLY[i].w;
		unsigned x = rng_below(r, total);
		size_t i = 0;
		for (; i + 1 < ARRAY_LEN(UASC_EARLY) && x >= UASC_EARLY[i].w; i++)
			x -= UASC_EARLY[i].w;
		if (UASC_EARLY[i].rec[0]) {
			pl->early_rec = UASC_EARLY[i].rec;
			pl->dur = rng_between(r, UASC_EARLY[i].lo,
					      UASC_EARLY[i].hi);
			return;
		}
		pl->ageout = true;
	} else {
		pl->age = DRAW(r, ENTRY_AGE);
		pl->path = (enum path)rng_weighted(r, PATH_W[age_band(pl->age)],
						   P_COUNT_DRAWN);
	}
	switch (pl->path) {
	case P_ADOPT:
		pl->consent = rng_chance(r, 0.12);
		if (pl->consent) {
			pl->placed = rng_between(r, 40, 250);
		} else {
			pl->c2 = rng_between(r, 120, 420);
			pl->e1 = pl->c2 + rng_between(r, 1, 60);
			pl->placed = pl->e1 + rng_between(r, 30, 300);
		}
		pl->dur = pl->placed + rng_between(r, 120, 420);
		break;
	case P_SGO:
		pl->dur = DRAW(r, DUR_SGO);
		break;
	case P_CAO:
		pl->dur = DRAW(r, DUR_CAO);
		break;
	case P_HOME:
		pl->dur = DRAW(r, DUR_HOME);
		break;
	case P_TEEN:
		pl->dur = DRAW(r, DUR_TEEN);
		break;
	case P_REMAND:
		pl->remand = DRAW(r, DUR_REMAND);
		pl->remand_on = rng_chance(r, 0.12);
		pl->dur = pl->remand + (pl->remand_on ? DRAW(r, DUR_TEEN) : 0);
		break;
	case P_AGEOUT:
	case P_UASC:
		pl->ageout = true;
		break;
	default:
		break;
	}
	if (pl->ageout) {
		pl->lead = rng_chance(r, 0.3) ? DRAW(r, LEAD) : 0;
		pl->dur = Y(18) - pl->age - pl->lead;
		if (pl->dur < 14) {
			pl->lead = 0;
			pl->dur = Y(18) - pl->age;
		}
	}
}

/* Where the path leads, as service.jsonl's permanence plans see it. */
static enum synth_route route_of(enum path p)
{
	switch (p) {
	case P_ADOPT:
		return ROUTE_ADOPTION;
	case P_SGO:
		return ROUTE_SGO;
	case P_CAO:
		return ROUTE_CAO;
	case P_AGEOUT:
		return ROUTE_TO_18;
	case P_TEEN:
		return ROUTE_TEEN;
	case P_REMAND:
		return ROUTE_REMAND;
	case P_UASC:
		return ROUTE_UASC;
	default:
		return ROUTE_HOME;
	}
}

/* A child looked after in the usual way (or a UASC). */
static void gen_looked_after(struct gen *g)
{
	struct rng *r = &g->r;
	struct plan pl;
	bool open = rng_chance(r, SHARE_OPEN);
	int32_t E;
	for (int attempt = 0;; attempt++) {
		for (int tries = 0;; tries++) {
			draw_plan(g, g->uasc, &pl);
			if (!open || tries >= 40)
				break;
			/* length-biased: a day's children are the long
			 * stayers */
			int32_t w = min32(pl.dur, LENGTH_BIAS_CAP);
			if ((int32_t)rng_below(r, (uint32_t)LENGTH_BIAS_CAP) < w)
				break;
		}
		if (open) {
			E = g->year_end -
			    (int32_t)rng_below(r, (uint32_t)max32(pl.dur, 1));
		} else {
			uint32_t window = (uint32_t)(g->year_end -
						     g->win_start + 1);
			int32_t end = g->win_start +
				      (int32_t)rng_below(r, window);
			E = end - pl.dur;
		}
		/* Only near the Children Act's start (early years, long
		 * histories) can a stay begin before it: draw again. */
		if (E >= g->floor)
			break;
		if (attempt >= 20) {
			E = g->floor +
			    (int32_t)rng_below(r, (uint32_t)(g->year_end -
							     g->floor + 1));
			break;
		}
	}
	g->dob = E - pl.age;
	g->b18 = date_add_months(g->dob, 216);
	int32_t X = pl.ageout ? g->b18 - pl.lead : E + pl.dur;
	if (X >= g->b18 || X <= E + 7) {
		X = g->b18;
		if (!pl.early_rec) {
			pl.ageout = true;
			pl.lead = 0;
		}
	}

	/* Earlier periods of care, for a child who comes back. */
	int32_t ps[2], pe[2];
	int np = 0;
	if (!g->uasc && rng_chance(r, SHARE_REENTRY)) {
		int32_t next = E;
		for (int k = 0; k < 2; k++) {
			int32_t e = next - DRAW(r, REENTRY_GAP);
			int32_t s = max32(max32(e - DRAW(r, DUR_PRIOR), g->dob),
					  g->floor);
			if (e - s < 3)
				break;
			ps[np] = s;
			pe[np] = e;
			np++;
			next = s;
			if (!rng_chance(r, 0.2))
				break;
		}
	}
	for (int k = np - 1; k >= 0; k--) {
		struct plan pp;
		memset(&pp, 0, sizeof pp);
		pp.path = P_PRIOR;
		pp.age = ps[k] - g->dob;
		pp.dur = pe[k] - ps[k];
		gen_period(g, &pp, ps[k], pe[k]);
	}
	if (np > 0)
		g->st->reentries++;
	g->route = route_of(pl.path);
	gen_period(g, &pl, E, X);
}

/* A child who only has short breaks: V3 breaks, each its own period, or
 * one V4 agreement, open on the last day. */
static void gen_short_breaks(struct gen *g)
{
	struct rng *r = &g->r;
	struct placement p;
	char home[POST_LEN];
	const char *cin = PICK(r, CIN_SHORT_BREAKS);
	g->route = ROUTE_SHORT_BREAKS;
	postcode(r, rng_chance(r, 0.95), home);

	if (rng_chance(r, 0.3)) {
		/* aged 5-17 on the last day, the agreement up to 4 years old */
		int32_t age = rng_between(r, Y(5), Y(18) - 60);
		g->dob = g->year_end - age;
		g->b18 = date_add_months(g->dob, 216);
		int32_t start = g->year_end -
				rng_between(r, 7, min32(Y(4), age - Y(3)));
		start = max32(start, g->floor);
		set_placement(g, &p, PICK(r, PLACE_SHORT_BREAKS), start, home);
		struct seg *s = push_seg(g);
		if (!s)
			return;
		s->decom = start;
		s->rne = 'S';
		COPY(s->ls, "V4");
		COPY(s->cin, cin);
		COPY(s->home, home);
		s->p = p;
		if (g->st->first_event == DATE_NONE || start < g->st->first_event)
			g->st->first_event = start;
		return;
	}

	int32_t first = g->win_start - 365 +
			(int32_t)rng_below(r, (uint32_t)(g->year_end - 14 -
						     (g->win_start - 365)));
	first = max32(first, g->floor);
	g->dob = first - rng_between(r, Y(5), Y(15));
	g->b18 = date_add_months(g->dob, 216);
	int32_t last = rng_chance(r, 0.55) ? g->year_end
				       : first + rng_between(r, 180, 1600);
	last = min32(min32(last, g->year_end), g->b18 - 20);
	set_placement(g, &p, PICK(r, PLACE_SHORT_BREAKS), first, home);
	if (g->st->first_event == DATE_NONE || first < g->st->first_event)
		g->st->first_event = first;
	/* No break over 17 days, and not over 75 days in a year (April to
	 * March), as the DfE's rules 365 and 367 require. */
	int32_t year_to = DATE_NONE;
	int nights_in_year = 0;
	for (int32_t t = first; t <= last;) {
		int32_t nights = rng_chance(r, 0.8)    ? rng_between(r, 1, 4)
				 : rng_chance(r, 0.75) ? rng_between(r, 5, 7)
						   : rng_between(r, 8, 14);
		if (year_to == DATE_NONE || t > year_to) {
			int y, m, d;
			date_to_ymd(t, &y, &m, &d);
			year_to = date_from_ymd(m >= 4 ? y + 1 : y, 3, 31);
			nights_in_year = 0;
		}
		if (nights_in_year + nights > 70) {
			t = year_to + 1 + rng_between(r, 0, 20);
			continue;
		}
		nights_in_year += nights;
		struct seg *s = push_seg(g);
		if (!s)
			return;
		s->decom = t;
		s->rne = 'S';
		COPY(s->ls, "V3");
		COPY(s->cin, cin);
		COPY(s->home, home);
		s->p = p;
		int32_t dec = t + nights;
		if (dec <= g->year_end)
			close_seg(s, dec, "E4A", "");
		t = dec + rng_between(r, 14, 60);
	}
}

/* ---- Reviews ------------------------------------------------------------ */

/* The day a review is held, given when it is due. */
static int32_t hold_day(const struct gen *g, const struct next_review *nx,
			const struct period *p, bool late, int early_wd,
			int32_t early, int32_t late_by, int32_t min_day)
{
	int32_t h;
	if (late) {
		h = workday(g, nx->due + late_by, 1);
	} else if (nx->regime == REGIME_STANDARD && nx->sequence == 1) {
		h = cal_add_workdays(&g->cal, nx->due, -early_wd);
		if (h == DATE_NONE)
			h = nx->due;
	} else {
		h = workday(g, nx->due - early, -1);
	}
	/* An adoption review is held once the child is in that regime. */
	int32_t from = nx->regime == REGIME_ADOPTION_PLACED ? p->placed_date
		       : nx->regime == REGIME_ADOPTION_AUTHORITY
			       ? p->authority_date
			       : DATE_NONE;
	if (from != DATE_NONE && h < from + 7)
		h = workday(g, from + 7, 1);
	if (h < min_day)
		h = workday(g, min_day, 1);
	return h;
}

static int add_held(struct gen *g, int32_t h)
{
	if (GROW(g->held, g->cheld, g->nheld + 1)) {
		g->oom = true;
		return -1;
	}
	g->held[g->nheld++] = h;
	return 0;
}

/* The child's periods of care (g->per, g->nper). */
static void build_periods(struct gen *g)
{
	g->nper = 0;
	if (GROW(g->tmp, g->ctmp, g->neps) || GROW(g->per, g->cper, g->neps)) {
		g->oom = true;
		return;
	}
	for (size_t i = 0; i < g->neps; i++) {
		const struct seg *s = &g->eps[i];
		struct episode *e = &g->tmp[i];
		memset(e, 0, sizeof *e);
		e->decom = s->decom;
		e->dec = s->dec;
		e->rne = s->rne;
		COPY(e->ls, s->ls);
		COPY(e->place, s->p.place);
		COPY(e->rec, s->rec);
	}
	g->nper = period_build(g->tmp, g->neps, g->per);
}

static void make_reviews(struct gen *g)
{
	struct rng *r = &g->r;
	g->nheld = 0;
	if (g->neps == 0)
		return;
	build_periods(g);
	if (g->oom)
		return;
	size_t np = g->nper;
	size_t ti = 0;
	for (size_t k = 0; k < np; k++) {
		const struct period *p = &g->per[k];
		int32_t limit = g->year_end;
		if (p->end != DATE_NONE)
			limit = min32(p->end - 1, limit);
		int32_t prev = DATE_NONE;
		for (;;) {
			struct next_review nx;
			int32_t as_of = prev == DATE_NONE ? p->start : prev;
			if (!sched_next_review(&g->cal, g->per, np, g->held,
					       g->nheld, as_of, &nx) ||
			    nx.due == DATE_NONE)
				break;
			double in_time = nx.sequence == 1   ? P_IN_TIME_FIRST
					 : nx.sequence == 2 ? P_IN_TIME_SECOND
							    : P_IN_TIME_LATER;
			bool late = !rng_chance(r, in_time);
			int early_wd = DRAW(r, FIRST_EARLY_WORKDAYS);
			int32_t early = DRAW(r, EARLY_DAYS);
			int32_t late_by = DRAW(r, LATE_DAYS);
			int32_t min_day = prev == DATE_NONE ? p->start + 7
							    : prev + 14;
			int32_t h = DATE_NONE;
			/* The regime on the day held decides the due date:
			 * look again once the day is known (the regimes only
			 * move on, so this settles in at most three turns). */
			for (int turn = 0; turn < 4; turn++) {
				h = hold_day(g, &nx, p, late, early_wd, early,
					     late_by, min_day);
				if (h > limit)
					break;
				struct next_review n2;
				if (!sched_next_review(&g->cal, g->per, np,
						       g->held, g->nheld, h,
						       &n2) ||
				    n2.due == DATE_NONE) {
					h = DATE_NONE;
					break;
				}
				if (n2.due == nx.due && n2.regime == nx.regime)
					break;
				nx = n2;
			}
			if (h == DATE_NONE)
				break;
			/* An extra review a few weeks after a move. */
			while (ti < g->ntrig && g->trig[ti] < min_day)
				ti++;
			if (ti < g->ntrig && g->trig[ti] + 7 < h &&
			    g->trig[ti] <= limit) {
				h = workday(g, g->trig[ti], 1);
				ti++;
			}
			if (h > limit || add_held(g, h))
				break;
			prev = h;
		}
	}
}

/* ---- Writing ------------------------------------------------------------ */

static void emit(struct table_out *t, const char *const *cells)
{
	char line[512];
	size_t n = 0;
	for (size_t j = 0; j < t->ncols; j++) {
		if (j)
			line[n++] = ',';
		const char *s = cells[j];
		size_t k = strlen(s);
		if (k > 32)
			k = 32;
		memcpy(line + n, s, k);
		n += k;
	}
	line[n++] = '\n';
	fwrite(line, 1, n, t->f);
}

/* The header's UPN, MOTHER and MC_DOB and each review's REVIEW_CODE: the
 * last draws of the child's stream, in the order they are written. */
static void draw_header(struct gen *g)
{
	struct rng *r = &g->r;
	const struct seg *lastep = &g->eps[g->neps - 1];
	int32_t ref = lastep->dec == DATE_NONE ? g->year_end : lastep->dec;
	int age = date_age_years(g->dob, ref);
	if (age < 5 && rng_chance(r, 0.6)) {
		COPY(g->upn, "UN1");
	} else if (lastep->dec == DATE_NONE &&
		   g->year_end - lastep->decom < 60 && rng_chance(r, 0.3) &&
		   lastep->rne == 'S') {
		COPY(g->upn, "UN4");
	} else {
		static const char CHECK[] = "ABCDEFGHJKLMNPQRTUVWXYZ";
		g->upn[0] = CHECK[rng_below(r, sizeof CHECK - 1)];
		g->upn[1] = '9';
		g->upn[2] = '9';
		g->upn[3] = '9';
		digits(r, g->upn + 4, 9);
	}
	g->mother = -1;
	g->mc_dob = DATE_NONE;
	if (!g->male && age >= 12) {
		g->mother = 0;
		if (age >= 16 && rng_chance(r, 0.05)) {
			g->mother = 1;
			int32_t lo = max32(date_add_months(g->dob, 180),
					   ref - 3 * 365);
			g->mc_dob = rng_between(r, lo, ref);
		}
	}
	if (GROW(g->pn, g->cpn, g->nheld + 1)) {
		g->oom = true;
		return;
	}
	int32_t fourth = date_add_months(g->dob, 48);
	for (size_t i = 0; i < g->nheld; i++)
		g->pn[i] = g->held[i] < fourth ? "PN0" : PICK(r, PN_CODES);
}

/* The day UASC status ceased (DUC): the 18th birthday, once it has come. */
static int32_t uasc_ceased(const struct gen *g)
{
	return g->uasc && g->b18 <= g->year_end ? g->b18 : DATE_NONE;
}

static void write_child(struct gen *g)
{
	char dob[11], d1[11], d2[11];
	date_format_903(g->dob, dob);
	const struct seg *lastep = &g->eps[g->neps - 1];
	const char *sex = g->sex_letters ? (g->male ? "M" : "F")
					 : (g->male ? "1" : "2");

	/* Header. */
	const char *mother = g->mother < 0 ? "" : g->mother ? "1" : "0";
	date_format_903(g->mc_dob, d1);
	const char *hc[] = {
		[S903_H_CHILD] = g->id,	    [S903_H_SEX] = sex,
		[S903_H_DOB] = dob,	    [S903_H_ETHNIC] = g->ethnic,
		[S903_H_UPN] = g->upn,	    [S903_H_MOTHER] = mother,
		[S903_H_MC_DOB] = d1,
	};
	emit(&g->out[S903_HEADER], hc);

	/* Episodes. */
	for (size_t i = 0; i < g->neps; i++) {
		const struct seg *s = &g->eps[i];
		char rne[2] = { s->rne, '\0' };
		date_format_903(s->decom, d1);
		date_format_903(s->dec, d2);
		const char *ec[] = {
			[S903_E_CHILD] = g->id,
			[S903_E_DECOM] = d1,
			[S903_E_RNE] = rne,
			[S903_E_LS] = s->ls,
			[S903_E_CIN] = s->cin,
			[S903_E_PLACE] = s->p.place,
			[S903_E_PLACE_PROVIDER] = s->p.prov,
			[S903_E_DEC] = d2,
			[S903_E_REC] = s->rec,
			[S903_E_REASON_PLACE_CHANGE] = s->reason,
			[S903_E_HOME_POST] = s->home,
			[S903_E_PL_POST] = s->p.pl,
			[S903_E_URN] = s->p.urn,
		};
		emit(&g->out[S903_EPISODES], ec);
	}

	/* Reviews: none for a child who only has short breaks, whose reviews
	 * the return does not hold (DfE rule 399) but the IRO service does
	 * (service.jsonl). */
	for (size_t i = 0; i < (g->short_breaks ? 0 : g->nheld); i++) {
		date_format_903(g->held[i], d1);
		const char *rc[] = {
			[S903_R_CHILD] = g->id,
			[S903_R_DOB] = dob,
			[S903_R_REVIEW] = d1,
			[S903_R_REVIEW_CODE] = g->pn[i],
		};
		emit(&g->out[S903_REVIEWS], rc);
	}

	/* UASC. */
	if (g->uasc) {
		date_format_903(uasc_ceased(g), d1);
		const char *uc[] = {
			[S903_U_CHILD] = g->id,
			[S903_U_SEX] = sex,
			[S903_U_DOB] = dob,
			[S903_U_DUC] = d1,
		};
		emit(&g->out[S903_UASC], uc);
		g->st->uasc++;
	}

	g->st->children++;
	g->st->episodes += (long)g->neps;
	if (!g->short_breaks)
		g->st->reviews += (long)g->nheld;
	if (g->short_breaks)
		g->st->short_breaks++;
	else if (lastep->dec == DATE_NONE)
		g->st->looked_after++;
}

static void gen_child(struct gen *g, long i)
{
	struct rng *r = &g->r;
	rng_seed(r, g->o->seed, (uint64_t)i);
	g->index = i;
	snprintf(g->id, sizeof g->id, "%ld", 1000001L + i);
	g->neps = g->ntrig = g->nheld = 0;
	double u = rng_unit(r);
	g->short_breaks = u < SHARE_SHORT_BREAKS;
	g->uasc = !g->short_breaks && u < SHARE_SHORT_BREAKS + SHARE_UASC;
	g->male = rng_chance(r, g->uasc ? 0.92 : g->short_breaks ? 0.62 : 0.54);
	g->ethnic = g->uasc ? PICK(r, ETHNIC_UASC) : PICK(r, ETHNIC_ALL);
	if (g->short_breaks)
		gen_short_breaks(g);
	else
		gen_looked_after(g);
	make_reviews(g);
	if (!g->oom)
		draw_header(g);
}

/* The child as service.jsonl sees it (valid until the next child). */
static int child_view(struct gen *g, struct synth_child *c)
{
	if (GROW(g->view, g->cview, g->neps))
		return -1;
	for (size_t i = 0; i < g->neps; i++) {
		const struct seg *s = &g->eps[i];
		g->view[i] = (struct synth_episode){
			.decom = s->decom, .dec = s->dec, .rne = s->rne,
			.ls = s->ls, .cin = s->cin, .place = s->p.place,
			.prov = s->p.prov, .rec = s->rec, .reason = s->reason,
			.home = s->home, .pl = s->p.pl, .urn = s->p.urn,
		};
	}
	*c = (struct synth_child){
		.index = g->index, .id = g->id, .dob = g->dob,
		.male = g->male, .uasc = g->uasc,
		.short_breaks = g->short_breaks, .ethnic = g->ethnic,
		.upn = g->upn, .mother = g->mother, .mc_dob = g->mc_dob,
		.uasc_ceased = uasc_ceased(g), .route = g->route,
		.eps = g->view, .neps = g->neps, .per = g->per,
		.nper = g->nper, .held = g->held, .pn = g->pn,
		.nheld = g->nheld,
	};
	return 0;
}

/* ---- Files -------------------------------------------------------------- */

static char *join(const char *dir, const char *prefix, const char *name,
		  const char *suffix)
{
	size_t n = strlen(dir) + strlen(prefix) + strlen(name) +
		   strlen(suffix) + 2;
	char *s = malloc(n);
	if (s)
		snprintf(s, n, "%s/%s%s%s", dir, prefix, name, suffix);
	return s;
}

/* mkdir -p. */
static int make_dir(const char *dir, struct err *e)
{
	size_t n = strlen(dir);
	char *path = malloc(n + 1);
	if (!path)
		return err_set(e, "out of memory");
	memcpy(path, dir, n + 1);
	for (size_t i = 1; i <= n; i++) {
		if (path[i] != '/' && path[i] != '\0')
			continue;
		char c = path[i];
		path[i] = '\0';
		if (mkdir(path, 0777) && errno != EEXIST) {
			int rc = err_set(e, "cannot make the folder %s: %s",
					 path, strerror(errno));
			free(path);
			return rc;
		}
		path[i] = c;
	}
	free(path);
	struct stat sb;
	if (stat(dir, &sb) || !S_ISDIR(sb.st_mode))
		return err_set(e, "%s is not a folder", dir);
	return 0;
}

/* The files synth writes: the return's, then service.jsonl. */
#define NFILES (S903_TABLE_COUNT + 1)

static const char *file_name(int t)
{
	return t < S903_TABLE_COUNT ? S903_TABLES[t].file : SVC_FILE;
}

/* Refuses a folder that already holds the files (any case), unless
 * force; with force, removes copies whose names differ only in case, which
 * the importer would read as a second file. */
static int check_dir(const char *dir, bool force, struct err *e)
{
	DIR *d = opendir(dir);
	if (!d)
		return err_set(e, "cannot open the folder %s: %s", dir,
			       strerror(errno));
	char found[NFILES][256];
	bool have[NFILES] = { false };
	char **gone = NULL;
	size_t ngone = 0, cap = 0;
	int rc = 0;
	struct dirent *ent;
	while ((ent = readdir(d))) {
		for (int t = 0; t < NFILES; t++) {
			const char *f = file_name(t);
			if (strcasecmp(ent->d_name, f) != 0)
				continue;
			if (!force) {
				have[t] = true;
				copy(found[t], sizeof found[t], ent->d_name);
			} else if (strcmp(ent->d_name, f) != 0) {
				char *p = join(dir, "", ent->d_name, "");
				if (!p || GROW(gone, cap, ngone + 1)) {
					free(p);
					rc = err_set(e, "out of memory");
					break;
				}
				gone[ngone++] = p;
			}
		}
	}
	closedir(d);
	char list[NFILES * 260] = "";
	size_t used = 0;
	for (int t = 0; t < NFILES; t++) {
		if (!have[t])
			continue;
		int k = snprintf(list + used, sizeof list - used, "%s%s",
				 used ? ", " : "", found[t]);
		if (k > 0 && (size_t)k < sizeof list - used)
			used += (size_t)k;
	}
	if (!rc && used)
		rc = err_set(e,
			     "%s already holds %s: give --force to replace "
			     "the return there",
			     dir, list);
	for (size_t i = 0; i < ngone; i++) {
		if (!rc && unlink(gone[i]))
			rc = err_set(e, "cannot remove %s: %s", gone[i],
				     strerror(errno));
		free(gone[i]);
	}
	free(gone);
	return rc;
}

static int open_tables(struct gen *g, const char *dir, struct err *e)
{
	for (int t = 0; t < S903_TABLE_COUNT; t++) {
		struct table_out *o = &g->out[t];
		const struct s903_table_def *def = &S903_TABLES[t];
		o->ncols = def->ncolumns;
		o->final = join(dir, "", def->file, "");
		o->tmp = join(dir, ".", def->file, ".tmp");
		if (!o->final || !o->tmp)
			return err_set(e, "out of memory");
		o->f = fopen(o->tmp, "w");
		if (!o->f)
			return err_set(e, "cannot write %s: %s", o->tmp,
				       strerror(errno));
		setvbuf(o->f, NULL, _IOFBF, (size_t)1 << 20);
		for (size_t j = 0; j < def->ncolumns; j++)
			fprintf(o->f, "%s%s", j ? "," : "", def->columns[j]);
		fputc('\n', o->f);
	}
	return 0;
}

/* Closes the files; on success renames them into place, else removes
 * them. */
static int close_tables(struct gen *g, int rc, struct err *e)
{
	for (int t = 0; t < S903_TABLE_COUNT; t++) {
		struct table_out *o = &g->out[t];
		if (o->f) {
			bool bad = ferror(o->f) != 0;
			if ((fclose(o->f) || bad) && !rc)
				rc = err_set(e, "cannot write %s: %s", o->tmp,
					     strerror(errno ? errno : EIO));
			o->f = NULL;
		}
	}
	for (int t = 0; t < S903_TABLE_COUNT; t++) {
		struct table_out *o = &g->out[t];
		if (o->tmp && !rc && rename(o->tmp, o->final))
			rc = err_set(e, "cannot rename %s to %s: %s", o->tmp,
				     o->final, strerror(errno));
	}
	for (int t = 0; t < S903_TABLE_COUNT; t++) {
		struct table_out *o = &g->out[t];
		if (o->tmp && rc)
			unlink(o->tmp);
		free(o->tmp);
		free(o->final);
		o->tmp = o->final = NULL;
	}
	return rc;
}

int synth_write(const char *dir, const struct synth_options *o,
		struct synth_stats *st, struct err *e)
{
	memset(st, 0, sizeof *st);
	st->first_event = DATE_NONE;
	if (o->children < 1 || o->children > SYNTH_MAX_CHILDREN)
		return err_set(e, "the number of children must be from 1 to %ld",
			       SYNTH_MAX_CHILDREN);
	if (o->history < 1 || o->history > SYNTH_MAX_HISTORY)
		return err_set(e, "the history must be from 1 to %d years",
			       SYNTH_MAX_HISTORY);
	if (o->year < 1991 || o->year > 2140)
		return err_set(e, "the collection year must be from 1991-92 "
				  "to 2140-41");
	if (make_dir(dir, e) || check_dir(dir, o->force, e))
		return -1;

	struct gen *g = calloc(1, sizeof *g);
	if (!g)
		return err_set(e, "out of memory");
	g->o = o;
	g->st = st;
	g->year_end = date_from_ymd(o->year + 1, 3, 31);
	g->floor = date_from_ymd(1991, 10, 14);
	g->win_start = max32(date_from_ymd(o->year + 1 - o->history, 4, 1),
			     g->floor);
	g->k3_from = date_from_ymd(2023, 10, 28);
	g->sex_letters = o->year >= 2024;
	int rc = 0;
	if (cal_init(&g->cal)) {
		free(g);
		return err_set(e, "out of memory");
	}
	g->svc = svc_new(o, &g->cal, st);
	rc = g->svc ? open_tables(g, dir, e) : err_set(e, "out of memory");
	if (!rc)
		rc = svc_open(g->svc, dir, e);
	/* Pass 1: the return, and the shape of each child's care. */
	struct synth_child c;
	for (long i = 0; !rc && i < o->children; i++) {
		gen_child(g, i);
		if (g->oom || child_view(g, &c)) {
			rc = err_set(e, "out of memory making child %s", g->id);
			break;
		}
		write_child(g);
		rc = svc_collect(g->svc, &c, e);
	}
	if (!rc)
		rc = svc_plan(g->svc, e);
	if (!rc)
		rc = svc_begin(g->svc, e);
	/* Pass 2: the same children, made again, for their records. */
	struct synth_stats again = { .first_event = DATE_NONE };
	g->st = &again;
	for (long i = 0; !rc && i < o->children; i++) {
		gen_child(g, i);
		if (g->oom || child_view(g, &c))
			rc = err_set(e, "out of memory making child %s", g->id);
		else
			rc = svc_child(g->svc, &c, e);
	}
	g->st = st;
	if (g->svc)
		rc = svc_close(g->svc, rc, e);
	rc = close_tables(g, rc, e);
	if (g->svc)
		rc = svc_commit(g->svc, rc, e);
	svc_free(g->svc);
	cal_free(&g->cal);
	free(g->eps);
	free(g->evs);
	free(g->trig);
	free(g->held);
	free(g->pn);
	free(g->view);
	free(g->tmp);
	free(g->per);
	free(g);
	return rc;
}
