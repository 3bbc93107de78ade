/*
 * test_v903_legal.c - the DfE rules on legal status: 358, 359, 361, 362,
 * 363, 364, 378, 408, 445, 446, 451 (core/v903_legal.c). Each test quotes
 * the rule's message; the "validator's own data" cases are the rule
 * file's test_validate data, with the rows it expects.
 */
#include "v903_fixture.h"
#include "core/v903_int.h"

#define EP V903_EPISODES
#define HE V903_HEADER

/* ---- 358, 359: age ------------------------------------------------------ */

/* 358 "Child with this legal status should not be under 10." - the
 * validator's own data. */
static void remand_under_10_validator_data(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2023);
	vt_cols(&v, EP, "CHILD,DECOM,LS");
	vt_row(&v, EP, "101,01/01/2009,J3"); /* 0 fails */
	vt_row(&v, EP, "102,01/01/2001,X");
	vt_row(&v, EP, "103,20/12/2001,L2");
	vt_row(&v, EP, "104,03/01/2018,J2");
	vt_row(&v, EP, "105,03/04/2008,J1"); /* 4 fails */
	vt_row(&v, EP, "106,01/01/2002,L2");
	vt_row(&v, EP, "107,10/01/2002,X");
	vt_row(&v, EP, "108,11/02/2012,J1");
	vt_row(&v, EP, "109,25/01/2002,L2");
	vt_row(&v, EP, "110,25/01/2002,L2");
	vt_row(&v, EP, "111,,J2");
	vt_row(&v, EP, "112,25/01/2002,J3");
	vt_cols(&v, HE, "CHILD,DOB");
	vt_row(&v, HE, "101,01/01/2000");
	vt_row(&v, HE, "102,01/01/2001");
	vt_row(&v, HE, "103,20/12/2001");
	vt_row(&v, HE, "104,01/01/2000");
	vt_row(&v, HE, "105,03/01/2000");
	vt_row(&v, HE, "106,01/01/2002");
	vt_row(&v, HE, "107,10/01/2002");
	vt_row(&v, HE, "108,11/01/2002");
	vt_row(&v, HE, "109,25/01/2002");
	vt_row(&v, HE, "110,25/01/2002");
	vt_row(&v, HE, "111,25/01/2002");
	vt_row(&v, HE, "112,");
	assert_string_equal(vt_flags(&v, "358", EP), "0,4");
	assert_string_equal(vt_flags(&v, "358", HE), "0,4");
	vt_free(&v);
}

/* 358: an episode starting on the tenth birthday fails, the day after
 * passes; a 29 February birthday's tenth falls on 28 February; every
 * Header row of the child is joined (and flagged); a missing CHILD joins
 * the Header rows with none; no Header row, no failure. */
static void remand_under_10_boundaries(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2025);
	vt_cols(&v, EP, "CHILD,DECOM,LS");
	vt_row(&v, EP, "A,01/06/2020,J1"); /* 0 fails: the birthday */
	vt_row(&v, EP, "A,02/06/2020,J2"); /* 1 */
	vt_row(&v, EP, "B,28/02/2018,J3"); /* 2 fails */
	vt_row(&v, EP, "B,01/03/2018,J3"); /* 3 */
	vt_row(&v, EP, "C,01/01/2015,J1"); /* 4 fails, two Header rows */
	vt_row(&v, EP, ",01/01/2015,J1");  /* 5 fails, no CHILD */
	vt_row(&v, EP, "D,01/01/2015,J1"); /* 6 no Header row */
	vt_row(&v, EP, "A,01/01/2015,V2"); /* 7 another status */
	vt_row(&v, EP, "A,junk,J1");       /* 8 */
	vt_cols(&v, HE, "CHILD,DOB");
	vt_row(&v, HE, "A,01/06/2010");    /* 0 */
	vt_row(&v, HE, "B,29/02/2008");    /* 1 */
	vt_row(&v, HE, "C,01/01/2010");    /* 2 */
	vt_row(&v, HE, "C,01/01/2000");    /* 3 older: passes */
	vt_row(&v, HE, "C,01/02/2010");    /* 4 */
	vt_row(&v, HE, ",01/01/2010");     /* 5 */
	assert_string_equal(vt_flags(&v, "358", EP), "0,2,4,5");
	assert_string_equal(vt_flags(&v, "358", HE), "0,1,2,4,5");
	vt_free(&v);
}

