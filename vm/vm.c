/*
** vm.c — the dispatch loop.
**
** One C activation runs every fiber: a Mt call pushes a Frame and continues here, a return
** pops one, and switching coroutines or threads just changes `fiber` and reloads the
** registers below. The C stack never grows with Mt recursion.
**
** Registers: ip, sp (stack top), base (slot 0 of the frame), consts and proto live in
** locals (globals are read through proto: one register fewer for GCC to spill). STORE()
** writes ip and sp back before anything that may allocate, raise, call out or switch;
** LOAD() reads them from the current fiber's top frame.
*/
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "vm/error.h"
#include "vm/vm.h"
#include "vm/opcodes.h"
#include "vm/coro.h"
#include "vm/select.h"
#include "vm/thread.h"
#include "vm/value.h"
#include "vm/table.h"
#include "vm/state.h"
#include "vm/sched.h"
#include "vm/ops.h"
#include "vm/object.h"
#include "vm/module.h"
#include "vm/mem.h"
#include "vm/map.h"
#include "vm/set.h"
#include "vm/format.h"
#include "vm/fiber.h"
#include "vm/call.h"
#include "vm/channel.h"

/* MT_DEBUG_STACK (on in the sanitizer build): check before every instruction that the
   compiler's stack accounting held, so an overflow of a fiber's stack cannot go unseen. */
#ifdef MT_DEBUG_STACK
/* Out of line: a check inlined into each of the loop's dispatches made clang's sanitizer
   build of this file take many minutes. */
static MT_NOINLINE void check_stack(const Fiber *fiber, const Proto *proto, const Value *base,
                                    const Value *sp, const Instr *ip) {
    if (sp > fiber->stack_end || sp < base || sp > base + proto->maxstack) {
        fprintf(stderr, "mt: stack accounting broken in %s at pc %ld\n",
                proto->name ? proto->name->chars : "?", (long)(ip - proto->code));
        abort();
    }
}
#define CHECK_STACK() check_stack(fiber, proto, base, sp, ip)
#else
#define CHECK_STACK() ((void)0)
#endif

#if MT_COMPUTED_GOTO
#define DISPATCH()                                                                                 \
    do {                                                                                           \
        CHECK_STACK();                                                                             \
        i = *ip++;                                                                                 \
        goto *labels[INSTR_OP(i)];                                                                 \
    } while (0)
#define CASE(name) L_##name
#define LOOP_START DISPATCH();
#define LOOP_END
#else
/* The portable form: every case ends in a `goto dispatch` the compiler cannot always see
   through (inside the step macros), so it would warn about fall-through. */
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#define DISPATCH() goto dispatch
#define CASE(name) case OP_##name
#define LOOP_START                                                                                 \
    dispatch:                                                                                      \
    CHECK_STACK();                                                                                 \
    i = *ip++;                                                                                     \
    switch (INSTR_OP(i)) {
#define LOOP_END                                                                                   \
    default: abort(); /* not an instruction */                                                     \
        }
#endif

#define STORE()                                                                                    \
    do {                                                                                           \
        fiber->top = sp;                                                                           \
        frame->ip = ip;                                                                            \
    } while (0)

#define LOAD()                                                                                     \
    do {                                                                                           \
        frame = &fiber->frames[fiber->nframes - 1];                                                \
        ip = frame->ip;                                                                            \
        base = frame_base(frame);                                                                  \
        sp = fiber->top;                                                                           \
        proto = frame->closure->proto;                                                             \
        consts = proto->consts;                                                                    \
    } while (0)

#define PUSH(v) (*sp++ = (v))

/* Enters closure `cl` whose slot 0 is `b` (the fast path of CALL and INVOKE; the caller
   checked arity, stack room, frame room and the recursion limit), as a frame of kind
   `kind` (0 or FRAME_CTOR). */
#define ENTER_AS(cl, b, kind)                                                                      \
    do {                                                                                           \
        Proto *p_ = (cl)->proto;                                                                   \
        frame->ip = ip;                                                                            \
        frame++;                                                                                   \
        fiber->nframes++;                                                                          \
        frame->closure = (cl);                                                                     \
        frame->ip = ip = p_->code;                                                                 \
        base = (b);                                                                                \
        frame->tagged_base = (uintptr_t)base | (kind);                                             \
        proto = p_;                                                                                \
        consts = p_->consts;                                                                       \
        DISPATCH();                                                                                \
    } while (0)
#define ENTER(cl, b) ENTER_AS(cl, b, 0)
#define POP()        (*--sp)

/* Handles the Step result of a slow path. */
#define AFTER_STEP(step)                                                                           \
    do {                                                                                           \
        switch (step) {                                                                            \
        case STEP_DONE: LOAD(); DISPATCH();                                                        \
        case STEP_FRAME: LOAD(); DISPATCH();                                                       \
        case STEP_ERROR: LOAD(); goto raise; /* the slow path may have moved the stack */          \
        case STEP_SWITCH: goto resume;                                                             \
        case STEP_JUMP:                                                                            \
            LOAD();                                                                                \
            ip += INSTR_SA(i);                                                                     \
            DISPATCH();                                                                            \
        }                                                                                          \
    } while (0)

/* A channel receive that completed in place moved only the stack's top: it allocates
   nothing then, so the stack did not move. */
#define AFTER_RECV(step)                                                                           \
    do {                                                                                           \
        Step recv_ = (step);                                                                       \
        if (mt_likely(recv_ == STEP_DONE)) {                                                       \
            sp = fiber->top;                                                                       \
            DISPATCH();                                                                            \
        }                                                                                          \
        AFTER_STEP(recv_);                                                                         \
    } while (0)

#define ERROR_IF(cond)                                                                             \
    do {                                                                                           \
        if (mt_unlikely(cond)) goto raise;                                                         \
    } while (0)

/* Boxes an int that does not fit the NaN box, from the free list when it has a cell (no
   collection can run here, so the caller need not store its registers). */
static inline bool box_int_fast(VM *vm, int64_t r, Value *out) {
    IntCell *c = vm->mem.int_free;
    if (mt_unlikely(c == NULL || vm->gc_stress)) return false;
    vm->mem.int_free = (IntCell *)(intptr_t)c->value;
    c->value = r;
    c->is_free = 0;
    vm->bytes_allocated += sizeof(IntCell);
    *out = BIGINT_VAL(&c->value);
    return true;
}

/* {== Owned ints ==}
   `s += i` past 2^47 would box a new int every step. The local ADD_ASSIGN_LL stores to
   gets a cell tagged owned instead (value.h): no other reference to that cell exists, so
   the next `+=` (ADD_ASSIGN_LL, INC_LOCAL) writes the cell in place. The tag must go
   before a second reference can exist: the compiler reads such locals with
   GET_OWNED_LOCAL, which drops it from the slot it copies, as GET_UPVAL does; every slow
   path of an instruction that reads locals (it may hand an operand to Mt code or store
   it) drops it for the whole frame; the collector marks both tags alike. */

/* local = r: small, in place in the cell the local owns, or in a new cell, owned if the
   compiler made the local ownable (false if the free list is empty: the caller's slow path
   allocates). */
static inline bool store_int_local(VM *vm, Value *local, int64_t r, bool ownable) {
    Value v;
    if (FITS_SMALLINT(r)) {
        *local = SMALLINT_VAL(r);
    } else if (IS_OWNED_INT(*local)) {
        *AS_BIGINT_CELL(*local) = r;
    } else {
        if (!box_int_fast(vm, r, &v)) return false;
        *local = ownable ? OWNED_INT_VAL(AS_BIGINT_CELL(v)) : v;
    }
    return true;
}

static MT_NOINLINE void unown_frame(Value *base, Value *top) {
    for (Value *p = base; p < top; p++) *p = SHARED_INT(*p);
}

#define UNOWN(v) UNOWN2(v, v)
#define UNOWN2(a, b)                                                                               \
    do {                                                                                           \
        if (mt_unlikely(IS_OWNED_INT(a) || IS_OWNED_INT(b))) {                                     \
            unown_frame(base, sp);                                                                 \
            a = SHARED_INT(a);                                                                     \
            b = SHARED_INT(b);                                                                     \
        }                                                                                          \
    } while (0)

/* a op b for ints of which at least one is boxed: the loop summing past 2^47. */
#define BIG_INT(op_builtin)                                                                        \
    else if (IS_INT(a) && IS_INT(b)) {                                                             \
        int64_t r_;                                                                                \
        if (!op_builtin(AS_INT(a), AS_INT(b), &r_)) {                                              \
            Value v_;                                                                              \
            if (FITS_SMALLINT(r_)) PUT(SMALLINT_VAL(r_));                                          \
            if (box_int_fast(vm, r_, &v_)) PUT(v_);                                                \
        }                                                                                          \
    }

/* The item l[k], counting from the end when k < 0; NULL out of range. */
static inline Value *list_slot(List *l, int64_t k) {
    if (mt_likely((uint64_t)k < l->count)) return &l->items[k];
    k += l->count; /* from the end; a k too big stays too big */
    return (uint64_t)k < l->count ? &l->items[k] : NULL;
}

