/*
** mt.h — the public API of libmt, the Mt language runtime.
**
** A host creates an mt_VM, runs code in it, exchanges values with it through *slots*,
** registers C functions and types, drives its threads and frees it. Everything about a VM
** is reached through the opaque mt_VM pointer: there is no global state, so several VMs may
** live in one process, each used by one OS thread at a time. Every call reports failure as
** a status (with a message where there is one); none aborts the host. SPEC.md's chapter
** "Embedding" explains the model with examples; this header is the reference.
**
** The model, in short:
**  - Slots. Values cross the API through numbered slots, as in Wren. Inside a native
**    function, slot 0 holds the receiver (methods) or nil (functions) and is the result;
**    slots 1..argc hold the arguments. Outside natives the host has its own slots. A slot
**    index past the end is grown with mt_ensure_slots; reading a slot that does not exist
**    reads nil. Slots are GC roots while they exist.
**  - Handles keep a value alive across calls (mt_handle / mt_release).
**  - Two ways to run code. mt_run_file / mt_run_string run a *program*: its main thread
**    and every thread it spawns run to the end, then the program-end guarantee runs. The
**    host loop functions (mt_exec, mt_run, mt_step, mt_spawn, mt_call) run code in the
**    VM's *host module* and leave threads alive between calls, for the host to drive.
**
** Several VMs at once: libmt itself has no mutable static data (not even caches), and it
** uses only the reentrant forms of the C library (strerror_r, lgamma_r, localtime_r ...),
** so VMs on different OS threads need no locking. What is shared is what the process has
** only once, and a script reaches it through os, time and io: the environment (os.env is
** a per-VM copy, but os.setenv/unsetenv and the time zone, TZ, change the process's), the
** working directory (os.chdir), open file descriptors, child processes, and signal
** dispositions. libmt installs no signal handler: a host that wants Ctrl-C forwards it
** with mt_signal (async-signal-safe), keeping in a global of its own the VM to forward to.
** Sandboxed VMs (mt_Config.sandbox) cannot reach os, so they cannot change any of it.
*/
#ifndef MT_H
#define MT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define MT_API __attribute__((visibility("default")))
#else
#define MT_API
#endif

#define MT_VERSION       "0.2.0"
#define MT_VERSION_MAJOR 0
#define MT_VERSION_MINOR 2

typedef struct mt_VM mt_VM;
typedef struct mt_Handle mt_Handle;         /* a value kept alive for the host */
typedef struct mt_Suspension mt_Suspension; /* a thread a native suspended (mt_suspend) */

/* {== Statuses ==} */

typedef enum {
    MT_OK = 0,            /* done; for a run: ran to completion, no error reported */
    MT_COMPILE_ERROR = 1, /* the source did not compile; nothing ran (exit status 2).
                             mt_last_error has the message (and error_fn got it) */
    MT_RUNTIME_ERROR = 2, /* an uncaught error: a run's main thread or the chunk ended with
                             it (its report went to error_fn or write_err); or mt_call's
                             callee raised it (the error is in the result slot) */
    MT_EXIT = 3,          /* exit(n), SystemExit or a signal ended the program: every thread
                             has ended; mt_exit_status is n, 130 or 128+signo */
    MT_IO_ERROR = 4,      /* a file could not be read (exit status 2). mt_last_error */
    MT_MEMORY_ERROR = 5,  /* out of memory: see "Out of memory" below. mt_last_error says
                             more when the report did not go to write_err */
    MT_WOULD_BLOCK = 6,   /* not done without waiting: a channel is full or empty, a thread
                             is still running, a chunk waits for the host */
    MT_CLOSED = 7,        /* the channel is closed (and, for a receive, drained) */
    MT_TYPE_ERROR = 8,    /* a slot or an argument does not hold what the call needs (a
                             list for mt_list_get, a callable for mt_call ...). mt_last_error
                             says which */
    MT_NOT_FOUND = 9,     /* no such global, module, attribute, map key, list index or class */
} mt_Status;

/* The name of a status ("MT_OK", ...), for messages. */
MT_API const char *mt_status_name(mt_Status status);

/* {== Configuration ==} */

/* Memory: like realloc, with the old size; new_size 0 frees. Returns NULL on failure,
   leaving the old block as it was. Every byte the VM holds comes through it (also the
   compiler's buffers, error messages, the output buffer and files read for import); only
   the C library's own (stdio streams, for open()) do not. */
