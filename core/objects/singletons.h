/* core/objects/singletons.h — None, NotImplemented, Ellipsis, True, False. */
#ifndef TN_SINGLETONS_H
#define TN_SINGLETONS_H

#include "core/objects/int.h"

extern TnObject tn_none_struct;
extern TnObject tn_notimplemented_struct;
extern TnObject tn_ellipsis_struct;
extern TnInt tn_false_struct, tn_true_struct;
extern TnType tn_type_none, tn_type_notimplemented, tn_type_ellipsis, tn_type_bool;

#define TN_NONE (&tn_none_struct)
#define TN_NOTIMPLEMENTED (&tn_notimplemented_struct)
#define TN_ELLIPSIS (&tn_ellipsis_struct)
#define TN_TRUE TN_OBJ(&tn_true_struct)
#define TN_FALSE TN_OBJ(&tn_false_struct)

/* Immortal, so no reference counting needed; returned as "new" references. */
static inline TnObject *tn_bool_from(int v) { return v ? TN_TRUE : TN_FALSE; }
static inline TnObject *tn_none_ref(void) { return TN_NONE; }
static inline bool tn_bool_check(const TnObject *op) { return op->type == &tn_type_bool; }

#endif
