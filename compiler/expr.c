/*
** expr.c — expressions: a Pratt parser that emits code as it goes.
**
** Each token may have a prefix rule (it starts an expression) and an infix rule (it
** continues one) with a binding precedence. Assignment is a statement in Mt, so only the
** expression of an expression statement is parsed with `can_assign`.
*/
#include <stdio.h>
#include <stdlib.h>

#include "compiler/compiler_int.h"
#include "vm/state.h"
#include "vm/object.h"
#include "vm/gc.h"

typedef void (*ParseFn)(C *c, bool can_assign);
typedef struct {
    ParseFn prefix, infix;
    Precedence prec;
} Rule;

static const Rule *rule_of(TokenType t);
static bool starts_expression(TokenType t);
static void emit_list_chunk(C *c, int n, bool built);
static bool fusable(C *c, int pc);
static void unemit(C *c, int n);
static int loaded_local(C *c, int back, uint32_t max);
static int loaded_constant(C *c);

/* {== Tokens ==} */

static Token lex(C *c) {
    Token t = mtl_next(&c->lex);
    if (t.type == TOK_ERROR) {
        if (c->lex.incomplete) c->incomplete = true;
        mtce_error_at(c, &t, "%s", t.error);
    }
    return t;
}

void mtcx_advance(C *c) {
    c->prev = c->cur;
    if (c->has_next) {
        c->cur = c->next;
        c->has_next = false;
    } else {
        c->cur = lex(c);
    }
}

TokenType mtcx_peek(C *c) {
    if (!c->has_next) {
        c->next = lex(c);
        c->has_next = true;
    }
    return c->next.type;
}

bool mtcx_check(C *c, TokenType t) { return c->cur.type == t; }

bool mtcx_match(C *c, TokenType t) {
    if (c->cur.type != t) return false;
    mtcx_advance(c);
    return true;
}

static const char *describe(const Token *t) {
    switch (t->type) {
    case TOK_NAME: return "name";
    case TOK_INT:
    case TOK_FLOAT: return "number";
    case TOK_STRING:
    case TOK_FSTRING: return "string";
    case TOK_BYTES: return "bytes";
    default: return mtl_token_name(t->type);
    }
}

void mtcx_consume(C *c, TokenType t, const char *what) {
    if (c->cur.type == t) {
        mtcx_advance(c);
        return;
    }
    if (c->cur.type == TOK_INDENT) mtce_error_at(c, &c->cur, "unexpected indent");
    mtce_error_at(c, &c->cur, "expected %s, found %s", what, describe(&c->cur));
}

/* {== Variables ==} */

int mtcx_find_local(FnState *fs, String *name) {
    for (int i = fs->nlocals - 1; i >= 0; i--) {
        Local *l = &fs->locals[i];
        if (l->name == name && !l->hidden && l->depth >= 0) return i;
        if (l->name == name && l->hidden && name->chars[0] == '@') return i;
    }
    return -1;
}

static int add_upvalue(C *c, FnState *fs, int index, bool is_local, String *name) {
    for (int i = 0; i < fs->nupvals; i++)
        if (fs->upvals[i].index == index && fs->upvals[i].is_local == is_local) return i;
    if (fs->nupvals == MT_MAX_UPVALUES)
        mtce_error(c, "too many captured variables in one function");
    fs->upvals[fs->nupvals].is_local = is_local;
    fs->upvals[fs->nupvals].index = (uint8_t)index;
    fs->upval_names[fs->nupvals] = name;
    return fs->nupvals++;
}

int mtcx_resolve_upvalue(C *c, FnState *fs, String *name) {
    if (fs->enclosing == NULL) return -1;
    int local = mtcx_find_local(fs->enclosing, name);
    if (local >= 0) {
        fs->enclosing->locals[local].captured = true;
        return add_upvalue(c, fs, local, true, name);
    }
    int up = mtcx_resolve_upvalue(c, fs->enclosing, name);
    if (up >= 0) return add_upvalue(c, fs, up, false, name);
    return -1;
}

static uint32_t global_slot(C *c, String *name) { return mto_module_slot(c->vm, c->module, name); }

void mtcx_get_named(C *c, String *name, const Token *where) {
    MT_UNUSED(where);
    int i = mtcx_find_local(c->fs, name);
    if (i >= 0) {
        mtce_emit_op(c, OP_GET_LOCAL, (uint32_t)i);
        return;
    }
    i = mtcx_resolve_upvalue(c, c->fs, name);
    if (i >= 0) {
        mtce_emit_op(c, OP_GET_UPVAL, (uint32_t)i);
        return;
    }
    mtce_emit_op(c, OP_GET_GLOBAL, global_slot(c, name));
}

/* ADD_ASSIGN_LL may leave an owned int in `slot` (vm.c "Owned ints"): from now on every
   read of it copies through GET_OWNED_LOCAL (mtce_emit), and so do those emitted already. */
static void make_ownable(C *c, int slot) {
    FnState *fs = c->fs;
    Local *l = &fs->locals[slot];
    if (l->ownable) return;
    l->ownable = true;
    for (int pc = l->start_pc; pc < fs->ncode; pc++)
        if (fs->code[pc] == MAKE_A(OP_GET_LOCAL, slot) ||
            fs->code[pc] == MAKE_A(OP_MOVE_LOCAL, slot))
            fs->code[pc] = MAKE_A(OP_GET_OWNED_LOCAL, slot); /* a MOVE_LOCAL's SET then runs */
}

/* x = x + k / x += k -> INC_LOCAL; x = x + y -> ADD_ASSIGN_LL. */
static bool fuse_store(C *c, int slot) {
    FnState *fs = c->fs;
    int pc = fs->ncode - 1;
    if (pc < 0 || !fusable(c, pc) || slot > 0xff) return false;
    Instr i = fs->code[pc];
    OpCode op = INSTR_OP(i);
    if ((int)INSTR_A8(i) != slot) return false;
    if (op == OP_ADD_LK || op == OP_SUB_LK) {
        Value k = fs->consts[INSTR_B16(i)];
        if (!IS_SMALLINT(k)) return false;
        int64_t d = AS_SMALLINT(k) * (op == OP_ADD_LK ? 1 : -1);
        if (d < -32768 || d > 32767) return false;
        unemit(c, 1);
        mtce_emit_ab(c, OP_INC_LOCAL, (uint32_t)slot, (uint32_t)(d & 0xffff));
        return true;
    }
    if (op == OP_ADD_LL) {
        uint32_t other = INSTR_B16(i);
        unemit(c, 1);
        make_ownable(c, slot);
        mtce_emit_ab(c, OP_ADD_ASSIGN_LL, (uint32_t)slot, other);
        return true;
    }
    return false;
}

/* a op b; SET_LOCAL s -> op_SET_L s; a op b; SET_ATTR_L x c -> op_SET_ATTR_L x c, when op
   is the newest instruction and nothing jumps between (NOP: no such form). */
static bool fuse_result_store(C *c, OpCode set, uint32_t a, uint32_t b) {
    static const struct {
        OpCode op, local, attr;
    } forms[] = {{OP_ADD, OP_ADD_SET_L, OP_ADD_SET_ATTR_L},
                 {OP_SUB, OP_SUB_SET_L, OP_SUB_SET_ATTR_L},
                 {OP_MUL, OP_MUL_SET_L, OP_MUL_SET_ATTR_L},
                 {OP_DIV, OP_DIV_SET_L, OP_NOP}};
    FnState *fs = c->fs;
    int pc = fs->ncode - 1;
    if (pc < 0 || !fusable(c, pc)) return false;
    for (size_t f = 0; f < sizeof forms / sizeof forms[0]; f++) {
        if (fs->code[pc] != MAKE_A(forms[f].op, 0)) continue;
        OpCode to = set == OP_SET_LOCAL ? forms[f].local : forms[f].attr;
        if (to == OP_NOP) return false;
        fs->code[pc] = set == OP_SET_LOCAL ? MAKE_A(to, a) : MAKE_AB(to, a, b);
        mtce_adjust(c, -1); /* the store's pop */
        return true;
    }
    return false;
}

void mtcx_set_named(C *c, String *name, const Token *where) {
    MT_UNUSED(where);
    int i = mtcx_find_local(c->fs, name);
    if (i >= 0) {
        if (!fuse_store(c, i) && !fuse_result_store(c, OP_SET_LOCAL, (uint32_t)i, 0))
            mtce_emit_op(c, OP_SET_LOCAL, (uint32_t)i);
        return;
    }
    i = mtcx_resolve_upvalue(c, c->fs, name);
    if (i >= 0) {
        mtce_emit_op(c, OP_SET_UPVAL, (uint32_t)i);
        return;
    }
    mtce_emit_op(c, OP_SET_GLOBAL, global_slot(c, name));
}

/* {== Peephole fusion ==} */

/* The instruction at `pc`, if it is the newest and nothing jumps between it and here. */
static bool fusable(C *c, int pc) { return pc >= 0 && pc >= c->fs->barrier && pc < c->fs->ncode; }

/* Folds operand loads into the operator: GET_LOCAL a; INT/CONST k; op -> op_LK a k;
   ...; INT/CONST k; op -> op_K k; GET_LOCAL a; GET_LOCAL b; op -> op_LL a b;
   ...; GET_LOCAL b; op -> op_L b (NOP: no such form). */
