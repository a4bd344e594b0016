/*
** test_lexer.c — token streams. The indentation grammar is checked as whole streams
** (NEWLINE / INDENT / DEDENT placement), rendered as text so a failure shows both streams.
*/
#include <stdio.h>

#include "compiler/lexer.h"
#include "vm/utf8.h"
#include "unit.h"

static const char *const short_names[] = {
#define TOK_SHORT(name, text) #name,
    MT_TOKENS(TOK_SHORT)
#undef TOK_SHORT
};

/* Lexes `src` to EOF (or the first ERROR) and renders the token types, space-separated;
   an error shows as ERROR(message). */
static const char *stream(const char *src) {
    static char out[4096];
    Lexer l;
    mtl_init(&l, src, strlen(src));
    size_t n = 0;
    out[0] = '\0';
    for (int i = 0; i < 400; i++) {
        Token t = mtl_next(&l);
        const char *sep = n ? " " : "";
        if (t.type == TOK_ERROR)
            n += (size_t)snprintf(out + n, sizeof out - n, "%sERROR(%s)", sep, t.error);
        else n += (size_t)snprintf(out + n, sizeof out - n, "%s%s", sep, short_names[t.type]);
        if (t.type == TOK_EOF || t.type == TOK_ERROR || n >= sizeof out - 64) break;
    }
    return out;
}

#define ck_stream(src, want) ck_assert_str_eq(stream(src), want)

/* The first token of type `type` in `src` (fails if there is none before EOF). */
static Token find_token(Lexer *l, const char *src, TokenType type, int nth) {
    mtl_init(l, src, strlen(src));
    for (;;) {
        Token t = mtl_next(l);
        if (t.type == type && nth-- == 0) return t;
        ck_assert_msg(t.type != TOK_EOF && t.type != TOK_ERROR, "no %s in \"%s\"",
                      short_names[type], src);
    }
}

/* {== Line structure ==} */

START_TEST(simple_lines) {
    ck_stream("", "EOF");
    ck_stream("x = 1\n", "NAME EQ INT NEWLINE EOF");
    ck_stream("x = 1", "NAME EQ INT NEWLINE EOF");
    ck_stream("a\nb\n", "NAME NEWLINE NAME NEWLINE EOF");
    ck_stream("a\r\nb\r\n", "NAME NEWLINE NAME NEWLINE EOF");
    ck_stream("a; b\n", "NAME SEMICOLON NAME NEWLINE EOF");
}
END_TEST

START_TEST(indent_and_dedent) {
    ck_stream("if a:\n    b\nc\n",
              "IF NAME COLON NEWLINE INDENT NAME NEWLINE DEDENT NAME NEWLINE EOF");
    ck_stream("if a:\n    b\n    c\n",
              "IF NAME COLON NEWLINE INDENT NAME NEWLINE NAME NEWLINE DEDENT EOF");
    /* End of input closes every open block, with or without a final newline. */
    ck_stream(
        "if a:\n  if b:\n    c\n",
        "IF NAME COLON NEWLINE INDENT IF NAME COLON NEWLINE INDENT NAME NEWLINE DEDENT DEDENT EOF");
    ck_stream(
        "if a:\n  if b:\n    c",
        "IF NAME COLON NEWLINE INDENT IF NAME COLON NEWLINE INDENT NAME NEWLINE DEDENT DEDENT EOF");
    /* Two levels closed by one line, then one level at a time. */
    ck_stream("if a:\n  if b:\n    c\nd\n", "IF NAME COLON NEWLINE INDENT IF NAME COLON NEWLINE "
                                            "INDENT NAME NEWLINE DEDENT DEDENT NAME NEWLINE EOF");
    ck_stream("if a:\n  if b:\n    c\n  d\ne\n",
              "IF NAME COLON NEWLINE INDENT IF NAME COLON NEWLINE INDENT NAME NEWLINE DEDENT NAME "
              "NEWLINE DEDENT NAME NEWLINE EOF");
    ck_stream("if a:\r\n    b\r\n", "IF NAME COLON NEWLINE INDENT NAME NEWLINE DEDENT EOF");
}
END_TEST

