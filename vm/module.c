/*
** module.c — compiling source into modules and `import`.
**
** `import name` finds name.mt next to the importing module's file, then in each directory
** of MT_PATH (colon-separated). A module runs once; later imports get the cached module.
** An import cycle gets the partly initialised module (its globals defined so far).
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "vm/module.h"
#include "compiler/compiler.h"
#include "vm/error.h"
#include "vm/vm.h"
#include "vm/table.h"
#include "vm/state.h"
#include "vm/object.h"
#include "vm/mem.h"
#include "vm/gc.h"
#include "vm/call.h"

/* Reads a whole file into a temporary buffer (mtmem_tmp_*: the caller frees it, and a
   MemoryError on the way frees it too). Returns NULL with errno set if the file cannot be
   read; raises MemoryError if it does not fit in memory (after closing the file). */
char *mtmod_read_file(VM *vm, const char *path, size_t *len) {
    struct stat st;
    if (stat(path, &st) != 0) return NULL;
    if (S_ISDIR(st.st_mode)) {
        errno = EISDIR;
        return NULL;
    }
    size_t cap = st.st_size > 0 ? (size_t)st.st_size + 1 : 4096, n = 0;
    char *buf = mtmem_tmp_alloc(vm, cap);
    FILE *f = fopen(path, "rb");
    if (!f) {
        int e = errno;
        mtmem_tmp_free(vm, buf);
        errno = e;
        return NULL;
    }
    for (;;) {
        size_t r = fread(buf + n, 1, cap - n - 1, f);
        n += r;
        if (r == 0) break;
        if (n + 1 == cap) {
            /* The file grew since stat (or has no size, like a pipe). */
            char *nb = mtmem_tmp_try_realloc(vm, buf, cap * 2);
            if (!nb) {
                fclose(f);
                mtmem_fail(vm);
            }
            buf = nb;
            cap *= 2;
        }
    }
    if (ferror(f)) {
        int e = errno;
        fclose(f);
        mtmem_tmp_free(vm, buf);
        errno = e ? e : EIO;
        return NULL;
    }
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* The length of a UTF-8 byte-order mark at the very start of a source, else 0. Editors on
   some systems write one; it is skipped (SPEC 2.1). Anywhere else U+FEFF is an ordinary
   character, and the lexer rejects it outside strings and comments. */
static size_t bom_length(const char *src, size_t len) {
    return len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

/* Compiles source into a closure for module `m`. A compile error returns NULL with the
   message recorded for the host (and for SyntaxError); running out of memory raises. */
Closure *mtmod_compile(VM *vm, Module *m, const char *src, size_t len, CompileMode mode) {
    CompileResult res;
    size_t bom = bom_length(src, len);
    src += bom;
    len -= bom;
    mtgc_push_temp(vm, OBJ_VAL(m));
    vm->compile_line = vm->compile_col = 0;
    vm->compile_msg[0] = '\0';
    m->source = mto_string(vm, src, len);
    Proto *p = mtc_compile(vm, m, m->source->chars, len, mode, &res);
    Closure *cl = NULL;
    if (p) {
        mtgc_push_temp(vm, OBJ_VAL(p));
        cl = mto_closure(vm, p);
        mtgc_pop_temp(vm, 1);
    }
    mtgc_pop_temp(vm, 1);
    return cl;
}

static bool file_exists(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Finds the file for module `name` imported from `from`; writes it into out. */
static bool find_module_file(VM *vm, String *name, Module *from, char *out, size_t cap) {
    MT_UNUSED(vm);
    if (from && from->path) {
        const char *p = from->path->chars;
        const char *slash = strrchr(p, '/');
        int dirlen = slash ? (int)(slash - p) : 0;
        if (slash) snprintf(out, cap, "%.*s/%s.mt", dirlen, p, name->chars);
        else snprintf(out, cap, "%s.mt", name->chars);
        if (file_exists(out)) return true;
    } else {
        snprintf(out, cap, "%s.mt", name->chars);
        if (file_exists(out)) return true;
    }
    const char *path = getenv("MT_PATH");
    while (path && *path) {
        const char *colon = strchr(path, ':');
        int n = colon ? (int)(colon - path) : (int)strlen(path);
        if (n > 0) {
            snprintf(out, cap, "%.*s/%s.mt", n, path, name->chars);
            if (file_exists(out)) return true;
        }
        if (!colon) break;
        path = colon + 1;
    }
    return false;
}

/* Compiles src (a temporary buffer it frees) as module `name`, cached under `key`, and
   pushes a frame running its top level: STEP_FRAME, or STEP_ERROR (SyntaxError). */
static Step load_module(VM *vm, Fiber *f, String *name, String *key, char *src, size_t len) {
    Module *m = mto_module(vm, name, key);
    mtgc_push_temp(vm, OBJ_VAL(m));
    mtt_set(vm, &vm->modules, key, OBJ_VAL(m));
    /* Out of memory while compiling raises MemoryError here (the module stays out of the
       cache: the next import tries again). */
    Closure *cl = NULL;
    MemJmp mj;
    mtmem_enter(vm, &mj);
    if (setjmp(mj.buf) == 0) {
        cl = mtmod_compile(vm, m, src, len, MTC_MODULE);
        mtmem_leave(vm, &mj);
    } else {
        mtmem_recover(vm, &mj);
        mtmem_leave(vm, &mj);
        mtt_delete(&vm->modules, key);
        mtmem_rethrow(vm);
    }
    mtmem_tmp_free(vm, src);
    if (!cl) {
        mtt_delete(&vm->modules, key);
        mtgc_pop_temp(vm, 1);
        mte_throw(vm, ERR_SYNTAX, "%s", mtmod_last_compile_error(vm));
        return STEP_ERROR;
    }
    /* Run the module's top level as a call whose value is the module. */
    *f->top++ = OBJ_VAL(cl);
    mtgc_pop_temp(vm, 1);
    if (!mtcall_push_frame(vm, f, cl, f->top - 1, 0, FRAME_MODULE)) return STEP_ERROR;
    return STEP_FRAME;
}

/* Pushes the module cached under key (true), else false. */
static bool push_cached(VM *vm, Fiber *f, String *key) {
    Value cached;
    if (!mtt_get(&vm->modules, key, &cached)) return false;
    *f->top++ = cached;
    return true;
}

/* The host's loader (mt_Config.load_module): false if it has no such module, else the
   import's step in *st. */
static bool import_from_host(VM *vm, Fiber *f, String *name, Step *st) {
    mt_ModuleSource ms = {NULL, 0, NULL, NULL};
    void *ud = vm->config.user_data;
    if (!vm->config.load_module(vm, name->chars, &ms, ud) || !ms.source) return false;
    /* The text is copied at once, so the host gets it back whatever happens next. */
    char *src = mtmem_tmp_try_alloc(vm, ms.len + 1);
    if (src) {
        memcpy(src, ms.source, ms.len);
        src[ms.len] = '\0';
    }
    char path[4096];
    snprintf(path, sizeof path, "%s", ms.path ? ms.path : name->chars);
    if (ms.release) ms.release(ms.source, ud);
    if (!src) mtmem_fail(vm);
    String *key = mto_intern_z(vm, path);
    if (push_cached(vm, f, key)) {
        mtmem_tmp_free(vm, src);
        *st = STEP_DONE;
        return true;
    }
    mtgc_push_temp(vm, OBJ_VAL(key));
    *st = load_module(vm, f, name, key, src, ms.len);
    mtgc_pop_temp(vm, 1);
    return true;
}

Step mtmod_import(VM *vm, Fiber *f, String *name) {
    Frame *fr = &f->frames[f->nframes - 1];
    Module *from = fr->closure->proto->module;
    Value native;
    if (mtt_get(&vm->modules, name, &native)) { /* a builtin module such as math */
        if (IS_OBJ_TYPE(native, OBJ_NATIVE)) {
            /* Not opened yet: the library's opener makes the module (and caches it in
               vm->modules in its own place), so that unused modules cost no start-up time. */
            Value *slot = f->top++; /* on the stack, so the collector sees what it holds */
            *slot = native;
            int status = ((Native *)AS_OBJ(native))->fn(vm, slot, 0);
            f->top--;
            if (status != NATIVE_OK) return STEP_ERROR;
            native = *slot;
        }
        *f->top++ = native;
        return STEP_DONE;
    }
    Step st;
    if (vm->config.load_module && import_from_host(vm, f, name, &st)) return st;
    if (vm->config.sandbox) {
        mte_throw(vm, ERR_IMPORT, "no module named '%s' (the sandbox imports no files)",
                  name->chars);
        return STEP_ERROR;
    }
    char path[4096];
    if (!find_module_file(vm, name, from, path, sizeof path)) {
        mte_throw(vm, ERR_IMPORT,
                  "no module named '%s' (looked for %s.mt next to %s and on MT_PATH)", name->chars,
                  name->chars, from && from->path ? from->path->chars : "the script");
        return STEP_ERROR;
    }
    String *key = mto_string_z(vm, path);
    mtgc_push_temp(vm, OBJ_VAL(key));
    key = mto_intern(vm, key->chars, key->len);
    mtgc_pop_temp(vm, 1);
    if (push_cached(vm, f, key)) return STEP_DONE;
    size_t len;
    mtgc_push_temp(vm, OBJ_VAL(key)); /* reading may collect */
    char *src = mtmod_read_file(vm, path, &len);
    if (!src) {
        mtgc_pop_temp(vm, 1);
        mte_throw(vm, ERR_IMPORT, "cannot read module '%s': %s", path, mte_errstr(errno));
        return STEP_ERROR;
    }
    st = load_module(vm, f, name, key, src, len);
    mtgc_pop_temp(vm, 1);
    return st;
}

/* {== Messages for the host ==} */

void mtmod_clear_error(VM *vm) {
    if (vm->compile_error_size)
        mtmem_host_realloc(vm, vm->compile_error, vm->compile_error_size, 0);
    vm->compile_error = NULL;
    vm->compile_error_size = 0;
    vm->compile_incomplete = false;
}

/* A message that needs no memory (used when there is none). */
void mtmod_set_static_error(VM *vm, const char *msg) {
    mtmod_clear_error(vm);
    vm->compile_error = (char *)msg;
}

/* Keeps a copy of msg; if there is no memory for it, says so instead. */
void mtmod_set_compile_error(VM *vm, const char *msg, bool incomplete) {
    size_t size = strlen(msg) + 1;
    char *copy = mtmem_host_realloc(vm, NULL, 0, size);
    if (!copy) {
        mtmod_set_static_error(vm, "out of memory");
        return;
    }
    memcpy(copy, msg, size);
    mtmod_clear_error(vm);
    vm->compile_error = copy;
    vm->compile_error_size = size;
    vm->compile_incomplete = incomplete;
}

/* Takes over msg (a host block of `size` bytes, or NULL). */
void mtmod_take_compile_error(VM *vm, char *msg, size_t size, bool incomplete) {
    if (!msg) {
        mtmod_set_static_error(vm, "compile error");
        return;
    }
    mtmod_clear_error(vm);
    vm->compile_error = msg;
    vm->compile_error_size = size;
    vm->compile_incomplete = incomplete;
}

const char *mtmod_last_compile_error(VM *vm) { return vm->compile_error ? vm->compile_error : ""; }
