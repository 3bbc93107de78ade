/*
 * main.c - the iro command: one table of commands (git's commands[]),
 * each defined in its own cmd_*.c.
 */
#include "lib/common.h"
#include "cli/args.h"

#define IRO_VERSION "0.1.0"

extern const struct command CMD_INIT, CMD_IMPORT_903, CMD_REVIEWS, CMD_DUE,
	CMD_TIMELINESS, CMD_REPORT_ANNUAL, CMD_REPORT_MONTHLY, CMD_CAL_ADD, CMD_CAL_IS, CMD_CAL_LIST,
	CMD_CAL_ADD_HOLIDAY, CMD_CAL_REMOVE_HOLIDAY, CMD_CAL_MOVE_HOLIDAY,
	CMD_SYNTH, CMD_LOAD, CMD_DUMP, CMD_WORKLIST, CMD_CASELOAD, CMD_ADD,
	CMD_SET, CMD_SHOW, CMD_LIST, CMD_VISIT_ADD, CMD_REC_ADD, CMD_REC_UPDATE,
	CMD_REVIEW_SCHEDULE, CMD_REVIEW_REARRANGE, CMD_REVIEW_HOLD,
	CMD_REVIEW_ADJOURN, CMD_REVIEW_STAND_DOWN, CMD_REVIEW_CANCEL,
	CMD_ALLOCATE, CMD_ALERT_RAISE, CMD_ALERT_ESCALATE, CMD_ALERT_RESPOND,
	CMD_ALERT_RESOLVE, CMD_ALERT_WITHDRAW, CMD_ALERT_CAFCASS,
	CMD_ALERT_ACTION, CMD_ALERT_LIST, CMD_ALERT_SHOW, CMD_LADDER_LIST,
	CMD_LADDER_SHOW, CMD_LADDER_SET, CMD_SERVE, CMD_USER_ADD,
	CMD_USER_PASSWD, CMD_USER_DISABLE, CMD_USER_ENABLE, CMD_USER_LIST,
	CMD_USER_GRANT, CMD_USER_REVOKE, CMD_VALIDATE_903, CMD_VALIDATE, CMD_EXPORT_903;

static const struct command *const COMMANDS[] = {
	&CMD_INIT,
	&CMD_SERVE,
	&CMD_USER_ADD,
	&CMD_USER_PASSWD,
	&CMD_USER_DISABLE,
	&CMD_USER_ENABLE,
	&CMD_USER_LIST,
	&CMD_USER_GRANT,
	&CMD_USER_REVOKE,
	&CMD_IMPORT_903,
	&CMD_VALIDATE_903,
	&CMD_VALIDATE,
	&CMD_EXPORT_903,
	&CMD_WORKLIST,
	&CMD_CASELOAD,
	&CMD_ALLOCATE,
	&CMD_REVIEW_SCHEDULE,
	&CMD_REVIEW_REARRANGE,
	&CMD_REVIEW_HOLD,
	&CMD_REVIEW_ADJOURN,
	&CMD_REVIEW_STAND_DOWN,
	&CMD_REVIEW_CANCEL,
	&CMD_ALERT_RAISE,
	&CMD_ALERT_ESCALATE,
	&CMD_ALERT_RESPOND,
	&CMD_ALERT_RESOLVE,
	&CMD_ALERT_WITHDRAW,
	&CMD_ALERT_CAFCASS,
	&CMD_ALERT_ACTION,
	&CMD_ALERT_LIST,
	&CMD_ALERT_SHOW,
	&CMD_LADDER_LIST,
	&CMD_LADDER_SHOW,
	&CMD_LADDER_SET,
	&CMD_ADD,
	&CMD_SET,
	&CMD_SHOW,
	&CMD_LIST,
	&CMD_VISIT_ADD,
	&CMD_REC_ADD,
	&CMD_REC_UPDATE,
	&CMD_DUE,
	&CMD_REVIEWS,
	&CMD_TIMELINESS,
	&CMD_REPORT_ANNUAL,
	&CMD_REPORT_MONTHLY,
	&CMD_CAL_ADD,
	&CMD_CAL_IS,
	&CMD_CAL_LIST,
	&CMD_CAL_ADD_HOLIDAY,
	&CMD_CAL_REMOVE_HOLIDAY,
	&CMD_CAL_MOVE_HOLIDAY,
	&CMD_LOAD,
	&CMD_DUMP,
	&CMD_SYNTH,
};

