/*
** mt.h — the public API of libmt, the Mt language runtime.
**
** A host creates an mt_VM from an mt_Config, runs files or strings in it and frees it.
** Everything about a VM is reached through the opaque mt_VM pointer: there is no global
** state, so several VMs may live in one process (one OS thread each). Every call reports
** failure as a status code with a message; none aborts the host.
*/
#ifndef MT_H
#define MT_H

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

#define MT_VERSION "0.1.0"

typedef struct mt_VM mt_VM;

/* Result of running code. Each run on a VM starts afresh (its own main thread, exit
   status and error state; globals and modules stay), so the status describes that run
   only. mt_exit_status gives the matching process exit status. */
typedef enum {
    MT_OK = 0,            /* ran to completion, no error reported (exit status 0) */
    MT_COMPILE_ERROR = 1, /* the source did not compile; nothing ran (2). mt_last_error */
    MT_RUNTIME_ERROR = 2, /* an uncaught error ended the main thread, or an error in another
                             thread was reported; the traceback went to write_err (1) */
    MT_EXIT = 3,          /* exit(n) (any n, 0 and 1 included), SystemExit or a signal began
                             the end of the program: mt_exit_status is n, 130, 128+signo */
    MT_IO_ERROR = 4,      /* the file could not be read (2). mt_last_error */
    MT_MEMORY_ERROR = 5,  /* out of memory (1): an uncaught MemoryError ended the main thread
                             (its traceback went to write_err; mt_last_error is ""), or memory
                             ran out while compiling or starting the program, or the VM is
                             dead (mt_last_error says which) */
} mt_Status;

/* Memory: like realloc, with the old size; new_size 0 frees. Returns NULL on failure,
   leaving the old block as it was. Every byte the VM holds comes through it (also the
   compiler's buffers, error messages, the output buffer and files read for import); only
   the C library's own (stdio streams, for open()) do not. */
typedef void *(*mt_ReallocFn)(void *ptr, size_t old_size, size_t new_size, void *user_data);
/* Output: called with text Mt writes to stdout (print) or stderr (errors, tracebacks). */
typedef void (*mt_WriteFn)(mt_VM *vm, const char *text, size_t len, void *user_data);

typedef struct mt_Config {
    mt_ReallocFn realloc_fn;      /* default: the C library */
    mt_WriteFn write_out;         /* default: buffered stdout */
    mt_WriteFn write_err;         /* default: stderr */
    void *user_data;              /* passed to the callbacks above */
    size_t memory_limit;          /* bytes held from realloc_fn (the VM itself included); 0 = no
                                     limit. See "Out of memory" below */
    uint32_t max_frames;          /* recursion limit per fiber; 0 = default (1,000,000) */
    uint32_t max_coroutine_depth; /* coroutines resuming coroutines, nested; 0 = default
                                     (100,000); deeper raises RecursionError */
    int gc_stress;                /* nonzero: collect at every allocation (testing) */
} mt_Config;

/* Out of memory (the host allocator returns NULL, or memory_limit would be passed): the
   VM collects garbage once and retries; if that does not help, the allocation raises
   MemoryError in the running thread (a preallocated error; each raise starts a fresh
   traceback). Raising opens a reserve of 1 MiB over the limit so that the finally blocks
   and handlers it unwinds through can run; the reserve closes again when a collection
   leaves the live heap at 3/4 of the limit or less (with no limit: at the next
   collection), so a program that catches MemoryError can run into it again. If an
   allocation fails while the reserve is still open (or where no thread can take the
   error), the VM is dead: it never runs Mt code again, every later run returns
   MT_MEMORY_ERROR, and mt_free still frees everything. No failure aborts the host. */

/* Fills *config with the defaults. */
MT_API void mt_config_init(mt_Config *config);

/* Creates a VM with the standard library loaded, or NULL (never a half-built VM, and
   nothing leaked) if memory runs out. config may be NULL for the defaults. */
MT_API mt_VM *mt_new(const mt_Config *config);

/* Ends every thread (running their cleanup), flushes output and frees the VM. Returns the
   program's exit status (0 ok, 1 an error was reported, n from exit(n)). */
MT_API int mt_free(mt_VM *vm);

/* Sets the `argv` list scripts see. MT_OK, or MT_MEMORY_ERROR (argv may then be
   incomplete). */
MT_API mt_Status mt_set_argv(mt_VM *vm, int argc, const char *const *argv);

/* Compiles and runs a file as the main module and waits for every thread to finish. */
MT_API mt_Status mt_run_file(mt_VM *vm, const char *path);

/* Compiles and runs source text; `name` is used in error messages and tracebacks. */
MT_API mt_Status mt_run_string(mt_VM *vm, const char *name, const char *source);

/* As mt_run_string, for `len` bytes of source that need not end in NUL: a NUL byte inside
   them is reported as invalid source (a compile error), not taken as the end. */
MT_API mt_Status mt_run_buffer(mt_VM *vm, const char *name, const char *source, size_t len);

/* Prints the bytecode of a file instead of running it (MT_OK when it compiled). */
MT_API mt_Status mt_disassemble_file(mt_VM *vm, const char *path);

/* The exit status of the last run (see mt_Status; mt_free returns it too). */
MT_API int mt_exit_status(mt_VM *vm);

/* Why the last run failed when its failure was not reported on write_err already
   (MT_COMPILE_ERROR, MT_IO_ERROR, MT_MEMORY_ERROR other than an uncaught MemoryError), or
   "". A compile error's text is "file:line:col: message", the source line and a caret. */
MT_API const char *mt_last_error(mt_VM *vm);

/* Async-signal-safe: asks the VM to raise Interrupt (SIGINT) or SystemExit(128+n) in the main
   thread at its next safe point. A second request while shutting down ends the run at once
   (MT_EXIT); such a VM holds threads stopped anywhere and runs nothing more: free it. A host
   must stop calling this before mt_free. */
MT_API void mt_signal(mt_VM *vm, int signo);

#ifdef __cplusplus
}
#endif

#endif
