/*
** test_num.c — number text. Floats print as Python's repr does: the shortest digits that
** read back to the same double, fixed notation for decimal exponents -4..15, otherwise
** d.ddde+XX; always a '.' or an exponent. Int parsing takes signs, base prefixes and '_'.
*/
#include <float.h>
#include <math.h>
#include <stdlib.h>

#include "unit.h"
#include "vm/num.h"

static void check_format(double d, const char *want) {
    char buf[64];
    int n = mtn_format_double(d, buf);
    ck_assert_msg(strcmp(buf, want) == 0, "format(%.17g): got \"%s\", want \"%s\"", d, buf, want);
    ck_assert_int_eq(n, (int)strlen(want));
}

START_TEST(format_simple) {
    check_format(2.5, "2.5");
    check_format(2.0, "2.0");
    check_format(0.1, "0.1");
    check_format(-2.5, "-2.5");
    check_format(100.0, "100.0");
    check_format(1.5, "1.5");
    check_format(0.1 + 0.2, "0.30000000000000004");
    check_format(1.0 / 3.0, "0.3333333333333333");
    check_format(2.0 / 3.0, "0.6666666666666666");
    check_format(3.141592653589793, "3.141592653589793");
}
END_TEST

START_TEST(format_zero_and_specials) {
    check_format(0.0, "0.0");
    check_format(-0.0, "-0.0");
    check_format(INFINITY, "inf");
    check_format(-INFINITY, "-inf");
    check_format(NAN, "nan");
}
END_TEST

/* Python switches to exponent form below 1e-4 and at 1e16 and above. */
START_TEST(format_exponent_thresholds) {
    check_format(1e16, "1e+16");
    check_format(1e15, "1000000000000000.0");
    check_format(9999999999999998.0, "9999999999999998.0");
    check_format(123456789012345.0, "123456789012345.0");
    check_format(1234567890123456.0, "1234567890123456.0");
    check_format(12345678901234567.0, "1.2345678901234568e+16");
    check_format(1e-05, "1e-05");
    check_format(0.0001, "0.0001");
    check_format(0.00012345, "0.00012345");
    check_format(1.2345e-05, "1.2345e-05");
    check_format(-1e-07, "-1e-07");
    check_format(1e20, "1e+20");
    check_format(1e22, "1e+22");
    check_format(1e100, "1e+100");
    check_format(1.5e300, "1.5e+300");
    check_format(1.23e-18, "1.23e-18");
}
END_TEST

START_TEST(format_extremes) {
    check_format(DBL_MAX, "1.7976931348623157e+308");
    check_format(-DBL_MAX, "-1.7976931348623157e+308");
    check_format(5e-324, "5e-324");
    check_format(DBL_MIN, "2.2250738585072014e-308");
    check_format(9007199254740993.0, "9007199254740992.0");
    check_format(0x1p53, "9007199254740992.0");
}
END_TEST

/* Every printed value must read back bit-exactly (the "round-trip" promise). */
START_TEST(format_round_trips) {
    char buf[64];
    uint64_t x = 0x243f6a8885a308d3ull;
    for (int i = 0; i < 20000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        double d;
        memcpy(&d, &x, sizeof d);
        if (isnan(d) || isinf(d)) continue;
        mtn_format_double(d, buf);
        ck_assert_msg(strtod(buf, NULL) == d, "%s does not read back", buf);
        ck_assert_msg(strpbrk(buf, ".e") != NULL, "%s has neither '.' nor exponent", buf);
    }
}
END_TEST

static void check_int(const char *s, int base, int64_t want) {
    int64_t got = -12345;
    ck_assert_msg(mtn_parse_int(s, strlen(s), base, &got), "parse_int(\"%s\", %d) failed", s, base);
    ck_assert_msg(got == want, "parse_int(\"%s\", %d) = %lld, want %lld", s, base, (long long)got,
                  (long long)want);
}

static void check_bad_int(const char *s, int base) {
    int64_t got;
    ck_assert_msg(!mtn_parse_int(s, strlen(s), base, &got), "parse_int(\"%s\", %d) accepted", s,
                  base);
}

