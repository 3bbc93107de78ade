/*
 * xalloc.h - allocation helpers for growable arrays.
 *
 * grow() makes room for `need` elements in an array it owns through *p,
 * doubling its capacity; it returns -1 (leaving the array as it was) when
 * memory runs out or the size would overflow. Callers own the array and
 * free() it.
 */
#ifndef IRO_XALLOC_H
#define IRO_XALLOC_H

int grow(void **p, size_t *cap, size_t need, size_t elem);

#define GROW(arr, cap, need) grow((void **)&(arr), &(cap), (need), sizeof *(arr))

#endif
