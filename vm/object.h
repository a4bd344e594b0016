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
    OBJ_BYTES,
    OBJ_LIST,
    OBJ_MAP,
    OBJ_TUPLE,
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
    OBJ_SET,     /* a set or frozenset (set.h): a Map whose values are all true */
    OBJ_TRACE,
    OBJ__COUNT
} ObjType;

struct Obj {
    Obj *next;      /* the next object on vm->objects (the sweeper's list) */
    uint8_t type;   /* ObjType */
    uint8_t marked; /* the collector's mark: 0 white, 1 marked, 2 scanned (fibers) */
    uint16_t flags; /* per type: STR_*, BYTES_HASHED, FIBER_*, NATIVE_PROPERTY */
    uint32_t aux;   /* per-type: a string's or bytes' hash, an instance's inline field slots */
};

static inline bool IS_OBJ_TYPE(Value v, ObjType t) { return IS_OBJ(v) && AS_OBJ(v)->type == t; }

/* {== Strings ==} */

#define NATIVE_PROPERTY 1 /* Native obj.flags: read as an attribute, not called */
#define NATIVE_METHOD   2 /* Native obj.flags: a host's method, whose slot 0 is the receiver */

#define STR_INTERNED 1
#define STR_ASCII    2
#define STR_HASHED   4

/* Immutable UTF-8 text. `ncp` counts code points; indexing is O(1) for ASCII strings. */
typedef struct String {
    Obj obj;
    uint32_t len; /* bytes of UTF-8, without the NUL that follows them */
    uint32_t ncp; /* code points (len for ASCII strings) */
    char chars[]; /* the text, NUL-terminated for C */
} String;

/* {== Bytes ==} */

#define BYTES_HASHED 1 /* Bytes obj.flags: obj.aux holds the hash */

/* An immutable byte string (`b"..."`): raw octets, with no encoding and no code points, so
   that binary data never has to pretend to be text. */
typedef struct Bytes {
    Obj obj;
    uint32_t len;   /* bytes held */
    uint8_t data[]; /* the bytes (no terminator: a byte string may hold any octet) */
} Bytes;

/* {== Internal string-keyed hash table (interning, methods, fields, module names) ==} */

typedef struct {
    String *key; /* NULL: empty (value UNDEF) or tombstone (value TRUE) */
    Value value; /* UNDEF for an empty node, NIL for a deleted one */
} TableEntry;

typedef struct {
    uint32_t count;      /* live + tombstones */
    uint32_t mask;       /* capacity - 1, or 0 with entries NULL */
    TableEntry *entries; /* mask + 1 entries, or NULL */
} Table;

/* {== Containers ==} */

typedef struct List {
    Obj obj;
    uint32_t count; /* items in use */
    uint32_t cap;   /* items allocated */
    Value *items;   /* the items (mtmem block of cap values) */
} List;

/* Insertion-ordered map, laid out as CPython's compact dict: the entries sit in one array
   in insertion order (iteration and the collector walk it in memory order, growth copies it
   in one pass), and a separate index of 32-bit slots, open addressing at a load of at most
   1/2, says where each key's entry is. A deleted entry has key UNDEF (a hole until the next
   rebuild) and its index slot becomes MAP_SLOT_DELETED. Both arrays are one block. */
typedef struct {
    Value key;     /* UNDEF: a deleted entry */
    Value value;   /* NIL in a deleted entry */
    uint32_t hash; /* the key's hash, kept to rebuild the index without rehashing keys */
} MapNode;

#define MAP_SLOT_EMPTY   0u         /* an index slot that ends a probe chain */
#define MAP_SLOT_DELETED UINT32_MAX /* a slot whose key was deleted: probing goes on */

typedef struct Map {
    Obj obj;
    uint32_t count;   /* live entries */
    uint32_t end;     /* entries written (live or deleted): the next one goes to nodes[end] */
    uint32_t used;    /* index slots taken (live or deleted); the map grows at (mask + 1) / 2 */
    uint32_t mask;    /* index slots - 1, or 0 with no nodes */
    uint32_t version; /* bumped when the key set changes, to catch edits during a for */
    MapNode *nodes;   /* (mask + 1) / 2 entries, in insertion order; NULL when empty */
    uint32_t *index;  /* mask + 1 slots: EMPTY, DELETED or 1 + the position of an entry */
} Map;

/* A set is a Map (the same struct, object type OBJ_SET) whose members are its keys and whose
   values are all true: the map's hashing, key matching, insertion order and iteration are
   the set's. */
