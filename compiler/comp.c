/*
** comp.c — comprehensions `[e for x in it if c]`, `{k: v for ...}`, `{e for ...}` and
** generator expressions `(e for x in it)`.
**
** The compiler has one pass and no syntax tree, but the item comes before the clauses that
** declare its variables. So the caller parses the item as an ordinary expression; when a
** `for` follows, that code is taken back (CodeMark), the clauses are compiled as nested
** loops, and at the innermost point the token stream is wound back (ParsePos: the lexer is
** a plain value) to compile the item again, now seeing the loop variables; then the stream
** goes on after the clauses. The item is parsed twice, the clauses once.
**
** List, map and set comprehensions are compiled inline in the enclosing function: a hidden
** local holds the container and the loops are ordinary `for` loops, so the item may yield,
** receive from a channel or sleep like any other expression. Each loop variable is fresh in
** each iteration as in a `for` statement (a closure made in the item captures that
** iteration's value), and all of them are gone after the comprehension.
**
** A generator expression is a function run as a coroutine: `(e for x in it if c)` is
** `coroutine(fn(@it): for x in @it: if c: yield e, iter(it))`: the first iterable is evaluated
** and its iterator made at once in the enclosing function (as in Python, so errors in it show
** where it is written), the rest lazily, in the coroutine, as it is iterated.
*/
#include <string.h>

#include "compiler/compiler_int.h"
#include "vm/object.h"
#include "vm/state.h"

/* {== Going back in the token stream ==} */

void mtcc_save(C *c, ParsePos *pos, CodeMark *mark) {
    pos->lex = c->lex;
    pos->cur = c->cur;
    pos->prev = c->prev;
    pos->next = c->next;
    pos->has_next = c->has_next;
    if (mark) {
        mark->ncode = c->fs->ncode;
        mark->stack = c->fs->stack;
        mark->nhandlers = c->fs->nhandlers;
        mark->nregions = c->fs->nregions;
    }
}

void mtcc_restore(C *c, const ParsePos *pos) {
    c->lex = pos->lex;
    c->cur = pos->cur;
    c->prev = pos->prev;
    c->next = pos->next;
    c->has_next = pos->has_next;
}

/* Drops the code emitted since `mark` (with the handlers a nested comprehension in it
   added). Constants, caches and captured variables it made stay: unused, and harmless. */
static void take_back(C *c, const CodeMark *mark) {
    FnState *fs = c->fs;
    fs->ncode = mark->ncode;
    fs->stack = mark->stack;
    fs->nhandlers = mark->nhandlers;
    fs->nregions = mark->nregions;
    fs->barrier = fs->ncode;
    fs->last_op_pc = -1;
}

/* {== Clauses ==} */

typedef struct {
    CompKind kind;
    const ParsePos *item; /* where the item's tokens start */
    int acc;              /* the hidden local holding the container (not for COMP_GEN) */
    int first_iter;       /* COMP_GEN: the parameter slot holding the first iterable */
    ParsePos first_at;    /* COMP_GEN: where the first iterable's tokens start */
} Comp;

static void clauses(C *c, Comp *k);

/* Compiles the item again where the loops put their variables in scope, and adds it to the
   container (or yields it). */
static void item(C *c, Comp *k) {
    ParsePos here;
    mtcc_save(c, &here, NULL);
    mtcc_restore(c, k->item);
    if (k->kind == COMP_GEN) {
        mtcx_expression(c);
        mtce_emit(c, OP_YIELD);
        mtce_emit(c, OP_POP);
    } else {
        mtce_emit_op(c, OP_GET_LOCAL, (uint32_t)k->acc);
        mtcx_expression(c);
        if (k->kind == COMP_MAP) {
            mtcx_consume(c, TOK_COLON, "':' after map key");
            mtcx_expression(c);
            mtce_emit_op(c, OP_MAP_ADD, 1);
            mtce_adjust(c, -2);
        } else if (k->kind == COMP_LIST) {
            mtce_emit_op(c, OP_LIST_APPEND, 1);
            mtce_adjust(c, -1);
        } else {
            mtce_emit_op(c, OP_SET_ADD, 1);
            mtce_adjust(c, -1);
        }
        mtce_emit(c, OP_POP);
    }
    mtcc_restore(c, &here);
}

/* `for NAME[, NAME] in ITERABLE` and the clauses after it, as a `for` statement would
   compile it (compiler.c). The iterable is an `or` expression: a conditional expression
   there would swallow the next `if` clause, as in Python. */
