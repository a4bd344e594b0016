/*
** coro.h — coroutines (coro.c): make, resume, yield, close and iterate them; finish
** them; and close the ones that still hold cleanup (garbage, or at program end).
*/
#ifndef MT_CORO_H
#define MT_CORO_H

#include "vm/vm.h"

/* coroutine(callee, args...): suspended before its first instruction. */
MT_INTERNAL Fiber *mtco_new(VM *vm, Value callee, Value *args, int argc);
/* Resumes co from fiber f; f->top[-1] is where the yielded or returned value goes. */
MT_INTERNAL Step mtco_resume(VM *vm, Fiber *f, Fiber *co, Value v, ResumeMode mode);
/* `yield v` in fiber f: a coroutine hands v to its resumer; a thread lets others run. */
MT_INTERNAL Step mtco_yield(VM *vm, Fiber *f, Value v);
/* co.close() as a native (args[0] the coroutine and its result slot). */
MT_INTERNAL int mtco_close(VM *vm, Value *args);
/* `for v in co`: the next yielded value, or STEP_JUMP when co has returned. */
MT_INTERNAL Step mtco_for_iter(VM *vm, Fiber *f, Fiber *co);
/* A coroutine ended: its value or error goes back to its resumer. */
MT_INTERNAL void mtco_finished(VM *vm, Fiber *co, Value value, bool ok);
/* The ThreadExit a close() raised in coroutine f (not one that unwinds a thread). */
MT_INTERNAL bool mtco_is_close_exit(Fiber *f, Value exc);

/* Closing coroutines that hold cleanup: the collector revives garbage ones (after
   marking) and each gets a closer thread after the collection; at program end every one
   left is closed, newest first. */
MT_INTERNAL void mtco_revive_garbage(VM *vm);
MT_INTERNAL void mtco_after_collect(VM *vm);
MT_INTERNAL void mtco_start_closers(VM *vm);
MT_INTERNAL void mtco_close_garbage(VM *vm);

#endif
