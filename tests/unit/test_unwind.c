/*
** test_unwind.c — the unwinder (mte_unwind, error.c) on functions compiled from source.
**
** Each test puts a fiber's frames at a chosen pc — inside a try body, a finally body, a
** for loop — with the slots a finally keeps (the error, the completion kind) set by hand,
** raises an error there and checks where the fiber lands: the handler's target, the error
** in the handler's slot (and KIND_EXC beside it for a finally), the stack top, the frames
** popped on the way and the traceback they add. It also checks the rule for an Error that
** leaves a finally running for an Exit: the Error is reported and the Exit goes on.
*/
#include "unit.h"
#include "vm/call.h"
#include "vm/error.h"
#include "vm/fiber.h"
#include "vm/state.h"

static const char *const source = "def fin(x):\n"
                                  "    try:\n"
                                  "        x = x + 1\n"
                                  "    finally:\n"
                                  "        x = 0\n"
                                  "    return x\n"
                                  "def nested(x):\n"
                                  "    try:\n"
                                  "        try:\n"
                                  "            x = x + 1\n"
                                  "        finally:\n"
                                  "            x = 2\n"
                                  "    except ValueError as e:\n"
                                  "        x = 3\n"
                                  "    return x\n"
                                  "def loop(xs):\n"
                                  "    let n = 0\n"
                                  "    for x in xs:\n"
                                  "        n += x\n"
                                  "    return n\n"
                                  "def caller(x):\n"
                                  "    try:\n"
                                  "        x = fin(x)\n"
                                  "    except:\n"
                                  "        x = 5\n"
                                  "    return x\n";

static VM *vm;
static Capture cap;

static void setup(void) {
    memset(&cap, 0, sizeof cap);
    vm = unit_vm(&cap);
}
static void teardown(void) {
    mt_free(vm);
    capture_free(&cap);
}

/* Pushes a frame of function `name` on f (a new thread fiber if f is NULL), called with
   one argument. */
static Fiber *enter(Fiber *f, const char *name) {
    Closure *cl = unit_compile_fn(vm, source, name);
    if (!f) f = mtf_new(vm, NIL_VAL, NULL, 0, true);
    mtf_ensure_stack(vm, f, 32);
    f->top = f->nframes ? mtf_stack(f) + 16 : mtf_stack(f); /* clear of the caller's slots */
    Value *base = f->top;
    *f->top++ = OBJ_VAL(cl);
    *f->top++ = SMALLINT_VAL(1);
    ck_assert_int_eq(mtcall_call(vm, f, base, 1), STEP_FRAME);
    return f;
}

static Frame *top_frame(Fiber *f) { return &f->frames[f->nframes - 1]; }
static Proto *top_proto(Fiber *f) { return top_frame(f)->closure->proto; }

/* Positions the top frame so that it is executing the instruction at pc. */
static void at_pc(Fiber *f, uint32_t pc) { top_frame(f)->ip = top_proto(f)->code + pc + 1; }

static const Handler *handler(Proto *p, HandlerKind kind) {
    for (uint32_t i = 0; i < p->nhandlers; i++)
        if (p->handlers[i].kind == kind) return &p->handlers[i];
    ck_abort_msg("no handler of kind %d in %s", kind, p->name->chars);
    return NULL;
}

/* The finally body that handler h lands in. */
static const Region *finally_body(Proto *p, const Handler *h) {
    for (uint32_t i = 0; i < p->nregions; i++)
        if (p->regions[i].kind == REGION_FINALLY && p->regions[i].start == h->target)
            return &p->regions[i];
    ck_abort_msg("no finally region at %u", h->target);
    return NULL;
}

/* The fiber landed at h of its top frame with `exc` in the handler's slot. */
static void check_landed(Fiber *f, const Handler *h, Value exc) {
    Frame *fr = top_frame(f);
    Value *base = frame_base(fr);
    ck_assert_ptr_eq(fr->ip, top_proto(f)->code + h->target);
    ck_assert(base[h->slot] == exc);
    if (h->kind == HANDLER_FINALLY) {
        ck_assert(base[h->slot + 1] == SMALLINT_VAL(KIND_EXC));
        ck_assert_ptr_eq(f->top, base + h->slot + 2);
    } else {
        ck_assert_ptr_eq(f->top, base + h->slot + 1);
    }
}

