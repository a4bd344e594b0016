/*
** compiler.c — statements, blocks and scopes, functions and classes, try/except/finally and
** with, and the compiler's entry point.
**
** `finally` is compiled once. Every try statement reserves two hidden locals, the pending
** completion: `value` and `kind` (KIND_NORMAL, KIND_EXC, KIND_RETURN, or KIND_JUMP + i for
** the i-th break/continue that leaves it). Each way out of the try stores its completion
** and jumps to the finally body; END_FINALLY then resumes that completion, and the code for
** resuming a return, break or continue is compiled right after it, where any enclosing
** finally is handled the same way.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/compiler.h"
#include "compiler/compiler_int.h"
#include "vm/utf8.h"
#include "vm/state.h"
#include "vm/object.h"
#include "vm/module.h"
#include "vm/mem.h"
#include "vm/gc.h"
#include "vm/table.h"

static void statement(C *c);

/* {== Scopes and locals ==} */

void mtc_begin_scope(C *c) { c->fs->scope_depth++; }

static Local *declare(C *c, String *name, bool hidden) {
    FnState *fs = c->fs;
    if (fs->nlocals >= MT_MAX_LOCALS) mtce_error(c, "too many local variables in one function");
    Local *l = &fs->locals[fs->nlocals++];
    l->name = name;
    l->depth = fs->scope_depth;
    l->captured = false;
    l->hidden = hidden;
    l->ownable = false;
    l->start_pc = fs->ncode;
    return l;
}

/* Declares the value on top of the stack as a local. */
int mtc_add_local(C *c, String *name) {
    declare(c, name, false);
    return c->fs->nlocals - 1;
}

int mtc_add_hidden(C *c) {
    declare(c, NULL, true);
    return c->fs->nlocals - 1;
}

/* Emits code that drops locals above `nlocals` (closing captured ones). With emit_only the
   compiler keeps them declared: the code after is not reached by this path. */
void mtc_pop_locals_to(C *c, int nlocals, bool emit_only) {
    FnState *fs = c->fs;
    int n = fs->nlocals - nlocals;
    if (n <= 0) return;
    int first_captured = -1;
    for (int i = nlocals; i < fs->nlocals; i++)
        if (fs->locals[i].captured) {
            first_captured = i;
            break;
        }
    int saved_stack = fs->stack;
    if (first_captured >= 0) mtce_emit_op(c, OP_CLOSE_UPVALS, (uint32_t)first_captured);
    if (n == 1) mtce_emit(c, OP_POP);
    else {
        mtce_emit_op(c, OP_POPN, (uint32_t)n);
        mtce_adjust(c, -n);
    }
    if (emit_only) fs->stack = saved_stack;
    else fs->nlocals = nlocals;
}

void mtc_end_scope(C *c) {
    FnState *fs = c->fs;
    fs->scope_depth--;
    int keep = fs->nlocals;
    while (keep > 0 && fs->locals[keep - 1].depth > fs->scope_depth) keep--;
    mtc_pop_locals_to(c, keep, false);
}

/* Forgets locals of a scope whose exit code was already emitted (or is unreachable). */
static void forget_scope(C *c, int stack_drop) {
    FnState *fs = c->fs;
    fs->scope_depth--;
    while (fs->nlocals > 0 && fs->locals[fs->nlocals - 1].depth > fs->scope_depth) fs->nlocals--;
    fs->stack -= stack_drop;
}

static bool at_top_level(C *c) { return c->fs->kind == FN_MODULE && c->fs->scope_depth == 0; }

/* Binds the value on top of the stack to `name`: a module global at the top level, else a
   new local in the current block. */
static void define_name(C *c, String *name) {
    if (at_top_level(c)) mtce_emit_op(c, OP_DEFINE_GLOBAL, mto_module_slot(c->vm, c->module, name));
    else mtc_add_local(c, name);
}

/* Whether a top-level `let name` of the program's main script makes a local of the script
   (SPEC 6.1): no code compiled before used the name as a module variable, and the script
   has room (each may become an upvalue of a function). */
static bool script_local(C *c, String *name) {
    Value slot;
    return c->script && at_top_level(c) && c->script_locals < MT_MAX_SCRIPT_LOCALS &&
           c->fs->nlocals < MT_MAX_LOCALS / 2 && !mtt_get(&c->module->names, name, &slot);
}

/* At the end of a script, its locals go into hidden globals ("@local SLOT", a name no code
   can use): what they hold lives to the program's end, as a module global's value would
   (threads blocked on a channel that only a script local names are not garbage once the
   top level has finished). No allocation: the slots exist from now on. */
static void keep_script_locals(C *c) {
    FnState *fs = c->fs;
    for (int i = 0; i < fs->nlocals; i++) {
        Local *l = &fs->locals[i];
        if (l->depth != 0 || l->hidden) continue;
        char name[32];
        snprintf(name, sizeof name, "@local %d", i);
        mtce_emit_op(c, OP_GET_LOCAL, (uint32_t)i);
        uint32_t slot = mto_module_slot(c->vm, c->module, mto_intern_z(c->vm, name));
        mtce_emit_op(c, OP_DEFINE_GLOBAL, slot);
    }
}

/* `let name = <value on the stack>`: as define_name, except in a script, where it may be a
   local of the script's frame; a second `let` of such a name stores to the same local. */
static void let_name(C *c, String *name) {
    if (c->script && at_top_level(c) && mtcx_find_local(c->fs, name) >= 0) {
        mtcx_set_named(c, name, NULL);
    } else if (script_local(c, name)) {
        mtc_add_local(c, name);
        c->script_locals++;
    } else {
        define_name(c, name);
    }
}

/* {== Blocks ==} */

static void end_simple_statement(C *c) {
    if (mtcx_match(c, TOK_SEMICOLON) && !mtcx_check(c, TOK_NEWLINE) && !mtcx_check(c, TOK_EOF))
        return; /* another statement follows on this line */
    if (mtcx_check(c, TOK_EOF)) return;
    if (mtcx_check(c, TOK_DEDENT)) return;
    mtcx_consume(c, TOK_NEWLINE, "end of line");
}

void mtc_block(C *c) {
    mtcx_consume(c, TOK_COLON, "':'");
    if (!mtcx_match(c, TOK_NEWLINE)) {
        c->fs->doc_pending = false;
        /* `if x: return 1` — simple statements on the same line. */
        if (mtcx_check(c, TOK_EOF)) mtce_error_at(c, &c->cur, "expected a statement after ':'");
        switch (c->cur.type) {
        case TOK_IF:
        case TOK_WHILE:
        case TOK_FOR:
        case TOK_DEF:
        case TOK_CLASS:
        case TOK_TRY:
        case TOK_WITH:
        case TOK_SELECT:
            mtce_error_at(c, &c->cur, "a compound statement must start on its own line");
        default: break;
        }
        int line = c->prev.line;
        do {
            statement(c);
        } while (c->prev.type == TOK_SEMICOLON && c->cur.line == line && !mtcx_check(c, TOK_EOF));
        return;
    }
    if (!mtcx_check(c, TOK_INDENT)) {
        if (mtcx_check(c, TOK_EOF)) c->incomplete = true;
        mtce_error_at(c, &c->cur, "expected an indented block");
    }
    mtcx_advance(c);
    if (c->fs->doc_pending && mtcx_check(c, TOK_STRING)) {
        /* A function's docstring (SPEC 5.8): a statement that is only a string literal. It
           still compiles (and is popped), which keeps the string among the constants. */
        FnState *fs = c->fs;
        int pc = fs->ncode;
        statement(c);
        if (fs->ncode == pc + 2 && INSTR_OP(fs->code[pc]) == OP_CONST &&
            INSTR_OP(fs->code[pc + 1]) == OP_POP && IS_STRING(fs->consts[INSTR_A(fs->code[pc])]))
            fs->proto->doc = AS_STRING(fs->consts[INSTR_A(fs->code[pc])]);
    }
    c->fs->doc_pending = false;
    while (!mtcx_check(c, TOK_DEDENT) && !mtcx_check(c, TOK_EOF)) statement(c);
    mtcx_match(c, TOK_DEDENT);
}

