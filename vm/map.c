/*
** map.c — the insertion-ordered map behind `{k: v}`.
**
** CPython's compact layout: the entries (key, value, hash) are appended to an array in
** insertion order, and an index of 32-bit slots, open addressing at a load of at most 1/2,
** maps a hash to an entry's position. The index is small (4 bytes a slot), so a big map
** costs a third of a node table's memory, growth rebuilds only the index from one pass
** over the entries, and iteration and the collector read the entries in memory order.
** Probing is perturbed (as in CPython): the next slot mixes in the hash's high bits, so
** keys that agree in their low bits still spread. A deleted entry stays as a hole (and its
** slot as a tombstone) until the next rebuild, except at the end of the array, which is
** trimmed (so pop from the end stays O(1)). Numbers hash by value, so 1 and 1.0 are the
** same key.
*/
#include <math.h>

#include "vm/map.h"
#include "vm/set.h"
#include "vm/vm.h"
#include "vm/value.h"
#include "vm/object.h"
#include "vm/mem.h"
#include "vm/gc.h"
#include "vm/error.h"
#include "vm/state.h"
#include "vm/table.h"

Map *mtm_new(VM *vm, uint32_t cap) { return mtm_new_of(vm, cap, OBJ_MAP); }

/* Entries for an index of `slots` slots: the load of the index stays at most 1/2. */
static inline uint32_t entries_for(uint32_t slots) { return slots / 2; }

static size_t block_size(uint32_t slots) {
    return entries_for(slots) * sizeof(MapNode) + slots * sizeof(uint32_t);
}

/* Gives m an empty block of `slots` index slots (its old one, if any, is the caller's). */
static void alloc_block(VM *vm, Map *m, uint32_t slots) {
    MapNode *nodes = mtmem_alloc(vm, block_size(slots));
    m->nodes = nodes;
    m->index = (uint32_t *)(nodes + entries_for(slots));
    memset(m->index, 0, slots * sizeof(uint32_t)); /* MAP_SLOT_EMPTY */
    m->mask = slots - 1;
    m->count = m->end = m->used = 0;
}

/* The fewest slots (at least 8) whose entries hold `n`. */
static uint32_t slots_for(uint32_t n) {
    uint32_t slots = 8;
    while (entries_for(slots) < n) slots *= 2;
    return slots;
}

Map *mtm_new_of(VM *vm, uint32_t cap, ObjType type) {
    Map *m = (Map *)mto_alloc(vm, sizeof(Map), type);
    m->count = m->end = m->used = m->mask = 0;
    m->version = 0;
    m->nodes = NULL;
    m->index = NULL;
    if (cap) {
        mtgc_push_temp(vm, OBJ_VAL(m));
        alloc_block(vm, m, slots_for(cap));
        mtgc_pop_temp(vm, 1);
    }
    return m;
}

void mtm_free(VM *vm, Map *m) {
    if (m->nodes) mtmem_free(vm, m->nodes, block_size(m->mask + 1));
}

static inline uint32_t mix64(uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    return (uint32_t)x;
}

static bool hash_depth(VM *vm, Value key, uint32_t *hash, int depth);

/* A tuple's hash mixes its items' hashes in order (so (1, 2) and (2, 1) differ), and is
   kept in the tuple: items that are hashable never change their hash. */
static MT_NOINLINE bool hash_tuple(VM *vm, Tuple *t, uint32_t *hash, int depth) {
    if (t->obj.flags & TUPLE_HASHED) {
        *hash = t->obj.aux;
        return true;
    }
    if (depth > MT_MAX_NEST_DEPTH) {
        mte_throw(vm, ERR_RECURSION, "maximum nesting depth exceeded in hash");
        return false;
    }
    uint64_t h = 0x345678u + t->count;
    for (uint32_t i = 0; i < t->count; i++) {
        uint32_t ih;
        if (!hash_depth(vm, t->items[i], &ih, depth + 1)) return false;
        h = (h ^ ih) * 0x100000001b3ull + i;
    }
    t->obj.aux = mix64(h);
    t->obj.flags |= TUPLE_HASHED;
    *hash = t->obj.aux;
    return true;
}

bool mtm_hash(VM *vm, Value key, uint32_t *hash) { return hash_depth(vm, key, hash, 0); }

