/*
** call.c — the slow paths of calls and attribute access: arity and keyword arguments,
** constructors, bound methods, natives, and attribute lookup with inline caches.
**
** Calling convention: a call's slot 0 holds the callee (plain functions) or the receiver
** (methods, whose `self` is slot 0); arguments follow. The call's value replaces slot 0.
*/
#include "vm/call.h"
#include "vm/sched.h"
#include "vm/error.h"
#include "vm/foreign.h"
#include "vm/vm.h"
#include "vm/value.h"
#include "vm/table.h"
#include "vm/state.h"
#include "vm/object.h"
#include "vm/gc.h"
#include "vm/fiber.h"
#include "vm/map.h"
#include "vm/opcodes.h"
#include "vm/ops.h"
#include "vm/thread.h"

/* {== Frames ==} */

static const char *fn_name(Proto *p) { return p->name ? p->name->chars : "?"; }

static Step arity_error(VM *vm, Proto *p, int given) {
    bool method = p->pflags & PROTO_METHOD;
    int max = p->nparams - (method ? 1 : 0);
    int min = p->nrequired - (method ? 1 : 0);
    given -= method ? 1 : 0;
    if (given < min) {
        String *missing = p->param_names[given + (method ? 1 : 0)];
        mte_throw(vm, ERR_TYPE, "%s() missing required argument '%s'", fn_name(p), missing->chars);
    } else if (min == max) {
        mte_throw(vm, ERR_TYPE, "%s() takes %d argument%s but %d %s given", fn_name(p), max,
                  max == 1 ? "" : "s", given, given == 1 ? "was" : "were");
    } else {
        mte_throw(vm, ERR_TYPE, "%s() takes %d to %d arguments but %d %s given", fn_name(p), min,
                  max, given, given == 1 ? "was" : "were");
    }
    return STEP_ERROR;
}

/* Pushes a frame for `cl` whose slot 0 is `base`; `have` parameters are supplied in
   base[first..] (first is 0 for methods: self, else 1). Missing ones become UNDEF so the
   function's prologue evaluates their defaults. */
static Step bind_extra(VM *vm, Fiber *f, Closure *cl, Value *base, int have, List *names,
                       uint32_t flags);

/* Room for a frame of p's at stack index base_index: the stack and the frame array grow
   if they must, and either may move the stack, so it returns the frame's base; NULL past
   the recursion limit. */
static Value *frame_room(VM *vm, Fiber *f, size_t base_index, const Proto *p) {
    if (f->nframes >= vm->max_frames) {
        mte_throw(vm, ERR_RECURSION, "maximum recursion depth exceeded (%u frames)",
                  vm->max_frames);
        return NULL;
    }
    Value *stack = mtf_stack(f);
    size_t need = base_index + p->maxstack;
    if (mt_unlikely(stack + need > f->stack_end || f->nframes == f->frames_cap)) {
        if (stack + need > f->stack_end) mtf_ensure_stack(vm, f, need - (size_t)(f->top - stack));
        if (f->nframes == f->frames_cap) mtf_grow_frames(vm, f);
        stack = mtf_stack(f);
    }
    return stack + base_index;
}

/* Links a frame running cl from ip at `base` (frame_room made room for it). */
static void link_frame(Fiber *f, Closure *cl, Value *base, const Instr *ip, uint32_t flags) {
    if (f->nframes == 0) flags |= FRAME_BOTTOM;
    Frame *fr = &f->frames[f->nframes++];
    fr->closure = cl;
    fr->ip = ip;
    frame_set(fr, base, flags);
}

static Step push_frame(VM *vm, Fiber *f, Closure *cl, Value *base, int have, uint32_t flags) {
    Proto *p = cl->proto;
    if (have > p->nparams || have < p->nrequired) {
        /* With no more positional arguments than parameters, a function with *args,
           keyword-only parameters or **kw fills those in its ARGS_EXTRA prologue. */
        if (p->pflags & PROTO_EXTRA) return bind_extra(vm, f, cl, base, have, NULL, flags);
        return arity_error(vm, p, have);
    }
    base = frame_room(vm, f, (size_t)(base - mtf_stack(f)), p);
    if (!base) return STEP_ERROR;
    bool method = p->pflags & PROTO_METHOD;
    Value *next = base + (method ? 0 : 1) + have;
    while (have < p->nparams) {
        *next++ = UNDEF_VAL;
        have++;
    }
    f->top = next;
    link_frame(f, cl, base, p->code, flags);
    return STEP_FRAME;
}

/* {== Variadic functions ==} */

/* What a function's *args holds: a tuple of the extra positional arguments. */
static Value make_varargs(VM *vm, const Value *items, uint32_t n) {
    return OBJ_VAL(mto_tuple_of(vm, items, n));
}

static Step missing_kwonly(VM *vm, Proto *p, uint32_t missing) {
    int k = __builtin_ctz(missing);
    mte_throw(vm, ERR_TYPE, "%s() missing required keyword-only argument '%s'", fn_name(p),
              p->param_names[p->nparams + k]->chars);
    return STEP_ERROR;
}

/* The slots after the positional parameters: *args, keyword-only parameters, **kw. */
static int extra_slots(Proto *p) {
    return !!(p->pflags & PROTO_VARARGS) + p->nkwonly + !!(p->pflags & PROTO_VARKW);
}

