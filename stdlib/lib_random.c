/*
** lib_random.c — the `random` module: pseudo-random numbers from xoshiro256**, seeded from
** the operating system unless the program fixes the seed.
**
** The module's functions share one generator per VM (a Random object held in each
** native's data); random.Random(seed) makes independent ones with the same methods.
** Not for cryptography. The scheduler's select has its own fixed-seed generator, so
** seeding or drawing here never changes how threads interleave.
*/
#include <math.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "stdlib/lib.h"
#include "vm/value.h"
#include "vm/object.h"
#include "vm/state.h"
#include "vm/table.h"
#include "vm/map.h"
#include "vm/gc.h"
#include "vm/error.h"
#include "vm/foreign.h"

typedef struct {
    uint64_t s[4];
} Rng;

static const ForeignOps random_ops = {.name = "Random", .size = sizeof(Rng)};

/* {== The generator ==} */

static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static uint64_t next_u64(Rng *r) {
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

/* Fills the state from a 64-bit seed with splitmix64 (never all zero). */
static void seed_u64(Rng *r, uint64_t seed) {
    for (int i = 0; i < 4; i++) {
        uint64_t z = (seed += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        r->s[i] = z ^ (z >> 31);
    }
}

static void seed_from_os(Rng *r) {
    uint64_t seed;
    if (getrandom(&seed, sizeof seed, 0) != (ssize_t)sizeof seed) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        seed = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 20) ^ ((uint64_t)getpid() << 40);
    }
    seed_u64(r, seed);
}

/* A float in [0, 1) with all 53 bits random. */
static double next_double(Rng *r) { return (double)(next_u64(r) >> 11) * 0x1.0p-53; }

/* An unbiased integer in [0, n) (n > 0), by rejecting the short last stretch. */
static uint64_t below(Rng *r, uint64_t n) {
    uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    uint64_t x;
    do x = next_u64(r);
    while (x >= limit);
    return x % n;
}

/* {== The operations, on any generator ==} */

/* seed(a = nil): nil draws a seed from the operating system; an int or a str fixes it. */
static int op_seed(VM *vm, Rng *r, Value *args, int argc) {
    Value a = ARG_GIVEN(args, argc, 1) ? args[1] : NIL_VAL;
    if (IS_NIL(a)) seed_from_os(r);
    else if (IS_INT(a)) seed_u64(r, (uint64_t)AS_INT(a));
    else if (IS_STRING(a)) {
        uint64_t h = 0xcbf29ce484222325ull; /* FNV-1a: the same seed on every machine */
        String *s = AS_STRING(a);
        for (uint32_t i = 0; i < s->len; i++)
            h = (h ^ (unsigned char)s->chars[i]) * 0x100000001b3ull;
        seed_u64(r, h);
    } else return mtlib_type_error(vm, "random.seed", 1, "an int, a str or nil", a);
    RETURN(NIL_VAL);
}

static int op_random(VM *vm, Rng *r, Value *args, int argc) {
    MT_UNUSED(vm);
    MT_UNUSED(argc);
    RETURN(DOUBLE_VAL(next_double(r)));
}

static int op_uniform(VM *vm, Rng *r, Value *args, int argc) {
    MT_UNUSED(argc);
    double a, b;
    if (!mtlib_num_arg(vm, args, 1, "random.uniform", &a) ||
        !mtlib_num_arg(vm, args, 2, "random.uniform", &b))
        return NATIVE_ERROR;
    RETURN(DOUBLE_VAL(a + (b - a) * next_double(r)));
}

/* An int in [lo, hi] (lo <= hi), over the whole 64-bit range if need be. */
static int64_t int_between(Rng *r, int64_t lo, int64_t hi) {
    uint64_t span = (uint64_t)hi - (uint64_t)lo + 1;
    uint64_t x = span == 0 ? next_u64(r) : below(r, span);
    return (int64_t)((uint64_t)lo + x);
}

static int op_randint(VM *vm, Rng *r, Value *args, int argc) {
    MT_UNUSED(argc);
    int64_t a, b;
    if (!mtlib_int_arg(vm, args, 1, "random.randint", &a) ||
        !mtlib_int_arg(vm, args, 2, "random.randint", &b))
        return NATIVE_ERROR;
    if (a > b)
        return mte_throw(vm, ERR_VALUE, "random.randint(): empty range [%lld, %lld]", (long long)a,
                         (long long)b);
    RETURN(mto_int(vm, int_between(r, a, b)));
}

