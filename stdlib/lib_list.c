/*
** lib_list.c — list and map methods.
**
** Sorting is a stable merge sort in C when no key is given; with a key the Mt-written
** prelude computes the keys (so the key function may yield or block) and this file sorts
** the positions.
*/
#include <stdlib.h>

#include "stdlib/lib.h"
#include "vm/value.h"
#include "vm/object.h"
#include "vm/mem.h"
#include "vm/map.h"
#include "vm/gc.h"
#include "vm/error.h"

#define SELF_LIST AS_LIST(args[0])
#define SELF_MAP  AS_MAP(args[0])

/* {== list ==} */

static int list_append(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    mto_list_push(vm, SELF_LIST, args[1]);
    RETURN(NIL_VAL);
}

static int list_extend(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    if (!IS_LIST(args[1])) {
        Value a[2] = {args[0], args[1]};
        return mtlib_tail_call(vm, args, mtlib_prelude(vm, "_extend"), 2, a);
    }
    List *l = SELF_LIST, *o = AS_LIST(args[1]);
    uint32_t n = o->count;
    mto_list_reserve(vm, l, l->count + n);
    for (uint32_t i = 0; i < n; i++) l->items[l->count++] = o->items[i];
    RETURN(NIL_VAL);
}

static bool list_index_arg(VM *vm, List *l, Value *args, int i, bool insert, uint32_t *out) {
    int64_t k;
    if (!mtlib_int_arg(vm, args, i, insert ? "insert" : "pop", &k)) return false;
    int64_t n = l->count;
    if (k < 0) k += n;
    if (insert) {
        if (k < 0) k = 0;
        if (k > n) k = n;
    } else if (k < 0 || k >= n) {
        mte_throw(vm, ERR_INDEX, n == 0 ? "pop from an empty list" : "pop index out of range");
        return false;
    }
    *out = (uint32_t)k;
    return true;
}

static int list_pop(VM *vm, Value *args, int argc) {
    List *l = SELF_LIST;
    uint32_t k;
    if (argc >= 1) {
        if (!list_index_arg(vm, l, args, 1, false, &k)) return NATIVE_ERROR;
    } else {
        if (l->count == 0) return mte_throw(vm, ERR_INDEX, "pop from an empty list");
        k = l->count - 1;
    }
    Value v = l->items[k];
    memmove(l->items + k, l->items + k + 1, (l->count - k - 1) * sizeof(Value));
    l->count--;
    RETURN(v);
}

static int list_insert(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    List *l = SELF_LIST;
    uint32_t k;
    if (!list_index_arg(vm, l, args, 1, true, &k)) return NATIVE_ERROR;
    mto_list_push(vm, l, NIL_VAL);
    memmove(l->items + k + 1, l->items + k, (l->count - k - 1) * sizeof(Value));
    l->items[k] = args[2];
    RETURN(NIL_VAL);
}

static int64_t find_item(VM *vm, List *l, Value v, bool *err) {
    *err = false;
    for (uint32_t i = 0; i < l->count; i++) {
        int e = mtv_equal(vm, l->items[i], v);
        if (e < 0) {
            *err = true;
            return -1;
        }
        if (e) return i;
    }
    return -1;
}

static int list_index(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    bool err;
    int64_t i = find_item(vm, SELF_LIST, args[1], &err);
    if (err) return NATIVE_ERROR;
    if (i < 0) return mte_throw(vm, ERR_VALUE, "value is not in the list");
    RETURN(SMALLINT_VAL(i));
}

static int list_remove(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    List *l = SELF_LIST;
    bool err;
    int64_t i = find_item(vm, l, args[1], &err);
    if (err) return NATIVE_ERROR;
    if (i < 0) return mte_throw(vm, ERR_VALUE, "remove(): value is not in the list");
    memmove(l->items + i, l->items + i + 1, (l->count - (uint32_t)i - 1) * sizeof(Value));
    l->count--;
    RETURN(NIL_VAL);
}

