/*
** sched.h — the scheduler (sched.c): the run queue, timers, parking and waking threads,
** choosing what runs next and running a program to its end. Threads (thread.h),
** coroutines (coro.h), channels (channel.h) and select (select.h) park and wake threads
** through it.
*/
#ifndef MT_SCHED_H
#define MT_SCHED_H

#include "vm/vm.h"

/* A timer: a sleeping thread or a select with after(). Kept in the scheduler's heap so a
   fiber pays for timer fields only while it waits on one: 16 bytes, which each of a
   million sleepers pays (SPEC 8.9). The thread is named by its index in the registry
   (obj.aux, which the registry's compaction keeps in step), not by a pointer, so that
   the order set fits beside the deadline. */
typedef struct {
    double at;       /* monotonic deadline */
    uint32_t seq;    /* order the timers were set: ties by deadline break by it */
    uint32_t thread; /* the thread waiting: its index in the registry (mts_timer_fiber) */
} Timer;

/* Where threads were spawned: a thread keeps the index of its site (4 bytes) instead of a
   proto and a pc. Sites are few (the spawn instructions of the program) and kept while the
   VM lives. */
typedef struct SpawnSite {
    Proto *proto;
    uint32_t pc;
} SpawnSite;

/* The threads waiting in join() on one thread (linked through their `wait`), kept beside
   the scheduler rather than in every fiber: few threads are joined while they run, and a
   field costs each of a million parked threads 8 bytes (SPEC 8.9). thread.c. */
typedef struct JoinSlot {
    Fiber *thread;   /* the thread joined (FIBER_JOINED), or NULL: a free slot */
    Waiter *joiners; /* the threads waiting for it */
} JoinSlot;

struct Scheduler {
    Fiber *run_head, *run_tail;     /* FIFO, linked through wait.next */
    uint32_t run_len;               /* threads in the run queue */
    uint32_t pass_left;             /* threads left in this pass before timers are looked at */
    Timer *timers;                  /* min-heap on (at, seq) */
    uint32_t ntimers, timers_cap;   /* timers in the heap and its capacity */
    uint32_t timer_seq;             /* the next timer's seq (renumbered before it wraps) */
    Fiber **threads;                /* live threads in spawn order (NULL holes compacted lazily) */
    uint32_t nthreads, threads_cap; /* thread.c */
    uint32_t next_thread_id;        /* ids are 1, 2, ... in spawn order; main is 1 */
    uint64_t next_coroutine_seq;    /* coroutines' creation order (the close order) */
    uint32_t coroutines;            /* coroutine fibers alive (the collector scans for them) */
    Fiber **to_close;           /* garbage coroutines the collector revived, awaiting a closer */
    uint32_t nclose, close_cap; /* coro.c */
    bool shutting_down;         /* every thread has been told to end (thread.c) */
    bool status_fixed;          /* what began shutdown fixed the exit status */
    bool aborted;               /* a second signal: stop at once */
    int status;                 /* the exit status, once fixed */
    struct Poller *poller;      /* threads waiting for fds (poll.h) */
    /* Who drives: a program runs to its end (mts_run); a host (mt.h's host loop) runs
       threads in turns and keeps them alive between turns. */
    uint8_t mode;               /* SchedMode */
    bool stop;                  /* return to the host now (a budget ran out, `until` ended) */
    bool until_gc;              /* idle() already looked for garbage while `until` waited */
    Fiber *until;               /* mt_exec's chunk: the turn ends when it does */
    JoinSlot *joins;            /* thread.c: open addressing on the thread, linear probes */
    uint32_t njoins, joins_cap; /* slots in use (at most half) and allocated */
    SpawnSite *sites;           /* thread.c: spawn sites (Fiber.spawn_site - 1) */
    uint32_t nsites, sites_cap; /* sites in use and allocated */
    uint32_t last_site;         /* the site found last (+ 1): a spawn loop finds it first */
    uint8_t held_exit_code;     /* the status of main's held HELD_SYSTEM_EXIT (a signal) */
    /* The blocked threads when a collection found main could never wake (SPEC 8.6): the
       lines of its DeadlockError, kept until main resumes to raise it. */
    char deadlock_lines[2048];
};

typedef enum {
    SCHED_PROGRAM,   /* run until every thread has finished, then end the program */
    SCHED_HOST_RUN,  /* run until nothing can run; sleep while threads wait for time or fds */
    SCHED_HOST_STEP, /* run what can run now; never sleep */
} SchedMode;

/* The thread a fiber runs on (itself for a thread's root). */
static inline Fiber *mts_thread_of(Fiber *f) {
    if (f == NULL) return NULL;
    return (f->obj.flags & FIBER_THREAD) ? f : f->thread;
}

/* Lifetime. */
MT_INTERNAL void mts_init(VM *vm);
MT_INTERNAL void mts_free(VM *vm);

