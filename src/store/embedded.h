/*
 * embedded.h - files compiled into the binary by tools/embed.c.
 */
#ifndef IRO_EMBEDDED_H
#define IRO_EMBEDDED_H

#include <stddef.h>

struct embedded_file {
	const char *name;
	const char *text;
};

/* The schema migrations, src/store/schema/NNN_*.sql, in order. */
extern const struct embedded_file store_migrations[];
extern const size_t store_migrations_count;

#endif