static int list_count(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    List *l = SELF_LIST;
    int64_t n = 0;
    for (uint32_t i = 0; i < l->count; i++) {
        int e = mtv_equal(vm, l->items[i], args[1]);
        if (e < 0) return NATIVE_ERROR;
        n += e;
    }
    RETURN(SMALLINT_VAL(n));
}

static int list_reverse(VM *vm, Value *args, int argc) {
    MT_UNUSED(vm);
    MT_UNUSED(argc);
    List *l = SELF_LIST;
    for (uint32_t i = 0, j = l->count ? l->count - 1 : 0; i < j; i++, j--) {
        Value t = l->items[i];
        l->items[i] = l->items[j];
        l->items[j] = t;
    }
    RETURN(NIL_VAL);
}

static int list_copy(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    List *l = SELF_LIST;
    List *r = mto_list(vm, l->count);
    if (l->count) memcpy(r->items, l->items, l->count * sizeof(Value));
    r->count = l->count;
    RETURN(OBJ_VAL(r));
}

static int list_clear(VM *vm, Value *args, int argc) {
    MT_UNUSED(vm);
    MT_UNUSED(argc);
    SELF_LIST->count = 0;
    RETURN(NIL_VAL);
}

/* {== Sorting ==} */

typedef struct {
    VM *vm;
    const Value *keys; /* compare keys[a] with keys[b] */
    bool reverse;
    bool failed;
} SortCtx;

static bool before(SortCtx *c, uint32_t a, uint32_t b) {
    if (c->failed) return false;
    int r;
    if (!mtv_compare(c->vm, c->keys[a], c->keys[b], &r)) {
        c->failed = true;
        return false;
    }
    if (r == 2) return false;
    return c->reverse ? r > 0 : r < 0;
}

/* Stable merge sort of positions. */
static void merge_sort(SortCtx *c, uint32_t *idx, uint32_t *tmp, uint32_t n) {
    if (n < 2 || c->failed) return;
    if (n <= 8) {
        for (uint32_t i = 1; i < n; i++) {
            uint32_t x = idx[i], j = i;
            while (j > 0 && before(c, x, idx[j - 1])) {
                idx[j] = idx[j - 1];
                j--;
            }
            idx[j] = x;
        }
        return;
    }
    uint32_t h = n / 2;
    merge_sort(c, idx, tmp, h);
    merge_sort(c, idx + h, tmp, n - h);
    if (!before(c, idx[h], idx[h - 1])) return;
    memcpy(tmp, idx, h * sizeof(uint32_t));
    uint32_t i = 0, j = h, k = 0;
    while (i < h && j < n) idx[k++] = before(c, idx[j], tmp[i]) ? idx[j++] : tmp[i++];
    while (i < h) idx[k++] = tmp[i++];
}

/* Sorts `items` (n values) by `keys` into `out`. */
static bool sort_values(VM *vm, const Value *items, const Value *keys, uint32_t n, bool reverse,
                        Value *out) {
    /* A temporary: freed even if a comparison raises MemoryError. */
    uint32_t *idx = mtmem_tmp_alloc(vm, (size_t)n * 2 * sizeof(uint32_t) + 1);
    for (uint32_t i = 0; i < n; i++) idx[i] = i;
    SortCtx c = {vm, keys, reverse, false};
    merge_sort(&c, idx, idx + n, n);
    if (!c.failed)
        for (uint32_t i = 0; i < n; i++) out[i] = items[idx[i]];
    mtmem_tmp_free(vm, idx);
    return !c.failed;
}

/* Whether any of n values is an instance: those compare by their `<` method (SPEC 5.9),
   which is Mt code, so the sort runs in the prelude. */
static bool any_instance(const Value *v, uint32_t n) {
    for (uint32_t i = 0; i < n; i++)
        if (IS_INSTANCE(v[i])) return true;
    return false;
}

