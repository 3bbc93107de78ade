/*
 * codes.c - SSDA903 code lists. Valid values come from the DfE validator's
 * rule files (csc-validator-be-903, rulesets lac2022_23 to lac2026_27);
 * meanings from the Standard Safeguarding Dataset guidance, which
 * reproduces the DfE SSDA903 guide (domain-rules §3.3).
 */
#include "lib/common.h"
#include "core/codes.h"

#define LIST(name, field, rule, table)                                      \
	const struct code_list name = { field, rule, table, ARRAY_LEN(table) }

static const struct code SEX[] = {
	{ "1", "Male (to 2023/24)" },
	{ "2", "Female (to 2023/24)" },
	{ "M", "Male" },
	{ "F", "Female" },
	{ "U", "Unknown" },
};
LIST(CODES_SEX, "SEX", "101", SEX);

static const struct code ETHNIC[] = {
	{ "WBRI", "White British" },
	{ "WIRI", "White Irish" },
	{ "WOTH", "Any other White background" },
	{ "WIRT", "Traveller of Irish Heritage" },
	{ "WROM", "Gypsy/Roma" },
	{ "MWBC", "White and Black Caribbean" },
	{ "MWBA", "White and Black African" },
	{ "MWAS", "White and Asian" },
	{ "MOTH", "Any other Mixed background" },
	{ "AIND", "Indian" },
	{ "APKN", "Pakistani" },
	{ "ABAN", "Bangladeshi" },
	{ "AOTH", "Any other Asian background" },
	{ "BCRB", "Caribbean" },
	{ "BAFR", "African" },
	{ "BOTH", "Any other Black background" },
	{ "CHNE", "Chinese" },
	{ "OOTH", "Any other ethnic group" },
	{ "REFU", "Refused" },
	{ "NOBT", "Information not yet obtained" },
};
LIST(CODES_ETHNIC, "ETHNIC", "103", ETHNIC);

static const struct code LS[] = {
	{ "C1", "Interim care order" },
	{ "C2", "Full care order" },
	{ "D1", "Freeing order granted" },
	{ "E1", "Placement order granted" },
	{ "V2", "Single period of accommodation under section 20" },
	{ "V3", "Accommodated under an agreed series of short-term breaks, "
		"when individual episodes of care are recorded" },
	{ "V4", "Accommodated under an agreed series of short-term breaks, "
		"when agreements are recorded" },
	{ "J1", "Remanded to local authority accommodation or to youth "
		"detention accommodation" },
	{ "J2", "Placed in local authority accommodation under PACE 1984" },
	{ "J3", "Sentenced to Youth Rehabilitation Order with residence or "
		"intensive fostering requirement" },
	{ "L1", "Under police protection and in local authority "
		"accommodation" },
	{ "L2", "Emergency protection order" },
	{ "L3", "Under child assessment order and in local authority "
		"accommodation" },
};
LIST(CODES_LS, "LS", "144", LS);

static const struct code RNE[] = {
	{ "S", "Started to be looked after" },
	{ "L", "Change of legal status only" },
	{ "P", "Change of placement and carer(s) only" },
	{ "T", "Change of placement (but same carer(s)) only" },
	{ "U", "Change of legal status and change of placement (but same "
	       "carer(s))" },
	{ "B", "Change of legal status and placement and carer(s)" },
};
LIST(CODES_RNE, "RNE", "143", RNE);

static const struct code CIN[] = {
	{ "N1", "Abuse or neglect" },
	{ "N2", "Child's disability" },
	{ "N3", "Parental illness or disability" },
	{ "N4", "Family in acute stress" },
	{ "N5", "Family dysfunction" },
	{ "N6", "Socially unacceptable behaviour" },
	{ "N7", "Low income" },
	{ "N8", "Absent parenting" },
};
LIST(CODES_CIN, "CIN", "145", CIN);

