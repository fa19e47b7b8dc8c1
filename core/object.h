/* core/object.h — the object header, the type object, and the refcount API.
 *
 * Invariants
 * ----------
 * Every heap or static object begins with a TnObject.  Its layout is the one
 * place where the two flavours differ in representation:
 *
 *   gil (16 bytes)                  ft (32 bytes)
 *   0  refcnt   intptr_t            0  tid        uintptr_t  owning thread (biased RC; 0 = unowned)
 *   8  type     TnType *            8  flags      uint16_t   TN_OBJ_FLAG_*
 *                                   10 mutex      uint8_t    one-byte per-object lock
 *                                   11 gc_bits    uint8_t    collector flags
 *                                   12 ref_local  uint32_t   owner's count; UINT32_MAX = immortal
 *                                   16 ref_shared intptr_t   count updated atomically by everyone
 *                                   24 type       TnType *
 *
 * No code outside this header and threading/ reads or writes the refcount
 * fields: it goes through tn_incref / tn_decref / tn_refcnt / tn_set_immortal.
 *
 * Immortal objects (None, True, False, small ints, static types, interned
 * strings, code constants) are never counted and never freed:
 *   gil: refcnt is negative (TN_IMMORTAL_REFCNT); incref/decref test the sign.
 *   ft:  ref_local == UINT32_MAX; nobody touches ref_shared.
 *
 * Reference counting in the ft flavour has two modes (core/config.h):
 *   TN_RC_BIASED (default): biased counting.  tid is the creating thread
 *     (tn_thread_id()); that thread counts in ref_local with plain relaxed
 *     loads and stores, every other thread counts in ref_shared with atomic
 *     operations.  ref_shared = (count << TN_REF_SHARED_SHIFT) | state; the
 *     transitions between states are threading/brc.c's slow paths.
 *   TN_RC_ATOMIC (ablation): the count lives in ref_shared and every thread
 *     updates it with an atomic add; ref_local is only the immortal marker.
 */
#ifndef TN_OBJECT_H
#define TN_OBJECT_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include "core/config.h"
#include "threading/atomic.h"
#include "threading/thread_id.h"

typedef struct TnType TnType;
typedef intptr_t tn_ssize_t;
typedef intptr_t tn_hash_t;

#if TN_FREE_THREADED
typedef struct TnObject {
    uintptr_t tid;
    uint16_t flags;
    uint8_t mutex;
    uint8_t gc_bits;
    uint32_t ref_local;
    intptr_t ref_shared;
    TnType *type;
} TnObject;
_Static_assert(sizeof(TnObject) == 32, "ft object header is 32 bytes");
_Static_assert(offsetof(TnObject, tid) == 0, "tid at 0");
_Static_assert(offsetof(TnObject, flags) == 8, "flags at 8");
_Static_assert(offsetof(TnObject, mutex) == 10, "mutex at 10");
_Static_assert(offsetof(TnObject, gc_bits) == 11, "gc_bits at 11");
_Static_assert(offsetof(TnObject, ref_local) == 12, "ref_local at 12");
_Static_assert(offsetof(TnObject, ref_shared) == 16, "ref_shared at 16");
_Static_assert(offsetof(TnObject, type) == 24, "type at 24");
#define TN_IMMORTAL_LOCAL UINT32_MAX
#define TN_STATIC_OBJECT_HEAD(tp) \
    { .tid = 0, .flags = TN_OBJ_FLAG_STATIC, .mutex = 0, .gc_bits = 0, \
      .ref_local = TN_IMMORTAL_LOCAL, .ref_shared = 0, .type = (tp) }
#else
typedef struct TnObject {
    intptr_t refcnt;
    TnType *type;
} TnObject;
_Static_assert(sizeof(TnObject) == 16, "gil object header is 16 bytes");
_Static_assert(offsetof(TnObject, refcnt) == 0, "refcnt at 0");
_Static_assert(offsetof(TnObject, type) == 8, "type at 8");
/* Negative counts mean immortal; the value is far from 0 and from
 * INTPTR_MIN so stray increments or decrements cannot reach either. */
#define TN_IMMORTAL_REFCNT (INTPTR_MIN / 2)
/* Heap objects made immortal at run time (code constants) get a count one
 * above the static objects', so the two stay distinguishable without a
 * flags word: a static object has no gc header before it (gc/gc.h). */
