/*
** test_embed_natives.c — C code in Mt and Mt code from C (mt.h, "Calling Mt", "Native
** functions", "Foreign classes"): natives defined as builtins, values and modules, their
** arity checks, raised errors and argument checks; mt_call and mt_call_method from the
** host and from inside natives, with their errors, the refusal to wait and the nesting
** limit; foreign classes made from Mt and from C, finalized exactly once.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "embed.h"

/* The str a chunk evaluates to, in a static buffer. */
static const char *eval_str(mt_VM *vm, const char *src) {
    static char buf[1024];
    host_eval(vm, src, 0);
    const char *s = mt_get_str(vm, 0, NULL);
    ck_assert_msg(s != NULL, "%s is a %s, not a str", src, mt_type_name(vm, 0));
    snprintf(buf, sizeof buf, "%s", s);
    return buf;
}

/* {== Natives ==} */

/* add(a, b): the sum of two ints; counts its calls in its user_data. */
static int native_add(mt_VM *vm, int argc, void *ud) {
    ++*(int *)ud;
    ck_assert_int_eq(argc, 2);
    ck_assert_int_eq(mt_type(vm, 0), MT_TNIL); /* a function has no receiver */
    ck_assert_int_ge(mt_slot_count(vm), 3);
    int64_t a, b;
    if (!mt_arg_int(vm, 1, &a) || !mt_arg_int(vm, 2, &b)) return MT_NATIVE_ERROR;
    mt_set_int(vm, 0, a + b);
    return MT_NATIVE_OK;
}

/* count(...): how many arguments it got, as "argc:type,type...". */
static int native_count(mt_VM *vm, int argc, void *ud) {
    (void)ud;
    char buf[256];
    int n = snprintf(buf, sizeof buf, "%d:", argc);
    for (int i = 1; i <= argc && n < 200; i++)
        n += snprintf(buf + n, sizeof buf - (size_t)n, "%s%s", i > 1 ? "," : "",
                      mt_type_name(vm, i));
    return mt_set_str(vm, 0, buf) == MT_OK ? MT_NATIVE_OK : MT_NATIVE_ERROR;
}

START_TEST(def_function_is_a_builtin) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    int calls = 0;
    mt_Function add = {"add", native_add, 2, 2};
    ck_assert_int_eq(mt_def_function(vm, &add, &calls), MT_OK);
    mt_Function count = {"count", native_count, 0, -1};
    ck_assert_int_eq(mt_def_function(vm, &count, NULL), MT_OK);
    host_eval(vm, "add(2, 3) * add(-1, 1 << 50)", 0);
    ck_assert_int_eq(mt_get_int(vm, 0), 5 * ((1LL << 50) - 1));
    ck_assert_int_eq(calls, 2);
    ck_assert_str_eq(eval_str(vm, "count()"), "0:");
    ck_assert_str_eq(eval_str(vm, "count(1, \"a\", [], nil, count)"),
                     "5:int,str,list,nil,function");
    /* Every script sees it too, and threads can call it. */
    ck_assert_int_eq(mt_run_string(vm, "p.mt", "let t = spawn add(20, 22)\nprint(t.join())\n"),
                     MT_OK);
    ck_assert_str_eq(h.out.text, "42\n");
    /* The host's slot 0 is not the native's. */
    ck_assert_int_eq(mt_set_str(vm, 5, "mine"), MT_OK);
    host_eval(vm, "add(1, 1)", -1);
    ck_assert_str_eq(mt_get_str(vm, 5, NULL), "mine");
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* The VM checks the argument count before calling, and the error names the function. */
START_TEST(arity_errors_name_the_function) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    int calls = 0;
    mt_Function add = {"add", native_add, 2, 2};
    ck_assert_int_eq(mt_def_function(vm, &add, &calls), MT_OK);
    mt_Function some = {"some", native_count, 1, 3};
    ck_assert_int_eq(mt_def_function(vm, &some, NULL), MT_OK);
    static const struct {
        const char *call, *message;
    } cases[] = {
        {"add(1)", "add() takes 2 arguments but 1 was given"},
        {"add(1, 2, 3)", "add() takes 2 arguments but 3 were given"},
        {"some()", "some() takes at least 1 argument but 0 were given"},
        {"some(1, 2, 3, 4)", "some() takes at most 3 arguments but 4 were given"},
    };
    host_eval(vm,
              "def catch(f):\n    try:\n        f()\n    except TypeError as e:\n"
              "        return e.message\n",
              -1);
    for (int i = 0; i < 4; i++) {
        char src[128];
        snprintf(src, sizeof src, "catch(fn(): %s)", cases[i].call);
        ck_assert_str_eq(eval_str(vm, src), cases[i].message);
    }
    ck_assert_int_eq(calls, 0);
    ck_assert_str_eq(eval_str(vm, "some(1, 2, 3)"), "3:int,int,int");
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* Definitions that cannot be natives: MT_TYPE_ERROR, nothing defined. */
START_TEST(bad_definitions_are_refused) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    mt_Function no_name = {NULL, native_count, 0, 0};
    ck_assert_int_eq(mt_def_function(vm, &no_name, NULL), MT_TYPE_ERROR);
    ck_assert_str_eq(mt_last_error(vm), "a native needs a name and a function");
    mt_Function no_fn = {"f", NULL, 0, 0};
    ck_assert_int_eq(mt_def_function(vm, &no_fn, NULL), MT_TYPE_ERROR);
    ck_assert_int_eq(mt_def_function(vm, NULL, NULL), MT_TYPE_ERROR);
    mt_Function neg = {"neg", native_count, -1, 2};
    ck_assert_int_eq(mt_def_function(vm, &neg, NULL), MT_TYPE_ERROR);
    ck_assert_str_eq(mt_last_error(vm), "neg: bad arity -1..2");
    mt_Function backwards = {"backwards", native_count, 3, 2};
    ck_assert_int_eq(mt_new_function(vm, 0, &backwards, NULL), MT_TYPE_ERROR);
    mt_Function wide = {"wide", native_count, 0, 256};
    ck_assert_int_eq(mt_def_function(vm, &wide, NULL), MT_TYPE_ERROR);
    mt_Function fns[] = {{"ok", native_count, 0, 0}, {"bad", native_count, 2, 1}, {0}};
    ck_assert_int_eq(mt_def_module(vm, "badmod", fns, NULL), MT_TYPE_ERROR);
    ck_assert_int_eq(mt_get_global(vm, "badmod", "ok", 0), MT_NOT_FOUND);
    ck_assert_int_eq(mt_get_global(vm, NULL, "neg", 0), MT_NOT_FOUND);
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* A builtin defined after chunks mentioned its name (and failed to find it), or defined
   again, is what they see from then on. */
