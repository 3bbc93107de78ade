#!/bin/sh
# t_clocks.sh - from an SSDA903 import to `iro reviews` and `iro due`, on a
# hand-made return whose every answer was worked out by hand from spec §3:
# bank holidays (Christmas, Easter 2024, the 2022 jubilee), re-entry into
# care, short breaks, adoption, a review on a period's last day, a period
# that ends before review 1 is due, leap years and month ends.
. "$(dirname "$0")/lib.sh"

DB=$T/t.db
new_db "$DB"
"$IRO" import 903 "$FIXTURES/good" --db "$DB" >/dev/null 2>"$T/import.err"
same "the hand-made return imports without a warning" "$(cat "$T/import.err")" ""

# Every review held, by held date: the period it belongs to, its sequence
# number, its due date and whether it was on time.
want_reviews='child,period_start,sequence,due,held,in_time,pn_code
C03,2019-02-01,1,2019-03-01,2019-02-20,yes,PN1
C03,2019-02-01,2,2019-05-20,2019-05-15,yes,PN5
C03,2019-02-01,3,2019-11-15,2019-09-30,yes,PN7
C05,2020-01-06,1,2020-02-03,2020-01-30,yes,PN0
C05,2020-01-06,2,2020-04-30,2020-04-20,yes,PN0
C05,2020-01-06,3,2020-09-01,2020-08-25,yes,PN0
C05,2020-01-06,4,2021-02-25,2020-12-01,yes,PN0
C03,2020-11-16,1,2020-12-14,2020-12-10,yes,PN1
C05,2020-01-06,5,2021-03-15,2021-03-10,yes,PN0
C03,2020-11-16,2,2021-03-10,2021-03-15,no,PN2
C05,2020-01-06,6,2021-06-10,2021-06-20,no,PN0
C09,2022-05-27,1,2022-06-28,2022-06-28,yes,PN1
C09,2022-05-27,2,2022-09-28,2022-09-20,yes,PN1
C09,2022-05-27,3,2023-03-20,2023-03-15,yes,PN6
C09,2022-05-27,4,2023-09-15,2023-09-10,yes,PN1
C08,2023-10-10,1,2023-11-07,2023-11-01,yes,PN1
C07,2023-11-01,1,2023-11-29,2023-11-30,no,PN3
C01,2023-12-18,1,2024-01-18,2024-01-18,yes,PN1
C07,2023-11-01,2,2024-02-29,2024-02-29,yes,PN4
C09,2022-05-27,5,2024-03-10,2024-03-01,yes,PN1
C01,2023-12-18,2,2024-04-18,2024-04-19,no,PN6
C02,2024-03-28,1,2024-04-29,2024-04-29,yes,PN6
C07,2023-11-01,3,2024-08-29,2024-08-29,yes,PN1
C01,2023-12-18,3,2024-10-19,2024-09-30,yes,PN1'
got=$("$IRO" reviews --from 2019-01-01 --to 2024-12-31 --format csv --db "$DB")
same "iro reviews: every review timed by the rules" "$got" "$want_reviews"

got=$("$IRO" reviews --from 2024-02-29 --to 2024-04-19 --format csv --db "$DB")
same "iro reviews: both ends of the range are included" "$got" \
"child,period_start,sequence,due,held,in_time,pn_code
C07,2023-11-01,2,2024-02-29,2024-02-29,yes,PN4
C09,2022-05-27,5,2024-03-10,2024-03-01,yes,PN1
C01,2023-12-18,2,2024-04-18,2024-04-19,no,PN6"

# Children looked after on 1 June 2024 in the standard regime, most
# overdue first. C04 (short breaks) and C05 (placed for adoption) are
# outside it; C06 and C09 had left care.
want_due='child,period_start,next_sequence,due,days_overdue
C03,2020-11-16,3,2021-09-15,990
C08,2023-10-10,2,2024-02-01,121
C02,2024-03-28,2,2024-07-29,0
C07,2023-11-01,3,2024-08-29,0
C01,2023-12-18,3,2024-10-19,0'
got=$("$IRO" due --as-of 2024-06-01 --format csv --db "$DB")
same "iro due: next review of each child looked after" "$got" "$want_due"

