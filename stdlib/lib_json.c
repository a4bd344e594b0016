/*
** lib_json.c — the `json` module: encode(v, indent, sort_keys) and decode(s), RFC 8259.
**
** Both directions are plain C with no callbacks (JSON has no place for user objects), and
** both bound nesting at MT_JSON_MAX_DEPTH so that deep input is an error, never a C
** stack overflow. The encoder writes into one temporary buffer and allocates a single str
** at the end; the decoder keeps every container it is still filling in a rooted list, so
** a collection in the middle of a document frees nothing it needs.
*/
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <utf8proc.h>

#include "stdlib/lib.h"
#include "vm/value.h"
#include "vm/object.h"
#include "vm/map.h"
#include "vm/mem.h"
#include "vm/gc.h"
#include "vm/error.h"
#include "vm/num.h"

/* The same bound as the nesting of data for str, repr and == (SPEC section 14). */
#define MT_JSON_MAX_DEPTH 1000

/* {== Encoding ==} */

typedef struct {
    VM *vm;
    char *out;
    size_t len, cap;
    int indent; /* -1: one line */
    bool sort_keys;
    Obj *open[MT_JSON_MAX_DEPTH]; /* the containers being written, to catch cycles */
    int depth;
    MapNode **keys; /* sort_keys: a stack of map nodes, one segment per open map */
    size_t nkeys, keys_cap;
} Encoder;

static void put(Encoder *e, const char *s, size_t n) {
    if (e->len + n > e->cap) {
        size_t cap = (e->len + n) * 2;
        e->out = mtmem_tmp_realloc(e->vm, e->out, cap);
        e->cap = cap;
    }
    memcpy(e->out + e->len, s, n);
    e->len += n;
}

static void put_char(Encoder *e, char c) { put(e, &c, 1); }

static void newline(Encoder *e) {
    if (e->indent < 0) return;
    put_char(e, '\n');
    for (int i = 0; i < e->depth * e->indent; i++) put_char(e, ' ');
}

static void put_string(Encoder *e, String *s) {
    static const char hex[] = "0123456789abcdef";
    put_char(e, '"');
    const char *p = s->chars, *end = s->chars + s->len, *run = p;
    for (; p < end; p++) {
        unsigned char c = (unsigned char)*p;
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        put(e, run, (size_t)(p - run));
        run = p + 1;
        char esc[7] = {'\\', 0};
        switch (c) {
        case '"': esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        case '\n': esc[1] = 'n'; break;
        case '\r': esc[1] = 'r'; break;
        case '\t': esc[1] = 't'; break;
        case '\b': esc[1] = 'b'; break;
        case '\f': esc[1] = 'f'; break;
        default: memcpy(esc + 1, "u00", 3), esc[4] = hex[c >> 4], esc[5] = hex[c & 15];
        }
        put(e, esc, esc[1] == 'u' ? 6 : 2);
    }
    put(e, run, (size_t)(p - run));
    put_char(e, '"');
}

static bool encode_value(Encoder *e, Value v);

/* Enters container o: false (error raised) on a cycle or too deep a nesting. */
static bool enter(Encoder *e, Obj *o) {
    for (int i = 0; i < e->depth; i++)
        if (e->open[i] == o) {
            mte_throw(e->vm, ERR_VALUE, "json.encode(): circular reference");
            return false;
        }
    if (e->depth == MT_JSON_MAX_DEPTH) {
        mte_throw(e->vm, ERR_VALUE, "json.encode(): nesting deeper than %d levels",
                  MT_JSON_MAX_DEPTH);
        return false;
    }
    e->open[e->depth++] = o;
    return true;
}

static bool encode_list(Encoder *e, List *l) {
    if (!enter(e, &l->obj)) return false;
    if (l->count == 0) {
        e->depth--;
        put(e, "[]", 2);
        return true;
    }
    put_char(e, '[');
    /* The list cannot change while we write: no Mt code runs. */
    for (uint32_t i = 0; i < l->count; i++) {
        if (i) put(e, e->indent < 0 ? ", " : ",", e->indent < 0 ? 2 : 1);
        newline(e);
        if (!encode_value(e, l->items[i])) return false;
    }
    e->depth--;
    newline(e);
    put_char(e, ']');
    return true;
}

