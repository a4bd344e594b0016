/*
** ops.c — operators, indexing, slicing and iteration beyond the loop's inline fast paths.
**
** Ints are 64-bit two's complement; a result that does not fit raises OverflowError (Mt
** never wraps silently). `/` is float division; `//` and `%` floor like Python's.
*/
#include <math.h>

#include "vm/ops.h"
#include "vm/channel.h"
#include "vm/coro.h"
#include "vm/error.h"
#include "vm/foreign.h"
#include "vm/vm.h"
#include "vm/opcodes.h"
#include "vm/value.h"
#include "vm/state.h"
#include "vm/object.h"
#include "vm/map.h"
#include "vm/set.h"
#include "vm/call.h"
#include "vm/table.h"
#include "vm/fiber.h"

static const char *op_symbol(int op) {
    switch (op) {
    case OP_ADD: return "+";
    case OP_SUB: return "-";
    case OP_MUL: return "*";
    case OP_DIV: return "/";
    case OP_IDIV: return "//";
    case OP_MOD: return "%";
    case OP_POW: return "**";
    case OP_BAND: return "&";
    case OP_BOR: return "|";
    case OP_BXOR: return "^";
    case OP_SHL: return "<<";
    case OP_SHR: return ">>";
    case OP_LT: return "<";
    case OP_LE: return "<=";
    case OP_GT: return ">";
    case OP_GE: return ">=";
    default: return "?";
    }
}

static bool overflow(VM *vm, int op) {
    mte_throw(vm, ERR_OVERFLOW, "integer overflow in %s (ints are 64-bit)", op_symbol(op));
    return false;
}

static bool int_pow(VM *vm, int64_t x, int64_t y, int64_t *out) {
    int64_t r = 1;
    while (y > 0) {
        if (y & 1) {
            if (__builtin_mul_overflow(r, x, &r)) return overflow(vm, OP_POW);
        }
        y >>= 1;
        if (y > 0 && __builtin_mul_overflow(x, x, &x)) {
            /* x*x overflowed: fine only if no further factor uses it. */
            return overflow(vm, OP_POW);
        }
    }
    *out = r;
    return true;
}

static bool int_arith(VM *vm, int op, int64_t x, int64_t y, Value *out) {
    int64_t r;
    switch (op) {
    case OP_ADD:
        if (__builtin_add_overflow(x, y, &r)) return overflow(vm, op);
        break;
    case OP_SUB:
        if (__builtin_sub_overflow(x, y, &r)) return overflow(vm, op);
        break;
    case OP_MUL:
        if (__builtin_mul_overflow(x, y, &r)) return overflow(vm, op);
        break;
    case OP_DIV:
        if (y == 0) return mte_throw(vm, ERR_ZERO_DIVISION, "division by zero") && false;
        *out = DOUBLE_VAL((double)x / (double)y);
        return true;
    case OP_IDIV:
        if (y == 0) return mte_throw(vm, ERR_ZERO_DIVISION, "integer division by zero") && false;
        if (x == INT64_MIN && y == -1) return overflow(vm, op);
        r = x / y;
        if ((x % y != 0) && ((x < 0) != (y < 0))) r--;
        break;
    case OP_MOD:
        if (y == 0) return mte_throw(vm, ERR_ZERO_DIVISION, "integer modulo by zero") && false;
        if (y == -1) {
            r = 0;
            break;
        }
        r = x % y;
        if (r != 0 && ((r < 0) != (y < 0))) r += y;
        break;
    case OP_POW:
        if (y < 0) {
            if (x == 0)
                return mte_throw(vm, ERR_ZERO_DIVISION, "0 cannot be raised to a negative power") &&
                       false;
            *out = DOUBLE_VAL(pow((double)x, (double)y));
            return true;
        }
        if (!int_pow(vm, x, y, &r)) return false;
        break;
    case OP_BAND: r = x & y; break;
    case OP_BOR: r = x | y; break;
    case OP_BXOR: r = x ^ y; break;
    case OP_SHL:
        if (y < 0) return mte_throw(vm, ERR_VALUE, "negative shift count") && false;
        if (x == 0) {
            r = 0;
            break;
        }
        if (y >= 63) return overflow(vm, op);
        r = (int64_t)((uint64_t)x << y);
        if ((r >> y) != x) return overflow(vm, op);
        break;
    case OP_SHR:
        if (y < 0) return mte_throw(vm, ERR_VALUE, "negative shift count") && false;
        r = y >= 63 ? (x < 0 ? -1 : 0) : x >> y;
        break;
    default: return false;
    }
    *out = mto_int(vm, r);
    return true;
}

static bool float_arith(VM *vm, int op, double x, double y, Value *out) {
    double r;
    switch (op) {
    case OP_ADD: r = x + y; break;
    case OP_SUB: r = x - y; break;
    case OP_MUL: r = x * y; break;
    case OP_DIV:
        if (y == 0) return mte_throw(vm, ERR_ZERO_DIVISION, "float division by zero") && false;
        r = x / y;
        break;
    case OP_IDIV:
    case OP_MOD: {
        if (y == 0)
            return mte_throw(vm, ERR_ZERO_DIVISION, "float %s by zero",
                             op == OP_MOD ? "modulo" : "floor division") &&
                   false;
        double mod = fmod(x, y);
        double div = (x - mod) / y;
        if (mod != 0 && ((y < 0) != (mod < 0))) {
            mod += y;
            div -= 1.0;
        }
        if (op == OP_MOD) {
            r = mod != 0 ? mod : copysign(0.0, y);
        } else if (div != 0) {
            r = floor(div);
            if (div - r > 0.5) r += 1.0;
        } else {
            r = copysign(0.0, x / y);
        }
        break;
    }
    case OP_POW:
        if (x == 0 && y < 0)
            return mte_throw(vm, ERR_ZERO_DIVISION, "0.0 cannot be raised to a negative power") &&
                   false;
        if (x < 0 && y != floor(y))
            return mte_throw(vm, ERR_VALUE,
                             "negative number cannot be raised to a fractional power") &&
                   false;
        r = pow(x, y);
        break;
    default:
        return mte_throw(vm, ERR_TYPE, "unsupported operand types for %s: 'float'",
                         op_symbol(op)) &&
               false;
    }
    *out = DOUBLE_VAL(r);
    return true;
}

static bool repeat_bytes(VM *vm, Bytes *b, int64_t n, Value *out) {
    if (n < 0) n = 0;
    if (b->len && (uint64_t)n > (UINT32_MAX - 64) / b->len)
        return mte_throw(vm, ERR_MEMORY, "bytes too long") && false;
    Bytes *r = mto_bytes_alloc(vm, b->len * (size_t)n);
    for (int64_t i = 0; i < n; i++) memcpy(r->data + (size_t)i * b->len, b->data, b->len);
    *out = OBJ_VAL(r);
    return true;
}

static bool repeat(VM *vm, Value seq, int64_t n, Value *out) {
    if (n < 0) n = 0;
    if (IS_STRING(seq)) {
        String *s = AS_STRING(seq);
        if (s->len && (uint64_t)n > (UINT32_MAX - 64) / s->len)
            return mte_throw(vm, ERR_MEMORY, "string too long") && false;
        String *r = mto_string_alloc(vm, s->len * (size_t)n);
        for (int64_t i = 0; i < n; i++) memcpy(r->chars + (size_t)i * s->len, s->chars, s->len);
        *out = OBJ_VAL(mto_string_finish(vm, r));
        return true;
    }
    List *l = AS_LIST(seq);
    if (l->count && (uint64_t)n > (UINT32_MAX / 2) / l->count)
        return mte_throw(vm, ERR_MEMORY, "list too long") && false;
    uint32_t total = l->count * (uint32_t)n;
    List *r = mto_list(vm, total);
    for (int64_t i = 0; i < n; i++)
        for (uint32_t k = 0; k < l->count; k++) r->items[r->count++] = l->items[k];
    *out = OBJ_VAL(r);
    return true;
}

