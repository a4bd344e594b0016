/*
** test_alloc.c — the allocator (mem.c) from the inside: small blocks come from 16-byte
** size classes and a freed block is the next one its class hands out; blocks over 256
** bytes are the host's, counted exactly; realloc keeps the content when a block changes
** class or kind; past the limit an allocation raises (longjmp to the protected region) and
** the region frees the temporary buffers registered in it; and when no chunk can be had,
** free small blocks are merged to serve a larger request.
**
** Only for the library built with the pool (MT_MEM_POOL, the default): test_memory.c runs
** the host's view of memory on both builds.
*/
#include "unit.h"
#include "vm/mem.h"
#include "vm/state.h"

#if MT_MEM_POOL

static VM *vm;

static void setup(void) { vm = unit_vm(NULL); }
static void teardown(void) { mt_free(vm); }

/* {== Size classes ==} */

/* A freed block goes to the front of its class: the next allocation of any size in that
   class (here 33..48 bytes) gets it back, and the other classes do not. */
START_TEST(freed_block_is_reused_by_its_class) {
    void *p = mtmem_alloc(vm, 40);
    mtmem_free(vm, p, 40);
    void *other = mtmem_alloc(vm, 32); /* 17..32: another class */
    ck_assert_ptr_ne(other, p);
    ck_assert_ptr_eq(mtmem_alloc(vm, 48), p);
    mtmem_free(vm, p, 48);
    ck_assert_ptr_eq(mtmem_alloc(vm, 33), p);
    mtmem_free(vm, p, 33);
    mtmem_free(vm, other, 32);
}
END_TEST

START_TEST(free_lists_hand_blocks_back_last_in_first_out) {
    void *a = mtmem_alloc(vm, 100), *b = mtmem_alloc(vm, 100), *c = mtmem_alloc(vm, 100);
    mtmem_free(vm, a, 100);
    mtmem_free(vm, b, 100);
    mtmem_free(vm, c, 100);
    ck_assert_ptr_eq(mtmem_alloc(vm, 100), c);
    ck_assert_ptr_eq(mtmem_alloc(vm, 100), b);
    ck_assert_ptr_eq(mtmem_alloc(vm, 100), a);
}
END_TEST

/* The collector's counter sees a small block as its class's size; a host block exactly. */
START_TEST(blocks_are_counted_by_class_and_host_size) {
    mtmem_free(vm, mtmem_alloc(vm, 20), 20); /* so the next one needs no new chunk */
    size_t before = vm->bytes_allocated, total = vm->mem.total;
    void *small = mtmem_alloc(vm, 20);
    ck_assert_uint_eq(vm->bytes_allocated - before, 32);
    void *big = mtmem_alloc(vm, 1000);
    ck_assert_uint_eq(vm->bytes_allocated - before, 32 + 1000);
    ck_assert_uint_eq(vm->mem.total - total, 1000); /* a host block; chunks did not grow */
    mtmem_free(vm, big, 1000);
    mtmem_free(vm, small, 20);
    ck_assert_uint_eq(vm->bytes_allocated, before);
    ck_assert_uint_eq(vm->mem.total, total);
}
END_TEST

/* {== realloc ==} */

static void fill(unsigned char *p, size_t n) {
    for (size_t i = 0; i < n; i++) p[i] = (unsigned char)(i * 7 + 1);
}

static void check_filled(const unsigned char *p, size_t n) {
    for (size_t i = 0; i < n; i++) ck_assert_uint_eq(p[i], (unsigned char)(i * 7 + 1));
}

/* Small to small (same class: in place; other class: moved), small to host, host to host,
   host back to small: the bytes both sizes cover survive each move. */
START_TEST(realloc_keeps_content_across_classes_and_kinds) {
    unsigned char *p = mtmem_alloc(vm, 40);
    fill(p, 40);
    ck_assert_ptr_eq(mtmem_realloc(vm, p, 40, 48), p);
    unsigned char *q = mtmem_realloc(vm, p, 48, 200);
    ck_assert_ptr_ne(q, p);
    check_filled(q, 40);
    fill(q, 200);
    q = mtmem_realloc(vm, q, 200, 5000);
    check_filled(q, 200);
    fill(q, 5000);
    q = mtmem_realloc(vm, q, 5000, 9000);
    check_filled(q, 5000);
    q = mtmem_realloc(vm, q, 9000, 24);
    check_filled(q, 24);
    ck_assert_ptr_null(mtmem_realloc(vm, q, 24, 0)); /* size 0 frees */
}
END_TEST

/* {== The limit ==} */

/* Allocates `size` bytes in a protected region; false if MemoryError was raised. The
   region's reserve is then closed again, as if the failure had been handled. */
