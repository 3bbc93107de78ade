#!/bin/sh
# t_903_return.sh - the SSDA903 return in and out, and checked (issue 7):
# "import then export of valid files gives the same rows back", in CSV
# and in the XML form; `iro validate 903` reads files as the DfE's
# validator does (columns in any order, BOM, CRLF, quotes; a clear message
# for UTF-16 and for an unknown table) and writes table,row,rule.
. "$(dirname "$0")/lib.sh"

R=$FIXTURES/return2324
DB=$T/a.db
new_db "$DB"

# The rows of a CSV file, parsed (quotes undone) and sorted, header apart.
rows() {
	python3 -c 'import csv,sys
r=list(csv.reader(open(sys.argv[1],newline="",encoding="utf-8-sig")))
print(",".join(r[0]))
for x in sorted(r[1:]): print("|".join(x))' "$1"
}

check "a 2023-24 return with all eleven tables imports" \
	"$IRO" import 903 "$R" --db "$DB"
check "... and its year exports as CSV" \
	"$IRO" export 903 --year 2023-24 --out "$T/out" --db "$DB"
for f in "$R"/*.csv; do
	b=$(basename "$f")
	same "export gives back the rows of $b" "$(rows "$T/out/$b")" "$(rows "$f")"
done
same "export writes no file the return did not have" \
	"$(ls "$T/out" | tr '\n' ' ')" "$(ls "$R" | tr '\n' ' ')"

# Importing the same return again changes nothing.
out=$("$IRO" import 903 "$R" --db "$DB")
contains "a second import of the return changes nothing" "$out" "0 child tables changed"

# The XML form: exported, imported into a new database, exported as CSV:
# the same rows, but for social worker episodes, which XML does not carry.
check "the year exports in the XML form" \
	"$IRO" export 903 --year 2023-24 --out "$T/xml" --xml --db "$DB"
contains "... one XML file of the return" "$(head -c 200 "$T/xml/ssda903-2023-24.xml")" "<EXPSSDA903>"
new_db "$T/b.db"
check "... which imports" "$IRO" import 903 "$T/xml" --db "$T/b.db"
check "... and exports again" "$IRO" export 903 --year 2023-24 --out "$T/out2" --db "$T/b.db"
for f in "$R"/*.csv; do
	b=$(basename "$f")
	[ "$b" = sw_episodes.csv ] && continue
	same "XML round trip gives back the rows of $b" "$(rows "$T/out2/$b")" "$(rows "$f")"
done

# SEX is coded 1/2 until 2023-24 and M/F/U from 2024-25 (rule 101).
"$IRO" export 903 --year 2024-25 --out "$T/y25" --db "$DB" >/dev/null
same "a 2024-25 export codes SEX as M/F" \
	"$(cut -d, -f2 "$T/y25/header.csv" | tr -d '\r' | sort -u | tr '\n' ' ')" "F M SEX "
# An episode open on 31 March is returned open; one ending later is not
# in an earlier year's return with its end.
same "the 2022-23 return holds only C1, looked after then" \
	"$(tail -n +2 "$T/y22/header.csv" 2>/dev/null; "$IRO" export 903 --year 2022-23 --out "$T/y22" --db "$DB" >/dev/null; tail -n +2 "$T/y22/header.csv" | cut -d, -f1 | tr -d '\r' | tr '\n' ' ')" "C1 "

# ---- iro validate 903 --------------------------------------------------
V=$T/v
mkdir -p "$V"
cp "$R"/header.csv "$R"/episodes.csv "$R"/reviews.csv "$V"/
# C1 is 13 in 2023: PN0 on row 1 breaks 440; C4 is 1 in 2023: PN1 on row 5
# breaks 441.
python3 - "$V/reviews.csv" <<'PY'
import sys
p = sys.argv[1]
lines = open(p).read().splitlines()
lines[2] = "C1,15/03/2010,18/11/2023,PN0"
lines[6] = "C4,10/10/2021,20/03/2024,PN1"
open(p, "w").write("\n".join(lines) + "\n")
PY
out=$("$IRO" validate 903 "$V" --year 2023-24 --format csv --rule 440)
same "validate --format csv writes table,row,rule" "$out" "table,row,rule
Reviews,1,440"
out=$("$IRO" validate 903 "$V" --year 2023-24 --format csv --rule 441)
same "... 441 on the under-4's PN1, by its 0-based row" "$out" "table,row,rule
Reviews,5,441"
plain=$("$IRO" validate 903 "$V" --year 2023-24 --format csv)
contains "... all rules together" "$plain" "Reviews,1,440"

# The same files with a BOM, CRLF line ends, every field quoted and the
# columns in another order give the same result.
W=$T/w
mkdir -p "$W"
for f in "$V"/*.csv; do
	python3 - "$f" "$W/$(basename "$f")" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
order = list(reversed(range(len(rows[0]))))
with open(sys.argv[2], "w", newline="", encoding="utf-8-sig") as out:
    w = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    for r in rows:
        w.writerow([r[i] for i in order])
PY
done
same "BOM, CRLF, quotes and reordered columns read the same" \
	"$("$IRO" validate 903 "$W" --year 2023-24 --format csv)" "$plain"
same "the year is the return's when not given" \
	"$("$IRO" validate 903 "$W" --format csv)" "$plain"
text=$("$IRO" validate 903 "$V" --year 2023-24 --rule 440)
contains "the text form names the file, the line, the rule and its DfE message" \
	"$text" "$V/reviews.csv:3: rule 440: Participation method indicates child was under 4 years old at the time of the review, but date of birth and review date indicates the child was 4 years old or over. (child C1)"

# Files the validator would refuse get a clear message and exit status 1.
U=$T/u
mkdir -p "$U"
cp "$V"/*.csv "$U"/
printf '\377\376C\000H\000' >"$U/uasc.csv"
"$IRO" validate 903 "$U" >"$T/o" 2>"$T/e"
same "a UTF-16 file: exit status 1" "$?" 1
contains "... says save it as UTF-8" "$(cat "$T/e")" "$U/uasc.csv: error: is UTF-16; save it as UTF-8 CSV"
rm "$U/uasc.csv"
printf 'CHILD,DOB,NOTE\n1,2,3\n' >"$U/notes.csv"
"$IRO" validate 903 "$U" >"$T/o" 2>"$T/e"
same "an unknown table: exit status 1" "$?" 1
contains "... names the file and the nearest table" "$(cat "$T/e")" \
	"$U/notes.csv:1: error: its columns match no SSDA903 table"
rm "$U/notes.csv"
cp "$R/header.csv" "$U/header.xml"
"$IRO" validate 903 "$U" >"$T/o" 2>"$T/e"
contains "CSV and XML together are refused" "$(cat "$T/e")" "holds both CSV and XML files"

# A table with no rows: from CSV (its header row only) it is loaded and
# empty, so rule 1012 flags a review of a child with no episode; from XML
# the validator has a frame with no columns, on which 1012 fails and flags
# nothing.
X=$T/x
mkdir -p "$X/csv" "$X/xml"
printf 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nA,1,01/01/2015,WBRI,,,\n' >"$X/csv/header.csv"
printf 'CHILD,DOB,REVIEW,REVIEW_CODE\nA,01/01/2015,01/06/2022,PN1\n' >"$X/csv/reviews.csv"
printf 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n' >"$X/csv/episodes.csv"
printf '<EXPSSDA903><CHILD><HEADER><CHILDID>A</CHILDID><SEX>1</SEX><DOB>01/01/2015</DOB><ETHNIC>WBRI</ETHNIC><AREVIEW><REVIEW>01/06/2022</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE></AREVIEW></HEADER></CHILD></EXPSSDA903>\n' >"$X/xml/r.xml"
same "an empty episodes file: 1012 flags the review" \
	"$("$IRO" validate 903 "$X/csv" --year 2022-23 --format csv --rule 1012)" "table,row,rule
Reviews,0,1012"
same "XML with no episodes: 1012 flags nothing, as the validator's fails" \
	"$("$IRO" validate 903 "$X/xml" --year 2022-23 --format csv --rule 1012)" "table,row,rule"

# ---- iro validate: the records, as the year's return --------------------
out=$("$IRO" validate --year 2023-24 --format csv --db "$DB")
same "the imported records break no rule the files did not" \
	"$out" "$("$IRO" validate 903 "$T/out" --year 2023-24 --format csv)"

# ---- The rules at entry -------------------------------------------------
# C1's episode from 01/06/2022 is open; a new one from 01/12/2023 coded as
# a change of placement (RNE P) leaves it unended (142) and does not start
# the day it ended (433). The episode is written and both are warned of.
"$IRO" add episode --child C1 --decom 2023-12-01 --rne P --ls C2 --cin N1 \
	--place U4 --place-provider PR1 --db "$DB" >"$T/o" 2>"$T/e"
same "an episode breaking DfE rules is written: exit status 0" "$?" 0
contains "... said so" "$(cat "$T/o")" "Added episode"
contains "... with a warning for rule 433 on it" "$(cat "$T/e")" \
	"iro add: warning: Episodes 01/12/2023: DfE rule 433: The reason for new episode suggests that this is a continuation episode"
contains "... and for rule 142 on the episode left open" "$(cat "$T/e")" \
	"iro add: warning: Episodes 01/06/2022: DfE rule 142: A new episode has started, but the previous episode has not ended."
same "... and iro validate finds the same" \
	"$("$IRO" validate --year 2023-24 --format csv --rule 433 --db "$DB")" "table,row,rule
Episodes,1,433"
# What the DfE refuses outright is refused at entry: a DEC without a REC.
"$IRO" add episode --child C4 --decom 2024-01-10 --dec 2024-01-20 --rne P \
	--ls E1 --cin N1 --place A5 --place-provider PR1 --db "$DB" >"$T/o" 2>"$T/e"
same "an episode with DEC but no REC is refused: exit status 1" "$?" 1
contains "... naming rule 148's fields" "$(cat "$T/e")" "nothing was written"
done_testing
