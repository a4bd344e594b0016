/*
** coro.c — coroutines: making, resuming, yielding, closing and iterating them, and
** closing the ones that hold cleanup when they become garbage or the program ends.
**
** A coroutine is a Fiber resumed by another fiber, on that fiber's thread: resuming sets
** vm->current to it (the dispatch loop reloads its registers) and makes it the thread's
** innermost fiber, so a blocking call inside it parks the whole thread.
*/
#include "vm/coro.h"
#include "vm/error.h"
#include "vm/opcodes.h"
#include "vm/sched.h"
#include "vm/thread.h"
#include "vm/vm.h"
#include "vm/state.h"
#include "vm/mem.h"
#include "vm/gc.h"
#include "vm/fiber.h"
#include "vm/call.h"

static Scheduler *SCH(VM *vm) { return vm->sched; }

static bool is_thread(Fiber *f) { return (f->obj.flags & FIBER_THREAD) != 0; }

static void spawn_closer(VM *vm, Fiber *co);
static bool has_pending_cleanup(Fiber *co);

/* The close's own ThreadExit of coroutine f (being closed): an Error from f's cleanup
   replaces it, unlike an Exit that unwinds a thread (SPEC 7.3). */
bool mtco_is_close_exit(Fiber *f, Value exc) {
    return !is_thread(f) && f->mode == RESUME_CLOSE && f->resumer && f->resumer->top[-1] == exc;
}

/* Hands a finished coroutine's result to its resumer. */
void mtco_finished(VM *vm, Fiber *co, Value value, bool ok) {
    Fiber *r = co->resumer;
    Fiber *t = co->thread;
    ResumeMode mode = (ResumeMode)co->mode;
    bool closed = !ok && mtco_is_close_exit(co, value); /* close() got what it asked for */
    co->state = ok ? FIBER_DONE : FIBER_FAILED;
    co->resumer = NULL;
    co->thread = NULL;
    co->obj.flags &= ~(FIBER_CLOSE_HELD | FIBER_AT_SAFE_POINT);
    mtf_release_stack(vm, co);
    if (t) t->active = r;
    vm->current = r;
    if (!r) return;
    if (!ok) {
        if (closed) r->top[-1] = NIL_VAL;
        else r->pending = value;
        return;
    }
    switch (mode) {
    case RESUME_CALL: r->top[-1] = value; break;
    case RESUME_CLOSE: r->top[-1] = NIL_VAL; break;
    case RESUME_NEXT: {
        Frame *fr = &r->frames[r->nframes - 1];
        fr->ip += INSTR_SA(fr->ip[-1]); /* leave the for loop */
        break;
    }
    }
}

/* {== Coroutines ==} */

Fiber *mtco_new(VM *vm, Value callee, Value *args, int argc) {
    Fiber *co = mtf_new(vm, callee, args, argc, false);
    co->id = (uint32_t)(++SCH(vm)->next_coroutine_seq);
    SCH(vm)->coroutines++;
    return co;
}

/* Everything mtco_resume does but continue a suspended coroutine from a thread or
   coroutine within the depth limit: errors, and a first resume (which calls the function). */
static MT_NOINLINE Step resume_slow(VM *vm, Fiber *f, Fiber *co, Value v, ResumeMode mode) {
    if (is_thread(co)) {
        mte_throw(vm, ERR_TYPE, "a thread cannot be resumed like a coroutine");
        return STEP_ERROR;
    }
    if (co->state == FIBER_RUNNING) {
        mte_throw(vm, ERR_VALUE, "coroutine is already running");
        return STEP_ERROR;
    }
    if (co->state == FIBER_DONE || co->state == FIBER_FAILED) {
        if (mode == RESUME_NEXT) return STEP_JUMP;
        mte_throw(vm, ERR_VALUE, "cannot resume a finished coroutine");
        return STEP_ERROR;
    }
    Fiber *t = f;
    uint32_t depth = 1;
    if (!is_thread(f)) {
        t = f->thread;
        depth = f->resume_depth + 1;
        if (mt_unlikely(depth > vm->max_resume_depth)) {
            mte_throw(vm, ERR_RECURSION, "coroutines nested too deeply (more than %u resumes)",
                      vm->max_resume_depth);
            return STEP_ERROR;
        }
    }
    co->resume_depth = depth;
    co->resumer = f;
    co->thread = t;
    co->mode = (uint8_t)mode;
    if (t) t->active = co;
    bool fresh = co->state == FIBER_NEW;
    co->state = FIBER_RUNNING;
    vm->current = co;
    if (fresh) {
        int argc = (int)(co->top - mtf_stack(co)) - 1;
        Step st = mtcall_call(vm, co, mtf_stack(co), argc);
        if (st == STEP_FRAME || st == STEP_SWITCH) return STEP_SWITCH;
        if (st == STEP_DONE) {
            mtco_finished(vm, co, co->top[-1], true);
            return STEP_SWITCH;
        }
        Value e = vm->error;
        vm->error = NIL_VAL;
        mtco_finished(vm, co, e, false);
        return STEP_SWITCH;
    }
    co->top[-1] = v; /* the value of the pending yield */
    return STEP_SWITCH;
}

