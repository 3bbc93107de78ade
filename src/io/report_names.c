/*
 * report_names.c - unique names for a report's tables (report_names.h).
 */
#include "lib/common.h"
#include "io/report_names.h"

#define NAME_CAP 256

void report_names_free(char **names, size_t n)
{
	if (!names)
		return;
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

static bool taken(char **names, size_t n, const char *const *reserved,
		  const char *name)
{
	for (size_t j = 0; reserved && reserved[j]; j++)
		if (strcasecmp(reserved[j], name) == 0)
			return true;
	for (size_t j = 0; j < n; j++)
		if (strcasecmp(names[j], name) == 0)
			return true;
	return false;
}

int report_names(const struct report *r, size_t max,
		 char (*clean)(unsigned char ch, size_t pos),
		 const char *const *reserved, const char *suffix,
		 char ***out)
{
	if (max >= NAME_CAP)
		max = NAME_CAP - 1;
	char **names = calloc(r->ntables ? r->ntables : 1, sizeof *names);
	if (!names)
		return -1;
	/* Compared without the suffix: kept apart until the end. */
	for (size_t i = 0; i < r->ntables; i++) {
		char base[NAME_CAP], name[NAME_CAP + 16];
		size_t n = 0;
		for (const char *k = r->tables[i].key; *k && n < max; k++)
			base[n] = clean((unsigned char)*k, n), n++;
		base[n] = '\0';
		if (!n)
			snprintf(base, sizeof base, "table");
		snprintf(name, sizeof name, "%s", base);
		for (unsigned k = 2; taken(names, i, reserved, name); k++) {
			char sfx[16];
			int sl = snprintf(sfx, sizeof sfx, "_%u", k);
			int bl = (int)strlen(base);
			if (bl + sl > (int)max)
				bl = (int)max - sl;
			snprintf(name, sizeof name, "%.*s%s", bl, base, sfx);
		}
		size_t len = strlen(name) + 1;
		if (!(names[i] = malloc(len))) {
			report_names_free(names, i);
			return -1;
		}
		memcpy(names[i], name, len);
	}
	for (size_t i = 0; i < r->ntables && suffix && *suffix; i++) {
		size_t len = strlen(names[i]) + strlen(suffix) + 1;
		char *s = malloc(len);
		if (!s) {
			report_names_free(names, r->ntables);
			return -1;
		}
		snprintf(s, len, "%s%s", names[i], suffix);
		free(names[i]);
		names[i] = s;
	}
	*out = names;
	return 0;
}
