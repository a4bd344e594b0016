/*
** map.c — the insertion-ordered map behind `{k: v}`.
**
** Entries live in an array in insertion order; deleting leaves a hole (key UNDEF) that a
** later resize squeezes out. Maps of up to 8 entries are searched linearly (hash first);
** bigger ones keep an open-addressing index of entry positions at load <= 1/2.
** Numbers hash by value, so 1 and 1.0 are the same key.
*/
#include <math.h>

#include "vm/vm.h"

#define SMALL_MAP 8
#define SLOT_EMPTY (-1)
#define SLOT_DELETED (-2)

Map *mtm_new(VM *vm, uint32_t cap) {
    Map *m = (Map *)mto_alloc(vm, sizeof(Map), OBJ_MAP);
    m->count = m->used = m->cap = 0;
    m->version = 0;
    m->entries = NULL;
    m->index = NULL;
    m->index_mask = 0;
    if (cap) {
        mtgc_push_temp(vm, OBJ_VAL(m));
        m->entries = mtmem_alloc(vm, cap * sizeof(MapEntry));
        m->cap = cap;
        mtgc_pop_temp(vm, 1);
    }
    return m;
}

void mtm_free(VM *vm, Map *m) {
    mtmem_free(vm, m->entries, m->cap * sizeof(MapEntry));
    if (m->index) mtmem_free(vm, m->index, (m->index_mask + 1) * sizeof(int32_t));
}

static inline uint32_t mix64(uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    return (uint32_t)x;
}

bool mtm_hash(VM *vm, Value key, uint32_t *hash) {
    if (IS_SMALLINT(key)) {
        *hash = mix64((uint64_t)AS_SMALLINT(key));
        return true;
    }
    if (IS_DOUBLE(key)) {
        double d = AS_DOUBLE(key);
        if (d == floor(d) && d >= -9.2e18 && d <= 9.2e18) *hash = mix64((uint64_t)(int64_t)d);
        else *hash = mix64(key);
        return true;
    }
    if (IS_BIGINT(key)) {
        *hash = mix64((uint64_t)*AS_BIGINT_CELL(key));
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
    if (o->type == OBJ_LIST || o->type == OBJ_MAP) {
        mte_throw(vm, ERR_TYPE, "unhashable type: '%s' cannot be a map key", mtv_type_name(key));
        return false;
    }
    *hash = mix64((uint64_t)(uintptr_t)o);
    return true;
}

/* Key equality: numbers by value, strings by content, everything else by identity. */
static inline bool key_equal(Value a, Value b) {
    if (a == b) return true;
    if (IS_OBJ(a)) {
        if (!IS_OBJ(b)) return false;
        Obj *x = AS_OBJ(a), *y = AS_OBJ(b);
        if (x->type != OBJ_STRING || y->type != OBJ_STRING) return false;
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

/* Position of the key's entry, or -1. */
static int32_t find_entry(Map *m, Value key, uint32_t h) {
    if (m->index == NULL) {
        for (uint32_t i = 0; i < m->used; i++) {
            MapEntry *e = &m->entries[i];
            if (e->hash == h && !IS_UNDEF(e->key) && key_equal(e->key, key)) return (int32_t)i;
        }
        return -1;
    }
    uint32_t i = h & m->index_mask;
    for (;;) {
        int32_t idx = m->index[i];
        if (idx == SLOT_EMPTY) return -1;
        if (idx >= 0) {
            MapEntry *e = &m->entries[idx];
            if (e->hash == h && key_equal(e->key, key)) return idx;
        }
        i = (i + 1) & m->index_mask;
    }
}

static void index_insert(Map *m, uint32_t h, int32_t pos) {
    uint32_t i = h & m->index_mask;
    while (m->index[i] >= 0) i = (i + 1) & m->index_mask;
    m->index[i] = pos;
}

/* Rebuilds the entry array without holes, at a capacity fit for `want` entries. */
static void resize(VM *vm, Map *m, uint32_t want) {
    uint32_t cap = m->cap < 4 ? 4 : m->cap;
    while (cap < want) cap *= 2;
    while (cap > 8 && cap / 4 > want) cap /= 2;
    MapEntry *entries = mtmem_alloc(vm, cap * sizeof(MapEntry));
    uint32_t n = 0;
    for (uint32_t i = 0; i < m->used; i++)
        if (!IS_UNDEF(m->entries[i].key)) entries[n++] = m->entries[i];
    mtmem_free(vm, m->entries, m->cap * sizeof(MapEntry));
    m->entries = entries;
    m->cap = cap;
    m->used = n;
    if (m->index) mtmem_free(vm, m->index, (m->index_mask + 1) * sizeof(int32_t));
    m->index = NULL;
    m->index_mask = 0;
    if (cap > SMALL_MAP) {
        uint32_t size = cap * 2;
        m->index = mtmem_alloc(vm, size * sizeof(int32_t));
        m->index_mask = size - 1;
        for (uint32_t i = 0; i < size; i++) m->index[i] = SLOT_EMPTY;
        for (uint32_t i = 0; i < n; i++) index_insert(m, entries[i].hash, (int32_t)i);
    }
}

bool mtm_get(VM *vm, Map *m, Value key, Value *out, bool *failed) {
    uint32_t h;
    *failed = false;
    if (!mtm_hash(vm, key, &h)) {
        *failed = true;
        return false;
    }
    int32_t pos = find_entry(m, key, h);
    if (pos < 0) return false;
    *out = m->entries[pos].value;
    return true;
}

bool mtm_set(VM *vm, Map *m, Value key, Value v) {
    uint32_t h;
    if (!mtm_hash(vm, key, &h)) return false;
    int32_t pos = find_entry(m, key, h);
    if (pos >= 0) {
        m->entries[pos].value = v;
        return true;
    }
    if (m->used == m->cap) {
        mtgc_push_temp(vm, key);
        mtgc_push_temp(vm, v);
        resize(vm, m, m->count + 1 > m->cap ? m->count + 1 : m->cap);
        if (m->used == m->cap) resize(vm, m, m->cap * 2);
        mtgc_pop_temp(vm, 2);
    }
    pos = (int32_t)m->used++;
    m->entries[pos].key = key;
    m->entries[pos].value = v;
    m->entries[pos].hash = h;
    if (m->index) index_insert(m, h, pos);
    m->count++;
    m->version++;
    return true;
}

bool mtm_delete(VM *vm, Map *m, Value key, Value *out, bool *failed) {
    uint32_t h;
    *failed = false;
    if (!mtm_hash(vm, key, &h)) {
        *failed = true;
        return false;
    }
    int32_t pos = find_entry(m, key, h);
    if (pos < 0) return false;
    if (out) *out = m->entries[pos].value;
    m->entries[pos].key = UNDEF_VAL;
    m->entries[pos].value = NIL_VAL;
    if (m->index) {
        uint32_t i = h & m->index_mask;
        while (m->index[i] != pos) i = (i + 1) & m->index_mask;
        m->index[i] = SLOT_DELETED;
    }
    m->count--;
    m->version++;
    if (m->count == 0) {
        m->used = 0;
        if (m->index)
            for (uint32_t i = 0; i <= m->index_mask; i++) m->index[i] = SLOT_EMPTY;
    }
    return true;
}

void mtm_clear(VM *vm, Map *m) {
    mtm_free(vm, m);
    m->entries = NULL;
    m->index = NULL;
    m->index_mask = 0;
    m->count = m->used = m->cap = 0;
    m->version++;
}
