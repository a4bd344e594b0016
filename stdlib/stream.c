/*
** stream.c — buffered streams over file descriptors (see stream.h).
**
** Reading fills a read-ahead buffer with one read(2) at a time (so a line costs one
** system call, not one per byte) and takes lines or code points out of it; nothing is
** consumed until a whole result is there, which is what makes a parked read safe to run
** again. Text is checked as UTF-8 where it is cut out of the buffer.
*/
#include "stdlib/stream.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vm/error.h"
#include "vm/foreign.h"
#include "vm/gc.h"
#include "vm/mem.h"
#include "vm/object.h"
#include "vm/out.h"
#include "vm/poll.h"
#include "vm/sched.h"
#include "vm/utf8.h"

#define READ_CHUNK 16384 /* the read buffer's first size and its least free room */

void mtstream_init(Stream *s, int fd, String *name, unsigned flags) {
    memset(s, 0, sizeof *s);
    s->fd = fd;
    s->name = name;
    s->flags = flags;
    struct stat st;
    if (fd >= 0 && !(flags & (STREAM_VM_OUT | STREAM_VM_ERR)) &&
        (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)))
        s->flags |= STREAM_POLL;
}

void mtstream_mark(VM *vm, Stream *s) {
    if (s->name) mtgc_mark_obj(vm, &s->name->obj);
    /* The writer's state is read by the next write: it must not be freed first (a thread
       killed in the middle of a write to a socket leaves it set). */
    if (s->writer) mtgc_mark_obj(vm, &s->writer->obj);
}

/* Writes out a regular file's buffered bytes; false with errno on failure. */
static bool write_all(int fd, const char *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return false;
        p += w;
        n -= (size_t)w;
    }
    return true;
}

void mtstream_free(VM *vm, Stream *s) {
    if (s->wlen) write_all(s->fd, s->wbuf, s->wlen); /* a garbage file still gets its text */
    if ((s->flags & STREAM_OWN_FD) && s->fd >= 0) close(s->fd);
    mtmem_free(vm, s->rbuf, s->rcap);
    mtmem_free(vm, s->wbuf, s->wcap);
    s->rbuf = s->wbuf = NULL;
    s->fd = -1;
}

bool mtstream_check(VM *vm, Stream *s, bool write) {
    if (s->flags & STREAM_CLOSED) {
        mte_throw(vm, ERR_IO, "I/O on a closed file '%s'", s->name->chars);
        return false;
    }
    if (!(s->flags & (write ? STREAM_WRITE : STREAM_READ))) {
        mte_throw(vm, ERR_IO, "file '%s' is not open for %s", s->name->chars,
                  write ? "writing" : "reading");
        return false;
    }
    return true;
}

/* The class of the error a failed read or write with errno `err` raises: a connection
   that was refused, reset or broken is a ConnectionError (an IOError), as in Python. */
static ErrorKind error_kind(int err) {
    switch (err) {
    case ECONNRESET:
    case ECONNREFUSED:
    case ECONNABORTED:
    case EPIPE:
    case ENOTCONN: return ERR_CONNECTION;
    case ETIMEDOUT: return ERR_TIMEOUT;
    default: return ERR_IO;
    }
}

/* Raises the error for a failed read or write (errno err) of s. */
static int io_error(VM *vm, Stream *s, const char *what, int err) {
    return mte_throw(vm, error_kind(err), "error %s '%s': %s", what, s->name->chars,
                     mte_errstr(err));
}

/* {== Reading ==} */

/* Parks the running thread until s's fd is ready for `events`. NATIVE_RETRY, or
   NATIVE_ERROR if an exit was due instead. */
static int wait_for(VM *vm, Stream *s, uint32_t events) {
    return mtpoll_park(vm, vm->current, s->fd, events) == STEP_ERROR ? NATIVE_ERROR : NATIVE_RETRY;
}

/* Makes room for at least READ_CHUNK more bytes after rlen (dropping consumed ones). */
static void make_room(VM *vm, Stream *s) {
    if (s->rpos > 0) {
        memmove(s->rbuf, s->rbuf + s->rpos, s->rlen - s->rpos);
        s->rlen -= s->rpos;
        s->rpos = 0;
    }
    if (s->rcap - s->rlen >= READ_CHUNK / 2) return;
    uint32_t cap = s->rcap ? s->rcap * 2 : READ_CHUNK;
    s->rbuf = mtmem_realloc(vm, s->rbuf, s->rcap, cap);
    s->rcap = cap;
}

/* Reads more into the buffer: 1 got bytes, 0 at the end, or a native status (an error,
   or NATIVE_RETRY when the thread parked until the fd is readable). */
