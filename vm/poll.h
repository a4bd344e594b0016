/*
** poll.h — the scheduler's poller (poll.c): threads waiting for file descriptors to be
** ready, and the one place the VM sleeps when nothing can run.
**
** A thread that would block on I/O registers (fd, events) here and parks; when the
** scheduler has nothing to run it sleeps in mtpoll_wait until an fd is ready, the next
** timer is due, or mtpoll_wake is called (a signal, or a host's other thread). Ready
** threads join the run queue in the order they began to wait, so runs stay deterministic
** for the same inputs and timings.
*/
#ifndef MT_POLL_H
#define MT_POLL_H

#include "vm/vm.h"

#define MT_POLL_IN  1 /* readable (or at its end, or in error) */
#define MT_POLL_OUT 2 /* writable */

/* One thread waiting for one fd (a select may register several, one per case). */
typedef struct FdWait {
    Fiber *thread;
    int fd;
    uint32_t events;     /* MT_POLL_IN / MT_POLL_OUT */
    int32_t select_case; /* a select's case index, or -1 for a plain wait */
    uint64_t seq;        /* when it began: ready threads are queued in this order */
} FdWait;

typedef struct Poller {
    FdWait *waits; /* in no particular order */
    uint32_t nwaits, cap;
    uint64_t next_seq;
    int wake_read, wake_write; /* the self-pipe mtpoll_wake writes to (-1: none) */
} Poller;

/* Lifetime: the self-pipe is made when the VM opens (no pipe: wake-ups wait for the next
   timer or fd instead). */
MT_INTERNAL void mtpoll_init(VM *vm);
MT_INTERNAL void mtpoll_free(VM *vm);

/* Registers thread t as waiting for fd (it parks separately). Makes room first, so a
   failed allocation leaves nothing half-registered. */
MT_INTERNAL void mtpoll_add(VM *vm, Fiber *t, int fd, uint32_t events, int32_t select_case);
/* Forgets every wait of thread t (woken, killed or collected). */
MT_INTERNAL void mtpoll_remove(VM *vm, Fiber *t);
/* Makes every thread waiting for fd runnable (its native runs again): fd is being closed
   by another thread, whose close the waiters must see rather than wait on a number the
   system may give to the next socket or pipe. */
MT_INTERNAL void mtpoll_wake_fd(VM *vm, int fd);
/* Whether any thread waits for an fd (then it is not a deadlock to have nothing to run). */
MT_INTERNAL bool mtpoll_busy(VM *vm);

/* Parks the thread running f until fd is ready for `events`; the native that called it
   then returns NATIVE_RETRY, so its call runs again when the thread resumes. */
MT_INTERNAL Step mtpoll_park(VM *vm, Fiber *f, int fd, uint32_t events);
/* As mtpoll_park, but the thread is also woken at `deadline` (mts_now() seconds): the
   native runs again either way and tells by the clock which happened (a timeout). */
MT_INTERNAL Step mtpoll_park_until(VM *vm, Fiber *f, int fd, uint32_t events, double deadline);

/* Whether fd is ready for `events` now, without waiting. */
MT_INTERNAL bool mtpoll_ready(int fd, uint32_t events);

/* Waits up to `timeout` seconds (< 0: until something happens; 0: just looks) for a
   waited-for fd to be ready or for mtpoll_wake; queues the threads whose fds are ready. */
MT_INTERNAL void mtpoll_wait(VM *vm, double timeout);

/* Async-signal-safe, and safe from another OS thread: makes a sleeping mtpoll_wait
   return at once (mt_signal calls it). */
MT_INTERNAL void mtpoll_wake(VM *vm);

/* Empties the wake-up pipe (a host's step, which polls it itself, took the wake-up). */
MT_INTERNAL void mtpoll_drain_wake(VM *vm);
/* The collector: every waiting thread can be woken by its fd, so it is alive. */
MT_INTERNAL void mtpoll_mark(VM *vm);

#endif
