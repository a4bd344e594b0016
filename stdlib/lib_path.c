/*
** lib_path.c — the `path` module: POSIX path strings, joined, split and normalised without
** touching the file system (abspath alone reads the working directory).
**
** The rules are Python's posixpath ones, which every function here shares: a path is
** split at its last "/"; the head keeps a root "/" but loses other trailing slashes. The
** separators "/" and "." are ASCII, so working on bytes never cuts a UTF-8 sequence.
*/
#include "stdlib/lib.h"
#include "vm/value.h"
#include "vm/object.h"
#include "vm/mem.h"
#include "vm/gc.h"
#include "vm/error.h"

/* A growing temporary byte buffer (freed by the protected region on MemoryError). */
typedef struct {
    char *p;
    size_t len, cap;
} Buf;

static void buf_init(VM *vm, Buf *b, size_t cap) {
    b->cap = cap < 16 ? 16 : cap;
    b->p = mtmem_tmp_alloc(vm, b->cap);
    b->len = 0;
}

static void buf_add(VM *vm, Buf *b, const char *s, size_t n) {
    if (b->len + n > b->cap) {
        b->cap = (b->len + n) * 2;
        b->p = mtmem_tmp_realloc(vm, b->p, b->cap);
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
}

static String *buf_finish(VM *vm, Buf *b) {
    String *s = mto_string(vm, b->p, b->len);
    mtmem_tmp_free(vm, b->p);
    return s;
}

/* {== Splitting ==} */

/* Where the tail (the part after the last "/") starts. */
static uint32_t tail_start(String *p) {
    uint32_t i = p->len;
    while (i > 0 && p->chars[i - 1] != '/') i--;
    return i;
}

/* Length of the head: the text before the tail, without trailing slashes unless it is
   nothing but slashes (the root). */
static uint32_t head_len(String *p) {
    uint32_t end = tail_start(p), i = end;
    while (i > 0 && p->chars[i - 1] == '/') i--;
    return i == 0 ? end : i;
}

static int path_split(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    String *p;
    if (!mtlib_str_arg(vm, args, 1, "path.split", &p)) return NATIVE_ERROR;
    List *out = mto_list(vm, 2);
    args[0] = OBJ_VAL(out);
    uint32_t t = tail_start(p);
    mto_list_push(vm, out, OBJ_VAL(mto_string(vm, p->chars, head_len(p))));
    mto_list_push(vm, out, OBJ_VAL(mto_string(vm, p->chars + t, p->len - t)));
    return NATIVE_OK;
}

static int path_basename(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    String *p;
    if (!mtlib_str_arg(vm, args, 1, "path.basename", &p)) return NATIVE_ERROR;
    uint32_t t = tail_start(p);
    RETURN(OBJ_VAL(mto_string(vm, p->chars + t, p->len - t)));
}

static int path_dirname(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    String *p;
    if (!mtlib_str_arg(vm, args, 1, "path.dirname", &p)) return NATIVE_ERROR;
    RETURN(OBJ_VAL(mto_string(vm, p->chars, head_len(p))));
}

/* Where the extension starts in p (p->len if none): the last "." of the tail, unless the
   tail has only dots before it (".bashrc" has no extension). */
static uint32_t ext_start(String *p) {
    uint32_t t = tail_start(p), dot = p->len;
    for (uint32_t i = p->len; i > t; i--)
        if (p->chars[i - 1] == '.') {
            dot = i - 1;
            break;
        }
    if (dot == p->len) return dot;
    for (uint32_t i = t; i < dot; i++)
        if (p->chars[i] != '.') return dot;
    return p->len;
}

static int path_ext(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    String *p;
    if (!mtlib_str_arg(vm, args, 1, "path.ext", &p)) return NATIVE_ERROR;
    uint32_t e = ext_start(p);
    RETURN(OBJ_VAL(mto_string(vm, p->chars + e, p->len - e)));
}

static int path_stem(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    String *p;
    if (!mtlib_str_arg(vm, args, 1, "path.stem", &p)) return NATIVE_ERROR;
    uint32_t t = tail_start(p);
    RETURN(OBJ_VAL(mto_string(vm, p->chars + t, ext_start(p) - t)));
}

static int path_isabs(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    String *p;
    if (!mtlib_str_arg(vm, args, 1, "path.isabs", &p)) return NATIVE_ERROR;
    RETURN(BOOL_VAL(p->len > 0 && p->chars[0] == '/'));
}

/* {== Joining and normalising ==} */

static int path_join(VM *vm, Value *args, int argc) {
    for (int i = 1; i <= argc; i++)
        if (!IS_STRING(args[i])) return mtlib_type_error(vm, "path.join", i, "a str", args[i]);
    Buf b;
    buf_init(vm, &b, 64);
    for (int i = 1; i <= argc; i++) {
        String *s = AS_STRING(args[i]);
        if (s->len > 0 && s->chars[0] == '/') b.len = 0; /* an absolute part starts afresh */
        else if (b.len > 0 && b.p[b.len - 1] != '/') buf_add(vm, &b, "/", 1);
        buf_add(vm, &b, s->chars, s->len);
    }
    RETURN(OBJ_VAL(buf_finish(vm, &b)));
}

/* Drops the last component written to b (after the root, if any). */
static void drop_last(Buf *b, size_t root) {
    while (b->len > root && b->p[b->len - 1] != '/') b->len--;
    if (b->len > root) b->len--; /* the separator before it */
}

/* True if the last component in b is "..". */
static bool last_is_dotdot(Buf *b, size_t root) {
    size_t n = b->len;
    if (n - root < 2 || b->p[n - 1] != '.' || b->p[n - 2] != '.') return false;
    return n - 2 == root || b->p[n - 3] == '/';
}

/* Collapses "//", "." and "a/.." without looking at the file system. */
static String *normalize(VM *vm, const char *s, size_t n) {
    if (n == 0) return mto_intern(vm, ".", 1);
    Buf b;
    buf_init(vm, &b, n + 1);
    size_t root = 0;
    if (s[0] == '/') {
        buf_add(vm, &b, "/", 1);
        root = 1;
    }
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && s[j] != '/') j++;
        size_t len = j - i;
        bool dot = len == 1 && s[i] == '.', dotdot = len == 2 && s[i] == '.' && s[i + 1] == '.';
        if (len == 0 || dot) {
            /* nothing */
        } else if (dotdot && b.len > root && !last_is_dotdot(&b, root)) {
            drop_last(&b, root);
        } else if (!(dotdot && root)) { /* "/.." is "/" */
            if (b.len > root) buf_add(vm, &b, "/", 1);
            buf_add(vm, &b, s + i, len);
        }
        i = j + 1;
    }
    if (b.len == 0) buf_add(vm, &b, ".", 1);
    return buf_finish(vm, &b);
}

