/*
** test_memory.c — running out of memory, as a host sees it: mt_new fails cleanly, the
** collector runs before MemoryError, the reserve closes again, a dead VM stays dead, the
** statuses of mt.h, and every block back after mt_free (the allocator here checks sizes
** and counts what is live). The allocation-failure sweep over whole programs is
** tests/oom; these are the cases that need a particular setup.
*/
#include <stdio.h>

#include "mt.h"
#include "unit.h"

/* {== A host allocator that can refuse ==} */

typedef struct {
    Capture cap;
    size_t live_bytes, live_blocks;
    uint64_t calls;   /* allocations asked for */
    uint64_t fail_at; /* 0: never; else this allocation fails... */
    bool fail_after;  /* ...and, if set, every later one */
    bool failed;
    size_t refuse_over; /* when nonzero: refuse growing any block past this many bytes */
    bool bad;           /* a free's size did not match (checked by a header before the block) */
} Host;

/* Each block carries its size in front, so that a wrong old_size is caught. */
static void *host_realloc(void *p, size_t old, size_t size, void *ud) {
    Host *h = ud;
    size_t *hdr = p ? (size_t *)p - 2 : NULL;
    if (hdr && hdr[0] != old) h->bad = true;
    if (size == 0) {
        if (p) {
            h->live_bytes -= old;
            h->live_blocks--;
        }
        free(hdr);
        return NULL;
    }
    h->calls++;
    if (h->fail_at && (h->calls == h->fail_at || (h->fail_after && h->calls > h->fail_at))) {
        h->failed = true;
        return NULL;
    }
    if (h->refuse_over && p && size > h->refuse_over) return NULL;
    size_t *n = realloc(hdr, size + 2 * sizeof(size_t));
    ck_assert_ptr_nonnull(n);
    n[0] = size;
    if (p) h->live_bytes -= old;
    else h->live_blocks++;
    h->live_bytes += size;
    return n + 2;
}

static mt_VM *host_vm(Host *h, size_t limit) {
    mt_Config cfg;
    mt_config_init(&cfg);
    capture_config(&cfg, &h->cap);
    cfg.realloc_fn = host_realloc;
    cfg.user_data = h;
    cfg.memory_limit = limit;
    return mt_new(&cfg);
}

/* Frees the VM and checks that every block came back with the size it was given. */
static int host_free(Host *h, mt_VM *vm) {
    int status = mt_free(vm);
    ck_assert_msg(!h->bad, "a block was freed with the wrong size");
    ck_assert_uint_eq(h->live_blocks, 0);
    ck_assert_uint_eq(h->live_bytes, 0);
    capture_free(&h->cap);
    return status;
}

/* The bytes a fresh VM holds (with the standard library). */
static size_t startup_bytes(void) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, 0);
    size_t n = h.live_bytes;
    host_free(&h, vm);
    return n;
}

/* {== Opening ==} */

/* mt_new used to compile the prelude with a code buffer freed twice on failure, and to
   return a half-built VM when the prelude failed: now, whichever allocation fails, it
   returns NULL having freed everything, or (when a collection let a retry succeed) a VM
   that works. */
static void open_with_failure(uint64_t n, bool after, uint64_t *opening_calls) {
    Host h = {0};
    h.fail_at = n;
    h.fail_after = after;
    mt_VM *vm = host_vm(&h, 0);
    if (opening_calls) *opening_calls = h.calls;
    if (!vm) {
        ck_assert_msg(h.failed, "NULL without a failure");
        ck_assert_uint_eq(h.live_blocks, 0);
        ck_assert_uint_eq(h.live_bytes, 0);
        ck_assert(!h.bad);
        capture_free(&h.cap);
        return;
    }
    ck_assert_msg(!after || !h.failed, "mt_new succeeded with every allocation after %llu failing",
                  (unsigned long long)n);
    h.fail_at = 0;
    ck_assert_int_eq(mt_run_string(vm, "ok.mt", "print(sorted([3, 1, 2]))\n"), MT_OK);
    ck_assert_str_eq(h.cap.out.text, "[1, 2, 3]\n");
    ck_assert_str_eq(h.cap.err.text, "");
    host_free(&h, vm);
}

