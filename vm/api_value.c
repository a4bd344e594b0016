/*
** api_value.c — the embedding API's values (include/mt.h): slots, reading and making
** values, containers, globals and attributes, handles, and calling Mt from C (mt_call).
**
** A failure inside a native also becomes the native's pending error (api.h), so that
** `return MT_NATIVE_ERROR` raises what went wrong; outside a native it is only the message
** of mt_last_error.
*/
/* GUARDED regions (api.h): their locals are read only when the region completed. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wclobbered"
#endif

#include <stdio.h>

#include "stdlib/lib.h"
#include "vm/api.h"
#include "vm/call.h"
#include "vm/channel.h"
#include "vm/error.h"
#include "vm/foreign.h"
#include "vm/gc.h"
#include "vm/map.h"
#include "vm/module.h"
#include "vm/mem.h"
#include "vm/object.h"
#include "vm/ops.h"
#include "vm/sched.h"
#include "vm/state.h"
#include "vm/table.h"
#include "vm/thread.h"
#include "vm/utf8.h"

/* {== The API's state ==} */

void mtapi_init(VM *vm) {
    ApiState *a = mtmem_alloc(vm, sizeof(ApiState));
    memset(a, 0, sizeof *a);
    a->pending = UNDEF_VAL;
    vm->api = a;
}

void mtapi_free(VM *vm) {
    ApiState *a = vm->api;
    if (!a) return;
    /* Suspensions still pending (their threads were abandoned): the host cancels them. */
    while (a->suspensions) mtapi_cancel(vm, a->suspensions->thread);
    while (a->handles) mt_release(vm, a->handles);
    mtmem_host_realloc(vm, a->slots, a->cap * sizeof(Value), 0);
    mtmem_host_realloc(vm, a->fds, a->fds_cap * sizeof(mt_PollFd), 0);
    mtmem_host_realloc(vm, a->text, a->text_cap, 0);
    a->slots = NULL;
    a->fds = NULL;
    a->text = NULL;
}

void mtapi_mark(VM *vm) {
    ApiState *a = vm->api;
    if (!a) return;
    for (uint32_t i = 0; i < a->base + a->count; i++) mtgc_mark_value(vm, a->slots[i]);
    mtgc_mark_value(vm, a->pending);
    for (mt_Handle *h = a->handles; h; h = h->next) mtgc_mark_value(vm, h->value);
    for (mt_Suspension *s = a->suspensions; s; s = s->next) mtth_mark_live(vm, s->thread);
    for (uint32_t i = 0; i < a->ncalls; i++) mts_mark_chain(vm, a->saved[i]);
    if (a->host) mtgc_mark_obj(vm, &a->host->obj);
    if (a->result_name) mtgc_mark_obj(vm, &a->result_name->obj);
    for (HostClass *c = a->classes; c; c = c->next)
        if (c->klass) mtgc_mark_obj(vm, &c->klass->obj);
}

/* {== Failures ==} */

/* Sets the pending error of the running native (if one runs). */
static void set_pending(VM *vm, Value exc) {
    if (vm->api->in_native) vm->api->pending = exc;
}

mt_Status mtapi_no_memory(VM *vm) {
    mtmod_set_static_error(vm, "out of memory");
    set_pending(vm, vm->memory_error);
    return MT_MEMORY_ERROR;
}

/* A failure of an API call: the message for mt_last_error and, inside a native, an error
   of `kind` as its pending error. */
static mt_Status fail(VM *vm, mt_Status st, ErrorKind kind, const char *fmt, ...) MT_PRINTF(4, 5);
static mt_Status fail(VM *vm, mt_Status st, ErrorKind kind, const char *fmt, ...) {
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    mtapi_set_error(vm, "%s", msg);
    if (!vm->api->in_native) return st;
    MemJmp mj;
    mtmem_enter(vm, &mj);
    if (setjmp(mj.buf) == 0) {
        set_pending(vm, mte_new(vm, kind, "%s", msg));
    } else {
        mtmem_recover(vm, &mj);
        mtmem_handled(vm, &mj);
        vm->error = NIL_VAL;
        set_pending(vm, vm->memory_error);
    }
    mtmem_leave(vm, &mj);
    return st;
}

