#!/bin/sh
# t_cli.sh - the iro command: help everywhere, clear errors for mistakes,
# --db / IRO_DB / ./iro.db, and the calendar commands.
. "$(dirname "$0")/lib.sh"

# ---- --help works everywhere. -------------------------------------------
"$IRO" --help >"$T/help" 2>&1
same "iro --help succeeds" "$?" 0
commands=$(awk '/^  [a-z]/ { if ($2 ~ /^[a-z0-9-]+$/) print $1 " " $2; else print $1 }' "$T/help")
echo "$commands" | while IFS= read -r c; do
	[ -n "$c" ] || continue
	# shellcheck disable=SC2086
	if ! "$IRO" $c --help >"$T/h" 2>&1 || ! grep -q "^usage: iro $c" "$T/h"; then
		echo "FAIL $c" >>"$T/help-failures"
	fi
	echo "$c" >>"$T/help-checked"
done
same "every command listed has --help" "$(cat "$T/help-failures" 2>/dev/null)" ""
count=$(wc -l <"$T/help-checked")
[ "$count" -ge 10 ] && ok "the overview lists the commands ($count)" ||
	not_ok "the overview lists the commands" "$count"
"$IRO" calendar --help >"$T/h" 2>&1
contains "a command group lists its subcommands" "$(cat "$T/h")" "calendar add-workdays DATE N"

# ---- Mistakes get a clear message and exit status 2. -----------------------
"$IRO" frobnicate >"$T/out" 2>"$T/err"
same "an unknown command exits 2" "$?" 2
contains "... and says so" "$(cat "$T/err")" 'iro: no such command "frobnicate"'
"$IRO" due --as-off 2024-01-01 >"$T/out" 2>"$T/err"
same "an unknown option exits 2" "$?" 2
contains "... and names it" "$(cat "$T/err")" "iro due: unknown option --as-off"
"$IRO" due --as-of 2024-02-30 >"$T/out" 2>"$T/err"
same "an impossible date exits 2" "$?" 2
contains "... and says why" "$(cat "$T/err")" 'iro due: --as-of "2024-02-30": there is no such day'
"$IRO" due --as-of 01/02/2024 >"$T/out" 2>"$T/err"
contains "a date in another layout is refused" "$(cat "$T/err")" "write dates as YYYY-MM-DD"
"$IRO" reviews --from 2024-01-01 >"$T/out" 2>"$T/err"
same "a missing required option exits 2" "$?" 2
contains "... and names it" "$(cat "$T/err")" "--to DATE is required"
"$IRO" reviews --from 2024-02-01 --to 2024-01-01 >"$T/out" 2>"$T/err"
contains "a range that ends before it starts is refused" "$(cat "$T/err")" "is before --from"
"$IRO" due --format xml >"$T/out" 2>"$T/err"
contains "an unknown format is refused" "$(cat "$T/err")" "expected text, csv or json"
"$IRO" timeliness --year 2024-26 >"$T/out" 2>"$T/err"
contains "a reporting year is two consecutive years" "$(cat "$T/err")" "expected a reporting year such as 2021-22"
"$IRO" calendar is-workday >"$T/out" 2>"$T/err"
same "a missing argument exits 2" "$?" 2
"$IRO" calendar is-workday 2024-01-01 extra >"$T/out" 2>"$T/err"
contains "an extra argument is refused" "$(cat "$T/err")" 'unexpected argument "extra"'

# ---- The database: --db, then $IRO_DB, then ./iro.db. --------------------
"$IRO" due --db "$T/none.db" >"$T/out" 2>"$T/err"
same "a missing database exits 1" "$?" 1
contains "... and says how to make one" "$(cat "$T/err")" "make one with 'iro init --db $T/none.db'"
new_db "$T/a.db"
"$IRO" init --db "$T/a.db" >"$T/out" 2>"$T/err"
same "iro init will not overwrite a database" "$?" 1
contains "... and says so" "$(cat "$T/err")" "already exists"
echo "not a database" >"$T/text.db"
"$IRO" due --db "$T/text.db" >"$T/out" 2>"$T/err"
same "a file that is not an iro database is refused" "$?" 1
"$IRO" init >/dev/null
check "IRO_DB names the default database" test -f "$IRO_DB"
(cd "$T" && IRO_DB= "$IRO" init >/dev/null && test -f "$T/iro.db")
same "./iro.db is the last default" "$?" 0

