#!/bin/sh
# t_web_browser.sh - the web pages in a headless browser (issue 6):
# tests/web/e2e/run.mjs drives Debian's chromium with playwright-core,
# checks every page each role can reach with axe-core (WCAG 2.2 AA), the
# error summaries of the forms, and the scenario of an IRO recording a
# review and a manager reallocating a child to a second IRO in post,
# added here. It prints the TAP lines.
# Without chromium, node or node_modules (npm ci) this fails: it never
# skips. On failure, screenshots and HTML are in tests/web/e2e/out/.
. "$(dirname "$0")/lib.sh"

CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
missing=""
[ -x "$CHROMIUM" ] || missing="$missing $CHROMIUM (apt-get install chromium)"
command -v node >/dev/null 2>&1 || missing="$missing node"
[ -f "$ROOT/node_modules/playwright-core/package.json" ] || missing="$missing node_modules/playwright-core (npm ci)"
[ -f "$ROOT/node_modules/axe-core/axe.min.js" ] || missing="$missing node_modules/axe-core (npm ci)"
if [ -n "$missing" ]; then
	not_ok "the browser test can run: missing$missing"
	done_testing
	exit 1
fi

web_setup || { not_ok "the server started"; done_testing; exit 1; }
# An IRO in post beside iro2 (IRO1 left in 2022), to reallocate a child
# to. The server reads the roster afresh on each request.
NEW_IRO="Rosa Lindqvist"
if ! "$IRO" add iro --name "$NEW_IRO" --team North --start 2025-04-01 --db "$DB" >"$T/add.out" 2>&1; then
	not_ok "a second IRO in post is added" "$(cat "$T/add.out")"
	done_testing
	exit 1
fi
iro_id() { sqlite3 "$DB" "SELECT id FROM iro WHERE name = '$(printf "%s" "$1" | sed "s/'/''/g")'"; }
IRO2_ID=$(iro_id "$IRO2")
NEW_IRO_ID=$(iro_id "$NEW_IRO")
rm -rf "$ROOT/tests/web/e2e/out"
BASE=$BASE PW=$PW TODAY=$TODAY IRO2=$IRO2 IRO2_ID=$IRO2_ID NEW_IRO=$NEW_IRO NEW_IRO_ID=$NEW_IRO_ID \
	CHROMIUM=$CHROMIUM node "$ROOT/tests/web/e2e/run.mjs"
status=$?
# A crash of node without a TAP failure still fails the file (run.sh).
exit $status
