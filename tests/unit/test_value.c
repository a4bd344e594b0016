/*
** test_value.c — the NaN-boxed Value: every kind survives a round trip through the box,
** and each type predicate accepts exactly its own kind.
*/
#include <float.h>
#include <math.h>

#include "unit.h"
#include "vm/value.h"
#include "vm/object.h"
#include "vm/map.h"

/* Which predicates hold for v, as a bit set, so one assertion checks them all. */
enum {
    P_DOUBLE = 1,
    P_SMALL = 2,
    P_BIG = 4,
    P_INT = 8,
    P_OBJ = 16,
    P_NIL = 32,
    P_BOOL = 64,
    P_UNDEF = 128,
    P_NUMBER = 256
};

static int preds(Value v) {
    return (IS_DOUBLE(v) ? P_DOUBLE : 0) | (IS_SMALLINT(v) ? P_SMALL : 0) |
           (IS_BIGINT(v) ? P_BIG : 0) | (IS_INT(v) ? P_INT : 0) | (IS_OBJ(v) ? P_OBJ : 0) |
           (IS_NIL(v) ? P_NIL : 0) | (IS_BOOL(v) ? P_BOOL : 0) | (IS_UNDEF(v) ? P_UNDEF : 0) |
           (IS_NUMBER(v) ? P_NUMBER : 0);
}

/* Bit-exact round trip of a double, and it is seen as a double and nothing else. */
static void check_double(double d) {
    Value v = DOUBLE_VAL(d);
    ck_assert_int_eq(preds(v), P_DOUBLE | P_NUMBER);
    double back = AS_DOUBLE(v);
    ck_assert_mem_eq(&back, &d, sizeof d);
}

/* Doubles from a bit pattern: hardware NaNs of either sign and with payloads. */
static double from_bits(uint64_t bits) {
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}

START_TEST(doubles_round_trip) {
    const double cases[] = {0.0,
                            1.0,
                            -1.0,
                            2.5,
                            0.1,
                            1e308,
                            -1e-308,
                            DBL_MAX,
                            -DBL_MAX,
                            DBL_MIN,
                            5e-324,
                            -5e-324,
                            INFINITY,
                            -INFINITY,
                            140737488355327.0,
                            9007199254740993.0,
                            3.141592653589793};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) check_double(cases[i]);
}
END_TEST

START_TEST(negative_zero_keeps_its_sign) {
    Value v = DOUBLE_VAL(-0.0);
    ck_assert(IS_DOUBLE(v));
    ck_assert(signbit(AS_DOUBLE(v)));
    ck_assert(v != DOUBLE_VAL(0.0));
}
END_TEST

START_TEST(nans_stay_doubles) {
    volatile double zero = 0.0;
    check_double(NAN);
    check_double(-NAN);
    check_double(zero / zero); /* what arithmetic makes (negative on x86) */
    check_double(from_bits(0x7ff8000000000000ull));
    check_double(from_bits(0xfff8000000000000ull));
    check_double(from_bits(0x7ff0000000000001ull)); /* signalling NaN */
    check_double(from_bits(0x7ff8000000000123ull)); /* quiet NaN with a payload */
    ck_assert(isnan(AS_DOUBLE(DOUBLE_VAL(NAN))));
}
END_TEST

/* A small int is boxed in the word itself and comes back with its sign. */
static void check_small(int64_t i) {
    ck_assert(FITS_SMALLINT(i));
    Value v = SMALLINT_VAL(i);
    ck_assert_int_eq(preds(v), P_SMALL | P_INT | P_NUMBER);
    ck_assert_int_eq(AS_SMALLINT(v), i);
    ck_assert_int_eq(AS_INT(v), i);
    ck_assert(AS_NUMBER(v) == (double)i);
}

START_TEST(small_ints_round_trip) {
    const int64_t lim = ((int64_t)1 << 47) - 1;
    const int64_t cases[] = {
        0,   1,    -1,      42,       -42,       255, 65536, (int64_t)1 << 32, -((int64_t)1 << 32),
        lim, -lim, lim - 1, -lim + 1, 1000000007};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) check_small(cases[i]);
    ck_assert_int_eq(MT_SMALLINT_MAX, lim);
    check_small(MT_SMALLINT_MIN);
}
END_TEST

START_TEST(small_int_range_limits) {
    const int64_t p47 = (int64_t)1 << 47;
    ck_assert(!FITS_SMALLINT(p47));
    ck_assert(!FITS_SMALLINT(-p47 - 1));
    ck_assert(!FITS_SMALLINT(INT64_MAX));
    ck_assert(!FITS_SMALLINT(INT64_MIN));
    ck_assert(FITS_SMALLINT(p47 - 1));
}
END_TEST

