/*
 * codes.h - the SSDA903 code lists (domain-rules §3.3), with the DfE
 * validation rule that checks each and the meaning of every code.
 *
 * The lists accept every code valid in any ruleset from 2022/23 to
 * 2026/27 (for example both 1/2 and M/F/U for SEX, and H5, P2, Z1, K3 and
 * Z11-Z14 for PLACE), since iro holds several years of returns; which codes
 * a given collection year accepts is the validator's business (issue 7).
 */
#ifndef IRO_CODES_H
#define IRO_CODES_H

#include <stddef.h>

struct code {
	const char *code;
	const char *meaning;
};

struct code_list {
	const char *field; /* SSDA903 column name, e.g. "LS" */
	const char *rule;  /* DfE rule that checks it, e.g. "144"; or NULL */
	const struct code *codes;
	size_t count;
};

extern const struct code_list CODES_SEX;
extern const struct code_list CODES_ETHNIC;
extern const struct code_list CODES_LS;
extern const struct code_list CODES_RNE;
extern const struct code_list CODES_CIN;
extern const struct code_list CODES_PLACE;
extern const struct code_list CODES_PLACE_PROVIDER;
extern const struct code_list CODES_REC;
extern const struct code_list CODES_REASON_PLACE_CHANGE;
extern const struct code_list CODES_REVIEW_CODE;
extern const struct code_list CODES_MOTHER;

/* The entry for `code` (exact, upper case), or NULL. */
const struct code *code_find(const struct code_list *list, const char *code);

/* Writes the list's codes as "A, B or C" into out (for error messages). */
void code_list_text(const struct code_list *list, char *out, size_t size);

/* SEX as iro stores it: "1"/"M" -> 'M', "2"/"F" -> 'F', "U" -> 'U'; 0 if
 * the code is not a sex code. */
char code_sex_normalise(const char *code);

#endif