#define SET_FROZEN 1 /* Map obj.flags of an OBJ_SET: a frozenset (immutable, hashable) */
#define SET_HASHED 2 /* a frozenset whose hash is in obj.aux */

#define TUPLE_HASHED 1 /* Tuple obj.flags: obj.aux holds the hash of its items */

/* An immutable sequence: `(a, b)`. The items live in the object itself (a tuple never
   grows), so making one is one allocation, and it is a map key when its items are. */
typedef struct Tuple {
    Obj obj;
    uint32_t count; /* items */
    Value items[];  /* the items */
} Tuple;

typedef struct Range {
    Obj obj;
    int64_t start, stop, step; /* as range(start, stop, step); step is never 0 */
} Range;

/* {== Functions ==} */

typedef struct {
    uint8_t is_local; /* captures the enclosing function's slot, else its upvalue */
    uint8_t index;    /* the slot or upvalue index */
} UpvalDesc;

/* Exception handler: a pc range of one function and where control lands. */
typedef enum {
    HANDLER_EXCEPT,   /* stores the error in `slot`, jumps to the matching code */
    HANDLER_FINALLY,  /* stores the error in `slot` and KIND_EXC in slot+1 */
    HANDLER_FOR_STOP, /* a StopIteration at exactly `start` (a FOR_ITER) ends the loop */
} HandlerKind;

typedef struct {
    uint32_t start, end, target; /* the pc range [start, end) it covers, and the landing pad */
    uint16_t depth;              /* stack slots (from the frame base) live at the handler */
    uint8_t kind;                /* RegionKind */
    uint8_t slot; /* where the error goes (a finally: slot, and its kind in slot + 1) */
} Handler;

/* A region of code that runs while an error is being handled (an except body, a finally
   body) or that is cleanup (finally bodies and with exits, which a kill must not cut). */
typedef enum { REGION_EXCEPT, REGION_FINALLY } RegionKind;
typedef struct {
    uint32_t start, end; /* the pc range [start, end) of the body */
    uint8_t kind;        /* RegionKind */
    uint8_t slot;        /* the slot holding the error being handled (finally: if slot+1 is EXC) */
} Region;

/* Completion kinds stored in a finally's kind slot. */
enum { KIND_NORMAL = 0, KIND_EXC = 1, KIND_RETURN = 2, KIND_JUMP = 3 };

/* Inline cache for an attribute site: the class seen last and the field or method found. */
typedef struct {
    struct String *name;
    void *klass;    /* Class* for instances, or a type tag for builtins */
    Value method;   /* the method (a closure or a native) */
    uint32_t index; /* field index, or UINT32_MAX for a method hit */
    uint32_t shape; /* method hit: the class's field count then (a new field may shadow) */
} AttrCache;

#define MT_NO_ARGC     0xFFFFu /* no argument count: slot 0 of a method is not its callee */
#define PROTO_METHOD   1       /* slot 0 is `self` (the receiver), not the callee */
#define PROTO_MODULE   2       /* a module's top level */
#define PROTO_DEFAULTS 4       /* some parameter has a default */
#define PROTO_VARARGS  8  /* *args: a slot after the positional parameters gets the extra ones */
#define PROTO_VARKW    16 /* **kw: the last slot gets the unmatched keyword arguments (a map) */
/* Slots follow the positional parameters (*args, keyword-only ones, **kw): the code starts
   with ARGS_EXTRA, which fills them when the call passed only positional arguments, no more
   than there are positional parameters (the fast path, or push_frame); otherwise the slow
   path (call.c, bind_extra) binds them itself and starts after it. */
#define PROTO_EXTRA    32

/* The names in param_names: positional, keyword-only, then *args's and **kw's. */
#define PROTO_NNAMES(p)                                                                            \
    ((uint32_t)(p)->nparams + (p)->nkwonly + !!((p)->pflags & PROTO_VARARGS) +                     \
     !!((p)->pflags & PROTO_VARKW))

