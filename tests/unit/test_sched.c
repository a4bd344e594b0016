/*
** test_sched.c — the scheduler (sched.c) and the hold rule of threads (thread.c).
**
** The run queue and the timer heap are tested on thread fibers that never run: the tests
** link them in and read the structures back (FIFO order, no double link, heap order on
** (deadline, order set), timer slots). Parking and waking are tested the same way. What
** is about whole programs — round-robin turns, timers against a yielding thread, the
** deadlock report and when a kill's ThreadExit is raised (SPEC 8.6) — runs small programs
** and checks their exact output.
*/
#include <stdio.h>

#include "unit.h"
#include "vm/channel.h"
#include "vm/error.h"
#include "vm/fiber.h"
#include "vm/sched.h"
#include "vm/state.h"
#include "vm/thread.h"

static VM *vm;
static Scheduler *s;

static void setup(void) {
    vm = unit_vm(NULL);
    s = vm->sched;
}
static void teardown(void) { mt_free(vm); }

/* A thread fiber that never runs: the scheduler only links it. It is registered, as
   every thread that waits is (a timer names its thread by its registry index). */
static Fiber *idle_thread(void) {
    Fiber *t = mtf_new(vm, NIL_VAL, NULL, 0, true);
    mtth_register(vm, t);
    return t;
}

/* The run queue from head to tail, into out[]; returns its length. */
static uint32_t run_queue(Fiber **out, uint32_t cap) {
    uint32_t n = 0;
    for (Waiter *w = s->run_head ? &s->run_head->wait : NULL; w; w = w->next) {
        ck_assert_uint_lt(n, cap);
        out[n++] = waiter_fiber(w);
    }
    return n;
}

/* The run queue is exactly want[0..n), its tail and length agreeing. */
static void check_queue(Fiber *const *want, uint32_t n) {
    Fiber *got[16];
    ck_assert_uint_eq(run_queue(got, 16), n);
    for (uint32_t i = 0; i < n; i++) ck_assert_ptr_eq(got[i], want[i]);
    ck_assert_uint_eq(s->run_len, n);
    ck_assert_ptr_eq(s->run_tail, n ? want[n - 1] : NULL);
}

/* {== Run queue ==} */

START_TEST(run_queue_is_fifo) {
    Fiber *a = idle_thread(), *b = idle_thread(), *c = idle_thread();
    mts_enqueue(vm, a);
    mts_enqueue(vm, b);
    mts_enqueue(vm, c);
    check_queue((Fiber *[]){a, b, c}, 3);
    ck_assert_int_eq(a->state, FIBER_RUNNABLE);
}
END_TEST

/* A thread woken twice (a wake-up and a kill) must not be linked twice: the list would
   loop or lose the threads behind it. */
START_TEST(run_queue_never_links_twice) {
    Fiber *a = idle_thread(), *b = idle_thread(), *c = idle_thread();
    mts_enqueue(vm, a);
    mts_enqueue(vm, b);
    mts_enqueue(vm, c);
    mts_enqueue(vm, b);
    mts_enqueue(vm, a);
    check_queue((Fiber *[]){a, b, c}, 3);
}
END_TEST

START_TEST(run_queue_remove_keeps_order_and_tail) {
    Fiber *a = idle_thread(), *b = idle_thread(), *c = idle_thread(), *d = idle_thread();
    mts_enqueue(vm, a);
    mts_enqueue(vm, b);
    mts_enqueue(vm, c);
    mts_run_queue_remove(vm, b); /* middle */
    check_queue((Fiber *[]){a, c}, 2);
    mts_run_queue_remove(vm, c); /* tail */
    check_queue((Fiber *[]){a}, 1);
    mts_run_queue_remove(vm, d); /* not queued: nothing happens */
    check_queue((Fiber *[]){a}, 1);
    mts_enqueue(vm, d);
    check_queue((Fiber *[]){a, d}, 2);
    mts_run_queue_remove(vm, a); /* head */
    check_queue((Fiber *[]){d}, 1);
    mts_enqueue_front(vm, a); /* a preempted thread goes first */
    check_queue((Fiber *[]){a, d}, 2);
}
END_TEST

