#!/bin/sh
# t_alert_cmds.sh - a practice alert's life through the commands (issue 4):
# raised at a stage of the authority's ladder with its response due in
# working days; escalated (one stage, or skipping), answered, given actions
# and closed; every move kept with who made it and when; every invalid move
# refused with a clear message and nothing written; the history never
# rewritten, whichever way a change comes in; and the counts the reports use
# from `iro alert list --by`.
. "$(dirname "$0")/lib.sh"

DB="$T/a.db"
new_db "$DB"
export IRO_DB="$DB"
export IRO_USER=ann

cat >"$T/base.jsonl" <<'EOF'
{"type":"iro","name":"Asha Patel","start":"2020-01-01"}
{"type":"child","child":"C1","dob":"2010-03-01","sex":"F"}
{"type":"episode","child":"C1","decom":"2022-01-10","rne":"S","ls":"C2","cin":"N1","place":"U4"}
{"type":"child","child":"C2","dob":"2012-05-01","sex":"M"}
{"type":"episode","child":"C2","decom":"2022-01-10","rne":"S","ls":"C2","cin":"N1","place":"U4"}
{"type":"team","name":"Court Team"}
{"type":"team","name":"Social Work Academy"}
EOF
check "children, an IRO and teams load" "$IRO" load "$T/base.jsonl"

# ---- The ladder ------------------------------------------------------------
contains "a new service climbs the generic ladder" \
	"$("$IRO" ladder list --format csv)" "generic,Generic: four stages of 5 working days,4,20,no,yes"
refused "a ladder that does not exist cannot be set" \
	'"nowhere": there is no ladder with this key' "$IRO" ladder set nowhere
check "the Buckinghamshire preset is set" "$IRO" ladder set buckinghamshire
contains "... stored, and active" "$("$IRO" ladder list --format csv)" \
	"buckinghamshire,\"Buckinghamshire: informal, then stages 1 to 4\",5,20,yes,yes"
contains "... its stages shown" "$("$IRO" ladder show --format csv)" "2,stage 1,team manager,5,yes"

# ---- Raising ---------------------------------------------------------------
# Thu 25 Aug 2022 + 5 working days, Mon 29 Aug the summer bank holiday:
# Fri 26 (1), Tue 30 (2), Wed 31 (3), Thu 1 Sep (4), Fri 2 Sep (5).
out=$("$IRO" alert raise C1 --iro "Asha Patel" --kind informal --date 2022-08-25 \
	--description "No updated care plan before the review" --team "Court Team" \
	--theme "No updated care plan or plan not ready; Health" 2>&1)
contains "an informal alert starts at the first stage, its response due in 5 working days" \
	"$out" "Alert 1 is at informal (social worker), response due 2022-09-02."
same "... day 0 is the day raised; the bank holiday is skipped" \
	"$(sqlite3 "$DB" "SELECT due FROM alert_stage WHERE alert_id = 1")" "2022-09-02"
refused "a formal alert needs the impact on the child" \
	"--impact the impact on the child is needed for a formal alert" \
	"$IRO" alert raise C1 --iro "Asha Patel" --kind formal --date 2022-09-05 \
	--description "Drift"
refused "a theme must be on the authority's list" '"Weather": is not on the list of themes' \
	"$IRO" alert raise C1 --iro "Asha Patel" --kind informal --date 2022-09-05 \
	--description "x" --theme "Weather"
refused "a team must be on the authority's list" '"Nobody": is not on the list of teams' \
	"$IRO" alert raise C1 --iro "Asha Patel" --kind informal --date 2022-09-05 \
	--description "x" --team "Nobody"
out=$("$IRO" alert raise C2 --iro "Asha Patel" --kind formal --date 2022-09-05 \
	--description "Drift in permanence" --impact "No plan for permanence" 2>&1)
contains "a formal alert starts at the first formal stage" "$out" \
	"Alert 2 is at stage 1 (team manager), response due 2022-09-12."

# ---- Moves -----------------------------------------------------------------
refused "a response cannot be dated before the stage was entered" \
	"is before 2022-08-25, when the alert entered its current stage" \
	"$IRO" alert respond 1 --date 2022-08-24
check "the social worker answers on Tue 30 Aug" "$IRO" alert respond 1 --date 2022-08-30 \
	--response "Plan to follow"
refused "a stage is answered once" "informal has had its response" \
	"$IRO" alert respond 1 --date 2022-08-31
refused "entering a formal stage needs the impact on the child" \
	"--impact the impact on the child is needed for a formal alert" \
	"$IRO" alert escalate 1 --date 2022-09-02
out=$("$IRO" alert escalate 1 --date 2022-09-02 --impact "Review delayed" 2>&1)
contains "escalated to the next stage, the alert becomes formal" "$out" \
	"Alert 1 is at stage 1 (team manager), response due 2022-09-09."
same "... and is formal" "$(sqlite3 "$DB" "SELECT kind FROM alert WHERE id = 1")" formal
refused "escalating goes up, not down or to the same stage" \
	"the alert is at stage 1 already: escalating goes to a higher stage" \
	"$IRO" alert escalate 1 --stage 2 --date 2022-09-05
check "a stage may be skipped: straight to stage 4 (corporate director)" \
	"$IRO" alert escalate 1 --stage 5 --date 2022-09-05
refused "past the last stage there is only Cafcass" \
	"stage 4 is the last stage of the ladder: refer to Cafcass instead" \
	"$IRO" alert escalate 1 --date 2022-09-06
check "an action with an owner and a due date" "$IRO" alert action 1 --date 2022-09-06 \
	--action "Care plan updated" --owner "team manager" --due 2022-09-16
