/*
** select.c — `select`: waiting on several channel operations, fds and timers at once.
**
** On entry every case's operands are known (on the stack for the statement, in the
** select's block for choose()). If some cases are ready, one is picked uniformly at random
** (a PRNG with a fixed seed per VM: fair, and the same every run); else the thread waits
** with one Waiter per channel case in the channels' queues, one poller wait per fd case,
** and a timer for the earliest after(). Whoever completes a case calls mtsel_finish.
*/
#include "vm/select.h"

#include "vm/channel.h"
#include "vm/error.h"
#include "vm/foreign.h"
#include "vm/gc.h"
#include "vm/mem.h"
#include "vm/object.h"
#include "vm/opcodes.h"
#include "vm/poll.h"
#include "vm/sched.h"
#include "vm/thread.h"

static uint64_t next_random(VM *vm) {
    uint64_t x = vm->select_rng;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    vm->select_rng = x;
    return x;
}

static bool is_channel_case(char kind) { return kind == CASE_RECV || kind == CASE_SEND; }
static bool is_fd_case(char kind) { return kind == CASE_READABLE || kind == CASE_WRITABLE; }

/* {== Operands ==} */

/* The operands of a select: 2 per case (the channel, timeout or object; the value to
   send or nil). */
static Value *operands(Fiber *t, Select *sel) {
    if (sel->dyn_ops) return sel->dyn_ops;
    Fiber *f = t->active ? t->active : t;
    return mtf_stack(f) + sel->operands;
}

/* The fd a readiness case waits on, MT_FD_READY_NOW, or MT_FD_NONE. */
static int case_fd(Value obj, char kind) {
    Foreign *o = (Foreign *)AS_OBJ(obj);
    return o->ops->poll_fd(o->payload, kind == CASE_READABLE ? MT_POLL_IN : MT_POLL_OUT);
}

static const char *case_name(char kind) {
    switch (kind) {
    case CASE_RECV: return "recv";
    case CASE_SEND: return "send";
    case CASE_READABLE: return "readable";
    default: return "writable";
    }
}

static bool check_operands(VM *vm, Value *ops, int n, const char *kinds) {
    for (int i = 0; i < n; i++) {
        Value a = ops[2 * i];
        if (kinds[i] == CASE_AFTER) {
            if (IS_NUMBER(a)) continue;
            mte_throw(vm, ERR_TYPE, "after() needs a number of seconds, not %s", mtv_type_name(a));
            return false;
        }
        if (is_channel_case(kinds[i])
                ? IS_OBJ_TYPE(a, OBJ_CHANNEL)
                : IS_OBJ_TYPE(a, OBJ_FOREIGN) && ((Foreign *)AS_OBJ(a))->ops->poll_fd)
            continue;
        mte_throw(vm, ERR_TYPE, "select case %s() needs %s, not %s", case_name(kinds[i]),
                  is_channel_case(kinds[i]) ? "a channel" : "a file or connection",
                  mtv_type_name(a));
        return false;
    }
    return true;
}

/* {== Ready cases ==} */

static bool case_ready(Value *ops, int i, char kind) {
    Value a = ops[2 * i];
    switch (kind) {
    case CASE_AFTER: return AS_NUMBER(a) <= 0;
    case CASE_RECV:
    case CASE_SEND: return mtch_ready((Channel *)AS_OBJ(a), kind == CASE_SEND);
    default: {
        int fd = case_fd(a, kind);
        if (fd == MT_FD_READY_NOW || fd == MT_FD_NONE) return true; /* its operation reports */
        return mtpoll_ready(fd, kind == CASE_READABLE ? MT_POLL_IN : MT_POLL_OUT);
    }
    }
}

/* Picks one of the ready cases at random; -1 if none is ready. */
static int pick_ready(VM *vm, Value *ops, int n, const char *kinds) {
    int ready[64], nready = 0;
    for (int i = 0; i < n; i++)
        if (case_ready(ops, i, kinds[i])) ready[nready++] = i;
    if (nready == 0) return -1;
    return ready[nready == 1 ? 0 : next_random(vm) % (uint64_t)nready];
}

