/*
** test_embed_threads.c — threads and channels from C, and natives that wait for the host
** (mt.h, "Threads and channels", "Suspending natives"): spawning, killing and reading
** threads; channel operations that never block the host; receiving through a callback;
** suspensions completed by a host loop built on mt_step, and cancelled when their thread
** is killed or the VM freed.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "embed.h"

/* Steps until no thread can run (the rest wait for timers, fds or the host). */
static mt_StepInfo settle(mt_VM *vm) {
    mt_StepInfo info;
    for (int i = 0; i < 100; i++) {
        ck_assert_int_eq(mt_step(vm, 0, 0, &info), MT_OK);
        if (info.runnable == 0) break;
    }
    return info;
}

/* {== Threads ==} */

static const char workers[] =
    "def work(a, b):\n    return a * b\n"
    "def fail(msg):\n    raise ValueError(msg)\n"
    "def guarded(ch):\n"
    "    try:\n        ch.recv()\n    finally:\n        print(\"guarded cleanup\")\n"
    "def noisy():\n    print(\"noisy ran\")\n";

/* mt_spawn: the thread replaces the callable and runs when the host runs the scheduler;
   mt_thread_result follows how it ended. */
START_TEST(spawn_and_read_results) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    host_eval(vm, workers, -1);
    ck_assert_int_eq(mt_get_global(vm, NULL, "work", 0), MT_OK);
    ck_assert_int_eq(mt_set_int(vm, 1, 6), MT_OK);
    ck_assert_int_eq(mt_set_int(vm, 2, 7), MT_OK);
    ck_assert_int_eq(mt_spawn(vm, 0, 2), MT_OK);
    ck_assert_int_eq(mt_type(vm, 0), MT_TTHREAD);
    ck_assert_str_eq(mt_type_name(vm, 0), "thread");
    ck_assert_int_eq(mt_set_int(vm, 5, -1), MT_OK);
    ck_assert_int_eq(mt_thread_result(vm, 0, 5), MT_WOULD_BLOCK); /* not run yet */
    ck_assert_int_eq(mt_get_int(vm, 5), -1);
    mt_StepInfo info = settle(vm);
    ck_assert_uint_eq(info.threads, 0);
    ck_assert_int_eq(mt_thread_result(vm, 0, 5), MT_OK);
    ck_assert_int_eq(mt_get_int(vm, 5), 42);
    ck_assert_int_eq(mt_thread_result(vm, 0, 5), MT_OK); /* as often as asked */
    /* An error: reported when the thread died, and the value in dst. */
    ck_assert_int_eq(mt_get_global(vm, NULL, "fail", 1), MT_OK);
    ck_assert_int_eq(mt_set_str(vm, 2, "worker broke"), MT_OK);
    ck_assert_int_eq(mt_spawn(vm, 1, 1), MT_OK);
    settle(vm);
    ck_assert_int_eq(h.nerrors, 1);
    ck_assert_str_eq(h.errors[0].message, "worker broke");
    ck_assert_int_eq(mt_thread_result(vm, 1, 6), MT_RUNTIME_ERROR);
    ck_assert_str_eq(mt_error_string(vm, 6), "ValueError: worker broke");
    /* Natives, classes and bound methods are callables too; a wrong count is the
       thread's TypeError. */
    ck_assert_int_eq(mt_get_global(vm, NULL, "len", 2), MT_OK);
    ck_assert_int_eq(mt_set_str(vm, 3, "abcd"), MT_OK);
    ck_assert_int_eq(mt_spawn(vm, 2, 1), MT_OK);
    ck_assert_int_eq(mt_get_global(vm, NULL, "work", 3), MT_OK);
    ck_assert_int_eq(mt_spawn(vm, 3, 0), MT_OK);
    settle(vm);
    ck_assert_int_eq(mt_thread_result(vm, 2, 7), MT_OK);
    ck_assert_int_eq(mt_get_int(vm, 7), 4);
    ck_assert_int_eq(mt_thread_result(vm, 3, 7), MT_RUNTIME_ERROR);
    ck_assert_str_eq(mt_error_string(vm, 7), "TypeError: work() missing required argument 'a'");
    /* Mt joins a thread the host spawned. */
    ck_assert_int_eq(mt_set_global(vm, NULL, "from_host", 0), MT_OK);
    host_eval(vm, "from_host.join() + 1", 8);
    ck_assert_int_eq(mt_get_int(vm, 8), 43);
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

