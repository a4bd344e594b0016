/*
** sched.c — coroutines, threads and the scheduler.
**
** A coroutine is a Fiber resumed by another fiber; a thread is a Fiber resumed by the
** scheduler. A thread's `active` is the innermost fiber of its resume chain: a blocking
** operation inside a coroutine parks the whole thread, and waking the thread resumes that
** coroutine. Switching is setting vm->current; the dispatch loop reloads its registers.
**
** Scheduling is deterministic: a FIFO run queue; timers in a min-heap (deadline, then the
** order they were set) are moved to the queue before each pass over it; spawn never
** switches. When nothing can run, the idle step decides: wait for a timer, raise
** DeadlockError in a blocked main thread, or (main done) kill the threads that can never
** wake, in spawn order.
*/
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "vm/error.h"
#include "vm/opcodes.h"
#include "vm/sched.h"

static Scheduler *SCH(VM *vm) { return vm->sched; }

double mts_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static bool is_thread(Fiber *f) { return (f->obj.flags & FIBER_THREAD) != 0; }

void mts_init(VM *vm) {
    Scheduler *s = mtmem_alloc(vm, sizeof(Scheduler));
    memset(s, 0, sizeof *s);
    s->next_thread_id = 1;
    vm->sched = s;
}

void mts_free(VM *vm) {
    Scheduler *s = SCH(vm);
    if (!s) return;
    mtmem_free(vm, s->timers, s->timers_cap * sizeof(Timer));
    mtmem_host_realloc(vm, s->to_close, s->close_cap * sizeof(Fiber *), 0);
    mtmem_free(vm, s->threads, s->threads_cap * sizeof(Fiber *));
    mtmem_free(vm, s, sizeof *s);
    vm->sched = NULL;
}

/* {== Run queue ==} */

void mts_enqueue(VM *vm, Fiber *t) {
    Scheduler *s = SCH(vm);
    if (t->state == FIBER_RUNNABLE) return; /* already queued: never link it twice */
    t->state = FIBER_RUNNABLE;
    t->wait.next = NULL;
    if (s->run_tail) s->run_tail->wait.next = &t->wait;
    else s->run_head = t;
    s->run_tail = t;
    s->run_len++;
}

static Fiber *dequeue(VM *vm) {
    Scheduler *s = SCH(vm);
    Fiber *t = s->run_head;
    if (!t) return NULL;
    s->run_head = t->wait.next ? waiter_fiber(t->wait.next) : NULL;
    if (!s->run_head) s->run_tail = NULL;
    t->wait.next = NULL;
    s->run_len--;
    if (s->pass_left) s->pass_left--;
    return t;
}

/* {== Timers: a binary min-heap on (deadline, order set) ==} */

static bool timer_less(const Timer *a, const Timer *b) {
    return a->at < b->at || (a->at == b->at && a->seq < b->seq);
}

static void timer_set(Scheduler *s, uint32_t i, Timer t) {
    s->timers[i] = t;
    t.fiber->timer_slot = i + 1;
}

static void sift_up(Scheduler *s, uint32_t i) {
    Timer t = s->timers[i];
    while (i > 0) {
        uint32_t p = (i - 1) / 2;
        if (!timer_less(&t, &s->timers[p])) break;
        timer_set(s, i, s->timers[p]);
        i = p;
    }
    timer_set(s, i, t);
}

static void sift_down(Scheduler *s, uint32_t i) {
    Timer t = s->timers[i];
    for (;;) {
        uint32_t l = 2 * i + 1, r = l + 1, m = i;
        const Timer *best = &t;
        if (l < s->ntimers && timer_less(&s->timers[l], best)) {
            m = l;
            best = &s->timers[l];
        }
        if (r < s->ntimers && timer_less(&s->timers[r], best)) m = r;
        if (m == i) break;
        timer_set(s, i, s->timers[m]);
        i = m;
    }
    timer_set(s, i, t);
}

/* Makes room for one more timer, so that the next mts_timer_add cannot fail (select
   reserves before it queues its waiters). */
void mts_timer_reserve(VM *vm) {
    Scheduler *s = SCH(vm);
    if (s->ntimers < s->timers_cap) return;
    uint32_t cap = s->timers_cap ? s->timers_cap * 2 : 16;
    s->timers = mtmem_realloc(vm, s->timers, s->timers_cap * sizeof(Timer), cap * sizeof(Timer));
    s->timers_cap = cap;
}

void mts_timer_add(VM *vm, Fiber *f, double at) {
    Scheduler *s = SCH(vm);
    mts_timer_reserve(vm);
    Timer t = {at, s->timer_seq++, f};
    s->timers[s->ntimers] = t;
    sift_up(s, s->ntimers++);
}

void mts_timer_remove(VM *vm, Fiber *f) {
    Scheduler *s = SCH(vm);
    if (!f->timer_slot) return;
    uint32_t i = f->timer_slot - 1;
    f->timer_slot = 0;
    s->ntimers--;
    if (i == s->ntimers) return;
    Timer last = s->timers[s->ntimers];
    timer_set(s, i, last);
    if (i > 0 && timer_less(&last, &s->timers[(i - 1) / 2])) sift_up(s, i);
    else sift_down(s, i);
}

