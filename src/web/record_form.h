/*
 * record_form.h - forms made from a record kind's field table
 * (core/record.h), for the child and review pages: an input of the right
 * sort for each field, reading it back with the record's own parser, and
 * the store's refusals put back on the fields they name.
 */
#ifndef IRO_WEB_RECORD_FORM_H
#define IRO_WEB_RECORD_FORM_H

#include "core/record.h"
#include "web/components.h"
#include "web/req.h"

struct roster;

/* The field's help as a label ("The date held"). */
void rf_label(const struct kind *k, const char *name, char *out, size_t size);

/* The input for field `name` of rec's kind, labelled by its help (or
 * `label`), showing what was typed (a POST) or rec's value. An IRO field
 * is a list of the roster's IROs (`ro`), participation codes are radios
 * with their meanings. */
void rf_field(struct buf *b, const struct req *r, const struct record *rec,
	      const char *name, const char *label, const struct roster *ro,
	      const struct form_errors *e);

/* Sets field `name` of rec from the submitted form ("" unsets it); a value
 * that is not right is an error on the field. */
void rf_read(const struct req *r, struct record *rec, const char *name,
	     struct form_errors *e);

/* The warnings a save leaves (the DfE rules on the child's return) as the
 * notice the next page shows, since a save that works redirects. */
void rf_dfe_notice(struct req *r, const struct problems *p);

/* The store's problems on the fields they name (problem.column), those
 * naming no field of the form on `fallback`. */
void rf_problems(const struct problems *p, struct form_errors *e,
		 const char *const *form_fields, const char *fallback);

/* Puts rec in its own transaction. Written: redirects to `done` (Post/
 * Redirect/Get) and returns 1. Refused: nothing is written, the store's
 * problems are on the form's fields (rf_problems) and it returns 0. -1 on
 * a database failure. */
int rf_save(struct req *r, struct record *rec, const char *const *inputs,
	    const char *fallback, struct form_errors *e, const char *done);

/* The error summary (c_error_summary), each message made to start a
 * sentence first (so the messages by the fields match it). */
void rf_error_summary(struct buf *b, struct form_errors *e);

/* rec's field as text for people: dates "1 March 2026", booleans Yes/No,
 * codes by meaning; "" when not set. */
void rf_value_text(const struct record *rec, const char *name, char *out,
		   size_t size);

#endif
