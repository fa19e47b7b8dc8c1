/* core/objects/weakref.c — weak references: weakref.ReferenceType,
 * weakref.ProxyType, weakref.CallableProxyType, and the clearing of an
 * object's weak references when it dies.  Design note: docs/weakref.md;
 * the API and the thread-safety argument: weakref.h.
 *
 * The list of weak references to an object is kept in CPython's order: the
 * shared callback-less ref (exact ReferenceType) first, then the shared
 * callback-less proxy, then the others, each new one inserted right after
 * the shared ones.  Callbacks therefore run newest first.
 */
#include <stdio.h>
#include "core/tn.h"
#include "core/objects/weakref.h"
#include "core/compiler/ast.h"   /* TN_OP_*: the operators of tn_number_binop */
#include "threading/mutex.h"

/* ---- the striped locks ---------------------------------------------------------------
 *
 * Weak references are created and die far less often than they are read,
 * so one small array of mutexes serves every referent (CPython 3.13t's
 * design).  They are taken without detaching (TN_LOCK_DONT_DETACH): the
 * sections under them are a few pointer moves that call no Python code,
 * allocate nothing and take no other lock, so a thread never parks at a
 * check point, nor blocks on anything else, while holding one.  That is
 * what lets the collector take them with the world stopped. */

#define WEAKREF_STRIPES 64
static TnMutex weakref_stripes[WEAKREF_STRIPES];

static TnMutex *stripe_for(const TnObject *ob)
{
    uintptr_t a = (uintptr_t)ob;
    return &weakref_stripes[((a >> 4) ^ (a >> 12)) % WEAKREF_STRIPES];
}

static void stripe_lock(TnMutex *m)
{
    if (TN_FREE_THREADED)
        tn_mutex_lock_raw(m);
}

static void stripe_unlock(TnMutex *m)
{
    if (TN_FREE_THREADED)
        tn_mutex_unlock(m);
}

/* The contract of the ..._stripe_held functions (debug builds, ft). */
#define ASSERT_STRIPE_HELD(m) TN_ASSERT(!TN_FREE_THREADED || tn_mutex_is_locked(m))

/* ---- lists --------------------------------------------------------------------------- */

/* The list head of ob, or NULL if ob's type has no weak references. */
static TnWeakRef **list_ptr(TnObject *ob)
{
    tn_ssize_t off = tn_type(ob)->weaklistoffset;
    return off != 0 ? (TnWeakRef **)tn_object_field_ptr(ob, off) : NULL;
}

/* The head is read without the lock by tn_weakref_clear_on_dealloc's
 * fast path, so it is always accessed atomically. */
static TnWeakRef *head_load(TnWeakRef **listp) { return tn_atomic_load_ptr((void *const *)listp); }
static void head_store(TnWeakRef **listp, TnWeakRef *wr) { tn_atomic_store_ptr_release((void **)listp, wr); }

static TnObject *referent_load(TnWeakRef *wr) { return tn_atomic_load_ptr((void *const *)&wr->referent); }

/* The shared callback-less ref at the head of a list and the shared proxy
 * after it (CPython's get_basic_refs).  Stripe held. */
static void basic_refs_stripe_held(TnWeakRef *head, TnWeakRef **refp, TnWeakRef **proxyp)
{
    *refp = *proxyp = NULL;
    if (head != NULL && head->callback == NULL && tn_type(TN_OBJ(head)) == &tn_type_weakref) {
        *refp = head;
        head = head->next;
    }
    if (head != NULL && head->callback == NULL && tn_weakref_check_proxy(TN_OBJ(head)))
        *proxyp = head;
}

/* The shared ref (or proxy) of ob's list as a new reference, or NULL if
 * there is none or it is being destroyed.  Stripe held. */
static TnObject *reuse_stripe_held(TnWeakRef **listp, bool proxy)
{
    TnWeakRef *ref, *prx;
    basic_refs_stripe_held(head_load(listp), &ref, &prx);
    TnWeakRef *wr = proxy ? prx : ref;
    return wr != NULL && tn_try_incref(TN_OBJ(wr)) ? TN_OBJ(wr) : NULL;
}

