/*
** suspend.c — a native that waits for the host without blocking anything else.
**
** fetch(x) stands for a host operation that takes time (an HTTP request, a database
** query, a dialog box): it records a request, suspends the calling Mt thread with
** mt_suspend and returns at once. The host's loop completes each request when its
** "reply" is due, with mt_resume (the thread gets a value from fetch) or mt_resume_error
** (fetch raises in the thread). Meanwhile the VM runs its other threads. A thread killed
** while it waits makes the VM call the request's cancel callback instead, after which the
** host must forget the suspension. The host ends its session at 400 ms with fetch(9)
** still unanswered: mt_free kills that thread, which cancels its request too.
**
** The host's state travels as user_data (natives and callbacks get it), never in globals:
** two VMs with two Host structs could run side by side.
*/
#include <math.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "mt.h"

static const char script[] =
    "import time\n"
    "let t0 = time.monotonic()\n"
    "def at(ms):\n"
    "    sleep(t0 + ms / 1000 - time.monotonic())\n"
    "def job(x):\n"
    "    try:\n"
    "        print(f\"job {x}: got {fetch(x)!r}\")\n"
    "    except IOError as e:\n"
    "        print(f\"job {x}: failed: {e.message}\")\n"
    "    except ThreadExit:  # an Exit: only a handler that names it sees it\n"
    "        print(f\"job {x}: killed while waiting\")\n"
    "        raise\n"
    "let jobs = [spawn job(1), spawn job(2), spawn job(3), spawn job(4), spawn job(9)]\n"
    "def other():\n"
    "    at(50)\n"
    "    print(\"other: running while the fetches wait\")\n"
    "    at(250)\n"
    "    print(\"other: killing job 4\")\n"
    "    jobs[3].kill()\n"
    "    at(350)\n"
    "    print(\"other: done\")\n"
    "spawn other()\n";

#define MAX_REQUESTS 16
#define LATENCY_MS   100 /* fetch(x) is answered x * LATENCY_MS after it was asked */
#define FAILING_X    3   /* ... except fetch(3), which fails */
#define SESSION_MS   400 /* the host's loop ends then, whatever is still waiting */

/* One fetch in flight. `suspension` is the token of the waiting thread: NULL once the
   request was completed or cancelled (the token is dead then). */
typedef struct {
    mt_Suspension *suspension;
    int64_t x;
    double due_ms;
} Request;

typedef struct {
    Request requests[MAX_REQUESTS];
    int count;
} Host;

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The VM calls this instead of letting the host complete the request when the waiting
   thread is killed. The VM is in the middle of the kill: only host state is touched. */
static void cancel_fetch(mt_VM *vm, mt_Suspension *suspension, void *user_data) {
    (void)vm, (void)suspension;
    Request *r = user_data;
    printf("host: fetch(%lld) cancelled\n", (long long)r->x);
    r->suspension = NULL;
}

/* fetch(x): records the request and suspends the thread; the host answers later. */
static int fetch(mt_VM *vm, int argc, void *user_data) {
    (void)argc;
    Host *host = user_data;
    int64_t x;
    if (!mt_arg_int(vm, 1, &x)) return MT_NATIVE_ERROR; /* TypeError in the caller */
    if (host->count == MAX_REQUESTS) return mt_raise(vm, "IOError", "too many requests");
    Request *r = &host->requests[host->count++];
    r->x = x;
    r->due_ms = now_ms() + (double)x * LATENCY_MS;
    printf("host: fetch(%lld) requested\n", (long long)x);
    /* The native returns what mt_suspend returns; the thread's fetch() call goes on when
       the host resumes the token. */
    return mt_suspend(vm, &r->suspension, cancel_fetch, r);
}

/* Answers the request: a value for fetch() to return, or an error for it to raise. */
static void complete(mt_VM *vm, Request *r) {
    mt_Suspension *s = r->suspension;
    r->suspension = NULL;
    if (r->x == FAILING_X) {
        printf("host: fetch(%lld) fails\n", (long long)r->x);
        mt_resume_error(vm, s, "IOError", "host unreachable");
        return;
    }
    printf("host: fetch(%lld) answers\n", (long long)r->x);
    char reply[64];
    snprintf(reply, sizeof reply, "payload %lld", (long long)r->x);
    mt_set_str(vm, 0, reply);
    mt_resume(vm, s, 0); /* the thread runs at the next mt_step */
}

/* Completes the requests that are due; returns when the next one is due (INFINITY if
   none is pending). */
static double complete_due(mt_VM *vm, Host *host) {
    double next = INFINITY, now = now_ms();
    for (int i = 0; i < host->count; i++) {
        Request *r = &host->requests[i];
        if (!r->suspension) continue;
        if (r->due_ms <= now) complete(vm, r);
        else if (r->due_ms < next) next = r->due_ms;
    }
    return next;
}

static int pending(const Host *host) {
    int n = 0;
    for (int i = 0; i < host->count; i++) n += host->requests[i].suspension != NULL;
    return n;
}

/* Mt's print goes to the host's stdout, in order with the host's own lines (the default
   writer buffers on fd 1 until the step ends). */
static void write_out(mt_VM *vm, const char *text, size_t len, void *user_data) {
    (void)vm, (void)user_data;
    fwrite(text, 1, len, stdout);
}

/* Steps the VM and answers requests until every thread has ended or the session is over.
   The wait is a poll() on the VM's wake-up fd (event_loop.c also waits on the fds of Mt's
   I/O). */
static mt_Status run_loop(mt_VM *vm, Host *host) {
    double end = now_ms() + SESSION_MS;
    for (;;) {
        double next_reply = complete_due(vm, host); /* the threads it resumes run now: */
        mt_StepInfo info;
        mt_Status st = mt_step(vm, 0, 0, &info); /* no budget: run what can run */
        if (st != MT_OK) return st;
        double now = now_ms();
        if (info.threads == 0 || now >= end) return MT_OK;
        double ms = (next_reply < end ? next_reply : end) - now;
        if (info.next_timer >= 0 && info.next_timer * 1e3 < ms) ms = info.next_timer * 1e3;
        if (info.runnable > 0 || ms < 0) ms = 0;
        struct pollfd wake = {.fd = info.wake_fd, .events = POLLIN};
        poll(&wake, info.wake_fd >= 0, (int)ceil(ms)); /* rounded up: no spinning */
    }
}

int main(void) {
    Host host = {.count = 0};
    mt_Config config;
    mt_config_init(&config);
    config.write_out = write_out;
    mt_VM *vm = mt_new(&config);
    if (!vm) return 1;
    mt_ensure_slots(vm, 1);
    /* Every script sees fetch as a builtin; its user_data is this host. */
    mt_Function fn = {"fetch", fetch, 1, 1};
    mt_def_function(vm, &fn, &host);
    mt_Status st = mt_exec(vm, "suspend", script, strlen(script), -1);
    if (st == MT_OK) st = run_loop(vm, &host);
    printf("host: loop ended with %s, %d request(s) pending; freeing the VM\n", mt_status_name(st),
           pending(&host));
    return mt_free(vm); /* kills the threads still waiting: their cancel callbacks run */
}
