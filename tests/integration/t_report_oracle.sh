#!/bin/sh
# t_report_oracle.sh - the core figures of `iro report annual` (reviews held
# and in time, by sequence, overdue at the year end; participation codes,
# attendance and participation; the population looked after at 31 March by
# legal status, placement, age band and sex, and periods started and ceased
# by reason) against an independent computation of them
# (tests/oracle/report.py: Python, written from spec §3-§4 and the report's
# key definitions, with clocks.py's calendar and review schedule), on two
# synthetic authorities over several reporting years and on a small crafted
# return of edge cases. Every key of every map is compared (a missing key
# counts as 0), one check per key group per year; and the same keys of
# `iro report monthly` for a few months.
#
# Also, and whether or not `iro report` exists: the oracle's review figures
# against `iro timeliness` (first, second, subsequent and all reviews held
# and in time, the child-level figure, the children overdue at the end), and
# the oracle against the crafted return's figures worked out by hand.
. "$(dirname "$0")/lib.sh"
ORACLE="$(dirname "$0")/../oracle/report.py"

KEYS="period reviews.held reviews.in_time reviews.by_sequence reviews.overdue_at_end
participation.codes participation.attendance participation.participation
population.at_end population.by_legal_status population.by_placement
population.by_age_band population.by_sex population.started population.ceased
population.ceased_by_reason"

if "$IRO" report annual --help >/dev/null 2>&1; then have_report=1; else have_report=0; fi

# agree DESC [--as GOT,WANT] GOT.json WANT.json GROUP...: one TAP line; both
# values of every differing key on a mismatch (named iro, oracle).
agree() {
	desc=$1
	shift
	if python3 "$ORACLE" compare "$@" >"$T/.diff" 2>&1; then
		ok "$desc"
	else
		not_ok "$desc" "$(cat "$T/.diff")"
	fi
}

# year NAME DB DIR YEAR: every comparison for one reporting year.
year() {
	name=$1 db=$2 dir=$3 y=$4
	python3 "$ORACLE" "$dir" --year "$y" --timeliness >"$T/tl_oracle.json"
	"$IRO" timeliness --year "$y" --format json --db "$db" >"$T/tl.json"
	overdue=$("$IRO" timeliness --year "$y" --db "$db" |
		sed -n 's/^Overdue on [0-9-]*: \([0-9]*\) .*/\1/p')
	python3 "$ORACLE" iro-timeliness "$T/tl.json" "$overdue" >"$T/tl_iro.json"
	agree "$name $y: iro timeliness reviews (first, second, subsequent, all) agree" \
		"$T/tl_iro.json" "$T/tl_oracle.json" first second subsequent all
	agree "$name $y: iro timeliness children (every review in time) agrees" \
		"$T/tl_iro.json" "$T/tl_oracle.json" children
	agree "$name $y: iro timeliness overdue on the last day agrees" \
		"$T/tl_iro.json" "$T/tl_oracle.json" overdue_at_end
	if [ "$have_report" = 0 ]; then
		ok "# SKIP iro report not built yet ($name $y)"
		return
	fi
	python3 "$ORACLE" "$dir" --year "$y" >"$T/r_oracle.json"
	if ! "$IRO" report annual --year "$y" --format json --db "$db" >"$T/r_iro.json" 2>"$T/r_err"; then
		not_ok "$name $y: iro report annual --format json runs" "$(cat "$T/r_err")"
		return
	fi
	for k in $KEYS; do
		agree "$name $y: report $k" "$T/r_iro.json" "$T/r_oracle.json" "$k"
	done
}

# month NAME DB DIR YYYY-MM: `iro report monthly`, the same keys for a month.
month() {
	name=$1 db=$2 dir=$3 m=$4
	if [ "$have_report" = 0 ]; then
		ok "# SKIP iro report not built yet ($name $m)"
		return
	fi
	python3 "$ORACLE" "$dir" --month "$m" >"$T/r_oracle.json"
	if ! "$IRO" report monthly --month "$m" --format json --db "$db" >"$T/r_iro.json" 2>"$T/r_err"; then
		not_ok "$name $m: iro report monthly --format json runs" "$(cat "$T/r_err")"
		return
	fi
	for k in $KEYS; do
		agree "$name month $m: report $k" "$T/r_iro.json" "$T/r_oracle.json" "$k"
	done
}

