/*
 * synth_names.h - made-up names for the synthetic service: people, the
 * authority, teams. Every name is a pure function of its arguments.
 */
#ifndef IRO_SYNTH_NAMES_H
#define IRO_SYNTH_NAMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The k-th IRO's name: different for every k below NAMES_UNIQUE. */
#define NAMES_UNIQUE 216000UL
void name_iro(unsigned long k, char *out, size_t size);

/* A given name and a family name chosen by h; `uasc` draws from the
 * countries most unaccompanied children come from. */
const char *name_given(uint64_t h, bool male, bool uasc);
const char *name_family(uint64_t h, bool uasc);

/* "Given Family", chosen by h. */
void name_person(uint64_t h, char *out, size_t size);

/* A made-up council, chosen by h. */
const char *name_authority(uint64_t h);

#endif
