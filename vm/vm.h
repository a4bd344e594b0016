/*
** vm.h — the VM state shared by every fiber, and the internal API between subsystems.
** Per-execution state (stacks, frames, handlers in flight) lives in Fiber (fiber.h).
*/
#ifndef MT_VM_H
#define MT_VM_H

#include <signal.h>
#include <stdarg.h>

#include "include/mt.h"
#include "vm/fiber.h"
#include "vm/mem.h"

/* {== Error classes made by every VM ==} */

#define MT_ERROR_CLASSES(X)                                                                        \
    X(ERR_ERROR, "Error", -1)                                                                      \
    X(ERR_EXIT, "Exit", -1)                                                                        \
    X(ERR_THREAD_EXIT, "ThreadExit", ERR_EXIT)                                                     \
    X(ERR_SYSTEM_EXIT, "SystemExit", ERR_EXIT)                                                     \
    X(ERR_INTERRUPT, "Interrupt", ERR_EXIT)                                                        \
    X(ERR_TYPE, "TypeError", ERR_ERROR)                                                            \
    X(ERR_VALUE, "ValueError", ERR_ERROR)                                                          \
    X(ERR_KEY, "KeyError", ERR_ERROR)                                                              \
    X(ERR_INDEX, "IndexError", ERR_ERROR)                                                          \
    X(ERR_NAME, "NameError", ERR_ERROR)                                                            \
    X(ERR_ATTRIBUTE, "AttributeError", ERR_ERROR)                                                  \
    X(ERR_IO, "IOError", ERR_ERROR)                                                                \
    X(ERR_FILE_NOT_FOUND, "FileNotFoundError", ERR_IO)                                             \
    X(ERR_PERMISSION, "PermissionError", ERR_IO)                                                   \
    X(ERR_CHANNEL_CLOSED, "ChannelClosed", ERR_ERROR)                                              \
    X(ERR_DEADLOCK, "DeadlockError", ERR_ERROR)                                                    \
    X(ERR_RECURSION, "RecursionError", ERR_ERROR)                                                  \
    X(ERR_MEMORY, "MemoryError", ERR_ERROR)                                                        \
    X(ERR_ASSERTION, "AssertionError", ERR_ERROR)                                                  \
    X(ERR_IMPORT, "ImportError", ERR_ERROR)                                                        \
    X(ERR_SYNTAX, "SyntaxError", ERR_ERROR)                                                        \
    X(ERR_STOP_ITERATION, "StopIteration", ERR_ERROR)                                              \
    X(ERR_ZERO_DIVISION, "ZeroDivisionError", ERR_ERROR)                                           \
    X(ERR_OVERFLOW, "OverflowError", ERR_ERROR)                                                    \
    X(ERR_UNICODE, "UnicodeError", ERR_VALUE)

typedef enum {
#define X(id, name, parent) id,
    MT_ERROR_CLASSES(X)
#undef X
        ERR__COUNT
} ErrorKind;

/* Builtin value kinds, used to index per-type method tables and inline caches. */
typedef enum {
    TYPE_NIL,
    TYPE_BOOL,
    TYPE_INT,
    TYPE_FLOAT,
    TYPE_STR,
    TYPE_LIST,
    TYPE_MAP,
    TYPE_RANGE,
    TYPE_FUNCTION,
    TYPE_CLASS,
    TYPE_INSTANCE,
    TYPE_MODULE,
    TYPE_COROUTINE,
    TYPE_THREAD,
    TYPE_CHANNEL,
    TYPE_FOREIGN, /* its methods are its class's, not in type_methods */
    TYPE__COUNT
} TypeTag;

/* Interned names the VM looks up often. */
#define MT_COMMON_NAMES(X)                                                                         \
    X(init, "init")                                                                                \
    X(iter, "iter")                                                                                \
    X(next, "next")                                                                                \
    X(message, "message") X(enter, "enter") X(exit, "exit") X(str, "str") X(repr, "repr")          \
        X(trace, "@trace") X(context, "@context") X(code, "code") X(main, "<main>")                \
            X(self, "self") X(module, "<module>") X(lambda, "<fn>") X(unmatchable, "@unmatchable")

typedef struct {
#define X(field, text) String *field;
    MT_COMMON_NAMES(X)
#undef X
} CommonNames;

/* A code point of a string and its byte offset (see mto_utf8_seek). */
#define MT_STR_CURSORS 4 /* a power of two */
typedef struct {
    String *s;
    uint32_t cp, byte;
} StrCursor;

typedef struct Scheduler Scheduler;
struct CompilerState;

struct mt_VM {
    Fiber *current; /* the fiber the interpreter loop is running */
    Fiber *main;    /* the main thread */
    Value error;    /* exception raised by a native, on its way to the unwinder */

    /* Memory and collector. */
    Mem mem;
    Obj *objects;
    size_t bytes_allocated, next_gc;
    Obj **gray;
    size_t ngray, graycap;
    bool gray_overflow; /* the gray stack could not grow: some marked objects are unscanned */
    Value temps[32];    /* values a native holds across an allocation */
    int ntemps;
    int gc_pause;   /* >0: collections are postponed */
    bool gc_stress; /* collect at every allocation */
    bool gc_running;
    struct CompilerState *compiler; /* roots of an in-progress compile */

