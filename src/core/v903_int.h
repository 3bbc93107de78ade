/*
 * v903_int.h - what the rule families share (v903.h). Each family file
 * defines one array of rules, ended by an entry with a NULL code; v903.c
 * runs them in this order.
 */
#ifndef IRO_V903_INT_H
#define IRO_V903_INT_H

#include "core/v903.h"

extern const struct v903_rule V903_RULES_HEADER[];      /* v903_header.c */
extern const struct v903_rule V903_RULES_REVIEWS[];     /* v903_reviews.c */
extern const struct v903_rule V903_RULES_EPISODE_FIELDS[]; /* v903_episode_fields.c */
extern const struct v903_rule V903_RULES_CHRONOLOGY[];  /* v903_chronology.c */
extern const struct v903_rule V903_RULES_CONTINUITY[];  /* v903_continuity.c */
extern const struct v903_rule V903_RULES_LEGAL[];       /* v903_legal.c */
extern const struct v903_rule V903_RULES_SHORT_BREAKS[]; /* v903_short_breaks.c */
extern const struct v903_rule V903_RULES_TEMPORARY[];   /* v903_temporary.c */

#endif
