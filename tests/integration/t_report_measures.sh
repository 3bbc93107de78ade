#!/bin/sh
# t_report_measures.sh - the annual report's newer measures, end to end on a
# small crafted service whose every figure is worked out by hand beside its
# check: placement location by the postcode table (M08) and by the named
# group of authorities, children starting care by age (M11), placements
# started (M13, with the settings placements_same_carer and
# placements_temporary), three or more placements (M17), long-term
# fostering plans not yet matched (M15), reviews followed by an alert (M39,
# judged on --as-of), midpoint reviews (M42) and oversight by month,
# quality assurance by IRO and supervision by month (M48, an IRO absent a
# whole month left out of it), informal and formal alerts by team with each
# team's share (M53), reviews by month and pathway plan reviews for young
# people 18 or over. Bad postcode records and a bad setting are refused with
# a clear message, and a public version hides counts from 1 to 5.
# measures.h gives each definition.
. "$(dirname "$0")/lib.sh"

if ! "$IRO" report annual --help >/dev/null 2>&1; then
	ok "# SKIP iro report annual is not in this build yet"
	done_testing
	exit 0
fi

DB=$T/m.db
new_db "$DB"

# ---- The service -----------------------------------------------------------
# The year is 2021-22 (2021-04-01 to 2022-03-31); the report is made as of
# 2022-03-31. Our authority is E06000001; its group is E06000002 and
# E06000003 ("the North Group"). Postcodes (grid references in metres):
#   XA1      district, ours,       (400000, 400000)  - everyone's home
#   XA2 3BC  whole postcode, ours, (432180, 400000)  - 32180 m = 19.996 mi -> 20.0
#   XA3 1    sector, ours,         (419362, 425816)  - 3-4-5: 32270 m = 20.052 mi -> 20.1
#   XA4      district, ours,       (400000, 432250)  - 32250 m = 20.040 mi -> 20.0
#   XB1      district, E06000002 (group), (410000, 400000) - 6.2 mi
#   XC1      district, E06000009 (not the group), (500000, 500000) - 87.9 mi
#   XD1      district, E06000003 (group), no grid reference
#   XA11     district, E06000009, (600000, 600000) - not the sector "XA1 1"
# Children (all born before the year unless said; none but L1-L9 has a
# PL_POST, so the others' placement location is not known):
#   L1-L9  looked after since 2020-01-06, one placement each (location);
#          L8's home is written "XA11AA", without its space; L9 is placed
#          at "XA1 1AB": district XA1, whatever district XA11 is
#   P1     U3, then a temporary T1 (hospital) 2021-06-01, back to U3 2021-06-15
#   P2     U6, P to U5 2021-07-01, T (same carers) to U4 2022-01-10
#   P3     U6, B to A6 (placed for adoption) 2021-11-01
#   N1     starts 2021-09-15 on their 1st birthday
#   N2     starts 2021-10-01 on their 10th birthday, leaves 2021-12-01 (E13)
#   NB1    born 2021-12-20, starts 2022-01-05
#   SB1    short breaks (V4) from 2021-05-01: left out of the population
#   F1     U4, plan long-term fostering: matched
#   F2     U3 since 2021-03-31, plan LTF at review 2 (2021-07-15)
#   F3     U3 since 2021-10-01 (born 2015-03-01: 6), plan LTF
#   F4     U3, plan LTF at review 1, then adoption at review 2 (the latest)
#   F5     U3 since 2021-09-30 (born 2014-01-01: 7), plan LTF
#   M1     since 2020-06-01, five reviews (two in the year), oversight
#   PW     a care leaver born 2003-05-01: three pathway plan reviews
# Standard reviews held in the year: M1 204, 205; F1 301; F2 311, 312;
# F3 321; F4 331, 332; F5 341: 9, of 6 children.
cat >"$T/service.jsonl" <<'EOF'
{"type":"setting","key":"authority_name","value":"Testshire Council"}
{"type":"setting","key":"la_code","value":"E06000001"}
{"type":"setting","key":"la_group","value":"E06000002, E06000003"}
{"type":"setting","key":"la_group_name","value":"the North Group"}
{"type":"team","name":"Team A"}
{"type":"team","name":"Team B"}
{"type":"team","name":"Team C"}
{"type":"postcode","postcode":"XA1","la":"E06000001","easting":400000,"northing":400000}
{"type":"postcode","postcode":"XA2 3BC","la":"E06000001","easting":432180,"northing":400000}
{"type":"postcode","postcode":"XA3 1","la":"E06000001","easting":419362,"northing":425816}
{"type":"postcode","postcode":"XA4","la":"E06000001","easting":400000,"northing":432250}
{"type":"postcode","postcode":"XB1","la":"E06000002","easting":410000,"northing":400000}
{"type":"postcode","postcode":"XC1","la":"E06000009","easting":500000,"northing":500000}
{"type":"postcode","postcode":"XD1","la":"E06000003"}
{"type":"postcode","postcode":"XA11","la":"E06000009","easting":600000,"northing":600000}
{"type":"iro","name":"Asha Patel","start":"2015-01-01"}
{"type":"iro","name":"Ben Okafor","start":"2015-01-01","absences":[{"from":"2021-08-01","to":"2021-08-31","reason":"annual leave"},{"from":"2021-11-10","to":"2021-11-20","reason":"sick"}]}
{"type":"iro","name":"Cara Lee","start":"2021-10-15"}
{"type":"iro","name":"Dev Shah","start":"2010-01-01","end":"2021-06-30"}
{"type":"child","child":"L1","dob":"2012-01-01","sex":"F"}
{"type":"child","child":"L2","dob":"2012-01-01","sex":"F"}
{"type":"child","child":"L3","dob":"2012-01-01","sex":"F"}
{"type":"child","child":"L4","dob":"2012-01-01","sex":"F"}
{"type":"child","child":"L5","dob":"2012-01-01","sex":"F"}
{"type":"child","child":"L6","dob":"2012-01-01","sex":"F"}
{"type":"child","child":"L7","dob":"2012-01-01","sex":"F"}
{"type":"child","child":"L8","dob":"2012-01-01","sex":"F"}
{"type":"child","child":"L9","dob":"2012-01-01","sex":"F"}
{"type":"child","child":"P1","dob":"2010-01-01","sex":"M"}
{"type":"child","child":"P2","dob":"2010-01-01","sex":"M"}
{"type":"child","child":"P3","dob":"2019-01-01","sex":"M"}
{"type":"child","child":"N1","dob":"2020-09-15","sex":"M"}
{"type":"child","child":"N2","dob":"2011-10-01","sex":"M"}
{"type":"child","child":"NB1","dob":"2021-12-20","sex":"F"}
{"type":"child","child":"SB1","dob":"2012-01-01","sex":"M"}
{"type":"child","child":"F1","dob":"2012-01-01","sex":"F"}
{"type":"child","child":"F2","dob":"2012-01-01","sex":"F"}
{"type":"child","child":"F3","dob":"2015-03-01","sex":"F"}
{"type":"child","child":"F4","dob":"2012-01-01","sex":"F"}
{"type":"child","child":"F5","dob":"2014-01-01","sex":"F"}
{"type":"child","child":"M1","dob":"2010-01-01","sex":"M"}
{"type":"child","child":"PW","dob":"2003-05-01","sex":"M"}
{"type":"episode","child":"L1","decom":"2020-01-06","rne":"S","ls":"C2","cin":"N1","place":"U6","home_post":"XA1 1AA","pl_post":"XA2 3BC"}
{"type":"episode","child":"L2","decom":"2020-01-06","rne":"S","ls":"C2","cin":"N1","place":"U6","home_post":"XA1 1AA","pl_post":"XB1 2CD"}
{"type":"episode","child":"L3","decom":"2020-01-06","rne":"S","ls":"C2","cin":"N1","place":"U6","home_post":"XA1 1AA","pl_post":"xa3 1ab"}
{"type":"episode","child":"L4","decom":"2020-01-06","rne":"S","ls":"C2","cin":"N1","place":"U6","home_post":"XA1 1AA","pl_post":"XC1 1AA"}
{"type":"episode","child":"L5","decom":"2020-01-06","rne":"S","ls":"C2","cin":"N1","place":"U6","pl_post":"XA2 3BC"}
{"type":"episode","child":"L6","decom":"2020-01-06","rne":"S","ls":"C2","cin":"N1","place":"U6","home_post":"XA1 1AA","pl_post":"XD1 1AA"}
{"type":"episode","child":"L7","decom":"2020-01-06","rne":"S","ls":"C2","cin":"N1","place":"U6","home_post":"XA1 1AA","pl_post":"ZZ9 9ZZ"}
{"type":"episode","child":"L8","decom":"2020-01-06","rne":"S","ls":"C2","cin":"N1","place":"U6","home_post":"XA11AA","pl_post":"XA4 5EF"}
{"type":"episode","child":"L9","decom":"2020-01-06","rne":"S","ls":"C2","cin":"N1","place":"U6","home_post":"XA1 1AA","pl_post":"XA1 1AB"}
{"type":"episode","child":"P1","decom":"2021-01-04","rne":"S","ls":"C2","cin":"N1","place":"U3","dec":"2021-06-01","rec":"X1"}
{"type":"episode","child":"P1","decom":"2021-06-01","rne":"P","ls":"C2","cin":"N1","place":"T1","dec":"2021-06-15","rec":"X1"}
{"type":"episode","child":"P1","decom":"2021-06-15","rne":"P","ls":"C2","cin":"N1","place":"U3"}
{"type":"episode","child":"P2","decom":"2021-01-04","rne":"S","ls":"C2","cin":"N1","place":"U6","dec":"2021-07-01","rec":"X1"}
{"type":"episode","child":"P2","decom":"2021-07-01","rne":"P","ls":"C2","cin":"N1","place":"U5","dec":"2022-01-10","rec":"X1"}
{"type":"episode","child":"P2","decom":"2022-01-10","rne":"T","ls":"C2","cin":"N1","place":"U4"}
{"type":"episode","child":"P3","decom":"2020-06-01","rne":"S","ls":"C2","cin":"N1","place":"U6","dec":"2021-11-01","rec":"X1"}
{"type":"episode","child":"P3","decom":"2021-11-01","rne":"B","ls":"E1","cin":"N1","place":"A6"}
{"type":"episode","child":"N1","decom":"2021-09-15","rne":"S","ls":"C2","cin":"N1","place":"U6"}
{"type":"episode","child":"N2","decom":"2021-10-01","rne":"S","ls":"V2","cin":"N1","place":"U6","dec":"2021-12-01","rec":"E13"}
{"type":"episode","child":"NB1","decom":"2022-01-05","rne":"S","ls":"C2","cin":"N1","place":"U6"}
{"type":"episode","child":"SB1","decom":"2021-05-01","rne":"S","ls":"V4","cin":"N1","place":"U6"}
{"type":"episode","child":"F1","decom":"2019-01-07","rne":"S","ls":"C2","cin":"N1","place":"U4"}
{"type":"episode","child":"F2","decom":"2021-03-31","rne":"S","ls":"C2","cin":"N1","place":"U3"}
{"type":"episode","child":"F3","decom":"2021-10-01","rne":"S","ls":"C2","cin":"N1","place":"U3"}
{"type":"episode","child":"F4","decom":"2019-01-07","rne":"S","ls":"C2","cin":"N1","place":"U3"}
{"type":"episode","child":"F5","decom":"2021-09-30","rne":"S","ls":"C2","cin":"N1","place":"U3"}
{"type":"episode","child":"M1","decom":"2020-06-01","rne":"S","ls":"C2","cin":"N1","place":"U6"}
{"type":"review","id":201,"child":"M1","status":"held","held":"2020-06-25"}
{"type":"review","id":202,"child":"M1","status":"held","held":"2020-09-20"}
{"type":"review","id":203,"child":"M1","status":"held","held":"2021-03-15"}
{"type":"review","id":204,"child":"M1","status":"held","held":"2021-09-10"}
{"type":"review","id":205,"child":"M1","status":"held","held":"2022-03-01"}
{"type":"review","id":301,"child":"F1","status":"held","held":"2021-06-01","permanence_plan":"long_term_fostering"}
{"type":"review","id":311,"child":"F2","status":"held","held":"2021-04-20"}
{"type":"review","id":312,"child":"F2","status":"held","held":"2021-07-15","permanence_plan":"long_term_fostering"}
{"type":"review","id":321,"child":"F3","status":"held","held":"2021-10-25","permanence_plan":"long_term_fostering"}
{"type":"review","id":331,"child":"F4","status":"held","held":"2021-05-01","permanence_plan":"long_term_fostering"}
{"type":"review","id":332,"child":"F4","status":"held","held":"2021-11-01","permanence_plan":"adoption"}
{"type":"review","id":341,"child":"F5","status":"held","held":"2021-10-20","permanence_plan":"long_term_fostering"}
{"type":"review","id":401,"child":"PW","kind":"pathway_plan","status":"held","held":"2021-04-20"}
{"type":"review","id":402,"child":"PW","kind":"pathway_plan","status":"held","held":"2021-05-01"}
{"type":"review","id":403,"child":"PW","kind":"pathway_plan","status":"held","held":"2021-11-01"}
{"type":"oversight","child":"M1","iro":"Asha Patel","date":"2021-06-10","kind":"midpoint"}
{"type":"oversight","child":"M1","iro":"Asha Patel","date":"2021-12-01","kind":"case_check"}
{"type":"oversight","child":"M1","iro":"Asha Patel","date":"2021-12-15","kind":"footprint"}
{"type":"oversight","child":"M1","iro":"Asha Patel","date":"2022-03-01","kind":"midpoint"}
{"type":"qa","iro":"Asha Patel","date":"2021-04-12","kind":"supervision"}
{"type":"qa","iro":"Asha Patel","date":"2021-06-01","kind":"audit"}
{"type":"qa","iro":"Asha Patel","date":"2021-08-16","kind":"supervision"}
{"type":"qa","iro":"Ben Okafor","date":"2020-12-01","kind":"case_file_audit"}
{"type":"qa","iro":"Ben Okafor","date":"2021-04-13","kind":"supervision"}
{"type":"qa","iro":"Ben Okafor","date":"2021-08-17","kind":"supervision"}
{"type":"qa","iro":"Ben Okafor","date":"2021-11-15","kind":"supervision"}
{"type":"qa","iro":"Cara Lee","date":"2021-11-03","kind":"supervision"}
{"type":"qa","iro":"Cara Lee","date":"2022-01-10","kind":"observation"}
{"type":"qa","iro":"Dev Shah","date":"2021-05-05","kind":"supervision"}
{"type":"alert","child":"M1","iro":"Asha Patel","raised":"2021-09-15","kind":"informal","review":204,"team":"Team A","description":"A1","stages":[{"stage":1,"entered":"2021-09-15"}]}
{"type":"alert","child":"F2","iro":"Asha Patel","raised":"2021-07-20","kind":"informal","review":312,"team":"Team A","description":"A2","stages":[{"stage":1,"entered":"2021-07-20"}]}
{"type":"alert","child":"F2","iro":"Asha Patel","raised":"2021-07-26","kind":"formal","review":312,"team":"Team B","description":"A3","impact":"Delay to the plan","stages":[{"stage":2,"entered":"2021-07-26"}]}
{"type":"alert","child":"M1","iro":"Asha Patel","raised":"2022-04-05","kind":"formal","review":205,"team":"Team B","description":"A4","impact":"Delay to the plan","stages":[{"stage":2,"entered":"2022-04-05"}]}
{"type":"alert","child":"F1","iro":"Asha Patel","raised":"2021-06-02","kind":"good_practice","review":301,"team":"Team A","description":"A5"}
{"type":"alert","child":"M1","iro":"Asha Patel","raised":"2021-04-02","kind":"informal","review":203,"team":"Team B","description":"A6","stages":[{"stage":1,"entered":"2021-04-02"}]}
{"type":"alert","child":"F4","iro":"Asha Patel","raised":"2021-12-01","kind":"formal","team":"Team C","description":"A7","impact":"Delay to the plan","stages":[{"stage":2,"entered":"2021-12-01"}]}
{"type":"alert","child":"L1","iro":"Asha Patel","raised":"2022-02-01","kind":"informal","description":"A8","stages":[{"stage":1,"entered":"2022-02-01"}]}
EOF
# Alerts (the generic ladder: stage 1 informal, stage 2 formal):
#   A1 informal 2021-09-15 Team A, review 204 (M1, held in the year)
#   A2 informal 2021-07-20 Team A, review 312 (F2, held in the year)
#   A3 formal   2021-07-26 Team B, review 312 as well
#   A4 formal   2022-04-05 Team B, review 205 (M1, held 2022-03-01): after as-of
#   A5 good practice 2021-06-02 Team A, review 301: not informal or formal
#   A6 informal 2021-04-02 Team B, review 203 (held 2021-03-15, the year before)
#   A7 formal   2021-12-01 Team C, no review
#   A8 informal 2022-02-01, no team
check "the crafted service loads" "$IRO" load "$T/service.jsonl" --db "$DB"

