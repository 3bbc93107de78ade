#!/bin/sh
# t_web_child.sh - a child's record (identity bar, sections, timeline),
# scheduling a review and recording a visit from it: who may see it, what
# bad input says, and that nothing is written when it is refused.
. "$(dirname "$0")/lib.sh"
web_setup || { not_ok "the server started"; done_testing; exit 1; }
for u in iro1 iro2 manager analyst admin auditor; do signin $u; done

q() { sqlite3 "$DB" "$1"; }
dump() { sqlite3 "$DB" .dump | grep -v '^INSERT INTO audit' | sha256sum; }
# The synthetic service's second IRO (iro2's) has the caseload today; the
# first (iro1's) has left post, so iro1 may see none of it.
IRO2_ID=$("$IRO" list iro --format csv --db "$DB" | sed -n 3p | cut -d, -f1)
alloc_today="start_date <= '$TODAY' AND (end_date IS NULL OR end_date >= '$TODAY')"
MINE=$(q "SELECT child_id FROM allocation WHERE iro_id = $IRO2_ID AND $alloc_today ORDER BY child_id LIMIT 1")
LA=$(q "SELECT la_child_id FROM child WHERE id = $MINE")
check "there is a child on iro2's caseload" test -n "$MINE"

# Who may see the record.
for path in "/children/$MINE" "/children/$MINE/reviews/new" "/children/$MINE/visits/new"; do
	same "iro2 sees $path" "$(http iro2 GET "$path")" 200
	same "the manager sees $path" "$(http manager GET "$path")" 200
	for u in analyst admin auditor; do
		same "$u is refused $path (403)" "$(http $u GET "$path")" 403
	done
	same "iro1 gets 404 for $path (not on their caseload)" "$(http iro1 GET "$path")" 404
done
same "an unknown child is 404" "$(http manager GET /children/999999)" 404
for u in analyst admin auditor; do
	same "$u may not schedule a review (403)" "$(post $u "/children/$MINE/reviews" scheduled-day=1 scheduled-month=5 scheduled-year=2026)" 403
	same "$u may not record a visit (403)" "$(post $u "/children/$MINE/visits/new" date-day=1 date-month=3 date-year=2026 kind=visit)" 403
done
before=$(dump)
same "iro1 may not schedule a review of a child not theirs (404)" \
	"$(post iro1 "/children/$MINE/reviews" scheduled-day=1 scheduled-month=5 scheduled-year=2026)" 404
same "... and nothing was written" "$(dump)" "$before"

# The record page.
http iro2 GET "/children/$MINE" >/dev/null
page=$(cat "$T/body")
contains "the identity bar" "$page" 'class="moj-identity-bar"'
contains "... with the LA child id" "$page" "$LA"
contains "... the date of birth and age" "$page" "(age "
contains "... the IRO" "$page" "$IRO2"
contains "sub-navigation" "$page" 'class="moj-sub-navigation"'
for s in Overview Reviews Visits Recommendations Alerts; do
	contains "... to $s" "$page" ">$s</a>"
done
contains "a timeline" "$page" 'class="moj-timeline"'
contains "... with episodes" "$page" "Episode began"
contains "a link to schedule a review" "$page" "/children/$MINE/reviews/new"
contains "a link to record a visit" "$page" "/children/$MINE/visits/new"
case $page in
*"/audit?child="*) not_ok "an IRO has no audit link" ;;
*) ok "an IRO has no audit link" ;;
esac
http manager GET "/children/$MINE" >/dev/null
contains "a manager has 'Who viewed or changed this record'" "$(cat "$T/body")" "/audit?child=$MINE\">Who viewed or changed this record"
contains "... and Reallocate" "$(cat "$T/body")" "/children/$MINE/allocate\">Reallocate"
same "the view is audited with the child" \
	"$(q "SELECT count(*) > 0 FROM audit WHERE action = 'read' AND entity = 'child' AND child_id = $MINE AND actor = 'web:iro2'")" 1
case $(q "SELECT group_concat(detail) FROM audit WHERE entity = 'child' AND child_id = $MINE") in
*"$LA"*) not_ok "the audit detail holds no names or ids of the child" ;;
*) ok "the audit detail holds no names or ids of the child" ;;
esac