/* Binds a call of a function with *args, keyword-only parameters or **kw, and pushes its
   frame: the `have` values at the first parameter's slot (self's for a method) are the
   positional arguments, then the values of the keyword arguments `names` (or NULL). */
static Step bind_extra(VM *vm, Fiber *f, Closure *cl, Value *base, int have, List *names,
                       uint32_t flags) {
    Proto *p = cl->proto;
    bool method = p->pflags & PROTO_METHOD;
    int first = method ? 0 : 1;
    int nkw = names ? (int)names->count : 0;
    int npos = have - nkw, np = p->nparams, nk = p->nkwonly;
    if (npos > np && !(p->pflags & PROTO_VARARGS)) return arity_error(vm, p, npos);
    size_t base_index = (size_t)(base - mtf_stack(f));
    Value extra = NIL_VAL, kwmap = NIL_VAL;
    int ntemps = 0;
    if (names) { /* a spawned thread's names are held by nothing else now */
        mtgc_push_temp(vm, OBJ_VAL(names));
        ntemps++;
    }
    if (p->pflags & PROTO_VARARGS) {
        Value *v = mtf_stack(f) + base_index + first;
        extra = make_varargs(vm, v + np, npos > np ? (uint32_t)(npos - np) : 0);
        mtgc_push_temp(vm, extra);
        ntemps++;
    }
    if (p->pflags & PROTO_VARKW) {
        kwmap = OBJ_VAL(mtm_new(vm, 0));
        mtgc_push_temp(vm, kwmap);
        ntemps++;
    }
    Value out[512]; /* the named parameters: positional, then keyword-only */
    Value *v = mtf_stack(f) + base_index + first;
    for (int j = 0; j < np + nk; j++) out[j] = j < np && j < npos ? v[j] : UNDEF_VAL;
    for (int k = 0; k < nkw; k++) {
        String *name = AS_STRING(names->items[k]);
        int j = -1;
        for (int q = method ? 1 : 0; q < np + nk; q++)
            if (p->param_names[q] == name) {
                j = q;
                break;
            }
        if (j < 0 && IS_NIL(kwmap)) {
            mte_throw(vm, ERR_TYPE, "%s() got an unexpected keyword argument '%s'", fn_name(p),
                      name->chars);
            goto fail;
        }
        if (j >= 0 && !IS_UNDEF(out[j])) {
            mte_throw(vm, ERR_TYPE, "%s() got multiple values for argument '%s'", fn_name(p),
                      name->chars);
            goto fail;
        }
        if (j >= 0) out[j] = v[npos + k];
        else if (!mtm_set(vm, AS_MAP(kwmap), OBJ_VAL(name), v[npos + k])) goto fail;
        v = mtf_stack(f) + base_index + first; /* (mtm_set may collect, never moves the stack) */
    }
    for (int j = 0; j < p->nrequired; j++)
        if (IS_UNDEF(out[j])) {
            if (nkw == 0) {
                arity_error(vm, p, npos);
                goto fail;
            }
            mte_throw(vm, ERR_TYPE, "%s() missing required argument '%s'", fn_name(p),
                      p->param_names[j]->chars);
            goto fail;
        }
    uint32_t missing = 0;
    for (int k = 0; k < nk; k++)
        if ((p->kwrequired >> k & 1) && IS_UNDEF(out[np + k])) missing |= 1u << k;
    if (missing) {
        missing_kwonly(vm, p, missing);
        goto fail;
    }
    /* Lay the slots out: the stack must reach them (and the frame's maxstack after). */
    int total = np + extra_slots(p);
    size_t need = base_index + (size_t)first + (size_t)total + 1;
    if (mtf_stack(f) + need > f->stack_end)
        mtf_ensure_stack(vm, f, need - (size_t)(f->top - mtf_stack(f)));
    v = mtf_stack(f) + base_index + first;
    int s = 0;
    for (int j = 0; j < np; j++) v[s++] = out[j];
    if (p->pflags & PROTO_VARARGS) v[s++] = extra;
    for (int k = 0; k < nk; k++) v[s++] = out[np + k];
    if (p->pflags & PROTO_VARKW) v[s++] = kwmap;
    f->top = v + s;
    mtgc_pop_temp(vm, ntemps);
    /* The frame, as push_frame makes it (the parameters are all in place). */
    base = frame_room(vm, f, base_index, p);
    if (!base) return STEP_ERROR;
    link_frame(f, cl, base, p->code + 1, flags); /* past ARGS_EXTRA */
    return STEP_FRAME;
fail:
    mtgc_pop_temp(vm, ntemps);
    return STEP_ERROR;
}

/* ARGS_EXTRA: the fast path entered a function with exactly its positional arguments, so
 *args is empty, keyword-only parameters take their defaults and **kw is empty. */
Step mtcall_args_extra(VM *vm, Fiber *f, Closure *cl) {
    Proto *p = cl->proto;
    if (p->kwrequired) return missing_kwonly(vm, p, p->kwrequired);
    if (p->pflags & PROTO_VARARGS) {
        Value t = make_varargs(vm, NULL, 0);
        *f->top++ = t;
    }
    for (int k = 0; k < p->nkwonly; k++) *f->top++ = UNDEF_VAL;
    if (p->pflags & PROTO_VARKW) {
        Value m = OBJ_VAL(mtm_new(vm, 0));
        *f->top++ = m;
    }
    return STEP_DONE;
}

