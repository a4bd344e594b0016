/*
** utf8.h — validating UTF-8 text (utf8.c).
*/
#ifndef MT_UTF8_H
#define MT_UTF8_H

#include <stdbool.h>
#include <stddef.h>

#include "vm/common.h"

/* True if src[0..len) is valid UTF-8 without NUL bytes; else false with the line and
   column (1-based, in code points) of the first bad byte. */
MT_INTERNAL bool mtu8_check(const char *src, size_t len, int *line, int *col);

#endif
