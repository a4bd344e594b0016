/*
** lib_prelude.c — loads prelude.mt (embedded at build time) and the small natives it uses.
*/
#include "stdlib/lib.h"
#include "vm/error.h"
#include "vm/gc.h"
#include "vm/module.h"
#include "vm/object.h"
#include "vm/sched.h"
#include "vm/state.h"
#include "vm/thread.h"

static const char prelude_src[] =
#include "prelude.inc"
    ;

/* _kind(v): 1 list, 2 map, 3 str, 4 set, 5 frozenset, 6 tuple, 0 anything else. */
static int pre_kind(VM *vm, Value *args, int argc) {
    MT_UNUSED(vm);
    MT_UNUSED(argc);
    Value v = args[1];
    if (IS_OBJ_TYPE(v, OBJ_SET)) RETURN(SMALLINT_VAL((AS_OBJ(v)->flags & SET_FROZEN) ? 5 : 4));
    RETURN(SMALLINT_VAL(IS_LIST(v) ? 1 : IS_MAP(v) ? 2 : IS_STRING(v) ? 3 : IS_TUPLE(v) ? 6 : 0));
}

/* _same(a, b): identity. */
static int pre_same(VM *vm, Value *args, int argc) {
    MT_UNUSED(vm);
    MT_UNUSED(argc);
    RETURN(BOOL_VAL(args[1] == args[2]));
}

/* list(xs=nil): a new list of the items of any iterable. */
static int pre_list(VM *vm, Value *args, int argc) {
    if (argc == 0 || IS_NIL(args[1])) RETURN(OBJ_VAL(mto_list(vm, 0)));
    Value x = args[1];
    if (IS_LIST(x)) {
        List *l = AS_LIST(x);
        List *r = mto_list(vm, l->count);
        if (l->count) memcpy(r->items, l->items, l->count * sizeof(Value));
        r->count = l->count;
        RETURN(OBJ_VAL(r));
    }
    if (IS_OBJ_TYPE(x, OBJ_RANGE)) {
        Range *rg = (Range *)AS_OBJ(x);
        int64_t n;
        if (!mto_range_len(rg, &n) || n > (1 << 28))
            return mte_throw(vm, ERR_MEMORY, "list(): range too long");
        List *r = mto_list(vm, (uint32_t)n);
        for (int64_t i = 0; i < n; i++)
            r->items[r->count++] = mto_int(vm, rg->start + i * rg->step);
        RETURN(OBJ_VAL(r));
    }
    return mtlib_tail_call(vm, args, mtlib_prelude(vm, "_list"), 1, &x);
}

static const LibReg prelude_natives[] = {
    {"_kind", pre_kind, 1, 1, NULL, false},
    {"_same", pre_same, 2, 2, NULL, false},
    {NULL, NULL, 0, 0, NULL, false},
};

static const LibReg builtin_natives[] = {
    {"list", pre_list, 0, 1, NULL, false},
    {NULL, NULL, 0, 0, NULL, false},
};

static const char *const exports[] = {"map",   "filter", "sorted", "enumerate", "zip",
                                      "input", "any",    "all",    "reversed",  NULL};

/* Error reports while the prelude loads are dropped: its top level only defines functions,
   so an error there is memory running out, and mt_new reports that by returning NULL. */
static void discard(mt_VM *vm, const char *text, size_t len, void *ud) {
    MT_UNUSED(vm);
    MT_UNUSED(text);
    MT_UNUSED(len);
    MT_UNUSED(ud);
}

bool mtprelude_open(VM *vm) {
    mtlib_register(vm, builtin_natives);
    String *name = mto_intern_z(vm, "<prelude>");
    mtgc_push_temp(vm, OBJ_VAL(name));
    Module *m = mto_module(vm, name, NULL);
    vm->prelude = m;
    mtgc_pop_temp(vm, 1);
    mtlib_define_in_module(vm, m, prelude_natives);
    mtlib_define_in_module(vm, m, mtlist_hidden);
    Closure *cl = mtmod_compile(vm, m, prelude_src, sizeof prelude_src - 1, false);
    if (!cl) return false; /* a broken prelude is a build bug; the tests catch it */
    mtgc_push_temp(vm, OBJ_VAL(cl));
    /* Run its top level (it only defines functions) on a thread of its own. */
    Fiber *t = mtth_start_main(vm, cl);
    vm->main = NULL;
    MT_UNUSED(t);
    mtgc_pop_temp(vm, 1);
    mt_WriteFn write_err = vm->config.write_err;
    vm->config.write_err = discard;
    int status = mts_run(vm);
    vm->config.write_err = write_err;
    if (status != 0 || vm->error_reported || vm->mem.dead) return false;
    vm->sched->next_thread_id = 1;
    for (int i = 0; exports[i]; i++) mtlib_define(vm, exports[i], mtlib_prelude(vm, exports[i]));
    return true;
}
