/*
** test_embed_values.c — values crossing the API (mt.h, "Slots", "Containers", "Globals",
** "Handles"): every reader and writer on every type, the zero values of a wrong type,
** UTF-8 checks, lists and maps with their error statuses, globals of the host module and
** of modules (library modules opened on demand, modules from files), attributes, and
** handles keeping values alive across collections.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "embed.h"

/* {== Slots ==} */

/* The host's frame starts empty; slots exist once made, new ones hold nil, reading past
   the end reads nil, and a write grows the frame. */
START_TEST(slots_grow_and_read_nil_past_the_end) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, false);
    ck_assert_int_eq(mt_slot_count(vm), 0);
    ck_assert_int_eq(mt_ensure_slots(vm, 5), MT_OK);
    ck_assert_int_eq(mt_slot_count(vm), 5);
    for (int i = 0; i < 5; i++) ck_assert_int_eq(mt_type(vm, i), MT_TNIL);
    ck_assert_int_eq(mt_ensure_slots(vm, 2), MT_OK); /* never shrinks */
    ck_assert_int_eq(mt_slot_count(vm), 5);
    ck_assert_int_eq(mt_type(vm, 1000), MT_TNIL);
    ck_assert_int_eq(mt_type(vm, -1), MT_TNIL);
    ck_assert_int_eq(mt_get_int(vm, 1000), 0);
    ck_assert_ptr_null(mt_get_str(vm, -3, NULL));
    ck_assert_int_eq(mt_set_int(vm, 40, 9), MT_OK);
    ck_assert_int_eq(mt_slot_count(vm), 41);
    ck_assert_int_eq(mt_get_int(vm, 40), 9);
    ck_assert_int_eq(mt_type(vm, 39), MT_TNIL);
    /* A negative slot cannot be written. */
    ck_assert_int_eq(mt_set_int(vm, -1, 1), MT_TYPE_ERROR);
    ck_assert_str_eq(mt_last_error(vm), "slot -1 does not exist");
    ck_assert_int_eq(mt_ensure_slots(vm, -2), MT_TYPE_ERROR);
    ck_assert_int_eq(mt_slot_count(vm), 41);
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* {== Scalars ==} */