/* The item a list index names, when it is a small int in range (the inline fast path). */
static inline Value *list_item(Value obj, Value key) {
    if (!IS_LIST(obj) || !IS_SMALLINT(key)) return NULL;
    return list_slot(AS_LIST(obj), AS_SMALLINT(key));
}

/* The slot of obj[key] when the key is a small int (the inline fast path): a list's item in
   range, or the value of a map's entry for that int (SET_INDEX updates it in place: the key
   set does not change). */
static inline Value *int_item(Value obj, Value key) {
    if (!IS_SMALLINT(key) || !IS_OBJ(obj)) return NULL;
    Obj *o = AS_OBJ(obj);
    if (o->type == OBJ_LIST) return list_slot((List *)o, AS_SMALLINT(key));
    if (o->type != OBJ_MAP) return NULL;
    MapNode *n = mtm_find_smallint((Map *)o, key);
    return n ? &n->value : NULL;
}

/* The field an attribute cache names on this instance, or NULL on a miss. */
static inline Value *cached_field(Value obj, const AttrCache *ac) {
    if (!IS_INSTANCE(obj)) return NULL;
    Instance *in = AS_INSTANCE(obj);
    return ac->klass == in->klass && ac->index < in->nfields ? &in->fields[ac->index] : NULL;
}

/* A small int or a float as a double (the int converts exactly). */
static inline double small_number(Value v) {
    return IS_DOUBLE(v) ? AS_DOUBLE(v) : (double)AS_SMALLINT(v);
}

static inline bool truthy(Value v) {
    if (v == TRUE_VAL) return true;
    if (v == FALSE_VAL || v == NIL_VAL) return false;
    return mtv_truthy(v);
}

/* The loop itself. It never calls setjmp (that would make the compiler keep the
   registers below in memory); mtvm_execute wraps it with the protected region. */
