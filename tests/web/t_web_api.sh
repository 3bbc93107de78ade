#!/bin/sh
# t_web_api.sh - the JSON API under /api/v1/ (docs/api.md): the session,
# the worklist, and every kind of record read, listed, created, replaced
# and its history, with the pages' permissions.
. "$(dirname "$0")/lib.sh"
web_setup || { not_ok "the server started"; done_testing; exit 1; }

# j EXPR: EXPR evaluated by Python on the last body (as d).
j() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$T/body" "$1" 2>&1; }
# api_tok USER: the CSRF token the session route gives USER.
api_tok() { http "$1" GET /api/v1/session >/dev/null; j 'd["csrf_token"]'; }
# send USER METHOD PATH JSON: a write with USER's token.
send() { http "$1" "$2" "$3" -H "X-CSRF-Token: $(api_tok "$1")" \
	-H 'Content-Type: application/json' --data-binary "$4"; }

REF_KINDS="setting calendar_day theme team ladder postcode iro"
CHILD_KINDS="child episode allocation review recommendation consultation oversight contact advocacy feedback qa alert"

# ---- Sessions -------------------------------------------------------------
same "not signed in: 401" "$(http - GET /api/v1/session)" 401
same "... as JSON" "$(j 'd["error"]["status"]')" 401
same "not signed in, a record: 401, not a redirect" "$(http - GET /api/v1/records/review)" 401
for u in iro1 iro2 manager analyst admin auditor; do signin $u; done
same "the session says who is signed in" "$(http iro1 GET /api/v1/session)" 200
same "... user, role and IRO" "$(j '(d["user"], d["role"], d["iro"])')" "('iro1', 'iro', '$IRO1')"
contains "... and the CSRF token of the session" "$(cat "$T/csrf.iro1")" "$(j 'd["csrf_token"]')"
same "an auditor has a session" "$(http auditor GET /api/v1/session)" 200
same "... and nothing else: 403 on records" "$(http auditor GET /api/v1/records/setting)" 403
same "... 403 on the worklist" "$(http auditor GET /api/v1/worklist)" 403
same "an unknown kind: 404" "$(http manager GET /api/v1/records/nonsense)" 404
same "a list item's kind is not a kind of the API: 404" "$(http manager GET /api/v1/records/fte)" 404

# ---- Every kind readable by the right roles -------------------------------
bad=""
for k in $REF_KINDS; do
	for u in iro1 manager analyst admin; do
		c=$(http $u GET /api/v1/records/$k)
		[ "$c" = 200 ] && [ "$(j 'd["kind"]')" = "$k" ] || bad="$bad $u:$k:$c"
	done
	c=$(http auditor GET /api/v1/records/$k); [ "$c" = 403 ] || bad="$bad auditor:$k:$c"
done
same "reference kinds: read by IROs, managers, analysts and administrators, not auditors" "$bad" ""
bad=""
for k in $CHILD_KINDS; do
	c=$(http manager GET /api/v1/records/$k)
	[ "$c" = 200 ] && [ "$(j 'd["total"] > 0')" = True ] || bad="$bad manager:$k:$c"
	c=$(http iro2 GET /api/v1/records/$k); [ "$c" = 200 ] || bad="$bad iro2:$k:$c"
	for u in analyst admin auditor; do
		c=$(http $u GET /api/v1/records/$k); [ "$c" = 403 ] || bad="$bad $u:$k:$c"
	done
done
same "child records: every kind read by a manager; refused to analysts, administrators and auditors" "$bad" ""

# ---- Pagination -----------------------------------------------------------
http manager GET /api/v1/records/review >/dev/null
total=$(j 'd["total"]')
same "a page holds 100 records and links the next" "$(j '(len(d["records"]), d["per_page"], d["next"])')" "(100, 100, '/api/v1/records/review?page=2')"
last=$(j 'd["pages"]')
http manager GET "/api/v1/records/review?page=$last" >/dev/null
same "the last page has the rest and no next" "$(j '(len(d["records"]), d["next"])')" "($((total - (last - 1) * 100)), None)"
same "a bad page: 400" "$(http manager GET '/api/v1/records/review?page=0')" 400

