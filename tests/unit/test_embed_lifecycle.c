/*
** test_embed_lifecycle.c — a VM's life as a host sees it (mt.h, "Configuration" and
** "Lifecycle"): the config's defaults and each of its hooks (allocator, memory limit,
** output, error_fn with structured reports, the module loader, the sandbox), and mt_free
** keeping the program-end guarantee for threads a host left alive, within cleanup_seconds.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "embed.h"

/* {== Configuration ==} */

START_TEST(config_init_zeroes_every_field) {
    mt_Config cfg;
    memset(&cfg, 0xAB, sizeof cfg);
    mt_config_init(&cfg);
    ck_assert_ptr_null(cfg.realloc_fn);
    ck_assert_ptr_null(cfg.write_out);
    ck_assert_ptr_null(cfg.write_err);
    ck_assert_ptr_null(cfg.error_fn);
    ck_assert_ptr_null(cfg.load_module);
    ck_assert_ptr_null(cfg.user_data);
    ck_assert_uint_eq(cfg.memory_limit, 0);
    ck_assert_uint_eq(cfg.max_frames, 0);
    ck_assert_uint_eq(cfg.max_coroutine_depth, 0);
    ck_assert_int_eq(cfg.gc_stress, 0);
    ck_assert(!cfg.sandbox);
    ck_assert(cfg.cleanup_seconds == 0.0);
}
END_TEST

/* mt_new(NULL) is a VM with the defaults; mt_user_data hands back the config's pointer. */
START_TEST(new_with_defaults_and_user_data) {
    mt_VM *vm = mt_new(NULL);
    ck_assert_ptr_nonnull(vm);
    ck_assert_ptr_null(mt_user_data(vm));
    ck_assert_int_eq(host_exec(vm, "let x = [1, 2, 3]\nassert(len(x) == 3)\n"), MT_OK);
    ck_assert_int_eq(mt_free(vm), 0);

    Host h = {0};
    vm = host_vm(&h, false);
    ck_assert_ptr_eq(mt_user_data(vm), &h);
    ck_assert_uint_gt(h.allocs, 0); /* the custom allocator made the VM */
    ck_assert_int_eq(host_free_vm(vm, &h), 0);
    host_done(&h);
}
END_TEST

START_TEST(set_argv_is_the_scripts_argv) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, false);
    const char *args[] = {"prog", "-v", "\xc3\xa9t\xc3\xa9"};
    ck_assert_int_eq(mt_set_argv(vm, 3, args), MT_OK);
    ck_assert_int_eq(host_exec(vm, "print(argv)\n"), MT_OK);
    ck_assert_int_eq(mt_set_argv(vm, 0, NULL), MT_OK);
    ck_assert_int_eq(host_exec(vm, "print(argv)\n"), MT_OK);
    ck_assert_str_eq(h.out.text, "[\"prog\", \"-v\", \"\xc3\xa9t\xc3\xa9\"]\n[]\n");
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* {== Output ==} */

/* print goes to write_out; stderr writes and (without error_fn) error reports to
   write_err; nothing goes to the process's own streams. */
START_TEST(write_callbacks_get_all_output) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, false);
    ck_assert_int_eq(host_exec(vm, "print(\"out\", 1)\nstdout.write(\"raw\\n\")\n"
                                   "stderr.write(\"err\\n\")\n"),
                     MT_OK);
    ck_assert_str_eq(h.out.text, "out 1\nraw\n");
    ck_assert_str_eq(h.err.text, "err\n");
    ck_assert_int_eq(host_exec(vm, "raise KeyError(\"nope\")\n"), MT_RUNTIME_ERROR);
    ck_assert_msg(strstr(h.err.text, "KeyError: nope") != NULL, "err: %s", h.err.text);
    ck_assert_int_eq(h.nerrors, 0);
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* {== error_fn ==} */

/* A compile error arrives as structured data (the position apart from the message), not
   on write_err; its text is mt_last_error's. */
