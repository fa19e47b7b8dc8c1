/* core/compiler/opcodes.h — the opcode enum and metadata, from opcodes.def. */
#ifndef TN_OPCODES_H
#define TN_OPCODES_H

#define TN_OPF_ARG   0x01
#define TN_OPF_JUMP  0x02
#define TN_OPF_CONST 0x04
#define TN_OPF_NAME  0x08
#define TN_OPF_LOCAL 0x10

typedef enum {
#define TN_OPCODE(name, flags) TN_##name,
#include "core/compiler/opcodes.def"
#undef TN_OPCODE
    TN_OPCODE_COUNT
} TnOpcode;

_Static_assert(TN_OPCODE_COUNT <= 256, "opcodes fit in 8 bits");

extern const char *const tn_opcode_names[TN_OPCODE_COUNT];
extern const unsigned char tn_opcode_flags[TN_OPCODE_COUNT];

#endif