#define TN_IMMORTAL_HEAP_REFCNT (TN_IMMORTAL_REFCNT + 1)
#define TN_STATIC_OBJECT_HEAD(tp) { .refcnt = TN_IMMORTAL_REFCNT, .type = (tp) }
#endif

/* TnObject.flags bits (ft only; the gil header has no flags word). */
#define TN_OBJ_FLAG_STATIC 0x1

/* Cast any object struct pointer to TnObject *. */
#define TN_OBJ(op) ((TnObject *)(op))

static inline TnType *tn_type(const TnObject *op) { return op->type; }
static inline void tn_set_type(TnObject *op, TnType *tp) { op->type = tp; }

void tn_dealloc(TnObject *op);

/* ---- refcount API ------------------------------------------------------ */

#if TN_FREE_THREADED

static inline bool tn_is_immortal(const TnObject *op)
{
    return tn_atomic_load_u32_relaxed(&op->ref_local) == TN_IMMORTAL_LOCAL;
}

#if TN_RC_BIASED

/* ref_shared's low bits: the merge state of threading/brc.c. */
#define TN_REF_SHARED_SHIFT 2
#define TN_REF_FLAG_MASK 0x3
#define TN_REF_UNSHARED 0x0
#define TN_REF_MAYBE_WEAKREF 0x1
#define TN_REF_QUEUED 0x2
#define TN_REF_MERGED 0x3

/* Slow paths (threading/brc.c). */
void tn_brc_merge_zero_local(TnObject *op);
void tn_brc_decref_shared(TnObject *op);

static inline bool tn_is_owned_by_current_thread(const TnObject *op)
{
    return tn_atomic_load_uintptr_relaxed(&op->tid) == tn_thread_id();
}

static inline void tn_incref(TnObject *op)
{
    uint32_t local = tn_atomic_load_u32_relaxed(&op->ref_local);
    if (local == TN_IMMORTAL_LOCAL)
        return;
    /* Owner: a plain increment (relaxed atomics compile to plain moves and
     * tell ThreadSanitizer that other threads may read the value).  A count
     * that reaches UINT32_MAX turns the object immortal, as in CPython. */
    if (tn_is_owned_by_current_thread(op))
        tn_atomic_store_u32_relaxed(&op->ref_local, local + 1);
    else
        tn_atomic_add_intptr(&op->ref_shared, (intptr_t)1 << TN_REF_SHARED_SHIFT);
}

static inline void tn_decref(TnObject *op)
{
    uint32_t local = tn_atomic_load_u32_relaxed(&op->ref_local);
    if (local == TN_IMMORTAL_LOCAL)
        return;
    if (tn_is_owned_by_current_thread(op)) {
        TN_ASSERT(local != 0);   /* a count never goes below zero */
        local--;
        tn_atomic_store_u32_relaxed(&op->ref_local, local);
        if (local == 0) {
            /* Acquire: a shared count of 0 means other threads' balanced
             * updates are over, and their writes must be visible to dealloc. */
            if (tn_atomic_load_intptr_acquire(&op->ref_shared) == 0)
                tn_dealloc(op);
            else
                tn_brc_merge_zero_local(op);
        }
    } else {
        tn_brc_decref_shared(op);
    }
}

/* An upper bound of the true count (a queued object's pending drop is not
 * subtracted), exact whenever no merge is pending. */
static inline tn_ssize_t tn_refcnt(const TnObject *op)
{
    uint32_t local = tn_atomic_load_u32_relaxed(&op->ref_local);
    if (local == TN_IMMORTAL_LOCAL)
        return (tn_ssize_t)UINT32_MAX;
    return (tn_ssize_t)local + (tn_atomic_load_intptr_relaxed(&op->ref_shared) >> TN_REF_SHARED_SHIFT);
}

/* Weak references (core/objects/weakref.c, docs/threading.md "Weak
 * references").  A thread that reads a referent through a weak reference
 * holds no reference to it, so it must not resurrect an object whose
 * destruction has been decided.  Destruction is decided either by the
 * owner's fast path (local count 0 and ref_shared exactly 0: no atomic
 * operation at all) or by an atomic operation that leaves ref_shared at
 * exactly MERGED (count 0).  tn_object_set_maybe_weakref, called before
 * the first weak reference to op is published, moves ref_shared out of 0
 * for good (states only go up: UNSHARED < MAYBE_WEAKREF < QUEUED <
 * MERGED), so the owner always takes the slow path through a CAS; and
 * tn_try_incref adds to the shared count only by a CAS from a value that is
 * neither 0 nor MERGED-with-count-0.  The two CASes on ref_shared are
 * ordered: either the reader's comes first (the owner's merge then finds a
 * count of 1 and the object lives) or the owner's does (the reader sees
 * MERGED with count 0 and fails). */