/* Counts INDENT and DEDENT tokens of a deep staircase: they must balance. */
START_TEST(deep_nesting_balances) {
    char src[8192];
    size_t n = 0;
    const int depth = 50;
    for (int i = 0; i < depth; i++)
        n += (size_t)snprintf(src + n, sizeof src - n, "%*sif a:\n", i * 2, "");
    n += (size_t)snprintf(src + n, sizeof src - n, "%*sx\ny\n", depth * 2, "");
    Lexer l;
    mtl_init(&l, src, n);
    int indents = 0, dedents = 0, newlines = 0;
    for (;;) {
        Token t = mtl_next(&l);
        ck_assert_int_ne(t.type, TOK_ERROR);
        if (t.type == TOK_EOF) break;
        indents += t.type == TOK_INDENT;
        dedents += t.type == TOK_DEDENT;
        newlines += t.type == TOK_NEWLINE;
    }
    ck_assert_int_eq(indents, depth);
    ck_assert_int_eq(dedents, depth);
    ck_assert_int_eq(newlines, depth + 2);
}
END_TEST

START_TEST(too_many_levels_is_an_error) {
    char src[40000];
    size_t n = 0;
    for (int i = 0; i < 150; i++)
        n += (size_t)snprintf(src + n, sizeof src - n, "%*sif a:\n", i, "");
    Lexer l;
    mtl_init(&l, src, n);
    Token t;
    do t = mtl_next(&l);
    while (t.type != TOK_EOF && t.type != TOK_ERROR);
    ck_assert_int_eq(t.type, TOK_ERROR);
    ck_assert_str_eq(t.error, "too many indentation levels");
}
END_TEST

START_TEST(blank_and_comment_lines_ignored) {
    ck_stream("if a:\n    b\n\n# top comment\n        # deep comment\n   \n\t\n    c\n",
              "IF NAME COLON NEWLINE INDENT NAME NEWLINE NAME NEWLINE DEDENT EOF");
    ck_stream("\n\n# c\n   # d\nx\n", "NAME NEWLINE EOF");
    ck_stream("# only a comment\n\n", "EOF");
    ck_stream("x  # trailing comment\n", "NAME NEWLINE EOF");
    ck_stream("if a:\n    b\n# last line is a comment",
              "IF NAME COLON NEWLINE INDENT NAME NEWLINE DEDENT EOF");
}
END_TEST

START_TEST(brackets_suppress_newlines) {
    ck_stream("x = (1,\n     2)\ny\n",
              "NAME EQ LPAREN INT COMMA INT RPAREN NEWLINE NAME NEWLINE EOF");
    ck_stream("f([1,\n2], {\n  3: 4\n})\n", "NAME LPAREN LBRACKET INT COMMA INT RBRACKET COMMA "
                                            "LBRACE INT COLON INT RBRACE RPAREN NEWLINE EOF");
    /* Indentation inside brackets means nothing, and the block goes on after them. */
    ck_stream("if a:\n    x = [\n1,\n        # comment\n]\n    y\n",
              "IF NAME COLON NEWLINE INDENT NAME EQ LBRACKET INT COMMA RBRACKET NEWLINE NAME "
              "NEWLINE DEDENT EOF");
    ck_stream("x = 1 + \\\n    2\n", "NAME EQ INT PLUS INT NEWLINE EOF");
}
END_TEST

START_TEST(unclosed_bracket_is_incomplete) {
    Lexer l;
    const char *src = "f(1,\n";
    mtl_init(&l, src, strlen(src));
    Token t;
    do t = mtl_next(&l);
    while (t.type != TOK_EOF && t.type != TOK_ERROR);
    ck_assert_int_eq(t.type, TOK_EOF);
    ck_assert(l.incomplete);
    /* EOF is sticky. */
    ck_assert_int_eq(mtl_next(&l).type, TOK_EOF);
}
END_TEST

START_TEST(eof_is_sticky) {
    Lexer l;
    mtl_init(&l, "if a:\n    b\n", 12);
    Token t;
    do t = mtl_next(&l);
    while (t.type != TOK_EOF);
    for (int i = 0; i < 3; i++) ck_assert_int_eq(mtl_next(&l).type, TOK_EOF);
}
END_TEST

/* {== Indentation errors ==} */