/* Put wr into ob's list at its place (see the top of this file). */
static void insert_stripe_held(TnWeakRef *wr, TnObject *ob, TnWeakRef **listp, bool shared, bool proxy)
{
    ASSERT_STRIPE_HELD(wr->lock);
    TnWeakRef *ref, *prx, *prev;
    basic_refs_stripe_held(head_load(listp), &ref, &prx);
    if (shared && !proxy)
        prev = NULL;
    else if (shared)
        prev = ref;
    else
        prev = prx != NULL ? prx : ref;
    wr->prev = prev;
    wr->next = prev != NULL ? prev->next : head_load(listp);
    if (wr->next != NULL)
        wr->next->prev = wr;
    if (prev != NULL)
        prev->next = wr;
    else
        head_store(listp, wr);
    tn_atomic_store_ptr_release((void **)&wr->referent, ob);
}

/* Take wr out of its referent's list: from now on it reports the referent
 * dead.  Its referent's memory is still valid (its destruction takes this
 * lock before freeing).  Stripe held. */
static void unlink_stripe_held(TnWeakRef *wr)
{
    ASSERT_STRIPE_HELD(wr->lock);
    TnObject *ob = wr->referent;
    if (ob == NULL)
        return;
    TnWeakRef **listp = list_ptr(ob);
    if (head_load(listp) == wr)
        head_store(listp, wr->next);
    if (wr->prev != NULL)
        wr->prev->next = wr->next;
    if (wr->next != NULL)
        wr->next->prev = wr->prev;
    wr->prev = wr->next = NULL;
    tn_atomic_store_ptr_release((void **)&wr->referent, NULL);
}

/* ---- creation ---------------------------------------------------------------------------- */

/* A new weak reference of type tp (a ref type, or one of the proxy types)
 * to ob.  The callback-less exact ref and the callback-less proxy are
 * shared: an existing live one is returned instead. */
static TnObject *weakref_create(TnType *tp, TnObject *ob, TnObject *callback, bool proxy)
{
    if (tn_type(ob)->weaklistoffset == 0)
        return tn_err_format(&tn_exc_TypeError, "cannot create weak reference to '%T' object", ob);
    if (callback == TN_NONE)
        callback = NULL;
    TnWeakRef **listp = list_ptr(ob);
    TnMutex *m = stripe_for(ob);
    bool shared = callback == NULL && (proxy || tp == &tn_type_weakref);
    TnObject *found = NULL;
    if (shared) {
        stripe_lock(m);
        found = reuse_stripe_held(listp, proxy);
        stripe_unlock(m);
        if (found != NULL)
            return found;
    }
    TnWeakRef *wr = (TnWeakRef *)tn_object_new(tp, (size_t)tp->basicsize);
    if (wr == NULL)
        return NULL;
    wr->hash = -1;
    wr->callback = tn_xnewref(callback);
    wr->lock = m;
    /* Before publishing: readers may now try-incref both (core/object.h). */
    tn_object_set_maybe_weakref(ob);
    tn_object_set_maybe_weakref(TN_OBJ(wr));
    stripe_lock(m);
    /* Another thread may have made the shared one meanwhile. */
    found = shared ? reuse_stripe_held(listp, proxy) : NULL;
    if (found == NULL)
        insert_stripe_held(wr, ob, listp, shared, proxy);
    stripe_unlock(m);
    if (found != NULL) {
        tn_decref(TN_OBJ(wr));
        return found;
    }
    return TN_OBJ(wr);
}

TnObject *tn_weakref_new_ref(TnObject *ob, TnObject *callback)
{
    return weakref_create(&tn_type_weakref, ob, callback, false);
}

TnObject *tn_weakref_new_proxy(TnObject *ob, TnObject *callback)
{
    TnType *tp = tn_callable_check(ob) ? &tn_type_weakcallableproxy : &tn_type_weakproxy;
    return weakref_create(tp, ob, callback, true);
}

/* ---- reading --------------------------------------------------------------------------- */

TnObject *tn_weakref_get_ref(TnObject *op)
{
    TnWeakRef *wr = (TnWeakRef *)op;
    /* The address only picks the stripe; it is dereferenced only under it,
     * after checking it is still the referent (it can only become NULL). */
    if (referent_load(wr) == NULL)
        return NULL;
    stripe_lock(wr->lock);
    TnObject *ob = referent_load(wr);
    if (ob != NULL && !tn_try_incref(ob))
        ob = NULL;
    stripe_unlock(wr->lock);
    return ob;
}

