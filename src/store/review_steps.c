/*
 * review_steps.c - a review's status steps (store.h, store_review_step):
 * the one place that appends to a review's history and moves its status,
 * so that `iro review ...` and the web's review forms cannot disagree.
 */
#include "lib/common.h"
#include "lib/err.h"
#include "core/date.h"
#include "core/record.h"
#include "core/review.h"
#include "store/store.h"

/* Sets field `name` of r from text; a bad value is a problem on it. */
static void set_text(struct record *r, const char *name, const char *text,
		     struct problems *p)
{
	int f = kind_field(r->kind, name);
	char why[1200];
	if (f < 0)
		return;
	if (!text || !*text)
		record_unset(r, (size_t)f);
	else if (record_parse_value(r, (size_t)f, text, why, sizeof why))
		problem_add(p, false, NULL, 0, name, text, "%s", why);
}

int store_review_step(struct store *st, int64_t id,
		      const struct review_step *s, review_fields_fn fields,
		      void *ctx, enum put_outcome *o, struct problems *p,
		      struct err *err)
{
	*o = PUT_REFUSED;
	struct record r;
	int rc = store_record_get(st, &KIND_REVIEW, id, &r, err);
	if (rc <= 0) {
		if (rc == 0)
			problem_add(p, false, NULL, 0, "review", NULL,
				    "there is no review %" PRId64, id);
		return rc < 0 ? -1 : 0;
	}
	const struct value *now = record_get(&r, "status");
	if (now && now->set && review_status_final(now->s)) {
		/* held, stood down and cancelled close a review's history */
		problem_add(p, false, NULL, 0, "status", now->s,
			    "review %" PRId64 " is %s already: nothing "
			    "follows that",
			    id, now->s);
		record_clear(&r);
		return 0;
	}
	struct record *e = record_list_add(&r, 0);
	if (!e) {
		record_clear(&r);
		return err_set(err, "out of memory");
	}
	char iso[11] = "";
	if (s->date != DATE_NONE)
		date_format_iso(s->date, iso);
	set_text(e, "status", s->status, p);
	set_text(e, "date", iso, p);
	set_text(e, "requested_by", s->requested_by, p);
	set_text(e, "reason", s->reason, p);
	set_text(&r, "status", s->status, p);
	if (strcmp(s->status, "rearranged") == 0)
		set_text(&r, "scheduled", iso, p);
	if (strcmp(s->status, "held") == 0)
		set_text(&r, "held", iso, p);
	rc = fields ? fields(ctx, &r, p) : 0;
	if (rc == 0 && p->errors == 0)
		rc = store_record_put(st, &r, o, p, err);
	record_clear(&r);
	return rc;
}