/* {== Landing ==} */

START_TEST(error_in_try_body_lands_at_finally_with_kind_exc) {
    Fiber *f = enter(NULL, "fin");
    const Handler *h = handler(top_proto(f), HANDLER_FINALLY);
    at_pc(f, h->start);
    Value exc = mte_new(vm, ERR_VALUE, "boom"), e = exc;
    ck_assert(mte_unwind(vm, f, &e));
    ck_assert(e == exc);
    check_landed(f, h, exc);
}
END_TEST

/* Handlers are tried innermost first: in the inner try body the inner finally takes the
   error; in that finally's body (entered normally), the outer except does. */
START_TEST(innermost_handler_takes_the_error) {
    Fiber *f = enter(NULL, "nested");
    Proto *p = top_proto(f);
    const Handler *fin = handler(p, HANDLER_FINALLY), *exc_h = handler(p, HANDLER_EXCEPT);
    Value exc = mte_new(vm, ERR_VALUE, "inner"), e = exc;
    at_pc(f, fin->start);
    ck_assert(mte_unwind(vm, f, &e));
    check_landed(f, fin, exc);
    const Region *body = finally_body(p, fin);
    frame_base(top_frame(f))[body->slot + 1] = SMALLINT_VAL(KIND_NORMAL);
    at_pc(f, body->start);
    ck_assert(mte_unwind(vm, f, &e));
    ck_assert(e == exc);
    check_landed(f, exc_h, exc);
    ck_assert_str_eq(cap.err.text, "");
}
END_TEST

/* Puts nested's top frame in its inner finally body, run for `running` (KIND_EXC), and
   unwinds `exc` from there; returns the error it landed with at the outer except. */
static Value leave_finally_running_for(Value running, Value exc) {
    Fiber *f = enter(NULL, "nested");
    Proto *p = top_proto(f);
    const Region *body = finally_body(p, handler(p, HANDLER_FINALLY));
    Value *base = frame_base(top_frame(f));
    base[body->slot] = running;
    base[body->slot + 1] = SMALLINT_VAL(KIND_EXC);
    at_pc(f, body->start);
    ck_assert(mte_unwind(vm, f, &exc));
    check_landed(f, handler(p, HANDLER_EXCEPT), exc);
    return exc;
}

/* SPEC 6.6: an Error leaving a finally that runs for an Exit does not replace it. */
START_TEST(error_leaving_cleanup_for_an_exit_is_reported_and_exit_goes_on) {
    Value exit = mte_new(vm, ERR_THREAD_EXIT, "thread killed");
    Value err = mte_new(vm, ERR_VALUE, "boom");
    ck_assert(leave_finally_running_for(exit, err) == exit);
    ck_assert_str_eq(cap.err.text,
                     "Error in thread 0 ignored while ThreadExit unwinds the thread:\n"
                     "ValueError: boom\n");
}
END_TEST

/* A finally run for an Error is left by a new Error like any code: the new one goes on. */
START_TEST(error_leaving_cleanup_for_an_error_replaces_it) {
    Value first = mte_new(vm, ERR_KEY, "first");
    Value second = mte_new(vm, ERR_VALUE, "second");
    ck_assert(leave_finally_running_for(first, second) == second);
    ck_assert_str_eq(cap.err.text, "");
}
END_TEST

/* An Exit leaving cleanup run for another Exit is not an Error to report: it goes on. */
START_TEST(exit_leaving_cleanup_for_an_exit_goes_on_unreported) {
    Value first = mte_new(vm, ERR_THREAD_EXIT, "first");
    Value second = mte_new(vm, ERR_SYSTEM_EXIT, "second");
    ck_assert(leave_finally_running_for(first, second) == second);
    ck_assert_str_eq(cap.err.text, "");
}
END_TEST

/* {== Frames ==} */

/* No handler in the callee: its frame is popped, its upvalues closed, the caller's except
   takes the error and the traceback gains the caller's line. */
