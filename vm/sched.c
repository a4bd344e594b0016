/*
** sched.c — the scheduler: the run queue, timers, parking and waking threads, choosing
** what runs next, idling (waiting for a timer, detecting a deadlock, beginning shutdown)
** and the loop that runs a program.
**
** Scheduling is deterministic: a FIFO run queue; timers in a min-heap (deadline, then the
** order they were set) are moved to the queue before each pass over it; spawn never
** switches. When nothing can run, idle() decides: wait for a timer, raise DeadlockError
** in a blocked main thread, or (main done) kill the threads that can never wake, in spawn
** order (thread.c). Switching is setting vm->current; the dispatch loop reloads its
** registers.
*/
#include <assert.h>
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "vm/channel.h"
#include "vm/coro.h"
#include "vm/error.h"
#include "vm/poll.h"
#include "vm/sched.h"
#include "vm/api.h"
#include "vm/select.h"
#include "vm/thread.h"
#include "vm/vm.h"
#include "vm/state.h"
#include "vm/mem.h"
#include "vm/gc.h"
#include "vm/fiber.h"
#include "vm/call.h"

static Scheduler *SCH(VM *vm) { return vm->sched; }

static void timer_fired(VM *vm, Fiber *t);
static bool idle(VM *vm);

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
    mtth_init_joins(vm);
    mtpoll_init(vm);
}

