#!/bin/sh
# t_synth.sh - `iro synth`: a synthetic authority that is reproducible,
# imports without a single warning, looks like a real IRO service (reviews
# mostly in time, about 60% of children looked after at the year end) and
# never overwrites a return by accident.
. "$(dirname "$0")/lib.sh"

N=2000
synth() { "$IRO" synth --children "$N" --year 2024-25 "$@"; }
FILES="header.csv episodes.csv reviews.csv uasc.csv"

# ---- The same seed gives the same files; another seed, others. ------------
synth --seed 5 --out "$T/a" >/dev/null 2>"$T/err"
same "iro synth succeeds" "$?" 0
synth --seed 5 --out "$T/b" >/dev/null 2>&1
synth --seed 6 --out "$T/c" >/dev/null 2>&1
differs=""
for f in $FILES; do
	cmp -s "$T/a/$f" "$T/b/$f" || differs="$differs $f"
done
same "the same seed gives byte-identical files" "$differs" ""
if cmp -s "$T/a/episodes.csv" "$T/c/episodes.csv" ||
	cmp -s "$T/a/reviews.csv" "$T/c/reviews.csv"; then
	not_ok "another seed gives other files"
else
	ok "another seed gives other files"
fi

# ---- The files: layouts, N children, LF endings, nothing after 31/03/2025. -
same "header.csv has the SSDA903 columns" "$(head -1 "$T/a/header.csv")" \
	"CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB"
same "episodes.csv has the SSDA903 columns" "$(head -1 "$T/a/episodes.csv")" \
	"CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN"
same "reviews.csv has the SSDA903 columns" "$(head -1 "$T/a/reviews.csv")" \
	"CHILD,DOB,REVIEW,REVIEW_CODE"
same "uasc.csv has the SSDA903 columns" "$(head -1 "$T/a/uasc.csv")" \
	"CHILD,SEX,DOB,DUC"
same "header.csv holds N children" "$(($(wc -l <"$T/a/header.csv") - 1))" "$N"
same "no file has a carriage return" \
	"$(cat "$T/a/header.csv" "$T/a/episodes.csv" "$T/a/reviews.csv" "$T/a/uasc.csv" | tr -cd '\r' | wc -c | tr -d ' ')" 0
late=$(awk -F, '
	function ymd(s, a) { split(s, a, "/"); return a[3] a[2] a[1] }
	FNR == 1 { next }
	FILENAME ~ /episodes/ && (ymd($2) > "20250331" || ($8 != "" && ymd($8) > "20250331")) { n++ }
	FILENAME ~ /reviews/ && ymd($3) > "20250331" { n++ }
	FILENAME ~ /header/ && $7 != "" && ymd($7) > "20250331" { n++ }
	FILENAME ~ /uasc/ && $4 != "" && ymd($4) > "20250331" { n++ }
	END { print n + 0 }' "$T/a/header.csv" "$T/a/episodes.csv" "$T/a/reviews.csv" "$T/a/uasc.csv")
same "nothing is dated after 31/03/2025" "$late" 0
same "SEX is M/F from 2024-25" \
	"$(awk -F, 'NR > 1 && $2 != "M" && $2 != "F"' "$T/a/header.csv" | wc -l | tr -d ' ')" 0
"$IRO" synth --children 50 --year 2023-24 --out "$T/old" >/dev/null 2>&1
same "SEX is 1/2 up to 2023-24" \
	"$(awk -F, 'NR > 1 && $2 != "1" && $2 != "2"' "$T/old/header.csv" | wc -l | tr -d ' ')" 0

# ---- It imports with no error and no warning. ---------------------------
DB=$T/synth.db
new_db "$DB"
"$IRO" import 903 "$T/a" --db "$DB" >"$T/out" 2>"$T/err"
status=$?
if [ $status -eq 0 ] && [ ! -s "$T/err" ] && ! grep -qi warning "$T/out"; then
	ok "iro import 903 takes it with no error and no warning"
else
	not_ok "iro import 903 takes it with no error and no warning" \
		"status $status" "$(head -5 "$T/err")" "$(tail -2 "$T/out")"
fi

# ---- Reviews mostly in time, as in real IRO annual reports. ----------------
pct=$("$IRO" timeliness --year 2024-25 --format csv --db "$DB" |
	awk -F, '$1 == "all reviews" { print $4 }')
if awk -v p="$pct" 'BEGIN { exit !(p != "" && p >= 85 && p <= 99) }'; then
	ok "85-99% of the year's reviews were in time ($pct%)"
else
	not_ok "85-99% of the year's reviews were in time" "got: '$pct'"
fi

# ---- A plausible share looked after at the year end (`iro due` leaves out
# short breaks and children with authority to place for adoption). --------
rows=$("$IRO" due --as-of 2025-03-31 --format csv --db "$DB" | awk 'NR > 1' | wc -l | tr -d ' ')
if [ $((rows * 100)) -ge $((N * 40)) ] && [ $((rows * 100)) -le $((N * 75)) ]; then
	ok "40-75% of the children are looked after on 31/03/2025 ($rows of $N)"
else
	not_ok "40-75% of the children are looked after on 31/03/2025" "got $rows of $N"
fi

# ---- It never writes over a return by accident. --------------------------
cp "$T/a/episodes.csv" "$T/episodes.before"
synth --seed 9 --out "$T/a" >"$T/out" 2>"$T/err"
same "writing over a return exits 1" "$?" 1
contains "... says why and what to do" "$(cat "$T/err")" "give --force"
if cmp -s "$T/a/episodes.csv" "$T/episodes.before"; then
	ok "... and leaves the files as they were"
else
	not_ok "... and leaves the files as they were"
fi
mkdir "$T/d"
echo "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB" >"$T/d/HEADER.CSV"
synth --out "$T/d" >/dev/null 2>&1
same "a file named in another case counts too" "$?" 1
synth --seed 9 --out "$T/a" --force >/dev/null 2>&1
same "--force replaces the return" "$?" 0
cmp -s "$T/a/episodes.csv" "$T/episodes.before" &&
	not_ok "... with the new one" || ok "... with the new one"
synth --seed 5 --out "$T/a" --force >/dev/null 2>&1
cmp -s "$T/a/reviews.csv" "$T/b/reviews.csv" && ok "... and back again" ||
	not_ok "... and back again"

# ---- Command-line mistakes exit 2. ---------------------------------------
"$IRO" synth --out "$T/e" >/dev/null 2>"$T/err"
same "--children is required" "$?" 2
"$IRO" synth --children 0 --out "$T/e" >/dev/null 2>&1
same "--children 0 is refused" "$?" 2
"$IRO" synth --children 10 >/dev/null 2>&1
same "--out is required" "$?" 2

done_testing
