/* core/vm/args.h — argument checking helpers for C functions using the
 * vectorcall convention.  Messages follow CPython's exactly. */
#ifndef TN_ARGS_H
#define TN_ARGS_H

#include "core/object.h"

/* "f() takes no keyword arguments" if kwnames is non-empty.  0 / -1. */
int tn_args_no_kw(const char *fname, TnObject *kwnames);
/* Positional count in [min, max] (max < 0 = unbounded); CPython's messages:
 *   "len() takes exactly one argument (2 given)"
 *   "f() takes no arguments (1 given)" when max == 0
 *   "f expected at most 2 arguments, got 3" / "f expected at least 1 argument, got 0"
 * The first form is used when min == max == 1 (METH_O style), the second
 * otherwise.  0 / -1. */
int tn_args_count(const char *fname, tn_ssize_t nargs, tn_ssize_t min, tn_ssize_t max);
/* Parse positional-or-keyword arguments by name.  names: NULL-terminated
 * parameter names; the first `posonly` are positional-only; the first
 * `required` must be present.  out[i] receives a BORROWED reference or NULL.
 * Errors as CPython's argument clinic: "f() missing required argument 'x' (pos 1)",
 * "'y' is an invalid keyword argument for f()", "f() takes at most 2 arguments (3 given)",
 * "argument for f() given by name ('x') and position (1)".  0 / -1. */
int tn_args_parse(const char *fname, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames,
                  const char *const *names, int posonly, int required, TnObject **out);

#endif
