/*
** suspend.c (Wren 0.4 sketch, not compiled: Wren is not installed).
**
** A foreign method cannot suspend its fiber: it is a leaf C call that must return. The
** Wren-side idiom (wren-cli's scheduler.wren) is a Wren wrapper: the foreign method only
** records the request, then the wrapper switches to the next ready fiber or, with none
** left, calls Fiber.suspend(), which returns from wrenInterpret/wrenCall to the host. The
** host later resumes the fiber by wrenCall(Sched.resume_(id, value)), which transfers to
** it. Wren has no scheduler, no clock and no way to kill a fiber or run cleanup in it
** (no finally): the script carries a small scheduler, a "kill" abandons the fiber and runs
** a cleanup callback the task registered, and fetch returns [ok, value] (errors are
** values: a fiber can only catch an abort at a Fiber.try() boundary).
*/
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "wren.h"

static const char script[] =
    "class Host {\n"
    "  foreign static now\n"
    "  foreign static sleep_(id, seconds)\n"
    "  foreign static fetch_(id, x)\n"
    "  foreign static cancel_(id)\n"
    "}\n"
    "class Task {\n"
    "  construct new(id, fn, onKill) {\n"
    "    _id = id\n"
    "    _onKill = onKill\n"
    "    _fiber = Fiber.new {\n"
    "      fn.call()\n"
    "      _done = true\n"
    "      Sched.next_()\n"
    "    }\n"
    "  }\n"
    "  id { _id }\n"
    "  fiber { _fiber }\n"
    "  kill() {\n"
    "    if (_done) return\n"
    "    _done = true\n"
    "    Host.cancel_(_id)\n"
    "    if (_onKill) _onKill.call()\n"
    "  }\n"
    "}\n"
    "class Sched {\n"
    "  static init_() {\n"
    "    __ready = []\n"
    "    __tasks = []\n"
    "  }\n"
    "  static spawn(fn) { spawn(fn, null) }\n"
    "  static spawn(fn, onKill) {\n"
    "    var t = Task.new(__tasks.count, fn, onKill)\n"
    "    __tasks.add(t)\n"
    "    __ready.add(t)\n"
    "    return t\n"
    "  }\n"
    "  static next_() {\n"
    "    if (__ready.isEmpty) return Fiber.suspend()\n"
    "    __current = __ready.removeAt(0)\n"
    "    return __current.fiber.transfer()\n"
    "  }\n"
    "  static resume_(id, value) {\n"
    "    __current = __tasks[id]\n"
    "    __current.fiber.transfer(value)\n"
    "  }\n"
    "  static killAll_() { __tasks.each {|t| t.kill() } }\n"
    "  static sleep(s) {\n"
    "    Host.sleep_(__current.id, s)\n"
    "    return next_()\n"
    "  }\n"
    "  static fetch(x) {\n"
    "    Host.fetch_(__current.id, x)\n"
    "    return next_()\n"
    "  }\n"
    "}\n"
    "Sched.init_()\n"
    /* The script proper. */
    "var t0 = Host.now\n"
    "var at = Fn.new {|ms| Sched.sleep(t0 + ms / 1000 - Host.now) }\n"
    "var job = Fn.new {|x|\n"
    "  var r = Sched.fetch(x)\n"
    "  System.print(r[0] ? \"job %(x): got \\\"%(r[1])\\\"\" : \"job %(x): failed: %(r[1])\")\n"
    "}\n"
    "var jobs = [1, 2, 3, 4, 9].map {|x|\n"
    "  Sched.spawn(Fn.new { job.call(x) }, Fn.new { System.print(\"job %(x): killed while "
    "waiting\") })\n"
    "}.toList\n"
    "Sched.spawn {\n"
    "  at.call(50)\n"
    "  System.print(\"other: running while the fetches wait\")\n"
    "  at.call(250)\n"
    "  System.print(\"other: killing job 4\")\n"
    "  jobs[3].kill()\n"
    "  at.call(350)\n"
    "  System.print(\"other: done\")\n"
    "}\n"
    "Sched.next_()\n";

#define MAX_TASKS  16
#define LATENCY_MS 100
#define FAILING_X  3
#define SESSION_MS 400

enum { IDLE, SLEEPING, FETCHING };

typedef struct {
    int state;
    double x, due;
} Request;

typedef struct {
    Request requests[MAX_TASKS]; /* by task id */
    WrenHandle *sched, *resume;  /* the Sched class and resume_(_,_) */
} Host;

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static Request *request(WrenVM *vm) {
    Host *host = wrenGetUserData(vm);
    return &host->requests[(int)wrenGetSlotDouble(vm, 1)];
}

static void host_now(WrenVM *vm) { wrenSetSlotDouble(vm, 0, now_ms() / 1e3); }

static void host_sleep(WrenVM *vm) {
    Request *r = request(vm);
    r->state = SLEEPING;
    r->due = now_ms() + wrenGetSlotDouble(vm, 2) * 1e3;
}

