/*
 * synth_json.c - JSON lines written straight into a buffer (synth_json.h).
 */
#include "lib/common.h"
#include "core/date.h"
#include "io/synth_json.h"

void jl_free(struct jline *j)
{
	free(j->buf);
	memset(j, 0, sizeof *j);
}

/* Room for n more bytes. */
static bool room(struct jline *j, size_t n)
{
	if (j->oom)
		return false;
	if (j->buf && j->len + n <= j->cap)
		return true;
	size_t cap = j->cap ? j->cap : 4096;
	while (cap < j->len + n)
		cap *= 2;
	char *p = realloc(j->buf, cap);
	if (!p) {
		j->oom = true;
		return false;
	}
	j->buf = p;
	j->cap = cap;
	return true;
}

static void put(struct jline *j, const char *s, size_t n)
{
	if (room(j, n)) {
		memcpy(j->buf + j->len, s, n);
		j->len += n;
	}
}

static void puts_(struct jline *j, const char *s)
{
	put(j, s, strlen(s));
}

/* A string, quoted and escaped. */
static void quoted(struct jline *j, const char *s)
{
	size_t n = strlen(s);
	/* at worst every byte becomes \u00XX */
	if (!room(j, 6 * n + 2))
		return;
	char *o = j->buf + j->len;
	*o++ = '"';
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		unsigned char c = *p;
		if (c == '"' || c == '\\') {
			*o++ = '\\';
			*o++ = (char)c;
		} else if (c < 0x20) {
			static const char HEX[] = "0123456789abcdef";
			memcpy(o, "\\u00", 4);
			o[4] = HEX[c >> 4];
			o[5] = HEX[c & 15];
			o += 6;
		} else {
			*o++ = (char)c;
		}
	}
	*o++ = '"';
	j->len = (size_t)(o - j->buf);
}

/* ,"key": (the comma unless it is the first at this depth). Keys are the
 * field names of docs/records.md, which need no escaping. */
static void key(struct jline *j, const char *k)
{
	size_t n = k ? strlen(k) : 0;
	if (!room(j, n + 4))
		return;
	char *o = j->buf + j->len;
	if (!j->first[j->depth])
		*o++ = ',';
	j->first[j->depth] = false;
	if (k) {
		*o++ = '"';
		memcpy(o, k, n);
		o += n;
		*o++ = '"';
		*o++ = ':';
	}
	j->len = (size_t)(o - j->buf);
}

void jl_start(struct jline *j, const char *type)
{
	j->len = 0;
	j->depth = 0;
	j->first[0] = true;
	put(j, "{", 1);
	jl_text(j, "type", type);
}

void jl_text(struct jline *j, const char *k, const char *v)
{
	if (!v || !*v)
		return;
	key(j, k);
	quoted(j, v);
}

/* Writes n digits of v, zero-padded. */
static char *digits(char *o, int v, int n)
{
	for (int i = n - 1; i >= 0; i--) {
		o[i] = (char)('0' + v % 10);
		v /= 10;
	}
	return o + n;
}

/* "YYYY-MM-DD" into o; returns the end. A record names the same day
 * often (a review's held date is in it three or four times), so the last
 * day is kept. */
static char *iso(struct jline *j, char *o, int32_t day)
{
	if (day != j->last_day || !j->last_iso[0]) {
		int y, m, d;
		date_to_ymd(day, &y, &m, &d);
		char *t = digits(j->last_iso, y, 4);
		*t++ = '-';
		t = digits(t, m, 2);
		*t++ = '-';
		digits(t, d, 2);
		j->last_day = day;
	}
	memcpy(o, j->last_iso, DATE_ISO_LEN);
	return o + DATE_ISO_LEN;
}

void jl_date(struct jline *j, const char *k, int32_t day)
{
	if (day == DATE_NONE)
		return;
	key(j, k);
	if (!room(j, DATE_ISO_LEN + 2))
		return;
	char *o = j->buf + j->len;
	*o++ = '"';
	o = iso(j, o, day);
	*o++ = '"';
	j->len = (size_t)(o - j->buf);
}

void jl_time(struct jline *j, const char *k, int32_t day, int minute)
{
	key(j, k);
	/* "YYYY-MM-DDTHH:MM:00.000Z" */
	if (!room(j, 26))
		return;
	char *o = j->buf + j->len;
	*o++ = '"';
	o = iso(j, o, day);
	*o++ = 'T';
	o = digits(o, minute / 60 % 24, 2);
	*o++ = ':';
	o = digits(o, minute % 60, 2);
	memcpy(o, ":00.000Z\"", 9);
	j->len = (size_t)(o + 9 - j->buf);
}

void jl_int(struct jline *j, const char *k, long v)
{
	char s[24], *o = s + sizeof s;
	unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
	do
		*--o = (char)('0' + u % 10);
	while ((u /= 10) > 0);
	if (v < 0)
		*--o = '-';
	key(j, k);
	put(j, o, (size_t)(s + sizeof s - o));
}

void jl_bool(struct jline *j, const char *k, bool v)
{
	key(j, k);
	puts_(j, v ? "true" : "false");
}

void jl_number(struct jline *j, const char *k, const char *literal)
{
	key(j, k);
	puts_(j, literal);
}

/* Opens a nested list or object. */
static void open_nested(struct jline *j, char c)
{
	put(j, &c, 1);
	if (j->depth + 1 < JL_DEPTH)
		j->first[++j->depth] = true;
	else
		j->oom = true; /* deeper than any record goes */
}

void jl_list(struct jline *j, const char *k)
{
	key(j, k);
	open_nested(j, '[');
}

void jl_item(struct jline *j)
{
	key(j, NULL);
	open_nested(j, '{');
}

void jl_close(struct jline *j)
{
	if (j->depth == 0) {
		j->oom = true;
		return;
	}
	/* lists are at odd depths, their items at even ones */
	put(j, j->depth % 2 ? "]" : "}", 1);
	j->depth--;
}

int jl_write(struct jline *j, FILE *f)
{
	put(j, "}\n", 2);
	if (j->oom || j->depth != 0)
		return -1;
	return fwrite(j->buf, 1, j->len, f) == j->len ? 0 : -1;
}
