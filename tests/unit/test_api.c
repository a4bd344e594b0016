/*
** test_api.c — the public API (include/mt.h) as a host sees it: VMs come and go without
** leaks, several live at once without sharing state, output reaches the write callbacks
** exactly, every failure is a status code (compile, runtime, exit, memory), and a custom
** allocator sees every block returned.
*/
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "mt.h"
#include "unit.h"

/* Runs `src` in a fresh VM with captured output; returns the status, and the exit status
   through *exit_status (from mt_free). The caller frees cap. */
static mt_Status run_captured(const char *src, Capture *cap, int *exit_status) {
    mt_Config cfg;
    mt_config_init(&cfg);
    capture_config(&cfg, cap);
    mt_VM *vm = mt_new(&cfg);
    ck_assert_ptr_nonnull(vm);
    mt_Status st = mt_run_string(vm, "prog.mt", src);
    int es = mt_exit_status(vm);
    ck_assert_int_eq(mt_free(vm), es);
    if (exit_status) *exit_status = es;
    return st;
}

/* {== Lifetime ==} */

START_TEST(new_free_repeated) {
    for (int i = 0; i < 30; i++) {
        mt_VM *vm = mt_new(NULL);
        ck_assert_ptr_nonnull(vm);
        ck_assert_int_eq(mt_free(vm), 0);
    }
    ck_assert_int_eq(mt_free(NULL), 0);
}
END_TEST

START_TEST(config_init_gives_defaults) {
    mt_Config cfg;
    memset(&cfg, 0xAB, sizeof cfg);
    mt_config_init(&cfg);
    ck_assert_ptr_null(cfg.realloc_fn);
    ck_assert_ptr_null(cfg.write_out);
    ck_assert_ptr_null(cfg.write_err);
    ck_assert_ptr_null(cfg.user_data);
    ck_assert_uint_eq(cfg.memory_limit, 0);
    ck_assert_uint_eq(cfg.max_frames, 0);
    ck_assert_int_eq(cfg.gc_stress, 0);
}
END_TEST

START_TEST(last_error_starts_empty) {
    mt_VM *vm = mt_new(NULL);
    ck_assert_str_eq(mt_last_error(vm), "");
    ck_assert_int_eq(mt_exit_status(vm), 0);
    mt_free(vm);
}
END_TEST

/* {== Output ==} */

START_TEST(print_output_is_captured_exactly) {
    Capture cap = {0};
    mt_Status st = run_captured("print(1, 2.5, \"a\", [1, \"b\"], {\"k\": nil}, true, nil)\n"
                                "print()\n"
                                "print(1e16, 0.1, -0.0, 2.0, 1e-05, 2 ** 10, 7 / 2, 7 // 2)\n"
                                "print(\"h\xc3\xa9llo \xf0\x9f\x98\x80\", len(\"h\xc3\xa9llo\"))\n"
                                "print(repr(\"q\"), str(12), [[], {}])\n",
                                &cap, NULL);
    ck_assert_int_eq(st, MT_OK);
    ck_assert_str_eq(cap.out.text, "1 2.5 a [1, \"b\"] {\"k\": nil} true nil\n"
                                   "\n"
                                   "1e+16 0.1 -0.0 2.0 1e-05 1024 3.5 3\n"
                                   "h\xc3\xa9llo \xf0\x9f\x98\x80 5\n"
                                   "\"q\" 12 [[], {}]\n");
    ck_assert_str_eq(cap.err.text, "");
    capture_free(&cap);
}
END_TEST

START_TEST(same_vm_runs_several_strings) {
    Capture cap = {0};
    mt_Config cfg;
    mt_config_init(&cfg);
    capture_config(&cfg, &cap);
    mt_VM *vm = mt_new(&cfg);
    ck_assert_int_eq(mt_run_string(vm, "one", "print(1)\n"), MT_OK);
    ck_assert_int_eq(mt_run_string(vm, "two", "print(2)\n"), MT_OK);
    ck_assert_str_eq(cap.out.text, "1\n2\n");
    ck_assert_int_eq(mt_free(vm), 0);
    capture_free(&cap);
}
END_TEST

