/*
** test_embed_running.c — running code from a host (mt.h, "Running programs" and "The host
** loop"): chunks that share the host module's globals and hand back their last value,
** every status a run or a chunk can end with, compile checks and the incomplete flag, and
** mt_step driving threads with tick and time budgets, reporting what it leaves waiting.
*/
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "embed.h"

/* mt_exec with a result slot. */
static mt_Status exec_result(mt_VM *vm, const char *src, int slot) {
    return mt_exec(vm, "chunk", src, strlen(src), slot);
}

/* The int in a host-module global. */
static int64_t global_int(mt_VM *vm, const char *name) {
    ck_assert_int_eq(mt_get_global(vm, NULL, name, 0), MT_OK);
    ck_assert_int_eq(mt_type(vm, 0), MT_TINT);
    return mt_get_int(vm, 0);
}

/* {== Chunks ==} */

/* Many chunks share one module: a global, a function or a class one chunk defines is
   there for the next. */
START_TEST(chunks_share_the_host_modules_globals) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    ck_assert_int_eq(host_exec(vm, "let total = 0\n"), MT_OK);
    for (int i = 1; i <= 100; i++) {
        char src[64];
        snprintf(src, sizeof src, "let v%d = %d\ntotal += v%d\n", i, i, i);
        ck_assert_int_eq(host_exec(vm, src), MT_OK);
    }
    ck_assert_int_eq(global_int(vm, "total"), 5050);
    ck_assert_int_eq(host_exec(vm, "def twice(x):\n    return 2 * x\n"), MT_OK);
    ck_assert_int_eq(host_exec(vm, "class P:\n    def init(self, x):\n        self.x = x\n"),
                     MT_OK);
    ck_assert_int_eq(host_exec(vm, "let p = P(twice(v21))\nprint(p.x, total)\n"), MT_OK);
    ck_assert_str_eq(h.out.text, "42 5050\n");
    ck_assert_int_eq(h.nerrors, 0);
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* result_slot gets the value of the chunk's last statement when it is an expression, and
   nil otherwise (not the previous chunk's value). */
START_TEST(result_slot_holds_the_last_expression) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    ck_assert_int_eq(exec_result(vm, "let x = 40\nx + 2\n", 3), MT_OK);
    ck_assert_int_ge(mt_slot_count(vm), 4);
    ck_assert_int_eq(mt_type(vm, 3), MT_TINT);
    ck_assert_int_eq(mt_get_int(vm, 3), 42);
    ck_assert_int_eq(exec_result(vm, "let y = 1\n", 3), MT_OK);
    ck_assert_int_eq(mt_type(vm, 3), MT_TNIL);
    ck_assert_int_eq(exec_result(vm, "\"s\" * 3", 0), MT_OK); /* no final newline */
    ck_assert_str_eq(mt_get_str(vm, 0, NULL), "sss");
    ck_assert_int_eq(exec_result(vm, "[x, y]\nif x:\n    x + 1\n", 0), MT_OK);
    ck_assert_int_eq(mt_type(vm, 0), MT_TNIL); /* the last statement is an if */
    ck_assert_int_eq(exec_result(vm, "try:\n    5\nexcept:\n    pass\n", 0), MT_OK);
    ck_assert_int_eq(mt_type(vm, 0), MT_TNIL); /* a try, whatever its body held */
    ck_assert_int_eq(exec_result(vm, "x + 1; x + 2\n", 0), MT_OK);
    ck_assert_int_eq(mt_get_int(vm, 0), 42);
    ck_assert_int_eq(exec_result(vm, "x\n", 1), MT_OK);
    ck_assert_int_eq(mt_get_int(vm, 1), 40);
    ck_assert_int_eq(exec_result(vm, "print(\"p\")\n", 1), MT_OK);
    ck_assert_int_eq(mt_type(vm, 1), MT_TNIL);
    /* Without a result slot nothing is written. */
    ck_assert_int_eq(mt_set_int(vm, 2, 7), MT_OK);
    ck_assert_int_eq(exec_result(vm, "99\n", -1), MT_OK);
    ck_assert_int_eq(mt_get_int(vm, 2), 7);
    ck_assert_str_eq(h.out.text, "p\n");
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* Each of mt_exec's statuses, and the VM goes on after each. */
START_TEST(exec_statuses) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    ck_assert_int_eq(host_exec(vm, "let kept = 1\n"), MT_OK);
    ck_assert_str_eq(mt_last_error(vm), "");
    /* A compile error runs nothing: not even the lines before it. */
    ck_assert_int_eq(host_exec(vm, "print(\"ran\")\nlet = 2\n"), MT_COMPILE_ERROR);
    ck_assert_str_eq(host_first_line(mt_last_error(vm)),
                     "chunk:2:5: expected variable name after 'let', found '='");
    ck_assert_int_eq(host_exec(vm, "raise ValueError(\"v\")\n"), MT_RUNTIME_ERROR);
    ck_assert_int_eq(h.nerrors, 2);
    ck_assert_str_eq(h.errors[1].error_class, "ValueError");
    ck_assert_int_eq(host_exec(vm, "kept += 1\n"), MT_OK);
    ck_assert_str_eq(mt_last_error(vm), "");
    ck_assert_int_eq(host_exec(vm, "exit(5)\n"), MT_EXIT);
    ck_assert_int_eq(mt_exit_status(vm), 5);
    /* After exit() a new session begins; the globals stay. */
    ck_assert_int_eq(host_exec(vm, "kept += 1\nprint(kept)\n"), MT_OK);
    ck_assert_int_eq(mt_exit_status(vm), 0);
    ck_assert_str_eq(h.out.text, "3\n");
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* exit() in a chunk kills every other thread first, with its cleanup. */
START_TEST(exit_in_a_chunk_unwinds_every_thread) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    ck_assert_int_eq(host_exec(vm, "def w():\n    try:\n        sleep(50)\n    finally:\n"
                                   "        print(\"w cleanup\")\nspawn w()\nspawn w()\n"),
                     MT_OK);
    ck_assert_int_eq(mt_step(vm, 0, 0, NULL), MT_OK);
    ck_assert_int_eq(host_exec(vm, "try:\n    exit(3)\nfinally:\n    print(\"chunk cleanup\")\n"),
                     MT_EXIT);
    ck_assert_int_eq(mt_exit_status(vm), 3);
    ck_assert_str_eq(h.out.text, "chunk cleanup\nw cleanup\nw cleanup\n");
    ck_assert_int_eq(host_free_vm(vm, &h), 3);
    host_done(&h);
}
END_TEST