static int list_sort(VM *vm, Value *args, int argc) {
    List *l = SELF_LIST;
    bool reverse = ARG_GIVEN(args, argc, 2) && mtv_truthy(args[2]);
    if (ARG_GIVEN(args, argc, 1) && !IS_NIL(args[1])) {
        Value a[3] = {args[0], args[1], BOOL_VAL(reverse)};
        return mtlib_tail_call(vm, args, mtlib_prelude(vm, "_sort_key"), 3, a);
    }
    uint32_t n = l->count;
    if (n < 2) RETURN(NIL_VAL);
    if (any_instance(l->items, n)) {
        Value a[2] = {args[0], BOOL_VAL(reverse)};
        return mtlib_tail_call(vm, args, mtlib_prelude(vm, "_sort_lt"), 2, a);
    }
    Value *tmp = mtmem_tmp_alloc(vm, n * sizeof(Value));
    memcpy(tmp, l->items, n * sizeof(Value));
    bool ok = sort_values(vm, tmp, tmp, n, reverse, l->items);
    mtmem_tmp_free(vm, tmp);
    if (!ok) return NATIVE_ERROR;
    RETURN(NIL_VAL);
}

/* _sort_pairs(items, keys, reverse): a new list of items ordered by keys (prelude). */
static int lib_sort_pairs(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    List *items = AS_LIST(args[1]), *keys = AS_LIST(args[2]);
    uint32_t n = items->count < keys->count ? items->count : keys->count;
    if (any_instance(keys->items, n)) {
        Value a[3] = {args[1], args[2], args[3]};
        return mtlib_tail_call(vm, args, mtlib_prelude(vm, "_msort"), 3, a);
    }
    List *out = mto_list(vm, n);
    bool reverse = mtv_truthy(args[3]);
    args[0] = OBJ_VAL(out); /* rooted while sorting allocates */
    if (n && !sort_values(vm, items->items, keys->items, n, reverse, out->items))
        return NATIVE_ERROR;
    out->count = n;
    return NATIVE_OK;
}

/* Keys with a hash method (SPEC 3.12), for the prelude's _map_get/_map_set/_map_has:
   _map_hashed(m, h) lists the keys stored with hash h; _map_at(m, k, h, missing) reads
   the key as stored (else missing); _map_put(m, k, h, v) stores. h is the method's int. */
static int lib_map_hashed(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    int64_t h;
    if (!mtlib_int_arg(vm, args, 2, "_map_hashed", &h)) return NATIVE_ERROR;
    RETURN(OBJ_VAL(mtm_hashed_keys(vm, AS_MAP(args[1]), mtm_hash_of(h))));
}

static int lib_map_at(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    int64_t h;
    if (!mtlib_int_arg(vm, args, 3, "_map_at", &h)) return NATIVE_ERROR;
    Value v;
    if (!mtm_get_hashed(AS_MAP(args[1]), args[2], mtm_hash_of(h), &v)) v = args[4];
    RETURN(v);
}

static int lib_map_put(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    int64_t h;
    if (!mtlib_int_arg(vm, args, 3, "_map_put", &h)) return NATIVE_ERROR;
    mtm_set_hashed(vm, AS_MAP(args[1]), args[2], mtm_hash_of(h), args[4]);
    RETURN(NIL_VAL);
}

/* _take(list): moves the items out, leaving the list empty (sort with a key). */
static int lib_take(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    List *l = AS_LIST(args[1]);
    List *r = mto_list(vm, 0);
    r->items = l->items;
    r->count = l->count;
    r->cap = l->cap;
    l->items = NULL;
    l->count = l->cap = 0;
    RETURN(OBJ_VAL(r));
}

