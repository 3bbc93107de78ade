/*
 * rules.h - the rules a record obeys against other records: the DfE's
 * review rules and the allocation rules councils publish. Each rule is one
 * function, named and quoted here; the store gathers the facts and calls
 * them before every write, so every way in (command, load, web) obeys the
 * same rules.
 *
 * Problems name the field and value (struct problem's column and value;
 * file and line are the caller's). Pure: no I/O.
 */
#ifndef IRO_RULES_H
#define IRO_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/period.h"
#include "core/problem.h"

/* An IRO's time in post; end is DATE_NONE while in post. */
struct iro_post {
	const char *name;
	int32_t start, end;
};

/*
 * An IRO does the work only while in post: the IRO must be in post on
 * every day from `from` to `to` (DATE_NONE: open-ended). `field` names the
 * field that chose the IRO.
 */
void rule_iro_in_post(const struct iro_post *iro, int32_t from, int32_t to,
		      const char *field, struct problems *p);

/*
 * A review is of a child in care. DfE rules 440/441 (domain-rules §3.2,
 * §4.3): "PN0" is only for a child under 4 on the date of the review, and
 * PN1-PN7 only for a child of 4 or more. A looked-after, short-break or
 * adoption review is held inside a period of care (spec §3: the period
 * whose start and end, both inclusive, contain the date); a review is not
 * held in the future.
 */
/*
 * DfE rules 440 and 441 (domain-rules §3.2): PN0 is for a child under 4
 * on the review date, PN1-PN7 for one of 4 or more. The fourth birthday
 * is DOB + DateOffset(years=4) (29 February gives 28 February in a common
 * year), and the validator's tests are strict - PN0 after it (440), PN1-
 * PN7 before it (441) - so a review on the birthday passes with either.
 * Returns "440", "441" or NULL (also for any other code).
 */
const char *rule_pn_age(int32_t dob, int32_t held, const char *pn);

struct review_facts {
	int32_t dob;
	const struct period *periods;
	size_t nperiods;
	int32_t today;
};
void rule_review_held(const char *kind, int32_t held, const char *pn,
		      const struct review_facts *f, struct problems *p);

/* One allocation as the allocation rules see it. `end` is the last day the
 * allocation is in force: its own end, or the end of the period of care
 * it lies in if that is sooner (a child leaving care leaves the caseload),
 * DATE_NONE while open. */
struct alloc_fact {
	const char *child; /* LA child id, for messages */
	const char *iro;   /* IRO name */
	int64_t iro_id;
	int32_t start, end;
	bool cover;
	bool override; /* carries a manager's reason for siblings differing */
};

struct allocation_facts {
	const struct period *periods; /* the child's */
	size_t nperiods;
	const struct alloc_fact *own; /* the child's other allocations */
	size_t nown;
	const struct alloc_fact *siblings; /* allocations of the child's
					    * siblings (same sibling group) */
	size_t nsiblings;
	const struct alloc_fact *family; /* allocations of the child's
					  * looked-after parent, and of the
					  * child's own children */
	size_t nfamily;
	bool override; /* a manager's reason is given */
};

/*
 * The allocation rules (landscape.md §2, ask 7, from Lancashire's and
 * Hertfordshire's published procedures):
 *  - an allocation lies in a period of care, and a child has one IRO at a
 *    time: non-cover allocations of a child do not overlap;
 *  - a cover allocation lies within one of the child's non-cover
 *    allocations, to another IRO;
 *  - "siblings share an IRO": a sibling's non-cover allocation to another
 *    IRO on any of the same days is refused unless a manager overrides it
 *    with a reason (on either allocation: the decision covers the pair);
 *  - "a looked-after parent and their child must have different IROs":
 *    refused whenever the two share an IRO on any day, cover included; no
 *    override.
 * (The 5-working-day deadline for allocating is a worklist item, not a
 * refusal: a late allocation is still needed.)
 */
void rule_allocation(const struct alloc_fact *a,
		     const struct allocation_facts *f, struct problems *p);

/* The end of allocation `a` as the rules see it: its end, or the end of
 * the period of care it starts in if that is sooner. */
int32_t rule_allocation_end(int32_t start, int32_t end,
			    const struct period *periods, size_t nperiods);

#endif
