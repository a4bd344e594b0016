/*
** test_foreign.c — foreign classes (foreign.c): a library's object kind as the VM sees it,
** only through its ForeignOps. The free hook runs exactly once, whether the object is
** collected or the VM is freed; the mark hook is what keeps the payload's values alive;
** the next hook drives a Mt `for` loop (and its error is raised there); registering a
** class keeps its name even when a collection runs at every allocation.
**
** The test class is a countdown: counter(n) makes one whose `for` yields n, n-1, ..., 1.
*/
#include "stdlib/lib.h"
#include "unit.h"
#include "vm/foreign.h"
#include "vm/gc.h"
#include "vm/state.h"

/* The payload: how many items are left, and a value it holds (for the mark hook). */
typedef struct {
    int64_t left;
    Value held;
} Counter;

/* What the hooks saw (each test runs in its own process, and resets them). */
static int frees, marks;

static void counter_mark(VM *vm, void *payload) {
    marks++;
    mtgc_mark_value(vm, ((Counter *)payload)->held);
}

static void counter_free(VM *vm, void *payload) {
    MT_UNUSED(vm);
    MT_UNUSED(payload);
    frees++;
}

static int counter_next(VM *vm, Value *args, int argc);

static const ForeignOps counter_ops = {"counter",    sizeof(Counter), counter_mark,
                                       counter_free, counter_next,    NULL};

/* A kind with no hooks at all: nothing to mark or free, not iterable. */
static const ForeignOps plain_ops = {"plain", sizeof(Counter), NULL, NULL, NULL, NULL};

static int counter_next(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    Counter *c = mtfo_payload(args[0], &counter_ops);
    if (c->left < 0) return mte_throw(vm, ERR_VALUE, "counter below zero");
    if (c->left == 0) return NATIVE_END;
    args[0] = SMALLINT_VAL(c->left--);
    return NATIVE_OK;
}

/* counter(n) */
static int make_counter(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    int64_t n;
    if (!mtlib_int_arg(vm, args, 1, "counter", &n)) return NATIVE_ERROR;
    Counter *c = mtfo_new(vm, &counter_ops, &args[0]);
    c->left = n;
    c->held = NIL_VAL;
    return NATIVE_OK;
}

/* plain() */
static int make_plain(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    mtfo_new(vm, &plain_ops, &args[0]);
    return NATIVE_OK;
}

/* c.left() */
static int counter_left(VM *vm, Value *args, int argc) {
    MT_UNUSED(vm);
    MT_UNUSED(argc);
    args[0] = SMALLINT_VAL(((Counter *)mtfo_payload(args[0], &counter_ops))->left);
    return NATIVE_OK;
}

static const LibReg natives[] = {
    {"counter", make_counter, 1, 1, NULL, false},
    {"plain", make_plain, 0, 0, NULL, false},
    {NULL, NULL, 0, 0, NULL, false},
};

static const LibReg counter_methods[] = {
    {"left", counter_left, 0, 0, NULL, false},
    {NULL, NULL, 0, 0, NULL, false},
};

/* Registers both classes and their natives in vm, as a library's open function would. */
static void open_counters(VM *vm) {
    mtlib_register_class_methods(vm, mtfo_new_class(vm, &counter_ops), counter_methods);
    mtfo_new_class(vm, &plain_ops);
    mtlib_register(vm, natives);
}

/* A counter made from C in a unit_vm (collections paused), with nothing rooting it. */
static Foreign *new_counter(VM *vm, int64_t n) {
    Value v;
    Counter *c = mtfo_new(vm, &counter_ops, &v);
    c->left = n;
    c->held = NIL_VAL;
    return (Foreign *)AS_OBJ(v);
}

/* {== Hooks, from C ==} */

START_TEST(free_hook_runs_once_when_collected) {
    frees = 0;
    VM *vm = unit_vm(NULL);
    open_counters(vm);
    Foreign *o = new_counter(vm, 3);
    mtgc_collect(vm);
    ck_assert_int_eq(frees, 1);
    ck_assert(!unit_has_object(vm, &o->obj));
    mtgc_collect(vm);
    mt_free(vm);
    ck_assert_int_eq(frees, 1);
}
END_TEST

START_TEST(free_hook_runs_once_at_vm_free) {
    frees = 0;
    VM *vm = unit_vm(NULL);
    open_counters(vm);
    Foreign *o = new_counter(vm, 3);
    mtgc_push_temp(vm, OBJ_VAL(o));
    mtgc_collect(vm);
    ck_assert_int_eq(frees, 0);
    ck_assert(unit_has_object(vm, &o->obj));
    mt_free(vm);
    ck_assert_int_eq(frees, 1);
}
END_TEST

/* The VM never looks inside a payload: a string only the payload holds lives because the
   mark hook marks it, and dies under a class without one. */
START_TEST(mark_hook_keeps_payload_values_alive) {
    marks = 0;
    VM *vm = unit_vm(NULL);
    open_counters(vm);
    Foreign *o = new_counter(vm, 1);
    mtgc_push_temp(vm, OBJ_VAL(o));
    String *held = mto_string_z(vm, "held by the payload");
    ((Counter *)(void *)o->payload)->held = OBJ_VAL(held);
    Value p;
    Counter *pc = mtfo_new(vm, &plain_ops, &p);
    mtgc_push_temp(vm, p);
    String *lost = mto_string_z(vm, "held by a payload nobody marks");
    pc->held = OBJ_VAL(lost);
    mtgc_collect(vm);
    ck_assert_int_eq(marks, 1);
    ck_assert(unit_has_object(vm, &held->obj));
    ck_assert_str_eq(held->chars, "held by the payload");
    ck_assert(!unit_has_object(vm, &lost->obj));
    pc->held = NIL_VAL; /* it dangles now */
    mt_free(vm);
}
END_TEST

