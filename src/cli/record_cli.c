/*
 * record_cli.c - what the record commands share (record_cli.h).
 */
#include "lib/common.h"
#include "lib/err.h"
#include "cli/cli.h"
#include "cli/record_cli.h"

static bool reserved_field(const char *name, const char *const *reserved)
{
	for (size_t i = 0; reserved && reserved[i]; i++)
		if (strcmp(reserved[i], name) == 0)
			return true;
	return false;
}

int rc_set(const struct command *cmd, struct record *r, const char *field,
	   const char *text)
{
	int f = kind_field(r->kind, field);
	char opt[48], why[1200];
	snprintf(opt, sizeof opt, "--%s", field);
	if (f < 0)
		return args_bad(cmd, opt, text,
				"not a field of this record (docs/records.md)");
	if (!text || !*text) {
		record_unset(r, (size_t)f);
		return 0;
	}
	if (record_parse_value(r, (size_t)f, text, why, sizeof why))
		return args_bad(cmd, opt, text, why);
	return 0;
}

int rc_apply(const struct command *cmd, struct record *r,
	     const char *const *reserved)
{
	const struct field_args *fa = args_fields();
	for (size_t i = 0; i < fa->n; i++) {
		const struct field_arg *a = &fa->v[i];
		if (reserved_field(a->name, reserved)) {
			char opt[48];
			snprintf(opt, sizeof opt, "--%s", a->name);
			return args_bad(cmd, opt, a->value,
					"this command sets it itself");
		}
		if (rc_set(cmd, r, a->name, a->value))
			return 2;
	}
	return 0;
}

/* The key fields of a record (docs/records.md) from REF, separated by
 * commas: "C01,2024-03-01" for an episode. 1 when they make a key (refs
 * resolved), 0 when a ref is not there, -1 on a database failure, -2 when
 * REF is no key (said). */
static int key_of(const struct command *cmd, struct store *st,
		  const char *ref, struct record *key, struct err *e)
{
	const struct kind *k = key->kind;
	const char *at = ref;
	size_t nkeys = 0, all = 0;
	for (size_t f = 0; f < k->nfields; f++)
		all += (k->fields[f].flags & FF_KEY) != 0;
	for (size_t f = 0; f < k->nfields; f++) {
		if (!(k->fields[f].flags & FF_KEY))
			continue;
		nkeys++;
		/* one key field (an IRO's name) is REF whole */
		size_t len = !at ? 0 : all == 1 ? strlen(at) : strcspn(at, ",");
		char part[256], why[1200];
		if (!at || len == 0 || len >= sizeof part) {
			args_bad(cmd, k->name, ref, k->has_id ? "not an id"
						     : "not the record's key "
						       "(docs/records.md)");
			return -2;
		}
		memcpy(part, at, len);
		part[len] = '\0';
		at = at[len] ? at + len + 1 : NULL;
		if (record_parse_value(key, f, part, why, sizeof why)) {
			args_bad(cmd, k->name, ref, why);
			return -2;
		}
	}
	if (nkeys == 0 || at) {
		args_bad(cmd, k->name, ref, k->has_id ? "not an id"
					     : "not the record's key "
					       "(docs/records.md)");
		return -2;
	}
	struct problems p;
	problems_init(&p);
	int rc = store_record_resolve(st, key, &p, e);
	rc = rc < 0 ? -1 : p.errors ? 0 : 1;
	problems_free(&p);
	return rc;
}

int rc_find(const struct command *cmd, struct store *st,
	    const struct kind *k, const char *ref, struct record *out)
{
	struct err e = { "" };
	int found;
	if (k->has_id && ref[0] >= '1' && ref[0] <= '9' &&
	    strspn(ref, "0123456789") == strlen(ref)) {
		found = store_record_get(st, k, strtoll(ref, NULL, 10), out, &e);
	} else {
		struct record key;
		record_init(&key, k);
		found = key_of(cmd, st, ref, &key, &e);
		if (found > 0)
			found = store_record_find(st, &key, out, &e);
		else
			record_init(out, k);
		record_clear(&key);
		if (found == -2)
			return 1;
	}
	if (found < 0)
		fprintf(stderr, "iro %s: %s\n", cmd->name, e.msg);
	else if (found == 0)
		fprintf(stderr, "iro %s: there is no %s \"%s\"\n", cmd->name,
			k->name, ref);
	return found > 0 ? 0 : 1;
}

int rc_report(const struct command *cmd, int rc, const struct err *e,
	      const struct problems *p, const char *kind, int64_t id,
	      enum put_outcome o)
{
	for (size_t i = 0; i < p->count; i++) {
		const struct problem *pr = &p->v[i];
		if (pr->warning)
			continue;
		fprintf(stderr, "iro %s: ", cmd->name);
		if (pr->column[0])
			fprintf(stderr, "--%s ", pr->column);
		if (pr->value[0])
			fprintf(stderr, "\"%s\": ", pr->value);
		fprintf(stderr, "%s\n", pr->reason);
	}
	if (rc) {
		fprintf(stderr, "iro %s: %s\n", cmd->name, e->msg);
		return 1;
	}
	if (p->errors) {
		fprintf(stderr, "iro %s: nothing was written.\n", cmd->name);
		return 1;
	}
	/* The DfE's rules on the child's return, once the write is done. */
	for (size_t i = 0; i < p->count; i++) {
		const struct problem *pr = &p->v[i];
		if (pr->warning)
			fprintf(stderr, "iro %s: warning: %s %s: %s\n",
				cmd->name, pr->column, pr->value, pr->reason);
	}
	if (o == PUT_SAME)
		printf("No change: %s %" PRId64 " already holds this.\n", kind,
		       id);
	else if (o != PUT_REFUSED)
		printf("%s %s %" PRId64 ".\n",
		       o == PUT_ADDED ? "Added" : "Changed", kind, id);
	return 0;
}

int rc_put(const struct command *cmd, struct store *st, struct record *r,
	   int (*before)(void *ctx, struct store *st, struct problems *p,
		       struct err *err),
	   void *ctx)
{
	struct problems p;
	struct err e = { "" };
	enum put_outcome o = PUT_REFUSED;
	problems_init(&p);
	int rc = store_begin(st, &e);
	if (rc == 0 && before)
		rc = before(ctx, st, &p, &e);
	if (rc == 0 && p.errors == 0)
		rc = store_record_put(st, r, &o, &p, &e);
	if (rc == 0 && p.errors == 0)
		rc = store_commit(st, &e);
	else
		store_rollback(st);
	int failed = rc_report(cmd, rc, &e, &p, r->kind->name, r->id, o);
	problems_free(&p);
	return failed;
}
