/*
** test_channel.c — channels (channel.c) and select (select.c).
**
** The ring buffer and the wait queues are tested through mtch_try_send/mtch_try_recv with
** thread fibers parked by hand: values come out in the order they went in, across the
** wrap-around and against a model queue; waiting senders and receivers are served first
** come, first served; close wakes each with its error. Select's fairness and determinism
** are about whole programs: 1000 selects between always-ready channels, in fresh VMs.
*/
#include <stdio.h>

#include "unit.h"
#include "vm/channel.h"
#include "vm/error.h"
#include "vm/fiber.h"
#include "vm/sched.h"
#include "vm/state.h"

static VM *vm;

static void setup(void) { vm = unit_vm(NULL); }
static void teardown(void) { mt_free(vm); }

static void send_ok(Channel *ch, int64_t v) { ck_assert(mtch_try_send(vm, ch, SMALLINT_VAL(v))); }

static void recv_is(Channel *ch, int64_t want) {
    Value v = NIL_VAL;
    ck_assert(mtch_try_recv(vm, ch, &v));
    ck_assert_msg(v == SMALLINT_VAL(want), "received %lld, wanted %lld",
                  IS_SMALLINT(v) ? (long long)AS_SMALLINT(v) : -1LL, (long long)want);
}

static void recv_nothing(Channel *ch) {
    Value v = NIL_VAL;
    ck_assert(!mtch_try_recv(vm, ch, &v));
    ck_assert(v == NIL_VAL);
}

/* A thread fiber parked on ch (to send `v`, or to receive). */
static Fiber *parked(Channel *ch, bool send, int64_t v) {
    Fiber *t = mtf_new(vm, NIL_VAL, NULL, 0, true);
    t->state = FIBER_PARKED;
    t->wait_kind = send ? WAIT_SEND : WAIT_RECV;
    t->wait_obj = &ch->obj;
    t->wait.value = send ? SMALLINT_VAL(v) : NIL_VAL;
    if (send) mtch_push_waiter(&ch->send_head, &ch->send_tail, &t->wait);
    else mtch_push_waiter(&ch->recv_head, &ch->recv_tail, &t->wait);
    return t;
}

/* {== The ring buffer ==} */

START_TEST(buffer_wraps_around_in_order) {
    Channel *ch = mtch_new(vm, 3);
    send_ok(ch, 1);
    send_ok(ch, 2);
    send_ok(ch, 3);
    ck_assert(!mtch_try_send(vm, ch, SMALLINT_VAL(4))); /* full */
    recv_is(ch, 1);
    recv_is(ch, 2);
    send_ok(ch, 4); /* lands in slot 0: the ring wraps */
    send_ok(ch, 5);
    ck_assert_uint_eq(ch->head, 2);
    ck_assert(ch->buf[0] == SMALLINT_VAL(4));
    recv_is(ch, 3);
    recv_is(ch, 4);
    recv_is(ch, 5);
    recv_nothing(ch);
    ck_assert_uint_eq(ch->count, 0);
}
END_TEST

/* Many sends and receives in a pseudo-random mix, checked against a plain array queue. */
START_TEST(buffer_matches_a_model_queue) {
    Channel *ch = mtch_new(vm, 5);
    int64_t model[2000];
    int head = 0, tail = 0, next = 0;
    uint32_t rng = 7;
    for (int step = 0; step < 2000; step++) {
        rng = rng * 1103515245u + 12345u;
        if ((rng >> 16) % 3 != 0) {
            bool room = tail - head < 5;
            ck_assert(mtch_try_send(vm, ch, SMALLINT_VAL(next)) == room);
            if (room) model[tail++] = next;
            next++;
        } else if (head < tail) {
            recv_is(ch, model[head++]);
        } else {
            recv_nothing(ch);
        }
        ck_assert_uint_eq(ch->count, (uint32_t)(tail - head));
    }
}
END_TEST

START_TEST(ready_rules) {
    Channel *r = mtch_new(vm, 0), *b = mtch_new(vm, 1);
    ck_assert(!mtch_ready(r, true));
    ck_assert(!mtch_ready(r, false));
    ck_assert(mtch_ready(b, true)); /* room */
    ck_assert(!mtch_ready(b, false));
    send_ok(b, 1);
    ck_assert(!mtch_ready(b, true));
    ck_assert(mtch_ready(b, false));
    parked(r, false, 0); /* a waiting receiver makes a send ready */
    ck_assert(mtch_ready(r, true));
    ck_assert(!mtch_ready(r, false));
    Channel *c = mtch_new(vm, 0);
    ck_assert_int_eq(mtch_close(vm, c), NATIVE_OK);
    ck_assert(mtch_ready(c, true)); /* closed: ready, to raise ChannelClosed */
    ck_assert(mtch_ready(c, false));
}
END_TEST

