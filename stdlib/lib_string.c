/*
** lib_string.c — str methods for searching, splitting and building text; positions and
** lengths count code points. (The methods that need Unicode's tables are in lib_unicode.c.)
*/
#include <stdlib.h>
#include <utf8proc.h>

#include "stdlib/lib.h"
#include "vm/value.h"
#include "vm/object.h"
#include "vm/mem.h"
#include "vm/gc.h"
#include "vm/error.h"

#define SELF AS_STRING(args[0])

/* Decodes the code point at p (valid UTF-8 assumed: strings are validated on the way in). */
static int32_t decode(const char *p, const char *end, int *len) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)p, end - p, &cp);
    if (n <= 0) {
        *len = 1;
        return 0xFFFD;
    }
    *len = (int)n;
    return cp;
}

/* {== Searching ==} */

/* The code point index of a position in s (O(1) when s is ASCII or was just indexed
   near there: see mto_utf8_seek). */
static uint32_t cp_index_of(VM *vm, String *s, const char *at) {
    return mto_cp_index(vm, s, (uint32_t)(at - s->chars));
}

static const char *find_sub(String *h, String *n, uint32_t from_byte) {
    if (from_byte > h->len) return NULL;
    if (n->len == 0) return h->chars + from_byte;
    return memmem(h->chars + from_byte, h->len - from_byte, n->chars, n->len);
}

static bool start_arg(VM *vm, Value *args, int argc, int i, String *s, uint32_t *byte) {
    *byte = 0;
    if (!ARG_GIVEN(args, argc, i)) return true;
    int64_t k;
    if (!mtlib_int_arg(vm, args, i, "find", &k)) return false;
    if (k < 0) k += s->ncp;
    if (k < 0) k = 0;
    if (k > s->ncp) k = s->ncp;
    *byte = mto_utf8_seek(vm, s, (uint32_t)k);
    return true;
}

static int str_find(VM *vm, Value *args, int argc) {
    String *sub;
    uint32_t from;
    if (!mtlib_str_arg(vm, args, 1, "find", &sub) || !start_arg(vm, args, argc, 2, SELF, &from))
        return NATIVE_ERROR;
    const char *at = find_sub(SELF, sub, from);
    RETURN(SMALLINT_VAL(at ? (int64_t)cp_index_of(vm, SELF, at) : -1));
}

static int str_index(VM *vm, Value *args, int argc) {
    String *sub;
    uint32_t from;
    if (!mtlib_str_arg(vm, args, 1, "index", &sub) || !start_arg(vm, args, argc, 2, SELF, &from))
        return NATIVE_ERROR;
    const char *at = find_sub(SELF, sub, from);
    if (!at) return mte_throw(vm, ERR_VALUE, "substring not found");
    RETURN(SMALLINT_VAL(cp_index_of(vm, SELF, at)));
}

static int str_count(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    String *sub;
    if (!mtlib_str_arg(vm, args, 1, "count", &sub)) return NATIVE_ERROR;
    if (sub->len == 0) RETURN(SMALLINT_VAL(SELF->ncp + 1));
    int64_t n = 0;
    uint32_t off = 0;
    const char *at;
    while ((at = find_sub(SELF, sub, off))) {
        n++;
        off = (uint32_t)(at - SELF->chars) + sub->len;
    }
    RETURN(SMALLINT_VAL(n));
}

static int str_startswith(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    String *p;
    if (!mtlib_str_arg(vm, args, 1, "startswith", &p)) return NATIVE_ERROR;
    RETURN(BOOL_VAL(p->len <= SELF->len && memcmp(SELF->chars, p->chars, p->len) == 0));
}

static int str_endswith(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    String *p;
    if (!mtlib_str_arg(vm, args, 1, "endswith", &p)) return NATIVE_ERROR;
    RETURN(BOOL_VAL(p->len <= SELF->len &&
                    memcmp(SELF->chars + SELF->len - p->len, p->chars, p->len) == 0));
}