typedef void *(*mt_ReallocFn)(void *ptr, size_t old_size, size_t new_size, void *user_data);

/* Output: called with text Mt writes to stdout (print) or stderr (warnings, and error
   reports when there is no error_fn). */
typedef void (*mt_WriteFn)(mt_VM *vm, const char *text, size_t len, void *user_data);

/* One frame of a traceback, innermost first. */
typedef struct mt_TraceFrame {
    const char *file;     /* the script's path or chunk name */
    const char *function; /* "<module>" for top-level code */
    int line;
} mt_TraceFrame;

typedef enum {
    MT_ERROR_COMPILE = 1, /* the source did not compile (a SyntaxError) */
    MT_ERROR_RUNTIME = 2, /* an uncaught error ended a thread or a chunk */
} mt_ErrorKind;

/* An error, as structured data. Every pointer is valid during the callback only. */
typedef struct mt_ErrorInfo {
    mt_ErrorKind kind;
    const char *error_class;     /* "SyntaxError", "ValueError", ... */
    const char *message;         /* the message alone, without the position */
    const char *file;            /* where: the innermost frame with a source line, */
    int line, column;            /* (column: compile errors only; 0 when unknown) */
    uint32_t thread_id;          /* the thread that ended (1: a run's main thread); 0: none */
    int nframes;                 /* the traceback, innermost first (0 for a compile error) */
    const mt_TraceFrame *frames; /* see nframes */
    const char *text;            /* the whole report, as write_err would have shown it */
} mt_ErrorInfo;

/* Errors: called instead of writing the report to write_err, for each compile error and
   for each uncaught error that ends a thread or a chunk. */
typedef void (*mt_ErrorFn)(mt_VM *vm, const mt_ErrorInfo *error, void *user_data);

/* Module loader: `import name` asks it before looking for a file. To supply the module,
   set *source to its text (and *len to its length) and *path to the name tracebacks show
   (NULL: the module name), then return true; the text must stay valid until release is
   called with it (release may be NULL), which happens once for each text handed over,
   as soon as it is copied. Return false to let the VM look further. A module is kept
   under its path and runs once: a later `import name` finds it without asking again when
   the path is the name, and otherwise asks again and finds the path loaded already. */
typedef struct mt_ModuleSource {
    const char *source;
    size_t len;
    const char *path;
    void (*release)(const char *source, void *user_data);
} mt_ModuleSource;
typedef bool (*mt_LoadModuleFn)(mt_VM *vm, const char *name, mt_ModuleSource *out, void *user_data);

typedef struct mt_Config {
    mt_ReallocFn realloc_fn;      /* default: the C library */
    mt_WriteFn write_out;         /* default: buffered stdout */
    mt_WriteFn write_err;         /* default: stderr */
    mt_ErrorFn error_fn;          /* default: reports go to write_err */
    mt_LoadModuleFn load_module;  /* default: only built-in modules and files */
    void *user_data;              /* passed to every callback above; mt_user_data */
    size_t memory_limit;          /* bytes held from realloc_fn (the VM itself included); 0 = no
                                     limit. See "Out of memory" below */
    uint32_t max_frames;          /* recursion limit per fiber; 0 = default (1,000,000) */
    uint32_t max_coroutine_depth; /* coroutines resuming coroutines, nested; 0 = default
                                     (100,000); deeper raises RecursionError */
    int gc_stress;                /* nonzero: collect at every allocation (testing) */
    bool sandbox;                 /* no open(), no os/net/process modules, no import of files:
                                     scripts see NameError / ImportError */
    double cleanup_seconds;       /* mt_free: how long the cleanup of live threads may run
                                     before the rest is abandoned; 0 = default (10 s) */
} mt_Config;

/* Out of memory (the host allocator returns NULL, or memory_limit would be passed): the
   VM collects garbage once and retries; if that does not help, the allocation raises
   MemoryError in the running thread (a preallocated error; each raise starts a fresh
   traceback). Raising opens a reserve of 1 MiB over the limit so that the finally blocks
   and handlers it unwinds through can run; the reserve closes again when a collection
   leaves the live heap at 3/4 of the limit or less (with no limit: at the next
   collection), so a program that catches MemoryError can run into it again. An API call
   that runs out of memory returns MT_MEMORY_ERROR (inside a native: and the native's
   error becomes MemoryError); the VM stays usable. If an allocation fails while the
   reserve is still open (or where no thread can take the error), the VM is dead: it never
   runs Mt code again, every later call that would returns MT_MEMORY_ERROR, and mt_free
   still frees everything. No failure aborts the host. */