static bool concat_bytes(VM *vm, Bytes *x, Bytes *y, Value *out) {
    if ((size_t)x->len + y->len > UINT32_MAX - 64)
        return mte_throw(vm, ERR_MEMORY, "bytes too long") && false;
    Bytes *r = mto_bytes_alloc(vm, (size_t)x->len + y->len);
    memcpy(r->data, x->data, x->len);
    memcpy(r->data + x->len, y->data, y->len);
    *out = OBJ_VAL(r);
    return true;
}

/* {== Operator methods ==} */

bool mtop_method(Value v, String *name, Value *out) {
    return IS_INSTANCE(v) && AS_INSTANCE(v)->klass->has_ops &&
           mtt_get(&AS_INSTANCE(v)->klass->methods, name, out);
}

/* The method name of an arithmetic or bitwise opcode, or of its reflected form. */
static String *arith_name(VM *vm, int op, bool reflected) {
    String **names = &vm->names.op_add;
    return names[(op - OP_ADD) + (reflected ? OP_SHR - OP_ADD + 1 : 0)];
}

/* The comparison method for a op b, and the one of b that answers it reflected (a < b is
   b > a). */
static String *compare_name(VM *vm, int op, bool reflected) {
    switch (op) {
    case OP_LT: return reflected ? vm->names.op_gt : vm->names.op_lt;
    case OP_LE: return reflected ? vm->names.op_ge : vm->names.op_le;
    case OP_GT: return reflected ? vm->names.op_lt : vm->names.op_gt;
    default: return reflected ? vm->names.op_le : vm->names.op_ge;
    }
}

/* Asks the loop to call an operator method (see MT_OPERATOR_CALL): always false. */
static bool operator_call(VM *vm) {
    vm->error = MT_OPERATOR_CALL;
    return false;
}

/* An instance operand with a method for a op b: left's method, else right's reflected. */
static bool arith_method(VM *vm, int op, Value a, Value b) {
    Value m;
    return mtop_method(a, arith_name(vm, op, false), &m) ||
           mtop_method(b, arith_name(vm, op, true), &m);
}

/* A map key whose class has a hash method: the prelude finds it (SPEC 3.12). */
static bool hashed_key(VM *vm, Value key) {
    Value m;
    return mtop_method(key, vm->names.hash, &m);
}

int mtop_equal_slow(VM *vm, Value a, Value b) {
    Value m;
    if ((IS_INSTANCE(a) || IS_INSTANCE(b)) &&
        (mtop_method(a, vm->names.op_eq, &m) || mtop_method(b, vm->names.op_eq, &m))) {
        operator_call(vm);
        return -1;
    }
    return mtv_equal(vm, a, b);
}

static bool operand_error(VM *vm, int op, Value a, Value b) {
    if ((IS_INSTANCE(a) || IS_INSTANCE(b)) && arith_method(vm, op, a, b)) return operator_call(vm);
    mte_throw(vm, ERR_TYPE, "unsupported operand types for %s: '%s' and '%s'", op_symbol(op),
              mtv_type_name(a), mtv_type_name(b));
    return false;
}

/* a op b where a or b is bytes: + of two bytes, * by an int. bytes + str (either way round)
   names the conversion: text and bytes never mix implicitly. Out of line, so that the
   common cases of mtop_arith do not pay for it. */
static MT_NOINLINE bool bytes_arith(VM *vm, int op, Value a, Value b, Value *out) {
    if (op == OP_ADD && IS_BYTES(a) && IS_BYTES(b))
        return concat_bytes(vm, AS_BYTES(a), AS_BYTES(b), out);
    if (op == OP_MUL && IS_BYTES(a) && IS_INT(b))
        return repeat_bytes(vm, AS_BYTES(a), AS_INT(b), out);
    if (op == OP_MUL && IS_BYTES(b) && IS_INT(a))
        return repeat_bytes(vm, AS_BYTES(b), AS_INT(a), out);
    if (op == OP_ADD && (IS_STRING(a) || IS_STRING(b))) {
        mte_throw(vm, ERR_TYPE,
                  "unsupported operand types for +: '%s' and '%s' (convert with s.encode() or "
                  "b.decode())",
                  mtv_type_name(a), mtv_type_name(b));
        return false;
    }
    return operand_error(vm, op, a, b);
}

/* tuple + tuple and tuple * int (either way round). Out of line, like bytes_arith. */
static MT_NOINLINE bool tuple_arith(VM *vm, int op, Value a, Value b, Value *out) {
    if (op == OP_ADD && IS_TUPLE(a) && IS_TUPLE(b)) {
        Tuple *x = AS_TUPLE(a), *y = AS_TUPLE(b);
        if ((uint64_t)x->count + y->count > UINT32_MAX / 2 / sizeof(Value))
            return mte_throw(vm, ERR_MEMORY, "tuple too long") && false;
        Tuple *r = mto_tuple(vm, x->count + y->count);
        if (x->count) memcpy(r->items, x->items, x->count * sizeof(Value));
        if (y->count) memcpy(r->items + x->count, y->items, y->count * sizeof(Value));
        *out = OBJ_VAL(r);
        return true;
    }
    if (op == OP_MUL && (IS_INT(a) || IS_INT(b))) {
        Tuple *t = IS_TUPLE(a) ? AS_TUPLE(a) : AS_TUPLE(b);
        int64_t n = IS_INT(a) ? AS_INT(a) : AS_INT(b);
        if (n < 0) n = 0;
        if (t->count && (uint64_t)n > (UINT32_MAX / 2 / sizeof(Value)) / t->count)
            return mte_throw(vm, ERR_MEMORY, "tuple too long") && false;
        Tuple *r = mto_tuple(vm, t->count * (uint32_t)n);
        for (int64_t i = 0; i < n; i++)
            if (t->count) memcpy(r->items + i * t->count, t->items, t->count * sizeof(Value));
        *out = OBJ_VAL(r);
        return true;
    }
    return operand_error(vm, op, a, b);
}

bool mtop_arith(VM *vm, int op, Value a, Value b, Value *out) {
    if (IS_INT(a) && IS_INT(b)) return int_arith(vm, op, AS_INT(a), AS_INT(b), out);
    if (IS_NUMBER(a) && IS_NUMBER(b)) {
        if (op >= OP_BAND && op <= OP_SHR) goto bad;
        return float_arith(vm, op, AS_NUMBER(a), AS_NUMBER(b), out);
    }
    if (op == OP_ADD && IS_STRING(a) && IS_STRING(b)) {
        String *x = AS_STRING(a), *y = AS_STRING(b);
        if ((size_t)x->len + y->len > UINT32_MAX - 64)
            return mte_throw(vm, ERR_MEMORY, "string too long") && false;
        String *r = mto_string_alloc(vm, (size_t)x->len + y->len);
        memcpy(r->chars, x->chars, x->len);
        memcpy(r->chars + x->len, y->chars, y->len);
        if (x->obj.flags & y->obj.flags & STR_ASCII) {
            r->obj.flags |= STR_ASCII;
            r->ncp = r->len;
        } else {
            r->ncp = x->ncp + y->ncp;
        }
        *out = OBJ_VAL(r);
        return true;
    }
    if (op == OP_ADD && IS_LIST(a) && IS_LIST(b)) {
        List *x = AS_LIST(a), *y = AS_LIST(b);
        List *r = mto_list(vm, x->count + y->count);
        if (x->count) memcpy(r->items, x->items, x->count * sizeof(Value));
        if (y->count) memcpy(r->items + x->count, y->items, y->count * sizeof(Value));
        r->count = x->count + y->count;
        *out = OBJ_VAL(r);
        return true;
    }
    if (op == OP_MUL) {
        if ((IS_STRING(a) || IS_LIST(a)) && IS_INT(b)) return repeat(vm, a, AS_INT(b), out);
        if ((IS_STRING(b) || IS_LIST(b)) && IS_INT(a)) return repeat(vm, b, AS_INT(a), out);
    }
    if (IS_BYTES(a) || IS_BYTES(b)) return bytes_arith(vm, op, a, b, out);
    if (mtset_applies(op, a, b)) return mtset_arith(vm, op, a, b, out);
    if (IS_TUPLE(a) || IS_TUPLE(b)) return tuple_arith(vm, op, a, b, out);
bad:
    return operand_error(vm, op, a, b);
}