/* s.encode(encoding = "utf-8"): the UTF-8 bytes of the text (a str is always valid UTF-8,
   so this never fails). */
static int str_encode(VM *vm, Value *args, int argc) {
    if (!mtbytes_encoding_arg(vm, args, argc, 1, "encode")) return NATIVE_ERROR;
    RETURN(OBJ_VAL(mto_bytes(vm, SELF->chars, SELF->len)));
}

/* {== Building ==} */

static int str_join(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    if (!IS_LIST(args[1])) {
        Value a[2] = {args[0], args[1]};
        return mtlib_tail_call(vm, args, mtlib_prelude(vm, "_join"), 2, a);
    }
    String *sep = SELF;
    List *l = AS_LIST(args[1]);
    size_t total = 0;
    bool ascii = (sep->obj.flags & STR_ASCII) != 0;
    for (uint32_t i = 0; i < l->count; i++) {
        Value v = l->items[i];
        if (!IS_STRING(v))
            return mte_throw(vm, ERR_TYPE, "join(): item %u is a %s, not a str", i,
                             mtv_type_name(v));
        total += AS_STRING(v)->len;
        ascii = ascii && (AS_STRING(v)->obj.flags & STR_ASCII);
    }
    if (l->count > 1) total += (size_t)sep->len * (l->count - 1);
    if (total > UINT32_MAX - 64) return mte_throw(vm, ERR_MEMORY, "join(): result too long");
    String *r = mto_string_alloc(vm, total);
    char *o = r->chars;
    for (uint32_t i = 0; i < l->count; i++) {
        if (i) {
            memcpy(o, sep->chars, sep->len);
            o += sep->len;
        }
        String *s = AS_STRING(l->items[i]);
        memcpy(o, s->chars, s->len);
        o += s->len;
    }
    if (ascii) {
        r->obj.flags |= STR_ASCII;
        r->ncp = r->len;
    } else {
        mto_string_finish(vm, r);
    }
    RETURN(OBJ_VAL(r));
}

static bool is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static int str_split(VM *vm, Value *args, int argc) {
    String *s = SELF;
    String *sep = NULL;
    int64_t maxsplit = -1;
    if (ARG_GIVEN(args, argc, 1) && !IS_NIL(args[1]) && !mtlib_str_arg(vm, args, 1, "split", &sep))
        return NATIVE_ERROR;
    if (ARG_GIVEN(args, argc, 2) && !mtlib_int_arg(vm, args, 2, "split", &maxsplit))
        return NATIVE_ERROR;
    if (sep && sep->len == 0) return mte_throw(vm, ERR_VALUE, "split(): empty separator");
    List *out = mto_list(vm, 0);
    mtgc_push_temp(vm, OBJ_VAL(out));
    const char *p = s->chars, *end = s->chars + s->len;
    int64_t splits = 0;
    if (!sep) {
        while (p < end) {
            while (p < end && is_space((unsigned char)*p)) p++;
            if (p >= end) break;
            const char *q = p;
            if (maxsplit >= 0 && splits >= maxsplit) q = end;
            else
                while (q < end && !is_space((unsigned char)*q)) q++;
            if (maxsplit >= 0 && splits >= maxsplit) {
                const char *e = end;
                while (e > p && is_space((unsigned char)e[-1])) e--;
                q = e;
            }
            mto_list_push(vm, out, OBJ_VAL(mto_string(vm, p, (size_t)(q - p))));
            splits++;
            p = q;
        }
    } else {
        for (;;) {
            const char *at = (maxsplit >= 0 && splits >= maxsplit)
                                 ? NULL
                                 : memmem(p, (size_t)(end - p), sep->chars, sep->len);
            if (!at) {
                mto_list_push(vm, out, OBJ_VAL(mto_string(vm, p, (size_t)(end - p))));
                break;
            }
            mto_list_push(vm, out, OBJ_VAL(mto_string(vm, p, (size_t)(at - p))));
            splits++;
            p = at + sep->len;
        }
    }
    mtgc_pop_temp(vm, 1);
    RETURN(OBJ_VAL(out));
}