START_TEST(scalars_round_trip) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, false);
    ck_assert_int_eq(mt_set_nil(vm, 0), MT_OK);
    ck_assert_int_eq(mt_type(vm, 0), MT_TNIL);
    ck_assert_str_eq(mt_type_name(vm, 0), "nil");
    ck_assert_int_eq(mt_set_bool(vm, 1, true), MT_OK);
    ck_assert_int_eq(mt_type(vm, 1), MT_TBOOL);
    ck_assert_str_eq(mt_type_name(vm, 1), "bool");
    ck_assert(mt_get_bool(vm, 1));
    ck_assert_int_eq(mt_set_bool(vm, 1, false), MT_OK);
    ck_assert(!mt_get_bool(vm, 1));
    /* Ints of every size, the ones past the box included. */
    static const int64_t ints[] = {
        0, 1, -1, (1LL << 47) - 1, 1LL << 47, -(1LL << 47), 1LL << 62, INT64_MAX, INT64_MIN};
    for (size_t i = 0; i < sizeof ints / sizeof *ints; i++) {
        ck_assert_int_eq(mt_set_int(vm, 2, ints[i]), MT_OK);
        ck_assert_int_eq(mt_type(vm, 2), MT_TINT);
        ck_assert_str_eq(mt_type_name(vm, 2), "int");
        ck_assert_int_eq(mt_get_int(vm, 2), ints[i]);
        ck_assert(mt_get_float(vm, 2) == (double)ints[i]); /* an int reads as a float */
    }
    static const double floats[] = {0.0, -0.0, 2.5, -1e300, 5e-324, INFINITY, -INFINITY};
    for (size_t i = 0; i < sizeof floats / sizeof *floats; i++) {
        ck_assert_int_eq(mt_set_float(vm, 3, floats[i]), MT_OK);
        ck_assert_int_eq(mt_type(vm, 3), MT_TFLOAT);
        ck_assert_str_eq(mt_type_name(vm, 3), "float");
        double d = mt_get_float(vm, 3);
        ck_assert(memcmp(&d, &floats[i], sizeof d) == 0); /* -0.0 keeps its sign */
        ck_assert_int_eq(mt_get_int(vm, 3), 0);           /* a float is no int */
    }
    ck_assert_int_eq(mt_set_float(vm, 3, NAN), MT_OK);
    ck_assert(isnan(mt_get_float(vm, 3)));
    /* Values made in Mt read the same. */
    host_eval(vm, "[2 ** 62 + 1, -7, 0.1, true]", 4);
    ck_assert_int_eq(mt_list_get(vm, 4, 0, 5), MT_OK);
    ck_assert_int_eq(mt_get_int(vm, 5), (1LL << 62) + 1);
    ck_assert_int_eq(mt_list_get(vm, 4, 1, 5), MT_OK);
    ck_assert_int_eq(mt_get_int(vm, 5), -7);
    ck_assert_int_eq(mt_list_get(vm, 4, 2, 5), MT_OK);
    ck_assert(mt_get_float(vm, 5) == 0.1);
    ck_assert_int_eq(mt_list_get(vm, 4, 3, 5), MT_OK);
    ck_assert(mt_get_bool(vm, 5));
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* Each reader gives its zero value for another type. */
START_TEST(readers_give_zero_values_for_other_types) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, false);
    ck_assert_int_eq(mt_set_int(vm, 0, 1), MT_OK);
    ck_assert_int_eq(mt_set_str(vm, 1, "1"), MT_OK);
    ck_assert_int_eq(mt_set_bool(vm, 2, true), MT_OK);
    ck_assert(!mt_get_bool(vm, 0)); /* 1 is not true */
    ck_assert_int_eq(mt_get_int(vm, 1), 0);
    ck_assert(mt_get_float(vm, 1) == 0.0);
    ck_assert_int_eq(mt_get_int(vm, 2), 0); /* bools are not numbers */
    ck_assert(mt_get_float(vm, 2) == 0.0);
    size_t len = 99;
    ck_assert_ptr_null(mt_get_str(vm, 0, &len));
    ck_assert_uint_eq(len, 0);
    len = 99;
    ck_assert_ptr_null(mt_get_bytes(vm, 1, &len));
    ck_assert_uint_eq(len, 0);
    ck_assert_ptr_null(mt_get_str(vm, 0, NULL)); /* len may be NULL */
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* mt_truthy is Mt's truth test. */
START_TEST(truthy_is_mts_truth) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, false);
    host_eval(vm,
              "[nil, false, 0, 0.0, \"\", [], {}, b\"\", true, 1, -0.5, \"0\", [0], {0: 0}, "
              "b\"\\x00\", range(0), len]",
              0);
    for (int64_t i = 0; i < mt_len(vm, 0); i++) {
        ck_assert_int_eq(mt_list_get(vm, 0, i, 1), MT_OK);
        ck_assert_msg(mt_truthy(vm, 1) == (i >= 8), "item %d", (int)i);
    }
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* {== Text and bytes ==} */