typedef struct Proto {
    Obj obj;
    Instr *code;       /* the bytecode (ncode instructions) */
    int32_t *lines;    /* the source line of each instruction */
    Value *consts;     /* constants (nconsts) */
    UpvalDesc *upvals; /* what each upvalue captures (nupvals) */
    struct String **param_names;
    Handler *handlers; /* except/finally handlers, innermost first (nhandlers) */
    Region *regions;   /* except bodies and cleanup blocks (nregions): contexts, the hold rule */
    AttrCache *caches; /* inline caches of its attribute and method sites (ncaches) */
    struct String *name;
    struct Module *module;
    /* The source it was compiled from and the file name tracebacks show: the module's
       when it was compiled (chunks run in the host module each bring their own). */
    struct String *source, *file;
    uint32_t ncode, nconsts, ncaches; /* counts of the arrays above */
    uint16_t nhandlers, nregions;     /* counts of the arrays above */
    uint16_t maxstack;                /* the most stack slots a call of it needs above its base */
    uint8_t nupvals;                  /* upvalues its closures capture */
    uint8_t nparams;                  /* declared parameters, including self for a method */
    uint8_t nrequired;                /* parameters without a default */
    uint8_t pflags;                   /* PROTO_* */
    uint8_t nkwonly;                  /* keyword-only parameters (after *args or a bare *) */
    uint16_t call_argc; /* nparams, or MT_NO_ARGC for a method: CALL's fast path tests argc alone */
    uint32_t kwrequired; /* bit k: keyword-only parameter k has no default */
    int32_t line;        /* where the def starts */
    struct String *doc;  /* its docstring (SPEC 5.8), or NULL */
} Proto;

typedef struct Upvalue {
    Obj obj;
    Value *location; /* into a fiber stack while open, else &closed */
    Value closed;    /* the value, once the slot is gone */
    struct Upvalue *next_open;
} Upvalue;

typedef struct Closure {
    Obj obj;
    Proto *proto;      /* its function */
    uint32_t nupvals;  /* proto->nupvals: the length of upvals */
    Upvalue *upvals[]; /* the variables it captured */
} Closure;

/* Native function results. */
enum {
    NATIVE_OK = 0,      /* result in args[0] */
    NATIVE_ERROR = 1,   /* vm->error holds the exception */
    NATIVE_CALL = 2,    /* args[0..argc] was rewritten to a call: run it in place (tail call) */
    NATIVE_SUSPEND = 3, /* the fiber parked or switched; the VM resumes another one */
    NATIVE_END = 4,     /* a foreign class's `next`: the iteration is over */
    NATIVE_RETRY = 5,   /* it parked the thread until an fd is ready (mtpoll_park): when the
                           thread resumes, the VM calls it again with the same arguments */
};

/* args[0] is the receiver (methods) or the native itself; arguments are args[1..argc]. */
typedef int (*NativeFn)(VM *vm, Value *args, int argc);

typedef struct Native {
    Obj obj;
    NativeFn fn; /* the C function */
    struct String *name;
    const char *const *params;  /* parameter names for keyword calls, NULL-terminated */
    int16_t min_args, max_args; /* max -1: any number */
    Value data;                 /* extra value a native can read (e.g. its module) */
    /* A host's native (mt.h): fn is the API's trampoline, which calls this. */
    struct {
        void (*fn)(void); /* the host's mt_NativeFn or mt_ReadyFn (object.h knows no mt.h) */
        void *user_data;
    } host;
} Native;

/* {== Classes ==} */

typedef struct Class {
    Obj obj;
    struct String *name;
    struct Class *super;
    Table methods; /* own and inherited methods (copied down when the class is made) */
    Table fields;  /* field name -> SMALLINT slot, shared by all instances */
    /* Class variables and static functions (SPEC 5.9): its own only; a lookup walks the
       bases, so assigning Base.X is seen by every subclass that has no X of its own. */
    Table statics;
    Value doc;        /* its docstring, or nil */
    bool has_ops;     /* it (or a base) has an operator method (SPEC 5.9): the slow paths look */
    uint32_t nfields; /* fields an instance has room for */
    Value init;       /* cached `init` method or UNDEF */
    int builtin_tag;  /* for error classes made by the VM: which ErrorKind, else -1 */
    /* A foreign class (foreign.h): the hooks of its objects; NULL for every other class.
       It cannot be called or subclassed from Mt. */
    const struct ForeignOps *foreign; /* see above */
    /* A built-in type's class (`int`, `str`, `list`...): the TypeTag of its values, and the
       native that calling the class runs (the conversion: `int("3")`). -1 and NULL for
       every other class. It has no methods of its own and cannot be subclassed. */
    int type_tag;
    struct Native *convert;
} Class;

typedef struct Instance {
    Obj obj;
    Class *klass;          /* its class: fields layout and methods */
    Value *fields;         /* points at inline[] or at an out-of-line array */
    uint32_t nfields, cap; /* fields set up and allocated */
    Value inline_fields[]; /* the first fields, in the same allocation */
} Instance;

typedef struct Bound {
    Obj obj;
    Value self;   /* the receiver */
    Value method; /* the method (a closure or a native) */
} Bound;

