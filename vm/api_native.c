/*
** api_native.c — the host's natives (include/mt.h): the trampoline every host function
** runs through, raising errors and checking arguments, host functions, modules and
** foreign classes, and natives that suspend their thread until the host completes them.
**
** A host native is a Native whose fn is host_native and whose host.fn is the host's
** mt_NativeFn. The trampoline opens a slot frame holding the receiver (or nil) and the
** arguments, calls the host, and turns what it returns into the VM's native protocol.
*/
/* GUARDED regions (api.h): their locals are read only when the region completed. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wclobbered"
#endif

#include <stdio.h>

#include "stdlib/lib.h"
#include "vm/api.h"
#include "vm/error.h"
#include "vm/foreign.h"
#include "vm/gc.h"
#include "vm/mem.h"
#include "vm/object.h"
#include "vm/sched.h"
#include "vm/state.h"
#include "vm/table.h"
#include "vm/thread.h"

#define NATIVE_SUSPENDED 2 /* what mt_suspend returns to the native, which returns it */

/* {== Slot frames ==} */

/* The API state a native frame replaces, restored when the native returns. */
typedef struct {
    uint32_t base, count;
    Value pending, *args;
    bool in_native;
    const char *name;
} SavedFrame;

/* Opens a frame over the slots in use for the native called `name`: slot 0 `self`, then
   args[1..argc]. False if there is no memory for it. */
static bool open_frame(VM *vm, SavedFrame *saved, const char *name, Value self, Value *args,
                       int argc) {
    ApiState *a = vm->api;
    *saved =
        (SavedFrame){a->base, a->count, a->pending, a->native_args, a->in_native, a->native_name};
    uint32_t base = a->base + a->count, n = (uint32_t)argc + 1;
    if (base + n > a->cap) {
        uint32_t cap = a->cap ? a->cap : 16;
        while (cap < base + n) cap *= 2;
        Value *s = mtmem_host_realloc(vm, a->slots, a->cap * sizeof(Value), cap * sizeof(Value));
        if (!s) return false;
        a->slots = s;
        a->cap = cap;
    }
    a->slots[base] = self;
    for (int i = 1; i <= argc; i++) a->slots[base + (uint32_t)i] = args[i];
    a->base = base;
    a->count = n;
    a->pending = UNDEF_VAL;
    a->native_args = args;
    a->in_native = true;
    a->native_name = name;
    return true;
}

/* Closes the native's frame: its slot 0 and its pending error are returned. */
static void close_frame(VM *vm, const SavedFrame *saved, Value *result, Value *pending) {
    ApiState *a = vm->api;
    *result = a->slots[a->base];
    *pending = a->pending;
    a->base = saved->base;
    a->count = saved->count;
    a->pending = saved->pending;
    a->native_args = saved->args;
    a->in_native = saved->in_native;
    a->native_name = saved->name;
}

/* What the host native returned, in the VM's protocol. */
static int native_outcome(VM *vm, Native *n, int r, Value result, Value pending, Value *args) {
    if (r == MT_NATIVE_OK) {
        args[0] = result;
        return NATIVE_OK;
    }
    if (r == NATIVE_SUSPENDED) return NATIVE_SUSPEND;
    if (r == MT_NATIVE_ERROR && !IS_UNDEF(pending)) return mte_throw_value(vm, pending);
    if (r == MT_NATIVE_ERROR)
        return mte_throw(vm, ERR_ERROR, "%s() failed without raising an error", n->name->chars);
    return mte_throw(vm, ERR_ERROR, "%s() returned %d (not MT_NATIVE_OK or MT_NATIVE_ERROR)",
                     n->name->chars, r);
}

/* Calls the host function of native n with the receiver `self` and args[1..argc]. */
static int call_host(VM *vm, Native *n, Value self, Value *args, int argc) {
    SavedFrame saved;
    if (!open_frame(vm, &saved, n->name->chars, self, args, argc))
        return mte_throw_value(vm, vm->memory_error);
    mt_NativeFn fn = (mt_NativeFn)n->host.fn;
    int r = fn(vm, argc, n->host.user_data);
    Value result, pending;
    close_frame(vm, &saved, &result, &pending);
    return native_outcome(vm, n, r, result, pending, args);
}