/* {== Spread calls: f(*xs, **m) ==} */

/* The name a spread call's errors give its callee. */
static const char *callee_name(Value c, AttrCache *ac) {
    if (ac) return ac->name->chars;
    if (IS_OBJ_TYPE(c, OBJ_BOUND)) c = ((Bound *)AS_OBJ(c))->method;
    if (IS_CLOSURE(c)) return fn_name(AS_CLOSURE(c)->proto);
    if (IS_OBJ_TYPE(c, OBJ_NATIVE)) return ((Native *)AS_OBJ(c))->name->chars;
    if (IS_CLASS(c)) return AS_CLASS(c)->name->chars;
    return "?";
}

static AttrCache *spread_cache(Proto *p, Instr i) {
    return INSTR_A8(i) == 2 ? &p->caches[INSTR_B16(i)] : NULL;
}

/* ARGS_ITER: [f, list, x] -> [f, list, iterator of x], or an error naming f. */
Step mtcall_args_iter(VM *vm, Fiber *f, Instr i, Proto *p) {
    Value x = f->top[-1];
    if (!mtop_iterable(vm, x)) {
        mte_throw(vm, ERR_TYPE, "%s() argument after * must be iterable, not %s",
                  callee_name(f->top[-3], spread_cache(p, i)), mtv_type_name(x));
        return STEP_ERROR;
    }
    return mtop_iter(vm, f);
}

/* KW_MERGE: [f, list, map, m] -> [f, list, map] with m's entries added to map. */
Step mtcall_kw_merge(VM *vm, Fiber *f, Instr i, Proto *p) {
    Value m = f->top[-1];
    Map *into = AS_MAP(f->top[-2]);
    const char *fname = callee_name(f->top[-4], spread_cache(p, i));
    if (!IS_MAP(m)) {
        mte_throw(vm, ERR_TYPE, "%s() argument after ** must be a map, not %s", fname,
                  mtv_type_name(m));
        return STEP_ERROR;
    }
    MAP_FOREACH(AS_MAP(m), node) {
        if (IS_UNDEF(node->key)) continue;
        if (!IS_STRING(node->key)) {
            mte_throw(vm, ERR_TYPE, "%s() keywords must be strings, not %s", fname,
                      mtv_type_name(node->key));
            return STEP_ERROR;
        }
        Value old;
        bool failed;
        if (mtm_get(vm, into, node->key, &old, &failed)) {
            mte_throw(vm, ERR_TYPE, "%s() got multiple values for argument '%s'", fname,
                      AS_STRING(node->key)->chars);
            return STEP_ERROR;
        }
        if (!mtm_set(vm, into, node->key, node->value)) return STEP_ERROR;
    }
    f->top--;
    return STEP_DONE;
}

/* CALL_SPREAD: [f, list, map or nil] -> the call with the list's items as positional
   arguments and the map's entries as keyword arguments. */
Step mtcall_call_spread(VM *vm, Fiber *f, Instr i, Proto *p) {
    Value *callee = f->top - 3;
    size_t idx = (size_t)(callee - mtf_stack(f));
    Value args = callee[1], kw = callee[2];
    List *pos = AS_LIST(args);
    Map *km = IS_NIL(kw) ? NULL : AS_MAP(kw);
    uint32_t nkw = 0;
    if (km) MAP_FOREACH(km, node) if (!IS_UNDEF(node->key)) nkw++;
    uint32_t argc = pos->count + nkw;
    if (argc > 100000) {
        mte_throw(vm, ERR_VALUE, "too many arguments in one call (%u)", argc);
        return STEP_ERROR;
    }
    mtgc_push_temp(vm, args);
    mtgc_push_temp(vm, kw);
    List *names = NULL;
    if (nkw) {
        names = mto_list(vm, nkw);
        mtgc_push_temp(vm, OBJ_VAL(names));
        MAP_FOREACH(km, node) if (!IS_UNDEF(node->key)) names->items[names->count++] = node->key;
    }
    mtf_ensure_stack(vm, f, argc + 2);
    callee = mtf_stack(f) + idx;
    Value *a = callee + 1;
    if (pos->count) memcpy(a, pos->items, pos->count * sizeof(Value));
    a += pos->count;
    if (km) MAP_FOREACH(km, node) if (!IS_UNDEF(node->key)) *a++ = node->value;
    f->top = a;
    Step s;
    switch (INSTR_A8(i)) {
    case 1: s = mtth_spawn(vm, f, callee, (int)argc, names); break;
    case 2:
        s = names ? mtcall_invoke_kw(vm, f, (int)argc, spread_cache(p, i), names)
                  : mtcall_invoke(vm, f, (int)argc, spread_cache(p, i));
        break;
    default:
        s = names ? mtcall_call_kw(vm, f, callee, (int)argc, names)
                  : mtcall_call(vm, f, callee, (int)argc);
        break;
    }
    mtgc_pop_temp(vm, names ? 3 : 2);
    return s;
}

bool mtcall_push_frame(VM *vm, Fiber *f, Closure *cl, Value *base, int argc, uint32_t flags) {
    bool method = cl->proto->pflags & PROTO_METHOD;
    return push_frame(vm, f, cl, base, argc + (method ? 1 : 0), flags) == STEP_FRAME;
}

/* {== Natives ==} */

