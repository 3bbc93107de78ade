/*
 * v903_xml.c - the XML form of an SSDA903 return (v903_xml.h).
 *
 * The reader streams the document through expat and holds one child at a
 * time: the validator fills every row of a child from all of the child's
 * leaves (a leaf after a row's element can still set that row's CHILD),
 * so a child's rows are made only when its element ends.
 */
#include "lib/common.h"
#include "lib/xalloc.h"
#include "io/v903_xml.h"

#include <expat.h>

#define CHUNK 65536
/* The levels below the root the form uses: the child (1), HEADER and
 * EPISODE (2), AREVIEW ... AD_PLACED and the header's leaves (3), their
 * leaves (4). */
#define LEVELS 4
/* Every column name of every table, and UASC, fit. */
#define MAX_KEYS (V903_NTABLES * V903_MAX_COLUMNS + 1)
#define NO_TEXT SIZE_MAX

/* The tables the XML form carries: all but SWEpisodes. */
static const enum v903_table XML_TABLES[] = {
	V903_HEADER, V903_EPISODES, V903_REVIEWS, V903_UASC, V903_OC2,
	V903_OC3, V903_AD1, V903_PLACED_ADOPTION, V903_PREV_PERM,
	V903_MISSING,
};

/* The elements that make a row: EPISODE directly in the child (level
 * 2), the others directly in its HEADER (level 3). The writer writes the
 * HEADER's ones in this order. */
struct row_tag {
	const char *tag;
	enum v903_table table;
	size_t level;
};

static const struct row_tag ROW_TAGS[] = {
	{ "EPISODE", V903_EPISODES, 2 },
	{ "AREVIEW", V903_REVIEWS, 3 },
	{ "AMISSING", V903_MISSING, 3 },
	{ "OC2", V903_OC2, 3 },
	{ "PERMANENCE", V903_PREV_PERM, 3 },
	{ "AD_PLACED", V903_PLACED_ADOPTION, 3 },
};

/* The validator renames two tags to the CSV's column names. */
static const char *column_of_tag(const char *tag)
{
	if (strcmp(tag, "CHILDID") == 0)
		return "CHILD";
	if (strcmp(tag, "PL") == 0)
		return "PLACE";
	return tag;
}

/* ---- Reading ---------------------------------------------------------- */

/* A leaf of a row's own element: its column key and its text's offset
 * in the child's arena (NO_TEXT when empty). */
struct entry {
	int key;
	size_t text;
};

/* A row element of the child: its leaves are ents[first .. first+n). */
struct row {
	enum v903_table table;
	size_t first, n;
};

struct reader {
	XML_Parser xp;
	const char *display;
	struct v903_data *d;
	struct problems *p;
	bool failed;

	/* The column names the form can set, each once: leaves with other
	 * names set nothing the validator reads, so they are not kept. */
	const char *keys[MAX_KEYS];
	int nkeys;
	int col_key[V903_NTABLES][V903_MAX_COLUMNS];
	int k_uasc, k_in_touch, k_date_int;

	/* Where the parser is. */
	size_t depth;              /* elements open; the root is 1 */
	bool parent[LEVELS + 1];   /* the element open at each level has
				    * had an element in it: not a leaf */
	bool in_header;            /* the open level-2 element is HEADER */
	size_t row_level;          /* the open row element's level; 0 none */
	size_t children;
	long root_line;

	/* The text of the innermost element open, while it may be a leaf. */
	char text[V903_XML_LEAF_MAX + 1];
	size_t text_len;
	bool too_long;
	long text_line;

	/* The child being read. */
	char *arena;
	size_t arena_len, arena_cap;
	size_t all[MAX_KEYS];      /* its last leaf of each name */
	struct row *rows;
	size_t nrows, cap_rows;
	struct entry *ents;
	size_t nents, cap_ents;
};

static int key_add(struct reader *r, const char *name)
{
	for (int k = 0; k < r->nkeys; k++)
		if (strcmp(r->keys[k], name) == 0)
			return k;
	r->keys[r->nkeys] = name;
	return r->nkeys++;
}

static int key_of(const struct reader *r, const char *name)
{
	for (int k = 0; k < r->nkeys; k++)
		if (strcmp(r->keys[k], name) == 0)
			return k;
	return -1;
}

