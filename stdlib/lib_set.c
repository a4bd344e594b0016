/*
** lib_set.c — set() and frozenset(), and the methods of sets and frozensets.
**
** A method that takes "any iterable" reads lists, sets, maps (their keys), strs, ranges and
** bytes here; any other iterable (an iterator object, a coroutine, a channel) is first turned
** into a list by the prelude, which then calls the method again, so its items may come from
** Mt code that blocks or yields.
*/
#include "stdlib/lib.h"
#include "vm/call.h"
#include "vm/error.h"
#include "vm/gc.h"
#include "vm/map.h"
#include "vm/opcodes.h"
#include "vm/set.h"
#include "vm/state.h"

#define SELF ((Map *)AS_OBJ(args[0]))

/* Whether the items of v can be read here (else the prelude lists them first). */
static bool readable(Value v) {
    if (!IS_OBJ(v)) return false;
    switch ((ObjType)AS_OBJ(v)->type) {
    case OBJ_LIST:
    case OBJ_SET:
    case OBJ_MAP:
    case OBJ_STRING:
    case OBJ_RANGE:
    case OBJ_BYTES: return true;
    default: return false;
    }
}

/* Adds the items of v (readable) to s, which the caller keeps rooted; false: an unhashable
   item (TypeError raised) or a range too long. */
static bool add_items(VM *vm, Map *s, Value v) {
    Obj *o = AS_OBJ(v);
    switch ((ObjType)o->type) {
    case OBJ_LIST: {
        List *l = (List *)o;
        for (uint32_t i = 0; i < l->count; i++)
            if (!mtset_add(vm, s, l->items[i])) return false;
        return true;
    }
    case OBJ_SET:
    case OBJ_MAP:
        MAP_FOREACH((Map *)o, n) mtset_add(vm, s, n->key); /* keys are hashable */
        return true;
    case OBJ_STRING: {
        String *str = (String *)o;
        for (uint32_t at = 0; at < str->len;) {
            uint32_t end = at + 1;
            while (end < str->len && ((unsigned char)str->chars[end] & 0xC0) == 0x80) end++;
            mtset_add(vm, s, OBJ_VAL(mto_char(vm, str->chars + at, end - at)));
            at = end;
        }
        return true;
    }
    case OBJ_BYTES: {
        Bytes *b = (Bytes *)o;
        for (uint32_t i = 0; i < b->len; i++) mtset_add(vm, s, SMALLINT_VAL(b->data[i]));
        return true;
    }
    default: { /* OBJ_RANGE */
        Range *r = (Range *)o;
        int64_t n;
        if (!mto_range_len(r, &n) || n > (1 << 28))
            return mte_throw(vm, ERR_MEMORY, "set(): range too long") && false;
        for (int64_t i = 0; i < n; i++) mtset_add(vm, s, mto_int(vm, r->start + i * r->step));
        return true;
    }
    }
}

/* A new set of the items of v (readable); NULL with the error raised. */
static Map *set_of(VM *vm, Value v, bool frozen) {
    Map *s = mtset_new(vm, 0, frozen);
    mtgc_push_temp(vm, OBJ_VAL(s));
    bool ok = add_items(vm, s, v);
    mtgc_pop_temp(vm, 1);
    return ok ? s : NULL;
}

/* set(xs=nil) and frozenset(xs=nil). */
static int make(VM *vm, Value *args, int argc, bool frozen) {
    if (argc == 0 || IS_NIL(args[1])) RETURN(OBJ_VAL(mtset_new(vm, 0, frozen)));
    Value x = args[1];
    if (frozen && IS_SET(x) && (AS_OBJ(x)->flags & SET_FROZEN)) RETURN(x);
    if (!readable(x)) {
        Value a[2] = {x, BOOL_VAL(frozen)};
        return mtlib_tail_call(vm, args, mtlib_prelude(vm, "_set"), 2, a);
    }
    Map *s = set_of(vm, x, frozen);
    if (!s) return NATIVE_ERROR;
    RETURN(OBJ_VAL(s));
}

static int lib_set(VM *vm, Value *args, int argc) { return make(vm, args, argc, false); }
static int lib_frozenset(VM *vm, Value *args, int argc) { return make(vm, args, argc, true); }

/* The argument of a method taking any iterable, as a set: itself if it is one, else a new
   set of its items (rooted in args[1]). NULL: not readable here (*retry set: the caller hands
   over to the prelude) or an error. */
static Map *iterable_arg(VM *vm, Value *args, bool *retry) {
    *retry = false;
    if (IS_SET(args[1])) return (Map *)AS_OBJ(args[1]);
    if (!readable(args[1])) {
        *retry = true;
        return NULL;
    }
    Map *s = set_of(vm, args[1], false);
    if (s) args[1] = OBJ_VAL(s);
    return s;
}

/* Calls method `name` of args[0] again with the items of args[1] as a list (the prelude's
   _set_call lists them, in Mt, and makes the call). */
static int retry_with_list(VM *vm, Value *args, const char *name) {
    Value m;
    if (!mtcall_find_method(vm, args[0], mto_intern_z(vm, name), &m)) return NATIVE_ERROR;
    args[0] = OBJ_VAL(mto_bound(vm, args[0], m)); /* rooted there; it holds the receiver */
    Value a[2] = {args[0], args[1]};
    return mtlib_tail_call(vm, args, mtlib_prelude(vm, "_set_call"), 2, a);
}