# ---- The crafted return: one child per edge, the year 2021-22 ------------
# (31 March 2022 is D; working days are England and Wales': Good Friday
# 2 April 2021, Easter Monday 5 April, early May 3 May, Christmas 27 and
# 28 December 2021.)
#
# C01 period ends ON 31/03/2022 (E4A): not looked after then, ceased in
#     the year; a review on that last day (7th, due 15/03/2022: late) and
#     the 6th (15/09/2021, due 20/09/2021: in time; its row repeated
#     exactly, one review).
# C02 period starts ON 31/03/2022: looked after, started; born 31/03/2012,
#     10 that day (10_15).
# C03 born 31/03/2021, 1 on D (1_4); period from 10/04/2021: review 1 on
#     its due date 10/05/2021 (in time), review 2 on 10/08/2021 (due that
#     day), review 3 on 11/02/2022, the day after its due date (late).
# C04 born 01/04/2021, not 1 until the day after D (under_1); period from
#     01/04/2021 (the first day: started); review 1 with a blank code.
# C05 turns 5 on D (5_9); a V3 episode inside an ordinary period (X1 in and
#     out of it) and a review held during it (standard, subsequent).
# C06 turns 16 on D (16_17); X1 chain C1/U6 -> C2/U4 (legal status and
#     placement) -> C2/R1 from D itself: the open episode on D is C2/R1.
# C07 turns 18 on D (18_plus); review 1 held 31/12/2021, its due date
#     (after the 27th and 28th); review 2 due ON D, not held: not overdue.
# C08 review 1 on its due date 29/06/2021, review 2 the day after its due
#     date (30/09/2021, late); review 3 due 30/03/2022, the day before D,
#     not held: overdue.
# C09 two periods: the first ends 30/06/2021 (E4A) after its 2nd review in
#     the year; the second starts 01/09/2021 and its reviews are 1st, 2nd.
# C10 adoption authority (E1) from 01/06/2021 within the period: review
#     10/04/2021 standard (in time), 25/08/2021 an adoption review (out of
#     the standard measures, in participation); its next adoption review
#     due 25/02/2022 is not held - not counted as overdue.
# C11 E1 then placed for adoption (A5) from 01/11/2021, adopted (E11)
#     15/02/2022: ceased by E11; its adoption reviews in the year count in
#     participation only.
# C12 short breaks only (two V3 breaks, one open on D, each its own period):
#     out of the population, started and ceased; its short-break review
#     counts in participation only.
# C13 period ends 01/04/2021 (E41), the first day: ceased in the year; a
#     review on that day (2nd, late).
# C14 period ended 31/03/2021 (E4B): ceased the year before; a review
#     held on 14/07/2021, on no day of any period of care: in no review
#     measure, but one of "all reviews held" for participation (PN4).
# C15 period starts 05/07/2021 and ends 20/12/2021 (E13); review 1 late.
mkdir "$T/edge"
cat >"$T/edge/header.csv" <<'EOF'
CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB
C01,1,05/05/2010,WBRI,,,
C02,2,31/03/2012,WBRI,,,
C03,1,31/03/2021,WBRI,,,
C04,2,01/04/2021,WBRI,,,
C05,1,31/03/2017,WBRI,,,
C06,2,31/03/2006,WBRI,,,
C07,1,31/03/2004,WBRI,,,
C08,2,12/06/2008,WBRI,,,
C09,1,15/08/2009,WBRI,,,
C10,2,10/02/2015,WBRI,,,
C11,1,01/07/2016,WBRI,,,
C12,2,03/03/2011,WBRI,,,
C13,1,20/10/2007,WBRI,,,
C14,2,05/05/2005,WBRI,,,
C15,1,01/01/2012,WBRI,,,
EOF
cat >"$T/edge/episodes.csv" <<'EOF'
CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
C01,01/06/2019,S,C2,N1,U4,PR1,31/03/2022,E4A,,,,
C02,31/03/2022,S,C1,N1,U6,PR1,,,,,,
C03,10/04/2021,S,C2,N1,U4,PR1,,,,,,
C04,01/04/2021,S,V2,N1,U6,PR1,,,,,,
C05,01/01/2018,S,C2,N1,U4,PR1,10/10/2021,X1,PLACE,,,
C05,10/10/2021,L,V3,N1,U4,PR1,20/10/2021,X1,PLACE,,,
C05,20/10/2021,L,C2,N1,U4,PR1,,,,,,
C06,01/04/2020,S,C1,N1,U6,PR1,15/09/2021,X1,CARPL,,,
C06,15/09/2021,B,C2,N1,U4,PR1,31/03/2022,X1,CHILD,,,
C06,31/03/2022,P,C2,N1,R1,PR1,,,,,,
C07,01/12/2021,S,V2,N1,U6,PR1,,,,,,
C08,01/06/2021,S,C2,N1,U4,PR1,,,,,,
C09,01/01/2021,S,C2,N1,U4,PR1,30/06/2021,E4A,,,,
C09,01/09/2021,S,V2,N1,U6,PR1,,,,,,
C10,01/01/2020,S,C2,N1,U4,PR1,01/06/2021,X1,PLACE,,,
C10,01/06/2021,L,E1,N1,U4,PR1,,,,,,
C11,01/03/2019,S,C2,N1,U6,PR1,01/08/2020,X1,PLACE,,,
C11,01/08/2020,L,E1,N1,U6,PR1,01/11/2021,X1,CARPL,,,
C11,01/11/2021,P,E1,N1,A5,PR1,15/02/2022,E11,,,,
C12,10/01/2022,S,V3,N2,U4,PR1,12/01/2022,E4A,,,,
C12,29/03/2022,S,V3,N2,U4,PR1,,,,,,
C13,10/10/2020,S,C2,N1,U4,PR1,01/04/2021,E41,,,,
C14,01/05/2019,S,C2,N1,U4,PR1,31/03/2021,E4B,,,,
C15,05/07/2021,S,V2,N1,U6,PR1,20/12/2021,E13,,,,
EOF
cat >"$T/edge/reviews.csv" <<'EOF'
CHILD,DOB,REVIEW,REVIEW_CODE
C01,05/05/2010,20/06/2019,PN1
C01,05/05/2010,20/09/2019,PN1
C01,05/05/2010,20/03/2020,PN1
C01,05/05/2010,20/09/2020,PN5
C01,05/05/2010,20/03/2021,PN6
C01,05/05/2010,15/09/2021,PN1
C01,05/05/2010,15/09/2021,PN1
C01,05/05/2010,31/03/2022,PN7
C03,31/03/2021,10/05/2021,PN0
C03,31/03/2021,10/08/2021,PN0
C03,31/03/2021,11/02/2022,PN0
C04,01/04/2021,04/05/2021,
C04,01/04/2021,02/08/2021,PN0
C04,01/04/2021,01/02/2022,PN0
C05,31/03/2017,15/01/2018,PN0
C05,31/03/2017,15/04/2018,PN0
C05,31/03/2017,15/10/2018,PN0
C05,31/03/2017,15/04/2019,PN0
C05,31/03/2017,15/10/2019,PN0
C05,31/03/2017,15/04/2020,PN0
C05,31/03/2017,15/10/2020,PN0
C05,31/03/2017,15/04/2021,PN2
C05,31/03/2017,15/10/2021,PN3
C06,31/03/2006,20/04/2020,PN1
C06,31/03/2006,20/07/2020,PN1
C06,31/03/2006,10/01/2021,PN1
C06,31/03/2006,01/07/2021,PN4
C06,31/03/2006,30/12/2021,PN5
C07,31/03/2004,31/12/2021,PN1
C08,12/06/2008,29/06/2021,PN6
C08,12/06/2008,30/09/2021,PN7
C09,15/08/2009,27/01/2021,PN1
C09,15/08/2009,20/04/2021,PN1
C09,15/08/2009,28/09/2021,PN1
C09,15/08/2009,28/12/2021,PN2
C10,10/02/2015,20/01/2020,PN1
C10,10/02/2015,20/04/2020,PN1
C10,10/02/2015,15/10/2020,PN1
C10,10/02/2015,10/04/2021,PN1
C10,10/02/2015,25/08/2021,PN1
C11,01/07/2016,20/03/2019,PN0
C11,01/07/2016,20/06/2019,PN0
C11,01/07/2016,20/12/2019,PN0
C11,01/07/2016,20/06/2020,PN0
C11,01/07/2016,20/10/2020,PN1
C11,01/07/2016,01/04/2021,PN1
C11,01/07/2016,25/11/2021,PN1
C12,03/03/2011,11/01/2022,PN1
C13,20/10/2007,06/11/2020,PN1
C13,20/10/2007,01/04/2021,PN6
C14,05/05/2005,14/07/2021,PN4
C15,01/01/2012,03/08/2021,PN5
EOF
printf 'CHILD,SEX,DOB,DUC\n' >"$T/edge/uasc.csv"