/* Ints beyond the box live in heap cells; mto_int picks the representation. */
START_TEST(boxed_ints_round_trip) {
    VM *vm = unit_vm(NULL);
    const int64_t p47 = (int64_t)1 << 47;
    const int64_t cases[] = {p47,
                             -p47 - 1,
                             p47 + 1,
                             INT64_MAX,
                             INT64_MIN,
                             INT64_MAX - 1,
                             (int64_t)1 << 62,
                             -((int64_t)1 << 62),
                             123456789012345678};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Value v = mto_int(vm, cases[i]);
        ck_assert_int_eq(preds(v), P_BIG | P_INT | P_NUMBER);
        ck_assert_int_eq(AS_INT(v), cases[i]);
        ck_assert_int_eq(*AS_BIGINT_CELL(v), cases[i]);
    }
    /* Values that fit are never boxed. */
    ck_assert(IS_SMALLINT(mto_int(vm, p47 - 1)));
    ck_assert(IS_SMALLINT(mto_int(vm, -p47)));
    ck_assert(IS_SMALLINT(mto_int(vm, 0)));
    mt_free(vm);
}
END_TEST

START_TEST(both_smallint) {
    VM *vm = unit_vm(NULL);
    Value a = SMALLINT_VAL(-5), b = SMALLINT_VAL(MT_SMALLINT_MAX);
    ck_assert(BOTH_SMALLINT(a, b));
    ck_assert(!BOTH_SMALLINT(a, DOUBLE_VAL(1.0)));
    ck_assert(!BOTH_SMALLINT(DOUBLE_VAL(1.0), a));
    ck_assert(!BOTH_SMALLINT(a, mto_int(vm, INT64_MAX)));
    ck_assert(!BOTH_SMALLINT(NIL_VAL, a));
    mt_free(vm);
}
END_TEST

START_TEST(specials) {
    ck_assert_int_eq(preds(NIL_VAL), P_NIL);
    ck_assert_int_eq(preds(TRUE_VAL), P_BOOL);
    ck_assert_int_eq(preds(FALSE_VAL), P_BOOL);
    ck_assert_int_eq(preds(UNDEF_VAL), P_UNDEF);
    ck_assert(BOOL_VAL(true) == TRUE_VAL);
    ck_assert(BOOL_VAL(false) == FALSE_VAL);
    ck_assert(AS_BOOL(TRUE_VAL));
    ck_assert(!AS_BOOL(FALSE_VAL));
    /* All four are distinct words, and none is a double. */
    ck_assert(NIL_VAL != FALSE_VAL && NIL_VAL != TRUE_VAL && NIL_VAL != UNDEF_VAL);
    ck_assert(FALSE_VAL != TRUE_VAL && FALSE_VAL != UNDEF_VAL && TRUE_VAL != UNDEF_VAL);
}
END_TEST

START_TEST(objects_round_trip) {
    VM *vm = unit_vm(NULL);
    String *s = mto_string_z(vm, "x");
    List *l = mto_list(vm, 0);
    Value vs = OBJ_VAL(s), vl = OBJ_VAL(l);
    ck_assert_int_eq(preds(vs), P_OBJ);
    ck_assert_ptr_eq(AS_OBJ(vs), &s->obj);
    ck_assert_ptr_eq(AS_STRING(vs), s);
    ck_assert_ptr_eq(AS_LIST(vl), l);
    ck_assert(IS_STRING(vs) && !IS_LIST(vs));
    ck_assert(IS_LIST(vl) && !IS_STRING(vl) && !IS_MAP(vl));
    ck_assert(!IS_STRING(NIL_VAL) && !IS_STRING(DOUBLE_VAL(1.0)) && !IS_STRING(SMALLINT_VAL(1)));
    mt_free(vm);
}
END_TEST

START_TEST(truthiness) {
    VM *vm = unit_vm(NULL);
    ck_assert(!mtv_truthy(NIL_VAL));
    ck_assert(!mtv_truthy(FALSE_VAL));
    ck_assert(!mtv_truthy(SMALLINT_VAL(0)));
    ck_assert(!mtv_truthy(DOUBLE_VAL(0.0)));
    ck_assert(!mtv_truthy(DOUBLE_VAL(-0.0)));
    ck_assert(!mtv_truthy(OBJ_VAL(mto_string(vm, "", 0))));
    ck_assert(!mtv_truthy(OBJ_VAL(mto_list(vm, 0))));
    ck_assert(!mtv_truthy(OBJ_VAL(mtm_new(vm, 0))));
    ck_assert(mtv_truthy(TRUE_VAL));
    ck_assert(mtv_truthy(SMALLINT_VAL(-1)));
    ck_assert(mtv_truthy(mto_int(vm, INT64_MIN)));
    ck_assert(mtv_truthy(DOUBLE_VAL(NAN)));
    ck_assert(mtv_truthy(OBJ_VAL(mto_string_z(vm, "0"))));
    List *l = mto_list(vm, 0);
    mto_list_push(vm, l, NIL_VAL);
    ck_assert(mtv_truthy(OBJ_VAL(l)));
    mt_free(vm);
}
END_TEST