START_TEST(mt_new_fails_cleanly_at_every_allocation) {
    uint64_t calls = 0;
    open_with_failure(0, false, &calls);
    ck_assert_uint_gt(calls, 10);
    for (uint64_t n = 1; n <= calls; n++) {
        open_with_failure(n, true, NULL);
        open_with_failure(n, false, NULL);
    }
}
END_TEST

START_TEST(tiny_limit_gives_null) {
    Host h = {0};
    ck_assert_ptr_null(host_vm(&h, 100));
    ck_assert_ptr_null(host_vm(&h, 20000));
    ck_assert_uint_eq(h.live_blocks, 0);
    capture_free(&h.cap);
}
END_TEST

/* {== Collecting before MemoryError ==} */

/* Under a limit below the first collection's threshold (4 MiB), garbage used to pile up
   until MemoryError: the allocator now collects before giving up. */
START_TEST(garbage_is_collected_before_memory_error) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, startup_bytes() + (2u << 20));
    mt_Status st = mt_run_string(vm, "garbage.mt",
                                 "let n = 0\n"
                                 "for i in range(20000):\n"
                                 "    let tmp = [i, str(i) * 20, {\"k\": i}]\n"
                                 "    n += len(tmp)\n"
                                 "print(n)\n");
    ck_assert_msg(st == MT_OK, "status %d, stderr: %s", st, h.cap.err.text);
    ck_assert_str_eq(h.cap.out.text, "60000\n");
    host_free(&h, vm);
}
END_TEST

/* The collector's gray stack used to abort() when it could not grow. Now the objects it
   cannot hold stay marked and are rescanned. Here no block may grow past 2 KiB once the VM
   is open (the program's list is allocated at its full size), so the first collection's
   gray stack cannot grow while it marks a list of 100,000 lists. */
START_TEST(gray_stack_that_cannot_grow_is_not_fatal) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, 0);
    ck_assert_ptr_nonnull(vm);
    h.refuse_over = 2048;
    mt_Status st = mt_run_string(vm, "gray.mt",
                                 "let xs = list(range(100000))\n"
                                 "for i in range(100000):\n"
                                 "    xs[i] = [i]\n"
                                 "gc()\n"
                                 "let total = 0\n"
                                 "for x in xs:\n"
                                 "    total += x[0]\n"
                                 "print(len(xs), xs[99999][0], total)\n");
    ck_assert_msg(st == MT_OK, "status %d, stderr: %s", st, h.cap.err.text);
    ck_assert_str_eq(h.cap.out.text, "100000 99999 4999950000\n");
    host_free(&h, vm);
}
END_TEST

/* {== The reserve ==} */

/* The reserve used to close only when usage fell 512 KiB under the limit, and chunk
   memory never falls: a second MemoryError then killed the VM. Now it closes once a
   collection leaves the live heap at 3/4 of the limit, so it can be caught again. */
START_TEST(memory_error_can_be_caught_again) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, startup_bytes() + (3u << 20));
    mt_Status st = mt_run_string(vm, "again.mt",
                                 "let caught = 0\n"
                                 "for round in range(4):\n"
                                 "    let xs = []\n"
                                 "    try:\n"
                                 "        while true:\n"
                                 "            xs.append([round, round])\n"
                                 "    except MemoryError:\n"
                                 "        caught += 1\n"
                                 "    xs = nil\n"
                                 "print(\"caught\", caught)\n");
    ck_assert_msg(st == MT_OK, "status %d, stderr: %s", st, h.cap.err.text);
    ck_assert_str_eq(h.cap.out.text, "caught 4\n");
    host_free(&h, vm);
}
END_TEST

/* The preallocated MemoryError used to keep every frame of every raise: the second
   traceback showed the frames of the first. */