bool mtop_compare(VM *vm, int op, Value a, Value b, Value *out) {
    int c;
    if (mt_unlikely(IS_SET(a)) && IS_SET(b)) return mtset_compare(vm, op, a, b, out);
    if (IS_INSTANCE(a) || IS_INSTANCE(b)) {
        Value m;
        if (mtop_method(a, compare_name(vm, op, false), &m) ||
            mtop_method(b, compare_name(vm, op, true), &m))
            return operator_call(vm);
    }
    if (!mtv_compare(vm, a, b, &c)) {
        if (mte_is(vm, vm->error, ERR_TYPE))
            mte_throw(vm, ERR_TYPE, "'%s' not supported between '%s' and '%s'", op_symbol(op),
                      mtv_type_name(a), mtv_type_name(b));
        return false;
    }
    bool r;
    if (c == 2) r = false;
    else {
        switch (op) {
        case OP_LT: r = c < 0; break;
        case OP_LE: r = c <= 0; break;
        case OP_GT: r = c > 0; break;
        default: r = c >= 0; break;
        }
    }
    *out = BOOL_VAL(r);
    return true;
}

bool mtop_unary(VM *vm, int op, Value a, Value *out) {
    Value m;
    if (IS_INSTANCE(a) && mtop_method(a, op == OP_NEG ? vm->names.op_neg : vm->names.op_bnot, &m))
        return operator_call(vm);
    if (op == OP_NEG) {
        if (IS_INT(a)) {
            int64_t x = AS_INT(a);
            if (x == INT64_MIN) return overflow(vm, OP_SUB);
            *out = mto_int(vm, -x);
            return true;
        }
        if (IS_DOUBLE(a)) {
            *out = DOUBLE_VAL(-AS_DOUBLE(a));
            return true;
        }
        mte_throw(vm, ERR_TYPE, "bad operand type for unary -: '%s'", mtv_type_name(a));
        return false;
    }
    if (IS_INT(a)) {
        *out = mto_int(vm, ~AS_INT(a));
        return true;
    }
    mte_throw(vm, ERR_TYPE, "bad operand type for unary ~: '%s'", mtv_type_name(a));
    return false;
}

/* {== Containers ==} */

static bool range_has(Range *r, int64_t v) {
    if (r->step > 0 ? (v < r->start || v >= r->stop) : (v > r->start || v <= r->stop)) return false;
    return (v - r->start) % r->step == 0;
}

/* `x in b`: an int is a byte value (one outside 0..255 is in no byte string), a byte string
   a run of bytes (b"" is in every one). */
static bool bytes_contain(VM *vm, Bytes *h, Value item, bool *out) {
    if (IS_INT(item)) {
        int64_t v = AS_INT(item);
        *out = v >= 0 && v <= 255 && memchr(h->data, (int)v, h->len);
        return true;
    }
    if (!IS_BYTES(item)) {
        mte_throw(vm, ERR_TYPE, "'in <bytes>' needs an int or bytes on the left, not %s",
                  mtv_type_name(item));
        return false;
    }
    Bytes *n = AS_BYTES(item);
    *out = n->len == 0 || (n->len <= h->len && memmem(h->data, h->len, n->data, n->len));
    return true;
}

bool mtop_contains(VM *vm, Value c, Value item, bool *out) {
    if (IS_LIST(c) || IS_TUPLE(c)) {
        /* A list may change under an == that calls out: re-read its items each time. */
        for (uint32_t i = 0; i < (IS_LIST(c) ? AS_LIST(c)->count : AS_TUPLE(c)->count); i++) {
            int e = mtv_equal(vm, IS_LIST(c) ? AS_LIST(c)->items[i] : AS_TUPLE(c)->items[i], item);
            if (e < 0) return false;
            if (e) {
                *out = true;
                return true;
            }
        }
        *out = false;
        return true;
    }
    if (IS_MAP(c)) {
        Value v;
        bool failed;
        if (IS_INSTANCE(item) && hashed_key(vm, item)) return operator_call(vm);
        *out = mtm_get(vm, AS_MAP(c), item, &v, &failed);
        return !failed;
    }
    if (IS_STRING(c)) {
        if (!IS_STRING(item)) {
            mte_throw(vm, ERR_TYPE, "'in <str>' needs a str on the left, not %s",
                      mtv_type_name(item));
            return false;
        }
        String *h = AS_STRING(c), *n = AS_STRING(item);
        *out = n->len == 0 || (n->len <= h->len && memmem(h->chars, h->len, n->chars, n->len));
        return true;
    }
    if (IS_OBJ_TYPE(c, OBJ_RANGE)) {
        if (IS_INT(item)) *out = range_has((Range *)AS_OBJ(c), AS_INT(item));
        else if (IS_DOUBLE(item) && AS_DOUBLE(item) == floor(AS_DOUBLE(item)) &&
                 fabs(AS_DOUBLE(item)) < 9e18)
            *out = range_has((Range *)AS_OBJ(c), (int64_t)AS_DOUBLE(item));
        else *out = false;
        return true;
    }
    if (IS_BYTES(c)) return bytes_contain(vm, AS_BYTES(c), item, out);
    if (IS_SET(c)) {
        Value v;
        bool failed;
        *out = mtm_get(vm, (Map *)AS_OBJ(c), item, &v, &failed);
        return !failed;
    }
    Value m;
    if (mtop_method(c, vm->names.contains, &m)) return operator_call(vm);
    mte_throw(vm, ERR_TYPE, "'in' needs a container on the right, not %s", mtv_type_name(c));
    return false;
}

/* Normalises a possibly negative index against `len`; false if out of range. */
static bool index_of(Value key, int64_t len, int64_t *out) {
    int64_t k = AS_INT(key);
    if (k < 0) k += len;
    if (k < 0 || k >= len) return false;
    *out = k;
    return true;
}

static bool need_int_index(VM *vm, Value obj, Value key) {
    if (IS_INT(key)) return true;
    mte_throw(vm, ERR_TYPE, "%s indices must be integers, not %s", mtv_type_name(obj),
              mtv_type_name(key));
    return false;
}

/* b[key]: the byte as an int. */
static bool bytes_index(VM *vm, Bytes *b, Value key, Value *out) {
    int64_t k;
    if (!need_int_index(vm, OBJ_VAL(b), key)) return false;
    if (!index_of(key, b->len, &k)) {
        mte_throw(vm, ERR_INDEX, "bytes index %lld out of range (length %u)",
                  (long long)AS_INT(key), b->len);
        return false;
    }
    *out = SMALLINT_VAL(b->data[k]);
    return true;
}

