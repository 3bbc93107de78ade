#!/bin/sh
# t_web_admin.sh - the administrator's pages: who may use them, users
# (added here can sign in; disabled cannot, and their session ends), the
# calendar, ladders, themes, teams and restricted records; every bad form
# says what is wrong and writes nothing.
. "$(dirname "$0")/lib.sh"
web_setup || { not_ok "the server started"; done_testing; exit 1; }

for u in iro1 manager analyst admin auditor; do signin $u || not_ok "$u signs in"; done
for p in /admin /admin/users /admin/users/new /admin/calendar /admin/ladders \
	/admin/themes /admin/teams /admin/restricted; do
	same "admin may see $p" "$(http admin GET $p)" 200
	for u in iro1 manager analyst auditor; do
		code=$(http $u GET $p)
		[ "$code" = 403 ] || not_ok "$u is refused $p (got $code)"
	done
done
ok "every other role is refused every admin page (403)"
same "a POST by a manager is refused (403)" "$(post manager /admin/themes name=Sneaky)" 403

# The users list.
http admin GET /admin/users >/dev/null
contains "the users list names the users" "$(cat "$T/body")" '>iro1</a>'
contains "... in a table with a caption" "$(cat "$T/body")" '<caption'

# Adding a user: bad input first, nothing written.
before=$(db_digest "$DB")
same "an empty new-user form is refused with 400" "$(post admin /admin/users/new)" 400
body=$(cat "$T/body")
contains "... naming the username" "$body" 'href="#username">Enter a username'
contains "... the name" "$body" 'href="#name">Enter the person'
contains "... and the role" "$body" 'href="#role">Choose the user'
same "a short password is refused" "$(post admin /admin/users/new username=newbie 'name=New Person' role=analyst password=short password2=short)" 400
contains "... saying how long it must be" "$(cat "$T/body")" 'href="#password">A password must be at least 12 characters long'
contains "... keeping the username typed" "$(cat "$T/body")" 'value="newbie"'
case $(cat "$T/body") in *'value="short"'*) not_ok "the password is not shown again" ;; *) ok "the password is not shown again" ;; esac
same "passwords that differ are refused" "$(post admin /admin/users/new username=newbie 'name=New Person' role=analyst 'password=a long password 1' 'password2=a long password 2')" 400
contains "... saying so" "$(cat "$T/body")" 'Type the same password twice'
same "an IRO user with no IRO is refused" "$(post admin /admin/users/new username=newbie 'name=New Person' role=iro "password=$PW" "password2=$PW")" 400
contains "... asking for the IRO" "$(cat "$T/body")" 'href="#iro">Choose the IRO'
same "a username taken is refused" "$(post admin /admin/users/new username=manager 'name=X' role=analyst "password=$PW" "password2=$PW")" 400
contains "... saying so" "$(cat "$T/body")" 'There is a user called manager already'
same "a username with spaces is refused" "$(post admin /admin/users/new 'username=new bie' 'name=X' role=analyst "password=$PW" "password2=$PW")" 400
same "nothing was written by the bad forms" "$(db_digest "$DB")" "$before"

same "a good new user is added (303)" "$(post admin /admin/users/new username=Newbie 'name=New Person' role=analyst "password=$PW" "password2=$PW")" 303
contains "... back to the users list" "$(grep -i '^location:' "$T/headers")" "/admin/users?done=user-added"
http admin GET '/admin/users?done=user-added' >/dev/null
contains "... with a success banner" "$(cat "$T/body")" 'govuk-notification-banner--success'
contains "... and the new user listed" "$(cat "$T/body")" '>newbie</a>'
same "the add is audited as the admin" "$(sqlite3 "$DB" "SELECT actor FROM audit WHERE entity = 'user' AND action = 'add' ORDER BY id DESC LIMIT 1")" "web:admin"
check "the new user can sign in" signin newbie
same "... and sees the reports" "$(http newbie GET /reports)" 200
IROID=$(sqlite3 "$DB" "SELECT id FROM iro WHERE name = '$IRO2'")
same "an IRO user is added with their IRO" "$(post admin /admin/users/new username=iro3 'name=Third' role=iro iro="$IROID" "password=$PW" "password2=$PW")" 303
check "... and can sign in" signin iro3
same "... seeing a worklist" "$(http iro3 GET /worklist)" 200

# Changing a user.
NID=$(sqlite3 "$DB" "SELECT id FROM app_user WHERE username = 'newbie'")
same "the user's page" "$(http admin GET /admin/users/$NID)" 200
contains "... names them" "$(cat "$T/body")" "New Person"
same "no such user is 404" "$(http admin GET /admin/users/99999)" 404
before=$(db_digest "$DB")
same "a role change to IRO without an IRO is refused" "$(post admin /admin/users/$NID action=role role=iro)" 400
same "a new password too short is refused" "$(post admin /admin/users/$NID action=password password=short password2=short)" 400
same "the admin cannot disable themselves" "$(post admin /admin/users/$(sqlite3 "$DB" "SELECT id FROM app_user WHERE username = 'admin'") action=disable)" 400
same "nothing was written" "$(db_digest "$DB")" "$before"
same "the role is changed to manager" "$(post admin /admin/users/$NID action=role role=manager)" 303
same "... and the user now sees the worklist" "$(http newbie GET /worklist)" 200
same "the user is disabled" "$(post admin /admin/users/$NID action=disable)" 303
same "... and their session has ended" "$(http newbie GET /worklist)" 303
signin newbie && not_ok "a disabled user cannot sign in" || ok "a disabled user cannot sign in"
same "the user is enabled again" "$(post admin /admin/users/$NID action=enable)" 303
check "... and can sign in" signin newbie
same "a new password is set" "$(post admin /admin/users/$NID action=password 'password=another long password' 'password2=another long password')" 303
same "... which ends their session" "$(http newbie GET /worklist)" 303
signin newbie && not_ok "the old password no longer works" || ok "the old password no longer works"
check "the new password works" signin newbie 'another long password'