/* A chunk that waits on a channel the host can reach comes back MT_WOULD_BLOCK and goes
   on when the host serves it; one waiting where nothing can ever wake it is deadlocked. */
START_TEST(exec_would_block_until_the_host_serves) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    ck_assert_int_eq(host_exec(vm, "let inbox = channel()\n"), MT_OK);
    ck_assert_int_eq(host_exec(vm, "let got = inbox.recv()\nprint(\"got\", got)\n"),
                     MT_WOULD_BLOCK);
    ck_assert_str_eq(h.out.text, "");
    ck_assert_int_eq(mt_get_global(vm, NULL, "inbox", 0), MT_OK);
    ck_assert_int_eq(mt_set_int(vm, 1, 17), MT_OK);
    ck_assert_int_eq(mt_try_send(vm, 0, 1), MT_OK); /* the chunk is waiting: rendezvous */
    ck_assert_int_eq(mt_run(vm), MT_OK);
    ck_assert_str_eq(h.out.text, "got 17\n");
    ck_assert_int_eq(host_exec(vm, "channel().recv()\n"), MT_RUNTIME_ERROR);
    ck_assert_int_eq(h.nerrors, 1);
    ck_assert_str_eq(h.errors[0].error_class, "DeadlockError");
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* Under memory_limit a chunk that allocates without end ends with MT_MEMORY_ERROR, and
   the VM runs the next chunks. When a global still holds the memory, no chunk can even be
   compiled (MT_MEMORY_ERROR again), but the host can let go of it through the API, which
   needs no memory for that. */
