/*
** api.c — the public API (include/mt.h): creating and freeing VMs, running code.
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "vm/sched.h"

MT_INTERNAL void mtgc_free_all(VM *vm);
MT_INTERNAL void mtlib_flush(VM *vm);
MT_INTERNAL int mtd_disassemble(VM *vm, Proto *p);

void mt_config_init(mt_Config *config) { memset(config, 0, sizeof *config); }

static void init_names(VM *vm) {
#define X(field, text) vm->names.field = mto_intern_z(vm, text);
    MT_COMMON_NAMES(X)
#undef X
}

static void destroy(VM *vm) {
    mtgc_free_all(vm);
    mtt_free(vm, &vm->strings);
    mtt_free(vm, &vm->builtins);
    mtt_free(vm, &vm->modules);
    for (int i = 0; i < TYPE__COUNT; i++) mtt_free(vm, &vm->type_methods[i]);
    mts_free(vm);
    free(vm->out_buf);
    free(vm->compile_error);
    mtmem_destroy(&vm->mem);
    mt_ReallocFn fn = vm->mem.realloc_fn;
    void *ud = vm->mem.user_data;
    fn(vm, sizeof(VM), 0, ud);
}

mt_VM *mt_new(const mt_Config *config) {
    mt_Config cfg;
    if (config) cfg = *config;
    else mt_config_init(&cfg);
    Mem mem;
    mtmem_init(&mem, cfg.realloc_fn, cfg.user_data, cfg.memory_limit);
    VM *vm = mem.realloc_fn(NULL, 0, sizeof(VM), mem.user_data);
    if (!vm) return NULL;
    memset(vm, 0, sizeof *vm);
    vm->mem = mem;
    vm->config = cfg;
    vm->max_frames = cfg.max_frames ? cfg.max_frames : MT_DEFAULT_MAX_FRAMES;
    vm->max_resume_depth =
        cfg.max_coroutine_depth ? cfg.max_coroutine_depth : MT_DEFAULT_MAX_COROUTINE_DEPTH;
    vm->next_gc = MT_GC_INITIAL;
    vm->error = NIL_VAL;
    vm->memory_error = NIL_VAL;
    vm->argv = NIL_VAL;
    vm->select_rng = 0x9E3779B97F4A7C15ull;
    mts_init(vm);
    if (!vm->sched) {
        mem.realloc_fn(vm, sizeof(VM), 0, mem.user_data);
        return NULL;
    }
    MemJmp mj;
    mj.prev = NULL;
    vm->mem.jmp = &mj;
    if (setjmp(mj.buf) != 0) {
        vm->mem.jmp = NULL;
        destroy(vm);
        return NULL;
    }
    vm->gc_pause++;
    init_names(vm);
    mte_init_classes(vm);
    vm->memory_error = mte_new(vm, ERR_MEMORY, "out of memory");
    vm->argv = OBJ_VAL(mto_list(vm, 0));
    vm->gc_pause--;
    vm->gc_stress = cfg.gc_stress != 0;
    mtlib_open_all(vm);
    vm->mem.jmp = NULL;
    return vm;
}

void mt_set_argv(mt_VM *vm, int argc, const char *const *argv) {
    MemJmp mj;
    mj.prev = vm->mem.jmp;
    vm->mem.jmp = &mj;
    if (setjmp(mj.buf) == 0) {
        List *l = mto_list(vm, 0);
        vm->argv = OBJ_VAL(l);
        for (int i = 0; i < argc; i++) mto_list_push(vm, l, OBJ_VAL(mto_string_z(vm, argv[i])));
        mtlib_define(vm, "argv", vm->argv);
    }
    vm->mem.jmp = mj.prev;
}

const char *mt_last_error(mt_VM *vm) { return vm->compile_error ? vm->compile_error : ""; }

int mt_exit_status(mt_VM *vm) { return vm->exit_status; }

void mt_signal(mt_VM *vm, int signo) {
    vm->signal_pending = signo;
    vm->attention = 1;
}

/* Compiles `src` as a new main module; NULL with the error recorded on failure. */
static Closure *compile_main(VM *vm, const char *name, const char *path, const char *src,
                             size_t len) {
    String *n = mto_intern_z(vm, name);
    mtgc_push_temp(vm, OBJ_VAL(n));
    String *p = path ? mto_intern_z(vm, path) : NULL;
    if (p) mtgc_push_temp(vm, OBJ_VAL(p));
    Module *m = mto_module(vm, n, p ? p : n);
    mtgc_push_temp(vm, OBJ_VAL(m));
    if (p) mtt_set(vm, &vm->modules, p, OBJ_VAL(m));
    vm->main_module = m;
    Closure *cl = mtmod_compile(vm, m, src, len, false);
    mtgc_pop_temp(vm, p ? 3 : 2);
    return cl;
}

