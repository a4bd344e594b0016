/*
** out.h — the VM's standard output and error (out.c).
*/
#ifndef MT_OUT_H
#define MT_OUT_H

#include "vm/vm.h"

#ifndef MT_OUT_BUFFER
#define MT_OUT_BUFFER (1 << 16) /* bytes of standard output held before a write */
#endif

/* Makes the default writer's buffer (when the host gave no write_out). */
MT_INTERNAL void mtout_init(VM *vm);

/* Frees the buffer (after a last flush). */
MT_INTERNAL void mtout_free(VM *vm);

/* Text for standard output (print, --dis). */
MT_INTERNAL void mtout_write(VM *vm, const char *s, size_t n);

/* Text for standard error (reports); standard output is flushed first. */
MT_INTERNAL void mtout_write_err(VM *vm, const char *s, size_t n);

/* Writes out what the standard-output buffer holds. */
MT_INTERNAL void mtout_flush(VM *vm);
/* Raises IOError (returns NATIVE_ERROR) if a write to standard output failed since the
   last check, else NATIVE_OK. */
MT_INTERNAL int mtout_check(VM *vm);

#endif
