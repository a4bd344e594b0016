/*
** emit.c — bytecode buffers, constants, jumps, handler tables and compile errors.
*/
#include <stdio.h>
#include <stdlib.h>

#include "compiler/compiler_int.h"
#include "vm/object.h"
#include "vm/mem.h"

static const int8_t op_effect[] = {
#define OP_EFFECT(name, effect) effect,
    MT_OPCODES(OP_EFFECT)
#undef OP_EFFECT
};

/* {== Temporary memory ==} */

static int tmp_find(C *c, void *p) {
    for (int i = c->ntmp - 1; i >= 0; i--)
        if (c->tmp[i].p == p) return i;
    return -1;
}

/* A compile error or MemoryError longjmps out of the parser, so every block a parsing
   function holds is registered here and freed when the compile ends, however it ends. The
   registry has room for the block before the block is allocated, so a failure can never
   leave one unregistered. */
void *mtce_tmp_realloc(C *c, void *p, size_t size) {
    int i = p ? tmp_find(c, p) : -1;
    if (i < 0 && c->ntmp == c->tmpcap) {
        int cap = c->tmpcap ? c->tmpcap * 2 : 16;
        c->tmp = mtmem_realloc(c->vm, c->tmp, (size_t)c->tmpcap * sizeof(CompileTmp),
                               (size_t)cap * sizeof(CompileTmp));
        c->tmpcap = cap;
    }
    void *q = mtmem_realloc(c->vm, p, i >= 0 ? c->tmp[i].size : 0, size);
    if (i < 0) i = c->ntmp++;
    c->tmp[i].p = q;
    c->tmp[i].size = size;
    return q;
}

void mtce_tmp_free(C *c, void *p) {
    if (!p) return;
    int i = tmp_find(c, p);
    mtmem_free(c->vm, p, c->tmp[i].size);
    c->tmp[i] = c->tmp[--c->ntmp];
}

void mtce_tmp_free_all(C *c) {
    for (int i = 0; i < c->ntmp; i++) mtmem_free(c->vm, c->tmp[i].p, c->tmp[i].size);
    mtmem_free(c->vm, c->tmp, (size_t)c->tmpcap * sizeof(CompileTmp));
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
    c->vm->compile_line = line; /* the parts, for the host's error_fn */
    c->vm->compile_col = col;
    snprintf(c->vm->compile_msg, sizeof c->vm->compile_msg, "%s", msg);
    const char *file = c->module->path ? c->module->path->chars : c->module->name->chars;
    size_t len;
    const char *text = line_text(c, line, &len);
    size_t cap = strlen(file) + strlen(msg) + 2 * len + col + 64;
    /* A host block, because it outlives the compile (it becomes mt_last_error). */
    char *out = mtmem_host_realloc(c->vm, NULL, 0, cap);
    if (!out) mtmem_fail(c->vm); /* no memory for the message: a MemoryError instead */
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
    mtmem_host_realloc(c->vm, c->error, c->error_size, 0);
    c->error = out;
    c->error_size = cap;
}

