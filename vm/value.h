/*
** value.h — the NaN-boxed Value and the only code that touches its bits.
**
** A Value is a 64-bit word. A double is stored as itself. Everything else hides in the
** quiet-NaN space, told apart by the top 16 bits:
**
**   0x7FFC  specials: nil, false, true and the internal "undefined" marker
**   0x7FFD  small int: a 48-bit payload, i + 2^47 (|i| < 2^47), see SMALLINT_VAL
**   0x7FFE  big int: pointer to an int64 cell in an int slab (see mem.c)
**   0x7FFF  owned big int: the same, in the one local slot that references its cell, so
**           `x += y` may update the cell in place (vm.c: "Owned ints")
**   0xFFFC  object pointer (48-bit address)
**
** Hardware NaNs (0x7FF8.. and 0xFFF8..) have bit 50 clear, so they never collide.
** Ints are full 64-bit: those that do not fit the box live in 8-byte slab cells.
*/
#ifndef MT_VALUE_H
#define MT_VALUE_H

#include <string.h>

#include "vm/common.h"

typedef uint64_t Value;
typedef struct Obj Obj;

#define MT_QNAN       ((uint64_t)0x7ffc000000000000)
/* The top 16 bits tell the kind: 0x7ffc nil, booleans and markers (MT_QNAN | small), and: */
#define MT_TAG_INT    0x7ffdu
#define MT_TAG_BIGINT 0x7ffeu
#define MT_TAG_OWNED  0x7fffu /* a big int only one local slot references */
#define MT_TAG_OBJ    0xfffcu
#define MT_PAYLOAD    ((uint64_t)0x0000ffffffffffff)

#define MT_SMALLINT_MAX ((int64_t)0x00007fffffffffff)
#define MT_SMALLINT_MIN (-MT_SMALLINT_MAX - 1)

#define NIL_VAL   ((Value)(MT_QNAN | 1))
#define FALSE_VAL ((Value)(MT_QNAN | 2))
#define TRUE_VAL  ((Value)(MT_QNAN | 3))
/* Marks an empty slot: an omitted argument, an unset global, a deleted map entry. It never
   escapes to Mt code. */
#define UNDEF_VAL ((Value)(MT_QNAN | 4))

#define VAL_TAG(v) ((uint32_t)((v) >> 48))

/* Kind tests. A double is any bit pattern without all of MT_QNAN's bits: the NaNs that
   arithmetic produces have bit 50 clear, so they stay doubles, and Mt code cannot make any
   other bit pattern. */
static inline bool IS_DOUBLE(Value v) { return (v & MT_QNAN) != MT_QNAN; }
static inline bool IS_SMALLINT(Value v) { return VAL_TAG(v) == MT_TAG_INT; }
static inline bool IS_BIGINT(Value v) { return (VAL_TAG(v) | 1u) == MT_TAG_OWNED; }
static inline bool IS_OWNED_INT(Value v) { return VAL_TAG(v) == MT_TAG_OWNED; }
static inline bool IS_INT(Value v) { return VAL_TAG(v) - MT_TAG_INT <= 2u; }
static inline bool IS_OBJ(Value v) { return VAL_TAG(v) == MT_TAG_OBJ; }
static inline bool IS_NIL(Value v) { return v == NIL_VAL; }
static inline bool IS_BOOL(Value v) { return (v | 1) == TRUE_VAL; }
static inline bool IS_UNDEF(Value v) { return v == UNDEF_VAL; }
static inline bool IS_NUMBER(Value v) { return IS_DOUBLE(v) || IS_INT(v); }

/* Both operands small ints, tested with one branch. */
static inline bool BOTH_SMALLINT(Value a, Value b) {
    return (((a ^ ((uint64_t)MT_TAG_INT << 48)) | (b ^ ((uint64_t)MT_TAG_INT << 48))) >> 48) == 0;
}

/* Boxing and unboxing: only these touch the bits (memcpy: no aliasing tricks). */
static inline double AS_DOUBLE(Value v) {
    double d;
    memcpy(&d, &v, sizeof d);
    return d;
}
static inline Value DOUBLE_VAL(double d) {
    Value v;
    memcpy(&v, &d, sizeof d);
    return v;
}
/* A small int i is the word SMALLINT_BIAS + i: its payload is i + 2^47 (offset binary), so
   boxing is one add and unboxing one subtract, two small ints compare as their words do,
   and a sum or difference that leaves the range leaves the tag too (SMALLINT_ADD). */