bool mtop_get_index(VM *vm, Value obj, Value key, Value *out) {
    int64_t k;
    if (IS_LIST(obj)) {
        if (!need_int_index(vm, obj, key)) return false;
        List *l = AS_LIST(obj);
        if (!index_of(key, l->count, &k)) {
            mte_throw(vm, ERR_INDEX, "list index %lld out of range (length %u)",
                      (long long)AS_INT(key), l->count);
            return false;
        }
        *out = l->items[k];
        return true;
    }
    if (IS_MAP(obj)) {
        bool failed;
        if (IS_INSTANCE(key) && hashed_key(vm, key)) return operator_call(vm);
        if (mtm_get(vm, AS_MAP(obj), key, out, &failed)) return true;
        if (failed) return false;
        String *r = mtv_to_string(vm, key, true);
        if (!r) return false;
        mte_throw(vm, ERR_KEY, "%s", r->chars);
        return false;
    }
    if (IS_STRING(obj)) {
        if (!need_int_index(vm, obj, key)) return false;
        String *s = AS_STRING(obj);
        if (!index_of(key, s->ncp, &k)) {
            mte_throw(vm, ERR_INDEX, "string index %lld out of range (length %u)",
                      (long long)AS_INT(key), s->ncp);
            return false;
        }
        *out = OBJ_VAL(mto_substring(vm, s, (uint32_t)k, (uint32_t)k + 1));
        return true;
    }
    if (IS_OBJ_TYPE(obj, OBJ_RANGE)) {
        if (!need_int_index(vm, obj, key)) return false;
        Range *r = (Range *)AS_OBJ(obj);
        int64_t len;
        if (!mto_range_len(r, &len)) len = INT64_MAX;
        if (!index_of(key, len, &k)) {
            mte_throw(vm, ERR_INDEX, "range index out of range");
            return false;
        }
        *out = mto_int(vm, r->start + k * r->step);
        return true;
    }
    if (IS_BYTES(obj)) return bytes_index(vm, AS_BYTES(obj), key, out);
    if (IS_TUPLE(obj)) {
        if (!need_int_index(vm, obj, key)) return false;
        Tuple *t = AS_TUPLE(obj);
        if (!index_of(key, t->count, &k)) {
            mte_throw(vm, ERR_INDEX, "tuple index %lld out of range (length %u)",
                      (long long)AS_INT(key), t->count);
            return false;
        }
        *out = t->items[k];
        return true;
    }
    Value m;
    if (mtop_method(obj, vm->names.op_get, &m)) return operator_call(vm);
    mte_throw(vm, ERR_TYPE, "'%s' object is not subscriptable", mtv_type_name(obj));
    return false;
}

bool mtop_set_index(VM *vm, Value obj, Value key, Value v) {
    if (IS_LIST(obj)) {
        if (!need_int_index(vm, obj, key)) return false;
        List *l = AS_LIST(obj);
        int64_t k;
        if (!index_of(key, l->count, &k)) {
            mte_throw(vm, ERR_INDEX, "list assignment index %lld out of range (length %u)",
                      (long long)AS_INT(key), l->count);
            return false;
        }
        l->items[k] = v;
        return true;
    }
    if (IS_MAP(obj)) {
        if (IS_INSTANCE(key) && hashed_key(vm, key)) return operator_call(vm);
        return mtm_set(vm, AS_MAP(obj), key, v);
    }
    Value m;
    if (mtop_method(obj, vm->names.op_set, &m)) return operator_call(vm);
    mte_throw(vm, ERR_TYPE, "'%s' object does not support item assignment", mtv_type_name(obj));
    return false;
}

/* Python's slice bounds: nil means the end; negatives count from the end; clamped. */
static bool slice_bound(VM *vm, Value b, int64_t len, int64_t dflt, int64_t *out) {
    if (IS_NIL(b)) {
        *out = dflt;
        return true;
    }
    if (!IS_INT(b)) {
        mte_throw(vm, ERR_TYPE, "slice indices must be integers or nil, not %s", mtv_type_name(b));
        return false;
    }
    int64_t k = AS_INT(b);
    if (k < 0) k += len;
    if (k < 0) k = 0;
    if (k > len) k = len;
    *out = k;
    return true;
}

/* The positions a slice selects from a sequence of `len` items, as Python computes them:
   `n` items, from `start` by `step` (which may be negative). */
typedef struct {
    int64_t start, step, n;
} SliceSpan;

static bool slice_span(VM *vm, Value lo, Value hi, Value step, int64_t len, SliceSpan *sp) {
    int64_t st = 1;
    if (!IS_NIL(step)) {
        if (!IS_INT(step)) {
            mte_throw(vm, ERR_TYPE, "slice indices must be integers or nil, not %s",
                      mtv_type_name(step));
            return false;
        }
        st = AS_INT(step);
        if (st == 0) {
            mte_throw(vm, ERR_VALUE, "slice step cannot be zero");
            return false;
        }
        if (st < -INT64_MAX) st = -INT64_MAX;
    }
    int64_t a, b;
    if (st > 0) {
        if (!slice_bound(vm, lo, len, 0, &a) || !slice_bound(vm, hi, len, len, &b)) return false;
        sp->n = b > a ? (b - a - 1) / st + 1 : 0;
    } else {
        /* Going down: the bounds clamp to [-1, len - 1], and nil means "from the end" for
           the start and "past the beginning" for the stop. */
        Value bounds[2] = {lo, hi};
        int64_t out[2];
        for (int k = 0; k < 2; k++) {
            if (IS_NIL(bounds[k])) {
                out[k] = k == 0 ? len - 1 : -1;
                continue;
            }
            if (!IS_INT(bounds[k])) {
                mte_throw(vm, ERR_TYPE, "slice indices must be integers or nil, not %s",
                          mtv_type_name(bounds[k]));
                return false;
            }
            int64_t x = AS_INT(bounds[k]);
            if (x < 0) x += len;
            if (x < -1) x = -1;
            if (x > len - 1) x = len - 1;
            out[k] = x;
        }
        a = out[0], b = out[1];
        sp->n = a > b ? (int64_t)(((uint64_t)a - (uint64_t)b - 1) / (uint64_t)(-st)) + 1 : 0;
    }
    sp->start = a;
    sp->step = st;
    return true;
}

/* s[lo:hi:step] of a string with a step other than 1: by code points. */
static MT_NOINLINE String *string_step_slice(VM *vm, String *s, const SliceSpan *sp) {
    uint32_t *offs = mtmem_tmp_alloc(vm, ((size_t)s->ncp + 1) * sizeof(uint32_t));
    uint32_t k = 0;
    for (uint32_t b = 0; b < s->len; b++)
        if (((unsigned char)s->chars[b] & 0xC0) != 0x80) offs[k++] = b;
    offs[k] = s->len;
    size_t len = 0;
    for (int64_t i = 0; i < sp->n; i++) {
        int64_t at = sp->start + i * sp->step;
        len += offs[at + 1] - offs[at];
    }
    String *r = mto_string_alloc(vm, len);
    char *p = r->chars;
    for (int64_t i = 0; i < sp->n; i++) {
        int64_t at = sp->start + i * sp->step;
        memcpy(p, s->chars + offs[at], offs[at + 1] - offs[at]);
        p += offs[at + 1] - offs[at];
    }
    mtmem_tmp_free(vm, offs);
    return mto_string_finish(vm, r);
}

