/*
** lexer.h — the scanner: source text to tokens, including the NEWLINE / INDENT / DEDENT
** tokens of the indentation grammar. It keeps an indent stack and a count of pending
** dedents, ignores line structure inside brackets, and refuses indentation that mixes tabs
** and spaces.
*/
#ifndef MT_LEXER_H
#define MT_LEXER_H

#include "vm/common.h"

/* clang-format off */
#define MT_TOKENS(T)                                                                        \
    T(EOF, "end of file") T(NEWLINE, "end of line") T(INDENT, "indent")                     \
    T(DEDENT, "dedent") T(ERROR, "error")                                                   \
    T(NAME, "name") T(INT, "integer") T(FLOAT, "float") T(STRING, "string")                 \
    T(FSTRING, "f-string") T(BYTES, "bytes")                                                \
    T(LPAREN, "'('") T(RPAREN, "')'") T(LBRACKET, "'['") T(RBRACKET, "']'")                 \
    T(LBRACE, "'{'") T(RBRACE, "'}'") T(COMMA, "','") T(DOT, "'.'") T(COLON, "':'")         \
    T(SEMICOLON, "';'") T(PLUS, "'+'") T(MINUS, "'-'") T(STAR, "'*'") T(SLASH, "'/'")       \
    T(SLASHSLASH, "'//'") T(PERCENT, "'%'") T(STARSTAR, "'**'") T(AMP, "'&'")               \
    T(PIPE, "'|'") T(CARET, "'^'") T(TILDE, "'~'") T(SHL, "'<<'") T(SHR, "'>>'")            \
    T(EQ, "'='") T(EQEQ, "'=='") T(NE, "'!='") T(LT, "'<'") T(LE, "'<='") T(GT, "'>'")      \
    T(GE, "'>='") T(PLUSEQ, "'+='") T(MINUSEQ, "'-='") T(STAREQ, "'*='")                   \
    T(SLASHEQ, "'/='") T(SLASHSLASHEQ, "'//='") T(PERCENTEQ, "'%='")                        \
    T(STARSTAREQ, "'**='") T(AMPEQ, "'&='") T(PIPEEQ, "'|='") T(CARETEQ, "'^='")          \
    T(SHLEQ, "'<<='") T(SHREQ, "'>>='") T(ARROW, "'->'")                                    \
    /* keywords */                                                                          \
    T(AND, "'and'") T(AS, "'as'") T(BREAK, "'break'") T(CLASS, "'class'")                   \
    T(CONTINUE, "'continue'") T(DEF, "'def'") T(DEL, "'del'") T(ELIF, "'elif'") T(ELSE, "'else'")           \
    T(EXCEPT, "'except'") T(FALSE, "'false'") T(FINALLY, "'finally'") T(FN, "'fn'")         \
    T(FOR, "'for'") T(FROM, "'from'") T(IF, "'if'") T(IMPORT, "'import'") T(IN, "'in'")     \
    T(LET, "'let'") T(NIL, "'nil'") T(NOT, "'not'") T(OR, "'or'") T(PASS, "'pass'")         \
    T(RAISE, "'raise'") T(RETURN, "'return'") T(SELECT, "'select'") T(SPAWN, "'spawn'")     \
    T(SUPER, "'super'") T(TRUE, "'true'") T(TRY, "'try'") T(WHILE, "'while'")               \
    T(WITH, "'with'") T(YIELD, "'yield'")
/* clang-format on */

typedef enum {
#define TOK_ENUM(name, text) TOK_##name,
    MT_TOKENS(TOK_ENUM)
#undef TOK_ENUM
        TOK__COUNT
} TokenType;

typedef struct {
    TokenType type;    /* what it is */
    const char *start; /* its first byte in the source */
    uint32_t len;      /* its length in bytes */
    int line, col;     /* where it starts (col in code points, 1-based) */
    union {
        int64_t i; /* an int literal's value */
        double d;  /* a float literal's value */
    } as;
    const char *error; /* TOK_ERROR: the message */
} Token;

#define MT_MAX_INDENT 100

typedef struct Lexer {
    const char *src, *cur, *end; /* the source, the next byte to read, its end */
    const char *line_start;      /* the first byte of the current line */
    int line;                    /* the current line number */
    int indents[MT_MAX_INDENT];  /* the indentation stack (widths of the open blocks) */
    int nindents;                /* its depth */
    int pending_dedents;         /* DEDENTs still to hand out */
    int paren_depth;       /* open brackets: inside them newlines and indentation do not count */
    bool at_line_start;    /* the next token starts a line: measure its indentation */
    bool line_has_tokens;  /* the line has tokens (else it is blank: no NEWLINE) */
    bool eof_newline_done; /* the NEWLINE before EOF was handed out */
    char indent_char;      /* ' ' or '\t' once the file's first indented line is seen */
    bool incomplete;       /* hit the end inside brackets, a string or after ':' (REPL) */
    bool expr_mode;        /* an f-string expression: no line structure at all */
    int line_offset, col_offset; /* for sub-lexers over f-string expressions */
    const char *col_ptr;         /* a position on the current line and its column: */
    int col_val;                 /* columns are counted on from there, not from 1 */
} Lexer;

/* A lexer over src[0..len) from its first line. */
MT_INTERNAL void mtl_init(Lexer *l, const char *src, size_t len);

/* A lexer over an f-string field, positioned where it sits in the source (for messages). */
MT_INTERNAL void mtl_init_expr(Lexer *l, const char *src, size_t len, int line, int col);

/* The next token (NEWLINE, INDENT and DEDENT included). */
MT_INTERNAL Token mtl_next(Lexer *l);

/* How a token type is named in messages. */
MT_INTERNAL const char *mtl_token_name(TokenType t);
/* Checks that the text is valid UTF-8 without NUL bytes; on failure gives the position. */

#endif
