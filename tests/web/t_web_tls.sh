#!/bin/sh
# t_web_tls.sh - iro serve --tls-cert/--tls-key: HTTPS only (TLS 1.2 and
# 1.3), the session cookie marked Secure, and HSTS on every response.
. "$(dirname "$0")/lib.sh"
TLS=yes
CHILDREN=20
web_setup || { not_ok "the HTTPS server started"; done_testing; exit 1; }

same "the sign-in page over HTTPS" "$(http - GET /sign-in)" 200
contains "... with HSTS" "$(cat "$T/headers")" "Strict-Transport-Security: max-age=31536000"
contains "... and the sign-in form's cookie Secure" "$(cat "$T/headers")" "SameSite=Strict; Secure"
check "the manager signs in over HTTPS" signin manager
same "... and sees the worklist" "$(http manager GET /worklist)" 200
grep -q "iro_session" "$T/jar.manager" && ok "the session cookie was set" || not_ok "the session cookie was set"
same "the session cookie is marked Secure in the jar" \
	"$(awk '$6 == "iro_session" { print $4 }' "$T/jar.manager")" TRUE
proto=$(curl -s -k -o /dev/null -w '%{scheme}' "$BASE/sign-in")
contains "curl speaks HTTPS to it" "$proto" "HTTPS"
code=$(curl -s -k --tls-max 1.1 -o /dev/null -w '%{http_code}' "$BASE/sign-in" 2>/dev/null)
same "TLS 1.1 is refused" "$code" 000
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/sign-in" 2>/dev/null)
case $code in 200 | 303) not_ok "plain HTTP is not served on the HTTPS port ($code)" ;; *) ok "plain HTTP is not served on the HTTPS port" ;; esac

done_testing