START_TEST(memory_error_traceback_is_fresh_each_time) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, startup_bytes() + (2u << 20));
    mt_Status st = mt_run_string(vm, "fresh.mt",
                                 "def fill(n):\n"
                                 "    if n > 0:\n"
                                 "        return fill(n - 1)\n"
                                 "    let xs = []\n"
                                 "    while true:\n"
                                 "        xs.append(\"x\" * 5000)\n"
                                 "try:\n"
                                 "    fill(3)\n"
                                 "except MemoryError:\n"
                                 "    print(\"first\")\n"
                                 "gc()\n"
                                 "let ys = []\n"
                                 "while true:\n"
                                 "    ys.append(\"y\" * 5000)\n");
    ck_assert_int_eq(st, MT_MEMORY_ERROR);
    ck_assert_str_eq(h.cap.out.text, "first\n");
    ck_assert_str_eq(h.cap.err.text, "Traceback (most recent call last):\n"
                                     "  fresh.mt:14, in <module>\n"
                                     "    ys.append(\"y\" * 5000)\n"
                                     "MemoryError: out of memory\n");
    ck_assert_str_eq(mt_last_error(vm), "");
    ck_assert_int_eq(host_free(&h, vm), 1);
}
END_TEST

/* With 10,000 threads blocked inside try/finally, a program that ends in MemoryError used
   to run the cleanup of about a quarter of them before the reserve ran out. */
START_TEST(every_cleanup_runs_after_memory_error) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, startup_bytes() + (8u << 20));
    mt_Status st = mt_run_string(vm, "cleanup.mt",
                                 "let never = channel()\n"
                                 "let cleaned = 0\n"
                                 "def worker(i):\n"
                                 "    try:\n"
                                 "        never.recv()\n"
                                 "    finally:\n"
                                 "        cleaned += 1\n"
                                 "        if cleaned == 10000:\n"
                                 "            print(\"all\", cleaned)\n"
                                 "for i in range(10000):\n"
                                 "    spawn worker(i)\n"
                                 "yield\n"
                                 "let hog = []\n"
                                 "while true:\n"
                                 "    hog.append(\"x\" * 1000)\n");
    ck_assert_int_eq(st, MT_MEMORY_ERROR);
    ck_assert_str_eq(h.cap.out.text, "all 10000\n");
    ck_assert_msg(strstr(h.cap.err.text, "MemoryError: out of memory") != NULL, "stderr: %s",
                  h.cap.err.text);
    host_free(&h, vm);
}
END_TEST

/* {== A dead VM ==} */

/* Out of memory even while unwinding (a finally needs more than the reserve): the VM is
   dead. The next call used to resume the dead program's fiber with a broken stack; now
   every call reports it and runs nothing, and mt_free still frees everything (also a
   thread left waiting in a select, which used to leave its channel after the channel was
   freed). */
START_TEST(dead_vm_runs_nothing_and_frees_everything) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, startup_bytes() + (2u << 20));
    mt_Status st = mt_run_string(vm, "dead.mt",
                                 "let never = channel()\n"
                                 "def waiter():\n"
                                 "    select:\n"
                                 "        case never.recv() as v:\n"
                                 "            pass\n"
                                 "spawn waiter()\n"
                                 "yield\n"
                                 "let keep = []\n"
                                 "try:\n"
                                 "    while true:\n"
                                 "        keep.append(\"x\" * 100000)\n"
                                 "finally:\n"
                                 "    let more = \"y\" * 3000000\n"
                                 "    print(\"unreachable\")\n");
    ck_assert_int_eq(st, MT_MEMORY_ERROR);
    ck_assert_str_eq(mt_last_error(vm),
                     "out of memory even while unwinding: the VM cannot run code");
    ck_assert_int_eq(mt_exit_status(vm), 1);
    ck_assert_int_eq(mt_run_string(vm, "after.mt", "print(\"after\")\n"), MT_MEMORY_ERROR);
    ck_assert_int_eq(mt_run_file(vm, "/nonexistent.mt"), MT_MEMORY_ERROR);
    ck_assert_int_eq(mt_disassemble_file(vm, "/nonexistent.mt"), MT_MEMORY_ERROR);
    const char *args[] = {"x"};
    ck_assert_int_eq(mt_set_argv(vm, 1, args), MT_MEMORY_ERROR);
    ck_assert_str_eq(h.cap.out.text, "");
    ck_assert_int_eq(host_free(&h, vm), 1);
}
END_TEST

/* {== Kills ==} */

/* From "armed" on, every allocation fails. */
static void arm_on_print(mt_VM *vm, const char *text, size_t len, void *ud) {
    (void)vm;
    Host *h = ud;
    unit_buf_append(&h->cap.out, text, len);
    if (len >= 5 && memcmp(text, "armed", 5) == 0) {
        h->fail_at = h->calls + 1;
        h->fail_after = true;
    }
}

