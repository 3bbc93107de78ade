/*
 * v903_cli.h - what the DfE's rules found in a return, for a person: the
 * rows (file and line, rule, message, child) and a count by rule. Shared
 * by iro validate 903, iro validate and iro import 903.
 */
#ifndef IRO_V903_CLI_H
#define IRO_V903_CLI_H

#include <stddef.h>

#include "core/v903.h"
#include "io/v903_files.h"

/* Prints the first max_rows flagged rows (files NULL: rows are named by
 * table and index), then "WHAT: the YYYY-YY return checked against N DfE
 * rule versions: R rows break K rules." and one line per rule broken.
 * `only` is the one rule checked, or NULL for all. */
void v903_print_text(const struct v903_data *d, const struct v903_files *files,
		     const struct v903_result *r, const char *what,
		     const char *only, size_t max_rows);

#endif
