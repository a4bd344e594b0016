/*
** lib_os.c — the `os` module: the environment, the working directory, directories and
** files as a whole (listing, stat, make, remove, rename), the process id.
**
** File system calls are synchronous, like regular-file I/O (they never switch threads).
** A failure raises FileNotFoundError, PermissionError or IOError with the path and the
** system's reason (mtlib_errno_error).
*/
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "stdlib/lib.h"
#include "vm/foreign.h"
#include "vm/value.h"
#include "vm/object.h"
#include "vm/state.h"
#include "vm/table.h"
#include "vm/map.h"
#include "vm/mem.h"
#include "vm/gc.h"
#include "vm/error.h"
#include "vm/utf8.h"

/* {== The environment ==} */

static bool valid_utf8(const char *s, size_t n) {
    int line, col;
    return mtu8_check(s, n, &line, &col);
}

/* os.env: a map of the process environment as it was when the VM started (entries that
   are not valid UTF-8 are left out). */
static Map *environment_map(VM *vm) {
    Map *env = mtm_new(vm, 0);
    mtgc_push_temp(vm, OBJ_VAL(env));
    for (char **e = environ; *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq || eq == *e || !valid_utf8(*e, strlen(*e))) continue;
        String *name = mto_string(vm, *e, (size_t)(eq - *e));
        mtgc_push_temp(vm, OBJ_VAL(name));
        String *value = mto_string_z(vm, eq + 1);
        mtgc_push_temp(vm, OBJ_VAL(value));
        mtm_set(vm, env, OBJ_VAL(name), OBJ_VAL(value));
        mtgc_pop_temp(vm, 2);
    }
    mtgc_pop_temp(vm, 1);
    return env;
}

/* The current value of os.env (the module global: a program may rebind it). */
static Map *env_of(VM *vm, const char *fn) {
    Module *m = mtlib_module(vm, "os");
    Value v = UNDEF_VAL;
    if (m) {
        Value slot;
        if (mtt_get(&m->names, mto_intern_z(vm, "env"), &slot)) v = m->values[AS_SMALLINT(slot)];
    }
    if (!IS_MAP(v)) {
        mte_throw(vm, ERR_TYPE, "%s(): os.env must be a map, not %s", fn, mtv_type_name(v));
        return NULL;
    }
    return AS_MAP(v);
}

/* A variable name setenv accepts: not empty, no '=' and no NUL. */
static bool name_arg(VM *vm, Value *args, const char *fn, String **out) {
    if (!mtlib_str_arg(vm, args, 1, fn, out)) return false;
    String *s = *out;
    if (s->len == 0 || memchr(s->chars, '=', s->len) || memchr(s->chars, 0, s->len)) {
        String *r = mtv_to_string(vm, args[1], true);
        if (r) mte_throw(vm, ERR_VALUE, "%s(): invalid environment variable name %s", fn, r->chars);
        return false;
    }
    return true;
}

static int os_getenv(VM *vm, Value *args, int argc) {
    String *name;
    if (!mtlib_str_arg(vm, args, 1, "os.getenv", &name)) return NATIVE_ERROR;
    Map *env = env_of(vm, "os.getenv");
    if (!env) return NATIVE_ERROR;
    Value v;
    bool failed;
    if (mtm_get(vm, env, args[1], &v, &failed)) RETURN(v);
    RETURN(ARG_GIVEN(args, argc, 2) ? args[2] : NIL_VAL);
}

static int os_setenv(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    String *name, *value;
    if (!name_arg(vm, args, "os.setenv", &name) || !mtlib_str_arg(vm, args, 2, "os.setenv", &value))
        return NATIVE_ERROR;
    if (memchr(value->chars, 0, value->len))
        return mte_throw(vm, ERR_VALUE, "os.setenv(): value contains a NUL character");
    Map *env = env_of(vm, "os.setenv");
    if (!env || !mtm_set(vm, env, args[1], args[2])) return NATIVE_ERROR;
    if (setenv(name->chars, value->chars, 1) != 0)
        return mtlib_errno_error(vm, errno, "cannot set environment variable \"%s\"", name->chars);
    RETURN(NIL_VAL);
}

static int os_unsetenv(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    String *name;
    if (!name_arg(vm, args, "os.unsetenv", &name)) return NATIVE_ERROR;
    Map *env = env_of(vm, "os.unsetenv");
    if (!env) return NATIVE_ERROR;
    Value old;
    bool failed;
    mtm_delete(vm, env, args[1], &old, &failed);
    unsetenv(name->chars);
    RETURN(NIL_VAL);
}

