/*
** call.h — calls and attributes (call.c): calling any callable, invoking methods through
** inline caches, reading and setting attributes.
*/
#ifndef MT_CALL_H
#define MT_CALL_H

#include "vm/vm.h"

/* The AttrCache key for a builtin type's method: a small number no Class pointer can equal.
   Threads and coroutines share an object type but not their methods, so they differ here. */
static inline void *mtcall_builtin_key(Obj *o) {
    uintptr_t k = (uintptr_t)o->type + 1;
    if (o->type == OBJ_FIBER && (o->flags & FIBER_THREAD)) k += OBJ__COUNT;
    return (void *)k;
}

MT_INTERNAL Step mtcall_call(VM *vm, Fiber *f, Value *callee, int argc);
MT_INTERNAL Step mtcall_call_kw(VM *vm, Fiber *f, Value *callee, int argc, List *names);
MT_INTERNAL Step mtcall_invoke(VM *vm, Fiber *f, int argc, AttrCache *ac);
MT_INTERNAL Step mtcall_invoke_kw(VM *vm, Fiber *f, int argc, AttrCache *ac, List *names);
MT_INTERNAL Step mtcall_super_invoke(VM *vm, Fiber *f, int argc, AttrCache *ac, Class *super);
MT_INTERNAL bool mtcall_get_cached(VM *vm, Value obj, AttrCache *ac, Value *out);
MT_INTERNAL bool mtcall_set_cached(VM *vm, Value obj, AttrCache *ac, Value v);
MT_INTERNAL Step mtcall_native_result(VM *vm, Fiber *f, Value *args, int r);
MT_INTERNAL Step mtcall_invoke_name(VM *vm, Fiber *f, int argc, String *name);
MT_INTERNAL bool mtcall_push_frame(VM *vm, Fiber *f, Closure *cl, Value *base, int argc,
                                   uint32_t flags);
/* Attributes by name (no inline cache): obj.name, obj.name = v, and a method lookup. */
MT_INTERNAL bool mtcall_get(VM *vm, Value obj, String *name, Value *out);
MT_INTERNAL bool mtcall_set(VM *vm, Value obj, String *name, Value v);
MT_INTERNAL bool mtcall_find_method(VM *vm, Value obj, String *name, Value *out);

#endif
