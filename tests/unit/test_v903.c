/*
 * test_v903.c - the return as the DfE validator holds it (core/v903.h):
 * cells, dates as pandas reads them, collection years, the orders the
 * rules walk and the derived columns.
 */
#include "v903_fixture.h"
#include "core/v903_int.h"

/* domain-rules §3.1: "Dates are DD/MM/YYYY. Rules parse them with
 * pd.to_datetime(..., format="%d/%m/%Y", errors="coerce"), so an invalid
 * date becomes NaT". */
static void dates_as_pandas_reads_them(void **state)
{
	(void)state;
	assert_date_equal(v903_parse_date("01/06/2020"), D("2020-06-01"));
	assert_date_equal(v903_parse_date("1/6/2020"), D("2020-06-01"));
	assert_date_equal(v903_parse_date("31/12/2020"), D("2020-12-31"));
	assert_date_equal(v903_parse_date(" 1/06/2020"), D("2020-06-01"));
	assert_date_equal(v903_parse_date("29/02/2020"), D("2020-02-29"));
	assert_date_equal(v903_parse_date("29/02/2021"), DATE_NONE);
	assert_date_equal(v903_parse_date("31/04/2021"), DATE_NONE);
	assert_date_equal(v903_parse_date("00/01/2021"), DATE_NONE);
	assert_date_equal(v903_parse_date("32/01/2021"), DATE_NONE);
	assert_date_equal(v903_parse_date("01/13/2021"), DATE_NONE);
	assert_date_equal(v903_parse_date("01/00/2021"), DATE_NONE);
	assert_date_equal(v903_parse_date("2021-01-01"), DATE_NONE);
	assert_date_equal(v903_parse_date("01/01/21"), DATE_NONE);
	assert_date_equal(v903_parse_date("01/01/2021 "), DATE_NONE);
	assert_date_equal(v903_parse_date("01/01/20211"), DATE_NONE);
	assert_date_equal(v903_parse_date(""), DATE_NONE);
	assert_date_equal(v903_parse_date(NULL), DATE_NONE);
	/* outside pandas' Timestamp range */
	assert_date_equal(v903_parse_date("01/01/1600"), DATE_NONE);
	assert_date_equal(v903_parse_date("01/01/2300"), DATE_NONE);
	assert_date_equal(v903_parse_date("22/09/1677"), D("1677-09-22"));
}

/* domain-rules §3.1: collectionYear "2023" is the 2022/23 return, from
 * 01/04/2022 to 31/03/2023. */
static void collection_years(void **state)
{
	(void)state;
	assert_int_equal(v903_year_parse("2022-23"), 2023);
	assert_int_equal(v903_year_parse("2022/23"), 2023);
	assert_int_equal(v903_year_parse("2022_23"), 2023);
	assert_int_equal(v903_year_parse("2023"), 2023);
	assert_int_equal(v903_year_parse("1999-00"), 0);
	assert_int_equal(v903_year_parse("2099-00"), 0);
	assert_int_equal(v903_year_parse("2022-24"), 0);
	assert_int_equal(v903_year_parse("22-23"), 0);
	assert_int_equal(v903_year_parse("2022-23x"), 0);
	struct v903_data d;
	v903_init(&d, 2023);
	assert_date_equal(d.start, D("2022-04-01"));
	assert_date_equal(d.end, D("2023-03-31"));
	v903_free(&d);
}

