#!/bin/sh
# bench/bench_web.sh [IRO] [--duration SECONDS] [--soak SECONDS] - the web
# server under load: one IRO's worklist page (about 70 children on their
# caseload) served by `iro serve` against the same bytes served as a static
# file by nginx, both with wrk on loopback at 64 keep-alive connections;
# then a soak (default 10 minutes) against iro while its resident memory
# is sampled every 10 s. Results go to docs/performance.md by hand, with
# the machine they were measured on.
#
#   sh bench/bench_web.sh build/iro                   # 30 s each, 600 s soak
#   sh bench/bench_web.sh build/iro --duration 5 --soak 30
#
# Environment: CHILDREN (synthetic service size, default 2000), THREADS
# (iro serve --threads, default 4, the server's default), CONNS (64).
set -eu
IRO=build/iro
DURATION=30
SOAK=600
while [ $# -gt 0 ]; do
	case $1 in
	--duration) DURATION=$2; shift 2 ;;
	--soak) SOAK=$2; shift 2 ;;
	-*) echo "usage: bench_web.sh [IRO] [--duration SECONDS] [--soak SECONDS]" >&2; exit 2 ;;
	*) IRO=$1; shift ;;
	esac
done
case $IRO in /*) ;; *) IRO=$(pwd)/$IRO ;; esac
N=${CHILDREN:-2000}
THREADS=${THREADS:-4}
CONNS=${CONNS:-64}
AS_OF=2026-03-31
PW="correct horse battery"

. "$(dirname "$0")/lib.sh"

# wrk and nginx (nginx-light is enough: a static file) when missing, as
# scripts/install-deps.sh installs packages.
need=""
command -v wrk >/dev/null 2>&1 || need="$need wrk"
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need="$need nginx-light"
if [ -n "$need" ]; then
	SUDO=""
	[ "$(id -u)" -eq 0 ] || SUDO=sudo
	echo "bench_web: installing$need" >&2
	export DEBIAN_FRONTEND=noninteractive
	# shellcheck disable=SC2086
	$SUDO apt-get install -y --no-install-recommends $need >&2 ||
		{ $SUDO apt-get update >&2 && $SUDO apt-get install -y --no-install-recommends $need >&2; }
fi
NGINX=$(command -v nginx 2>/dev/null || echo /usr/sbin/nginx)

SERVER="" NGX=""
cleanup() {
	[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null
	[ -n "$NGX" ] && kill "$NGX" 2>/dev/null && wait "$NGX" 2>/dev/null
	rm -rf "$W"
}
trap cleanup EXIT INT TERM

freeport() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# The service, and the IRO whose caseload on the day is nearest 70.
"$IRO" synth --children "$N" --seed 1 --year 2025-26 --out "$W/s" >/dev/null
"$IRO" init --db "$W/b.db" >/dev/null
"$IRO" load "$W/s/service.jsonl" --db "$W/b.db" >/dev/null
export IRO_DB="$W/b.db"
"$IRO" caseload --as-of "$AS_OF" --format csv >"$W/caseload.csv"
pick=$(python3 - "$W/caseload.csv" <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
r = min(rows, key=lambda r: abs(int(r["children"]) - 70))
print(r["children"] + "\t" + r["iro"])
EOF
)
kids=${pick%%"	"*}
name=${pick#*"	"}
echo "$PW" | "$IRO" user add bench --role iro --iro "$name" --name "$name" >/dev/null

PORT=$(freeport)
"$IRO" serve --listen "127.0.0.1:$PORT" --today "$AS_OF" --threads "$THREADS" --quiet \
	>"$W/server.out" 2>"$W/server.log" &
SERVER=$!
BASE=http://127.0.0.1:$PORT
up=0
for _ in $(seq 1 100); do
	curl -s -o /dev/null "$BASE/sign-in" && { up=1; break; }
	sleep 0.1
done
[ $up = 1 ] || { echo "bench_web: iro serve did not start: $(cat "$W/server.log")" >&2; exit 1; }

# Sign in through the form; the session cookie is what wrk sends.
jar=$W/jar
curl -s -b "$jar" -c "$jar" -o "$W/signin.html" "$BASE/sign-in"
tok=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$W/signin.html" | head -n 1)
code=$(curl -s -b "$jar" -c "$jar" -o /dev/null -w '%{http_code}' \
	--data-urlencode "csrf=$tok" --data-urlencode "username=bench" \
	--data-urlencode "password=$PW" "$BASE/sign-in")
[ "$code" = 303 ] || { echo "bench_web: sign-in gave $code" >&2; exit 1; }
cookie=$(awk '$6 == "iro_session" { print $6 "=" $7 }' "$jar")
[ -n "$cookie" ] || { echo "bench_web: no session cookie" >&2; exit 1; }
mkdir -p "$W/www"
code=$(curl -s -H "Cookie: $cookie" -o "$W/www/worklist.html" -w '%{http_code}' "$BASE/worklist")
[ "$code" = 200 ] || { echo "bench_web: /worklist gave $code" >&2; exit 1; }
bytes=$(wc -c <"$W/www/worklist.html")
items=$(sed -n 's/.*: \([0-9]*\) items\{0,1\} in all\..*/\1/p' "$W/www/worklist.html" | head -n 1)