/* Performs ready case i: the value received (nil for other kinds), or false with an
   error raised (a channel closed). */
static bool run_case(VM *vm, Value *ops, int i, char kind, Value *out) {
    *out = NIL_VAL;
    if (!is_channel_case(kind)) return true;
    Channel *ch = (Channel *)AS_OBJ(ops[2 * i]);
    if (kind == CASE_RECV ? mtch_try_recv(vm, ch, out)
                          : !ch->closed && mtch_try_send(vm, ch, ops[2 * i + 1]))
        return true;
    vm->error = mtch_closed_error(vm, kind == CASE_SEND);
    return false;
}

/* {== Waiting ==} */

/* A select and its waiters (and a dynamic one's operands and kinds) are one block: one
   allocation, nothing half made. */
static size_t select_size(uint32_t ncases, bool dynamic) {
    size_t size = sizeof(Select) + ncases * sizeof(Waiter);
    if (dynamic) size += 2 * ncases * sizeof(Value) + ncases + 1;
    return size;
}

static void free_select(VM *vm, Select *sel) {
    mtmem_free(vm, sel, select_size(sel->ncases, sel->dyn_ops != NULL));
}

static Select *new_select(VM *vm, int n, bool dynamic) {
    Select *sel = mtmem_alloc(vm, select_size((uint32_t)n, dynamic));
    memset(sel, 0, sizeof *sel);
    sel->ncases = (uint32_t)n;
    if (dynamic) {
        sel->dyn_ops = (Value *)(void *)(sel->waiters + n);
        sel->kinds = (const char *)(sel->dyn_ops + 2 * n);
    }
    return sel;
}

/* Queues thread t on every case of sel and parks it (everything that allocates is done). */
static Step wait_on_cases(VM *vm, Fiber *f, Fiber *t, Select *sel, Value *ops) {
    const char *kinds = sel->kinds;
    double deadline = -1;
    t->sel = sel;
    sel->fiber = t;
    for (uint32_t i = 0; i < sel->ncases; i++) {
        Waiter *w = &sel->waiters[i];
        *w = (Waiter){NULL, SELECT_CASE | i};
        if (kinds[i] == CASE_AFTER) {
            double d = AS_NUMBER(ops[2 * i]);
            if (deadline < 0 || d < deadline) deadline = d;
        } else if (is_fd_case(kinds[i])) {
            mtpoll_add(vm, t, case_fd(ops[2 * i], kinds[i]),
                       kinds[i] == CASE_READABLE ? MT_POLL_IN : MT_POLL_OUT, (int32_t)i);
        } else {
            Channel *ch = (Channel *)AS_OBJ(ops[2 * i]);
            sel->queued |= (uint64_t)1 << i;
            if (kinds[i] == CASE_RECV) mtch_push_waiter(&ch->recv_head, &ch->recv_tail, w);
            else mtch_push_waiter(&ch->send_head, &ch->send_tail, w);
        }
    }
    if (deadline >= 0) mts_timer_add(vm, t, mts_now() + deadline);
    return mts_park(vm, f, WAIT_SELECT, NULL);
}

/* Room for what waiting allocates (the poller's waits, a timer), so that building the
   select cannot fail half-way. */
static void reserve_for_wait(VM *vm, Fiber *t, Value *ops, int n, const char *kinds) {
    mts_timer_reserve(vm);
    for (int i = 0; i < n; i++)
        if (is_fd_case(kinds[i])) mtpoll_add(vm, t, case_fd(ops[2 * i], kinds[i]), 0, -1);
    mtpoll_remove(vm, t); /* the room stays */
}