/* {== Wait queues ==} */

/* The run queue from head to tail. */
static uint32_t queued(Fiber **out) {
    uint32_t n = 0;
    for (Waiter *w = vm->sched->run_head ? &vm->sched->run_head->wait : NULL; w; w = w->next)
        out[n++] = waiter_fiber(w);
    return n;
}

START_TEST(receivers_are_served_first_come_first_served) {
    Channel *ch = mtch_new(vm, 0);
    Fiber *r1 = parked(ch, false, 0), *r2 = parked(ch, false, 0), *r3 = parked(ch, false, 0);
    send_ok(ch, 10);
    send_ok(ch, 20);
    ck_assert(r1->top[-1] == SMALLINT_VAL(10));
    ck_assert(r2->top[-1] == SMALLINT_VAL(20));
    ck_assert_int_eq(r3->state, FIBER_PARKED);
    ck_assert_ptr_eq(ch->recv_head, &r3->wait);
    Fiber *q[4];
    ck_assert_uint_eq(queued(q), 2);
    ck_assert_ptr_eq(q[0], r1);
    ck_assert_ptr_eq(q[1], r2);
    mtch_remove_waiter(ch, &r3->wait); /* a kill takes it out */
    ck_assert_ptr_null(ch->recv_head);
    ck_assert_ptr_null(ch->recv_tail);
    ck_assert(!mtch_try_send(vm, ch, SMALLINT_VAL(30))); /* rendezvous: nobody waits */
}
END_TEST

/* A full buffer with senders waiting: each receive takes the oldest value, and the oldest
   sender's value moves into the buffer (so the order is buffer, then senders in turn). */
START_TEST(senders_refill_the_buffer_in_order) {
    Channel *ch = mtch_new(vm, 2);
    send_ok(ch, 1);
    send_ok(ch, 2);
    Fiber *s1 = parked(ch, true, 3), *s2 = parked(ch, true, 4);
    recv_is(ch, 1);
    ck_assert_int_eq(s1->state, FIBER_RUNNABLE);
    ck_assert(s1->top[-1] == NIL_VAL); /* its send returns nil */
    ck_assert_int_eq(s2->state, FIBER_PARKED);
    ck_assert_uint_eq(ch->count, 2);
    recv_is(ch, 2);
    ck_assert_int_eq(s2->state, FIBER_RUNNABLE);
    recv_is(ch, 3);
    recv_is(ch, 4);
    recv_nothing(ch);
}
END_TEST

START_TEST(unbuffered_recv_takes_from_waiting_senders_in_order) {
    Channel *ch = mtch_new(vm, 0);
    parked(ch, true, 5);
    parked(ch, true, 6);
    recv_is(ch, 5);
    recv_is(ch, 6);
    recv_nothing(ch);
}
END_TEST

/* The error a closing channel handed to thread t, which must be a ChannelClosed saying
   `want`. */
static void check_closed_error(Fiber *t, const char *want) {
    ck_assert_int_eq(t->state, FIBER_RUNNABLE);
    ck_assert(mte_is(vm, t->pending, ERR_CHANNEL_CLOSED));
    Value msg;
    ck_assert(mto_instance_get(AS_INSTANCE(t->pending), vm->names.message, &msg));
    ck_assert_str_eq(AS_STRING(msg)->chars, want);
}

START_TEST(close_wakes_every_waiter_with_its_error) {
    Channel *in = mtch_new(vm, 0), *out = mtch_new(vm, 0);
    Fiber *r1 = parked(in, false, 0), *r2 = parked(in, false, 0);
    Fiber *s1 = parked(out, true, 1);
    mtch_close(vm, in);
    mtch_close(vm, out);
    check_closed_error(r1, "recv on a closed channel");
    check_closed_error(r2, "recv on a closed channel");
    check_closed_error(s1, "send on a closed channel");
    ck_assert_ptr_null(in->recv_head);
    ck_assert_ptr_null(out->send_head);
    ck_assert_int_eq(mtch_close(vm, in), NATIVE_OK); /* again: nothing happens */
}
END_TEST

