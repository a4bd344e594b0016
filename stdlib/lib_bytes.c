/*
** lib_bytes.c — byte strings: the bytes() constructor, bytes methods, and the UTF-8 codec
** shared with str.encode.
**
** Bytes are raw octets: text becomes bytes only through encode() and bytes become text only
** through decode(), which checks the UTF-8 (Mt's only encoding) and says where it breaks.
*/
#include <stdio.h>

#include "stdlib/lib.h"
#include "vm/value.h"
#include "vm/object.h"
#include "vm/mem.h"
#include "vm/gc.h"
#include "vm/error.h"

#define SELF AS_BYTES(args[0])

/* {== Arguments ==} */

/* Argument i of fn must be bytes (a TypeError naming fn otherwise). */
static bool bytes_arg(VM *vm, Value *args, int i, const char *fn, Bytes **out) {
    if (!IS_BYTES(args[i])) {
        mtlib_type_error(vm, fn, i, "bytes", args[i]);
        return false;
    }
    *out = AS_BYTES(args[i]);
    return true;
}

/* Whether s names UTF-8 as Python spells it ("utf-8", "utf8", "utf_8"), in any case. */
static bool is_utf8_name(const String *s) {
    char low[8];
    if (s->len > 5) return false;
    for (uint32_t i = 0; i <= s->len; i++)
        low[i] = (char)(s->chars[i] >= 'A' && s->chars[i] <= 'Z' ? s->chars[i] + 32 : s->chars[i]);
    return strcmp(low, "utf-8") == 0 || strcmp(low, "utf8") == 0 || strcmp(low, "utf_8") == 0;
}

bool mtbytes_encoding_arg(VM *vm, Value *args, int argc, int i, const char *fn) {
    if (!ARG_GIVEN(args, argc, i)) return true;
    String *enc;
    if (!mtlib_str_arg(vm, args, i, fn, &enc)) return false;
    if (is_utf8_name(enc)) return true;
    mte_throw(vm, ERR_VALUE, "%s(): unsupported encoding '%s' (Mt text is UTF-8: use \"utf-8\")",
              fn, enc->chars);
    return false;
}

/* {== The constructor ==} */

/* bytes(list): every item an int in 0..255. */
static int bytes_from_list(VM *vm, Value *args, List *l) {
    for (uint32_t i = 0; i < l->count; i++) {
        Value v = l->items[i];
        if (!IS_INT(v))
            return mte_throw(vm, ERR_TYPE, "bytes(): item %u is a %s, not an int", i,
                             mtv_type_name(v));
        if (AS_INT(v) < 0 || AS_INT(v) > 255)
            return mte_throw(vm, ERR_VALUE, "bytes(): item %u is %lld, not in range(0, 256)", i,
                             (long long)AS_INT(v));
    }
    Bytes *b = mto_bytes_alloc(vm, l->count);
    for (uint32_t i = 0; i < l->count; i++) b->data[i] = (uint8_t)AS_INT(l->items[i]);
    RETURN(OBJ_VAL(b));
}

/* bytes(n): n zero bytes. */
static int bytes_zeros(VM *vm, Value *args, int64_t n) {
    if (n < 0) return mte_throw(vm, ERR_VALUE, "bytes(): negative count %lld", (long long)n);
    if ((uint64_t)n > UINT32_MAX - 64) return mte_throw(vm, ERR_MEMORY, "bytes too long");
    Bytes *b = mto_bytes_alloc(vm, (size_t)n);
    memset(b->data, 0, (size_t)n);
    RETURN(OBJ_VAL(b));
}

/* bytes(x = nil): b"" (also for nil), n zero bytes, the same bytes, or the ints of any
   iterable. */
