/*
** thread.c — threads: spawning, joining, killing, the exits delivered to them (kill,
** shutdown, signals), how a thread finishes, and the collector's view of threads.
**
** A thread is a Fiber resumed by the scheduler (sched.c); coroutines it resumes run on it
** (coro.c). An Exit delivered from outside a thread is held until exit_due() allows it
** (the hold rule, SPEC 8.6); shutdown kills the remaining threads in spawn order.
*/
#include <stdio.h>

#include "vm/coro.h"
#include "vm/error.h"
#include "vm/out.h"
#include "vm/sched.h"
#include "vm/thread.h"
#include "vm/vm.h"
#include "vm/state.h"
#include "vm/object.h"
#include "vm/num.h"
#include "vm/mem.h"
#include "vm/gc.h"
#include "vm/fiber.h"

static Scheduler *SCH(VM *vm) { return vm->sched; }

static bool is_thread(Fiber *f) { return (f->obj.flags & FIBER_THREAD) != 0; }

/* {== Exits delivered from outside a thread ==}

   A kill, shutdown or a signal (for main) delivers an Exit to a thread from outside it. The
   thread *holds* it (exit_held) until it may be raised there; exit_due() is the one place
   that decides when:
   - never while cleanup (a finally body or a with exit) runs anywhere on the thread's
     resume chain, so no cleanup is cut short: it is raised where the cleanup ends;
   - if it arrived while a value was in transit to the thread (woken, not yet run), at the
     thread's next suspension point or the end of a cleanup block, so a kill never loses a
     message;
   - otherwise as soon as the thread runs: when it resumes, or at the safe point where it
     is running.
   Not held: the collector's kill of a thread nothing can wake and shutdown's re-delivered
   ThreadExit (both raised where the thread waits, even in cleanup), and errors handed to
   a fiber to raise when it resumes (fiber->pending). */

typedef enum { AT_RESUME, AT_SAFE_POINT, AT_SUSPENSION, AT_CLEANUP_END } ExitSite;

/* True when some frame of f, or of the fibers that resumed it, runs cleanup. */
static bool chain_in_cleanup(Fiber *f) {
    for (Fiber *c = f; c; c = is_thread(c) ? NULL : c->resumer)
        if (mte_in_cleanup(c)) return true;
    return false;
}

/* May thread t's held exit be raised now, at site `at`, in f, its innermost running fiber
   (NULL: the error leaves the thread's last fiber)? */
static bool exit_due(Fiber *t, Fiber *f, ExitSite at) {
    if (t->exit_held == HELD_NONE) return false;
    if ((t->obj.flags & FIBER_HOLD_TO_SUSPENSION) && at != AT_SUSPENSION && at != AT_CLEANUP_END)
        return false;
    return !f || !chain_in_cleanup(f);
}

static Value signal_exit_error(VM *vm, int code) {
    Value e = mte_new(vm, ERR_SYSTEM_EXIT, "terminated by signal %d", code - 128);
    mtgc_push_temp(vm, e);
    mto_instance_set(vm, AS_INSTANCE(e), vm->names.code, SMALLINT_VAL(code));
    mtgc_pop_temp(vm, 1);
    return e;
}

static const char *held_exit_name(Fiber *t) {
    switch ((HeldExit)t->exit_held) {
    case HELD_INTERRUPT: return "Interrupt";
    case HELD_SYSTEM_EXIT: return "SystemExit";
    default: return "ThreadExit";
    }
}

/* Makes thread t's held exit into the error to raise now, and clears it. */
static Value take_held_exit(VM *vm, Fiber *t) {
    HeldExit kind = (HeldExit)t->exit_held;
    int code = SCH(vm)->held_exit_code;
    t->exit_held = HELD_NONE;
    t->obj.flags &= ~FIBER_HOLD_TO_SUSPENSION;
    switch (kind) {
    case HELD_INTERRUPT: return mte_new(vm, ERR_INTERRUPT, "interrupted");
    case HELD_SYSTEM_EXIT: return signal_exit_error(vm, code);
    default: {
        Fiber *a = t->active ? t->active : t;
        if (a == t && !(t->obj.flags & FIBER_MAIN) && !mte_may_catch(t))
            return mte_shared_kill_error(vm);
        return mtth_exit_error(vm, false);
    }
    }
}