/* 358 and 359 need both Episodes and Header. */
static void age_rules_need_header(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2023);
	vt_cols(&v, EP, "CHILD,DECOM,LS");
	vt_row(&v, EP, "A,01/06/2020,J1");
	assert_string_equal(vt_flags(&v, "358", EP), "");
	assert_string_equal(vt_flags(&v, "359", EP), "");
	vt_free(&v);
	vt_init(&v, 2023);
	vt_cols(&v, HE, "CHILD,DOB");
	vt_row(&v, HE, "A,01/06/2000");
	assert_string_equal(vt_flags(&v, "358", HE), "");
	vt_free(&v);
}

/* 359 "Child being looked after following 18th birthday must be
 * accommodated under section 20(5) of the Children Act 1989 in a community
 * home." - the validator's own data (collection end 31/03/2021). */
static void over_18_validator_data(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2021);
	vt_cols(&v, HE, "CHILD,DOB");
	vt_row(&v, HE, "111,01/06/2020");
	vt_row(&v, HE, "222,05/06/2000");
	vt_row(&v, HE, "333,05/06/2000");
	vt_row(&v, HE, "444,06/06/2000");
	vt_row(&v, HE, "555,06/06/2019");
	vt_cols(&v, EP, "CHILD,DEC,LS,PLACE");
	vt_row(&v, EP, "111,01/06/2020,R1,R2");
	vt_row(&v, EP, "222,,V2,K2");
	vt_row(&v, EP, "333,,V2,K1"); /* 2 fails */
	vt_row(&v, EP, "444,,R1,R2"); /* 3 fails */
	vt_row(&v, EP, "555,,R1,R2");
	assert_string_equal(vt_flags(&v, "359", EP), "2,3");
	vt_free(&v);
}

/* 359: an 18th birthday on 30 March fails, on 31 March (the collection
 * end) passes; a DEC that does not parse is still a DEC; V2 with K2
 * passes, V2 or K2 alone does not; any of a child's Header rows will
 * do; a missing CHILD joins the Header rows with none. */
static void over_18_boundaries(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2024);
	vt_cols(&v, HE, "CHILD,DOB");
	vt_row(&v, HE, "A,30/03/2006");
	vt_row(&v, HE, "B,31/03/2006");
	vt_row(&v, HE, "C,01/01/2015");
	vt_row(&v, HE, "C,01/01/2000");
	vt_row(&v, HE, ",01/01/2000");
	vt_cols(&v, EP, "CHILD,DEC,LS,PLACE");
	vt_row(&v, EP, "A,,C2,U1");     /* 0 fails */
	vt_row(&v, EP, "B,,C2,U1");     /* 1 birthday on the end */
	vt_row(&v, EP, "A,junk,C2,U1"); /* 2 a DEC all the same */
	vt_row(&v, EP, "A,,V2,K2");     /* 3 */
	vt_row(&v, EP, "A,,V2,K1");     /* 4 fails */
	vt_row(&v, EP, "A,,C2,K2");     /* 5 fails */
	vt_row(&v, EP, "C,,C2,U1");     /* 6 fails: one DOB old enough */
	vt_row(&v, EP, ",,C2,U1");      /* 7 fails */
	vt_row(&v, EP, "D,,C2,U1");     /* 8 no Header */
	assert_string_equal(vt_flags(&v, "359", EP), "0,4,5,6,7");
	vt_free(&v);
}

/* ---- 361, 362: runs over the order -------------------------------------- */

