/*
 * rules.c - rules between records (rules.h). Each function applies one
 * rule and says, in the problem it adds, which field broke it and why.
 */
#include "lib/common.h"
#include "core/date.h"
#include "core/rules.h"

#define ISO(name, d)                                                        \
	char name[DATE_ISO_LEN + 1];                                        \
	date_format_iso((d), name)

/* Open ends are after every date. */
static int32_t end_or_max(int32_t end)
{
	return end == DATE_NONE ? INT32_MAX : end;
}

static bool overlap(int32_t a0, int32_t a1, int32_t b0, int32_t b1)
{
	return a0 <= end_or_max(b1) && b0 <= end_or_max(a1);
}

void rule_iro_in_post(const struct iro_post *iro, int32_t from, int32_t to,
		      const char *field, struct problems *p)
{
	if (from < iro->start) {
		ISO(s, iro->start);
		problem_add(p, false, NULL, 0, field, iro->name,
			    "is not in post until %s", s);
	} else if (iro->end != DATE_NONE && end_or_max(to) > iro->end) {
		ISO(e, iro->end);
		problem_add(p, false, NULL, 0, field, iro->name,
			    "left post on %s", e);
	}
}

void rule_review_held(const char *kind, int32_t held, const char *pn,
		      const struct review_facts *f, struct problems *p)
{
	ISO(h, held);
	if (held > f->today) {
		problem_add(p, false, NULL, 0, "held", h,
			    "is in the future: a review is recorded as held "
			    "once it has been");
		return;
	}
	if (strcmp(kind, "pathway_plan") != 0 &&
	    period_containing(f->periods, f->nperiods, held) < 0)
		problem_add(p, false, NULL, 0, "held", h,
			    "the child is not in a period of care on that "
			    "day");
	if (!pn || !*pn || f->dob == DATE_NONE)
		return;
	const char *rule = rule_pn_age(f->dob, held, pn);
	int age = date_age_years(f->dob, held);
	if (rule && strcmp(rule, "440") == 0)
		problem_add(p, false, NULL, 0, "participation", pn,
			    "PN0 is only for a child under 4; the child is %d "
			    "on %s (DfE rule 440)",
			    age, h);
	else if (rule)
		problem_add(p, false, NULL, 0, "participation", pn,
			    "a child under 4 on the review date is coded PN0; "
			    "the child is %d on %s (DfE rule 441)",
			    age, h);
}

const char *rule_pn_age(int32_t dob, int32_t held, const char *pn)
{
	if (dob == DATE_NONE || held == DATE_NONE || !pn)
		return NULL;
	int32_t fourth = date_add_months(dob, 48);
	if (strcmp(pn, "PN0") == 0)
		return held > fourth ? "440" : NULL;
	if (strlen(pn) == 3 && strncmp(pn, "PN", 2) == 0 && pn[2] >= '1' &&
	    pn[2] <= '7')
		return held < fourth ? "441" : NULL;
	return NULL;
}

int32_t rule_allocation_end(int32_t start, int32_t end,
			    const struct period *periods, size_t nperiods)
{
	int i = period_containing(periods, nperiods, start);
	if (i < 0 || periods[i].end == DATE_NONE)
		return end;
	if (end == DATE_NONE || end > periods[i].end)
		return periods[i].end;
	return end;
}

/* "RULE: WHO C1 has A. Smith as IRO from D [to E]" */
static void clash(struct problems *p, const char *field, const char *value,
		  const char *rule, const char *who,
		  const struct alloc_fact *o)
{
	ISO(s, o->start);
	char to[DATE_ISO_LEN + 5] = "";
	if (o->end != DATE_NONE) {
		ISO(e, o->end);
		snprintf(to, sizeof to, " to %s", e);
	}
	problem_add(p, false, NULL, 0, field, value,
		    "%s: %s %s has %s as IRO from %s%s", rule, who, o->child,
		    o->iro, s, to);
}

static void rule_in_care(const struct alloc_fact *a,
			 const struct allocation_facts *f, struct problems *p)
{
	ISO(s, a->start);
	int i = period_containing(f->periods, f->nperiods, a->start);
	if (i < 0 || (f->periods[i].end != DATE_NONE &&
		      a->start >= f->periods[i].end)) {
		problem_add(p, false, NULL, 0, "start", s,
			    "%s is not looked after on that day", a->child);
		return;
	}
	if (f->periods[i].end != DATE_NONE && a->end != DATE_NONE &&
	    a->end > f->periods[i].end) {
		ISO(e, a->end);
		ISO(pe, f->periods[i].end);
		problem_add(p, false, NULL, 0, "end", e,
			    "the period of care ended on %s", pe);
	}
}

/* One IRO at a time; cover within an allocation, by someone else. */
static void rule_one_iro(const struct alloc_fact *a,
			 const struct allocation_facts *f, struct problems *p)
{
	bool covered = false;
	for (size_t i = 0; i < f->nown; i++) {
		const struct alloc_fact *o = &f->own[i];
		if (o->cover)
			continue;
		if (!a->cover && overlap(a->start, a->end, o->start, o->end))
			clash(p, "start", a->iro,
			      "a child has one IRO at a time (a transfer "
			      "ends the last allocation)",
			      "child", o);
		if (a->cover && o->start <= a->start &&
		    end_or_max(a->end) <= end_or_max(o->end)) {
			covered = true;
			if (o->iro_id == a->iro_id)
				problem_add(p, false, NULL, 0, "iro", a->iro,
					    "is already the child's IRO: cover "
					    "is by another IRO");
		}
	}
	if (a->cover && !covered)
		problem_add(p, false, NULL, 0, "reason", "cover",
			    "cover lies within the days the child has an "
			    "allocated IRO");
}

/* Siblings share an IRO unless a manager overrides with a reason. */
static void rule_siblings(const struct alloc_fact *a,
			  const struct allocation_facts *f,
			  struct problems *p)
{
	if (a->cover || f->override)
		return;
	for (size_t i = 0; i < f->nsiblings; i++) {
		const struct alloc_fact *o = &f->siblings[i];
		if (!o->cover && !o->override && o->iro_id != a->iro_id &&
		    overlap(a->start, a->end, o->start, o->end)) {
			clash(p, "iro", a->iro,
			      "siblings share an IRO unless a manager gives a "
			      "reason (override)",
			      "sibling", o);
			return;
		}
	}
}

/* A looked-after parent and their child never share an IRO. */
static void rule_parent(const struct alloc_fact *a,
			const struct allocation_facts *f, struct problems *p)
{
	for (size_t i = 0; i < f->nfamily; i++) {
		const struct alloc_fact *o = &f->family[i];
		if (o->iro_id == a->iro_id &&
		    overlap(a->start, a->end, o->start, o->end)) {
			clash(p, "iro", a->iro,
			      "a looked-after parent and their child never "
			      "share an IRO",
			      "family member", o);
			return;
		}
	}
}

void rule_allocation(const struct alloc_fact *a,
		     const struct allocation_facts *f, struct problems *p)
{
	rule_in_care(a, f, p);
	rule_one_iro(a, f, p);
	rule_siblings(a, f, p);
	rule_parent(a, f, p);
}
