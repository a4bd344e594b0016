/*
** memory_main.c — runs the memory suite (test_memory.c) on its own, linked against the
** library built with MT_MEM_POOL=0: every block is a host allocation, so the tests' host
** allocator sees, counts and can refuse each one (with the size-class pool, most
** allocations never reach the host).
*/
#include <stdlib.h>

#include "unit.h"

int main(void) {
    SRunner *sr = srunner_create(memory_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