/* randrange(stop) or randrange(start, stop, step = 1): an item of range(start, stop, step). */
static int op_randrange(VM *vm, Rng *r, Value *args, int argc) {
    int64_t start = 0, stop, step = 1;
    if (!mtlib_int_arg(vm, args, 1, "random.randrange", &stop)) return NATIVE_ERROR;
    if (ARG_GIVEN(args, argc, 2) && !IS_NIL(args[2])) {
        start = stop;
        if (!mtlib_int_arg(vm, args, 2, "random.randrange", &stop)) return NATIVE_ERROR;
    }
    if (ARG_GIVEN(args, argc, 3) && !mtlib_int_arg(vm, args, 3, "random.randrange", &step))
        return NATIVE_ERROR;
    if (step == 0) return mte_throw(vm, ERR_VALUE, "random.randrange(): step must not be zero");
    Range rg = {.start = start, .stop = stop, .step = step};
    int64_t n;
    if (!mto_range_len(&rg, &n) || n <= 0)
        return mte_throw(vm, ERR_VALUE, "random.randrange(): empty range");
    RETURN(mto_int(vm, start + (int64_t)below(r, (uint64_t)n) * step));
}

/* gauss(mu = 0.0, sigma = 1.0): a normal deviate (Box-Muller). */
static int op_gauss(VM *vm, Rng *r, Value *args, int argc) {
    double mu = 0, sigma = 1;
    if (ARG_GIVEN(args, argc, 1) && !mtlib_num_arg(vm, args, 1, "random.gauss", &mu))
        return NATIVE_ERROR;
    if (ARG_GIVEN(args, argc, 2) && !mtlib_num_arg(vm, args, 2, "random.gauss", &sigma))
        return NATIVE_ERROR;
    double u = 1.0 - next_double(r); /* (0, 1]: log(u) is finite */
    double z = sqrt(-2.0 * log(u)) * cos(2 * M_PI * next_double(r));
    RETURN(DOUBLE_VAL(mu + sigma * z));
}

/* {== Sequences ==} */

/* The length of a sequence random can draw from (list, str, range); -1 with a TypeError. */
static int64_t seq_len(VM *vm, Value v, const char *fn) {
    if (IS_LIST(v)) return AS_LIST(v)->count;
    if (IS_STRING(v)) return AS_STRING(v)->ncp;
    if (IS_OBJ_TYPE(v, OBJ_RANGE)) {
        int64_t n;
        if (mto_range_len((Range *)AS_OBJ(v), &n)) return n;
        mte_throw(vm, ERR_OVERFLOW, "%s(): range too long", fn);
        return -1;
    }
    mtlib_type_error(vm, fn, 1, "a list, str or range", v);
    return -1;
}

/* Item i of a sequence seq_len accepted. */
static Value seq_item(VM *vm, Value v, int64_t i) {
    if (IS_LIST(v)) return AS_LIST(v)->items[i];
    if (IS_STRING(v)) return OBJ_VAL(mto_substring(vm, AS_STRING(v), (uint32_t)i, (uint32_t)i + 1));
    Range *rg = (Range *)AS_OBJ(v);
    return mto_int(vm, rg->start + i * rg->step);
}

static int op_choice(VM *vm, Rng *r, Value *args, int argc) {
    MT_UNUSED(argc);
    int64_t n = seq_len(vm, args[1], "random.choice");
    if (n < 0) return NATIVE_ERROR;
    if (n == 0) return mte_throw(vm, ERR_INDEX, "random.choice(): empty sequence");
    RETURN(seq_item(vm, args[1], (int64_t)below(r, (uint64_t)n)));
}

static int op_shuffle(VM *vm, Rng *r, Value *args, int argc) {
    MT_UNUSED(argc);
    if (!IS_LIST(args[1])) return mtlib_type_error(vm, "random.shuffle", 1, "a list", args[1]);
    List *l = AS_LIST(args[1]);
    for (uint32_t i = l->count; i > 1; i--) { /* Fisher-Yates */
        uint32_t j = (uint32_t)below(r, i);
        Value t = l->items[i - 1];
        l->items[i - 1] = l->items[j];
        l->items[j] = t;
    }
    RETURN(NIL_VAL);
}

/* sample(population, k): k items at distinct positions, in the order drawn. A partial
   Fisher-Yates over positions; the positions it moved are kept in a map, so a huge range
   costs O(k), not its length. */