START_TEST(payload_is_zeroed_and_found_only_by_its_ops) {
    VM *vm = unit_vm(NULL);
    ck_assert_ptr_null(mtfo_class(vm, &counter_ops));
    open_counters(vm);
    Class *k = mtfo_class(vm, &counter_ops);
    ck_assert_ptr_nonnull(k);
    ck_assert_ptr_eq(mtfo_new_class(vm, &counter_ops), k); /* once per ops */
    ck_assert_ptr_eq(k->foreign, &counter_ops);
    ck_assert_str_eq(k->name->chars, "counter");
    Value v;
    Counter *c = mtfo_new(vm, &counter_ops, &v);
    ck_assert(c->left == 0 && c->held == 0);
    ck_assert_ptr_eq(mtfo_payload(v, &counter_ops), c);
    ck_assert_ptr_null(mtfo_payload(v, &plain_ops));
    ck_assert_ptr_null(mtfo_payload(SMALLINT_VAL(1), &counter_ops));
    ck_assert_ptr_null(mtfo_payload(OBJ_VAL(k), &counter_ops));
    mt_free(vm);
}
END_TEST

/* The class's name is interned just before the class is made: a collection at that
   allocation must not sweep it. */
START_TEST(registering_under_stress_keeps_the_class_name) {
    static const ForeignOps ops = {"unit_stress_class", 8, NULL, NULL, NULL, NULL};
    mt_Config cfg;
    mt_config_init(&cfg);
    cfg.gc_stress = 1;
    VM *vm = mt_new(&cfg);
    ck_assert_ptr_nonnull(vm);
    Class *k = mtfo_new_class(vm, &ops);
    ck_assert_msg(unit_has_object(vm, &k->name->obj), "the class name was swept");
    ck_assert_str_eq(k->name->chars, "unit_stress_class");
    mt_free(vm);
}
END_TEST

/* {== Hooks, from Mt ==} */

/* Runs src in a fresh VM with the counters registered; returns what it printed. Under
   MT_GC_STRESS too. Leaves `frees` as counted when the run ended, in *frees_at_end. */
static char *run_with_counters(const char *src, mt_Status want, int *frees_at_end) {
    Capture cap = {0};
    mt_Config cfg;
    mt_config_init(&cfg);
    capture_config(&cfg, &cap);
    cfg.gc_stress = unit_stress();
    mt_VM *vm = mt_new(&cfg);
    ck_assert_ptr_nonnull(vm);
    open_counters(vm);
    frees = 0;
    mt_Status st = mt_run_string(vm, "prog.mt", src);
    ck_assert_msg(st == want, "status %d, stderr: %s", st, cap.err.text);
    if (frees_at_end) *frees_at_end = frees;
    mt_free(vm);
    if (want == MT_OK) ck_assert_str_eq(cap.err.text, "");
    unit_buf_free(&cap.err);
    return cap.out.text;
}

START_TEST(next_hook_drives_a_for_loop) {
    char *out = run_with_counters("let c = counter(3)\n"
                                  "for x in c:\n"
                                  "    print(x)\n"
                                  "print(type(c), repr(c), c.left())\n"
                                  "print(list(counter(2)))\n",
                                  MT_OK, NULL);
    ck_assert_str_eq(out, "3\n2\n1\ncounter <counter> 0\n[2, 1]\n");
    free(out);
}
END_TEST

START_TEST(next_hook_error_is_raised_in_the_loop) {
    char *out = run_with_counters("try:\n"
                                  "    for x in counter(-1):\n"
                                  "        print(\"never\")\n"
                                  "except ValueError as e:\n"
                                  "    print(e.message)\n"
                                  "try:\n"
                                  "    for x in plain():\n"
                                  "        print(\"never\")\n"
                                  "except TypeError as e:\n"
                                  "    print(e.message)\n",
                                  MT_OK, NULL);
    ck_assert_str_eq(out, "counter below zero\n'plain' object is not iterable\n");
    free(out);
}
END_TEST

/* Dropped and collected while the program runs: freed then, and not again at VM free;
   one still held at the end is freed with the VM. */
START_TEST(free_hook_runs_once_for_objects_of_a_program) {
    int at_end = -1;
    char *out = run_with_counters("let c = counter(2)\n"
                                  "c = nil\n"
                                  "gc()\n"
                                  "let keep = counter(1)\n"
                                  "print(\"ran\")\n",
                                  MT_OK, &at_end);
    ck_assert_str_eq(out, "ran\n");
    ck_assert_int_eq(at_end, 1); /* `keep`, a global, lives as long as the VM */
    ck_assert_int_eq(frees, 2);
    free(out);
}
END_TEST

Suite *foreign_suite(void) {
    Suite *s = suite_create("foreign");
    TCase *tc = tcase_create("hooks");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, free_hook_runs_once_when_collected);
    tcase_add_test(tc, free_hook_runs_once_at_vm_free);
    tcase_add_test(tc, mark_hook_keeps_payload_values_alive);
    tcase_add_test(tc, payload_is_zeroed_and_found_only_by_its_ops);
    tcase_add_test(tc, registering_under_stress_keeps_the_class_name);
    suite_add_tcase(s, tc);
    tc = tcase_create("programs");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, next_hook_drives_a_for_loop);
    tcase_add_test(tc, next_hook_error_is_raised_in_the_loop);
    tcase_add_test(tc, free_hook_runs_once_for_objects_of_a_program);
    suite_add_tcase(s, tc);
    return s;
}
