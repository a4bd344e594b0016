/*
** api_repl.c — the part of the embedding API (include/mt.h, "Hosts with a prompt") that
** interactive hosts need: names for completion, signatures and comments for help, the
** live threads and where each waits, ending a session with cleanup (and knowing that it
** ends), and withdrawing a signal request.
**
** Nothing here runs Mt code: names are read from the tables the VM keeps (module globals,
** class methods and fields, the methods of built-in types), and signatures and comments
** from the source text each function keeps (Proto.source), so completing a name or asking
** for help never has side effects.
*/
/* GUARDED regions (api.h): their locals are read only when the region completed. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wclobbered"
#endif

#include <stdio.h>
#include <stdlib.h>

#include "compiler/compiler.h"
#include "vm/api.h"
#include "vm/error.h"
#include "vm/fiber.h"
#include "vm/foreign.h"
#include "vm/gc.h"
#include "vm/mem.h"
#include "vm/object.h"
#include "vm/sched.h"
#include "vm/state.h"
#include "vm/table.h"
#include "vm/thread.h"

/* {== Slots ==} */

/* The value in slot i of the current frame (nil past its end), as api_value.c reads it. */
static Value slot_value(VM *vm, int i) {
    ApiState *a = vm->api;
    if (i < 0 || (uint32_t)i >= a->count) return NIL_VAL;
    return a->slots[a->base + (uint32_t)i];
}

/* Stores v in slot i, making the slot exist. v must be rooted or not an object. */
static mt_Status store(VM *vm, int i, Value v) {
    if (i < 0) {
        mtapi_set_error(vm, "slot %d does not exist", i);
        return MT_TYPE_ERROR;
    }
    mt_Status st = mt_ensure_slots(vm, i + 1);
    if (st == MT_OK) mtapi_store(vm, i, v);
    return st;
}

/* {== Name lists ==} */

/* A growing array of names (a host block: it is freed on every way out, so it must not
   come from the collected heap), sorted and deduplicated before it becomes a list. */
typedef struct {
    String **items;
    size_t count, cap;
    bool failed; /* memory ran out: the list is incomplete */
} Names;

static void names_add(VM *vm, Names *n, String *s) {
    if (n->failed) return;
    /* Names the VM keeps for itself ("@result", "@show") are not the program's. */
    if (s->len == 0 || s->chars[0] == '@' || s->chars[0] == '<') return;
    if (n->count == n->cap) {
        size_t cap = n->cap ? n->cap * 2 : 64;
        String **p = mtmem_host_realloc(vm, n->items, n->cap * sizeof *p, cap * sizeof *p);
        if (!p) {
            n->failed = true;
            return;
        }
        n->items = p;
        n->cap = cap;
    }
    n->items[n->count++] = s;
}

/* Every key of a table with a live value. */
static void names_add_table(VM *vm, Names *n, const Table *t) {
    for (uint32_t i = 0; t->entries && i <= t->mask; i++) {
        TableEntry *e = &t->entries[i];
        if (e->key && !IS_UNDEF(e->value)) names_add(vm, n, e->key);
    }
}

/* The globals of a module that are defined (declared and assigned). */
static void names_add_module(VM *vm, Names *n, Module *m) {
    for (uint32_t i = 0; m->names.entries && i <= m->names.mask; i++) {
        TableEntry *e = &m->names.entries[i];
        if (!e->key || !IS_SMALLINT(e->value)) continue;
        uint32_t slot = (uint32_t)AS_SMALLINT(e->value);
        if (slot < m->nvalues && m->declared[slot] && !IS_UNDEF(m->values[slot]))
            names_add(vm, n, e->key);
    }
}

static int compare_names(const void *a, const void *b) {
    const String *x = *(String *const *)a, *y = *(String *const *)b;
    return strcmp(x->chars, y->chars);
}

/* Sorts the names and stores them, each once, as a new list in slot dst. Raises
   MemoryError (inside GUARDED). */
static void names_to_list(VM *vm, Names *n, int dst) {
    if (n->count) qsort(n->items, n->count, sizeof *n->items, compare_names);
    List *l = mto_list(vm, (uint32_t)n->count);
    mtapi_store(vm, dst, OBJ_VAL(l)); /* rooted from here on */
    for (size_t i = 0; i < n->count; i++)
        if (i == 0 || n->items[i] != n->items[i - 1]) mto_list_push(vm, l, OBJ_VAL(n->items[i]));
}