static bool sequence_len(VM *vm, Value obj, int64_t *len) {
    if (IS_LIST(obj)) *len = AS_LIST(obj)->count;
    else if (IS_STRING(obj)) *len = AS_STRING(obj)->ncp;
    else if (IS_BYTES(obj)) *len = AS_BYTES(obj)->len;
    else if (IS_TUPLE(obj)) *len = AS_TUPLE(obj)->count;
    else {
        mte_throw(vm, ERR_TYPE, "'%s' object cannot be sliced", mtv_type_name(obj));
        return false;
    }
    return true;
}

bool mtop_slice(VM *vm, Value obj, Value lo, Value hi, Value step, Value *out) {
    int64_t len;
    if (!sequence_len(vm, obj, &len)) return false;
    SliceSpan sp;
    if (!slice_span(vm, lo, hi, step, len, &sp)) return false;
    int64_t a = sp.start, n = sp.n;
    if (IS_STRING(obj)) {
        *out = sp.step == 1
                   ? OBJ_VAL(mto_substring(vm, AS_STRING(obj), (uint32_t)a, (uint32_t)(a + n)))
                   : OBJ_VAL(string_step_slice(vm, AS_STRING(obj), &sp));
        return true;
    }
    if (IS_BYTES(obj)) {
        Bytes *src = AS_BYTES(obj);
        if (sp.step == 1) {
            *out = OBJ_VAL(mto_bytes(vm, src->data + a, (size_t)n));
            return true;
        }
        Bytes *r = mto_bytes_alloc(vm, (size_t)n);
        for (int64_t i = 0; i < n; i++) r->data[i] = src->data[a + i * sp.step];
        *out = OBJ_VAL(r);
        return true;
    }
    if (IS_TUPLE(obj)) {
        Tuple *r = mto_tuple(vm, (uint32_t)n);
        Tuple *src = AS_TUPLE(obj); /* read after the allocation: a tuple never moves */
        for (int64_t i = 0; i < n; i++) r->items[i] = src->items[a + i * sp.step];
        *out = OBJ_VAL(r);
        return true;
    }
    List *r = mto_list(vm, (uint32_t)n);
    List *src = AS_LIST(obj);
    if (sp.step == 1) {
        if (n > 0) memcpy(r->items, src->items + a, (size_t)n * sizeof(Value));
    } else {
        for (int64_t i = 0; i < n; i++) r->items[i] = src->items[a + i * sp.step];
    }
    r->count = (uint32_t)n;
    *out = OBJ_VAL(r);
    return true;
}

bool mtop_set_slice(VM *vm, Value obj, Value lo, Value hi, Value step, Value v) {
    if (!IS_LIST(obj)) {
        mte_throw(vm, ERR_TYPE, "'%s' object does not support slice assignment",
                  mtv_type_name(obj));
        return false;
    }
    List *l = AS_LIST(obj);
    SliceSpan sp;
    if (!slice_span(vm, lo, hi, step, l->count, &sp)) return false;
    const Value *src = IS_LIST(v) ? AS_LIST(v)->items : AS_TUPLE(v)->items;
    uint32_t m = IS_LIST(v) ? AS_LIST(v)->count : AS_TUPLE(v)->count;
    if (sp.step != 1) {
        if ((int64_t)m != sp.n) {
            mte_throw(vm, ERR_VALUE,
                      "attempt to assign sequence of size %u to extended slice of size %lld", m,
                      (long long)sp.n);
            return false;
        }
        for (int64_t i = 0; i < sp.n; i++) l->items[sp.start + i * sp.step] = src[i];
        return true;
    }
    /* The items may be the list's own (xs[1:] = xs): copy them aside first. */
    Value *copy = NULL;
    if (m) {
        copy = mtmem_tmp_alloc(vm, m * sizeof(Value));
        memcpy(copy, src, m * sizeof(Value));
    }
    uint32_t a = (uint32_t)sp.start, b = (uint32_t)(sp.start + sp.n);
    uint32_t count = l->count - (b - a) + m;
    mto_list_reserve(vm, l, count);
    memmove(l->items + a + m, l->items + b, (l->count - b) * sizeof(Value));
    if (m) memcpy(l->items + a, copy, m * sizeof(Value));
    l->count = count;
    if (copy) mtmem_tmp_free(vm, copy);
    return true;
}

bool mtop_del_index(VM *vm, Value obj, Value key) {
    if (IS_LIST(obj)) {
        if (!need_int_index(vm, obj, key)) return false;
        List *l = AS_LIST(obj);
        int64_t k;
        if (!index_of(key, l->count, &k)) {
            mte_throw(vm, ERR_INDEX, "list index %lld out of range (length %u)",
                      (long long)AS_INT(key), l->count);
            return false;
        }
        memmove(l->items + k, l->items + k + 1, (l->count - (uint32_t)k - 1) * sizeof(Value));
        l->count--;
        return true;
    }
    if (IS_MAP(obj)) {
        Value old;
        bool failed;
        if (mtm_delete(vm, AS_MAP(obj), key, &old, &failed)) return true;
        if (failed) return false;
        String *r = mtv_to_string(vm, key, true);
        if (!r) return false;
        mte_throw(vm, ERR_KEY, "%s", r->chars);
        return false;
    }
    mte_throw(vm, ERR_TYPE, "'%s' object does not support item deletion", mtv_type_name(obj));
    return false;
}

bool mtop_del_slice(VM *vm, Value obj, Value lo, Value hi, Value step) {
    if (!IS_LIST(obj)) {
        mte_throw(vm, ERR_TYPE, "'%s' object does not support item deletion", mtv_type_name(obj));
        return false;
    }
    List *l = AS_LIST(obj);
    SliceSpan sp;
    if (!slice_span(vm, lo, hi, step, l->count, &sp)) return false;
    if (sp.n == 0) return true;
    if (sp.step < 0) { /* the same positions, going up */
        sp.start += (sp.n - 1) * sp.step;
        sp.step = -sp.step;
    }
    uint32_t w = (uint32_t)sp.start;
    int64_t next = sp.start, left = sp.n;
    for (uint32_t r = (uint32_t)sp.start; r < l->count; r++) {
        if (left > 0 && (int64_t)r == next) {
            left--;
            next += sp.step;
            continue;
        }
        l->items[w++] = l->items[r];
    }
    l->count = w;
    return true;
}

/* {== Unpacking ==} */

bool mtop_unpackable(VM *vm, Value v, bool slice) {
    if (IS_OBJ(v)) {
        switch ((ObjType)AS_OBJ(v)->type) {
        case OBJ_LIST:
        case OBJ_TUPLE:
        case OBJ_RANGE:
        case OBJ_MAP:
        case OBJ_STRING:
        case OBJ_BYTES:
        case OBJ_CHANNEL:
        case OBJ_INSTANCE: return true;
        case OBJ_FOREIGN:
            if (((Foreign *)AS_OBJ(v))->ops->next) return true;
            break;
        case OBJ_FIBER:
            if (!(AS_OBJ(v)->flags & FIBER_THREAD)) return true;
            break;
        default: break;
        }
    }
    if (slice)
        mte_throw(vm, ERR_TYPE, "can only assign an iterable to a slice, not %s", mtv_type_name(v));
    else mte_throw(vm, ERR_TYPE, "cannot unpack non-iterable %s object", mtv_type_name(v));
    return false;
}

