/*
 * report_names.h - the names a report's tables take in a folder of CSV
 * files or a workbook's sheets: one per table, made from its key, unique
 * ignoring case and never a reserved name.
 */
#ifndef IRO_REPORT_NAMES_H
#define IRO_REPORT_NAMES_H

#include <stddef.h>

#include "core/rtable.h"

/*
 * One name per table of r into *out (r->ntables strings, then NULL-free
 * by report_names_free): the key with each byte passed through clean(ch,
 * position) (which returns the byte to use), cut to max characters,
 * "table" when nothing is left; then "_2", "_3", ... (the name cut to
 * make room) until it differs, ignoring case, from the names before it
 * and from every word of `reserved` (NULL-terminated). `suffix` (".csv"
 * or "") is appended after. Returns 0, or -1 when memory runs out.
 */
int report_names(const struct report *r, size_t max,
		 char (*clean)(unsigned char ch, size_t pos),
		 const char *const *reserved, const char *suffix,
		 char ***out);
void report_names_free(char **names, size_t n);

#endif
