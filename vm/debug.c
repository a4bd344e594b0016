/*
** debug.c — the disassembler behind `mt --dis`.
*/
#include <stdio.h>
#include <stdlib.h>

#include "vm/debug.h"
#include "vm/opcodes.h"
#include "vm/out.h"
#include "vm/vm.h"
#include "vm/value.h"

static const char *const op_names[] = {
#define OP_NAME(name, effect) #name,
    MT_OPCODES(OP_NAME)
#undef OP_NAME
};

static void out(VM *vm, const char *fmt, ...) MT_PRINTF(2, 3);
static void out(VM *vm, const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n > (int)sizeof buf - 1) n = sizeof buf - 1;
    mtout_write(vm, buf, (size_t)n);
}

static void show_const(VM *vm, Value v) {
    String *s = mtv_to_string(vm, v, true);
    if (s) out(vm, "    ; %.60s", s->chars);
}

static bool uses_ab(OpCode op) {
    switch (op) {
    case OP_ADD_LK:
    case OP_SUB_LK:
    case OP_ADD_LL:
    case OP_MUL_LK:
    case OP_SUB_LL:
    case OP_MUL_LL:
    case OP_INC_LOCAL:
    case OP_ADD_ASSIGN_LL:
    case OP_GET_INDEX_LL:
    case OP_GET_INDEX_LK:
    case OP_SET_INDEX_LL:
    case OP_MOVE_INDEX_LL:
    case OP_GET_ATTR_L:
    case OP_SET_ATTR_L:
    case OP_ADD_SET_ATTR_L:
    case OP_SUB_SET_ATTR_L:
    case OP_MUL_SET_ATTR_L:
    case OP_JLT_LK:
    case OP_JLE_LK:
    case OP_JGT_LK:
    case OP_JGE_LK:
    case OP_JEQ_LK:
    case OP_JNE_LK:
    case OP_JLT_LL:
    case OP_JLE_LL:
    case OP_JGT_LL:
    case OP_JGE_LL:
    case OP_JEQ_LL:
    case OP_JNE_LL:
    case OP_ARG_DEFAULT:
    case OP_CALL_KW:
    case OP_INVOKE:
    case OP_INVOKE_KW:
    case OP_SUPER_INVOKE:
    case OP_END_FINALLY:
    case OP_SELECT:
    case OP_UNPACK:
    case OP_SPAWN_KW: return true;
    default: return false;
    }
}

static bool is_jump(OpCode op) {
    return op == OP_JUMP || op == OP_LOOP || op == OP_JUMP_IF_FALSE || op == OP_JUMP_IF_TRUE ||
           op == OP_FOR_NEXT || op == OP_EXTRA_T || op == OP_JUMP_IF_FALSE_KEEP ||
           op == OP_JUMP_IF_TRUE_KEEP || op == OP_FOR_ITER || op == OP_JUMP_IF_NIL ||
           op == OP_JUMP_IF_NOT_NIL;
}

int mtd_disassemble(VM *vm, Proto *p) {
    out(vm, "== %s (%s:%d) params=%u stack=%u ==\n", p->name ? p->name->chars : "?",
        p->module && p->module->path ? p->module->path->chars : "?", (int)p->line, p->nparams,
        p->maxstack);
    for (uint32_t pc = 0; pc < p->ncode; pc++) {
        Instr i = p->code[pc];
        OpCode op = INSTR_OP(i);
        out(vm, "%5u  [%4d] %-14s", pc, (int)p->lines[pc], op_names[op]);
        if (uses_ab(op)) out(vm, " %u %u", INSTR_A8(i), INSTR_B16(i));
        else if (is_jump(op) || op == OP_INT || op == OP_EXTRA) {
            out(vm, " %d", INSTR_SA(i));
            if (is_jump(op) || op == OP_EXTRA || op == OP_EXTRA_T)
                out(vm, "    -> %d", (int)pc + 1 + INSTR_SA(i));
        } else out(vm, " %u", INSTR_A(i));
        if ((op == OP_CONST || op == OP_IMPORT || op == OP_CLASS || op == OP_METHOD ||
             (op >= OP_ADD_K && op <= OP_K_DIV)) &&
            INSTR_A(i) < p->nconsts)
            show_const(vm, p->consts[INSTR_A(i)]);
        if ((op == OP_GET_ATTR || op == OP_SET_ATTR) && INSTR_A(i) < p->ncaches)
            out(vm, "    ; .%s", p->caches[INSTR_A(i)].name->chars);
        if ((op == OP_INVOKE || op == OP_INVOKE_KW || op == OP_SUPER_INVOKE) &&
            INSTR_B16(i) < p->ncaches)
            out(vm, "    ; .%s()", p->caches[INSTR_B16(i)].name->chars);
        out(vm, "\n");
    }
    for (uint32_t h = 0; h < p->nhandlers; h++) {
        Handler *hd = &p->handlers[h];
        static const char *const kinds[] = {"except", "finally", "for-stop"};
        out(vm, "  handler %s [%u, %u) -> %u depth %u slot %u\n", kinds[hd->kind], hd->start,
            hd->end, hd->target, hd->depth, hd->slot);
    }
    for (uint32_t k = 0; k < p->nconsts; k++)
        if (IS_OBJ_TYPE(p->consts[k], OBJ_PROTO)) {
            out(vm, "\n");
            mtd_disassemble(vm, (Proto *)AS_OBJ(p->consts[k]));
        }
    return 0;
}