/* The run queue. A thread is linked in it at most once (through its wait.next). */
MT_INTERNAL void mts_enqueue(VM *vm, Fiber *thread);
MT_INTERNAL void mts_enqueue_front(VM *vm, Fiber *thread); /* a preempted thread: first */
MT_INTERNAL void mts_run_queue_remove(VM *vm, Fiber *thread);

/* Timers, in monotonic seconds (mts_now). mts_timer_reserve makes room for one more timer
   beforehand, so that adding it cannot fail half-way through parking. */
MT_INTERNAL double mts_now(void);
MT_INTERNAL void mts_timer_reserve(VM *vm);
MT_INTERNAL void mts_timer_add(VM *vm, Fiber *thread, double at);
MT_INTERNAL void mts_timer_remove(VM *vm, Fiber *thread);
/* The thread of timer i of the heap. */
MT_INTERNAL Fiber *mts_timer_fiber(VM *vm, uint32_t i);
/* Renumbers the timers' seqs 0, 1, ... in firing order (when the 32-bit counter is about
   to wrap); exported for the unit tests. */
MT_INTERNAL void mts_timer_renumber(VM *vm);

/* Parks the thread running f (f may be a coroutine nested in it), switching away; false
   (STEP_ERROR) instead if an exit is due there. */
MT_INTERNAL Step mts_park(VM *vm, Fiber *f, WaitKind kind, Obj *on);
/* mts_park's common case, which cannot fail: t, the thread that f runs on
   (mts_thread_of), holds no exit, the program is not shutting down, and t is no host's
   call. A caller that sees it may queue t, then park it with mts_park_surely, with
   nothing to undo. */
static inline bool mts_parks_surely(VM *vm, Fiber *t) {
    return t && t->exit_held == HELD_NONE && !vm->sched->shutting_down &&
           !(t->obj.flags & FIBER_HOSTCALL);
}
MT_INTERNAL Step mts_park_surely(VM *vm, Fiber *t, Fiber *f, WaitKind kind, Obj *on);
/* Whether the thread running f may park now: false with the error raised (an exit due,
   no thread, or mt_call's code, which cannot wait). What registers f as a waiter (a
   joiner, a timer, a select's cases) asks first, as a failed park would leave it there. */
MT_INTERNAL bool mts_can_wait(VM *vm, Fiber *f);
/* Makes a parked thread runnable: `result` becomes the value of its blocking call, or
   `exc` is raised there. */
MT_INTERNAL void mts_wake(VM *vm, Fiber *thread, Value result);
MT_INTERNAL void mts_wake_error(VM *vm, Fiber *thread, Value exc);
/* Makes a thread parked on an fd runnable: the native call it left with NATIVE_RETRY runs
   again when it resumes. */
MT_INTERNAL void mts_wake_retry(VM *vm, Fiber *thread);
/* Takes a parked thread out of what it waits on (for a kill and the collector). */
MT_INTERNAL void mts_unpark(VM *vm, Fiber *thread);

/* Choosing what runs: mts_schedule sets vm->current to the next fiber to run (NULL: none
   left); mts_run_thread starts or continues one thread (false if it finished at once). */
MT_INTERNAL void mts_schedule(VM *vm);
MT_INTERNAL bool mts_run_thread(VM *vm, Fiber *thread);
MT_INTERNAL Value mts_deadlock_error(VM *vm);
/* Keeps the list of blocked threads for the DeadlockError main gets once it resumes. */
MT_INTERNAL void mts_note_deadlock(VM *vm);

/* A fiber whose first frame returned or failed: its thread or coroutine ends. */
MT_INTERNAL void mts_fiber_returned(VM *vm, Fiber *f, Value result);
MT_INTERNAL void mts_fiber_failed(VM *vm, Fiber *f, Value exc);

/* `yield` at the top of a thread, and sleep(s). */
MT_INTERNAL Step mts_yield_thread(VM *vm, Fiber *thread);
MT_INTERNAL Step mts_sleep(VM *vm, Fiber *f, double seconds);

/* Runs until every thread has finished (or the run was aborted); the exit status. */
MT_INTERNAL int mts_run(VM *vm);
/* A host's turn (SCHED_HOST_RUN or SCHED_HOST_STEP): runs threads until nothing can run
   now, s->stop is set (a budget, `until`), or the run is aborted. 0, or -1 if the VM is
   dead. */
MT_INTERNAL int mts_host_turn(VM *vm, SchedMode mode);

/* Marks a fiber that runs now or was interrupted by an mt_call, with the fibers that
   resumed it and its thread. */
MT_INTERNAL void mts_mark_chain(VM *vm, Fiber *f);

/* The collector's hooks: the roots the scheduler holds (running chain, run queue, timers,
   coroutines awaiting a closer), and freeing a fiber. */
/* Teardown: threads waiting in a select leave their channels' queues. */
MT_INTERNAL void mts_cancel_selects(VM *vm);
MT_INTERNAL void mts_mark_roots(VM *vm);
MT_INTERNAL void mts_free_obj(VM *vm, Obj *o);

#endif