START_TEST(exec_memory_error_under_the_limit) {
    Host h = {0};
    mt_VM *vm = host_limited_vm(&h, 4u << 20);
    ck_assert_int_eq(mt_ensure_slots(vm, 1), MT_OK); /* made while there is memory */
    const char *grab = "def grab():\n    let xs = []\n    while true:\n"
                       "        xs.append([1, 2, 3, 4])\ngrab()\n";
    ck_assert_int_eq(host_exec(vm, grab), MT_MEMORY_ERROR);
    ck_assert_int_eq(h.nerrors, 1);
    ck_assert_str_eq(h.errors[0].error_class, "MemoryError");
    ck_assert_int_eq(host_exec(vm, "print(len([1, 2]))\n"), MT_OK);
    ck_assert_int_eq(host_exec(vm, "try:\n    let s = \"x\" * 100000000\nexcept MemoryError:\n"
                                   "    print(\"caught\")\n"),
                     MT_OK);
    ck_assert_int_eq(host_exec(vm, "let xs = []\nwhile true:\n    xs.append([1, 2, 3, 4])\n"),
                     MT_MEMORY_ERROR);
    ck_assert_int_eq(host_exec(vm, "xs = nil\n"), MT_MEMORY_ERROR);
    ck_assert_str_eq(mt_last_error(vm), "out of memory while compiling");
    ck_assert_int_eq(mt_set_nil(vm, 0), MT_OK);
    ck_assert_int_eq(mt_set_global(vm, NULL, "xs", 0), MT_OK);
    ck_assert_int_eq(host_exec(vm, "print(xs, len(\"ok\"))\n"), MT_OK);
    ck_assert_str_eq(h.out.text, "2\ncaught\nnil 2\n");
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* Runaway recursion is a RecursionError at max_frames (and at the default limit), never a
   crash, and the VM goes on. */
START_TEST(runaway_recursion_is_recursion_error) {
    Host h = {0};
    mt_Config cfg;
    host_config(&cfg, &h, true);
    cfg.max_frames = 300;
    mt_VM *vm = mt_new(&cfg);
    ck_assert_int_eq(host_exec(vm, "def f(n):\n    return f(n + 1)\n"
                                   "def g(n):\n    if n == 0:\n        return 0\n"
                                   "    return 1 + g(n - 1)\n"),
                     MT_OK);
    ck_assert_int_eq(host_exec(vm, "f(0)\n"), MT_RUNTIME_ERROR);
    ck_assert_int_eq(h.nerrors, 1);
    ck_assert_str_eq(h.errors[0].error_class, "RecursionError");
    ck_assert_str_eq(h.errors[0].message, "maximum recursion depth exceeded (300 frames)");
    ck_assert_int_eq(exec_result(vm, "g(250)\n", 0), MT_OK);
    ck_assert_int_eq(mt_get_int(vm, 0), 250);
    host_free_vm(vm, &h);
    host_done(&h);

    Host h2 = {0};
    vm = host_vm(&h2, true);
    ck_assert_int_eq(host_exec(vm, "def f(n):\n    return f(n + 1)\nf(0)\n"), MT_RUNTIME_ERROR);
    ck_assert_str_eq(h2.errors[0].error_class, "RecursionError");
    ck_assert_str_eq(h2.errors[0].message, "maximum recursion depth exceeded (1000000 frames)");
    host_free_vm(vm, &h2);
    host_done(&h2);
}
END_TEST

START_TEST(status_names) {
    static const char *const names[] = {
        "MT_OK",           "MT_COMPILE_ERROR", "MT_RUNTIME_ERROR", "MT_EXIT",       "MT_IO_ERROR",
        "MT_MEMORY_ERROR", "MT_WOULD_BLOCK",   "MT_CLOSED",        "MT_TYPE_ERROR", "MT_NOT_FOUND",
    };
    for (int i = MT_OK; i <= MT_NOT_FOUND; i++) ck_assert_str_eq(mt_status_name(i), names[i]);
    ck_assert_str_eq(mt_status_name((mt_Status)10), "MT_?");
    ck_assert_str_eq(mt_status_name((mt_Status)-1), "MT_?");
}
END_TEST

/* {== Checking and incomplete input ==} */

/* mt_check compiles only: nothing runs, no global is defined, an unknown name is no
   error (it is looked up at run time), and `len` bytes are read. */
START_TEST(check_compiles_without_running) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    const char *src = "print(\"ran\")\nlet checked = nowhere + 1\n";
    ck_assert_int_eq(mt_check(vm, "c.mt", src, strlen(src)), MT_OK);
    ck_assert_str_eq(mt_last_error(vm), "");
    ck_assert_str_eq(h.out.text, "");
    ck_assert_int_eq(mt_get_global(vm, NULL, "checked", 0), MT_NOT_FOUND);
    ck_assert_int_eq(mt_check(vm, "c.mt", "f(1 +", 5), MT_COMPILE_ERROR);
    ck_assert(mt_incomplete(vm));
    ck_assert_int_eq(mt_check(vm, "c.mt", "1 +", 3), MT_COMPILE_ERROR);
    ck_assert(!mt_incomplete(vm)); /* no bracket or block is open */
    ck_assert_int_eq(mt_check(vm, "c.mt", "1 + 2 junk", 5), MT_OK); /* the rest is not read */
    ck_assert_int_eq(mt_check(vm, "c.mt", "1\0 + 2", 6), MT_COMPILE_ERROR);
    ck_assert_str_eq(host_first_line(mt_last_error(vm)), "c.mt:1:2: invalid UTF-8 in source");
    ck_assert_int_eq(h.nerrors, 3);
    ck_assert_int_eq(h.errors[2].kind, MT_ERROR_COMPILE);
    ck_assert_str_eq(h.errors[2].message, "invalid UTF-8 in source");
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* mt_incomplete: only source that ended too early (an open bracket or block). */
START_TEST(incomplete_input) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    static const char *const open_ones[] = {"def f():\n", "(1 +\n", "[1, 2,\n", "if x:\n",
                                            "\"\"\"doc\n"};
    for (size_t i = 0; i < sizeof open_ones / sizeof *open_ones; i++) {
        ck_assert_int_eq(host_exec(vm, open_ones[i]), MT_COMPILE_ERROR);
        ck_assert_msg(mt_incomplete(vm), "%s is incomplete", open_ones[i]);
    }
    ck_assert_int_eq(host_exec(vm, "1 +* 2\n"), MT_COMPILE_ERROR);
    ck_assert(!mt_incomplete(vm));
    ck_assert_int_eq(host_exec(vm, "(1 +\n"), MT_COMPILE_ERROR);
    ck_assert(mt_incomplete(vm));
    ck_assert_int_eq(host_exec(vm, "(1 +\n2)\n"), MT_OK);
    ck_assert(!mt_incomplete(vm));
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* {== Programs ==} */

static void write_file(const char *path, const char *text) {
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
}

/* A new temporary file (path: a mkstemp template, filled in) holding `text`. */
static void write_temp_file(char *path, const char *text) {
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    write_file(path, text);
}

/* mt_run_file, mt_run_string and mt_run_buffer run programs to the end (their threads
   too); mt_disassemble_file prints instead of running; a missing file is MT_IO_ERROR. */
START_TEST(run_programs_from_files_and_strings) {
    char path[] = "/tmp/mt-embed-run-XXXXXX";
    write_temp_file(path, "def late():\n    sleep(0.01)\n    print(\"thread\")\nspawn late()\n"
                          "print(\"main\")\n");
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    ck_assert_int_eq(mt_run_file(vm, path), MT_OK);
    ck_assert_str_eq(h.out.text, "main\nthread\n");
    ck_assert_int_eq(mt_run_string(vm, "s.mt", "print(\"string\")\n"), MT_OK);
    ck_assert_int_eq(mt_run_buffer(vm, "b.mt", "print(\"buffer\")\nprint(1 / 0)\n", 16), MT_OK);
    ck_assert_str_eq(h.out.text, "main\nthread\nstring\nbuffer\n");
    ck_assert_int_eq(mt_disassemble_file(vm, path), MT_OK);
    ck_assert_msg(strstr(h.out.text, "== <module> (") && strstr(h.out.text, "== late ("),
                  "listing: %s", h.out.text);
    size_t listed = h.out.len;
    ck_assert_int_eq(mt_run_file(vm, "/nonexistent/embed.mt"), MT_IO_ERROR);
    ck_assert_str_eq(mt_last_error(vm),
                     "cannot open '/nonexistent/embed.mt': No such file or directory");
    ck_assert_int_eq(mt_exit_status(vm), 2);
    ck_assert_int_eq(mt_disassemble_file(vm, "/nonexistent/embed.mt"), MT_IO_ERROR);
    write_file(path, "let = 1\n");
    ck_assert_int_eq(mt_disassemble_file(vm, path), MT_COMPILE_ERROR);
    ck_assert_int_eq(mt_run_file(vm, path), MT_COMPILE_ERROR);
    ck_assert_int_eq(mt_exit_status(vm), 2);
    ck_assert_uint_eq(h.out.len, listed); /* nothing more was printed */
    unlink(path);
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* A program's top-level lets of names nothing used before are locals of the script (SPEC
   5.2): a host reads its def and the lets used earlier through the module, not those. */
START_TEST(script_locals_are_not_module_globals) {
    char path[] = "/tmp/mt-embed-locals-XXXXXX";
    write_temp_file(path, "def show():\n    return early\nlet early = 1\nlet later = 2\n"
                          "print(show() + later)\n");
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    ck_assert_int_eq(mt_run_file(vm, path), MT_OK);
    ck_assert_str_eq(h.out.text, "3\n");
    ck_assert_int_eq(mt_get_global(vm, path, "show", 0), MT_OK);
    ck_assert_int_eq(mt_get_global(vm, path, "early", 0), MT_OK);
    ck_assert_int_eq(mt_get_int(vm, 0), 1);
    ck_assert_int_eq(mt_get_global(vm, path, "later", 0), MT_NOT_FOUND);
    unlink(path);
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* {== mt_step ==} */

static const char spinner[] = "let n = 0\n"
                              "def spin():\n"
                              "    while true:\n"
                              "        n += 1\n"
                              "let t = spawn spin()\n";

/* An infinite loop comes back to the host at every step: the tick budget bounds the work
   of each, and the thread goes on where it was stopped. */
START_TEST(step_tick_budget_preempts_an_infinite_loop) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    ck_assert_int_eq(host_exec(vm, spinner), MT_OK);
    int64_t last = 0;
    for (int i = 0; i < 5; i++) {
        mt_StepInfo info;
        ck_assert_int_eq(mt_step(vm, 1000, 0, &info), MT_OK);
        ck_assert(info.budget_spent);
        ck_assert_uint_eq(info.threads, 1);
        ck_assert_uint_eq(info.runnable, 1);
        ck_assert(info.next_timer < 0);
        ck_assert_uint_eq(info.nfds, 0);
        int64_t n = global_int(vm, "n");
        ck_assert_int_gt(n, last);
        ck_assert_int_le(n - last, 1000);
        last = n;
    }
    /* The host ends it; the next step finds nothing to do. */
    ck_assert_int_eq(mt_get_global(vm, NULL, "t", 0), MT_OK);
    ck_assert_int_eq(mt_kill(vm, 0), MT_OK);
    mt_StepInfo info;
    ck_assert_int_eq(mt_step(vm, 1000, 0, &info), MT_OK);
    ck_assert(!info.budget_spent);
    ck_assert_uint_eq(info.threads, 0);
    ck_assert_uint_eq(info.runnable, 0);
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* A time budget alone also preempts the loop. */
START_TEST(step_time_budget_preempts_an_infinite_loop) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    ck_assert_int_eq(host_exec(vm, spinner), MT_OK);
    mt_StepInfo info;
    double t0 = host_now();
    ck_assert_int_eq(mt_step(vm, 0, 0.05, &info), MT_OK);
    double took = host_now() - t0;
    ck_assert_msg(took >= 0.04 && took < 1.0, "the step took %.3f s", took);
    ck_assert(info.budget_spent);
    ck_assert_uint_eq(info.runnable, 1);
    ck_assert_int_gt(global_int(vm, "n"), 0);
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* A thread asleep: the step does not wait for it, and says when its timer is due; the
   host sleeps that long and steps again. */
START_TEST(step_reports_the_next_timer) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    ck_assert_int_eq(
        host_exec(vm, "def nap():\n    sleep(0.2)\n    print(\"awake\")\nspawn nap()\n"), MT_OK);
    mt_StepInfo info;
    double t0 = host_now();
    ck_assert_int_eq(mt_step(vm, 0, 0, &info), MT_OK);
    ck_assert_msg(host_now() - t0 < 0.1, "mt_step slept");
    ck_assert_uint_eq(info.threads, 1);
    ck_assert_uint_eq(info.runnable, 0);
    ck_assert(!info.budget_spent);
    ck_assert_msg(info.next_timer > 0.05 && info.next_timer <= 0.2, "next_timer %f",
                  info.next_timer);
    ck_assert_str_eq(h.out.text, "");
    int loops = 0;
    while (info.threads > 0 && loops++ < 100) {
        if (info.next_timer > 0) usleep((useconds_t)(info.next_timer * 1e6) + 1000);
        ck_assert_int_eq(mt_step(vm, 0, 0, &info), MT_OK);
    }
    ck_assert_str_eq(h.out.text, "awake\n");
    ck_assert(info.next_timer < 0);
    ck_assert_int_le(loops, 3);
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* A thread waiting for a connection: the step reports the listening fd; the host polls
   it, and the next step wakes the thread. */
START_TEST(step_reports_fds_and_wakes_their_threads) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    ck_assert_int_eq(host_exec(vm, "import net\nlet srv = net.listen(\"127.0.0.1\", 0)\n"
                                   "let port = srv.port\n"
                                   "def serve():\n    let c = srv.accept()\n"
                                   "    print(\"accepted\")\n    c.close()\n    srv.close()\n"
                                   "spawn serve()\n"),
                     MT_OK);
    mt_StepInfo info;
    ck_assert_int_eq(mt_step(vm, 0, 0, &info), MT_OK);
    ck_assert_uint_eq(info.threads, 1);
    ck_assert_uint_eq(info.runnable, 0);
    ck_assert_uint_eq(info.nfds, 1);
    ck_assert_int_ge(info.fds[0].fd, 0);
    ck_assert_int_eq(info.fds[0].events, MT_POLL_READ);
    int listen_fd = info.fds[0].fd;
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in addr = {.sin_family = AF_INET,
                               .sin_port = htons((uint16_t)global_int(vm, "port"))};
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ck_assert_int_eq(connect(s, (struct sockaddr *)&addr, sizeof addr), 0);
    struct pollfd p = {.fd = listen_fd, .events = POLLIN};
    ck_assert_int_eq(poll(&p, 1, 2000), 1);
    ck_assert_int_eq(mt_step(vm, 0, 0, &info), MT_OK);
    ck_assert_str_eq(h.out.text, "accepted\n");
    ck_assert_uint_eq(info.threads, 0);
    ck_assert_uint_eq(info.nfds, 0);
    close(s);
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* mt_signal makes wake_fd readable; the next step takes the wake-up and raises Interrupt,
   which here ends the program: MT_EXIT with status 130, after the cleanup. */
START_TEST(step_wake_fd_and_signals) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    ck_assert_int_eq(host_exec(vm, "def w():\n    try:\n        sleep(100)\n    finally:\n"
                                   "        print(\"unwound\")\nspawn w()\n"),
                     MT_OK);
    mt_StepInfo info;
    ck_assert_int_eq(mt_step(vm, 0, 0, &info), MT_OK);
    ck_assert_int_ge(info.wake_fd, 0);
    struct pollfd p = {.fd = info.wake_fd, .events = POLLIN};
    ck_assert_int_eq(poll(&p, 1, 0), 0);
    mt_signal(vm, SIGINT);
    ck_assert_int_eq(poll(&p, 1, 0), 1);
    ck_assert_int_eq(mt_step(vm, 0, 0, &info), MT_EXIT);
    ck_assert_int_eq(mt_exit_status(vm), 130);
    ck_assert_str_eq(h.out.text, "unwound\n");
    ck_assert_uint_eq(info.threads, 0);
    ck_assert_int_eq(poll(&p, 1, 0), 0); /* the wake-up was taken */
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

typedef struct {
    mt_VM *vm;
    int signo;
} Later;

static void *signal_later(void *arg) {
    Later *l = arg;
    usleep(50000);
    mt_signal(l->vm, l->signo);
    return NULL;
}

/* A signal from another OS thread reaches the spinning chunk (the chunk is the main
   thread): caught, the chunk goes on; uncaught, it ends the program (MT_EXIT, 128 + n). */
START_TEST(signal_reaches_the_running_chunk) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    Later l = {vm, SIGINT};
    pthread_t th;
    pthread_create(&th, NULL, signal_later, &l);
    ck_assert_int_eq(
        host_exec(vm,
                  "try:\n    while true:\n        pass\nexcept Interrupt:\n    print(\"int\")\n"),
        MT_OK);
    pthread_join(th, NULL);
    l.signo = SIGTERM;
    pthread_create(&th, NULL, signal_later, &l);
    ck_assert_int_eq(host_exec(vm, "while true:\n    pass\n"), MT_EXIT);
    pthread_join(th, NULL);
    ck_assert_int_eq(mt_exit_status(vm), 128 + SIGTERM);
    ck_assert_str_eq(h.out.text, "int\n");
    ck_assert_int_eq(host_exec(vm, "print(\"again\")\n"), MT_OK);
    ck_assert_str_eq(h.out.text, "int\nagain\n");
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* A second signal while the program unwinds after the first ends it at once: MT_EXIT,
   cleanup still running is abandoned, and the VM runs nothing more (every call that
   would run code says MT_EXIT); mt_free still frees everything. */
START_TEST(second_signal_ends_the_run_at_once) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    ck_assert_int_eq(host_exec(vm, "def stuck():\n    try:\n        sleep(100)\n    finally:\n"
                                   "        print(\"cleanup\")\n        while true:\n"
                                   "            pass\nspawn stuck()\n"),
                     MT_OK);
    mt_StepInfo info;
    ck_assert_int_eq(mt_step(vm, 0, 0, &info), MT_OK);
    mt_signal(vm, SIGTERM);
    ck_assert_int_eq(mt_step(vm, 10000, 0, &info), MT_OK); /* the cleanup spins */
    ck_assert(info.budget_spent);
    ck_assert_uint_eq(info.threads, 1);
    ck_assert_str_eq(h.out.text, "cleanup\n");
    mt_signal(vm, SIGTERM);
    ck_assert_int_eq(mt_step(vm, 10000, 0, &info), MT_EXIT);
    ck_assert_int_eq(mt_exit_status(vm), 128 + SIGTERM);
    ck_assert_int_eq(host_exec(vm, "print(\"ran\")\n"), MT_EXIT);
    ck_assert_int_eq(mt_run(vm), MT_EXIT);
    ck_assert_int_eq(mt_run_string(vm, "p", "print(\"ran\")\n"), MT_EXIT);
    ck_assert_str_eq(h.out.text, "cleanup\n");
    ck_assert_int_eq(host_free_vm(vm, &h), 128 + SIGTERM);
    host_done(&h);
}
END_TEST

/* mt_run runs threads to their end, sleeping for timers, and returns when none is left
   or the rest wait for the host; exit() in a thread ends the program (MT_EXIT). */
START_TEST(run_drives_threads_to_the_end) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    ck_assert_int_eq(host_exec(vm, "let ch = channel()\n"
                                   "def a():\n    sleep(0.02)\n    print(\"a\")\n"
                                   "def b():\n    print(\"b\", ch.recv())\n"
                                   "spawn a()\nspawn b()\n"),
                     MT_OK);
    ck_assert_int_eq(mt_run(vm), MT_OK);
    ck_assert_str_eq(h.out.text, "a\n"); /* b waits for the host */
    mt_StepInfo info;
    ck_assert_int_eq(mt_step(vm, 0, 0, &info), MT_OK);
    ck_assert_uint_eq(info.threads, 1);
    ck_assert_int_eq(mt_get_global(vm, NULL, "ch", 0), MT_OK);
    ck_assert_int_eq(mt_set_str(vm, 1, "hi"), MT_OK);
    ck_assert_int_eq(mt_try_send(vm, 0, 1), MT_OK);
    ck_assert_int_eq(mt_run(vm), MT_OK);
    ck_assert_str_eq(h.out.text, "a\nb hi\n");
    ck_assert_int_eq(host_exec(vm, "def e():\n    exit(4)\nspawn e()\n"), MT_OK);
    ck_assert_int_eq(mt_run(vm), MT_EXIT);
    ck_assert_int_eq(mt_exit_status(vm), 4);
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

Suite *embed_running_suite(void) {
    Suite *s = suite_create("embed_running");
    TCase *tc = tcase_create("exec");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, chunks_share_the_host_modules_globals);
    tcase_add_test(tc, result_slot_holds_the_last_expression);
    tcase_add_test(tc, script_locals_are_not_module_globals);
    tcase_add_test(tc, exec_statuses);
    tcase_add_test(tc, exit_in_a_chunk_unwinds_every_thread);
    tcase_add_test(tc, exec_would_block_until_the_host_serves);
    tcase_add_test(tc, exec_memory_error_under_the_limit);
    tcase_add_test(tc, runaway_recursion_is_recursion_error);
    tcase_add_test(tc, status_names);
    tcase_add_test(tc, check_compiles_without_running);
    tcase_add_test(tc, incomplete_input);
    tcase_add_test(tc, run_programs_from_files_and_strings);
    suite_add_tcase(s, tc);
    tc = tcase_create("step");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, step_tick_budget_preempts_an_infinite_loop);
    tcase_add_test(tc, step_time_budget_preempts_an_infinite_loop);
    tcase_add_test(tc, step_reports_the_next_timer);
    tcase_add_test(tc, step_reports_fds_and_wakes_their_threads);
    tcase_add_test(tc, step_wake_fd_and_signals);
    tcase_add_test(tc, signal_reaches_the_running_chunk);
    tcase_add_test(tc, second_signal_ends_the_run_at_once);
    tcase_add_test(tc, run_drives_threads_to_the_end);
    suite_add_tcase(s, tc);
    return s;
}