START_TEST(error_fn_gets_compile_errors) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    ck_assert_int_eq(mt_run_string(vm, "prog.mt", "print(\"ran\")\nlet c = a + * b\n"),
                     MT_COMPILE_ERROR);
    ck_assert_int_eq(h.nerrors, 1);
    HostError *e = &h.errors[0];
    ck_assert_int_eq(e->kind, MT_ERROR_COMPILE);
    ck_assert_str_eq(e->error_class, "SyntaxError");
    ck_assert_str_eq(e->message, "expected an expression, found '*'");
    ck_assert_str_eq(e->file, "prog.mt");
    ck_assert_int_eq(e->line, 2);
    ck_assert_int_eq(e->column, 13);
    ck_assert_int_eq(e->nframes, 0);
    ck_assert_uint_eq(e->thread_id, 0);
    ck_assert_str_eq(e->text, mt_last_error(vm));
    ck_assert_str_eq(host_first_line(e->text), "prog.mt:2:13: expected an expression, found '*'");
    /* The same from a chunk (named as mt_exec was told) and from mt_check. */
    const char *bad = "let x = 1\nif x\n    pass\n";
    ck_assert_int_eq(mt_exec(vm, "repl-3", bad, strlen(bad), -1), MT_COMPILE_ERROR);
    ck_assert_int_eq(h.nerrors, 2);
    e = &h.errors[1];
    ck_assert_int_eq(e->kind, MT_ERROR_COMPILE);
    ck_assert_str_eq(e->file, "repl-3");
    ck_assert_int_eq(e->line, 2);
    ck_assert_int_eq(e->column, 5);
    ck_assert_str_eq(e->message, "expected ':', found end of line");
    ck_assert_int_eq(mt_check(vm, "checked.mt", "a b\n", 4), MT_COMPILE_ERROR);
    ck_assert_int_eq(h.nerrors, 3);
    ck_assert_str_eq(h.errors[2].file, "checked.mt");
    ck_assert_int_eq(h.errors[2].line, 1);
    ck_assert_int_eq(h.errors[2].column, 3);
    ck_assert_str_eq(h.out.text, ""); /* nothing ran */
    ck_assert_str_eq(h.err.text, "");
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

static const char traceback_src[] = "def inner(x):\n"
                                    "    raise ValueError(\"bad \" + str(x))\n"
                                    "def outer():\n"
                                    "    inner(7)\n"
                                    "outer()\n";

/* An uncaught error: class, message, the innermost frame's file and line, the thread, and
   every frame of the traceback innermost first. */
START_TEST(error_fn_gets_tracebacks) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    ck_assert_int_eq(mt_run_string(vm, "prog.mt", traceback_src), MT_RUNTIME_ERROR);
    ck_assert_int_eq(h.nerrors, 1);
    HostError *e = &h.errors[0];
    ck_assert_int_eq(e->kind, MT_ERROR_RUNTIME);
    ck_assert_str_eq(e->error_class, "ValueError");
    ck_assert_str_eq(e->message, "bad 7");
    ck_assert_str_eq(e->file, "prog.mt");
    ck_assert_int_eq(e->line, 2);
    ck_assert_int_eq(e->column, 0);
    ck_assert_uint_eq(e->thread_id, 1);
    ck_assert_int_eq(e->nframes, 3);
    ck_assert_str_eq(e->frame_fn[0], "inner");
    ck_assert_int_eq(e->frame_line[0], 2);
    ck_assert_str_eq(e->frame_fn[1], "outer");
    ck_assert_int_eq(e->frame_line[1], 4);
    ck_assert_str_eq(e->frame_fn[2], "<module>");
    ck_assert_int_eq(e->frame_line[2], 5);
    for (int i = 0; i < 3; i++) ck_assert_str_eq(e->frame_file[i], "prog.mt");
    ck_assert_msg(strstr(e->text, "ValueError: bad 7") != NULL, "text: %s", e->text);
    ck_assert_str_eq(h.err.text, ""); /* error_fn instead of write_err */
    ck_assert_int_eq(mt_exit_status(vm), 1);
    ck_assert_int_eq(host_free_vm(vm, &h), 1);
    host_done(&h);
}
END_TEST