/* "Class: message" of an error value, into the API's text buffer ("" if no memory). */
static const char *describe(VM *vm, Value exc) {
    ApiState *a = vm->api;
    const char *cls = IS_INSTANCE(exc) ? AS_INSTANCE(exc)->klass->name->chars : mtv_type_name(exc);
    Value msg = NIL_VAL;
    if (IS_INSTANCE(exc)) mto_instance_get(AS_INSTANCE(exc), vm->names.message, &msg);
    const char *m = IS_STRING(msg) ? AS_STRING(msg)->chars : "";
    size_t need = strlen(cls) + strlen(m) + 3;
    if (need > a->text_cap) {
        char *t = mtmem_host_realloc(vm, a->text, a->text_cap, need);
        if (!t) return "";
        a->text = t;
        a->text_cap = need;
    }
    snprintf(a->text, a->text_cap, *m ? "%s: %s" : "%s", cls, m);
    return a->text;
}

/* An internal operation raised vm->error: it becomes the call's failure. */
static mt_Status raised(VM *vm, mt_Status st) {
    Value e = vm->error;
    vm->error = NIL_VAL;
    mtapi_set_error(vm, "%s", describe(vm, e));
    set_pending(vm, e);
    return st;
}

/* {== Slots ==} */

static Value get(VM *vm, int i) {
    ApiState *a = vm->api;
    if (i < 0 || (uint32_t)i >= a->count) return NIL_VAL;
    return a->slots[a->base + (uint32_t)i];
}

void mtapi_store(VM *vm, int i, Value v) { vm->api->slots[vm->api->base + (uint32_t)i] = v; }

/* Room for `n` slots in the current frame. */
static bool reserve(VM *vm, uint32_t n) {
    ApiState *a = vm->api;
    uint32_t need = a->base + n;
    if (need <= a->cap) return true;
    uint32_t cap = a->cap ? a->cap : 16;
    while (cap < need) cap *= 2;
    Value *s = mtmem_host_realloc(vm, a->slots, a->cap * sizeof(Value), cap * sizeof(Value));
    if (!s) return false;
    a->slots = s;
    a->cap = cap;
    return true;
}

mt_Status mt_ensure_slots(mt_VM *vm, int n) {
    ApiState *a = vm->api;
    if (n < 0) return fail(vm, MT_TYPE_ERROR, ERR_VALUE, "mt_ensure_slots: %d slots", n);
    if ((uint32_t)n <= a->count) return MT_OK;
    if (!reserve(vm, (uint32_t)n)) return mtapi_no_memory(vm);
    for (uint32_t i = a->count; i < (uint32_t)n; i++) a->slots[a->base + i] = NIL_VAL;
    a->count = (uint32_t)n;
    return MT_OK;
}

int mt_slot_count(mt_VM *vm) { return (int)vm->api->count; }

/* Makes slot i exist for a write: MT_OK, MT_TYPE_ERROR (negative), MT_MEMORY_ERROR. */
static mt_Status writable(VM *vm, int i) {
    if (i < 0) return fail(vm, MT_TYPE_ERROR, ERR_VALUE, "slot %d does not exist", i);
    return mt_ensure_slots(vm, i + 1);
}

/* Stores v (rooted by the caller, or not an object) in slot i. */
static mt_Status put(VM *vm, int i, Value v) {
    mt_Status st = writable(vm, i);
    if (st == MT_OK) mtapi_store(vm, i, v);
    return st;
}