/* Finishes a name list: the list in dst, or MT_MEMORY_ERROR. Frees the array. */
static mt_Status names_finish(VM *vm, Names *n, int dst) {
    mt_Status st = n->failed ? mtapi_no_memory(vm) : mt_ensure_slots(vm, dst + 1);
    if (st == MT_OK) GUARDED(vm, st, names_to_list(vm, n, dst));
    mtmem_host_realloc(vm, n->items, n->cap * sizeof *n->items, 0);
    return st;
}

/* The module `name` for mt_global_names: imported or registered (a library module that
   is still only an opener has no globals to list yet). */
static Module *find_module(VM *vm, const char *name) {
    String *key = NULL;
    mt_Status st = MT_OK;
    GUARDED(vm, st, key = mto_intern_z(vm, name));
    Value v;
    if (st != MT_OK || !mtt_get(&vm->modules, key, &v) || !IS_OBJ_TYPE(v, OBJ_MODULE)) return NULL;
    return (Module *)AS_OBJ(v);
}

mt_Status mt_global_names(mt_VM *vm, const char *module, int dst) {
    if (dst < 0) return store(vm, dst, NIL_VAL);
    Names n = {0};
    if (module) {
        Module *m = find_module(vm, module);
        if (!m) {
            mtapi_set_error(vm, "no module '%.200s'", module);
            return MT_NOT_FOUND;
        }
        names_add_module(vm, &n, m);
    } else {
        names_add_module(vm, &n, vm->api->host);
        names_add_table(vm, &n, &vm->builtins);
    }
    return names_finish(vm, &n, dst);
}

mt_Status mt_member_names(mt_VM *vm, int obj, int dst) {
    if (dst < 0) return store(vm, dst, NIL_VAL);
    Value v = slot_value(vm, obj);
    Names n = {0};
    if (IS_INSTANCE(v)) {
        Instance *in = AS_INSTANCE(v);
        Table *f = &in->klass->fields;
        for (uint32_t i = 0; f->entries && i <= f->mask; i++) {
            TableEntry *e = &f->entries[i];
            if (!e->key || !IS_SMALLINT(e->value)) continue;
            uint32_t slot = (uint32_t)AS_SMALLINT(e->value);
            if (slot < in->nfields && !IS_UNDEF(in->fields[slot])) names_add(vm, &n, e->key);
        }
        names_add_table(vm, &n, &in->klass->methods);
    } else if (IS_CLASS(v)) {
        names_add_table(vm, &n, &AS_CLASS(v)->methods);
    } else if (IS_OBJ_TYPE(v, OBJ_MODULE)) {
        names_add_module(vm, &n, (Module *)AS_OBJ(v));
    } else if (IS_OBJ_TYPE(v, OBJ_FOREIGN)) {
        names_add_table(vm, &n, &((Foreign *)AS_OBJ(v))->klass->methods);
    } else {
        TypeTag t = mtv_type(v);
        if (t < TYPE__COUNT) names_add_table(vm, &n, &vm->type_methods[t]);
    }
    return names_finish(vm, &n, dst);
}

mt_Status mt_module_names(mt_VM *vm, int dst) {
    if (dst < 0) return store(vm, dst, NIL_VAL);
    Names n = {0};
    Table *t = &vm->modules;
    for (uint32_t i = 0; t->entries && i <= t->mask; i++) {
        TableEntry *e = &t->entries[i];
        if (!e->key || IS_UNDEF(e->value)) continue;
        if (IS_OBJ_TYPE(e->value, OBJ_MODULE)) {
            /* Files are keyed by path: they are listed by their module name. */
            names_add(vm, &n, ((Module *)AS_OBJ(e->value))->name);
        } else if (IS_OBJ_TYPE(e->value, OBJ_NATIVE)) {
            names_add(vm, &n, e->key); /* a library module not opened yet */
        }
    }
    return names_finish(vm, &n, dst);
}

/* {== Source text ==} */

/* The start of line `line` (1-based) of a source, or NULL. */
static const char *line_start(const String *src, int line) {
    if (!src || line < 1) return NULL;
    const char *p = src->chars, *end = src->chars + src->len;
    for (int l = 1; l < line; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) return NULL;
        p = nl + 1;
    }
    return p;
}

/* A small text buffer for building a signature or a comment (host memory). */
typedef struct {
    char *chars;
    size_t len, cap;
    bool failed;
} Text;

