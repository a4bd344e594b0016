/*
** poll.c — the poller, on poll(2).
**
** poll(2) rather than epoll: each wait builds its descriptor list from the waits (a few
** hundred at the most in the programs Mt is for, which poll handles in microseconds), it
** accepts the same fd twice (two threads reading one pipe), and it reports regular files
** as always ready, which is what they are. The interface hides it, so epoll can replace it
** if thousands of idle connections ever matter.
*/
#include "vm/poll.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include "vm/gc.h"
#include "vm/mem.h"
#include "vm/sched.h"
#include "vm/select.h"
#include "vm/thread.h"

static Poller *P(VM *vm) { return vm->sched->poller; }

void mtpoll_init(VM *vm) {
    Poller *p = mtmem_alloc(vm, sizeof(Poller));
    memset(p, 0, sizeof *p);
    p->wake_read = p->wake_write = -1;
    vm->sched->poller = p;
    int fds[2];
    if (pipe2(fds, O_NONBLOCK | O_CLOEXEC) == 0) {
        p->wake_read = fds[0];
        p->wake_write = fds[1];
    }
}

void mtpoll_free(VM *vm) {
    Poller *p = P(vm);
    if (!p) return;
    if (p->wake_read >= 0) close(p->wake_read);
    if (p->wake_write >= 0) close(p->wake_write);
    mtmem_free(vm, p->waits, p->cap * sizeof(FdWait));
    mtmem_free(vm, p, sizeof *p);
    vm->sched->poller = NULL;
}

void mtpoll_add(VM *vm, Fiber *t, int fd, uint32_t events, int32_t select_case) {
    Poller *p = P(vm);
    if (p->nwaits == p->cap) {
        uint32_t cap = p->cap ? p->cap * 2 : 16;
        p->waits = mtmem_realloc(vm, p->waits, p->cap * sizeof(FdWait), cap * sizeof(FdWait));
        p->cap = cap;
    }
    p->waits[p->nwaits++] = (FdWait){t, fd, events, select_case, p->next_seq++};
}

void mtpoll_remove(VM *vm, Fiber *t) {
    Poller *p = P(vm);
    if (!p) return;
    uint32_t n = 0;
    for (uint32_t i = 0; i < p->nwaits; i++)
        if (p->waits[i].thread != t) p->waits[n++] = p->waits[i];
    p->nwaits = n;
}

void mtpoll_wake_fd(VM *vm, int fd) {
    Poller *p = P(vm);
    for (uint32_t i = 0; p && i < p->nwaits; i++) {
        FdWait w = p->waits[i];
        if (w.fd != fd) continue;
        mtpoll_remove(vm, w.thread); /* all its waits (a select's other cases too) */
        if (w.select_case >= 0) mtsel_finish(vm, w.thread, w.select_case, NIL_VAL, UNDEF_VAL);
        else mts_wake_retry(vm, w.thread);
        i = (uint32_t)-1; /* the array shifted: look again from the start */
    }
}

bool mtpoll_busy(VM *vm) { return P(vm) && P(vm)->nwaits > 0; }

Step mtpoll_park(VM *vm, Fiber *f, int fd, uint32_t events) {
    Fiber *t = mts_thread_of(f);
    mtpoll_add(vm, t, fd, events, -1);
    Step st = mts_park(vm, f, WAIT_FD, NULL);
    if (st == STEP_ERROR) mtpoll_remove(vm, t); /* an exit was due: it does not wait */
    return st;
}

Step mtpoll_park_until(VM *vm, Fiber *f, int fd, uint32_t events, double deadline) {
    /* A timer names a registered thread: a fiber that may not wait never gets one. */
    if (!mts_can_wait(vm, f)) return STEP_ERROR;
    Fiber *t = mts_thread_of(f);
    mts_timer_reserve(vm);
    mtpoll_add(vm, t, fd, events, -1);
    mts_timer_add(vm, t, deadline); /* before parking: the scheduler may sleep right away */
    Step st = mts_park(vm, f, WAIT_FD, NULL);
    if (st == STEP_ERROR) {
        mtpoll_remove(vm, t);
        mts_timer_remove(vm, t);
    }
    return st;
}

