#!/bin/sh
# t_web_reports.sh - the reports pages: who may use them, the forms, bad
# periods, and the downloads matching `iro report` (issue 5 on the web).
. "$(dirname "$0")/lib.sh"
# The server's temporary workbooks go here, to be seen to be removed.
mkdir "$T/tmp" && export TMPDIR="$T/tmp"
web_setup || { not_ok "the server started"; done_testing; exit 1; }

for u in iro1 manager analyst admin auditor; do signin $u || not_ok "$u signs in"; done
for u in manager analyst; do
	same "$u may see /reports" "$(http $u GET /reports)" 200
done
for u in iro1 admin auditor; do
	same "$u is refused /reports (403)" "$(http $u GET /reports)" 403
	same "$u is refused the annual report (403)" "$(http $u GET '/reports/annual?year=2025-26')" 403
done
http analyst GET /reports >/dev/null
body=$(cat "$T/body")
contains "the form offers the last complete year" "$body" 'value="2024-25"'
contains "... and the last whole month" "$body" 'value="2026-02"'
contains "... with the version radios in a fieldset" "$body" '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Version</legend>'

same "a bad year is refused with 400" "$(http analyst GET '/reports/annual?year=2025-27&format=html')" 400
contains "... with the error summary" "$(cat "$T/body")" 'href="#year">Enter the reporting year as two years'
contains "... keeping what was typed" "$(cat "$T/body")" 'value="2025-27"'
same "a bad month is refused with 400" "$(http analyst GET '/reports/monthly?month=2026-13')" 400
contains "... naming the month" "$(cat "$T/body")" 'href="#month">'
same "an empty year is refused with 400" "$(http analyst GET '/reports/annual?year=')" 400
same "an unknown format is refused with 400" "$(http analyst GET '/reports/annual?year=2025-26&format=pdf')" 400

n0=$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE entity = 'report'")
same "the HTML report is shown" "$(http manager GET '/reports/annual?year=2025-26&format=html')" 200
n1=$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE entity = 'report'")
same "making the report is audited" "$n1" $((n0 + 1))
same "... as the manager on the web" "$(sqlite3 "$DB" "SELECT actor FROM audit WHERE entity = 'report' ORDER BY id DESC LIMIT 1")" "web:manager"
contains "it is the report" "$(cat "$T/body")" "<style>"
csp=$(grep -i '^content-security-policy:' "$T/headers")
contains "the report's style is allowed by its hash" "$csp" "style-src 'sha256-"
case $csp in *unsafe-inline*) not_ok "no unsafe-inline for the report" ;; *) ok "no unsafe-inline for the report" ;; esac
style=$(python3 -c '
import re,sys,hashlib,base64
s=open(sys.argv[1],"rb").read()
m=re.search(rb"<style>(.*?)</style>",s,re.S)
print(base64.b64encode(hashlib.sha256(m.group(1)).digest()).decode())' "$T/body")
contains "... and the hash is the style's" "$csp" "'sha256-$style'"

same "the JSON report downloads" "$(http analyst GET '/reports/annual?year=2025-26&format=json')" 200
contains "... as JSON" "$(grep -i '^content-type:' "$T/headers")" "application/json"
contains "... as an attachment" "$(grep -i '^content-disposition:' "$T/headers")" 'attachment; filename="iro-annual-2025-26.json"'
cp "$T/body" "$T/web.json"
"$IRO" report annual --year 2025-26 --format json --as-of "$TODAY" --db "$DB" >"$T/cli.json" 2>"$T/cli.err"
if cmp -s "$T/web.json" "$T/cli.json"; then ok "the web's JSON is the CLI's"; else not_ok "the web's JSON is the CLI's" "$(diff "$T/web.json" "$T/cli.json" | head -5)"; fi

http analyst GET '/reports/annual?year=2025-26&format=json&public=1' >/dev/null
cp "$T/body" "$T/webp.json"
"$IRO" report annual --year 2025-26 --format json --public --as-of "$TODAY" --db "$DB" >"$T/clip.json" 2>/dev/null
if cmp -s "$T/webp.json" "$T/clip.json"; then ok "the public JSON is the CLI's --public"; else not_ok "the public JSON is the CLI's --public"; fi

same "the monthly JSON downloads" "$(http manager GET '/reports/monthly?month=2026-03&format=json')" 200
"$IRO" report monthly --month 2026-03 --format json --as-of "$TODAY" --db "$DB" >"$T/clim.json" 2>/dev/null
if cmp -s "$T/body" "$T/clim.json"; then ok "the monthly JSON is the CLI's"; else not_ok "the monthly JSON is the CLI's"; fi

same "the XLSX workbook downloads" "$(http analyst GET '/reports/monthly?month=2026-02&format=xlsx')" 200
same "... and is a zip (PK)" "$(head -c 2 "$T/body")" "PK"
contains "... as a workbook" "$(grep -i '^content-type:' "$T/headers")" "spreadsheetml.sheet"
contains "... named for the month" "$(grep -i '^content-disposition:' "$T/headers")" 'iro-monthly-2026-02.xlsx'
same "no temporary workbook is left behind" "$(ls "$T/tmp" | wc -l | tr -d ' ')" 0

done_testing
