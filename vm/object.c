/*
** object.c — constructors, sizes and destructors of heap objects.
*/
#include <stdio.h>

#include "vm/object.h"
#include "vm/vm.h"

#include "vm/foreign.h"
#include "vm/table.h"
#include "vm/state.h"
#include "vm/sched.h"
#include "vm/mem.h"
#include "vm/map.h"
#include "vm/gc.h"

Obj *mto_alloc(VM *vm, size_t size, ObjType type) {
    if (mt_unlikely(vm->bytes_allocated > vm->next_gc || vm->gc_stress) && vm->gc_pause == 0 &&
        !vm->gc_running)
        mtgc_collect(vm);
    Obj *o = mtmem_alloc(vm, size);
    o->type = (uint8_t)type;
    o->marked = 0;
    o->flags = 0;
    o->aux = 0;
    o->next = vm->objects;
    vm->objects = o;
    return o;
}

/* {== Strings ==} */

/* A fast word-at-a-time hash; strings hash lazily, on first use as a key. */
static uint32_t hash_bytes(const char *s, size_t len) {
    uint64_t h = 0x9e3779b97f4a7c15ull ^ (len * 0xff51afd7ed558ccdull);
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        h = (h ^ w) * 0xc4ceb9fe1a85ec53ull;
        h ^= h >> 29;
    }
    uint64_t tail = 0;
    memcpy(&tail, s + i, len - i);
    h = (h ^ tail) * 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 32;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 29;
    return (uint32_t)h;
}

uint32_t mto_string_hash(String *s) {
    if (!(s->obj.flags & STR_HASHED)) {
        s->obj.aux = hash_bytes(s->chars, s->len);
        s->obj.flags |= STR_HASHED;
    }
    return s->obj.aux;
}

/* Allocates an uninitialised string of `len` bytes; fill chars, then mto_string_finish. */
String *mto_string_alloc(VM *vm, size_t len) {
    if (len > UINT32_MAX - 64) mtmem_fail(vm);
    String *s = (String *)mto_alloc(vm, sizeof(String) + len + 1, OBJ_STRING);
    s->len = (uint32_t)len;
    s->ncp = 0;
    s->chars[len] = '\0';
    return s;
}

/* Counts code points and notes whether the text is pure ASCII. */
String *mto_string_finish(VM *vm, String *s) {
    MT_UNUSED(vm);
    const unsigned char *p = (const unsigned char *)s->chars;
    size_t n = s->len, i = 0;
    uint64_t high = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        high |= w;
    }
    for (; i < n; i++) high |= p[i];
    if ((high & 0x8080808080808080ull) == 0) {
        s->obj.flags |= STR_ASCII;
        s->ncp = s->len;
    } else {
        uint32_t cp = 0;
        for (i = 0; i < n; i++) cp += (p[i] & 0xC0) != 0x80;
        s->ncp = cp;
    }
    return s;
}

String *mto_string(VM *vm, const char *chars, size_t len) {
    String *s = mto_string_alloc(vm, len);
    memcpy(s->chars, chars, len);
    return mto_string_finish(vm, s);
}

String *mto_string_z(VM *vm, const char *chars) { return mto_string(vm, chars, strlen(chars)); }

String *mto_intern(VM *vm, const char *chars, size_t len) {
    uint32_t h = hash_bytes(chars, len);
    String *s = mtt_find_string(&vm->strings, chars, len, h);
    if (s) return s;
    s = mto_string(vm, chars, len);
    s->obj.aux = h;
    s->obj.flags |= STR_HASHED | STR_INTERNED;
    mtgc_push_temp(vm, OBJ_VAL(s));
    mtt_set(vm, &vm->strings, s, NIL_VAL);
    mtgc_pop_temp(vm, 1);
    return s;
}

String *mto_intern_z(VM *vm, const char *chars) { return mto_intern(vm, chars, strlen(chars)); }

