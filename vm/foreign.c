/*
** foreign.c — foreign classes and objects (see foreign.h).
**
** Each VM keeps the foreign classes registered in it in a small array, searched by the
** ops pointer: a program has a handful of them, and they are looked up when an object is
** made, not when it is used.
*/
#include "vm/foreign.h"

#include "vm/vm.h"
#include "vm/state.h"
#include "vm/object.h"
#include "vm/mem.h"
#include "vm/gc.h"

Class *mtfo_class(VM *vm, const ForeignOps *ops) {
    for (uint32_t i = 0; i < vm->nforeign; i++)
        if (vm->foreign[i]->foreign == ops) return vm->foreign[i];
    return NULL;
}

Class *mtfo_new_class(VM *vm, const ForeignOps *ops) {
    Class *k = mtfo_class(vm, ops);
    if (k) return k;
    if (vm->nforeign == vm->foreign_cap) {
        uint32_t cap = vm->foreign_cap ? vm->foreign_cap * 2 : 4;
        vm->foreign = mtmem_realloc(vm, vm->foreign, vm->foreign_cap * sizeof(Class *),
                                    cap * sizeof(Class *));
        vm->foreign_cap = cap;
    }
    String *name = mto_intern_z(vm, ops->name);
    mtgc_push_temp(vm, OBJ_VAL(name)); /* making the class may collect */
    k = mto_class(vm, name, NULL);
    mtgc_pop_temp(vm, 1);
    k->foreign = ops;
    vm->foreign[vm->nforeign++] = k;
    return k;
}

void *mtfo_new(VM *vm, const ForeignOps *ops, Value *out) {
    Class *k = mtfo_class(vm, ops);
    Foreign *o = (Foreign *)mto_alloc(vm, sizeof(Foreign) + ops->size, OBJ_FOREIGN);
    o->klass = k;
    o->ops = ops;
    memset(o->payload, 0, ops->size);
    *out = OBJ_VAL(o);
    return o->payload;
}

void *mtfo_payload(Value v, const ForeignOps *ops) {
    if (!IS_OBJ_TYPE(v, OBJ_FOREIGN)) return NULL;
    Foreign *o = (Foreign *)AS_OBJ(v);
    return o->ops == ops ? o->payload : NULL;
}

void mtfo_blacken(VM *vm, Foreign *o) {
    mtgc_mark_obj(vm, &o->klass->obj);
    if (o->ops->mark) o->ops->mark(vm, o->payload);
}

void mtfo_free(VM *vm, Foreign *o) {
    const ForeignOps *ops = o->ops;
    if (ops->free) ops->free(vm, o->payload);
    mtmem_free(vm, o, sizeof(Foreign) + ops->size);
}

void mtfo_mark_classes(VM *vm) {
    for (uint32_t i = 0; i < vm->nforeign; i++) mtgc_mark_obj(vm, &vm->foreign[i]->obj);
}

void mtfo_free_classes(VM *vm) {
    mtmem_free(vm, vm->foreign, vm->foreign_cap * sizeof(Class *));
    vm->foreign = NULL;
    vm->nforeign = vm->foreign_cap = 0;
}