mt_Type mt_type(mt_VM *vm, int slot) {
    Value v = get(vm, slot);
    switch (mtv_type(v)) {
    case TYPE_NIL: return MT_TNIL;
    case TYPE_BOOL: return MT_TBOOL;
    case TYPE_INT: return MT_TINT;
    case TYPE_FLOAT: return MT_TFLOAT;
    case TYPE_STR: return MT_TSTR;
    case TYPE_BYTES: return MT_TBYTES;
    case TYPE_LIST: return MT_TLIST;
    case TYPE_MAP: return MT_TMAP;
    case TYPE_FUNCTION:
    case TYPE_CLASS: return MT_TFUNCTION;
    case TYPE_THREAD: return MT_TTHREAD;
    case TYPE_CHANNEL: return MT_TCHANNEL;
    case TYPE_FOREIGN: return MT_TFOREIGN;
    default: return MT_TOTHER;
    }
}

const char *mt_type_name(mt_VM *vm, int slot) {
    Value v = get(vm, slot);
    if (IS_INSTANCE(v)) return AS_INSTANCE(v)->klass->name->chars;
    if (IS_OBJ_TYPE(v, OBJ_FOREIGN)) return ((Foreign *)AS_OBJ(v))->klass->name->chars;
    return mtv_type_name(v);
}

/* {== Reading ==} */

bool mt_get_bool(mt_VM *vm, int slot) { return get(vm, slot) == TRUE_VAL; }
bool mt_truthy(mt_VM *vm, int slot) { return mtv_truthy(get(vm, slot)); }

int64_t mt_get_int(mt_VM *vm, int slot) {
    Value v = get(vm, slot);
    return IS_INT(v) ? AS_INT(v) : 0;
}

double mt_get_float(mt_VM *vm, int slot) {
    Value v = get(vm, slot);
    return IS_NUMBER(v) ? AS_NUMBER(v) : 0.0;
}

const char *mt_get_str(mt_VM *vm, int slot, size_t *len) {
    Value v = get(vm, slot);
    if (!IS_STRING(v)) {
        if (len) *len = 0;
        return NULL;
    }
    if (len) *len = AS_STRING(v)->len;
    return AS_STRING(v)->chars;
}

const uint8_t *mt_get_bytes(mt_VM *vm, int slot, size_t *len) {
    Value v = get(vm, slot);
    if (!IS_BYTES(v)) {
        if (len) *len = 0;
        return NULL;
    }
    if (len) *len = AS_BYTES(v)->len;
    return AS_BYTES(v)->data;
}

/* {== Writing ==} */

mt_Status mt_set_nil(mt_VM *vm, int slot) { return put(vm, slot, NIL_VAL); }
mt_Status mt_set_bool(mt_VM *vm, int slot, bool b) { return put(vm, slot, BOOL_VAL(b)); }
mt_Status mt_set_float(mt_VM *vm, int slot, double d) { return put(vm, slot, DOUBLE_VAL(d)); }
mt_Status mt_copy(mt_VM *vm, int dst, int src) { return put(vm, dst, get(vm, src)); }

mt_Status mt_set_int(mt_VM *vm, int slot, int64_t i) {
    mt_Status st = writable(vm, slot);
    if (st != MT_OK) return st;
    GUARDED(vm, st, mtapi_store(vm, slot, mto_int(vm, i)));
    if (st != MT_OK) mtapi_store(vm, slot, NIL_VAL);
    return st;
}

mt_Status mt_set_strn(mt_VM *vm, int slot, const char *text, size_t len) {
    mt_Status st = writable(vm, slot);
    if (st != MT_OK) return st;
    mtapi_store(vm, slot, NIL_VAL);
    int line, col;
    if (len > UINT32_MAX - 1)
        return fail(vm, MT_MEMORY_ERROR, ERR_MEMORY, "a string of %zu bytes is too long", len);
    if (!mtu8_check(text, len, &line, &col))
        return fail(vm, MT_TYPE_ERROR, ERR_UNICODE,
                    "text is not UTF-8 or holds a NUL byte (line %d, column %d)", line, col);
    GUARDED(vm, st, mtapi_store(vm, slot, OBJ_VAL(mto_string(vm, text, len))));
    return st;
}