/* {== Timers ==} */

/* A small deterministic generator, so that each run shuffles the same way. */
static uint32_t lcg(uint32_t *state) {
    *state = *state * 1664525u + 1013904223u;
    return *state >> 8;
}

/* Heap order holds and every fiber knows its slot. */
static void check_heap(void) {
    for (uint32_t i = 0; i < s->ntimers; i++) {
        const Timer *t = &s->timers[i];
        ck_assert_uint_eq(mts_timer_fiber(vm, i)->timer_slot, i + 1);
        if (i == 0) continue;
        const Timer *p = &s->timers[(i - 1) / 2];
        ck_assert(p->at < t->at || (p->at == t->at && p->seq < t->seq));
    }
}

enum { NTIMERS = 200 };

/* Adds a timer for each fiber with deadlines 0..9 in shuffled order (many ties), in index
   order, so that the order set is the index. */
static void add_shuffled_timers(Fiber **f, double *at) {
    uint32_t rng = 12345;
    for (int i = 0; i < NTIMERS; i++) {
        f[i] = idle_thread();
        at[i] = (double)(lcg(&rng) % 10);
        mts_timer_add(vm, f[i], at[i]);
        check_heap();
    }
}

/* The indices sorted by (deadline, index): the order timers must fire in. */
static void expected_order(const double *at, int *order, const bool *skip, int *n) {
    *n = 0;
    for (int d = 0; d < 10; d++)
        for (int i = 0; i < NTIMERS; i++)
            if (at[i] == d && !(skip && skip[i])) order[(*n)++] = i;
}

/* Takes the earliest timer, as the scheduler does, until none is left; checks the order. */
static void pop_all_in_order(Fiber **f, const int *order, int n) {
    for (int k = 0; k < n; k++) {
        Fiber *first = mts_timer_fiber(vm, 0);
        ck_assert_msg(first == f[order[k]], "timer %d fired out of order", k);
        mts_timer_remove(vm, first);
        ck_assert_uint_eq(first->timer_slot, 0);
        check_heap();
    }
    ck_assert_uint_eq(s->ntimers, 0);
}

START_TEST(timers_fire_by_deadline_then_order_set) {
    Fiber *f[NTIMERS];
    double at[NTIMERS];
    int order[NTIMERS], n;
    add_shuffled_timers(f, at);
    ck_assert_uint_eq(s->ntimers, NTIMERS);
    expected_order(at, order, NULL, &n);
    ck_assert_int_eq(n, NTIMERS);
    pop_all_in_order(f, order, n);
}
END_TEST

/* Removing a timer from the middle (a sleeper killed, a select completed) leaves a heap:
   the moved last timer may have to go up or down. */
START_TEST(timer_removed_from_the_middle_keeps_heap_order) {
    Fiber *f[NTIMERS];
    double at[NTIMERS];
    bool removed[NTIMERS] = {false};
    int order[NTIMERS], n;
    add_shuffled_timers(f, at);
    for (int i = 0; i < NTIMERS; i += 3) {
        mts_timer_remove(vm, f[i]);
        removed[i] = true;
        check_heap();
    }
    mts_timer_remove(vm, f[0]); /* no timer any more: nothing happens */
    expected_order(at, order, removed, &n);
    ck_assert_uint_eq(s->ntimers, (uint32_t)n);
    pop_all_in_order(f, order, n);
}
END_TEST

/* The 32-bit order counter wraps after 2^32 timers: before it does, the timers are
   renumbered in firing order, and ties still fire in the order they were set. */
