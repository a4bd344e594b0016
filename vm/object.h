/*
** object.h — heap object layouts and their constructors.
**
** Every heap object starts with an Obj header; `next` threads all objects of a VM into one
** list for the sweeper. Objects are allocated through mem.c so the size-class free lists
** absorb the churn of short-lived objects.
*/
#ifndef MT_OBJECT_H
#define MT_OBJECT_H

#include "vm/value.h"

typedef struct mt_VM VM;
typedef uint32_t Instr;

typedef enum {
    OBJ_STRING,
    OBJ_LIST,
    OBJ_MAP,
    OBJ_RANGE,
    OBJ_PROTO,
    OBJ_CLOSURE,
    OBJ_UPVALUE,
    OBJ_NATIVE,
    OBJ_CLASS,
    OBJ_INSTANCE,
    OBJ_BOUND,
    OBJ_MODULE,
    OBJ_FIBER,
    OBJ_CHANNEL,
    OBJ_FOREIGN, /* an object of a foreign class (foreign.h) */
    OBJ_TRACE,
    OBJ__COUNT
} ObjType;

struct Obj {
    Obj *next;
    uint8_t type;
    uint8_t marked;
    uint16_t flags;
    uint32_t aux; /* per-type: the hash of a string, the inline field slots of an instance */
};

static inline bool IS_OBJ_TYPE(Value v, ObjType t) { return IS_OBJ(v) && AS_OBJ(v)->type == t; }

/* {== Strings ==} */

#define NATIVE_PROPERTY 1 /* Native obj.flags: read as an attribute, not called */

#define STR_INTERNED 1
#define STR_ASCII    2
#define STR_HASHED   4

/* Immutable UTF-8 text. `ncp` counts code points; indexing is O(1) for ASCII strings. */
typedef struct String {
    Obj obj;
    uint32_t len;
    uint32_t ncp;
    char chars[];
} String;

/* {== Internal string-keyed hash table (interning, methods, fields, module names) ==} */

typedef struct {
    String *key; /* NULL: empty (value UNDEF) or tombstone (value TRUE) */
    Value value;
} TableEntry;

typedef struct {
    uint32_t count; /* live + tombstones */
    uint32_t mask;  /* capacity - 1, or 0 with entries NULL */
    TableEntry *entries;
} Table;

/* {== Containers ==} */

typedef struct List {
    Obj obj;
    uint32_t count;
    uint32_t cap;
    Value *items;
} List;

/* Insertion-ordered map: open addressing over nodes (one cache line touched per lookup),
   with the insertion order kept as a doubly linked list through the nodes. An empty node
   has key and value UNDEF; a deleted one has key UNDEF and value NIL. */
typedef struct {
    Value key;
    Value value;
    uint32_t hash;
    int32_t next, prev; /* insertion order; -1 ends */
} MapNode;

typedef struct Map {
    Obj obj;
    uint32_t count;   /* live entries */
    uint32_t used;    /* live + deleted nodes (probe chains) */
    uint32_t mask;    /* capacity - 1, or 0 with no nodes */
    uint32_t version; /* bumped when the key set changes, to catch edits during a for */
    int32_t head, tail;
    MapNode *nodes;
} Map;

typedef struct Range {
    Obj obj;
    int64_t start, stop, step;
} Range;

/* {== Functions ==} */

typedef struct {
    uint8_t is_local; /* captures the enclosing function's slot, else its upvalue */
    uint8_t index;
} UpvalDesc;

/* Exception handler: a pc range of one function and where control lands. */
typedef enum {
    HANDLER_EXCEPT,   /* stores the error in `slot`, jumps to the matching code */
    HANDLER_FINALLY,  /* stores the error in `slot` and KIND_EXC in slot+1 */
    HANDLER_FOR_STOP, /* a StopIteration at exactly `start` (a FOR_ITER) ends the loop */
} HandlerKind;

typedef struct {
    uint32_t start, end, target;
    uint16_t depth; /* stack slots (from the frame base) live at the handler */
    uint8_t kind;
    uint8_t slot;
} Handler;

/* A region of code that runs while an error is being handled (an except body, a finally
   body) or that is cleanup (finally bodies and with exits, which a kill must not cut). */
typedef enum { REGION_EXCEPT, REGION_FINALLY } RegionKind;
typedef struct {
    uint32_t start, end;
    uint8_t kind;
    uint8_t slot; /* the slot holding the error being handled (finally: if slot+1 is EXC) */
} Region;

