/*
 * test_v903_short_breaks.c - the DfE rules on short breaks (respite, legal
 * statuses V3 and V4): 365, 366, 367, 382, 384, 426, 398, 420
 * (core/v903_short_breaks.c). Each test quotes the rule's message; the
 * "validator's own data" cases are the rule file's test_validate data,
 * with the rows it expects.
 */
#include "v903_fixture.h"
#include "core/v903_int.h"

#define EP V903_EPISODES

/* 365 "Any individual short- term respite placement must not exceed 17
 * days." - the validator's own data (collection end 01/04/2002 there;
 * 31/03/2002 here, which changes nothing). */
static void respite_over_17_days_validator_data(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2002);
	vt_cols(&v, EP, "CHILD,DECOM,DEC,LS");
	vt_row(&v, EP, "101,01/01/2000,01/01/2001,V3");  /* 0 fail */
	vt_row(&v, EP, "101,01/01/2001,20/12/2001,X");   /* 1 */
	vt_row(&v, EP, "101,20/12/2001,12/01/2002,V3");  /* 2 fail */
	vt_row(&v, EP, "2002,01/01/2000,10/01/2000,V3"); /* 3 */
	vt_row(&v, EP, "2002,10/01/2000,23/01/2001,X");  /* 4 */
	vt_row(&v, EP, "2002,01/01/2002,18/01/2002,V3"); /* 5 17 days */
	vt_row(&v, EP, "2002,01/02/2002,19/02/2002,V3"); /* 6 fail, 18 */
	vt_row(&v, EP, "2002,11/01/2002,25/01/2002,J2"); /* 7 */
	vt_row(&v, EP, "30003,25/01/2002,10/03/2001,J2"); /* 8 */
	vt_row(&v, EP, "30003,25/01/2002,,V3");          /* 9 fail */
	vt_row(&v, EP, "30003,,25/01/2002,V3");          /* 10 */
	vt_row(&v, EP, "30003,,,V3");                    /* 11 */
	assert_string_equal(vt_flags(&v, "365", EP), "0,2,6,9");
	vt_free(&v);
}

/* 365: exactly 17 days passes, 18 fails; a missing DEC runs to 31 March;
 * a DEC or DECOM that is not a date never fails; V4 is not checked. */
static void respite_over_17_days_boundaries(void **state)
{
	(void)state;
	for (int year = 2023; year <= 2027; year += 4) {
		struct vt v;
		char row[128];
		vt_init(&v, year);
		vt_cols(&v, EP, "CHILD,DECOM,DEC,LS");
		vt_row(&v, EP, "A,01/06/2022,18/06/2022,V3"); /* 0 17 days */
		vt_row(&v, EP, "A,01/06/2022,19/06/2022,V3"); /* 1 18 days */
		snprintf(row, sizeof row, "B,14/03/%d,,V3", year);
		vt_row(&v, EP, row);                          /* 2 17 to end */
		snprintf(row, sizeof row, "B,13/03/%d,,V3", year);
		vt_row(&v, EP, row);                          /* 3 18 to end */
		vt_row(&v, EP, "C,01/06/2022,32/07/2022,V3"); /* 4 bad DEC */
		vt_row(&v, EP, "C,,19/06/2022,V3");           /* 5 no DECOM */
		vt_row(&v, EP, "C,01/06/2022,19/06/2022,V4"); /* 6 V4 */
		vt_row(&v, EP, "C,01/06/2022,19/06/2022,v3"); /* 7 V3 */
		vt_row(&v, EP, "C,19/06/2022,01/06/2022,V3"); /* 8 backwards */
		vt_row(&v, EP, ",1/6/2022,20/6/2022,V3");     /* 9 no CHILD */
		assert_string_equal(vt_flags(&v, "365", EP), "1,3,7,9");
		vt_free(&v);
	}
}

/* Every rule here needs Episodes: without it nothing is flagged. */
static void short_break_rules_need_episodes(void **state)
{
	(void)state;
	static const char *const codes[] = { "365", "366", "367", "382",
					     "384", "426", "398", "420" };
	struct vt v;
	vt_init(&v, 2023);
	vt_cols(&v, V903_HEADER, "CHILD");
	vt_row(&v, V903_HEADER, "A");
	for (size_t i = 0; i < ARRAY_LEN(codes); i++)
		assert_string_equal(vt_flags(&v, codes[i], EP), "");
	vt_free(&v);
}

/* 366 "A child cannot change placement during the course of an individual
 * short-term respite break." - the validator's own data: V3 with RNE not
 * S, a missing RNE included. */