/* Every host function and method: vm->native is the Native being called. */
static int host_native(VM *vm, Value *args, int argc) {
    Native *n = vm->native;
    Value self = (n->obj.flags & NATIVE_METHOD) ? args[0] : NIL_VAL;
    return call_host(vm, n, self, args, argc);
}

/* {== Errors ==} */

/* The error class called `name`: a builtin one, or a class among the host's globals or
   the builtins. NULL if there is none. */
static Class *error_class(VM *vm, const char *name) {
    for (int k = 0; k < ERR__COUNT; k++)
        if (strcmp(vm->error_class[k]->name->chars, name) == 0) return vm->error_class[k];
    String *n = mto_intern_z(vm, name);
    Value v, idx;
    Module *m = vm->api->host;
    if (m && mtt_get(&m->names, n, &idx) && IS_CLASS(m->values[AS_SMALLINT(idx)]))
        return AS_CLASS(m->values[AS_SMALLINT(idx)]);
    if (mtt_get(&vm->builtins, n, &v) && IS_CLASS(v)) return AS_CLASS(v);
    return NULL;
}

/* A new error of the named class (Error if there is none such) with message msg. Raises
   MemoryError. */
static Value make_error(VM *vm, const char *class_name, const char *msg) {
    Class *k = error_class(vm, class_name);
    if (!k || !(mte_class_is(k, vm->error_class[ERR_ERROR]) ||
                mte_class_is(k, vm->error_class[ERR_EXIT])))
        return mte_new(vm, ERR_ERROR, "%s (raised as %s, which is not an error class)", msg,
                       class_name);
    String *s = mto_string_z(vm, msg);
    mtgc_push_temp(vm, OBJ_VAL(s));
    Instance *e = mto_instance(vm, k);
    mtgc_push_temp(vm, OBJ_VAL(e));
    mto_instance_set(vm, e, vm->names.message, OBJ_VAL(s));
    mtgc_pop_temp(vm, 2);
    return OBJ_VAL(e);
}

/* Sets the running native's pending error to a new error (MemoryError if there is no
   memory for it). */
static void set_pending_error(VM *vm, const char *class_name, const char *msg) {
    MemJmp mj;
    mtmem_enter(vm, &mj);
    if (setjmp(mj.buf) == 0) {
        vm->api->pending = make_error(vm, class_name, msg);
    } else {
        mtmem_recover(vm, &mj);
        mtmem_handled(vm, &mj);
        vm->error = NIL_VAL;
        vm->api->pending = vm->memory_error;
    }
    mtmem_leave(vm, &mj);
}

int mt_raise(mt_VM *vm, const char *error_class, const char *fmt, ...) {
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (!vm->api->in_native) {
        mtapi_set_error(vm, "%s: %s", error_class, msg);
        return MT_NATIVE_ERROR;
    }
    set_pending_error(vm, error_class, msg);
    return MT_NATIVE_ERROR;
}

int mt_raise_slot(mt_VM *vm, int slot) {
    ApiState *a = vm->api;
    Value v = slot >= 0 && (uint32_t)slot < a->count ? a->slots[a->base + (uint32_t)slot] : NIL_VAL;
    if (a->in_native) {
        if (mte_is_raisable(vm, v)) a->pending = v;
        else set_pending_error(vm, "TypeError", "mt_raise_slot: the value is not an error");
    }
    return MT_NATIVE_ERROR;
}

/* {== Argument checks ==} */

static Value arg(VM *vm, int slot) {
    ApiState *a = vm->api;
    return slot >= 0 && (uint32_t)slot < a->count ? a->slots[a->base + (uint32_t)slot] : NIL_VAL;
}

/* The TypeError of a failed check, as the library's natives word it. It names the native
   whose frame is current (vm->native is the last native the VM called, which after an
   mt_call inside this one is another). */
static bool bad_arg(VM *vm, int slot, const char *want, Value got) {
    const char *fn = vm->api->in_native ? vm->api->native_name : "native";
    char msg[300];
    snprintf(msg, sizeof msg, "%s() argument %d must be %s, not %s", fn, slot, want,
             mtv_type_name(got));
    if (vm->api->in_native) set_pending_error(vm, "TypeError", msg);
    else mtapi_set_error(vm, "TypeError: %s", msg);
    return false;
}