mt_Status mt_set_bytes(mt_VM *vm, int slot, const void *data, size_t len) {
    mt_Status st = writable(vm, slot);
    if (st != MT_OK) return st;
    mtapi_store(vm, slot, NIL_VAL);
    if (len > UINT32_MAX - 1)
        return fail(vm, MT_MEMORY_ERROR, ERR_MEMORY, "a bytes of %zu bytes is too long", len);
    GUARDED(vm, st, mtapi_store(vm, slot, OBJ_VAL(mto_bytes(vm, data, len))));
    return st;
}

mt_Status mt_set_str(mt_VM *vm, int slot, const char *text) {
    return mt_set_strn(vm, slot, text, strlen(text));
}

mt_Status mt_new_list(mt_VM *vm, int slot) {
    mt_Status st = writable(vm, slot);
    if (st == MT_OK) GUARDED(vm, st, mtapi_store(vm, slot, OBJ_VAL(mto_list(vm, 0))));
    return st;
}

mt_Status mt_new_map(mt_VM *vm, int slot) {
    mt_Status st = writable(vm, slot);
    if (st == MT_OK) GUARDED(vm, st, mtapi_store(vm, slot, OBJ_VAL(mtm_new(vm, 0))));
    return st;
}

/* {== Containers ==} */

int64_t mt_len(mt_VM *vm, int slot) {
    Value v = get(vm, slot);
    if (IS_STRING(v)) return AS_STRING(v)->ncp;
    if (IS_BYTES(v)) return AS_BYTES(v)->len;
    if (IS_LIST(v)) return AS_LIST(v)->count;
    if (IS_MAP(v)) return AS_MAP(v)->count;
    return -1;
}

static mt_Status not_a(VM *vm, const char *fn, const char *want, Value got) {
    return fail(vm, MT_TYPE_ERROR, ERR_TYPE, "%s: expected a %s, not %s", fn, want,
                mtv_type_name(got));
}

/* The position of index i in a list of n items, or -1. */
static int64_t position(int64_t i, uint32_t n) {
    if (i < 0) i += n;
    return i >= 0 && i < (int64_t)n ? i : -1;
}

mt_Status mt_list_get(mt_VM *vm, int list, int64_t index, int dst) {
    Value l = get(vm, list);
    if (!IS_LIST(l)) return not_a(vm, "mt_list_get", "list", l);
    int64_t p = position(index, AS_LIST(l)->count);
    if (p < 0)
        return fail(vm, MT_NOT_FOUND, ERR_INDEX, "list index %lld out of range", (long long)index);
    return put(vm, dst, AS_LIST(l)->items[p]);
}

mt_Status mt_list_set(mt_VM *vm, int list, int64_t index, int src) {
    Value l = get(vm, list);
    if (!IS_LIST(l)) return not_a(vm, "mt_list_set", "list", l);
    int64_t p = position(index, AS_LIST(l)->count);
    if (p < 0)
        return fail(vm, MT_NOT_FOUND, ERR_INDEX, "list index %lld out of range", (long long)index);
    AS_LIST(l)->items[p] = get(vm, src);
    return MT_OK;
}

mt_Status mt_list_append(mt_VM *vm, int list, int src) {
    Value l = get(vm, list);
    if (!IS_LIST(l)) return not_a(vm, "mt_list_append", "list", l);
    mt_Status st = MT_OK;
    GUARDED(vm, st, mto_list_push(vm, AS_LIST(l), get(vm, src)));
    return st;
}

mt_Status mt_map_get(mt_VM *vm, int map, int key, int dst) {
    Value m = get(vm, map);
    if (!IS_MAP(m)) return not_a(vm, "mt_map_get", "map", m);
    Value out;
    bool failed = false, found = false;
    mt_Status st = MT_OK;
    GUARDED(vm, st, found = mtm_get(vm, AS_MAP(m), get(vm, key), &out, &failed));
    if (st != MT_OK) return st;
    if (failed) return raised(vm, MT_TYPE_ERROR);
    if (!found) return fail(vm, MT_NOT_FOUND, ERR_KEY, "no such key in the map");
    return put(vm, dst, out);
}