static int fill(VM *vm, Stream *s) {
    make_room(vm, s);
    if ((s->flags & STREAM_POLL) && !(s->flags & STREAM_NONBLOCK) &&
        !mtpoll_ready(s->fd, MT_POLL_IN))
        return wait_for(vm, s, MT_POLL_IN) == NATIVE_RETRY ? -NATIVE_RETRY : -NATIVE_ERROR;
    for (;;) {
        ssize_t r = read(s->fd, s->rbuf + s->rlen, s->rcap - s->rlen);
        if (r > 0) {
            s->rlen += (uint32_t)r;
            return 1;
        }
        if (r == 0) return 0;
        if (errno == EINTR) continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            return wait_for(vm, s, MT_POLL_IN) == NATIVE_RETRY ? -NATIVE_RETRY : -NATIVE_ERROR;
        io_error(vm, s, "reading", errno);
        return -NATIVE_ERROR;
    }
}

int mtstream_fill_to(VM *vm, Stream *s, size_t need, size_t *avail) {
    while (s->rlen - s->rpos < need) {
        int r = fill(vm, s);
        if (r < 0) return -r;
        if (r == 0) break; /* the end: what is there is all there will be */
    }
    *avail = s->rlen - s->rpos;
    return NATIVE_OK;
}

int mtstream_take_bytes(VM *vm, Stream *s, size_t n, Value *out) {
    *out = OBJ_VAL(mto_bytes(vm, s->rbuf + s->rpos, n));
    s->rpos += (uint32_t)n;
    s->offset += n;
    return NATIVE_OK;
}

int mtstream_take_text(VM *vm, Stream *s, size_t n, Value *out) {
    if (!s->rbuf) make_room(vm, s); /* nothing read yet: rbuf + rpos must point somewhere */
    if (s->flags & STREAM_BINARY) return mtstream_take_bytes(vm, s, n, out);
    const char *p = s->rbuf + s->rpos;
    int line, col;
    if (!mtu8_check(p, n, &line, &col)) {
        size_t off = 0; /* the byte offset of the bad sequence, for the message */
        for (int l = 1, c = 1; off < n && (l < line || c < col); off++) {
            if (p[off] == '\n') l++, c = 1;
            else if (((unsigned char)p[off] & 0xC0) != 0x80) c++;
        }
        return mte_throw(vm, ERR_UNICODE, "invalid UTF-8 in '%s' at byte %llu", s->name->chars,
                         (unsigned long long)(s->offset + off));
    }
    *out = OBJ_VAL(mto_string(vm, p, n));
    s->rpos += (uint32_t)n;
    s->offset += n;
    return NATIVE_OK;
}

int mtstream_readline(VM *vm, Stream *s, Value *out) {
    if (!s->rbuf) make_room(vm, s);
    for (;;) {
        char *start = s->rbuf + s->rpos;
        char *nl = s->rlen > s->rpos ? memchr(start, '\n', s->rlen - s->rpos) : NULL;
        if (nl) return mtstream_take_text(vm, s, (size_t)(nl - start) + 1, out);
        int r = fill(vm, s);
        if (r < 0) return -r;
        if (r == 0) return mtstream_take_text(vm, s, s->rlen - s->rpos, out); /* "" at the end */
    }
}

/* The bytes of the first n code points buffered, if they are all there. */
static bool code_points_buffered(Stream *s, int64_t n, size_t *bytes) {
    const unsigned char *p = (const unsigned char *)s->rbuf + s->rpos;
    size_t len = s->rlen - s->rpos, i = 0;
    for (int64_t got = 0; got < n; got++) {
        if (i >= len) return false;
        unsigned c = p[i];
        size_t w = c < 0x80             ? 1
                   : (c & 0xE0) == 0xC0 ? 2
                   : (c & 0xF0) == 0xE0 ? 3
                   : (c & 0xF8) == 0xF0 ? 4
                                        : 1;
        if (i + w > len) return false;
        i += w;
    }
    *bytes = i;
    return true;
}

/* The bytes of the first n units (code points, or bytes in binary mode) buffered, if they
   are all there. */
static bool units_buffered(Stream *s, int64_t n, size_t *bytes) {
    if (!(s->flags & STREAM_BINARY)) return code_points_buffered(s, n, bytes);
    if ((uint64_t)n > s->rlen - s->rpos) return false;
    *bytes = (size_t)n;
    return true;
}

int mtstream_read(VM *vm, Stream *s, int64_t n, Value *out) {
    if (!s->rbuf) make_room(vm, s);
    for (;;) {
        size_t bytes;
        if (n >= 0 && units_buffered(s, n, &bytes)) return mtstream_take_text(vm, s, bytes, out);
        int r = fill(vm, s);
        if (r < 0) return -r;
        if (r == 0)
            return mtstream_take_text(vm, s, s->rlen - s->rpos, out); /* the end: what is left */
    }
}

