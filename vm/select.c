/*
** select.c — `select`: waiting on several channel operations and timers at once.
**
** On entry every case's operands are on the stack. If some cases are ready, one is
** picked uniformly at random (a PRNG with a fixed seed per VM: fair, and the same every
** run); else the thread waits with one Waiter per channel case in the channels' queues,
** and a timer for the earliest after(). Whoever completes a case calls mtsel_finish.
*/
#include "vm/channel.h"
#include "vm/error.h"
#include "vm/opcodes.h"
#include "vm/sched.h"
#include "vm/select.h"
#include "vm/thread.h"
#include "vm/vm.h"
#include "vm/value.h"
#include "vm/state.h"
#include "vm/mem.h"

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
void mtsel_finish(VM *vm, Fiber *t, int index, Value value, Value error) {
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
    mtsel_finish(vm, t, best, NIL_VAL, UNDEF_VAL);
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

Step mtsel_select(VM *vm, Fiber *f, int n, String *kinds_str, const Instr *table) {
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
                if (!mtch_try_recv(vm, ch, &v)) {
                    vm->error = mtch_closed_error(vm, false);
                    return STEP_ERROR;
                }
            } else {
                if (ch->closed || !mtch_try_send(vm, ch, ops[2 * i + 1])) {
                    vm->error = mtch_closed_error(vm, true);
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
    if (!mtth_suspension_check(vm, f)) return STEP_ERROR;
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
        if (kinds[i] == '0') mtch_push_waiter(&ch->recv_head, &ch->recv_tail, w);
        else mtch_push_waiter(&ch->send_head, &ch->send_tail, w);
    }
    if (deadline >= 0) mts_timer_add(vm, t, mts_now() + deadline);
    return mts_park(vm, f, WAIT_SELECT, NULL);
}