static mt_Status run_source(VM *vm, const char *name, const char *path, const char *src,
                            size_t len) {
    MemJmp mj;
    mj.prev = vm->mem.jmp;
    vm->mem.jmp = &mj;
    if (setjmp(mj.buf) != 0) {
        vm->mem.jmp = mj.prev;
        mtmod_set_compile_error(vm, "out of memory", false);
        vm->exit_status = 1;
        return MT_RUNTIME_ERROR;
    }
    Closure *cl = compile_main(vm, name, path, src, len);
    if (!cl) {
        vm->mem.jmp = mj.prev;
        vm->exit_status = 2;
        return MT_COMPILE_ERROR;
    }
    mtgc_push_temp(vm, OBJ_VAL(cl));
    mts_start_main(vm, cl);
    mtgc_pop_temp(vm, 1);
    vm->mem.jmp = mj.prev;
    int status = mts_run(vm);
    mtlib_flush(vm);
    vm->exit_status = status;
    if (vm->sched->status_fixed && status != 1) return MT_EXIT;
    return status == 0 ? MT_OK : MT_RUNTIME_ERROR;
}

/* A script's source (malloc'd), or NULL with the reason recorded as the VM's error. */
static char *read_script(mt_VM *vm, const char *path, size_t *len) {
    char *src = mtmod_read_file(path, len);
    if (!src) {
        char msg[512];
        snprintf(msg, sizeof msg, "cannot open '%s': %s", path, strerror(errno));
        mtmod_set_compile_error(vm, msg, false);
        vm->exit_status = 2;
    }
    return src;
}

mt_Status mt_run_file(mt_VM *vm, const char *path) {
    size_t len;
    char *src = read_script(vm, path, &len);
    if (!src) return MT_IO_ERROR;
    mt_Status st = run_source(vm, path, path, src, len);
    free(src);
    return st;
}

mt_Status mt_run_string(mt_VM *vm, const char *name, const char *source) {
    return run_source(vm, name, NULL, source, strlen(source));
}

mt_Status mt_run_buffer(mt_VM *vm, const char *name, const char *source, size_t len) {
    return run_source(vm, name, NULL, source, len);
}

mt_Status mt_disassemble_file(mt_VM *vm, const char *path) {
    size_t len;
    char *src = read_script(vm, path, &len);
    if (!src) return MT_IO_ERROR;
    MemJmp mj;
    mj.prev = vm->mem.jmp;
    vm->mem.jmp = &mj;
    mt_Status st = MT_OK;
    if (setjmp(mj.buf) == 0) {
        Closure *cl = compile_main(vm, path, path, src, len);
        if (!cl) st = MT_COMPILE_ERROR;
        else mtd_disassemble(vm, cl->proto);
    } else {
        st = MT_RUNTIME_ERROR;
    }
    vm->mem.jmp = mj.prev;
    free(src);
    mtlib_flush(vm);
    return st;
}

int mt_free(mt_VM *vm) {
    if (!vm) return 0;
    int status = vm->exit_status;
    mtlib_flush(vm);
    destroy(vm);
    return status;
}