# The calendar.
before=$(db_digest "$DB")
same "an empty day form is refused" "$(post admin /admin/calendar action=add)" 400
contains "... asking for the day" "$(cat "$T/body")" 'href="#day'
contains "... the kind" "$(cat "$T/body")" 'href="#working">Choose whether'
contains "... and the name" "$(cat "$T/body")" 'href="#name">Enter a name'
same "a day that is not a date is refused" "$(post admin /admin/calendar action=add day-day=31 day-month=2 day-year=2027 working=holiday name=X)" 400
contains "... keeping the name typed" "$(cat "$T/body")" 'value="X"'
same "nothing was written" "$(db_digest "$DB")" "$before"
same "a council holiday is added" "$(post admin /admin/calendar action=add day-day=29 day-month=12 day-year=2026 working=holiday 'name=Christmas closure')" 303
same "... it is in the calendar" "$(sqlite3 "$DB" "SELECT count(*) FROM calendar_day WHERE day = '2026-12-29'")" 1
"$IRO" calendar add-workdays 2026-12-24 1 --db "$DB" >"$T/wd" 2>&1
same "... and the CLI's working days skip it" "$(cat "$T/wd")" "2026-12-30"
http admin GET /admin/calendar >/dev/null
contains "... listed on the page" "$(cat "$T/body")" "Christmas closure"
same "it is removed" "$(post admin /admin/calendar action=remove day=2026-12-29)" 303
same "... and gone" "$(sqlite3 "$DB" "SELECT count(*) FROM calendar_day WHERE day = '2026-12-29'")" 0

# Ladders.
http admin GET /admin/ladders >/dev/null
contains "the ladders are listed" "$(cat "$T/body")" 'href="/admin/ladders/cheshire_east"'
same "a ladder's stages are shown" "$(http admin GET /admin/ladders/cheshire_east)" 200
contains "... in a table" "$(cat "$T/body")" "Working days to respond"
before=$(db_digest "$DB")
same "an unknown ladder is refused" "$(post admin /admin/ladders ladder=nonesuch)" 400
contains "... saying so" "$(cat "$T/body")" 'href="#ladder">Choose a ladder'
same "nothing was written" "$(db_digest "$DB")" "$before"
same "a ladder is made active" "$(post admin /admin/ladders ladder=manchester)" 303
same "... the setting is made" "$(sqlite3 "$DB" "SELECT value FROM setting WHERE key = 'ladder'")" "manchester"
contains "... as the CLI sees it" "$("$IRO" ladder list --format csv --db "$DB" | grep manchester)" ",yes"

# Themes and teams.
before=$(db_digest "$DB")
same "an empty theme is refused" "$(post admin /admin/themes name=)" 400
contains "... asking for the name" "$(cat "$T/body")" "href=\"#name\">Enter the theme"
existing=$(sqlite3 "$DB" "SELECT name FROM theme LIMIT 1")
same "a theme already listed is refused" "$(post admin /admin/themes "name=$existing")" 400
same "nothing was written" "$(db_digest "$DB")" "$before"
same "a theme is added" "$(post admin /admin/themes 'name=Sibling contact')" 303
same "... and stored" "$(sqlite3 "$DB" "SELECT count(*) FROM theme WHERE name = 'Sibling contact'")" 1
http admin GET /admin/themes >/dev/null
contains "... and listed" "$(cat "$T/body")" "Sibling contact"
same "a team is added" "$(post admin /admin/teams 'name=North Locality Team')" 303
same "... and stored" "$(sqlite3 "$DB" "SELECT count(*) FROM team WHERE name = 'North Locality Team'")" 1

# Restricted records.
CHILD=$(sqlite3 "$DB" "SELECT la_child_id FROM child ORDER BY id LIMIT 1")
before=$(db_digest "$DB")
same "an empty restriction form is refused" "$(post admin /admin/restricted)" 400
contains "... asking for the child" "$(cat "$T/body")" 'href="#child">Enter the child'
same "an unknown child is refused" "$(post admin /admin/restricted child=NOPE username=iro1 grant=grant)" 400
contains "... saying so" "$(cat "$T/body")" "There is no child with LA id NOPE"
same "an unknown user is refused" "$(post admin /admin/restricted child="$CHILD" username=nobody grant=grant)" 400
same "nothing was written" "$(db_digest "$DB")" "$before"
same "a user is named on a child's record" "$(post admin /admin/restricted child="$CHILD" username=iro2 grant=grant)" 303
after=$(db_digest "$DB")
[ "$after" != "$before" ] && ok "... which is written" || not_ok "... which is written"
same "... and unnamed" "$(post admin /admin/restricted child="$CHILD" username=iro2 grant=revoke)" 303

done_testing