START_TEST(timer_order_survives_the_counter_wrapping) {
    Fiber *f[NTIMERS];
    double at[NTIMERS];
    int order[NTIMERS], n;
    s->timer_seq = UINT32_MAX - NTIMERS / 2; /* wraps half-way through the adds */
    add_shuffled_timers(f, at);
    ck_assert_uint_lt(s->timer_seq, NTIMERS + 1);
    expected_order(at, order, NULL, &n);
    pop_all_in_order(f, order, n);
}
END_TEST

/* A timer names its thread by registry index: when the registry compacts finished
   threads away, the timers of the threads that move follow them. */
START_TEST(timers_follow_threads_the_registry_moves) {
    Fiber *f[NTIMERS];
    double at[NTIMERS];
    int order[NTIMERS], n;
    add_shuffled_timers(f, at);
    for (uint32_t i = 0; i < s->nthreads; i += 2)
        if (s->threads[i] && !s->threads[i]->timer_slot) s->threads[i] = NULL;
    Fiber *first = idle_thread(); /* a finished thread with no timer, then compaction */
    s->threads[first->obj.aux] = NULL;
    while (s->nthreads < s->threads_cap) idle_thread();
    idle_thread(); /* the registry is full: it compacts */
    for (int i = 0; i < NTIMERS; i++) ck_assert_ptr_eq(s->threads[f[i]->obj.aux], f[i]);
    check_heap();
    expected_order(at, order, NULL, &n);
    pop_all_in_order(f, order, n);
}
END_TEST

/* {== Parking and waking ==} */

/* A thread parked in recv on ch, with a timer (as a select with after() would have). */
static Fiber *parked_receiver(Channel *ch, double deadline) {
    Fiber *t = idle_thread();
    t->state = FIBER_PARKED;
    t->wait_kind = WAIT_RECV;
    t->wait_obj = &ch->obj;
    mtch_push_waiter(&ch->recv_head, &ch->recv_tail, &t->wait);
    mts_timer_add(vm, t, deadline);
    return t;
}

/* A woken thread has its value in its result slot and is queued at the back, no longer
   waiting on its timer; the value is in transit until it runs (FIBER_DEFER). */
START_TEST(wake_delivers_value_and_queues_at_back) {
    Fiber *first = idle_thread();
    mts_enqueue(vm, first);
    Fiber *t = idle_thread();
    t->state = FIBER_PARKED;
    t->wait_kind = WAIT_SLEEP;
    mts_timer_add(vm, t, 1.0);
    mts_wake(vm, t, SMALLINT_VAL(42));
    ck_assert(t->top[-1] == SMALLINT_VAL(42));
    ck_assert_uint_eq(t->timer_slot, 0);
    ck_assert_uint_eq(s->ntimers, 0);
    ck_assert_int_eq(t->wait_kind, WAIT_NONE);
    ck_assert(t->obj.flags & FIBER_DEFER);
    check_queue((Fiber *[]){first, t}, 2);
}
END_TEST

START_TEST(wake_error_sets_pending_without_defer) {
    Fiber *t = idle_thread();
    t->state = FIBER_PARKED;
    t->obj.flags |= FIBER_DEFER;
    Value e = mte_new(vm, ERR_VALUE, "woken with an error");
    mts_wake_error(vm, t, e);
    ck_assert(t->pending == e);
    ck_assert(!(t->obj.flags & FIBER_DEFER));
    check_queue((Fiber *[]){t}, 1);
}
END_TEST

/* A kill takes a parked thread out of everything it waits on. */
START_TEST(unpark_leaves_channel_queue_and_timer) {
    Channel *ch = mtch_new(vm, 0);
    Fiber *a = parked_receiver(ch, 2.0), *b = parked_receiver(ch, 1.0);
    mts_unpark(vm, a);
    ck_assert_ptr_eq(ch->recv_head, &b->wait);
    ck_assert_ptr_eq(ch->recv_tail, &b->wait);
    ck_assert_uint_eq(a->timer_slot, 0);
    ck_assert_uint_eq(s->ntimers, 1);
    ck_assert_ptr_eq(mts_timer_fiber(vm, 0), b);
    ck_assert_int_eq(a->wait_kind, WAIT_NONE);
    ck_assert_ptr_null(a->wait_obj);
    mts_unpark(vm, b);
    ck_assert_ptr_null(ch->recv_head);
    ck_assert_ptr_null(ch->recv_tail);
    ck_assert_uint_eq(s->ntimers, 0);
}
END_TEST

