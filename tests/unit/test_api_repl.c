/*
** test_api_repl.c — the part of the public API interactive hosts use (mt.h, "Hosts with a
** prompt"; vm/api_repl.c), and what a REPL relies on elsewhere: source that ends too early
** is incomplete (mt_incomplete), an exit() in a chunk returns MT_EXIT once every thread
** has unwound. Each test is a host: it runs chunks with mt_exec and looks at the results
** through slots only.
*/
#include <signal.h>
#include <stdio.h>

#include "mt.h"
#include "unit.h"

/* A host VM with captured output (stress as MT_GC_STRESS says). */
static mt_VM *host_vm(Capture *cap) {
    mt_Config cfg;
    mt_config_init(&cfg);
    capture_config(&cfg, cap);
    cfg.gc_stress = unit_stress();
    mt_VM *vm = mt_new(&cfg);
    ck_assert_ptr_nonnull(vm);
    ck_assert_int_eq(mt_ensure_slots(vm, 8), MT_OK);
    return vm;
}

static void exec_ok(mt_VM *vm, const char *src) {
    mt_Status st = mt_exec(vm, "<test>", src, strlen(src), 0);
    ck_assert_msg(st == MT_OK, "%s: %s", src, mt_status_name(st));
}

/* Whether the list in `slot` holds the str `name`. */
static bool list_has(mt_VM *vm, int slot, const char *name) {
    int64_t n = mt_len(vm, slot);
    for (int64_t i = 0; i < n; i++) {
        ck_assert_int_eq(mt_list_get(vm, slot, i, 7), MT_OK);
        const char *s = mt_get_str(vm, 7, NULL);
        if (s && strcmp(s, name) == 0) return true;
    }
    return false;
}

/* Whether the strs of the list in `slot` are sorted, each once. */
static bool list_sorted(mt_VM *vm, int slot) {
    int64_t n = mt_len(vm, slot);
    char prev[256] = "";
    for (int64_t i = 0; i < n; i++) {
        ck_assert_int_eq(mt_list_get(vm, slot, i, 7), MT_OK);
        const char *s = mt_get_str(vm, 7, NULL);
        if (i > 0 && strcmp(prev, s) >= 0) return false;
        snprintf(prev, sizeof prev, "%s", s);
    }
    return true;
}

/* {== Incomplete source ==} */

static bool incomplete(mt_VM *vm, const char *src) {
    mt_Status st = mt_check(vm, "<test>", src, strlen(src));
    return st == MT_COMPILE_ERROR && mt_incomplete(vm);
}

START_TEST(source_that_ends_too_early_is_incomplete) {
    Capture cap = {0};
    mt_VM *vm = host_vm(&cap);
    static const char *const more[] = {
        "foo(1,",
        "[1,\n",
        "(1,", /* a tuple display goes on */
        "let m = {\n",
        "\"abc",
        "'''doc\n\n",
        "def f():",
        "def f():\n",
        "def f():\n    try:\n",
        "try:\n    pass\n",
        "if x:\n    if y:\n",
        "class A:\n    def m(self):\n",
        NULL,
    };
    for (int i = 0; more[i]; i++)
        ck_assert_msg(incomplete(vm, more[i]), "not incomplete: %s", more[i]);
    static const char *const wrong[] = {"x = ", "foo(**)", "(1 2", "1 +* 2", "let = 1", NULL};
    for (int i = 0; wrong[i]; i++) {
        ck_assert_int_eq(mt_check(vm, "<test>", wrong[i], strlen(wrong[i])), MT_COMPILE_ERROR);
        ck_assert_msg(!mt_incomplete(vm), "incomplete: %s", wrong[i]);
    }
    ck_assert_int_eq(mt_check(vm, "<test>", "foo(1,\n 2)", 10), MT_OK);
    mt_free(vm);
    capture_free(&cap);
}
END_TEST

/* {== Names ==} */

START_TEST(global_names_list_chunks_and_builtins) {
    Capture cap = {0};
    mt_VM *vm = host_vm(&cap);
    exec_ok(vm, "let zed = 1\ndef fun():\n    pass\nzed");
    ck_assert_int_eq(mt_global_names(vm, NULL, 1), MT_OK);
    ck_assert(list_has(vm, 1, "zed"));
    ck_assert(list_has(vm, 1, "fun"));
    ck_assert(list_has(vm, 1, "print"));
    ck_assert(!list_has(vm, 1, "@result"));
    ck_assert(list_sorted(vm, 1));
    ck_assert_int_eq(mt_global_names(vm, "math", 1), MT_NOT_FOUND);
    exec_ok(vm, "import math");
    ck_assert_int_eq(mt_global_names(vm, "math", 1), MT_OK);
    ck_assert(list_has(vm, 1, "floor"));
    ck_assert(!list_has(vm, 1, "print"));
    mt_free(vm);
    capture_free(&cap);
}
END_TEST

