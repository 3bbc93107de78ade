#!/bin/sh
# scripts/demo.sh IRO - makes a synthetic local authority, imports it into a
# demo database and shows iro's main job on it: the reviews overdue and
# coming up, and how timely reviews were over the last reporting year.
# Called by `make demo` after the build.
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
echo "== Making a synthetic local authority (600 children, SSDA903 returns to $AS_OF)"
"$IRO" synth --children 600 --seed 2026 --year "$YEAR" --out "$DIR/903"
"$IRO" init --db "$DB" --authority "Northmoor Borough Council (synthetic)"
"$IRO" import 903 "$DIR/903" --db "$DB"

echo
echo "== Reviews overdue, or due in the next 4 weeks, on $AS_OF"
echo "   (every child looked after in the standard regime; most overdue first)"
echo
"$IRO" due --as-of "$AS_OF" --within 28 --db "$DB"

echo
echo "== Review timeliness over $YEAR"
echo
"$IRO" timeliness --year "$YEAR" --db "$DB"

cat <<MSG

The demo database is $DB. Try, for example:
  $IRO due --as-of $AS_OF --db $DB --format csv
  $IRO reviews --from $start-04-01 --to $AS_OF --db $DB
  $IRO calendar holidays --year $end
  $IRO --help
MSG
