/*
** test_embed_oom.c — running out of memory in API calls (mt.h, "Out of memory"): one
** scenario that uses most of the API (natives, a foreign class, a host module, chunks,
** slots, containers, globals, handles, calls, threads, channels, mt_recv_async,
** suspensions) runs again and again with the config's allocator refusing the Nth
** allocation — only that one, or that one and every later one — for every N the scenario
** makes. Every call must return its status or MT_MEMORY_ERROR (mt_new: a VM or NULL);
** after the first MT_MEMORY_ERROR the VM must still answer, and after mt_free every
** block is back, each foreign object was finalized once and each suspension completed or
** cancelled once. A crash fails the test (each test runs in its own process). The suite
** also runs in mt_unit_nopool, where every block is a host allocation, so that every
** allocation site is failed (memory_main.c).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "embed.h"

/* What the scenario's callbacks count. */
typedef struct {
    int made, finalized;      /* foreign objects */
    mt_Suspension *suspended; /* the one pending suspension */
    int suspensions, completed, cancelled;
    int ready; /* mt_recv_async callbacks */
} Counts;

static Counts counts;

static int native_twice(mt_VM *vm, int argc, void *ud) {
    (void)argc, (void)ud;
    int64_t n;
    if (!mt_arg_int(vm, 1, &n)) return MT_NATIVE_ERROR;
    return mt_set_int(vm, 0, 2 * n) == MT_OK ? MT_NATIVE_OK : MT_NATIVE_ERROR;
}

static void on_cancel(mt_VM *vm, mt_Suspension *s, void *ud) {
    (void)vm, (void)ud;
    ck_assert_ptr_eq(s, counts.suspended);
    counts.suspended = NULL;
    counts.cancelled++;
}

static int native_wait(mt_VM *vm, int argc, void *ud) {
    (void)argc, (void)ud;
    mt_Suspension *s;
    int r = mt_suspend(vm, &s, on_cancel, NULL);
    if (s) {
        counts.suspended = s;
        counts.suspensions++;
    }
    return r;
}

static int box_init(mt_VM *vm, int argc, void *ud) {
    (void)vm, (void)argc, (void)ud;
    counts.made++;
    return MT_NATIVE_OK;
}

static void box_finalize(void *payload, void *ud) {
    (void)payload, (void)ud;
    counts.finalized++;
}

static void on_ready(mt_VM *vm, mt_Status status, void *ud) {
    (void)vm, (void)status, (void)ud;
    counts.ready++;
}

static const mt_Function module_fns[] = {{"twice", native_twice, 1, 1}, {0}};
static const mt_ForeignClass box_class = {"Box", 16, box_init, 0, 0, NULL, box_finalize};

static const char chunk_src[] = "import hostmod\n"
                                "import math\n"
                                "let inbox = channel(4)\n"
                                "let names = {}\n"
                                "for i in range(30):\n"
                                "    names[str(i) * 3] = [i, twice(i), hostmod.twice(i)]\n"
                                "def worker(n):\n"
                                "    try:\n"
                                "        let got = inbox.recv()\n"
                                "        return f\"{got} {n} {math.floor(2.5)}\"\n"
                                "    finally:\n"
                                "        names[\"done\"] = n\n"
                                "def waiter():\n"
                                "    return wait() + 1\n"
                                "def fails(x):\n"
                                "    raise ValueError(\"bad \" + str(x))\n"
                                "let boxes = [Box(), Box()]\n"
                                "let w = spawn worker(1)\n"
                                "print(len(names), argv)\n";

static const char *last_step;

/* The statuses a step may end with: the one it promises, or out of memory. */
#define STEP(call, want)                                                                           \
    do {                                                                                           \
        mt_Status st_ = (call);                                                                    \
        last_step = #call;                                                                         \
        if (st_ == MT_MEMORY_ERROR) return false;                                                  \
        ck_assert_msg(st_ == (want), "%s: %s, not %s (%s)", #call, mt_status_name(st_),            \
                      mt_status_name(want), mt_last_error(vm));                                    \
    } while (0)

/* mt_thread_result, where the thread may have ended by MemoryError (MT_RUNTIME_ERROR
   with the MemoryError in dst): that too is running out of memory. */
