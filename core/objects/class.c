/* core/objects/class.c — classes defined in Python: __build_class__,
 * type(name, bases, dict), the C3 method resolution order, instance layout
 * (__dict__, __slots__), __init_subclass__ / __set_name__, and the builtin
 * descriptor types super, property, staticmethod and classmethod.  *
 * Design note: docs/classes.md.
 */
#include <stdio.h>
#include "core/tn.h"
#include "core/objects/slots.h"
#include "core/objects/class.h"
#include "core/vm/eval.h"
#include "core/vm/frame.h"
#include "core/compiler/symtable.h"

/* ---- C3 linearisation --------------------------------------------------------- */

/* CPython's set_mro_error: name the distinct heads the merge got stuck on,
 * in the order of the sequences. */
static void mro_error(TnObject **seqs, tn_ssize_t nseqs, const tn_ssize_t *heads)
{
    TnStrWriter w;
    tn_strw_init(&w);
    bool first = true;
    for (tn_ssize_t i = 0; i < nseqs; i++) {
        if (heads[i] >= tn_list_size(seqs[i]))
            continue;
        TnObject *c = tn_list_get_lock_held(seqs[i], heads[i]);
        bool seen = false;
        for (tn_ssize_t j = 0; j < i && !seen; j++)
            seen = heads[j] < tn_list_size(seqs[j]) && tn_list_get_lock_held(seqs[j], heads[j]) == c;
        if (seen)
            continue;
        if (!first)
            tn_strw_puts(&w, ", ");
        first = false;
        tn_strw_puts(&w, ((TnType *)c)->name);
    }
    TnObject *names = tn_strw_finish(&w);
    if (names != NULL) {
        tn_err_format(&tn_exc_TypeError, "Cannot create a consistent method resolution\norder (MRO) for bases %U",
                      names);
        tn_decref(names);
    }
}

/* Is c in the tail (after the head) of any sequence? */
static bool in_some_tail(TnObject *c, TnObject **seqs, tn_ssize_t nseqs, const tn_ssize_t *heads)
{
    for (tn_ssize_t j = 0; j < nseqs; j++)
        for (tn_ssize_t k = heads[j] + 1; k < tn_list_size(seqs[j]); k++)
            if (tn_list_get_lock_held(seqs[j], k) == c)
                return true;
    return false;
}

/* Merge step of C3 over `seqs` (lists, consumed from the front). */
static int c3_merge(TnObject *result, TnObject **seqs, tn_ssize_t nseqs, tn_ssize_t *heads)
{
    for (;;) {
        bool empty = true;
        TnObject *candidate = NULL;
        for (tn_ssize_t i = 0; i < nseqs && candidate == NULL; i++) {
            if (heads[i] >= tn_list_size(seqs[i]))
                continue;
            empty = false;
            TnObject *c = tn_list_get_lock_held(seqs[i], heads[i]);
            if (!in_some_tail(c, seqs, nseqs, heads))
                candidate = c;
        }
        if (empty)
            return 0;
        if (candidate == NULL) {
            mro_error(seqs, nseqs, heads);
            return -1;
        }
        if (tn_list_append(result, candidate) < 0)
            return -1;
        for (tn_ssize_t i = 0; i < nseqs; i++)
            if (heads[i] < tn_list_size(seqs[i]) && tn_list_get_lock_held(seqs[i], heads[i]) == candidate)
                heads[i]++;
    }
}

/* class D(A, A): CPython rejects repeated bases before merging. */
static int check_duplicates(TnObject *bases)
{
    tn_ssize_t n = tn_tuple_size(bases);
    for (tn_ssize_t i = 0; i < n; i++)
        for (tn_ssize_t j = i + 1; j < n; j++)
            if (tn_tuple_get(bases, i) == tn_tuple_get(bases, j)) {
                tn_err_format(&tn_exc_TypeError, "duplicate base class %s",
                              ((TnType *)tn_tuple_get(bases, i))->name);
                return -1;
            }
    return 0;
}

static TnObject *c3_mro(TnType *tp, TnObject *bases)
{
    tn_ssize_t nb = tn_tuple_size(bases);
    tn_ssize_t nseqs = nb + 1;
    TnObject **seqs = tn_mem_calloc((size_t)nseqs, sizeof(TnObject *));
    tn_ssize_t *heads = tn_mem_calloc((size_t)nseqs, sizeof(tn_ssize_t));
    TnObject *result = tn_list_new(0);
    TnObject *mro = NULL;
    if (seqs == NULL || heads == NULL || result == NULL) {
        tn_err_no_memory();
        goto done;
    }
    if (check_duplicates(bases) < 0)
        goto done;
    for (tn_ssize_t i = 0; i < nb; i++) {
        TnType *b = (TnType *)tn_tuple_get(bases, i);
        if (b->mro == NULL) {
            /* A base whose metaclass mro() is still running (CPython's
             * mro_implementation). */
            tn_err_format(&tn_exc_TypeError, "Cannot extend an incomplete type '%s'", b->name);
            goto done;
        }
        seqs[i] = tn_list_from_iterable(b->mro);
        if (seqs[i] == NULL)
            goto done;
    }
    seqs[nb] = tn_list_from_iterable(bases);
    if (seqs[nb] == NULL || tn_list_append(result, TN_OBJ(tp)) < 0
        || c3_merge(result, seqs, nseqs, heads) < 0)
        goto done;
    mro = tn_list_as_tuple(result);
done:
    for (tn_ssize_t i = 0; seqs != NULL && i < nseqs; i++)
        tn_xdecref(seqs[i]);
    tn_mem_free(seqs);
    tn_mem_free(heads);
    tn_xdecref(result);
    return mro;
}

/* type.mro(cls): the C3 linearisation of a class from its bases.  New list. */
TnObject *tn_class_mro_list(TnType *tp)
{
    if (!(tp->flags & TN_TPFLAGS_HEAPTYPE) || tp->bases == NULL)
        return tn_list_from_iterable(tp->mro);
    TnObject *t = c3_mro(tp, tp->bases);
    TnObject *list = t != NULL ? tn_list_from_iterable(t) : NULL;
    tn_xdecref(t);
    return list;
}

static TnType *solid_base(TnType *tp);

/* Is x, a solid base, one of the classes whose fields tp's instances
 * have: tp itself or a class on its base chain? */
static bool on_layout_chain(TnType *tp, TnType *x)
{
    for (TnType *t = tp; t != NULL; t = t->base)
        if (t == x)
            return true;
    return x == &tn_type_object;
}

/* Check what a metaclass's mro() returned (CPython's mro_invoke and
 * mro_check) and make it the MRO tuple: the lookups and the slots read
 * every entry as a class whose fields tp's instances have.  tp's own layout
 * is not computed yet, but tp itself always passes, and another class
 * passes exactly when its solid base is on tp's base chain.  Steals res;
 * new tuple or NULL. */
static TnObject *checked_custom_mro(TnType *tp, TnObject *res)
{
    TnObject *mro = res != NULL ? tn_tuple_from_iterable(res) : NULL;
    tn_xdecref(res);
    if (mro != NULL && tn_tuple_size(mro) == 0) {
        tn_err_set_str(&tn_exc_TypeError, "type MRO must not be empty");
        TN_CLEAR(mro);
    }
    for (tn_ssize_t i = 0; mro != NULL && i < tn_tuple_size(mro); i++) {
        TnObject *t = tn_tuple_get(mro, i);
        if (!tn_object_type_check(t, &tn_type_type))
            tn_err_format(&tn_exc_TypeError, "mro() returned a non-class ('%s')", tn_type_name(tn_type(t)));
        else if ((TnType *)t != tp && !on_layout_chain(tp, solid_base((TnType *)t)))
            tn_err_format(&tn_exc_TypeError, "mro() returned base with unsuitable layout ('%s')", ((TnType *)t)->name);
        else
            continue;
        TN_CLEAR(mro);
    }
    return mro;
}

/* The MRO of a new class: C3, or what its metaclass's own mro() returns. */
static TnObject *compute_mro(TnType *tp)
{
    TnType *meta = tn_type(TN_OBJ(tp));
    TnObject *name = tn_str_intern_cstr("mro");
    TnObject *f = meta != &tn_type_type ? tn_type_lookup(meta, name) : NULL;
    if (f == NULL || f == tn_dict_get_str_borrowed(tn_type_type.dict, name))
        return c3_mro(tp, tp->bases);
    tn_descrgetfunc get = tn_type(f)->descr_get;
    TnObject *bound = get != NULL ? get(f, TN_OBJ(tp), TN_OBJ(meta)) : tn_newref(f);
    TnObject *res = bound != NULL ? tn_call_noargs(bound) : NULL;
    tn_xdecref(bound);
    return checked_custom_mro(tp, res);
}

/* ---- layout --------------------------------------------------------------------- */

/* Builtin types whose instances are variable-sized keep the fields a
 * Python subclass adds (__slots__ values, the __dict__ pointer) after their
 * items, at negative offsets (see tn_object_field_ptr).  CPython allows
 * only a __dict__ there for the types with a nonzero tp_itemsize (int,
 * tuple, bytes: VAR_ITEMS); str stores its characters apart in subclass
 * instances, so its subclasses may have __slots__ too (VAR_STR). */
enum { VAR_NONE, VAR_ITEMS, VAR_STR };

static int var_kind(TnType *tp)
{
    if (tn_type_is_subtype(tp, &tn_type_str))
        return VAR_STR;
    if (tp->itemsize != 0 || tn_type_is_subtype(tp, &tn_type_int) || tn_type_is_subtype(tp, &tn_type_tuple))
        return VAR_ITEMS;
    return VAR_NONE;
}

/* The builtin a variable-size class derives from. */
static TnType *var_root(TnType *tp)
{
    while (tp->flags & TN_TPFLAGS_HEAPTYPE)
        tp = tp->base;
    return tp;
}

/* An instance is allocated with basicsize + the size of its items, but
 * the tail starts at the next pointer boundary after the items: classes
 * with a non-empty tail reserve one pointer of slack for that rounding. */
#define TAIL_SLACK ((tn_ssize_t)sizeof(TnObject *))

/* Bytes of tail that instances of a variable-size class tp use. */
static tn_ssize_t tail_used(TnType *tp)
{
    tn_ssize_t root = var_root(tp)->basicsize;
    return tp->basicsize == root ? 0 : tp->basicsize - root - TAIL_SLACK;
}

