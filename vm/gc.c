/*
** gc.c — precise mark-and-sweep collector over every object.
**
** Marking is iterative (a gray stack, never C recursion), so deeply nested data cannot
** overflow the C stack. Threads are special: a parked thread is alive only if one of its
** wake sources is reachable; the scheduler, threads and coroutines decide what a fiber's
** mark means through a narrow interface: mts_mark_roots (the running chain, run queue and
** timers), mtth_blacken (a thread reached), mtco_revive_garbage and mtth_after_mark (after
** marking: garbage coroutines and threads with cleanup are revived to unwind), and
** mtco_after_collect (they get their closer threads).
*/
#include <stdlib.h>

#include "vm/gc.h"
#include "vm/api.h"
#include "compiler/compiler.h"
#include "vm/channel.h"
#include "vm/coro.h"
#include "vm/foreign.h"
#include "vm/sched.h"
#include "vm/select.h"
#include "vm/thread.h"
#include "vm/table.h"
#include "vm/state.h"
#include "vm/object.h"
#include "vm/mem.h"

/* The gray stack lives in host blocks that may be refused: the collector runs in the
   middle of failed allocations and must not fail itself. When the stack cannot grow, the
   object stays marked but unscanned, and mtgc_drain rescans the heap for such objects. */
static void gray_push(VM *vm, Obj *o) {
    if (vm->ngray == vm->graycap) {
        size_t cap = vm->graycap ? vm->graycap * 2 : 256;
        Obj **g =
            mtmem_host_realloc(vm, vm->gray, vm->graycap * sizeof(Obj *), cap * sizeof(Obj *));
        if (!g) {
            vm->gray_overflow = true;
            return;
        }
        vm->gray = g;
        vm->graycap = cap;
    }
    vm->gray[vm->ngray++] = o;
}

void mtgc_mark_obj(VM *vm, Obj *o) {
    if (o == NULL || o->marked) return;
    o->marked = 1;
    if (o->type == OBJ_STRING) return;
    gray_push(vm, o);
}

void mtgc_mark_value(VM *vm, Value v) {
    if (IS_OBJ(v)) mtgc_mark_obj(vm, AS_OBJ(v));
    else if (IS_BIGINT(v)) mtmem_mark_int(AS_BIGINT_CELL(v));
}

static void mark_values(VM *vm, const Value *v, size_t n) {
    for (size_t i = 0; i < n; i++) mtgc_mark_value(vm, v[i]);
}

/* Marks everything a fiber's execution needs: its stack, frames and links. */
void mtgc_mark_fiber_full(VM *vm, Fiber *f) {
    f->obj.marked = 2;
    mark_values(vm, mtf_stack(f), (size_t)(f->top - mtf_stack(f)));
    for (uint32_t i = 0; i < f->nframes; i++) mtgc_mark_obj(vm, &f->frames[i].closure->obj);
    for (Upvalue *u = f->open_upvalues; u; u = u->next_open) mtgc_mark_obj(vm, &u->obj);
    if (f->resumer) mtgc_mark_obj(vm, &f->resumer->obj); /* or, for a thread, its active */
    mtgc_mark_value(vm, f->pending);                     /* or its result */
    mtgc_mark_value(vm, f->wait.value);
    if (!(f->obj.flags & FIBER_THREAD)) return; /* a coroutine's `thread` is no wait object */
    if (f->wait_kind != WAIT_SELECT && f->wait_obj) mtgc_mark_obj(vm, f->wait_obj);
    if (f->wait_kind == WAIT_SELECT && f->sel) mtsel_mark(vm, f->sel); /* a choose()'s cases */
}