/* A spawned thread's error names that thread; a chunk's error names the chunk. */
START_TEST(error_fn_names_the_thread) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    ck_assert_int_eq(mt_run_string(vm, "t.mt",
                                   "def bad():\n    raise TypeError(\"in thread\")\n"
                                   "let t = spawn bad()\nlet u = spawn bad()\n"),
                     MT_RUNTIME_ERROR);
    ck_assert_int_eq(h.nerrors, 2);
    ck_assert_str_eq(h.errors[0].error_class, "TypeError");
    ck_assert_uint_eq(h.errors[0].thread_id, 2);
    ck_assert_uint_eq(h.errors[1].thread_id, 3);
    ck_assert_str_eq(h.errors[0].frame_fn[0], "bad");
    ck_assert_int_eq(h.errors[0].line, 2);
    const char *chunk = "\n[][3]\n";
    ck_assert_int_eq(mt_exec(vm, "entry-1", chunk, strlen(chunk), -1), MT_RUNTIME_ERROR);
    ck_assert_int_eq(h.nerrors, 3);
    ck_assert_str_eq(h.errors[2].error_class, "IndexError");
    ck_assert_str_eq(h.errors[2].file, "entry-1");
    ck_assert_int_eq(h.errors[2].line, 2);
    ck_assert_str_eq(h.errors[2].frame_fn[0], "<module>");
    ck_assert_str_eq(h.err.text, "");
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* {== The module loader ==} */

typedef struct {
    int loads, releases;
    const char *released; /* what release was given last */
    const char *path;     /* the path the loader gives (NULL: the module name) */
    char text[256];       /* the module's source, as a host might build it */
} Loader;

static void release_source(const char *source, void *ud) {
    Loader *l = ((Host *)ud)->test;
    l->releases++;
    l->released = source;
}

static bool load_module(mt_VM *vm, const char *name, mt_ModuleSource *out, void *ud) {
    (void)vm;
    Loader *l = ((Host *)ud)->test;
    if (strcmp(name, "greet") != 0) return false;
    l->loads++;
    snprintf(l->text, sizeof l->text,
             "let who = \"host\"\n"
             "print(\"greet runs\")\n"
             "def hello(x):\n"
             "    if x == nil:\n"
             "        raise ValueError(\"no one\")\n"
             "    return \"hi \" + x + \" from \" + who\n");
    out->source = l->text;
    out->len = strlen(l->text);
    out->path = l->path;
    out->release = release_source;
    return true;
}

static mt_VM *loader_vm(Host *h, Loader *l, bool sandbox) {
    mt_Config cfg;
    host_config(&cfg, h, true);
    cfg.load_module = load_module;
    cfg.sandbox = sandbox;
    h->test = l;
    mt_VM *vm = mt_new(&cfg);
    ck_assert_ptr_nonnull(vm);
    return vm;
}

/* The host serves `import greet`: its top level runs once, every text it hands over is
   released exactly once, its path is what tracebacks show, and names it does not serve
   fall through to ImportError. The module is kept under its path, so the loader is asked
   again for a second import only when the path is not the name. */
static void serve_imports(const char *path, int loads) {
    Host h = {0};
    Loader l = {.path = path};
    mt_VM *vm = loader_vm(&h, &l, false);
    ck_assert_int_eq(host_exec(vm, "import greet\nprint(greet.hello(\"you\"))\n"), MT_OK);
    ck_assert_int_eq(host_exec(vm, "import greet\nprint(greet.who)\n"), MT_OK);
    ck_assert_str_eq(h.out.text, "greet runs\nhi you from host\nhost\n");
    ck_assert_int_eq(l.loads, loads);
    ck_assert_int_eq(l.releases, loads);
    ck_assert_ptr_eq(l.released, l.text);
    ck_assert_int_eq(mt_get_global(vm, "greet", "who", 0), MT_OK);
    ck_assert_str_eq(mt_get_str(vm, 0, NULL), "host");
    ck_assert_int_eq(host_exec(vm, "greet.hello(nil)\n"), MT_RUNTIME_ERROR);
    ck_assert_int_eq(h.nerrors, 1);
    ck_assert_str_eq(h.errors[0].file, path ? path : "greet");
    ck_assert_int_eq(h.errors[0].line, 5);
    ck_assert_str_eq(h.errors[0].frame_fn[0], "hello");
    ck_assert_int_eq(host_exec(vm, "try:\n    import nowhere_at_all\nexcept ImportError as e:\n"
                                   "    print(e.message[:32])\n"),
                     MT_OK);
    ck_assert_str_eq(h.out.text,
                     "greet runs\nhi you from host\nhost\nno module named 'nowhere_at_all'\n");
    ck_assert_int_eq(l.releases, l.loads);
    host_free_vm(vm, &h);
    host_done(&h);
}