static int path_normalize(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    String *p;
    if (!mtlib_str_arg(vm, args, 1, "path.normalize", &p)) return NATIVE_ERROR;
    RETURN(OBJ_VAL(normalize(vm, p->chars, p->len)));
}

static int path_abspath(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    String *p;
    if (!mtlib_str_arg(vm, args, 1, "path.abspath", &p)) return NATIVE_ERROR;
    if (p->len > 0 && p->chars[0] == '/') RETURN(OBJ_VAL(normalize(vm, p->chars, p->len)));
    String *cwd = mtos_cwd(vm, "path.abspath");
    if (!cwd) return NATIVE_ERROR;
    mtgc_push_temp(vm, OBJ_VAL(cwd));
    Buf b;
    buf_init(vm, &b, cwd->len + p->len + 2);
    buf_add(vm, &b, cwd->chars, cwd->len);
    buf_add(vm, &b, "/", 1);
    buf_add(vm, &b, p->chars, p->len);
    String *r = normalize(vm, b.p, b.len);
    mtmem_tmp_free(vm, b.p);
    mtgc_pop_temp(vm, 1);
    RETURN(OBJ_VAL(r));
}

static const LibReg path_lib[] = {
    {"join", path_join, 1, -1, NULL, false},
    {"split", path_split, 1, 1, NULL, false},
    {"basename", path_basename, 1, 1, NULL, false},
    {"dirname", path_dirname, 1, 1, NULL, false},
    {"ext", path_ext, 1, 1, NULL, false},
    {"stem", path_stem, 1, 1, NULL, false},
    {"isabs", path_isabs, 1, 1, NULL, false},
    {"normalize", path_normalize, 1, 1, NULL, false},
    {"abspath", path_abspath, 1, 1, NULL, false},
    {NULL, NULL, 0, 0, NULL, false},
};

static int open_path(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    Module *m = mtlib_native_module(vm, "path", path_lib, NIL_VAL);
    args[0] = OBJ_VAL(m);
    mtlib_module_set(vm, m, "sep", OBJ_VAL(mto_intern_z(vm, "/")));
    return mtlib_module_ready(vm, args, m);
}

void mtpath_open(VM *vm) { mtlib_lazy_module(vm, "path", open_path); }
