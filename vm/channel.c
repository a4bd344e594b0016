/*
** channel.c — channels: send, recv, close and their wait queues.
**
** A channel has a ring buffer (capacity 0 = rendezvous) and two FIFO wait queues. A
** thread doing a plain send or recv waits with the Waiter embedded in its fiber; a select
** waits with one link word per channel case (fiber.h). An operation that can complete
** without waiting never switches threads; handing a value to a waiting thread makes it
** runnable (at the back of the run queue) with the value already in place.
*/
#include <stdlib.h>

#include "vm/channel.h"
#include "vm/error.h"
#include "vm/opcodes.h"
#include "vm/sched.h"
#include "vm/select.h"
#include "vm/thread.h"
#include "vm/vm.h"
#include "vm/state.h"
#include "vm/object.h"
#include "vm/mem.h"
#include "vm/gc.h"

Channel *mtch_new(VM *vm, uint32_t cap) {
    Channel *ch = (Channel *)mto_alloc(vm, sizeof(Channel), OBJ_CHANNEL);
    ch->buf = NULL;
    ch->cap = cap;
    ch->count = ch->head = 0;
    ch->closed = false;
    ch->recv_head = ch->recv_tail = ch->send_head = ch->send_tail = NULL;
    if (cap) {
        mtgc_push_temp(vm, OBJ_VAL(ch));
        ch->buf = mtmem_alloc(vm, cap * sizeof(Value));
        mtgc_pop_temp(vm, 1);
    }
    return ch;
}

void mtch_free(VM *vm, Channel *ch) {
    if (ch->buf) mtmem_free(vm, ch->buf, ch->cap * sizeof(Value));
    mtmem_free(vm, ch, sizeof(Channel));
}

void mtch_blacken(VM *vm, Channel *ch) {
    for (uint32_t i = 0; i < ch->count; i++) mtgc_mark_value(vm, ch->buf[(ch->head + i) % ch->cap]);
    for (Waiter *w = ch->recv_head; w; w = *waiter_link(w)) mtth_mark_waiter(vm, w);
    for (Waiter *w = ch->send_head; w; w = *waiter_link(w)) {
        if (!is_select_waiter(w)) mtgc_mark_value(vm, w->value); /* a select's: its operands */
        mtth_mark_waiter(vm, w);
    }
}

/* {== Wait queues ==} */

void mtch_push_waiter(Waiter **head, Waiter **tail, Waiter *w) {
    *waiter_link(w) = NULL;
    if (*tail) *waiter_link(*tail) = w;
    else *head = w;
    *tail = w;
}

static Waiter *pop_waiter(Waiter **head, Waiter **tail) {
    Waiter *w = *head;
    if (!w) return NULL;
    *head = *waiter_link(w);
    if (!*head) *tail = NULL;
    *waiter_link(w) = NULL;
    return w;
}

static bool unlink_from(Waiter **head, Waiter **tail, Waiter *w) {
    Waiter *prev = NULL;
    for (Waiter *c = *head; c; prev = c, c = *waiter_link(c)) {
        if (c != w) continue;
        if (prev) *waiter_link(prev) = *waiter_link(c);
        else *head = *waiter_link(c);
        if (*tail == c) *tail = prev;
        *waiter_link(c) = NULL;
        return true;
    }
    return false;
}

void mtch_remove_waiter(Channel *ch, Waiter *w) {
    if (!unlink_from(&ch->recv_head, &ch->recv_tail, w))
        unlink_from(&ch->send_head, &ch->send_tail, w);
}

bool mtch_ready(Channel *ch, bool send) {
    if (ch->closed) return true;
    if (send) return ch->recv_head != NULL || ch->count < ch->cap;
    return ch->count > 0 || ch->send_head != NULL;
}

/* {== Select completion ==} */

/* The value a waiting sender sends (a select's is among its operands). */
static Value sent_value(Waiter *w) { return is_select_waiter(w) ? mtsel_link_value(w) : w->value; }

