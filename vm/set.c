/*
** set.c — sets and frozensets over the map's nodes, and their operators.
**
** Every result is a new object; it is made with room for all of its members first, so that
** filling it never grows (and never allocates) while the operands are walked.
*/
#include "vm/set.h"
#include "vm/error.h"
#include "vm/gc.h"
#include "vm/map.h"
#include "vm/opcodes.h"
#include "vm/value.h"

Map *mtset_new(VM *vm, uint32_t cap, bool frozen) {
    Map *s = mtm_new_of(vm, cap, OBJ_SET);
    if (frozen) s->obj.flags |= SET_FROZEN;
    return s;
}

bool mtset_add(VM *vm, Map *s, Value v) { return mtm_set(vm, s, v, TRUE_VAL); }

bool mtset_subset(Map *x, Map *y) {
    if (x->count > y->count) return false;
    MAP_FOREACH(x, n)
    if (!mtm_has_hashed(y, n->key, n->hash)) return false;
    return true;
}

bool mtset_equal(Map *x, Map *y) { return x->count == y->count && mtset_subset(x, y); }

/* Members' hashes are mixed one by one and summed, so the order they were added in does not
   matter (two equal frozensets hash alike); the count is mixed in last. */
uint32_t mtset_hash(Map *s) {
    if (s->obj.flags & SET_HASHED) return s->obj.aux;
    uint32_t h = 0;
    MAP_FOREACH(s, n) {
        uint32_t x = n->hash * 0x9e3779b1u;
        h += (x ^ (x >> 15)) * 0x85ebca6bu;
    }
    h ^= s->count * 0xc2b2ae35u;
    s->obj.aux = h;
    s->obj.flags |= SET_HASHED;
    return h;
}

/* Adds a member known to be hashable (it is in another set) to a set made big enough. */
static void put(VM *vm, Map *r, Value v) { mtm_set(vm, r, v, TRUE_VAL); }

static Value set_op(VM *vm, int op, Map *a, Map *b) {
    bool frozen = a->obj.flags & SET_FROZEN;
    uint32_t cap = op == OP_BAND  ? (a->count < b->count ? a->count : b->count)
                   : op == OP_SUB ? a->count
                                  : a->count + b->count;
    Map *r = mtset_new(vm, cap, frozen);
    switch (op) {
    case OP_BOR:
        MAP_FOREACH(a, n) put(vm, r, n->key);
        MAP_FOREACH(b, n) put(vm, r, n->key);
        break;
    case OP_BAND:
        MAP_FOREACH(a, n)
        if (mtm_has_hashed(b, n->key, n->hash)) put(vm, r, n->key);
        break;
    case OP_SUB:
        MAP_FOREACH(a, n)
        if (!mtm_has_hashed(b, n->key, n->hash)) put(vm, r, n->key);
        break;
    default: /* OP_BXOR */
        MAP_FOREACH(a, n)
        if (!mtm_has_hashed(b, n->key, n->hash)) put(vm, r, n->key);
        MAP_FOREACH(b, n)
        if (!mtm_has_hashed(a, n->key, n->hash)) put(vm, r, n->key);
        break;
    }
    return OBJ_VAL(r);
}

/* m | n: m's entries, then n's (n's values win; a key of both keeps m's position). */
static Value map_merge(VM *vm, Map *m, Map *n) {
    Map *r = mtm_new(vm, m->count + n->count);
    MAP_FOREACH(m, e) mtm_set(vm, r, e->key, e->value);
    MAP_FOREACH(n, e) mtm_set(vm, r, e->key, e->value);
    return OBJ_VAL(r);
}

bool mtset_applies(int op, Value a, Value b) {
    if (IS_MAP(a)) return op == OP_BOR && IS_MAP(b);
    return IS_SET(a) && IS_SET(b) &&
           (op == OP_SUB || op == OP_BAND || op == OP_BOR || op == OP_BXOR);
}

bool mtset_arith(VM *vm, int op, Value a, Value b, Value *out) {
    *out = IS_MAP(a) ? map_merge(vm, AS_MAP(a), AS_MAP(b))
                     : set_op(vm, op, (Map *)AS_OBJ(a), (Map *)AS_OBJ(b));
    return true;
}

bool mtset_compare(VM *vm, int op, Value a, Value b, Value *out) {
    MT_UNUSED(vm);
    Map *x = (Map *)AS_OBJ(a), *y = (Map *)AS_OBJ(b);
    bool r;
    switch (op) {
    case OP_LE: r = mtset_subset(x, y); break;
    case OP_LT: r = x->count < y->count && mtset_subset(x, y); break;
    case OP_GE: r = mtset_subset(y, x); break;
    default: r = y->count < x->count && mtset_subset(y, x); break; /* OP_GT */
    }
    *out = BOOL_VAL(r);
    return true;
}