/* A native parked its thread for I/O: remember the call, to run it again on resume. */
static Step retry_later(Fiber *f, Value callee, int argc) {
    Fiber *t = mts_thread_of(f);
    t->wait.value = callee;
    f->pending = pending_retry((uint32_t)argc);
    return STEP_SWITCH;
}

Step mtcall_retry(VM *vm, Fiber *f, int argc) {
    Fiber *t = mts_thread_of(f);
    Value callee = t->wait.value;
    t->wait.value = NIL_VAL;
    Value *args = f->top - argc - 1;
    NativeFn fn = IS_OBJ_TYPE(callee, OBJ_NATIVE) ? ((Native *)AS_OBJ(callee))->fn
                                                  : ((Foreign *)AS_OBJ(callee))->ops->next;
    int r = fn(vm, args, argc);
    if (r == NATIVE_END) { /* a foreign `next`: the for loop ends */
        f->top = args;
        return STEP_JUMP;
    }
    return mtcall_native_result(vm, f, args, argc, callee, r);
}

Step mtcall_native_result(VM *vm, Fiber *f, Value *args, int argc, Value callee, int r) {
    switch (r) {
    case NATIVE_RETRY: return retry_later(f, callee, argc);
    case NATIVE_OK: f->top = args + 1; return STEP_DONE;
    case NATIVE_ERROR: return STEP_ERROR;
    case NATIVE_CALL: {
        /* The native rewrote its slots into a call and set f->top: run it here. */
        args = mtf_stack(f) + vm->tail_base;
        int argc = (int)(f->top - args - 1);
        return mtcall_call(vm, f, args, argc);
    }
    default: return STEP_SWITCH;
    }
}

static Step call_native(VM *vm, Fiber *f, Native *n, Value *args, int argc) {
    if (argc < n->min_args || (n->max_args >= 0 && argc > n->max_args)) {
        if (n->min_args == n->max_args)
            mte_throw(vm, ERR_TYPE, "%s() takes %d argument%s but %d %s given", n->name->chars,
                      n->min_args, n->min_args == 1 ? "" : "s", argc, argc == 1 ? "was" : "were");
        else if (argc < n->min_args)
            mte_throw(vm, ERR_TYPE, "%s() takes at least %d argument%s but %d %s given",
                      n->name->chars, n->min_args, n->min_args == 1 ? "" : "s", argc,
                      argc == 1 ? "was" : "were");
        else
            mte_throw(vm, ERR_TYPE, "%s() takes at most %d argument%s but %d %s given",
                      n->name->chars, n->max_args, n->max_args == 1 ? "" : "s", argc,
                      argc == 1 ? "was" : "were");
        return STEP_ERROR;
    }
    f->top = args + argc + 1;
    vm->native = n;
    int r = n->fn(vm, args, argc);
    return mtcall_native_result(vm, f, args, argc, OBJ_VAL(n), r);
}

/* {== Calls ==} */

/* Calls `method` with the receiver in slot 0 (args[0]) and argc arguments after it. */
static Step call_method(VM *vm, Fiber *f, Value *recv, int argc, Value method, uint32_t flags) {
    if (IS_CLOSURE(method)) {
        Closure *cl = AS_CLOSURE(method);
        if (cl->proto->pflags & PROTO_METHOD) return push_frame(vm, f, cl, recv, argc + 1, flags);
        *recv = method; /* a plain function stored as a method: no self */
        return push_frame(vm, f, cl, recv, argc, flags);
    }
    if (IS_OBJ_TYPE(method, OBJ_NATIVE))
        return call_native(vm, f, (Native *)AS_OBJ(method), recv, argc);
    *recv = method;
    return mtcall_call(vm, f, recv, argc);
}

static Step construct(VM *vm, Fiber *f, Value *callee, int argc) {
    Class *k = AS_CLASS(*callee);
    if (k->convert) return call_native(vm, f, k->convert, callee, argc); /* int("3") */
    if (k->foreign) { /* its objects have a payload only its library can make */
        if (k->foreign->construct) {
            f->top = callee + argc + 1;
            int r = k->foreign->construct(vm, callee, argc);
            return mtcall_native_result(vm, f, callee, argc, *callee, r);
        }
        mte_throw(vm, ERR_TYPE, "%s objects cannot be made by calling the class", k->name->chars);
        return STEP_ERROR;
    }
    Instance *inst = mto_instance(vm, k);
    *callee = OBJ_VAL(inst);
    if (k->builtin_tag >= 0) /* an error class: message is "" until an init sets it */
        mto_instance_set(vm, inst, vm->names.message, OBJ_VAL(mto_intern(vm, "", 0)));
    if (IS_UNDEF(k->init)) {
        if (argc > 0) {
            mte_throw(vm, ERR_TYPE, "%s() takes no arguments (it has no init method)",
                      k->name->chars);
            return STEP_ERROR;
        }
        f->top = callee + 1;
        return STEP_DONE;
    }
    if (IS_CLOSURE(k->init)) return call_method(vm, f, callee, argc, k->init, FRAME_CTOR);
    /* A native init (the error classes): its result is the instance. */
    mtgc_push_temp(vm, OBJ_VAL(inst));
    Step s = call_native(vm, f, (Native *)AS_OBJ(k->init), callee, argc);
    mtgc_pop_temp(vm, 1);
    if (s == STEP_DONE) f->top[-1] = OBJ_VAL(inst);
    return s;
}

