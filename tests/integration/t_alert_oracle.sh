#!/bin/sh
# t_alert_oracle.sh - `iro alert list` (the practice-alert measures M51-M57:
# counts by one or two groupings, and the row list) against an independent
# computation of them (tests/oracle/alerts.py: Python, written from the
# rules in core/alert_measures.h and core/dispute.h, with clocks.py's
# working-day calendar), on two synthetic authorities with a handful of
# crafted alerts loaded on top for the edges: raised on and before bank
# holidays, skipped stages, a referral to Cafcass, a withdrawal, alerts
# open past a stage's due and past the ceiling, a response due on the
# as-of day, an agreed extension, a first stage entered after the raise,
# a ladder of the authority's own (ceiling 15, a stage with no addressee),
# an administrator's holiday and an administrator's working day, a retired
# theme, a team whose name needs quoting. Each reporting year is looked at
# mid-year (alerts still open; later stages, responses and closures must
# not count) and at its end. Any difference is a bug in one of the two.
. "$(dirname "$0")/lib.sh"
ORACLE="$(dirname "$0")/../oracle/alerts.py"

# The crafted records. The alerts name a child and an IRO of the synthetic
# authority (@CHILD@, @IRO@); their ids are 90001 up.
cat >"$T/setup.jsonl" <<'EOF'
{"type":"calendar_day","day":"2022-09-02","working":false,"name":"Oracle: a county holiday"}
{"type":"calendar_day","day":"2022-05-02","working":true,"name":"Oracle: the early May bank holiday worked"}
{"type":"team","name":"Children in Care, \"North\""}
{"type":"theme","name":"Oracle: retired theme"}
{"type":"ladder","key":"oracle_short","name":"Oracle: a short ladder","ceiling":15,"stages":[{"name":"first look","addressee":"team manager","days":3,"formal":false},{"name":"panel","addressee":"head of service","days":7,"formal":true},{"name":"director","days":5,"formal":true}]}
EOF
cat >"$T/alerts.template" <<'EOF'
{"type":"alert","id":90001,"child":"@CHILD@","iro":"@IRO@","raised":"2022-08-26","kind":"informal","team":"Children in Care, \"North\"","description":"Raised the Friday before the summer bank holiday","ladder":"buckinghamshire","status":"resolved","closed":"2022-09-07","stages":[{"stage":1,"entered":"2022-08-26","responded":"2022-09-06"}],"themes":[{"theme":"Other"}]}
{"type":"alert","id":90002,"child":"@CHILD@","iro":"@IRO@","raised":"2022-06-02","kind":"formal","team":"Children in Care, \"North\"","description":"Raised on the Platinum Jubilee bank holiday; answered late, then escalated","impact":"Delay","ladder":"buckinghamshire","status":"resolved","closed":"2022-06-15","stages":[{"stage":2,"entered":"2022-06-02","responded":"2022-06-13"},{"stage":3,"entered":"2022-06-14","responded":"2022-06-15"}],"themes":[{"theme":"Health"},{"theme":"Oracle: retired theme"}]}
{"type":"alert","id":90003,"child":"@CHILD@","iro":"@IRO@","raised":"2022-09-09","kind":"formal","team":"Children in Care, \"North\"","description":"Skips from the informal stage to stage 3 on its due date, then stage 4","impact":"Drift","ladder":"buckinghamshire","status":"resolved","closed":"2022-10-03","stages":[{"stage":1,"entered":"2022-09-09"},{"stage":4,"entered":"2022-09-16","responded":"2022-09-26"},{"stage":5,"entered":"2022-09-27","responded":"2022-10-03"}],"themes":[{"theme":"Other"}]}
{"type":"alert","id":90004,"child":"@CHILD@","iro":"@IRO@","raised":"2022-09-01","kind":"formal","team":"Children in Care, \"North\"","description":"Never answered; referred to Cafcass","impact":"No plan","ladder":"buckinghamshire","status":"cafcass","closed":"2022-09-21","stages":[{"stage":2,"addressee":"team manager (acting)","entered":"2022-09-01"}],"themes":[{"theme":"Oracle: retired theme"}]}
{"type":"alert","id":90005,"child":"@CHILD@","iro":"@IRO@","raised":"2022-07-18","kind":"formal","description":"Withdrawn the next day; no team, no theme","impact":"None in the end","ladder":"buckinghamshire","status":"withdrawn","closed":"2022-07-19","stages":[{"stage":2,"entered":"2022-07-18"}]}
{"type":"alert","id":90006,"child":"@CHILD@","iro":"@IRO@","raised":"2022-08-15","kind":"formal","team":"Children in Care, \"North\"","description":"Open past its ceiling","impact":"Drift","ladder":"buckinghamshire","stages":[{"stage":2,"entered":"2022-08-15","responded":"2022-08-19"},{"stage":3,"entered":"2022-08-22","responded":"2022-09-01"}],"themes":[{"theme":"Other"},{"theme":"Health"}]}
{"type":"alert","id":90007,"child":"@CHILD@","iro":"@IRO@","raised":"2022-09-16","kind":"formal","team":"Children in Care, \"North\"","description":"Its first stage entered days after it was raised","impact":"Delay","ladder":"buckinghamshire","status":"resolved","closed":"2022-09-23","stages":[{"stage":2,"entered":"2022-09-21","responded":"2022-09-22"}]}
{"type":"alert","id":90008,"child":"@CHILD@","iro":"@IRO@","raised":"2022-09-08","kind":"formal","team":"Children in Care, \"North\"","description":"An agreed extension of the response","impact":"Delay","ladder":"buckinghamshire","status":"resolved","closed":"2022-09-26","stages":[{"stage":2,"entered":"2022-09-08","due":"2022-09-23","responded":"2022-09-23"}],"themes":[{"theme":"Other"}]}
{"type":"alert","id":90009,"child":"@CHILD@","iro":"@IRO@","raised":"2022-09-12","kind":"formal","team":"Children in Care, \"North\"","description":"Its response due on the day after the state funeral","impact":"Delay","ladder":"buckinghamshire","status":"resolved","closed":"2022-09-23","stages":[{"stage":1,"entered":"2022-09-12","responded":"2022-09-21"},{"stage":2,"entered":"2022-09-22","responded":"2022-09-23"}],"themes":[{"theme":"Other"}]}
{"type":"alert","id":90010,"child":"@CHILD@","iro":"@IRO@","raised":"2022-08-01","kind":"formal","team":"Children in Care, \"North\"","description":"On a short ladder of the authority's own","impact":"Drift","ladder":"oracle_short","status":"resolved","closed":"2022-10-10","stages":[{"stage":1,"entered":"2022-08-01"},{"stage":3,"entered":"2022-08-08","responded":"2022-09-20"}],"themes":[{"theme":"Other"}]}
{"type":"alert","id":90011,"child":"@CHILD@","iro":"@IRO@","raised":"2022-09-20","kind":"good_practice","team":"Children in Care, \"North\"","description":"Good practice, still open","themes":[{"theme":"Oracle: retired theme"},{"theme":"Other"}]}
{"type":"alert","id":90012,"child":"@CHILD@","iro":"@IRO@","raised":"2023-03-20","kind":"formal","team":"Children in Care, \"North\"","description":"Open at the year end with its response overdue","impact":"Delay","ladder":"buckinghamshire","stages":[{"stage":2,"entered":"2023-03-20"}],"themes":[{"theme":"Other"}]}
{"type":"alert","id":90013,"child":"@CHILD@","iro":"@IRO@","raised":"2023-03-31","kind":"informal","team":"Children in Care, \"North\"","description":"Raised on the last day of the year, before Easter","ladder":"buckinghamshire","stages":[{"stage":1,"entered":"2023-03-31"}]}
{"type":"alert","id":90014,"child":"@CHILD@","iro":"@IRO@","raised":"2023-04-01","kind":"informal","team":"Children in Care, \"North\"","description":"Raised on the first day of the year, a Saturday","ladder":"buckinghamshire","status":"resolved","closed":"2023-04-12","stages":[{"stage":1,"entered":"2023-04-01","responded":"2023-04-11"}]}
{"type":"alert","id":90015,"child":"@CHILD@","iro":"@IRO@","raised":"2022-04-29","kind":"informal","team":"Children in Care, \"North\"","description":"Across a bank holiday an administrator made a working day","ladder":"buckinghamshire","status":"resolved","closed":"2022-05-06","stages":[{"stage":1,"entered":"2022-04-29","responded":"2022-05-06"}]}
{"type":"alert","id":90016,"child":"@CHILD@","iro":"@IRO@","raised":"2022-06-06","kind":"informal","team":"Children in Care, \"North\"","description":"Resolved after 29 days","ladder":"buckinghamshire","status":"resolved","closed":"2022-07-05","stages":[{"stage":1,"entered":"2022-06-06","responded":"2022-06-08"}]}
{"type":"alert","id":90017,"child":"@CHILD@","iro":"@IRO@","raised":"2022-10-03","kind":"informal","team":"Children in Care, \"North\"","description":"Resolved on its ceiling date, 28 days after it was raised","ladder":"buckinghamshire","status":"resolved","closed":"2022-10-31","stages":[{"stage":1,"entered":"2022-10-03","responded":"2022-10-04"}]}
{"type":"alert","id":90018,"child":"@CHILD@","iro":"@IRO@","raised":"2022-07-04","kind":"formal","team":"Children in Care, \"North\"","description":"Answered in time, escalated after the due date","impact":"Delay","ladder":"buckinghamshire","status":"resolved","closed":"2022-07-14","stages":[{"stage":1,"entered":"2022-07-04","responded":"2022-07-05"},{"stage":2,"entered":"2022-07-13","responded":"2022-07-14"}]}
{"type":"alert","id":90019,"child":"@CHILD@","iro":"@IRO@","raised":"2022-09-05","kind":"informal","team":"Children in Care, \"North\"","description":"Answered late, on the mid-year day","ladder":"buckinghamshire","status":"resolved","closed":"2022-09-21","stages":[{"stage":1,"entered":"2022-09-05","responded":"2022-09-20"}]}
{"type":"alert","id":90020,"child":"@CHILD@","iro":"@IRO@","raised":"2022-09-14","kind":"formal","team":"Children in Care, \"North\"","description":"Escalated to a formal stage on the mid-year day","impact":"Delay","ladder":"buckinghamshire","status":"resolved","closed":"2022-09-22","stages":[{"stage":1,"entered":"2022-09-14","responded":"2022-09-15"},{"stage":2,"entered":"2022-09-20","responded":"2022-09-22"}]}
{"type":"alert","id":90021,"child":"@CHILD@","iro":"@IRO@","raised":"2022-09-13","kind":"informal","team":"Children in Care, \"North\"","description":"Resolved on the mid-year day","ladder":"buckinghamshire","status":"resolved","closed":"2022-09-20","stages":[{"stage":1,"entered":"2022-09-13","responded":"2022-09-14"}]}
{"type":"alert","id":90022,"child":"@CHILD@","iro":"@IRO@","raised":"2022-08-18","kind":"formal","team":"Children in Care, \"North\"","description":"Open on its ceiling date, the mid-year day","impact":"Delay","ladder":"buckinghamshire","status":"resolved","closed":"2022-09-21","stages":[{"stage":1,"entered":"2022-08-18","responded":"2022-08-24"},{"stage":2,"entered":"2022-08-31","responded":"2022-09-07"}]}
EOF
echo '{"type":"theme","name":"Oracle: retired theme","active":false}' >"$T/retire.jsonl"

