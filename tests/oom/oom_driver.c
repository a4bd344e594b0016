/*
** oom_driver.c — allocation-failure testing, the way SQLite does it.
**
**   oom_driver [--dense N] [--samples K] [--mode once|always|both] [--open] [--gc-stress]
**              [--only N] [--timeout S] PROGRAM.mt...
**
** Each program first runs with an allocator that never fails, which counts the
** allocations (every realloc_fn call that asks for memory) and records the output. Then
** it runs again and again with an allocator that fails the Nth allocation: only that one
** ("once": the VM's collect-and-retry usually absorbs it) or that one and every later one
** ("always": nothing can be allocated any more). N covers every allocation of the program
** after mt_new up to --dense, then --samples points spread over the rest; --open also
** covers the allocations of mt_new itself; --gc-stress also collects at every allocation
** (so every allocation site is also a collection point). Every run must end cleanly:
**   - mt_new returns a working VM or NULL; a run returns the status the clean run
**     returned, or MT_MEMORY_ERROR, or (a MemoryError reported) MT_RUNTIME_ERROR;
**   - every stdout line is one the clean run printed, and when the failure left no trace
**     (same status, no MemoryError) stdout has exactly the clean run's lines (in an order
**     that may differ where the collector's timing decides it);
**   - every stderr line is one the clean run printed (a traceback may lose lines when
**     there is no memory to format it), or stderr mentions MemoryError / out of memory;
**   - after mt_free every block is back, each freed with the size it was allocated with
**     (under AddressSanitizer, LeakSanitizer also sees what bypasses realloc_fn);
**   - no crash (the sanitizers and a SIGSEGV handler name the case) and no hang (an
**     alarm per run).
** Built twice by tests/oom/CMakeLists.txt: against the normal library and against one
** built with MT_MEM_POOL=0, where every small block is its own host allocation and so
** every allocation site in the VM can be failed.
*/
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mt.h"

/* {== Output capture ==} */

typedef struct {
    char *text;
    size_t len, cap;
} Buf;

static void buf_put(Buf *b, const char *s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 256;
        while (cap < b->len + n + 1) cap *= 2;
        b->text = realloc(b->text, cap);
        if (!b->text) abort(); /* the driver's own memory: not under test */
        b->cap = cap;
    }
    memcpy(b->text + b->len, s, n);
    b->len += n;
    b->text[b->len] = '\0';
}

static void buf_clear(Buf *b) {
    b->len = 0;
    if (b->text) b->text[0] = '\0';
    else buf_put(b, "", 0);
}

/* {== The failing allocator ==} */

typedef enum { FAIL_NEVER, FAIL_ONCE, FAIL_ALWAYS } FailMode;

/* Live blocks by address (open addressing), to check every free's size and find leaks. */
typedef struct {
    void **ptrs;
    size_t *sizes;
    size_t cap;   /* a power of two */
    size_t count; /* live blocks */
    size_t used;  /* slots not empty: live blocks and deleted ones, which hold (void *)1 */
} Blocks;

typedef struct {
    FailMode mode;
    uint64_t fail_at; /* the failing allocation (1-based) */
    uint64_t calls;   /* allocations asked for so far */
    bool failed;      /* an allocation was refused */
    bool bad;         /* a free with a wrong size, or of an unknown block */
    Blocks live;
    size_t live_bytes;
    Buf out, err;
} Harness;

#define TOMB ((void *)1)

static size_t slot_of(Blocks *b, void *p) {
    uintptr_t h = (uintptr_t)p >> 4;
    h ^= h >> 17;
    h *= 0x9E3779B97F4A7C15ull;
    return (size_t)(h >> 7) & (b->cap - 1);
}

