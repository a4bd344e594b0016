/*
** lib_re.c — the `re` module: regular expressions on PCRE2 (UTF and UCP modes), in
** Python's shape: compile() gives a Pattern with match/search/fullmatch/findall/
** finditer/sub/subn/split, also module functions taking the pattern first; a match is a
** Match (group, groups, groupdict, start, end, span, expand).
**
** Positions count code points like every str position in Mt; PCRE2 works in bytes, and
** the conversions go through the VM's string cursor (mto_cp_index), so scanning a long
** non-ASCII text costs O(1) per match. PCRE2 allocates through the VM (a general context
** over mtmem_host_realloc); only its JIT's executable pages come from mmap. Matching is
** bounded by PCRE2's match and heap limits: a pattern that backtracks without end raises
** ValueError instead of hanging. `sub` with a function calls it from Mt code (prelude.mt,
** _re_sub_fn), so the function may yield or block.
*/
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>

#include "stdlib/lib.h"
#include "vm/value.h"
#include "vm/object.h"
#include "vm/state.h"
#include "vm/table.h"
#include "vm/map.h"
#include "vm/mem.h"
#include "vm/gc.h"
#include "vm/error.h"
#include "vm/num.h"
#include "vm/foreign.h"

/* Python's flag values, so that programs ported from Python keep their numbers. */
enum { RE_I = 2, RE_M = 8, RE_S = 16, RE_X = 64, RE_A = 256 };
#define RE_KNOWN_FLAGS (RE_I | RE_M | RE_S | RE_X | RE_A)

#define RE_MATCH_LIMIT 10000000 /* PCRE2's default: steps of one match attempt */
#define RE_HEAP_LIMIT  262144   /* KiB of backtracking memory for one match */
#define RE_CACHE_MAX   256      /* patterns compiled by module functions, kept for reuse */

/* {== Per-VM state: PCRE2's contexts and the compile cache ==} */

typedef struct {
    pcre2_general_context *general;
    pcre2_compile_context *compile;
    pcre2_match_context *match;
    Map *cache; /* pattern str -> Pattern object (module functions reuse them) */
} ReState;

typedef struct {
    pcre2_code *code;
    pcre2_match_data *md;
    String *source;
    Map *groupindex; /* group name -> number */
    Value state;     /* the ReState object: its match context */
    int64_t flags;
    uint32_t ngroups;
} Pattern;

typedef struct {
    Value pattern; /* the Pattern object */
    String *subject;
    PCRE2_SIZE *offsets; /* 2 * (ngroups + 1) byte offsets (PCRE2_UNSET: no match) */
    uint32_t ngroups;
} Match;

/* finditer's lazy iterator. */
typedef struct {
    Value pattern;
    String *subject;
    PCRE2_SIZE pos;
    bool after_empty, done;
} Scanner;

static void state_mark(VM *vm, void *payload) {
    ReState *st = payload;
    if (st->cache) mtgc_mark_obj(vm, &st->cache->obj);
}

static void state_free(VM *vm, void *payload) {
    MT_UNUSED(vm);
    ReState *st = payload;
    pcre2_match_context_free(st->match);
    pcre2_compile_context_free(st->compile);
    pcre2_general_context_free(st->general);
}

static void pattern_mark(VM *vm, void *payload) {
    Pattern *p = payload;
    if (p->source) mtgc_mark_obj(vm, &p->source->obj);
    if (p->groupindex) mtgc_mark_obj(vm, &p->groupindex->obj);
    mtgc_mark_value(vm, p->state);
}

static void pattern_free(VM *vm, void *payload) {
    MT_UNUSED(vm);
    Pattern *p = payload;
    pcre2_match_data_free(p->md);
    pcre2_code_free(p->code);
}

static void match_mark(VM *vm, void *payload) {
    Match *m = payload;
    mtgc_mark_value(vm, m->pattern);
    if (m->subject) mtgc_mark_obj(vm, &m->subject->obj);
}

static void match_free(VM *vm, void *payload) {
    Match *m = payload;
    if (m->offsets) mtmem_free(vm, m->offsets, 2 * (m->ngroups + 1) * sizeof(PCRE2_SIZE));
}

static void scanner_mark(VM *vm, void *payload) {
    Scanner *s = payload;
    mtgc_mark_value(vm, s->pattern);
    if (s->subject) mtgc_mark_obj(vm, &s->subject->obj);
}

static int scanner_next(VM *vm, Value *args, int argc);

static const ForeignOps state_ops = {
    .name = "re.State", .size = sizeof(ReState), .mark = state_mark, .free = state_free};
static const ForeignOps pattern_ops = {
    .name = "Pattern", .size = sizeof(Pattern), .mark = pattern_mark, .free = pattern_free};
static const ForeignOps match_ops = {
    .name = "Match", .size = sizeof(Match), .mark = match_mark, .free = match_free};
static const ForeignOps scanner_ops = {
    .name = "MatchIterator", .size = sizeof(Scanner), .mark = scanner_mark, .next = scanner_next};

/* PCRE2's memory, from the VM: a size header in front of each block (pcre2's free does not
   say the size). When the VM refuses, garbage is collected and the request tried again,
   as for the VM's own allocations (PCRE2 only ever runs on rooted patterns and subjects);
   then NULL, and PCRE2 reports it (compile: PCRE2_ERROR_HEAP_FAILED, else NOMEMORY). */
static void *re_malloc(PCRE2_SIZE size, void *data) {
    VM *vm = data;
    size_t *p = mtmem_host_realloc(vm, NULL, 0, size + 16);
    if (!p && vm->gc_pause == 0 && !vm->gc_running) {
        mtgc_collect(vm);
        p = mtmem_host_realloc(vm, NULL, 0, size + 16);
    }
    if (!p) return NULL;
    p[0] = size + 16;
    return (char *)p + 16;
}

static void re_free(void *block, void *vm) {
    if (!block) return;
    size_t *p = (size_t *)((char *)block - 16);
    mtmem_host_realloc(vm, p, p[0], 0);
}

