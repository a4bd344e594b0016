/*
** ops.h — operators, indexing, slicing and iteration (ops.c): the slow paths of the
** dispatch loop's arithmetic, comparison, indexing and for-loop instructions.
*/
#ifndef MT_OPS_H
#define MT_OPS_H

#include "vm/vm.h"

MT_INTERNAL bool mtop_arith(VM *vm, int op, Value a, Value b, Value *out);
MT_INTERNAL bool mtop_compare(VM *vm, int op, Value a, Value b, Value *out);
MT_INTERNAL bool mtop_unary(VM *vm, int op, Value a, Value *out);
MT_INTERNAL bool mtop_contains(VM *vm, Value container, Value item, bool *out);
MT_INTERNAL bool mtop_get_index(VM *vm, Value obj, Value key, Value *out);
MT_INTERNAL bool mtop_set_index(VM *vm, Value obj, Value key, Value v);
MT_INTERNAL bool mtop_slice(VM *vm, Value obj, Value lo, Value hi, Value *out);
MT_INTERNAL Step mtop_iter(VM *vm, Fiber *f);
MT_INTERNAL Step mtop_for_iter(VM *vm, Fiber *f);

#endif