bool mt_arg_int(mt_VM *vm, int slot, int64_t *out) {
    Value v = arg(vm, slot);
    if (!IS_INT(v)) return bad_arg(vm, slot, "int", v);
    *out = AS_INT(v);
    return true;
}

bool mt_arg_float(mt_VM *vm, int slot, double *out) {
    Value v = arg(vm, slot);
    if (!IS_NUMBER(v)) return bad_arg(vm, slot, "a number", v);
    *out = AS_NUMBER(v);
    return true;
}

bool mt_arg_str(mt_VM *vm, int slot, const char **out, size_t *len) {
    Value v = arg(vm, slot);
    if (!IS_STRING(v)) return bad_arg(vm, slot, "str", v);
    *out = AS_STRING(v)->chars;
    if (len) *len = AS_STRING(v)->len;
    return true;
}

/* {== Functions and modules ==} */

/* Points m's global n at the builtin v, unless a declaration of m's own made it. */
static void refresh_global(Module *m, String *n, Value v) {
    Value idx;
    if (m && mtt_get(&m->names, n, &idx) && !m->declared[AS_SMALLINT(idx)])
        m->values[AS_SMALLINT(idx)] = v;
}

/* A module's global that no declaration made holds the builtin of that name as it was
   when the name was first mentioned (or nothing), so a builtin the host defines later
   would stay invisible to the host module's chunks and to modules imported already:
   their slots are refreshed too. */
void mtapi_define_builtin(VM *vm, const char *name, Value v) {
    mtlib_define(vm, name, v);
    String *n = mto_intern_z(vm, name); /* interned above: found, not made */
    refresh_global(vm->api->host, n, v);
    Table *t = &vm->modules;
    for (uint32_t i = 0; t->entries && i <= t->mask; i++)
        if (t->entries[i].key && IS_OBJ_TYPE(t->entries[i].value, OBJ_MODULE))
            refresh_global((Module *)AS_OBJ(t->entries[i].value), n, v);
}

/* A native running the host's function. Raises MemoryError. */
static Native *host_function(VM *vm, const mt_Function *fn, void *user_data, bool method) {
    Native *n = mto_native(vm, fn->name, host_native, fn->min_args, fn->max_args);
    n->host.fn = (void (*)(void))fn->fn;
    n->host.user_data = user_data;
    if (method) n->obj.flags |= NATIVE_METHOD;
    return n;
}

/* The checks every definition makes: a name, a function, a sane arity. */
static mt_Status check_function(VM *vm, const mt_Function *fn) {
    if (!fn || !fn->name || !fn->fn) {
        mtapi_set_error(vm, "a native needs a name and a function");
        return MT_TYPE_ERROR;
    }
    if (fn->min_args < 0 || (fn->max_args >= 0 && fn->max_args < fn->min_args) ||
        fn->max_args > 255) {
        mtapi_set_error(vm, "%s: bad arity %d..%d", fn->name, fn->min_args, fn->max_args);
        return MT_TYPE_ERROR;
    }
    return MT_OK;
}

mt_Status mt_def_function(mt_VM *vm, const mt_Function *fn, void *user_data) {
    mt_Status st = check_function(vm, fn);
    if (st != MT_OK) return st;
    GUARDED(vm, st, {
        Native *n = host_function(vm, fn, user_data, false);
        mtgc_push_temp(vm, OBJ_VAL(n));
        mtapi_define_builtin(vm, fn->name, OBJ_VAL(n));
        mtgc_pop_temp(vm, 1);
    });
    return st;
}

mt_Status mt_new_function(mt_VM *vm, int slot, const mt_Function *fn, void *user_data) {
    mt_Status st = check_function(vm, fn);
    if (st == MT_OK) st = mt_ensure_slots(vm, slot + 1);
    if (st != MT_OK) return st;
    GUARDED(vm, st, mtapi_store(vm, slot, OBJ_VAL(host_function(vm, fn, user_data, false))));
    return st;
}