/* 361 "Police protection legal status lasted longer than maximum 72 hours
 * allowed in the Children Act 1989." - the validator's own data
 * (collection end 31/03/2021). */
static void police_protection_validator_data(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2021);
	vt_cols(&v, EP, "CHILD,DECOM,DEC,LS");
	vt_row(&v, EP, "111,01/06/2020,04/06/2020,L1"); /* 0 fails */
	vt_row(&v, EP, "111,04/06/2020,05/06/2020,L1"); /* 1 fails */
	vt_row(&v, EP, "111,06/07/2020,07/07/2020,E2");
	vt_row(&v, EP, "111,08/09/2020,10/09/2020,L1");
	vt_row(&v, EP, "111,09/10/2020,12/11/2020,E3");
	vt_row(&v, EP, "333,06/06/2020,10/06/2020,L1"); /* 5 fails */
	vt_row(&v, EP, "333,10/06/2020,12/10/2020,L1"); /* 6 fails */
	vt_row(&v, EP, "444,07/06/2020,08/07/2020,L1"); /* 7 fails */
	vt_row(&v, EP, "444,08/08/2020,09/08/2020,E4");
	vt_row(&v, EP, "444,09/08/2020,15/08/2020,L1"); /* 9 fails */
	vt_row(&v, EP, "444,15/08/2020,,L1");           /* 10 fails */
	vt_row(&v, EP, "555,15/03/2021,,L1");           /* 11 fails */
	assert_string_equal(vt_flags(&v, "361", EP), "0,1,5,6,7,9,10,11");
	vt_free(&v);
}

/* 361: 3 days pass, 4 fail; episodes join a run in DECOM order (not file
 * order) when one's DEC is the next one's DECOM; a blank DEC or one that
 * does not parse runs to the collection end; a missing CHILD is never
 * flagged. */
static void police_protection_boundaries(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2023);
	vt_cols(&v, EP, "CHILD,DECOM,DEC,LS");
	vt_row(&v, EP, "A,01/06/2022,04/06/2022,L1"); /* 0 3 days */
	vt_row(&v, EP, "B,01/06/2022,05/06/2022,L1"); /* 1 4 days */
	vt_row(&v, EP, "C,03/06/2022,05/06/2022,L1"); /* 2 second */
	vt_row(&v, EP, "C,01/06/2022,03/06/2022,L1"); /* 3 first */
	vt_row(&v, EP, "D,28/03/2023,,L1");           /* 4 3 to end */
	vt_row(&v, EP, "E,27/03/2023,junk,L1");       /* 5 4 to end */
	vt_row(&v, EP, ",01/06/2022,30/06/2022,L1");  /* 6 no CHILD */
	vt_row(&v, EP, "F,01/06/2022,30/06/2022,l2"); /* 7 L2 */
	vt_row(&v, EP, "G,01/06/2022,03/06/2022,L1"); /* 8 gap: new run */
	vt_row(&v, EP, "G,04/06/2022,06/06/2022,L1"); /* 9 */
	assert_string_equal(vt_flags(&v, "361", EP), "1,2,3,5");
	vt_free(&v);
}

/* 361/362 as the code works them out: the previous episode of the status
 * "flows" into the next episode in the order, whatever its status, so an
 * L1 run carries on across an episode of another status that starts on
 * its DEC; runs never carry across children. */
static void police_protection_flows_through_other_status(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2023);
	vt_cols(&v, EP, "CHILD,DECOM,DEC,LS");
	vt_row(&v, EP, "A,01/06/2022,02/06/2022,L1"); /* 0 fails */
	vt_row(&v, EP, "A,02/06/2022,10/06/2022,C2"); /* 1 */
	vt_row(&v, EP, "A,20/06/2022,21/06/2022,L1"); /* 2 fails */
	vt_row(&v, EP, "B,21/06/2022,23/06/2022,L1"); /* 3 another child */
	vt_row(&v, EP, "C,01/06/2022,02/06/2022,L1"); /* 4 */
	vt_row(&v, EP, "C,03/06/2022,10/06/2022,C2"); /* 5 */
	vt_row(&v, EP, "C,20/06/2022,21/06/2022,L1"); /* 6 */
	assert_string_equal(vt_flags(&v, "361", EP), "0,2");
	vt_free(&v);
}