static inline void tn_object_set_maybe_weakref(TnObject *op)
{
    if (tn_is_immortal(op))
        return;
    intptr_t shared = tn_atomic_load_intptr_relaxed(&op->ref_shared);
    while ((shared & TN_REF_FLAG_MASK) == TN_REF_UNSHARED) {
        if (tn_atomic_cas_intptr(&op->ref_shared, &shared, shared | TN_REF_MAYBE_WEAKREF))
            break;
    }
}

/* Take a reference to op unless its destruction has been decided (see
 * above); false then.  Only for objects marked with
 * tn_object_set_maybe_weakref (an unmarked object with no shared count is
 * reported dying), whose memory the caller knows is not yet freed (the
 * weak reference lists' lock keeps it). */
static inline bool tn_try_incref(TnObject *op)
{
    uint32_t local = tn_atomic_load_u32_relaxed(&op->ref_local);
    if (local == TN_IMMORTAL_LOCAL)
        return true;
    /* The owner's local count is its own: non-zero, no merge has started. */
    if (local != 0 && tn_is_owned_by_current_thread(op)) {
        tn_atomic_store_u32_relaxed(&op->ref_local, local + 1);
        return true;
    }
    intptr_t shared = tn_atomic_load_intptr_relaxed(&op->ref_shared);
    for (;;) {
        if (shared == TN_REF_UNSHARED || shared == TN_REF_MERGED)
            return false;
        if (tn_atomic_cas_intptr(&op->ref_shared, &shared, shared + ((intptr_t)1 << TN_REF_SHARED_SHIFT)))
            return true;
    }
}

/* Header initialisation of a freshly allocated object: one reference, owned
 * by the allocating thread. */
static inline void tn_object_init(TnObject *op, TnType *tp)
{
    op->tid = tn_thread_id();
    op->flags = 0;
    op->mutex = 0;
    op->gc_bits = 0;
    op->ref_local = 1;
    op->ref_shared = 0;
    op->type = tp;
}

#else /* TN_RC_ATOMIC */

static inline void tn_incref(TnObject *op)
{
    if (tn_is_immortal(op))
        return;
    tn_atomic_add_intptr(&op->ref_shared, 1);
}

static inline void tn_decref(TnObject *op)
{
    if (tn_is_immortal(op))
        return;
    /* The RMW is a full barrier on both backends: the thread that drops the
     * last reference sees every write made before other threads' decrefs. */
    intptr_t old = tn_atomic_add_intptr(&op->ref_shared, -1);
    TN_ASSERT(old > 0);   /* a count never goes below zero */
    if (old == 1)
        tn_dealloc(op);
}

static inline tn_ssize_t tn_refcnt(const TnObject *op)
{
    if (tn_is_immortal(op))
        return (tn_ssize_t)UINT32_MAX;
    return tn_atomic_load_intptr_relaxed(&op->ref_shared);
}

/* Weak references: a count that reached 0 never rises again (the thread
 * that made it 0 deallocates), so a CAS from a non-zero count is safe. */
static inline void tn_object_set_maybe_weakref(TnObject *op) { (void)op; }

static inline bool tn_try_incref(TnObject *op)
{
    if (tn_is_immortal(op))
        return true;
    intptr_t n = tn_atomic_load_intptr_relaxed(&op->ref_shared);
    while (n > 0) {
        if (tn_atomic_cas_intptr(&op->ref_shared, &n, n + 1))
            return true;
    }
    return false;
}

/* Header initialisation of a freshly allocated object: one reference. */
static inline void tn_object_init(TnObject *op, TnType *tp)
{
    op->tid = 0;
    op->flags = 0;
    op->mutex = 0;
    op->gc_bits = 0;
    op->ref_local = 0;
    op->ref_shared = 1;
    op->type = tp;
}

#endif /* TN_RC_BIASED */

static inline void tn_set_immortal(TnObject *op)
{
    tn_atomic_store_u32_relaxed(&op->ref_local, TN_IMMORTAL_LOCAL);
}