START_TEST(argv_is_visible) {
    Capture cap = {0};
    mt_Config cfg;
    mt_config_init(&cfg);
    capture_config(&cfg, &cap);
    mt_VM *vm = mt_new(&cfg);
    const char *args[] = {"script.mt", "x", "\xc3\xa9"};
    mt_set_argv(vm, 3, args);
    ck_assert_int_eq(mt_run_string(vm, "argv", "print(argv, len(argv))\n"), MT_OK);
    ck_assert_str_eq(cap.out.text, "[\"script.mt\", \"x\", \"\xc3\xa9\"] 3\n");
    mt_free(vm);
    capture_free(&cap);
}
END_TEST

/* Two VMs alive at once: their globals, output and statuses are their own. */
START_TEST(two_vms_are_independent) {
    Capture ca = {0}, cb = {0};
    mt_Config cfg_a, cfg_b;
    mt_config_init(&cfg_a);
    mt_config_init(&cfg_b);
    capture_config(&cfg_a, &ca);
    capture_config(&cfg_b, &cb);
    mt_VM *a = mt_new(&cfg_a), *b = mt_new(&cfg_b);
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_nonnull(b);
    ck_assert_ptr_ne(a, b);
    ck_assert_int_eq(mt_run_string(a, "a", "let only_in_a = 41\nprint(only_in_a + 1)\n"), MT_OK);
    ck_assert_int_eq(
        mt_run_string(b, "b",
                      "try:\n    print(only_in_a)\nexcept NameError:\n    print(\"not here\")\n"),
        MT_OK);
    ck_assert_int_eq(mt_run_string(b, "b2", "raise ValueError(\"b fails\")\n"), MT_RUNTIME_ERROR);
    ck_assert_int_eq(mt_exit_status(b), 1);
    ck_assert_int_eq(mt_exit_status(a), 0);
    ck_assert_int_eq(mt_run_string(a, "a2", "print(\"a still fine\")\n"), MT_OK);
    ck_assert_str_eq(ca.out.text, "42\na still fine\n");
    ck_assert_str_eq(ca.err.text, "");
    ck_assert_str_eq(cb.out.text, "not here\n");
    ck_assert_ptr_nonnull(strstr(cb.err.text, "b fails"));
    /* Freeing one leaves the other working. */
    ck_assert_int_eq(mt_free(b), 1);
    ck_assert_int_eq(mt_run_string(a, "a3", "print(3)\n"), MT_OK);
    ck_assert_int_eq(mt_free(a), 0);
    ck_assert_str_eq(ca.out.text, "42\na still fine\n3\n");
    capture_free(&ca);
    capture_free(&cb);
}
END_TEST

/* {== Failure statuses ==} */

START_TEST(compile_error_status_and_message) {
    Capture cap = {0};
    mt_Config cfg;
    mt_config_init(&cfg);
    capture_config(&cfg, &cap);
    mt_VM *vm = mt_new(&cfg);
    mt_Status st = mt_run_string(vm, "prog.mt", "print(\"ran\")\nlet c = a + * b\n");
    ck_assert_int_eq(st, MT_COMPILE_ERROR);
    ck_assert_str_eq(unit_first_line(mt_last_error(vm)),
                     "prog.mt:2:13: expected an expression, found '*'");
    ck_assert_str_eq(cap.out.text, ""); /* nothing ran */
    ck_assert_int_eq(mt_exit_status(vm), 2);
    /* The VM stays usable, and the next error replaces the message. */
    ck_assert_int_eq(mt_run_string(vm, "ok.mt", "print(1)\n"), MT_OK);
    ck_assert_int_eq(mt_run_string(vm, "bad.mt", "a < b < c\n"), MT_COMPILE_ERROR);
    ck_assert_str_eq(unit_first_line(mt_last_error(vm)),
                     "bad.mt:1:7: comparisons cannot be chained (write a < b and b < c)");
    ck_assert_int_eq(mt_run_string(vm, "utf.mt", "print(\"\xff\")\n"), MT_COMPILE_ERROR);
    ck_assert_str_eq(unit_first_line(mt_last_error(vm)), "utf.mt:1:8: invalid UTF-8 in source");
    mt_free(vm);
    capture_free(&cap);
}
END_TEST

