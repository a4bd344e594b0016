/*
** utf8.h — validating UTF-8 text (utf8.c).
*/
#ifndef MT_UTF8_H
#define MT_UTF8_H

#include <stdbool.h>
#include <stddef.h>

#include "vm/common.h"

MT_INTERNAL bool mtu8_check(const char *src, size_t len, int *line, int *col);

#endif
