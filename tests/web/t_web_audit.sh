#!/bin/sh
# t_web_audit.sh - the audit log page: who may read it, "who viewed this
# child", the filters, paging, bad filters, and that reading it is itself
# logged.
. "$(dirname "$0")/lib.sh"
web_setup || { not_ok "the server started"; done_testing; exit 1; }

for u in iro1 manager analyst admin auditor; do signin $u || not_ok "$u signs in"; done
for u in auditor admin manager; do
	same "$u may read the audit log" "$(http $u GET /audit)" 200
done
for u in iro1 analyst; do
	same "$u is refused the audit log (403)" "$(http $u GET /audit)" 403
done
same "someone signed out is sent to sign in" "$(http - GET /audit)" 303

# Someone views a child (through the CLI, as alice); the manager's
# worklist is a read too.
CHILD=$(sqlite3 "$DB" "SELECT la_child_id FROM child ORDER BY id LIMIT 1")
IRO_USER=alice "$IRO" show child "$CHILD" --db "$DB" >/dev/null 2>&1
same "the manager views the worklist" "$(http manager GET /worklist)" 200

same "the log filtered by the child" "$(http auditor GET "/audit?child=$CHILD")" 200
body=$(cat "$T/body")
contains "... shows who viewed the child" "$body" "cli:alice"
contains "... as a read" "$body" '<td class="govuk-table__cell">read</td>'
contains "... naming the child by LA id" "$body" ">$CHILD</a>"
contains "... in a table with a caption" "$body" "<caption"
case $body in *web:manager*) not_ok "... and only that child's rows" ;; *) ok "... and only that child's rows" ;; esac
CID=$(sqlite3 "$DB" "SELECT id FROM child WHERE la_child_id = '$CHILD'")
http auditor GET "/audit?child_id=$CID" >/dev/null
contains "the child can be given by its store id" "$(cat "$T/body")" "cli:alice"

http auditor GET "/audit?user=manager&action=read" >/dev/null
body=$(cat "$T/body")
contains "the log filtered by user and action shows the manager's read" "$body" "web:manager"
contains "... of the worklist" "$body" '<td class="govuk-table__cell">worklist</td>'
case $body in *cli:alice*) not_ok "... and not alice's" ;; *) ok "... and not alice's" ;; esac

today_utc=$(date -u +%Y-%m-%d)
http auditor GET "/audit?from=$today_utc&to=$today_utc&user=alice" >/dev/null
contains "the log filtered by dates" "$(cat "$T/body")" "cli:alice"
http auditor GET "/audit?from=2000-01-01&to=2000-01-02" >/dev/null
contains "... and nothing on a day long past" "$(cat "$T/body")" "Nothing to show"

n=$(sqlite3 "$DB" "SELECT count(*) FROM audit")
same "bad dates are refused with 400" "$(http auditor GET '/audit?from=2026-02-30&to=soon')" 400
contains "... with the error summary" "$(cat "$T/body")" 'href="#from">Enter the date as YYYY-MM-DD'
contains "... for both" "$(cat "$T/body")" 'href="#to">'
same "an unknown child is refused with 400" "$(http auditor GET '/audit?child=NOPE')" 400
contains "... saying so" "$(cat "$T/body")" "There is no child with LA id NOPE"
same "... and the refusals read nothing" "$(sqlite3 "$DB" "SELECT count(*) FROM audit")" "$n"

http auditor GET "/audit?child=$CHILD" >/dev/null
same "reading the log is itself logged (entity audit)" \
	"$(sqlite3 "$DB" "SELECT actor || ' ' || action || ' ' || child_id FROM audit WHERE entity = 'audit' ORDER BY id DESC LIMIT 1")" \
	"web:auditor read $CID"

# Paging: newest first, 50 a page.
total=$(sqlite3 "$DB" "SELECT count(*) FROM audit")
http admin GET /audit >/dev/null
contains "the log pages" "$(cat "$T/body")" 'govuk-pagination'
first=$(python3 -c 'import re,sys; b=open(sys.argv[1]).read().split("<tbody",1)[1]; print(" ".join(re.findall(r"<td[^>]*>([^<]*)</td>", b.split("</tr>",1)[0])[1:4]))' "$T/body")
same "... newest first (the read of the log itself)" "$first" "web:admin read audit"
http admin GET "/audit?page=2" >/dev/null
contains "... page 2 is shown" "$(cat "$T/body")" "page 2 of"
same "a page past the end is the last" "$(http admin GET '/audit?page=99999')" 200

done_testing