static int bytes_new(VM *vm, Value *args, int argc) {
    if (argc == 0 || IS_NIL(args[1])) RETURN(OBJ_VAL(mto_bytes(vm, NULL, 0)));
    Value v = args[1];
    if (IS_INT(v)) return bytes_zeros(vm, args, AS_INT(v));
    if (IS_BYTES(v)) RETURN(v);
    if (IS_LIST(v)) return bytes_from_list(vm, args, AS_LIST(v));
    if (IS_STRING(v))
        return mte_throw(vm, ERR_TYPE, "bytes() of a str needs an encoding: use s.encode()");
    if (!IS_OBJ(v)) return mte_throw(vm, ERR_TYPE, "bytes() cannot convert a %s", mtv_type_name(v));
    /* Any other iterable: its items are gathered in Mt (they may come from Mt code). */
    return mtlib_tail_call(vm, args, mtlib_prelude(vm, "_bytes"), 1, &v);
}

/* {== UTF-8 ==} */

/* The length of the well-formed UTF-8 sequence at p[0..n) (n > 0), or 0 if there is none;
   then *bad is the length of the maximal ill-formed part there (1 to 3 bytes), which
   decoding with "replace" turns into one U+FFFD, as Python and the WHATWG do. */
static size_t utf8_sequence(const uint8_t *p, size_t n, size_t *bad) {
    uint8_t c = p[0], lo = 0x80, hi = 0xBF;
    size_t need;
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) need = 2;
    else if (c >= 0xE0 && c <= 0xEF) need = 3;
    else if (c >= 0xF0 && c <= 0xF4) need = 4;
    else need = 0;
    if (c == 0xE0) lo = 0xA0;      /* overlong */
    else if (c == 0xED) hi = 0x9F; /* surrogates */
    else if (c == 0xF0) lo = 0x90; /* overlong */
    else if (c == 0xF4) hi = 0x8F; /* above U+10FFFF */
    size_t i = 1;
    for (; i < need && i < n; i++) {
        if (p[i] < (i == 1 ? lo : 0x80) || p[i] > (i == 1 ? hi : 0xBF)) break;
    }
    if (need && i == need) return need;
    *bad = i;
    return 0;
}

/* Whether the 8 bytes at p are all ASCII. */
static bool ascii_word(const uint8_t *p) {
    uint64_t w;
    memcpy(&w, p, 8);
    return (w & 0x8080808080808080ull) == 0;
}

typedef enum { DECODE_STRICT, DECODE_REPLACE, DECODE_IGNORE } DecodeErrors;

/* The text of p[0..n) decoded with `errors`, written to out (if not NULL); returns its
   length, or SIZE_MAX with *at the offset of the first error when strict. */
static size_t utf8_decode(const uint8_t *p, size_t n, DecodeErrors errors, char *out, size_t *at) {
    size_t i = 0, o = 0;
    while (i < n) {
        if (i + 8 <= n && ascii_word(p + i)) { /* ASCII runs go a word at a time */
            if (out) memcpy(out + o, p + i, 8);
            o += 8;
            i += 8;
            continue;
        }
        size_t bad, len = utf8_sequence(p + i, n - i, &bad);
        if (len) {
            if (out) memcpy(out + o, p + i, len);
            o += len;
            i += len;
            continue;
        }
        if (errors == DECODE_STRICT) {
            *at = i;
            return SIZE_MAX;
        }
        if (errors == DECODE_REPLACE) {
            if (out) memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
        }
        i += bad;
    }
    return o;
}

static bool decode_errors_arg(VM *vm, Value *args, int argc, DecodeErrors *out) {
    *out = DECODE_STRICT;
    if (!ARG_GIVEN(args, argc, 2)) return true;
    String *e;
    if (!mtlib_str_arg(vm, args, 2, "decode", &e)) return false;
    if (strcmp(e->chars, "replace") == 0) *out = DECODE_REPLACE;
    else if (strcmp(e->chars, "ignore") == 0) *out = DECODE_IGNORE;
    else if (strcmp(e->chars, "strict") != 0) {
        mte_throw(vm, ERR_VALUE,
                  "decode(): unknown errors '%s' (use \"strict\", \"replace\" or \"ignore\")",
                  e->chars);
        return false;
    }
    return true;
}

/* b.decode(encoding = "utf-8", errors = "strict"): the text, measured first, then written
   straight into the new string. */