#define ITERABLE_ARG(var, name)                                                                    \
    bool retry_;                                                                                   \
    Map *var = iterable_arg(vm, args, &retry_);                                                    \
    if (!var) return retry_ ? retry_with_list(vm, args, name) : NATIVE_ERROR

/* {== Methods of both ==} */

static int set_copy(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    Map *s = SELF;
    Map *r = mtset_new(vm, s->count, s->obj.flags & SET_FROZEN);
    MAP_FOREACH(s, n) mtset_add(vm, r, n->key);
    RETURN(OBJ_VAL(r));
}

/* union, intersection, difference, symmetric_difference: the operators' results, with any
   iterable on the right. */
static int binary(VM *vm, Value *args, int op, const char *name) {
    ITERABLE_ARG(o, name);
    Value out;
    mtset_arith(vm, op, args[0], OBJ_VAL(o), &out);
    RETURN(out);
}

static int set_union(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    return binary(vm, args, OP_BOR, "union");
}

static int set_intersection(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    return binary(vm, args, OP_BAND, "intersection");
}

static int set_difference(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    return binary(vm, args, OP_SUB, "difference");
}

static int set_symmetric_difference(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    return binary(vm, args, OP_BXOR, "symmetric_difference");
}

static int set_issubset(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    ITERABLE_ARG(o, "issubset");
    RETURN(BOOL_VAL(mtset_subset(SELF, o)));
}

static int set_issuperset(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    ITERABLE_ARG(o, "issuperset");
    RETURN(BOOL_VAL(mtset_subset(o, SELF)));
}

static int set_isdisjoint(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    ITERABLE_ARG(o, "isdisjoint");
    Map *s = SELF;
    MAP_FOREACH(s, n)
    if (mtm_has_hashed(o, n->key, n->hash)) RETURN(FALSE_VAL);
    RETURN(TRUE_VAL);
}

/* {== Methods of sets ==} */

static int set_add(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    if (!mtset_add(vm, SELF, args[1])) return NATIVE_ERROR;
    RETURN(NIL_VAL);
}

/* remove(x): KeyError (the member's repr, as a map's missing key) if x is not a member. */
static int set_remove(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    bool failed;
    if (mtm_delete(vm, SELF, args[1], NULL, &failed)) RETURN(NIL_VAL);
    if (failed) return NATIVE_ERROR;
    String *r = mtv_to_string(vm, args[1], true);
    if (!r) return NATIVE_ERROR;
    return mte_throw(vm, ERR_KEY, "%s", r->chars);
}

static int set_discard(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    bool failed;
    mtm_delete(vm, SELF, args[1], NULL, &failed);
    if (failed) return NATIVE_ERROR;
    RETURN(NIL_VAL);
}

/* pop(): removes and returns the member added last (as list.pop() takes the last item). */
static int set_pop(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    Map *s = SELF;
    if (s->count == 0) return mte_throw(vm, ERR_KEY, "pop from an empty set");
    Value v = mtm_last(s)->key;
    bool failed;
    mtm_delete(vm, s, v, NULL, &failed);
    RETURN(v);
}

static int set_clear(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    mtm_clear(vm, SELF);
    RETURN(NIL_VAL);
}

/* update(xs): adds the items of any iterable. */
static int set_update(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    if (!readable(args[1])) return retry_with_list(vm, args, "update");
    if (!add_items(vm, SELF, args[1])) return NATIVE_ERROR;
    RETURN(NIL_VAL);
}

static const LibReg set_builtins[] = {
    {"set", lib_set, 0, 1, NULL, false},
    {"frozenset", lib_frozenset, 0, 1, NULL, false},
    {NULL, NULL, 0, 0, NULL, false},
};

#define COMMON_METHODS                                                                             \
    {"copy", set_copy, 0, 0, NULL, false}, {"union", set_union, 1, 1, NULL, false},                \
        {"intersection", set_intersection, 1, 1, NULL, false},                                     \
        {"difference", set_difference, 1, 1, NULL, false},                                         \
        {"symmetric_difference", set_symmetric_difference, 1, 1, NULL, false},                     \
        {"issubset", set_issubset, 1, 1, NULL, false},                                             \
        {"issuperset", set_issuperset, 1, 1, NULL, false}, {                                       \
        "isdisjoint", set_isdisjoint, 1, 1, NULL, false                                            \
    }

static const LibReg set_methods[] = {
    COMMON_METHODS,
    {"add", set_add, 1, 1, NULL, false},
    {"remove", set_remove, 1, 1, NULL, false},
    {"discard", set_discard, 1, 1, NULL, false},
    {"pop", set_pop, 0, 0, NULL, false},
    {"clear", set_clear, 0, 0, NULL, false},
    {"update", set_update, 1, 1, NULL, false},
    {NULL, NULL, 0, 0, NULL, false},
};

static const LibReg frozenset_methods[] = {
    COMMON_METHODS,
    {NULL, NULL, 0, 0, NULL, false},
};

void mtsets_open(VM *vm) {
    mtlib_register(vm, set_builtins);
    mtlib_register_methods(vm, TYPE_SET, set_methods);
    mtlib_register_methods(vm, TYPE_FROZENSET, frozenset_methods);
}