# ---- Making IRO 1 current and giving them a child to cover --------------------
# IRO 1 of the synthetic service left in 2022: the administrator takes the
# end date off (a reference write), and the manager gives them a cover.
same "the admin reads IRO 1" "$(http admin GET /api/v1/records/iro/1)" 200
old_iro=$(cat "$T/body")
new_iro=$(j 'json.dumps({k: v for k, v in d.items() if k != "end"})')
same "a manager may not change an IRO (admin only)" "$(send manager PUT /api/v1/records/iro/1 "$new_iro")" 403
same "the admin replaces IRO 1 without its end" "$(send admin PUT /api/v1/records/iro/1 "$new_iro")" 200
same "... the answer is the record as stored" "$(j '"end" in d')" False
http admin GET /api/v1/records/iro/1/history >/dev/null
same "... and the history holds the old version, by the admin" \
	"$(j 'json.dumps(d["revisions"][0]["record"], separators=(",", ":")) + " " + d["revisions"][0]["replaced_by"]')" "$old_iro web:admin"

# Two of IRO 2's children: C1 (IRO 1 will cover it) and C2.
http iro2 GET "/api/v1/records/allocation" >/dev/null
C1=$(j '[a["child"] for a in d["records"] if a["iro"] == "'"$IRO2"'" and "end" not in a][0]')
C2=$(j '[a["child"] for a in d["records"] if a["iro"] == "'"$IRO2"'" and "end" not in a][1]')
cover='{"type":"allocation","child":"'$C1'","iro":"'$IRO1'","start":"2026-03-30","reason":"cover"}'
same "an IRO may not allocate: 403" "$(send iro2 POST /api/v1/records/allocation "$cover")" 403
same "a manager adds a cover allocation: 201" "$(send manager POST /api/v1/records/allocation "$cover")" 201
ALLOC=$(j 'd["id"]')

# ---- An IRO sees their own children only ------------------------------------
same "IRO 1 reads the child they cover" "$(http iro1 GET "/api/v1/records/child/$C1")" 200
same "... by its LA child id" "$(j 'd["child"]')" "$C1"
same "IRO 1 may not read another IRO's child: 404" "$(http iro1 GET "/api/v1/records/child/$C2")" 404
same "... nor list its reviews" "$(http iro1 GET "/api/v1/records/review?child=$C2")" 404
http manager GET "/api/v1/records/review?child=$C2" >/dev/null
R2=$(j 'd["records"][0]["id"]')
same "... nor read one of them" "$(http iro1 GET "/api/v1/records/review/$R2")" 404
same "... nor its history" "$(http iro1 GET "/api/v1/records/review/$R2/history")" 404
http manager GET "/api/v1/records/review?child=$C1" >/dev/null
R1=$(j 'd["records"][0]["id"]')
same "IRO 1 lists only their child's reviews" "$(http iro1 GET /api/v1/records/review)" 200
same "... every one of C1's" "$(j 'sorted(set(x["child"] for x in d["records"]))')" "['$C1']"
http iro1 GET /api/v1/records/recommendation >/dev/null
recs=$(j 'sorted(set(x["review"] for x in d["records"]))')
http manager GET "/api/v1/records/recommendation" >/dev/null
http manager GET "/api/v1/records/review?child=$C1" >/dev/null
same "... and the recommendations of those reviews (the child through the review)" \
	"$(python3 -c 'import sys; print(set(eval(sys.argv[1])) <= set(eval(sys.argv[2])))' "$recs" "$(j '[x["id"] for x in d["records"]]')")" True

# ---- Writing ---------------------------------------------------------------
contact='{"type":"contact","child":"'$C2'","iro":"'$IRO1'","date":"2026-03-30","kind":"visit","seen_alone":true}'
before=$(db_digest "$DB")
same "IRO 1 may not write for another IRO's child: 404" "$(send iro1 POST /api/v1/records/contact "$contact")" 404
same "a POST without the CSRF header: 403" "$(http manager POST /api/v1/records/contact -H 'Content-Type: application/json' --data-binary "$contact")" 403
same "a POST with a wrong token: 403" "$(http manager POST /api/v1/records/contact -H 'X-CSRF-Token: forged' --data-binary "$contact")" 403
same "an analyst may not write child records: 403" "$(send analyst POST /api/v1/records/contact "$contact")" 403
same "an administrator may not either: 403" "$(send admin POST /api/v1/records/contact "$contact")" 403
same "a body that is not JSON: 400" "$(send manager POST /api/v1/records/contact '{"type":')" 400
head -c 1100000 /dev/zero | tr '\0' ' ' >"$T/big"
same "a body over 1 MiB: 413" "$(http manager POST /api/v1/records/contact -H "X-CSRF-Token: $(api_tok manager)" --data-binary @"$T/big")" 413
same "an invalid record: 422" "$(send manager POST /api/v1/records/contact '{"type":"contact","child":"'$C1'","iro":"'"$IRO1"'","date":"2026-02-30","kind":"visit"}')" 422
same "... naming the field and value" "$(j '[(e["field"], e["value"]) for e in d["errors"]]')" "[('date', '2026-02-30')]"
same "a record breaking the store's rules: 422" "$(send manager POST /api/v1/records/contact '{"child":"'$C1'","iro":"'"$IRO1"'","kind":"visit"}')" 422
same "... naming the missing field" "$(j '[e["field"] for e in d["errors"]]')" "['date']"
same "a body of another kind than the address: 422" "$(send manager POST /api/v1/records/contact '{"type":"review","child":"'$C1'"}')" 422
same "... naming type" "$(j 'd["errors"][0]["field"]')" type
same "nothing refused was written" "$(db_digest "$DB")" "$before"

