/*
** channel.c — channels and select.
**
** A channel has a ring buffer (capacity 0 = rendezvous) and two FIFO wait queues of
** Waiters. A thread doing a plain send or recv waits with the Waiter embedded in its
** fiber; a select waits with one Waiter per channel case. An operation that can complete
** without waiting never switches threads; handing a value to a waiting thread makes it
** runnable (at the back of the run queue) with the value already in place.
*/
#include <stdlib.h>

#include "vm/error.h"
#include "vm/opcodes.h"
#include "vm/sched.h"

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

MT_INTERNAL void mtsched_mark_waiter(VM *vm, Waiter *w);

void mtch_blacken(VM *vm, Channel *ch) {
    for (uint32_t i = 0; i < ch->count; i++) mtgc_mark_value(vm, ch->buf[(ch->head + i) % ch->cap]);
    for (Waiter *w = ch->recv_head; w; w = w->next) mtsched_mark_waiter(vm, w);
    for (Waiter *w = ch->send_head; w; w = w->next) {
        mtgc_mark_value(vm, w->value);
        mtsched_mark_waiter(vm, w);
    }
}

/* {== Wait queues ==} */

static void push_waiter(Waiter **head, Waiter **tail, Waiter *w) {
    w->next = NULL;
    if (*tail) (*tail)->next = w;
    else *head = w;
    *tail = w;
}

static Waiter *pop_waiter(Waiter **head, Waiter **tail) {
    Waiter *w = *head;
    if (!w) return NULL;
    *head = w->next;
    if (!*head) *tail = NULL;
    w->next = NULL;
    return w;
}

