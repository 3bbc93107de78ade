/*
 * v903.h - the DfE's SSDA903 validation rules (csc-validator-be-903,
 * domain-rules §4), run over a return held the way the DfE validator
 * holds it.
 *
 * The validator reads every cell as text, upper-cases it, and takes an
 * empty cell as missing (NaN); rules then parse what they need, so a date
 * that is not DD/MM/YYYY is simply "not a date" to every rule but the one
 * that reports it (domain-rules §3.1). iro does the same: a struct
 * v903_data holds each table's rows as upper-cased text with missing
 * cells NULL, and each rule is a function that reads the cells it needs
 * and flags the rows that break it, by their 0-based index in their table
 * (the row's place in its file). The typed records of an import
 * (ssda903.h) are a different thing: they are what iro keeps; this is
 * what the DfE checks.
 *
 * Each rule applies in the collection years its ruleset gives it
 * (lac2022_23 ... lac2026_27): a rule that changed has one entry per
 * version, each with its years. A rule whose tables are not loaded is
 * skipped, as the validator skips it.
 *
 * Pure: no I/O. The rules are in v903_*.c, one file per family
 * (domain-rules §4.3's groups); v903.c holds the tables, the cells, the
 * dates, the indexes and the run.
 */
#ifndef IRO_V903_H
#define IRO_V903_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum v903_table {
	V903_HEADER,
	V903_EPISODES,
	V903_REVIEWS,
	V903_UASC,
	V903_OC2,
	V903_OC3,
	V903_AD1,
	V903_PLACED_ADOPTION,
	V903_PREV_PERM,
	V903_MISSING,
	V903_SW_EPISODES,
	V903_NTABLES
};

struct v903_table_def {
	const char *name;            /* the validator's: "Header", "Episodes" */
	const char *file;            /* the usual file name: "header.csv" */
	const char *const *columns;  /* the file's columns, exact names */
	size_t ncolumns;
	size_t nderived;             /* columns worked out after reading */
	int date_col;                /* the column rows sort by within a
				      * child (-1: none) */
	int first_year;              /* first collection year with the table
				      * (0: always) */
};

extern const struct v903_table_def V903_TABLES[V903_NTABLES];

/* Columns: a table's file columns in V903_TABLES order, then its derived
 * ones. */
enum { V903_H_CHILD, V903_H_SEX, V903_H_DOB, V903_H_ETHNIC, V903_H_UPN,
       V903_H_MOTHER, V903_H_MC_DOB,
       V903_H_UASC /* derived: "1" in the UASC table, "0" not, NULL when
		    * the UASC table is not loaded */ };
enum { V903_E_CHILD, V903_E_DECOM, V903_E_RNE, V903_E_LS, V903_E_CIN,
       V903_E_PLACE, V903_E_PLACE_PROVIDER, V903_E_DEC, V903_E_REC,
       V903_E_REASON_PLACE_CHANGE, V903_E_HOME_POST, V903_E_PL_POST,
       V903_E_URN,
       /* derived from the postcodes (datastore._add_postcode_derived_
	* fields): NULL when a postcode is not in the postcode table */
       V903_E_PL_LA, V903_E_PL_LOCATION, V903_E_PL_DISTANCE };
enum { V903_R_CHILD, V903_R_DOB, V903_R_REVIEW, V903_R_REVIEW_CODE };
enum { V903_U_CHILD, V903_U_SEX, V903_U_DOB, V903_U_DUC };
enum { V903_OC2_CHILD, V903_OC2_DOB, V903_OC2_SDQ_SCORE, V903_OC2_SDQ_REASON,
       V903_OC2_CONVICTED, V903_OC2_HEALTH_CHECK, V903_OC2_IMMUNISATIONS,
       V903_OC2_TEETH_CHECK, V903_OC2_HEALTH_ASSESSMENT,
       V903_OC2_SUBSTANCE_MISUSE, V903_OC2_INTERVENTION_RECEIVED,
       V903_OC2_INTERVENTION_OFFERED };
enum { V903_OC3_CHILD, V903_OC3_DOB, V903_OC3_IN_TOUCH, V903_OC3_ACTIV,
       V903_OC3_ACCOM };
