/*
** lib_io.c — files: open(), read/readline/write/close, `with` and `for line in f`.
**
** Regular-file I/O is synchronous (it never switches threads). Text is UTF-8: reading
** invalid UTF-8 raises UnicodeError with the byte position. A file opened in binary mode
** ("rb", "wb", "ab") reads and writes bytes instead, unchecked.
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "vm/utf8.h"
#include "stdlib/lib.h"
#include "vm/foreign.h"
#include "vm/object.h"
#include "vm/mem.h"
#include "vm/gc.h"
#include "vm/error.h"

/* The payload of a file object (a foreign class: vm/foreign.h). */
typedef struct File {
    FILE *fp;
    String *path;
    bool readable, writable, closed;
    bool binary;     /* opened with "b": reads give bytes and writes take bytes, not str */
    uint64_t offset; /* bytes read so far, for error positions */
} File;

static void file_mark(VM *vm, void *payload) {
    File *f = payload;
    if (f->path) mtgc_mark_obj(vm, &f->path->obj);
}

/* A file that becomes garbage (or is open when the VM is freed) is closed, which flushes
   what was written to it. */
static void file_free(VM *vm, void *payload) {
    MT_UNUSED(vm);
    File *f = payload;
    if (f->fp && !f->closed) fclose(f->fp);
}

static int file_next(VM *vm, Value *args, int argc);

static const ForeignOps file_ops = {"file", sizeof(File), file_mark, file_free, file_next};

/* The receiver of a file method: methods are reachable only through file objects. */
#define SELF_FILE ((File *)mtfo_payload(args[0], &file_ops))

/* A mode is "r", "w" or "a", then at most one "+" (both directions) and one "b" (bytes) in
   either order; false for anything else. */
static bool parse_mode(const char *m, bool *plus, bool *binary) {
    if (m[0] == '\0' || !strchr("rwa", m[0])) return false;
    *plus = strchr(m, '+') != NULL;
    *binary = strchr(m, 'b') != NULL;
    return strlen(m) == 1u + *plus + *binary && strspn(m + 1, "+b") == strlen(m + 1);
}

static int io_open(VM *vm, Value *args, int argc) {
    String *path, *mode = NULL;
    if (!mtlib_str_arg(vm, args, 1, "open", &path)) return NATIVE_ERROR;
    if (ARG_GIVEN(args, argc, 2) && !mtlib_str_arg(vm, args, 2, "open", &mode)) return NATIVE_ERROR;
    const char *m = mode ? mode->chars : "r";
    char cm[4] = {0};
    bool plus, binary;
    char kind = m[0];
    if (!parse_mode(m, &plus, &binary))
        return mte_throw(vm, ERR_VALUE,
                         "open(): invalid mode '%s' (use \"r\", \"w\" or \"a\", then \"+\" to "
                         "also read or write, \"b\" for bytes)",
                         m);
    cm[0] = kind;
    if (plus) cm[1] = '+';
    if (memchr(path->chars, 0, path->len))
        return mte_throw(vm, ERR_VALUE, "open(): path contains a NUL byte");
    /* The object first: if it cannot be made, no stream is left open. */
    File *f = mtfo_new(vm, &file_ops, &args[0]);
    f->path = path;
    f->readable = kind == 'r' || plus;
    f->writable = kind != 'r' || plus;
    f->binary = binary;
    f->closed = true;
    /* The stream's buffer is the C library's: stdio cannot take the VM's allocator, so it
       is the one allocation outside realloc_fn (and the memory limit). */
    f->fp = fopen(path->chars, cm);
    if (!f->fp) return mte_throw(vm, ERR_IO, "cannot open '%s': %s", path->chars, strerror(errno));
    f->closed = false;
    return NATIVE_OK;
}

static bool check_open(VM *vm, File *f, bool write) {
    if (f->closed) {
        mte_throw(vm, ERR_IO, "I/O on a closed file '%s'", f->path->chars);
        return false;
    }
    if (write ? !f->writable : !f->readable) {
        mte_throw(vm, ERR_IO, "file '%s' is not open for %s", f->path->chars,
                  write ? "writing" : "reading");
        return false;
    }
    return true;
}

