/*
** call.h — calls and attributes (call.c): calling any callable, invoking methods through
** inline caches, reading and setting attributes.
*/
#ifndef MT_CALL_H
#define MT_CALL_H

#include "vm/vm.h"

/* The AttrCache key for a builtin type's method: a small number no Class pointer can equal.
   Threads and coroutines (sets and frozensets) share an object type but not their methods,
   so they differ here. */
static inline void *mtcall_builtin_key(Obj *o) {
    uintptr_t k = (uintptr_t)o->type + 1;
    if (o->type == OBJ_FIBER && (o->flags & FIBER_THREAD)) k += OBJ__COUNT;
    if (o->type == OBJ_SET && (o->flags & SET_FROZEN)) k += OBJ__COUNT;
    return (void *)k;
}

/* Calls the callable at *callee with argc arguments above it: pushes a frame for Mt code
   (STEP_FRAME), runs a native, constructs an instance... */
MT_INTERNAL Step mtcall_call(VM *vm, Fiber *f, Value *callee, int argc);

/* As mtcall_call with the last arguments passed by name (names lists them). */
MT_INTERNAL Step mtcall_call_kw(VM *vm, Fiber *f, Value *callee, int argc, List *names);

/* obj.name(args) at an INVOKE site, with its inline cache ac: the receiver is below the
   arguments. */
MT_INTERNAL Step mtcall_invoke(VM *vm, Fiber *f, int argc, AttrCache *ac);

/* mtcall_invoke with keyword arguments. */
MT_INTERNAL Step mtcall_invoke_kw(VM *vm, Fiber *f, int argc, AttrCache *ac, List *names);

/* super.name(args): the method of the base class `super` on the same self. */
/* ARGS_EXTRA, the prologue of a function with *args, keyword-only parameters or **kw. */
MT_INTERNAL Step mtcall_args_extra(VM *vm, Fiber *f, Closure *cl);

/* The instructions of spread calls f(*xs, **m) (opcodes.h); i is the instruction. */
MT_INTERNAL Step mtcall_args_iter(VM *vm, Fiber *f, Instr i, Proto *p);
MT_INTERNAL Step mtcall_kw_merge(VM *vm, Fiber *f, Instr i, Proto *p);
MT_INTERNAL Step mtcall_call_spread(VM *vm, Fiber *f, Instr i, Proto *p);

MT_INTERNAL Step mtcall_super_invoke(VM *vm, Fiber *f, int argc, AttrCache *ac, Class *super);

/* obj.name through the inline cache of a GET_ATTR site. */
MT_INTERNAL bool mtcall_get_cached(VM *vm, Value obj, AttrCache *ac, Value *out);

/* obj.name = v through the inline cache of a SET_ATTR site. */
MT_INTERNAL bool mtcall_set_cached(VM *vm, Value obj, AttrCache *ac, Value v);

/* What the loop does after a native returned r (not NATIVE_OK): raise, run the call it
   asked for, or switch. */
MT_INTERNAL Step mtcall_native_result(VM *vm, Fiber *f, Value *args, int argc, Value callee, int r);
/* Runs again the native call a fiber left with NATIVE_RETRY (its thread waited for I/O and
   was woken), with its argc arguments (pending_retry_argc): STEP_JUMP if it was a foreign
   `next` that found the end. */
MT_INTERNAL Step mtcall_retry(VM *vm, Fiber *f, int argc);

/* obj.name(args) without a cache site (the iteration protocol, helpers). */
MT_INTERNAL Step mtcall_invoke_name(VM *vm, Fiber *f, int argc, String *name);

/* Pushes a frame for closure cl whose slot 0 is `base` (arity and limits checked). */
MT_INTERNAL bool mtcall_push_frame(VM *vm, Fiber *f, Closure *cl, Value *base, int argc,
                                   uint32_t flags);
/* Attributes by name (no inline cache): obj.name, obj.name = v, and a method lookup. */
MT_INTERNAL bool mtcall_get(VM *vm, Value obj, String *name, Value *out);
MT_INTERNAL bool mtcall_set(VM *vm, Value obj, String *name, Value v);
MT_INTERNAL bool mtcall_find_method(VM *vm, Value obj, String *name, Value *out);

#endif
