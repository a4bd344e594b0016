/*
** mem.h — the VM's allocator: size-class free lists over big chunks for small blocks, the
** host's realloc for large ones, and 16-byte cells for ints too big for the NaN box.
**
** Every byte the VM holds comes from mt_Config.realloc_fn and counts against the memory
** limit. Three kinds of allocation:
**   - mtmem_alloc/realloc never return NULL: when the host (or the limit) refuses, they
**     collect garbage once and retry, then raise MemoryError by longjmp to the innermost
**     protected region (mtmem_enter), the only place the VM uses longjmp. Every object they
**     reach must be rooted, since the collection may run at any of them.
**   - mtmem_host_realloc ("try") returns NULL instead: for code that must not be
**     interrupted (the collector's gray stack, error reports, messages for the host).
**   - temporary C buffers (mtmem_tmp_*) that a native holds across other allocations are
**     registered, and a protected region frees those registered after it was entered.
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
#define MT_MEM_TMP_MAX   32         /* temporary buffers alive at once (they nest shallowly) */

typedef struct MemChunk MemChunk;
typedef struct IntChunk IntChunk;

/* A boxed int: the value and the collector's mark (free cells link through `value`). */
typedef struct IntCell {
    int64_t value;    /* the int (or, on the free list, the next free cell) */
    uint32_t marked;  /* the collector's mark */
    uint32_t is_free; /* on the free list: the sweeper skips it */
} IntCell;

/* A protected region: where MemoryError lands when an allocation fails. It remembers the
   VM state that a longjmp out of half-finished C code leaves stale, so mtmem_recover can
   put it back: temporary roots, the collector's pause count, the C nesting depth, and the
   temporary buffers registered since. */
typedef struct MemJmp {
    jmp_buf buf; /* where MemoryError lands */
    struct MemJmp *prev;
    int ntemps, gc_pause, ntmp; /* the depths to restore when it lands */
    uint32_t nest_depth;        /* the C helpers' nesting depth to restore */
    bool in_reserve, dead;      /* the reserve's state at entry (see mtmem_handled) */
} MemJmp;

/* A registered temporary buffer (a host block). */
typedef struct {
    void *p;     /* the buffer */
    size_t size; /* its size */
} MemTmp;

typedef struct Mem {
    void *free[MT_MEM_CLASSES]; /* one free list per 16-byte size class */
    char *bump, *bump_end;      /* the unused tail of the newest chunk (both NULL at first) */
    MemChunk *chunks;           /* every chunk, returned at teardown */
    IntCell *int_free;          /* free boxed-int cells */
    IntChunk *int_chunks;       /* every chunk of cells (returned at teardown) */
    size_t total;            /* bytes held from the host, including chunk space and the VM itself */
    size_t limit;            /* 0: none */
    bool in_reserve;         /* a MemoryError was raised: unwinding may use MT_MEM_RESERVE more */
    bool dead;               /* an allocation failed again while the reserve was open */
    MemJmp *jmp;             /* the innermost protected region */
    mt_ReallocFn realloc_fn; /* the host's allocator */
    void *user_data;         /* passed to it */
    int ntmp;                /* temporary buffers registered */
    MemTmp tmp[MT_MEM_TMP_MAX]; /* freed if a MemoryError lands past their region */
} Mem;

typedef struct mt_VM VM;

/* Prepares an allocator over the host's realloc_fn (NULL: the C library) with a limit in
   bytes (0: none). */
MT_INTERNAL void mtmem_init(Mem *m, mt_ReallocFn fn, void *ud, size_t limit);

/* Returns every chunk to the host (VM teardown, after every object was freed). */
MT_INTERNAL void mtmem_destroy(Mem *m);

/* A block of `size` bytes: from a size-class free list for small blocks, else the host.
   Never NULL: see the top of this file. */
MT_INTERNAL void *mtmem_alloc(VM *vm, size_t size);

/* Resizes a block allocated by this allocator; its old size must be passed back. */
MT_INTERNAL void *mtmem_realloc(VM *vm, void *p, size_t old_size, size_t new_size);

/* Frees a block; `size` must be what it was allocated with (blocks carry no header). */
MT_INTERNAL void mtmem_free(VM *vm, void *p, size_t size);

/* A cell for an int too big for the NaN box (swept by mtmem_sweep_ints). */
MT_INTERNAL int64_t *mtmem_int_cell(VM *vm, int64_t value);

/* Frees every boxed int cell the collector did not mark. */
MT_INTERNAL void mtmem_sweep_ints(VM *vm);

/* Raises MemoryError at the innermost protected region (longjmp). */
MT_INTERNAL _Noreturn void mtmem_fail(VM *vm);

/* Host blocks that may be refused: NULL on failure (new_size 0 frees). Never collects,
   never raises. */
MT_INTERNAL void *mtmem_host_realloc(VM *vm, void *p, size_t old_size, size_t new_size);

/* Temporary buffers (host blocks): freed by the protected region if an allocation fails
   while they are registered. alloc/realloc raise MemoryError like mtmem_alloc. */
MT_INTERNAL void *mtmem_tmp_alloc(VM *vm, size_t size);
MT_INTERNAL void *mtmem_tmp_realloc(VM *vm, void *p, size_t size);
MT_INTERNAL void *mtmem_tmp_try_realloc(VM *vm, void *p, size_t size); /* NULL: p kept */
MT_INTERNAL void mtmem_tmp_free(VM *vm, void *p);
MT_INTERNAL void mtmem_tmp_adopt(VM *vm, void *p, size_t size); /* a mtmem_host_realloc block */

/* Protected regions: enter, then `if (setjmp(mj.buf) != 0) mtmem_recover(vm, &mj);`, and
   leave on every way out of the function. */
MT_INTERNAL void mtmem_enter(VM *vm, MemJmp *mj);
MT_INTERNAL void mtmem_recover(VM *vm, MemJmp *mj);
MT_INTERNAL void mtmem_handled(VM *vm, MemJmp *mj);
MT_INTERNAL void mtmem_leave(VM *vm, MemJmp *mj);
MT_INTERNAL _Noreturn void mtmem_rethrow(VM *vm);

/* Called by the collector when it is done: may close the reserve. */
MT_INTERNAL void mtmem_after_collect(VM *vm);

/* Marks a boxed int as reachable. */
static inline void mtmem_mark_int(int64_t *cell) { ((IntCell *)cell)->marked = 1; }

#endif