/* The offset of the i-th pointer field after `first` (a field offset as
 * tn_object_field_ptr reads them: negative ones grow downwards). */
static tn_ssize_t field_offset(tn_ssize_t first, tn_ssize_t i)
{
    tn_ssize_t step = i * (tn_ssize_t)sizeof(TnObject *);
    return first >= 0 ? first + step : first - step;
}

/* The base that decides the instance layout: the most derived of the
 * bases' layout ancestors (CPython's best_base / solid_base). */
/* Does tp add instance fields beyond its base's, other than a __dict__
 * pointer and a weak-reference list head at the end (CPython's
 * extra_ivars)? */
static bool extra_ivars(TnType *tp, TnType *base)
{
    const tn_ssize_t ptr = (tn_ssize_t)sizeof(TnObject *);
    tn_ssize_t t_size = tp->basicsize, b_size = base->basicsize;
    bool heap = (tp->flags & TN_TPFLAGS_HEAPTYPE) != 0;
    bool adds_dict = tp->dictoffset != 0 && base->dictoffset == 0 && heap;
    bool adds_weak = tp->weaklistoffset != 0 && base->weaklistoffset == 0 && heap;
    switch (var_kind(tp)) {
    case VAR_ITEMS:
        return t_size != b_size || tp->itemsize != base->itemsize;
    case VAR_STR:
        if (var_kind(base) != VAR_STR)
            return true;    /* str itself over object */
        /* Like CPython's managed dict: adding only a __dict__ (and a
         * __weakref__) is free. */
        return tail_used(tp) - (adds_dict ? ptr : 0) - (adds_weak ? ptr : 0) != tail_used(base);
    default:
        if (adds_weak && tp->weaklistoffset + ptr == t_size)
            t_size -= ptr;
        if (adds_dict && tp->dictoffset + ptr == t_size)
            t_size -= ptr;
        return t_size != b_size;
    }
}

static TnType *solid_base(TnType *tp)
{
    TnType *base = tp->base != NULL ? solid_base(tp->base) : &tn_type_object;
    return extra_ivars(tp, base) ? tp : base;
}

