/*
** unit.h — what the Check suites share: the suite constructors (one per file) and a few
** helpers for making VMs and capturing what Mt writes.
*/
#ifndef MT_UNIT_H
#define MT_UNIT_H

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "vm/vm.h"

/* One constructor per test_<name>.c, all run by check_main.c. */
Suite *value_suite(void);
Suite *num_suite(void);
Suite *string_suite(void);
Suite *table_suite(void);
Suite *map_suite(void);
Suite *lexer_suite(void);
Suite *compiler_suite(void);
Suite *gc_suite(void);
Suite *api_suite(void);
Suite *memory_suite(void);
Suite *alloc_suite(void);
Suite *sched_suite(void);
Suite *channel_suite(void);
Suite *fiber_suite(void);
Suite *unwind_suite(void);
Suite *foreign_suite(void);
Suite *api_repl_suite(void);

/* A growable byte buffer; text is always NUL-terminated so ck_assert_str_eq can read it. */
typedef struct {
    char *text;
    size_t len, cap;
} UnitBuf;

/* What a VM wrote to its out and err callbacks. */
typedef struct {
    UnitBuf out, err;
} Capture;

void unit_buf_append(UnitBuf *b, const char *s, size_t n);
void unit_buf_free(UnitBuf *b);
void capture_free(Capture *c);

/* Points a config's write callbacks at `cap` (also its user_data). */
void capture_config(mt_Config *cfg, Capture *cap);

/* A VM for tests of the internals: output goes to `cap` (may be NULL to drop it), and
   collections are paused so that objects a test holds only in C locals stay valid. */
VM *unit_vm(Capture *cap);

/* Counts the objects on the VM's all-objects list. */
size_t unit_count_objects(VM *vm);

/* Whether `o` is still on the all-objects list (i.e. was not swept). */
bool unit_has_object(VM *vm, const Obj *o);

/* Whether MT_GC_STRESS asks for a collection at every allocation (as the mt command reads
   it): unit_run honours it, so that `MT_GC_STRESS=1 mt_unit` runs the programs under stress. */
bool unit_stress(void);

/* Runs `src` as "prog.mt" in a fresh VM (stress as unit_stress says), its output in `cap`;
   returns the status. */
mt_Status unit_run(const char *src, Capture *cap);

/* Compiles `src` as module "t.mt" in `vm` (collections paused: see unit_vm) and returns a
   closure of the function called `name` defined in it, or of the top level if name is NULL. */
Closure *unit_compile_fn(VM *vm, const char *src, const char *name);

/* The first line of a message (up to '\n'), in a static buffer. */
const char *unit_first_line(const char *msg);

#endif