mt_Status mt_map_set(mt_VM *vm, int map, int key, int src) {
    Value m = get(vm, map);
    if (!IS_MAP(m)) return not_a(vm, "mt_map_set", "map", m);
    bool ok = true;
    mt_Status st = MT_OK;
    GUARDED(vm, st, ok = mtm_set(vm, AS_MAP(m), get(vm, key), get(vm, src)));
    if (st != MT_OK) return st;
    return ok ? MT_OK : raised(vm, MT_TYPE_ERROR);
}

/* {== Globals and attributes ==} */

/* The module named `name` (imported, or defined by the host); NULL if there is none. */
static Module *find_module(VM *vm, String *name) {
    Value v = NIL_VAL;
    if (mtt_get(&vm->modules, name, &v) && IS_OBJ_TYPE(v, OBJ_NATIVE)) {
        /* A library module not imported yet: its opener makes it (and caches it). The
           opener holds the module in its argument while it fills it in, so that argument
           must be a root: a temp (whose address stays put), not a C local. */
        mtgc_push_temp(vm, v);
        Value *arg = &vm->temps[vm->ntemps - 1];
        int st = ((Native *)AS_OBJ(v))->fn(vm, arg, 0);
        v = *arg;
        mtgc_pop_temp(vm, 1);
        if (st != NATIVE_OK) {
            vm->error = NIL_VAL;
            return NULL;
        }
    }
    if (IS_OBJ_TYPE(v, OBJ_MODULE)) return (Module *)AS_OBJ(v);
    Table *t = &vm->modules; /* modules from files are kept by path */
    for (uint32_t i = 0; t->entries && i <= t->mask; i++) {
        Value mv = t->entries[i].value;
        if (t->entries[i].key && IS_OBJ_TYPE(mv, OBJ_MODULE) &&
            ((Module *)AS_OBJ(mv))->name == name)
            return (Module *)AS_OBJ(mv);
    }
    return NULL;
}

/* A module's global by name: false if it has none (or it was never assigned). */
static bool module_get(Module *m, String *name, Value *out) {
    Value idx;
    if (!mtt_get(&m->names, name, &idx)) return false;
    Value v = m->values[AS_SMALLINT(idx)];
    if (IS_UNDEF(v)) return false;
    *out = v;
    return true;
}

/* Finds module `module` (NULL: the host module) and interns `name`: MT_OK, MT_NOT_FOUND
   or MT_MEMORY_ERROR. */
static mt_Status resolve(VM *vm, const char *module, const char *name, Module **m, String **n) {
    mt_Status st = MT_OK;
    GUARDED(vm, st, {
        *m = module ? find_module(vm, mto_intern_z(vm, module)) : vm->api->host;
        *n = mto_intern_z(vm, name); /* last: it is not a root */
    });
    if (st == MT_OK && !*m)
        return fail(vm, MT_NOT_FOUND, ERR_IMPORT, "no module named '%s'", module);
    return st;
}

mt_Status mt_get_global(mt_VM *vm, const char *module, const char *name, int dst) {
    Module *m = NULL;
    String *n = NULL;
    mt_Status st = resolve(vm, module, name, &m, &n);
    if (st != MT_OK) return st;
    Value v;
    if (module_get(m, n, &v)) return put(vm, dst, v);
    if (!module && mtt_get(&vm->builtins, n, &v)) return put(vm, dst, v);
    return fail(vm, MT_NOT_FOUND, ERR_NAME, "name '%s' is not defined%s%s", name,
                module ? " in module " : "", module ? module : "");
}

/* Declares global n of module m as v (n, interned, is not a root yet: it is kept one). */
static void define_global(VM *vm, Module *m, String *n, Value v) {
    mtgc_push_temp(vm, OBJ_VAL(n));
    uint32_t slot = mto_module_slot(vm, m, n);
    m->values[slot] = v;
    m->declared[slot] = 1;
    mtgc_pop_temp(vm, 1);
}