typedef struct Module {
    Obj obj;
    struct String *name;
    struct String *path;
    struct String *source;
    Table names;           /* global name -> SMALLINT index */
    Value *values;         /* UNDEF while not assigned */
    uint8_t *declared;     /* set once a top-level let/def/class/import ran */
    uint32_t nvalues, cap; /* globals and room for them */
    uint8_t state;         /* MODULE_LOADING / MODULE_READY */
} Module;
enum { MODULE_LOADING = 1, MODULE_READY = 2 };

/* Traceback: frames an error passed through, innermost first. */
typedef struct {
    Proto *proto; /* its function */
    uint32_t pc;  /* the instruction it was at */
} TraceEntry;

typedef struct Trace {
    Obj obj;
    uint32_t count, cap; /* frames recorded and allocated */
    TraceEntry *entries; /* innermost first (a host block: tracebacks must not fail) */
} Trace;

/* {== Making objects (object.c) ==} */

/* A new object of `size` bytes and type `type`, linked on the all-objects list for the
   sweeper; may collect first (callers root what they hold). */
MT_INTERNAL Obj *mto_alloc(VM *vm, size_t size, ObjType type);

/* A new string with a copy of chars[0..len) (not interned). */
MT_INTERNAL String *mto_string(VM *vm, const char *chars, size_t len);

/* mto_string of a NUL-terminated C string. */
MT_INTERNAL String *mto_string_z(VM *vm, const char *chars);

/* The interned string with this text, made if new: names and constants are interned so
   that tables compare keys by pointer. */
MT_INTERNAL String *mto_intern(VM *vm, const char *chars, size_t len);

/* mto_intern of a NUL-terminated C string. */
MT_INTERNAL String *mto_intern_z(VM *vm, const char *chars);

/* A string of `len` bytes to be filled in by the caller and then passed to
   mto_string_finish (saves a copy when text is built in place). */
MT_INTERNAL String *mto_string_alloc(VM *vm, size_t len);

/* Completes a string from mto_string_alloc: counts its code points and notes whether it is
   ASCII. */
MT_INTERNAL String *mto_string_finish(VM *vm, String *s);

/* A new string from a printf format. */
MT_INTERNAL String *mto_string_fmt(VM *vm, const char *fmt, ...) MT_PRINTF(2, 3);

/* The byte offset of code point `cp_index` of s (clamped to the end); O(1) for ASCII
   strings. */
MT_INTERNAL uint32_t mto_utf8_offset(String *s, uint32_t cp_index);

/* The byte offset of code point `cp_index` of s (clamped to the end), walking from the
   nearest place a recent lookup in s landed (vm->str_cursor): O(1) per step in loops. */
MT_INTERNAL uint32_t mto_utf8_seek(VM *vm, String *s, uint32_t cp_index);

/* The code point index at byte offset `byte` of s (a code point boundary), the inverse of
   mto_utf8_seek and as cheap. */
MT_INTERNAL uint32_t mto_cp_index(VM *vm, String *s, uint32_t byte);

/* The code points [cp_from, cp_to) of s as a new string. */
MT_INTERNAL String *mto_substring(VM *vm, String *s, uint32_t cp_from, uint32_t cp_to);

/* A one-character string; ASCII ones are interned, so iterating over text does not churn. */
MT_INTERNAL String *mto_char(VM *vm, const char *bytes, size_t n);

/* The string's hash, computed once and kept in its header. */
MT_INTERNAL uint32_t mto_string_hash(String *s);

/* A new byte string with a copy of data[0..len). */
MT_INTERNAL Bytes *mto_bytes(VM *vm, const void *data, size_t len);

/* A byte string of `len` bytes for the caller to fill in (saves a copy when the bytes are
   made in place; MemoryError if len does not fit a byte string). */
MT_INTERNAL Bytes *mto_bytes_alloc(VM *vm, size_t len);

/* The byte string's hash, computed once and kept in its header. It differs from the hash of
   a str of the same bytes, so that b"k" and "k" (different keys) do not share a chain. */
MT_INTERNAL uint32_t mto_bytes_hash(Bytes *b);

/* A new empty list with room for `cap` items. */
MT_INTERNAL List *mto_list(VM *vm, uint32_t cap);

/* Appends v, growing the list (the list and v must be rooted). */
MT_INTERNAL void mto_list_push(VM *vm, List *l, Value v);

/* Grows a list's capacity to at least `cap` items. */
MT_INTERNAL void mto_list_reserve(VM *vm, List *l, uint32_t cap);

/* A new range; empty ranges are allowed (step is never 0: the caller checks). */
MT_INTERNAL Range *mto_range(VM *vm, int64_t start, int64_t stop, int64_t step);

