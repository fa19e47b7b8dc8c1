/* core/modules/builtins_async.h — the builtins aiter() and anext() and the
 * anext_awaitable type (anext with a default).  Private to core/modules. */
#ifndef TN_BUILTINS_ASYNC_H
#define TN_BUILTINS_ASYNC_H

#include "core/object.h"

extern TnType tn_type_anext_awaitable;

TnObject *tn_builtin_aiter(TnObject *module, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames);
TnObject *tn_builtin_anext(TnObject *module, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames);

#endif
