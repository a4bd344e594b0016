/*
** thread.h — threads (thread.c): spawn, join, kill; the exits delivered to a thread from
** outside (kills, shutdown, signals) and the one rule for when they are raised; how a
** thread finishes; shutdown; and the collector's view of threads.
*/
#ifndef MT_THREAD_H
#define MT_THREAD_H

#include "vm/sched.h"
#include "vm/vm.h"

/* spawn f(args) (callee and arguments on f's stack, keyword names or NULL): the new
   thread's handle replaces the callee. Never switches. */
MT_INTERNAL Step mtth_spawn(VM *vm, Fiber *f, Value *callee, int argc, List *names);
/* Makes the main thread of a run, to call cl (the compiled top level). */
MT_INTERNAL Fiber *mtth_start_main(VM *vm, Closure *cl);
/* Registers a new thread (id, spawn order); it is not queued yet. */
MT_INTERNAL void mtth_register(VM *vm, Fiber *thread);
MT_INTERNAL uint32_t mtth_live_count(VM *vm);
MT_INTERNAL Step mtth_join(VM *vm, Fiber *f, Fiber *target);
MT_INTERNAL int mtth_kill(VM *vm, Fiber *target);

/* Joins: the threads waiting in join() on `thread`, which leave the scheduler's table
   (its FIBER_JOINED clears), and one joiner `t` leaving it (a kill, the collector). */
MT_INTERNAL void mtth_init_joins(VM *vm); /* the scheduler's table, at mts_init */
MT_INTERNAL Waiter *mtth_take_joiners(VM *vm, Fiber *thread);
MT_INTERNAL void mtth_remove_joiner(VM *vm, Fiber *thread, Fiber *t);

/* A thread ended with `value` (ok) or an error or exit: wakes its joiners, reports an
   uncaught error, and may begin shutdown. */
MT_INTERNAL void mtth_finished(VM *vm, Fiber *thread, Value value, bool ok);

/* The exits (sites of the hold rule, SPEC 8.6). Each returns false with vm->error set when
   an exit the thread holds is raised there. */
MT_INTERNAL bool mtth_suspension_slow(VM *vm, Fiber *f, Fiber *t);
/* At a suspension point (every blocking operation about to wait): the common case inline,
   since channel operations pass here on every switch. */
static inline bool mtth_suspension_check(VM *vm, Fiber *f) {
    Fiber *t = mts_thread_of(f);
    if (mt_likely(!t || (t->exit_held == HELD_NONE && !vm->sched->shutting_down))) return true;
    return mtth_suspension_slow(vm, f, t);
}
MT_INTERNAL bool mtth_attention(VM *vm, Fiber *f); /* a safe point with vm->attention set */
MT_INTERNAL bool mtth_cleanup_ended(VM *vm, Fiber *f, Value in_flight);
/* An Error that left cleanup, landing in f (or leaving it): the error to unwind with. */
MT_INTERNAL Value mtth_exit_after_cleanup(VM *vm, Fiber *f, Value exc, bool leaving);
/* Moves a fiber's pending error (a marker made real here) into vm->error. */
MT_INTERNAL void mtth_take_pending(VM *vm, Fiber *f);
MT_INTERNAL Value mtth_materialize(VM *vm, Fiber *f, Value pending);
/* A ThreadExit; unmatchable: re-delivered during shutdown, no except matches it. */
MT_INTERNAL Value mtth_exit_error(VM *vm, bool unmatchable);

/* Shutdown: every thread but the running one is told to end, in spawn order; a status
   >= 0 fixes the exit status if nothing fixed it yet. mtth_cut_blocked ends the blocked
   ones that can never wake (SPEC 10.6). */
MT_INTERNAL void mtth_begin_shutdown(VM *vm, int status);
MT_INTERNAL bool mtth_cut_blocked(VM *vm);
MT_INTERNAL void mtth_deliver_signal(VM *vm);

/* The collector's view: a thread is alive through its wake sources, not its handle. */
MT_INTERNAL void mtth_mark_live(VM *vm, Fiber *thread);
MT_INTERNAL void mtth_blacken(VM *vm, Fiber *thread);
MT_INTERNAL void mtth_mark_waiter(VM *vm, Waiter *w);
MT_INTERNAL void mtth_after_mark(VM *vm);

/* Where thread t was spawned (false: not by Mt code); the sites are marked as roots. */
MT_INTERNAL bool mtth_spawned_at(VM *vm, Fiber *t, Proto **proto, uint32_t *pc);
MT_INTERNAL void mtth_mark_sites(VM *vm);

#endif