/* Delivers an Exit to thread t from outside it. t may be the running thread (a signal
   noticed at one of its safe points): the caller then raises the exit if it is due. */
static void deliver_exit(VM *vm, Fiber *t, HeldExit kind, int code) {
    if (t->state == FIBER_DONE || t->state == FIBER_FAILED) return;
    if (kind == HELD_THREAD_EXIT) t->obj.flags |= FIBER_KILLED;
    if (t->state == FIBER_NEW || (t->state == FIBER_RUNNABLE && t->nframes == 0 && !t->active)) {
        /* Killed before it first ran: it never runs. A kill ends it as the ThreadExit
           would have (join gives nil, the host sees an Exit); the preallocated one, so
           that nothing here allocates. */
        t->state = FIBER_DONE; /* skipped when dequeued */
        if (kind == HELD_THREAD_EXIT) mtth_finished(vm, t, vm->thread_exit_error, false);
        else mtth_finished(vm, t, NIL_VAL, true);
        return;
    }
    t->exit_held = (uint8_t)kind;
    if (kind == HELD_SYSTEM_EXIT) SCH(vm)->held_exit_code = (uint8_t)code; /* main's only */
    if (t->obj.flags & FIBER_DEFER) t->obj.flags |= FIBER_HOLD_TO_SUSPENSION;
    Fiber *a = t->active ? t->active : t;
    if (t->state == FIBER_RUNNING || !exit_due(t, a, AT_RESUME)) return; /* held */
    if (t->state == FIBER_PARKED) {
        mts_unpark(vm, t);
        mts_enqueue(vm, t);
    }
    a->pending = PENDING_HELD_EXIT; /* raised when it resumes (supersedes a wake-up error) */
}

/* At a suspension point: raise a held exit that is due, or (shutdown) re-deliver a
   swallowed ThreadExit, instead of waiting. */
/* mtth_suspension_check's slow path: thread t holds an exit, or shutdown is under way. */
bool mtth_suspension_slow(VM *vm, Fiber *f, Fiber *t) {
    if (exit_due(t, f, AT_SUSPENSION)) {
        vm->error = take_held_exit(vm, t);
        return false;
    }
    t->obj.flags &= ~FIBER_HOLD_TO_SUSPENSION; /* what was in transit has been taken */
    if (SCH(vm)->shutting_down && (t->obj.flags & FIBER_KILLED) && t->exit_held == HELD_NONE &&
        !chain_in_cleanup(f)) {
        /* It swallowed its ThreadExit: during shutdown it gets it again, unmatchable. */
        vm->error = mtth_exit_error(vm, true);
        return false;
    }
    return true;
}

/* Moves a fiber's pending error into vm->error, to raise where it resumes. */
void mtth_take_pending(VM *vm, Fiber *f) {
    Value p = f->pending;
    f->pending = UNDEF_VAL;
    vm->error = mtth_materialize(vm, f, p);
}

/* A cleanup block of f ended (END_FINALLY), with `in_flight` its pending error or UNDEF:
   false with vm->error set if an exit held meanwhile is raised now, in its place. */
bool mtth_cleanup_ended(VM *vm, Fiber *f, Value in_flight) {
    Value exit = UNDEF_VAL;
    if ((f->obj.flags & FIBER_CLOSE_HELD) && !mte_in_cleanup(f)) {
        f->obj.flags &= ~FIBER_CLOSE_HELD;
        exit = f->resumer->top[-1]; /* the close's own ThreadExit (mtco_close) */
    }
    Fiber *t = mts_thread_of(f);
    if (IS_UNDEF(exit) && t && exit_due(t, f, AT_CLEANUP_END)) {
        if (!IS_UNDEF(in_flight) && mte_is_exit(vm, in_flight)) return true; /* already exiting */
        if (!IS_UNDEF(in_flight)) mte_report_displaced(vm, in_flight, held_exit_name(t), t);
        exit = take_held_exit(vm, t);
    }
    if (IS_UNDEF(exit)) {
        if (t && t->exit_held) vm->attention = 1; /* still held: look again at safe points */
        return true;
    }
    vm->error = exit;
    return false;
}

/* An Error that left cleanup lands in f's top frame (at its ip) or, `leaving`, leaves f.
   If f's thread holds an exit that is due there, the exit goes on in its place and the
   Error is reported (SPEC 6.6). Returns the error to unwind with. */
