/*
** test_gc.c — the collector: what a VM can reach survives mtgc_collect, what it cannot is
** freed (counted on vm->objects), boxed int cells are swept, the intern table is weak,
** deep and cyclic data are handled, and stress mode (a collection at every allocation)
** still runs programs correctly.
**
** Tests allocate with collections paused (unit_vm) and then call mtgc_collect directly,
** so every object a test holds is either rooted on purpose or garbage on purpose.
*/
#include <stdio.h>

#include "stdlib/lib.h"
#include "unit.h"
#include "vm/table.h"
#include "vm/state.h"
#include "vm/object.h"
#include "vm/map.h"
#include "vm/gc.h"

static VM *vm;

static void setup(void) {
    vm = unit_vm(NULL);
    mtgc_collect(vm); /* start from a heap with only reachable objects */
}
static void teardown(void) { mt_free(vm); }

/* Boxed int cells in use: every cell of every chunk minus the free list. */
static size_t ints_in_use(VM *v) {
    size_t total = 0, free_cells = 0;
    for (IntChunk *c = v->mem.int_chunks; c; c = *(IntChunk **)c) total += 4095;
    for (IntCell *cell = v->mem.int_free; cell; cell = (IntCell *)(intptr_t)cell->value)
        free_cells++;
    return total - free_cells;
}

START_TEST(collect_twice_frees_nothing) {
    size_t before = unit_count_objects(vm);
    mtgc_collect(vm);
    ck_assert_uint_eq(unit_count_objects(vm), before);
    ck_assert(!IS_UNDEF(mtlib_builtin(vm, "print"))); /* builtins are roots */
}
END_TEST

START_TEST(reachable_survives_unreachable_freed) {
    size_t base = unit_count_objects(vm);
    List *keep = mto_list(vm, 0);
    mtgc_push_temp(vm, OBJ_VAL(keep));
    for (int i = 0; i < 10; i++) mto_list_push(vm, keep, OBJ_VAL(mto_string_fmt(vm, "kept %d", i)));
    for (int i = 0; i < 100; i++) mto_string_fmt(vm, "garbage %d", i);
    ck_assert_uint_eq(unit_count_objects(vm), base + 111);
    mtgc_collect(vm);
    ck_assert_uint_eq(unit_count_objects(vm), base + 11);
    ck_assert(unit_has_object(vm, &keep->obj));
    for (int i = 0; i < 10; i++) {
        String *s = AS_STRING(keep->items[i]);
        ck_assert(unit_has_object(vm, &s->obj));
        char want[32];
        snprintf(want, sizeof want, "kept %d", i);
        ck_assert_str_eq(s->chars, want);
    }
    /* Dropping the root makes all of it garbage. */
    mtgc_pop_temp(vm, 1);
    mtgc_collect(vm);
    ck_assert_uint_eq(unit_count_objects(vm), base);
}
END_TEST

START_TEST(reachable_through_containers) {
    size_t base = unit_count_objects(vm);
    Map *m = mtm_new(vm, 0);
    mtgc_push_temp(vm, OBJ_VAL(m));
    String *key = mto_string_z(vm, "map key");
    List *val = mto_list(vm, 0);
    mtm_set(vm, m, OBJ_VAL(key), OBJ_VAL(val));
    String *in_list = mto_string_z(vm, "in list");
    mto_list_push(vm, val, OBJ_VAL(in_list));
    /* An instance of a class made here, holding a string in a field. */
    Class *k = mto_class(vm, mto_intern_z(vm, "UnitClass"), NULL);
    Instance *inst = mto_instance(vm, k);
    mtm_set(vm, m, SMALLINT_VAL(1), OBJ_VAL(inst));
    String *field = mto_string_z(vm, "field value");
    mto_instance_set(vm, inst, mto_intern_z(vm, "f"), OBJ_VAL(field));
    /* A bound method whose receiver is only reachable through it. */
    String *self = mto_string_z(vm, "receiver");
    Bound *b = mto_bound(vm, OBJ_VAL(self), mtlib_builtin(vm, "print"));
    mtm_set(vm, m, SMALLINT_VAL(2), OBJ_VAL(b));
    for (int i = 0; i < 50; i++) mto_list(vm, 4);
    mtgc_collect(vm);
    const Obj *alive[] = {&m->obj,    &key->obj,   &val->obj,  &in_list->obj, &k->obj,
                          &inst->obj, &field->obj, &self->obj, &b->obj};
    for (size_t i = 0; i < sizeof alive / sizeof alive[0]; i++)
        ck_assert_msg(unit_has_object(vm, alive[i]), "object %zu was freed", i);
    Value out;
    ck_assert(mto_instance_get(inst, mto_intern_z(vm, "f"), &out));
    ck_assert_str_eq(AS_STRING(out)->chars, "field value");
    mtgc_pop_temp(vm, 1);
    mtgc_collect(vm);
    ck_assert_uint_eq(unit_count_objects(vm), base);
}
END_TEST

