/*
** select.c — `select`: waiting on several channel operations, fds and timers at once.
**
** On entry every case's operands are known (on the stack for the statement, in the
** select's block for choose()). If some cases are ready, one is picked uniformly at random
** (a PRNG with a fixed seed per VM: fair, and the same every run); else the thread waits
** with one link word per channel case in the channels' queues (fiber.h; select.h says
** where the words are), one poller wait per fd case, and a timer for the earliest
** after(). Whoever completes a case calls mtsel_finish.
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

/* {== Cases ==} */

/* A select's cases: n kinds, and their operands, one per case (two for send). */
typedef struct {
    Value *ops;        /* the first case's operand */
    const char *kinds; /* per case a CASE_* kind; then 'd' if there is a default */
    uint32_t n;
    const Instr *table; /* the statement's jump table (after SELECT); NULL for choose() */
} Cases;

static uint32_t case_width(char kind) { return kind == CASE_SEND ? 2 : 1; }

static uint32_t operands_width(const char *kinds, uint32_t n) {
    uint32_t w = 0;
    for (uint32_t i = 0; i < n; i++) w += case_width(kinds[i]);
    return w;
}

/* Case i's operand (for send, the value follows). */
static Value *case_operand(const Cases *c, uint32_t i) {
    return c->ops + operands_width(c->kinds, i);
}

/* The cases of thread t's waiting select: a choose()'s from its block; a statement's read
   from the SELECT instruction its fiber waits right after (its jump table is where the
   frame's ip stopped) and the operands below the fiber's top. */