Value mtth_exit_after_cleanup(VM *vm, Fiber *f, Value exc, bool leaving) {
    Fiber *t = mts_thread_of(f);
    if (!t || t->exit_held == HELD_NONE || mte_is_exit(vm, exc)) return exc;
    bool due;
    if (leaving) {
        due = exit_due(t, is_thread(f) ? NULL : f->resumer, AT_CLEANUP_END);
    } else {
        f->obj.flags |= FIBER_AT_SAFE_POINT; /* its pc is the landing pad itself */
        due = exit_due(t, f, AT_CLEANUP_END);
        f->obj.flags &= ~FIBER_AT_SAFE_POINT;
    }
    if (!due) return exc;
    mte_report_displaced(vm, exc, held_exit_name(t), t);
    return take_held_exit(vm, t);
}

/* {== Errors for kill, deadlock and shutdown ==} */

Value mtth_exit_error(VM *vm, bool unmatchable) {
    Value e = unmatchable ? mte_new(vm, ERR_THREAD_EXIT, "thread killed") : mte_kill_error(vm);
    if (unmatchable) {
        mtgc_push_temp(vm, e);
        mto_instance_set(vm, AS_INSTANCE(e), vm->names.unmatchable, TRUE_VAL);
        mtgc_pop_temp(vm, 1);
    }
    return e;
}

/* The error a pending marker stands for, made when fiber f (of thread t) resumes. */
Value mtth_materialize(VM *vm, Fiber *f, Value pending) {
    Fiber *t = mts_thread_of(f);
    if (pending == PENDING_HELD_EXIT) return take_held_exit(vm, t);
    if (pending == PENDING_THREAD_EXIT) {
        if (f == t && !(t->obj.flags & FIBER_MAIN) && !mte_may_catch(t))
            return mte_shared_kill_error(vm); /* nothing in t can see it: allocate nothing */
        return mtth_exit_error(vm, false);
    }
    if (pending == PENDING_DEADLOCK) {
        /* Main can never be woken: an exit it held for its cleanup goes on instead. */
        Value e = t && t->exit_held ? take_held_exit(vm, t) : mts_deadlock_error(vm);
        SCH(vm)->deadlock_lines[0] = '\0';
        return e;
    }
    return pending;
}

/* {== Thread registry ==} */

void mtth_register(VM *vm, Fiber *t) {
    Scheduler *s = SCH(vm);
    if (s->nthreads == s->threads_cap) {
        /* Compact finished entries before growing. */
        uint32_t n = 0;
        for (uint32_t i = 0; i < s->nthreads; i++) {
            Fiber *u = s->threads[i];
            if (!u) continue;
            if (n != i) {       /* a thread that stays put is not touched (a million of them) */
                u->obj.aux = n; /* its registry index, which its timer names too */
                s->threads[n] = u;
                if (u->timer_slot) s->timers[u->timer_slot - 1].thread = n;
            }
            n++;
        }
        s->nthreads = n;
        if (n * 2 > s->threads_cap || s->threads_cap == 0) {
            uint32_t cap = s->threads_cap ? s->threads_cap * 2 : 64;
            mtgc_push_temp(vm, OBJ_VAL(t)); /* not yet reachable from anywhere */
            s->threads = mtmem_realloc(vm, s->threads, s->threads_cap * sizeof(Fiber *),
                                       cap * sizeof(Fiber *));
            mtgc_pop_temp(vm, 1);
            s->threads_cap = cap;
        }
    }
    t->id = s->next_thread_id++;
    t->timer_slot = 0;
    t->obj.aux = s->nthreads;
    s->threads[s->nthreads++] = t;
}

static void unregister_thread(VM *vm, Fiber *t) {
    Scheduler *s = SCH(vm);
    uint32_t i = t->obj.aux;
    if (i < s->nthreads && s->threads[i] == t) s->threads[i] = NULL;
}

uint32_t mtth_live_count(VM *vm) {
    Scheduler *s = SCH(vm);
    uint32_t n = 0;
    for (uint32_t i = 0; i < s->nthreads; i++)
        if (s->threads[i]) n++;
    return n;
}

/* {== Shutdown ==} */

