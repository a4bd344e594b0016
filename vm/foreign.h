/*
** foreign.h — objects whose payload only a library knows: a file, a compiled regular
** expression, a host's handle.
**
** A library describes such a kind of object once, with a ForeignOps table (its name, the
** payload's size and the hooks the VM calls), and registers it in each VM as a foreign
** class: a Class whose methods the library fills in. The VM never looks inside a payload:
** it marks it, frees it and iterates over it only through the hooks, as Lua does through
** userdata metatables and Wren through foreign classes. The embedding API reuses this for
** host types.
*/
#ifndef MT_FOREIGN_H
#define MT_FOREIGN_H

#include "vm/object.h"

typedef struct ForeignOps {
    /* What type() returns and error messages and repr (`<name>`) say. */
    const char *name;
    /* Bytes of payload every object of the class carries (8-byte aligned, zeroed). */
    size_t size;
    /* Marks the values the payload holds, with mtgc_mark_value/mtgc_mark_obj; NULL if it
       holds none. Runs inside the collector: it must not allocate. */
    void (*mark)(VM *vm, void *payload);
    /* Releases what the payload owns (a stream, a C library object) when the object is
       collected or the VM is freed; NULL if it owns nothing. The VM frees the object
       itself. It must not allocate or run Mt code. */
    void (*free)(VM *vm, void *payload);
    /* `for x in obj`: a native called with args[0] the object (argc 0). It returns
       NATIVE_OK with the next item in args[0], NATIVE_END when there are no more, or
       NATIVE_ERROR. NULL: the objects are not iterable. */
    NativeFn next;
    /* For `select` readiness cases (`case x.readable()`): the fd to wait on for `events`
       (MT_POLL_IN / MT_POLL_OUT), MT_FD_READY_NOW if the object can serve them without
       waiting (buffered data), or MT_FD_NONE if it cannot be waited on (closed). NULL:
       objects of the class are never selectable. */
    int (*poll_fd)(void *payload, uint32_t events);
} ForeignOps;

#define MT_FD_NONE      (-1)
#define MT_FD_READY_NOW (-2)

/* An object of a foreign class. */
typedef struct Foreign {
    Obj obj;
    Class *klass;          /* its class: its name and methods */
    const ForeignOps *ops; /* klass->foreign, kept here too: the VM's teardown may free the
                              class first */
    uint64_t payload[];    /* ops->size bytes */
} Foreign;

/* Registers a foreign class in the VM (once per ops); returns it. Its methods table is
   empty: the library adds its methods. */
MT_INTERNAL Class *mtfo_new_class(VM *vm, const ForeignOps *ops);

/* The VM's class for ops, or NULL if it was never registered. */
MT_INTERNAL Class *mtfo_class(VM *vm, const ForeignOps *ops);

/* Makes an object of the class registered for ops (its payload zeroed); returns the
   payload and stores the object in *out (rooted by the caller from then on). */
MT_INTERNAL void *mtfo_new(VM *vm, const ForeignOps *ops, Value *out);

/* The payload of v if v is an object of ops's class, else NULL: how a method checks its
   receiver. */
MT_INTERNAL void *mtfo_payload(Value v, const ForeignOps *ops);

/* The collector's hooks. */
MT_INTERNAL void mtfo_blacken(VM *vm, Foreign *o);
MT_INTERNAL void mtfo_free(VM *vm, Foreign *o);
MT_INTERNAL void mtfo_mark_classes(VM *vm);
MT_INTERNAL void mtfo_free_classes(VM *vm);

#endif