START_TEST(load_module_serves_imports) {
    serve_imports(NULL, 1);
    serve_imports("host:greet", 2);
}
END_TEST

/* A module the host serves with a syntax error: the script sees SyntaxError, with the
   host's path; the text is still released once. */
static bool load_broken(mt_VM *vm, const char *name, mt_ModuleSource *out, void *ud) {
    (void)vm;
    Loader *l = ((Host *)ud)->test;
    if (strcmp(name, "broken") != 0) return false;
    l->loads++;
    snprintf(l->text, sizeof l->text, "let x = (1 +\n");
    *out = (mt_ModuleSource){l->text, strlen(l->text), "lib/broken.mt", release_source};
    return true;
}

START_TEST(load_module_with_syntax_error) {
    Host h = {0};
    Loader l = {0};
    mt_Config cfg;
    host_config(&cfg, &h, true);
    cfg.load_module = load_broken;
    h.test = &l;
    mt_VM *vm = mt_new(&cfg);
    ck_assert_int_eq(host_exec(vm, "try:\n    import broken\nexcept SyntaxError as e:\n"
                                   "    print(e.message)\n"),
                     MT_OK);
    ck_assert_str_eq(host_first_line(h.out.text),
                     "lib/broken.mt:2:1: expected an expression, found end of line");
    ck_assert_int_eq(l.loads, 1);
    ck_assert_int_eq(l.releases, 1);
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* {== The sandbox ==} */

/* A module file on MT_PATH, which the sandbox must not import. */
static void write_module_file(char *dir, size_t cap) {
    snprintf(dir, cap, "/tmp/mt-embed-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/onfile.mt", dir);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs("let answer = 42\n", f);
    fclose(f);
    setenv("MT_PATH", dir, 1);
}

static void remove_module_file(const char *dir) {
    char path[256];
    snprintf(path, sizeof path, "%s/onfile.mt", dir);
    unlink(path);
    rmdir(dir);
}

static const char sandbox_probe[] = "def try_(what, f):\n"
                                    "    try:\n"
                                    "        f()\n"
                                    "        print(what, \"ok\")\n"
                                    "    except Error as e:\n"
                                    "        print(what, type(e))\n"
                                    "def imp_os():\n    import os\n"
                                    "def imp_net():\n    import net\n"
                                    "def imp_process():\n    import process\n"
                                    "def imp_file():\n    import onfile\n"
                                    "def imp_math():\n    import math\n"
                                    "def imp_greet():\n    import greet\n"
                                    "try_(\"open\", fn(): open(\"/etc/hostname\"))\n"
                                    "try_(\"os\", imp_os)\n"
                                    "try_(\"net\", imp_net)\n"
                                    "try_(\"process\", imp_process)\n"
                                    "try_(\"file\", imp_file)\n"
                                    "try_(\"math\", imp_math)\n"
                                    "try_(\"greet\", imp_greet)\n";

/* The sandbox takes away open(), os, net, process and imports of files; the rest of the
   library and the host's loader stay. The same probe outside the sandbox shows that each
   of them exists there. */
START_TEST(sandbox_removes_files_processes_and_network) {
    char dir[64];
    write_module_file(dir, sizeof dir);
    Host h = {0};
    Loader l = {0};
    mt_VM *vm = loader_vm(&h, &l, true);
    ck_assert_int_eq(host_exec(vm, sandbox_probe), MT_OK);
    ck_assert_str_eq(h.out.text,
                     "open NameError\nos ImportError\nnet ImportError\n"
                     "process ImportError\nfile ImportError\nmath ok\ngreet runs\ngreet ok\n");
    ck_assert_int_eq(
        host_exec(vm, "try:\n    import onfile\nexcept ImportError as e:\n    print(e.message)\n"),
        MT_OK);
    ck_assert_msg(strstr(h.out.text, "no module named 'onfile' (the sandbox imports no files)\n"),
                  "out: %s", h.out.text);
    ck_assert_int_eq(mt_get_global(vm, "os", "getenv", 0), MT_NOT_FOUND);
    ck_assert_int_eq(mt_get_global(vm, NULL, "open", 0), MT_NOT_FOUND);
    host_free_vm(vm, &h);
    host_done(&h);

    Host h2 = {0};
    Loader l2 = {0};
    vm = loader_vm(&h2, &l2, false);
    ck_assert_int_eq(host_exec(vm, sandbox_probe), MT_OK);
    ck_assert_str_eq(
        h2.out.text,
        "open ok\nos ok\nnet ok\nprocess ok\nfile ok\nmath ok\ngreet runs\ngreet ok\n");
    ck_assert_int_eq(mt_get_global(vm, "os", "getenv", 0), MT_OK);
    ck_assert_int_eq(mt_get_global(vm, NULL, "open", 0), MT_OK);
    host_free_vm(vm, &h2);
    host_done(&h2);
    remove_module_file(dir);
}
END_TEST

/* {== mt_free ==} */

static const char cleanup_src[] =
    "let ch = channel()\n"
    "def waits_on_channel():\n"
    "    try:\n        ch.recv()\n    finally:\n        print(\"cleanup 1\")\n"
    "def sleeps():\n"
    "    try:\n        sleep(100)\n    finally:\n        print(\"cleanup 2\")\n"
    "def joins(t):\n"
    "    try:\n        t.join()\n    finally:\n        print(\"cleanup 3\")\n"
    "def nested():\n"
    "    try:\n"
    "        try:\n            yield_forever()\n        finally:\n            print(\"inner 4\")\n"
    "    finally:\n        print(\"outer 4\")\n"
    "def yield_forever():\n    while true:\n        yield\n"
    "let a = spawn waits_on_channel()\n"
    "let b = spawn sleeps()\n"
    "let c = spawn joins(a)\n"
    "let d = spawn nested()\n";

/* Threads a host left alive (blocked on a channel, asleep, joining, spinning through
   yields) are killed by mt_free, and every pending finally runs, innermost first, in
   spawn order, at once (not after the 100 s sleep). */
START_TEST(free_runs_every_pending_finally) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    ck_assert_int_eq(host_exec(vm, cleanup_src), MT_OK);
    ck_assert_int_eq(mt_step(vm, 1000, 0, NULL), MT_OK); /* every thread has started */
    ck_assert_str_eq(h.out.text, "");
    double t0 = host_now();
    ck_assert_int_eq(host_free_vm(vm, &h), 0);
    ck_assert_msg(host_now() - t0 < 5, "mt_free took %.1f s", host_now() - t0);
    /* Shutdown kills in spawn order; the thread that was runnable (d) runs first. */
    ck_assert_str_eq(h.out.text, "inner 4\nouter 4\ncleanup 1\ncleanup 2\ncleanup 3\n");
    ck_assert_str_eq(h.err.text, "");
    ck_assert_int_eq(h.nerrors, 0);
    host_done(&h);
}
END_TEST