/* {== The process and its working directory ==} */

static int os_getpid(VM *vm, Value *args, int argc) {
    MT_UNUSED(vm);
    MT_UNUSED(argc);
    RETURN(SMALLINT_VAL(getpid()));
}

/* The working directory as a str; NULL with an error raised. */
static String *current_dir(VM *vm, const char *fn) {
    size_t cap = 256;
    char *buf = mtmem_tmp_alloc(vm, cap);
    while (!getcwd(buf, cap)) {
        if (errno != ERANGE) {
            int e = errno;
            mtmem_tmp_free(vm, buf);
            mtlib_errno_error(vm, e, "%s(): cannot get the current directory", fn);
            return NULL;
        }
        cap *= 2;
        buf = mtmem_tmp_realloc(vm, buf, cap);
    }
    String *s = NULL;
    if (valid_utf8(buf, strlen(buf))) s = mto_string_z(vm, buf);
    else mte_throw(vm, ERR_UNICODE, "%s(): the current directory is not valid UTF-8", fn);
    mtmem_tmp_free(vm, buf);
    return s;
}

String *mtos_cwd(VM *vm, const char *fn) { return current_dir(vm, fn); }

static int os_cwd(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    String *s = current_dir(vm, "os.cwd");
    if (!s) return NATIVE_ERROR;
    RETURN(OBJ_VAL(s));
}

static int os_chdir(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    String *path;
    if (!mtlib_path_arg(vm, args, 1, "os.chdir", &path)) return NATIVE_ERROR;
    if (chdir(path->chars) != 0)
        return mtlib_errno_error(vm, errno, "cannot change to directory '%s'", path->chars);
    RETURN(NIL_VAL);
}

/* {== Listing a directory ==} */

/* Appends name (with its NUL) to the buffer; false if it could not grow. */
static bool add_name(VM *vm, char **buf, size_t *len, size_t *cap, const char *name) {
    size_t n = strlen(name) + 1;
    if (*len + n > *cap) {
        size_t ncap = (*cap + n) * 2;
        char *nb = mtmem_tmp_try_realloc(vm, *buf, ncap);
        if (!nb) return false;
        *buf = nb;
        *cap = ncap;
    }
    memcpy(*buf + *len, name, n);
    *len += n;
    return true;
}

/* Reads every entry name of the directory (but "." and "..") into a temporary buffer of
   NUL-terminated names. Nothing is allocated from the VM while the DIR is open, so a
   MemoryError cannot leak it. NULL if the directory cannot be read: *err says why. */
static char *read_names(VM *vm, const char *path, size_t *len, int *err) {
    size_t cap = 256;
    char *buf = mtmem_tmp_alloc(vm, cap); /* before opendir: this one may raise */
    DIR *d = opendir(path);
    if (!d) {
        *err = errno;
        mtmem_tmp_free(vm, buf);
        return NULL;
    }
    *len = 0;
    struct dirent *e;
    bool ok = true;
    errno = 0;
    while (ok && (e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        ok = add_name(vm, &buf, len, &cap, e->d_name);
    }
    *err = errno;
    closedir(d);
    if (!ok) mtmem_fail(vm); /* frees buf (a registered temporary) */
    if (*err) {
        mtmem_tmp_free(vm, buf);
        return NULL;
    }
    return buf;
}

/* Orders names by code point (UTF-8 byte order is code point order). */
static int compare_names(const void *a, const void *b) {
    String *x = AS_STRING(*(const Value *)a), *y = AS_STRING(*(const Value *)b);
    uint32_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->chars, y->chars, n);
    return c ? c : (x->len > y->len) - (x->len < y->len);
}

static int os_listdir(VM *vm, Value *args, int argc) {
    String *path = NULL;
    if (ARG_GIVEN(args, argc, 1) && !mtlib_path_arg(vm, args, 1, "os.listdir", &path))
        return NATIVE_ERROR;
    const char *dir = path ? path->chars : ".";
    size_t len;
    int err;
    char *names = read_names(vm, dir, &len, &err);
    if (!names) return mtlib_errno_error(vm, err, "cannot list directory '%s'", dir);
    List *out = mto_list(vm, 0);
    args[0] = OBJ_VAL(out);
    for (size_t off = 0; off < len;) {
        const char *name = names + off;
        size_t n = strlen(name);
        if (!valid_utf8(name, n)) {
            mtmem_tmp_free(vm, names);
            return mte_throw(vm, ERR_UNICODE, "os.listdir(): an entry of '%s' is not valid UTF-8",
                             dir);
        }
        mto_list_push(vm, out, OBJ_VAL(mto_string(vm, name, n)));
        off += n + 1;
    }
    mtmem_tmp_free(vm, names);
    if (out->count > 1) qsort(out->items, out->count, sizeof(Value), compare_names);
    return NATIVE_OK;
}