static long line_now(const struct reader *r)
{
	return (long)XML_GetCurrentLineNumber(r->xp);
}

/* Records a problem found inside a handler and stops the parse. */
static void stop(struct reader *r)
{
	r->failed = true;
	XML_StopParser(r->xp, XML_FALSE);
}

static void out_of_memory(struct reader *r)
{
	problem_add(r->p, false, r->display, 0, NULL, NULL, "out of memory");
	stop(r);
}

static void child_begin(struct reader *r)
{
	r->children++;
	r->arena_len = 0;
	r->nrows = r->nents = 0;
	r->row_level = 0;
	r->in_header = false;
	for (int k = 0; k < r->nkeys; k++)
		r->all[k] = NO_TEXT;
}

/* Adds a row of `table` whose cells are the texts `val` gives each
 * column's key. */
static int add_row(struct reader *r, enum v903_table table,
		   const size_t *val)
{
	const char *cells[V903_MAX_COLUMNS];
	size_t n = V903_TABLES[table].ncolumns;
	for (size_t c = 0; c < n; c++) {
		size_t at = val[r->col_key[table][c]];
		cells[c] = at == NO_TEXT ? NULL : r->arena + at;
	}
	if (v903_add_row(&r->d->t[table], table, cells, n)) {
		out_of_memory(r);
		return -1;
	}
	return 0;
}

/* The child's rows, in the validator's order: Header; UASC, OC3 and AD1
 * when their leaf has text; then one per row element, filled from the
 * child's leaves and then the element's own. */
static void child_end(struct reader *r)
{
	if (add_row(r, V903_HEADER, r->all))
		return;
	if (r->all[r->k_uasc] != NO_TEXT && add_row(r, V903_UASC, r->all))
		return;
	if (r->all[r->k_in_touch] != NO_TEXT && add_row(r, V903_OC3, r->all))
		return;
	if (r->all[r->k_date_int] != NO_TEXT && add_row(r, V903_AD1, r->all))
		return;
	size_t val[MAX_KEYS];
	for (size_t i = 0; i < r->nrows; i++) {
		const struct row *row = &r->rows[i];
		memcpy(val, r->all, (size_t)r->nkeys * sizeof val[0]);
		for (size_t e = row->first; e < row->first + row->n; e++)
			val[r->ents[e].key] = r->ents[e].text;
		if (add_row(r, row->table, val))
			return;
	}
}

static void row_begin(struct reader *r, enum v903_table table, size_t level)
{
	if (GROW(r->rows, r->cap_rows, r->nrows + 1)) {
		out_of_memory(r);
		return;
	}
	r->rows[r->nrows++] = (struct row){ table, r->nents, 0 };
	r->row_level = level;
}

static void leaf_end(struct reader *r, const char *name)
{
	if (r->too_long) {
		r->text[r->text_len] = '\0';
		problem_add(r->p, false, r->display, r->text_line, name,
			    r->text, "this value is longer than %d bytes, "
			    "which no SSDA903 value is",
			    V903_XML_LEAF_MAX);
		stop(r);
		return;
	}
	int k = key_of(r, column_of_tag(name));
	if (k < 0)
		return;
	size_t at = NO_TEXT;
	if (r->text_len) {
		if (GROW(r->arena, r->arena_cap,
			 r->arena_len + r->text_len + 1)) {
			out_of_memory(r);
			return;
		}
		at = r->arena_len;
		memcpy(r->arena + at, r->text, r->text_len);
		r->arena[at + r->text_len] = '\0';
		r->arena_len += r->text_len + 1;
	}
	r->all[k] = at;
	if (r->row_level) {
		if (GROW(r->ents, r->cap_ents, r->nents + 1)) {
			out_of_memory(r);
			return;
		}
		r->ents[r->nents++] = (struct entry){ k, at };
		r->rows[r->nrows - 1].n++;
	}
}

