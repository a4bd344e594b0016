/*
** gc.h — the collector (gc.c): precise mark and sweep over every object, with an iterative
** gray stack. A native that holds a value across an allocation pushes it as a temporary
** root.
*/
#ifndef MT_GC_H
#define MT_GC_H

#include "vm/state.h"

/* A full collection now: mark from the roots, revive what holds cleanup, sweep. */
MT_INTERNAL void mtgc_collect(VM *vm);

/* Marks a value (nothing for non-objects) and queues it to be scanned. */
MT_INTERNAL void mtgc_mark_value(VM *vm, Value v);

/* Marks an object and queues it to be scanned. */
MT_INTERNAL void mtgc_mark_obj(VM *vm, Obj *o);
/* Temporary roots: a native holding a value only in a C variable across an allocation
   pushes it (a collection may run at any allocation), and pops it after. */
static inline void mtgc_push_temp(VM *vm, Value v) { vm->temps[vm->ntemps++] = v; }
static inline void mtgc_pop_temp(VM *vm, int n) { vm->ntemps -= n; }
/* Marks a fiber's stack and frames (a fiber that can run, or a coroutine). */
MT_INTERNAL void mtgc_mark_fiber_full(VM *vm, Fiber *f);

/* Scans queued objects until none is left (marking is iterative). */
MT_INTERNAL void mtgc_drain(VM *vm);

/* Frees every object (VM teardown). */
MT_INTERNAL void mtgc_free_all(VM *vm);

#endif
