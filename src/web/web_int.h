/*
 * web_int.h - what the server's files share and nothing outside src/web
 * sees: the server's state.
 */
#ifndef IRO_WEB_INT_H
#define IRO_WEB_INT_H

#include "web/auth.h"
#include "web/session.h"
#include "web/web.h"

struct web {
	struct web_config cfg;
	struct sessions *sessions;
	struct throttle *throttle;
	pthread_key_t store_key; /* each thread's connection */
};

/* The store connection of the calling thread (opened on first use), or
 * NULL when it cannot be opened. */
struct store *web_store(struct web *app);

#endif