/* {== Writing ==} */

/* A write to a pipe, FIFO, terminal or socket: as much as the fd takes now, the rest when
   it is writable again (the thread parks; s->writer and s->woff keep its progress). */
static int write_pollable(VM *vm, Stream *s, const char *p, size_t n) {
    Fiber *me = mts_thread_of(vm->current);
    if (s->writer && s->writer != me && s->writer->state == FIBER_PARKED)
        return wait_for(vm, s, MT_POLL_OUT); /* another thread's write is under way */
    if (s->writer != me) s->woff = 0;
    s->writer = me;
    while (s->woff < n) {
        if (!(s->flags & STREAM_NONBLOCK) && !mtpoll_ready(s->fd, MT_POLL_OUT))
            return wait_for(vm, s, MT_POLL_OUT);
        size_t chunk = n - s->woff;
        if (!(s->flags & STREAM_NONBLOCK) && chunk > PIPE_BUF) chunk = PIPE_BUF;
        ssize_t w = (s->flags & STREAM_SOCKET) ? send(s->fd, p + s->woff, chunk, MSG_NOSIGNAL)
                                               : write(s->fd, p + s->woff, chunk);
        if (w < 0 && errno == EINTR) continue;
        if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return wait_for(vm, s, MT_POLL_OUT);
        if (w < 0) {
            s->writer = NULL;
            return io_error(vm, s, "writing", errno);
        }
        s->woff += (size_t)w;
    }
    s->writer = NULL;
    s->woff = 0;
    return NATIVE_OK;
}

int mtstream_flush(VM *vm, Stream *s) {
    if (s->flags & STREAM_VM_OUT) {
        mtout_flush(vm);
        return mtout_check(vm);
    }
    if (s->wlen == 0) return NATIVE_OK;
    bool ok = write_all(s->fd, s->wbuf, s->wlen);
    s->wlen = 0;
    if (!ok)
        return mte_throw(vm, ERR_IO, "error writing '%s': %s", s->name->chars, mte_errstr(errno));
    return NATIVE_OK;
}

int mtstream_write(VM *vm, Stream *s, const char *p, size_t n) {
    if (s->flags & STREAM_VM_OUT) {
        mtout_write(vm, p, n);
        return mtout_check(vm);
    }
    if (s->flags & STREAM_VM_ERR) {
        mtout_write_err(vm, p, n);
        return NATIVE_OK;
    }
    if (s->flags & STREAM_POLL) return write_pollable(vm, s, p, n);
    if (n == 0) return NATIVE_OK; /* f.write(""): no buffer may exist yet to copy into */
    if (s->wlen + n > s->wcap) {
        int r = mtstream_flush(vm, s);
        if (r != NATIVE_OK) return r;
        if (n >= READ_CHUNK) {
            if (!write_all(s->fd, p, n))
                return mte_throw(vm, ERR_IO, "error writing '%s': %s", s->name->chars,
                                 mte_errstr(errno));
            return NATIVE_OK;
        }
        if (!s->wbuf) {
            s->wbuf = mtmem_alloc(vm, READ_CHUNK);
            s->wcap = READ_CHUNK;
        }
    }
    memcpy(s->wbuf + s->wlen, p, n);
    s->wlen += (uint32_t)n;
    return NATIVE_OK;
}

int mtstream_poll_fd(Stream *s, uint32_t events) {
    if (s->flags & STREAM_CLOSED) return MT_FD_NONE;
    if ((events & MT_POLL_IN) && s->rlen > s->rpos) return MT_FD_READY_NOW; /* buffered */
    if (!(s->flags & STREAM_POLL)) return MT_FD_READY_NOW; /* a regular file, stdout */
    return s->fd;
}

int mtstream_close(VM *vm, Stream *s) {
    if (s->flags & STREAM_CLOSED) return NATIVE_OK;
    int r = mtstream_flush(vm, s);
    s->flags |= STREAM_CLOSED;
    if ((s->flags & STREAM_OWN_FD) && s->fd >= 0 && close(s->fd) != 0 && r == NATIVE_OK)
        r = mte_throw(vm, ERR_IO, "error closing '%s': %s", s->name->chars, mte_errstr(errno));
    s->fd = -1;
    mtmem_free(vm, s->rbuf, s->rcap);
    mtmem_free(vm, s->wbuf, s->wcap);
    s->rbuf = s->wbuf = NULL;
    s->rcap = s->wcap = s->rlen = s->rpos = s->wlen = 0;
    return r;
}