/* A kill whose ThreadExit could not be allocated used to become a MemoryError, which the
   killed thread's bare `except` swallowed: the kill was lost. Now the preallocated
   ThreadExit is raised, so the cleanup runs and the thread ends. */
START_TEST(kill_without_memory_is_still_a_kill) {
    Host h = {0};
    mt_Config cfg;
    mt_config_init(&cfg);
    capture_config(&cfg, &h.cap);
    cfg.write_out = arm_on_print;
    cfg.realloc_fn = host_realloc;
    cfg.user_data = &h;
    mt_VM *vm = mt_new(&cfg);
    ck_assert_ptr_nonnull(vm);
    mt_Status st = mt_run_string(vm, "kill.mt",
                                 "def worker():\n"
                                 "    try:\n"
                                 "        try:\n"
                                 "            sleep(10)\n"
                                 "        except:\n"
                                 "            print(\"swallowed\")\n"
                                 "    finally:\n"
                                 "        print(\"finally\")\n"
                                 "let t = spawn worker()\n"
                                 "sleep(0)\n"
                                 "print(\"armed\")\n"
                                 "t.kill()\n"
                                 "t.join()\n"
                                 "print(\"joined\")\n");
    ck_assert_msg(h.failed, "no allocation failed after arming");
    ck_assert_msg(st == MT_OK, "status %d, stderr: %s", st, h.cap.err.text);
    ck_assert_str_eq(h.cap.out.text, "armed\nfinally\njoined\n");
    host_free(&h, vm);
}
END_TEST

/* {== Statuses ==} */

/* Memory running out while compiling used to be MT_COMPILE_ERROR ("out of memory while
   compiling" as if the source were wrong): it is MT_MEMORY_ERROR, whichever allocation of
   the compile fails, and the VM works afterwards. */
START_TEST(out_of_memory_while_compiling_is_a_memory_error) {
    const char *src = "class A:\n"
                      "    def init(self, x):\n"
                      "        self.x = [x, f\"{x:>4}\", {\"k\": x}]\n"
                      "def g(n):\n"
                      "    try:\n"
                      "        return A(n)\n"
                      "    finally:\n"
                      "        pass\n"
                      "print(g(1).x)\n";
    Host probe = {0};
    mt_VM *vm = host_vm(&probe, 0);
    uint64_t before = probe.calls;
    ck_assert_int_eq(mt_run_string(vm, "c.mt", src), MT_OK);
    uint64_t after = probe.calls;
    host_free(&probe, vm);
    int memory_errors = 0;
    for (uint64_t n = before + 1; n <= after; n++) {
        Host h = {0};
        vm = host_vm(&h, 0);
        ck_assert_ptr_nonnull(vm);
        h.fail_at = n;
        h.fail_after = true;
        mt_Status st = mt_run_string(vm, "c.mt", src);
        ck_assert_msg(st == MT_OK || st == MT_MEMORY_ERROR, "allocation %llu: status %d (%s)",
                      (unsigned long long)n, st, mt_last_error(vm));
        if (st == MT_MEMORY_ERROR) memory_errors++;
        h.fail_at = 0;
        ck_assert_int_eq(mt_run_string(vm, "ok.mt", "print(2)\n"), MT_OK);
        host_free(&h, vm);
    }
    ck_assert_int_gt(memory_errors, 0);
}
END_TEST

/* Each run used to keep the first run's finished main thread, so the second run's
   deadlock went unnoticed (deadlock detection looked at the stale main). */
START_TEST(second_run_has_its_own_main_thread) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, 0);
    ck_assert_int_eq(mt_run_string(vm, "one.mt", "print(1)\n"), MT_OK);
    mt_Status st = mt_run_string(vm, "two.mt", "let c = channel()\nc.recv()\n");
    ck_assert_int_eq(st, MT_RUNTIME_ERROR);
    ck_assert_msg(strstr(h.cap.err.text, "DeadlockError: all threads are blocked") != NULL,
                  "stderr: %s", h.cap.err.text);
    ck_assert_int_eq(mt_exit_status(vm), 1);
    host_free(&h, vm);
}
END_TEST

