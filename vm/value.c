/*
** value.c — behaviour shared by all values: truthiness, equality, ordering, type names and
** the str/repr text of every type.
*/
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "vm/value.h"
#include "vm/vm.h"

#include "vm/foreign.h"
#include "vm/table.h"
#include "vm/state.h"
#include "vm/object.h"
#include "vm/num.h"
#include "vm/mem.h"
#include "vm/map.h"
#include "vm/set.h"
#include "vm/error.h"

bool mtv_truthy(Value v) {
    if (v == TRUE_VAL) return true;
    if (v == FALSE_VAL || v == NIL_VAL) return false;
    if (IS_SMALLINT(v)) return AS_SMALLINT(v) != 0;
    if (IS_DOUBLE(v)) return AS_DOUBLE(v) != 0.0;
    if (IS_BIGINT(v)) return true;
    if (!IS_OBJ(v)) return true;
    Obj *o = AS_OBJ(v);
    switch ((ObjType)o->type) {
    case OBJ_STRING: return ((String *)o)->len != 0;
    case OBJ_BYTES: return ((Bytes *)o)->len != 0;
    case OBJ_LIST: return ((List *)o)->count != 0;
    case OBJ_MAP:
    case OBJ_SET: return ((Map *)o)->count != 0;
    case OBJ_TUPLE: return ((Tuple *)o)->count != 0;
    default: return true;
    }
}

TypeTag mtv_type(Value v) {
    if (IS_DOUBLE(v)) return TYPE_FLOAT;
    if (IS_INT(v)) return TYPE_INT;
    if (IS_NIL(v)) return TYPE_NIL;
    if (IS_BOOL(v)) return TYPE_BOOL;
    if (!IS_OBJ(v)) return TYPE__COUNT;
    switch ((ObjType)AS_OBJ(v)->type) {
    case OBJ_STRING: return TYPE_STR;
    case OBJ_BYTES: return TYPE_BYTES;
    case OBJ_LIST: return TYPE_LIST;
    case OBJ_MAP: return TYPE_MAP;
    case OBJ_TUPLE: return TYPE_TUPLE;
    case OBJ_RANGE: return TYPE_RANGE;
    case OBJ_CLOSURE:
    case OBJ_NATIVE:
    case OBJ_BOUND: return TYPE_FUNCTION;
    case OBJ_CLASS: return TYPE_CLASS;
    case OBJ_INSTANCE: return TYPE_INSTANCE;
    case OBJ_MODULE: return TYPE_MODULE;
    case OBJ_FIBER: return (AS_OBJ(v)->flags & FIBER_THREAD) ? TYPE_THREAD : TYPE_COROUTINE;
    case OBJ_CHANNEL: return TYPE_CHANNEL;
    case OBJ_FOREIGN: return TYPE_FOREIGN;
    case OBJ_SET: return (AS_OBJ(v)->flags & SET_FROZEN) ? TYPE_FROZENSET : TYPE_SET;
    default: return TYPE__COUNT;
    }
}

static const char *const type_names[] = {
    "nil",       "bool",   "int",     "float",    "str",       "bytes",    "list",
    "map",       "tuple",  "range",   "function", "class",     "instance", "module",
    "coroutine", "thread", "channel", "set",      "frozenset", "foreign"};

const char *mtv_tag_name(TypeTag t) { return t < TYPE__COUNT ? type_names[t] : "internal"; }

const char *mtv_type_name(Value v) {
    TypeTag t = mtv_type(v);
    if (t == TYPE_INSTANCE) return AS_INSTANCE(v)->klass->name->chars;
    if (t == TYPE_FOREIGN) return ((Foreign *)AS_OBJ(v))->klass->name->chars;
    if (t == TYPE__COUNT) return "internal";
    return type_names[t];
}

/* {== Equality ==} */

static int equal_depth(VM *vm, Value a, Value b, int depth);

/* Item by item. Out of line, like bytes_equal below, to keep equal_depth small. */
static MT_NOINLINE int tuple_equal(VM *vm, const Tuple *x, const Tuple *y, int depth) {
    if (x->count != y->count) return 0;
    for (uint32_t i = 0; i < x->count; i++) {
        int e = equal_depth(vm, x->items[i], y->items[i], depth + 1);
        if (e != 1) return e;
    }
    return 1;
}