/* Completion kinds stored in a finally's kind slot. */
enum { KIND_NORMAL = 0, KIND_EXC = 1, KIND_RETURN = 2, KIND_JUMP = 3 };

/* Inline cache for an attribute site: the class seen last and the field or method found. */
typedef struct {
    struct String *name;
    void *klass; /* Class* for instances, or a type tag for builtins */
    Value method;
    uint32_t index; /* field index, or UINT32_MAX for a method hit */
    uint32_t shape; /* method hit: the class's field count then (a new field may shadow) */
} AttrCache;

#define PROTO_METHOD   1 /* slot 0 is `self` (the receiver), not the callee */
#define PROTO_MODULE   2 /* a module's top level */
#define PROTO_DEFAULTS 4 /* some parameter has a default */

typedef struct Proto {
    Obj obj;
    Instr *code;
    int32_t *lines;
    Value *consts;
    UpvalDesc *upvals;
    struct String **param_names;
    Handler *handlers;
    Region *regions;
    AttrCache *caches;
    struct String *name;
    struct Module *module;
    uint32_t ncode, nconsts, ncaches;
    uint16_t nhandlers, nregions;
    uint16_t maxstack;
    uint8_t nupvals;
    uint8_t nparams;   /* declared parameters, including self for a method */
    uint8_t nrequired; /* parameters without a default */
    uint8_t pflags;
    int32_t line; /* where the def starts */
} Proto;

typedef struct Upvalue {
    Obj obj;
    Value *location; /* into a fiber stack while open, else &closed */
    Value closed;
    struct Upvalue *next_open;
} Upvalue;

typedef struct Closure {
    Obj obj;
    Proto *proto;
    uint32_t nupvals;
    Upvalue *upvals[];
} Closure;

/* Native function results. */
enum {
    NATIVE_OK = 0,      /* result in args[0] */
    NATIVE_ERROR = 1,   /* vm->error holds the exception */
    NATIVE_CALL = 2,    /* args[0..argc] was rewritten to a call: run it in place (tail call) */
    NATIVE_SUSPEND = 3, /* the fiber parked or switched; the VM resumes another one */
    NATIVE_END = 4,     /* a foreign class's `next`: the iteration is over */
};

/* args[0] is the receiver (methods) or the native itself; arguments are args[1..argc]. */
typedef int (*NativeFn)(VM *vm, Value *args, int argc);

typedef struct Native {
    Obj obj;
    NativeFn fn;
    struct String *name;
    const char *const *params;  /* parameter names for keyword calls, NULL-terminated */
    int16_t min_args, max_args; /* max -1: any number */
    Value data;                 /* extra value a native can read (e.g. its module) */
} Native;

/* {== Classes ==} */

typedef struct Class {
    Obj obj;
    struct String *name;
    struct Class *super;
    Table methods; /* own and inherited methods (copied down when the class is made) */
    Table fields;  /* field name -> SMALLINT slot, shared by all instances */
    uint32_t nfields;
    Value init;      /* cached `init` method or UNDEF */
    int builtin_tag; /* for error classes made by the VM: which ErrorKind, else -1 */
    /* A foreign class (foreign.h): the hooks of its objects; NULL for every other class.
       It cannot be called or subclassed from Mt. */
    const struct ForeignOps *foreign;
} Class;

typedef struct Instance {
    Obj obj;
    Class *klass;
    Value *fields; /* points at inline[] or at an out-of-line array */
    uint32_t nfields, cap;
    Value inline_fields[];
} Instance;

typedef struct Bound {
    Obj obj;
    Value self;
    Value method;
} Bound;

typedef struct Module {
    Obj obj;
    struct String *name;
    struct String *path;
    struct String *source;
    Table names;       /* global name -> SMALLINT index */
    Value *values;     /* UNDEF while not assigned */
    uint8_t *declared; /* set once a top-level let/def/class/import ran */
    uint32_t nvalues, cap;
    uint8_t state; /* MODULE_LOADING / MODULE_READY */
} Module;
enum { MODULE_LOADING = 1, MODULE_READY = 2 };

/* Traceback: frames an error passed through, innermost first. */
typedef struct {
    Proto *proto;
    uint32_t pc;
} TraceEntry;

typedef struct Trace {
    Obj obj;
    uint32_t count, cap;
    TraceEntry *entries;
} Trace;

