/*
** test_compiler.c — mtc_compile: valid programs compile, invalid ones fail with a first
** line of exactly "file:line:col: message", and nothing (deep nesting, bad UTF-8) crashes.
*/
#include <stdio.h>

#include "compiler/compiler.h"
#include "unit.h"
#include "vm/state.h"
#include "vm/object.h"
#include "vm/gc.h"

static VM *vm;

static void setup(void) { vm = unit_vm(NULL); }
static void teardown(void) { mt_free(vm); }

/* Compiles src as module "t.mt". On failure returns NULL and leaves the message (owned by
   the VM) in *msg. */
static Proto *compile(const char *src, size_t len, const char **msg) {
    String *name = mto_intern_z(vm, "t.mt");
    Module *m = mto_module(vm, name, name);
    mtgc_push_temp(vm, OBJ_VAL(m));
    CompileResult res;
    Proto *p = mtc_compile(vm, m, src, len, false, &res);
    mtgc_pop_temp(vm, 1);
    if (p) ck_assert_ptr_null(res.message);
    *msg = res.message;
    return p;
}

static void check_compiles(const char *src) {
    const char *msg = NULL;
    Proto *p = compile(src, strlen(src), &msg);
    ck_assert_msg(p != NULL, "did not compile: %s\n--- source:\n%s", msg ? msg : "(no message)",
                  src);
    ck_assert(p->pflags & PROTO_MODULE);
    ck_assert_uint_gt(p->ncode, 0);
}

/* The maxstack of the first function defined in src (its proto is a constant of the
   module). */
static uint32_t first_function_maxstack(const char *src) {
    const char *msg = NULL;
    Proto *m = compile(src, strlen(src), &msg);
    ck_assert_ptr_nonnull(m);
    for (uint32_t i = 0; i < m->nconsts; i++)
        if (IS_OBJ_TYPE(m->consts[i], OBJ_PROTO)) return ((Proto *)AS_OBJ(m->consts[i]))->maxstack;
    ck_abort_msg("no function in:\n%s", src);
    return 0;
}

/* The first line of the error must be exactly `want`. */
static void check_error_n(const char *src, size_t len, const char *want) {
    const char *msg = NULL;
    Proto *p = compile(src, len, &msg);
    ck_assert_msg(p == NULL, "compiled but should not have:\n%s", src);
    ck_assert_ptr_nonnull(msg);
    ck_assert_str_eq(unit_first_line(msg), want);
}

static void check_error(const char *src, const char *want) {
    check_error_n(src, strlen(src), want);
}

/* {== Valid programs ==} */

static const char *const valid_programs[] = {
    "",
    "# only a comment\n",
    "print(1)",
    "let x = 1\nx = x + 2\nx += 3\n",
    "def add(a, b = 0):\n    return a + b\nlet sq = fn(v): v * v\nprint(add(1), sq(3))\n",
    "let x = 1\nif x > 0:\n    print(\"pos\")\nelif x == 0:\n    print(\"zero\")\nelse:\n    "
    "print(\"neg\")\n",
    "let x = 0\nwhile x < 10:\n    x += 1\n    if x == 5:\n        continue\n    if x == 8:\n      "
    "  break\n",
    "for i in range(3):\n    print(i)\nfor k in {\"a\": 1}:\n    print(k)\n",
    "class Base:\n    def init(self):\n        self.b = 1\n"
    "class Point(Base):\n    def init(self, x, y):\n        super.init()\n        self.x = x\n"
    "    def norm(self):\n        return (self.x ** 2) ** 0.5\n",
    "try:\n    raise ValueError(\"bad\")\nexcept ValueError as e:\n    print(e.message)\n    "
    "raise\n"
    "finally:\n    print(\"cleanup\")\n",
    "try:\n    pass\nexcept:\n    pass\n",
    "with open(\"f\") as f:\n    print(f.readline())\n",
    "def gen(n):\n    for i in range(n):\n        yield i\nfor v in coroutine(gen, 3):\n    "
    "print(v)\n",
    "let ch = channel()\nselect:\n    case ch.recv() as msg:\n        print(msg)\n"
    "    case after(0.5):\n        print(\"timeout\")\n    default:\n        pass\n",
    "def w(c):\n    c.send(1)\nlet t = spawn w(channel(1))\nt.join()\n",
    "let m = {\"a\": 1, 2: [1, 2, 3][1:]}\nprint(m[\"a\"], -2 ** 2, 7 // 2, 7 % 3, 1 if true else "
    "2)\n",
    "print(not false, 1 in [1], 2 not in [1], f\"x = {1 + 2}\", \"a\" * 3)\n",
    "def kw(a, key=nil):\n    return key\nprint(kw(1, key=2))\n",
    "let f = fn(a): fn(b): a + b\nprint(f(1)(2))\n",
    "let xs = [\n    1,\n    2,\n]\nlet s = \"\"\"multi\nline\"\"\"\n",
    "import mymod\n",
    "def outer():\n    let n = 0\n    def inc():\n        n += 1\n        return n\n    return "
    "inc\n",
    "let caf\xc3\xa9 = \"h\xc3\xa9llo \xf0\x9f\x98\x80\"\nprint(caf\xc3\xa9)\n",
    "if true:\n\tprint(1)\n\tif true:\n\t\tprint(2)\n",
    "x = 1 + \\\n    2\n",
};