static void text_add(VM *vm, Text *t, const char *s, size_t n) {
    if (t->failed) return;
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 64;
        while (cap < t->len + n + 1) cap *= 2;
        char *p = mtmem_host_realloc(vm, t->chars, t->cap, cap);
        if (!p) {
            t->failed = true;
            return;
        }
        t->chars = p;
        t->cap = cap;
    }
    memcpy(t->chars + t->len, s, n);
    t->len += n;
    t->chars[t->len] = '\0';
}

static void text_addz(VM *vm, Text *t, const char *s) { text_add(vm, t, s, strlen(s)); }

/* Stores the text as a str in dst and frees it. */
static mt_Status text_finish(VM *vm, Text *t, int dst) {
    mt_Status st = t->failed ? mtapi_no_memory(vm) : MT_OK;
    if (st == MT_OK) st = mt_set_strn(vm, dst, t->chars ? t->chars : "", t->len);
    mtmem_host_realloc(vm, t->chars, t->cap, 0);
    return st;
}

static bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           (unsigned char)c >= 0x80;
}

/* Copies the parameter list that starts at the '(' at p (up to its matching ')', strings
   and nested brackets skipped over, line breaks and the indentation after them folded
   into one space) into t. False if the source ends first. */
static bool copy_params(VM *vm, Text *t, const char *p, const char *end) {
    int depth = 0;
    const char *from = p;
    while (p < end) {
        char c = *p;
        if (c == '"' || c == '\'') {
            char q = c;
            for (p++; p < end && *p != q && *p != '\n'; p++)
                if (*p == '\\' && p + 1 < end) p++;
        } else if (c == '(' || c == '[' || c == '{') {
            depth++;
        } else if (c == ')' || c == ']' || c == '}') {
            if (--depth == 0) {
                text_add(vm, t, from, (size_t)(p + 1 - from));
                return true;
            }
        } else if (c == '#') {
            text_add(vm, t, from, (size_t)(p - from));
            while (p < end && *p != '\n') p++;
            from = p;
            continue;
        } else if (c == '\n') {
            text_add(vm, t, from, (size_t)(p - from));
            while (t->len && t->chars[t->len - 1] == ' ') t->chars[--t->len] = '\0';
            if (t->len && t->chars[t->len - 1] != '(') text_add(vm, t, " ", 1);
            for (p++; p < end && (*p == ' ' || *p == '\t'); p++) {
            }
            from = p;
            continue;
        }
        if (p < end) p++;
    }
    return false;
}

/* The function's parameters as its source writes them, e.g. "(a, b = 0)", into t; from
   the parameter names if the source is not at hand. */
static void proto_params(VM *vm, Text *t, Proto *p, bool skip_self) {
    const char *src = line_start(p->source, p->line);
    if (src && !skip_self) {
        const char *end = p->source->chars + p->source->len;
        const char *eol = memchr(src, '\n', (size_t)(end - src));
        if (!eol) eol = end;
        /* The '(' after the function's name ("def name(") or after "fn". */
        const char *name = p->name ? p->name->chars : "";
        size_t nlen = strlen(name);
        const char *open = NULL;
        for (const char *q = src; q < eol && !open; q++) {
            bool at_word = q == src || !is_name_char(q[-1]);
            if (!at_word) continue;
            const char *after = NULL;
            if (nlen && (size_t)(eol - q) > nlen && memcmp(q, name, nlen) == 0) after = q + nlen;
            else if (eol - q > 2 && memcmp(q, "fn", 2) == 0) after = q + 2;
            if (!after) continue;
            while (after < eol && *after == ' ') after++;
            if (after < eol && *after == '(') open = after;
        }
        size_t mark = t->len;
        if (open && copy_params(vm, t, open, end)) return;
        t->len = mark; /* fall back to the names */
        if (t->chars) t->chars[mark] = '\0';
    }
    text_add(vm, t, "(", 1);
    int first = skip_self ? 1 : 0;
    for (int i = first; i < p->nparams; i++) {
        if (i > first) text_add(vm, t, ", ", 2);
        text_addz(vm, t, p->param_names && p->param_names[i] ? p->param_names[i]->chars : "?");
        if (i >= p->nrequired) text_add(vm, t, "=...", 4);
    }
    /* Then *args (or a bare * before keyword-only ones), keyword-only ones, **kw. */
    uint32_t star = (uint32_t)p->nparams + p->nkwonly;
    bool any = p->nparams > first;
    if ((p->pflags & PROTO_VARARGS) || p->nkwonly) {
        if (any) text_add(vm, t, ", ", 2);
        text_add(vm, t, "*", 1);
        if (p->pflags & PROTO_VARARGS) text_addz(vm, t, p->param_names[star++]->chars);
        any = true;
    }
    for (int k = 0; k < p->nkwonly; k++) {
        text_add(vm, t, ", ", 2);
        text_addz(vm, t, p->param_names[p->nparams + k]->chars);
        if (!(p->kwrequired >> k & 1)) text_add(vm, t, "=...", 4);
    }
    if (p->pflags & PROTO_VARKW) {
        if (any) text_add(vm, t, ", ", 2);
        text_add(vm, t, "**", 2);
        text_addz(vm, t, p->param_names[star]->chars);
    }
    text_add(vm, t, ")", 1);
}