static void XMLCALL on_start(void *ud, const XML_Char *name,
			     const XML_Char **atts)
{
	struct reader *r = ud;
	(void)atts;
	if (r->failed)
		return;
	size_t level = r->depth++;
	if (level >= 1 && level - 1 <= LEVELS)
		r->parent[level - 1] = true;
	if (level > LEVELS)
		return;
	r->parent[level] = false;
	r->text_len = 0;
	r->too_long = false;
	r->text_line = line_now(r);
	if (level == 0) {
		r->root_line = r->text_line;
		return;
	}
	if (level == 1) {
		child_begin(r);
		return;
	}
	if (level == 2)
		r->in_header = strcmp(name, "HEADER") == 0;
	for (size_t i = 0; i < ARRAY_LEN(ROW_TAGS); i++)
		if (ROW_TAGS[i].level == level &&
		    (level == 2 || r->in_header) &&
		    strcmp(name, ROW_TAGS[i].tag) == 0) {
			row_begin(r, ROW_TAGS[i].table, level);
			break;
		}
}

static void XMLCALL on_end(void *ud, const XML_Char *name)
{
	struct reader *r = ud;
	if (r->failed || r->depth == 0)
		return;
	size_t level = --r->depth;
	if (level > LEVELS)
		return;
	if (level >= 1 && !r->parent[level])
		leaf_end(r, name);
	if (r->failed)
		return;
	if (r->row_level == level)
		r->row_level = 0;
	if (level == 1)
		child_end(r);
}

/* Character data counts only in an element that has had no element in
 * it yet: the spaces between elements are not a value. */
static void XMLCALL on_text(void *ud, const XML_Char *s, int len)
{
	struct reader *r = ud;
	if (r->failed || r->depth < 2 || len <= 0)
		return;
	size_t level = r->depth - 1;
	if (level > LEVELS || r->parent[level] || r->too_long)
		return;
	size_t n = (size_t)len;
	if (n > V903_XML_LEAF_MAX - r->text_len) {
		/* Reported when the element ends, and only if it is a
		 * leaf: text before a first element inside is no value. */
		n = V903_XML_LEAF_MAX - r->text_len;
		r->too_long = true;
	}
	memcpy(r->text + r->text_len, s, n);
	r->text_len += n;
}

/* An entity declared in the document could expand without bound (the
 * "billion laughs"); no SSDA903 return needs one. */
static void XMLCALL on_entity_decl(void *ud, const XML_Char *name,
				   int is_parameter, const XML_Char *value,
				   int value_len, const XML_Char *base,
				   const XML_Char *system_id,
				   const XML_Char *public_id,
				   const XML_Char *notation)
{
	struct reader *r = ud;
	(void)is_parameter;
	(void)value;
	(void)value_len;
	(void)base;
	(void)system_id;
	(void)public_id;
	(void)notation;
	if (r->failed)
		return;
	problem_add(r->p, false, r->display, line_now(r), NULL, name,
		    "declares an entity (<!ENTITY %s ...>); iro does not read "
		    "XML that declares entities, as an SSDA903 return needs "
		    "none", name);
	stop(r);
}

/* A reference to an entity expat did not read (declared in an external
 * DTD, which is never loaded): ElementTree refuses these as undefined. */
static void XMLCALL on_skipped(void *ud, const XML_Char *name,
			       int is_parameter)
{
	struct reader *r = ud;
	(void)is_parameter;
	if (r->failed)
		return;
	problem_add(r->p, false, r->display, line_now(r), NULL, name,
		    "uses an entity (&%s;) that is not defined", name);
	stop(r);
}

/* Windows-1252's characters 0x80-0x9F (0: not a character). */
static const unsigned short CP1252[32] = {
	0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
	0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

static bool name_in(const char *name, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(name, list[i]) == 0)
			return true;
	return false;
}

/* Encodings expat lacks but Python (and so the validator) reads, which a
 * council's system may well write: Windows-1252 and Latin-1's other
 * names. Names are compared as Python compares them: lower case, with
 * runs of other characters than letters, digits and dots as one "_". */