static int compare_keys(const void *a, const void *b) {
    String *x = AS_STRING((*(MapNode *const *)a)->key), *y = AS_STRING((*(MapNode *const *)b)->key);
    uint32_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->chars, y->chars, n);
    return c ? c : (x->len > y->len) - (x->len < y->len);
}

/* Pushes the nodes of m on the key stack (sorted if asked); returns where they start. */
static size_t push_keys(Encoder *e, Map *m) {
    size_t start = e->nkeys;
    if (e->nkeys + m->count > e->keys_cap) {
        size_t cap = (e->nkeys + m->count) * 2;
        e->keys = mtmem_tmp_realloc(e->vm, e->keys, cap * sizeof(MapNode *));
        e->keys_cap = cap;
    }
    MAP_FOREACH(m, node) e->keys[e->nkeys++] = node;
    if (e->sort_keys) qsort(e->keys + start, m->count, sizeof(MapNode *), compare_keys);
    return start;
}

static bool check_keys(Encoder *e, Map *m) {
    MAP_FOREACH(m, node) {
        if (!IS_STRING(node->key)) {
            mte_throw(e->vm, ERR_TYPE, "json.encode(): map keys must be str, not %s",
                      mtv_type_name(node->key));
            return false;
        }
    }
    return true;
}

static bool encode_map(Encoder *e, Map *m) {
    if (!check_keys(e, m) || !enter(e, &m->obj)) return false;
    if (m->count == 0) {
        e->depth--;
        put(e, "{}", 2);
        return true;
    }
    size_t start = push_keys(e, m);
    put_char(e, '{');
    for (uint32_t i = 0; i < m->count; i++) {
        MapNode *node = e->keys[start + i];
        if (i) put(e, e->indent < 0 ? ", " : ",", e->indent < 0 ? 2 : 1);
        newline(e);
        put_string(e, AS_STRING(node->key));
        put(e, ": ", 2);
        if (!encode_value(e, node->value)) return false;
    }
    e->nkeys = start;
    e->depth--;
    newline(e);
    put_char(e, '}');
    return true;
}

static bool encode_number(Encoder *e, Value v) {
    char buf[40];
    int n;
    if (IS_INT(v)) {
        n = mtn_format_int(AS_INT(v), buf);
    } else {
        double d = AS_DOUBLE(v);
        if (!isfinite(d)) {
            mte_throw(e->vm, ERR_VALUE, "json.encode(): %s is not a JSON number",
                      isnan(d) ? "nan"
                      : d < 0  ? "-inf"
                               : "inf");
            return false;
        }
        n = mtn_format_double(d, buf);
    }
    put(e, buf, (size_t)n);
    return true;
}

static bool encode_value(Encoder *e, Value v) {
    if (IS_NIL(v)) put(e, "null", 4);
    else if (v == TRUE_VAL) put(e, "true", 4);
    else if (v == FALSE_VAL) put(e, "false", 5);
    else if (IS_NUMBER(v)) return encode_number(e, v);
    else if (IS_STRING(v)) put_string(e, AS_STRING(v));
    else if (IS_LIST(v)) return encode_list(e, AS_LIST(v));
    else if (IS_MAP(v)) return encode_map(e, AS_MAP(v));
    else {
        mte_throw(e->vm, ERR_TYPE, "json.encode(): cannot encode a value of type %s",
                  mtv_type_name(v));
        return false;
    }
    return true;
}

