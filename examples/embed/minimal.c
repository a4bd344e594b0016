/*
** minimal.c — the smallest useful host: make a VM, run some Mt, read a global, call an Mt
** function with arguments, print the result, free the VM.
**
**   cc minimal.c $(pkg-config --cflags --libs mt) -o minimal && ./minimal
*/
#include <stdio.h>
#include <string.h>

#include "mt.h"

static const char script[] = "let greeting = \"hello from Mt\"\n"
                             "def scale(xs, k):\n"
                             "    return sum(map(fn(x): x * k, xs))\n";

int main(void) {
    mt_VM *vm = mt_new(NULL); /* NULL: the default config (libc allocator, stdout, stderr) */
    if (!vm) return 1;

    /* mt_exec runs the chunk in the VM's host module, whose globals stay for later calls.
       A compile or runtime error has been reported on stderr already. */
    if (mt_exec(vm, "setup", script, strlen(script), -1) != MT_OK) return mt_free(vm), 1;

    /* Values cross through numbered slots: make three, read a global into slot 0. */
    mt_ensure_slots(vm, 3);
    mt_get_global(vm, NULL, "greeting", 0);
    printf("%s\n", mt_get_str(vm, 0, NULL));

    /* A call: the callee in slot 0, its arguments after it; the result replaces it. */
    mt_get_global(vm, NULL, "scale", 0);
    mt_new_list(vm, 1);
    for (int i = 1; i <= 4; i++) {
        mt_set_int(vm, 2, i);
        mt_list_append(vm, 1, 2);
    }
    mt_set_int(vm, 2, 10);
    if (mt_call(vm, 0, 2) != MT_OK) { /* the error value is in slot 0 */
        fprintf(stderr, "scale failed: %s\n", mt_error_string(vm, 0));
        return mt_free(vm), 1;
    }
    printf("scale([1, 2, 3, 4], 10) = %lld\n", (long long)mt_get_int(vm, 0));

    return mt_free(vm); /* 0, or 1 if an error was reported */
}