static int strip_impl(VM *vm, Value *args, int argc, bool left, bool right) {
    String *s = SELF, *chars = NULL;
    if (ARG_GIVEN(args, argc, 1) && !IS_NIL(args[1]) &&
        !mtlib_str_arg(vm, args, 1, "strip", &chars))
        return NATIVE_ERROR;
    const char *p = s->chars, *end = s->chars + s->len;
    if (!chars) {
        if (left)
            while (p < end && is_space((unsigned char)*p)) p++;
        if (right)
            while (end > p && is_space((unsigned char)end[-1])) end--;
    } else {
        /* Strip whole code points that occur in `chars`. */
        if (left)
            while (p < end) {
                int len;
                decode(p, end, &len);
                if (!memmem(chars->chars, chars->len, p, (size_t)len)) break;
                p += len;
            }
        if (right)
            while (end > p) {
                const char *q = end - 1;
                while (q > p && ((unsigned char)*q & 0xC0) == 0x80) q--;
                if (!memmem(chars->chars, chars->len, q, (size_t)(end - q))) break;
                end = q;
            }
    }
    if (p == s->chars && end == s->chars + s->len) RETURN(args[0]);
    RETURN(OBJ_VAL(mto_string(vm, p, (size_t)(end - p))));
}

static int str_strip(VM *vm, Value *args, int argc) {
    return strip_impl(vm, args, argc, true, true);
}
static int str_lstrip(VM *vm, Value *args, int argc) {
    return strip_impl(vm, args, argc, true, false);
}
static int str_rstrip(VM *vm, Value *args, int argc) {
    return strip_impl(vm, args, argc, false, true);
}

static int str_replace(VM *vm, Value *args, int argc) {
    String *s = SELF, *old, *rep;
    int64_t count = -1;
    if (!mtlib_str_arg(vm, args, 1, "replace", &old) ||
        !mtlib_str_arg(vm, args, 2, "replace", &rep))
        return NATIVE_ERROR;
    if (ARG_GIVEN(args, argc, 3) && !mtlib_int_arg(vm, args, 3, "replace", &count))
        return NATIVE_ERROR;
    if (old->len == 0) return mte_throw(vm, ERR_VALUE, "replace(): empty pattern");
    /* Count first, then build the result in the string itself: no temporary buffer. */
    const char *end = s->chars + s->len;
    int64_t found = 0;
    for (const char *p = s->chars, *at;
         (count < 0 || found < count) && (at = memmem(p, (size_t)(end - p), old->chars, old->len));
         p = at + old->len)
        found++;
    uint64_t n = (uint64_t)s->len + (uint64_t)found * rep->len - (uint64_t)found * old->len;
    if (n > UINT32_MAX - 64) return mte_throw(vm, ERR_MEMORY, "replace(): result too long");
    String *r = mto_string_alloc(vm, (size_t)n);
    char *out = r->chars;
    const char *p = s->chars;
    for (int64_t i = 0; i < found; i++) {
        const char *at = memmem(p, (size_t)(end - p), old->chars, old->len);
        memcpy(out, p, (size_t)(at - p));
        out += at - p;
        memcpy(out, rep->chars, rep->len);
        out += rep->len;
        p = at + old->len;
    }
    memcpy(out, p, (size_t)(end - p));
    RETURN(OBJ_VAL(mto_string_finish(vm, r)));
}

/* s.rfind(sub) and s.rindex(sub): the last occurrence. */
static const char *rfind_sub(String *h, String *n) {
    if (n->len > h->len) return NULL;
    for (const char *p = h->chars + (h->len - n->len);; p--) {
        if (memcmp(p, n->chars, n->len) == 0) return p;
        if (p == h->chars) return NULL;
    }
}