static void timer_fired(VM *vm, Fiber *t);

/* Moves every expired timer's thread to the run queue, in deadline order. */
static void expire_timers(VM *vm, double now) {
    Scheduler *s = SCH(vm);
    while (s->ntimers && s->timers[0].at <= now) {
        Fiber *t = s->timers[0].fiber;
        mts_timer_remove(vm, t);
        timer_fired(vm, t);
    }
}

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
    int code = t->exit_code;
    t->exit_held = HELD_NONE;
    t->obj.flags &= ~FIBER_HOLD_TO_SUSPENSION;
    switch (kind) {
    case HELD_INTERRUPT: return mte_new(vm, ERR_INTERRUPT, "interrupted");
    case HELD_SYSTEM_EXIT: return signal_exit_error(vm, code);
    default: return mts_thread_exit_error(vm, false);
    }
}

static void thread_finished(VM *vm, Fiber *t, Value value, bool ok);

/* Delivers an Exit to thread t from outside it. t may be the running thread (a signal
   noticed at one of its safe points): the caller then raises the exit if it is due. */
static void deliver_exit(VM *vm, Fiber *t, HeldExit kind, int code) {
    if (t->state == FIBER_DONE || t->state == FIBER_FAILED) return;
    if (kind == HELD_THREAD_EXIT) t->obj.flags |= FIBER_KILLED;
    if (t->state == FIBER_NEW || (t->state == FIBER_RUNNABLE && t->nframes == 0 && !t->active)) {
        /* Killed before it first ran: it never runs. */
        t->state = FIBER_DONE; /* skipped when dequeued */
        thread_finished(vm, t, NIL_VAL, true);
        return;
    }
    t->exit_held = (uint8_t)kind;
    t->exit_code = (uint8_t)code;
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
static bool suspension_check(VM *vm, Fiber *f) {
    Fiber *t = mts_thread_of(f);
    if (mt_likely(!t || (t->exit_held == HELD_NONE && !SCH(vm)->shutting_down))) return true;
    if (exit_due(t, f, AT_SUSPENSION)) {
        vm->error = take_held_exit(vm, t);
        return false;
    }
    t->obj.flags &= ~FIBER_HOLD_TO_SUSPENSION; /* what was in transit has been taken */
    if (SCH(vm)->shutting_down && (t->obj.flags & FIBER_KILLED) && t->exit_held == HELD_NONE &&
        !chain_in_cleanup(f)) {
        /* It swallowed its ThreadExit: during shutdown it gets it again, unmatchable. */
        vm->error = mts_thread_exit_error(vm, true);
        return false;
    }
    return true;
}

bool mts_suspension_check(VM *vm, Fiber *f) { return suspension_check(vm, f); }

static Value materialize(VM *vm, Fiber *f, Value pending);

/* Moves a fiber's pending error into vm->error, to raise where it resumes. */
void mts_take_pending(VM *vm, Fiber *f) {
    Value p = f->pending;
    f->pending = UNDEF_VAL;
    vm->error = materialize(vm, f, p);
}

/* A cleanup block of f ended (END_FINALLY), with `in_flight` its pending error or UNDEF:
   false with vm->error set if an exit held meanwhile is raised now, in its place. */
bool mts_cleanup_ended(VM *vm, Fiber *f, Value in_flight) {
    Value exit = UNDEF_VAL;
    if ((f->obj.flags & FIBER_CLOSE_HELD) && !mte_in_cleanup(f)) {
        f->obj.flags &= ~FIBER_CLOSE_HELD;
        exit = f->resumer->top[-1]; /* the close's own ThreadExit (mts_close) */
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
Value mts_exit_after_cleanup(VM *vm, Fiber *f, Value exc, bool leaving) {
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

/* The close's own ThreadExit of coroutine f (being closed): an Error from f's cleanup
   replaces it, unlike an Exit that unwinds a thread (SPEC 7.3). */
bool mts_is_close_exit(Fiber *f, Value exc) {
    return !is_thread(f) && f->mode == RESUME_CLOSE && f->resumer && f->resumer->top[-1] == exc;
}

static void schedule(VM *vm);

/* Parks the thread running `f` (f may be a coroutine nested in it) and switches away. */
Step mts_park(VM *vm, Fiber *f, WaitKind kind, Obj *on) {
    if (!suspension_check(vm, f)) return STEP_ERROR;
    Fiber *t = mts_thread_of(f);
    if (!t) {
        mte_throw(vm, ERR_VALUE, "cannot block outside a thread");
        return STEP_ERROR;
    }
    t->active = f;
    t->state = FIBER_PARKED;
    t->wait_kind = (uint8_t)kind;
    if (kind != WAIT_SELECT) t->wait_obj = on;
    schedule(vm);
    return STEP_SWITCH;
}

/* Makes a parked thread runnable; `result` becomes the value of the blocking call. */
void mts_wake(VM *vm, Fiber *t, Value result) {
    Fiber *a = t->active ? t->active : t;
    a->top[-1] = result;
    t->wait_kind = WAIT_NONE;
    t->wait_obj = NULL;
    if (t->timer_slot) mts_timer_remove(vm, t);
    t->obj.flags |= FIBER_DEFER;
    mts_enqueue(vm, t);
}

void mts_wake_error(VM *vm, Fiber *t, Value exc) {
    Fiber *a = t->active ? t->active : t;
    a->pending = exc;
    t->wait_kind = WAIT_NONE;
    t->wait_obj = NULL;
    if (t->timer_slot) mts_timer_remove(vm, t);
    t->obj.flags &= ~FIBER_DEFER;
    mts_enqueue(vm, t);
}

static void remove_joiner(Fiber *target, Fiber *t) {
    for (Waiter **w = &target->joiners; *w; w = &(*w)->next)
        if (waiter_fiber(*w) == t) {
            *w = (*w)->next;
            return;
        }
}

/* Takes a parked thread out of whatever it waits on (for kill and the collector). */
void mts_unpark(VM *vm, Fiber *t) {
    switch ((WaitKind)t->wait_kind) {
    case WAIT_SEND:
    case WAIT_RECV: mtch_remove_waiter((Channel *)t->wait_obj, &t->wait); break;
    case WAIT_SELECT: mtsel_cancel(vm, t); break;
    case WAIT_JOIN: remove_joiner((Fiber *)t->wait_obj, t); break;
    default: break;
    }
    if (t->timer_slot) mts_timer_remove(vm, t);
    t->wait_kind = WAIT_NONE;
    t->wait_obj = NULL;
}

MT_INTERNAL void mtsel_timeout(VM *vm, Fiber *t);

static void timer_fired(VM *vm, Fiber *t) {
    if (t->wait_kind == WAIT_SELECT) {
        mtsel_timeout(vm, t);
        return;
    }
    mts_wake(vm, t, NIL_VAL);
    t->obj.flags &= ~FIBER_DEFER;
}

/* {== Errors for kill, deadlock and shutdown ==} */

Value mts_thread_exit_error(VM *vm, bool unmatchable) {
    Value e = unmatchable ? mte_new(vm, ERR_THREAD_EXIT, "thread killed") : mte_kill_error(vm);
    if (unmatchable) {
        mtgc_push_temp(vm, e);
        mto_instance_set(vm, AS_INSTANCE(e), vm->names.unmatchable, TRUE_VAL);
        mtgc_pop_temp(vm, 1);
    }
    return e;
}

static const char *wait_name(WaitKind k) {
    switch (k) {
    case WAIT_SEND: return "send";
    case WAIT_RECV: return "recv";
    case WAIT_SELECT: return "select";
    case WAIT_JOIN: return "join";
    case WAIT_SLEEP: return "sleep";
    case WAIT_FD: return "io";
    case WAIT_HOST: return "host";
    default: return "?";
    }
}

static void describe_wait(Fiber *t, char *buf, size_t cap) {
    Fiber *a = t->active ? t->active : t;
    const char *file = "?";
    int line = 0;
    if (a->nframes) {
        Frame *fr = &a->frames[a->nframes - 1];
        Proto *p = fr->closure->proto;
        file = p->module && p->module->path ? p->module->path->chars : "?";
        line = mte_line_at(p, mtf_pc(a, a->nframes - 1));
    }
    if (t->obj.flags & FIBER_MAIN)
        snprintf(buf, cap, "\n  main thread: waiting in %s at %s:%d", wait_name(t->wait_kind), file,
                 line);
    else
        snprintf(buf, cap, "\n  thread %u: waiting in %s at %s:%d", t->id, wait_name(t->wait_kind),
                 file, line);
}

static Value deadlock_error(VM *vm) {
    Scheduler *s = SCH(vm);
    char msg[4096] = "all threads are blocked and nothing can wake them";
    size_t n = strlen(msg);
    for (uint32_t i = 0; i < s->nthreads && n < sizeof msg - 200; i++) {
        Fiber *t = s->threads[i];
        if (!t || t->state != FIBER_PARKED) continue;
        describe_wait(t, msg + n, sizeof msg - n);
        n = strlen(msg);
    }
    return mte_new(vm, ERR_DEADLOCK, "%s", msg);
}

/* The error a pending marker stands for, made when fiber f (of thread t) resumes. */
static Value materialize(VM *vm, Fiber *f, Value pending) {
    Fiber *t = mts_thread_of(f);
    if (pending == PENDING_HELD_EXIT) return take_held_exit(vm, t);
    if (pending == PENDING_THREAD_EXIT) return mts_thread_exit_error(vm, false);
    if (pending == PENDING_DEADLOCK) {
        /* Main can never be woken: an exit it held for its cleanup goes on instead. */
        if (t && t->exit_held) return take_held_exit(vm, t);
        return deadlock_error(vm);
    }
    return pending;
}

/* {== Thread registry ==} */

static void register_thread(VM *vm, Fiber *t) {
    Scheduler *s = SCH(vm);
    if (s->nthreads == s->threads_cap) {
        /* Compact finished entries before growing. */
        uint32_t n = 0;
        for (uint32_t i = 0; i < s->nthreads; i++)
            if (s->threads[i]) {
                s->threads[i]->reg_index = n;
                s->threads[n++] = s->threads[i];
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
    t->reg_index = s->nthreads;
    s->threads[s->nthreads++] = t;
}

static void unregister_thread(VM *vm, Fiber *t) {
    Scheduler *s = SCH(vm);
    uint32_t i = t->reg_index;
    if (i < s->nthreads && s->threads[i] == t) s->threads[i] = NULL;
}

static uint32_t live_threads(VM *vm) {
    Scheduler *s = SCH(vm);
    uint32_t n = 0;
    for (uint32_t i = 0; i < s->nthreads; i++)
        if (s->threads[i]) n++;
    return n;
}

/* {== Shutdown ==} */

static void begin_shutdown(VM *vm, int status) {
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

void mts_shutdown(VM *vm) { begin_shutdown(vm, -1); }

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
        mtlib_write_err(vm, AS_STRING(msg)->chars, AS_STRING(msg)->len);
        mtlib_write_err(vm, "\n", 1);
        return 1;
    }
    return 0;
}

static void thread_finished(VM *vm, Fiber *t, Value value, bool ok) {
    Scheduler *s = SCH(vm);
    t->state = ok ? FIBER_DONE : FIBER_FAILED;
    t->result = value;
    t->active = NULL;
    t->exit_held = HELD_NONE; /* an exit it still held is moot: it has ended */
    t->obj.flags &= ~(FIBER_HOLD_TO_SUSPENSION | FIBER_AT_SAFE_POINT);
    unregister_thread(vm, t);
    bool is_exit = !ok && mte_is_exit(vm, value);
    bool joined = t->joiners != NULL;
    while (t->joiners) {
        Waiter *w = t->joiners;
        t->joiners = w->next;
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
    if (!ok) {
        if (main && !is_exit) begin_shutdown(vm, 1);
        else if (mte_is(vm, value, ERR_SYSTEM_EXIT) && (main || !s->shutting_down)) {
            Value show, msg;
            if (mto_instance_get(AS_INSTANCE(value), mto_intern_z(vm, "@show"), &show) &&
                mto_instance_get(AS_INSTANCE(value), vm->names.message, &msg) && IS_STRING(msg)) {
                mtlib_write_err(vm, AS_STRING(msg)->chars, AS_STRING(msg)->len);
                mtlib_write_err(vm, "\n", 1);
            }
            begin_shutdown(vm, exit_code_of(vm, value));
        } else if (main && mte_is(vm, value, ERR_INTERRUPT)) {
            mtlib_write_err(vm, "Interrupt\n", 10);
            begin_shutdown(vm, 130);
        }
    }
    if (main && ok && s->shutting_down == false) {
        /* Main finished: the program runs on until every thread has finished. */
    }
    mtf_release_stack(vm, t);
}

/* Hands a finished coroutine's result to its resumer. */
static void coroutine_finished(VM *vm, Fiber *co, Value value, bool ok) {
    Fiber *r = co->resumer;
    Fiber *t = co->thread;
    ResumeMode mode = (ResumeMode)co->mode;
    bool closed = !ok && mts_is_close_exit(co, value); /* close() got what it asked for */
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

/* A fiber whose first frame returned. */
void mts_fiber_returned(VM *vm, Fiber *f, Value result) {
    if (!is_thread(f)) {
        coroutine_finished(vm, f, result, true);
        return;
    }
    thread_finished(vm, f, result, true);
    schedule(vm);
}

void mts_fiber_failed(VM *vm, Fiber *f, Value exc) {
    if (!is_thread(f)) {
        coroutine_finished(vm, f, exc, false);
        return;
    }
    thread_finished(vm, f, exc, false);
    schedule(vm);
}

/* {== Choosing what runs next ==} */

static void deliver_signal(VM *vm);
static bool idle(VM *vm);
MT_INTERNAL void mtsched_close_garbage(VM *vm);

/* Waits for the next timer (or a signal). */
static void wait_for_timer(VM *vm) {
    Scheduler *s = SCH(vm);
    double now = mts_now();
    double dt = s->timers[0].at - now;
    if (dt > 0 && !vm->signal_pending) {
        struct timespec ts;
        if (dt > 3600) dt = 3600;
        ts.tv_sec = (time_t)dt;
        ts.tv_nsec = (long)((dt - (double)ts.tv_sec) * 1e9);
        ppoll(NULL, 0, &ts, NULL);
    }
}

/* Starts or continues thread t: sets vm->current. Returns false if t finished at once. */
static bool run_thread(VM *vm, Fiber *t) {
    if (t->nframes == 0 && !t->active) {
        /* First run: call the thread's function. */
        t->state = FIBER_RUNNING;
        vm->current = t;
        int argc = (int)(t->top - t->stack) - 1;
        Value names = t->wait.value;
        t->wait.value = NIL_VAL;
        Step st = IS_LIST(names) ? mti_call_kw(vm, t, t->stack, argc, AS_LIST(names))
                                 : mti_call(vm, t, t->stack, argc);
        if (st == STEP_FRAME) return true;
        if (st == STEP_DONE) {
            thread_finished(vm, t, t->top[-1], true);
            return false;
        }
        if (st == STEP_SWITCH) return vm->current != NULL;
        Value e = vm->error;
        vm->error = NIL_VAL;
        thread_finished(vm, t, e, false);
        return false;
    }
    t->state = FIBER_RUNNING;
    t->obj.flags &= ~FIBER_DEFER;        /* the value it was woken with is delivered now */
    if (t->exit_held) vm->attention = 1; /* its safe points and cleanup ends check the hold */
    Fiber *a = t->active ? t->active : t;
    t->active = a;
    vm->current = a; /* rooted before anything below allocates */
    if (a == t && t->nframes == 0) {
        /* The thread's function was a native that waited (spawn sleep(1)): its result
           or error is in, and the thread is done. */
        Value e = t->pending;
        t->pending = UNDEF_VAL;
        if (!IS_UNDEF(e)) thread_finished(vm, t, materialize(vm, t, e), false);
        else thread_finished(vm, t, t->top[-1], true);
        vm->current = NULL;
        return false;
    }
    return true;
}

static void spawn_closer(VM *vm, Fiber *co);

static void schedule(VM *vm) {
    Scheduler *s = SCH(vm);
    /* The common case (a thread waiting in the queue, no timers, signals or revived
       coroutines to deal with) takes no detours. */
    if (mt_likely(s->run_head && s->ntimers == 0 && !s->aborted && !vm->signal_pending &&
                  !s->nclose)) {
        Fiber *t = dequeue(vm);
        if (t->state != FIBER_DONE && t->state != FIBER_FAILED && run_thread(vm, t)) return;
    }
    for (;;) {
        vm->current = NULL;
        if (s->aborted) return;
        while (s->nclose > 0) {
            /* Coroutines the collector found holding cleanup: close each on a thread. */
            Fiber *co = s->to_close[0];
            memmove(s->to_close, s->to_close + 1, --s->nclose * sizeof(Fiber *));
            spawn_closer(vm, co);
        }
        if (vm->signal_pending) {
            deliver_signal(vm);
            if (s->aborted) return;
        }
        if (s->pass_left == 0) {
            if (s->ntimers) expire_timers(vm, mts_now());
            s->pass_left = s->run_len;
        }
        Fiber *t = dequeue(vm);
        if (t) {
            if (t->state == FIBER_DONE || t->state == FIBER_FAILED) continue;
            if (run_thread(vm, t)) return;
            continue;
        }
        if (s->ntimers) {
            wait_for_timer(vm);
            s->pass_left = 0;
            continue;
        }
        if (!idle(vm)) return;
    }
}

/* Nothing is runnable and no timer is set. Returns true if it made something runnable. */
static bool idle(VM *vm) {
    Scheduler *s = SCH(vm);
    Fiber *main = vm->main;
    if (main && main->state == FIBER_PARKED && !s->shutting_down && vm->gc_pause == 0 &&
        !vm->gc_running) {
        /* Main waits: threads that nothing reachable can wake are garbage, and a
           collection finds them and queues them to unwind (main, if so, gets
           DeadlockError). Once main has finished, shutdown kills what is left instead. */
        mtgc_collect(vm);
        if (s->run_len > 0) return true;
    }
    if (main && main->state == FIBER_PARKED && !s->shutting_down) {
        /* Main waits and nothing can ever wake it (an exit it holds goes on instead). */
        Value e = main->exit_held ? PENDING_HELD_EXIT : deadlock_error(vm);
        mts_unpark(vm, main);
        mts_wake_error(vm, main, e);
        return true;
    }
    if (live_threads(vm) == 0) return false;
    if (!s->shutting_down) {
        begin_shutdown(vm, -1);
        return true;
    }
    /* Shutting down and still blocked: whatever waits now waits forever. */
    bool any = false;
    for (uint32_t i = 0; i < s->nthreads; i++) {
        Fiber *t = s->threads[i];
        if (!t || t->state != FIBER_PARKED) continue;
        t->exit_held = HELD_NONE; /* cut short: its cleanup can never go on */
        t->obj.flags &= ~FIBER_HOLD_TO_SUSPENSION;
        mts_unpark(vm, t);
        (t->active ? t->active : t)->pending = mts_thread_exit_error(vm, true);
        t->obj.flags |= FIBER_KILLED;
        t->obj.flags &= ~FIBER_DEFER;
        mts_enqueue(vm, t);
        any = true;
    }
    return any;
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
static void deliver_signal(VM *vm) {
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
        begin_shutdown(vm, status);
        return;
    }
    deliver_exit(vm, main, sig == 2 ? HELD_INTERRUPT : HELD_SYSTEM_EXIT, status);
}

/* Takes thread t out of the run queue (a preempting signal needs main now). */
static void run_queue_remove(VM *vm, Fiber *t) {
    Scheduler *s = SCH(vm);
    Fiber *prev = NULL;
    for (Fiber *c = s->run_head; c;
         prev = c, c = c->wait.next ? waiter_fiber(c->wait.next) : NULL) {
        if (c != t) continue;
        Fiber *next = c->wait.next ? waiter_fiber(c->wait.next) : NULL;
        if (prev) prev->wait.next = c->wait.next;
        else s->run_head = next;
        if (s->run_tail == c) s->run_tail = prev;
        c->wait.next = NULL;
        s->run_len--;
        return;
    }
}

static void enqueue_front(VM *vm, Fiber *t) {
    Scheduler *s = SCH(vm);
    t->state = FIBER_RUNNABLE;
    t->wait.next = s->run_head ? &s->run_head->wait : NULL;
    s->run_head = t;
    if (!s->run_tail) s->run_tail = t;
    s->run_len++;
}

/* A signal arrived while another thread runs: switch to main at once (the only
   involuntary switch) so that it raises Interrupt / SystemExit; the preempted thread goes
   first in the queue. */
static void preempt_for_main(VM *vm, Fiber *f) {
    Fiber *main = vm->main;
    Fiber *t = mts_thread_of(f);
    run_queue_remove(vm, main);
    t->active = f;
    f->pending = PENDING_SAFE_POINT; /* f is FIBER_AT_SAFE_POINT: see run() */
    enqueue_front(vm, t);
    if (!run_thread(vm, main)) schedule(vm);
}

/* Called at safe points (calls, backward jumps) when vm->attention is set: delivers a
   signal, and raises an exit the running thread holds once it is due. Returns false with
   vm->error set to raise in `f` now; may also switch to main (vm->current changes). */
bool mts_attention(VM *vm, Fiber *f) {
    vm->attention = 0;
    Scheduler *s = SCH(vm);
    Fiber *t = mts_thread_of(f);
    if (vm->signal_pending) {
        bool was_down = s->shutting_down;
        deliver_signal(vm);
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

/* {== Coroutines ==} */

Fiber *mts_new_coroutine(VM *vm, Value callee, Value *args, int argc) {
    Fiber *co = mtf_new(vm, callee, args, argc, false);
    co->id = (uint32_t)(++SCH(vm)->next_coroutine_seq);
    SCH(vm)->coroutines++;
    return co;
}

/* Resumes coroutine `co` from fiber `f`. f->top[-1] is where the value goes back. */
Step mts_resume(VM *vm, Fiber *f, Fiber *co, Value v, ResumeMode mode) {
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
        int argc = (int)(co->top - co->stack) - 1;
        Step st = mti_call(vm, co, co->stack, argc);
        if (st == STEP_FRAME || st == STEP_SWITCH) return STEP_SWITCH;
        if (st == STEP_DONE) {
            coroutine_finished(vm, co, co->top[-1], true);
            return STEP_SWITCH;
        }
        Value e = vm->error;
        vm->error = NIL_VAL;
        coroutine_finished(vm, co, e, false);
        return STEP_SWITCH;
    }
    co->top[-1] = v; /* the value of the pending yield */
    return STEP_SWITCH;
}

/* co.close(): raise ThreadExit at the yield so its cleanup runs. */
int mts_close(VM *vm, Value *args) {
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
    /* The close's own ThreadExit waits in the result slot: coroutine_finished tells it from
       an exit that unwinds the thread (which goes on past close). */
    Value exit = mts_thread_exit_error(vm, false);
    args[0] = exit;
    f->top = args + 1;
    /* Suspended inside cleanup: that cleanup finishes first (SPEC 8.6, 7.3). */
    if (mte_in_cleanup(co)) co->obj.flags |= FIBER_CLOSE_HELD;
    else co->pending = exit;
    Step st = mts_resume(vm, f, co, NIL_VAL, RESUME_CLOSE);
    if (st == STEP_ERROR) {
        co->pending = UNDEF_VAL;
        co->obj.flags &= ~FIBER_CLOSE_HELD;
        return NATIVE_ERROR;
    }
    return NATIVE_SUSPEND;
}

/* `yield v`: a coroutine hands v to its resumer; a thread lets the others run. */
Step mts_yield(VM *vm, Fiber *f, Value v) {
    if (is_thread(f)) {
        if (!suspension_check(vm, f)) return STEP_ERROR;
        f->top[-1] = NIL_VAL;
        mts_enqueue(vm, f);
        schedule(vm);
        return STEP_SWITCH;
    }
    Fiber *r = f->resumer;
    Fiber *t = f->thread;
    ResumeMode mode = (ResumeMode)f->mode;
    if (mode == RESUME_CLOSE) {
        /* Yielding while being closed: close() fails; the coroutine stays suspended. The
           error is made first, while the resume chain still roots everything. */
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
    f->state = FIBER_SUSPENDED;
    f->resumer = NULL;
    f->thread = NULL;
    if (t) t->active = r;
    if (mode == RESUME_NEXT) *r->top++ = v;
    else r->top[-1] = v;
    vm->current = r;
    return STEP_SWITCH;
}

Step mts_for_iter_coroutine(VM *vm, Fiber *f, Fiber *co) {
    if (is_thread(co)) {
        mte_throw(vm, ERR_TYPE, "a thread is not iterable (use join)");
        return STEP_ERROR;
    }
    return mts_resume(vm, f, co, NIL_VAL, RESUME_NEXT);
}

/* {== Threads ==} */

Step mts_spawn(VM *vm, Fiber *f, Value *callee, int argc, List *names) {
    Frame *fr = &f->frames[f->nframes - 1];
    Fiber *t = mtf_new(vm, *callee, callee + 1, argc, true);
    /* Keyword names wait with the arguments until the thread's first run. */
    if (names) t->wait.value = OBJ_VAL(names);
    t->spawn_proto = fr->closure->proto;
    t->spawn_pc = (uint32_t)(fr->ip - fr->closure->proto->code) - 1;
    register_thread(vm, t);
    mts_enqueue(vm, t);
    *callee = OBJ_VAL(t);
    f->top = callee + 1;
    return STEP_DONE;
}

Fiber *mts_start_main(VM *vm, Closure *cl) {
    Value callee = OBJ_VAL(cl);
    Fiber *t = mtf_new(vm, callee, NULL, 0, true);
    t->obj.flags |= FIBER_MAIN;
    if (!vm->main) vm->main = t;
    register_thread(vm, t);
    mts_enqueue(vm, t);
    return t;
}

Step mts_sleep(VM *vm, Fiber *f, double seconds) {
    Fiber *t = mts_thread_of(f);
    if (seconds != seconds) {
        mte_throw(vm, ERR_VALUE, "sleep needs a number of seconds, not nan");
        return STEP_ERROR;
    }
    if (seconds <= 0) {
        if (!suspension_check(vm, f)) return STEP_ERROR;
        t->active = f;
        mts_enqueue(vm, t);
        schedule(vm);
        return STEP_SWITCH;
    }
    if (!suspension_check(vm, f)) return STEP_ERROR;
    if (seconds > 1e9) seconds = 1e9;
    mts_timer_add(vm, t, mts_now() + seconds);
    return mts_park(vm, f, WAIT_SLEEP, NULL);
}

Step mts_join(VM *vm, Fiber *f, Fiber *target) {
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
    if (!suspension_check(vm, f)) return STEP_ERROR;
    self->wait.next = target->joiners;
    target->joiners = &self->wait;
    return mts_park(vm, f, WAIT_JOIN, &target->obj);
}

/* t.kill(): ThreadExit at t's suspension point; does not wait. */
int mts_kill(VM *vm, Fiber *target) {
    Fiber *self = mts_thread_of(vm->current);
    if (target == self) return mte_throw_value(vm, mts_thread_exit_error(vm, false));
    if (target->state == FIBER_DONE || target->state == FIBER_FAILED) return NATIVE_OK;
    if (target->obj.flags & FIBER_KILLED) return NATIVE_OK;
    deliver_exit(vm, target, HELD_THREAD_EXIT, 0);
    return NATIVE_OK;
}

/* {== Running a program ==} */

/* Runs until every thread has finished (or the run was aborted). Returns the exit status. */
int mts_run(VM *vm) {
    Scheduler *s = SCH(vm);
    for (;;) {
        if (!vm->current) schedule(vm);
        if (vm->current) {
            if (mtv_execute(vm) < 0) return 1; /* out of memory even for cleanup */
            continue;
        }
        if (s->aborted) break;
        /* Every thread finished: close suspended coroutines that still hold cleanup. */
        mtsched_close_garbage(vm);
        if (s->run_len == 0 && s->ntimers == 0) break;
    }
    if (s->status_fixed) return s->status;
    return vm->error_reported ? 1 : 0;
}

/* {== Collector hooks ==} */

static void mark_thread_live(VM *vm, Fiber *t) {
    if (t->obj.marked == 2) return;
    mtgc_mark_fiber_full(vm, t);
    for (Waiter *w = t->joiners; w; w = w->next) mark_thread_live(vm, waiter_fiber(w));
}

void mtsched_mark_roots(VM *vm) {
    Scheduler *s = SCH(vm);
    if (!s) return;
    for (uint32_t i = 0; i < s->nclose; i++) mtgc_mark_fiber_full(vm, s->to_close[i]);
    /* The running thread first: marking it live also marks the threads joining it. */
    Fiber *ct = mts_thread_of(vm->current);
    if (ct) mark_thread_live(vm, ct);
    for (Fiber *f = vm->current; f; f = is_thread(f) ? NULL : f->resumer)
        if (f->obj.marked != 2) mtgc_mark_fiber_full(vm, f);
    for (Waiter *w = s->run_head ? &s->run_head->wait : NULL; w; w = w->next)
        mark_thread_live(vm, waiter_fiber(w));
    for (uint32_t i = 0; i < s->ntimers; i++) mark_thread_live(vm, s->timers[i].fiber);
    /* Every registered thread is kept (weakly): the registry points at it. */
    for (uint32_t i = 0; i < s->nthreads; i++)
        if (s->threads[i] && !s->threads[i]->obj.marked) s->threads[i]->obj.marked = 1;
    if (vm->main) mtgc_mark_obj(vm, &vm->main->obj);
}

void mtsched_blacken(VM *vm, Obj *o) {
    switch ((ObjType)o->type) {
    case OBJ_FIBER: {
        Fiber *f = (Fiber *)o;
        if (is_thread(f)) {
            if (f->state == FIBER_PARKED) return; /* alive only through its wake sources */
            if (f->state == FIBER_DONE || f->state == FIBER_FAILED) {
                mtgc_mark_value(vm, f->result);
                return;
            }
            mark_thread_live(vm, f);
            return;
        }
        if (o->marked != 2) mtgc_mark_fiber_full(vm, f);
        return;
    }
    case OBJ_CHANNEL: mtch_blacken(vm, (Channel *)o); return;
    default: return;
    }
}

/* Called by channels for their waiters: a reachable channel keeps its waiters alive. */
void mtsched_mark_waiter(VM *vm, Waiter *w) { mark_thread_live(vm, waiter_fiber(w)); }

MT_INTERNAL void mtgc_drain(VM *vm);

/* After marking: parked threads nothing reachable can wake are revived and killed (main
   gets DeadlockError instead). */
static bool has_pending_cleanup(Fiber *co);

/* Suspended coroutines that became garbage inside a try with a finally are revived and
   queued to be closed (on a fresh thread each, in creation order), so their cleanup runs. */
static void revive_coroutines(VM *vm) {
    Scheduler *s = SCH(vm);
    if (s->coroutines == 0) return;
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

void mtsched_after_mark(VM *vm) {
    Scheduler *s = SCH(vm);
    if (!s) return;
    revive_coroutines(vm);
    /* Decide the whole garbage set before reviving any of it: what a revived thread
       references must not make another garbage thread look wakeable. */
    uint32_t n = 0;
    for (uint32_t i = 0; i < s->nthreads; i++) {
        Fiber *t = s->threads[i];
        if (!t || t->state != FIBER_PARKED || t->obj.marked == 2) continue;
        t->obj.flags |= FIBER_GARBAGE;
        n++;
    }
    if (n == 0) return;
    for (uint32_t i = 0; i < s->nthreads; i++) {
        Fiber *t = s->threads[i];
        if (!t || !(t->obj.flags & FIBER_GARBAGE)) continue;
        t->obj.flags &= ~FIBER_GARBAGE;
        mark_thread_live(vm, t);
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

void mtsched_before_sweep(VM *vm) { MT_UNUSED(vm); }

/* After a collection: the coroutines it revived get their closer threads now, so they
   join the run queue at once (the collector itself could not allocate them). */
void mtsched_after_collect(VM *vm) {
    Scheduler *s = SCH(vm);
    if (!s || vm->gc_pause) return;
    while (s->nclose > 0) {
        Fiber *co = s->to_close[0];
        memmove(s->to_close, s->to_close + 1, --s->nclose * sizeof(Fiber *));
        mtgc_push_temp(vm, OBJ_VAL(co));
        spawn_closer(vm, co);
        mtgc_pop_temp(vm, 1);
    }
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

/* Starts a thread that closes coroutine co: it runs the prelude's _close(co), so its
   failures are reported like any thread's. */
static void spawn_closer(VM *vm, Fiber *co) {
    Value close = mtlib_prelude(vm, "_close");
    Value arg = OBJ_VAL(co);
    Fiber *t = mtf_new(vm, close, &arg, 1, true);
    t->obj.flags |= FIBER_CLOSER;
    register_thread(vm, t);
    mts_enqueue(vm, t);
}

/* At program end: close every suspended coroutine that still has cleanup, newest first. */
void mtsched_close_garbage(VM *vm) {
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
    for (int i = 0; i < n; i++) {
        mtgc_push_temp(vm, OBJ_VAL(found[i]));
        spawn_closer(vm, found[i]);
        mtgc_pop_temp(vm, 1);
    }
}

void mtsched_free_obj(VM *vm, Obj *o) {
    switch ((ObjType)o->type) {
    case OBJ_FIBER: {
        Fiber *f = (Fiber *)o;
        if (!is_thread(f) && vm->sched && vm->sched->coroutines) vm->sched->coroutines--;
        if (f->state == FIBER_PARKED && f->wait_kind == WAIT_SELECT) mtsel_cancel(vm, f);
        mtf_release_stack(vm, f);
        MT_INTERNAL size_t mtf_object_size(Fiber * f);
        mtmem_free(vm, o, mtf_object_size(f));
        return;
    }
    case OBJ_CHANNEL: mtch_free(vm, (Channel *)o); return;
    default: return;
    }
}
