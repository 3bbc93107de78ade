#!/bin/sh
# bench/bench_903.sh IRO [CHILDREN] - times the SSDA903 return in and out
# on a national-size synthetic authority (issue 7): reading and checking a
# return against every DfE rule, importing it, exporting a year as CSV and
# as XML, and checking the records. Results go to docs/performance.md by
# hand, with the machine they were measured on.
set -eu
IRO=${1:-build/iro}
N=${2:-85000}
. "$(dirname "$0")/lib.sh"

echo "iro benchmark: the SSDA903 return, $N children, $(nproc) cores, $(uname -m), $(date -u +%Y-%m-%d)"
echo
echo "| step | wall clock |"
echo "|---|---|"
"$IRO" synth --children "$N" --seed 1 --year 2024-25 --history 1 --out "$W/gen" >/dev/null
mkdir -p "$W/903"
cp "$W/gen"/*.csv "$W/903"/
rm -rf "$W/gen"
rows=$(($(wc -l <"$W/903/episodes.csv") - 1))
revs=$(($(wc -l <"$W/903/reviews.csv") - 1))
lap "validate 903 ($N children, $rows episodes, $revs reviews; every rule)" \
	sh -c "'$IRO' validate 903 '$W/903' --year 2024-25 --format csv >'$W/v.csv'"
"$IRO" init --db "$W/b.db" >/dev/null
lap "import 903 into an empty database" "$IRO" import 903 "$W/903" --db "$W/b.db"
lap "export 903 --year 2024-25 (CSV)" "$IRO" export 903 --year 2024-25 --out "$W/csv" --db "$W/b.db"
lap "export 903 --year 2024-25 --xml" "$IRO" export 903 --year 2024-25 --out "$W/xml" --xml --db "$W/b.db"
lap "validate 903 of the XML file" \
	sh -c "'$IRO' validate 903 '$W/xml' --year 2024-25 --format csv >/dev/null"
lap "validate --year 2024-25 (the records)" \
	sh -c "'$IRO' validate --year 2024-25 --format csv --db '$W/b.db' >/dev/null"
echo
echo "rows flagged: $(($(wc -l <"$W/v.csv") - 1)); XML file: $(du -h "$W/xml"/*.xml | cut -f1)"