static ReState *new_state(VM *vm, Value *out) {
    ReState *st = mtfo_new(vm, &state_ops, out);
    mtgc_push_temp(vm, *out);
    st->cache = mtm_new(vm, 0);
    st->general = pcre2_general_context_create(re_malloc, re_free, vm);
    if (st->general) st->compile = pcre2_compile_context_create(st->general);
    if (st->general) st->match = pcre2_match_context_create(st->general);
    if (!st->compile || !st->match) mtmem_fail(vm); /* the free hook releases what was made */
    pcre2_set_compile_extra_options(st->compile, PCRE2_EXTRA_ALT_BSUX);
    pcre2_set_match_limit(st->match, RE_MATCH_LIMIT);
    pcre2_set_heap_limit(st->match, RE_HEAP_LIMIT);
    mtgc_pop_temp(vm, 1);
    return st;
}

/* The module functions find the state in their native's data. */
static ReState *state_of_native(Value *args) {
    return mtfo_payload(((Native *)AS_OBJ(args[0]))->data, &state_ops);
}

/* {== Compiling ==} */

/* Python's \Z (the very end) is PCRE2's \z: rewrites it outside character classes, into a
   temporary copy of the pattern (NULL if there is nothing to rewrite). */
static char *translate_pattern(VM *vm, String *src) {
    if (!memmem(src->chars, src->len, "\\Z", 2)) return NULL;
    char *out = mtmem_tmp_alloc(vm, src->len + 1);
    memcpy(out, src->chars, src->len + 1);
    bool in_class = false;
    for (uint32_t i = 0; i < src->len; i++) {
        if (out[i] == '\\' && i + 1 < src->len) {
            if (out[i + 1] == 'Z' && !in_class) out[i + 1] = 'z';
            i++;
        } else if (out[i] == '[' && !in_class) {
            in_class = true;
            if (i + 1 < src->len && out[i + 1] == '^') i++;
            if (i + 1 < src->len && out[i + 1] == ']') i++; /* a leading ] is literal */
        } else if (out[i] == ']') {
            in_class = false;
        }
    }
    return out;
}

static uint32_t pcre2_options(int64_t flags) {
    uint32_t o = PCRE2_UTF | PCRE2_NO_UTF_CHECK | (flags & RE_A ? 0 : PCRE2_UCP);
    if (flags & RE_I) o |= PCRE2_CASELESS;
    if (flags & RE_M) o |= PCRE2_MULTILINE;
    if (flags & RE_S) o |= PCRE2_DOTALL;
    if (flags & RE_X) o |= PCRE2_EXTENDED;
    return o;
}

/* Raises the ValueError for a pattern that does not compile, at a code point position. */
static int compile_error(VM *vm, String *src, int code, PCRE2_SIZE offset) {
    PCRE2_UCHAR msg[256];
    pcre2_get_error_message(code, msg, sizeof msg);
    uint32_t at = mto_cp_index(vm, src, offset > src->len ? src->len : (uint32_t)offset);
    return mte_throw(vm, ERR_VALUE, "re: %s at position %u in pattern \"%s\"", (char *)msg, at,
                     src->chars);
}

/* The names of the pattern's groups, as a map name -> number in the order of the groups
   (PCRE2's table is sorted by name). */
static Map *group_names(VM *vm, pcre2_code *code) {
    uint32_t count = 0, entry = 0, ngroups = 0;
    PCRE2_SPTR table = NULL;
    pcre2_pattern_info(code, PCRE2_INFO_NAMECOUNT, &count);
    pcre2_pattern_info(code, PCRE2_INFO_NAMEENTRYSIZE, &entry);
    pcre2_pattern_info(code, PCRE2_INFO_NAMETABLE, &table);
    pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &ngroups);
    Map *names = mtm_new(vm, 0);
    mtgc_push_temp(vm, OBJ_VAL(names));
    for (uint32_t group = 1; count > 0 && group <= ngroups; group++)
        for (uint32_t i = 0; i < count; i++) {
            PCRE2_SPTR e = table + (size_t)i * entry;
            if ((uint32_t)((e[0] << 8) | e[1]) != group) continue;
            String *name = mto_string_z(vm, (const char *)e + 2);
            mtgc_push_temp(vm, OBJ_VAL(name));
            mtm_set(vm, names, OBJ_VAL(name), SMALLINT_VAL(group));
            mtgc_pop_temp(vm, 1);
        }
    mtgc_pop_temp(vm, 1);
    return names;
}

/* Compiles a Pattern object into *out; false with the error raised. */
static bool compile(VM *vm, Value state, String *src, int64_t flags, Value *out) {
    if (flags & ~(int64_t)RE_KNOWN_FLAGS) {
        mte_throw(vm, ERR_VALUE, "re.compile(): unknown flags 0x%llx",
                  (unsigned long long)(flags & ~(int64_t)RE_KNOWN_FLAGS));
        return false;
    }
    ReState *st = mtfo_payload(state, &state_ops);
    Pattern *p = mtfo_new(vm, &pattern_ops, out);
    mtgc_push_temp(vm, *out);
    p->source = src;
    p->state = state;
    p->flags = flags;
    char *translated = translate_pattern(vm, src);
    int err;
    PCRE2_SIZE offset;
    p->code = pcre2_compile((PCRE2_SPTR)(translated ? translated : src->chars), src->len,
                            pcre2_options(flags), &err, &offset, st->compile);
    if (translated) mtmem_tmp_free(vm, translated);
    if (!p->code) {
        mtgc_pop_temp(vm, 1);
        if (err == PCRE2_ERROR_HEAP_FAILED || err == PCRE2_ERROR_NOMEMORY) mtmem_fail(vm);
        compile_error(vm, src, err, offset);
        return false;
    }
    pcre2_jit_compile(p->code, PCRE2_JIT_COMPLETE); /* if it fails, the interpreter runs */
    p->md = pcre2_match_data_create_from_pattern(p->code, st->general);
    if (!p->md) mtmem_fail(vm);
    pcre2_pattern_info(p->code, PCRE2_INFO_CAPTURECOUNT, &p->ngroups);
    p->groupindex = group_names(vm, p->code);
    mtgc_pop_temp(vm, 1);
    return true;
}

