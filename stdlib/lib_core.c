/*
** lib_core.c — the core builtins: print, len, range, conversions, exit, assert, min/max...
*/
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "vm/utf8.h"
#include "stdlib/lib.h"
#include "vm/opcodes.h"
#include "vm/value.h"
#include "vm/state.h"
#include "vm/out.h"
#include "vm/ops.h"
#include "vm/object.h"
#include "vm/num.h"
#include "vm/mem.h"
#include "vm/map.h"
#include "vm/table.h"
#include "vm/gc.h"
#include "vm/error.h"
#include "vm/call.h"

/* {== Text output and conversion ==} */

static bool any_needs_callback(VM *vm, Value *args, int argc) {
    for (int i = 1; i <= argc; i++)
        if (mtv_needs_callback(vm, args[i])) return true;
    return false;
}

static int core_print(VM *vm, Value *args, int argc) {
    if (any_needs_callback(vm, args, argc)) {
        /* A user str()/repr() method must run: hand over to the Mt version. */
        List *l = mto_list(vm, (uint32_t)argc);
        for (int i = 1; i <= argc; i++) l->items[l->count++] = args[i];
        Value a = OBJ_VAL(l);
        return mtlib_tail_call(vm, args, mtlib_prelude(vm, "_print"), 1, &a);
    }
    /* Every argument becomes text before anything is written (in its own slot, which keeps
       it rooted), so a MemoryError never leaves half a line. */
    for (int i = 1; i <= argc; i++) {
        if (IS_STRING(args[i])) continue;
        String *s = mtv_to_string(vm, args[i], false);
        if (!s) return NATIVE_ERROR;
        args[i] = OBJ_VAL(s);
    }
    for (int i = 1; i <= argc; i++) {
        if (i > 1) mtout_write(vm, " ", 1);
        mtout_write(vm, AS_STRING(args[i])->chars, AS_STRING(args[i])->len);
    }
    mtout_write(vm, "\n", 1);
    if (vm->out_errno) return mtout_check(vm);
    RETURN(NIL_VAL);
}

/* Calls a user str()/repr() method through the prelude, which checks it returns a str. */
static int text_method(VM *vm, Value *args, Value obj, Value method, const char *what) {
    Value a[3] = {obj, method, OBJ_VAL(mto_intern_z(vm, what))};
    return mtlib_tail_call(vm, args, mtlib_prelude(vm, "_call_text"), 3, a);
}

static int core_str(VM *vm, Value *args, int argc) {
    if (argc == 0) RETURN(OBJ_VAL(mto_intern(vm, "", 0)));
    Value v = args[1];
    if (IS_STRING(v)) RETURN(v);
    if (IS_OBJ(v) && mtv_needs_callback(vm, v)) {
        Value m;
        if (IS_INSTANCE(v) && mtcall_find_method(vm, v, vm->names.str, &m))
            return text_method(vm, args, v, m, "str");
        if (IS_INSTANCE(v) && mtcall_find_method(vm, v, vm->names.repr, &m))
            return text_method(vm, args, v, m, "repr");
        return mtlib_tail_call(vm, args, mtlib_prelude(vm, "_str"), 1, &v);
    }
    String *s = mtv_to_string(vm, v, false);
    if (!s) return NATIVE_ERROR;
    RETURN(OBJ_VAL(s));
}

static int core_repr(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    Value v = args[1];
    if (mtv_needs_repr_callback(vm, v)) {
        Value m;
        if (IS_INSTANCE(v) && mtcall_find_method(vm, v, vm->names.repr, &m))
            return text_method(vm, args, v, m, "repr");
        return mtlib_tail_call(vm, args, mtlib_prelude(vm, "_repr"), 1, &v);
    }
    String *s = mtv_to_string(vm, v, true);
    if (!s) return NATIVE_ERROR;
    RETURN(OBJ_VAL(s));
}

/* {== len, range ==} */

