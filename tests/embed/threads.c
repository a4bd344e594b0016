/*
** threads.c — several VMs in one process, one per OS thread, all at once (ctest
** embed/threads). Each of NTHREADS pthreads makes its own VM ROUNDS times, defines natives
** and a foreign class, runs a program that uses microthreads, channels, coroutines and
** the standard library (json, re, string methods, unicode, math, time, random), calls
** back into Mt from a native, takes an uncaught error through error_fn, and frees the VM.
** Every run must produce exactly the expected text: a VM that saw another's state (a
** shared cache, a libc buffer, a stray global) would print something else, or crash, or
** — built with -DMT_TSAN=ON — make ThreadSanitizer report the race.
**
** Only include/mt.h is used, as any host would.
*/
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mt.h"

#define NTHREADS 4
#define ROUNDS   8
#define OUT_CAP  8192

static const char program[] =
    "import json\n"
    "import re\n"
    "import math\n"
    "import time\n"
    "import random\n"
    "def produce(ch, n):\n"
    "    for i in range(n):\n"
    "        ch.send(i * i)\n"
    "    ch.close()\n"
    "def squares(n):\n"
    "    let ch = channel(3)\n"
    "    spawn produce(ch, n)\n"
    "    let total = 0\n"
    "    for v in ch:\n"
    "        total += v\n"
    "    return total\n"
    "def evens(n):\n"
    "    for i in range(n):\n"
    "        if i % 2 == 0:\n"
    "            yield i\n"
    "let workers = map(fn(n): spawn squares(n), [10, 100, 1000])\n"
    "print(\"squares\", map(fn(w): w.join(), workers))\n"
    "let gen = coroutine(evens, 9)\n"
    "let got = []\n"
    "for v in gen:\n"
    "    got.append(v)\n"
    "print(\"evens\", got)\n"
    "let doc = json.decode('{\"name\": \"Zoë\", \"tags\": [\"a\", \"b\"], \"n\": 2.5}')\n"
    "doc[\"tags\"].append(doc[\"name\"].upper())\n"
    "print(\"json\", json.encode(doc))\n"
    "print(\"re\", re.findall(r\"\\d+\", \"a1b22c333\"), re.sub(r\"(\\w)(\\w*)\", \"\\\\2\\\\1\", "
    "\"hello world\"))\n"
    "print(\"str\", \"-\".join(\"a,b,,c\".split(\",\")), \"  pad \".strip(), "
    "\"Straße\".casefold(), len(\"e\\u0301\".graphemes()))\n"
    "print(\"math\", math.lgamma(0.5), math.sqrt(2.0))\n"
    "print(\"time\", time.format(946684800, \"%Y-%m-%d %H:%M:%S\", utc=true))\n"
    "random.seed(42)\n"
    "let r1 = map(fn(_): random.randint(1, 6), range(5))\n"
    "random.seed(42)\n"
    "print(\"random\", r1 == map(fn(_): random.randint(1, 6), range(5)))\n"
    "print(\"native\", scale(21), twice(fn(x): x + 1, 5))\n"
    "let c = Counter()\n"
    "for i in range(3):\n"
    "    c.inc()\n"
    "print(\"foreign\", c.inc())\n"
    "let slow = channel()\n"
    "spawn (fn(): slow.send(sleep(0.002) or \"late\"))()\n"
    "select:\n"
    "    case slow.recv() as v:\n"
    "        print(\"select\", v)\n"
    "    case after(5):\n"
    "        print(\"select timed out\")\n"
    "try:\n"
    "    open(\"/nonexistent/mt-threads-test\")\n"
    "except IOError as e:\n"
    "    print(\"io\", e.message)\n"
    "let words = sorted([\"pear\", \"Fig\", \"apple\"], key=fn(w): w.lower())\n"
    "print(\"fmt\", f\"{math.pi:.3f} {words}\", len(time.format(0)) > 0, \n"
    "      time.parse(\"2000-01-01\", \"%Y-%m-%d\") > 0)\n"
    "def fail():\n"
    "    raise ValueError(\"boom\")\n"
    "spawn fail()\n";

static const char expected[] =
    "squares [285, 328350, 332833500]\n"
    "evens [0, 2, 4, 6, 8]\n"
    "json {\"name\": \"Zoë\", \"tags\": [\"a\", \"b\", \"ZOË\"], \"n\": 2.5}\n"
    "re [\"1\", \"22\", \"333\"] elloh orldw\n"
    "str a-b--c pad strasse 1\n"
    "math 0.5723649429247001 1.4142135623730951\n"
    "time 2000-01-01 00:00:00\n"
    "random true\n"
    "native 42 7\n"
    "foreign 4\n"
    "select late\n"
    "io cannot open '/nonexistent/mt-threads-test': No such file or directory\n"
    "fmt 3.142 [\"apple\", \"Fig\", \"pear\"] true true\n"
    "error_fn ValueError: boom (thread 9, line 59)\n"
    "chunk 120\n";

/* One worker's output, gathered by write_out and error_fn (user_data). */
typedef struct {
    char text[OUT_CAP];
    size_t len;
} Output;

static void append(Output *out, const char *text, size_t len) {
    if (len > OUT_CAP - 1 - out->len) len = OUT_CAP - 1 - out->len;
    memcpy(out->text + out->len, text, len);
    out->len += len;
    out->text[out->len] = '\0';
}

static void write_out(mt_VM *vm, const char *text, size_t len, void *user_data) {
    (void)vm;
    append(user_data, text, len);
}