report() { "$IRO" report annual --year 2021-22 --format json --db "$DB" "$@"; }

# ---- The figures, checked by Python: one line per check, "ok|name|detail". -
cat >"$T/check.py" <<'EOF'
import json, sys

section, path = sys.argv[1], sys.argv[2]
doc = json.load(open(path))
tables = {t["key"]: t for t in doc["tables"]}
Y = "2021-22"
MONTHS = ["Apr 2021", "May 2021", "Jun 2021", "Jul 2021", "Aug 2021",
          "Sep 2021", "Oct 2021", "Nov 2021", "Dec 2021", "Jan 2022",
          "Feb 2022", "Mar 2022"]

def say(good, name, detail=""):
    print("%s|%s|%s" % ("ok" if good else "not ok", name,
                        str(detail).replace("\n", " ")[:400]))

def show(c):
    """A cell as text: 3, "2/9" for a rate, 1.5, c, null."""
    if isinstance(c, dict):
        return "%s/%s" % (c.get("num"), c.get("den"))
    if c is None:
        return "null"
    return str(c)

def get(key, label, col):
    t = tables.get(key)
    if t is None:
        return "<no table %s>" % key
    if col not in t["columns"]:
        return "<no column %r in %s: %s>" % (col, key, t["columns"])
    j = t["columns"].index(col)
    for r in t["rows"]:
        if r["label"] == label:
            return show(r["cells"][j])
    return "<no row %r in %s>" % (label, key)