# The header, then the rest sorted (the row order is not a measure).
norm() { { head -n 1 "$1"; tail -n +2 "$1" | LC_ALL=C sort; } >"$1.n"; }

# agree DESC IRO ORACLE: one TAP line, with the differing lines on a
# mismatch.
agree() {
	norm "$2"
	norm "$3"
	rows=$(($(wc -l <"$2.n") - 1))
	if cmp -s "$2.n" "$3.n"; then
		ok "$1 agrees ($rows rows)"
		return
	fi
	not_ok "$1 agrees" "diff oracle iro:"
	diff "$3.n" "$2.n" | grep '^[<>]' | head -8 | sed 's/^/# /'
}

# An authority: synthetic, its dump, the crafted alerts on top.
authority() { # SEED SYNTH_YEAR
	db="$T/s$1.db"
	if ! "$IRO" synth --children 1500 --seed "$1" --year "$2" --out "$T/s$1" >/dev/null 2>&1; then
		not_ok "seed $1: iro synth makes an authority"
		return 1
	fi
	new_db "$db"
	check "seed $1: the synthetic authority loads" \
		"$IRO" load "$T/s$1/service.jsonl" --db "$db"
	"$IRO" dump --kinds child,iro --db "$db" >"$T/people.jsonl"
	python3 - "$T/people.jsonl" "$T/alerts.template" "$T/alerts$1.jsonl" <<'EOF'
import json, sys
child = iro = None
for line in open(sys.argv[1], encoding='utf-8'):
    r = json.loads(line)
    if r['type'] == 'child' and child is None and r['dob'] < '2015-01-01':
        child = r['child']
    if r['type'] == 'iro' and iro is None and 'end' not in r and r['start'] <= '2020-01-01':
        iro = r['name']
text = open(sys.argv[2], encoding='utf-8').read()
text = text.replace('@CHILD@', json.dumps(child)[1:-1]).replace('@IRO@', json.dumps(iro)[1:-1])
open(sys.argv[3], 'w', encoding='utf-8').write(text)
EOF
	check "seed $1: the crafted days, team, theme and ladder load" \
		"$IRO" load "$T/setup.jsonl" --db "$db"
	check "seed $1: the crafted alerts load" "$IRO" load "$T/alerts$1.jsonl" --db "$db"
	check "seed $1: the crafted theme is retired" "$IRO" load "$T/retire.jsonl" --db "$db"
	"$IRO" dump --kinds alert,ladder,team,theme,calendar_day --db "$db" >"$T/d$1.jsonl"
	# The dues iro filled in for the crafted stages: entry plus the stage's
	# working days on the oracle's calendar; only the extension differs.
	same "seed $1: the crafted stages' dues are the oracle's (but the extension)" \
		"$(python3 "$ORACLE" "$T/d$1.jsonl" dues | awk -F, 'NR > 1 && $1 >= 90001 && $4 != $5')" \
		"90008,2,2022-09-08,2022-09-23,2022-09-15"
}