/* mt_run_buffer takes a length: the text need not end in NUL, and a NUL inside it is
   invalid source, not the end of the program (as it was for stdin, cut at the NUL). */
START_TEST(run_buffer_uses_the_length) {
    Capture cap = {0};
    mt_Config cfg;
    mt_config_init(&cfg);
    capture_config(&cfg, &cap);
    mt_VM *vm = mt_new(&cfg);
    const char text[] = "print(1)\nprint(2)\nthis is not run";
    ck_assert_int_eq(mt_run_buffer(vm, "part.mt", text, 18), MT_OK);
    ck_assert_str_eq(cap.out.text, "1\n2\n");
    const char nul[] = "print(3)\nprint(4)\0print(5)\n";
    ck_assert_int_eq(mt_run_buffer(vm, "nul.mt", nul, sizeof nul - 1), MT_COMPILE_ERROR);
    ck_assert_str_eq(unit_first_line(mt_last_error(vm)), "nul.mt:2:9: invalid UTF-8 in source");
    ck_assert_str_eq(cap.out.text, "1\n2\n"); /* nothing of nul.mt ran */
    mt_free(vm);
    capture_free(&cap);
}
END_TEST

START_TEST(runtime_error_status) {
    Capture cap = {0};
    int es;
    mt_Status st = run_captured("print(\"before\")\nraise ValueError(\"boom\")\nprint(\"after\")\n",
                                &cap, &es);
    ck_assert_int_eq(st, MT_RUNTIME_ERROR);
    ck_assert_int_eq(es, 1);
    ck_assert_str_eq(cap.out.text, "before\n");
    ck_assert_ptr_nonnull(strstr(cap.err.text, "ValueError: boom"));
    ck_assert_ptr_nonnull(strstr(cap.err.text, "prog.mt:2"));
    capture_free(&cap);
}
END_TEST

START_TEST(caught_error_is_ok) {
    Capture cap = {0};
    int es;
    mt_Status st =
        run_captured("try:\n    [][1]\nexcept IndexError:\n    print(\"caught\")\n", &cap, &es);
    ck_assert_int_eq(st, MT_OK);
    ck_assert_int_eq(es, 0);
    ck_assert_str_eq(cap.out.text, "caught\n");
    capture_free(&cap);
}
END_TEST

START_TEST(error_in_thread_sets_status) {
    Capture cap = {0};
    int es;
    mt_Status st = run_captured(
        "def bad():\n    raise ValueError(\"in thread\")\nspawn bad()\nprint(\"main done\")\n",
        &cap, &es);
    ck_assert_int_eq(es, 1);
    ck_assert_int_ne(st, MT_OK);
    ck_assert_str_eq(cap.out.text, "main done\n");
    ck_assert_ptr_nonnull(strstr(cap.err.text, "in thread"));
    capture_free(&cap);
}
END_TEST

START_TEST(exit_gives_status) {
    Capture cap = {0};
    int es;
    mt_Status st = run_captured("print(\"a\")\nexit(3)\nprint(\"b\")\n", &cap, &es);
    ck_assert_int_eq(st, MT_EXIT);
    ck_assert_int_eq(es, 3);
    ck_assert_str_eq(cap.out.text, "a\n");
    capture_free(&cap);
}
END_TEST