static int list_equal(VM *vm, List *x, List *y, int depth) {
    if (x->count != y->count) return 0;
    for (uint32_t i = 0; i < x->count && i < y->count; i++) {
        int e = equal_depth(vm, x->items[i], y->items[i], depth + 1);
        if (e != 1) return e;
    }
    return x->count == y->count;
}

static int map_equal(VM *vm, Map *x, Map *y, int depth) {
    if (x->count != y->count) return 0;
    MAP_FOREACH(x, e) {
        Value other;
        bool failed;
        if (!mtm_get(vm, y, e->key, &other, &failed)) return failed ? -1 : 0;
        int r = equal_depth(vm, e->value, other, depth + 1);
        if (r != 1) return r;
    }
    return 1;
}

/* Out of line, so that equal_depth stays small enough to be inlined into mtv_equal: the
   slow path of every == that is not between small ints. */
static MT_NOINLINE int bytes_equal(const Bytes *x, const Bytes *y) {
    return x->len == y->len && memcmp(x->data, y->data, x->len) == 0;
}

/* Lists, maps, sets and tuples by content, everything else by identity: out of line, like
   bytes_equal. */
static MT_NOINLINE int container_equal(VM *vm, Obj *x, Obj *y, int depth) {
    switch ((ObjType)x->type) {
    case OBJ_LIST: return list_equal(vm, (List *)x, (List *)y, depth);
    case OBJ_MAP: return map_equal(vm, (Map *)x, (Map *)y, depth);
    case OBJ_SET: return mtset_equal((Map *)x, (Map *)y);
    case OBJ_TUPLE: return tuple_equal(vm, (Tuple *)x, (Tuple *)y, depth);
    default: return 0;
    }
}

static int equal_depth(VM *vm, Value a, Value b, int depth) {
    if (a == b) return !IS_DOUBLE(a) || AS_DOUBLE(a) == AS_DOUBLE(a);
    if (IS_NUMBER(a) && IS_NUMBER(b)) {
        if (IS_INT(a) && IS_INT(b)) return AS_INT(a) == AS_INT(b);
        if (IS_DOUBLE(a) && IS_DOUBLE(b)) return AS_DOUBLE(a) == AS_DOUBLE(b);
        /* int vs float: compare exactly, not through a lossy conversion. */
        int64_t i = IS_INT(a) ? AS_INT(a) : AS_INT(b);
        double d = IS_DOUBLE(a) ? AS_DOUBLE(a) : AS_DOUBLE(b);
        if (d != d || d < -9.3e18 || d > 9.3e18) return 0;
        if ((double)(int64_t)d != d) return 0;
        return (double)i == d && (int64_t)d == i;
    }
    if (!IS_OBJ(a) || !IS_OBJ(b)) return 0;
    Obj *x = AS_OBJ(a), *y = AS_OBJ(b);
    if (x->type != y->type) return 0;
    if (depth > MT_MAX_NEST_DEPTH) {
        mte_throw(vm, ERR_RECURSION, "maximum nesting depth exceeded in comparison");
        return -1;
    }
    switch ((ObjType)x->type) {
    case OBJ_STRING: {
        String *s = (String *)x, *t = (String *)y;
        if (x->flags & y->flags & STR_INTERNED) return 0;
        return s->len == t->len && memcmp(s->chars, t->chars, s->len) == 0;
    }
    case OBJ_BYTES: return bytes_equal((Bytes *)x, (Bytes *)y);
    default: return container_equal(vm, x, y, depth);
    }
}

int mtv_equal(VM *vm, Value a, Value b) { return equal_depth(vm, a, b, 0); }

/* {== Ordering ==} */

/* Compares an int with a double without rounding the int: -1, 0, 1, or 2 for NaN. */
static int cmp_int_double(int64_t i, double d) {
    if (d != d) return 2;
    if (d >= 9223372036854775808.0) return -1;
    if (d < -9223372036854775808.0) return 1;
    double fl = floor(d);
    int64_t fi = (int64_t)fl;
    if (i < fi) return -1;
    if (i > fi) return 1;
    return d > fl ? -1 : 0;
}

/* Lexicographic order of two byte runs, a prefix first: UTF-8 text compared this way is in
   code point order. */
static int compare_bytes(const void *x, uint32_t xn, const void *y, uint32_t yn) {
    int c = memcmp(x, y, xn < yn ? xn : yn);
    return c != 0 ? (c > 0) - (c < 0) : (xn > yn) - (xn < yn);
}

