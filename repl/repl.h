/*
** repl.h — `mt` with no script: the interactive REPL (repl.c, with completion in
** complete.c and the prompt's helpers in helpers.c), and a program read from standard
** input when it is not a terminal.
*/
#ifndef MT_REPL_H
#define MT_REPL_H

#include <stdbool.h>
#include <stddef.h>

#include "mt.h"

/* The REPL: runs `file` first if not NULL (mt -i FILE; argv is [file, args...]), then
   reads entries until Ctrl-D or exit(). `gc_stress` is passed to the VM's config.
   Returns the exit status. */
int mtrepl_main(const char *file, int argc, const char *const *argv, bool gc_stress);

/* Runs standard input as a program named "<stdin>" (not a terminal: `echo ... | mt`).
   Returns the exit status. */
int mtrepl_run_stdin(mt_VM *vm);

/* {== Shared by the REPL's files ==} */

/* Writes text for the user on standard output (fd 1) or error (fd 2), taking the prompt
   off the screen first if it is shown. */
void mtrepl_write(int fd, const char *text, size_t len);
void mtrepl_print(const char *text); /* NUL-terminated, on standard output */

/* Completion candidates for the line editor (see mtline_CompleteFn). */
char **mtrepl_complete(mt_VM *vm, const char *text, const char *line, int start, int *append);

/* Defines the prompt's helpers, help() and threads(), as builtins. */
void mtrepl_def_helpers(mt_VM *vm);

#endif
