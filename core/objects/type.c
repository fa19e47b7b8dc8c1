/* core/objects/type.c — the `type` type: readying static types, MRO
 * lookup, attribute access on classes, and calling a class. */
#include "core/tn.h"
#include "core/objects/mappingproxy.h"

bool tn_type_is_subtype(const TnType *a, const TnType *b)
{
    if (a == b)
        return true;
    if (a->mro != NULL) {
        tn_ssize_t n = tn_tuple_size(a->mro);
        for (tn_ssize_t i = 0; i < n; i++)
            if (tn_tuple_get(a->mro, i) == (const TnObject *)b)
                return true;
        return false;
    }
    /* Not yet readied: follow the base chain. */
    for (const TnType *t = a->base; t != NULL; t = t->base)
        if (t == b)
            return true;
    return b == &tn_type_object;
}

/* Copy slots the type leaves NULL from its base, as CPython's
 * inherit_slots does for static types. */
static void inherit_slots(TnType *tp, TnType *base)
{
#define INHERIT(slot) if (tp->slot == NULL) tp->slot = base->slot
    INHERIT(dealloc);
    INHERIT(repr);
    INHERIT(str);
    INHERIT(getattro);
    INHERIT(setattro);
    INHERIT(call);
    INHERIT(iter);
    INHERIT(iternext);
    INHERIT(as_number);
    INHERIT(as_sequence);
    INHERIT(as_mapping);
    INHERIT(descr_get);
    INHERIT(descr_set);
    /* Cycle collection goes with the slots (CPython's inherit_special): a
     * type that adds fields of its own sets its own traverse and clear. */
    if (!(tp->flags & TN_TPFLAGS_HAVE_GC) && (base->flags & TN_TPFLAGS_HAVE_GC) && tp->traverse == NULL
        && tp->clear == NULL)
        tp->flags |= TN_TPFLAGS_HAVE_GC;
    INHERIT(traverse);
    INHERIT(clear);
    if (tp->dictoffset == 0)
        tp->dictoffset = base->dictoffset;
    /* __eq__ and __hash__ go together: a type that defines its own
     * comparison but no hash is unhashable (CPython's rule). */
    if (tp->richcompare == NULL && tp->hash == NULL) {
        tp->richcompare = base->richcompare;
        tp->hash = base->hash;
    } else if (tp->hash == NULL) {
        tp->hash = tn_hash_not_implemented;
    } else if (tp->richcompare == NULL) {
        tp->richcompare = base->richcompare;
    }
#undef INHERIT
    tp->flags |= base->flags & (TN_TPFLAGS_INT_SUBCLASS | TN_TPFLAGS_LIST_SUBCLASS | TN_TPFLAGS_TUPLE_SUBCLASS
                                | TN_TPFLAGS_STR_SUBCLASS | TN_TPFLAGS_DICT_SUBCLASS
                                | TN_TPFLAGS_BASE_EXC_SUBCLASS | TN_TPFLAGS_TYPE_SUBCLASS);
}

static int add_methods(TnType *tp)
{
    for (const TnMethodDef *m = tp->methods; m != NULL && m->name != NULL; m++) {
        TnObject *descr;
        if (m->flags & TN_METH_STATIC)
            descr = tn_cfunction_new(m, NULL, NULL);
        else
            descr = tn_method_descr_new(tp, m);
        if (descr == NULL)
            return -1;
        int r = tn_dict_set_item_cstr(tp->dict, m->name, descr);
        tn_decref(descr);
        if (r < 0)
            return -1;
    }
    for (const TnGetSetDef *g = tp->getsets; g != NULL && g->name != NULL; g++) {
        TnObject *descr = tn_getset_descr_new(tp, g);
        if (descr == NULL)
            return -1;
        int r = tn_dict_set_item_cstr(tp->dict, g->name, descr);
        tn_decref(descr);
        if (r < 0)
            return -1;
    }
    return 0;
}

