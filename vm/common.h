/*
** common.h — build-wide tunables, visibility macros and small helpers.
** Every tunable is an #ifndef default so CMake (or an embedder) can override it.
*/
#ifndef MT_COMMON_H
#define MT_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Internal functions shared between files are hidden from the shared library. */
#if defined(__GNUC__)
#define MT_INTERNAL     __attribute__((visibility("hidden")))
#define mt_likely(x)    __builtin_expect(!!(x), 1)
#define mt_unlikely(x)  __builtin_expect(!!(x), 0)
#define MT_NOINLINE     __attribute__((noinline))
#define MT_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define MT_INTERNAL
#define mt_likely(x)   (x)
#define mt_unlikely(x) (x)
#define MT_NOINLINE
#define MT_PRINTF(f, a)
#endif

/* Computed-goto dispatch is the default wherever the compiler supports labels as values. */
#ifndef MT_COMPUTED_GOTO
#if defined(__GNUC__)
#define MT_COMPUTED_GOTO 1
#else
#define MT_COMPUTED_GOTO 0
#endif
#endif

/* Default recursion limit (frames per fiber); the embedder may change it per VM. */
#ifndef MT_DEFAULT_MAX_FRAMES
#define MT_DEFAULT_MAX_FRAMES 1000000
#endif

/* Coroutines resuming coroutines: each level costs a fiber and its frames on the heap, so
   the chain is bounded too (Lua and Python bound it by their C stack). */
#ifndef MT_DEFAULT_MAX_COROUTINE_DEPTH
#define MT_DEFAULT_MAX_COROUTINE_DEPTH 100000
#endif

/* The first collection happens after this many bytes; later ones at MT_GC_GROWTH x live. */
#ifndef MT_GC_INITIAL
#define MT_GC_INITIAL (4u << 20)
#endif
#ifndef MT_GC_GROWTH
#define MT_GC_GROWTH 2
#endif

/* Nesting limits that keep recursive C code (parser, repr, equality, marking) off the
   end of the C stack. */
#ifndef MT_MAX_PARSE_DEPTH
#define MT_MAX_PARSE_DEPTH 200
#endif
#ifndef MT_MAX_NEST_DEPTH
#define MT_MAX_NEST_DEPTH 1000
#endif

/* Long list and map displays and f-strings are built from chunks of at most this many
   stack values (256 items, 128 pairs, 256 pieces), so that their size is not bounded by the
   stack slots of one function and one nesting level of them costs no more stack than a
   call with 255 arguments. Shorter ones compile to a single LIST, MAP or BUILD_STRING. */
#ifndef MT_BUILD_CHUNK
#define MT_BUILD_CHUNK 256
#endif

/* Size-class free lists for small blocks. 0 hands every block to the host allocator, so
   that a sanitizer sees each one and an allocation-failure test can fail each one
   (tests/oom builds the library both ways). */
#ifndef MT_MEM_POOL
#define MT_MEM_POOL 1
#endif

/* Strings up to this many bytes are interned when they come from the compiler. */
#ifndef MT_MAX_LOCALS
#define MT_MAX_LOCALS 250
#endif
#ifndef MT_MAX_UPVALUES
#define MT_MAX_UPVALUES 250
#endif
/* Top-level lets a script may turn into locals (SPEC 6.1); the rest are module variables. */
#ifndef MT_MAX_SCRIPT_LOCALS
#define MT_MAX_SCRIPT_LOCALS 100
#endif

#define MT_UNUSED(x) ((void)(x))

#endif