/* 362 "Emergency protection order (EPO) lasted longer than 21 days" - the
 * validator's own data (collection end 31/03/2021). */
static void epo_validator_data(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2021);
	vt_cols(&v, EP, "CHILD,DECOM,DEC,LS");
	vt_row(&v, EP, "111,01/06/2020,04/06/2020,L2");
	vt_row(&v, EP, "111,04/06/2020,05/06/2020,L2");
	vt_row(&v, EP, "111,06/07/2020,07/07/2020,E2");
	vt_row(&v, EP, "111,08/09/2020,09/10/2020,L2"); /* 3 fails */
	vt_row(&v, EP, "111,09/10/2020,12/11/2020,L2"); /* 4 fails */
	vt_row(&v, EP, "333,06/06/2020,10/06/2020,L2"); /* 5 fails */
	vt_row(&v, EP, "333,10/06/2020,12/10/2020,L2"); /* 6 fails */
	vt_row(&v, EP, "444,07/06/2020,08/07/2020,L2"); /* 7 fails */
	vt_row(&v, EP, "444,08/08/2020,09/08/2020,E4");
	vt_row(&v, EP, "444,09/08/2020,15/08/2020,L2"); /* 9 fails */
	vt_row(&v, EP, "444,15/08/2020,,L2");           /* 10 fails */
	vt_row(&v, EP, "555,15/03/2021,,L2");
	assert_string_equal(vt_flags(&v, "362", EP), "3,4,5,6,7,9,10");
	vt_free(&v);
}

/* 362: 21 days pass, 22 fail, over one episode or a run of two; an
 * undated DECOM does not start the count. */
static void epo_boundaries(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2023);
	vt_cols(&v, EP, "CHILD,DECOM,DEC,LS");
	vt_row(&v, EP, "A,01/06/2022,22/06/2022,L2"); /* 0 21 days */
	vt_row(&v, EP, "B,01/06/2022,23/06/2022,L2"); /* 1 22 days */
	vt_row(&v, EP, "C,01/06/2022,11/06/2022,L2"); /* 2 fails */
	vt_row(&v, EP, "C,11/06/2022,23/06/2022,L2"); /* 3 fails */
	vt_row(&v, EP, "D,01/06/2022,11/06/2022,L2"); /* 4 */
	vt_row(&v, EP, "D,11/06/2022,22/06/2022,L2"); /* 5 */
	vt_row(&v, EP, "E,,23/06/2022,L2");           /* 6 */
	assert_string_equal(vt_flags(&v, "362", EP), "1,2,3");
	vt_free(&v);
}

/* ---- 363, 364: periods in file order ------------------------------------ */

/* 363 "Child assessment order (CAO) lasted longer than 7 days allowed in
 * the Children Act 1989." - the validator's own data (collection end
 * 01/04/2002 there, 31/03/2002 here: row 9 still runs past 7 days). */
static void cao_validator_data(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2002);
	vt_cols(&v, EP, "CHILD,DECOM,DEC,LS");
	vt_row(&v, EP, "101,01/01/2000,01/01/2001,L3");   /* 0 fails */
	vt_row(&v, EP, "101,01/01/2001,20/12/2001,X");
	vt_row(&v, EP, "101,20/12/2001,12/01/2002,L3");   /* 2 fails */
	vt_row(&v, EP, "2002,01/01/2000,03/01/2000,L3");  /* 3 fails */
	vt_row(&v, EP, "2002,03/01/2000,09/01/2001,L3");  /* 4 fails */
	vt_row(&v, EP, "2002,01/01/2002,07/01/2002,L3");
	vt_row(&v, EP, "2002,10/01/2002,11/01/2002,X");
	vt_row(&v, EP, "2002,11/01/2002,17/01/2002,L3");
	vt_row(&v, EP, "30003,25/01/2002,10/03/2001,L3");
	vt_row(&v, EP, "30003,25/01/2002,,L3");           /* 9 fails */
	vt_row(&v, EP, "30003,,25/01/2002,L3");
	vt_row(&v, EP, "30003,,,L3");
	assert_string_equal(vt_flags(&v, "363", EP), "0,2,3,4,9");
	vt_free(&v);
}

