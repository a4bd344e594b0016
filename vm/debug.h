/*
** debug.h — the disassembler (debug.c), behind `mt --dis`.
*/
#ifndef MT_DEBUG_H
#define MT_DEBUG_H

#include "vm/state.h"

/* Prints p's bytecode (and its nested functions') to standard output. */
MT_INTERNAL int mtd_disassemble(VM *vm, Proto *p);

#endif