START_TEST(valid_programs_compile) { check_compiles(valid_programs[_i]); }
END_TEST

/* Long flat expressions are iterative, not nested: they must compile. */
/* A thread's fiber is sized by maxstack (SPEC 8.9): loads that fusion folds into an
   operator or a compare-and-branch take no slot, so the peak is counted without them. */
START_TEST(fused_loads_take_no_stack_slot) {
    /* callee, a, b, v; v + b pushes one value: 5 slots (6 before the fusion gave back) */
    ck_assert_uint_eq(first_function_maxstack("def k(a, b):\n    let v = a\n    return v + b\n"),
                      5);
    ck_assert_uint_eq(first_function_maxstack("def k(a):\n    return a * 2\n"), 3);
    /* compare-and-branch: nothing is pushed for the condition */
    ck_assert_uint_eq(first_function_maxstack("def k(a, b):\n    while a < b:\n        a += 1\n"),
                      4);
    /* a default argument's expression runs above all the arguments: their room stays */
    ck_assert_uint_eq(first_function_maxstack("def k(a, b = 1 + 2):\n    return a + b\n"), 6);
}
END_TEST

START_TEST(long_flat_expressions) {
    size_t n = 5000, cap = n * 4 + 64, k = 0;
    char *src = malloc(cap);
    k += (size_t)snprintf(src + k, cap - k, "let x = 1");
    for (size_t i = 0; i < n; i++) k += (size_t)snprintf(src + k, cap - k, " + 1");
    snprintf(src + k, cap - k, "\n");
    check_compiles(src);
    free(src);
}
END_TEST

/* Compile time must stay linear in the length of a line: 40,000 statements on one line
   (generated code, minified data) compile in well under a second when it is, and take
   minutes if each token rescans its line (the tcase timeout is the assertion). */
START_TEST(long_line_compiles_in_linear_time) {
    const char *stmt = "x = x + 1; ";
    size_t n = 40000, cap = n * strlen(stmt) + 64, k = 0;
    char *src = malloc(cap);
    k += (size_t)snprintf(src, cap, "let x = 0; ");
    for (size_t i = 0; i < n; i++) k += (size_t)snprintf(src + k, cap - k, "%s", stmt);
    snprintf(src + k, cap - k, "print(x)\n");
    check_compiles(src);
    free(src);
}
END_TEST

/* Ninety-nine nested blocks: just under the lexer's indentation limit. */
START_TEST(deep_blocks) {
    char src[20000];
    size_t k = 0;
    for (int i = 0; i < 99; i++)
        k += (size_t)snprintf(src + k, sizeof src - k, "%*sif true:\n", i, "");
    snprintf(src + k, sizeof src - k, "%*sprint(1)\n", 99, "");
    check_compiles(src);
}
END_TEST

/* The collector runs at every allocation while compiling: nothing in progress may be lost. */
START_TEST(compile_under_gc_stress) {
    vm->gc_pause = 0;
    vm->gc_stress = true;
    for (size_t i = 0; i < sizeof valid_programs / sizeof valid_programs[0]; i++)
        check_compiles(valid_programs[i]);
    vm->gc_stress = false;
}
END_TEST

