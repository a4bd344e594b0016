/*
** repl.c — `mt` with no script. Until the interactive REPL lands (its own issue), a
** non-interactive stdin is run as a script, like `python3 < file`.
*/
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "repl.h"

int mtrepl_run(mt_VM *vm) {
    size_t cap = 4096, n = 0;
    char *src = malloc(cap);
    if (!src) return 1;
    if (isatty(0))
        fprintf(stderr, "mt %s: reading a program from standard input (end with Ctrl-D)\n",
                MT_VERSION);
    for (;;) {
        size_t r = fread(src + n, 1, cap - n - 1, stdin);
        n += r;
        if (r == 0) break;
        if (n + 1 == cap) {
            char *p = realloc(src, cap * 2);
            if (!p) {
                free(src);
                return 1;
            }
            src = p;
            cap *= 2;
        }
    }
    src[n] = '\0';
    /* All n bytes: a NUL among them is invalid source, reported, not the end of it. */
    mt_Status st = mt_run_buffer(vm, "<stdin>", src, n);
    free(src);
    if (st == MT_COMPILE_ERROR || st == MT_IO_ERROR) {
        fprintf(stderr, "%s\n", mt_last_error(vm));
        return 2;
    }
    if (st == MT_MEMORY_ERROR && *mt_last_error(vm)) fprintf(stderr, "mt: %s\n", mt_last_error(vm));
    return mt_exit_status(vm);
}