/* {== Programs ==} */

/* Runs src and checks its exact output and that nothing was reported. */
static void check_program(const char *src, const char *want) {
    Capture cap = {0};
    mt_Status st = unit_run(src, &cap);
    ck_assert_msg(st == MT_OK, "status %d, stderr: %s", st, cap.err.text);
    ck_assert_str_eq(cap.out.text, want);
    ck_assert_str_eq(cap.err.text, "");
    capture_free(&cap);
}

/* spawn never switches; yielding threads take turns in spawn order. */
START_TEST(yielding_threads_take_turns_in_fifo_order) {
    check_program("def w(name):\n"
                  "    for i in range(3):\n"
                  "        print(name, i)\n"
                  "        yield\n"
                  "spawn w(\"a\")\n"
                  "spawn w(\"b\")\n"
                  "spawn w(\"c\")\n"
                  "print(\"main\")\n",
                  "main\na 0\nb 0\nc 0\na 1\nb 1\nc 1\na 2\nb 2\nc 2\n");
}
END_TEST

/* Sleepers wake by deadline, not spawn order; a thread that keeps yielding cannot starve
   them (expired timers join the queue before each pass). */
START_TEST(sleepers_wake_by_deadline_despite_a_yielder) {
    check_program("let done = 0\n"
                  "def sleeper(name, s):\n"
                  "    sleep(s)\n"
                  "    print(\"woke\", name)\n"
                  "    done += 1\n"
                  "def spinner():\n"
                  "    let turns = 0\n"
                  "    while done < 3:\n"
                  "        turns += 1\n"
                  "        yield\n"
                  "    print(\"spinner saw all\", turns > 0)\n"
                  "spawn sleeper(\"slow\", 0.06)\n"
                  "spawn sleeper(\"fast\", 0.02)\n"
                  "spawn sleeper(\"mid\", 0.04)\n"
                  "spawn spinner()\n",
                  "woke fast\nwoke mid\nwoke slow\nspinner saw all true\n");
}
END_TEST

START_TEST(deadlock_report_names_every_blocked_thread) {
    check_program("def waiter(ch):\n"
                  "    ch.recv()\n"
                  "let ch = channel()\n"
                  "let t = spawn waiter(ch)\n"
                  "try:\n"
                  "    t.join()\n"
                  "except DeadlockError as e:\n"
                  "    print(e.message)\n",
                  "all threads are blocked and nothing can wake them\n"
                  "  main thread: waiting in join at prog.mt:6\n"
                  "  thread 2: waiting in recv at prog.mt:2\n");
}
END_TEST

/* {== The hold rule (SPEC 8.6) ==} */

/* A kill that arrives while a finally waits does not wake it: the cleanup runs to its
   end, and the ThreadExit is raised right there (the code after it does not run). */
START_TEST(kill_held_while_cleanup_waits) {
    check_program("let hold = channel()\n"
                  "def worker():\n"
                  "    try:\n"
                  "        pass\n"
                  "    finally:\n"
                  "        print(\"cleanup waits\")\n"
                  "        hold.recv()\n"
                  "        print(\"cleanup ends\")\n"
                  "    print(\"not reached\")\n"
                  "let t = spawn worker()\n"
                  "sleep(0)\n"
                  "t.kill()\n"
                  "print(\"killed\")\n"
                  "hold.send(1)\n"
                  "print(\"join\", t.join())\n",
                  "cleanup waits\nkilled\ncleanup ends\njoin nil\n");
}
END_TEST

