/* core/compiler/compile.h — AST -> code objects (the bytecode compiler).
 *
 * The bytecode patterns emitted for each construct are described in the
 * header comment of core/compiler/compile.c.
 */
#ifndef TN_COMPILE_H
#define TN_COMPILE_H

#include "core/object.h"
#include "core/compiler/ast.h"

/* compile()'s flags that concern the AST (CPython's PyCF_*; the _ast module
 * exports them). */
#define TN_CF_ONLY_AST              0x0400
#define TN_CF_TYPE_COMMENTS         0x1000
#define TN_CF_ALLOW_TOP_LEVEL_AWAIT 0x2000

/* Compile an AST into a code object.  Returns a new TnCode reference, or NULL
 * with SyntaxError set (e.g. "'return' outside function", "'break' outside loop",
 * "'continue' not properly in loop", "name 'x' is used prior to global declaration",
 * "no binding for nonlocal 'x' found") with location, via tn_err_syntax.
 * Constructs not compiled yet raise SyntaxError "... not supported yet" at
 * their location.  The arena must stay alive during the call. */
TnObject *tn_compile_ast(TnMod *mod, const char *filename, TnCompileMode mode, TnArena *arena);

/* Same as tn_compile_ast; src/len (may be NULL/0) is the text the AST was
 * parsed from, used to attach the source line to SyntaxErrors and to report
 * their columns in characters. */
TnObject *tn_compile_ast_source(TnMod *mod, const char *filename, TnCompileMode mode,
                                TnArena *arena, const char *src, tn_ssize_t len);

/* Parse + compile (the parser is core/compiler/parser.h's tn_parse_string).
 * Returns a new TnCode reference or NULL with an exception set. */
TnObject *tn_compile_source(const char *src, tn_ssize_t len, const char *filename,
                            TnCompileMode mode);

/* Stack effect of one instruction (core/compiler/opcodes.c): the change in
 * value-stack depth when it falls through (jump == 0) or when it takes its
 * jump (jump == 1; only meaningful for TN_OPF_JUMP opcodes). */
int tn_opcode_stack_effect(int op, int arg, int jump);

#endif