static int str_rfind(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    String *sub;
    if (!mtlib_str_arg(vm, args, 1, "rfind", &sub)) return NATIVE_ERROR;
    const char *at = rfind_sub(SELF, sub);
    RETURN(SMALLINT_VAL(at ? (int64_t)cp_index_of(vm, SELF, at) : -1));
}

static int str_rindex(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    String *sub;
    if (!mtlib_str_arg(vm, args, 1, "rindex", &sub)) return NATIVE_ERROR;
    const char *at = rfind_sub(SELF, sub);
    if (!at) return mte_throw(vm, ERR_VALUE, "substring not found");
    RETURN(SMALLINT_VAL(cp_index_of(vm, SELF, at)));
}

/* {== Padding ==} */

/* The width argument (args[1]) and the fill character (args[2], default " "). */
static bool pad_args(VM *vm, Value *args, int argc, const char *fn, int64_t *width, String **fill) {
    if (!mtlib_int_arg(vm, args, 1, fn, width)) return false;
    *fill = NULL;
    if (ARG_GIVEN(args, argc, 2)) {
        if (!mtlib_str_arg(vm, args, 2, fn, fill)) return false;
        if ((*fill)->ncp != 1) {
            mte_throw(vm, ERR_TYPE, "%s() expected a fill character, but got a string of length %u",
                      fn, (*fill)->ncp);
            return false;
        }
    }
    return true;
}

/* s with `left` fill characters before it and `right` after. */
static String *padded(VM *vm, String *s, String *fill, int64_t left, int64_t right) {
    const char *f = fill ? fill->chars : " ";
    size_t flen = fill ? fill->len : 1;
    uint64_t n = (uint64_t)s->len + (uint64_t)(left + right) * flen;
    if (n > UINT32_MAX - 64) {
        mte_throw(vm, ERR_MEMORY, "string too long");
        return NULL;
    }
    String *r = mto_string_alloc(vm, (size_t)n);
    char *o = r->chars;
    for (int64_t i = 0; i < left; i++, o += flen) memcpy(o, f, flen);
    memcpy(o, s->chars, s->len);
    o += s->len;
    for (int64_t i = 0; i < right; i++, o += flen) memcpy(o, f, flen);
    return mto_string_finish(vm, r);
}

/* center, ljust, rjust: `how` 0 centres, 1 pads on the right, 2 on the left. Centring splits
   an odd number of fill characters as Python does (the extra one goes right when the width
   is even, left when it is odd), so the same call lays text out the same way in both. */
static int pad(VM *vm, Value *args, int argc, int how, const char *fn) {
    int64_t width;
    String *fill, *s = SELF;
    if (!pad_args(vm, args, argc, fn, &width, &fill)) return NATIVE_ERROR;
    if (width <= (int64_t)s->ncp) RETURN(args[0]);
    int64_t total = width - s->ncp, left;
    if (how == 0) left = total / 2 + (total & width & 1);
    else left = how == 1 ? 0 : total;
    String *r = padded(vm, s, fill, left, total - left);
    if (!r) return NATIVE_ERROR;
    RETURN(OBJ_VAL(r));
}

static int str_center(VM *vm, Value *args, int argc) { return pad(vm, args, argc, 0, "center"); }
static int str_ljust(VM *vm, Value *args, int argc) { return pad(vm, args, argc, 1, "ljust"); }
static int str_rjust(VM *vm, Value *args, int argc) { return pad(vm, args, argc, 2, "rjust"); }

/* s.zfill(width): zeros on the left up to width code points, after a leading sign. */
static int str_zfill(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    int64_t width;
    String *s = SELF;
    if (!mtlib_int_arg(vm, args, 1, "zfill", &width)) return NATIVE_ERROR;
    if (width <= (int64_t)s->ncp) RETURN(args[0]);
    size_t zeros = (size_t)(width - s->ncp);
    if (zeros > UINT32_MAX - 64 - s->len) return mte_throw(vm, ERR_MEMORY, "string too long");
    String *r = mto_string_alloc(vm, s->len + zeros);
    size_t sign = s->len > 0 && (s->chars[0] == '-' || s->chars[0] == '+');
    memcpy(r->chars, s->chars, sign);
    memset(r->chars + sign, '0', zeros);
    memcpy(r->chars + sign + zeros, s->chars + sign, s->len - sign);
    RETURN(OBJ_VAL(mto_string_finish(vm, r)));
}