START_TEST(late_and_redefined_builtins_are_seen) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    host_eval(vm,
              "def use():\n    return later()\n"
              "try:\n    use()\nexcept NameError as e:\n    print(e.message)\n",
              -1);
    mt_Function later = {"later", native_count, 0, -1};
    ck_assert_int_eq(mt_def_function(vm, &later, NULL), MT_OK);
    ck_assert_str_eq(eval_str(vm, "use()"), "0:");
    int calls = 0;
    mt_Function again = {"later", native_add, 2, 2};
    ck_assert_int_eq(mt_def_function(vm, &again, &calls), MT_OK);
    host_eval(vm, "let r = 0\ntry:\n    use()\nexcept TypeError:\n    r = later(1, 2)\nr", 0);
    ck_assert_int_eq(mt_get_int(vm, 0), 3);
    ck_assert_str_eq(h.out.text, "name 'later' is not defined\n");
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* mt_new_function: a native as a value, passed to Mt, called by the library. */
START_TEST(new_function_is_a_value) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    int calls = 0;
    mt_Function add = {"plus", native_add, 2, 2};
    ck_assert_int_eq(mt_new_function(vm, 3, &add, &calls), MT_OK);
    ck_assert_int_eq(mt_type(vm, 3), MT_TFUNCTION);
    ck_assert_str_eq(mt_type_name(vm, 3), "function");
    ck_assert_int_eq(mt_get_global(vm, NULL, "plus", 0), MT_NOT_FOUND); /* not a builtin */
    ck_assert_int_eq(mt_set_global(vm, NULL, "f", 3), MT_OK);
    ck_assert_str_eq(eval_str(vm, "str(map(fn(x): f(x, 1), [1, 2, 3])) + repr(f)"),
                     "[2, 3, 4]<builtin plus>");
    ck_assert_int_eq(calls, 3);
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* mt_def_module: `import` finds it before files and the loader; mt_set_global adds to it. */
static bool loader_never(mt_VM *vm, const char *name, mt_ModuleSource *out, void *ud) {
    (void)vm, (void)out;
    Host *h = ud;
    ck_assert_msg(strcmp(name, "hostmod") != 0, "the loader was asked for hostmod");
    (void)h;
    return false;
}