/* {== Errors ==} */

START_TEST(syntax_errors) {
    check_error("let c = a + * b\n", "t.mt:1:13: expected an expression, found '*'");
    check_error("let = 1\n", "t.mt:1:5: expected variable name after 'let', found '='");
    check_error("x\n    y\n", "t.mt:2:5: unexpected indent");
    check_error("if x\n    y\n", "t.mt:1:5: expected ':', found end of line");
    check_error("if x:\ny\n", "t.mt:2:1: expected an indented block");
    check_error("else:\n    pass\n", "t.mt:1:1: 'else' without a matching statement");
    check_error("f() = 1\n", "t.mt:1:5: invalid assignment target");
    check_error("try:\n    pass\n", "t.mt:3:1: expected 'except' or 'finally' after the try block");
    check_error("x = [1, 2\ny = 3\n", "t.mt:2:1: expected ']', found name");
    check_error("let x = 1 +\n", "t.mt:1:12: expected an expression, found end of line");
    check_error("f(a=1, 2)\n", "t.mt:1:8: positional argument after keyword argument");
    check_error("def f(a, a):\n    pass\n", "t.mt:1:10: duplicate parameter 'a'");
    check_error("def f(a=1, b):\n    pass\n",
                "t.mt:1:12: parameter without a default follows one with a default");
    check_error("class A:\n    print(1)\n",
                "t.mt:2:5: a class body holds only methods ('def', 'static def'), class variables "
                "('NAME = value') and a docstring");
    check_error("spawn 1\n", "t.mt:1:1: 'spawn' must be followed by a function call");
    /* The error is reported on the right line of a longer program. */
    check_error("let a = 1\nlet b = 2\n\ndef f():\n    return a +\n",
                "t.mt:5:15: expected an expression, found end of line");
}
END_TEST

START_TEST(chained_comparison_rejected) {
    check_error("a < b < c\n", "t.mt:1:7: comparisons cannot be chained (write a < b and b < c)");
    check_error("let ok = a == b == c\n",
                "t.mt:1:17: comparisons cannot be chained (write a < b and b < c)");
    check_compiles("let a = 1\nlet b = 2\nlet c = 3\nprint(a < b and b < c, (a < b) == true)\n");
}
END_TEST

START_TEST(misplaced_control_flow) {
    check_error("raise\n", "t.mt:1:1: bare 'raise' outside an except block");
    check_error("def f():\n    raise\n", "t.mt:2:5: bare 'raise' outside an except block");
    check_error("try:\n    pass\nfinally:\n    raise\n",
                "t.mt:4:5: bare 'raise' outside an except block");
    check_error("return 1\n", "t.mt:1:1: 'return' outside a function");
    check_error("def f():\n    return\nreturn\n", "t.mt:3:1: 'return' outside a function");
    check_error("break\n", "t.mt:1:1: 'break' outside a loop");
    check_error("continue\n", "t.mt:1:1: 'continue' outside a loop");
    check_error("while true:\n    def f():\n        break\n", "t.mt:3:9: 'break' outside a loop");
    check_error("super.x\n", "t.mt:1:1: 'super' outside a method");
    check_error("try:\n    pass\nexcept:\n    def f():\n        raise\n",
                "t.mt:5:9: bare 'raise' outside an except block");
    check_compiles("try:\n    pass\nexcept:\n    raise\n");
}
END_TEST

/* Lexer errors come out in the same form, at the token's position. */
START_TEST(lexer_errors_are_positioned) {
    check_error("x = 'abc\n", "t.mt:1:5: unterminated string");
    check_error("x = 9223372036854775808\n",
                "t.mt:1:5: integer literal too large (ints are 64-bit)");
    check_error("if a:\n\tb\n        c\n",
                "t.mt:3:1: inconsistent use of tabs and spaces in indentation");
    check_error("if a:\n    b\n  c\n",
                "t.mt:3:3: unindent does not match any outer indentation level");
    check_error("x = 1_\n", "t.mt:1:5: malformed number");
    /* A string left open across lines is reported where it starts. */
    check_error("x = '''abc\n\n", "t.mt:1:5: unterminated string");
    check_error("f\"{x\"\nprint(1)\n", "t.mt:1:1: unterminated string");
}
END_TEST

