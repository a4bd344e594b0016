/*
** test_fiber.c — fibers (fiber.c): a new fiber keeps its first frame and slots inline;
** growing the stack or the frame array moves them to the heap with every frame base and
** open upvalue re-based; upvalues are shared per slot and closed from a slot up;
** mtf_pc names the instruction being executed, or at a safe point the next one; and a
** wait queue's links decode back to their thread.
*/
#include "unit.h"
#include "vm/fiber.h"
#include "vm/state.h"

static VM *vm;
static Closure *cl; /* a real function, so that frames point at real code */

static void setup(void) {
    vm = unit_vm(NULL);
    cl = unit_compile_fn(
        vm, "def f(a, b):\n    let c = a + b\n    c = c * a - b\n    return c * 2\n", "f");
    ck_assert_uint_ge(cl->proto->ncode, 6); /* the ips the tests set are inside the code */
}
static void teardown(void) { mt_free(vm); }

static Frame *inline_frames(Fiber *f) { return (Frame *)(void *)f->storage; }
static Value *inline_slots(Fiber *f) { return (Value *)(void *)(inline_frames(f) + 1); }

/* A thread fiber holding [nil, 0, 1, ..., n-1]: n + 1 slots in use. */
static Fiber *fiber_of_ints(int n) {
    Value args[128];
    ck_assert_int_le(n, 128);
    for (int i = 0; i < n; i++) args[i] = SMALLINT_VAL(i);
    return mtf_new(vm, NIL_VAL, args, n, true);
}

/* {== Inline storage ==} */

START_TEST(new_fiber_keeps_first_frame_and_slots_inline) {
    Value args[2] = {SMALLINT_VAL(3), SMALLINT_VAL(4)};
    Fiber *f = mtf_new(vm, OBJ_VAL(cl), args, 2, false);
    ck_assert_ptr_eq(f->frames, inline_frames(f));
    ck_assert_ptr_eq(mtf_stack(f), inline_slots(f));
    ck_assert_uint_eq(f->frames_cap, 1);
    /* The function's slots, plus one when the 16-byte size class has room for it. */
    size_t want = cl->proto->maxstack > 4 ? cl->proto->maxstack : 4;
    if ((sizeof(Fiber) + sizeof(Frame) + want * sizeof(Value)) % 16) want++;
    ck_assert_uint_eq(f->inline_slots, want);
    ck_assert_ptr_eq(f->stack_end, mtf_stack(f) + f->inline_slots);
    ck_assert_uint_eq(mtf_object_size(f),
                      sizeof(Fiber) + sizeof(Frame) + f->inline_slots * sizeof(Value));
    ck_assert_int_eq(f->top - mtf_stack(f), 3);
    ck_assert(mtf_stack(f)[0] == OBJ_VAL(cl));
    ck_assert(mtf_stack(f)[1] == SMALLINT_VAL(3) && mtf_stack(f)[2] == SMALLINT_VAL(4));
    ck_assert_int_eq(f->state, FIBER_NEW);
    ck_assert(!(f->obj.flags & FIBER_THREAD));
}
END_TEST

/* More arguments than the inline cap (64 slots): the fiber starts on a heap stack. */
START_TEST(many_arguments_start_on_a_heap_stack) {
    Fiber *f = fiber_of_ints(100);
    ck_assert_uint_eq(f->inline_slots, 64);
    ck_assert_ptr_ne(mtf_stack(f), inline_slots(f));
    ck_assert_int_eq(f->top - mtf_stack(f), 101);
    for (int i = 0; i < 100; i++) ck_assert(mtf_stack(f)[1 + i] == SMALLINT_VAL(i));
}
END_TEST

/* {== Growth ==} */

/* Three frames at bases 0, 4 and 8 (with flags in the low bits), and an open upvalue on
   slots 2, 6 and 10. */
static void build_frames(Fiber *f, Upvalue **up) {
    static const uint32_t flags[3] = {FRAME_CTOR, 0, FRAME_MODULE | FRAME_OPERATOR};
    mtf_grow_frames(vm, f);
    for (int i = 0; i < 3; i++) {
        Frame *fr = &f->frames[i];
        fr->closure = cl;
        fr->ip = cl->proto->code + i;
        frame_set(fr, mtf_stack(f) + 4 * i, flags[i]);
        up[i] = mtf_capture(vm, f, mtf_stack(f) + 4 * i + 2);
    }
    f->nframes = 3;
}