/* Fills *config with the defaults. */
MT_API void mt_config_init(mt_Config *config);

/* {== Lifecycle ==} */

/* Creates a VM with the standard library loaded, or NULL (never a half-built VM, and
   nothing leaked) if memory runs out. config may be NULL for the defaults. */
MT_API mt_VM *mt_new(const mt_Config *config);

/* Ends the VM: every live thread is killed and its cleanup (finally blocks, with exits)
   runs, as at the end of a program, for up to config.cleanup_seconds; cleanup still
   running then is abandoned and reported on write_err. Then output is flushed, every
   suspended native's cancel callback has run, every foreign object's finalizer runs, and
   all memory is released. Returns the exit status (0 ok, 1 an error was reported, n from
   exit(n)). Handles need not be released first. */
MT_API int mt_free(mt_VM *vm);

/* The config's user_data. */
MT_API void *mt_user_data(mt_VM *vm);

/* Sets the `argv` list scripts see. MT_OK, or MT_MEMORY_ERROR (argv may then be
   incomplete). */
MT_API mt_Status mt_set_argv(mt_VM *vm, int argc, const char *const *argv);

/* {== Running programs ==} */

/* Compiles and runs a file as the main module and waits for every thread to finish; then
   the program-end guarantee runs (threads still blocked are killed, their cleanup runs).
   A program's top-level `let`s of names not used before are locals of the script (SPEC
   5.2): mt_get_global does not see them; use mt_exec chunks to share variables. */
MT_API mt_Status mt_run_file(mt_VM *vm, const char *path);

/* Compiles and runs source text as mt_run_file does; `name` is used in error messages and
   tracebacks. */
MT_API mt_Status mt_run_string(mt_VM *vm, const char *name, const char *source);

/* As mt_run_string, for `len` bytes of source that need not end in NUL: a NUL byte inside
   them is reported as invalid source (a compile error), not taken as the end. */
MT_API mt_Status mt_run_buffer(mt_VM *vm, const char *name, const char *source, size_t len);

/* Compiles source without running it: MT_OK or MT_COMPILE_ERROR (with the message in
   mt_last_error, and error_fn called). `len` as for mt_run_buffer. */
MT_API mt_Status mt_check(mt_VM *vm, const char *name, const char *source, size_t len);

/* Prints the bytecode of a file instead of running it (MT_OK when it compiled). */
MT_API mt_Status mt_disassemble_file(mt_VM *vm, const char *path);

/* The exit status of the last run (see mt_Status; mt_free returns it too). */
MT_API int mt_exit_status(mt_VM *vm);

/* Why the last call failed, when it did not report the failure on write_err or error_fn
   already, or "". A compile error's text is "file:line:col: message", the source line and
   a caret. Valid until the next call on the VM. */
MT_API const char *mt_last_error(mt_VM *vm);

/* Whether the last compile error was only that the source ended too early (an open
   bracket or block): a REPL reads another line instead of reporting it. */
MT_API bool mt_incomplete(mt_VM *vm);

/* Async-signal-safe, and safe to call from another OS thread: asks the VM to raise
   Interrupt (SIGINT) or SystemExit(128+n) in the main thread (or the running chunk) at
   its next safe point, and wakes a VM asleep in mt_run. A second request while shutting
   down ends the run at once (MT_EXIT); such a VM holds threads stopped anywhere and runs
   nothing more: free it. A host must stop calling this before mt_free. */
MT_API void mt_signal(mt_VM *vm, int signo);

/* {== The host loop ==}

   Code run this way lives in the VM's host module, whose globals every chunk shares (a
   REPL runs one chunk per entry). Threads it spawns stay alive between calls: the host
   runs them with mt_run or mt_step, from its own loop if it has one. Nothing here ends
   the program unless a script calls exit() (or a signal does): then every thread unwinds
   and the call returns MT_EXIT. */