START_TEST(parse_int_bases) {
    check_int("42", 10, 42);
    check_int("42", 0, 42);
    check_int("-42", 0, -42);
    check_int("+7", 0, 7);
    check_int("  12  ", 10, 12);
    check_int("\t-3\n", 0, -3);
    check_int("0x1F", 0, 31);
    check_int("0X1f", 16, 31);
    check_int("1f", 16, 31);
    check_int("0o17", 0, 15);
    check_int("0O17", 8, 15);
    check_int("17", 8, 15);
    check_int("0b101", 0, 5);
    check_int("101", 2, 5);
    check_int("-0b101", 0, -5);
    check_int("z", 36, 35);
    check_int("0", 0, 0);
    check_int("007", 10, 7);
}
END_TEST

START_TEST(parse_int_underscores) {
    check_int("1_000", 0, 1000);
    check_int("1_000_000", 10, 1000000);
    check_int("0xff_ff", 0, 65535);
    check_bad_int("1__000", 0);
    check_bad_int("_1", 0);
    check_bad_int("1_", 0);
    check_bad_int("_", 10);
}
END_TEST

START_TEST(parse_int_rejects) {
    check_bad_int("", 10);
    check_bad_int("   ", 10);
    check_bad_int("-", 10);
    check_bad_int("+", 0);
    check_bad_int("0x", 0);
    check_bad_int("12a", 10);
    check_bad_int("0b2", 0);
    check_bad_int("0o8", 0);
    check_bad_int("0x1F", 10); /* a prefix for another base is not digits */
    check_bad_int("1 2", 10);
    check_bad_int("1.5", 10);
    check_bad_int("--1", 10);
}
END_TEST

START_TEST(parse_int_limits) {
    check_int("9223372036854775807", 10, INT64_MAX);
    check_int("-9223372036854775808", 10, INT64_MIN);
    check_int("0x7fffffffffffffff", 0, INT64_MAX);
    check_int("-0x8000000000000000", 0, INT64_MIN);
    check_bad_int("9223372036854775808", 10);
    check_bad_int("-9223372036854775809", 10);
    check_bad_int("18446744073709551616", 10);
    check_bad_int("99999999999999999999999999", 10);
    check_bad_int("0x10000000000000000", 0);
}
END_TEST

static double parse_float(const char *s) {
    Value v = NIL_VAL;
    ck_assert_msg(mtn_parse_number(s, strlen(s), &v, NULL), "parse_number(\"%s\") failed", s);
    ck_assert(IS_DOUBLE(v));
    return AS_DOUBLE(v);
}

START_TEST(parse_number_forms) {
    ck_assert(parse_float("1.5") == 1.5);
    ck_assert(parse_float(" -2e3 ") == -2000.0);
    ck_assert(parse_float("1_000.5") == 1000.5);
    ck_assert(parse_float("1.5e-3") == 0.0015);
    ck_assert(parse_float("42") == 42.0);
    ck_assert(isinf(parse_float("inf")) && parse_float("-inf") < 0);
    ck_assert(isnan(parse_float("nan")));
    ck_assert(isinf(parse_float("1e400")));
    Value v;
    ck_assert(!mtn_parse_number("", 0, &v, NULL));
    ck_assert(!mtn_parse_number("abc", 3, &v, NULL));
    ck_assert(!mtn_parse_number("0x10", 4, &v, NULL));
    ck_assert(!mtn_parse_number("1.5x", 4, &v, NULL));
    ck_assert(!mtn_parse_number("1__0", 4, &v, NULL));
    ck_assert(!mtn_parse_number("_1", 2, &v, NULL));
}
END_TEST

Suite *num_suite(void) {
    Suite *s = suite_create("num");
    TCase *tc = tcase_create("format_double");
    tcase_add_test(tc, format_simple);
    tcase_add_test(tc, format_zero_and_specials);
    tcase_add_test(tc, format_exponent_thresholds);
    tcase_add_test(tc, format_extremes);
    tcase_add_test(tc, format_round_trips);
    suite_add_tcase(s, tc);
    tc = tcase_create("parse");
    tcase_add_test(tc, parse_int_bases);
    tcase_add_test(tc, parse_int_underscores);
    tcase_add_test(tc, parse_int_rejects);
    tcase_add_test(tc, parse_int_limits);
    tcase_add_test(tc, parse_number_forms);
    suite_add_tcase(s, tc);
    return s;
}