/* s.expandtabs(tabsize = 8): each tab becomes the spaces up to the next multiple of
   tabsize columns (a column is a code point; a newline or carriage return restarts them). */
static int str_expandtabs(VM *vm, Value *args, int argc) {
    String *s = SELF;
    int64_t size = 8;
    if (ARG_GIVEN(args, argc, 1) && !mtlib_int_arg(vm, args, 1, "expandtabs", &size))
        return NATIVE_ERROR;
    if (size < 0) size = 0;
    if (size > 1 << 20) return mte_throw(vm, ERR_VALUE, "expandtabs(): tabsize too large");
    uint64_t n = 0, col = 0;
    for (uint32_t i = 0; i < s->len; i++) {
        unsigned char c = (unsigned char)s->chars[i];
        if (c == '\t') {
            uint64_t k = size ? (uint64_t)size - col % (uint64_t)size : 0;
            n += k;
            col += k;
        } else {
            n++;
            if (c == '\n' || c == '\r') col = 0;
            else if ((c & 0xC0) != 0x80) col++;
        }
        if (n > UINT32_MAX - 64) return mte_throw(vm, ERR_MEMORY, "string too long");
    }
    if (n == s->len) RETURN(args[0]);
    String *r = mto_string_alloc(vm, (size_t)n);
    char *o = r->chars;
    col = 0;
    for (uint32_t i = 0; i < s->len; i++) {
        unsigned char c = (unsigned char)s->chars[i];
        if (c == '\t') {
            uint64_t k = size ? (uint64_t)size - col % (uint64_t)size : 0;
            memset(o, ' ', (size_t)k);
            o += k;
            col += k;
        } else {
            *o++ = (char)c;
            if (c == '\n' || c == '\r') col = 0;
            else if ((c & 0xC0) != 0x80) col++;
        }
    }
    RETURN(OBJ_VAL(mto_string_finish(vm, r)));
}

/* {== Partition and lines ==} */

/* partition/rpartition: [before, sep, after] around the first (last) occurrence; without
   one, [s, "", ""] (partition) or ["", "", s] (rpartition). */
static int partition(VM *vm, Value *args, bool last, const char *fn) {
    String *s = SELF, *sep;
    if (!mtlib_str_arg(vm, args, 1, fn, &sep)) return NATIVE_ERROR;
    if (sep->len == 0) return mte_throw(vm, ERR_VALUE, "%s(): empty separator", fn);
    const char *at = last ? rfind_sub(s, sep) : find_sub(s, sep, 0);
    Value parts[3];
    Value empty = OBJ_VAL(mto_intern(vm, "", 0));
    mtgc_push_temp(vm, empty);
    if (!at) {
        parts[0] = last ? empty : args[0];
        parts[1] = empty;
        parts[2] = last ? args[0] : empty;
    } else {
        parts[0] = OBJ_VAL(mto_string(vm, s->chars, (size_t)(at - s->chars)));
        mtgc_push_temp(vm, parts[0]);
        const char *rest = at + sep->len;
        parts[2] = OBJ_VAL(mto_string(vm, rest, (size_t)(s->chars + s->len - rest)));
        mtgc_push_temp(vm, parts[2]);
        parts[1] = args[1];
    }
    Tuple *out = mto_tuple_of(vm, parts, 3);
    mtgc_pop_temp(vm, at ? 3 : 1);
    RETURN(OBJ_VAL(out));
}

static int str_partition(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    return partition(vm, args, false, "partition");
}

static int str_rpartition(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    return partition(vm, args, true, "rpartition");
}