START_TEST(module_globals_are_roots) {
    Module *mod = mto_module(vm, mto_intern_z(vm, "unit_mod"), NULL);
    mtgc_push_temp(vm, OBJ_VAL(mod));
    uint32_t slot = mto_module_slot(vm, mod, mto_intern_z(vm, "g"));
    String *g = mto_string_z(vm, "global value");
    mod->values[slot] = OBJ_VAL(g);
    mtgc_collect(vm);
    ck_assert(unit_has_object(vm, &g->obj));
    ck_assert_str_eq(AS_STRING(mod->values[slot])->chars, "global value");
    mtgc_pop_temp(vm, 1);
}
END_TEST

/* Objects the VM holds in its own fields are roots. Each field is pointed at a fresh object
   that nothing else references, so only the root set can keep it alive. */
START_TEST(vm_fields_are_roots) {
    Module *old_prelude = vm->prelude, *old_main = vm->main_module;
    Value old_argv = vm->argv;
    Module *p = mto_module(vm, mto_intern_z(vm, "<unit prelude>"), NULL);
    vm->prelude = p;
    Module *m = mto_module(vm, mto_intern_z(vm, "<unit main>"), NULL);
    vm->main_module = m;
    List *argv = mto_list(vm, 0);
    vm->argv = OBJ_VAL(argv);
    mtgc_collect(vm);
    ck_assert_msg(unit_has_object(vm, &p->obj), "vm->prelude was freed");
    ck_assert_msg(unit_has_object(vm, &m->obj), "vm->main_module was freed");
    ck_assert_msg(unit_has_object(vm, &argv->obj), "vm->argv was freed");
    vm->prelude = old_prelude;
    vm->main_module = old_main;
    vm->argv = old_argv;
}
END_TEST

START_TEST(cycles_are_collected) {
    size_t base = unit_count_objects(vm);
    List *a = mto_list(vm, 0), *b = mto_list(vm, 0);
    mto_list_push(vm, a, OBJ_VAL(a));
    mto_list_push(vm, a, OBJ_VAL(b));
    mto_list_push(vm, b, OBJ_VAL(a));
    Map *m = mtm_new(vm, 0);
    mtm_set(vm, m, SMALLINT_VAL(0), OBJ_VAL(m));
    mtgc_collect(vm);
    ck_assert_uint_eq(unit_count_objects(vm), base);
}
END_TEST

/* Marking is iterative: a chain far deeper than the C stack could recurse is fine. */
START_TEST(deep_chain_marks_without_recursion) {
    size_t base = unit_count_objects(vm);
    const int depth = 200000;
    List *head = mto_list(vm, 1);
    mtgc_push_temp(vm, OBJ_VAL(head));
    for (int i = 0; i < depth; i++) {
        List *next = mto_list(vm, 1);
        mto_list_push(vm, next, vm->temps[vm->ntemps - 1]);
        vm->temps[vm->ntemps - 1] = OBJ_VAL(next);
    }
    mtgc_collect(vm);
    ck_assert_uint_eq(unit_count_objects(vm), base + (size_t)depth + 1);
    mtgc_pop_temp(vm, 1);
    mtgc_collect(vm);
    ck_assert_uint_eq(unit_count_objects(vm), base);
}
END_TEST

START_TEST(intern_table_is_weak) {
    String *kept = mto_intern_z(vm, "gc_unit_kept");
    mtgc_push_temp(vm, OBJ_VAL(kept));
    mto_intern_z(vm, "gc_unit_transient");
    mtgc_collect(vm);
    ck_assert_ptr_null(mtt_find_string(&vm->strings, "gc_unit_transient", 17,
                                       mto_string_hash(mto_string_z(vm, "gc_unit_transient"))));
    ck_assert_ptr_eq(mto_intern_z(vm, "gc_unit_kept"), kept);
    /* Interning the dropped text again makes a fresh, findable string. */
    String *again = mto_intern_z(vm, "gc_unit_transient");
    ck_assert_ptr_eq(mto_intern_z(vm, "gc_unit_transient"), again);
    mtgc_pop_temp(vm, 1);
}
END_TEST

