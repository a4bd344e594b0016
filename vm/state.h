/*
** state.h — struct mt_VM: the state one VM shares among all its fibers (heap, names,
** modules, scheduler, limits, host hooks). Per-execution state (stacks, frames, handlers
** in flight) lives in Fiber (fiber.h); each subsystem's functions are declared in its own
** header.
*/
#ifndef MT_STATE_H
#define MT_STATE_H

#include <signal.h>
#include <stdarg.h>

#include "include/mt.h"
#include "vm/error.h"
#include "vm/fiber.h"
#include "vm/mem.h"
#include "vm/value.h"

/* Interned names the VM looks up often. */
#define MT_COMMON_NAMES(X)                                                                         \
    X(init, "init")                                                                                \
    X(iter, "iter")                                                                                \
    X(next, "next")                                                                                \
    X(message, "message")                                                                          \
    X(enter, "enter")                                                                              \
    X(exit, "exit")                                                                                \
    X(str, "str")                                                                                  \
    X(repr, "repr")                                                                                \
    X(trace, "@trace")                                                                             \
    X(context, "@context")                                                                         \
    X(code, "code")                                                                                \
    X(main, "<main>")                                                                              \
    X(self, "self")                                                                                \
    X(module, "<module>") X(lambda, "<fn>") X(unmatchable, "@unmatchable") MT_OPERATOR_NAMES(X)

/* The names of operator methods (SPEC 5.9): the arithmetic ones in opcode order (OP_ADD to
   OP_SHR), then their reflected forms, so ops.c can index them by opcode. */
#define MT_OPERATOR_NAMES(X)                                                                       \
    X(op_add, "+")                                                                                 \
    X(op_sub, "-")                                                                                 \
    X(op_mul, "*")                                                                                 \
    X(op_div, "/")                                                                                 \
    X(op_idiv, "//") X(op_mod, "%") X(op_pow, "**") X(op_band, "&") X(op_bor, "|") X(op_bxor, "^") \
        X(op_shl, "<<") X(op_shr, ">>") X(op_radd, "r+") X(op_rsub, "r-") X(op_rmul, "r*")         \
            X(op_rdiv, "r/") X(op_ridiv, "r//") X(op_rmod, "r%") X(op_rpow, "r**")                 \
                X(op_rband, "r&") X(op_rbor, "r|") X(op_rbxor, "r^") X(op_rshl, "r<<")             \
                    X(op_rshr, "r>>") X(op_neg, "u-") X(op_bnot, "~") X(op_eq, "==") X(op_lt, "<") \
                        X(op_le, "<=") X(op_gt, ">") X(op_ge, ">=") X(op_get, "[]")                \
                            X(op_set, "[]=") X(hash, "hash") X(contains, "contains")               \
                                X(call, "call") X(doc, "doc")

typedef struct {
#define X(field, text) String *field;
    MT_COMMON_NAMES(X)
#undef X
} CommonNames;

/* A code point of a string and its byte offset (see mto_utf8_seek). */
#define MT_STR_CURSORS 4
typedef struct {
    String *s;
    uint32_t cp, byte;
} StrCursor;

typedef struct Scheduler Scheduler;
struct CompilerState;

struct mt_VM {
    Fiber *current; /* the fiber the interpreter loop is running */
    Fiber *main;    /* the main thread */
    Value error;    /* exception raised by a native, on its way to the unwinder */

    /* Memory and collector. */
    Mem mem;                /* the allocator: free lists, chunks, the limit (mem.h) */
    Obj *objects;           /* every object, newest first: what the sweeper walks */
    size_t bytes_allocated; /* live bytes counted so far */
    size_t next_gc;         /* the next collection is due past this many */
    Obj **gray;             /* the collector's work stack (host blocks: it must not fail) */
    size_t ngray, graycap;  /* its use and capacity */
    bool gray_overflow;     /* the gray stack could not grow: some marked objects are unscanned */
    Value temps[32];        /* values a native holds across an allocation */
    int ntemps;             /* how many temps are in use */
    int gc_pause;           /* >0: collections are postponed */
    bool gc_stress;         /* collect at every allocation */
    bool gc_running;        /* a collection is under way (no nested ones) */
    struct CompilerState *compiler; /* roots of an in-progress compile */