/* A native's parameters: names where it has them (the optional ones in brackets, as in
   "sorted(xs[, key, reverse])"), else its arity. */
static void native_params(VM *vm, Text *t, Native *n) {
    char buf[48];
    text_add(vm, t, "(", 1);
    if (n->params && n->params[0]) {
        int i = 0;
        for (; n->params[i]; i++) {
            if (i == n->min_args) text_add(vm, t, "[", 1);
            if (i > 0) text_add(vm, t, ", ", 2);
            text_addz(vm, t, n->params[i]);
        }
        if (n->max_args < 0) text_add(vm, t, ", ...", 5);
        if (n->min_args < i) text_add(vm, t, "]", 1);
    } else if (n->max_args < 0) {
        if (n->min_args == 0) snprintf(buf, sizeof buf, "any arguments");
        else snprintf(buf, sizeof buf, "%d or more arguments", n->min_args);
        text_addz(vm, t, buf);
    } else if (n->max_args > 0) {
        if (n->min_args == n->max_args)
            snprintf(buf, sizeof buf, "%d argument%s", n->min_args, n->min_args == 1 ? "" : "s");
        else snprintf(buf, sizeof buf, "%d to %d arguments", n->min_args, n->max_args);
        text_addz(vm, t, buf);
    }
    text_add(vm, t, ")", 1);
}

/* The name a native shows: a method's own name, a module function's "module.name". */
static const char *native_name(Native *n) { return n->name ? n->name->chars : "?"; }

/* Appends the signature of callable v to t; false if v is not callable. */
static bool signature(VM *vm, Text *t, Value v) {
    if (IS_CLOSURE(v)) {
        Proto *p = AS_CLOSURE(v)->proto;
        const char *name = p->name ? p->name->chars : "fn";
        if (strcmp(name, "<fn>") == 0 || strcmp(name, "fn") == 0) name = "fn";
        text_addz(vm, t, name);
        proto_params(vm, t, p, false);
        return true;
    }
    if (IS_OBJ_TYPE(v, OBJ_NATIVE)) {
        Native *n = (Native *)AS_OBJ(v);
        text_addz(vm, t, native_name(n));
        native_params(vm, t, n);
        return true;
    }
    if (IS_OBJ_TYPE(v, OBJ_BOUND)) {
        Bound *b = (Bound *)AS_OBJ(v);
        if (IS_INSTANCE(b->self)) {
            text_addz(vm, t, AS_INSTANCE(b->self)->klass->name->chars);
            text_add(vm, t, ".", 1);
        } else {
            text_addz(vm, t, mtv_type_name(b->self));
            text_add(vm, t, ".", 1);
        }
        return signature(vm, t, b->method);
    }
    if (IS_CLASS(v)) {
        Class *k = AS_CLASS(v);
        text_addz(vm, t, k->name->chars);
        Value init = NIL_VAL;
        if (k->convert) { /* a built-in type: its conversion's parameters (int(x, base)) */
            native_params(vm, t, k->convert);
        } else if (mtt_get(&k->methods, vm->names.init, &init) && IS_CLOSURE(init)) {
            /* The constructor's parameters after self: from the names (the source's
               text would show self). */
            proto_params(vm, t, AS_CLOSURE(init)->proto, true);
        } else if (IS_OBJ_TYPE(init, OBJ_NATIVE)) {
            native_params(vm, t, (Native *)AS_OBJ(init));
        } else {
            text_add(vm, t, "()", 2);
        }
        return true;
    }
    return false;
}