void mtth_begin_shutdown(VM *vm, int status) {
    Scheduler *s = SCH(vm);
    if (status >= 0 && !s->status_fixed) {
        s->status = status;
        s->status_fixed = true;
    }
    if (s->shutting_down) return;
    s->shutting_down = true;
    for (uint32_t i = 0; i < s->nthreads; i++) {
        Fiber *t = s->threads[i];
        if (t && t != mts_thread_of(vm->current)) deliver_exit(vm, t, HELD_THREAD_EXIT, 0);
    }
}

/* {== Finishing ==} */

/* The status a SystemExit asks for: its code, else (raise SystemExit("why")) 1 with the
   message shown, else 0. */
static int exit_code_of(VM *vm, Value exc) {
    Value code, msg;
    if (!IS_INSTANCE(exc)) return 0;
    if (mto_instance_get(AS_INSTANCE(exc), vm->names.code, &code) && IS_INT(code))
        return (int)(AS_INT(code) & 0xff);
    if (mto_instance_get(AS_INSTANCE(exc), vm->names.message, &msg) && IS_STRING(msg) &&
        AS_STRING(msg)->len > 0) {
        int64_t n;
        if (mtn_parse_int(AS_STRING(msg)->chars, AS_STRING(msg)->len, 10, &n))
            return (int)(n & 0xff);
        mtout_write_err(vm, AS_STRING(msg)->chars, AS_STRING(msg)->len);
        mtout_write_err(vm, "\n", 1);
        return 1;
    }
    return 0;
}

/* {== Joins: the scheduler's table from a thread to its joiners ==} */

static uint32_t join_hash(const Fiber *t) {
    return (uint32_t)(((uintptr_t)t >> 4) * 0x9E3779B97F4A7C15ull >> 32);
}

/* The slot of thread t (FIBER_JOINED), or where it would go. */
static JoinSlot *join_slot(Scheduler *s, const Fiber *t) {
    uint32_t mask = s->joins_cap - 1;
    for (uint32_t i = join_hash(t) & mask;; i = (i + 1) & mask)
        if (s->joins[i].thread == t || s->joins[i].thread == NULL) return &s->joins[i];
}

/* Moves the table to `cap` slots (none before mtth_init_joins): may collect, and fail. */
static void join_resize(VM *vm, uint32_t cap) {
    Scheduler *s = SCH(vm);
    JoinSlot *old = s->joins, *slots = mtmem_alloc(vm, cap * sizeof(JoinSlot));
    memset(slots, 0, cap * sizeof(JoinSlot));
    uint32_t old_cap = s->joins_cap;
    s->joins = slots;
    s->joins_cap = cap;
    for (uint32_t i = 0; i < old_cap; i++)
        if (old[i].thread) *join_slot(s, old[i].thread) = old[i];
    mtmem_free(vm, old, old_cap * sizeof(JoinSlot));
}

/* Room for a few joined threads from the start, so that joining after memory ran out (a
   kill, then join() to wait for the cleanup) needs no allocation. */
void mtth_init_joins(VM *vm) { join_resize(vm, 8); }

/* Room for one more joined thread (the table stays at most half full), before anything
   is linked. */
static void join_reserve(VM *vm) {
    Scheduler *s = SCH(vm);
    if ((s->njoins + 1) * 2 > s->joins_cap) join_resize(vm, s->joins_cap * 2);
}

/* Empties slot `at`, moving later probes back so every thread stays reachable from its
   hash (linear probing needs no tombstones). */
static void join_delete(Scheduler *s, JoinSlot *at) {
    uint32_t mask = s->joins_cap - 1, hole = (uint32_t)(at - s->joins);
    s->joins[hole].thread = NULL;
    s->njoins--;
    for (uint32_t i = (hole + 1) & mask; s->joins[i].thread; i = (i + 1) & mask) {
        uint32_t home = join_hash(s->joins[i].thread) & mask;
        /* Entry i may fill the hole if its home is not in the cyclic range (hole, i]. */
        if (((i - home) & mask) >= ((i - hole) & mask)) {
            s->joins[hole] = s->joins[i];
            s->joins[i].thread = NULL;
            hole = i;
        }
    }
}

/* The threads waiting in join() on t (none unless FIBER_JOINED). */
static Waiter *joiners_of(VM *vm, const Fiber *t) {
    if (!(t->obj.flags & FIBER_JOINED)) return NULL;
    return join_slot(SCH(vm), t)->joiners;
}