def cell(key, label, want, col=Y):
    got = get(key, label, col)
    say(got == str(want), "%s / %s / %s is %s" % (key, label, col, want),
        "got %s" % got)

def months(key, label, want):
    got = [get(key, label, m) for m in MONTHS]
    say(got == [str(w) for w in want],
        "%s / %s, Apr 2021 to Mar 2022: %s" % (key, label, " ".join(map(str, want))),
        "got %s" % " ".join(got))

def rows(key):
    t = tables.get(key)
    return [r["label"] for r in t["rows"]] if t else None

LOC = "population_location"
GRP = "population_location_group"

def main():
    # M08. Each of L1-L9 lies where the postcode table puts their PL_POST;
    # distance = sqrt(dE^2 + dN^2) / 1000 / 1.6093 miles, one decimal.
    # L1: XA2 3BC (whole postcode, ours), home XA1 1AA (district XA1):
    #     32180 m = 19.996 -> 20.0 mi; L8: XA4 5EF (district XA4, ours),
    #     home XA11AA (no space: district XA1) 32250 m = 20.040 -> 20.0 mi,
    #     just over 20 but 20.0 as the DfE rounds it. Both "20 or less".
    # L9: XA1 1AB has no row of its own nor of its sector "XA1 1"; its
    #     district is XA1 (ours, 0 mi), not the district XA11 (E06000009,
    #     over 20 mi away). 3 in all.
    cell(LOC, "20 miles or less, inside the authority", 3)
    # L2: XB1 2CD (district XB1, E06000002), 10000 m = 6.2 mi.
    cell(LOC, "20 miles or less, outside the authority", 1)
    # L3: "xa3 1ab" upper-cased, matched by its sector "XA3 1" (ours):
    #     sqrt(19362^2 + 25816^2) = 32270 m = 20.052 -> 20.1 mi: over 20.
    cell(LOC, "Over 20 miles, inside the authority", 1)
    # L4: XC1 1AA (district XC1, E06000009): 141421 m = 87.9 mi.
    cell(LOC, "Over 20 miles, outside the authority", 1)
    # L5: XA2 3BC (ours) but no HOME_POST.
    cell(LOC, "Distance not known, inside the authority", 1)
    # L6: XD1 1AA (district XD1, E06000003) has no grid reference.
    cell(LOC, "Distance not known, outside the authority", 1)
    # L7: ZZ9 9ZZ is not in the table; P1, P2, P3, N1, NB1, F1-F5 and M1
    # have no PL_POST: 1 + 11 = 12 (N2 left, SB1 is short breaks).
    cell(LOC, "Placement location not known", 12)
    # 9 + 3 + N1 + NB1 + 5 + M1 = 20 looked after at the end.
    cell(LOC, "Total", 20)
    # The group table (la_group_name is set): inside = L1, L8, L9, L3, L5 = 5;
    # outside in the group = L2 (E06000002), L6 (E06000003) = 2; outside
    # the group = L4 (E06000009) = 1; not known 12.
    say(rows(GRP) == ["Inside the authority",
                      "Outside the authority, in the North Group",
                      "Outside the North Group", "Not known", "Total"],
        "%s has a row for the group named by la_group_name" % GRP, rows(GRP))
    cell(GRP, "Inside the authority", 5)
    cell(GRP, "Outside the authority, in the North Group", 2)
    cell(GRP, "Outside the North Group", 1)
    cell(GRP, "Not known", 12)
    cell(GRP, "Total", 20)

    # M11: periods starting in the year (SB1's short breaks left out), age
    # on the first day: NB1 0 (born 2021-12-20, starts 2022-01-05); N1 1
    # (starts on their 1st birthday); F3 6 and F5 7; N2 10 (on their 10th
    # birthday, though they left again in the year).
    cell("started_age", "Under 1", 1)
    cell("started_age", "1 to 4", 1)
    cell("started_age", "5 to 9", 2)
    cell("started_age", "10 to 15", 1)
    cell("started_age", "16 to 17", 0)
    cell("started_age", "Total", 5)

    # M13 (placements_same_carer yes, placements_temporary no by default):
    # P1's T1 and its return to U3 are not counted (0); P2: P 2021-07-01 and
    # T 2022-01-10 (2); P3: B 2021-11-01 (1); the S episodes of N1, N2,
    # NB1, F3, F5 (5); F2's S of 2021-03-31 is before the year; SB1 is short
    # breaks. 0 + 2 + 1 + 5 = 8. Long-term fostering: P2's U4 (1); placed
    # for adoption: P3's A6 (1).
    cell("placements_started", "Placements started", 8)
    cell("placements_started", "Long-term fostering (U1, U4)", 1)
    cell("placements_started", "Placed for adoption (A3 to A6)", 1)
    # M17: P2 has the U6 open on 2021-04-01 plus 2 started = 3; P1 has 1
    # (its temporary move and return are not placements); P3 has 2.
    cell("placements_3plus", "Looked after at the end of the period", 20)
    cell("placements_3plus", "With 3 or more placements in the period", "1/20")

    # M15: plan LTF at the latest review and not in U1/U4 at the end. F1 is
    # in U4 (matched) and F4's latest plan is adoption: neither counts.
    # F3 began 2021-10-01: 2022-04-01 is after the end, so 5 whole months.
    cell("ltf_not_matched", "Under 6 months", 1)
    # F5 began 2021-09-30: 2022-03-30 is 6 months, on the band's lower edge.
    cell("ltf_not_matched", "6 to 11 months", 1)
    # F2 began 2021-03-31: 2022-03-31 is exactly 12 months: "1 to 2 years".
    cell("ltf_not_matched", "1 to 2 years", 1)
    cell("ltf_not_matched", "3 to 4 years", 0)
    cell("ltf_not_matched", "Total", 3)

    # M39 as of 2022-03-31: 9 standard reviews held. Informal: 204 (A1)
    # and 312 (A2); A6 names 203, held the year before. Formal: 312 (A3);
    # A4 (raised 2022-04-05, after as-of) is left out; A5 is good practice.
    # Either: 204 and 312 (312 once though it has two alerts).
    cell("escalation_after_review", "Reviews held", 9)
    cell("escalation_after_review", "Followed by an informal alert", "2/9")
    cell("escalation_after_review", "Followed by a formal alert", "1/9")
    cell("escalation_after_review", "Followed by either", "2/9")
    # The year before: M1's 201, 202, 203 held; A6 (raised 2021-04-02)
    # names 203.
    cell("escalation_after_review", "Followed by an informal alert", "1/3", "2020-21")

    # M42: M1's reviews 204 (4th) and 205 (5th) are held in the year: two
    # gaps. 203..204 holds the midpoint of 2021-06-10; 204..205 holds only a
    # case check and a footprint note (not midpoints) and the midpoint of
    # 2022-03-01 is the day of 205 itself, not strictly between.
    cell("midpoint_reviews", "Gaps between six-monthly reviews", 2)
    cell("midpoint_reviews", "With a midpoint review in the gap", "1/2")
    # 2020-21: the gap before 203 (3rd, 2021-03-15), with no midpoint in it.
    cell("midpoint_reviews", "With a midpoint review in the gap", "0/1", "2020-21")
    # Oversight by month: midpoints in Jun and Mar, a case check and a
    # footprint note in Dec.
    months("oversight_month", "Midpoint reviews", [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1])
    months("oversight_month", "Case checks", [0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0])
    months("oversight_month", "Footprint notes", [0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0])
    months("oversight_month", "Total", [0, 0, 1, 0, 0, 0, 0, 0, 2, 0, 0, 1])

    # QA by IRO in the year (Ben's case-file audit of 2020-12-01 is the year
    # before): Asha audit + 2 supervisions; Ben 3 supervisions (one while
    # absent: still his record); Cara observation + supervision; Dev 1.
    QA = ["Audits", "Case-file audits", "Observations", "Supervisions", "Total"]
    for iro, want in [("Asha Patel", [1, 0, 0, 2, 3]), ("Ben Okafor", [0, 0, 0, 3, 3]),
                      ("Cara Lee", [0, 0, 1, 1, 2]), ("Dev Shah", [0, 0, 0, 1, 1]),
                      ("Total", [1, 0, 1, 7, 9])]:
        got = [get("qa_iro", iro, c) for c in QA]
        say(got == [str(w) for w in want], "qa_iro / %s: %s" % (iro, want), got)
    # M48: available = in post and not absent on some day of the month.
    # Apr-Jun: Asha, Ben, Dev (Dev leaves 2021-06-30; Cara not yet in
    # post); Jul: Asha, Ben; Aug: Ben absent 1-31 Aug, so Asha only; Sep:
    # Asha, Ben; Oct on: Cara from 2021-10-15 (Ben's 10-20 Nov absence is
    # not the whole month).
    months("supervision_month", "IROs in post and not absent all month",
           [3, 3, 3, 2, 1, 2, 3, 3, 3, 3, 3, 3])
    # Supervised: Apr Asha + Ben; May Dev; Aug Asha (Ben's 2021-08-17
    # supervision is left out with him); Nov Ben + Cara.
    months("supervision_month", "Of them, supervised in the month",
           ["2/3", "1/3", "0/3", "0/2", "1/1", "0/2", "0/3", "2/3", "0/3", "0/3", "0/3", "0/3"])

    # M53: informal and formal alerts raised in the year (A4 is 2022-23, A5
    # good practice). Informal: A1, A2 Team A; A6 Team B; A8 no team = 4.
    # Formal: A3 Team B; A7 Team C = 2.
    K = "alerts_team_kind"
    for team, want in [("Team A", [2, "2/4", 0, "0/2"]), ("Team B", [1, "1/4", 1, "1/2"]),
                       ("Team C", [0, "0/4", 1, "1/2"]),
                       ("no team recorded", [1, "1/4", 0, "0/2"]),
                       ("Total", [4, "4/4", 2, "2/2"])]:
        got = [get(K, team, c) for c in ["Informal", "Share of informal",
                                         "Formal", "Share of formal"]]
        say(got == [str(w) for w in want], "%s / %s: %s" % (K, team, want), got)

    # Reviews by month: standard 311 Apr, 331 May, 301 Jun, 312 Jul, 204
    # Sep, 341 and 321 Oct, 332 Nov, 205 Mar; pathway 401 Apr, 402 May,
    # 403 Nov.
    months("reviews_month", "Looked-after reviews (standard)", [1, 1, 1, 1, 0, 1, 2, 1, 0, 0, 0, 1])
    months("reviews_month", "Pathway plan reviews", [1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0])
    months("reviews_month", "All reviews", [2, 2, 1, 1, 0, 1, 2, 2, 0, 0, 0, 1])
    cell("reviews_held", "Looked-after reviews (standard)", 9)
    cell("reviews_held", "Pathway plan reviews", 3)
    # 9 reviews of 6 children (M1, F1-F5; PW's pathway plans apart).
    cell("reviews_held", "Reviews per child reviewed", 1.5)
    # PW (born 2003-05-01): 401 on 2021-04-20 is at 17; 402 on their 18th
    # birthday and 403 are at 18.
    say(rows("reviews_held") and rows("reviews_held")[-1] ==
        "Pathway plan reviews for young people 18 or over",
        "reviews_held ends with the pathway plan reviews for 18 or over", rows("reviews_held"))
    cell("reviews_held", "Pathway plan reviews for young people 18 or over", 2)