enum { V903_AD1_CHILD, V903_AD1_DOB, V903_AD1_DATE_INT, V903_AD1_DATE_MATCH,
       V903_AD1_FOSTER_CARE, V903_AD1_NB_ADOPTR, V903_AD1_SEX_ADOPTR,
       V903_AD1_LS_ADOPTR };
enum { V903_PA_CHILD, V903_PA_DOB, V903_PA_DATE_PLACED,
       V903_PA_DATE_PLACED_CEASED, V903_PA_REASON_PLACED_CEASED };
enum { V903_PP_CHILD, V903_PP_DOB, V903_PP_PREV_PERM, V903_PP_LA_PERM,
       V903_PP_DATE_PERM };
enum { V903_M_CHILD, V903_M_DOB, V903_M_MISSING, V903_M_MIS_START,
       V903_M_MIS_END };
enum { V903_SW_CHILD, V903_SW_DOB, V903_SW_SW_ID, V903_SW_SW_DECOM,
       V903_SW_SW_DEC, V903_SW_SW_REASON };

#define V903_MAX_COLUMNS 16
#define V903_NAN UINT32_MAX

/* One table's rows: cells are offsets into text, V903_NAN when missing. */
struct v903_rows {
	bool present;     /* the table was loaded */
	size_t nrows, cap_rows;
	size_t ncols;     /* file columns + derived */
	uint32_t *cell;   /* nrows * ncols */
	char *text;
	size_t text_len, text_cap;
	/* Built by v903_prepare: the rows in order of CHILD (missing last),
	 * then of the table's date column parsed (missing last), then of
	 * their index - the stable sort the rules use. */
	size_t *order;
};

struct v903_data {
	struct v903_rows t[V903_NTABLES];    /* this year's return */
	struct v903_rows last[V903_NTABLES]; /* last year's, when given */
	int year;            /* the collection year's end: 2023 is 2022/23 */
	int32_t start, end;  /* 1 April year-1 and 31 March year */
	char la[12];         /* the authority's code, for PL_LOCATION; "" if
			      * not known */
	bool out_of_memory;
};

/* ---- Building a return ------------------------------------------------ */

/* An empty return for collection year `year` (the year it ends: 2023). */
void v903_init(struct v903_data *d, int year);
void v903_free(struct v903_data *d);

/* Sets the collection year (and its start and end). */
void v903_set_year(struct v903_data *d, int year);

/* Marks a table loaded (a file with a header row and no rows is loaded). */
void v903_table_present(struct v903_rows *t, enum v903_table table);

/* Adds a row; cells are in the table's file column order, n of them
 * (V903_TABLES[table].ncolumns). Each is upper-cased as the validator
 * does; NULL or "" is missing. Returns -1 when memory runs out. */
int v903_add_row(struct v903_rows *t, enum v903_table table,
		 const char *const *cells, size_t n);

/* A postcode's local authority code and OS grid reference, for the
 * derived columns. Returns false when the postcode is not known. */
typedef bool (*v903_postcode_fn)(void *ctx, const char *postcode,
				 char la[12], int32_t *e, int32_t *n);

/* Works out the derived columns (Header.UASC; Episodes.PL_LA,
 * PL_LOCATION, PL_DISTANCE from `postcode`, which may be NULL) and the
 * row orders, for this year's tables and last year's. Call once, after
 * the last row is added. Returns -1 when memory runs out. */
int v903_prepare(struct v903_data *d, v903_postcode_fn postcode, void *ctx);

/* "2022-23", "2022/23", "2022_23" or "2023" -> 2023; 0 if not a year from
 * 2015 to 2099 written so. */
int v903_year_parse(const char *s);

/* The collection year a return is for, when it does not say: the year
 * (1 April to 31 March) holding its latest episode start or end, review
 * or missing-period date; 0 when it has none of them. A return's dates
 * all fall on or before the end of its year, and a return with any
 * activity in the year has one of them in it. */
int v903_infer_year(const struct v903_data *d);

/* ---- Reading cells (for the rules) ------------------------------------ */

/* The cell's text, or NULL when missing. */
static inline const char *v903_cell(const struct v903_rows *t, size_t row,
				    int col)
{
	uint32_t off = t->cell[row * t->ncols + (size_t)col];
	return off == V903_NAN ? NULL : t->text + off;
}