/* Compiles a chunk into the host module and runs it on a new thread until that thread
   ends; other threads run meanwhile, and stay alive after. MT_OK, MT_COMPILE_ERROR,
   MT_RUNTIME_ERROR (the chunk raised; reported), MT_EXIT, MT_MEMORY_ERROR, or
   MT_WOULD_BLOCK: the chunk waits for the host (a suspended native or a channel only the
   host can serve) and goes on when the host completes it and runs the scheduler again.
   With result_slot >= 0, the value of the chunk's last statement, if that is an
   expression, is stored there (nil otherwise) — what a REPL prints. */
MT_API mt_Status mt_exec(mt_VM *vm, const char *name, const char *source, size_t len,
                         int result_slot);

/* Runs threads until every one has finished or waits for the host: while threads wait
   only for timers or fds, it sleeps in the VM's poller. MT_OK, MT_EXIT (the program
   ended), MT_MEMORY_ERROR (the VM is dead). */
MT_API mt_Status mt_run(mt_VM *vm);

/* What mt_step reports. fds is valid until the next call on the VM. */
#define MT_POLL_READ  1
#define MT_POLL_WRITE 2
typedef struct mt_PollFd {
    int fd;
    int events; /* MT_POLL_READ | MT_POLL_WRITE */
} mt_PollFd;

typedef struct mt_StepInfo {
    uint32_t threads;     /* live threads */
    uint32_t runnable;    /* threads that can run now: step again without waiting */
    double next_timer;    /* seconds until the next timer is due; < 0: no timer */
    uint32_t nfds;        /* fds threads wait on */
    const mt_PollFd *fds; /* see nfds */
    int wake_fd;          /* readable when mt_signal was called: poll it too (-1: none) */
    bool budget_spent;    /* the step stopped because its budget ran out */
} mt_StepInfo;

/* Runs runnable threads for at most `ticks` ticks (0: no limit) and `seconds` of time
   (<= 0: no limit); never sleeps. Timers that are due and fds that are ready wake their
   threads first. A tick is a loop iteration or a call: every stretch of code between two
   ticks is bounded by the code's length, so the budget bounds the work. A thread the
   budget stops is preempted at that point and goes on at the next step. Fills *info (may
   be NULL). MT_OK, MT_EXIT, MT_MEMORY_ERROR. The host waits with poll() on info->fds and
   info->wake_fd for at most info->next_timer seconds (none if runnable > 0), then steps
   again. */
MT_API mt_Status mt_step(mt_VM *vm, uint64_t ticks, double seconds, mt_StepInfo *info);

/* {== Slots ==} */

typedef enum {
    MT_TNIL,
    MT_TBOOL,
    MT_TINT,
    MT_TFLOAT,
    MT_TSTR,
    MT_TBYTES,
    MT_TLIST,
    MT_TMAP,
    MT_TFUNCTION, /* functions, natives, bound methods, classes: anything mt_call takes */
    MT_TTHREAD,
    MT_TCHANNEL,
    MT_TFOREIGN, /* an object of a foreign class */
    MT_TOTHER,   /* instances, coroutines, modules, ranges ... */
} mt_Type;

/* Slots 0..n-1 exist from now on (new ones hold nil). MT_OK or MT_MEMORY_ERROR
   (MT_TYPE_ERROR for n < 0). A write to a slot past the end makes it exist the same way;
   a write to a negative slot is MT_TYPE_ERROR. */
MT_API mt_Status mt_ensure_slots(mt_VM *vm, int n);
/* How many slots exist (in a native: at least argc + 1). */
MT_API int mt_slot_count(mt_VM *vm);
MT_API mt_Type mt_type(mt_VM *vm, int slot);
/* The type name Mt's type() gives ("int", "list", a class name ...). */
MT_API const char *mt_type_name(mt_VM *vm, int slot);

/* Reading. Each returns a zero value (false, 0, 0.0, NULL) when the slot holds another
   type; mt_get_float converts an int. The text of mt_get_str / mt_get_bytes stays valid
   while the value is in a slot or a handle. mt_get_str's text ends in NUL. */
MT_API bool mt_get_bool(mt_VM *vm, int slot);
MT_API bool mt_truthy(mt_VM *vm, int slot); /* Mt's truth test for any value */
MT_API int64_t mt_get_int(mt_VM *vm, int slot);
MT_API double mt_get_float(mt_VM *vm, int slot);
MT_API const char *mt_get_str(mt_VM *vm, int slot, size_t *len);
MT_API const uint8_t *mt_get_bytes(mt_VM *vm, int slot, size_t *len);

