/*
 * test_postcode.c - the postcode table and where a placement is
 * (core/postcode.h): "A recorded postcode (HOME_POST, PL_POST) is matched
 * upper-cased with its spaces removed: exactly, else by its sector, else
 * by its district".
 */
#include "testutil.h"
#include "core/postcode.h"

static struct pc_table t;

static int setup(void **state)
{
	(void)state;
	memset(&t, 0, sizeof t);
	/* A whole postcode, a sector and two districts, loaded out of order;
	 * "EC1A" is a district ending in a letter. */
	assert_int_equal(pc_add(&t, "XB7", "E2", true, 2000, 2000), 0);
	assert_int_equal(pc_add(&t, "xa12 3bc", "E1", true, 100, 100), 0);
	assert_int_equal(pc_add(&t, "XA12 3", "E1", true, 200, 200), 0);
	assert_int_equal(pc_add(&t, "XA12", "E3", false, 0, 0), 0);
	assert_int_equal(pc_add(&t, "EC1A", "E9", true, 900, 900), 0);
	assert_int_equal(pc_add(&t, "XA1", "E4", true, 400, 400), 0);
	/* Not a key: refused, not added. */
	assert_int_equal(pc_add(&t, "AB-1", "E1", false, 0, 0), 1);
	assert_int_equal(pc_add(&t, "XA12 3BCD", "E1", false, 0, 0), 1);
	assert_int_equal(pc_add(&t, "XA9", "", false, 0, 0), 1);
	pc_done(&t);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	pc_free(&t);
	return 0;
}

static const char *la_of(const char *recorded)
{
	const struct pc_entry *e = pc_find(&t, recorded);
	return e ? e->la : NULL;
}

static void keys_are_upper_case_without_spaces(void **state)
{
	(void)state;
	char k[PC_KEY_LEN];
	assert_true(pc_key(" xa12  3bc ", k));
	assert_string_equal(k, "XA12 3BC");
	assert_true(pc_key("xa123bc", k));
	assert_string_equal(k, "XA12 3BC");
	assert_true(pc_key("XA123", k)); /* five: a sector */
	assert_string_equal(k, "XA12 3");
	assert_true(pc_key("XA12", k)); /* four: a district */
	assert_string_equal(k, "XA12");
	assert_true(pc_key("EC1A1BB", k));
	assert_string_equal(k, "EC1A 1BB");
	assert_false(pc_key("XA12 3B", k));   /* inward: digit, 2 letters */
	assert_false(pc_key("XA12 AB", k));
	assert_false(pc_key("XA12 3 BC", k)); /* two spaces inside */
	assert_false(pc_key("XAB12 3BC", k)); /* outward over four */
	assert_false(pc_key("", k));
	assert_false(pc_key("XA12-3BC", k));
	assert_false(pc_key("XA12 3BCDE", k));
	assert_string_equal(k, "");
}

static void exact_then_sector_then_district(void **state)
{
	(void)state;
	/* The whole postcode is held. */
	assert_string_equal(la_of("XA12 3BC"), "E1");
	assert_int_equal(pc_find(&t, "xa123bc")->e, 100);
	/* Another in the sector: the sector's row. */
	assert_int_equal(pc_find(&t, "XA12 3ZZ")->e, 200);
	assert_int_equal(pc_find(&t, "XA123ZZ")->e, 200);
	/* Another sector of the district: the district's. */
	assert_string_equal(la_of("XA12 9ZZ"), "E3");
	assert_false(pc_find(&t, "XA12 9ZZ")->grid);
	/* The space says where the district ends: "XA1 2ZZ" is in XA1,
	 * not XA12. */
	assert_string_equal(la_of("XA1 2ZZ"), "E4");
	assert_string_equal(la_of("XA12ZZ"), "E4");
	/* The sector "XA1 2" is not the district "XA12". */
	assert_string_equal(la_of("XA1 2"), "E4");
	/* A district ending in a letter. */
	assert_string_equal(la_of("EC1A 1BB"), "E9");
	/* A sector or district recorded on its own. */
	assert_int_equal(pc_find(&t, "XA12 3")->e, 200);
	assert_string_equal(la_of("XB7"), "E2");
	/* Nothing matches, or nothing was recorded. */
	assert_null(pc_find(&t, "ZZ9 9ZZ"));
	assert_null(pc_find(&t, "XA"));
	assert_null(pc_find(&t, ""));
	assert_null(pc_find(&t, NULL));
	assert_null(pc_find(&t, "XA12-3BC"));
}

static void where_a_placement_is(void **state)
{
	(void)state;
	struct pc_area ours = { "E1", "E2, E9" };
	struct msr_location l;
	pc_locate(&t, &ours, "XA12 3BC", "XB7 1AA", &l);
	assert_int_equal(l.where, WHERE_INSIDE);
	assert_false(l.in_group);
	assert_true(l.pl_grid && l.home_grid);
	assert_int_equal(l.pl_e, 100);
	assert_int_equal(l.home_n, 2000);

	pc_locate(&t, &ours, "XB7 1AA", "XA12 9ZZ", &l);
	assert_int_equal(l.where, WHERE_OUTSIDE);
	assert_true(l.in_group);
	assert_true(l.pl_grid);
	assert_false(l.home_grid); /* XA12 has no grid reference */

	pc_locate(&t, &ours, "EC1A 1BB", "", &l);
	assert_int_equal(l.where, WHERE_OUTSIDE);
	assert_true(l.in_group);
	assert_false(l.home_grid);

	/* A placement postcode not held, or none: not known. */
	pc_locate(&t, &ours, "ZZ9 9ZZ", "XA12 3BC", &l);
	assert_int_equal(l.where, WHERE_NOT_KNOWN);
	pc_locate(&t, &ours, NULL, "XA12 3BC", &l);
	assert_int_equal(l.where, WHERE_NOT_KNOWN);
	/* Without our own code nothing can be inside or outside. */
	struct pc_area none = { "", "" };
	pc_locate(&t, &none, "XA12 3BC", "XA12 3BC", &l);
	assert_int_equal(l.where, WHERE_NOT_KNOWN);
	/* A group code must match whole: "E2" is not in "E22,E9X". */
	struct pc_area near = { "E1", "E22,E9X" };
	pc_locate(&t, &near, "XB7 1AA", NULL, &l);
	assert_false(l.in_group);
}

static void the_first_of_two_rows_with_one_key_wins(void **state)
{
	(void)state;
	struct pc_table u = { 0 };
	assert_int_equal(pc_add(&u, "XC1", "first", false, 0, 0), 0);
	assert_int_equal(pc_add(&u, "XB1", "other", false, 0, 0), 0);
	assert_int_equal(pc_add(&u, "xc1 ", "second", false, 0, 0), 0);
	pc_done(&u);
	assert_string_equal(pc_find(&u, "XC1")->la, "first");
	pc_free(&u);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(keys_are_upper_case_without_spaces),
		cmocka_unit_test(exact_then_sector_then_district),
		cmocka_unit_test(where_a_placement_is),
		cmocka_unit_test(the_first_of_two_rows_with_one_key_wins),
	};
	return RUN_GROUP(tests, setup, teardown);
}