#define RESULT(slot, dst, want)                                                                    \
    do {                                                                                           \
        mt_Status st_ = mt_thread_result(vm, slot, dst);                                           \
        if (st_ == MT_MEMORY_ERROR) return false;                                                  \
        if (st_ == MT_RUNTIME_ERROR && strcmp(mt_type_name(vm, dst), "MemoryError") == 0)          \
            return false;                                                                          \
        ck_assert_msg(st_ == (want), "thread in %d: %s, not %s (%s)", slot, mt_status_name(st_),   \
                      mt_status_name(want), mt_error_string(vm, dst));                             \
    } while (0)

/* The waiter thread in `slot` is suspended, unless memory ran out in it. */
#define SUSPENDED(slot, dst)                                                                       \
    do {                                                                                           \
        if (!counts.suspended) {                                                                   \
            RESULT(slot, dst, MT_WOULD_BLOCK);                                                     \
            ck_abort_msg("the waiter in slot %d is alive but not suspended", slot);                \
        }                                                                                          \
    } while (0)

/* A step whose failure is a NULL. */
#define NONNULL(call)                                                                              \
    do {                                                                                           \
        if ((call) == NULL) {                                                                      \
            ck_assert_str_eq(mt_last_error(vm), "out of memory");                                  \
            return false;                                                                          \
        }                                                                                          \
    } while (0)

/* Definitions: false as soon as one runs out of memory. */
static bool define(mt_VM *vm) {
    STEP(mt_def_function(vm, &module_fns[0], NULL), MT_OK);
    mt_Function wait = {"wait", native_wait, 0, 0};
    STEP(mt_def_function(vm, &wait, NULL), MT_OK);
    STEP(mt_def_class(vm, &box_class, NULL), MT_OK);
    STEP(mt_def_module(vm, "hostmod", module_fns, NULL), MT_OK);
    const char *args[] = {"prog", "arg"};
    STEP(mt_set_argv(vm, 2, args), MT_OK);
    STEP(mt_exec(vm, "chunk", chunk_src, strlen(chunk_src), -1), MT_OK);
    return true;
}

/* Values, containers, globals, handles, attributes. */
static bool values(mt_VM *vm) {
    STEP(mt_ensure_slots(vm, 10), MT_OK);
    STEP(mt_set_str(vm, 0, "a string that is long enough to be allocated on its own"), MT_OK);
    STEP(mt_set_bytes(vm, 1, "\0\1\2", 3), MT_OK);
    STEP(mt_set_int(vm, 2, INT64_MAX), MT_OK);
    STEP(mt_new_list(vm, 3), MT_OK);
    for (int i = 0; i < 3; i++) STEP(mt_list_append(vm, 3, i), MT_OK);
    STEP(mt_new_map(vm, 4), MT_OK);
    STEP(mt_map_set(vm, 4, 0, 3), MT_OK);
    STEP(mt_map_get(vm, 4, 0, 5), MT_OK);
    STEP(mt_set_global(vm, NULL, "from_host", 4), MT_OK);
    STEP(mt_get_global(vm, NULL, "names", 5), MT_OK);
    STEP(mt_get_global(vm, "random", "seed", 5), MT_OK); /* opens the module */
    mt_Handle *h;
    NONNULL(h = mt_handle(vm, 4));
    STEP(mt_handle_get(vm, h, 6), MT_OK);
    mt_release(vm, h);
    STEP(mt_get_attr(vm, 0, "upper", 6), MT_OK);
    void *box;
    NONNULL(box = mt_new_foreign(vm, 7, "Box"));
    counts.made++;
    const char *src = "len(from_host[\"a string that is long enough to be allocated on its own\"])";
    STEP(mt_exec(vm, "len", src, strlen(src), 8), MT_OK);
    return true;
}

