/*
** stream.h — buffered streams over file descriptors (stream.c): files, standard input,
** output and error, and (later) pipes and sockets.
**
** A read or write that would block on a pipe, terminal or socket parks only the calling
** thread (through the poller) and returns NATIVE_RETRY, so the native that called it runs
** again when the fd is ready; regular files never block. Standard input is polled before
** it is read and never switched to non-blocking mode (other processes share it).
*/
#ifndef MT_STREAM_H
#define MT_STREAM_H

#include "vm/state.h"

enum {
    STREAM_READ = 1,       /* open for reading */
    STREAM_WRITE = 2,      /* open for writing */
    STREAM_POLL = 4,       /* not a regular file: wait for readiness before reading or writing */
    STREAM_OWN_FD = 8,     /* close() closes the fd (not so for fds 0, 1 and 2) */
    STREAM_CLOSED = 16,    /* close() was called */
    STREAM_VM_OUT = 32,    /* writes go to the VM's standard output (print's buffer) */
    STREAM_VM_ERR = 64,    /* writes go to the VM's standard error */
    STREAM_NONBLOCK = 128, /* its fd is O_NONBLOCK (ours alone): read/write say EAGAIN */
    STREAM_BINARY = 256,   /* opened with "b": reads give bytes (unchecked), not str */
    STREAM_SOCKET = 512,   /* a socket: written with send(MSG_NOSIGNAL), so a peer that went
                              away is a ConnectionError, never a SIGPIPE for the host */
};

typedef struct Stream {
    int fd;                    /* the file descriptor (-1 once closed) */
    unsigned flags;            /* STREAM_* */
    String *name;              /* for messages: the path, "<stdin>", ... */
    char *rbuf;                /* bytes read ahead: rbuf[rpos..rlen) are unread */
    uint32_t rpos, rlen, rcap; /* (rcap: its size; a VM block) */
    char *wbuf;                /* buffered writes of a regular file (wlen bytes of wcap) */
    uint32_t wlen, wcap;
    uint64_t offset; /* bytes consumed so far: positions in error messages */
    Fiber *writer;   /* the thread writing to a pollable fd, while it waits */
    size_t woff;     /* how much of its text that thread has written */
} Stream;

/* A stream over fd (flags STREAM_*; STREAM_POLL is added when fd is not a regular file). */
MT_INTERNAL void mtstream_init(Stream *s, int fd, String *name, unsigned flags);
/* The collector's hooks for an object that holds a stream. */
MT_INTERNAL void mtstream_mark(VM *vm, Stream *s);
MT_INTERNAL void mtstream_free(VM *vm, Stream *s);

/* Raises IOError if s is closed or not open for writing (write) / reading (!write). */
MT_INTERNAL bool mtstream_check(VM *vm, Stream *s, bool write);

/* The next line with its "\n" ("" at the end), n code points (n < 0: the rest), or all
   that is left: NATIVE_OK with *out a str, NATIVE_ERROR, or NATIVE_RETRY (parked). A
   STREAM_BINARY stream gives bytes instead, and n counts bytes. */
MT_INTERNAL int mtstream_readline(VM *vm, Stream *s, Value *out);
MT_INTERNAL int mtstream_read(VM *vm, Stream *s, int64_t n, Value *out);

/* Reads until at least `need` bytes are buffered or the end is reached, consuming
   nothing: NATIVE_OK with *avail the bytes buffered (fewer than need only at the end),
   NATIVE_ERROR, or NATIVE_RETRY (parked). What a connection's read(n) waits with. */
MT_INTERNAL int mtstream_fill_to(VM *vm, Stream *s, size_t need, size_t *avail);
/* Cuts the first n buffered bytes off as a str (*out), or raises UnicodeError with the
   byte offset if they are not UTF-8 (then nothing is consumed). */
MT_INTERNAL int mtstream_take_text(VM *vm, Stream *s, size_t n, Value *out);
/* Cuts the first n buffered bytes off as bytes (*out), as they are. */
MT_INTERNAL int mtstream_take_bytes(VM *vm, Stream *s, size_t n, Value *out);

/* Writes n bytes: NATIVE_OK once all are written (or buffered, for a regular file),
   NATIVE_ERROR, or NATIVE_RETRY (the fd is full: parked). */
MT_INTERNAL int mtstream_write(VM *vm, Stream *s, const char *p, size_t n);
MT_INTERNAL int mtstream_flush(VM *vm, Stream *s);
MT_INTERNAL int mtstream_close(VM *vm, Stream *s);

/* A ForeignOps poll_fd hook for a class over a stream: what `select` waits on. */
MT_INTERNAL int mtstream_poll_fd(Stream *s, uint32_t events);

#endif