/* Calling an instance: its class's call method (SPEC 5.9). */
static MT_NOINLINE Step call_instance(VM *vm, Fiber *f, Value *callee, int argc) {
    Value m;
    if (mtt_get(&AS_INSTANCE(*callee)->klass->methods, vm->names.call, &m))
        return call_method(vm, f, callee, argc, m, 0);
    mte_throw(vm, ERR_TYPE, "'%s' is not callable", mtv_type_name(*callee));
    return STEP_ERROR;
}

Step mtcall_call(VM *vm, Fiber *f, Value *callee, int argc) {
    Value c = *callee;
    if (IS_OBJ(c)) {
        switch ((ObjType)AS_OBJ(c)->type) {
        case OBJ_CLOSURE: {
            Closure *cl = AS_CLOSURE(c);
            if (cl->proto->pflags & PROTO_METHOD) {
                /* An unbound method called as a function: the first argument is self. */
                if (argc == 0) return arity_error(vm, cl->proto, 0);
                memmove(callee, callee + 1, (size_t)argc * sizeof(Value));
                f->top--;
                return push_frame(vm, f, cl, callee, argc, 0);
            }
            return push_frame(vm, f, cl, callee, argc, 0);
        }
        case OBJ_NATIVE: return call_native(vm, f, (Native *)AS_OBJ(c), callee, argc);
        case OBJ_CLASS: return construct(vm, f, callee, argc);
        case OBJ_BOUND: {
            Bound *b = (Bound *)AS_OBJ(c);
            *callee = b->self;
            return call_method(vm, f, callee, argc, b->method, 0);
        }
        default: break;
        }
        if (IS_INSTANCE(c)) return call_instance(vm, f, callee, argc);
    }
    mte_throw(vm, ERR_TYPE, "'%s' is not callable", mtv_type_name(c));
    return STEP_ERROR;
}

/* {== Keyword arguments ==} */

/* Rearranges args[1..] (positional, then keyword values) into parameter order for a callee
   whose parameters are `params[0..np)`. Missing parameters become UNDEF. */
static bool place_keywords(VM *vm, Fiber *f, Value *args, int argc, List *names, String **params,
                           const char *const *cparams, int np, const char *fname) {
    int nkw = (int)names->count;
    int npos = argc - nkw;
    if (npos > np) {
        mte_throw(vm, ERR_TYPE, "%s() takes %d argument%s but %d %s given", fname, np,
                  np == 1 ? "" : "s", npos, npos == 1 ? "was" : "were");
        return false;
    }
    Value out[256];
    for (int j = 0; j < np; j++) out[j] = j < npos ? args[1 + j] : UNDEF_VAL;
    for (int k = 0; k < nkw; k++) {
        String *name = AS_STRING(names->items[k]);
        int j = -1;
        for (int q = 0; q < np; q++) {
            if (params ? params[q] == name : strcmp(cparams[q], name->chars) == 0) {
                j = q;
                break;
            }
        }
        if (j < 0) {
            mte_throw(vm, ERR_TYPE, "%s() got an unexpected keyword argument '%s'", fname,
                      name->chars);
            return false;
        }
        if (!IS_UNDEF(out[j])) {
            mte_throw(vm, ERR_TYPE, "%s() got multiple values for argument '%s'", fname,
                      name->chars);
            return false;
        }
        out[j] = args[1 + npos + k];
    }
    size_t idx = (size_t)(args - mtf_stack(f));
    if (np > argc) {
        mtf_ensure_stack(vm, f, (size_t)(np - argc) + 1);
        args = mtf_stack(f) + idx;
    }
    for (int j = 0; j < np; j++) args[1 + j] = out[j];
    f->top = args + 1 + np;
    return true;
}

static bool check_required(VM *vm, Proto *p, Value *args, int offset) {
    int first = (p->pflags & PROTO_METHOD) ? 1 : 0;
    for (int j = first; j < p->nrequired; j++) {
        if (IS_UNDEF(args[1 + j - first + offset])) {
            mte_throw(vm, ERR_TYPE, "%s() missing required argument '%s'", fn_name(p),
                      p->param_names[j]->chars);
            return false;
        }
    }
    return true;
}

/* Keyword call of `target` with the receiver or callee in args[0]. `with_self`: args[0] is
   self for a method closure. */
