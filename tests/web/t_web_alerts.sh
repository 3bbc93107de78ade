#!/bin/sh
# t_web_alerts.sh - the alerts tracker, one alert and the forms that move
# it, and raising an alert: who may see and do what (404 for an IRO on an
# alert of a child who is not theirs), moves made, bad input writing
# nothing.
. "$(dirname "$0")/lib.sh"
web_setup || { not_ok "the server started"; done_testing; exit 1; }
for u in iro1 iro2 manager analyst admin auditor; do signin "$u"; done
# The database but the audit log's reads: a page shown again with its
# errors logs that it was read, and that is not a write.
digest() { sqlite3 "$DB" .dump | grep -v "^INSERT INTO audit VALUES([0-9]*,'[^']*','[^']*','read'," | sha256sum; }
has() { if grep -qF -- "$2" "$T/body"; then ok "$1"; else not_ok "$1" "missing: $2"; fi; }
lacks() { if grep -qF -- "$2" "$T/body"; then not_ok "$1" "found: $2"; else ok "$1"; fi; }
# The synthetic service: IRO2 holds every child today; IRO1 left in 2022.
# An open dispute, and a child of IRO2's that no alert of IRO1's is about.
A=$(sqlite3 "$DB" "SELECT id FROM alert WHERE status = 'open' AND kind <> 'good_practice' ORDER BY id LIMIT 1")
CHILD=$(sqlite3 "$DB" "SELECT child_id FROM alert WHERE id = $A")
IRO1ID=$(sqlite3 "$DB" "SELECT id FROM iro WHERE name = '$IRO1'")

# ---- The tracker ------------------------------------------------------------
same "a manager sees the tracker" "$(http manager GET /alerts)" 200
has "... with the open alert" "href=\"/alerts/$A\""
has "... a captioned table" "<caption"
has "... an IRO filter" 'id="iro"'
same "... sorted by deadline, latest first" "$(http manager GET '/alerts?sort=due&dir=desc')" 200
same "... every status" "$(http manager GET '/alerts?status=all')" 200
same "... past the deadline only" "$(http manager GET '/alerts?past=yes')" 200
lacks "... none on time" 'govuk-table__cell--numeric">0<'
same "IRO2 sees the tracker" "$(http iro2 GET /alerts)" 200
has "... with their children's alerts" "href=\"/alerts/$A\""
lacks "... and no IRO filter" 'id="iro"'
same "IRO1 sees the tracker" "$(http iro1 GET /alerts)" 200
lacks "... without IRO2's children's alerts" "href=\"/alerts/$A\""
for u in analyst admin auditor; do
	same "$u is refused the tracker (403)" "$(http $u GET /alerts)" 403
	same "$u is refused an alert (403)" "$(http $u GET /alerts/$A)" 403
	same "$u may not raise an alert (403)" "$(http $u GET /children/$CHILD/alerts/new)" 403
	same "$u may not move an alert (403)" "$(post $u /alerts/$A/resolve cls-date-day=31 cls-date-month=3 cls-date-year=2026)" 403
done

# ---- One alert --------------------------------------------------------------
same "a manager sees the alert" "$(http manager GET /alerts/$A)" 200
has "... its stages" "Stages entered"
has "... its clock" "Clock"
has "... a form to escalate" "/alerts/$A/escalate"
has "... carrying the CSRF token" 'name="csrf"'
same "IRO2 sees it" "$(http iro2 GET /alerts/$A)" 200
same "IRO1 may not: 404" "$(http iro1 GET /alerts/$A)" 404
before=$(digest)
same "... nor move it: 404" "$(post iro1 /alerts/$A/resolve cls-date-day=31 cls-date-month=3 cls-date-year=2026)" 404
same "... nothing written" "$(digest)" "$before"
same "there is no alert 999999" "$(http manager GET /alerts/999999)" 404
audits=$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE entity = 'alert' AND child_id = $CHILD AND action LIKE '%read%'")
[ "$audits" -ge 2 ] && ok "each view of the alert is audited ($audits)" || not_ok "each view of the alert is audited" "$audits"