/* Sets a module's global (declared). Raises MemoryError. */
static void module_define(VM *vm, Module *m, const char *name, Value v) {
    mtgc_push_temp(vm, v);
    String *n = mto_intern_z(vm, name);
    mtgc_push_temp(vm, OBJ_VAL(n));
    uint32_t slot = mto_module_slot(vm, m, n);
    m->values[slot] = v;
    m->declared[slot] = 1;
    mtgc_pop_temp(vm, 2);
}

static void define_module(VM *vm, const char *name, const mt_Function *fns, void *user_data) {
    String *n = mto_intern_z(vm, name);
    mtgc_push_temp(vm, OBJ_VAL(n));
    Module *m = mto_module(vm, n, NULL);
    mtgc_push_temp(vm, OBJ_VAL(m));
    m->state = MODULE_READY;
    for (const mt_Function *f = fns; f && f->name; f++)
        module_define(vm, m, f->name, OBJ_VAL(host_function(vm, f, user_data, false)));
    mtt_set(vm, &vm->modules, n, OBJ_VAL(m));
    mtgc_pop_temp(vm, 2);
}

mt_Status mt_def_module(mt_VM *vm, const char *name, const mt_Function *fns, void *user_data) {
    mt_Status st = MT_OK;
    for (const mt_Function *f = fns; f && f->name && st == MT_OK; f++) st = check_function(vm, f);
    if (st != MT_OK) return st;
    GUARDED(vm, st, define_module(vm, name, fns, user_data));
    return st;
}

/* {== Foreign classes ==} */

static HostClass *class_named(VM *vm, const char *name) {
    for (HostClass *c = vm->api->classes; c; c = c->next)
        if (strcmp(c->name, name) == 0) return c;
    return NULL;
}

/* The finalizer: the payload's object leads to its ops, the first field of HostClass. */
static void host_finalize(VM *vm, void *payload) {
    MT_UNUSED(vm);
    Foreign *o = (Foreign *)(void *)((char *)payload - offsetof(Foreign, payload));
    const HostClass *c = (const HostClass *)(const void *)o->ops;
    if (c->def.finalize) c->def.finalize(payload, c->user_data);
}

/* Calling the class from Mt: a new object in args[0], then the host's constructor. */
static int host_construct(VM *vm, Value *args, int argc) {
    Class *k = AS_CLASS(args[0]);
    const HostClass *c = (const HostClass *)(const void *)k->foreign;
    if (argc < c->def.min_args || (c->def.max_args >= 0 && argc > c->def.max_args))
        return mte_throw(vm, ERR_TYPE, "%s() takes %d to %d arguments but %d were given", c->name,
                         c->def.min_args, c->def.max_args, argc);
    mtfo_new(vm, &c->ops, &args[0]); /* rooted: args is on the fiber's stack */
    SavedFrame saved;
    if (!open_frame(vm, &saved, c->name, args[0], args, argc))
        return mte_throw_value(vm, vm->memory_error);
    int r = c->def.constructor(vm, argc, c->user_data);
    Value result, pending;
    close_frame(vm, &saved, &result, &pending);
    if (r == MT_NATIVE_OK) {
        args[0] = result;
        return NATIVE_OK;
    }
    if (r == MT_NATIVE_ERROR && !IS_UNDEF(pending)) return mte_throw_value(vm, pending);
    return mte_throw(vm, ERR_ERROR, "%s() failed without raising an error", c->name);
}

/* Registers the class in the VM and defines its global. Raises MemoryError (the class
   stays on the list, to be freed with the VM). */
static void define_class(VM *vm, HostClass *c) {
    c->klass = mtfo_new_class(vm, &c->ops);
    for (const mt_Function *m = c->def.methods; m && m->name; m++) {
        Native *n = host_function(vm, m, c->user_data, true);
        mtgc_push_temp(vm, OBJ_VAL(n));
        mtt_set(vm, &c->klass->methods, n->name, OBJ_VAL(n));
        mtgc_pop_temp(vm, 1);
    }
    mtapi_define_builtin(vm, c->name, OBJ_VAL(c->klass));
}

/* A copy of the host's definition, with the ops the VM uses. */
static HostClass *new_host_class(VM *vm, const mt_ForeignClass *def, void *user_data) {
    size_t len = strlen(def->name);
    HostClass *c = mtmem_host_realloc(vm, NULL, 0, sizeof(HostClass) + len + 1);
    if (!c) return NULL;
    memset(c, 0, sizeof *c);
    memcpy(c->name, def->name, len + 1);
    c->def = *def;
    c->def.name = c->name;
    c->user_data = user_data;
    c->ops.name = c->name;
    c->ops.size = def->size ? def->size : 1;
    c->ops.free = host_finalize;
    c->ops.construct = def->constructor ? host_construct : NULL;
    return c;
}

