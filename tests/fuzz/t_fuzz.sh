#!/bin/sh
# t_fuzz.sh - runs each libFuzzer target in $FUZZ_DIR for $FUZZ_SECONDS
# from its corpus (fuzz/corpus/NAME), which it copies so that a run adds
# nothing to the repository. A crash, leak or sanitizer report fails the
# target, and the input that did it is kept in $FUZZ_DIR (issue 7: "no
# crash or leak on any input"). With no $FUZZ_DIR (the sanitizer build)
# there is nothing to run: one skipped test says so.
set -u
FUZZ_SECONDS=${FUZZ_SECONDS:-10}
n=0
if [ -z "${FUZZ_DIR:-}" ]; then
	echo "ok 1 - # SKIP the fuzz targets are not built in this build"
	exit 0
fi
for bin in "$FUZZ_DIR"/fuzz_*; do
	[ -x "$bin" ] || continue
	name=$(basename "$bin")
	corpus=fuzz/corpus/${name#fuzz_}
	work=$(mktemp -d "${TMPDIR:-/tmp}/iro-fuzz.XXXXXX")
	[ -d "$corpus" ] && cp "$corpus"/* "$work"/ 2>/dev/null
	n=$((n + 1))
	if "$bin" -max_total_time="$FUZZ_SECONDS" -timeout=10 -rss_limit_mb=2048 \
		-artifact_prefix="$FUZZ_DIR/$name-" "$work" >"$work.log" 2>&1; then
		runs=$(grep -o 'Done [0-9]* runs' "$work.log" | tail -1)
		echo "ok $n - $name: ${runs:-ran} in ${FUZZ_SECONDS}s, no crash or leak"
	else
		echo "not ok $n - $name found a problem (input kept in $FUZZ_DIR)"
		grep -E 'ERROR|SUMMARY|runtime error|==[0-9]+==' "$work.log" | head -20 | sed 's/^/# /'
	fi
	rm -rf "$work" "$work.log"
done
[ "$n" -gt 0 ] || { echo "not ok 1 - no fuzz target in $FUZZ_DIR"; exit 1; }
echo "1..$n"