# Bad input on every form: 400, the message by the box, nothing written.
before=$(digest)
same "escalating with a stage that is no number (400)" "$(post iro2 /alerts/$A/escalate esc-date-day=31 esc-date-month=3 esc-date-year=2026 esc-stage=two esc-impact="kept impact")" 400
has "... the error summary" "There is a problem"
has "... by the stage box" 'href="#esc-stage"'
has "... the typed impact kept" "kept impact"
same "... nothing written" "$(digest)" "$before"
same "escalating to a stage not on the ladder (400)" "$(post iro2 /alerts/$A/escalate esc-date-day=31 esc-date-month=3 esc-date-year=2026 esc-stage=40)" 400
has "... says the ladder's stages" "stages are 1 to"
same "... nothing written" "$(digest)" "$before"
same "responding on a date that is no date (400)" "$(post iro2 /alerts/$A/respond rsp-date-day=30 rsp-date-month=2 rsp-date-year=2026 rsp-response="kept response")" 400
has "... by the date" 'href="#rsp-date"'
has "... the response kept" "kept response"
same "... nothing written" "$(digest)" "$before"
same "closing with no date (400)" "$(post iro2 /alerts/$A/resolve cls-outcome="kept outcome")" 400
has "... the outcome kept" "kept outcome"
same "... nothing written" "$(digest)" "$before"
same "an action with nothing to do (400)" "$(post iro2 /alerts/$A/actions act-owner="kept owner")" 400
has "... by the action box" 'href="#act-action"'
has "... the owner kept" "kept owner"
same "... nothing written" "$(digest)" "$before"
same "marking an action that is not there done (400)" "$(post iro2 /alerts/$A/actions/99/done)" 400
same "... nothing written" "$(digest)" "$before"

# Moves that are made.
n=$(sqlite3 "$DB" "SELECT count(*) FROM alert_action WHERE alert_id = $A")
same "IRO2 adds an action" "$(post iro2 /alerts/$A/actions act-action="Care plan updated" act-owner="team manager" act-due-day=10 act-due-month=4 act-due-year=2026)" 303
same "... there" "$(sqlite3 "$DB" "SELECT count(*) FROM alert_action WHERE alert_id = $A")" $((n + 1))
same "... and marks it done" "$(post iro2 /alerts/$A/actions/$((n + 1))/done)" 303
same "... done today" "$(sqlite3 "$DB" "SELECT done FROM alert_action WHERE alert_id = $A ORDER BY rowid DESC LIMIT 1")" 2026-03-31
same "the manager resolves it" "$(post manager /alerts/$A/resolve cls-date-day=31 cls-date-month=3 cls-date-year=2026 cls-outcome="Plan agreed")" 303
same "... resolved" "$(sqlite3 "$DB" "SELECT status || ' ' || closed FROM alert WHERE id = $A")" "resolved 2026-03-31"
same "... audited as the manager" "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE actor = 'web:manager' AND entity = 'alert' AND entity_id = $A AND action <> 'read'")" 1
before=$(digest)
same "a resolved alert cannot be withdrawn (400)" "$(post manager /alerts/$A/withdraw cls-date-day=31 cls-date-month=3 cls-date-year=2026)" 400
has "... saying why" "the alert is resolved"
same "... nothing written" "$(digest)" "$before"
same "the tracker's resolved list has it" "$(http manager GET '/alerts?status=resolved&sort=id')" 200
has "... there" "href=\"/alerts/$A\""