static const struct code PLACE[] = {
	{ "A3", "Placed for adoption with parental/guardian consent with "
		"current foster carer(s)" },
	{ "A4", "Placed for adoption with parental/guardian consent not with "
		"current foster carer(s)" },
	{ "A5", "Placed for adoption with placement order with current foster "
		"carer(s)" },
	{ "A6", "Placed for adoption with placement order not with current "
		"foster carer(s)" },
	{ "H5", "Semi-independent living accommodation not subject to "
		"children's homes regulations (to 2024/25)" },
	{ "K1", "Secure children's homes" },
	{ "K2", "Children's homes subject to Children's Homes Regulations" },
	{ "K3", "Supported accommodation not subject to children's homes "
		"regulations" },
	{ "P1", "Placed with own parent(s) or other person(s) with parental "
		"responsibility" },
	{ "P2", "Independent living, e.g. flat, lodgings, bedsit, B&B or "
		"with friends (to 27 October 2023)" },
	{ "P3", "Residential employment" },
	{ "R1", "Residential care home" },
	{ "R2", "NHS/health trust or other establishment providing medical "
		"or nursing care" },
	{ "R3", "Family centre or mother and baby unit" },
	{ "R5", "Young offender institution" },
	{ "S1", "Residential school, except where dual-registered as a "
		"school and children's home" },
	{ "T0", "All types of temporary move" },
	{ "T1", "Temporary periods in hospital" },
	{ "T2", "Temporary absences of the child on holiday" },
	{ "T3", "Temporary accommodation whilst normal foster carer(s) is/are "
		"on holiday" },
	{ "T4", "Temporary accommodation of seven days or less, not covered "
		"by T1 to T3" },
	{ "U1", "Foster placement with relative(s) or friend(s) - long term "
		"fostering" },
	{ "U2", "Foster placement with relative(s) or friend(s) who is/are "
		"also approved adopter(s) - FFA/concurrent planning" },
	{ "U3", "Foster placement with relative(s) or friend(s) - not long "
		"term or FFA/concurrent planning" },
	{ "U4", "Foster placement with other foster carer(s) - long term "
		"fostering" },
	{ "U5", "Foster placement with other foster carer(s) who is/are also "
		"approved adopter(s) - FFA/concurrent planning" },
	{ "U6", "Foster placement with other foster carer(s) - not long term "
		"or FFA/concurrent planning" },
	{ "Z1", "Other placements (to 2024/25)" },
	{ "Z11", "Other placement (from 2025/26)" },
	{ "Z12", "Other placement (from 2025/26)" },
	{ "Z13", "Other placement (from 2025/26)" },
	{ "Z14", "Other placement (from 2025/26)" },
};
LIST(CODES_PLACE, "PLACE", "146", PLACE);

static const struct code PLACE_PROVIDER[] = {
	{ "PR0", "Parent(s) or other person(s) with parental responsibility" },
	{ "PR1", "Own provision (by the local authority)" },
	{ "PR2", "Other local authority provision" },
	{ "PR3", "Other public provision" },
	{ "PR4", "Private provision" },
	{ "PR5", "Voluntary/third sector provision" },
};
LIST(CODES_PLACE_PROVIDER, "PLACE_PROVIDER", "178", PLACE_PROVIDER);

