/*
** fiber.h — execution contexts. A Fiber owns a value stack and a frame stack on the heap;
** the interpreter never recurses on the C stack for a Mt-to-Mt call, so switching
** coroutines or threads is just changing which Fiber the loop runs.
**
** A Fiber is either a coroutine or the root of a thread. A thread's fiber is also the
** thread's handle (`spawn` returns it): handles are weak for the collector, so a thread that
** nothing can wake is found, revived and killed even while some variable still names it.
*/
#ifndef MT_FIBER_H
#define MT_FIBER_H

#include "vm/object.h"

/* What kind of call a frame is, in bits 0-1 of its tagged base (one kind per frame). */
#define FRAME_CTOR     1 /* constructor: the call's value is base[0], the new instance */
#define FRAME_MODULE   2 /* module top level: the call's value is the module */
/* An operator method called by an instruction (ops.c): when it returns, the instruction
   that called it is finished with its result (stored in a local, negated, a branch...). */
#define FRAME_OPERATOR 3
#define FRAME_KIND     3
/* The fiber's first frame: returning from it ends the fiber. A flag, so that RETURN's
   common case (a plain call returning to its caller) tests one word. */
#define FRAME_BOTTOM   4

/* A call frame. Its slot 0 (the callee, or self for methods) is 8-byte aligned, so the
   FRAME_* flags ride in the low bits of that pointer: 24 bytes a frame, which is what a
   parked thread and a deep recursion pay. Use frame_base / frame_flags / frame_set. */
typedef struct Frame {
    Closure *closure;      /* the function the frame runs */
    const Instr *ip;       /* the next instruction (stored when the loop leaves the frame) */
    uintptr_t tagged_base; /* slot 0 of the frame, with the FRAME_* flags in its low bits */
} Frame;

#define FRAME_FLAG_BITS ((uintptr_t)7)

/* A frame's slot 0, its FRAME_* flags (a kind and FRAME_BOTTOM), and setting both. */
static inline Value *frame_base(const Frame *f) {
    return (Value *)(f->tagged_base & ~FRAME_FLAG_BITS);
}
static inline uint32_t frame_flags(const Frame *f) {
    return (uint32_t)(f->tagged_base & FRAME_FLAG_BITS);
}
static inline uint32_t frame_kind(const Frame *f) { return frame_flags(f) & FRAME_KIND; }
static inline void frame_set(Frame *f, Value *base, uint32_t flags) {
    f->tagged_base = (uintptr_t)base | flags;
}

typedef enum {
    FIBER_NEW,       /* created; stack holds [callee, args...] */
    FIBER_RUNNABLE,  /* thread: in the run queue */
    FIBER_RUNNING,   /* on the current resume chain */
    FIBER_SUSPENDED, /* coroutine: stopped at a yield */
    FIBER_PARKED,    /* thread: waiting on a channel, timer, join or fd */
    FIBER_DONE,      /* returned */
    FIBER_FAILED,    /* ended by an error (coroutines) or by an Exit (threads) */
} FiberState;

/* How a coroutine hands control back to its resumer. */
typedef enum { RESUME_CALL, RESUME_NEXT, RESUME_CLOSE } ResumeMode;

/* What a parked thread waits for (for wake-ups, liveness and deadlock reports). */
typedef enum {
    WAIT_NONE,
    WAIT_SEND,
    WAIT_RECV,
    WAIT_SELECT,
    WAIT_JOIN,
    WAIT_SLEEP,
    WAIT_FD,   /* an fd to be ready (poll.h) */
    WAIT_HOST, /* a native suspended it until the host completes it (mt_suspend) */
} WaitKind;

typedef struct Fiber Fiber;

/* One entry in a channel's wait queue (also the run-queue and join-list link). A fiber
   embeds one for plain send/recv. 16 bytes, which a million parked threads pay. */
typedef struct Waiter {
    struct Waiter *next;
    Value value; /* the value to send (nil for a receive), or WAIT_FOR_LOOP */
} Waiter;

/* Marker (never a value of the language) in a waiter's value: a receive by `for v in ch`
   (its loop ends when the channel closes). */
#define WAIT_FOR_LOOP ((Value)(MT_QNAN | ((uint64_t)1 << 40)))

/* A channel's queues link their entries through each entry's first word, the link to the
   next one. A fiber's own Waiter is linked by its address. A select's channel case waits
   with a link word alone (8 bytes): the thread's own Waiter holds two, a select block
   (select.h) the rest. Such a link is the word's address tagged with LINK_SELECT, the
   case's index, the word's position among the select's words, and LINK_BLOCK if the words
   are in a block. Only channel.c and select.c meet tagged links: the run queue and the
   join lists hold plain Waiters. */
#define LINK_SELECT     ((uintptr_t)1 << 63)
#define LINK_BLOCK      ((uintptr_t)1 << 62)
#define LINK_CASE_SHIFT 48 /* 6 bits: the case (< 64) */
#define LINK_WORD_SHIFT 54 /* 6 bits: the word's position */
#define LINK_ADDRESS    ((uintptr_t)0x0000ffffffffffff)