/* wr's callback as a new reference, or NULL. */
static TnObject *callback_ref(TnWeakRef *wr)
{
    if (wr->lock == NULL)
        return NULL;
    stripe_lock(wr->lock);
    TnObject *cb = tn_xnewref(wr->callback);
    stripe_unlock(wr->lock);
    return cb;
}

tn_ssize_t tn_weakref_count(TnObject *ob)
{
    TnWeakRef **listp = list_ptr(ob);
    if (listp == NULL)
        return 0;
    tn_ssize_t n = 0;
    TnMutex *m = stripe_for(ob);
    stripe_lock(m);
    for (TnWeakRef *wr = head_load(listp); wr != NULL; wr = wr->next)
        n++;
    stripe_unlock(m);
    return n;
}

/* Up to `cap` live weak references of the list, from the n-th on, as new
 * references into out.  Returns how many were stored.  Stripe held. */
static tn_ssize_t collect_stripe_held(TnWeakRef **listp, tn_ssize_t skip, TnObject **out, tn_ssize_t cap)
{
    tn_ssize_t k = 0;
    for (TnWeakRef *wr = head_load(listp); wr != NULL && k < cap; wr = wr->next) {
        if (skip > 0) {
            skip--;
            continue;
        }
        if (tn_try_incref(TN_OBJ(wr)))
            out[k++] = TN_OBJ(wr);
    }
    return k;
}

TnObject *tn_weakref_list(TnObject *ob)
{
    TnObject *result = tn_list_new(0);
    TnWeakRef **listp = list_ptr(ob);
    if (result == NULL || listp == NULL)
        return result;
    /* In batches, so that the list is appended to (which allocates) outside
     * the stripe. */
    TnMutex *m = stripe_for(ob);
    for (tn_ssize_t done = 0;;) {
        TnObject *batch[16];
        stripe_lock(m);
        tn_ssize_t k = collect_stripe_held(listp, done, batch, 16);
        stripe_unlock(m);
        int err = 0;
        for (tn_ssize_t i = 0; i < k; i++) {
            if (err == 0)
                err = tn_list_append(result, batch[i]);
            tn_decref(batch[i]);
        }
        if (err < 0) {
            tn_decref(result);
            return NULL;
        }
        if (k < 16)
            return result;
        done += k;
    }
}

/* instance.__weakref__: the first live weak reference, or None. */
TnObject *tn_weakref_first(TnObject *ob)
{
    TnWeakRef **listp = list_ptr(ob);
    TnObject *first = NULL;
    if (listp != NULL) {
        TnMutex *m = stripe_for(ob);
        stripe_lock(m);
        (void)collect_stripe_held(listp, 0, &first, 1);
        stripe_unlock(m);
    }
    return first != NULL ? first : tn_newref(TN_NONE);
}

/* ---- clearing ------------------------------------------------------------------------------ */

/* Call cb(wr) (both references stolen), reporting an error as unraisable.
 * An exception being handled by the caller is kept aside meanwhile. */
static void call_callback_steal(TnObject *wr, TnObject *cb)
{
    TnObject *saved = tn_err_fetch();
    TnObject *res = tn_call_one(cb, wr);
    if (res == NULL)
        tn_err_write_unraisable(NULL, cb);
    tn_xdecref(res);
    tn_decref(cb);
    tn_decref(wr);
    tn_err_restore(saved);
}

/* A detached weak reference whose callback is to be called (wr NULL: the
 * weak reference was being destroyed, its callback is only dropped). */
typedef struct {
    TnObject *wr;
    TnObject *cb;
} PendingCallback;

#define CLEAR_BATCH 16

/* Detach the weak references at the head of the list, taking their
 * callbacks, until `cap` entries are pending or the list is empty.
 * Returns the number of entries; *more tells whether the list is still
 * non-empty.  Stripe held. */
static tn_ssize_t detach_batch_stripe_held(TnWeakRef **listp, PendingCallback *pending, tn_ssize_t cap, bool *more)
{
    tn_ssize_t n = 0;
    TnWeakRef *wr;
    while (n < cap && (wr = head_load(listp)) != NULL) {
        unlink_stripe_held(wr);
        TnObject *cb = wr->callback;
        wr->callback = NULL;
        if (cb == NULL)
            continue;
        pending[n].wr = tn_try_incref(TN_OBJ(wr)) ? TN_OBJ(wr) : NULL;
        pending[n].cb = cb;
        n++;
    }
    *more = head_load(listp) != NULL;
    return n;
}

