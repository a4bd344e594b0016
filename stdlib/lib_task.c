/*
** lib_task.c — the concurrency builtins: coroutine(), channel(), sleep(), current(), and the
** methods of coroutines, threads and channels.
**
** A native that blocks sets the fiber's top to just above its result slot (args[0]) and
** lets the scheduler park the thread; whoever completes the operation writes the result
** there.
*/
#include "stdlib/lib.h"
#include "vm/gc.h"
#include "vm/select.h"
#include "vm/value.h"
#include "vm/thread.h"
#include "vm/state.h"
#include "vm/sched.h"
#include "vm/fiber.h"
#include "vm/error.h"
#include "vm/coro.h"
#include "vm/channel.h"

static Fiber *cur(VM *vm) { return vm->current; }

/* Prepares args[0] as the result slot of a blocking call. */
static void result_slot(VM *vm, Value *args) { cur(vm)->top = args + 1; }

/* {== coroutines ==} */

static int task_coroutine(VM *vm, Value *args, int argc) {
    Value f = args[1];
    if (!IS_OBJ(f) || (AS_OBJ(f)->type != OBJ_CLOSURE && AS_OBJ(f)->type != OBJ_NATIVE &&
                       AS_OBJ(f)->type != OBJ_BOUND && AS_OBJ(f)->type != OBJ_CLASS))
        return mtlib_type_error(vm, "coroutine", 1, "a function", f);
    Fiber *co = mtco_new(vm, f, args + 2, argc - 1);
    RETURN(OBJ_VAL(co));
}

static bool need_coroutine(VM *vm, Value v, const char *what) {
    if (IS_FIBER(v) && !(AS_OBJ(v)->flags & FIBER_THREAD)) return true;
    mte_throw(vm, ERR_TYPE, "%s needs a coroutine", what);
    return false;
}

static int co_resume(VM *vm, Value *args, int argc) {
    if (!need_coroutine(vm, args[0], "resume()")) return NATIVE_ERROR;
    Value v = argc >= 1 ? args[1] : NIL_VAL;
    result_slot(vm, args);
    return mtlib_from_step(vm, mtco_resume(vm, cur(vm), AS_FIBER(args[0]), v, RESUME_CALL));
}

static int co_close(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    if (!need_coroutine(vm, args[0], "close()")) return NATIVE_ERROR;
    result_slot(vm, args);
    return mtco_close(vm, args);
}

static int co_done(VM *vm, Value *args, int argc) {
    MT_UNUSED(vm);
    MT_UNUSED(argc);
    Fiber *co = AS_FIBER(args[0]);
    RETURN(BOOL_VAL(co->state == FIBER_DONE || co->state == FIBER_FAILED));
}

/* co.status (SPEC 7.1): "suspended" (not started, or at a yield), "running" (it is what
   its thread runs now), "normal" (it resumed another coroutine, which runs) or "dead". */
static int co_status(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    Fiber *co = AS_FIBER(args[0]);
    const char *s;
    switch ((FiberState)co->state) {
    case FIBER_NEW:
    case FIBER_SUSPENDED: s = "suspended"; break;
    case FIBER_DONE:
    case FIBER_FAILED: s = "dead"; break;
    default: s = co->thread && co->thread->active != co ? "normal" : "running"; break;
    }
    RETURN(OBJ_VAL(mto_intern_z(vm, s)));
}

/* co.throw(err): raises err inside the coroutine at its yield; the value it yields next or
   returns is throw's, as for resume (SPEC 7.1). An error class is made an instance first
   (in the prelude: its init is Mt code). */
static int co_throw(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    if (!need_coroutine(vm, args[0], "throw()")) return NATIVE_ERROR;
    Fiber *co = AS_FIBER(args[0]);
    Value e = args[1];
    if (IS_CLASS(e) && (mte_class_is(AS_CLASS(e), vm->error_class[ERR_ERROR]) ||
                        mte_class_is(AS_CLASS(e), vm->error_class[ERR_EXIT]))) {
        Value a[2] = {args[0], e};
        return mtlib_tail_call(vm, args, mtlib_prelude(vm, "_co_throw"), 2, a);
    }
    if (!mte_is_raisable(vm, e))
        return mte_throw(vm, ERR_TYPE, "throw() needs an Error or Exit instance or class, not %s",
                         mtv_type_name(e));
    if (co->state == FIBER_NEW) {
        /* Never started: it ends without running, and the error comes back at once. */
        co->state = FIBER_FAILED;
        mtf_release_stack(vm, co);
        vm->error = e;
        return NATIVE_ERROR;
    }
    if (co->state == FIBER_SUSPENDED) co->pending = e;
    result_slot(vm, args);
    Step st = mtco_resume(vm, cur(vm), co, NIL_VAL, RESUME_CALL);
    if (st == STEP_ERROR) co->pending = UNDEF_VAL;
    return mtlib_from_step(vm, st);
}

/* current_coroutine(): the coroutine running now, or nil at a thread's own level. */
static int task_current_coroutine(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    Fiber *f = cur(vm);
    RETURN(f->obj.flags & FIBER_THREAD ? NIL_VAL : OBJ_VAL(f));
}

/* {== threads ==} */

static bool need_thread(VM *vm, Value v) {
    if (IS_FIBER(v) && (AS_OBJ(v)->flags & FIBER_THREAD)) return true;
    mte_throw(vm, ERR_TYPE, "needs a thread, not %s", mtv_type_name(v));
    return false;
}