/* Calls, threads, channels and suspensions. */
static bool calls_and_threads(mt_VM *vm) {
    STEP(mt_get_global(vm, NULL, "fails", 0), MT_OK);
    STEP(mt_set_int(vm, 1, 3), MT_OK);
    STEP(mt_call(vm, 0, 1), MT_RUNTIME_ERROR);
    ck_assert_msg(strcmp(mt_error_string(vm, 0), "ValueError: bad 3") == 0 ||
                      strcmp(mt_error_string(vm, 0), "MemoryError") == 0 ||
                      strcmp(mt_error_string(vm, 0), "") == 0,
                  "%s", mt_error_string(vm, 0));
    STEP(mt_set_str(vm, 0, "x,y"), MT_OK);
    STEP(mt_set_str(vm, 1, ","), MT_OK);
    STEP(mt_call_method(vm, 0, "split", 1), MT_OK);
    STEP(mt_get_global(vm, NULL, "inbox", 2), MT_OK);
    STEP(mt_try_send(vm, 2, 0), MT_OK);
    STEP(mt_recv_async(vm, 2, on_ready, NULL), MT_OK);
    STEP(mt_step(vm, 1000, 0, NULL), MT_OK);
    STEP(mt_get_global(vm, NULL, "w", 3), MT_OK);
    RESULT(3, 4, MT_OK);
    STEP(mt_get_global(vm, NULL, "waiter", 5), MT_OK);
    STEP(mt_spawn(vm, 5, 0), MT_OK);
    STEP(mt_run(vm), MT_OK);
    SUSPENDED(5, 6);
    STEP(mt_set_int(vm, 6, 41), MT_OK);
    mt_Suspension *s = counts.suspended;
    STEP(mt_resume(vm, s, 6), MT_OK);
    counts.suspended = NULL;
    counts.completed++;
    STEP(mt_run(vm), MT_OK);
    RESULT(5, 6, MT_OK);
    ck_assert_int_eq(mt_get_int(vm, 6), 42);
    STEP(mt_spawn(vm, 7, 0), MT_TYPE_ERROR); /* slot 7: the Box */
    STEP(mt_get_global(vm, NULL, "waiter", 8), MT_OK);
    STEP(mt_spawn(vm, 8, 0), MT_OK);
    STEP(mt_step(vm, 0, 0, NULL), MT_OK);
    SUSPENDED(8, 9);
    s = counts.suspended;
    mt_Status resumed = mt_resume_error(vm, s, "KeyError", "gone");
    counts.suspended = NULL; /* completed either way: MT_MEMORY_ERROR gives MemoryError */
    counts.completed++;
    STEP(resumed, MT_OK);
    STEP(mt_step(vm, 0, 0, NULL), MT_OK);
    RESULT(8, 9, MT_RUNTIME_ERROR);
    STEP(mt_get_global(vm, NULL, "waiter", 8), MT_OK);
    STEP(mt_spawn(vm, 8, 0), MT_OK);
    STEP(mt_step(vm, 0, 0, NULL), MT_OK);
    STEP(mt_kill(vm, 8), MT_OK);
    STEP(mt_step(vm, 0, 0, NULL), MT_OK);
    STEP(mt_new_channel(vm, 9, 1), MT_OK);
    STEP(mt_recv_async(vm, 9, on_ready, NULL), MT_OK);
    STEP(mt_close_channel(vm, 2), MT_OK);
    STEP(mt_check(vm, "check", chunk_src, strlen(chunk_src)), MT_OK);
    STEP(mt_get_global(vm, NULL, "waiter", 8), MT_OK);
    STEP(mt_spawn(vm, 8, 0), MT_OK); /* left suspended: mt_free cancels it */
    STEP(mt_step(vm, 0, 0, NULL), MT_OK);
    return true;
}

/* After a call ran out of memory: the VM still answers (a dead one with
   MT_MEMORY_ERROR), and when memory is back (fail_after off) it runs code again unless it
   is dead. */