def asof_0404():
    # A4 (formal, raised 2022-04-05) is still after the as-of day.
    cell("escalation_after_review", "Followed by a formal alert", "1/9")
    cell("escalation_after_review", "Followed by either", "2/9")

def asof_0405():
    # Raised on the as-of day counts: 205 is now followed by a formal alert.
    cell("escalation_after_review", "Followed by a formal alert", "2/9")
    cell("escalation_after_review", "Followed by either", "3/9")

def temporary():
    # placements_temporary yes: P1's T1 (P, 2021-06-01) and its return to U3
    # (P, 2021-06-15) are placements: 8 + 2 = 10; P1 now has the U3 open on
    # 2021-04-01 plus 2 = 3, so two children (P1, P2) have 3 or more.
    cell("placements_started", "Placements started", 10)
    cell("placements_3plus", "With 3 or more placements in the period", "2/20")

def same_carer():
    # placements_same_carer no (temporary no again): P2's T (same carers) to
    # U4 is not a placement: 8 - 1 = 7, none of them long-term fostering,
    # and P2 has 2 placements, so no one has 3.
    cell("placements_started", "Placements started", 7)
    cell("placements_started", "Long-term fostering (U1, U4)", 0)
    cell("placements_3plus", "With 3 or more placements in the period", "0/20")

