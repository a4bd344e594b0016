/*
** main.c — the `mt` command: runs a script, a string (-e), disassembles (--dis) or starts the
** REPL (repl.c; with no arguments on a terminal, or -i). A host of the public API like any
** other: it includes only mt.h.
**
** Signals: SIGINT and SIGTERM are forwarded to the VM with mt_signal (async-signal-safe);
** SIGPIPE is ignored so a write to a closed pipe raises IOError instead of killing us.
*/
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mt.h"
#include "repl.h"

/* The VM signals go to. A process has one set of signal handlers, so this is the one
   global a host needs (libmt itself has none and installs no handler). */
static mt_VM *running_vm;

static void on_signal(int signo) {
    if (running_vm) mt_signal(running_vm, signo);
}

static void install_signals(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
}

static const char usage[] =
    "usage: mt [options] [FILE.mt [args...]]\n"
    "\n"
    "Runs a Mt program. With no FILE, starts the interactive REPL when standard input\n"
    "is a terminal, and otherwise runs the program read from standard input.\n"
    "\n"
    "  FILE.mt [args...]     run a script; the script sees argv = [FILE.mt, args...]\n"
    "  -e CODE [args...]     run CODE (argv[0] is \"-e\")\n"
    "  -i [FILE [args...]]   run FILE (if given), then stay in the REPL with its globals\n"
    "                        and threads; without a terminal, entries are read from\n"
    "                        standard input without prompts\n"
    "  --dis FILE            print the bytecode of FILE instead of running it\n"
    "  --version             print the version and exit\n"
    "  --help                print this help and exit\n"
    "\n"
    "The REPL: readline editing, TAB completion (names, modules, members after '.'),\n"
    "history kept between sessions; a line ending in ':' opens a block that an empty\n"
    "line ends; the value of an expression is shown with repr and kept in `_`; help()\n"
    "and threads() at the prompt. Threads spawned there keep running while it waits.\n"
    "Ctrl-C interrupts the running entry (or drops the line); Ctrl-D or exit() leaves,\n"
    "after the cleanup of every thread (a second Ctrl-C cuts it short).\n"
    "\n"
    "Exit status: 0 ok, 1 uncaught error, 2 usage or compile error, n from exit(n),\n"
    "130 after Ctrl-C (SIGINT), 143 after SIGTERM.\n"
    "\n"
    "Environment:\n"
    "  MT_PATH       colon-separated directories searched by `import`\n"
    "  MT_HISTORY    the REPL's history file (default ~/.mt_history, last 1000 entries)\n"
    "  MT_GC_STRESS  1: collect garbage at every allocation (for testing)\n"
    "\n"
    "Embedding: libmt runs Mt inside a C program through one header, mt.h\n"
    "(cc host.c $(pkg-config --cflags --libs mt)); see SPEC.md section 15.\n";

static bool gc_stress(void) {
    const char *stress = getenv("MT_GC_STRESS");
    return stress && strcmp(stress, "0") != 0 && *stress;
}

static mt_VM *make_vm(void) {
    mt_Config cfg;
    mt_config_init(&cfg);
    cfg.gc_stress = gc_stress();
    mt_VM *vm = mt_new(&cfg);
    if (!vm) {
        fprintf(stderr, "mt: out of memory\n");
        exit(1);
    }
    return vm;
}

/* Frees the VM, after the signal handler has stopped pointing at it. */
static int release(mt_VM *vm) {
    running_vm = NULL;
    return mt_free(vm);
}

/* Reports a failure the library has not reported already, frees the VM and returns the
   exit status (2 for a compile or I/O error, else the program's). */
static int finish(mt_VM *vm, mt_Status st) {
    const char *msg = mt_last_error(vm);
    if (st == MT_COMPILE_ERROR) fprintf(stderr, "%s\n", msg);
    else if ((st == MT_IO_ERROR || st == MT_MEMORY_ERROR) && *msg) fprintf(stderr, "mt: %s\n", msg);
    int status = release(vm);
    return st == MT_COMPILE_ERROR || st == MT_IO_ERROR ? 2 : status;
}

int main(int argc, char **argv) {
    if (argc >= 2 && strcmp(argv[1], "--version") == 0) {
        printf("mt %s\n", MT_VERSION);
        return 0;
    }
    if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        fputs(usage, stdout);
        return 0;
    }
    install_signals();
    if (argc >= 2 && strcmp(argv[1], "--dis") == 0) {
        if (argc < 3) {
            fprintf(stderr, "mt: --dis needs a file\n");
            return 2;
        }
        mt_VM *vm = make_vm();
        running_vm = vm;
        return finish(vm, mt_disassemble_file(vm, argv[2]));
    }
    if (argc >= 2 && strcmp(argv[1], "-e") == 0) {
        if (argc < 3) {
            fprintf(stderr, "mt: -e needs code to run\n");
            return 2;
        }
        mt_VM *vm = make_vm();
        running_vm = vm;
        const char *code = argv[2];
        argv[2] = (char *)"-e";
        mt_Status st = mt_set_argv(vm, argc - 2, (const char *const *)argv + 2);
        return finish(vm, st != MT_OK ? st : mt_run_string(vm, "-e", code));
    }
    if (argc >= 2 && strcmp(argv[1], "-i") == 0) {
        /* The REPL makes its own VM (its output goes around the prompt). */
        if (argc >= 3)
            return mtrepl_main(argv[2], argc - 2, (const char *const *)argv + 2, gc_stress());
        return mtrepl_main(NULL, 0, NULL, gc_stress());
    }
    if (argc < 2 && isatty(0)) return mtrepl_main(NULL, 0, NULL, gc_stress());
    if (argc >= 2 && argv[1][0] == '-' && argv[1][1] != '\0') {
        fprintf(stderr, "mt: unknown option '%s' (see mt --help)\n", argv[1]);
        return 2;
    }
    mt_VM *vm = make_vm();
    running_vm = vm;
    if (argc < 2) {
        int status = mt_set_argv(vm, 0, NULL) == MT_OK ? mtrepl_run_stdin(vm) : 1;
        release(vm);
        return status;
    }
    mt_Status st = mt_set_argv(vm, argc - 1, (const char *const *)argv + 1);
    return finish(vm, st != MT_OK ? st : mt_run_file(vm, argv[1]));
}