    /* Names and types. */
    Table strings; /* interned strings (weak) */
    Table builtins;
    Table modules; /* path -> Module */
    Table type_methods[TYPE__COUNT];
    Class *error_class[ERR__COUNT];
    CommonNames names;
    Value memory_error;      /* preallocated, for when allocation fails */
    Value thread_exit_error; /* preallocated: a kill when there is no memory for its error */
    Value argv;

    /* Limits and host hooks. */
    uint32_t max_frames;
    uint32_t max_resume_depth; /* coroutines resuming coroutines: the longest resume chain */
    uint32_t nest_depth;       /* current depth of recursive C helpers (repr, ==) */
    mt_Config config;
    volatile sig_atomic_t attention; /* a signal or host request is waiting: check at safe points */
    volatile sig_atomic_t signal_pending;

    Class **foreign; /* the foreign classes registered in this VM (foreign.c) */
    uint32_t nforeign, foreign_cap;

    Scheduler *sched;
    uint64_t select_rng;
    Module *main_module;
    int exit_status;
    bool error_reported;
    uint32_t tail_base; /* NATIVE_CALL: stack index of the rewritten call's slot 0 */
    Module *prelude;    /* stdlib parts written in Mt */
    char *out_buf;      /* buffered stdout (default writer), out_cap bytes from mtmem */
    size_t out_len, out_cap;
    bool out_tty;
    int out_errno; /* a write to stdout failed (e.g. EPIPE): print raises IOError */
    /* The message of the last failed run, for the host (mt_last_error): a host block of
       compile_error_size bytes, or a static string when that is 0. */
    char *compile_error;
    size_t compile_error_size;
    bool compile_incomplete;
    /* Where recent code-point lookups in non-ASCII strings landed, so that indexing them
       in a loop costs O(1) per step (object.c, mto_utf8_seek); by string address. */
    StrCursor str_cursor[MT_STR_CURSORS];
};

/* {== Object allocation (object.c) ==} */
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
static inline Fiber *AS_FIBER(Value v) { return (Fiber *)AS_OBJ(v); }
#define IS_STRING(v)   IS_OBJ_TYPE(v, OBJ_STRING)
#define IS_LIST(v)     IS_OBJ_TYPE(v, OBJ_LIST)
#define IS_MAP(v)      IS_OBJ_TYPE(v, OBJ_MAP)
#define IS_CLASS(v)    IS_OBJ_TYPE(v, OBJ_CLASS)
#define IS_INSTANCE(v) IS_OBJ_TYPE(v, OBJ_INSTANCE)
#define IS_CLOSURE(v)  IS_OBJ_TYPE(v, OBJ_CLOSURE)
#define IS_FIBER(v)    IS_OBJ_TYPE(v, OBJ_FIBER)

/* {== Tables (table.c) ==} */
MT_INTERNAL void mtt_init(Table *t);
MT_INTERNAL void mtt_free(VM *vm, Table *t);
MT_INTERNAL bool mtt_get(const Table *t, String *key, Value *out);
MT_INTERNAL bool mtt_set(VM *vm, Table *t, String *key, Value v); /* true if new */
MT_INTERNAL bool mtt_delete(Table *t, String *key);
MT_INTERNAL void mtt_copy(VM *vm, Table *from, Table *to);
MT_INTERNAL String *mtt_find_string(Table *t, const char *chars, size_t len, uint32_t hash);
MT_INTERNAL void mtt_mark(VM *vm, Table *t);
MT_INTERNAL void mtt_remove_white(Table *t);

/* {== Maps (map.c) ==} */
MT_INTERNAL Map *mtm_new(VM *vm, uint32_t cap);
MT_INTERNAL bool mtm_get(VM *vm, Map *m, Value key, Value *out, bool *failed);
MT_INTERNAL bool mtm_set(VM *vm, Map *m, Value key, Value v); /* false: error raised */
MT_INTERNAL bool mtm_delete(VM *vm, Map *m, Value key, Value *out, bool *failed);
MT_INTERNAL void mtm_clear(VM *vm, Map *m);
MT_INTERNAL bool mtm_hash(VM *vm, Value key, uint32_t *hash); /* false: unhashable */
MT_INTERNAL void mtm_free(VM *vm, Map *m);

/* {== Values (value.c) ==} */
MT_INTERNAL bool mtv_truthy(Value v);
MT_INTERNAL int mtv_equal(VM *vm, Value a, Value b); /* 1, 0, or -1 with an error raised */
MT_INTERNAL TypeTag mtv_type(Value v);
MT_INTERNAL const char *mtv_type_name(Value v);
MT_INTERNAL String *mtv_to_string(VM *vm, Value v, bool repr); /* NULL: error raised */
MT_INTERNAL bool mtv_needs_callback(VM *vm, Value v);
MT_INTERNAL bool mtv_needs_repr_callback(VM *vm, Value v);
MT_INTERNAL int mtv_compare(VM *vm, Value a, Value b, int *out); /* <0,0,>0; false: error */