def nogroup():
    # Without la_group_name there is no group table; the location table is
    # the same.
    say(GRP not in tables, "without la_group_name there is no %s table" % GRP,
        [k for k in tables if k.startswith("population_location")])
    cell(LOC, "20 miles or less, inside the authority", 3)
    cell(LOC, "Placement location not known", 12)

NEW = ["population_location", "population_location_group", "started_age",
       "placements_started", "placements_3plus", "ltf_not_matched",
       "escalation_after_review", "midpoint_reviews", "oversight_month",
       "qa_iro", "supervision_month", "alerts_team_kind", "reviews_month",
       "reviews_held"]

def public():
    say(doc.get("public") is True, "the public version says it is public", doc.get("public"))
    # Every count from 1 to 5 is c: L1-L9's rows (3, 1, 1, 1, 1, 1); the
    # not-known row (12) and the total (20) may show.
    for label in ["20 miles or less, inside the authority",
                  "20 miles or less, outside the authority",
                  "Over 20 miles, inside the authority",
                  "Over 20 miles, outside the authority",
                  "Distance not known, inside the authority",
                  "Distance not known, outside the authority"]:
        cell(LOC, label, "c")
    cell(LOC, "Placement location not known", 12)
    cell(LOC, "Total", 20)
    small = []
    for key in NEW:
        t = tables.get(key)
        if t is None:
            small.append("no table " + key)
            continue
        for r in t["rows"]:
            for j, c in enumerate(r["cells"]):
                if isinstance(c, int) and not isinstance(c, bool) and 1 <= c <= 5:
                    small.append("%s %r %s=%d" % (key, r["label"], t["columns"][j], c))
    say(not small, "public: no count from 1 to 5 in the new tables", small[:5])