/* Resumes coroutine `co` from fiber `f`. f->top[-1] is where the value goes back. The
   common case (a suspended coroutine resumed by a thread: every round trip of a generator
   or a `resume` loop) is a few stores; resume_slow has the rest. */
Step mtco_resume(VM *vm, Fiber *f, Fiber *co, Value v, ResumeMode mode) {
    if (mt_unlikely(co->state != FIBER_SUSPENDED || !is_thread(f) || is_thread(co)))
        return resume_slow(vm, f, co, v, mode);
    co->resume_depth = 1;
    co->resumer = f;
    co->thread = f;
    co->mode = (uint8_t)mode;
    f->active = co;
    co->state = FIBER_RUNNING;
    vm->current = co;
    co->top[-1] = v; /* the value of the pending yield */
    return STEP_SWITCH;
}

/* co.close(): raise ThreadExit at the yield so its cleanup runs. */
int mtco_close(VM *vm, Value *args) {
    Fiber *co = AS_FIBER(args[0]);
    Fiber *f = vm->current;
    if (co->state == FIBER_NEW) {
        co->state = FIBER_DONE;
        mtf_release_stack(vm, co);
        args[0] = NIL_VAL;
        return NATIVE_OK;
    }
    if (co->state != FIBER_SUSPENDED) {
        if (co->state == FIBER_RUNNING)
            return mte_throw(vm, ERR_VALUE, "cannot close a running coroutine");
        args[0] = NIL_VAL;
        return NATIVE_OK;
    }
    /* The close's own ThreadExit waits in the result slot: mtco_finished tells it from
       an exit that unwinds the thread (which goes on past close). */
    Value exit = mtth_exit_error(vm, false);
    args[0] = exit;
    f->top = args + 1;
    /* Suspended inside cleanup: that cleanup finishes first (SPEC 8.6, 7.3). */
    if (mte_in_cleanup(co)) co->obj.flags |= FIBER_CLOSE_HELD;
    else co->pending = exit;
    Step st = mtco_resume(vm, f, co, NIL_VAL, RESUME_CLOSE);
    if (st == STEP_ERROR) {
        co->pending = UNDEF_VAL;
        co->obj.flags &= ~FIBER_CLOSE_HELD;
        return NATIVE_ERROR;
    }
    return NATIVE_SUSPEND;
}

/* Yielding while being closed: close() fails; the coroutine stays suspended. The error
   is made first, while the resume chain still roots everything. */
static MT_NOINLINE Step yield_in_close(VM *vm, Fiber *f) {
    Fiber *r = f->resumer;
    Fiber *t = f->thread;
    Value e = mte_new(vm, ERR_VALUE, "coroutine yielded while being closed");
    mte_prepare(vm, f, e, true); /* the traceback shows where it yielded */
    f->obj.flags &= ~FIBER_CLOSE_HELD;
    f->state = FIBER_SUSPENDED;
    f->resumer = NULL;
    f->thread = NULL;
    if (t) t->active = r;
    r->pending = e;
    vm->current = r;
    return STEP_SWITCH;
}

/* `yield v`: a coroutine hands v to its resumer; a thread lets the others run. */
Step mtco_yield(VM *vm, Fiber *f, Value v) {
    if (is_thread(f)) return mts_yield_thread(vm, f);
    ResumeMode mode = (ResumeMode)f->mode;
    if (mt_unlikely(mode == RESUME_CLOSE)) return yield_in_close(vm, f);
    Fiber *r = f->resumer;
    Fiber *t = f->thread;
    f->state = FIBER_SUSPENDED;
    f->resumer = NULL;
    f->thread = NULL;
    if (t) t->active = r;
    if (mode == RESUME_NEXT) *r->top++ = v;
    else r->top[-1] = v;
    vm->current = r;
    return STEP_SWITCH;
}

Step mtco_for_iter(VM *vm, Fiber *f, Fiber *co) {
    if (is_thread(co)) {
        mte_throw(vm, ERR_TYPE, "a thread is not iterable (use join)");
        return STEP_ERROR;
    }
    return mtco_resume(vm, f, co, NIL_VAL, RESUME_NEXT);
}

/* {== Closing coroutines that hold cleanup ==} */

