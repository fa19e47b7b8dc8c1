/* core/objects/dictviews.c — dict_keys / dict_values / dict_items views and
 * the six dict iterator types (forward and reversed, over keys, values or
 * items).
 *
 * Iterators follow CPython: they remember the dict's size when created and
 * raise RuntimeError "dictionary changed size during iteration" (sticky) if
 * it differs at a later step, and "dictionary keys changed during
 * iteration" when the size is the same but more entries turn up than were
 * there.  Each step reads the dict inside its critical section.
 *
 * Views are live: len, iteration and `in` go to the dict.  dict_keys and
 * dict_items compare with other keys/items views as sets (== and the subset
 * orders), and with sets; the set operators (&, |, -, ^) and isdisjoint()
 * take any iterable and return a set, as CPython's.
 */
#include <stdio.h>
#include "core/tn.h"
#include "core/objects/repr_guard.h"

enum { KIND_KEYS, KIND_VALUES, KIND_ITEMS };

typedef struct DictView {
    TnObject ob;
    TnObject *dict;
} DictView;

typedef struct DictIter {
    TnObject ob;
    TnObject *dict;         /* NULL once exhausted */
    tn_ssize_t used;        /* the dict's size at creation; -1 after a size error */
    tn_ssize_t pos;         /* next entry index to look at */
    tn_ssize_t len;         /* items still expected */
    int kind;
    bool reverse;
    bool done;              /* exhausted for good (under the dict's lock) */
} DictIter;

/* ---- snapshots --------------------------------------------------------------- */

TnObject *tn_dictview_items_list(TnObject *view)
{
    TnObject *d = ((DictView *)view)->dict;
    const TnType *tp = tn_type(view);
    if (tp == &tn_type_dict_keys)
        return tn_dict_keys_list(d);
    if (tp == &tn_type_dict_values)
        return tn_dict_values_list(d);
    return tn_dict_items_list(d);
}

/* ---- iterators -------------------------------------------------------------- */

static int iter_kind(const TnType *tp)
{
    if (tp == &tn_type_dict_keyiterator || tp == &tn_type_dict_reversekeyiterator)
        return KIND_KEYS;
    if (tp == &tn_type_dict_valueiterator || tp == &tn_type_dict_reversevalueiterator)
        return KIND_VALUES;
    return KIND_ITEMS;
}

/* Record the dict's state at the start of the iteration.  Lock held. */
static void iter_start_lock_held(DictIter *di)
{
    tn_critical_section_assert_held(di->dict);
    TnDict *d = (TnDict *)di->dict;
    di->used = d->used;
    di->len = d->used;
    di->pos = di->reverse ? tn_dict_nentries_lock_held(di->dict) - 1 : 0;
}

TnObject *tn_dictiter_new(TnObject *d, TnType *tp)
{
    DictIter *di = (DictIter *)tn_object_new(tp, sizeof(DictIter));
    if (di == NULL)
        return NULL;
    di->kind = iter_kind(tp);
    di->reverse = tp == &tn_type_dict_reversekeyiterator || tp == &tn_type_dict_reversevalueiterator
               || tp == &tn_type_dict_reverseitemiterator;
    di->dict = tn_newref(d);
    TN_BEGIN_CRITICAL_SECTION(d);
    iter_start_lock_held(di);
    TN_END_CRITICAL_SECTION();
    return TN_OBJ(di);
}

/* The item an entry yields: key, value or a (key, value) tuple. */
static TnObject *entry_result(int kind, const TnDictEntry *ep)
{
    if (kind == KIND_KEYS)
        return tn_newref(ep->key);
    if (kind == KIND_VALUES)
        return tn_newref(ep->value);
    return tn_tuple_pack(2, ep->key, ep->value);
}

/* The index of the next live entry in the iteration direction, or -1. */
static tn_ssize_t next_live_lock_held(DictIter *di)
{
    tn_critical_section_assert_held(di->dict);
    tn_ssize_t n = tn_dict_nentries_lock_held(di->dict), i = di->pos;
    if (di->reverse) {
        if (i >= n)
            i = n - 1;
        while (i >= 0 && tn_dict_entry_lock_held(di->dict, i)->value == NULL)
            i--;
        return i;
    }
    while (i < n && tn_dict_entry_lock_held(di->dict, i)->value == NULL)
        i++;
    return i < n ? i : -1;
}