static Cases waiting_cases(Fiber *t) {
    if (t->sel && t->sel->result) return (Cases){t->sel->ops, t->sel->kinds, t->sel->ncases, NULL};
    Fiber *f = t->active ? t->active : t;
    const Frame *fr = &f->frames[f->nframes - 1];
    Instr select = fr->ip[-1];
    Cases c = {NULL, AS_STRING(fr->closure->proto->consts[INSTR_B16(select)])->chars,
               INSTR_A8(select), fr->ip};
    c.ops = f->top - operands_width(c.kinds, c.n);
    return c;
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

static bool check_operands(VM *vm, const Cases *c) {
    Value *a = c->ops;
    for (uint32_t i = 0; i < c->n; a += case_width(c->kinds[i]), i++) {
        char kind = c->kinds[i];
        if (kind == CASE_AFTER) {
            if (IS_NUMBER(*a)) continue;
            mte_throw(vm, ERR_TYPE, "after() needs a number of seconds, not %s", mtv_type_name(*a));
            return false;
        }
        if (is_channel_case(kind)
                ? IS_OBJ_TYPE(*a, OBJ_CHANNEL)
                : IS_OBJ_TYPE(*a, OBJ_FOREIGN) && ((Foreign *)AS_OBJ(*a))->ops->poll_fd)
            continue;
        mte_throw(vm, ERR_TYPE, "select case %s() needs %s, not %s", case_name(kind),
                  is_channel_case(kind) ? "a channel" : "a file or connection", mtv_type_name(*a));
        return false;
    }
    return true;
}

/* {== Ready cases ==} */

static bool case_ready(Value a, char kind) {
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
static int pick_ready(VM *vm, const Cases *c) {
    int ready[64], nready = 0;
    Value *a = c->ops;
    for (uint32_t i = 0; i < c->n; a += case_width(c->kinds[i]), i++)
        if (case_ready(*a, c->kinds[i])) ready[nready++] = (int)i;
    if (nready == 0) return -1;
    return ready[nready == 1 ? 0 : next_random(vm) % (uint64_t)nready];
}

/* Performs ready case i: the value received (nil for other kinds), or false with an
   error raised (a channel closed). */
static bool run_case(VM *vm, const Cases *c, uint32_t i, Value *out) {
    char kind = c->kinds[i];
    *out = NIL_VAL;
    if (!is_channel_case(kind)) return true;
    Value *a = case_operand(c, i);
    Channel *ch = (Channel *)AS_OBJ(a[0]);
    if (kind == CASE_RECV ? mtch_try_recv(vm, ch, out) : !ch->closed && mtch_try_send(vm, ch, a[1]))
        return true;
    vm->error = mtch_closed_error(vm, kind == CASE_SEND);
    return false;
}

/* {== Waiting ==} */

static uint32_t channel_cases(const Cases *c) {
    uint32_t n = 0;
    for (uint32_t i = 0; i < c->n; i++) n += is_channel_case(c->kinds[i]);
    return n;
}

/* A select block: its links, and for choose() its operands and kinds (one allocation,
   nothing half made). */
static size_t select_size(uint32_t nlinks, uint32_t ncases, bool dynamic) {
    size_t size = sizeof(Select) + nlinks * sizeof(Waiter *);
    if (dynamic) size += 2 * ncases * sizeof(Value) + ncases + 1;
    return size;
}

static void free_select(VM *vm, Select *sel) {
    mtmem_free(vm, sel, select_size(sel->nlinks, sel->ncases, sel->result != NULL));
}

static Select *new_select(VM *vm, uint32_t nlinks, uint32_t ncases, List *result) {
    Select *sel = mtmem_alloc(vm, select_size(nlinks, ncases, result != NULL));
    memset(sel, 0, sizeof *sel);
    sel->nlinks = nlinks;
    sel->ncases = ncases;
    sel->result = result;
    if (result) {
        sel->ops = (Value *)(void *)(sel->links + nlinks);
        sel->kinds = (const char *)(sel->ops + 2 * ncases);
    }
    return sel;
}

/* Queues thread t on every case and parks it (everything that allocates is done): the
   channel cases' links are in sel, or without one in t's select_links. */
static Step wait_on_cases(VM *vm, Fiber *f, Fiber *t, Select *sel, const Cases *c) {
    Waiter **words = sel ? sel->links : t->select_links;
    uint32_t slot = 0;
    double deadline = -1;
    t->sel = sel;
    if (sel) sel->fiber = t;
    Value *a = c->ops;
    for (uint32_t i = 0; i < c->n; a += case_width(c->kinds[i]), i++) {
        char kind = c->kinds[i];
        if (kind == CASE_AFTER) {
            double d = AS_NUMBER(*a);
            if (deadline < 0 || d < deadline) deadline = d;
        } else if (is_fd_case(kind)) {
            mtpoll_add(vm, t, case_fd(*a, kind), kind == CASE_READABLE ? MT_POLL_IN : MT_POLL_OUT,
                       (int32_t)i);
        } else {
            Channel *ch = (Channel *)AS_OBJ(*a);
            Waiter *w = select_link(words, slot, i, sel != NULL);
            slot++;
            if (kind == CASE_RECV) mtch_push_waiter(&ch->recv_head, &ch->recv_tail, w);
            else mtch_push_waiter(&ch->send_head, &ch->send_tail, w);
        }
    }
    if (deadline >= 0) mts_timer_add(vm, t, mts_now() + deadline);
    return mts_park(vm, f, WAIT_SELECT, NULL);
}

/* Room for what waiting allocates (the poller's waits, a timer), so that building the
   select cannot fail half-way. */
static void reserve_for_wait(VM *vm, Fiber *t, const Cases *c) {
    mts_timer_reserve(vm);
    Value *a = c->ops;
    for (uint32_t i = 0; i < c->n; a += case_width(c->kinds[i]), i++)
        if (is_fd_case(c->kinds[i])) mtpoll_add(vm, t, case_fd(*a, c->kinds[i]), 0, -1);
    mtpoll_remove(vm, t); /* the room stays */
}

/* Takes thread t's select out of its channels' queues (all but case `done`, which its
   waker took out) and the poller, and frees its block. */
static void leave_cases(VM *vm, Fiber *t, const Cases *c, int done) {
    Select *sel = t->sel;
    Waiter **words = sel ? sel->links : t->select_links;
    uint32_t slot = 0;
    Value *a = c->ops;
    for (uint32_t i = 0; i < c->n; a += case_width(c->kinds[i]), i++) {
        if (!is_channel_case(c->kinds[i])) continue;
        if ((int)i != done)
            mtch_remove_waiter((Channel *)AS_OBJ(*a), select_link(words, slot, i, sel != NULL));
        slot++;
    }
    mtpoll_remove(vm, t);
    t->sel = NULL;
    t->wait_kind = WAIT_NONE;
    if (sel) free_select(vm, sel);
}

void mtsel_cancel(VM *vm, Fiber *t) {
    if (t->wait_kind != WAIT_SELECT) return;
    Cases c = waiting_cases(t);
    leave_cases(vm, t, &c, -1);
}

/* {== The select statement ==} */

/* Where case i's body starts: the jump table follows the SELECT instruction. */
static const Instr *case_target(const Instr *table, uint32_t i) {
    return table + i + 1 + INSTR_SA(table[i]);
}

/* Positions fiber f at case i's body: operands of cases > i dropped, `value` pushed. */
static void enter_case(Fiber *f, const Cases *c, uint32_t i, Value value) {
    f->top = case_operand(c, i) + case_width(c->kinds[i]);
    *f->top++ = value;
    f->frames[f->nframes - 1].ip = case_target(c->table, i);
}

Step mtsel_select(VM *vm, Fiber *f, int n, String *kinds, const Instr *table) {
    Cases c = {NULL, kinds->chars, (uint32_t)n, table};
    c.ops = f->top - operands_width(c.kinds, c.n);
    if (!check_operands(vm, &c)) return STEP_ERROR;
    int i = pick_ready(vm, &c);
    if (i >= 0) {
        Value v;
        if (!run_case(vm, &c, (uint32_t)i, &v)) return STEP_ERROR;
        enter_case(f, &c, (uint32_t)i, v);
        return STEP_FRAME;
    }
    if (c.kinds[n] == 'd') {
        f->frames[f->nframes - 1].ip = case_target(table, c.n);
        return STEP_FRAME;
    }
    /* Wait on every case. A pending kill is raised instead of waiting. Everything that
       allocates comes before the select is built. */
    if (!mts_can_wait(vm, f)) return STEP_ERROR; /* before any case is queued */
    Fiber *t = mts_thread_of(f);
    reserve_for_wait(vm, t, &c);
    uint32_t nlinks = channel_cases(&c);
    Select *sel = nlinks > 2 ? new_select(vm, nlinks, 0, NULL) : NULL;
    return wait_on_cases(vm, f, t, sel, &c);
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
        *ops++ = AS_LIST(c)->items[1];
        if (kinds[i] == CASE_SEND) *ops++ = AS_LIST(c)->items[2];
    }
    return true;
}

static void set_result(List *r, int index, Value value) {
    r->items[0] = SMALLINT_VAL(index);
    r->items[1] = value;
}

Step mtsel_choose(VM *vm, Fiber *f, List *cases, bool dflt) {
    uint32_t n = cases->count;
    if (n == 0 || n > 64) {
        mte_throw(vm, ERR_VALUE, "choose(): needs 1 to 64 cases, not %u", n);
        return STEP_ERROR;
    }
    List *result = mto_list(vm, 2);
    result->count = 2;
    set_result(result, -1, NIL_VAL);
    f->top[-1] = OBJ_VAL(result); /* rooted in the result slot from here on */
    Select *sel = new_select(vm, n, n, result);
    char *kinds = (char *)sel->kinds;
    Cases c = {sel->ops, kinds, n, NULL};
    if (!parse_cases(vm, cases, kinds, sel->ops) || !check_operands(vm, &c)) {
        free_select(vm, sel);
        return STEP_ERROR;
    }
    kinds[n] = dflt ? 'd' : '-';
    int i = pick_ready(vm, &c);
    if (i >= 0 || dflt) {
        Value v = NIL_VAL;
        bool ok = i < 0 || run_case(vm, &c, (uint32_t)i, &v);
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
    reserve_for_wait(vm, t, &c);
    return wait_on_cases(vm, f, t, sel, &c);
}

Value mtsel_link_value(Waiter *link) {
    Cases c = waiting_cases(waiter_fiber(link));
    return case_operand(&c, select_waiter_case(link))[1];
}

void mtsel_mark(VM *vm, Select *sel) {
    if (!sel->result) return; /* a statement's operands are on its fiber's stack */
    uint32_t width = operands_width(sel->kinds, sel->ncases);
    for (uint32_t i = 0; i < width; i++) mtgc_mark_value(vm, sel->ops[i]);
    mtgc_mark_obj(vm, &sel->result->obj);
}

/* {== Completion ==} */

void mtsel_finish(VM *vm, Fiber *t, int index, Value value, Value error) {
    Cases c = waiting_cases(t);
    Fiber *f = t->active ? t->active : t;
    List *result = t->sel ? t->sel->result : NULL;
    leave_cases(vm, t, &c, index); /* case `index` was unlinked by its waker */
    if (!IS_UNDEF(error)) {
        mts_wake_error(vm, t, error);
        return;
    }
    if (result) {
        set_result(result, index, value);
        mts_wake(vm, t, OBJ_VAL(result));
        return;
    }
    enter_case(f, &c, (uint32_t)index, value);
    mts_wake(vm, t, value);
}

void mtsel_finish_link(VM *vm, Waiter *link, Value value, Value error) {
    mtsel_finish(vm, waiter_fiber(link), (int)select_waiter_case(link), value, error);
}

void mtsel_timeout(VM *vm, Fiber *t) {
    Cases c = waiting_cases(t);
    int best = -1;
    double best_t = 0;
    Value *a = c.ops;
    for (uint32_t i = 0; i < c.n; a += case_width(c.kinds[i]), i++) {
        if (c.kinds[i] != CASE_AFTER) continue;
        double d = AS_NUMBER(*a);
        if (best < 0 || d < best_t) {
            best = (int)i;
            best_t = d;
        }
    }
    mtsel_finish(vm, t, best, NIL_VAL, UNDEF_VAL);
    t->obj.flags &= ~FIBER_DEFER;
}