static void respite_break_not_new_start(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2023);
	vt_cols(&v, EP, "LS,RNE");
	vt_row(&v, EP, "V3,S"); /* 0 */
	vt_row(&v, EP, "V4,T"); /* 1 */
	vt_row(&v, EP, "U1,");  /* 2 */
	vt_row(&v, EP, "U2,");  /* 3 */
	vt_row(&v, EP, "V3,U"); /* 4 fail */
	vt_row(&v, EP, "V3,");  /* 5 fail */
	vt_row(&v, EP, "v3,s"); /* 6 upper-cased: S */
	vt_row(&v, EP, ",P");   /* 7 no LS */
	assert_string_equal(vt_flags(&v, "366", EP), "4,5");
	vt_free(&v);
}

/* 367 "The maximum amount of respite care allowable is 75 days in any
 * 12-month period." - the validator's own data (its collection year ends
 * 01/04/2001; ours 31/03/2001, which changes nothing). */
static void respite_over_75_days_validator_data(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2001);
	vt_cols(&v, EP, "CHILD,DECOM,DEC,LS");
	vt_row(&v, EP, "101,01/01/2000,01/06/2000,V3");    /* 0 */
	vt_row(&v, EP, "2002,01/01/2000,01/05/2000,V3");   /* 1 */
	vt_row(&v, EP, "30003,01/04/2000,01/05/2000,V3");  /* 2 fail */
	vt_row(&v, EP, "30003,01/05/2000,01/07/2000,XX");  /* 3 */
	vt_row(&v, EP, "30003,01/06/2000,01/07/2000,V3");  /* 4 fail */
	vt_row(&v, EP, "30003,01/07/2000,01/08/2000,V3");  /* 5 fail */
	vt_row(&v, EP, "400004,01/08/2000,01/07/2000,V3"); /* 6 */
	vt_row(&v, EP, "400004,01/08/2000,01/11/2000,V3"); /* 7 fail */
	vt_row(&v, EP, "55555,01/07/2000,,V3");            /* 8 fail */
	assert_string_equal(vt_flags(&v, "367", EP), "2,4,5,7,8");
	vt_free(&v);
}

/* 367: the days are DEC - DECOM inside the collection year (DECOM raised
 * to 1 April, DEC lowered to 31 March, a missing DEC is 31 March); 75 in
 * all passes, 76 fails, and every episode that counted is flagged. */
static void respite_over_75_days_boundaries(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2023);
	vt_cols(&v, EP, "CHILD,DECOM,DEC,LS");
	vt_row(&v, EP, "A,01/04/2022,16/06/2022,V3"); /* 0 76 fail */
	vt_row(&v, EP, "B,01/04/2022,15/06/2022,V3"); /* 1 75 */
	vt_row(&v, EP, "C,01/05/2022,10/06/2022,V3"); /* 2 40 fail */
	vt_row(&v, EP, "C,01/07/2022,06/08/2022,V3"); /* 3 36 fail */
	vt_row(&v, EP, "C,01/09/2022,01/09/2022,V3"); /* 4 0 days */
	vt_row(&v, EP, "C,01/10/2022,01/09/2022,V3"); /* 5 negative */
	vt_row(&v, EP, "C,01/10/2022,01/12/2022,C2"); /* 6 not V3 */
	vt_row(&v, EP, "D,01/01/2022,16/06/2022,V3"); /* 7 from 1/4: 76 */
	vt_row(&v, EP, "E,01/01/2022,15/06/2022,V3"); /* 8 from 1/4: 75 */
	vt_row(&v, EP, "F,15/01/2023,30/04/2023,V3"); /* 9 to 31/3: 75 */
	vt_row(&v, EP, "G,14/01/2023,30/04/2023,V3"); /* 10 to 31/3: 76 */
	vt_row(&v, EP, "H,14/01/2023,,V3");           /* 11 to 31/3: 76 */
	vt_row(&v, EP, "I,15/01/2023,,V3");           /* 12 75 */
	vt_row(&v, EP, "J,01/04/2022,31/13/2022,V3"); /* 13 bad DEC */
	vt_row(&v, EP, "J,01/04/2022,10/06/2022,V3"); /* 14 70 */
	vt_row(&v, EP, "K,01/01/2021,01/03/2022,V3"); /* 15 before year */
	vt_row(&v, EP, "K,,01/06/2022,V3");           /* 16 no DECOM */
	vt_row(&v, EP, "K,01/04/2022,10/06/2022,V3"); /* 17 70 */
	vt_row(&v, EP, ",01/04/2022,31/03/2023,V3");  /* 18 no CHILD */
	vt_row(&v, EP, "L,xx,10/06/2022,V3");         /* 19 bad DECOM */
	vt_row(&v, EP, "L,01/04/2022,16/06/2022,v3"); /* 20 76 fail */
	assert_string_equal(vt_flags(&v, "367", EP), "0,2,3,7,10,11,20");
	vt_free(&v);
}