static int cmp_depth(VM *vm, Value a, Value b, int *out, int depth) {
    if (IS_NUMBER(a) && IS_NUMBER(b)) {
        if (IS_INT(a) && IS_INT(b)) {
            int64_t x = AS_INT(a), y = AS_INT(b);
            *out = (x > y) - (x < y);
        } else if (IS_INT(a) != IS_INT(b)) {
            /* int vs float, exactly (2^53 + 1 > 2.0^53), consistent with ==. */
            int c = cmp_int_double(IS_INT(a) ? AS_INT(a) : AS_INT(b),
                                   IS_INT(a) ? AS_DOUBLE(b) : AS_DOUBLE(a));
            *out = c == 2 ? 2 : IS_INT(a) ? c : -c;
        } else {
            double x = AS_NUMBER(a), y = AS_NUMBER(b);
            if (x != x || y != y) {
                *out = 2; /* unordered: every comparison is false */
                return 1;
            }
            *out = (x > y) - (x < y);
        }
        return 1;
    }
    if (IS_STRING(a) && IS_STRING(b)) {
        String *s = AS_STRING(a), *t = AS_STRING(b);
        *out = compare_bytes(s->chars, s->len, t->chars, t->len);
        return 1;
    }
    if (IS_BYTES(a) && IS_BYTES(b)) {
        *out =
            compare_bytes(AS_BYTES(a)->data, AS_BYTES(a)->len, AS_BYTES(b)->data, AS_BYTES(b)->len);
        return 1;
    }
    if ((IS_LIST(a) && IS_LIST(b)) || (IS_TUPLE(a) && IS_TUPLE(b))) {
        if (depth > MT_MAX_NEST_DEPTH) {
            mte_throw(vm, ERR_RECURSION, "maximum nesting depth exceeded in comparison");
            return 0;
        }
        const Value *x, *y;
        uint32_t xn, yn;
        if (IS_LIST(a)) {
            x = AS_LIST(a)->items, xn = AS_LIST(a)->count;
            y = AS_LIST(b)->items, yn = AS_LIST(b)->count;
        } else {
            x = AS_TUPLE(a)->items, xn = AS_TUPLE(a)->count;
            y = AS_TUPLE(b)->items, yn = AS_TUPLE(b)->count;
        }
        for (uint32_t i = 0; i < xn && i < yn; i++) {
            int e = mtv_equal(vm, x[i], y[i]);
            if (e < 0) return 0;
            if (e) continue;
            return cmp_depth(vm, x[i], y[i], out, depth + 1);
        }
        *out = (xn > yn) - (xn < yn);
        return 1;
    }
    if (IS_BOOL(a) && IS_BOOL(b)) {
        *out = (int)AS_BOOL(a) - (int)AS_BOOL(b);
        return 1;
    }
    mte_throw(vm, ERR_TYPE, "cannot compare %s with %s", mtv_type_name(a), mtv_type_name(b));
    return 0;
}

/* Three-way comparison for <, <=, >, >= and sorting; 2 means unordered (NaN). */
int mtv_compare(VM *vm, Value a, Value b, int *out) { return cmp_depth(vm, a, b, out, 0); }

/* {== Text ==} */

typedef struct {
    char *p; /* `small`, until the text outgrows it */
    size_t n, cap;
    VM *vm;
    Obj *seen[MT_MAX_NEST_DEPTH]; /* containers being printed, to show cycles as [...] */
    int nseen;
    int depth;
    bool failed;
    char small[256]; /* most texts (a number, a short list) need no heap block at all */
} Text;

/* Longer text grows in a temporary buffer: a MemoryError (raised here or when the string
   is made) frees it. */
static void put(Text *t, const char *s, size_t n) {
    if (t->n + n + 1 > t->cap) {
        size_t cap = t->cap * 2;
        while (cap < t->n + n + 1) cap *= 2;
        if (t->p == t->small) {
            t->p = mtmem_tmp_alloc(t->vm, cap);
            memcpy(t->p, t->small, t->n);
        } else {
            t->p = mtmem_tmp_realloc(t->vm, t->p, cap);
        }
        t->cap = cap;
    }
    memcpy(t->p + t->n, s, n);
    t->n += n;
}

static void puts_(Text *t, const char *s) { put(t, s, strlen(s)); }