mt_Status mt_def_class(mt_VM *vm, const mt_ForeignClass *def, void *user_data) {
    if (!def || !def->name || !*def->name) {
        mtapi_set_error(vm, "a foreign class needs a name");
        return MT_TYPE_ERROR;
    }
    mt_Status st = MT_OK;
    for (const mt_Function *m = def->methods; m && m->name && st == MT_OK; m++)
        st = check_function(vm, m);
    if (st != MT_OK) return st;
    if (class_named(vm, def->name)) {
        mtapi_set_error(vm, "a foreign class named '%s' exists already", def->name);
        return MT_TYPE_ERROR;
    }
    HostClass *c = new_host_class(vm, def, user_data);
    if (!c) return mtapi_no_memory(vm);
    c->next = vm->api->classes;
    vm->api->classes = c;
    GUARDED(vm, st, define_class(vm, c));
    return st;
}

void mtapi_free_classes(VM *vm) {
    ApiState *a = vm->api;
    if (!a) return;
    while (a->classes) {
        HostClass *c = a->classes;
        a->classes = c->next;
        mtmem_host_realloc(vm, c, sizeof(HostClass) + strlen(c->name) + 1, 0);
    }
    mtmem_free(vm, a, sizeof(ApiState));
    vm->api = NULL;
}

void *mt_new_foreign(mt_VM *vm, int slot, const char *class_name) {
    HostClass *c = class_named(vm, class_name);
    if (!c || !c->klass) {
        mtapi_set_error(vm, "no foreign class named '%s'", class_name);
        return NULL;
    }
    if (mt_ensure_slots(vm, slot + 1) != MT_OK) return NULL;
    void *volatile payload = NULL;
    mt_Status st = MT_OK;
    GUARDED(vm, st, {
        Value obj;
        payload = mtfo_new(vm, &c->ops, &obj);
        mtapi_store(vm, slot, obj);
    });
    return st == MT_OK ? payload : NULL;
}

void *mt_get_foreign(mt_VM *vm, int slot, const char *class_name) {
    HostClass *c = class_named(vm, class_name);
    return c ? mtfo_payload(arg(vm, slot), &c->ops) : NULL;
}

/* {== Suspending natives ==} */

static void unlink_suspension(VM *vm, mt_Suspension *s) {
    ApiState *a = vm->api;
    if (s->prev) s->prev->next = s->next;
    else a->suspensions = s->next;
    if (s->next) s->next->prev = s->prev;
    mtmem_host_realloc(vm, s, sizeof *s, 0);
}

int mt_suspend(mt_VM *vm, mt_Suspension **out, mt_CancelFn cancel, void *user_data) {
    ApiState *a = vm->api;
    *out = NULL;
    if (!a->in_native || !vm->current) {
        mtapi_set_error(vm, "mt_suspend outside a native");
        return MT_NATIVE_ERROR;
    }
    Fiber *f = vm->current, *t = mts_thread_of(f);
    if (t->obj.flags & FIBER_HOSTCALL)
        return mt_raise(vm, "Error",
                        "cannot wait inside mt_call (the host is waiting for this "
                        "call to return; spawn a thread instead)");
    mt_Suspension *s = mtmem_host_realloc(vm, NULL, 0, sizeof *s);
    if (!s) {
        a->pending = vm->memory_error;
        return MT_NATIVE_ERROR;
    }
    *s = (mt_Suspension){NULL, a->suspensions, t, cancel, user_data};
    if (a->suspensions) a->suspensions->prev = s;
    a->suspensions = s;
    f->top = a->native_args + 1; /* the native's result slot: where mt_resume's value goes */
    a->native_args[0] = NIL_VAL;
    if (mts_park(vm, f, WAIT_HOST, NULL) == STEP_ERROR) { /* an exit due here instead */
        unlink_suspension(vm, s);
        a->pending = vm->error;
        vm->error = NIL_VAL;
        return MT_NATIVE_ERROR;
    }
    if (vm->sched->until == t) vm->sched->stop = true; /* mt_exec's chunk waits for the host */
    *out = s;
    return NATIVE_SUSPENDED;
}

