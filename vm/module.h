/*
** module.h — compiling source into modules, `import`, and the compile error kept for the
** host (module.c).
*/
#ifndef MT_MODULE_H
#define MT_MODULE_H

#include "vm/vm.h"

MT_INTERNAL Closure *mtmod_compile(VM *vm, Module *m, const char *src, size_t len, bool repl);
MT_INTERNAL char *mtmod_read_file(VM *vm, const char *path, size_t *len);
MT_INTERNAL void mtmod_set_compile_error(VM *vm, const char *msg, bool incomplete);
MT_INTERNAL void mtmod_set_static_error(VM *vm, const char *msg);
MT_INTERNAL void mtmod_take_compile_error(VM *vm, char *msg, size_t size, bool incomplete);
MT_INTERNAL void mtmod_clear_error(VM *vm);
MT_INTERNAL const char *mtmod_last_compile_error(VM *vm);
MT_INTERNAL Step mtmod_import(VM *vm, Fiber *f, String *name);

#endif
