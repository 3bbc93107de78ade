#!/bin/sh
# t_alert_worklist.sh - practice alerts on the worklist (issue 4, item 4:
# "alerts past their stage deadline, past the ceiling, and actions overdue
# appear in the IRO's and the manager's worklists"; spec §5 "alerts at
# deadline"). On Mon 2 Dec 2024:
#
#   alert 1  C1, raised by Asha 25 Nov, stage 1 due 2 Dec: response due today
#   alert 2  C2 (left care in March), raised by Cara 4 Mar, open: past the
#            20-working-day ceiling (the last day within it Wed 3 Apr, after
#            Easter; 170 working days past it on 2 Dec), on Cara's list as
#            the child has no IRO
#   alert 3  C1, resolved, an action due 1 Nov never done: action overdue
#   alert 4  C1, raised by Ben 18 Nov, stage 1 due 25 Nov: stage overdue, on
#            Asha's list (the child's IRO), not Ben's
#   alert 5  C1, good practice: nothing
#   alert 6  C1, raised by Asha 11 Nov, the stage answered, the action done on
#            2 Dec: nothing
#   alert 7  C1, raised by Asha 11 Nov on a ladder with a ceiling of 10
#            working days, the stage answered: past its ceiling (25 Nov) by 5
. "$(dirname "$0")/lib.sh"

DB="$T/w.db"
new_db "$DB"
export IRO_DB="$DB"

cat >"$T/base.jsonl" <<'EOF'
{"type":"iro","name":"Asha Patel","start":"2020-01-01"}
{"type":"iro","name":"Ben Okafor","start":"2020-01-01"}
{"type":"iro","name":"Cara Jones","start":"2020-01-01"}
{"type":"child","child":"C1","dob":"2010-03-01","sex":"F"}
{"type":"child","child":"C2","dob":"2008-05-01","sex":"M"}
{"type":"episode","child":"C1","decom":"2023-01-09","rne":"S","ls":"C2","cin":"N1","place":"U4"}
{"type":"episode","child":"C2","decom":"2023-01-09","dec":"2024-03-15","rne":"S","ls":"C2","cin":"N1","place":"U4","rec":"E4A"}
{"type":"allocation","child":"C1","iro":"Asha Patel","start":"2023-01-10","reason":"new"}
{"type":"allocation","child":"C2","iro":"Cara Jones","start":"2023-01-10","end":"2024-03-15","reason":"new"}
EOF
check "the IROs and children load" "$IRO" load "$T/base.jsonl"

cat >"$T/alerts.jsonl" <<'EOF'
{"type":"ladder","key":"short","name":"Short","ceiling":10,"stages":[{"name":"stage 1","addressee":"team manager","days":5}]}
{"type":"alert","id":1,"child":"C1","iro":"Asha Patel","raised":"2024-11-25","kind":"informal","description":"No care plan","ladder":"generic","stages":[{"stage":1,"entered":"2024-11-25","due":"2024-12-02"}]}
{"type":"alert","id":2,"child":"C2","iro":"Cara Jones","raised":"2024-03-04","kind":"informal","description":"No pathway plan","ladder":"generic","stages":[{"stage":1,"entered":"2024-03-04","due":"2024-03-11"}]}
{"type":"alert","id":3,"child":"C1","iro":"Asha Patel","raised":"2024-10-01","kind":"informal","description":"Health assessment","ladder":"generic","status":"resolved","closed":"2024-10-04","stages":[{"stage":1,"entered":"2024-10-01","due":"2024-10-08","responded":"2024-10-04"}],"actions":[{"action":"Book the health assessment","due":"2024-11-01"}]}
{"type":"alert","id":4,"child":"C1","iro":"Ben Okafor","raised":"2024-11-18","kind":"informal","description":"No PEP","ladder":"generic","stages":[{"stage":1,"entered":"2024-11-18","due":"2024-11-25"}]}
{"type":"alert","id":5,"child":"C1","iro":"Asha Patel","raised":"2024-11-20","kind":"good_practice","description":"Life-story work","status":"resolved","closed":"2024-11-20"}
{"type":"alert","id":6,"child":"C1","iro":"Asha Patel","raised":"2024-11-11","kind":"informal","description":"Visits","ladder":"generic","stages":[{"stage":1,"entered":"2024-11-11","due":"2024-11-18","responded":"2024-11-15"}],"actions":[{"action":"Visit","due":"2024-11-29","done":"2024-12-02"}]}
{"type":"alert","id":7,"child":"C1","iro":"Asha Patel","raised":"2024-11-11","kind":"informal","description":"Contact","ladder":"short","stages":[{"stage":1,"entered":"2024-11-11","due":"2024-11-18","responded":"2024-11-15"}]}
EOF
check "the alerts load" "$IRO" load "$T/alerts.jsonl"