START_TEST(spawn_errors) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    ck_assert_int_eq(mt_set_int(vm, 0, 1), MT_OK);
    ck_assert_int_eq(mt_spawn(vm, 0, 0), MT_TYPE_ERROR);
    ck_assert_str_eq(mt_last_error(vm), "mt_spawn: expected a function, not int");
    ck_assert_int_eq(mt_spawn(vm, 0, 1), MT_TYPE_ERROR);
    ck_assert_str_eq(mt_last_error(vm), "mt_spawn: slots 0..1 do not exist");
    ck_assert_int_eq(mt_spawn(vm, -1, 0), MT_TYPE_ERROR);
    ck_assert_int_eq(mt_kill(vm, 0), MT_TYPE_ERROR);
    ck_assert_str_eq(mt_last_error(vm), "mt_kill: expected a thread, not int");
    ck_assert_int_eq(mt_thread_result(vm, 0, 1), MT_TYPE_ERROR);
    ck_assert_str_eq(mt_last_error(vm), "mt_thread_result: expected a thread, not int");
    host_eval(vm, "coroutine(fn(): 1)", 0); /* a coroutine is no thread */
    ck_assert_int_eq(mt_kill(vm, 0), MT_TYPE_ERROR);
    mt_StepInfo info;
    ck_assert_int_eq(mt_step(vm, 0, 0, &info), MT_OK);
    ck_assert_uint_eq(info.threads, 0);
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* mt_kill: ThreadExit at the suspension point, the cleanup runs at the next step, and the
   result says it was killed. A thread not started yet never runs, and it too was killed
   (it used to end as if it had returned nil: MT_OK). */
START_TEST(kill_runs_the_cleanup) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    host_eval(vm, workers, -1);
    host_eval(vm, "let ch = channel()\nlet g = spawn guarded(ch)\ng", 0);
    settle(vm);
    ck_assert_int_eq(mt_thread_result(vm, 0, 1), MT_WOULD_BLOCK);
    ck_assert_int_eq(mt_kill(vm, 0), MT_OK);
    ck_assert_str_eq(h.out.text, ""); /* does not wait */
    mt_StepInfo info = settle(vm);
    ck_assert_str_eq(h.out.text, "guarded cleanup\n");
    ck_assert_uint_eq(info.threads, 0);
    ck_assert_int_eq(mt_set_int(vm, 1, 5), MT_OK);
    ck_assert_int_eq(mt_thread_result(vm, 0, 1), MT_EXIT);
    ck_assert_int_eq(mt_type(vm, 1), MT_TNIL);
    ck_assert_int_eq(mt_kill(vm, 0), MT_OK); /* an ended thread: nothing to do */
    ck_assert_int_eq(h.nerrors, 0);          /* a kill is no error */
    ck_assert_int_eq(mt_get_global(vm, NULL, "noisy", 2), MT_OK);
    ck_assert_int_eq(mt_spawn(vm, 2, 0), MT_OK);
    ck_assert_int_eq(mt_kill(vm, 2), MT_OK);
    settle(vm);
    ck_assert_str_eq(h.out.text, "guarded cleanup\n");
    ck_assert_int_eq(mt_thread_result(vm, 2, 3), MT_EXIT);
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* kill_me(t): a native killing its own thread: MT_EXIT, and ThreadExit is pending. */
static int native_kill_me(mt_VM *vm, int argc, void *ud) {
    (void)argc, (void)ud;
    ck_assert_int_eq(mt_kill(vm, 1), MT_EXIT);
    return MT_NATIVE_ERROR;
}

