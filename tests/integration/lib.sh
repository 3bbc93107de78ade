# tests/integration/lib.sh - sourced by every t_*.sh.
#
# Gives each script a scratch folder $T (removed at exit), TAP output
# (ok/not ok, plan at the end) and small helpers. $IRO is the binary.

set -u
: "${IRO:?IRO must name the iro binary}"
FIXTURES=$(cd "$(dirname "$0")/../integration/fixtures" && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/iro-test.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
export IRO_DB="$T/default.db"
unset IRO_USER
_n=0

ok() { _n=$((_n + 1)); echo "ok $_n - $1"; }
not_ok() {
	_n=$((_n + 1))
	echo "not ok $_n - $1"
	shift
	for line in "$@"; do echo "# $line"; done
}

# check DESCRIPTION COMMAND...: ok when the command succeeds.
check() {
	desc=$1
	shift
	if "$@" >"$T/.out" 2>&1; then ok "$desc"; else not_ok "$desc" "$(cat "$T/.out")"; fi
}

# same DESCRIPTION GOT WANT: ok when the strings are equal.
same() {
	if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "got:  $2" "want: $3"; fi
}

# contains DESCRIPTION TEXT NEEDLE
contains() {
	case $2 in
	*"$3"*) ok "$1" ;;
	*) not_ok "$1" "missing: $3" "in: $2" ;;
	esac
}

# A digest of everything in a database, to show a command left it alone.
db_digest() { sqlite3 "$1" .dump | sha256sum | cut -d' ' -f1; }

# A fresh database at $1.
new_db() { rm -f "$1" "$1-wal" "$1-shm"; "$IRO" init --db "$1" >/dev/null; }

# refused DESCRIPTION NEEDLE COMMAND...: the command fails, says NEEDLE and
# the database $DB is unchanged.
refused() {
	desc=$1 needle=$2
	shift 2
	before=$(db_digest "$DB")
	if "$@" >"$T/.out" 2>&1; then
		not_ok "$desc" "the command succeeded: $(cat "$T/.out")"
		return
	fi
	out=$(cat "$T/.out")
	case $out in
	*"$needle"*) ;;
	*) not_ok "$desc" "missing: $needle" "in: $out"; return ;;
	esac
	same "$desc (database unchanged)" "$(db_digest "$DB")" "$before"
}

done_testing() { echo "1..$_n"; }

# run_checks SECTION ARGS...: runs the Python checker $T/check.py with
# SECTION and ARGS, which prints a line "ok|NAME" or "not ok|NAME|DETAIL" per check
# (anything else as a comment), as TAP lines; SECTION names the run when
# the checker itself fails.
run_checks() {
	section=$1
	python3 "$T/check.py" "$@" >"$T/checks" 2>&1 || true
	if ! grep -q '^ok|\|^not ok|' "$T/checks"; then
		not_ok "the checker ran ($section)" "$(tail -5 "$T/checks")"
		return
	fi
	grep -v '^ok|\|^not ok|' "$T/checks" | sed 's/^/# /'
	while IFS='|' read -r status name detail; do
		case $status in
		ok) ok "$name" ;;
		"not ok") not_ok "$name" "$detail" ;;
		esac
	done <"$T/checks"
}