/* A statically allocated object (TN_STATIC_OBJECT_HEAD): never freed, and no
 * memory before it belongs to it. */
static inline bool tn_object_is_static(const TnObject *op) { return (op->flags & TN_OBJ_FLAG_STATIC) != 0; }

/* A finalizer runs on an object whose count reached zero: the object gets
 * one reference, owned by the calling thread, for the duration.
 * tn_object_resurrect_end drops it and says whether the object must stay:
 * false = the count is zero again (destroy it); true = a reference was
 * stored somewhere (or dropped on another thread, which then handled the
 * object's end): the caller must not touch the object. */
#if TN_RC_BIASED
static inline void tn_object_resurrect_start(TnObject *op)
{
    tn_atomic_store_uintptr_relaxed(&op->tid, tn_thread_id());
    tn_atomic_store_intptr_relaxed(&op->ref_shared, 0);
    tn_atomic_store_u32_relaxed(&op->ref_local, 1);
}

static inline bool tn_object_resurrect_end(TnObject *op)
{
    if (tn_atomic_load_u32_relaxed(&op->ref_local) == 1 && tn_atomic_load_intptr_acquire(&op->ref_shared) == 0
        && tn_is_owned_by_current_thread(op)) {
        tn_atomic_store_u32_relaxed(&op->ref_local, 0);
        return false;
    }
    tn_decref(op);
    return true;
}
#else
static inline void tn_object_resurrect_start(TnObject *op) { tn_atomic_store_intptr_relaxed(&op->ref_shared, 1); }

static inline bool tn_object_resurrect_end(TnObject *op)
{
    intptr_t one = 1;
    if (tn_atomic_cas_intptr(&op->ref_shared, &one, 0))
        return false;
    tn_decref(op);
    return true;
}
#endif

#else /* gil */

static inline bool tn_is_immortal(const TnObject *op) { return op->refcnt < 0; }

static inline void tn_incref(TnObject *op)
{
    if (op->refcnt >= 0)
        op->refcnt++;
}

static inline void tn_decref(TnObject *op)
{
    TN_ASSERT(op->refcnt != 0);   /* 0: already freed, or one decref too many */
    if (op->refcnt >= 0 && --op->refcnt == 0)
        tn_dealloc(op);
}

static inline tn_ssize_t tn_refcnt(const TnObject *op)
{
    return op->refcnt < 0 ? (tn_ssize_t)UINT32_MAX : op->refcnt;
}

static inline void tn_object_init(TnObject *op, TnType *tp)
{
    op->refcnt = 1;
    op->type = tp;
}

static inline void tn_set_immortal(TnObject *op)
{
    if (op->refcnt != TN_IMMORTAL_REFCNT)
        op->refcnt = TN_IMMORTAL_HEAP_REFCNT;
}

/* A statically allocated object (TN_STATIC_OBJECT_HEAD): never freed, and no
 * memory before it belongs to it. */
static inline bool tn_object_is_static(const TnObject *op) { return op->refcnt == TN_IMMORTAL_REFCNT; }

/* See the ft versions above. */
static inline void tn_object_resurrect_start(TnObject *op) { op->refcnt = 1; }

static inline bool tn_object_resurrect_end(TnObject *op)
{
    if (op->refcnt == 1) {
        op->refcnt = 0;
        return false;
    }
    tn_decref(op);
    return true;
}

/* Weak references (see the ft versions): under the GIL a count of 0 means
 * the object is being destroyed. */
static inline void tn_object_set_maybe_weakref(TnObject *op) { (void)op; }

static inline bool tn_try_incref(TnObject *op)
{
    if (op->refcnt == 0)
        return false;
    tn_incref(op);
    return true;
}

#endif

static inline void tn_xincref(TnObject *op)
{
    if (op != NULL)
        tn_incref(op);
}

static inline void tn_xdecref(TnObject *op)
{
    if (op != NULL)
        tn_decref(op);
}

/* Drop n references, refs[n-1] first (the order CPython's containers use);
 * NULLs are skipped. */
static inline void tn_xdecref_array(TnObject *const *refs, tn_ssize_t n)
{
    while (--n >= 0)
        tn_xdecref(refs[n]);
}

/* Return op after taking a new reference to it (CPython's Py_NewRef). */
static inline TnObject *tn_newref(TnObject *op)
{
    tn_incref(op);
    return op;
}