/* Writing. Those that allocate return MT_MEMORY_ERROR when memory runs out (the slot is
   then nil); mt_set_str and mt_set_strn return MT_TYPE_ERROR for text that is not UTF-8. */
MT_API mt_Status mt_set_nil(mt_VM *vm, int slot);
MT_API mt_Status mt_set_bool(mt_VM *vm, int slot, bool b);
MT_API mt_Status mt_set_int(mt_VM *vm, int slot, int64_t i);
MT_API mt_Status mt_set_float(mt_VM *vm, int slot, double d);
MT_API mt_Status mt_set_str(mt_VM *vm, int slot, const char *text);
MT_API mt_Status mt_set_strn(mt_VM *vm, int slot, const char *text, size_t len);
MT_API mt_Status mt_set_bytes(mt_VM *vm, int slot, const void *data, size_t len);
MT_API mt_Status mt_new_list(mt_VM *vm, int slot);
MT_API mt_Status mt_new_map(mt_VM *vm, int slot);
MT_API mt_Status mt_copy(mt_VM *vm, int dst, int src);

/* Containers. Indexes count from 0; negative ones from the end, as in Mt. MT_TYPE_ERROR
   if the slot holds no list (map) or the key cannot be a map key; MT_NOT_FOUND for an
   index out of range or a missing key. */
MT_API int64_t mt_len(mt_VM *vm, int slot); /* len() of any sized value; -1 if it has none */
MT_API mt_Status mt_list_get(mt_VM *vm, int list, int64_t index, int dst);
MT_API mt_Status mt_list_set(mt_VM *vm, int list, int64_t index, int src);
MT_API mt_Status mt_list_append(mt_VM *vm, int list, int src);
MT_API mt_Status mt_map_get(mt_VM *vm, int map, int key, int dst);
MT_API mt_Status mt_map_set(mt_VM *vm, int map, int key, int src);

/* Globals. module NULL: the host module's globals, where builtins show through (and
   where mt_set_global defines a name chunks see). Otherwise a module imported already or
   registered with mt_def_module. MT_NOT_FOUND if the module or the name does not exist. */
MT_API mt_Status mt_get_global(mt_VM *vm, const char *module, const char *name, int dst);
MT_API mt_Status mt_set_global(mt_VM *vm, const char *module, const char *name, int src);
/* obj.name: MT_OK, or MT_NOT_FOUND (no such attribute). Properties written in Mt are not
   run (use mt_call_method). */
MT_API mt_Status mt_get_attr(mt_VM *vm, int obj, const char *name, int dst);

/* {== Handles ==} */

/* A handle keeping the value in `slot` alive until mt_release; NULL if memory ran out. */
MT_API mt_Handle *mt_handle(mt_VM *vm, int slot);
/* Stores the handle's value in `slot`. */
MT_API mt_Status mt_handle_get(mt_VM *vm, mt_Handle *handle, int slot);
/* Releases a handle (NULL is ignored). */
MT_API void mt_release(mt_VM *vm, mt_Handle *handle);

/* {== Calling Mt ==} */

/* Calls the callable in `slot` with the argc values in slot+1 .. slot+argc, and runs it
   to its end before returning: the result replaces the callable in `slot` (MT_OK), or
   the error it raised does (MT_RUNTIME_ERROR; nothing is reported), with MT_EXIT when
   that error is an Exit (exit(n), SystemExit: the program does not end by itself, the
   host decides) and MT_MEMORY_ERROR when it is MemoryError. MT_TYPE_ERROR (the slots do
   not exist, or the value is not callable) calls nothing. Calls nested more than 200
   deep (natives calling mt_call calling natives ...) fail with RecursionError as if the
   callee raised it. Other threads do not run meanwhile. The callee may resume
   coroutines, but it may not wait (a channel operation that would block, sleep, join, a
   suspending native ...): that raises Error "cannot wait inside mt_call" in it. Usable
   from the host and from inside natives. A signal arriving meanwhile is delivered after
   it returns. */
MT_API mt_Status mt_call(mt_VM *vm, int slot, int argc);
/* obj.name(args): the receiver in `slot`, the argc arguments after it; the result
   replaces the receiver. As mt_call. */
MT_API mt_Status mt_call_method(mt_VM *vm, int slot, const char *name, int argc);

/* A readable one-line description of the error value in `slot` ("ValueError: bad"), for
   the host's own reports; and the full report (with traceback) through error_fn or
   write_err: mt_report. */
