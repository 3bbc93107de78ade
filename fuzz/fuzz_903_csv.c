/*
 * fuzz_903_csv.c - libFuzzer target: any bytes as one SSDA903 CSV file,
 * read (io/v903_files.h), prepared and checked by every DfE rule of
 * 2022/23 and of 2025/26. Nothing may crash, leak or read out of bounds,
 * whatever the bytes.
 */
#include "lib/common.h"
#include "core/v903.h"
#include "io/v903_files.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(struct v903_data *d, int year)
{
	struct v903_result r;
	memset(&r, 0, sizeof r);
	v903_set_year(d, year);
	v903_validate(d, NULL, &r);
	v903_result_free(&r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct v903_data d;
	struct v903_files files;
	struct problems p;
	v903_init(&d, 2023);
	memset(&files, 0, sizeof files);
	problems_init(&p);
	/* The same bytes as this year's file and as last year's. */
	v903_read_csv_buffer((const char *)data, size, "fuzz.csv", d.t,
			     &files, &p);
	struct v903_files last;
	memset(&last, 0, sizeof last);
	v903_read_csv_buffer((const char *)data, size, "fuzz.csv", d.last,
			     &last, &p);
	if (v903_prepare(&d, NULL, NULL) == 0) {
		check(&d, 2023);
		check(&d, 2026);
	}
	problems_free(&p);
	v903_files_free(&files);
	v903_files_free(&last);
	v903_free(&d);
	return 0;
}
