/*
 * record_kinds.c - every kind of record iro keeps (spec §2), its fields and
 * code lists, and the rules each record obeys on its own. docs/records.md
 * is the same list written for users; keep the two together.
 */
#include "lib/common.h"
#include "core/date.h"
#include "core/postcode.h"
#include "core/record.h"
#include "core/review.h"
#include "core/record_table.h"


static const struct code REVIEW_KIND[] = {
	{ "looked_after", "looked-after review (reg 33)" },
	{ "pathway_plan", "pathway plan review of a care leaver" },
	{ "short_break", "short-break review (reg 48)" },
	{ "adoption", "adoption review (AAR 2005 reg 36)" },
};
CODES(CODES_REVIEW_KIND, REVIEW_KIND);

static const struct code REVIEW_STATUS[] = {
	{ "scheduled", "scheduled" },     { "rearranged", "rearranged" },
	{ "held", "held" },               { "stood_down", "stood down" },
	{ "cancelled", "cancelled" },     { "adjourned", "adjourned" },
};
CODES(CODES_REVIEW_STATUS, REVIEW_STATUS);

static const struct code VENUE[] = {
	{ "placement", "the child's placement" },
	{ "school", "school" },
	{ "office", "an office" },
	{ "other", "somewhere else" },
};
CODES(CODES_VENUE, VENUE);

static const struct code MODE[] = {
	{ "in_person", "in person" },
	{ "virtual", "virtual" },
	{ "hybrid", "hybrid" },
	{ "series", "a series of discussions" },
};
CODES(CODES_MODE, MODE);

static const struct code SW_ROLE[] = {
	{ "social_worker", "the social worker" },
	{ "team_manager", "a team manager" },
	{ "other", "someone else" },
};
CODES(CODES_SW_ROLE, SW_ROLE);

static const struct code PLAN_GRADE[] = {
	{ "outstanding", "outstanding" },
	{ "good", "good" },
	{ "requires_improvement", "requires improvement" },
	{ "poor", "poor" },
};
CODES(CODES_PLAN_GRADE, PLAN_GRADE);

static const struct code RAG[] = {
	{ "red", "red" }, { "amber", "amber" }, { "green", "green" },
};
CODES(CODES_RAG, RAG);

static const struct code PERMANENCE[] = {
	{ "return_to_family", "return to family" },
	{ "adoption", "adoption" },
	{ "sgo_cao", "special guardianship or child arrangements order" },
	{ "long_term_fostering", "long-term fostering" },
	{ "long_term_residential", "long-term residential care" },
	{ "supported_living", "supported living" },
	{ "other", "other" },
	{ "not_recorded", "not recorded" },
};
CODES(CODES_PERMANENCE, PERMANENCE);

static const struct code SOURCE[] = {
	{ "iro", "recorded in iro" },
	{ "ssda903", "imported from an SSDA903 return" },
};
CODES(CODES_SOURCE, SOURCE);

static const struct code REQUESTED_BY[] = {
	{ "child", "the child" },       { "carer", "the carer" },
	{ "parent", "a parent" },       { "social_worker", "the social worker" },
	{ "iro", "the IRO" },           { "court", "the court" },
	{ "other", "someone else" },
};
CODES(CODES_REQUESTED_BY, REQUESTED_BY);

static const struct code ALLOC_REASON[] = {
	{ "new", "the first IRO of a period of care" },
	{ "transfer", "a new IRO" },
	{ "cover", "cover while the allocated IRO is away" },
};
CODES(CODES_ALLOC_REASON, ALLOC_REASON);

static const struct code OWNER_ROLE[] = {
	{ "social_worker", "social worker" }, { "team_manager", "team manager" },
	{ "carer", "carer" },                 { "iro", "IRO" },
	{ "child", "the child" },             { "parent", "parent" },
	{ "health", "health" },               { "education", "education" },
	{ "other", "other" },
};
CODES(CODES_OWNER_ROLE, OWNER_ROLE);

static const struct code REC_STATUS[] = {
	{ "open", "open" },
	{ "achieved", "achieved" },
	{ "not_achieved", "not achieved" },
	{ "no_longer_relevant", "no longer relevant" },
};
CODES(CODES_REC_STATUS, REC_STATUS);

static const struct code GROUP[] = {
	{ "child", "the child" },          { "parent", "parent" },
	{ "carer", "carer" },              { "health", "health" },
	{ "education", "education" },      { "social_worker", "social worker" },
	{ "other", "other" },
};
CODES(CODES_GROUP, GROUP);