/* 382 "A child receiving respite care cannot be in a temporary
 * placement." - the validator's own data, and T4 and a missing PLACE. */
static void respite_in_temporary_placement(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2023);
	vt_cols(&v, EP, "PLACE,LS");
	vt_row(&v, EP, "T0,V3"); /* 0 fail */
	vt_row(&v, EP, "R4,V3"); /* 1 */
	vt_row(&v, EP, "T1,X3"); /* 2 */
	vt_row(&v, EP, "T2,V4"); /* 3 fail */
	vt_row(&v, EP, "T3,V4"); /* 4 fail */
	vt_row(&v, EP, "T4,V4"); /* 5 fail */
	vt_row(&v, EP, ",V3");   /* 6 */
	vt_row(&v, EP, "T5,V3"); /* 7 */
	vt_row(&v, EP, "T1,");   /* 8 */
	assert_string_equal(vt_flags(&v, "382", EP), "0,3,4,5");
	vt_free(&v);
}

/* 384 "A child receiving respite care cannot be in a long-term foster
 * placement " - the validator's own data: V3/V4 with U1 or U4. */
static void respite_in_long_term_foster(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2023);
	vt_cols(&v, EP, "CHILD,PLACE,LS");
	vt_row(&v, EP, "11,U1,V4");    /* 0 fail */
	vt_row(&v, EP, "202,x,D1");    /* 1 */
	vt_row(&v, EP, "3003,U4,V3");  /* 2 fail */
	vt_row(&v, EP, "40004,P1,V3"); /* 3 */
	vt_row(&v, EP, "5005,A5,x");   /* 4 */
	vt_row(&v, EP, "606,A6,V4");   /* 5 */
	vt_row(&v, EP, "77,x,x");      /* 6 */
	vt_row(&v, EP, "8,U2,V3");     /* 7 U2 is not long-term */
	vt_row(&v, EP, "9,U4,V2");     /* 8 */
	assert_string_equal(vt_flags(&v, "384", EP), "0,2");
	vt_free(&v);
}

/* 426 "A child receiving respite care cannot be recorded under a legal
 * status of V3 and V4 in the same year." - the validator's own data. */
static void respite_v3_and_v4_validator_data(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2023);
	vt_cols(&v, EP, "CHILD,LS");
	vt_row(&v, EP, "111,V3"); /* 0 */
	vt_row(&v, EP, "111,V3"); /* 1 */
	vt_row(&v, EP, "222,V3"); /* 2 fail */
	vt_row(&v, EP, "222,V4"); /* 3 fail */
	vt_row(&v, EP, "222,X1"); /* 4 */
	vt_row(&v, EP, "444,V3"); /* 5 */
	vt_row(&v, EP, "555,V4"); /* 6 fail */
	vt_row(&v, EP, "555,V3"); /* 7 fail */
	vt_row(&v, EP, "555,V3"); /* 8 fail */
	assert_string_equal(vt_flags(&v, "426", EP), "2,3,6,7,8");
	vt_free(&v);
}

/* 426: the code merges V3 rows with V4 rows on CHILD, and pandas matches a
 * missing CHILD with a missing CHILD: rows with no CHILD are one child. */
static void respite_v3_and_v4_missing_child(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2023);
	vt_cols(&v, EP, "CHILD,LS");
	vt_row(&v, EP, ",V3");  /* 0 fail */
	vt_row(&v, EP, "A,V4"); /* 1 */
	vt_row(&v, EP, ",V4");  /* 2 fail */
	vt_row(&v, EP, ",C2");  /* 3 */
	vt_row(&v, EP, "B,V4"); /* 4 */
	vt_row(&v, EP, "B,V4"); /* 5 */
	assert_string_equal(vt_flags(&v, "426", EP), "0,2");
	vt_free(&v);

	vt_init(&v, 2023);
	vt_cols(&v, EP, "CHILD,LS");
	vt_row(&v, EP, ",V3");
	vt_row(&v, EP, "A,V4");
	assert_string_equal(vt_flags(&v, "426", EP), "");
	vt_free(&v);
}

/* 398 "Distance field completed but child looked after under legal status
 * V3 or V4." - the validator's own data: the code tests HOME_POST and
 * PL_POST, whatever they hold, not the derived distance. */
