#!/bin/sh
# t_alerts.sh - practice alerts as records (issue 4; spec §2): an alert with
# its stage history, actions and themes loads, dumps and loads again without
# a byte changing; every rule an alert obeys on its own refuses with the
# field and the reason and leaves the database as it was; a change keeps the
# version it replaced; the themes of the seed reports come with a new
# database.
. "$(dirname "$0")/lib.sh"

DB="$T/a.db"
new_db "$DB"
export IRO_DB="$DB"

cat >"$T/base.jsonl" <<'EOF'
{"type":"iro","name":"Asha Patel","start":"2020-01-01"}
{"type":"child","child":"C1","dob":"2010-03-01","sex":"F"}
{"type":"episode","child":"C1","decom":"2023-01-09","rne":"S","ls":"C2","cin":"N1","place":"U4"}
{"type":"team","name":"Children in Care 1"}
EOF
check "the child, the IRO and a team load" "$IRO" load "$T/base.jsonl"

themes=$("$IRO" list theme --format csv)
contains "a new database lists the seed reports' themes" "$themes" \
	"Missing / incomplete / poor standard of documentation"
contains "... Cheshire East's too" "$themes" "No updated care plan or plan not ready"

cat >"$T/alert.jsonl" <<'EOF'
{"type":"alert","id":1,"child":"C1","iro":"Asha Patel","raised":"2023-12-21","kind":"formal","team":"Children in Care 1","description":"No updated care plan before the review","impact":"Placement move delayed","ladder":"cheshire_east","status":"open","stages":[{"stage":1,"name":"informal alert","addressee":"team manager","entered":"2023-12-21","due":"2024-01-02","responded":"2024-01-05","response":"not satisfied"},{"stage":2,"name":"formal alert","addressee":"senior manager","entered":"2024-01-08","due":"2024-01-22"}],"actions":[{"action":"Care plan updated","owner":"Team manager","due":"2024-01-19"}],"themes":[{"theme":"No updated care plan or plan not ready"},{"theme":"Drift in permanency planning"}]}
{"type":"alert","id":2,"child":"C1","iro":"Asha Patel","raised":"2024-02-01","kind":"good_practice","description":"Thorough life-story work","status":"resolved","closed":"2024-02-01"}
EOF
check "an alert with its stages, actions and themes loads" "$IRO" load "$T/alert.jsonl"
"$IRO" dump >"$T/one.jsonl"
contains "it dumps as it was given" "$(grep '"type":"alert","id":1' "$T/one.jsonl")" \
	'"stages":[{"stage":1,"name":"informal alert","addressee":"team manager","entered":"2023-12-21","due":"2024-01-02","responded":"2024-01-05","response":"not satisfied"},{"stage":2'
new_db "$T/b.db"
check "the dump loads into a new database" "$IRO" load "$T/one.jsonl" --db "$T/b.db"
"$IRO" dump --db "$T/b.db" >"$T/two.jsonl"
same "... and dumps again to the same bytes" "$(sha256sum <"$T/two.jsonl" | cut -c1-64)" \
	"$(sha256sum <"$T/one.jsonl" | cut -c1-64)"

check "an alert is resolved" "$IRO" set alert 1 --status resolved --closed 2024-01-19 \
	--outcome "Plan agreed"
contains "... and the open version is kept, with who replaced it" \
	"$("$IRO" show alert 1 | sed -n 2p)" '"replaced_by":'

# Each rule an alert obeys on its own.
bad() { # bad DESCRIPTION NEEDLE JSON
	printf '%s\n' "$3" >"$T/bad.jsonl"
	refused "$1" "$2" "$IRO" load "$T/bad.jsonl"
}
bad "a formal alert needs its impact on the child" \
	'impact "": the impact on the child is needed for a formal alert' \
	'{"type":"alert","child":"C1","iro":"Asha Patel","raised":"2024-03-01","kind":"formal","description":"x","stages":[{"stage":2,"entered":"2024-03-01"}]}'
bad "a dispute starts at a stage" 'stages "": a dispute starts at a stage of the ladder' \
	'{"type":"alert","child":"C1","iro":"Asha Patel","raised":"2024-03-01","kind":"informal","description":"x"}'
bad "a good-practice alert has no stages" 'a good-practice alert has no stages' \
	'{"type":"alert","child":"C1","iro":"Asha Patel","raised":"2024-03-01","kind":"good_practice","description":"x","stages":[{"stage":1,"entered":"2024-03-01"}]}'
bad "an alert only climbs" 'stages are listed as entered, each higher than the one before' \
	'{"type":"alert","child":"C1","iro":"Asha Patel","raised":"2024-03-01","kind":"informal","description":"x","stages":[{"stage":2,"entered":"2024-03-01"},{"stage":1,"entered":"2024-03-04"}]}'
bad "no stage before the alert was raised" 'entered "2024-02-28": is before the alert'"'"'s raising 2024-03-01' \
	'{"type":"alert","child":"C1","iro":"Asha Patel","raised":"2024-03-01","kind":"informal","description":"x","stages":[{"stage":1,"entered":"2024-02-28"}]}'
bad "a response comes after the stage's entry" 'responded "2024-03-01": is before its entry 2024-03-04' \
	'{"type":"alert","child":"C1","iro":"Asha Patel","raised":"2024-03-01","kind":"informal","description":"x","stages":[{"stage":1,"entered":"2024-03-04","responded":"2024-03-01"}]}'
bad "a closed alert needs the day it closed" 'closed "": the day it was withdrawn is needed' \
	'{"type":"alert","child":"C1","iro":"Asha Patel","raised":"2024-03-01","kind":"informal","description":"x","status":"withdrawn","stages":[{"stage":1,"entered":"2024-03-01"}]}'
bad "an open alert has no closing day" 'closed "2024-03-05": is only for an alert resolved, withdrawn or referred to Cafcass' \
	'{"type":"alert","child":"C1","iro":"Asha Patel","raised":"2024-03-01","kind":"informal","description":"x","closed":"2024-03-05","stages":[{"stage":1,"entered":"2024-03-01"}]}'
bad "a theme is listed once" 'themes "Health": is listed twice' \
	'{"type":"alert","child":"C1","iro":"Asha Patel","raised":"2024-03-01","kind":"informal","description":"x","stages":[{"stage":1,"entered":"2024-03-01"}],"themes":[{"theme":"Health"},{"theme":"Health"}]}'
bad "the kind is one of the list" 'kind "urgent"' \
	'{"type":"alert","child":"C1","iro":"Asha Patel","raised":"2024-03-01","kind":"urgent","description":"x"}'

done_testing