START_TEST(native_kills_its_own_thread) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    mt_Function k = {"kill_me", native_kill_me, 1, 1};
    ck_assert_int_eq(mt_def_function(vm, &k, NULL), MT_OK);
    host_eval(vm,
              "def victim():\n    try:\n        try:\n            kill_me(current())\n"
              "        except:\n            print(\"not an Error\")\n"
              "        print(\"not reached\")\n    finally:\n        print(\"finally\")\n"
              "let v = spawn victim()\n",
              -1);
    settle(vm);
    ck_assert_str_eq(h.out.text, "finally\n");
    host_eval(vm, "v", 0);
    ck_assert_int_eq(mt_thread_result(vm, 0, 1), MT_EXIT);
    ck_assert_int_eq(h.nerrors, 0);
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* {== Channels ==} */

START_TEST(buffered_channel_from_c) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    ck_assert_int_eq(mt_new_channel(vm, 0, 2), MT_OK);
    ck_assert_int_eq(mt_type(vm, 0), MT_TCHANNEL);
    ck_assert_str_eq(mt_type_name(vm, 0), "channel");
    ck_assert_int_eq(mt_set_int(vm, 1, 10), MT_OK);
    ck_assert_int_eq(mt_try_send(vm, 0, 1), MT_OK);
    ck_assert_int_eq(mt_set_str(vm, 1, "twenty"), MT_OK);
    ck_assert_int_eq(mt_try_send(vm, 0, 1), MT_OK);
    ck_assert_int_eq(mt_try_send(vm, 0, 1), MT_WOULD_BLOCK); /* full */
    ck_assert_int_eq(mt_try_recv(vm, 0, 2), MT_OK);
    ck_assert_int_eq(mt_get_int(vm, 2), 10);
    ck_assert_int_eq(mt_try_recv(vm, 0, 2), MT_OK);
    ck_assert_str_eq(mt_get_str(vm, 2, NULL), "twenty");
    ck_assert_int_eq(mt_set_nil(vm, 2), MT_OK);
    ck_assert_int_eq(mt_try_recv(vm, 0, 2), MT_WOULD_BLOCK); /* empty */
    ck_assert_int_eq(mt_type(vm, 2), MT_TNIL);
    /* Closed: sends refused, what is buffered still received, then MT_CLOSED. */
    ck_assert_int_eq(mt_try_send(vm, 0, 1), MT_OK);
    ck_assert_int_eq(mt_close_channel(vm, 0), MT_OK);
    ck_assert_int_eq(mt_close_channel(vm, 0), MT_OK); /* again: nothing more */
    ck_assert_int_eq(mt_try_send(vm, 0, 1), MT_CLOSED);
    ck_assert_int_eq(mt_try_recv(vm, 0, 2), MT_OK);
    ck_assert_str_eq(mt_get_str(vm, 2, NULL), "twenty");
    ck_assert_int_eq(mt_try_recv(vm, 0, 2), MT_CLOSED);
    /* Not a channel. */
    ck_assert_int_eq(mt_try_send(vm, 1, 1), MT_TYPE_ERROR);
    ck_assert_str_eq(mt_last_error(vm), "mt_try_send: expected a channel, not str");
    ck_assert_int_eq(mt_try_recv(vm, 1, 2), MT_TYPE_ERROR);
    ck_assert_str_eq(mt_last_error(vm), "mt_try_recv: expected a channel, not str");
    ck_assert_int_eq(mt_close_channel(vm, 1), MT_TYPE_ERROR);
    ck_assert_str_eq(mt_last_error(vm), "mt_close_channel: expected a channel, not str");
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* A rendezvous channel: a send succeeds only when a receiver waits, a receive only when
   a sender waits; the Mt side goes on at the next step. Closing wakes Mt's receivers. */
