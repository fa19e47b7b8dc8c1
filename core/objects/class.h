/* core/objects/class.h — classes defined in Python and the builtin
 * descriptor types that support them. */
#ifndef TN_CLASS_H
#define TN_CLASS_H

#include "core/object.h"

extern TnType tn_type_super, tn_type_property, tn_type_staticmethod, tn_type_classmethod;
extern TnType tn_type_member_descr, tn_type_method_wrapper;

/* type.__new__(meta, name, bases, ns, **kwds): a new class.  kwds may be NULL. */
TnObject *tn_class_new(TnType *meta, TnObject *name, TnObject *bases, TnObject *ns, TnObject *kwds);
/* type's new_ slot: type(x) and type(name, bases, dict). */
TnObject *tn_type_new_slot(TnType *meta, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames);
/* type's call slot: new_ then __init__. */
/* __dict__ getter and setter of objects with a dict pointer (getset
 * closure unused). */
TnObject *tn_object_generic_get_dict(TnObject *self, void *c);
int tn_object_generic_set_dict(TnObject *self, TnObject *value, void *c);
TnObject *tn_type_call(TnObject *callable, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames);
/* builtins.__build_class__(func, name, *bases, metaclass=..., **kwds) */
TnObject *tn_build_class(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames);
/* type.mro(cls): a new list, the C3 linearisation of cls's bases. */
TnObject *tn_class_mro_list(TnType *tp);
/* object.__class__ = value: CPython's layout-compatibility rules.  0 / -1. */
int tn_class_set_instance_class(TnObject *self, TnObject *value);
/* object.__init__ and object.__init_subclass__, for object's method table. */
TnObject *tn_object_init_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames);
TnObject *tn_object_init_subclass_meth(TnObject *cls, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames);

#endif