static bool unlink_from(Waiter **head, Waiter **tail, Waiter *w) {
    Waiter *prev = NULL;
    for (Waiter *c = *head; c; prev = c, c = c->next) {
        if (c != w) continue;
        if (prev) prev->next = c->next;
        else *head = c->next;
        if (*tail == c) *tail = prev;
        c->next = NULL;
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

static bool is_select_waiter(Waiter *w) { return (w->flags & WAITER_SELECT) != 0; }

static void select_finish(VM *vm, Fiber *t, int index, Value value, Value error);

/* A waiting receiver gets `v`. */
static void give_to_receiver(VM *vm, Waiter *w, Value v) {
    Fiber *t = waiter_fiber(w);
    if (is_select_waiter(w)) {
        select_finish(vm, t, (int)w->index, v, UNDEF_VAL);
        return;
    }
    mts_wake(vm, t, v);
}

/* A waiting sender's value was taken. */
static void release_sender(VM *vm, Waiter *w) {
    Fiber *t = waiter_fiber(w);
    if (is_select_waiter(w)) {
        select_finish(vm, t, (int)w->index, NIL_VAL, UNDEF_VAL);
        return;
    }
    mts_wake(vm, t, NIL_VAL);
}

/* {== send / recv / close ==} */

static Value closed_error(VM *vm, bool send) {
    return mte_new(vm, ERR_CHANNEL_CLOSED,
                   send ? "send on a closed channel" : "recv on a closed channel");
}

/* Completes a send that need not wait; false if it must wait. */
static bool try_send(VM *vm, Channel *ch, Value v) {
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
static bool try_recv(VM *vm, Channel *ch, Value *out) {
    if (ch->count > 0) {
        *out = ch->buf[ch->head];
        ch->head = (ch->head + 1) % ch->cap;
        ch->count--;
        Waiter *w = pop_waiter(&ch->send_head, &ch->send_tail);
        if (w) {
            ch->buf[(ch->head + ch->count) % ch->cap] = w->value;
            ch->count++;
            release_sender(vm, w);
        }
        return true;
    }
    Waiter *w = pop_waiter(&ch->send_head, &ch->send_tail);
    if (w) {
        *out = w->value;
        release_sender(vm, w);
        return true;
    }
    return false;
}

Step mtch_send(VM *vm, Fiber *f, Channel *ch, Value v) {
    if (ch->closed) {
        vm->error = closed_error(vm, true);
        return STEP_ERROR;
    }
    if (try_send(vm, ch, v)) {
        f->top[-1] = NIL_VAL;
        return STEP_DONE;
    }
    Fiber *t = mts_thread_of(f);
    t->wait.value = v;
    t->wait.index = 0;
    push_waiter(&ch->send_head, &ch->send_tail, &t->wait);
    Step st = mts_park(vm, f, WAIT_SEND, &ch->obj);
    if (st == STEP_ERROR) mtch_remove_waiter(ch, &t->wait);
    return st;
}

#define FOR_LOOP_WAIT 1u

Step mtch_recv(VM *vm, Fiber *f, Channel *ch, bool for_loop) {
    Value v;
    if (try_recv(vm, ch, &v)) {
        if (for_loop) *f->top++ = v;
        else f->top[-1] = v;
        return STEP_DONE;
    }
    if (ch->closed) {
        if (for_loop) return STEP_JUMP;
        vm->error = closed_error(vm, false);
        return STEP_ERROR;
    }
    Fiber *t = mts_thread_of(f);
    if (for_loop) *f->top++ = NIL_VAL; /* the slot the value will land in */
    t->wait.value = NIL_VAL;
    t->wait.index = for_loop ? FOR_LOOP_WAIT : 0;
    push_waiter(&ch->recv_head, &ch->recv_tail, &t->wait);
    Step st = mts_park(vm, f, WAIT_RECV, &ch->obj);
    if (st == STEP_ERROR) {
        mtch_remove_waiter(ch, &t->wait);
        if (for_loop) f->top--;
    }
    return st;
}

Step mts_for_iter_channel(VM *vm, Fiber *f, Obj *o) { return mtch_recv(vm, f, (Channel *)o, true); }

/* Wakes a receiver because the channel closed: a for loop ends, anything else fails with
   `err` (made before the waiter left the queue: nothing may allocate while a thread is in
   neither a wait queue nor the run queue). */
static void wake_closed_receiver(VM *vm, Waiter *w, Value err) {
    Fiber *t = waiter_fiber(w);
    if (is_select_waiter(w)) {
        select_finish(vm, t, (int)w->index, NIL_VAL, err);
        return;
    }
    if (w->index == FOR_LOOP_WAIT) {
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
        Value err = closed_error(vm, false);
        mtgc_push_temp(vm, err);
        wake_closed_receiver(vm, pop_waiter(&ch->recv_head, &ch->recv_tail), err);
        mtgc_pop_temp(vm, 1);
    }
    while (ch->send_head) {
        Value err = closed_error(vm, true);
        mtgc_push_temp(vm, err);
        Waiter *w = pop_waiter(&ch->send_head, &ch->send_tail);
        if (is_select_waiter(w)) select_finish(vm, waiter_fiber(w), (int)w->index, NIL_VAL, err);
        else mts_wake_error(vm, waiter_fiber(w), err);
        mtgc_pop_temp(vm, 1);
    }
    return NATIVE_OK;
}

/* {== select ==} */

static uint64_t next_random(VM *vm) {
    uint64_t x = vm->select_rng;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    vm->select_rng = x;
    return x;
}

/* Where case i's body starts: the jump table follows the SELECT instruction. */
static const Instr *case_target(const Instr *table, int i) {
    return table + i + 1 + INSTR_SA(table[i]);
}

/* Positions fiber f at case i's body: operands of cases > i dropped, `value` pushed. */
static void enter_case(Fiber *f, Value *operands, const Instr *table, int i, Value value) {
    f->top = operands + 2 * (i + 1);
    *f->top++ = value;
    f->frames[f->nframes - 1].ip = case_target(table, i);
}

/* A select and its waiters are one block: one allocation, nothing half made. */
static size_t select_size(uint32_t ncases) {
    return sizeof(Select) + ncases * sizeof(SelectWaiter);
}

static void free_select(VM *vm, Select *sel) { mtmem_free(vm, sel, select_size(sel->ncases)); }

/* Unlinks every waiter of thread t's select and frees it. */
void mtsel_cancel(VM *vm, Fiber *t) {
    Select *sel = t->sel;
    if (!sel) return;
    Fiber *f = t->active ? t->active : t;
    Value *ops = f->stack + sel->operands;
    for (uint32_t i = 0; i < sel->ncases; i++) {
        if (sel->kinds[i] == '2' || !(sel->waiters[i].w.flags & WAITER_QUEUED)) continue;
        mtch_remove_waiter((Channel *)AS_OBJ(ops[2 * i]), &sel->waiters[i].w);
    }
    t->sel = NULL;
    free_select(vm, sel);
}

/* Another thread completed case `index` of t's select (or a timer or close did). */
static void select_finish(VM *vm, Fiber *t, int index, Value value, Value error) {
    Select *sel = t->sel;
    Fiber *f = t->active ? t->active : t;
    Value *ops = f->stack + sel->operands;
    const Instr *table = sel->table;
    uint32_t ncases = sel->ncases;
    sel->waiters[index].w.flags &= ~WAITER_QUEUED; /* already unlinked by the waker */
    mtsel_cancel(vm, t);
    if (!IS_UNDEF(error)) {
        f->top = ops + 2 * ncases;
        mts_wake_error(vm, t, error);
        return;
    }
    enter_case(f, ops, table, index, value);
    mts_wake(vm, t, value);
}

/* The select's timer fired: the after() case with the earliest deadline runs. */
void mtsel_timeout(VM *vm, Fiber *t) {
    Select *sel = t->sel;
    Fiber *f = t->active ? t->active : t;
    Value *ops = f->stack + sel->operands;
    int best = -1;
    double best_t = 0;
    for (uint32_t i = 0; i < sel->ncases; i++) {
        if (sel->kinds[i] != '2') continue;
        double d = AS_NUMBER(ops[2 * i]);
        if (best < 0 || d < best_t) {
            best = (int)i;
            best_t = d;
        }
    }
    select_finish(vm, t, best, NIL_VAL, UNDEF_VAL);
    t->obj.flags &= ~FIBER_DEFER;
}

static bool check_operands(VM *vm, Value *ops, int n, const char *kinds) {
    for (int i = 0; i < n; i++) {
        Value a = ops[2 * i];
        if (kinds[i] == '2') {
            if (!IS_NUMBER(a)) {
                mte_throw(vm, ERR_TYPE, "after() needs a number of seconds, not %s",
                          mtv_type_name(a));
                return false;
            }
        } else if (!IS_OBJ_TYPE(a, OBJ_CHANNEL)) {
            mte_throw(vm, ERR_TYPE, "select case %s() needs a channel, not %s",
                      kinds[i] == '0' ? "recv" : "send", mtv_type_name(a));
            return false;
        }
    }
    return true;
}

Step mts_select(VM *vm, Fiber *f, int n, String *kinds_str, const Instr *table) {
    const char *kinds = kinds_str->chars;
    Value *ops = f->top - 2 * n;
    if (!check_operands(vm, ops, n, kinds)) return STEP_ERROR;
    int ready[64], nready = 0;
    for (int i = 0; i < n; i++) {
        bool r = kinds[i] == '2' ? AS_NUMBER(ops[2 * i]) <= 0
                                 : mtch_ready((Channel *)AS_OBJ(ops[2 * i]), kinds[i] == '1');
        if (r) ready[nready++] = i;
    }
    if (nready > 0) {
        int i = ready[nready == 1 ? 0 : next_random(vm) % (uint64_t)nready];
        Value v = NIL_VAL;
        if (kinds[i] != '2') {
            Channel *ch = (Channel *)AS_OBJ(ops[2 * i]);
            if (kinds[i] == '0') {
                if (!try_recv(vm, ch, &v)) {
                    vm->error = closed_error(vm, false);
                    return STEP_ERROR;
                }
            } else {
                if (ch->closed || !try_send(vm, ch, ops[2 * i + 1])) {
                    vm->error = closed_error(vm, true);
                    return STEP_ERROR;
                }
            }
        }
        enter_case(f, ops, table, i, v);
        return STEP_FRAME;
    }
    if (kinds[n] == 'd') {
        f->frames[f->nframes - 1].ip = case_target(table, n);
        return STEP_FRAME;
    }
    /* Wait on every case. A pending kill is raised instead of waiting. Everything that
       allocates comes before the select is built, so that a MemoryError can neither leak
       it nor leave its waiters in the channels. */
    if (!mts_suspension_check(vm, f)) return STEP_ERROR;
    Fiber *t = mts_thread_of(f);
    mts_timer_reserve(vm);
    Select *sel = mtmem_alloc(vm, select_size((uint32_t)n));
    sel->ncases = (uint32_t)n;
    sel->waiters = (SelectWaiter *)(void *)(sel + 1);
    sel->operands = (uint32_t)(ops - f->stack);
    sel->table = table;
    sel->chosen = -1;
    sel->kinds = kinds;
    double deadline = -1;
    for (int i = 0; i < n; i++) {
        SelectWaiter *sw = &sel->waiters[i];
        Waiter *w = &sw->w;
        sw->fiber = t;
        w->index = (uint32_t)i;
        w->value = kinds[i] == '1' ? ops[2 * i + 1] : NIL_VAL;
        w->flags = WAITER_SELECT;
        w->next = NULL;
        if (kinds[i] == '2') {
            double d = AS_NUMBER(ops[2 * i]);
            if (deadline < 0 || d < deadline) deadline = d;
        }
    }
    /* The waiters are queued before parking, so the scheduler sees what can wake this
       thread. */
    t->sel = sel;
    for (int i = 0; i < n; i++) {
        if (kinds[i] == '2') continue;
        Channel *ch = (Channel *)AS_OBJ(ops[2 * i]);
        Waiter *w = &sel->waiters[i].w;
        w->flags |= WAITER_QUEUED;
        if (kinds[i] == '0') push_waiter(&ch->recv_head, &ch->recv_tail, w);
        else push_waiter(&ch->send_head, &ch->send_tail, w);
    }
    if (deadline >= 0) mts_timer_add(vm, t, mts_now() + deadline);
    return mts_park(vm, f, WAIT_SELECT, NULL);
}
