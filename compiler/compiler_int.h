/*
** compiler_int.h — state shared by the compiler's files (emit.c, expr.c, compiler.c).
**
** The compiler is one pass: the parser calls emit functions as it recognises constructs,
** with no syntax tree. Each function being compiled has an FnState; nested functions chain
** through `enclosing`. The first error aborts the compile by longjmp to mtc_compile, which
** frees the in-progress buffers; so does running out of memory, after which mtc_compile
** passes the MemoryError on. Every block a parsing function holds in a C local is
** registered (mtce_tmp_*) so that either way frees it.
*/
#ifndef MT_COMPILER_INT_H
#define MT_COMPILER_INT_H

#include <setjmp.h>

#include "compiler/compiler.h"
#include "compiler/lexer.h"
#include "vm/opcodes.h"
#include "vm/vm.h"

typedef struct {
    String *name;  /* the variable (hidden ones start with @) */
    int depth;     /* the scope depth it was declared at (-1: not usable yet) */
    bool captured; /* a closure captures it: close its upvalue when it goes */
    bool hidden;   /* compiler temporaries: never found by name */
    bool ownable;  /* ADD_ASSIGN_LL stores to it: read with GET_OWNED_LOCAL */
    int start_pc;  /* where its slot became this local */
} Local;

typedef enum { FN_MODULE, FN_FUNCTION, FN_METHOD, FN_LAMBDA } FnKind;

/* A jump waiting for its target. */
typedef struct {
    int *pcs;       /* the jumps to patch */
    int count, cap; /* their number and capacity */
} JumpList;

typedef struct Loop {
    struct Loop *enclosing;
    int start;                     /* continue target */
    int nlocals;                   /* locals live at the loop's body entry (kept by continue) */
    int exit_nlocals;              /* locals live at the loop exit (kept by break) */
    JumpList breaks;               /* its breaks, patched to the loop's end */
    struct TryBlock *try_at_start; /* innermost finally when the loop began */
} Loop;

/* Exits (return, break, continue) that leave a try-finally: each gets a kind number. */
typedef struct {
    int what;   /* 0 return, 1 break, 2 continue */
    Loop *loop; /* the loop a break or continue leaves */
} FinallyExit;

typedef struct TryBlock {
    struct TryBlock *enclosing;
    int kind_slot;         /* value slot is kind_slot - 1 */
    int nlocals;           /* locals live at the finally entry (incl. value and kind) */
    JumpList to_finally;   /* jumps into the finally body, patched when it is compiled */
    FinallyExit exits[16]; /* the distinct return/break/continue targets leaving the try */
    int nexits;            /* their number */
} TryBlock;

typedef struct FnState {
    struct FnState *enclosing;
    FnKind kind;         /* module top level, function, method or lambda */
    Proto *proto;        /* the function being built */
    Instr *code;         /* its bytecode so far */
    int32_t *lines;      /* the line of each instruction */
    int ncode, code_cap; /* instructions and capacity */
    int lines_cap; /* grows just after code_cap (they differ only if memory ran out between) */
    Value *consts; /* its constants so far */
    int nconsts, consts_cap;              /* constants and capacity */
    Handler *handlers;                    /* handlers so far */
    int nhandlers, handlers_cap;          /* their number and capacity */
    Region *regions;                      /* regions so far */
    int nregions, regions_cap;            /* their number and capacity */
    AttrCache *caches;                    /* attribute cache sites so far */
    int ncaches, caches_cap;              /* their number and capacity */
    Local locals[MT_MAX_LOCALS + 8];      /* the stack slots in scope, in order */
    int nlocals;                          /* slots in use */
    UpvalDesc upvals[MT_MAX_UPVALUES];    /* what each upvalue captures */
    String *upval_names[MT_MAX_UPVALUES]; /* their names (to find them again) */
    int nupvals;                          /* upvalues so far */
    int scope_depth;                      /* block nesting (0: the function body) */
    int stack, maxstack;                  /* operand + local slots in use */
    /* maxstack before each of the newest instructions (by pc & 7): peephole fusion that
       removes loads gives back the peak they made (mtce_unemit). Never below max_floor,
       which counts slots added outside any instruction (default argument expressions). */
    int max_before[8], max_floor;
    int last_op_pc;      /* start of the newest instruction, for peephole fusion */
    int barrier;         /* no fusion across a jump target at or after this pc */
    Loop *loop;          /* the innermost loop being compiled (for break/continue) */
    TryBlock *try_block; /* the innermost try being compiled (for return/break/continue) */
    int except_slot;     /* slot of the error an enclosing except handles, or -1 */
    bool has_super;      /* inside a class with a base: the hidden `super` local/upvalue */
    bool genexpr;        /* the body of a generator expression: `yield` is refused */
    bool doc_pending;    /* its body's first statement, if a string, is its docstring */
} FnState;

/* A block the parse holds in a C local (mtmem, with its size for freeing). */
typedef struct {
    void *p;     /* the block */
    size_t size; /* its size */
} CompileTmp;