/* {== Making objects (object.c) ==} */

MT_INTERNAL Obj *mto_alloc(VM *vm, size_t size, ObjType type);
MT_INTERNAL String *mto_string(VM *vm, const char *chars, size_t len);
MT_INTERNAL String *mto_string_z(VM *vm, const char *chars);
MT_INTERNAL String *mto_intern(VM *vm, const char *chars, size_t len);
MT_INTERNAL String *mto_intern_z(VM *vm, const char *chars);
MT_INTERNAL String *mto_string_alloc(VM *vm, size_t len);
MT_INTERNAL String *mto_string_finish(VM *vm, String *s);
MT_INTERNAL String *mto_string_fmt(VM *vm, const char *fmt, ...) MT_PRINTF(2, 3);
MT_INTERNAL uint32_t mto_utf8_offset(String *s, uint32_t cp_index);
MT_INTERNAL uint32_t mto_utf8_seek(VM *vm, String *s, uint32_t cp_index);
MT_INTERNAL uint32_t mto_cp_index(VM *vm, String *s, uint32_t byte);
MT_INTERNAL String *mto_substring(VM *vm, String *s, uint32_t cp_from, uint32_t cp_to);
MT_INTERNAL String *mto_char(VM *vm, const char *bytes, size_t n);
MT_INTERNAL uint32_t mto_string_hash(String *s);
MT_INTERNAL List *mto_list(VM *vm, uint32_t cap);
MT_INTERNAL void mto_list_push(VM *vm, List *l, Value v);
MT_INTERNAL void mto_list_reserve(VM *vm, List *l, uint32_t cap);
MT_INTERNAL Range *mto_range(VM *vm, int64_t start, int64_t stop, int64_t step);
MT_INTERNAL bool mto_range_len(Range *r, int64_t *out);
MT_INTERNAL Proto *mto_proto(VM *vm, Module *module);
MT_INTERNAL Closure *mto_closure(VM *vm, Proto *proto);
MT_INTERNAL Upvalue *mto_upvalue(VM *vm, Value *slot);
MT_INTERNAL Native *mto_native(VM *vm, const char *name, NativeFn fn, int min, int max);
MT_INTERNAL Class *mto_class(VM *vm, String *name, Class *super);
MT_INTERNAL Instance *mto_instance(VM *vm, Class *klass);
MT_INTERNAL void mto_instance_set(VM *vm, Instance *inst, String *name, Value v);
MT_INTERNAL bool mto_instance_get(Instance *inst, String *name, Value *out);
MT_INTERNAL Bound *mto_bound(VM *vm, Value self, Value method);
MT_INTERNAL Module *mto_module(VM *vm, String *name, String *path);
MT_INTERNAL uint32_t mto_module_slot(VM *vm, Module *m, String *name);
MT_INTERNAL Trace *mto_trace(VM *vm);
MT_INTERNAL void mto_trace_add(VM *vm, Trace *t, Proto *p, uint32_t pc);
MT_INTERNAL Value mto_int(VM *vm, int64_t i);
MT_INTERNAL void mto_free(VM *vm, Obj *o);
MT_INTERNAL size_t mto_size(Obj *o);

/* Small helpers used everywhere. */
static inline String *AS_STRING(Value v) { return (String *)AS_OBJ(v); }
static inline List *AS_LIST(Value v) { return (List *)AS_OBJ(v); }
static inline Map *AS_MAP(Value v) { return (Map *)AS_OBJ(v); }
static inline Closure *AS_CLOSURE(Value v) { return (Closure *)AS_OBJ(v); }
static inline Class *AS_CLASS(Value v) { return (Class *)AS_OBJ(v); }
static inline Instance *AS_INSTANCE(Value v) { return (Instance *)AS_OBJ(v); }
#define IS_STRING(v)   IS_OBJ_TYPE(v, OBJ_STRING)
#define IS_LIST(v)     IS_OBJ_TYPE(v, OBJ_LIST)
#define IS_MAP(v)      IS_OBJ_TYPE(v, OBJ_MAP)
#define IS_CLASS(v)    IS_OBJ_TYPE(v, OBJ_CLASS)
#define IS_INSTANCE(v) IS_OBJ_TYPE(v, OBJ_INSTANCE)
#define IS_CLOSURE(v)  IS_OBJ_TYPE(v, OBJ_CLOSURE)

#endif
