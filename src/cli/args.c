#include "lib/common.h"
#include "cli/args.h"

static const struct opt COMMON[] = {
	{ "db", "PATH", "the database (default: $IRO_DB, then ./iro.db)", NULL },
	{ "help", NULL, "show this help", NULL },
};

void args_usage(const struct command *cmd, bool full)
{
	FILE *out = full ? stdout : stderr;
	fprintf(out, "usage: iro %s", cmd->name);
	if (cmd->args && *cmd->args)
		fprintf(out, " %s", cmd->args);
	for (const struct opt *o = cmd->opts; o && o->name; o++)
		fprintf(out, o->metavar ? " [--%s %s]" : " [--%s]", o->name,
			o->metavar);
	if (cmd->field_opts)
		fprintf(out, " [--FIELD VALUE ...]");
	fprintf(out, " [--db PATH]\n");
	if (!full) {
		fprintf(out, "Run 'iro %s --help' for more.\n", cmd->name);
		return;
	}
	fprintf(out, "\n%s\n", cmd->summary);
	if (cmd->details)
		fprintf(out, "\n%s\n", cmd->details);
	fprintf(out, "\nOptions:\n");
	if (cmd->field_opts)
		fprintf(out, "  %-22s %s\n", "--FIELD VALUE",
			"any field of the record (docs/records.md)");
	for (int pass = 0; pass < 2; pass++) {
		const struct opt *list = pass ? COMMON : cmd->opts;
		size_t n = pass ? ARRAY_LEN(COMMON) : SIZE_MAX;
		for (size_t i = 0; i < n && list && list[i].name; i++) {
			char left[64];
			snprintf(left, sizeof left, "--%s%s%s", list[i].name,
				 list[i].metavar ? " " : "",
				 list[i].metavar ? list[i].metavar : "");
			fprintf(out, "  %-22s %s\n", left, list[i].help);
		}
	}
}

int args_bad(const struct command *cmd, const char *what, const char *value,
	     const char *why)
{
	fprintf(stderr, "iro %s: %s \"%s\": %s\n", cmd->name, what, value, why);
	return 2;
}

static struct field_args FIELDS;

const struct field_args *args_fields(void)
{
	return &FIELDS;
}

/* Keeps --name VALUE for a field_opts command; NULL when full. */
static const char **field_slot(const char *name, size_t len)
{
	if (FIELDS.n == ARRAY_LEN(FIELDS.v) || len >= sizeof FIELDS.v[0].name)
		return NULL;
	struct field_arg *f = &FIELDS.v[FIELDS.n++];
	for (size_t i = 0; i < len; i++)
		f->name[i] = name[i] == '-' ? '_' : name[i];
	f->name[len] = '\0';
	f->value = NULL;
	return &f->value;
}

static const struct opt *find(const struct command *cmd, const char *name,
			      size_t len)
{
	for (const struct opt *o = cmd->opts; o && o->name; o++)
		if (strlen(o->name) == len && strncmp(o->name, name, len) == 0)
			return o;
	return NULL;
}

enum args_result args_parse(const struct command *cmd, int argc, char **argv,
			    const char **db, const char **pos)
{
	int npos = 0;
	const char *extra = NULL;
	*db = NULL; /* cli_db_path() resolves the default */

	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--") == 0) {
			for (i++; i < argc; i++) {
				extra = argv[i];
				if (npos == cmd->npos + cmd->nopt)
					goto too_many;
				pos[npos++] = argv[i];
			}
			break;
		}
		if (strncmp(a, "--", 2) != 0 || a[2] == '\0') {
			extra = a;
			if (npos == cmd->npos + cmd->nopt)
				goto too_many;
			pos[npos++] = a;
			continue;
		}
		const char *name = a + 2;
		const char *eq = strchr(name, '=');
		size_t len = eq ? (size_t)(eq - name) : strlen(name);
		if (len == 4 && strncmp(name, "help", 4) == 0) {
			args_usage(cmd, true);
			return ARGS_HELP;
		}
		const char **dest = NULL;
		bool takes = true;
		if (len == 2 && strncmp(name, "db", 2) == 0) {
			dest = db;
		} else {
			const struct opt *o = find(cmd, name, len);
			if (!o && cmd->field_opts &&
			    (dest = field_slot(name, len)) != NULL) {
				takes = true;
			} else if (!o) {
				fprintf(stderr, "iro %s: unknown option --%.*s\n",
					cmd->name, (int)len, name);
				args_usage(cmd, false);
				return ARGS_BAD;
			} else {
				dest = o->value;
				takes = o->metavar != NULL;
			}
		}
		if (!takes) {
			if (eq) {
				fprintf(stderr, "iro %s: --%.*s takes no value\n",
					cmd->name, (int)len, name);
				return ARGS_BAD;
			}
			*dest = "yes";
			continue;
		}
		if (eq) {
			*dest = eq + 1;
		} else if (i + 1 < argc) {
			*dest = argv[++i];
		} else {
			fprintf(stderr, "iro %s: --%.*s needs a value\n",
				cmd->name, (int)len, name);
			args_usage(cmd, false);
			return ARGS_BAD;
		}
	}
	if (npos < cmd->npos) {
		fprintf(stderr, "iro %s: expected %s\n", cmd->name, cmd->args);
		args_usage(cmd, false);
		return ARGS_BAD;
	}
	return ARGS_OK;

too_many:
	fprintf(stderr, "iro %s: unexpected argument \"%s\"\n", cmd->name,
		extra);
	args_usage(cmd, false);
	return ARGS_BAD;
}