/* The length of the line break at p (0 if none): \n, \r, \r\n, \v, \f, \x1c-\x1e, U+0085,
   U+2028 and U+2029, the breaks Python's splitlines knows. */
static int line_break(const char *p, const char *end) {
    unsigned char c = (unsigned char)p[0];
    if (c == '\r') return p + 1 < end && p[1] == '\n' ? 2 : 1;
    if (c == '\n' || c == '\v' || c == '\f' || (c >= 0x1c && c <= 0x1e)) return 1;
    if (c == 0xC2 && p + 1 < end && (unsigned char)p[1] == 0x85) return 2;
    if (c == 0xE2 && p + 2 < end && (unsigned char)p[1] == 0x80 &&
        ((unsigned char)p[2] == 0xA8 || (unsigned char)p[2] == 0xA9))
        return 3;
    return 0;
}

/* s.splitlines(keepends = false): the lines, without (or with) their line breaks; no empty
   last line for text that ends with a break. */
static int str_splitlines(VM *vm, Value *args, int argc) {
    String *s = SELF;
    bool keep = ARG_GIVEN(args, argc, 1) && mtv_truthy(args[1]);
    List *out = mto_list(vm, 0);
    mtgc_push_temp(vm, OBJ_VAL(out));
    const char *p = s->chars, *end = s->chars + s->len, *line = p;
    while (p < end) {
        int n = line_break(p, end);
        if (!n) {
            p++;
            continue;
        }
        size_t len = (size_t)(p - line) + (keep ? (size_t)n : 0);
        mto_list_push(vm, out, OBJ_VAL(mto_string(vm, line, len)));
        p += n;
        line = p;
    }
    if (line < end) mto_list_push(vm, out, OBJ_VAL(mto_string(vm, line, (size_t)(end - line))));
    mtgc_pop_temp(vm, 1);
    RETURN(OBJ_VAL(out));
}

static const char *const p_split[] = {"sep", "maxsplit", NULL};
static const char *const p_replace[] = {"old", "new", "count", NULL};
static const char *const p_find[] = {"sub", "start", NULL};

static const char *const p_encode[] = {"encoding", NULL};
static const char *const p_pad[] = {"width", "fill", NULL};
static const char *const p_tabs[] = {"tabsize", NULL};
static const char *const p_lines[] = {"keepends", NULL};

static const LibReg string_methods[] = {
    {"find", str_find, 1, 2, p_find, false},
    {"index", str_index, 1, 2, p_find, false},
    {"count", str_count, 1, 1, NULL, false},
    {"startswith", str_startswith, 1, 1, NULL, false},
    {"endswith", str_endswith, 1, 1, NULL, false},
    {"join", str_join, 1, 1, NULL, false},
    {"split", str_split, 0, 2, p_split, false},
    {"strip", str_strip, 0, 1, NULL, false},
    {"lstrip", str_lstrip, 0, 1, NULL, false},
    {"rstrip", str_rstrip, 0, 1, NULL, false},
    {"replace", str_replace, 2, 3, p_replace, false},
    {"encode", str_encode, 0, 1, p_encode, false},
    {"rfind", str_rfind, 1, 1, NULL, false},
    {"rindex", str_rindex, 1, 1, NULL, false},
    {"center", str_center, 1, 2, p_pad, false},
    {"ljust", str_ljust, 1, 2, p_pad, false},
    {"rjust", str_rjust, 1, 2, p_pad, false},
    {"zfill", str_zfill, 1, 1, NULL, false},
    {"expandtabs", str_expandtabs, 0, 1, p_tabs, false},
    {"partition", str_partition, 1, 1, NULL, false},
    {"rpartition", str_rpartition, 1, 1, NULL, false},
    {"splitlines", str_splitlines, 0, 1, p_lines, false},
    {NULL, NULL, 0, 0, NULL, false},
};

void mtstr_open(VM *vm) { mtlib_register_methods(vm, TYPE_STR, string_methods); }