static bool flags_arg(VM *vm, Value *args, int argc, int i, const char *fn, int64_t *flags) {
    *flags = 0;
    return !ARG_GIVEN(args, argc, i) || mtlib_int_arg(vm, args, i, fn, flags);
}

/* The Pattern for a module function's pattern argument: a Pattern as it is (no flags may
   be added), or a str compiled through the cache. False with the error raised. */
static bool pattern_arg(VM *vm, Value *args, Value v, int64_t flags, const char *fn, Value *out) {
    if (mtfo_payload(v, &pattern_ops)) {
        if (flags) {
            mte_throw(vm, ERR_VALUE, "%s(): cannot give flags with a compiled pattern", fn);
            return false;
        }
        *out = v;
        return true;
    }
    if (!IS_STRING(v)) {
        mtlib_type_error(vm, fn, 1, "a str or a Pattern", v);
        return false;
    }
    Value state = ((Native *)AS_OBJ(args[0]))->data;
    ReState *st = state_of_native(args);
    Value hit;
    bool failed;
    if (mtm_get(vm, st->cache, v, &hit, &failed) &&
        ((Pattern *)mtfo_payload(hit, &pattern_ops))->flags == flags) {
        *out = hit;
        return true;
    }
    if (!compile(vm, state, AS_STRING(v), flags, out)) return false;
    if (st->cache->count >= RE_CACHE_MAX) mtm_clear(vm, st->cache);
    mtm_set(vm, st->cache, v, *out);
    return true;
}

/* {== Matching ==} */

/* Checks once per call that the subject is valid UTF-8 (Mt strings always are; this
   guards the invariant cheaply), so that every pcre2_match on it can skip PCRE2's own
   check, which would cost a pass over the whole text per match in findall or sub. */
static bool subject_ok(VM *vm, String *s) {
    if (s->obj.flags & STR_ASCII) return true;
    const unsigned char *p = (const unsigned char *)s->chars, *end = p + s->len;
    while (p < end) {
        if (*p < 0x80) {
            p++;
            continue;
        }
        int n = (*p & 0xE0) == 0xC0 ? 2 : (*p & 0xF0) == 0xE0 ? 3 : (*p & 0xF8) == 0xF0 ? 4 : 0;
        bool ok = n && end - p >= n && *p >= 0xC2 && *p <= 0xF4;
        for (int i = 1; ok && i < n; i++) ok = (p[i] & 0xC0) == 0x80;
        if (!ok) {
            mte_throw(vm, ERR_UNICODE, "re: subject is not valid UTF-8");
            return false;
        }
        p += n;
    }
    return true;
}

/* One pcre2_match of p on s from byte `start`. Returns > 0 on a match (offsets in p->md),
   0 for no match, -1 with the error raised. */
static int run(VM *vm, Pattern *p, String *s, PCRE2_SIZE start, uint32_t options) {
    ReState *st = mtfo_payload(p->state, &state_ops);
    options |= PCRE2_NO_UTF_CHECK;
    int rc = pcre2_match(p->code, (PCRE2_SPTR)s->chars, s->len, start, options, p->md, st->match);
    if (rc == PCRE2_ERROR_JIT_STACKLIMIT) /* the JIT's stack is small: the interpreter's is not */
        rc = pcre2_match(p->code, (PCRE2_SPTR)s->chars, s->len, start, options | PCRE2_NO_JIT,
                         p->md, st->match);
    if (rc > 0) return rc;
    if (rc == PCRE2_ERROR_NOMATCH) return 0;
    if (rc == 0) return 1; /* the ovector was too small: cannot happen with our match data */
    if (rc == PCRE2_ERROR_NOMEMORY) mtmem_fail(vm);
    if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
        rc == PCRE2_ERROR_HEAPLIMIT) {
        mte_throw(vm, ERR_VALUE,
                  "re: pattern \"%s\" hit the match limit (it backtracks too much on this text)",
                  p->source->chars);
        return -1;
    }
    PCRE2_UCHAR msg[256];
    pcre2_get_error_message(rc, msg, sizeof msg);
    mte_throw(vm, ERR_VALUE, "re: matching failed: %s", (char *)msg);
    return -1;
}

/* Walks the matches of p in s from scan->pos, Python's way: after an empty match the next
   one may not be empty at the same place (it is retried anchored and non-empty, else the
   search moves on by a code point). */
typedef struct {
    PCRE2_SIZE pos;
    bool after_empty;
} Scan;

/* The next match: 1 (offsets in p->md), 0 when there are no more, -1 on an error. */
static int scan_next(VM *vm, Pattern *p, String *s, Scan *sc) {
    for (;;) {
        if (sc->pos > s->len) return 0;
        uint32_t opts = sc->after_empty ? PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED : 0;
        int rc = run(vm, p, s, sc->pos, opts);
        if (rc < 0) return -1;
        if (rc == 0) {
            if (!sc->after_empty || sc->pos >= s->len) return 0;
            sc->after_empty = false;
            do sc->pos++;
            while (sc->pos < s->len && ((unsigned char)s->chars[sc->pos] & 0xC0) == 0x80);
            continue;
        }
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(p->md);
        if (ov[1] < ov[0]) { /* \K in a lookahead can do this: there is no sane next place */
            mte_throw(vm, ERR_VALUE, "re: a match ends before it starts (\\K)");
            return -1;
        }
        sc->pos = ov[1];
        sc->after_empty = ov[0] == ov[1];
        return 1;
    }
}

/* {== Match objects ==} */

