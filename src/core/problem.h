/*
 * problem.h - what is wrong with input, one line each, for a person.
 *
 * Every problem names the file, the line, the column and the value, and
 * says why (issue 2: "one line per problem: file, line number, column,
 * value, reason"). Errors reject the whole input; warnings are reported and
 * the input is taken. The list owns its entries; problems_free releases
 * them. File names are borrowed and must outlive the list.
 */
#ifndef IRO_PROBLEM_H
#define IRO_PROBLEM_H

#include <stdbool.h>
#include <stddef.h>

struct problem {
	const char *file; /* borrowed */
	long line;        /* 0 when the problem is with the file as a whole */
	bool warning;
	char column[24];
	char value[64];
	char reason[256];
	size_t seq; /* order added, to keep sorting stable */
};

struct problems {
	struct problem *v;
	size_t count, cap;
	size_t errors, warnings;
	bool out_of_memory;
};

void problems_init(struct problems *p);
void problems_free(struct problems *p);

/* Adds a problem. column and value may be NULL. A value longer than the
 * field is cut short with "...". */
void problem_add(struct problems *p, bool warning, const char *file,
		 long line, const char *column, const char *value,
		 const char *fmt, ...) PRINTF_LIKE(7, 8);

/* Gives the problems added from index `from` on the file and line they
 * were found at (the rules that found them knew neither). */
void problems_locate(struct problems *p, size_t from, const char *file,
		     long line);

/* Formats one problem as a line: "file:line: error: COLUMN "value": reason". */
void problem_format(const struct problem *pr, char *out, size_t size);

/* Sorts errors first, then by file and line, so a person reads them in
 * order. */
void problems_sort(struct problems *p);

#endif