static TnType *best_base(TnObject *bases)
{
    TnType *winner = NULL, *base = NULL;
    tn_ssize_t n = tn_tuple_size(bases);
    for (tn_ssize_t i = 0; i < n; i++) {
        TnObject *b = tn_tuple_get(bases, i);
        if (!tn_object_type_check(b, &tn_type_type)) {
            tn_err_set_str(&tn_exc_TypeError, "bases must be types");
            return NULL;
        }
        TnType *bt = (TnType *)b;
        if (!(bt->flags & TN_TPFLAGS_BASETYPE)) {
            tn_err_format(&tn_exc_TypeError, "type '%s' is not an acceptable base type", bt->name);
            return NULL;
        }
        TnType *candidate = solid_base(bt);
        if (winner != NULL && tn_type_is_subtype(winner, candidate))
            continue;       /* the first of equally good bases wins, as in CPython */
        if (winner == NULL || tn_type_is_subtype(candidate, winner)) {
            winner = candidate;
            base = bt;
        } else {
            tn_err_set_str(&tn_exc_TypeError, "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return base;
}

/* ---- instances of Python classes -------------------------------------------------- */

/* Release what the Python-level layers added (dict, __slots__ values),
 * then let the nearest builtin base free the object.  The fields are
 * cleared while the builtin part is intact: for subclasses of int, str,
 * tuple and bytes their position depends on it. */
static void subtype_dealloc(TnObject *self)
{
    TnType *tp = tn_type(self);
    for (TnType *t = tp; t != NULL && (t->flags & TN_TPFLAGS_HEAPTYPE); t = t->base) {
        TnHeapType *ht = (TnHeapType *)t;
        tn_ssize_t n = ht->slots != NULL ? tn_tuple_size(ht->slots) : 0;
        for (tn_ssize_t i = 0; i < n; i++)
            TN_CLEAR(*tn_object_field_ptr(self, field_offset(ht->slotoffset, i)));
    }
    TnObject **d = tn_object_dict_ptr(self);
    if (d != NULL)
        TN_CLEAR(*d);
    TnType *base = tp;
    while (base->flags & TN_TPFLAGS_HEAPTYPE)
        base = base->base;
    base->dealloc(self);
}

/* Cycle collection of instances (CPython's subtype_traverse / subtype_clear).
 * Each Python-level layer adds __slots__ members and maybe a __dict__; the
 * nearest builtin base (the first class that is not a heap type) owns the
 * rest of the object, so its traverse / clear runs last.  An instance owns
 * a reference to its class (see swap_class), which is visited too. */
static int subtype_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TnType *tp = tn_type(self), *base = tp;
    for (; base->flags & TN_TPFLAGS_HEAPTYPE; base = base->base) {
        TnHeapType *ht = (TnHeapType *)base;
        tn_ssize_t n = ht->slots != NULL ? tn_tuple_size(ht->slots) : 0;
        for (tn_ssize_t i = 0; i < n; i++)
            TN_VISIT(*tn_object_field_ptr(self, field_offset(ht->slotoffset, i)));
    }
    if (tp->dictoffset != base->dictoffset) {
        TnObject **d = tn_object_dict_ptr(self);
        if (d != NULL)
            TN_VISIT(*d);
    }
    TN_VISIT(TN_OBJ(tp));
    return base->traverse != NULL ? base->traverse(self, visit, arg) : 0;
}

static bool member_swap_steal(TnObject *obj, tn_ssize_t offset, TnObject *value_steal, TnObject **old);

/* Empty every __slots__ member and the __dict__ (a dict may hold the
 * instance itself), each stored NULL before its old value is dropped; an
 * empty member reads as AttributeError and a NULL __dict__ is made again
 * on demand, so the instance stays usable.  The class reference stays:
 * dealloc gives it up. */
static int subtype_clear(TnObject *self)
{
    TnType *tp = tn_type(self), *base = tp;
    for (; base->flags & TN_TPFLAGS_HEAPTYPE; base = base->base) {
        TnHeapType *ht = (TnHeapType *)base;
        tn_ssize_t n = ht->slots != NULL ? tn_tuple_size(ht->slots) : 0;
        for (tn_ssize_t i = 0; i < n; i++) {
            TnObject *old;
            if (member_swap_steal(self, field_offset(ht->slotoffset, i), NULL, &old))
                tn_decref(old);
        }
    }
    if (tp->dictoffset != base->dictoffset) {
        /* Attribute lookups read the dict pointer lock-free (see
         * tn_object_generic_set_dict): swap it out atomically. */
        TnObject **d = tn_object_dict_ptr(self);
        if (d != NULL)
            tn_field_replace_steal(d, NULL);
    }
    return base->clear != NULL ? base->clear(self) : 0;
}

/* __slots__ members: a descriptor reading a pointer at a fixed offset. */
typedef struct TnMemberDescr {
    TnObject ob;
    TnObject *name;
    TnType *owner;
    tn_ssize_t offset;
} TnMemberDescr;

/* A slot is read and written inside the instance's critical section: a
 * reader increfs the value before a racing writer can drop it, and two
 * writers cannot both drop the same old value. */
static TnObject *member_load_ref(TnObject *obj, tn_ssize_t offset)
{
    TnObject *v;
    TN_BEGIN_CRITICAL_SECTION(obj);
    v = tn_xnewref(*tn_object_field_ptr(obj, offset));
    TN_END_CRITICAL_SECTION();
    return v;
}

/* Store value_steal (NULL: clear) unless clearing an empty slot; the old
 * value goes to *old (dropped by the caller, outside the section).
 * false: the slot was already empty and value_steal is NULL. */
static bool member_swap_steal(TnObject *obj, tn_ssize_t offset, TnObject *value_steal, TnObject **old)
{
    bool ok;
    TN_BEGIN_CRITICAL_SECTION(obj);
    TnObject **slot = tn_object_field_ptr(obj, offset);
    *old = *slot;
    ok = value_steal != NULL || *old != NULL;
    if (ok)
        *slot = value_steal;
    TN_END_CRITICAL_SECTION();
    return ok;
}

static TnObject *member_get(TnObject *self, TnObject *obj, TnObject *type)
{
    TnMemberDescr *m = (TnMemberDescr *)self;
    if (obj == NULL)
        return tn_newref(self);
    if (!tn_object_type_check(obj, m->owner))
        return tn_err_format(&tn_exc_TypeError, "descriptor '%U' for '%s' objects doesn't apply to a '%T' object",
                             m->name, m->owner->name, obj);
    TnObject *v = member_load_ref(obj, m->offset);
    if (v == NULL)
        return tn_err_format(&tn_exc_AttributeError, "'%T' object has no attribute '%U'", obj, m->name);
    return v;
}

static int member_set(TnObject *self, TnObject *obj, TnObject *value)
{
    TnMemberDescr *m = (TnMemberDescr *)self;
    if (!tn_object_type_check(obj, m->owner)) {
        tn_err_format(&tn_exc_TypeError, "descriptor '%U' for '%s' objects doesn't apply to a '%T' object",
                      m->name, m->owner->name, obj);
        return -1;
    }
    TnObject *old;
    if (!member_swap_steal(obj, m->offset, tn_xnewref(value), &old)) {
        /* CPython 3.11 (PyMember_SetOne) names only the attribute here. */
        tn_err_set_object(&tn_exc_AttributeError, m->name);
        return -1;
    }
    tn_xdecref(old);
    return 0;
}

static void member_dealloc(TnObject *self)
{
    TN_CLEAR(((TnMemberDescr *)self)->name);
    tn_object_free(self);
}

static TnObject *member_repr(TnObject *self)
{
    TnMemberDescr *m = (TnMemberDescr *)self;
    return tn_str_from_format("<member '%U' of '%s' objects>", m->name, m->owner->name);
}

TnType tn_type_member_descr = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "member_descriptor",
    .basicsize = sizeof(TnMemberDescr),
    .dealloc = member_dealloc,
    .repr = member_repr,
    .descr_get = member_get,
    .descr_set = member_set,
    .new_ = tn_type_new_not_allowed,
};

/* instance.__dict__ (also function.__dict__) */
TnObject *tn_object_generic_get_dict(TnObject *self, void *c)
{
    TnObject **d = tn_object_dict_ptr(self);
    if (d == NULL)
        return tn_err_format(&tn_exc_AttributeError, "This object has no __dict__");
    TnObject *dict = tn_object_dict_get_or_create(d);
    return dict != NULL ? tn_newref(dict) : NULL;
}

int tn_object_generic_set_dict(TnObject *self, TnObject *value, void *c)
{
    TnObject **d = tn_object_dict_ptr(self);
    if (d == NULL) {
        tn_err_set_str(&tn_exc_AttributeError, "This object has no __dict__");
        return -1;
    }
    if (value == NULL || !tn_dict_check(value)) {
        tn_err_format(&tn_exc_TypeError, "__dict__ must be set to a dictionary, not a '%T'", value ? value : TN_NONE);
        return -1;
    }
    /* Attribute lookups in other threads read the dict pointer without a
     * lock: swap it atomically, and let the old dict outlive them. */
    TnObject *old = tn_atomic_load_ptr((void *const *)d);
    tn_incref(value);
    while (!tn_atomic_cas_ptr((void **)d, old, value))
        old = tn_atomic_load_ptr((void *const *)d);
    tn_type_retire_steal(tn_type(self), old);
    return 0;
}

static const TnGetSetDef instance_dict_getset = {"__dict__", tn_object_generic_get_dict, tn_object_generic_set_dict, NULL, NULL};

/* instance.__weakref__: the first weak reference to the instance, or None. */
static TnObject *instance_get_weakref(TnObject *self, void *c) { return tn_weakref_first(self); }

static const TnGetSetDef instance_weakref_getset = {"__weakref__", instance_get_weakref, NULL, NULL, NULL};

/* Are instances of tp weakly referenceable (a __weakref__ slot)?  A class
 * knows before its layout has placed the slot. */
static bool has_weakref(TnType *tp)
{
    if (tp->flags & TN_TPFLAGS_HEAPTYPE)
        return ((TnHeapType *)tp)->weakrefable;
    return tp->weaklistoffset != 0;
}

/* ---- __class__ assignment ------------------------------------------------------------------ */

/* child's instances look exactly like parent's (CPython's
 * compatible_with_tp_base). */
static bool same_layout_as_base(TnType *child)
{
    TnType *parent = child->base;
    return parent != NULL && child->basicsize == parent->basicsize && child->itemsize == parent->itemsize
           && child->dictoffset == parent->dictoffset && child->weaklistoffset == parent->weaklistoffset
           && (child->dealloc == subtype_dealloc || child->dealloc == parent->dealloc);
}

static bool same_slot_names(TnType *a, TnType *b)
{
    TnObject *sa = ((TnHeapType *)a)->slots, *sb = ((TnHeapType *)b)->slots;
    tn_ssize_t na = sa != NULL ? tn_tuple_size(sa) : 0, nb = sb != NULL ? tn_tuple_size(sb) : 0;
    if (na != nb)
        return false;
    for (tn_ssize_t i = 0; i < na; i++)
        if (tn_object_richcompare_bool(tn_tuple_get(sa, i), tn_tuple_get(sb, i), TN_EQ) != 1)
            return false;
    return true;
}

/* a and b (same base) add the same fields in the same places (CPython's
 * same_slots_added; the layout is a function of the slot names and of
 * whether a __dict__ was added, so comparing those is enough).  Subclasses
 * of int, tuple and bytes with a __dict__ never match, as in CPython,
 * where that dict lives at a negative offset. */
static bool same_slots_added(TnType *a, TnType *b)
{
    if (!(a->flags & TN_TPFLAGS_HEAPTYPE) || !(b->flags & TN_TPFLAGS_HEAPTYPE))
        return false;
    if (var_kind(a) == VAR_ITEMS && a->dictoffset != a->base->dictoffset)
        return false;
    return a->basicsize == b->basicsize && a->dictoffset == b->dictoffset && a->weaklistoffset == b->weaklistoffset
           && same_slot_names(a, b);
}

static int check_class_assignment(TnType *oldto, TnType *newto)
{
    bool modules = tn_type_is_subtype(newto, &tn_type_module) && tn_type_is_subtype(oldto, &tn_type_module);
    if (!modules && (!(newto->flags & TN_TPFLAGS_HEAPTYPE) || !(oldto->flags & TN_TPFLAGS_HEAPTYPE))) {
        tn_err_set_str(&tn_exc_TypeError,
                       "__class__ assignment only supported for mutable types or ModuleType subclasses");
        return -1;
    }
    TnType *newbase = newto, *oldbase = oldto;
    while (same_layout_as_base(newbase))
        newbase = newbase->base;
    while (same_layout_as_base(oldbase))
        oldbase = oldbase->base;
    /* A collected object carries a header before it in the gil flavour:
     * GC and non-GC instances never share a layout (CPython compares
     * tp_free for the same reason). */
    bool gc_differs = (newto->flags & TN_TPFLAGS_HAVE_GC) != (oldto->flags & TN_TPFLAGS_HAVE_GC);
    if (gc_differs
        || (newbase != oldbase && (newbase->base != oldbase->base || !same_slots_added(newbase, oldbase)))) {
        tn_err_format(&tn_exc_TypeError, "__class__ assignment: '%s' object layout differs from '%s'",
                      newto->name, oldto->name);
        return -1;
    }
    return 0;
}

/* Point self at newto if it still points at oldto (checked compatible), with
 * the world stopped: other threads read an object's type without a lock
 * (every attribute access and call does), so no reader is mid-way through
 * using the old type's slots when it changes, and two threads assigning at
 * once cannot both give up the reference to the same old class (a lost
 * update: one class's count drifts down until it is freed under its
 * instances, the other's up).  Instances of heap types own a reference to
 * their type: newto gains one here.  Returns false if another thread
 * changed self's class meanwhile (the caller checks the new one). */
static bool swap_class(TnObject *self, TnType *oldto, TnType *newto)
{
    TnThreadState *ts = tn_tstate();
    tn_world_stop(ts);
    bool same = tn_type(self) == oldto;
    if (same) {
        if (newto->flags & TN_TPFLAGS_HEAPTYPE)
            tn_incref(TN_OBJ(newto));
        tn_set_type(self, newto);
    }
    tn_world_start(ts);
    return same;
}

int tn_class_set_instance_class(TnObject *self, TnObject *value)
{
    if (value == NULL) {
        tn_err_set_str(&tn_exc_TypeError, "can't delete __class__ attribute");
        return -1;
    }
    if (!tn_object_type_check(value, &tn_type_type)) {
        tn_err_format(&tn_exc_TypeError, "__class__ must be set to a class, not '%T' object", value);
        return -1;
    }
    TnType *newto = (TnType *)value, *oldto = tn_type(self);
    for (;;) {
        if (check_class_assignment(oldto, newto) < 0)
            return -1;
        if (swap_class(self, oldto, newto))
            break;
        oldto = tn_type(self);
    }
    /* The reference self owned to its old class, given up only now that
     * self no longer points there (this may free the class). */
    if (oldto->flags & TN_TPFLAGS_HEAPTYPE)
        tn_decref(TN_OBJ(oldto));
    return 0;
}

/* ---- creating a class ------------------------------------------------------------------ */

static int add_slot_members(TnHeapType *ht)
{
    tn_ssize_t n = tn_tuple_size(ht->slots);
    for (tn_ssize_t i = 0; i < n; i++) {
        TnObject *name = tn_tuple_get(ht->slots, i);
        TnMemberDescr *m = (TnMemberDescr *)tn_object_new(&tn_type_member_descr, sizeof(TnMemberDescr));
        if (m == NULL)
            return -1;
        m->name = tn_newref(name);
        m->owner = &ht->type;
        m->offset = field_offset(ht->slotoffset, i);
        int r = tn_dict_set_item(ht->type.dict, name, TN_OBJ(m));
        tn_decref(TN_OBJ(m));
        if (r < 0)
            return -1;
    }
    return 0;
}

/* What a class statement's __slots__ asks for. */
typedef struct SlotsSpec {
    TnObject *names;     /* the listed names, as a tuple */
    bool wants_dict;     /* '__dict__' was listed */
    bool wants_weakref;  /* '__weakref__' was listed */
} SlotsSpec;

/* Check each name as CPython's type_new_visit_slots does.  0 / -1. */
static int visit_slot_names(SlotsSpec *sp, bool may_add_dict, bool may_add_weakref)
{
    for (tn_ssize_t i = 0; i < tn_tuple_size(sp->names); i++) {
        TnObject *s = tn_tuple_get(sp->names, i);
        if (!tn_str_check(s)) {
            tn_err_format(&tn_exc_TypeError, "__slots__ items must be strings, not '%T'", s);
            return -1;
        }
        TnObject *ok = tn_call_method_cstr(s, "isidentifier", NULL, 0);
        if (ok == NULL)
            return -1;
        tn_decref(ok);
        if (ok != TN_TRUE) {
            tn_err_set_str(&tn_exc_TypeError, "__slots__ must be identifiers");
            return -1;
        }
        if (tn_str_eq_cstr(s, "__dict__")) {
            if (!may_add_dict || sp->wants_dict) {
                tn_err_set_str(&tn_exc_TypeError, "__dict__ slot disallowed: we already got one");
                return -1;
            }
            sp->wants_dict = true;
        }
        if (tn_str_eq_cstr(s, "__weakref__")) {
            if (!may_add_weakref || sp->wants_weakref) {
                tn_err_set_str(&tn_exc_TypeError,
                               "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0");
                return -1;
            }
            sp->wants_weakref = true;
        }
    }
    return 0;
}

/* The member names: __dict__ left out, private names mangled, sorted (the
 * layout CPython gives, which __class__ assignment compares); so is
 * __weakref__, a flag here (see TnHeapType.weakrefable).  A name that
 * is also a class attribute is an error.  New tuple or NULL. */
static TnObject *slot_member_names(TnType *tp, TnObject *names, TnObject *class_name)
{
    TnObject *list = tn_list_new(0);
    if (list == NULL)
        return NULL;
    for (tn_ssize_t i = 0; i < tn_tuple_size(names); i++) {
        TnObject *s = tn_tuple_get(names, i);
        if (tn_str_eq_cstr(s, "__dict__") || tn_str_eq_cstr(s, "__weakref__"))
            continue;
        TnObject *m = tn_symtable_mangle(class_name, s);
        if (m == NULL)
            goto error;
        if (tn_dict_get_str_borrowed(tp->dict, m) != NULL) {
            tn_err_format(&tn_exc_ValueError, "%R in __slots__ conflicts with class variable", m);
            goto error;
        }
        if (tn_list_append(list, m) < 0)
            goto error;
    }
    if (tn_list_sort(list, NULL, 0) < 0)
        goto error;
    TnObject *t = tn_list_as_tuple(list);
    tn_decref(list);
    return t;
error:
    tn_decref(list);
    return NULL;
}

/* Read __slots__ (a str or an iterable of str) into ht->slots,
 * ht->weakrefable and *add_dict.  0 / -1. */
static int read_slots(TnHeapType *ht, TnObject *spec, TnType *base, bool may_add_dict, bool *add_dict)
{
    SlotsSpec sp = {NULL, false, false};
    sp.names = tn_str_check(spec) ? tn_tuple_pack(1, spec) : tn_tuple_from_iterable(spec);
    if (sp.names == NULL)
        return -1;
    int r = -1;
    if (tn_tuple_size(sp.names) > 0 && var_kind(base) == VAR_ITEMS)
        tn_err_format(&tn_exc_TypeError, "nonempty __slots__ not supported for subtype of '%s'", tn_type_name(base));
    else if (visit_slot_names(&sp, may_add_dict, !has_weakref(base) && var_kind(base) != VAR_ITEMS) == 0)
        r = (ht->slots = slot_member_names(&ht->type, sp.names, ht->name)) != NULL ? 0 : -1;
    *add_dict = sp.wants_dict;
    ht->weakrefable = has_weakref(base) || sp.wants_weakref;
    tn_decref(sp.names);
    return r;
}

static TnObject *get_ns_item(TnObject *ns, const char *name)
{
    return tn_dict_get_cstr_borrowed(ns, name);
}

/* Give the heap type its own copies of the base's slot tables. */
static void copy_base_tables(TnHeapType *ht, TnType *base)
{
    if (base->as_number != NULL)
        ht->as_number = *base->as_number;
    if (base->as_sequence != NULL)
        ht->as_sequence = *base->as_sequence;
    if (base->as_mapping != NULL)
        ht->as_mapping = *base->as_mapping;
    ht->type.as_number = &ht->as_number;
    ht->type.as_sequence = &ht->as_sequence;
    ht->type.as_mapping = &ht->as_mapping;
}

static void inherit_type_slots(TnType *tp, TnType *base)
{
#define INHERIT(slot) tp->slot = base->slot
    INHERIT(repr);
    INHERIT(str);
    INHERIT(hash);
    INHERIT(richcompare);
    INHERIT(getattro);
    INHERIT(setattro);
    INHERIT(call);
    INHERIT(iter);
    INHERIT(iternext);
    INHERIT(new_);
    INHERIT(descr_get);
    INHERIT(descr_set);
#undef INHERIT
    tp->flags |= base->flags & (TN_TPFLAGS_INT_SUBCLASS | TN_TPFLAGS_LIST_SUBCLASS | TN_TPFLAGS_TUPLE_SUBCLASS
                                | TN_TPFLAGS_STR_SUBCLASS | TN_TPFLAGS_DICT_SUBCLASS
                                | TN_TPFLAGS_BASE_EXC_SUBCLASS | TN_TPFLAGS_TYPE_SUBCLASS);
}

/* Put a getset descriptor for instances of tp in tp's dict, unless the
 * class body defined that name.  0 / -1. */
static int add_getset(TnType *tp, const TnGetSetDef *def)
{
    if (tn_dict_get_cstr_borrowed(tp->dict, def->name) != NULL)
        return 0;
    TnObject *d = tn_getset_descr_new(tp, def);
    int r = d != NULL ? tn_dict_set_item_cstr(tp->dict, def->name, d) : -1;
    tn_xdecref(d);
    return r;
}

/* Compute the instance layout: basicsize, dictoffset, __slots__ members.
 * A plain class appends its fields after the base's fixed size; a class
 * deriving from int, str, tuple or bytes appends them to the tail after
 * the items (negative offsets, see tn_object_field_ptr). */
static int layout(TnHeapType *ht, TnType *base, TnObject *ns)
{
    TnType *tp = &ht->type;
    bool in_tail = var_kind(base) != VAR_NONE;
    bool may_add_dict = base->dictoffset == 0 && !tn_type_is_subtype(base, &tn_type_type);
    bool add_dict = may_add_dict;
    /* Without __slots__ a class is weakly referenceable, as in CPython. */
    ht->weakrefable = has_weakref(base) || var_kind(base) != VAR_ITEMS;
    TnObject *spec = get_ns_item(ns, "__slots__");
    if (spec != NULL && read_slots(ht, spec, base, may_add_dict, &add_dict) < 0)
        return -1;
    tn_ssize_t nslots = ht->slots != NULL ? tn_tuple_size(ht->slots) : 0;
    /* `end` is the next free fixed offset, or the bytes of tail in use. */
    tn_ssize_t end = in_tail ? tail_used(base) : base->basicsize;
    ht->slotoffset = in_tail ? -end - 1 : end;
    if (nslots > 0 && add_slot_members(ht) < 0)
        return -1;
    end += nslots * (tn_ssize_t)sizeof(TnObject *);
    tp->dictoffset = base->dictoffset;
    if (add_dict) {
        tp->dictoffset = in_tail ? -end - 1 : end;
        end += (tn_ssize_t)sizeof(TnObject *);
    }
    /* The weak-reference list head after the __dict__, as in CPython. */
    tp->weaklistoffset = base->weaklistoffset;
    if (ht->weakrefable && !has_weakref(base)) {
        tp->weaklistoffset = in_tail ? -end - 1 : end;
        end += (tn_ssize_t)sizeof(TnObject *);
    }
    if (!in_tail)
        tp->basicsize = end;
    else
        tp->basicsize = var_root(base)->basicsize + (end > 0 ? TAIL_SLACK + end : 0);
    tp->itemsize = base->itemsize;
    /* The class's own __dict__ / __weakref__ attributes, then __doc__
     * (None if the body set none): CPython's order of the class dict. */
    bool need_dict = add_dict || (tp->dictoffset != 0 && tn_type_lookup(tp, tn_str_intern_cstr("__dict__")) == NULL);
    if ((need_dict && add_getset(tp, &instance_dict_getset) < 0)
        || (ht->weakrefable && !has_weakref(base) && add_getset(tp, &instance_weakref_getset) < 0))
        return -1;
    if (tn_dict_get_cstr_borrowed(tp->dict, "__doc__") == NULL && tn_dict_set_item_cstr(tp->dict, "__doc__", TN_NONE) < 0)
        return -1;
    return 0;
}

/* The most derived metaclass of `meta` and the bases' metaclasses. */
static TnType *calculate_metaclass(TnType *meta, TnObject *bases)
{
    TnType *winner = meta;
    for (tn_ssize_t i = 0; i < tn_tuple_size(bases); i++) {
        TnType *t = tn_type(tn_tuple_get(bases, i));
        if (tn_type_is_subtype(winner, t))
            continue;
        if (tn_type_is_subtype(t, winner)) {
            winner = t;
            continue;
        }
        tn_err_set_str(&tn_exc_TypeError,
                       "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass "
                       "of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

/* 3.11 reports a failing __set_name__ as a RuntimeError caused by the
 * original exception (CPython's _PyErr_FormatFromCause). */
static void set_name_error(TnObject *value, TnObject *name, TnType *owner)
{
    TnObject *orig = tn_err_fetch();
    tn_err_format(&tn_exc_RuntimeError, "Error calling __set_name__ on '%T' instance %R in '%s'", value, name,
                  owner->name);
    TnBaseException *e = (TnBaseException *)tn_err_occurred();
    if (orig == NULL || e == NULL || !tn_object_type_check(TN_OBJ(e), &tn_exc_BaseException)) {
        tn_xdecref(orig);
        return;
    }
    tn_field_replace_steal(&e->cause, tn_newref(orig));
    tn_field_replace_steal(&e->context, orig);
    tn_exc_set_suppress_context(TN_OBJ(e), 1);
}

/* Call __set_name__ on every namespace value that has one. */
static int set_names(TnType *tp)
{
    TnObject *items = tn_dict_items_list(tp->dict);
    if (items == NULL)
        return -1;
    int r = 0;
    for (tn_ssize_t i = 0; i < tn_list_size(items) && r == 0; i++) {
        TnObject *pair = tn_list_get_lock_held(items, i);
        TnObject *value = tn_tuple_get(pair, 1);
        TnObject *set_name = tn_type_lookup(tn_type(value), tn_str_intern_cstr("__set_name__"));
        if (set_name == NULL)
            continue;
        TnObject *args[3] = {value, TN_OBJ(tp), tn_tuple_get(pair, 0)};
        TnObject *res = tn_call(set_name, args, 3, NULL);
        if (res == NULL) {
            set_name_error(value, tn_tuple_get(pair, 0), tp);
            r = -1;
        }
        tn_xdecref(res);
    }
    tn_decref(items);
    return r;
}

/* super(cls, cls).__init_subclass__(**kwds) */
static int init_subclass(TnType *tp, TnObject *kwds)
{
    TnObject *mro = tp->mro;
    /* super() searches after tp's place on the MRO; a metaclass mro() may
     * have moved tp, or left it out: then, as CPython's super(tp, tp)
     * finds, tp is not a subtype of itself. */
    tn_ssize_t start = 0;
    while (start < tn_tuple_size(mro) && tn_tuple_get(mro, start) != TN_OBJ(tp))
        start++;
    if (start == tn_tuple_size(mro)) {
        tn_err_set_str(&tn_exc_TypeError, "super(type, obj): obj must be an instance or subtype of type");
        return -1;
    }
    TnObject *name = tn_str_intern_cstr("__init_subclass__");
    for (tn_ssize_t i = start + 1; i < tn_tuple_size(mro); i++) {
        TnType *t = (TnType *)tn_tuple_get(mro, i);
        TnObject *f = t->dict != NULL ? tn_dict_get_str_borrowed(t->dict, name) : NULL;
        if (f == NULL)
            continue;
        tn_descrgetfunc get = tn_type(f)->descr_get;
        TnObject *bound = get != NULL ? get(f, NULL, TN_OBJ(tp)) : tn_newref(f);
        if (bound == NULL)
            return -1;
        TnObject *empty = NULL;
        TnObject *res;
        if (kwds != NULL) {
            empty = tn_tuple_new(0);
            res = empty != NULL ? tn_call_tuple_dict(bound, empty, kwds) : NULL;
        } else {
            res = tn_call_noargs(bound);
        }
        tn_xdecref(empty);
        tn_decref(bound);
        if (res == NULL)
            return -1;
        tn_decref(res);
        return 0;
    }
    return 0;
}

TnObject *tn_class_new(TnType *meta, TnObject *name, TnObject *bases, TnObject *ns, TnObject *kwds)
{
    if (!tn_str_check(name) || !tn_tuple_check(bases) || !tn_dict_check(ns))
        return tn_err_format(&tn_exc_TypeError, "type.__new__() argument 1 must be str, not %T", name);
    TnObject *effective_bases = tn_tuple_size(bases) > 0 ? tn_newref(bases)
                                                         : tn_tuple_pack(1, TN_OBJ(&tn_type_object));
    if (effective_bases == NULL)
        return NULL;
    TnType *base = best_base(effective_bases);
    if (base == NULL) {
        tn_decref(effective_bases);
        return NULL;
    }
    size_t size = sizeof(TnHeapType);
    if (meta->basicsize > (tn_ssize_t)size)
        size = (size_t)meta->basicsize;
    TnHeapType *ht = (TnHeapType *)tn_object_new(meta, size);
    if (ht == NULL) {
        tn_decref(effective_bases);
        return NULL;
    }
    TnType *tp = &ht->type;
    /* Instances of classes can always take part in cycles (gc/gc.h). */
    tp->flags = TN_TPFLAGS_HEAPTYPE | TN_TPFLAGS_BASETYPE | TN_TPFLAGS_HAVE_GC;
    tp->base = (TnType *)tn_newref(TN_OBJ(base));
    tp->bases = effective_bases;
    ht->name = tn_newref(name);
    tp->name = tn_str_utf8(name, NULL);
    tp->dict = tn_dict_copy(ns);
    if (tn_type_name(tp) == NULL || tp->dict == NULL)
        goto error;
    /* __qualname__ and __classcell__ are consumed from the namespace. */
    TnObject *qualname = NULL, *key = tn_str_intern_cstr("__qualname__");
    if (key == NULL || tn_dict_pop_item_ref(tp->dict, key, &qualname) < 0)
        goto error;
    ht->qualname = qualname != NULL ? qualname : tn_newref(name);
    TnObject *cell = NULL;
    key = tn_str_intern_cstr("__classcell__");
    if (key == NULL || tn_dict_pop_item_ref(tp->dict, key, &cell) < 0)
        goto error;
    if (tn_dict_get_cstr_borrowed(tp->dict, "__module__") == NULL) {
        TnObject *globals = tn_eval_get_globals();
        TnObject *mod = globals != NULL ? tn_dict_get_cstr_borrowed(globals, "__name__") : NULL;
        if (mod != NULL && tn_dict_set_item_cstr(tp->dict, "__module__", mod) < 0)
            goto error_cell;
    }
    /* __eq__ without __hash__ makes instances unhashable. */
    if (tn_dict_get_cstr_borrowed(tp->dict, "__eq__") != NULL
        && tn_dict_get_cstr_borrowed(tp->dict, "__hash__") == NULL
        && tn_dict_set_item_cstr(tp->dict, "__hash__", TN_NONE) < 0)
        goto error_cell;
    /* __new__, __init_subclass__ and __class_getitem__ are implicitly
     * static / class methods. */
    static const struct { const char *name; TnType *kind; } implicit[] = {
        {"__new__", &tn_type_staticmethod}, {"__init_subclass__", &tn_type_classmethod},
        {"__class_getitem__", &tn_type_classmethod},
    };
    for (size_t i = 0; i < sizeof implicit / sizeof implicit[0]; i++) {
        TnObject *f = tn_dict_get_cstr_borrowed(tp->dict, implicit[i].name);
        if (f != NULL && tn_type(f) == &tn_type_function) {
            TnObject *wrapped = tn_call_one(TN_OBJ(implicit[i].kind), f);
            if (wrapped == NULL || tn_dict_set_item_cstr(tp->dict, implicit[i].name, wrapped) < 0) {
                tn_xdecref(wrapped);
                goto error_cell;
            }
            tn_decref(wrapped);
        }
    }
    tp->mro = compute_mro(tp);
    if (tp->mro == NULL)
        goto error_cell;
    copy_base_tables(ht, base);
    inherit_type_slots(tp, base);
    tp->dealloc = subtype_dealloc;
    /* Every class's instances take part in cycle collection, as in
     * CPython: an instance can always reach itself through its class. */
    tp->flags |= TN_TPFLAGS_HAVE_GC;
    tp->traverse = subtype_traverse;
    tp->clear = subtype_clear;
    if (layout(ht, base, tp->dict) < 0)
        goto error_cell;
    tn_slots_fixup(ht);
    tp->flags |= TN_TPFLAGS_READY;
    /* Register with the Python-level bases, so that a dunder assigned to a
     * base later reaches this class's slots too. */
    for (tn_ssize_t i = 0; i < tn_tuple_size(effective_bases); i++) {
        TnType *b = (TnType *)tn_tuple_get(effective_bases, i);
        if (!(b->flags & TN_TPFLAGS_HEAPTYPE))
            continue;
        if (tn_type_add_subclass(b, tp) < 0)
            goto error_cell;
    }
    tp->version_tag = 0;
    if (cell != NULL) {
        if (tn_type(cell) != &tn_type_cell) {
            tn_err_format(&tn_exc_TypeError, "__classcell__ must be a nonlocal cell, not %T", cell);
            goto error_cell;
        }
        TN_SETREF(((TnCell *)cell)->ref, tn_newref(TN_OBJ(tp)));
        tn_decref(cell);
    }
    if (set_names(tp) < 0 || init_subclass(tp, kwds) < 0) {
        tn_decref(TN_OBJ(tp));
        return NULL;
    }
    return TN_OBJ(tp);
error_cell:
    tn_xdecref(cell);
error:
    tn_decref(TN_OBJ(tp));
    return NULL;
}

/* type's constructor: type(x) or type(name, bases, dict, **kw). */
TnObject *tn_type_new_slot(TnType *meta, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    tn_ssize_t nkw = kwnames != NULL ? tn_tuple_size(kwnames) : 0;
    if (meta == &tn_type_type && nargs == 1 && nkw == 0)
        return tn_newref(TN_OBJ(tn_type(args[0])));
    if (nargs != 3)
        return tn_err_format(&tn_exc_TypeError, meta == &tn_type_type ? "type() takes 1 or 3 arguments"
                                                                     : "type.__new__() takes exactly 3 arguments (%zd given)", nargs);
    if (!tn_tuple_check(args[1]))
        return tn_err_format(&tn_exc_TypeError, "type.__new__() argument 2 must be tuple, not %T", args[1]);
    if (!tn_dict_check(args[2]))
        return tn_err_format(&tn_exc_TypeError, "type.__new__() argument 3 must be dict, not %T", args[2]);
    TnType *winner = calculate_metaclass(meta, args[1]);
    if (winner == NULL)
        return NULL;
    if (winner != meta && winner->new_ != tn_type_new_slot)
        return winner->new_(winner, args, nargs, kwnames);
    TnObject *kwds = NULL;
    if (nkw > 0) {
        kwds = tn_dict_new();
        if (kwds == NULL)
            return NULL;
        for (tn_ssize_t i = 0; i < nkw; i++)
            if (tn_dict_set_item(kwds, tn_tuple_get(kwnames, i), args[nargs + i]) < 0) {
                tn_decref(kwds);
                return NULL;
            }
    }
    TnObject *res = tn_class_new(winner, args[0], args[1], args[2], kwds);
    tn_xdecref(kwds);
    return res;
}

/* ---- __build_class__ --------------------------------------------------------------- */

/* A new list holding the first n items of tuple t. */
static TnObject *tuple_prefix_list(TnObject *t, tn_ssize_t n)
{
    TnObject *list = tn_list_new(0);
    for (tn_ssize_t j = 0; j < n && list != NULL; j++)
        if (tn_list_append(list, tn_tuple_get(t, j)) < 0)
            TN_CLEAR(list);
    return list;
}

/* Append the items of tuple t to list.  0 / -1. */
static int list_extend_tuple(TnObject *list, TnObject *t)
{
    for (tn_ssize_t j = 0; j < tn_tuple_size(t); j++)
        if (tn_list_append(list, tn_tuple_get(t, j)) < 0)
            return -1;
    return 0;
}

/* PEP 560: a base that is not a class but has __mro_entries__ is replaced
 * by the tuple that method returns (CPython's update_bases).  New
 * reference: `orig` itself when nothing changed. */
static TnObject *update_bases(TnObject *orig)
{
    TnObject *list = NULL;   /* the new bases, made at the first replacement */
    tn_ssize_t n = tn_tuple_size(orig);
    for (tn_ssize_t i = 0; i < n; i++) {
        TnObject *base = tn_tuple_get(orig, i), *meth = NULL;
        int r = tn_object_type_check(base, &tn_type_type)
                    ? 0 : tn_object_lookup_attr(base, tn_str_intern_cstr("__mro_entries__"), &meth);
        if (r < 0)
            goto error;
        if (r == 0) {
            if (list != NULL && tn_list_append(list, base) < 0)
                goto error;
            continue;
        }
        TnObject *entries = tn_call_one(meth, orig);
        tn_decref(meth);
        if (entries != NULL && !tn_tuple_check(entries)) {
            TN_CLEAR(entries);
            tn_err_set_str(&tn_exc_TypeError, "__mro_entries__ must return a tuple");
        }
        if (entries != NULL && list == NULL)
            list = tuple_prefix_list(orig, i);
        r = entries != NULL && list != NULL ? list_extend_tuple(list, entries) : -1;
        tn_xdecref(entries);
        if (r < 0)
            goto error;
    }
    if (list == NULL)
        return tn_newref(orig);
    TnObject *t = tn_list_as_tuple(list);
    tn_decref(list);
    return t;
error:
    tn_xdecref(list);
    return NULL;
}

TnObject *tn_build_class(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (nargs < 2)
        return tn_err_format(&tn_exc_TypeError, "__build_class__: not enough arguments");
    TnObject *func = args[0], *name = args[1];
    if (tn_type(func) != &tn_type_function)
        return tn_err_format(&tn_exc_TypeError, "__build_class__: func must be a function");
    if (!tn_str_check(name))
        return tn_err_format(&tn_exc_TypeError, "__build_class__: name is not a string");
    TnObject *orig_bases = tn_tuple_from_array(args + 2, nargs - 2);
    TnObject *bases = orig_bases != NULL ? update_bases(orig_bases) : NULL;
    TnObject *kwds = tn_dict_new(), *ns = NULL, *cls = NULL, *meta = NULL;
    if (bases == NULL || kwds == NULL)
        goto done;
    tn_ssize_t nkw = kwnames != NULL ? tn_tuple_size(kwnames) : 0;
    for (tn_ssize_t i = 0; i < nkw; i++)
        if (tn_dict_set_item(kwds, tn_tuple_get(kwnames, i), args[nargs + i]) < 0)
            goto done;
    TnObject *key = tn_str_intern_cstr("metaclass");
    if (key == NULL || tn_dict_pop_item_ref(kwds, key, &meta) < 0)
        goto done;
    bool is_class = meta == NULL || tn_object_type_check(meta, &tn_type_type);
    if (meta == NULL)
        meta = tn_newref(tn_tuple_size(bases) > 0 ? TN_OBJ(tn_type(tn_tuple_get(bases, 0)))
                                                  : TN_OBJ(&tn_type_type));
    if (is_class) {
        TnType *winner = calculate_metaclass((TnType *)meta, bases);
        if (winner == NULL)
            goto done;
        TN_SETREF(meta, tn_newref(TN_OBJ(winner)));
    }
    TnObject *prepare;
    int r = tn_object_lookup_attr(meta, tn_str_intern_cstr("__prepare__"), &prepare);
    if (r < 0)
        goto done;
    if (r > 0) {
        TnObject *pargs = tn_tuple_pack(2, name, bases);
        ns = pargs != NULL ? tn_call_tuple_dict(prepare, pargs, kwds) : NULL;
        tn_xdecref(pargs);
        tn_decref(prepare);
        if (ns == NULL)
            goto done;
    } else {
        ns = tn_dict_new();
        if (ns == NULL)
            goto done;
    }
    TnObject *body = tn_eval_class_body(func, ns);
    if (body == NULL)
        goto done;
    TnObject *cell = body;
    key = bases != orig_bases ? tn_str_intern_cstr("__orig_bases__") : NULL;
    if (bases != orig_bases && (key == NULL || tn_object_setitem(ns, key, orig_bases) < 0)) {
        tn_decref(body);
        goto done;
    }
    TnObject *cargs = tn_tuple_pack(3, name, bases, ns);
    cls = cargs != NULL ? tn_call_tuple_dict(meta, cargs, tn_dict_size(kwds) > 0 ? kwds : NULL) : NULL;
    tn_xdecref(cargs);
    if (cls != NULL && tn_type(cell) == &tn_type_cell && ((TnCell *)cell)->ref != cls) {
        if (((TnCell *)cell)->ref == NULL)
            tn_err_format(&tn_exc_RuntimeError,
                          "__class__ not set defining %R as %R. Was __classcell__ propagated to type.__new__?",
                          name, cls);
        else
            tn_err_format(&tn_exc_TypeError, "__class__ set to %R defining %R as %R", ((TnCell *)cell)->ref,
                          name, cls);
        TN_CLEAR(cls);
    }
    tn_decref(body);
done:
    tn_xdecref(orig_bases);
    tn_xdecref(bases);
    tn_xdecref(kwds);
    tn_xdecref(ns);
    tn_xdecref(meta);
    return cls;
}

/* ---- object.__init__ / __init_subclass__ / type calls ------------------------------------ */

static bool is_object_slot(TnType *tp, const char *name)
{
    TnObject *f = tn_type_lookup(tp, tn_str_intern_cstr(name));
    TnObject *base = tn_dict_get_cstr_borrowed(tn_type_object.dict, name);
    return f == NULL || f == base;
}

/* "Can't instantiate abstract class A with abstract methods f, g": the
 * sorted names of type.__abstractmethods__ (CPython's object_new).  NULL. */
static TnObject *abstract_instance_error(TnType *type)
{
    TnObject *names = tn_dict_get_cstr_borrowed(type->dict, "__abstractmethods__");
    TnObject *sorted = names != NULL ? tn_list_from_iterable(names) : NULL;
    if (sorted == NULL || tn_list_sort(sorted, NULL, 0) < 0) {
        tn_xdecref(sorted);
        return NULL;
    }
    TnObject *sep = tn_str_from_cstr(", ");
    TnObject *joined = sep != NULL ? tn_call_method_cstr(sep, "join", &sorted, 1) : NULL;
    if (joined != NULL)
        tn_err_format(&tn_exc_TypeError, "Can't instantiate abstract class %s with abstract method%s %U",
                      tn_type_name(type), tn_list_size(sorted) > 1 ? "s" : "", joined);
    tn_xdecref(joined);
    tn_xdecref(sep);
    tn_decref(sorted);
    return NULL;
}

TnObject *tn_object_new_impl(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    bool excess = nargs > 0 || (kwnames != NULL && tn_tuple_size(kwnames) > 0);
    if (excess && (type->new_ != tn_object_new_impl || is_object_slot(type, "__init__"))) {
        if (type == &tn_type_object)
            return tn_err_format(&tn_exc_TypeError, "object() takes no arguments");
        return tn_err_format(&tn_exc_TypeError, "%s() takes no arguments", tn_type_name(type));
    }
    if (type->flags & TN_TPFLAGS_HEAPTYPE && type->basicsize < (tn_ssize_t)sizeof(TnObject))
        return tn_err_format(&tn_exc_SystemError, "bad instance size for %s", tn_type_name(type));
    if ((type->flags & TN_TPFLAGS_HEAPTYPE) && ((TnHeapType *)type)->abstract)
        return abstract_instance_error(type);
    return tn_object_new(type, (size_t)type->basicsize);
}

TnObject *tn_object_init_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    bool excess = nargs > 0 || (kwnames != NULL && tn_tuple_size(kwnames) > 0);
    TnType *tp = tn_type(self);
    if (excess && (!is_object_slot(tp, "__init__") || tp->new_ == tn_object_new_impl)) {
        if (!is_object_slot(tp, "__init__"))
            return tn_err_format(&tn_exc_TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
        return tn_err_format(&tn_exc_TypeError, "%s.__init__() takes exactly one argument (the instance to initialize)",
                             tn_type_name(tp));
    }
    return tn_newref(TN_NONE);
}

TnObject *tn_object_init_subclass_meth(TnObject *cls, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (nargs > 0 || (kwnames != NULL && tn_tuple_size(kwnames) > 0))
        return tn_err_format(&tn_exc_TypeError, "%s.__init_subclass__() takes no keyword arguments",
                             ((TnType *)cls)->name);
    return tn_newref(TN_NONE);
}

/* Calling a class: __new__ through the new_ slot, then __init__ if the
 * result is an instance of the class. */
TnObject *tn_type_call(TnObject *callable, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnType *tp = (TnType *)callable;
    if (tp == &tn_type_type && nargs == 1 && (kwnames == NULL || tn_tuple_size(kwnames) == 0))
        return tn_newref(TN_OBJ(tn_type(args[0])));
    if (tp->new_ == NULL)
        return tn_err_format(&tn_exc_TypeError, "cannot create '%s' instances", tn_type_name(tp));
    TnObject *obj = tp->new_(tp, args, nargs, kwnames);
    if (obj == NULL || !tn_object_type_check(obj, tp))
        return obj;
    /* Builtin types initialise in their constructor; only Python-level
     * __init__ methods (or a builtin one a class explicitly inherits) run here. */
    TnObject *init = tn_type_lookup(tn_type(obj), tn_str_intern_cstr("__init__"));
    if (init == NULL || !(tn_type(obj)->flags & TN_TPFLAGS_HEAPTYPE)
        || init == tn_dict_get_cstr_borrowed(tn_type_object.dict, "__init__"))
        return obj;
    tn_ssize_t nkw = kwnames != NULL ? tn_tuple_size(kwnames) : 0;
    TnObject **buf = tn_mem_alloc(sizeof(TnObject *) * (size_t)(nargs + nkw + 1));
    if (buf == NULL) {
        tn_decref(obj);
        return tn_err_no_memory();
    }
    buf[0] = obj;
    for (tn_ssize_t i = 0; i < nargs + nkw; i++)
        buf[i + 1] = args[i];
    tn_incref(init);
    TnObject *r = tn_call(init, buf, nargs + 1, kwnames);
    tn_decref(init);
    tn_mem_free(buf);
    if (r == NULL) {
        tn_decref(obj);
        return NULL;
    }
    if (r != TN_NONE) {
        tn_err_format(&tn_exc_TypeError, "__init__() should return None, not '%T'", r);
        tn_decref(r);
        tn_decref(obj);
        return NULL;
    }
    tn_decref(r);
    return obj;
}

/* ---- super ------------------------------------------------------------------------------ */

typedef struct TnSuper {
    TnObject ob;
    TnType *type;        /* the class super() was called in */
    TnObject *obj;       /* the instance or class, or NULL (unbound) */
    TnType *obj_type;    /* the type whose MRO is searched */
} TnSuper;

static TnType *super_check(TnType *type, TnObject *obj)
{
    if (tn_object_type_check(obj, &tn_type_type) && tn_type_is_subtype((TnType *)obj, type))
        return (TnType *)obj;
    if (tn_type_is_subtype(tn_type(obj), type))
        return tn_type(obj);
    tn_err_set_str(&tn_exc_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    return NULL;
}

/* super() without arguments: the __class__ cell and the first argument of
 * the calling Python frame. */
static int super_from_frame(TnType **type, TnObject **obj)
{
    TnFrame *f = tn_tstate()->frame;
    if (f == NULL) {
        tn_err_set_str(&tn_exc_RuntimeError, "super(): no current frame");
        return -1;
    }
    TnCode *co = f->code;
    if (co->argcount == 0) {
        tn_err_set_str(&tn_exc_RuntimeError, "super(): no arguments");
        return -1;
    }
    TnObject *first = f->localsplus[0];
    if (first != NULL && (co->localspluskinds[0] & TN_LOCAL_KIND_CELL) && tn_type(first) == &tn_type_cell)
        first = ((TnCell *)first)->ref;
    if (first == NULL) {
        tn_err_set_str(&tn_exc_RuntimeError, "super(): arg[0] deleted");
        return -1;
    }
    for (int i = 0; i < co->nlocalsplus; i++) {
        if (!(co->localspluskinds[i] & TN_LOCAL_KIND_FREE)
            || !tn_str_eq_cstr(tn_tuple_get(co->localsplusnames, i), "__class__"))
            continue;
        TnObject *cell = f->localsplus[i];
        TnObject *cls = cell != NULL ? ((TnCell *)cell)->ref : NULL;
        if (cls == NULL) {
            tn_err_set_str(&tn_exc_RuntimeError, "super(): empty __class__ cell");
            return -1;
        }
        if (!tn_object_type_check(cls, &tn_type_type)) {
            tn_err_set_str(&tn_exc_RuntimeError, "super(): __class__ is not a type");
            return -1;
        }
        *type = (TnType *)cls;
        *obj = first;
        return 0;
    }
    tn_err_set_str(&tn_exc_RuntimeError, "super(): __class__ cell not found");
    return -1;
}

static TnObject *super_new(TnType *subtype, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("super", kwnames) < 0 || tn_args_count("super", nargs, 0, 2) < 0)
        return NULL;
    TnType *type;
    TnObject *obj = NULL;
    if (nargs == 0) {
        if (super_from_frame(&type, &obj) < 0)
            return NULL;
    } else {
        if (!tn_object_type_check(args[0], &tn_type_type))
            return tn_err_format(&tn_exc_TypeError, "super() argument 1 must be a type, not %T", args[0]);
        type = (TnType *)args[0];
        obj = nargs > 1 && args[1] != TN_NONE ? args[1] : NULL;
    }
    TnType *obj_type = NULL;
    if (obj != NULL && (obj_type = super_check(type, obj)) == NULL)
        return NULL;
    TnSuper *s = (TnSuper *)tn_object_new(subtype, sizeof(TnSuper));
    if (s == NULL)
        return NULL;
    s->type = (TnType *)tn_newref(TN_OBJ(type));
    s->obj = tn_xnewref(obj);
    s->obj_type = obj_type != NULL ? (TnType *)tn_newref(TN_OBJ(obj_type)) : NULL;
    return TN_OBJ(s);
}

static void super_dealloc(TnObject *self)
{
    TnSuper *s = (TnSuper *)self;
    tn_decref(TN_OBJ(s->type));
    tn_xdecref(s->obj);
    tn_xdecref(TN_OBJ(s->obj_type));
    tn_object_free(self);
}

static int super_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TnSuper *s = (TnSuper *)self;
    TN_VISIT(s->obj);
    TN_VISIT(TN_OBJ(s->type));
    TN_VISIT(TN_OBJ(s->obj_type));
    return 0;
}

/* A cleared super is unbound (obj and obj_type NULL, as super(C)): its
 * lookups find only super's own attributes.  type stays for the repr. */
static int super_clear(TnObject *self)
{
    TnSuper *s = (TnSuper *)self;
    TnObject *obj = s->obj, *obj_type = TN_OBJ(s->obj_type);
    s->obj = NULL;
    s->obj_type = NULL;
    tn_xdecref(obj);
    tn_xdecref(obj_type);
    return 0;
}

static TnObject *super_getattro(TnObject *self, TnObject *name)
{
    TnSuper *s = (TnSuper *)self;
    /* No MRO yet while a metaclass mro() runs: only super's own attributes. */
    TnObject *mro = s->obj_type != NULL ? s->obj_type->mro : NULL;
    if (mro != NULL && !tn_str_eq_cstr(name, "__class__")) {
        tn_ssize_t n = tn_tuple_size(mro), i = 0;
        while (i < n && tn_tuple_get(mro, i) != TN_OBJ(s->type))
            i++;
        for (i++; i < n; i++) {
            TnType *t = (TnType *)tn_tuple_get(mro, i);
            TnObject *v = t->dict != NULL ? tn_dict_get_str_borrowed(t->dict, name) : NULL;
            if (v == NULL)
                continue;
            tn_descrgetfunc get = tn_type(v)->descr_get;
            if (get == NULL)
                return tn_newref(v);
            TnObject *inst = s->obj == TN_OBJ(s->obj_type) ? NULL : s->obj;
            return get(v, inst, TN_OBJ(s->obj_type));
        }
    }
    return tn_object_generic_getattr(self, name);
}

static TnObject *super_repr(TnObject *self)
{
    TnSuper *s = (TnSuper *)self;
    if (s->obj_type != NULL)
        return tn_str_from_format("<super: <class '%s'>, <%s object>>", s->type->name, s->obj_type->name);
    return tn_str_from_format("<super: <class '%s'>, NULL>", s->type->name);
}

static TnObject *none_if_null(TnObject *o) { return tn_newref(o != NULL ? o : TN_NONE); }
static TnObject *super_get_thisclass(TnObject *self, void *c) { return none_if_null(TN_OBJ(((TnSuper *)self)->type)); }
static TnObject *super_get_self(TnObject *self, void *c) { return none_if_null(((TnSuper *)self)->obj); }
static TnObject *super_get_self_class(TnObject *self, void *c)
{
    return none_if_null(TN_OBJ(((TnSuper *)self)->obj_type));
}

static const TnGetSetDef super_getsets[] = {
    {"__thisclass__", super_get_thisclass, NULL, "the class invoking super()", NULL},
    {"__self__", super_get_self, NULL, "the instance invoking super(); may be None", NULL},
    {"__self_class__", super_get_self_class, NULL, "the type of the instance invoking super(); may be None", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TnType tn_type_super = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "super",
    .basicsize = sizeof(TnSuper),
    .flags = TN_TPFLAGS_BASETYPE | TN_TPFLAGS_HAVE_GC,
    .dealloc = super_dealloc,
    .repr = super_repr,
    .getattro = super_getattro,
    .getsets = super_getsets,
    .new_ = super_new,
    .traverse = super_traverse,
    .clear = super_clear,
};

/* ---- staticmethod / classmethod ------------------------------------------------------ */

typedef struct TnFuncWrapper {
    TnObject ob;
    TnObject *func;
    TnObject *dict;
} TnFuncWrapper;

/* Since 3.10 staticmethod(f) and classmethod(f) look like f: its
 * __module__, __name__, __qualname__, __doc__ and __annotations__ are
 * copied into the wrapper's __dict__ (missing ones are skipped), as
 * CPython's functools_wraps does.  0 / -1. */
static int copy_wrapped_attrs(TnFuncWrapper *w)
{
    static const char *const names[] = {"__module__", "__name__", "__qualname__", "__doc__", "__annotations__"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        TnObject *key = tn_str_intern_cstr(names[i]), *v;
        int r = tn_object_lookup_attr(w->func, key, &v);
        if (r < 0)
            return -1;
        if (r == 0)
            continue;
        if (w->dict == NULL)
            w->dict = tn_dict_new();
        r = w->dict != NULL ? tn_dict_set_item(w->dict, key, v) : -1;
        tn_decref(v);
        if (r < 0)
            return -1;
    }
    return 0;
}

static TnObject *funcwrapper_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw(tn_type_name(type), kwnames) < 0)
        return NULL;
    if (nargs != 1)
        return tn_err_format(&tn_exc_TypeError, "%s expected 1 argument, got %zd", tn_type_name(type), nargs);
    TnFuncWrapper *w = (TnFuncWrapper *)tn_object_new(type, (size_t)type->basicsize);
    if (w == NULL)
        return NULL;
    w->func = tn_newref(args[0]);
    if (copy_wrapped_attrs(w) < 0) {
        tn_decref(TN_OBJ(w));
        return NULL;
    }
    return TN_OBJ(w);
}

static void funcwrapper_dealloc(TnObject *self)
{
    TnFuncWrapper *w = (TnFuncWrapper *)self;
    TN_CLEAR(w->func);
    TN_CLEAR(w->dict);
    tn_object_free(self);
}

static int funcwrapper_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TnFuncWrapper *w = (TnFuncWrapper *)self;
    TN_VISIT(w->func);
    TN_VISIT(w->dict);
    return 0;
}

/* A cleared wrapper has no callable: binding or calling it raises
 * RuntimeError as CPython's does ("uninitialized staticmethod object").
 * Its __dict__ is read lock-free (tn_object_generic_get_dict): swapped out
 * atomically. */
static int funcwrapper_clear(TnObject *self)
{
    TnFuncWrapper *w = (TnFuncWrapper *)self;
    TN_CLEAR(w->func);
    tn_field_replace_steal(&w->dict, NULL);
    return 0;
}

/* The wrapped callable, borrowed, or NULL with RuntimeError once cleared. */
static TnObject *funcwrapper_func(TnObject *self)
{
    TnObject *func = ((TnFuncWrapper *)self)->func;
    if (func == NULL)
        tn_err_format(&tn_exc_RuntimeError, "uninitialized %s object",
                      tn_object_type_check(self, &tn_type_classmethod) ? "classmethod" : "staticmethod");
    return func;
}

static TnObject *staticmethod_get(TnObject *self, TnObject *obj, TnObject *type)
{
    TnObject *func = funcwrapper_func(self);
    return func != NULL ? tn_newref(func) : NULL;
}

/* A staticmethod may wrap a staticmethod ...: each level counts against
 * the recursion limit, as CPython's generic call of a type without
 * vectorcall does. */
static TnObject *staticmethod_call(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_enter_recursive_call(" while calling a Python object") < 0)
        return NULL;
    TnObject *func = funcwrapper_func(self);
    TnObject *res = func != NULL ? tn_call(func, args, nargs, kwnames) : NULL;
    tn_leave_recursive_call();
    return res;
}

