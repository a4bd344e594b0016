/*
** init.c — registers the standard library in a new VM, and the helpers natives share.
*/
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "stdlib/lib.h"
#include "stdlib/lib_net.h"
#include "stdlib/lib_process.h"
#include "vm/value.h"
#include "vm/table.h"
#include "vm/state.h"
#include "vm/object.h"
#include "vm/gc.h"
#include "vm/fiber.h"
#include "vm/error.h"

Native *mtlib_native(VM *vm, const LibReg *r) {
    Native *n = mto_native(vm, r->name, r->fn, r->min_args, r->max_args);
    n->params = r->params;
    if (r->property) n->obj.flags |= NATIVE_PROPERTY;
    return n;
}

void mtlib_define(VM *vm, const char *name, Value v) {
    mtgc_push_temp(vm, v);
    String *s = mto_intern_z(vm, name);
    mtgc_push_temp(vm, OBJ_VAL(s));
    mtt_set(vm, &vm->builtins, s, v);
    mtgc_pop_temp(vm, 2);
}

void mtlib_register(VM *vm, const LibReg *regs) {
    for (const LibReg *r = regs; r->name; r++)
        mtlib_define(vm, r->name, OBJ_VAL(mtlib_native(vm, r)));
}

static void register_in_table(VM *vm, Table *t, const LibReg *regs) {
    for (const LibReg *r = regs; r->name; r++) {
        Native *n = mtlib_native(vm, r);
        mtgc_push_temp(vm, OBJ_VAL(n));
        mtt_set(vm, t, n->name, OBJ_VAL(n));
        mtgc_pop_temp(vm, 1);
    }
}

void mtlib_register_methods(VM *vm, TypeTag type, const LibReg *regs) {
    register_in_table(vm, &vm->type_methods[type], regs);
}

void mtlib_register_class_methods(VM *vm, Class *k, const LibReg *regs) {
    mtgc_push_temp(vm, OBJ_VAL(k));
    register_in_table(vm, &k->methods, regs);
    mtgc_pop_temp(vm, 1);
}

/* Defines natives as globals of module m (a native module, or the prelude's private ones). */
void mtlib_define_in_module(VM *vm, Module *m, const LibReg *regs) {
    for (const LibReg *r = regs; r->name; r++) {
        Native *n = mtlib_native(vm, r);
        mtgc_push_temp(vm, OBJ_VAL(n));
        uint32_t slot = mto_module_slot(vm, m, n->name);
        m->values[slot] = OBJ_VAL(n);
        m->declared[slot] = 1;
        mtgc_pop_temp(vm, 1);
    }
}

/* Sets global `name` of module m (a native module's constant or Mt-written member). */
void mtlib_module_set(VM *vm, Module *m, const char *name, Value v) {
    mtgc_push_temp(vm, v);
    uint32_t slot = mto_module_slot(vm, m, mto_intern_z(vm, name));
    m->values[slot] = v;
    m->declared[slot] = 1;
    mtgc_pop_temp(vm, 1);
}

/* A module object whose globals are the given natives, each with `data` as its data. Each
   native is named "module.name", so that its errors say which module's function failed.
   The module is not registered: the opener does that when it is complete. */
Module *mtlib_native_module(VM *vm, const char *name, const LibReg *regs, Value data) {
    String *n = mto_intern_z(vm, name);
    mtgc_push_temp(vm, OBJ_VAL(n));
    Module *m = mto_module(vm, n, NULL);
    mtgc_push_temp(vm, OBJ_VAL(m));
    m->state = MODULE_READY;
    for (const LibReg *r = regs; r->name; r++) {
        char qualified[64];
        snprintf(qualified, sizeof qualified, "%s.%s", name, r->name);
        LibReg q = *r;
        q.name = qualified;
        Native *fn = mtlib_native(vm, &q);
        fn->data = data;
        mtlib_module_set(vm, m, r->name, OBJ_VAL(fn));
    }
    mtgc_pop_temp(vm, 2);
    return m;
}

/* Registers a library module that is made on its first import: vm/module.c calls the
   opener, which builds the module and hands it to mtlib_module_ready. Modules nobody
   imports then cost neither start-up time nor collector work. */
void mtlib_lazy_module(VM *vm, const char *name, NativeFn opener) {
    LibReg r = {name, opener, 0, 0, NULL, false};
    Native *n = mtlib_native(vm, &r);
    mtgc_push_temp(vm, OBJ_VAL(n));
    mtt_set(vm, &vm->modules, n->name, OBJ_VAL(n));
    mtgc_pop_temp(vm, 1);
}

/* An opener's last step: the finished module replaces the opener in vm->modules and is
   the opener's result. */
int mtlib_module_ready(VM *vm, Value *args, Module *m) {
    args[0] = OBJ_VAL(m);
    mtt_set(vm, &vm->modules, m->name, OBJ_VAL(m));
    return NATIVE_OK;
}