START_TEST(rendezvous_channel_with_mt_threads) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    ck_assert_int_eq(mt_new_channel(vm, 0, 0), MT_OK);
    ck_assert_int_eq(mt_set_int(vm, 1, 1), MT_OK);
    ck_assert_int_eq(mt_try_send(vm, 0, 1), MT_WOULD_BLOCK); /* nobody receives */
    ck_assert_int_eq(mt_set_global(vm, NULL, "ch", 0), MT_OK);
    host_eval(
        vm,
        "def consumer():\n    for v in ch:\n        print(\"got\", v)\n    print(\"closed\")\n"
        "def producer():\n    ch.send(\"from mt\")\n    print(\"sent\")\n"
        "spawn consumer()\n",
        -1);
    settle(vm);
    for (int i = 0; i < 3; i++) {
        ck_assert_int_eq(mt_set_int(vm, 1, i), MT_OK);
        ck_assert_int_eq(mt_try_send(vm, 0, 1), MT_OK); /* the consumer waits */
        ck_assert_int_eq(mt_try_send(vm, 0, 1), MT_WOULD_BLOCK);
        settle(vm);
    }
    ck_assert_str_eq(h.out.text, "got 0\ngot 1\ngot 2\n");
    /* The host receives from a waiting Mt sender. */
    ck_assert_int_eq(mt_new_channel(vm, 2, 0), MT_OK);
    ck_assert_int_eq(mt_try_recv(vm, 0, 3), MT_WOULD_BLOCK);
    ck_assert_int_eq(mt_get_global(vm, NULL, "producer", 4), MT_OK);
    ck_assert_int_eq(mt_spawn(vm, 4, 0), MT_OK);
    settle(vm);
    ck_assert_int_eq(mt_try_recv(vm, 0, 3), MT_WOULD_BLOCK); /* the consumer takes it */
    ck_assert_str_eq(h.out.text, "got 0\ngot 1\ngot 2\nsent\ngot from mt\n");
    ck_assert_int_eq(mt_close_channel(vm, 0), MT_OK);
    mt_StepInfo info = settle(vm);
    ck_assert_str_eq(h.out.text, "got 0\ngot 1\ngot 2\nsent\ngot from mt\nclosed\n");
    ck_assert_uint_eq(info.threads, 0);
    /* A sender waiting in Mt, the host receiving. */
    host_eval(vm,
              "let out = channel()\ndef give():\n    out.send(99)\n    print(\"given\")\n"
              "spawn give()\nout",
              5);
    settle(vm);
    ck_assert_int_eq(mt_try_recv(vm, 5, 6), MT_OK);
    ck_assert_int_eq(mt_get_int(vm, 6), 99);
    settle(vm);
    ck_assert_str_eq(h.out.text, "got 0\ngot 1\ngot 2\nsent\ngot from mt\nclosed\ngiven\n");
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* {== mt_recv_async ==} */

typedef struct {
    int calls;
    mt_Status status[8];
    char value[8][32];
} Ready;

static void on_ready(mt_VM *vm, mt_Status status, void *ud) {
    Ready *r = ud;
    int i = r->calls++;
    if (i >= 8) return;
    r->status[i] = status;
    ck_assert_int_ge(mt_slot_count(vm), 2);
    if (status == MT_OK) snprintf(r->value[i], sizeof r->value[i], "%s", mt_type_name(vm, 1));
    if (mt_type(vm, 1) == MT_TINT)
        snprintf(r->value[i], sizeof r->value[i], "%lld", (long long)mt_get_int(vm, 1));
    /* The callback may use the API: it records what it got in Mt too. */
    mt_copy(vm, 2, 1);
    mt_set_global(vm, NULL, "last_ready", 2);
}

/* The callback runs once per receive: with the value (MT_OK), or MT_CLOSED when the
   channel closes or the helper thread is killed. */