/* One step: new ref, or NULL with *exhausted set (no exception) or with an
 * exception (RuntimeError; *exhausted set too when the iteration must end
 * for good).  Lock held. */
static TnObject *iter_next_lock_held(DictIter *di, bool *exhausted)
{
    tn_critical_section_assert_held(di->dict);
    if (di->done) {
        *exhausted = true;
        return NULL;
    }
    if (di->used != ((TnDict *)di->dict)->used) {
        tn_err_set_str(&tn_exc_RuntimeError, "dictionary changed size during iteration");
        di->used = -1;      /* make the error sticky */
        return NULL;
    }
    tn_ssize_t i = next_live_lock_held(di);
    if (i < 0) {
        *exhausted = true;
        return NULL;
    }
    if (di->len == 0) {
        tn_err_set_str(&tn_exc_RuntimeError, "dictionary keys changed during iteration");
        *exhausted = true;
        return NULL;
    }
    di->pos = di->reverse ? i - 1 : i + 1;
    di->len--;
    return entry_result(di->kind, tn_dict_entry_lock_held(di->dict, i));
}

static TnObject *dictiter_next(TnObject *self)
{
    DictIter *di = (DictIter *)self;
    if (di->dict == NULL)
        return NULL;
    bool exhausted = false;
    TnObject *res;
    TN_BEGIN_CRITICAL_SECTION(di->dict);
    res = iter_next_lock_held(di, &exhausted);
    if (exhausted)
        di->done = true;
    TN_END_CRITICAL_SECTION();
    /* An iterator shared by threads: another one may be inside the dict's
     * section right now, so the ft flavour keeps the dict until the
     * iterator dies (`done` ends the iteration); the gil flavour drops it
     * at once, as CPython does. */
    if (exhausted && !TN_FREE_THREADED)
        TN_CLEAR(di->dict);
    return res;
}

static void dictiter_dealloc(TnObject *self)
{
    TN_CLEAR(((DictIter *)self)->dict);
    tn_object_free(self);
}

static int dictiter_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TnObject *d = ((DictIter *)self)->dict;
    return d != NULL ? visit(d, arg) : 0;
}

static TnObject *iter_self(TnObject *self)
{
    return tn_newref(self);
}

static TnObject *dictiter_length_hint(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                      TnObject *kwnames)
{
    if (tn_args_no_kw("__length_hint__", kwnames) < 0 || tn_args_count("__length_hint__", nargs, 0, 0) < 0)
        return NULL;
    DictIter *di = (DictIter *)self;
    tn_ssize_t n = 0;
    if (di->dict != NULL && di->used == tn_dict_size(di->dict))
        n = di->len;
    return tn_int_from_ssize(n);
}

static const TnMethodDef dictiter_methods[] = {
    {"__length_hint__", dictiter_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

#define DICT_ITER_TYPE(cname, pyname)                       \
    TnType cname = {                                        \
        .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),         \
        .name = pyname,                                     \
        .basicsize = sizeof(DictIter),                      \
        .flags = TN_TPFLAGS_HAVE_GC,                        \
        .dealloc = dictiter_dealloc,                        \
        .iter = iter_self,                                  \
        .iternext = dictiter_next,                          \
        .new_ = tn_type_new_not_allowed,                    \
        .methods = dictiter_methods,                        \
        .traverse = dictiter_traverse,                      \
    }

DICT_ITER_TYPE(tn_type_dict_keyiterator, "dict_keyiterator");
DICT_ITER_TYPE(tn_type_dict_valueiterator, "dict_valueiterator");
DICT_ITER_TYPE(tn_type_dict_itemiterator, "dict_itemiterator");
DICT_ITER_TYPE(tn_type_dict_reversekeyiterator, "dict_reversekeyiterator");
DICT_ITER_TYPE(tn_type_dict_reversevalueiterator, "dict_reversevalueiterator");
DICT_ITER_TYPE(tn_type_dict_reverseitemiterator, "dict_reverseitemiterator");

/* ---- views ------------------------------------------------------------------- */

TnObject *tn_dictview_new(TnObject *d, TnType *tp)
{
    DictView *dv = (DictView *)tn_object_new(tp, sizeof(DictView));
    if (dv == NULL)
        return NULL;
    dv->dict = tn_newref(d);
    return TN_OBJ(dv);
}

static inline TnObject *view_dict(TnObject *self) { return ((DictView *)self)->dict; }

static void dictview_dealloc(TnObject *self)
{
    TN_CLEAR(((DictView *)self)->dict);
    tn_object_free(self);
}

static int dictview_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    return visit(view_dict(self), arg);
}

