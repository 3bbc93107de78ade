#!/bin/sh
# t_web_caseload.sh - the caseloads pages and reallocating a child: who may
# see and do what, a reallocation moving a child from one IRO's caseload to
# another's, and bad input leaving the database as it was.
. "$(dirname "$0")/lib.sh"
web_setup || { not_ok "the server started"; done_testing; exit 1; }
# The synthetic service: IRO1 left in 2022, IRO2 holds every child; a
# third IRO joins to take children over.
ID1=$("$IRO" list iro --format csv --db "$DB" | sed -n 2p | cut -d, -f1)
ID2=$("$IRO" list iro --format csv --db "$DB" | sed -n 3p | cut -d, -f1)
"$IRO" add iro --name "Priya Shah" --team South --start 2024-01-01 --db "$DB" >/dev/null
ID3=$("$IRO" list iro --format csv --db "$DB" | grep ',Priya Shah,' | cut -d, -f1)
# has DESCRIPTION NEEDLE: the last page holds NEEDLE (the page not printed).
has() { if grep -qF -- "$2" "$T/body"; then ok "$1"; else not_ok "$1" "missing: $2"; fi; }
for u in iro1 iro2 manager analyst admin auditor; do signin "$u"; done
# The database but the audit log's reads: a page shown again with its
# errors logs that it was read, and that is not a write.
digest() { sqlite3 "$DB" .dump | grep -v "^INSERT INTO audit VALUES([0-9]*,'[^']*','[^']*','read'," | sha256sum; }

# ---- Who may see what -------------------------------------------------------
same "a manager sees every caseload" "$(http manager GET /caseloads)" 200
has "... with each IRO in post" "$IRO2"
has "... the new one too" "Priya Shah"
has "... IRO2 flagged over 70 per FTE" 'govuk-tag--red">Over 70 per FTE'
has "... with a caption" "<caption"
same "... sortable by children per FTE" "$(http manager GET '/caseloads?sort=per_fte&dir=desc')" 200
same "... filtered by team" "$(http manager GET "/caseloads?team=South")" 200
has "... keeps the team's IRO" "Priya Shah"
case $(cat "$T/body") in *"$IRO2</a>"*) not_ok "... and no other" ;; *) ok "... and no other" ;; esac
same "an IRO is sent to their own caseload" "$(http iro1 GET /caseloads)" 303
contains "... /caseloads/ID" "$(grep -i '^location:' "$T/headers")" "/caseloads/$ID1"
same "an IRO sees their own caseload" "$(http iro1 GET /caseloads/$ID1)" 200
has "... naming them" "$IRO1"
same "an IRO may not see another's" "$(http iro1 GET /caseloads/$ID2)" 403
same "there is no IRO 99999" "$(http manager GET /caseloads/99999)" 404
for u in analyst admin auditor; do
	same "$u is refused the caseloads (403)" "$(http $u GET /caseloads)" 403
	same "$u is refused a caseload (403)" "$(http $u GET /caseloads/$ID1)" 403
done
audits=$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE entity = 'caseload'")
[ "$audits" -ge 3 ] && ok "each caseload page is audited ($audits)" || not_ok "each caseload page is audited" "$audits"

same "IRO2 sees their own caseload" "$(http iro2 GET /caseloads/$ID2)" 200
has "... paginated, 50 a page" 'href="?page=2"'
# A child of IRO2's (not a cover case).
http manager GET "/caseloads/$ID2?sort=child" >/dev/null
row=$(grep -o '<tr class="govuk-table__row"><td class="govuk-table__cell"><a class="govuk-link" href="/children/[0-9]*">[^<]*</a></td><td class="govuk-table__cell">[^<]*</td><td class="govuk-table__cell">\(new\|transfer\)<' "$T/body" | head -n 1)
CHILD=$(echo "$row" | sed 's|.*href="/children/\([0-9]*\)".*|\1|')
LA=$(echo "$row" | sed 's|.*href="/children/[0-9]*">\([^<]*\)<.*|\1|')
[ -n "$CHILD" ] && ok "IRO2 has a child ($LA)" || not_ok "IRO2 has a child"

# ---- Reallocating -----------------------------------------------------------
same "a manager opens the reallocation form" "$(http manager GET /children/$CHILD/allocate)" 200
has "... with the IROs to choose" "Priya Shah"
has "... a fieldset for the reason" "<legend"
has "... and the CSRF token" 'name="csrf"'
for u in iro1 iro2 analyst admin auditor; do
	same "$u is refused the reallocation form (403)" "$(http $u GET /children/$CHILD/allocate)" 403
	same "$u may not reallocate (403)" "$(post $u /children/$CHILD/allocate iro="$IRO2" reason=transfer from-day=1 from-month=4 from-year=2026)" 403
done
same "a child that is not there is 404" "$(http manager GET /children/999999/allocate)" 404

before=$(digest)
same "an empty form comes back (400)" "$(post manager /children/$CHILD/allocate)" 400
has "... with the error summary" "There is a problem"
has "... naming the IRO box" 'href="#iro">Choose the new IRO'
has "... and the reason" "Choose transfer or cover"
same "... nothing written" "$(digest)" "$before"
same "a date that is not one comes back (400)" "$(post manager /children/$CHILD/allocate iro="$IRO2" reason=transfer from-day=31 from-month=2 from-year=2026 override="kept text")" 400
has "... saying so" "real date"
has "... keeping what was typed" "kept text"
same "... nothing written" "$(digest)" "$before"
same "cover needs an end date (400)" "$(post manager /children/$CHILD/allocate iro="$IRO2" reason=cover from-day=1 from-month=4 from-year=2026)" 400
has "... saying so" "Enter the last day of cover"
same "... nothing written" "$(digest)" "$before"
same "the store's rules refuse an IRO who is not one (400)" "$(post manager /children/$CHILD/allocate iro="Nobody at all" reason=transfer from-day=1 from-month=4 from-year=2026)" 400
has "... by the IRO box" 'href="#iro"'
same "... nothing written" "$(digest)" "$before"

code=$(post manager /children/$CHILD/allocate iro="Priya Shah" reason=transfer from-day=31 from-month=3 from-year=2026 override="placed apart")
same "a transfer to Priya Shah from today" "$code" 303
contains "... back to the child" "$(grep -i '^location:' "$T/headers")" "/children/$CHILD?done=allocated"
same "... the old allocation ends the day before" \
	"$(sqlite3 "$DB" "SELECT count(*) FROM allocation WHERE child_id = $CHILD AND end_date = '2026-03-30'")" 1
http manager GET "/caseloads/$ID3" >/dev/null
has "the child is on the new IRO's caseload" "href=\"/children/$CHILD\">$LA<"
all=""
for p in 1 2; do http manager GET "/caseloads/$ID2?page=$p" >/dev/null; all="$all$(cat "$T/body")"; done
case $all in *"href=\"/children/$CHILD\">"*) not_ok "... and off IRO2's" ;; *) ok "... and off IRO2's" ;; esac
same "the writes were audited as the manager" \
	"$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE actor = 'web:manager' AND entity = 'allocation'")" 2
done_testing