static int XMLCALL on_encoding(void *data, const XML_Char *name,
			       XML_Encoding *info)
{
	static const char *const CP1252_NAMES[] = { "cp1252", "windows_1252",
						    "1252" };
	static const char *const LATIN1_NAMES[] = {
		"latin_1", "latin1", "latin", "l1", "iso8859_1", "iso_8859_1",
		"iso8859", "8859", "cp819", "ibm819", "csisolatin1",
		"iso_ir_100", "iso_8859_1_1987",
	};
	(void)data;
	char key[32];
	size_t n = 0;
	bool gap = false;
	for (const char *s = name; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (isalnum(c) || c == '.') {
			if (gap && n > 0 && n + 1 < sizeof key)
				key[n++] = '_';
			gap = false;
			if (n + 1 >= sizeof key)
				return XML_STATUS_ERROR;
			key[n++] = (char)tolower(c);
		} else {
			gap = true;
		}
	}
	key[n] = '\0';
	bool cp1252 = name_in(key, CP1252_NAMES, ARRAY_LEN(CP1252_NAMES));
	if (!cp1252 && !name_in(key, LATIN1_NAMES, ARRAY_LEN(LATIN1_NAMES)))
		return XML_STATUS_ERROR;
	for (int b = 0; b < 256; b++)
		info->map[b] = b;
	if (cp1252)
		for (int b = 0x80; b < 0xA0; b++)
			info->map[b] = CP1252[b - 0x80] ? CP1252[b - 0x80] : -1;
	info->data = NULL;
	info->convert = NULL;
	info->release = NULL;
	return XML_STATUS_OK;
}

static int reader_begin(struct reader *r, const char *display,
			struct v903_data *d, struct problems *p)
{
	memset(r, 0, sizeof *r);
	r->display = display;
	r->d = d;
	r->p = p;
	for (size_t i = 0; i < ARRAY_LEN(XML_TABLES); i++) {
		enum v903_table t = XML_TABLES[i];
		v903_table_present(&d->t[t], t);
		for (size_t c = 0; c < V903_TABLES[t].ncolumns; c++)
			r->col_key[t][c] = key_add(r, V903_TABLES[t].columns[c]);
	}
	r->k_uasc = key_add(r, "UASC");
	r->k_in_touch = key_add(r, "IN_TOUCH");
	r->k_date_int = key_add(r, "DATE_INT");

	/* With namespaces, as ElementTree parses: a name in a namespace
	 * comes as "uri}NAME", which matches no tag of the form. */
	r->xp = XML_ParserCreateNS(NULL, '}');
	if (!r->xp) {
		problem_add(p, false, display, 0, NULL, NULL, "out of memory");
		return -1;
	}
	XML_SetUserData(r->xp, r);
	XML_SetElementHandler(r->xp, on_start, on_end);
	XML_SetCharacterDataHandler(r->xp, on_text);
	XML_SetEntityDeclHandler(r->xp, on_entity_decl);
	XML_SetSkippedEntityHandler(r->xp, on_skipped);
	XML_SetUnknownEncodingHandler(r->xp, on_encoding, NULL);
	XML_SetParamEntityParsing(r->xp, XML_PARAM_ENTITY_PARSING_NEVER);
	return 0;
}

static void reader_free(struct reader *r)
{
	if (r->xp)
		XML_ParserFree(r->xp);
	free(r->arena);
	free(r->rows);
	free(r->ents);
}

/* The validator, like iro's CSV reader, wants UTF-8; expat would read
 * UTF-16, but a file that works here must work there. */
static bool is_utf16(const char *buf, size_t len)
{
	const unsigned char *u = (const unsigned char *)buf;
	return len >= 2 &&
	       ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF) ||
		(u[0] == '<' && u[1] == 0) || (u[0] == 0 && u[1] == '<'));
}

static void refuse_utf16(struct reader *r)
{
	problem_add(r->p, false, r->display, 0, NULL, NULL,
		    "is UTF-16; save it as UTF-8 XML");
	r->failed = true;
}

/* After XML_Parse* failed: says why, unless a handler already has. */
static void parse_failed(struct reader *r)
{
	if (r->failed)
		return;
	r->failed = true;
	enum XML_Error e = XML_GetErrorCode(r->xp);
	long line = line_now(r);
	unsigned long col = (unsigned long)XML_GetCurrentColumnNumber(r->xp) + 1;
	if (e == XML_ERROR_NO_MEMORY)
		problem_add(r->p, false, r->display, 0, NULL, NULL,
			    "out of memory");
	else if (e == XML_ERROR_UNKNOWN_ENCODING ||
		 e == XML_ERROR_INCORRECT_ENCODING)
		problem_add(r->p, false, r->display, line, NULL, NULL,
			    "is in an encoding iro cannot read (%s); save it "
			    "as UTF-8 XML", XML_ErrorString(e));
	else
		problem_add(r->p, false, r->display, line, NULL, NULL,
			    "is not valid XML at column %lu: %s", col,
			    XML_ErrorString(e));
}