static void respite_with_postcode(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2023);
	vt_cols(&v, EP, "HOME_POST,LS,PL_POST");
	vt_row(&v, EP, "AB1 0JD,V3,AB1 0JD"); /* 0 fail */
	vt_row(&v, EP, "invalid,U1,AB1 0JD"); /* 1 */
	vt_row(&v, EP, "AB1 0JD,V4,");        /* 2 fail */
	vt_row(&v, EP, "invalid,T1,invalid"); /* 3 */
	vt_row(&v, EP, "AB10JD,U1,AB1 0JD");  /* 4 */
	vt_row(&v, EP, ",V3,ZZ9");            /* 5 fail: PL_POST alone */
	vt_row(&v, EP, ",V4,");               /* 6 neither */
	assert_string_equal(vt_flags(&v, "398", EP), "0,2,5");
	vt_free(&v);
}

static bool postcodes(void *ctx, const char *pc, char la[12], int32_t *e,
		      int32_t *n)
{
	(void)ctx;
	*e = 530000;
	*n = 180000;
	if (strcmp(pc, "XA1 1AA") == 0)
		snprintf(la, 12, "E09000001");
	else if (strcmp(pc, "XB1 1AA") == 0)
		snprintf(la, 12, "E09000002");
	else if (strcmp(pc, "BT1 1AA") == 0)
		snprintf(la, 12, "N09000003");
	else
		return false;
	return true;
}

/* 420 "LA of placement completed but child is looked after under legal
 * status V3 or V4." - the validator's own data, its PL_LA values made by
 * placement postcodes (NIR from a Northern Irish one); an unknown
 * postcode gives no PL_LA. */
static void respite_with_placement_la(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2023);
	vt_cols(&v, EP, "LS,PL_POST");
	vt_row(&v, EP, "C2,");        /* 0 */
	vt_row(&v, EP, "V3,XA1 1AA"); /* 1 fail */
	vt_row(&v, EP, "V4,XB1 1AA"); /* 2 fail */
	vt_row(&v, EP, "V3,");        /* 3 */
	vt_row(&v, EP, "V4,");        /* 4 */
	vt_row(&v, EP, "C2,BT1 1AA"); /* 5 NIR */
	vt_row(&v, EP, "V3,ZZ9 9ZZ"); /* 6 not known */
	vt_row(&v, EP, "V4,BT1 1AA"); /* 7 fail */
	assert_int_equal(v903_prepare(&v.d, postcodes, NULL), 0);
	v.prepared = true;
	assert_string_equal(vt_flags(&v, "420", EP), "1,2,7");
	vt_free(&v);
}

/* None of these rules changed or was deleted after lac2022_23: one
 * version each, in every collection year. */
static void short_break_rules_every_year(void **state)
{
	(void)state;
	static const char *const codes[] = { "365", "366", "367", "382",
					     "384", "426", "398", "420" };
	for (size_t c = 0; c < ARRAY_LEN(codes); c++) {
		size_t versions = 0;
		for (size_t i = 0; i < v903_rule_count(); i++) {
			const struct v903_rule *rule = v903_rule_at(i);
			if (strcmp(rule->code, codes[c]) != 0)
				continue;
			versions++;
			for (int y = 2023; y <= 2027; y++)
				assert_true(v903_rule_applies(rule, y));
		}
		assert_int_equal(versions, 1);
	}
	struct vt v;
	vt_init(&v, 2027);
	vt_cols(&v, EP, "CHILD,LS,RNE,PLACE");
	vt_row(&v, EP, "A,V3,P,U1");
	assert_string_equal(vt_flags(&v, "366", EP), "0");
	assert_string_equal(vt_flags(&v, "384", EP), "0");
	vt_free(&v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(respite_over_17_days_validator_data),
		cmocka_unit_test(respite_over_17_days_boundaries),
		cmocka_unit_test(short_break_rules_need_episodes),
		cmocka_unit_test(respite_break_not_new_start),
		cmocka_unit_test(respite_over_75_days_validator_data),
		cmocka_unit_test(respite_over_75_days_boundaries),
		cmocka_unit_test(respite_in_temporary_placement),
		cmocka_unit_test(respite_in_long_term_foster),
		cmocka_unit_test(respite_v3_and_v4_validator_data),
		cmocka_unit_test(respite_v3_and_v4_missing_child),
		cmocka_unit_test(respite_with_postcode),
		cmocka_unit_test(respite_with_placement_la),
		cmocka_unit_test(short_break_rules_every_year),
	};
	return RUN(tests);
}
