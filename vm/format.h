/*
** format.h — format specs of f-strings (format.c): `{x:>8.3f}`.
*/
#ifndef MT_FORMAT_H
#define MT_FORMAT_H

#include "vm/state.h"

/* v formatted by a format spec (`>8.3f`...) as in f"{v:spec}". */
MT_INTERNAL bool mtfmt_format(VM *vm, Value v, String *spec, Value *out);

#endif