void mtapi_cancel(VM *vm, Fiber *thread) {
    mt_Suspension *s = vm->api->suspensions;
    while (s && s->thread != thread) s = s->next;
    if (!s) return;
    mt_CancelFn cancel = s->cancel;
    void *ud = s->user_data;
    unlink_suspension(vm, s);
    if (cancel) cancel(vm, s, ud); /* the token is gone: the host only compares it */
}

/* A token the host may complete: it is on the list and its thread still waits. */
static bool valid_suspension(VM *vm, mt_Suspension *s) {
    for (mt_Suspension *p = vm->api->suspensions; p; p = p->next)
        if (p == s) return s->thread->state == FIBER_PARKED && s->thread->wait_kind == WAIT_HOST;
    return false;
}

mt_Status mt_resume(mt_VM *vm, mt_Suspension *s, int slot) {
    if (!valid_suspension(vm, s)) {
        mtapi_set_error(vm, "mt_resume: not a pending suspension");
        return MT_TYPE_ERROR;
    }
    Fiber *t = s->thread;
    Value v = arg(vm, slot);
    unlink_suspension(vm, s);
    t->wait_kind = WAIT_NONE;
    mts_wake(vm, t, v);
    return MT_OK;
}

mt_Status mt_resume_error(mt_VM *vm, mt_Suspension *s, const char *error_class,
                          const char *message) {
    if (!valid_suspension(vm, s)) {
        mtapi_set_error(vm, "mt_resume_error: not a pending suspension");
        return MT_TYPE_ERROR;
    }
    Fiber *t = s->thread;
    Value e = vm->memory_error;
    mt_Status st = MT_OK;
    GUARDED(vm, st, e = make_error(vm, error_class, message));
    unlink_suspension(vm, s);
    t->wait_kind = WAIT_NONE;
    mts_wake_error(vm, t, e);
    return st;
}

/* {== Receiving for the host ==} */

/* The prelude's _host_recv calls this native when its receive is over: ok and the value,
   or not ok (closed, or the helper thread was killed). host.fn is the host's mt_ReadyFn. */
static int ready_native(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    Native *n = vm->native;
    mt_ReadyFn fn = (mt_ReadyFn)n->host.fn;
    mt_Status status = mtv_truthy(args[1]) ? MT_OK : MT_CLOSED;
    SavedFrame saved;
    Value two[3] = {NIL_VAL, args[2], NIL_VAL};
    if (!open_frame(vm, &saved, n->name->chars, NIL_VAL, two, 1))
        return mte_throw_value(vm, vm->memory_error);
    fn(vm, status, n->host.user_data);
    Value result, pending;
    close_frame(vm, &saved, &result, &pending);
    args[0] = NIL_VAL;
    return NATIVE_OK;
}

/* Spawns the prelude's _host_recv(ch, done): a thread that receives and calls done. */
static void start_receiver(VM *vm, Value ch, mt_ReadyFn fn, void *user_data) {
    Native *done = mto_native(vm, "recv_async", ready_native, 2, 2);
    done->host.fn = (void (*)(void))fn;
    done->host.user_data = user_data;
    mtgc_push_temp(vm, OBJ_VAL(done));
    Value args[2] = {ch, OBJ_VAL(done)};
    Fiber *t = mtf_new(vm, mtlib_prelude(vm, "_host_recv"), args, 2, true);
    mtgc_pop_temp(vm, 1);
    mtth_register(vm, t);
    mts_enqueue(vm, t);
}

mt_Status mt_recv_async(mt_VM *vm, int channel, mt_ReadyFn fn, void *user_data) {
    Value ch = arg(vm, channel);
    if (!IS_OBJ_TYPE(ch, OBJ_CHANNEL)) {
        mtapi_set_error(vm, "mt_recv_async: expected a channel, not %s", mtv_type_name(ch));
        return MT_TYPE_ERROR;
    }
    mt_Status st = MT_OK;
    GUARDED(vm, st, start_receiver(vm, ch, fn, user_data));
    return st;
}