static int build_mro(TnType *tp)
{
    tn_ssize_t n = 1;
    for (TnType *t = tp->base; t != NULL; t = t->base)
        n++;
    TnObject *mro = tn_tuple_new(n);
    if (mro == NULL)
        return -1;
    tn_ssize_t i = 0;
    for (TnType *t = tp; t != NULL; t = t->base)
        tn_tuple_set_steal(mro, i++, tn_newref(TN_OBJ(t)));
    tp->mro = mro;
    tp->bases = tp->base != NULL ? tn_tuple_pack(1, TN_OBJ(tp->base)) : tn_tuple_new(0);
    return tp->bases != NULL ? 0 : -1;
}

int tn_type_ready(TnType *tp)
{
    if (tp->flags & TN_TPFLAGS_READY)
        return 0;
    if (tp->base == NULL && tp != &tn_type_object)
        tp->base = &tn_type_object;
    if (tp->base != NULL) {
        if (tn_type_ready(tp->base) < 0)
            return -1;
        inherit_slots(tp, tp->base);
    }
    if (tp->dict == NULL) {
        tp->dict = tn_dict_new();
        if (tp->dict == NULL)
            return -1;
    }
    if (add_methods(tp) < 0 || build_mro(tp) < 0 || tn_slots_add_wrappers(tp) < 0)
        return -1;
    if (tp->doc != NULL && tn_dict_get_cstr_borrowed(tp->dict, "__doc__") == NULL) {
        TnObject *doc = tn_str_from_cstr(tp->doc);
        if (doc == NULL || tn_dict_set_item_cstr(tp->dict, "__doc__", doc) < 0) {
            tn_xdecref(doc);
            return -1;
        }
        tn_decref(doc);
    }
    tp->version_tag = 0;
    tp->flags |= TN_TPFLAGS_READY;
    return 0;
}

/* The MRO walk behind tn_type_lookup. */
static TnObject *lookup_uncached(TnType *tp, TnObject *name)
{
    TnObject *mro = tp->mro;
    if (mro == NULL)
        return NULL;
    tn_ssize_t n = tn_tuple_size(mro);
    for (tn_ssize_t i = 0; i < n; i++) {
        TnType *t = (TnType *)tn_tuple_get(mro, i);
        if (t->dict == NULL)
            continue;
        TnObject *v = tn_dict_get_str_borrowed(t->dict, name);
        if (v != NULL)
            return v;
    }
    return NULL;
}

/* Version tags are read without a lock by every thread's lookups and reset
 * by writers, so they are accessed with relaxed atomics; the ordering that
 * matters (a lookup that saw the old dict value cannot be cached under a
 * tag assigned after the reset) comes from the dict's critical section,
 * taken by both the writer's store and the reader's lookup_uncached. */
static inline uint32_t version_of(const TnType *tp)
{
    return tn_atomic_load_u32_relaxed(&tp->version_tag);
}

/* A fresh version tag for tp (0 if the counter is exhausted: no caching).
 * The counter is bumped with an atomic add: two threads tagging two types
 * at once must never hand out the same tag, or a lookup on one type could
 * hit the other's cache entries. */
static uint32_t assign_version(TnType *tp)
{
    TnInterp *interp = tn_interp();
    if (tn_atomic_load_u32_relaxed(&interp->next_type_version) >= UINT32_MAX - 1)
        return 0;
    uint32_t v = tn_atomic_add_u32(&interp->next_type_version, 1) + 1;
    if (v == 0 || v == UINT32_MAX)
        return 0;
    tn_atomic_store_u32_relaxed(&tp->version_tag, v);
    return v;
}

/* ---- the subclasses a heap type knows ---------------------------------------------------- */

/* A class registers with each of its Python-level bases, so that a dunder
 * assigned to a base reaches its slots (slots.c) and a dict change its
 * lookup caches (tn_type_modified).  The list holds weak references, as
 * CPython's tp_subclasses does, so a class nobody uses any more is freed
 * though its bases live on; entries stay in creation order.  A list is
 * never shrunk in place (readers in other threads walk it by index, and a
 * removal would make them skip a live class): when its size reaches a
 * power of two and at most half its entries are alive, the live ones move
 * to a new list that replaces it, and the old one is freed once no reader
 * can hold it (amortised O(1) per class). */
