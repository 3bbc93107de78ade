/*
 * err.h - an error message fit for a user.
 *
 * Functions that can fail return an int status (0 = ok, negative = failed)
 * and fill a caller-owned struct err with one line that says what was wrong,
 * naming the file, line, field and value where there is one. Messages never
 * carry personal data beyond what the user typed or the file they gave.
 */
#ifndef IRO_ERR_H
#define IRO_ERR_H

struct err {
	char msg[1024];
};

/* Sets the message (printf-style) and returns -1, so callers can write
 * `return err_set(e, "...")`. A NULL e is allowed and ignored. */
int err_set(struct err *e, const char *fmt, ...) PRINTF_LIKE(2, 3);

/* Prefixes the current message with context ("reading x.csv: "). */
int err_prefix(struct err *e, const char *fmt, ...) PRINTF_LIKE(2, 3);

#endif