/* Adds joiner w to thread t's list (join_reserve made room). */
static void join_add(VM *vm, Fiber *t, Waiter *w) {
    Scheduler *s = SCH(vm);
    JoinSlot *slot = join_slot(s, t);
    if (!slot->thread) {
        slot->thread = t;
        slot->joiners = NULL;
        s->njoins++;
        t->obj.flags |= FIBER_JOINED;
    }
    w->next = slot->joiners;
    slot->joiners = w;
}

Waiter *mtth_take_joiners(VM *vm, Fiber *t) {
    if (!(t->obj.flags & FIBER_JOINED)) return NULL;
    Scheduler *s = SCH(vm);
    JoinSlot *slot = join_slot(s, t);
    Waiter *list = slot->joiners;
    join_delete(s, slot);
    t->obj.flags &= ~FIBER_JOINED;
    return list;
}

void mtth_remove_joiner(VM *vm, Fiber *target, Fiber *t) {
    if (!(target->obj.flags & FIBER_JOINED)) return;
    Scheduler *s = SCH(vm);
    JoinSlot *slot = join_slot(s, target);
    for (Waiter **w = &slot->joiners; *w; w = &(*w)->next)
        if (waiter_fiber(*w) == t) {
            *w = (*w)->next;
            break;
        }
    if (!slot->joiners) {
        join_delete(s, slot);
        target->obj.flags &= ~FIBER_JOINED;
    }
}

void mtth_finished(VM *vm, Fiber *t, Value value, bool ok) {
    Scheduler *s = SCH(vm);
    t->state = ok ? FIBER_DONE : FIBER_FAILED;
    t->result = value;
    t->active = NULL;
    t->exit_held = HELD_NONE; /* an exit it still held is moot: it has ended */
    t->obj.flags &= ~(FIBER_HOLD_TO_SUSPENSION | FIBER_AT_SAFE_POINT);
    unregister_thread(vm, t);
    bool is_exit = !ok && mte_is_exit(vm, value);
    Waiter *joiners = mtth_take_joiners(vm, t);
    bool joined = joiners != NULL;
    while (joiners) {
        Waiter *w = joiners;
        joiners = w->next;
        Fiber *j = waiter_fiber(w);
        if (ok || is_exit) mts_wake(vm, j, ok ? value : NIL_VAL);
        else mts_wake_error(vm, j, value);
        j->obj.flags &= ~FIBER_DEFER;
    }
    if (!ok && !is_exit) {
        if (joined) t->obj.flags |= FIBER_REPORTED;
        else mte_report(vm, value, t);
        if (!joined) t->obj.flags |= FIBER_REPORTED;
    }
    bool main = t->obj.flags & FIBER_MAIN;
    if (!ok && main && s->mode != SCHED_PROGRAM && !mte_is(vm, value, ERR_SYSTEM_EXIT)) {
        /* A host's chunk ended by an error or Ctrl-C: reported, and the VM goes on. */
        if (is_exit && !(t->obj.flags & FIBER_KILLED)) mte_report(vm, value, t);
    } else if (!ok) {
        if (main && !is_exit) mtth_begin_shutdown(vm, 1);
        else if (mte_is(vm, value, ERR_SYSTEM_EXIT) && (main || !s->shutting_down)) {
            Value show, msg;
            if (mto_instance_get(AS_INSTANCE(value), mto_intern_z(vm, "@show"), &show) &&
                mto_instance_get(AS_INSTANCE(value), vm->names.message, &msg) && IS_STRING(msg)) {
                mtout_write_err(vm, AS_STRING(msg)->chars, AS_STRING(msg)->len);
                mtout_write_err(vm, "\n", 1);
            }
            mtth_begin_shutdown(vm, exit_code_of(vm, value));
        } else if (main && mte_is(vm, value, ERR_INTERRUPT)) {
            mtout_write_err(vm, "Interrupt\n", 10);
            mtth_begin_shutdown(vm, 130);
        }
    }
    if (main && ok && s->shutting_down == false) {
        /* Main finished: the program runs on until every thread has finished. */
    }
    /* The host's chunk ended: its turn is over, unless it began the end of the program
       (exit()), which goes on until every other thread has unwound. */
    if (t == s->until && !s->shutting_down) s->stop = true;
    mtf_release_stack(vm, t);
}

