/* core/objects/object_reduce.h — object.__reduce__ / __reduce_ex__ (object_reduce.c). */
#ifndef TN_OBJECT_REDUCE_H
#define TN_OBJECT_REDUCE_H

#include "core/object.h"

TnObject *tn_object_reduce_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames);
TnObject *tn_object_reduce_ex_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames);

/* object.__getstate__()'s value (dict or None, with the __slots__ values). */
TnObject *tn_object_default_getstate(TnObject *self);

#endif
