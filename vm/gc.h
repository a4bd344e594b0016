/*
** gc.h — the collector (gc.c): precise mark and sweep over every object, with an iterative
** gray stack. A native that holds a value across an allocation pushes it as a temporary
** root.
*/
#ifndef MT_GC_H
#define MT_GC_H

#include "vm/state.h"

MT_INTERNAL void mtgc_collect(VM *vm);
MT_INTERNAL void mtgc_mark_value(VM *vm, Value v);
MT_INTERNAL void mtgc_mark_obj(VM *vm, Obj *o);
static inline void mtgc_push_temp(VM *vm, Value v) { vm->temps[vm->ntemps++] = v; }
static inline void mtgc_pop_temp(VM *vm, int n) { vm->ntemps -= n; }
MT_INTERNAL void mtgc_mark_fiber_full(VM *vm, Fiber *f);
MT_INTERNAL void mtgc_drain(VM *vm);
MT_INTERNAL void mtgc_free_all(VM *vm);

#endif
