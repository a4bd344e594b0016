/*
** mem.c — size-class allocator, boxed-int cells, and what happens when memory runs out.
**
** Small blocks (<= 256 bytes) come from per-class free lists refilled by bumping through
** 64 KiB chunks, so allocating and freeing the many short-lived objects of a typical program
** costs a few instructions and no malloc header. Chunks are returned only when the VM is
** freed. Callers pass the block size back on free (as in Lua's allocator protocol), so
** blocks carry no header.
**
** Out of memory: when the host refuses a block or the limit would be passed, the allocator
** collects garbage once and retries; if that does not help it raises MemoryError. Raising
** opens a reserve (MT_MEM_RESERVE bytes over the limit) so that the cleanup the error
** unwinds through can run; the reserve closes when a collection leaves the live heap at
** three quarters of the limit or less (with no limit: at the next collection), so a program
** that catches MemoryError can run into it again. An allocation that fails while the
** reserve is still open makes the VM dead: it runs no Mt code again (api.c).
*/
#include "vm/mem.h"

#include <stdlib.h>

#include "vm/vm.h"
#include "vm/state.h"
#include "vm/gc.h"

struct MemChunk {
    MemChunk *next;
    size_t size;
};

#define INT_CHUNK_CELLS 4095
struct IntChunk {
    IntChunk *next;
    uint64_t pad;
    IntCell cells[INT_CHUNK_CELLS];
};

static void *default_realloc(void *p, size_t old, size_t size, void *ud) {
    MT_UNUSED(old);
    MT_UNUSED(ud);
    if (size == 0) {
        free(p);
        return NULL;
    }
    return realloc(p, size);
}

void mtmem_init(Mem *m, mt_ReallocFn fn, void *ud, size_t limit) {
    memset(m, 0, sizeof *m);
    m->realloc_fn = fn ? fn : default_realloc;
    m->user_data = ud;
    m->limit = limit;
}

void mtmem_destroy(Mem *m) {
    MemChunk *c = m->chunks;
    while (c) {
        MemChunk *next = c->next;
        m->realloc_fn(c, c->size, 0, m->user_data);
        c = next;
    }
    IntChunk *ic = m->int_chunks;
    while (ic) {
        IntChunk *next = ic->next;
        m->realloc_fn(ic, sizeof *ic, 0, m->user_data);
        ic = next;
    }
    /* Temporaries are freed by the region that registered them; none may outlive it. */
    for (int i = 0; i < m->ntmp; i++) m->realloc_fn(m->tmp[i].p, m->tmp[i].size, 0, m->user_data);
    m->ntmp = 0;
    m->chunks = NULL;
    m->int_chunks = NULL;
}

/* {== Failing ==} */

/* Raises MemoryError at the innermost protected region. Past the limit the reserve opens
   once so that cleanup can run; failing again while it is open leaves the VM dead. */
void mtmem_fail(VM *vm) {
    Mem *m = &vm->mem;
    if (m->in_reserve) m->dead = true;
    m->in_reserve = true;
    mtmem_rethrow(vm);
}

/* Lands at the innermost protected region without touching the reserve (a region that
   cleaned up after itself passes the failure on). */
void mtmem_rethrow(VM *vm) {
    /* Every API entry point that can allocate opens a region first, so there is always
       one; code outside any region uses mtmem_host_realloc and handles NULL. */
    if (!vm->mem.jmp) abort();
    longjmp(vm->mem.jmp->buf, 1);
}

static bool over_limit(Mem *m, size_t extra) {
    if (m->limit == 0) return false;
    size_t cap = m->limit + (m->in_reserve ? MT_MEM_RESERVE : 0);
    return extra > cap || m->total > cap - extra;
}

/* The host allocator, with accounting and the limit: NULL if either refuses. */
static void *host_try(VM *vm, void *p, size_t old, size_t size) {
    Mem *m = &vm->mem;
    if (p == NULL && size == 0) return NULL; /* freeing nothing: the host need not know */
    if (size > old && over_limit(m, size - old)) return NULL;
    void *r = m->realloc_fn(p, old, size, m->user_data);
    if (r == NULL && size != 0) return NULL;
    m->total += size - old;
    vm->bytes_allocated += size - old;
    return r;
}

void *mtmem_host_realloc(VM *vm, void *p, size_t old, size_t size) {
    return host_try(vm, p, old, size);
}

