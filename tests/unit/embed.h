/*
** embed.h — what the embedding suites (test_embed_*.c) share. They test the public API as
** a host uses it, so they include only mt.h (and Check): a test that reached into the
** VM's internals could pass where a host would fail.
**
** Every VM they make honours MT_GC_STRESS (a collection at every allocation), so that
** `MT_GC_STRESS=1 mt_unit` also checks that the API keeps alive what it promises to.
*/
#ifndef MT_UNIT_EMBED_H
#define MT_UNIT_EMBED_H

#include <check.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mt.h"

/* One constructor per test_embed_<name>.c, all run by check_main.c. */
Suite *embed_lifecycle_suite(void);
Suite *embed_running_suite(void);
Suite *embed_values_suite(void);
Suite *embed_natives_suite(void);
Suite *embed_threads_suite(void);
Suite *embed_oom_suite(void);

/* A growable text buffer, always NUL-terminated (so ck_assert_str_eq can read it). */
typedef struct {
    char *text;
    size_t len, cap;
} HostText;

void host_text_add(HostText *t, const char *s, size_t n);

/* One report error_fn received, copied (its pointers live only during the callback). */
typedef struct {
    mt_ErrorKind kind;
    char error_class[64];
    char message[256];
    char file[128];
    int line, column;
    uint32_t thread_id;
    int nframes;
    char frame_fn[4][64]; /* the first frames' functions, files and lines */
    char frame_file[4][128];
    int frame_line[4];
    char text[2048];
} HostError;

#define HOST_MAX_ERRORS 8

/* The state a host keeps for a VM; it is the config's user_data, so every callback finds
   it. The allocator counts what is live (each block carries its size in front of it, so a
   free with a wrong size is caught) and can refuse allocations. */
typedef struct {
    HostText out, err;
    int nerrors; /* reports error_fn received (only the first HOST_MAX_ERRORS are kept) */
    HostError errors[HOST_MAX_ERRORS];
    size_t live_bytes, live_blocks;
    uint64_t allocs;  /* allocations asked for */
    uint64_t fail_at; /* 0: never fail; else this allocation fails... */
    bool fail_after;  /* ...and, if set, every later one too */
    bool failed;      /* an allocation was refused */
    bool bad_free;    /* a block came back with another size than it was given */
    void *test;       /* whatever else a test needs its callbacks to reach */
} Host;

/* Whether MT_GC_STRESS asks for a collection at every allocation. */
bool host_stress(void);

/* A config whose output goes to h->out / h->err, whose allocator is the counting one,
   with error_fn recording reports into h->errors when `errors` is set (else reports go to
   h->err as text), and gc_stress as MT_GC_STRESS says. */
void host_config(mt_Config *cfg, Host *h, bool errors);

/* A VM made with host_config(h, errors); fails the test if mt_new returns NULL. */
mt_VM *host_vm(Host *h, bool errors);

/* Frees the VM and checks that every block came back, each with its size; returns what
   mt_free returned. */
int host_free_vm(mt_VM *vm, Host *h);

/* Frees the host's buffers. */
void host_done(Host *h);

/* A VM as host_vm(h, true) makes, without GC stress, whose memory_limit is `extra` bytes
   over what a fresh VM holds. */
mt_VM *host_limited_vm(Host *h, size_t extra);

/* mt_exec of a NUL-terminated chunk named "chunk", no result slot. */
mt_Status host_exec(mt_VM *vm, const char *src);

/* mt_exec of a chunk named "eval" that must succeed (the test fails with the report),
   with the value of its last expression in `slot` (-1: none). The VM's user_data is the
   Host. */
void host_eval(mt_VM *vm, const char *src, int slot);

/* Monotonic seconds. */
double host_now(void);

/* The first line of s, in a static buffer. */
const char *host_first_line(const char *s);

#endif