/* Every frame and open upvalue points into the current stack at its old offset. */
static void check_rebased(Fiber *f, Upvalue **up) {
    static const uint32_t flags[3] = {FRAME_CTOR, 0, FRAME_MODULE | FRAME_OPERATOR};
    for (int i = 0; i < 3; i++) {
        ck_assert_ptr_eq(frame_base(&f->frames[i]), mtf_stack(f) + 4 * i);
        ck_assert_uint_eq(frame_flags(&f->frames[i]), flags[i]);
        ck_assert_ptr_eq(f->frames[i].ip, cl->proto->code + i);
        ck_assert_ptr_eq(up[i]->location, mtf_stack(f) + 4 * i + 2);
        ck_assert(*up[i]->location == SMALLINT_VAL(4 * i + 1)); /* slot k holds k - 1 */
    }
    for (int k = 1; k <= 12; k++) ck_assert(mtf_stack(f)[k] == SMALLINT_VAL(k - 1));
}

START_TEST(stack_growth_rebases_frames_and_upvalues) {
    Fiber *f = fiber_of_ints(12);
    ck_assert_ptr_eq(mtf_stack(f), inline_slots(f));
    Upvalue *up[3];
    build_frames(f, up);
    ck_assert(mtf_ensure_stack(vm, f, 100)); /* inline -> heap */
    ck_assert_ptr_ne(mtf_stack(f), inline_slots(f));
    ck_assert_int_ge(f->stack_end - f->top, 100);
    check_rebased(f, up);
    Value *old = mtf_stack(f);
    ck_assert(mtf_ensure_stack(vm, f, 1000)); /* heap -> heap: the old block is freed */
    ck_assert_ptr_ne(mtf_stack(f), old);
    check_rebased(f, up);
    Value *same = mtf_stack(f);
    ck_assert(mtf_ensure_stack(vm, f, 10)); /* room enough: nothing moves */
    ck_assert_ptr_eq(mtf_stack(f), same);
}
END_TEST

START_TEST(frame_growth_keeps_frames) {
    Fiber *f = fiber_of_ints(12);
    Upvalue *up[3];
    build_frames(f, up);
    ck_assert_uint_eq(f->frames_cap, 8);
    Frame *heap = f->frames;
    ck_assert_ptr_ne(heap, inline_frames(f));
    mtf_grow_frames(vm, f);
    ck_assert_uint_eq(f->frames_cap, 16);
    ck_assert_ptr_ne(f->frames, heap);
    check_rebased(f, up);
}
END_TEST

/* A finished fiber gives its heap stack and frames back and is inline again. */
START_TEST(release_stack_returns_to_inline_storage) {
    Fiber *f = fiber_of_ints(12);
    Upvalue *up[3];
    build_frames(f, up);
    mtf_ensure_stack(vm, f, 100);
    mtf_close_upvalues(f, mtf_stack(f));
    mtf_release_stack(vm, f);
    ck_assert_ptr_eq(mtf_stack(f), inline_slots(f));
    ck_assert_ptr_eq(f->frames, inline_frames(f));
    ck_assert_uint_eq(f->nframes, 0);
    ck_assert_uint_eq(f->frames_cap, 1);
    ck_assert_ptr_eq(f->top, mtf_stack(f));
    ck_assert_ptr_null(f->open_upvalues);
}
END_TEST

/* {== Upvalues ==} */

START_TEST(capture_shares_one_upvalue_per_slot_in_stack_order) {
    Fiber *f = fiber_of_ints(12);
    Upvalue *u6 = mtf_capture(vm, f, mtf_stack(f) + 6);
    Upvalue *u2 = mtf_capture(vm, f, mtf_stack(f) + 2);
    Upvalue *u9 = mtf_capture(vm, f, mtf_stack(f) + 9);
    ck_assert_ptr_eq(mtf_capture(vm, f, mtf_stack(f) + 6), u6);
    ck_assert_ptr_eq(f->open_upvalues, u9); /* highest slot first */
    ck_assert_ptr_eq(u9->next_open, u6);
    ck_assert_ptr_eq(u6->next_open, u2);
    ck_assert_ptr_null(u2->next_open);
}
END_TEST

/* Closing from a slot up (a frame returns) copies the values out; lower slots stay open. */
START_TEST(close_upvalues_from_a_slot_up) {
    Fiber *f = fiber_of_ints(12);
    Upvalue *u2 = mtf_capture(vm, f, mtf_stack(f) + 2);
    Upvalue *u6 = mtf_capture(vm, f, mtf_stack(f) + 6);
    Upvalue *u9 = mtf_capture(vm, f, mtf_stack(f) + 9);
    mtf_close_upvalues(f, mtf_stack(f) + 6);
    ck_assert_ptr_eq(u6->location, &u6->closed);
    ck_assert_ptr_eq(u9->location, &u9->closed);
    ck_assert(u6->closed == SMALLINT_VAL(5) && u9->closed == SMALLINT_VAL(8));
    mtf_stack(f)[6] = NIL_VAL; /* the slot is reused: the closed value is not */
    ck_assert(*u6->location == SMALLINT_VAL(5));
    ck_assert_ptr_eq(f->open_upvalues, u2);
    ck_assert_ptr_eq(u2->location, mtf_stack(f) + 2);
}
END_TEST

