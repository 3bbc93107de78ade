#!/bin/sh
# t_records.sh - the records of a service made through the commands: every
# rule refuses with the field and the reason and leaves the database as it
# was; the worklist and caseload see what was recorded; dump and load go
# round without a byte changing.
. "$(dirname "$0")/lib.sh"

DB="$T/s.db"
new_db "$DB"
export IRO_DB="$DB"

cat >"$T/children.jsonl" <<'EOF'
{"type":"child","child":"C1","dob":"2010-03-01","sex":"F","sibling_group":"S1"}
{"type":"child","child":"C2","dob":"2012-05-01","sex":"M","sibling_group":"S1"}
{"type":"child","child":"B1","dob":"2023-01-10","sex":"F","parent":"M1"}
{"type":"child","child":"M1","dob":"2007-01-01","sex":"F","mother":true}
{"type":"episode","child":"C1","decom":"2023-01-09","rne":"S","ls":"C2","cin":"N1","place":"U4"}
{"type":"episode","child":"C2","decom":"2023-01-09","rne":"S","ls":"C2","cin":"N1","place":"U4"}
{"type":"episode","child":"M1","decom":"2023-01-09","rne":"S","ls":"C2","cin":"N1","place":"U1"}
{"type":"episode","child":"B1","decom":"2023-02-01","rne":"S","ls":"C2","cin":"N1","place":"U1"}
EOF
check "a child listed before their parent loads (parents first)" \
	"$IRO" load "$T/children.jsonl"
check "an IRO is added" "$IRO" add iro --name "Asha Patel" --start 2020-01-01
check "a second IRO" "$IRO" add iro --name "Ben Okafor" --start 2020-01-01 --team North
check "an IRO who leaves" "$IRO" add iro --name "Cara Lee" --start 2020-01-01 --end 2023-06-30

# Allocation rules (landscape.md §2, ask 7).
check "C1 is allocated" "$IRO" allocate C1 --iro "Asha Patel" --from 2023-01-11
refused "siblings share an IRO unless a manager overrides" \
	'--iro "Ben Okafor": siblings share an IRO' \
	"$IRO" allocate C2 --iro "Ben Okafor" --from 2023-01-11
check "a manager's reason overrides the sibling rule" \
	"$IRO" allocate C2 --iro "Ben Okafor" --from 2023-01-11 --override "placed apart"
check "the mother is allocated" "$IRO" allocate M1 --iro "Asha Patel" --from 2023-01-12
refused "a looked-after parent and their child never share an IRO, even with a reason" \
	"a looked-after parent and their child never share an IRO" \
	"$IRO" allocate B1 --iro "Asha Patel" --from 2023-02-02 --override x
refused "an allocation before the child is looked after" "not looked after on that day" \
	"$IRO" allocate C1 --iro "Ben Okafor" --from 2022-12-01 --override x
refused "an open allocation to an IRO who leaves" '--iro "Cara Lee": left post on 2023-06-30' \
	"$IRO" allocate C1 --iro "Cara Lee" --from 2023-03-01 --override x
refused "cover by the allocated IRO" "cover is by another IRO" \
	"$IRO" allocate C1 --iro "Asha Patel" --from 2023-03-01 --to 2023-03-10 --reason cover

# A review's life, with its history.
out=$("$IRO" review schedule C1 --date 2023-02-06)
id=$(echo "$out" | sed -n 's/^Added review \([0-9]*\)\.$/\1/p')
contains "a review is scheduled" "$out" "Added review"
check "rearranged at the carer's request" \
	"$IRO" review rearrange "$id" --date 2023-02-07 --requested-by carer --reason "carer ill"
refused "PN0 for a child of 12 (DfE rule 440)" \
	'--participation "PN0": PN0 is only for a child under 4; the child is 12 on 2023-02-07 (DfE rule 440)' \
	"$IRO" review hold "$id" --date 2023-02-07 --participation PN0
"$IRO" review hold "$id" --date 2023-02-07 --venue moon >"$T/.out" 2>&1
same "a code not in the list is a usage error" "$?" 2
contains "... naming the codes" "$(cat "$T/.out")" "must be one of placement, school, office or other"
check "held, with how it went" "$IRO" review hold "$id" --date 2023-02-07 \
	--participation PN1 --venue placement --mode in_person --chair "Asha Patel" \
	--parents-attended yes --sw-attended yes --sw-attended-role social_worker
refused "nothing follows held" "is held already" \
	"$IRO" review hold "$id" --date 2023-02-08