START_TEST(def_module_is_imported) {
    Host h = {0};
    mt_Config cfg;
    host_config(&cfg, &h, true);
    cfg.load_module = loader_never;
    mt_VM *vm = mt_new(&cfg);
    int calls = 0;
    mt_Function fns[] = {{"add", native_add, 2, 2}, {"count", native_count, 0, -1}, {0}};
    ck_assert_int_eq(mt_def_module(vm, "hostmod", fns, &calls), MT_OK);
    ck_assert_int_eq(mt_set_str(vm, 0, "1.0"), MT_OK);
    ck_assert_int_eq(mt_set_global(vm, "hostmod", "version", 0), MT_OK);
    ck_assert_str_eq(eval_str(vm, "import hostmod\n"
                                  "hostmod.version + \" \" + str(hostmod.add(1, 2)) + \" \" + "
                                  "hostmod.count(nil)"),
                     "1.0 3 1:nil");
    ck_assert_int_eq(calls, 1);
    ck_assert_int_eq(mt_get_global(vm, "hostmod", "add", 0), MT_OK);
    ck_assert_int_eq(mt_type(vm, 0), MT_TFUNCTION);
    ck_assert_int_eq(mt_get_global(vm, NULL, "add", 0), MT_NOT_FOUND); /* not a builtin */
    ck_assert_int_eq(mt_def_module(vm, "empty", NULL, NULL), MT_OK);
    ck_assert_str_eq(eval_str(vm, "import empty\ntype(empty)"), "module");
    ck_assert_int_eq(mt_run_string(vm, "s.mt", "import hostmod\nprint(hostmod.add(4, 4))\n"),
                     MT_OK);
    ck_assert_str_eq(h.out.text, "8\n");
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* {== Raising ==} */

/* raise_as(class, message): mt_raise with a printf message. */
static int native_raise_as(mt_VM *vm, int argc, void *ud) {
    (void)argc, (void)ud;
    const char *cls, *msg;
    if (!mt_arg_str(vm, 1, &cls, NULL) || !mt_arg_str(vm, 2, &msg, NULL)) return MT_NATIVE_ERROR;
    return mt_raise(vm, cls, "%s (%d)", msg, 42);
}

/* raise_value(v): raises the value it is given (mt_raise_slot). */
static int native_raise_value(mt_VM *vm, int argc, void *ud) {
    (void)argc, (void)ud;
    return mt_raise_slot(vm, 1);
}

/* misbehave(n): 1 says MT_NATIVE_ERROR with nothing pending, else returns n. */
static int native_misbehave(mt_VM *vm, int argc, void *ud) {
    (void)argc, (void)ud;
    return (int)mt_get_int(vm, 1);
}

static mt_VM *raising_vm(Host *h) {
    mt_VM *vm = host_vm(h, true);
    mt_Function fns[] = {{"raise_as", native_raise_as, 2, 2},
                         {"raise_value", native_raise_value, 1, 1},
                         {"misbehave", native_misbehave, 1, 1}};
    for (int i = 0; i < 3; i++) ck_assert_int_eq(mt_def_function(vm, &fns[i], NULL), MT_OK);
    host_eval(vm,
              "class HostError(ValueError):\n    pass\nclass NotAnError:\n    pass\n"
              "def catch(f):\n    try:\n        f()\n        return \"no error\"\n"
              "    except Error as e:\n        return type(e) + \": \" + e.message\n",
              -1);
    return vm;
}

/* mt_raise: a builtin error class, an error class of the host module's, and a name that is
   no error class (an Error saying so); the traceback starts in the caller. */
START_TEST(raise_with_error_classes) {
    Host h = {0};
    mt_VM *vm = raising_vm(&h);
    ck_assert_str_eq(eval_str(vm, "catch(fn(): raise_as(\"ValueError\", \"bad\"))"),
                     "ValueError: bad (42)");
    ck_assert_str_eq(eval_str(vm, "catch(fn(): raise_as(\"KeyError\", \"k\"))"),
                     "KeyError: k (42)");
    ck_assert_str_eq(eval_str(vm, "catch(fn(): raise_as(\"HostError\", \"mine\"))"),
                     "HostError: mine (42)");
    ck_assert_str_eq(eval_str(vm, "catch(fn(): raise_as(\"NotAnError\", \"x\"))"),
                     "Error: x (42) (raised as NotAnError, which is not an error class)");
    ck_assert_str_eq(eval_str(vm, "catch(fn(): raise_as(\"Nowhere\", \"y\"))"),
                     "Error: y (42) (raised as Nowhere, which is not an error class)");
    ck_assert_int_eq(host_exec(vm, "\nraise_as(\"IndexError\", \"uncaught\")\n"), MT_RUNTIME_ERROR);
    ck_assert_int_eq(h.nerrors, 1);
    ck_assert_str_eq(h.errors[0].error_class, "IndexError");
    ck_assert_str_eq(h.errors[0].message, "uncaught (42)");
    ck_assert_int_eq(h.errors[0].line, 2);
    /* An Exit class ends the program as exit() does: SystemExit("why") shows why and
       gives 1. */
    ck_assert_int_eq(host_exec(vm, "raise_as(\"SystemExit\", \"why\")\n"), MT_EXIT);
    ck_assert_int_eq(mt_exit_status(vm), 1);
    ck_assert_str_eq(h.err.text, "why (42)\n");
    /* Outside a native mt_raise only sets the message. */
    ck_assert_int_eq(mt_raise(vm, "ValueError", "host %s", "side"), MT_NATIVE_ERROR);
    ck_assert_str_eq(mt_last_error(vm), "ValueError: host side");
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* mt_raise_slot raises an error value; anything else becomes a TypeError. */
START_TEST(raise_slot_with_values) {
    Host h = {0};
    mt_VM *vm = raising_vm(&h);
    ck_assert_str_eq(eval_str(vm, "catch(fn(): raise_value(HostError(\"built\")))"),
                     "HostError: built");
    ck_assert_str_eq(eval_str(vm, "catch(fn(): raise_value(42))"),
                     "TypeError: mt_raise_slot: the value is not an error");
    /* An error the host made by calling the class. */
    ck_assert_int_eq(mt_get_global(vm, NULL, "KeyError", 1), MT_OK);
    ck_assert_int_eq(mt_set_str(vm, 2, "from C"), MT_OK);
    ck_assert_int_eq(mt_call(vm, 1, 1), MT_OK);
    ck_assert_int_eq(mt_set_global(vm, NULL, "made", 1), MT_OK);
    ck_assert_str_eq(eval_str(vm, "catch(fn(): raise_value(made))"), "KeyError: from C");
    ck_assert_int_eq(mt_raise_slot(vm, 1), MT_NATIVE_ERROR); /* outside a native: nothing */
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* A native that breaks the protocol still raises a clear error. */
START_TEST(native_protocol_errors) {
    Host h = {0};
    mt_VM *vm = raising_vm(&h);
    ck_assert_str_eq(eval_str(vm, "catch(fn(): misbehave(1))"),
                     "Error: misbehave() failed without raising an error");
    ck_assert_str_eq(eval_str(vm, "catch(fn(): misbehave(7))"),
                     "Error: misbehave() returned 7 (not MT_NATIVE_OK or MT_NATIVE_ERROR)");
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* typed(i, f, s): the argument checks. */
static int native_typed(mt_VM *vm, int argc, void *ud) {
    (void)argc, (void)ud;
    int64_t i;
    double f;
    const char *s;
    size_t len;
    if (!mt_arg_int(vm, 1, &i) || !mt_arg_float(vm, 2, &f) || !mt_arg_str(vm, 3, &s, &len))
        return MT_NATIVE_ERROR;
    char buf[128];
    snprintf(buf, sizeof buf, "%lld %g %s %zu", (long long)i, f, s, len);
    mt_set_str(vm, 0, buf);
    return MT_NATIVE_OK;
}

/* after_call(f, n): calls f, then checks that n is an int. */
static int native_after_call(mt_VM *vm, int argc, void *ud) {
    (void)argc, (void)ud;
    int64_t n;
    if (mt_call(vm, 1, 0) != MT_OK) return MT_NATIVE_ERROR;
    if (!mt_arg_int(vm, 2, &n)) return MT_NATIVE_ERROR;
    return mt_set_int(vm, 0, n) == MT_OK ? MT_NATIVE_OK : MT_NATIVE_ERROR;
}

START_TEST(argument_checks) {
    Host h = {0};
    mt_VM *vm = raising_vm(&h);
    mt_Function typed = {"typed", native_typed, 3, 3};
    ck_assert_int_eq(mt_def_function(vm, &typed, NULL), MT_OK);
    ck_assert_str_eq(eval_str(vm, "typed(1, 2.5, \"\\u{e9}t\\u{e9}\")"),
                     "1 2.5 \xc3\xa9t\xc3\xa9 5");
    ck_assert_str_eq(eval_str(vm, "typed(-3, 7, \"\")"), "-3 7  0"); /* an int is a float */
    ck_assert_str_eq(eval_str(vm, "catch(fn(): typed(1.0, 2, \"s\"))"),
                     "TypeError: typed() argument 1 must be int, not float");
    ck_assert_str_eq(eval_str(vm, "catch(fn(): typed(1, \"2\", \"s\"))"),
                     "TypeError: typed() argument 2 must be a number, not str");
    ck_assert_str_eq(eval_str(vm, "catch(fn(): typed(1, 2, b\"s\"))"),
                     "TypeError: typed() argument 3 must be str, not bytes");
    ck_assert_str_eq(eval_str(vm, "catch(fn(): typed(true, 2, \"s\"))"),
                     "TypeError: typed() argument 1 must be int, not bool");
    /* The error names the native checking, also after an mt_call that ran others. */
    mt_Function after = {"after_call", native_after_call, 2, 2};
    ck_assert_int_eq(mt_def_function(vm, &after, NULL), MT_OK);
    ck_assert_str_eq(eval_str(vm, "catch(fn(): after_call(fn(): len(\"abc\"), \"x\"))"),
                     "TypeError: after_call() argument 2 must be int, not str");
    /* Outside a native: false, and the message. */
    int64_t i = 5;
    ck_assert_int_eq(mt_set_str(vm, 1, "x"), MT_OK);
    ck_assert(!mt_arg_int(vm, 1, &i));
    ck_assert_int_eq(i, 5);
    ck_assert_str_eq(mt_last_error(vm), "TypeError: native() argument 1 must be int, not str");
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* fails(kind): returns MT_NATIVE_ERROR after a failed API call: its error is raised. */
static int native_fails(mt_VM *vm, int argc, void *ud) {
    (void)argc, (void)ud;
    int64_t kind;
    if (!mt_arg_int(vm, 1, &kind)) return MT_NATIVE_ERROR;
    mt_ensure_slots(vm, 6);
    mt_new_list(vm, 2);
    mt_new_map(vm, 3);
    switch (kind) {
    case 0: ck_assert_int_eq(mt_list_get(vm, 2, 5, 4), MT_NOT_FOUND); break;
    case 1: ck_assert_int_eq(mt_map_get(vm, 3, 1, 4), MT_NOT_FOUND); break;
    case 2: ck_assert_int_eq(mt_map_set(vm, 3, 2, 4), MT_TYPE_ERROR); break;
    case 3: ck_assert_int_eq(mt_set_str(vm, 4, "\xff"), MT_TYPE_ERROR); break;
    case 4: ck_assert_int_eq(mt_get_global(vm, NULL, "nothing_here", 4), MT_NOT_FOUND); break;
    case 5: ck_assert_int_eq(mt_list_append(vm, 1, 4), MT_TYPE_ERROR); break;
    case 6: ck_assert_int_eq(mt_call(vm, 1, 0), MT_TYPE_ERROR); break;
    default: return MT_NATIVE_OK;
    }
    return MT_NATIVE_ERROR;
}

START_TEST(failed_calls_become_the_natives_error) {
    Host h = {0};
    mt_VM *vm = raising_vm(&h);
    mt_Function fails = {"fails", native_fails, 1, 1};
    ck_assert_int_eq(mt_def_function(vm, &fails, NULL), MT_OK);
    static const char *const want[] = {
        "IndexError: list index 5 out of range",
        "KeyError: no such key in the map",
        "TypeError: unhashable type: 'list' cannot be a map key",
        "UnicodeError: text is not UTF-8 or holds a NUL byte (line 1, column 1)",
        "NameError: name 'nothing_here' is not defined",
        "TypeError: mt_list_append: expected a list, not int",
        "TypeError: mt_call: expected a function, not int",
    };
    for (int i = 0; i < 7; i++) {
        char src[64];
        snprintf(src, sizeof src, "catch(fn(): fails(%d))", i);
        ck_assert_str_eq(eval_str(vm, src), want[i]);
    }
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* {== mt_call ==} */

static const char callees[] =
    "def add(a, b):\n    return a + b\n"
    "def bad(x):\n    raise ValueError(\"bad \" + str(x))\n"
    "def quiet():\n    raise ValueError(\"\")\n"
    "def leave(n):\n    exit(n)\n"
    "class Box:\n    def init(self, v):\n        self.v = v\n"
    "    def get(self):\n        return self.v\n"
    "    def put(self, v):\n        self.v = v\n        return self\n"
    "def gen():\n    yield 1\n    yield 2\n"
    "def drain():\n    let total = 0\n    for v in coroutine(gen):\n        total += v\n"
    "    return total\n";

/* mt_call from the host: the result or the error replaces the callable; nothing is
   reported; the arguments are consumed in place. */
START_TEST(call_from_the_host) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    host_eval(vm, callees, -1);
    ck_assert_int_eq(mt_get_global(vm, NULL, "add", 0), MT_OK);
    ck_assert_int_eq(mt_set_int(vm, 1, 40), MT_OK);
    ck_assert_int_eq(mt_set_int(vm, 2, 2), MT_OK);
    ck_assert_int_eq(mt_call(vm, 0, 2), MT_OK);
    ck_assert_int_eq(mt_get_int(vm, 0), 42);
    /* Strings: add concatenates. */
    ck_assert_int_eq(mt_get_global(vm, NULL, "add", 3), MT_OK);
    ck_assert_int_eq(mt_set_str(vm, 4, "a"), MT_OK);
    ck_assert_int_eq(mt_set_str(vm, 5, "b"), MT_OK);
    ck_assert_int_eq(mt_call(vm, 3, 2), MT_OK);
    ck_assert_str_eq(mt_get_str(vm, 3, NULL), "ab");
    /* An error. */
    ck_assert_int_eq(mt_get_global(vm, NULL, "bad", 0), MT_OK);
    ck_assert_int_eq(mt_set_int(vm, 1, 7), MT_OK);
    ck_assert_int_eq(mt_call(vm, 0, 1), MT_RUNTIME_ERROR);
    ck_assert_str_eq(mt_type_name(vm, 0), "ValueError");
    ck_assert_str_eq(mt_error_string(vm, 0), "ValueError: bad 7");
    ck_assert_str_eq(mt_last_error(vm), "ValueError: bad 7");
    ck_assert_int_eq(mt_get_attr(vm, 0, "message", 1), MT_OK);
    ck_assert_str_eq(mt_get_str(vm, 1, NULL), "bad 7");
    ck_assert_int_eq(mt_get_global(vm, NULL, "quiet", 1), MT_OK);
    ck_assert_int_eq(mt_call(vm, 1, 0), MT_RUNTIME_ERROR);
    ck_assert_str_eq(mt_error_string(vm, 1), "ValueError");
    ck_assert_int_eq(mt_set_int(vm, 1, 3), MT_OK);
    ck_assert_str_eq(mt_error_string(vm, 1), "int");
    ck_assert_int_eq(h.nerrors, 0);
    /* mt_report shows the error as an uncaught one would be: with its traceback. */
    mt_report(vm, 0);
    ck_assert_int_eq(h.nerrors, 1);
    ck_assert_str_eq(h.errors[0].error_class, "ValueError");
    ck_assert_str_eq(h.errors[0].message, "bad 7");
    ck_assert_str_eq(h.errors[0].frame_fn[0], "bad");
    ck_assert_int_eq(h.errors[0].line, 4);
    /* Classes, bound methods and builtins are callable; coroutines run inside. */
    ck_assert_int_eq(mt_get_global(vm, NULL, "Box", 0), MT_OK);
    ck_assert_int_eq(mt_set_str(vm, 1, "boxed"), MT_OK);
    ck_assert_int_eq(mt_call(vm, 0, 1), MT_OK);
    ck_assert_str_eq(mt_type_name(vm, 0), "Box");
    ck_assert_int_eq(mt_get_attr(vm, 0, "get", 1), MT_OK);
    ck_assert_int_eq(mt_call(vm, 1, 0), MT_OK);
    ck_assert_str_eq(mt_get_str(vm, 1, NULL), "boxed");
    ck_assert_int_eq(mt_get_global(vm, NULL, "len", 1), MT_OK);
    ck_assert_int_eq(mt_set_str(vm, 2, "four"), MT_OK);
    ck_assert_int_eq(mt_call(vm, 1, 1), MT_OK);
    ck_assert_int_eq(mt_get_int(vm, 1), 4);
    ck_assert_int_eq(mt_get_global(vm, NULL, "drain", 1), MT_OK);
    ck_assert_int_eq(mt_call(vm, 1, 0), MT_OK);
    ck_assert_int_eq(mt_get_int(vm, 1), 3);
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* Without error_fn, mt_report writes the traceback to write_err. */
START_TEST(report_without_error_fn) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, false);
    host_eval(vm, callees, -1);
    ck_assert_int_eq(mt_get_global(vm, NULL, "bad", 0), MT_OK);
    ck_assert_int_eq(mt_set_int(vm, 1, 8), MT_OK);
    ck_assert_int_eq(mt_call(vm, 0, 1), MT_RUNTIME_ERROR);
    ck_assert_str_eq(h.err.text, "");
    mt_report(vm, 0);
    ck_assert_msg(strstr(h.err.text, "Traceback") && strstr(h.err.text, "eval:4, in bad") &&
                      strstr(h.err.text, "ValueError: bad 8"),
                  "err: %s", h.err.text);
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* exit() inside mt_call: MT_EXIT, the SystemExit in the slot; the host decides. */
START_TEST(call_that_exits) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    host_eval(vm, callees, -1);
    ck_assert_int_eq(mt_get_global(vm, NULL, "leave", 0), MT_OK);
    ck_assert_int_eq(mt_set_int(vm, 1, 9), MT_OK);
    ck_assert_int_eq(mt_call(vm, 0, 1), MT_EXIT);
    ck_assert_str_eq(mt_type_name(vm, 0), "SystemExit");
    ck_assert_int_eq(mt_get_attr(vm, 0, "code", 1), MT_OK);
    ck_assert_int_eq(mt_get_int(vm, 1), 9);
    ck_assert_int_eq(h.nerrors, 0);
    host_eval(vm, "add(1, 2)", -1); /* the VM goes on */
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* Wrong slots or a value that cannot be called: MT_TYPE_ERROR, nothing called. */
START_TEST(call_errors) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    host_eval(vm, callees, -1);
    ck_assert_int_eq(mt_ensure_slots(vm, 3), MT_OK);
    ck_assert_int_eq(mt_get_global(vm, NULL, "add", 0), MT_OK);
    ck_assert_int_eq(mt_call(vm, 0, 3), MT_TYPE_ERROR);
    ck_assert_str_eq(mt_last_error(vm), "mt_call: slots 0..3 do not exist");
    ck_assert_int_eq(mt_call(vm, -1, 0), MT_TYPE_ERROR);
    ck_assert_int_eq(mt_call(vm, 0, -1), MT_TYPE_ERROR);
    ck_assert_int_eq(mt_type(vm, 0), MT_TFUNCTION);
    ck_assert_int_eq(mt_set_int(vm, 1, 5), MT_OK);
    ck_assert_int_eq(mt_call(vm, 1, 0), MT_TYPE_ERROR);
    ck_assert_str_eq(mt_last_error(vm), "mt_call: expected a function, not int");
    ck_assert_int_eq(mt_get_int(vm, 1), 5);
    /* A wrong argument count is the callee's TypeError. */
    ck_assert_int_eq(mt_call(vm, 0, 1), MT_RUNTIME_ERROR);
    ck_assert_str_eq(mt_error_string(vm, 0), "TypeError: add() missing required argument 'b'");
    ck_assert_int_eq(mt_call_method(vm, 1, "bit_length", 0), MT_NOT_FOUND);
    ck_assert_int_eq(mt_call_method(vm, 2, "x", 5), MT_TYPE_ERROR);
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

START_TEST(call_method) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    host_eval(vm, callees, -1);
    host_eval(vm, "Box(1)", 0);
    ck_assert_int_eq(mt_copy(vm, 3, 0), MT_OK);
    ck_assert_int_eq(mt_set_int(vm, 1, 99), MT_OK);
    ck_assert_int_eq(mt_call_method(vm, 0, "put", 1), MT_OK);
    ck_assert_int_eq(mt_call_method(vm, 0, "get", 0), MT_OK); /* put returned self */
    ck_assert_int_eq(mt_get_int(vm, 0), 99);
    ck_assert_int_eq(mt_call_method(vm, 3, "missing", 0), MT_NOT_FOUND);
    ck_assert_msg(strncmp(mt_last_error(vm), "AttributeError: ", 16) == 0, "%s", mt_last_error(vm));
    ck_assert_str_eq(mt_type_name(vm, 3), "Box"); /* the receiver stays */
    ck_assert_int_eq(mt_call_method(vm, 3, "put", 0), MT_RUNTIME_ERROR);
    ck_assert_str_eq(mt_error_string(vm, 3), "TypeError: put() missing required argument 'v'");
    /* Methods of library values. */
    ck_assert_int_eq(mt_set_str(vm, 0, "a,b,c"), MT_OK);
    ck_assert_int_eq(mt_set_str(vm, 1, ","), MT_OK);
    ck_assert_int_eq(mt_call_method(vm, 0, "split", 1), MT_OK);
    ck_assert_int_eq(mt_len(vm, 0), 3);
    ck_assert_int_eq(mt_set_int(vm, 1, 4), MT_OK);
    ck_assert_int_eq(mt_copy(vm, 5, 0), MT_OK);
    ck_assert_int_eq(mt_call_method(vm, 0, "append", 1), MT_OK);
    ck_assert_int_eq(mt_len(vm, 5), 4);
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* call_back(f, args...): calls f from inside a native; its error is re-raised. */
static int native_call_back(mt_VM *vm, int argc, void *ud) {
    (void)ud;
    mt_Status st = mt_call(vm, 1, argc - 1);
    if (st != MT_OK) return mt_raise_slot(vm, 1);
    mt_copy(vm, 0, 1);
    return MT_NATIVE_OK;
}

/* A callee that tries to wait (a channel, sleep, join, select, choose) gets the "cannot
   wait" Error, inside the callee: it may catch it, or it propagates; either way the thread
   that called the native goes on, and may itself wait afterwards. A join, a sleep or a
   select used to leave the call's fiber among the joiners, timers or channel waiters, and
   the wake-up later ran that fiber after its stack was gone (a crash). */
START_TEST(call_inside_a_native_cannot_wait) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    mt_Function cb = {"call_back", native_call_back, 1, -1};
    ck_assert_int_eq(mt_def_function(vm, &cb, NULL), MT_OK);
    host_eval(vm,
              "let ch = channel()\n"
              "def waits(how):\n"
              "    if how == 0:\n        return ch.recv()\n"
              "    if how == 1:\n        sleep(0.01)\n"
              "    if how == 2:\n        return (spawn sleep(0.01)).join()\n"
              "    if how == 3:\n        ch.send(1)\n"
              "    if how == 4:\n        select:\n            case ch.recv() as v:\n"
              "                pass\n            case after(0.01):\n                pass\n"
              "    if how == 5:\n        choose([[\"recv\", ch], [\"after\", 0.01]])\n"
              "    return \"waited\"\n"
              "def caught(how):\n"
              "    try:\n        return waits(how)\n"
              "    except Error as e:\n        return \"caught: \" + e.message[:25]\n"
              "def sender():\n    ch.send(\"real\")\n"
              "def outer():\n"
              "    let seen = []\n"
              "    for how in range(6):\n"
              "        seen.append(call_back(caught, how))\n"
              "        try:\n            call_back(waits, how)\n"
              "        except Error as e:\n            seen.append(e.message)\n"
              "    sleep(0.01)\n"
              "    let t = spawn sender()\n"
              "    seen.append(ch.recv())\n"
              "    return seen\n"
              "let t = spawn outer()\n",
              -1);
    ck_assert_int_eq(mt_run(vm), MT_OK);
    host_eval(vm, "t.join()", 0);
    static const char *const msg = "cannot wait inside mt_call (the host is waiting for this "
                                   "call to return; spawn a thread, or use a suspending native)";
    ck_assert_int_eq(mt_len(vm, 0), 13);
    for (int i = 0; i < 6; i++) {
        ck_assert_int_eq(mt_list_get(vm, 0, 2 * i, 1), MT_OK);
        ck_assert_str_eq(mt_get_str(vm, 1, NULL), "caught: cannot wait inside mt_cal");
        ck_assert_int_eq(mt_list_get(vm, 0, 2 * i + 1, 1), MT_OK);
        ck_assert_str_eq(mt_get_str(vm, 1, NULL), msg);
    }
    ck_assert_int_eq(mt_list_get(vm, 0, -1, 1), MT_OK);
    ck_assert_str_eq(mt_get_str(vm, 1, NULL), "real");
    ck_assert_int_eq(h.nerrors, 0);
    /* From the host too. */
    ck_assert_int_eq(mt_get_global(vm, NULL, "waits", 0), MT_OK);
    ck_assert_int_eq(mt_set_int(vm, 1, 0), MT_OK);
    ck_assert_int_eq(mt_call(vm, 0, 1), MT_RUNTIME_ERROR);
    ck_assert_str_eq(mt_error_string(vm, 0), "Error: cannot wait inside mt_call (the host is "
                                             "waiting for this call to return; spawn a "
                                             "thread, or use a suspending native)");
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* reenter(f, n): mt_call nested in natives nested in mt_call: bounded. */
static int native_reenter(mt_VM *vm, int argc, void *ud) {
    (void)argc;
    int *deepest = ud;
    int64_t n = mt_get_int(vm, 2);
    if (n > *deepest) *deepest = (int)n;
    mt_copy(vm, 3, 1);
    mt_set_int(vm, 4, n + 1);
    if (mt_call(vm, 3, 1) != MT_OK) return mt_raise_slot(vm, 3);
    mt_copy(vm, 0, 3);
    return MT_NATIVE_OK;
}

START_TEST(call_nesting_is_bounded) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    int deepest = 0;
    mt_Function re = {"reenter", native_reenter, 2, 2};
    ck_assert_int_eq(mt_def_function(vm, &re, &deepest), MT_OK);
    host_eval(vm, "def down(n):\n    return reenter(down, n)\n", -1);
    ck_assert_int_eq(mt_get_global(vm, NULL, "down", 0), MT_OK);
    ck_assert_int_eq(mt_set_int(vm, 1, 0), MT_OK);
    ck_assert_int_eq(mt_call(vm, 0, 1), MT_RUNTIME_ERROR);
    ck_assert_str_eq(mt_error_string(vm, 0), "RecursionError: mt_call nested 200 deep");
    ck_assert_int_eq(deepest, 199);
    /* And from a chunk, where it can be caught. */
    deepest = 0;
    ck_assert_str_eq(eval_str(vm, "def catch():\n    try:\n        down(0)\n"
                                  "    except RecursionError as e:\n        return e.message\n"
                                  "catch()"),
                     "mt_call nested 200 deep");
    ck_assert_int_eq(deepest, 200);
    host_eval(vm, "down", -1); /* the VM goes on */
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* {== Foreign classes ==} */

typedef struct {
    int64_t count;
    int64_t id;
} Counter;

typedef struct {
    int finalized;
    int64_t finalized_ids;
    int made;
} Classes;

static int counter_init(mt_VM *vm, int argc, void *ud) {
    Classes *c = ud;
    Counter *p = mt_get_foreign(vm, 0, "Counter");
    ck_assert_ptr_nonnull(p);
    ck_assert_int_eq(p->count, 0); /* zeroed */
    int64_t start = 0;
    if (argc >= 1 && !mt_arg_int(vm, 1, &start)) return MT_NATIVE_ERROR;
    if (start < 0) return mt_raise(vm, "ValueError", "negative start %lld", (long long)start);
    p->count = start;
    p->id = ++c->made;
    return MT_NATIVE_OK;
}

static int counter_inc(mt_VM *vm, int argc, void *ud) {
    (void)argc, (void)ud;
    Counter *p = mt_get_foreign(vm, 0, "Counter");
    if (!p) return mt_raise(vm, "TypeError", "inc() needs a Counter");
    p->count++;
    return MT_NATIVE_OK; /* slot 0 (the receiver) is the result */
}

static int counter_get(mt_VM *vm, int argc, void *ud) {
    (void)argc, (void)ud;
    Counter *p = mt_get_foreign(vm, 0, "Counter");
    if (!p) return mt_raise(vm, "TypeError", "get() needs a Counter");
    mt_set_int(vm, 0, p->count);
    return MT_NATIVE_OK;
}

static void counter_finalize(void *payload, void *ud) {
    Classes *c = ud;
    c->finalized++;
    c->finalized_ids += ((Counter *)payload)->id;
}

static const mt_Function counter_methods[] = {
    {"inc", counter_inc, 0, 0}, {"get", counter_get, 0, 0}, {0}};

static const mt_ForeignClass counter_class = {"Counter", sizeof(Counter), counter_init,    0,
                                              1,         counter_methods, counter_finalize};

/* A class without a constructor: only C makes them. */
static const mt_ForeignClass token_class = {"Token", 8, NULL, 0, 0, NULL, NULL};

static mt_VM *classes_vm(Host *h, Classes *c) {
    mt_VM *vm = host_vm(h, true);
    ck_assert_int_eq(mt_def_class(vm, &counter_class, c), MT_OK);
    ck_assert_int_eq(mt_def_class(vm, &token_class, NULL), MT_OK);
    return vm;
}

START_TEST(foreign_class_from_mt) {
    Host h = {0};
    Classes c = {0};
    mt_VM *vm = classes_vm(&h, &c);
    host_eval(vm, "let k = Counter(5)\nk.inc().inc()\nk.get()", 0);
    ck_assert_int_eq(mt_get_int(vm, 0), 7);
    ck_assert_str_eq(eval_str(vm, "type(k)"), "Counter");
    host_eval(vm, "k", 0);
    ck_assert_int_eq(mt_type(vm, 0), MT_TFOREIGN);
    ck_assert_str_eq(mt_type_name(vm, 0), "Counter");
    Counter *p = mt_get_foreign(vm, 0, "Counter");
    ck_assert_ptr_nonnull(p);
    ck_assert_int_eq(p->count, 7);
    ck_assert_ptr_null(mt_get_foreign(vm, 0, "Token"));   /* another class */
    ck_assert_ptr_null(mt_get_foreign(vm, 0, "Nowhere")); /* no such class */
    ck_assert_int_eq(mt_set_int(vm, 1, 3), MT_OK);
    ck_assert_ptr_null(mt_get_foreign(vm, 1, "Counter")); /* not a foreign object */
    /* Errors: the constructor's arity (named), its own error, a method on a wrong
       receiver, a class without a constructor. */
    ck_assert_str_eq(eval_str(vm, "def catch(f):\n    try:\n        f()\n"
                                  "    except Error as e:\n        return e.message\n"
                                  "catch(fn(): Counter(1, 2))"),
                     "Counter() takes 0 to 1 arguments but 2 were given");
    ck_assert_str_eq(eval_str(vm, "catch(fn(): Counter(-1))"), "negative start -1");
    ck_assert_str_eq(eval_str(vm, "catch(fn(): Counter(\"x\"))"),
                     "Counter() argument 1 must be int, not str");
    ck_assert_str_eq(eval_str(vm, "catch(fn(): Token())"),
                     "Token objects cannot be made by calling the class");
    ck_assert_int_eq(mt_set_str(vm, 0, "no"), MT_OK);
    ck_assert_int_eq(mt_get_global(vm, NULL, "k", 1), MT_OK);
    ck_assert_int_eq(mt_get_attr(vm, 1, "inc", 2), MT_OK);
    ck_assert_int_eq(mt_call(vm, 2, 0), MT_OK);
    ck_assert_int_eq(p->count, 8);
    host_free_vm(vm, &h);
    /* Counter(5) and the two whose constructor failed (the arity is checked before an
       object is made). */
    ck_assert_int_eq(c.finalized, 3);
    host_done(&h);
}
END_TEST

START_TEST(foreign_objects_from_c) {
    Host h = {0};
    Classes c = {0};
    mt_VM *vm = classes_vm(&h, &c);
    Counter *p = mt_new_foreign(vm, 2, "Counter");
    ck_assert_ptr_nonnull(p);
    ck_assert_int_eq(p->count, 0);
    ck_assert_int_eq(p->id, 0);
    p->count = 41;
    p->id = 100;
    ck_assert_ptr_eq(mt_get_foreign(vm, 2, "Counter"), p);
    ck_assert_int_eq(mt_call_method(vm, 2, "inc", 0), MT_OK);
    ck_assert_int_eq(mt_call_method(vm, 2, "get", 0), MT_OK);
    ck_assert_int_eq(mt_get_int(vm, 2), 42);
    uint8_t *t = mt_new_foreign(vm, 3, "Token");
    ck_assert_ptr_nonnull(t);
    for (int i = 0; i < 8; i++) ck_assert_int_eq(t[i], 0);
    ck_assert_str_eq(mt_type_name(vm, 3), "Token");
    ck_assert_int_eq(mt_set_int(vm, 4, 1), MT_OK);
    ck_assert_ptr_null(mt_new_foreign(vm, 4, "Nowhere"));
    ck_assert_str_eq(mt_last_error(vm), "no foreign class named 'Nowhere'");
    ck_assert_int_eq(mt_get_int(vm, 4), 1); /* the slot is left alone */
    host_free_vm(vm, &h);
    ck_assert_int_eq(c.finalized, 1); /* at mt_free */
    ck_assert_int_eq(c.finalized_ids, 100);
    host_done(&h);
}
END_TEST

/* Each object is finalized exactly once: when collected, or at mt_free if still alive. */
START_TEST(finalize_runs_exactly_once) {
    Host h = {0};
    Classes c = {0};
    mt_VM *vm = classes_vm(&h, &c);
    host_eval(vm,
              "let keep = []\nfor i in range(50):\n    let k = Counter(i)\n"
              "    if i % 5 == 0:\n        keep.append(k)\n",
              -1);
    ck_assert_int_eq(c.made, 50);
    Counter *p = mt_new_foreign(vm, 0, "Counter");
    p->id = 1000;
    mt_Handle *held = mt_handle(vm, 0);
    ck_assert_int_eq(mt_new_foreign(vm, 0, "Counter") != NULL, 1); /* dropped at once */
    ck_assert_int_eq(mt_set_nil(vm, 0), MT_OK);
    host_eval(vm, "gc()\ngc()\n", -1);
    ck_assert_int_eq(c.finalized, 41); /* 40 dropped in Mt, one dropped by the host */
    mt_release(vm, held);
    host_eval(vm, "keep = nil\ngc()\n", -1);
    ck_assert_int_eq(c.finalized, 52);
    ck_assert_int_eq(c.finalized_ids, 50 * 51 / 2 + 1000);
    host_eval(vm, "let last = Counter(1)\n", -1);
    host_free_vm(vm, &h);
    ck_assert_int_eq(c.finalized, 53);
    host_done(&h);
}
END_TEST

START_TEST(def_class_errors) {
    Host h = {0};
    Classes c = {0};
    mt_VM *vm = classes_vm(&h, &c);
    ck_assert_int_eq(mt_def_class(vm, &counter_class, &c), MT_TYPE_ERROR);
    ck_assert_str_eq(mt_last_error(vm), "a foreign class named 'Counter' exists already");
    mt_ForeignClass unnamed = {"", 4, NULL, 0, 0, NULL, NULL};
    ck_assert_int_eq(mt_def_class(vm, &unnamed, NULL), MT_TYPE_ERROR);
    ck_assert_int_eq(mt_def_class(vm, NULL, NULL), MT_TYPE_ERROR);
    mt_Function bad_methods[] = {{"m", counter_get, 1, 0}, {0}};
    mt_ForeignClass bad = {"Bad", 4, NULL, 0, 0, bad_methods, NULL};
    ck_assert_int_eq(mt_def_class(vm, &bad, NULL), MT_TYPE_ERROR);
    ck_assert_int_eq(mt_get_global(vm, NULL, "Bad", 0), MT_NOT_FOUND);
    ck_assert_ptr_null(mt_new_foreign(vm, 0, "Bad"));
    /* The definition is copied: the host's may go away. */
    char name[16] = "Temp";
    mt_ForeignClass temp = {name, 4, NULL, 0, 0, NULL, NULL};
    ck_assert_int_eq(mt_def_class(vm, &temp, NULL), MT_OK);
    memset(name, 'x', sizeof name - 1);
    ck_assert_ptr_nonnull(mt_new_foreign(vm, 0, "Temp"));
    ck_assert_str_eq(mt_type_name(vm, 0), "Temp");
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

Suite *embed_natives_suite(void) {
    Suite *s = suite_create("embed_natives");
    TCase *tc = tcase_create("natives");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, def_function_is_a_builtin);
    tcase_add_test(tc, arity_errors_name_the_function);
    tcase_add_test(tc, bad_definitions_are_refused);
    tcase_add_test(tc, late_and_redefined_builtins_are_seen);
    tcase_add_test(tc, new_function_is_a_value);
    tcase_add_test(tc, def_module_is_imported);
    tcase_add_test(tc, raise_with_error_classes);
    tcase_add_test(tc, raise_slot_with_values);
    tcase_add_test(tc, native_protocol_errors);
    tcase_add_test(tc, argument_checks);
    tcase_add_test(tc, failed_calls_become_the_natives_error);
    suite_add_tcase(s, tc);
    tc = tcase_create("call");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, call_from_the_host);
    tcase_add_test(tc, call_that_exits);
    tcase_add_test(tc, report_without_error_fn);
    tcase_add_test(tc, call_errors);
    tcase_add_test(tc, call_method);
    tcase_add_test(tc, call_inside_a_native_cannot_wait);
    tcase_add_test(tc, call_nesting_is_bounded);
    suite_add_tcase(s, tc);
    tc = tcase_create("foreign");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, foreign_class_from_mt);
    tcase_add_test(tc, foreign_objects_from_c);
    tcase_add_test(tc, finalize_runs_exactly_once);
    tcase_add_test(tc, def_class_errors);
    suite_add_tcase(s, tc);
    return s;
}
