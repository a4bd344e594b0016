/*
** emit.c — bytecode buffers, constants, jumps, handler tables and compile errors.
*/
#include <stdio.h>
#include <stdlib.h>

#include "compiler/compiler_int.h"

static const int8_t op_effect[] = {
#define OP_EFFECT(name, effect) effect,
    MT_OPCODES(OP_EFFECT)
#undef OP_EFFECT
};

/* {== Temporary C memory ==} */

/* A compile error longjmps out of the parser, so every malloc'd block a parsing function
   holds is registered here and freed when the compile ends, however it ends. */
void *mtc_tmp_realloc(C *c, void *p, size_t size) {
    void *q = realloc(p, size);
    if (!q) mtmem_fail(c->vm);
    if (p) {
        for (int i = 0; i < c->ntmp; i++)
            if (c->tmp[i] == p) {
                c->tmp[i] = q;
                return q;
            }
    }
    if (c->ntmp == c->tmpcap) {
        int cap = c->tmpcap ? c->tmpcap * 2 : 16;
        void **t = realloc(c->tmp, (size_t)cap * sizeof(void *));
        if (!t) {
            free(q);
            mtmem_fail(c->vm);
        }
        c->tmp = t;
        c->tmpcap = cap;
    }
    c->tmp[c->ntmp++] = q;
    return q;
}

void mtc_tmp_free(C *c, void *p) {
    if (!p) return;
    for (int i = 0; i < c->ntmp; i++)
        if (c->tmp[i] == p) {
            c->tmp[i] = c->tmp[--c->ntmp];
            break;
        }
    free(p);
}

void mtc_tmp_free_all(C *c) {
    for (int i = 0; i < c->ntmp; i++) free(c->tmp[i]);
    free(c->tmp);
    c->tmp = NULL;
    c->ntmp = c->tmpcap = 0;
}

/* {== Errors ==} */

/* Finds the text of line `line` in the source. */
static const char *line_text(C *c, int line, size_t *len) {
    const char *p = c->src, *end = c->src + c->src_len;
    for (int l = 1; l < line && p < end; p++)
        if (*p == '\n') l++;
    const char *e = p;
    while (e < end && *e != '\n' && *e != '\r') e++;
    *len = (size_t)(e - p);
    return p;
}

static void format_error(C *c, int line, int col, const char *msg) {
    const char *file = c->module->path ? c->module->path->chars : c->module->name->chars;
    size_t len;
    const char *text = line_text(c, line, &len);
    size_t cap = strlen(file) + strlen(msg) + 2 * len + col + 64;
    char *out = malloc(cap);
    if (!out) return;
    int n =
        snprintf(out, cap, "%s:%d:%d: %s\n    %.*s\n    ", file, line, col, msg, (int)len, text);
    /* The caret lines up under the column, keeping the line's tabs. */
    int cp = 1;
    for (size_t i = 0; i < len && cp < col && (size_t)n + 2 < cap; i++) {
        unsigned char ch = (unsigned char)text[i];
        if ((ch & 0xC0) == 0x80) continue;
        out[n++] = ch == '\t' ? '\t' : ' ';
        cp++;
    }
    snprintf(out + n, cap - (size_t)n, "^");
    free(c->error);
    c->error = out;
}

