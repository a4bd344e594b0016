/*
** interp.h — the contract between the dispatch loop (vm.c), its slow paths (call.c, ops.c)
** and the scheduler (sched.c).
**
** Slow paths run with the loop's registers stored (fiber->top, frame->ip) and report what
** the loop must do next.
*/
#ifndef MT_INTERP_H
#define MT_INTERP_H

#include "vm/vm.h"

typedef enum {
    STEP_DONE,   /* finished in place; the result is on top of the stack (fiber->top) */
    STEP_FRAME,  /* a frame was pushed: reload and continue in it */
    STEP_ERROR,  /* vm->error holds a fresh error */
    STEP_SWITCH, /* the current fiber changed (suspended, parked or finished) */
    STEP_JUMP,   /* FOR_ITER: the iteration ended; take the jump */
} Step;

/* The AttrCache key for a builtin type's method: a small number no Class pointer can equal.
   Threads and coroutines share an object type but not their methods, so they differ here. */
static inline void *mtcall_builtin_key(Obj *o) {
    uintptr_t k = (uintptr_t)o->type + 1;
    if (o->type == OBJ_FIBER && (o->flags & FIBER_THREAD)) k += OBJ__COUNT;
    return (void *)k;
}

/* call.c */
MT_INTERNAL Step mtcall_call(VM *vm, Fiber *f, Value *callee, int argc);
MT_INTERNAL Step mtcall_call_kw(VM *vm, Fiber *f, Value *callee, int argc, List *names);
MT_INTERNAL Step mtcall_invoke(VM *vm, Fiber *f, int argc, AttrCache *ac);
MT_INTERNAL Step mtcall_invoke_kw(VM *vm, Fiber *f, int argc, AttrCache *ac, List *names);
MT_INTERNAL Step mtcall_super_invoke(VM *vm, Fiber *f, int argc, AttrCache *ac, Class *super);
MT_INTERNAL bool mtcall_get_cached(VM *vm, Value obj, AttrCache *ac, Value *out);
MT_INTERNAL bool mtcall_set_cached(VM *vm, Value obj, AttrCache *ac, Value v);
MT_INTERNAL Step mtcall_native_result(VM *vm, Fiber *f, Value *args, int r);

/* ops.c: operators, indexing, iteration */
MT_INTERNAL bool mtop_arith(VM *vm, int op, Value a, Value b, Value *out);
MT_INTERNAL bool mtop_compare(VM *vm, int op, Value a, Value b, Value *out);
MT_INTERNAL bool mtop_unary(VM *vm, int op, Value a, Value *out);
MT_INTERNAL bool mtop_contains(VM *vm, Value container, Value item, bool *out);
MT_INTERNAL bool mtop_get_index(VM *vm, Value obj, Value key, Value *out);
MT_INTERNAL bool mtop_set_index(VM *vm, Value obj, Value key, Value v);
MT_INTERNAL bool mtop_slice(VM *vm, Value obj, Value lo, Value hi, Value *out);
MT_INTERNAL Step mtop_iter(VM *vm, Fiber *f);
MT_INTERNAL Step mtop_for_iter(VM *vm, Fiber *f);
MT_INTERNAL bool mtfmt_format(VM *vm, Value v, String *spec, Value *out);
MT_INTERNAL Value mto_int(VM *vm, int64_t i);

/* sched.c: a fiber whose first frame returned or failed (the thread or coroutine ends) */
MT_INTERNAL void mts_fiber_returned(VM *vm, Fiber *f, Value result);
MT_INTERNAL void mts_fiber_failed(VM *vm, Fiber *f, Value exc);

/* module.c */
MT_INTERNAL Step mtmod_import(VM *vm, Fiber *f, String *name);

/* gc.c */
MT_INTERNAL void mtgc_mark_fiber_full(VM *vm, Fiber *f);
MT_INTERNAL void mtgc_drain(VM *vm);

#endif