/* "All strings are then upper-cased"; "An empty cell becomes NaN". */
static void cells_upper_cased_and_blank_missing(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2023);
	vt_cols(&v, V903_REVIEWS, "CHILD,REVIEW_CODE");
	vt_row(&v, V903_REVIEWS, "a1,pn1");
	vt_row(&v, V903_REVIEWS, "a2,");
	const struct v903_rows *r = &v.d.t[V903_REVIEWS];
	assert_string_equal(v903_cell(r, 0, V903_R_CHILD), "A1");
	assert_string_equal(v903_cell(r, 0, V903_R_REVIEW_CODE), "PN1");
	assert_null(v903_cell(r, 1, V903_R_REVIEW_CODE));
	assert_null(v903_cell(r, 0, V903_R_DOB));
	assert_true(v903_in(r, 0, V903_R_REVIEW_CODE, "PN0,PN1,PN2"));
	assert_false(v903_in(r, 0, V903_R_REVIEW_CODE, "PN0,PN10"));
	assert_false(v903_in(r, 1, V903_R_REVIEW_CODE, "PN0,PN1"));
	assert_true(v903_is(r, 0, V903_R_CHILD, "A1"));
	vt_free(&v);
}

/* Rows are walked child by child, each child's by its date (missing
 * dates last), ties in file order: the stable sort the rules use. */
static void rows_in_child_and_date_order(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2023);
	vt_cols(&v, V903_EPISODES, "CHILD,DECOM");
	vt_row(&v, V903_EPISODES, "B,01/02/2022"); /* 0 */
	vt_row(&v, V903_EPISODES, "A,05/01/2022"); /* 1 */
	vt_row(&v, V903_EPISODES, "A,nonsense");   /* 2 */
	vt_row(&v, V903_EPISODES, "A,01/01/2022"); /* 3 */
	vt_row(&v, V903_EPISODES, ",01/01/2022");  /* 4 */
	vt_row(&v, V903_EPISODES, "A,05/01/2022"); /* 5 */
	assert_int_equal(v903_prepare(&v.d, NULL, NULL), 0);
	const struct v903_rows *e = &v.d.t[V903_EPISODES];
	size_t want[] = { 3, 1, 5, 2, 0, 4 };
	for (size_t i = 0; i < ARRAY_LEN(want); i++)
		assert_int_equal(e->order[i], want[i]);
	size_t at = 0;
	assert_int_equal(v903_next_child(e, &at), 4);
	assert_int_equal(v903_next_child(e, &at), 1);
	assert_int_equal(v903_next_child(e, &at), 1);
	assert_int_equal(v903_next_child(e, &at), 0);
	size_t n;
	assert_int_equal(v903_find_child(e, "B", &n), 4);
	assert_int_equal(n, 1);
	v903_find_child(e, "C", &n);
	assert_int_equal(n, 0);
	/* a pandas merge on CHILD pairs a missing CHILD with missing ones */
	v903_find_child(e, NULL, &n);
	assert_int_equal(n, 0);
	assert_int_equal(v903_merge_child(e, NULL, &n), 5);
	assert_int_equal(n, 1);
	assert_int_equal(v903_merge_child(e, "A", &n), 0);
	assert_int_equal(n, 4);
	vt_free(&v);
}

/* "Header.UASC is "1" if the child appears in the UASC file and "0"
 * otherwise. It is only added when both files are loaded." */
static void header_uasc_derived(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2023);
	vt_cols(&v, V903_HEADER, "CHILD");
	vt_row(&v, V903_HEADER, "A");
	vt_row(&v, V903_HEADER, "B");
	vt_cols(&v, V903_UASC, "CHILD");
	vt_row(&v, V903_UASC, "B");
	assert_int_equal(v903_prepare(&v.d, NULL, NULL), 0);
	const struct v903_rows *h = &v.d.t[V903_HEADER];
	assert_string_equal(v903_cell(h, 0, V903_H_UASC), "0");
	assert_string_equal(v903_cell(h, 1, V903_H_UASC), "1");
	vt_free(&v);

	vt_init(&v, 2023);
	vt_cols(&v, V903_HEADER, "CHILD");
	vt_row(&v, V903_HEADER, "A");
	assert_int_equal(v903_prepare(&v.d, NULL, NULL), 0);
	assert_null(v903_cell(&v.d.t[V903_HEADER], 0, V903_H_UASC));
	vt_free(&v);
}