static int core_len(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    Value v = args[1];
    if (IS_OBJ(v)) {
        switch ((ObjType)AS_OBJ(v)->type) {
        case OBJ_STRING: RETURN(SMALLINT_VAL(AS_STRING(v)->ncp));
        case OBJ_BYTES: RETURN(SMALLINT_VAL(AS_BYTES(v)->len));
        case OBJ_LIST: RETURN(SMALLINT_VAL(AS_LIST(v)->count));
        case OBJ_TUPLE: RETURN(SMALLINT_VAL(AS_TUPLE(v)->count));
        case OBJ_MAP:
        case OBJ_SET: RETURN(SMALLINT_VAL(AS_MAP(v)->count));
        case OBJ_RANGE: {
            int64_t n;
            if (!mto_range_len((Range *)AS_OBJ(v), &n))
                return mte_throw(vm, ERR_OVERFLOW, "len() of a range longer than 2^63 - 1");
            RETURN(mto_int(vm, n));
        }
        case OBJ_CHANNEL: RETURN(SMALLINT_VAL(((Channel *)AS_OBJ(v))->count));
        case OBJ_INSTANCE: {
            Value m;
            String *name = mto_intern_z(vm, "len");
            if (mtcall_find_method(vm, v, name, &m))
                return mtlib_tail_call(vm, args, OBJ_VAL(mto_bound(vm, v, m)), 0, NULL);
            break;
        }
        default: break;
        }
    }
    return mte_throw(vm, ERR_TYPE, "object of type '%s' has no len()", mtv_type_name(v));
}

static int core_range(VM *vm, Value *args, int argc) {
    int64_t start = 0, stop, step = 1;
    if (argc == 1) {
        if (!mtlib_int_arg(vm, args, 1, "range", &stop)) return NATIVE_ERROR;
    } else {
        if (!mtlib_int_arg(vm, args, 1, "range", &start)) return NATIVE_ERROR;
        if (!mtlib_int_arg(vm, args, 2, "range", &stop)) return NATIVE_ERROR;
        if (argc == 3 && !mtlib_int_arg(vm, args, 3, "range", &step)) return NATIVE_ERROR;
    }
    if (step == 0) return mte_throw(vm, ERR_VALUE, "range() step must not be zero");
    RETURN(OBJ_VAL(mto_range(vm, start, stop, step)));
}

/* {== Numbers ==} */

static int core_int(VM *vm, Value *args, int argc) {
    if (argc == 0) RETURN(SMALLINT_VAL(0));
    Value v = args[1];
    int64_t base = 10;
    if (ARG_GIVEN(args, argc, 2)) {
        if (!IS_STRING(v)) return mte_throw(vm, ERR_TYPE, "int() with a base needs a str");
        if (!mtlib_int_arg(vm, args, 2, "int", &base)) return NATIVE_ERROR;
        if (base != 0 && (base < 2 || base > 36))
            return mte_throw(vm, ERR_VALUE, "int() base must be 0 or between 2 and 36");
    }
    if (IS_INT(v)) RETURN(v);
    if (IS_BOOL(v)) RETURN(SMALLINT_VAL(AS_BOOL(v)));
    if (IS_DOUBLE(v)) {
        double d = AS_DOUBLE(v);
        if (d != d) return mte_throw(vm, ERR_VALUE, "cannot convert nan to int");
        if (isinf(d)) return mte_throw(vm, ERR_OVERFLOW, "cannot convert infinity to int");
        d = trunc(d);
        if (d < -9223372036854775808.0 || d >= 9223372036854775808.0)
            return mte_throw(vm, ERR_OVERFLOW, "float too large to convert to int");
        RETURN(mto_int(vm, (int64_t)d));
    }
    if (IS_STRING(v)) {
        String *s = AS_STRING(v);
        int64_t out;
        if (mtn_parse_int(s->chars, s->len, (int)base, &out)) RETURN(mto_int(vm, out));
        if (mtn_int_too_big(s->chars, s->len, (int)base))
            return mte_throw(vm, ERR_OVERFLOW, "int() of a number that does not fit 64 bits");
        String *r = mtv_to_string(vm, v, true);
        if (!r) return NATIVE_ERROR;
        return mte_throw(vm, ERR_VALUE, "invalid literal for int() with base %d: %s", (int)base,
                         r->chars);
    }
    return mte_throw(vm, ERR_TYPE, "int() cannot convert a %s", mtv_type_name(v));
}

