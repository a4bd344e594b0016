/*
** select.h — `select` (select.c): a thread waiting on several channel operations and
** timers at once.
*/
#ifndef MT_SELECT_H
#define MT_SELECT_H

#include "vm/vm.h"

/* A select in progress: one waiter per channel case. */
typedef struct Select {
    SelectWaiter *waiters; /* one per case (after() cases unused) */
    uint32_t ncases;       /* cases, without default */
    uint32_t operands;     /* stack index of the first case operand */
    const Instr *table;    /* the jump table after the SELECT instruction */
    int chosen;            /* -1 while waiting */
    const char *kinds;     /* per case: '0' recv, '1' send, '2' after; then 'd' if a default */
} Select;

/* The SELECT instruction: n cases' operands on f's stack, `table` their jump table. */
MT_INTERNAL Step mtsel_select(VM *vm, Fiber *f, int ncases, String *kinds, const Instr *table);
/* Case `index` of thread t's select completed (value received, or error to raise). */
MT_INTERNAL void mtsel_finish(VM *vm, Fiber *t, int index, Value value, Value error);
/* The select's timer fired: the earliest after() case runs. */
MT_INTERNAL void mtsel_timeout(VM *vm, Fiber *t);
/* Unlinks and frees thread t's select (a kill, the collector, t freed). */
MT_INTERNAL void mtsel_cancel(VM *vm, Fiber *t);

#endif