START_TEST(numeric_equality) {
    VM *vm = unit_vm(NULL);
    ck_assert_int_eq(mtv_equal(vm, SMALLINT_VAL(1), DOUBLE_VAL(1.0)), 1);
    ck_assert_int_eq(mtv_equal(vm, SMALLINT_VAL(0), DOUBLE_VAL(-0.0)), 1);
    ck_assert_int_eq(mtv_equal(vm, mto_int(vm, (int64_t)1 << 50), DOUBLE_VAL(0x1p50)), 1);
    ck_assert_int_eq(mtv_equal(vm, mto_int(vm, INT64_MAX), mto_int(vm, INT64_MAX)), 1);
    ck_assert_int_eq(mtv_equal(vm, mto_int(vm, INT64_MAX), mto_int(vm, INT64_MAX - 1)), 0);
    ck_assert_int_eq(mtv_equal(vm, DOUBLE_VAL(NAN), DOUBLE_VAL(NAN)), 0);
    ck_assert_int_eq(mtv_equal(vm, SMALLINT_VAL(1), TRUE_VAL), 0);
    ck_assert_int_eq(mtv_equal(vm, NIL_VAL, FALSE_VAL), 0);
    mt_free(vm);
}
END_TEST

START_TEST(structural_equality) {
    VM *vm = unit_vm(NULL);
    Value a = OBJ_VAL(mto_string_z(vm, "h\xc3\xa9llo")),
          b = OBJ_VAL(mto_string_z(vm, "h\xc3\xa9llo"));
    ck_assert(a != b);
    ck_assert_int_eq(mtv_equal(vm, a, b), 1);
    List *x = mto_list(vm, 0), *y = mto_list(vm, 0);
    mto_list_push(vm, x, SMALLINT_VAL(1));
    mto_list_push(vm, x, a);
    mto_list_push(vm, y, DOUBLE_VAL(1.0));
    mto_list_push(vm, y, b);
    ck_assert_int_eq(mtv_equal(vm, OBJ_VAL(x), OBJ_VAL(y)), 1);
    mto_list_push(vm, y, NIL_VAL);
    ck_assert_int_eq(mtv_equal(vm, OBJ_VAL(x), OBJ_VAL(y)), 0);
    mt_free(vm);
}
END_TEST

START_TEST(type_names) {
    VM *vm = unit_vm(NULL);
    ck_assert_str_eq(mtv_type_name(NIL_VAL), "nil");
    ck_assert_str_eq(mtv_type_name(TRUE_VAL), "bool");
    ck_assert_str_eq(mtv_type_name(SMALLINT_VAL(3)), "int");
    ck_assert_str_eq(mtv_type_name(mto_int(vm, INT64_MAX)), "int");
    ck_assert_str_eq(mtv_type_name(DOUBLE_VAL(3.0)), "float");
    ck_assert_str_eq(mtv_type_name(OBJ_VAL(mto_string_z(vm, "s"))), "str");
    ck_assert_str_eq(mtv_type_name(OBJ_VAL(mto_list(vm, 0))), "list");
    ck_assert_str_eq(mtv_type_name(OBJ_VAL(mtm_new(vm, 0))), "map");
    ck_assert_int_eq(mtv_type(mto_int(vm, INT64_MIN)), TYPE_INT);
    ck_assert_int_eq(mtv_type(DOUBLE_VAL(NAN)), TYPE_FLOAT);
    mt_free(vm);
}
END_TEST

Suite *value_suite(void) {
    Suite *s = suite_create("value");
    TCase *tc = tcase_create("boxing");
    tcase_add_test(tc, doubles_round_trip);
    tcase_add_test(tc, negative_zero_keeps_its_sign);
    tcase_add_test(tc, nans_stay_doubles);
    tcase_add_test(tc, small_ints_round_trip);
    tcase_add_test(tc, small_int_range_limits);
    tcase_add_test(tc, boxed_ints_round_trip);
    tcase_add_test(tc, both_smallint);
    tcase_add_test(tc, specials);
    tcase_add_test(tc, objects_round_trip);
    suite_add_tcase(s, tc);
    tc = tcase_create("semantics");
    tcase_add_test(tc, truthiness);
    tcase_add_test(tc, numeric_equality);
    tcase_add_test(tc, structural_equality);
    tcase_add_test(tc, type_names);
    suite_add_tcase(s, tc);
    return s;
}
