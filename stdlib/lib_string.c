/*
** lib_string.c — str methods. Case mapping, normalisation and grapheme clusters come from
** utf8proc; positions and lengths count code points.
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

static String *map_case(VM *vm, String *s, bool upper) {
    if (s->obj.flags & STR_ASCII) {
        String *r = mto_string_alloc(vm, s->len);
        for (uint32_t i = 0; i < s->len; i++) {
            char c = s->chars[i];
            if (upper && c >= 'a' && c <= 'z') c = (char)(c - 32);
            else if (!upper && c >= 'A' && c <= 'Z') c = (char)(c + 32);
            r->chars[i] = c;
        }
        return mto_string_finish(vm, r);
    }
    /* Two passes over the text (measure, then write into the string itself) keep the
       result out of a temporary buffer. */
    const char *end = s->chars + s->len;
    size_t n = 0;
    utf8proc_uint8_t enc[4];
    for (const char *p = s->chars; p < end;) {
        int len;
        int32_t cp = decode(p, end, &len);
        p += len;
        n += (size_t)utf8proc_encode_char(upper ? utf8proc_toupper(cp) : utf8proc_tolower(cp), enc);
    }
    String *r = mto_string_alloc(vm, n);
    n = 0;
    for (const char *p = s->chars; p < end;) {
        int len;
        int32_t cp = decode(p, end, &len);
        p += len;
        cp = upper ? utf8proc_toupper(cp) : utf8proc_tolower(cp);
        n += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)r->chars + n);
    }
    return mto_string_finish(vm, r);
}

static int str_upper(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    RETURN(OBJ_VAL(map_case(vm, SELF, true)));
}

static int str_lower(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    RETURN(OBJ_VAL(map_case(vm, SELF, false)));
}

/* Normalises s as utf8proc_map would, but in a buffer of the VM's (utf8proc_map uses
   malloc): decompose into code points, then recompose and encode in place. NULL if
   utf8proc rejects the text. */
static String *normalize(VM *vm, String *s, utf8proc_option_t opts) {
    const utf8proc_uint8_t *text = (const utf8proc_uint8_t *)s->chars;
    utf8proc_ssize_t n = utf8proc_decompose(text, s->len, NULL, 0, opts);
    if (n < 0) return NULL;
    /* One spare slot: reencode may write a terminating NUL. */
    utf8proc_int32_t *buf = mtmem_tmp_alloc(vm, ((size_t)n + 1) * sizeof(utf8proc_int32_t));
    n = utf8proc_decompose(text, s->len, buf, n, opts);
    if (n >= 0) n = utf8proc_reencode(buf, n, opts);
    String *r = n < 0 ? NULL : mto_string(vm, (const char *)buf, (size_t)n);
    mtmem_tmp_free(vm, buf);
    return r;
}

static int str_normalize(VM *vm, Value *args, int argc) {
    String *form = NULL;
    if (argc >= 1 && !mtlib_str_arg(vm, args, 1, "normalize", &form)) return NATIVE_ERROR;
    const char *f = form ? form->chars : "NFC";
    utf8proc_option_t opts = UTF8PROC_STABLE;
    if (strcmp(f, "NFC") == 0) opts |= UTF8PROC_COMPOSE;
    else if (strcmp(f, "NFD") == 0) opts |= UTF8PROC_DECOMPOSE;
    else if (strcmp(f, "NFKC") == 0) opts |= UTF8PROC_COMPOSE | UTF8PROC_COMPAT;
    else if (strcmp(f, "NFKD") == 0) opts |= UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT;
    else
        return mte_throw(vm, ERR_VALUE,
                         "normalize(): form must be NFC, NFD, NFKC or NFKD, not '%s'", f);
    if (SELF->obj.flags & STR_ASCII) RETURN(args[0]);
    if (memchr(SELF->chars, 0, SELF->len))
        return mte_throw(vm, ERR_VALUE, "normalize(): string contains a NUL character");
    String *r = normalize(vm, SELF, opts);
    if (!r) return mte_throw(vm, ERR_VALUE, "normalize(): invalid text");
    RETURN(OBJ_VAL(r));
}

/* s.graphemes(): the user-perceived characters (extended grapheme clusters). */
static int str_graphemes(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    String *s = SELF;
    List *out = mto_list(vm, 0);
    args[0] = OBJ_VAL(out);
    mtgc_push_temp(vm, OBJ_VAL(s));
    const char *p = s->chars, *end = s->chars + s->len, *start = p;
    utf8proc_int32_t state = 0, prev = -1;
    while (p < end) {
        int len;
        int32_t cp = decode(p, end, &len);
        if (prev >= 0 && utf8proc_grapheme_break_stateful(prev, cp, &state)) {
            mto_list_push(vm, out, OBJ_VAL(mto_string(vm, start, (size_t)(p - start))));
            start = p;
        }
        prev = cp;
        p += len;
    }
    if (p > start) mto_list_push(vm, out, OBJ_VAL(mto_string(vm, start, (size_t)(p - start))));
    mtgc_pop_temp(vm, 1);
    return NATIVE_OK;
}

