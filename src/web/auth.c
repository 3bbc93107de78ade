/*
 * auth.c - password hashing and the sign-in throttle (auth.h).
 */
#include "lib/common.h"
#include <sodium.h>
#include "lib/err.h"
#include "web/auth.h"

static sem_t hashing;
static char dummy_hash[crypto_pwhash_STRBYTES];

int auth_init(void)
{
	if (sodium_init() < 0 || sem_init(&hashing, 0, 2))
		return -1;
	/* The hash an unknown username is checked against. */
	unsigned char raw[16];
	char pw[33];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(pw, sizeof pw, raw, sizeof raw);
	return crypto_pwhash_str(dummy_hash, pw, strlen(pw),
				 crypto_pwhash_OPSLIMIT_MODERATE,
				 crypto_pwhash_MEMLIMIT_MODERATE)
		       ? -1
		       : 0;
}

const char *auth_password_problem(const char *password)
{
	/* NCSC: length, not composition rules, makes a password strong. */
	size_t chars = 0;
	for (const char *p = password; *p; p++)
		chars += ((unsigned char)*p & 0xC0) != 0x80;
	if (chars < AUTH_PASSWORD_MIN)
		return "A password must be at least 12 characters long";
	if (strlen(password) > 256)
		return "A password must be at most 256 bytes long";
	return NULL;
}

int auth_hash(const char *password, char *out, size_t size, struct err *err)
{
	if (size < crypto_pwhash_STRBYTES)
		return err_set(err, "internal error: hash buffer too small");
	while (sem_wait(&hashing) && errno == EINTR)
		;
	int rc = crypto_pwhash_str(out, password, strlen(password),
				   crypto_pwhash_OPSLIMIT_MODERATE,
				   crypto_pwhash_MEMLIMIT_MODERATE);
	sem_post(&hashing);
	return rc ? err_set(err, "not enough memory to hash the password") : 0;
}

bool auth_verify(const char *hash, const char *password)
{
	while (sem_wait(&hashing) && errno == EINTR)
		;
	bool known = hash && *hash;
	int rc = crypto_pwhash_str_verify(known ? hash : dummy_hash, password,
					  strlen(password));
	sem_post(&hashing);
	return known && rc == 0;
}

/* ---- The throttle ------------------------------------------------------ */

#define THROTTLE_SLOTS 512

struct tslot {
	char who[80]; /* "u:NAME" or "c:ADDRESS" */
	int fails;
	time_t since;
};

struct throttle {
	pthread_mutex_t lock;
	struct tslot v[THROTTLE_SLOTS];
};

struct throttle *throttle_new(void)
{
	struct throttle *t = calloc(1, sizeof *t);
	if (t)
		pthread_mutex_init(&t->lock, NULL);
	return t;
}

void throttle_free(struct throttle *t)
{
	if (!t)
		return;
	pthread_mutex_destroy(&t->lock);
	free(t);
}

/* The slot of `who` (made when `make`, reusing the oldest); lock held. */
static struct tslot *slot(struct throttle *t, const char *kind,
			  const char *name, time_t now, bool make)
{
	char who[80];
	snprintf(who, sizeof who, "%s:%s", kind, name);
	struct tslot *oldest = &t->v[0];
	for (int i = 0; i < THROTTLE_SLOTS; i++) {
		struct tslot *x = &t->v[i];
		if (x->who[0] && now - x->since >= AUTH_WINDOW)
			memset(x, 0, sizeof *x);
		if (x->who[0] && strcmp(x->who, who) == 0)
			return x;
		if (x->since < oldest->since)
			oldest = x;
	}
	if (!make)
		return NULL;
	memset(oldest, 0, sizeof *oldest);
	snprintf(oldest->who, sizeof oldest->who, "%s", who);
	oldest->since = now;
	return oldest;
}

bool throttle_allows(struct throttle *t, const char *username,
		     const char *client, time_t now)
{
	pthread_mutex_lock(&t->lock);
	struct tslot *u = slot(t, "u", username, now, false);
	struct tslot *c = slot(t, "c", client, now, false);
	bool ok = (!u || u->fails < AUTH_FAILS_PER_USER) &&
		  (!c || c->fails < AUTH_FAILS_PER_CLIENT);
	pthread_mutex_unlock(&t->lock);
	return ok;
}

void throttle_failed(struct throttle *t, const char *username,
		     const char *client, time_t now)
{
	pthread_mutex_lock(&t->lock);
	slot(t, "u", username, now, true)->fails++;
	slot(t, "c", client, now, true)->fails++;
	pthread_mutex_unlock(&t->lock);
}

void throttle_passed(struct throttle *t, const char *username)
{
	pthread_mutex_lock(&t->lock);
	struct tslot *u = slot(t, "u", username, 0, false);
	if (u)
		memset(u, 0, sizeof *u);
	pthread_mutex_unlock(&t->lock);
}
