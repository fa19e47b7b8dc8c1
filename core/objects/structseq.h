/* core/objects/structseq.h — struct sequences: named tuples made in C.
 *
 * A struct-sequence type (sys.version_info, sys.flags, sys.float_info,
 * later time.struct_time and os.stat_result) is a static subclass of tuple
 * whose instances are plain tuple items plus one read-only getter per field
 * name.  Indexing, slicing, comparison and hashing are tuple's; repr is
 * "sys.version_info(major=3, minor=11, ...)".  Instances are allocated the
 * way every tuple subclass is (tuple.__new__ with the subtype: items inline,
 * basicsize == sizeof(TnTuple)).  The types made by tn_structseq_init_type
 * cannot be instantiated from Python and cannot be subclassed.
 *
 * tn_structseq_init_type_ex makes CPython's fuller kind (os.stat_result,
 * os.terminal_size): only the first n_in_sequence fields are tuple items,
 * the others are attributes only, kept after the items (basicsize grows by
 * one pointer per hidden field, as tuple.h allows subclass fields there);
 * fields named TN_STRUCTSEQ_UNNAMED are items without an attribute (stat's
 * integer times); and Python may call the type with a sequence of
 * n_in_sequence to nfields values (CPython's structseq_new).
 */
#ifndef TN_STRUCTSEQ_H
#define TN_STRUCTSEQ_H

#include "core/object.h"
#include "core/objects/tuple.h"

typedef struct TnStructSeqType {
    TnType type;                 /* must be first */
    const char *repr_name;       /* "sys.version_info" */
    const char *const *fields;   /* NULL-terminated field names */
    tn_ssize_t nfields;
    tn_ssize_t n_in_sequence;    /* the tuple items; == nfields for the plain kind */
    bool constructible;          /* type(sequence, dict=None) allowed */
} TnStructSeqType;

/* The name of a field that is an item without an attribute. */
extern const char tn_structseq_unnamed[];
#define TN_STRUCTSEQ_UNNAMED tn_structseq_unnamed

/* Fill in and ready st as a struct-sequence type named `name` in module
 * `module` (st must be zeroed static storage).  Idempotent.  0 / -1. */
int tn_structseq_init_type(TnStructSeqType *st, const char *module, const char *name,
                           const char *repr_name, const char *const *fields);
/* The fuller kind (above): constructible, with hidden fields after the
 * first n_in_sequence.  0 / -1. */
int tn_structseq_init_type_ex(TnStructSeqType *st, const char *module, const char *name,
                              const char *repr_name, const char *const *fields,
                              tn_ssize_t n_in_sequence);
/* The hidden fields of an instance of the fuller kind (nfields -
 * n_in_sequence slots, each a strong reference): to fill in a new
 * instance before anyone else sees it. */
static inline TnObject **tn_structseq_hidden(TnObject *self)
{
    return ((TnTuple *)self)->items + ((TnTuple *)self)->size;
}
/* A new instance with nfields values (borrowed; each is increfed).  New
 * ref or NULL. */
TnObject *tn_structseq_new(TnStructSeqType *st, TnObject *const *values);
/* As tn_structseq_new, but steals every value (NULL values mean an earlier
 * allocation failed: the others are released and NULL is returned). */
TnObject *tn_structseq_new_steal(TnStructSeqType *st, TnObject **values);

#endif