bool mtop_unpack(VM *vm, Value *slot, uint32_t n, uint32_t flags) {
    Value seq = *slot;
    uint32_t count = IS_LIST(seq) ? AS_LIST(seq)->count : AS_TUPLE(seq)->count;
    uint32_t star = flags & UNPACK_STAR_MASK; /* index + 1, or 0 */
    if (!star) {
        if (count != n) {
            mte_throw(vm, ERR_VALUE, "%s values to unpack (expected %u, got %u)",
                      count < n ? "not enough" : "too many", n, count);
            return false;
        }
    } else if (count < n - 1) {
        mte_throw(vm, ERR_VALUE, "not enough values to unpack (expected at least %u, got %u)",
                  n - 1, count);
        return false;
    }
    Value rest = NIL_VAL;
    uint32_t before = star ? star - 1 : n, after = star ? n - star : 0;
    if (star) {
        /* The starred target's list, made before anything is written over seq. */
        uint32_t m = count - before - after;
        List *l = mto_list(vm, m);
        const Value *items = IS_LIST(seq) ? AS_LIST(seq)->items : AS_TUPLE(seq)->items;
        if (m) memcpy(l->items, items + before, m * sizeof(Value));
        l->count = m;
        rest = OBJ_VAL(l);
    }
    const Value *items = IS_LIST(seq) ? AS_LIST(seq)->items : AS_TUPLE(seq)->items;
    bool rev = flags & UNPACK_REVERSED;
    /* Value k of the n goes to slot[k], or slot[n - 1 - k] reversed; seq is read before
       any slot is written only for k = 0, which is the last written reversed. */
    uint32_t k;
    Value first = before ? items[0] : star ? rest : NIL_VAL;
    for (k = 1; k < n; k++) {
        Value v = k < before ? items[k] : k == before && star ? rest : items[count - (n - k)];
        slot[rev ? n - 1 - k : k] = v;
    }
    slot[rev ? n - 1 : 0] = first;
    return true;
}

/* list(v) in v's slot (the top of the stack), then the current instruction again: what
   UNPACK and SET_SLICE do with an iterable that is neither a list nor a tuple, whose
   items may come from Mt code (a coroutine, an iterator's next method). */
static Step collect_then_retry(VM *vm, Fiber *f) {
    Value *sp = f->top;
    f->frames[f->nframes - 1].ip--;
    sp[0] = sp[-1];
    sp[-1] = vm->lib.list;
    f->top = sp + 1;
    return mtcall_call(vm, f, sp - 1, 1);
}

Step mtop_sequence_op(VM *vm, Fiber *f, Instr i) {
    Value *sp = f->top;
    switch (INSTR_OP(i)) {
    case OP_UNPACK: {
        uint32_t n = INSTR_A8(i);
        if (IS_LIST(sp[-1]) || IS_TUPLE(sp[-1])) {
            if (!mtop_unpack(vm, sp - 1, n, INSTR_B16(i))) return STEP_ERROR;
            f->top = sp + n - 1;
            return STEP_DONE;
        }
        if (!mtop_unpackable(vm, sp[-1], false)) return STEP_ERROR;
        return collect_then_retry(vm, f);
    }
    case OP_TUPLE: {
        uint32_t n = INSTR_A(i);
        Tuple *t = mto_tuple(vm, n);
        if (n) memcpy(t->items, sp - n, n * sizeof(Value));
        sp[-(int)n] = OBJ_VAL(t);
        f->top = sp - n + 1;
        return STEP_DONE;
    }
    case OP_LIST_TO_TUPLE: {
        List *l = AS_LIST(sp[-1]);
        sp[-1] = OBJ_VAL(mto_tuple_of(vm, l->items, l->count));
        return STEP_DONE;
    }
    case OP_SLICE3: {
        Value v;
        if (!mtop_slice(vm, sp[-4], sp[-3], sp[-2], sp[-1], &v)) return STEP_ERROR;
        sp[-4] = v;
        f->top = sp - 3;
        return STEP_DONE;
    }
    case OP_SET_SLICE: {
        Value v = sp[-1];
        if (IS_LIST(sp[-5]) && !IS_LIST(v) && !IS_TUPLE(v)) {
            if (!mtop_unpackable(vm, v, true)) return STEP_ERROR;
            return collect_then_retry(vm, f);
        }
        if (!mtop_set_slice(vm, sp[-5], sp[-4], sp[-3], sp[-2], v)) return STEP_ERROR;
        f->top = sp - 5;
        return STEP_DONE;
    }
    case OP_DEL_INDEX:
        if (!mtop_del_index(vm, sp[-2], sp[-1])) return STEP_ERROR;
        f->top = sp - 2;
        return STEP_DONE;
    case OP_DEL_SLICE:
        if (!mtop_del_slice(vm, sp[-4], sp[-3], sp[-2], sp[-1])) return STEP_ERROR;
        f->top = sp - 4;
        return STEP_DONE;
    case OP_ROT: {
        uint32_t n = INSTR_A(i);
        Value x = sp[-1 - (int)n];
        memmove(sp - 1 - n, sp - n, n * sizeof(Value));
        sp[-1] = x;
        return STEP_DONE;
    }
    case OP_REVERSE: {
        for (Value *lo = sp - INSTR_A(i), *hi = sp - 1; lo < hi; lo++, hi--) {
            Value t = *lo;
            *lo = *hi;
            *hi = t;
        }
        return STEP_DONE;
    }
    default: return STEP_DONE;
    }
}

/* {== Iteration ==} */

bool mtop_iterable(VM *vm, Value x) {
    if (!IS_OBJ(x)) return false;
    switch ((ObjType)AS_OBJ(x)->type) {
    case OBJ_TUPLE:
    case OBJ_SET:
    case OBJ_LIST:
    case OBJ_RANGE:
    case OBJ_MAP:
    case OBJ_STRING:
    case OBJ_BYTES:
    case OBJ_CHANNEL: return true;
    case OBJ_FOREIGN: return ((Foreign *)AS_OBJ(x))->ops->next != NULL;
    case OBJ_FIBER: return !(AS_OBJ(x)->flags & FIBER_THREAD);
    case OBJ_INSTANCE: {
        Value m;
        return mtcall_find_method(vm, x, vm->names.iter, &m) ||
               mtcall_find_method(vm, x, vm->names.next, &m);
    }
    default: return false;
    }
}

Step mtop_iter(VM *vm, Fiber *f) {
    Value x = f->top[-1];
    if (IS_OBJ(x)) {
        switch ((ObjType)AS_OBJ(x)->type) {
        case OBJ_LIST:
        case OBJ_TUPLE:
        case OBJ_RANGE:
        case OBJ_MAP:
        case OBJ_SET:
        case OBJ_STRING:
        case OBJ_BYTES:
        case OBJ_CHANNEL: return STEP_DONE;
        case OBJ_FOREIGN:
            if (((Foreign *)AS_OBJ(x))->ops->next) return STEP_DONE;
            break;
        case OBJ_FIBER:
            if (!(AS_OBJ(x)->flags & FIBER_THREAD)) return STEP_DONE;
            break;
        case OBJ_INSTANCE: {
            Value m;
            if (mtcall_find_method(vm, x, vm->names.iter, &m))
                return mtcall_invoke_name(vm, f, 0, vm->names.iter);
            if (mtcall_find_method(vm, x, vm->names.next, &m)) return STEP_DONE;
            mte_throw(vm, ERR_TYPE, "'%s' object is not iterable (it has no iter or next method)",
                      mtv_type_name(x));
            return STEP_ERROR;
        }
        default: break;
        }
    }
    mte_throw(vm, ERR_TYPE, "'%s' object is not iterable", mtv_type_name(x));
    return STEP_ERROR;
}