/* Where the cleanup ends is where the held exit goes: a loop after it, with no
   suspension point, never starts. */
START_TEST(held_exit_raised_where_cleanup_ends) {
    check_program("let gate = channel(1)\n"
                  "let n = 0\n"
                  "def worker():\n"
                  "    try:\n"
                  "        pass\n"
                  "    finally:\n"
                  "        gate.send(1)\n"
                  "        sleep(0)\n"
                  "        print(\"cleanup ends\")\n"
                  "    while n < 1000:\n"
                  "        n += 1\n"
                  "let t = spawn worker()\n"
                  "gate.recv()\n"
                  "t.kill()\n"
                  "t.join()\n"
                  "print(\"n\", n)\n",
                  "cleanup ends\nn 0\n");
}
END_TEST

/* Nested cleanup: the exit waits for the outermost block, not the first that ends. */
START_TEST(held_exit_waits_for_the_outermost_cleanup) {
    check_program("let hold = channel()\n"
                  "def worker():\n"
                  "    try:\n"
                  "        pass\n"
                  "    finally:\n"
                  "        try:\n"
                  "            pass\n"
                  "        finally:\n"
                  "            hold.recv()\n"
                  "            print(\"inner ends\")\n"
                  "        print(\"outer goes on\")\n"
                  "    print(\"not reached\")\n"
                  "let t = spawn worker()\n"
                  "sleep(0)\n"
                  "t.kill()\n"
                  "hold.send(1)\n"
                  "print(\"join\", t.join())\n",
                  "inner ends\nouter goes on\njoin nil\n");
}
END_TEST

/* A kill after a value was handed to the thread: the value is used, and the exit waits
   for the thread's next suspension point (a kill never loses a message). */
START_TEST(kill_after_value_waits_for_next_suspension) {
    check_program("let inbox = channel()\n"
                  "let more = channel()\n"
                  "def worker():\n"
                  "    try:\n"
                  "        let v = inbox.recv()\n"
                  "        print(\"got\", v)\n"
                  "        more.recv()\n"
                  "        print(\"not reached\")\n"
                  "    finally:\n"
                  "        print(\"cleanup\")\n"
                  "let t = spawn worker()\n"
                  "sleep(0)\n"
                  "inbox.send(7)\n"
                  "t.kill()\n"
                  "print(\"join\", t.join())\n",
                  "got 7\ncleanup\njoin nil\n");
}
END_TEST

/* Cleanup on the thread's resume chain counts too: a coroutine's finally, run by close(),
   holds the kill of the thread that closes it. */
START_TEST(kill_held_while_a_coroutine_cleans_up) {
    check_program("let hold = channel()\n"
                  "def gen():\n"
                  "    try:\n"
                  "        yield 1\n"
                  "    finally:\n"
                  "        hold.recv()\n"
                  "        print(\"coroutine cleanup ends\")\n"
                  "def worker():\n"
                  "    let co = coroutine(gen)\n"
                  "    co.resume()\n"
                  "    try:\n"
                  "        co.close()\n"
                  "    finally:\n"
                  "        print(\"thread finally\")\n"
                  "    print(\"not reached\")\n"
                  "let t = spawn worker()\n"
                  "sleep(0)\n"
                  "t.kill()\n"
                  "hold.send(1)\n"
                  "print(\"join\", t.join())\n",
                  "coroutine cleanup ends\nthread finally\njoin nil\n");
}
END_TEST

/* ...and the other way round: a coroutine resumed from a finally waits, not in cleanup
   itself; its resumer is, so the kill is held for it too. */