static void still_answers(mt_VM *vm, Host *h) {
    const char *probe = "let probe = [1, 2, 3]\nlen(probe)";
    mt_Status st = mt_exec(vm, "probe", probe, strlen(probe), 0);
    ck_assert_msg(st == MT_OK || st == MT_MEMORY_ERROR, "probe: %s", mt_status_name(st));
    if (!h->fail_after) {
        st = mt_exec(vm, "probe", "len([1, 2])", 11, 0);
        ck_assert_msg(st == MT_OK || (st == MT_MEMORY_ERROR && strstr(mt_last_error(vm), "dead")),
                      "after the failure: %s (%s)", mt_status_name(st), mt_last_error(vm));
        if (st == MT_OK) ck_assert_int_eq(mt_get_int(vm, 0), 2);
    }
    mt_StepInfo info;
    st = mt_step(vm, 100, 0, &info);
    ck_assert_msg(st == MT_OK || st == MT_MEMORY_ERROR, "step: %s", mt_status_name(st));
}

/* Allocations mt_new asked for in the last run (test_memory.c fails each of those). */
static uint64_t opening_allocs;

/* One run of the scenario with allocation `fail_at` refused (0: none); returns how many
   allocations it asked for. */
static uint64_t run_scenario(uint64_t fail_at, bool fail_after, HostText *clean_out) {
    Host h = {0};
    memset(&counts, 0, sizeof counts);
    mt_Config cfg;
    host_config(&cfg, &h, true);
    cfg.gc_stress = 0; /* the sweep makes hundreds of VMs: stress would take too long */
    h.fail_at = fail_at;
    h.fail_after = fail_after;
    mt_VM *vm = mt_new(&cfg);
    if (!vm) {
        ck_assert_msg(fail_at > 0, "mt_new failed with memory to spare");
        ck_assert_uint_eq(h.live_blocks, 0);
        ck_assert(!h.bad_free);
        host_done(&h);
        return h.allocs;
    }
    opening_allocs = h.allocs;
    bool done = define(vm) && values(vm) && calls_and_threads(vm);
    if (getenv("OOM_TRACE")) fprintf(stderr, "  stopped after %s\n", done ? "-" : last_step);
    if (!done) {
        ck_assert_msg(h.failed, "MT_MEMORY_ERROR with no allocation refused");
        still_answers(vm, &h);
    }
    host_free_vm(vm, &h);
    ck_assert_msg(counts.finalized == counts.made, "%d Box objects made, %d finalized", counts.made,
                  counts.finalized);
    ck_assert_msg(counts.suspensions == counts.completed + counts.cancelled,
                  "%d suspensions, %d completed, %d cancelled", counts.suspensions,
                  counts.completed, counts.cancelled);
    if (clean_out) {
        ck_assert(done);
        host_text_add(clean_out, h.out.text, h.out.len);
    } else {
        ck_assert_msg(h.out.len == 0 || strncmp(h.out.text, "30 ", 3) == 0, "out: %s", h.out.text);
    }
    uint64_t n = h.allocs;
    host_done(&h);
    return n;
}

/* The scenario with no failure: it completes, and its cleanup at mt_free ran. */
START_TEST(scenario_runs_clean) {
    HostText out = {0};
    host_text_add(&out, "", 0);
    uint64_t n = run_scenario(0, false, &out);
    ck_assert_uint_gt(n, 20);
    ck_assert_str_eq(out.text, "30 [\"prog\", \"arg\"]\n");
    ck_assert_int_eq(counts.made, 3);
    ck_assert_int_eq(counts.cancelled, 2); /* the one killed, the one left at mt_free */
    ck_assert_int_eq(counts.completed, 2);
    ck_assert_int_eq(counts.ready, 2);
    free(out.text);
}
END_TEST

/* Every allocation after mt_new fails in turn (each run refuses a later one). To debug a
   failing N: OOM_FROM=N starts there, OOM_TRACE=1 prints each N and the step that ran out,
   and CK_FORK=no keeps it in one process for a debugger. */
static void sweep(bool fail_after) {
    uint64_t total = run_scenario(0, false, NULL);
    const char *from = getenv("OOM_FROM");
    for (uint64_t n = from ? strtoull(from, NULL, 10) : opening_allocs + 1; n <= total; n++) {
        if (getenv("OOM_TRACE"))
            fprintf(stderr, "N %llu/%llu\n", (unsigned long long)n, (unsigned long long)total);
        run_scenario(n, fail_after, NULL);
    }
}

START_TEST(each_allocation_fails_once) { sweep(false); }
END_TEST

START_TEST(allocations_fail_from_each_on) { sweep(true); }
END_TEST