static bool indent_arg(VM *vm, Value *args, int argc, int *indent) {
    *indent = -1;
    if (!ARG_GIVEN(args, argc, 2) || IS_NIL(args[2])) return true;
    if (!IS_INT(args[2])) {
        mtlib_type_error(vm, "json.encode", 2, "an int or nil", args[2]);
        return false;
    }
    int64_t n = AS_INT(args[2]);
    if (n < 0 || n > 64) {
        mte_throw(vm, ERR_VALUE, "json.encode(): indent must be between 0 and 64, not %lld",
                  (long long)n);
        return false;
    }
    *indent = (int)n;
    return true;
}

static int json_encode(VM *vm, Value *args, int argc) {
    Encoder *e = mtmem_tmp_alloc(vm, sizeof(Encoder));
    e->vm = vm;
    e->sort_keys = ARG_GIVEN(args, argc, 3) && mtv_truthy(args[3]);
    e->depth = 0;
    e->keys = NULL;
    e->nkeys = e->keys_cap = 0;
    e->len = 0;
    e->cap = 256;
    e->out = mtmem_tmp_alloc(vm, e->cap);
    bool ok = indent_arg(vm, args, argc, &e->indent) && encode_value(e, args[1]);
    String *s = ok ? mto_string(vm, e->out, e->len) : NULL;
    mtmem_tmp_free(vm, e->out);
    if (e->keys) mtmem_tmp_free(vm, e->keys);
    mtmem_tmp_free(vm, e);
    if (!ok) return NATIVE_ERROR;
    RETURN(OBJ_VAL(s));
}

/* {== Decoding ==} */

typedef struct {
    VM *vm;
    const char *src, *p, *end;
    List *roots; /* containers being filled and keys waiting for their value */
    int depth;
} Decoder;

/* Raises ValueError "json.decode(): WHAT at line L, column C" for the position at. */
static bool fail_at(Decoder *d, const char *at, const char *what) {
    int line = 1;
    const char *line_start = d->src;
    for (const char *q = d->src; q < at; q++)
        if (*q == '\n') {
            line++;
            line_start = q + 1;
        }
    long col = 1;
    for (const char *q = line_start; q < at; q++) col += ((unsigned char)*q & 0xC0) != 0x80;
    mte_throw(d->vm, ERR_VALUE, "json.decode(): %s at line %d, column %ld", what, line, col);
    return false;
}

static void skip_space(Decoder *d) {
    while (d->p < d->end && (*d->p == ' ' || *d->p == '\n' || *d->p == '\t' || *d->p == '\r'))
        d->p++;
}

static bool decode_value(Decoder *d, Value *out);

static bool literal(Decoder *d, const char *word, Value v, Value *out) {
    size_t n = strlen(word);
    if ((size_t)(d->end - d->p) < n || memcmp(d->p, word, n) != 0)
        return fail_at(d, d->p, "expected a value");
    d->p += n;
    *out = v;
    return true;
}

static bool is_digit(const char *p, const char *end) { return p < end && *p >= '0' && *p <= '9'; }

/* A number by the JSON grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
static bool decode_number(Decoder *d, Value *out) {
    const char *start = d->p, *p = d->p, *end = d->end;
    if (p < end && *p == '-') p++;
    if (!is_digit(p, end)) return fail_at(d, start, "expected a value");
    if (*p == '0') p++;
    else
        while (is_digit(p, end)) p++;
    bool is_float = false;
    if (p < end && *p == '.') {
        if (!is_digit(++p, end)) return fail_at(d, p, "expected a digit after '.'");
        while (is_digit(p, end)) p++;
        is_float = true;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < end && (*p == '+' || *p == '-')) p++;
        if (!is_digit(p, end)) return fail_at(d, p, "expected a digit in the exponent");
        while (is_digit(p, end)) p++;
        is_float = true;
    }
    d->p = p;
    if (!is_float) {
        int64_t i;
        if (!mtn_parse_int(start, (size_t)(p - start), 10, &i))
            return fail_at(d, start, "integer does not fit 64 bits");
        *out = mto_int(d->vm, i);
        return true;
    }
    errno = 0;
    double x = strtod(start, NULL); /* the text ends at p: the grammar above is stricter */
    if (!isfinite(x)) return fail_at(d, start, "number out of range");
    *out = DOUBLE_VAL(x);
    return true;
}