static bool is_power_of_two(tn_ssize_t n) { return n > 0 && (n & (n - 1)) == 0; }

static TnObject *live_subclasses_lock_held(TnObject *subs, tn_ssize_t *live)
{
    TnObject *fresh = tn_list_new(0);
    for (tn_ssize_t i = 0; fresh != NULL && i < tn_list_size(subs); i++) {
        TnObject *wr = tn_list_get_lock_held(subs, i);
        TnObject *cls = tn_weakref_get_ref(wr);
        if (cls != NULL) {
            tn_decref(cls);
            if (tn_list_append(fresh, wr) < 0)
                TN_CLEAR(fresh);
        }
    }
    *live = fresh != NULL ? tn_list_size(fresh) : 0;
    return fresh;
}

/* 0 done, -1 error, 1 the list was replaced meanwhile (try again). */
static int add_subclass_lock_held(TnHeapType *bh, TnObject *subs, TnObject *wr)
{
    if (tn_field_load(&bh->subclasses) != subs)
        return 1;
    tn_ssize_t n = tn_list_size(subs);
    if (n >= 8 && is_power_of_two(n)) {
        tn_ssize_t live;
        TnObject *fresh = live_subclasses_lock_held(subs, &live);
        if (fresh == NULL)
            return -1;
        if (live <= n / 2) {
            if (tn_list_append(fresh, wr) < 0) {
                tn_decref(fresh);
                return -1;
            }
            tn_field_replace_steal(&bh->subclasses, fresh);
            return 0;
        }
        tn_decref(fresh);
    }
    return tn_list_append(subs, wr);
}

int tn_type_add_subclass(TnType *base, TnType *sub)
{
    TnHeapType *bh = (TnHeapType *)base;
    TnObject *wr = tn_weakref_new_ref(TN_OBJ(sub), NULL);
    if (wr == NULL)
        return -1;
    int r = 1;
    while (r == 1) {
        TnObject *subs = tn_field_get_ref(&bh->subclasses);
        if (subs == NULL) {
            TnObject *fresh = tn_list_new(0);
            if (fresh == NULL) {
                r = -1;
                break;
            }
            if (!tn_atomic_cas_ptr((void **)&bh->subclasses, NULL, fresh))
                tn_decref(fresh);   /* another thread made it first */
            continue;
        }
        TN_BEGIN_CRITICAL_SECTION(subs);
        r = add_subclass_lock_held(bh, subs, wr);
        TN_END_CRITICAL_SECTION();
        tn_decref(subs);
    }
    tn_decref(wr);
    return r;
}

int tn_type_visit_subclasses(TnType *tp, int (*fn)(TnType *sub, void *arg), void *arg)
{
    if (!(tp->flags & TN_TPFLAGS_HEAPTYPE))
        return 0;
    TnObject *subs = tn_field_get_ref(&((TnHeapType *)tp)->subclasses);
    int r = 0;
    /* Another thread may be registering a class: read each entry as a
     * reference, with the size re-checked at every step. */
    for (tn_ssize_t i = 0; subs != NULL && r == 0 && i < tn_list_size(subs); i++) {
        TnObject *wr = tn_list_get_item_ref(subs, i);
        if (wr == NULL) {
            tn_err_clear();
            break;
        }
        TnObject *cls = tn_weakref_get_ref(wr);
        tn_decref(wr);
        if (cls != NULL) {
            r = fn((TnType *)cls, arg);
            tn_decref(cls);
        }
    }
    tn_xdecref(subs);
    return r;
}

static int modified_visit(TnType *sub, void *arg)
{
    tn_type_modified(sub);
    return 0;
}

void tn_type_modified(TnType *tp)
{
    tn_atomic_store_u32_relaxed(&tp->version_tag, 0);
    tn_type_visit_subclasses(tp, modified_visit, NULL);
}

