/*
** error.h — the unwinder and error helpers used by the interpreter loop and scheduler.
** (Raising from natives is declared in vm.h: mte_throw and friends.)
*/
#ifndef MT_ERROR_H
#define MT_ERROR_H

#include "vm/vm.h"

MT_INTERNAL bool mte_is_raisable(VM *vm, Value v);
MT_INTERNAL void mte_prepare(VM *vm, Fiber *f, Value exc, bool fresh);
MT_INTERNAL bool mte_unwind(VM *vm, Fiber *f, Value *exc);
MT_INTERNAL bool mte_in_cleanup(Fiber *f);
MT_INTERNAL bool mte_unwinding_exit(VM *vm, Fiber *f);
MT_INTERNAL bool mte_unmatchable(VM *vm, Value exc);
MT_INTERNAL char *mte_format_c(VM *vm, Value exc, Fiber *thread, size_t *cap);
MT_INTERNAL void mte_report_displaced(VM *vm, Value err, const char *exit_name, Fiber *thread);

#endif