START_TEST(closed_channel_still_gives_its_buffer) {
    Channel *ch = mtch_new(vm, 4);
    send_ok(ch, 1);
    send_ok(ch, 2);
    mtch_close(vm, ch);
    recv_is(ch, 1);
    recv_is(ch, 2);
    recv_nothing(ch);
}
END_TEST

/* {== Programs ==} */

static char *run_ok(const char *src) {
    Capture cap = {0};
    mt_Status st = unit_run(src, &cap);
    ck_assert_msg(st == MT_OK, "status %d, stderr: %s", st, cap.err.text);
    ck_assert_str_eq(cap.err.text, "");
    unit_buf_free(&cap.err);
    return cap.out.text;
}

static void check_program(const char *src, const char *want) {
    char *out = run_ok(src);
    ck_assert_str_eq(out, want);
    free(out);
}

START_TEST(threads_waiting_to_receive_get_values_in_arrival_order) {
    check_program("let ch = channel()\n"
                  "def taker(name):\n"
                  "    print(name, ch.recv())\n"
                  "spawn taker(\"a\")\n"
                  "spawn taker(\"b\")\n"
                  "spawn taker(\"c\")\n"
                  "sleep(0)\n"
                  "for i in range(3):\n"
                  "    ch.send(i)\n",
                  "a 0\nb 1\nc 2\n");
}
END_TEST

/* A select waiting on a channel is one more waiter in its FIFO queue, behind a plain
   receiver that came first. */
START_TEST(select_waiter_queues_behind_earlier_receiver) {
    check_program("let ch = channel()\n"
                  "def plain():\n"
                  "    print(\"plain\", ch.recv())\n"
                  "def selecting():\n"
                  "    select:\n"
                  "        case ch.recv() as v:\n"
                  "            print(\"select\", v)\n"
                  "spawn plain()\n"
                  "spawn selecting()\n"
                  "sleep(0)\n"
                  "ch.send(1)\n"
                  "ch.send(2)\n",
                  "plain 1\nselect 2\n");
}
END_TEST

START_TEST(close_ends_for_loops_and_fails_receivers) {
    check_program("let ch = channel()\n"
                  "def looper():\n"
                  "    for v in ch:\n"
                  "        print(\"loop\", v)\n"
                  "    print(\"loop ended\")\n"
                  "def plain():\n"
                  "    try:\n"
                  "        ch.recv()\n"
                  "    except ChannelClosed as e:\n"
                  "        print(e.message)\n"
                  "spawn looper()\n"
                  "spawn plain()\n"
                  "sleep(0)\n"
                  "ch.send(1)\n"
                  "sleep(0)\n"
                  "ch.close()\n",
                  "loop 1\nrecv on a closed channel\nloop ended\n");
}
END_TEST

/* {== select: fair, and the same every run ==} */

/* 1000 selects over three channels that are always ready (each holds 1000 values):
   prints how often each case ran, then the sequence of choices. */
static char *run_selects(void) {
    return run_ok("let chs = []\n"
                  "for c in range(3):\n"
                  "    let ch = channel(1000)\n"
                  "    for i in range(1000):\n"
                  "        ch.send(i)\n"
                  "    chs.append(ch)\n"
                  "let counts = [0, 0, 0]\n"
                  "let picks = []\n"
                  "for i in range(1000):\n"
                  "    select:\n"
                  "        case chs[0].recv() as v:\n"
                  "            counts[0] += 1\n"
                  "            picks.append(\"a\")\n"
                  "        case chs[1].recv() as v:\n"
                  "            counts[1] += 1\n"
                  "            picks.append(\"b\")\n"
                  "        case chs[2].recv() as v:\n"
                  "            counts[2] += 1\n"
                  "            picks.append(\"c\")\n"
                  "print(counts[0], counts[1], counts[2])\n"
                  "print(\"\".join(picks))\n");
}

START_TEST(select_is_fair_among_ready_cases) {
    int n[3];
    char *out = run_selects();
    ck_assert_int_eq(sscanf(out, "%d %d %d", &n[0], &n[1], &n[2]), 3);
    ck_assert_int_eq(n[0] + n[1] + n[2], 1000);
    for (int i = 0; i < 3; i++)
        ck_assert_msg(n[i] >= 270 && n[i] <= 400, "case %d chosen %d times of 1000", i, n[i]);
    free(out);
}
END_TEST

