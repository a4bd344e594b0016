/*
** table.c — open-addressing hash table keyed by interned strings. Keys compare by pointer,
** so lookups of attribute and global names are one hash probe and a pointer compare.
** Used for interning itself (compared by content there), class methods and field layouts,
** module names and builtins.
*/
#include "vm/table.h"
#include "vm/vm.h"
#include "vm/object.h"
#include "vm/mem.h"
#include "vm/gc.h"

#define TOMBSTONE TRUE_VAL

void mtt_init(Table *t) {
    t->count = 0;
    t->mask = 0;
    t->entries = NULL;
}

void mtt_free(VM *vm, Table *t) {
    if (t->entries) mtmem_free(vm, t->entries, (t->mask + 1) * sizeof(TableEntry));
    mtt_init(t);
}

static TableEntry *find(TableEntry *entries, uint32_t mask, String *key) {
    uint32_t i = key->obj.aux & mask;
    TableEntry *tomb = NULL;
    for (;;) {
        TableEntry *e = &entries[i];
        if (e->key == key) return e;
        if (e->key == NULL) {
            if (e->value != TOMBSTONE) return tomb ? tomb : e;
            if (!tomb) tomb = e;
        }
        i = (i + 1) & mask;
    }
}

bool mtt_get(const Table *t, String *key, Value *out) {
    if (t->entries == NULL) return false;
    TableEntry *e = find(t->entries, t->mask, key);
    if (e->key == NULL) return false;
    *out = e->value;
    return true;
}

/* Rehashes without tombstones: doubles only if the live keys need it. */
static void grow(VM *vm, Table *t) {
    uint32_t live = 0;
    if (t->entries)
        for (uint32_t i = 0; i <= t->mask; i++) live += t->entries[i].key != NULL;
    uint32_t cap = t->entries ? t->mask + 1 : 8;
    while ((live + 1) * 2 > cap) cap *= 2;
    TableEntry *entries = mtmem_alloc(vm, cap * sizeof(TableEntry));
    for (uint32_t i = 0; i < cap; i++) {
        entries[i].key = NULL;
        entries[i].value = UNDEF_VAL;
    }
    uint32_t count = 0;
    if (t->entries) {
        for (uint32_t i = 0; i <= t->mask; i++) {
            TableEntry *e = &t->entries[i];
            if (e->key == NULL) continue;
            TableEntry *d = find(entries, cap - 1, e->key);
            *d = *e;
            count++;
        }
        mtmem_free(vm, t->entries, (t->mask + 1) * sizeof(TableEntry));
    }
    t->entries = entries;
    t->mask = cap - 1;
    t->count = count;
}

bool mtt_set(VM *vm, Table *t, String *key, Value v) {
    if (t->entries == NULL || (t->count + 1) * 4 > (t->mask + 1) * 3) {
        /* Growing may collect (when memory is short): key and value may be fresh. */
        mtgc_push_temp(vm, OBJ_VAL(key));
        mtgc_push_temp(vm, v);
        grow(vm, t);
        mtgc_pop_temp(vm, 2);
    }
    mto_string_hash(key);
    TableEntry *e = find(t->entries, t->mask, key);
    bool is_new = e->key == NULL;
    if (is_new && e->value != TOMBSTONE) t->count++;
    e->key = key;
    e->value = v;
    return is_new;
}

bool mtt_delete(Table *t, String *key) {
    if (t->entries == NULL) return false;
    TableEntry *e = find(t->entries, t->mask, key);
    if (e->key == NULL) return false;
    e->key = NULL;
    e->value = TOMBSTONE;
    return true;
}

void mtt_copy(VM *vm, Table *from, Table *to) {
    if (from->entries == NULL) return;
    for (uint32_t i = 0; i <= from->mask; i++) {
        TableEntry *e = &from->entries[i];
        if (e->key) mtt_set(vm, to, e->key, e->value);
    }
}

/* Interning: find a string by content. */
String *mtt_find_string(Table *t, const char *chars, size_t len, uint32_t hash) {
    if (t->entries == NULL) return NULL;
    uint32_t i = hash & t->mask;
    for (;;) {
        TableEntry *e = &t->entries[i];
        if (e->key == NULL) {
            if (e->value != TOMBSTONE) return NULL;
        } else if (e->key->obj.aux == hash && e->key->len == len &&
                   memcmp(e->key->chars, chars, len) == 0) {
            return e->key;
        }
        i = (i + 1) & t->mask;
    }
}

void mtt_mark(VM *vm, Table *t) {
    if (t->entries == NULL) return;
    for (uint32_t i = 0; i <= t->mask; i++) {
        TableEntry *e = &t->entries[i];
        if (e->key == NULL) continue;
        mtgc_mark_obj(vm, &e->key->obj);
        mtgc_mark_value(vm, e->value);
    }
}

/* The intern table holds its strings weakly: drop the ones the collector did not reach. */
void mtt_remove_white(Table *t) {
    if (t->entries == NULL) return;
    for (uint32_t i = 0; i <= t->mask; i++) {
        TableEntry *e = &t->entries[i];
        if (e->key && !e->key->obj.marked) {
            e->key = NULL;
            e->value = TOMBSTONE;
        }
    }
}