_Noreturn void mtce_error_at(C *c, const Token *t, const char *fmt, ...) {
    char msg[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    /* Input that ends too early (the REPL reads another line): the end itself, the DEDENTs
       that close the open blocks there (a block, or a try's handlers, still to come), a
       token the lexer could not finish there (a string), or the NEWLINE it hands out at
       the end of input inside open brackets. */
    if (t->type == TOK_EOF ||
        ((t->type == TOK_ERROR || t->type == TOK_NEWLINE) && c->lex.incomplete) ||
        (t->type == TOK_DEDENT && t->start == c->lex.end))
        c->incomplete = true;
    format_error(c, t->line, t->col, msg);
    longjmp(c->abort, 1);
}

_Noreturn void mtce_error(C *c, const char *fmt, ...) {
    char msg[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    mtce_error_at(c, &c->prev, "%s", msg);
}

/* {== Emitting ==} */

static void grow_code(C *c) {
    FnState *fs = c->fs;
    int cap = fs->code_cap ? fs->code_cap * 2 : 64;
    fs->code = mtmem_realloc(c->vm, fs->code, fs->code_cap * sizeof(Instr), cap * sizeof(Instr));
    fs->code_cap = cap;
    fs->lines =
        mtmem_realloc(c->vm, fs->lines, fs->lines_cap * sizeof(int32_t), cap * sizeof(int32_t));
    fs->lines_cap = cap;
}

void mtce_adjust(C *c, int delta) {
    FnState *fs = c->fs;
    fs->stack += delta;
    if (fs->stack > fs->maxstack) fs->maxstack = fs->stack;
    if (fs->maxstack > 60000) mtce_error(c, "function needs too many stack slots");
}

/* Removes the newest n instructions (n < 8), which leaves `slots` fewer values on the
   stack, and the peak they made: a fused form that replaces loads needs no slot for them,
   and a thread's fiber is sized by maxstack (SPEC 8.9). */
void mtce_unemit(C *c, int n, int slots) {
    FnState *fs = c->fs;
    fs->ncode -= n;
    fs->stack -= slots;
    int before = fs->max_before[fs->ncode & 7];
    fs->maxstack = before > fs->max_floor ? before : fs->max_floor;
}

int mtce_emit(C *c, Instr i) {
    FnState *fs = c->fs;
    if (fs->ncode == fs->code_cap) grow_code(c);
    if (fs->ncode >= (1 << 23) - 16) mtce_error(c, "function too large");
    OpCode op = INSTR_OP(i);
    if (op == OP_GET_LOCAL && INSTR_A(i) < (uint32_t)fs->nlocals && fs->locals[INSTR_A(i)].ownable)
        i = MAKE_A(op = OP_GET_OWNED_LOCAL, INSTR_A(i));
    fs->code[fs->ncode] = i;
    fs->lines[fs->ncode] = c->prev.line;
    if (op != OP_EXTRA) fs->last_op_pc = fs->ncode;
    fs->max_before[fs->ncode & 7] = fs->maxstack;
    int effect = op_effect[op];
    if (effect != VAR) mtce_adjust(c, effect);
    return fs->ncode++;
}

/* [x] -> [iterator, state] at the head of a for loop. When x is a call's result, the call
   becomes CALL_ITER, which turns range(...) into a counting loop without making the range
   (a jump past the call lands on the ITER, which stays). */
void mtce_emit_iter(C *c) {
    FnState *fs = c->fs;
    if (fs->ncode > 0 && INSTR_OP(fs->code[fs->ncode - 1]) == OP_CALL)
        fs->code[fs->ncode - 1] = MAKE_A(OP_CALL_ITER, INSTR_A(fs->code[fs->ncode - 1]));
    mtce_emit(c, OP_ITER);
    mtce_emit(c, OP_NIL);
}

int mtce_emit_op(C *c, OpCode op, uint32_t a) {
    if (a > MT_MAX_A) mtce_error(c, "too many constants or names in one function");
    return mtce_emit(c, MAKE_A(op, a));
}

int mtce_emit_ab(C *c, OpCode op, uint32_t a, uint32_t b) {
    if (a > 0xff || b > 0xffff) mtce_error(c, "function too complex (operand overflow)");
    return mtce_emit(c, MAKE_AB(op, a, b));
}

int mtce_here(C *c) {
    c->fs->barrier = c->fs->ncode;
    return c->fs->ncode;
}

/* {== Constants and caches ==} */

static bool same_const(Value a, Value b) {
    if (a != b) return false;
    return true; /* bit-identical: same int, same double bits, same interned string */
}

int mtce_const(C *c, Value v) {
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

int mtce_cache(C *c, String *name) {
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
    if (fs->ncaches >= 0xffff) mtce_error(c, "too many attribute sites in one function");
    return fs->ncaches++;
}

/* {== Jumps ==} */

int mtce_jump(C *c, OpCode op) { return mtce_emit(c, MAKE_A(op, 0)); }

void mtce_patch_to(C *c, int pc, int target) {
    FnState *fs = c->fs;
    int offset = target - (pc + 1);
    Instr i = fs->code[pc];
    if (INSTR_OP(i) == OP_ARG_DEFAULT) {
        if (offset < 0 || offset > 0xffff) mtce_error(c, "default argument too complex");
        fs->code[pc] = MAKE_AB(OP_ARG_DEFAULT, INSTR_A8(i), offset);
        return;
    }
    if (offset > MT_MAX_SA || offset < -MT_MAX_SA) mtce_error(c, "jump too far");
    fs->code[pc] = (i & 0xff) | ((Instr)offset << 8);
}

void mtce_patch(C *c, int pc) { mtce_patch_to(c, pc, mtce_here(c)); }

void mtce_loop(C *c, int target) {
    int pc = mtce_emit(c, MAKE_A(OP_LOOP, 0));
    mtce_patch_to(c, pc, target);
}

void mtce_jl_add(C *c, JumpList *jl, int pc) {
    if (jl->count == jl->cap) {
        int cap = jl->cap ? jl->cap * 2 : 4;
        jl->pcs = mtce_tmp_realloc(c, jl->pcs, (size_t)cap * sizeof(int));
        jl->cap = cap;
    }
    jl->pcs[jl->count++] = pc;
}

void mtce_jl_patch(C *c, JumpList *jl) {
    for (int i = 0; i < jl->count; i++) mtce_patch(c, jl->pcs[i]);
    mtce_jl_free(c, jl);
}

void mtce_jl_free(C *c, JumpList *jl) {
    mtce_tmp_free(c, jl->pcs);
    jl->pcs = NULL;
    jl->count = jl->cap = 0;
}

/* {== Handler table ==} */

void mtce_add_handler(C *c, int start, int end, int target, int depth, HandlerKind k, int slot) {
    FnState *fs = c->fs;
    if (fs->nhandlers == fs->handlers_cap) {
        int cap = fs->handlers_cap ? fs->handlers_cap * 2 : 4;
        fs->handlers = mtmem_realloc(c->vm, fs->handlers, fs->handlers_cap * sizeof(Handler),
                                     cap * sizeof(Handler));
        fs->handlers_cap = cap;
    }
    if (fs->nhandlers >= 0xffff) mtce_error(c, "too many try blocks in one function");
    Handler *h = &fs->handlers[fs->nhandlers++];
    h->start = (uint32_t)start;
    h->end = (uint32_t)end;
    h->target = (uint32_t)target;
    h->depth = (uint16_t)depth;
    h->kind = (uint8_t)k;
    h->slot = (uint8_t)slot;
}

void mtce_add_region(C *c, int start, int end, RegionKind k, int slot) {
    FnState *fs = c->fs;
    if (start == end) return;
    if (fs->nregions == fs->regions_cap) {
        int cap = fs->regions_cap ? fs->regions_cap * 2 : 4;
        fs->regions = mtmem_realloc(c->vm, fs->regions, fs->regions_cap * sizeof(Region),
                                    cap * sizeof(Region));
        fs->regions_cap = cap;
    }
    if (fs->nregions >= 0xffff) mtce_error(c, "too many try blocks in one function");
    Region *r = &fs->regions[fs->nregions++];
    r->start = (uint32_t)start;
    r->end = (uint32_t)end;
    r->kind = (uint8_t)k;
    r->slot = (uint8_t)slot;
}

/* {== Functions ==} */

void mtce_fn_begin(C *c, FnState *fs, FnKind kind, String *name) {
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
    fs->genexpr = false;
    fs->doc_pending = false;
    fs->last_op_pc = -1;
    fs->barrier = 0;
    fs->max_floor = 0;
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
    l->ownable = false;
    l->start_pc = 0;
    fs->stack = fs->maxstack = 1;
}

/* Moves a growable buffer (*buf, cap bytes) into an exact-size block for the proto. The
   new block is allocated before the old one is freed, and *buf is cleared in the same
   step, so a MemoryError at any point leaves each block owned exactly once: by the
   FnState (freed by mtce_fn_free) or by the proto (freed by the collector). */
static void *take_exact(C *c, void *buf_ptr, size_t used, size_t cap) {
    void **buf = buf_ptr;
    void *q = used ? mtmem_alloc(c->vm, used) : NULL;
    if (used) memcpy(q, *buf, used);
    mtmem_free(c->vm, *buf, cap);
    *buf = NULL;
    return q;
}

Proto *mtce_fn_end(C *c) {
    FnState *fs = c->fs;
    Proto *p = fs->proto;
    VM *vm = c->vm;
    /* Counts first: the proto frees its arrays by them, whichever arrays it got. */
    p->ncode = (uint32_t)fs->ncode;
    p->nconsts = (uint32_t)fs->nconsts;
    p->nhandlers = (uint16_t)fs->nhandlers;
    p->nregions = (uint16_t)fs->nregions;
    p->ncaches = (uint32_t)fs->ncaches;
    p->nupvals = (uint8_t)fs->nupvals;
    p->code = take_exact(c, &fs->code, fs->ncode * sizeof(Instr), fs->code_cap * sizeof(Instr));
    p->lines =
        take_exact(c, &fs->lines, fs->ncode * sizeof(int32_t), fs->lines_cap * sizeof(int32_t));
    p->consts =
        take_exact(c, &fs->consts, fs->nconsts * sizeof(Value), fs->consts_cap * sizeof(Value));
    p->handlers = take_exact(c, &fs->handlers, fs->nhandlers * sizeof(Handler),
                             fs->handlers_cap * sizeof(Handler));
    p->regions = take_exact(c, &fs->regions, fs->nregions * sizeof(Region),
                            fs->regions_cap * sizeof(Region));
    p->caches = take_exact(c, &fs->caches, fs->ncaches * sizeof(AttrCache),
                           fs->caches_cap * sizeof(AttrCache));
    if (fs->nupvals) {
        p->upvals = mtmem_alloc(vm, fs->nupvals * sizeof(UpvalDesc));
        memcpy(p->upvals, fs->upvals, fs->nupvals * sizeof(UpvalDesc));
    }
    p->maxstack = (uint16_t)fs->maxstack; /* exact: every push is accounted for */
    p->call_argc = (p->pflags & PROTO_METHOD) ? MT_NO_ARGC : p->nparams;
    c->fs = fs->enclosing;
    return p;
}

/* Frees the buffers of a function abandoned by a compile error. */
void mtce_fn_free(C *c, FnState *fs) {
    mtmem_free(c->vm, fs->code, fs->code_cap * sizeof(Instr));
    mtmem_free(c->vm, fs->lines, fs->lines_cap * sizeof(int32_t));
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

String *mtce_name(C *c, const Token *t) { return mto_intern(c->vm, t->start, t->len); }
