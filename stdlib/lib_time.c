/*
** lib_time.c — the `time` module: the wall clock, a monotonic clock for measuring, and
** timestamps (float seconds since 1970-01-01 UTC) formatted and parsed with strftime
** formats, plus "%f" for microseconds.
**
** Local time follows os.env["TZ"]: the environment Mt code sees is os.env (lib_os.c), so
** before each local conversion the C library's TZ is brought in line with it.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "stdlib/lib.h"
#include "vm/value.h"
#include "vm/object.h"
#include "vm/state.h"
#include "vm/table.h"
#include "vm/map.h"
#include "vm/gc.h"
#include "vm/mem.h"
#include "vm/error.h"

static double clock_seconds(clockid_t id) {
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int time_now(VM *vm, Value *args, int argc) {
    MT_UNUSED(vm);
    MT_UNUSED(argc);
    RETURN(DOUBLE_VAL(clock_seconds(CLOCK_REALTIME)));
}

static int time_monotonic(VM *vm, Value *args, int argc) {
    MT_UNUSED(vm);
    MT_UNUSED(argc);
    RETURN(DOUBLE_VAL(clock_seconds(CLOCK_MONOTONIC)));
}

static int time_monotonic_ns(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    RETURN(mto_int(vm, (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec));
}

/* {== Time zones ==} */

/* Makes the C library's TZ what os.env says (os.env["TZ"], or unset) once os is
   imported; before that the process environment is used as it is. */
static void sync_time_zone(VM *vm) {
    Module *os = mtlib_module(vm, "os");
    Value slot, env = NIL_VAL, tz = NIL_VAL;
    if (os && mtt_get(&os->names, mto_intern_z(vm, "env"), &slot))
        env = os->values[AS_SMALLINT(slot)];
    if (IS_MAP(env)) {
        bool failed;
        mtm_get(vm, AS_MAP(env), OBJ_VAL(mto_intern_z(vm, "TZ")), &tz, &failed);
        const char *want = IS_STRING(tz) ? AS_STRING(tz)->chars : NULL;
        const char *have = getenv("TZ");
        if (want && memchr(want, 0, AS_STRING(tz)->len) != NULL) want = NULL;
        if (want && !(have && strcmp(want, have) == 0)) setenv("TZ", want, 1);
        else if (!want && have) unsetenv("TZ");
    }
    tzset(); /* localtime_r and mktime may not read TZ again by themselves */
}

/* {== Formatting ==} */

static bool utc_arg(Value *args, int argc, int i) {
    return ARG_GIVEN(args, argc, i) && mtv_truthy(args[i]);
}

/* Splits timestamp t into whole seconds and microseconds (rounded, carried). */
static bool split_time(VM *vm, const char *fn, double t, time_t *sec, long *usec) {
    if (!isfinite(t)) {
        mte_throw(vm, ERR_VALUE, "%s(): timestamp must be finite", fn);
        return false;
    }
    double whole = floor(t);
    if (!(whole > -1e17 && whole < 1e17)) {
        mte_throw(vm, ERR_OVERFLOW, "%s(): timestamp out of range", fn);
        return false;
    }
    *sec = (time_t)whole;
    *usec = lround((t - whole) * 1e6);
    if (*usec >= 1000000) {
        *sec += 1;
        *usec -= 1000000;
    }
    return true;
}

/* Copies fmt with every "%f" replaced by the six digits of usec (and "%%" kept, so that
   "%%f" stays literal), into a temporary buffer. */
static char *expand_micros(VM *vm, String *fmt, long usec) {
    char *out = mtmem_tmp_alloc(vm, (size_t)fmt->len * 3 + 2);
    size_t n = 0;
    out[n++] = ' '; /* strftime's 0 is ambiguous for an empty result: never produce one */
    for (uint32_t i = 0; i < fmt->len; i++) {
        char c = fmt->chars[i];
        if (c == '%' && i + 1 < fmt->len && fmt->chars[i + 1] == 'f') {
            n += (size_t)sprintf(out + n, "%06ld", usec);
            i++;
        } else if (c == '%' && i + 1 < fmt->len) {
            out[n++] = c;
            out[n++] = fmt->chars[++i];
        } else {
            out[n++] = c;
        }
    }
    out[n] = '\0';
    return out;
}

static String *format_tm(VM *vm, const char *fmt, const struct tm *tm) {
    size_t cap = 128;
    char *buf = mtmem_tmp_alloc(vm, cap);
    size_t n;
    while ((n = strftime(buf, cap, fmt, tm)) == 0) {
        if (cap > ((size_t)1 << 24)) break;
        cap *= 4;
        buf = mtmem_tmp_realloc(vm, buf, cap);
    }
    String *s = n ? mto_string(vm, buf + 1, n - 1) : NULL; /* without the leading space */
    mtmem_tmp_free(vm, buf);
    return s;
}

