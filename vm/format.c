/*
** format.c — f-string format specs, Python's mini-language:
**     [[fill]align][sign][#][0][width][,|_][.precision][type]
** align: < > ^ =; sign: + - space; types: s d b o x X c e E f F g G %.
*/
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "vm/format.h"
#include "vm/vm.h"
#include "vm/value.h"
#include "vm/object.h"
#include "vm/num.h"
#include "vm/gc.h"
#include "vm/error.h"

typedef struct {
    char fill[5]; /* one UTF-8 character */
    int fill_len;
    char align; /* 0 if not given */
    char sign;
    bool alt, zero;
    int width, precision; /* -1: not given */
    char group;           /* ',' '_' or 0 */
    char type;            /* 0 if not given */
} Spec;

static bool parse_spec(const char *s, size_t n, Spec *sp) {
    memset(sp, 0, sizeof *sp);
    sp->fill[0] = ' ';
    sp->fill_len = 1;
    sp->width = sp->precision = -1;
    size_t i = 0;
    /* fill+align: the fill may be any character (UTF-8). */
    size_t clen = 1;
    if (n > 0 && ((unsigned char)s[0] & 0x80)) {
        while (clen < n && clen < 4 && ((unsigned char)s[clen] & 0xC0) == 0x80) clen++;
    }
    if (n > clen && strchr("<>^=", s[clen]) && s[clen]) {
        memcpy(sp->fill, s, clen);
        sp->fill_len = (int)clen;
        sp->align = s[clen];
        i = clen + 1;
    } else if (n > 0 && strchr("<>^=", s[0]) && s[0]) {
        sp->align = s[0];
        i = 1;
    }
    if (i < n && (s[i] == '+' || s[i] == '-' || s[i] == ' ')) sp->sign = s[i++];
    if (i < n && s[i] == '#') {
        sp->alt = true;
        i++;
    }
    if (i < n && s[i] == '0') {
        sp->zero = true;
        i++;
    }
    if (i < n && s[i] >= '0' && s[i] <= '9') {
        sp->width = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            sp->width = sp->width * 10 + (s[i++] - '0');
            if (sp->width > 10000) return false;
        }
    }
    if (i < n && (s[i] == ',' || s[i] == '_')) sp->group = s[i++];
    if (i < n && s[i] == '.') {
        i++;
        if (i >= n || s[i] < '0' || s[i] > '9') return false;
        sp->precision = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            sp->precision = sp->precision * 10 + (s[i++] - '0');
            if (sp->precision > 1000) return false;
        }
    }
    if (i < n) sp->type = s[i++];
    if (i != n) return false;
    if (sp->type && !strchr("sdboxXceEfFgG%", sp->type)) return false;
    if (sp->zero && !sp->align) {
        sp->align = '=';
        sp->fill[0] = '0';
        sp->fill_len = 1;
    }
    return true;
}

/* Inserts grouping separators into the integer digits of buf (digits only, no sign). */
static void group_digits(char *digits, char sep) {
    char *dot = strpbrk(digits, ".eE%");
    size_t intlen = dot ? (size_t)(dot - digits) : strlen(digits);
    if (intlen <= 3) return;
    char tmp[600];
    size_t o = 0;
    for (size_t k = 0; k < intlen; k++) {
        if (k && (intlen - k) % 3 == 0) tmp[o++] = sep;
        tmp[o++] = digits[k];
    }
    strcpy(tmp + o, digits + intlen);
    strcpy(digits, tmp);
}