static tn_ssize_t dictview_len(TnObject *self)
{
    return tn_dict_size(view_dict(self));
}

/* "dict_keys(['a'])": the type name around the list of the view's items. */
static TnObject *dictview_repr(TnObject *self)
{
    int r = tn_repr_enter(self);
    if (r != 0)
        return r > 0 ? tn_str_from_cstr("...") : NULL;
    TnObject *seq = tn_list_from_iterable(self);
    TnObject *res = seq != NULL ? tn_str_from_format("%s(%R)", tn_type_name(tn_type(self)), seq) : NULL;
    tn_xdecref(seq);
    tn_repr_leave(self);
    return res;
}

static TnObject *dictkeys_iter(TnObject *self)
{
    return tn_dictiter_new(view_dict(self), &tn_type_dict_keyiterator);
}

static TnObject *dictvalues_iter(TnObject *self)
{
    return tn_dictiter_new(view_dict(self), &tn_type_dict_valueiterator);
}

static TnObject *dictitems_iter(TnObject *self)
{
    return tn_dictiter_new(view_dict(self), &tn_type_dict_itemiterator);
}

static int dictkeys_contains(TnObject *self, TnObject *key)
{
    return tn_dict_contains(view_dict(self), key);
}

/* (k, v) in d.items(): k in d and d[k] == v. */
static int dictitems_contains(TnObject *self, TnObject *obj)
{
    if (!tn_tuple_check(obj) || tn_tuple_size(obj) != 2)
        return 0;
    TnObject *found;
    int r = tn_dict_get_item_ref(view_dict(self), tn_tuple_get(obj, 0), &found);
    if (r <= 0)
        return r;
    r = tn_object_richcompare_bool(found, tn_tuple_get(obj, 1), TN_EQ);
    tn_decref(found);
    return r;
}

static bool is_set_view(const TnObject *o)
{
    return tn_type(o) == &tn_type_dict_keys || tn_type(o) == &tn_type_dict_items;
}

/* Every item of self is in other: 1 / 0 / -1. */
static int all_contained_in(TnObject *self, TnObject *other)
{
    TnObject *it = tn_object_get_iter(self);
    if (it == NULL)
        return -1;
    int ok = 1;
    TnObject *item;
    while (ok == 1 && (item = tn_iter_next(it)) != NULL) {
        ok = tn_sequence_contains(other, item);
        tn_decref(item);
    }
    tn_decref(it);
    if (ok == 1 && tn_err_occurred())
        ok = -1;
    return ok;
}

/* Set comparison between keys/items views. */
static TnObject *dictview_richcompare(TnObject *self, TnObject *other, int op)
{
    if (!is_set_view(self) || (!is_set_view(other) && !tn_anyset_check(other)))
        return tn_newref(TN_NOTIMPLEMENTED);
    tn_ssize_t la = tn_object_length(self), lb = tn_object_length(other);
    if (la < 0 || lb < 0)
        return NULL;
    int ok = 0;
    switch (op) {
    case TN_EQ:
    case TN_NE:
        ok = la == lb ? all_contained_in(self, other) : 0;
        if (ok >= 0 && op == TN_NE)
            ok = !ok;
        break;
    case TN_LT:
        ok = la < lb ? all_contained_in(self, other) : 0;
        break;
    case TN_LE:
        ok = la <= lb ? all_contained_in(self, other) : 0;
        break;
    case TN_GT:
        ok = la > lb ? all_contained_in(other, self) : 0;
        break;
    default:
        ok = la >= lb ? all_contained_in(other, self) : 0;
        break;
    }
    if (ok < 0)
        return NULL;
    return tn_bool_from(ok);
}

