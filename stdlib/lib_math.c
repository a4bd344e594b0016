/*
** lib_math.c — the `math` module (import math).
*/
#include <math.h>

#include "stdlib/lib.h"

static int num1(VM *vm, Value *args, const char *name, double *x) {
    return mtlib_num_arg(vm, args, 1, name, x) ? NATIVE_OK : NATIVE_ERROR;
}

#define MATH1(cname, expr, check)                                                                  \
    static int math_##cname(VM *vm, Value *args, int argc) {                                       \
        MT_UNUSED(argc);                                                                           \
        double x;                                                                                  \
        if (num1(vm, args, #cname, &x) != NATIVE_OK) return NATIVE_ERROR;                          \
        check;                                                                                     \
        RETURN(DOUBLE_VAL(expr));                                                                  \
    }

#define DOMAIN(cond)                                                                               \
    if (cond) return mte_throw(vm, ERR_VALUE, "math domain error")

MATH1(sqrt, sqrt(x), DOMAIN(x < 0))
MATH1(sin, sin(x), (void)0)
MATH1(cos, cos(x), (void)0)
MATH1(tan, tan(x), (void)0)
MATH1(asin, asin(x), DOMAIN(x<-1 || x> 1))
MATH1(acos, acos(x), DOMAIN(x<-1 || x> 1))
MATH1(atan, atan(x), (void)0)
MATH1(exp, exp(x), (void)0)
MATH1(log10, log10(x), DOMAIN(x <= 0))
MATH1(log2, log2(x), DOMAIN(x <= 0))

static int math_log(VM *vm, Value *args, int argc) {
    double x, b;
    if (num1(vm, args, "log", &x) != NATIVE_OK) return NATIVE_ERROR;
    DOMAIN(x <= 0);
    if (argc >= 2) {
        if (!mtlib_num_arg(vm, args, 2, "log", &b)) return NATIVE_ERROR;
        DOMAIN(b <= 0 || b == 1);
        RETURN(DOUBLE_VAL(log(x) / log(b)));
    }
    RETURN(DOUBLE_VAL(log(x)));
}

static int math_atan2(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    double y, x;
    if (!mtlib_num_arg(vm, args, 1, "atan2", &y) || !mtlib_num_arg(vm, args, 2, "atan2", &x))
        return NATIVE_ERROR;
    RETURN(DOUBLE_VAL(atan2(y, x)));
}

static int math_hypot(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    double a, b;
    if (!mtlib_num_arg(vm, args, 1, "hypot", &a) || !mtlib_num_arg(vm, args, 2, "hypot", &b))
        return NATIVE_ERROR;
    RETURN(DOUBLE_VAL(hypot(a, b)));
}

static int to_int(VM *vm, Value *args, double (*fn)(double), const char *name) {
    if (IS_INT(args[1])) RETURN(args[1]);
    double x;
    if (num1(vm, args, name, &x) != NATIVE_OK) return NATIVE_ERROR;
    if (x != x) return mte_throw(vm, ERR_VALUE, "cannot convert nan to int");
    x = fn(x);
    if (!(x >= -9223372036854775808.0 && x < 9223372036854775808.0))
        return mte_throw(vm, ERR_OVERFLOW, "%s(): result does not fit an int", name);
    RETURN(mto_int(vm, (int64_t)x));
}

static int math_floor(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    return to_int(vm, args, floor, "floor");
}
static int math_ceil(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    return to_int(vm, args, ceil, "ceil");
}
static int math_trunc(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    return to_int(vm, args, trunc, "trunc");
}

static int math_isnan(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    double x;
    if (num1(vm, args, "isnan", &x) != NATIVE_OK) return NATIVE_ERROR;
    RETURN(BOOL_VAL(x != x));
}

static int math_isinf(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    double x;
    if (num1(vm, args, "isinf", &x) != NATIVE_OK) return NATIVE_ERROR;
    RETURN(BOOL_VAL(isinf(x)));
}

static const LibReg math_lib[] = {
    {"sqrt", math_sqrt, 1, 1, NULL, false},   {"sin", math_sin, 1, 1, NULL, false},
    {"cos", math_cos, 1, 1, NULL, false},     {"tan", math_tan, 1, 1, NULL, false},
    {"asin", math_asin, 1, 1, NULL, false},   {"acos", math_acos, 1, 1, NULL, false},
    {"atan", math_atan, 1, 1, NULL, false},   {"atan2", math_atan2, 2, 2, NULL, false},
    {"exp", math_exp, 1, 1, NULL, false},     {"log", math_log, 1, 2, NULL, false},
    {"log10", math_log10, 1, 1, NULL, false}, {"log2", math_log2, 1, 1, NULL, false},
    {"hypot", math_hypot, 2, 2, NULL, false}, {"floor", math_floor, 1, 1, NULL, false},
    {"ceil", math_ceil, 1, 1, NULL, false},   {"trunc", math_trunc, 1, 1, NULL, false},
    {"isnan", math_isnan, 1, 1, NULL, false}, {"isinf", math_isinf, 1, 1, NULL, false},
    {NULL, NULL, 0, 0, NULL, false},
};

static void set_const(VM *vm, Module *m, const char *name, double v) {
    uint32_t slot = mto_module_slot(vm, m, mto_intern_z(vm, name));
    m->values[slot] = DOUBLE_VAL(v);
    m->declared[slot] = 1;
}

void mtlib_open_math(VM *vm) {
    Module *m = mtlib_native_module(vm, "math", math_lib);
    mtgc_push_temp(vm, OBJ_VAL(m));
    set_const(vm, m, "pi", M_PI);
    set_const(vm, m, "e", M_E);
    set_const(vm, m, "inf", INFINITY);
    set_const(vm, m, "nan", NAN);
    mtgc_pop_temp(vm, 1);
}
