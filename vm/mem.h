/*
** mem.h — the VM's allocator: size-class free lists over big chunks for small blocks, the
** host's realloc for large ones, and 16-byte cells for ints too big for the NaN box.
**
** Allocation never returns NULL: on failure it collects garbage and retries, then raises
** MemoryError by longjmp to the innermost protected region (mtmem_protect), the only place
** the VM uses longjmp.
*/
#ifndef MT_MEM_H
#define MT_MEM_H

#include <setjmp.h>

#include "include/mt.h"
#include "vm/common.h"

#define MT_MEM_CLASSES   16 /* 16-byte steps up to 256 bytes */
#define MT_MEM_SMALL_MAX 256
#define MT_MEM_CHUNK     (64 * 1024)
#define MT_MEM_RESERVE   (1u << 20) /* extra bytes unwinding may use after a MemoryError */

typedef struct MemChunk MemChunk;
typedef struct IntChunk IntChunk;

/* A boxed int: the value and the collector's mark (free cells link through `value`). */
typedef struct IntCell {
    int64_t value;
    uint32_t marked;
    uint32_t is_free;
} IntCell;

/* A protected region: where MemoryError lands when an allocation fails. */
typedef struct MemJmp {
    jmp_buf buf;
    struct MemJmp *prev;
} MemJmp;

typedef struct Mem {
    void *free[MT_MEM_CLASSES];
    char *bump, *bump_end;
    MemChunk *chunks;
    IntCell *int_free;
    IntChunk *int_chunks;
    size_t total;    /* bytes held by the VM, including chunk space */
    size_t limit;    /* 0: none */
    bool in_reserve; /* a MemoryError is being unwound: the reserve is open */
    bool dead;       /* even the reserve ran out */
    MemJmp *jmp;
    mt_ReallocFn realloc_fn;
    void *user_data;
} Mem;

typedef struct mt_VM VM;

MT_INTERNAL void mtmem_init(Mem *m, mt_ReallocFn fn, void *ud, size_t limit);
MT_INTERNAL void mtmem_destroy(Mem *m);
MT_INTERNAL void *mtmem_alloc(VM *vm, size_t size);
MT_INTERNAL void *mtmem_realloc(VM *vm, void *p, size_t old_size, size_t new_size);
MT_INTERNAL void mtmem_free(VM *vm, void *p, size_t size);
MT_INTERNAL int64_t *mtmem_int_cell(VM *vm, int64_t value);
MT_INTERNAL void mtmem_sweep_ints(VM *vm);
MT_NOINLINE MT_INTERNAL void mtmem_fail(VM *vm);

/* Marks a boxed int as reachable. */
static inline void mtmem_mark_int(int64_t *cell) { ((IntCell *)cell)->marked = 1; }

#endif