/* {== Searching ==} */

static uint32_t cp_index_of(String *s, const char *at) {
    if (s->obj.flags & STR_ASCII) return (uint32_t)(at - s->chars);
    uint32_t n = 0;
    for (const char *p = s->chars; p < at; p++) n += ((unsigned char)*p & 0xC0) != 0x80;
    return n;
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
    *byte = mto_utf8_offset(s, (uint32_t)k);
    return true;
}

static int str_find(VM *vm, Value *args, int argc) {
    String *sub;
    uint32_t from;
    if (!mtlib_str_arg(vm, args, 1, "find", &sub) || !start_arg(vm, args, argc, 2, SELF, &from))
        return NATIVE_ERROR;
    const char *at = find_sub(SELF, sub, from);
    RETURN(SMALLINT_VAL(at ? (int64_t)cp_index_of(SELF, at) : -1));
}

static int str_index(VM *vm, Value *args, int argc) {
    String *sub;
    uint32_t from;
    if (!mtlib_str_arg(vm, args, 1, "index", &sub) || !start_arg(vm, args, argc, 2, SELF, &from))
        return NATIVE_ERROR;
    const char *at = find_sub(SELF, sub, from);
    if (!at) return mte_throw(vm, ERR_VALUE, "substring not found");
    RETURN(SMALLINT_VAL(cp_index_of(SELF, at)));
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

/* {== Classification ==} */

/* True if every code point passes `test` (and, with need_cased, at least one is a cased
   letter: "123".isupper() is false). */
static int classify_cased(VM *vm, Value *args, bool (*test)(int32_t), bool need_cased) {
    MT_UNUSED(vm);
    String *s = SELF;
    if (s->len == 0) RETURN(FALSE_VAL);
    const char *p = s->chars, *end = s->chars + s->len;
    bool cased = false;
    while (p < end) {
        int len;
        int32_t cp = decode(p, end, &len);
        if (!test(cp)) RETURN(FALSE_VAL);
        utf8proc_category_t c = utf8proc_category(cp);
        if (c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LL || c == UTF8PROC_CATEGORY_LT)
            cased = true;
        p += len;
    }
    RETURN(BOOL_VAL(cased || !need_cased));
}

static int classify(VM *vm, Value *args, bool (*test)(int32_t)) {
    return classify_cased(vm, args, test, false);
}

static bool t_digit(int32_t cp) { return utf8proc_category(cp) == UTF8PROC_CATEGORY_ND; }
static bool t_alpha(int32_t cp) {
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}
static bool t_alnum(int32_t cp) { return t_alpha(cp) || t_digit(cp); }
static bool t_space(int32_t cp) {
    return cp == ' ' || (cp >= 9 && cp <= 13) || utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}
static bool t_upper(int32_t cp) {
    return !t_alpha(cp) || utf8proc_category(cp) != UTF8PROC_CATEGORY_LL;
}
static bool t_lower(int32_t cp) {
    return !t_alpha(cp) || utf8proc_category(cp) != UTF8PROC_CATEGORY_LU;
}

static int str_isdigit(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    return classify(vm, args, t_digit);
}
static int str_isalpha(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    return classify(vm, args, t_alpha);
}
static int str_isalnum(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    return classify(vm, args, t_alnum);
}
static int str_isspace(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    return classify(vm, args, t_space);
}
static int str_isupper(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    return classify_cased(vm, args, t_upper, true);
}
static int str_islower(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    return classify_cased(vm, args, t_lower, true);
}

static const char *const p_split[] = {"sep", "maxsplit", NULL};
static const char *const p_replace[] = {"old", "new", "count", NULL};
static const char *const p_find[] = {"sub", "start", NULL};

static const char *const p_encode[] = {"encoding", NULL};

static const LibReg string_methods[] = {
    {"upper", str_upper, 0, 0, NULL, false},
    {"lower", str_lower, 0, 0, NULL, false},
    {"normalize", str_normalize, 0, 1, NULL, false},
    {"graphemes", str_graphemes, 0, 0, NULL, false},
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
    {"isdigit", str_isdigit, 0, 0, NULL, false},
    {"isalpha", str_isalpha, 0, 0, NULL, false},
    {"isalnum", str_isalnum, 0, 0, NULL, false},
    {"isspace", str_isspace, 0, 0, NULL, false},
    {"isupper", str_isupper, 0, 0, NULL, false},
    {"islower", str_islower, 0, 0, NULL, false},
    {NULL, NULL, 0, 0, NULL, false},
};

void mtstr_open(VM *vm) { mtlib_register_methods(vm, TYPE_STR, string_methods); }