START_TEST(boxed_int_cells_are_swept) {
    size_t base = ints_in_use(vm);
    const int64_t big = (int64_t)1 << 60;
    List *keep = mto_list(vm, 0);
    mtgc_push_temp(vm, OBJ_VAL(keep));
    for (int i = 0; i < 10; i++) mto_list_push(vm, keep, mto_int(vm, big + i));
    for (int i = 0; i < 10000; i++) mto_int(vm, big - i); /* garbage, more than one chunk */
    ck_assert_uint_eq(ints_in_use(vm), base + 10010);
    mtgc_collect(vm);
    ck_assert_uint_eq(ints_in_use(vm), base + 10);
    for (int i = 0; i < 10; i++) {
        ck_assert(IS_BIGINT(keep->items[i]));
        ck_assert_int_eq(AS_INT(keep->items[i]), big + i);
    }
    /* Boxed ints used as map keys and values are marked too. */
    Map *m = mtm_new(vm, 0);
    mto_list_push(vm, keep, OBJ_VAL(m));
    mtm_set(vm, m, mto_int(vm, big * 2), mto_int(vm, -big));
    mtgc_collect(vm);
    ck_assert_uint_eq(ints_in_use(vm), base + 12);
    ck_assert_int_eq(AS_INT(mtm_first(m)->key), big * 2);
    ck_assert_int_eq(AS_INT(mtm_first(m)->value), -big);
    mtgc_pop_temp(vm, 1);
    mtgc_collect(vm);
    ck_assert_uint_eq(ints_in_use(vm), base);
}
END_TEST

/* {== Through the API ==} */

/* Runs `src` in a fresh VM with the given stress setting; returns what it printed. */
static char *run_program(const char *src, bool stress, mt_Status *st) {
    Capture cap = {0};
    mt_Config cfg;
    mt_config_init(&cfg);
    capture_config(&cfg, &cap);
    cfg.gc_stress = stress;
    mt_VM *v = mt_new(&cfg);
    ck_assert_ptr_nonnull(v);
    *st = mt_run_string(v, "stress.mt", src);
    mt_free(v);
    ck_assert_msg(cap.err.len == 0, "stderr: %s", cap.err.text);
    char *out = cap.out.text;
    unit_buf_free(&cap.err);
    return out;
}

static const char *const stress_program = "class Node:\n"
                                          "    def init(self, v, next):\n"
                                          "        self.v = v\n"
                                          "        self.next = next\n"
                                          "let head = nil\n"
                                          "for i in range(200):\n"
                                          "    head = Node(i, head)\n"
                                          "let total = 0\n"
                                          "let n = head\n"
                                          "while n != nil:\n"
                                          "    total += n.v\n"
                                          "    n = n.next\n"
                                          "print(total)\n"
                                          "let m = {}\n"
                                          "for i in range(100):\n"
                                          "    m[str(i)] = [i, i * 2, f\"v{i}\"]\n"
                                          "print(len(m), m[\"42\"])\n"
                                          "let s = \"\"\n"
                                          "for i in range(50):\n"
                                          "    s = s + str(i)\n"
                                          "print(len(s), s[-4:])\n"
                                          "let big = 0\n"
                                          "for i in range(100):\n"
                                          "    big += 140737488355327\n"
                                          "print(big)\n"
                                          "def make(k):\n"
                                          "    return fn(x): x + k\n"
                                          "let fs = map(fn(k): make(k), range(10))\n"
                                          "print(fs[3](4))\n"
                                          "let caught = 0\n"
                                          "for i in range(20):\n"
                                          "    try:\n"
                                          "        raise ValueError(f\"e{i}\")\n"
                                          "    except ValueError as e:\n"
                                          "        caught += 1\n"
                                          "print(caught)\n"
                                          "def gen(k):\n"
                                          "    for i in range(k):\n"
                                          "        yield [i]\n"
                                          "let got = []\n"
                                          "for v in coroutine(gen, 5):\n"
                                          "    got.append(v[0])\n"
                                          "print(got)\n"
                                          "let ch = channel(2)\n"
                                          "def producer(c):\n"
                                          "    for i in range(10):\n"
                                          "        c.send(str(i))\n"
                                          "    c.close()\n"
                                          "spawn producer(ch)\n"
                                          "let parts = []\n"
                                          "for v in ch:\n"
                                          "    parts.append(v)\n"
                                          "print(\"\".join(parts))\n"
                                          "print(sorted([3, 1, 2], key=fn(x): -x))\n";

static const char *const stress_expected = "19900\n"
                                           "100 [42, 84, \"v42\"]\n"
                                           "90 4849\n"
                                           "14073748835532700\n"
                                           "7\n"
                                           "20\n"
                                           "[0, 1, 2, 3, 4]\n"
                                           "0123456789\n"
                                           "[3, 2, 1]\n";

