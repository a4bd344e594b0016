/*
** opcodes.h — the instruction set, defined once.
**
** Instructions are 32-bit words: the opcode in the low 8 bits and either one 24-bit operand
** A (unsigned, or signed sA for jumps) or two operands A8 (bits 8-15) and B16 (bits 16-31).
** OP(NAME, effect): `effect` is the fixed stack effect, or VAR when it depends on operands
** (the compiler accounts for those itself).
**
** Jumps are relative to the instruction after the jump.
*/

#define VAR 99

/* clang-format off */
#define MT_OPCODES(OP)                                                                     \
    /* constants and stack */                                                              \
    OP(CONST, 1)          /* push K[A] */                                                  \
    OP(INT, 1)            /* push sA as an int */                                          \
    OP(NIL, 1)                                                                             \
    OP(TRUE, 1)                                                                            \
    OP(FALSE, 1)                                                                           \
    OP(POP, -1)                                                                            \
    OP(POPN, VAR)         /* pop A values */                                               \
    OP(DUP, 1)                                                                             \
    OP(DUP2, 2)           /* [a, b] -> [a, b, a, b] */                                     \
    /* variables */                                                                        \
    OP(GET_LOCAL, 1)                                                                       \
    OP(GET_OWNED_LOCAL, 1) /* GET_LOCAL of a local += may own (vm.c "Owned ints") */       \
    OP(SET_LOCAL, -1)                                                                      \
    OP(GET_UPVAL, 1)                                                                       \
    OP(SET_UPVAL, -1)                                                                      \
    OP(CLOSE_UPVALS, 0)   /* close upvalues at slots >= A */                               \
    OP(GET_GLOBAL, 1)                                                                      \
    OP(SET_GLOBAL, -1)    /* NameError unless declared */                                  \
    OP(DEFINE_GLOBAL, -1)                                                                  \
    /* fused local arithmetic: push local[A8] op K/local[B16] */                           \
    OP(ADD_LK, 1)                                                                          \
    OP(SUB_LK, 1)                                                                          \
    OP(MUL_LK, 1)                                                                          \
    OP(ADD_LL, 1)                                                                          \
    OP(SUB_LL, 1)                                                                          \
    OP(MUL_LL, 1)                                                                          \
    /* fused arithmetic with a local right operand: TOS = TOS op local[A] */               \
    OP(ADD_L, 0)                                                                           \
    OP(SUB_L, 0)                                                                           \
    OP(MUL_L, 0)                                                                           \
    OP(DIV_L, 0)                                                                           \
    /* fused arithmetic with a constant: TOS = TOS op K[A] (_K), TOS = K[A] op TOS (K_) */ \
    OP(ADD_K, 0)                                                                           \
    OP(SUB_K, 0)                                                                           \
    OP(MUL_K, 0)                                                                           \
    OP(DIV_K, 0)                                                                           \
    OP(IDIV_K, 0)                                                                          \
    OP(MOD_K, 0)                                                                           \
    OP(POW_K, 0)                                                                           \
    OP(K_ADD, 0)                                                                           \
    OP(K_SUB, 0)                                                                           \
    OP(K_MUL, 0)                                                                           \
    OP(K_DIV, 0)                                                                           \
    /* arithmetic stored at once: [a, b] -> local[A] = a op b (_SET_L), or               \
       local[A8].name = a op b (_SET_ATTR_L, cache B16) */                                 \
    OP(ADD_SET_L, -2)                                                                      \
    OP(SUB_SET_L, -2)                                                                      \
    OP(MUL_SET_L, -2)                                                                      \
    OP(DIV_SET_L, -2)                                                                      \
    OP(ADD_SET_ATTR_L, -2)                                                                 \
    OP(SUB_SET_ATTR_L, -2)                                                                 \
    OP(MUL_SET_ATTR_L, -2)                                                                 \
    OP(INC_LOCAL, 0)      /* local[A8] += sB16 (small int) */                              \
    OP(ADD_ASSIGN_LL, 0)  /* local[A8] = local[A8] + local[B16] */                         \
    OP(GET_INDEX_LL, 1)   /* push local[A8][local[B16]] */                                 \
    OP(GET_INDEX_LK, 1)   /* push local[A8][K[B16]] */                                     \
    OP(SET_INDEX_LL, -1)  /* local[A8][local[B16]] = pop */                                \
    /* a load whose next word is always a SET_INDEX_LL: the store too, when both are list   \
       items (xs[i] = ys[j], xs[i] = v); else the load alone, then the SET runs */         \
    OP(MOVE_INDEX_LL, 1)  /* as GET_INDEX_LL */                                            \
    OP(MOVE_LOCAL, 1)     /* as GET_LOCAL */                                               \
    OP(GET_ATTR_L, 1)     /* push local[A8].name (cache B16) */                            \
    OP(SET_ATTR_L, -1)    /* local[A8].name = pop (cache B16) */                           \
    /* attributes and items */                                                             \
    OP(GET_ATTR, 0)       /* A: cache */                                                   \
    OP(SET_ATTR, -2)      /* [obj, v]; A: cache */                                         \
    OP(GET_INDEX, -1)                                                                      \
    OP(SET_INDEX, -3)                                                                      \
    OP(SLICE, -2)         /* [obj, lo, hi] -> [obj[lo:hi]] */                              \
    /* operators */                                                                        \
    OP(ADD, -1)                                                                            \
    OP(SUB, -1)                                                                            \
    OP(MUL, -1)                                                                            \
    OP(DIV, -1)                                                                            \
    OP(IDIV, -1)                                                                           \
    OP(MOD, -1)                                                                            \
    OP(POW, -1)                                                                            \
    OP(BAND, -1)                                                                           \
    OP(BOR, -1)                                                                            \
    OP(BXOR, -1)                                                                           \
    OP(SHL, -1)                                                                            \
    OP(SHR, -1)                                                                            \
    OP(NEG, 0)                                                                             \
    OP(NOT, 0)                                                                             \
    OP(BNOT, 0)                                                                            \
    OP(EQ, -1)                                                                             \
    OP(NE, -1)                                                                             \
    OP(LT, -1)                                                                             \
    OP(LE, -1)                                                                             \
    OP(GT, -1)                                                                             \
    OP(GE, -1)                                                                             \
    OP(IN, -1)                                                                             \
    OP(NOT_IN, -1)                                                                         \
    /* control flow */                                                                     \
    OP(JUMP, 0)                                                                            \
    OP(LOOP, 0)           /* backward jump: a safe point */                                \
    OP(JUMP_IF_FALSE, -1)                                                                  \
    OP(JUMP_IF_TRUE, -1)                                                                   \
    OP(JUMP_IF_FALSE_KEEP, VAR) /* `and`: keep and jump if falsy, else pop */              \
    OP(JUMP_IF_TRUE_KEEP, VAR)  /* `or` */                                                 \
    OP(JUMP_IF_NIL, -1)         /* pop, jump if it is nil: `if x != nil` */                \
    OP(JUMP_IF_NOT_NIL, -1)     /* `if x == nil` */                                        \
    /* compare-and-branch: if not (local[A8] OP K[B16] / local[B16]) jump by next word */  \
    OP(JLT_LK, 0)                                                                          \
    OP(JLE_LK, 0)                                                                          \
    OP(JGT_LK, 0)                                                                          \
    OP(JGE_LK, 0)                                                                          \
    OP(JEQ_LK, 0)                                                                          \
    OP(JNE_LK, 0)                                                                          \
    OP(JLT_LL, 0)                                                                          \
    OP(JLE_LL, 0)                                                                          \
    OP(JGT_LL, 0)                                                                          \
    OP(JGE_LL, 0)                                                                          \
    OP(JEQ_LL, 0)                                                                          \
    OP(JNE_LL, 0)                                                                          \
    OP(ARG_DEFAULT, 0)    /* if local[A8] is set, jump by B16 */                           \
    /* calls */                                                                            \
    OP(CALL, VAR)         /* [f, args...]; A: argc */                                      \
    OP(CALL_KW, VAR)      /* A8: argc, B16: K of keyword names */                          \
    OP(CALL_ITER, VAR)    /* CALL whose result `for` iterates (ITER, NIL follow): range()  \
                             of small ints is a counting loop at once, without the object */ \
    OP(INVOKE, VAR)       /* [recv, args...]; A8: argc, B16: cache */                      \
    OP(INVOKE_KW, VAR)    /* as INVOKE, next word: K of keyword names */                   \
    OP(SUPER_INVOKE, VAR) /* [self, args..., super]; A8: argc, B16: cache */               \
    OP(SUPER_GET, -1)     /* [self, super] -> [bound method]; A: cache */                  \
    OP(RETURN, VAR)                                                                        \
    OP(CLOSURE, 1)        /* A: K of the proto */                                          \
    OP(CLASS, 0)          /* [super or nil] -> [class]; A: K of name */                    \
    OP(METHOD, -1)        /* [class, fn] -> [class]; A: K of name */                       \
    OP(STATIC, -1)        /* [class, v] -> [class]: class variable K[A] ("@doc": docstring) */ \
    OP(SPAWN, VAR)        /* like CALL, in a new thread */                                 \
    OP(SPAWN_KW, VAR)     /* like CALL_KW, in a new thread */                              \
    OP(YIELD, 0)                                                                           \
    OP(IMPORT, 1)         /* A: K of the module name */                                    \
    /* builders */                                                                         \
    OP(LIST, VAR)         /* A items */                                                    \
    OP(MAP, VAR)          /* A key/value pairs */                                          \
    OP(LIST_APPEND, VAR)  /* [list, A items] -> [list] (long displays, in chunks) */       \
    OP(MAP_ADD, VAR)      /* [map, A key/value pairs] -> [map] (long displays) */          \
    OP(BUILD_SET, VAR)    /* A members */                                                  \
    OP(SET_ADD, VAR)      /* [set, A members] -> [set] (long displays) */                  \
    OP(BUILD_STRING, VAR) /* A parts, each already a str */                                \
    OP(TO_STR, 0)         /* str(v) (f-string part) */                                     \
    OP(FORMAT, -1)        /* [v, spec] -> [formatted]  (f-string {v:spec}) */              \
    OP(TO_REPR, 0)        /* repr(v) (f-string {v!r}) */                                   \
    /* iteration */                                                                        \
    OP(ITER, 0)           /* [x] -> [iterator] (the compiler pushes a nil state) */        \
    OP(FOR_ITER, 1)       /* [it, state] -> [it, state, v], or jump sA when done */        \
    OP(FOR_NEXT, 0)       /* loop end: [it, state, v] -> next v and jump back sA, or pop v */ \
    /* errors */                                                                           \
    OP(RAISE, -1)                                                                          \
    OP(RERAISE, 0)        /* re-raise local[A] (bare raise) */                             \
    OP(EXC_MATCH, -1)     /* [exc, class] -> [bool] */                                     \
    OP(END_FINALLY, 0)    /* A8: kind slot, B16: n; then n jump words */                   \
    OP(WITH_ERR, 1)       /* push the error in flight (A: kind slot) or nil */             \
    OP(WITH_RESULT, -1)   /* pop exit()'s result; true suppresses an Error */              \
    OP(SELECT, VAR)       /* A8: cases, B16: K of case kinds; then words */                \
    OP(UNPACK, VAR)       /* [seq] -> A8 items; B16: UNPACK_* flags and star index */      \
    OP(TUPLE, VAR)        /* A items -> a tuple */                                         \
    OP(LIST_TO_TUPLE, 0)  /* [list] -> [tuple] (long tuple displays) */                    \
    OP(SLICE3, -3)        /* [obj, lo, hi, step] -> [obj[lo:hi:step]] */                   \
    OP(SET_SLICE, -5)     /* [obj, lo, hi, step, v]: obj[lo:hi:step] = v */                \
    OP(DEL_INDEX, -2)     /* [obj, key]: del obj[key] */                                   \
    OP(DEL_SLICE, -4)     /* [obj, lo, hi, step]: del obj[lo:hi:step] */                   \
    OP(ROT, 0)            /* [x, y1..yA] -> [y1..yA, x] */                                 \
    OP(REVERSE, 0)        /* reverses the top A values */                                  \
    /* variadic functions and spread calls f(*xs, **m) */                                  \
    OP(ARGS_EXTRA, VAR)   /* prologue: fill *args, keyword-only and **kw slots */          \
    OP(ARGS_ITER, 0)      /* as ITER for f(*x): [f, list, x] -> [f, list, iterator] */     \
    OP(KW_MERGE, -1)      /* f(**m): [f, list, map, m] -> [f, list, map]; A8/B16 as below */ \
    OP(CALL_SPREAD, -2)   /* [f, list, map or nil] -> [result]; A8: 0 call, 1 spawn,        \
                             2 method (B16: cache) */                                      \
    OP(NOP, 0)                                                                             \
    OP(EXTRA, 0)          /* operand word of the previous instruction */                \
    OP(EXTRA_T, 0)        /* jump word of a compare-and-branch taken when true */
/* clang-format on */

typedef enum {
#define OP_ENUM(name, effect) OP_##name,
    MT_OPCODES(OP_ENUM)
#undef OP_ENUM
        OP__COUNT
} OpCode;

#define INSTR_OP(i)       ((OpCode)((i)&0xff))
#define INSTR_A(i)        ((uint32_t)(i) >> 8)
#define INSTR_SA(i)       ((int32_t)(i) >> 8)
#define INSTR_A8(i)       (((i) >> 8) & 0xff)
#define INSTR_B16(i)      ((uint32_t)(i) >> 16)
#define INSTR_SB16(i)     ((int32_t)(i) >> 16)
#define MAKE_A(op, a)     ((Instr)(op) | ((Instr)(a) << 8))
#define MAKE_AB(op, a, b) ((Instr)(op) | ((Instr)(a) << 8) | ((Instr)(b) << 16))

/* UNPACK's B16: the index of the starred target + 1 in the low byte (0: none), and
   whether the items go on the stack last first (the first on top, for stores). */
#define UNPACK_STAR_MASK 0xff
#define UNPACK_REVERSED  0x100

#define MT_MAX_A  0xffffff
#define MT_MAX_SA 0x7fffff