# ---- The calendar. ---------------------------------------------------------
# domain-rules §1.2 worked examples: the 20th working day after each date.
while read -r from want; do
	got=$("$IRO" calendar add-workdays "$from" 20 --db "$T/a.db")
	same "add-workdays $from 20" "$got" "$want"
done <<'VECTORS'
2023-12-18 2024-01-18
2022-05-27 2022-06-28
2020-05-01 2020-06-02
2011-04-20 2011-05-24
2024-03-28 2024-04-29
2025-12-19 2026-01-21
VECTORS
same "add-workdays backwards" "$("$IRO" calendar add-workdays 2024-04-02 -1 --db "$T/a.db")" 2024-03-28
same "Christmas Day is not a working day" "$("$IRO" calendar is-workday 2024-12-25 --db "$T/a.db")" no
same "a Saturday is not a working day" "$("$IRO" calendar is-workday 2024-06-01 --db "$T/a.db")" no
same "the Platinum Jubilee is not a working day" "$("$IRO" calendar is-workday 2022-06-03 --db "$T/a.db")" no
same "an ordinary Tuesday is a working day" "$("$IRO" calendar is-workday 2024-06-04 --db "$T/a.db")" yes
(cd "$T" && mkdir nodb && cd nodb && IRO_DB= "$IRO" calendar is-workday 2024-12-26) >"$T/out" 2>&1
same "with no database at all, the standard calendar answers" "$(cat "$T/out")" no
got=$("$IRO" calendar holidays --year 2022 --format csv --db "$T/a.db" | cut -d, -f1 | tr '\n' ' ')
same "calendar holidays lists a year's bank holidays" "$got" \
	"date 2022-01-03 2022-04-15 2022-04-18 2022-05-02 2022-06-02 2022-06-03 2022-08-29 2022-09-19 2022-12-26 2022-12-27 "

# An administrator's day is kept in the database and honoured everywhere.
check "add-holiday" "$IRO" calendar add-holiday 2027-06-10 --name "Local election" --db "$T/a.db"
same "... makes the day a holiday" "$("$IRO" calendar is-workday 2027-06-10 --db "$T/a.db")" no
same "... and moves a deadline" "$("$IRO" calendar add-workdays 2027-06-01 20 --db "$T/a.db")" 2027-06-30
contains "... and is listed" "$("$IRO" calendar holidays --year 2027 --db "$T/a.db")" "2027-06-10"
same "... and is audited" "$(sqlite3 "$T/a.db" "SELECT action || ' ' || entity FROM audit WHERE entity = 'calendar_day'")" \
	"create calendar_day"
same "... but not in another database" "$("$IRO" calendar is-workday 2027-06-10 --db "$IRO_DB")" yes
check "move-holiday" "$IRO" calendar move-holiday 2027-05-31 2027-06-07 --db "$T/a.db"
same "... makes the old day a working day" "$("$IRO" calendar is-workday 2027-05-31 --db "$T/a.db")" yes
same "... and the new one a holiday" "$("$IRO" calendar is-workday 2027-06-07 --db "$T/a.db")" no
check "remove-holiday undoes an added one" "$IRO" calendar remove-holiday 2027-06-10 --db "$T/a.db"
same "... which is a working day again" "$("$IRO" calendar is-workday 2027-06-10 --db "$T/a.db")" yes
before=$(db_digest "$T/a.db")
"$IRO" calendar remove-holiday 2026-12-25 --db "$T/a.db" >"$T/out" 2>"$T/err"
same "Christmas Day cannot be made a working day" "$?" 1
contains "... with the reason" "$(cat "$T/err")" "Christmas Day or Good Friday, which is never a working day"
"$IRO" calendar remove-holiday 2027-06-09 --db "$T/a.db" >"$T/out" 2>"$T/err"
contains "removing a day that is no holiday is refused" "$(cat "$T/err")" "is not a bank holiday"
"$IRO" calendar move-holiday 2027-08-30 2027-08-28 --db "$T/a.db" >"$T/out" 2>"$T/err"
contains "moving a holiday onto a Saturday is refused" "$(cat "$T/err")" "is not a working day already"
same "... and a refused move changes nothing at all" "$(db_digest "$T/a.db")" "$before"

done_testing
