/*
** unit.c — helpers shared by the suites (see unit.h).
*/
#include "unit.h"
#include "vm/state.h"
#include "vm/object.h"
#include "vm/module.h"

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

bool unit_stress(void) {
    const char *s = getenv("MT_GC_STRESS");
    return s && *s && strcmp(s, "0") != 0;
}

mt_Status unit_run(const char *src, Capture *cap) {
    mt_Config cfg;
    mt_config_init(&cfg);
    capture_config(&cfg, cap);
    cfg.gc_stress = unit_stress();
    mt_VM *v = mt_new(&cfg);
    ck_assert_ptr_nonnull(v);
    mt_Status st = mt_run_string(v, "prog.mt", src);
    mt_free(v);
    return st;
}

/* The function proto called `name` among p's constants, searched depth first. */
static Proto *find_proto(Proto *p, const char *name) {
    for (uint32_t i = 0; i < p->nconsts; i++) {
        if (!IS_OBJ_TYPE(p->consts[i], OBJ_PROTO)) continue;
        Proto *q = (Proto *)AS_OBJ(p->consts[i]);
        if (q->name && strcmp(q->name->chars, name) == 0) return q;
        if ((q = find_proto(q, name)) != NULL) return q;
    }
    return NULL;
}

Closure *unit_compile_fn(VM *vm, const char *src, const char *name) {
    ck_assert_int_gt(vm->gc_pause, 0); /* nothing here is rooted */
    String *mname = mto_intern_z(vm, "t.mt");
    Module *m = mto_module(vm, mname, mname);
    Closure *top = mtmod_compile(vm, m, src, strlen(src), false);
    ck_assert_msg(top != NULL, "did not compile: %s", mt_last_error(vm));
    if (!name) return top;
    Proto *p = find_proto(top->proto, name);
    ck_assert_msg(p != NULL, "no function %s", name);
    return mto_closure(vm, p);
}
