/* core/objects/module.h — module objects. */
#ifndef TN_MODULE_H
#define TN_MODULE_H

#include "core/object.h"

typedef struct TnModule {
    TnObject ob;
    TnObject *dict;
    TnObject *weaklist;    /* weak references to it (core/objects/weakref.h) */
} TnModule;

extern TnType tn_type_module;

/* A module with __name__ set (and __doc__ None). */
TnObject *tn_module_new(const char *name);
static inline TnObject *tn_module_dict(TnObject *m) { return ((TnModule *)m)->dict; }
/* Add every function in defs (terminated by a NULL name) as a builtin
 * function bound to the module.  0 / -1. */
int tn_module_add_functions(TnObject *m, const TnMethodDef *defs);
int tn_module_add_object(TnObject *m, const char *name, TnObject *value);  /* increfs */

#endif