static int core_float(VM *vm, Value *args, int argc) {
    if (argc == 0) RETURN(DOUBLE_VAL(0.0));
    Value v = args[1];
    if (IS_NUMBER(v)) RETURN(DOUBLE_VAL(AS_NUMBER(v)));
    if (IS_BOOL(v)) RETURN(DOUBLE_VAL(AS_BOOL(v) ? 1.0 : 0.0));
    if (IS_STRING(v)) {
        Value out;
        String *s = AS_STRING(v);
        if (mtn_parse_number(s->chars, s->len, &out, vm)) RETURN(out);
        String *r = mtv_to_string(vm, v, true);
        if (!r) return NATIVE_ERROR;
        return mte_throw(vm, ERR_VALUE, "could not convert string to float: %s", r->chars);
    }
    return mte_throw(vm, ERR_TYPE, "float() cannot convert a %s", mtv_type_name(v));
}

static int core_bool(VM *vm, Value *args, int argc) {
    MT_UNUSED(vm);
    RETURN(BOOL_VAL(argc > 0 && mtv_truthy(args[1])));
}

static int core_abs(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    Value v = args[1];
    if (IS_INT(v)) {
        int64_t i = AS_INT(v);
        if (i == INT64_MIN) return mte_throw(vm, ERR_OVERFLOW, "integer overflow in abs()");
        RETURN(mto_int(vm, i < 0 ? -i : i));
    }
    if (IS_DOUBLE(v)) RETURN(DOUBLE_VAL(fabs(AS_DOUBLE(v))));
    return mtlib_type_error(vm, "abs", 1, "a number", v);
}

/* Python's round: half to even; with ndigits, a float. */
static int core_round(VM *vm, Value *args, int argc) {
    Value v = args[1];
    if (!IS_NUMBER(v)) return mtlib_type_error(vm, "round", 1, "a number", v);
    if (!ARG_GIVEN(args, argc, 2) || IS_NIL(args[2])) {
        if (IS_INT(v)) RETURN(v);
        double d = AS_DOUBLE(v);
        if (d != d) return mte_throw(vm, ERR_VALUE, "cannot round nan");
        if (isinf(d)) return mte_throw(vm, ERR_OVERFLOW, "cannot round infinity");
        double r = nearbyint(d); /* default rounding mode: ties to even */
        if (r < -9223372036854775808.0 || r >= 9223372036854775808.0)
            return mte_throw(vm, ERR_OVERFLOW, "float too large to round to an int");
        RETURN(mto_int(vm, (int64_t)r));
    }
    int64_t nd;
    if (!mtlib_int_arg(vm, args, 2, "round", &nd)) return NATIVE_ERROR;
    if (IS_INT(v)) RETURN(v);
    double d = AS_DOUBLE(v);
    if (nd > 300 || isinf(d) || d != d) RETURN(v);
    char buf[400];
    snprintf(buf, sizeof buf, "%.*f", nd < 0 ? 0 : (int)nd, d);
    double r = strtod(buf, NULL);
    if (nd < 0) {
        double p = pow(10.0, (double)-nd);
        r = nearbyint(d / p) * p;
    }
    RETURN(DOUBLE_VAL(r));
}