/* The number of items of r; false if it does not fit 64 bits. */
MT_INTERNAL bool mto_range_len(Range *r, int64_t *out);

/* A new empty function prototype of module `module`, for the compiler to fill. */
MT_INTERNAL Proto *mto_proto(VM *vm, Module *module);

/* A closure of proto with its upvalue slots empty (CLOSURE fills them). */
MT_INTERNAL Closure *mto_closure(VM *vm, Proto *proto);

/* An open upvalue pointing at a stack slot (fiber.c keeps the open list). */
MT_INTERNAL Upvalue *mto_upvalue(VM *vm, Value *slot);

/* A native function taking min..max arguments (max -1: any number). */
MT_INTERNAL Native *mto_native(VM *vm, const char *name, NativeFn fn, int min, int max);

/* A new class; a subclass starts with copies of its base's methods and fields. */
MT_INTERNAL Class *mto_class(VM *vm, String *name, Class *super);

/* A new instance of klass with every field undefined. */
MT_INTERNAL Instance *mto_instance(VM *vm, Class *klass);

/* Sets a field (adding it to the class's field table if new). */
MT_INTERNAL void mto_instance_set(VM *vm, Instance *inst, String *name, Value v);

/* Reads a field; false if the instance has no such field. */
MT_INTERNAL bool mto_instance_get(Instance *inst, String *name, Value *out);

/* A method bound to its receiver, as obj.method without a call gives. */
MT_INTERNAL Bound *mto_bound(VM *vm, Value self, Value method);

/* A new module named `name` whose file is `path` (NULL for built-in ones). */
MT_INTERNAL Module *mto_module(VM *vm, String *name, String *path);

/* The slot of a module global, made on first mention (holding the builtin of that name, if
   any, until a top-level declaration runs). */
MT_INTERNAL uint32_t mto_module_slot(VM *vm, Module *m, String *name);

/* A new tuple of `n` items, all nil (the caller fills them in before anything else
   allocates or can see it). */
MT_INTERNAL Tuple *mto_tuple(VM *vm, uint32_t n);

/* A new tuple with a copy of items[0..n). */
MT_INTERNAL Tuple *mto_tuple_of(VM *vm, const Value *items, uint32_t n);

/* A new empty traceback. */
MT_INTERNAL Trace *mto_trace(VM *vm);

/* Appends a frame (function and pc) to a traceback; frames past memory are left out. */
MT_INTERNAL void mto_trace_add(VM *vm, Trace *t, Proto *p, uint32_t pc);

/* An int value: inline in the NaN box when it fits 48 bits, else a boxed cell. */
MT_INTERNAL Value mto_int(VM *vm, int64_t i);

/* Frees an object and what it owns (the sweeper and VM teardown call it). */
MT_INTERNAL void mto_free(VM *vm, Obj *o);

/* The bytes an object of fixed layout was allocated with (for mtmem_free). */
MT_INTERNAL size_t mto_size(Obj *o);

/* Small helpers used everywhere. */
static inline String *AS_STRING(Value v) { return (String *)AS_OBJ(v); }
static inline Bytes *AS_BYTES(Value v) { return (Bytes *)AS_OBJ(v); }
static inline List *AS_LIST(Value v) { return (List *)AS_OBJ(v); }
static inline Map *AS_MAP(Value v) { return (Map *)AS_OBJ(v); }
static inline Tuple *AS_TUPLE(Value v) { return (Tuple *)AS_OBJ(v); }
static inline Closure *AS_CLOSURE(Value v) { return (Closure *)AS_OBJ(v); }
static inline Class *AS_CLASS(Value v) { return (Class *)AS_OBJ(v); }
static inline Instance *AS_INSTANCE(Value v) { return (Instance *)AS_OBJ(v); }
#define IS_STRING(v)   IS_OBJ_TYPE(v, OBJ_STRING)
#define IS_BYTES(v)    IS_OBJ_TYPE(v, OBJ_BYTES)
#define IS_LIST(v)     IS_OBJ_TYPE(v, OBJ_LIST)
#define IS_MAP(v)      IS_OBJ_TYPE(v, OBJ_MAP)
#define IS_SET(v)      IS_OBJ_TYPE(v, OBJ_SET)
#define IS_TUPLE(v)    IS_OBJ_TYPE(v, OBJ_TUPLE)
#define IS_CLASS(v)    IS_OBJ_TYPE(v, OBJ_CLASS)
#define IS_INSTANCE(v) IS_OBJ_TYPE(v, OBJ_INSTANCE)
#define IS_CLOSURE(v)  IS_OBJ_TYPE(v, OBJ_CLOSURE)

#endif