START_TEST(strings_round_trip_as_utf8) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, false);
    const char *text = "h\xc3\xa9llo \xf0\x9f\x98\x80";
    ck_assert_int_eq(mt_set_str(vm, 0, text), MT_OK);
    ck_assert_int_eq(mt_type(vm, 0), MT_TSTR);
    ck_assert_str_eq(mt_type_name(vm, 0), "str");
    size_t len;
    const char *s = mt_get_str(vm, 0, &len);
    ck_assert_str_eq(s, text);
    ck_assert_uint_eq(len, strlen(text));
    ck_assert_int_eq(mt_len(vm, 0), 7); /* code points */
    /* mt_set_strn takes len bytes: the text need not end there. */
    ck_assert_int_eq(mt_set_strn(vm, 1, "abcdef", 3), MT_OK);
    s = mt_get_str(vm, 1, &len);
    ck_assert_uint_eq(len, 3);
    ck_assert_str_eq(s, "abc"); /* and mt_get_str's copy ends in NUL */
    ck_assert_int_eq(mt_set_strn(vm, 1, "", 0), MT_OK);
    ck_assert_str_eq(mt_get_str(vm, 1, &len), "");
    ck_assert_uint_eq(len, 0);
    /* A str made by Mt reads back the same way. */
    host_eval(vm, "\"\\u{e9}\" * 3", 2);
    ck_assert_str_eq(mt_get_str(vm, 2, &len), "\xc3\xa9\xc3\xa9\xc3\xa9");
    ck_assert_uint_eq(len, 6);
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* Text that is not UTF-8 (or holds a NUL) is refused: MT_TYPE_ERROR, the slot nil. */
START_TEST(set_str_rejects_invalid_utf8) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, false);
    static const struct {
        const char *text;
        size_t len;
    } bad[] = {
        {"\xff", 1},             /* never a UTF-8 byte */
        {"ab\xc3", 3},           /* cut off */
        {"\xc0\xaf", 2},         /* overlong */
        {"\xed\xa0\x80", 3},     /* a surrogate */
        {"\xf4\x90\x80\x80", 4}, /* past U+10FFFF */
        {"a\0b", 3},             /* a NUL byte */
        {"ok \x80 then", 9},     /* a stray continuation byte */
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        ck_assert_int_eq(mt_set_str(vm, 0, "before"), MT_OK);
        ck_assert_int_eq(mt_set_strn(vm, 0, bad[i].text, bad[i].len), MT_TYPE_ERROR);
        ck_assert_msg(mt_type(vm, 0) == MT_TNIL, "case %d", (int)i);
        ck_assert_msg(strncmp(mt_last_error(vm), "text is not UTF-8", 17) == 0, "%s",
                      mt_last_error(vm));
    }
    ck_assert_int_eq(mt_set_str(vm, 0, "caf\xe9"), MT_TYPE_ERROR); /* Latin-1 */
    ck_assert_str_eq(mt_last_error(vm), "text is not UTF-8 or holds a NUL byte (line 1, column 4)");
    ck_assert_int_eq(mt_set_str(vm, 0, "fine"), MT_OK);
    /* Longer than a str can be: refused before a byte is read, as out of memory. */
    ck_assert_int_eq(mt_set_strn(vm, 0, "x", (size_t)UINT32_MAX + 2), MT_MEMORY_ERROR);
    ck_assert_int_eq(mt_type(vm, 0), MT_TNIL);
    ck_assert_int_eq(mt_set_str(vm, 0, "fine"), MT_OK);
    ck_assert_int_eq(mt_set_bytes(vm, 0, "x", (size_t)UINT32_MAX + 2), MT_MEMORY_ERROR);
    ck_assert_int_eq(mt_type(vm, 0), MT_TNIL);
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* Bytes are any bytes, NUL included, and are not str. */
START_TEST(bytes_round_trip) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, false);
    const uint8_t data[] = {0, 1, 0xff, 0x80, 0, 'a'};
    ck_assert_int_eq(mt_set_bytes(vm, 0, data, sizeof data), MT_OK);
    ck_assert_int_eq(mt_type(vm, 0), MT_TBYTES);
    ck_assert_str_eq(mt_type_name(vm, 0), "bytes");
    size_t len;
    const uint8_t *b = mt_get_bytes(vm, 0, &len);
    ck_assert_uint_eq(len, sizeof data);
    ck_assert_mem_eq(b, data, sizeof data);
    ck_assert_int_eq(mt_len(vm, 0), 6);
    ck_assert_ptr_null(mt_get_str(vm, 0, NULL));
    ck_assert_int_eq(mt_set_bytes(vm, 1, NULL, 0), MT_OK);
    ck_assert_ptr_nonnull(mt_get_bytes(vm, 1, &len));
    ck_assert_uint_eq(len, 0);
    ck_assert(!mt_truthy(vm, 1));
    /* Mt sees what the host made, and the host what Mt made. */
    ck_assert_int_eq(mt_set_global(vm, NULL, "blob", 0), MT_OK);
    host_eval(vm, "[len(blob), blob[2], blob + b\"!\"]", 2);
    ck_assert_int_eq(mt_list_get(vm, 2, 0, 3), MT_OK);
    ck_assert_int_eq(mt_get_int(vm, 3), 6);
    ck_assert_int_eq(mt_list_get(vm, 2, 1, 3), MT_OK);
    ck_assert_int_eq(mt_get_int(vm, 3), 255);
    ck_assert_int_eq(mt_list_get(vm, 2, -1, 3), MT_OK);
    b = mt_get_bytes(vm, 3, &len);
    ck_assert_uint_eq(len, 7);
    ck_assert_int_eq(b[6], '!');
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* {== Lists ==} */