/* Rehashes without the deleted slots, doubling if the live blocks need it. */
static void blocks_rehash(Blocks *b) {
    size_t cap = b->cap ? b->cap : 1024;
    while ((b->count + 1) * 4 > cap) cap *= 2;
    Blocks n = {calloc(cap, sizeof(void *)), calloc(cap, sizeof(size_t)), cap, 0, 0};
    if (!n.ptrs || !n.sizes) abort();
    for (size_t i = 0; i < b->cap; i++) {
        if (!b->ptrs[i] || b->ptrs[i] == TOMB) continue;
        size_t j = slot_of(&n, b->ptrs[i]);
        while (n.ptrs[j]) j = (j + 1) & (n.cap - 1);
        n.ptrs[j] = b->ptrs[i];
        n.sizes[j] = b->sizes[i];
        n.count++;
        n.used++;
    }
    free(b->ptrs);
    free(b->sizes);
    *b = n;
}

static void blocks_add(Blocks *b, void *p, size_t size) {
    if ((b->used + 1) * 2 > b->cap) blocks_rehash(b);
    size_t i = slot_of(b, p);
    while (b->ptrs[i] && b->ptrs[i] != TOMB) i = (i + 1) & (b->cap - 1);
    if (!b->ptrs[i]) b->used++;
    b->ptrs[i] = p;
    b->sizes[i] = size;
    b->count++;
}

/* Removes p; false if it is not live or was allocated with another size. */
static bool blocks_remove(Blocks *b, void *p, size_t size) {
    if (b->cap == 0) return false;
    size_t i = slot_of(b, p);
    while (b->ptrs[i]) {
        if (b->ptrs[i] == p) {
            bool ok = b->sizes[i] == size;
            b->ptrs[i] = TOMB;
            b->count--;
            return ok;
        }
        i = (i + 1) & (b->cap - 1);
    }
    return false;
}

static void blocks_free(Blocks *b) {
    free(b->ptrs);
    free(b->sizes);
    memset(b, 0, sizeof *b);
}

static bool should_fail(Harness *h) {
    h->calls++;
    if (h->mode == FAIL_NEVER) return false;
    if (h->calls == h->fail_at || (h->mode == FAIL_ALWAYS && h->calls > h->fail_at)) {
        h->failed = true;
        return true;
    }
    return false;
}

/* A free of a block that is not live, or with another size than it was allocated with.
   OOM_ABORT_ON_BAD=1 stops right there, for a debugger. */
static void bad_free(Harness *h) {
    h->bad = true;
    const char *stop = getenv("OOM_ABORT_ON_BAD");
    if (stop && *stop == '1') abort();
}

static void *failing_realloc(void *p, size_t old, size_t size, void *ud) {
    Harness *h = ud;
    if (size == 0) {
        if (p) {
            if (!blocks_remove(&h->live, p, old)) bad_free(h);
            h->live_bytes -= old;
        }
        free(p);
        return NULL;
    }
    if (should_fail(h)) return NULL; /* the old block stays as it was */
    if (p && !blocks_remove(&h->live, p, old)) bad_free(h);
    void *r = realloc(p, size);
    if (!r) abort();
    if (p) h->live_bytes -= old;
    blocks_add(&h->live, r, size);
    h->live_bytes += size;
    return r;
}

static void write_out(mt_VM *vm, const char *text, size_t len, void *ud) {
    (void)vm;
    buf_put(&((Harness *)ud)->out, text, len);
}

static void write_err(mt_VM *vm, const char *text, size_t len, void *ud) {
    (void)vm;
    buf_put(&((Harness *)ud)->err, text, len);
}

/* {== One run ==} */

typedef struct {
    bool opened; /* mt_new returned a VM */
    mt_Status status;
    int exit_status;
    uint64_t open_calls; /* allocations made by mt_new */
} Outcome;

static const char *current_case = "(starting)";
static bool gc_stress; /* --gc-stress: a collection at every allocation as well */
static char case_text[512];

static void name_case(const char *prog, FailMode mode, uint64_t n) {
    snprintf(case_text, sizeof case_text, "%s, allocation %llu fails %s", prog,
             (unsigned long long)n, mode == FAIL_ONCE ? "once" : "from then on");
    current_case = case_text;
}

