#!/bin/sh
# tests/run.sh - runs every test and ends with one summary line.
#
# Unit tests (cmocka, in $UNIT_DIR), integration scripts
# (tests/integration/t_*.sh) and web tests (tests/web/t_*.sh, which start
# `iro serve`), given the binary as $IRO, all speak TAP:
# "ok N - name" / "not ok N - name". A program that exits non-zero
# without reporting a failure (a crash) counts as one failure.
#
#   IRO=build/iro UNIT_DIR=build/tests sh tests/run.sh [PATTERN]

IRO=${IRO:-build/iro}
UNIT_DIR=${UNIT_DIR:-build/tests}
PATTERN=${1:-}
export IRO

case $IRO in /*) ;; *) IRO=$(pwd)/$IRO ;; esac

passed=0
failed=0
failed_files=""

run_one() {
	name=$1
	shift
	case $name in *"$PATTERN"*) ;; *) return ;; esac
	out=$("$@" 2>&1)
	status=$?
	ok=$(printf '%s\n' "$out" | grep -c '^ok ')
	nok=$(printf '%s\n' "$out" | grep -c '^not ok ')
	if [ "$status" -ne 0 ] && [ "$nok" -eq 0 ]; then
		nok=1
		out="$out
not ok - $name exited with status $status"
	elif [ "$ok" -eq 0 ] && [ "$nok" -eq 0 ]; then
		# A file that reports no test (not speaking TAP) tests nothing.
		nok=1
		out="$out
not ok - $name reported no tests (TAP)"
	fi
	passed=$((passed + ok))
	failed=$((failed + nok))
	if [ "$nok" -gt 0 ]; then
		printf 'FAIL  %-32s %3d passed, %d failed\n' "$name" "$ok" "$nok"
		printf '%s\n' "$out" | grep -v '^ok ' | sed 's/^/      /'
		failed_files="$failed_files $name"
	else
		printf 'ok    %-32s %3d passed\n' "$name" "$ok"
	fi
}

for t in "$UNIT_DIR"/test_*; do
	[ -x "$t" ] || continue
	run_one "unit/$(basename "$t")" "$t"
done
for t in tests/integration/t_*.sh; do
	[ -f "$t" ] || continue
	run_one "integration/$(basename "$t" .sh)" sh "$t"
done
for t in tests/fuzz/t_*.sh; do
	[ -f "$t" ] || continue
	run_one "fuzz/$(basename "$t" .sh)" sh "$t"
done
for t in tests/web/t_*.sh; do
	[ -f "$t" ] || continue
	run_one "web/$(basename "$t" .sh)" sh "$t"
done

echo
if [ "$failed" -gt 0 ]; then
	echo "failed in:$failed_files"
	echo "tests: $passed passed, $failed failed"
	exit 1
fi
echo "tests: $passed passed, 0 failed"