static int hex4(const char *p, const char *end) {
    if (end - p < 4) return -1;
    int v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        int h = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
        if (h < 0) return -1;
        v = v * 16 + h;
    }
    return v;
}

/* Reads the escape at *pp (just after the backslash) into cp; advances *pp. */
static bool read_escape(Decoder *d, const char **pp, int32_t *cp) {
    const char *p = *pp;
    if (p >= d->end) return fail_at(d, p - 1, "unterminated string");
    const char *simple = "\"\"\\\\//b\bf\fn\nr\rt\t";
    for (const char *s = simple; *s; s += 2)
        if (*p == s[0]) {
            *cp = (unsigned char)s[1];
            *pp = p + 1;
            return true;
        }
    if (*p != 'u') return fail_at(d, p - 1, "invalid escape");
    int u = hex4(p + 1, d->end);
    if (u < 0) return fail_at(d, p - 1, "invalid \\u escape");
    p += 5;
    if (u >= 0xDC00 && u <= 0xDFFF) return fail_at(d, p - 6, "lone surrogate in \\u escape");
    if (u >= 0xD800 && u <= 0xDBFF) {
        int lo = (d->end - p >= 2 && p[0] == '\\' && p[1] == 'u') ? hex4(p + 2, d->end) : -1;
        if (lo < 0xDC00 || lo > 0xDFFF) return fail_at(d, p - 6, "lone surrogate in \\u escape");
        u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
        p += 6;
    }
    *cp = u;
    *pp = p;
    return true;
}

/* One pass over a string body from d->p (after the quote): checks it and, when out is
   not NULL, writes the decoded bytes there. Returns the decoded length, or -1 (error
   raised); leaves *stop after the closing quote. */
