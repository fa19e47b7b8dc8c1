/* core/compiler/parser.h — Python source to AST.
 *
 * A port of CPython 3.11's parser: the same grammar (Grammar/python.gram),
 * the same AST (core/compiler/ast.h) with the same locations, and the same
 * SyntaxError messages and positions for invalid input.
 */
#ifndef TN_PARSER_H
#define TN_PARSER_H

#include "core/compiler/ast.h"

/* Parse UTF-8 source into an AST allocated in arena.  filename is used for
 * SyntaxError.  Returns NULL with SyntaxError/IndentationError/TabError set
 * (via tn_err_syntax in core/vm/errors.h) on bad input; other exceptions
 * (MemoryError, RecursionError for absurdly deep nesting, OverflowError for
 * integer literals that do not fit yet) propagate as they are. */
TnMod *tn_parse_string(const char *src, tn_ssize_t len, const char *filename,
                       TnCompileMode mode, TnArena *arena);

/* flags for tn_parse_string_ex */
#define TN_PARSE_STR_INPUT 0x1   /* the source is a str (exec()/compile() of a str):
                                    error columns are characters, as CPython does;
                                    for files CPython reports byte columns unless
                                    the file has a BOM or a coding declaration */
TnMod *tn_parse_string_ex(const char *src, tn_ssize_t len, const char *filename,
                          TnCompileMode mode, TnArena *arena, int flags);

#endif /* TN_PARSER_H */