static int bytes_decode(VM *vm, Value *args, int argc) {
    DecodeErrors errors;
    if (!mtbytes_encoding_arg(vm, args, argc, 1, "decode")) return NATIVE_ERROR;
    if (!decode_errors_arg(vm, args, argc, &errors)) return NATIVE_ERROR;
    size_t at = 0, n = utf8_decode(SELF->data, SELF->len, errors, NULL, &at);
    if (n == SIZE_MAX) return mte_throw(vm, ERR_UNICODE, "invalid UTF-8 at byte %zu", at);
    String *s = mto_string_alloc(vm, n);
    utf8_decode(SELF->data, SELF->len, errors, s->chars, &at);
    RETURN(OBJ_VAL(mto_string_finish(vm, s)));
}

/* {== Other methods ==} */

static int bytes_hex(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    static const char digits[] = "0123456789abcdef";
    String *s = mto_string_alloc(vm, (size_t)SELF->len * 2);
    for (uint32_t i = 0; i < SELF->len; i++) {
        s->chars[2 * i] = digits[SELF->data[i] >> 4];
        s->chars[2 * i + 1] = digits[SELF->data[i] & 15];
    }
    RETURN(OBJ_VAL(mto_string_finish(vm, s)));
}

/* The first occurrence of sub in b at or after byte `from`, or NULL. */
static const uint8_t *find_sub(const Bytes *b, const Bytes *sub, uint32_t from) {
    if (from > b->len || sub->len > b->len - from) return NULL;
    if (sub->len == 0) return b->data + from;
    return memmem(b->data + from, b->len - from, sub->data, sub->len);
}

static int bytes_find(VM *vm, Value *args, int argc) {
    Bytes *sub;
    int64_t start = 0;
    if (!bytes_arg(vm, args, 1, "find", &sub)) return NATIVE_ERROR;
    if (ARG_GIVEN(args, argc, 2) && !mtlib_int_arg(vm, args, 2, "find", &start))
        return NATIVE_ERROR;
    if (start < 0) start = start + SELF->len < 0 ? 0 : start + SELF->len;
    if (start > SELF->len) RETURN(SMALLINT_VAL(-1));
    const uint8_t *at = find_sub(SELF, sub, (uint32_t)start);
    RETURN(SMALLINT_VAL(at ? at - SELF->data : -1));
}

static int bytes_count(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    Bytes *sub;
    if (!bytes_arg(vm, args, 1, "count", &sub)) return NATIVE_ERROR;
    if (sub->len == 0) RETURN(SMALLINT_VAL((int64_t)SELF->len + 1));
    int64_t n = 0;
    const uint8_t *at;
    for (uint32_t off = 0; (at = find_sub(SELF, sub, off)); n++)
        off = (uint32_t)(at - SELF->data) + sub->len;
    RETURN(SMALLINT_VAL(n));
}

static int bytes_startswith(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    Bytes *p;
    if (!bytes_arg(vm, args, 1, "startswith", &p)) return NATIVE_ERROR;
    RETURN(BOOL_VAL(p->len <= SELF->len && memcmp(SELF->data, p->data, p->len) == 0));
}

static int bytes_endswith(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    Bytes *p;
    if (!bytes_arg(vm, args, 1, "endswith", &p)) return NATIVE_ERROR;
    RETURN(BOOL_VAL(p->len <= SELF->len &&
                    memcmp(SELF->data + SELF->len - p->len, p->data, p->len) == 0));
}

/* sep.join(xs): a list of bytes joined in C; other iterables are gathered in Mt first. */
static int bytes_join(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    if (!IS_LIST(args[1])) {
        Value a[2] = {args[0], args[1]};
        return mtlib_tail_call(vm, args, mtlib_prelude(vm, "_join"), 2, a);
    }
    List *l = AS_LIST(args[1]);
    size_t total = l->count > 1 ? (size_t)SELF->len * (l->count - 1) : 0;
    for (uint32_t i = 0; i < l->count; i++) {
        if (!IS_BYTES(l->items[i]))
            return mte_throw(vm, ERR_TYPE, "join(): item %u is a %s, not bytes", i,
                             mtv_type_name(l->items[i]));
        total += AS_BYTES(l->items[i])->len;
    }
    if (total > UINT32_MAX - 64) return mte_throw(vm, ERR_MEMORY, "join(): result too long");
    Bytes *r = mto_bytes_alloc(vm, total);
    uint8_t *o = r->data;
    for (uint32_t i = 0; i < l->count; i++) {
        Bytes *part = AS_BYTES(l->items[i]);
        if (i) {
            memcpy(o, SELF->data, SELF->len);
            o += SELF->len;
        }
        memcpy(o, part->data, part->len);
        o += part->len;
    }
    RETURN(OBJ_VAL(r));
}