/* The link of case `i` whose link word is words[pos]. */
static inline Waiter *select_link(Waiter **words, uint32_t pos, uint32_t i, bool in_block) {
    return (Waiter *)((uintptr_t)(words + pos) | LINK_SELECT | (in_block ? LINK_BLOCK : 0) |
                      (uintptr_t)pos << LINK_WORD_SHIFT | (uintptr_t)i << LINK_CASE_SHIFT);
}
static inline bool is_select_waiter(const Waiter *w) { return (uintptr_t)w & LINK_SELECT; }
static inline uint32_t select_waiter_case(const Waiter *w) {
    return (uint32_t)((uintptr_t)w >> LINK_CASE_SHIFT) & 63;
}
/* The word that holds the link after w (a Waiter's `next`, or a select's link word). */
static inline Waiter **waiter_link(Waiter *w) {
    return (Waiter **)(void *)((uintptr_t)w & LINK_ADDRESS);
}

#define FIBER_THREAD             1  /* root of a thread (obj.flags) */
#define FIBER_MAIN               2  /* the program's main thread */
#define FIBER_KILLED             4  /* ThreadExit was delivered or is pending */
#define FIBER_REPORTED           8  /* its error was reported (or someone joined it) */
#define FIBER_JOINED             32 /* threads wait in join() on it (the scheduler's joins) */
#define FIBER_DEFER              64 /* woken with a value it has not run to take yet (see deliver_exit) */
#define FIBER_CLOSER             128 /* a thread made to close a coroutine (program end, collector) */
/* Stopped at a safe point, between two instructions: the top frame's ip is the instruction
   to run next, so its pc (for handler lookup and tracebacks) is ip itself, not ip - 1. */
#define FIBER_AT_SAFE_POINT      256
/* Thread: its held exit arrived while a value was in transit to it (FIBER_DEFER), so it
   waits for the next suspension point (a kill never loses a message). */
#define FIBER_HOLD_TO_SUSPENSION 512
/* Coroutine: close() found it suspended inside cleanup; the ThreadExit of the close is
   raised when that cleanup ends. */
#define FIBER_CLOSE_HELD         1024
/* Thread: the collector found it garbage (a mark for the current collection only). */
#define FIBER_GARBAGE            2048
/* A thread root made by mt_call to run one call to its end, nested in the C stack: it is
   never queued or registered, and it may not wait (the host is waiting for it). */
#define FIBER_HOSTCALL           4096

/* Pending errors the collector requests; made into error objects when raised (the
   collector itself cannot allocate). */
#define PENDING_THREAD_EXIT ((Value)(MT_QNAN | 16))
#define PENDING_DEADLOCK    ((Value)(MT_QNAN | 17))
/* The thread's held exit (exit_held) is due when it resumes: raise it then. */
#define PENDING_HELD_EXIT   ((Value)(MT_QNAN | 18))
/* Not an error: the fiber was switched away at a safe point (FIBER_AT_SAFE_POINT), which
   it leaves when it resumes. Kept here so that resuming checks one field. */
#define PENDING_SAFE_POINT  ((Value)(MT_QNAN | 19))
/* Not an error: a native returned NATIVE_RETRY; when the fiber resumes, the call in its
   thread's wait.value (a native, or a foreign object for its `next`) runs again with its
   arguments, still on the stack (mtcall_retry). Their count rides in bits 16-47. */
#define PENDING_RETRY       ((Value)(MT_QNAN | 20))
static inline Value pending_retry(uint32_t argc) { return PENDING_RETRY | ((Value)argc << 16); }
static inline bool is_pending_retry(Value v) {
    return (v & ~((Value)0xFFFFFFFF << 16)) == PENDING_RETRY;
}
static inline uint32_t pending_retry_argc(Value v) { return (uint32_t)(v >> 16); }

/* An Exit delivered to a thread from outside it (a kill, shutdown, a signal for main) and
   not raised yet: a thread holds it while it may not be raised (sched.c, exit_due). */
typedef enum {
    HELD_NONE,
    HELD_THREAD_EXIT, /* ThreadExit */
    HELD_INTERRUPT,   /* Interrupt (SIGINT) */
    HELD_SYSTEM_EXIT, /* SystemExit with code exit_code (SIGTERM and other signals) */
} HeldExit;

