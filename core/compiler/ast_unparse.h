/* core/compiler/ast_unparse.h — expression AST -> source text (CPython 3.11's
 * Python/ast_unparse.c), for `from __future__ import annotations`. */
#ifndef TN_AST_UNPARSE_H
#define TN_AST_UNPARSE_H

#include "core/object.h"
#include "core/compiler/ast.h"

/* The source text of e as CPython's unparser writes it (new str, or NULL
 * with an exception set). */
TnObject *tn_ast_unparse_expr(TnExpr *e);

#endif
