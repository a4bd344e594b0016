/*
** num.h — number text (num.c): the shortest float text that reads back exactly, and
** parsing int and float literals and strings.
*/
#ifndef MT_NUM_H
#define MT_NUM_H

#include "vm/value.h"

MT_INTERNAL int mtn_format_double(double d, char *buf); /* shortest round-trip text */

/* Writes v in decimal to buf (room for MTN_INT_CHARS, no terminator); returns the length. */
#define MTN_INT_CHARS 20
MT_INTERNAL int mtn_format_int(int64_t v, char *buf);
MT_INTERNAL bool mtn_parse_int(const char *s, size_t len, int base, int64_t *out);

/* Whether a well-formed int literal does not fit 64 bits (OverflowError, not a bad
   literal). */
MT_INTERNAL bool mtn_int_too_big(const char *s, size_t len, int base);

/* An int or float literal's value (false if it is not one). */
MT_INTERNAL bool mtn_parse_number(const char *s, size_t len, Value *out, VM *vm);

#endif