START_TEST(lists) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, false);
    ck_assert_int_eq(mt_new_list(vm, 0), MT_OK);
    ck_assert_int_eq(mt_type(vm, 0), MT_TLIST);
    ck_assert_str_eq(mt_type_name(vm, 0), "list");
    ck_assert_int_eq(mt_len(vm, 0), 0);
    for (int i = 0; i < 100; i++) {
        ck_assert_int_eq(mt_set_int(vm, 1, i * 10), MT_OK);
        ck_assert_int_eq(mt_list_append(vm, 0, 1), MT_OK);
    }
    ck_assert_int_eq(mt_len(vm, 0), 100);
    ck_assert_int_eq(mt_list_get(vm, 0, 7, 2), MT_OK);
    ck_assert_int_eq(mt_get_int(vm, 2), 70);
    ck_assert_int_eq(mt_list_get(vm, 0, -1, 2), MT_OK);
    ck_assert_int_eq(mt_get_int(vm, 2), 990);
    ck_assert_int_eq(mt_list_get(vm, 0, -100, 2), MT_OK);
    ck_assert_int_eq(mt_get_int(vm, 2), 0);
    ck_assert_int_eq(mt_set_int(vm, 2, 5), MT_OK);
    ck_assert_int_eq(mt_list_get(vm, 0, 100, 2), MT_NOT_FOUND);
    ck_assert_str_eq(mt_last_error(vm), "list index 100 out of range");
    ck_assert_int_eq(mt_list_get(vm, 0, -101, 2), MT_NOT_FOUND);
    ck_assert_int_eq(mt_get_int(vm, 2), 5); /* dst untouched */
    ck_assert_int_eq(mt_set_str(vm, 1, "x"), MT_OK);
    ck_assert_int_eq(mt_list_set(vm, 0, -2, 1), MT_OK);
    ck_assert_int_eq(mt_list_set(vm, 0, 100, 1), MT_NOT_FOUND);
    ck_assert_int_eq(mt_list_set(vm, 0, -101, 1), MT_NOT_FOUND);
    /* Mt sees the host's list; a list holds itself. */
    ck_assert_int_eq(mt_list_append(vm, 0, 0), MT_OK);
    ck_assert_int_eq(mt_set_global(vm, NULL, "xs", 0), MT_OK);
    host_eval(vm, "xs[-1].append(7)\n[len(xs), xs[98], xs[-2][-1], xs[3]]", 3);
    ck_assert_int_eq(mt_list_get(vm, 3, 0, 4), MT_OK);
    ck_assert_int_eq(mt_get_int(vm, 4), 102);
    ck_assert_int_eq(mt_list_get(vm, 3, 1, 4), MT_OK);
    ck_assert_str_eq(mt_get_str(vm, 4, NULL), "x");
    ck_assert_int_eq(mt_list_get(vm, 3, 2, 4), MT_OK);
    ck_assert_int_eq(mt_get_int(vm, 4), 7);
    ck_assert_int_eq(mt_list_get(vm, 3, 3, 4), MT_OK);
    ck_assert_int_eq(mt_get_int(vm, 4), 30);
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* List calls on something else: MT_TYPE_ERROR saying what was found. */
START_TEST(list_calls_on_other_types) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, false);
    ck_assert_int_eq(mt_set_int(vm, 0, 3), MT_OK);
    ck_assert_int_eq(mt_list_get(vm, 0, 0, 1), MT_TYPE_ERROR);
    ck_assert_str_eq(mt_last_error(vm), "mt_list_get: expected a list, not int");
    ck_assert_int_eq(mt_list_set(vm, 0, 0, 1), MT_TYPE_ERROR);
    ck_assert_str_eq(mt_last_error(vm), "mt_list_set: expected a list, not int");
    ck_assert_int_eq(mt_list_append(vm, 7, 1), MT_TYPE_ERROR); /* slot 7: nil */
    ck_assert_str_eq(mt_last_error(vm), "mt_list_append: expected a list, not nil");
    ck_assert_int_eq(mt_new_map(vm, 0), MT_OK);
    ck_assert_int_eq(mt_list_append(vm, 0, 1), MT_TYPE_ERROR);
    ck_assert_int_eq(mt_len(vm, 0), 0);
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* {== Maps ==} */

