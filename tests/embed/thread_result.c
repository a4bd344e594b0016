/*
** thread_result.c — mt_thread_result tells the host how each thread ended (ctest
** embed/thread_result). Regression: a thread killed before it ever ran ended "normally"
** with nil (MT_OK), although mt.h promises MT_EXIT for a killed thread; the host could not
** tell a thread it had cancelled from one that returned nil. A thread that catches its
** ThreadExit and returns has really ended normally, and stays MT_OK.
*/
#include <stdio.h>
#include <string.h>

#include "mt.h"

static const char setup[] = "def returns(v):\n"
                            "    return v\n"
                            "def sleeps():\n"
                            "    sleep(100)\n"
                            "def swallows():\n"
                            "    try:\n"
                            "        sleep(100)\n"
                            "    except ThreadExit:\n"
                            "        return 5\n"
                            "def fails():\n"
                            "    raise ValueError(\"no\")\n";

/* One case: spawn fn(args) (args: an int, or none when -1), optionally run it a step
   first, optionally kill it, run the VM, and compare mt_thread_result with `want`. */
typedef struct {
    const char *what, *fn;
    int64_t arg;
    bool step_first, kill;
    mt_Status want;
    const char *want_type; /* of the result value */
} Case;

static const Case cases[] = {
    {"returned 7", "returns", 7, true, false, MT_OK, "int"},
    {"raised", "fails", -1, true, false, MT_RUNTIME_ERROR, "ValueError"},
    {"killed while sleeping", "sleeps", -1, true, true, MT_EXIT, "nil"},
    {"killed before it ran", "sleeps", -1, false, true, MT_EXIT, "nil"},
    {"killed before it ran (a native)", "sleep", 100, false, true, MT_EXIT, "nil"},
    {"caught ThreadExit, returned 5", "swallows", -1, true, true, MT_OK, "int"},
};

static int run_case(mt_VM *vm, const Case *c) {
    mt_StepInfo info;
    mt_get_global(vm, NULL, c->fn, 0);
    int argc = c->arg >= 0;
    if (argc) mt_set_int(vm, 1, c->arg);
    if (mt_spawn(vm, 0, argc) != MT_OK) return printf("FAIL %s: spawn\n", c->what), 1;
    if (c->step_first) mt_step(vm, 0, 0, &info);
    if (c->kill && mt_kill(vm, 0) != MT_OK) return printf("FAIL %s: kill\n", c->what), 1;
    mt_step(vm, 0, 0, &info);
    mt_Status st = mt_thread_result(vm, 0, 1);
    const char *type = mt_type_name(vm, 1);
    if (st != c->want || strcmp(type, c->want_type) != 0) {
        printf("FAIL %s: %s with a %s (want %s with a %s)\n", c->what, mt_status_name(st), type,
               mt_status_name(c->want), c->want_type);
        return 1;
    }
    printf("ok   %s: %s\n", c->what, mt_status_name(st));
    return 0;
}

/* Silences the report of fails()'s error (it is expected). */
static void quiet(mt_VM *vm, const mt_ErrorInfo *e, void *user_data) {
    (void)vm, (void)e, (void)user_data;
}

int main(void) {
    mt_Config config;
    mt_config_init(&config);
    config.error_fn = quiet;
    mt_VM *vm = mt_new(&config);
    if (!vm || mt_exec(vm, "setup", setup, strlen(setup), -1) != MT_OK) return 1;
    mt_ensure_slots(vm, 2);
    int failures = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) failures += run_case(vm, &cases[i]);
    mt_free(vm);
    return failures != 0;
}