# Scheduling a review: bad input comes back, nothing written.
before=$(dump)
code=$(post iro2 "/children/$MINE/reviews" scheduled-day=31 scheduled-month=2 scheduled-year=2026 kind=adoption)
same "a date that is not real is refused (400)" "$code" 400
body=$(cat "$T/body")
contains "... with the error summary" "$body" "There is a problem"
contains "... naming the date" "$body" 'href="#scheduled">The date of the review must be a real date'
contains "... keeping what was typed" "$body" 'name="scheduled-day" type="text" inputmode="numeric" value="31"'
contains "... and the kind chosen" "$body" '<option value="adoption" selected>'
code=$(post iro2 "/children/$MINE/reviews" kind=looked_after)
same "no date is refused (400)" "$code" 400
contains "... saying to enter it" "$(cat "$T/body")" "Enter the date of the review"
same "... and nothing was written" "$(dump)" "$before"
n0=$(q "SELECT count(*) FROM review WHERE child_id = $MINE")
code=$(post iro2 "/children/$MINE/reviews" scheduled-day=20 scheduled-month=4 scheduled-year=2026 kind=looked_after "chair=$IRO2")
same "a good review is scheduled (303)" "$code" 303
contains "... back to the record" "$(grep -i '^location:' "$T/headers")" "/children/$MINE?done=scheduled"
same "... one review more" "$(q "SELECT count(*) FROM review WHERE child_id = $MINE")" $((n0 + 1))
same "... scheduled for the date" "$(q "SELECT status || ' ' || scheduled_date || ' ' || original_date FROM review WHERE child_id = $MINE ORDER BY id DESC LIMIT 1")" "scheduled 2026-04-20 2026-04-20"
http iro2 GET "/children/$MINE?done=scheduled" >/dev/null
contains "the record shows a success banner" "$(cat "$T/body")" "govuk-notification-banner--success"
contains "... and the review in the timeline" "$(cat "$T/body")" "Review scheduled"
same "the write is audited as web:iro2" \
	"$(q "SELECT count(*) > 0 FROM audit WHERE entity = 'review' AND actor = 'web:iro2' AND action = 'add'")" 1

# Recording a visit.
before=$(dump)
code=$(post iro2 "/children/$MINE/visits/new" date-day=1 date-month=3 date-year=2026)
same "a visit without a kind is refused (400)" "$code" 400
contains "... saying to choose the kind" "$(cat "$T/body")" 'href="#kind">Choose the kind of contact'
code=$(post iro2 "/children/$MINE/visits/new" date-day=1 date-month=13 date-year=2026 kind=visit)
same "a visit on a date that is not real is refused" "$code" 400
contains "... naming the date" "$(cat "$T/body")" 'href="#date">'
contains "... keeping the kind" "$(cat "$T/body")" '<option value="visit" selected>'
same "... and nothing was written" "$(dump)" "$before"
n0=$(q "SELECT count(*) FROM contact WHERE child_id = $MINE")
code=$(post iro2 "/children/$MINE/visits/new" date-day=2 date-month=3 date-year=2026 kind=visit seen_alone=yes)
same "a good visit is recorded (303)" "$code" 303
contains "... back to the record" "$(grep -i '^location:' "$T/headers")" "/children/$MINE?done=visit"
same "... one contact more, by iro2's IRO, seen alone" \
	"$(q "SELECT count(*) || ' ' || max(seen_alone) FROM contact WHERE child_id = $MINE AND iro_id = $IRO2_ID AND on_date = '2026-03-02'")" "1 1"
same "... one in all" "$(q "SELECT count(*) FROM contact WHERE child_id = $MINE")" $((n0 + 1))
http iro2 GET "/children/$MINE?done=visit" >/dev/null
contains "the timeline shows the visit" "$(cat "$T/body")" "IRO contact: Visit"
contains "... and the banner" "$(cat "$T/body")" "The visit has been recorded"
code=$(post manager "/children/$MINE/visits/new" date-day=3 date-month=3 date-year=2026 kind=phone)
same "a manager must say whose visit it was" "$code" 400
contains "... asked to choose the IRO" "$(cat "$T/body")" 'href="#iro">Choose the IRO'

done_testing