START_TEST(inconsistent_tabs_and_spaces) {
    /* A tab and eight spaces are the same width only under one tab size: ambiguous. */
    ck_stream("if a:\n\tb\n        c\n",
              "IF NAME COLON NEWLINE INDENT NAME NEWLINE ERROR(inconsistent use of tabs and spaces "
              "in indentation)");
    ck_stream("if a:\n    b\n\tc\n", "IF NAME COLON NEWLINE INDENT NAME NEWLINE ERROR(inconsistent "
                                     "use of tabs and spaces in indentation)");
    /* Tabs used consistently are fine. */
    ck_stream("if a:\n\tif b:\n\t\tc\n\td\n", "IF NAME COLON NEWLINE INDENT IF NAME COLON NEWLINE "
                                              "INDENT NAME NEWLINE DEDENT NAME NEWLINE DEDENT EOF");
    Lexer l;
    Token t = find_token(&l, "if a:\n\tb\n        c\n", TOK_NAME, 1);
    ck_assert_int_eq(t.line, 2);
    do t = mtl_next(&l);
    while (t.type != TOK_ERROR && t.type != TOK_EOF);
    ck_assert_int_eq(t.type, TOK_ERROR);
    ck_assert_int_eq(t.line, 3);
}
END_TEST

START_TEST(unmatched_dedent) {
    ck_stream("if a:\n    b\n  c\n", "IF NAME COLON NEWLINE INDENT NAME NEWLINE ERROR(unindent "
                                     "does not match any outer indentation level)");
}
END_TEST

/* {== Strings ==} */

START_TEST(string_forms) {
    ck_stream("'a' \"b\" f\"x{y}\" r'\\d' \"\"\"multi\nline\"\"\" z\n",
              "STRING STRING FSTRING STRING STRING NAME NEWLINE EOF");
    ck_stream("f\"{m[\"k\"]}\"\n", "FSTRING NEWLINE EOF");
    ck_stream("'it\\'s'\n", "STRING NEWLINE EOF");
    Lexer l;
    Token t = find_token(&l, "\"\"\"a\nb\nc\"\"\" z\n", TOK_NAME, 0);
    ck_assert_int_eq(t.line, 3); /* lines inside a triple-quoted string count */
    /* A token spanning lines is placed where it starts. */
    t = find_token(&l, "x = \"\"\"a\nb\"\"\"\n", TOK_STRING, 0);
    ck_assert_int_eq(t.line, 1);
    ck_assert_int_eq(t.col, 5);
}
END_TEST

/* b, rb and br prefixes (any case) make BYTES tokens; other letters before a quote do not
   make a prefix. */
START_TEST(bytes_forms) {
    ck_stream("b'a' B\"b\" rb'\\d' bR\"x\" Rb'y' BR\"z\" b\"\"\"m\nl\"\"\" b\n",
              "BYTES BYTES BYTES BYTES BYTES BYTES BYTES NAME NEWLINE EOF");
    ck_stream("fb'x'\n", "NAME STRING NEWLINE EOF");
    ck_stream("rf'x'\n", "NAME STRING NEWLINE EOF");
    ck_stream("x = b'abc\n", "NAME EQ ERROR(unterminated string)");
    Lexer l;
    Token t = find_token(&l, "x = rb'\\d'\n", TOK_BYTES, 0);
    ck_assert_int_eq(t.col, 5);
    ck_assert_int_eq(t.len, 6);
}
END_TEST

START_TEST(unterminated_strings) {
    ck_stream("x = \"abc\ny\n", "NAME EQ ERROR(unterminated string)");
    ck_stream("x = 'abc", "NAME EQ ERROR(unterminated string)");
    ck_stream("\"\"\"never closed\n\n", "ERROR(unterminated string)");
    ck_stream("f\"{x\"", "ERROR(unterminated string)");
    Lexer l;
    const char *src = "s = '''open\n";
    mtl_init(&l, src, strlen(src));
    Token t;
    do t = mtl_next(&l);
    while (t.type != TOK_ERROR && t.type != TOK_EOF);
    ck_assert_int_eq(t.type, TOK_ERROR);
    ck_assert(l.incomplete); /* the REPL asks for more lines */
    ck_assert_int_eq(t.line, 1);
    ck_assert_int_eq(t.col, 5);
}
END_TEST