static Outcome run_once(Harness *h, const char *path) {
    Outcome o = {false, MT_OK, 0, 0};
    buf_clear(&h->out);
    buf_clear(&h->err);
    h->calls = 0;
    h->failed = false;
    h->bad = false;
    mt_Config cfg;
    mt_config_init(&cfg);
    cfg.realloc_fn = failing_realloc;
    cfg.write_out = write_out;
    cfg.write_err = write_err;
    cfg.user_data = h;
    cfg.gc_stress = gc_stress;
    mt_VM *vm = mt_new(&cfg);
    o.open_calls = h->calls;
    if (!vm) return o;
    o.opened = true;
    const char *args[] = {path};
    o.status = mt_set_argv(vm, 1, args);
    if (o.status == MT_OK) o.status = mt_run_file(vm, path);
    o.exit_status = mt_free(vm);
    return o;
}

/* {== Judging a run ==} */

typedef struct {
    const char *path;
    Outcome clean;
    Buf out, err;   /* what the clean run printed */
    uint64_t total; /* its allocations */
    int failures;
    uint64_t runs, not_opened, by_status[8]; /* what the failing runs ended with */
} Program;

static int report(Program *p, const char *what) {
    fprintf(stderr, "FAIL %s: %s\n", current_case, what);
    p->failures++;
    return 1;
}

/* Every line of `got` is a line of `want`; the last one may be cut short (a host's write
   callback may see a line in pieces). */
static bool lines_within(const char *got, const char *want) {
    const char *line = got;
    while (*line) {
        const char *nl = strchr(line, '\n');
        size_t n = nl ? (size_t)(nl - line) + 1 : strlen(line);
        bool found = false;
        for (const char *w = want; *w && !found;) {
            const char *wnl = strchr(w, '\n');
            size_t wn = wnl ? (size_t)(wnl - w) + 1 : strlen(w);
            found = (nl ? wn == n : wn >= n) && memcmp(w, line, n) == 0;
            w += wn;
        }
        if (!found) return false;
        line += n;
    }
    return true;
}

