/*
 * jsonw.h - appending JSON values to a struct buf, for the small documents
 * the store writes into its audit log (the io layer uses jansson for real
 * documents).
 */
#ifndef IRO_JSONW_H
#define IRO_JSONW_H

#include "lib/buf.h"

/* Appends s as a JSON string (quoted and escaped); NULL gives null. */
int json_add_string(struct buf *b, const char *s);

#endif