static TnObject *classmethod_get(TnObject *self, TnObject *obj, TnObject *type)
{
    TnObject *func = funcwrapper_func(self);
    if (func == NULL)
        return NULL;
    if (type == NULL)
        type = TN_OBJ(tn_type(obj));
    /* 3.9-3.12 chain descriptors: classmethod(property(f)) binds the
     * wrapped descriptor to the class. */
    tn_descrgetfunc get = tn_type(func)->descr_get;
    if (get != NULL && tn_type(func) != &tn_type_function)
        return get(func, type, type);
    return tn_method_new(func, type);
}

static TnObject *funcwrapper_get_func(TnObject *self, void *c)
{
    TnObject *func = ((TnFuncWrapper *)self)->func;
    return tn_newref(func != NULL ? func : TN_NONE);
}

/* CPython's _PyObject_IsAbstract: o.__isabstractmethod__ is true.  A
 * missing attribute means no.  1 / 0 / -1. */
static int is_abstract(TnObject *o)
{
    if (o == NULL)
        return 0;
    TnObject *v;
    int r = tn_object_lookup_attr(o, tn_str_intern_cstr("__isabstractmethod__"), &v);
    if (r <= 0)
        return r;
    r = tn_object_is_true(v);
    tn_decref(v);
    return r;
}