static bool fake_postcode(void *ctx, const char *pc, char la[12], int32_t *e,
			  int32_t *n)
{
	(void)ctx;
	if (strcmp(pc, "XA1 1AA") == 0) {
		snprintf(la, 12, "E09000001");
		*e = 530000;
		*n = 180000;
		return true;
	}
	if (strcmp(pc, "XB1 1AA") == 0) {
		snprintf(la, 12, "E09000002");
		*e = 533000; /* 3 km east, 4 km north: 5 km, 3.1 miles */
		*n = 184000;
		return true;
	}
	if (strcmp(pc, "CF1 1AA") == 0) {
		snprintf(la, 12, "W06000015");
		*e = -1;
		*n = -1;
		return true;
	}
	return false;
}

/* domain-rules §3.1: PL_LA, PL_LOCATION (IN/OUT, or SCO/NIR/WAL) and
 * PL_DISTANCE "miles = sqrt(dE^2+dN^2)/1000/1.6093, rounded to 1 decimal
 * place". */
static void placement_columns_derived(void **state)
{
	(void)state;
	struct vt v;
	vt_init(&v, 2023);
	snprintf(v.d.la, sizeof v.d.la, "E09000001");
	vt_cols(&v, V903_EPISODES, "CHILD,HOME_POST,PL_POST");
	vt_row(&v, V903_EPISODES, "A,XA1 1AA,XB1 1AA");
	vt_row(&v, V903_EPISODES, "A,XB1 1AA,xa1 1aa");
	vt_row(&v, V903_EPISODES, "A,XA1 1AA,CF1 1AA");
	vt_row(&v, V903_EPISODES, "A,XA1 1AA,ZZ9 9ZZ");
	assert_int_equal(v903_prepare(&v.d, fake_postcode, NULL), 0);
	const struct v903_rows *e = &v.d.t[V903_EPISODES];
	assert_string_equal(v903_cell(e, 0, V903_E_PL_LA), "E09000002");
	assert_string_equal(v903_cell(e, 0, V903_E_PL_LOCATION), "OUT");
	assert_string_equal(v903_cell(e, 0, V903_E_PL_DISTANCE), "3.1");
	assert_string_equal(v903_cell(e, 1, V903_E_PL_LOCATION), "IN");
	assert_string_equal(v903_cell(e, 2, V903_E_PL_LA), "WAL");
	assert_string_equal(v903_cell(e, 2, V903_E_PL_LOCATION), "OUT");
	assert_null(v903_cell(e, 2, V903_E_PL_DISTANCE));
	assert_null(v903_cell(e, 3, V903_E_PL_LA));
	assert_null(v903_cell(e, 3, V903_E_PL_LOCATION));
	assert_null(v903_cell(e, 3, V903_E_PL_DISTANCE));
	vt_free(&v);
}

/* Every rule has a code and a message, and its versions' years do not
 * overlap: one version of a rule applies in any year. */
static void rules_registered_once_a_year(void **state)
{
	(void)state;
	size_t n = v903_rule_count();
	for (size_t i = 0; i < n; i++) {
		const struct v903_rule *a = v903_rule_at(i);
		assert_non_null(a->message);
		assert_non_null(a->check);
		for (int y = 2023; y <= 2027; y++)
			for (size_t j = i + 1; j < n; j++) {
				const struct v903_rule *b = v903_rule_at(j);
				if (strcmp(a->code, b->code) == 0 &&
				    v903_rule_applies(a, y) &&
				    v903_rule_applies(b, y))
					fail_msg("rule %s twice in %d", a->code, y);
			}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(dates_as_pandas_reads_them),
		cmocka_unit_test(collection_years),
		cmocka_unit_test(cells_upper_cased_and_blank_missing),
		cmocka_unit_test(rows_in_child_and_date_order),
		cmocka_unit_test(header_uasc_derived),
		cmocka_unit_test(placement_columns_derived),
		cmocka_unit_test(rules_registered_once_a_year),
	};
	return RUN(tests);
}