START_TEST(member_names_of_live_values) {
    Capture cap = {0};
    mt_VM *vm = host_vm(&cap);
    exec_ok(vm, "class Base:\n    def base_m(self):\n        pass\n"
                "class P(Base):\n    def init(self):\n        self.field = 1\n"
                "    def meth(self):\n        pass\n"
                "let p = P()\nlet xs = []\nimport json");
    ck_assert_int_eq(mt_get_global(vm, NULL, "p", 2), MT_OK);
    ck_assert_int_eq(mt_member_names(vm, 2, 1), MT_OK);
    ck_assert(list_has(vm, 1, "field"));
    ck_assert(list_has(vm, 1, "meth"));
    ck_assert(list_has(vm, 1, "base_m"));
    ck_assert(list_sorted(vm, 1));
    ck_assert_int_eq(mt_get_global(vm, NULL, "xs", 2), MT_OK);
    ck_assert_int_eq(mt_member_names(vm, 2, 1), MT_OK);
    ck_assert(list_has(vm, 1, "append"));
    ck_assert_int_eq(mt_get_global(vm, NULL, "json", 2), MT_OK);
    ck_assert_int_eq(mt_member_names(vm, 2, 1), MT_OK);
    ck_assert(list_has(vm, 1, "encode"));
    ck_assert_int_eq(mt_set_int(vm, 2, 5), MT_OK);
    ck_assert_int_eq(mt_member_names(vm, 2, 1), MT_OK);
    ck_assert_int_eq(mt_len(vm, 1), 0);
    ck_assert_int_eq(mt_module_names(vm, 1), MT_OK);
    ck_assert(list_has(vm, 1, "math"));
    ck_assert(list_has(vm, 1, "json"));
    ck_assert(list_sorted(vm, 1));
    mt_free(vm);
    capture_free(&cap);
}
END_TEST

/* {== Signatures and comments ==} */

static const char *signature_of(mt_VM *vm, const char *global) {
    ck_assert_int_eq(mt_get_global(vm, NULL, global, 2), MT_OK);
    mt_Status st = mt_signature(vm, 2, 3);
    ck_assert_msg(st == MT_OK, "%s: %s", global, mt_status_name(st));
    return mt_get_str(vm, 3, NULL);
}

START_TEST(signatures_and_comments) {
    Capture cap = {0};
    mt_VM *vm = host_vm(&cap);
    exec_ok(vm, "# Adds.\n#   Really.\ndef add(a, b = 0):\n    return a + b\n"
                "def spread(first,\n           second = [1, 2]):  # why\n    pass\n"
                "let lam = fn(v): v\n"
                "# A point.\nclass P:\n    def init(self, x, y):\n        pass\n");
    ck_assert_str_eq(signature_of(vm, "add"), "add(a, b = 0)");
    ck_assert_str_eq(signature_of(vm, "spread"), "spread(first, second = [1, 2])");
    ck_assert_str_eq(signature_of(vm, "lam"), "fn(v)");
    ck_assert_str_eq(signature_of(vm, "P"), "P(x, y)");
    ck_assert_str_eq(signature_of(vm, "len"), "len(1 argument)");
    ck_assert_str_eq(signature_of(vm, "print"), "print(any arguments)");
    ck_assert_int_eq(mt_get_global(vm, NULL, "add", 2), MT_OK);
    ck_assert_int_eq(mt_doc(vm, 2, 3), MT_OK);
    ck_assert_str_eq(mt_get_str(vm, 3, NULL), "Adds.\n  Really.");
    ck_assert_int_eq(mt_get_global(vm, NULL, "P", 2), MT_OK);
    ck_assert_int_eq(mt_doc(vm, 2, 3), MT_OK);
    ck_assert_str_eq(mt_get_str(vm, 3, NULL), "A point.");
    ck_assert_int_eq(mt_get_global(vm, NULL, "spread", 2), MT_OK);
    ck_assert_int_eq(mt_doc(vm, 2, 3), MT_NOT_FOUND);
    ck_assert_int_eq(mt_get_global(vm, NULL, "len", 2), MT_OK);
    ck_assert_int_eq(mt_doc(vm, 2, 3), MT_NOT_FOUND);
    ck_assert_int_eq(mt_set_int(vm, 2, 1), MT_OK);
    ck_assert_int_eq(mt_signature(vm, 2, 3), MT_TYPE_ERROR);
    mt_free(vm);
    capture_free(&cap);
}
END_TEST

/* {== Threads ==} */