/* A Match from the offsets in p->md (the last successful run). */
static Value new_match(VM *vm, Value pattern, Pattern *p, String *s) {
    Value v;
    Match *m = mtfo_new(vm, &match_ops, &v);
    mtgc_push_temp(vm, v);
    m->pattern = pattern;
    m->subject = s;
    size_t n = 2 * ((size_t)p->ngroups + 1);
    PCRE2_SIZE *offsets = mtmem_alloc(vm, n * sizeof(PCRE2_SIZE));
    memcpy(offsets, pcre2_get_ovector_pointer(p->md), n * sizeof(PCRE2_SIZE));
    m->offsets = offsets;
    m->ngroups = p->ngroups;
    mtgc_pop_temp(vm, 1);
    return v;
}

#define SELF_MATCH ((Match *)mtfo_payload(args[0], &match_ops))

/* The group number of v (an int or a group name); -1 with IndexError raised. */
static int64_t group_number(VM *vm, Match *m, Value v) {
    int64_t n = -1;
    if (IS_INT(v)) n = AS_INT(v);
    else if (IS_STRING(v)) {
        Pattern *p = mtfo_payload(m->pattern, &pattern_ops);
        Value num;
        bool failed;
        if (mtm_get(vm, p->groupindex, v, &num, &failed)) n = AS_SMALLINT(num);
    } else {
        mte_throw(vm, ERR_TYPE, "a group is an int or a str, not %s", mtv_type_name(v));
        return -1;
    }
    if (n < 0 || n > m->ngroups) {
        String *r = mtv_to_string(vm, v, true);
        if (r) mte_throw(vm, ERR_INDEX, "no such group: %s", r->chars);
        return -1;
    }
    return n;
}

/* The text of group n, or dflt if it did not take part in the match. */
static Value group_text(VM *vm, Match *m, int64_t n, Value dflt) {
    PCRE2_SIZE a = m->offsets[2 * n], b = m->offsets[2 * n + 1];
    if (a == PCRE2_UNSET) return dflt;
    return OBJ_VAL(mto_string(vm, m->subject->chars + a, b - a));
}

/* m.group(n = 0) or m.group(n1, n2, ...): one group's text, or a list of them. */
static int match_group(VM *vm, Value *args, int argc) {
    Match *m = SELF_MATCH;
    if (argc <= 1) {
        int64_t n = argc == 0 ? 0 : group_number(vm, m, args[1]);
        if (n < 0) return NATIVE_ERROR;
        RETURN(group_text(vm, m, n, NIL_VAL));
    }
    List *out = mto_list(vm, (uint32_t)argc);
    mtgc_push_temp(vm, OBJ_VAL(out));
    for (int i = 1; i <= argc; i++) {
        int64_t n = group_number(vm, m, args[i]);
        if (n < 0) return mtgc_pop_temp(vm, 1), NATIVE_ERROR;
        mto_list_push(vm, out, group_text(vm, m, n, NIL_VAL));
    }
    mtgc_pop_temp(vm, 1);
    RETURN(OBJ_VAL(out));
}

static int match_groups(VM *vm, Value *args, int argc) {
    Match *m = SELF_MATCH;
    Value dflt = ARG_GIVEN(args, argc, 1) ? args[1] : NIL_VAL;
    List *out = mto_list(vm, m->ngroups);
    mtgc_push_temp(vm, OBJ_VAL(out));
    for (uint32_t n = 1; n <= m->ngroups; n++) mto_list_push(vm, out, group_text(vm, m, n, dflt));
    mtgc_pop_temp(vm, 1);
    RETURN(OBJ_VAL(out));
}

static int match_groupdict(VM *vm, Value *args, int argc) {
    Match *m = SELF_MATCH;
    Value dflt = ARG_GIVEN(args, argc, 1) ? args[1] : NIL_VAL;
    Pattern *p = mtfo_payload(m->pattern, &pattern_ops);
    Map *out = mtm_new(vm, 0);
    mtgc_push_temp(vm, OBJ_VAL(out));
    MAP_FOREACH(p->groupindex, node) {
        Value text = group_text(vm, m, AS_SMALLINT(node->value), dflt);
        mtm_set(vm, out, node->key, text);
    }
    mtgc_pop_temp(vm, 1);
    RETURN(OBJ_VAL(out));
}

/* Code point position of group n's start (end: its end), or -1 if it did not match. */
static int64_t group_pos(VM *vm, Match *m, int64_t n, bool end) {
    PCRE2_SIZE b = m->offsets[2 * n + end];
    if (b == PCRE2_UNSET) return -1;
    return mto_cp_index(vm, m->subject, (uint32_t)b);
}

static int64_t group_arg(VM *vm, Value *args, int argc) {
    return ARG_GIVEN(args, argc, 1) ? group_number(vm, SELF_MATCH, args[1]) : 0;
}

static int match_start(VM *vm, Value *args, int argc) {
    int64_t n = group_arg(vm, args, argc);
    if (n < 0) return NATIVE_ERROR;
    RETURN(SMALLINT_VAL(group_pos(vm, SELF_MATCH, n, false)));
}

static int match_end(VM *vm, Value *args, int argc) {
    int64_t n = group_arg(vm, args, argc);
    if (n < 0) return NATIVE_ERROR;
    RETURN(SMALLINT_VAL(group_pos(vm, SELF_MATCH, n, true)));
}

static int match_span(VM *vm, Value *args, int argc) {
    int64_t n = group_arg(vm, args, argc);
    if (n < 0) return NATIVE_ERROR;
    List *l = mto_list(vm, 2);
    l->items[0] = SMALLINT_VAL(group_pos(vm, SELF_MATCH, n, false));
    l->items[1] = SMALLINT_VAL(group_pos(vm, SELF_MATCH, n, true));
    l->count = 2;
    RETURN(OBJ_VAL(l));
}

static int match_string(VM *vm, Value *args, int argc) {
    MT_UNUSED(vm);
    MT_UNUSED(argc);
    RETURN(OBJ_VAL(SELF_MATCH->subject));
}

static int match_re(VM *vm, Value *args, int argc) {
    MT_UNUSED(vm);
    MT_UNUSED(argc);
    RETURN(SELF_MATCH->pattern);
}

/* {== Replacement templates ==} */