# A review due on the day is not yet overdue; the next day it is.
got=$("$IRO" due --as-of 2024-02-01 --format csv --db "$DB" | grep '^C08,')
same "iro due: due today is not overdue" "$got" "C08,2023-10-10,2,2024-02-01,0"
got=$("$IRO" due --as-of 2024-02-02 --format csv --db "$DB" | grep '^C08,')
same "iro due: the day after, one day overdue" "$got" "C08,2023-10-10,2,2024-02-01,1"
got=$("$IRO" due --as-of 2024-01-19 --format csv --db "$DB" | grep '^C01,')
same "iro due: a review held on the as-of day counts as held" "$got" \
	"C01,2023-12-18,2,2024-04-18,0"

# A period that ends before review 1 is due: listed while it lasts, gone
# from the day it ends.
got=$("$IRO" due --as-of 2021-04-19 --format csv --db "$DB" | grep '^C06,')
same "iro due: a short period is due its first review" "$got" \
	"C06,2021-04-01,1,2021-05-04,0"
got=$("$IRO" due --as-of 2021-04-20 --format csv --db "$DB" | grep -c '^C06,')
same "iro due: the day a period ends the child is not looked after" "$got" 0

# The adoption regime: C05 leaves the standard list from 1 June 2020.
got=$("$IRO" due --as-of 2020-05-31 --format csv --db "$DB" | grep '^C05,')
same "iro due: standard regime up to the authority date" "$got" \
	"C05,2020-01-06,3,2020-10-20,0"
got=$("$IRO" due --as-of 2020-06-01 --format csv --db "$DB" | grep -c '^C05,')
same "iro due: authority to place takes the child out of the list" "$got" 0

got=$("$IRO" due --as-of 2024-06-01 --overdue --format csv --db "$DB" | wc -l)
same "iro due --overdue lists only the overdue" "$got" 3

got=$("$IRO" due --as-of 2024-06-01 --format json --db "$DB" | tr -d ' \n' | head -c 120)
contains "iro due --format json writes numbers as numbers" "$got" \
	'"next_sequence":3,"due":"2021-09-15","days_overdue":990'

got=$("$IRO" due --as-of 2024-06-01 --db "$DB")
contains "iro due --format text is an aligned table" "$got" \
	"C03    2020-11-16                3  2021-09-15           990"
contains "iro due --format text ends with a summary" "$got" \
	"5 children looked after on 2024-06-01 in the standard regime; 2 overdue."

# Child level counts C01 and C07 (each had a review due in the year and
# one late); C03 and C08 are left out, having no review *due in* the year
# (theirs fell due before it and are still outstanding, which the overdue
# count shows); C05 is in the adoption regime.
got=$("$IRO" timeliness --from 2024-04-01 --to 2025-03-31 --format csv --db "$DB")
same "iro timeliness: by sequence and for children" "$got" \
"measure,in_time,total,percent
first reviews,1,1,100.0
second reviews,0,1,0.0
subsequent reviews,2,2,100.0
all reviews,3,4,75.0
children (every review in time),0,2,0.0"
got=$("$IRO" timeliness --year 2024-25 --db "$DB")
contains "iro timeliness: overdue at the end (C01, C03, C07, C08)" "$got" \
	"Overdue on 2025-03-31: 4 "
contains "iro timeliness: adoption reviews counted apart" "$got" \
	"0 short-break reviews, 0 adoption reviews"

# Reads of children's records are in the audit log, with who and what.
got=$(sqlite3 "$DB" "SELECT actor, action, entity FROM audit WHERE entity = 'due' LIMIT 1")
contains "reading the due list is audited" "$got" "|read|due"

done_testing