/* After the last byte: a return with no child in it is not one. */
static int reader_end(struct reader *r)
{
	if (!r->failed && r->children == 0) {
		problem_add(r->p, false, r->display, r->root_line, NULL, NULL,
			    "holds no children: its root element has no "
			    "elements in it (one per child, <CHILD>)");
		r->failed = true;
	}
	return r->failed ? -1 : 0;
}

int v903_read_xml_buffer(const char *buf, size_t len, const char *display,
			 struct v903_data *d, struct problems *p)
{
	struct reader r;
	if (reader_begin(&r, display, d, p)) {
		reader_free(&r);
		return -1;
	}
	if (is_utf16(buf, len))
		refuse_utf16(&r);
	size_t at = 0;
	while (!r.failed) {
		size_t n = len - at < CHUNK ? len - at : CHUNK;
		bool final = at + n == len;
		if (XML_Parse(r.xp, buf + at, (int)n, final) != XML_STATUS_OK) {
			parse_failed(&r);
			break;
		}
		at += n;
		if (final)
			break;
	}
	int rc = reader_end(&r);
	reader_free(&r);
	return rc;
}

int v903_read_xml(const char *path, const char *display,
		  struct v903_data *d, struct problems *p)
{
	struct reader r;
	if (reader_begin(&r, display, d, p)) {
		reader_free(&r);
		return -1;
	}
	FILE *f = fopen(path, "rb");
	if (!f) {
		problem_add(p, false, display, 0, NULL, NULL,
			    "cannot be read: %s", strerror(errno));
		reader_free(&r);
		return -1;
	}
	bool first = true;
	while (!r.failed) {
		void *chunk = XML_GetBuffer(r.xp, CHUNK);
		if (!chunk) {
			parse_failed(&r);
			break;
		}
		size_t n = fread(chunk, 1, CHUNK, f);
		if (ferror(f)) {
			problem_add(p, false, display, 0, NULL, NULL,
				    "could not be read to the end: %s",
				    strerror(errno));
			r.failed = true;
			break;
		}
		if (first && is_utf16(chunk, n)) {
			refuse_utf16(&r);
			break;
		}
		first = false;
		if (XML_ParseBuffer(r.xp, (int)n, n == 0) != XML_STATUS_OK) {
			parse_failed(&r);
			break;
		}
		if (n == 0)
			break;
	}
	fclose(f);
	int rc = reader_end(&r);
	reader_free(&r);
	return rc;
}

/* ---- Writing ---------------------------------------------------------- */

struct writer {
	FILE *out;
	bool bad;
};

static void put(struct writer *w, const char *s, size_t n)
{
	if (!w->bad && n && fwrite(s, 1, n, w->out) != n)
		w->bad = true;
}

static void puts_w(struct writer *w, const char *s)
{
	put(w, s, strlen(s));
}

/* The length of the UTF-8 sequence at s if it is one character XML
 * allows (XML 1.0 "Char"), else 0. s is NUL-terminated, and a NUL is
 * never a continuation byte, so no read passes the end. */
static size_t xml_char_len(const unsigned char *s)
{
	unsigned c = s[0];
	if (c < 0x80)
		return c >= 0x20 || c == '\t' || c == '\n' || c == '\r';
	size_t n;
	uint32_t cp;
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2;
		cp = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		cp = c & 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		cp = c & 0x07;
	} else {
		return 0;
	}
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3F);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
		return 0;
	if ((cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF)
		return 0;
	return n;
}

/* Text escaped for element content. A carriage return goes as a
 * reference, since a parser turns a raw one into a line feed. */