/* 363: 7 days pass, 8 fail, added up over a period; the episodes are
 * taken in FILE order (the code never keeps its sort), so a period
 * carries on while each DECOM is on or before the previous DEC, even
 * going backwards; a DEC that does not parse adds nothing but does not
 * end the period; a missing CHILD always starts a new one. */
static void cao_boundaries(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2023);
	vt_cols(&v, EP, "CHILD,DECOM,DEC,LS");
	vt_row(&v, EP, "A,01/06/2022,08/06/2022,L3"); /* 0 7 days */
	vt_row(&v, EP, "B,01/06/2022,09/06/2022,L3"); /* 1 8 days */
	vt_row(&v, EP, "C,10/06/2022,14/06/2022,L3"); /* 2 fails */
	vt_row(&v, EP, "C,01/06/2022,05/06/2022,L3"); /* 3 fails, back */
	vt_row(&v, EP, "D,01/06/2022,junk,L3");       /* 4 fails, 0 days */
	vt_row(&v, EP, "D,20/06/2022,29/06/2022,L3"); /* 5 fails, 9 */
	vt_row(&v, EP, "E,01/06/2022,05/06/2022,L3"); /* 6 */
	vt_row(&v, EP, "E,06/06/2022,10/06/2022,L3"); /* 7 after DEC */
	vt_row(&v, EP, ",01/06/2022,05/06/2022,L3");  /* 8 */
	vt_row(&v, EP, ",05/06/2022,09/06/2022,L3");  /* 9 */
	vt_row(&v, EP, "F,23/03/2023,,L3");           /* 10 8 to end */
	assert_string_equal(vt_flags(&v, "363", EP), "1,2,3,4,5,10");
	vt_free(&v);
}

/* 364 "Sections 41-46 of Police and Criminal Evidence (PACE; 1984)
 * severely limits the time a child can be detained in custody in Local
 * Authority (LA) accommodation." - the validator's own data. */
static void pace_validator_data(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2002);
	vt_cols(&v, EP, "CHILD,DECOM,DEC,LS");
	vt_row(&v, EP, "101,01/01/2000,01/01/2001,J2");   /* 0 fails */
	vt_row(&v, EP, "101,01/01/2001,20/12/2001,X");
	vt_row(&v, EP, "101,20/12/2001,12/01/2002,J2");   /* 2 fails */
	vt_row(&v, EP, "2002,01/01/2000,10/01/2000,J2");  /* 3 fails */
	vt_row(&v, EP, "2002,10/01/2000,23/01/2001,J2");  /* 4 fails */
	vt_row(&v, EP, "2002,01/01/2002,10/01/2002,J2");
	vt_row(&v, EP, "2002,10/01/2002,11/01/2002,X");
	vt_row(&v, EP, "2002,11/01/2002,25/01/2002,J2");
	vt_row(&v, EP, "30003,25/01/2002,10/03/2001,J2");
	vt_row(&v, EP, "30003,25/01/2002,,J2");           /* 9 fails */
	vt_row(&v, EP, "30003,,25/01/2002,J2");
	vt_row(&v, EP, "30003,,,J2");
	assert_string_equal(vt_flags(&v, "364", EP), "0,2,3,4,9");
	vt_free(&v);
}