{"main": main, "asof_0404": asof_0404, "asof_0405": asof_0405,
 "temporary": temporary, "same_carer": same_carer, "nogroup": nogroup,
 "public": public}[section]()
EOF


# report_json NAME ARGS...: the report as JSON in $T/NAME.json.
report_json() {
	name=$1
	shift
	if report "$@" >"$T/$name.json" 2>"$T/$name.err"; then
		ok "$name: iro report annual --year 2021-22 --format json $*"
	else
		not_ok "$name: iro report annual --year 2021-22 --format json $*" \
			"$(cat "$T/$name.err")"
	fi
}

report_json main --as-of 2022-03-31
run_checks main "$T/main.json"
report_json asof_0404 --as-of 2022-04-04
run_checks asof_0404 "$T/asof_0404.json"
report_json asof_0405 --as-of 2022-04-05
run_checks asof_0405 "$T/asof_0405.json"
report_json public --as-of 2022-03-31 --public
run_checks public "$T/public.json"

# ---- Bad postcode records are refused, and nothing of the file loaded. ----
# Each file has a good postcode first, which must not be loaded either.
printf '%s\n' \
	'{"type":"postcode","postcode":"XF1","la":"E06000001","easting":400100,"northing":400100}' \
	'{"type":"postcode","postcode":"XF2","la":"E06000001","easting":400000}' \
	>"$T/no_northing.jsonl"