/* Lookups by interned name go through the thread's cache, keyed by the
 * type's version tag: any change to the dict of the type or of a type on
 * its MRO resets the tag (tn_type_modified), so stale entries never match.
 * Values are borrowed: they live as long as the dict that holds them,
 * which cannot change without changing the tag; in the ft flavour a value
 * another thread removes meanwhile stays alive on the class's retired list
 * (retire_lock_held). */
TnObject *tn_type_lookup(TnType *tp, TnObject *name)
{
    if (!tn_str_check_exact(name) || !tn_str_is_interned(name))
        return lookup_uncached(tp, name);
    uint32_t version = version_of(tp);
    if (version == 0 && (tp->flags & TN_TPFLAGS_READY) && (version = assign_version(tp)) == 0)
        return lookup_uncached(tp, name);
    size_t slot = (((uintptr_t)name >> 4) ^ version) & (TN_TYPE_CACHE_SIZE - 1);
    struct TnTypeCacheEntry *e = &tn_tstate()->type_cache[slot];
    if (version != 0 && e->version == version && e->name == name)
        return e->value;
    TnObject *v = lookup_uncached(tp, name);
    if (version != 0) {
        e->version = version;
        e->name = name;
        e->value = v;
    }
    return v;
}

TnObject *tn_type_name_str(TnType *tp)
{
    if (tp->flags & TN_TPFLAGS_HEAPTYPE)
        return tn_field_get_ref(&((TnHeapType *)tp)->name);
    return tn_str_from_cstr(tn_type_name(tp));
}

TnObject *tn_type_new_not_allowed(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return tn_err_format(&tn_exc_TypeError, "cannot create '%s' instances", tn_type_name(type));
}

/* ---- type's own slots -------------------------------------------------- */

static TnObject *type_repr(TnObject *self)
{
    TnType *tp = (TnType *)self;
    if (tp->flags & TN_TPFLAGS_HEAPTYPE) {
        TnObject *mod = tn_dict_get_cstr_borrowed(tp->dict, "__module__");
        /* Borrowed for the format call only (threading/qsbr.h). */
        TnObject *qualname = tn_field_load(&((TnHeapType *)tp)->qualname);
        if (mod != NULL && tn_str_check(mod) && !tn_str_eq_cstr(mod, "builtins"))
            return tn_str_from_format("<class '%U.%U'>", mod, qualname);
        return tn_str_from_format("<class '%U'>", qualname);
    }
    return tn_str_from_format("<class '%s'>", tn_type_name(tp));
}

/* Attribute lookup on a class: data descriptors of the metatype, then the
 * class's own MRO (descriptors bound to the class), then the metatype. */
static TnObject *type_getattro(TnObject *self, TnObject *name)
{
    TnType *tp = (TnType *)self;
    TnType *meta = tn_type(self);
    TnObject *meta_attr = tn_type_lookup(meta, name);
    if (meta_attr != NULL && tn_type(meta_attr)->descr_set != NULL && tn_type(meta_attr)->descr_get != NULL)
        return tn_type(meta_attr)->descr_get(meta_attr, self, TN_OBJ(meta));
    TnObject *attr = tn_type_lookup(tp, name);
    if (attr != NULL) {
        tn_descrgetfunc get = tn_type(attr)->descr_get;
        if (get != NULL)
            return get(attr, NULL, self);
        return tn_newref(attr);
    }
    if (meta_attr != NULL) {
        tn_descrgetfunc get = tn_type(meta_attr)->descr_get;
        if (get != NULL)
            return get(meta_attr, self, TN_OBJ(meta));
        return tn_newref(meta_attr);
    }
    return tn_err_format(&tn_exc_AttributeError, "type object '%s' has no attribute '%U'", tn_type_name(tp), name);
}