static TnObject *bool_result(int r) { return r < 0 ? NULL : tn_bool_from(r); }

static TnObject *funcwrapper_get_abstract(TnObject *self, void *c)
{
    return bool_result(is_abstract(((TnFuncWrapper *)self)->func));
}

static const TnGetSetDef funcwrapper_getsets[] = {
    {"__func__", funcwrapper_get_func, NULL, NULL, NULL},
    {"__wrapped__", funcwrapper_get_func, NULL, NULL, NULL},
    {"__isabstractmethod__", funcwrapper_get_abstract, NULL, NULL, NULL},
    {"__dict__", tn_object_generic_get_dict, tn_object_generic_set_dict, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static TnObject *staticmethod_repr(TnObject *self)
{
    TnObject *func = ((TnFuncWrapper *)self)->func;
    return func != NULL ? tn_str_from_format("<staticmethod(%R)>", func) : tn_str_from_cstr("<staticmethod(<NULL>)>");
}

static TnObject *classmethod_repr(TnObject *self)
{
    TnObject *func = ((TnFuncWrapper *)self)->func;
    return func != NULL ? tn_str_from_format("<classmethod(%R)>", func) : tn_str_from_cstr("<classmethod(<NULL>)>");
}

TnType tn_type_staticmethod = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "staticmethod",
    .basicsize = sizeof(TnFuncWrapper),
    .flags = TN_TPFLAGS_BASETYPE | TN_TPFLAGS_HAVE_GC,
    .dealloc = funcwrapper_dealloc,
    .repr = staticmethod_repr,
    .call = staticmethod_call,
    .descr_get = staticmethod_get,
    .getsets = funcwrapper_getsets,
    .dictoffset = offsetof(TnFuncWrapper, dict),
    .new_ = funcwrapper_new,
    .traverse = funcwrapper_traverse,
    .clear = funcwrapper_clear,
};

TnType tn_type_classmethod = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "classmethod",
    .basicsize = sizeof(TnFuncWrapper),
    .flags = TN_TPFLAGS_BASETYPE | TN_TPFLAGS_HAVE_GC,
    .dealloc = funcwrapper_dealloc,
    .repr = classmethod_repr,
    .descr_get = classmethod_get,
    .getsets = funcwrapper_getsets,
    .dictoffset = offsetof(TnFuncWrapper, dict),
    .new_ = funcwrapper_new,
    .traverse = funcwrapper_traverse,
    .clear = funcwrapper_clear,
};