static const struct code OVERSIGHT[] = {
	{ "midpoint", "midpoint review" },
	{ "case_check", "case check" },
	{ "footprint", "footprint note" },
};
CODES(CODES_OVERSIGHT, OVERSIGHT);

static const struct code PROGRESS[] = {
	{ "on_track", "on track" },
	{ "drifting", "drifting" },
	{ "achieved", "achieved" },
	{ "no_longer_relevant", "no longer relevant" },
};
CODES(CODES_PROGRESS, PROGRESS);

static const struct code CONTACT[] = {
	{ "visit", "visit in person" },
	{ "virtual", "virtual" },
	{ "phone", "phone" },
	{ "declined", "declined by the child" },
};
CODES(CODES_CONTACT, CONTACT);

static const struct code REFERRED_BY[] = {
	{ "child", "the child" },   { "iro", "the IRO" },
	{ "social_worker", "the social worker" },
	{ "carer", "the carer" },   { "parent", "a parent" },
	{ "other", "someone else" },
};
CODES(CODES_REFERRED_BY, REFERRED_BY);

static const struct code RESPONDENT[] = {
	{ "child", "child or young person" },
	{ "parent", "parent" },
	{ "carer", "carer" },
	{ "professional", "professional" },
};
CODES(CODES_RESPONDENT, RESPONDENT);

static const struct code QA[] = {
	{ "audit", "audit" },
	{ "case_file_audit", "case file audit" },
	{ "observation", "observation" },
	{ "supervision", "supervision" },
};
CODES(CODES_QA, QA);

static const struct code CHILD_SEX[] = {
	{ "M", "male" }, { "F", "female" }, { "U", "unknown" },
};
CODES(CODES_CHILD_SEX, CHILD_SEX);

/* ---- Field tables ------------------------------------------------------ */

static const struct field SETTING_FIELDS[] = {
	F("key", "key", FT_TEXT, KEY, "the setting's name"),
	F("value", "value", FT_TEXT, REQ, "its value"),
};
KIND(KIND_SETTING, "setting", "setting", false,
     "a setting of the service (its name, local targets)", SETTING_FIELDS,
     NULL);

static const struct field CALENDAR_DAY_FIELDS[] = {
	F("day", "day", FT_DATE, KEY, "the day"),
	F("working", "working", FT_BOOL, REQ,
	  "false: a holiday; true: a working day"),
	F("name", "name", FT_TEXT, REQ, "why"),
};
const struct kind KIND_CALENDAR_DAY = {
	.name = "calendar_day", .table = "calendar_day",
	.help = "a day an administrator has made a holiday or a working day",
	.stamped = true, .fields = CALENDAR_DAY_FIELDS,
	.nfields = ARRAY_LEN(CALENDAR_DAY_FIELDS),
};

static void check_fte(const struct record *r, struct problems *p)
{
	const struct value *v = record_get(r, "fte");
	if (v->set && !(v->n > 0 && v->n <= 1.5))
		problem_add(p, false, NULL, 0, "fte", NULL,
			    "an FTE is over 0 and at most 1.5");
}

static const struct field IRO_FTE_FIELDS[] = {
	F("from", "from_date", FT_DATE, REQ, "the first day at this FTE"),
	F("fte", "fte", FT_NUMBER, REQ, "full-time equivalence"),
};
SUBKIND(KIND_IRO_FTE, "fte", "iro_fte", "fte", "iro_id", IRO_FTE_FIELDS,
	check_fte);

/* An end before its start: said the same way for every kind. */
void record_check_span(const struct record *r, const char *from,
		       const char *to, struct problems *p)
{
	const struct value *a = record_get(r, from), *b = record_get(r, to);
	if (a->set && b->set && b->i < a->i) {
		char d[(DATE_ISO_LEN + 1)], s[(DATE_ISO_LEN + 1)];
		date_format_iso((int32_t)b->i, d);
		date_format_iso((int32_t)a->i, s);
		problem_add(p, false, NULL, 0, to, d, "is before %s %s", from,
			    s);
	}
}

static void check_absence(const struct record *r, struct problems *p)
{
	record_check_span(r, "from", "to", p);
}