check "the alert is resolved" "$IRO" alert resolve 1 --date 2022-09-08 --outcome "Plan agreed"
refused "a resolved alert cannot be responded to" \
	"the alert is resolved: it cannot be responded to" "$IRO" alert respond 1 --date 2022-09-09
refused "... nor escalated" "the alert is resolved: it cannot be escalated" \
	"$IRO" alert escalate 1 --date 2022-09-09
refused "... nor referred to Cafcass" "the alert is resolved: it cannot be referred to Cafcass" \
	"$IRO" alert refer-cafcass 1 --date 2022-09-09
check "its action is still done after it closed" "$IRO" alert action 1 --done 1 --date 2022-09-15
refused "... once" "that action is done already" "$IRO" alert action 1 --done 1 --date 2022-09-16
check "a dispute is referred to Cafcass from stage 1" "$IRO" alert refer-cafcass 2 --date 2022-09-07
"$IRO" alert raise C2 --iro "Asha Patel" --kind informal --date 2022-09-12 --description "x" >/dev/null
check "an alert is withdrawn" "$IRO" alert withdraw 3 --date 2022-09-13
refused "a withdrawn alert takes no actions" "the alert was withdrawn" \
	"$IRO" alert action 3 --action "y" --date 2022-09-14
"$IRO" alert raise C2 --iro "Asha Patel" --kind good_practice --date 2022-09-12 \
	--description "Thoughtful life-story work" >/dev/null
refused "a good-practice alert has no stages to escalate" \
	"a good-practice alert has no stages to be escalated" "$IRO" alert escalate 4 --date 2022-09-13

# ---- Who and when ----------------------------------------------------------
show=$("$IRO" alert show 1 --as-of 2022-09-08)
contains "show gives the clock: closed, within the ceiling" "$show" \
	"On 2022-09-08: closed after 9 working days (within the ceiling of 20)"
contains "... the stage skipped to" "$show" "corporate director"
contains "... every move as a version replaced, with who" "$show" "by cli:ann"
same "... one version per move (raise, respond, escalate twice, action, resolve, done)" \
	"$(printf '%s\n' "$show" | grep -c ' by cli:ann$')" 6
# 20 working days from Thu 25 Aug 2022 end on Mon 26 Sep: Mon 29 Aug and
# Mon 19 Sep (the Queen's state funeral) were bank holidays.
contains "show gives the clock on an earlier day" "$("$IRO" alert show 1 --as-of 2022-09-01)" \
	"On 2022-09-01: on time; 4 of 20 working days gone (the ceiling is 2022-09-26)"

# ---- The history is never rewritten ----------------------------------------
refused "iro set cannot reopen a resolved alert" "it stays resolved" \
	"$IRO" set alert 1 --status open --closed ""
refused "iro set cannot move the day raised" "the day an alert was raised cannot change" \
	"$IRO" set alert 2 --raised 2022-09-02
"$IRO" show alert 1 | head -1 | sed 's/"entered":"2022-09-02"/"entered":"2022-09-01"/' >"$T/rewrite.jsonl"
refused "loading a rewritten stage history is refused" \
	"a stage the alert entered keeps its number, entry and due date" "$IRO" load "$T/rewrite.jsonl"
check "a correction of wording is allowed" "$IRO" set alert 1 --description "No updated care plan"

# ---- Counts for the reports ------------------------------------------------
csv=$("$IRO" alert list --year 2022-23 --by kind --format csv)
same "counts by kind" "$csv" "kind,alerts,percent
good practice,1,25.0
informal,1,25.0
formal,2,50.0"
csv=$("$IRO" alert list --year 2022-23 --by resolved-at --format csv)
same "counts by the stage resolved at, Cafcass and withdrawn" "$csv" "resolved-at,alerts,percent
stage 4 (corporate director),1,33.3
referred to Cafcass,1,33.3
withdrawn,1,33.3"
csv=$("$IRO" alert list --year 2022-23 --by team --format csv)
same "counts by team, listed teams with none shown, no team recorded" "$csv" "team,alerts,percent
Court Team,1,25.0
Social Work Academy,0,0.0
no team recorded,3,75.0"
csv=$("$IRO" alert list --year 2022-23 --by theme --format csv | grep -v ',0,0.0$')
same "counts by theme, several per alert" "$csv" "theme,alerts,percent
Health,1,25.0
No updated care plan or plan not ready,1,25.0
no theme recorded,3,75.0"
csv=$("$IRO" alert list --year 2022-23 --by band --format csv)
same "working days to close in bands" "$csv" "band,alerts,percent
up to 5 working days,2,66.7
6 to 10 working days,1,33.3"
# Raised Mon 12 Sep, never answered: 5 working days, Mon 19 Sep a bank
# holiday (the state funeral), due Tue 20 Sep; the 20th working day is Tue
# 11 Oct.
"$IRO" alert raise C1 --iro "Asha Patel" --kind informal --date 2022-09-12 \
	--description "No social work report" >/dev/null
same "open past the deadline: none on the day it is due" \
	"$("$IRO" alert list --past-deadline --as-of 2022-09-20 --format csv | wc -l)" 1
csv=$("$IRO" alert list --past-deadline --as-of 2022-09-21 --format csv | cut -d, -f1,8-11)
same "... but the day after, with its stage overdue" "$csv" \
	"id,stage,stage_name,due,state
5,1,informal,2022-09-20,stage overdue"
csv=$("$IRO" alert list --by state --as-of 2022-10-12 --format csv)
same "... and past the 20-day ceiling on Wed 12 Oct (21 working days)" "$csv" \
	"state,alerts,percent
past the ceiling,1,25.0
closed,3,75.0"
refused "an unknown grouping is refused with the list" "groupings are kind, status" \
	"$IRO" alert list --by colour
done_testing