_Noreturn void mtc_error_at(C *c, const Token *t, const char *fmt, ...) {
    char msg[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (t->type == TOK_EOF || (t->type == TOK_ERROR && c->lex.incomplete)) c->incomplete = true;
    format_error(c, t->line, t->col, msg);
    longjmp(c->abort, 1);
}

_Noreturn void mtc_error(C *c, const char *fmt, ...) {
    char msg[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    mtc_error_at(c, &c->prev, "%s", msg);
}

/* {== Emitting ==} */

static void grow_code(C *c) {
    FnState *fs = c->fs;
    int cap = fs->code_cap ? fs->code_cap * 2 : 64;
    fs->code = mtmem_realloc(c->vm, fs->code, fs->code_cap * sizeof(Instr), cap * sizeof(Instr));
    fs->lines =
        mtmem_realloc(c->vm, fs->lines, fs->code_cap * sizeof(int32_t), cap * sizeof(int32_t));
    fs->code_cap = cap;
}

void mtc_adjust(C *c, int delta) {
    FnState *fs = c->fs;
    fs->stack += delta;
    if (fs->stack > fs->maxstack) fs->maxstack = fs->stack;
    if (fs->maxstack > 60000) mtc_error(c, "function needs too many stack slots");
}

int mtc_emit(C *c, Instr i) {
    FnState *fs = c->fs;
    if (fs->ncode == fs->code_cap) grow_code(c);
    if (fs->ncode >= (1 << 23) - 16) mtc_error(c, "function too large");
    fs->code[fs->ncode] = i;
    fs->lines[fs->ncode] = c->prev.line;
    OpCode op = INSTR_OP(i);
    if (op != OP_EXTRA) fs->last_op_pc = fs->ncode;
    int effect = op_effect[op];
    if (effect != VAR) mtc_adjust(c, effect);
    return fs->ncode++;
}

int mtc_emit_op(C *c, OpCode op, uint32_t a) {
    if (a > MT_MAX_A) mtc_error(c, "too many constants or names in one function");
    return mtc_emit(c, MAKE_A(op, a));
}

int mtc_emit_ab(C *c, OpCode op, uint32_t a, uint32_t b) {
    if (a > 0xff || b > 0xffff) mtc_error(c, "function too complex (operand overflow)");
    return mtc_emit(c, MAKE_AB(op, a, b));
}

int mtc_here(C *c) {
    c->fs->barrier = c->fs->ncode;
    return c->fs->ncode;
}

/* {== Constants and caches ==} */

static bool same_const(Value a, Value b) {
    if (a != b) return false;
    return true; /* bit-identical: same int, same double bits, same interned string */
}

int mtc_const(C *c, Value v) {
    FnState *fs = c->fs;
    int limit = fs->nconsts < 256 ? 0 : fs->nconsts - 256;
    for (int i = fs->nconsts - 1; i >= limit; i--)
        if (same_const(fs->consts[i], v)) return i;
    if (fs->nconsts == fs->consts_cap) {
        int cap = fs->consts_cap ? fs->consts_cap * 2 : 16;
        fs->consts =
            mtmem_realloc(c->vm, fs->consts, fs->consts_cap * sizeof(Value), cap * sizeof(Value));
        fs->consts_cap = cap;
    }
    fs->consts[fs->nconsts] = v;
    return fs->nconsts++;
}

int mtc_cache(C *c, String *name) {
    FnState *fs = c->fs;
    if (fs->ncaches == fs->caches_cap) {
        int cap = fs->caches_cap ? fs->caches_cap * 2 : 8;
        fs->caches = mtmem_realloc(c->vm, fs->caches, fs->caches_cap * sizeof(AttrCache),
                                   cap * sizeof(AttrCache));
        fs->caches_cap = cap;
    }
    AttrCache *ac = &fs->caches[fs->ncaches];
    ac->name = name;
    ac->klass = NULL;
    ac->method = NIL_VAL;
    ac->index = 0;
    if (fs->ncaches >= 0xffff) mtc_error(c, "too many attribute sites in one function");
    return fs->ncaches++;
}

/* {== Jumps ==} */

int mtc_jump(C *c, OpCode op) { return mtc_emit(c, MAKE_A(op, 0)); }

void mtc_patch_to(C *c, int pc, int target) {
    FnState *fs = c->fs;
    int offset = target - (pc + 1);
    Instr i = fs->code[pc];
    if (INSTR_OP(i) == OP_ARG_DEFAULT) {
        if (offset < 0 || offset > 0xffff) mtc_error(c, "default argument too complex");
        fs->code[pc] = MAKE_AB(OP_ARG_DEFAULT, INSTR_A8(i), offset);
        return;
    }
    if (offset > MT_MAX_SA || offset < -MT_MAX_SA) mtc_error(c, "jump too far");
    fs->code[pc] = (i & 0xff) | ((Instr)offset << 8);
}

void mtc_patch(C *c, int pc) { mtc_patch_to(c, pc, mtc_here(c)); }

void mtc_loop(C *c, int target) {
    int pc = mtc_emit(c, MAKE_A(OP_LOOP, 0));
    mtc_patch_to(c, pc, target);
}

void mtc_jl_add(C *c, JumpList *jl, int pc) {
    if (jl->count == jl->cap) {
        int cap = jl->cap ? jl->cap * 2 : 4;
        jl->pcs = mtmem_realloc(c->vm, jl->pcs, jl->cap * sizeof(int), cap * sizeof(int));
        jl->cap = cap;
    }
    jl->pcs[jl->count++] = pc;
}

void mtc_jl_patch(C *c, JumpList *jl) {
    for (int i = 0; i < jl->count; i++) mtc_patch(c, jl->pcs[i]);
    mtc_jl_free(c, jl);
}

void mtc_jl_free(C *c, JumpList *jl) {
    mtmem_free(c->vm, jl->pcs, jl->cap * sizeof(int));
    jl->pcs = NULL;
    jl->count = jl->cap = 0;
}

/* {== Handler table ==} */

void mtc_add_handler(C *c, int start, int end, int target, int depth, HandlerKind k, int slot) {
    FnState *fs = c->fs;
    if (fs->nhandlers == fs->handlers_cap) {
        int cap = fs->handlers_cap ? fs->handlers_cap * 2 : 4;
        fs->handlers = mtmem_realloc(c->vm, fs->handlers, fs->handlers_cap * sizeof(Handler),
                                     cap * sizeof(Handler));
        fs->handlers_cap = cap;
    }
    if (fs->nhandlers >= 0xffff) mtc_error(c, "too many try blocks in one function");
    Handler *h = &fs->handlers[fs->nhandlers++];
    h->start = (uint32_t)start;
    h->end = (uint32_t)end;
    h->target = (uint32_t)target;
    h->depth = (uint16_t)depth;
    h->kind = (uint8_t)k;
    h->slot = (uint8_t)slot;
}

void mtc_add_region(C *c, int start, int end, RegionKind k, int slot) {
    FnState *fs = c->fs;
    if (start == end) return;
    if (fs->nregions == fs->regions_cap) {
        int cap = fs->regions_cap ? fs->regions_cap * 2 : 4;
        fs->regions = mtmem_realloc(c->vm, fs->regions, fs->regions_cap * sizeof(Region),
                                    cap * sizeof(Region));
        fs->regions_cap = cap;
    }
    if (fs->nregions >= 0xffff) mtc_error(c, "too many try blocks in one function");
    Region *r = &fs->regions[fs->nregions++];
    r->start = (uint32_t)start;
    r->end = (uint32_t)end;
    r->kind = (uint8_t)k;
    r->slot = (uint8_t)slot;
}

/* {== Functions ==} */

void mtc_fn_begin(C *c, FnState *fs, FnKind kind, String *name) {
    memset(fs, 0, offsetof(FnState, locals));
    fs->enclosing = c->fs;
    fs->kind = kind;
    fs->nlocals = 0;
    fs->nupvals = 0;
    fs->scope_depth = 0;
    fs->loop = NULL;
    fs->try_block = NULL;
    fs->except_slot = -1;
    fs->has_super = c->fs ? c->fs->has_super : false;
    fs->last_op_pc = -1;
    fs->barrier = 0;
    c->fs = fs;
    fs->proto = mto_proto(c->vm, c->module);
    fs->proto->name = name;
    fs->proto->line = c->prev.line;
    /* Slot 0: the callee, or self for methods (named when the parameters are read). */
    Local *l = &fs->locals[fs->nlocals++];
    l->name = NULL;
    l->depth = 0;
    l->captured = false;
    l->hidden = true;
    fs->stack = fs->maxstack = 1;
}

/* Copies a growable buffer into an exact-size block owned by the proto. */
static void *shrink(C *c, void *p, size_t used, size_t cap) {
    if (used == 0) {
        mtmem_free(c->vm, p, cap);
        return NULL;
    }
    void *q = mtmem_alloc(c->vm, used);
    memcpy(q, p, used);
    mtmem_free(c->vm, p, cap);
    return q;
}

Proto *mtc_fn_end(C *c) {
    FnState *fs = c->fs;
    Proto *p = fs->proto;
    VM *vm = c->vm;
    p->code = shrink(c, fs->code, fs->ncode * sizeof(Instr), fs->code_cap * sizeof(Instr));
    p->lines = shrink(c, fs->lines, fs->ncode * sizeof(int32_t), fs->code_cap * sizeof(int32_t));
    p->ncode = (uint32_t)fs->ncode;
    fs->code = NULL;
    fs->lines = NULL;
    p->consts = shrink(c, fs->consts, fs->nconsts * sizeof(Value), fs->consts_cap * sizeof(Value));
    p->nconsts = (uint32_t)fs->nconsts;
    fs->consts = NULL;
    p->handlers = shrink(c, fs->handlers, fs->nhandlers * sizeof(Handler),
                         fs->handlers_cap * sizeof(Handler));
    p->nhandlers = (uint16_t)fs->nhandlers;
    fs->handlers = NULL;
    p->regions =
        shrink(c, fs->regions, fs->nregions * sizeof(Region), fs->regions_cap * sizeof(Region));
    p->nregions = (uint16_t)fs->nregions;
    fs->regions = NULL;
    p->caches =
        shrink(c, fs->caches, fs->ncaches * sizeof(AttrCache), fs->caches_cap * sizeof(AttrCache));
    p->ncaches = (uint32_t)fs->ncaches;
    fs->caches = NULL;
    if (fs->nupvals) {
        p->upvals = mtmem_alloc(vm, fs->nupvals * sizeof(UpvalDesc));
        memcpy(p->upvals, fs->upvals, fs->nupvals * sizeof(UpvalDesc));
    }
    p->nupvals = (uint8_t)fs->nupvals;
    p->maxstack = (uint16_t)fs->maxstack; /* exact: every push is accounted for */
    c->fs = fs->enclosing;
    return p;
}

/* Frees the buffers of a function abandoned by a compile error. */
void mtc_fn_free(C *c, FnState *fs) {
    mtmem_free(c->vm, fs->code, fs->code_cap * sizeof(Instr));
    mtmem_free(c->vm, fs->lines, fs->code_cap * sizeof(int32_t));
    mtmem_free(c->vm, fs->consts, fs->consts_cap * sizeof(Value));
    mtmem_free(c->vm, fs->handlers, fs->handlers_cap * sizeof(Handler));
    mtmem_free(c->vm, fs->regions, fs->regions_cap * sizeof(Region));
    mtmem_free(c->vm, fs->caches, fs->caches_cap * sizeof(AttrCache));
    fs->code = NULL;
    fs->lines = NULL;
    fs->consts = NULL;
    fs->handlers = NULL;
    fs->regions = NULL;
    fs->caches = NULL;
}

String *mtc_name(C *c, const Token *t) { return mto_intern(c->vm, t->start, t->len); }
