/*
 * components.h - GOV.UK Design System and MOJ components, one small render
 * function each, with the Design System's markup (landscape.md §3). Every
 * value is escaped (html.h).
 *
 * Forms keep what the user typed: each input takes the value to show,
 * which a page takes from the submitted form when it is redisplaying one
 * (form_value), so nothing typed is lost when something is wrong.
 */
#ifndef IRO_WEB_COMPONENTS_H
#define IRO_WEB_COMPONENTS_H

#include <stdbool.h>
#include <stdint.h>

#include "core/codes.h"
#include "lib/buf.h"
#include "web/req.h"

/* What is wrong with a submitted form, field by field. */
struct form_error {
	char field[64];    /* the input's name (its id for the link) */
	char message[300]; /* "Enter the date the review was held" */
};
struct form_errors {
	struct form_error v[32];
	size_t n;
};

/* Adds an error (the first for a field wins; extras are dropped). */
void form_error(struct form_errors *e, const char *field, const char *fmt,
		...) PRINTF_LIKE(3, 4);
/* The message for field, or NULL. */
const char *form_error_for(const struct form_errors *e, const char *field);

/* The value to show in input `name`: what was typed when the form was
 * submitted (a POST), else `fallback`. */
const char *form_value(const struct req *r, const char *name,
		       const char *fallback);

/*
 * A date typed in the Design System's three boxes (NAME-day, NAME-month,
 * NAME-year) into *out: 1 when a valid date was typed, 0 when all three
 * are empty (an error when `required`), -1 with an error for `label`
 * ("the date the review was held") when it is not a real date.
 */
int form_date(const struct req *r, const char *name, const char *label,
	      bool required, int32_t *out, struct form_errors *e);

/* The error summary at the top of a page, with a link to each field. */
void c_error_summary(struct buf *b, const struct form_errors *e);

/* The CSRF token every form that changes something carries. */
void c_csrf(struct buf *b, const struct req *r);

/* Inputs. `hint` may be NULL. */
void c_input(struct buf *b, const char *name, const char *label,
	     const char *hint, const char *value, const struct form_errors *e,
	     const char *extra_class);
/* A username or password box: type "text" or "password", with its
 * autocomplete token; a password's value is never shown again. */
void c_credential(struct buf *b, const char *name, const char *label,
		  const char *type, const char *autocomplete,
		  const char *value, const struct form_errors *e);
void c_textarea(struct buf *b, const char *name, const char *label,
		const char *hint, const char *value,
		const struct form_errors *e);
/* A date in three boxes; `iso` is the date to show when the form was not
 * submitted ("" for none). */
void c_date(struct buf *b, const struct req *r, const char *name,
	    const char *label, const char *hint, const char *iso,
	    const struct form_errors *e);
/* A select of a code list's meanings, its codes as values; with a blank
 * first option when `blank` names it ("Not recorded"). */
void c_select_codes(struct buf *b, const char *name, const char *label,
		    const char *hint, const struct code_list *codes,
		    const char *value, const char *blank,
		    const struct form_errors *e);
/* A select of (value, text) pairs, `n` of them. */
void c_select(struct buf *b, const char *name, const char *label,
	      const char *hint, const char *const (*options)[2], size_t n,
	      const char *value, const struct form_errors *e);
/* Yes / No radios (values "yes", "no"), with "Not recorded" when
 * `unknown` (value ""). */
void c_yes_no(struct buf *b, const char *name, const char *legend,
	      const char *value, bool unknown, const struct form_errors *e);
/* Checkboxes named `name`, one per value (shown as it is), each ticked
 * when the submitted form carried it. */
void c_checkboxes(struct buf *b, const struct req *r, const char *name,
		  const char *legend, const char *hint,
		  const char *const *values, size_t n,
		  const struct form_errors *e);
void c_button(struct buf *b, const char *text, bool secondary);
/* Opens a form group holding a fieldset (radios, a date: `group` gives it
 * role="group") with its legend, hint and error; the caller writes the
 * inputs, then "</fieldset></div>". `name` is the id the error summary
 * links to. */
void c_fieldset_begin(struct buf *b, const char *name, const char *legend,
		      const char *hint, bool group, const struct form_errors *e);

/* A summary list row. */
void c_summary_row(struct buf *b, const char *key, const char *value);
/* A tag: colour is "" or a Design System colour ("red", "green" ...). */
void c_tag(struct buf *b, const char *text, const char *colour);

/*
 * Sortable tables work without JavaScript: a header is a link that sorts
 * by its column (?sort=KEY&dir=asc|desc), with the other query values
 * kept. cols are (key, heading) pairs; a NULL key is not sortable.
 */
struct table_col {
	const char *key, *heading;
	bool numeric;
};
void c_table_head(struct buf *b, const struct req *r, const char *caption,
		  const struct table_col *cols, size_t n);
/* A table that does not sort: its caption (shown, or only to screen
 * readers when `hidden`) and column headings; the caller writes the rows
 * and "</tbody></table>". */
void c_table_begin(struct buf *b, const char *caption, bool hidden,
		   const char *const *heads, size_t n);
/* "?a=1&b=2" from the request's query with `key` set to `value` (""
 * removes it), for links that change one thing. */
void query_with(const struct req *r, const char *key, const char *value,
		char *out, size_t size);
/* Pagination (page is 1-based) linking to ?page=N with the rest kept. */
void c_pagination(struct buf *b, const struct req *r, long page, long pages);
/* The page asked for (?page=), clamped to 1 .. pages. */
long req_page(const struct req *r, long pages);

/* A date for people ("18 December 2023"); "" for DATE_NONE. */
void date_text(int32_t d, char *out, size_t size);

/* Radios in a fieldset with its legend: `id` names the group (the first
 * radio's id, and the error's field), `name` the form field, so that two
 * forms on one page can each have a "format". options are (value, text)
 * pairs. */
void c_radios(struct buf *b, const char *id, const char *name,
	      const char *legend, const char *const (*options)[2], size_t n,
	      const char *value, const struct form_errors *e);

/* The Design System's success banner, shown after a change went through
 * (the page it redirected to says what). */
void c_success_banner(struct buf *b, const char *heading);

#endif
