/*
** lexer.c — the scanner.
*/
#include "compiler/lexer.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static const char *const token_names[] = {
#define TOK_NAME(name, text) text,
    MT_TOKENS(TOK_NAME)
#undef TOK_NAME
};

const char *mtl_token_name(TokenType t) { return token_names[t]; }

void mtl_init(Lexer *l, const char *src, size_t len) {
    memset(l, 0, sizeof *l);
    l->src = l->cur = l->line_start = src;
    l->end = src + len;
    l->line = 1;
    l->indents[0] = 0;
    l->nindents = 1;
    l->at_line_start = true;
}

/* A lexer over the expression inside an f-string's braces: no line structure, positions
   reported relative to the enclosing string. */
void mtl_init_expr(Lexer *l, const char *src, size_t len, int line, int col) {
    mtl_init(l, src, len);
    l->paren_depth = 1;
    l->at_line_start = false;
    l->expr_mode = true;
    l->line = line;
    l->col_offset = col - 1;
}

/* Column of `at` on the current line, counted on from the last token so that long lines
   cost linear time. */
static int column(Lexer *l, const char *at) {
    const char *from = l->line_start;
    int col = 1;
    if (l->col_ptr && l->col_ptr >= l->line_start && l->col_ptr <= at) {
        from = l->col_ptr;
        col = l->col_val;
    }
    for (const char *p = from; p < at; p++) col += ((unsigned char)*p & 0xC0) != 0x80;
    l->col_ptr = at;
    l->col_val = col;
    return col + l->col_offset;
}

static Token make(Lexer *l, TokenType type, const char *start) {
    Token t;
    t.type = type;
    t.start = start;
    t.len = (uint32_t)(l->cur - start);
    t.line = l->line;
    t.col = column(l, start);
    t.as.i = 0;
    t.error = NULL;
    return t;
}

static Token error_at(Lexer *l, const char *at, const char *msg) {
    Token t = make(l, TOK_ERROR, at);
    t.error = msg;
    return t;
}

static bool is_name_start(unsigned char c) {
    return c == '_' || (unsigned)((c | 0x20) - 'a') < 26u || c >= 0x80;
}
/* U+FEFF: skipped at the very start of a source (module.c), an error anywhere else. */
static bool is_bom(const char *p, const char *end) {
    return end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0;
}

static bool is_digit(char c) { return (unsigned)(c - '0') < 10u; }

/* Non-ASCII identifier characters must be letters, marks or digits. */
static const char *scan_unicode_name_char(const char *p, const char *end) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n =
        utf8proc_iterate((const utf8proc_uint8_t *)p, (utf8proc_ssize_t)(end - p), &cp);
    if (n <= 0) return NULL;
    utf8proc_category_t cat = utf8proc_category(cp);
    if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ND) return p + n;
    if (cat == UTF8PROC_CATEGORY_PC) return p + n;
    return NULL;
}

static TokenType keyword(const char *s, size_t n) {
    static const struct {
        const char *word;
        TokenType type;
    } words[] = {
        // clang-format off
        {"and", TOK_AND},       {"as", TOK_AS},         {"break", TOK_BREAK},
        {"class", TOK_CLASS},   {"continue", TOK_CONTINUE}, {"def", TOK_DEF},     {"del", TOK_DEL},
        {"elif", TOK_ELIF},     {"else", TOK_ELSE},     {"except", TOK_EXCEPT},
        {"false", TOK_FALSE},   {"finally", TOK_FINALLY}, {"fn", TOK_FN},
        {"for", TOK_FOR},       {"from", TOK_FROM},     {"if", TOK_IF},
        {"import", TOK_IMPORT}, {"in", TOK_IN},         {"let", TOK_LET},
        {"nil", TOK_NIL},       {"not", TOK_NOT},       {"or", TOK_OR},
        {"pass", TOK_PASS},     {"raise", TOK_RAISE},   {"return", TOK_RETURN},
        {"select", TOK_SELECT}, {"spawn", TOK_SPAWN},   {"super", TOK_SUPER},
        {"true", TOK_TRUE},     {"try", TOK_TRY},       {"while", TOK_WHILE},
        {"with", TOK_WITH},     {"yield", TOK_YIELD},
        // clang-format on
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strlen(words[i].word) == n && memcmp(words[i].word, s, n) == 0) return words[i].type;
    return TOK_NAME;
}

