/*
** vm.h — the dispatch loop (vm.c), and the Step its slow paths report: call.c, ops.c,
** the scheduler and the natives that suspend run with the loop's registers stored
** (fiber->top, frame->ip) and return what the loop must do next.
*/
#ifndef MT_VM_H
#define MT_VM_H

#include "vm/state.h"

typedef enum {
    /* DONE, ERROR and SWITCH have the values of NATIVE_OK, NATIVE_ERROR and
       NATIVE_SUSPEND (object.h), so a native can return a channel operation's Step. */
    STEP_DONE,   /* finished in place; the result is on top of the stack (fiber->top) */
    STEP_ERROR,  /* vm->error holds a fresh error */
    STEP_FRAME,  /* a frame was pushed: reload and continue in it */
    STEP_SWITCH, /* the current fiber changed (suspended, parked or finished) */
    STEP_JUMP,   /* FOR_ITER: the iteration ended; take the jump */
} Step;

/* Runs fibers until none is runnable: 0, or -1 if the VM is dead (out of memory even
   for unwinding). */
MT_INTERNAL int mtvm_execute(VM *vm);

#endif
