# bench/lib.sh - sourced by the benchmarks: a scratch folder $W (removed at
# exit) and `lap LABEL COMMAND...`, which runs the command and prints a
# Markdown table row of its wall-clock time (output kept in $W/out).
W=$(mktemp -d "${TMPDIR:-/tmp}/iro-bench.XXXXXX")
trap 'rm -rf "$W"' EXIT

now() { date +%s.%N; }
lap() {
	label=$1
	shift
	t0=$(now)
	"$@" >"$W/out" 2>"$W/err" || { cat "$W/err" >&2; exit 1; }
	t1=$(now)
	awk -v l="$label" -v a="$t0" -v b="$t1" 'BEGIN { printf "| %-44s | %8.2f s |\n", l, b - a }'
}