/* A growing temporary byte buffer (freed by the protected region on MemoryError). */
typedef struct {
    char *p;
    size_t len, cap;
} Buf;

static void buf_init(VM *vm, Buf *b, size_t cap) {
    b->cap = cap < 64 ? 64 : cap;
    b->p = mtmem_tmp_alloc(vm, b->cap);
    b->len = 0;
}

static void buf_add(VM *vm, Buf *b, const char *s, size_t n) {
    if (b->len + n > b->cap) {
        b->cap = (b->len + n) * 2;
        b->p = mtmem_tmp_realloc(vm, b->p, b->cap);
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
}

/* The buffer's text as a str; frees the buffer. */
static String *buf_finish(VM *vm, Buf *b) {
    String *r = mto_string(vm, b->p, b->len);
    mtmem_tmp_free(vm, b->p);
    return r;
}

/* Reads a group reference of a template at *i (after "\g<" or a "\" before digits) into
 *group; false with the error raised. */
static bool template_group(VM *vm, String *t, uint32_t *i, Pattern *p, int64_t *group) {
    const char *c = t->chars;
    if (c[*i] != 'g') { /* \1 .. \99 */
        int64_t n = c[*i] - '0';
        (*i)++;
        if (*i < t->len && c[*i] >= '0' && c[*i] <= '9' && n * 10 + (c[*i] - '0') <= p->ngroups)
            n = n * 10 + (c[(*i)++] - '0');
        *group = n;
    } else {
        const char *close =
            *i + 1 < t->len && c[*i + 1] == '<' ? memchr(c + *i + 2, '>', t->len - *i - 2) : NULL;
        if (!close) {
            mte_throw(vm, ERR_VALUE, "re: missing group name in \\g<...> in replacement \"%s\"",
                      t->chars);
            return false;
        }
        const char *name = c + *i + 2;
        size_t len = (size_t)(close - name);
        int64_t n;
        Value num;
        bool failed;
        String *key = mto_string(vm, name, len);
        if (len && mtn_parse_int(name, len, 10, &n) && name[0] >= '0' && name[0] <= '9') *group = n;
        else if (mtm_get(vm, p->groupindex, OBJ_VAL(key), &num, &failed)) *group = AS_SMALLINT(num);
        else *group = -1;
        *i = (uint32_t)(close - c) + 1;
    }
    if (*group < 0 || *group > p->ngroups) {
        mte_throw(vm, ERR_VALUE, "re: invalid group reference in replacement \"%s\"", t->chars);
        return false;
    }
    return true;
}

/* Appends the replacement template t, expanded for the match in p->md, to out: \1-\99
   and \g<n>/\g<name> are groups ("" if a group did not match), \n \t \r \f \v \a \b and
   \\ are escapes; another backslash before an ASCII letter is an error. */
static bool expand(VM *vm, String *t, Pattern *p, const char *subject, PCRE2_SIZE *ov, Buf *out) {
    static const char escapes[] = "n\nt\tr\rf\fv\va\ab\b\\\\";
    const char *c = t->chars;
    uint32_t run = 0;
    for (uint32_t i = 0; i < t->len;) {
        if (c[i] != '\\' || i + 1 >= t->len) {
            i++;
            continue;
        }
        buf_add(vm, out, c + run, i - run);
        char e = c[i + 1];
        const char *simple = e ? strchr(escapes, e) : NULL;
        if ((e >= '0' && e <= '9') || e == 'g') {
            int64_t g;
            i++;
            if (!template_group(vm, t, &i, p, &g)) return false;
            if (ov[2 * g] != PCRE2_UNSET)
                buf_add(vm, out, subject + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
        } else if (simple && (simple - escapes) % 2 == 0) {
            buf_add(vm, out, simple + 1, 1);
            i += 2;
        } else if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z')) {
            mte_throw(vm, ERR_VALUE, "re: bad escape \\%c in replacement \"%s\"", e, t->chars);
            return false;
        } else {
            buf_add(vm, out, c + i, 2); /* kept as written */
            i += 2;
        }
        run = i;
    }
    buf_add(vm, out, c + run, t->len - run);
    return true;
}

static int match_expand(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    Match *m = SELF_MATCH;
    String *t;
    if (!mtlib_str_arg(vm, args, 1, "expand", &t)) return NATIVE_ERROR;
    Buf out;
    buf_init(vm, &out, t->len);
    if (!expand(vm, t, mtfo_payload(m->pattern, &pattern_ops), m->subject->chars, m->offsets,
                &out)) {
        mtmem_tmp_free(vm, out.p);
        return NATIVE_ERROR;
    }
    RETURN(OBJ_VAL(buf_finish(vm, &out)));
}

/* {== The operations, shared by Pattern methods and module functions ==} */

enum { ANCHOR_NONE, ANCHOR_START, ANCHOR_BOTH };

/* search, match (anchored at the start) and fullmatch (at both ends): a Match or nil. */
static int op_match(VM *vm, Value *args, Value pv, String *s, int anchor) {
    Pattern *p = mtfo_payload(pv, &pattern_ops);
    if (!subject_ok(vm, s)) return NATIVE_ERROR;
    uint32_t opts = anchor == ANCHOR_NONE    ? 0
                    : anchor == ANCHOR_START ? PCRE2_ANCHORED
                                             : PCRE2_ANCHORED | PCRE2_ENDANCHORED;
    int rc = run(vm, p, s, 0, opts);
    if (rc < 0) return NATIVE_ERROR;
    RETURN(rc == 0 ? NIL_VAL : new_match(vm, pv, p, s));
}

/* What findall lists for one match: the whole match without groups, the group with one,
   else a list of the groups ("" for a group that did not take part). */
static Value findall_item(VM *vm, Pattern *p, String *s) {
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(p->md);
    if (p->ngroups <= 1) {
        uint32_t g = p->ngroups;
        if (ov[2 * g] == PCRE2_UNSET) return OBJ_VAL(mto_intern(vm, "", 0));
        return OBJ_VAL(mto_string(vm, s->chars + ov[2 * g], ov[2 * g + 1] - ov[2 * g]));
    }
    List *l = mto_list(vm, p->ngroups);
    mtgc_push_temp(vm, OBJ_VAL(l));
    for (uint32_t g = 1; g <= p->ngroups; g++) {
        String *t = ov[2 * g] == PCRE2_UNSET
                        ? mto_intern(vm, "", 0)
                        : mto_string(vm, s->chars + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
        mto_list_push(vm, l, OBJ_VAL(t));
    }
    mtgc_pop_temp(vm, 1);
    return OBJ_VAL(l);
}

static int op_findall(VM *vm, Value *args, Value pv, String *s) {
    Pattern *p = mtfo_payload(pv, &pattern_ops);
    if (!subject_ok(vm, s)) return NATIVE_ERROR;
    List *out = mto_list(vm, 0);
    mtgc_push_temp(vm, OBJ_VAL(out));
    Scan sc = {0, false};
    int rc;
    while ((rc = scan_next(vm, p, s, &sc)) > 0) mto_list_push(vm, out, findall_item(vm, p, s));
    mtgc_pop_temp(vm, 1);
    if (rc < 0) return NATIVE_ERROR;
    RETURN(OBJ_VAL(out));
}

static int op_finditer(VM *vm, Value *args, Value pv, String *s) {
    if (!subject_ok(vm, s)) return NATIVE_ERROR;
    Value it;
    Scanner *sc = mtfo_new(vm, &scanner_ops, &it);
    sc->pattern = pv;
    sc->subject = s;
    RETURN(it);
}

/* for m in finditer(...): the next Match, or the end. */
static int scanner_next(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    Scanner *it = mtfo_payload(args[0], &scanner_ops);
    if (it->done) return NATIVE_END;
    Pattern *p = mtfo_payload(it->pattern, &pattern_ops);
    Scan sc = {it->pos, it->after_empty};
    int rc = scan_next(vm, p, it->subject, &sc);
    if (rc < 0) return NATIVE_ERROR;
    it->pos = sc.pos;
    it->after_empty = sc.after_empty;
    if (rc == 0) {
        it->done = true;
        return NATIVE_END;
    }
    RETURN(new_match(vm, it->pattern, p, it->subject));
}

/* sub/subn with a str replacement; a function goes to Mt code (prelude.mt). */
static int op_sub(VM *vm, Value *args, Value pv, Value repl, String *s, int64_t count,
                  bool with_count) {
    if (!IS_STRING(repl)) {
        /* count beyond a small int is "all" anyway: no boxed int to root */
        Value n = SMALLINT_VAL(count > MT_SMALLINT_MAX ? MT_SMALLINT_MAX : count);
        Value a[5] = {pv, repl, OBJ_VAL(s), n, BOOL_VAL(with_count)};
        return mtlib_tail_call(vm, args, mtlib_prelude(vm, "_re_sub_fn"), 5, a);
    }
    Pattern *p = mtfo_payload(pv, &pattern_ops);
    if (count < 0) return mte_throw(vm, ERR_VALUE, "re.sub(): count must not be negative");
    if (!subject_ok(vm, s)) return NATIVE_ERROR;
    Buf out;
    buf_init(vm, &out, s->len);
    Scan sc = {0, false};
    PCRE2_SIZE copied = 0;
    int64_t n = 0;
    int rc = 0;
    while ((count == 0 || n < count) && (rc = scan_next(vm, p, s, &sc)) > 0) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(p->md);
        buf_add(vm, &out, s->chars + copied, ov[0] - copied);
        if (!expand(vm, AS_STRING(repl), p, s->chars, ov, &out)) rc = -1;
        if (rc < 0) break;
        copied = ov[1];
        n++;
    }
    if (rc < 0) {
        mtmem_tmp_free(vm, out.p);
        return NATIVE_ERROR;
    }
    buf_add(vm, &out, s->chars + copied, s->len - copied);
    args[0] = OBJ_VAL(buf_finish(vm, &out)); /* rooted while the pair is made */
    if (!with_count) return NATIVE_OK;
    List *l = mto_list(vm, 2);
    l->items[0] = args[0];
    l->count = 1;
    args[0] = OBJ_VAL(l);
    mto_list_push(vm, l, mto_int(vm, n));
    return NATIVE_OK;
}

/* split: the text between matches, with the groups of each match in between (nil for a
   group that did not take part), at most maxsplit times if maxsplit > 0. */
static int op_split(VM *vm, Value *args, Value pv, String *s, int64_t maxsplit) {
    Pattern *p = mtfo_payload(pv, &pattern_ops);
    if (maxsplit < 0) return mte_throw(vm, ERR_VALUE, "re.split(): maxsplit must not be negative");
    if (!subject_ok(vm, s)) return NATIVE_ERROR;
    List *out = mto_list(vm, 0);
    mtgc_push_temp(vm, OBJ_VAL(out));
    Scan sc = {0, false};
    PCRE2_SIZE last = 0;
    int64_t n = 0;
    int rc = 0;
    while ((maxsplit == 0 || n < maxsplit) && (rc = scan_next(vm, p, s, &sc)) > 0) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(p->md);
        mto_list_push(vm, out, OBJ_VAL(mto_string(vm, s->chars + last, ov[0] - last)));
        for (uint32_t g = 1; g <= p->ngroups; g++) {
            Value t =
                ov[2 * g] == PCRE2_UNSET
                    ? NIL_VAL
                    : OBJ_VAL(mto_string(vm, s->chars + ov[2 * g], ov[2 * g + 1] - ov[2 * g]));
            mto_list_push(vm, out, t);
        }
        last = ov[1];
        n++;
    }
    if (rc >= 0) mto_list_push(vm, out, OBJ_VAL(mto_string(vm, s->chars + last, s->len - last)));
    mtgc_pop_temp(vm, 1);
    if (rc < 0) return NATIVE_ERROR;
    RETURN(OBJ_VAL(out));
}

