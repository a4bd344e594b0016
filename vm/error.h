/*
** error.h — errors (error.c): the error classes every VM makes, raising from C, the
** unwinder (handler tables, cleanup regions), tracebacks and reports, and the
** preallocated errors for when memory runs out.
*/
#ifndef MT_ERROR_H
#define MT_ERROR_H

#include "vm/fiber.h"

/* The error classes every VM makes: id, name, parent. */
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
    X(ERR_UNICODE, "UnicodeError", ERR_VALUE)                                                      \
    X(ERR_CONNECTION, "ConnectionError", ERR_IO)                                                   \
    X(ERR_TIMEOUT, "TimeoutError", ERR_IO)                                                         \
    X(ERR_PROCESS, "ProcessError", ERR_ERROR)

typedef enum {
#define X(id, name, parent) id,
    MT_ERROR_CLASSES(X)
#undef X
        ERR__COUNT
} ErrorKind;

/* Raising from C: a native returns mte_throw(...) (NATIVE_ERROR with vm->error set). */
/* strerror without a shared buffer: POSIX does not promise that strerror is thread-safe,
   and VMs on different OS threads report errors at the same time. The text of err, in buf
   or a static string. mte_errstr(err) gives it a buffer that lives to the end of the
   enclosing block (a compound literal), for use as an argument. */
#define MT_STRERROR_SIZE 128
MT_INTERNAL const char *mte_strerror(int err, char *buf, size_t size);
#define mte_errstr(err) mte_strerror((err), (char[MT_STRERROR_SIZE]){0}, MT_STRERROR_SIZE)

MT_INTERNAL int mte_throw(VM *vm, ErrorKind kind, const char *fmt, ...) MT_PRINTF(3, 4);
MT_INTERNAL int mte_throw_value(VM *vm, Value exc);
MT_INTERNAL Value mte_new(VM *vm, ErrorKind kind, const char *fmt, ...) MT_PRINTF(3, 4);
MT_INTERNAL Value mte_new_str(VM *vm, ErrorKind kind, String *msg);
MT_INTERNAL bool mte_is(VM *vm, Value exc, ErrorKind kind);
MT_INTERNAL bool mte_is_exit(VM *vm, Value exc);
MT_INTERNAL bool mte_class_is(Class *k, Class *base);
MT_INTERNAL void mte_init_classes(VM *vm);
MT_INTERNAL void mte_report(VM *vm, Value exc, Fiber *thread);
MT_INTERNAL Trace *mte_trace_of(VM *vm, Value exc);
MT_INTERNAL int32_t mte_line_at(Proto *p, uint32_t pc);
MT_INTERNAL void mte_preallocate(VM *vm);
MT_INTERNAL Value mte_kill_error(VM *vm);
/* The preallocated ThreadExit, reset: for a kill that no frame of the thread can catch. */
MT_INTERNAL Value mte_shared_kill_error(VM *vm);
/* Whether an error raised where f stands could meet an except, a finally or cleanup. */
MT_INTERNAL bool mte_may_catch(Fiber *f);
MT_INTERNAL bool mte_raise_out_of_memory(VM *vm);

/* The unwinder and tracebacks (the dispatch loop and the scheduler). */
MT_INTERNAL bool mte_is_raisable(VM *vm, Value v);
MT_INTERNAL void mte_prepare(VM *vm, Fiber *f, Value exc, bool fresh);
MT_INTERNAL bool mte_unwind(VM *vm, Fiber *f, Value *exc);
MT_INTERNAL bool mte_in_cleanup(Fiber *f);
MT_INTERNAL bool mte_unwinding_exit(VM *vm, Fiber *f);
MT_INTERNAL bool mte_unmatchable(VM *vm, Value exc);
MT_INTERNAL char *mte_format_c(VM *vm, Value exc, Fiber *thread, size_t *cap);
MT_INTERNAL void mte_report_displaced(VM *vm, Value err, const char *exit_name, Fiber *thread);

#endif