refused "a postcode with an easting but no northing is refused" \
	'no_northing.jsonl:2: error: northing "": a grid reference has both easting and northing, or neither' \
	"$IRO" load "$T/no_northing.jsonl" --db "$DB"
printf '%s\n' \
	'{"type":"postcode","postcode":"XF1","la":"E06000001"}' \
	'{"type":"postcode","postcode":"AB-1","la":"E06000001"}' \
	>"$T/bad_postcode.jsonl"
refused "a postcode \"AB-1\" is refused" \
	'bad_postcode.jsonl:2: error: postcode "AB-1": is not a postcode' \
	"$IRO" load "$T/bad_postcode.jsonl" --db "$DB"

# ---- Without la_group_name: no group table. --------------------------------
DB2=$T/nogroup.db
new_db "$DB2"
grep -v '"la_group_name"' "$T/service.jsonl" >"$T/nogroup.jsonl"
check "the service without la_group_name loads" "$IRO" load "$T/nogroup.jsonl" --db "$DB2"
if "$IRO" report annual --year 2021-22 --format json --as-of 2022-03-31 --db "$DB2" \
	>"$T/nogroup.json" 2>"$T/nogroup.err"; then
	ok "the report without la_group_name"
else
	not_ok "the report without la_group_name" "$(cat "$T/nogroup.err")"
fi
run_checks nogroup "$T/nogroup.json"