static void scoped_block(C *c) {
    mtc_begin_scope(c);
    mtc_block(c);
    mtc_end_scope(c);
}

/* {== Conditions ==} */

/* Compiles a condition and a jump taken when it is false; returns the pc to patch, or -1
   for a condition that is the constant true. Fuses `local OP const` and `local OP local`
   comparisons into one compare-and-branch, and `x == nil`, `x != nil` into a nil test
   (a comparison with nil never calls `==`, SPEC 5.9). */
static int condition_jump(C *c) {
    mtcx_expression(c);
    FnState *fs = c->fs;
    int n = fs->ncode;
    if (n >= 1 && n - 1 >= fs->barrier && fs->code[n - 1] == MAKE_A(OP_TRUE, 0)) {
        mtce_unemit(c, 1, 1);
        return -1;
    }
    if (n >= 2 && n - 2 >= fs->barrier && fs->code[n - 2] == MAKE_A(OP_NIL, 0) &&
        (INSTR_OP(fs->code[n - 1]) == OP_EQ || INSTR_OP(fs->code[n - 1]) == OP_NE)) {
        OpCode test = INSTR_OP(fs->code[n - 1]) == OP_EQ ? OP_JUMP_IF_NOT_NIL : OP_JUMP_IF_NIL;
        mtce_unemit(c, 2, 0);
        return mtce_jump(c, test);
    }
    if (n < 3 || n - 3 < fs->barrier || !mtce_is_get_local(fs->code[n - 3]) ||
        INSTR_A(fs->code[n - 3]) > 0xff)
        return mtce_jump(c, OP_JUMP_IF_FALSE);
    static const struct {
        OpCode cmp, lk, ll;
    } fuse[] = {{OP_LT, OP_JLT_LK, OP_JLT_LL}, {OP_LE, OP_JLE_LK, OP_JLE_LL},
                {OP_GT, OP_JGT_LK, OP_JGT_LL}, {OP_GE, OP_JGE_LK, OP_JGE_LL},
                {OP_EQ, OP_JEQ_LK, OP_JEQ_LL}, {OP_NE, OP_JNE_LK, OP_JNE_LL}};
    OpCode last = INSTR_OP(fs->code[n - 1]);
    for (size_t f = 0; f < sizeof fuse / sizeof fuse[0]; f++) {
        if (fuse[f].cmp != last) continue;
        Instr a = fs->code[n - 3], b = fs->code[n - 2];
        OpCode fused = OP_NOP;
        uint32_t operand = 0;
        if (INSTR_OP(b) == OP_INT) {
            fused = fuse[f].lk;
            operand = (uint32_t)mtce_const(c, SMALLINT_VAL(INSTR_SA(b)));
        } else if (INSTR_OP(b) == OP_CONST) {
            fused = fuse[f].lk;
            operand = INSTR_A(b);
        } else if (mtce_is_get_local(b)) {
            fused = fuse[f].ll;
            operand = INSTR_A(b);
        }
        if (fused == OP_NOP || operand > 0xffff) break;
        mtce_unemit(c, 3, 1);
        mtce_emit_ab(c, fused, INSTR_A(a), operand);
        return mtce_emit(c, MAKE_A(OP_EXTRA, 0));
    }
    return mtce_jump(c, OP_JUMP_IF_FALSE);
}

static void if_statement(C *c) {
    int to_next = condition_jump(c);
    scoped_block(c);
    JumpList ends = {0};
    while (mtcx_check(c, TOK_ELIF) || mtcx_check(c, TOK_ELSE)) {
        mtce_jl_add(c, &ends, mtce_jump(c, OP_JUMP));
        if (to_next >= 0) mtce_patch(c, to_next);
        if (mtcx_match(c, TOK_ELSE)) {
            scoped_block(c);
            to_next = -1;
            break;
        }
        mtcx_advance(c);
        to_next = condition_jump(c);
        scoped_block(c);
    }
    if (to_next >= 0) mtce_patch(c, to_next);
    mtce_jl_patch(c, &ends);
}

/* {== Loops ==} */

static void push_loop(C *c, Loop *loop, int start) {
    loop->enclosing = c->fs->loop;
    loop->start = start;
    loop->nlocals = c->fs->nlocals;
    loop->exit_nlocals = c->fs->nlocals;
    loop->breaks = (JumpList){0};
    loop->try_at_start = c->fs->try_block;
    c->fs->loop = loop;
}

static void while_statement(C *c) {
    Loop loop;
    int start = mtce_here(c);
    push_loop(c, &loop, start);
    int exit = condition_jump(c);
    int body = mtce_here(c);
    scoped_block(c);
    FnState *fs = c->fs;
    if (exit >= 1 && INSTR_OP(fs->code[exit]) == OP_EXTRA && exit == start + 1) {
        /* A compare-and-branch condition: test again at the bottom and jump back while
           it holds, saving the jump to the top on every iteration. */
        mtce_emit(c, fs->code[start]);
        int pc = mtce_emit(c, MAKE_A(OP_EXTRA_T, 0));
        mtce_patch_to(c, pc, body);
    } else {
        mtce_loop(c, start);
    }
    if (exit >= 0) mtce_patch(c, exit);
    c->fs->loop = loop.enclosing;
    mtce_jl_patch(c, &loop.breaks);
}

/* The end of a for loop's body (the statement's or a comprehension's): back to FOR_ITER,
   or, when only the loop variable is live (`step_in_place`), FOR_NEXT steps in place
   instead of popping it and jumping back; then FOR_ITER's exit and the handler that ends
   the loop when the iterator raises StopIteration. */
void mtc_for_end(C *c, int for_iter, int start, int it_slot, bool step_in_place) {
    FnState *fs = c->fs;
    if (step_in_place) {
        fs->scope_depth--;
        fs->nlocals--;
        int pc = mtce_emit(c, MAKE_A(OP_FOR_NEXT, 0));
        mtce_patch_to(c, pc, for_iter + 1);
        fs->stack--;
    } else {
        mtc_end_scope(c);
        mtce_loop(c, start);
    }
    int exit = mtce_here(c);
    mtce_patch_to(c, for_iter, exit);
    mtce_add_handler(c, for_iter, for_iter + 1, exit, it_slot + 2, HANDLER_FOR_STOP, it_slot);
}
static void for_statement(C *c) {
    /* for NAME in, or a target list (for k, v in; for i, (k, v) in): the targets are
       compiled at the body's start, where each item is bound. */
    bool pair = !(mtcx_check(c, TOK_NAME) && mtcx_peek(c) == TOK_IN);
    Token name_tok = c->cur;
    ParsePos targets_at;
    mtcx_save_pos(c, &targets_at);
    if (pair) mtcx_skip_to(c, TOK_IN);
    else mtcx_advance(c);
    mtcx_consume(c, TOK_IN, "'in' in for loop");
    mtc_begin_scope(c);
    mtcx_expression(c);
    mtce_emit_iter(c); /* [x] -> [iterator, state] */
    int it_slot = mtc_add_hidden(c);
    mtc_add_hidden(c);
    (void)it_slot;
    Loop loop;
    int start = mtce_here(c);
    push_loop(c, &loop, start);
    int for_iter = mtce_jump(c, OP_FOR_ITER);
    /* The body scope: the loop variable is fresh each iteration, so closures made in the
       body each capture their own. */
    mtc_begin_scope(c);
    if (pair) {
        int v_slot = mtc_add_hidden(c);
        mtce_emit_op(c, OP_GET_LOCAL, (uint32_t)v_slot);
        ParsePos body_at;
        mtcx_save_pos(c, &body_at);
        mtcx_restore_pos(c, &targets_at);
        mtcx_declare_targets(c, TOK_IN, false, false);
        mtcx_restore_pos(c, &body_at);
    } else {
        mtc_add_local(c, mtce_name(c, &name_tok));
    }
    mtc_block(c);
    FnState *fs = c->fs;
    int body_locals = 0;
    for (int l = fs->nlocals - 1; l >= 0 && fs->locals[l].depth == fs->scope_depth; l--)
        body_locals++;
    mtc_for_end(c, for_iter, start, it_slot,
                !pair && body_locals == 1 && !fs->locals[fs->nlocals - 1].captured);
    c->fs->loop = loop.enclosing;
    mtce_jl_patch(c, &loop.breaks);
    mtc_end_scope(c); /* pops iterator and state */
}