static const struct field IRO_ABSENCE_FIELDS[] = {
	F("from", "from_date", FT_DATE, REQ, "the first day away"),
	F("to", "to_date", FT_DATE, 0, "the last day away"),
	F("reason", "reason", FT_TEXT, 0, "sickness, leave, ..."),
};
SUBKIND(KIND_IRO_ABSENCE, "absence", "iro_absence", "absences", "iro_id",
	IRO_ABSENCE_FIELDS, check_absence);

static void check_iro(const struct record *r, struct problems *p)
{
	record_check_span(r, "start", "end", p);
}

static const struct field IRO_FIELDS[] = {
	F("name", "name", FT_TEXT, KEY, "the IRO's name (unique)"),
	F("team", "team", FT_TEXT, 0, "team"),
	F("start", "start_date", FT_DATE, REQ, "first day in post"),
	F("end", "end_date", FT_DATE, 0, "last day in post"),
};
static const struct kind *const IRO_LISTS[] = { &KIND_IRO_FTE,
						&KIND_IRO_ABSENCE };
KIND_WITH_LISTS(KIND_IRO, "iro", "iro", "an Independent Reviewing Officer",
		IRO_FIELDS, IRO_LISTS, check_iro);

static void check_child(const struct record *r, struct problems *p)
{
	const struct value *u = record_get(r, "uasc");
	if (record_get(r, "uasc_ceased")->set && !(u->set && u->i))
		problem_add(p, false, NULL, 0, "uasc_ceased", NULL,
			    "is only for a child recorded as UASC");
	const struct value *par = record_get(r, "parent"), *id = record_get(r, "child");
	if (par->set && id->set && strcmp(par->s, id->s) == 0)
		problem_add(p, false, NULL, 0, "parent", par->s,
			    "a child cannot be their own parent");
}

static const struct field CHILD_FIELDS[] = {
	F("child", "la_child_id", FT_TEXT, KEY, "the LA child id (SSDA903 CHILD)"),
	F("dob", "dob", FT_DATE, REQ, "date of birth"),
	C("sex", "sex", 0, CODES_CHILD_SEX, "sex"),
	C("ethnicity", "ethnicity", 0, CODES_ETHNIC, "SSDA903 ETHNIC"),
	F("upn", "upn", FT_TEXT, 0, "unique pupil number"),
	F("given_name", "given_name", FT_TEXT, 0, "given name"),
	F("family_name", "family_name", FT_TEXT, 0, "family name"),
	B("disability", "disability", "disabled"),
	B("mother", "mother", "SSDA903 MOTHER"),
	F("mc_dob", "mc_dob", FT_DATE, 0, "SSDA903 MC_DOB"),
	BF("uasc", "uasc", "unaccompanied asylum-seeking child"),
	F("uasc_ceased", "uasc_ceased", FT_DATE, 0, "date UASC status ceased"),
	F("team", "team", FT_TEXT, 0, "social work team / service area"),
	F("social_worker", "social_worker", FT_TEXT, 0, "allocated social worker"),
	F("sibling_group", "sibling_group", FT_TEXT, 0,
	  "children with the same value are siblings and share an IRO"),
	F("parent", "parent_id", FT_CHILD, 0,
	  "a looked-after parent (never the same IRO)"),
	BF("restricted", "restricted", "visible only to named users"),
};
KIND(KIND_CHILD, "child", "child", false, "a child", CHILD_FIELDS,
     check_child);

static void check_episode(const struct record *r, struct problems *p)
{
	record_check_span(r, "decom", "dec", p);
	bool dec = record_get(r, "dec")->set;
	if (dec != record_get(r, "rec")->set)
		problem_add(p, false, NULL, 0, dec ? "rec" : "dec", NULL,
			    "dec and rec are recorded together");
}

static const struct field EPISODE_FIELDS[] = {
	F("child", "child_id", FT_CHILD, KEY, "the child"),
	F("decom", "decom", FT_DATE, KEY, "start"),
	C("rne", "rne", REQ, CODES_RNE, "reason for new episode"),
	C("ls", "ls", REQ, CODES_LS, "legal status"),
	C("cin", "cin", REQ, CODES_CIN, "category of need"),
	C("place", "place", REQ, CODES_PLACE, "placement type"),
	C("place_provider", "place_provider", 0, CODES_PLACE_PROVIDER,
	  "placement provider"),
	F("dec", "dec", FT_DATE, 0, "end"),
	C("rec", "rec", 0, CODES_REC, "reason the episode ceased"),
	C("reason_place_change", "reason_place_change", 0,
	  CODES_REASON_PLACE_CHANGE, "reason for placement change"),
	F("home_post", "home_post", FT_TEXT, 0, "home postcode district"),
	F("pl_post", "pl_post", FT_TEXT, 0, "placement postcode district"),
	F("urn", "urn", FT_TEXT, 0, "Ofsted URN"),
};
KIND(KIND_EPISODE, "episode", "episode", false,
     "an SSDA903 episode of care", EPISODE_FIELDS, check_episode);

