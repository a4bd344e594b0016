/*
** channel.h — channels (channel.c): a ring buffer (capacity 0: rendezvous) and two FIFO
** queues of waiting threads.
*/
#ifndef MT_CHANNEL_H
#define MT_CHANNEL_H

#include "vm/vm.h"

typedef struct Channel {
    Obj obj;
    Value *buf;                /* cap values, a ring starting at head */
    uint32_t cap, count, head; /* buffer size, values in it, the oldest one's index */
    bool closed; /* close() was called: sends fail, receives drain the buffer then fail */
    Waiter *recv_head, *recv_tail; /* threads (or selects) waiting to receive */
    Waiter *send_head, *send_tail; /* ... to send: each waiter holds its value */
} Channel;

/* A new open channel with a buffer of cap values (0: rendezvous). */
MT_INTERNAL Channel *mtch_new(VM *vm, uint32_t cap);

/* Frees a channel and its buffer. */
MT_INTERNAL void mtch_free(VM *vm, Channel *ch);

/* Marks the values a channel holds and the threads waiting on it (a reachable channel can
   wake them). */
MT_INTERNAL void mtch_blacken(VM *vm, Channel *ch);

/* ch.send(v), ch.recv() and `for v in ch` (for_loop: the value is pushed, STEP_JUMP at
   the end) from fiber f: done at once, or the thread parks. */
MT_INTERNAL Step mtch_send(VM *vm, Fiber *f, Channel *ch, Value v);
MT_INTERNAL Step mtch_recv(VM *vm, Fiber *f, Channel *ch, bool for_loop);
MT_INTERNAL Step mtch_for_iter(VM *vm, Fiber *f, Obj *ch);
MT_INTERNAL int mtch_close(VM *vm, Channel *ch);

/* For select: whether an operation could complete now, completing one without waiting,
   the error of an operation on a closed channel, and the wait queues. */
MT_INTERNAL bool mtch_ready(Channel *ch, bool send);
MT_INTERNAL bool mtch_try_send(VM *vm, Channel *ch, Value v);
MT_INTERNAL bool mtch_try_recv(VM *vm, Channel *ch, Value *out);
MT_INTERNAL Value mtch_closed_error(VM *vm, bool send);
MT_INTERNAL void mtch_push_waiter(Waiter **head, Waiter **tail, Waiter *w);
MT_INTERNAL void mtch_remove_waiter(Channel *ch, Waiter *w);

#endif