/* Makes a str of bytes read from f, checking UTF-8 (bytes, unchecked, in binary mode). */
static bool text(VM *vm, File *f, const char *buf, size_t n, Value *out) {
    if (f->binary) {
        *out = OBJ_VAL(mto_bytes(vm, buf, n));
        return true;
    }
    int line, col;
    if (!mtu8_check(buf, n, &line, &col)) {
        /* Find the byte offset of the bad sequence for the message. */
        size_t off = 0;
        int l = 1, c = 1;
        while (off < n && (l < line || c < col)) {
            if (buf[off] == '\n') {
                l++;
                c = 1;
            } else if (((unsigned char)buf[off] & 0xC0) != 0x80) {
                c++;
            }
            off++;
        }
        mte_throw(vm, ERR_UNICODE, "invalid UTF-8 in '%s' at byte %llu", f->path->chars,
                  (unsigned long long)(f->offset + off));
        return false;
    }
    *out = OBJ_VAL(mto_string(vm, buf, n));
    return true;
}

/* Doubles a read buffer (a temporary: a MemoryError frees it). */
static char *grow_buffer(VM *vm, char *buf, size_t *cap) {
    char *nb = mtmem_tmp_realloc(vm, buf, *cap * 2);
    *cap *= 2;
    return nb;
}