/* ---- property ------------------------------------------------------------------------------ */

typedef struct TnProperty {
    TnObject ob;
    TnObject *fget, *fset, *fdel, *doc, *name;
} TnProperty;

static TnObject *none_to_null(TnObject *o) { return o == NULL || o == TN_NONE ? NULL : o; }

static TnObject *property_make(TnType *type, TnObject *fget, TnObject *fset, TnObject *fdel, TnObject *doc,
                               TnObject *name)
{
    TnProperty *p = (TnProperty *)tn_object_new(type, (size_t)type->basicsize);
    if (p == NULL)
        return NULL;
    p->fget = tn_xnewref(none_to_null(fget));
    p->fset = tn_xnewref(none_to_null(fset));
    p->fdel = tn_xnewref(none_to_null(fdel));
    p->doc = tn_xnewref(none_to_null(doc));
    p->name = tn_xnewref(name);
    if (p->doc == NULL && p->fget != NULL) {
        TnObject *d;
        if (tn_object_lookup_attr(p->fget, tn_str_intern_cstr("__doc__"), &d) < 0)
            tn_err_clear();
        else if (d != NULL && d != TN_NONE)
            p->doc = d;
        else
            tn_xdecref(d);
    }
    /* A subclass's own __doc__ (its class docstring, or None) would shadow
     * the property's: CPython keeps the doc in the instance dict then. */
    TnObject **dp = type != &tn_type_property ? tn_object_dict_ptr(TN_OBJ(p)) : NULL;
    if (dp != NULL && ((*dp == NULL && (*dp = tn_dict_new()) == NULL)
                       || tn_dict_set_item_cstr(*dp, "__doc__", p->doc != NULL ? p->doc : TN_NONE) < 0)) {
        tn_decref(TN_OBJ(p));
        return NULL;
    }
    return TN_OBJ(p);
}