/* One reported error used to make every later run of the VM MT_RUNTIME_ERROR. */
START_TEST(clean_run_after_an_error_is_ok) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, 0);
    ck_assert_int_eq(mt_run_string(vm, "bad.mt", "raise ValueError(\"no\")\n"), MT_RUNTIME_ERROR);
    ck_assert_int_eq(mt_exit_status(vm), 1);
    ck_assert_int_eq(mt_run_string(vm, "good.mt", "print(\"fine\")\n"), MT_OK);
    ck_assert_int_eq(mt_exit_status(vm), 0);
    ck_assert_int_eq(mt_run_string(vm, "bad.mt", "let x = (\n"), MT_COMPILE_ERROR);
    ck_assert_int_eq(mt_run_string(vm, "good.mt", "print(\"again\")\n"), MT_OK);
    ck_assert_str_eq(mt_last_error(vm), "");
    ck_assert_str_eq(h.cap.out.text, "fine\nagain\n");
    ck_assert_int_eq(host_free(&h, vm), 0);
}
END_TEST

/* exit(1) used to be reported as MT_RUNTIME_ERROR: any exit(n) is MT_EXIT. */
START_TEST(exit_is_mt_exit_for_every_code) {
    static const struct {
        const char *src;
        int status;
    } cases[] = {
        {"exit(1)\n", 1},
        {"exit(0)\n", 0},
        {"exit()\n", 0},
        {"def t():\n    exit(7)\nspawn t()\n", 7},
        {"raise SystemExit(\"1\")\n", 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Host h = {0};
        mt_VM *vm = host_vm(&h, 0);
        ck_assert_msg(mt_run_string(vm, "exit.mt", cases[i].src) == MT_EXIT, "%s", cases[i].src);
        ck_assert_int_eq(mt_exit_status(vm), cases[i].status);
        ck_assert_int_eq(host_free(&h, vm), cases[i].status);
    }
}
END_TEST

/* An uncaught MemoryError in main is MT_MEMORY_ERROR; an uncaught one elsewhere in a
   thread is reported like any error. */
START_TEST(memory_error_statuses) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, startup_bytes() + (2u << 20));
    const char *hog = "def hog():\n"
                      "    let xs = []\n"
                      "    while true:\n"
                      "        xs.append([1, 2, 3])\n";
    char src[512];
    snprintf(src, sizeof src, "%shog()\n", hog);
    ck_assert_int_eq(mt_run_string(vm, "main.mt", src), MT_MEMORY_ERROR);
    ck_assert_int_eq(mt_exit_status(vm), 1);
    snprintf(src, sizeof src, "%slet t = spawn hog()\nyield\nprint(\"main goes on\")\n", hog);
    ck_assert_int_eq(mt_run_string(vm, "thread.mt", src), MT_RUNTIME_ERROR);
    ck_assert_str_eq(h.cap.out.text, "main goes on\n");
    ck_assert_int_eq(host_free(&h, vm), 1);
}
END_TEST

Suite *memory_suite(void) {
    Suite *s = suite_create("memory");
    TCase *tc = tcase_create("opening");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, mt_new_fails_cleanly_at_every_allocation);
    tcase_add_test(tc, tiny_limit_gives_null);
    suite_add_tcase(s, tc);
    tc = tcase_create("running out");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, garbage_is_collected_before_memory_error);
    tcase_add_test(tc, gray_stack_that_cannot_grow_is_not_fatal);
    tcase_add_test(tc, memory_error_can_be_caught_again);
    tcase_add_test(tc, memory_error_traceback_is_fresh_each_time);
    tcase_add_test(tc, every_cleanup_runs_after_memory_error);
    tcase_add_test(tc, dead_vm_runs_nothing_and_frees_everything);
    tcase_add_test(tc, kill_without_memory_is_still_a_kill);
    suite_add_tcase(s, tc);
    tc = tcase_create("statuses");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, out_of_memory_while_compiling_is_a_memory_error);
    tcase_add_test(tc, second_run_has_its_own_main_thread);
    tcase_add_test(tc, clean_run_after_an_error_is_ok);
    tcase_add_test(tc, exit_is_mt_exit_for_every_code);
    tcase_add_test(tc, memory_error_statuses);
    suite_add_tcase(s, tc);
    return s;
}