/* _put_back(list, sorted): fails if the list changed while the key function ran. */
static int lib_put_back(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    List *l = AS_LIST(args[1]), *src = AS_LIST(args[2]);
    if (l->count != 0) {
        return mte_throw(vm, ERR_VALUE, "list modified during sort");
    }
    mtmem_free(vm, l->items, l->cap * sizeof(Value));
    l->items = src->items;
    l->count = src->count;
    l->cap = src->cap;
    src->items = NULL;
    src->count = src->cap = 0;
    RETURN(NIL_VAL);
}

/* {== map ==} */

static int map_get(VM *vm, Value *args, int argc) {
    Value v;
    bool failed;
    if (mtm_get(vm, SELF_MAP, args[1], &v, &failed)) RETURN(v);
    if (failed) return NATIVE_ERROR;
    RETURN(ARG_GIVEN(args, argc, 2) ? args[2] : NIL_VAL);
}

static int map_pop(VM *vm, Value *args, int argc) {
    Value v;
    bool failed;
    if (mtm_delete(vm, SELF_MAP, args[1], &v, &failed)) RETURN(v);
    if (failed) return NATIVE_ERROR;
    if (ARG_GIVEN(args, argc, 2)) RETURN(args[2]);
    String *r = mtv_to_string(vm, args[1], true);
    if (!r) return NATIVE_ERROR;
    return mte_throw(vm, ERR_KEY, "%s", r->chars);
}

static int map_entries(VM *vm, Value *args, int which) {
    Map *m = SELF_MAP;
    List *out = mto_list(vm, m->count);
    args[0] = OBJ_VAL(out);
    MAP_FOREACH(m, e) {
        Value v = which == 0 ? e->key : e->value;
        if (which == 2) {
            Value kv[2] = {e->key, e->value};
            v = OBJ_VAL(mto_tuple_of(vm, kv, 2));
        }
        out->items[out->count++] = v;
    }
    return NATIVE_OK;
}

static int map_keys(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    Value self = args[0];
    mtgc_push_temp(vm, self);
    args[0] = self;
    int r = map_entries(vm, args, 0);
    mtgc_pop_temp(vm, 1);
    return r;
}

static int map_values(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    mtgc_push_temp(vm, args[0]);
    int r = map_entries(vm, args, 1);
    mtgc_pop_temp(vm, 1);
    return r;
}

static int map_items(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    mtgc_push_temp(vm, args[0]);
    int r = map_entries(vm, args, 2);
    mtgc_pop_temp(vm, 1);
    return r;
}

static int map_clear(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    mtm_clear(vm, SELF_MAP);
    RETURN(NIL_VAL);
}

static int map_copy(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    Map *m = SELF_MAP;
    Map *r = mtm_new(vm, m->count);
    mtgc_push_temp(vm, OBJ_VAL(r));
    MAP_FOREACH(m, e) mtm_set(vm, r, e->key, e->value);
    mtgc_pop_temp(vm, 1);
    RETURN(OBJ_VAL(r));
}

static int map_update(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    if (!IS_MAP(args[1])) return mtlib_type_error(vm, "update", 1, "a map", args[1]);
    Map *m = SELF_MAP, *o = AS_MAP(args[1]);
    MAP_FOREACH(o, e)
    if (!mtm_set(vm, m, e->key, e->value)) return NATIVE_ERROR;
    RETURN(NIL_VAL);
}

/* {== Tuples ==} */

static int tuple_index(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    Tuple *t = AS_TUPLE(args[0]);
    for (uint32_t i = 0; i < t->count; i++) {
        int e = mtv_equal(vm, t->items[i], args[1]);
        if (e < 0) return NATIVE_ERROR;
        if (e) RETURN(SMALLINT_VAL(i));
    }
    return mte_throw(vm, ERR_VALUE, "value is not in the tuple");
}

static int tuple_count(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    Tuple *t = AS_TUPLE(args[0]);
    int64_t n = 0;
    for (uint32_t i = 0; i < t->count; i++) {
        int e = mtv_equal(vm, t->items[i], args[1]);
        if (e < 0) return NATIVE_ERROR;
        n += e;
    }
    RETURN(SMALLINT_VAL(n));
}