static int compare_lines(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The lines of text, sorted: lines[1..*n] point into a copy that lines[0] owns. */
static char **sorted_lines(const char *text, size_t *n) {
    char *copy = strdup(text);
    size_t cap = 16, count = 0;
    char **lines = malloc((cap + 1) * sizeof *lines);
    if (!copy || !lines) abort();
    lines[0] = copy; /* slot 0 owns the copy; the lines start at 1 */
    for (char *save = NULL, *l = strtok_r(copy, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        if (count + 1 == cap) {
            cap *= 2;
            lines = realloc(lines, (cap + 1) * sizeof *lines);
            if (!lines) abort();
        }
        lines[++count] = l;
    }
    qsort(lines + 1, count, sizeof *lines, compare_lines);
    *n = count;
    return lines;
}

/* The same lines, in any order: when a collection runs (and what it revives and closes)
   may change with an allocation that failed and was retried. */
static bool same_lines(const char *a, const char *b) {
    size_t na, nb;
    char **la = sorted_lines(a, &na), **lb = sorted_lines(b, &nb);
    bool same = na == nb;
    for (size_t i = 1; same && i <= na; i++) same = strcmp(la[i], lb[i]) == 0;
    free(la[0]);
    free(lb[0]);
    free(la);
    free(lb);
    return same;
}

static bool mentions_oom(const char *err) {
    return strstr(err, "MemoryError") || strstr(err, "out of memory");
}

/* Shows what a failing run printed (the first time a program fails). */
static void show_run(Program *p, Harness *h, Outcome o) {
    fprintf(stderr, "  status %d, exit status %d\n  stdout:\n%.2000s\n  stderr:\n%.2000s\n",
            o.status, o.exit_status, h->out.text, h->err.text);
    fprintf(stderr, "  clean stdout:\n%.2000s\n", p->out.text);
}

static void check_run(Program *p, Harness *h, Outcome o);

static void judge(Program *p, Harness *h, Outcome o) {
    p->runs++;
    if (!o.opened) p->not_opened++;
    else if ((unsigned)o.status < 8) p->by_status[o.status]++;
    int before = p->failures;
    check_run(p, h, o);
    if (p->failures > before && before == 0) show_run(p, h, o);
}

static void check_run(Program *p, Harness *h, Outcome o) {
    if (h->bad) report(p, "a block was freed with the wrong size, or twice");
    if (h->live_bytes != 0 || h->live.count != 0) {
        char msg[128];
        snprintf(msg, sizeof msg, "%zu bytes in %zu blocks leaked", h->live_bytes, h->live.count);
        report(p, msg);
    }
    if (!o.opened) {
        if (!h->failed) report(p, "mt_new returned NULL without an allocation failing");
        return;
    }
    const char *out = h->out.text, *err = h->err.text;
    bool oom_seen = mentions_oom(err) || o.status == MT_MEMORY_ERROR;
    mt_Status want = p->clean.status;
    bool status_ok = o.status == want || o.status == MT_MEMORY_ERROR ||
                     (o.status == MT_RUNTIME_ERROR && mentions_oom(err));
    if (!status_ok) {
        char msg[256];
        snprintf(msg, sizeof msg, "status %d (clean run: %d); stderr: %.120s", o.status, want, err);
        report(p, msg);
    }
    if (!lines_within(out, p->out.text)) report(p, "stdout has a line the clean run did not print");
    if (!lines_within(err, p->err.text) && !mentions_oom(err)) {
        char msg[256];
        snprintf(msg, sizeof msg, "stderr neither the clean run's nor a MemoryError: %.150s", err);
        report(p, msg);
    }
    if (!oom_seen && o.status == want && !same_lines(out, p->out.text))
        report(p, "no MemoryError, yet stdout differs from the clean run's");
}

/* {== Watchdogs ==} */

static void on_alarm(int sig) {
    (void)sig;
    fprintf(stderr, "FAIL %s: hangs (no end after the time limit)\n", current_case);
    _exit(3);
}

static void on_crash(int sig) {
    fprintf(stderr, "FAIL %s: crashed (signal %d)\n", current_case, sig);
    _exit(4);
}

/* Under AddressSanitizer: name the case before its report ends the process. */
void __sanitizer_set_death_callback(void (*callback)(void)) __attribute__((weak));
static void on_sanitizer_death(void) {
    fprintf(stderr, "FAIL %s: sanitizer report above\n", current_case);
}

static void install_watchdogs(void) {
    signal(SIGALRM, on_alarm);
    if (__sanitizer_set_death_callback) __sanitizer_set_death_callback(on_sanitizer_death);
    else {
        signal(SIGSEGV, on_crash);
        signal(SIGBUS, on_crash);
        signal(SIGABRT, on_crash);
    }
}

/* {== Driving ==} */

typedef struct {
    uint64_t dense, samples;
    bool once, always, open;
    uint64_t only;
    unsigned timeout;
} Options;

static void run_case(Program *p, Harness *h, FailMode mode, uint64_t n, unsigned timeout) {
    name_case(p->path, mode, n);
    h->mode = mode;
    h->fail_at = n;
    alarm(timeout);
    Outcome o = run_once(h, p->path);
    alarm(0);
    judge(p, h, o);
}

/* The failure points: every allocation of [from, from + dense), then `samples` spread
   evenly over the rest up to `to`. */
static void sweep(Program *p, Harness *h, const Options *opt, uint64_t from, uint64_t to) {
    for (int m = 0; m < 2; m++) {
        FailMode mode = m == 0 ? FAIL_ONCE : FAIL_ALWAYS;
        if ((mode == FAIL_ONCE && !opt->once) || (mode == FAIL_ALWAYS && !opt->always)) continue;
        uint64_t dense_end = from + opt->dense;
        for (uint64_t n = from; n <= to && n < dense_end; n++)
            run_case(p, h, mode, n, opt->timeout);
        if (to < dense_end || opt->samples == 0) continue;
        uint64_t span = to - dense_end + 1;
        uint64_t k = opt->samples < span ? opt->samples : span;
        for (uint64_t i = 0; i < k; i++)
            run_case(p, h, mode, dense_end + (span * i) / k, opt->timeout);
    }
}

static int test_program(const char *path, const Options *opt) {
    Harness h;
    memset(&h, 0, sizeof h);
    Program p;
    memset(&p, 0, sizeof p);
    p.path = path;
    name_case(path, FAIL_NEVER, 0);
    current_case = path;
    h.mode = FAIL_NEVER;
    alarm(opt->timeout);
    p.clean = run_once(&h, path);
    alarm(0);
    p.total = h.calls;
    buf_put(&p.out, h.out.text, h.out.len);
    buf_put(&p.err, h.err.text, h.err.len);
    if (!p.clean.opened || h.bad || h.live_bytes) {
        report(&p, "the run without failures did not end cleanly");
        fprintf(stderr, "  opened %d, bad free %d, %zu bytes left in %zu blocks\n", p.clean.opened,
                h.bad, h.live_bytes, h.live.count);
        show_run(&p, &h, p.clean);
        return 1;
    }
    if (opt->only) {
        if (opt->once) run_case(&p, &h, FAIL_ONCE, opt->only, opt->timeout);
        if (opt->always) run_case(&p, &h, FAIL_ALWAYS, opt->only, opt->timeout);
    } else {
        if (opt->open) sweep(&p, &h, opt, 1, p.clean.open_calls);
        sweep(&p, &h, opt, p.clean.open_calls + 1, p.total);
    }
    printf("%s: %llu allocations (%llu opening the VM), status %d. %llu runs: %llu no VM, "
           "%llu ok, %llu memory error, %llu other status: %s\n",
           path, (unsigned long long)p.total, (unsigned long long)p.clean.open_calls,
           p.clean.status, (unsigned long long)p.runs, (unsigned long long)p.not_opened,
           (unsigned long long)p.by_status[MT_OK], (unsigned long long)p.by_status[MT_MEMORY_ERROR],
           (unsigned long long)(p.runs - p.not_opened - p.by_status[MT_OK] -
                                p.by_status[MT_MEMORY_ERROR]),
           p.failures ? "FAILED" : "every failure point ends cleanly");
    blocks_free(&h.live);
    free(h.out.text);
    free(h.err.text);
    free(p.out.text);
    free(p.err.text);
    return p.failures != 0;
}

int main(int argc, char **argv) {
    Options opt = {300, 150, true, true, false, 0, 60};
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--dense") == 0 && i + 1 < argc) opt.dense = strtoull(argv[++i], NULL, 10);
        else if (strcmp(a, "--samples") == 0 && i + 1 < argc)
            opt.samples = strtoull(argv[++i], NULL, 10);
        else if (strcmp(a, "--only") == 0 && i + 1 < argc) opt.only = strtoull(argv[++i], NULL, 10);
        else if (strcmp(a, "--timeout") == 0 && i + 1 < argc)
            opt.timeout = (unsigned)strtoul(argv[++i], NULL, 10);
        else if (strcmp(a, "--open") == 0) opt.open = true;
        else if (strcmp(a, "--gc-stress") == 0) gc_stress = true;
        else if (strcmp(a, "--mode") == 0 && i + 1 < argc) {
            const char *m = argv[++i];
            opt.once = strcmp(m, "always") != 0;
            opt.always = strcmp(m, "once") != 0;
        } else {
            fprintf(stderr, "usage: oom_driver [--dense N] [--samples K] [--mode once|always|both]"
                            " [--open] [--gc-stress] [--only N] [--timeout S] PROGRAM.mt...\n");
            return 2;
        }
    }
    if (i == argc) {
        fprintf(stderr, "oom_driver: no programs\n");
        return 2;
    }
    install_watchdogs();
    int failed = 0;
    for (; i < argc; i++) failed |= test_program(argv[i], &opt);
    return failed;
}