static int thread_join(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    if (!need_thread(vm, args[0])) return NATIVE_ERROR;
    result_slot(vm, args);
    return mtlib_from_step(vm, mtth_join(vm, cur(vm), AS_FIBER(args[0])));
}

static int thread_kill(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    if (!need_thread(vm, args[0])) return NATIVE_ERROR;
    int r = mtth_kill(vm, AS_FIBER(args[0]));
    if (r != NATIVE_OK) return r;
    RETURN(NIL_VAL);
}

static int thread_alive(VM *vm, Value *args, int argc) {
    MT_UNUSED(vm);
    MT_UNUSED(argc);
    Fiber *t = AS_FIBER(args[0]);
    RETURN(BOOL_VAL(t->state != FIBER_DONE && t->state != FIBER_FAILED));
}

static int thread_id(VM *vm, Value *args, int argc) {
    MT_UNUSED(vm);
    MT_UNUSED(argc);
    RETURN(SMALLINT_VAL(AS_FIBER(args[0])->id));
}

static int task_current(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    RETURN(OBJ_VAL(mts_thread_of(cur(vm))));
}

static int task_sleep(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    double s;
    if (!mtlib_num_arg(vm, args, 1, "sleep", &s)) return NATIVE_ERROR;
    result_slot(vm, args);
    args[0] = NIL_VAL;
    return mtlib_from_step(vm, mts_sleep(vm, cur(vm), s));
}

/* choose(cases, default=false): a select over a list of cases built at run time. */
static int task_choose(VM *vm, Value *args, int argc) {
    if (!IS_LIST(args[1])) return mtlib_type_error(vm, "choose", 1, "a list of cases", args[1]);
    bool dflt = ARG_GIVEN(args, argc, 2) && mtv_truthy(args[2]);
    Value cases = args[1];
    mtgc_push_temp(vm, cases); /* above the result slot from here on */
    result_slot(vm, args);
    Step st = mtsel_choose(vm, cur(vm), AS_LIST(cases), dflt);
    mtgc_pop_temp(vm, 1);
    return mtlib_from_step(vm, st);
}

/* {== channels ==} */

static int task_channel(VM *vm, Value *args, int argc) {
    int64_t cap = 0;
    if (argc >= 1 && !mtlib_int_arg(vm, args, 1, "channel", &cap)) return NATIVE_ERROR;
    if (cap < 0 || cap > (1 << 28))
        return mte_throw(vm, ERR_VALUE, "channel() capacity must be between 0 and 2^28");
    RETURN(OBJ_VAL(mtch_new(vm, (uint32_t)cap)));
}

#define CHAN ((Channel *)AS_OBJ(args[0]))

/* A send or a recv outside a loop returns STEP_DONE, STEP_ERROR or STEP_SWITCH, which are
   the native results for them: the channel call is the native's last step. */
_Static_assert((int)STEP_DONE == (int)NATIVE_OK && (int)STEP_ERROR == (int)NATIVE_ERROR &&
                   (int)STEP_SWITCH == (int)NATIVE_SUSPEND,
               "a channel operation's Step is its native result");

static int chan_send(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    result_slot(vm, args);
    return (int)mtch_send(vm, cur(vm), CHAN, args[1]);
}

static int chan_recv(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    result_slot(vm, args);
    return (int)mtch_recv(vm, cur(vm), CHAN, false);
}

static int chan_close(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    int r = mtch_close(vm, CHAN);
    if (r != NATIVE_OK) return r;
    RETURN(NIL_VAL);
}

static int chan_closed(VM *vm, Value *args, int argc) {
    MT_UNUSED(vm);
    MT_UNUSED(argc);
    RETURN(BOOL_VAL(CHAN->closed));
}

static const char *const p_choose[] = {"cases", "default", NULL};

static const LibReg task_lib[] = {
    {"coroutine", task_coroutine, 1, -1, NULL, false},
    {"channel", task_channel, 0, 1, NULL, false},
    {"choose", task_choose, 1, 2, p_choose, false},
    {"sleep", task_sleep, 1, 1, NULL, false},
    {"current", task_current, 0, 0, NULL, false},
    {"current_coroutine", task_current_coroutine, 0, 0, NULL, false},
    {NULL, NULL, 0, 0, NULL, false},
};

static const LibReg coroutine_methods[] = {
    {"resume", co_resume, 0, 1, NULL, false}, {"close", co_close, 0, 0, NULL, false},
    {"done", co_done, 0, 0, NULL, true},      {"status", co_status, 0, 0, NULL, true},
    {"throw", co_throw, 1, 1, NULL, false},   {NULL, NULL, 0, 0, NULL, false},
};

static const LibReg thread_methods[] = {
    {"join", thread_join, 0, 0, NULL, false},  {"kill", thread_kill, 0, 0, NULL, false},
    {"alive", thread_alive, 0, 0, NULL, true}, {"id", thread_id, 0, 0, NULL, true},
    {NULL, NULL, 0, 0, NULL, false},
};

static const LibReg channel_methods[] = {
    {"send", chan_send, 1, 1, NULL, false},   {"recv", chan_recv, 0, 0, NULL, false},
    {"close", chan_close, 0, 0, NULL, false}, {"closed", chan_closed, 0, 0, NULL, true},
    {NULL, NULL, 0, 0, NULL, false},
};

void mttask_open(VM *vm) {
    mtlib_register(vm, task_lib);
    mtlib_register_methods(vm, TYPE_COROUTINE, coroutine_methods);
    mtlib_register_methods(vm, TYPE_THREAD, thread_methods);
    mtlib_register_methods(vm, TYPE_CHANNEL, channel_methods);
}
