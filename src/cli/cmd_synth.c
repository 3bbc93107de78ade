/*
 * cmd_synth.c - iro synth: write a synthetic local authority as SSDA903
 * CSV files and its IRO service's records as service.jsonl (io/synth.h).
 * Needs no database.
 */
#include "lib/common.h"
#include "lib/err.h"
#include "core/date.h"
#include "io/synth.h"
#include "cli/cli.h"

static const char *opt_children, *opt_seed, *opt_year, *opt_history,
	*opt_out, *opt_force;

extern const struct command CMD_SYNTH;

static int missing(const char *what)
{
	fprintf(stderr, "iro synth: %s is required\n", what);
	args_usage(&CMD_SYNTH, false);
	return 2;
}

static int run(const char *db, const char *const *pos)
{
	(void)db;
	(void)pos;
	struct synth_options o = { .seed = 1, .history = 6 };
	long n, seed = 1, history = 6;
	if (!opt_children)
		return missing("--children N");
	if (!opt_out)
		return missing("--out DIR");
	if (!opt_out[0])
		return args_bad(&CMD_SYNTH, "--out", opt_out,
				"expected a folder");
	if (cli_int(&CMD_SYNTH, "--children", opt_children, 1,
		    SYNTH_MAX_CHILDREN, &n) ||
	    (opt_seed &&
	     cli_int(&CMD_SYNTH, "--seed", opt_seed, 0, LONG_MAX, &seed)) ||
	    (opt_history && cli_int(&CMD_SYNTH, "--history", opt_history, 1,
				    SYNTH_MAX_HISTORY, &history)))
		return 2;
	int32_t from, to;
	if (opt_year) {
		if (cli_year(&CMD_SYNTH, opt_year, &from, &to))
			return 2;
	} else {
		/* The last complete reporting year: to 31 March of this
		 * year from April on, else to last year's. */
		int y, m, d;
		date_to_ymd(cli_today(), &y, &m, &d);
		int first = m >= 4 ? y - 1 : y - 2;
		from = date_from_ymd(first, 4, 1);
		to = date_from_ymd(first + 1, 3, 31);
	}
	int y, m, d;
	date_to_ymd(from, &y, &m, &d);
	o.children = n;
	o.seed = (uint64_t)seed;
	o.year = y;
	o.history = (int)history;
	o.force = opt_force != NULL;

	struct synth_stats st;
	struct err e;
	if (synth_write(opt_out, &o, &st, &e)) {
		fprintf(stderr, "iro synth: %s\n", e.msg);
		return 1;
	}
	char first[DATE_ISO_LEN + 1], last[DATE_ISO_LEN + 1];
	date_format_iso(st.first_event, first);
	date_format_iso(to, last);
	printf("Wrote %s: %ld %s, %ld episodes, %ld reviews, %ld UASC.\n",
	       opt_out, st.children, st.children == 1 ? "child" : "children",
	       st.episodes, st.reviews, st.uasc);
	printf("  collection year %d-%02d (events from %s to %s), seed %ld\n",
	       y, (y + 1) % 100, first, last, seed);
	printf("  looked after on %s: %ld; short breaks only: %ld; with "
	       "more than one period of care: %ld\n",
	       last, st.looked_after, st.short_breaks, st.reentries);
	printf("  service.jsonl: %ld IROs, %ld allocations, %ld reviews "
	       "(%ld held), %ld recommendations,\n"
	       "    %ld consultations, %ld oversight, %ld contacts, %ld "
	       "advocacy, %ld feedback, %ld QA, %ld practice alerts;\n"
	       "    %ld sibling groups, %ld looked-after mothers with their "
	       "babies\n",
	       st.iros, st.allocations, st.service_reviews, st.reviews,
	       st.recommendations, st.consultations, st.oversight,
	       st.contacts, st.advocacy, st.feedback, st.qa, st.alerts,
	       st.sibling_groups, st.parent_links);
	return 0;
}

static const struct opt OPTS[] = {
	{ "children", "N", "how many children (required; 1 to 2000000)",
	  &opt_children },
	{ "out", "DIR", "the folder to write to (required; made if missing)",
	  &opt_out },
	{ "seed", "S", "the random seed (default 1)", &opt_seed },
	{ "year", "YYYY-YY", "the collection year (default: the last complete "
			     "one)", &opt_year },
	{ "history", "YEARS", "years of events before its end (default 6)",
	  &opt_history },
	{ "force", NULL, "replace the files if DIR already holds a return",
	  &opt_force },
	{ NULL, NULL, NULL, NULL },
};

const struct command CMD_SYNTH = {
	.name = "synth",
	.summary = "Write a synthetic local authority as SSDA903 CSV files and "
		   "service.jsonl.",
	.details =
		"Writes header.csv, episodes.csv, reviews.csv and uasc.csv in "
		"DIR, in the SSDA903\nlayouts, for N fictional children: "
		"periods of care that ended in the --history\nyears before 31 "
		"March of the collection year or were still open then, each "
		"with\nits whole episode history, and the reviews held in them "
		"on the statutory\nschedule (most in time, some late). Nothing "
		"is dated after 31 March; episodes\nopen on that day have "
		"blank DEC and REC. The same options give byte-identical\n"
		"files; a different --seed gives a different authority. "
		"Postcodes start with X\nand every name and number is made "
		"up.\n\n"
		"Also writes service.jsonl: the records of the authority's "
		"IRO service in the\nformat of `iro load` (docs/records.md) - "
		"its IROs, the children's details,\nepisodes, allocations to "
		"IROs, every review (those of reviews.csv as held, and\nthe "
		"next one booked for each child looked after on 31 March, up "
		"to 4 months\nahead), and in the last years recommendations, "
		"consultations, oversight,\ncontacts, advocacy, feedback and "
		"quality assurance.\n\n"
		"Refuses to write over a return already in DIR (or "
		"service.jsonl) unless\n--force is given. The database (--db) "
		"is not used.",
	.opts = OPTS,
	.run = run,
};