/* {== Pattern methods ==} */

static bool str_at(VM *vm, Value *args, int i, const char *fn, String **out) {
    return mtlib_str_arg(vm, args, i, fn, out);
}

static bool count_arg(VM *vm, Value *args, int argc, int i, const char *fn, int64_t *out) {
    *out = 0;
    return !ARG_GIVEN(args, argc, i) || mtlib_int_arg(vm, args, i, fn, out);
}

#define PATTERN_MATCHER(name, anchor)                                                              \
    static int pattern_##name(VM *vm, Value *args, int argc) {                                     \
        MT_UNUSED(argc);                                                                           \
        String *s;                                                                                 \
        if (!str_at(vm, args, 1, #name, &s)) return NATIVE_ERROR;                                  \
        return op_match(vm, args, args[0], s, anchor);                                             \
    }
PATTERN_MATCHER(search, ANCHOR_NONE)
PATTERN_MATCHER(match, ANCHOR_START)
PATTERN_MATCHER(fullmatch, ANCHOR_BOTH)

static int pattern_findall(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    String *s;
    if (!str_at(vm, args, 1, "findall", &s)) return NATIVE_ERROR;
    return op_findall(vm, args, args[0], s);
}

static int pattern_finditer(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    String *s;
    if (!str_at(vm, args, 1, "finditer", &s)) return NATIVE_ERROR;
    return op_finditer(vm, args, args[0], s);
}

static int pattern_sub_impl(VM *vm, Value *args, int argc, bool with_count, const char *fn) {
    String *s;
    int64_t count;
    if (!str_at(vm, args, 2, fn, &s) || !count_arg(vm, args, argc, 3, fn, &count))
        return NATIVE_ERROR;
    return op_sub(vm, args, args[0], args[1], s, count, with_count);
}

static int pattern_sub(VM *vm, Value *args, int argc) {
    return pattern_sub_impl(vm, args, argc, false, "sub");
}

static int pattern_subn(VM *vm, Value *args, int argc) {
    return pattern_sub_impl(vm, args, argc, true, "subn");
}

static int pattern_split(VM *vm, Value *args, int argc) {
    String *s;
    int64_t maxsplit;
    if (!str_at(vm, args, 1, "split", &s) || !count_arg(vm, args, argc, 2, "split", &maxsplit))
        return NATIVE_ERROR;
    return op_split(vm, args, args[0], s, maxsplit);
}

#define SELF_PATTERN ((Pattern *)mtfo_payload(args[0], &pattern_ops))

static int pattern_pattern(VM *vm, Value *args, int argc) {
    MT_UNUSED(vm);
    MT_UNUSED(argc);
    RETURN(OBJ_VAL(SELF_PATTERN->source));
}

static int pattern_flags(VM *vm, Value *args, int argc) {
    MT_UNUSED(vm);
    MT_UNUSED(argc);
    RETURN(SMALLINT_VAL(SELF_PATTERN->flags));
}

static int pattern_groups(VM *vm, Value *args, int argc) {
    MT_UNUSED(vm);
    MT_UNUSED(argc);
    RETURN(SMALLINT_VAL(SELF_PATTERN->ngroups));
}

static int pattern_groupindex(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    Map *copy = mtm_new(vm, 0); /* a copy: the pattern's own must not change */
    mtgc_push_temp(vm, OBJ_VAL(copy));
    MAP_FOREACH(SELF_PATTERN->groupindex, node) mtm_set(vm, copy, node->key, node->value);
    mtgc_pop_temp(vm, 1);
    RETURN(OBJ_VAL(copy));
}

/* {== Module functions ==} */

static int re_compile(VM *vm, Value *args, int argc) {
    int64_t flags;
    if (!flags_arg(vm, args, argc, 2, "re.compile", &flags)) return NATIVE_ERROR;
    Value pv;
    if (!pattern_arg(vm, args, args[1], flags, "re.compile", &pv)) return NATIVE_ERROR;
    RETURN(pv);
}

#define MODULE_MATCHER(name, anchor)                                                               \
    static int re_##name(VM *vm, Value *args, int argc) {                                          \
        String *s;                                                                                 \
        int64_t flags;                                                                             \
        Value pv;                                                                                  \
        if (!str_at(vm, args, 2, "re." #name, &s) ||                                               \
            !flags_arg(vm, args, argc, 3, "re." #name, &flags) ||                                  \
            !pattern_arg(vm, args, args[1], flags, "re." #name, &pv))                              \
            return NATIVE_ERROR;                                                                   \
        return op_match(vm, args, pv, s, anchor);                                                  \
    }
MODULE_MATCHER(search, ANCHOR_NONE)
MODULE_MATCHER(match, ANCHOR_START)
MODULE_MATCHER(fullmatch, ANCHOR_BOTH)

static int re_findall(VM *vm, Value *args, int argc) {
    String *s;
    int64_t flags;
    Value pv;
    if (!str_at(vm, args, 2, "re.findall", &s) ||
        !flags_arg(vm, args, argc, 3, "re.findall", &flags) ||
        !pattern_arg(vm, args, args[1], flags, "re.findall", &pv))
        return NATIVE_ERROR;
    return op_findall(vm, args, pv, s);
}

static int re_finditer(VM *vm, Value *args, int argc) {
    String *s;
    int64_t flags;
    Value pv;
    if (!str_at(vm, args, 2, "re.finditer", &s) ||
        !flags_arg(vm, args, argc, 3, "re.finditer", &flags) ||
        !pattern_arg(vm, args, args[1], flags, "re.finditer", &pv))
        return NATIVE_ERROR;
    return op_finditer(vm, args, pv, s);
}

static int re_sub_impl(VM *vm, Value *args, int argc, bool with_count, const char *fn) {
    String *s;
    int64_t count, flags;
    Value pv;
    if (!str_at(vm, args, 3, fn, &s) || !count_arg(vm, args, argc, 4, fn, &count) ||
        !flags_arg(vm, args, argc, 5, fn, &flags) ||
        !pattern_arg(vm, args, args[1], flags, fn, &pv))
        return NATIVE_ERROR;
    return op_sub(vm, args, pv, args[2], s, count, with_count);
}

static int re_sub(VM *vm, Value *args, int argc) {
    return re_sub_impl(vm, args, argc, false, "re.sub");
}

static int re_subn(VM *vm, Value *args, int argc) {
    return re_sub_impl(vm, args, argc, true, "re.subn");
}

static int re_split(VM *vm, Value *args, int argc) {
    String *s;
    int64_t maxsplit, flags;
    Value pv;
    if (!str_at(vm, args, 2, "re.split", &s) ||
        !count_arg(vm, args, argc, 3, "re.split", &maxsplit) ||
        !flags_arg(vm, args, argc, 4, "re.split", &flags) ||
        !pattern_arg(vm, args, args[1], flags, "re.split", &pv))
        return NATIVE_ERROR;
    return op_split(vm, args, pv, s, maxsplit);
}

/* escape(s): s with a backslash before every ASCII character that is not a letter, a
   digit or "_", so that it matches itself literally. */
static int re_escape(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    String *s;
    if (!str_at(vm, args, 1, "re.escape", &s)) return NATIVE_ERROR;
    Buf out;
    buf_init(vm, &out, (size_t)s->len * 2);
    for (uint32_t i = 0; i < s->len; i++) {
        unsigned char c = (unsigned char)s->chars[i];
        bool plain = c >= 0x80 || (c >= '0' && c <= '9') ||
                     ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '_';
        if (!plain) buf_add(vm, &out, "\\", 1);
        buf_add(vm, &out, s->chars + i, 1);
    }
    RETURN(OBJ_VAL(buf_finish(vm, &out)));
}

static int re_purge(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    mtm_clear(vm, state_of_native(args)->cache);
    RETURN(NIL_VAL);
}

static const char *const p_pattern_sub[] = {"repl", "s", "count", NULL};
static const char *const p_pattern_split[] = {"s", "maxsplit", NULL};
static const char *const p_compile[] = {"pattern", "flags", NULL};
static const char *const p_re_match[] = {"pattern", "s", "flags", NULL};
static const char *const p_re_sub[] = {"pattern", "repl", "s", "count", "flags", NULL};
static const char *const p_re_split[] = {"pattern", "s", "maxsplit", "flags", NULL};
static const char *const p_default[] = {"default", NULL};

static const LibReg pattern_methods[] = {
    {"search", pattern_search, 1, 1, NULL, false},
    {"match", pattern_match, 1, 1, NULL, false},
    {"fullmatch", pattern_fullmatch, 1, 1, NULL, false},
    {"findall", pattern_findall, 1, 1, NULL, false},
    {"finditer", pattern_finditer, 1, 1, NULL, false},
    {"sub", pattern_sub, 2, 3, p_pattern_sub, false},
    {"subn", pattern_subn, 2, 3, p_pattern_sub, false},
    {"split", pattern_split, 1, 2, p_pattern_split, false},
    {"pattern", pattern_pattern, 0, 0, NULL, true},
    {"flags", pattern_flags, 0, 0, NULL, true},
    {"groups", pattern_groups, 0, 0, NULL, true},
    {"groupindex", pattern_groupindex, 0, 0, NULL, true},
    {NULL, NULL, 0, 0, NULL, false},
};

static const LibReg match_methods[] = {
    {"group", match_group, 0, -1, NULL, false},
    {"groups", match_groups, 0, 1, p_default, false},
    {"groupdict", match_groupdict, 0, 1, p_default, false},
    {"start", match_start, 0, 1, NULL, false},
    {"end", match_end, 0, 1, NULL, false},
    {"span", match_span, 0, 1, NULL, false},
    {"expand", match_expand, 1, 1, NULL, false},
    {"string", match_string, 0, 0, NULL, true},
    {"re", match_re, 0, 0, NULL, true},
    {NULL, NULL, 0, 0, NULL, false},
};

static const LibReg re_lib[] = {
    {"compile", re_compile, 1, 2, p_compile, false},
    {"search", re_search, 2, 3, p_re_match, false},
    {"match", re_match, 2, 3, p_re_match, false},
    {"fullmatch", re_fullmatch, 2, 3, p_re_match, false},
    {"findall", re_findall, 2, 3, p_re_match, false},
    {"finditer", re_finditer, 2, 3, p_re_match, false},
    {"sub", re_sub, 3, 5, p_re_sub, false},
    {"subn", re_subn, 3, 5, p_re_sub, false},
    {"split", re_split, 2, 4, p_re_split, false},
    {"escape", re_escape, 1, 1, NULL, false},
    {"purge", re_purge, 0, 0, NULL, false},
    {NULL, NULL, 0, 0, NULL, false},
};

static const struct {
    const char *name;
    int value;
} re_flags[] = {
    {"I", RE_I}, {"IGNORECASE", RE_I}, {"M", RE_M}, {"MULTILINE", RE_M},
    {"S", RE_S}, {"DOTALL", RE_S},     {"X", RE_X}, {"VERBOSE", RE_X},
    {"A", RE_A}, {"ASCII", RE_A},      {NULL, 0},
};

static int open_re(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    mtlib_register_class_methods(vm, mtfo_new_class(vm, &pattern_ops), pattern_methods);
    mtlib_register_class_methods(vm, mtfo_new_class(vm, &match_ops), match_methods);
    mtfo_new_class(vm, &scanner_ops);
    mtfo_new_class(vm, &state_ops);
    new_state(vm, &args[0]); /* the contexts and cache the module functions share */
    Module *m = mtlib_native_module(vm, "re", re_lib, args[0]);
    args[0] = OBJ_VAL(m);
    for (int i = 0; re_flags[i].name; i++)
        mtlib_module_set(vm, m, re_flags[i].name, SMALLINT_VAL(re_flags[i].value));
    mtlib_module_set(vm, m, "error", OBJ_VAL(vm->error_class[ERR_VALUE]));
    return mtlib_module_ready(vm, args, m);
}

void mtre_open(VM *vm) { mtlib_lazy_module(vm, "re", open_re); }