/* A waiting receiver gets `v`. */
static void give_to_receiver(VM *vm, Waiter *w, Value v) {
    if (is_select_waiter(w)) mtsel_finish_link(vm, w, v, UNDEF_VAL);
    else mts_wake(vm, waiter_fiber(w), v);
}

/* A waiting sender's value was taken. */
static void release_sender(VM *vm, Waiter *w) {
    if (is_select_waiter(w)) mtsel_finish_link(vm, w, NIL_VAL, UNDEF_VAL);
    else mts_wake(vm, waiter_fiber(w), NIL_VAL);
}

/* {== send / recv / close ==} */

Value mtch_closed_error(VM *vm, bool send) {
    return mte_new(vm, ERR_CHANNEL_CLOSED,
                   send ? "send on a closed channel" : "recv on a closed channel");
}

/* Completes a send that need not wait; false if it must wait. */
bool mtch_try_send(VM *vm, Channel *ch, Value v) {
    Waiter *w = pop_waiter(&ch->recv_head, &ch->recv_tail);
    if (w) {
        give_to_receiver(vm, w, v);
        return true;
    }
    if (ch->count < ch->cap) {
        ch->buf[(ch->head + ch->count) % ch->cap] = v;
        ch->count++;
        return true;
    }
    return false;
}

/* Completes a receive that need not wait; false if it must wait (or the channel is closed
   and empty). */
bool mtch_try_recv(VM *vm, Channel *ch, Value *out) {
    if (ch->count > 0) {
        *out = ch->buf[ch->head];
        ch->head = (ch->head + 1) % ch->cap;
        ch->count--;
        Waiter *w = pop_waiter(&ch->send_head, &ch->send_tail);
        if (w) {
            ch->buf[(ch->head + ch->count) % ch->cap] = sent_value(w);
            ch->count++;
            release_sender(vm, w);
        }
        return true;
    }
    Waiter *w = pop_waiter(&ch->send_head, &ch->send_tail);
    if (w) {
        *out = sent_value(w);
        release_sender(vm, w);
        return true;
    }
    return false;
}

/* The received value becomes the call's result, or for a loop the loop variable's slot. */
static void deliver(Fiber *f, Value v, bool for_loop) {
    if (for_loop) *f->top++ = v;
    else f->top[-1] = v;
}

/* Queues thread t (running f) as a sender of v, or as a receiver. */
static void queue_sender(Channel *ch, Fiber *t, Value v) {
    t->wait.value = v;
    mtch_push_waiter(&ch->send_head, &ch->send_tail, &t->wait);
}
static void queue_receiver(Channel *ch, Fiber *t, Fiber *f, bool for_loop) {
    if (for_loop) *f->top++ = NIL_VAL; /* the slot the value will land in */
    t->wait.value = for_loop ? WAIT_FOR_LOOP : NIL_VAL;
    mtch_push_waiter(&ch->recv_head, &ch->recv_tail, &t->wait);
}

/* mtch_send for everything but its two common cases. */
static MT_NOINLINE Step send_slow(VM *vm, Fiber *f, Channel *ch, Value v) {
    if (ch->closed) {
        vm->error = mtch_closed_error(vm, true);
        return STEP_ERROR;
    }
    if (mtch_try_send(vm, ch, v)) {
        f->top[-1] = NIL_VAL;
        return STEP_DONE;
    }
    Fiber *t = mts_thread_of(f);
    queue_sender(ch, t, v);
    Step st = mts_park(vm, f, WAIT_SEND, &ch->obj);
    if (st == STEP_ERROR) mtch_remove_waiter(ch, &t->wait);
    return st;
}

/* mtch_recv for everything but its two common cases. */
static MT_NOINLINE Step recv_slow(VM *vm, Fiber *f, Channel *ch, bool for_loop) {
    Value v;
    if (mtch_try_recv(vm, ch, &v)) {
        deliver(f, v, for_loop);
        return STEP_DONE;
    }
    if (ch->closed) {
        if (for_loop) return STEP_JUMP;
        vm->error = mtch_closed_error(vm, false);
        return STEP_ERROR;
    }
    Fiber *t = mts_thread_of(f);
    queue_receiver(ch, t, f, for_loop);
    Step st = mts_park(vm, f, WAIT_RECV, &ch->obj);
    if (st == STEP_ERROR) {
        mtch_remove_waiter(ch, &t->wait);
        if (for_loop) f->top--;
    }
    return st;
}

