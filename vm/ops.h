/*
** ops.h — operators, indexing, slicing and iteration (ops.c): the slow paths of the
** dispatch loop's arithmetic, comparison, indexing and for-loop instructions.
*/
#ifndef MT_OPS_H
#define MT_OPS_H

#include "vm/vm.h"

/* What vm->error holds when an operator's slow path found an instance with a method for it
   (not an error): the loop then calls mtop_operator_call at the instruction. Only the loop's
   operator instructions see it; natives that use these functions check for instances first. */
#define MT_OPERATOR_CALL ((Value)(MT_QNAN | 21))

/* Calls the operator method the current instruction needs (vm->error was MT_OPERATOR_CALL);
   registers stored. The method runs in a FRAME_OPERATOR frame. */
MT_INTERNAL Step mtop_operator_call(VM *vm, Fiber *f);

/* A FRAME_OPERATOR frame returned, its result on top of the caller's stack: finishes the
   caller's instruction with it. */
MT_INTERNAL Step mtop_operator_return(VM *vm, Fiber *f);

/* a == b for EQ, NE and the compare-and-branch forms: 1, 0, or -1 (an error, or
   MT_OPERATOR_CALL for an instance with an == method). x == nil never calls a method
   (SPEC 5.9: only nil is nil), which keeps `node == nil` as cheap as before. */
MT_INTERNAL int mtop_equal_slow(VM *vm, Value a, Value b);
static inline int mtop_equal(VM *vm, Value a, Value b) {
    if (IS_NIL(a) || IS_NIL(b)) return a == b;
    return mtop_equal_slow(vm, a, b);
}

/* The operator method `name` of an instance's class, if v is an instance that has it. */
MT_INTERNAL bool mtop_method(Value v, String *name, Value *out);

/* a op b for the arithmetic and bitwise opcodes the inline fast paths left (mixed types,
   overflow, errors). */
MT_INTERNAL bool mtop_arith(VM *vm, int op, Value a, Value b, Value *out);

/* a op b for <, <=, >, >= (errors for unlike types). */
MT_INTERNAL bool mtop_compare(VM *vm, int op, Value a, Value b, Value *out);

/* op a for unary minus, not and ~. */
MT_INTERNAL bool mtop_unary(VM *vm, int op, Value a, Value *out);

/* item in container. */
MT_INTERNAL bool mtop_contains(VM *vm, Value container, Value item, bool *out);

/* obj[key] for every indexable type. */
MT_INTERNAL bool mtop_get_index(VM *vm, Value obj, Value key, Value *out);

/* obj[key] = v. */
MT_INTERNAL bool mtop_set_index(VM *vm, Value obj, Value key, Value v);

/* obj[lo:hi:step] (nil bounds and step are omitted ones). */
MT_INTERNAL bool mtop_slice(VM *vm, Value obj, Value lo, Value hi, Value step, Value *out);

/* obj[lo:hi:step] = v, for a list obj and a list or tuple v. */
MT_INTERNAL bool mtop_set_slice(VM *vm, Value obj, Value lo, Value hi, Value step, Value v);

/* del obj[key]. */
MT_INTERNAL bool mtop_del_index(VM *vm, Value obj, Value key);

/* del obj[lo:hi:step]. */
MT_INTERNAL bool mtop_del_slice(VM *vm, Value obj, Value lo, Value hi, Value step);

/* Unpacks the list or tuple at *slot into n values from *slot up (UNPACK's flags: a
   starred target gets a list; the order may be reversed); false: the counts differ. */
MT_INTERNAL bool mtop_unpack(VM *vm, Value *slot, uint32_t n, uint32_t flags);

/* The instructions TUPLE, LIST_TO_TUPLE, SLICE3, SET_SLICE, DEL_INDEX, DEL_SLICE, ROT,
   REVERSE and UNPACK's slow paths, on the fiber's stack (its top stored). */
MT_INTERNAL Step mtop_sequence_op(VM *vm, Fiber *f, Instr i);

/* True if v can be iterated (so list(v) can unpack it), else a TypeError raised (worded
   for a slice assignment or for unpacking). */
MT_INTERNAL bool mtop_unpackable(VM *vm, Value v, bool slice);

/* The start of a for loop: checks the value is iterable (or calls its iter method). */
/* Whether ITER would accept x (for the message of f(*x)). */
MT_INTERNAL bool mtop_iterable(VM *vm, Value x);
MT_INTERNAL Step mtop_iter(VM *vm, Fiber *f);

/* The next item of a for loop: pushes it, or STEP_JUMP when the loop ends. */
MT_INTERNAL Step mtop_for_iter(VM *vm, Fiber *f);

#endif
