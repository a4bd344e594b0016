/*
** compiler.h — source text to a Proto, in one pass.
*/
#ifndef MT_COMPILER_H
#define MT_COMPILER_H

#include "vm/common.h"

typedef struct mt_VM VM;
typedef struct Module Module;
typedef struct Proto Proto;

typedef struct {
    /* "file:line:col: msg\n  source\n  ^", or NULL. The VM owns it (it is the message
       mt_last_error returns) until the next compile error or run. */
    const char *message; /* the error text (file:line:col: message, line, caret) */
    bool incomplete;     /* the input ended inside a block, bracket or string (REPL) */
} CompileResult;

/* The hidden global of a host module where a chunk compiled in REPL mode leaves the value
   of each top-level expression statement. */
#define MT_CHUNK_RESULT "@result"

/* What a source is: an imported module or a host chunk (top-level names are module
   variables), a REPL entry (as a module, and the value of each top-level expression statement
   is stored in the global MT_CHUNK_RESULT), or a program's main script (a top-level `let` of a
   name no earlier code used is a local of the script: SPEC 6.1). */
typedef enum { MTC_MODULE, MTC_REPL, MTC_SCRIPT } CompileMode;

/* Compiles `src` as the top level of module `m`. Returns NULL on a compile error (see *res).
   Running out of memory is not a compile error: the compiler frees what it holds and raises
   MemoryError (longjmp to the caller's protected region). */
MT_INTERNAL Proto *mtc_compile(VM *vm, Module *m, const char *src, size_t len, CompileMode mode,
                               CompileResult *res);

/* Marks the objects of compiles in progress (the collector may run while compiling). */
MT_INTERNAL void mtc_mark_roots(VM *vm);

#endif