START_TEST(maps) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, false);
    ck_assert_int_eq(mt_new_map(vm, 0), MT_OK);
    ck_assert_int_eq(mt_type(vm, 0), MT_TMAP);
    ck_assert_str_eq(mt_type_name(vm, 0), "map");
    ck_assert_int_eq(mt_set_str(vm, 1, "k"), MT_OK);
    ck_assert_int_eq(mt_set_int(vm, 2, 1), MT_OK);
    ck_assert_int_eq(mt_map_set(vm, 0, 1, 2), MT_OK);
    ck_assert_int_eq(mt_set_int(vm, 1, 1), MT_OK);
    ck_assert_int_eq(mt_set_str(vm, 2, "one"), MT_OK);
    ck_assert_int_eq(mt_map_set(vm, 0, 1, 2), MT_OK);
    ck_assert_int_eq(mt_len(vm, 0), 2);
    /* 1.0 is the same key as 1. */
    ck_assert_int_eq(mt_set_float(vm, 1, 1.0), MT_OK);
    ck_assert_int_eq(mt_map_get(vm, 0, 1, 3), MT_OK);
    ck_assert_str_eq(mt_get_str(vm, 3, NULL), "one");
    ck_assert_int_eq(mt_set_str(vm, 1, "k"), MT_OK);
    ck_assert_int_eq(mt_map_get(vm, 0, 1, 3), MT_OK);
    ck_assert_int_eq(mt_get_int(vm, 3), 1);
    /* A missing key, and dst is left alone. */
    ck_assert_int_eq(mt_set_str(vm, 1, "absent"), MT_OK);
    ck_assert_int_eq(mt_map_get(vm, 0, 1, 3), MT_NOT_FOUND);
    ck_assert_str_eq(mt_last_error(vm), "no such key in the map");
    ck_assert_int_eq(mt_get_int(vm, 3), 1);
    /* Keys that cannot be keys. */
    ck_assert_int_eq(mt_new_list(vm, 1), MT_OK);
    ck_assert_int_eq(mt_map_set(vm, 0, 1, 2), MT_TYPE_ERROR);
    ck_assert_msg(strncmp(mt_last_error(vm), "TypeError: ", 11) == 0, "%s", mt_last_error(vm));
    ck_assert_int_eq(mt_map_get(vm, 0, 1, 3), MT_TYPE_ERROR);
    ck_assert_int_eq(mt_new_map(vm, 1), MT_OK);
    ck_assert_int_eq(mt_map_set(vm, 0, 1, 2), MT_TYPE_ERROR);
    ck_assert_int_eq(mt_len(vm, 0), 2);
    /* Map calls on something else. */
    ck_assert_int_eq(mt_map_get(vm, 2, 1, 3), MT_TYPE_ERROR);
    ck_assert_str_eq(mt_last_error(vm), "mt_map_get: expected a map, not str");
    ck_assert_int_eq(mt_map_set(vm, 2, 1, 3), MT_TYPE_ERROR);
    ck_assert_str_eq(mt_last_error(vm), "mt_map_set: expected a map, not str");
    /* Mt sees the host's map in insertion order, and the host Mt's. */
    ck_assert_int_eq(mt_set_global(vm, NULL, "m", 0), MT_OK);
    host_eval(vm, "m[\"new\"] = nil\nstr(m)", 4);
    ck_assert_str_eq(mt_get_str(vm, 4, NULL), "{\"k\": 1, 1: \"one\", \"new\": nil}");
    ck_assert_int_eq(mt_len(vm, 0), 3);
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* mt_len: code points, bytes, items, entries; -1 for what has no length. */
START_TEST(len_of_every_type) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, false);
    host_eval(vm, "[\"\\u{1F600}ab\", b\"abc\", [1, 2, 3, 4], {1: 2}, 5, nil, 1.5, len]", 0);
    static const int64_t want[] = {3, 3, 4, 1, -1, -1, -1, -1};
    for (int i = 0; i < 8; i++) {
        ck_assert_int_eq(mt_list_get(vm, 0, i, 1), MT_OK);
        ck_assert_int_eq(mt_len(vm, 1), want[i]);
    }
    ck_assert_int_eq(mt_len(vm, 99), -1);
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* mt_type and mt_type_name of the other kinds of value. */
START_TEST(types_of_other_values) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, false);
    host_eval(vm,
              "class Point:\n    def init(self):\n        self.x = 1\n"
              "def f():\n    return 1\n"
              "let things = [f, len, Point, Point(), Point().init, spawn f(), channel(), "
              "coroutine(f), range(3), fn(x): x]\nthings",
              0);
    static const mt_Type types[] = {MT_TFUNCTION, MT_TFUNCTION, MT_TFUNCTION, MT_TOTHER,
                                    MT_TFUNCTION, MT_TTHREAD,   MT_TCHANNEL,  MT_TOTHER,
                                    MT_TOTHER,    MT_TFUNCTION};
    static const char *const names[] = {"function", "function", "class",     "Point", "function",
                                        "thread",   "channel",  "coroutine", "range", "function"};
    for (int i = 0; i < 10; i++) {
        ck_assert_int_eq(mt_list_get(vm, 0, i, 1), MT_OK);
        ck_assert_msg(mt_type(vm, 1) == types[i], "item %d: type %d", i, mt_type(vm, 1));
        ck_assert_str_eq(mt_type_name(vm, 1), names[i]);
    }
    ck_assert_int_eq(mt_get_global(vm, "math", "pi", 1), MT_OK); /* opens math */
    host_eval(vm, "import math\nmath", 1);
    ck_assert_int_eq(mt_type(vm, 1), MT_TOTHER);
    ck_assert_str_eq(mt_type_name(vm, 1), "module");
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

