/* core/objects/structseq.h — struct sequences: named tuples made in C.
 *
 * A struct-sequence type (sys.version_info, sys.flags, sys.float_info,
 * later time.struct_time and os.stat_result) is a static subclass of tuple
 * whose instances are plain tuple items plus one read-only getter per field
 * name.  Indexing, slicing, comparison and hashing are tuple's; repr is
 * "sys.version_info(major=3, minor=11, ...)".  Instances are allocated the
 * way every tuple subclass is (tuple.__new__ with the subtype: items inline,
 * basicsize == sizeof(TnTuple)).  The types cannot be instantiated from
 * Python and cannot be subclassed.
 */
#ifndef TN_STRUCTSEQ_H
#define TN_STRUCTSEQ_H

#include "core/object.h"

typedef struct TnStructSeqType {
    TnType type;                 /* must be first */
    const char *repr_name;       /* "sys.version_info" */
    const char *const *fields;   /* NULL-terminated field names */
    tn_ssize_t nfields;
} TnStructSeqType;

/* Fill in and ready st as a struct-sequence type named `name` in module
 * `module` (st must be zeroed static storage).  Idempotent.  0 / -1. */
int tn_structseq_init_type(TnStructSeqType *st, const char *module, const char *name,
                           const char *repr_name, const char *const *fields);
/* A new instance with nfields values (borrowed; each is increfed).  New
 * ref or NULL. */
TnObject *tn_structseq_new(TnStructSeqType *st, TnObject *const *values);
/* As tn_structseq_new, but steals every value (NULL values mean an earlier
 * allocation failed: the others are released and NULL is returned). */
TnObject *tn_structseq_new_steal(TnStructSeqType *st, TnObject **values);

#endif
