/*
 * server.c - iro serve: libmicrohttpd, a thread pool on epoll, TLS by
 * GnuTLS when given a certificate, limits on connections, time and
 * memory, and the headers every response carries (design.md, stack-notes
 * §1). The server's log has one line per request - the route's pattern,
 * never the path, query or user - so it holds no personal data.
 */
#include "lib/common.h"
#include <microhttpd.h>
#include "lib/err.h"
#include "core/date.h"
#include "web/route.h"
#include "web/web_int.h"

/* Content-Security-Policy: no inline script or style anywhere. */
static const char CSP[] =
	"default-src 'self'; script-src 'self'; style-src 'self'; "
	"img-src 'self' data:; font-src 'self'; connect-src 'self'; "
	"form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
	"object-src 'none'";


/* A pool thread's connection, closed as the thread ends. */
static void close_store(void *p)
{
	store_close(p);
}

struct store *web_store(struct web *app)
{
	struct store *st = pthread_getspecific(app->store_key);
	if (st)
		return st;
	struct err e;
	if (store_open(app->cfg.db_path, STORE_EXISTING, &st, &e)) {
		fprintf(stderr, "iro serve: cannot open the database: %s\n",
			e.msg);
		store_close(st);
		return NULL;
	}
	pthread_setspecific(app->store_key, st);
	return st;
}

static int32_t real_today(void)
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

struct conn {
	struct req r;
	struct timespec start;
};

static enum MHD_Result query_pair(void *ctx, enum MHD_ValueKind kind,
				  const char *key, const char *value)
{
	(void)kind;
	struct kvs *k = ctx;
	return kvs_add(k, key, value ? value : "") ? MHD_NO : MHD_YES;
}

static void header(struct MHD_Connection *c, enum MHD_ValueKind kind,
		   const char *name, char *out, size_t size)
{
	const char *v = MHD_lookup_connection_value(c, kind, name);
	snprintf(out, size, "%s", v ? v : "");
}

static void fill_request(struct req *r, struct MHD_Connection *c,
			 const char *url, const char *method)
{
	snprintf(r->method, sizeof r->method, "%s", method);
	snprintf(r->path, sizeof r->path, "%s", url);
	if (MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, query_pair,
				      &r->query) < 0)
		r->body_too_large = true;
	header(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE,
	       r->content_type, sizeof r->content_type);
	header(c, MHD_COOKIE_KIND, "iro_session", r->session_cookie,
	       sizeof r->session_cookie);
	header(c, MHD_COOKIE_KIND, "iro_signin", r->presession_cookie,
	       sizeof r->presession_cookie);
	header(c, MHD_HEADER_KIND, "X-CSRF-Token", r->csrf_header,
	       sizeof r->csrf_header);
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (ci && ci->client_addr && ci->client_addr->sa_family == AF_INET)
		inet_ntop(AF_INET,
			  &((const struct sockaddr_in *)(const void *)
				    ci->client_addr)
				   ->sin_addr,
			  r->client, sizeof r->client);
	r->tls = r->app->cfg.tls_cert != NULL;
	r->today = r->app->cfg.today != DATE_NONE ? r->app->cfg.today
						  : real_today();
}

static void add_headers(struct MHD_Response *resp, const struct req *r)
{
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE,
				r->content_type_out);
	MHD_add_response_header(resp, "Content-Security-Policy",
				r->csp ? r->csp : CSP);
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(resp, "Cross-Origin-Opener-Policy",
				"same-origin");
	MHD_add_response_header(resp, "Permissions-Policy",
				"camera=(), microphone=(), geolocation=()");
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL,
				r->immutable ? "public, max-age=31536000, "
					       "immutable"
					     : "no-store");
	if (r->tls)
		MHD_add_response_header(resp, "Strict-Transport-Security",
					"max-age=31536000");
	if (r->location[0])
		MHD_add_response_header(resp, MHD_HTTP_HEADER_LOCATION,
					r->location);
	if (r->set_cookie[0])
		MHD_add_response_header(resp, MHD_HTTP_HEADER_SET_COOKIE,
					r->set_cookie);
	if (r->disposition[0])
		MHD_add_response_header(resp, "Content-Disposition",
					r->disposition);
}

