/*
** error.c — error classes, raising from C, the unwinder and tracebacks.
**
** Errors are instances of classes derived from Error or Exit. An error carries its message,
** a Trace (the frames it passed through, innermost first) in the hidden field @trace, and
** the error that was being handled when it was raised in @context.
**
** Unwinding walks the fiber's frames from the top: each function has a handler table
** (pc ranges -> landing pad), so the non-exceptional path costs nothing.
*/
#include <stdio.h>
#include <stdlib.h>

#include "vm/error.h"
#include "vm/api.h"
#include "vm/out.h"
#include "vm/vm.h"
#include "vm/opcodes.h"
#include "vm/coro.h"
#include "vm/sched.h"
#include "vm/thread.h"
#include "vm/value.h"
#include "vm/table.h"
#include "vm/state.h"
#include "vm/object.h"
#include "vm/mem.h"
#include "vm/gc.h"
#include "vm/fiber.h"

/* {== Messages of the C library ==} */

const char *mte_strerror(int err, char *buf, size_t size) {
#if defined(__GLIBC__) && defined(_GNU_SOURCE)
    return strerror_r(err, buf, size); /* the GNU form: a static string, or text in buf */
#else
    if (strerror_r(err, buf, size) != 0) snprintf(buf, size, "error %d", err);
    return buf;
#endif
}

/* {== Classes ==} */

static int error_init(VM *vm, Value *args, int argc) {
    Value msg = argc >= 1 && !IS_UNDEF(args[1]) ? args[1] : OBJ_VAL(mto_intern_z(vm, ""));
    if (!IS_INSTANCE(args[0])) return mte_throw(vm, ERR_TYPE, "init() needs an error instance");
    if (!IS_STRING(msg)) {
        String *s = mtv_to_string(vm, msg, false);
        if (!s) return NATIVE_ERROR;
        msg = OBJ_VAL(s);
    }
    mto_instance_set(vm, AS_INSTANCE(args[0]), vm->names.message, msg);
    args[0] = NIL_VAL;
    return NATIVE_OK;
}

/* Makes error class k a builtin, under its name. */
static void define_builtin(VM *vm, Class *k) {
    mtgc_push_temp(vm, OBJ_VAL(k));
    mtt_set(vm, &vm->builtins, k->name, OBJ_VAL(k));
    mtgc_pop_temp(vm, 1);
}

void mte_init_classes(VM *vm) {
    static const struct {
        const char *name;
        int parent;
    } defs[] = {
#define X(id, name, parent) {name, parent},
        MT_ERROR_CLASSES(X)
#undef X
    };
    Native *init = mto_native(vm, "init", error_init, 0, 1);
    static const char *const init_params[] = {"message", NULL};
    init->params = init_params;
    mtgc_push_temp(vm, OBJ_VAL(init));
    for (int i = 0; i < ERR__COUNT; i++) {
        Class *super = defs[i].parent >= 0 ? vm->error_class[defs[i].parent] : NULL;
        Class *k = mto_class(vm, mto_intern_z(vm, defs[i].name), super);
        vm->error_class[i] = k;
        k->builtin_tag = i;
        if (!super) {
            mtt_set(vm, &k->methods, vm->names.init, OBJ_VAL(init));
            k->init = OBJ_VAL(init);
        }
        define_builtin(vm, k);
    }
    mtgc_pop_temp(vm, 1);
}

bool mte_class_is(Class *k, Class *base) {
    for (; k; k = k->super)
        if (k == base) return true;
    return false;
}

bool mte_is(VM *vm, Value exc, ErrorKind kind) {
    return IS_INSTANCE(exc) && mte_class_is(AS_INSTANCE(exc)->klass, vm->error_class[kind]);
}

bool mte_is_exit(VM *vm, Value exc) { return mte_is(vm, exc, ERR_EXIT); }

bool mte_is_raisable(VM *vm, Value v) {
    return mte_is(vm, v, ERR_ERROR) || mte_is(vm, v, ERR_EXIT);
}

/* {== Raising from C ==} */

Value mte_new_str(VM *vm, ErrorKind kind, String *msg) {
    mtgc_push_temp(vm, OBJ_VAL(msg));
    Instance *e = mto_instance(vm, vm->error_class[kind]);
    mtgc_push_temp(vm, OBJ_VAL(e));
    mto_instance_set(vm, e, vm->names.message, OBJ_VAL(msg));
    mtgc_pop_temp(vm, 2);
    return OBJ_VAL(e);
}