static long scan_string(Decoder *d, char *out, const char **stop) {
    const char *p = d->p;
    long n = 0;
    for (;;) {
        if (p >= d->end) return fail_at(d, d->p - 1, "unterminated string"), -1;
        unsigned char c = (unsigned char)*p;
        if (c == '"') break;
        if (c < 0x20) return fail_at(d, p, "control character in string"), -1;
        if (c == '\\') {
            int32_t cp = 0; /* set by read_escape; GCC with -fsanitize=thread cannot tell */
            p++;
            if (!read_escape(d, &p, &cp)) return -1;
            utf8proc_uint8_t enc[4];
            utf8proc_ssize_t k = utf8proc_encode_char(cp, out ? (utf8proc_uint8_t *)out + n : enc);
            n += k;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k =
            c < 0x80 ? 1 : utf8proc_iterate((const utf8proc_uint8_t *)p, d->end - p, &cp);
        if (k <= 0) return fail_at(d, p, "invalid UTF-8"), -1;
        if (out) memcpy(out + n, p, (size_t)k);
        n += k;
        p += k;
    }
    *stop = p + 1;
    return n;
}

static bool decode_string(Decoder *d, Value *out) {
    d->p++; /* the opening quote */
    const char *stop;
    long n = scan_string(d, NULL, &stop);
    if (n < 0) return false;
    String *s = mto_string_alloc(d->vm, (size_t)n);
    scan_string(d, s->chars, &stop);
    d->p = stop;
    *out = OBJ_VAL(mto_string_finish(d->vm, s));
    return true;
}

/* Enters a nested container: false (error raised) if the nesting is too deep. */
static bool descend(Decoder *d) {
    if (++d->depth > MT_JSON_MAX_DEPTH) {
        char what[64];
        snprintf(what, sizeof what, "nesting deeper than %d levels", MT_JSON_MAX_DEPTH);
        return fail_at(d, d->p, what);
    }
    return true;
}

/* After an item: true if another follows (a ',' was read), false at the closing bracket;
 *err is set (error raised) if neither is there. */
static bool next_item(Decoder *d, char close, bool *err) {
    skip_space(d);
    if (d->p < d->end && *d->p == ',') {
        d->p++;
        return true;
    }
    if (d->p < d->end && *d->p == close) {
        d->p++;
        return false;
    }
    *err = true;
    fail_at(d, d->p, close == ']' ? "expected ',' or ']'" : "expected ',' or '}'");
    return false;
}

static bool decode_list(Decoder *d, Value *out) {
    if (!descend(d)) return false;
    d->p++;
    List *l = mto_list(d->vm, 0);
    mto_list_push(d->vm, d->roots, OBJ_VAL(l));
    skip_space(d);
    bool more = !(d->p < d->end && *d->p == ']'), err = false;
    if (!more) d->p++;
    while (more) {
        Value v;
        if (!decode_value(d, &v)) return false;
        mto_list_push(d->vm, l, v);
        more = next_item(d, ']', &err);
    }
    if (err) return false;
    d->roots->count--;
    d->depth--;
    *out = OBJ_VAL(l);
    return true;
}

static bool decode_entry(Decoder *d, Map *m) {
    skip_space(d);
    if (d->p >= d->end || *d->p != '"') return fail_at(d, d->p, "expected a string key");
    Value key, v;
    if (!decode_string(d, &key)) return false;
    mto_list_push(d->vm, d->roots, key);
    skip_space(d);
    if (d->p >= d->end || *d->p != ':') return fail_at(d, d->p, "expected ':'");
    d->p++;
    if (!decode_value(d, &v)) return false;
    mtm_set(d->vm, m, key, v); /* a repeated key: the last value wins, in the first place */
    d->roots->count--;
    return true;
}

static bool decode_map(Decoder *d, Value *out) {
    if (!descend(d)) return false;
    d->p++;
    Map *m = mtm_new(d->vm, 0);
    mto_list_push(d->vm, d->roots, OBJ_VAL(m));
    skip_space(d);
    bool more = !(d->p < d->end && *d->p == '}'), err = false;
    if (!more) d->p++;
    while (more) {
        if (!decode_entry(d, m)) return false;
        more = next_item(d, '}', &err);
    }
    if (err) return false;
    d->roots->count--;
    d->depth--;
    *out = OBJ_VAL(m);
    return true;
}

static bool decode_value(Decoder *d, Value *out) {
    skip_space(d);
    if (d->p >= d->end) return fail_at(d, d->p, "expected a value");
    switch (*d->p) {
    case '{': return decode_map(d, out);
    case '[': return decode_list(d, out);
    case '"': return decode_string(d, out);
    case 't': return literal(d, "true", TRUE_VAL, out);
    case 'f': return literal(d, "false", FALSE_VAL, out);
    case 'n': return literal(d, "null", NIL_VAL, out);
    default: return decode_number(d, out);
    }
}

static int json_decode(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    String *s;
    if (!mtlib_str_arg(vm, args, 1, "json.decode", &s)) return NATIVE_ERROR;
    Decoder d = {vm, s->chars, s->chars, s->chars + s->len, NULL, 0};
    d.roots = mto_list(vm, 8);
    mtgc_push_temp(vm, OBJ_VAL(d.roots));
    mtgc_push_temp(vm, OBJ_VAL(s));
    Value v;
    bool ok = decode_value(&d, &v);
    if (ok) {
        skip_space(&d);
        if (d.p < d.end) ok = fail_at(&d, d.p, "extra data after the value");
    }
    mtgc_pop_temp(vm, 2);
    if (!ok) return NATIVE_ERROR;
    RETURN(v);
}

static const char *const p_encode[] = {"v", "indent", "sort_keys", NULL};

static const LibReg json_lib[] = {
    {"encode", json_encode, 1, 3, p_encode, false},
    {"decode", json_decode, 1, 1, NULL, false},
    {NULL, NULL, 0, 0, NULL, false},
};

static int open_json(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    return mtlib_module_ready(vm, args, mtlib_native_module(vm, "json", json_lib, NIL_VAL));
}

void mtjson_open(VM *vm) { mtlib_lazy_module(vm, "json", open_json); }