/* ---- set operations (keys and items views) ---------------------------------------- */

/* A new set of the items of o; a keys view of an exact dict reads the dict
 * directly (CPython's dictviews_to_set). */
static TnObject *dictviews_to_set(TnObject *o)
{
    if (tn_type(o) == &tn_type_dict_keys && tn_dict_check_exact(view_dict(o)))
        o = view_dict(o);
    return tn_set_new(o);
}

/* result.<meth>(other), returning result; NULL on error. */
static TnObject *set_apply(TnObject *result, const char *meth, TnObject *other)
{
    if (result == NULL)
        return NULL;
    TnObject *tmp = tn_call_method_cstr(result, meth, &other, 1);
    if (tmp == NULL) {
        tn_decref(result);
        return NULL;
    }
    tn_decref(tmp);
    return result;
}

static TnObject *dictviews_sub(TnObject *self, TnObject *other)
{
    return set_apply(dictviews_to_set(self), "difference_update", other);
}

static TnObject *dictviews_or(TnObject *self, TnObject *other)
{
    TnObject *result = dictviews_to_set(self);
    if (result != NULL && tn_set_update(result, other) < 0)
        TN_CLEAR(result);
    return result;
}

static TnObject *dictviews_xor(TnObject *self, TnObject *other)
{
    return set_apply(dictviews_to_set(self), "symmetric_difference_update", other);
}

/* `in` for a keys or items view. */
static int view_contains(TnObject *view, TnObject *key)
{
    return tn_type(view) == &tn_type_dict_keys ? dictkeys_contains(view, key) : dictitems_contains(view, key);
}

/* self & other (CPython's _PyDictView_Intersect); either operand may be
 * the view. */
static TnObject *dictviews_and(TnObject *self, TnObject *other)
{
    if (!is_set_view(self)) {
        TnObject *tmp = other;
        other = self;
        self = tmp;
    }
    tn_ssize_t len_self = dictview_len(self);
    if (tn_type_check_exact(other, &tn_type_set)) {
        tn_ssize_t len_other = tn_set_size(other);
        if (len_self <= len_other)
            return tn_call_method_cstr(other, "intersection", &self, 1);
    }
    if (is_set_view(other) && dictview_len(other) > len_self) {
        TnObject *tmp = other;
        other = self;
        self = tmp;
    }
    TnObject *result = tn_set_new(NULL);
    if (result == NULL)
        return NULL;
    TnObject *it = tn_object_get_iter(other), *key;
    if (it == NULL)
        goto error;
    int r = 0;
    while (r == 0 && (key = tn_iter_next(it)) != NULL) {
        r = view_contains(self, key);
        if (r > 0)
            r = tn_set_add(result, key);
        tn_decref(key);
    }
    tn_decref(it);
    if (r < 0 || tn_err_occurred())
        goto error;
    return result;
error:
    tn_decref(result);
    return NULL;
}

static TnObject *dictviews_isdisjoint(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                      TnObject *kwnames)
{
    char fname[48];
    snprintf(fname, sizeof fname, "%s.isdisjoint", tn_type_name(tn_type(self)));
    if (tn_args_no_kw(fname, kwnames) < 0 || tn_args_count(fname, nargs, 1, 1) < 0)
        return NULL;
    TnObject *other = args[0];
    if (self == other)
        return tn_bool_from(dictview_len(self) == 0);
    if (tn_anyset_check(other) || is_set_view(other)) {
        tn_ssize_t len_self = dictview_len(self), len_other = tn_object_length(other);
        if (len_other < 0)
            return NULL;
        if (len_other > len_self) {
            TnObject *tmp = other;
            other = self;
            self = tmp;
        }
    }
    TnObject *it = tn_object_get_iter(other), *item;
    if (it == NULL)
        return NULL;
    int found = 0;
    while (found == 0 && (item = tn_iter_next(it)) != NULL) {
        found = tn_sequence_contains(self, item);
        tn_decref(item);
    }
    tn_decref(it);
    if (found < 0 || (found == 0 && tn_err_occurred()))
        return NULL;
    return tn_bool_from(!found);
}