mine='{"type":"contact","child":"'$C1'","iro":"'$IRO1'","date":"2026-03-30","kind":"visit","seen_alone":true}'
same "IRO 1 records a visit to their child: 201" "$(send iro1 POST /api/v1/records/contact "$mine")" 201
CID=$(j 'd["id"]')
same "the answer carries its new id" "$(j 'd["id"] > 0')" True
same "GET returns the same JSON as was posted (with the id)" "$(http iro1 GET "/api/v1/records/contact/$CID")" 200
same "... field for field" "$(j 'json.dumps({k: v for k, v in d.items() if k != "id"}, separators=(",", ":"))')" "$mine"
same "posting the same id again: 409" "$(send iro1 POST /api/v1/records/contact "$(j 'json.dumps(d)')")" 409
http iro1 GET "/api/v1/records/contact/$CID" >/dev/null
changed=$(j 'json.dumps(dict(d, kind="phone", seen_alone=False))')
same "PUT replaces it: 200" "$(send iro1 PUT "/api/v1/records/contact/$CID" "$changed")" 200
same "... GET shows the change" "$(http iro1 GET "/api/v1/records/contact/$CID" >/dev/null; j '(d["kind"], d["seen_alone"])')" "('phone', False)"
http iro1 GET "/api/v1/records/contact/$CID/history" >/dev/null
same "... and the history the old version" "$(j '[(v["record"]["kind"], v["replaced_by"]) for v in d["revisions"]]')" "[('visit', 'web:iro1')]"
same "a PUT whose id is not the address's: 422" "$(send iro1 PUT "/api/v1/records/contact/$CID" "$(j 'json.dumps(dict(d["revisions"][0]["record"], id=999999))')")" 422
same "IRO 1 may not move the visit to another IRO's child: 404" "$(send iro1 PUT "/api/v1/records/contact/$CID" "$(echo "$mine" | sed "s/$C1/$C2/")")" 404
same "a PUT to a record that is not there: 404" "$(send manager PUT /api/v1/records/contact/999999 "$mine")" 404
same "a PUT to another IRO's child's review: 404" "$(send iro1 PUT "/api/v1/records/review/$R2" '{}')" 404
before=$(db_digest "$DB")
same "an invalid PUT: 422" "$(send iro1 PUT "/api/v1/records/contact/$CID" "$(echo "$mine" | sed 's/"visit"/"telepathy"/')")" 422
same "... naming kind" "$(j 'd["errors"][0]["field"]')" kind
same "... and nothing written" "$(db_digest "$DB")" "$before"

# A kind without ids is known by its key.
same "the admin adds a team: 201" "$(send admin POST /api/v1/records/team '{"name":"API team"}')" 201
same "... read back by its key" "$(http iro1 GET '/api/v1/records/team/API%20team')" 200
same "... as posted" "$(j 'json.dumps(d)')" '{"type": "team", "name": "API team", "active": true}'
same "... replaced by its key" "$(send admin PUT '/api/v1/records/team/API%20team' '{"name":"API team","active":false}')" 200
same "... whose key cannot change: 422" "$(send admin PUT '/api/v1/records/team/API%20team' '{"name":"Another team"}')" 422
same "... adding it again: 409" "$(send admin POST /api/v1/records/team '{"name":"API team"}')" 409
same "an episode by child and start" "$(http manager GET "/api/v1/records/episode?child=$C1" >/dev/null; http manager GET "/api/v1/records/episode/$C1,$(j 'd["records"][0]["decom"]')")" 200
same "an IRO may not add a team: 403" "$(send iro1 POST /api/v1/records/team '{"name":"IRO team"}')" 403

