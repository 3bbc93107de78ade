/*
 * common.h - the one header every iro source file includes first.
 *
 * It pulls in every system header the project uses, then banned.h, so that
 * the banned-function macros never reach libc's own declarations (with
 * _FORTIFY_SOURCE, glibc defines inline wrappers that a macro would break).
 * A system header first included after this one would be compiled with the
 * macros in force, so add new system headers here, not in the .c file.
 */
#ifndef IRO_COMMON_H
#define IRO_COMMON_H

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <pwd.h>
#include <semaphore.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#include "lib/banned.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#if defined(__GNUC__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTF_LIKE(f, a)
#endif

#endif
