/*
** select.h — `select` (select.c): a thread waiting on several channel operations, fds and
** timers at once, from the select statement or from choose() with cases built at run time.
*/
#ifndef MT_SELECT_H
#define MT_SELECT_H

#include "vm/vm.h"

/* Case kinds, as the compiler spells them in the SELECT instruction's kinds string. */
enum {
    CASE_RECV = '0',     /* ch.recv() */
    CASE_SEND = '1',     /* ch.send(v) */
    CASE_AFTER = '2',    /* after(seconds) */
    CASE_READABLE = '3', /* x.readable(): an fd has data (or its end) */
    CASE_WRITABLE = '4', /* x.writable() */
};

/* A waiting select's operands are one per case (two for send: the channel and the value),
   on its fiber's stack for the statement. A statement select with at most two channel
   cases waits with no memory of its own: the links are the thread's select_links, and
   the rest is read from the SELECT instruction its frame waits at. Otherwise its links
   (and for choose() its operands, kinds and result) are in a block, t->sel. */
typedef struct Select {
    List *result;      /* choose(): the [index, value] list it returns; NULL: a statement */
    Value *ops;        /* choose(): the operands (in this block) */
    const char *kinds; /* choose(): the cases' kinds (in this block) */
    uint32_t ncases;   /* choose(): cases, without default */
    uint32_t nlinks;   /* link words below: one per channel case (choose(): per case) */
    Fiber *fiber;      /* the thread waiting: right before the links (waiter_fiber) */
    Waiter *links[];   /* the link words of the channel cases, in case order */
} Select;

_Static_assert(offsetof(Select, links) == offsetof(Select, fiber) + sizeof(Fiber *),
               "waiter_fiber finds a select's thread right before its links");

/* The SELECT instruction: n cases' operands on f's stack, `table` its jump table. */
MT_INTERNAL Step mtsel_select(VM *vm, Fiber *f, int ncases, String *kinds, const Instr *table);
/* choose(cases, default): the same for a list of cases (["recv", ch], ["send", ch, v],
   ["after", s], ["readable", x], ["writable", x]); its result [index, value] goes to
   f->top[-1] (index -1 when `dflt` and nothing is ready). */
MT_INTERNAL Step mtsel_choose(VM *vm, Fiber *f, List *cases, bool dflt);
/* Case `index` of thread t's select completed (value received, or error to raise). */
MT_INTERNAL void mtsel_finish(VM *vm, Fiber *t, int index, Value value, Value error);
/* The select's timer fired: the earliest after() case runs. */
MT_INTERNAL void mtsel_timeout(VM *vm, Fiber *t);
/* Unlinks and frees thread t's select (a kill, the collector, t freed); t waits no more. */
MT_INTERNAL void mtsel_cancel(VM *vm, Fiber *t);
/* The same for the channel case whose link (fiber.h) its waker took out of the queue. */
MT_INTERNAL void mtsel_finish_link(VM *vm, Waiter *link, Value value, Value error);
/* The value the send case whose link is `link` sends. */
MT_INTERNAL Value mtsel_link_value(Waiter *link);
/* Marks what a waiting choose() holds (its operands and result). */
MT_INTERNAL void mtsel_mark(VM *vm, Select *sel);

#endif