static void put_text(struct writer *w, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	while (*u) {
		const char *esc = NULL;
		switch (*u) {
		case '&': esc = "&amp;"; break;
		case '<': esc = "&lt;"; break;
		case '>': esc = "&gt;"; break;
		case '"': esc = "&quot;"; break;
		case '\'': esc = "&apos;"; break;
		case '\r': esc = "&#13;"; break;
		default: break;
		}
		if (esc) {
			puts_w(w, esc);
			u++;
			continue;
		}
		size_t n = xml_char_len(u);
		if (n) {
			put(w, (const char *)u, n);
			u += n;
		} else {
			puts_w(w, "\xEF\xBF\xBD");  /* U+FFFD */
			u++;
		}
	}
}

static void leaf(struct writer *w, const char *indent, const char *tag,
		 const char *value)
{
	puts_w(w, indent);
	puts_w(w, "<");
	puts_w(w, tag);
	if (!value || !value[0]) {
		puts_w(w, " />\n");
		return;
	}
	puts_w(w, ">");
	put_text(w, value);
	puts_w(w, "</");
	puts_w(w, tag);
	puts_w(w, ">\n");
}

/* Header rows by CHILD, for finding the first with a given CHILD. */
struct child_key {
	const char *child;  /* NULL: missing */
	size_t row;
};

static int cmp_child(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

static int cmp_key(const void *pa, const void *pb)
{
	const struct child_key *a = pa, *b = pb;
	int c = cmp_child(a->child, b->child);
	if (c)
		return c;
	return (a->row > b->row) - (a->row < b->row);
}

/* The first Header row whose CHILD is `child`, or SIZE_MAX. */
static size_t owner_of(const struct child_key *keys, size_t n,
		       const char *child)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cmp_child(keys[mid].child, child) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && cmp_child(keys[lo].child, child) == 0 ? keys[lo].row
							      : SIZE_MAX;
}

/* One table's rows grouped by the Header row they go under, each group
 * in the table's order: rows[start[h] .. start[h+1]). */
struct groups {
	size_t *start;
	size_t *rows;
};

static int group(struct groups *g, const struct v903_rows *t,
		 const struct child_key *keys, size_t nheader)
{
	g->start = calloc(nheader + 2, sizeof *g->start);
	g->rows = malloc((t->nrows ? t->nrows : 1) * sizeof *g->rows);
	size_t *owner = malloc((t->nrows ? t->nrows : 1) * sizeof *owner);
	if (!g->start || !g->rows || !owner) {
		free(owner);
		return -1;
	}
	/* A counting sort: start[h+1] counts h's rows, then becomes where
	 * h's group begins, advancing as they are placed. */
	for (size_t i = 0; i < t->nrows; i++) {
		owner[i] = owner_of(keys, nheader, v903_cell(t, i, 0));
		if (owner[i] != SIZE_MAX)
			g->start[owner[i] + 2]++;
	}
	for (size_t h = 2; h < nheader + 2; h++)
		g->start[h] += g->start[h - 1];
	for (size_t i = 0; i < t->nrows; i++)
		if (owner[i] != SIZE_MAX)
			g->rows[g->start[owner[i] + 1]++] = i;
	free(owner);
	return 0;
}

static void groups_free(struct groups *g)
{
	free(g->start);
	free(g->rows);
}

/* The leaves of columns `from` on of row `row` of `table`. */
static void row_leaves(struct writer *w, const char *indent,
		       const struct v903_rows *t, enum v903_table table,
		       size_t row, size_t from)
{
	const struct v903_table_def *def = &V903_TABLES[table];
	for (size_t c = from; c < def->ncolumns; c++) {
		const char *tag = def->columns[c];
		if (table == V903_EPISODES && c == V903_E_PLACE)
			tag = "PL";
		leaf(w, indent, tag, row == SIZE_MAX ? NULL
					     : v903_cell(t, row, (int)c));
	}
}

/* The tables written under a child, in the order g[] holds them. */
static const enum v903_table GROUPED[] = {
	V903_UASC, V903_OC3, V903_AD1, V903_EPISODES, V903_REVIEWS,
	V903_MISSING, V903_OC2, V903_PREV_PERM, V903_PLACED_ADOPTION,
};

static size_t first_of(const struct groups *g, size_t h)
{
	return g->start[h] < g->start[h + 1] ? g->rows[g->start[h]]
					     : SIZE_MAX;
}