/* tn_type_lookup hands out borrowed values (from the dicts on the MRO, or
 * from the per-thread cache) that its callers incref later, if at all.  In
 * the ft flavour another thread may replace or delete the attribute in
 * between, and the value must not be freed under the reader: without a
 * quiescent-state scheme to tell when no reader is left, a value dropped
 * from a class dict while other threads run is kept on the class's
 * `retired` list for the class's lifetime.  Immortal values need no such
 * care.  The gil flavour drops the value at once: no other thread runs
 * between a lookup and its use. */
/* Can another thread be between a lookup and its use right now?  Not while
 * the process is in single-thread mode (no second thread was ever started:
 * a thread starting later cannot hold an older lookup), so single-threaded
 * programs free replaced values at once, as the gil flavour does.  The
 * mode ends for good when the first thread starts: a count of running
 * threads would drop back to zero while an exiting thread still runs its
 * last destructors (its thread-local data, the objects merged at its
 * unregistration), which can hold a lookup. */
static bool other_threads_running(void)
{
    return tn_critical_section_locking_enabled();
}

static void retire_lock_held(TnType *tp, TnObject *old_steal)
{
    tn_critical_section_assert_held(tp);
    TnHeapType *ht = (TnHeapType *)tp;
    if (!TN_FREE_THREADED || old_steal == NULL || tn_is_immortal(old_steal)
        || !(tp->flags & TN_TPFLAGS_HEAPTYPE) || !other_threads_running()) {
        tn_xdecref(old_steal);
        return;
    }
    if (ht->retired == NULL && (ht->retired = tn_list_new(0)) == NULL) {
        /* Out of memory: leaking the value is the safe fallback. */
        tn_err_clear();
        return;
    }
    if (tn_list_append_steal(ht->retired, old_steal) < 0)
        tn_err_clear();
}

void tn_type_retire_steal(TnType *tp, TnObject *old_steal)
{
    if (!TN_FREE_THREADED || old_steal == NULL) {
        tn_xdecref(old_steal);
        return;
    }
    TN_BEGIN_CRITICAL_SECTION(TN_OBJ(tp));
    retire_lock_held(tp, old_steal);
    TN_END_CRITICAL_SECTION();
}

/* Set or delete name in a class's own dict.  0 / -1. */
static int type_dict_store(TnType *tp, TnObject *name, TnObject *value)
{
    int r;
    TN_BEGIN_CRITICAL_SECTION(TN_OBJ(tp));
    TnObject *old = NULL;
    if (TN_FREE_THREADED && tn_dict_get_item_ref(tp->dict, name, &old) < 0)
        tn_err_clear();
    r = value != NULL ? tn_dict_set_item(tp->dict, name, value) : tn_dict_del_item(tp->dict, name);
    tn_type_modified(tp);
    retire_lock_held(tp, old);
    TN_END_CRITICAL_SECTION();
    if (r < 0 && value == NULL && tn_err_matches(&tn_exc_KeyError)) {
        tn_err_clear();
        tn_err_format(&tn_exc_AttributeError, "type object '%s' has no attribute '%U'", tn_type_name(tp), name);
    }
    return r;
}

/* setattr on a class: data descriptors of the metatype first (__name__,
 * __doc__, __abstractmethods__, ...), then the class dict; a dunder then
 * refreshes the slots of the class and its subclasses. */
static int type_setattro(TnObject *self, TnObject *name, TnObject *value)
{
    TnType *tp = (TnType *)self;
    if (!(tp->flags & TN_TPFLAGS_HEAPTYPE)) {
        tn_err_format(&tn_exc_TypeError,
                      "cannot set %R attribute of immutable type '%s'", name, tn_type_name(tp));
        return -1;
    }
    TnObject *meta_attr = tn_type_lookup(tn_type(self), name);
    tn_descrsetfunc set = meta_attr != NULL ? tn_type(meta_attr)->descr_set : NULL;
    int r;
    if (set != NULL) {
        tn_incref(meta_attr);
        r = set(meta_attr, self, value);
        tn_decref(meta_attr);
        tn_type_modified(tp);
    } else {
        r = type_dict_store(tp, name, value);
    }
    if (r == 0 && tn_str_check(name) && tn_str_length(name) > 4 && tn_str_read(name, 0) == '_'
        && tn_str_read(name, 1) == '_')
        tn_slots_update(tp);
    return r;
}