static inline TnObject *tn_xnewref(TnObject *op)
{
    tn_xincref(op);
    return op;
}

/* Clear a reference-holding variable safely: the variable is NULL before
 * the decref runs, so a destructor that looks at it sees no dangling value. */
#define TN_CLEAR(var)                          \
    do {                                       \
        TnObject *tn_tmp_ = TN_OBJ(var);       \
        if (tn_tmp_ != NULL) {                 \
            (var) = NULL;                      \
            tn_decref(tn_tmp_);                \
        }                                      \
    } while (0)

/* Replace the reference in var by new_steal, then drop the old one. */
#define TN_SETREF(var, new_steal)              \
    do {                                       \
        TnObject *tn_old_ = TN_OBJ(var);       \
        (var) = (new_steal);                   \
        tn_xdecref(tn_old_);                   \
    } while (0)

/* In a traverse function (TnType.traverse, whose parameters are named
 * visit and arg): visit op unless it is NULL, and return at once whatever
 * non-zero value the visit returns (CPython's Py_VISIT). */
#define TN_VISIT(op)                                   \
    do {                                               \
        TnObject *tn_vop_ = TN_OBJ(op);                \
        if (tn_vop_ != NULL) {                         \
            int tn_vr_ = visit(tn_vop_, arg);          \
            if (tn_vr_ != 0)                           \
                return tn_vr_;                         \
        }                                              \
    } while (0)

/* ---- type objects -------------------------------------------------------
 *
 * A type is a struct of slots plus method/getset tables.  Builtin types are
 * static, immortal TnType objects declared at the end of their file; the
 * slots are the only dispatch path the eval loop uses.  Python classes
 * (issue 3) fill the same slots from their dunder methods.
 *
 * Calling convention everywhere ("vectorcall"): positional arguments in
 * args[0..nargs-1]; when kwnames (a tuple of str) is not NULL, keyword values
 * follow in args[nargs..nargs+len(kwnames)-1].  All arguments are borrowed.
 * Return a new reference, or NULL with an exception set.
 */

typedef void (*tn_destructor)(TnObject *);
typedef TnObject *(*tn_unaryfunc)(TnObject *);
typedef TnObject *(*tn_binaryfunc)(TnObject *, TnObject *);
typedef TnObject *(*tn_ternaryfunc)(TnObject *, TnObject *, TnObject *);
typedef int (*tn_inquiry)(TnObject *);
typedef tn_ssize_t (*tn_lenfunc)(TnObject *);
typedef TnObject *(*tn_ssizeargfunc)(TnObject *, tn_ssize_t);
typedef int (*tn_ssizeobjargproc)(TnObject *, tn_ssize_t, TnObject *);
typedef int (*tn_objobjargproc)(TnObject *, TnObject *, TnObject *);
typedef int (*tn_objobjproc)(TnObject *, TnObject *);
typedef tn_hash_t (*tn_hashfunc)(TnObject *);
typedef TnObject *(*tn_richcmpfunc)(TnObject *, TnObject *, int op);
typedef TnObject *(*tn_getattrofunc)(TnObject *, TnObject *name);
/* value == NULL means delete. */
typedef int (*tn_setattrofunc)(TnObject *, TnObject *name, TnObject *value);
typedef TnObject *(*tn_vectorcallfunc)(TnObject *callable, TnObject *const *args,
                                       tn_ssize_t nargs, TnObject *kwnames);
/* A C method: self is the bound object (or the type for class methods). */
typedef TnObject *(*tn_cmethod)(TnObject *self, TnObject *const *args,
                                tn_ssize_t nargs, TnObject *kwnames);
/* Constructor: called as type(*args, **kw); type is the type being built. */
typedef TnObject *(*tn_newfunc)(TnType *type, TnObject *const *args,
                                tn_ssize_t nargs, TnObject *kwnames);
typedef TnObject *(*tn_getter)(TnObject *self, void *closure);
typedef int (*tn_setter)(TnObject *self, TnObject *value, void *closure);
/* Descriptor protocol: get(descr, instance or NULL, owner type); set with
 * value NULL = delete. */
typedef TnObject *(*tn_descrgetfunc)(TnObject *descr, TnObject *obj, TnObject *type);
typedef int (*tn_descrsetfunc)(TnObject *descr, TnObject *obj, TnObject *value);
typedef int (*tn_visitproc)(TnObject *, void *);
typedef int (*tn_traverseproc)(TnObject *, tn_visitproc, void *);