void mtsel_cancel(VM *vm, Fiber *t) {
    Select *sel = t->sel;
    if (!sel) return;
    Value *ops = operands(t, sel);
    for (uint32_t i = 0; i < sel->ncases; i++) {
        if (!(sel->queued >> i & 1)) continue;
        mtch_remove_waiter((Channel *)AS_OBJ(ops[2 * i]), &sel->waiters[i]);
    }
    mtpoll_remove(vm, t);
    t->sel = NULL;
    free_select(vm, sel);
}

/* {== The select statement ==} */

/* Where case i's body starts: the jump table follows the SELECT instruction. */
static const Instr *case_target(const Instr *table, int i) {
    return table + i + 1 + INSTR_SA(table[i]);
}

/* Positions fiber f at case i's body: operands of cases > i dropped, `value` pushed. */
static void enter_case(Fiber *f, Value *ops, const Instr *table, int i, Value value) {
    f->top = ops + 2 * (i + 1);
    *f->top++ = value;
    f->frames[f->nframes - 1].ip = case_target(table, i);
}

Step mtsel_select(VM *vm, Fiber *f, int n, String *kinds_str, const Instr *table) {
    const char *kinds = kinds_str->chars;
    Value *ops = f->top - 2 * n;
    if (!check_operands(vm, ops, n, kinds)) return STEP_ERROR;
    int i = pick_ready(vm, ops, n, kinds);
    if (i >= 0) {
        Value v;
        if (!run_case(vm, ops, i, kinds[i], &v)) return STEP_ERROR;
        enter_case(f, ops, table, i, v);
        return STEP_FRAME;
    }
    if (kinds[n] == 'd') {
        f->frames[f->nframes - 1].ip = case_target(table, n);
        return STEP_FRAME;
    }
    /* Wait on every case. A pending kill is raised instead of waiting. Everything that
       allocates comes before the select is built. */
    if (!mts_can_wait(vm, f)) return STEP_ERROR; /* before any case is queued */
    Fiber *t = mts_thread_of(f);
    reserve_for_wait(vm, t, ops, n, kinds);
    Select *sel = new_select(vm, n, false);
    sel->operands = (uint32_t)(ops - mtf_stack(f));
    sel->table = table;
    sel->kinds = kinds;
    return wait_on_cases(vm, f, t, sel, ops);
}

/* {== choose(): a select built at run time ==} */

/* A case list's kind (its first item), or 0 with an error raised. */
static char parse_kind(VM *vm, List *c, uint32_t index) {
    static const struct {
        const char *name;
        char kind;
        uint32_t items;
    } kinds[] = {{"recv", CASE_RECV, 2},
                 {"send", CASE_SEND, 3},
                 {"after", CASE_AFTER, 2},
                 {"readable", CASE_READABLE, 2},
                 {"writable", CASE_WRITABLE, 2}};
    if (c->count > 0 && IS_STRING(c->items[0]))
        for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
            if (strcmp(AS_STRING(c->items[0])->chars, kinds[k].name) == 0) {
                if (c->count == kinds[k].items) return kinds[k].kind;
                mte_throw(vm, ERR_VALUE, "choose(): case %u (%s) needs %u items, not %u", index,
                          kinds[k].name, kinds[k].items, c->count);
                return 0;
            }
    mte_throw(vm, ERR_VALUE,
              "choose(): case %u must start with \"recv\", \"send\", \"after\", \"readable\" or "
              "\"writable\"",
              index);
    return 0;
}

/* Copies the cases into kinds and operands; false with an error raised. */
static bool parse_cases(VM *vm, List *cases, char *kinds, Value *ops) {
    for (uint32_t i = 0; i < cases->count; i++) {
        Value c = cases->items[i];
        if (!IS_LIST(c)) {
            mte_throw(vm, ERR_TYPE, "choose(): case %u must be a list, not %s", i,
                      mtv_type_name(c));
            return false;
        }
        if (!(kinds[i] = parse_kind(vm, AS_LIST(c), i))) return false;
        ops[2 * i] = AS_LIST(c)->items[1];
        ops[2 * i + 1] = kinds[i] == CASE_SEND ? AS_LIST(c)->items[2] : NIL_VAL;
    }
    return true;
}