START_TEST(invalid_utf8) {
    check_error("let s = \"\xff\"\n", "t.mt:1:10: invalid UTF-8 in source");
    check_error("print(1)\nlet s = \"\xc3\xa9\xc3\"\n", "t.mt:2:11: invalid UTF-8 in source");
    check_error_n("let a = 1\0\n", 11, "t.mt:1:10: invalid UTF-8 in source");
}
END_TEST

/* The message's second and third lines show the source line and a caret under the column. */
START_TEST(message_has_source_and_caret) {
    const char *msg = NULL;
    ck_assert_ptr_null(compile("let c = a + * b\n", 16, &msg));
    ck_assert_str_eq(
        msg,
        "t.mt:1:13: expected an expression, found '*'\n    let c = a + * b\n                ^");
}
END_TEST

/* Nesting beyond the parser's limit is a compile error, never a C stack overflow. */
static void check_too_deep(const char *open, const char *middle, const char *close, int n) {
    size_t cap = (strlen(open) + strlen(close)) * (size_t)n + strlen(middle) + 16, k = 0;
    char *src = malloc(cap);
    k += (size_t)snprintf(src, cap, "x = ");
    for (int i = 0; i < n; i++) k += (size_t)snprintf(src + k, cap - k, "%s", open);
    k += (size_t)snprintf(src + k, cap - k, "%s", middle);
    for (int i = 0; i < n; i++) k += (size_t)snprintf(src + k, cap - k, "%s", close);
    const char *msg = NULL;
    Proto *p = compile(src, k, &msg);
    ck_assert_msg(p == NULL, "%d x '%s' compiled", n, open);
    const char *line = unit_first_line(msg);
    ck_assert_msg(strncmp(line, "t.mt:1:", 7) == 0, "%s", line);
    const char *want = ": expression nested too deeply";
    ck_assert_msg(strlen(line) > strlen(want) &&
                      strcmp(line + strlen(line) - strlen(want), want) == 0,
                  "%s", line);
    free(src);
}

START_TEST(deep_nesting_is_an_error) {
    check_too_deep("(", "1", ")", 300);
    check_too_deep("(", "1", ")", 100000);
    check_too_deep("[", "1", "]", 300);
    check_too_deep("{1: ", "1", "}", 300);
    check_too_deep("f(", "1", ")", 300);
    check_too_deep("a[", "1", "]", 300);
    check_too_deep("-", "1", "", 5000);
    check_too_deep("not ", "1", "", 5000);
    check_too_deep("2 ** ", "1", "", 5000);
    check_too_deep("fn(): ", "1", "", 300);
    check_too_deep("(yield ", "1", ")", 300);
}
END_TEST

Suite *compiler_suite(void) {
    Suite *s = suite_create("compiler");
    TCase *tc = tcase_create("valid");
    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_loop_test(tc, valid_programs_compile, 0,
                        (int)(sizeof valid_programs / sizeof valid_programs[0]));
    tcase_add_test(tc, long_flat_expressions);
    tcase_add_test(tc, deep_blocks);
    tcase_add_test(tc, compile_under_gc_stress);
    suite_add_tcase(s, tc);
    tc = tcase_create("long_lines");
    tcase_set_timeout(tc, 20);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, long_line_compiles_in_linear_time);
    suite_add_tcase(s, tc);
    tc = tcase_create("errors");
    tcase_set_timeout(tc, 60);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, syntax_errors);
    tcase_add_test(tc, chained_comparison_rejected);
    tcase_add_test(tc, misplaced_control_flow);
    tcase_add_test(tc, lexer_errors_are_positioned);
    tcase_add_test(tc, invalid_utf8);
    tcase_add_test(tc, message_has_source_and_caret);
    tcase_add_test(tc, deep_nesting_is_an_error);
    tcase_add_test(tc, fused_loads_take_no_stack_slot);
    suite_add_tcase(s, tc);
    return s;
}
