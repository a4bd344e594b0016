/*
** sched.h — the scheduler: run queue, timers, parking and waking threads, coroutine
** switches, kill delivery and the shutdown sequence. Channels (channel.c) park and wake
** threads through this interface.
*/
#ifndef MT_SCHED_H
#define MT_SCHED_H

#include "vm/interp.h"

typedef struct Channel {
    Obj obj;
    Value *buf;
    uint32_t cap, count, head;
    bool closed;
    Waiter *recv_head, *recv_tail;
    Waiter *send_head, *send_tail;
} Channel;

/* A select in progress: one waiter per channel case. */
typedef struct Select {
    SelectWaiter *waiters;
    uint32_t ncases;
    uint32_t operands;  /* stack index of the first case operand */
    const Instr *table; /* the jump table after the SELECT instruction */
    int chosen;         /* -1 while waiting */
    const char *kinds;
} Select;

/* A timer: a sleeping thread or a select with after(). Kept in the scheduler's heap so a
   fiber pays for timer fields only while it waits on one. */
typedef struct {
    double at;    /* monotonic deadline */
    uint64_t seq; /* order the timers were set: ties by deadline break by it */
    Fiber *fiber;
} Timer;

struct Scheduler {
    Fiber *run_head, *run_tail; /* FIFO, linked through wait.next */
    uint32_t run_len, pass_left;
    Timer *timers; /* min-heap on (at, seq) */
    uint32_t ntimers, timers_cap;
    uint64_t timer_seq;
    Fiber **threads; /* live threads in spawn order (NULL holes compacted lazily) */
    uint32_t nthreads, threads_cap;
    uint32_t next_thread_id;
    uint64_t next_coroutine_seq;
    uint32_t coroutines; /* coroutine fibers alive (the collector scans for them) */
    Fiber **to_close;    /* garbage coroutines the collector revived, awaiting a closer */
    uint32_t nclose, close_cap;
    bool shutting_down;
    bool status_fixed; /* what began shutdown fixed the exit status */
    bool aborted;      /* a second signal: stop at once */
    int status;
    int last_signal;
};

/* The thread a fiber runs on (itself for a thread's root). */
static inline Fiber *mts_thread_of(Fiber *f) {
    if (f == NULL) return NULL;
    return (f->obj.flags & FIBER_THREAD) ? f : f->thread;
}

/* Threads */
MT_INTERNAL void mts_enqueue(VM *vm, Fiber *thread);
MT_INTERNAL Step mts_park(VM *vm, Fiber *f, WaitKind kind, Obj *on);
MT_INTERNAL bool mts_suspension_check(VM *vm, Fiber *f);
MT_INTERNAL Value mts_exit_after_cleanup(VM *vm, Fiber *f, Value exc, bool leaving);
MT_INTERNAL bool mts_is_close_exit(Fiber *f, Value exc);
MT_INTERNAL void mts_wake(VM *vm, Fiber *thread, Value result);
MT_INTERNAL void mts_wake_error(VM *vm, Fiber *thread, Value exc);
MT_INTERNAL void mts_unpark(VM *vm, Fiber *thread);
MT_INTERNAL Step mts_sleep(VM *vm, Fiber *f, double seconds);
MT_INTERNAL Step mts_join(VM *vm, Fiber *f, Fiber *target);
MT_INTERNAL int mts_kill(VM *vm, Fiber *target);
MT_INTERNAL Step mts_resume(VM *vm, Fiber *f, Fiber *co, Value v, ResumeMode mode);
MT_INTERNAL int mts_close(VM *vm, Value *args);
MT_INTERNAL double mts_now(void);
MT_INTERNAL void mts_timer_reserve(VM *vm);
MT_INTERNAL void mts_timer_add(VM *vm, Fiber *thread, double at);
MT_INTERNAL void mts_timer_remove(VM *vm, Fiber *thread);
MT_INTERNAL Value mts_thread_exit_error(VM *vm, bool unmatchable);
MT_INTERNAL Fiber *mts_new_coroutine(VM *vm, Value callee, Value *args, int argc);

/* Whole-program driving (api.c). */
MT_INTERNAL int mts_run(VM *vm);
MT_INTERNAL Fiber *mts_start_main(VM *vm, Closure *cl);
MT_INTERNAL void mts_shutdown(VM *vm);
MT_INTERNAL void mts_init(VM *vm);
MT_INTERNAL void mts_free(VM *vm);

/* Channels (channel.c) */
MT_INTERNAL Channel *mtch_new(VM *vm, uint32_t cap);
MT_INTERNAL Step mtch_send(VM *vm, Fiber *f, Channel *ch, Value v);
MT_INTERNAL Step mtch_recv(VM *vm, Fiber *f, Channel *ch, bool for_loop);
MT_INTERNAL int mtch_close(VM *vm, Channel *ch);
MT_INTERNAL void mtch_remove_waiter(Channel *ch, Waiter *w);
MT_INTERNAL void mtch_blacken(VM *vm, Channel *ch);
MT_INTERNAL void mtch_free(VM *vm, Channel *ch);
MT_INTERNAL bool mtch_ready(Channel *ch, bool send);
MT_INTERNAL void mtsel_cancel(VM *vm, Fiber *thread);

#endif