/* {== Leaving blocks: return, break, continue through finally ==} */

static int register_exit(C *c, TryBlock *t, int what, Loop *loop) {
    for (int i = 0; i < t->nexits; i++)
        if (t->exits[i].what == what && t->exits[i].loop == loop) return i;
    if (t->nexits == 16) mtce_error(c, "too many different exits from one try block");
    t->exits[t->nexits].what = what;
    t->exits[t->nexits].loop = loop;
    return t->nexits++;
}

/* Stores the completion and jumps to the finally of the innermost try. */
static void goto_finally(C *c, TryBlock *t, int kind) {
    mtce_emit(c, MAKE_A(OP_INT, (uint32_t)kind));
    mtce_emit_op(c, OP_SET_LOCAL, (uint32_t)t->kind_slot);
    mtc_pop_locals_to(c, t->nlocals, true);
    mtce_jl_add(c, &t->to_finally, mtce_jump(c, OP_JUMP));
}

static void emit_break(C *c, Loop *loop, bool is_continue) {
    TryBlock *t = c->fs->try_block;
    if (t != loop->try_at_start) {
        int i = register_exit(c, t, is_continue ? 2 : 1, loop);
        goto_finally(c, t, KIND_JUMP + i);
        return;
    }
    if (is_continue) {
        mtc_pop_locals_to(c, loop->nlocals, true);
        mtce_loop(c, loop->start);
    } else {
        mtc_pop_locals_to(c, loop->exit_nlocals, true);
        mtce_jl_add(c, &loop->breaks, mtce_jump(c, OP_JUMP));
    }
}

/* Returns the value on top of the stack. */
static void emit_return(C *c) {
    TryBlock *t = c->fs->try_block;
    if (t) {
        mtce_emit_op(c, OP_SET_LOCAL, (uint32_t)(t->kind_slot - 1));
        register_exit(c, t, 0, NULL);
        goto_finally(c, t, KIND_RETURN);
        return;
    }
    mtce_emit(c, OP_RETURN);
    mtce_adjust(c, -1);
}

static void return_statement(C *c) {
    if (c->fs->kind == FN_MODULE) mtce_error(c, "'return' outside a function");
    if (mtcx_check(c, TOK_NEWLINE) || mtcx_check(c, TOK_EOF) || mtcx_check(c, TOK_SEMICOLON) ||
        mtcx_check(c, TOK_DEDENT))
        mtce_emit(c, OP_NIL);
    else mtcx_rhs(c);
    emit_return(c);
}

/* {== try / except / finally ==} */

static void begin_try(C *c, TryBlock *t) {
    mtce_emit(c, OP_NIL);
    mtc_add_hidden(c); /* value */
    mtce_emit(c, OP_NIL);
    t->kind_slot = mtc_add_hidden(c);
    t->nlocals = c->fs->nlocals;
    t->to_finally = (JumpList){0};
    t->nexits = 0;
    t->enclosing = c->fs->try_block;
    c->fs->try_block = t;
}

/* After the try part: the normal completion, then the finally body (compiled by
   `body`), END_FINALLY and the code resuming each pending exit. */
static void finish_try(C *c, TryBlock *t, int try_start, void (*body)(C *, void *), void *arg) {
    FnState *fs = c->fs;
    mtce_emit(c, MAKE_A(OP_INT, KIND_NORMAL));
    mtce_emit_op(c, OP_SET_LOCAL, (uint32_t)t->kind_slot);
    int normal_end = fs->ncode;
    int entry = mtce_here(c);
    mtce_jl_patch(c, &t->to_finally);
    fs->try_block = t->enclosing;
    if (body) {
        mtce_add_handler(c, try_start, normal_end, entry, t->nlocals, HANDLER_FINALLY,
                         t->kind_slot - 1);
        body(c, arg);
        mtce_add_region(c, entry, fs->ncode, REGION_FINALLY, t->kind_slot - 1);
    }
    int n = 1 + t->nexits;
    mtce_emit_ab(c, OP_END_FINALLY, (uint32_t)t->kind_slot, (uint32_t)n);
    int table = fs->ncode;
    for (int i = 0; i <= n; i++) mtce_emit(c, MAKE_A(OP_EXTRA, 0));
    /* Word 0: the normal continuation; word 1: return; word 2 + i: exit i. */
    bool patched[18] = {false};
    for (int i = 0; i < t->nexits; i++) {
        FinallyExit *e = &t->exits[i];
        int here = mtce_here(c);
        int word = e->what == 0 ? 1 : 2 + i;
        mtce_patch_to(c, table + word, here);
        patched[word] = true;
        if (e->what == 0) {
            mtce_emit_op(c, OP_GET_LOCAL, (uint32_t)(t->kind_slot - 1));
            emit_return(c);
        } else {
            emit_break(c, e->loop, e->what == 2);
        }
    }
    int after = mtce_here(c);
    for (int i = 0; i <= n; i++)
        if (!patched[i]) mtce_patch_to(c, table + i, after);
}

static void finally_body(C *c, void *arg) {
    MT_UNUSED(arg);
    scoped_block(c);
}