static const struct code REC[] = {
	{ "X1", "Episode ceases, and new episode begins on same day" },
	{ "E11", "Adopted - application for an adoption order unopposed" },
	{ "E12", "Adopted - consent dispensed with by the court" },
	{ "E2", "Died" },
	{ "E3", "Care taken over by another local authority in the UK" },
	{ "E4A", "Returned home to live with parent(s), relative(s), or other "
		 "person(s) with parental responsibility as part of the care "
		 "planning process" },
	{ "E4B", "Returned home to live with parent(s), relative(s), or other "
		 "person(s) with parental responsibility, not as part of the "
		 "care planning process" },
	{ "E13", "Left care to live with parent(s), relative(s), or other "
		 "person(s) with no parental responsibility" },
	{ "E41", "Residence order or child arrangement order granted" },
	{ "E45", "Special guardianship order made to former foster carer(s) "
		 "who was/are relative(s) or friend(s)" },
	{ "E46", "Special guardianship order made to former foster carer(s), "
		 "other than relative(s) or friend(s)" },
	{ "E47", "Special guardianship order made to carer(s), other than "
		 "former foster carer(s), who was/are relative(s) or "
		 "friend(s)" },
	{ "E48", "Special guardianship order made to carer(s), other than "
		 "former foster carer(s), other than relative(s) or "
		 "friend(s)" },
	{ "E5", "Moved into independent living arrangement with formalised "
		"advice/support" },
	{ "E6", "Moved into independent living arrangement with no "
		"formalised advice/support" },
	{ "E7", "Transferred to residential care funded by adult social care "
		"services" },
	{ "E8", "Period of being looked after ceased for any other reason" },
	{ "E9", "Sentenced to custody" },
	{ "E14", "Accommodation on remand ended" },
	{ "E15", "Age assessment determined child is aged 18 or over" },
	{ "E16", "Child moved abroad" },
	{ "E17", "Aged 18 (or over) and remained with current carers" },
};
LIST(CODES_REC, "REC", "149", REC);

static const struct code REASON_PLACE_CHANGE[] = {
	{ "CARPL", "Change to/implementing care plan" },
	{ "CLOSE", "Resignation/closure of provision" },
	{ "ALLEG", "Allegation (s47)" },
	{ "STAND", "Standards of care concern" },
	{ "APPRR", "Approval removed" },
	{ "CREQB", "Carer(s) request placement end due to child's behaviour" },
	{ "CREQO", "Carer(s) request placement end for other reasons" },
	{ "CHILD", "Child requests placement end" },
	{ "LAREQ", "Responsible/area authority requests placement end" },
	{ "PLACE", "Change in the status of placement only" },
	{ "CUSTOD", "Custody arrangement" },
	{ "OTHER", "Other reasons" },
};
LIST(CODES_REASON_PLACE_CHANGE, "REASON_PLACE_CHANGE", "1009",
     REASON_PLACE_CHANGE);

static const struct code REVIEW_CODE[] = {
	{ "PN0", "Child aged under 4 at the time of the review" },
	{ "PN1", "Child physically attends and speaks for him or herself" },
	{ "PN2", "Child physically attends and an advocate speaks on his or "
		 "her behalf" },
	{ "PN3", "Child attends and conveys his or her view symbolically" },
	{ "PN4", "Child physically attends but does not contribute" },
	{ "PN5", "Child does not attend physically but briefs an advocate to "
		 "speak for him or her" },
	{ "PN6", "Child does not attend but conveys his or her feelings by a "
		 "facilitative medium" },
	{ "PN7", "Child does not attend nor are his or her views conveyed" },
};
LIST(CODES_REVIEW_CODE, "REVIEW_CODE", "167", REVIEW_CODE);

static const struct code MOTHER[] = {
	{ "0", "Not a mother" },
	{ "1", "Mother" },
};
LIST(CODES_MOTHER, "MOTHER", NULL, MOTHER);

const struct code *code_find(const struct code_list *list, const char *code)
{
	for (size_t i = 0; i < list->count; i++)
		if (strcmp(list->codes[i].code, code) == 0)
			return &list->codes[i];
	return NULL;
}

void code_list_text(const struct code_list *list, char *out, size_t size)
{
	size_t used = 0;
	out[0] = '\0';
	for (size_t i = 0; i < list->count && used < size; i++) {
		const char *sep = i == 0 ? "" : i + 1 == list->count ? " or " : ", ";
		int n = snprintf(out + used, size - used, "%s%s", sep,
				 list->codes[i].code);
		if (n < 0)
			break;
		used += (size_t)n;
	}
}

char code_sex_normalise(const char *code)
{
	if (strcmp(code, "1") == 0 || strcmp(code, "M") == 0)
		return 'M';
	if (strcmp(code, "2") == 0 || strcmp(code, "F") == 0)
		return 'F';
	if (strcmp(code, "U") == 0)
		return 'U';
	return 0;
}