/* {== Signals and safe points ==} */

/* Stops the run at once (a second signal): cleanup still running is abandoned. */
static void abort_run(VM *vm, int status) {
    Scheduler *s = SCH(vm);
    s->aborted = true;
    if (!s->status_fixed) {
        s->status = status;
        s->status_fixed = true;
    }
}

/* True while main runs cleanup for an exit: a signal now would be the user's second. */
static bool main_exiting(VM *vm, Fiber *main) {
    if (main->exit_held == HELD_INTERRUPT || main->exit_held == HELD_SYSTEM_EXIT) return true;
    for (Fiber *c = main->active ? main->active : main; c; c = is_thread(c) ? NULL : c->resumer)
        if (mte_unwinding_exit(vm, c)) return true;
    return false;
}

/* A signal for the VM: Interrupt (SIGINT) or SystemExit(128 + n) for main, held like any
   exit while main runs cleanup. A second signal — while shutting down, or while main runs
   the cleanup of an exit (or holds the first signal's) — stops the run at once. */
void mtth_deliver_signal(VM *vm) {
    Scheduler *s = SCH(vm);
    int sig = vm->signal_pending;
    vm->signal_pending = 0;
    if (!sig) return;
    int status = sig == 2 ? 130 : 128 + sig;
    Fiber *main = vm->main;
    if (s->shutting_down || (main && main->state != FIBER_DONE && main->state != FIBER_FAILED &&
                             main_exiting(vm, main))) {
        abort_run(vm, status);
        return;
    }
    if (!main || main->state == FIBER_DONE || main->state == FIBER_FAILED) {
        mtth_begin_shutdown(vm, status);
        return;
    }
    deliver_exit(vm, main, sig == 2 ? HELD_INTERRUPT : HELD_SYSTEM_EXIT, status);
}

/* A signal arrived while another thread runs: switch to main at once (the only
   involuntary switch) so that it raises Interrupt / SystemExit; the preempted thread goes
   first in the queue. */
static void preempt_for_main(VM *vm, Fiber *f) {
    Fiber *main = vm->main;
    Fiber *t = mts_thread_of(f);
    mts_run_queue_remove(vm, main);
    t->active = f;
    f->pending = PENDING_SAFE_POINT; /* f is FIBER_AT_SAFE_POINT: see run() */
    mts_enqueue_front(vm, t);
    if (!mts_run_thread(vm, main)) mts_schedule(vm);
}

/* Called at safe points (calls, backward jumps) when vm->attention is set: delivers a
   signal, and raises an exit the running thread holds once it is due. Returns false with
   vm->error set to raise in `f` now; may also switch to main (vm->current changes). */
/* The budget of a host's step counts one tick; true when it has run out. */
static bool budget_spent(VM *vm) {
    if (vm->budget.ticks_left != UINT64_MAX && --vm->budget.ticks_left == 0) return true;
    return vm->budget.deadline > 0 && (++vm->budget.clock_skip & 63) == 0 &&
           mts_now() >= vm->budget.deadline;
}

/* The host's budget ran out: the running thread stops at this safe point (it goes on
   first at the next turn) and the scheduler returns to the host. */
static void preempt_for_host(VM *vm, Fiber *f) {
    Fiber *t = mts_thread_of(f);
    t->active = f;
    f->pending = PENDING_SAFE_POINT; /* f is FIBER_AT_SAFE_POINT: see run() */
    mts_enqueue_front(vm, t);
    vm->current = NULL;
    vm->budget.spent = true;
    SCH(vm)->stop = true;
}

