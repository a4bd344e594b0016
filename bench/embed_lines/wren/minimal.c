/*
** minimal.c (Wren 0.4 sketch, not compiled: Wren is not installed) — make a VM, run some
** Wren, read a top-level variable, call a Wren function with arguments, print, free.
** A top-level function is a Fn object: the host calls its call(_,_) method via wrenCall.
*/
#include <stdio.h>

#include "wren.h"

static const char script[] = "var greeting = \"hello from Wren\"\n"
                             "var scale = Fn.new {|xs, k| xs.reduce(0) {|s, x| s + x * k } }\n";

/* Without an errorFn Wren reports nothing; compile and runtime errors come here. */
static void report(WrenVM *vm, WrenErrorType type, const char *module, int line, const char *msg) {
    (void)vm, (void)type;
    fprintf(stderr, "%s:%d: %s\n", module ? module : "?", line, msg);
}

int main(void) {
    WrenConfiguration config;
    wrenInitConfiguration(&config);
    config.errorFn = report;
    WrenVM *vm = wrenNewVM(&config);
    if (wrenInterpret(vm, "main", script) != WREN_RESULT_SUCCESS) return wrenFreeVM(vm), 1;

    wrenEnsureSlots(vm, 3);
    wrenGetVariable(vm, "main", "greeting", 0);
    printf("%s\n", wrenGetSlotString(vm, 0));

    /* A call: the receiver (the Fn) in slot 0, its arguments after it; the result in 0. */
    wrenGetVariable(vm, "main", "scale", 0);
    wrenSetSlotNewList(vm, 1);
    for (int i = 1; i <= 4; i++) {
        wrenSetSlotDouble(vm, 2, i);
        wrenInsertInList(vm, 1, -1, 2);
    }
    wrenSetSlotDouble(vm, 2, 10);
    WrenHandle *call = wrenMakeCallHandle(vm, "call(_,_)");
    WrenInterpretResult r = wrenCall(vm, call);
    wrenReleaseHandle(vm, call);
    if (r != WREN_RESULT_SUCCESS) return wrenFreeVM(vm), 1; /* reported by report() */
    printf("scale([1, 2, 3, 4], 10) = %.0f\n", wrenGetSlotDouble(vm, 0));

    wrenFreeVM(vm);
    return 0;
}
