/*
** lib_unicode.c — the str methods that need Unicode's tables, from utf8proc: full case
** mapping (upper, lower with the final sigma, title, capitalize, casefold),
** normalisation, grapheme clusters, classification by category and display width.
**
** utf8proc gives only the simple (one-to-one) case mappings; the full ones that turn one
** code point into several ("ß".upper() is "SS") come from SpecialCasing.txt, in
** special_casing.inc. Case mapping is the same in every locale (no Turkish dotless i).
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

/* Decodes the code point at p (strings hold valid UTF-8: they are checked on the way in). */
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

/* The code point that ends just before p (p > start). */
static int32_t decode_before(const char *start, const char *p, const char **at) {
    const char *q = p - 1;
    while (q > start && ((unsigned char)*q & 0xC0) == 0x80) q--;
    int len;
    *at = q;
    return decode(q, p, &len);
}

/* {== Case mapping ==} */

typedef enum { CASE_LOWER = 0, CASE_TITLE = 1, CASE_UPPER = 2 } CaseKind;

typedef struct {
    int32_t cp;
    int32_t map[3][3]; /* lower, title, upper; a sequence ends at a 0 or after 3 */
} SpecialCase;

static const SpecialCase special_cases[] = {
#include "special_casing.inc"
};

static const SpecialCase *find_special(int32_t cp) {
    size_t lo = 0, hi = sizeof special_cases / sizeof special_cases[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (special_cases[mid].cp == cp) return &special_cases[mid];
        if (special_cases[mid].cp < cp) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

/* The full mapping of cp: writes up to 3 code points to out, returns how many. */
static int map_code_point(int32_t cp, CaseKind kind, int32_t out[3]) {
    const SpecialCase *sc = cp >= 0xDF ? find_special(cp) : NULL;
    if (sc) {
        int n = 0;
        while (n < 3 && sc->map[kind][n]) {
            out[n] = sc->map[kind][n];
            n++;
        }
        return n;
    }
    out[0] = kind == CASE_LOWER   ? utf8proc_tolower(cp)
             : kind == CASE_UPPER ? utf8proc_toupper(cp)
                                  : utf8proc_totitle(cp);
    return 1;
}

/* Cased (Unicode 3.13, approximately): an upper, lower or title case letter, or anything
   with a case mapping (the circled letters, the Roman numerals). */
static bool is_cased(int32_t cp) {
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LL || c == UTF8PROC_CATEGORY_LT ||
           utf8proc_tolower(cp) != cp || utf8proc_toupper(cp) != cp;
}

/* Case_Ignorable: marks, format characters, modifiers, and the word-internal punctuation
   (apostrophes, periods, colons) that does not end a word. */
static bool is_case_ignorable(int32_t cp) {
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_SK: return true;
    default: break;
    }
    static const int32_t mid[] = {0x27,   0x2E,   0x3A,   0xB7,   0x387,  0x55F,
                                  0x5F4,  0x2018, 0x2019, 0x2024, 0x2027, 0xFE13,
                                  0xFE52, 0xFE55, 0xFF07, 0xFF0E, 0xFF1A};
    for (size_t i = 0; i < sizeof mid / sizeof mid[0]; i++)
        if (mid[i] == cp) return true;
    return false;
}

/* Final_Sigma: the capital sigma at [at, at + 2) ends a word — a cased letter comes
   before it and none after it (case-ignorable characters between are skipped). */
static bool is_final_sigma(const char *start, const char *end, const char *at) {
    const char *p = at;
    bool before = false;
    while (p > start) {
        int32_t cp = decode_before(start, p, &p);
        if (!is_case_ignorable(cp)) {
            before = is_cased(cp);
            break;
        }
    }
    if (!before) return false;
    for (p = at + 2; p < end;) {
        int len;
        int32_t cp = decode(p, end, &len);
        if (!is_case_ignorable(cp)) return !is_cased(cp);
        p += len;
    }
    return true;
}

typedef enum { MODE_UPPER, MODE_LOWER, MODE_TITLE, MODE_CAPITALIZE } CaseMode;

/* Which mapping applies to the code point at p, given the mode and the word state. */
static CaseKind kind_at(CaseMode mode, int32_t cp, bool *in_word, bool first) {
    switch (mode) {
    case MODE_UPPER: return CASE_UPPER;
    case MODE_LOWER: return CASE_LOWER;
    case MODE_CAPITALIZE: return first ? CASE_TITLE : CASE_LOWER;
    case MODE_TITLE:
    default: {
        /* A word is a run of cased letters, through case-ignorable ones ("they're"). */
        CaseKind k = *in_word ? CASE_LOWER : CASE_TITLE;
        if (is_cased(cp)) *in_word = true;
        else if (!is_case_ignorable(cp)) *in_word = false;
        return k;
    }
    }
}

/* Maps the case of s. Two passes over the text (measure, then write into the new string)
   keep the result out of a temporary buffer. */
static String *convert_case(VM *vm, String *s, CaseMode mode) {
    const char *start = s->chars, *end = s->chars + s->len;
    String *r = NULL;
    for (int pass = 0; pass < 2; pass++) {
        size_t n = 0;
        bool in_word = false;
        utf8proc_uint8_t scratch[4];
        for (const char *p = start; p < end;) {
            int len;
            int32_t cp = decode(p, end, &len), out[3];
            CaseKind kind = kind_at(mode, cp, &in_word, p == start);
            int k = map_code_point(cp, kind, out);
            if (cp == 0x3A3 && kind == CASE_LOWER && is_final_sigma(start, end, p)) out[0] = 0x3C2;
            for (int i = 0; i < k; i++)
                n += (size_t)utf8proc_encode_char(out[i],
                                                  r ? (utf8proc_uint8_t *)r->chars + n : scratch);
            p += len;
        }
        if (!r) r = mto_string_alloc(vm, n);
    }
    return mto_string_finish(vm, r);
}

/* The ASCII fast path of upper and lower. */
static String *ascii_case(VM *vm, String *s, bool upper) {
    String *r = mto_string_alloc(vm, s->len);
    for (uint32_t i = 0; i < s->len; i++) {
        char c = s->chars[i];
        if (upper && c >= 'a' && c <= 'z') c = (char)(c - 32);
        else if (!upper && c >= 'A' && c <= 'Z') c = (char)(c + 32);
        r->chars[i] = c;
    }
    return mto_string_finish(vm, r);
}

static int str_upper(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    if (SELF->obj.flags & STR_ASCII) RETURN(OBJ_VAL(ascii_case(vm, SELF, true)));
    RETURN(OBJ_VAL(convert_case(vm, SELF, MODE_UPPER)));
}

static int str_lower(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    if (SELF->obj.flags & STR_ASCII) RETURN(OBJ_VAL(ascii_case(vm, SELF, false)));
    RETURN(OBJ_VAL(convert_case(vm, SELF, MODE_LOWER)));
}

static int str_title(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    RETURN(OBJ_VAL(convert_case(vm, SELF, MODE_TITLE)));
}

static int str_capitalize(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    RETURN(OBJ_VAL(convert_case(vm, SELF, MODE_CAPITALIZE)));
}

/* {== Normalisation and case folding ==} */

/* Runs utf8proc's decompose/reencode on s (utf8proc_map would use malloc: the buffer here
   is the VM's). NULL if utf8proc rejects the text. */
static String *utf8proc_transform(VM *vm, String *s, utf8proc_option_t opts) {
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

static int str_casefold(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    if (SELF->obj.flags & STR_ASCII) RETURN(OBJ_VAL(ascii_case(vm, SELF, false)));
    String *r = utf8proc_transform(vm, SELF, UTF8PROC_CASEFOLD);
    if (!r) return mte_throw(vm, ERR_VALUE, "casefold(): invalid text");
    RETURN(OBJ_VAL(r));
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
    String *r = utf8proc_transform(vm, SELF, opts);
    if (!r) return mte_throw(vm, ERR_VALUE, "normalize(): invalid text");
    RETURN(OBJ_VAL(r));
}

/* {== Grapheme clusters and display width ==} */

/* Calls visit(start, end, ctx) for each extended grapheme cluster of s, in order. */
static void each_grapheme(String *s, void (*visit)(const char *, const char *, void *), void *ctx) {
    const char *p = s->chars, *end = s->chars + s->len, *start = p;
    utf8proc_int32_t state = 0, prev = -1;
    while (p < end) {
        int len;
        int32_t cp = decode(p, end, &len);
        if (prev >= 0 && utf8proc_grapheme_break_stateful(prev, cp, &state)) {
            visit(start, p, ctx);
            start = p;
        }
        prev = cp;
        p += len;
    }
    if (p > start) visit(start, p, ctx);
}

typedef struct {
    VM *vm;
    List *out;
} GraphemeList;

static void push_grapheme(const char *start, const char *end, void *ctx) {
    GraphemeList *g = ctx;
    mto_list_push(g->vm, g->out, OBJ_VAL(mto_string(g->vm, start, (size_t)(end - start))));
}

/* s.graphemes(): the user-perceived characters (extended grapheme clusters). */
static int str_graphemes(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    String *s = SELF;
    GraphemeList g = {vm, mto_list(vm, 0)};
    args[0] = OBJ_VAL(g.out);
    mtgc_push_temp(vm, OBJ_VAL(s));
    each_grapheme(s, push_grapheme, &g);
    mtgc_pop_temp(vm, 1);
    return NATIVE_OK;
}

/* The columns one grapheme cluster takes in a terminal: its widest code point (so
   combining marks, joiners and skin tones add nothing), and 2 for an emoji presentation
   (U+FE0F) or a flag (a pair of regional indicators). */
static void add_width(const char *start, const char *end, void *ctx) {
    int64_t *total = ctx;
    int w = 0;
    for (const char *p = start; p < end;) {
        int len;
        int32_t cp = decode(p, end, &len);
        int cw = utf8proc_charwidth(cp);
        if (cp == 0xFE0F || (cp >= 0x1F1E6 && cp <= 0x1F1FF && end - start > len)) cw = 2;
        if (cw > w) w = cw;
        p += len;
    }
    *total += w;
}

static int str_width(VM *vm, Value *args, int argc) {
    MT_UNUSED(vm);
    MT_UNUSED(argc);
    String *s = SELF;
    if (s->obj.flags & STR_ASCII) {
        int64_t n = 0;
        for (uint32_t i = 0; i < s->len; i++) n += s->chars[i] >= 0x20 && s->chars[i] != 0x7F;
        RETURN(SMALLINT_VAL(n)); /* control characters take no column */
    }
    int64_t total = 0;
    each_grapheme(s, add_width, &total);
    RETURN(SMALLINT_VAL(total));
}

/* {== Classification by general category ==} */

/* True if s is not empty and every code point passes test. */
static int classify(Value *args, bool (*test)(int32_t)) {
    String *s = SELF;
    if (s->len == 0) RETURN(FALSE_VAL);
    const char *p = s->chars, *end = s->chars + s->len;
    while (p < end) {
        int len;
        if (!test(decode(p, end, &len))) RETURN(FALSE_VAL);
        p += len;
    }
    RETURN(TRUE_VAL);
}

static bool t_digit(int32_t cp) { return utf8proc_category(cp) == UTF8PROC_CATEGORY_ND; }
static bool t_numeric(int32_t cp) {
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_ND || c == UTF8PROC_CATEGORY_NL || c == UTF8PROC_CATEGORY_NO;
}
static bool t_alpha(int32_t cp) {
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}
static bool t_alnum(int32_t cp) { return t_alpha(cp) || t_digit(cp); }
/* Space separators (Zs, Zl, Zp) and the control characters that separate text: \t \n \v
   \f \r, the information separators U+001C-U+001F and NEL (U+0085). */
static bool t_space(int32_t cp) {
    if (cp < 0x80) return cp == ' ' || (cp >= 9 && cp <= 13) || (cp >= 0x1C && cp <= 0x1F);
    utf8proc_category_t c = utf8proc_category(cp);
    return cp == 0x85 || c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL ||
           c == UTF8PROC_CATEGORY_ZP;
}

static int str_isdigit(VM *vm, Value *args, int argc) {
    MT_UNUSED(vm);
    MT_UNUSED(argc);
    return classify(args, t_digit);
}
static int str_isnumeric(VM *vm, Value *args, int argc) {
    MT_UNUSED(vm);
    MT_UNUSED(argc);
    return classify(args, t_numeric);
}
static int str_isalpha(VM *vm, Value *args, int argc) {
    MT_UNUSED(vm);
    MT_UNUSED(argc);
    return classify(args, t_alpha);
}
static int str_isalnum(VM *vm, Value *args, int argc) {
    MT_UNUSED(vm);
    MT_UNUSED(argc);
    return classify(args, t_alnum);
}
static int str_isspace(VM *vm, Value *args, int argc) {
    MT_UNUSED(vm);
    MT_UNUSED(argc);
    return classify(args, t_space);
}

/* isupper/islower: at least one cased letter, and none of the other case (nor a title
   case letter). */
static int classify_case(Value *args, utf8proc_category_t want) {
    String *s = SELF;
    const char *p = s->chars, *end = s->chars + s->len;
    bool seen = false;
    while (p < end) {
        int len;
        utf8proc_category_t c = utf8proc_category(decode(p, end, &len));
        if (c == UTF8PROC_CATEGORY_LT ||
            ((c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LL) && c != want))
            RETURN(FALSE_VAL);
        seen = seen || c == want;
        p += len;
    }
    RETURN(BOOL_VAL(seen));
}

static int str_isupper(VM *vm, Value *args, int argc) {
    MT_UNUSED(vm);
    MT_UNUSED(argc);
    return classify_case(args, UTF8PROC_CATEGORY_LU);
}
static int str_islower(VM *vm, Value *args, int argc) {
    MT_UNUSED(vm);
    MT_UNUSED(argc);
    return classify_case(args, UTF8PROC_CATEGORY_LL);
}

static const LibReg unicode_methods[] = {
    {"upper", str_upper, 0, 0, NULL, false},
    {"lower", str_lower, 0, 0, NULL, false},
    {"title", str_title, 0, 0, NULL, false},
    {"capitalize", str_capitalize, 0, 0, NULL, false},
    {"casefold", str_casefold, 0, 0, NULL, false},
    {"normalize", str_normalize, 0, 1, NULL, false},
    {"graphemes", str_graphemes, 0, 0, NULL, false},
    {"width", str_width, 0, 0, NULL, false},
    {"isdigit", str_isdigit, 0, 0, NULL, false},
    {"isnumeric", str_isnumeric, 0, 0, NULL, false},
    {"isalpha", str_isalpha, 0, 0, NULL, false},
    {"isalnum", str_isalnum, 0, 0, NULL, false},
    {"isspace", str_isspace, 0, 0, NULL, false},
    {"isupper", str_isupper, 0, 0, NULL, false},
    {"islower", str_islower, 0, 0, NULL, false},
    {NULL, NULL, 0, 0, NULL, false},
};

void mtuni_open(VM *vm) { mtlib_register_methods(vm, TYPE_STR, unicode_methods); }