/* mt_free's status: exit(n) gives n, a reported error 1, else 0. */
START_TEST(free_returns_the_exit_status) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    ck_assert_int_eq(host_exec(vm, "exit(7)\n"), MT_EXIT);
    ck_assert_int_eq(mt_exit_status(vm), 7);
    ck_assert_int_eq(host_free_vm(vm, &h), 7);
    host_done(&h);

    Host h2 = {0};
    vm = host_vm(&h2, true);
    ck_assert_int_eq(host_exec(vm, "raise ValueError(\"x\")\n"), MT_RUNTIME_ERROR);
    ck_assert_int_eq(h2.nerrors, 1);
    ck_assert_int_eq(host_free_vm(vm, &h2), 1);
    host_done(&h2);

    Host h3 = {0};
    vm = host_vm(&h3, true);
    ck_assert_int_eq(host_exec(vm, "def f():\n    raise ValueError(\"t\")\nspawn f()\n"), MT_OK);
    ck_assert_int_eq(mt_run(vm), MT_OK);
    ck_assert_int_eq(h3.nerrors, 1);
    ck_assert_int_eq(host_free_vm(vm, &h3), 1);
    host_done(&h3);

    Host h4 = {0};
    vm = host_vm(&h4, true);
    ck_assert_int_eq(host_exec(vm, "try:\n    raise ValueError(\"x\")\nexcept:\n    pass\n"),
                     MT_OK);
    ck_assert_int_eq(host_free_vm(vm, &h4), 0);
    host_done(&h4);
}
END_TEST

