#!/bin/sh
# scripts/demo.sh IRO - makes a synthetic local authority, loads every
# record of its IRO service into a demo database and shows iro's main job on
# it: the service's worklist and the IROs' caseloads on the last day of the
# last reporting year, how timely reviews were over that year and the annual
# report; then makes a user for every role and starts the web server on the
# demo database (DEMO_SERVE=no leaves it stopped; DEMO_LISTEN=ADDR:PORT
# moves it). Called by `make demo` after the build.
set -eu
IRO=${1:-build/iro}
DIR=demo
DB=$DIR/demo.db

# The last complete reporting year (1 April - 31 March) before today.
y=$(date +%Y)
m=$(date +%m)
if [ "${m#0}" -ge 4 ]; then start=$((y - 1)); else start=$((y - 2)); fi
end=$((start + 1))
YEAR=$start-$(printf '%02d' $((end % 100)))
AS_OF=$end-03-31

rm -rf "$DIR"
mkdir -p "$DIR"
echo "== Making a synthetic local authority (600 children, records to $AS_OF)"
"$IRO" synth --children 600 --seed 2026 --year "$YEAR" --out "$DIR/synth"
"$IRO" init --db "$DB" --authority "Northmoor Borough Council (synthetic)"
"$IRO" load "$DIR/synth/service.jsonl" --db "$DB"

echo
echo "== The IROs' caseloads on $AS_OF (IRO Handbook: 50-70 children per FTE)"
echo
"$IRO" caseload --as-of "$AS_OF" --db "$DB"

echo
echo "== The service's worklist on $AS_OF: overdue work first"
echo
"$IRO" worklist --as-of "$AS_OF" --db "$DB" >"$DIR/worklist.txt"
head -n 32 "$DIR/worklist.txt"
echo "   ... (the whole list is in $DIR/worklist.txt)"
sed -n '/^Worklist for/,$p' "$DIR/worklist.txt"

echo
echo "== Practice alerts and disputes over $YEAR (the $("$IRO" ladder list --format csv --db "$DB" | awk -F, '$6 == "yes" { print $1 }') ladder)"
echo
"$IRO" ladder show --db "$DB"
echo
"$IRO" alert list --year "$YEAR" --by kind --db "$DB"
echo
echo "Disputes by the stage they were resolved at, and working days to close:"
"$IRO" alert list --year "$YEAR" --kind dispute --by resolved-at --db "$DB"
echo
"$IRO" alert list --year "$YEAR" --kind dispute --by band --db "$DB"

# A dispute raised by hand, as an IRO would: the child and IRO of the first
# review due on the worklist.
row=$("$IRO" worklist --as-of "$AS_OF" --format csv --db "$DB" | awk -F, '$1 == "review due" { print; exit }')
child=$(printf '%s' "$row" | cut -d, -f2)
iro=$(printf '%s' "$row" | cut -d, -f5)
day() { date -d "$AS_OF $1 days" +%Y-%m-%d; }
echo
echo "== $iro raises a dispute about child $child's care plan"
echo
echo "\$ iro alert raise $child --iro \"$iro\" --kind informal --date $(day -14) ..."
"$IRO" alert raise "$child" --iro "$iro" --kind informal --date "$(day -14)" \
	--description "No updated care plan before the review" \
	--theme "No updated care plan or plan not ready" --db "$DB" | tail -n 1
id=$("$IRO" alert list --child "$child" --as-of "$AS_OF" --status open --format csv --db "$DB" | tail -n 1 | cut -d, -f1)
echo "\$ iro alert escalate $id --date $(day -8) --impact ...   (not settled with the social worker)"
"$IRO" alert escalate "$id" --date "$(day -8)" --db "$DB" \
	--impact "The plan for the child's return home has drifted" | tail -n 1
echo "\$ iro alert action $id --action ... --due $(day -1)"
"$IRO" alert action "$id" --date "$(day -8)" --action "Care plan updated and shared" \
	--owner "team manager" --due "$(day -1)" --db "$DB" | tail -n 1
echo
"$IRO" alert show "$id" --as-of "$AS_OF" --db "$DB" | sed '/^Versions/,$d'
echo "Alerts on $iro's worklist on $AS_OF:"
"$IRO" worklist --as-of "$AS_OF" --iro "$iro" --db "$DB" | grep -E '^(item|alert)'
echo
echo "Open past their deadline on $AS_OF:"
"$IRO" alert list --as-of "$AS_OF" --past-deadline --db "$DB"

echo
echo "== Review timeliness over $YEAR"
echo
"$IRO" timeliness --year "$YEAR" --db "$DB"