bool mtth_attention(VM *vm, Fiber *f) {
    vm->attention = vm->budget.on; /* a budget counts every safe point */
    Scheduler *s = SCH(vm);
    Fiber *t = mts_thread_of(f);
    if (t && (t->obj.flags & FIBER_HOSTCALL)) {
        /* mt_call's code cannot be switched away from: a signal waits for it to return
           (mt_call sets attention again), and a budget does not count it. */
        return true;
    }
    if (vm->budget.on && !vm->signal_pending && !t->exit_held) {
        if (budget_spent(vm)) preempt_for_host(vm, f);
        return true;
    }
    if (vm->signal_pending) {
        bool was_down = s->shutting_down;
        mtth_deliver_signal(vm);
        if (s->aborted) {
            vm->current = NULL;
            return true;
        }
        Fiber *main = vm->main;
        if (!was_down && s->shutting_down && t) {
            /* The signal began shutdown (main had finished): the running thread is killed
               too, here, so that a spinning thread cannot hide it. */
            deliver_exit(vm, t, HELD_THREAD_EXIT, 0);
        } else if (t && t != main && main &&
                   !IS_UNDEF((main->active ? main->active : main)->pending)) {
            preempt_for_main(vm, f);
            return true;
        }
    }
    if (t && t->exit_held) {
        if (exit_due(t, f, AT_SAFE_POINT)) {
            vm->error = take_held_exit(vm, t);
            return false;
        }
        vm->attention = 1; /* held: look again at the next safe point */
    }
    return true;
}

/* {== Threads ==} */

/* The index + 1 of spawn site (p, pc), added if new. */
static uint32_t spawn_site(VM *vm, Proto *p, uint32_t pc) {
    Scheduler *s = SCH(vm);
    uint32_t last = s->last_site;
    if (last && s->sites[last - 1].proto == p && s->sites[last - 1].pc == pc) return last;
    for (uint32_t i = 0; i < s->nsites; i++)
        if (s->sites[i].proto == p && s->sites[i].pc == pc) return s->last_site = i + 1;
    if (s->nsites == s->sites_cap) {
        uint32_t cap = s->sites_cap ? s->sites_cap * 2 : 8;
        s->sites =
            mtmem_realloc(vm, s->sites, s->sites_cap * sizeof(SpawnSite), cap * sizeof(SpawnSite));
        s->sites_cap = cap;
    }
    s->sites[s->nsites++] = (SpawnSite){p, pc};
    return s->last_site = s->nsites;
}

bool mtth_spawned_at(VM *vm, Fiber *t, Proto **proto, uint32_t *pc) {
    Scheduler *s = SCH(vm);
    if (!s || !is_thread(t) || t->spawn_site == 0 || t->spawn_site > s->nsites) return false;
    *proto = s->sites[t->spawn_site - 1].proto;
    *pc = s->sites[t->spawn_site - 1].pc;
    return true;
}

void mtth_mark_sites(VM *vm) {
    Scheduler *s = SCH(vm);
    for (uint32_t i = 0; i < s->nsites; i++) mtgc_mark_obj(vm, &s->sites[i].proto->obj);
}

Step mtth_spawn(VM *vm, Fiber *f, Value *callee, int argc, List *names) {
    Frame *fr = &f->frames[f->nframes - 1];
    Proto *sp = fr->closure->proto;
    uint32_t site = spawn_site(vm, sp, (uint32_t)(fr->ip - sp->code) - 1); /* may allocate */
    Fiber *t = mtf_new(vm, *callee, callee + 1, argc, true);
    /* Keyword names wait with the arguments until the thread's first run. */
    if (names) t->wait.value = OBJ_VAL(names);
    t->spawn_site = site;
    mtth_register(vm, t);
    mts_enqueue(vm, t);
    *callee = OBJ_VAL(t);
    f->top = callee + 1;
    return STEP_DONE;
}

Fiber *mtth_start_main(VM *vm, Closure *cl) {
    Value callee = OBJ_VAL(cl);
    Fiber *t = mtf_new(vm, callee, NULL, 0, true);
    t->obj.flags |= FIBER_MAIN;
    if (!vm->main) vm->main = t;
    mtth_register(vm, t);
    mts_enqueue(vm, t);
    return t;
}

Step mtth_join(VM *vm, Fiber *f, Fiber *target) {
    Fiber *self = mts_thread_of(f);
    if (target == self) {
        mte_throw(vm, ERR_VALUE, "a thread cannot join itself");
        return STEP_ERROR;
    }
    if (target->state == FIBER_DONE) {
        f->top[-1] = target->result;
        return STEP_DONE;
    }
    if (target->state == FIBER_FAILED) {
        target->obj.flags |= FIBER_REPORTED;
        if (mte_is_exit(vm, target->result)) {
            f->top[-1] = NIL_VAL;
            return STEP_DONE;
        }
        vm->error = target->result;
        return STEP_ERROR;
    }
    if (!mts_can_wait(vm, f)) return STEP_ERROR; /* before it is among the joiners */
    join_reserve(vm);
    join_add(vm, target, &self->wait);
    return mts_park(vm, f, WAIT_JOIN, &target->obj);
}