row() { grep "^$1" "$T/.wl" | tr -s ' '; }

"$IRO" worklist --as-of 2024-12-02 --iro "Asha Patel" >"$T/.wl"
same "Asha: the response due today, her own alert" "$(row 'alert response due')" \
	"alert response due C1 2024-12-02 0 Asha Patel 1"
same "Asha: the stage Ben raised, overdue since 25 Nov, as the child's IRO" \
	"$(row 'alert stage overdue')" "alert stage overdue C1 2024-11-25 7 Asha Patel 4"
same "Asha: the closed alert's action, overdue since 1 Nov" \
	"$(row 'alert action overdue')" "alert action overdue C1 2024-11-01 31 Asha Patel 3"
same "Asha: past the ceiling of its own ladder" "$(row 'alert past ceiling')" \
	"alert past ceiling C1 2024-11-25 5 Asha Patel 7"
same "Asha: not C2's alert, nor the good-practice one, nor the one answered" \
	"$(grep -c '^alert' "$T/.wl")" 4
contains "Asha: the summary counts them" "$(sed -n '/^Worklist for/,$p' "$T/.wl")" \
	"  alert stage overdue      1"

"$IRO" worklist --as-of 2024-12-02 --iro "Ben Okafor" >"$T/.wl"
same "Ben: the alert he raised is on the child's IRO's list" \
	"$(grep -c '^alert' "$T/.wl")" 0

"$IRO" worklist --as-of 2024-12-02 --iro "Cara Jones" >"$T/.wl"
same "Cara: C2 left care long ago, the dispute she raised is hers, past its ceiling" \
	"$(row 'alert past ceiling')" "alert past ceiling C2 2024-04-03 170 Cara Jones 2"
same "Cara: one item for the alert, the most serious" "$(grep -c '^alert' "$T/.wl")" 1

"$IRO" worklist --as-of 2024-12-02 >"$T/.wl"
same "the manager's view: all five" "$(grep -c '^alert' "$T/.wl")" 5
contains "... with their counts" "$(sed -n '/^Worklist for/,$p' "$T/.wl")" \
	"  alert past ceiling       2"

csv=$("$IRO" worklist --as-of 2024-12-02 --format csv)
contains "csv: the alert column comes last" "$(printf '%s\n' "$csv" | head -n 1)" \
	"item,child,date,days,iro,cover_iro,review,recommendation,scheduled,sequence,alert"
contains "csv: the ceiling item with its alert" "$csv" \
	"alert past ceiling,C2,2024-04-03,170,Cara Jones,,,,,,2"
contains "csv: the action item" "$csv" \
	"alert action overdue,C1,2024-11-01,31,Asha Patel,,,,,,3"
contains "json: the alert id" "$("$IRO" worklist --as-of 2024-12-02 --format json)" \
	'"alert": 2'

# As of an earlier day, each alert as it stood then: what was closed, done
# or answered later had not happened yet.
"$IRO" worklist --as-of 2024-03-12 >"$T/.wl"
same "12 Mar: alert 2's stage overdue, for C2's IRO then" "$(row 'alert stage overdue')" \
	"alert stage overdue C2 2024-03-11 1 Cara Jones 2"
"$IRO" worklist --as-of 2024-10-03 >"$T/.wl"
same "3 Oct: alert 3, resolved on the 4th and answered then, still awaits its response" \
	"$(row 'alert response due')" "alert response due C1 2024-10-08 5 Asha Patel 3"
"$IRO" worklist --as-of 2024-12-01 --format csv >"$T/.wl"
contains "1 Dec: alert 6's action, done on the 2nd, was overdue" "$(cat "$T/.wl")" \
	"alert action overdue,C1,2024-11-29,2,Asha Patel,,,,,,6"

done_testing