static void log_request(const struct conn *x, size_t bytes)
{
	if (x->r.app->cfg.quiet)
		return;
	struct timespec end;
	clock_gettime(CLOCK_MONOTONIC, &end);
	double ms = (double)(end.tv_sec - x->start.tv_sec) * 1e3 +
		    (double)(end.tv_nsec - x->start.tv_nsec) / 1e6;
	time_t now = time(NULL);
	struct tm tm;
	char at[32];
	gmtime_r(&now, &tm);
	strftime(at, sizeof at, "%Y-%m-%dT%H:%M:%SZ", &tm);
	fprintf(stderr, "%s %s %s %d %zu %.1fms\n", at, x->r.method,
		x->r.route ? x->r.route : "-", x->r.status, bytes, ms);
}

static enum MHD_Result respond(struct MHD_Connection *c, struct conn *x)
{
	struct req *r = &x->r;
	bool form = strncasecmp(r->content_type,
				"application/x-www-form-urlencoded", 33) == 0;
	r->st = web_store(r->app);
	if (!r->st) {
		web_error(r, 503, "The database cannot be opened just now.");
	} else if (form && !r->body_too_large &&
		   kvs_parse(&r->form, r->body.data ? r->body.data : "",
			     r->body.len)) {
		web_error(r, 400, "The form could not be read: it was not "
				  "encoded as a browser encodes forms.");
	} else {
		web_route(r);
	}
	if (r->st)
		store_idle(r->st); /* a page that failed half way */
	size_t bytes = r->out.len;
	struct MHD_Response *resp = MHD_create_response_from_buffer(
		r->out.len, r->out.data, MHD_RESPMEM_MUST_FREE);
	if (!resp)
		return MHD_NO;
	r->out.data = NULL; /* MHD frees it */
	r->out.len = r->out.cap = 0;
	add_headers(resp, r);
	enum MHD_Result rc = MHD_queue_response(c, (unsigned)r->status, resp);
	MHD_destroy_response(resp);
	log_request(x, bytes);
	return rc;
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c,
			      const char *url, const char *method,
			      const char *version, const char *upload_data,
			      size_t *upload_data_size, void **con_cls)
{
	(void)version;
	struct conn *x = *con_cls;
	if (!x) {
		/* Respond on a later call, not this first one, or MHD closes
		 * the connection after every request (stack-notes.md §1). */
		x = calloc(1, sizeof *x);
		if (!x)
			return MHD_NO;
		clock_gettime(CLOCK_MONOTONIC, &x->start);
		req_init(&x->r, cls);
		fill_request(&x->r, c, url, method);
		*con_cls = x;
		return MHD_YES;
	}
	if (*upload_data_size) {
		if (!x->r.body_too_large &&
		    buf_add(&x->r.body, upload_data, *upload_data_size))
			x->r.body_too_large = true;
		*upload_data_size = 0;
		return MHD_YES;
	}
	return respond(c, x);
}

static void completed(void *cls, struct MHD_Connection *c, void **con_cls,
		      enum MHD_RequestTerminationCode toe)
{
	(void)cls;
	(void)c;
	(void)toe;
	struct conn *x = *con_cls;
	if (!x)
		return;
	req_free(&x->r);
	free(x);
	*con_cls = NULL;
}

