/* core/objects/genericalias.h — list[int] and int | str. */
#ifndef TN_GENERICALIAS_H
#define TN_GENERICALIAS_H

#include "core/object.h"

extern TnType tn_type_generic_alias, tn_type_union;

/* origin[args] (args: a tuple, or a single object). */
TnObject *tn_generic_alias_new(TnObject *origin, TnObject *args);
/* a | b for classes, None, aliases and unions (NotImplemented otherwise). */
TnObject *tn_union_or(TnObject *a, TnObject *b);
/* The member tuple of a union (borrowed), or NULL if o is not one. */
TnObject *tn_union_args(TnObject *o);

#endif
