/*
** test_string.c — strings: interning gives one object per content, hashes depend only on
** content, code point counts and the ASCII flag are right for non-ASCII text, and
** code-point positions map to the right bytes.
*/
#include "unit.h"
#include "vm/object.h"

/* "aé日😀b": 1 + 2 + 3 + 4 + 1 bytes, 5 code points. */
#define MIXED                                                                                      \
    "a\xc3\xa9\xe6\x97\xa5\xf0\x9f\x98\x80"                                                        \
    "b"

START_TEST(interning_gives_identity) {
    VM *vm = unit_vm(NULL);
    String *a = mto_intern_z(vm, "hello_unit");
    String *b = mto_intern(vm, "hello_unit_and_more", 10);
    ck_assert_ptr_eq(a, b);
    ck_assert(a->obj.flags & STR_INTERNED);
    ck_assert_ptr_ne(a, mto_intern_z(vm, "hello_unit2"));
    /* Interning finds a string by content, never by pointer. */
    char buf[] = "hello_unit";
    ck_assert_ptr_eq(mto_intern(vm, buf, strlen(buf)), a);
    /* The empty string and non-ASCII text intern too. */
    ck_assert_ptr_eq(mto_intern(vm, "", 0), mto_intern_z(vm, ""));
    ck_assert_ptr_eq(mto_intern_z(vm, MIXED), mto_intern_z(vm, MIXED));
    mt_free(vm);
}
END_TEST

START_TEST(plain_strings_are_distinct_objects) {
    VM *vm = unit_vm(NULL);
    String *a = mto_string_z(vm, "same"), *b = mto_string_z(vm, "same");
    ck_assert_ptr_ne(a, b);
    ck_assert(!(a->obj.flags & STR_INTERNED));
    ck_assert_int_eq(a->len, 4);
    ck_assert_str_eq(a->chars, "same");
    ck_assert_int_eq(a->chars[a->len], '\0');
    mt_free(vm);
}
END_TEST

START_TEST(equal_content_hashes_equal) {
    VM *vm = unit_vm(NULL);
    const char *texts[] = {"",
                           "a",
                           "abcdefg",
                           "abcdefgh",
                           "abcdefghi",
                           MIXED,
                           "a fairly long string that spans several words of hashing"};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        String *plain = mto_string_z(vm, texts[i]);
        String *other = mto_string_z(vm, texts[i]);
        String *interned = mto_intern_z(vm, texts[i]);
        ck_assert_uint_eq(mto_string_hash(plain), mto_string_hash(other));
        ck_assert_uint_eq(mto_string_hash(plain), mto_string_hash(interned));
        /* The hash is cached: asking again gives the same value. */
        ck_assert_uint_eq(mto_string_hash(plain), mto_string_hash(plain));
    }
    /* Different content should (for these) hash differently; bytes past len don't count. */
    ck_assert_uint_ne(mto_string_hash(mto_string_z(vm, "ab")),
                      mto_string_hash(mto_string_z(vm, "ba")));
    ck_assert_uint_eq(mto_string_hash(mto_string(vm, "abcX", 3)),
                      mto_string_hash(mto_string(vm, "abcY", 3)));
    mt_free(vm);
}
END_TEST

START_TEST(code_point_counts) {
    VM *vm = unit_vm(NULL);
    String *s = mto_string_z(vm, "plain ascii");
    ck_assert_uint_eq(s->ncp, 11);
    ck_assert(s->obj.flags & STR_ASCII);

    s = mto_string_z(vm, "h\xc3\xa9llo"); /* héllo */
    ck_assert_uint_eq(s->len, 6);
    ck_assert_uint_eq(s->ncp, 5);
    ck_assert(!(s->obj.flags & STR_ASCII));

    s = mto_string_z(vm, "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e"); /* 日本語 */
    ck_assert_uint_eq(s->len, 9);
    ck_assert_uint_eq(s->ncp, 3);

    s = mto_string_z(vm, "\xf0\x9f\x98\x80"); /* one emoji, 4 bytes */
    ck_assert_uint_eq(s->ncp, 1);

    s = mto_string_z(vm, MIXED);
    ck_assert_uint_eq(s->len, 11);
    ck_assert_uint_eq(s->ncp, 5);

    /* A non-ASCII byte only in the word-at-a-time tail, and only in the head. */
    s = mto_string_z(vm, "abcdefgh\xc3\xa9");
    ck_assert_uint_eq(s->ncp, 9);
    ck_assert(!(s->obj.flags & STR_ASCII));
    s = mto_string_z(vm, "\xc3\xa9"
                         "abcdefghijklmnop");
    ck_assert_uint_eq(s->ncp, 17);

    s = mto_string(vm, "", 0);
    ck_assert_uint_eq(s->ncp, 0);
    ck_assert(s->obj.flags & STR_ASCII);
    mt_free(vm);
}
END_TEST