static TnObject *property_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"fget", "fset", "fdel", "doc", NULL};
    TnObject *out[4];
    if (tn_args_parse("property", args, nargs, kwnames, names, 0, 0, out) < 0)
        return NULL;
    return property_make(type, out[0], out[1], out[2], out[3], NULL);
}


static int property_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TnProperty *p = (TnProperty *)self;
    TN_VISIT(p->fget);
    TN_VISIT(p->fset);
    TN_VISIT(p->fdel);
    TN_VISIT(p->doc);
    TN_VISIT(p->name);
    return 0;
}

/* Every field may be NULL (no getter: AttributeError, no name: the
 * anonymous message).  Its subclass's __dict__ is subtype_clear's. */
static int property_clear(TnObject *self)
{
    TnProperty *p = (TnProperty *)self;
    TN_CLEAR(p->fget);
    TN_CLEAR(p->fset);
    TN_CLEAR(p->fdel);
    TN_CLEAR(p->doc);
    TN_CLEAR(p->name);
    return 0;
}

static void property_dealloc(TnObject *self)
{
    property_clear(self);
    tn_object_free(self);
}

static void property_error(TnProperty *p, TnObject *obj, const char *what)
{
    if (p->name != NULL)
        tn_err_format(&tn_exc_AttributeError, "property %R of '%T' object has no %s", p->name, obj, what);
    else
        tn_err_format(&tn_exc_AttributeError, "property of '%T' object has no %s", obj, what);
}