String *mto_string_fmt(VM *vm, const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0) n = 0;
    if ((size_t)n < sizeof buf) return mto_string(vm, buf, (size_t)n);
    String *s = mto_string_alloc(vm, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(s->chars, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return mto_string_finish(vm, s);
}

/* {== Bytes ==} */

Bytes *mto_bytes_alloc(VM *vm, size_t len) {
    if (len > UINT32_MAX - 64) mtmem_fail(vm);
    Bytes *b = (Bytes *)mto_alloc(vm, sizeof(Bytes) + len, OBJ_BYTES);
    b->len = (uint32_t)len;
    return b;
}

Bytes *mto_bytes(VM *vm, const void *data, size_t len) {
    Bytes *b = mto_bytes_alloc(vm, len);
    if (len) memcpy(b->data, data, len);
    return b;
}

uint32_t mto_bytes_hash(Bytes *b) {
    if (!(b->obj.flags & BYTES_HASHED)) {
        b->obj.aux = hash_bytes((const char *)b->data, b->len) ^ 0x5bd1e995u;
        b->obj.flags |= BYTES_HASHED;
    }
    return b->obj.aux;
}

/* {== Lists and ranges ==} */

List *mto_list(VM *vm, uint32_t cap) {
    List *l = (List *)mto_alloc(vm, sizeof(List), OBJ_LIST);
    l->count = 0;
    l->cap = 0;
    l->items = NULL;
    if (cap) {
        mtgc_push_temp(vm, OBJ_VAL(l));
        l->items = mtmem_alloc(vm, cap * sizeof(Value));
        l->cap = cap;
        mtgc_pop_temp(vm, 1);
    }
    return l;
}

Tuple *mto_tuple(VM *vm, uint32_t n) {
    if (n > (UINT32_MAX / 2) / sizeof(Value)) mtmem_fail(vm); /* MemoryError */
    Tuple *t = (Tuple *)mto_alloc(vm, sizeof(Tuple) + (size_t)n * sizeof(Value), OBJ_TUPLE);
    t->count = n;
    for (uint32_t i = 0; i < n; i++) t->items[i] = NIL_VAL;
    return t;
}

Tuple *mto_tuple_of(VM *vm, const Value *items, uint32_t n) {
    Tuple *t = mto_tuple(vm, n);
    if (n) memcpy(t->items, items, n * sizeof(Value));
    return t;
}

void mto_list_reserve(VM *vm, List *l, uint32_t cap) {
    if (cap <= l->cap) return;
    uint32_t n = l->cap < 4 ? 4 : l->cap;
    while (n < cap) n = n * 2 > n ? n * 2 : UINT32_MAX;
    /* A collection may run if memory is short: a list a native is still filling may be
       held only in a C local. */
    mtgc_push_temp(vm, OBJ_VAL(l));
    l->items = mtmem_realloc(vm, l->items, l->cap * sizeof(Value), (size_t)n * sizeof(Value));
    mtgc_pop_temp(vm, 1);
    l->cap = n;
}

void mto_list_push(VM *vm, List *l, Value v) {
    if (mt_unlikely(l->count == l->cap)) {
        mtgc_push_temp(vm, v);
        mto_list_reserve(vm, l, l->count + 1);
        mtgc_pop_temp(vm, 1);
    }
    l->items[l->count++] = v;
}

Range *mto_range(VM *vm, int64_t start, int64_t stop, int64_t step) {
    Range *r = (Range *)mto_alloc(vm, sizeof(Range), OBJ_RANGE);
    r->start = start;
    r->stop = stop;
    r->step = step;
    return r;
}

/* The number of values a range produces; false if it does not fit an int64. */
bool mto_range_len(Range *r, int64_t *out) {
    uint64_t n = 0;
    if (r->step > 0 && r->stop > r->start)
        n = ((uint64_t)r->stop - (uint64_t)r->start - 1) / (uint64_t)r->step + 1;
    else if (r->step < 0 && r->start > r->stop)
        n = ((uint64_t)r->start - (uint64_t)r->stop - 1) / (0 - (uint64_t)r->step) + 1;
    if (n > (uint64_t)INT64_MAX) return false;
    *out = (int64_t)n;
    return true;
}

/* {== Functions ==} */

Proto *mto_proto(VM *vm, Module *module) {
    Proto *p = (Proto *)mto_alloc(vm, sizeof(Proto), OBJ_PROTO);
    memset((char *)p + sizeof(Obj), 0, sizeof(Proto) - sizeof(Obj));
    p->call_argc = MT_NO_ARGC; /* until the compiler finishes it (mtce_fn_end) */
    p->module = module;
    p->source = module ? module->source : NULL;
    p->file = module ? (module->path ? module->path : module->name) : NULL;
    return p;
}

Closure *mto_closure(VM *vm, Proto *proto) {
    size_t size = sizeof(Closure) + proto->nupvals * sizeof(Upvalue *);
    Closure *c = (Closure *)mto_alloc(vm, size, OBJ_CLOSURE);
    c->proto = proto;
    c->nupvals = proto->nupvals;
    for (uint32_t i = 0; i < c->nupvals; i++) c->upvals[i] = NULL;
    return c;
}

Upvalue *mto_upvalue(VM *vm, Value *slot) {
    Upvalue *u = (Upvalue *)mto_alloc(vm, sizeof(Upvalue), OBJ_UPVALUE);
    u->location = slot;
    u->closed = NIL_VAL;
    u->next_open = NULL;
    return u;
}

Native *mto_native(VM *vm, const char *name, NativeFn fn, int min, int max) {
    String *n = mto_intern_z(vm, name);
    mtgc_push_temp(vm, OBJ_VAL(n));
    Native *f = (Native *)mto_alloc(vm, sizeof(Native), OBJ_NATIVE);
    mtgc_pop_temp(vm, 1);
    f->fn = fn;
    f->name = n;
    f->params = NULL;
    f->min_args = (int16_t)min;
    f->max_args = (int16_t)max;
    f->data = NIL_VAL;
    f->host.fn = f->host.user_data = NULL;
    return f;
}

/* {== Classes and instances ==} */

Class *mto_class(VM *vm, String *name, Class *super) {
    Class *k = (Class *)mto_alloc(vm, sizeof(Class), OBJ_CLASS);
    k->name = name;
    k->super = super;
    mtt_init(&k->methods);
    mtt_init(&k->fields);
    mtt_init(&k->statics);
    k->doc = NIL_VAL;
    k->has_ops = super && super->has_ops;
    k->nfields = 0;
    k->init = UNDEF_VAL;
    k->builtin_tag = super ? super->builtin_tag : -1;
    k->foreign = NULL;
    k->type_tag = -1;
    k->convert = NULL;
    if (super) {
        mtgc_push_temp(vm, OBJ_VAL(k));
        mtt_copy(vm, &super->methods, &k->methods);
        mtt_copy(vm, &super->fields, &k->fields);
        k->nfields = super->nfields;
        k->init = super->init;
        mtgc_pop_temp(vm, 1);
    }
    return k;
}

Instance *mto_instance(VM *vm, Class *klass) {
    uint32_t cap = klass->nfields;
    Instance *i = (Instance *)mto_alloc(vm, sizeof(Instance) + cap * sizeof(Value), OBJ_INSTANCE);
    i->klass = klass;
    i->fields = i->inline_fields;
    i->nfields = cap;
    i->cap = cap;
    i->obj.aux = cap; /* the object's size, once the fields move out of line */
    for (uint32_t f = 0; f < cap; f++) i->inline_fields[f] = UNDEF_VAL;
    return i;
}

static uint32_t field_slot(VM *vm, Class *k, String *name) {
    Value idx;
    if (mtt_get(&k->fields, name, &idx)) return (uint32_t)AS_SMALLINT(idx);
    uint32_t slot = k->nfields;
    mtt_set(vm, &k->fields, name, SMALLINT_VAL(slot));
    k->nfields++; /* only once the name has its slot (the table may run out of memory) */
    return slot;
}

void mto_instance_set(VM *vm, Instance *inst, String *name, Value v) {
    uint32_t slot = field_slot(vm, inst->klass, name);
    if (slot >= inst->cap) {
        uint32_t cap = inst->klass->nfields > slot ? inst->klass->nfields : slot + 1;
        if (cap < 4) cap = 4;
        mtgc_push_temp(vm, OBJ_VAL(inst));
        mtgc_push_temp(vm, v);
        Value *fields = mtmem_alloc(vm, cap * sizeof(Value));
        mtgc_pop_temp(vm, 2);
        memcpy(fields, inst->fields, inst->nfields * sizeof(Value));
        if (inst->fields != inst->inline_fields)
            mtmem_free(vm, inst->fields, inst->cap * sizeof(Value));
        inst->fields = fields;
        inst->cap = cap;
    }
    while (inst->nfields <= slot) inst->fields[inst->nfields++] = UNDEF_VAL;
    inst->fields[slot] = v;
}

bool mto_instance_get(Instance *inst, String *name, Value *out) {
    Value idx;
    if (!mtt_get(&inst->klass->fields, name, &idx)) return false;
    uint32_t slot = (uint32_t)AS_SMALLINT(idx);
    if (slot >= inst->nfields || IS_UNDEF(inst->fields[slot])) return false;
    *out = inst->fields[slot];
    return true;
}

Bound *mto_bound(VM *vm, Value self, Value method) {
    Bound *b = (Bound *)mto_alloc(vm, sizeof(Bound), OBJ_BOUND);
    b->self = self;
    b->method = method;
    return b;
}

/* {== Modules ==} */

Module *mto_module(VM *vm, String *name, String *path) {
    Module *m = (Module *)mto_alloc(vm, sizeof(Module), OBJ_MODULE);
    m->name = name;
    m->path = path;
    m->source = NULL;
    mtt_init(&m->names);
    m->values = NULL;
    m->declared = NULL;
    m->nvalues = m->cap = 0;
    m->state = MODULE_LOADING;
    return m;
}

/* The values and their `declared` flags share one block (values first), so that growing
   them is one allocation: a failure leaves the old block whole. */
static size_t module_block_size(uint32_t cap) { return (size_t)cap * (sizeof(Value) + 1); }

static void grow_module_slots(VM *vm, Module *m, String *name) {
    uint32_t cap = m->cap ? m->cap * 2 : 16;
    mtgc_push_temp(vm, OBJ_VAL(m));
    mtgc_push_temp(vm, OBJ_VAL(name));
    Value *values = mtmem_alloc(vm, module_block_size(cap));
    mtgc_pop_temp(vm, 2);
    uint8_t *declared = (uint8_t *)(values + cap);
    if (m->nvalues) {
        memcpy(values, m->values, m->nvalues * sizeof(Value));
        memcpy(declared, m->declared, m->nvalues);
    }
    mtmem_free(vm, m->values, module_block_size(m->cap));
    m->values = values;
    m->declared = declared;
    m->cap = cap;
}

/* The slot of a module global, created on first mention (holding the builtin of that name,
   if any, until a top-level declaration runs). */
uint32_t mto_module_slot(VM *vm, Module *m, String *name) {
    Value idx;
    if (mtt_get(&m->names, name, &idx)) return (uint32_t)AS_SMALLINT(idx);
    if (m->nvalues == m->cap) grow_module_slots(vm, m, name);
    uint32_t slot = m->nvalues;
    Value builtin;
    m->values[slot] = mtt_get(&vm->builtins, name, &builtin) ? builtin : UNDEF_VAL;
    m->declared[slot] = 0;
    mtgc_push_temp(vm, OBJ_VAL(m));
    mtt_set(vm, &m->names, name, SMALLINT_VAL(slot));
    mtgc_pop_temp(vm, 1);
    m->nvalues++; /* only once the name maps to it */
    return slot;
}

/* {== Tracebacks ==} */

Trace *mto_trace(VM *vm) {
    Trace *t = (Trace *)mto_alloc(vm, sizeof(Trace), OBJ_TRACE);
    t->count = t->cap = 0;
    t->entries = NULL;
    return t;
}

/* Adds a frame to a traceback. The unwinder calls this between frames, where a
   MemoryError would lose the error in flight: when memory is short the frame is left out
   instead (the entries are host blocks that may be refused). */
void mto_trace_add(VM *vm, Trace *t, Proto *p, uint32_t pc) {
    if (t->count == t->cap) {
        uint32_t cap = t->cap ? t->cap * 2 : 8;
        TraceEntry *e = mtmem_host_realloc(vm, t->entries, t->cap * sizeof(TraceEntry),
                                           cap * sizeof(TraceEntry));
        if (!e) return;
        t->entries = e;
        t->cap = cap;
    }
    t->entries[t->count].proto = p;
    t->entries[t->count].pc = pc;
    t->count++;
}

/* {== Ints ==} */

Value mto_int(VM *vm, int64_t i) {
    if (FITS_SMALLINT(i)) return SMALLINT_VAL(i);
    return BIGINT_VAL(mtmem_int_cell(vm, i));
}

/* {== Sizes and destruction ==} */

size_t mto_size(Obj *o) {
    switch ((ObjType)o->type) {
    case OBJ_STRING: return sizeof(String) + ((String *)o)->len + 1;
    case OBJ_BYTES: return sizeof(Bytes) + ((Bytes *)o)->len;
    case OBJ_LIST: return sizeof(List);
    case OBJ_MAP:
    case OBJ_SET: return sizeof(Map);
    case OBJ_TUPLE: return sizeof(Tuple) + ((Tuple *)o)->count * sizeof(Value);
    case OBJ_RANGE: return sizeof(Range);
    case OBJ_PROTO: return sizeof(Proto);
    case OBJ_CLOSURE: return sizeof(Closure) + ((Closure *)o)->nupvals * sizeof(Upvalue *);
    case OBJ_UPVALUE: return sizeof(Upvalue);
    case OBJ_NATIVE: return sizeof(Native);
    case OBJ_CLASS: return sizeof(Class);
    case OBJ_INSTANCE: return sizeof(Instance) + o->aux * sizeof(Value);
    case OBJ_BOUND: return sizeof(Bound);
    case OBJ_MODULE: return sizeof(Module);
    case OBJ_TRACE: return sizeof(Trace);
    default: return 0;
    }
}

static void free_proto(VM *vm, Proto *p) {
    mtmem_free(vm, p->code, p->ncode * sizeof(Instr));
    mtmem_free(vm, p->lines, p->ncode * sizeof(int32_t));
    mtmem_free(vm, p->consts, p->nconsts * sizeof(Value));
    mtmem_free(vm, p->upvals, p->nupvals * sizeof(UpvalDesc));
    mtmem_free(vm, p->param_names, PROTO_NNAMES(p) * sizeof(String *));
    mtmem_free(vm, p->handlers, p->nhandlers * sizeof(Handler));
    mtmem_free(vm, p->regions, p->nregions * sizeof(Region));
    mtmem_free(vm, p->caches, p->ncaches * sizeof(AttrCache));
}

/* A freed string must not be found by a later lookup at the same address. */
static void forget_cursor(VM *vm, String *s) {
    for (int i = 0; i < MT_STR_CURSORS; i++)
        if (vm->str_cursor[i].s == s) vm->str_cursor[i].s = NULL;
}

void mto_free(VM *vm, Obj *o) {
    switch ((ObjType)o->type) {
    case OBJ_LIST: {
        List *l = (List *)o;
        mtmem_free(vm, l->items, l->cap * sizeof(Value));
        break;
    }
    case OBJ_MAP:
    case OBJ_SET: mtm_free(vm, (Map *)o); break;
    case OBJ_STRING: forget_cursor(vm, (String *)o); break;
    case OBJ_PROTO: free_proto(vm, (Proto *)o); break;
    case OBJ_CLASS:
        mtt_free(vm, &((Class *)o)->methods);
        mtt_free(vm, &((Class *)o)->fields);
        mtt_free(vm, &((Class *)o)->statics);
        break;
    case OBJ_INSTANCE: {
        Instance *i = (Instance *)o;
        if (i->fields != i->inline_fields) mtmem_free(vm, i->fields, i->cap * sizeof(Value));
        break;
    }
    case OBJ_MODULE: {
        Module *m = (Module *)o;
        mtt_free(vm, &m->names);
        mtmem_free(vm, m->values, module_block_size(m->cap));
        break;
    }
    case OBJ_TRACE: {
        Trace *t = (Trace *)o;
        mtmem_host_realloc(vm, t->entries, t->cap * sizeof(TraceEntry), 0);
        break;
    }
    case OBJ_FIBER:
    case OBJ_CHANNEL: mts_free_obj(vm, o); return; /* sizes known there */
    case OBJ_FOREIGN: mtfo_free(vm, (Foreign *)o); return;
    default: break;
    }
    mtmem_free(vm, o, mto_size(o));
}

/* {== UTF-8 positions ==} */

/* Byte offset of code point `cp_index` (clamped to the end). O(1) for ASCII strings. */
uint32_t mto_utf8_offset(String *s, uint32_t cp_index) {
    if (s->obj.flags & STR_ASCII) return cp_index < s->len ? cp_index : s->len;
    uint32_t cp = 0, i = 0;
    for (; i < s->len; i++) {
        if (((unsigned char)s->chars[i] & 0xC0) != 0x80) {
            if (cp == cp_index) return i;
            cp++;
        }
    }
    return s->len;
}

/* {== Code-point positions in non-ASCII strings ==} */

static inline bool utf8_continuation(char c) { return ((unsigned char)c & 0xC0) == 0x80; }

/* Walks from code point cp at `byte` to code point target, forwards or backwards. */
static uint32_t utf8_walk(String *s, uint32_t cp, uint32_t byte, uint32_t target) {
    for (; cp < target; cp++) {
        byte++;
        while (byte < s->len && utf8_continuation(s->chars[byte])) byte++;
    }
    for (; cp > target; cp--) {
        byte--;
        while (utf8_continuation(s->chars[byte])) byte--;
    }
    return byte;
}

/* The cursor of s, moved to the front of the VM's few cursors (most recently used first,
   so that a loop over two or three strings at once keeps all of theirs); a fresh one at
   the start of s if it had none. */
static StrCursor *cursor_of(VM *vm, String *s) {
    StrCursor *c = vm->str_cursor, found = {s, 0, 0};
    int i = 0;
    while (i < MT_STR_CURSORS - 1 && c[i].s != s) i++;
    if (c[i].s == s) found = c[i];
    memmove(c + 1, c, (size_t)i * sizeof(StrCursor));
    c[0] = found;
    return &c[0];
}

/* Byte offset of code point cp_index (clamped to the end). A non-ASCII string is walked
   from the nearest known position — its start, its end, or where the last lookup in it
   landed — so indexing it in a loop, forwards or backwards, costs O(1) per step. */
uint32_t mto_utf8_seek(VM *vm, String *s, uint32_t cp_index) {
    if (s->obj.flags & STR_ASCII) return cp_index < s->len ? cp_index : s->len;
    if (cp_index >= s->ncp) return s->len;
    StrCursor *c = cursor_of(vm, s);
    uint32_t cp = c->cp, byte = c->byte;
    uint32_t dist = cp > cp_index ? cp - cp_index : cp_index - cp;
    if (cp_index < dist) cp = 0, byte = 0, dist = cp_index;
    if (s->ncp - cp_index < dist) cp = s->ncp, byte = s->len;
    c->byte = utf8_walk(s, cp, byte, cp_index);
    c->cp = cp_index;
    return c->byte;
}

/* The code point index at byte offset `byte` (a code point boundary), the inverse of
   mto_utf8_seek, from the same nearest known position. */
uint32_t mto_cp_index(VM *vm, String *s, uint32_t byte) {
    if (s->obj.flags & STR_ASCII) return byte < s->len ? byte : s->len;
    if (byte >= s->len) return s->ncp;
    StrCursor *c = cursor_of(vm, s);
    uint32_t cp = c->cp, from = c->byte;
    uint32_t dist = from > byte ? from - byte : byte - from;
    if (byte < dist) cp = 0, from = 0, dist = byte;
    if (s->len - byte < dist) cp = s->ncp, from = s->len;
    for (uint32_t i = from; i < byte; i++) cp += !utf8_continuation(s->chars[i]);
    for (uint32_t i = byte; i < from; i++) cp -= !utf8_continuation(s->chars[i]);
    c->cp = cp;
    c->byte = byte;
    return cp;
}

/* The code points [from, to) of s. */
String *mto_substring(VM *vm, String *s, uint32_t from, uint32_t to) {
    if (from >= to) return mto_intern(vm, "", 0);
    uint32_t a = mto_utf8_seek(vm, s, from);
    uint32_t b = mto_utf8_seek(vm, s, to);
    if (b - a <= 1) return mto_char(vm, s->chars + a, b - a);
    return mto_string(vm, s->chars + a, b - a);
}

/* A one-character string; ASCII ones are interned so iterating text does not churn. */
String *mto_char(VM *vm, const char *bytes, size_t n) {
    if (n <= 1) return mto_intern(vm, bytes, n);
    return mto_string(vm, bytes, n);
}