START_TEST(recv_async_value_closed_killed) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    Ready r = {0};
    ck_assert_int_eq(mt_new_channel(vm, 0, 0), MT_OK);
    ck_assert_int_eq(mt_set_global(vm, NULL, "ch", 0), MT_OK);
    ck_assert_int_eq(mt_recv_async(vm, 0, on_ready, &r), MT_OK);
    mt_StepInfo info = settle(vm);
    ck_assert_int_eq(r.calls, 0);
    ck_assert_uint_eq(info.threads, 1); /* the wait counts as a thread */
    host_eval(vm, "def send_later():\n    sleep(0.01)\n    ch.send(7)\nspawn send_later()\n", -1);
    ck_assert_int_eq(mt_run(vm), MT_OK);
    ck_assert_int_eq(r.calls, 1);
    ck_assert_int_eq(r.status[0], MT_OK);
    ck_assert_str_eq(r.value[0], "7");
    host_eval(vm, "last_ready", 3);
    ck_assert_int_eq(mt_get_int(vm, 3), 7);
    /* Closed. */
    ck_assert_int_eq(mt_recv_async(vm, 0, on_ready, &r), MT_OK);
    settle(vm);
    ck_assert_int_eq(mt_close_channel(vm, 0), MT_OK);
    info = settle(vm);
    ck_assert_int_eq(r.calls, 2);
    ck_assert_int_eq(r.status[1], MT_CLOSED);
    ck_assert_uint_eq(info.threads, 0);
    /* Killed at mt_free. */
    ck_assert_int_eq(mt_new_channel(vm, 0, 1), MT_OK);
    ck_assert_int_eq(mt_recv_async(vm, 0, on_ready, &r), MT_OK);
    settle(vm);
    ck_assert_int_eq(mt_set_int(vm, 1, 1), MT_OK);
    ck_assert_int_eq(mt_recv_async(vm, 1, on_ready, &r), MT_TYPE_ERROR);
    ck_assert_str_eq(mt_last_error(vm), "mt_recv_async: expected a channel, not int");
    ck_assert_int_eq(r.calls, 2);
    host_free_vm(vm, &h);
    ck_assert_int_eq(r.calls, 3);
    ck_assert_int_eq(r.status[2], MT_CLOSED);
    ck_assert_int_eq(h.nerrors, 0);
    host_done(&h);
}
END_TEST

/* A value already waiting is received at the next step, in order, one per callback. */
START_TEST(recv_async_buffered_values) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    Ready r = {0};
    host_eval(vm, "let ch = channel(3)\nch.send(1)\nch.send(2)\nch", 0);
    ck_assert_int_eq(mt_recv_async(vm, 0, on_ready, &r), MT_OK);
    ck_assert_int_eq(mt_recv_async(vm, 0, on_ready, &r), MT_OK);
    ck_assert_int_eq(mt_recv_async(vm, 0, on_ready, &r), MT_OK);
    settle(vm);
    ck_assert_int_eq(r.calls, 2);
    ck_assert_str_eq(r.value[0], "1");
    ck_assert_str_eq(r.value[1], "2");
    host_eval(vm, "ch.send(\"three\")\n", -1);
    settle(vm);
    ck_assert_int_eq(r.calls, 3);
    ck_assert_str_eq(r.value[2], "str");
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* {== Suspending natives ==} */

#define MAX_PENDING 8

/* The host's side of its asynchronous operations: the tokens it must complete. */
typedef struct {
    mt_Suspension *pending[MAX_PENDING];
    int64_t arg[MAX_PENDING];
    int npending;
    int cancelled;
    mt_Suspension *last_cancelled;
    int64_t cancelled_arg;
} Ops;

static void on_cancel(mt_VM *vm, mt_Suspension *s, void *ud) {
    (void)vm;
    Ops *ops = ud;
    ops->cancelled++;
    ops->last_cancelled = s;
    for (int i = 0; i < ops->npending; i++)
        if (ops->pending[i] == s) {
            ops->cancelled_arg = ops->arg[i];
            ops->pending[i] = ops->pending[--ops->npending];
            ops->arg[i] = ops->arg[ops->npending];
            return;
        }
    ck_abort_msg("cancel for a token the host does not know");
}

