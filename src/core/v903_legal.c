/*
 * v903_legal.c - DfE validation rules: (to be written).
 */
#include "lib/common.h"
#include "core/v903_int.h"

const struct v903_rule V903_RULES_LEGAL[] = {
	{ NULL, NULL, 0, 0, NULL },
};