static short poll_events(uint32_t events) {
    return (short)(((events & MT_POLL_IN) ? POLLIN : 0) | ((events & MT_POLL_OUT) ? POLLOUT : 0));
}

bool mtpoll_ready(int fd, uint32_t events) {
    struct pollfd pfd = {fd, poll_events(events), 0};
    int r;
    do r = poll(&pfd, 1, 0);
    while (r < 0 && errno == EINTR);
    /* An error or hang-up counts as ready: the read or write that follows reports it. */
    return r != 0;
}

/* Empties the self-pipe (its bytes only say "wake up"). */
static void drain_wake(Poller *p) {
    char buf[64];
    while (read(p->wake_read, buf, sizeof buf) > 0) continue;
}

/* Drops thread t's waits from p->waits and the parallel pfds[0..n); the new n. */
static uint32_t remove_waits(Poller *p, struct pollfd *pfds, uint32_t n, Fiber *t) {
    uint32_t k = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (p->waits[i].thread == t) continue;
        p->waits[k] = p->waits[i];
        pfds[k++] = pfds[i];
    }
    p->nwaits = k;
    return k;
}

/* Queues the threads whose fds poll reported ready, the earliest wait first. */
static void wake_ready(VM *vm, struct pollfd *pfds, uint32_t n) {
    Poller *p = P(vm);
    for (;;) {
        int best = -1;
        for (uint32_t i = 0; i < n; i++)
            if (pfds[i].revents && (best < 0 || p->waits[i].seq < p->waits[best].seq))
                best = (int)i;
        if (best < 0) return;
        FdWait w = p->waits[best];
        n = remove_waits(p, pfds, n, w.thread); /* a select's other cases go too */
        if (w.select_case >= 0) mtsel_finish(vm, w.thread, w.select_case, NIL_VAL, UNDEF_VAL);
        else mts_wake_retry(vm, w.thread);
    }
}

/* poll(2)'s timeout for `timeout` seconds, rounded up to whole milliseconds. */
static int timeout_ms(VM *vm, double timeout) {
    if (vm->signal_pending) return 0; /* a signal is waiting: do not sleep */
    if (timeout < 0) return -1;
    if (timeout > 3600) return 3600000;
    return (int)(timeout * 1000 + 0.999);
}

void mtpoll_wait(VM *vm, double timeout) {
    Poller *p = P(vm);
    uint32_t n = p->nwaits;
    struct pollfd stack_pfds[64];
    struct pollfd *pfds = stack_pfds;
    size_t bytes = (n + 1) * sizeof(struct pollfd);
    if (n + 1 > 64 && !(pfds = mtmem_host_realloc(vm, NULL, 0, bytes))) return; /* later */
    for (uint32_t i = 0; i < n; i++)
        pfds[i] = (struct pollfd){p->waits[i].fd, poll_events(p->waits[i].events), 0};
    pfds[n] = (struct pollfd){p->wake_read, POLLIN, 0};
    int r = poll(pfds, n + 1, timeout_ms(vm, timeout));
    if (r > 0) {
        if (pfds[n].revents) drain_wake(p);
        wake_ready(vm, pfds, n);
    }
    if (pfds != stack_pfds) mtmem_host_realloc(vm, pfds, bytes, 0);
}

void mtpoll_drain_wake(VM *vm) {
    Poller *p = P(vm);
    if (p && p->wake_read >= 0) drain_wake(p);
}

void mtpoll_wake(VM *vm) {
    Poller *p = vm->sched ? vm->sched->poller : NULL;
    if (!p || p->wake_write < 0) return;
    char byte = 1;
    ssize_t r = write(p->wake_write, &byte, 1); /* full pipe: a wake-up is pending anyway */
    (void)r;
}

void mtpoll_mark(VM *vm) {
    Poller *p = P(vm);
    if (!p) return;
    for (uint32_t i = 0; i < p->nwaits; i++) mtth_mark_live(vm, p->waits[i].thread);
}