static Step call_kw_target(VM *vm, Fiber *f, Value *args, int argc, List *names, Value target,
                           bool with_self, uint32_t flags) {
    if (IS_CLOSURE(target)) {
        Closure *cl = AS_CLOSURE(target);
        Proto *p = cl->proto;
        bool method = p->pflags & PROTO_METHOD;
        String **params = p->param_names + (method ? 1 : 0);
        int np = p->nparams - (method ? 1 : 0);
        if (method && !with_self) {
            /* Unbound method: the first positional argument is self. */
            if (argc - (int)names->count < 1) return arity_error(vm, p, 0);
            memmove(args, args + 1, (size_t)argc * sizeof(Value));
            f->top--;
            argc--;
        } else if (!method) {
            *args = target;
        }
        if (p->pflags & PROTO_EXTRA)
            return bind_extra(vm, f, cl, args, argc + (method ? 1 : 0), names, flags);
        size_t idx = (size_t)(args - mtf_stack(f));
        if (!place_keywords(vm, f, args, argc, names, params, NULL, np, fn_name(p)))
            return STEP_ERROR;
        args = mtf_stack(f) + idx;
        if (!check_required(vm, p, args, 0)) return STEP_ERROR;
        return push_frame(vm, f, cl, args, p->nparams, flags);
    }
    if (IS_OBJ_TYPE(target, OBJ_NATIVE)) {
        Native *n = (Native *)AS_OBJ(target);
        if (!n->params) {
            mte_throw(vm, ERR_TYPE, "%s() takes no keyword arguments", n->name->chars);
            return STEP_ERROR;
        }
        int np = 0;
        while (n->params[np]) np++;
        if (!with_self) *args = target;
        size_t idx = (size_t)(args - mtf_stack(f));
        if (!place_keywords(vm, f, args, argc, names, NULL, n->params, np, n->name->chars))
            return STEP_ERROR;
        args = mtf_stack(f) + idx;
        while (np > 0 && IS_UNDEF(args[np])) np--; /* trailing omitted arguments */
        f->top = args + 1 + np;
        return call_native(vm, f, n, args, np);
    }
    mte_throw(vm, ERR_TYPE, "'%s' does not take keyword arguments", mtv_type_name(target));
    return STEP_ERROR;
}

Step mtcall_call_kw(VM *vm, Fiber *f, Value *callee, int argc, List *names) {
    Value c = *callee;
    if (IS_CLASS(c)) {
        Class *k = AS_CLASS(c);
        if (k->convert) /* a built-in type: its conversion's keywords (int(s, base = 16)) */
            return call_kw_target(vm, f, callee, argc, names, OBJ_VAL(k->convert), false, 0);
        if (IS_UNDEF(k->init)) return construct(vm, f, callee, argc);
        Instance *inst = mto_instance(vm, k);
        *callee = OBJ_VAL(inst);
        if (k->builtin_tag >= 0)
            mto_instance_set(vm, inst, vm->names.message, OBJ_VAL(mto_intern(vm, "", 0)));
        if (IS_CLOSURE(k->init))
            return call_kw_target(vm, f, callee, argc, names, k->init, true, FRAME_CTOR);
        mtgc_push_temp(vm, OBJ_VAL(inst));
        Step s = call_kw_target(vm, f, callee, argc, names, k->init, true, 0);
        mtgc_pop_temp(vm, 1);
        if (s == STEP_DONE) f->top[-1] = OBJ_VAL(inst);
        return s;
    }
    if (IS_OBJ_TYPE(c, OBJ_BOUND)) {
        Bound *b = (Bound *)AS_OBJ(c);
        *callee = b->self;
        return call_kw_target(vm, f, callee, argc, names, b->method, true, 0);
    }
    Value m;
    if (IS_INSTANCE(c) && mtt_get(&AS_INSTANCE(c)->klass->methods, vm->names.call, &m))
        return call_kw_target(vm, f, callee, argc, names, m, true, 0);
    return call_kw_target(vm, f, callee, argc, names, c, false, 0);
}

/* {== Attributes ==} */

/* Methods of builtin values (strings, lists, ...). Threads are fibers too. */
static bool builtin_method(VM *vm, Value obj, String *name, Value *out) {
    TypeTag t = mtv_type(obj);
    if (t == TYPE__COUNT) return false;
    if (t == TYPE_FOREIGN) return mtt_get(&((Foreign *)AS_OBJ(obj))->klass->methods, name, out);
    return mtt_get(&vm->type_methods[t], name, out);
}

/* Caches a builtin type's native method at an INVOKE site, whose argument count never
   changes: only if it takes argc arguments, so INVOKE's fast path need not check. A cache
   holding a builtin key holds a native, which INVOKE calls without looking (the builtin
   types' methods are all natives today; one written in Mt would simply not be cached).
   Foreign objects are not cached: their cache key (the object type) would not tell one
   foreign class from another. */
static void cache_builtin(AttrCache *ac, Value obj, Value method, int argc) {
    if (!IS_OBJ(obj) || IS_OBJ_TYPE(obj, OBJ_FOREIGN) || !IS_OBJ_TYPE(method, OBJ_NATIVE)) return;
    const Native *n = (const Native *)AS_OBJ(method);
    if (argc < n->min_args || (n->max_args >= 0 && argc > n->max_args)) return;
    ac->klass = mtcall_builtin_key(AS_OBJ(obj));
    ac->method = method;
    ac->index = UINT32_MAX;
}

static bool attr_error(VM *vm, Value obj, String *name) {
    if (IS_INSTANCE(obj))
        mte_throw(vm, ERR_ATTRIBUTE, "'%s' object has no attribute '%s'",
                  AS_INSTANCE(obj)->klass->name->chars, name->chars);
    else if (IS_OBJ_TYPE(obj, OBJ_MODULE))
        mte_throw(vm, ERR_ATTRIBUTE, "module '%s' has no attribute '%s'",
                  ((Module *)AS_OBJ(obj))->name->chars, name->chars);
    else if (IS_CLASS(obj))
        mte_throw(vm, ERR_ATTRIBUTE, "class '%s' has no attribute '%s'", AS_CLASS(obj)->name->chars,
                  name->chars);
    else
        mte_throw(vm, ERR_ATTRIBUTE, "'%s' object has no attribute '%s'", mtv_type_name(obj),
                  name->chars);
    return false;
}