/* 364: 21 days pass, 22 fail; a blank DEC runs to 31 March. */
static void pace_boundaries(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2026);
	vt_cols(&v, EP, "CHILD,DECOM,DEC,LS");
	vt_row(&v, EP, "A,01/06/2025,22/06/2025,J2"); /* 0 21 days */
	vt_row(&v, EP, "B,01/06/2025,23/06/2025,J2"); /* 1 22 days */
	vt_row(&v, EP, "C,10/03/2026,,J2");           /* 2 21 to end */
	vt_row(&v, EP, "D,09/03/2026,,J2");           /* 3 22 to end */
	vt_row(&v, EP, "E,01/06/2025,23/06/2025,J1"); /* 4 J1 */
	assert_string_equal(vt_flags(&v, "364", EP), "1,3");
	vt_free(&v);
}

/* ---- One episode at a time ---------------------------------------------- */

/* 378 "A child who is placed with parent(s) cannot be looked after under
 * a single period of accommodation under Section 20 of the Children Act
 * 1989." - the validator's own data, and a lower-case code upper-cased. */
static void parent_under_s20_validator_data(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2023);
	vt_cols(&v, EP, "CHILD,PLACE,LS,REC");
	vt_row(&v, EP, "11,P1,x,x");
	vt_row(&v, EP, "202,x,D1,x");
	vt_row(&v, EP, "3003,A4,D1,E12");
	vt_row(&v, EP, "40004,P1,V2,E12"); /* 3 fails */
	vt_row(&v, EP, "5005,A5,x,x");
	vt_row(&v, EP, "606,A6,V2,x");
	vt_row(&v, EP, "77,x,x,x");
	vt_row(&v, EP, "8,p1,v2,");        /* 7 fails */
	vt_row(&v, EP, "9,P1,,");
	assert_string_equal(vt_flags(&v, "378", EP), "3,7");
	vt_free(&v);
}

/* 408 "Child is placed for adoption with a placement order, but no
 * placement order has been recorded." - the validator's own data: a
 * missing LS fails. */
static void adoption_without_order_validator_data(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2023);
	vt_cols(&v, EP, "PLACE,LS");
	vt_row(&v, EP, "A5,S");  /* 0 fails */
	vt_row(&v, EP, "V4,T");
	vt_row(&v, EP, "A6,E1");
	vt_row(&v, EP, "U2,");
	vt_row(&v, EP, "A6,U");  /* 4 fails */
	vt_row(&v, EP, "A5,");   /* 5 fails */
	vt_row(&v, EP, "A4,C2");
	vt_row(&v, EP, ",C2");
	assert_string_equal(vt_flags(&v, "408", EP), "0,4,5");
	vt_free(&v);
}

/* 445 "D1 is not a valid code for episodes starting after December
 * 2005." - the validator's own data: 31/12/2005 passes, 01/01/2006 on
 * fails; deleted from lac2024_25, so it runs to 2023/24 only. */
static void freeing_order_late_validator_data(void **state)
{
	(void)state;
	static const struct {
		int year;
		const char *want;
	} years[] = { { 2023, "3,4,7" }, { 2024, "3,4,7" }, { 2025, "" } };
	for (size_t y = 0; y < ARRAY_LEN(years); y++) {
		struct vt v;
		vt_init(&v, years[y].year);
		vt_cols(&v, EP, "LS,DECOM");
		vt_row(&v, EP, "D1,01/11/2005");
		vt_row(&v, EP, "D1,31/12/2005");
		vt_row(&v, EP, "D1,");
		vt_row(&v, EP, "D1,20/01/2006"); /* 3 fails */
		vt_row(&v, EP, "D1,01/10/2012"); /* 4 fails */
		vt_row(&v, EP, "C1,20/02/2005");
		vt_row(&v, EP, "D1,junk");
		vt_row(&v, EP, "D1,01/01/2006"); /* 7 fails */
		assert_string_equal(vt_flags(&v, "445", EP), years[y].want);
		vt_free(&v);
	}
}

/* 446 "E1 is not a valid code for episodes starting before December
 * 2005." - the validator's own data: 01/12/2005 passes, 30/11/2005
 * fails; in every year. */