echo
echo "== The annual report for $YEAR, written from the records"
echo
REPORT=$DIR/annual-report-$YEAR.html
"$IRO" report annual --year "$YEAR" --as-of "$AS_OF" --out "$REPORT" --db "$DB"
"$IRO" report annual --year "$YEAR" --as-of "$AS_OF" --public \
	--out "$DIR/annual-report-$YEAR-public.html" --db "$DB"
"$IRO" report annual --year "$YEAR" --as-of "$AS_OF" --format xlsx \
	--out "$DIR/annual-report-$YEAR.xlsx" --db "$DB"
"$IRO" report annual --year "$YEAR" --as-of "$AS_OF" --format json \
	--db "$DB" >"$DIR/annual-report-$YEAR.json"
echo "Headline figures (from $DIR/annual-report-$YEAR.json):"
python3 - "$DIR/annual-report-$YEAR.json" <<'PY' 2>/dev/null || true
import json, sys
d = json.load(open(sys.argv[1]))
r, p, pop = d["reviews"], d["participation"], d["population"]
print(f"  looked after on {d['period']['to']}: {pop['at_end']}")
print(f"  reviews held in time: {r['in_time']} of {r['held']}")
print(f"  views conveyed: {p['participation']['num']} of {p['participation']['den']}")
PY

# The web pages: a user for every role, and the server on the demo database
# with the demo's last day as "today".
PW=demo-password-2026
# The IRO with the most children, for the IRO's sign-in.
DEMO_IRO=$("$IRO" caseload --as-of "$AS_OF" --format csv --db "$DB" |
	awk -F, 'NR > 1 && $4 + 0 > most { most = $4 + 0; name = $1 } END { print name }')
echo "$PW" | "$IRO" user add iro --role iro --iro "$DEMO_IRO" --name "$DEMO_IRO" --db "$DB" >/dev/null
echo "$PW" | "$IRO" user add manager --role manager --name "Morgan Reid (IRO manager)" --db "$DB" >/dev/null
echo "$PW" | "$IRO" user add analyst --role analyst --name "Priya Shah (analyst)" --db "$DB" >/dev/null
echo "$PW" | "$IRO" user add admin --role admin --name "Sam Ellis (administrator)" --db "$DB" >/dev/null
echo "$PW" | "$IRO" user add auditor --role auditor --name "Jo Hart (data protection)" --db "$DB" >/dev/null

cat <<MSG

Open the annual report in a browser (and print it to PDF for A4):
  file://$(pwd)/$REPORT
A public version (small numbers shown as c) is beside it, with the
spreadsheet ($DIR/annual-report-$YEAR.xlsx) and the JSON.

The demo database is $DB. Try, for example:
  $IRO worklist --as-of $AS_OF --iro "NAME" --db $DB   (one IRO's list)
  $IRO show review 1 --db $DB                          (a review and its history)
  $IRO alert show 1 --as-of $AS_OF --db $DB             (an alert: clock, stages, versions)
  $IRO alert list --year $YEAR --kind dispute --by theme,month --db $DB
  $IRO due --as-of $AS_OF --db $DB --format csv
  $IRO reviews --from $start-04-01 --to $AS_OF --db $DB
  $IRO import 903 $DIR/synth --db $DB                  (the same SSDA903 return)
  $IRO validate --year $YEAR --db $DB                   (the DfE's validation rules)
  $IRO export 903 --year $YEAR --out $DIR/return --db $DB (the year's return)
  $IRO calendar holidays --year $end
  $IRO report monthly --month $end-03 --db $DB --out $DIR/march.html
  $IRO --help
MSG

LISTEN=${DEMO_LISTEN:-127.0.0.1:8080}
cat <<MSG

== The web pages, as on $AS_OF

  http://$LISTEN/

Sign in with one of these (password: $PW):
  iro       $DEMO_IRO's worklist, children, reviews and alerts
  manager   the whole service: caseloads, reallocation, alerts, reports
  analyst   the annual and monthly reports
  admin     users, calendar, ladders, themes and teams
  auditor   who viewed or changed each child's record
MSG
if [ "${DEMO_SERVE:-yes}" = no ]; then
	echo "(DEMO_SERVE=no: not starting the server. Start it with:"
	echo "  $IRO serve --db $DB --listen $LISTEN --today $AS_OF)"
	exit 0
fi
echo
echo "Press Ctrl-C to stop the server."
exec "$IRO" serve --db "$DB" --listen "$LISTEN" --today "$AS_OF"