static Token scan_name(Lexer *l, const char *start) {
    while (l->cur < l->end) {
        unsigned char c = (unsigned char)*l->cur;
        if (c < 0x80) {
            if (!is_name_start(c) && !is_digit((char)c)) break;
            l->cur++;
        } else {
            const char *next = scan_unicode_name_char(l->cur, l->end);
            if (!next) break;
            l->cur = next;
        }
    }
    return make(l, keyword(start, (size_t)(l->cur - start)), start);
}

/* Digits of one base with single '_' separators between them; copies digits into buf. */
static bool scan_digits(Lexer *l, int base, char *buf, size_t *n, size_t cap) {
    bool any = false, last_us = false;
    while (l->cur < l->end) {
        char c = *l->cur;
        int d = is_digit(c)                                ? c - '0'
                : ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') ? (c | 0x20) - 'a' + 10
                                                           : 99;
        if (c == '_') {
            if (!any || last_us) return false;
            last_us = true;
            l->cur++;
            continue;
        }
        if (d >= base) break;
        if (*n + 1 < cap) buf[(*n)++] = c;
        any = true;
        last_us = false;
        l->cur++;
    }
    return any && !last_us;
}

static Token scan_number(Lexer *l, const char *start) {
    char buf[128];
    size_t n = 0;
    int base = 10;
    if (*start == '0' && l->cur < l->end && strchr("xXoObB", *l->cur) && *l->cur) {
        char p = (char)(*l->cur | 0x20);
        base = p == 'x' ? 16 : p == 'o' ? 8 : 2;
        l->cur++;
        if (!scan_digits(l, base, buf, &n, sizeof buf))
            return error_at(l, start, "malformed number");
    } else {
        l->cur = start;
        if (!scan_digits(l, 10, buf, &n, sizeof buf)) return error_at(l, start, "malformed number");
    }
    bool is_float = false;
    if (base == 10 && l->cur + 1 < l->end && *l->cur == '.' && is_digit(l->cur[1])) {
        is_float = true;
        if (n + 1 < sizeof buf) buf[n++] = '.';
        l->cur++;
        if (!scan_digits(l, 10, buf, &n, sizeof buf)) return error_at(l, start, "malformed number");
    }
    if (base == 10 && l->cur < l->end && (*l->cur | 0x20) == 'e') {
        const char *save = l->cur;
        l->cur++;
        if (l->cur < l->end && (*l->cur == '+' || *l->cur == '-')) l->cur++;
        if (l->cur < l->end && is_digit(*l->cur)) {
            is_float = true;
            if (n + 1 < sizeof buf) buf[n++] = 'e';
            if (save[1] == '-' && n + 1 < sizeof buf) buf[n++] = '-';
            if (!scan_digits(l, 10, buf, &n, sizeof buf))
                return error_at(l, start, "malformed number");
        } else {
            l->cur = save;
        }
    }
    if (l->cur < l->end && (is_name_start((unsigned char)*l->cur) || is_digit(*l->cur)))
        return error_at(l, start, "malformed number");
    if (n >= sizeof buf - 1) return error_at(l, start, "number literal too long");
    buf[n] = '\0';
    Token t = make(l, is_float ? TOK_FLOAT : TOK_INT, start);
    errno = 0;
    if (is_float) {
        t.as.d = strtod(buf, NULL);
    } else {
        unsigned long long v = strtoull(buf, NULL, base);
        if (errno == ERANGE || v > (unsigned long long)INT64_MAX)
            return error_at(l, start, "integer literal too large (ints are 64-bit)");
        t.as.i = (int64_t)v;
    }
    return t;
}

/* Skips a string body; `start` points at the opening quote(s). F-strings skip nested
   quoted strings inside their {} so that f"{m["k"]}" scans as one token. */
