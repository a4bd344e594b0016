/*
** lib_io.c — files: open(), the standard streams stdin, stdout and stderr, their methods,
** `with` and `for line in f`.
**
** A file object is a foreign class over a Stream (stream.h). Regular-file I/O is
** synchronous (it never switches threads); reading a pipe, FIFO or terminal suspends only
** the calling thread. Text is UTF-8: reading invalid UTF-8 raises UnicodeError with the
** byte position. A file opened in binary mode ("rb", "wb", "ab") reads and writes bytes
** instead, unchecked.
*/
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "stdlib/lib.h"
#include "stdlib/stream.h"
#include "vm/error.h"
#include "vm/foreign.h"
#include "vm/gc.h"
#include "vm/object.h"

static void file_mark(VM *vm, void *payload) { mtstream_mark(vm, payload); }

/* A file that becomes garbage (or is open when the VM is freed) is closed, after what was
   written to it goes out. */
static void file_free(VM *vm, void *payload) { mtstream_free(vm, payload); }

static int file_next(VM *vm, Value *args, int argc);

static int file_poll_fd(void *payload, uint32_t events) {
    return mtstream_poll_fd(payload, events);
}

static const ForeignOps file_ops = {.name = "file",
                                    .size = sizeof(Stream),
                                    .mark = file_mark,
                                    .free = file_free,
                                    .next = file_next,
                                    .poll_fd = file_poll_fd};

/* The receiver of a file method: methods are reachable only through file objects. */
#define SELF ((Stream *)mtfo_payload(args[0], &file_ops))

/* The open(2) flags for a mode ("r", "w", "a", then at most one "+" and one "b" in either
   order), or -1. */
static int open_flags(const char *m, unsigned *stream_flags) {
    size_t len = strlen(m);
    bool plus = strchr(m, '+') != NULL, binary = strchr(m, 'b') != NULL;
    if (len < 1 || !strchr("rwa", m[0]) || len != 1u + plus + binary ||
        strspn(m + 1, "+b") != len - 1)
        return -1;
    *stream_flags = (m[0] == 'r' || plus ? STREAM_READ : 0) |
                    (m[0] != 'r' || plus ? STREAM_WRITE : 0) | (binary ? STREAM_BINARY : 0);
    int access = plus ? O_RDWR : m[0] == 'r' ? O_RDONLY : O_WRONLY;
    int create = m[0] == 'w' ? O_CREAT | O_TRUNC : m[0] == 'a' ? O_CREAT | O_APPEND : 0;
    return access | create | O_CLOEXEC;
}

static int io_open(VM *vm, Value *args, int argc) {
    String *path, *mode = NULL;
    if (!mtlib_str_arg(vm, args, 1, "open", &path)) return NATIVE_ERROR;
    if (ARG_GIVEN(args, argc, 2) && !mtlib_str_arg(vm, args, 2, "open", &mode)) return NATIVE_ERROR;
    const char *m = mode ? mode->chars : "r";
    unsigned sflags;
    int oflags = open_flags(m, &sflags);
    if (oflags < 0)
        return mte_throw(vm, ERR_VALUE,
                         "open(): invalid mode '%s' (use \"r\", \"w\" or \"a\", then \"+\" to "
                         "also read or write, \"b\" for bytes)",
                         m);
    if (memchr(path->chars, 0, path->len))
        return mte_throw(vm, ERR_VALUE, "open(): path contains a NUL byte");
    /* The object first: if it cannot be made, no descriptor is left open. */
    Stream *s = mtfo_new(vm, &file_ops, &args[0]);
    mtstream_init(s, -1, path, sflags | STREAM_CLOSED);
    /* A FIFO's writer end would wait here for a reader: that is the one open that may
       block the whole VM (as opening a FIFO does in every language without async open). */
    int fd = open(path->chars, oflags, 0666);
    if (fd < 0) return mtlib_errno_error(vm, errno, "cannot open '%s'", path->chars);
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        close(fd);
        return mte_throw(vm, ERR_IO, "cannot open '%s': %s", path->chars, mte_errstr(EISDIR));
    }
    mtstream_init(s, fd, path, sflags | STREAM_OWN_FD);
    return NATIVE_OK;
}

static int file_read(VM *vm, Value *args, int argc) {
    Stream *s = SELF;
    if (!mtstream_check(vm, s, false)) return NATIVE_ERROR;
    int64_t limit = -1;
    if (ARG_GIVEN(args, argc, 1) && !IS_NIL(args[1]) && !mtlib_int_arg(vm, args, 1, "read", &limit))
        return NATIVE_ERROR;
    if (limit < 0) limit = -1;
    Value out;
    int r = mtstream_read(vm, s, limit, &out);
    if (r != NATIVE_OK) return r;
    RETURN(out);
}