# ---- Raising ----------------------------------------------------------------
same "IRO2 opens the form to raise an alert" "$(http iro2 GET /children/$CHILD/alerts/new)" 200
has "... the kind in a fieldset" "<legend"
has "... the themes to choose" 'id="theme"'
same "IRO1 may not raise one about IRO2's child: 404" "$(http iro1 GET /children/$CHILD/alerts/new)" 404
before=$(digest)
same "... nor post one: 404" "$(post iro1 /children/$CHILD/alerts kind=informal description=x)" 404
same "an empty form comes back (400)" "$(post iro2 /children/$CHILD/alerts)" 400
has "... the kind" 'href="#kind">Choose the kind of alert'
has "... the description" 'href="#description">Enter a description'
same "... nothing written" "$(digest)" "$before"
same "a formal alert with no impact (400)" "$(post iro2 /children/$CHILD/alerts kind=formal description="kept description" date-day=31 date-month=3 date-year=2026)" 400
has "... by the impact box" 'href="#impact"'
has "... the description kept" "kept description"
same "... nothing written" "$(digest)" "$before"
same "a manager's alert needs the IRO who raised it (400)" "$(post manager /children/$CHILD/alerts kind=informal description=x date-day=31 date-month=3 date-year=2026)" 400
has "... saying so" "Choose the IRO who raised it"
same "... nothing written" "$(digest)" "$before"
m=$(sqlite3 "$DB" "SELECT max(id) FROM alert")
theme=$(sqlite3 "$DB" "SELECT name FROM theme WHERE active ORDER BY rowid LIMIT 1")
code=$(post iro2 /children/$CHILD/alerts kind=informal description="No updated care plan" date-day=31 date-month=3 date-year=2026 theme="$theme")
same "IRO2 raises an informal alert" "$code" 303
same "... to the new alert" "$(grep -i '^location:' "$T/headers" | tr -d '\r' | sed 's/.*: //')" "/alerts/$((m + 1))"
same "... at its first stage, raised by IRO2" "$(sqlite3 "$DB" "SELECT a.kind || ' ' || s.stage || ' ' || i.name FROM alert a JOIN alert_stage s ON s.alert_id = a.id JOIN iro i ON i.id = a.iro_id WHERE a.id = $((m + 1))")" "informal 1 $IRO2"
same "... with its theme" "$(sqlite3 "$DB" "SELECT count(*) FROM alert_theme WHERE alert_id = $((m + 1))")" 1
# An alert may be about several themes (spec §2): the form's checkboxes.
t2=$(sqlite3 "$DB" "SELECT name FROM theme WHERE active ORDER BY rowid LIMIT 1 OFFSET 1")
before=$(digest)
same "a formal alert with two themes and no impact comes back (400)" \
	"$(post iro2 /children/$CHILD/alerts kind=formal description="two themes" date-day=31 date-month=3 date-year=2026 theme="$theme" theme="$t2")" 400
t2html=$(printf '%s' "$t2" | sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g')
has "... both themes still ticked" "value=\"$t2html\" checked"
same "... nothing written" "$(digest)" "$before"
code=$(post iro2 /children/$CHILD/alerts kind=informal description="Two themes" date-day=31 date-month=3 date-year=2026 theme="$theme" theme="$t2")
same "IRO2 raises an alert about two themes" "$code" 303
same "... both kept, in order" "$(sqlite3 "$DB" "SELECT group_concat(theme, '|') FROM (SELECT theme FROM alert_theme WHERE alert_id = $((m + 2)) ORDER BY id)")" "$theme|$t2"
same "IRO2 escalates it" "$(post iro2 /alerts/$((m + 1))/escalate esc-date-day=31 esc-date-month=3 esc-date-year=2026 esc-impact="Plan delayed")" 303
same "... it is at stage 2" "$(sqlite3 "$DB" "SELECT max(stage) FROM alert_stage WHERE alert_id = $((m + 1))")" 2
same "IRO2 records the response" "$(post iro2 /alerts/$((m + 1))/respond rsp-date-day=31 rsp-date-month=3 rsp-date-year=2026 rsp-response="Agreed")" 303
same "... answered" "$(sqlite3 "$DB" "SELECT responded FROM alert_stage WHERE alert_id = $((m + 1)) AND stage = 2")" 2026-03-31
same "and refers it to Cafcass" "$(post iro2 /alerts/$((m + 1))/cafcass cls-date-day=31 cls-date-month=3 cls-date-year=2026)" 303
same "... referred" "$(sqlite3 "$DB" "SELECT status FROM alert WHERE id = $((m + 1))")" cafcass
same "the alert's page lists its versions" "$(http iro2 GET /alerts/$((m + 1)))" 200
has "... replaced by IRO2" "web:iro2"
done_testing