/* t.kill(): ThreadExit at t's suspension point; does not wait. */
int mtth_kill(VM *vm, Fiber *target) {
    Fiber *self = mts_thread_of(vm->current);
    if (target == self) return mte_throw_value(vm, mtth_exit_error(vm, false));
    if (target->state == FIBER_DONE || target->state == FIBER_FAILED) return NATIVE_OK;
    if (target->obj.flags & FIBER_KILLED) return NATIVE_OK;
    deliver_exit(vm, target, HELD_THREAD_EXIT, 0);
    return NATIVE_OK;
}

/* {== Collector hooks ==} */

/* Marks a thread that can run (or be woken) and, through it, the threads joining it. */
void mtth_mark_live(VM *vm, Fiber *t) {
    if (t->obj.marked == 2) return;
    mtgc_mark_fiber_full(vm, t);
    for (Waiter *w = joiners_of(vm, t); w; w = w->next) mtth_mark_live(vm, waiter_fiber(w));
}

/* The collector reached thread t through a handle or a wake source. A parked thread's
   handle does not keep it alive: only its wake sources do (mtth_after_mark). */
void mtth_blacken(VM *vm, Fiber *t) {
    if (t->state == FIBER_PARKED) return;
    if (t->state == FIBER_DONE || t->state == FIBER_FAILED) {
        mtgc_mark_value(vm, t->result);
        return;
    }
    mtth_mark_live(vm, t);
}

/* Called by channels for their waiters: a reachable channel keeps its waiters alive. */
void mtth_mark_waiter(VM *vm, Waiter *w) { mtth_mark_live(vm, waiter_fiber(w)); }

/* After marking: parked threads nothing reachable can wake are revived and killed (main
   gets DeadlockError instead); they unwind when their turn comes. */
void mtth_after_mark(VM *vm) {
    Scheduler *s = SCH(vm);
    if (!s) return;
    /* Decide the whole garbage set before reviving any of it: what a revived thread
       references must not make another garbage thread look wakeable. */
    uint32_t n = 0;
    for (uint32_t i = 0; i < s->nthreads; i++) {
        Fiber *t = s->threads[i];
        if (!t || t->state != FIBER_PARKED || t->obj.marked == 2) continue;
        t->obj.flags |= FIBER_GARBAGE;
        if (t->obj.flags & FIBER_MAIN) mts_note_deadlock(vm); /* while all still wait */
        n++;
    }
    if (n == 0) return;
    for (uint32_t i = 0; i < s->nthreads; i++) {
        Fiber *t = s->threads[i];
        if (!t || !(t->obj.flags & FIBER_GARBAGE)) continue;
        t->obj.flags &= ~FIBER_GARBAGE;
        mtth_mark_live(vm, t);
        mts_unpark(vm, t);
        Fiber *a = t->active ? t->active : t;
        if (t->obj.flags & FIBER_MAIN) {
            a->pending = PENDING_DEADLOCK;
        } else {
            a->pending = PENDING_THREAD_EXIT;
            t->obj.flags |= FIBER_KILLED;
        }
        t->obj.flags &= ~FIBER_DEFER;
        mts_enqueue(vm, t);
        mtgc_drain(vm);
    }
}

/* Shutting down with every thread blocked: whatever waits now waits forever, so each gets
   an unmatchable ThreadExit where it waits, even in cleanup (SPEC 10.6). Returns whether
   any thread was woken. */
bool mtth_cut_blocked(VM *vm) {
    Scheduler *s = SCH(vm);
    bool any = false;
    for (uint32_t i = 0; i < s->nthreads; i++) {
        Fiber *t = s->threads[i];
        if (!t || t->state != FIBER_PARKED) continue;
        t->exit_held = HELD_NONE; /* cut short: its cleanup can never go on */
        t->obj.flags &= ~FIBER_HOLD_TO_SUSPENSION;
        mts_unpark(vm, t);
        (t->active ? t->active : t)->pending = mtth_exit_error(vm, true);
        t->obj.flags |= FIBER_KILLED;
        t->obj.flags &= ~FIBER_DEFER;
        mts_enqueue(vm, t);
        any = true;
    }
    return any;
}