/* {== Tests and stat ==} */

static int test_path(VM *vm, Value *args, const char *fn, bool follow, mode_t want) {
    String *path;
    if (!mtlib_path_arg(vm, args, 1, fn, &path)) return NATIVE_ERROR;
    struct stat st;
    int r = follow ? stat(path->chars, &st) : lstat(path->chars, &st);
    if (r != 0) RETURN(FALSE_VAL);
    RETURN(BOOL_VAL(want == 0 || (st.st_mode & S_IFMT) == want));
}

static int os_exists(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    return test_path(vm, args, "os.exists", true, 0);
}
static int os_isdir(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    return test_path(vm, args, "os.isdir", true, S_IFDIR);
}
static int os_isfile(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    return test_path(vm, args, "os.isfile", true, S_IFREG);
}
static int os_islink(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    return test_path(vm, args, "os.islink", false, S_IFLNK);
}

/* Sets a field of a fresh instance; the value (a boxed int, maybe) and the name (new to
   the class the first time) are rooted while the class and instance grow. */
static void set_field(VM *vm, Instance *in, const char *name, Value v) {
    mtgc_push_temp(vm, v);
    String *key = mto_intern_z(vm, name);
    mtgc_push_temp(vm, OBJ_VAL(key));
    mto_instance_set(vm, in, key, v);
    mtgc_pop_temp(vm, 2);
}

static int os_stat(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    String *path;
    if (!mtlib_path_arg(vm, args, 1, "os.stat", &path)) return NATIVE_ERROR;
    struct stat st;
    if (stat(path->chars, &st) != 0)
        return mtlib_errno_error(vm, errno, "cannot stat '%s'", path->chars);
    Value klass = ((Native *)AS_OBJ(args[0]))->data; /* os.StatResult */
    Instance *in = mto_instance(vm, AS_CLASS(klass));
    args[0] = OBJ_VAL(in);
    double mtime = (double)st.st_mtim.tv_sec + (double)st.st_mtim.tv_nsec / 1e9;
    set_field(vm, in, "size", mto_int(vm, (int64_t)st.st_size));
    set_field(vm, in, "mtime", DOUBLE_VAL(mtime));
    set_field(vm, in, "mode", SMALLINT_VAL(st.st_mode & 07777));
    set_field(vm, in, "isdir", BOOL_VAL(S_ISDIR(st.st_mode)));
    set_field(vm, in, "isfile", BOOL_VAL(S_ISREG(st.st_mode)));
    return NATIVE_OK;
}

/* {== Walking a tree ==} */

/* os.walk's iterator: yields [dirpath, dirnames, filenames] top-down, depth first. */
typedef struct {
    List *pending; /* directories still to visit, a stack: the last is next */
    String *dir;   /* the directory yielded last, and its dirnames list: the caller may */
    List *dirs;    /* remove names from it to prune the walk before the next step */
} Walker;

static void walker_mark(VM *vm, void *payload) {
    Walker *w = payload;
    if (w->pending) mtgc_mark_obj(vm, &w->pending->obj);
    if (w->dir) mtgc_mark_obj(vm, &w->dir->obj);
    if (w->dirs) mtgc_mark_obj(vm, &w->dirs->obj);
}

static int walker_next(VM *vm, Value *args, int argc);

static const ForeignOps walker_ops = {
    .name = "Walker", .size = sizeof(Walker), .mark = walker_mark, .next = walker_next};

/* dir + "/" + name (no doubled "/"). */
static String *child_path(VM *vm, String *dir, String *name) {
    bool slash = dir->len > 0 && dir->chars[dir->len - 1] == '/';
    String *p = mto_string_alloc(vm, (size_t)dir->len + !slash + name->len);
    memcpy(p->chars, dir->chars, dir->len);
    if (!slash) p->chars[dir->len] = '/';
    memcpy(p->chars + dir->len + !slash, name->chars, name->len);
    return mto_string_finish(vm, p);
}

/* Queues the subdirectories of the last yielded directory that are still in its dirnames
   (in reverse, so that the first is visited first); symbolic links are not followed. */