static Token scan_string_body(Lexer *l, const char *tok_start, bool fstring);

/* Strings may span lines (triple quotes): the token's position is where it starts, taken
   before the body moves the line start (and counted on from the previous token, so that a
   line of many strings costs linear time). */
static Token scan_string(Lexer *l, const char *tok_start, bool fstring) {
    int line = l->line;
    int col = column(l, tok_start);
    Token t = scan_string_body(l, tok_start, fstring);
    t.line = line;
    t.col = col;
    return t;
}

static Token scan_string_body(Lexer *l, const char *tok_start, bool fstring) {
    char q = *l->cur;
    bool triple = l->cur + 2 < l->end && l->cur[1] == q && l->cur[2] == q;
    l->cur += triple ? 3 : 1;
    int depth = 0;
    char inner_q = 0;
    while (l->cur < l->end) {
        char c = *l->cur;
        if (c == '\\') {
            if (l->cur + 1 < l->end && l->cur[1] == '\n') { /* a line continuation */
                l->line++;
                l->line_start = l->cur + 2;
            }
            l->cur += (l->cur + 1 < l->end) ? 2 : 1;
            continue;
        }
        if (c == '\n') {
            if (!triple) return error_at(l, tok_start, "unterminated string");
            l->line++;
            l->line_start = l->cur + 1;
            l->cur++;
            continue;
        }
        if (fstring && depth > 0) {
            if (inner_q) {
                if (c == inner_q) inner_q = 0;
            } else if (c == '\'' || c == '"') {
                if (c == q && !triple) {
                    /* the closing quote may not appear inside a single-quoted f-string's {} */
                    inner_q = c;
                } else {
                    inner_q = c;
                }
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            }
            l->cur++;
            continue;
        }
        if (fstring && c == '{') {
            if (l->cur + 1 < l->end && l->cur[1] == '{') l->cur += 2;
            else {
                depth = 1;
                l->cur++;
            }
            continue;
        }
        if (c == q) {
            if (!triple) {
                l->cur++;
                return make(l, fstring ? TOK_FSTRING : TOK_STRING, tok_start);
            }
            if (l->cur + 2 < l->end && l->cur[1] == q && l->cur[2] == q) {
                l->cur += 3;
                return make(l, fstring ? TOK_FSTRING : TOK_STRING, tok_start);
            }
        }
        l->cur++;
    }
    l->incomplete = true;
    return error_at(l, tok_start, "unterminated string");
}

/* The length of the prefix of a string literal at p (f, r, b, and rb or br for raw bytes,
   in either case) when a quote follows it, else 0. */
static int string_prefix(const char *p, const char *end) {
    char a = (char)(p[0] | 0x20), b = p + 1 < end ? (char)(p[1] | 0x20) : 0;
    int n = a == 'f' || a == 'r' || a == 'b';
    if ((a == 'r' && b == 'b') || (a == 'b' && b == 'r')) n = 2;
    return n && p + n < end && (p[n] == '"' || p[n] == '\'') ? n : 0;
}

/* Measures the indentation of the line at l->cur; skips blank and comment-only lines.
   Returns false at end of input. */
static bool measure_indent(Lexer *l, int *width, Token *err) {
    for (;;) {
        const char *p = l->cur;
        int w = 0;
        bool spaces = false, tabs = false;
        while (p < l->end && (*p == ' ' || *p == '\t')) {
            if (*p == ' ') spaces = true;
            else tabs = true;
            w++;
            p++;
        }
        if (p >= l->end) {
            l->cur = p;
            return false;
        }
        if (*p == '\n' || *p == '#' || *p == '\r' ||
            (*p == '\\' && p + 1 < l->end && p[1] == '\n')) {
            while (p < l->end && *p != '\n') p++;
            if (p >= l->end) {
                l->cur = p;
                return false;
            }
            l->cur = p + 1;
            l->line++;
            l->line_start = l->cur;
            continue;
        }
        l->cur = p;
        if (w > 0) {
            char kind = tabs ? '\t' : ' ';
            if ((spaces && tabs) || (l->indent_char && l->indent_char != kind)) {
                *err = error_at(l, l->line_start,
                                "inconsistent use of tabs and spaces in indentation");
                return true;
            }
            l->indent_char = kind;
        }
        *width = w;
        return true;
    }
}

