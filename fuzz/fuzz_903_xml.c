/*
 * fuzz_903_xml.c - libFuzzer target for the XML form of an SSDA903 return
 * (io/v903_xml.h).
 *
 * Each input is read as a return, prepared and validated for 2022/23, as
 * iro does with a council's file, so that a crafted file can reach every
 * rule with whatever rows the reader makes of it. Then the writer is
 * checked on what was read: its output must read back without error and
 * write again byte for byte the same (writing what was read is where
 * the form's losses happen, so only that second round must be exact).
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -std=c17 \
 *     -D_POSIX_C_SOURCE=200809L -Isrc fuzz/fuzz_903_xml.c \
 *     src/io/v903_xml.c src/core/\*.c src/lib/\*.c -lexpat -lm -o fuzz_903_xml
 *   ./fuzz_903_xml -max_total_time=60 CORPUS_COPY fuzz/corpus/903_xml
 */
#include "lib/common.h"
#include "core/problem.h"
#include "core/v903.h"
#include "io/v903_xml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* d written as XML into a new buffer (*len bytes); NULL on failure. */
static char *write_mem(const struct v903_data *d, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);
	if (!f)
		return NULL;
	int rc = v903_write_xml(f, d);
	if (fclose(f) != 0 || rc != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

static void check_round_trip(const struct v903_data *d)
{
	size_t len1 = 0, len2 = 0;
	char *xml1 = write_mem(d, &len1);
	if (!xml1)
		return;  /* out of memory: nothing to check */
	if (d->t[V903_HEADER].nrows == 0) {
		free(xml1);  /* no child: reading it back is rightly refused */
		return;
	}
	struct v903_data back;
	struct problems p;
	v903_init(&back, d->year);
	problems_init(&p);
	if (v903_read_xml_buffer(xml1, len1, "written.xml", &back, &p) != 0) {
		if (!p.out_of_memory && !back.out_of_memory) {
			char line[512];
			problem_format(&p.v[0], line, sizeof line);
			fprintf(stderr, "written XML does not read back: %s\n",
				line);
			abort();
		}
	} else {
		char *xml2 = write_mem(&back, &len2);
		if (xml2 && (len1 != len2 || memcmp(xml1, xml2, len1) != 0)) {
			fprintf(stderr, "writing what was read changes it:\n"
					"--- first\n%.*s\n--- second\n%.*s\n",
				(int)len1, xml1, (int)len2, xml2);
			abort();
		}
		free(xml2);
	}
	problems_free(&p);
	v903_free(&back);
	free(xml1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct v903_data d;
	struct problems p;
	v903_init(&d, 2023);
	problems_init(&p);
	/* Rows read before a failure are still rows: the rules run on them
	 * too, to reach more of the rules with odd data. */
	int rc = v903_read_xml_buffer((const char *)data, size, "fuzz.xml",
				      &d, &p);
	if (v903_prepare(&d, NULL, NULL) == 0) {
		struct v903_result r;
		memset(&r, 0, sizeof r);
		v903_validate(&d, NULL, &r);
		v903_result_free(&r);
	}
	if (rc == 0)
		check_round_trip(&d);
	problems_free(&p);
	v903_free(&d);
	return 0;
}