static void on_error(mt_VM *vm, const mt_ErrorInfo *e, void *user_data) {
    (void)vm;
    char line[256];
    int n = snprintf(line, sizeof line, "error_fn %s: %s (thread %u, line %d)\n", e->error_class,
                     e->message, (unsigned)e->thread_id, e->line);
    append(user_data, line, (size_t)n);
}

/* scale(x): x times the factor in user_data. */
static int scale(mt_VM *vm, int argc, void *user_data) {
    (void)argc;
    int64_t x;
    if (!mt_arg_int(vm, 1, &x)) return MT_NATIVE_ERROR;
    return mt_set_int(vm, 0, x * *(const int *)user_data) == MT_OK ? MT_NATIVE_OK : MT_NATIVE_ERROR;
}

/* twice(f, x): f(f(x)), calling back into Mt with mt_call. */
static int twice(mt_VM *vm, int argc, void *user_data) {
    (void)argc, (void)user_data;
    if (mt_ensure_slots(vm, 5) != MT_OK) return MT_NATIVE_ERROR;
    mt_copy(vm, 4, 2);
    for (int i = 0; i < 2; i++) {
        mt_copy(vm, 3, 1);
        if (mt_call(vm, 3, 1) != MT_OK) return MT_NATIVE_ERROR; /* its error is pending */
        mt_copy(vm, 4, 3);
    }
    return mt_copy(vm, 0, 4) == MT_OK ? MT_NATIVE_OK : MT_NATIVE_ERROR;
}

/* Counter(): a foreign object whose payload is an int; c.inc() adds one, returns it. */
static int counter_new(mt_VM *vm, int argc, void *user_data) {
    (void)vm, (void)argc, (void)user_data;
    return MT_NATIVE_OK; /* the payload starts zeroed */
}

static int counter_inc(mt_VM *vm, int argc, void *user_data) {
    (void)argc, (void)user_data;
    int64_t *n = mt_get_foreign(vm, 0, "Counter");
    if (!n) return mt_raise(vm, "TypeError", "not a Counter");
    return mt_set_int(vm, 0, ++*n) == MT_OK ? MT_NATIVE_OK : MT_NATIVE_ERROR;
}

/* Everything the host adds to a fresh VM. */
static bool define_host(mt_VM *vm, int *factor) {
    static const mt_Function fn_scale = {"scale", scale, 1, 1};
    static const mt_Function fn_twice = {"twice", twice, 2, 2};
    static const mt_Function methods[] = {{"inc", counter_inc, 0, 0}, {NULL, NULL, 0, 0}};
    const mt_ForeignClass counter = {"Counter", sizeof(int64_t), counter_new, 0, 0, methods, NULL};
    return mt_def_function(vm, &fn_scale, factor) == MT_OK &&
           mt_def_function(vm, &fn_twice, NULL) == MT_OK &&
           mt_def_class(vm, &counter, NULL) == MT_OK;
}

/* After the program: a chunk in the host module, and a call of the function it defined. */
static bool run_chunk(mt_VM *vm, Output *out) {
    static const char chunk[] = "def fact(n):\n    return 1 if n < 2 else n * fact(n - 1)\n";
    if (mt_exec(vm, "chunk", chunk, strlen(chunk), -1) != MT_OK) return false;
    mt_ensure_slots(vm, 2);
    mt_get_global(vm, NULL, "fact", 0);
    mt_set_int(vm, 1, 5);
    if (mt_call(vm, 0, 1) != MT_OK) return false;
    char line[64];
    int n = snprintf(line, sizeof line, "chunk %lld\n", (long long)mt_get_int(vm, 0));
    append(out, line, (size_t)n);
    return true;
}

/* One round: a VM from start to end. Returns an error message, or NULL. */
static const char *one_round(Output *out) {
    int factor = 2;
    mt_Config config;
    mt_config_init(&config);
    config.write_out = write_out;
    config.error_fn = on_error;
    config.user_data = out;
    mt_VM *vm = mt_new(&config);
    if (!vm) return "mt_new failed";
    const char *why = NULL;
    if (!define_host(vm, &factor)) why = "defining the natives failed";
    else if (mt_run_string(vm, "program", program) != MT_RUNTIME_ERROR)
        why = "the program did not end with its thread's error";
    else if (!run_chunk(vm, out)) why = "the chunk failed";
    if (mt_free(vm) != 1 && !why) why = "mt_free did not return 1 (an error was reported)";
    return why;
}

typedef struct {
    int id;
    int failures;
} Worker;

static void *work(void *arg) {
    Worker *w = arg;
    for (int round = 0; round < ROUNDS; round++) {
        Output *out = calloc(1, sizeof *out);
        if (!out) abort();
        const char *why = one_round(out);
        if (!why && strcmp(out->text, expected) != 0) why = "the output differs";
        if (why) {
            fprintf(stderr, "thread %d, round %d: %s; output:\n%s\n", w->id, round, why, out->text);
            w->failures++;
        }
        free(out);
    }
    return NULL;
}

int main(void) {
    pthread_t threads[NTHREADS];
    Worker workers[NTHREADS];
    for (int i = 0; i < NTHREADS; i++) {
        workers[i] = (Worker){i, 0};
        if (pthread_create(&threads[i], NULL, work, &workers[i]) != 0) return 2;
    }
    int failures = 0;
    for (int i = 0; i < NTHREADS; i++) {
        pthread_join(threads[i], NULL);
        failures += workers[i].failures;
    }
    fprintf(stderr, "%d threads x %d VMs: %d failure(s)\n", NTHREADS, ROUNDS, failures);
    return failures ? 1 : 0;
}