# ---- The placement settings. -----------------------------------------------
printf '%s\n' '{"type":"setting","key":"placements_temporary","value":"yes"}' >"$T/temp.jsonl"
check "setting placements_temporary=yes loads" "$IRO" load "$T/temp.jsonl" --db "$DB"
report_json temporary --as-of 2022-03-31
run_checks temporary "$T/temporary.json"

printf '%s\n' '{"type":"setting","key":"placements_temporary","value":"no"}' \
	'{"type":"setting","key":"placements_same_carer","value":"no"}' >"$T/carer.jsonl"
check "settings placements_temporary=no, placements_same_carer=no load" \
	"$IRO" load "$T/carer.jsonl" --db "$DB"
report_json same_carer --as-of 2022-03-31
run_checks same_carer "$T/same_carer.json"

printf '%s\n' '{"type":"setting","key":"placements_temporary","value":"maybe"}' >"$T/maybe.jsonl"
check "setting placements_temporary=maybe loads (settings are text)" \
	"$IRO" load "$T/maybe.jsonl" --db "$DB"
if report --as-of 2022-03-31 >"$T/maybe.json" 2>"$T/maybe.err"; then
	not_ok "placements_temporary=maybe: the report fails" "it succeeded"
else
	contains "placements_temporary=maybe: the report fails, naming the setting" \
		"$(cat "$T/maybe.err")" 'setting placements_temporary is "maybe": yes or no'
fi
same "... and writes no report" "$(wc -c <"$T/maybe.json" | tr -d ' ')" 0

# ---- Two temporary placements in a row; an alert's kind on --as-of. ------
# A second, small service. Q1 goes U3, T3, T1 and back to U3 in the year:
# with temporary placements not counted (the default), the return to the
# placement type before the temporary spell is no placement either, so
# nothing is started in the year (measures.h, M13). Q1's review 902, held
# in the year, is named by one alert raised informal on 2022-03-20 that
# entered the formal stage on 2022-04-10: as of 31 March it followed the
# review as an informal alert; as of 10 April as a formal one (M39).
DB2=$T/two.db
new_db "$DB2"
cat >"$T/two.jsonl" <<'EOF2'
{"type":"setting","key":"la_code","value":"E06000001"}
{"type":"iro","name":"Asha Patel","start":"2015-01-01"}
{"type":"child","child":"Q1","dob":"2012-01-01","sex":"F"}
{"type":"episode","child":"Q1","decom":"2021-01-04","rne":"S","ls":"C2","cin":"N1","place":"U3","dec":"2021-06-01","rec":"X1"}
{"type":"episode","child":"Q1","decom":"2021-06-01","rne":"P","ls":"C2","cin":"N1","place":"T3","dec":"2021-06-10","rec":"X1"}
{"type":"episode","child":"Q1","decom":"2021-06-10","rne":"P","ls":"C2","cin":"N1","place":"T1","dec":"2021-06-20","rec":"X1"}
{"type":"episode","child":"Q1","decom":"2021-06-20","rne":"P","ls":"C2","cin":"N1","place":"U3"}
{"type":"review","id":901,"child":"Q1","status":"held","held":"2021-01-20"}
{"type":"review","id":902,"child":"Q1","status":"held","held":"2021-04-01"}
{"type":"alert","child":"Q1","iro":"Asha Patel","raised":"2022-03-20","kind":"formal","review":902,"description":"Q","impact":"Delay","stages":[{"stage":1,"entered":"2022-03-20"},{"stage":2,"entered":"2022-04-10"}]}
EOF2
check "the second service loads" "$IRO" load "$T/two.jsonl" --db "$DB2"
for asof in 2022-03-31 2022-04-10; do
	"$IRO" report annual --year 2021-22 --format json --db "$DB2" \
		--as-of "$asof" >"$T/two-$asof.json" 2>"$T/two.err" ||
		not_ok "report of the second service as of $asof" "$(cat "$T/two.err")"
done
cells2() { # FILE TABLE ROW: the last column's cell, num/den for a rate
	python3 - "$@" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
t = next(t for t in d["tables"] if t["key"] == sys.argv[2])
c = next(r for r in t["rows"] if r["label"] == sys.argv[3])["cells"][-1]
print("%s/%s" % (c["num"], c["den"]) if isinstance(c, dict) else c)
PY
}
same "U3, T3, T1, back to U3: no placement started in the year" \
	"$(cells2 "$T/two-2022-03-31.json" placements_started "Placements started")" 0
same "... and one placement in the year, not three" \
	"$(cells2 "$T/two-2022-03-31.json" placements_3plus "With 3 or more placements in the period")" 0/1
same "as of 31 March the alert had not reached its formal stage: informal" \
	"$(cells2 "$T/two-2022-03-31.json" escalation_after_review "Followed by an informal alert")" 1/1
same "... and not formal" \
	"$(cells2 "$T/two-2022-03-31.json" escalation_after_review "Followed by a formal alert")" 0/1
same "as of 10 April it had: formal" \
	"$(cells2 "$T/two-2022-04-10.json" escalation_after_review "Followed by a formal alert")" 1/1
same "... and no longer informal" \
	"$(cells2 "$T/two-2022-04-10.json" escalation_after_review "Followed by an informal alert")" 0/1

done_testing