Value mte_new(VM *vm, ErrorKind kind, const char *fmt, ...) {
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return mte_new_str(vm, kind, mto_string_z(vm, buf));
}

int mte_throw(VM *vm, ErrorKind kind, const char *fmt, ...) {
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    vm->error = mte_new_str(vm, kind, mto_string_z(vm, buf));
    return NATIVE_ERROR;
}

int mte_throw_value(VM *vm, Value exc) {
    vm->error = exc;
    return NATIVE_ERROR;
}

/* {== Traces and context ==} */

Trace *mte_trace_of(VM *vm, Value exc) {
    Value t;
    if (IS_INSTANCE(exc) && mto_instance_get(AS_INSTANCE(exc), vm->names.trace, &t) &&
        IS_OBJ_TYPE(t, OBJ_TRACE))
        return (Trace *)AS_OBJ(t);
    return NULL;
}

static Trace *ensure_trace(VM *vm, Value exc) {
    Trace *t = mte_trace_of(vm, exc);
    if (t || !IS_INSTANCE(exc)) return t;
    t = mto_trace(vm);
    mtgc_push_temp(vm, OBJ_VAL(t));
    mto_instance_set(vm, AS_INSTANCE(exc), vm->names.trace, OBJ_VAL(t));
    mtgc_pop_temp(vm, 1);
    return t;
}

int32_t mte_line_at(Proto *p, uint32_t pc) {
    if (p->ncode == 0 || !p->lines) return p->line;
    if (pc >= p->ncode) pc = p->ncode - 1;
    return p->lines[pc];
}

/* The error being handled by the innermost frame that is inside an except or finally
   body, if any: a new error raised now gets it as its context. */
static Value handled_error(Fiber *f) {
    for (int i = (int)f->nframes - 1; i >= 0; i--) {
        Frame *fr = &f->frames[i];
        Proto *p = fr->closure->proto;
        if (p->nregions == 0) continue;
        uint32_t pc = mtf_pc(f, (uint32_t)i);
        for (int r = (int)p->nregions - 1; r >= 0; r--) {
            Region *rg = &p->regions[r];
            if (pc < rg->start || pc >= rg->end) continue;
            if (rg->kind == REGION_EXCEPT) return frame_base(fr)[rg->slot];
            Value kind = frame_base(fr)[rg->slot + 1];
            if (IS_SMALLINT(kind) && AS_SMALLINT(kind) == KIND_EXC) return frame_base(fr)[rg->slot];
        }
    }
    return NIL_VAL;
}

/* Prepares a freshly raised error: starts its trace at the current frame and links the
   error being handled. `fresh` is false for a re-raise, which keeps the trace. */
void mte_prepare(VM *vm, Fiber *f, Value exc, bool fresh) {
    if (!IS_INSTANCE(exc) || f->nframes == 0) return;
    mtgc_push_temp(vm, exc);
    Trace *t = ensure_trace(vm, exc);
    if (fresh) {
        Frame *fr = &f->frames[f->nframes - 1];
        mto_trace_add(vm, t, fr->closure->proto, mtf_pc(f, f->nframes - 1));
        Value ctx;
        Value handled = handled_error(f);
        if (!IS_NIL(handled) && handled != exc &&
            !mto_instance_get(AS_INSTANCE(exc), vm->names.context, &ctx))
            mto_instance_set(vm, AS_INSTANCE(exc), vm->names.context, handled);
    }
    mtgc_pop_temp(vm, 1);
}

/* {== Unwinding ==} */

/* A re-delivered ThreadExit during shutdown that no except clause may catch. */
bool mte_unmatchable(VM *vm, Value exc) {
    Value v;
    return IS_INSTANCE(exc) && mto_instance_get(AS_INSTANCE(exc), vm->names.unmatchable, &v);
}

/* The first handler of p around pc that takes the error (innermost first), or NULL. */
static const Handler *find_handler(const Proto *p, uint32_t pc, bool stop_iteration) {
    for (uint32_t i = 0; i < p->nhandlers; i++) {
        const Handler *h = &p->handlers[i];
        if (pc < h->start || pc >= h->end) continue;
        if (h->kind == HANDLER_FOR_STOP && !stop_iteration) continue;
        return h;
    }
    return NULL;
}

static bool region_holds(const Region *rg, uint32_t pc) { return pc >= rg->start && pc < rg->end; }