typedef struct CompilerState {
    VM *vm;                /* the VM the objects are made in */
    Lexer lex;             /* the token stream */
    Token cur, prev, next; /* the current token, the one before, and one of lookahead */
    bool has_next;         /* next holds a token already read */
    FnState *fs;           /* the function being compiled (innermost) */
    Module *module;        /* the module the code belongs to */
    const char *src;       /* the source */
    size_t src_len;        /* its length */
    jmp_buf abort;         /* where a compile error jumps */
    char *error; /* formatted message: a host block (mtmem_host_realloc) of error_size bytes */
    size_t error_size; /* see error */
    bool incomplete;   /* the error is input ending too early (the REPL continues) */
    bool repl;         /* compiling a REPL entry (an expression statement prints its value) */
    bool result_set;   /* repl: the top-level statement just compiled stored its value */
    bool script;       /* compiling a program's main script (top-level lets may be locals) */
    int script_locals; /* script: top-level lets made locals so far */
    int stmt_depth;    /* statements being compiled, nested (1: a top-level one) */
    bool assigned;     /* the expression statement just parsed was an assignment */
    int depth;         /* parse nesting */
    int spawn_pending; /* the parse depth of a `spawn` waiting for its call, or 0 */
    struct CompilerState *outer; /* when compiling f-string pieces */
    CompileTmp *tmp;  /* blocks in use by the parse: freed even when an error aborts it */
    int ntmp, tmpcap; /* tmp's use and capacity */
} CompilerState;

typedef CompilerState C;

/* What the parse of an expression emitted, to take back when it turns out to be the item of
   a comprehension (compiled again inside the loops). */
typedef struct {
    int ncode, stack, nhandlers, nregions;
} CodeMark;

/* The container a comprehension builds. */
typedef enum { COMP_LIST, COMP_MAP, COMP_SET, COMP_GEN } CompKind;

/* emit.c */
MT_INTERNAL void *mtce_tmp_realloc(C *c, void *p, size_t size);
MT_INTERNAL void mtce_tmp_free(C *c, void *p);
MT_INTERNAL void mtce_tmp_free_all(C *c);
MT_INTERNAL _Noreturn void mtce_error_at(C *c, const Token *t, const char *fmt, ...)
    MT_PRINTF(3, 4);
MT_INTERNAL _Noreturn void mtce_error(C *c, const char *fmt, ...) MT_PRINTF(2, 3);
MT_INTERNAL int mtce_emit(C *c, Instr i);
/* Removes the newest n instructions (n < 8), leaving `slots` fewer values, and their peak. */
MT_INTERNAL void mtce_unemit(C *c, int n, int slots);
static inline bool mtce_is_get_local(Instr i) {
    return INSTR_OP(i) == OP_GET_LOCAL || INSTR_OP(i) == OP_GET_OWNED_LOCAL;
}
MT_INTERNAL int mtce_emit_op(C *c, OpCode op, uint32_t a);
MT_INTERNAL int mtce_emit_ab(C *c, OpCode op, uint32_t a, uint32_t b);
MT_INTERNAL void mtce_emit_iter(C *c);
MT_INTERNAL void mtce_adjust(C *c, int delta);
MT_INTERNAL int mtce_const(C *c, Value v);
MT_INTERNAL int mtce_cache(C *c, String *name);
MT_INTERNAL int mtce_jump(C *c, OpCode op);
MT_INTERNAL void mtce_patch(C *c, int pc);
MT_INTERNAL void mtce_patch_to(C *c, int pc, int target);
MT_INTERNAL void mtce_loop(C *c, int target);
MT_INTERNAL int mtce_here(C *c);
MT_INTERNAL void mtce_jl_add(C *c, JumpList *jl, int pc);
MT_INTERNAL void mtce_jl_patch(C *c, JumpList *jl);
MT_INTERNAL void mtce_jl_free(C *c, JumpList *jl);
MT_INTERNAL void mtce_add_handler(C *c, int start, int end, int target, int depth, HandlerKind k,
                                  int slot);
MT_INTERNAL void mtce_add_region(C *c, int start, int end, RegionKind k, int slot);
MT_INTERNAL void mtce_fn_begin(C *c, FnState *fs, FnKind kind, String *name);
MT_INTERNAL Proto *mtce_fn_end(C *c);
MT_INTERNAL void mtce_fn_free(C *c, FnState *fs);
MT_INTERNAL String *mtce_name(C *c, const Token *t);

/* expr.c */
typedef enum {
    PREC_NONE,
    PREC_ASSIGNMENT,
    PREC_LAMBDA,
    PREC_TERNARY,
    PREC_OR,
    PREC_AND,
    PREC_NOT,
    PREC_COMPARISON,
    PREC_BOR,
    PREC_BXOR,
    PREC_BAND,
    PREC_SHIFT,
    PREC_TERM,
    PREC_FACTOR,
    PREC_UNARY,
    PREC_POWER,
    PREC_CALL,
    PREC_PRIMARY
} Precedence;

/* Reads the next token (c->prev is the one just consumed). */
MT_INTERNAL void mtcx_advance(C *c);

/* Whether the current token has type t. */
MT_INTERNAL bool mtcx_check(C *c, TokenType t);