static void put_repr_string(Text *t, String *s) {
    put(t, "\"", 1);
    const unsigned char *p = (const unsigned char *)s->chars;
    size_t run = 0;
    for (uint32_t i = 0; i < s->len; i++) {
        unsigned char c = p[i];
        const char *esc = NULL;
        char hex[8];
        switch (c) {
        case '"': esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        case '\n': esc = "\\n"; break;
        case '\t': esc = "\\t"; break;
        case '\r': esc = "\\r"; break;
        default:
            if (c < 0x20 || c == 0x7f) {
                snprintf(hex, sizeof hex, "\\x%02x", c);
                esc = hex;
            }
        }
        if (esc) {
            put(t, (const char *)p + i - run, run);
            run = 0;
            puts_(t, esc);
        } else {
            run++;
        }
    }
    put(t, (const char *)p + s->len - run, run);
    put(t, "\"", 1);
}

/* b"..." with every byte that is not printable ASCII escaped, so the text is unambiguous
   and pure ASCII. Out of line: inlined, it would make put_value (every str()) costlier. */
static MT_NOINLINE void put_repr_bytes(Text *t, Bytes *b) {
    put(t, "b\"", 2);
    const char *p = (const char *)b->data;
    size_t run = 0; /* the printable bytes just before p[i], not yet written */
    for (uint32_t i = 0; i < b->len; i++) {
        unsigned char c = b->data[i];
        const char *esc = NULL;
        char hex[8];
        switch (c) {
        case '"': esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        case '\n': esc = "\\n"; break;
        case '\t': esc = "\\t"; break;
        case '\r': esc = "\\r"; break;
        default:
            if (c < 0x20 || c >= 0x7f) {
                snprintf(hex, sizeof hex, "\\x%02x", c);
                esc = hex;
            }
        }
        if (esc) {
            put(t, p + i - run, run);
            run = 0;
            puts_(t, esc);
        } else {
            run++;
        }
    }
    put(t, p + b->len - run, run);
    put(t, "\"", 1);
}

static void put_value(Text *t, Value v, bool repr);

/* Enters a container: false (after writing `cycle`) if it is already being printed, or
   (with RecursionError) if the nesting is too deep for the C stack. */
static bool enter(Text *t, Obj *o, const char *cycle) {
    for (int i = 0; i < t->nseen; i++)
        if (t->seen[i] == o) {
            puts_(t, cycle);
            return false;
        }
    if (t->depth >= MT_MAX_NEST_DEPTH) {
        t->failed = true;
        mte_throw(t->vm, ERR_RECURSION, "maximum nesting depth exceeded in repr");
        return false;
    }
    t->seen[t->nseen++] = o;
    t->depth++;
    return true;
}

static void leave(Text *t) {
    t->nseen--;
    t->depth--;
}

static void put_instance(Text *t, Instance *in, bool repr) {
    VM *vm = t->vm;
    Value msg;
    if (mte_class_is(in->klass, vm->error_class[ERR_ERROR]) ||
        mte_class_is(in->klass, vm->error_class[ERR_EXIT])) {
        bool has = mto_instance_get(in, vm->names.message, &msg) && IS_STRING(msg);
        if (!repr) {
            if (has) put(t, AS_STRING(msg)->chars, AS_STRING(msg)->len);
            return;
        }
        puts_(t, in->klass->name->chars);
        put(t, "(", 1);
        if (has) put_repr_string(t, AS_STRING(msg));
        put(t, ")", 1);
        return;
    }
    char buf[64];
    snprintf(buf, sizeof buf, "<%.40s object>", in->klass->name->chars);
    puts_(t, buf);
}

/* (1, "a"), (1,) and (): Python's forms. A tuple cannot contain itself, but it may hold a
   list that does (and enter() bounds the depth). */
static MT_NOINLINE void put_tuple(Text *t, Tuple *tu) {
    if (!enter(t, &tu->obj, "(...)")) return;
    put(t, "(", 1);
    for (uint32_t i = 0; i < tu->count && !t->failed; i++) {
        if (i) put(t, ", ", 2);
        put_value(t, tu->items[i], true);
    }
    if (tu->count == 1) put(t, ",", 1);
    put(t, ")", 1);
    leave(t);
}