START_TEST(select_choices_are_the_same_in_every_fresh_vm) {
    char *first = run_selects(), *second = run_selects();
    ck_assert_uint_gt(strlen(first), 1000); /* the counts and 1000 choices */
    ck_assert_str_eq(first, second);
    free(first);
    free(second);
}
END_TEST

/* Two ready cases out of two: each is chosen between 400 and 600 times of 1000. */
START_TEST(select_between_two_ready_channels_is_even) {
    char *out = run_ok("let a = channel(1000)\n"
                       "let b = channel(1000)\n"
                       "for i in range(1000):\n"
                       "    a.send(i)\n"
                       "    b.send(i)\n"
                       "let na = 0\n"
                       "let nb = 0\n"
                       "for i in range(1000):\n"
                       "    select:\n"
                       "        case a.recv() as v:\n"
                       "            na += 1\n"
                       "        case b.recv() as v:\n"
                       "            nb += 1\n"
                       "print(na, nb)\n");
    int na, nb;
    ck_assert_int_eq(sscanf(out, "%d %d", &na, &nb), 2);
    ck_assert_int_eq(na + nb, 1000);
    ck_assert_msg(na >= 400 && na <= 600, "a chosen %d times of 1000", na);
    free(out);
}
END_TEST

/* The generator moves only when there is a choice to make: one ready case is taken
   without drawing, so adding a select with a single ready case changes nothing. */
START_TEST(select_draws_only_between_several_ready_cases) {
    Capture cap = {0};
    mt_Config cfg;
    mt_config_init(&cfg);
    capture_config(&cfg, &cap);
    mt_VM *v = mt_new(&cfg);
    uint64_t seed = v->select_rng;
    ck_assert_int_eq(mt_run_string(v, "one.mt",
                                   "let a = channel(1)\nlet b = channel(1)\na.send(1)\n"
                                   "select:\n    case a.recv() as x:\n        print(x)\n"
                                   "    case b.recv() as y:\n        print(y)\n"),
                     MT_OK);
    ck_assert(v->select_rng == seed);
    ck_assert_int_eq(mt_run_string(v, "two.mt",
                                   "let a = channel(1)\nlet b = channel(1)\na.send(1)\nb.send(2)\n"
                                   "select:\n    case a.recv() as x:\n        print(x)\n"
                                   "    case b.recv() as y:\n        print(y)\n"),
                     MT_OK);
    ck_assert(v->select_rng != seed);
    mt_free(v);
    ck_assert_str_eq(cap.out.text, "1\n2\n"); /* the first draw from the seed picks b */
    capture_free(&cap);
}
END_TEST

/* Waiting with several after() cases: the smallest one fires. */
START_TEST(select_timeout_takes_the_earliest_after) {
    check_program("let ch = channel()\n"
                  "select:\n"
                  "    case after(0.05):\n"
                  "        print(\"late\")\n"
                  "    case ch.recv() as v:\n"
                  "        print(\"never\")\n"
                  "    case after(0.01):\n"
                  "        print(\"early\")\n",
                  "early\n");
}
END_TEST

Suite *channel_suite(void) {
    Suite *su = suite_create("channel");
    TCase *tc = tcase_create("ring and queues");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, buffer_wraps_around_in_order);
    tcase_add_test(tc, buffer_matches_a_model_queue);
    tcase_add_test(tc, ready_rules);
    tcase_add_test(tc, receivers_are_served_first_come_first_served);
    tcase_add_test(tc, senders_refill_the_buffer_in_order);
    tcase_add_test(tc, unbuffered_recv_takes_from_waiting_senders_in_order);
    tcase_add_test(tc, close_wakes_every_waiter_with_its_error);
    tcase_add_test(tc, closed_channel_still_gives_its_buffer);
    suite_add_tcase(su, tc);
    tc = tcase_create("programs");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, threads_waiting_to_receive_get_values_in_arrival_order);
    tcase_add_test(tc, select_waiter_queues_behind_earlier_receiver);
    tcase_add_test(tc, close_ends_for_loops_and_fails_receivers);
    suite_add_tcase(su, tc);
    tc = tcase_create("select");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, select_is_fair_among_ready_cases);
    tcase_add_test(tc, select_choices_are_the_same_in_every_fresh_vm);
    tcase_add_test(tc, select_between_two_ready_channels_is_even);
    tcase_add_test(tc, select_draws_only_between_several_ready_cases);
    tcase_add_test(tc, select_timeout_takes_the_earliest_after);
    suite_add_tcase(su, tc);
    return su;
}