/* One `except` clause: the test, binding and body. */
static void except_clause(C *c, int exc_slot, JumpList *done) {
    Token where = c->prev;
    int to_next = -1;
    bool bare = mtcx_check(c, TOK_COLON);
    if (bare) {
        mtce_emit_op(c, OP_GET_LOCAL, (uint32_t)exc_slot);
        mtce_emit_op(c, OP_EXC_MATCH, 1);
        mtce_adjust(c, 1); /* [exc] -> [bool]: no class operand */
        to_next = mtce_jump(c, OP_JUMP_IF_FALSE);
    } else if (mtcx_match(c, TOK_LPAREN)) {
        /* except (A, B): any of the classes. */
        JumpList matched = {0};
        do {
            mtce_emit_op(c, OP_GET_LOCAL, (uint32_t)exc_slot);
            mtcx_expression(c);
            mtce_emit_op(c, OP_EXC_MATCH, 0);
            mtce_jl_add(c, &matched, mtce_jump(c, OP_JUMP_IF_TRUE));
        } while (mtcx_match(c, TOK_COMMA) && !mtcx_check(c, TOK_RPAREN));
        mtcx_consume(c, TOK_RPAREN, "')'");
        to_next = mtce_jump(c, OP_JUMP);
        mtce_jl_patch(c, &matched);
    } else {
        mtce_emit_op(c, OP_GET_LOCAL, (uint32_t)exc_slot);
        mtcx_expression(c);
        mtce_emit_op(c, OP_EXC_MATCH, 0);
        to_next = mtce_jump(c, OP_JUMP_IF_FALSE);
    }
    mtc_begin_scope(c);
    if (mtcx_match(c, TOK_AS)) {
        mtcx_consume(c, TOK_NAME, "name after 'as'");
        mtce_emit_op(c, OP_GET_LOCAL, (uint32_t)exc_slot);
        mtc_add_local(c, mtce_name(c, &c->prev));
    }
    MT_UNUSED(where);
    int saved = c->fs->except_slot;
    c->fs->except_slot = exc_slot;
    int body_start = c->fs->ncode;
    mtc_block(c);
    mtce_add_region(c, body_start, c->fs->ncode, REGION_EXCEPT, exc_slot);
    c->fs->except_slot = saved;
    mtc_end_scope(c);
    /* Drop the handled error and leave the statement. */
    mtc_pop_locals_to(c, exc_slot, true);
    mtce_jl_add(c, done, mtce_jump(c, OP_JUMP));
    mtce_patch(c, to_next);
}

static void try_statement(C *c) {
    TryBlock t;
    begin_try(c, &t);
    int try_start = mtce_here(c);
    mtc_block(c);
    int try_end = c->fs->ncode;
    if (mtcx_check(c, TOK_EXCEPT)) {
        JumpList done = {0};
        int to_else = mtce_jump(c, OP_JUMP);
        int dispatch = mtce_here(c);
        mtc_begin_scope(c);
        int exc_slot = mtc_add_hidden(c);
        mtce_adjust(c, 1); /* the unwinder pushes the error */
        mtce_add_handler(c, try_start, try_end, dispatch, exc_slot + 1, HANDLER_EXCEPT, exc_slot);
        bool saw_bare = false;
        while (mtcx_match(c, TOK_EXCEPT)) {
            if (saw_bare) mtce_error(c, "a bare 'except:' must be the last except clause");
            saw_bare = mtcx_check(c, TOK_COLON);
            except_clause(c, exc_slot, &done);
        }
        mtce_add_region(c, dispatch, c->fs->ncode, REGION_EXCEPT, exc_slot);
        mtce_emit_op(c, OP_RERAISE, (uint32_t)exc_slot);
        forget_scope(c, 1);
        mtce_patch(c, to_else);
        if (mtcx_match(c, TOK_ELSE)) scoped_block(c);
        mtce_jl_patch(c, &done);
    } else if (!mtcx_check(c, TOK_FINALLY)) {
        mtce_error_at(c, &c->cur, "expected 'except' or 'finally' after the try block");
    }
    if (mtcx_match(c, TOK_FINALLY)) finish_try(c, &t, try_start, finally_body, NULL);
    else finish_try(c, &t, try_start, NULL, NULL);
    /* Drop the completion slots. */
    mtc_pop_locals_to(c, t.nlocals - 2, false);
}

/* {== with ==} */

typedef struct {
    int mgr_slot;
    int kind_slot;
} WithInfo;

static void with_exit(C *c, void *arg) {
    WithInfo *w = arg;
    int cache = mtce_cache(c, c->vm->names.exit);
    mtce_emit_op(c, OP_GET_LOCAL, (uint32_t)w->mgr_slot);
    mtce_emit_op(c, OP_WITH_ERR, (uint32_t)w->kind_slot);
    mtce_emit_ab(c, OP_INVOKE, 1, (uint32_t)cache);
    mtce_adjust(c, -1);
    mtce_emit_op(c, OP_WITH_RESULT, (uint32_t)w->kind_slot);
}

static void with_item(C *c) {
    mtc_begin_scope(c);
    mtcx_expression(c);
    WithInfo w;
    w.mgr_slot = mtc_add_hidden(c);
    mtce_emit_op(c, OP_GET_LOCAL, (uint32_t)w.mgr_slot);
    mtce_emit_ab(c, OP_INVOKE, 0, (uint32_t)mtce_cache(c, c->vm->names.enter));
    if (mtcx_match(c, TOK_AS)) {
        if (mtcx_match(c, TOK_LPAREN) || mtcx_match(c, TOK_LBRACKET)) {
            /* with x as (a, b): unpacks what enter() gave (a comma would start the next
               with item instead) */
            TokenType close = c->prev.type == TOK_LPAREN ? TOK_RPAREN : TOK_RBRACKET;
            mtcx_declare_targets(c, close, false, false);
            mtcx_consume(c, close, close == TOK_RPAREN ? "')'" : "']'");
        } else {
            mtcx_consume(c, TOK_NAME, "name after 'as'");
            mtc_add_local(c, mtce_name(c, &c->prev));
        }
    } else {
        mtce_emit(c, OP_POP);
    }
    TryBlock t;
    begin_try(c, &t);
    w.kind_slot = t.kind_slot;
    int try_start = mtce_here(c);
    if (mtcx_match(c, TOK_COMMA)) with_item(c);
    else mtc_block(c);
    finish_try(c, &t, try_start, with_exit, &w);
    mtc_end_scope(c);
}

/* {== Functions and classes ==} */

/* Puts ARGS_EXTRA before the code the parameters' defaults compiled to (it must run
   first): the code, its lines and the handlers and regions of any comprehension in a
   default move one instruction on; jumps are relative and keep their targets. */
static void insert_args_extra(C *c) {
    FnState *fs = c->fs;
    mtce_emit(c, OP_NOP); /* room (and capacity) for one more */
    memmove(fs->code + 1, fs->code, (size_t)(fs->ncode - 1) * sizeof(Instr));
    memmove(fs->lines + 1, fs->lines, (size_t)(fs->ncode - 1) * sizeof(int32_t));
    fs->code[0] = MAKE_A(OP_ARGS_EXTRA, 0);
    for (int h = 0; h < fs->nhandlers; h++) {
        fs->handlers[h].start++;
        fs->handlers[h].end++;
        fs->handlers[h].target++;
    }
    for (int r = 0; r < fs->nregions; r++) {
        fs->regions[r].start++;
        fs->regions[r].end++;
    }
    fs->barrier = fs->ncode;
    fs->last_op_pc = -1;
}

/* Declares parameter `name` in the next slot (methods: slot 0 is self's). */
static int declare_param(C *c, FnKind kind, int n, String *name) {
    FnState *fs = c->fs;
    if (kind == FN_METHOD && n == 0) {
        fs->locals[0].name = name;
        fs->locals[0].hidden = false;
        return 0;
    }
    int slot = fs->nlocals;
    declare(c, name, false)->depth = -1; /* not visible in its own default */
    mtce_adjust(c, 1);
    return slot;
}

/* The slots the parameter list starting at the current token declares (a bare * takes
   none): a default runs with all of them on the stack, so the slots a comprehension in it
   uses must come after them. The tokens are read ahead and read again. */