/* {== mtf_pc ==} */

/* ip is past the instruction being executed; at a safe point it is the next to run, and
   that is the pc (only for the top frame: the frames below are in a call). */
START_TEST(pc_is_ip_minus_one_except_at_a_safe_point) {
    Fiber *f = fiber_of_ints(12);
    Upvalue *up[3];
    build_frames(f, up);
    f->nframes = 2;
    f->frames[0].ip = cl->proto->code + 3;
    f->frames[1].ip = cl->proto->code + 5;
    ck_assert_uint_eq(mtf_pc(f, 1), 4);
    ck_assert_uint_eq(mtf_pc(f, 0), 2);
    f->obj.flags |= FIBER_AT_SAFE_POINT;
    ck_assert_uint_eq(mtf_pc(f, 1), 5);
    ck_assert_uint_eq(mtf_pc(f, 0), 2);
}
END_TEST

/* {== A program ==} */

/* Deep recursion grows the stack many times while every level has an open upvalue; each
   closure must see its own level's variable, written after the stack moved. */
START_TEST(recursion_keeps_upvalues_across_growth) {
    Capture cap = {0};
    mt_Status st = unit_run("let getters = []\n"
                            "def rec(n):\n"
                            "    let x = n\n"
                            "    let get = fn(): x\n"
                            "    getters.append(get)\n"
                            "    if n > 0:\n"
                            "        rec(n - 1)\n"
                            "    x = x * 10\n"
                            "    if get() != n * 10:\n"
                            "        print(\"stale upvalue at\", n)\n"
                            "rec(2000)\n"
                            "let total = 0\n"
                            "for g in getters:\n"
                            "    total += g()\n"
                            "print(len(getters), total)\n",
                            &cap);
    ck_assert_int_eq(st, MT_OK);
    ck_assert_str_eq(cap.out.text, "2001 20010000\n");
    ck_assert_str_eq(cap.err.text, "");
    capture_free(&cap);
}
END_TEST

/* {== Wait-queue links ==} */

/* A channel queue's links decode back to their thread, case and link word: a thread's own
   Waiter, the two link words inside it, and the link words of a select block (which
   follow the thread pointer, as in select.h's Select). A tagged link is never an object
   or a boxed value, as the collector reads the Waiter's second word as a Value. */
START_TEST(waiter_links_decode_to_thread_case_and_word) {
    Fiber *t = fiber_of_ints(1);
    ck_assert(!is_select_waiter(&t->wait));
    ck_assert_ptr_eq(waiter_fiber(&t->wait), t);
    ck_assert_ptr_eq(waiter_link(&t->wait), &t->wait.next);
    for (uint32_t pos = 0; pos < 2; pos++)
        for (uint32_t i = 0; i < 64; i++) {
            Waiter *w = select_link(t->select_links, pos, i, false);
            ck_assert(is_select_waiter(w));
            ck_assert_uint_eq(select_waiter_case(w), i);
            ck_assert_ptr_eq(waiter_fiber(w), t);
            ck_assert_ptr_eq(waiter_link(w), &t->select_links[pos]);
            ck_assert(IS_DOUBLE((Value)(uintptr_t)w) && !IS_OBJ((Value)(uintptr_t)w));
        }
    struct {
        Fiber *fiber;
        Waiter *links[64];
    } block = {t, {NULL}};
    for (uint32_t pos = 0; pos < 64; pos++) {
        Waiter *w = select_link(block.links, pos, 63 - pos, true);
        ck_assert_uint_eq(select_waiter_case(w), 63 - pos);
        ck_assert_ptr_eq(waiter_fiber(w), t);
        ck_assert_ptr_eq(waiter_link(w), &block.links[pos]);
    }
}
END_TEST

Suite *fiber_suite(void) {
    Suite *s = suite_create("fiber");
    TCase *tc = tcase_create("stacks");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, new_fiber_keeps_first_frame_and_slots_inline);
    tcase_add_test(tc, many_arguments_start_on_a_heap_stack);
    tcase_add_test(tc, stack_growth_rebases_frames_and_upvalues);
    tcase_add_test(tc, frame_growth_keeps_frames);
    tcase_add_test(tc, release_stack_returns_to_inline_storage);
    tcase_add_test(tc, capture_shares_one_upvalue_per_slot_in_stack_order);
    tcase_add_test(tc, close_upvalues_from_a_slot_up);
    tcase_add_test(tc, pc_is_ip_minus_one_except_at_a_safe_point);
    tcase_add_test(tc, waiter_links_decode_to_thread_case_and_word);
    suite_add_tcase(s, tc);
    tc = tcase_create("programs");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, recursion_keeps_upvalues_across_growth);
    suite_add_tcase(s, tc);
    return s;
}
