/*
 * session.h - who is signed in. Sessions are held in the server's memory,
 * never in the database: a restart signs everyone out, and a copy of the
 * database holds no token. The cookie carries a random token (32 bytes
 * from libsodium, base64url); the table keeps only its BLAKE2b hash, with
 * the user, a CSRF token and when the session was last used. A session
 * not used for `idle` seconds is over.
 */
#ifndef IRO_WEB_SESSION_H
#define IRO_WEB_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#define SESSION_TOKEN_LEN 43 /* base64url of 32 bytes, no padding */

struct sessions;

/* Room for `max` sessions at once; NULL when memory runs out. */
struct sessions *sessions_new(int max, int idle_seconds);
void sessions_free(struct sessions *s);

/* Starts a session for user: its cookie token and CSRF token (each
 * SESSION_TOKEN_LEN + 1 bytes). When the table is full the session idle
 * longest is ended. */
int session_start(struct sessions *s, int64_t user, time_t now,
		  char *token, char *csrf);
/* The session of this token, if it is live at `now` (and then marked
 * used): 1 with *user and csrf filled, else 0. */
int session_find(struct sessions *s, const char *token, time_t now,
		 int64_t *user, char *csrf);
/* A notice for the session's next page (the DfE rules' warnings after a
 * save that redirects): lines separated by newlines, cut to fit. Taking
 * it clears it. */
#define SESSION_NOTICE_MAX 2048
void session_notice_set(struct sessions *s, const char *token,
			const char *text);
bool session_notice_take(struct sessions *s, const char *token, char *out,
			 size_t size);

/* Ends the session of this token (signing out). */
void session_end(struct sessions *s, const char *token);
/* Ends every session of a user (disabled, or a new password). */
void session_end_user(struct sessions *s, int64_t user);

#endif