START_TEST(kill_held_while_cleanup_resumes_a_coroutine) {
    check_program("let hold = channel()\n"
                  "def gen():\n"
                  "    hold.recv()\n"
                  "    print(\"coroutine got it\")\n"
                  "    yield 1\n"
                  "def worker():\n"
                  "    try:\n"
                  "        pass\n"
                  "    finally:\n"
                  "        coroutine(gen).resume()\n"
                  "        print(\"finally ends\")\n"
                  "    print(\"not reached\")\n"
                  "let t = spawn worker()\n"
                  "sleep(0)\n"
                  "t.kill()\n"
                  "hold.send(1)\n"
                  "print(\"join\", t.join())\n",
                  "coroutine got it\nfinally ends\njoin nil\n");
}
END_TEST

/* An Error leaving cleanup that runs for the exit does not stop it: no except clause
   sees the Error, which is reported, and the outer cleanup still runs. */
START_TEST(error_in_cleanup_for_exit_is_reported_and_exit_goes_on) {
    Capture cap = {0};
    mt_Status st = unit_run("let hold = channel()\n"
                            "def worker():\n"
                            "    try:\n"
                            "        try:\n"
                            "            hold.recv()\n"
                            "        finally:\n"
                            "            raise KeyError(\"in cleanup\")\n"
                            "    except KeyError:\n"
                            "        print(\"not reached\")\n"
                            "    finally:\n"
                            "        print(\"outer cleanup\")\n"
                            "let t = spawn worker()\n"
                            "sleep(0)\n"
                            "t.kill()\n"
                            "print(\"join\", t.join())\n",
                            &cap);
    ck_assert_int_eq(st, MT_RUNTIME_ERROR); /* an error was reported */
    ck_assert_str_eq(cap.out.text, "outer cleanup\njoin nil\n");
    ck_assert_str_eq(unit_first_line(cap.err.text), "Error in thread 2 (spawned at prog.mt:12 in "
                                                    "<module>) ignored while ThreadExit unwinds "
                                                    "the thread:");
    const char *tail = "  prog.mt:7, in worker\n"
                       "    raise KeyError(\"in cleanup\")\n"
                       "KeyError: in cleanup\n";
    size_t n = strlen(cap.err.text), m = strlen(tail);
    ck_assert_msg(n >= m && strcmp(cap.err.text + n - m, tail) == 0, "stderr: %s", cap.err.text);
    capture_free(&cap);
}
END_TEST

Suite *sched_suite(void) {
    Suite *su = suite_create("sched");
    TCase *tc = tcase_create("queues");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, run_queue_is_fifo);
    tcase_add_test(tc, run_queue_never_links_twice);
    tcase_add_test(tc, run_queue_remove_keeps_order_and_tail);
    tcase_add_test(tc, timers_fire_by_deadline_then_order_set);
    tcase_add_test(tc, timer_removed_from_the_middle_keeps_heap_order);
    tcase_add_test(tc, timer_order_survives_the_counter_wrapping);
    tcase_add_test(tc, timers_follow_threads_the_registry_moves);
    tcase_add_test(tc, wake_delivers_value_and_queues_at_back);
    tcase_add_test(tc, wake_error_sets_pending_without_defer);
    tcase_add_test(tc, unpark_leaves_channel_queue_and_timer);
    suite_add_tcase(su, tc);
    tc = tcase_create("programs");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, yielding_threads_take_turns_in_fifo_order);
    tcase_add_test(tc, sleepers_wake_by_deadline_despite_a_yielder);
    tcase_add_test(tc, deadlock_report_names_every_blocked_thread);
    suite_add_tcase(su, tc);
    tc = tcase_create("hold");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, kill_held_while_cleanup_waits);
    tcase_add_test(tc, held_exit_raised_where_cleanup_ends);
    tcase_add_test(tc, held_exit_waits_for_the_outermost_cleanup);
    tcase_add_test(tc, kill_after_value_waits_for_next_suspension);
    tcase_add_test(tc, kill_held_while_a_coroutine_cleans_up);
    tcase_add_test(tc, kill_held_while_cleanup_resumes_a_coroutine);
    tcase_add_test(tc, error_in_cleanup_for_exit_is_reported_and_exit_goes_on);
    suite_add_tcase(su, tc);
    return su;
}
