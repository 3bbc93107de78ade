/*
 * return_records.h - an SSDA903 return, as read (v903_files.h), turned
 * into the records iro keeps (core/ssda903.h): its header, episodes,
 * reviews and UASC rows typed and checked row by row, then across files.
 */
#ifndef IRO_RETURN_RECORDS_H
#define IRO_RETURN_RECORDS_H

#include "core/ssda903.h"
#include "io/v903_files.h"

/* Where the rows of a return read from XML are said to be: "FILE,
 * Episodes" and the row's number from 1, since XML rows have no line of
 * their own that a person would look for. */
struct return_names {
	char name[S903_TABLE_COUNT][4200];
};

/* Fills set (initialised by the caller) from d's tables and checks them
 * (s903_finish). Header, Episodes and Reviews must be there (dir, which
 * must outlive p, names the return when one is missing). Problems go to p;
 * returns 0 when there is no error. */
int return_records(const char *dir, const struct v903_data *d,
		   const struct v903_files *files,
		   struct return_names *names, struct s903_set *set,
		   struct problems *p);

#endif