/* Call (or, without a thread state, only drop) the pending callbacks. */
static void run_pending(PendingCallback *pending, tn_ssize_t n, bool can_call)
{
    for (tn_ssize_t i = 0; i < n; i++) {
        if (pending[i].wr != NULL && can_call) {
            call_callback_steal(pending[i].wr, pending[i].cb);
        } else {
            tn_xdecref(pending[i].wr);
            tn_decref(pending[i].cb);
        }
    }
}

/* The weak references of a dying op: all detached first, as CPython does
 * (a callback that drops another weak reference to op does not prevent
 * that one's callback), then the callbacks called.  The list cannot grow
 * meanwhile (nobody can reach op to make a new one), so its length bounds
 * the array.  If the array cannot be allocated, they go in batches of
 * CLEAR_BATCH instead, each batch's callbacks called before the next is
 * detached.  A thread without a thread state (tn_dealloc's last resort)
 * cannot run Python code: the callbacks are dropped. */
static void clear_and_call(TnObject *op, TnWeakRef **listp)
{
    PendingCallback small[CLEAR_BATCH];
    PendingCallback *pending = small;
    tn_ssize_t cap = CLEAR_BATCH;
    tn_ssize_t count = tn_weakref_count(op);
    size_t bytes;
    if (count > CLEAR_BATCH && !tn_mem_mul((size_t)count, sizeof(PendingCallback), &bytes)) {
        PendingCallback *big = tn_mem_alloc(bytes);
        if (big != NULL) {
            pending = big;
            cap = count;
        }
    }
    TnMutex *m = stripe_for(op);
    bool can_call = tn_tstate() != NULL;
    bool more = true;
    while (more) {
        stripe_lock(m);
        tn_ssize_t n = detach_batch_stripe_held(listp, pending, cap, &more);
        stripe_unlock(m);
        run_pending(pending, n, can_call);
    }
    if (pending != small)
        tn_mem_free(pending);
}

void tn_weakref_clear_on_dealloc(TnObject *op)
{
    TnWeakRef **listp = list_ptr(op);
    if (listp == NULL || head_load(listp) == NULL)
        return;
    clear_and_call(op, listp);
}

/* Detach the head of the list; return it as a new reference if keep()
 * should get it (see tn_weakref_clear_for_gc), else NULL.  *empty tells
 * whether the list was empty.  Stripe held. */
static TnObject *gc_detach_one_stripe_held(TnWeakRef **listp, bool (*is_unreachable)(TnObject *wr), bool *empty)
{
    TnWeakRef *wr = head_load(listp);
    *empty = wr == NULL;
    if (wr == NULL)
        return NULL;
    unlink_stripe_held(wr);
    if (wr->callback == NULL || (is_unreachable != NULL && is_unreachable(TN_OBJ(wr))))
        return NULL;
    return tn_try_incref(TN_OBJ(wr)) ? TN_OBJ(wr) : NULL;
}

int tn_weakref_clear_for_gc(TnObject *op, bool (*is_unreachable)(TnObject *wr),
                            int (*keep)(TnObject *wr, void *arg), void *arg)
{
    TnWeakRef **listp = list_ptr(op);
    if (listp == NULL)
        return 0;
    TnMutex *m = stripe_for(op);
    int status = 0;
    for (;;) {
        bool empty;
        stripe_lock(m);
        TnObject *wr = gc_detach_one_stripe_held(listp, is_unreachable, &empty);
        stripe_unlock(m);
        if (empty)
            return status;
        if (wr == NULL)
            continue;
        if (status != 0)
            tn_decref(wr);    /* cannot reach zero: the collector holds it reachable */
        else
            status = keep(wr, arg);
    }
}

void tn_weakref_detach(TnObject *op)
{
    if (!tn_weakref_check(op) && !tn_weakref_check_proxy(op))
        return;
    TnWeakRef *wr = (TnWeakRef *)op;
    if (wr->lock == NULL)
        return;
    stripe_lock(wr->lock);
    unlink_stripe_held(wr);
    stripe_unlock(wr->lock);
}