static Token next_token(Lexer *l);

Token mtl_next(Lexer *l) {
    if (l->pending_dedents > 0) {
        l->pending_dedents--;
        return make(l, TOK_DEDENT, l->cur);
    }
    if (l->at_line_start && l->paren_depth == 0) {
        l->at_line_start = false;
        int width = 0;
        Token err;
        err.type = TOK_EOF;
        if (!measure_indent(l, &width, &err)) {
            /* End of input: close the last line and every open block. */
            if (l->nindents > 1) {
                l->pending_dedents = l->nindents - 2;
                l->nindents = 1;
                return make(l, TOK_DEDENT, l->cur);
            }
            return make(l, TOK_EOF, l->cur);
        }
        if (err.type == TOK_ERROR) return err;
        int top = l->indents[l->nindents - 1];
        if (width > top) {
            if (l->nindents == MT_MAX_INDENT)
                return error_at(l, l->cur, "too many indentation levels");
            l->indents[l->nindents++] = width;
            return make(l, TOK_INDENT, l->cur);
        }
        if (width < top) {
            int n = 0;
            while (l->nindents > 1 && l->indents[l->nindents - 1] > width) {
                l->nindents--;
                n++;
            }
            if (l->indents[l->nindents - 1] != width)
                return error_at(l, l->cur, "unindent does not match any outer indentation level");
            l->pending_dedents = n - 1;
            return make(l, TOK_DEDENT, l->cur);
        }
    }
    return next_token(l);
}

static Token punct(Lexer *l, const char *start, char c) {
    const char *p = l->cur;
    char n1 = p < l->end ? *p : 0, n2 = p + 1 < l->end ? p[1] : 0;
#define TWO(ch, t)                                                                                 \
    if (n1 == (ch)) {                                                                              \
        l->cur++;                                                                                  \
        return make(l, t, start);                                                                  \
    }
    switch (c) {
    case '(': l->paren_depth++; return make(l, TOK_LPAREN, start);
    case '[': l->paren_depth++; return make(l, TOK_LBRACKET, start);
    case '{': l->paren_depth++; return make(l, TOK_LBRACE, start);
    case ')':
        if (l->paren_depth > 0) l->paren_depth--;
        return make(l, TOK_RPAREN, start);
    case ']':
        if (l->paren_depth > 0) l->paren_depth--;
        return make(l, TOK_RBRACKET, start);
    case '}':
        if (l->paren_depth > 0) l->paren_depth--;
        return make(l, TOK_RBRACE, start);
    case ',': return make(l, TOK_COMMA, start);
    case '.': return make(l, TOK_DOT, start);
    case ':': return make(l, TOK_COLON, start);
    case ';': return make(l, TOK_SEMICOLON, start);
    case '~': return make(l, TOK_TILDE, start);
    case '^': TWO('=', TOK_CARETEQ); return make(l, TOK_CARET, start);
    case '&': TWO('=', TOK_AMPEQ); return make(l, TOK_AMP, start);
    case '|': TWO('=', TOK_PIPEEQ); return make(l, TOK_PIPE, start);
    case '+': TWO('=', TOK_PLUSEQ); return make(l, TOK_PLUS, start);
    case '-':
        TWO('=', TOK_MINUSEQ);
        TWO('>', TOK_ARROW);
        return make(l, TOK_MINUS, start);
    case '%': TWO('=', TOK_PERCENTEQ); return make(l, TOK_PERCENT, start);
    case '=': TWO('=', TOK_EQEQ); return make(l, TOK_EQ, start);
    case '!': TWO('=', TOK_NE); return error_at(l, start, "unexpected character '!'");
    case '*':
        if (n1 == '*') {
            l->cur++;
            if (n2 == '=') {
                l->cur++;
                return make(l, TOK_STARSTAREQ, start);
            }
            return make(l, TOK_STARSTAR, start);
        }
        TWO('=', TOK_STAREQ);
        return make(l, TOK_STAR, start);
    case '/':
        if (n1 == '/') {
            l->cur++;
            if (n2 == '=') {
                l->cur++;
                return make(l, TOK_SLASHSLASHEQ, start);
            }
            return make(l, TOK_SLASHSLASH, start);
        }
        TWO('=', TOK_SLASHEQ);
        return make(l, TOK_SLASH, start);
    case '<':
        TWO('=', TOK_LE);
        if (n1 == '<' && n2 == '=') {
            l->cur += 2;
            return make(l, TOK_SHLEQ, start);
        }
        TWO('<', TOK_SHL);
        return make(l, TOK_LT, start);
    case '>':
        TWO('=', TOK_GE);
        if (n1 == '>' && n2 == '=') {
            l->cur += 2;
            return make(l, TOK_SHREQ, start);
        }
        TWO('>', TOK_SHR);
        return make(l, TOK_GT, start);
    default: break;
    }
#undef TWO
    return error_at(l, start, "unexpected character");
}