static bool module_get(VM *vm, Module *m, String *name, Value *out) {
    Value idx;
    if (mtt_get(&m->names, name, &idx)) {
        uint32_t slot = (uint32_t)AS_SMALLINT(idx);
        if (m->declared[slot] && !IS_UNDEF(m->values[slot])) {
            *out = m->values[slot];
            return true;
        }
    }
    return attr_error(vm, OBJ_VAL(m), name);
}

/* module_get for an INVOKE site, which caches the name's slot in the module (the site's
   key is the module itself), so a call such as math.sqrt(x) looks the name up once. */
static bool module_get_cached(VM *vm, Module *m, AttrCache *ac, Value *out) {
    if (ac->klass == m && ac->index < m->nvalues && m->declared[ac->index] &&
        !IS_UNDEF(m->values[ac->index])) {
        *out = m->values[ac->index];
        return true;
    }
    Value idx;
    if (mtt_get(&m->names, ac->name, &idx)) {
        ac->klass = m;
        ac->index = (uint32_t)AS_SMALLINT(idx);
    }
    return module_get(vm, m, ac->name, out);
}

/* Reads a property native (co.done, t.alive, ...). */
static bool read_property(VM *vm, Native *n, Value obj, Value *out) {
    Value tmp[2] = {obj, NIL_VAL};
    mtgc_push_temp(vm, obj);
    int r = n->fn(vm, tmp, 0);
    mtgc_pop_temp(vm, 1);
    if (r != NATIVE_OK) return false;
    *out = tmp[0];
    return true;
}

/* A class variable or static function of k or of a base (the nearest). */
static bool class_static(Class *k, String *name, Value *out) {
    for (; k; k = k->super)
        if (k->statics.count && mtt_get(&k->statics, name, out)) return true;
    return false;
}

/* f.doc: the docstring of a function written in Mt (SPEC 5.8), else nil. */
static bool function_doc(VM *vm, Value obj, String *name, Value *out) {
    if (name != vm->names.doc) return false;
    if (IS_OBJ_TYPE(obj, OBJ_BOUND)) obj = ((Bound *)AS_OBJ(obj))->method;
    if (IS_CLOSURE(obj)) {
        String *d = AS_CLOSURE(obj)->proto->doc;
        *out = d ? OBJ_VAL(d) : NIL_VAL;
        return true;
    }
    if (IS_OBJ_TYPE(obj, OBJ_NATIVE)) {
        *out = NIL_VAL;
        return true;
    }
    return false;
}

bool mtcall_get(VM *vm, Value obj, String *name, Value *out) {
    if (IS_INSTANCE(obj)) {
        Instance *in = AS_INSTANCE(obj);
        if (mto_instance_get(in, name, out)) return true;
        Value m;
        if (mtt_get(&in->klass->methods, name, &m)) {
            *out = OBJ_VAL(mto_bound(vm, obj, m));
            return true;
        }
        if (class_static(in->klass, name, out)) return true;
        return attr_error(vm, obj, name);
    }
    if (IS_CLASS(obj)) {
        Class *k = AS_CLASS(obj);
        if (mtt_get(&k->methods, name, out)) return true;
        if (class_static(k, name, out)) return true;
        if (name == vm->names.doc) {
            *out = k->doc;
            return true;
        }
        return attr_error(vm, obj, name);
    }
    if (function_doc(vm, obj, name, out)) return true;
    if (IS_OBJ_TYPE(obj, OBJ_MODULE)) return module_get(vm, (Module *)AS_OBJ(obj), name, out);
    Value m;
    if (builtin_method(vm, obj, name, &m)) {
        if (IS_OBJ_TYPE(m, OBJ_NATIVE) && (AS_OBJ(m)->flags & NATIVE_PROPERTY))
            return read_property(vm, (Native *)AS_OBJ(m), obj, out);
        *out = OBJ_VAL(mto_bound(vm, obj, m));
        return true;
    }
    return attr_error(vm, obj, name);
}

bool mtcall_get_cached(VM *vm, Value obj, AttrCache *ac, Value *out) {
    if (IS_INSTANCE(obj)) {
        Instance *in = AS_INSTANCE(obj);
        Value idx;
        if (mtt_get(&in->klass->fields, ac->name, &idx)) {
            uint32_t slot = (uint32_t)AS_SMALLINT(idx);
            ac->klass = in->klass;
            ac->index = slot;
            if (slot < in->nfields && !IS_UNDEF(in->fields[slot])) {
                *out = in->fields[slot];
                return true;
            }
        }
    }
    return mtcall_get(vm, obj, ac->name, out);
}

bool mtcall_set(VM *vm, Value obj, String *name, Value v) {
    if (IS_INSTANCE(obj)) {
        mto_instance_set(vm, AS_INSTANCE(obj), name, v);
        return true;
    }
    if (IS_OBJ_TYPE(obj, OBJ_MODULE)) {
        Module *m = (Module *)AS_OBJ(obj);
        Value idx;
        if (mtt_get(&m->names, name, &idx) && m->declared[AS_SMALLINT(idx)]) {
            m->values[AS_SMALLINT(idx)] = v;
            return true;
        }
        return attr_error(vm, obj, name);
    }
    if (IS_CLASS(obj) && !AS_CLASS(obj)->foreign && !AS_CLASS(obj)->convert) {
        /* A class variable (SPEC 5.9; built-in types' classes have none): its methods stay as the
         * class statement made them. */
        Class *k = AS_CLASS(obj);
        Value m;
        if (mtt_get(&k->methods, name, &m)) {
            mte_throw(vm, ERR_ATTRIBUTE, "cannot assign to method '%s' of class '%s'", name->chars,
                      k->name->chars);
            return false;
        }
        mtt_set(vm, &k->statics, name, v);
        return true;
    }
    mte_throw(vm, ERR_ATTRIBUTE, "cannot set attribute '%s' on a %s value", name->chars,
              mtv_type_name(obj));
    return false;
}