static void put_value(Text *t, Value v, bool repr) {
    char buf[160];
    if (t->failed) return;
    if (IS_DOUBLE(v)) {
        int n = mtn_format_double(AS_DOUBLE(v), buf);
        put(t, buf, (size_t)n);
        return;
    }
    if (IS_INT(v)) {
        int n = mtn_format_int(AS_INT(v), buf);
        put(t, buf, (size_t)n);
        return;
    }
    if (IS_NIL(v)) return puts_(t, "nil");
    if (v == TRUE_VAL) return puts_(t, "true");
    if (v == FALSE_VAL) return puts_(t, "false");
    if (!IS_OBJ(v)) return puts_(t, "<undefined>");
    Obj *o = AS_OBJ(v);
    switch ((ObjType)o->type) {
    case OBJ_STRING:
        if (repr) put_repr_string(t, (String *)o);
        else put(t, ((String *)o)->chars, ((String *)o)->len);
        return;
    case OBJ_BYTES: return put_repr_bytes(t, (Bytes *)o);
    case OBJ_LIST: {
        if (!enter(t, o, "[...]")) return;
        List *l = (List *)o;
        put(t, "[", 1);
        for (uint32_t i = 0; i < l->count && !t->failed; i++) {
            if (i) put(t, ", ", 2);
            put_value(t, l->items[i], true);
        }
        put(t, "]", 1);
        leave(t);
        return;
    }
    case OBJ_TUPLE: return put_tuple(t, (Tuple *)o);
    case OBJ_MAP: {
        if (!enter(t, o, "{...}")) return;
        Map *m = (Map *)o;
        put(t, "{", 1);
        bool first = true;
        MAP_FOREACH(m, e) {
            if (t->failed) break;
            if (!first) put(t, ", ", 2);
            first = false;
            put_value(t, e->key, true);
            put(t, ": ", 2);
            put_value(t, e->value, true);
        }
        put(t, "}", 1);
        leave(t);
        return;
    }
    case OBJ_SET: {
        /* {1, 2}; set() when empty ({} is a map); a frozenset wraps the set text. */
        Map *m = (Map *)o;
        bool frozen = o->flags & SET_FROZEN;
        if (m->count == 0) return puts_(t, frozen ? "frozenset()" : "set()");
        if (!enter(t, o, "{...}")) return;
        puts_(t, frozen ? "frozenset({" : "{");
        bool first = true;
        MAP_FOREACH(m, e) {
            if (t->failed) break;
            if (!first) put(t, ", ", 2);
            first = false;
            put_value(t, e->key, true);
        }
        puts_(t, frozen ? "})" : "}");
        leave(t);
        return;
    }
    case OBJ_RANGE: {
        Range *r = (Range *)o;
        int n =
            r->step == 1
                ? snprintf(buf, sizeof buf, "range(%" PRId64 ", %" PRId64 ")", r->start, r->stop)
                : snprintf(buf, sizeof buf, "range(%" PRId64 ", %" PRId64 ", %" PRId64 ")",
                           r->start, r->stop, r->step);
        put(t, buf, (size_t)n);
        return;
    }
    case OBJ_CLOSURE:
        snprintf(buf, sizeof buf, "<function %.40s>", ((Closure *)o)->proto->name->chars);
        return puts_(t, buf);
    case OBJ_NATIVE:
        snprintf(buf, sizeof buf, "<builtin %.40s>", ((Native *)o)->name->chars);
        return puts_(t, buf);
    case OBJ_BOUND: {
        Bound *b = (Bound *)o;
        const char *mn = IS_CLOSURE(b->method) ? AS_CLOSURE(b->method)->proto->name->chars
                         : IS_OBJ_TYPE(b->method, OBJ_NATIVE)
                             ? ((Native *)AS_OBJ(b->method))->name->chars
                             : "?";
        snprintf(buf, sizeof buf, "<bound method %.20s.%.30s>", mtv_type_name(b->self), mn);
        return puts_(t, buf);
    }
    case OBJ_CLASS:
        snprintf(buf, sizeof buf, "<class %.40s>", ((Class *)o)->name->chars);
        return puts_(t, buf);
    case OBJ_INSTANCE: return put_instance(t, (Instance *)o, repr);
    case OBJ_MODULE:
        snprintf(buf, sizeof buf, "<module %.40s>", ((Module *)o)->name->chars);
        return puts_(t, buf);
    case OBJ_FIBER:
        if (o->flags & FIBER_THREAD) snprintf(buf, sizeof buf, "<thread %u>", ((Fiber *)o)->id);
        else snprintf(buf, sizeof buf, "<coroutine>");
        return puts_(t, buf);
    case OBJ_CHANNEL: return puts_(t, "<channel>");
    case OBJ_FOREIGN:
        snprintf(buf, sizeof buf, "<%.40s>", ((Foreign *)o)->klass->name->chars);
        return puts_(t, buf);
    default: return puts_(t, "<object>");
    }
}

