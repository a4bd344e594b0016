/*
** num.c — number text: the shortest round-trip float format (Python's repr rules) and
** int/float parsing.
*/
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "vm/num.h"
#include "vm/vm.h"

/* By hand, two digits a step: str(i) of an int was snprintf's work and half of the
   strings benchmark. */
int mtn_format_int(int64_t v, char *buf) {
    static const char pairs[] = "00010203040506070809101112131415161718192021222324252627282930"
                                "31323334353637383940414243444546474849505152535455565758596061"
                                "62636465666768697071727374757677787980818283848586878889909192"
                                "93949596979899";
    char tmp[MTN_INT_CHARS];
    char *end = tmp + sizeof tmp, *p = end;
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v; /* INT64_MIN too */
    while (u >= 100) {
        unsigned d = (unsigned)(u % 100) * 2;
        u /= 100;
        *--p = pairs[d + 1];
        *--p = pairs[d];
    }
    if (u >= 10) {
        *--p = pairs[u * 2 + 1];
        *--p = pairs[u * 2];
    } else {
        *--p = (char)('0' + u);
    }
    if (v < 0) *--p = '-';
    int n = (int)(end - p);
    memcpy(buf, p, (size_t)n);
    return n;
}

/* Writes the shortest text that reads back as `d`, in Python's repr style: fixed notation
   for exponents in [-4, 16), else d.ddde+XX; always a '.' or an exponent. */
int mtn_format_double(double d, char *out) {
    if (isnan(d)) return sprintf(out, "nan");
    if (isinf(d)) return sprintf(out, d < 0 ? "-inf" : "inf");
    if (d == 0) return sprintf(out, signbit(d) ? "-0.0" : "0.0");
    char buf[40];
    for (int p = 1; p <= 17; p++) {
        snprintf(buf, sizeof buf, "%.*e", p - 1, d);
        if (strtod(buf, NULL) == d) break;
    }
    /* buf: [-]D[.DDD]e[+-]XX */
    char digits[24];
    int n = 0;
    const char *p = buf;
    bool neg = *p == '-';
    if (neg) p++;
    while (*p && *p != 'e') {
        if (*p != '.') digits[n++] = *p;
        p++;
    }
    int exp = atoi(p + 1);
    while (n > 1 && digits[n - 1] == '0') n--;
    char *o = out;
    if (neg) *o++ = '-';
    if (exp >= -4 && exp < 16) {
        if (exp >= 0) {
            for (int k = 0; k <= exp; k++) *o++ = k < n ? digits[k] : '0';
            *o++ = '.';
            if (n > exp + 1)
                for (int k = exp + 1; k < n; k++) *o++ = digits[k];
            else *o++ = '0';
        } else {
            *o++ = '0';
            *o++ = '.';
            for (int k = 0; k < -exp - 1; k++) *o++ = '0';
            for (int k = 0; k < n; k++) *o++ = digits[k];
        }
    } else {
        *o++ = digits[0];
        if (n > 1) {
            *o++ = '.';
            for (int k = 1; k < n; k++) *o++ = digits[k];
        }
        o += sprintf(o, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    }
    *o = '\0';
    return (int)(o - out);
}

static const char *skip_space(const char *s, const char *end) {
    while (s < end &&
           (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' || *s == '\v'))
        s++;
    return s;
}

static const char *trim_end(const char *s, const char *end) {
    while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n' || end[-1] == '\r' ||
                       end[-1] == '\f' || end[-1] == '\v'))
        end--;
    return end;
}

/* Scans an int with optional sign, base prefix (when base is 0 or matches) and '_'
   between digits; surrounding whitespace is allowed. False if the text is not such an int;
   otherwise *overflow tells whether its value lies outside the 64-bit range (and *out is
   set only when it does not), so that int() can tell OverflowError from ValueError. */
static bool scan_int(const char *s, size_t len, int base, int64_t *out, bool *overflow) {
    const char *end = trim_end(s, s + len);
    s = skip_space(s, end);
    bool neg = false;
    if (s < end && (*s == '+' || *s == '-')) neg = *s++ == '-';
    if (end - s >= 2 && s[0] == '0') {
        char x = (char)(s[1] | 0x20);
        int pb = x == 'x' ? 16 : x == 'o' ? 8 : x == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            base = pb;
            s += 2;
        }
    }
    if (base == 0) base = 10;
    if (s >= end) return false;
    uint64_t v = 0;
    bool last_us = true;
    *overflow = false;
    for (; s < end; s++) {
        char c = *s;
        if (c == '_') {
            if (last_us) return false;
            last_us = true;
            continue;
        }
        int d = (c >= '0' && c <= '9')                     ? c - '0'
                : ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? (c | 0x20) - 'a' + 10
                                                           : 99;
        if (d >= base) return false;
        if (v > (UINT64_MAX - (uint64_t)d) / (uint64_t)base) *overflow = true;
        v = v * (uint64_t)base + (uint64_t)d;
        last_us = false;
    }
    if (last_us) return false;
    if (v > (uint64_t)INT64_MAX + (neg ? 1 : 0)) *overflow = true;
    if (!*overflow) *out = neg ? (int64_t)(0 - v) : (int64_t)v;
    return true;
}

/* Parses an int as scan_int reads it; false if it is malformed or out of range. */
bool mtn_parse_int(const char *s, size_t len, int base, int64_t *out) {
    bool overflow;
    return scan_int(s, len, base, out, &overflow) && !overflow;
}

/* True if s is a well-formed int that only failed to parse because it is out of range. */
bool mtn_int_too_big(const char *s, size_t len, int base) {
    int64_t v;
    bool overflow;
    return scan_int(s, len, base, &v, &overflow) && overflow;
}

/* Parses a float (or an int written as one): "1.5", "-2e3", "inf", "nan". */
bool mtn_parse_number(const char *s, size_t len, Value *out, VM *vm) {
    MT_UNUSED(vm);
    const char *end = trim_end(s, s + len);
    s = skip_space(s, end);
    size_t n = (size_t)(end - s);
    if (n == 0 || n > 400) return false;
    char buf[401];
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '_') {
            if (i == 0 || i + 1 == n || !(s[i - 1] >= '0' && s[i - 1] <= '9') ||
                !(s[i + 1] >= '0' && s[i + 1] <= '9'))
                return false;
            continue;
        }
        buf[k++] = s[i];
    }
    buf[k] = '\0';
    /* strtod accepts hex floats and "infinity"; Mt accepts the decimal forms and inf/nan. */
    for (size_t i = 0; i < k; i++)
        if (buf[i] == 'x' || buf[i] == 'X') return false;
    char *stop;
    errno = 0;
    double d = strtod(buf, &stop);
    if (stop != buf + k) return false;
    *out = DOUBLE_VAL(d);
    return true;
}