static bool try_alloc(size_t size, void **out) {
    MemJmp mj;
    mtmem_enter(vm, &mj);
    volatile bool ok = false;
    if (setjmp(mj.buf) == 0) {
        *out = mtmem_alloc(vm, size);
        ok = true;
    } else {
        mtmem_recover(vm, &mj);
        mtmem_handled(vm, &mj);
    }
    mtmem_leave(vm, &mj);
    return ok;
}

START_TEST(allocation_past_the_limit_raises) {
    vm->mem.limit = vm->mem.total + 100000;
    void *p = NULL;
    ck_assert(try_alloc(60000, &p));
    ck_assert(!try_alloc(60000, &p)); /* 120000 bytes would pass the limit */
    ck_assert(!vm->mem.in_reserve);
    ck_assert_ptr_null(mtmem_host_realloc(vm, NULL, 0, 60000)); /* the try form says NULL */
    mtmem_free(vm, p, 60000);
    ck_assert(try_alloc(60000, &p)); /* freeing made room */
    mtmem_free(vm, p, 60000);
}
END_TEST

/* A MemoryError raised while temporary buffers are registered: the region they were
   registered in frees them, and those registered before it stay. */
START_TEST(region_frees_temporaries_registered_in_it) {
    void *outer = mtmem_tmp_alloc(vm, 1000);
    size_t total = vm->mem.total;
    vm->mem.limit = total + 10000;
    MemJmp mj;
    mtmem_enter(vm, &mj);
    if (setjmp(mj.buf) == 0) {
        mtmem_tmp_alloc(vm, 3000);
        mtmem_tmp_alloc(vm, 3000);
        mtmem_tmp_alloc(vm, 6000); /* past the limit */
        ck_abort_msg("the limit was not enforced");
    }
    mtmem_recover(vm, &mj);
    mtmem_handled(vm, &mj);
    mtmem_leave(vm, &mj);
    ck_assert_int_eq(vm->mem.ntmp, 1);
    ck_assert_ptr_eq(vm->mem.tmp[0].p, outer);
    ck_assert_uint_eq(vm->mem.total, total);
    vm->mem.limit = 0;
    mtmem_tmp_free(vm, outer);
    ck_assert_int_eq(vm->mem.ntmp, 0);
}
END_TEST

/* {== Making room ==} */

/* Takes blocks of `size` until MemoryError; returns how many (kept in blocks[]). */
static size_t take_all(size_t size, void **blocks, size_t max) {
    size_t n = 0;
    while (n < max && try_alloc(size, &blocks[n])) n++;
    ck_assert_uint_lt(n, max);
    return n;
}

/* With no chunk to be had (the limit is where the heap is), the memory of four freed
   256-byte blocks is taken as 16-byte blocks, which are freed again: another 256-byte
   block can then be made only by merging neighbouring small ones, which the allocator
   does before it gives up. */
START_TEST(free_small_blocks_merge_to_serve_a_large_one) {
    enum { MAX = 1 << 20 };
    void **big = malloc(MAX * sizeof(void *)), **small = malloc(MAX * sizeof(void *));
    ck_assert(big && small);
    vm->mem.limit = vm->mem.total;
    size_t nbig = take_all(256, big, MAX);
    ck_assert_uint_ge(nbig, 4);
    for (size_t i = 0; i < 4; i++) mtmem_free(vm, big[i], 256);
    size_t nsmall = take_all(16, small, MAX);
    ck_assert_uint_ge(nsmall, 4 * 16);
    void *p;
    ck_assert(!try_alloc(256, &p)); /* everything is in use */
    for (size_t i = 0; i < nsmall; i++) mtmem_free(vm, small[i], 16);
    for (int i = 0; i < 4; i++) ck_assert_msg(try_alloc(256, &p), "block %d", i);
    free(big);
    free(small);
}
END_TEST

Suite *alloc_suite(void) {
    Suite *s = suite_create("alloc");
    TCase *tc = tcase_create("pool");
    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, freed_block_is_reused_by_its_class);
    tcase_add_test(tc, free_lists_hand_blocks_back_last_in_first_out);
    tcase_add_test(tc, blocks_are_counted_by_class_and_host_size);
    tcase_add_test(tc, realloc_keeps_content_across_classes_and_kinds);
    tcase_add_test(tc, allocation_past_the_limit_raises);
    tcase_add_test(tc, region_frees_temporaries_registered_in_it);
    tcase_add_test(tc, free_small_blocks_merge_to_serve_a_large_one);
    suite_add_tcase(s, tc);
    return s;
}

#else

/* Without the pool every block is the host's: nothing here to test. */
Suite *alloc_suite(void) { return suite_create("alloc"); }

#endif