/* fetch(n): an operation the host completes later. */
static int native_fetch(mt_VM *vm, int argc, void *ud) {
    (void)argc;
    Ops *ops = ud;
    int64_t n;
    if (!mt_arg_int(vm, 1, &n)) return MT_NATIVE_ERROR;
    ck_assert_int_lt(ops->npending, MAX_PENDING);
    mt_Suspension *s = NULL;
    int r = mt_suspend(vm, &s, on_cancel, ops);
    if (s) {
        ops->pending[ops->npending] = s;
        ops->arg[ops->npending++] = n;
    }
    return r;
}

static mt_VM *fetch_vm(Host *h, Ops *ops) {
    mt_VM *vm = host_vm(h, true);
    mt_Function f = {"fetch", native_fetch, 1, 1};
    ck_assert_int_eq(mt_def_function(vm, &f, ops), MT_OK);
    return vm;
}

/* Completes the oldest pending operation with n * 10, or with an error for n < 0. */
static void complete_one(mt_VM *vm, Ops *ops) {
    ck_assert_int_gt(ops->npending, 0);
    mt_Suspension *s = ops->pending[0];
    int64_t n = ops->arg[0];
    ops->npending--;
    memmove(ops->pending, ops->pending + 1, (size_t)ops->npending * sizeof *ops->pending);
    memmove(ops->arg, ops->arg + 1, (size_t)ops->npending * sizeof *ops->arg);
    if (n < 0) {
        ck_assert_int_eq(mt_resume_error(vm, s, "KeyError", "no such record"), MT_OK);
    } else {
        ck_assert_int_eq(mt_set_int(vm, 0, n * 10), MT_OK);
        ck_assert_int_eq(mt_resume(vm, s, 0), MT_OK);
    }
}

/* A host loop: threads call fetch, which suspends them; the host steps the scheduler and
   completes one operation per turn, with a value or an error; each thread goes on with
   that as fetch's result. */