void tn_weakref_call_callback(TnObject *wr)
{
    TnObject *cb = callback_ref((TnWeakRef *)wr);
    if (cb != NULL)
        call_callback_steal(tn_newref(wr), cb);
}

/* ---- weakref.ReferenceType ------------------------------------------------------------------- */

static int weakref_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TnObject *cb = ((TnWeakRef *)self)->callback;
    return cb != NULL ? visit(cb, arg) : 0;
}

/* CPython's gc_clear (and the first half of dealloc): detach, and drop
 * the callback. */
static int weakref_clear(TnObject *self)
{
    TnWeakRef *wr = (TnWeakRef *)self;
    TnObject *cb = NULL;
    if (wr->lock != NULL) {
        stripe_lock(wr->lock);
        unlink_stripe_held(wr);
        cb = wr->callback;
        wr->callback = NULL;
        stripe_unlock(wr->lock);
    }
    tn_xdecref(cb);
    return 0;
}

static void weakref_dealloc(TnObject *self)
{
    weakref_clear(self);
    tn_object_free(self);
}

/* __new__(type, ob, callback=None): extra keyword arguments are left to
 * __init__ (subclasses take their own), as in CPython. */
static TnObject *weakref_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_count("__new__", nargs, 1, 2) < 0)
        return NULL;
    if (type == &tn_type_weakref && tn_args_no_kw("ref", kwnames) < 0)
        return NULL;
    return weakref_create(type, args[0], nargs > 1 ? args[1] : NULL, false);
}

static TnObject *weakref_init_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("ref", kwnames) < 0 || tn_args_count("__init__", nargs, 1, 2) < 0)
        return NULL;
    return tn_newref(TN_NONE);
}

static TnObject *weakref_call(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("weakref", kwnames) < 0)
        return NULL;
    if (nargs != 0)
        return tn_err_format(&tn_exc_TypeError, "weakref expected 0 arguments, got %zd", nargs);
    TnObject *ob = tn_weakref_get_ref(self);
    return ob != NULL ? ob : tn_newref(TN_NONE);
}

/* The hash of the referent, computed once and kept: a dict keyed by a weak
 * reference must still find it after the referent died. */
static tn_hash_t weakref_hash(TnObject *self)
{
    TnWeakRef *wr = (TnWeakRef *)self;
    tn_hash_t h = tn_atomic_load_intptr_relaxed(&wr->hash);
    if (h != -1)
        return h;
    TnObject *ob = tn_weakref_get_ref(self);
    if (ob == NULL) {
        tn_err_set_str(&tn_exc_TypeError, "weak object has gone away");
        return -1;
    }
    h = tn_object_hash(ob);
    tn_decref(ob);
    if (h != -1)
        tn_atomic_store_intptr_relaxed(&wr->hash, h);
    return h;
}

/* Equal referents while both live; identity once either is dead. */
static TnObject *weakref_richcompare(TnObject *a, TnObject *b, int op)
{
    if ((op != TN_EQ && op != TN_NE) || !tn_weakref_check(a) || !tn_weakref_check(b))
        return tn_newref(TN_NOTIMPLEMENTED);
    TnObject *x = tn_weakref_get_ref(a);
    TnObject *y = tn_weakref_get_ref(b);
    TnObject *res;
    if (x == NULL || y == NULL)
        res = tn_newref((a == b) == (op == TN_EQ) ? TN_TRUE : TN_FALSE);
    else
        res = tn_object_richcompare(x, y, op);
    tn_xdecref(x);
    tn_xdecref(y);
    return res;
}

static TnObject *weakref_repr(TnObject *self)
{
    TnObject *ob = tn_weakref_get_ref(self);
    if (ob == NULL)
        return tn_str_from_format("<weakref at %p; dead>", (void *)self);
    TnObject *name = NULL;
    TnObject *res = NULL;
    if (tn_object_lookup_attr(ob, tn_str_intern_cstr("__name__"), &name) >= 0) {
        if (name != NULL && tn_str_check(name))
            res = tn_str_from_format("<weakref at %p; to '%T' at %p (%U)>", (void *)self, ob, (void *)ob, name);
        else
            res = tn_str_from_format("<weakref at %p; to '%T' at %p>", (void *)self, ob, (void *)ob);
    }
    tn_xdecref(name);
    tn_decref(ob);
    return res;
}