/* The cell as a date, as pd.to_datetime(format="%d/%m/%Y",
 * errors="coerce") reads it: day 1-2 digits (or a space and a digit),
 * month 1-2 digits, a four-digit year, nothing else, a real day between
 * 21/09/1677 and 11/04/2262. DATE_NONE (from core/date.h) otherwise. */
int32_t v903_date(const struct v903_rows *t, size_t row, int col);
int32_t v903_parse_date(const char *s);

/* Whether the cell equals s (false when missing). */
bool v903_is(const struct v903_rows *t, size_t row, int col, const char *s);

/* Whether the cell is one of the codes in `list`, separated by commas
 * ("A3,A4,A5"); false when missing. */
bool v903_in(const struct v903_rows *t, size_t row, int col,
	     const char *list);
bool v903_str_in(const char *s, const char *list);

/* Whether the cell is present (not NaN). */
static inline bool v903_has(const struct v903_rows *t, size_t row, int col)
{
	return t->cell[row * t->ncols + (size_t)col] != V903_NAN;
}

/* Walking a prepared table child by child, in its order: `*from` is the
 * position in t->order of the next group's first row; returns the number
 * of rows in the group (0 at the end) and advances *from past it. The
 * group's rows are t->order[start .. start+count-1]. Rows with no CHILD
 * form one last group. */
size_t v903_next_child(const struct v903_rows *t, size_t *from);

/* The position in t->order of child's first row, and how many rows the
 * child has there (0 and *count 0 when none). */
size_t v903_find_child(const struct v903_rows *t, const char *child,
		       size_t *count);

/* The rows a pandas merge on CHILD pairs with `child`: its rows, or for a
 * missing child (NULL) the rows with no CHILD, since a merge matches NaN
 * with NaN. Gives their position in t->order and their number. */
size_t v903_merge_child(const struct v903_rows *t, const char *child,
			size_t *count);

/* ---- Rules ------------------------------------------------------------ */

struct v903_flag {
	uint32_t row;
	uint16_t rule;  /* v903_rule_at's index */
	uint8_t table;
};

struct v903_result {
	struct v903_flag *v;
	size_t n, cap;
	uint16_t rule;  /* the rule running, set by v903_validate */
	bool out_of_memory;
	/* rules skipped because a table they need is not loaded */
	size_t skipped;
};

/* Flags row `row` of `table` for the rule running. A row flagged twice
 * by one rule is reported once. */
void v903_flag(struct v903_result *r, enum v903_table table, size_t row);

/* Every table in `need` (a bit per table, 1u << V903_EPISODES ...) is
 * loaded; a rule returns at once otherwise (and is counted skipped), as
 * the validator's rules return {} when a table is missing. */
bool v903_needs(const struct v903_data *d, struct v903_result *r,
		unsigned need);
bool v903_needs_last(const struct v903_data *d, struct v903_result *r,
		     unsigned need);
#define V903_T(t) (1u << (t))

/* Flags each row of `table` whose CHILD has no row in `in` (a missing
 * CHILD matching a missing CHILD): the rows a merge on CHILD leaves
 * unmatched. */
void v903_flag_unmatched(const struct v903_data *d, struct v903_result *r,
			 enum v903_table table, enum v903_table in);

struct v903_rule {
	const char *code;     /* "440" */
	const char *message;  /* the validator's message, verbatim */
	int from, to;         /* the collection years (their ends) the
			       * version applies in; 0: no bound */
	void (*check)(const struct v903_data *d, struct v903_result *r);
};

/* Every rule iro checks, family by family (v903_int.h); versions of one
 * rule are adjacent. */
size_t v903_rule_count(void);
const struct v903_rule *v903_rule_at(size_t i);

/* Whether rule version `rule` applies in collection year `year`. */
bool v903_rule_applies(const struct v903_rule *rule, int year);

/* Runs every rule that applies in d->year (or only the one whose code is
 * `only`, when not NULL) and adds the rows each flags; afterwards the
 * flags are sorted by table, row, then rule order. d must be prepared. */
void v903_validate(const struct v903_data *d, const char *only,
		   struct v903_result *r);

void v903_result_free(struct v903_result *r);

#endif
