/*
** api.c — the public API (include/mt.h): creating and freeing VMs, running code.
**
** Every entry point that can allocate opens a protected region (mtmem_enter) first, so an
** allocation failure anywhere lands here and becomes a status: MT_MEMORY_ERROR, or NULL
** from mt_new. A dead VM (memory ran out even while unwinding) runs no Mt code again.
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "stdlib/lib.h"
#include "vm/error.h"
#include "vm/foreign.h"
#include "vm/out.h"
#include "vm/poll.h"
#include "vm/sched.h"
#include "vm/thread.h"
#include "vm/table.h"
#include "vm/state.h"
#include "vm/object.h"
#include "vm/module.h"
#include "vm/mem.h"
#include "vm/gc.h"
#include "vm/debug.h"

void mt_config_init(mt_Config *config) { memset(config, 0, sizeof *config); }

static void init_names(VM *vm) {
#define X(field, text) vm->names.field = mto_intern_z(vm, text);
    MT_COMMON_NAMES(X)
#undef X
}

/* Frees everything, however far mt_new got. Allocates nothing. */
static void destroy(VM *vm) {
    mtgc_free_all(vm);
    mtfo_free_classes(vm);
    mtt_free(vm, &vm->strings);
    mtt_free(vm, &vm->builtins);
    mtt_free(vm, &vm->modules);
    for (int i = 0; i < TYPE__COUNT; i++) mtt_free(vm, &vm->type_methods[i]);
    mts_free(vm);
    mtout_free(vm);
    mtmod_clear_error(vm);
    mtmem_destroy(&vm->mem);
    mt_ReallocFn fn = vm->mem.realloc_fn;
    void *ud = vm->mem.user_data;
    fn(vm, sizeof(VM), 0, ud);
}

/* The VM's own state before anything is allocated in it. */
static void init_fields(VM *vm, const mt_Config *cfg) {
    vm->config = *cfg;
    vm->max_frames = cfg->max_frames ? cfg->max_frames : MT_DEFAULT_MAX_FRAMES;
    vm->max_resume_depth =
        cfg->max_coroutine_depth ? cfg->max_coroutine_depth : MT_DEFAULT_MAX_COROUTINE_DEPTH;
    vm->next_gc = MT_GC_INITIAL;
    vm->error = NIL_VAL;
    vm->memory_error = NIL_VAL;
    vm->thread_exit_error = NIL_VAL;
    vm->argv = NIL_VAL;
    vm->select_rng = 0x9E3779B97F4A7C15ull;
    vm->lib.str = vm->lib.repr = vm->lib.close = NIL_VAL;
}

/* Builds what every program needs; raises MemoryError (longjmp) when memory runs out, and
   returns false if the standard library could not be loaded. */
/* The library functions the VM calls itself (vm->lib), found once. */
static void resolve_library(VM *vm) {
    vm->lib.str = mtlib_builtin(vm, "str");
    vm->lib.repr = mtlib_builtin(vm, "repr");
    vm->lib.close = mtlib_prelude(vm, "_close");
}

static bool open_vm(VM *vm) {
    mts_init(vm);
    mtout_init(vm);
    vm->gc_pause++;
    init_names(vm);
    mte_init_classes(vm);
    mte_preallocate(vm);
    vm->argv = OBJ_VAL(mto_list(vm, 0));
    vm->gc_pause--;
    vm->gc_stress = vm->config.gc_stress != 0;
    if (!mtlib_open_all(vm)) return false;
    resolve_library(vm);
    return true;
}

