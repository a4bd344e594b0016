/*
** event_loop.c — a host that owns the event loop: one poll() call waits for everything,
** the host's own timer, the fds Mt threads wait on and the VM's wake-up fd, and mt_step
** runs the VM's threads in between, a bounded amount at a time.
**
** The script starts three threads: a ticker that sleeps (an Mt timer), a worker that
** receives jobs from a channel the host feeds with mt_try_send, and a reader waiting for
** a child process's output (an fd only the host's poll() watches). The host's timer fires
** between the ticks, so the output shows host events and Mt threads interleaved in time.
** Ctrl-C (SIGINT) reaches the VM through mt_signal: the worker's cleanup runs, exit 130.
*/
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "mt.h"

static const char script[] =
    "import process\n"
    "import time\n"
    "let t0 = time.monotonic()\n"
    "def at(ms):  # sleep until ms after the start, so the ticks do not drift\n"
    "    sleep(t0 + ms / 1000 - time.monotonic())\n"
    "def ticker():\n"
    "    for i in range(1, 5):\n"
    "        at(i * 200)\n"
    "        print(f\"mt: tick {i}\")\n"
    "def worker():\n"
    "    try:\n"
    "        for job in inbox:  # the host sends, and closes the channel at the end\n"
    "            print(f\"mt: worker got {job}\")\n"
    "    finally:\n"
    "        print(\"mt: worker done\")\n"
    "def reader():\n"
    "    let p = process.start([\"sh\", \"-c\", \"sleep 0.1; echo hello from a child\"],\n"
    "                          stdout=\"pipe\")\n"
    "    print(\"mt:\", p.stdout.readline().strip())  # waits on a pipe: info.fds\n"
    "    p.wait()\n"
    "spawn ticker()\n"
    "spawn worker()\n"
    "spawn reader()\n";

#define HOST_PERIOD_MS 200 /* the host's timer: at 300, 500, 700 ms it sends, at 900 closes */
#define HOST_FIRST_MS  300
#define HOST_EVENTS    4
#define STEP_TICKS     10000 /* the budget of one mt_step: at most this many ticks ... */
#define STEP_SECONDS   0.005 /* ... and this much time, before the host gets control back */
#define MAX_FDS        64

static mt_VM *the_vm; /* for the signal handler only */

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* mt_signal is async-signal-safe: it only marks the VM and makes wake_fd readable. */
static void on_sigint(int signo) { mt_signal(the_vm, signo); }

/* Mt's print goes through the host's stdout, so that it interleaves with the host's own
   printf in the order things happened (the default writer has its own buffer on fd 1). */
static void write_out(mt_VM *vm, const char *text, size_t len, void *user_data) {
    (void)vm, (void)user_data;
    fwrite(text, 1, len, stdout);
}

/* The host's timer went off for the n-th time: send a job to the script, or close the
   channel after the last one. The channel lives in a handle the host keeps. */
static void host_event(mt_VM *vm, mt_Handle *inbox, int n) {
    mt_handle_get(vm, inbox, 0);
    if (n == HOST_EVENTS) {
        printf("host: timer %d, closing the inbox\n", n);
        mt_close_channel(vm, 0);
        return;
    }
    printf("host: timer %d, sending job %d\n", n, n);
    char job[32];
    snprintf(job, sizeof job, "job %d", n);
    mt_set_str(vm, 1, job);
    /* Never blocks: with the channel full it would say MT_WOULD_BLOCK, and a host would
       keep the job and try again after the next step. */
    if (mt_try_send(vm, 0, 1) != MT_OK) printf("host: inbox full, job %d dropped\n", n);
}

/* How long poll() may sleep: until the VM's next timer or the host's, whichever is first;
   not at all if a thread can run now; -1 (forever) if nothing is due. */
static int poll_timeout(const mt_StepInfo *info, double host_due_ms) {
    if (info->runnable > 0) return 0;
    double ms = host_due_ms;
    if (info->next_timer >= 0 && info->next_timer * 1e3 < ms) ms = info->next_timer * 1e3;
    if (ms == INFINITY) return -1;
    return ms <= 0 ? 0 : (int)ceil(ms); /* rounded up: waking early would only spin */
}

/* The fds to wait on: every fd Mt threads wait for, and the VM's wake-up fd. (A host with
   more than MAX_FDS would grow its array; this script waits on one pipe at most.) */
static nfds_t poll_set(const mt_StepInfo *info, struct pollfd *pfds) {
    nfds_t n = 0;
    for (uint32_t i = 0; i < info->nfds && n < MAX_FDS - 1; i++, n++) {
        pfds[n].fd = info->fds[i].fd;
        pfds[n].events = (short)((info->fds[i].events & MT_POLL_READ ? POLLIN : 0) |
                                 (info->fds[i].events & MT_POLL_WRITE ? POLLOUT : 0));
    }
    if (info->wake_fd >= 0) pfds[n++] = (struct pollfd){.fd = info->wake_fd, .events = POLLIN};
    return n;
}

/* The loop: step the VM, fire the host's timer when due, sleep in poll() until something
   happens. mt_step says MT_EXIT if the script ended the program (exit(), a signal). */
static mt_Status run_loop(mt_VM *vm, mt_Handle *inbox) {
    double start = now_ms();
    int fired = 0;
    for (;;) {
        mt_StepInfo info;
        mt_Status st = mt_step(vm, STEP_TICKS, STEP_SECONDS, &info);
        if (st != MT_OK) return st;
        double host_due = fired < HOST_EVENTS
                              ? start + HOST_FIRST_MS + fired * HOST_PERIOD_MS - now_ms()
                              : INFINITY;
        if (host_due <= 0) {
            host_event(vm, inbox, ++fired);
            continue; /* step at once: the worker has a job */
        }
        if (fired == HOST_EVENTS && info.threads == 0) return MT_OK;
        struct pollfd pfds[MAX_FDS];
        nfds_t n = poll_set(&info, pfds);
        poll(pfds, n, poll_timeout(&info, host_due)); /* EINTR (Ctrl-C) just loops */
    }
}

int main(void) {
    mt_Config config;
    mt_config_init(&config);
    config.write_out = write_out;
    mt_VM *vm = the_vm = mt_new(&config);
    if (!vm) return 1;
    setvbuf(stdout, NULL, _IOLBF, 0); /* a pipe sees each line when it happens */
    signal(SIGINT, on_sigint);

    /* The host makes the channel and publishes it as the global `inbox` before the script
       runs; a handle keeps it for the host, whatever happens to the slots. */
    mt_ensure_slots(vm, 2);
    mt_new_channel(vm, 0, 4);
    mt_set_global(vm, NULL, "inbox", 0);
    mt_Handle *inbox = mt_handle(vm, 0);

    /* mt_exec runs the script's top level; the threads it spawns wait for the loop. */
    mt_Status st = mt_exec(vm, "event_loop", script, strlen(script), -1);
    if (st == MT_OK) st = run_loop(vm, inbox);
    printf("host: loop ended with %s\n", mt_status_name(st));
    fflush(stdout);
    signal(SIGINT, SIG_DFL); /* no mt_signal after mt_free */
    mt_release(vm, inbox);
    return mt_free(vm); /* 130 after Ctrl-C */
}
