/*
 * auth.h - passwords and signing in: argon2id hashes (libsodium's
 * crypto_pwhash_str at its MODERATE limits, about a third of a second and
 * 256 MiB here), at most two hashed at once so a burst of sign-ins cannot
 * take the machine's memory (stack-notes.md §1), and a throttle on failed
 * sign-ins by username and by client address.
 */
#ifndef IRO_WEB_AUTH_H
#define IRO_WEB_AUTH_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

struct err;

#define AUTH_HASH_MAX 160 /* >= crypto_pwhash_STRBYTES */
#define AUTH_PASSWORD_MIN 12

/* Once, before anything else here: 0, or -1 (libsodium would not start). */
int auth_init(void);

/* Why a new password will not do, as a sentence ("A password must be at
 * least 12 characters long"), or NULL. */
const char *auth_password_problem(const char *password);

/* The argon2id hash of password into out: 0, or -1 with err. */
int auth_hash(const char *password, char *out, size_t size,
	      struct err *err);
/* True when password matches hash. With hash NULL (no such user) a dummy
 * hash is checked, so an unknown name costs the same time as a wrong
 * password. */
bool auth_verify(const char *hash, const char *password);

/*
 * The throttle: after AUTH_FAILS_PER_USER failed sign-ins for one username,
 * or AUTH_FAILS_PER_CLIENT from one address, within AUTH_WINDOW seconds,
 * further attempts are refused until the window has passed, right or
 * wrong. Thread-safe.
 */
#define AUTH_FAILS_PER_USER 5
#define AUTH_FAILS_PER_CLIENT 20
#define AUTH_WINDOW (15 * 60)

struct throttle;
struct throttle *throttle_new(void);
void throttle_free(struct throttle *t);
bool throttle_allows(struct throttle *t, const char *username,
		     const char *client, time_t now);
void throttle_failed(struct throttle *t, const char *username,
		     const char *client, time_t now);
void throttle_passed(struct throttle *t, const char *username);

#endif