mt_VM *mt_new(const mt_Config *config) {
    mt_Config cfg;
    if (config) cfg = *config;
    else mt_config_init(&cfg);
    Mem mem;
    mtmem_init(&mem, cfg.realloc_fn, cfg.user_data, cfg.memory_limit);
    if (cfg.memory_limit && sizeof(VM) > cfg.memory_limit) return NULL;
    VM *vm = mem.realloc_fn(NULL, 0, sizeof(VM), mem.user_data);
    if (!vm) return NULL;
    memset(vm, 0, sizeof *vm);
    vm->mem = mem;
    vm->mem.total = sizeof(VM); /* the VM itself counts against the limit */
    init_fields(vm, &cfg);
    MemJmp mj;
    mtmem_enter(vm, &mj);
    volatile bool opened = false;
    if (setjmp(mj.buf) == 0) opened = open_vm(vm);
    else mtmem_recover(vm, &mj);
    mtmem_leave(vm, &mj);
    if (!opened) {
        destroy(vm); /* never a half-built VM */
        return NULL;
    }
    return vm;
}

/* {== Statuses ==} */

static const char dead_message[] = "out of memory even while unwinding: the VM cannot run code";

/* A failure the host learns about only through the status and mt_last_error. */
static mt_Status memory_failure(VM *vm, const char *msg) {
    mtmod_set_static_error(vm, msg);
    vm->exit_status = 1;
    return MT_MEMORY_ERROR;
}

/* Whether the VM may run code: a dead one (see mem.c) never does again, and one whose run
   a second signal cut short holds threads stopped anywhere. */
static mt_Status refusal(VM *vm) {
    if (vm->mem.dead) return memory_failure(vm, dead_message);
    if (vm->sched->aborted) return MT_EXIT;
    return MT_OK;
}

/* Each run starts afresh: its own main thread, exit status and error state; globals and
   modules stay. The reserve closes (it serves the unwinding within one run). */
static void begin_run(VM *vm) {
    Scheduler *s = vm->sched;
    s->shutting_down = false;
    s->status_fixed = false;
    s->status = 0;
    s->next_thread_id = 1;
    vm->main = NULL;
    vm->error_reported = false;
    vm->exit_status = 0;
    vm->mem.in_reserve = false;
    mtmod_clear_error(vm);
}

/* What ended a run that started (see mt_Status in mt.h). */
static mt_Status run_status(VM *vm) {
    if (vm->mem.dead) return memory_failure(vm, dead_message);
    Fiber *main = vm->main;
    if (main && main->state == FIBER_FAILED && !mte_is_exit(vm, main->result))
        return mte_is(vm, main->result, ERR_MEMORY) ? MT_MEMORY_ERROR : MT_RUNTIME_ERROR;
    if (vm->sched->status_fixed) return MT_EXIT;
    return vm->error_reported ? MT_RUNTIME_ERROR : MT_OK;
}

/* {== Running ==} */

static void set_argv_list(VM *vm, int argc, const char *const *argv) {
    List *l = mto_list(vm, 0);
    vm->argv = OBJ_VAL(l);
    for (int i = 0; i < argc; i++) mto_list_push(vm, l, OBJ_VAL(mto_string_z(vm, argv[i])));
    mtlib_define(vm, "argv", vm->argv);
}

mt_Status mt_set_argv(mt_VM *vm, int argc, const char *const *argv) {
    mt_Status st = refusal(vm);
    if (st != MT_OK) return st;
    MemJmp mj;
    mtmem_enter(vm, &mj);
    if (setjmp(mj.buf) == 0) {
        set_argv_list(vm, argc, argv);
    } else {
        mtmem_recover(vm, &mj);
        mtmem_handled(vm, &mj); /* nothing is left to unwind */
        vm->error = NIL_VAL;
        st = MT_MEMORY_ERROR;
    }
    mtmem_leave(vm, &mj);
    return st;
}

const char *mt_last_error(mt_VM *vm) { return vm->compile_error ? vm->compile_error : ""; }

int mt_exit_status(mt_VM *vm) { return vm->exit_status; }

void mt_signal(mt_VM *vm, int signo) {
    vm->signal_pending = signo;
    vm->attention = 1;
    mtpoll_wake(vm); /* a scheduler asleep in the poller notices at once */
}