/* The error `exc` leaves the cleanup blocks (finally bodies, with exits) of frame fr that
   hold pc and do not hold handler h (NULL: it leaves the frame). An Error leaving a cleanup
   block that runs for an Exit does not replace it: the Error is reported and the Exit goes
   on (a coroutine's own close is the exception: SPEC 7.3). Sets *left if it left any. */
static Value leave_cleanup(VM *vm, Fiber *f, Frame *fr, uint32_t pc, const Handler *h, Value exc,
                           bool *left) {
    const Proto *p = fr->closure->proto;
    Value *base = frame_base(fr);
    for (uint32_t r = 0; r < p->nregions; r++) {
        const Region *rg = &p->regions[r];
        if (rg->kind != REGION_FINALLY || !region_holds(rg, pc)) continue;
        if (h && region_holds(rg, h->start)) continue; /* handled inside the block */
        *left = true;
        Value kind = base[rg->slot + 1], exit = base[rg->slot];
        if (kind != SMALLINT_VAL(KIND_EXC) || !mte_is_exit(vm, exit) || mte_is_exit(vm, exc) ||
            mtco_is_close_exit(f, exit))
            continue;
        mte_report_displaced(vm, exc, AS_INSTANCE(exit)->klass->name->chars, mts_thread_of(f));
        exc = exit;
    }
    return exc;
}

/* Places the fiber at handler h of its top frame with the error on the stack. */
static void land(Fiber *f, Frame *fr, const Handler *h, Value exc) {
    Value *base = frame_base(fr);
    switch ((HandlerKind)h->kind) {
    case HANDLER_FOR_STOP: f->top = base + h->depth; break;
    case HANDLER_EXCEPT:
        base[h->slot] = exc;
        f->top = base + h->slot + 1;
        break;
    case HANDLER_FINALLY:
        base[h->slot] = exc;
        base[h->slot + 1] = SMALLINT_VAL(KIND_EXC);
        f->top = base + h->slot + 2;
        break;
    }
    fr->ip = fr->closure->proto->code + h->target;
}

/* Finds a handler for *exc in the fiber, popping frames that have none. Returns true with
   the fiber positioned at the landing pad, or false when the fiber has no frames left. The
   error may change on the way (leave_cleanup, mtth_exit_after_cleanup). */
bool mte_unwind(VM *vm, Fiber *f, Value *excp) {
    Value exc = *excp;
    bool left_cleanup = false;
    for (;;) {
        uint32_t top = f->nframes - 1;
        Frame *fr = &f->frames[top];
        uint32_t pc = mtf_pc(f, top);
        f->obj.flags &= ~FIBER_AT_SAFE_POINT; /* the pc above was the last use */
        const Handler *h =
            find_handler(fr->closure->proto, pc, mte_is(vm, exc, ERR_STOP_ITERATION));
        exc = leave_cleanup(vm, f, fr, pc, h, exc, &left_cleanup);
        if (h) {
            land(f, fr, h, exc);
            if (left_cleanup) {
                Value e = mtth_exit_after_cleanup(vm, f, exc, false);
                if (e != exc) land(f, fr, h, exc = e);
            }
            *excp = exc;
            return true;
        }
        mtf_close_upvalues(f, frame_base(fr));
        if (f->nframes == 1) {
            f->top = frame_base(fr);
            if (left_cleanup) exc = mtth_exit_after_cleanup(vm, f, exc, true);
            *excp = exc;
            return false;
        }
        f->nframes--;
        f->top = frame_base(fr);
        Frame *caller = &f->frames[f->nframes - 1];
        Trace *t = mte_trace_of(vm, exc);
        if (t) mto_trace_add(vm, t, caller->closure->proto, mtf_pc(f, f->nframes - 1));
    }
}

/* True when a frame of the fiber is running a finally body or a with exit: a kill waits
   for it to finish (outside shutdown). */
bool mte_in_cleanup(Fiber *f) {
    for (uint32_t i = 0; i < f->nframes; i++) {
        Frame *fr = &f->frames[i];
        Proto *p = fr->closure->proto;
        uint32_t pc = mtf_pc(f, i);
        for (uint32_t r = 0; r < p->nregions; r++)
            if (p->regions[r].kind == REGION_FINALLY && pc >= p->regions[r].start &&
                pc < p->regions[r].end)
                return true;
    }
    return false;
}

/* True when some frame of f could see an error raised where it stands: an except or finally
   handler holds its pc, or it runs cleanup. */