static void set_result(List *r, int index, Value value) {
    r->items[0] = SMALLINT_VAL(index);
    r->items[1] = value;
}

Step mtsel_choose(VM *vm, Fiber *f, List *cases, bool dflt) {
    int n = (int)cases->count;
    if (n == 0 || n > 64) {
        mte_throw(vm, ERR_VALUE, "choose(): needs 1 to 64 cases, not %d", n);
        return STEP_ERROR;
    }
    List *result = mto_list(vm, 2);
    result->count = 2;
    set_result(result, -1, NIL_VAL);
    f->top[-1] = OBJ_VAL(result); /* rooted in the result slot from here on */
    Select *sel = new_select(vm, n, true);
    char *kinds = (char *)sel->kinds;
    if (!parse_cases(vm, cases, kinds, sel->dyn_ops) ||
        !check_operands(vm, sel->dyn_ops, n, kinds)) {
        free_select(vm, sel);
        return STEP_ERROR;
    }
    kinds[n] = dflt ? 'd' : '-';
    int i = pick_ready(vm, sel->dyn_ops, n, kinds);
    if (i >= 0 || dflt) {
        Value v = NIL_VAL;
        bool ok = i < 0 || run_case(vm, sel->dyn_ops, i, kinds[i], &v);
        free_select(vm, sel);
        if (!ok) return STEP_ERROR;
        set_result(result, i, v);
        return STEP_DONE;
    }
    Fiber *t = mts_thread_of(f);
    if (!mts_can_wait(vm, f)) {
        free_select(vm, sel);
        return STEP_ERROR;
    }
    reserve_for_wait(vm, t, sel->dyn_ops, n, kinds);
    sel->result = result;
    return wait_on_cases(vm, f, t, sel, sel->dyn_ops);
}

Value mtsel_sent_value(Fiber *t, uint32_t i) { return operands(t, t->sel)[2 * i + 1]; }

void mtsel_mark(VM *vm, Select *sel) {
    if (!sel->dyn_ops) return; /* a statement's operands are on its fiber's stack */
    for (uint32_t i = 0; i < 2 * sel->ncases; i++) mtgc_mark_value(vm, sel->dyn_ops[i]);
    if (sel->result) mtgc_mark_obj(vm, &sel->result->obj); /* set once it waits */
}

/* {== Completion ==} */

void mtsel_finish(VM *vm, Fiber *t, int index, Value value, Value error) {
    Select *sel = t->sel;
    Fiber *f = t->active ? t->active : t;
    Value *ops = operands(t, sel);
    const Instr *table = sel->dyn_ops ? NULL : sel->table;
    List *result = sel->dyn_ops ? sel->result : NULL;
    uint32_t ncases = sel->ncases;
    sel->queued &= ~((uint64_t)1 << index); /* already unlinked by the waker */
    mtsel_cancel(vm, t);
    if (!IS_UNDEF(error)) {
        if (!result) f->top = ops + 2 * ncases;
        mts_wake_error(vm, t, error);
        return;
    }
    if (result) {
        set_result(result, index, value);
        mts_wake(vm, t, OBJ_VAL(result));
        return;
    }
    enter_case(f, ops, table, index, value);
    mts_wake(vm, t, value);
}

void mtsel_timeout(VM *vm, Fiber *t) {
    Select *sel = t->sel;
    Value *ops = operands(t, sel);
    int best = -1;
    double best_t = 0;
    for (uint32_t i = 0; i < sel->ncases; i++) {
        if (sel->kinds[i] != CASE_AFTER) continue;
        double d = AS_NUMBER(ops[2 * i]);
        if (best < 0 || d < best_t) {
            best = (int)i;
            best_t = d;
        }
    }
    mtsel_finish(vm, t, best, NIL_VAL, UNDEF_VAL);
    t->obj.flags &= ~FIBER_DEFER;
}