static int count_param_slots(C *c) {
    ParsePos at;
    mtcc_save(c, &at, NULL);
    int depth = 0, slots = 0;
    bool empty = true, bare = false;
    for (;;) {
        TokenType t = c->cur.type;
        if (t == TOK_EOF) break;
        if (depth == 0 && (t == TOK_RPAREN || t == TOK_COMMA)) {
            if (!empty && !bare) slots++;
            if (t == TOK_RPAREN) break;
            empty = true;
            bare = false;
            mtcx_advance(c);
            continue;
        }
        if (empty && depth == 0 && t == TOK_STAR && mtcx_peek(c) != TOK_NAME) bare = true;
        if (t == TOK_LPAREN || t == TOK_LBRACKET || t == TOK_LBRACE) depth++;
        if (t == TOK_RPAREN || t == TOK_RBRACKET || t == TOK_RBRACE) depth--;
        empty = false;
        mtcx_advance(c);
    }
    mtcc_restore(c, &at);
    return slots;
}

/* (a, b=1, *args, c, d=2, **kw): positional parameters, then *args (the extra positional
   arguments, a tuple) or a bare *, then keyword-only ones, then **kw (the unmatched keyword
   arguments, a map). Their slots follow in that order. */
static void parameters(C *c, FnKind kind) {
    FnState *fs = c->fs;
    String *names[520];
    int n = 0;       /* all named parameters so far */
    int npos = -1;   /* positional ones, once a * or ** ends them */
    int nkwonly = 0; /* keyword-only ones */
    bool seen_default = false, bare_star = false;
    String *varargs = NULL, *varkw = NULL;
    uint32_t kwrequired = 0;
    /* Where the stack ends once every parameter has its slot. */
    int params_end = fs->stack + count_param_slots(c) - (kind == FN_METHOD ? 1 : 0);
    while (!mtcx_check(c, TOK_RPAREN)) {
        if (varkw) mtce_error_at(c, &c->cur, "no parameter may follow **%s", varkw->chars);
        if (mtcx_check(c, TOK_STAR) || mtcx_check(c, TOK_STARSTAR)) {
            bool two = mtcx_check(c, TOK_STARSTAR);
            Token star = c->cur;
            mtcx_advance(c);
            if (kind == FN_METHOD && n == 0)
                mtce_error_at(c, &star, "a method needs at least the 'self' parameter");
            if (!two && (npos >= 0))
                mtce_error_at(c, &star, "only one * or *args parameter is allowed");
            if (npos < 0) npos = n;
            if (!two && !mtcx_check(c, TOK_NAME)) {
                bare_star = true;
                if (!mtcx_match(c, TOK_COMMA) || mtcx_check(c, TOK_RPAREN))
                    mtce_error_at(c, &star, "a bare * must be followed by keyword-only parameters");
                continue;
            }
            mtcx_consume(c, TOK_NAME,
                         two ? "parameter name after '**'" : "parameter name after '*'");
            Token pt = c->prev;
            String *name = mtce_name(c, &pt);
            for (int i = 0; i < n; i++)
                if (names[i] == name)
                    mtce_error_at(c, &pt, "duplicate parameter '%s'", name->chars);
            if ((varargs && varargs == name))
                mtce_error_at(c, &pt, "duplicate parameter '%s'", name->chars);
            if (mtcx_check(c, TOK_EQ))
                mtce_error_at(c, &c->cur, "%s%s cannot have a default", two ? "**" : "*",
                              name->chars);
            int slot = declare_param(c, kind, 1, name);
            fs->locals[slot].depth = fs->scope_depth;
            if (two) varkw = name;
            else varargs = name;
            if (!mtcx_match(c, TOK_COMMA)) break;
            continue;
        }
        mtcx_consume(c, TOK_NAME, "parameter name");
        Token pt = c->prev;
        String *name = mtce_name(c, &pt);
        for (int i = 0; i < n; i++)
            if (names[i] == name) mtce_error_at(c, &pt, "duplicate parameter '%s'", name->chars);
        if (varargs == name) mtce_error_at(c, &pt, "duplicate parameter '%s'", name->chars);
        bool kwonly = npos >= 0;
        if (!kwonly && n == 255) mtce_error_at(c, &pt, "too many parameters (at most 255)");
        if (kwonly && nkwonly == 32)
            mtce_error_at(c, &pt, "too many keyword-only parameters (at most 32)");
        names[n] = name;
        int slot = declare_param(c, kind, n, name);
        n++;
        if (mtcx_match(c, TOK_EQ)) {
            if (kind == FN_METHOD && n == 1) mtce_error_at(c, &pt, "'self' cannot have a default");
            if (!kwonly) seen_default = true;
            int skip = mtce_emit_ab(c, OP_ARG_DEFAULT, (uint32_t)slot, 0);
            int stack = fs->stack;
            if (params_end > fs->stack) fs->stack = params_end; /* (see count_param_slots) */
            mtcx_expression(c);
            mtce_emit_op(c, OP_SET_LOCAL, (uint32_t)slot);
            fs->stack = stack;
            mtce_patch(c, skip);
            fs->proto->pflags |= PROTO_DEFAULTS;
        } else if (kwonly) {
            kwrequired |= 1u << nkwonly;
        } else {
            if (seen_default)
                mtce_error_at(c, &pt, "parameter without a default follows one with a default");
            fs->proto->nrequired = (uint8_t)n;
        }
        if (kwonly) nkwonly++;
        fs->locals[slot].depth = fs->scope_depth;
        if (!mtcx_match(c, TOK_COMMA)) break;
    }
    mtcx_consume(c, TOK_RPAREN, "')' after parameters");
    if (kind == FN_METHOD && n == 0) mtce_error(c, "a method needs at least the 'self' parameter");
    MT_UNUSED(bare_star);
    Proto *p = fs->proto;
    if (npos < 0) npos = n;
    p->nparams = (uint8_t)npos;
    p->nkwonly = (uint8_t)nkwonly;
    p->kwrequired = kwrequired;
    if (varargs) p->pflags |= PROTO_VARARGS;
    if (varkw) p->pflags |= PROTO_VARKW;
    if (varargs || varkw || nkwonly) {
        p->pflags |= PROTO_EXTRA;
        insert_args_extra(c);
    }
    if (varargs) names[n++] = varargs;
    if (varkw) names[n++] = varkw;
    if (n) {
        p->param_names = mtmem_alloc(c->vm, (size_t)n * sizeof(String *));
        memcpy(p->param_names, names, (size_t)n * sizeof(String *));
    }
    /* Default expressions ran above all the arguments. */
    if (p->pflags & PROTO_DEFAULTS) fs->max_floor = fs->maxstack += n;
}

/* Compiles a function literal and emits CLOSURE for it in the enclosing function. */
Proto *mtc_function(C *c, FnKind kind, String *name, bool lambda) {
    /* On the heap (tracked): after a compile error the chain of FnStates is still there
       to free their buffers. */
    FnState *fs = mtce_tmp_realloc(c, NULL, sizeof(FnState));
    mtce_fn_begin(c, fs, kind, name);
    mtc_begin_scope(c);
    mtcx_consume(c, TOK_LPAREN, "'(' before parameters");
    parameters(c, kind);
    if (lambda) {
        mtcx_consume(c, TOK_COLON, "':' after lambda parameters");
        mtcx_expression(c);
        mtce_emit(c, OP_RETURN);
    } else {
        fs->doc_pending = true;
        mtc_block(c);
        mtce_emit(c, OP_NIL);
        mtce_emit(c, OP_RETURN);
    }
    if (kind == FN_METHOD) fs->proto->pflags |= PROTO_METHOD;
    Proto *p = mtce_fn_end(c);
    mtce_tmp_free(c, fs);
    mtce_emit_op(c, OP_CLOSURE, (uint32_t)mtce_const(c, OBJ_VAL(p)));
    return p;
}