static int file_readline(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    Stream *s = SELF;
    if (!mtstream_check(vm, s, false)) return NATIVE_ERROR;
    Value out;
    int r = mtstream_readline(vm, s, &out);
    if (r != NATIVE_OK) return r;
    RETURN(out);
}

/* `for line in f`: the lines with their "\n", until the end of the file. */
static int file_next(VM *vm, Value *args, int argc) {
    int r = file_readline(vm, args, argc);
    if (r != NATIVE_OK) return r;
    bool binary = IS_BYTES(args[0]);
    return (binary ? AS_BYTES(args[0])->len : AS_STRING(args[0])->len) == 0 ? NATIVE_END : r;
}

/* write() in binary mode: bytes only, and the result counts bytes. */
static int write_bytes(VM *vm, Stream *s, Value *args) {
    if (!IS_BYTES(args[1]))
        return mte_throw(vm, ERR_TYPE,
                         "write() argument 1 must be bytes, not %s ('%s' is open in binary mode%s)",
                         mtv_type_name(args[1]), s->name->chars,
                         IS_STRING(args[1]) ? ": encode the text with s.encode()" : "");
    Bytes *b = AS_BYTES(args[1]);
    int r = mtstream_write(vm, s, (const char *)b->data, b->len);
    if (r != NATIVE_OK) return r;
    RETURN(SMALLINT_VAL(b->len));
}

static int file_write(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    Stream *s = SELF;
    if (!mtstream_check(vm, s, true)) return NATIVE_ERROR;
    if (s->flags & STREAM_BINARY) return write_bytes(vm, s, args);
    if (IS_BYTES(args[1]))
        return mte_throw(vm, ERR_TYPE,
                         "write() argument 1 must be a str, not bytes ('%s' is open in text mode: "
                         "decode the bytes, or open it with \"b\")",
                         s->name->chars);
    String *text;
    if (!mtlib_str_arg(vm, args, 1, "write", &text)) return NATIVE_ERROR;
    int r = mtstream_write(vm, s, text->chars, text->len);
    if (r != NATIVE_OK) return r;
    RETURN(SMALLINT_VAL(text->ncp));
}

static int file_flush(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    Stream *s = SELF;
    if (!mtstream_check(vm, s, true)) return NATIVE_ERROR;
    int r = mtstream_flush(vm, s);
    if (r != NATIVE_OK) return r;
    RETURN(NIL_VAL);
}

static int file_close(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    int r = mtstream_close(vm, SELF);
    if (r != NATIVE_OK) return r;
    RETURN(NIL_VAL);
}

static int file_enter(VM *vm, Value *args, int argc) {
    MT_UNUSED(vm);
    MT_UNUSED(args);
    MT_UNUSED(argc);
    return NATIVE_OK; /* the file itself */
}

static int file_exit(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    int r = file_close(vm, args, 0);
    if (r != NATIVE_OK) return r;
    RETURN(NIL_VAL); /* never suppresses the error in flight */
}

static int file_closed(VM *vm, Value *args, int argc) {
    MT_UNUSED(vm);
    MT_UNUSED(argc);
    RETURN(BOOL_VAL((SELF->flags & STREAM_CLOSED) != 0));
}

static const char *const p_open[] = {"path", "mode", NULL};

static const LibReg io_lib[] = {
    {"open", io_open, 1, 2, p_open, false},
    {NULL, NULL, 0, 0, NULL, false},
};

static const LibReg file_methods[] = {
    {"read", file_read, 0, 1, NULL, false},   {"readline", file_readline, 0, 0, NULL, false},
    {"write", file_write, 1, 1, NULL, false}, {"flush", file_flush, 0, 0, NULL, false},
    {"close", file_close, 0, 0, NULL, false}, {"enter", file_enter, 0, 0, NULL, false},
    {"exit", file_exit, 0, 1, NULL, false},   {"closed", file_closed, 0, 0, NULL, true},
    {NULL, NULL, 0, 0, NULL, false},
};

/* Defines one of the standard streams as a builtin file object. */
static void define_std_stream(VM *vm, const char *name, int fd, unsigned flags) {
    Value v;
    Stream *s = mtfo_new(vm, &file_ops, &v);
    mtgc_push_temp(vm, v);
    String *label = mto_string_fmt(vm, "<%s>", name);
    mtstream_init(s, fd, label, flags);
    mtlib_define(vm, name, v);
    mtgc_pop_temp(vm, 1);
}

void mtio_open(VM *vm) {
    mtlib_register(vm, io_lib);
    Class *k = mtfo_new_class(vm, &file_ops);
    mtlib_register_class_methods(vm, k, file_methods);
    define_std_stream(vm, "stdin", 0, STREAM_READ);
    define_std_stream(vm, "stdout", 1, STREAM_WRITE | STREAM_VM_OUT);
    define_std_stream(vm, "stderr", 2, STREAM_WRITE | STREAM_VM_ERR);
}