# Every grouping, the pairs and the rows of one reporting year on one day.
year_on() { # SEED YEAR AS_OF
	db="$T/s$1.db" dump="$T/d$1.jsonl" o="$T/o" i="$T/i"
	rm -rf "$o" "$i"
	mkdir "$i"
	python3 "$ORACLE" "$dump" --year "$2" --as-of "$3" --all "$o"
	for f in "$o"/*.csv; do
		by=$(basename "$f" .csv)
		if [ "$by" = rows ]; then
			# Every column but open_actions (the oracle leaves it out).
			"$IRO" alert list --year "$2" --as-of "$3" --format csv --db "$db" |
				sed 's/,open_actions$//; s/,[0-9]*$//' >"$i/$by.csv"
			agree "seed $1, $2 on $3: the row list (kind, status, stage, due, state, working days, ceiling date...)" \
				"$i/$by.csv" "$f"
		else
			"$IRO" alert list --year "$2" --as-of "$3" --by "$by" --format csv \
				--db "$db" >"$i/$by.csv"
			agree "seed $1, $2 on $3: --by $by" "$i/$by.csv" "$f"
		fi
	done
	for flag in --past-deadline --escalated-late; do
		"$IRO" alert list --year "$2" --as-of "$3" $flag --format csv --db "$db" |
			sed 's/,open_actions$//; s/,[0-9]*$//' >"$i/flag.csv"
		python3 "$ORACLE" "$dump" --year "$2" --as-of "$3" $flag >"$o/flag.csv"
		agree "seed $1, $2 on $3: the row list with $flag" "$i/flag.csv" "$o/flag.csv"
	done
}

# Seed 21: alerts of 2021-22 to 2023-24 (the coronation); seed 22: 2020-21
# to 2022-23 (Christmas 2021 on a weekend, the jubilee, the state funeral).
# The crafted alerts are in 2022-23 (one on 1 April 2023).
if authority 21 2023-24; then
	year_on 21 2022-23 2022-09-20
	year_on 21 2022-23 2023-03-31
	year_on 21 2023-24 2023-10-13
	year_on 21 2023-24 2024-03-31
fi
if authority 22 2022-23; then
	year_on 22 2021-22 2021-12-29
	year_on 22 2021-22 2022-03-31
	year_on 22 2022-23 2022-09-20
	year_on 22 2022-23 2023-03-31
fi

done_testing