static void write_child(struct writer *w, const struct v903_data *d,
			const struct groups *g, size_t h)
{
	const struct v903_rows *hd = &d->t[V903_HEADER];
	const struct groups *uasc = &g[0], *oc3 = &g[1], *ad1 = &g[2],
			    *eps = &g[3];
	size_t u = first_of(uasc, h);
	puts_w(w, "  <CHILD>\n    <HEADER>\n");
	const char *in = "      ";
	leaf(w, in, "CHILDID", v903_cell(hd, h, V903_H_CHILD));
	leaf(w, in, "UPN", v903_cell(hd, h, V903_H_UPN));
	leaf(w, in, "SEX", v903_cell(hd, h, V903_H_SEX));
	leaf(w, in, "DOB", v903_cell(hd, h, V903_H_DOB));
	leaf(w, in, "ETHNIC", v903_cell(hd, h, V903_H_ETHNIC));
	leaf(w, in, "UASC", u != SIZE_MAX ? "1" : NULL);
	leaf(w, in, "DUC", u != SIZE_MAX ? v903_cell(&d->t[V903_UASC], u,
						     V903_U_DUC)
					 : NULL);
	leaf(w, in, "MOTHER", v903_cell(hd, h, V903_H_MOTHER));
	leaf(w, in, "MC_DOB", v903_cell(hd, h, V903_H_MC_DOB));
	/* CHILD and DOB of the other rows are the header's when read. */
	row_leaves(w, in, &d->t[V903_OC3], V903_OC3, first_of(oc3, h), 2);
	row_leaves(w, in, &d->t[V903_AD1], V903_AD1, first_of(ad1, h), 2);
	for (size_t i = 1; i < ARRAY_LEN(ROW_TAGS); i++) {
		enum v903_table t = ROW_TAGS[i].table;
		const struct groups *gt = NULL;
		for (size_t j = 0; j < ARRAY_LEN(GROUPED); j++)
			if (GROUPED[j] == t)
				gt = &g[j];
		for (size_t k = gt->start[h]; k < gt->start[h + 1]; k++) {
			puts_w(w, "      <");
			puts_w(w, ROW_TAGS[i].tag);
			puts_w(w, ">\n");
			row_leaves(w, "        ", &d->t[t], t, gt->rows[k], 2);
			puts_w(w, "      </");
			puts_w(w, ROW_TAGS[i].tag);
			puts_w(w, ">\n");
		}
	}
	puts_w(w, "    </HEADER>\n");
	for (size_t k = eps->start[h]; k < eps->start[h + 1]; k++) {
		puts_w(w, "    <EPISODE>\n");
		row_leaves(w, in, &d->t[V903_EPISODES], V903_EPISODES,
			   eps->rows[k], 1);
		puts_w(w, "    </EPISODE>\n");
	}
	puts_w(w, "  </CHILD>\n");
}

int v903_write_xml(FILE *out, const struct v903_data *d)
{
	struct writer w = { out, false };
	const struct v903_rows *hd = &d->t[V903_HEADER];
	size_t nh = hd->nrows;
	struct groups g[ARRAY_LEN(GROUPED)];
	memset(g, 0, sizeof g);
	struct child_key *keys = malloc((nh ? nh : 1) * sizeof *keys);
	int rc = -1;
	if (!keys)
		goto done;
	for (size_t h = 0; h < nh; h++)
		keys[h] = (struct child_key){ v903_cell(hd, h, V903_H_CHILD), h };
	qsort(keys, nh, sizeof *keys, cmp_key);
	for (size_t i = 0; i < ARRAY_LEN(GROUPED); i++)
		if (group(&g[i], &d->t[GROUPED[i]], keys, nh))
			goto done;

	puts_w(&w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<EXPSSDA903>\n");
	for (size_t h = 0; h < nh && !w.bad; h++)
		write_child(&w, d, g, h);
	puts_w(&w, "</EXPSSDA903>\n");
	if (fflush(out) == 0 && !w.bad && !ferror(out))
		rc = 0;
done:
	for (size_t i = 0; i < ARRAY_LEN(GROUPED); i++)
		groups_free(&g[i]);
	free(keys);
	return rc;
}