static void blacken(VM *vm, Obj *o) {
    switch ((ObjType)o->type) {
    case OBJ_STRING:
    case OBJ_RANGE: break;
    case OBJ_LIST: mark_values(vm, ((List *)o)->items, ((List *)o)->count); break;
    case OBJ_TUPLE: mark_values(vm, ((Tuple *)o)->items, ((Tuple *)o)->count); break;
    case OBJ_MAP:
    case OBJ_SET: {
        Map *m = (Map *)o;
        for (uint32_t i = 0; i < m->end; i++) {
            MapNode *n = &m->nodes[i];
            if (IS_UNDEF(n->key)) continue;
            mtgc_mark_value(vm, n->key);
            mtgc_mark_value(vm, n->value);
        }
        break;
    }
    case OBJ_PROTO: {
        Proto *p = (Proto *)o;
        mark_values(vm, p->consts, p->nconsts);
        if (p->name) mtgc_mark_obj(vm, &p->name->obj);
        if (p->module) mtgc_mark_obj(vm, &p->module->obj);
        if (p->source) mtgc_mark_obj(vm, &p->source->obj);
        if (p->file) mtgc_mark_obj(vm, &p->file->obj);
        if (p->doc) mtgc_mark_obj(vm, &p->doc->obj);
        for (uint32_t i = 0; p->param_names && i < PROTO_NNAMES(p); i++)
            mtgc_mark_obj(vm, &p->param_names[i]->obj);
        for (uint32_t i = 0; i < p->ncaches; i++) {
            AttrCache *ac = &p->caches[i];
            mtgc_mark_obj(vm, &ac->name->obj);
            /* A cached class must outlive the cache, or a new class at the same address
               would hit. Builtin types are cached as small tags, not pointers. */
            if ((uintptr_t)ac->klass > 4096) mtgc_mark_obj(vm, (Obj *)ac->klass);
            mtgc_mark_value(vm, ac->method);
        }
        break;
    }
    case OBJ_CLOSURE: {
        Closure *c = (Closure *)o;
        mtgc_mark_obj(vm, &c->proto->obj);
        for (uint32_t i = 0; i < c->nupvals; i++)
            if (c->upvals[i]) mtgc_mark_obj(vm, &c->upvals[i]->obj);
        break;
    }
    case OBJ_UPVALUE: mtgc_mark_value(vm, *((Upvalue *)o)->location); break;
    case OBJ_NATIVE:
        mtgc_mark_obj(vm, &((Native *)o)->name->obj);
        mtgc_mark_value(vm, ((Native *)o)->data);
        break;
    case OBJ_CLASS: {
        Class *k = (Class *)o;
        mtgc_mark_obj(vm, &k->name->obj);
        if (k->super) mtgc_mark_obj(vm, &k->super->obj);
        mtt_mark(vm, &k->methods);
        mtt_mark(vm, &k->fields);
        mtt_mark(vm, &k->statics);
        mtgc_mark_value(vm, k->init);
        if (k->convert) mtgc_mark_obj(vm, &k->convert->obj);
        mtgc_mark_value(vm, k->doc);
        break;
    }
    case OBJ_INSTANCE: {
        Instance *in = (Instance *)o;
        mtgc_mark_obj(vm, &in->klass->obj);
        mark_values(vm, in->fields, in->nfields);
        break;
    }
    case OBJ_BOUND:
        mtgc_mark_value(vm, ((Bound *)o)->self);
        mtgc_mark_value(vm, ((Bound *)o)->method);
        break;
    case OBJ_MODULE: {
        Module *m = (Module *)o;
        mtgc_mark_obj(vm, &m->name->obj);
        if (m->path) mtgc_mark_obj(vm, &m->path->obj);
        if (m->source) mtgc_mark_obj(vm, &m->source->obj);
        mtt_mark(vm, &m->names);
        mark_values(vm, m->values, m->nvalues);
        break;
    }
    case OBJ_TRACE: {
        Trace *t = (Trace *)o;
        for (uint32_t i = 0; i < t->count; i++) mtgc_mark_obj(vm, &t->entries[i].proto->obj);
        break;
    }
    case OBJ_FOREIGN: mtfo_blacken(vm, (Foreign *)o); break;
    case OBJ_CHANNEL: mtch_blacken(vm, (Channel *)o); break;
    case OBJ_FIBER: {
        Fiber *f = (Fiber *)o;
        if (f->obj.flags & FIBER_THREAD) mtth_blacken(vm, f);
        else if (o->marked != 2) mtgc_mark_fiber_full(vm, f);
        break;
    }
    default: break;
    }
}

/* After the gray stack overflowed: scans every marked object again (scanning is
   idempotent), until a pass marks nothing it could not also push. Each pass that overflows
   has marked at least one new object, so this ends. */
static void rescan_marked(VM *vm) {
    while (vm->gray_overflow) {
        vm->gray_overflow = false;
        for (Obj *o = vm->objects; o; o = o->next) {
            if (!o->marked || o->type == OBJ_STRING) continue;
            blacken(vm, o);
            while (vm->ngray > 0) blacken(vm, vm->gray[--vm->ngray]);
        }
    }
}