/* exit() unwinds through finally blocks, and a bare except cannot swallow it. */
START_TEST(exit_runs_cleanup_and_is_not_caught) {
    Capture cap = {0};
    int es;
    mt_Status st =
        run_captured("try:\n    try:\n        exit(4)\n    except:\n        print(\"swallowed\")\n"
                     "finally:\n    print(\"cleanup\")\nprint(\"after\")\n",
                     &cap, &es);
    ck_assert_int_eq(st, MT_EXIT);
    ck_assert_int_eq(es, 4);
    ck_assert_str_eq(cap.out.text, "cleanup\n");
    capture_free(&cap);
}
END_TEST

START_TEST(missing_file_is_io_error) {
    mt_VM *vm = mt_new(NULL);
    ck_assert_int_eq(mt_run_file(vm, "/nonexistent/unit/test.mt"), MT_IO_ERROR);
    ck_assert_ptr_nonnull(strstr(mt_last_error(vm), "/nonexistent/unit/test.mt"));
    ck_assert_int_eq(mt_exit_status(vm), 2);
    mt_free(vm);
}
END_TEST

/* A host (here: the output callback) asks for an interrupt while the program spins. */
static void signal_on_tick(mt_VM *vm, const char *text, size_t len, void *ud) {
    Capture *cap = ud;
    unit_buf_append(&cap->out, text, len);
    if (len >= 4 && memcmp(text, "tick", 4) == 0) mt_signal(vm, cap->err.len ? SIGTERM : SIGINT);
}

static mt_Status run_signalled(const char *src, bool term, Capture *cap, int *es) {
    mt_Config cfg;
    mt_config_init(&cfg);
    capture_config(&cfg, cap);
    cfg.write_out = signal_on_tick;
    if (term) unit_buf_append(&cap->err, "T", 1); /* tells the writer which signal */
    mt_VM *vm = mt_new(&cfg);
    mt_Status st = mt_run_string(vm, "sig.mt", src);
    *es = mt_free(vm);
    return st;
}

START_TEST(signal_interrupts_a_spinning_program) {
    const char *src = "try:\n    print(\"tick\")\n    while true:\n        pass\nfinally:\n    "
                      "print(\"cleanup\")\n";
    Capture cap = {0};
    int es;
    mt_Status st = run_signalled(src, false, &cap, &es);
    ck_assert_int_eq(st, MT_EXIT);
    ck_assert_int_eq(es, 130);
    ck_assert_str_eq(cap.out.text, "tick\ncleanup\n");
    capture_free(&cap);
    memset(&cap, 0, sizeof cap);
    st = run_signalled(src, true, &cap, &es);
    ck_assert_int_eq(st, MT_EXIT);
    ck_assert_int_eq(es, 143);
    ck_assert_str_eq(cap.out.text, "tick\ncleanup\n");
    capture_free(&cap);
}
END_TEST

/* A thread's function may be a native, including one that suspends (sleep). */
START_TEST(spawn_native_function) {
    Capture cap = {0};
    int es;
    mt_Status st =
        run_captured("let t = spawn sleep(0.01)\nprint(t.join())\nlet u = spawn len([1, 2])\n"
                     "print(u.join())\n",
                     &cap, &es);
    ck_assert_int_eq(st, MT_OK);
    ck_assert_int_eq(es, 0);
    ck_assert_str_eq(cap.out.text, "nil\n2\n");
    capture_free(&cap);
}
END_TEST

/* {== Recursion ==} */

START_TEST(recursion_is_not_on_the_c_stack) {
    Capture cap = {0};
    mt_Status st = run_captured(
        "def f(n):\n    if n == 0:\n        return 0\n    return 1 + f(n - 1)\nprint(f(200000))\n",
        &cap, NULL);
    ck_assert_int_eq(st, MT_OK);
    ck_assert_str_eq(cap.out.text, "200000\n");
    capture_free(&cap);
}
END_TEST

