/*
** api.c — the public API (include/mt.h): creating and freeing VMs, running programs and
** chunks, the host's turns of the scheduler, and error reports for the host.
**
** Every entry point that can allocate opens a protected region (mtmem_enter) first, so an
** allocation failure anywhere lands here and becomes a status: MT_MEMORY_ERROR, or NULL
** from mt_new. A dead VM (memory ran out even while unwinding) runs no Mt code again.
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "compiler/compiler.h"
#include "stdlib/lib.h"
#include "vm/api.h"
#include "vm/debug.h"
#include "vm/error.h"
#include "vm/foreign.h"
#include "vm/gc.h"
#include "vm/mem.h"
#include "vm/module.h"
#include "vm/object.h"
#include "vm/out.h"
#include "vm/poll.h"
#include "vm/sched.h"
#include "vm/state.h"
#include "vm/table.h"
#include "vm/thread.h"

#define DEFAULT_CLEANUP_SECONDS 10.0

void mt_config_init(mt_Config *config) { memset(config, 0, sizeof *config); }

void *mt_user_data(mt_VM *vm) { return vm->config.user_data; }

static void init_names(VM *vm) {
#define X(field, text) vm->names.field = mto_intern_z(vm, text);
    MT_COMMON_NAMES(X)
#undef X
}

/* Frees everything, however far mt_new got. Allocates nothing. */
static void destroy(VM *vm) {
    mtapi_free(vm);
    mtgc_free_all(vm);
    mtfo_free_classes(vm);
    mtapi_free_classes(vm); /* after every foreign object: their ops live in them */
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
    vm->lib.str = vm->lib.repr = vm->lib.close = vm->lib.list = vm->lib.coroutine = NIL_VAL;
    vm->lib.range = NIL_VAL;
    vm->lib.map_get = vm->lib.map_set = vm->lib.map_has = NIL_VAL;
    vm->budget.ticks_left = UINT64_MAX;
}

/* The library functions the VM calls itself (vm->lib), found once. */
static void resolve_library(VM *vm) {
    vm->lib.str = mtlib_builtin(vm, "str");
    vm->lib.repr = mtlib_builtin(vm, "repr");
    vm->lib.list = mtlib_builtin(vm, "list");
    vm->lib.range = mtlib_builtin(vm, "range");
    vm->lib.close = mtlib_prelude(vm, "_close");
    vm->lib.coroutine = mtlib_builtin(vm, "coroutine");
    vm->lib.map_get = mtlib_prelude(vm, "_map_get");
    vm->lib.map_set = mtlib_prelude(vm, "_map_set");
    vm->lib.map_has = mtlib_prelude(vm, "_map_has");
}

/* The sandbox: what reaches files, processes and the network is taken away (imports of
   files are refused in module.c). */
static void apply_sandbox(VM *vm) {
    static const char *const builtins[] = {"open", NULL};
    static const char *const modules[] = {"os", "net", "process", NULL};
    for (int i = 0; builtins[i]; i++) mtt_delete(&vm->builtins, mto_intern_z(vm, builtins[i]));
    for (int i = 0; modules[i]; i++) mtt_delete(&vm->modules, mto_intern_z(vm, modules[i]));
}

/* Builds what every program needs; raises MemoryError (longjmp) when memory runs out, and
   returns false if the standard library could not be loaded. */