static void overview(FILE *out, const char *group)
{
	if (!group)
		fprintf(out,
			"iro - the Independent Reviewing Officer service "
			"system\n\n"
			"usage: iro COMMAND [ARGS] [--db PATH]   (iro COMMAND "
			"--help for each)\n\n"
			"The database is --db PATH, else $IRO_DB, else "
			"./iro.db. Dates are YYYY-MM-DD.\n\n"
			"Commands:\n");
	for (size_t i = 0; i < ARRAY_LEN(COMMANDS); i++) {
		const struct command *c = COMMANDS[i];
		size_t gl = group ? strlen(group) : 0;
		if (group && (strncmp(c->name, group, gl) != 0 ||
			      c->name[gl] != ' '))
			continue;
		char left[64];
		snprintf(left, sizeof left, "%s%s%s", c->name,
			 c->args ? " " : "", c->args ? c->args : "");
		fprintf(out, "  %-30s %s\n", left, c->summary);
	}
}

/* The command named by the first one or two words of argv, or NULL;
 * *used is how many words the name took. */
static const struct command *lookup(int argc, char **argv, int *used)
{
	for (size_t i = 0; i < ARRAY_LEN(COMMANDS); i++) {
		const char *name = COMMANDS[i]->name;
		const char *space = strchr(name, ' ');
		if (!space) {
			if (strcmp(argv[0], name) == 0) {
				*used = 1;
				return COMMANDS[i];
			}
			continue;
		}
		size_t n = (size_t)(space - name);
		if (argc >= 2 && strlen(argv[0]) == n &&
		    strncmp(argv[0], name, n) == 0 &&
		    strcmp(argv[1], space + 1) == 0) {
			*used = 2;
			return COMMANDS[i];
		}
	}
	return NULL;
}

static bool is_group(const char *word)
{
	size_t n = strlen(word);
	for (size_t i = 0; i < ARRAY_LEN(COMMANDS); i++)
		if (strncmp(COMMANDS[i]->name, word, n) == 0 &&
		    COMMANDS[i]->name[n] == ' ')
			return true;
	return false;
}

int main(int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "help") == 0 || strcmp(argv[1], "-h") == 0) {
		overview(argc < 2 ? stderr : stdout, NULL);
		return argc < 2 ? 2 : 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("iro %s\n", IRO_VERSION);
		return 0;
	}
	int used = 0;
	const struct command *cmd = lookup(argc - 1, argv + 1, &used);
	if (!cmd) {
		if (is_group(argv[1])) {
			bool help = argc >= 3 && (strcmp(argv[2], "--help") == 0 ||
						  strcmp(argv[2], "help") == 0);
			if (!help && argc >= 3)
				fprintf(stderr, "iro %s: no such command \"%s\"\n\n",
					argv[1], argv[2]);
			fprintf(help ? stdout : stderr,
				"usage: iro %s SUBCOMMAND ...\n\n", argv[1]);
			overview(help ? stdout : stderr, argv[1]);
			return help ? 0 : 2;
		}
		fprintf(stderr, "iro: no such command \"%s\" (iro --help lists "
				"them)\n",
			argv[1]);
		return 2;
	}
	const char *db = NULL;
	const char *pos[8] = { NULL };
	switch (args_parse(cmd, argc - 1 - used, argv + 1 + used, &db, pos)) {
	case ARGS_HELP:
		return 0;
	case ARGS_BAD:
		return 2;
	default:
		break;
	}
	return cmd->run(db, pos);
}
