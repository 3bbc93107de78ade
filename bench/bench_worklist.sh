#!/bin/sh
# bench/bench_worklist.sh IRO [CHILDREN] - times the worklist, caseloads
# and practice-alert counts
# of a national-size synthetic service: every record of service.jsonl
# loaded, then the whole service's worklist, one IRO's, and the caseloads,
# on the collection year's last day. Results go to docs/performance.md by
# hand, with the machine they were measured on.
set -eu
IRO=${1:-build/iro}
N=${2:-85000}
. "$(dirname "$0")/lib.sh"

echo "iro worklist benchmark: $N children, $(nproc) cores, $(uname -m), $(date -u +%Y-%m-%d)"
echo
echo "| step | wall clock |"
echo "|---|---|"
lap "synth --children $N" "$IRO" synth --children "$N" --seed 1 --year 2024-25 --out "$W/s"
lines=$(wc -l <"$W/s/service.jsonl")
"$IRO" init --db "$W/b.db" >/dev/null
lap "load service.jsonl ($lines records)" "$IRO" load "$W/s/service.jsonl" --db "$W/b.db"
lap "worklist --as-of 2025-03-31 (whole service)" "$IRO" worklist --as-of 2025-03-31 --format csv --db "$W/b.db"
items=$(($(wc -l <"$W/out") - 1))
iro=$("$IRO" caseload --as-of 2025-03-31 --format csv --db "$W/b.db" | sed -n 2p | cut -d, -f1)
lap "worklist --iro (one IRO)" "$IRO" worklist --as-of 2025-03-31 --iro "$iro" --format csv --db "$W/b.db"
lap "caseload --as-of 2025-03-31" "$IRO" caseload --as-of 2025-03-31 --format csv --db "$W/b.db"
lap "alert list --year 2024-25 --by kind" "$IRO" alert list --year 2024-25 --as-of 2025-03-31 --by kind --format csv --db "$W/b.db"
lap "alert list --year 2024-25 --by theme,month" "$IRO" alert list --year 2024-25 --as-of 2025-03-31 --by theme,month --format csv --db "$W/b.db"
lap "alert list --past-deadline" "$IRO" alert list --as-of 2025-03-31 --past-deadline --format csv --db "$W/b.db"
lap "dump" "$IRO" dump --db "$W/b.db"
echo
echo "worklist items: $items; database: $(du -h "$W/b.db" | cut -f1)"
