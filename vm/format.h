/*
** format.h — format specs of f-strings (format.c): `{x:>8.3f}`.
*/
#ifndef MT_FORMAT_H
#define MT_FORMAT_H

#include "vm/state.h"

MT_INTERNAL bool mtfmt_format(VM *vm, Value v, String *spec, Value *out);

#endif