static MT_NOINLINE void run(VM *vm) {
#if MT_COMPUTED_GOTO
    static const void *const labels[] = {
#define OP_LABEL(name, effect) &&L_##name,
        MT_OPCODES(OP_LABEL)
#undef OP_LABEL
    };
#endif
    Fiber *fiber;
    Frame *frame;
    const Instr *ip;
    Value *sp, *base;
#define globals (proto->module->values) /* not a local: see the top of the file */
    const Value *consts;
    Proto *proto;
    Instr i;

resume:
    fiber = vm->current;
    if (fiber == NULL) return;
    LOAD();
    if (mt_unlikely(!IS_UNDEF(fiber->pending))) {
        /* A safe point to leave, or an error to raise where it stopped (at its exact pc). */
        if (fiber->pending == PENDING_SAFE_POINT) {
            fiber->pending = UNDEF_VAL;
            fiber->obj.flags &= ~FIBER_AT_SAFE_POINT;
        } else if (is_pending_retry(fiber->pending)) {
            /* A native that waited for I/O runs again; its instruction is just behind. */
            int argc = (int)pending_retry_argc(fiber->pending);
            fiber->pending = UNDEF_VAL;
            i = ip[-1];
            AFTER_STEP(mtcall_retry(vm, fiber, argc));
        } else {
            mtth_take_pending(vm, fiber);
            goto raise;
        }
    }

    LOOP_START

    CASE(CONST) : PUSH(consts[INSTR_A(i)]);
    DISPATCH();
    CASE(INT) : PUSH(SMALLINT_VAL(INSTR_SA(i)));
    DISPATCH();
    CASE(NIL) : PUSH(NIL_VAL);
    DISPATCH();
    CASE(TRUE) : PUSH(TRUE_VAL);
    DISPATCH();
    CASE(FALSE) : PUSH(FALSE_VAL);
    DISPATCH();
    CASE(POP) : sp--;
    DISPATCH();
    CASE(POPN) : sp -= INSTR_A(i);
    DISPATCH();
    CASE(DUP) : sp[0] = sp[-1];
    sp++;
    DISPATCH();
    CASE(DUP2) : sp[0] = sp[-2];
    sp[1] = sp[-1];
    sp += 2;
    DISPATCH();

    CASE(GET_LOCAL) : PUSH(base[INSTR_A(i)]);
    DISPATCH();
    CASE(GET_OWNED_LOCAL) : {
        Value v = base[INSTR_A(i)];
        if (IS_OWNED_INT(v)) base[INSTR_A(i)] = v = SHARED_INT(v); /* copied now */
        PUSH(v);
        DISPATCH();
    }
    CASE(SET_LOCAL) : base[INSTR_A(i)] = POP();
    DISPATCH();
    CASE(GET_UPVAL) : {
        Value *loc = frame->closure->upvals[INSTR_A(i)]->location;
        if (mt_unlikely(IS_OWNED_INT(*loc))) *loc = SHARED_INT(*loc);
        PUSH(*loc);
        DISPATCH();
    }
    CASE(SET_UPVAL) : *frame->closure->upvals[INSTR_A(i)]->location = POP();
    DISPATCH();
    CASE(CLOSE_UPVALS) : mtf_close_upvalues(fiber, base + INSTR_A(i));
    DISPATCH();

    CASE(GET_GLOBAL) : {
        Value v = globals[INSTR_A(i)];
        if (mt_unlikely(IS_UNDEF(v))) {
            STORE();
            String *name = NULL;
            Module *m = proto->module;
            for (uint32_t e = 0; e <= m->names.mask && m->names.entries; e++)
                if (m->names.entries[e].key &&
                    m->names.entries[e].value == SMALLINT_VAL(INSTR_A(i)))
                    name = m->names.entries[e].key;
            mte_throw(vm, ERR_NAME, "name '%s' is not defined", name ? name->chars : "?");
            goto raise;
        }
        PUSH(v);
        DISPATCH();
    }
    CASE(SET_GLOBAL) : {
        Module *m = proto->module;
        uint32_t slot = INSTR_A(i);
        if (mt_unlikely(!m->declared[slot])) {
            STORE();
            String *name = NULL;
            for (uint32_t e = 0; e <= m->names.mask && m->names.entries; e++)
                if (m->names.entries[e].key && m->names.entries[e].value == SMALLINT_VAL(slot))
                    name = m->names.entries[e].key;
            mte_throw(vm, ERR_NAME,
                      "cannot assign to '%s': no variable of that name (declare it with let)",
                      name ? name->chars : "?");
            goto raise;
        }
        globals[slot] = POP();
        DISPATCH();
    }
    CASE(DEFINE_GLOBAL) : {
        uint32_t slot = INSTR_A(i);
        globals[slot] = POP();
        proto->module->declared[slot] = 1;
        DISPATCH();
    }

    CASE(INC_LOCAL) : {
        Value a = base[INSTR_A8(i)];
        if (mt_likely(IS_SMALLINT(a))) {
            int64_t r = AS_SMALLINT(a) + INSTR_SB16(i);
            if (mt_likely(FITS_SMALLINT(r))) {
                base[INSTR_A8(i)] = SMALLINT_VAL(r);
                DISPATCH();
            }
        }
        if (IS_INT(a)) {
            int64_t r;
            if (!__builtin_add_overflow(AS_INT(a), (int64_t)INSTR_SB16(i), &r) &&
                store_int_local(vm, &base[INSTR_A8(i)], r, false))
                DISPATCH();
        }
        STORE();
        Value out;
        ERROR_IF(!mtop_arith(vm, OP_ADD, a, SMALLINT_VAL(INSTR_SB16(i)), &out));
        base[INSTR_A8(i)] = out;
        DISPATCH();
    }

    CASE(ADD_ASSIGN_LL) : {
        Value a = base[INSTR_A8(i)], b = base[INSTR_B16(i)];
        if (mt_likely(BOTH_SMALLINT(a, b))) {
            if (mt_likely(SMALLINT_ADD(a, b, &base[INSTR_A8(i)]))) DISPATCH();
        } else if (IS_OWNED_INT(a)) { /* the sum past 2^47 */
            int64_t *cell = AS_BIGINT_CELL(a), r;
            if (IS_SMALLINT(b) && !__builtin_add_overflow(*cell, AS_SMALLINT(b), &r) &&
                !FITS_SMALLINT(r)) {
                *cell = r;
                DISPATCH();
            }
        } else if (IS_DOUBLE(a) && IS_DOUBLE(b)) {
            base[INSTR_A8(i)] = DOUBLE_VAL(AS_DOUBLE(a) + AS_DOUBLE(b));
            DISPATCH();
        }
        if (IS_INT(a) && IS_INT(b)) {
            int64_t r;
            if (!__builtin_add_overflow(AS_INT(a), AS_INT(b), &r) &&
                store_int_local(vm, &base[INSTR_A8(i)], r, true))
                DISPATCH();
        }
        UNOWN2(a, b);
        STORE();
        Value out;
        ERROR_IF(!mtop_arith(vm, OP_ADD, a, b, &out));
        base[INSTR_A8(i)] = out;
        DISPATCH();
    }
    /* Two handlers, not one testing its opcode: the swap loops of fannkuch live here. */
#define GET_INDEX_SLOW(obj, key)                                                                   \
    do {                                                                                           \
        Value v_;                                                                                  \
        UNOWN2(obj, key);                                                                          \
        STORE();                                                                                   \
        ERROR_IF(!mtop_get_index(vm, obj, key, &v_));                                              \
        PUSH(v_);                                                                                  \
        DISPATCH();                                                                                \
    } while (0)
#define GET_INDEX_L(name, KEY)                                                                     \
    CASE(name) : {                                                                                 \
        Value obj = base[INSTR_A8(i)], key = KEY;                                                  \
        Value *item = int_item(obj, key);                                                          \
        if (item) {                                                                                \
            PUSH(*item);                                                                           \
            DISPATCH();                                                                            \
        }                                                                                          \
        GET_INDEX_SLOW(obj, key);                                                                  \
    }
    GET_INDEX_L(GET_INDEX_LL, base[INSTR_B16(i)])
    GET_INDEX_L(GET_INDEX_LK, consts[INSTR_B16(i)])
    CASE(SET_INDEX_LL) : {
        Value obj = base[INSTR_A8(i)], key = base[INSTR_B16(i)], v = sp[-1];
        Value *item = int_item(obj, key);
        if (item) {
            *item = v;
            sp--;
            DISPATCH();
        }
        UNOWN2(obj, key);
        STORE();
        ERROR_IF(!mtop_set_index(vm, obj, key, v));
        sp--;
        DISPATCH();
    }
    /* xs[i] = ys[j] and xs[i] = v in one dispatch: `set` is the SET_INDEX_LL that follows. */
    CASE(MOVE_INDEX_LL) : {
        Value obj = base[INSTR_A8(i)], key = base[INSTR_B16(i)];
        Value *from = list_item(obj, key);
        if (!from) GET_INDEX_SLOW(obj, key);
        Instr set = *ip;
        Value *to = list_item(base[INSTR_A8(set)], base[INSTR_B16(set)]);
        if (mt_likely(to != NULL)) {
            *to = *from;
            ip++;
            DISPATCH();
        }
        PUSH(*from);
        DISPATCH();
    }
    CASE(MOVE_LOCAL) : {
        Instr set = *ip;
        Value *to = list_item(base[INSTR_A8(set)], base[INSTR_B16(set)]);
        if (mt_likely(to != NULL)) {
            *to = base[INSTR_A(i)];
            ip++;
            DISPATCH();
        }
        PUSH(base[INSTR_A(i)]);
        DISPATCH();
    }
    CASE(GET_ATTR_L) : {
        Value obj = base[INSTR_A8(i)];
        AttrCache *ac = &proto->caches[INSTR_B16(i)];
        Value *field = cached_field(obj, ac);
        if (field && mt_likely(!IS_UNDEF(*field))) {
            PUSH(*field);
            DISPATCH();
        }
        UNOWN(obj);
        STORE();
        Value v;
        ERROR_IF(!mtcall_get_cached(vm, obj, ac, &v));
        PUSH(v);
        DISPATCH();
    }
    CASE(SET_ATTR_L) : set_attr_l : { /* also the end of the _SET_ATTR_L arithmetic */
        Value obj = base[INSTR_A8(i)], v = sp[-1];
        AttrCache *ac = &proto->caches[INSTR_B16(i)];
        Value *field = cached_field(obj, ac);
        if (field) {
            *field = v;
            sp--;
            DISPATCH();
        }
        UNOWN(obj);
        STORE();
        ERROR_IF(!mtcall_set_cached(vm, obj, ac, v));
        sp--;
        DISPATCH();
    }
    CASE(GET_ATTR) : {
        Value obj = sp[-1];
        AttrCache *ac = &proto->caches[INSTR_A(i)];
        Value *field = cached_field(obj, ac);
        if (field && mt_likely(!IS_UNDEF(*field))) {
            sp[-1] = *field;
            DISPATCH();
        }
        STORE();
        Value v;
        ERROR_IF(!mtcall_get_cached(vm, obj, ac, &v));
        sp[-1] = v;
        DISPATCH();
    }
    CASE(SET_ATTR) : {
        Value obj = sp[-2], v = sp[-1];
        AttrCache *ac = &proto->caches[INSTR_A(i)];
        Value *field = cached_field(obj, ac);
        if (field) {
            *field = v;
            sp -= 2;
            DISPATCH();
        }
        STORE();
        ERROR_IF(!mtcall_set_cached(vm, obj, ac, v));
        sp -= 2;
        DISPATCH();
    }
    CASE(GET_INDEX) : {
        Value obj = sp[-2], key = sp[-1];
        Value *item = int_item(obj, key);
        if (item) {
            sp[-2] = *item;
            sp--;
            DISPATCH();
        }
        STORE();
        Value v;
        ERROR_IF(!mtop_get_index(vm, obj, key, &v));
        sp[-2] = v;
        sp--;
        DISPATCH();
    }
    CASE(SET_INDEX) : {
        Value obj = sp[-3], key = sp[-2], v = sp[-1];
        Value *item = int_item(obj, key);
        if (item) {
            *item = v;
            sp -= 3;
            DISPATCH();
        }
        STORE();
        ERROR_IF(!mtop_set_index(vm, obj, key, v));
        sp -= 3;
        DISPATCH();
    }
    CASE(SLICE) : {
        STORE();
        Value v;
        ERROR_IF(!mtop_slice(vm, sp[-3], sp[-2], sp[-1], NIL_VAL, &v));
        sp[-3] = v;
        sp -= 2;
        DISPATCH();
    }

    /* Arithmetic: small ints and doubles inline, everything else in ops.c. Operand
       forms: TOS pair, TOS with a local (_L), two locals (_LL), a local and a
       constant (_LK), TOS and a constant (_K: TOS op K, K_: K op TOS). `pops` stack
       slots are replaced by the result. */
#define PUT(v)                                                                                     \
    do {                                                                                           \
        Value put_ = (v);                                                                          \
        sp -= pops;                                                                                \
        if (sink == TO_LOCAL) {                                                                    \
            base[INSTR_A(i)] = put_;                                                               \
            DISPATCH();                                                                            \
        }                                                                                          \
        *sp++ = put_;                                                                              \
        if (sink == TO_ATTR) goto set_attr_l;                                                      \
        DISPATCH();                                                                                \
    } while (0)
#define INT_RESULT(expr)                                                                           \
    do {                                                                                           \
        int64_t r_ = (expr);                                                                       \
        if (mt_likely(FITS_SMALLINT(r_))) PUT(SMALLINT_VAL(r_));                                   \
    } while (0)
#define BINARY_SINK(name, op, A, B, POPS, SINK, intexpr, dblexpr, bigexpr)                         \
    CASE(name) : {                                                                                 \
        const int pops = POPS, sink = SINK;                                                        \
        Value a = A, b = B;                                                                        \
        if (mt_likely(BOTH_SMALLINT(a, b))) {                                                      \
            int64_t x = AS_SMALLINT(a), y = AS_SMALLINT(b);                                        \
            intexpr;                                                                               \
        } else if (IS_DOUBLE(a) && IS_DOUBLE(b)) {                                                 \
            double x = AS_DOUBLE(a), y = AS_DOUBLE(b);                                             \
            dblexpr;                                                                               \
        }                                                                                          \
        bigexpr UNOWN2(a, b);                                                                      \
        STORE();                                                                                   \
        Value out;                                                                                 \
        ERROR_IF(!mtop_arith(vm, op, a, b, &out));                                                 \
        PUT(out);                                                                                  \
    }
    /* Where the result goes: pushed, into local[A], or into local[A8].name (SET_ATTR_L). */
    enum { TO_STACK, TO_LOCAL, TO_ATTR };
#define BINARY_BIG(name, op, A, B, POPS, intexpr, dblexpr, bigexpr)                                \
    BINARY_SINK(name, op, A, B, POPS, TO_STACK, intexpr, dblexpr, bigexpr)
#define BINARY(name, op, A, B, POPS, intexpr, dblexpr)                                             \
    BINARY_BIG(name, op, A, B, POPS, intexpr, dblexpr, )
/* + - * / of a small int and a float (`1.0 / n`, `x * 2`): the int converts exactly, as in
   ops.c, so the float expression serves. */
#define MIXED(dblexpr)                                                                             \
    else if (IS_DOUBLE(a) ? IS_SMALLINT(b) : IS_SMALLINT(a) && IS_DOUBLE(b)) {                     \
        double x = small_number(a), y = small_number(b);                                           \
        dblexpr;                                                                                   \
    }
/* The four operators in every operand form: name, then the operands and how many pop. */
#define ADD_TO(name, A, B, POPS, SINK)                                                             \
    BINARY_SINK(name, OP_ADD, A, B, POPS, SINK, ADD_INT, ADD_DBL,                                  \
                MIXED(ADD_DBL) BIG_INT(__builtin_add_overflow))
#define SUB_TO(name, A, B, POPS, SINK)                                                             \
    BINARY_SINK(name, OP_SUB, A, B, POPS, SINK, SUB_INT, SUB_DBL,                                  \
                MIXED(SUB_DBL) BIG_INT(__builtin_sub_overflow))
#define MUL_TO(name, A, B, POPS, SINK)                                                             \
    BINARY_SINK(name, OP_MUL, A, B, POPS, SINK, MUL_INT, MUL_DBL, MIXED(MUL_DBL))
#define DIV_TO(name, A, B, POPS, SINK)                                                             \
    BINARY_SINK(name, OP_DIV, A, B, POPS, SINK, DIV_INT, DIV_DBL, MIXED(DIV_DBL))
#define ADD_OP(name, A, B, POPS) ADD_TO(name, A, B, POPS, TO_STACK)
#define SUB_OP(name, A, B, POPS) SUB_TO(name, A, B, POPS, TO_STACK)
#define MUL_OP(name, A, B, POPS) MUL_TO(name, A, B, POPS, TO_STACK)
#define DIV_OP(name, A, B, POPS) DIV_TO(name, A, B, POPS, TO_STACK)
/* + - of small ints on the biased words (value.h: the tag is the range check); * on x
   shifted to the top bits, where the CPU's overflow flag is the small-int range check. */
#define BIASED_INT(smallint_op)                                                                    \
    do {                                                                                           \
        Value r_;                                                                                  \
        (void)x, (void)y;                                                                          \
        if (smallint_op(a, b, &r_)) PUT(r_);                                                       \
    } while (0)
#define ADD_INT BIASED_INT(SMALLINT_ADD)
#define SUB_INT BIASED_INT(SMALLINT_SUB)
#define MUL_INT                                                                                    \
    do {                                                                                           \
        int64_t s_;                                                                                \
        if (!__builtin_mul_overflow((int64_t)((uint64_t)x << 16), y, &s_))                         \
            PUT(SMALLINT_VAL(s_ >> 16));                                                           \
    } while (0)
#define DIV_INT                                                                                    \
    if (y != 0) PUT(DOUBLE_VAL((double)x / (double)y))
#define ADD_DBL PUT(DOUBLE_VAL(x + y))
#define SUB_DBL PUT(DOUBLE_VAL(x - y))
#define MUL_DBL PUT(DOUBLE_VAL((x) * (y)))
#define DIV_DBL                                                                                    \
    if (y != 0) PUT(DOUBLE_VAL(x / y))
#define IDIV_INT                                                                                   \
    if (y != 0) {                                                                                  \
        int64_t q = x / y;                                                                         \
        if ((x % y != 0) && ((x < 0) != (y < 0))) q--;                                             \
        INT_RESULT(q);                                                                             \
    }
/* x // 2**k is an arithmetic shift, which floors too (a shift, not a division). */
#define IDIV_POW2                                                                                  \
    if (y > 0 && (y & (y - 1)) == 0) PUT(SMALLINT_VAL(x >> __builtin_ctzll((uint64_t)y)));
#define MOD_INT                                                                                    \
    if (y != 0) {                                                                                  \
        int64_t m = x % y;                                                                         \
        if (m != 0 && ((m < 0) != (y < 0))) m += y;                                                \
        INT_RESULT(m);                                                                             \
    }
/* Both positive: fmod already floors (a zero x goes to ops.c, which gives -0.0 % y = 0.0). */
#define MOD_DBL                                                                                    \
    if (x > 0 && y > 0) PUT(DOUBLE_VAL(fmod(x, y)))
/* x ** 0.5 is sqrt(x) for x > 0 (pow(-0.0, 0.5) is 0.0 where sqrt gives -0.0). */
#define POW_DBL                                                                                    \
    if (x > 0) PUT(DOUBLE_VAL(y == 0.5 ? sqrt(x) : pow(x, y)))
#define NO_FAST                                                                                    \
    (void)x;                                                                                       \
    (void)y
#define LOCAL_A base[INSTR_A8(i)]
#define LOCAL_B base[INSTR_B16(i)]
#define CONST_B consts[INSTR_B16(i)]
#define CONST_A consts[INSTR_A(i)]

    ADD_OP(ADD, sp[-2], sp[-1], 2)
    SUB_OP(SUB, sp[-2], sp[-1], 2)
    MUL_OP(MUL, sp[-2], sp[-1], 2)
    DIV_OP(DIV, sp[-2], sp[-1], 2)
    ADD_OP(ADD_L, sp[-1], base[INSTR_A(i)], 1)
    SUB_OP(SUB_L, sp[-1], base[INSTR_A(i)], 1)
    MUL_OP(MUL_L, sp[-1], base[INSTR_A(i)], 1)
    DIV_OP(DIV_L, sp[-1], base[INSTR_A(i)], 1)
    ADD_OP(ADD_LL, LOCAL_A, LOCAL_B, 0)
    SUB_OP(SUB_LL, LOCAL_A, LOCAL_B, 0)
    MUL_OP(MUL_LL, LOCAL_A, LOCAL_B, 0)
    ADD_OP(ADD_LK, LOCAL_A, CONST_B, 0)
    SUB_OP(SUB_LK, LOCAL_A, CONST_B, 0)
    MUL_OP(MUL_LK, LOCAL_A, CONST_B, 0)
    ADD_OP(ADD_K, sp[-1], CONST_A, 1)
    SUB_OP(SUB_K, sp[-1], CONST_A, 1)
    MUL_OP(MUL_K, sp[-1], CONST_A, 1)
    DIV_OP(DIV_K, sp[-1], CONST_A, 1)
    ADD_OP(K_ADD, CONST_A, sp[-1], 1)
    SUB_OP(K_SUB, CONST_A, sp[-1], 1)
    MUL_OP(K_MUL, CONST_A, sp[-1], 1)
    DIV_OP(K_DIV, CONST_A, sp[-1], 1)
    ADD_TO(ADD_SET_L, sp[-2], sp[-1], 2, TO_LOCAL)
    SUB_TO(SUB_SET_L, sp[-2], sp[-1], 2, TO_LOCAL)
    MUL_TO(MUL_SET_L, sp[-2], sp[-1], 2, TO_LOCAL)
    DIV_TO(DIV_SET_L, sp[-2], sp[-1], 2, TO_LOCAL)
    ADD_TO(ADD_SET_ATTR_L, sp[-2], sp[-1], 2, TO_ATTR)
    SUB_TO(SUB_SET_ATTR_L, sp[-2], sp[-1], 2, TO_ATTR)
    MUL_TO(MUL_SET_ATTR_L, sp[-2], sp[-1], 2, TO_ATTR)
    BINARY(IDIV, OP_IDIV, sp[-2], sp[-1], 2, IDIV_INT, NO_FAST)
    BINARY(IDIV_K, OP_IDIV, sp[-1], CONST_A, 1, IDIV_POW2 else IDIV_INT, NO_FAST)
    BINARY(MOD, OP_MOD, sp[-2], sp[-1], 2, MOD_INT, MOD_DBL)
    BINARY(MOD_K, OP_MOD, sp[-1], CONST_A, 1, MOD_INT, MOD_DBL)
    BINARY(POW, OP_POW, sp[-2], sp[-1], 2, NO_FAST, POW_DBL)
    BINARY(POW_K, OP_POW, sp[-1], CONST_A, 1, NO_FAST, POW_DBL)

    CASE(BAND) : CASE(BOR) : CASE(BXOR) : CASE(SHL) : CASE(SHR) : {
        Value a = sp[-2], b = sp[-1];
        STORE();
        Value out;
        ERROR_IF(!mtop_arith(vm, INSTR_OP(i), a, b, &out));
        sp[-2] = out;
        sp--;
        DISPATCH();
    }
    CASE(NEG) : {
        Value a = sp[-1];
        if (IS_SMALLINT(a)) {
            if (AS_SMALLINT(a) != MT_SMALLINT_MIN) { /* -(-2^47) does not fit */
                sp[-1] = SMALLINT_VAL(-AS_SMALLINT(a));
                DISPATCH();
            }
        } else if (IS_DOUBLE(a)) {
            sp[-1] = DOUBLE_VAL(-AS_DOUBLE(a));
            DISPATCH();
        }
        STORE();
        Value out;
        ERROR_IF(!mtop_unary(vm, OP_NEG, a, &out));
        sp[-1] = out;
        DISPATCH();
    }
    CASE(NOT) : sp[-1] = BOOL_VAL(!truthy(sp[-1]));
    DISPATCH();
    CASE(BNOT) : {
        STORE();
        Value out;
        ERROR_IF(!mtop_unary(vm, OP_BNOT, sp[-1], &out));
        sp[-1] = out;
        DISPATCH();
    }

#define COMPARE(name, op, cmp)                                                                     \
    CASE(name) : {                                                                                 \
        Value a = sp[-2], b = sp[-1];                                                              \
        if (BOTH_SMALLINT(a, b)) {                                                                 \
            sp[-2] = BOOL_VAL(SMALLINT_ORDER(a) cmp SMALLINT_ORDER(b));                            \
            sp--;                                                                                  \
            DISPATCH();                                                                            \
        }                                                                                          \
        if (IS_DOUBLE(a) && IS_DOUBLE(b)) {                                                        \
            sp[-2] = BOOL_VAL(AS_DOUBLE(a) cmp AS_DOUBLE(b));                                      \
            sp--;                                                                                  \
            DISPATCH();                                                                            \
        }                                                                                          \
        STORE();                                                                                   \
        Value out;                                                                                 \
        ERROR_IF(!mtop_compare(vm, op, a, b, &out));                                               \
        sp[-2] = out;                                                                              \
        sp--;                                                                                      \
        DISPATCH();                                                                                \
    }
    COMPARE(LT, OP_LT, <)
    COMPARE(LE, OP_LE, <=)
    COMPARE(GT, OP_GT, >)
    COMPARE(GE, OP_GE, >=)

    CASE(EQ) : CASE(NE) : {
        Value a = sp[-2], b = sp[-1];
        int eq;
        if (a == b && !IS_DOUBLE(a)) eq = 1;
        else if (BOTH_SMALLINT(a, b)) eq = 0;
        else {
            STORE();
            eq = mtop_equal(vm, a, b);
            ERROR_IF(eq < 0);
        }
        sp[-2] = BOOL_VAL(INSTR_OP(i) == OP_EQ ? eq : !eq);
        sp--;
        DISPATCH();
    }
    CASE(IN) : CASE(NOT_IN) : {
        STORE();
        bool found;
        ERROR_IF(!mtop_contains(vm, sp[-1], sp[-2], &found));
        sp[-2] = BOOL_VAL(INSTR_OP(i) == OP_IN ? found : !found);
        sp--;
        DISPATCH();
    }

    CASE(JUMP) : ip += INSTR_SA(i);
    DISPATCH();
    CASE(LOOP) : ip += INSTR_SA(i);
    if (mt_unlikely(vm->attention)) goto safe_point;
    DISPATCH();
safe_point:
    /* Between two instructions (ip is the next one: a backward jump's target, or a call
       about to run) with a signal or request pending. The fiber may be switched away here;
       its pc stays exact (FIBER_AT_SAFE_POINT), so an error raised here or when it resumes
       is raised inside the right try blocks, and a call is run when it resumes. */
    STORE();
    fiber->obj.flags |= FIBER_AT_SAFE_POINT;
    if (!mtth_attention(vm, fiber)) goto raise;
    if (vm->current != fiber) goto resume;
    fiber->obj.flags &= ~FIBER_AT_SAFE_POINT;
    DISPATCH();
    CASE(JUMP_IF_FALSE) : {
        Value v = POP();
        if (!truthy(v)) ip += INSTR_SA(i);
        DISPATCH();
    }
    CASE(JUMP_IF_TRUE) : {
        Value v = POP();
        if (truthy(v)) ip += INSTR_SA(i);
        DISPATCH();
    }
    CASE(JUMP_IF_NIL) : {
        if (POP() == NIL_VAL) ip += INSTR_SA(i);
        DISPATCH();
    }
    CASE(JUMP_IF_NOT_NIL) : {
        if (POP() != NIL_VAL) ip += INSTR_SA(i);
        DISPATCH();
    }
    CASE(JUMP_IF_FALSE_KEEP) : {
        if (!truthy(sp[-1])) ip += INSTR_SA(i);
        else sp--;
        DISPATCH();
    }
    CASE(JUMP_IF_TRUE_KEEP) : {
        if (truthy(sp[-1])) ip += INSTR_SA(i);
        else sp--;
        DISPATCH();
    }
    /* Compare-and-branch: one instruction (plus its jump word) for `while i < n:`. */
#define JCMP(name, op, cmp, eq, operand)                                                           \
    CASE(name) : {                                                                                 \
        Value a = base[INSTR_A8(i)], b = operand;                                                  \
        Instr jump = *ip++;                                                                        \
        bool yes;                                                                                  \
        if (BOTH_SMALLINT(a, b)) yes = SMALLINT_ORDER(a) cmp SMALLINT_ORDER(b);                    \
        else if (IS_DOUBLE(a) && IS_DOUBLE(b)) yes = AS_DOUBLE(a) cmp AS_DOUBLE(b);                \
        else {                                                                                     \
            UNOWN2(a, b);                                                                          \
            STORE();                                                                               \
            if (eq) {                                                                              \
                int e = mtop_equal(vm, a, b);                                                      \
                ERROR_IF(e < 0);                                                                   \
                yes = (op == OP_EQ) == (e == 1);                                                   \
            } else {                                                                               \
                Value out;                                                                         \
                ERROR_IF(!mtop_compare(vm, op, a, b, &out));                                       \
                yes = out == TRUE_VAL;                                                             \
            }                                                                                      \
        }                                                                                          \
        if (yes == (INSTR_OP(jump) == OP_EXTRA_T)) {                                               \
            ip += INSTR_SA(jump);                                                                  \
            if (INSTR_SA(jump) < 0 && mt_unlikely(vm->attention)) goto safe_point;                 \
        }                                                                                          \
        DISPATCH();                                                                                \
    }
    JCMP(JLT_LK, OP_LT, <, false, consts[INSTR_B16(i)])
    JCMP(JLE_LK, OP_LE, <=, false, consts[INSTR_B16(i)])
    JCMP(JGT_LK, OP_GT, >, false, consts[INSTR_B16(i)])
    JCMP(JGE_LK, OP_GE, >=, false, consts[INSTR_B16(i)])
    JCMP(JEQ_LK, OP_EQ, ==, true, consts[INSTR_B16(i)])
    JCMP(JNE_LK, OP_NE, !=, true, consts[INSTR_B16(i)])
    JCMP(JLT_LL, OP_LT, <, false, base[INSTR_B16(i)])
    JCMP(JLE_LL, OP_LE, <=, false, base[INSTR_B16(i)])
    JCMP(JGT_LL, OP_GT, >, false, base[INSTR_B16(i)])
    JCMP(JGE_LL, OP_GE, >=, false, base[INSTR_B16(i)])
    JCMP(JEQ_LL, OP_EQ, ==, true, base[INSTR_B16(i)])
    JCMP(JNE_LL, OP_NE, !=, true, base[INSTR_B16(i)])
    CASE(ARG_DEFAULT) : if (!IS_UNDEF(base[INSTR_A8(i)])) ip += INSTR_B16(i);
    DISPATCH();

    /* A call is a safe point, checked before the call runs: if the fiber is switched away
       here, the call runs when it resumes; else it runs now. */
#define CALL_SAFE_POINT()                                                                          \
    do {                                                                                           \
        if (mt_unlikely(vm->attention)) {                                                          \
            ip--;                                                                                  \
            STORE();                                                                               \
            fiber->obj.flags |= FIBER_AT_SAFE_POINT;                                               \
            if (!mtth_attention(vm, fiber)) goto raise;                                            \
            if (vm->current != fiber) goto resume;                                                 \
            fiber->obj.flags &= ~FIBER_AT_SAFE_POINT;                                              \
            ip++;                                                                                  \
        }                                                                                          \
    } while (0)
    /* Runs native n in place when argc fits its arity (else the slow path reports it). */
#define CALL_NATIVE_FAST(n)                                                                        \
    do {                                                                                           \
        if (argc >= (n)->min_args && ((n)->max_args < 0 || argc <= (n)->max_args)) {               \
            STORE();                                                                               \
            vm->native = (n);                                                                      \
            int r = (n)->fn(vm, callee, argc);                                                     \
            if (mt_likely(r == NATIVE_OK)) {                                                       \
                sp = callee + 1;                                                                   \
                DISPATCH();                                                                        \
            }                                                                                      \
            AFTER_STEP(mtcall_native_result(vm, fiber, callee, argc, OBJ_VAL(n), r));              \
        }                                                                                          \
    } while (0)
    CASE(CALL_ITER) : {
        /* [range, a, b] -> [b, a]: FOR_ITER's counting form, and ITER and NIL are done. */
        int argc = (int)INSTR_A(i);
        Value *callee = sp - argc - 1;
        if (*callee == vm->lib.range && IS_OBJ(*callee) && (argc == 1 || argc == 2)) {
            Value lo = argc == 2 ? callee[1] : SMALLINT_VAL(0), hi = sp[-1];
            if (BOTH_SMALLINT(lo, hi)) {
                callee[0] = hi;
                callee[1] = lo;
                sp = callee + 2;
                ip += 2;
                DISPATCH();
            }
        }
        goto call; /* anything else is a plain call, and ITER runs */
    }
    CASE(CALL) : call : {
        CALL_SAFE_POINT();
        int argc = (int)INSTR_A(i);
        Value *callee = sp - argc - 1;
        if (mt_likely(IS_CLOSURE(*callee))) {
            Closure *cl = AS_CLOSURE(*callee);
            Proto *p = cl->proto;
            if (mt_likely(argc == p->call_argc && callee + p->maxstack <= fiber->stack_end &&
                          fiber->nframes < fiber->frames_cap))
                ENTER(cl, callee);
        } else if (IS_OBJ_TYPE(*callee, OBJ_NATIVE)) {
            Native *n = (Native *)AS_OBJ(*callee);
            CALL_NATIVE_FAST(n);
        } else if (IS_OBJ_TYPE(*callee, OBJ_CLASS)) {
            Class *k = AS_CLASS(*callee);
            if (k->convert) { /* a built-in type's class: str(x), int(s) */
                Native *n = k->convert;
                CALL_NATIVE_FAST(n);
            } else if (IS_CLOSURE(k->init) && k->builtin_tag < 0 && !k->foreign) {
                /* A class of the program: a new instance, then its init method. */
                Closure *cl = AS_CLOSURE(k->init);
                Proto *p = cl->proto;
                if ((p->pflags & PROTO_METHOD) && argc + 1 == p->nparams &&
                    callee + p->maxstack <= fiber->stack_end &&
                    fiber->nframes < fiber->frames_cap) {
                    STORE();
                    *callee = OBJ_VAL(mto_instance(vm, k)); /* may collect: the class is rooted */
                    ENTER_AS(cl, callee, FRAME_CTOR);
                }
            }
        }
        STORE();
        AFTER_STEP(mtcall_call(vm, fiber, callee, argc));
    }
    CASE(CALL_KW) : {
        CALL_SAFE_POINT();
        int argc = (int)INSTR_A8(i);
        STORE();
        AFTER_STEP(mtcall_call_kw(vm, fiber, sp - argc - 1, argc, AS_LIST(consts[INSTR_B16(i)])));
    }
    CASE(INVOKE) : {
        CALL_SAFE_POINT();
        int argc = (int)INSTR_A8(i);
        AttrCache *ac = &proto->caches[INSTR_B16(i)];
        Value *recv = sp - argc - 1;
        if (IS_INSTANCE(*recv)) {
            Instance *in = AS_INSTANCE(*recv);
            if (ac->klass == in->klass && ac->index == UINT32_MAX && IS_CLOSURE(ac->method) &&
                in->klass->nfields == ac->shape) {
                Closure *cl = AS_CLOSURE(ac->method);
                Proto *p = cl->proto;
                if (argc + 1 == p->nparams && recv + p->maxstack <= fiber->stack_end &&
                    fiber->nframes < fiber->frames_cap)
                    ENTER(cl, recv);
            }
        } else if (IS_OBJ(*recv) && ac->klass == mtcall_builtin_key(AS_OBJ(*recv))) {
            /* A builtin type's native method, e.g. list.append (cached only if it takes
               argc arguments). */
            Native *n = (Native *)AS_OBJ(ac->method);
            STORE();
            vm->native = n;
            int r = n->fn(vm, recv, argc);
            if (mt_likely(r == NATIVE_OK)) {
                sp = recv + 1;
                DISPATCH();
            }
            if (r == NATIVE_SUSPEND) goto resume; /* a channel op parked this thread */
            AFTER_STEP(mtcall_native_result(vm, fiber, recv, argc, OBJ_VAL(n), r));
        }
        STORE();
        AFTER_STEP(mtcall_invoke(vm, fiber, argc, ac));
    }
    CASE(INVOKE_KW) : {
        CALL_SAFE_POINT();
        int argc = (int)INSTR_A8(i);
        AttrCache *ac = &proto->caches[INSTR_B16(i)];
        List *names = AS_LIST(consts[INSTR_A(*ip)]);
        ip++;
        STORE();
        AFTER_STEP(mtcall_invoke_kw(vm, fiber, argc, ac, names));
    }
    CASE(SUPER_INVOKE) : {
        CALL_SAFE_POINT();
        int argc = (int)INSTR_A8(i);
        AttrCache *ac = &proto->caches[INSTR_B16(i)];
        Value super = POP();
        STORE();
        AFTER_STEP(mtcall_super_invoke(vm, fiber, argc, ac, AS_CLASS(super)));
    }
    CASE(SUPER_GET) : {
        AttrCache *ac = &proto->caches[INSTR_A(i)];
        Class *super = AS_CLASS(sp[-1]);
        Value self = sp[-2];
        STORE();
        Value m;
        if (!mtt_get(&super->methods, ac->name, &m)) {
            mte_throw(vm, ERR_ATTRIBUTE, "'%s' has no method '%s'", super->name->chars,
                      ac->name->chars);
            goto raise;
        }
        sp[-2] = OBJ_VAL(mto_bound(vm, self, m));
        sp--;
        DISPATCH();
    }
    CASE(RETURN) : {
        Value result = sp[-1];
        if (fiber->open_upvalues && fiber->open_upvalues->location >= base)
            mtf_close_upvalues(fiber, base);
        if (mt_unlikely(frame_flags(frame))) { /* not a plain call returning to its caller */
            uint32_t kind = frame_kind(frame);
            if (kind == FRAME_OPERATOR) goto operator_return; /* out of the common returns' way */
            if (kind == FRAME_CTOR) result = base[0];
            if (kind == FRAME_MODULE) {
                proto->module->state = MODULE_READY;
                result = OBJ_VAL(proto->module);
            }
            if (frame_flags(frame) & FRAME_BOTTOM) {
                STORE();
                fiber->top = base;
                mts_fiber_returned(vm, fiber, result);
                goto resume;
            }
        }
        fiber->nframes--;
        base[0] = result;
        sp = base + 1;
        frame--; /* the caller's */
        ip = frame->ip;
        base = frame_base(frame);
        proto = frame->closure->proto;
        consts = proto->consts;
        DISPATCH();
    }
    CASE(CLOSURE) : {
        Proto *p = (Proto *)AS_OBJ(consts[INSTR_A(i)]);
        STORE();
        Closure *cl = mto_closure(vm, p);
        PUSH(OBJ_VAL(cl));
        for (uint32_t u = 0; u < p->nupvals; u++) {
            UpvalDesc d = p->upvals[u];
            if (d.is_local) {
                fiber->top = sp;
                cl->upvals[u] = mtf_capture(vm, fiber, base + d.index);
            } else {
                cl->upvals[u] = frame->closure->upvals[d.index];
            }
        }
        DISPATCH();
    }
    CASE(CLASS) : {
        Value super = sp[-1];
        String *name = AS_STRING(consts[INSTR_A(i)]);
        STORE();
        if (!IS_NIL(super) &&
            (!IS_CLASS(super) || AS_CLASS(super)->foreign || AS_CLASS(super)->type_tag >= 0)) {
            if (IS_CLASS(super) && AS_CLASS(super)->type_tag >= 0)
                mte_throw(vm, ERR_TYPE, "class %s: cannot subclass the built-in type %s",
                          name->chars, AS_CLASS(super)->name->chars);
            else
                mte_throw(vm, ERR_TYPE, "class %s: base must be a class, not %s", name->chars,
                          IS_CLASS(super) ? "a foreign class" : mtv_type_name(super));
            goto raise;
        }
        Class *k = mto_class(vm, name, IS_NIL(super) ? NULL : AS_CLASS(super));
        sp[-1] = OBJ_VAL(k);
        DISPATCH();
    }
    CASE(METHOD) : {
        Class *k = AS_CLASS(sp[-2]);
        String *name = AS_STRING(consts[INSTR_A(i)]);
        STORE();
        mtt_set(vm, &k->methods, name, sp[-1]);
        if (name == vm->names.init) k->init = sp[-1];
        else if (!isalpha((unsigned char)name->chars[0]) || name == vm->names.hash ||
                 name == vm->names.contains || name == vm->names.call ||
                 (name->chars[0] == 'r' && name->len > 1 &&
                  !isalpha((unsigned char)name->chars[1])) ||
                 (name->chars[0] == 'u' && name->chars[1] == '-'))
            k->has_ops = true;
        sp--;
        DISPATCH();
    }
    CASE(STATIC) : {
        Class *k = AS_CLASS(sp[-2]);
        String *name = AS_STRING(consts[INSTR_A(i)]);
        STORE();
        if (name->chars[0] == '@') k->doc = sp[-1];
        else mtt_set(vm, &k->statics, name, sp[-1]);
        sp--;
        DISPATCH();
    }
    CASE(SPAWN) : CASE(SPAWN_KW) : {
        int argc = INSTR_OP(i) == OP_SPAWN ? (int)INSTR_A(i) : (int)INSTR_A8(i);
        List *names = INSTR_OP(i) == OP_SPAWN ? NULL : AS_LIST(consts[INSTR_B16(i)]);
        STORE();
        AFTER_STEP(mtth_spawn(vm, fiber, sp - argc - 1, argc, names));
    }
    CASE(YIELD) : {
        STORE();
        /* Always a switch (to the resumer, or to the next thread), unless it fails. */
        if (mt_likely(mtco_yield(vm, fiber, sp[-1]) == STEP_SWITCH)) goto resume;
        LOAD();
        goto raise;
    }
    CASE(IMPORT) : {
        STORE();
        AFTER_STEP(mtmod_import(vm, fiber, AS_STRING(consts[INSTR_A(i)])));
    }

    CASE(LIST) : {
        uint32_t n = INSTR_A(i);
        STORE();
        List *l = mto_list(vm, n);
        sp -= n;
        if (n) memcpy(l->items, sp, n * sizeof(Value));
        l->count = n;
        PUSH(OBJ_VAL(l));
        DISPATCH();
    }
    CASE(MAP) : {
        uint32_t n = INSTR_A(i);
        STORE();
        Map *m = mtm_new(vm, n);
        PUSH(OBJ_VAL(m));
        fiber->top = sp;
        Value *kv = sp - 1 - 2 * n;
        for (uint32_t e = 0; e < n; e++) ERROR_IF(!mtm_set(vm, m, kv[2 * e], kv[2 * e + 1]));
        sp = kv;
        PUSH(OBJ_VAL(m));
        DISPATCH();
    }
    CASE(LIST_APPEND) : {
        uint32_t n = INSTR_A(i);
        STORE();
        List *l = AS_LIST(sp[-1 - (int)n]);
        mto_list_reserve(vm, l, l->count + n);
        memcpy(l->items + l->count, sp - n, n * sizeof(Value));
        l->count += n;
        sp -= n;
        DISPATCH();
    }
    CASE(MAP_ADD) : {
        uint32_t n = INSTR_A(i);
        STORE();
        Value *kv = sp - 2 * n;
        Map *m = AS_MAP(kv[-1]);
        for (uint32_t e = 0; e < n; e++) ERROR_IF(!mtm_set(vm, m, kv[2 * e], kv[2 * e + 1]));
        sp = kv;
        DISPATCH();
    }
    CASE(BUILD_SET) : {
        uint32_t n = INSTR_A(i);
        STORE();
        Map *m = mtset_new(vm, n, false);
        PUSH(OBJ_VAL(m));
        fiber->top = sp;
        Value *items = sp - 1 - n;
        for (uint32_t e = 0; e < n; e++) ERROR_IF(!mtset_add(vm, m, items[e]));
        sp = items;
        PUSH(OBJ_VAL(m));
        DISPATCH();
    }
    CASE(SET_ADD) : {
        uint32_t n = INSTR_A(i);
        STORE();
        Value *items = sp - n;
        Map *m = (Map *)AS_OBJ(items[-1]);
        for (uint32_t e = 0; e < n; e++) ERROR_IF(!mtset_add(vm, m, items[e]));
        sp = items;
        DISPATCH();
    }
    CASE(BUILD_STRING) : {
        uint32_t n = INSTR_A(i);
        STORE();
        size_t len = 0;
        for (uint32_t e = 0; e < n; e++) len += AS_STRING(sp[-(int)n + (int)e])->len;
        String *s = mto_string_alloc(vm, len);
        char *p = s->chars;
        for (uint32_t e = 0; e < n; e++) {
            String *part = AS_STRING(sp[-(int)n + (int)e]);
            memcpy(p, part->chars, part->len);
            p += part->len;
        }
        mto_string_finish(vm, s);
        sp -= n;
        PUSH(OBJ_VAL(s));
        DISPATCH();
    }
    CASE(TO_STR) : CASE(TO_REPR) : {
        if (IS_STRING(sp[-1]) && INSTR_OP(i) == OP_TO_STR) DISPATCH();
        STORE();
        if (INSTR_OP(i) == OP_TO_STR ? mtv_needs_callback(vm, sp[-1])
                                     : mtv_needs_repr_callback(vm, sp[-1])) {
            /* A user str()/repr() method: call the builtin, which may run Mt code. */
            Value f = INSTR_OP(i) == OP_TO_STR ? vm->lib.str : vm->lib.repr;
            sp[0] = sp[-1];
            sp[-1] = f;
            sp++;
            fiber->top = sp;
            AFTER_STEP(mtcall_call(vm, fiber, sp - 2, 1));
        }
        String *s = mtv_to_string(vm, sp[-1], INSTR_OP(i) == OP_TO_REPR);
        ERROR_IF(!s);
        sp[-1] = OBJ_VAL(s);
        DISPATCH();
    }
    CASE(FORMAT) : {
        STORE();
        Value out;
        ERROR_IF(!mtfmt_format(vm, sp[-2], AS_STRING(sp[-1]), &out));
        sp[-2] = out;
        sp--;
        DISPATCH();
    }

    CASE(ITER) : {
        Value x = sp[-1];
        if (IS_LIST(x) || IS_OBJ_TYPE(x, OBJ_RANGE)) DISPATCH();
        STORE();
        AFTER_STEP(mtop_iter(vm, fiber));
    }
    CASE(FOR_ITER) : {
        Value it = sp[-2], st = sp[-1];
        if (IS_SMALLINT(it)) {
        counting_range:;
            if (SMALLINT_ORDER(st) < SMALLINT_ORDER(it)) {
                sp[-1] = SMALLINT_NEXT(st);
                PUSH(st);
            } else {
                ip += INSTR_SA(i);
            }
            DISPATCH();
        }
        if (IS_LIST(it)) {
            List *l = AS_LIST(it);
            int64_t k = IS_NIL(st) ? 0 : AS_SMALLINT(st);
            if ((uint64_t)k < l->count) {
                sp[-1] = SMALLINT_VAL(k + 1);
                PUSH(l->items[k]);
            } else {
                ip += INSTR_SA(i);
            }
            DISPATCH();
        }
        if (IS_OBJ_TYPE(it, OBJ_RANGE)) {
            Range *r = (Range *)AS_OBJ(it);
            if (IS_NIL(st) && r->step == 1 && FITS_SMALLINT(r->start) && FITS_SMALLINT(r->stop)) {
                /* A counting range (step 1, small-int bounds) trades its object for its end:
                   a small int in the iterator slot, which no iterable can be. */
                sp[-2] = it = SMALLINT_VAL(r->stop);
                st = SMALLINT_VAL(r->start);
                goto counting_range;
            }
            int64_t cur = IS_NIL(st) ? r->start : AS_INT(st);
            if (r->step > 0 ? cur < r->stop : cur > r->stop) {
                int64_t next;
                if (__builtin_add_overflow(cur, r->step, &next)) next = r->stop;
                if (FITS_SMALLINT(next) && FITS_SMALLINT(cur)) {
                    sp[-1] = SMALLINT_VAL(next);
                    PUSH(SMALLINT_VAL(cur));
                    DISPATCH();
                }
                STORE();
                sp[-1] = mto_int(vm, next);
                Value c = mto_int(vm, cur);
                PUSH(c);
            } else {
                ip += INSTR_SA(i);
            }
            DISPATCH();
        }
        STORE();
        if (IS_OBJ_TYPE(it, OBJ_CHANNEL))
            AFTER_RECV(mtch_for_iter(vm, fiber, AS_OBJ(it))); /* pipelines */
        AFTER_STEP(mtop_for_iter(vm, fiber));
    }

    CASE(FOR_NEXT) : {
        /* The end of a for body whose only local is the loop variable: step a list or a
           range in place and jump back; anything else re-runs FOR_ITER. */
        Value it = sp[-3], st = sp[-2];
        if (IS_SMALLINT(it)) { /* a counting range: see FOR_ITER */
            if (SMALLINT_ORDER(st) >= SMALLINT_ORDER(it)) {
                sp--;
                DISPATCH();
            }
            sp[-2] = SMALLINT_NEXT(st);
            sp[-1] = st;
            ip += INSTR_SA(i);
            if (mt_unlikely(vm->attention)) goto safe_point;
            DISPATCH();
        }
        if (IS_OBJ_TYPE(it, OBJ_RANGE) && IS_SMALLINT(st)) {
            Range *r = (Range *)AS_OBJ(it);
            int64_t cur = AS_SMALLINT(st), next;
            if (!(r->step > 0 ? cur < r->stop : cur > r->stop)) {
                sp--;
                DISPATCH();
            }
            if (!__builtin_add_overflow(cur, r->step, &next) && FITS_SMALLINT(next)) {
                sp[-2] = SMALLINT_VAL(next);
                sp[-1] = st;
                ip += INSTR_SA(i);
                if (mt_unlikely(vm->attention)) goto safe_point;
                DISPATCH();
            }
        } else if (IS_LIST(it) && IS_SMALLINT(st)) {
            List *l = AS_LIST(it);
            int64_t k = AS_SMALLINT(st);
            if ((uint64_t)k >= l->count) {
                sp--;
                DISPATCH();
            }
            sp[-2] = SMALLINT_VAL(k + 1);
            sp[-1] = l->items[k];
            ip += INSTR_SA(i);
            if (mt_unlikely(vm->attention)) goto safe_point;
            DISPATCH();
        }
        if (IS_OBJ_TYPE(it, OBJ_CHANNEL) && mt_likely(!vm->attention)) {
            /* A pipeline stage's loop: receive here, as the loop's FOR_ITER would (its
               exit jump and a parked receiver's frame see that FOR_ITER just ran). */
            sp--;
            ip += INSTR_SA(i);
            i = ip[-1];
            STORE();
            AFTER_RECV(mtch_for_iter(vm, fiber, AS_OBJ(it)));
        }
        sp--;
        ip += INSTR_SA(i) - 1; /* the loop's FOR_ITER */
        if (mt_unlikely(vm->attention)) goto safe_point;
        DISPATCH();
    }
    CASE(RAISE) : {
        Value e = sp[-1];
        STORE();
        if (IS_CLASS(e) && (mte_class_is(AS_CLASS(e), vm->error_class[ERR_ERROR]) ||
                            mte_class_is(AS_CLASS(e), vm->error_class[ERR_EXIT]))) {
            /* `raise ValueError` raises a fresh instance: construct it (a user init may
               run), then execute RAISE again on the instance. */
            frame->ip = ip - 1;
            AFTER_STEP(mtcall_call(vm, fiber, sp - 1, 0));
        }
        sp--;
        if (!mte_is_raisable(vm, e)) {
            mte_throw(vm, ERR_TYPE, "can only raise Error or Exit instances, not %s",
                      mtv_type_name(e));
            goto raise;
        }
        vm->error = e;
        goto raise;
    }
    CASE(RERAISE) : {
        vm->error = base[INSTR_A(i)];
        STORE();
        goto unwind;
    }
    CASE(EXC_MATCH) : {
        Value cls = INSTR_A(i) == 1 ? OBJ_VAL(vm->error_class[ERR_ERROR]) : POP();
        Value e = sp[-1];
        STORE();
        if (!IS_CLASS(cls)) {
            mte_throw(vm, ERR_TYPE, "except needs an error class, not %s", mtv_type_name(cls));
            goto raise;
        }
        bool match = IS_INSTANCE(e) && mte_class_is(AS_INSTANCE(e)->klass, AS_CLASS(cls)) &&
                     !mte_unmatchable(vm, e);
        sp[-1] = BOOL_VAL(match);
        DISPATCH();
    }
    CASE(END_FINALLY) : {
        uint32_t kslot = INSTR_A8(i), n = INSTR_B16(i);
        const Instr *table = ip;
        int64_t kind = AS_SMALLINT(base[kslot]);
        if (mt_unlikely(vm->attention || (fiber->obj.flags & FIBER_CLOSE_HELD))) {
            /* A cleanup block ended: an exit held while it ran may be due now. It is raised
               after the try statement, in place of the completion. */
            ip = table + n + 1;
            STORE();
            if (!mtth_cleanup_ended(vm, fiber, kind == KIND_EXC ? base[kslot - 1] : UNDEF_VAL))
                goto raise;
            ip = table;
        }
        if (kind == KIND_EXC) {
            vm->error = base[kslot - 1];
            ip = table + n + 1;
            STORE();
            goto unwind;
        }
        uint32_t w = kind == KIND_NORMAL   ? 0
                     : kind == KIND_RETURN ? 1
                                           : (uint32_t)(kind - KIND_JUMP + 2);
        if (w > n) w = 0;
        ip = table + w + 1 + INSTR_SA(table[w]);
        DISPATCH();
    }
    CASE(WITH_ERR) : {
        uint32_t kslot = INSTR_A(i);
        PUSH(AS_SMALLINT(base[kslot]) == KIND_EXC ? base[kslot - 1] : NIL_VAL);
        DISPATCH();
    }
    CASE(WITH_RESULT) : {
        uint32_t kslot = INSTR_A(i);
        Value r = POP();
        if (AS_SMALLINT(base[kslot]) == KIND_EXC && r == TRUE_VAL &&
            mte_is(vm, base[kslot - 1], ERR_ERROR))
            base[kslot] = SMALLINT_VAL(KIND_NORMAL);
        DISPATCH();
    }
    CASE(SELECT) : {
        int ncases = (int)INSTR_A8(i);
        String *kinds = AS_STRING(consts[INSTR_B16(i)]);
        STORE();
        AFTER_STEP(mtsel_select(vm, fiber, ncases, kinds, ip));
    }
    CASE(UNPACK) : {
        uint32_t n = INSTR_A8(i), flags = INSTR_B16(i);
        Value seq = sp[-1];
        const Value *items = NULL;
        uint32_t count = 0;
        if (IS_TUPLE(seq)) items = AS_TUPLE(seq)->items, count = AS_TUPLE(seq)->count;
        else if (IS_LIST(seq)) items = AS_LIST(seq)->items, count = AS_LIST(seq)->count;
        if (items && count == n && !(flags & UNPACK_STAR_MASK)) {
            sp--;
            if (flags & UNPACK_REVERSED)
                for (uint32_t k = n; k-- > 0;) PUSH(items[k]);
            else
                for (uint32_t k = 0; k < n; k++) PUSH(items[k]);
            DISPATCH();
        }
        goto sequence_op;
    }
    /* Tuples, unpacking's slow paths, step slices, slice assignment, del and the stack
       shuffles of target lists: out of line (ops.c), so that they cost the loop nothing. */
    CASE(TUPLE) : {
        /* (a, b) and return a, b: common enough to stay in the loop */
        uint32_t n = INSTR_A(i);
        STORE();
        Tuple *t = mto_tuple(vm, n);
        sp -= n;
        memcpy(t->items, sp, n * sizeof(Value));
        PUSH(OBJ_VAL(t));
        DISPATCH();
    }
    CASE(REVERSE) : {
        if (INSTR_A(i) == 2) { /* a, b = b, a and xs[i], xs[j] = xs[j], xs[i] */
            Value t = sp[-1];
            sp[-1] = sp[-2];
            sp[-2] = t;
            DISPATCH();
        }
        goto sequence_op;
    }
    CASE(LIST_TO_TUPLE)
        : CASE(SLICE3) : CASE(SET_SLICE) : CASE(DEL_INDEX) : CASE(DEL_SLICE) : CASE(ROT) : {
    sequence_op:
        STORE();
        AFTER_STEP(mtop_sequence_op(vm, fiber, i));
    }
    CASE(ARGS_EXTRA) : {
        STORE();
        AFTER_STEP(mtcall_args_extra(vm, fiber, frame->closure));
    }
    CASE(ARGS_ITER) : {
        Value x = sp[-1];
        if (IS_LIST(x) || IS_OBJ_TYPE(x, OBJ_RANGE)) DISPATCH();
        STORE();
        AFTER_STEP(mtcall_args_iter(vm, fiber, i, proto));
    }
    CASE(KW_MERGE) : {
        STORE();
        AFTER_STEP(mtcall_kw_merge(vm, fiber, i, proto));
    }
    CASE(CALL_SPREAD) : {
        CALL_SAFE_POINT();
        STORE();
        AFTER_STEP(mtcall_call_spread(vm, fiber, i, proto));
    }
    CASE(NOP) : CASE(EXTRA) : CASE(EXTRA_T) : DISPATCH();

    LOOP_END

operator_return : {
    /* A FRAME_OPERATOR frame returns: its instruction finishes with the result. */
    Value result = sp[-1];
    fiber->nframes--;
    base[0] = result;
    fiber->top = base + 1;
    AFTER_STEP(mtop_operator_return(vm, fiber));
}

raise:
    /* A fresh error in vm->error: start its trace here, then unwind. Registers stored. */
    STORE();
    if (vm->error == MT_OPERATOR_CALL) { /* not an error: an operator method to call */
        vm->error = NIL_VAL;
        AFTER_STEP(mtop_operator_call(vm, fiber));
    }
    mte_prepare(vm, fiber, vm->error, true);
unwind : {
    Value exc = vm->error;
    vm->error = NIL_VAL;
    if (mte_unwind(vm, fiber, &exc)) {
        LOAD();
        DISPATCH();
    }
    mts_fiber_failed(vm, fiber, exc);
    goto resume;
}
}
#undef globals

/* Runs fibers until none is runnable. Returns 0, or -1 if the VM is dead (out of memory
   even for unwinding). An allocation that fails longjmps here: MemoryError is then raised
   in whatever fiber was running (its registers were stored before it allocated). */
int mtvm_execute(VM *vm) {
    MemJmp mj;
    mtmem_enter(vm, &mj);
    int status = 0;
    for (;;) {
        if (setjmp(mj.buf) == 0) {
            run(vm);
            break;
        }
        mtmem_recover(vm, &mj);
        if (!mte_raise_out_of_memory(vm)) {
            status = -1;
            break;
        }
    }
    mtmem_leave(vm, &mj);
    return status;
}