mt_Status mt_set_global(mt_VM *vm, const char *module, const char *name, int src) {
    Module *m = NULL;
    String *n = NULL;
    mt_Status st = resolve(vm, module, name, &m, &n);
    if (st != MT_OK) return st;
    GUARDED(vm, st, define_global(vm, m, n, get(vm, src)));
    return st;
}

mt_Status mt_get_attr(mt_VM *vm, int obj, const char *name, int dst) {
    Value o = get(vm, obj), out = NIL_VAL;
    bool ok = false;
    mt_Status st = MT_OK;
    GUARDED(vm, st, ok = mtcall_get(vm, o, mto_intern_z(vm, name), &out));
    if (st != MT_OK) return st;
    if (!ok) return raised(vm, MT_NOT_FOUND);
    return put(vm, dst, out);
}

/* {== Handles ==} */

mt_Handle *mt_handle(mt_VM *vm, int slot) {
    mt_Handle *h = mtmem_host_realloc(vm, NULL, 0, sizeof *h);
    if (!h) {
        mtapi_no_memory(vm);
        return NULL;
    }
    ApiState *a = vm->api;
    h->value = get(vm, slot);
    h->prev = NULL;
    h->next = a->handles;
    if (a->handles) a->handles->prev = h;
    a->handles = h;
    return h;
}

mt_Status mt_handle_get(mt_VM *vm, mt_Handle *handle, int slot) {
    return put(vm, slot, handle ? handle->value : NIL_VAL);
}

void mt_release(mt_VM *vm, mt_Handle *h) {
    if (!h) return;
    ApiState *a = vm->api;
    if (h->prev) h->prev->next = h->next;
    else a->handles = h->next;
    if (h->next) h->next->prev = h->prev;
    mtmem_host_realloc(vm, h, sizeof *h, 0);
}

/* {== Calling Mt ==} */

static bool callable(Value v) {
    return IS_CLOSURE(v) || IS_CLASS(v) || IS_OBJ_TYPE(v, OBJ_NATIVE) || IS_OBJ_TYPE(v, OBJ_BOUND);
}

/* Starts the call on fiber hc: true if it pushed a frame for the dispatch loop to run;
   else the callee (a native, or a call that failed at once) has ended hc. */
static bool start_host_call(VM *vm, Fiber *hc, int argc) {
    Step st = mtcall_call(vm, hc, mtf_stack(hc), argc);
    if (st == STEP_FRAME) return true;
    if (st == STEP_DONE) {
        hc->state = FIBER_DONE;
        hc->result = hc->top[-1];
        return false;
    }
    /* A native that failed or tried to wait (STEP_SWITCH cannot happen: parking refuses). */
    hc->state = FIBER_FAILED;
    hc->result = vm->error;
    vm->error = NIL_VAL;
    return false;
}

/* Runs the call on fiber hc to its end (a nested dispatch loop): true if it returned. A
   native callee runs here, outside the dispatch loop's protected region: running out of
   memory in it is MemoryError in hc, as in the loop, and never a jump past the caller,
   which must put back the fiber the call interrupted. */
static bool run_host_call(VM *vm, Fiber *hc, int argc) {
    MemJmp mj;
    mtmem_enter(vm, &mj);
    volatile bool frame = false;
    if (setjmp(mj.buf) == 0) {
        frame = start_host_call(vm, hc, argc);
    } else {
        mtmem_recover(vm, &mj);
        /* Fails hc at once, or unwinds it from its frame (which the loop then runs). */
        frame = mte_raise_out_of_memory(vm) && hc->state == FIBER_RUNNING;
    }
    mtmem_leave(vm, &mj);
    if (frame && mtvm_execute(vm) < 0) return false;
    return hc->state == FIBER_DONE;
}

/* The call's fiber: a thread root nobody schedules, holding [callee, args...]. */
static Fiber *host_call_fiber(VM *vm, int slot, int argc) {
    ApiState *a = vm->api;
    Fiber *hc = mtf_new(vm, a->slots[a->base + (uint32_t)slot],
                        &a->slots[a->base + (uint32_t)slot + 1], argc, true);
    hc->obj.flags |= FIBER_HOSTCALL;
    hc->state = FIBER_RUNNING;
    hc->active = hc;
    return hc;
}