bool mtcall_set_cached(VM *vm, Value obj, AttrCache *ac, Value v) {
    if (!mtcall_set(vm, obj, ac->name, v)) return false;
    if (IS_INSTANCE(obj)) {
        Instance *in = AS_INSTANCE(obj);
        Value idx;
        if (mtt_get(&in->klass->fields, ac->name, &idx)) {
            ac->klass = in->klass;
            ac->index = (uint32_t)AS_SMALLINT(idx);
        }
    }
    return true;
}

bool mtcall_find_method(VM *vm, Value obj, String *name, Value *out) {
    if (IS_INSTANCE(obj)) return mtt_get(&AS_INSTANCE(obj)->klass->methods, name, out);
    return builtin_method(vm, obj, name, out);
}

/* {== Invocation: obj.name(args) ==} */

Step mtcall_invoke(VM *vm, Fiber *f, int argc, AttrCache *ac) {
    Value *recv = f->top - argc - 1;
    Value obj = *recv;
    String *name = ac->name;
    if (IS_INSTANCE(obj)) {
        Instance *in = AS_INSTANCE(obj);
        Value v;
        if (mto_instance_get(in, name, &v)) {
            *recv = v;
            return mtcall_call(vm, f, recv, argc);
        }
        if (mtt_get(&in->klass->methods, name, &v)) {
            ac->klass = in->klass;
            ac->method = v;
            ac->index = UINT32_MAX;
            ac->shape = in->klass->nfields;
            return call_method(vm, f, recv, argc, v, 0);
        }
        if (class_static(in->klass, name, &v)) { /* a static function: no self */
            *recv = v;
            return mtcall_call(vm, f, recv, argc);
        }
        attr_error(vm, obj, name);
        return STEP_ERROR;
    }
    if (IS_CLASS(obj) || IS_OBJ_TYPE(obj, OBJ_MODULE)) {
        Value v;
        bool found = IS_CLASS(obj) ? mtcall_get(vm, obj, name, &v)
                                   : module_get_cached(vm, (Module *)AS_OBJ(obj), ac, &v);
        if (!found) return STEP_ERROR;
        *recv = v;
        return mtcall_call(vm, f, recv, argc);
    }
    Value m;
    if (builtin_method(vm, obj, name, &m)) {
        if (IS_OBJ_TYPE(m, OBJ_NATIVE) && (AS_OBJ(m)->flags & NATIVE_PROPERTY)) {
            Value v;
            if (!read_property(vm, (Native *)AS_OBJ(m), obj, &v)) return STEP_ERROR;
            *recv = v;
            return mtcall_call(vm, f, recv, argc);
        }
        cache_builtin(ac, obj, m, argc);
        return call_method(vm, f, recv, argc, m, 0);
    }
    attr_error(vm, obj, name);
    return STEP_ERROR;
}

Step mtcall_invoke_kw(VM *vm, Fiber *f, int argc, AttrCache *ac, List *names) {
    Value *recv = f->top - argc - 1;
    Value obj = *recv;
    Value m;
    if (IS_INSTANCE(obj)) {
        Value v;
        if (mto_instance_get(AS_INSTANCE(obj), ac->name, &v)) {
            *recv = v;
            return mtcall_call_kw(vm, f, recv, argc, names);
        }
    }
    if (IS_INSTANCE(obj) || (!IS_CLASS(obj) && !IS_OBJ_TYPE(obj, OBJ_MODULE))) {
        if (mtcall_find_method(vm, obj, ac->name, &m) &&
            !(IS_OBJ_TYPE(m, OBJ_NATIVE) && (AS_OBJ(m)->flags & NATIVE_PROPERTY)))
            return call_kw_target(vm, f, recv, argc, names, m, true, 0);
    }
    Value v;
    if (!mtcall_get(vm, obj, ac->name, &v)) return STEP_ERROR;
    *recv = v;
    return mtcall_call_kw(vm, f, recv, argc, names);
}

Step mtcall_super_invoke(VM *vm, Fiber *f, int argc, AttrCache *ac, Class *super) {
    Value *recv = f->top - argc - 1;
    Value m;
    if (!mtt_get(&super->methods, ac->name, &m)) {
        mte_throw(vm, ERR_ATTRIBUTE, "base class '%s' has no method '%s'", super->name->chars,
                  ac->name->chars);
        return STEP_ERROR;
    }
    return call_method(vm, f, recv, argc, m, 0);
}

/* Invokes a method by name without a cache site (iteration protocol, helpers). */
Step mtcall_invoke_name(VM *vm, Fiber *f, int argc, String *name) {
    AttrCache ac;
    ac.name = name;
    ac.klass = NULL;
    ac.method = NIL_VAL;
    ac.index = 0;
    ac.shape = 0;
    return mtcall_invoke(vm, f, argc, &ac);
}