static int time_format(VM *vm, Value *args, int argc) {
    double t;
    String *fmt = NULL;
    if (!mtlib_num_arg(vm, args, 1, "time.format", &t)) return NATIVE_ERROR;
    if (ARG_GIVEN(args, argc, 2) && !mtlib_str_arg(vm, args, 2, "time.format", &fmt))
        return NATIVE_ERROR;
    if (fmt && memchr(fmt->chars, 0, fmt->len))
        return mte_throw(vm, ERR_VALUE, "time.format(): format contains a NUL character");
    bool utc = utc_arg(args, argc, 3);
    time_t sec;
    long usec;
    if (!split_time(vm, "time.format", t, &sec, &usec)) return NATIVE_ERROR;
    struct tm tm;
    if (!utc) sync_time_zone(vm);
    if (!(utc ? gmtime_r(&sec, &tm) : localtime_r(&sec, &tm)))
        return mte_throw(vm, ERR_OVERFLOW, "time.format(): timestamp out of range");
    if (!fmt) fmt = mto_intern_z(vm, "%Y-%m-%d %H:%M:%S");
    mtgc_push_temp(vm, OBJ_VAL(fmt));
    char *f = expand_micros(vm, fmt, usec);
    String *s = format_tm(vm, f, &tm);
    mtmem_tmp_free(vm, f);
    mtgc_pop_temp(vm, 1);
    if (!s) return mte_throw(vm, ERR_VALUE, "time.format(): result too long");
    RETURN(OBJ_VAL(s));
}

/* {== Parsing ==} */

/* Parses up to 6 digits of a fraction of a second at *p (at least one). */
static bool parse_micros(const char **p, long *usec) {
    long v = 0;
    int digits = 0;
    while (digits < 6 && **p >= '0' && **p <= '9') {
        v = v * 10 + (**p - '0');
        (*p)++;
        digits++;
    }
    if (digits == 0) return false;
    while (digits++ < 6) v *= 10;
    *usec = v;
    return true;
}

/* strptime over the whole format, with "%f" handled here (glibc has no %f): each piece of
   the format between "%f"s goes to strptime on its own. NULL if the text does not match;
   else where parsing stopped. */
static const char *parse_text(VM *vm, const char *text, String *fmt, struct tm *tm, long *usec) {
    char *piece = mtmem_tmp_alloc(vm, fmt->len + 1);
    const char *p = text;
    uint32_t i = 0;
    while (p && i <= fmt->len) {
        size_t n = 0;
        bool micros = false;
        for (; i < fmt->len; i++) {
            char c = fmt->chars[i];
            if (c == '%' && i + 1 < fmt->len && fmt->chars[i + 1] == 'f') {
                micros = true;
                i += 2;
                break;
            }
            piece[n++] = c;
            if (c == '%' && i + 1 < fmt->len) piece[n++] = fmt->chars[++i];
        }
        piece[n] = '\0';
        if (n) p = strptime(p, piece, tm);
        if (p && micros && !parse_micros(&p, usec)) p = NULL;
        if (!micros) break;
    }
    mtmem_tmp_free(vm, piece);
    return p;
}

static int time_parse(VM *vm, Value *args, int argc) {
    String *text, *fmt = NULL;
    if (!mtlib_str_arg(vm, args, 1, "time.parse", &text)) return NATIVE_ERROR;
    if (ARG_GIVEN(args, argc, 2) && !mtlib_str_arg(vm, args, 2, "time.parse", &fmt))
        return NATIVE_ERROR;
    if (!fmt) fmt = mto_intern_z(vm, "%Y-%m-%d %H:%M:%S");
    if (memchr(fmt->chars, 0, fmt->len) || memchr(text->chars, 0, text->len))
        return mte_throw(vm, ERR_VALUE, "time.parse(): text or format contains a NUL character");
    bool utc = utc_arg(args, argc, 3);
    struct tm tm = {0};
    tm.tm_year = 70; /* fields the format leaves out: 1970-01-01 00:00:00 */
    tm.tm_mday = 1;
    tm.tm_isdst = -1;
    long usec = 0;
    mtgc_push_temp(vm, OBJ_VAL(fmt));
    const char *end = parse_text(vm, text->chars, fmt, &tm, &usec);
    mtgc_pop_temp(vm, 1);
    if (!end || *end)
        return mte_throw(vm, ERR_VALUE, "time.parse(): \"%s\" does not match format \"%s\"",
                         text->chars, fmt->chars);
    bool has_zone = strstr(fmt->chars, "%z") != NULL;
    time_t sec;
    if (utc || has_zone) {
        long offset = has_zone ? tm.tm_gmtoff : 0; /* read first: timegm resets it */
        sec = timegm(&tm) - offset;
    } else {
        sync_time_zone(vm);
        sec = mktime(&tm);
    }
    RETURN(DOUBLE_VAL((double)sec + (double)usec / 1e6));
}

static const char *const p_format[] = {"t", "fmt", "utc", NULL};
static const char *const p_parse[] = {"text", "fmt", "utc", NULL};

static const LibReg time_lib[] = {
    {"now", time_now, 0, 0, NULL, false},
    {"monotonic", time_monotonic, 0, 0, NULL, false},
    {"monotonic_ns", time_monotonic_ns, 0, 0, NULL, false},
    {"format", time_format, 1, 3, p_format, false},
    {"parse", time_parse, 1, 3, p_parse, false},
    {NULL, NULL, 0, 0, NULL, false},
};

static int open_time(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    Module *m = mtlib_native_module(vm, "time", time_lib, NIL_VAL);
    args[0] = OBJ_VAL(m);
    mtlib_module_set(vm, m, "sleep", mtlib_builtin(vm, "sleep"));
    return mtlib_module_ready(vm, args, m);
}

void mttime_open(VM *vm) { mtlib_lazy_module(vm, "time", open_time); }