void mts_free(VM *vm) {
    Scheduler *s = SCH(vm);
    if (!s) return;
    mtpoll_free(vm);
    mtmem_free(vm, s->timers, s->timers_cap * sizeof(Timer));
    mtmem_host_realloc(vm, s->to_close, s->close_cap * sizeof(Fiber *), 0);
    mtmem_free(vm, s->threads, s->threads_cap * sizeof(Fiber *));
    mtmem_free(vm, s->sites, s->sites_cap * sizeof(SpawnSite));
    mtmem_free(vm, s->joins, s->joins_cap * sizeof(JoinSlot));
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

/* The thread after t in the run queue (only fibers' own waiters are linked there). */
static inline Fiber *run_next(Fiber *t) {
    Waiter *w = t->wait.next;
    return w ? (Fiber *)(void *)((char *)w - offsetof(Fiber, wait)) : NULL;
}

static Fiber *dequeue(VM *vm) {
    Scheduler *s = SCH(vm);
    Fiber *t = s->run_head;
    if (!t) return NULL;
    s->run_head = run_next(t);
    if (!s->run_head) s->run_tail = NULL;
    t->wait.next = NULL;
    s->run_len--;
    if (s->pass_left) s->pass_left--;
    return t;
}

/* Takes thread t out of the run queue (a preempting signal needs main now). */
void mts_run_queue_remove(VM *vm, Fiber *t) {
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

void mts_enqueue_front(VM *vm, Fiber *t) {
    Scheduler *s = SCH(vm);
    t->state = FIBER_RUNNABLE;
    t->wait.next = s->run_head ? &s->run_head->wait : NULL;
    s->run_head = t;
    if (!s->run_tail) s->run_tail = t;
    s->run_len++;
}

/* {== Timers: a binary min-heap on (deadline, order set) ==} */

static bool timer_less(const Timer *a, const Timer *b) {
    return a->at < b->at || (a->at == b->at && a->seq < b->seq);
}

static void timer_set(Scheduler *s, uint32_t i, Timer t) {
    s->timers[i] = t;
    s->threads[t.thread]->timer_slot = i + 1;
}

Fiber *mts_timer_fiber(VM *vm, uint32_t i) {
    Scheduler *s = SCH(vm);
    return s->threads[s->timers[i].thread];
}

static int timer_cmp(const void *a, const void *b) {
    return timer_less(a, b) ? -1 : timer_less(b, a) ? 1 : 0;
}

/* A sorted array is a heap: sorting on (deadline, seq) and numbering in that order keeps
   every tie's order, with seqs that start again from the number of timers. */
void mts_timer_renumber(VM *vm) {
    Scheduler *s = SCH(vm);
    qsort(s->timers, s->ntimers, sizeof(Timer), timer_cmp);
    for (uint32_t i = 0; i < s->ntimers; i++) {
        s->timers[i].seq = i;
        timer_set(s, i, s->timers[i]);
    }
    s->timer_seq = s->ntimers;
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
    if (mt_unlikely(s->timer_seq == UINT32_MAX)) mts_timer_renumber(vm);
    /* Only registered threads wait (mts_can_wait refuses the others). */
    assert(f->obj.aux < s->nthreads && s->threads[f->obj.aux] == f);
    Timer t = {at, s->timer_seq++, f->obj.aux};
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

/* Moves every expired timer's thread to the run queue, in deadline order. */
static void expire_timers(VM *vm, double now) {
    Scheduler *s = SCH(vm);
    while (s->ntimers && s->timers[0].at <= now) {
        Fiber *t = mts_timer_fiber(vm, 0);
        mts_timer_remove(vm, t);
        timer_fired(vm, t);
    }
}

/* Raises the error for waiting where the host waits for the call to end. */
static Step cannot_wait(VM *vm) {
    mte_throw(vm, ERR_ERROR,
              "cannot wait inside mt_call (the host is waiting for this call to return; "
              "spawn a thread, or use a suspending native)");
    return STEP_ERROR;
}

static bool in_host_call(Fiber *t) { return t && (t->obj.flags & FIBER_HOSTCALL); }

bool mts_can_wait(VM *vm, Fiber *f) {
    if (!mtth_suspension_check(vm, f)) return false;
    Fiber *t = mts_thread_of(f);
    if (!t) {
        mte_throw(vm, ERR_VALUE, "cannot block outside a thread");
        return false;
    }
    if (in_host_call(t)) {
        cannot_wait(vm);
        return false;
    }
    return true;
}

/* The common case of mts_schedule, which picks the next thread and makes it current: the
   thread at the head of the queue has run before and holds no exit; no timers, fds,
   signals or closers. This is the switch of every channel operation, so it is kept small
   enough to need no saved registers (and inlined where a thread parks); false when
   schedule_slow must decide. */
static inline bool schedule_fast(VM *vm) {
    Scheduler *s = SCH(vm);
    Fiber *t = s->run_head;
    if (mt_likely(t && (s->ntimers | s->poller->nwaits | s->nclose) == 0 && !s->aborted &&
                  !s->stop && !vm->signal_pending && t->state == FIBER_RUNNABLE &&
                  t->exit_held == HELD_NONE)) {
        Fiber *a = t->active;
        if (mt_likely(a && (a != t || t->nframes))) {
            dequeue(vm);
            t->state = FIBER_RUNNING;
            t->obj.flags &= ~FIBER_DEFER; /* the value it was woken with is delivered now */
            vm->current = a;
            return true;
        }
    }
    return false;
}

static void schedule_slow(VM *vm);

/* Parks thread t, waiting in f (t or a coroutine nested in it), and switches away. */
static inline Step park_now(VM *vm, Fiber *t, Fiber *f, WaitKind kind, Obj *on) {
    t->active = f;
    t->state = FIBER_PARKED;
    t->wait_kind = (uint8_t)kind;
    if (kind != WAIT_SELECT) t->wait_obj = on;
    if (!schedule_fast(vm)) schedule_slow(vm);
    return STEP_SWITCH;
}

/* mts_park when mts_can_wait must look: kept out of line so that the common park holds
   nothing across a call. */
static MT_NOINLINE Step park_checked(VM *vm, Fiber *f, WaitKind kind, Obj *on) {
    if (!mts_can_wait(vm, f)) return STEP_ERROR;
    return park_now(vm, mts_thread_of(f), f, kind, on);
}

Step mts_park_surely(VM *vm, Fiber *t, Fiber *f, WaitKind kind, Obj *on) {
    return park_now(vm, t, f, kind, on);
}

/* Parks the thread running `f` (f may be a coroutine nested in it) and switches away. */
Step mts_park(VM *vm, Fiber *f, WaitKind kind, Obj *on) {
    /* mts_can_wait's answer for a plain thread that holds no exit, outside shutdown */
    Fiber *t = mts_thread_of(f);
    if (mt_unlikely(!mts_parks_surely(vm, t))) return park_checked(vm, f, kind, on);
    return park_now(vm, t, f, kind, on);
}

/* Makes a parked thread runnable; `result` becomes the value of the blocking call. */
void mts_wake(VM *vm, Fiber *t, Value result) {
    Fiber *a = t->active ? t->active : t;
    a->top[-1] = result;
    t->wait_kind = WAIT_NONE;
    t->wait_obj = NULL;
    t->obj.flags |= FIBER_DEFER;
    mts_enqueue(vm, t);
    if (mt_unlikely(t->timer_slot)) mts_timer_remove(vm, t); /* last: no frame without it */
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

/* Takes a parked thread out of whatever it waits on (for kill and the collector). */
void mts_unpark(VM *vm, Fiber *t) {
    switch ((WaitKind)t->wait_kind) {
    case WAIT_SEND:
    case WAIT_RECV: mtch_remove_waiter((Channel *)t->wait_obj, &t->wait); break;
    case WAIT_SELECT: mtsel_cancel(vm, t); break;
    case WAIT_JOIN: mtth_remove_joiner(vm, (Fiber *)t->wait_obj, t); break;
    case WAIT_FD: mtpoll_remove(vm, t); break;
    case WAIT_HOST: mtapi_cancel(vm, t); break;
    default: break;
    }
    if (t->timer_slot) mts_timer_remove(vm, t);
    t->wait_kind = WAIT_NONE;
    t->wait_obj = NULL;
}

void mts_wake_retry(VM *vm, Fiber *t) {
    t->wait_kind = WAIT_NONE;
    t->wait_obj = NULL;
    if (t->timer_slot) mts_timer_remove(vm, t);
    t->obj.flags &= ~FIBER_DEFER; /* nothing was handed over */
    mts_enqueue(vm, t);
}

static void timer_fired(VM *vm, Fiber *t) {
    if (t->wait_kind == WAIT_SELECT) {
        mtsel_timeout(vm, t);
        return;
    }
    if (t->wait_kind == WAIT_FD) { /* a wait for an fd with a deadline: it passed */
        mtpoll_remove(vm, t);
        mts_wake_retry(vm, t);
        return;
    }
    mts_wake(vm, t, NIL_VAL);
    t->obj.flags &= ~FIBER_DEFER;
}

static const char *wait_name(WaitKind k) {
    switch (k) {
    case WAIT_SEND: return "send";
    case WAIT_RECV: return "recv";
    case WAIT_SELECT: return "select";
    case WAIT_JOIN: return "join";
    case WAIT_SLEEP: return "sleep";
    case WAIT_FD: return "io";
    case WAIT_HOST: return "a native waiting for the host";
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

/* One line per blocked thread, in id order. */
static void describe_blocked(Scheduler *s, char *buf, size_t cap) {
    size_t n = 0;
    buf[0] = '\0';
    for (uint32_t i = 0; i < s->nthreads && n + 200 < cap; i++) {
        Fiber *t = s->threads[i];
        if (!t || t->state != FIBER_PARKED) continue;
        describe_wait(t, buf + n, cap - n);
        n += strlen(buf + n);
    }
}

void mts_note_deadlock(VM *vm) {
    Scheduler *s = SCH(vm);
    describe_blocked(s, s->deadlock_lines, sizeof s->deadlock_lines);
}

Value mts_deadlock_error(VM *vm) {
    Scheduler *s = SCH(vm);
    char lines[sizeof s->deadlock_lines];
    if (s->deadlock_lines[0]) memcpy(lines, s->deadlock_lines, sizeof lines);
    else describe_blocked(s, lines, sizeof lines);
    s->deadlock_lines[0] = '\0';
    return mte_new(vm, ERR_DEADLOCK, "all threads are blocked and nothing can wake them%s", lines);
}

/* Waits for the next timer (or a signal). */
/* Nothing is runnable: sleeps in the poller until an fd is ready, the next timer is due,
   or a signal arrives. */
static void wait_for_work(VM *vm) {
    Scheduler *s = SCH(vm);
    double timeout = -1, now = mts_now();
    if (s->ntimers) {
        timeout = s->timers[0].at - now;
        if (timeout < 0) timeout = 0;
    }
    if (vm->budget.on && vm->budget.deadline > 0) {
        /* A budget's time runs out while asleep too: the host gets control back. */
        double left = vm->budget.deadline - now;
        if (left <= 0) {
            vm->budget.spent = true;
            s->stop = true;
            return;
        }
        if (timeout < 0 || left < timeout) timeout = left;
    }
    mtpoll_wait(vm, timeout);
}

/* Starts or continues thread t: sets vm->current. Returns false if t finished at once. */
bool mts_run_thread(VM *vm, Fiber *t) {
    if (t->nframes == 0 && !t->active) {
        /* First run: call the thread's function. */
        t->state = FIBER_RUNNING;
        vm->current = t;
        Value *callee = mtf_stack(t);
        int argc = (int)(t->top - callee) - 1;
        Value names = t->wait.value;
        t->wait.value = NIL_VAL;
        Step st = IS_LIST(names) ? mtcall_call_kw(vm, t, callee, argc, AS_LIST(names))
                                 : mtcall_call(vm, t, callee, argc);
        if (st == STEP_FRAME) return true;
        if (st == STEP_SWITCH && is_pending_retry(t->pending)) {
            /* Its function is a native that waits for I/O: it runs again when woken. */
            return vm->current != NULL;
        }
        if (st == STEP_DONE) {
            mtth_finished(vm, t, t->top[-1], true);
            return false;
        }
        if (st == STEP_SWITCH) return vm->current != NULL;
        Value e = vm->error;
        vm->error = NIL_VAL;
        mtth_finished(vm, t, e, false);
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
           or error is in, and the thread is done; or it waits for I/O and runs again. */
        if (is_pending_retry(t->pending)) {
            int argc = (int)pending_retry_argc(t->pending);
            t->pending = UNDEF_VAL;
            Step st = mtcall_retry(vm, t, argc);
            if (st == STEP_SWITCH) return vm->current != NULL;
            if (st == STEP_DONE) mtth_finished(vm, t, t->top[-1], true);
            else mtth_finished(vm, t, vm->error, false);
            vm->error = NIL_VAL;
            vm->current = NULL;
            return false;
        }
        Value e = t->pending;
        t->pending = UNDEF_VAL;
        if (!IS_UNDEF(e)) mtth_finished(vm, t, mtth_materialize(vm, t, e), false);
        else mtth_finished(vm, t, t->top[-1], true);
        vm->current = NULL;
        return false;
    }
    return true;
}

/* Everything mts_schedule does but the common case. */
static MT_NOINLINE void schedule_slow(VM *vm) {
    Scheduler *s = SCH(vm);
    if (s->run_head && s->ntimers == 0 && s->poller->nwaits == 0 && !s->aborted &&
        !vm->signal_pending && !s->nclose && !s->stop) {
        Fiber *t = dequeue(vm); /* a first run, or an exit to deal with: no new pass */
        if (t->state != FIBER_DONE && t->state != FIBER_FAILED && mts_run_thread(vm, t)) return;
    }
    for (;;) {
        vm->current = NULL;
        if (s->aborted || s->stop) return;
        /* Coroutines the collector found holding cleanup: each is closed on a thread. */
        if (s->nclose > 0) mtco_start_closers(vm);
        if (vm->signal_pending) {
            mtth_deliver_signal(vm);
            if (s->aborted) return;
        }
        if (s->pass_left == 0) {
            /* A new pass: expired timers and ready fds join the queue first. */
            if (s->ntimers) expire_timers(vm, mts_now());
            if (mtpoll_busy(vm)) mtpoll_wait(vm, 0);
            s->pass_left = s->run_len;
        }
        Fiber *t = dequeue(vm);
        if (t) {
            if (t->state == FIBER_DONE || t->state == FIBER_FAILED) continue;
            if (mts_run_thread(vm, t)) return;
            continue;
        }
        if (s->ntimers || mtpoll_busy(vm)) {
            if (s->mode == SCHED_HOST_STEP) return; /* the host does the waiting */
            wait_for_work(vm);
            s->pass_left = 0;
            continue;
        }
        if (!idle(vm)) return;
    }
}

void mts_schedule(VM *vm) {
    if (!schedule_fast(vm)) schedule_slow(vm);
}

/* A host's turn with nothing runnable and nothing to wait for. The threads left wait for
   the host (or for each other): the turn ends, unless the program is ending, or the
   chunk the turn waits for may be garbage (then it gets DeadlockError). */
static bool host_idle(VM *vm) {
    Scheduler *s = SCH(vm);
    if (s->shutting_down) return mtth_live_count(vm) > 0 && mtth_cut_blocked(vm);
    Fiber *u = s->until;
    if (u && u->state == FIBER_PARKED && !s->until_gc && vm->gc_pause == 0 && !vm->gc_running) {
        s->until_gc = true; /* once a turn: a host loop stepping blocked threads stays cheap */
        mtgc_collect(vm);
        return s->run_len > 0;
    }
    return false;
}

/* Nothing is runnable and no timer is set. Returns true if it made something runnable. */
static bool idle(VM *vm) {
    Scheduler *s = SCH(vm);
    if (s->mode != SCHED_PROGRAM) return host_idle(vm);
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
        Value e = main->exit_held ? PENDING_HELD_EXIT : mts_deadlock_error(vm);
        mts_unpark(vm, main);
        mts_wake_error(vm, main, e);
        return true;
    }
    if (mtth_live_count(vm) == 0) return false;
    if (!s->shutting_down) {
        mtth_begin_shutdown(vm, -1);
        return true;
    }
    return mtth_cut_blocked(vm);
}

/* An mt_call's fiber ended: its result stays in it for mt_call, and vm->current becomes
   NULL so that the nested dispatch loop returns. */
static void host_call_ended(VM *vm, Fiber *f, Value result, bool ok) {
    f->state = ok ? FIBER_DONE : FIBER_FAILED;
    f->result = result;
    f->active = NULL;
    vm->current = NULL;
}

/* A fiber whose first frame returned. */
void mts_fiber_returned(VM *vm, Fiber *f, Value result) {
    if (in_host_call(f)) { /* mt_call's: the nested loop returns to it */
        host_call_ended(vm, f, result, true);
        return;
    }
    if (!is_thread(f)) {
        mtco_finished(vm, f, result, true);
        return;
    }
    mtth_finished(vm, f, result, true);
    mts_schedule(vm);
}

void mts_fiber_failed(VM *vm, Fiber *f, Value exc) {
    if (in_host_call(f)) {
        host_call_ended(vm, f, exc, false);
        return;
    }
    if (!is_thread(f)) {
        mtco_finished(vm, f, exc, false);
        return;
    }
    mtth_finished(vm, f, exc, false);
    mts_schedule(vm);
}

/* `yield` at the top of a thread: the others run, then it does (SPEC 8.4). */
Step mts_yield_thread(VM *vm, Fiber *t) {
    if (!mts_can_wait(vm, t)) return STEP_ERROR;
    t->top[-1] = NIL_VAL;
    mts_enqueue(vm, t);
    mts_schedule(vm);
    return STEP_SWITCH;
}

Step mts_sleep(VM *vm, Fiber *f, double seconds) {
    Fiber *t = mts_thread_of(f);
    if (seconds != seconds) {
        mte_throw(vm, ERR_VALUE, "sleep needs a number of seconds, not nan");
        return STEP_ERROR;
    }
    if (seconds <= 0) {
        if (!mts_can_wait(vm, f)) return STEP_ERROR;
        t->active = f;
        mts_enqueue(vm, t);
        mts_schedule(vm);
        return STEP_SWITCH;
    }
    if (!mts_can_wait(vm, f)) return STEP_ERROR; /* before the timer is set */
    if (seconds > 1e9) seconds = 1e9;
    mts_timer_add(vm, t, mts_now() + seconds);
    return mts_park(vm, f, WAIT_SLEEP, NULL);
}

/* {== Running a program ==} */

/* Runs until every thread has finished (or the run was aborted). Returns the exit status. */
int mts_run(VM *vm) {
    Scheduler *s = SCH(vm);
    s->mode = SCHED_PROGRAM;
    s->stop = false;
    for (;;) {
        if (!vm->current) mts_schedule(vm);
        if (vm->current) {
            if (mtvm_execute(vm) < 0) return 1; /* out of memory even for cleanup */
            continue;
        }
        if (s->aborted) break;
        /* Every thread finished: close suspended coroutines that still hold cleanup. */
        mtco_close_garbage(vm);
        if (s->run_len == 0 && s->ntimers == 0) break;
    }
    if (s->status_fixed) return s->status;
    return vm->error_reported ? 1 : 0;
}

int mts_host_turn(VM *vm, SchedMode mode) {
    Scheduler *s = SCH(vm);
    s->mode = (uint8_t)mode;
    s->until_gc = false;
    int status = 0;
    for (;;) {
        if (!vm->current) mts_schedule(vm);
        if (!vm->current) break;
        if (mtvm_execute(vm) < 0) {
            status = -1; /* out of memory even for cleanup */
            break;
        }
    }
    s->mode = SCHED_PROGRAM;
    return status;
}

void mts_mark_chain(VM *vm, Fiber *f) {
    Fiber *t = mts_thread_of(f);
    if (t) mtth_mark_live(vm, t);
    for (; f; f = is_thread(f) ? NULL : f->resumer)
        if (f->obj.marked != 2) mtgc_mark_fiber_full(vm, f);
}

/* Only a registered thread (one that has not finished) can be parked: the VM's teardown
   looks at those rather than at every object. */
void mts_cancel_selects(VM *vm) {
    Scheduler *s = SCH(vm);
    if (!s) return;
    for (uint32_t i = 0; i < s->nthreads; i++) {
        Fiber *t = s->threads[i];
        if (t && t->state == FIBER_PARKED && t->wait_kind == WAIT_SELECT) mtsel_cancel(vm, t);
    }
}

void mts_mark_roots(VM *vm) {
    Scheduler *s = SCH(vm);
    if (!s) return;
    for (uint32_t i = 0; i < s->nclose; i++) mtgc_mark_fiber_full(vm, s->to_close[i]);
    /* The running thread first: marking it live also marks the threads joining it. */
    mts_mark_chain(vm, vm->current);
    for (Waiter *w = s->run_head ? &s->run_head->wait : NULL; w; w = w->next)
        mtth_mark_live(vm, waiter_fiber(w));
    for (uint32_t i = 0; i < s->ntimers; i++) mtth_mark_live(vm, mts_timer_fiber(vm, i));
    mtpoll_mark(vm); /* a thread waiting for an fd can be woken by it */
    /* Every registered (unfinished) thread is kept weakly, by the sweep itself (gc.c):
       no pass over a million parked threads here. */
    if (vm->main) mtgc_mark_obj(vm, &vm->main->obj);
    mtth_mark_sites(vm);
}

void mts_free_obj(VM *vm, Obj *o) {
    switch ((ObjType)o->type) {
    case OBJ_FIBER: {
        Fiber *f = (Fiber *)o;
        if (!is_thread(f) && vm->sched && vm->sched->coroutines) vm->sched->coroutines--;
        if (f->state == FIBER_PARKED && f->wait_kind == WAIT_SELECT) mtsel_cancel(vm, f);
        if (vm->sched) mtth_take_joiners(vm, f); /* a joined thread's slot goes with it */
        mtf_release_stack(vm, f);
        mtmem_free(vm, o, mtf_object_size(f));
        return;
    }
    case OBJ_CHANNEL: mtch_free(vm, (Channel *)o); return;
    default: return;
    }
}