MT_API const char *mt_error_string(mt_VM *vm, int slot);
MT_API void mt_report(mt_VM *vm, int slot);

/* {== Native functions ==}

   A native gets its arguments in slots 1..argc (slot 0: the receiver for a method, else
   nil) and returns MT_NATIVE_OK with its result in slot 0, or MT_NATIVE_ERROR to raise
   its pending error: the one mt_raise or mt_raise_slot set, the TypeError of a failed
   mt_arg_* check, or the error of the last API call that failed inside it (MemoryError
   for MT_MEMORY_ERROR, the callee's error for mt_call, TypeError, KeyError ...), or what
   mt_suspend returns. The VM checks the argument count before calling (min_args ..
   max_args; max_args -1: any number). Natives run on the VM's OS thread, inside a run,
   a step or an mt_call. */
#define MT_NATIVE_OK    0
#define MT_NATIVE_ERROR 1
typedef int (*mt_NativeFn)(mt_VM *vm, int argc, void *user_data);

typedef struct mt_Function {
    const char *name;
    mt_NativeFn fn;
    int min_args, max_args;
} mt_Function;

/* Sets the native's pending error: the named class (a builtin one such as "ValueError",
   or a class among the host module's globals) with a printf-style message; a name that
   is no error class gives Error, whose message says so. Returns
   MT_NATIVE_ERROR, for `return mt_raise(...)`. Outside a native it only sets
   mt_last_error. */