static void for_clause(C *c, Comp *k) {
    /* NAME, or a target list (k, v; i, (k, v)) compiled where each item is bound. */
    bool pair = mtcx_check(c, TOK_NAME) ? mtcx_peek(c) == TOK_COMMA
                                        : mtcx_check(c, TOK_LPAREN) || mtcx_check(c, TOK_STAR);
    Token name_tok = c->cur;
    ParsePos targets_at;
    mtcx_save_pos(c, &targets_at);
    if (pair) mtcx_skip_to(c, TOK_IN);
    else mtcx_consume(c, TOK_NAME, "loop variable name after 'for'");
    mtcx_consume(c, TOK_IN, "'in' after the loop variable of a comprehension");
    mtc_begin_scope(c);
    if (k->first_iter > 0) {
        /* The generator's first iterable: its tokens are compiled in the enclosing function
           (mtcc_comprehension); here they are parsed only to be skipped. */
        CodeMark mark;
        mtcc_save(c, &k->first_at, &mark);
        mtcx_expr_prec(c, PREC_OR);
        take_back(c, &mark);
        mtce_emit_op(c, OP_GET_LOCAL, (uint32_t)k->first_iter);
        k->first_iter = 0;
    } else {
        mtcx_expr_prec(c, PREC_OR);
    }
    mtce_emit_iter(c);
    int it_slot = mtc_add_hidden(c);
    mtc_add_hidden(c);
    int start = mtce_here(c);
    int for_iter = mtce_jump(c, OP_FOR_ITER);
    mtc_begin_scope(c); /* fresh loop variables each iteration */
    if (pair) {
        int v_slot = mtc_add_hidden(c);
        mtce_emit_op(c, OP_GET_LOCAL, (uint32_t)v_slot);
        ParsePos here;
        mtcx_save_pos(c, &here);
        mtcx_restore_pos(c, &targets_at);
        mtcx_declare_targets(c, TOK_IN, false, false);
        mtcx_restore_pos(c, &here);
    } else {
        mtc_add_local(c, mtce_name(c, &name_tok));
    }
    clauses(c, k);
    FnState *fs = c->fs;
    mtc_for_end(c, for_iter, start, it_slot, !pair && !fs->locals[fs->nlocals - 1].captured);
    mtc_end_scope(c); /* the iterator and its state */
}

/* The clauses after the first `for`: more `for`s (each nested in the one before) and `if`
   filters (an `or` expression, like the iterables), then the item. */
static void clauses(C *c, Comp *k) {
    if (++c->depth > MT_MAX_PARSE_DEPTH) mtce_error_at(c, &c->cur, "expression nested too deeply");
    if (mtcx_match(c, TOK_FOR)) {
        for_clause(c, k);
    } else if (mtcx_match(c, TOK_IF)) {
        mtcx_expr_prec(c, PREC_OR);
        int skip = mtce_jump(c, OP_JUMP_IF_FALSE);
        clauses(c, k);
        mtce_patch(c, skip);
    } else {
        item(c, k);
    }
    c->depth--;
}

/* {== Entry ==} */

/* List, map and set comprehensions: inline, into a hidden local that ends up as the value. */
static void inline_comprehension(C *c, Comp *k) {
    FnState *fs = c->fs;
    int saved_nlocals = fs->nlocals;
    /* Locals are stack slots: the operands below this point (a callee and the arguments
       before this one, say) become nameless locals, so that the hidden ones land on the
       right slots. They are forgotten again, not popped. */
    while (fs->nlocals < fs->stack) mtc_add_hidden(c);
    mtc_begin_scope(c);
    if (k->kind == COMP_MAP) {
        mtce_emit_op(c, OP_MAP, 0);
        mtce_adjust(c, 1);
    } else if (k->kind == COMP_SET) {
        mtce_emit_op(c, OP_BUILD_SET, 0);
        mtce_adjust(c, 1);
    } else {
        mtce_emit_op(c, OP_LIST, 0);
        mtce_adjust(c, 1);
    }
    k->acc = mtc_add_hidden(c);
    mtcx_consume(c, TOK_FOR, "'for'");
    for_clause(c, k);
    /* The container's slot is where the expression's value belongs: keep it there. */
    fs->scope_depth--;
    fs->nlocals = saved_nlocals;
}

/* (e for ...): a coroutine over a function compiled from the clauses and the item. */
static void generator(C *c, Comp *k) {
    VM *vm = c->vm;
    if (IS_NIL(vm->lib.coroutine))
        mtce_error_at(c, &c->cur, "generator expressions need the 'coroutine' builtin");
    mtce_emit_op(c, OP_CONST, (uint32_t)mtce_const(c, vm->lib.coroutine));
    FnState *fs = mtce_tmp_realloc(c, NULL, sizeof(FnState));
    mtce_fn_begin(c, fs, FN_LAMBDA, mto_intern_z(vm, "<genexpr>"));
    fs->genexpr = true;
    mtc_begin_scope(c);
    /* One parameter: the first iterable. */
    k->first_iter = mtc_add_hidden(c);
    mtce_adjust(c, 1);
    fs->proto->nparams = fs->proto->nrequired = 1;
    fs->proto->param_names = mtmem_alloc(vm, sizeof(String *));
    fs->proto->param_names[0] = mto_intern_z(vm, "@it");
    mtcx_consume(c, TOK_FOR, "'for'");
    for_clause(c, k);
    mtce_emit(c, OP_NIL);
    mtce_emit(c, OP_RETURN);
    Proto *p = mtce_fn_end(c);
    mtce_tmp_free(c, fs);
    mtce_emit_op(c, OP_CLOSURE, (uint32_t)mtce_const(c, OBJ_VAL(p)));
    /* Now the first iterable, in this function. */
    ParsePos end;
    mtcc_save(c, &end, NULL);
    mtcc_restore(c, &k->first_at);
    mtcx_expr_prec(c, PREC_OR);
    mtce_emit(c, OP_ITER); /* what cannot be iterated fails here; ITER again gives the same */
    mtcc_restore(c, &end);
    mtce_emit_op(c, OP_CALL, 2);
    mtce_adjust(c, -2);
}