    /* Names and types. */
    Table strings;                   /* interned strings (weak) */
    Table builtins;                  /* name -> builtin value: every module falls back to these */
    Table modules;                   /* path -> Module */
    Table type_methods[TYPE__COUNT]; /* per builtin type, its methods (foreign classes keep theirs
                                        in the class) */
    Class *error_class[ERR__COUNT];  /* the error classes every VM makes, by ErrorKind */
    CommonNames names;               /* interned names the VM compares with often */
    Value memory_error;              /* preallocated, for when allocation fails */
    Value thread_exit_error; /* preallocated: a kill when there is no memory for its error */
    /* The library functions the VM itself calls, found once when the VM opens (api.c), so
       that the VM never looks the library up by name: str and repr (for f-strings of
       objects with user methods, written in Mt) and the prelude's _close (the body of a
       thread that closes a coroutine), and list (UNPACK and slice assignment collect other
       iterables with it). */
    struct {
        Value str, repr, close, list;
        Value range;     /* CALL_ITER knows it */
        Value coroutine; /* what a generator expression calls (compiled in as a constant) */
        Value map_get, map_set, map_has; /* keys with a hash method (SPEC 3.12) */
    } lib;
    Value argv; /* the list scripts see as argv */

    /* Limits and host hooks. */
    uint32_t max_frames;
    uint32_t max_resume_depth;       /* coroutines resuming coroutines: the longest resume chain */
    uint32_t nest_depth;             /* current depth of recursive C helpers (repr, ==) */
    mt_Config config;                /* the host's settings and callbacks, as given to mt_new */
    volatile sig_atomic_t attention; /* a signal or host request is waiting: check at safe points */
    volatile sig_atomic_t signal_pending; /* the signal mt_signal was asked to deliver (0: none) */

    Class **foreign;                /* the foreign classes registered in this VM (foreign.c) */
    uint32_t nforeign, foreign_cap; /* their count and capacity */

    Scheduler *sched;    /* run queue, timers, thread registry (sched.h) */
    uint64_t select_rng; /* select's PRNG state: fixed seed, so runs repeat */
    Module *main_module; /* the current run's main module */
    int exit_status;     /* the status the last run earned (mt_exit_status) */
    bool error_reported; /* an uncaught error was reported in this run (status 1 unless fixed) */
    uint32_t tail_base;  /* NATIVE_CALL: stack index of the rewritten call's slot 0 */
    Module *prelude;     /* stdlib parts written in Mt */
    char *out_buf;       /* buffered stdout (default writer), out_cap bytes from mtmem */
    size_t out_len, out_cap; /* bytes buffered and the buffer size */
    bool out_tty;            /* standard output is a terminal: flush at each newline */
    int out_errno;           /* a write to stdout failed (e.g. EPIPE): print raises IOError */
    /* The message of the last failed run, for the host (mt_last_error): a host block of
       compile_error_size bytes, or a static string when that is 0. */
    char *compile_error;       /* see above */
    size_t compile_error_size; /* see compile_error */
    bool compile_incomplete;   /* the last compile error was input ending too early (the REPL
                                  continues) */
    /* The last compile error's parts, for the host's error_fn. */
    int compile_line, compile_col;
    char compile_msg[320];

    /* The embedding API. */
    Native *native;       /* the native being called: the host trampoline finds the host's
                             function through it (args[0] is the receiver for methods) */
    struct ApiState *api; /* slots, handles, suspensions, host classes (api.h) */
    /* mt_step's budget: while `on`, every safe point counts a tick (vm->attention stays
       set), and the running thread is preempted when the ticks or the time run out. */
    struct {
        bool on;             /* a budget applies */
        bool spent;          /* it ran out: the scheduler returned to the host */
        uint64_t ticks_left; /* UINT64_MAX: no tick limit */
        double deadline;     /* mts_now() seconds; 0: no time limit */
        uint32_t clock_skip; /* the clock is read every 64 ticks */
    } budget;

    /* Where recent code-point lookups in non-ASCII strings landed, so that indexing them
       in a loop costs O(1) per step (object.c, mto_utf8_seek); most recent first. */
    StrCursor str_cursor[MT_STR_CURSORS];
};

#endif