MT_API int mt_raise(mt_VM *vm, const char *error_class, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* Sets the pending error to the error value in `slot` (re-raising mt_call's failure, or a
   value the host built); returns MT_NATIVE_ERROR. */
MT_API int mt_raise_slot(mt_VM *vm, int slot);

/* Argument checks for natives: the value in `slot` as the type asked (an int for a float
   too), or false with a TypeError pending ("f() argument 2 must be int, not str").
   mt_arg_str's text ends in NUL and lives as long as the value. */
MT_API bool mt_arg_int(mt_VM *vm, int slot, int64_t *out);
MT_API bool mt_arg_float(mt_VM *vm, int slot, double *out);
MT_API bool mt_arg_str(mt_VM *vm, int slot, const char **out, size_t *len);

/* Defines a native function as a builtin: a global every script and chunk sees (also
   chunks compiled before, which did not find it or saw an earlier builtin of that name).
   These three return MT_TYPE_ERROR for a definition without a name or a function, or with
   an impossible arity (min_args < 0, max_args < min_args, max_args > 255). */
MT_API mt_Status mt_def_function(mt_VM *vm, const mt_Function *fn, void *user_data);
/* Makes a native function value in `slot`. */
MT_API mt_Status mt_new_function(mt_VM *vm, int slot, const mt_Function *fn, void *user_data);
/* Defines a module `import name` finds (before files and the loader), whose members are
   the natives in fns (ended by a zeroed entry; may be NULL); mt_set_global adds values. */
MT_API mt_Status mt_def_module(mt_VM *vm, const char *name, const mt_Function *fns,
                               void *user_data);

/* {== Foreign classes ==}

   Objects whose payload only the host knows: a C struct of `size` bytes (zeroed when
   made), with methods written in C. Made from C with mt_new_foreign, or from Mt by calling
   the class when it has a constructor (a native that gets the new object in slot 0, the
   arguments in 1..argc, and fills its payload). The finalizer runs when the object is
   collected or the VM is freed; it must not call the VM. A payload must not hold Mt
   values (keep them in handles, or in Mt objects that point at the foreign one). */
typedef struct mt_ForeignClass {
    const char *name;
    size_t size;
    mt_NativeFn constructor;                          /* NULL: Mt cannot make them */
    int min_args, max_args;                           /* the constructor's arity */
    const mt_Function *methods;                       /* ended by a zeroed entry */
    void (*finalize)(void *payload, void *user_data); /* NULL: nothing to release */
} mt_ForeignClass;

/* Registers a foreign class (the definition is copied) and defines its name as a builtin
   global. MT_OK, MT_TYPE_ERROR (that name is taken by a foreign class), MT_MEMORY_ERROR. */
MT_API mt_Status mt_def_class(mt_VM *vm, const mt_ForeignClass *cls, void *user_data);
/* Makes an object of the class registered under `name` in `slot`; returns its payload
   (NULL: no such class, or out of memory). */
MT_API void *mt_new_foreign(mt_VM *vm, int slot, const char *class_name);
/* The payload of the object in `slot` if it is of that class, else NULL. */
MT_API void *mt_get_foreign(mt_VM *vm, int slot, const char *class_name);

/* {== Threads and channels ==} */

/* Spawns a thread calling the callable in `slot` with argc arguments after it; the
   thread replaces the callable. It runs when the host runs the scheduler. */
MT_API mt_Status mt_spawn(mt_VM *vm, int slot, int argc);
/* Asks the thread in `slot` to end (ThreadExit, its cleanup runs); does not wait. A
   thread not started yet never runs. Inside a native, killing its own thread returns
   MT_EXIT with ThreadExit as the native's pending error (return MT_NATIVE_ERROR). */
MT_API mt_Status mt_kill(mt_VM *vm, int slot);
/* The thread's end: MT_OK (its value in dst), MT_RUNTIME_ERROR (its error in dst),
   MT_EXIT (it was killed or exited; dst nil) or MT_WOULD_BLOCK (still alive). */
MT_API mt_Status mt_thread_result(mt_VM *vm, int slot, int dst);

/* A new channel with room for `capacity` values (0: rendezvous) in `slot`. */
MT_API mt_Status mt_new_channel(mt_VM *vm, int slot, uint32_t capacity);
/* Never block: MT_OK (sent / received into dst), MT_WOULD_BLOCK (full: no receiver is
   waiting and no room / empty), MT_CLOSED. */
MT_API mt_Status mt_try_send(mt_VM *vm, int channel, int value);
MT_API mt_Status mt_try_recv(mt_VM *vm, int channel, int dst);
MT_API mt_Status mt_close_channel(mt_VM *vm, int channel);

/* Called once when a value could be received: the value arrives in slot 1 with status
   MT_OK, or status MT_CLOSED (the channel closed). Runs while the host runs the
   scheduler, as a native does (it may use slots and call the API). */
typedef void (*mt_ReadyFn)(mt_VM *vm, mt_Status status, void *user_data);
/* Receives one value from the channel in `channel` without blocking the host: a helper
   thread waits for it and calls fn. The wait counts as a thread (it can be killed at
   shutdown: then fn is called with MT_CLOSED). */
MT_API mt_Status mt_recv_async(mt_VM *vm, int channel, mt_ReadyFn fn, void *user_data);

/* {== Suspending natives ==}

   A native that must wait for the host (a timer of its own, an HTTP request, a GUI
   dialog) suspends its thread and returns at once; the host completes it later, from its
   loop, with a value or an error, and the thread goes on with that as the native's
   result. If the thread is killed meanwhile (kill, exit, shutdown, mt_free), cancel is
   called instead (with the VM in the middle of a kill: it must not call the VM), and the
   suspension is gone: the host must not complete it after that. */
typedef void (*mt_CancelFn)(mt_VM *vm, mt_Suspension *suspension, void *user_data);

/* Inside a native: suspends the calling thread; *out receives the token. The native
   returns what this returns. Inside mt_call it raises the "cannot wait" Error instead. */
MT_API int mt_suspend(mt_VM *vm, mt_Suspension **out, mt_CancelFn cancel, void *user_data);
/* Completes a suspension with the value in `slot` / with an error. The thread runs when
   the host next runs the scheduler. MT_OK, MT_TYPE_ERROR (the token is not pending: it
   was completed or cancelled), or MT_MEMORY_ERROR (the error could not be
   made: the thread gets MemoryError). */
MT_API mt_Status mt_resume(mt_VM *vm, mt_Suspension *suspension, int slot);
MT_API mt_Status mt_resume_error(mt_VM *vm, mt_Suspension *suspension, const char *error_class,
                                 const char *message);

/* {== Hosts with a prompt (vm/api_repl.c) ==}

   What an interactive host (the REPL of `mt`, a debugger, an editor's console) needs
   beyond the host loop: names for completion, one-line signatures for help, the live
   threads and where each waits, ending the session with cleanup (and knowing that it is
   ending), and taking back a signal request. None of them runs Mt code. */

/* A new list in `dst` of the names of a module's globals, sorted, each once: module NULL
   for the host module's globals (what chunks define) together with the builtins every
   chunk sees; else a module imported already or registered with mt_def_module. Names the
   VM uses internally are left out. MT_OK, MT_NOT_FOUND (no such module), MT_MEMORY_ERROR. */
MT_API mt_Status mt_global_names(mt_VM *vm, const char *module, int dst);

/* A new list in `dst` of the names `obj.name` finds for the value in `obj`, sorted, each
   once: an instance's fields and its class's methods (inherited ones included), a class's
   methods, a module's globals, a built-in type's methods and properties ("append",
   "alive" ...), a foreign object's methods. Empty for values without attributes. MT_OK or
   MT_MEMORY_ERROR. */
MT_API mt_Status mt_member_names(mt_VM *vm, int obj, int dst);

/* A new list in `dst` of the module names `import` finds without looking at files: the
   standard library's modules, those registered with mt_def_module, and those imported
   already (by name), sorted. MT_OK or MT_MEMORY_ERROR. */
MT_API mt_Status mt_module_names(mt_VM *vm, int dst);

/* A one-line signature of the callable in `slot`, as a str in `dst`: a function written
   in Mt as its definition reads in the source ("add(a, b = 0)", "fn(v)"), a bound method
   likewise, a class as "Point(x, y)" from its `init` (or "Point()"), a native function
   with its parameter names where it has them ("sorted(xs[, key, reverse])") or its
   arity ("len(1 argument)", "print(any arguments)"). MT_OK, MT_TYPE_ERROR (not callable),
   MT_MEMORY_ERROR. */
MT_API mt_Status mt_signature(mt_VM *vm, int slot, int dst);

/* The documentation of the function, method or class in `slot`, as a str in `dst`: its
   docstring (SPEC 5.8) if it has one, else the comment block written directly above its
   definition (each line without its "#" and one space after it, lines joined with "\n"). MT_OK,
   MT_NOT_FOUND (no such comment, or not a value defined in Mt source), MT_MEMORY_ERROR. */
MT_API mt_Status mt_doc(mt_VM *vm, int slot, int dst);

/* A new list in `dst` of the live threads (thread values), in spawn order. MT_OK or
   MT_MEMORY_ERROR. */
MT_API mt_Status mt_threads(mt_VM *vm, int dst);

/* Where a thread is, for a listing. The strings are valid until the next call on the VM. */
typedef struct mt_ThreadInfo {
    uint32_t id;          /* its id (t.id) */
    const char *state;    /* "new" (not started), "runnable", "running", "done", "failed"
                             (ended by an error or killed), or what it waits in: "sleep",
                             "recv", "send", "select", "join", "io", "host" */
    const char *function; /* the function it runs in, innermost ("<module>" for top-level
                             code); "" when it has not started or has ended */
    const char *file;     /* the file (or chunk name) of that function; "" as above */
    int line;             /* the line it is at; 0 as above */
    const char *entry;    /* the function the thread was started with ("" if unknown) */
    double wakes_in;      /* "sleep" (and a select with after()): seconds until its timer,
                             else -1 */
    bool main;            /* the main thread of a run, or the chunk mt_exec runs */
} mt_ThreadInfo;

/* Fills *info for the thread in `slot`. MT_OK or MT_TYPE_ERROR (not a thread). */
MT_API mt_Status mt_thread_info(mt_VM *vm, int slot, mt_ThreadInfo *info);

/* Begins the end of the session, as exit(status) in a host's chunk would: every live
   thread gets ThreadExit and its cleanup runs while the host goes on running the
   scheduler (mt_run, or mt_step until no thread is left), which then returns MT_EXIT with
   mt_exit_status() == status. A signal (mt_signal) meanwhile is the user's second one: it
   ends the run at once. MT_OK, MT_EXIT (a run was aborted already), MT_MEMORY_ERROR. */
MT_API mt_Status mt_shutdown(mt_VM *vm, int status);

/* Whether the end of the program has begun (exit() in some thread, a signal, mt_shutdown)
   and threads are still running their cleanup: the host stops taking input and runs the
   scheduler until it returns MT_EXIT. */
MT_API bool mt_ending(mt_VM *vm);

/* Withdraws a request of mt_signal that has not been delivered yet (a host that forwards
   Ctrl-C only while a chunk runs takes back one that came as the chunk ended, so that it
   does not reach the next turn). Async-signal-safe. */
MT_API void mt_signal_cancel(mt_VM *vm);

#ifdef __cplusplus
}
#endif

#endif