/* A collection may run at an allocation only when nothing has paused the collector (the
   compiler holds objects in C locals) and it is not itself collecting. */
static bool can_collect(VM *vm) { return vm->gc_pause == 0 && !vm->gc_running; }

/* A full collection to make room before giving up. It runs paused, so the scheduler's
   after-collection step (which starts threads to close revived coroutines) waits for the
   scheduler's next turn instead of allocating in the middle of the failed allocation. */
static MT_NOINLINE void collect_for_room(VM *vm) {
    vm->gc_pause++;
    mtgc_collect(vm);
    vm->gc_pause--;
}

static void make_room(VM *vm);

/* The host allocator that does not take no for an answer: makes room and retries once,
   then raises MemoryError. */
static MT_NOINLINE void *host_alloc(VM *vm, void *p, size_t old, size_t size) {
    void *r = host_try(vm, p, old, size);
    if (r || size == 0) return r;
    make_room(vm);
    r = host_try(vm, p, old, size);
    if (r) return r;
    mtmem_fail(vm);
}

/* Once the live heap is well under the limit again, MemoryError may be raised afresh
   (the reserve closes); with no limit, any completed collection closes it. */
void mtmem_after_collect(VM *vm) {
    Mem *m = &vm->mem;
    if (!m->in_reserve || m->dead) return;
    if (m->limit == 0 || vm->bytes_allocated <= m->limit - m->limit / 4) m->in_reserve = false;
}

/* {== Blocks ==} */

#if MT_MEM_POOL

static inline unsigned size_class(size_t size) { return (unsigned)((size + 15) >> 4) - 1; }

/* Pushes what is left of the current chunk onto the free lists so nothing leaks. */
static void retire_bump(Mem *m) {
    if (!m->bump) return;
    while ((size_t)(m->bump_end - m->bump) >= 16) {
        size_t left = (size_t)(m->bump_end - m->bump);
        unsigned c = (unsigned)(left >> 4) - 1;
        if (c >= MT_MEM_CLASSES) c = MT_MEM_CLASSES - 1;
        *(void **)m->bump = m->free[c];
        m->free[c] = m->bump;
        m->bump += (size_t)(c + 1) << 4;
    }
}

static void push_block(Mem *m, void *p, unsigned cls) {
    *(void **)p = m->free[cls];
    m->free[cls] = p;
}

static void *pop_block(Mem *m, unsigned cls) {
    void *p = m->free[cls];
    if (p) m->free[cls] = *(void **)p;
    return p;
}

/* {=== Making room: merging free blocks ===} */

/* Free memory seen as runs of bytes (a free block is at least 16 bytes, room for both). */
typedef struct Span {
    struct Span *next;
    size_t size;
} Span;

static Span *merge_spans(Span *a, Span *b) {
    Span head, *t = &head;
    while (a && b) {
        Span **low = (uintptr_t)a < (uintptr_t)b ? &a : &b;
        t->next = *low;
        t = *low;
        *low = (*low)->next;
    }
    t->next = a ? a : b;
    return head.next;
}

/* Sorts spans by address: a merge sort of the list in place (it runs when memory is
   short, so it allocates nothing), with bins of 2^i sorted spans. */
static Span *sort_spans(Span *list) {
    Span *bins[64] = {0};
    while (list) {
        Span *one = list;
        list = list->next;
        one->next = NULL;
        int i = 0;
        for (; i < 63 && bins[i]; i++) {
            one = merge_spans(bins[i], one);
            bins[i] = NULL;
        }
        bins[i] = merge_spans(bins[i], one);
    }
    Span *r = NULL;
    for (int i = 0; i < 64; i++) r = merge_spans(bins[i], r);
    return r;
}

/* Every free block, and the unused tail of the newest chunk, as one list of spans. */
static Span *take_free_spans(Mem *m) {
    Span *all = NULL;
    for (unsigned c = 0; c < MT_MEM_CLASSES; c++) {
        for (void *p = m->free[c], *next; p; p = next) {
            next = *(void **)p;
            Span *s = p;
            s->size = (size_t)(c + 1) << 4;
            s->next = all;
            all = s;
        }
        m->free[c] = NULL;
    }
    if (m->bump && m->bump_end > m->bump) {
        Span *s = (Span *)(void *)m->bump;
        s->size = (size_t)(m->bump_end - m->bump);
        s->next = all;
        all = s;
    }
    m->bump = m->bump_end = NULL;
    return all;
}

