/* Placeholder until the generator lands (same session). */
#include "lib/common.h"
#include "cli/args.h"

static int run(const char *db, const char *const *pos)
{
	(void)db;
	(void)pos;
	fprintf(stderr, "iro synth: not built yet\n");
	return 1;
}

const struct command CMD_SYNTH = {
	.name = "synth",
	.summary = "Write a synthetic local authority as SSDA903 CSV files.",
	.run = run,
};