struct Fiber {
    Obj obj;
    /* The frames and the value stack share one block, frames first: the stack starts
       right after the frames' capacity (mtf_stack), inside the object at first. */
    Frame *frames;                /* the call frames, innermost last */
    Value *top, *stack_end;       /* the value stack: slots in use end at top */
    uint32_t nframes, frames_cap; /* frames in use and allocated */
    Upvalue *open_upvalues;       /* upvalues still pointing into the stack, highest slot first */
    /* Fields that only one kind of fiber uses share storage. Walks up a resume chain
       (via resumer) stop at the thread root. */
    union {
        Fiber *resumer; /* coroutine: who resumed it, while RUNNING */
        Fiber *active;  /* thread: innermost fiber of its resume chain */
    };
    union {
        Waiter wait; /* run-queue / channel-queue link and transfer value */
        /* thread, WAIT_SELECT: the queue links of a select's first two channel cases */
        Waiter *select_links[2];
    };
    union {
        Value pending; /* an exception to raise when the fiber next runs (kill, deadlock) */
        Value result;  /* thread, once finished: its value or error */
    };
    union {
        Obj *wait_obj;      /* thread: what it waits on while parked (a channel, a thread) */
        struct Select *sel; /* thread, WAIT_SELECT: its select block, or NULL (select.h) */
        Fiber *thread;      /* coroutine: the thread it runs on, while RUNNING */
    };
    union {
        uint32_t spawn_site;   /* thread: where it was spawned, an index in the scheduler's
                                  spawn sites + 1 (0: not spawned by Mt code) */
        uint32_t resume_depth; /* coroutine, while RUNNING: its depth in the resume chain */
    };
    uint32_t id;              /* thread: its id (spawn order); coroutine: its creation order */
    uint32_t timer_slot;      /* index in the timer heap + 1, or 0 */
    uint8_t state, wait_kind; /* FiberState; a parked thread's WaitKind */
    union {
        uint8_t mode;      /* coroutine: how it returns to its resumer (ResumeMode) */
        uint8_t exit_held; /* thread: the HeldExit it holds, or HELD_NONE (a held
                              HELD_SYSTEM_EXIT, only ever main's, has its status in the
                              scheduler: held_exit_code) */
    };
    uint8_t inline_slots; /* value slots in the storage after the struct (<= 64), after the
                             one inline frame */
    /* A thread's position in the scheduler's registry lives in obj.aux (thread.c): every
       byte here is paid by each of a million parked threads (SPEC 8.9). */
    Value storage[]; /* one inline frame, then inline_slots slots */
};

/* The first slot of f's value stack: right after its frames' capacity. */
static inline Value *mtf_stack(const Fiber *f) {
    return (Value *)(void *)(f->frames + f->frames_cap);
}

/* The pc of frame `index` of f: the instruction it is executing (a call, a suspension),
   or for a fiber stopped at a safe point, the instruction its top frame runs next. */
static inline uint32_t mtf_pc(const Fiber *f, uint32_t index) {
    const Frame *fr = &f->frames[index];
    uint32_t pc = (uint32_t)(fr->ip - fr->closure->proto->code);
    if (index + 1 == f->nframes && (f->obj.flags & FIBER_AT_SAFE_POINT)) return pc;
    return pc - 1;
}

/* The thread a waiter belongs to. A select's link words are its thread's select_links
   or, in a block, follow its thread pointer. */
static inline Fiber *waiter_fiber(Waiter *w) {
    if (!is_select_waiter(w)) return (Fiber *)(void *)((char *)w - offsetof(Fiber, wait));
    Waiter **first = waiter_link(w) - (((uintptr_t)w >> LINK_WORD_SHIFT) & 63);
    if ((uintptr_t)w & LINK_BLOCK) return ((Fiber **)(void *)first)[-1];
    return (Fiber *)(void *)((char *)first - offsetof(Fiber, select_links));
}

static inline Fiber *AS_FIBER(Value v) { return (Fiber *)AS_OBJ(v); }
#define IS_FIBER(v) IS_OBJ_TYPE(v, OBJ_FIBER)

/* {== Fibers (fiber.c) ==} */

/* A fiber whose stack holds [callee, args...], ready for its first resume: a thread's root
   (`thread`) or a coroutine. */
MT_INTERNAL Fiber *mtf_new(VM *vm, Value callee, Value *args, int argc, bool thread);

/* Makes room for `needed` more slots above top, moving the stack and the frames (their
   bases and open upvalues follow): a Frame pointer does not survive it. */
MT_INTERNAL bool mtf_ensure_stack(VM *vm, Fiber *f, size_t needed);

/* Doubles a fiber's frame array, which moves the stack too: a stack pointer does not
   survive it. */
MT_INTERNAL bool mtf_grow_frames(VM *vm, Fiber *f);

/* Closes the open upvalues at or above `from` (a frame returning or a scope ending): they
   keep their values after the slots go. */
MT_INTERNAL void mtf_close_upvalues(Fiber *f, Value *from);

/* The open upvalue for a stack slot, made if new (closures share it). */
MT_INTERNAL Upvalue *mtf_capture(VM *vm, Fiber *f, Value *slot);

/* Frees a finished fiber's heap stack and frames: its handle may live on, its stack need
   not. */
MT_INTERNAL void mtf_release_stack(VM *vm, Fiber *f);

/* The bytes a fiber object was allocated with (its inline storage included). */
MT_INTERNAL size_t mtf_object_size(Fiber *f);

#endif