START_TEST(suspend_and_resume_from_a_host_loop) {
    Host h = {0};
    Ops ops = {0};
    mt_VM *vm = fetch_vm(&h, &ops);
    host_eval(vm,
              "let results = []\n"
              "def client(n):\n"
              "    try:\n        results.append(fetch(n) + 1)\n"
              "    except KeyError as e:\n        results.append(e.message)\n"
              "for n in [1, -1, 2, 3]:\n    spawn client(n)\n",
              -1);
    mt_StepInfo info = settle(vm);
    ck_assert_int_eq(ops.npending, 4);
    ck_assert_uint_eq(info.threads, 4);
    ck_assert_uint_eq(info.runnable, 0);
    int turns = 0;
    while (info.threads > 0 && turns++ < 20) {
        complete_one(vm, &ops);
        info = settle(vm);
    }
    ck_assert_int_eq(turns, 4);
    host_eval(vm, "str(results)", 0);
    ck_assert_str_eq(mt_get_str(vm, 0, NULL), "[11, \"no such record\", 21, 31]");
    ck_assert_int_eq(ops.cancelled, 0);
    ck_assert_int_eq(h.nerrors, 0);
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* A chunk calling a suspending native comes back MT_WOULD_BLOCK; the host completes the
   operation and runs the scheduler; the chunk goes on. A suspended thread is a root: it
   survives collections though nothing in Mt refers to it. */
START_TEST(suspended_chunk_waits_for_the_host) {
    Host h = {0};
    Ops ops = {0};
    mt_VM *vm = fetch_vm(&h, &ops);
    const char *chunk = "print(\"got\", fetch(4))\n";
    ck_assert_int_eq(mt_exec(vm, "c", chunk, strlen(chunk), -1), MT_WOULD_BLOCK);
    ck_assert_int_eq(ops.npending, 1);
    host_eval(vm, "def anon():\n    print(\"anon\", fetch(5))\nspawn anon()\n", -1);
    ck_assert_int_eq(mt_run(vm), MT_OK); /* both wait for the host */
    ck_assert_int_eq(ops.npending, 2);
    host_eval(vm, "for i in range(100):\n    let junk = [i] * 10\ngc()\ngc()\n", -1);
    complete_one(vm, &ops);
    complete_one(vm, &ops);
    ck_assert_int_eq(mt_run(vm), MT_OK);
    ck_assert_str_eq(h.out.text, "got 40\nanon 50\n");
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* A token is completed once: after mt_resume (or a cancel) it is no longer pending. */
START_TEST(resume_only_pending_suspensions) {
    Host h = {0};
    Ops ops = {0};
    mt_VM *vm = fetch_vm(&h, &ops);
    host_eval(vm, "def c():\n    return fetch(1)\nlet t = spawn c()\nt", 1);
    settle(vm);
    mt_Suspension *s = ops.pending[0];
    complete_one(vm, &ops);
    ck_assert_int_eq(mt_resume(vm, s, 0), MT_TYPE_ERROR);
    ck_assert_str_eq(mt_last_error(vm), "mt_resume: not a pending suspension");
    ck_assert_int_eq(mt_resume_error(vm, s, "ValueError", "late"), MT_TYPE_ERROR);
    ck_assert_str_eq(mt_last_error(vm), "mt_resume_error: not a pending suspension");
    ck_assert_int_eq(mt_resume(vm, NULL, 0), MT_TYPE_ERROR);
    settle(vm);
    ck_assert_int_eq(mt_thread_result(vm, 1, 2), MT_OK);
    ck_assert_int_eq(mt_get_int(vm, 2), 10);
    /* An error class that is no error class. */
    host_eval(vm,
              "def d():\n    try:\n        fetch(2)\n    except Error as e:\n"
              "        return type(e) + \": \" + e.message\nlet u = spawn d()\nu",
              1);
    settle(vm);
    ck_assert_int_eq(mt_resume_error(vm, ops.pending[0], "Nope", "why"), MT_OK);
    settle(vm);
    ck_assert_int_eq(mt_thread_result(vm, 1, 2), MT_OK);
    ck_assert_str_eq(mt_get_str(vm, 2, NULL),
                     "Error: why (raised as Nope, which is not an error class)");
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* Cancel runs when the suspended thread is killed (by the host, by exit(), at mt_free),
   once per suspension, and the token is gone after it. */
START_TEST(cancel_when_killed_or_freed) {
    Host h = {0};
    Ops ops = {0};
    mt_VM *vm = fetch_vm(&h, &ops);
    host_eval(vm,
              "def c(n):\n    try:\n        return fetch(n)\n    finally:\n"
              "        print(\"cleanup\", n)\n"
              "let a = spawn c(1)\nlet b = spawn c(2)\nlet d = spawn c(3)\na",
              0);
    settle(vm);
    ck_assert_int_eq(ops.npending, 3);
    mt_Suspension *sa = NULL;
    for (int i = 0; i < 3; i++)
        if (ops.arg[i] == 1) sa = ops.pending[i];
    ck_assert_int_eq(mt_kill(vm, 0), MT_OK);
    ck_assert_int_eq(ops.cancelled, 1); /* at once */
    ck_assert_ptr_eq(ops.last_cancelled, sa);
    ck_assert_int_eq(ops.cancelled_arg, 1);
    ck_assert_int_eq(mt_set_int(vm, 1, 0), MT_OK);
    ck_assert_int_eq(mt_resume(vm, sa, 1), MT_TYPE_ERROR); /* gone */
    settle(vm);
    ck_assert_str_eq(h.out.text, "cleanup 1\n");
    ck_assert_int_eq(mt_thread_result(vm, 0, 2), MT_EXIT);
    ck_assert_int_eq(mt_kill(vm, 0), MT_OK);
    ck_assert_int_eq(ops.cancelled, 1); /* not again */
    host_free_vm(vm, &h);
    ck_assert_int_eq(ops.cancelled, 3);
    ck_assert_int_eq(ops.npending, 0);
    ck_assert_str_eq(h.out.text, "cleanup 1\ncleanup 2\ncleanup 3\n");
    host_done(&h);
}
END_TEST

START_TEST(cancel_when_the_program_exits) {
    Host h = {0};
    Ops ops = {0};
    mt_VM *vm = fetch_vm(&h, &ops);
    host_eval(vm, "def c():\n    fetch(1)\nspawn c()\nspawn c()\n", -1);
    settle(vm);
    ck_assert_int_eq(ops.npending, 2);
    ck_assert_int_eq(mt_exec(vm, "c", "exit(6)", 7, -1), MT_EXIT);
    ck_assert_int_eq(ops.cancelled, 2);
    ck_assert_int_eq(ops.npending, 0);
    ck_assert_int_eq(host_free_vm(vm, &h), 6);
    host_done(&h);
}
END_TEST

/* mt_suspend where it cannot suspend: inside mt_call (the "cannot wait" Error, raised in
   the callee) and outside a native (an error status, no token). */
START_TEST(suspend_where_it_cannot) {
    Host h = {0};
    Ops ops = {0};
    mt_VM *vm = fetch_vm(&h, &ops);
    ck_assert_int_eq(mt_get_global(vm, NULL, "fetch", 0), MT_OK);
    ck_assert_int_eq(mt_set_int(vm, 1, 1), MT_OK);
    ck_assert_int_eq(mt_call(vm, 0, 1), MT_RUNTIME_ERROR);
    ck_assert_str_eq(mt_error_string(vm, 0),
                     "Error: cannot wait inside mt_call (the host is waiting for this call to "
                     "return; spawn a thread instead)");
    ck_assert_int_eq(ops.npending, 0);
    mt_Suspension *s = (mt_Suspension *)&ops; /* overwritten */
    ck_assert_int_eq(mt_suspend(vm, &s, on_cancel, &ops), MT_NATIVE_ERROR);
    ck_assert_ptr_null(s);
    ck_assert_str_eq(mt_last_error(vm), "mt_suspend outside a native");
    host_eval(vm, "def c():\n    return fetch(2)\nlet t = spawn c()\n", -1); /* still works */
    settle(vm);
    ck_assert_int_eq(ops.npending, 1);
    complete_one(vm, &ops);
    settle(vm);
    host_eval(vm, "t.join()", 0);
    ck_assert_int_eq(mt_get_int(vm, 0), 20);
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

Suite *embed_threads_suite(void) {
    Suite *s = suite_create("embed_threads");
    TCase *tc = tcase_create("threads");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, spawn_and_read_results);
    tcase_add_test(tc, spawn_errors);
    tcase_add_test(tc, kill_runs_the_cleanup);
    tcase_add_test(tc, native_kills_its_own_thread);
    suite_add_tcase(s, tc);
    tc = tcase_create("channels");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, buffered_channel_from_c);
    tcase_add_test(tc, rendezvous_channel_with_mt_threads);
    tcase_add_test(tc, recv_async_value_closed_killed);
    tcase_add_test(tc, recv_async_buffered_values);
    suite_add_tcase(s, tc);
    tc = tcase_create("suspend");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, suspend_and_resume_from_a_host_loop);
    tcase_add_test(tc, suspended_chunk_waits_for_the_host);
    tcase_add_test(tc, resume_only_pending_suspensions);
    tcase_add_test(tc, cancel_when_killed_or_freed);
    tcase_add_test(tc, cancel_when_the_program_exits);
    tcase_add_test(tc, suspend_where_it_cannot);
    suite_add_tcase(s, tc);
    return s;
}