/* The library module `name` if it has been opened (imported), else NULL. */
Module *mtlib_module(VM *vm, const char *name) {
    Value v;
    if (!mtt_get(&vm->modules, mto_intern_z(vm, name), &v) || !IS_OBJ_TYPE(v, OBJ_MODULE))
        return NULL;
    return (Module *)AS_OBJ(v);
}

Value mtlib_builtin(VM *vm, const char *name) {
    Value v;
    String *s = mto_intern_z(vm, name);
    if (mtt_get(&vm->builtins, s, &v)) return v;
    return NIL_VAL;
}

int mtlib_type_error(VM *vm, const char *fn, int argn, const char *want, Value got) {
    return mte_throw(vm, ERR_TYPE, "%s() argument %d must be %s, not %s", fn, argn, want,
                     mtv_type_name(got));
}

bool mtlib_int_arg(VM *vm, Value *args, int i, const char *fn, int64_t *out) {
    if (!IS_INT(args[i])) {
        mtlib_type_error(vm, fn, i, "an int", args[i]);
        return false;
    }
    *out = AS_INT(args[i]);
    return true;
}

bool mtlib_num_arg(VM *vm, Value *args, int i, const char *fn, double *out) {
    if (!IS_NUMBER(args[i])) {
        mtlib_type_error(vm, fn, i, "a number", args[i]);
        return false;
    }
    *out = AS_NUMBER(args[i]);
    return true;
}

bool mtlib_str_arg(VM *vm, Value *args, int i, const char *fn, String **out) {
    if (!IS_STRING(args[i])) {
        mtlib_type_error(vm, fn, i, "a str", args[i]);
        return false;
    }
    *out = AS_STRING(args[i]);
    return true;
}

/* A str argument used as a file system path: no NUL byte (the C library would cut it). */
bool mtlib_path_arg(VM *vm, Value *args, int i, const char *fn, String **out) {
    if (!mtlib_str_arg(vm, args, i, fn, out)) return false;
    if (memchr((*out)->chars, 0, (*out)->len)) {
        mte_throw(vm, ERR_VALUE, "%s(): path contains a NUL byte", fn);
        return false;
    }
    return true;
}

/* Raises the error for a failed system call: FileNotFoundError or PermissionError when
   errno says so, else IOError; the message is the formatted text, ": ", the system's
   reason. */
int mtlib_errno_error(VM *vm, int err, const char *fmt, ...) {
    char what[8192];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    ErrorKind kind = err == ENOENT                   ? ERR_FILE_NOT_FOUND
                     : err == EACCES || err == EPERM ? ERR_PERMISSION
                                                     : ERR_IO;
    return mte_throw(vm, kind, "%s: %s", what, mte_errstr(err));
}

/* A function of the Mt-written part of the library. */
Value mtlib_prelude(VM *vm, const char *name) {
    Value v = NIL_VAL;
    if (vm->prelude) {
        Value idx;
        String *s = mto_intern_z(vm, name);
        if (mtt_get(&vm->prelude->names, s, &idx)) v = vm->prelude->values[AS_SMALLINT(idx)];
    }
    return v;
}

/* Rewrites the native's slots into a call of fn(callargs...) that the VM runs in its
   place (so the callee may yield or block). A callarg that is not on the stack already
   must be an object rooted elsewhere or a value that needs no root. */
int mtlib_tail_call(VM *vm, Value *args, Value fn, int nargs, const Value *callargs) {
    Fiber *f = vm->current;
    size_t base = (size_t)(args - mtf_stack(f));
    Value tmp[16];
    if (nargs > 16) return mte_throw(vm, ERR_VALUE, "internal: tail call with too many arguments");
    for (int i = 0; i < nargs; i++) tmp[i] = callargs[i];
    /* Room first, with the native's slots still below top: growing the stack may collect,
       and the values being passed (its arguments, mostly) must stay rooted. */
    size_t used = (size_t)(f->top - mtf_stack(f)), want = base + 1 + (size_t)nargs;
    if (want > used) mtf_ensure_stack(vm, f, want - used);
    args = mtf_stack(f) + base;
    args[0] = fn;
    for (int i = 0; i < nargs; i++) args[1 + i] = tmp[i];
    f->top = args + 1 + nargs;
    vm->tail_base = (uint32_t)base;
    return NATIVE_CALL;
}

/* Opens every library in a new VM (called by vm/api.c only). */
bool mtlib_open_all(VM *vm) {
    mtcore_open(vm);
    mtstr_open(vm);
    mtuni_open(vm);
    mtbytes_open(vm);
    mtlist_open(vm);
    mtsets_open(vm);
    mttask_open(vm);
    mtio_open(vm);
    mtmath_open(vm);
    mtos_open(vm);
    mtpath_open(vm);
    mttime_open(vm);
    mtjson_open(vm);
    mtrand_open(vm);
    mtre_open(vm);
    if (!mtprelude_open(vm)) return false;
    /* Modules with functions written in the prelude: opened once it has loaded. */
    mtnet_open(vm);
    mtproc_open(vm);
    mtcore_type_classes(vm);
    return true;
}