#define MT_SMALLINT_BIAS (((uint64_t)MT_TAG_INT << 48) + ((uint64_t)1 << 47))
static inline int64_t AS_SMALLINT(Value v) { return (int64_t)(v - MT_SMALLINT_BIAS); }
static inline bool FITS_SMALLINT(int64_t i) { return i >= MT_SMALLINT_MIN && i <= MT_SMALLINT_MAX; }
static inline Value SMALLINT_VAL(int64_t i) { return (uint64_t)i + MT_SMALLINT_BIAS; }
/* A number in the same order as the small int v's value: the word itself. */
static inline int64_t SMALLINT_ORDER(Value v) { return (int64_t)v; }
/* v + 1 for a small int v known to be below the largest: one add to the word. */
static inline Value SMALLINT_NEXT(Value v) { return v + 1; }
static inline int64_t *AS_BIGINT_CELL(Value v) { return (int64_t *)(uintptr_t)(v & MT_PAYLOAD); }
static inline Value BIGINT_VAL(int64_t *cell) {
    return ((uint64_t)MT_TAG_BIGINT << 48) | (uint64_t)(uintptr_t)cell;
}
/* a + b and a - b for two small ints; false if the result does not fit: it fits exactly
   when the biased word keeps the small-int tag (the payload stayed within 0..2^48-1). */
static inline bool SMALLINT_ADD(Value a, Value b, Value *out) {
    Value r = a + b - MT_SMALLINT_BIAS;
    if (!IS_SMALLINT(r)) return false;
    *out = r;
    return true;
}
static inline bool SMALLINT_SUB(Value a, Value b, Value *out) {
    Value r = a - b + MT_SMALLINT_BIAS;
    if (!IS_SMALLINT(r)) return false;
    *out = r;
    return true;
}

/* An owned big int as an ordinary one (other values unchanged). */
static inline Value SHARED_INT(Value v) { return IS_OWNED_INT(v) ? v & ~((uint64_t)1 << 48) : v; }
static inline Value OWNED_INT_VAL(int64_t *cell) {
    return ((uint64_t)MT_TAG_OWNED << 48) | (uint64_t)(uintptr_t)cell;
}
/* Any int, small or boxed. */
static inline int64_t AS_INT(Value v) {
    return IS_SMALLINT(v) ? AS_SMALLINT(v) : *AS_BIGINT_CELL(v);
}
static inline Obj *AS_OBJ(Value v) { return (Obj *)(uintptr_t)(v & MT_PAYLOAD); }
static inline Value OBJ_VAL(const void *o) {
    return ((uint64_t)MT_TAG_OBJ << 48) | (uint64_t)(uintptr_t)o;
}
static inline Value BOOL_VAL(bool b) { return b ? TRUE_VAL : FALSE_VAL; }
static inline bool AS_BOOL(Value v) { return v == TRUE_VAL; }

/* Numbers as doubles, for mixed arithmetic. */
static inline double AS_NUMBER(Value v) { return IS_DOUBLE(v) ? AS_DOUBLE(v) : (double)AS_INT(v); }

/* Builtin value kinds, used to index per-type method tables and inline caches. */
typedef enum {
    TYPE_NIL,
    TYPE_BOOL,
    TYPE_INT,
    TYPE_FLOAT,
    TYPE_STR,
    TYPE_BYTES,
    TYPE_LIST,
    TYPE_MAP,
    TYPE_TUPLE,
    TYPE_RANGE,
    TYPE_FUNCTION,
    TYPE_CLASS,
    TYPE_INSTANCE,
    TYPE_MODULE,
    TYPE_COROUTINE,
    TYPE_THREAD,
    TYPE_CHANNEL,
    TYPE_SET,
    TYPE_FROZENSET,
    TYPE_FOREIGN, /* its methods are its class's, not in type_methods */
    TYPE__COUNT
} TypeTag;

typedef struct mt_VM VM;
struct String;

/* value.c: truthiness, equality, ordering, type names and text. */
MT_INTERNAL bool mtv_truthy(Value v);
MT_INTERNAL int mtv_equal(VM *vm, Value a, Value b); /* 1, 0, or -1 with an error raised */
MT_INTERNAL TypeTag mtv_type(Value v);
MT_INTERNAL const char *mtv_type_name(Value v);
MT_INTERNAL const char *mtv_tag_name(TypeTag t);                      /* "int" for TYPE_INT... */
MT_INTERNAL struct String *mtv_to_string(VM *vm, Value v, bool repr); /* NULL: error raised */
MT_INTERNAL bool mtv_needs_callback(VM *vm, Value v);
MT_INTERNAL bool mtv_needs_repr_callback(VM *vm, Value v);
MT_INTERNAL int mtv_compare(VM *vm, Value a, Value b, int *out); /* <0,0,>0; false: error */

#endif
