/*
** test_map.c — the insertion-ordered map behind `{k: v}`: order survives updates and
** deletes, numbers are keys by value (1 and 1.0 are one key), growth past the small-map
** linear search, heavy delete/insert churn, and unhashable keys raise TypeError; bytes are
** keys by content, apart from strs.
*/
#include "unit.h"
#include "vm/state.h"
#include "vm/object.h"
#include "vm/map.h"
#include "vm/error.h"

/* The live keys in iteration order, as ints (tests use int keys unless noted). */
static int live_keys(Map *m, int64_t *out, int max) {
    int n = 0;
    MAP_FOREACH(m, node) {
        if (n == max) break;
        out[n++] = AS_INT(node->key);
    }
    return n;
}

static void check_order(Map *m, const int64_t *want, int n) {
    int64_t got[64];
    int k = live_keys(m, got, 64);
    ck_assert_int_eq(k, n);
    ck_assert_uint_eq(m->count, (uint32_t)n);
    for (int i = 0; i < n; i++)
        ck_assert_msg(got[i] == want[i], "position %d: got %lld, want %lld", i, (long long)got[i],
                      (long long)want[i]);
}

static Value get(VM *vm, Map *m, Value key) {
    Value out = UNDEF_VAL;
    bool failed;
    bool found = mtm_get(vm, m, key, &out, &failed);
    ck_assert(!failed);
    return found ? out : UNDEF_VAL;
}

static bool del(VM *vm, Map *m, Value key) {
    bool failed;
    bool r = mtm_delete(vm, m, key, NULL, &failed);
    ck_assert(!failed);
    return r;
}

START_TEST(order_through_updates_and_deletes) {
    VM *vm = unit_vm(NULL);
    Map *m = mtm_new(vm, 0);
    for (int i = 1; i <= 5; i++) ck_assert(mtm_set(vm, m, SMALLINT_VAL(i * 10), SMALLINT_VAL(i)));
    check_order(m, (int64_t[]){10, 20, 30, 40, 50}, 5);
    mtm_set(vm, m, SMALLINT_VAL(30), SMALLINT_VAL(333)); /* update keeps the position */
    check_order(m, (int64_t[]){10, 20, 30, 40, 50}, 5);
    ck_assert_int_eq(AS_INT(get(vm, m, SMALLINT_VAL(30))), 333);
    ck_assert(del(vm, m, SMALLINT_VAL(20)));
    check_order(m, (int64_t[]){10, 30, 40, 50}, 4);
    ck_assert(IS_UNDEF(get(vm, m, SMALLINT_VAL(20))));
    mtm_set(vm, m, SMALLINT_VAL(20), SMALLINT_VAL(2)); /* reinsert goes to the end */
    check_order(m, (int64_t[]){10, 30, 40, 50, 20}, 5);
    ck_assert(!del(vm, m, SMALLINT_VAL(99)));
    mt_free(vm);
}
END_TEST

START_TEST(numbers_are_keys_by_value) {
    VM *vm = unit_vm(NULL);
    Map *m = mtm_new(vm, 0);
    mtm_set(vm, m, SMALLINT_VAL(1), OBJ_VAL(mto_string_z(vm, "int")));
    mtm_set(vm, m, DOUBLE_VAL(1.0), OBJ_VAL(mto_string_z(vm, "float")));
    ck_assert_uint_eq(m->count, 1);
    ck_assert(IS_SMALLINT(mtm_first(m)->key)); /* the first key is kept */
    ck_assert_str_eq(AS_STRING(get(vm, m, SMALLINT_VAL(1)))->chars, "float");
    ck_assert_str_eq(AS_STRING(get(vm, m, DOUBLE_VAL(1.0)))->chars, "float");
    /* 0 and -0.0; a boxed int and the same value as a double. */
    mtm_set(vm, m, DOUBLE_VAL(-0.0), SMALLINT_VAL(0));
    ck_assert_int_eq(AS_INT(get(vm, m, SMALLINT_VAL(0))), 0);
    Value big = mto_int(vm, (int64_t)1 << 50);
    mtm_set(vm, m, big, SMALLINT_VAL(50));
    ck_assert_int_eq(AS_INT(get(vm, m, DOUBLE_VAL(0x1p50))), 50);
    ck_assert_int_eq(AS_INT(get(vm, m, mto_int(vm, (int64_t)1 << 50))), 50);
    ck_assert_uint_eq(m->count, 3);
    ck_assert(IS_UNDEF(get(vm, m, DOUBLE_VAL(1.5))));
    ck_assert(del(vm, m, DOUBLE_VAL(1.0)));
    ck_assert(IS_UNDEF(get(vm, m, SMALLINT_VAL(1))));
    mt_free(vm);
}
END_TEST