static bool is_space(uint8_t c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/* Appends the bytes p[0..n) to the list (both rooted by the caller). */
static void push_piece(VM *vm, List *out, const uint8_t *p, size_t n) {
    mto_list_push(vm, out, OBJ_VAL(mto_bytes(vm, p, n)));
}

/* split() on runs of ASCII whitespace, without empty fields. */
static void split_space(VM *vm, List *out, const Bytes *b, int64_t maxsplit) {
    const uint8_t *p = b->data, *end = b->data + b->len;
    for (int64_t splits = 0;; splits++) {
        while (p < end && is_space(*p)) p++;
        if (p >= end) return;
        const uint8_t *q = p;
        if (maxsplit >= 0 && splits >= maxsplit) {
            for (q = end; q > p && is_space(q[-1]);) q--;
        } else {
            while (q < end && !is_space(*q)) q++;
        }
        push_piece(vm, out, p, (size_t)(q - p));
        p = q;
    }
}

/* split(sep) on each occurrence of sep, keeping empty fields. */
static void split_sep(VM *vm, List *out, const Bytes *b, const Bytes *sep, int64_t maxsplit) {
    uint32_t from = 0;
    for (int64_t splits = 0;; splits++) {
        const uint8_t *at = maxsplit >= 0 && splits >= maxsplit ? NULL : find_sub(b, sep, from);
        if (!at) break;
        push_piece(vm, out, b->data + from, (size_t)(at - b->data) - from);
        from = (uint32_t)(at - b->data) + sep->len;
    }
    push_piece(vm, out, b->data + from, b->len - from);
}

static int bytes_split(VM *vm, Value *args, int argc) {
    Bytes *sep = NULL;
    int64_t maxsplit = -1;
    if (ARG_GIVEN(args, argc, 1) && !IS_NIL(args[1]) && !bytes_arg(vm, args, 1, "split", &sep))
        return NATIVE_ERROR;
    if (ARG_GIVEN(args, argc, 2) && !mtlib_int_arg(vm, args, 2, "split", &maxsplit))
        return NATIVE_ERROR;
    if (sep && sep->len == 0) return mte_throw(vm, ERR_VALUE, "split(): empty separator");
    List *out = mto_list(vm, 0);
    mtgc_push_temp(vm, OBJ_VAL(out));
    if (sep) split_sep(vm, out, SELF, sep, maxsplit);
    else split_space(vm, out, SELF, maxsplit);
    mtgc_pop_temp(vm, 1);
    RETURN(OBJ_VAL(out));
}

static const char *const p_decode[] = {"encoding", "errors", NULL};
static const char *const p_find[] = {"sub", "start", NULL};
static const char *const p_split[] = {"sep", "maxsplit", NULL};

static const LibReg bytes_lib[] = {
    {"bytes", bytes_new, 0, 1, NULL, false},
    {NULL, NULL, 0, 0, NULL, false},
};

static const LibReg bytes_methods[] = {
    {"decode", bytes_decode, 0, 2, p_decode, false},
    {"hex", bytes_hex, 0, 0, NULL, false},
    {"find", bytes_find, 1, 2, p_find, false},
    {"count", bytes_count, 1, 1, NULL, false},
    {"startswith", bytes_startswith, 1, 1, NULL, false},
    {"endswith", bytes_endswith, 1, 1, NULL, false},
    {"join", bytes_join, 1, 1, NULL, false},
    {"split", bytes_split, 0, 2, p_split, false},
    {NULL, NULL, 0, 0, NULL, false},
};

void mtbytes_open(VM *vm) {
    mtlib_register(vm, bytes_lib);
    mtlib_register_methods(vm, TYPE_BYTES, bytes_methods);
}
