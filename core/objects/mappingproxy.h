/* core/objects/mappingproxy.h — mappingproxy: a read-only view of a mapping
 * (what `C.__dict__` returns, and types.MappingProxyType). */
#ifndef TN_MAPPINGPROXY_H
#define TN_MAPPINGPROXY_H

#include "core/object.h"

extern TnType tn_type_mappingproxy;

/* A new proxy over mapping (borrowed; the proxy keeps a reference).  The
 * caller guarantees mapping is a mapping (type.__dict__ passes a dict). */
TnObject *tn_mappingproxy_new(TnObject *mapping);

#endif