/* Runs the call; the result or the error goes to the slot. Raises MemoryError only
   before the call starts (run_host_call keeps it from jumping out of the call). */
static mt_Status call_in_slot(VM *vm, int slot, int argc) {
    ApiState *a = vm->api;
    Fiber *hc = host_call_fiber(vm, slot, argc);
    a->saved[a->ncalls++] = vm->current; /* interrupted: a root until the call returns */
    vm->current = hc;
    bool was_native = a->in_native;
    a->in_native = false;
    bool ok = run_host_call(vm, hc, argc);
    a->in_native = was_native;
    vm->current = a->saved[--a->ncalls];
    if (vm->signal_pending) vm->attention = 1; /* held while the call ran */
    if (vm->budget.on) vm->attention = 1;
    if (vm->mem.dead) return mtapi_no_memory(vm);
    mtapi_store(vm, slot, hc->result);
    mtf_release_stack(vm, hc);
    if (ok) return MT_OK;
    mtapi_set_error(vm, "%s", describe(vm, hc->result));
    set_pending(vm, hc->result);
    if (mte_is_exit(vm, hc->result)) return MT_EXIT;
    return mte_is(vm, hc->result, ERR_MEMORY) ? MT_MEMORY_ERROR : MT_RUNTIME_ERROR;
}

/* The error value in `slot` is the call's failure: the message, the native's pending
   error. */
static mt_Status raised_in_slot(VM *vm, int slot) {
    Value e = get(vm, slot);
    mtapi_set_error(vm, "%s", describe(vm, e));
    set_pending(vm, e);
    return MT_RUNTIME_ERROR;
}

mt_Status mt_call(mt_VM *vm, int slot, int argc) {
    if (vm->mem.dead) return mtapi_no_memory(vm);
    ApiState *a = vm->api;
    if (slot < 0 || argc < 0 || (uint32_t)slot + (uint32_t)argc >= a->count)
        return fail(vm, MT_TYPE_ERROR, ERR_VALUE, "mt_call: slots %d..%d do not exist", slot,
                    slot + argc);
    Value fn = get(vm, slot);
    if (!callable(fn)) return not_a(vm, "mt_call", "function", fn);
    mt_Status st = MT_OK;
    if (a->ncalls >= MT_MAX_HOST_CALLS) {
        /* As if the callee raised it: the error replaces the callable. */
        GUARDED(
            vm, st,
            mtapi_store(vm, slot,
                        mte_new(vm, ERR_RECURSION, "mt_call nested %d deep", MT_MAX_HOST_CALLS)));
        return st == MT_OK ? raised_in_slot(vm, slot) : st;
    }
    GUARDED(vm, st, st = call_in_slot(vm, slot, argc));
    return st;
}

mt_Status mt_call_method(mt_VM *vm, int slot, const char *name, int argc) {
    ApiState *a = vm->api;
    if (slot < 0 || argc < 0 || (uint32_t)slot + (uint32_t)argc >= a->count)
        return fail(vm, MT_TYPE_ERROR, ERR_VALUE, "mt_call_method: slots %d..%d do not exist", slot,
                    slot + argc);
    Value recv = get(vm, slot), method = NIL_VAL;
    bool ok = false;
    mt_Status st = MT_OK;
    GUARDED(vm, st, {
        ok = mtcall_get(vm, recv, mto_intern_z(vm, name), &method);
        if (ok) mtapi_store(vm, slot, method);
    });
    if (st != MT_OK) return st;
    if (!ok) return raised(vm, MT_NOT_FOUND);
    return mt_call(vm, slot, argc);
}

const char *mt_error_string(mt_VM *vm, int slot) { return describe(vm, get(vm, slot)); }

void mt_report(mt_VM *vm, int slot) {
    mt_Status st = MT_OK;
    GUARDED(vm, st, mte_report(vm, get(vm, slot), NULL));
    MT_UNUSED(st);
}