static void check_allocation(const struct record *r, struct problems *p)
{
	record_check_span(r, "start", "end", p);
}

static const struct field ALLOCATION_FIELDS[] = {
	F("child", "child_id", FT_CHILD, REQ, "the child"),
	F("iro", "iro_id", FT_IRO, REQ, "the IRO"),
	F("start", "start_date", FT_DATE, REQ, "first day"),
	F("end", "end_date", FT_DATE, 0, "last day"),
	C("reason", "reason", REQ, CODES_ALLOC_REASON, "why"),
	F("override", "override_reason", FT_TEXT, 0,
	  "a manager's reason for giving siblings different IROs"),
};
KIND(KIND_ALLOCATION, "allocation", "allocation", true,
     "a child's IRO from a date", ALLOCATION_FIELDS, check_allocation);

static const struct field REVIEW_STATUS_FIELDS[] = {
	C("status", "status", REQ, CODES_REVIEW_STATUS, "the status"),
	F("date", "effective_date", FT_DATE, 0,
	  "the day scheduled or rearranged to, held, or decided"),
	C("requested_by", "requested_by", 0, CODES_REQUESTED_BY,
	  "who asked for a rearrangement"),
	F("reason", "reason", FT_TEXT, 0, "why"),
	F("at", "recorded_at", FT_TIME, 0, "when it was recorded"),
	F("by", "actor", FT_TEXT, 0, "who recorded it"),
};
SUBKIND(KIND_REVIEW_STATUS, "status", "review_status", "history", "review_id",
	REVIEW_STATUS_FIELDS, NULL);


static const struct field REVIEW_FIELDS[] = {
	F("child", "child_id", FT_CHILD, REQ, "the child"),
	CD("kind", "kind", CODES_REVIEW_KIND, "looked_after", "kind of review"),
	C("status", "status", REQ, CODES_REVIEW_STATUS, "latest status"),
	F("original", "original_date", FT_DATE, 0, "the date first set"),
	F("scheduled", "scheduled_date", FT_DATE, 0, "the date now set"),
	F("held", "held_date", FT_DATE, 0, "the date held"),
	F("chair", "chair_iro_id", FT_IRO, 0, "the IRO who chaired"),
	C("participation", "pn_code", 0, CODES_REVIEW_CODE,
	  "participation code (SSDA903 REVIEW_CODE)"),
	C("venue", "venue", 0, CODES_VENUE, "venue"),
	C("mode", "mode", 0, CODES_MODE, "mode"),
	B("co_chaired", "co_chaired", "the child co-chaired"),
	B("parents_attended", "parents_attended", "parents attended"),
	B("sw_attended", "sw_attended",
	  "someone attended for the social worker"),
	C("sw_attended_role", "sw_attended_role", 0, CODES_SW_ROLE,
	  "who attended for the social worker"),
	F("sw_report_received", "sw_report_date", FT_DATE, 0,
	  "the social worker's report received"),
	B("plan_updated", "plan_updated",
	  "care plan updated and based on a current assessment"),
	F("assessment_date", "assessment_date", FT_DATE, 0,
	  "the current child-and-family assessment"),
	B("plan_copy", "plan_copy", "the child received a copy of the plan"),
	B("plan_satisfied", "plan_satisfied",
	  "the child is satisfied with the plan"),
	C("plan_grade", "plan_grade", 0, CODES_PLAN_GRADE,
	  "care plan quality"),
	C("rag", "rag", 0, CODES_RAG, "RAG rating"),
	C("permanence_plan", "permanence_plan", 0, CODES_PERMANENCE,
	  "permanence plan"),
	B("permanence_confirmed", "permanence_confirmed",
	  "permanence plan confirmed"),
	B("advocate_present", "advocate_present", "an advocate was present"),
	F("minutes_sent", "minutes_sent_date", FT_DATE, 0,
	  "minutes / letter to the child sent"),
	CD("source", "source", CODES_SOURCE, "iro", "where it came from"),
};
static const struct kind *const REVIEW_LISTS[] = { &KIND_REVIEW_STATUS };
KIND_WITH_LISTS(KIND_REVIEW, "review", "review", "a review of a child's care",
		REVIEW_FIELDS, REVIEW_LISTS, review_check);