mt_Status mt_signature(mt_VM *vm, int slot, int dst) {
    Value v = slot_value(vm, slot);
    Text t = {0};
    if (!signature(vm, &t, v)) {
        mtmem_host_realloc(vm, t.chars, t.cap, 0);
        mtapi_set_error(vm, "a %s value has no signature", mtv_type_name(v));
        return MT_TYPE_ERROR;
    }
    return text_finish(vm, &t, dst);
}

/* {== Comments above definitions ==} */

/* The line (1-based) where `class Name` is written, searching up from a method's line;
   0 if not found. */
static int class_line(const String *src, int from, const String *name) {
    for (int line = from; line >= 1; line--) {
        const char *p = line_start(src, line);
        if (!p) return 0;
        while (*p == ' ' || *p == '\t') p++;
        if (strncmp(p, "class", 5) != 0 || (p[5] != ' ' && p[5] != '\t')) continue;
        p += 5;
        while (*p == ' ' || *p == '\t') p++;
        if (strncmp(p, name->chars, name->len) == 0 && !is_name_char(p[name->len])) return line;
    }
    return 0;
}

/* The definition of v: its source and line; false for values not written in Mt. */
static bool definition(VM *vm, Value v, const String **src, int *line) {
    if (IS_OBJ_TYPE(v, OBJ_BOUND)) v = ((Bound *)AS_OBJ(v))->method;
    if (IS_CLOSURE(v)) {
        Proto *p = AS_CLOSURE(v)->proto;
        *src = p->source;
        *line = p->line;
        return p->source != NULL;
    }
    if (IS_CLASS(v)) {
        /* A class keeps no position: its methods do, and it is written above them. */
        Class *k = AS_CLASS(v);
        Table *m = &k->methods;
        for (uint32_t i = 0; m->entries && i <= m->mask; i++) {
            TableEntry *e = &m->entries[i];
            if (!e->key || !IS_CLOSURE(e->value)) continue;
            Proto *p = AS_CLOSURE(e->value)->proto;
            int l = p->source ? class_line(p->source, p->line, k->name) : 0;
            if (l) {
                *src = p->source;
                *line = l;
                return true;
            }
        }
    }
    MT_UNUSED(vm);
    return false;
}

/* The docstring of a function, method or class (SPEC 5.8), or NULL. */
static const String *docstring(Value v) {
    if (IS_OBJ_TYPE(v, OBJ_BOUND)) v = ((Bound *)AS_OBJ(v))->method;
    if (IS_CLOSURE(v)) return AS_CLOSURE(v)->proto->doc;
    if (IS_CLASS(v) && IS_STRING(AS_CLASS(v)->doc)) return AS_STRING(AS_CLASS(v)->doc);
    return NULL;
}

mt_Status mt_doc(mt_VM *vm, int slot, int dst) {
    const String *src;
    int line;
    const String *ds = docstring(slot_value(vm, slot));
    if (ds) {
        Text t = {0};
        text_add(vm, &t, ds->chars, ds->len);
        return text_finish(vm, &t, dst);
    }
    if (!definition(vm, slot_value(vm, slot), &src, &line)) {
        mtapi_set_error(vm, "no source for a %s value", mtv_type_name(slot_value(vm, slot)));
        return MT_NOT_FOUND;
    }
    /* The comment lines right above the definition, the nearest last. */
    int first = line;
    for (int l = line - 1; l >= 1; l--) {
        const char *p = line_start(src, l);
        while (*p == ' ' || *p == '\t') p++;
        if (*p != '#') break;
        first = l;
    }
    if (first == line) {
        mtapi_set_error(vm, "no comment above the definition");
        return MT_NOT_FOUND;
    }
    Text t = {0};
    for (int l = first; l < line; l++) {
        const char *p = line_start(src, l);
        while (*p == ' ' || *p == '\t') p++;
        p++; /* the '#' */
        if (*p == ' ') p++;
        const char *eol = strchr(p, '\n');
        size_t n = eol ? (size_t)(eol - p) : strlen(p);
        while (n && (p[n - 1] == ' ' || p[n - 1] == '\r')) n--;
        if (l > first) text_add(vm, &t, "\n", 1);
        text_add(vm, &t, p, n);
    }
    return text_finish(vm, &t, dst);
}

/* {== Threads ==} */

/* The live threads as a new list in slot dst (which exists). Raises MemoryError. */
static void thread_list(VM *vm, int dst) {
    Scheduler *s = vm->sched;
    List *l = mto_list(vm, 0);
    mtapi_store(vm, dst, OBJ_VAL(l)); /* rooted from here on */
    for (uint32_t i = 0; i < s->nthreads; i++) {
        Fiber *t = s->threads[i];
        if (t && t->state != FIBER_DONE && t->state != FIBER_FAILED)
            mto_list_push(vm, l, OBJ_VAL(t));
    }
}