# nginx: the page's exact bytes as a static file, keep-alive, no log.
NPORT=$(freeport)
mkdir -p "$W/nginx/logs" "$W/nginx/tmp"
chmod 755 "$W" "$W/www"
user=""
[ "$(id -u)" -eq 0 ] && user="user root;"
cat >"$W/nginx/nginx.conf" <<EOF
$user
worker_processes auto;
pid $W/nginx/nginx.pid;
error_log $W/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
	access_log off;
	client_body_temp_path $W/nginx/tmp/body;
	proxy_temp_path $W/nginx/tmp/proxy;
	fastcgi_temp_path $W/nginx/tmp/fastcgi;
	uwsgi_temp_path $W/nginx/tmp/uwsgi;
	scgi_temp_path $W/nginx/tmp/scgi;
	sendfile on;
	keepalive_timeout 65;
	keepalive_requests 1000000;
	server {
		listen 127.0.0.1:$NPORT;
		location = /worklist {
			default_type "text/html; charset=utf-8";
			alias $W/www/worklist.html;
		}
	}
}
EOF
"$NGINX" -p "$W/nginx" -c "$W/nginx/nginx.conf" -g 'daemon off;' 2>"$W/nginx/stderr" &
NGX=$!
up=0
for _ in $(seq 1 50); do
	curl -s -o /dev/null "http://127.0.0.1:$NPORT/worklist" && { up=1; break; }
	sleep 0.1
done
[ $up = 1 ] || { echo "bench_web: nginx did not start: $(cat "$W/nginx/stderr" "$W/nginx/logs/error.log")" >&2; exit 1; }
cmp -s "$W/www/worklist.html" "$(curl -s -o "$W/ngx.html" "http://127.0.0.1:$NPORT/worklist"; echo "$W/ngx.html")" ||
	{ echo "bench_web: nginx serves other bytes" >&2; exit 1; }

# wrk's summary: requests/s, p99 in ms, non-2xx count, socket errors.
wrk_run() { # OUT SECONDS URL [HEADER]
	out=$1 secs=$2 url=$3
	shift 3
	wrk -t2 -c"$CONNS" -d"${secs}s" --latency "$@" "$url" >"$out"
}
summary() {
	awk '
	function ms(v) {
		if (v ~ /us$/) return v / 1000
		if (v ~ /ms$/) return v + 0
		if (v ~ /m$/) return v * 60000
		if (v ~ /s$/) return v * 1000
		return v
	}
	/Requests\/sec:/ { rps = $2 }
	$1 == "99%" { p99 = ms($2) }
	/Non-2xx/ { bad = $NF }
	/Socket errors/ { err = $0; sub(/.*Socket errors: /, "", err) }
	/requests in/ { n = $1 }
	END { printf "%s %s %s %s|%s\n", rps, p99, n, bad + 0, err }' "$1"
}