/* CPython's check_set_special_type_attr: the special attributes that
 * type_setattro lets through to their setters cannot be deleted. */
static int check_special_set(TnType *tp, TnObject *value, const char *name)
{
    if (value == NULL) {
        tn_err_format(&tn_exc_TypeError, "cannot delete '%s' attribute of immutable type '%s'", name, tn_type_name(tp));
        return -1;
    }
    return 0;
}

static int type_set_name(TnObject *self, TnObject *value, void *c)
{
    TnType *tp = (TnType *)self;
    const char *attr = c != NULL ? "__qualname__" : "__name__";
    if (check_special_set(tp, value, attr) < 0)
        return -1;
    if (!tn_str_check(value)) {
        tn_err_format(&tn_exc_TypeError, "can only assign string to %s.%s, not '%T'", tn_type_name(tp), attr, value);
        return -1;
    }
    TnHeapType *ht = (TnHeapType *)tp;
    if (c != NULL) {
        tn_field_replace_steal(&ht->qualname, tn_newref(value));
        return 0;
    }
    tn_ssize_t len;
    const char *utf8 = tn_str_utf8(value, &len);
    if (utf8 == NULL)
        return -1;
    if ((tn_ssize_t)strlen(utf8) != len) {
        tn_err_set_str(&tn_exc_ValueError, "type name must not contain null characters");
        return -1;
    }
    /* tp->name points into the UTF-8 of ht->name: switch both together (one
     * writer at a time), and keep the old str (and so the old tp->name)
     * until every thread that may have loaded either has passed a check
     * point (threading/qsbr.h). */
    TnObject *old;
    TN_BEGIN_CRITICAL_SECTION(self);
    old = tn_field_load(&ht->name);
    tn_field_store(&ht->name, tn_newref(value));
    tn_atomic_store_ptr_release((void **)&tp->name, (void *)utf8);
    TN_END_CRITICAL_SECTION();
    tn_decref_delayed(old);
    return 0;
}

/* __doc__ and __module__ live in the class dict. */
static int type_set_dict_entry(TnObject *self, TnObject *value, void *c)
{
    const char *key = c;
    if (check_special_set((TnType *)self, value, key) < 0)
        return -1;
    return type_dict_store((TnType *)self, tn_str_intern_cstr(key), value);
}

static int type_set_readonly(TnObject *self, TnObject *value, void *c)
{
    tn_err_set_str(&tn_exc_AttributeError, "readonly attribute");
    return -1;
}

/* __abstractmethods__: set by abc.ABCMeta; a non-empty value makes
 * object.__new__ refuse to instantiate the class (TnHeapType.abstract).
 * type itself has the descriptor but no value. */
static TnObject *type_get_abstractmethods(TnObject *self, void *c)
{
    TnObject *v = self != TN_OBJ(&tn_type_type)
                      ? tn_dict_get_cstr_borrowed(((TnType *)self)->dict, "__abstractmethods__") : NULL;
    if (v == NULL) {
        tn_err_set_object(&tn_exc_AttributeError, tn_str_intern_cstr("__abstractmethods__"));
        return NULL;
    }
    return tn_newref(v);
}

static int type_set_abstractmethods(TnObject *self, TnObject *value, void *c)
{
    TnType *tp = (TnType *)self;
    TnObject *key = tn_str_intern_cstr("__abstractmethods__");
    int abstract = value != NULL ? tn_object_is_true(value) : 0;
    if (abstract < 0)
        return -1;
    if (value == NULL && tn_dict_get_str_borrowed(tp->dict, key) == NULL) {
        tn_err_set_object(&tn_exc_AttributeError, key);
        return -1;
    }
    if (type_dict_store(tp, key, value) < 0)
        return -1;
    ((TnHeapType *)tp)->abstract = abstract != 0;
    return 0;
}