START_TEST(copy_between_slots) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, false);
    ck_assert_int_eq(mt_new_list(vm, 0), MT_OK);
    ck_assert_int_eq(mt_copy(vm, 5, 0), MT_OK);
    ck_assert_int_eq(mt_slot_count(vm), 6);
    ck_assert_int_eq(mt_set_int(vm, 1, 4), MT_OK);
    ck_assert_int_eq(mt_list_append(vm, 5, 1), MT_OK); /* the same list */
    ck_assert_int_eq(mt_len(vm, 0), 1);
    ck_assert_int_eq(mt_copy(vm, 0, 77), MT_OK); /* from a slot that does not exist: nil */
    ck_assert_int_eq(mt_type(vm, 0), MT_TNIL);
    ck_assert_int_eq(mt_copy(vm, -1, 5), MT_TYPE_ERROR);
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* {== Globals ==} */

/* The host module's globals: what the host sets, chunks see (and the reverse); builtins
   show through; a name never assigned is not found. */
START_TEST(host_module_globals) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    ck_assert_int_eq(mt_set_int(vm, 0, 41), MT_OK);
    ck_assert_int_eq(mt_set_global(vm, NULL, "answer", 0), MT_OK);
    host_eval(vm, "answer += 1\nlet doubled = answer * 2\ndef later():\n    return not_yet\n", -1);
    ck_assert_int_eq(mt_get_global(vm, NULL, "answer", 1), MT_OK);
    ck_assert_int_eq(mt_get_int(vm, 1), 42);
    ck_assert_int_eq(mt_get_global(vm, NULL, "doubled", 1), MT_OK);
    ck_assert_int_eq(mt_get_int(vm, 1), 84);
    ck_assert_int_eq(mt_get_global(vm, NULL, "len", 1), MT_OK); /* a builtin */
    ck_assert_int_eq(mt_type(vm, 1), MT_TFUNCTION);
    ck_assert_int_eq(mt_set_int(vm, 1, 5), MT_OK);
    ck_assert_int_eq(mt_get_global(vm, NULL, "not_yet", 1), MT_NOT_FOUND);
    ck_assert_str_eq(mt_last_error(vm), "name 'not_yet' is not defined");
    ck_assert_int_eq(mt_get_int(vm, 1), 5); /* dst untouched */
    ck_assert_int_eq(mt_get_global(vm, NULL, "never_mentioned", 1), MT_NOT_FOUND);
    /* Setting a name a chunk called but could not find makes the call work. */
    ck_assert_int_eq(mt_exec(vm, "c", "later()", 7, -1), MT_RUNTIME_ERROR);
    ck_assert_int_eq(mt_set_str(vm, 0, "now"), MT_OK);
    ck_assert_int_eq(mt_set_global(vm, NULL, "not_yet", 0), MT_OK);
    host_eval(vm, "later()", 2);
    ck_assert_str_eq(mt_get_str(vm, 2, NULL), "now");
    /* A global of the host module shadows a builtin there. */
    ck_assert_int_eq(mt_set_global(vm, NULL, "len", 0), MT_OK);
    host_eval(vm, "len", 2);
    ck_assert_str_eq(mt_get_str(vm, 2, NULL), "now");
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* Globals of modules: library modules open on first use (math, which nothing imported),
   modules from files are found by name, and what does not exist is MT_NOT_FOUND. */