static bool queue_children(VM *vm, Walker *w) {
    for (uint32_t i = w->dirs->count; i-- > 0;) {
        Value name = w->dirs->items[i];
        if (!IS_STRING(name)) {
            mte_throw(vm, ERR_TYPE, "os.walk(): dirnames must hold str, not %s",
                      mtv_type_name(name));
            return false;
        }
        String *p = child_path(vm, w->dir, AS_STRING(name));
        struct stat st;
        if (memchr(p->chars, 0, p->len) || lstat(p->chars, &st) != 0 || S_ISLNK(st.st_mode))
            continue;
        mto_list_push(vm, w->pending, OBJ_VAL(p));
    }
    w->dir = NULL;
    w->dirs = NULL;
    return true;
}

/* Lists dir into [dir, dirnames, filenames]; false if it cannot be listed (skipped, as a
   directory that vanished or is unreadable is). */
static bool visit(VM *vm, Walker *w, String *dir, Value *out) {
    size_t len;
    int err;
    char *names = read_names(vm, dir->chars, &len, &err);
    if (!names) return false;
    List *entry = mto_list(vm, 3);
    *out = OBJ_VAL(entry);
    mtgc_push_temp(vm, *out);
    List *dirs = mto_list(vm, 0), *files;
    mto_list_push(vm, entry, OBJ_VAL(dir));
    mto_list_push(vm, entry, OBJ_VAL(dirs));
    mto_list_push(vm, entry, OBJ_VAL(files = mto_list(vm, 0)));
    for (size_t off = 0; off < len; off += strlen(names + off) + 1) {
        const char *name = names + off;
        if (!valid_utf8(name, strlen(name))) continue;
        String *s = mto_string_z(vm, name);
        mtgc_push_temp(vm, OBJ_VAL(s));
        String *p = child_path(vm, dir, s);
        struct stat st;
        bool is_dir = stat(p->chars, &st) == 0 && S_ISDIR(st.st_mode);
        mto_list_push(vm, is_dir ? dirs : files, OBJ_VAL(s));
        mtgc_pop_temp(vm, 1);
    }
    mtmem_tmp_free(vm, names);
    mtgc_pop_temp(vm, 1);
    if (dirs->count > 1) qsort(dirs->items, dirs->count, sizeof(Value), compare_names);
    if (files->count > 1) qsort(files->items, files->count, sizeof(Value), compare_names);
    w->dir = dir;
    w->dirs = dirs;
    return true;
}

static int walker_next(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    Walker *w = mtfo_payload(args[0], &walker_ops);
    if (w->dirs && !queue_children(vm, w)) return NATIVE_ERROR;
    while (w->pending->count > 0) {
        String *dir = AS_STRING(w->pending->items[--w->pending->count]);
        mtgc_push_temp(vm, OBJ_VAL(dir));
        Value entry;
        bool ok = visit(vm, w, dir, &entry);
        mtgc_pop_temp(vm, 1);
        if (ok) RETURN(entry); /* else it was unreadable or vanished: skipped */
    }
    return NATIVE_END;
}

static int os_walk(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    String *top;
    if (!mtlib_path_arg(vm, args, 1, "os.walk", &top)) return NATIVE_ERROR;
    Walker *w = mtfo_new(vm, &walker_ops, &args[0]);
    w->pending = mto_list(vm, 4);
    mto_list_push(vm, w->pending, OBJ_VAL(top));
    return NATIVE_OK;
}

/* {== Making, removing and renaming ==} */

/* mkdir -p: makes every missing directory of the path; an existing directory is fine. */
static int make_parents(VM *vm, String *path) {
    if (path->len == 0) return mtlib_errno_error(vm, ENOENT, "cannot make directory ''");
    char *buf = mtmem_tmp_alloc(vm, path->len + 1);
    memcpy(buf, path->chars, path->len + 1);
    int err = 0;
    for (char *p = buf + 1;; p++) {
        bool end = *p == '\0';
        if (!end && *p != '/') continue;
        *p = '\0';
        if (mkdir(buf, 0777) != 0) {
            int e = errno;
            struct stat st;
            bool is_dir = e == EEXIST && stat(buf, &st) == 0 && S_ISDIR(st.st_mode);
            /* A file in the way of a parent: "Not a directory", as mkdir -p says. */
            if (!is_dir) err = e == EEXIST && !end ? ENOTDIR : e;
        }
        if (end || err) break;
        *p = '/';
    }
    mtmem_tmp_free(vm, buf);
    if (err) return mtlib_errno_error(vm, err, "cannot make directory '%s'", path->chars);
    return NATIVE_OK;
}