/* min/max over arguments or over one list. */
static int extreme(VM *vm, Value *args, int argc, bool want_max, const char *name) {
    Value *items = args + 1;
    uint32_t n = (uint32_t)argc;
    if (argc == 1) {
        if (IS_LIST(args[1])) {
            items = AS_LIST(args[1])->items;
            n = AS_LIST(args[1])->count;
        } else if (IS_OBJ(args[1])) {
            Value a = args[1];
            return mtlib_tail_call(vm, args, mtlib_prelude(vm, want_max ? "_max" : "_min"), 1, &a);
        }
    }
    if (n == 0) return mte_throw(vm, ERR_VALUE, "%s() of an empty sequence", name);
    for (uint32_t i = 0; i < n; i++) {
        if (!IS_INSTANCE(items[i])) continue;
        /* Instances compare with their `<` method (Mt code): the prelude finds it. */
        List *l = mto_list(vm, n);
        memcpy(l->items, items, n * sizeof(Value));
        l->count = n;
        Value a[2] = {OBJ_VAL(l), BOOL_VAL(want_max)};
        return mtlib_tail_call(vm, args, mtlib_prelude(vm, "_extreme"), 2, a);
    }
    Value best = items[0];
    for (uint32_t i = 1; i < n; i++) {
        int c;
        if (!mtv_compare(vm, items[i], best, &c)) return NATIVE_ERROR;
        if (c != 2 && (want_max ? c > 0 : c < 0)) best = items[i];
    }
    RETURN(best);
}

static int core_min(VM *vm, Value *args, int argc) { return extreme(vm, args, argc, false, "min"); }
static int core_max(VM *vm, Value *args, int argc) { return extreme(vm, args, argc, true, "max"); }

static int core_sum(VM *vm, Value *args, int argc) {
    Value acc = ARG_GIVEN(args, argc, 2) ? args[2] : SMALLINT_VAL(0);
    bool instances = IS_INSTANCE(acc); /* their + is Mt code: the prelude adds them */
    for (uint32_t i = 0; IS_LIST(args[1]) && i < AS_LIST(args[1])->count; i++)
        instances = instances || IS_INSTANCE(AS_LIST(args[1])->items[i]);
    if (!IS_LIST(args[1]) || instances) {
        Value a[2] = {args[1], acc};
        return mtlib_tail_call(vm, args, mtlib_prelude(vm, "_sum"), 2, a);
    }
    List *l = AS_LIST(args[1]);
    for (uint32_t i = 0; i < l->count; i++) {
        Value x = l->items[i];
        if (BOTH_SMALLINT(acc, x) && FITS_SMALLINT(AS_SMALLINT(acc) + AS_SMALLINT(x))) {
            acc = SMALLINT_VAL(AS_SMALLINT(acc) + AS_SMALLINT(x));
            continue;
        }
        args[0] = acc; /* keep the partial sum rooted */
        if (!mtop_arith(vm, OP_ADD, acc, x, &acc)) return NATIVE_ERROR;
    }
    RETURN(acc);
}

/* divmod(a, b): (a // b, a % b), both flooring as the operators do. */
static int core_divmod(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    for (int i = 1; i <= 2; i++)
        if (!IS_NUMBER(args[i])) return mtlib_type_error(vm, "divmod", i, "a number", args[i]);
    Value q, r;
    if (!mtop_arith(vm, OP_IDIV, args[1], args[2], &q)) return NATIVE_ERROR;
    args[0] = q; /* rooted while r is made (a boxed int) */
    if (!mtop_arith(vm, OP_MOD, args[1], args[2], &r)) return NATIVE_ERROR;
    mtgc_push_temp(vm, r);
    Value qr[2] = {args[0], r};
    Tuple *t = mto_tuple_of(vm, qr, 2);
    mtgc_pop_temp(vm, 1);
    RETURN(OBJ_VAL(t));
}

/* {== Characters ==} */