static void def_statement(C *c) {
    mtcx_consume(c, TOK_NAME, "function name after 'def'");
    Token nt = c->prev;
    String *name = mtce_name(c, &nt);
    if (at_top_level(c)) {
        mtc_function(c, FN_FUNCTION, name, false);
        mtce_emit_op(c, OP_DEFINE_GLOBAL, mto_module_slot(c->vm, c->module, name));
        return;
    }
    /* A local function is visible in its own body, so it can recurse. */
    mtc_add_local(c, name);
    mtce_adjust(c, 1);
    c->fs->stack--; /* the CLOSURE below fills the slot */
    mtc_function(c, FN_FUNCTION, name, false);
}

/* The name after `def` in a class body: a name, or an operator (SPEC 5.9): `+`, `r+` (the
   reflected form), `==`, `<`, `[]`, `[]=`... */
static String *method_name(C *c) {
    static const struct {
        TokenType t;
        bool reflectable;
    } ops[] = {{TOK_PLUS, true},       {TOK_MINUS, true},   {TOK_STAR, true},     {TOK_SLASH, true},
               {TOK_SLASHSLASH, true}, {TOK_PERCENT, true}, {TOK_STARSTAR, true}, {TOK_AMP, true},
               {TOK_PIPE, true},       {TOK_CARET, true},   {TOK_SHL, true},      {TOK_SHR, true},
               {TOK_TILDE, false},     {TOK_EQEQ, false},   {TOK_LT, false},      {TOK_LE, false},
               {TOK_GT, false},        {TOK_GE, false}};
    Token t = c->cur;
    if (t.type == TOK_NAME && t.len == 1 && t.start[0] == 'r' && c->cur.line == t.line) {
        TokenType nt = mtcx_peek(c);
        for (size_t k = 0; k < sizeof ops / sizeof ops[0]; k++) {
            if (ops[k].t == nt && ops[k].reflectable && c->next.start == t.start + 1) {
                mtcx_advance(c);
                mtcx_advance(c);
                return mto_intern(c->vm, t.start, (size_t)(c->prev.start + c->prev.len - t.start));
            }
        }
    }
    if (mtcx_match(c, TOK_NAME)) return mtce_name(c, &c->prev);
    for (size_t k = 0; k < sizeof ops / sizeof ops[0]; k++) {
        if (mtcx_match(c, ops[k].t)) return mto_intern(c->vm, t.start, t.len);
    }
    if (mtcx_match(c, TOK_LBRACKET)) {
        mtcx_consume(c, TOK_RBRACKET, "']' after '[' (the method '[]')");
        if (c->cur.type == TOK_EQ && c->cur.start == c->prev.start + 1) {
            mtcx_advance(c);
            return mto_intern_z(c->vm, "[]=");
        }
        return mto_intern_z(c->vm, "[]");
    }
    if (mtcx_check(c, TOK_NE))
        mtce_error_at(c, &c->cur, "'!=' cannot be defined: it is the negation of '=='");
    else mtce_error_at(c, &c->cur, "expected a method name or an operator after 'def'");
    return mto_intern_z(c->vm, "?");
}

static bool is_word(C *c, const char *w);

static void class_statement(C *c) {
    mtcx_consume(c, TOK_NAME, "class name after 'class'");
    Token nt = c->prev;
    String *name = mtce_name(c, &nt);
    bool global = at_top_level(c);
    int class_slot = -1;
    if (!global) {
        mtce_emit(c, OP_NIL);
        class_slot = mtc_add_local(c, name);
    }
    mtc_begin_scope(c);
    bool has_base = false;
    if (mtcx_match(c, TOK_LPAREN)) {
        if (!mtcx_check(c, TOK_RPAREN)) {
            mtcx_expression(c);
            has_base = true;
        } else {
            mtce_emit(c, OP_NIL);
        }
        mtcx_consume(c, TOK_RPAREN, "')' after base class");
    } else {
        mtce_emit(c, OP_NIL);
    }
    int super_slot = mtc_add_local(c, mto_intern_z(c->vm, "@super"));
    c->fs->locals[super_slot].hidden = true;
    mtce_emit_op(c, OP_GET_LOCAL, (uint32_t)super_slot);
    mtce_emit_op(c, OP_CLASS, (uint32_t)mtce_const(c, OBJ_VAL(name)));
    bool saved_super = c->fs->has_super;
    c->fs->has_super = has_base;
    mtcx_consume(c, TOK_COLON, "':' after class header");
    if (mtcx_match(c, TOK_NEWLINE)) {
        if (!mtcx_check(c, TOK_INDENT)) {
            if (mtcx_check(c, TOK_EOF)) c->incomplete = true;
            mtce_error_at(c, &c->cur, "expected an indented class body");
        }
        mtcx_advance(c);
        bool first = true;
        while (!mtcx_check(c, TOK_DEDENT) && !mtcx_check(c, TOK_EOF)) {
            bool was_first = first;
            first = false;
            if (mtcx_match(c, TOK_PASS)) {
                end_simple_statement(c);
                continue;
            }
            if (mtcx_check(c, TOK_STRING)) {
                /* The first one is the class's docstring; later ones are comments. */
                mtcx_expression(c);
                if (was_first)
                    mtce_emit_op(c, OP_STATIC,
                                 (uint32_t)mtce_const(c, OBJ_VAL(mto_intern_z(c->vm, "@doc"))));
                else mtce_emit(c, OP_POP);
                end_simple_statement(c);
                continue;
            }
            if (mtcx_check(c, TOK_NAME) && mtcx_peek(c) == TOK_EQ) {
                /* NAME = expr: a class variable (SPEC 5.9). */
                mtcx_advance(c);
                String *vname = mtce_name(c, &c->prev);
                mtcx_advance(c);
                mtcx_rhs(c);
                mtce_emit_op(c, OP_STATIC, (uint32_t)mtce_const(c, OBJ_VAL(vname)));
                end_simple_statement(c);
                continue;
            }
            if (is_word(c, "static") && mtcx_peek(c) == TOK_DEF) {
                /* static def f(args): a function of the class, without self. */
                mtcx_advance(c);
                mtcx_advance(c);
                mtcx_consume(c, TOK_NAME, "function name after 'static def'");
                String *fname = mtce_name(c, &c->prev);
                mtc_function(c, FN_FUNCTION, fname, false);
                mtce_emit_op(c, OP_STATIC, (uint32_t)mtce_const(c, OBJ_VAL(fname)));
                continue;
            }
            if (!mtcx_match(c, TOK_DEF))
                mtce_error_at(c, &c->cur,
                              "a class body holds only methods ('def', 'static def'), class "
                              "variables ('NAME = value') and a docstring");
            String *mname = method_name(c);
            Proto *p = mtc_function(c, FN_METHOD, mname, false);
            if (p->nparams == 1 && mname->len == 1 && mname->chars[0] == '-')
                mname = mto_intern_z(c->vm, "u-"); /* unary minus: def -(self) */
            mtce_emit_op(c, OP_METHOD, (uint32_t)mtce_const(c, OBJ_VAL(mname)));
        }
        mtcx_match(c, TOK_DEDENT);
    } else {
        mtcx_consume(c, TOK_PASS, "'pass' or an indented class body");
        end_simple_statement(c);
    }
    c->fs->has_super = saved_super;
    if (global) mtce_emit_op(c, OP_DEFINE_GLOBAL, mto_module_slot(c->vm, c->module, name));
    else mtce_emit_op(c, OP_SET_LOCAL, (uint32_t)class_slot);
    mtc_end_scope(c);
}

/* {== Simple statements ==} */

