/*
** lib_math.c — the `math` module (import math): the C library's functions on floats, the
** integer functions (gcd, lcm, factorial, comb, perm, isqrt) on 64-bit ints, and exact
** float sums.
**
** Floats follow IEEE as the rest of Mt does: a result too big is inf, not an error. An
** argument outside a function's domain raises ValueError ("math domain error"); an int
** result outside 64 bits raises OverflowError.
*/
#include <math.h>

#include "stdlib/lib.h"
#include "vm/object.h"
#include "vm/gc.h"
#include "vm/error.h"

#define DOMAIN(cond)                                                                               \
    if (cond) return mte_throw(vm, ERR_VALUE, "math domain error")

static bool num_arg(VM *vm, Value *args, int i, const char *fn, double *out) {
    return mtlib_num_arg(vm, args, i, fn, out);
}

/* {== Functions of one float ==} */

#define MATH1(cname, expr, check)                                                                  \
    static int math_##cname(VM *vm, Value *args, int argc) {                                       \
        MT_UNUSED(argc);                                                                           \
        double x;                                                                                  \
        if (!num_arg(vm, args, 1, "math." #cname, &x)) return NATIVE_ERROR;                        \
        check;                                                                                     \
        RETURN(DOUBLE_VAL(expr));                                                                  \
    }

/* A non-positive integer: where gamma has its poles. */
static bool gamma_pole(double x) { return x <= 0 && x == floor(x); }

/* lgamma itself stores the sign in the C library's global `signgam`: a data race between
   VMs on different OS threads. lgamma_r keeps the sign local. */
static double lgamma_sign(double x) {
    int sign;
    return lgamma_r(x, &sign);
}

MATH1(sqrt, sqrt(x), DOMAIN(x < 0))
MATH1(cbrt, cbrt(x), (void)0)
MATH1(sin, sin(x), DOMAIN(isinf(x)))
MATH1(cos, cos(x), DOMAIN(isinf(x)))
MATH1(tan, tan(x), DOMAIN(isinf(x)))
MATH1(asin, asin(x), DOMAIN(x<-1 || x> 1))
MATH1(acos, acos(x), DOMAIN(x<-1 || x> 1))
MATH1(atan, atan(x), (void)0)
MATH1(sinh, sinh(x), (void)0)
MATH1(cosh, cosh(x), (void)0)
MATH1(tanh, tanh(x), (void)0)
MATH1(asinh, asinh(x), (void)0)
MATH1(acosh, acosh(x), DOMAIN(x < 1))
MATH1(atanh, atanh(x), DOMAIN(x <= -1 || x >= 1))
MATH1(exp, exp(x), (void)0)
MATH1(exp2, exp2(x), (void)0)
MATH1(expm1, expm1(x), (void)0)
MATH1(log10, log10(x), DOMAIN(x <= 0))
MATH1(log2, log2(x), DOMAIN(x <= 0))
MATH1(log1p, log1p(x), DOMAIN(x <= -1))
MATH1(fabs, fabs(x), (void)0)
MATH1(degrees, x *(180.0 / M_PI), (void)0)
MATH1(radians, x *(M_PI / 180.0), (void)0)
MATH1(erf, erf(x), (void)0)
MATH1(erfc, erfc(x), (void)0)
MATH1(gamma, tgamma(x), DOMAIN(gamma_pole(x)))
MATH1(lgamma, lgamma_sign(x), DOMAIN(gamma_pole(x)))
MATH1(ulp, isinf(x) ? INFINITY : nextafter(fabs(x), INFINITY) - fabs(x), (void)0)

static int math_log(VM *vm, Value *args, int argc) {
    double x, b;
    if (!num_arg(vm, args, 1, "math.log", &x)) return NATIVE_ERROR;
    DOMAIN(x <= 0);
    if (argc >= 2) {
        if (!num_arg(vm, args, 2, "math.log", &b)) return NATIVE_ERROR;
        DOMAIN(b <= 0 || b == 1);
        RETURN(DOUBLE_VAL(log(x) / log(b)));
    }
    RETURN(DOUBLE_VAL(log(x)));
}

/* {== Functions of two floats ==} */

#define MATH2(cname, expr, check)                                                                  \
    static int math_##cname(VM *vm, Value *args, int argc) {                                       \
        MT_UNUSED(argc);                                                                           \
        double x, y;                                                                               \
        if (!num_arg(vm, args, 1, "math." #cname, &x) ||                                           \
            !num_arg(vm, args, 2, "math." #cname, &y))                                             \
            return NATIVE_ERROR;                                                                   \
        check;                                                                                     \
        RETURN(DOUBLE_VAL(expr));                                                                  \
    }

/* pow's domain: a negative base needs an integral exponent; zero cannot take a negative. */
static bool pow_domain_error(double x, double y) {
    return (x < 0 && isfinite(x) && isfinite(y) && y != floor(y)) || (x == 0 && y < 0);
}

MATH2(atan2, atan2(x, y), (void)0)
MATH2(copysign, copysign(x, y), (void)0)
MATH2(fmod, fmod(x, y), DOMAIN(y == 0 || isinf(x)))
MATH2(remainder, remainder(x, y), DOMAIN(y == 0 || isinf(x)))
MATH2(pow, pow(x, y), DOMAIN(pow_domain_error(x, y)))
MATH2(nextafter, nextafter(x, y), (void)0)

static int math_ldexp(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    double x;
    int64_t e;
    if (!num_arg(vm, args, 1, "math.ldexp", &x) || !mtlib_int_arg(vm, args, 2, "math.ldexp", &e))
        return NATIVE_ERROR;
    if (e > 100000) e = 100000; /* past the float range either way; keeps the int an int */
    if (e < -100000) e = -100000;
    RETURN(DOUBLE_VAL(ldexp(x, (int)e)));
}

/* A two-item list, for the functions that return pairs. */
static int pair(VM *vm, Value *args, Value a, Value b) {
    List *l = mto_list(vm, 2);
    l->items[0] = a;
    l->items[1] = b;
    l->count = 2;
    RETURN(OBJ_VAL(l));
}

static int math_frexp(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    double x;
    if (!num_arg(vm, args, 1, "math.frexp", &x)) return NATIVE_ERROR;
    int e = 0;
    double m = isfinite(x) ? frexp(x, &e) : x;
    return pair(vm, args, DOUBLE_VAL(m), SMALLINT_VAL(e));
}

static int math_modf(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    double x, whole;
    if (!num_arg(vm, args, 1, "math.modf", &x)) return NATIVE_ERROR;
    double frac = isinf(x) ? copysign(0.0, x) : modf(x, &whole);
    if (isinf(x)) whole = x;
    return pair(vm, args, DOUBLE_VAL(frac), DOUBLE_VAL(whole));
}

/* {== Any number of floats ==} */

/* hypot(*coords): the Euclidean norm, scaled so that no square overflows. */
static int math_hypot(VM *vm, Value *args, int argc) {
    double big = 0, sum = 0;
    bool nan_seen = false;
    for (int i = 1; i <= argc; i++) {
        double x;
        if (!num_arg(vm, args, i, "math.hypot", &x)) return NATIVE_ERROR;
        if (isinf(x)) big = INFINITY;
        nan_seen = nan_seen || isnan(x);
        if (fabs(x) > big) big = fabs(x);
    }
    if (isinf(big)) RETURN(DOUBLE_VAL(INFINITY));
    if (nan_seen) RETURN(DOUBLE_VAL(NAN));
    if (big == 0) RETURN(DOUBLE_VAL(0.0));
    for (int i = 1; i <= argc; i++) {
        double r = AS_NUMBER(args[i]) / big;
        sum += r * r;
    }
    RETURN(DOUBLE_VAL(big * sqrt(sum)));
}

/* The numbers of a list as doubles into out (a temporary of l->count); false with a
   TypeError naming fn if one is not a number. */
static bool list_numbers(VM *vm, List *l, const char *fn, double *out) {
    for (uint32_t i = 0; i < l->count; i++) {
        if (!IS_NUMBER(l->items[i])) {
            mte_throw(vm, ERR_TYPE, "%s(): item %u is a %s, not a number", fn, i,
                      mtv_type_name(l->items[i]));
            return false;
        }
        out[i] = AS_NUMBER(l->items[i]);
    }
    return true;
}

/* Shewchuk's exact summation (as Python's fsum): partials that never lose a bit. */
static double exact_sum(const double *xs, uint32_t n, double *partials) {
    uint32_t np = 0;
    double special = 0; /* the sum of the infinities and nans, which partials cannot hold */
    for (uint32_t i = 0; i < n; i++) {
        double x = xs[i];
        if (!isfinite(x)) {
            special += x;
            continue;
        }
        uint32_t k = 0;
        for (uint32_t j = 0; j < np; j++) {
            double y = partials[j];
            if (fabs(x) < fabs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y, lo = y - (hi - x);
            if (lo != 0) partials[k++] = lo;
            x = hi;
        }
        partials[k] = x;
        np = k + 1;
    }
    if (special != 0 || isnan(special)) return special;
    double total = 0;
    for (uint32_t j = np; j-- > 0;) total += partials[j];
    return total;
}

static int math_fsum(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    if (!IS_LIST(args[1])) {
        Value a[1] = {args[1]};
        Value a2[3] = {args[0], a[0], NIL_VAL};
        return mtlib_tail_call(vm, args, mtlib_prelude(vm, "_with_list"), 3, a2);
    }
    List *l = AS_LIST(args[1]);
    double *buf = mtmem_tmp_alloc(vm, ((size_t)l->count * 2 + 1) * sizeof(double));
    bool ok = list_numbers(vm, l, "math.fsum", buf);
    double total = ok ? exact_sum(buf, l->count, buf + l->count) : 0;
    mtmem_tmp_free(vm, buf);
    if (!ok) return NATIVE_ERROR;
    RETURN(DOUBLE_VAL(total));
}

/* dist(p, q): the Euclidean distance between two points given as lists of coordinates. */
static int math_dist(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    if (!IS_LIST(args[1])) return mtlib_type_error(vm, "math.dist", 1, "a list", args[1]);
    if (!IS_LIST(args[2])) return mtlib_type_error(vm, "math.dist", 2, "a list", args[2]);
    List *p = AS_LIST(args[1]), *q = AS_LIST(args[2]);
    if (p->count != q->count)
        return mte_throw(vm, ERR_VALUE, "math.dist(): points of %u and %u coordinates", p->count,
                         q->count);
    double *buf = mtmem_tmp_alloc(vm, ((size_t)p->count * 2 + 1) * sizeof(double));
    bool ok =
        list_numbers(vm, p, "math.dist", buf) && list_numbers(vm, q, "math.dist", buf + p->count);
    double big = 0, sum = 0;
    for (uint32_t i = 0; ok && i < p->count; i++) {
        buf[i] = fabs(buf[i] - buf[p->count + i]);
        if (buf[i] > big) big = buf[i];
    }
    for (uint32_t i = 0; ok && big > 0 && isfinite(big) && i < p->count; i++)
        sum += (buf[i] / big) * (buf[i] / big);
    mtmem_tmp_free(vm, buf);
    if (!ok) return NATIVE_ERROR;
    RETURN(DOUBLE_VAL(isfinite(big) && big > 0 ? big * sqrt(sum) : big));
}

/* isclose(a, b, rel_tol = 1e-09, abs_tol = 0.0), as Python's. */
static int math_isclose(VM *vm, Value *args, int argc) {
    double a, b, rel = 1e-9, abs_tol = 0.0;
    if (!num_arg(vm, args, 1, "math.isclose", &a) || !num_arg(vm, args, 2, "math.isclose", &b))
        return NATIVE_ERROR;
    if (ARG_GIVEN(args, argc, 3) && !num_arg(vm, args, 3, "math.isclose", &rel))
        return NATIVE_ERROR;
    if (ARG_GIVEN(args, argc, 4) && !num_arg(vm, args, 4, "math.isclose", &abs_tol))
        return NATIVE_ERROR;
    if (rel < 0 || abs_tol < 0)
        return mte_throw(vm, ERR_VALUE, "math.isclose(): tolerances must be non-negative");
    if (a == b) RETURN(TRUE_VAL);
    if (isinf(a) || isinf(b)) RETURN(FALSE_VAL);
    double diff = fabs(b - a);
    RETURN(BOOL_VAL(diff <= fabs(rel * b) || diff <= fabs(rel * a) || diff <= abs_tol));
}

/* {== Rounding to ints, and tests ==} */

static int to_int(VM *vm, Value *args, double (*fn)(double), const char *name) {
    if (IS_INT(args[1])) RETURN(args[1]);
    double x;
    if (!num_arg(vm, args, 1, name, &x)) return NATIVE_ERROR;
    if (x != x) return mte_throw(vm, ERR_VALUE, "cannot convert nan to int");
    x = fn(x);
    if (!(x >= -9223372036854775808.0 && x < 9223372036854775808.0))
        return mte_throw(vm, ERR_OVERFLOW, "%s(): result does not fit an int", name);
    RETURN(mto_int(vm, (int64_t)x));
}

static int math_floor(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    return to_int(vm, args, floor, "math.floor");
}
static int math_ceil(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    return to_int(vm, args, ceil, "math.ceil");
}
static int math_trunc(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    return to_int(vm, args, trunc, "math.trunc");
}

#define MATH_TEST(cname, expr)                                                                     \
    static int math_##cname(VM *vm, Value *args, int argc) {                                       \
        MT_UNUSED(argc);                                                                           \
        double x;                                                                                  \
        if (!num_arg(vm, args, 1, "math." #cname, &x)) return NATIVE_ERROR;                        \
        RETURN(BOOL_VAL(expr));                                                                    \
    }

MATH_TEST(isnan, x != x)
MATH_TEST(isinf, isinf(x))
MATH_TEST(isfinite, isfinite(x))

/* {== Integer functions ==} */

static int int_overflow(VM *vm, const char *fn) {
    return mte_throw(vm, ERR_OVERFLOW, "%s(): result does not fit an int", fn);
}

static uint64_t gcd_u64(uint64_t a, uint64_t b) {
    while (b) {
        uint64_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

static uint64_t magnitude(int64_t i) { return i < 0 ? 0 - (uint64_t)i : (uint64_t)i; }

static int math_gcd(VM *vm, Value *args, int argc) {
    uint64_t g = 0;
    for (int i = 1; i <= argc; i++) {
        int64_t v;
        if (!mtlib_int_arg(vm, args, i, "math.gcd", &v)) return NATIVE_ERROR;
        g = gcd_u64(g, magnitude(v));
    }
    if (g > INT64_MAX) return int_overflow(vm, "math.gcd");
    RETURN(mto_int(vm, (int64_t)g));
}

static int math_lcm(VM *vm, Value *args, int argc) {
    uint64_t l = 1;
    for (int i = 1; i <= argc; i++) {
        int64_t v;
        if (!mtlib_int_arg(vm, args, i, "math.lcm", &v)) return NATIVE_ERROR;
        uint64_t m = magnitude(v);
        if (m == 0 || l == 0) {
            l = 0;
            continue;
        }
        if (__builtin_mul_overflow(l / gcd_u64(l, m), m, &l) || l > INT64_MAX)
            return int_overflow(vm, "math.lcm");
    }
    RETURN(mto_int(vm, (int64_t)l));
}

/* n! / (n-k)! with k <= n, or false on overflow. */
static bool falling_factorial(int64_t n, int64_t k, uint64_t *out) {
    uint64_t r = 1;
    for (int64_t i = 0; i < k; i++)
        if (__builtin_mul_overflow(r, (uint64_t)(n - i), &r) || r > INT64_MAX) return false;
    *out = r;
    return true;
}

/* Reads two non-negative ints n and k (k may be missing: then k = n). */
static bool n_k_args(VM *vm, Value *args, int argc, const char *fn, int64_t *n, int64_t *k) {
    if (!mtlib_int_arg(vm, args, 1, fn, n)) return false;
    *k = *n;
    if (ARG_GIVEN(args, argc, 2) && !IS_NIL(args[2]) && !mtlib_int_arg(vm, args, 2, fn, k))
        return false;
    if (*n < 0 || *k < 0) {
        mte_throw(vm, ERR_VALUE, "%s(): arguments must be non-negative", fn);
        return false;
    }
    return true;
}

static int math_factorial(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    int64_t n;
    uint64_t r;
    if (!mtlib_int_arg(vm, args, 1, "math.factorial", &n)) return NATIVE_ERROR;
    if (n < 0) return mte_throw(vm, ERR_VALUE, "math.factorial(): argument must be non-negative");
    if (!falling_factorial(n, n, &r)) return int_overflow(vm, "math.factorial");
    RETURN(mto_int(vm, (int64_t)r));
}

static int math_perm(VM *vm, Value *args, int argc) {
    int64_t n, k;
    uint64_t r;
    if (!n_k_args(vm, args, argc, "math.perm", &n, &k)) return NATIVE_ERROR;
    if (k > n) RETURN(SMALLINT_VAL(0));
    if (!falling_factorial(n, k, &r)) return int_overflow(vm, "math.perm");
    RETURN(mto_int(vm, (int64_t)r));
}

static int math_comb(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    int64_t n, k;
    if (!mtlib_int_arg(vm, args, 2, "math.comb", &k) || !n_k_args(vm, args, 2, "math.comb", &n, &k))
        return NATIVE_ERROR;
    if (k > n) RETURN(SMALLINT_VAL(0));
    if (k > n - k) k = n - k;
    /* r * (n - i) / (i + 1) is exact at every step; 128 bits hold the product. */
    unsigned __int128 r = 1;
    for (int64_t i = 0; i < k; i++) {
        r = r * (uint64_t)(n - i) / (uint64_t)(i + 1);
        if (r > INT64_MAX) return int_overflow(vm, "math.comb");
    }
    RETURN(mto_int(vm, (int64_t)r));
}

static int math_isqrt(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    int64_t n;
    if (!mtlib_int_arg(vm, args, 1, "math.isqrt", &n)) return NATIVE_ERROR;
    if (n < 0) return mte_throw(vm, ERR_VALUE, "math.isqrt(): argument must be non-negative");
    uint64_t r = (uint64_t)sqrt((double)n); /* then corrected: the double may be off by one */
    while (r * r > (uint64_t)n) r--;
    while ((r + 1) * (r + 1) <= (uint64_t)n) r++;
    RETURN(mto_int(vm, (int64_t)r));
}

/* prod(xs, start = 1): the product of the numbers of any iterable; ints stay ints (an
   OverflowError past 64 bits, as for `*`) until a float comes. */
static int math_prod(VM *vm, Value *args, int argc) {
    Value start = ARG_GIVEN(args, argc, 2) ? args[2] : SMALLINT_VAL(1);
    if (!IS_LIST(args[1])) {
        Value a[3] = {args[0], args[1], start};
        return mtlib_tail_call(vm, args, mtlib_prelude(vm, "_with_list"), 3, a);
    }
    if (!IS_NUMBER(start)) return mtlib_type_error(vm, "math.prod", 2, "a number", start);
    List *l = AS_LIST(args[1]);
    bool is_int = IS_INT(start);
    int64_t i = is_int ? AS_INT(start) : 0;
    double d = AS_NUMBER(start);
    for (uint32_t k = 0; k < l->count; k++) {
        Value x = l->items[k];
        if (!IS_NUMBER(x))
            return mte_throw(vm, ERR_TYPE, "math.prod(): item %u is a %s, not a number", k,
                             mtv_type_name(x));
        if (is_int && IS_INT(x)) {
            if (__builtin_mul_overflow(i, AS_INT(x), &i)) return int_overflow(vm, "math.prod");
            d = (double)i;
        } else {
            d = (is_int ? (double)i : d) * AS_NUMBER(x);
            is_int = false;
        }
    }
    RETURN(is_int ? mto_int(vm, i) : DOUBLE_VAL(d));
}

static const char *const p_isclose[] = {"a", "b", "rel_tol", "abs_tol", NULL};
static const char *const p_prod[] = {"xs", "start", NULL};

#define F1(name)                                                                                   \
    { #name, math_##name, 1, 1, NULL, false }
#define F2(name)                                                                                   \
    { #name, math_##name, 2, 2, NULL, false }

static const LibReg math_lib[] = {
    F1(sqrt),
    F1(cbrt),
    F1(sin),
    F1(cos),
    F1(tan),
    F1(asin),
    F1(acos),
    F1(atan),
    F2(atan2),
    F1(sinh),
    F1(cosh),
    F1(tanh),
    F1(asinh),
    F1(acosh),
    F1(atanh),
    F1(exp),
    F1(exp2),
    F1(expm1),
    {"log", math_log, 1, 2, NULL, false},
    F1(log10),
    F1(log2),
    F1(log1p),
    F2(pow),
    F1(fabs),
    F2(copysign),
    F2(fmod),
    F2(remainder),
    F1(degrees),
    F1(radians),
    F1(erf),
    F1(erfc),
    F1(gamma),
    F1(lgamma),
    F2(ldexp),
    F1(frexp),
    F1(modf),
    F2(nextafter),
    F1(ulp),
    {"hypot", math_hypot, 0, -1, NULL, false},
    F2(dist),
    F1(fsum),
    {"prod", math_prod, 1, 2, p_prod, false},
    {"isclose", math_isclose, 2, 4, p_isclose, false},
    F1(floor),
    F1(ceil),
    F1(trunc),
    F1(isnan),
    F1(isinf),
    F1(isfinite),
    {"gcd", math_gcd, 0, -1, NULL, false},
    {"lcm", math_lcm, 0, -1, NULL, false},
    F1(factorial),
    {"perm", math_perm, 1, 2, NULL, false},
    F2(comb),
    F1(isqrt),
    {NULL, NULL, 0, 0, NULL, false},
};

static int open_math(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    Module *m = mtlib_native_module(vm, "math", math_lib, NIL_VAL);
    args[0] = OBJ_VAL(m);
    mtlib_module_set(vm, m, "pi", DOUBLE_VAL(M_PI));
    mtlib_module_set(vm, m, "tau", DOUBLE_VAL(2 * M_PI));
    mtlib_module_set(vm, m, "e", DOUBLE_VAL(M_E));
    mtlib_module_set(vm, m, "inf", DOUBLE_VAL(INFINITY));
    mtlib_module_set(vm, m, "nan", DOUBLE_VAL(NAN));
    return mtlib_module_ready(vm, args, m);
}

void mtmath_open(VM *vm) { mtlib_lazy_module(vm, "math", open_math); }
