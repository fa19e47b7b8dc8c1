/* core/objects/int_bytes.h — int.to_bytes / int.from_bytes. */
#ifndef TN_INT_BYTES_H
#define TN_INT_BYTES_H

#include "core/object.h"

TnObject *tn_int_to_bytes_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames);
/* A class method: cls is int or a subclass. */
TnObject *tn_int_from_bytes_meth(TnObject *cls, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames);

#endif