/* Rich comparison operators (same values as CPython's Py_LT..Py_GE). */
enum { TN_LT = 0, TN_LE = 1, TN_EQ = 2, TN_NE = 3, TN_GT = 4, TN_GE = 5 };
/* The truth of `a op b` for two ordered C values (CPython's
 * Py_RETURN_RICHCOMPARE, without the return). */
#define TN_RICHCOMPARE(a, b, op)                                              \
    ((op) == TN_LT ? (a) < (b) : (op) == TN_LE ? (a) <= (b)                   \
     : (op) == TN_EQ ? (a) == (b) : (op) == TN_NE ? (a) != (b)                \
     : (op) == TN_GT ? (a) > (b) : (a) >= (b))

typedef struct TnNumberMethods {
    tn_binaryfunc add, subtract, multiply, remainder, divmod;
    tn_ternaryfunc power;
    tn_unaryfunc negative, positive, absolute;
    tn_inquiry bool_;
    tn_unaryfunc invert;
    tn_binaryfunc lshift, rshift, and_, xor_, or_;
    tn_unaryfunc int_, float_;
    tn_binaryfunc floor_divide, true_divide;
    tn_unaryfunc index;
    tn_binaryfunc matrix_multiply;
    /* In-place forms; NULL means "fall back to the binary slot". */
    tn_binaryfunc inplace_add, inplace_subtract, inplace_multiply, inplace_remainder;
    tn_ternaryfunc inplace_power;
    tn_binaryfunc inplace_lshift, inplace_rshift, inplace_and, inplace_xor, inplace_or;
    tn_binaryfunc inplace_floor_divide, inplace_true_divide, inplace_matrix_multiply;
} TnNumberMethods;

typedef struct TnSequenceMethods {
    tn_lenfunc length;
    tn_binaryfunc concat;
    tn_ssizeargfunc repeat;
    /* The abstract layer (tn_object_getitem) adds the length to a negative
     * index first, as CPython's PySequence_GetItem does; slots called
     * directly must still reject indexes outside [0, len). */
    tn_ssizeargfunc item;
    tn_ssizeobjargproc ass_item;     /* value NULL = delete */
    tn_objobjproc contains;          /* 1, 0, or -1 with exception */
    tn_binaryfunc inplace_concat;
    tn_ssizeargfunc inplace_repeat;
} TnSequenceMethods;

typedef struct TnMappingMethods {
    tn_lenfunc length;
    tn_binaryfunc subscript;
    tn_objobjargproc ass_subscript;  /* value NULL = delete */
} TnMappingMethods;

/* Method table entry. */
#define TN_METH_STATIC 0x1   /* no self: called with self == NULL */
#define TN_METH_CLASS  0x2   /* self is the type */
typedef struct TnMethodDef {
    const char *name;
    tn_cmethod meth;
    int flags;
    const char *doc;
} TnMethodDef;

typedef struct TnGetSetDef {
    const char *name;
    tn_getter get;
    tn_setter set;      /* NULL: read-only attribute */
    const char *doc;
    void *closure;
} TnGetSetDef;

/* TnType.flags */
#define TN_TPFLAGS_BASETYPE     (1UL << 0)   /* may be subclassed */
#define TN_TPFLAGS_HEAPTYPE     (1UL << 1)   /* allocated at run time (class statement) */
#define TN_TPFLAGS_READY        (1UL << 2)   /* tn_type_ready has run */
#define TN_TPFLAGS_HAVE_GC      (1UL << 3)   /* instances can be part of cycles */
#define TN_TPFLAGS_METHOD_DESCRIPTOR (1UL << 4) /* descr_get binds like a function: LOAD_ATTR's
                                                   method form may skip the bound method */
#define TN_TPFLAGS_INT_SUBCLASS      (1UL << 24)
#define TN_TPFLAGS_LIST_SUBCLASS     (1UL << 25)
#define TN_TPFLAGS_TUPLE_SUBCLASS    (1UL << 26)
#define TN_TPFLAGS_STR_SUBCLASS      (1UL << 28)
#define TN_TPFLAGS_DICT_SUBCLASS     (1UL << 29)
#define TN_TPFLAGS_BASE_EXC_SUBCLASS (1UL << 30)
#define TN_TPFLAGS_TYPE_SUBCLASS     (1UL << 31)

