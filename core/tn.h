/* core/tn.h — the interpreter's internal API in one include. */
#ifndef TN_TN_H
#define TN_TN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/config.h"
#include "core/object.h"
#include "alloc/alloc.h"
#include "threading/critical_section.h"
#include "core/vm/state.h"
#include "core/vm/errors.h"
#include "core/vm/args.h"
#include "core/objects/abstract.h"
#include "core/objects/type.h"
#include "core/objects/singletons.h"
#include "core/objects/int.h"
#include "core/objects/float.h"
#include "core/objects/str.h"
#include "core/objects/tuple.h"
#include "core/objects/list.h"
#include "core/objects/dict.h"
#include "core/objects/set.h"
#include "core/objects/range.h"
#include "core/objects/function.h"
#include "core/objects/code.h"
#include "core/objects/module.h"
#include "core/objects/exceptions.h"
#include "core/objects/bytes.h"
#include "core/objects/memoryview.h"
#include "core/objects/codecs.h"
#include "core/objects/genobject.h"
#include "core/objects/slots.h"
#include "core/objects/class.h"
#include "core/objects/genericalias.h"
#include "core/objects/weakref.h"

/* Allocate a fixed-size object of `size` bytes (>= sizeof(TnObject)) with its
 * header initialised to one reference; the rest is zeroed.  NULL + MemoryError. */
TnObject *tn_object_new(TnType *tp, size_t size);
/* The same without setting MemoryError: NULL alone (for raising MemoryError). */
TnObject *tn_object_alloc(TnType *tp, size_t size);
/* Free an object's memory (called by dealloc slots after they drop their refs). */
void tn_object_free(TnObject *op);

#endif
