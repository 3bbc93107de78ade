# tests/web/lib.sh - sourced by every tests/web/t_*.sh: the integration
# helpers (TAP, check, same, contains) plus a running `iro serve` on a
# synthetic service with one user of each role.
#
#   web_setup            makes $DB, the users and starts the server at $BASE
#   signin USER          signs USER in through the real form (cookie jar)
#   http USER METHOD PATH [curl args...]
#                        prints the status code; the body is in $T/body,
#                        the headers in $T/headers. USER "-" has no cookie.
#   csrf USER            the CSRF token of USER's session
#   post USER PATH NAME=VALUE...
#                        a form POST carrying USER's CSRF token
#
# Users (password $PW): iro1 and iro2 (IROs of the first two IRO records,
# $IRO1 and $IRO2), manager, analyst, admin, auditor. TLS=yes serves
# HTTPS with a self-signed certificate (curl -k, in $K).

. "$(dirname "$0")/../integration/lib.sh"

PW="correct horse battery"
TODAY=${TODAY:-2026-03-31}
SERVER=""

# Stops the server; a sanitizer build reports leaks as it exits, and any
# report in its log is a failure.
_web_stop() {
	if [ -n "$SERVER" ]; then
		kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null
		if grep -q 'Sanitizer' "$T/server.log" 2>/dev/null; then
			echo "not ok - the server ran clean under the sanitizers"
			grep -A12 'Sanitizer' "$T/server.log" | head -n 40 | sed 's/^/# /'
		fi
	fi
	rm -rf "$T"
}
trap _web_stop EXIT INT TERM

web_setup() {
	DB=$T/web.db
	export IRO_DB=$DB
	"$IRO" synth --children "${CHILDREN:-120}" --seed "${SEED:-11}" \
		--year 2025-26 --out "$T/synth" >/dev/null || return 1
	new_db "$DB"
	"$IRO" load "$T/synth/service.jsonl" --db "$DB" >/dev/null || return 1
	IRO1=$("$IRO" list iro --format csv --db "$DB" | sed -n 2p | cut -d, -f2)
	IRO2=$("$IRO" list iro --format csv --db "$DB" | sed -n 3p | cut -d, -f2)
	echo "$PW" | "$IRO" user add iro1 --role iro --iro "$IRO1" --name "$IRO1" >/dev/null
	echo "$PW" | "$IRO" user add iro2 --role iro --iro "$IRO2" --name "$IRO2" >/dev/null
	for role in manager analyst admin auditor; do
		echo "$PW" | "$IRO" user add $role --role $role --name "A $role" >/dev/null
	done
	PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
	BASE=http://127.0.0.1:$PORT
	K=""
	if [ "${TLS:-}" = yes ]; then
		# A self-signed certificate for 127.0.0.1; curl takes it (-k).
		openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
			-keyout "$T/key.pem" -out "$T/cert.pem" 2>/dev/null || return 1
		SERVE_ARGS="${SERVE_ARGS:-} --tls-cert $T/cert.pem --tls-key $T/key.pem"
		BASE=https://127.0.0.1:$PORT
		K=-k
	fi
	# shellcheck disable=SC2086
	"$IRO" serve --db "$DB" --listen "127.0.0.1:$PORT" --today "$TODAY" \
		--threads 2 ${SERVE_ARGS:-} >"$T/server.out" 2>"$T/server.log" &
	SERVER=$!
	for _ in $(seq 1 100); do
		curl -s $K -o /dev/null "$BASE/sign-in" && return 0
		sleep 0.1
	done
	echo "# the server did not start: $(cat "$T/server.log")"
	return 1
}

http() {
	user=$1 method=$2 path=$3
	shift 3
	jar=$T/jar.$user
	[ "$user" = "-" ] && jar=/dev/null
	curl -s $K -X "$method" -b "$jar" -c "$jar" -o "$T/body" -D "$T/headers" \
		-w '%{http_code}' "$@" "$BASE$path"
}

csrf() {
	sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$T/csrf.$1" 2>/dev/null | head -n 1
}

signin() {
	user=$1
	jar=$T/jar.$user
	rm -f "$jar"
	curl -s $K -b "$jar" -c "$jar" -o "$T/body" "$BASE/sign-in"
	token=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$T/body" | head -n 1)
	code=$(curl -s $K -b "$jar" -c "$jar" -o /dev/null -w '%{http_code}' \
		--data-urlencode "csrf=$token" --data-urlencode "username=$user" \
		--data-urlencode "password=${2:-$PW}" "$BASE/sign-in")
	# Keep a page with the session's CSRF token (the sign-out form's).
	curl -s $K -b "$jar" -c "$jar" -L -o "$T/csrf.$user" "$BASE/"
	[ "$code" = 303 ]
}

post() {
	user=$1 path=$2
	shift 2
	tok=$(csrf "$user")
	for kv in "$@"; do
		set -- "$@" --data-urlencode "$kv"
		shift
	done
	http "$user" POST "$path" --data-urlencode "csrf=$tok" "$@"
}