START_TEST(strings_are_keys_by_content) {
    VM *vm = unit_vm(NULL);
    Map *m = mtm_new(vm, 0);
    mtm_set(vm, m, OBJ_VAL(mto_string_z(vm, "k\xc3\xa9y")), SMALLINT_VAL(1));
    ck_assert_int_eq(AS_INT(get(vm, m, OBJ_VAL(mto_string_z(vm, "k\xc3\xa9y")))), 1);
    ck_assert_int_eq(AS_INT(get(vm, m, OBJ_VAL(mto_intern_z(vm, "k\xc3\xa9y")))), 1);
    mtm_set(vm, m, OBJ_VAL(mto_intern_z(vm, "k\xc3\xa9y")), SMALLINT_VAL(2));
    ck_assert_uint_eq(m->count, 1);
    /* Other kinds stay apart: the string "1", the int 1, true and nil. */
    mtm_set(vm, m, OBJ_VAL(mto_string_z(vm, "1")), SMALLINT_VAL(3));
    mtm_set(vm, m, SMALLINT_VAL(1), SMALLINT_VAL(4));
    mtm_set(vm, m, TRUE_VAL, SMALLINT_VAL(5));
    mtm_set(vm, m, NIL_VAL, SMALLINT_VAL(6));
    ck_assert_uint_eq(m->count, 5);
    ck_assert_int_eq(AS_INT(get(vm, m, TRUE_VAL)), 5);
    ck_assert_int_eq(AS_INT(get(vm, m, NIL_VAL)), 6);
    mt_free(vm);
}
END_TEST

/* Bytes are keys by content, and never the same key as a str of the same bytes (or the
   list of their ints); their hash is kept once computed. */
START_TEST(bytes_are_keys_by_content) {
    VM *vm = unit_vm(NULL);
    Map *m = mtm_new(vm, 0);
    Bytes *k = mto_bytes(vm, "k\0\xff", 3);
    mtm_set(vm, m, OBJ_VAL(k), SMALLINT_VAL(1));
    ck_assert_int_eq(AS_INT(get(vm, m, OBJ_VAL(mto_bytes(vm, "k\0\xff", 3)))), 1);
    ck_assert(IS_UNDEF(get(vm, m, OBJ_VAL(mto_bytes(vm, "k\0", 2)))));
    mtm_set(vm, m, OBJ_VAL(mto_string(vm, "k\0\xff", 3)), SMALLINT_VAL(2));
    mtm_set(vm, m, OBJ_VAL(mto_bytes(vm, NULL, 0)), SMALLINT_VAL(3));
    ck_assert_uint_eq(m->count, 3);
    ck_assert_int_eq(AS_INT(get(vm, m, OBJ_VAL(k))), 1);
    ck_assert_int_eq(AS_INT(get(vm, m, OBJ_VAL(mto_bytes(vm, "", 0)))), 3);
    uint32_t h1, h2;
    ck_assert(mtm_hash(vm, OBJ_VAL(k), &h1) && mtm_hash(vm, OBJ_VAL(k), &h2));
    ck_assert_uint_eq(h1, h2);
    ck_assert(k->obj.flags & BYTES_HASHED);
    mt_free(vm);
}
END_TEST

START_TEST(growth_past_small_map) {
    VM *vm = unit_vm(NULL);
    Map *m = mtm_new(vm, 0);
    const int n = 5000;
    for (int i = 0; i < n; i++) mtm_set(vm, m, SMALLINT_VAL(i * 7), SMALLINT_VAL(i));
    ck_assert_uint_eq(m->count, (uint32_t)n);
    for (int i = 0; i < n; i++) ck_assert_int_eq(AS_INT(get(vm, m, SMALLINT_VAL(i * 7))), i);
    int64_t pos = 0;
    MAP_FOREACH(m, node) ck_assert_int_eq(AS_INT(node->key), 7 * pos++);
    ck_assert_int_eq(pos, n);
    ck_assert(IS_UNDEF(get(vm, m, SMALLINT_VAL(1))));
    mt_free(vm);
}
END_TEST

START_TEST(delete_then_reinsert) {
    VM *vm = unit_vm(NULL);
    Map *m = mtm_new(vm, 0);
    for (int i = 0; i < 100; i++) mtm_set(vm, m, SMALLINT_VAL(i), SMALLINT_VAL(i));
    for (int i = 0; i < 100; i += 3) ck_assert(del(vm, m, SMALLINT_VAL(i)));
    for (int i = 0; i < 100; i += 3) mtm_set(vm, m, SMALLINT_VAL(i), SMALLINT_VAL(-i));
    ck_assert_uint_eq(m->count, 100);
    for (int i = 0; i < 100; i++)
        ck_assert_int_eq(AS_INT(get(vm, m, SMALLINT_VAL(i))), i % 3 ? i : -i);
    /* Order: the survivors in their old order, then the reinserted ones. */
    int64_t keys[100];
    ck_assert_int_eq(live_keys(m, keys, 100), 100);
    ck_assert_int_eq(keys[0], 1);
    ck_assert_int_eq(keys[65], 98);
    ck_assert_int_eq(keys[66], 0);
    ck_assert_int_eq(keys[99], 99);
    mt_free(vm);
}
END_TEST