START_TEST(max_frames_gives_recursion_error) {
    Capture cap = {0};
    mt_Config cfg;
    mt_config_init(&cfg);
    capture_config(&cfg, &cap);
    cfg.max_frames = 100;
    mt_VM *vm = mt_new(&cfg);
    mt_Status st =
        mt_run_string(vm, "rec.mt",
                      "def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError:\n"
                      "    print(\"deep\")\ndef g(n):\n    if n == 0:\n        return 0\n"
                      "    return g(n - 1)\nprint(g(50))\n");
    ck_assert_int_eq(st, MT_OK);
    ck_assert_str_eq(cap.out.text, "deep\n0\n");
    /* Exactly 100 frames: the top level and 99 calls (CALL's fast path relies on frames
       never growing past the limit). */
    st = mt_run_string(vm, "depth.mt",
                       "let deepest = [0]\ndef h(n):\n    deepest[0] = n\n    h(n + 1)\n"
                       "try:\n    h(1)\nexcept RecursionError as e:\n    print(deepest[0], e)\n");
    ck_assert_int_eq(st, MT_OK);
    ck_assert_str_eq(cap.out.text, "deep\n0\n99 maximum recursion depth exceeded (100 frames)\n");
    mt_free(vm);
    capture_free(&cap);
}
END_TEST

/* {== Memory ==} */

/* A host allocator that checks the protocol: it remembers every live block and its size,
   so a wrong old_size, a double free or a leak is caught. */
typedef struct {
    void **ptrs;
    size_t *sizes;
    size_t n, cap;
    size_t live_bytes, peak_bytes, allocs, frees;
    bool bad; /* a call broke the protocol */
} Tracker;

static ptrdiff_t tracker_find(Tracker *t, void *p) {
    for (size_t i = t->n; i-- > 0;)
        if (t->ptrs[i] == p) return (ptrdiff_t)i;
    return -1;
}

static void tracker_forget(Tracker *t, void *p, size_t old) {
    ptrdiff_t i = tracker_find(t, p);
    if (i < 0 || t->sizes[i] != old) {
        t->bad = true;
        return;
    }
    t->ptrs[i] = t->ptrs[t->n - 1];
    t->sizes[i] = t->sizes[t->n - 1];
    t->n--;
    t->live_bytes -= old;
}

static void tracker_remember(Tracker *t, void *p, size_t size) {
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 256;
        t->ptrs = realloc(t->ptrs, t->cap * sizeof *t->ptrs);
        t->sizes = realloc(t->sizes, t->cap * sizeof *t->sizes);
    }
    t->ptrs[t->n] = p;
    t->sizes[t->n++] = size;
    t->live_bytes += size;
    if (t->live_bytes > t->peak_bytes) t->peak_bytes = t->live_bytes;
}

static void *tracking_realloc(void *p, size_t old, size_t size, void *ud) {
    Tracker *t = ud;
    if (p == NULL && old != 0) t->bad = true;
    if (p) tracker_forget(t, p, old);
    if (size == 0) {
        t->frees++;
        free(p);
        return NULL;
    }
    void *r = realloc(p, size);
    if (!r) return NULL; /* old block still live: put it back */
    if (!p) t->allocs++;
    tracker_remember(t, r, size);
    return r;
}

static void tracker_free(Tracker *t) {
    free(t->ptrs);
    free(t->sizes);
}

START_TEST(custom_allocator_sees_everything_freed) {
    Tracker t = {0};
    mt_Config cfg;
    mt_config_init(&cfg);
    cfg.realloc_fn = tracking_realloc;
    cfg.user_data = &t; /* the program prints nothing, so the default writers may stay */
    mt_VM *vm = mt_new(&cfg);
    ck_assert_ptr_nonnull(vm);
    ck_assert_uint_gt(t.allocs, 0);
    ck_assert_int_eq(
        mt_run_string(vm, "alloc.mt",
                      "let xs = []\nfor i in range(20000):\n    xs.append([i, str(i) * 40])\n"
                      "let m = {}\nfor i in range(5000):\n    m[i] = 1 << 60\ngc()\n"),
        MT_OK);
    mt_free(vm);
    ck_assert_msg(!t.bad, "allocator protocol broken (wrong old_size or unknown pointer)");
    ck_assert_uint_eq(t.n, 0);
    ck_assert_uint_eq(t.live_bytes, 0);
    ck_assert_uint_eq(t.allocs, t.frees);
    tracker_free(&t);
}
END_TEST

