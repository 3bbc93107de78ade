#!/bin/sh
# bench/bench_import.sh IRO [CHILDREN] - times iro on a national-size
# synthetic authority: writing the return, importing it, importing it again
# (nothing new), and the clocks over every child. Results go to
# docs/performance.md by hand, with the machine they were measured on.
set -eu
IRO=${1:-build/iro}
N=${2:-85000}
. "$(dirname "$0")/lib.sh"

echo "iro benchmark: $N children, $(nproc) cores, $(uname -m), $(date -u +%Y-%m-%d)"
echo
echo "| step | wall clock |"
echo "|---|---|"
lap "synth --children $N" "$IRO" synth --children "$N" --seed 1 --year 2024-25 --out "$W/903"
rows=$(($(wc -l <"$W/903/episodes.csv") - 1))
revs=$(($(wc -l <"$W/903/reviews.csv") - 1))
"$IRO" init --db "$W/b.db" >/dev/null
lap "import 903 ($rows episodes, $revs reviews)" "$IRO" import 903 "$W/903" --db "$W/b.db"
lap "import 903 again (nothing new)" "$IRO" import 903 "$W/903" --db "$W/b.db"
lap "reviews --from 2024-04-01 --to 2025-03-31" "$IRO" reviews --from 2024-04-01 --to 2025-03-31 --format csv --db "$W/b.db"
lap "due --as-of 2025-03-31" "$IRO" due --as-of 2025-03-31 --format csv --db "$W/b.db"
lap "timeliness --year 2024-25" "$IRO" timeliness --year 2024-25 --format csv --db "$W/b.db"
echo
echo "database: $(du -h "$W/b.db" | cut -f1)"
