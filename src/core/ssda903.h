/*
 * ssda903.h - SSDA903 (children looked after) return records, read from
 * their cells and checked by the rules that concern iro's records.
 *
 * The layouts are those of the DfE validator (domain-rules §3.2). The
 * io layer reads each file's rows and hands the cells here in the table's
 * standard column order; s903_add_row types and checks one row, and
 * s903_finish checks the files against each other (every child in the
 * header, DOBs agreeing, no duplicates, episodes chaining into periods)
 * and leaves the records sorted by child. Every problem found is added to
 * a struct problems with its file, line, column and value.
 *
 * A struct s903_set owns its arrays; s903_free releases them.
 */
#ifndef IRO_SSDA903_H
#define IRO_SSDA903_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/period.h"
#include "core/problem.h"

enum s903_table {
	S903_HEADER,
	S903_EPISODES,
	S903_REVIEWS,
	S903_UASC,
	S903_TABLE_COUNT
};

struct s903_table_def {
	const char *file;             /* "header.csv" */
	const char *const *columns;   /* exact SSDA903 column names */
	size_t ncolumns;
	bool required;                /* must be present in an import */
};

extern const struct s903_table_def S903_TABLES[S903_TABLE_COUNT];

/* Each table's columns, in the order of S903_TABLES[t].columns. */
enum s903_header_column {
	S903_H_CHILD, S903_H_SEX, S903_H_DOB, S903_H_ETHNIC, S903_H_UPN,
	S903_H_MOTHER, S903_H_MC_DOB
};
enum s903_episode_column {
	S903_E_CHILD, S903_E_DECOM, S903_E_RNE, S903_E_LS, S903_E_CIN,
	S903_E_PLACE, S903_E_PLACE_PROVIDER, S903_E_DEC, S903_E_REC,
	S903_E_REASON_PLACE_CHANGE, S903_E_HOME_POST, S903_E_PL_POST,
	S903_E_URN
};
enum s903_review_column {
	S903_R_CHILD, S903_R_DOB, S903_R_REVIEW, S903_R_REVIEW_CODE
};
enum s903_uasc_column { S903_U_CHILD, S903_U_SEX, S903_U_DOB, S903_U_DUC };

#define S903_CHILD_MAX 32
#define S903_TEXT_MAX 15 /* UPN, postcodes, URN */

struct s903_child {
	char child[S903_CHILD_MAX + 1]; /* CHILD: the LA's child id */
	long line;
	char sex;          /* 'M', 'F' or 'U' (1 and 2 are read as M and F) */
	int32_t dob;
	char ethnic[5];
	char upn[S903_TEXT_MAX + 1];
	signed char mother; /* -1 blank, 0, 1 */
	int32_t mc_dob;     /* DATE_NONE if blank */
	bool uasc;          /* listed in uasc.csv */
	int32_t uasc_ceased; /* DUC, DATE_NONE if blank */
};

/* What every episode and review row starts with. Rows are zeroed before
 * they are filled, so two rows are the same when their bytes after this
 * header are. */
struct s903_row {
	char child[S903_CHILD_MAX + 1];
	size_t child_index; /* into children, set by s903_finish */
	long line;
};

struct s903_episode {
	struct s903_row row;
	struct episode ep;  /* DECOM, DEC, RNE, LS, PLACE, REC */
	char cin[3];
	char place_provider[4];
	char reason_place_change[7];
	char home_post[S903_TEXT_MAX + 1];
	char pl_post[S903_TEXT_MAX + 1];
	char urn[S903_TEXT_MAX + 1];
};

struct s903_review {
	struct s903_row row;
	int32_t dob;   /* DOB as the reviews file has it, DATE_NONE if blank */
	int32_t date;  /* REVIEW */
	char pn[4];    /* REVIEW_CODE, "" if blank */
};

struct s903_uasc {
	char child[S903_CHILD_MAX + 1];
	long line;
	char sex;
	int32_t dob;
	int32_t duc;
};

struct s903_set {
	const char *file[S903_TABLE_COUNT]; /* names to report, borrowed */
	struct s903_child *children;
	size_t nchildren, cap_children;
	struct s903_episode *episodes;
	size_t nepisodes, cap_episodes;
	struct s903_review *reviews;
	size_t nreviews, cap_reviews;
	struct s903_uasc *uasc;
	size_t nuasc, cap_uasc;
	/* Children whose header row was refused: their other rows are not
	 * reported again as "not in the header". */
	char (*refused)[S903_CHILD_MAX + 1];
	size_t nrefused, cap_refused;
	bool out_of_memory;
};

void s903_init(struct s903_set *set);
void s903_free(struct s903_set *set);

/* Types and checks one row of `table`; cells are in the table's standard
 * column order (S903_TABLES[table].columns) and may be edited in place
 * (trimmed, upper-cased). */
void s903_add_row(struct s903_set *set, enum s903_table table, long line,
		  char **cells, struct problems *p);

/* Checks the files against each other and sorts the records by child
 * (children by id, episodes by start date, reviews by date). Rows refused
 * by s903_add_row are left out; the rest are still checked, so that one
 * run reports every problem. */
void s903_finish(struct s903_set *set, struct problems *p);

/* The index of child id `child` in the (finished) set, or -1. */
long s903_find_child(const struct s903_set *set, const char *child);

/* Walking a finished set child by child: each call gives the next child's
 * episodes and reviews (both may be empty). Start with a zeroed cursor and
 * call once for each child index in order. */
struct s903_cursor {
	size_t episode, review; /* the first row not yet handed out */
};
void s903_child_rows(const struct s903_set *set, struct s903_cursor *cur,
		     size_t child, const struct s903_episode **eps,
		     size_t *neps, const struct s903_review **revs,
		     size_t *nrevs);

#endif