bool mte_may_catch(Fiber *f) {
    for (uint32_t i = 0; i < f->nframes; i++) {
        Frame *fr = &f->frames[i];
        const Proto *p = fr->closure->proto;
        uint32_t pc = mtf_pc(f, i);
        for (uint32_t h = 0; h < p->nhandlers; h++)
            if (p->handlers[h].kind != HANDLER_FOR_STOP && pc >= p->handlers[h].start &&
                pc < p->handlers[h].end)
                return true;
        for (uint32_t r = 0; r < p->nregions; r++)
            if (p->regions[r].kind == REGION_FINALLY && region_holds(&p->regions[r], pc))
                return true;
    }
    return false;
}

/* True when a frame of f runs a finally body or with exit for an Exit in flight. */
bool mte_unwinding_exit(VM *vm, Fiber *f) {
    for (uint32_t i = 0; i < f->nframes; i++) {
        Frame *fr = &f->frames[i];
        Proto *p = fr->closure->proto;
        uint32_t pc = mtf_pc(f, i);
        for (uint32_t r = 0; r < p->nregions; r++) {
            const Region *rg = &p->regions[r];
            if (rg->kind != REGION_FINALLY || !region_holds(rg, pc)) continue;
            Value *base = frame_base(fr);
            if (base[rg->slot + 1] == SMALLINT_VAL(KIND_EXC) && mte_is_exit(vm, base[rg->slot]))
                return true;
        }
    }
    return false;
}

/* {== Tracebacks ==} */

/* A growable C buffer: formatting must not allocate GC objects per line. It is a host
   block that may be refused (reports run inside the scheduler, which must not be cut
   short by a MemoryError): then `failed` is set and the report shrinks to its headline. */
typedef struct {
    VM *vm;
    char *p;
    size_t n, cap;
    bool failed;
} TBuf;

