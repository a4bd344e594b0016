/*
** repl.h — `mt` with no script (repl.c): the interactive prompt, and for now a program
** read from standard input.
*/
#ifndef MT_REPL_H
#define MT_REPL_H

#include "mt.h"

/* Runs the REPL (or a program on standard input) in vm; returns the exit status. */
int mtrepl_run(mt_VM *vm);

#endif