static bool has_pending_cleanup(Fiber *co) {
    if (co->state != FIBER_SUSPENDED) return false;
    for (uint32_t i = 0; i < co->nframes; i++) {
        Frame *fr = &co->frames[i];
        Proto *p = fr->closure->proto;
        uint32_t pc = (uint32_t)(fr->ip - p->code) - 1;
        /* A finally or with exit, or an except that might name ThreadExit. */
        for (uint32_t h = 0; h < p->nhandlers; h++)
            if (p->handlers[h].kind != HANDLER_FOR_STOP && pc >= p->handlers[h].start &&
                pc < p->handlers[h].end)
                return true;
    }
    return false;
}

/* Suspended coroutines that became garbage inside a try with a finally are revived and
   queued to be closed (on a fresh thread each, in creation order), so their cleanup runs. */
void mtco_revive_garbage(VM *vm) {
    Scheduler *s = SCH(vm);
    if (!s || s->coroutines == 0) return;
    uint32_t first = s->nclose;
    for (Obj *o = vm->objects; o; o = o->next) {
        if (o->type != OBJ_FIBER || o->marked || is_thread((Fiber *)o)) continue;
        Fiber *co = (Fiber *)o;
        if ((o->flags & FIBER_REPORTED) || !has_pending_cleanup(co)) continue;
        if (s->nclose == s->close_cap) {
            uint32_t cap = s->close_cap ? s->close_cap * 2 : 8;
            Fiber **n = mtmem_host_realloc(vm, s->to_close, s->close_cap * sizeof(Fiber *),
                                           cap * sizeof(Fiber *));
            if (!n) {
                /* No memory to queue it: it stays alive, unclosed, for the next collection
                   to try again (its cleanup must not be lost). */
                mtgc_mark_fiber_full(vm, co);
                continue;
            }
            s->to_close = n;
            s->close_cap = cap;
        }
        o->flags |= FIBER_REPORTED; /* closed once */
        s->to_close[s->nclose++] = co;
    }
    /* Creation order (the object list is newest first). */
    for (uint32_t i = first + 1; i < s->nclose; i++)
        for (uint32_t j = i; j > first && s->to_close[j]->id < s->to_close[j - 1]->id; j--) {
            Fiber *x = s->to_close[j];
            s->to_close[j] = s->to_close[j - 1];
            s->to_close[j - 1] = x;
        }
    for (uint32_t i = first; i < s->nclose; i++) mtgc_mark_fiber_full(vm, s->to_close[i]);
    mtgc_drain(vm);
}

/* After a collection: the coroutines it revived get their closer threads now, so they
   join the run queue at once (the collector itself could not allocate them). */
void mtco_after_collect(VM *vm) {
    if (!SCH(vm) || vm->gc_pause) return;
    mtco_start_closers(vm);
}

/* Gives each coroutine the collector revived its closer thread, in creation order. */
void mtco_start_closers(VM *vm) {
    Scheduler *s = SCH(vm);
    while (s->nclose > 0) {
        Fiber *co = s->to_close[0];
        memmove(s->to_close, s->to_close + 1, --s->nclose * sizeof(Fiber *));
        mtgc_push_temp(vm, OBJ_VAL(co));
        spawn_closer(vm, co);
        mtgc_pop_temp(vm, 1);
    }
}

/* Starts a thread that closes coroutine co: it runs the prelude's _close(co), so its
   failures are reported like any thread's. */
static void spawn_closer(VM *vm, Fiber *co) {
    Value close = vm->lib.close;
    Value arg = OBJ_VAL(co);
    Fiber *t = mtf_new(vm, close, &arg, 1, true);
    t->obj.flags |= FIBER_CLOSER;
    mtth_register(vm, t);
    mts_enqueue(vm, t);
}

/* At program end: close every suspended coroutine that still has cleanup, newest first. */
void mtco_close_garbage(VM *vm) {
    Scheduler *s = SCH(vm);
    if (s->coroutines == 0 || s->aborted) return;
    Fiber *found[256];
    int n = 0;
    for (Obj *o = vm->objects; o && n < 256; o = o->next) {
        if (o->type != OBJ_FIBER || is_thread((Fiber *)o) || (o->flags & FIBER_REPORTED)) continue;
        if (has_pending_cleanup((Fiber *)o)) {
            o->flags |= FIBER_REPORTED;
            found[n++] = (Fiber *)o;
        }
    }
    /* Newest first: highest creation sequence first. */
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && found[j]->id > found[j - 1]->id; j--) {
            Fiber *x = found[j];
            found[j] = found[j - 1];
            found[j - 1] = x;
        }
    /* found[] is no root, and nothing else may reach these coroutines any more: no
       collection runs until each is held by its closer's stack. */
    vm->gc_pause++;
    for (int i = 0; i < n; i++) spawn_closer(vm, found[i]);
    vm->gc_pause--;
}