static int os_mkdir(VM *vm, Value *args, int argc) {
    String *path;
    if (!mtlib_path_arg(vm, args, 1, "os.mkdir", &path)) return NATIVE_ERROR;
    bool parents = ARG_GIVEN(args, argc, 2) && mtv_truthy(args[2]);
    if (parents) {
        if (make_parents(vm, path) != NATIVE_OK) return NATIVE_ERROR;
    } else if (mkdir(path->chars, 0777) != 0) {
        return mtlib_errno_error(vm, errno, "cannot make directory '%s'", path->chars);
    }
    RETURN(NIL_VAL);
}

static int os_remove(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    String *path;
    if (!mtlib_path_arg(vm, args, 1, "os.remove", &path)) return NATIVE_ERROR;
    if (unlink(path->chars) != 0) {
        /* Linux says EISDIR as "Is a directory" but some systems say EPERM. */
        int e = errno;
        struct stat st;
        if (e == EPERM && lstat(path->chars, &st) == 0 && S_ISDIR(st.st_mode)) e = EISDIR;
        return mtlib_errno_error(vm, e, "cannot remove '%s'", path->chars);
    }
    RETURN(NIL_VAL);
}

static int os_rmdir(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    String *path;
    if (!mtlib_path_arg(vm, args, 1, "os.rmdir", &path)) return NATIVE_ERROR;
    if (rmdir(path->chars) != 0)
        return mtlib_errno_error(vm, errno, "cannot remove directory '%s'", path->chars);
    RETURN(NIL_VAL);
}

static int os_rename(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    String *from, *to;
    if (!mtlib_path_arg(vm, args, 1, "os.rename", &from) ||
        !mtlib_path_arg(vm, args, 2, "os.rename", &to))
        return NATIVE_ERROR;
    if (rename(from->chars, to->chars) != 0)
        return mtlib_errno_error(vm, errno, "cannot rename '%s' to '%s'", from->chars, to->chars);
    RETURN(NIL_VAL);
}

static const char *const p_getenv[] = {"name", "default", NULL};
static const char *const p_mkdir[] = {"path", "parents", NULL};
static const char *const p_setenv[] = {"name", "value", NULL};

static const LibReg os_lib[] = {
    {"getenv", os_getenv, 1, 2, p_getenv, false}, {"setenv", os_setenv, 2, 2, p_setenv, false},
    {"unsetenv", os_unsetenv, 1, 1, NULL, false}, {"getpid", os_getpid, 0, 0, NULL, false},
    {"cwd", os_cwd, 0, 0, NULL, false},           {"chdir", os_chdir, 1, 1, NULL, false},
    {"listdir", os_listdir, 0, 1, NULL, false},   {"exists", os_exists, 1, 1, NULL, false},
    {"isdir", os_isdir, 1, 1, NULL, false},       {"isfile", os_isfile, 1, 1, NULL, false},
    {"islink", os_islink, 1, 1, NULL, false},     {"stat", os_stat, 1, 1, NULL, false},
    {"walk", os_walk, 1, 1, NULL, false},         {"mkdir", os_mkdir, 1, 2, p_mkdir, false},
    {"remove", os_remove, 1, 1, NULL, false},     {"rmdir", os_rmdir, 1, 1, NULL, false},
    {"rename", os_rename, 2, 2, NULL, false},     {NULL, NULL, 0, 0, NULL, false},
};

static int open_os(VM *vm, Value *args, int argc) {
    MT_UNUSED(argc);
    mtfo_new_class(vm, &walker_ops);
    /* What os.stat returns: an object with fields (every native's data: stat's). */
    args[0] = OBJ_VAL(mto_intern_z(vm, "StatResult")); /* rooted while the class is made */
    args[0] = OBJ_VAL(mto_class(vm, AS_STRING(args[0]), NULL));
    Module *m = mtlib_native_module(vm, "os", os_lib, args[0]);
    mtgc_push_temp(vm, OBJ_VAL(m));
    mtlib_module_set(vm, m, "StatResult", args[0]);
    mtlib_module_set(vm, m, "env", OBJ_VAL(environment_map(vm)));
    mtgc_pop_temp(vm, 1);
    return mtlib_module_ready(vm, args, m);
}

void mtos_open(VM *vm) { mtlib_lazy_module(vm, "os", open_os); }