/* A cleanup that never ends (a finally spinning, or sleeping far past the limit) is
   abandoned after cleanup_seconds, and the host is told on write_err; the cleanup of the
   thread killed before it ran, and every block is still freed. */
static void abandon(const char *finally_body, const char *expect_out) {
    Host h = {0};
    mt_Config cfg;
    host_config(&cfg, &h, true);
    cfg.cleanup_seconds = 0.25;
    mt_VM *vm = mt_new(&cfg);
    ck_assert_ptr_nonnull(vm);
    char src[512];
    snprintf(src, sizeof src,
             "def fine():\n    try:\n        sleep(100)\n    finally:\n        print(\"fine\")\n"
             "def stuck():\n    try:\n        sleep(100)\n    finally:\n%s"
             "spawn fine()\nspawn stuck()\n",
             finally_body);
    ck_assert_int_eq(host_exec(vm, src), MT_OK);
    ck_assert_int_eq(mt_step(vm, 0, 0, NULL), MT_OK);
    double t0 = host_now();
    host_free_vm(vm, &h);
    double took = host_now() - t0;
    ck_assert_msg(took >= 0.2 && took < 3, "mt_free took %.2f s", took);
    ck_assert_str_eq(h.out.text, expect_out);
    ck_assert_str_eq(h.err.text, "mt: cleanup abandoned after 0.25 s: 1 thread still running\n");
    host_done(&h);
}

START_TEST(cleanup_seconds_bounds_a_spinning_cleanup) {
    abandon("        print(\"spin\")\n        while true:\n            pass\n", "fine\nspin\n");
}
END_TEST

START_TEST(cleanup_seconds_bounds_a_sleeping_cleanup) {
    abandon("        print(\"nap\")\n        sleep(1000)\n", "fine\nnap\n");
}
END_TEST

/* Handles and slots the host did not release are freed with the VM. */
START_TEST(free_releases_handles_and_slots) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, false);
    ck_assert_int_eq(mt_ensure_slots(vm, 100), MT_OK);
    for (int i = 0; i < 10; i++) {
        ck_assert_int_eq(mt_new_list(vm, i), MT_OK);
        ck_assert_ptr_nonnull(mt_handle(vm, i));
    }
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

Suite *embed_lifecycle_suite(void) {
    Suite *s = suite_create("embed_lifecycle");
    TCase *tc = tcase_create("config");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, config_init_zeroes_every_field);
    tcase_add_test(tc, new_with_defaults_and_user_data);
    tcase_add_test(tc, set_argv_is_the_scripts_argv);
    tcase_add_test(tc, write_callbacks_get_all_output);
    suite_add_tcase(s, tc);
    tc = tcase_create("error_fn");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, error_fn_gets_compile_errors);
    tcase_add_test(tc, error_fn_gets_tracebacks);
    tcase_add_test(tc, error_fn_names_the_thread);
    suite_add_tcase(s, tc);
    tc = tcase_create("modules");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, load_module_serves_imports);
    tcase_add_test(tc, load_module_with_syntax_error);
    tcase_add_test(tc, sandbox_removes_files_processes_and_network);
    suite_add_tcase(s, tc);
    tc = tcase_create("free");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, free_runs_every_pending_finally);
    tcase_add_test(tc, free_returns_the_exit_status);
    tcase_add_test(tc, cleanup_seconds_bounds_a_spinning_cleanup);
    tcase_add_test(tc, cleanup_seconds_bounds_a_sleeping_cleanup);
    tcase_add_test(tc, free_releases_handles_and_slots);
    suite_add_tcase(s, tc);
    return s;
}
