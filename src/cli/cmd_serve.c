/*
 * cmd_serve.c - iro serve: the web application (src/web, docs/api.md).
 */
#include "lib/common.h"
#include "lib/err.h"
#include "core/date.h"
#include "web/web.h"
#include "cli/cli.h"

extern const struct command CMD_SERVE;

static const char *opt_listen, *opt_cert, *opt_key, *opt_idle, *opt_today,
	*opt_threads, *opt_quiet;

static int run(const char *db, const char *const *pos)
{
	(void)pos;
	const struct command *cmd = &CMD_SERVE;
	struct web_config cfg = {
		.db_path = cli_db_path(db),
		.listen = opt_listen ? opt_listen : "127.0.0.1:8080",
		.tls_cert = opt_cert,
		.tls_key = opt_key,
		.idle_seconds = 30 * 60,
		.today = DATE_NONE,
		.threads = 4,
		.quiet = opt_quiet != NULL,
	};
	long idle = cfg.idle_seconds, threads = cfg.threads;
	if ((opt_idle && cli_int(cmd, "--idle", opt_idle, 1, 24 * 3600,
				 &idle)) ||
	    (opt_threads && cli_int(cmd, "--threads", opt_threads, 1, 64,
				    &threads)) ||
	    (opt_today && cli_date(cmd, "--today", opt_today, DATE_NONE,
				   &cfg.today)))
		return 2;
	if ((opt_cert != NULL) != (opt_key != NULL))
		return args_bad(cmd, opt_cert ? "--tls-key" : "--tls-cert", "",
				"TLS needs both the certificate and the key");
	cfg.idle_seconds = (int)idle;
	cfg.threads = (int)threads;
	struct err e = { "" };
	if (web_serve(&cfg, &e)) {
		fprintf(stderr, "iro serve: %s\n", e.msg);
		return 1;
	}
	return 0;
}

static const struct opt OPTS[] = {
	{ "listen", "ADDR:PORT", "where to listen (default 127.0.0.1:8080)",
	  &opt_listen },
	{ "tls-cert", "FILE", "serve HTTPS with this PEM certificate",
	  &opt_cert },
	{ "tls-key", "FILE", "and this PEM private key", &opt_key },
	{ "idle", "SECONDS", "sign a user out after this long unused "
			     "(default 1800)", &opt_idle },
	{ "threads", "N", "worker threads (default 4)", &opt_threads },
	{ "today", "DATE", "take this as today's date (demonstrations and "
			   "tests)", &opt_today },
	{ "quiet", NULL, "no request log on stderr", &opt_quiet },
	{ NULL, NULL, NULL, NULL },
};

const struct command CMD_SERVE = {
	.name = "serve",
	.summary = "Serve iro's web pages and JSON API.",
	.details =
		"Runs until stopped (Ctrl-C, SIGTERM). People sign in as users "
		"made with\n`iro user add`; each role sees what spec §1 says. "
		"Without --tls-cert the\nserver speaks plain HTTP: put it behind "
		"a TLS proxy, or listen only on\n127.0.0.1. The log on stderr "
		"has one line per request (route, status,\ntime) and no "
		"personal data. docs/api.md describes the JSON API.",
	.opts = OPTS,
	.run = run,
};
