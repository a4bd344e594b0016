/*
** module.h — compiling source into modules, `import`, and the compile error kept for the
** host (module.c).
*/
#ifndef MT_MODULE_H
#define MT_MODULE_H

#include "compiler/compiler.h"
#include "vm/vm.h"

/* Compiles source into a closure for module m. A compile error returns NULL with the
   message kept for the host; running out of memory raises. */
MT_INTERNAL Closure *mtmod_compile(VM *vm, Module *m, const char *src, size_t len,
                                   CompileMode mode);

/* Reads a whole file into a host block (NULL with errno set). */
MT_INTERNAL char *mtmod_read_file(VM *vm, const char *path, size_t *len);

/* Keeps a copy of msg as the last compile error (incomplete: the input ended too early,
   for the REPL). */
MT_INTERNAL void mtmod_set_compile_error(VM *vm, const char *msg, bool incomplete);

/* Keeps a message that needs no memory (when there is none). */
MT_INTERNAL void mtmod_set_static_error(VM *vm, const char *msg);

/* Takes over msg (a host block of `size` bytes, or NULL) as the last compile error. */
MT_INTERNAL void mtmod_take_compile_error(VM *vm, char *msg, size_t size, bool incomplete);

/* Forgets the last compile error (a new run). */
MT_INTERNAL void mtmod_clear_error(VM *vm);

/* The last compile error, or "". */
MT_INTERNAL const char *mtmod_last_compile_error(VM *vm);

/* `import name` from fiber f: the module (cached), or a frame running its top level. */
MT_INTERNAL Step mtmod_import(VM *vm, Fiber *f, String *name);

#endif