/* str(i) and repr(i) without the Text buffer: digits are ASCII, so nothing to scan. */
static String *int_string(VM *vm, int64_t v) {
    char buf[MTN_INT_CHARS];
    int n = mtn_format_int(v, buf);
    String *s = mto_string_alloc(vm, (size_t)n);
    memcpy(s->chars, buf, (size_t)n);
    s->obj.flags |= STR_ASCII;
    s->ncp = (uint32_t)n;
    return s;
}

String *mtv_to_string(VM *vm, Value v, bool repr) {
    if (!repr && IS_STRING(v)) return AS_STRING(v);
    if (IS_INT(v)) return int_string(vm, AS_INT(v));
    Text t;
    t.p = t.small;
    t.n = 0;
    t.cap = sizeof t.small;
    t.vm = vm;
    t.nseen = t.depth = 0;
    t.failed = false;
    put_value(&t, v, repr);
    String *s = t.failed ? NULL : mto_string(vm, t.p, t.n); /* NULL: a RecursionError */
    if (t.p != t.small) mtmem_tmp_free(vm, t.p);
    return s;
}

/* True if turning v into text would call a user method: `str` or `repr` for the
   top-level value of str(), only `repr` inside containers and for repr(). The path of
   containers being walked cuts cycles. */
typedef struct {
    Obj *path[MT_MAX_NEST_DEPTH];
    int depth;
} Walk;

static bool has_method(VM *vm, Instance *in, String *name) {
    MT_UNUSED(vm);
    Value m;
    return mtt_get(&in->klass->methods, name, &m);
}

static bool needs_callback_walk(VM *vm, Value v, Walk *w, bool top_str) {
    if (!IS_OBJ(v)) return false;
    Obj *o = AS_OBJ(v);
    if (o->type == OBJ_INSTANCE) {
        Instance *in = (Instance *)o;
        return has_method(vm, in, vm->names.repr) || (top_str && has_method(vm, in, vm->names.str));
    }
    if (o->type != OBJ_LIST && o->type != OBJ_MAP && o->type != OBJ_SET && o->type != OBJ_TUPLE)
        return false;
    if (w->depth >= MT_MAX_NEST_DEPTH) return false;
    for (int i = 0; i < w->depth; i++)
        if (w->path[i] == o) return false;
    w->path[w->depth++] = o;
    bool found = false;
    if (o->type == OBJ_LIST) {
        List *l = (List *)o;
        for (uint32_t i = 0; i < l->count && !found; i++)
            found = needs_callback_walk(vm, l->items[i], w, false);
    } else if (o->type == OBJ_TUPLE) {
        Tuple *tu = (Tuple *)o;
        for (uint32_t i = 0; i < tu->count && !found; i++)
            found = needs_callback_walk(vm, tu->items[i], w, false);
    } else { /* a map or a set (whose values are all true) */
        MAP_FOREACH((Map *)o, e) {
            if (needs_callback_walk(vm, e->key, w, false) ||
                needs_callback_walk(vm, e->value, w, false)) {
                found = true;
                break;
            }
        }
    }
    w->depth--;
    return found;
}

/* The walk's path is too big for the C stack; values that are not containers or instances
   (the common case) need neither a walk nor the allocation. */
static bool walk_for_callback(VM *vm, Value v, bool top_str) {
    if (!IS_OBJ(v)) return false;
    ObjType t = (ObjType)AS_OBJ(v)->type;
    if (t != OBJ_INSTANCE && t != OBJ_LIST && t != OBJ_MAP && t != OBJ_SET && t != OBJ_TUPLE)
        return false;
    Walk *w = mtmem_tmp_alloc(vm, sizeof *w);
    w->depth = 0;
    bool r = needs_callback_walk(vm, v, w, top_str);
    mtmem_tmp_free(vm, w);
    return r;
}

/* For repr(): only user repr methods matter. */
bool mtv_needs_repr_callback(VM *vm, Value v) { return walk_for_callback(vm, v, false); }

bool mtv_needs_callback(VM *vm, Value v) { return walk_for_callback(vm, v, true); }
