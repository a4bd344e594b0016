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