static int op_sample(VM *vm, Rng *r, Value *args, int argc) {
    MT_UNUSED(argc);
    int64_t n = seq_len(vm, args[1], "random.sample"), k;
    if (n < 0 || !mtlib_int_arg(vm, args, 2, "random.sample", &k)) return NATIVE_ERROR;
    if (k < 0 || k > n)
        return mte_throw(vm, ERR_VALUE, "random.sample(): k must be between 0 and %lld, not %lld",
                         (long long)n, (long long)k);
    List *out = mto_list(vm, (uint32_t)k);
    args[0] = OBJ_VAL(out);
    Map *moved = mtm_new(vm, 0); /* position -> the position whose item now sits there */
    mtgc_push_temp(vm, OBJ_VAL(moved));
    for (int64_t i = 0; i < k; i++) {
        int64_t j = i + (int64_t)below(r, (uint64_t)(n - i));
        Value at_j, at_i;
        bool failed;
        int64_t src_j = mtm_get(vm, moved, SMALLINT_VAL(j), &at_j, &failed) ? AS_SMALLINT(at_j) : j;
        int64_t src_i = mtm_get(vm, moved, SMALLINT_VAL(i), &at_i, &failed) ? AS_SMALLINT(at_i) : i;
        mtm_set(vm, moved, SMALLINT_VAL(j), SMALLINT_VAL(src_i));
        mto_list_push(vm, out, seq_item(vm, args[1], src_j));
    }
    mtgc_pop_temp(vm, 1);
    return NATIVE_OK;
}

/* {== Module functions (the shared generator) and Random methods ==} */

static const char *const p_seed[] = {"a", NULL};
static const char *const p_uniform[] = {"a", "b", NULL};
static const char *const p_randint[] = {"a", "b", NULL};
static const char *const p_randrange[] = {"start", "stop", "step", NULL};
static const char *const p_gauss[] = {"mu", "sigma", NULL};
static const char *const p_sample[] = {"population", "k", NULL};

/* Each operation twice: as a module function on the shared generator (the one in the
   native's data) and as a method of Random objects. */
#define OPS(X)                                                                                     \
    X(seed, 0, 1, p_seed)                                                                          \
    X(random, 0, 0, NULL)                                                                          \
    X(uniform, 2, 2, p_uniform)                                                                    \
    X(randint, 2, 2, p_randint)                                                                    \
    X(randrange, 1, 3, p_randrange)                                                                \
    X(gauss, 0, 2, p_gauss)                                                                        \
    X(choice, 1, 1, NULL)                                                                          \
    X(shuffle, 1, 1, NULL)                                                                         \
    X(sample, 2, 2, p_sample)

#define MODULE_FUNCTION(name, lo, hi, params)                                                      \
    static int fn_##name(VM *vm, Value *args, int argc) {                                          \
        Rng *r = mtfo_payload(((Native *)AS_OBJ(args[0]))->data, &random_ops);                     \
        return op_##name(vm, r, args, argc);                                                       \
    }
#define METHOD(name, lo, hi, params)                                                               \
    static int method_##name(VM *vm, Value *args, int argc) {                                      \
        Rng *r = mtfo_payload(args[0], &random_ops);                                               \
        if (!r) return mte_throw(vm, ERR_TYPE, "Random." #name "() needs a Random object");        \
        return op_##name(vm, r, args, argc);                                                       \
    }
OPS(MODULE_FUNCTION)
OPS(METHOD)

/* random.Random(a = nil): a generator of its own, seeded as seed(a) would. */
static int random_new(VM *vm, Value *args, int argc) {
    Value seed = ARG_GIVEN(args, argc, 1) ? args[1] : NIL_VAL;
    Rng *r = mtfo_new(vm, &random_ops, &args[0]);
    Value a[2] = {args[0], seed};
    return op_seed(vm, r, a, 1) == NATIVE_OK ? NATIVE_OK : NATIVE_ERROR;
}

#define FUNCTION_REG(name, lo, hi, params) {#name, fn_##name, lo, hi, params, false},
#define METHOD_REG(name, lo, hi, params)   {#name, method_##name, lo, hi, params, false},

static const LibReg random_lib[] = {
    OPS(FUNCTION_REG){"Random", random_new, 0, 1, p_seed, false},
    {NULL, NULL, 0, 0, NULL, false},
};
static const LibReg random_methods[] = {OPS(METHOD_REG){NULL, NULL, 0, 0, NULL, false}};

static int open_random(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    Class *k = mtfo_new_class(vm, &random_ops);
    mtlib_register_class_methods(vm, k, random_methods);
    seed_from_os(mtfo_new(vm, &random_ops, &args[0])); /* the shared generator */
    return mtlib_module_ready(vm, args, mtlib_native_module(vm, "random", random_lib, args[0]));
}

void mtrand_open(VM *vm) { mtlib_lazy_module(vm, "random", open_random); }