static TnObject *type_get_name(TnObject *self, void *c)
{
    TnType *tp = (TnType *)self;
    if (tp->flags & TN_TPFLAGS_HEAPTYPE)
        return tn_field_get_ref(c != NULL ? &((TnHeapType *)tp)->qualname : &((TnHeapType *)tp)->name);
    /* A static type named "module.Name" is Name in module (CPython's rule). */
    const char *name = tn_type_name(tp);
    const char *dot = strrchr(name, '.');
    return tn_str_from_cstr(dot != NULL ? dot + 1 : name);
}
/* None while a metaclass mro() builds the MRO, as in CPython. */
static TnObject *type_get_mro(TnObject *self, void *c)
{
    TnObject *mro = ((TnType *)self)->mro;
    return tn_newref(mro != NULL ? mro : TN_NONE);
}
static TnObject *type_get_bases(TnObject *self, void *c) { return tn_newref(((TnType *)self)->bases); }

static TnObject *type_get_base(TnObject *self, void *c)
{
    TnType *b = ((TnType *)self)->base;
    return tn_newref(b != NULL ? TN_OBJ(b) : TN_NONE);
}

static TnObject *type_get_module(TnObject *self, void *c)
{
    TnType *tp = (TnType *)self;
    TnObject *mod = tp->dict ? tn_dict_get_cstr_borrowed(tp->dict, "__module__") : NULL;
    if (mod != NULL)
        return tn_newref(mod);
    const char *name = tn_type_name(tp);
    const char *dot = strrchr(name, '.');
    if (dot != NULL)
        return tn_str_from_utf8(name, dot - name);
    return tn_str_from_cstr("builtins");
}

static TnObject *type_get_dict(TnObject *self, void *c)
{
    /* A read-only view: the real mapping must only change through setattr. */
    return tn_mappingproxy_new(((TnType *)self)->dict);
}

static TnObject *type_get_doc(TnObject *self, void *c)
{
    TnObject *doc = tn_dict_get_cstr_borrowed(((TnType *)self)->dict, "__doc__");
    return tn_newref(doc != NULL ? doc : TN_NONE);
}

static const TnGetSetDef type_getsets[] = {
    {"__name__", type_get_name, type_set_name, NULL, NULL},
    {"__qualname__", type_get_name, type_set_name, NULL, (void *)1},
    {"__mro__", type_get_mro, type_set_readonly, NULL, NULL},
    {"__bases__", type_get_bases, NULL, NULL, NULL},
    {"__base__", type_get_base, type_set_readonly, NULL, NULL},
    {"__module__", type_get_module, type_set_dict_entry, NULL, "__module__"},
    {"__dict__", type_get_dict, NULL, NULL, NULL},
    {"__doc__", type_get_doc, type_set_dict_entry, NULL, "__doc__"},
    {"__abstractmethods__", type_get_abstractmethods, type_set_abstractmethods, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static TnObject *type_mro_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("mro", kwnames) < 0 || tn_args_count("mro", nargs, 0, 0) < 0)
        return NULL;
    return tn_class_mro_list((TnType *)self);
}

/* type.__init__(cls, name, bases, ns, **kw): the work is done in __new__;
 * only the argument count is checked, as CPython's type_init does. */
static TnObject *type_init_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (nargs != 1 && nargs != 3)
        return tn_err_format(&tn_exc_TypeError, "type.__init__() takes 1 or 3 arguments");
    return tn_newref(TN_NONE);
}

/* cls.__subclasses__(): the classes made with cls as a direct base.  Only
 * classes defined in Python keep that list (TnHeapType.subclasses);
 * builtins report none. */
static int subclasses_append(TnType *sub, void *list)
{
    return tn_list_append(list, TN_OBJ(sub));
}