void mtcc_comprehension(C *c, CompKind kind, const ParsePos *item, const CodeMark *mark) {
    take_back(c, mark);
    Comp k;
    memset(&k, 0, sizeof k);
    k.kind = kind;
    k.item = item;
    k.acc = -1;
    if (kind == COMP_GEN) generator(c, &k);
    else inline_comprehension(c, &k);
}

/* {== Spread arguments: f(a, *xs, k=1, **m) ==} */

/* `*e`: appends every item of e to the argument list below it, with a loop as in a
   comprehension (e may be any iterable: a coroutine, a channel...). */
static void spread_items(C *c, uint32_t mode, uint32_t cache) {
    FnState *fs = c->fs;
    int saved_nlocals = fs->nlocals;
    while (fs->nlocals < fs->stack) mtc_add_hidden(c);
    int list = fs->nlocals - 1;
    mtc_begin_scope(c);
    mtcx_expression(c);
    mtce_emit_ab(c, OP_ARGS_ITER, mode, cache);
    mtce_emit(c, OP_NIL);
    int it_slot = mtc_add_hidden(c);
    mtc_add_hidden(c);
    int for_iter = mtce_jump(c, OP_FOR_ITER);
    int v = mtc_add_hidden(c);
    mtce_emit_op(c, OP_GET_LOCAL, (uint32_t)list);
    mtce_emit_op(c, OP_GET_LOCAL, (uint32_t)v);
    mtce_emit_op(c, OP_LIST_APPEND, 1);
    mtce_adjust(c, -1);
    mtce_emit(c, OP_POP);
    int pc = mtce_emit(c, MAKE_A(OP_FOR_NEXT, 0));
    mtce_patch_to(c, pc, for_iter + 1);
    fs->nlocals--;
    fs->stack--;
    int exit = mtce_here(c);
    mtce_patch_to(c, for_iter, exit);
    mtce_add_handler(c, for_iter, for_iter + 1, exit, it_slot + 2, HANDLER_FOR_STOP, it_slot);
    mtc_end_scope(c); /* the iterator and its state */
    fs->nlocals = saved_nlocals;
}

void mtcc_spread_arguments(C *c, const ParsePos *start, const CodeMark *mark, int cache) {
    take_back(c, mark);
    mtcc_restore(c, start);
    uint32_t mode = cache >= 0 ? 2 : 0, site = cache >= 0 ? (uint32_t)cache : 0;
    mtce_emit_op(c, OP_LIST, 0);
    mtce_adjust(c, 1);
    bool keywords = false; /* the map of keyword arguments is on the stack */
    List *names = mto_list(c->vm, 4);
    mtce_const(c, OBJ_VAL(names)); /* (keeps it alive) */
    while (!mtcx_check(c, TOK_RPAREN)) {
        Token at = c->cur;
        if (mtcx_match(c, TOK_STARSTAR)) {
            if (!keywords) {
                mtce_emit_op(c, OP_MAP, 0);
                mtce_adjust(c, 1);
                keywords = true;
            }
            mtcx_expression(c);
            mtce_emit_ab(c, OP_KW_MERGE, mode, site);
        } else if (mtcx_check(c, TOK_NAME) && mtcx_peek(c) == TOK_EQ) {
            mtcx_advance(c);
            String *name = mtce_name(c, &at);
            mtcx_advance(c); /* '=' */
            for (uint32_t i = 0; i < names->count; i++)
                if (AS_STRING(names->items[i]) == name)
                    mtce_error_at(c, &at, "keyword argument '%s' given twice", name->chars);
            mto_list_push(c->vm, names, OBJ_VAL(name));
            if (!keywords) {
                mtce_emit_op(c, OP_MAP, 0);
                mtce_adjust(c, 1);
                keywords = true;
            }
            mtce_emit_op(c, OP_CONST, (uint32_t)mtce_const(c, OBJ_VAL(name)));
            mtcx_expression(c);
            mtce_emit_op(c, OP_MAP, 1);
            mtce_adjust(c, -1);
            mtce_emit_ab(c, OP_KW_MERGE, mode, site);
        } else {
            if (keywords) mtce_error_at(c, &at, "positional argument after keyword argument");
            if (mtcx_match(c, TOK_STAR)) {
                spread_items(c, mode, site);
            } else {
                mtcx_expression(c);
                mtce_emit_op(c, OP_LIST_APPEND, 1);
                mtce_adjust(c, -1);
            }
        }
        if (!mtcx_match(c, TOK_COMMA)) break;
    }
    mtcx_consume(c, TOK_RPAREN, "')' after arguments");
    if (!keywords) mtce_emit(c, OP_NIL);
}
