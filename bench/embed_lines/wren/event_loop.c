/*
** event_loop.c (Wren 0.4 sketch, not compiled: Wren is not installed).
**
** Same scheduler idiom as suspend.c: foreign methods record what a task waits for, the
** Wren wrapper switches fibers or suspends the VM, the host's poll() loop resumes tasks
** with wrenCall(Sched.resume_(id, value)). Wren has no fds, processes, timers or clock:
** the host runs the child with popen() and hands the line it reads to the task. The inbox
** is a queue in the host. Ctrl-C: the host calls Sched.killAll_() (the tasks' registered
** cleanups run; Wren has no finally) and exits with 130.
*/
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "wren.h"

static const char script[] =
    "class Host {\n"
    "  foreign static now\n"
    "  foreign static sleep_(id, seconds)\n"
    "  foreign static recv_(id)\n"
    "  foreign static readLine_(id, command)\n"
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
    "  static recv() {\n"
    "    var job = Host.recv_(__current.id)\n"
    "    return job == false ? next_() : job\n"
    "  }\n"
    "  static readLine(command) {\n"
    "    Host.readLine_(__current.id, command)\n"
    "    return next_()\n"
    "  }\n"
    "}\n"
    "Sched.init_()\n"
    /* The script proper. */
    "var t0 = Host.now\n"
    "var at = Fn.new {|ms| Sched.sleep(t0 + ms / 1000 - Host.now) }\n"
    "Sched.spawn {\n"
    "  for (i in 1..4) {\n"
    "    at.call(i * 200)\n"
    "    System.print(\"wren: tick %(i)\")\n"
    "  }\n"
    "}\n"
    "Sched.spawn(Fn.new {\n"
    "  while (true) {\n"
    "    var job = Sched.recv()\n"
    "    if (job == null) break\n"
    "    System.print(\"wren: worker got %(job)\")\n"
    "  }\n"
    "  System.print(\"wren: worker done\")\n"
    "}, Fn.new { System.print(\"wren: worker done\") })\n"
    "Sched.spawn {\n"
    "  System.print(\"wren: \" + Sched.readLine(\"sleep 0.1; echo hello from a child\"))\n"
    "}\n"
    "Sched.next_()\n";

#define HOST_PERIOD_MS 200
#define HOST_FIRST_MS  300
#define HOST_EVENTS    4
#define INBOX_SIZE     4
#define MAX_TASKS      16

enum { IDLE, SLEEPING, RECEIVING, READING };

typedef struct {
    int state;
    double due;  /* SLEEPING */
    FILE *child; /* READING */
} Wait;

typedef struct {
    Wait waits[MAX_TASKS]; /* by task id */
    int inbox[INBOX_SIZE], head, queued;
    bool closed;
    WrenHandle *sched, *resume;
} Host;

static volatile sig_atomic_t interrupted;

static void on_sigint(int signo) { interrupted = signo; }

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static Wait *wait_of(WrenVM *vm) {
    Host *host = wrenGetUserData(vm);
    return &host->waits[(int)wrenGetSlotDouble(vm, 1)];
}

static void host_now(WrenVM *vm) { wrenSetSlotDouble(vm, 0, now_ms() / 1e3); }

static void host_sleep(WrenVM *vm) {
    Wait *w = wait_of(vm);
    w->state = SLEEPING;
    w->due = now_ms() + wrenGetSlotDouble(vm, 2) * 1e3;
}

/* Puts the next job (or null: closed and empty) in slot. */
static void take_job(WrenVM *vm, Host *host, int slot) {
    if (host->queued == 0) {
        wrenSetSlotNull(vm, slot);
        return;
    }
    char job[32];
    snprintf(job, sizeof job, "job %d", host->inbox[host->head]);
    host->head = (host->head + 1) % INBOX_SIZE;
    host->queued--;
    wrenSetSlotString(vm, slot, job);
}

/* recv_(id): the next job, null once closed, or false: the task must wait. */
static void host_recv(WrenVM *vm) {
    Host *host = wrenGetUserData(vm);
    if (host->queued > 0 || host->closed) {
        take_job(vm, host, 0);
        return;
    }
    wait_of(vm)->state = RECEIVING;
    wrenSetSlotBool(vm, 0, false);
}

static void host_read_line(WrenVM *vm) {
    Wait *w = wait_of(vm);
    w->child = popen(wrenGetSlotString(vm, 2), "r");
    w->state = READING;
}