static bool open_vm(VM *vm) {
    mts_init(vm);
    mtout_init(vm);
    mtapi_init(vm);
    vm->gc_pause++;
    init_names(vm);
    mte_init_classes(vm);
    mte_preallocate(vm);
    vm->argv = OBJ_VAL(mto_list(vm, 0));
    vm->gc_pause--;
    vm->gc_stress = vm->config.gc_stress != 0;
    if (!mtlib_open_all(vm)) return false;
    resolve_library(vm);
    if (vm->config.sandbox) apply_sandbox(vm);
    vm->api->result_name = mto_intern_z(vm, MT_CHUNK_RESULT);
    String *name = mto_intern_z(vm, "<host>");
    mtgc_push_temp(vm, OBJ_VAL(name));
    vm->api->host = mto_module(vm, name, NULL);
    mtgc_pop_temp(vm, 1);
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

const char *mt_status_name(mt_Status status) {
    static const char *const names[] = {
        "MT_OK",           "MT_COMPILE_ERROR", "MT_RUNTIME_ERROR", "MT_EXIT",       "MT_IO_ERROR",
        "MT_MEMORY_ERROR", "MT_WOULD_BLOCK",   "MT_CLOSED",        "MT_TYPE_ERROR", "MT_NOT_FOUND",
    };
    if ((unsigned)status < sizeof names / sizeof names[0]) return names[status];
    return "MT_?";
}

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
    s->stop = false;
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

/* {== Messages and reports ==} */

void mtapi_set_error(VM *vm, const char *fmt, ...) {
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    mtmod_set_compile_error(vm, msg, false);
}

const char *mt_last_error(mt_VM *vm) { return vm->compile_error ? vm->compile_error : ""; }

bool mt_incomplete(mt_VM *vm) { return vm->compile_error && vm->compile_incomplete; }

int mt_exit_status(mt_VM *vm) { return vm->exit_status; }

void mt_signal(mt_VM *vm, int signo) {
    vm->signal_pending = signo;
    vm->attention = 1;
    mtpoll_wake(vm); /* a scheduler asleep in the poller notices at once */
}

/* The frames of an error's traceback for error_fn (a host block of *size bytes; NULL if
   none or no memory), innermost first; *n their count. */
static mt_TraceFrame *trace_frames(VM *vm, Value exc, int *n, size_t *size) {
    *n = 0;
    *size = 0;
    Trace *t = mte_trace_of(vm, exc);
    if (!t || t->count == 0) return NULL;
    mt_TraceFrame *fr = mtmem_host_realloc(vm, NULL, 0, t->count * sizeof *fr);
    if (!fr) return NULL;
    *size = t->count * sizeof *fr; /* frames of the library are left out: *n may be less */
    for (uint32_t i = 0; i < t->count; i++) {
        Proto *p = t->entries[i].proto;
        if (p->module && p->module->path == NULL && p->module->name->chars[0] == '<' &&
            p->module != vm->api->host)
            continue; /* the library written in Mt: not the user's code */
        fr[*n].file = p->file ? p->file->chars : "?";
        fr[*n].function = p->name ? p->name->chars : "?";
        fr[*n].line = mte_line_at(p, t->entries[i].pc);
        (*n)++;
    }
    return fr;
}

static const char *error_message(VM *vm, Value exc) {
    Value msg;
    if (IS_INSTANCE(exc) && mto_instance_get(AS_INSTANCE(exc), vm->names.message, &msg) &&
        IS_STRING(msg))
        return AS_STRING(msg)->chars;
    return "";
}

bool mtapi_report_error(VM *vm, Value exc, Fiber *thread, const char *text) {
    mt_ErrorFn fn = vm->config.error_fn;
    if (!fn) return false;
    mt_ErrorInfo info;
    memset(&info, 0, sizeof info);
    info.kind = MT_ERROR_RUNTIME;
    info.error_class = IS_INSTANCE(exc) ? AS_INSTANCE(exc)->klass->name->chars : "Error";
    info.message = error_message(vm, exc);
    info.thread_id = thread ? thread->id : 0;
    size_t size;
    mt_TraceFrame *frames = trace_frames(vm, exc, &info.nframes, &size);
    info.frames = frames;
    info.file = info.nframes ? frames[0].file : "";
    info.line = info.nframes ? frames[0].line : 0;
    info.text = text;
    fn(vm, &info, vm->config.user_data);
    if (frames) mtmem_host_realloc(vm, frames, size, 0);
    vm->error_reported = true;
    return true;
}

void mtapi_report_compile_error(VM *vm) {
    mt_ErrorFn fn = vm->config.error_fn;
    if (!fn || !vm->compile_error) return;
    mt_ErrorInfo info;
    memset(&info, 0, sizeof info);
    info.kind = MT_ERROR_COMPILE;
    info.error_class = "SyntaxError";
    info.message = vm->compile_msg[0] ? vm->compile_msg : vm->compile_error;
    Module *m = vm->main_module;
    info.file = m && m->path ? m->path->chars : m ? m->name->chars : "";
    info.line = vm->compile_line;
    info.column = vm->compile_col;
    info.text = vm->compile_error;
    fn(vm, &info, vm->config.user_data);
}

/* {== Running programs ==} */

static void set_argv_list(VM *vm, int argc, const char *const *argv) {
    List *l = mto_list(vm, 0);
    vm->argv = OBJ_VAL(l);
    for (int i = 0; i < argc; i++) mto_list_push(vm, l, OBJ_VAL(mto_string_z(vm, argv[i])));
    mtapi_define_builtin(vm, "argv", vm->argv);
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
    Closure *cl = mtmod_compile(vm, m, src, len, MTC_SCRIPT);
    mtgc_pop_temp(vm, p ? 3 : 2);
    return cl;
}

/* Source text to run: a file (read here, in the protected region) or a string. */
typedef enum { SOURCE_RUN, SOURCE_CHECK, SOURCE_DISASSEMBLE } SourceUse;
typedef struct {
    const char *name, *path, *text;
    size_t len;
    SourceUse use;
} Source;

/* Reads src->path into a temporary buffer; false (IO error recorded) if it cannot. */
static bool read_source(VM *vm, Source *src) {
    char *text = mtmod_read_file(vm, src->path, &src->len);
    if (!text) {
        mtapi_set_error(vm, "cannot open '%.400s': %s", src->path, mte_errstr(errno));
        vm->exit_status = 2;
        return false;
    }
    src->text = text;
    return true;
}

/* Compiles the source and starts its main thread (or checks or disassembles it). Raises
   MemoryError; frees the file buffer on every way out. */
static mt_Status prepare(VM *vm, Source *src) {
    if (!src->text && !read_source(vm, src)) return MT_IO_ERROR;
    Closure *cl = compile_main(vm, src->name, src->path, src->text, src->len);
    if (src->path) mtmem_tmp_free(vm, (char *)src->text);
    if (!cl) {
        vm->exit_status = 2;
        mtapi_report_compile_error(vm);
        return MT_COMPILE_ERROR;
    }
    mtgc_push_temp(vm, OBJ_VAL(cl)); /* the listing allocates too (constants' text) */
    if (src->use == SOURCE_DISASSEMBLE) mtd_disassemble(vm, cl->proto);
    if (src->use == SOURCE_RUN) mtth_start_main(vm, cl);
    mtgc_pop_temp(vm, 1);
    if (src->use != SOURCE_RUN) return MT_EXIT; /* done: nothing to run */
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

/* Compiles (and starts) a source in the protected region. */
static mt_Status compile_source(VM *vm, Source *src) {
    mt_Status st = MT_OK;
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
    return st;
}

static mt_Status run_source(VM *vm, Source *src) {
    mt_Status st = refusal(vm);
    if (st != MT_OK) return st;
    begin_run(vm);
    st = compile_source(vm, src);
    if (st == MT_EXIT && src->use != SOURCE_RUN) {
        mtout_flush(vm);
        return MT_OK;
    }
    if (st != MT_OK) return st;
    vm->exit_status = run_program(vm);
    mtout_flush(vm);
    return run_status(vm);
}

mt_Status mt_run_file(mt_VM *vm, const char *path) {
    Source src = {path, path, NULL, 0, SOURCE_RUN};
    return run_source(vm, &src);
}

mt_Status mt_run_string(mt_VM *vm, const char *name, const char *source) {
    Source src = {name, NULL, source, strlen(source), SOURCE_RUN};
    return run_source(vm, &src);
}

mt_Status mt_run_buffer(mt_VM *vm, const char *name, const char *source, size_t len) {
    Source src = {name, NULL, source, len, SOURCE_RUN};
    return run_source(vm, &src);
}

mt_Status mt_check(mt_VM *vm, const char *name, const char *source, size_t len) {
    Source src = {name, NULL, source, len, SOURCE_CHECK};
    mt_Status st = refusal(vm);
    if (st != MT_OK) return st;
    mtmod_clear_error(vm);
    st = compile_source(vm, &src);
    return st == MT_EXIT ? MT_OK : st;
}

mt_Status mt_disassemble_file(mt_VM *vm, const char *path) {
    Source src = {path, path, NULL, 0, SOURCE_DISASSEMBLE};
    return run_source(vm, &src);
}

/* {== The host loop ==} */

/* Before a host's turn: a program that ended (exit) left no threads, so a new session
   may begin; errors and stops from the last turn are forgotten. */
static void host_begin(VM *vm) {
    Scheduler *s = vm->sched;
    if (s->shutting_down && mtth_live_count(vm) == 0) {
        s->shutting_down = false;
        s->status_fixed = false;
        s->status = 0;
        vm->exit_status = 0;
        vm->error_reported = false;
    }
    s->stop = false;
    vm->budget.spent = false;
    vm->mem.in_reserve = false;
    mtmod_clear_error(vm);
}

/* Runs a turn of the scheduler in the protected region (an allocation failing between
   fibers becomes MemoryError in the running one, as in run_program). */
static int protected_turn(VM *vm, SchedMode mode) {
    MemJmp mj;
    mtmem_enter(vm, &mj);
    volatile int status = 0;
    for (;;) {
        if (setjmp(mj.buf) == 0) {
            status = mts_host_turn(vm, mode);
            break;
        }
        mtmem_recover(vm, &mj);
        if (!mte_raise_out_of_memory(vm)) {
            status = -1;
            break;
        }
    }
    mtmem_leave(vm, &mj);
    return status;
}

/* A host's turn and what it came to: MT_OK, MT_EXIT (the program ended: exit(), a
   signal), MT_MEMORY_ERROR (the VM died). */
static mt_Status host_turn(VM *vm, SchedMode mode) {
    Scheduler *s = vm->sched;
    int r = protected_turn(vm, mode);
    mtout_flush(vm);
    if (r < 0 || vm->mem.dead) return memory_failure(vm, dead_message);
    if (s->aborted) {
        vm->exit_status = s->status;
        return MT_EXIT;
    }
    if (s->shutting_down && mtth_live_count(vm) == 0) {
        vm->exit_status = s->status_fixed ? s->status : vm->error_reported ? 1 : 0;
        return MT_EXIT;
    }
    return MT_OK;
}

/* Compiles a chunk into the host module and starts its thread (the run's main thread:
   signals go to it). Raises MemoryError; NULL on a compile error. */
static Fiber *start_chunk(VM *vm, const char *name, const char *src, size_t len, bool repl) {
    Module *m = vm->api->host;
    m->path = mto_intern_z(vm, name); /* the chunk's name in its functions and tracebacks */
    vm->main_module = m;
    Value slot;
    if (mtt_get(&m->names, vm->api->result_name, &slot)) m->values[AS_SMALLINT(slot)] = NIL_VAL;
    Closure *cl = mtmod_compile(vm, m, src, len, repl ? MTC_REPL : MTC_MODULE);
    if (!cl) {
        mtapi_report_compile_error(vm);
        return NULL;
    }
    mtgc_push_temp(vm, OBJ_VAL(cl));
    if (vm->main) vm->main->obj.flags &= ~FIBER_MAIN; /* the previous chunk, if it lives on */
    vm->main = NULL;
    Fiber *t = mtth_start_main(vm, cl);
    mtgc_pop_temp(vm, 1);
    return t;
}

/* The value the chunk left in MT_CHUNK_RESULT, into the host's result slot. */
static void chunk_result(VM *vm, int slot) {
    if (slot < 0) return;
    Module *m = vm->api->host;
    Value v = NIL_VAL, idx;
    if (mtt_get(&m->names, vm->api->result_name, &idx) && !IS_UNDEF(m->values[AS_SMALLINT(idx)]))
        v = m->values[AS_SMALLINT(idx)];
    mtapi_store(vm, slot, v);
}

mt_Status mt_exec(mt_VM *vm, const char *name, const char *source, size_t len, int result_slot) {
    mt_Status st = refusal(vm);
    if (st != MT_OK) return st;
    host_begin(vm);
    if (result_slot >= 0 && mt_ensure_slots(vm, result_slot + 1) != MT_OK) return MT_MEMORY_ERROR;
    Fiber *volatile t = NULL;
    MemJmp mj;
    mtmem_enter(vm, &mj);
    if (setjmp(mj.buf) == 0) {
        t = start_chunk(vm, name, source, len, result_slot >= 0);
    } else {
        mtmem_recover(vm, &mj);
        mtmem_handled(vm, &mj);
        vm->error = NIL_VAL;
        st = memory_failure(vm, "out of memory while compiling");
    }
    mtmem_leave(vm, &mj);
    if (st != MT_OK) return st;
    if (!t) return MT_COMPILE_ERROR;
    Scheduler *s = vm->sched;
    s->until = t;
    st = host_turn(vm, SCHED_HOST_RUN);
    s->until = NULL;
    /* The chunk (or a thread) called exit(): the program ends once every thread has
       unwound, and that is what the call returns (MT_EXIT), as mt.h says. */
    if (st == MT_OK && s->shutting_down) {
        s->stop = false;
        st = host_turn(vm, SCHED_HOST_RUN);
    }
    if (st != MT_OK) return st;
    if (t->state == FIBER_DONE) {
        chunk_result(vm, result_slot);
        return MT_OK;
    }
    if (t->state == FIBER_FAILED)
        return mte_is(vm, t->result, ERR_MEMORY) ? MT_MEMORY_ERROR : MT_RUNTIME_ERROR;
    return MT_WOULD_BLOCK;
}

mt_Status mt_run(mt_VM *vm) {
    mt_Status st = refusal(vm);
    if (st != MT_OK) return st;
    host_begin(vm);
    return host_turn(vm, SCHED_HOST_RUN);
}

/* The poller's fds, merged per fd, into the API's array (none if memory is short). */
static void report_fds(VM *vm, mt_StepInfo *info) {
    Poller *p = vm->sched->poller;
    ApiState *api = vm->api;
    info->nfds = 0;
    info->fds = api->fds;
    if (p->nwaits > api->fds_cap) {
        mt_PollFd *n =
            mtmem_host_realloc(vm, api->fds, api->fds_cap * sizeof *n, p->nwaits * sizeof *n);
        if (!n) return;
        api->fds = n;
        api->fds_cap = p->nwaits;
        info->fds = n;
    }
    for (uint32_t i = 0; i < p->nwaits; i++) {
        int fd = p->waits[i].fd;
        int ev = (p->waits[i].events & MT_POLL_IN ? MT_POLL_READ : 0) |
                 (p->waits[i].events & MT_POLL_OUT ? MT_POLL_WRITE : 0);
        uint32_t j = 0;
        while (j < info->nfds && api->fds[j].fd != fd) j++;
        if (j == info->nfds) api->fds[info->nfds++] = (mt_PollFd){fd, 0};
        api->fds[j].events |= ev;
    }
}

static void step_info(VM *vm, mt_StepInfo *info) {
    Scheduler *s = vm->sched;
    info->threads = mtth_live_count(vm);
    info->runnable = s->run_len;
    info->next_timer = -1;
    if (s->ntimers) {
        double d = s->timers[0].at - mts_now();
        info->next_timer = d < 0 ? 0 : d;
    }
    report_fds(vm, info);
    info->wake_fd = s->poller->wake_read;
    info->budget_spent = vm->budget.spent;
}

mt_Status mt_step(mt_VM *vm, uint64_t ticks, double seconds, mt_StepInfo *info) {
    mt_Status st = refusal(vm);
    if (st == MT_OK) {
        host_begin(vm);
        mtpoll_drain_wake(vm);    /* the host polled it: the wake-up is taken */
        vm->sched->pass_left = 0; /* timers due and fds ready are looked at first */
        vm->budget.ticks_left = ticks ? ticks : UINT64_MAX;
        vm->budget.deadline = seconds > 0 ? mts_now() + seconds : 0;
        vm->budget.on = ticks || seconds > 0;
        if (vm->budget.on) vm->attention = 1;
        st = host_turn(vm, SCHED_HOST_STEP);
        vm->budget.on = false;
        vm->budget.ticks_left = UINT64_MAX;
    }
    if (info) {
        memset(info, 0, sizeof *info);
        info->wake_fd = -1;
        if (!vm->mem.dead) step_info(vm, info);
    }
    return st;
}

/* {== Freeing ==} */

/* The program-end guarantee for threads a host left alive: each is killed and its
   cleanup runs, for up to cleanup_seconds; what is still running then is abandoned. */
static void end_threads(VM *vm) {
    Scheduler *s = vm->sched;
    if (vm->mem.dead || s->aborted || mtth_live_count(vm) == 0) return;
    host_begin(vm);
    mtth_begin_shutdown(vm, -1);
    double limit =
        vm->config.cleanup_seconds > 0 ? vm->config.cleanup_seconds : DEFAULT_CLEANUP_SECONDS;
    vm->budget.deadline = mts_now() + limit;
    vm->budget.on = true;
    vm->attention = 1;
    while (mtth_live_count(vm) > 0 && !vm->budget.spent && !vm->mem.dead && !s->aborted) {
        s->stop = false;
        if (protected_turn(vm, SCHED_HOST_RUN) < 0) break;
        if (s->run_len == 0 && s->ntimers == 0 && !mtpoll_busy(vm)) break; /* nothing moves */
    }
    vm->budget.on = false;
    uint32_t left = mtth_live_count(vm);
    if (left > 0 && !vm->mem.dead) {
        char msg[160];
        int n = snprintf(msg, sizeof msg,
                         "mt: cleanup abandoned after %g s: %u thread%s still running\n", limit,
                         left, left == 1 ? "" : "s");
        mtout_write_err(vm, msg, (size_t)n);
    }
}

int mt_free(mt_VM *vm) {
    if (!vm) return 0;
    end_threads(vm);
    int status = vm->exit_status;
    if (vm->sched->status_fixed && vm->exit_status == 0) status = vm->sched->status;
    else if (status == 0 && vm->error_reported) status = 1; /* a host's chunk or thread failed */
    mtout_flush(vm);
    destroy(vm);
    return status;
}