static const TnNumberMethods dictviews_as_number = {
    .subtract = dictviews_sub,
    .and_ = dictviews_and,
    .xor_ = dictviews_xor,
    .or_ = dictviews_or,
};

static TnObject *view_reversed(TnObject *self, tn_ssize_t nargs, TnObject *kwnames, TnType *tp)
{
    if (tn_args_no_kw("__reversed__", kwnames) < 0 || tn_args_count("__reversed__", nargs, 0, 0) < 0)
        return NULL;
    return tn_dictiter_new(view_dict(self), tp);
}

static TnObject *dictkeys_reversed(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return view_reversed(self, nargs, kwnames, &tn_type_dict_reversekeyiterator);
}

static TnObject *dictvalues_reversed(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                     TnObject *kwnames)
{
    return view_reversed(self, nargs, kwnames, &tn_type_dict_reversevalueiterator);
}

static TnObject *dictitems_reversed(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                    TnObject *kwnames)
{
    return view_reversed(self, nargs, kwnames, &tn_type_dict_reverseitemiterator);
}

static const TnMethodDef dictkeys_methods[] = {
    {"isdisjoint", dictviews_isdisjoint, 0, "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", dictkeys_reversed, 0, "Return a reverse iterator over the dict keys."},
    {NULL, NULL, 0, NULL},
};

static const TnMethodDef dictvalues_methods[] = {
    {"__reversed__", dictvalues_reversed, 0, "Return a reverse iterator over the dict values."},
    {NULL, NULL, 0, NULL},
};

static const TnMethodDef dictitems_methods[] = {
    {"isdisjoint", dictviews_isdisjoint, 0, "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", dictitems_reversed, 0, "Return a reverse iterator over the dict items."},
    {NULL, NULL, 0, NULL},
};

static const TnSequenceMethods dictkeys_as_sequence = {
    .length = dictview_len,
    .contains = dictkeys_contains,
};

static const TnSequenceMethods dictvalues_as_sequence = {
    .length = dictview_len,
};

static const TnSequenceMethods dictitems_as_sequence = {
    .length = dictview_len,
    .contains = dictitems_contains,
};

TnType tn_type_dict_keys = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "dict_keys",
    .basicsize = sizeof(DictView),
    .flags = TN_TPFLAGS_HAVE_GC,
    .dealloc = dictview_dealloc,
    .repr = dictview_repr,
    .hash = tn_hash_not_implemented,
    .richcompare = dictview_richcompare,
    .iter = dictkeys_iter,
    .new_ = tn_type_new_not_allowed,
    .as_number = &dictviews_as_number,
    .as_sequence = &dictkeys_as_sequence,
    .methods = dictkeys_methods,
    .traverse = dictview_traverse,
};

TnType tn_type_dict_values = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "dict_values",
    .basicsize = sizeof(DictView),
    .flags = TN_TPFLAGS_HAVE_GC,
    .dealloc = dictview_dealloc,
    .repr = dictview_repr,
    .iter = dictvalues_iter,
    .new_ = tn_type_new_not_allowed,
    .as_sequence = &dictvalues_as_sequence,
    .methods = dictvalues_methods,
    .traverse = dictview_traverse,
};

TnType tn_type_dict_items = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "dict_items",
    .basicsize = sizeof(DictView),
    .flags = TN_TPFLAGS_HAVE_GC,
    .dealloc = dictview_dealloc,
    .repr = dictview_repr,
    .hash = tn_hash_not_implemented,
    .richcompare = dictview_richcompare,
    .iter = dictitems_iter,
    .new_ = tn_type_new_not_allowed,
    .as_number = &dictviews_as_number,
    .as_sequence = &dictitems_as_sequence,
    .methods = dictitems_methods,
    .traverse = dictview_traverse,
};
