/*
 * test_ssda903.c - SSDA903 records typed and checked (domain-rules §3,
 * DfE validator rules quoted by number).
 */
#include "testutil.h"
#include "core/ssda903.h"

/* Adds a row given as one comma-separated string (no quoting needed). */
static void row(struct s903_set *set, enum s903_table t, long line,
		const char *csv, struct problems *p)
{
	char buf[512];
	char *cells[16];
	size_t n = 0;
	snprintf(buf, sizeof buf, "%s", csv);
	cells[n++] = buf;
	for (char *c = buf; *c; c++)
		if (*c == ',') {
			*c = '\0';
			cells[n++] = c + 1;
		}
	assert_int_equal(n, S903_TABLES[t].ncolumns);
	s903_add_row(set, t, line, cells, p);
}

static bool has(const struct problems *p, bool warning, const char *text)
{
	for (size_t i = 0; i < p->count; i++)
		if (p->v[i].warning == warning && strstr(p->v[i].reason, text))
			return true;
	return false;
}

static void child(struct s903_set *set, struct problems *p, const char *id,
		  const char *dob)
{
	char csv[128];
	snprintf(csv, sizeof csv, "%s,1,%s,WBRI,,,", id, dob);
	row(set, S903_HEADER, 2, csv, p);
}

static void codes_are_read_as_the_validator_reads_them(void **state)
{
	(void)state;
	struct s903_set set;
	struct problems p;
	s903_init(&set);
	problems_init(&p);
	row(&set, S903_HEADER, 2, " C1 ,2,01/02/2010, wbri ,,0,", &p);
	row(&set, S903_HEADER, 3, "C2,m,1/2/2010,CHNE,,,", &p);
	row(&set, S903_EPISODES, 2, "C1,01/01/2021,s,c2,n1,u4,pr1,,,,,,", &p);
	s903_finish(&set, &p);
	assert_int_equal(p.errors, 0);
	assert_int_equal(set.nchildren, 2);
	assert_string_equal(set.children[0].child, "C1");
	assert_int_equal(set.children[0].sex, 'F'); /* 2 = female */
	assert_string_equal(set.children[0].ethnic, "WBRI");
	assert_int_equal(set.children[0].mother, 0);
	assert_int_equal(set.children[1].sex, 'M');
	assert_int_equal(set.children[1].mother, -1);
	assert_int_equal(set.episodes[0].ep.rne, 'S');
	assert_string_equal(set.episodes[0].ep.ls, "C2");
	s903_free(&set);
	problems_free(&p);
}

static void repeats_are_read_once_and_conflicts_refused(void **state)
{
	(void)state;
	struct s903_set set;
	struct problems p;
	s903_init(&set);
	problems_init(&p);
	child(&set, &p, "D", "01/01/2010");
	row(&set, S903_EPISODES, 2, "D,01/01/2021,S,C2,N1,U4,PR1,,,,XA1 1AA,,", &p);
	row(&set, S903_EPISODES, 3, "D,01/01/2021,S,C2,N1,U4,PR1,,,,XA1 1AA,,", &p);
	row(&set, S903_REVIEWS, 2, "D,01/01/2010,20/01/2021,PN1", &p);
	row(&set, S903_REVIEWS, 3, "D,01/01/2010,20/01/2021,PN1", &p);
	s903_finish(&set, &p);
	assert_int_equal(p.errors, 0);
	assert_int_equal(set.nepisodes, 1);
	assert_int_equal(set.nreviews, 1);
	assert_true(has(&p, true, "repeats line 2 exactly; read once"));
	s903_free(&set);
	problems_free(&p);

	s903_init(&set);
	problems_init(&p);
	child(&set, &p, "D", "01/01/2010");
	row(&set, S903_EPISODES, 2, "D,01/01/2021,S,C2,N1,U4,PR1,,,,,,", &p);
	row(&set, S903_EPISODES, 3, "D,01/01/2021,S,C2,N1,U6,PR1,,,,,,", &p);
	row(&set, S903_REVIEWS, 2, "D,01/01/2010,20/01/2021,PN1", &p);
	row(&set, S903_REVIEWS, 3, "D,01/01/2010,20/01/2021,PN5", &p);
	s903_finish(&set, &p);
	assert_int_equal(p.errors, 2);
	assert_true(has(&p, false, "child D already has a different episode starting that day (line 2)"));
	assert_true(has(&p, false, "child D already has a different review that day (line 2)"));
	s903_free(&set);
	problems_free(&p);
}

/* rule 148 (DEC and REC together) and rule 356 (no end before the start). */
static void episode_ends(void **state)
{
	(void)state;
	struct s903_set set;
	struct problems p;
	s903_init(&set);
	problems_init(&p);
	child(&set, &p, "E", "01/01/2010");
	row(&set, S903_EPISODES, 2, "E,01/01/2021,S,C2,N1,U4,PR1,01/02/2021,,,,,", &p);
	row(&set, S903_EPISODES, 3, "E,01/03/2021,S,C2,N1,U4,PR1,,E4A,,,,", &p);
	row(&set, S903_EPISODES, 4, "E,01/05/2021,S,C2,N1,U4,PR1,30/04/2021,E4A,,,,", &p);
	assert_int_equal(p.errors, 3);
	assert_true(has(&p, false, "must be given with REC, or both left blank (DfE rule 148)"));
	assert_true(has(&p, false, "must be given with DEC, or both left blank (DfE rule 148)"));
	assert_true(has(&p, false, "is before DECOM 01/05/2021 (DfE rule 356)"));
	s903_free(&set);
	problems_free(&p);
}

/* A child whose header row is refused is not reported again for each of
 * its episodes and reviews. */
static void no_cascade_from_a_refused_header_row(void **state)
{
	(void)state;
	struct s903_set set;
	struct problems p;
	s903_init(&set);
	problems_init(&p);
	row(&set, S903_HEADER, 2, "F,3,01/01/2010,WBRI,,,", &p);
	row(&set, S903_EPISODES, 2, "F,01/01/2021,S,C2,N1,U4,PR1,,,,,,", &p);
	row(&set, S903_REVIEWS, 2, "F,01/01/2010,20/01/2021,PN1", &p);
	row(&set, S903_REVIEWS, 3, "G,01/01/2010,20/01/2021,PN1", &p);
	s903_finish(&set, &p);
	assert_int_equal(p.errors, 2);
	assert_true(has(&p, false, "is not a valid code"));
	assert_true(has(&p, false, "is not in header.csv (DfE rule INT08)"));
	s903_free(&set);
	problems_free(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(codes_are_read_as_the_validator_reads_them),
		cmocka_unit_test(repeats_are_read_once_and_conflicts_refused),
		cmocka_unit_test(episode_ends),
		cmocka_unit_test(no_cascade_from_a_refused_header_row),
	};
	return RUN(tests);
}