START_TEST(module_globals) {
    char dir[] = "/tmp/mt-embed-mod-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof path, "%s/filemod.mt", dir);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs("let value = \"from file\"\nlet unset\n", f);
    fclose(f);
    setenv("MT_PATH", dir, 1);
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    ck_assert_int_eq(mt_get_global(vm, "math", "pi", 0), MT_OK);
    ck_assert(mt_get_float(vm, 0) == M_PI);
    ck_assert_int_eq(mt_get_global(vm, "math", "sqrt", 0), MT_OK);
    ck_assert_int_eq(mt_set_int(vm, 1, 81), MT_OK);
    ck_assert_int_eq(mt_call(vm, 0, 1), MT_OK);
    ck_assert(mt_get_float(vm, 0) == 9.0);
    ck_assert_int_eq(mt_get_global(vm, "math", "no_such_name", 0), MT_NOT_FOUND);
    ck_assert_str_eq(mt_last_error(vm), "name 'no_such_name' is not defined in module math");
    ck_assert_int_eq(mt_get_global(vm, "no_such_module", "x", 0), MT_NOT_FOUND);
    ck_assert_str_eq(mt_last_error(vm), "no module named 'no_such_module'");
    ck_assert_int_eq(mt_set_global(vm, "no_such_module", "x", 0), MT_NOT_FOUND);
    /* A module from a file: found once imported, and only then. */
    ck_assert_int_eq(mt_get_global(vm, "filemod", "value", 0), MT_NOT_FOUND);
    host_eval(vm, "import filemod\n", -1);
    ck_assert_int_eq(mt_get_global(vm, "filemod", "value", 0), MT_OK);
    ck_assert_str_eq(mt_get_str(vm, 0, NULL), "from file");
    ck_assert_int_eq(mt_get_global(vm, "filemod", "print", 0), MT_NOT_FOUND); /* no builtins */
    /* mt_set_global writes into a module: its code sees it. */
    ck_assert_int_eq(mt_set_int(vm, 0, 3), MT_OK);
    ck_assert_int_eq(mt_set_global(vm, "filemod", "value", 0), MT_OK);
    ck_assert_int_eq(mt_set_global(vm, "filemod", "added", 0), MT_OK);
    host_eval(vm, "[filemod.value, filemod.added]", 1);
    ck_assert_int_eq(mt_list_get(vm, 1, 1, 2), MT_OK);
    ck_assert_int_eq(mt_get_int(vm, 2), 3);
    ck_assert_int_eq(mt_list_get(vm, 1, 0, 2), MT_OK);
    ck_assert_int_eq(mt_get_int(vm, 2), 3);
    host_free_vm(vm, &h);
    host_done(&h);
    unlink(path);
    rmdir(dir);
}
END_TEST

/* {== Attributes ==} */

START_TEST(attributes) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    host_eval(vm,
              "class Point:\n    def init(self, x):\n        self.x = x\n"
              "    def twice(self):\n        return self.x * 2\nPoint(21)",
              0);
    ck_assert_int_eq(mt_get_attr(vm, 0, "x", 1), MT_OK);
    ck_assert_int_eq(mt_get_int(vm, 1), 21);
    ck_assert_int_eq(mt_get_attr(vm, 0, "twice", 1), MT_OK); /* a bound method */
    ck_assert_int_eq(mt_type(vm, 1), MT_TFUNCTION);
    ck_assert_int_eq(mt_call(vm, 1, 0), MT_OK);
    ck_assert_int_eq(mt_get_int(vm, 1), 42);
    ck_assert_int_eq(mt_set_int(vm, 2, 8), MT_OK);
    ck_assert_int_eq(mt_get_attr(vm, 0, "y", 2), MT_NOT_FOUND);
    ck_assert_msg(strncmp(mt_last_error(vm), "AttributeError: ", 16) == 0, "%s", mt_last_error(vm));
    ck_assert_int_eq(mt_get_int(vm, 2), 8);
    /* Attributes of library values and modules. */
    ck_assert_int_eq(mt_set_str(vm, 2, "abc"), MT_OK);
    ck_assert_int_eq(mt_get_attr(vm, 2, "upper", 3), MT_OK);
    ck_assert_int_eq(mt_call(vm, 3, 0), MT_OK);
    ck_assert_str_eq(mt_get_str(vm, 3, NULL), "ABC");
    host_eval(vm, "import math\nmath", 2);
    ck_assert_int_eq(mt_get_attr(vm, 2, "tau", 3), MT_OK);
    ck_assert(mt_get_float(vm, 3) == 2 * M_PI);
    ck_assert_int_eq(mt_get_attr(vm, 2, "nope", 3), MT_NOT_FOUND);
    ck_assert_int_eq(mt_set_int(vm, 2, 1), MT_OK);
    ck_assert_int_eq(mt_get_attr(vm, 2, "x", 3), MT_NOT_FOUND);
    ck_assert_int_eq(h.nerrors, 0); /* failed lookups report nothing */
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* {== Handles ==} */

/* A handle keeps its value alive when nothing else does, across collections; the text of
   a str in a handle stays valid; release lets it go. */