static size_t cp_count(const char *s, size_t n) {
    size_t c = 0;
    for (size_t i = 0; i < n; i++) c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* Pads `body` (with an optional sign/prefix) to the width. */
static Value pad(VM *vm, const Spec *sp, const char *prefix, const char *body, size_t blen,
                 char default_align) {
    size_t plen = strlen(prefix);
    size_t len = cp_count(prefix, plen) + cp_count(body, blen);
    size_t width = sp->width > 0 ? (size_t)sp->width : 0;
    size_t fill = width > len ? width - len : 0;
    char align = sp->align ? sp->align : default_align;
    size_t left = 0, right = 0;
    switch (align) {
    case '<': right = fill; break;
    case '^':
        left = fill / 2;
        right = fill - left;
        break;
    default: left = fill; break;
    }
    size_t total = plen + blen + fill * (size_t)sp->fill_len;
    String *s = mto_string_alloc(vm, total);
    char *o = s->chars;
    if (align != '=') {
        for (size_t k = 0; k < left; k++, o += sp->fill_len)
            memcpy(o, sp->fill, (size_t)sp->fill_len);
        memcpy(o, prefix, plen);
        o += plen;
    } else {
        memcpy(o, prefix, plen);
        o += plen;
        for (size_t k = 0; k < left; k++, o += sp->fill_len)
            memcpy(o, sp->fill, (size_t)sp->fill_len);
    }
    memcpy(o, body, blen);
    o += blen;
    for (size_t k = 0; k < right; k++, o += sp->fill_len) memcpy(o, sp->fill, (size_t)sp->fill_len);
    return OBJ_VAL(mto_string_finish(vm, s));
}

static const char *sign_of(const Spec *sp, bool negative) {
    if (negative) return "-";
    if (sp->sign == '+') return "+";
    if (sp->sign == ' ') return " ";
    return "";
}

static bool format_int(VM *vm, int64_t v, const Spec *sp, Value *out) {
    char digits[600];
    char prefix[8] = "";
    bool neg = v < 0;
    uint64_t u = neg ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    char type = sp->type ? sp->type : 'd';
    if (type == 'c') {
        if (v < 0 || v > 0x10FFFF) {
            mte_throw(vm, ERR_VALUE, "format 'c': code point out of range");
            return false;
        }
        char b[5];
        int n = 0;
        uint32_t cp = (uint32_t)v;
        if (cp < 0x80) b[n++] = (char)cp;
        else if (cp < 0x800) {
            b[n++] = (char)(0xC0 | (cp >> 6));
            b[n++] = (char)(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            b[n++] = (char)(0xE0 | (cp >> 12));
            b[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            b[n++] = (char)(0x80 | (cp & 0x3F));
        } else {
            b[n++] = (char)(0xF0 | (cp >> 18));
            b[n++] = (char)(0x80 | ((cp >> 12) & 0x3F));
            b[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            b[n++] = (char)(0x80 | (cp & 0x3F));
        }
        *out = pad(vm, sp, "", b, (size_t)n, '<');
        return true;
    }
    int base = type == 'b' ? 2 : type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    const char *dig = type == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    char rev[70];
    int n = 0;
    do {
        rev[n++] = dig[u % (uint64_t)base];
        u /= (uint64_t)base;
    } while (u);
    for (int k = 0; k < n; k++) digits[k] = rev[n - 1 - k];
    digits[n] = '\0';
    if (sp->group) group_digits(digits, sp->group);
    strcpy(prefix, sign_of(sp, neg));
    if (sp->alt && base != 10)
        strcat(prefix, base == 2 ? "0b" : base == 8 ? "0o" : type == 'X' ? "0X" : "0x");
    *out = pad(vm, sp, prefix, digits, strlen(digits), '>');
    return true;
}

static bool format_float(VM *vm, double d, const Spec *sp, Value *out) {
    char body[600];
    char type = sp->type;
    bool neg = signbit(d) && !isnan(d);
    double a = fabs(d);
    int prec = sp->precision;
    if (isinf(a) || isnan(a)) {
        strcpy(body, isnan(a) ? "nan" : "inf");
        if (type && strchr("EFG", type)) strcpy(body, isnan(a) ? "NAN" : "INF");
    } else if (type == 0 && prec < 0) {
        mtn_format_double(a, body);
    } else {
        if (prec < 0) prec = 6;
        char t = type ? type : 'g';
        if (t == '%') {
            snprintf(body, sizeof body - 1, "%.*f", prec, a * 100);
            strcat(body, "%");
        } else if (t == 'g' || t == 'G') {
            /* Python's g: like %g, but the no-type form keeps at least one digit after
               the point. */
            if (prec == 0) prec = 1;
            snprintf(body, sizeof body, sp->alt ? "%#.*g" : "%.*g", prec, a);
            if (t == 'G')
                for (char *c = body; *c; c++)
                    if (*c == 'e') *c = 'E';
            if (!type && !strpbrk(body, ".eEn")) strcat(body, ".0");
        } else {
            char f[8];
            snprintf(f, sizeof f, sp->alt ? "%%#.*%c" : "%%.*%c", t);
            snprintf(body, sizeof body, f, prec, a);
        }
    }
    if (sp->group) group_digits(body, sp->group);
    *out = pad(vm, sp, sign_of(sp, neg), body, strlen(body), '>');
    return true;
}

bool mtfmt_format(VM *vm, Value v, String *spec, Value *out) {
    Spec sp;
    if (!parse_spec(spec->chars, spec->len, &sp)) {
        mte_throw(vm, ERR_VALUE, "invalid format spec '%s'", spec->chars);
        return false;
    }
    if (IS_INT(v) && sp.type != 's') {
        if (sp.type && strchr("eEfFgG%", sp.type))
            return format_float(vm, (double)AS_INT(v), &sp, out);
        return format_int(vm, AS_INT(v), &sp, out);
    }
    if (IS_DOUBLE(v) && sp.type != 's') {
        if (sp.type && strchr("dboxXc", sp.type)) {
            mte_throw(vm, ERR_VALUE, "format '%c' needs an int, not a float", sp.type);
            return false;
        }
        return format_float(vm, AS_DOUBLE(v), &sp, out);
    }
    if (sp.type && sp.type != 's') {
        mte_throw(vm, ERR_VALUE, "format '%c' does not apply to a %s", sp.type, mtv_type_name(v));
        return false;
    }
    String *s = mtv_to_string(vm, v, false);
    if (!s) return false;
    uint32_t len = s->len;
    if (sp.precision >= 0 && (uint32_t)sp.precision < s->ncp)
        len = mto_utf8_offset(s, (uint32_t)sp.precision);
    mtgc_push_temp(vm, OBJ_VAL(s));
    *out = pad(vm, &sp, "", s->chars, len, '<');
    mtgc_pop_temp(vm, 1);
    return true;
}