/* {== Numbers ==} */

static Token one_token(const char *src) {
    Lexer l;
    mtl_init(&l, src, strlen(src));
    return mtl_next(&l);
}

static void check_int_tok(const char *src, int64_t want) {
    Token t = one_token(src);
    ck_assert_msg(t.type == TOK_INT, "\"%s\": %s (%s)", src, short_names[t.type],
                  t.error ? t.error : "");
    ck_assert_msg(t.as.i == want, "\"%s\" = %lld", src, (long long)t.as.i);
    ck_assert_uint_eq(t.len, strlen(src));
}

static void check_float_tok(const char *src, double want) {
    Token t = one_token(src);
    ck_assert_msg(t.type == TOK_FLOAT, "\"%s\": %s", src, short_names[t.type]);
    ck_assert_msg(t.as.d == want, "\"%s\" = %.17g", src, t.as.d);
}

static void check_bad_number(const char *src, const char *msg) {
    Token t = one_token(src);
    ck_assert_msg(t.type == TOK_ERROR, "\"%s\" lexed as %s", src, short_names[t.type]);
    ck_assert_str_eq(t.error, msg);
}

START_TEST(number_forms) {
    check_int_tok("0", 0);
    check_int_tok("7", 7);
    check_int_tok("0x1F", 31);
    check_int_tok("0XfF", 255);
    check_int_tok("0o17", 15);
    check_int_tok("0b101", 5);
    check_int_tok("1_000", 1000);
    check_int_tok("1_000_000", 1000000);
    check_int_tok("9223372036854775807", INT64_MAX);
    check_int_tok("0x7fff_ffff_ffff_ffff", INT64_MAX);
    check_float_tok("1.5e-3", 0.0015);
    check_float_tok("3.25", 3.25);
    check_float_tok("2e10", 2e10);
    check_float_tok("1E+2", 100.0);
    check_float_tok("1_0.5", 10.5);
    check_float_tok("0.1", 0.1);
    check_float_tok("6.02e23", 6.02e23);
    ck_stream("x.y 1.e", "NAME DOT NAME INT DOT NAME NEWLINE EOF"); /* 1.e is a method of 1 */
    ck_stream("a[1:2]", "NAME LBRACKET INT COLON INT RBRACKET NEWLINE EOF");
}
END_TEST

START_TEST(int_literal_overflow) {
    check_bad_number("9223372036854775808", "integer literal too large (ints are 64-bit)");
    check_bad_number("99999999999999999999", "integer literal too large (ints are 64-bit)");
    check_bad_number("0xFFFFFFFFFFFFFFFF", "integer literal too large (ints are 64-bit)");
    check_bad_number("0x1_0000_0000_0000_0000", "integer literal too large (ints are 64-bit)");
    check_bad_number("0b1"
                     "0000000000000000000000000000000000000000000000000000000000000000",
                     "integer literal too large (ints are 64-bit)");
}
END_TEST

START_TEST(malformed_numbers) {
    check_bad_number("1__0", "malformed number");
    check_bad_number("1_", "malformed number");
    check_bad_number("0x", "malformed number");
    check_bad_number("0b2", "malformed number");
    check_bad_number("0o9", "malformed number");
    check_bad_number("12abc", "malformed number");
    check_bad_number("1.5_", "malformed number");
}
END_TEST

/* {== Operators, names and positions ==} */

START_TEST(operators) {
    ck_stream("+= ** // != <= >= << >> -> **= //= %= == = < > - * / % & | ^ ~ .",
              "PLUSEQ STARSTAR SLASHSLASH NE LE GE SHL SHR ARROW STARSTAREQ SLASHSLASHEQ PERCENTEQ "
              "EQEQ EQ LT GT MINUS STAR SLASH PERCENT AMP PIPE CARET TILDE DOT NEWLINE EOF");
    ck_stream("a!b", "NAME ERROR(unexpected character '!')");
    ck_stream("a $ b", "NAME ERROR(unexpected character)");
}
END_TEST

