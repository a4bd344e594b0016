/*
** check_main.c — runs every Check suite in one SRunner. Exit status 0 only if all pass.
** Set CK_RUN_SUITE / CK_RUN_CASE to run a subset, CK_FORK=no to debug in one process.
*/
#include <stdlib.h>

#include "embed.h"
#include "unit.h"

int main(void) {
    SRunner *sr = srunner_create(value_suite());
    srunner_add_suite(sr, num_suite());
    srunner_add_suite(sr, string_suite());
    srunner_add_suite(sr, table_suite());
    srunner_add_suite(sr, map_suite());
    srunner_add_suite(sr, lexer_suite());
    srunner_add_suite(sr, compiler_suite());
    srunner_add_suite(sr, gc_suite());
    srunner_add_suite(sr, api_suite());
    srunner_add_suite(sr, memory_suite());
    srunner_add_suite(sr, alloc_suite());
    srunner_add_suite(sr, sched_suite());
    srunner_add_suite(sr, channel_suite());
    srunner_add_suite(sr, fiber_suite());
    srunner_add_suite(sr, unwind_suite());
    srunner_add_suite(sr, foreign_suite());
    srunner_add_suite(sr, embed_lifecycle_suite());
    srunner_add_suite(sr, embed_running_suite());
    srunner_add_suite(sr, embed_values_suite());
    srunner_add_suite(sr, embed_natives_suite());
    srunner_add_suite(sr, embed_threads_suite());
    srunner_add_suite(sr, embed_oom_suite());
    srunner_add_suite(sr, api_repl_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
