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

/* Result of running code. */
typedef enum {
    MT_OK = 0,            /* ran to completion */
    MT_COMPILE_ERROR = 1, /* the source did not compile; nothing ran */
    MT_RUNTIME_ERROR = 2, /* an uncaught error ended the program (reported already) */
    MT_EXIT = 3,          /* exit(n) or a signal ended the program: see mt_exit_status */
    MT_IO_ERROR = 4,      /* the file could not be read */
} mt_Status;

/* Memory: like realloc, with the old size; new_size 0 frees. Returns NULL on failure. */
typedef void *(*mt_ReallocFn)(void *ptr, size_t old_size, size_t new_size, void *user_data);
/* Output: called with text Mt writes to stdout (print) or stderr (errors, tracebacks). */
typedef void (*mt_WriteFn)(mt_VM *vm, const char *text, size_t len, void *user_data);

typedef struct mt_Config {
    mt_ReallocFn realloc_fn;      /* default: the C library */
    mt_WriteFn write_out;         /* default: buffered stdout */
    mt_WriteFn write_err;         /* default: stderr */
    void *user_data;              /* passed to the callbacks above */
    size_t memory_limit;          /* bytes; 0 = no limit. Past it, allocation raises MemoryError */
    uint32_t max_frames;          /* recursion limit per fiber; 0 = default (1,000,000) */
    uint32_t max_coroutine_depth; /* coroutines resuming coroutines, nested; 0 = default
                                     (100,000); deeper raises RecursionError */
    int gc_stress;                /* nonzero: collect at every allocation (testing) */
} mt_Config;

/* Fills *config with the defaults. */
MT_API void mt_config_init(mt_Config *config);

/* Creates a VM with the standard library loaded, or NULL if memory runs out. config may be
   NULL for the defaults. */
MT_API mt_VM *mt_new(const mt_Config *config);

/* Ends every thread (running their cleanup), flushes output and frees the VM. Returns the
   program's exit status (0 ok, 1 an error was reported, n from exit(n)). */
MT_API int mt_free(mt_VM *vm);

/* Sets the `argv` list scripts see. */
MT_API void mt_set_argv(mt_VM *vm, int argc, const char *const *argv);

/* Compiles and runs a file as the main module and waits for every thread to finish. */
MT_API mt_Status mt_run_file(mt_VM *vm, const char *path);

/* Compiles and runs source text; `name` is used in error messages and tracebacks. */
MT_API mt_Status mt_run_string(mt_VM *vm, const char *name, const char *source);

/* As mt_run_string, for `len` bytes of source that need not end in NUL: a NUL byte inside
   them is reported as invalid source (a compile error), not taken as the end. */
MT_API mt_Status mt_run_buffer(mt_VM *vm, const char *name, const char *source, size_t len);

/* Prints the bytecode of a file instead of running it. */
MT_API mt_Status mt_disassemble_file(mt_VM *vm, const char *path);

/* The exit status the program asked for or earned so far (see mt_free). */
MT_API int mt_exit_status(mt_VM *vm);

/* A one-line description of the last MT_COMPILE_ERROR or MT_IO_ERROR, or "". */
MT_API const char *mt_last_error(mt_VM *vm);

/* Async-signal-safe: asks the VM to raise Interrupt (SIGINT) or SystemExit(128+n) in the main
   thread at its next safe point. A second request while shutting down ends the run at once. */
MT_API void mt_signal(mt_VM *vm, int signo);

#ifdef __cplusplus
}
#endif

#endif