START_TEST(error_without_handler_pops_to_the_caller) {
    Fiber *f = enter(NULL, "caller");
    const Handler *h = handler(top_proto(f), HANDLER_EXCEPT);
    at_pc(f, h->start);
    enter(f, "fin");
    at_pc(f, top_proto(f)->ncode - 1); /* the final RETURN: outside fin's try */
    Value *callee_base = frame_base(top_frame(f));
    Upvalue *u = mtf_capture(vm, f, callee_base + 1);
    Value exc = mte_new(vm, ERR_VALUE, "boom"), e = exc;
    mte_prepare(vm, f, exc, true);
    ck_assert_uint_eq(mte_trace_of(vm, exc)->count, 1);
    ck_assert(mte_unwind(vm, f, &e));
    ck_assert_uint_eq(f->nframes, 1);
    check_landed(f, h, exc);
    ck_assert_ptr_eq(u->location, &u->closed); /* the callee's upvalue was closed */
    Trace *t = mte_trace_of(vm, exc);
    ck_assert_uint_eq(t->count, 2);
    ck_assert_ptr_eq(t->entries[1].proto, top_proto(f));
    ck_assert_uint_eq(t->entries[1].pc, h->start);
}
END_TEST

START_TEST(error_leaving_the_last_frame_returns_false) {
    Fiber *f = enter(NULL, "fin");
    Value *base = frame_base(top_frame(f));
    at_pc(f, top_proto(f)->ncode - 1);
    Value exc = mte_new(vm, ERR_VALUE, "boom"), e = exc;
    ck_assert(!mte_unwind(vm, f, &e));
    ck_assert(e == exc);
    ck_assert_uint_eq(f->nframes, 1);
    ck_assert_ptr_eq(f->top, base);
}
END_TEST

/* A for loop's handler takes only the StopIteration of its own FOR_ITER. */
START_TEST(for_loop_handler_takes_only_stop_iteration) {
    Fiber *f = enter(NULL, "loop");
    const Handler *h = handler(top_proto(f), HANDLER_FOR_STOP);
    at_pc(f, h->start);
    Value e = mte_new(vm, ERR_VALUE, "not a stop");
    ck_assert(!mte_unwind(vm, f, &e));
    f = enter(NULL, "loop");
    at_pc(f, h->start);
    e = mte_new(vm, ERR_STOP_ITERATION, "done");
    ck_assert(mte_unwind(vm, f, &e));
    ck_assert_ptr_eq(top_frame(f)->ip, top_proto(f)->code + h->target);
    ck_assert_ptr_eq(f->top, frame_base(top_frame(f)) + h->depth);
}
END_TEST

/* At a safe point ip is the next instruction, and that is where the error is: the first
   instruction of a try body is inside it only then. The unwinder clears the flag. */
START_TEST(safe_point_pc_is_inside_the_try_body) {
    Fiber *f = enter(NULL, "fin");
    const Handler *h = handler(top_proto(f), HANDLER_FINALLY);
    top_frame(f)->ip = top_proto(f)->code + h->start;
    f->obj.flags |= FIBER_AT_SAFE_POINT;
    Value exc = mte_new(vm, ERR_VALUE, "at a safe point"), e = exc;
    ck_assert(mte_unwind(vm, f, &e));
    check_landed(f, h, exc);
    ck_assert(!(f->obj.flags & FIBER_AT_SAFE_POINT));
    f = enter(NULL, "fin");
    top_frame(f)->ip = top_proto(f)->code + h->start; /* executing h->start - 1 */
    ck_assert(!mte_unwind(vm, f, &e));
}
END_TEST

Suite *unwind_suite(void) {
    Suite *s = suite_create("unwind");
    TCase *tc = tcase_create("handlers");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, error_in_try_body_lands_at_finally_with_kind_exc);
    tcase_add_test(tc, innermost_handler_takes_the_error);
    tcase_add_test(tc, error_leaving_cleanup_for_an_exit_is_reported_and_exit_goes_on);
    tcase_add_test(tc, error_leaving_cleanup_for_an_error_replaces_it);
    tcase_add_test(tc, exit_leaving_cleanup_for_an_exit_goes_on_unreported);
    tcase_add_test(tc, error_without_handler_pops_to_the_caller);
    tcase_add_test(tc, error_leaving_the_last_frame_returns_false);
    tcase_add_test(tc, for_loop_handler_takes_only_stop_iteration);
    tcase_add_test(tc, safe_point_pc_is_inside_the_try_body);
    suite_add_tcase(s, tc);
    return s;
}