# The crafted return's 2021-22 figures, worked out by hand from the rules:
# standard reviews held - first C03 C04 C07 C08 C09 C15(late); second C03
# C04 C08(late) C09 C09 C13(late); subsequent C01 C01(late) C03(late) C04
# C05 C05 C06 C06 C10. Looked after on D: C02-C10 (C08 overdue; C07 due on
# D; C10 adoption). Codes of every review held in the year (C10, C11, C12,
# C14 included; C04's blank in none). Started: C02 C03 C04 C07 C08 C09(2nd)
# C15; ceased: C01 E4A, C09 E4A, C11 E11, C13 E41, C15 E13.
cat >"$T/edge_2021-22.json" <<'EOF'
{"period": {"from": "2021-04-01", "to": "2022-03-31"},
 "reviews": {"held": 21, "in_time": 16,
             "by_sequence": {"first": {"held": 6, "in_time": 5},
                             "second": {"held": 6, "in_time": 4},
                             "subsequent": {"held": 9, "in_time": 7}},
             "overdue_at_end": 1},
 "participation": {"codes": {"PN0": 5, "PN1": 9, "PN2": 2, "PN3": 1, "PN4": 2,
                             "PN5": 2, "PN6": 2, "PN7": 2},
                   "attendance": {"num": 14, "den": 20},
                   "participation": {"num": 16, "den": 20}},
 "population": {"at_end": 9,
                "by_legal_status": {"C1": 1, "C2": 4, "E1": 1, "V2": 3},
                "by_placement": {"R1": 1, "U4": 4, "U6": 4},
                "by_age_band": {"under_1": 1, "1_4": 1, "5_9": 2, "10_15": 3,
                                "16_17": 1, "18_plus": 1},
                "by_sex": {"1": 4, "2": 5},
                "started": 7, "ceased": 5,
                "ceased_by_reason": {"E4A": 2, "E11": 1, "E13": 1, "E41": 1}}}
