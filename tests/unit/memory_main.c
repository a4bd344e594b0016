/*
** memory_main.c — runs the memory suites (test_memory.c, test_embed_oom.c) on their own,
** linked against the library built with MT_MEM_POOL=0: every block is a host allocation,
** so the tests' host allocator sees, counts and can refuse each one (with the size-class
** pool, most allocations never reach the host).
*/
#include <stdlib.h>

#include "embed.h"
#include "unit.h"

int main(void) {
    SRunner *sr = srunner_create(memory_suite());
    srunner_add_suite(sr, embed_oom_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