void mtgc_drain(VM *vm) {
    while (vm->ngray > 0) blacken(vm, vm->gray[--vm->ngray]);
    if (mt_unlikely(vm->gray_overflow)) rescan_marked(vm);
}

static void mark_roots(VM *vm) {
    mark_values(vm, vm->temps, (size_t)vm->ntemps);
    mtgc_mark_value(vm, vm->error);
    mtgc_mark_value(vm, vm->memory_error);
    mtgc_mark_value(vm, vm->thread_exit_error);
    mtgc_mark_value(vm, vm->lib.str);
    mtgc_mark_value(vm, vm->lib.repr);
    mtgc_mark_value(vm, vm->lib.close);
    mtgc_mark_value(vm, vm->lib.coroutine);
    mtgc_mark_value(vm, vm->lib.list);
    mtgc_mark_value(vm, vm->lib.range);
    mtgc_mark_value(vm, vm->lib.map_get);
    mtgc_mark_value(vm, vm->lib.map_set);
    mtgc_mark_value(vm, vm->lib.map_has);
    mtgc_mark_value(vm, vm->argv);
    mtt_mark(vm, &vm->builtins);
    mtt_mark(vm, &vm->modules);
    for (int i = 0; i < TYPE__COUNT; i++) mtt_mark(vm, &vm->type_methods[i]);
    mtfo_mark_classes(vm);
    for (int i = 0; i < ERR__COUNT; i++)
        if (vm->error_class[i]) mtgc_mark_obj(vm, &vm->error_class[i]->obj);
    String **names = (String **)&vm->names;
    for (size_t i = 0; i < sizeof(vm->names) / sizeof(String *); i++)
        if (names[i]) mtgc_mark_obj(vm, &names[i]->obj);
    if (vm->main_module) mtgc_mark_obj(vm, &vm->main_module->obj);
    if (vm->prelude) mtgc_mark_obj(vm, &vm->prelude->obj);
    mtc_mark_roots(vm);
    mtapi_mark(vm);
    mts_mark_roots(vm);
}

/* A thread that has not finished is in the scheduler's registry, which keeps it without
   marking it: only its wake sources make it reachable (mtth_after_mark). */
static bool unfinished_thread(Fiber *f) {
    return (f->obj.flags & FIBER_THREAD) && f->state != FIBER_DONE && f->state != FIBER_FAILED;
}

static void sweep(VM *vm) {
    Obj **link = &vm->objects;
    while (*link) {
        Obj *o = *link;
        if (o->marked) {
            o->marked = 0;
            link = &o->next;
        } else if (mt_unlikely(o->type == OBJ_FIBER && unfinished_thread((Fiber *)o))) {
            link = &o->next; /* registered: kept weakly, its handle or not (sched.c) */
        } else {
            *link = o->next;
            mto_free(vm, o);
        }
    }
    mtmem_sweep_ints(vm);
}

void mtgc_collect(VM *vm) {
    if (vm->gc_running) return;
    vm->gc_running = true;
    mark_roots(vm);
    mtgc_drain(vm);
    mtco_revive_garbage(vm); /* garbage coroutines holding cleanup, to be closed */
    mtth_after_mark(vm);     /* revives unreachable parked threads; marks them */
    mtgc_drain(vm);
    mtt_remove_white(&vm->strings);
    sweep(vm);
    size_t live = vm->bytes_allocated;
    vm->next_gc = live * MT_GC_GROWTH;
    if (vm->next_gc < MT_GC_INITIAL) vm->next_gc = MT_GC_INITIAL;
    mtmem_after_collect(vm);
    vm->gc_running = false;
    mtco_after_collect(vm);
}

/* Frees every object (VM teardown). */
void mtgc_free_all(VM *vm) {
    /* Threads still waiting in a select (those of a dead VM) leave their channels' wait
       lists first, while every channel still exists. */
    mts_cancel_selects(vm);
    Obj *o = vm->objects;
    while (o) {
        Obj *next = o->next;
        mto_free(vm, o);
        o = next;
    }
    vm->objects = NULL;
    mtmem_host_realloc(vm, vm->gray, vm->graycap * sizeof(Obj *), 0);
    vm->gray = NULL;
    vm->graycap = 0;
}
