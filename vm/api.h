/*
** api.h — the embedding API's state and the hooks the rest of the VM calls (api.c,
** api_value.c, api_native.c, api_thread.c).
**
** The host reaches values through slots: a stack of Values the API owns, whose current
** frame is [base, base + count). The host's own frame starts at 0; each native call and
** each completion callback opens a frame above it, holding the receiver and the
** arguments, and closes it when the native returns. Slots, handles, the threads that
** natives suspended and the fibers an mt_call interrupted are roots.
*/
#ifndef MT_API_INTERNAL_H
#define MT_API_INTERNAL_H

#include <setjmp.h>

#include "vm/foreign.h"
#include "vm/mem.h"
#include "vm/vm.h"

#define MT_MAX_HOST_CALLS 200 /* mt_call nested in natives nested in mt_call ... */

struct mt_Handle {
    struct mt_Handle *prev, *next; /* the VM's list of live handles */
    Value value;
};

struct mt_Suspension {
    struct mt_Suspension *prev, *next; /* the VM's list: their threads are roots */
    Fiber *thread;                     /* the thread waiting (WAIT_HOST) */
    mt_CancelFn cancel;                /* called if the thread is killed first */
    void *user_data;                   /* for cancel */
};

/* A host's foreign class: the ForeignOps the VM sees comes first, so a payload's ops lead
   back to the host's definition. */
typedef struct HostClass {
    ForeignOps ops;         /* the ops the VM uses (foreign.h) */
    struct HostClass *next; /* the VM's list */
    Class *klass;           /* the class in this VM */
    mt_ForeignClass def;    /* the host's definition (name copied below) */
    void *user_data;        /* for the constructor, methods and finalizer */
    char name[];            /* def.name points here */
} HostClass;

typedef struct ApiState {
    Value *slots;         /* the slot stack (host block of cap values) */
    uint32_t cap;         /* its size */
    uint32_t base, count; /* the current frame */
    /* The native running on the current frame: its pending error (UNDEF: none), what
       mt_raise and failed calls set and MT_NATIVE_ERROR raises. */
    Value pending;
    bool in_native;                  /* the current frame is a native's */
    const char *native_name;         /* that native's name, which argument errors give */
    Value *native_args;              /* that native's args on its fiber (its result slot) */
    mt_Handle *handles;              /* live handles */
    mt_Suspension *suspensions;      /* suspended natives not completed yet */
    Fiber *saved[MT_MAX_HOST_CALLS]; /* what each mt_call in progress interrupted */
    uint32_t ncalls;                 /* mt_calls in progress */
    Module *host;                    /* the host module (mt_exec's chunks, host globals) */
    String *result_name;             /* MT_CHUNK_RESULT, interned (kept: it is a root) */
    HostClass *classes;              /* foreign classes the host defined */
    mt_PollFd *fds;                  /* mt_step's report of the poller's fds */
    uint32_t fds_cap;                /* its size */
    char *text;                      /* mt_error_string's buffer (host block) */
    size_t text_cap;                 /* its size */
} ApiState;

/* Lifetime: made when the VM opens, freed last (after every object, whose finalizers
   need the host classes). */
MT_INTERNAL void mtapi_init(VM *vm);
MT_INTERNAL void mtapi_free(VM *vm);
MT_INTERNAL void mtapi_free_classes(VM *vm);

/* The collector's roots: slots, handles, suspended threads, interrupted fibers. */
MT_INTERNAL void mtapi_mark(VM *vm);

/* A thread suspended by a native is being killed or abandoned: its host operation is
   cancelled (the cancel callback) and the suspension forgotten. */
MT_INTERNAL void mtapi_cancel(VM *vm, Fiber *thread);

/* Out of memory in an API call: MT_MEMORY_ERROR, and MemoryError pending in a native. */
MT_INTERNAL mt_Status mtapi_no_memory(VM *vm);

/* Stores v in slot i of the current frame (which exists: the caller made sure). */
MT_INTERNAL void mtapi_store(VM *vm, int i, Value v);

/* Defines (or redefines) a builtin for the host, so that code already compiled sees it:
   see api_native.c. Raises MemoryError. */
MT_INTERNAL void mtapi_define_builtin(VM *vm, const char *name, Value v);

/* Records msg as mt_last_error (a static fallback when memory is short). */
MT_INTERNAL void mtapi_set_error(VM *vm, const char *fmt, ...) MT_PRINTF(2, 3);

/* Reports an uncaught error through the host's error_fn: false if there is none (the
   caller writes text to write_err instead). */
MT_INTERNAL bool mtapi_report_error(VM *vm, Value exc, Fiber *thread, const char *text);
/* Reports the last compile error through error_fn, if the host set one. */
MT_INTERNAL void mtapi_report_compile_error(VM *vm);

/* Runs `code` (a statement that does not leave the region: no return, break or goto) in a
   protected region: running out of memory inside it makes `st` MT_MEMORY_ERROR. A local
   that `code` assigns may be read afterwards only when st is still MT_OK (the region
   completed), which is why GCC's -Wclobbered, which cannot see that, is off in the files
   that use it (a pragma at their top; not here, so that the other files including this
   header keep the warning). */
#define GUARDED(vm, st, code)                                                                      \
    do {                                                                                           \
        MemJmp mj_;                                                                                \
        mtmem_enter(vm, &mj_);                                                                     \
        if (setjmp(mj_.buf) == 0) {                                                                \
            code;                                                                                  \
        } else {                                                                                   \
            mtmem_recover(vm, &mj_);                                                               \
            mtmem_handled(vm, &mj_);                                                               \
            vm->error = NIL_VAL;                                                                   \
            st = mtapi_no_memory(vm);                                                              \
        }                                                                                          \
        mtmem_leave(vm, &mj_);                                                                     \
    } while (0)

#endif
