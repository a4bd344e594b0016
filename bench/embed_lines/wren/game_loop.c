/*
** game_loop.c (Wren 0.4 sketch, not compiled: Wren is not installed) — ONLY the part Wren
** can express: actors as fibers that yield once a frame, resumed by the host with
** wrenCall(fiber.call(frame)), their positions read from a top-level map.
**
** NOT expressible: the rogue. Wren has no instruction budget, hook, interrupt or time
** limit (wren-lang/wren#478, #533, #773, #1165): a fiber that spins in `while (true) {}`
** never returns from wrenCall, so the host loses its frame loop for good, and there is no
** way to kill it from outside (the VM is not thread-safe; no abort API). So no
** "budget spent" per frame and no watchdog: this host trusts every entity to yield.
*/
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <time.h>

#include "wren.h"

static const char script[] =
    "var pos = {}\n"
    "var actor = Fn.new {|id, x, dx|\n"
    "  while (true) {\n"
    "    x = x + dx\n"
    "    pos[id] = x\n"
    "    Fiber.yield()\n"
    "  }\n"
    "}\n"
    "var spawn = Fn.new {|fn, id, x, dx| Fiber.new { fn.call(id, x, dx) } }\n";

#define FRAMES   10
#define FRAME_NS 16000000

typedef struct {
    const char *name;
    WrenHandle *fiber;
} Entity;

static void report(WrenVM *vm, WrenErrorType type, const char *module, int line, const char *msg) {
    (void)vm, (void)type;
    fprintf(stderr, "%s:%d: %s\n", module ? module : "?", line, msg);
}

/* spawn.call(actor, id, x, dx): the host keeps the new fiber in a handle. */
static void spawn_entity(WrenVM *vm, WrenHandle *call4, Entity *e, int id, double x, double dx) {
    wrenGetVariable(vm, "main", "spawn", 0);
    wrenGetVariable(vm, "main", "actor", 1);
    wrenSetSlotDouble(vm, 2, id);
    wrenSetSlotDouble(vm, 3, x);
    wrenSetSlotDouble(vm, 4, dx);
    wrenCall(vm, call4);
    e->fiber = wrenGetSlotHandle(vm, 0);
}

static void show_frame(WrenVM *vm, const Entity *entities, int count, int frame) {
    printf("frame %2d:", frame);
    wrenGetVariable(vm, "main", "pos", 0);
    for (int i = 0; i < count; i++) {
        wrenSetSlotDouble(vm, 1, i);
        wrenGetMapValue(vm, 0, 1, 2);
        printf("  %s %3.0f", entities[i].name, wrenGetSlotDouble(vm, 2));
    }
    printf("\n");
}

static void wait_for_frame(struct timespec *deadline) {
    deadline->tv_nsec += FRAME_NS;
    if (deadline->tv_nsec >= 1000000000) {
        deadline->tv_nsec -= 1000000000;
        deadline->tv_sec++;
    }
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, deadline, NULL) != 0) {
    }
}

int main(void) {
    WrenConfiguration config;
    wrenInitConfiguration(&config);
    config.errorFn = report;
    WrenVM *vm = wrenNewVM(&config);
    if (wrenInterpret(vm, "main", script) != WREN_RESULT_SUCCESS) return wrenFreeVM(vm), 1;
    wrenEnsureSlots(vm, 5);
    WrenHandle *call4 = wrenMakeCallHandle(vm, "call(_,_,_,_)");
    WrenHandle *call1 = wrenMakeCallHandle(vm, "call(_)");
    Entity entities[2] = {{"ant", NULL}, {"bee", NULL}};
    spawn_entity(vm, call4, &entities[0], 0, 0, 1);
    spawn_entity(vm, call4, &entities[1], 1, 100, -5);

    struct timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    for (int frame = 1; frame <= FRAMES; frame++) {
        for (int i = 0; i < 2; i++) { /* each runs until its Fiber.yield(): no budget */
            wrenSetSlotHandle(vm, 0, entities[i].fiber);
            wrenSetSlotDouble(vm, 1, frame);
            wrenCall(vm, call1);
        }
        show_frame(vm, entities, 2, frame);
        wait_for_frame(&deadline);
    }
    for (int i = 0; i < 2; i++) wrenReleaseHandle(vm, entities[i].fiber);
    wrenReleaseHandle(vm, call1);
    wrenReleaseHandle(vm, call4);
    wrenFreeVM(vm);
    return 0;
}