static TnObject *weakref_get_callback(TnObject *self, void *c)
{
    TnObject *cb = callback_ref((TnWeakRef *)self);
    return cb != NULL ? cb : tn_newref(TN_NONE);
}

static TnObject *weakref_class_getitem(TnObject *cls, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("__class_getitem__", kwnames) < 0 || tn_args_count("__class_getitem__", nargs, 1, 1) < 0)
        return NULL;
    return tn_generic_alias_new(cls, args[0]);
}

static const TnMethodDef weakref_methods[] = {
    {"__init__", weakref_init_meth, 0, NULL},
    {"__class_getitem__", weakref_class_getitem, TN_METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static const TnGetSetDef weakref_getsets[] = {
    {"__callback__", weakref_get_callback, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TnType tn_type_weakref = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "weakref.ReferenceType",
    .basicsize = sizeof(TnWeakRef),
    .flags = TN_TPFLAGS_BASETYPE | TN_TPFLAGS_HAVE_GC,
    .dealloc = weakref_dealloc,
    .repr = weakref_repr,
    .hash = weakref_hash,
    .richcompare = weakref_richcompare,
    .call = weakref_call,
    .new_ = weakref_new,
    .methods = weakref_methods,
    .getsets = weakref_getsets,
    .traverse = weakref_traverse,
    .clear = weakref_clear,
};

/* ---- weakref.ProxyType and weakref.CallableProxyType ------------------------------------------------ */

/* The referent of a proxy as a new reference, or NULL with ReferenceError. */
static TnObject *proxy_referent_ref(TnObject *proxy)
{
    TnObject *ob = tn_weakref_get_ref(proxy);
    if (ob == NULL)
        tn_err_set_str(&tn_exc_ReferenceError, "weakly-referenced object no longer exists");
    return ob;
}

/* o itself (a new reference) if it is not a proxy, else its referent. */
static TnObject *unwrap_ref(TnObject *o)
{
    return tn_weakref_check_proxy(o) ? proxy_referent_ref(o) : tn_newref(o);
}

/* A proxy slot that applies `call` to the referent `ob` (a new reference
 * it drops afterwards), or returns `err` with ReferenceError if the
 * referent is dead. */
#define PROXY_FORWARD(name, rtype, err, params, call) \
    static rtype name params                           \
    {                                                  \
        TnObject *ob = proxy_referent_ref(proxy);      \
        if (ob == NULL)                                \
            return err;                                \
        rtype res_ = call;                             \
        tn_decref(ob);                                 \
        return res_;                                   \
    }

/* a op b with either side unwrapped if it is a proxy (op: a TN_OP_*, plus
 * TN_OP_INPLACE_OFFSET for the in-place form). */
static TnObject *proxy_binop(TnObject *a, TnObject *b, int op)
{
    TnObject *x = unwrap_ref(a);
    if (x == NULL)
        return NULL;
    TnObject *y = unwrap_ref(b);
    TnObject *res = y != NULL ? tn_number_binop(x, y, op) : NULL;
    tn_decref(x);
    tn_xdecref(y);
    return res;
}

#define PROXY_BINOP(name, op)                                                                                 \
    static TnObject *proxy_##name(TnObject *a, TnObject *b) { return proxy_binop(a, b, op); }                 \
    static TnObject *proxy_i##name(TnObject *a, TnObject *b) { return proxy_binop(a, b, op + TN_OP_INPLACE_OFFSET); }
PROXY_BINOP(add, TN_OP_ADD)
PROXY_BINOP(sub, TN_OP_SUB)
PROXY_BINOP(mul, TN_OP_MULT)
PROXY_BINOP(mod, TN_OP_MOD)
PROXY_BINOP(lshift, TN_OP_LSHIFT)
PROXY_BINOP(rshift, TN_OP_RSHIFT)
PROXY_BINOP(and, TN_OP_BITAND)
PROXY_BINOP(xor, TN_OP_BITXOR)
PROXY_BINOP(or, TN_OP_BITOR)
PROXY_BINOP(floordiv, TN_OP_FLOORDIV)
PROXY_BINOP(truediv, TN_OP_DIV)
PROXY_BINOP(matmul, TN_OP_MATMUL)
#undef PROXY_BINOP

/* divmod(x, y) through the builtin, which owns the slot protocol. */
static TnObject *proxy_divmod(TnObject *a, TnObject *b)
{
    TnObject *x = unwrap_ref(a);
    TnObject *y = x != NULL ? unwrap_ref(b) : NULL;
    TnObject *res = NULL;
    if (y != NULL) {
        TnObject *f = tn_dict_get_cstr_ref(tn_interp()->builtins, "divmod");
        TnObject *argv[2] = {x, y};
        res = f != NULL ? tn_call(f, argv, 2, NULL) : tn_err_format(&tn_exc_NameError, "name 'divmod' is not defined");
        tn_xdecref(f);
    }
    tn_xdecref(x);
    tn_xdecref(y);
    return res;
}

static TnObject *proxy_power3(TnObject *a, TnObject *b, TnObject *c, bool inplace)
{
    TnObject *x = unwrap_ref(a);
    TnObject *y = x != NULL ? unwrap_ref(b) : NULL;
    TnObject *z = y != NULL ? unwrap_ref(c) : NULL;
    TnObject *res = NULL;
    if (z != NULL)
        res = inplace && z == TN_NONE ? tn_number_binop(x, y, TN_OP_POW + TN_OP_INPLACE_OFFSET) : tn_number_power(x, y, z);
    tn_xdecref(x);
    tn_xdecref(y);
    tn_xdecref(z);
    return res;
}

static TnObject *proxy_pow(TnObject *a, TnObject *b, TnObject *c) { return proxy_power3(a, b, c, false); }
static TnObject *proxy_ipow(TnObject *a, TnObject *b, TnObject *c) { return proxy_power3(a, b, c, true); }

PROXY_FORWARD(proxy_neg, TnObject *, NULL, (TnObject *proxy), tn_number_negative(ob))
PROXY_FORWARD(proxy_pos, TnObject *, NULL, (TnObject *proxy), tn_number_positive(ob))
PROXY_FORWARD(proxy_abs, TnObject *, NULL, (TnObject *proxy), tn_number_absolute(ob))
PROXY_FORWARD(proxy_invert, TnObject *, NULL, (TnObject *proxy), tn_number_invert(ob))
PROXY_FORWARD(proxy_int, TnObject *, NULL, (TnObject *proxy), tn_number_int(ob))
PROXY_FORWARD(proxy_float, TnObject *, NULL, (TnObject *proxy), tn_number_float(ob))
PROXY_FORWARD(proxy_index, TnObject *, NULL, (TnObject *proxy), tn_number_index(ob))
PROXY_FORWARD(proxy_str, TnObject *, NULL, (TnObject *proxy), tn_object_str(ob))
PROXY_FORWARD(proxy_iter, TnObject *, NULL, (TnObject *proxy), tn_object_get_iter(ob))

PROXY_FORWARD(proxy_bool, int, -1, (TnObject *proxy), tn_object_is_true(ob))

static TnObject *proxy_iternext(TnObject *proxy)
{
    TnObject *ob = proxy_referent_ref(proxy);
    if (ob == NULL)
        return NULL;
    TnObject *res;
    if (tn_type(ob)->iternext == NULL)
        res = tn_err_format(&tn_exc_TypeError, "Weakref proxy referenced a non-iterator '%T' object", ob);
    else
        res = tn_iter_next(ob);
    tn_decref(ob);
    return res;
}

static TnObject *proxy_repr(TnObject *self)
{
    TnObject *ob = tn_weakref_get_ref(self);
    TnObject *res = tn_str_from_format("<weakproxy at %p to %T at %p>", (void *)self, ob != NULL ? ob : TN_NONE,
                                       (void *)(ob != NULL ? ob : TN_NONE));
    tn_xdecref(ob);
    return res;
}

PROXY_FORWARD(proxy_getattro, TnObject *, NULL, (TnObject *proxy, TnObject *name), tn_object_getattr(ob, name))

PROXY_FORWARD(proxy_setattro, int, -1, (TnObject *proxy, TnObject *name, TnObject *value),
              tn_object_setattr(ob, name, value))

static TnObject *proxy_richcompare(TnObject *a, TnObject *b, int op)
{
    TnObject *x = unwrap_ref(a);
    TnObject *y = x != NULL ? unwrap_ref(b) : NULL;
    TnObject *res = y != NULL ? tn_object_richcompare(x, y, op) : NULL;
    tn_xdecref(x);
    tn_xdecref(y);
    return res;
}

PROXY_FORWARD(proxy_call, TnObject *, NULL, (TnObject *proxy, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames),
              tn_call(ob, args, nargs, kwnames))

PROXY_FORWARD(proxy_length, tn_ssize_t, -1, (TnObject *proxy), tn_object_length(ob))

PROXY_FORWARD(proxy_contains, int, -1, (TnObject *proxy, TnObject *value), tn_sequence_contains(ob, value))

PROXY_FORWARD(proxy_getitem, TnObject *, NULL, (TnObject *proxy, TnObject *key), tn_object_getitem(ob, key))

PROXY_FORWARD(proxy_setitem, int, -1, (TnObject *proxy, TnObject *key, TnObject *value),
              value != NULL ? tn_object_setitem(ob, key, value) : tn_object_delitem(ob, key))

/* __bytes__ and __reversed__: the referent's method of the same name. */
PROXY_FORWARD(proxy_call_method, TnObject *, NULL, (TnObject *proxy, const char *name),
              tn_call_method_cstr(ob, name, NULL, 0))

static TnObject *proxy_bytes_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("__bytes__", kwnames) < 0 || tn_args_count("__bytes__", nargs, 0, 0) < 0)
        return NULL;
    return proxy_call_method(self, "__bytes__");
}

static TnObject *proxy_reversed_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("__reversed__", kwnames) < 0 || tn_args_count("__reversed__", nargs, 0, 0) < 0)
        return NULL;
    return proxy_call_method(self, "__reversed__");
}