mt_Status mt_threads(mt_VM *vm, int dst) {
    if (dst < 0) return store(vm, dst, NIL_VAL);
    mt_Status st = mt_ensure_slots(vm, dst + 1);
    if (st == MT_OK) GUARDED(vm, st, thread_list(vm, dst));
    return st;
}

static const char *wait_state(const Fiber *t) {
    switch ((WaitKind)t->wait_kind) {
    case WAIT_SEND: return "send";
    case WAIT_RECV: return "recv";
    case WAIT_SELECT: return "select";
    case WAIT_JOIN: return "join";
    case WAIT_SLEEP: return "sleep";
    case WAIT_FD: return "io";
    case WAIT_HOST: return "host";
    default: return "waiting";
    }
}

static const char *fiber_state(const Fiber *t) {
    switch ((FiberState)t->state) {
    case FIBER_NEW: return "new";
    case FIBER_RUNNABLE: return t->nframes == 0 && !t->active ? "new" : "runnable";
    case FIBER_RUNNING: return "running";
    case FIBER_PARKED: return wait_state(t);
    case FIBER_DONE: return "done";
    case FIBER_FAILED: return "failed";
    default: return "?";
    }
}

mt_Status mt_thread_info(mt_VM *vm, int slot, mt_ThreadInfo *info) {
    Value v = slot_value(vm, slot);
    memset(info, 0, sizeof *info);
    info->state = info->function = info->file = info->entry = "";
    info->wakes_in = -1;
    if (!IS_OBJ_TYPE(v, OBJ_FIBER) || !(AS_OBJ(v)->flags & FIBER_THREAD)) {
        mtapi_set_error(vm, "not a thread: a %s value", mtv_type_name(v));
        return MT_TYPE_ERROR;
    }
    Fiber *t = AS_FIBER(v);
    info->id = t->id;
    info->state = fiber_state(t);
    info->main = (t->obj.flags & FIBER_MAIN) != 0;
    bool ended = t->state == FIBER_DONE || t->state == FIBER_FAILED;
    if (!ended && t->nframes > 0) {
        Value callee = t->frames[0].closure ? OBJ_VAL(t->frames[0].closure) : NIL_VAL;
        if (IS_CLOSURE(callee) && AS_CLOSURE(callee)->proto->name)
            info->entry = AS_CLOSURE(callee)->proto->name->chars;
    } else if (!ended && mtf_stack(t) && t->top > mtf_stack(t)) {
        Value callee = mtf_stack(t)[0]; /* not started: [callee, args...] */
        if (IS_CLOSURE(callee) && AS_CLOSURE(callee)->proto->name)
            info->entry = AS_CLOSURE(callee)->proto->name->chars;
        else if (IS_OBJ_TYPE(callee, OBJ_NATIVE))
            info->entry = native_name((Native *)AS_OBJ(callee));
    }
    Fiber *a = t->active ? t->active : t;
    if (!ended && a->nframes > 0) {
        Frame *fr = &a->frames[a->nframes - 1];
        Proto *p = fr->closure->proto;
        info->function = p->name ? p->name->chars : "?";
        info->file = p->file ? p->file->chars : "?";
        info->line = mte_line_at(p, mtf_pc(a, a->nframes - 1));
    }
    if (t->state == FIBER_PARKED && t->timer_slot) {
        double at = vm->sched->timers[t->timer_slot - 1].at - mts_now();
        info->wakes_in = at < 0 ? 0 : at;
    }
    return MT_OK;
}

/* {== Ending a session ==} */

mt_Status mt_shutdown(mt_VM *vm, int status) {
    if (vm->mem.dead) return mtapi_no_memory(vm);
    if (vm->sched->aborted) return MT_EXIT;
    mt_Status st = MT_OK;
    GUARDED(vm, st, mtth_begin_shutdown(vm, status < 0 ? 0 : status & 0xff));
    vm->attention = 1; /* a thread running now notices at its next safe point */
    return st;
}

bool mt_ending(mt_VM *vm) {
    Scheduler *s = vm->sched;
    return s->shutting_down && !s->aborted && !vm->mem.dead && mtth_live_count(vm) > 0;
}

void mt_signal_cancel(mt_VM *vm) { vm->signal_pending = 0; }