/* tuple(xs=nil): a tuple of the items of any iterable (the prelude's list() collects those
   that are neither lists nor tuples, since their iteration may run Mt code). */
static int core_tuple(VM *vm, Value *args, int argc) {
    if (argc == 0 || IS_NIL(args[1])) RETURN(OBJ_VAL(mto_tuple(vm, 0)));
    Value x = args[1];
    if (IS_TUPLE(x)) RETURN(x);
    if (IS_LIST(x)) RETURN(OBJ_VAL(mto_tuple_of(vm, AS_LIST(x)->items, AS_LIST(x)->count)));
    return mtlib_tail_call(vm, args, mtlib_prelude(vm, "_tuple"), 1, &x);
}

/* _to_tuple(list): the prelude's last step of tuple(). */
static int lib_to_tuple(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    RETURN(OBJ_VAL(mto_tuple_of(vm, AS_LIST(args[1])->items, AS_LIST(args[1])->count)));
}

static const char *const p_sort[] = {"key", "reverse", NULL};
static const char *const p_get[] = {"key", "default", NULL};

static const LibReg list_methods[] = {
    {"append", list_append, 1, 1, NULL, false}, {"extend", list_extend, 1, 1, NULL, false},
    {"pop", list_pop, 0, 1, NULL, false},       {"insert", list_insert, 2, 2, NULL, false},
    {"index", list_index, 1, 1, NULL, false},   {"remove", list_remove, 1, 1, NULL, false},
    {"count", list_count, 1, 1, NULL, false},   {"reverse", list_reverse, 0, 0, NULL, false},
    {"copy", list_copy, 0, 0, NULL, false},     {"clear", list_clear, 0, 0, NULL, false},
    {"sort", list_sort, 0, 2, p_sort, false},   {NULL, NULL, 0, 0, NULL, false},
};

static const LibReg tuple_methods[] = {
    {"index", tuple_index, 1, 1, NULL, false},
    {"count", tuple_count, 1, 1, NULL, false},
    {NULL, NULL, 0, 0, NULL, false},
};

static const LibReg tuple_builtins[] = {
    {"tuple", core_tuple, 0, 1, NULL, false},
    {NULL, NULL, 0, 0, NULL, false},
};

static const LibReg map_methods[] = {
    {"get", map_get, 1, 2, p_get, false},    {"pop", map_pop, 1, 2, p_get, false},
    {"keys", map_keys, 0, 0, NULL, false},   {"values", map_values, 0, 0, NULL, false},
    {"items", map_items, 0, 0, NULL, false}, {"clear", map_clear, 0, 0, NULL, false},
    {"copy", map_copy, 0, 0, NULL, false},   {"update", map_update, 1, 1, NULL, false},
    {NULL, NULL, 0, 0, NULL, false},
};

/* Helpers the prelude calls; they are globals of the prelude only, not builtins. */
const LibReg mtlist_hidden[] = {
    {"_sort_pairs", lib_sort_pairs, 3, 3, NULL, false},
    {"_take", lib_take, 1, 1, NULL, false},
    {"_to_tuple", lib_to_tuple, 1, 1, NULL, false},
    {"_map_hashed", lib_map_hashed, 2, 2, NULL, false},
    {"_map_at", lib_map_at, 4, 4, NULL, false},
    {"_map_put", lib_map_put, 4, 4, NULL, false},
    {"_put_back", lib_put_back, 2, 2, NULL, false},
    {NULL, NULL, 0, 0, NULL, false},
};

void mtlist_open(VM *vm) {
    mtlib_register_methods(vm, TYPE_LIST, list_methods);
    mtlib_register_methods(vm, TYPE_MAP, map_methods);
    mtlib_register_methods(vm, TYPE_TUPLE, tuple_methods);
    mtlib_register(vm, tuple_builtins);
}
