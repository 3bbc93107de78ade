/*
 * web.h - iro's web server (`iro serve`): one process, libmicrohttpd with
 * a thread pool, TLS through GnuTLS when given a certificate, and a
 * connection to the store per thread (design.md §1, stack-notes.md §1).
 */
#ifndef IRO_WEB_H
#define IRO_WEB_H

#include <stdbool.h>
#include <stdint.h>

struct err;

struct web_config {
	const char *db_path;
	const char *listen;      /* "127.0.0.1:8080" */
	const char *tls_cert;    /* PEM files, or NULL for plain HTTP */
	const char *tls_key;
	int idle_seconds;        /* a session ends after this long idle */
	int32_t today;           /* DATE_NONE: the real date (demos, tests) */
	int threads;
	bool quiet;              /* no request log */
};

/* Serves until SIGINT or SIGTERM; -1 with err when it cannot start. */
int web_serve(const struct web_config *cfg, struct err *err);

#endif