/* Appends up to `limit` code points (whole UTF-8 sequences) from f to buf[*n..]. */
static char *read_code_points(VM *vm, File *f, int64_t limit, char *buf, size_t *n, size_t *cap) {
    int c;
    for (int64_t got = 0; got < limit && (c = getc(f->fp)) != EOF; got++) {
        if (*n + 5 >= *cap) buf = grow_buffer(vm, buf, cap);
        buf[(*n)++] = (char)c;
        int more = (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : 0;
        for (int k = 0; k < more; k++) {
            int d = getc(f->fp);
            if (d == EOF) break;
            buf[(*n)++] = (char)d;
        }
    }
    return buf;
}

/* Appends up to `limit` bytes from f to buf[*n..] (binary mode). */
static char *read_bytes(VM *vm, File *f, int64_t limit, char *buf, size_t *n, size_t *cap) {
    while (limit > 0) {
        if (*n == *cap) buf = grow_buffer(vm, buf, cap);
        size_t want = *cap - *n < (uint64_t)limit ? *cap - *n : (size_t)limit;
        size_t r = fread(buf + *n, 1, want, f->fp);
        *n += r;
        limit -= (int64_t)r;
        if (r < want) break;
    }
    return buf;
}

/* Appends everything left in f to buf[*n..]. */
static char *read_rest(VM *vm, File *f, char *buf, size_t *n, size_t *cap) {
    for (;;) {
        size_t want = *cap - *n;
        size_t r = fread(buf + *n, 1, want, f->fp);
        *n += r;
        if (r < want) return buf;
        buf = grow_buffer(vm, buf, cap);
    }
}

static int file_read(VM *vm, Value *args, int argc) {
    File *f = SELF_FILE;
    if (!check_open(vm, f, false)) return NATIVE_ERROR;
    int64_t limit = -1;
    if (ARG_GIVEN(args, argc, 1) && !IS_NIL(args[1]) && !mtlib_int_arg(vm, args, 1, "read", &limit))
        return NATIVE_ERROR;
    size_t cap = 4096, n = 0;
    char *buf = mtmem_tmp_alloc(vm, cap);
    if (limit >= 0 && f->binary) buf = read_bytes(vm, f, limit, buf, &n, &cap);
    else if (limit >= 0) buf = read_code_points(vm, f, limit, buf, &n, &cap);
    else buf = read_rest(vm, f, buf, &n, &cap);
    if (ferror(f->fp)) {
        mtmem_tmp_free(vm, buf);
        clearerr(f->fp);
        return mte_throw(vm, ERR_IO, "error reading '%s': %s", f->path->chars, strerror(errno));
    }
    Value out;
    bool ok = text(vm, f, buf, n, &out);
    f->offset += n;
    mtmem_tmp_free(vm, buf);
    if (!ok) return NATIVE_ERROR;
    RETURN(out);
}

/* Reads up to and including the next '\n' into a temporary buffer; returns its length
   (0 at the end of the file or on an error). */
static size_t get_line(VM *vm, FILE *fp, char **line) {
    size_t cap = 128, n = 0;
    char *buf = mtmem_tmp_alloc(vm, cap);
    int c;
    while ((c = getc_unlocked(fp)) != EOF) {
        if (n + 1 == cap) {
            cap *= 2;
            buf = mtmem_tmp_realloc(vm, buf, cap);
        }
        buf[n++] = (char)c;
        if (c == '\n') break;
    }
    *line = buf;
    return n;
}

/* The next line with its "\n", or "" at the end. */
static bool read_line(VM *vm, File *f, Value *out) {
    char *line;
    size_t n = get_line(vm, f->fp, &line);
    if (n == 0) {
        mtmem_tmp_free(vm, line);
        if (ferror(f->fp)) {
            clearerr(f->fp);
            mte_throw(vm, ERR_IO, "error reading '%s': %s", f->path->chars, strerror(errno));
            return false;
        }
        *out = f->binary ? OBJ_VAL(mto_bytes(vm, NULL, 0)) : OBJ_VAL(mto_intern(vm, "", 0));
        return true;
    }
    bool ok = text(vm, f, line, n, out);
    f->offset += (uint64_t)n;
    mtmem_tmp_free(vm, line);
    return ok;
}

static int file_readline(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    File *f = SELF_FILE;
    if (!check_open(vm, f, false)) return NATIVE_ERROR;
    Value v;
    if (!read_line(vm, f, &v)) return NATIVE_ERROR;
    RETURN(v);
}

/* `for line in f`: the lines with their "\n", until the end of the file. */
static int file_next(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    File *f = SELF_FILE;
    if (!check_open(vm, f, false)) return NATIVE_ERROR;
    Value v;
    if (!read_line(vm, f, &v)) return NATIVE_ERROR;
    if (f->binary ? AS_BYTES(v)->len == 0 : AS_STRING(v)->len == 0) return NATIVE_END;
    RETURN(v);
}

/* write() in binary mode: bytes only, and the result counts bytes. */
static int write_bytes(VM *vm, File *f, Value *args) {
    if (!IS_BYTES(args[1]))
        return mte_throw(vm, ERR_TYPE,
                         "write() argument 1 must be bytes, not %s ('%s' is open in binary mode%s)",
                         mtv_type_name(args[1]), f->path->chars,
                         IS_STRING(args[1]) ? ": encode the text with s.encode()" : "");
    Bytes *b = AS_BYTES(args[1]);
    if (fwrite(b->data, 1, b->len, f->fp) != b->len)
        return mte_throw(vm, ERR_IO, "error writing '%s': %s", f->path->chars, strerror(errno));
    RETURN(SMALLINT_VAL(b->len));
}

static int file_write(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    File *f = SELF_FILE;
    if (!check_open(vm, f, true)) return NATIVE_ERROR;
    if (f->binary) return write_bytes(vm, f, args);
    if (IS_BYTES(args[1]))
        return mte_throw(vm, ERR_TYPE,
                         "write() argument 1 must be a str, not bytes ('%s' is open in text mode: "
                         "decode the bytes, or open it with \"b\")",
                         f->path->chars);
    String *s;
    if (!mtlib_str_arg(vm, args, 1, "write", &s)) return NATIVE_ERROR;
    if (fwrite(s->chars, 1, s->len, f->fp) != s->len)
        return mte_throw(vm, ERR_IO, "error writing '%s': %s", f->path->chars, strerror(errno));
    RETURN(SMALLINT_VAL(s->ncp));
}

static int file_flush(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    File *f = SELF_FILE;
    if (!check_open(vm, f, true)) return NATIVE_ERROR;
    if (fflush(f->fp) != 0)
        return mte_throw(vm, ERR_IO, "error writing '%s': %s", f->path->chars, strerror(errno));
    RETURN(NIL_VAL);
}

static int file_close(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    File *f = SELF_FILE;
    if (!f->closed) {
        f->closed = true;
        if (fclose(f->fp) != 0) {
            f->fp = NULL;
            return mte_throw(vm, ERR_IO, "error closing '%s': %s", f->path->chars, strerror(errno));
        }
        f->fp = NULL;
    }
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
    RETURN(BOOL_VAL(SELF_FILE->closed));
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

void mtio_open(VM *vm) {
    mtlib_register(vm, io_lib);
    Class *k = mtfo_new_class(vm, &file_ops);
    mtlib_register_class_methods(vm, k, file_methods);
}