static void let_statement(C *c) {
    if ((mtcx_check(c, TOK_NAME) && mtcx_peek(c) == TOK_COMMA) || mtcx_check(c, TOK_LPAREN) ||
        mtcx_check(c, TOK_LBRACKET) || mtcx_check(c, TOK_STAR)) {
        /* let a, (b, *c) = v */
        mtcx_declare_targets(c, TOK_EQ, at_top_level(c), true);
        return;
    }
    mtcx_consume(c, TOK_NAME, "variable name after 'let'");
    Token nt = c->prev;
    String *name = mtce_name(c, &nt);
    if (mtcx_match(c, TOK_EQ)) mtcx_rhs(c);
    else mtce_emit(c, OP_NIL);
    let_name(c, name);
}

static void import_statement(C *c) {
    mtcx_consume(c, TOK_NAME, "module name after 'import'");
    Token nt = c->prev;
    String *name = mtce_name(c, &nt);
    String *bind = name;
    mtce_emit_op(c, OP_IMPORT, (uint32_t)mtce_const(c, OBJ_VAL(name)));
    if (mtcx_match(c, TOK_AS)) {
        mtcx_consume(c, TOK_NAME, "name after 'as'");
        bind = mtce_name(c, &c->prev);
    }
    define_name(c, bind);
}

static void raise_statement(C *c) {
    if (mtcx_check(c, TOK_NEWLINE) || mtcx_check(c, TOK_EOF) || mtcx_check(c, TOK_SEMICOLON) ||
        mtcx_check(c, TOK_DEDENT)) {
        if (c->fs->except_slot < 0) mtce_error(c, "bare 'raise' outside an except block");
        mtce_emit_op(c, OP_RERAISE, (uint32_t)c->fs->except_slot);
        return;
    }
    mtcx_expression(c);
    mtce_emit(c, OP_RAISE);
}

static void expression_statement(C *c) {
    c->assigned = false;
    int form = mtcx_statement_form(c);
    if (form == STMT_UNPACK) {
        mtcx_unpack_assignment(c);
    } else {
        mtcx_expr_prec(c, PREC_ASSIGNMENT);
        if (form == STMT_TUPLE && !c->assigned) mtcx_tuple_tail(c, 1); /* a, b */
    }
    if (!c->assigned) {
        if (c->repl && c->fs->kind == FN_MODULE && c->stmt_depth == 1) {
            /* A chunk's top-level expression: its value is what the host shows. */
            String *name = mto_intern_z(c->vm, MT_CHUNK_RESULT);
            mtce_emit_op(c, OP_DEFINE_GLOBAL, mto_module_slot(c->vm, c->module, name));
            c->result_set = true;
        } else {
            mtce_emit(c, OP_POP);
        }
    }
    c->assigned = false;
}

static void select_statement(C *c);

static void statement_kind(C *c);

/* One statement; the depth tells a chunk's top-level expression statements (whose value
   the host gets) from those nested in blocks. */
static void statement(C *c) {
    c->stmt_depth++;
    statement_kind(c);
    c->stmt_depth--;
}

static void statement_kind(C *c) {
    if (c->fs->stack != c->fs->nlocals) {
        /* Every statement starts with an empty operand stack. */
        mtce_error(c, "internal compiler error: stack imbalance");
    }
    switch (c->cur.type) {
    case TOK_LET:
        mtcx_advance(c);
        let_statement(c);
        break;
    case TOK_DEF:
        mtcx_advance(c);
        def_statement(c);
        return;
    case TOK_CLASS:
        mtcx_advance(c);
        class_statement(c);
        return;
    case TOK_IF:
        mtcx_advance(c);
        if_statement(c);
        return;
    case TOK_WHILE:
        mtcx_advance(c);
        while_statement(c);
        return;
    case TOK_FOR:
        mtcx_advance(c);
        for_statement(c);
        return;
    case TOK_TRY:
        mtcx_advance(c);
        try_statement(c);
        return;
    case TOK_WITH:
        mtcx_advance(c);
        with_item(c);
        return;
    case TOK_SELECT:
        mtcx_advance(c);
        select_statement(c);
        return;
    case TOK_RETURN:
        mtcx_advance(c);
        return_statement(c);
        break;
    case TOK_IMPORT:
        mtcx_advance(c);
        import_statement(c);
        break;
    case TOK_RAISE:
        mtcx_advance(c);
        raise_statement(c);
        break;
    case TOK_PASS: mtcx_advance(c); break;
    case TOK_DEL:
        mtcx_advance(c);
        mtcx_del(c);
        break;
    case TOK_BREAK:
    case TOK_CONTINUE: {
        bool is_continue = c->cur.type == TOK_CONTINUE;
        mtcx_advance(c);
        if (!c->fs->loop) mtce_error(c, "'%s' outside a loop", is_continue ? "continue" : "break");
        emit_break(c, c->fs->loop, is_continue);
        break;
    }
    case TOK_YIELD:
        mtcx_yield(c);
        mtce_emit(c, OP_POP);
        break;
    case TOK_INDENT: mtce_error_at(c, &c->cur, "unexpected indent");
    case TOK_ELSE:
    case TOK_ELIF:
    case TOK_EXCEPT:
    case TOK_FINALLY:
        mtce_error_at(c, &c->cur, "%s without a matching statement", mtl_token_name(c->cur.type));
    default: expression_statement(c); break;
    }
    end_simple_statement(c);
}

/* {== select (channels) ==} */

static bool is_word(C *c, const char *w) {
    size_t n = strlen(w);
    return mtcx_check(c, TOK_NAME) && c->cur.len == n && memcmp(c->cur.start, w, n) == 0;
}

/* select:
       case CH.recv() as NAME: body
       case CH.send(VALUE): body
       case after(SECONDS): body
       default: body
   Every case's operands are evaluated once, in source order, into hidden slots: the
   channel, timeout or file, and for send the value after it (select.h). The bodies sit
   between the operand code (jumped over). SELECT then picks a case, truncates the stack
   to the slots of cases 0..i, pushes the received value (or nil) and jumps to body i;
   each body pops its slots on the way out. `default` runs with all slots in place and
   must come last. `case X.readable()` and `case X.writable()` wait for a file,
   connection or pipe like recv waits for a channel. SELECT is emitted after the last
   body, so it takes the line of the `select` keyword: errors raised while it waits or
   picks a case name that line. */