static void host_cancel(WrenVM *vm) { wait_of(vm)->state = IDLE; }

static WrenForeignMethodFn bind(WrenVM *vm, const char *module, const char *cls, bool isStatic,
                                const char *sig) {
    (void)vm, (void)module, (void)isStatic;
    if (strcmp(cls, "Host") != 0) return NULL;
    if (strcmp(sig, "now") == 0) return host_now;
    if (strcmp(sig, "sleep_(_,_)") == 0) return host_sleep;
    if (strcmp(sig, "recv_(_)") == 0) return host_recv;
    if (strcmp(sig, "readLine_(_,_)") == 0) return host_read_line;
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

/* Resumes task id with the value already in slot 2. */
static void resume(WrenVM *vm, Host *host, int id) {
    host->waits[id].state = IDLE;
    wrenSetSlotHandle(vm, 0, host->sched);
    wrenSetSlotDouble(vm, 1, id);
    wrenCall(vm, host->resume);
}

static void host_event(Host *host, int n) {
    if (n == HOST_EVENTS) {
        printf("host: timer %d, closing the inbox\n", n);
        host->closed = true;
    } else if (host->queued == INBOX_SIZE) {
        printf("host: inbox full, job %d dropped\n", n);
    } else {
        printf("host: timer %d, sending job %d\n", n, n);
        host->inbox[(host->head + host->queued++) % INBOX_SIZE] = n;
    }
}

static int run_loop(WrenVM *vm, Host *host) {
    double start = now_ms();
    int fired = 0;
    for (;;) {
        double now = now_ms();
        double next =
            fired < HOST_EVENTS ? start + HOST_FIRST_MS + fired * HOST_PERIOD_MS : INFINITY;
        if (next <= now) {
            host_event(host, ++fired);
            continue;
        }
        struct pollfd pfds[MAX_TASKS];
        int ids[MAX_TASKS], live = 0;
        nfds_t n = 0;
        for (int id = 0; id < MAX_TASKS; id++) {
            Wait *w = &host->waits[id];
            wrenEnsureSlots(vm, 3);
            if (w->state == SLEEPING && w->due <= now) {
                wrenSetSlotNull(vm, 2);
                resume(vm, host, id);
            } else if (w->state == RECEIVING && (host->queued > 0 || host->closed)) {
                take_job(vm, host, 2);
                resume(vm, host, id);
            }
            if (w->state == SLEEPING && w->due < next) next = w->due;
            if (w->state == READING) {
                pfds[n] = (struct pollfd){.fd = fileno(w->child), .events = POLLIN};
                ids[n++] = id;
            }
            live += w->state != IDLE;
        }
        if (fired == HOST_EVENTS && live == 0) return 0;
        double ms = next - now_ms();
        poll(pfds, n, next == INFINITY ? -1 : ms <= 0 ? 0 : (int)ceil(ms));
        if (interrupted) return 128 + interrupted;
        for (nfds_t j = 0; j < n; j++) {
            if (!pfds[j].revents) continue;
            Wait *w = &host->waits[ids[j]];
            char line[256] = "";
            if (fgets(line, sizeof line, w->child)) line[strcspn(line, "\n")] = 0;
            pclose(w->child);
            wrenSetSlotString(vm, 2, line);
            resume(vm, host, ids[j]);
        }
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
    setvbuf(stdout, NULL, _IOLBF, 0);
    signal(SIGINT, on_sigint);
    if (wrenInterpret(vm, "main", script) != WREN_RESULT_SUCCESS) return wrenFreeVM(vm), 1;
    wrenEnsureSlots(vm, 1);
    wrenGetVariable(vm, "main", "Sched", 0);
    host.sched = wrenGetSlotHandle(vm, 0);
    host.resume = wrenMakeCallHandle(vm, "resume_(_,_)");
    int status = run_loop(vm, &host);
    if (status) { /* Ctrl-C: the tasks' cleanups run */
        WrenHandle *kill_all = wrenMakeCallHandle(vm, "killAll_()");
        wrenSetSlotHandle(vm, 0, host.sched);
        wrenCall(vm, kill_all);
        wrenReleaseHandle(vm, kill_all);
    }
    printf("host: loop ended with %s\n", status ? "SIGINT" : "OK");
    wrenReleaseHandle(vm, host.resume);
    wrenReleaseHandle(vm, host.sched);
    wrenFreeVM(vm);
    return status;
}