static void tb_put(TBuf *b, const char *s, size_t n) {
    if (b->failed) return;
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 256;
        while (cap < b->n + n + 1) cap *= 2;
        char *p = mtmem_host_realloc(b->vm, b->p, b->cap, cap);
        if (!p) {
            b->failed = true;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

/* Appends a string literal (its length is known at compile time). */
#define tb_lit(b, lit) tb_put((b), (lit), sizeof(lit) - 1)

static void tb_fmt(TBuf *b, const char *fmt, ...) MT_PRINTF(2, 3);
static void tb_fmt(TBuf *b, const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n > (int)sizeof buf - 1) n = sizeof buf - 1;
    if (n > 0) tb_put(b, buf, (size_t)n);
}

static const char *proto_file(Proto *p) { return p->file ? p->file->chars : "?"; }

/* The source text of a line, without leading blanks. */
static bool source_line(Proto *fn, int32_t line, const char **text, size_t *len) {
    if (!fn->source || line <= 0) return false;
    const char *p = fn->source->chars, *end = p + fn->source->len;
    for (int32_t l = 1; l < line && p < end; p++)
        if (*p == '\n') l++;
    while (p < end && (*p == ' ' || *p == '\t')) p++;
    const char *e = p;
    while (e < end && *e != '\n' && *e != '\r') e++;
    if (e == p) return false;
    *text = p;
    *len = (size_t)(e - p);
    return true;
}

static void tb_frame(TBuf *b, Proto *p, uint32_t pc) {
    int32_t line = mte_line_at(p, pc);
    tb_fmt(b, "  %s:%d, in %s\n", proto_file(p), (int)line, p->name ? p->name->chars : "?");
    const char *text;
    size_t len;
    if (source_line(p, line, &text, &len)) {
        tb_lit(b, "    ");
        tb_put(b, text, len);
        tb_lit(b, "\n");
    }
}

static void tb_entries(TBuf *b, Trace *t) {
    if (!t || t->count == 0) return;
    tb_lit(b, "Traceback (most recent call last):\n");
    /* Oldest first; runs of the same line collapse after three. */
    int64_t i = (int64_t)t->count - 1;
    while (i >= 0) {
        TraceEntry *e = &t->entries[i];
        if (e->proto->module && e->proto->module->path == NULL &&
            e->proto->module->name->chars[0] == '<') {
            i--; /* a frame of the library written in Mt: not the user's code */
            continue;
        }
        int32_t line = mte_line_at(e->proto, e->pc);
        int64_t j = i - 1;
        while (j >= 0 && t->entries[j].proto == e->proto &&
               mte_line_at(t->entries[j].proto, t->entries[j].pc) == line)
            j--;
        int64_t run = i - j;
        int64_t shown = run > 3 ? 3 : run;
        for (int64_t k = 0; k < shown; k++) tb_frame(b, e->proto, e->pc);
        if (run > 3)
            tb_fmt(b, "  [previous line repeated %lld more times]\n", (long long)(run - 3));
        i = j;
    }
}

static void tb_headline(VM *vm, TBuf *b, Value exc) {
    if (!IS_INSTANCE(exc)) {
        tb_lit(b, "Error: (not an error object)\n");
        return;
    }
    Instance *e = AS_INSTANCE(exc);
    tb_put(b, e->klass->name->chars, e->klass->name->len);
    Value msg;
    if (mto_instance_get(e, vm->names.message, &msg) && IS_STRING(msg) && AS_STRING(msg)->len) {
        tb_lit(b, ": ");
        tb_put(b, AS_STRING(msg)->chars, AS_STRING(msg)->len);
    }
    tb_lit(b, "\n");
}

static void tb_error(VM *vm, TBuf *b, Value exc, int depth) {
    Value ctx;
    if (depth < 8 && IS_INSTANCE(exc) &&
        mto_instance_get(AS_INSTANCE(exc), vm->names.context, &ctx) && IS_INSTANCE(ctx)) {
        tb_error(vm, b, ctx, depth + 1);
        tb_lit(b, "\nDuring handling of the above error, another error occurred:\n\n");
    }
    tb_entries(b, mte_trace_of(vm, exc));
    tb_headline(vm, b, exc);
}

/* "Error in thread N (spawned at ...)" for a spawned thread, "Error" for main. */
static void tb_thread(TBuf *b, Fiber *thread) {
    if (!thread || (thread->obj.flags & FIBER_MAIN)) {
        tb_lit(b, "Error");
        return;
    }
    if (thread->obj.flags & FIBER_CLOSER) {
        tb_lit(b, "Error closing a suspended coroutine");
        return;
    }
    tb_fmt(b, "Error in thread %u", thread->id);
    Proto *sp;
    uint32_t spc;
    if (mtth_spawned_at(b->vm, thread, &sp, &spc))
        tb_fmt(b, " (spawned at %s:%d in %s)", proto_file(sp), (int)mte_line_at(sp, spc),
               sp->name ? sp->name->chars : "?");
}

/* The text a TBuf holds as a host block of *cap bytes, or NULL (and the block freed) if
   memory ran out while it was written. */
static char *tb_finish(TBuf *b, size_t *cap) {
    if (b->failed) {
        mtmem_host_realloc(b->vm, b->p, b->cap, 0);
        return NULL;
    }
    *cap = b->cap;
    return b->p;
}

/* The full report of an uncaught error, as text. `thread` names a spawned thread. Returns
   a host block of *cap bytes, or NULL if there was no memory for it. */
char *mte_format_c(VM *vm, Value exc, Fiber *thread, size_t *cap) {
    TBuf b = {vm, NULL, 0, 0, false};
    if (thread && !(thread->obj.flags & FIBER_MAIN)) {
        tb_thread(&b, thread);
        tb_lit(&b, ":\n");
    }
    tb_error(vm, &b, exc, 0);
    return tb_finish(&b, cap);
}

/* The report's last line, written piece by piece: what is left to say without memory. */
static void report_headline(VM *vm, Value exc) {
    if (!IS_INSTANCE(exc)) {
        mtout_write_err(vm, "Error\n", 6);
        return;
    }
    Instance *e = AS_INSTANCE(exc);
    mtout_write_err(vm, e->klass->name->chars, e->klass->name->len);
    Value msg;
    if (mto_instance_get(e, vm->names.message, &msg) && IS_STRING(msg) && AS_STRING(msg)->len) {
        mtout_write_err(vm, ": ", 2);
        mtout_write_err(vm, AS_STRING(msg)->chars, AS_STRING(msg)->len);
    }
    mtout_write_err(vm, "\n", 1);
}

/* Writes a report made by tb_finish (NULL: no memory, only the error's headline). */
static void write_report(VM *vm, char *text, size_t cap, Value exc, Fiber *thread) {
    if (mtapi_report_error(vm, exc, thread, text ? text : "")) {
        if (text) mtmem_host_realloc(vm, text, cap, 0);
    } else if (text) {
        mtout_write_err(vm, text, strlen(text));
        mtmem_host_realloc(vm, text, cap, 0);
    } else {
        report_headline(vm, exc);
    }
    vm->error_reported = true;
}

void mte_report(VM *vm, Value exc, Fiber *thread) {
    size_t cap = 0;
    char *text = mte_format_c(vm, exc, thread, &cap);
    write_report(vm, text, cap, exc, thread);
}

/* Reports an Error that an Exit unwinding the thread displaced (SPEC 6.6): it is not lost,
   and it does not stop the Exit. */
void mte_report_displaced(VM *vm, Value err, const char *exit_name, Fiber *thread) {
    TBuf b = {vm, NULL, 0, 0, false};
    tb_thread(&b, thread);
    tb_fmt(&b, " ignored while %s unwinds the thread:\n", exit_name);
    tb_error(vm, &b, err, 0);
    size_t cap = 0;
    char *text = tb_finish(&b, &cap);
    write_report(vm, text, cap, err, thread);
}

/* {== Out of memory ==} */

/* A preallocated error with room for a traceback and a context, so that raising it
   allocates nothing. */
static Value preallocated(VM *vm, ErrorKind kind, const char *msg) {
    Value e = mte_new(vm, kind, "%s", msg);
    mtgc_push_temp(vm, e);
    Instance *in = AS_INSTANCE(e);
    Trace *t = ensure_trace(vm, e);
    t->entries = mtmem_host_realloc(vm, NULL, 0, 64 * sizeof(TraceEntry));
    if (t->entries) t->cap = 64;
    mto_instance_set(vm, in, vm->names.context, NIL_VAL);
    mto_instance_set(vm, in, vm->names.context, UNDEF_VAL);
    mtgc_pop_temp(vm, 1);
    return e;
}

void mte_preallocate(VM *vm) {
    vm->memory_error = preallocated(vm, ERR_MEMORY, "out of memory");
    vm->thread_exit_error = preallocated(vm, ERR_THREAD_EXIT, "thread killed");
}

/* Each raise of a preallocated error starts a fresh traceback and context, so the frames
   and errors of an earlier raise do not pile up. */
static void reset_preallocated(VM *vm, Value e) {
    Trace *t = mte_trace_of(vm, e);
    if (t) t->count = 0;
    Value slot;
    Instance *in = AS_INSTANCE(e);
    if (mtt_get(&in->klass->fields, vm->names.context, &slot) &&
        (uint32_t)AS_SMALLINT(slot) < in->nfields)
        in->fields[AS_SMALLINT(slot)] = UNDEF_VAL;
}

/* The preallocated ThreadExit, with a fresh traceback: what a kill raises in a thread whose
   frames nothing can catch it in (mte_may_catch), so that shutting down a million blocked
   threads allocates nothing and the heap does not grow while they end. Nobody can hold the
   error: it leaves the thread, and join gives nil for an Exit. */
Value mte_shared_kill_error(VM *vm) {
    reset_preallocated(vm, vm->thread_exit_error);
    return vm->thread_exit_error;
}

/* The ThreadExit a kill raises. When there is no memory for a new one, the preallocated
   one: running out of memory must never turn a kill into a MemoryError, which a bare
   `except` could swallow. */
Value mte_kill_error(VM *vm) {
    MemJmp mj;
    mtmem_enter(vm, &mj);
    volatile Value e = vm->thread_exit_error;
    if (setjmp(mj.buf) == 0) {
        e = mte_new(vm, ERR_THREAD_EXIT, "thread killed");
    } else {
        mtmem_recover(vm, &mj);
        mtmem_handled(vm, &mj);
        reset_preallocated(vm, e);
    }
    mtmem_leave(vm, &mj);
    return e;
}

/* An allocation failed and longjmp'd to the dispatch loop's region (the fiber's registers
   were stored before it allocated): the running fiber unwinds from there with MemoryError,
   as if the instruction had raised it. If an Exit was being raised, it goes on instead
   (never replaced by an Error). A fiber whose first call could not even start fails at
   once. Nothing here allocates, so each failure makes progress. Returns false when no
   fiber can take the error: the VM is then dead. */
bool mte_raise_out_of_memory(VM *vm) {
    Value raising = vm->error;
    vm->error = NIL_VAL;
    Fiber *f = vm->current;
    if (vm->mem.dead || f == NULL || f->state != FIBER_RUNNING) {
        vm->mem.dead = true;
        return false;
    }
    Value e = mte_is_exit(vm, raising) ? raising : vm->memory_error;
    if (f->nframes == 0) {
        mts_fiber_failed(vm, f, e);
        return true;
    }
    if (e == vm->memory_error) {
        reset_preallocated(vm, e);
        mte_prepare(vm, f, e, true);
    }
    if (!mte_unwind(vm, f, &e)) mts_fiber_failed(vm, f, e);
    return true;
}
