#!/bin/sh
# t_oracle.sh - `iro reviews` and `iro due` against an independent
# implementation of spec §3 (tests/oracle/clocks.py: Python, written apart
# from the C code), on random returns built to be awkward: periods that end
# before review 1 is due, re-entries, X1 chains that break, reviews outside
# every period, month ends, leap days, Easter, Christmas, the jubilees,
# short breaks and adoption. Any difference is a bug in one of the two.
. "$(dirname "$0")/lib.sh"
ORACLE="$(dirname "$0")/../oracle/clocks.py"

compare() { # NAME DB DIR
	"$IRO" reviews --from 1990-01-01 --to 2099-12-31 --format csv --db "$2" | sort >"$T/iro"
	python3 "$ORACLE" reviews "$3" 1990-01-01 2099-12-31 | sort >"$T/oracle"
	if cmp -s "$T/iro" "$T/oracle"; then
		ok "$1: every review's period, sequence, due date and in-time flag agree ($(($(wc -l <"$T/iro") - 1)) reviews)"
	else
		not_ok "$1: reviews agree" "$(diff "$T/oracle" "$T/iro" | head -5)"
	fi
	for d in $4; do
		"$IRO" due --as-of "$d" --format csv --db "$2" | sort >"$T/iro"
		python3 "$ORACLE" due "$3" "$d" | sort >"$T/oracle"
		if cmp -s "$T/iro" "$T/oracle"; then
			ok "$1: due on $d agrees ($(($(wc -l <"$T/iro") - 1)) children)"
		else
			not_ok "$1: due on $d agrees" "$(diff "$T/oracle" "$T/iro" | head -5)"
		fi
	done
}

for seed in 11 12; do
	python3 "$ORACLE" gen "$seed" 1500 "$T/gen$seed"
	new_db "$T/gen$seed.db"
	"$IRO" import 903 "$T/gen$seed" --db "$T/gen$seed.db" >/dev/null 2>&1
	compare "awkward return $seed" "$T/gen$seed.db" "$T/gen$seed" \
		"2013-04-01 2016-12-28 2020-04-10 2022-06-02 2024-02-29 2026-03-31"
done

# And a synthetic local authority, as `make demo` makes one.
if "$IRO" synth --children 1500 --seed 7 --year 2024-25 --out "$T/synth" >/dev/null 2>&1; then
	new_db "$T/synth.db"
	"$IRO" import 903 "$T/synth" --db "$T/synth.db" >/dev/null 2>&1
	compare "synthetic authority" "$T/synth.db" "$T/synth" \
		"2020-03-31 2023-12-27 2025-03-31"
else
	not_ok "iro synth makes a return to compare on"
fi

done_testing