/* Compiles `src` as a new main module; NULL with the error recorded on a compile error.
   Raises MemoryError. */
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

/* Source text to run: a file (read here, in the protected region) or a string. */
typedef struct {
    const char *name, *path, *text;
    size_t len;
    bool disassemble;
} Source;

/* Reads src->path into a temporary buffer; false (IO error recorded) if it cannot. */
static bool read_source(VM *vm, Source *src) {
    char *text = mtmod_read_file(vm, src->path, &src->len);
    if (!text) {
        char msg[512];
        snprintf(msg, sizeof msg, "cannot open '%.400s': %s", src->path, strerror(errno));
        mtmod_set_compile_error(vm, msg, false);
        vm->exit_status = 2;
        return false;
    }
    src->text = text;
    return true;
}

/* Compiles the source and starts its main thread (or disassembles it). Raises
   MemoryError; frees the file buffer on every way out. */
static mt_Status prepare(VM *vm, Source *src) {
    if (!src->text && !read_source(vm, src)) return MT_IO_ERROR;
    Closure *cl = compile_main(vm, src->name, src->path, src->text, src->len);
    if (src->path) mtmem_tmp_free(vm, (char *)src->text);
    if (!cl) {
        vm->exit_status = 2;
        return MT_COMPILE_ERROR;
    }
    if (src->disassemble) {
        mtd_disassemble(vm, cl->proto);
        return MT_EXIT; /* done: nothing to run */
    }
    mtgc_push_temp(vm, OBJ_VAL(cl));
    mtth_start_main(vm, cl);
    mtgc_pop_temp(vm, 1);
    return MT_OK;
}

/* Runs the scheduler until every thread has finished; returns the exit status. An
   allocation that fails while the scheduler is between fibers lands here: the running
   fiber (if any) gets MemoryError, else the VM is dead. */
static int run_program(VM *vm) {
    MemJmp mj;
    mtmem_enter(vm, &mj);
    volatile int status = 1;
    for (;;) {
        if (setjmp(mj.buf) == 0) {
            status = mts_run(vm);
            break;
        }
        mtmem_recover(vm, &mj);
        if (!mte_raise_out_of_memory(vm)) break;
    }
    mtmem_leave(vm, &mj);
    return status;
}

static mt_Status run_source(VM *vm, Source *src) {
    mt_Status st = refusal(vm);
    if (st != MT_OK) return st;
    begin_run(vm);
    MemJmp mj;
    mtmem_enter(vm, &mj);
    if (setjmp(mj.buf) == 0) {
        st = prepare(vm, src);
    } else {
        mtmem_recover(vm, &mj);
        mtmem_handled(vm, &mj); /* nothing is left to unwind */
        vm->error = NIL_VAL;
        st = memory_failure(vm, "out of memory while compiling");
    }
    mtmem_leave(vm, &mj);
    if (st == MT_EXIT && src->disassemble) {
        mtout_flush(vm);
        return MT_OK;
    }
    if (st != MT_OK) return st;
    vm->exit_status = run_program(vm);
    mtout_flush(vm);
    return run_status(vm);
}

mt_Status mt_run_file(mt_VM *vm, const char *path) {
    Source src = {path, path, NULL, 0, false};
    return run_source(vm, &src);
}

mt_Status mt_run_string(mt_VM *vm, const char *name, const char *source) {
    Source src = {name, NULL, source, strlen(source), false};
    return run_source(vm, &src);
}

mt_Status mt_run_buffer(mt_VM *vm, const char *name, const char *source, size_t len) {
    Source src = {name, NULL, source, len, false};
    return run_source(vm, &src);
}

mt_Status mt_disassemble_file(mt_VM *vm, const char *path) {
    Source src = {path, path, NULL, 0, true};
    return run_source(vm, &src);
}

int mt_free(mt_VM *vm) {
    if (!vm) return 0;
    int status = vm->exit_status;
    mtout_flush(vm);
    destroy(vm);
    return status;
}
