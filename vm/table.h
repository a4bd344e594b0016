/*
** table.h — string-keyed hash tables (table.c): interning, methods, fields, module names
** and builtins. Keys are interned strings, compared by pointer.
*/
#ifndef MT_TABLE_H
#define MT_TABLE_H

#include "vm/object.h"

/* An empty table (no memory until the first insertion). */
MT_INTERNAL void mtt_init(Table *t);

/* Frees a table's entries (not the keys and values: the collector owns them). */
MT_INTERNAL void mtt_free(VM *vm, Table *t);

/* Looks a key up; false if absent. */
MT_INTERNAL bool mtt_get(const Table *t, String *key, Value *out);
MT_INTERNAL bool mtt_set(VM *vm, Table *t, String *key, Value v); /* true if new */
MT_INTERNAL bool mtt_delete(Table *t, String *key);

/* Adds every entry of `from` to `to` (a subclass copying its base's methods). */
MT_INTERNAL void mtt_copy(VM *vm, Table *from, Table *to);

/* The interned string with this text and hash, or NULL (interning's lookup). */
MT_INTERNAL String *mtt_find_string(Table *t, const char *chars, size_t len, uint32_t hash);

/* Marks every key and value of a table. */
MT_INTERNAL void mtt_mark(VM *vm, Table *t);

/* Drops entries whose key was not marked: the intern table is weak. */
MT_INTERNAL void mtt_remove_white(Table *t);

#endif