/* State: nil at the start, then (version << 32) | (position of the next entry to look at). */
static Step map_next(VM *vm, Fiber *f, Map *m, Value st) {
    uint64_t version;
    uint32_t at;
    if (IS_NIL(st)) {
        version = m->version & 0x7fffu;
        at = 0;
    } else {
        uint64_t packed = (uint64_t)AS_INT(st);
        version = packed >> 32;
        at = (uint32_t)(packed & 0xffffffffu);
        if ((m->version & 0x7fffu) != version) {
            mte_throw(vm, ERR_VALUE,
                      m->obj.type == OBJ_SET ? "set changed during iteration"
                                             : "map keys changed during iteration");
            return STEP_ERROR;
        }
    }
    MapNode *n = mtm_from(m, at);
    if (!n) return STEP_JUMP;
    f->top[-1] = mto_int(vm, (int64_t)((version << 32) | (uint32_t)(n - m->nodes + 1)));
    *f->top++ = n->key;
    return STEP_DONE;
}

static Step string_next(VM *vm, Fiber *f, String *s, Value st) {
    uint32_t off = IS_NIL(st) ? 0 : (uint32_t)AS_SMALLINT(st);
    if (off >= s->len) return STEP_JUMP;
    uint32_t end = off + 1;
    while (end < s->len && ((unsigned char)s->chars[end] & 0xC0) == 0x80) end++;
    String *ch = mto_char(vm, s->chars + off, end - off);
    f->top[-1] = SMALLINT_VAL(end);
    *f->top++ = OBJ_VAL(ch);
    return STEP_DONE;
}

/* `for x in b`: the bytes as ints; the state is the index of the next one. */
static Step bytes_next(Fiber *f, Bytes *b, Value st) {
    uint32_t at = IS_NIL(st) ? 0 : (uint32_t)AS_SMALLINT(st);
    if (at >= b->len) return STEP_JUMP;
    f->top[-1] = SMALLINT_VAL(at + 1);
    *f->top++ = SMALLINT_VAL(b->data[at]);
    return STEP_DONE;
}

/* `for x in t`: the state is the index of the next item. */
static Step tuple_next(Fiber *f, Tuple *t, Value st) {
    uint32_t at = IS_NIL(st) ? 0 : (uint32_t)AS_SMALLINT(st);
    if (at >= t->count) return STEP_JUMP;
    f->top[-1] = SMALLINT_VAL(at + 1);
    *f->top++ = t->items[at];
    return STEP_DONE;
}

/* The next item of a foreign object, from its class's `next` hook. */
static Step foreign_next(VM *vm, Fiber *f, Foreign *o) {
    Value *slot = f->top++;
    *slot = OBJ_VAL(o);
    int r = o->ops->next(vm, slot, 0);
    if (r == NATIVE_OK) return STEP_DONE;
    if (r == NATIVE_RETRY) return mtcall_native_result(vm, f, slot, 0, OBJ_VAL(o), r);
    f->top = slot;
    return r == NATIVE_END ? STEP_JUMP : STEP_ERROR;
}

Step mtop_for_iter(VM *vm, Fiber *f) {
    Value it = f->top[-2], st = f->top[-1];
    if (IS_OBJ(it)) {
        Obj *o = AS_OBJ(it);
        switch ((ObjType)o->type) {
        case OBJ_MAP:
        case OBJ_SET: return map_next(vm, f, (Map *)o, st);
        case OBJ_STRING: return string_next(vm, f, (String *)o, st);
        case OBJ_BYTES: return bytes_next(f, (Bytes *)o, st);
        case OBJ_TUPLE: return tuple_next(f, (Tuple *)o, st);
        case OBJ_FIBER: return mtco_for_iter(vm, f, (Fiber *)o);
        case OBJ_CHANNEL: return mtch_for_iter(vm, f, o);
        case OBJ_FOREIGN: return foreign_next(vm, f, (Foreign *)o);
        case OBJ_INSTANCE: *f->top++ = it; return mtcall_invoke_name(vm, f, 0, vm->names.next);
        default: break;
        }
    }
    mte_throw(vm, ERR_TYPE, "'%s' object is not iterable", mtv_type_name(it));
    return STEP_ERROR;
}

/* {== Calling operator methods ==} */

/* The instruction that a frame is executing (stored ip): its word, and the jump word of a
   compare-and-branch (else 0). */
static Instr current_instr(const Frame *fr, Instr *jump) {
    Instr ins = fr->ip[-1];
    *jump = 0;
    if (INSTR_OP(ins) == OP_EXTRA || INSTR_OP(ins) == OP_EXTRA_T) {
        *jump = ins;
        ins = fr->ip[-2];
    }
    return ins;
}

/* The logical operator of a fused or compare-and-branch instruction. */
static int logical_op(Instr ins) {
    switch (INSTR_OP(ins)) {
    case OP_ADD_LK:
    case OP_ADD_LL:
    case OP_ADD_L:
    case OP_ADD_K:
    case OP_K_ADD:
    case OP_ADD_SET_L:
    case OP_ADD_SET_ATTR_L:
    case OP_INC_LOCAL:
    case OP_ADD_ASSIGN_LL: return OP_ADD;
    case OP_SUB_LK:
    case OP_SUB_LL:
    case OP_SUB_K:
    case OP_K_SUB:
    case OP_SUB_SET_L:
    case OP_SUB_SET_ATTR_L:
    case OP_SUB_L: return OP_SUB;
    case OP_MUL_LK:
    case OP_MUL_LL:
    case OP_MUL_K:
    case OP_K_MUL:
    case OP_MUL_SET_L:
    case OP_MUL_SET_ATTR_L:
    case OP_MUL_L: return OP_MUL;
    case OP_DIV_K:
    case OP_K_DIV:
    case OP_DIV_SET_L:
    case OP_DIV_L: return OP_DIV;
    case OP_IDIV_K: return OP_IDIV;
    case OP_MOD_K: return OP_MOD;
    case OP_POW_K: return OP_POW;
    case OP_GET_INDEX_LL:
    case OP_MOVE_INDEX_LL:
    case OP_GET_INDEX_LK: return OP_GET_INDEX;
    case OP_SET_INDEX_LL: return OP_SET_INDEX;
    case OP_JLT_LK:
    case OP_JLT_LL: return OP_LT;
    case OP_JLE_LK:
    case OP_JLE_LL: return OP_LE;
    case OP_JGT_LK:
    case OP_JGT_LL: return OP_GT;
    case OP_JGE_LK:
    case OP_JGE_LL: return OP_GE;
    case OP_JEQ_LK:
    case OP_JEQ_LL: return OP_EQ;
    case OP_JNE_LK:
    case OP_JNE_LL: return OP_NE;
    default: return INSTR_OP(ins);
    }
}