static void select_statement(C *c) {
    Token keyword = c->prev;
    mtcx_consume(c, TOK_COLON, "':' after 'select'");
    mtcx_consume(c, TOK_NEWLINE, "end of line after 'select:'");
    if (!mtcx_check(c, TOK_INDENT)) mtce_error_at(c, &c->cur, "expected the indented select cases");
    mtcx_advance(c);
    enum { K_RECV = '0', K_SEND = '1', K_AFTER = '2' }; /* select.h's CASE_* */
    char kinds[66];
    int body_pc[65];
    int ncases = 0, default_pc = -1, skip = -1;
    int base_locals = c->fs->nlocals;
    JumpList ends = {0};
    while (!mtcx_check(c, TOK_DEDENT) && !mtcx_check(c, TOK_EOF)) {
        if (default_pc >= 0) mtce_error_at(c, &c->cur, "'default' must be the last select case");
        if (is_word(c, "default")) {
            mtcx_advance(c);
            if (skip >= 0) mtce_patch(c, skip);
            skip = mtce_jump(c, OP_JUMP);
            default_pc = mtce_here(c);
            scoped_block(c);
            mtc_pop_locals_to(c, base_locals, true);
            mtce_jl_add(c, &ends, mtce_jump(c, OP_JUMP));
            continue;
        }
        if (!is_word(c, "case"))
            mtce_error_at(c, &c->cur, "expected 'case' or 'default' in select");
        if (ncases == 64) mtce_error_at(c, &c->cur, "too many select cases (at most 64)");
        mtcx_advance(c);
        if (skip >= 0) mtce_patch(c, skip);
        char kind;
        if (is_word(c, "after") && mtcx_peek(c) == TOK_LPAREN) {
            mtcx_advance(c);
            mtcx_advance(c);
            mtcx_expression(c);
            mtcx_consume(c, TOK_RPAREN, "')' after the timeout");
            kind = K_AFTER;
        } else {
            kind = mtcx_select_operation(c);
        }
        mtc_add_hidden(c);
        if (kind == K_SEND) mtc_add_hidden(c); /* the value */
        kinds[ncases] = kind;
        skip = mtce_jump(c, OP_JUMP);
        body_pc[ncases] = mtce_here(c);
        mtc_begin_scope(c);
        mtce_adjust(c, 1); /* SELECT pushes the received value */
        if (mtcx_match(c, TOK_AS)) {
            if (kind != K_RECV) mtce_error(c, "only a recv case can bind a value with 'as'");
            mtcx_consume(c, TOK_NAME, "name after 'as'");
            mtc_add_local(c, mtce_name(c, &c->prev));
        } else {
            mtc_add_hidden(c);
        }
        mtc_block(c);
        mtc_end_scope(c);
        mtc_pop_locals_to(c, base_locals, true);
        mtce_jl_add(c, &ends, mtce_jump(c, OP_JUMP));
        ncases++;
    }
    mtcx_match(c, TOK_DEDENT);
    if (ncases == 0) mtce_error_at(c, &keyword, "select needs at least one case");
    if (skip >= 0) mtce_patch(c, skip);
    kinds[ncases] = default_pc >= 0 ? 'd' : '-';
    String *ks = mto_intern(c->vm, kinds, (size_t)ncases + 1);
    int select_pc =
        mtce_emit_ab(c, OP_SELECT, (uint32_t)ncases, (uint32_t)mtce_const(c, OBJ_VAL(ks)));
    int table = c->fs->ncode;
    for (int i = 0; i <= ncases; i++) mtce_emit(c, MAKE_A(OP_EXTRA, 0));
    for (int pc = select_pc; pc < c->fs->ncode; pc++) c->fs->lines[pc] = keyword.line;
    for (int i = 0; i < ncases; i++) mtce_patch_to(c, table + i, body_pc[i]);
    mtce_patch_to(c, table + ncases, default_pc >= 0 ? default_pc : table + ncases + 1);
    /* Every path left the operand slots behind. */
    c->fs->stack -= c->fs->nlocals - base_locals;
    c->fs->nlocals = base_locals;
    mtce_here(c);
    mtce_jl_patch(c, &ends);
}

/* {== Entry ==} */

void mtc_mark_roots(VM *vm) {
    for (CompilerState *c = vm->compiler; c; c = c->outer) {
        mtgc_mark_obj(vm, &c->module->obj);
        for (FnState *fs = c->fs; fs; fs = fs->enclosing) {
            mtgc_mark_obj(vm, &fs->proto->obj);
            for (int i = 0; i < fs->nconsts; i++) mtgc_mark_value(vm, fs->consts[i]);
            for (int i = 0; i < fs->ncaches; i++) mtgc_mark_obj(vm, &fs->caches[i].name->obj);
            for (int i = 0; i < fs->nlocals; i++)
                if (fs->locals[i].name) mtgc_mark_obj(vm, &fs->locals[i].name->obj);
            for (int i = 0; i < fs->nupvals; i++) mtgc_mark_obj(vm, &fs->upval_names[i]->obj);
        }
    }
}

/* A message for source that is not UTF-8: one line (the offending bytes are not worth
   echoing to a terminal). */
static void invalid_utf8_error(VM *vm, Module *m, int line, int col) {
    const char *file = m->path ? m->path->chars : m->name->chars;
    char msg[512];
    snprintf(msg, sizeof msg, "%.400s:%d:%d: invalid UTF-8 in source", file, line, col);
    vm->compile_line = line;
    vm->compile_col = col;
    snprintf(vm->compile_msg, sizeof vm->compile_msg, "invalid UTF-8 in source");
    mtmod_set_compile_error(vm, msg, false);
}

/* A chunk whose last statement is no expression has no value, whatever an earlier
   expression statement stored. */
static void clear_result(C *c) {
    String *name = mto_intern_z(c->vm, MT_CHUNK_RESULT);
    mtce_emit(c, OP_NIL);
    mtce_emit_op(c, OP_DEFINE_GLOBAL, mto_module_slot(c->vm, c->module, name));
}

/* Frees what a compile that did not finish holds. */
static void abandon(C *c) {
    for (FnState *fs = c->fs; fs; fs = fs->enclosing) mtce_fn_free(c, fs);
    mtce_tmp_free_all(c);
}

/* Ends a compile: restores the VM's compiler state and frees c. */
static void finish(C *c) {
    VM *vm = c->vm;
    vm->gc_pause--;
    vm->compiler = c->outer;
    mtmem_host_realloc(vm, c->error, c->error_size, 0);
    mtmem_free(vm, c, sizeof(C));
}

Proto *mtc_compile(VM *vm, Module *m, const char *src, size_t len, CompileMode mode,
                   CompileResult *res) {
    res->message = NULL;
    res->incomplete = false;
    int line, col;
    if (!mtu8_check(src, len, &line, &col)) {
        invalid_utf8_error(vm, m, line, col);
        res->message = vm->compile_error;
        return NULL;
    }
    C *c = mtmem_alloc(vm, sizeof(C));
    memset(c, 0, sizeof *c);
    c->vm = vm;
    c->module = m;
    c->src = src;
    c->src_len = len;
    c->repl = mode == MTC_REPL;
    c->script = mode == MTC_SCRIPT;
    c->outer = vm->compiler;
    mtl_init(&c->lex, src, len);
    vm->compiler = c;
    /* Names and constants live in C locals across allocations while compiling: no
       collection runs until the compile is done. */
    vm->gc_pause++;
    MemJmp mj;
    mtmem_enter(vm, &mj);
    volatile int failed = 0; /* 1: compile error, 2: out of memory */
    Proto *volatile result = NULL;
    if (setjmp(c->abort) != 0) failed = 1;
    else if (setjmp(mj.buf) != 0) failed = 2;
    if (!failed) {
        FnState *top = mtce_tmp_realloc(c, NULL, sizeof(FnState));
        mtce_fn_begin(c, top, FN_MODULE, vm->names.module);
        mtcx_advance(c);
        while (!mtcx_check(c, TOK_EOF)) {
            c->result_set = false;
            statement(c);
        }
        if (c->repl && !c->result_set) clear_result(c);
        if (c->script_locals) keep_script_locals(c);
        mtce_emit(c, OP_NIL);
        mtce_emit(c, OP_RETURN);
        result = mtce_fn_end(c);
        result->pflags |= PROTO_MODULE;
        mtce_tmp_free_all(c);
    } else if (failed == 2) {
        mtmem_recover(vm, &mj);
        mtmem_leave(vm, &mj);
        abandon(c);
        finish(c);
        mtmem_rethrow(vm); /* to the caller's region: MemoryError, not a compile error */
    } else {
        abandon(c);
        mtmod_take_compile_error(vm, c->error, c->error_size, c->incomplete);
        c->error = NULL;
        c->error_size = 0;
        res->message = vm->compile_error;
        res->incomplete = c->incomplete;
    }
    mtmem_leave(vm, &mj);
    finish(c);
    return result;
}