echo "iro web benchmark: $N children, $(nproc) cores, $(uname -m), $(date -u +%Y-%m-%d)"
echo "IRO with $kids children on $AS_OF; worklist page: $bytes bytes, $items items (the first 50 shown)"
echo "iro serve --threads $THREADS; nginx $("$NGINX" -v 2>&1 | sed 's/.*nginx\///'), worker_processes auto; wrk -t2 -c$CONNS -d${DURATION}s"
echo
wrk_run "$W/wrk.iro" "$DURATION" "$BASE/worklist" -H "Cookie: $cookie"
wrk_run "$W/wrk.ngx" "$DURATION" "http://127.0.0.1:$NPORT/worklist"
set -- $(summary "$W/wrk.iro")
irps=$1 ip99=$2 in=$3 ibad=${4%%|*}
ierr=$(summary "$W/wrk.iro" | cut -d'|' -f2)
set -- $(summary "$W/wrk.ngx")
nrps=$1 np99=$2
nerr=$(summary "$W/wrk.ngx" | cut -d'|' -f2)
echo "| server | requests/s | p99 latency |"
echo "|---|---:|---:|"
printf '| iro serve, /worklist (signed in) | %.0f | %.2f ms |\n' "$irps" "$ip99"
printf '| nginx, the same bytes as a static file | %.0f | %.2f ms |\n' "$nrps" "$np99"
awk -v a="$irps" -v b="$nrps" -v c="$ip99" -v d="$np99" 'BEGIN {
	printf "| iro / nginx | %.3f | %.1f× |\n", a / b, c / d }'
echo
echo "iro: $in requests, $ibad not 2xx${ierr:+, socket errors: $ierr}; nginx${nerr:+ socket errors: $nerr}"
[ "$ibad" = 0 ] || { echo "bench_web: iro answered $ibad requests with other than 2xx" >&2; exit 1; }
kill "$NGX" 2>/dev/null && wait "$NGX" 2>/dev/null
NGX=""

# The soak: wrk against iro for SOAK seconds, RSS sampled every 10 s.
[ "$SOAK" -gt 0 ] || exit 0
rss() { awk '/^VmRSS:/ { r = $2 } /^RssAnon:/ { a = $2 } END { print r, a }' "/proc/$SERVER/status"; }
echo
echo "soak: wrk -t2 -c$CONNS -d${SOAK}s against /worklist; VmRSS (RssAnon) of iro serve every 10 s, in kB"
wrk_run "$W/wrk.soak" "$SOAK" "$BASE/worklist" -H "Cookie: $cookie" &
WRK=$!
t=0
: >"$W/rss"
while kill -0 "$WRK" 2>/dev/null; do
	echo "$t $(rss)" >>"$W/rss"
	sleep 10
	t=$((t + 10))
done
wait "$WRK" || true
echo "$t $(rss)" >>"$W/rss"
set -- $(summary "$W/wrk.soak")
echo "soak: $(printf '%.0f' "$1") requests/s, p99 $2 ms, $3 requests, ${4%%|*} not 2xx"
printf 'VmRSS series (s:kB):'
awk '{ printf " %s:%s", $1, $2 } END { print "" }' "$W/rss"
printf 'RssAnon series (s:kB):'
awk '{ printf " %s:%s", $1, $3 } END { print "" }' "$W/rss"
# VmRSS includes the database's pages mapped by SQLite (mmap_size), which
# come and go with the page cache; the heap is RssAnon. Flat: under load,
# after the first minute (caches, thread stacks and malloc arenas warm),
# the heap grows by less than 5% and 1 MB to the last sample under load.
awk '
	NR == 1 { s = $2; sa = $3 }
	{ if ($2 > m) { m = $2; mt = $1 } if ($3 > ma) ma = $3; e = $2; ea = $3; t[NR] = $1; a[NR] = $3 }
	END {
		last = NR > 1 ? NR - 1 : NR     # the last sample taken under load
		w = t[last] >= 120 ? 60 : 10   # warm-up: a minute, 10 s in short runs
		b = a[1]; for (i = 1; i <= last; i++) if (t[i] >= w) { b = a[i]; break }
		mb = b; for (i = 1; i <= last; i++) if (t[i] >= w && t[i] <= t[last] / 2 && a[i] > mb) mb = a[i]
		flat = (a[last] - mb) < 1024 && (a[last] - mb) < 0.05 * mb
		printf "VmRSS: start %.1f MB, max %.1f MB (at %d s), end %.1f MB\n", s / 1024, m / 1024, mt, e / 1024
		printf "RssAnon (heap): start %.1f MB, max %.1f MB, %.1f MB after warm-up, %.1f MB at the last sample under load, %.1f MB after it: %s\n",
			sa / 1024, ma / 1024, b / 1024, a[last] / 1024, ea / 1024, flat ? "flat" : "GROWING"
	}' "$W/rss"
echo "database after the runs: $(du -h "$W/b.db" | cut -f1) (each worklist view is audited)"
