/*
** mem.c — size-class allocator and boxed-int cells.
**
** Small blocks (<= 256 bytes) come from per-class free lists refilled by bumping through
** 64 KiB chunks, so allocating and freeing the many short-lived objects of a typical program
** costs a few instructions and no malloc header. Chunks are returned only when the VM is
** freed. Callers pass the block size back on free (as in Lua's allocator protocol), so
** blocks carry no header.
*/
#include "vm/mem.h"

#include <stdlib.h>

#include "vm/vm.h"

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
    m->chunks = NULL;
    m->int_chunks = NULL;
}

/* Raises MemoryError at the innermost protected region. Past the limit the reserve opens
   once so that cleanup can run; if even that is used up the VM is dead. */
void mtmem_fail(VM *vm) {
    Mem *m = &vm->mem;
    if (m->in_reserve) m->dead = true;
    m->in_reserve = true;
    if (m->jmp) longjmp(m->jmp->buf, 1);
    abort(); /* unreachable: every entry into the VM is protected */
}

static bool over_limit(Mem *m, size_t extra) {
    if (m->limit == 0) return false;
    size_t cap = m->limit + (m->in_reserve ? MT_MEM_RESERVE : 0);
    return m->total + extra > cap;
}

/* The host allocator, with accounting and the limit. */
static void *raw_realloc(VM *vm, void *p, size_t old, size_t size) {
    Mem *m = &vm->mem;
    if (size > old && over_limit(m, size - old)) mtmem_fail(vm);
    void *r = m->realloc_fn(p, old, size, m->user_data);
    if (r == NULL && size != 0) mtmem_fail(vm);
    m->total += size - old;
    vm->bytes_allocated += size - old;
    return r;
}

static inline unsigned size_class(size_t size) { return (unsigned)((size + 15) >> 4) - 1; }

static MT_NOINLINE void *refill(VM *vm, unsigned cls) {
    Mem *m = &vm->mem;
    size_t block = (size_t)(cls + 1) << 4;
    if (m->bump + block > m->bump_end) {
        /* Push what is left of the old chunk onto the free lists so nothing leaks. */
        while (m->bump + 16 <= m->bump_end) {
            size_t left = (size_t)(m->bump_end - m->bump);
            unsigned c = (unsigned)(left >> 4) - 1;
            if (c >= MT_MEM_CLASSES) c = MT_MEM_CLASSES - 1;
            *(void **)m->bump = m->free[c];
            m->free[c] = m->bump;
            m->bump += (size_t)(c + 1) << 4;
        }
        MemChunk *c = raw_realloc(vm, NULL, 0, MT_MEM_CHUNK);
        c->size = MT_MEM_CHUNK;
        c->next = m->chunks;
        m->chunks = c;
        m->bump = (char *)c + 16;
        m->bump_end = (char *)c + MT_MEM_CHUNK;
        /* Chunk bytes were counted by raw_realloc; blocks are counted as they are handed out,
           so undo the chunk's share of the collector's counter. */
        vm->bytes_allocated -= MT_MEM_CHUNK;
    }
    void *p = m->bump;
    m->bump += block;
    return p;
}

void *mtmem_alloc(VM *vm, size_t size) {
    if (size > MT_MEM_SMALL_MAX) return raw_realloc(vm, NULL, 0, size);
    if (size == 0) size = 1;
    Mem *m = &vm->mem;
    unsigned cls = size_class(size);
    if (m->limit && over_limit(m, 0)) mtmem_fail(vm);
    void *p = m->free[cls];
    if (p) m->free[cls] = *(void **)p;
    else p = refill(vm, cls);
    vm->bytes_allocated += (size_t)(cls + 1) << 4;
    return p;
}

void mtmem_free(VM *vm, void *p, size_t size) {
    if (p == NULL) return;
    if (size > MT_MEM_SMALL_MAX) {
        raw_realloc(vm, p, size, 0);
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
    if (old > MT_MEM_SMALL_MAX && size > MT_MEM_SMALL_MAX) return raw_realloc(vm, p, old, size);
    if (old <= MT_MEM_SMALL_MAX && size <= MT_MEM_SMALL_MAX && size_class(old) == size_class(size))
        return p;
    void *n = mtmem_alloc(vm, size);
    memcpy(n, p, old < size ? old : size);
    mtmem_free(vm, p, old);
    return n;
}

/* {== Boxed ints ==} */

static MT_NOINLINE void int_refill(VM *vm) {
    Mem *m = &vm->mem;
    IntChunk *c = raw_realloc(vm, NULL, 0, sizeof(IntChunk));
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
