#!/bin/sh
# scripts/demo.sh IRO - makes a synthetic local authority, loads every
# record of its IRO service into a demo database and shows iro's main job on
# it: the service's worklist and the IROs' caseloads on the last day of the
# last reporting year, and how timely reviews were over that year. Called by
# `make demo` after the build.
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
echo "== Review timeliness over $YEAR"
echo
"$IRO" timeliness --year "$YEAR" --db "$DB"

cat <<MSG

The demo database is $DB. Try, for example:
  $IRO worklist --as-of $AS_OF --iro "NAME" --db $DB   (one IRO's list)
  $IRO show review 1 --db $DB                          (a review and its history)
  $IRO due --as-of $AS_OF --db $DB --format csv
  $IRO reviews --from $start-04-01 --to $AS_OF --db $DB
  $IRO import 903 $DIR/synth --db $DB                  (the same SSDA903 return)
  $IRO calendar holidays --year $end
  $IRO --help
MSG
