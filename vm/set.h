/*
** set.h — sets and frozensets (set.c): the operators on them, and the map merge `m | n`.
**
** A set is a Map object of type OBJ_SET whose members are the keys (every value is true), so
** members are hashed and matched exactly as map keys are (SPEC 3.12) and keep insertion
** order. A frozenset is the same object with SET_FROZEN set: immutable, and hashable.
*/
#ifndef MT_SET_H
#define MT_SET_H

#include "vm/object.h"

/* A new empty set (or frozenset) with room for `cap` members. */
MT_INTERNAL Map *mtset_new(VM *vm, uint32_t cap, bool frozen);

/* Adds v to s (s and v rooted); false with TypeError if v is unhashable. */
MT_INTERNAL bool mtset_add(VM *vm, Map *s, Value v);

/* Whether two sets have the same members (order does not matter). */
MT_INTERNAL bool mtset_equal(Map *x, Map *y);

/* A frozenset's hash, independent of the order of its members (kept once computed). */
MT_INTERNAL uint32_t mtset_hash(Map *s);

/* Whether every member of x is in y. */
MT_INTERNAL bool mtset_subset(Map *x, Map *y);

/* Whether v is a set or a frozenset. */
static inline bool mtset_is(Value v) { return IS_OBJ_TYPE(v, OBJ_SET); }

/* Whether a op b is a set operation (| & - ^ of two sets) or the map merge (| of two maps). */
MT_INTERNAL bool mtset_applies(int op, Value a, Value b);

/* a op b when mtset_applies: the set operations (a new set of the left operand's kind) and
   the map merge `m | n`. */
MT_INTERNAL bool mtset_arith(VM *vm, int op, Value a, Value b, Value *out);

/* a op b for <, <=, >, >= between two sets: the subset and superset tests. */
MT_INTERNAL bool mtset_compare(VM *vm, int op, Value a, Value b, Value *out);

#endif