static const TnMethodDef proxy_methods[] = {
    {"__bytes__", proxy_bytes_meth, 0, NULL},
    {"__reversed__", proxy_reversed_meth, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const TnNumberMethods proxy_as_number = {
    .add = proxy_add, .subtract = proxy_sub, .multiply = proxy_mul, .remainder = proxy_mod,
    .divmod = proxy_divmod, .power = proxy_pow, .negative = proxy_neg, .positive = proxy_pos,
    .absolute = proxy_abs, .bool_ = proxy_bool, .invert = proxy_invert, .lshift = proxy_lshift,
    .rshift = proxy_rshift, .and_ = proxy_and, .xor_ = proxy_xor, .or_ = proxy_or, .int_ = proxy_int,
    .float_ = proxy_float, .floor_divide = proxy_floordiv, .true_divide = proxy_truediv,
    .index = proxy_index, .matrix_multiply = proxy_matmul,
    .inplace_add = proxy_iadd, .inplace_subtract = proxy_isub, .inplace_multiply = proxy_imul,
    .inplace_remainder = proxy_imod, .inplace_power = proxy_ipow, .inplace_lshift = proxy_ilshift,
    .inplace_rshift = proxy_irshift, .inplace_and = proxy_iand, .inplace_xor = proxy_ixor,
    .inplace_or = proxy_ior, .inplace_floor_divide = proxy_ifloordiv, .inplace_true_divide = proxy_itruediv,
    .inplace_matrix_multiply = proxy_imatmul,
};

static const TnSequenceMethods proxy_as_sequence = {
    .contains = proxy_contains,
};

static const TnMappingMethods proxy_as_mapping = {
    .length = proxy_length,
    .subscript = proxy_getitem,
    .ass_subscript = proxy_setitem,
};

#define PROXY_TYPE_SLOTS                                                                                      \
    .basicsize = sizeof(TnWeakRef), .flags = TN_TPFLAGS_HAVE_GC, .dealloc = weakref_dealloc,                  \
    .repr = proxy_repr, .str = proxy_str, .hash = tn_hash_not_implemented, .richcompare = proxy_richcompare, \
    .getattro = proxy_getattro, .setattro = proxy_setattro, .iter = proxy_iter, .iternext = proxy_iternext,   \
    .as_number = &proxy_as_number, .as_sequence = &proxy_as_sequence, .as_mapping = &proxy_as_mapping,        \
    .new_ = tn_type_new_not_allowed, .traverse = weakref_traverse, .clear = weakref_clear

TnType tn_type_weakproxy = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "weakref.ProxyType",
    .methods = proxy_methods,
    PROXY_TYPE_SLOTS,
};

TnType tn_type_weakcallableproxy = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "weakref.CallableProxyType",
    .call = proxy_call,
    PROXY_TYPE_SLOTS,
};
#undef PROXY_TYPE_SLOTS