static TnObject *type_subclasses_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("__subclasses__", kwnames) < 0 || tn_args_count("__subclasses__", nargs, 0, 0) < 0)
        return NULL;
    TnObject *res = tn_list_new(0);
    if (res != NULL && tn_type_visit_subclasses((TnType *)self, subclasses_append, res) != 0)
        TN_CLEAR(res);
    return res;
}

static const TnMethodDef type_methods[] = {
    {"__init__", type_init_meth, 0, NULL},
    {"__subclasses__", type_subclasses_meth, 0, "Return a list of immediate subclasses."},
    {"mro", type_mro_meth, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static tn_hash_t type_hash(TnObject *self) { return tn_hash_pointer(self); }

static void type_dealloc(TnObject *self)
{
    /* Static types are immortal: only classes made at run time get here. */
    TnType *tp = (TnType *)self;
    TN_CLEAR(tp->dict);
    TN_CLEAR(tp->mro);
    TN_CLEAR(tp->bases);
    if (tp->flags & TN_TPFLAGS_HEAPTYPE) {
        TnHeapType *ht = (TnHeapType *)tp;
        TN_CLEAR(ht->name);
        TN_CLEAR(ht->qualname);
        TN_CLEAR(ht->slots);
        TN_CLEAR(ht->subclasses);
        TN_CLEAR(ht->retired);
        tn_xdecref(TN_OBJ(tp->base));
    }
    tn_object_free(self);
}

/* Cycle collection of classes (CPython's type_traverse / type_clear).
 * Static types are immortal and never collected: they report nothing, as
 * CPython's type_is_gc makes them. */
static int type_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TnType *tp = (TnType *)self;
    if (!(tp->flags & TN_TPFLAGS_HEAPTYPE))
        return 0;
    TnHeapType *ht = (TnHeapType *)tp;
    TN_VISIT(tp->dict);
    TN_VISIT(tp->mro);
    TN_VISIT(tp->bases);
    TN_VISIT(TN_OBJ(tp->base));
    TN_VISIT(ht->subclasses);
    TN_VISIT(ht->retired);
    return 0;
}

/* Break the class's cycles as CPython does: empty its dict (the methods
 * hold the class through their globals, instances in class attributes
 * through their type) and drop the MRO, whose first item is the class
 * itself.  Every reader of mro accepts NULL (a metaclass mro() leaves it
 * NULL while it runs): lookups then find nothing and subclass tests
 * follow the base chain.  The subclasses list (strong references here,
 * weak in CPython: each subclass points back through its base) and the
 * retired values go too; their readers accept NULL.  bases, base and the
 * names stay for repr and dealloc. */
static int type_clear(TnObject *self)
{
    TnType *tp = (TnType *)self;
    if (!(tp->flags & TN_TPFLAGS_HEAPTYPE))
        return 0;
    tn_type_modified(tp);
    if (tp->dict != NULL)
        tn_dict_clear(tp->dict);
    /* Lock-free lookups read mro: replaced as a QSBR field. */
    tn_field_replace_steal(&tp->mro, NULL);
    TnHeapType *ht = (TnHeapType *)tp;
    tn_field_replace_steal(&ht->subclasses, NULL);
    tn_field_replace_steal(&ht->retired, NULL);
    return 0;
}

/* int | str: classes combine into a types.UnionType. */
static const TnNumberMethods type_as_number = {.or_ = tn_union_or};

TnType tn_type_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "type",
    .weaklistoffset = offsetof(TnType, weaklist),
    .basicsize = sizeof(TnHeapType),
    .flags = TN_TPFLAGS_BASETYPE | TN_TPFLAGS_TYPE_SUBCLASS | TN_TPFLAGS_HAVE_GC,
    .base = &tn_type_object,
    .dealloc = type_dealloc,
    .repr = type_repr,
    .hash = type_hash,
    .getattro = type_getattro,
    .setattro = type_setattro,
    .call = tn_type_call,
    .as_number = &type_as_number,
    .new_ = tn_type_new_slot,
    .getsets = type_getsets,
    .methods = type_methods,
    .traverse = type_traverse,
    .clear = type_clear,
    .doc = "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type",
};