struct TnType {
    TnObject ob;
    const char *name;            /* "int", "ZeroDivisionError" */
    tn_ssize_t basicsize;        /* bytes of a fixed-size instance */
    tn_ssize_t itemsize;         /* bytes per item of variable-size instances */
    unsigned long flags;
    TnType *base;                /* single base for layout; NULL only for object */

    tn_destructor dealloc;
    tn_unaryfunc repr;
    tn_unaryfunc str;
    tn_hashfunc hash;            /* NULL: inherit; tn_hash_not_implemented: unhashable */
    tn_richcmpfunc richcompare;
    tn_getattrofunc getattro;    /* NULL: tn_object_generic_getattr */
    tn_setattrofunc setattro;
    tn_vectorcallfunc call;      /* calling an instance */
    tn_unaryfunc iter;
    tn_unaryfunc iternext;       /* NULL without exception = exhausted */
    tn_newfunc new_;             /* type(...) constructs through this */
    tn_descrgetfunc descr_get;   /* instances are descriptors (functions, property) */
    tn_descrsetfunc descr_set;   /* non-NULL: data descriptor */
    tn_ssize_t dictoffset;       /* offset of the instance __dict__ pointer; 0 = none */

    const TnNumberMethods *as_number;
    const TnSequenceMethods *as_sequence;
    const TnMappingMethods *as_mapping;
    const TnMethodDef *methods;
    const TnGetSetDef *getsets;

    /* Cycle collection (gc/gc.h, docs/memory.md).  A type whose instances
     * can hold references that may form a cycle sets TN_TPFLAGS_HAVE_GC and
     * both slots.  traverse calls visit(ref, arg) for every reference the
     * object owns (NULL fields skipped; a non-zero return is returned at
     * once); it reads fields without taking the object's lock (the gil
     * flavour holds the GIL, the ft collector runs with the world stopped).
     * clear drops the references that can take part in a cycle, storing
     * NULL (or an empty state) before each decref, and leaves the object
     * valid for its dealloc and for any method call. */
    tn_traverseproc traverse;
    tn_inquiry clear;
    /* PEP 442 finalizer (`__del__` of a class): called at most once per
     * object, before weak references are cleared and before dealloc, by the
     * last decref or by the collector; it may resurrect the object.  Only
     * types with TN_TPFLAGS_HAVE_GC may have one (the once-only flag lives in
     * the gc state).  The slot reports its own errors as unraisable and
     * returns with no exception set. */
    tn_destructor finalize;
    /* Offset of the instance's weak-reference list head (a TnObject * that
     * only core/objects/weakref.c reads or writes); 0 = no weak references.
     * A negative offset is in the tail of a variable-size instance, as for
     * dictoffset (tn_object_field_ptr). */
    tn_ssize_t weaklistoffset;
    const char *doc;

    /* Filled by tn_type_ready: */
    TnObject *dict;              /* attribute dict: methods, getsets, class attrs */
    TnObject *mro;               /* tuple of types, self first */
    TnObject *bases;             /* tuple of types */
    uint32_t version_tag;        /* unique per type state; 0 = none assigned yet.  Changing
                                    the dict of a type resets its tag and its subclasses'
                                    (see tn_type_lookup's cache in type.c) */
    /* Weak references to this type object (types are weakly referenceable:
     * tn_type_type.weaklistoffset points here). */
    TnObject *weaklist;
};

extern TnType tn_type_type;
extern TnType tn_type_object;

/* a is b or derives from it (walks the MRO). */
bool tn_type_is_subtype(const TnType *a, const TnType *b);
static inline bool tn_object_type_check(const TnObject *op, const TnType *tp)
{
    return op->type == tp || tn_type_is_subtype(op->type, tp);
}

static inline bool tn_type_check_exact(const TnObject *op, const TnType *tp) { return op->type == tp; }

/* Does op take part in cycle collection?  Its type says so with
 * TN_TPFLAGS_HAVE_GC, except for statically allocated objects (the static
 * types and structseq types, instances of `type`, which has the flag for
 * classes made at run time; the empty tuple): they are immortal, never
 * allocated, and have no gc header before them (CPython's _PyObject_IS_GC
 * with type_is_gc). */
static inline bool tn_object_is_gc(const TnObject *op)
{
    return (op->type->flags & TN_TPFLAGS_HAVE_GC) && !tn_object_is_static(op);
}

#endif /* TN_OBJECT_H */
