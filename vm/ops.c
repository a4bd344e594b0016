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
bad:
    return operand_error(vm, op, a, b);
}

bool mtop_compare(VM *vm, int op, Value a, Value b, Value *out) {
    int c;
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
    if (IS_LIST(c)) {
        List *l = AS_LIST(c);
        for (uint32_t i = 0; i < l->count; i++) {
            int e = mtv_equal(vm, l->items[i], item);
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

bool mtop_slice(VM *vm, Value obj, Value lo, Value hi, Value *out) {
    int64_t len;
    if (IS_LIST(obj)) len = AS_LIST(obj)->count;
    else if (IS_STRING(obj)) len = AS_STRING(obj)->ncp;
    else if (IS_BYTES(obj)) len = AS_BYTES(obj)->len;
    else {
        mte_throw(vm, ERR_TYPE, "'%s' object cannot be sliced", mtv_type_name(obj));
        return false;
    }
    int64_t a, b;
    if (!slice_bound(vm, lo, len, 0, &a) || !slice_bound(vm, hi, len, len, &b)) return false;
    if (b < a) b = a;
    if (IS_STRING(obj)) {
        *out = OBJ_VAL(mto_substring(vm, AS_STRING(obj), (uint32_t)a, (uint32_t)b));
        return true;
    }
    if (IS_BYTES(obj)) {
        *out = OBJ_VAL(mto_bytes(vm, AS_BYTES(obj)->data + a, (size_t)(b - a)));
        return true;
    }
    List *src = AS_LIST(obj);
    List *r = mto_list(vm, (uint32_t)(b - a));
    if (b > a) memcpy(r->items, src->items + a, (size_t)(b - a) * sizeof(Value));
    r->count = (uint32_t)(b - a);
    *out = OBJ_VAL(r);
    return true;
}

/* {== Iteration ==} */

Step mtop_iter(VM *vm, Fiber *f) {
    Value x = f->top[-1];
    if (IS_OBJ(x)) {
        switch ((ObjType)AS_OBJ(x)->type) {
        case OBJ_LIST:
        case OBJ_RANGE:
        case OBJ_MAP:
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

/* State: nil at the start, then (version << 32) | (index of the next node + 1), with 0
   for "no more". */
static Step map_next(VM *vm, Fiber *f, Map *m, Value st) {
    uint64_t version;
    int32_t at;
    if (IS_NIL(st)) {
        version = m->version & 0x7fffu;
        at = m->head;
    } else {
        uint64_t packed = (uint64_t)AS_INT(st);
        version = packed >> 32;
        at = (int32_t)(packed & 0xffffffffu) - 1;
        if ((m->version & 0x7fffu) != version) {
            mte_throw(vm, ERR_VALUE, "map keys changed during iteration");
            return STEP_ERROR;
        }
    }
    if (at < 0) return STEP_JUMP;
    MapNode *n = &m->nodes[at];
    f->top[-1] = mto_int(vm, (int64_t)((version << 32) | (uint32_t)(n->next + 1)));
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
        case OBJ_MAP: return map_next(vm, f, (Map *)o, st);
        case OBJ_STRING: return string_next(vm, f, (String *)o, st);
        case OBJ_BYTES: return bytes_next(f, (Bytes *)o, st);
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
    case OP_INC_LOCAL:
    case OP_ADD_ASSIGN_LL: return OP_ADD;
    case OP_SUB_LK:
    case OP_SUB_LL:
    case OP_SUB_L: return OP_SUB;
    case OP_MUL_LK:
    case OP_MUL_LL:
    case OP_MUL_L: return OP_MUL;
    case OP_DIV_L: return OP_DIV;
    case OP_GET_INDEX_LL:
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
    MT_UNUSED(vm);
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