static bool fuse_binary(C *c, OpCode op) {
    static const struct {
        OpCode op, lk, ll, l, k;
    } forms[] = {{OP_ADD, OP_ADD_LK, OP_ADD_LL, OP_ADD_L, OP_ADD_K},
                 {OP_SUB, OP_SUB_LK, OP_SUB_LL, OP_SUB_L, OP_SUB_K},
                 {OP_MUL, OP_MUL_LK, OP_MUL_LL, OP_MUL_L, OP_MUL_K},
                 {OP_DIV, OP_NOP, OP_NOP, OP_DIV_L, OP_DIV_K},
                 {OP_IDIV, OP_NOP, OP_NOP, OP_NOP, OP_IDIV_K},
                 {OP_MOD, OP_NOP, OP_NOP, OP_NOP, OP_MOD_K},
                 {OP_POW, OP_NOP, OP_NOP, OP_NOP, OP_POW_K}};
    FnState *fs = c->fs;
    int n = fs->ncode;
    for (size_t f = 0; f < sizeof forms / sizeof forms[0]; f++) {
        if (forms[f].op != op) continue;
        if (n < 1 || !fusable(c, n - 1)) return false;
        Instr b = fs->code[n - 1];
        int a = n >= 2 && fusable(c, n - 2) ? loaded_local(c, 2, 0xff) : -1;
        int k = loaded_constant(c);
        if (k >= 0) {
            if (a >= 0 && forms[f].lk != OP_NOP && k <= 0xffff) {
                unemit(c, 2);
                mtce_emit_ab(c, forms[f].lk, (uint32_t)a, (uint32_t)k);
            } else {
                unemit(c, 1);
                mtce_emit_op(c, forms[f].k, (uint32_t)k);
            }
            return true;
        }
        if (!mtce_is_get_local(b)) return false;
        if (a >= 0 && forms[f].ll != OP_NOP && INSTR_A(b) <= 0xffff) {
            unemit(c, 2);
            mtce_emit_ab(c, forms[f].ll, (uint32_t)a, INSTR_A(b));
            return true;
        }
        if (forms[f].l == OP_NOP) return false;
        unemit(c, 1);
        mtce_emit_op(c, forms[f].l, INSTR_A(b));
        return true;
    }
    return false;
}

/* The constant index of the newest instruction if it is a fusable INT or CONST, else -1
   (an INT gets a constant of its own). */
static int loaded_constant(C *c) {
    FnState *fs = c->fs;
    int pc = fs->ncode - 1;
    if (pc < 0 || !fusable(c, pc)) return -1;
    Instr i = fs->code[pc];
    if (INSTR_OP(i) == OP_INT) return mtce_const(c, SMALLINT_VAL(INSTR_SA(i)));
    return INSTR_OP(i) == OP_CONST ? (int)INSTR_A(i) : -1;
}

static void emit_binary(C *c, OpCode op) {
    if (!fuse_binary(c, op)) mtce_emit(c, MAKE_A(op, 0));
}

/* {== Literals ==} */

static void emit_constant(C *c, Value v) { mtce_emit_op(c, OP_CONST, (uint32_t)mtce_const(c, v)); }

static void emit_int(C *c, int64_t i) {
    if (i >= -MT_MAX_SA && i <= MT_MAX_SA) mtce_emit(c, MAKE_A(OP_INT, (uint32_t)i & 0xffffff));
    else emit_constant(c, mto_int(c->vm, i));
}

static void number(C *c, bool can_assign) {
    MT_UNUSED(can_assign);
    if (c->prev.type == TOK_INT) emit_int(c, c->prev.as.i);
    else emit_constant(c, DOUBLE_VAL(c->prev.as.d));
}

static void literal(C *c, bool can_assign) {
    MT_UNUSED(can_assign);
    switch (c->prev.type) {
    case TOK_TRUE: mtce_emit(c, OP_TRUE); break;
    case TOK_FALSE: mtce_emit(c, OP_FALSE); break;
    default: mtce_emit(c, OP_NIL); break;
    }
}

/* Growable byte buffer for decoding string literals (compiler-tracked memory). */
typedef struct {
    C *c;
    char *p;
    size_t n, cap;
} Buf;

static void buf_put(Buf *b, const char *s, size_t n) {
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        while (cap < b->n + n + 1) cap *= 2;
        b->p = mtce_tmp_realloc(b->c, b->p, cap);
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
}

