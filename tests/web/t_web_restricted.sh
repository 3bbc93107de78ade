#!/bin/sh
# t_web_restricted.sh - a restricted record (spec §1: "visible only to
# named users"): whatever their role, a user not named on it finds no trace
# of the child - not the record, nor a row in a worklist, a caseload or an
# API list - until `iro user grant` names them.
. "$(dirname "$0")/lib.sh"
web_setup || { not_ok "the server started"; done_testing; exit 1; }

# A child with work on iro2's worklist, and so on iro2's caseload.
LA=$("$IRO" worklist --as-of "$TODAY" --iro "$IRO2" --format csv | awk -F, 'NR == 2 { print $2 }')
ID=$(sqlite3 "$DB" "SELECT id FROM child WHERE la_child_id = '$LA'")
IRO2_ID=$(sqlite3 "$DB" "SELECT id FROM iro WHERE name = '$IRO2'")
check "iro2 signs in" signin iro2
check "the manager signs in" signin manager

same "before: the manager sees the child's record" "$(http manager GET "/children/$ID")" 200
http manager GET "/worklist?child=$LA" >/dev/null
contains "before: the manager's worklist lists the child" "$(cat "$T/body")" ">$LA</a>"

check "the record is made restricted" "$IRO" set child "$LA" --restricted yes

for who in manager iro2; do
	same "$who, not named: the record is not found (404)" "$(http $who GET "/children/$ID")" 404
	case $(cat "$T/body") in
	*"$LA"*) not_ok "$who: the refusal does not name the child" ;;
	*) ok "$who: the refusal does not name the child" ;;
	esac
	http $who GET "/worklist?child=$LA" >/dev/null
	case $(cat "$T/body") in
	*">$LA</a>"*) not_ok "$who: the worklist does not list the child" ;;
	*) ok "$who: the worklist does not list the child" ;;
	esac
	http $who GET "/caseloads/$IRO2_ID" >/dev/null
	case $(cat "$T/body") in
	*">$LA<"*) not_ok "$who: the caseload page does not list the child" ;;
	*) ok "$who: the caseload page does not list the child" ;;
	esac
	same "$who: the API does not give the record (404)" \
		"$(http $who GET "/api/v1/records/child/$LA")" 404
	http $who GET "/api/v1/worklist" >/dev/null
	case $(cat "$T/body") in
	*"\"$LA\""*) not_ok "$who: the API's worklist does not list the child" ;;
	*) ok "$who: the API's worklist does not list the child" ;;
	esac
	same "$who: a review form for the child is not found" \
		"$(http $who GET "/children/$ID/reviews/new")" 404
done

check "the manager is named on the record" "$IRO" user grant manager "$LA"
same "named: the manager sees the record" "$(http manager GET "/children/$ID")" 200
contains "... marked restricted" "$(cat "$T/body")" "Restricted"
http manager GET "/worklist?child=$LA" >/dev/null
contains "named: the manager's worklist lists the child again" "$(cat "$T/body")" ">$LA</a>"
same "named: the manager's API gives the record" "$(http manager GET "/api/v1/records/child/$LA")" 200
same "iro2, still not named, still finds nothing" "$(http iro2 GET "/children/$ID")" 404

check "the manager's name is taken off" "$IRO" user revoke manager "$LA"
same "unnamed again: the record is not found" "$(http manager GET "/children/$ID")" 404
same "the naming and unnaming are in the audit log" \
	"$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE entity = 'child_access' AND child_id = $ID")" 2

done_testing
