/*
** out.c — the VM's standard output and error: the host's write callbacks (mt_Config), or
** by default a buffer in front of file descriptor 1 and unbuffered writes to 2.
**
** Output is buffered because a print per line would otherwise be a system call per line;
** it is flushed when the buffer fills, before anything is written to standard error, on
** a newline when standard output is a terminal, and when a run ends.
*/
#include <errno.h>
#include <stdio.h>
#include <unistd.h>

#include "vm/error.h"
#include "vm/out.h"
#include "vm/state.h"
#include "vm/mem.h"

/* Makes the default writer's buffer (when the host gave no write_out). */
void mtout_init(VM *vm) {
    vm->out_buf = mtmem_alloc(vm, MT_OUT_BUFFER);
    vm->out_cap = MT_OUT_BUFFER;
    vm->out_tty = isatty(1);
}

void mtout_free(VM *vm) {
    mtmem_free(vm, vm->out_buf, vm->out_cap);
    vm->out_buf = NULL;
    vm->out_cap = vm->out_len = 0;
}

static void default_out(VM *vm, const char *s, size_t n) {
    if (vm->out_len + n > vm->out_cap) {
        mtout_flush(vm);
        if (n > vm->out_cap / 2) {
            while (n > 0) {
                ssize_t w = write(1, s, n);
                if (w <= 0) {
                    if (w < 0 && errno == EINTR) continue;
                    vm->out_errno = w < 0 ? errno : EIO;
                    return;
                }
                s += w;
                n -= (size_t)w;
            }
            return;
        }
    }
    memcpy(vm->out_buf + vm->out_len, s, n);
    vm->out_len += n;
    if (vm->out_tty && memchr(s, '\n', n)) mtout_flush(vm);
}

/* Writes out what the buffer holds. */
void mtout_flush(VM *vm) {
    size_t off = 0;
    while (off < vm->out_len) {
        ssize_t w = write(1, vm->out_buf + off, vm->out_len - off);
        if (w <= 0) {
            if (w < 0 && errno == EINTR) continue;
            vm->out_errno = w < 0 ? errno : EIO; /* the output is lost: say so */
            break;
        }
        off += (size_t)w;
    }
    vm->out_len = 0;
}

/* Raises IOError if writing to stdout failed since the last check. */
int mtout_check(VM *vm) {
    if (!vm->out_errno) return NATIVE_OK;
    int e = vm->out_errno;
    vm->out_errno = 0;
    return mte_throw(vm, ERR_IO, "cannot write to standard output: %s", mte_errstr(e));
}

/* Text for standard output: print and --dis. */
void mtout_write(VM *vm, const char *s, size_t n) {
    if (vm->config.write_out) vm->config.write_out(vm, s, n, vm->config.user_data);
    else default_out(vm, s, n);
}

/* Text for standard error: tracebacks and reports. Standard output is flushed first, so
   that the two interleave in the order they were written. */
void mtout_write_err(VM *vm, const char *s, size_t n) {
    if (vm->config.write_err) {
        vm->config.write_err(vm, s, n, vm->config.user_data);
        return;
    }
    mtout_flush(vm);
    while (n > 0) {
        ssize_t w = write(2, s, n);
        if (w <= 0) return;
        s += w;
        n -= (size_t)w;
    }
}