Step mtop_operator_call(VM *vm, Fiber *f) {
    /* Room for the operands the fused forms keep in locals (pushed below). */
    mtf_ensure_stack(vm, f, 4);
    Frame *fr = &f->frames[f->nframes - 1];
    Value *base = frame_base(fr);
    const Value *consts = fr->closure->proto->consts;
    Instr jump;
    Instr ins = current_instr(fr, &jump);
    int op = logical_op(ins);
    /* The operands, and where the call's slots start: slot[0] becomes the receiver. */
    Value ops[3];
    int n = 2;
    Value *slot;
    switch (INSTR_OP(ins)) {
    case OP_ADD_L:
    case OP_SUB_L:
    case OP_MUL_L:
    case OP_DIV_L:
        slot = f->top - 1;
        ops[0] = slot[0];
        ops[1] = base[INSTR_A(ins)];
        break;
    case OP_ADD_K:
    case OP_SUB_K:
    case OP_MUL_K:
    case OP_DIV_K:
    case OP_IDIV_K:
    case OP_MOD_K:
    case OP_POW_K:
        slot = f->top - 1;
        ops[0] = slot[0];
        ops[1] = consts[INSTR_A(ins)];
        break;
    case OP_K_ADD:
    case OP_K_SUB:
    case OP_K_MUL:
    case OP_K_DIV:
        slot = f->top - 1;
        ops[0] = consts[INSTR_A(ins)];
        ops[1] = slot[0];
        break;
    case OP_ADD_LK:
    case OP_SUB_LK:
    case OP_MUL_LK:
    case OP_GET_INDEX_LK:
    case OP_JLT_LK:
    case OP_JLE_LK:
    case OP_JGT_LK:
    case OP_JGE_LK:
    case OP_JEQ_LK:
    case OP_JNE_LK:
        slot = f->top;
        ops[0] = base[INSTR_A8(ins)];
        ops[1] = consts[INSTR_B16(ins)];
        break;
    case OP_ADD_LL:
    case OP_SUB_LL:
    case OP_MUL_LL:
    case OP_ADD_ASSIGN_LL:
    case OP_GET_INDEX_LL:
    case OP_MOVE_INDEX_LL:
    case OP_JLT_LL:
    case OP_JLE_LL:
    case OP_JGT_LL:
    case OP_JGE_LL:
    case OP_JEQ_LL:
    case OP_JNE_LL:
        slot = f->top;
        ops[0] = base[INSTR_A8(ins)];
        ops[1] = base[INSTR_B16(ins)];
        break;
    case OP_INC_LOCAL:
        slot = f->top;
        ops[0] = base[INSTR_A8(ins)];
        ops[1] = SMALLINT_VAL(INSTR_SB16(ins));
        break;
    case OP_NEG:
    case OP_BNOT:
        slot = f->top - 1;
        ops[0] = slot[0];
        n = 1;
        break;
    case OP_IN:
    case OP_NOT_IN: /* [item, container]: the container's method, the item its argument */
        slot = f->top - 2;
        ops[0] = slot[1];
        ops[1] = slot[0];
        break;
    case OP_SET_INDEX:
        slot = f->top - 3;
        ops[0] = slot[0], ops[1] = slot[1], ops[2] = slot[2];
        n = 3;
        break;
    case OP_SET_INDEX_LL:
        slot = f->top - 1;
        ops[2] = slot[0];
        ops[0] = base[INSTR_A8(ins)];
        ops[1] = base[INSTR_B16(ins)];
        n = 3;
        break;
    default: /* the stack forms: [a, b] */
        slot = f->top - 2;
        ops[0] = slot[0], ops[1] = slot[1];
        break;
    }
    /* Which method: the left operand's, else the right one's reflected form. */
    Value m = NIL_VAL;
    bool swap = false;
    switch (op) {
    case OP_NEG: mtop_method(ops[0], vm->names.op_neg, &m); break;
    case OP_BNOT: mtop_method(ops[0], vm->names.op_bnot, &m); break;
    case OP_EQ:
    case OP_NE:
        if (!mtop_method(ops[0], vm->names.op_eq, &m))
            swap = mtop_method(ops[1], vm->names.op_eq, &m);
        break;
    case OP_LT:
    case OP_LE:
    case OP_GT:
    case OP_GE:
        if (!mtop_method(ops[0], compare_name(vm, op, false), &m))
            swap = mtop_method(ops[1], compare_name(vm, op, true), &m);
        break;
    case OP_IN:
    case OP_NOT_IN: mtop_method(ops[0], vm->names.contains, &m); break;
    case OP_GET_INDEX: mtop_method(ops[0], vm->names.op_get, &m); break;
    case OP_SET_INDEX: mtop_method(ops[0], vm->names.op_set, &m); break;
    default:
        if (!mtop_method(ops[0], arith_name(vm, op, false), &m))
            swap = mtop_method(ops[1], arith_name(vm, op, true), &m);
        break;
    }
    if (IS_MAP(ops[0]) &&
        (op == OP_GET_INDEX || op == OP_SET_INDEX || op == OP_IN || op == OP_NOT_IN)) {
        /* A key with a hash method: a prelude function, called with [fn, map, key...]. */
        Value fn = op == OP_GET_INDEX   ? vm->lib.map_get
                   : op == OP_SET_INDEX ? vm->lib.map_set
                                        : vm->lib.map_has;
        slot[0] = fn;
        for (int k = 0; k < n; k++) slot[1 + k] = ops[k];
        f->top = slot + 1 + n;
        if (!mtcall_push_frame(vm, f, AS_CLOSURE(fn), slot, n, FRAME_OPERATOR)) return STEP_ERROR;
        return STEP_FRAME;
    }
    if (!IS_CLOSURE(m) || !(AS_CLOSURE(m)->proto->pflags & PROTO_METHOD)) {
        mte_throw(vm, ERR_TYPE, "operator method of '%s' is not a method",
                  mtv_type_name(swap ? ops[1] : ops[0]));
        return STEP_ERROR;
    }
    if (swap) {
        Value t = ops[0];
        ops[0] = ops[1];
        ops[1] = t;
    }
    for (int k = 0; k < n; k++) slot[k] = ops[k];
    f->top = slot + n;
    if (!mtcall_push_frame(vm, f, AS_CLOSURE(m), slot, n - 1, FRAME_OPERATOR)) return STEP_ERROR;
    return STEP_FRAME;
}

Step mtop_operator_return(VM *vm, Fiber *f) {
    Frame *fr = &f->frames[f->nframes - 1];
    Value *base = frame_base(fr);
    Instr jump;
    Instr ins = current_instr(fr, &jump);
    Value r = f->top[-1];
    switch (INSTR_OP(ins)) {
    case OP_NE: f->top[-1] = BOOL_VAL(!mtv_truthy(r)); break;
    case OP_IN: f->top[-1] = BOOL_VAL(mtv_truthy(r)); break;
    case OP_NOT_IN: f->top[-1] = BOOL_VAL(!mtv_truthy(r)); break;
    case OP_INC_LOCAL:
    case OP_ADD_ASSIGN_LL:
        base[INSTR_A8(ins)] = r;
        f->top--;
        break;
    case OP_ADD_SET_L:
    case OP_SUB_SET_L:
    case OP_MUL_SET_L:
    case OP_DIV_SET_L:
        base[INSTR_A(ins)] = r;
        f->top--;
        break;
    case OP_ADD_SET_ATTR_L:
    case OP_SUB_SET_ATTR_L:
    case OP_MUL_SET_ATTR_L: {
        /* The store SET_ATTR_L would do: the cached field, else the full lookup. */
        AttrCache *ac = &fr->closure->proto->caches[INSTR_B16(ins)];
        Value obj = base[INSTR_A8(ins)];
        Instance *in = IS_INSTANCE(obj) ? AS_INSTANCE(obj) : NULL;
        if (in && ac->klass == in->klass && ac->index < in->nfields) in->fields[ac->index] = r;
        else if (!mtcall_set_cached(vm, obj, ac, r)) return STEP_ERROR;
        f->top--;
        break;
    }
    case OP_SET_INDEX:
    case OP_SET_INDEX_LL: f->top--; break;
    default:
        if (jump) { /* compare-and-branch */
            bool yes = mtv_truthy(r);
            if (logical_op(ins) == OP_NE) yes = !yes;
            f->top--;
            if (yes == (INSTR_OP(jump) == OP_EXTRA_T)) fr->ip += INSTR_SA(jump);
        }
        break;
    }
    return STEP_DONE;
}