/* Consumes the current token if it has type t. */
MT_INTERNAL bool mtcx_match(C *c, TokenType t);

/* Consumes a token of type t, or a compile error naming `what`. */
MT_INTERNAL void mtcx_consume(C *c, TokenType t, const char *what);

/* The type of the token after the current one. */
MT_INTERNAL TokenType mtcx_peek(C *c);

/* Compiles one expression, leaving its value on the stack. */
MT_INTERNAL void mtcx_expression(C *c);

/* Compiles an expression of at least precedence p (the Pratt loop). */
MT_INTERNAL void mtcx_expr_prec(C *c, Precedence p);
MT_INTERNAL void mtcx_rhs(C *c); /* an expression, or a yield; a, b: a tuple */

/* A parser position to come back to (the lexer is a plain struct: a copy is a position).
   Target lists are compiled after the value they receive, which follows them. */
typedef struct {
    Lexer lex;
    Token cur, prev, next;
    bool has_next;
} ParsePos;
MT_INTERNAL void mtcx_save_pos(C *c, ParsePos *p);
MT_INTERNAL void mtcx_restore_pos(C *c, const ParsePos *p);

/* Moves the parser to the `end` token at bracket depth 0 (or the end of the line). */
MT_INTERNAL void mtcx_skip_to(C *c, TokenType end);

/* The rest of a tuple display whose first n items are on the stack (at a comma). */
MT_INTERNAL void mtcx_tuple_tail(C *c, int n);

/* What an expression statement is, read ahead: a plain expression (or assignment), a
   tuple (`a, b`), or an unpacking assignment (`a, b = ...`). */
enum { STMT_EXPR, STMT_TUPLE, STMT_UNPACK };
MT_INTERNAL int mtcx_statement_form(C *c);

/* Compiles `targets = value` (STMT_UNPACK). */
MT_INTERNAL void mtcx_unpack_assignment(C *c);

/* Declares the variables of a target list ending at `end` (let a, (b, *c) = v; for a, b
   in xs): the value follows `end` (from_source) or is on top of the stack. */
MT_INTERNAL void mtcx_declare_targets(C *c, TokenType end, bool top_level, bool from_source);

/* Compiles the targets of a del statement. */
MT_INTERNAL void mtcx_del(C *c);
MT_INTERNAL void mtcx_named_variable(C *c, const Token *name, bool can_assign);

/* Emits a read of a name: local, upvalue or global. */
/* The slot of the innermost local named `name` in fs, or -1. */
MT_INTERNAL int mtcx_find_local(FnState *fs, String *name);
MT_INTERNAL void mtcx_get_named(C *c, String *name, const Token *where);

/* Emits a store to a name (the value is on the stack). */
MT_INTERNAL void mtcx_set_named(C *c, String *name, const Token *where);

/* The upvalue index of name in fs (captured from enclosing functions), or -1. */
MT_INTERNAL int mtcx_resolve_upvalue(C *c, FnState *fs, String *name);

/* Compiles a def or fn body into a prototype and emits the CLOSURE that makes it. */
MT_INTERNAL Proto *mtc_function(C *c, FnKind kind, String *name, bool lambda);

/* Compiles a yield expression (bare or with a value). */
MT_INTERNAL void mtcx_yield(C *c);

/* Compiles a select case's operand expression up to its last .recv(), .send(v),
   .readable() or .writable(): the case kind (select.h's CASE_*). */
MT_INTERNAL char mtcx_select_operation(C *c);

/* comp.c: comprehensions and generator expressions */
MT_INTERNAL void mtcc_save(C *c, ParsePos *pos, CodeMark *mark);
MT_INTERNAL void mtcc_restore(C *c, const ParsePos *pos);

/* Compiles a comprehension once its first item (an expression, or `key: value` for a map)
   was parsed from `item` (with `mark` the code before it) and the current token is `for`;
   stops before the closing bracket. Leaves the list, map, set or coroutine on the stack. */
MT_INTERNAL void mtcc_comprehension(C *c, CompKind kind, const ParsePos *item,
                                    const CodeMark *mark);

/* Compiles a call's arguments again from `start` (the token after '(') when one of them is a
   spread (*xs or **m), up to and including ')': leaves [callee, list, map or nil] for
   CALL_SPREAD. `cache` names a method call's site (or -1), for messages. */
MT_INTERNAL void mtcc_spread_arguments(C *c, const ParsePos *start, const CodeMark *mark,
                                       int cache);

/* compiler.c */
MT_INTERNAL void mtc_begin_scope(C *c);
MT_INTERNAL void mtc_end_scope(C *c);
/* Ends a for loop's body: the jump back (or FOR_NEXT) and the loop's exit handler. */
MT_INTERNAL void mtc_for_end(C *c, int for_iter, int start, int it_slot, bool step_in_place);
MT_INTERNAL int mtc_add_local(C *c, String *name);
MT_INTERNAL int mtc_add_hidden(C *c);
MT_INTERNAL void mtc_block(C *c);
MT_INTERNAL void mtc_pop_locals_to(C *c, int nlocals, bool emit_only);

#endif
