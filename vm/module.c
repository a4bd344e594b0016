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

#include "compiler/compiler.h"
#include "vm/error.h"
#include "vm/interp.h"

/* Reads a whole file into a malloc'd buffer. Returns NULL with errno set. */
char *mtmod_read_file(const char *path, size_t *len) {
    struct stat st;
    if (stat(path, &st) != 0) return NULL;
    if (S_ISDIR(st.st_mode)) {
        errno = EISDIR;
        return NULL;
    }
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = st.st_size > 0 ? (size_t)st.st_size + 1 : 4096, n = 0;
    char *buf = malloc(cap);
    if (!buf) {
        fclose(f);
        errno = ENOMEM;
        return NULL;
    }
    for (;;) {
        size_t r = fread(buf + n, 1, cap - n - 1, f);
        n += r;
        if (r == 0) break;
        if (n + 1 == cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                fclose(f);
                errno = ENOMEM;
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
    }
    if (ferror(f)) {
        int e = errno;
        free(buf);
        fclose(f);
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

/* Compiles source into a closure for module `m`; on failure raises SyntaxError (when
   running) or stores the message for the host. */
Closure *mtmod_compile(VM *vm, Module *m, const char *src, size_t len, bool repl) {
    CompileResult res;
    size_t bom = bom_length(src, len);
    src += bom;
    len -= bom;
    mtgc_push_temp(vm, OBJ_VAL(m));
    m->source = mto_string(vm, src, len);
    Proto *p = mtc_compile(vm, m, src, len, repl, &res);
    Closure *cl = NULL;
    if (p) {
        mtgc_push_temp(vm, OBJ_VAL(p));
        cl = mto_closure(vm, p);
        mtgc_pop_temp(vm, 1);
    } else {
        mtmod_set_compile_error(vm, res.message ? res.message : "compile error", res.incomplete);
        free(res.message);
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

Step mti_import(VM *vm, Fiber *f, String *name) {
    Frame *fr = &f->frames[f->nframes - 1];
    Module *from = fr->closure->proto->module;
    Value native;
    if (mtt_get(&vm->modules, name, &native)) { /* a builtin module such as math */
        *f->top++ = native;
        return STEP_DONE;
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
    Value cached;
    if (mtt_get(&vm->modules, key, &cached)) {
        *f->top++ = cached;
        return STEP_DONE;
    }
    size_t len;
    char *src = mtmod_read_file(path, &len);
    if (!src) {
        mte_throw(vm, ERR_IMPORT, "cannot read module '%s': %s", path, strerror(errno));
        return STEP_ERROR;
    }
    mtgc_push_temp(vm, OBJ_VAL(key));
    Module *m = mto_module(vm, name, key);
    mtgc_push_temp(vm, OBJ_VAL(m));
    mtt_set(vm, &vm->modules, key, OBJ_VAL(m));
    Closure *cl = mtmod_compile(vm, m, src, len, false);
    free(src);
    if (!cl) {
        mtt_delete(&vm->modules, key);
        mtgc_pop_temp(vm, 2);
        mte_throw(vm, ERR_SYNTAX, "%s", mtmod_last_compile_error(vm));
        return STEP_ERROR;
    }
    /* Run the module's top level as a call whose value is the module. */
    *f->top++ = OBJ_VAL(cl);
    mtgc_pop_temp(vm, 2);
    if (!mtv_push_frame(vm, f, cl, f->top - 1, 0, FRAME_MODULE)) return STEP_ERROR;
    return STEP_FRAME;
}

void mtmod_set_compile_error(VM *vm, const char *msg, bool incomplete) {
    free(vm->compile_error);
    vm->compile_error = strdup(msg);
    vm->compile_incomplete = incomplete;
}

const char *mtmod_last_compile_error(VM *vm) { return vm->compile_error ? vm->compile_error : ""; }
