/* core/compiler/dis.h — the disassembler (debugging, and the `dis` module later). */
#ifndef TN_DIS_H
#define TN_DIS_H

#include <stdio.h>
#include "core/object.h"

/* Print code (a TnCode) in the layout of CPython's dis.dis(): line number
 * column, jump-target marker, instruction INDEX, opname, argument and the
 * resolved argument in parentheses; then the exception table; then every
 * nested code object in co_consts, recursively ("Disassembly of ...:").
 * Never fails: repr errors are cleared and shown as "<?>". */
void tn_code_dump(TnObject *code, FILE *out);

#endif