START_TEST(keywords_and_names) {
    ck_stream("let letter fn fnx in inx not and or nil true false _x x_1",
              "LET NAME FN NAME IN NAME NOT AND OR NIL TRUE FALSE NAME NAME NEWLINE EOF");
    ck_stream("def class return yield spawn select while for try except finally with",
              "DEF CLASS RETURN YIELD SPAWN SELECT WHILE FOR TRY EXCEPT FINALLY WITH NEWLINE EOF");
    Token t = one_token("caf\xc3\xa9 = 1");
    ck_assert_int_eq(t.type, TOK_NAME);
    ck_assert_uint_eq(t.len, 5);
    ck_stream("x\xe2\x82\xac", "NAME ERROR(unexpected character)"); /* € is not a letter */
}
END_TEST

START_TEST(positions) {
    Lexer l;
    Token t = find_token(&l, "x = 1\n\n  # c\nfoo(bar)\n", TOK_NAME, 2);
    ck_assert_int_eq(t.line, 4);
    ck_assert_int_eq(t.col, 5);
    ck_assert_int_eq(t.len, 3);
    ck_assert(memcmp(t.start, "bar", 3) == 0);
    /* Columns count code points, not bytes. */
    t = find_token(&l, "\xc3\xa9\xc3\xa9 = 'x'", TOK_EQ, 0);
    ck_assert_int_eq(t.col, 4);
    t = find_token(&l, "f(1,\n   2)", TOK_INT, 1);
    ck_assert_int_eq(t.line, 2);
    ck_assert_int_eq(t.col, 4);
}
END_TEST

/* {== UTF-8 validation ==} */

static void check_bad_utf8(const char *src, size_t len, int want_line, int want_col) {
    int line = 0, col = 0;
    ck_assert(!mtu8_check(src, len, &line, &col));
    ck_assert_int_eq(line, want_line);
    ck_assert_int_eq(col, want_col);
}

START_TEST(utf8_validation) {
    int line, col;
    const char *ok = "let s = \"h\xc3\xa9llo \xf0\x9f\x98\x80\"\n";
    ck_assert(mtu8_check(ok, strlen(ok), &line, &col));
    ck_assert(mtu8_check("", 0, &line, &col));
    check_bad_utf8("ab\n\xff", 4, 2, 1);
    check_bad_utf8("a\xc3\xa9\xff", 4, 1, 3);
    check_bad_utf8("\xc0\x80", 2, 1, 1);         /* overlong NUL */
    check_bad_utf8("x\xed\xa0\x80", 4, 1, 2);    /* a UTF-16 surrogate */
    check_bad_utf8("xy\xe6\x97", 4, 1, 3);       /* truncated at the end */
    check_bad_utf8("a\nb\0c", 5, 2, 2);          /* NUL byte */
    check_bad_utf8("\xf4\x90\x80\x80", 4, 1, 1); /* beyond U+10FFFF */
}
END_TEST

Suite *lexer_suite(void) {
    Suite *s = suite_create("lexer");
    TCase *tc = tcase_create("lines");
    tcase_add_test(tc, simple_lines);
    tcase_add_test(tc, indent_and_dedent);
    tcase_add_test(tc, deep_nesting_balances);
    tcase_add_test(tc, too_many_levels_is_an_error);
    tcase_add_test(tc, blank_and_comment_lines_ignored);
    tcase_add_test(tc, brackets_suppress_newlines);
    tcase_add_test(tc, unclosed_bracket_is_incomplete);
    tcase_add_test(tc, eof_is_sticky);
    tcase_add_test(tc, inconsistent_tabs_and_spaces);
    tcase_add_test(tc, unmatched_dedent);
    suite_add_tcase(s, tc);
    tc = tcase_create("tokens");
    tcase_add_test(tc, string_forms);
    tcase_add_test(tc, unterminated_strings);
    tcase_add_test(tc, bytes_forms);
    tcase_add_test(tc, number_forms);
    tcase_add_test(tc, int_literal_overflow);
    tcase_add_test(tc, malformed_numbers);
    tcase_add_test(tc, operators);
    tcase_add_test(tc, keywords_and_names);
    tcase_add_test(tc, positions);
    tcase_add_test(tc, utf8_validation);
    suite_add_tcase(s, tc);
    return s;
}