/* Numbers (num.c). */
MT_INTERNAL int mtn_format_double(double d, char *buf); /* shortest round-trip text */
MT_INTERNAL bool mtn_parse_int(const char *s, size_t len, int base, int64_t *out);
MT_INTERNAL bool mtn_int_too_big(const char *s, size_t len, int base);
MT_INTERNAL bool mtn_parse_number(const char *s, size_t len, Value *out, VM *vm);

/* {== Errors (error.c) ==} */
MT_INTERNAL int mte_throw(VM *vm, ErrorKind kind, const char *fmt, ...) MT_PRINTF(3, 4);
MT_INTERNAL int mte_throw_value(VM *vm, Value exc);
MT_INTERNAL Value mte_new(VM *vm, ErrorKind kind, const char *fmt, ...) MT_PRINTF(3, 4);
MT_INTERNAL Value mte_new_str(VM *vm, ErrorKind kind, String *msg);
MT_INTERNAL bool mte_is(VM *vm, Value exc, ErrorKind kind);
MT_INTERNAL bool mte_is_exit(VM *vm, Value exc);
MT_INTERNAL bool mte_class_is(Class *k, Class *base);
MT_INTERNAL void mte_init_classes(VM *vm);
MT_INTERNAL String *mte_format(VM *vm, Value exc, Fiber *thread);
MT_INTERNAL void mte_report(VM *vm, Value exc, Fiber *thread);
MT_INTERNAL Trace *mte_trace_of(VM *vm, Value exc);
MT_INTERNAL int32_t mte_line_at(Proto *p, uint32_t pc);
MT_INTERNAL void mte_preallocate(VM *vm);
MT_INTERNAL Value mte_kill_error(VM *vm);
MT_INTERNAL bool mte_raise_out_of_memory(VM *vm);

/* {== Interpreter (vm.c, call.c) ==} */
MT_INTERNAL int mtvm_execute(VM *vm);
MT_INTERNAL bool mtv_call_setup(VM *vm, Fiber *f, Value *callee, int argc);
MT_INTERNAL bool mtcall_push_frame(VM *vm, Fiber *f, Closure *cl, Value *base, int argc,
                                uint32_t flags);
MT_INTERNAL bool mtcall_get(VM *vm, Value obj, String *name, Value *out);
MT_INTERNAL bool mtcall_set(VM *vm, Value obj, String *name, Value v);
MT_INTERNAL bool mtcall_find_method(VM *vm, Value obj, String *name, Value *out);
MT_INTERNAL Value mtlib_builtin(VM *vm, const char *name);
MT_INTERNAL int mtv_kwcall_prepare(VM *vm, Value *args, int npos, List *names, int nkw,
                                   Value callee);

/* {== Fibers (fiber.c) ==} */
MT_INTERNAL Fiber *mtf_new(VM *vm, Value callee, Value *args, int argc, bool thread);
MT_INTERNAL bool mtf_ensure_stack(VM *vm, Fiber *f, size_t needed);
MT_INTERNAL bool mtf_grow_frames(VM *vm, Fiber *f);
MT_INTERNAL void mtf_close_upvalues(Fiber *f, Value *from);
MT_INTERNAL Upvalue *mtf_capture(VM *vm, Fiber *f, Value *slot);
MT_INTERNAL void mtf_release_stack(VM *vm, Fiber *f);

/* {== Collector (gc.c) ==} */
MT_INTERNAL void mtgc_collect(VM *vm);
MT_INTERNAL void mtgc_mark_value(VM *vm, Value v);
MT_INTERNAL void mtgc_mark_obj(VM *vm, Obj *o);
static inline void mtgc_push_temp(VM *vm, Value v) { vm->temps[vm->ntemps++] = v; }
static inline void mtgc_pop_temp(VM *vm, int n) { vm->ntemps -= n; }

/* {== Modules (module.c) ==} */
MT_INTERNAL Module *mtmod_find(VM *vm, String *name, Module *from, int *status);
MT_INTERNAL Closure *mtmod_compile(VM *vm, Module *m, const char *src, size_t len, bool repl);
MT_INTERNAL char *mtmod_read_file(VM *vm, const char *path, size_t *len);
MT_INTERNAL void mtmod_set_compile_error(VM *vm, const char *msg, bool incomplete);
MT_INTERNAL void mtmod_set_static_error(VM *vm, const char *msg);
MT_INTERNAL void mtmod_take_compile_error(VM *vm, char *msg, size_t size, bool incomplete);
MT_INTERNAL void mtmod_clear_error(VM *vm);
MT_INTERNAL const char *mtmod_last_compile_error(VM *vm);

/* {== Standard library (stdlib/) ==} */
MT_INTERNAL bool mtlib_open_all(VM *vm); /* false: the prelude did not load */
MT_INTERNAL void mtlib_define(VM *vm, const char *name, Value v);
MT_INTERNAL void mtlib_write_out(VM *vm, const char *s, size_t n);
MT_INTERNAL void mtlib_write_err(VM *vm, const char *s, size_t n);
MT_INTERNAL Value mtlib_prelude(VM *vm, const char *name);

#endif
