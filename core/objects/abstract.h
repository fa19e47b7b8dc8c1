/* core/objects/abstract.h — the object protocol: every generic operation the
 * VM and the builtins perform, dispatched through type slots only.
 * Unless stated otherwise: arguments are borrowed; results are new references;
 * NULL or -1 means an exception is set. */
#ifndef TN_ABSTRACT_H
#define TN_ABSTRACT_H

#include "core/object.h"

TnObject *tn_object_repr(TnObject *o);
TnObject *tn_object_str(TnObject *o);
TnObject *tn_object_ascii(TnObject *o);
tn_hash_t tn_object_hash(TnObject *o);           /* -1 on error (TypeError: unhashable type: 'list') */
tn_hash_t tn_hash_not_implemented(TnObject *o);  /* slot value meaning "unhashable" */
tn_hash_t tn_hash_pointer(const void *p);
tn_hash_t tn_hash_double(double v);              /* CPython-compatible numeric hash */
TnObject *tn_object_richcompare(TnObject *a, TnObject *b, int op);
int tn_object_richcompare_bool(TnObject *a, TnObject *b, int op);   /* identity shortcut for EQ/NE */
int tn_object_is_true(TnObject *o);              /* 1 / 0 / -1 */
int tn_object_not(TnObject *o);

TnObject *tn_object_getattr(TnObject *o, TnObject *name);  /* AttributeError message as CPython */
TnObject *tn_object_getattr_cstr(TnObject *o, const char *name);
/* Like getattr but a missing attribute is not an error: 1 found (*result new
 * ref), 0 missing (no exception), -1 error.  name may be the NULL of a
 * failed tn_str_intern_cstr("..."): -1 with its MemoryError. */
int tn_object_lookup_attr(TnObject *o, TnObject *name, TnObject **result);
int tn_object_setattr(TnObject *o, TnObject *name, TnObject *v);    /* v NULL = delete */
int tn_object_hasattr(TnObject *o, TnObject *name);
/* object.__getattribute__ / __setattr__: type MRO (descriptors), instance dict. */
TnObject *tn_object_generic_getattr(TnObject *o, TnObject *name);
int tn_object_generic_setattr(TnObject *o, TnObject *name, TnObject *v);
/* The generic protocol with an explicit instance dict (NULL: none) instead
 * of the one at the type's dictoffset: _thread._local's per-thread dicts. */
TnObject *tn_object_generic_getattr_dict(TnObject *o, TnObject *name, TnObject *dict);
int tn_object_generic_setattr_dict(TnObject *o, TnObject *name, TnObject *v, TnObject **dictp);
/* Method lookup without creating a bound method: returns 1 with *meth = unbound
 * function (call it with self first), 0 with *meth = attribute value (call it
 * as is), or -1 on error. */
int tn_object_get_method(TnObject *o, TnObject *name, TnObject **meth);

/* Instance fields added by Python subclasses.  A field offset >= 0 counts
 * from the start of the object.  Subclasses of the variable-size builtins
 * (int, str, tuple, bytes) put their fields after the items instead, as
 * CPython's negative tp_dictoffset does: offset -(k + 1) is k bytes into the
 * pointer-aligned tail that follows them. */
char *tn_object_tail(TnObject *o);
TnObject **tn_object_field_ptr(TnObject *o, tn_ssize_t offset);
/* Address of o's __dict__ pointer (the pointer may be NULL: no dict made
 * yet), or NULL if o's type has no instance dict. */
TnObject **tn_object_dict_ptr(TnObject *o);
/* The instance dict at *dictp, created on first use (borrowed; NULL with
 * MemoryError).  Two threads racing to create it agree on one dict: the
 * first to publish it wins, the other drops its own. */
TnObject *tn_object_dict_get_or_create(TnObject **dictp);
TnObject *tn_object_get_iter(TnObject *o);       /* TypeError: 'int' object is not iterable */
TnObject *tn_iter_next(TnObject *it);            /* NULL without error = exhausted */
TnObject *tn_object_getitem(TnObject *o, TnObject *key);
int tn_object_setitem(TnObject *o, TnObject *key, TnObject *v);
int tn_object_delitem(TnObject *o, TnObject *key);
tn_ssize_t tn_object_length(TnObject *o);        /* TypeError: object of type 'int' has no len() */
int tn_sequence_contains(TnObject *seq, TnObject *item);   /* `item in seq`: 1 / 0 / -1 */

/* Binary operators: op is a TnOperator (+ TN_OP_INPLACE_OFFSET for a op= b).
 * Implements the reflected-operand protocol and CPython's TypeError:
 * "unsupported operand type(s) for +: 'int' and 'str'". */
TnObject *tn_number_binop(TnObject *a, TnObject *b, int op);
TnObject *tn_number_power(TnObject *a, TnObject *b, TnObject *mod);  /* mod None for 2-arg */
TnObject *tn_number_negative(TnObject *o);
TnObject *tn_number_positive(TnObject *o);
TnObject *tn_number_invert(TnObject *o);
TnObject *tn_number_absolute(TnObject *o);
TnObject *tn_number_index(TnObject *o);          /* operator.index: an int or TypeError */
/* o as a C index: __index__, then clip/raise.  exc NULL = clip to the ssize
 * range; otherwise raise exc ("cannot fit 'int' into an index-sized integer"). */
tn_ssize_t tn_number_as_ssize(TnObject *o, TnType *exc);
/* o as a C int, CPython's _PyLong_AsInt: __index__, then OverflowError
 * "Python int too large to convert to C int".  0 / -1. */
int tn_number_as_c_int(TnObject *o, int *out);
TnObject *tn_number_int(TnObject *o);            /* int(o) for one argument */
TnObject *tn_number_float(TnObject *o);          /* float(o) */
/* The operator's symbol for messages: "+", "//", "+=" ... */
const char *tn_binop_symbol(int op);

/* Calls (see the calling convention in core/object.h). */
TnObject *tn_call(TnObject *callable, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames);
TnObject *tn_call_noargs(TnObject *callable);
TnObject *tn_call_one(TnObject *callable, TnObject *arg);
TnObject *tn_call_method_cstr(TnObject *obj, const char *name, TnObject *const *args, tn_ssize_t nargs);
/* callable(*args_tuple, **kwargs_dict); kwargs may be NULL. */
TnObject *tn_call_tuple_dict(TnObject *callable, TnObject *args, TnObject *kwargs);
int tn_callable_check(TnObject *o);

/* format(obj, spec): calls type(obj).__format__; builtin int/float/str/bool
 * implement the full format mini-language (core/objects/format.c).  spec is a
 * str (may be empty). */
TnObject *tn_object_format(TnObject *obj, TnObject *spec);

int tn_object_isinstance(TnObject *inst, TnObject *cls);   /* cls may be a tuple */
int tn_object_issubclass(TnObject *derived, TnObject *cls);

#endif
