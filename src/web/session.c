/*
 * session.c - the table of live sessions (session.h).
 */
#include "lib/common.h"
#include <sodium.h>
#include "web/session.h"

struct slot {
	unsigned char key[32]; /* BLAKE2b of the token */
	int64_t user;          /* 0: free */
	char csrf[SESSION_TOKEN_LEN + 1];
	time_t last;
	char notice[SESSION_NOTICE_MAX]; /* for the next page, then cleared */
};

struct sessions {
	pthread_mutex_t lock;
	struct slot *v;
	int n, idle;
};

struct sessions *sessions_new(int max, int idle_seconds)
{
	struct sessions *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->v = calloc((size_t)max, sizeof *s->v);
	if (!s->v) {
		free(s);
		return NULL;
	}
	s->n = max;
	s->idle = idle_seconds;
	pthread_mutex_init(&s->lock, NULL);
	return s;
}

void sessions_free(struct sessions *s)
{
	if (!s)
		return;
	sodium_memzero(s->v, (size_t)s->n * sizeof *s->v);
	free(s->v);
	pthread_mutex_destroy(&s->lock);
	free(s);
}

static void random_token(char *out)
{
	unsigned char raw[32];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2base64(out, SESSION_TOKEN_LEN + 1, raw, sizeof raw,
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof raw);
}

static void token_key(const char *token, unsigned char key[32])
{
	crypto_generichash(key, 32, (const unsigned char *)token,
			   strlen(token), NULL, 0);
}

static bool live(const struct sessions *s, const struct slot *x, time_t now)
{
	return x->user && now - x->last < s->idle;
}

int session_start(struct sessions *s, int64_t user, time_t now, char *token,
		  char *csrf)
{
	random_token(token);
	random_token(csrf);
	unsigned char key[32];
	token_key(token, key);
	pthread_mutex_lock(&s->lock);
	struct slot *best = &s->v[0];
	for (int i = 0; i < s->n; i++) {
		struct slot *x = &s->v[i];
		if (!live(s, x, now)) {
			best = x;
			break;
		}
		if (x->last < best->last)
			best = x;
	}
	memcpy(best->key, key, sizeof key);
	best->user = user;
	memcpy(best->csrf, csrf, SESSION_TOKEN_LEN + 1);
	best->last = now;
	pthread_mutex_unlock(&s->lock);
	return 0;
}

/* The live slot whose key is key, or NULL; called with the lock held. */
static struct slot *slot_of(struct sessions *s, const unsigned char *key,
			    time_t now)
{
	for (int i = 0; i < s->n; i++) {
		struct slot *x = &s->v[i];
		if (x->user && sodium_memcmp(x->key, key, 32) == 0)
			return live(s, x, now) ? x : NULL;
	}
	return NULL;
}

int session_find(struct sessions *s, const char *token, time_t now,
		 int64_t *user, char *csrf)
{
	if (strlen(token) != SESSION_TOKEN_LEN)
		return 0;
	unsigned char key[32];
	token_key(token, key);
	pthread_mutex_lock(&s->lock);
	struct slot *x = slot_of(s, key, now);
	if (x) {
		x->last = now;
		*user = x->user;
		memcpy(csrf, x->csrf, SESSION_TOKEN_LEN + 1);
	}
	pthread_mutex_unlock(&s->lock);
	return x != NULL;
}

void session_end(struct sessions *s, const char *token)
{
	unsigned char key[32];
	token_key(token, key);
	pthread_mutex_lock(&s->lock);
	for (int i = 0; i < s->n; i++)
		if (sodium_memcmp(s->v[i].key, key, 32) == 0)
			memset(&s->v[i], 0, sizeof s->v[i]);
	pthread_mutex_unlock(&s->lock);
}

void session_end_user(struct sessions *s, int64_t user)
{
	pthread_mutex_lock(&s->lock);
	for (int i = 0; i < s->n; i++)
		if (s->v[i].user == user)
			memset(&s->v[i], 0, sizeof s->v[i]);
	pthread_mutex_unlock(&s->lock);
}

void session_notice_set(struct sessions *s, const char *token,
			const char *text)
{
	unsigned char key[32];
	token_key(token, key);
	pthread_mutex_lock(&s->lock);
	struct slot *x = slot_of(s, key, time(NULL));
	if (x)
		snprintf(x->notice, sizeof x->notice, "%s", text);
	pthread_mutex_unlock(&s->lock);
}

bool session_notice_take(struct sessions *s, const char *token, char *out,
			 size_t size)
{
	unsigned char key[32];
	token_key(token, key);
	out[0] = '\0';
	pthread_mutex_lock(&s->lock);
	struct slot *x = slot_of(s, key, time(NULL));
	if (x && x->notice[0]) {
		snprintf(out, size, "%s", x->notice);
		x->notice[0] = '\0';
	}
	pthread_mutex_unlock(&s->lock);
	return out[0] != '\0';
}
