/*
 * v903_xml.h - the XML form of an SSDA903 return, read the way the DfE
 * validator reads it (read_xml_from_text, domain-rules §3.1) and written
 * so that reading it back gives the same rows.
 *
 * The form: a root element (<EXPSSDA903>) holding one element per child
 * (<CHILD>); in it a <HEADER> with the child's leaves (CHILDID, UPN, SEX,
 * DOB, ETHNIC, UASC, DUC, MOTHER, MC_DOB, the OC3 and AD1 leaves) and
 * the sub-elements AREVIEW (Reviews), AMISSING (Missing), OC2, PERMANENCE
 * (PrevPerm) and AD_PLACED (PlacedAdoption); then <EPISODE> elements.
 *
 * What the validator makes of a child, and so what iro makes of it:
 *  - Every leaf anywhere in the child (an element with no elements in it)
 *    goes into the child's "all data", the later of two leaves with one
 *    name winning; CHILDID is read as CHILD and PL as PLACE. A leaf's text
 *    is all its character data, spaces and all; an empty leaf is missing.
 *  - Each row is filled from the all data, then from its own element's
 *    leaves: a Reviews row takes CHILD and DOB from the header, and a
 *    column its element lacks takes the child's last leaf of that name.
 *  - Every child gives a Header row; a UASC row when its UASC leaf has
 *    text, an OC3 row when IN_TOUCH has text, an AD1 row when DATE_INT
 *    has text; an Episodes row per EPISODE element directly in the child,
 *    and a row per AREVIEW ... AD_PLACED element directly in a HEADER.
 *  - Element names are matched exactly and with their namespace, as
 *    Python's ElementTree names them: <EPISODE xmlns="x"> is not an
 *    EPISODE.
 * The XML form has no SWEpisodes. Header's UASC column is left to
 * v903_prepare.
 *
 * iro departs from the validator only to stay safe: a document that
 * declares entities is refused (a "billion laughs" file would otherwise
 * expand without bound), external entities and DTDs are never loaded, a
 * leaf's text is limited to V903_XML_LEAF_MAX bytes, and elements more
 * than 4 levels below the root (deeper than the form goes) are parsed
 * but not read. A UTF-16 file is refused, as the CSV reader refuses one.
 */
#ifndef IRO_V903_XML_H
#define IRO_V903_XML_H

#include <stddef.h>
#include <stdio.h>

#include "core/problem.h"
#include "core/v903.h"

#define V903_XML_LEAF_MAX 4096

/* Reads the XML return at `path` (named `display` in problems, which
 * must outlive them) into d's tables (this year's, d->t), marking every
 * table the XML form can carry loaded even when it gets no rows. Returns
 * 0, or -1 with the reasons in p: the file and the line, and what is
 * wrong (not well-formed XML, UTF-16, no child elements, a leaf over
 * V903_XML_LEAF_MAX bytes, an entity declared). Rows read before a
 * failure stay in d, which the caller should discard. */
int v903_read_xml(const char *path, const char *display,
		  struct v903_data *d, struct problems *p);

/* The same over len bytes in memory (for the fuzzer and the tests). */
int v903_read_xml_buffer(const char *buf, size_t len, const char *display,
			 struct v903_data *d, struct problems *p);

/* Writes d's tables (this year's) as one XML return, UTF-8: a CHILD
 * element per Header row in Header order, every leaf present (an empty
 * cell as <TAG />), and each other table's rows under the first Header
 * row with the same CHILD (missing CHILD goes with missing CHILD), in
 * their table's order. What the form cannot hold is left out or comes
 * back changed when read: SWEpisodes; rows whose CHILD has no Header
 * row; a row's DOB (and a UASC row's SEX), which reading takes from the
 * child's Header row; beyond a child's first UASC, OC3 or AD1 row; an
 * OC3 row with no IN_TOUCH or an AD1 row with no DATE_INT (reading makes
 * none). Bytes that are not UTF-8, and characters XML cannot hold
 * (control characters other than tab, line feed and carriage return),
 * are written as U+FFFD. Returns 0, or -1 when writing fails. */
int v903_write_xml(FILE *out, const struct v903_data *d);

#endif