/* Puts a run of free bytes back on the free lists, as blocks of the largest class. */
static void carve(Mem *m, char *p, size_t size) {
    for (; size >= MT_MEM_SMALL_MAX; p += MT_MEM_SMALL_MAX, size -= MT_MEM_SMALL_MAX)
        push_block(m, p, MT_MEM_CLASSES - 1);
    if (size) push_block(m, p, (unsigned)(size >> 4) - 1);
}

/* Returns the chunks marked free (size 0) to the host. */
static void release_chunks(VM *vm) {
    Mem *m = &vm->mem;
    for (MemChunk **link = &m->chunks; *link;) {
        MemChunk *c = *link;
        if (c->size != 0) {
            link = &c->next;
            continue;
        }
        *link = c->next;
        vm->bytes_allocated += MT_MEM_CHUNK; /* its blocks were not counted; host_try takes it */
        host_try(vm, c, MT_MEM_CHUNK, 0);
    }
}

/* Merges adjacent free blocks. A chunk with nothing live in it goes back to the host (its
   free bytes form one run of exactly the chunk's usable size: runs never cross a chunk's
   header); the other runs are cut into the largest blocks. Small blocks of one class can
   then serve another, which size-class lists alone never allow. */
static void coalesce(VM *vm) {
    Mem *m = &vm->mem;
    Span *run = sort_spans(take_free_spans(m));
    bool any_chunk = false;
    while (run) {
        while (run->next && (char *)run + run->size == (char *)run->next) {
            run->size += run->next->size;
            run->next = run->next->next;
        }
        Span *next = run->next;
        if (run->size == MT_MEM_CHUNK - 16) {
            ((MemChunk *)(void *)((char *)run - 16))->size = 0;
            any_chunk = true;
        } else {
            carve(m, (char *)run, run->size);
        }
        run = next;
    }
    if (any_chunk) release_chunks(vm);
}

/* A block of class cls cut from the smallest larger free block, the rest kept. */
static void *split_block(Mem *m, unsigned cls) {
    for (unsigned c = cls + 1; c < MT_MEM_CLASSES; c++) {
        char *p = pop_block(m, c);
        if (!p) continue;
        push_block(m, p + ((size_t)(cls + 1) << 4), c - cls - 1);
        return p;
    }
    return NULL;
}

#endif

/* Before an allocation gives up: a collection (when one may run), then (with the pool)
   free blocks are merged and chunks with nothing live go back to the host. */
static MT_NOINLINE void make_room(VM *vm) {
    if (can_collect(vm)) collect_for_room(vm);
#if MT_MEM_POOL
    coalesce(vm);
#endif
}

#if MT_MEM_POOL

static void install_chunk(VM *vm, MemChunk *c) {
    Mem *m = &vm->mem;
    retire_bump(m);
    c->size = MT_MEM_CHUNK;
    c->next = m->chunks;
    m->chunks = c;
    m->bump = (char *)c + 16;
    m->bump_end = (char *)c + MT_MEM_CHUNK;
    /* Chunk bytes were counted by host_try; blocks are counted as they are handed out, so
       undo the chunk's share of the collector's counter. */
    vm->bytes_allocated -= MT_MEM_CHUNK;
}

static void *bump(Mem *m, unsigned cls) {
    void *p = m->bump;
    m->bump += (size_t)(cls + 1) << 4;
    return p;
}

/* No chunk to be had: room is made, then a block of the class, a larger one split, or a
   chunk after all (the merge may have given some back to the host). */
static MT_NOINLINE void *refill_short(VM *vm, unsigned cls) {
    Mem *m = &vm->mem;
    make_room(vm);
    void *p = pop_block(m, cls);
    if (!p) p = split_block(m, cls);
    if (p) return p;
    MemChunk *c = host_try(vm, NULL, 0, MT_MEM_CHUNK);
    if (!c) mtmem_fail(vm);
    install_chunk(vm, c);
    return bump(m, cls);
}

static MT_NOINLINE void *refill(VM *vm, unsigned cls) {
    Mem *m = &vm->mem;
    size_t block = (size_t)(cls + 1) << 4;
    /* No pointer arithmetic on a NULL bump (the first refill): compare sizes instead. */
    if (!m->bump || (size_t)(m->bump_end - m->bump) < block) {
        MemChunk *c = host_try(vm, NULL, 0, MT_MEM_CHUNK);
        if (!c) return refill_short(vm, cls);
        install_chunk(vm, c);
    }
    return bump(m, cls);
}