static int core_ord(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    String *s;
    if (!mtlib_str_arg(vm, args, 1, "ord", &s)) return NATIVE_ERROR;
    if (s->ncp != 1)
        return mte_throw(vm, ERR_TYPE, "ord() expected a character, but got a string of length %u",
                         s->ncp);
    const unsigned char *p = (const unsigned char *)s->chars;
    uint32_t cp;
    if (p[0] < 0x80) cp = p[0];
    else if (p[0] < 0xE0) cp = ((p[0] & 0x1Fu) << 6) | (p[1] & 0x3Fu);
    else if (p[0] < 0xF0) cp = ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    else
        cp = ((p[0] & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) |
             (p[3] & 0x3Fu);
    RETURN(SMALLINT_VAL(cp));
}

static int core_chr(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    int64_t cp;
    if (!mtlib_int_arg(vm, args, 1, "chr", &cp)) return NATIVE_ERROR;
    if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return mte_throw(vm, ERR_VALUE, "chr() arg not a valid code point: %lld", (long long)cp);
    char b[4];
    size_t n;
    uint32_t c = (uint32_t)cp;
    if (c < 0x80) {
        b[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        b[0] = (char)(0xC0 | (c >> 6));
        b[1] = (char)(0x80 | (c & 0x3F));
        n = 2;
    } else if (c < 0x10000) {
        b[0] = (char)(0xE0 | (c >> 12));
        b[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        b[2] = (char)(0x80 | (c & 0x3F));
        n = 3;
    } else {
        b[0] = (char)(0xF0 | (c >> 18));
        b[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        b[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        b[3] = (char)(0x80 | (c & 0x3F));
        n = 4;
    }
    RETURN(OBJ_VAL(mto_char(vm, b, n)));
}

/* {== Types ==} */

static int core_type(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    RETURN(OBJ_VAL(mto_intern_z(vm, mtv_type_name(args[1]))));
}

static bool is_instance_of(Value v, Value cls) {
    if (!IS_CLASS(cls)) return false;
    Class *k = AS_CLASS(cls);
    if (k->type_tag >= 0) return (int)mtv_type(v) == k->type_tag; /* isinstance(1, int) */
    return IS_INSTANCE(v) && mte_class_is(AS_INSTANCE(v)->klass, k);
}

static int core_isinstance(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    Value cls = args[2];
    if (IS_LIST(cls) || IS_TUPLE(cls)) { /* any of several classes */
        const Value *items = IS_LIST(cls) ? AS_LIST(cls)->items : AS_TUPLE(cls)->items;
        uint32_t n = IS_LIST(cls) ? AS_LIST(cls)->count : AS_TUPLE(cls)->count;
        for (uint32_t i = 0; i < n; i++)
            if (is_instance_of(args[1], items[i])) RETURN(TRUE_VAL);
        RETURN(FALSE_VAL);
    }
    if (!IS_CLASS(cls)) return mtlib_type_error(vm, "isinstance", 2, "a class", cls);
    RETURN(BOOL_VAL(is_instance_of(args[1], cls)));
}

static int core_hash(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    uint32_t h;
    Value m;
    if (IS_INSTANCE(args[1]) && AS_INSTANCE(args[1])->klass->has_ops &&
        mtcall_find_method(vm, args[1], vm->names.hash, &m)) {
        /* Its hash method (Mt code): hash(v) is the hash of the int it returns, the same
           hash the map keeps for it (SPEC 3.12). */
        Value a = args[1];
        return mtlib_tail_call(vm, args, mtlib_prelude(vm, "_hash_method"), 1, &a);
    }
    if (!mtm_hash(vm, args[1], &h)) return NATIVE_ERROR;
    RETURN(SMALLINT_VAL(h));
}

/* {== Program control ==} */

static int core_exit(VM *vm, Value *args, int argc) {
    Value code = SMALLINT_VAL(0);
    Value msg = OBJ_VAL(mto_intern_z(vm, "0"));
    if (argc >= 1 && !IS_NIL(args[1])) {
        if (IS_INT(args[1])) {
            code = SMALLINT_VAL(AS_INT(args[1]) & 0xff);
            msg = OBJ_VAL(mtv_to_string(vm, args[1], false));
        } else if (IS_STRING(args[1])) {
            /* exit("message"): status 1; the message goes to stderr if the program ends
               because of it (not if the SystemExit is caught). */
            code = SMALLINT_VAL(1);
            msg = args[1];
        } else {
            return mtlib_type_error(vm, "exit", 1, "an int or a str", args[1]);
        }
    }
    mtgc_push_temp(vm, msg);
    Value e = mte_new_str(vm, ERR_SYSTEM_EXIT, AS_STRING(msg));
    mtgc_push_temp(vm, e);
    mto_instance_set(vm, AS_INSTANCE(e), vm->names.code, code);
    if (argc >= 1 && IS_STRING(args[1])) /* exit() has no args[1] to look at */
        mto_instance_set(vm, AS_INSTANCE(e), mto_intern_z(vm, "@show"), TRUE_VAL);
    mtgc_pop_temp(vm, 2);
    return mte_throw_value(vm, e);
}

static int core_assert(VM *vm, Value *args, int argc) {
    if (mtv_truthy(args[1])) RETURN(NIL_VAL);
    if (ARG_GIVEN(args, argc, 2) && !IS_NIL(args[2])) {
        String *s = mtv_to_string(vm, args[2], false);
        if (!s) return NATIVE_ERROR;
        vm->error = mte_new_str(vm, ERR_ASSERTION, s);
        return NATIVE_ERROR;
    }
    return mte_throw(vm, ERR_ASSERTION, "assertion failed");
}

static int core_gc(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    mtgc_collect(vm);
    RETURN(NIL_VAL);
}

static const char *const p_int[] = {"x", "base", NULL};
static const char *const p_assert[] = {"cond", "message", NULL};
static const char *const p_round[] = {"x", "ndigits", NULL};
static const char *const p_sum[] = {"xs", "start", NULL};

static const LibReg core_lib[] = {
    {"print", core_print, 0, -1, NULL, false},
    {"str", core_str, 0, 1, NULL, false},
    {"repr", core_repr, 1, 1, NULL, false},
    {"len", core_len, 1, 1, NULL, false},
    {"range", core_range, 1, 3, NULL, false},
    {"int", core_int, 0, 2, p_int, false},
    {"float", core_float, 0, 1, NULL, false},
    {"bool", core_bool, 0, 1, NULL, false},
    {"abs", core_abs, 1, 1, NULL, false},
    {"round", core_round, 1, 2, p_round, false},
    {"min", core_min, 1, -1, NULL, false},
    {"max", core_max, 1, -1, NULL, false},
    {"sum", core_sum, 1, 2, p_sum, false},
    {"divmod", core_divmod, 2, 2, NULL, false},
    {"ord", core_ord, 1, 1, NULL, false},
    {"chr", core_chr, 1, 1, NULL, false},
    {"type", core_type, 1, 1, NULL, false},
    {"isinstance", core_isinstance, 2, 2, NULL, false},
    {"hash", core_hash, 1, 1, NULL, false},
    {"exit", core_exit, 0, 1, NULL, false},
    {"assert", core_assert, 1, 2, p_assert, false},
    {"gc", core_gc, 0, 0, NULL, false},
    {NULL, NULL, 0, 0, NULL, false},
};

void mtcore_open(VM *vm) { mtlib_register(vm, core_lib); }

/* Turns the conversion builtins named after a type (int, float, str, bool, bytes, list,
   range, set, frozenset, coroutine, channel...) into that type's class: calling the class
   runs the conversion as before, and isinstance(v, int) asks whether type(v) is "int".
   `map` names the mapping function, so the map type has no class. Run once every library
   (and the prelude) has defined its builtins. */
void mtcore_type_classes(VM *vm) {
    for (int t = 0; t < TYPE__COUNT; t++) {
        if (t == TYPE_INSTANCE || t == TYPE_FOREIGN) continue;
        String *name = mto_intern_z(vm, mtv_tag_name((TypeTag)t));
        Value fn;
        if (!mtt_get(&vm->builtins, name, &fn) || !IS_OBJ_TYPE(fn, OBJ_NATIVE)) continue;
        mtgc_push_temp(vm, OBJ_VAL(name));
        Class *k = mto_class(vm, name, NULL);
        k->type_tag = t;
        k->convert = (Native *)AS_OBJ(fn);
        mtlib_define(vm, name->chars, OBJ_VAL(k));
        mtgc_pop_temp(vm, 1);
    }
}