START_TEST(program_runs_normally) {
    mt_Status st;
    char *out = run_program(stress_program, false, &st);
    ck_assert_int_eq(st, MT_OK);
    ck_assert_str_eq(out, stress_expected);
    free(out);
}
END_TEST

START_TEST(program_runs_under_stress) {
    mt_Status st;
    char *out = run_program(stress_program, true, &st);
    ck_assert_int_eq(st, MT_OK);
    ck_assert_str_eq(out, stress_expected);
    free(out);
}
END_TEST

/* gc() from a script: what the program still uses is intact afterwards. */
START_TEST(gc_builtin_keeps_live_data) {
    mt_Status st;
    char *out = run_program("let xs = []\nfor i in range(1000):\n    xs.append([i, str(i)])\n"
                            "for i in range(1000):\n    let junk = [i, i, i]\n"
                            "gc()\nlet d = []\nfor i in range(30000):\n    d = [d]\ngc()\n"
                            "print(len(xs), xs[999][1], xs[500])\n",
                            false, &st);
    ck_assert_int_eq(st, MT_OK);
    ck_assert_str_eq(out, "1000 999 [500, \"500\"]\n");
    free(out);
}
END_TEST

/* Top-level names (class, let) declared while the collector runs at every allocation:
   the compiler must keep the names it interned alive until they are stored. */
START_TEST(declarations_under_stress) {
    mt_Status st;
    char *out = run_program("class A:\n    def m(self):\n        return 7\nlet s = \"\"\n"
                            "for i in range(3):\n    s = s + str(i)\nprint(A().m(), s)\n",
                            true, &st);
    ck_assert_int_eq(st, MT_OK);
    ck_assert_str_eq(out, "7 012\n");
    free(out);
}
END_TEST

/* A collection while the joined thread runs must keep main (parked in join) alive: it
   is woken by that thread, not deadlocked. No stress mode needed: gc() forces it. */
START_TEST(join_survives_collection_in_joined_thread) {
    mt_Status st;
    char *out = run_program(
        "def work():\n    gc()\n    return 1\nlet t = spawn work()\nprint(t.join())\n", false, &st);
    ck_assert_int_eq(st, MT_OK);
    ck_assert_str_eq(out, "1\n");
    free(out);
    out = run_program("def work():\n    let xs = []\n    for i in range(200000):\n"
                      "        xs.append([i, str(i)])\n    return len(xs)\n"
                      "let t = spawn work()\nprint(t.join())\n",
                      false, &st);
    ck_assert_int_eq(st, MT_OK);
    ck_assert_str_eq(out, "200000\n");
    free(out);
}
END_TEST

/* A killed thread resumed to unwind allocates its ThreadExit before it runs; a collection
   then must still see it (and main, which joins it) as alive. */
START_TEST(kill_then_join_under_stress) {
    mt_Status st;
    char *out =
        run_program("def worker(inbox):\n    try:\n        for msg in inbox:\n"
                    "            print(\"got\", msg)\n    finally:\n        print(\"finally\")\n"
                    "let a = channel()\nlet t = spawn worker(a)\na.send(\"hello\")\nt.kill()\n"
                    "print(t.join())\nprint(\"joined\")\n",
                    true, &st);
    ck_assert_int_eq(st, MT_OK);
    ck_assert_str_eq(out, "got hello\nfinally\nnil\njoined\n");
    free(out);
}
END_TEST

Suite *gc_suite(void) {
    Suite *s = suite_create("gc");
    TCase *tc = tcase_create("collect");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, collect_twice_frees_nothing);
    tcase_add_test(tc, reachable_survives_unreachable_freed);
    tcase_add_test(tc, reachable_through_containers);
    tcase_add_test(tc, module_globals_are_roots);
    tcase_add_test(tc, vm_fields_are_roots);
    tcase_add_test(tc, cycles_are_collected);
    tcase_add_test(tc, deep_chain_marks_without_recursion);
    tcase_add_test(tc, intern_table_is_weak);
    tcase_add_test(tc, boxed_int_cells_are_swept);
    suite_add_tcase(s, tc);
    tc = tcase_create("programs");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, program_runs_normally);
    tcase_add_test(tc, program_runs_under_stress);
    tcase_add_test(tc, gc_builtin_keeps_live_data);
    tcase_add_test(tc, declarations_under_stress);
    tcase_add_test(tc, join_survives_collection_in_joined_thread);
    tcase_add_test(tc, kill_then_join_under_stress);
    suite_add_tcase(s, tc);
    return s;
}