static Token next_token(Lexer *l) {
    for (;;) {
        /* Skip spaces, comments and (inside brackets or after '\') line breaks. */
        while (l->cur < l->end) {
            char c = *l->cur;
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                l->cur++;
            } else if (c == '#') {
                while (l->cur < l->end && *l->cur != '\n') l->cur++;
            } else if (c == '\\' && l->cur + 1 < l->end && l->cur[1] == '\n') {
                l->cur += 2;
                l->line++;
                l->line_start = l->cur;
            } else if (c == '\\' && l->cur + 2 < l->end && l->cur[1] == '\r' && l->cur[2] == '\n') {
                l->cur += 3;
                l->line++;
                l->line_start = l->cur;
            } else if (c == '\n' && l->paren_depth > 0) {
                l->cur++;
                l->line++;
                l->line_start = l->cur;
            } else {
                break;
            }
        }
        if (l->cur >= l->end) {
            if (l->expr_mode) return make(l, TOK_EOF, l->cur);
            if (l->paren_depth > 0 && l->src != l->end) l->incomplete = true;
            if (l->line_has_tokens && !l->eof_newline_done) {
                l->eof_newline_done = true;
                l->line_has_tokens = false;
                l->at_line_start = true;
                return make(l, TOK_NEWLINE, l->cur);
            }
            l->at_line_start = true;
            if (l->paren_depth > 0) return make(l, TOK_EOF, l->cur);
            return mtl_next(l);
        }
        const char *start = l->cur;
        char c = *l->cur;
        if (c == '\n') {
            l->cur++;
            Token t = make(l, TOK_NEWLINE, start);
            l->line++;
            l->line_start = l->cur;
            l->at_line_start = true;
            if (!l->line_has_tokens) return mtl_next(l);
            l->line_has_tokens = false;
            return t;
        }
        l->line_has_tokens = true;
        unsigned char uc = (unsigned char)c;
        int prefix = string_prefix(l->cur, l->end);
        if (prefix) {
            bool bytes = (c | 0x20) == 'b' || (prefix == 2 && (l->cur[1] | 0x20) == 'b');
            l->cur += prefix;
            Token t = scan_string(l, start, (c | 0x20) == 'f');
            if (bytes && t.type == TOK_STRING) t.type = TOK_BYTES;
            return t;
        }
        if (is_name_start(uc)) {
            l->cur++;
            if (uc >= 0x80) {
                const char *next = scan_unicode_name_char(start, l->end);
                if (!next && is_bom(start, l->end))
                    return error_at(l, start,
                                    "unexpected byte-order mark (U+FEFF): allowed only at the "
                                    "start of the source");
                if (!next) return error_at(l, start, "unexpected character");
                l->cur = next;
            }
            return scan_name(l, start);
        }
        if (is_digit(c)) {
            l->cur++;
            return scan_number(l, start);
        }
        if (c == '"' || c == '\'') return scan_string(l, start, false);
        l->cur++;
        return punct(l, start, c);
    }
}