/* A native called directly by mt_call (no Mt frame around it) runs out of memory: its
   MemoryError is the call's (MT_MEMORY_ERROR, the error in the slot), and the VM goes on.
   That failure used to jump out of mt_call and leave the call's fiber as the running one:
   the next step ran it after its stack was gone. */
START_TEST(native_callee_out_of_memory) {
    Host h = {0};
    mt_VM *vm = host_limited_vm(&h, 8u << 20);
    const char *src = "def ticker():\n    for i in range(3):\n        sleep(0)\n"
                      "    return \"ticked\"\nlet t = spawn ticker()\nrange(100000000)";
    ck_assert_int_eq(mt_exec(vm, "c", src, strlen(src), 1), MT_OK);
    ck_assert_int_eq(mt_get_global(vm, NULL, "list", 0), MT_OK);
    ck_assert_int_eq(mt_call(vm, 0, 1), MT_MEMORY_ERROR);
    ck_assert_str_eq(mt_type_name(vm, 0), "MemoryError");
    ck_assert_str_eq(mt_error_string(vm, 0), "MemoryError: out of memory");
    ck_assert_int_eq(mt_run(vm), MT_OK);
    ck_assert_int_eq(mt_exec(vm, "c", "t.join()", 8, 0), MT_OK);
    ck_assert_str_eq(mt_get_str(vm, 0, NULL), "ticked");
    ck_assert_int_eq(h.nerrors, 0);
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* A VM that ran out of memory even while unwinding is dead: every later call that would
   run Mt code returns MT_MEMORY_ERROR and runs nothing (mt_step reports nothing), the
   calls that only touch slots still work, and mt_free frees everything. */
START_TEST(dead_vm_in_the_host_loop) {
    Host h = {0};
    mt_VM *vm = host_limited_vm(&h, 2u << 20);
    ck_assert_int_eq(mt_ensure_slots(vm, 4), MT_OK);
    const char *src = "def w():\n    sleep(100)\nlet t = spawn w()\nlet keep = []\n"
                      "try:\n    while true:\n        keep.append(\"x\" * 100000)\n"
                      "finally:\n    let more = \"y\" * 3000000\n    print(\"unreachable\")\n";
    ck_assert_int_eq(mt_exec(vm, "dead", src, strlen(src), -1), MT_MEMORY_ERROR);
    const char *dead = "out of memory even while unwinding: the VM cannot run code";
    ck_assert_int_eq(mt_exec(vm, "after", "print(1)", 8, 0), MT_MEMORY_ERROR);
    ck_assert_str_eq(mt_last_error(vm), dead);
    ck_assert_int_eq(mt_run(vm), MT_MEMORY_ERROR);
    mt_StepInfo info;
    memset(&info, 0xff, sizeof info);
    ck_assert_int_eq(mt_step(vm, 0, 0, &info), MT_MEMORY_ERROR);
    ck_assert_uint_eq(info.threads, 0);
    ck_assert_uint_eq(info.nfds, 0);
    ck_assert_int_eq(info.wake_fd, -1);
    ck_assert_int_eq(mt_check(vm, "c", "1", 1), MT_MEMORY_ERROR);
    ck_assert_int_eq(mt_get_global(vm, NULL, "len", 0), MT_OK);
    ck_assert_int_eq(mt_set_str(vm, 1, "x"), MT_OK);
    ck_assert_int_eq(mt_call(vm, 0, 1), MT_MEMORY_ERROR);
    ck_assert_str_eq(h.out.text, "");
    ck_assert_int_eq(host_free_vm(vm, &h), 1);
    host_done(&h);
}
END_TEST

Suite *embed_oom_suite(void) {
    Suite *s = suite_create("embed_oom");
    TCase *tc = tcase_create("sweep");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, scenario_runs_clean);
    tcase_add_test(tc, native_callee_out_of_memory);
    tcase_add_test(tc, dead_vm_in_the_host_loop);
    tcase_add_test(tc, each_allocation_fails_once);
    tcase_add_test(tc, allocations_fail_from_each_on);
    suite_add_tcase(s, tc);
    return s;
}
