/*
 * natsort.h - "natural" order for identifiers: runs of digits compare by
 * value, so child 9 sorts before child 10 and A2 before A10.
 */
#ifndef IRO_NATSORT_H
#define IRO_NATSORT_H

int natcmp(const char *a, size_t alen, const char *b, size_t blen);

#endif