static int parse_listen(const char *listen, struct sockaddr_in *sa,
			struct err *err)
{
	memset(sa, 0, sizeof *sa);
	sa->sin_family = AF_INET;
	const char *colon = strrchr(listen, ':');
	char host[64];
	size_t n = colon ? (size_t)(colon - listen) : 0;
	if (!colon || n >= sizeof host || !colon[1] ||
	    strspn(colon + 1, "0123456789") != strlen(colon + 1))
		return err_set(err, "--listen \"%s\": give an address and port, "
				    "like 127.0.0.1:8080",
			       listen);
	memcpy(host, listen, n);
	host[n] = '\0';
	long port = strtol(colon + 1, NULL, 10);
	if (port < 1 || port > 65535)
		return err_set(err, "--listen \"%s\": the port must be 1 to "
				    "65535",
			       listen);
	if (strcmp(host, "localhost") == 0)
		snprintf(host, sizeof host, "127.0.0.1");
	if (inet_pton(AF_INET, host, &sa->sin_addr) != 1)
		return err_set(err, "--listen \"%s\": \"%s\" is not an IPv4 "
				    "address",
			       listen, host);
	sa->sin_port = htons((uint16_t)port);
	return 0;
}

static char *read_file(const char *path, struct err *err)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		err_set(err, "%s: %s", path, strerror(errno));
		return NULL;
	}
	struct buf b;
	buf_init(&b, 1u << 20);
	char chunk[4096];
	size_t n;
	int rc = 0;
	while (rc == 0 && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
		rc = buf_add(&b, chunk, n);
	fclose(f);
	if (rc || b.len == 0) {
		buf_free(&b);
		err_set(err, "%s: empty, or larger than 1 MiB", path);
		return NULL;
	}
	return b.data;
}

int web_serve(const struct web_config *cfg, struct err *err)
{
	struct sockaddr_in sa;
	if (parse_listen(cfg->listen, &sa, err))
		return -1;
	if (auth_init())
		return err_set(err, "libsodium would not start");
	struct web app = { .cfg = *cfg };
	char *cert = NULL, *key = NULL;
	if (cfg->tls_cert &&
	    (!(cert = read_file(cfg->tls_cert, err)) ||
	     !(key = read_file(cfg->tls_key, err)))) {
		free(cert);
		return -1;
	}
	app.sessions = sessions_new(1024, cfg->idle_seconds);
	app.throttle = throttle_new();
	if (!app.sessions || !app.throttle ||
	    pthread_key_create(&app.store_key, close_store)) {
		sessions_free(app.sessions);
		throttle_free(app.throttle);
		free(cert);
		free(key);
		return err_set(err, "out of memory");
	}
	/* Check the database once, here, so a wrong --db fails at start. */
	struct store *st;
	if (store_open(cfg->db_path, STORE_EXISTING, &st, err)) {
		sessions_free(app.sessions);
		throttle_free(app.throttle);
		free(cert);
		free(key);
		return -1;
	}
	store_close(st);

	/* SIGINT and SIGTERM are taken by sigwait below, not by a thread. */
	sigset_t stop;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);

	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL |
			 (cert ? MHD_USE_TLS : 0u);
	struct MHD_Daemon *d = MHD_start_daemon(
		flags, ntohs(sa.sin_port), NULL, NULL, handle, &app,
		MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
		MHD_OPTION_THREAD_POOL_SIZE, (unsigned)cfg->threads,
		MHD_OPTION_CONNECTION_LIMIT, 512u,
		MHD_OPTION_PER_IP_CONNECTION_LIMIT, 256u,
		MHD_OPTION_CONNECTION_TIMEOUT, 30u,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(128 * 1024),
		MHD_OPTION_NOTIFY_COMPLETED, completed, NULL,
		cert ? MHD_OPTION_HTTPS_MEM_CERT : MHD_OPTION_END, cert,
		MHD_OPTION_HTTPS_MEM_KEY, key, MHD_OPTION_HTTPS_PRIORITIES,
		"NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2", MHD_OPTION_END);
	int rc = 0;
	if (!d) {
		rc = err_set(err, "cannot listen on %s (in use, or the "
				  "certificate and key do not match)",
			     cfg->listen);
	} else {
		printf("iro serve: listening on %s://%s/\n",
		       cert ? "https" : "http", cfg->listen);
		fflush(stdout);
		int sig;
		sigwait(&stop, &sig);
		MHD_stop_daemon(d);
	}
	pthread_key_delete(app.store_key);
	sessions_free(app.sessions);
	throttle_free(app.throttle);
	free(cert);
	free(key);
	return rc;
}
