/*
** lib_process.h — the process module (lib_process.c): child processes, their pipes and
** their exit.
*/
#ifndef MT_LIB_PROCESS_H
#define MT_LIB_PROCESS_H

#include "vm/state.h"

/* Makes the process module and the process class. Runs after the prelude is loaded:
   process.run is written in Mt there, over process.start. */
MT_INTERNAL void mtproc_open(VM *vm);

#endif