static bool hash_depth(VM *vm, Value key, uint32_t *hash, int depth) {
    if (IS_SMALLINT(key)) {
        *hash = mtm_int_hash(AS_SMALLINT(key));
        return true;
    }
    if (IS_DOUBLE(key)) {
        double d = AS_DOUBLE(key);
        if (d == floor(d) && d >= -9.2e18 && d <= 9.2e18) *hash = mtm_int_hash((int64_t)d);
        else *hash = mix64(key);
        return true;
    }
    if (IS_BIGINT(key)) {
        *hash = mtm_int_hash(*AS_BIGINT_CELL(key));
        return true;
    }
    if (!IS_OBJ(key)) {
        *hash = mix64(key);
        return true;
    }
    Obj *o = AS_OBJ(key);
    if (o->type == OBJ_STRING) {
        *hash = mto_string_hash((String *)o);
        return true;
    }
    if (o->type == OBJ_BYTES) {
        *hash = mto_bytes_hash((Bytes *)o);
        return true;
    }
    if (o->type == OBJ_SET && (o->flags & SET_FROZEN)) {
        *hash = mtset_hash((Map *)o);
        return true;
    }
    if (o->type == OBJ_TUPLE) return hash_tuple(vm, (Tuple *)o, hash, depth);
    if (o->type == OBJ_LIST || o->type == OBJ_MAP || o->type == OBJ_SET) {
        mte_throw(vm, ERR_TYPE, "unhashable type: '%s' cannot be a map key", mtv_type_name(key));
        return false;
    }
    if (o->type == OBJ_INSTANCE && ((Instance *)o)->klass->has_ops) {
        /* Equal keys must hash alike (SPEC 3.12): a class with == and no hash cannot make
           keys. A key with a hash method (Mt code) is found by the prelude (m[k], m[k] = v
           and `in`, through mtm_hashed_keys and the *_hashed functions below); the
           natives that take keys refuse it. */
        Class *k = ((Instance *)o)->klass;
        Value m;
        bool eq = mtt_get(&k->methods, vm->names.op_eq, &m);
        bool has_hash = mtt_get(&k->methods, vm->names.hash, &m);
        if (eq || has_hash) {
            mte_throw(vm, ERR_TYPE,
                      !has_hash ? "unhashable type: '%s' defines == but not hash"
                                : "a '%s' key (it has a hash method) can be used only with "
                                  "m[k], m[k] = v and in",
                      k->name->chars);
            return false;
        }
    }
    *hash = mix64((uint64_t)(uintptr_t)o);
    return true;
}

static inline bool key_equal(Value a, Value b);

/* Byte strings, tuples and frozensets are matched by content too (their keys are rarer
   than strings', so they are tested after them); a tuple's items as keys are, frozensets by
   their members. */
static MT_NOINLINE bool bytes_key_equal(Obj *x, Obj *y) {
    if (x->type != y->type) return false;
    if (x->type == OBJ_SET) return mtset_equal((Map *)x, (Map *)y);
    if (x->type == OBJ_TUPLE) {
        Tuple *s = (Tuple *)x, *t = (Tuple *)y;
        if (s->count != t->count) return false;
        for (uint32_t i = 0; i < s->count; i++)
            if (!key_equal(s->items[i], t->items[i])) return false;
        return true;
    }
    if (x->type != OBJ_BYTES) return false;
    Bytes *s = (Bytes *)x, *t = (Bytes *)y;
    return s->len == t->len && memcmp(s->data, t->data, s->len) == 0;
}

/* Key equality: numbers by value, strings and bytes by content, everything else by
   identity. */
static inline bool key_equal(Value a, Value b) {
    if (a == b) return true;
    if (IS_OBJ(a)) {
        if (!IS_OBJ(b)) return false;
        Obj *x = AS_OBJ(a), *y = AS_OBJ(b);
        if (x->type != OBJ_STRING || y->type != OBJ_STRING) return bytes_key_equal(x, y);
        String *s = (String *)x, *t = (String *)y;
        if ((x->flags & y->flags & STR_INTERNED)) return false;
        return s->len == t->len && memcmp(s->chars, t->chars, s->len) == 0;
    }
    if (IS_NUMBER(a) && IS_NUMBER(b)) {
        if (IS_INT(a) && IS_INT(b)) return AS_INT(a) == AS_INT(b);
        return AS_NUMBER(a) == AS_NUMBER(b);
    }
    return false;
}

/* The index slot of key, or NULL. */
static inline uint32_t *find_slot(Map *m, Value key, uint32_t h) {
    if (!m->index) return NULL;
    uint32_t i = h & m->mask, perturb = h;
    for (;;) {
        uint32_t at = m->index[i];
        if (at == MAP_SLOT_EMPTY) return NULL;
        if (at != MAP_SLOT_DELETED) {
            MapNode *n = &m->nodes[at - 1];
            if (n->hash == h && key_equal(n->key, key)) return &m->index[i];
        }
        MTM_PROBE_NEXT(i, perturb, m->mask);
    }
}

/* The entry holding key, or NULL. */
static inline MapNode *find(Map *m, Value key, uint32_t h) {
    uint32_t *slot = find_slot(m, key, h);
    return slot ? &m->nodes[*slot - 1] : NULL;
}

/* Points a free index slot on the probe chain of h at the entry in position `at`.
   Tombstones are not reused, so `used` bounds `end` and the entries never overflow. */
static inline void link_slot(Map *m, uint32_t h, uint32_t at) {
    uint32_t i = h & m->mask, perturb = h;
    while (m->index[i] != MAP_SLOT_EMPTY) MTM_PROBE_NEXT(i, perturb, m->mask);
    m->index[i] = at + 1;
    m->used++;
}

/* Appends a new key (known absent, with room for it) last in the order. */
static inline void place(Map *m, Value key, Value v, uint32_t h) {
    MapNode *n = &m->nodes[m->end];
    n->key = key;
    n->value = v;
    n->hash = h;
    link_slot(m, h, m->end++);
    m->count++;
}

