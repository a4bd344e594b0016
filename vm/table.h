/*
** table.h — string-keyed hash tables (table.c): interning, methods, fields, module names
** and builtins. Keys are interned strings, compared by pointer.
*/
#ifndef MT_TABLE_H
#define MT_TABLE_H

#include "vm/object.h"

MT_INTERNAL void mtt_init(Table *t);
MT_INTERNAL void mtt_free(VM *vm, Table *t);
MT_INTERNAL bool mtt_get(const Table *t, String *key, Value *out);
MT_INTERNAL bool mtt_set(VM *vm, Table *t, String *key, Value v); /* true if new */
MT_INTERNAL bool mtt_delete(Table *t, String *key);
MT_INTERNAL void mtt_copy(VM *vm, Table *from, Table *to);
MT_INTERNAL String *mtt_find_string(Table *t, const char *chars, size_t len, uint32_t hash);
MT_INTERNAL void mtt_mark(VM *vm, Table *t);
MT_INTERNAL void mtt_remove_white(Table *t);

#endif