static void check_recommendation(const struct record *r, struct problems *p)
{
	const struct value *st = record_get(r, "status"), *ach = record_get(r, "achieved");
	bool achieved = st->set && strcmp(st->s, "achieved") == 0;
	if (achieved && !ach->set)
		problem_add(p, false, NULL, 0, "achieved", NULL,
			    "the date it was achieved is needed with status "
			    "achieved");
	else if (!achieved && ach->set)
		problem_add(p, false, NULL, 0, "achieved", NULL,
			    "is only for status achieved");
}

static const struct field RECOMMENDATION_FIELDS[] = {
	R("review", "review_id", REQ, KIND_REVIEW, "the review that made it"),
	F("text", "text", FT_TEXT, REQ, "the recommendation"),
	C("owner_role", "owner_role", 0, CODES_OWNER_ROLE, "who is to do it"),
	F("owner_name", "owner_name", FT_TEXT, 0, "their name"),
	F("due", "due_date", FT_DATE, 0, "by when"),
	{ "status", "status", FT_CODE, 0, &CODES_REC_STATUS, NULL, "open",
	  "open, achieved, ..." },
	F("achieved", "achieved_date", FT_DATE, 0, "when achieved"),
	B("childs_own", "childs_own", "the child's own recommendation"),
};
KIND(KIND_RECOMMENDATION, "recommendation", "recommendation", true,
     "a recommendation made at a review", RECOMMENDATION_FIELDS,
     check_recommendation);

static void check_consultation(const struct record *r, struct problems *p)
{
	record_check_span(r, "sent", "received", p);
	if (record_get(r, "received")->set && !record_get(r, "sent")->set)
		problem_add(p, false, NULL, 0, "sent", NULL,
			    "a form received must have been sent");
}

static const struct field CONSULTATION_FIELDS[] = {
	R("review", "review_id", REQ, KIND_REVIEW, "the review"),
	C("group", "respondent_group", REQ, CODES_GROUP, "sent to"),
	F("sent", "sent_date", FT_DATE, 0, "sent"),
	F("received", "received_date", FT_DATE, 0, "returned"),
};
KIND(KIND_CONSULTATION, "consultation", "consultation", true,
     "a consultation form sent before a review", CONSULTATION_FIELDS,
     check_consultation);

static const struct field PROGRESS_FIELDS[] = {
	R("recommendation", "recommendation_id", REQ, KIND_RECOMMENDATION,
	  "the recommendation"),
	C("progress", "progress", REQ, CODES_PROGRESS, "its progress"),
	F("note", "note", FT_TEXT, 0, "note"),
};
SUBKIND(KIND_PROGRESS, "progress", "oversight_progress", "progress",
	"oversight_id", PROGRESS_FIELDS, NULL);

static const struct field OVERSIGHT_FIELDS[] = {
	F("child", "child_id", FT_CHILD, REQ, "the child"),
	F("iro", "iro_id", FT_IRO, REQ, "the IRO"),
	F("date", "on_date", FT_DATE, REQ, "the date"),
	C("kind", "kind", REQ, CODES_OVERSIGHT, "kind of check"),
	F("note", "note", FT_TEXT, 0, "note"),
};
static const struct kind *const OVERSIGHT_LISTS[] = { &KIND_PROGRESS };
KIND_WITH_LISTS(KIND_OVERSIGHT, "oversight", "oversight",
		"the IRO's check between reviews", OVERSIGHT_FIELDS,
		OVERSIGHT_LISTS, NULL);

static const struct field CONTACT_FIELDS[] = {
	F("child", "child_id", FT_CHILD, REQ, "the child"),
	F("iro", "iro_id", FT_IRO, REQ, "the IRO"),
	F("date", "on_date", FT_DATE, REQ, "the date"),
	C("kind", "kind", REQ, CODES_CONTACT, "visit, virtual, phone, declined"),
	B("seen_alone", "seen_alone", "the child was seen alone"),
};
KIND(KIND_CONTACT, "contact", "contact", true,
     "the IRO seeing or speaking to the child", CONTACT_FIELDS, NULL);

