#!/bin/sh
# t_web_auth.sh - signing in and out, sessions, CSRF, the throttle, the
# security headers and the server log (issue 6: Security).
. "$(dirname "$0")/lib.sh"
SERVE_ARGS="--idle 5"
web_setup || { not_ok "the server started"; done_testing; exit 1; }

same "a page needs a signed-in user: redirected to sign in" \
	"$(http - GET /worklist)" 303
contains "the redirect keeps where the user was going" \
	"$(grep -i '^location:' "$T/headers")" "/sign-in?next=%2Fworklist"

code=$(http - GET /sign-in)
same "the sign-in page is open to all" "$code" 200
contains "it has a username box" "$(cat "$T/body")" 'autocomplete="username"'
h=$(cat "$T/headers")
contains "CSP without unsafe-inline" "$h" "Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'"
case $h in *unsafe-inline*) not_ok "no unsafe-inline anywhere" ;; *) ok "no unsafe-inline anywhere" ;; esac
contains "nosniff" "$h" "X-Content-Type-Options: nosniff"
contains "frames denied" "$h" "X-Frame-Options: DENY"
contains "no referrer" "$h" "Referrer-Policy: no-referrer"
contains "pages are not cached" "$h" "Cache-Control: no-store"
contains "the sign-in form's CSRF cookie is HttpOnly and SameSite=Strict" \
	"$h" "; Path=/sign-in; HttpOnly; SameSite=Strict"

# The sign-in form without its cookie's token is refused.
code=$(curl -s -o "$T/body" -w '%{http_code}' --data-urlencode "csrf=forged" \
	--data-urlencode "username=iro1" --data-urlencode "password=$PW" "$BASE/sign-in")
same "a sign-in without the form's token is refused (CSRF)" "$code" 403

check "an IRO signs in through the form" signin iro1
contains "the session cookie is HttpOnly and SameSite=Strict, not Secure over HTTP" \
	"$(grep iro_session "$T/jar.iro1" | cut -f1-7 | tr '\t' ' ')" "#HttpOnly_127.0.0.1"
same "the IRO's front door is the worklist" \
	"$(http iro1 GET /)" 303
contains "... which is /worklist" "$(grep -i '^location:' "$T/headers")" "/worklist"
same "the IRO sees their worklist" "$(http iro1 GET /worklist)" 200
contains "the page names the IRO" "$(cat "$T/body")" "$IRO1"
contains "the header says who is signed in" "$(cat "$T/body")" "(IRO)"

# A wrong password, an unknown user and an empty form.
signin iro2 "wrong password 123" && not_ok "a wrong password signs in" || ok "a wrong password does not sign in"
http anon GET /sign-in >/dev/null
tok=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$T/body" | head -n 1)
code=$(http anon POST /sign-in --data-urlencode "csrf=$tok" --data-urlencode "username=" --data-urlencode "password=")
same "an empty sign-in form comes back" "$code" 200
contains "... with the error summary" "$(cat "$T/body")" "There is a problem"
contains "... naming the username" "$(cat "$T/body")" 'href="#username">Enter your username'
contains "... and the password" "$(cat "$T/body")" 'href="#password">Enter your password'

# The throttle: five failures for one username lock it for 15 minutes,
# even against the right password.
for i in 1 2 3 4 5; do signin auditor "not the password $i"; done
signin auditor && not_ok "the right password after 5 failures is refused" || ok "the right password after 5 failures is refused"
http anon GET /sign-in >/dev/null
tok=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$T/body" | head -n 1)
code=$(http anon POST /sign-in --data-urlencode "csrf=$tok" --data-urlencode "username=auditor" --data-urlencode "password=$PW")
same "... with 429 Too Many Requests" "$code" 429
check "another user still signs in" signin analyst

# CSRF: a state-changing request without the session's token is refused.
# (Signed in again: the sign-ins above may outlast the 5 idle seconds.)
check "the IRO signs in again" signin iro1
code=$(http iro1 POST /sign-out --data-urlencode "csrf=wrong")
same "sign-out without the CSRF token is refused" "$code" 403
same "... and the session is still live" "$(http iro1 GET /worklist)" 200

# Roles: an analyst may not see a worklist.
same "an analyst is refused the worklist (403)" "$(http analyst GET /worklist)" 403

# Signing out ends the session.
code=$(post iro1 /sign-out)
same "sign-out with the token redirects" "$code" 303
same "after signing out the worklist needs sign-in again" "$(http iro1 GET /worklist)" 303

# Inactivity: the session ends after --idle seconds unused.
check "the manager signs in" signin manager
same "the manager's worklist" "$(http manager GET /worklist)" 200
sleep 6
same "after 6 idle seconds (--idle 5) the session has ended" "$(http manager GET /worklist)" 303
contains "... and sign-in says why" "$(grep -i '^location:' "$T/headers")" "ended=1"

# A disabled user cannot sign in, and their live session ends.
check "iro2 signs in" signin iro2
"$IRO" user disable iro2 >/dev/null
same "a disabled user's session ends at the next request" "$(http iro2 GET /worklist)" 303
signin iro2 && not_ok "a disabled user cannot sign in" || ok "a disabled user cannot sign in"

# The audit log has the sign-ins, the failures and the refusals.
audit=$(sqlite3 "$DB" "SELECT action || ' ' || actor FROM audit WHERE entity = 'session'")
contains "the audit log has a sign-in" "$audit" "signin web:iro1"
contains "... a failed sign-in" "$audit" "signin_failed web:iro2"
contains "... a throttled one" "$audit" "signin_refused web:auditor"
contains "... and a sign-out" "$audit" "signout web:iro1"
same "the worklist view is audited" \
	"$(sqlite3 "$DB" "SELECT count(*) > 0 FROM audit WHERE entity = 'worklist' AND actor = 'web:iro1'")" 1

# The server log: routes and statuses, no names, ids or passwords.
log=$(cat "$T/server.log")
contains "the server logs each request by its route" "$log" "GET /worklist 200"
case $log in
*"$PW"* | *iro1* | *"$IRO1"* | *next=*) not_ok "the server log holds no personal data or query" "$log" ;;
*) ok "the server log holds no personal data or query" ;;
esac

# Assets are served with long caching, from the binary.
css=$(sed -n 's/.*href="\(\/assets\/govuk-frontend-[^"]*\.css\)".*/\1/p' "$T/csrf.analyst" | head -n 1)
same "the GOV.UK Frontend CSS is served" "$(http - GET "$css")" 200
contains "... cached for a year" "$(cat "$T/headers")" "max-age=31536000, immutable"
case $(cat "$T/body") in
*"GDS Transport"*) not_ok "... without the GDS Transport font" ;;
*) ok "... without the GDS Transport font" ;;
esac
case $(cat "$T/csrf.analyst") in
*crest* | *logotype* | *govuk-header*) not_ok "pages carry no crown, logotype or GOV.UK header" ;;
*) ok "pages carry no crown, logotype or GOV.UK header" ;;
esac
same "an unknown path is 404" "$(http analyst GET /no/such/page)" 404

done_testing
