#!/bin/sh
# t_import.sh - `iro import 903`: what it takes, and every kind of bad input
# it refuses. issue 2: "Any bad row (unknown code, impossible date, review
# for a child not in the header) rejects the whole import and prints one
# line per problem: file, line number, column, value, reason", and "on any
# failure the database is left exactly as it was".
. "$(dirname "$0")/lib.sh"

DB=$T/t.db
new_db "$DB"
check "a good return imports" "$IRO" import 903 "$FIXTURES/good" --db "$DB"
reviews_before=$("$IRO" reviews --from 2000-01-01 --to 2030-12-31 --format csv --db "$DB")

# ---- Importing the same files again changes nothing. ----------------------
out=$("$IRO" import 903 "$FIXTURES/good" --db "$DB")
contains "a second import of the same files says nothing is new" "$out" "Nothing new"
got=$(sqlite3 "$DB" "SELECT count(*) FROM child; SELECT count(*) FROM episode;
	SELECT count(*) FROM review; SELECT count(*) FROM review_status;
	SELECT count(*) FROM audit WHERE entity <> 'ssda903' AND action <> 'read'" | tr '\n' ' ')
same "... and adds no record and no change to the audit log" "$got" "9 14 24 24 10 "
same "... and every review reads the same" \
	"$("$IRO" reviews --from 2000-01-01 --to 2030-12-31 --format csv --db "$DB")" \
	"$reviews_before"

before=$(db_digest "$DB")

# ---- Bad inputs. Each case copies the good return, spoils it, and expects
# exit status 1, the given line on stderr and an untouched database. ------
bad() { # NAME EXPECTED-LINE (the spoiled files are in $T/case)
	"$IRO" import 903 "$T/case" --db "$DB" >"$T/out" 2>"$T/err"
	status=$?
	if [ $status -ne 1 ]; then
		not_ok "$1: exit status 1" "got $status" "$(cat "$T/err")"
	elif ! grep -qF -- "$2" "$T/err"; then
		not_ok "$1: says what is wrong" "want: $2" "got: $(cat "$T/err")"
	elif ! grep -q "nothing was imported" "$T/err"; then
		not_ok "$1: says nothing was imported" "$(cat "$T/err")"
	elif [ "$(db_digest "$DB")" != "$before" ]; then
		not_ok "$1: leaves the database as it was"
	else
		ok "$1"
	fi
}
fresh_case() { rm -rf "$T/case"; cp -r "$FIXTURES/good" "$T/case"; }
spoil() { # FILE LINE-NUMBER NEW-TEXT: replace one line
	awk -v n="$2" -v t="$3" 'NR == n { print t; next } { print }' \
		"$T/case/$1" >"$T/case/$1.new" && mv "$T/case/$1.new" "$T/case/$1"
}

fresh_case
spoil episodes.csv 3 "C01,01/03/2024,L,C9,N1,U6,PR1,,,,XA1 1AA,XA2 2BB,XXXXXXX"
bad "an unknown legal status code" \
	"$T/case/episodes.csv:3: error: LS \"C9\": is not a valid code: expected C1, C2, D1, E1, V2, V3, V4, J1, J2, J3, L1, L2 or L3 (DfE rule 144)"

fresh_case
spoil episodes.csv 12 "C06,31/02/2021,S,V2,N5,U6,PR1,20/04/2021,E4A,,XA8 1AA,XA8 2AA,XXXXXXX"
bad "an impossible date" \
	"$T/case/episodes.csv:12: error: DECOM \"31/02/2021\": is not a real date (DfE rule 141)"

fresh_case
spoil reviews.csv 25 "C99,05/05/2006,01/03/2024,PN1"
bad "a review for a child not in the header" \
	"$T/case/reviews.csv:25: error: CHILD \"C99\": is not in $T/case/header.csv (DfE rule INT08)"

fresh_case
echo "C77,01/05/2020,S,V2,N1,U6,PR1,,,,,," >>"$T/case/episodes.csv"
bad "an episode for a child not in the header" \
	"$T/case/episodes.csv:16: error: CHILD \"C77\": is not in $T/case/header.csv (DfE rule INT03)"

fresh_case
spoil reviews.csv 2 "C01,15/03/2010,2024-01-18,PN1"
bad "a date in the wrong layout" \
	"$T/case/reviews.csv:2: error: REVIEW \"2024-01-18\": is not a date in the form DD/MM/YYYY (DfE rule 166)"

fresh_case
spoil reviews.csv 2 "C01,15/03/2010,18/01/2024,PN9"
bad "an unknown participation code" \
	"$T/case/reviews.csv:2: error: REVIEW_CODE \"PN9\": is not a valid code: expected PN0, PN1, PN2, PN3, PN4, PN5, PN6 or PN7 (DfE rule 167)"

fresh_case
spoil reviews.csv 2 "C01,16/03/2010,18/01/2024,PN1"
bad "a review whose DOB differs from the header" \
	"$T/case/reviews.csv:2: error: DOB \"16/03/2010\": differs from the child's DOB 15/03/2010 in $T/case/header.csv (DfE rule INT17)"

fresh_case
spoil header.csv 3 "C01,2,01/06/2015,MWBC,,0,"
bad "a child twice in the header" \
	"$T/case/header.csv:3: error: CHILD \"C01\": appears more than once (first on line 2; DfE rule INT32)"

fresh_case
spoil episodes.csv 12 "C06,01/04/2021,S,V2,N5,U6,PR1,20/03/2021,E4A,,XA8 1AA,XA8 2AA,XXXXXXX"
bad "an episode that ends before it starts" \
	"$T/case/episodes.csv:12: error: DEC \"20/03/2021\": is before DECOM 01/04/2021 (DfE rule 356)"

fresh_case
spoil episodes.csv 12 "C06,01/04/2021,S,V2,N5,U6,PR1,20/04/2021,,,XA8 1AA,XA8 2AA,XXXXXXX"
bad "an end date without a reason" \
	"$T/case/episodes.csv:12: error: REC \"\": must be given with DEC, or both left blank (DfE rule 148)"

fresh_case
spoil header.csv 2 "C01,7,15/03/2010,WBRI,,,"
bad "an unknown sex code" \
	"$T/case/header.csv:2: error: SEX \"7\": is not a valid code: expected 1, 2, M, F or U (DfE rule 101)"

fresh_case
spoil header.csv 2 "C01,1,15/03/2010,,,,"
bad "a blank ethnicity" \
	"$T/case/header.csv:2: error: ETHNIC \"\": is required and is blank (DfE rule 103)"

fresh_case
sed -i 's/,[^,]*$//' "$T/case/episodes.csv"
bad "a missing column" \
	"$T/case/episodes.csv:1: error: its columns match no SSDA903 table; the nearest is Episodes (episodes.csv), missing URN"

fresh_case
spoil reviews.csv 1 "CHILD,DOB,REVIEW,REVIEW_CODE,NOTES"
bad "a column that is not in the layout" \
	"$T/case/reviews.csv:1: error: its columns match no SSDA903 table; the nearest is Reviews (reviews.csv), which has no NOTES"

fresh_case
spoil reviews.csv 3 "C01,15/03/2010,19/04/2024"
bad "a row with too few fields" \
	"$T/case/reviews.csv:3: error: has 3 fields; the header row has 4"

fresh_case
spoil reviews.csv 3 'C01,"15/03/2010,19/04/2024,PN6'
bad "an unterminated quote" "$T/case/reviews.csv:3: error: "

fresh_case
rm "$T/case/reviews.csv"
bad "a missing file" "$T/case: error: has no Reviews table (reviews.csv)"

fresh_case
cp "$T/case/header.csv" "$T/case/children.csv"
bad "two files of one table" "$T/case/header.csv:1: error: holds the Header table, as $T/case/children.csv does: keep one"

fresh_case
printf '\377\376C\000H\000\n\000' >"$T/case/uasc.csv"
bad "a UTF-16 file" "$T/case/uasc.csv: error: is UTF-16; save it as UTF-8 CSV"

fresh_case
: >"$T/case/reviews.csv"
bad "an empty file" "$T/case/reviews.csv: error: is empty"

# Several problems: every one reported, one line each.
fresh_case
spoil episodes.csv 3 "C01,01/03/2024,L,C9,N1,U6,PR1,,,,XA1 1AA,XA2 2BB,XXXXXXX"
spoil reviews.csv 4 "C01,15/03/2010,30/09/2024,PN8"
spoil reviews.csv 5 "C02,01/06/2015,31/04/2024,PN6"
bad "several problems" "3 errors in $T/case: nothing was imported"
same "... one line for each" "$(grep -c ': error: ' "$T/err")" 3

# A refused header row does not make its child's other rows errors too,
# and the checks across files still run.
fresh_case
spoil header.csv 4 "C03,9,20/02/2008,AIND,,,"
spoil reviews.csv 2 "C99,15/03/2010,18/01/2024,PN1"
bad "row and cross-file problems together" "2 errors in $T/case"
contains "... the header row" "$(cat "$T/err")" "header.csv:4: error: SEX \"9\""
contains "... the child not in the header" "$(cat "$T/err")" "reviews.csv:2: error: CHILD \"C99\""

# A bad import into an empty database leaves it empty.
new_db "$T/empty.db"
fresh_case
spoil reviews.csv 25 "C99,05/05/2006,01/03/2024,PN1"
"$IRO" import 903 "$T/case" --db "$T/empty.db" >/dev/null 2>&1
same "a rejected import leaves an empty database empty" \
	"$(sqlite3 "$T/empty.db" 'SELECT (SELECT count(*) FROM child) + (SELECT count(*) FROM episode) + (SELECT count(*) FROM review)')" 0

# ---- What it takes. ----------------------------------------------------------
new_db "$T/b.db"
fresh_case
for f in header episodes reviews uasc; do
	up=$(echo "$f" | tr a-z A-Z)
	mv "$T/case/$f.csv" "$T/case/$up.Csv"
done
check "file names are matched ignoring case" "$IRO" import 903 "$T/case" --db "$T/b.db"

new_db "$T/c.db"
fresh_case
# A byte-order mark, CRLF line ends, quoted fields, columns in another order,
# lower-case codes and spaces round values, as spreadsheets write them.
printf '\357\273\277DOB,CHILD,REVIEW_CODE,REVIEW\r\n' >"$T/case/reviews.csv"
tail -n +2 "$FIXTURES/good/reviews.csv" |
	awk -F, '{ printf "\"%s\",%s, %s ,%s\r\n", $2, $1, tolower($4), $3 }' >>"$T/case/reviews.csv"
check "BOM, CRLF, quotes, column order and case are all read" \
	"$IRO" import 903 "$T/case" --db "$T/c.db"
same "... to the same reviews" \
	"$("$IRO" reviews --from 2000-01-01 --to 2030-12-31 --format csv --db "$T/c.db")" \
	"$reviews_before"

# A later return closes an open episode and corrects a code: the records
# are updated, the old versions kept, and the old values named in the audit
# log.
fresh_case
spoil episodes.csv 3 "C01,01/03/2024,L,C2,N1,U6,PR1,31/12/2024,E4A,,XA1 1AA,XA2 2BB,XXXXXXX"
spoil reviews.csv 3 "C01,15/03/2010,19/04/2024,PN5"
out=$("$IRO" import 903 "$T/case" --db "$DB")
contains "a later return updates what changed" "$out" "episodes: 0 added, 1 changed"
contains "... and the review's code" "$out" "reviews:  0 added, 1 changed"
got=$(sqlite3 "$DB" "SELECT detail FROM audit WHERE action = 'import' AND entity = 'child' ORDER BY id DESC LIMIT 1")
contains "... keeping the old value in the audit log" "$got" \
	'{"table":"episode","key":"2024-03-01","field":"dec","old":null,"new":"2024-12-31"}'
contains "... for the review too" "$got" \
	'{"table":"review","key":"2024-04-19","field":"pn_code","old":"PN6","new":"PN5"}'
id=$(sqlite3 "$DB" "SELECT r.id FROM review r JOIN child c ON c.id = r.child_id WHERE c.la_child_id = 'C01' AND r.held_date = '2024-04-19'")
got=$("$IRO" show review "$id" --db "$DB")
contains "... and iro show gives the review as it was before" "$got" '"participation":"PN6"'
contains "... beside the review as it is now" "$(echo "$got" | head -n 1)" '"participation":"PN5"'
got=$("$IRO" show episode C01,2024-03-01 --db "$DB")
contains "... and the episode as it is, closed" "$(echo "$got" | head -n 1)" '"dec":"2024-12-31"'
was=$(echo "$got" | sed -n 2p)
contains "... and as it was" "$was" '"version":{"type":"episode","child":"C01","decom":"2024-03-01"'
same "... still open" "$(echo "$was" | grep -c '"dec":')" 0
got=$("$IRO" due --as-of 2025-01-01 --format csv --db "$DB" | grep -c '^C01,')
same "... and the child who left care is no longer due a review" "$got" 0

# Warnings are reported and the data taken.
new_db "$T/w.db"
fresh_case
spoil reviews.csv 2 "C01,15/03/2010,18/01/2024,PN0"
"$IRO" import 903 "$T/case" --db "$T/w.db" --all-warnings >"$T/out" 2>"$T/err"
same "a warning does not stop the import" "$?" 0
contains "... and the DfE's rule 440 flags the review, naming file, line, message and child" "$(cat "$T/out")" \
	"reviews.csv:2: rule 440: Participation method indicates child was under 4 years old at the time of the review, but date of birth and review date indicates the child was 4 years old or over. (child C01)"

done_testing