static const struct field ADVOCACY_FIELDS[] = {
	F("child", "child_id", FT_CHILD, REQ, "the child"),
	F("date", "on_date", FT_DATE, REQ, "the date"),
	F("provider", "provider", FT_TEXT, 0, "the advocacy provider"),
	F("issue", "issue", FT_TEXT, 0, "the issue"),
	C("referred_by", "referred_by", 0, CODES_REFERRED_BY, "who referred"),
};
KIND(KIND_ADVOCACY, "advocacy", "advocacy", true,
     "a referral to an advocate", ADVOCACY_FIELDS, NULL);

static const struct field ANSWER_FIELDS[] = {
	F("question", "question", FT_TEXT, REQ, "the question"),
	F("answer", "answer", FT_TEXT, REQ, "the answer"),
};
SUBKIND(KIND_ANSWER, "answer", "feedback_answer", "answers", "feedback_id",
	ANSWER_FIELDS, NULL);

static const struct field FEEDBACK_FIELDS[] = {
	C("respondent", "respondent", REQ, CODES_RESPONDENT, "who answered"),
	F("date", "on_date", FT_DATE, REQ, "the date"),
	F("child", "child_id", FT_CHILD, 0, "the child"),
	R("review", "review_id", 0, KIND_REVIEW, "the review"),
	F("survey", "survey", FT_TEXT, 0, "the questionnaire"),
	F("quote", "quote", FT_TEXT, 0, "a quote"),
};
static const struct kind *const FEEDBACK_LISTS[] = { &KIND_ANSWER };
KIND_WITH_LISTS(KIND_FEEDBACK, "feedback", "feedback",
		"a questionnaire returned", FEEDBACK_FIELDS, FEEDBACK_LISTS,
		NULL);

static const struct field QA_FIELDS[] = {
	F("iro", "iro_id", FT_IRO, REQ, "whose work"),
	F("date", "on_date", FT_DATE, REQ, "the date"),
	C("kind", "kind", REQ, CODES_QA, "audit, observation, supervision"),
	F("child", "child_id", FT_CHILD, 0, "the child"),
	F("note", "note", FT_TEXT, 0, "note"),
};
KIND(KIND_QA, "qa", "qa", true, "quality-assurance activity", QA_FIELDS,
     NULL);

/* A postcode, sector or district as postcode.h keys it. */
static void check_postcode(const struct record *r, struct problems *p)
{
	const struct value *pc = record_get(r, "postcode");
	const struct value *e = record_get(r, "easting");
	const struct value *n = record_get(r, "northing");
	char key[PC_KEY_LEN];
	if (pc->set && !pc_key(pc->s, key))
		problem_add(p, false, NULL, 0, "postcode", pc->s,
			    "is not a postcode (\"XA12 3BC\"), sector "
			    "(\"XA12 3\") or district (\"XA12\")");
	if (e->set != n->set)
		problem_add(p, false, NULL, 0, e->set ? "northing" : "easting",
			    NULL, "a grid reference has both easting and "
				  "northing, or neither");
	if ((e->set && (e->i < 0 || e->i > 800000)) ||
	    (n->set && (n->i < 0 || n->i > 1300000)))
		problem_add(p, false, NULL, 0, "easting", NULL,
			    "an OS grid reference is in metres: easting 0 to "
			    "800000, northing 0 to 1300000");
}

static const struct field POSTCODE_FIELDS[] = {
	F("postcode", "postcode", FT_TEXT, KEY,
	  "a postcode, sector (\"XA12 3\") or district (\"XA12\")"),
	F("la", "la", FT_TEXT, REQ, "its local authority's code (E06000060)"),
	F("easting", "easting", FT_INT, 0, "OS grid easting, metres"),
	F("northing", "northing", FT_INT, 0, "OS grid northing, metres"),
};
KIND(KIND_POSTCODE, "postcode", "postcode", false,
     "a postcode's local authority and grid reference (reference data)",
     POSTCODE_FIELDS, check_postcode);

const struct kind *const RECORD_KINDS[] = {
	&KIND_SETTING,        &KIND_CALENDAR_DAY, &KIND_THEME,
	&KIND_TEAM,           &KIND_LADDER,       &KIND_POSTCODE,
	&KIND_IRO,
	&KIND_CHILD,          &KIND_EPISODE,      &KIND_ALLOCATION,
	&KIND_REVIEW,         &KIND_RECOMMENDATION, &KIND_CONSULTATION,
	&KIND_OVERSIGHT,      &KIND_CONTACT,      &KIND_ADVOCACY,
	&KIND_FEEDBACK,       &KIND_QA,           &KIND_ALERT,
	NULL,
};
