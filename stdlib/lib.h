/*
** lib.h — helpers for writing natives and registering them.
**
** A native gets args[0] (the receiver for methods, the native itself for functions) and
** args[1..argc]. It writes its result to args[0] and returns NATIVE_OK, or returns
** mte_throw(...) (NATIVE_ERROR). A native that wants Mt code to run (a callback) rewrites
** args into a call and returns NATIVE_CALL; it never waits for Mt code on the C stack.
** Natives returning NATIVE_OK must not move the fiber stack.
** An argument passed as missing by a keyword call is UNDEF: test with ARG_GIVEN.
*/
#ifndef MT_LIB_H
#define MT_LIB_H

#include "vm/channel.h"
#include "vm/out.h"
#include "vm/coro.h"
#include "vm/sched.h"
#include "vm/thread.h"

typedef struct {
    const char *name;           /* the name Mt code uses */
    NativeFn fn;                /* the C function */
    int16_t min_args, max_args; /* arity (max -1: any number) */
    const char *const *params;  /* names for keyword calls, or NULL */
    bool property;              /* read as an attribute (co.done), not called */
} LibReg;

#define ARG_GIVEN(args, argc, i) ((argc) >= (i) && !IS_UNDEF((args)[i]))
#define RETURN(v)                                                                                  \
    do {                                                                                           \
        args[0] = (v);                                                                             \
        return NATIVE_OK;                                                                          \
    } while (0)

/* Defines natives as builtins. */
MT_INTERNAL void mtlib_register(VM *vm, const LibReg *regs);

/* Adds natives to a builtin type's methods. */
MT_INTERNAL void mtlib_register_methods(VM *vm, TypeTag type, const LibReg *regs);
/* Adds natives to a class's methods (a foreign class's, foreign.h). */
MT_INTERNAL void mtlib_register_class_methods(VM *vm, Class *k, const LibReg *regs);
MT_INTERNAL Native *mtlib_native(VM *vm, const LibReg *r);
MT_INTERNAL void mtlib_define_in_module(VM *vm, Module *m, const LibReg *regs);
MT_INTERNAL int mtlib_type_error(VM *vm, const char *fn, int argn, const char *want, Value got);
MT_INTERNAL bool mtlib_int_arg(VM *vm, Value *args, int i, const char *fn, int64_t *out);
MT_INTERNAL bool mtlib_num_arg(VM *vm, Value *args, int i, const char *fn, double *out);
MT_INTERNAL bool mtlib_str_arg(VM *vm, Value *args, int i, const char *fn, String **out);
MT_INTERNAL Value mtlib_prelude(VM *vm, const char *name);
/* A builtin's value by name (nil if there is none). */
MT_INTERNAL Value mtlib_builtin(VM *vm, const char *name);
/* Defines a builtin (a global of every module). */
MT_INTERNAL void mtlib_define(VM *vm, const char *name, Value v);
/* Opens every library in a new VM: vm/api.c's call. False: the prelude did not load. */
MT_INTERNAL bool mtlib_open_all(VM *vm);
MT_INTERNAL int mtlib_tail_call(VM *vm, Value *args, Value fn, int nargs, const Value *callargs);
/* The native result for a scheduler step. */
static inline int mtlib_from_step(VM *vm, Step st) {
    MT_UNUSED(vm);
    return st == STEP_DONE ? NATIVE_OK : st == STEP_ERROR ? NATIVE_ERROR : NATIVE_SUSPEND;
}
/* A library module whose globals are the given natives (named "module.name" for their
   errors), each with `data` as its data; not yet registered (see mtlib_module_ready). */
MT_INTERNAL Module *mtlib_native_module(VM *vm, const char *name, const LibReg *regs, Value data);
/* Registers a module that is made on its first import by `opener` (vm/module.c calls it). */
MT_INTERNAL void mtlib_lazy_module(VM *vm, const char *name, NativeFn opener);
/* An opener's last step: registers the finished module and makes it the result. */
MT_INTERNAL int mtlib_module_ready(VM *vm, Value *args, Module *m);
/* The library module `name` if it has been imported, else NULL. */
MT_INTERNAL Module *mtlib_module(VM *vm, const char *name);
/* Sets global `name` of module m. */
MT_INTERNAL void mtlib_module_set(VM *vm, Module *m, const char *name, Value v);
/* A str argument used as a path: no NUL byte (ValueError); false with the error raised. */
MT_INTERNAL bool mtlib_path_arg(VM *vm, Value *args, int i, const char *fn, String **out);
/* Raises FileNotFoundError, PermissionError or IOError for errno `err`: the formatted
   text, ": ", the system's reason. Returns NATIVE_ERROR. */
MT_INTERNAL int mtlib_errno_error(VM *vm, int err, const char *fmt, ...) MT_PRINTF(3, 4);

/* The list natives the prelude uses but programs do not see. */
MT_INTERNAL extern const LibReg mtlist_hidden[];

/* The core builtins: print, len, type, str, int, ... */
MT_INTERNAL void mtcore_open(VM *vm);
/* Makes the built-in types' classes from their conversions (after every library opened). */
MT_INTERNAL void mtcore_type_classes(VM *vm);

/* str methods. */
MT_INTERNAL void mtstr_open(VM *vm);

/* The str methods that need Unicode's tables: case mapping, normalisation, graphemes,
   classification, width. */
MT_INTERNAL void mtuni_open(VM *vm);

/* bytes() and the methods of bytes. */
MT_INTERNAL void mtbytes_open(VM *vm);
/* Checks an optional `encoding` argument args[i] of fn (decode, encode): only UTF-8 names
   pass; false with ValueError (naming the encoding) or TypeError. */
MT_INTERNAL bool mtbytes_encoding_arg(VM *vm, Value *args, int argc, int i, const char *fn);

/* list and map methods. */
MT_INTERNAL void mtlist_open(VM *vm);

/* set(), frozenset() and their methods. */
MT_INTERNAL void mtsets_open(VM *vm);

/* coroutine(), channel(), sleep(), current() and the methods of coroutines, threads and
   channels. */
MT_INTERNAL void mttask_open(VM *vm);

/* open() and files (a foreign class). */
MT_INTERNAL void mtio_open(VM *vm);

/* The math module. */
MT_INTERNAL void mtmath_open(VM *vm);

/* The os, path, time, json, random and re modules (each made at its first import). */
MT_INTERNAL void mtos_open(VM *vm);
MT_INTERNAL void mtpath_open(VM *vm);
MT_INTERNAL void mttime_open(VM *vm);
MT_INTERNAL void mtjson_open(VM *vm);
MT_INTERNAL void mtrand_open(VM *vm);
MT_INTERNAL void mtre_open(VM *vm);

/* The working directory (lib_os.c); NULL with the error raised, naming fn. */
MT_INTERNAL String *mtos_cwd(VM *vm, const char *fn);

MT_INTERNAL bool mtprelude_open(VM *vm); /* false: it did not load (out of memory) */

#endif
