/* core/modules/builtins_iter.h — the iterator types of the builtins module
 * (enumerate, zip, map, filter, reversed, callable_iterator) and helpers
 * shared by builtins.c, builtins_iter.c and sys.c.  Private to core/modules. */
#ifndef TN_BUILTINS_ITER_H
#define TN_BUILTINS_ITER_H

#include "core/object.h"

extern TnType tn_type_enumerate, tn_type_zip, tn_type_map, tn_type_filter;
extern TnType tn_type_reversed, tn_type_callable_iterator;

/* iter(callable, sentinel): call callable until it returns sentinel.  New ref. */
TnObject *tn_calliter_new(TnObject *callable, TnObject *sentinel);

/* Ready the iterator types if the startup code has not done so yet.  0 / -1. */
int tn_builtins_iter_init_types(void);

/* _PyArg_CheckPositional's message in every case, including min == max == 1
 * ("reversed expected 1 argument, got 0"), which tn_args_count renders in
 * the METH_O form.  0 / -1. */
int tn_builtins_check_positional(const char *fname, tn_ssize_t nargs, tn_ssize_t min,
                                 tn_ssize_t max);

/* Call the special method `name` looked up on type(self) (not on the
 * instance, as CPython's _PyObject_LookupSpecial) with args.
 * Returns 1 with *result (new ref), 0 if the type has no such attribute
 * (no exception), -1 on error. */
int tn_builtins_call_special(TnObject *self, const char *name, TnObject *const *args,
                             tn_ssize_t nargs, TnObject **result);

/* o as a C int, CPython's _PyLong_AsInt: __index__, then OverflowError
 * "Python int too large to convert to C int".  0 / -1. */
int tn_builtins_as_int(TnObject *o, int *out);

#endif