static void placement_order_early_validator_data(void **state)
{
	(void)state;
	for (int year = 2023; year <= 2027; year += 4) {
		struct vt v;
		vt_init(&v, year);
		vt_cols(&v, EP, "LS,DECOM");
		vt_row(&v, EP, "E1,01/12/2005");
		vt_row(&v, EP, "E1,15/05/2012");
		vt_row(&v, EP, "E1,");
		vt_row(&v, EP, "E1,20/09/2004"); /* 3 fails */
		vt_row(&v, EP, "E1,01/10/2005"); /* 4 fails */
		vt_row(&v, EP, "C1,20/02/2005");
		vt_row(&v, EP, "E1,30/11/2005"); /* 6 fails */
		vt_row(&v, EP, "E1,junk");
		assert_string_equal(vt_flags(&v, "446", EP), "3,4,6");
		vt_free(&v);
	}
}

/* 451 "Child is still freed for adoption, but freeing orders could not be
 * applied for since 30 December 2005." - the validator's own data: D1
 * with DEC and REC both blank; deleted from lac2024_25. */
static void still_freed_validator_data(void **state)
{
	(void)state;
	static const struct {
		int year;
		const char *want;
	} years[] = { { 2023, "3,6" }, { 2024, "3,6" }, { 2025, "" } };
	for (size_t y = 0; y < ARRAY_LEN(years); y++) {
		struct vt v;
		vt_init(&v, years[y].year);
		vt_cols(&v, EP, "CHILD,REC,DEC,LS");
		vt_row(&v, EP, "101,E11,15/03/2021,J2");
		vt_row(&v, EP, "102,E12,17/06/2020,X");
		vt_row(&v, EP, "101,X1,20/03/2020,J2");
		vt_row(&v, EP, "102,,,D1");            /* 3 fails */
		vt_row(&v, EP, "103,E11,23/08/2020,D");
		vt_row(&v, EP, "104,E11,,D1");
		vt_row(&v, EP, "105,,,d1");            /* 6 fails */
		vt_row(&v, EP, "106,,junk,D1");
		assert_string_equal(vt_flags(&v, "451", EP), years[y].want);
		vt_free(&v);
	}
}

/* Every rule here needs Episodes. */
static void legal_rules_need_episodes(void **state)
{
	(void)state;
	static const char *const codes[] = { "358", "359", "361", "362",
					     "363", "364", "378", "408",
					     "445", "446", "451" };
	struct vt v;
	vt_init(&v, 2023);
	vt_cols(&v, HE, "CHILD,DOB");
	vt_row(&v, HE, "A,01/01/2015");
	for (size_t i = 0; i < ARRAY_LEN(codes); i++) {
		assert_string_equal(vt_flags(&v, codes[i], EP), "");
		assert_string_equal(vt_flags(&v, codes[i], HE), "");
	}
	vt_free(&v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(remand_under_10_validator_data),
		cmocka_unit_test(remand_under_10_boundaries),
		cmocka_unit_test(age_rules_need_header),
		cmocka_unit_test(over_18_validator_data),
		cmocka_unit_test(over_18_boundaries),
		cmocka_unit_test(police_protection_validator_data),
		cmocka_unit_test(police_protection_boundaries),
		cmocka_unit_test(police_protection_flows_through_other_status),
		cmocka_unit_test(epo_validator_data),
		cmocka_unit_test(epo_boundaries),
		cmocka_unit_test(cao_validator_data),
		cmocka_unit_test(cao_boundaries),
		cmocka_unit_test(pace_validator_data),
		cmocka_unit_test(pace_boundaries),
		cmocka_unit_test(parent_under_s20_validator_data),
		cmocka_unit_test(adoption_without_order_validator_data),
		cmocka_unit_test(freeing_order_late_validator_data),
		cmocka_unit_test(placement_order_early_validator_data),
		cmocka_unit_test(still_freed_validator_data),
		cmocka_unit_test(legal_rules_need_episodes),
	};
	return RUN(tests);
}