/* The bytes a fresh VM holds, measured with the tracker. */
static size_t startup_bytes(void) {
    Tracker t = {0};
    mt_Config cfg;
    mt_config_init(&cfg);
    cfg.realloc_fn = tracking_realloc;
    cfg.user_data = &t;
    mt_VM *vm = mt_new(&cfg);
    size_t n = t.live_bytes;
    mt_free(vm);
    tracker_free(&t);
    return n;
}

static mt_Status run_limited(const char *src, size_t limit, Capture *cap) {
    mt_Config cfg;
    mt_config_init(&cfg);
    capture_config(&cfg, cap);
    cfg.memory_limit = limit;
    mt_VM *vm = mt_new(&cfg);
    ck_assert_ptr_nonnull(vm);
    mt_Status st = mt_run_string(vm, "mem.mt", src);
    /* After a MemoryError the VM still answers (it may refuse to run, but not crash). */
    mt_run_string(vm, "after.mt", "print(\"after\")\n");
    mt_free(vm);
    return st;
}

START_TEST(memory_limit_raises_memory_error) {
    size_t limit = startup_bytes() + (4u << 20);
    Capture cap = {0};
    mt_Status st =
        run_limited("let xs = []\nwhile true:\n    xs.append([1, 2, 3, 4])\n", limit, &cap);
    ck_assert_int_eq(st, MT_MEMORY_ERROR);
    ck_assert_msg(strstr(cap.err.text, "MemoryError") != NULL, "stderr: %s", cap.err.text);
    capture_free(&cap);
}
END_TEST

START_TEST(memory_error_can_be_caught) {
    size_t limit = startup_bytes() + (4u << 20);
    Capture cap = {0};
    mt_Status st =
        run_limited("let xs = []\ntry:\n    while true:\n        xs.append(\"x\" * 1000)\n"
                    "except MemoryError:\n    xs = nil\n    print(\"recovered\")\ngc()\n"
                    "print(len([1, 2, 3]))\n",
                    limit, &cap);
    ck_assert_int_eq(st, MT_OK);
    ck_assert_str_eq(cap.out.text, "recovered\n3\nafter\n");
    capture_free(&cap);
}
END_TEST

START_TEST(huge_request_under_limit_is_memory_error) {
    size_t limit = startup_bytes() + (4u << 20);
    Capture cap = {0};
    mt_Status st = run_limited(
        "try:\n    let s = \"x\" * 100000000\nexcept MemoryError:\n    print(\"too big\")\n", limit,
        &cap);
    ck_assert_int_eq(st, MT_OK);
    ck_assert_str_eq(cap.out.text, "too big\nafter\n");
    capture_free(&cap);
}
END_TEST

/* A limit too small for the standard library: mt_new fails cleanly (NULL), leaking nothing. */
START_TEST(tiny_limit_fails_mt_new_cleanly) {
    Tracker t = {0};
    mt_Config cfg;
    mt_config_init(&cfg);
    cfg.realloc_fn = tracking_realloc;
    cfg.user_data = &t;
    cfg.memory_limit = 4096;
    mt_VM *vm = mt_new(&cfg);
    ck_assert_ptr_null(vm);
    ck_assert(!t.bad);
    ck_assert_uint_eq(t.live_bytes, 0);
    tracker_free(&t);
}
END_TEST