static TnObject *property_get(TnObject *self, TnObject *obj, TnObject *type)
{
    TnProperty *p = (TnProperty *)self;
    if (obj == NULL)
        return tn_newref(self);
    if (p->fget == NULL) {
        property_error(p, obj, "getter");
        return NULL;
    }
    return tn_call_one(p->fget, obj);
}

static int property_set(TnObject *self, TnObject *obj, TnObject *value)
{
    TnProperty *p = (TnProperty *)self;
    TnObject *f = value == NULL ? p->fdel : p->fset;
    if (f == NULL) {
        property_error(p, obj, value == NULL ? "deleter" : "setter");
        return -1;
    }
    TnObject *args[2] = {obj, value};
    TnObject *r = tn_call(f, args, value == NULL ? 1 : 2, NULL);
    if (r == NULL)
        return -1;
    tn_decref(r);
    return 0;
}

/* getter/setter/deleter: a copy with one function replaced (None or
 * NULL keeps the old one, as CPython's property_copy). */
static TnObject *property_copy(TnObject *self, TnObject *fget, TnObject *fset, TnObject *fdel)
{
    TnProperty *p = (TnProperty *)self;
    return property_make(tn_type(self), none_to_null(fget) ? fget : p->fget, none_to_null(fset) ? fset : p->fset,
                         none_to_null(fdel) ? fdel : p->fdel, p->doc, p->name);
}

static TnObject *property_getter(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("getter", kwnames) < 0 || tn_args_count("getter", nargs, 1, 1) < 0)
        return NULL;
    return property_copy(self, args[0], NULL, NULL);
}

static TnObject *property_setter(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("setter", kwnames) < 0 || tn_args_count("setter", nargs, 1, 1) < 0)
        return NULL;
    return property_copy(self, NULL, args[0], NULL);
}

static TnObject *property_deleter(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("deleter", kwnames) < 0 || tn_args_count("deleter", nargs, 1, 1) < 0)
        return NULL;
    return property_copy(self, NULL, NULL, args[0]);
}

static TnObject *property_set_name(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("__set_name__", kwnames) < 0 || tn_args_count("__set_name__", nargs, 2, 2) < 0)
        return NULL;
    TN_SETREF(((TnProperty *)self)->name, tn_newref(args[1]));
    return tn_newref(TN_NONE);
}

static const TnMethodDef property_methods[] = {
    {"getter", property_getter, 0, NULL},
    {"setter", property_setter, 0, NULL},
    {"deleter", property_deleter, 0, NULL},
    {"__set_name__", property_set_name, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static TnObject *prop_field(TnObject *v) { return tn_newref(v != NULL ? v : TN_NONE); }
static TnObject *prop_get_fget(TnObject *self, void *c) { return prop_field(((TnProperty *)self)->fget); }
static TnObject *prop_get_fset(TnObject *self, void *c) { return prop_field(((TnProperty *)self)->fset); }
static TnObject *prop_get_fdel(TnObject *self, void *c) { return prop_field(((TnProperty *)self)->fdel); }
static TnObject *prop_get_doc(TnObject *self, void *c) { return prop_field(((TnProperty *)self)->doc); }

/* A property is abstract when any of its functions is. */
static TnObject *prop_get_abstract(TnObject *self, void *c)
{
    TnProperty *p = (TnProperty *)self;
    int r = is_abstract(p->fget);
    if (r == 0)
        r = is_abstract(p->fset);
    if (r == 0)
        r = is_abstract(p->fdel);
    return bool_result(r);
}

static const TnGetSetDef property_getsets[] = {
    {"__isabstractmethod__", prop_get_abstract, NULL, NULL, NULL},
    {"fget", prop_get_fget, NULL, NULL, NULL},
    {"fset", prop_get_fset, NULL, NULL, NULL},
    {"fdel", prop_get_fdel, NULL, NULL, NULL},
    {"__doc__", prop_get_doc, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TnType tn_type_property = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "property",
    .basicsize = sizeof(TnProperty),
    .flags = TN_TPFLAGS_BASETYPE | TN_TPFLAGS_HAVE_GC,
    .dealloc = property_dealloc,
    .descr_get = property_get,
    .descr_set = property_set,
    .methods = property_methods,
    .getsets = property_getsets,
    .new_ = property_new,
    .traverse = property_traverse,
    .clear = property_clear,
};
