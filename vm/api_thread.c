/*
** api_thread.c — threads and channels from C (include/mt.h): spawning, killing and
** reading threads, and channel operations that never block the host.
*/
/* GUARDED regions (api.h): their locals are read only when the region completed. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wclobbered"
#endif

#include <stdio.h>

#include "vm/api.h"
#include "vm/channel.h"
#include "vm/error.h"
#include "vm/gc.h"
#include "vm/mem.h"
#include "vm/object.h"
#include "vm/sched.h"
#include "vm/state.h"
#include "vm/thread.h"

static Value slot_value(VM *vm, int slot) {
    ApiState *a = vm->api;
    return slot >= 0 && (uint32_t)slot < a->count ? a->slots[a->base + (uint32_t)slot] : NIL_VAL;
}

static mt_Status wrong_type(VM *vm, const char *fn, const char *want, Value got) {
    mtapi_set_error(vm, "%s: expected a %s, not %s", fn, want, mtv_type_name(got));
    return MT_TYPE_ERROR;
}

static bool is_thread(Value v) {
    return IS_FIBER(v) && (AS_OBJ(v)->flags & FIBER_THREAD) && !(AS_OBJ(v)->flags & FIBER_HOSTCALL);
}

/* {== Threads ==} */

/* Makes a thread calling fn with the argc slots after `slot`, stored in `slot`. */
static void start_thread(VM *vm, Value fn, int slot, int argc) {
    ApiState *a = vm->api;
    Value *args = &a->slots[a->base + (uint32_t)slot];
    Fiber *t = mtf_new(vm, fn, args + 1, argc, true);
    mtgc_push_temp(vm, OBJ_VAL(t));
    mtth_register(vm, t);
    mts_enqueue(vm, t);
    mtgc_pop_temp(vm, 1);
    mtapi_store(vm, slot, OBJ_VAL(t));
}

mt_Status mt_spawn(mt_VM *vm, int slot, int argc) {
    ApiState *a = vm->api;
    if (slot < 0 || argc < 0 || (uint32_t)slot + (uint32_t)argc >= a->count) {
        mtapi_set_error(vm, "mt_spawn: slots %d..%d do not exist", slot, slot + argc);
        return MT_TYPE_ERROR;
    }
    Value fn = slot_value(vm, slot);
    if (!IS_CLOSURE(fn) && !IS_CLASS(fn) && !IS_OBJ_TYPE(fn, OBJ_NATIVE) &&
        !IS_OBJ_TYPE(fn, OBJ_BOUND))
        return wrong_type(vm, "mt_spawn", "function", fn);
    mt_Status st = MT_OK;
    GUARDED(vm, st, start_thread(vm, fn, slot, argc));
    return st;
}

mt_Status mt_kill(mt_VM *vm, int slot) {
    Value v = slot_value(vm, slot);
    if (!is_thread(v)) return wrong_type(vm, "mt_kill", "thread", v);
    Fiber *t = AS_FIBER(v);
    if (t == mts_thread_of(vm->current)) {
        /* A native killing its own thread: the ThreadExit is its pending error. */
        mt_Status st = MT_EXIT;
        if (vm->api->in_native) GUARDED(vm, st, vm->api->pending = mtth_exit_error(vm, false));
        return st == MT_OK ? MT_EXIT : st;
    }
    mtth_kill(vm, t);
    return MT_OK;
}

mt_Status mt_thread_result(mt_VM *vm, int slot, int dst) {
    Value v = slot_value(vm, slot);
    if (!is_thread(v)) return wrong_type(vm, "mt_thread_result", "thread", v);
    Fiber *t = AS_FIBER(v);
    if (mt_ensure_slots(vm, dst + 1) != MT_OK) return MT_MEMORY_ERROR;
    if (t->state == FIBER_DONE) {
        mtapi_store(vm, dst, t->result);
        return MT_OK;
    }
    if (t->state != FIBER_FAILED) return MT_WOULD_BLOCK;
    t->obj.flags |= FIBER_REPORTED;
    if (mte_is_exit(vm, t->result)) {
        mtapi_store(vm, dst, NIL_VAL);
        return MT_EXIT;
    }
    mtapi_store(vm, dst, t->result);
    return MT_RUNTIME_ERROR;
}

/* {== Channels ==} */

mt_Status mt_new_channel(mt_VM *vm, int slot, uint32_t capacity) {
    mt_Status st = mt_ensure_slots(vm, slot + 1);
    if (st != MT_OK) return st;
    GUARDED(vm, st, mtapi_store(vm, slot, OBJ_VAL(mtch_new(vm, capacity))));
    return st;
}

static Channel *channel_in(VM *vm, int slot) {
    Value v = slot_value(vm, slot);
    return IS_OBJ_TYPE(v, OBJ_CHANNEL) ? (Channel *)AS_OBJ(v) : NULL;
}

mt_Status mt_try_send(mt_VM *vm, int channel, int value) {
    Channel *ch = channel_in(vm, channel);
    if (!ch) return wrong_type(vm, "mt_try_send", "channel", slot_value(vm, channel));
    if (ch->closed) return MT_CLOSED;
    return mtch_try_send(vm, ch, slot_value(vm, value)) ? MT_OK : MT_WOULD_BLOCK;
}

mt_Status mt_try_recv(mt_VM *vm, int channel, int dst) {
    Channel *ch = channel_in(vm, channel);
    if (!ch) return wrong_type(vm, "mt_try_recv", "channel", slot_value(vm, channel));
    if (mt_ensure_slots(vm, dst + 1) != MT_OK) return MT_MEMORY_ERROR;
    Value v;
    if (mtch_try_recv(vm, ch, &v)) {
        mtapi_store(vm, dst, v);
        return MT_OK;
    }
    return ch->closed ? MT_CLOSED : MT_WOULD_BLOCK;
}

mt_Status mt_close_channel(mt_VM *vm, int channel) {
    Channel *ch = channel_in(vm, channel);
    if (!ch) return wrong_type(vm, "mt_close_channel", "channel", slot_value(vm, channel));
    MemJmp mj;
    mt_Status st = MT_OK;
    mtmem_enter(vm, &mj);
    if (setjmp(mj.buf) == 0) {
        mtch_close(vm, ch);
    } else {
        mtmem_recover(vm, &mj);
        mtmem_handled(vm, &mj);
        vm->error = NIL_VAL;
        st = mtapi_no_memory(vm);
    }
    mtmem_leave(vm, &mj);
    return st;
}
