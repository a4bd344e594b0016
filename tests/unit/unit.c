/*
** unit.c — helpers shared by the suites (see unit.h).
*/
#include "unit.h"
#include "vm/state.h"

#include <stdlib.h>
#include <string.h>

void unit_buf_append(UnitBuf *b, const char *s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1) cap *= 2;
        b->text = realloc(b->text, cap);
        ck_assert_ptr_nonnull(b->text);
        b->cap = cap;
    }
    memcpy(b->text + b->len, s, n);
    b->len += n;
    b->text[b->len] = '\0';
}

void unit_buf_free(UnitBuf *b) {
    free(b->text);
    memset(b, 0, sizeof *b);
}

void capture_free(Capture *c) {
    unit_buf_free(&c->out);
    unit_buf_free(&c->err);
}

static void write_out(mt_VM *vm, const char *text, size_t len, void *ud) {
    MT_UNUSED(vm);
    if (ud) unit_buf_append(&((Capture *)ud)->out, text, len);
}

static void write_err(mt_VM *vm, const char *text, size_t len, void *ud) {
    MT_UNUSED(vm);
    if (ud) unit_buf_append(&((Capture *)ud)->err, text, len);
}

void capture_config(mt_Config *cfg, Capture *cap) {
    cfg->write_out = write_out;
    cfg->write_err = write_err;
    cfg->user_data = cap;
    /* An empty buffer still reads as "" in assertions. */
    if (cap && !cap->out.text) unit_buf_append(&cap->out, "", 0);
    if (cap && !cap->err.text) unit_buf_append(&cap->err, "", 0);
}

VM *unit_vm(Capture *cap) {
    mt_Config cfg;
    mt_config_init(&cfg);
    capture_config(&cfg, cap);
    VM *vm = mt_new(&cfg);
    ck_assert_ptr_nonnull(vm);
    vm->gc_pause++;
    return vm;
}

size_t unit_count_objects(VM *vm) {
    size_t n = 0;
    for (Obj *o = vm->objects; o; o = o->next) n++;
    return n;
}

bool unit_has_object(VM *vm, const Obj *o) {
    for (Obj *p = vm->objects; p; p = p->next)
        if (p == o) return true;
    return false;
}

const char *unit_first_line(const char *msg) {
    static char line[1024];
    size_t n = strcspn(msg, "\n");
    if (n >= sizeof line) n = sizeof line - 1;
    memcpy(line, msg, n);
    line[n] = '\0';
    return line;
}