EOF
# By hand, too: children looked after on D in the standard measures with a
# review due in the year: C03 (late), C04, C05, C06, C07 (due on D, not
# held), C08 (late, and overdue), C09; C02 has none due, C10 has left.
cat >"$T/edge_2021-22_tl.json" <<'EOF'
{"first": {"held": 6, "in_time": 5}, "second": {"held": 6, "in_time": 4},
 "subsequent": {"held": 9, "in_time": 7}, "all": {"held": 21, "in_time": 16},
 "children": {"total": 7, "in_time": 4}, "overdue_at_end": 1}
EOF
python3 "$ORACLE" "$T/edge" --year 2021-22 >"$T/edge_oracle.json"
agree "crafted 2021-22: the oracle's report keys are the figures worked out by hand" \
	--as oracle,hand "$T/edge_oracle.json" "$T/edge_2021-22.json" $KEYS
python3 "$ORACLE" "$T/edge" --year 2021-22 --timeliness >"$T/edge_oracle_tl.json"
agree "crafted 2021-22: the oracle's timeliness figures are those worked out by hand" \
	--as oracle,hand "$T/edge_oracle_tl.json" "$T/edge_2021-22_tl.json" first second subsequent all children overdue_at_end

new_db "$T/edge.db"
if "$IRO" import 903 "$T/edge" --db "$T/edge.db" >"$T/.out" 2>&1; then
	ok "crafted return imports"
	for y in 2020-21 2021-22 2022-23; do
		year "crafted" "$T/edge.db" "$T/edge" "$y"
	done
	for m in 2021-04 2022-03; do
		month "crafted" "$T/edge.db" "$T/edge" "$m"
	done
else
	not_ok "crafted return imports" "$(cat "$T/.out")"
fi

# ---- Two synthetic authorities, the collection year and years before ----
synth() { # NAME CHILDREN SEED COLLECTION HISTORY YEARS MONTHS
	name=$1
	if ! "$IRO" synth --children "$2" --seed "$3" --year "$4" --history "$5" \
		--out "$T/$name" >"$T/.out" 2>&1; then
		not_ok "$name: iro synth writes a return" "$(cat "$T/.out")"
		return
	fi
	new_db "$T/$name.db"
	if ! "$IRO" import 903 "$T/$name" --db "$T/$name.db" >"$T/.out" 2>&1; then
		not_ok "$name: the return imports" "$(cat "$T/.out")"
		return
	fi
	for y in $6; do
		year "$name" "$T/$name.db" "$T/$name" "$y"
	done
	for m in $7; do
		month "$name" "$T/$name.db" "$T/$name" "$m"
	done
}
synth "authority A (400 children, seed 5)" 400 5 2023-24 8 "2023-24 2022-23 2019-20 2016-17" \
	"2024-02 2020-12"
# B's collection year is 2024-25, whose return codes SEX as M, F, U.
synth "authority B (150 children, seed 23)" 150 23 2024-25 6 "2024-25 2023-24 2020-21" \
	"2025-03 2022-09"

done_testing