/* A receive from a select's waiting send case w, already out of the queue. */
static MT_NOINLINE Step recv_from_select(VM *vm, Fiber *f, bool for_loop, Waiter *w) {
    deliver(f, sent_value(w), for_loop);
    release_sender(vm, w);
    return STEP_DONE;
}

/* The common cases of send and recv, a peer already waiting and a thread that surely parks,
   end in calls with nothing to do after them, so they save no registers. */
Step mtch_send(VM *vm, Fiber *f, Channel *ch, Value v) {
    if (mt_likely(!ch->closed)) {
        Waiter *w = pop_waiter(&ch->recv_head, &ch->recv_tail);
        if (w) {
            f->top[-1] = NIL_VAL;
            give_to_receiver(vm, w, v);
            return STEP_DONE;
        }
        Fiber *t = mts_thread_of(f);
        if (ch->count == ch->cap && mts_parks_surely(vm, t)) {
            queue_sender(ch, t, v);
            return mts_park_surely(vm, t, f, WAIT_SEND, &ch->obj);
        }
    }
    return send_slow(vm, f, ch, v);
}

Step mtch_recv(VM *vm, Fiber *f, Channel *ch, bool for_loop) {
    if (ch->count == 0) {
        Waiter *w = pop_waiter(&ch->send_head, &ch->send_tail);
        if (w) {
            if (is_select_waiter(w)) return recv_from_select(vm, f, for_loop, w);
            deliver(f, w->value, for_loop);
            mts_wake(vm, waiter_fiber(w), NIL_VAL);
            return STEP_DONE;
        }
        Fiber *t = mts_thread_of(f);
        if (!ch->closed && mts_parks_surely(vm, t)) {
            queue_receiver(ch, t, f, for_loop);
            return mts_park_surely(vm, t, f, WAIT_RECV, &ch->obj);
        }
    }
    return recv_slow(vm, f, ch, for_loop);
}

Step mtch_for_iter(VM *vm, Fiber *f, Obj *o) { return mtch_recv(vm, f, (Channel *)o, true); }

/* Wakes a receiver because the channel closed: a for loop ends, anything else fails with
   `err` (made before the waiter left the queue: nothing may allocate while a thread is in
   neither a wait queue nor the run queue). */
static void wake_closed_receiver(VM *vm, Waiter *w, Value err) {
    if (is_select_waiter(w)) {
        mtsel_finish_link(vm, w, NIL_VAL, err);
        return;
    }
    Fiber *t = waiter_fiber(w);
    if (w->value == WAIT_FOR_LOOP) {
        Fiber *a = t->active ? t->active : t;
        a->top--; /* drop the value slot */
        Frame *fr = &a->frames[a->nframes - 1];
        fr->ip += INSTR_SA(fr->ip[-1]);
        mts_wake(vm, t, a->top[-1]);
        return;
    }
    mts_wake_error(vm, t, err);
}

int mtch_close(VM *vm, Channel *ch) {
    if (ch->closed) return NATIVE_OK;
    ch->closed = true;
    while (ch->recv_head) {
        Value err = mtch_closed_error(vm, false);
        mtgc_push_temp(vm, err);
        wake_closed_receiver(vm, pop_waiter(&ch->recv_head, &ch->recv_tail), err);
        mtgc_pop_temp(vm, 1);
    }
    while (ch->send_head) {
        Value err = mtch_closed_error(vm, true);
        mtgc_push_temp(vm, err);
        Waiter *w = pop_waiter(&ch->send_head, &ch->send_tail);
        if (is_select_waiter(w)) mtsel_finish_link(vm, w, NIL_VAL, err);
        else mts_wake_error(vm, waiter_fiber(w), err);
        mtgc_pop_temp(vm, 1);
    }
    return NATIVE_OK;
}