void *mtmem_alloc(VM *vm, size_t size) {
    if (size > MT_MEM_SMALL_MAX) return host_alloc(vm, NULL, 0, size);
    if (size == 0) size = 1;
    Mem *m = &vm->mem;
    unsigned cls = size_class(size);
    void *p = m->free[cls];
    if (p) m->free[cls] = *(void **)p;
    else p = refill(vm, cls);
    vm->bytes_allocated += (size_t)(cls + 1) << 4;
    return p;
}

void mtmem_free(VM *vm, void *p, size_t size) {
    if (p == NULL) return;
    if (size > MT_MEM_SMALL_MAX) {
        host_try(vm, p, size, 0);
        return;
    }
    if (size == 0) size = 1;
    Mem *m = &vm->mem;
    unsigned cls = size_class(size);
    *(void **)p = m->free[cls];
    m->free[cls] = p;
    vm->bytes_allocated -= (size_t)(cls + 1) << 4;
}

void *mtmem_realloc(VM *vm, void *p, size_t old, size_t size) {
    if (p == NULL) return size ? mtmem_alloc(vm, size) : NULL;
    if (size == 0) {
        mtmem_free(vm, p, old);
        return NULL;
    }
    if (old > MT_MEM_SMALL_MAX && size > MT_MEM_SMALL_MAX) return host_alloc(vm, p, old, size);
    if (old <= MT_MEM_SMALL_MAX && size <= MT_MEM_SMALL_MAX && size_class(old) == size_class(size))
        return p;
    void *n = mtmem_alloc(vm, size);
    memcpy(n, p, old < size ? old : size);
    mtmem_free(vm, p, old);
    return n;
}

#else /* !MT_MEM_POOL: every block is the host's, with its exact size */

void *mtmem_alloc(VM *vm, size_t size) { return host_alloc(vm, NULL, 0, size ? size : 1); }

void mtmem_free(VM *vm, void *p, size_t size) {
    if (p) host_try(vm, p, size ? size : 1, 0);
}

void *mtmem_realloc(VM *vm, void *p, size_t old, size_t size) {
    if (p == NULL) return size ? mtmem_alloc(vm, size) : NULL;
    if (size == 0) {
        mtmem_free(vm, p, old);
        return NULL;
    }
    return host_alloc(vm, p, old ? old : 1, size);
}

#endif

/* {== Temporary buffers ==} */

static int tmp_index(Mem *m, void *p) {
    for (int i = m->ntmp - 1; i >= 0; i--)
        if (m->tmp[i].p == p) return i;
    return -1;
}

static void tmp_forget(Mem *m, int i) {
    memmove(&m->tmp[i], &m->tmp[i + 1], (size_t)(m->ntmp - i - 1) * sizeof(MemTmp));
    m->ntmp--;
}

void mtmem_tmp_adopt(VM *vm, void *p, size_t size) {
    Mem *m = &vm->mem;
    if (m->ntmp == MT_MEM_TMP_MAX) {
        /* More live temporaries than any native nests: treat it as memory running out. */
        host_try(vm, p, size, 0);
        mtmem_fail(vm);
    }
    m->tmp[m->ntmp].p = p;
    m->tmp[m->ntmp].size = size;
    m->ntmp++;
}

void *mtmem_tmp_alloc(VM *vm, size_t size) {
    if (size == 0) size = 1;
    void *p = host_alloc(vm, NULL, 0, size);
    mtmem_tmp_adopt(vm, p, size);
    return p;
}

void *mtmem_tmp_realloc(VM *vm, void *p, size_t size) {
    if (p == NULL) return mtmem_tmp_alloc(vm, size);
    Mem *m = &vm->mem;
    int i = tmp_index(m, p);
    if (size == 0) size = 1;
    /* If this fails, p stays registered and the region frees it. */
    void *q = host_alloc(vm, p, m->tmp[i].size, size);
    m->tmp[i].p = q;
    m->tmp[i].size = size;
    return q;
}

void *mtmem_tmp_try_realloc(VM *vm, void *p, size_t size) {
    Mem *m = &vm->mem;
    int i = tmp_index(m, p);
    void *q = host_try(vm, p, m->tmp[i].size, size ? size : 1);
    if (!q) return NULL;
    m->tmp[i].p = q;
    m->tmp[i].size = size ? size : 1;
    return q;
}

