/*
** test_table.c — the interned-string hash table: set/get/delete, tombstones that keep
** probe chains intact, growth, and the weak intern table.
*/
#include <stdio.h>

#include "unit.h"
#include "vm/table.h"
#include "vm/state.h"
#include "vm/object.h"

/* n distinct interned keys "k0", "k1", ... */
static String **make_keys(VM *vm, int n) {
    String **keys = calloc((size_t)n, sizeof *keys);
    char buf[32];
    for (int i = 0; i < n; i++) {
        snprintf(buf, sizeof buf, "k%d", i);
        keys[i] = mto_intern_z(vm, buf);
    }
    return keys;
}

START_TEST(set_get_update) {
    VM *vm = unit_vm(NULL);
    Table t;
    mtt_init(&t);
    String *a = mto_intern_z(vm, "alpha"), *b = mto_intern_z(vm, "beta");
    Value out;
    ck_assert(!mtt_get(&t, a, &out)); /* empty table, no storage yet */
    ck_assert(mtt_set(vm, &t, a, SMALLINT_VAL(1)));
    ck_assert(mtt_set(vm, &t, b, SMALLINT_VAL(2)));
    ck_assert(!mtt_set(vm, &t, a, SMALLINT_VAL(10))); /* update, not new */
    ck_assert(mtt_get(&t, a, &out));
    ck_assert_int_eq(AS_SMALLINT(out), 10);
    ck_assert(mtt_get(&t, b, &out));
    ck_assert_int_eq(AS_SMALLINT(out), 2);
    ck_assert(!mtt_get(&t, mto_intern_z(vm, "gamma"), &out));
    /* Values that look like the table's own markers are stored faithfully. */
    ck_assert(mtt_set(vm, &t, mto_intern_z(vm, "t"), TRUE_VAL));
    ck_assert(mtt_set(vm, &t, mto_intern_z(vm, "u"), UNDEF_VAL));
    ck_assert(mtt_get(&t, mto_intern_z(vm, "t"), &out) && out == TRUE_VAL);
    ck_assert(mtt_get(&t, mto_intern_z(vm, "u"), &out) && out == UNDEF_VAL);
    mtt_free(vm, &t);
    mt_free(vm);
}
END_TEST

START_TEST(delete_and_tombstones) {
    VM *vm = unit_vm(NULL);
    Table t;
    mtt_init(&t);
    const int n = 6; /* stays in the first 8-slot table, so probe chains overlap */
    String **keys = make_keys(vm, n);
    for (int i = 0; i < n; i++) mtt_set(vm, &t, keys[i], SMALLINT_VAL(i));
    ck_assert(!mtt_delete(&t, mto_intern_z(vm, "absent")));
    for (int i = 0; i < n; i += 2) ck_assert(mtt_delete(&t, keys[i]));
    for (int i = 0; i < n; i += 2) ck_assert(!mtt_delete(&t, keys[i])); /* already gone */
    Value out;
    for (int i = 0; i < n; i++) {
        bool found = mtt_get(&t, keys[i], &out);
        ck_assert_msg(found == (i % 2 == 1), "key %d found=%d", i, found);
        if (found) ck_assert_int_eq(AS_SMALLINT(out), i);
    }
    /* Reinserting a deleted key counts as new and is found again. */
    ck_assert(mtt_set(vm, &t, keys[0], SMALLINT_VAL(100)));
    ck_assert(mtt_get(&t, keys[0], &out));
    ck_assert_int_eq(AS_SMALLINT(out), 100);
    free(keys);
    mtt_free(vm, &t);
    mt_free(vm);
}
END_TEST

START_TEST(growth_keeps_everything) {
    VM *vm = unit_vm(NULL);
    Table t;
    mtt_init(&t);
    const int n = 2000;
    String **keys = make_keys(vm, n);
    for (int i = 0; i < n; i++) ck_assert(mtt_set(vm, &t, keys[i], SMALLINT_VAL(i)));
    ck_assert_uint_ge(t.mask + 1, (uint32_t)n);
    for (int i = 0; i < n; i++) {
        Value out;
        ck_assert(mtt_get(&t, keys[i], &out));
        ck_assert_int_eq(AS_SMALLINT(out), i);
    }
    /* The load factor stays below 3/4, so there is always an empty slot to end a probe. */
    ck_assert_uint_le(t.count * 4, (t.mask + 1) * 3);
    free(keys);
    mtt_free(vm, &t);
    mt_free(vm);
}
END_TEST

/* Set/delete churn with few live keys: probes must end (no table full of tombstones)
   and the table must not keep growing with the number of keys ever inserted. */
START_TEST(churn_stays_bounded) {
    VM *vm = unit_vm(NULL);
    Table t;
    mtt_init(&t);
    const int n = 20000;
    String **keys = make_keys(vm, n);
    for (int i = 0; i < n; i++) {
        mtt_set(vm, &t, keys[i], SMALLINT_VAL(i));
        if (i >= 2) ck_assert(mtt_delete(&t, keys[i - 2]));
    }
    Value out;
    ck_assert(mtt_get(&t, keys[n - 1], &out));
    ck_assert(mtt_get(&t, keys[n - 2], &out));
    ck_assert(!mtt_get(&t, keys[n - 3], &out));
    ck_assert_msg(t.mask + 1 <= 64, "2 live keys but %u slots", t.mask + 1);
    free(keys);
    mtt_free(vm, &t);
    mt_free(vm);
}
END_TEST

START_TEST(copy_tables) {
    VM *vm = unit_vm(NULL);
    Table a, b;
    mtt_init(&a);
    mtt_init(&b);
    String **keys = make_keys(vm, 20);
    for (int i = 0; i < 20; i++) mtt_set(vm, &a, keys[i], SMALLINT_VAL(i));
    mtt_delete(&a, keys[3]);
    mtt_set(vm, &b, keys[0], SMALLINT_VAL(-1));
    mtt_copy(vm, &a, &b);
    Value out;
    for (int i = 0; i < 20; i++) {
        ck_assert_int_eq(mtt_get(&b, keys[i], &out), i != 3);
        if (i != 3) ck_assert_int_eq(AS_SMALLINT(out), i);
    }
    free(keys);
    mtt_free(vm, &a);
    mtt_free(vm, &b);
    mt_free(vm);
}
END_TEST

START_TEST(find_string_by_content) {
    VM *vm = unit_vm(NULL);
    String *s = mto_intern_z(vm, "findme_unit");
    uint32_t h = mto_string_hash(s);
    ck_assert_ptr_eq(mtt_find_string(&vm->strings, "findme_unit", 11, h), s);
    String *plain = mto_string_z(vm, "not_interned_unit");
    ck_assert_ptr_null(
        mtt_find_string(&vm->strings, plain->chars, plain->len, mto_string_hash(plain)));
    mt_free(vm);
}
END_TEST

Suite *table_suite(void) {
    Suite *s = suite_create("table");
    TCase *tc = tcase_create("table");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, set_get_update);
    tcase_add_test(tc, delete_and_tombstones);
    tcase_add_test(tc, growth_keeps_everything);
    tcase_add_test(tc, churn_stays_bounded);
    tcase_add_test(tc, copy_tables);
    tcase_add_test(tc, find_string_by_content);
    suite_add_tcase(s, tc);
    return s;
}
