#!/bin/sh
# bench/bench_report.sh IRO [CHILDREN] - times the whole annual report
# (every measure, the five years before beside it, the alerts, the
# tables, the narrative) for a local authority of 1,500 children with ten
# years of history, and for a national-size service (85,000 children by
# default), each written as JSON and as HTML. The best of five runs is
# reported, after one run that warms the page cache. Results go to
# docs/performance.md by hand, with the machine they were measured on.
set -eu
IRO=${1:-build/iro}
N=${2:-85000}
. "$(dirname "$0")/lib.sh"

# best LABEL COMMAND...: the fastest of five runs, as a Markdown row.
best() {
	label=$1
	shift
	"$@" >"$W/out" 2>"$W/err" || { cat "$W/err" >&2; exit 1; }
	b=""
	for i in 1 2 3 4 5; do
		t0=$(now)
		"$@" >"$W/out" 2>"$W/err"
		t1=$(now)
		b=$(awk -v a="$t0" -v z="$t1" -v b="$b" 'BEGIN {
			t = z - a; if (b == "" || t < b) b = t; printf "%.4f", b }')
	done
	awk -v l="$label" -v b="$b" 'BEGIN { printf "| %-52s | %8.0f ms |\n", l, b * 1000 }'
}

service() { # CHILDREN DIR: a synthetic service with ten years of history
	"$IRO" synth --children "$1" --seed 1 --year 2024-25 --history 10 \
		--out "$2/s" >/dev/null
	"$IRO" init --db "$2/b.db" >/dev/null
	"$IRO" load "$2/s/service.jsonl" --db "$2/b.db" >/dev/null
}

echo "iro annual report benchmark: $(nproc) cores, $(uname -m), $(date -u +%Y-%m-%d)"
echo
echo "| report | best of 5 |"
echo "|---|---|"
for n in $(printf "1500\n%s\n" "$N" | sort -un); do
	mkdir -p "$W/$n"
	service "$n" "$W/$n"
	db="$W/$n/b.db"
	best "$n children: report annual --format json" \
		"$IRO" report annual --year 2024-25 --as-of 2025-06-30 \
		--format json --db "$db"
	best "$n children: report annual --format html" \
		"$IRO" report annual --year 2024-25 --as-of 2025-06-30 \
		--format html --db "$db"
	best "$n children: report annual --public --format html" \
		"$IRO" report annual --year 2024-25 --as-of 2025-06-30 \
		--public --format html --db "$db"
	best "$n children: report monthly --month 2025-03 --format json" \
		"$IRO" report monthly --month 2025-03 --as-of 2025-06-30 \
		--format json --db "$db"
done