START_TEST(utf8_offsets) {
    VM *vm = unit_vm(NULL);
    String *s = mto_string_z(vm, MIXED);
    const uint32_t want[] = {0, 1, 3, 6, 10, 11};
    for (uint32_t i = 0; i < 6; i++) ck_assert_uint_eq(mto_utf8_offset(s, i), want[i]);
    ck_assert_uint_eq(mto_utf8_offset(s, 99), 11); /* clamped to the end */
    String *a = mto_string_z(vm, "hello");
    ck_assert_uint_eq(mto_utf8_offset(a, 2), 2);
    ck_assert_uint_eq(mto_utf8_offset(a, 5), 5);
    ck_assert_uint_eq(mto_utf8_offset(a, 50), 5);
    mt_free(vm);
}
END_TEST

static void check_sub(VM *vm, String *s, uint32_t from, uint32_t to, const char *want) {
    String *r = mto_substring(vm, s, from, to);
    ck_assert_msg(r->len == strlen(want) && memcmp(r->chars, want, r->len) == 0,
                  "substring(%u, %u) = \"%.*s\", want \"%s\"", from, to, (int)r->len, r->chars,
                  want);
    ck_assert_int_eq(r->chars[r->len], '\0');
    String *check = mto_string_z(vm, want);
    ck_assert_uint_eq(r->ncp, check->ncp);
    ck_assert_uint_eq(r->obj.flags & STR_ASCII, check->obj.flags & STR_ASCII);
}

START_TEST(substrings_non_ascii) {
    VM *vm = unit_vm(NULL);
    String *s = mto_string_z(vm, MIXED);
    check_sub(vm, s, 0, 1, "a");
    check_sub(vm, s, 1, 2, "\xc3\xa9");
    check_sub(vm, s, 1, 3, "\xc3\xa9\xe6\x97\xa5");
    check_sub(vm, s, 3, 4, "\xf0\x9f\x98\x80");
    check_sub(vm, s, 3, 5,
              "\xf0\x9f\x98\x80"
              "b");
    check_sub(vm, s, 4, 5, "b");
    check_sub(vm, s, 0, 5, MIXED);
    check_sub(vm, s, 2, 99,
              "\xe6\x97\xa5\xf0\x9f\x98\x80"
              "b");
    check_sub(vm, s, 3, 3, "");
    check_sub(vm, s, 4, 2, "");
    check_sub(vm, s, 7, 9, "");
    mt_free(vm);
}
END_TEST

START_TEST(substrings_ascii) {
    VM *vm = unit_vm(NULL);
    String *s = mto_string_z(vm, "hello world");
    check_sub(vm, s, 0, 5, "hello");
    check_sub(vm, s, 6, 11, "world");
    check_sub(vm, s, 6, 100, "world");
    check_sub(vm, s, 4, 5, "o");
    check_sub(vm, s, 11, 12, "");
    check_sub(vm, s, 20, 30, "");
    /* One-character ASCII results are interned (iteration does not churn). */
    ck_assert_ptr_eq(mto_substring(vm, s, 4, 5), mto_intern_z(vm, "o"));
    mt_free(vm);
}
END_TEST

START_TEST(formatted_strings) {
    VM *vm = unit_vm(NULL);
    String *s = mto_string_fmt(vm, "%s-%d", "x", 42);
    ck_assert_str_eq(s->chars, "x-42");
    ck_assert_uint_eq(s->len, 4);
    char big[2000];
    memset(big, 'z', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    s = mto_string_fmt(vm, "<%s>", big); /* longer than the stack buffer */
    ck_assert_uint_eq(s->len, sizeof big + 1);
    ck_assert_uint_eq(s->ncp, s->len);
    ck_assert_int_eq(s->chars[0], '<');
    ck_assert_int_eq(s->chars[s->len - 1], '>');
    mt_free(vm);
}
END_TEST

Suite *string_suite(void) {
    Suite *s = suite_create("string");
    TCase *tc = tcase_create("strings");
    tcase_add_test(tc, interning_gives_identity);
    tcase_add_test(tc, plain_strings_are_distinct_objects);
    tcase_add_test(tc, equal_content_hashes_equal);
    tcase_add_test(tc, code_point_counts);
    tcase_add_test(tc, utf8_offsets);
    tcase_add_test(tc, substrings_non_ascii);
    tcase_add_test(tc, substrings_ascii);
    tcase_add_test(tc, formatted_strings);
    suite_add_tcase(s, tc);
    return s;
}
