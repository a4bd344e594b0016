/*
** fiber.c — execution contexts: creation, stack growth and upvalues.
**
** A fiber starts with its first frame and just enough slots for its function stored inside
** the fiber object itself, so a parked thread is one small allocation. Past that, frames
** and stack share one heap block (frames first), which moves whenever either doubles;
** frames and open upvalues point into the stack, so they are re-based when it moves.
*/
#include "vm/fiber.h"
#include "vm/vm.h"
#include "vm/object.h"
#include "vm/mem.h"
#include "vm/gc.h"

/* SPEC 8.9 quotes this size: change the two together. */
_Static_assert(sizeof(void *) != 8 || sizeof(Fiber) == 112, "a fiber's header is 112 bytes");
/* The stack follows the frames' capacity in one block (mtf_stack): the inline storage is
   one frame, then the slots. */
_Static_assert(sizeof(Frame) % sizeof(Value) == 0, "slots after frames stay aligned");

static Frame *inline_frames(Fiber *f) { return (Frame *)(void *)f->storage; }
static Value *inline_slots(Fiber *f) {
    return (Value *)(void *)((char *)f->storage + sizeof(Frame));
}

size_t mtf_object_size(Fiber *f) {
    return sizeof(Fiber) + sizeof(Frame) + f->inline_slots * sizeof(Value);
}

/* Creates a fiber whose stack holds [callee, args...], ready for its first resume. A closure's
   fiber gets exactly the slots its function needs (maxstack counts every push, and a call
   grows the stack when it needs more), so a thread parked in its first function is one
   allocation of 112 + 24 + 8 x maxstack bytes. */
Fiber *mtf_new(VM *vm, Value callee, Value *args, int argc, bool thread) {
    size_t need = (size_t)argc + 2;
    if (IS_CLOSURE(callee)) {
        size_t want = (size_t)AS_CLOSURE(callee)->proto->maxstack;
        need = (size_t)argc + 1;
        if (want > need) need = want;
    } else if (need < 4) {
        need = 4;
    }
    if (need > 64) need = 64;
    /* The size class rounds to 16 bytes: a slot that fits in the rounding is free. */
    if ((sizeof(Fiber) + sizeof(Frame) + need * sizeof(Value)) % 16 && need < 64) need++;
    size_t size = sizeof(Fiber) + sizeof(Frame) + need * sizeof(Value);
    Fiber *f = (Fiber *)mto_alloc(vm, size, OBJ_FIBER);
    memset((char *)f + sizeof(Obj), 0, sizeof(Fiber) - sizeof(Obj));
    f->inline_slots = (uint8_t)need;
    f->frames = inline_frames(f);
    f->frames_cap = 1;
    f->stack_end = inline_slots(f) + need;
    f->top = inline_slots(f);
    f->state = FIBER_NEW;
    f->pending = UNDEF_VAL;
    f->wait.value = NIL_VAL;
    if (thread) f->obj.flags |= FIBER_THREAD;
    /* Arguments may live on another fiber's stack (GC-rooted there). */
    if ((size_t)argc + 1 > need) {
        mtgc_push_temp(vm, OBJ_VAL(f));
        mtf_ensure_stack(vm, f, (size_t)argc + 1);
        mtgc_pop_temp(vm, 1);
    }
    *f->top++ = callee;
    for (int i = 0; i < argc; i++) *f->top++ = args[i];
    return f;
}

/* Whether f's frames and stack still live in the object (else in one heap block). */
static bool is_inline(Fiber *f) { return f->frames == inline_frames(f); }

/* Bytes of f's heap block: its frames' capacity, then its stack's. */
static size_t block_size(Fiber *f) {
    return f->frames_cap * sizeof(Frame) + (size_t)(f->stack_end - mtf_stack(f)) * sizeof(Value);
}

/* Moves f's frames and stack into a new block of `fcap` frames then `scap` slots: frame
   bases and open upvalues follow the slots. Nothing changes if the allocation fails. */
static void relayout(VM *vm, Fiber *f, uint32_t fcap, size_t scap) {
    Value *old = mtf_stack(f);
    size_t used = (size_t)(f->top - old);
    Frame *frames = mtmem_alloc(vm, fcap * sizeof(Frame) + scap * sizeof(Value));
    Value *stack = (Value *)(void *)(frames + fcap);
    memcpy(frames, f->frames, f->nframes * sizeof(Frame));
    memcpy(stack, old, used * sizeof(Value));
    for (uint32_t i = 0; i < f->nframes; i++) {
        Frame *fr = &frames[i];
        frame_set(fr, stack + (frame_base(fr) - old), frame_flags(fr));
    }
    for (Upvalue *u = f->open_upvalues; u; u = u->next_open)
        u->location = stack + (u->location - old);
    if (!is_inline(f)) mtmem_free(vm, f->frames, block_size(f));
    f->frames = frames;
    f->frames_cap = fcap;
    f->top = stack + used;
    f->stack_end = stack + scap;
}

/* Makes room for `needed` more slots above top. */
bool mtf_ensure_stack(VM *vm, Fiber *f, size_t needed) {
    if ((size_t)(f->stack_end - f->top) >= needed) return true;
    size_t used = (size_t)(f->top - mtf_stack(f));
    size_t ncap = (size_t)(f->stack_end - mtf_stack(f)) * 2;
    while (ncap < used + needed) ncap *= 2;
    relayout(vm, f, f->frames_cap, ncap);
    return true;
}

bool mtf_grow_frames(VM *vm, Fiber *f) {
    uint32_t cap = f->frames_cap * 2;
    if (cap < 8) cap = 8;
    if (cap > vm->max_frames) cap = vm->max_frames; /* so CALL's fast path need not test it */
    relayout(vm, f, cap, (size_t)(f->stack_end - mtf_stack(f)));
    return true;
}

/* Frees heap stacks of a finished fiber: its handle may live on, its stack need not. */
void mtf_release_stack(VM *vm, Fiber *f) {
    if (!is_inline(f)) mtmem_free(vm, f->frames, block_size(f));
    f->frames = inline_frames(f);
    f->frames_cap = 1;
    f->nframes = 0;
    f->stack_end = inline_slots(f) + f->inline_slots;
    f->top = inline_slots(f);
    f->open_upvalues = NULL;
}

/* {== Upvalues ==} */

Upvalue *mtf_capture(VM *vm, Fiber *f, Value *slot) {
    Upvalue *prev = NULL, *u = f->open_upvalues;
    while (u && u->location > slot) {
        prev = u;
        u = u->next_open;
    }
    if (u && u->location == slot) return u;
    Upvalue *n = mto_upvalue(vm, slot);
    n->next_open = u;
    if (prev) prev->next_open = n;
    else f->open_upvalues = n;
    return n;
}

void mtf_close_upvalues(Fiber *f, Value *from) {
    while (f->open_upvalues && f->open_upvalues->location >= from) {
        Upvalue *u = f->open_upvalues;
        u->closed = *u->location;
        u->location = &u->closed;
        f->open_upvalues = u->next_open;
    }
}
