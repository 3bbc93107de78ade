/*
 * record_table.h - the shorthand the field tables of record_kinds.c and
 * record_alerts.c are written in (record.h says what each part means).
 * Private to those files.
 */
#ifndef IRO_RECORD_TABLE_H
#define IRO_RECORD_TABLE_H

#include "core/record.h"

#define CODES(name, table)                                                  \
	const struct code_list name = { NULL, NULL, table, ARRAY_LEN(table) }

#define REQ FF_REQUIRED
#define KEY (FF_KEY | FF_REQUIRED)
#define F(name, col, type, flags, help) { name, col, type, flags, NULL, NULL, NULL, help }
#define C(name, col, flags, codes, help) { name, col, FT_CODE, flags, &codes, NULL, NULL, help }
#define CD(name, col, codes, dflt, help) { name, col, FT_CODE, 0, &codes, NULL, dflt, help }
#define B(name, col, help) F(name, col, FT_BOOL, 0, help)
#define BF(name, col, help) { name, col, FT_BOOL, 0, NULL, NULL, "false", help }
#define R(name, col, flags, kind, help) { name, col, FT_REF, flags, NULL, &kind, NULL, help }

#define KIND(var, nm, tbl, id, hlp, flds, chk)                              \
	const struct kind var = { .name = nm, .table = tbl, .help = hlp,    \
				  .has_id = id, .fields = flds,             \
				  .nfields = ARRAY_LEN(flds), .check = chk }
#define KIND_WITH_LISTS(var, nm, tbl, hlp, flds, lsts, chk)                 \
	const struct kind var = { .name = nm, .table = tbl, .help = hlp,    \
				  .has_id = true, .fields = flds,           \
				  .nfields = ARRAY_LEN(flds), .lists = lsts, \
				  .nlists = ARRAY_LEN(lsts), .check = chk }
#define SUBKIND(var, nm, tbl, key, owner, flds, chk)                        \
	const struct kind var = { .name = nm, .table = tbl,                 \
				  .fields = flds, .nfields = ARRAY_LEN(flds), \
				  .list_key = key, .owner_column = owner,   \
				  .check = chk }

/* "TO is before FROM" when both dates are set and out of order. */
void record_check_span(const struct record *r, const char *from,
		       const char *to, struct problems *p);

#endif