static void buf_put_cp(C *c, Buf *b, uint32_t cp, const Token *t) {
    char out[4];
    size_t n;
    if (cp >= 0xD800 && cp <= 0xDFFF) mtce_error_at(c, t, "invalid escape: surrogate code point");
    if (cp > 0x10FFFF) mtce_error_at(c, t, "invalid escape: code point out of range");
    if (cp < 0x80) {
        out[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        out[0] = (char)(0xF0 | (cp >> 18));
        out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    buf_put(b, out, n);
}

static int hexval(char ch) {
    if (ch >= '0' && ch <= '9') return ch - '0';
    ch = (char)(ch | 0x20);
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    return -1;
}

/* The byte a one-character escape (the character after the backslash) stands for, or -1:
   these mean the same in str and bytes literals. */
static int simple_escape(char e) {
    switch (e) {
    case 'n': return '\n';
    case 't': return '\t';
    case 'r': return '\r';
    case '0': return '\0';
    case 'a': return '\a';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'v': return '\v';
    case 'e': return 0x1b;
    case '\\':
    case '\'':
    case '"':
    case '{':
    case '}': return e;
    default: return -1;
    }
}

/* Decodes one escape sequence at p (just after the backslash); returns the new position. */
static const char *escape(C *c, Buf *b, const char *p, const char *end, const Token *t) {
    char e = *p++;
    int simple = simple_escape(e);
    if (simple >= 0) {
        char byte = (char)simple;
        buf_put(b, &byte, 1);
        return p;
    }
    switch (e) {
    case '\n': return p; /* line continuation inside a string */
    case 'x':
    case 'u':
    case 'U': {
        uint32_t cp = 0;
        if (e == 'u' && p < end && *p == '{') {
            p++;
            int digits = 0;
            while (p < end && *p != '}') {
                int h = hexval(*p++);
                if (h < 0 || ++digits > 6) mtce_error_at(c, t, "invalid \\u{...} escape");
                cp = cp * 16 + (uint32_t)h;
            }
            if (p >= end || digits == 0) mtce_error_at(c, t, "invalid \\u{...} escape");
            p++;
        } else {
            int want = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            for (int i = 0; i < want; i++) {
                int h = p < end ? hexval(*p) : -1;
                if (h < 0) mtce_error_at(c, t, "invalid \\%c escape: needs %d hex digits", e, want);
                cp = cp * 16 + (uint32_t)h;
                p++;
            }
        }
        buf_put_cp(c, b, cp, t);
        return p;
    }
    default: mtce_error_at(c, t, "invalid escape sequence '\\%c'", e);
    }
    return p;
}

/* The body of a string token: skips the prefix (r, f, b, rb, br) and quotes. */
static void string_body(const Token *t, const char **body, const char **end, bool *raw) {
    const char *p = t->start;
    *raw = false;
    for (; *p != '"' && *p != '\''; p++)
        if (*p == 'r' || *p == 'R') *raw = true;
    char q = *p;
    bool triple = (size_t)(t->start + t->len - p) >= 6 && p[1] == q && p[2] == q;
    int ql = triple ? 3 : 1;
    *body = p + ql;
    *end = t->start + t->len - ql;
}

static void string_lit(C *c, bool can_assign) {
    MT_UNUSED(can_assign);
    Token t = c->prev;
    Buf b = {c, NULL, 0, 0};
    /* Adjacent literals concatenate: "a" "b" is "ab". */
    for (;;) {
        const char *p, *end;
        bool raw;
        string_body(&t, &p, &end, &raw);
        while (p < end) {
            if (*p == '\\' && !raw) p = escape(c, &b, p + 1, end, &t);
            else buf_put(&b, p++, 1);
        }
        if (mtcx_check(c, TOK_BYTES))
            mtce_error_at(c, &c->cur, "cannot mix str and bytes literals");
        if (!mtcx_check(c, TOK_STRING)) break;
        mtcx_advance(c);
        t = c->prev;
    }
    String *s = mto_intern(c->vm, b.p ? b.p : "", b.n);
    mtce_tmp_free(c, b.p);
    emit_constant(c, OBJ_VAL(s));
}

/* One escape of a bytes literal at p (just after the backslash): \xHH is the byte HH;
   escapes of code points make no sense for bytes and are errors. */
static const char *bytes_escape(C *c, Buf *b, const char *p, const char *end, const Token *t) {
    char e = *p++;
    int simple = simple_escape(e);
    if (simple >= 0) {
        char byte = (char)simple;
        buf_put(b, &byte, 1);
        return p;
    }
    if (e == '\n') return p; /* line continuation */
    if (e == 'u' || e == 'U')
        mtce_error_at(c, t, "invalid escape '\\%c' in a bytes literal (write bytes as \\xHH)", e);
    if (e != 'x') mtce_error_at(c, t, "invalid escape sequence '\\%c'", e);
    int hi = p < end ? hexval(p[0]) : -1, lo = p + 1 < end ? hexval(p[1]) : -1;
    if (hi < 0 || lo < 0) mtce_error_at(c, t, "invalid \\x escape: needs 2 hex digits");
    char byte = (char)(hi * 16 + lo);
    buf_put(b, &byte, 1);
    return p + 2;
}

/* Appends the bytes of one bytes literal token to b. Only ASCII may be written as itself:
   which bytes a non-ASCII character would stand for is a question of encoding. */
static void bytes_token(C *c, Buf *b, const Token *t) {
    const char *p, *end;
    bool raw;
    string_body(t, &p, &end, &raw);
    while (p < end) {
        if ((unsigned char)*p >= 0x80)
            mtce_error_at(c, t,
                          "a bytes literal may hold only ASCII characters (write other bytes "
                          "as \\xHH)");
        if (*p == '\\' && !raw) p = bytes_escape(c, b, p + 1, end, t);
        else buf_put(b, p++, 1);
    }
}

/* b"..." (adjacent bytes literals concatenate): a constant. */
static void bytes_lit(C *c, bool can_assign) {
    MT_UNUSED(can_assign);
    Buf b = {c, NULL, 0, 0};
    for (;;) {
        bytes_token(c, &b, &c->prev);
        if (mtcx_check(c, TOK_STRING))
            mtce_error_at(c, &c->cur, "cannot mix str and bytes literals");
        if (!mtcx_check(c, TOK_BYTES)) break;
        mtcx_advance(c);
    }
    Bytes *bytes = mto_bytes(c->vm, b.p, b.n);
    mtce_tmp_free(c, b.p);
    mtgc_push_temp(c->vm, OBJ_VAL(bytes));
    emit_constant(c, OBJ_VAL(bytes));
    mtgc_pop_temp(c->vm, 1);
}

/* A place inside an f-string token, with its source line and column. */
typedef struct {
    const char *p;
    int line, col;
} SrcPos;

/* Moves `pos` forward to `to`, counting lines and code points on the way: the fields of one
   f-string are reached in order, so finding all of their positions costs linear time. */
static void advance_pos(SrcPos *pos, const char *to) {
    for (; pos->p < to; pos->p++) {
        if (*pos->p == '\n') {
            pos->line++;
            pos->col = 1;
        } else if (((unsigned char)*pos->p & 0xC0) != 0x80) {
            pos->col++;
        }
    }
}

/* Compiles the expression text [at->p, end) from inside an f-string's braces. */
static void sub_expression(C *c, const SrcPos *at, const char *end, const Token *t) {
    Lexer saved_lex = c->lex;
    Token saved_cur = c->cur, saved_prev = c->prev, saved_next = c->next;
    bool saved_has_next = c->has_next;
    mtl_init_expr(&c->lex, at->p, (size_t)(end - at->p), at->line, at->col);
    c->has_next = false;
    mtcx_advance(c);
    if (mtcx_check(c, TOK_EOF)) mtce_error_at(c, t, "empty expression in f-string");
    mtcx_expression(c);
    if (!mtcx_check(c, TOK_EOF))
        mtce_error_at(c, &c->cur, "unexpected %s in f-string expression", describe(&c->cur));
    c->lex = saved_lex;
    c->cur = saved_cur;
    c->prev = saved_prev;
    c->next = saved_next;
    c->has_next = saved_has_next;
}

/* TO_STR / TO_REPR may call a user method, which takes one more stack slot for a moment. */
static void emit_to_text(C *c, OpCode op) {
    mtce_emit(c, op);
    mtce_adjust(c, 1);
    mtce_adjust(c, -1);
}

/* The texts an f-string joins, on the stack by level: level 0 holds the literal and field
   texts, and every MT_BUILD_CHUNK texts of one level are joined into one of the next. Short
   f-strings have level 0 only (one BUILD_STRING, as before); long ones need a bounded stack
   and copy each character once per level. */
typedef struct {
    int count[4];
} Pieces;

static void emit_build_string(C *c, int n) {
    mtce_emit_op(c, OP_BUILD_STRING, (uint32_t)n);
    mtce_adjust(c, 1 - n);
}

/* Counts one more text pushed on the stack, joining full chunks. */
static void add_piece(C *c, Pieces *ps) {
    for (int level = 0; ++ps->count[level] == MT_BUILD_CHUNK && level < 3; level++) {
        emit_build_string(c, MT_BUILD_CHUNK);
        ps->count[level] = 0;
    }
}

static void flush_literal(C *c, Buf *b, Pieces *ps) {
    if (b->n == 0) return;
    emit_constant(c, OBJ_VAL(mto_intern(c->vm, b->p, b->n)));
    b->n = 0;
    add_piece(c, ps);
}

static const char *field_end(C *c, const char *p, const char *end, const char **colon,
                             const char **bang, const Token *t) {
    int depth = 0;
    char q = 0;
    *colon = *bang = NULL;
    for (; p < end; p++) {
        char ch = *p;
        if (q) {
            if (ch == '\\') p++;
            else if (ch == q) q = 0;
            continue;
        }
        if (ch == '\'' || ch == '"') q = ch;
        else if (ch == '(' || ch == '[' || ch == '{') depth++;
        else if ((ch == ')' || ch == ']') && depth > 0) depth--;
        else if (ch == '}') {
            if (depth == 0) return p;
            depth--;
        } else if (depth == 0 && !*colon && ch == '!' && p + 1 < end && p[1] != '=') {
            if (!*bang) *bang = p;
        } else if (depth == 0 && ch == ':' && !*colon) {
            *colon = p;
        }
    }
    mtce_error_at(c, t, "f-string: missing '}'");
    return end;
}

/* Compiles the replacement field starting at the '{' at p; returns the position after its
   '}'. The field's text goes on the stack. */
static const char *fstring_field(C *c, const char *p, const char *end, SrcPos *pos,
                                 const Token *t) {
    const char *colon, *bang;
    const char *close = field_end(c, p + 1, end, &colon, &bang, t);
    const char *expr_end = bang ? bang : colon ? colon : close;
    advance_pos(pos, p + 1);
    sub_expression(c, pos, expr_end, t);
    if (bang) {
        char conv = bang + 1 < close ? bang[1] : 0;
        if (conv == 'r') emit_to_text(c, OP_TO_REPR);
        else if (conv != 's') mtce_error_at(c, t, "f-string: conversion must be !r or !s");
    }
    if (colon) {
        String *spec = mto_intern(c->vm, colon + 1, (size_t)(close - colon - 1));
        emit_constant(c, OBJ_VAL(spec));
        mtce_emit(c, OP_FORMAT);
    } else if (!bang || bang[1] != 'r') {
        emit_to_text(c, OP_TO_STR);
    }
    return close + 1;
}

static void fstring(C *c, bool can_assign) {
    MT_UNUSED(can_assign);
    Token t = c->prev;
    const char *p, *end;
    bool raw;
    string_body(&t, &p, &end, &raw);
    Buf b = {c, NULL, 0, 0};
    Pieces ps = {{0}};
    SrcPos pos = {t.start, t.line, t.col};
    while (p < end) {
        char ch = *p;
        if (ch == '{' && p + 1 < end && p[1] == '{') {
            buf_put(&b, "{", 1);
            p += 2;
        } else if (ch == '}') {
            if (p + 1 < end && p[1] == '}') p++;
            else mtce_error_at(c, &t, "f-string: single '}' is not allowed (write '}}')");
            buf_put(&b, "}", 1);
            p++;
        } else if (ch == '{') {
            flush_literal(c, &b, &ps);
            p = fstring_field(c, p, end, &pos, &t);
            add_piece(c, &ps);
        } else if (ch == '\\' && !raw) {
            p = escape(c, &b, p + 1, end, &t);
        } else {
            buf_put(&b, p++, 1);
        }
    }
    flush_literal(c, &b, &ps);
    mtce_tmp_free(c, b.p);
    int pieces = ps.count[0] + ps.count[1] + ps.count[2] + ps.count[3];
    if (pieces == 0) emit_constant(c, OBJ_VAL(mto_intern(c->vm, "", 0)));
    if (pieces > 1) emit_build_string(c, pieces);
}

/* {== Grouping and containers ==} */

/* The rest of a tuple display whose first `n` items are on the stack and whose next token
   is a comma: more items until one cannot start (a trailing comma is allowed). Long
   displays go through a list in chunks, so the stack stays bounded (as for lists). */
void mtcx_tuple_tail(C *c, int n) {
    bool built = false;
    while (mtcx_match(c, TOK_COMMA)) {
        if (!starts_expression(c->cur.type)) break;
        mtcx_expression(c);
        if (++n == MT_BUILD_CHUNK) {
            emit_list_chunk(c, n, built);
            n = 0;
            built = true;
        }
    }
    if (built) {
        if (n > 0) emit_list_chunk(c, n, true);
        mtce_emit(c, OP_LIST_TO_TUPLE);
        return;
    }
    mtce_emit_op(c, OP_TUPLE, (uint32_t)n);
    mtce_adjust(c, 1 - n);
}

/* (x) groups; (), (x,) and (x, y) are tuples; (yield v) is a yield. */
static void grouping(C *c, bool can_assign) {
    MT_UNUSED(can_assign);
    if (mtcx_match(c, TOK_RPAREN)) {
        mtce_emit_op(c, OP_TUPLE, 0);
        mtce_adjust(c, 1);
        return;
    }
    ParsePos at;
    CodeMark mark;
    mtcc_save(c, &at, &mark);
    if (mtcx_check(c, TOK_YIELD)) {
        mtcx_yield(c);
        if (mtcx_check(c, TOK_FOR))
            mtce_error_at(c, &at.cur,
                          "'yield' inside a generator expression (it runs in a coroutine of its "
                          "own)");
    } else {
        mtcx_expression(c);
        if (mtcx_check(c, TOK_COMMA)) {
            mtcx_tuple_tail(c, 1);
            if (mtcx_check(c, TOK_FOR))
                mtce_error_at(c, &c->cur,
                              "a tuple as a generator's item needs its own parentheses");
        }
    }
    if (mtcx_check(c, TOK_FOR)) mtcc_comprehension(c, COMP_GEN, &at, &mark);
    mtcx_consume(c, TOK_RPAREN, "')'");
}

/* Turns the `n` items on the stack into the list (LIST), or appends them to the list below
   them that earlier chunks of a long display made (LIST_APPEND). */
static void emit_list_chunk(C *c, int n, bool built) {
    mtce_emit_op(c, built ? OP_LIST_APPEND : OP_LIST, (uint32_t)n);
    mtce_adjust(c, built ? -n : 1 - n);
}

/* [a, b, ...]: items go to the stack and become the list in chunks of MT_BUILD_CHUNK, so a
   display of any length needs a bounded stack (SPEC 14). */
static void list_lit(C *c, bool can_assign) {
    MT_UNUSED(can_assign);
    int n = 0;          /* items on the stack, not yet in the list */
    bool built = false; /* the list exists below them */
    ParsePos at;
    CodeMark mark;
    mtcc_save(c, &at, &mark);
    while (!mtcx_check(c, TOK_RBRACKET)) {
        mtcx_expression(c);
        if (n == 0 && !built && mtcx_check(c, TOK_FOR)) {
            mtcc_comprehension(c, COMP_LIST, &at, &mark);
            mtcx_consume(c, TOK_RBRACKET, "']'");
            return;
        }
        if (++n == MT_BUILD_CHUNK) {
            emit_list_chunk(c, n, built);
            n = 0;
            built = true;
        }
        if (!mtcx_match(c, TOK_COMMA)) break;
    }
    mtcx_consume(c, TOK_RBRACKET, "']'");
    if (n > 0 || !built) emit_list_chunk(c, n, built);
}

/* As emit_list_chunk for `n` key/value pairs and a map. */
static void emit_map_chunk(C *c, int n, bool built) {
    mtce_emit_op(c, built ? OP_MAP_ADD : OP_MAP, (uint32_t)n);
    if (!built) mtce_adjust(c, 1); /* MAP keeps the new map on the stack while it fills it */
    mtce_adjust(c, -2 * n);
}

/* As emit_list_chunk for `n` members and a set. */
static void emit_set_chunk(C *c, int n, bool built) {
    mtce_emit_op(c, built ? OP_SET_ADD : OP_BUILD_SET, (uint32_t)n);
    if (!built) mtce_adjust(c, 1); /* BUILD_SET keeps the new set on the stack while it fills it */
    mtce_adjust(c, -n);
}

/* {a, b, ...} once its first member has been compiled: a set display (section 4.14). */
static void set_lit(C *c) {
    int n = 1;
    bool built = false;
    while (mtcx_match(c, TOK_COMMA) && !mtcx_check(c, TOK_RBRACE)) {
        mtcx_expression(c);
        if (++n == MT_BUILD_CHUNK) {
            emit_set_chunk(c, n, built);
            n = 0;
            built = true;
        }
    }
    mtcx_consume(c, TOK_RBRACE, "'}'");
    if (n > 0 || !built) emit_set_chunk(c, n, built);
}

/* {k: v, ...} is a map display and {a, b, ...} a set display: the token after the first
   item tells them apart; {} is the empty map. */
static void map_lit(C *c, bool can_assign) {
    MT_UNUSED(can_assign);
    int n = 0;
    bool built = false;
    ParsePos at;
    CodeMark mark;
    mtcc_save(c, &at, &mark);
    while (!mtcx_check(c, TOK_RBRACE)) {
        mtcx_expression(c);
        if (n == 0 && !built && (mtcx_check(c, TOK_COMMA) || mtcx_check(c, TOK_RBRACE))) {
            set_lit(c);
            return;
        }
        if (n == 0 && !built && mtcx_check(c, TOK_FOR)) {
            mtcc_comprehension(c, COMP_SET, &at, &mark);
            mtcx_consume(c, TOK_RBRACE, "'}'");
            return;
        }
        mtcx_consume(c, TOK_COLON, "':' after map key");
        mtcx_expression(c);
        if (n == 0 && !built && mtcx_check(c, TOK_FOR)) {
            mtcc_comprehension(c, COMP_MAP, &at, &mark);
            mtcx_consume(c, TOK_RBRACE, "'}'");
            return;
        }
        if (++n == MT_BUILD_CHUNK / 2) {
            emit_map_chunk(c, n, built);
            n = 0;
            built = true;
        }
        if (!mtcx_match(c, TOK_COMMA)) break;
    }
    mtcx_consume(c, TOK_RBRACE, "'}'");
    if (n > 0 || !built) emit_map_chunk(c, n, built);
}

/* {== Operators ==} */

static void unary(C *c, bool can_assign) {
    MT_UNUSED(can_assign);
    TokenType op = c->prev.type;
    if (op == TOK_NOT) {
        mtcx_expr_prec(c, PREC_NOT);
        mtce_emit(c, OP_NOT);
        return;
    }
    /* -x binds looser than **, so -2 ** 2 is -(2 ** 2). */
    if (op == TOK_MINUS && (mtcx_check(c, TOK_INT) || mtcx_check(c, TOK_FLOAT)) &&
        mtcx_peek(c) != TOK_STARSTAR) {
        mtcx_advance(c);
        if (c->prev.type == TOK_INT) emit_int(c, -c->prev.as.i);
        else emit_constant(c, DOUBLE_VAL(-c->prev.as.d));
        return;
    }
    mtcx_expr_prec(c, PREC_UNARY);
    mtce_emit(c, op == TOK_MINUS ? OP_NEG : op == TOK_PLUS ? OP_NOP : OP_BNOT);
}

static bool is_comparison(TokenType t) {
    return t == TOK_EQEQ || t == TOK_NE || t == TOK_LT || t == TOK_LE || t == TOK_GT ||
           t == TOK_GE || t == TOK_IN || (t == TOK_NOT);
}

static void binary(C *c, bool can_assign) {
    MT_UNUSED(can_assign);
    TokenType op = c->prev.type;
    const Rule *r = rule_of(op);
    if (op == TOK_STARSTAR) {
        mtcx_expr_prec(c, PREC_UNARY); /* right-associative, and 2 ** -1 works */
        emit_binary(c, OP_POW);
        return;
    }
    if (op == TOK_PLUS || op == TOK_MINUS || op == TOK_STAR || op == TOK_SLASH) {
        /* A constant left operand (`1.0 / x`, `2 * x`) goes into the instruction. */
        int k = loaded_constant(c);
        if (k >= 0) {
            unemit(c, 1);
            mtcx_expr_prec(c, (Precedence)(r->prec + 1));
            mtce_emit_op(c,
                         op == TOK_PLUS    ? OP_K_ADD
                         : op == TOK_MINUS ? OP_K_SUB
                         : op == TOK_STAR  ? OP_K_MUL
                                           : OP_K_DIV,
                         (uint32_t)k);
            return;
        }
    }
    mtcx_expr_prec(c, (Precedence)(r->prec + 1));
    switch (op) {
    case TOK_PLUS: emit_binary(c, OP_ADD); break;
    case TOK_MINUS: emit_binary(c, OP_SUB); break;
    case TOK_STAR: emit_binary(c, OP_MUL); break;
    case TOK_SLASH: emit_binary(c, OP_DIV); break;
    case TOK_SLASHSLASH: emit_binary(c, OP_IDIV); break;
    case TOK_PERCENT: emit_binary(c, OP_MOD); break;
    case TOK_AMP: mtce_emit(c, OP_BAND); break;
    case TOK_PIPE: mtce_emit(c, OP_BOR); break;
    case TOK_CARET: mtce_emit(c, OP_BXOR); break;
    case TOK_SHL: mtce_emit(c, OP_SHL); break;
    case TOK_SHR: mtce_emit(c, OP_SHR); break;
    default: break;
    }
}

static void comparison(C *c, bool can_assign) {
    MT_UNUSED(can_assign);
    TokenType op = c->prev.type;
    Token where = c->prev;
    if (op == TOK_NOT) {
        if (!mtcx_match(c, TOK_IN)) mtce_error_at(c, &where, "expected 'in' after 'not'");
    }
    mtcx_expr_prec(c, PREC_COMPARISON + 1);
    switch (op) {
    case TOK_EQEQ: mtce_emit(c, OP_EQ); break;
    case TOK_NE: mtce_emit(c, OP_NE); break;
    case TOK_LT: mtce_emit(c, OP_LT); break;
    case TOK_LE: mtce_emit(c, OP_LE); break;
    case TOK_GT: mtce_emit(c, OP_GT); break;
    case TOK_GE: mtce_emit(c, OP_GE); break;
    case TOK_IN: mtce_emit(c, OP_IN); break;
    default: mtce_emit(c, OP_NOT_IN); break;
    }
    if (is_comparison(c->cur.type) && (c->cur.type != TOK_NOT || mtcx_peek(c) == TOK_IN))
        mtce_error_at(c, &c->cur, "comparisons cannot be chained (write a < b and b < c)");
}

static void and_(C *c, bool can_assign) {
    MT_UNUSED(can_assign);
    int j = mtce_jump(c, OP_JUMP_IF_FALSE_KEEP);
    mtce_adjust(c, -1);
    mtcx_expr_prec(c, PREC_AND + 1);
    mtce_patch(c, j);
}

static void or_(C *c, bool can_assign) {
    MT_UNUSED(can_assign);
    int j = mtce_jump(c, OP_JUMP_IF_TRUE_KEEP);
    mtce_adjust(c, -1);
    mtcx_expr_prec(c, PREC_OR + 1);
    mtce_patch(c, j);
}

/* {== Calls ==} */

static bool is_postfix(TokenType t) { return t == TOK_LPAREN || t == TOK_DOT || t == TOK_LBRACKET; }

/* Parses "(args)" after the callee; returns the argument count and, when some are passed by
   name, the constant index of the list of names (else -1). */
static int arguments(C *c, int *kwconst, int cache) {
    int argc = 0;
    List *names = NULL;
    *kwconst = -1;
    ParsePos start;
    CodeMark mark;
    mtcc_save(c, &start, &mark);
    while (!mtcx_check(c, TOK_RPAREN)) {
        if (mtcx_check(c, TOK_STAR) || mtcx_check(c, TOK_STARSTAR)) {
            /* A spread: compile the arguments again, into a list and a map. */
            mtcc_spread_arguments(c, &start, &mark, cache);
            return -1;
        }
        if (mtcx_check(c, TOK_NAME) && mtcx_peek(c) == TOK_EQ) {
            mtcx_advance(c);
            Token nt = c->prev;
            String *name = mtce_name(c, &nt);
            mtcx_advance(c); /* '=' */
            if (names == NULL) {
                names = mto_list(c->vm, 4);
                *kwconst = mtce_const(c, OBJ_VAL(names));
            }
            for (uint32_t i = 0; i < names->count; i++)
                if (AS_STRING(names->items[i]) == name)
                    mtce_error_at(c, &nt, "keyword argument '%s' given twice", name->chars);
            mto_list_push(c->vm, names, OBJ_VAL(name));
            mtcx_expression(c);
        } else {
            if (names) mtce_error_at(c, &c->cur, "positional argument after keyword argument");
            ParsePos at;
            CodeMark mark;
            mtcc_save(c, &at, &mark);
            mtcx_expression(c);
            if (mtcx_check(c, TOK_FOR)) {
                /* f(e for x in xs): a generator expression as the only argument. */
                if (argc > 0)
                    mtce_error_at(c, &c->cur,
                                  "a generator expression must be in parentheses unless it is "
                                  "the only argument");
                mtcc_comprehension(c, COMP_GEN, &at, &mark);
                if (!mtcx_check(c, TOK_RPAREN))
                    mtce_error_at(c, &c->cur,
                                  "a generator expression must be in parentheses unless it is "
                                  "the only argument");
            }
        }
        if (++argc > 255) mtce_error(c, "too many arguments (at most 255)");
        if (!mtcx_match(c, TOK_COMMA)) break;
    }
    mtcx_consume(c, TOK_RPAREN, "')' after arguments");
    return argc;
}

static void call(C *c, bool can_assign) {
    MT_UNUSED(can_assign);
    int kw;
    int argc = arguments(c, &kw, -1);
    bool spawn = c->spawn_pending == c->depth && !is_postfix(c->cur.type);
    if (spawn) c->spawn_pending = 0;
    if (argc < 0) {
        mtce_emit_ab(c, OP_CALL_SPREAD, spawn ? 1 : 0, 0);
        return;
    }
    if (kw >= 0) mtce_emit_ab(c, spawn ? OP_SPAWN_KW : OP_CALL_KW, (uint32_t)argc, (uint32_t)kw);
    else mtce_emit_op(c, spawn ? OP_SPAWN : OP_CALL, (uint32_t)argc);
    mtce_adjust(c, -argc);
}

static bool assignment_op(TokenType t) {
    return t == TOK_EQ || t == TOK_PLUSEQ || t == TOK_MINUSEQ || t == TOK_STAREQ ||
           t == TOK_SLASHEQ || t == TOK_SLASHSLASHEQ || t == TOK_PERCENTEQ || t == TOK_STARSTAREQ ||
           t == TOK_AMPEQ || t == TOK_PIPEEQ || t == TOK_CARETEQ || t == TOK_SHLEQ ||
           t == TOK_SHREQ;
}

static OpCode compound_op(TokenType t) {
    switch (t) {
    case TOK_PLUSEQ: return OP_ADD;
    case TOK_MINUSEQ: return OP_SUB;
    case TOK_STAREQ: return OP_MUL;
    case TOK_SLASHEQ: return OP_DIV;
    case TOK_SLASHSLASHEQ: return OP_IDIV;
    case TOK_PERCENTEQ: return OP_MOD;
    case TOK_AMPEQ: return OP_BAND;
    case TOK_PIPEEQ: return OP_BOR;
    case TOK_CARETEQ: return OP_BXOR;
    case TOK_SHLEQ: return OP_SHL;
    case TOK_SHREQ: return OP_SHR;
    default: return OP_POW;
    }
}

/* The local slot loaded by the instruction `back` places from the end (1 = newest), or -1
   if that is not a fusable GET_LOCAL of a slot that fits `max`. */
static int loaded_local(C *c, int back, uint32_t max) {
    FnState *fs = c->fs;
    int pc = fs->ncode - back;
    if (pc < 0 || !fusable(c, pc)) return -1;
    Instr i = fs->code[pc];
    if (!mtce_is_get_local(i) || INSTR_A(i) > max) return -1;
    return (int)INSTR_A(i);
}

/* Removes the newest `n` instructions (plain loads, one stack slot each). */
static void unemit(C *c, int n) { mtce_unemit(c, n, n); }

/* local[local] = v where v's last instruction loads an item or a local: that load becomes
   its MOVE_ form, which also does the SET_INDEX_LL emitted next when it can. Whatever path
   reaches the SET (a jump past the load) still runs it, so no barrier matters. */
static void fuse_move(C *c) {
    FnState *fs = c->fs;
    if (fs->ncode == 0) return;
    Instr *last = &fs->code[fs->ncode - 1];
    if (INSTR_OP(*last) == OP_GET_INDEX_LL)
        *last = MAKE_AB(OP_MOVE_INDEX_LL, INSTR_A8(*last), INSTR_B16(*last));
    else if (INSTR_OP(*last) == OP_GET_LOCAL) *last = MAKE_A(OP_MOVE_LOCAL, INSTR_A(*last));
}

/* `= v` or `op= v` after a target named by two operands (a local and a cache or a second
   local): the value, then one store; a compound assignment reads through `get` first. */
static void store_through_locals(C *c, OpCode get, OpCode set, uint32_t a, uint32_t b) {
    TokenType op = c->cur.type;
    mtcx_advance(c);
    if (op != TOK_EQ) mtce_emit_ab(c, get, a, b);
    mtcx_rhs(c);
    if (op != TOK_EQ) emit_binary(c, compound_op(op));
    if (set == OP_SET_INDEX_LL) fuse_move(c);
    if (set != OP_SET_ATTR_L || !fuse_result_store(c, set, a, b)) mtce_emit_ab(c, set, a, b);
    c->assigned = true;
}

/* A method call whose receiver and `argc` arguments are on the stack. */
static void emit_invoke(C *c, int cache, int argc, int kwconst) {
    if (kwconst >= 0) {
        mtce_emit_ab(c, OP_INVOKE_KW, (uint32_t)argc, (uint32_t)cache);
        mtce_emit_op(c, OP_EXTRA, (uint32_t)kwconst);
    } else {
        mtce_emit_ab(c, OP_INVOKE, (uint32_t)argc, (uint32_t)cache);
    }
    mtce_adjust(c, -argc);
}

static void dot(C *c, bool can_assign) {
    mtcx_consume(c, TOK_NAME, "attribute name after '.'");
    String *name = mtce_name(c, &c->prev);
    int cache = mtce_cache(c, name);
    int obj = cache <= 0xffff ? loaded_local(c, 1, 0xff) : -1;
    if (obj >= 0 && can_assign && assignment_op(c->cur.type)) {
        /* local.name = v: the value first, then one store through the local. */
        unemit(c, 1);
        store_through_locals(c, OP_GET_ATTR_L, OP_SET_ATTR_L, (uint32_t)obj, (uint32_t)cache);
        return;
    }
    if (obj >= 0 && !mtcx_check(c, TOK_LPAREN)) {
        unemit(c, 1);
        mtce_emit_ab(c, OP_GET_ATTR_L, (uint32_t)obj, (uint32_t)cache);
        return;
    }
    if (can_assign && assignment_op(c->cur.type)) {
        TokenType op = c->cur.type;
        mtcx_advance(c);
        if (op != TOK_EQ) {
            mtce_emit(c, OP_DUP);
            mtce_emit_op(c, OP_GET_ATTR, (uint32_t)cache);
            mtcx_rhs(c);
            emit_binary(c, compound_op(op));
        } else {
            mtcx_rhs(c);
        }
        mtce_emit_op(c, OP_SET_ATTR, (uint32_t)cache);
        c->assigned = true;
        return;
    }
    if (mtcx_check(c, TOK_LPAREN) && c->spawn_pending != c->depth) {
        mtcx_advance(c);
        int kw;
        int argc = arguments(c, &kw, cache);
        if (argc < 0) mtce_emit_ab(c, OP_CALL_SPREAD, 2, (uint32_t)cache);
        else emit_invoke(c, cache, argc, kw);
        return;
    }
    mtce_emit_op(c, OP_GET_ATTR, (uint32_t)cache);
}

/* The inside of [...] after the '[': an index (one value pushed, false) or a slice (lo, hi
   and, with `step` or when the slice has one, the step: true). */
static bool subscript_parts(C *c, bool step, bool *has_step) {
    *has_step = false;
    if (mtcx_check(c, TOK_COLON)) mtce_emit(c, OP_NIL);
    else {
        mtcx_expression(c);
        if (mtcx_check(c, TOK_COMMA)) {
            mtcx_tuple_tail(c, 1); /* m[x, y] is m[(x, y)] */
            mtcx_consume(c, TOK_RBRACKET, "']'");
            return false;
        }
    }
    if (!mtcx_match(c, TOK_COLON)) {
        mtcx_consume(c, TOK_RBRACKET, "']'");
        return false;
    }
    if (mtcx_check(c, TOK_RBRACKET) || mtcx_check(c, TOK_COLON)) mtce_emit(c, OP_NIL);
    else mtcx_expression(c);
    if (mtcx_match(c, TOK_COLON)) {
        *has_step = true;
        if (mtcx_check(c, TOK_RBRACKET)) mtce_emit(c, OP_NIL);
        else mtcx_expression(c);
    } else if (step) {
        mtce_emit(c, OP_NIL);
    }
    mtcx_consume(c, TOK_RBRACKET, "']'");
    return true;
}

static void subscript(C *c, bool can_assign) {
    bool has_step;
    if (subscript_parts(c, false, &has_step)) {
        if (can_assign && mtcx_check(c, TOK_EQ)) {
            /* xs[a:b] = v (the slice's step defaults to nil) */
            if (!has_step) mtce_emit(c, OP_NIL);
            mtcx_advance(c);
            mtcx_rhs(c);
            mtce_emit(c, OP_SET_SLICE);
            c->assigned = true;
            return;
        }
        mtce_emit(c, has_step ? OP_SLICE3 : OP_SLICE);
        return;
    }
    int obj = loaded_local(c, 2, 0xff), idx = loaded_local(c, 1, 0xffff);
    if (obj >= 0 && idx >= 0) {
        if (can_assign && assignment_op(c->cur.type)) {
            /* local[local] = v: the value first, then one store through the locals. */
            unemit(c, 2);
            store_through_locals(c, OP_GET_INDEX_LL, OP_SET_INDEX_LL, (uint32_t)obj, (uint32_t)idx);
            return;
        }
        unemit(c, 2);
        mtce_emit_ab(c, OP_GET_INDEX_LL, (uint32_t)obj, (uint32_t)idx);
        return;
    }
    if (obj >= 0 && !(can_assign && assignment_op(c->cur.type))) {
        Instr k = c->fs->code[c->fs->ncode - 1];
        if (INSTR_OP(k) == OP_INT || (INSTR_OP(k) == OP_CONST && INSTR_A(k) <= 0xffff)) {
            uint32_t kc = INSTR_OP(k) == OP_INT ? (uint32_t)mtce_const(c, SMALLINT_VAL(INSTR_SA(k)))
                                                : INSTR_A(k);
            if (kc <= 0xffff) {
                unemit(c, 2);
                mtce_emit_ab(c, OP_GET_INDEX_LK, (uint32_t)obj, kc);
                return;
            }
        }
    }
    if (can_assign && assignment_op(c->cur.type)) {
        TokenType op = c->cur.type;
        mtcx_advance(c);
        if (op != TOK_EQ) {
            mtce_emit(c, OP_DUP2);
            mtce_emit(c, OP_GET_INDEX);
            mtcx_rhs(c);
            emit_binary(c, compound_op(op));
        } else {
            mtcx_rhs(c);
        }
        mtce_emit(c, OP_SET_INDEX);
        c->assigned = true;
        return;
    }
    mtce_emit(c, OP_GET_INDEX);
}

/* {== select operations ==} */

/* The select case kind a method name stands for ('0' recv, '1' send, '3' readable,
   '4' writable: select.h's CASE_*), or 0. */
static char case_op(const Token *t) {
    static const struct {
        const char *name;
        char kind;
    } ops[] = {{"recv", '0'}, {"send", '1'}, {"readable", '3'}, {"writable", '4'}};
    if (t->type != TOK_NAME) return 0;
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (t->len == strlen(ops[i].name) && memcmp(t->start, ops[i].name, t->len) == 0)
            return ops[i].kind;
    return 0;
}

/* The last call of a case's channel expression is the case's operation: checks its
   arguments. */
static char finish_select_operation(C *c, const Token *op, int argc, int kwconst) {
    char kind = case_op(op);
    if (kind == '1') {
        if (argc != 1 || kwconst >= 0)
            mtce_error_at(c, op, "'send(value)' in a select case takes exactly one value");
        return kind;
    }
    if (argc != 0)
        mtce_error_at(c, op, "'%.*s()' in a select case takes no arguments", (int)op->len,
                      op->start);
    return kind;
}

/* The operation of a select case, CHANNEL.recv() or CHANNEL.send(VALUE): CHANNEL is a
   primary with any attribute, index and call suffixes, and only the LAST `.recv(...)` or
   `.send(...)` is the case's operation; an earlier one is an ordinary method call, so
   `cc.recv().send(2)` receives a channel from cc on entry and is a send case on it.
   Leaves the channel (and for send the value) on the stack; returns the case's kind. */
char mtcx_select_operation(C *c) {
    mtcx_expr_prec(c, PREC_PRIMARY);
    c->depth++; /* the suffixes below belong to one expression (see `call` and spawn) */
    for (;;) {
        if (mtcx_check(c, TOK_DOT) && mtcx_peek(c) == TOK_NAME && case_op(&c->next)) {
            mtcx_advance(c);
            Token op = c->cur;
            if (mtcx_peek(c) != TOK_LPAREN) {
                dot(c, false); /* a plain attribute named recv or send */
                continue;
            }
            mtcx_advance(c);
            mtcx_advance(c);
            int kw;
            int argc = arguments(c, &kw, -1);
            if (argc < 0)
                mtce_error_at(c, &op, "'*' and '**' arguments are not allowed in a select case");
            if (!is_postfix(c->cur.type)) {
                c->depth--;
                return finish_select_operation(c, &op, argc, kw);
            }
            emit_invoke(c, mtce_cache(c, mtce_name(c, &op)), argc, kw);
            continue;
        }
        if (!is_postfix(c->cur.type))
            mtce_error_at(c, &c->cur,
                          "expected '.recv()', '.send(value)', '.readable()' or '.writable()' in "
                          "a select case");
        mtcx_advance(c);
        rule_of(c->prev.type)->infix(c, false);
    }
}

/* {== Names, super, spawn, lambdas, ternary ==} */

void mtcx_named_variable(C *c, const Token *name, bool can_assign) {
    String *s = mtce_name(c, name);
    if (can_assign && assignment_op(c->cur.type)) {
        TokenType op = c->cur.type;
        mtcx_advance(c);
        if (op != TOK_EQ) {
            mtcx_get_named(c, s, name);
            mtcx_rhs(c);
            emit_binary(c, compound_op(op));
        } else {
            mtcx_rhs(c);
        }
        mtcx_set_named(c, s, name);
        c->assigned = true;
        return;
    }
    mtcx_get_named(c, s, name);
}

static void variable(C *c, bool can_assign) {
    Token t = c->prev;
    mtcx_named_variable(c, &t, can_assign);
}

static void super_(C *c, bool can_assign) {
    MT_UNUSED(can_assign);
    Token where = c->prev;
    FnState *m = c->fs;
    while (m && m->kind != FN_METHOD) m = m->enclosing;
    if (!m) mtce_error_at(c, &where, "'super' outside a method");
    if (!c->fs->has_super) mtce_error_at(c, &where, "'super' in a class without a base class");
    mtcx_consume(c, TOK_DOT, "'.' after 'super'");
    mtcx_consume(c, TOK_NAME, "method name after 'super.'");
    String *name = mtce_name(c, &c->prev);
    /* self: slot 0 of the enclosing method (captured if we are in a nested function). */
    if (m == c->fs) mtce_emit_op(c, OP_GET_LOCAL, 0);
    else mtcx_get_named(c, m->locals[0].name, &where);
    int cache = mtce_cache(c, name);
    if (mtcx_match(c, TOK_LPAREN)) {
        int kw;
        int argc = arguments(c, &kw, -1);
        if (argc < 0)
            mtce_error_at(c, &where, "'*' and '**' arguments in a super call are not supported");
        if (kw >= 0)
            mtce_error_at(c, &where, "keyword arguments in a super call are not supported");
        mtcx_get_named(c, mto_intern_z(c->vm, "@super"), &where);
        mtce_emit_ab(c, OP_SUPER_INVOKE, (uint32_t)argc, (uint32_t)cache);
        mtce_adjust(c, -argc - 1);
        return;
    }
    mtcx_get_named(c, mto_intern_z(c->vm, "@super"), &where);
    mtce_emit_op(c, OP_SUPER_GET, (uint32_t)cache);
}

static void spawn_(C *c, bool can_assign) {
    MT_UNUSED(can_assign);
    Token where = c->prev;
    int saved = c->spawn_pending;
    c->spawn_pending = c->depth + 1;
    mtcx_expr_prec(c, PREC_CALL);
    if (c->spawn_pending) mtce_error_at(c, &where, "'spawn' must be followed by a function call");
    c->spawn_pending = saved;
}

static void lambda(C *c, bool can_assign) {
    MT_UNUSED(can_assign);
    mtc_function(c, FN_LAMBDA, c->vm->names.lambda, true);
}

/* a if cond else b: the code for `a` was already emitted; move it after the test so that
   only the chosen branch is evaluated. */
static void ternary(C *c, int a_start) {
    FnState *fs = c->fs;
    int a_len = fs->ncode - a_start;
    Instr *saved = mtce_tmp_realloc(c, NULL, (size_t)(a_len + 1) * sizeof(Instr));
    int32_t *saved_lines = mtce_tmp_realloc(c, NULL, (size_t)(a_len + 1) * sizeof(int32_t));
    memcpy(saved, fs->code + a_start, (size_t)a_len * sizeof(Instr));
    memcpy(saved_lines, fs->lines + a_start, (size_t)a_len * sizeof(int32_t));
    /* The handlers of a comprehension in `a` move with its code. */
    int a_handlers = fs->nhandlers;
    while (a_handlers > 0 && fs->handlers[a_handlers - 1].start >= (uint32_t)a_start) a_handlers--;
    int a_handlers_end = fs->nhandlers;
    fs->ncode = a_start;
    fs->stack -= 1;
    int depth = fs->stack; /* the stack `a` starts from; its peak was counted already */
    fs->barrier = a_start;
    mtcx_expr_prec(c, PREC_OR);
    int to_else = mtce_jump(c, OP_JUMP_IF_FALSE);
    uint32_t moved = (uint32_t)(fs->ncode - a_start);
    for (int h = a_handlers; h < a_handlers_end; h++) {
        fs->handlers[h].start += moved;
        fs->handlers[h].end += moved;
        fs->handlers[h].target += moved;
    }
    for (int i = 0; i < a_len; i++) {
        mtce_emit(c, saved[i]);
        fs->lines[fs->ncode - 1] = saved_lines[i];
    }
    fs->stack = depth + 1;
    fs->barrier = fs->ncode;
    mtce_tmp_free(c, saved);
    mtce_tmp_free(c, saved_lines);
    int to_end = mtce_jump(c, OP_JUMP);
    mtce_patch(c, to_else);
    fs->stack -= 1;
    mtcx_consume(c, TOK_ELSE, "'else' in conditional expression");
    mtcx_expr_prec(c, PREC_TERNARY);
    mtce_patch(c, to_end);
}

/* {== The table ==} */

static const Rule rules[TOK__COUNT] = {
    [TOK_LPAREN] = {grouping, call, PREC_CALL},
    [TOK_LBRACKET] = {list_lit, subscript, PREC_CALL},
    [TOK_LBRACE] = {map_lit, NULL, PREC_NONE},
    [TOK_DOT] = {NULL, dot, PREC_CALL},
    [TOK_MINUS] = {unary, binary, PREC_TERM},
    [TOK_PLUS] = {unary, binary, PREC_TERM},
    [TOK_TILDE] = {unary, NULL, PREC_NONE},
    [TOK_STAR] = {NULL, binary, PREC_FACTOR},
    [TOK_SLASH] = {NULL, binary, PREC_FACTOR},
    [TOK_SLASHSLASH] = {NULL, binary, PREC_FACTOR},
    [TOK_PERCENT] = {NULL, binary, PREC_FACTOR},
    [TOK_STARSTAR] = {NULL, binary, PREC_POWER},
    [TOK_AMP] = {NULL, binary, PREC_BAND},
    [TOK_PIPE] = {NULL, binary, PREC_BOR},
    [TOK_CARET] = {NULL, binary, PREC_BXOR},
    [TOK_SHL] = {NULL, binary, PREC_SHIFT},
    [TOK_SHR] = {NULL, binary, PREC_SHIFT},
    [TOK_EQEQ] = {NULL, comparison, PREC_COMPARISON},
    [TOK_NE] = {NULL, comparison, PREC_COMPARISON},
    [TOK_LT] = {NULL, comparison, PREC_COMPARISON},
    [TOK_LE] = {NULL, comparison, PREC_COMPARISON},
    [TOK_GT] = {NULL, comparison, PREC_COMPARISON},
    [TOK_GE] = {NULL, comparison, PREC_COMPARISON},
    [TOK_IN] = {NULL, comparison, PREC_COMPARISON},
    [TOK_NOT] = {unary, comparison, PREC_COMPARISON},
    [TOK_AND] = {NULL, and_, PREC_AND},
    [TOK_OR] = {NULL, or_, PREC_OR},
    [TOK_IF] = {NULL, NULL, PREC_TERNARY},
    [TOK_NAME] = {variable, NULL, PREC_NONE},
    [TOK_INT] = {number, NULL, PREC_NONE},
    [TOK_FLOAT] = {number, NULL, PREC_NONE},
    [TOK_STRING] = {string_lit, NULL, PREC_NONE},
    [TOK_FSTRING] = {fstring, NULL, PREC_NONE},
    [TOK_BYTES] = {bytes_lit, NULL, PREC_NONE},
    [TOK_TRUE] = {literal, NULL, PREC_NONE},
    [TOK_FALSE] = {literal, NULL, PREC_NONE},
    [TOK_NIL] = {literal, NULL, PREC_NONE},
    [TOK_SUPER] = {super_, NULL, PREC_NONE},
    [TOK_SPAWN] = {spawn_, NULL, PREC_NONE},
    [TOK_FN] = {lambda, NULL, PREC_NONE},
};

static const Rule *rule_of(TokenType t) { return &rules[t]; }

void mtcx_expr_prec(C *c, Precedence prec) {
    if (++c->depth > MT_MAX_PARSE_DEPTH) mtce_error_at(c, &c->cur, "expression nested too deeply");
    int start = c->fs->ncode;
    mtcx_advance(c);
    ParseFn prefix = rule_of(c->prev.type)->prefix;
    if (prefix == NULL) {
        if (c->prev.type == TOK_YIELD)
            mtce_error_at(c, &c->prev,
                          "'yield' must be a statement, the right side of an "
                          "assignment, after return, or in parentheses");
        if (c->prev.type == TOK_EOF || c->prev.type == TOK_NEWLINE) {
            if (c->prev.type == TOK_EOF) c->incomplete = true;
            mtce_error_at(c, &c->prev, "expected an expression, found %s", describe(&c->prev));
        }
        mtce_error_at(c, &c->prev, "expected an expression, found %s", describe(&c->prev));
    }
    bool can_assign = prec <= PREC_ASSIGNMENT;
    prefix(c, can_assign);
    while (prec <= rule_of(c->cur.type)->prec) {
        /* `not` continues an expression only as `not in`. */
        if (c->cur.type == TOK_NOT && mtcx_peek(c) != TOK_IN) break;
        mtcx_advance(c);
        if (c->prev.type == TOK_IF) {
            ternary(c, start);
            continue;
        }
        rule_of(c->prev.type)->infix(c, can_assign);
    }
    if (can_assign && assignment_op(c->cur.type))
        mtce_error_at(c, &c->cur, "invalid assignment target");
    c->depth--;
}

void mtcx_expression(C *c) { mtcx_expr_prec(c, PREC_LAMBDA); }

/* True if the token can start an expression (so `yield` is not bare). */
static bool starts_expression(TokenType t) { return rules[t].prefix != NULL; }

void mtcx_yield(C *c) {
    if (c->fs->genexpr)
        mtce_error_at(c, &c->cur,
                      "'yield' inside a generator expression (it runs in a coroutine of its own)");
    mtcx_consume(c, TOK_YIELD, "'yield'");
    if (starts_expression(c->cur.type)) mtcx_expression(c);
    else mtce_emit(c, OP_NIL);
    mtce_emit(c, OP_YIELD);
}

void mtcx_rhs(C *c) {
    if (mtcx_check(c, TOK_YIELD)) {
        mtcx_yield(c);
        return;
    }
    mtcx_expression(c);
    if (mtcx_check(c, TOK_COMMA)) mtcx_tuple_tail(c, 1); /* x = 1, 2 and return a, b */
}

/* {== Target lists: unpacking assignment, let, for, with, del ==} */

/* Where the parser is, to come back to it: a target list is compiled after the value it
   receives (which follows it in the source), so the parser reads the source out of order:
   the targets are skipped, the value compiled, then the parser goes back to the targets
   and finally jumps to after the value. The lexer is a plain struct: a copy is a position. */
void mtcx_save_pos(C *c, ParsePos *p) {
    p->lex = c->lex;
    p->cur = c->cur;
    p->prev = c->prev;
    p->next = c->next;
    p->has_next = c->has_next;
}

void mtcx_restore_pos(C *c, const ParsePos *p) {
    c->lex = p->lex;
    c->cur = p->cur;
    c->prev = p->prev;
    c->next = p->next;
    c->has_next = p->has_next;
}

/* Reads tokens ahead from the current one without moving the parser. */
typedef struct {
    Lexer lex;
    Token pending[2];
    int npending, at;
} Scan;

static void scan_init(C *c, Scan *s) {
    s->lex = c->lex;
    s->pending[0] = c->cur;
    s->npending = 1;
    if (c->has_next) s->pending[s->npending++] = c->next;
    s->at = 0;
}

static Token scan_next(Scan *s) {
    if (s->at < s->npending) return s->pending[s->at++];
    return mtl_next(&s->lex);
}

static bool is_open(TokenType t) { return t == TOK_LPAREN || t == TOK_LBRACKET || t == TOK_LBRACE; }
static bool is_close(TokenType t) {
    return t == TOK_RPAREN || t == TOK_RBRACKET || t == TOK_RBRACE;
}
static bool ends_line(TokenType t) {
    return t == TOK_NEWLINE || t == TOK_EOF || t == TOK_ERROR || t == TOK_INDENT || t == TOK_DEDENT;
}

int mtcx_statement_form(C *c) {
    Scan s;
    scan_init(c, &s);
    int depth = 0;
    bool comma = false;       /* a comma at depth 0: a, b = v or a tuple */
    bool inner_comma = false; /* a comma inside the statement's first bracket */
    bool first_closed = false, whole = false;
    TokenType first = c->cur.type;
    for (;;) {
        Token t = scan_next(&s);
        if (whole) {
            /* [a, b] = v and (a, b) = v: the first bracket closed just before this token */
            whole = false;
            if (t.type == TOK_EQ && (first == TOK_LBRACKET || inner_comma)) return STMT_UNPACK;
        }
        if (ends_line(t.type) || (depth == 0 && t.type == TOK_SEMICOLON))
            return comma ? STMT_TUPLE : STMT_EXPR;
        if (is_open(t.type)) {
            depth++;
        } else if (is_close(t.type)) {
            if (--depth < 0) return STMT_EXPR;
            if (depth == 0 && is_open(first) && !first_closed) first_closed = whole = true;
        } else if (t.type == TOK_COMMA) {
            if (depth == 0) comma = true;
            else if (depth == 1 && !first_closed) inner_comma = true;
        } else if (depth == 0 && assignment_op(t.type)) {
            if (comma && t.type != TOK_EQ)
                mtce_error_at(c, &t, "%s needs a single target", mtl_token_name(t.type));
            return comma ? STMT_UNPACK : STMT_EXPR;
        }
    }
}

/* The shape of a target list, read ahead: its items up to `end` at bracket depth 0. */
typedef struct {
    int n;       /* targets */
    int star;    /* the starred one's index + 1, or 0 */
    bool nested; /* some target is itself a bracketed list */
    bool bare;   /* one target and no comma: [a, b] = v is that list's pattern, not (a, b),*/
    int names;   /* names anywhere in it (the variables a let declares) */
} Shape;

static void target_shape(C *c, TokenType end, Shape *sh) {
    Scan s;
    scan_init(c, &s);
    int depth = 0;
    bool item = false;
    sh->n = sh->star = sh->names = 0;
    sh->nested = false;
    bool comma = false;
    for (;;) {
        Token t = scan_next(&s);
        if (ends_line(t.type)) break;
        if (depth == 0 && t.type == end) break;
        if (t.type == TOK_NAME) sh->names++;
        if (depth == 0 && t.type == TOK_COMMA) {
            if (!item) mtce_error_at(c, &t, "invalid assignment target");
            comma = true;
            sh->n++;
            item = false;
            continue;
        }
        if (depth == 0 && t.type == TOK_STAR && !item) {
            if (sh->star) mtce_error_at(c, &t, "more than one starred target in a target list");
            sh->star = sh->n + 1;
            continue;
        }
        if (is_open(t.type)) {
            if (depth == 0 && !item) sh->nested = true;
            depth++;
        } else if (is_close(t.type) && --depth < 0) {
            break;
        }
        item = true;
    }
    if (item) sh->n++;
    sh->bare = sh->n == 1 && !comma && !sh->star;
    if (sh->n == 0) mtce_error_at(c, &c->cur, "invalid assignment target");
    if (sh->n > 255 || sh->star > 255)
        mtce_error_at(c, &c->cur, "too many targets in one target list (at most 255)");
}

/* Moves the parser to the `end` token at bracket depth 0 (its tokens were scanned). */
void mtcx_skip_to(C *c, TokenType end) {
    int depth = 0;
    while (!(depth == 0 && mtcx_check(c, end)) && !ends_line(c->cur.type)) {
        if (is_open(c->cur.type)) depth++;
        else if (is_close(c->cur.type)) depth--;
        mtcx_advance(c);
    }
}

static void emit_unpack(C *c, const Shape *sh, bool reversed) {
    if (sh->bare) return; /* the one target takes the value itself */
    mtce_emit_ab(c, OP_UNPACK, (uint32_t)sh->n,
                 (uint32_t)sh->star | (reversed ? UNPACK_REVERSED : 0));
    mtce_adjust(c, sh->n - 1);
}

/* The value(s) after '=' for a target list of shape sh: true if they are already on the
   stack one per target (`a, b = b, a` builds no tuple), in source order or, with
   `reversed`, the first on top; else one value (to unpack) is. */
static bool target_values(C *c, const Shape *sh, bool reversed) {
    if (mtcx_check(c, TOK_YIELD)) {
        mtcx_yield(c);
        return false;
    }
    mtcx_expression(c);
    if (!mtcx_check(c, TOK_COMMA)) return false;
    int m = 1;
    ParsePos at;
    while (mtcx_check(c, TOK_COMMA)) {
        mtcx_save_pos(c, &at);
        mtcx_advance(c);
        if (!starts_expression(c->cur.type) || m == sh->n) {
            mtcx_restore_pos(c, &at); /* a trailing comma, or more values than targets */
            break;
        }
        mtcx_expression(c);
        m++;
    }
    if (m == sh->n && !sh->star && !mtcx_check(c, TOK_COMMA)) {
        if (reversed && m > 1) mtce_emit_op(c, OP_REVERSE, (uint32_t)m);
        return true;
    }
    if (mtcx_check(c, TOK_COMMA)) mtcx_tuple_tail(c, m);
    else {
        mtce_emit_op(c, OP_TUPLE, (uint32_t)m);
        mtce_adjust(c, 1 - m);
    }
    return false;
}

typedef enum { T_ASSIGN, T_LET_GLOBAL, T_LET_LOCAL, T_DEL } TargetMode;

typedef struct {
    TargetMode mode;
    int next_slot; /* T_LET_LOCAL: the slot of the next name (reserved in order) */
} Targets;

/* Stores the value on top of the stack in a variable. */
static void store_name(C *c, Targets *t, const Token *tok) {
    String *name = mtce_name(c, tok);
    if (t->mode == T_LET_GLOBAL) {
        mtce_emit_op(c, OP_DEFINE_GLOBAL, mto_module_slot(c->vm, c->module, name));
        return;
    }
    if (t->mode == T_LET_LOCAL) {
        mtce_emit_op(c, OP_SET_LOCAL, (uint32_t)t->next_slot++);
        return;
    }
    int i = mtcx_find_local(c->fs, name);
    if (i >= 0) {
        mtce_emit_op(c, OP_SET_LOCAL, (uint32_t)i);
        return;
    }
    i = mtcx_resolve_upvalue(c, c->fs, name);
    if (i >= 0) mtce_emit_op(c, OP_SET_UPVAL, (uint32_t)i);
    else mtce_emit_op(c, OP_SET_GLOBAL, mto_module_slot(c->vm, c->module, name));
}

static void target_items(C *c, Targets *t, int n, TokenType end);

/* One target, receiving the value on top of the stack (T_DEL: none). A name, a bracketed
   target list, or (assignment and del) a primary ending in .name, [index] or [slice]. */
static void target(C *c, Targets *t) {
    if (t->mode != T_DEL && (mtcx_check(c, TOK_LPAREN) || mtcx_check(c, TOK_LBRACKET))) {
        TokenType close = mtcx_check(c, TOK_LPAREN) ? TOK_RPAREN : TOK_RBRACKET;
        mtcx_advance(c);
        Shape sh;
        target_shape(c, close, &sh);
        emit_unpack(c, &sh, true);
        target_items(c, t, sh.n, close);
        mtcx_consume(c, close, close == TOK_RPAREN ? "')'" : "']'");
        return;
    }
    if (!mtcx_check(c, TOK_NAME))
        mtce_error_at(c, &c->cur,
                      t->mode == T_DEL ? "invalid 'del' target" : "invalid assignment target");
    mtcx_advance(c);
    Token name = c->prev;
    if (!is_postfix(c->cur.type)) {
        if (t->mode == T_DEL)
            mtce_error_at(c, &name,
                          "cannot delete a variable: 'del' removes an item (del xs[i], "
                          "del m[k], del xs[a:b])");
        store_name(c, t, &name);
        return;
    }
    if (t->mode == T_LET_GLOBAL || t->mode == T_LET_LOCAL)
        mtce_error_at(c, &c->cur, "expected a variable name in a let target list");
    mtcx_get_named(c, mtce_name(c, &name), &name);
    for (;;) {
        if (mtcx_match(c, TOK_DOT)) {
            mtcx_consume(c, TOK_NAME, "attribute name after '.'");
            int cache = mtce_cache(c, mtce_name(c, &c->prev));
            if (!is_postfix(c->cur.type)) {
                if (t->mode == T_DEL)
                    mtce_error_at(c, &c->prev, "cannot delete an attribute: 'del' removes an item");
                mtce_emit_op(c, OP_ROT, 1);
                mtce_emit_op(c, OP_SET_ATTR, (uint32_t)cache);
                return;
            }
            if (mtcx_match(c, TOK_LPAREN)) {
                int kw;
                int argc = arguments(c, &kw, cache);
                if (argc < 0) mtce_emit_ab(c, OP_CALL_SPREAD, 2, (uint32_t)cache);
                else emit_invoke(c, cache, argc, kw);
            } else {
                mtce_emit_op(c, OP_GET_ATTR, (uint32_t)cache);
            }
        } else if (mtcx_match(c, TOK_LBRACKET)) {
            bool has_step;
            bool slice = subscript_parts(c, false, &has_step);
            if (!is_postfix(c->cur.type)) {
                if (slice && !has_step) mtce_emit(c, OP_NIL); /* the step */
                if (t->mode == T_DEL) {
                    mtce_emit(c, slice ? OP_DEL_SLICE : OP_DEL_INDEX);
                    return;
                }
                int obj = slice ? -1 : loaded_local(c, 2, 0xff), idx = loaded_local(c, 1, 0xffff);
                if (obj >= 0 && idx >= 0) { /* local[local]: one store, the value on top */
                    unemit(c, 2);
                    mtce_emit_ab(c, OP_SET_INDEX_LL, (uint32_t)obj, (uint32_t)idx);
                    return;
                }
                mtce_emit_op(c, OP_ROT, slice ? 4 : 2);
                mtce_emit(c, slice ? OP_SET_SLICE : OP_SET_INDEX);
                return;
            }
            mtce_emit(c, !slice ? OP_GET_INDEX : has_step ? OP_SLICE3 : OP_SLICE);
        } else {
            mtcx_consume(c, TOK_LPAREN, "'('");
            int kw;
            int argc = arguments(c, &kw, -1);
            if (argc < 0) mtce_emit_ab(c, OP_CALL_SPREAD, 0, 0);
            else if (kw >= 0) mtce_emit_ab(c, OP_CALL_KW, (uint32_t)argc, (uint32_t)kw);
            else mtce_emit_op(c, OP_CALL, (uint32_t)argc);
            if (argc >= 0) mtce_adjust(c, -argc);
            if (!is_postfix(c->cur.type))
                mtce_error_at(c, &c->prev,
                              t->mode == T_DEL ? "cannot delete a function call"
                                               : "cannot assign to a function call");
        }
    }
}

/* n targets separated by commas (a trailing one allowed), up to `end`. */
static void target_items(C *c, Targets *t, int n, TokenType end) {
    for (int k = 0; k < n; k++) {
        if (k > 0) mtcx_consume(c, TOK_COMMA, "','");
        mtcx_match(c, TOK_STAR);
        target(c, t);
    }
    mtcx_match(c, TOK_COMMA);
    if (!mtcx_check(c, end)) mtce_error_at(c, &c->cur, "invalid assignment target");
}

/* a, b = v (the statement form said so): the value first, then the stores from left to
   right, as Python does. */
void mtcx_unpack_assignment(C *c) {
    Shape sh;
    target_shape(c, TOK_EQ, &sh);
    ParsePos targets_at, after;
    mtcx_save_pos(c, &targets_at);
    mtcx_skip_to(c, TOK_EQ);
    mtcx_consume(c, TOK_EQ, "'='");
    if (!target_values(c, &sh, true)) emit_unpack(c, &sh, true);
    mtcx_save_pos(c, &after);
    mtcx_restore_pos(c, &targets_at);
    Targets t = {T_ASSIGN, 0};
    target_items(c, &t, sh.n, TOK_EQ);
    mtcx_restore_pos(c, &after);
    c->assigned = true;
}

/* Declares the variables of a target list of names (let, for, with), whose first token is
   current and which ends at `end`. With `from_source` the value follows `end` (let: the
   parser ends after it), else it is on top of the stack (the parser ends at `end`). At
   the top level the variables are globals. */
void mtcx_declare_targets(C *c, TokenType end, bool top_level, bool from_source) {
    Shape sh;
    target_shape(c, end, &sh);
    ParsePos targets_at, after;
    mtcx_save_pos(c, &targets_at);
    after = targets_at;
    FnState *fs = c->fs;
    /* let a, b = v in a function: the values land in order where the new locals live. */
    bool simple = !top_level && !sh.nested && !sh.star;
    int first = fs->nlocals;
    if (!simple && !top_level) {
        /* Slots for the variables, named but hidden until the value is stored (the value
           cannot see them); a value already on the stack is kept below them. */
        int value_slot = -1;
        if (!from_source) value_slot = mtc_add_hidden(c);
        first = fs->nlocals;
        Scan s;
        scan_init(c, &s);
        for (int seen = 0; seen < sh.names;) {
            Token tk = scan_next(&s);
            if (tk.type != TOK_NAME) continue;
            mtce_emit(c, OP_NIL);
            mtc_add_local(c, mtce_name(c, &tk));
            fs->locals[fs->nlocals - 1].depth = -1;
            seen++;
        }
        if (value_slot >= 0) mtce_emit_op(c, OP_GET_LOCAL, (uint32_t)value_slot);
    }
    bool split = false;
    if (from_source) {
        mtcx_skip_to(c, end);
        mtcx_consume(c, end, end == TOK_EQ ? "'='" : "target list end");
        split = target_values(c, &sh, !simple);
        mtcx_save_pos(c, &after);
        mtcx_restore_pos(c, &targets_at);
    }
    if (!split) emit_unpack(c, &sh, !simple);
    if (simple) {
        for (int k = 0; k < sh.n; k++) {
            if (k > 0) mtcx_consume(c, TOK_COMMA, "','");
            mtcx_consume(c, TOK_NAME, "variable name");
            mtc_add_local(c, mtce_name(c, &c->prev));
        }
        mtcx_match(c, TOK_COMMA);
        if (!mtcx_check(c, end)) mtce_error_at(c, &c->cur, "invalid assignment target");
    } else {
        Targets t = {top_level ? T_LET_GLOBAL : T_LET_LOCAL, first};
        target_items(c, &t, sh.n, end);
        for (int k = first; k < fs->nlocals; k++) fs->locals[k].depth = fs->scope_depth;
    }
    if (from_source) mtcx_restore_pos(c, &after);
}

/* del a[i], b[j:k], ... */
void mtcx_del(C *c) {
    Targets t = {T_DEL, 0};
    do {
        target(c, &t);
    } while (mtcx_match(c, TOK_COMMA) && !ends_line(c->cur.type) && !mtcx_check(c, TOK_SEMICOLON));
}
