/*
** embed.c — the host side shared by the embedding suites (embed.h): output capture, an
** error_fn that keeps every report, and an allocator that counts and can refuse.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "embed.h"

void host_text_add(HostText *t, const char *s, size_t n) {
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 256;
        while (cap < t->len + n + 1) cap *= 2;
        t->text = realloc(t->text, cap);
        ck_assert_ptr_nonnull(t->text);
        t->cap = cap;
    }
    if (n) memcpy(t->text + t->len, s, n);
    t->len += n;
    t->text[t->len] = '\0';
}

bool host_stress(void) {
    const char *s = getenv("MT_GC_STRESS");
    return s && *s && strcmp(s, "0") != 0;
}

static void write_out(mt_VM *vm, const char *text, size_t len, void *ud) {
    (void)vm;
    host_text_add(&((Host *)ud)->out, text, len);
}

static void write_err(mt_VM *vm, const char *text, size_t len, void *ud) {
    (void)vm;
    host_text_add(&((Host *)ud)->err, text, len);
}

static void copy(char *dst, size_t cap, const char *src) {
    snprintf(dst, cap, "%s", src ? src : "(null)");
}

static void record_error(mt_VM *vm, const mt_ErrorInfo *e, void *ud) {
    (void)vm;
    Host *h = ud;
    if (h->nerrors++ >= HOST_MAX_ERRORS) return;
    HostError *r = &h->errors[h->nerrors - 1];
    r->kind = e->kind;
    copy(r->error_class, sizeof r->error_class, e->error_class);
    copy(r->message, sizeof r->message, e->message);
    copy(r->file, sizeof r->file, e->file);
    r->line = e->line;
    r->column = e->column;
    r->thread_id = e->thread_id;
    r->nframes = e->nframes;
    for (int i = 0; i < e->nframes && i < 4; i++) {
        copy(r->frame_fn[i], sizeof r->frame_fn[i], e->frames[i].function);
        copy(r->frame_file[i], sizeof r->frame_file[i], e->frames[i].file);
        r->frame_line[i] = e->frames[i].line;
    }
    copy(r->text, sizeof r->text, e->text);
}

/* Each block carries its size in front (two words, to keep the alignment). */
static void *host_realloc(void *p, size_t old, size_t size, void *ud) {
    Host *h = ud;
    size_t *hdr = p ? (size_t *)p - 2 : NULL;
    if (hdr && hdr[0] != old) h->bad_free = true;
    if (size == 0) {
        if (p) {
            h->live_bytes -= old;
            h->live_blocks--;
        }
        free(hdr);
        return NULL;
    }
    h->allocs++;
    if (h->fail_at && (h->allocs == h->fail_at || (h->fail_after && h->allocs > h->fail_at))) {
        h->failed = true;
        return NULL;
    }
    size_t *n = realloc(hdr, size + 2 * sizeof(size_t));
    ck_assert_ptr_nonnull(n);
    n[0] = size;
    if (p) h->live_bytes -= old;
    else h->live_blocks++;
    h->live_bytes += size;
    return n + 2;
}

void host_config(mt_Config *cfg, Host *h, bool errors) {
    mt_config_init(cfg);
    cfg->realloc_fn = host_realloc;
    cfg->write_out = write_out;
    cfg->write_err = write_err;
    if (errors) cfg->error_fn = record_error;
    cfg->user_data = h;
    cfg->gc_stress = host_stress();
    /* Empty buffers still read as "". */
    host_text_add(&h->out, "", 0);
    host_text_add(&h->err, "", 0);
}

mt_VM *host_vm(Host *h, bool errors) {
    mt_Config cfg;
    host_config(&cfg, h, errors);
    mt_VM *vm = mt_new(&cfg);
    ck_assert_ptr_nonnull(vm);
    return vm;
}

int host_free_vm(mt_VM *vm, Host *h) {
    int status = mt_free(vm);
    ck_assert_msg(!h->bad_free, "a block was freed with another size than it was given");
    ck_assert_msg(h->live_blocks == 0, "%zu blocks (%zu bytes) not freed", h->live_blocks,
                  h->live_bytes);
    return status;
}

void host_done(Host *h) {
    free(h->out.text);
    free(h->err.text);
    memset(&h->out, 0, sizeof h->out);
    memset(&h->err, 0, sizeof h->err);
}

mt_VM *host_limited_vm(Host *h, size_t extra) {
    mt_Config cfg;
    host_config(&cfg, h, true);
    cfg.gc_stress = 0; /* filling megabytes, collected at each allocation: too slow */
    mt_VM *probe = mt_new(&cfg);
    ck_assert_ptr_nonnull(probe);
    cfg.memory_limit = h->live_bytes + extra;
    mt_free(probe);
    mt_VM *vm = mt_new(&cfg);
    ck_assert_ptr_nonnull(vm);
    return vm;
}

mt_Status host_exec(mt_VM *vm, const char *src) {
    return mt_exec(vm, "chunk", src, strlen(src), -1);
}

void host_eval(mt_VM *vm, const char *src, int slot) {
    Host *h = mt_user_data(vm);
    ck_assert_msg(mt_exec(vm, "eval", src, strlen(src), slot) == MT_OK, "%s: %s%s%s", src,
                  mt_last_error(vm), h->err.text, h->nerrors ? h->errors[0].text : "");
}

double host_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

const char *host_first_line(const char *s) {
    static char line[1024];
    size_t n = strcspn(s, "\n");
    if (n >= sizeof line) n = sizeof line - 1;
    memcpy(line, s, n);
    line[n] = '\0';
    return line;
}