START_TEST(stress_vm_lifetime) {
    Tracker t = {0};
    mt_Config cfg;
    mt_config_init(&cfg);
    cfg.realloc_fn = tracking_realloc;
    cfg.user_data = &t;
    cfg.gc_stress = 1;
    mt_VM *vm = mt_new(&cfg);
    ck_assert_ptr_nonnull(vm);
    ck_assert_int_eq(mt_run_string(vm, "s.mt", "let a = [str(1), {\"k\": [2]}]\n"), MT_OK);
    mt_free(vm);
    ck_assert(!t.bad);
    ck_assert_uint_eq(t.live_bytes, 0);
    tracker_free(&t);
}
END_TEST

/* {== Signals from another OS thread ==} */

typedef struct {
    mt_VM *vm;
    useconds_t delay;
} SignalLater;

static void *signal_later(void *arg) {
    SignalLater *s = arg;
    usleep(s->delay);
    mt_signal(s->vm, SIGINT);
    return NULL;
}

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* A VM asleep in the poller (sleep(3)) notices mt_signal from another thread at once, not
   when the 3 s are over: the poller's self-pipe wakes it. */
START_TEST(signal_from_other_thread_wakes_sleep) {
    Capture cap = {0};
    mt_Config cfg;
    mt_config_init(&cfg);
    capture_config(&cfg, &cap);
    mt_VM *vm = mt_new(&cfg);
    SignalLater sl = {vm, 100000};
    pthread_t th;
    ck_assert_int_eq(pthread_create(&th, NULL, signal_later, &sl), 0);
    double t0 = now_seconds();
    mt_Status st = mt_run_string(vm, "sleeper.mt",
                                 "try:\n    sleep(3)\nexcept Interrupt:\n    print(\"woken\")\n");
    double elapsed = now_seconds() - t0;
    pthread_join(th, NULL);
    ck_assert_int_eq(st, MT_OK);
    ck_assert_str_eq(cap.out.text, "woken\n");
    ck_assert_msg(elapsed < 1.5, "the signal took %.2f s to be noticed", elapsed);
    mt_free(vm);
    capture_free(&cap);
}
END_TEST

Suite *api_suite(void) {
    Suite *s = suite_create("api");
    TCase *tc = tcase_create("lifetime");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, new_free_repeated);
    tcase_add_test(tc, config_init_gives_defaults);
    tcase_add_test(tc, last_error_starts_empty);
    tcase_add_test(tc, two_vms_are_independent);
    tcase_add_test(tc, same_vm_runs_several_strings);
    tcase_add_test(tc, argv_is_visible);
    tcase_add_test(tc, signal_from_other_thread_wakes_sleep);
    suite_add_tcase(s, tc);
    tc = tcase_create("running");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, print_output_is_captured_exactly);
    tcase_add_test(tc, compile_error_status_and_message);
    tcase_add_test(tc, run_buffer_uses_the_length);
    tcase_add_test(tc, runtime_error_status);
    tcase_add_test(tc, caught_error_is_ok);
    tcase_add_test(tc, error_in_thread_sets_status);
    tcase_add_test(tc, exit_gives_status);
    tcase_add_test(tc, exit_runs_cleanup_and_is_not_caught);
    tcase_add_test(tc, missing_file_is_io_error);
    tcase_add_test(tc, signal_interrupts_a_spinning_program);
    tcase_add_test(tc, spawn_native_function);
    tcase_add_test(tc, recursion_is_not_on_the_c_stack);
    tcase_add_test(tc, max_frames_gives_recursion_error);
    suite_add_tcase(s, tc);
    tc = tcase_create("memory");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, custom_allocator_sees_everything_freed);
    tcase_add_test(tc, memory_limit_raises_memory_error);
    tcase_add_test(tc, memory_error_can_be_caught);
    tcase_add_test(tc, huge_request_under_limit_is_memory_error);
    tcase_add_test(tc, tiny_limit_fails_mt_new_cleanly);
    tcase_add_test(tc, stress_vm_lifetime);
    suite_add_tcase(s, tc);
    return s;
}