static void host_fetch(WrenVM *vm) {
    Request *r = request(vm);
    r->state = FETCHING;
    r->x = wrenGetSlotDouble(vm, 2);
    r->due = now_ms() + r->x * LATENCY_MS;
    printf("host: fetch(%.0f) requested\n", r->x);
}

static void host_cancel(WrenVM *vm) {
    Request *r = request(vm);
    if (r->state == FETCHING) printf("host: fetch(%.0f) cancelled\n", r->x);
    r->state = IDLE;
}

/* Wren asks for each foreign method by class and signature when the class is defined. */
static WrenForeignMethodFn bind(WrenVM *vm, const char *module, const char *cls, bool isStatic,
                                const char *sig) {
    (void)vm, (void)module, (void)isStatic;
    if (strcmp(cls, "Host") != 0) return NULL;
    if (strcmp(sig, "now") == 0) return host_now;
    if (strcmp(sig, "sleep_(_,_)") == 0) return host_sleep;
    if (strcmp(sig, "fetch_(_,_)") == 0) return host_fetch;
    if (strcmp(sig, "cancel_(_)") == 0) return host_cancel;
    return NULL;
}

static void write_out(WrenVM *vm, const char *text) {
    (void)vm;
    fputs(text, stdout);
}

static void report(WrenVM *vm, WrenErrorType type, const char *module, int line, const char *msg) {
    (void)vm, (void)type;
    fprintf(stderr, "%s:%d: %s\n", module ? module : "?", line, msg);
}

/* Resumes task id with the value already in slot 2 (Sched.resume_(id, value)). */
static void resume(WrenVM *vm, Host *host, int id) {
    host->requests[id].state = IDLE;
    wrenSetSlotHandle(vm, 0, host->sched);
    wrenSetSlotDouble(vm, 1, id);
    wrenCall(vm, host->resume); /* runs until every fiber waits again */
}

/* Answers a fetch with [true, "payload x"] or [false, "host unreachable"]. */
static void complete(WrenVM *vm, Host *host, int id) {
    Request *r = &host->requests[id];
    int ok = r->x != FAILING_X;
    printf("host: fetch(%.0f) %s\n", r->x, ok ? "answers" : "fails");
    char reply[64];
    snprintf(reply, sizeof reply, "payload %.0f", r->x);
    wrenEnsureSlots(vm, 4);
    wrenSetSlotNewList(vm, 2);
    wrenSetSlotBool(vm, 3, ok);
    wrenInsertInList(vm, 2, -1, 3);
    wrenSetSlotString(vm, 3, ok ? reply : "host unreachable");
    wrenInsertInList(vm, 2, -1, 3);
    resume(vm, host, id);
}

static void run_loop(WrenVM *vm, Host *host) {
    double end = now_ms() + SESSION_MS;
    for (;;) {
        double now = now_ms(), next = end;
        int live = 0;
        for (int id = 0; id < MAX_TASKS; id++) {
            Request *r = &host->requests[id];
            if (r->state == SLEEPING && r->due <= now) {
                wrenEnsureSlots(vm, 3);
                wrenSetSlotNull(vm, 2);
                resume(vm, host, id);
            } else if (r->state == FETCHING && r->due <= now) complete(vm, host, id);
            if (r->state != IDLE && r->due < next) next = r->due;
            live += r->state != IDLE;
        }
        now = now_ms();
        if (!live || now >= end) return;
        poll(NULL, 0, (int)ceil(next - now));
    }
}

int main(void) {
    Host host = {0};
    WrenConfiguration config;
    wrenInitConfiguration(&config);
    config.bindForeignMethodFn = bind;
    config.writeFn = write_out;
    config.errorFn = report;
    config.userData = &host;
    WrenVM *vm = wrenNewVM(&config);
    if (wrenInterpret(vm, "main", script) != WREN_RESULT_SUCCESS) return wrenFreeVM(vm), 1;
    wrenEnsureSlots(vm, 1);
    wrenGetVariable(vm, "main", "Sched", 0);
    host.sched = wrenGetSlotHandle(vm, 0);
    host.resume = wrenMakeCallHandle(vm, "resume_(_,_)");
    run_loop(vm, &host);
    int pending = 0;
    for (int id = 0; id < MAX_TASKS; id++) pending += host.requests[id].state == FETCHING;
    printf("host: loop ended, %d request(s) pending; freeing the VM\n", pending);
    /* wrenFreeVM just frees waiting fibers: run the tasks' kill callbacks first. */
    WrenHandle *kill_all = wrenMakeCallHandle(vm, "killAll_()");
    wrenSetSlotHandle(vm, 0, host.sched);
    wrenCall(vm, kill_all);
    wrenReleaseHandle(vm, kill_all);
    wrenReleaseHandle(vm, host.resume);
    wrenReleaseHandle(vm, host.sched);
    wrenFreeVM(vm);
    return 0;
}