START_TEST(threads_and_where_they_wait) {
    Capture cap = {0};
    mt_VM *vm = host_vm(&cap);
    exec_ok(vm, "let ch = channel()\ndef sleeper():\n    sleep(100)\n"
                "def reader():\n    return ch.recv()\n"
                "let a = spawn sleeper()\nlet b = spawn reader()");
    mt_StepInfo info;
    ck_assert_int_eq(mt_step(vm, 0, 0, &info), MT_OK);
    ck_assert_int_eq(info.threads, 2);
    ck_assert_int_eq(mt_threads(vm, 1), MT_OK);
    ck_assert_int_eq(mt_len(vm, 1), 2);
    mt_ThreadInfo t;
    ck_assert_int_eq(mt_list_get(vm, 1, 0, 2), MT_OK);
    ck_assert_int_eq(mt_thread_info(vm, 2, &t), MT_OK);
    ck_assert_str_eq(t.state, "sleep");
    ck_assert_str_eq(t.function, "sleeper");
    ck_assert_str_eq(t.entry, "sleeper");
    ck_assert_int_eq(t.line, 3);
    ck_assert(t.wakes_in > 50 && t.wakes_in <= 100);
    ck_assert(!t.main);
    ck_assert_int_eq(mt_list_get(vm, 1, 1, 2), MT_OK);
    ck_assert_int_eq(mt_thread_info(vm, 2, &t), MT_OK);
    ck_assert_str_eq(t.state, "recv");
    ck_assert_str_eq(t.function, "reader");
    ck_assert(t.wakes_in < 0);
    ck_assert_int_eq(mt_set_int(vm, 2, 1), MT_OK);
    ck_assert_int_eq(mt_thread_info(vm, 2, &t), MT_TYPE_ERROR);
    mt_free(vm);
    capture_free(&cap);
}
END_TEST

/* {== Ending ==} */

START_TEST(shutdown_runs_cleanup) {
    Capture cap = {0};
    mt_VM *vm = host_vm(&cap);
    exec_ok(vm, "def t():\n    try:\n        sleep(100)\n    finally:\n        print(\"clean\")\n"
                "spawn t()");
    ck_assert_int_eq(mt_step(vm, 0, 0, NULL), MT_OK);
    ck_assert(!mt_ending(vm));
    ck_assert_int_eq(mt_shutdown(vm, 7), MT_OK);
    ck_assert(mt_ending(vm));
    ck_assert_int_eq(mt_run(vm), MT_EXIT);
    ck_assert(!mt_ending(vm));
    ck_assert_int_eq(mt_exit_status(vm), 7);
    ck_assert_str_eq(cap.out.text, "clean\n");
    mt_free(vm);
    capture_free(&cap);
}
END_TEST

START_TEST(exit_in_a_chunk_waits_for_every_thread) {
    Capture cap = {0};
    mt_VM *vm = host_vm(&cap);
    exec_ok(vm, "def t():\n    try:\n        sleep(100)\n    finally:\n        sleep(0.01)\n"
                "        print(\"clean\")\nspawn t()");
    ck_assert_int_eq(mt_step(vm, 0, 0, NULL), MT_OK);
    ck_assert_int_eq(mt_exec(vm, "<test>", "exit(3)", 7, 0), MT_EXIT);
    ck_assert_int_eq(mt_exit_status(vm), 3);
    ck_assert_str_eq(cap.out.text, "clean\n");
    mt_free(vm);
    capture_free(&cap);
}
END_TEST

START_TEST(signal_cancel_withdraws_a_request) {
    Capture cap = {0};
    mt_VM *vm = host_vm(&cap);
    mt_signal(vm, SIGINT);
    mt_signal_cancel(vm);
    exec_ok(vm, "let n = 0\nfor i in range(1000):\n    n += 1");
    ck_assert_int_eq(mt_step(vm, 0, 0, NULL), MT_OK);
    mt_free(vm);
    capture_free(&cap);
}
END_TEST

Suite *api_repl_suite(void) {
    Suite *s = suite_create("api_repl");
    TCase *tc = tcase_create("repl");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, source_that_ends_too_early_is_incomplete);
    tcase_add_test(tc, global_names_list_chunks_and_builtins);
    tcase_add_test(tc, member_names_of_live_values);
    tcase_add_test(tc, signatures_and_comments);
    tcase_add_test(tc, threads_and_where_they_wait);
    tcase_add_test(tc, shutdown_runs_cleanup);
    tcase_add_test(tc, exit_in_a_chunk_waits_for_every_thread);
    tcase_add_test(tc, signal_cancel_withdraws_a_request);
    suite_add_tcase(s, tc);
    return s;
}