# ---- Audit -----------------------------------------------------------------
n=$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE entity = 'api'")
http iro1 GET "/api/v1/records/review/$R1" >/dev/null
same "a read of a child's record is audited: one row" "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE entity = 'api'")" $((n + 1))
same "... with no names in it" "$(sqlite3 "$DB" "SELECT detail FROM audit WHERE entity = 'api' ORDER BY rowid DESC LIMIT 1")" "{\"kind\":\"review\",\"id\":$R1}"

# ---- The worklist ------------------------------------------------------------
# cmp_wl FILE: the API's items (without child_id) against `iro worklist`'s.
cmp_wl() {
	python3 -c 'import json,sys
a = json.load(open(sys.argv[1])); c = json.load(open(sys.argv[2]))
items = [{k: v for k, v in i.items() if k != "child_id"} for i in a["items"]]
print("same" if items == c else "differ: %d vs %d" % (len(items), len(c)))' "$T/body" "$1"
}
for u in iro1 iro2; do
	name=$IRO1; [ $u = iro2 ] && name=$IRO2
	"$IRO" worklist --format json --as-of "$TODAY" --iro "$name" --db "$DB" >"$T/wl.$u"
	same "$u's worklist: 200" "$(http $u GET /api/v1/worklist)" 200
	same "... the same items as iro worklist --iro" "$(cmp_wl "$T/wl.$u")" same
done
same "IRO 1's list is not empty (the cover case)" "$(http iro1 GET /api/v1/worklist >/dev/null; j 'd["total"] > 0 and d["iro"]')" "$IRO1"
http iro2 GET /api/v1/worklist >/dev/null
same "the counts have every kind, and add up" "$(j '(len(d["counts"]), sum(d["counts"].values()) == d["total"] == len(d["items"]))')" "(14, True)"
same "an IRO's ?iro= is ignored: their own list" "$(http iro2 GET '/api/v1/worklist?iro=1' >/dev/null; j 'd["iro"]')" "$IRO2"
"$IRO" worklist --format json --as-of "$TODAY" --db "$DB" >"$T/wl.all"
same "the manager's worklist is the service's" "$(http manager GET /api/v1/worklist >/dev/null; cmp_wl "$T/wl.all")" same
same "... or one IRO's with ?iro=ID" "$(http manager GET '/api/v1/worklist?iro=2' >/dev/null; cmp_wl "$T/wl.iro2")" same
same "... and filtered by kind" "$(http manager GET '/api/v1/worklist?kind=review%20due' >/dev/null; j 'set(i["item"] for i in d["items"])')" "{'review due'}"
same "an unknown kind: 400" "$(http manager GET '/api/v1/worklist?kind=nonsense')" 400
same "an unknown IRO: 404" "$(http manager GET '/api/v1/worklist?iro=999')" 404
same "an analyst has no worklist: 403" "$(http analyst GET /api/v1/worklist)" 403

# ---- The DfE's rules at entry (issue 7) ------------------------------------
# An episode that continues a period (RNE P) on a day no episode ended on
# is written, and the answer carries the DfE rules it breaks as warnings.
http manager GET "/api/v1/records/episode?child=$C1" >/dev/null
open_start=$(j '[e["decom"] for e in d["records"] if "dec" not in e][-1]')
ep='{"type":"episode","child":"'$C1'","decom":"2026-03-20","rne":"P","ls":"C2","cin":"N1","place":"U4","place_provider":"PR1"}'
same "an episode breaking DfE rules is still written: 201" "$(send manager POST /api/v1/records/episode "$ep")" 201
contains "... and the answer warns of rule 433" "$(j 'd["warnings"]')" "DfE rule 433: The reason for new episode suggests that this is a continuation episode"
contains "... naming the episode by its start" "$(j '[w["key"] for w in d["warnings"] if "433" in w["message"]]')" "20/03/2026"
contains "... and rule 142 on the episode still open before it" "$(j '[w["key"] for w in d["warnings"] if "142" in w["message"]]')" "$(python3 -c 'import sys; y,m,d=sys.argv[1].split("-"); print(f"{d}/{m}/{y}")' "$open_start")"

done_testing