/* Deleting everything then inserting fresh keys, many times over, and a sliding window of
   live keys: probes must always end and the entry array must not grow without bound. */
START_TEST(churn_terminates) {
    VM *vm = unit_vm(NULL);
    Map *m = mtm_new(vm, 0);
    for (int round = 0; round < 50; round++) {
        for (int i = 0; i < 300; i++) mtm_set(vm, m, SMALLINT_VAL(round * 1000 + i), NIL_VAL);
        for (int i = 0; i < 300; i++) ck_assert(del(vm, m, SMALLINT_VAL(round * 1000 + i)));
        ck_assert_uint_eq(m->count, 0);
    }
    /* A fresh map for the window (a map that was once big may keep its capacity); the
       collector is paused, so the map's nodes are all that allocates here. */
    m = mtm_new(vm, 0);
    size_t before = vm->bytes_allocated;
    for (int i = 0; i < 100000; i++) {
        mtm_set(vm, m, SMALLINT_VAL(i), SMALLINT_VAL(i));
        if (i >= 16) ck_assert(del(vm, m, SMALLINT_VAL(i - 16)));
        ck_assert(IS_UNDEF(get(vm, m, SMALLINT_VAL(-1 - i)))); /* a miss walks a full probe */
    }
    ck_assert_uint_eq(m->count, 16);
    ck_assert_msg(vm->bytes_allocated - before < 16 * 1024, "16 live keys hold %zu bytes",
                  vm->bytes_allocated - before);
    for (int i = 100000 - 16; i < 100000; i++)
        ck_assert_int_eq(AS_INT(get(vm, m, SMALLINT_VAL(i))), i);
    mt_free(vm);
}
END_TEST

START_TEST(version_tracks_key_set) {
    VM *vm = unit_vm(NULL);
    Map *m = mtm_new(vm, 0);
    mtm_set(vm, m, SMALLINT_VAL(1), NIL_VAL);
    uint32_t v = m->version;
    mtm_set(vm, m, SMALLINT_VAL(1), TRUE_VAL); /* a value update does not change keys */
    ck_assert_uint_eq(m->version, v);
    mtm_set(vm, m, SMALLINT_VAL(2), NIL_VAL);
    ck_assert_uint_ne(m->version, v);
    v = m->version;
    del(vm, m, SMALLINT_VAL(2));
    ck_assert_uint_ne(m->version, v);
    v = m->version;
    mtm_clear(vm, m);
    ck_assert_uint_ne(m->version, v);
    ck_assert_uint_eq(m->count, 0);
    mtm_set(vm, m, SMALLINT_VAL(3), NIL_VAL); /* usable after clear */
    ck_assert(IS_NIL(get(vm, m, SMALLINT_VAL(3))));
    mt_free(vm);
}
END_TEST

static void check_unhashable(VM *vm, Map *m, Value key) {
    vm->error = NIL_VAL;
    ck_assert(!mtm_set(vm, m, key, NIL_VAL));
    ck_assert(mte_is(vm, vm->error, ERR_TYPE));
    vm->error = NIL_VAL;
    bool failed = false;
    Value out;
    ck_assert(!mtm_get(vm, m, key, &out, &failed));
    ck_assert(failed);
    ck_assert(mte_is(vm, vm->error, ERR_TYPE));
    vm->error = NIL_VAL;
    failed = false;
    ck_assert(!mtm_delete(vm, m, key, &out, &failed));
    ck_assert(failed);
    ck_assert(mte_is(vm, vm->error, ERR_TYPE));
}

START_TEST(unhashable_keys_raise_type_error) {
    VM *vm = unit_vm(NULL);
    Map *m = mtm_new(vm, 0);
    mtm_set(vm, m, SMALLINT_VAL(1), NIL_VAL);
    check_unhashable(vm, m, OBJ_VAL(mto_list(vm, 0)));
    check_unhashable(vm, m, OBJ_VAL(mtm_new(vm, 0)));
    ck_assert_uint_eq(m->count, 1);
    mt_free(vm);
}
END_TEST

Suite *map_suite(void) {
    Suite *s = suite_create("map");
    TCase *tc = tcase_create("map");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, order_through_updates_and_deletes);
    tcase_add_test(tc, numbers_are_keys_by_value);
    tcase_add_test(tc, strings_are_keys_by_content);
    tcase_add_test(tc, bytes_are_keys_by_content);
    tcase_add_test(tc, growth_past_small_map);
    tcase_add_test(tc, delete_then_reinsert);
    tcase_add_test(tc, churn_terminates);
    tcase_add_test(tc, version_tracks_key_set);
    tcase_add_test(tc, unhashable_keys_raise_type_error);
    suite_add_tcase(s, tc);
    return s;
}