/* Rebuilds the block with room for half as many entries again as the live ones (so that
   churn at a steady size rebuilds only every count/2 inserts), keeping the order and
   dropping the holes. */
static MT_NOINLINE void rebuild(VM *vm, Map *m) {
    uint32_t want = m->count + 1;
    MapNode *old = m->nodes;
    uint32_t old_end = m->end, old_slots = m->index ? m->mask + 1 : 0;
    alloc_block(vm, m, slots_for(want + want / 2));
    for (uint32_t at = 0; at < old_end; at++) {
        MapNode *o = &old[at];
        if (IS_UNDEF(o->key)) continue;
        m->nodes[m->end] = *o;
        link_slot(m, o->hash, m->end++);
    }
    m->count = m->end;
    if (old) mtmem_free(vm, old, block_size(old_slots));
}

bool mtm_has_hashed(Map *m, Value key, uint32_t hash) { return find(m, key, hash) != NULL; }

/* The hash of key, with the commonest keys (small ints, strings, tuples already hashed)
   inline: a call to hash_depth costs them about a tenth of m[k]. */
static inline bool hash_key(VM *vm, Value key, uint32_t *hash) {
    if (IS_SMALLINT(key)) {
        *hash = mtm_int_hash(AS_SMALLINT(key));
        return true;
    }
    if (IS_OBJ(key)) {
        Obj *o = AS_OBJ(key);
        if (o->type == OBJ_STRING) {
            *hash = mto_string_hash((String *)o);
            return true;
        }
        if (o->type == OBJ_TUPLE && (o->flags & TUPLE_HASHED)) {
            *hash = o->aux;
            return true;
        }
    }
    return mtm_hash(vm, key, hash);
}

bool mtm_get(VM *vm, Map *m, Value key, Value *out, bool *failed) {
    uint32_t h;
    *failed = false;
    if (!hash_key(vm, key, &h)) {
        *failed = true;
        return false;
    }
    MapNode *n = find(m, key, h);
    if (!n) return false;
    *out = n->value;
    return true;
}

/* Sets key (of hash h) to v; inlined in both setters, the hot path of m[k] = v. */
static inline void set_hashed(VM *vm, Map *m, Value key, uint32_t h, Value v) {
    MapNode *n = find(m, key, h);
    if (n) {
        n->value = v;
        return;
    }
    if (mt_unlikely(m->used >= entries_for(m->mask + 1))) { /* also with no block yet */
        mtgc_push_temp(vm, OBJ_VAL(m));
        mtgc_push_temp(vm, key);
        mtgc_push_temp(vm, v);
        rebuild(vm, m);
        mtgc_pop_temp(vm, 3);
    }
    place(m, key, v, h);
    m->version++;
}

bool mtm_set(VM *vm, Map *m, Value key, Value v) {
    uint32_t h;
    if (!hash_key(vm, key, &h)) return false;
    set_hashed(vm, m, key, h, v);
    return true;
}

bool mtm_delete(VM *vm, Map *m, Value key, Value *out, bool *failed) {
    uint32_t h;
    *failed = false;
    if (!hash_key(vm, key, &h)) {
        *failed = true;
        return false;
    }
    uint32_t *slot = find_slot(m, key, h);
    if (!slot) return false;
    MapNode *n = &m->nodes[*slot - 1];
    if (out) *out = n->value;
    *slot = MAP_SLOT_DELETED;
    n->key = UNDEF_VAL;
    n->value = NIL_VAL;
    while (m->end && IS_UNDEF(m->nodes[m->end - 1].key)) m->end--;
    m->count--;
    m->version++;
    return true;
}

void mtm_clear(VM *vm, Map *m) {
    mtm_free(vm, m);
    m->nodes = NULL;
    m->index = NULL;
    m->mask = 0;
    m->count = m->end = m->used = 0;
    m->version++;
}

/* {== Keys with a hash method (SPEC 3.12) ==} */

uint32_t mtm_hash_of(int64_t h) { return mtm_int_hash(h); }

List *mtm_hashed_keys(VM *vm, Map *m, uint32_t h) {
    List *out = mto_list(vm, 0);
    if (!m->index) return out;
    mtgc_push_temp(vm, OBJ_VAL(out));
    uint32_t i = h & m->mask, perturb = h;
    for (;;) {
        uint32_t at = m->index[i];
        if (at == MAP_SLOT_EMPTY) break;
        if (at != MAP_SLOT_DELETED && m->nodes[at - 1].hash == h)
            mto_list_push(vm, out, m->nodes[at - 1].key);
        MTM_PROBE_NEXT(i, perturb, m->mask);
    }
    mtgc_pop_temp(vm, 1);
    return out;
}

bool mtm_get_hashed(Map *m, Value key, uint32_t h, Value *out) {
    MapNode *n = find(m, key, h);
    if (!n) return false;
    *out = n->value;
    return true;
}

void mtm_set_hashed(VM *vm, Map *m, Value key, uint32_t h, Value v) {
    set_hashed(vm, m, key, h, v);
}