refused "a child under 4 is coded PN0 (DfE rule 441)" "(DfE rule 441)" \
	"$IRO" add review --child B1 --status held --held 2023-03-01 --participation PN1
refused "a review outside any period of care" "not in a period of care" \
	"$IRO" add review --child C1 --status held --held 2022-12-01
refused "a review held in the future" "is in the future" \
	"$IRO" add review --child C1 --status held --held 2099-01-02
refused "minutes before the review" '--minutes_sent "2023-02-01": is before the review was held' \
	"$IRO" set review "$id" --minutes-sent 2023-02-01
show=$("$IRO" show review "$id")
contains "the history keeps who asked for the rearrangement" "$show" \
	'{"status":"rearranged","date":"2023-02-07","requested_by":"carer","reason":"carer ill"'
same "and shows each version the review replaced" \
	"$(echo "$show" | grep -c '"replaced_by"')" 2

check "a child's team changes" "$IRO" set child C1 --team "Children in Care 1"
contains "the old version is kept, with who replaced it" \
	"$("$IRO" show child C1)" '"replaced_by":'
check "a recommendation is added" "$IRO" recommendation add "$id" \
	--text "Health assessment to be arranged" --owner-role social_worker --due 2023-03-01
refused "achieved needs the date" "the date it was achieved is needed" \
	"$IRO" recommendation update 1 --status achieved
check "a visit is recorded" "$IRO" visit add C2 --iro "Ben Okafor" --date 2023-01-20 --kind visit

# The worklist on 1 May 2023 (spec §3; core/worklist.h).
wl=$("$IRO" worklist --as-of 2023-05-01 --format csv)
contains "C1's second review is due 3 months after the first was held" "$wl" \
	"review due,C1,2023-05-07,6,Asha Patel,"
contains "C2's first review was due 20 working days after 9 January" "$wl" \
	"review overdue,C2,2023-02-06,84,Ben Okafor,"
contains "the minutes were due 20 working days after the review" "$wl" \
	"minutes late,C1,2023-03-07,55,Asha Patel,,$id"
contains "an open recommendation past its due date" "$wl" \
	"recommendation overdue,C1,2023-03-01,61,Asha Patel,,,1"
contains "a child with no IRO (due 5 working days after 1 February)" "$wl" \
	"no IRO allocated,B1,2023-02-08,82,"
ben=$("$IRO" worklist --as-of 2023-05-01 --iro "Ben Okafor" --format csv)
same "an IRO's worklist holds only their children" \
	"$(echo "$ben" | tail -n +2 | cut -d, -f2 | sort -u)" C2
refused "an unknown IRO" 'there is no IRO of this name' \
	"$IRO" worklist --iro "Nobody"

cl=$("$IRO" caseload --as-of 2023-05-01 --format csv)
contains "caseload: Asha has C1 and M1" "$cl" "Asha Patel,,1.00,2,0,2.0,below 50"
contains "caseload: Ben has C2" "$cl" "Ben Okafor,North,1.00,1,0,1.0,below 50"

# Dump and load round trip, byte for byte.
"$IRO" dump >"$T/one.jsonl"
new_db "$T/two.db"
check "the dump loads into a new database" "$IRO" load "$T/one.jsonl" --db "$T/two.db"
"$IRO" dump --db "$T/two.db" >"$T/two.jsonl"
same "and dumps again to the same bytes" "$(sha256sum <"$T/two.jsonl" | cut -c1-64)" \
	"$(sha256sum <"$T/one.jsonl" | cut -c1-64)"
out=$("$IRO" load "$T/one.jsonl" --db "$T/two.db")
contains "loading it again changes nothing" "$out" "0 added, 0 changed"

printf '%s\n' '{"type":"contact","child":"C1","iro":"Asha Patel","date":"2023-03-01","kind":"visit"}' \
	'{"type":"review","child":"C2","status":"held","held":"2023-03-02","participation":"PN0"}' \
	'{"type":"qa","iro":"Nobody","date":"2023-03-01","kind":"audit"}' >"$T/bad.jsonl"
refused "a bad line rejects the whole file, each problem by line and field" \
	"bad.jsonl:2: error: participation \"PN0\": PN0 is only for a child under 4" \
	"$IRO" load "$T/bad.jsonl"
contains "... and every problem is listed" "$(cat "$T/.out")" \
	'bad.jsonl:3: error: iro "Nobody": there is no IRO of this name'

done_testing
