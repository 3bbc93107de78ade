#!/bin/sh
# t_web_roles.sh - every page and API route, asked by every role: the
# table below is spec §1 written out by hand (not read from the code), so
# a route that lets in a role it should not - or shuts out one it should
# let in - fails here. 200/303: allowed; 403: the role may not; 404: the
# child is not on that IRO's caseload (iro1 holds no children today).
. "$(dirname "$0")/lib.sh"
web_setup || { not_ok "the server started"; done_testing; exit 1; }
USERS="iro1 iro2 manager analyst admin auditor"
for u in $USERS; do signin "$u" || not_ok "$u signs in"; done

LA=$("$IRO" worklist --as-of "$TODAY" --iro "$IRO2" --format csv | awk -F, 'NR == 2 { print $2 }')
CHILD=$(sqlite3 "$DB" "SELECT id FROM child WHERE la_child_id = '$LA'")
REVIEW=$(sqlite3 "$DB" "SELECT max(id) FROM review WHERE child_id = $CHILD")
REC=$(sqlite3 "$DB" "SELECT min(r.id) FROM recommendation r JOIN review v ON v.id = r.review_id JOIN allocation a ON a.child_id = v.child_id AND a.end_date IS NULL")
ALERT=$(sqlite3 "$DB" "SELECT min(x.id) FROM alert x JOIN allocation a ON a.child_id = x.child_id AND a.end_date IS NULL")
IRO2_ID=$(sqlite3 "$DB" "SELECT id FROM iro WHERE name = '$IRO2'")

# PATH, then the answer for iro1 iro2 manager analyst admin auditor.
while read -r path want; do
	[ -n "$path" ] || continue
	case $path in \#*) continue ;; esac
	path=$(printf '%s' "$path" | sed "s/CHILD/$CHILD/; s/REVIEW/$REVIEW/; s/REC/$REC/; s/ALERT/$ALERT/; s/IRO2/$IRO2_ID/; s/LA/$LA/")
	got=""
	for u in $USERS; do got="$got$(http "$u" GET "$path")/"; done
	same "GET $path by iro1/iro2/manager/analyst/admin/auditor" "$got" "$want"
done <<'TABLE'
/                                   303/303/303/303/303/303/
/worklist                           200/200/200/403/403/403/
/caseloads                          303/303/200/403/403/403/
/caseloads/IRO2                     403/200/200/403/403/403/
/children/CHILD                     404/200/200/403/403/403/
/children/CHILD/reviews/new         404/200/200/403/403/403/
/children/CHILD/visits/new          404/200/200/403/403/403/
/children/CHILD/alerts/new          404/200/200/403/403/403/
/children/CHILD/allocate            403/403/200/403/403/403/
/reviews/REVIEW                     404/200/200/403/403/403/
/recommendations/REC                404/200/200/403/403/403/
/alerts                             200/200/200/403/403/403/
/alerts/ALERT                       404/200/200/403/403/403/
/reports                            403/403/200/200/403/403/
/reports/annual?year=2024-25        403/403/200/200/403/403/
/reports/monthly?month=2026-02      403/403/200/200/403/403/
/admin                              403/403/403/403/200/403/
/admin/users                        403/403/403/403/200/403/
/admin/users/new                    403/403/403/403/200/403/
/admin/calendar                     403/403/403/403/200/403/
/admin/ladders                      403/403/403/403/200/403/
/admin/themes                       403/403/403/403/200/403/
/admin/teams                        403/403/403/403/200/403/
/admin/restricted                   403/403/403/403/200/403/
/audit                              403/403/200/403/200/200/
/audit?child=LA                     403/403/200/403/200/200/
/api/v1/session                     200/200/200/200/200/200/
/api/v1/worklist                    200/200/200/403/403/403/
/api/v1/records/child/LA            404/200/200/403/403/403/
/api/v1/records/review/REVIEW       404/200/200/403/403/403/
/api/v1/records/iro                 200/200/200/200/200/403/
/api/v1/records/theme               200/200/200/200/200/403/
TABLE

# Writes: a role that may not gets 403 before anything is read.
for u in analyst admin auditor; do
	same "POST /children/$CHILD/reviews by $u is refused" \
		"$(post "$u" "/children/$CHILD/reviews")" 403
done
same "POST /children/$CHILD/allocate by iro2 is refused (managers allocate)" \
	"$(post iro2 "/children/$CHILD/allocate")" 403
same "POST /admin/users/new by the manager is refused" \
	"$(post manager /admin/users/new)" 403

done_testing
