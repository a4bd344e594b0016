/*
** map.h — Mt's map type (map.c): insertion-ordered, any hashable key.
*/
#ifndef MT_MAP_H
#define MT_MAP_H

#include "vm/object.h"

/* A new empty map with room for `cap` entries. */
MT_INTERNAL Map *mtm_new(VM *vm, uint32_t cap);
/* As mtm_new for an object of another type with the map's layout (OBJ_SET). */
MT_INTERNAL Map *mtm_new_of(VM *vm, uint32_t cap, ObjType type);

/* Looks key up: false if absent, or with *failed set if the key is unhashable (error
   raised). */
MT_INTERNAL bool mtm_get(VM *vm, Map *m, Value key, Value *out, bool *failed);
/* Whether key, whose hash is known (a member of another map or set), is in m. */
MT_INTERNAL bool mtm_has_hashed(Map *m, Value key, uint32_t hash);
MT_INTERNAL bool mtm_set(VM *vm, Map *m, Value key, Value v); /* false: error raised */
MT_INTERNAL bool mtm_delete(VM *vm, Map *m, Value key, Value *out, bool *failed);

/* Removes every entry (m.clear()). */
MT_INTERNAL void mtm_clear(VM *vm, Map *m);
MT_INTERNAL bool mtm_hash(VM *vm, Value key, uint32_t *hash); /* false: unhashable */
MT_INTERNAL void mtm_free(VM *vm, Map *m);
/* Keys whose class has a hash method (SPEC 3.12): the prelude calls the method and ==, and
   these do the rest with the hash it got. mtm_hash_of mixes a hash method's int; the keys
   stored with hash h; reading and storing with a known hash (the key as stored: identity). */
MT_INTERNAL uint32_t mtm_hash_of(int64_t h);
MT_INTERNAL List *mtm_hashed_keys(VM *vm, Map *m, uint32_t h);
MT_INTERNAL bool mtm_get_hashed(Map *m, Value key, uint32_t h, Value *out);
MT_INTERNAL void mtm_set_hashed(VM *vm, Map *m, Value key, uint32_t h, Value v);

/* Ints hash to themselves (folded to 32 bits), so runs of nearby keys land in nearby
   slots and a loop over them walks memory in order; the perturbed probing takes care of
   keys that agree in their low bits, such as multiples of a large power of two. */
static inline uint32_t mtm_int_hash(int64_t i) {
    uint64_t x = (uint64_t)i;
    return (uint32_t)(x ^ (x >> 32));
}

/* The next slot of a probe chain: perturbed by the hash's high bits (as in CPython). */
#define MTM_PROBE_NEXT(i, perturb, mask)                                                           \
    do {                                                                                           \
        (perturb) >>= 5;                                                                           \
        (i) = ((i)*5 + 1 + (perturb)) & (mask);                                                    \
    } while (0)

/* The entry whose key is the small int `key` itself, or NULL: the VM's inline m[k] for int
   keys, which leaves the rest (an absent key, or an equal float key stored first, as 1.0
   for 1) to the slow path. */
static inline MapNode *mtm_find_smallint(Map *m, Value key) {
    if (!m->index) return NULL;
    uint32_t h = mtm_int_hash(AS_SMALLINT(key)), i = h & m->mask, perturb = h;
    for (;;) {
        uint32_t at = m->index[i];
        if (at == MAP_SLOT_EMPTY) return NULL;
        if (at != MAP_SLOT_DELETED && m->nodes[at - 1].key == key) return &m->nodes[at - 1];
        MTM_PROBE_NEXT(i, perturb, m->mask);
    }
}

/* Iteration in insertion order: the live entries from position `at` on. */
static inline MapNode *mtm_from(Map *m, uint32_t at) {
    for (; at < m->end; at++)
        if (!IS_UNDEF(m->nodes[at].key)) return &m->nodes[at];
    return NULL;
}
static inline MapNode *mtm_first(Map *m) { return mtm_from(m, 0); }
static inline MapNode *mtm_after(Map *m, MapNode *n) {
    return mtm_from(m, (uint32_t)(n - m->nodes) + 1);
}
/* The entry added last, or NULL (deleting trims the holes at the end, so it is there). */
static inline MapNode *mtm_last(Map *m) { return m->end ? &m->nodes[m->end - 1] : NULL; }
#define MAP_FOREACH(m, node) for (MapNode *node = mtm_first(m); node; node = mtm_after(m, node))

#endif