void mtmem_tmp_free(VM *vm, void *p) {
    if (p == NULL) return;
    Mem *m = &vm->mem;
    int i = tmp_index(m, p);
    host_try(vm, p, m->tmp[i].size, 0);
    tmp_forget(m, i);
}

/* {== Protected regions ==} */

void mtmem_enter(VM *vm, MemJmp *mj) {
    mj->prev = vm->mem.jmp;
    mj->ntemps = vm->ntemps;
    mj->gc_pause = vm->gc_pause;
    mj->nest_depth = vm->nest_depth;
    mj->ntmp = vm->mem.ntmp;
    mj->in_reserve = vm->mem.in_reserve;
    mj->dead = vm->mem.dead;
    vm->mem.jmp = mj;
}

/* After a longjmp into the region: what the abandoned C code held is released. (vm->error
   stays: the dispatch loop's region looks at the error that was being raised.) */
void mtmem_recover(VM *vm, MemJmp *mj) {
    Mem *m = &vm->mem;
    vm->ntemps = mj->ntemps;
    vm->gc_pause = mj->gc_pause;
    vm->nest_depth = mj->nest_depth;
    while (m->ntmp > mj->ntmp) {
        MemTmp *t = &m->tmp[m->ntmp - 1];
        host_try(vm, t->p, t->size, 0);
        m->ntmp--;
    }
    m->jmp = mj;
}

/* The failure was dealt with where it happened (a fallback, a status for the host), not by
   raising MemoryError: the reserve is as it was, and nothing died. */
void mtmem_handled(VM *vm, MemJmp *mj) {
    vm->mem.in_reserve = mj->in_reserve;
    vm->mem.dead = mj->dead;
}

void mtmem_leave(VM *vm, MemJmp *mj) { vm->mem.jmp = mj->prev; }

/* {== Boxed ints ==} */

static MT_NOINLINE void int_refill(VM *vm) {
    Mem *m = &vm->mem;
    IntChunk *c = host_try(vm, NULL, 0, sizeof(IntChunk));
    if (!c) {
        make_room(vm);
        if (m->int_free) return; /* the collection freed cells */
        c = host_try(vm, NULL, 0, sizeof(IntChunk));
        if (!c) mtmem_fail(vm);
    }
    c->next = m->int_chunks;
    m->int_chunks = c;
    for (int i = INT_CHUNK_CELLS - 1; i >= 0; i--) {
        IntCell *cell = &c->cells[i];
        cell->is_free = 1;
        cell->marked = 0;
        cell->value = (int64_t)(intptr_t)m->int_free;
        m->int_free = cell;
    }
    vm->bytes_allocated -= sizeof(IntChunk);
}

int64_t *mtmem_int_cell(VM *vm, int64_t value) {
    Mem *m = &vm->mem;
    if (mt_unlikely(m->int_free == NULL || vm->gc_stress)) {
        /* Boxed ints are garbage at a high rate (a sum past 2^47 makes one per step):
           collect before growing the int heap. */
        if ((vm->bytes_allocated > vm->next_gc || vm->gc_stress) && vm->gc_pause == 0 &&
            !vm->gc_running)
            mtgc_collect(vm);
        if (m->int_free == NULL) int_refill(vm);
    }
    IntCell *cell = m->int_free;
    m->int_free = (IntCell *)(intptr_t)cell->value;
    cell->value = value;
    cell->is_free = 0;
    vm->bytes_allocated += sizeof(IntCell);
    return &cell->value;
}

/* Frees every unmarked cell and clears the marks of the others. */
void mtmem_sweep_ints(VM *vm) {
    Mem *m = &vm->mem;
    IntCell *free_list = NULL;
    size_t freed = 0;
    for (IntChunk *c = m->int_chunks; c; c = c->next) {
        for (int i = INT_CHUNK_CELLS - 1; i >= 0; i--) {
            IntCell *cell = &c->cells[i];
            if (cell->is_free) {
                cell->value = (int64_t)(intptr_t)free_list;
                free_list = cell;
            } else if (cell->marked) {
                cell->marked = 0;
            } else {
                cell->is_free = 1;
                cell->value = (int64_t)(intptr_t)free_list;
                free_list = cell;
                freed++;
            }
        }
    }
    m->int_free = free_list;
    vm->bytes_allocated -= freed * sizeof(IntCell);
}