START_TEST(handles_survive_collections) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    host_eval(vm, "let big = []\nfor i in range(1000):\n    big.append(str(i) * 3)\nbig", 0);
    mt_Handle *list = mt_handle(vm, 0);
    ck_assert_ptr_nonnull(list);
    ck_assert_int_eq(mt_set_str(vm, 0, "kept \xe2\x9c\x93"), MT_OK);
    mt_Handle *text = mt_handle(vm, 0);
    const char *chars = mt_get_str(vm, 0, NULL);
    ck_assert_int_eq(mt_set_nil(vm, 0), MT_OK);
    host_eval(vm, "big = nil\nfor i in range(200):\n    let junk = [str(i)] * 100\ngc()\ngc()\n",
              -1);
    ck_assert_str_eq(chars, "kept \xe2\x9c\x93");
    ck_assert_int_eq(mt_handle_get(vm, list, 1), MT_OK);
    ck_assert_int_eq(mt_len(vm, 1), 1000);
    ck_assert_int_eq(mt_list_get(vm, 1, 999, 2), MT_OK);
    ck_assert_str_eq(mt_get_str(vm, 2, NULL), "999999999");
    ck_assert_int_eq(mt_handle_get(vm, text, 2), MT_OK);
    ck_assert_ptr_eq(mt_get_str(vm, 2, NULL), chars);
    mt_release(vm, list);
    mt_release(vm, text);
    mt_release(vm, NULL); /* ignored */
    ck_assert_int_eq(mt_handle_get(vm, NULL, 3), MT_OK);
    ck_assert_int_eq(mt_type(vm, 3), MT_TNIL);
    /* Many handles, released in another order than made. */
    mt_Handle *many[50];
    for (int i = 0; i < 50; i++) {
        ck_assert_int_eq(mt_set_int(vm, 0, i), MT_OK);
        many[i] = mt_handle(vm, 0);
    }
    for (int i = 0; i < 50; i += 2) mt_release(vm, many[i]);
    host_eval(vm, "gc()\n", -1);
    for (int i = 1; i < 50; i += 2) {
        ck_assert_int_eq(mt_handle_get(vm, many[i], 0), MT_OK);
        ck_assert_int_eq(mt_get_int(vm, 0), i);
        mt_release(vm, many[i]);
    }
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

/* Slots are roots too: values only in slots outlive collections. */
START_TEST(slots_are_roots) {
    Host h = {0};
    mt_VM *vm = host_vm(&h, true);
    for (int i = 0; i < 20; i++) {
        char src[64];
        snprintf(src, sizeof src, "[%d] * %d", i, i + 1);
        host_eval(vm, src, i);
    }
    host_eval(vm, "for i in range(100):\n    let junk = {i: [i]}\ngc()\n", -1);
    for (int i = 0; i < 20; i++) {
        ck_assert_int_eq(mt_len(vm, i), i + 1);
        ck_assert_int_eq(mt_list_get(vm, i, -1, 30), MT_OK);
        ck_assert_int_eq(mt_get_int(vm, 30), i);
    }
    host_free_vm(vm, &h);
    host_done(&h);
}
END_TEST

Suite *embed_values_suite(void) {
    Suite *s = suite_create("embed_values");
    TCase *tc = tcase_create("slots");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, slots_grow_and_read_nil_past_the_end);
    tcase_add_test(tc, scalars_round_trip);
    tcase_add_test(tc, readers_give_zero_values_for_other_types);
    tcase_add_test(tc, truthy_is_mts_truth);
    tcase_add_test(tc, strings_round_trip_as_utf8);
    tcase_add_test(tc, set_str_rejects_invalid_utf8);
    tcase_add_test(tc, bytes_round_trip);
    tcase_add_test(tc, types_of_other_values);
    tcase_add_test(tc, copy_between_slots);
    suite_add_tcase(s, tc);
    tc = tcase_create("containers");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, lists);
    tcase_add_test(tc, list_calls_on_other_types);
    tcase_add_test(tc, maps);
    tcase_add_test(tc, len_of_every_type);
    suite_add_tcase(s, tc);
    tc = tcase_create("globals");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, host_module_globals);
    tcase_add_test(tc, module_globals);
    tcase_add_test(tc, attributes);
    suite_add_tcase(s, tc);
    tc = tcase_create("handles");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, handles_survive_collections);
    tcase_add_test(tc, slots_are_roots);
    suite_add_tcase(s, tc);
    return s;
}
