/* core/compiler/opcodes.c — opcode metadata: names, flags, stack effects.
 *
 * The names and flags tables come from opcodes.def through the X-macro.
 * tn_opcode_stack_effect() restates, in one switch, the stack notation
 * written in the comment of every opcode in opcodes.def; the compiler's
 * stack-depth pass and the disassembler rely on it, so a change to an
 * opcode's semantics must be mirrored here.
 */
#include "core/compiler/opcodes.h"
#include "core/compiler/compile.h"

const char *const tn_opcode_names[TN_OPCODE_COUNT] = {
#define TN_OPCODE(name, flags) [TN_##name] = #name,
#include "core/compiler/opcodes.def"
#undef TN_OPCODE
};

const unsigned char tn_opcode_flags[TN_OPCODE_COUNT] = {
#define TN_OPCODE(name, flags) [TN_##name] = (flags),
#include "core/compiler/opcodes.def"
#undef TN_OPCODE
};

/* Number of bits set in the MAKE_FUNCTION flags (one stack item each). */
static int popcount4(int flags)
{
    return (flags & 1) + ((flags >> 1) & 1) + ((flags >> 2) & 1) + ((flags >> 3) & 1);
}

/* Effect of the opcodes whose two paths differ (jump taken or not). */
static int branch_effect(int op, int jump)
{
    switch (op) {
    case TN_FOR_ITER:               /* [it] -> [it, next]; exhausted: [] */
        return jump ? -1 : 1;
    case TN_JUMP_IF_FALSE_OR_POP:   /* jump keeps the value, fall-through pops it */
    case TN_JUMP_IF_TRUE_OR_POP:
        return jump ? 0 : -1;
    case TN_SEND:                   /* [recv, v] -> [recv, res]; done: [res] */
        return jump ? -1 : 0;
    default:
        return 0;
    }
}

int tn_opcode_stack_effect(int op, int arg, int jump)
{
    switch (op) {
    case TN_NOP: case TN_RESUME: case TN_SWAP:
    case TN_DELETE_FAST: case TN_DELETE_GLOBAL: case TN_DELETE_NAME:
    case TN_MAKE_CELL: case TN_COPY_FREE_VARS: case TN_DELETE_DEREF:
    case TN_UNARY_NEGATIVE: case TN_UNARY_POSITIVE: case TN_UNARY_NOT:
    case TN_UNARY_INVERT: case TN_LIST_TO_TUPLE: case TN_GET_ITER:
    case TN_JUMP_FORWARD: case TN_JUMP_BACKWARD: case TN_KW_NAMES:
    case TN_CHECK_EXC_MATCH: case TN_CHECK_EG_MATCH: case TN_YIELD_VALUE:
    case TN_GET_YIELD_FROM_ITER: case TN_SETUP_ANNOTATIONS:
    case TN_GET_AWAITABLE: case TN_GET_AITER: case TN_ASYNC_GEN_WRAP:
        return 0;
    case TN_POP_TOP: case TN_STORE_FAST: case TN_STORE_GLOBAL:
    case TN_STORE_NAME: case TN_STORE_DEREF: case TN_DELETE_ATTR:
    case TN_BINARY_SUBSCR: case TN_BINARY_OP: case TN_COMPARE_OP:
    case TN_IS_OP: case TN_CONTAINS_OP: case TN_LIST_APPEND: case TN_SET_ADD:
    case TN_LIST_EXTEND: case TN_SET_UPDATE: case TN_DICT_UPDATE:
    case TN_DICT_MERGE: case TN_POP_JUMP_IF_FALSE: case TN_POP_JUMP_IF_TRUE:
    case TN_POP_JUMP_IF_NONE: case TN_POP_JUMP_IF_NOT_NONE:
    case TN_RETURN_VALUE: case TN_POP_EXCEPT: case TN_RERAISE:
    case TN_IMPORT_NAME: case TN_IMPORT_STAR: case TN_PREP_RERAISE_STAR:
    case TN_PRINT_EXPR:
        return -1;
    case TN_PUSH_NULL: case TN_COPY: case TN_LOAD_CONST: case TN_LOAD_FAST:
    case TN_LOAD_NAME: case TN_LOAD_CLOSURE: case TN_LOAD_DEREF:
    case TN_LOAD_CLASSDEREF: case TN_LOAD_BUILD_CLASS:
    case TN_LOAD_ASSERTION_ERROR: case TN_PUSH_EXC_INFO: case TN_BEFORE_WITH:
    case TN_WITH_EXCEPT_START: case TN_IMPORT_FROM:
    case TN_RETURN_GENERATOR:   /* the frame resumes with the first sent value pushed */
    case TN_GET_ANEXT: case TN_BEFORE_ASYNC_WITH:
        return 1;
    case TN_LOAD_GLOBAL:
        return 1 + (arg & 1);
    case TN_LOAD_ATTR:
        return arg & 1;
    case TN_STORE_ATTR: case TN_DELETE_SUBSCR: case TN_MAP_ADD:
    case TN_END_ASYNC_FOR:
        return -2;
    case TN_STORE_SUBSCR:
        return -3;
    case TN_BUILD_SLICE:
        return 1 - arg;
    case TN_BUILD_TUPLE: case TN_BUILD_LIST: case TN_BUILD_SET: case TN_BUILD_STRING:
        return 1 - arg;
    case TN_BUILD_MAP:
        return 1 - 2 * arg;
    case TN_BUILD_CONST_KEY_MAP:
        return -arg;
    case TN_FORMAT_VALUE:
        return (arg & 4) ? -1 : 0;
    case TN_UNPACK_SEQUENCE:
        return arg - 1;
    case TN_UNPACK_EX:
        return (arg & 0xFF) + (arg >> 8);
    case TN_CALL:
        return -1 - arg;
    case TN_CALL_FUNCTION_EX:
        return -2 - (arg & 1);
    case TN_MAKE_FUNCTION:
        return -popcount4(arg);
    case TN_RAISE_VARARGS:
        return -arg;
    /* pattern matching */
    case TN_MATCH_CLASS:            /* [subject, cls, kwnames] -> [attrs or None] */
        return -2;
    case TN_MATCH_MAPPING: case TN_MATCH_SEQUENCE: case TN_MATCH_KEYS: case TN_GET_LEN:
        return 1;
    case TN_COPY_DICT_WITHOUT_KEYS: /* [subject, keys] -> [subject, rest] */
        return 0;
    case TN_FOR_ITER: case TN_JUMP_IF_FALSE_OR_POP: case TN_JUMP_IF_TRUE_OR_POP:
    case TN_SEND:
        return branch_effect(op, jump);
    default:
        return 0;
    }
}
