/* core/objects/object_reduce.c — object.__reduce_ex__ and object.__reduce__:
 * the default pickling protocol that copy, pickle and copyreg build on, as
 * CPython 3.11's typeobject.c defines it.
 *
 *   __reduce_ex__(protocol): a class that overrides __reduce__ gets its own
 *     __reduce__(); otherwise the common reduction below.
 *   protocol < 2: copyreg._reduce_ex(obj, protocol).
 *   protocol >= 2: (copyreg.__newobj__, (cls, *args), state, listitems,
 *     dictitems), or copyreg.__newobj_ex__ with (cls, args, kwargs) when
 *     __getnewargs_ex__ gives keyword arguments; args from __getnewargs_ex__
 *     or __getnewargs__ (else ()); state from obj.__getstate__(); the items of
 *     list and dict subclasses as iterators.
 * copyreg comes from the standard library, imported through builtins'
 * __import__ (objects do not include the importer).
 */
#include "core/tn.h"
#include "core/objects/object_reduce.h"

static TnObject *import_copyreg(void)
{
    TnObject *imp = tn_dict_get_cstr_ref(tn_interp()->builtins, "__import__");
    if (imp == NULL)
        return tn_err_format(&tn_exc_ImportError, "__import__ not found");
    TnObject *name = tn_str_from_cstr("copyreg");
    TnObject *m = name != NULL ? tn_call(imp, &name, 1, NULL) : NULL;
    tn_xdecref(name);
    tn_decref(imp);
    return m;
}

/* (args, kwargs) for __newobj__; kwargs may be NULL.  0 / -1. */
static int newargs_of(TnObject *obj, TnObject **args, TnObject **kwargs)
{
    *args = *kwargs = NULL;
    TnObject *f = tn_object_getattr_cstr(obj, "__getnewargs_ex__");
    if (f != NULL) {
        TnObject *r = tn_call(f, NULL, 0, NULL);
        tn_decref(f);
        if (r == NULL)
            return -1;
        if (!tn_tuple_check(r) || tn_tuple_size(r) != 2) {
            tn_err_format(&tn_exc_TypeError, "__getnewargs_ex__ should return a tuple of length 2, not '%T'", r);
            tn_decref(r);
            return -1;
        }
        *args = tn_newref(tn_tuple_get(r, 0));
        *kwargs = tn_newref(tn_tuple_get(r, 1));
        tn_decref(r);
        if (!tn_tuple_check(*args) || !tn_dict_check(*kwargs)) {
            tn_err_format(&tn_exc_TypeError, "first item of the tuple returned by __getnewargs_ex__ must be a tuple");
            TN_CLEAR(*args);
            TN_CLEAR(*kwargs);
            return -1;
        }
        return 0;
    }
    if (!tn_err_matches(&tn_exc_AttributeError))
        return -1;
    tn_err_clear();
    f = tn_object_getattr_cstr(obj, "__getnewargs__");
    if (f != NULL) {
        *args = tn_call(f, NULL, 0, NULL);
        tn_decref(f);
        if (*args != NULL && !tn_tuple_check(*args)) {
            tn_err_format(&tn_exc_TypeError, "__getnewargs__ should return a tuple, not '%T'", *args);
            TN_CLEAR(*args);
        }
        return *args != NULL ? 0 : -1;
    }
    if (!tn_err_matches(&tn_exc_AttributeError))
        return -1;
    tn_err_clear();
    *args = tn_tuple_new(0);
    return *args != NULL ? 0 : -1;
}

/* object.__getstate__(): the instance dict if it is non-empty (else None),
 * and, when __slots__ hold values, (that, {slot: value}) — CPython 3.11's
 * _PyObject_GetState; the slot names come from copyreg._slotnames. */
TnObject *tn_object_default_getstate(TnObject *self)
{
    TnObject **dp = tn_object_dict_ptr(self);
    TnObject *d = dp != NULL ? *dp : NULL;
    TnObject *state = tn_newref(d != NULL && tn_dict_size(d) > 0 ? d : TN_NONE);
    if (!(tn_type(self)->flags & TN_TPFLAGS_HEAPTYPE))
        return state;
    TnObject *copyreg = import_copyreg();
    TnObject *f = copyreg != NULL ? tn_object_getattr_cstr(copyreg, "_slotnames") : NULL;
    TnObject *cls = TN_OBJ(tn_type(self));
    TnObject *names = f != NULL ? tn_call(f, &cls, 1, NULL) : NULL;
    tn_xdecref(f);
    tn_xdecref(copyreg);
    TnObject *slots = names != NULL ? tn_dict_new() : NULL;
    TnObject *seq = slots != NULL ? tn_list_fast_tuple(names, "__slotnames__ should be a list") : NULL;
    for (tn_ssize_t i = 0; seq != NULL && i < tn_tuple_size(seq); i++) {
        TnObject *name = tn_tuple_get(seq, i);
        TnObject *v = tn_object_getattr(self, name);
        if (v == NULL) {
            if (!tn_err_matches(&tn_exc_AttributeError))
                TN_CLEAR(seq);
            tn_err_clear();
            continue;
        }
        if (tn_dict_set_item(slots, name, v) < 0)
            TN_CLEAR(seq);
        tn_decref(v);
    }
    TnObject *res = NULL;
    if (seq != NULL)
        res = tn_dict_size(slots) > 0 ? tn_tuple_pack(2, state, slots) : tn_newref(state);
    tn_xdecref(seq);
    tn_xdecref(slots);
    tn_xdecref(names);
    tn_decref(state);
    return res;
}

static TnObject *items_iter(TnObject *obj)
{
    if (tn_list_check(obj))
        return tn_object_get_iter(obj);
    if (tn_dict_check(obj)) {
        TnObject *items = tn_call_method_cstr(obj, "items", NULL, 0);
        TnObject *it = items != NULL ? tn_object_get_iter(items) : NULL;
        tn_xdecref(items);
        return it;
    }
    return tn_newref(TN_NONE);
}

static TnObject *reduce_newobj(TnObject *obj)
{
    TnObject *args, *kwargs, *copyreg = NULL, *newobj = NULL, *newargs = NULL, *state = NULL;
    TnObject *listitems = NULL, *dictitems = NULL, *res = NULL;
    if (newargs_of(obj, &args, &kwargs) < 0)
        return NULL;
    copyreg = import_copyreg();
    if (copyreg == NULL)
        goto done;
    TnObject *cls = TN_OBJ(tn_type(obj));
    if (kwargs == NULL || tn_dict_size(kwargs) == 0) {
        newobj = tn_object_getattr_cstr(copyreg, "__newobj__");
        tn_ssize_t n = tn_tuple_size(args);
        newargs = tn_tuple_new(n + 1);
        if (newargs != NULL) {
            tn_tuple_set_steal(newargs, 0, tn_newref(cls));
            for (tn_ssize_t i = 0; i < n; i++)
                tn_tuple_set_steal(newargs, i + 1, tn_newref(tn_tuple_get(args, i)));
        }
    } else {
        newobj = tn_object_getattr_cstr(copyreg, "__newobj_ex__");
        newargs = tn_tuple_pack(3, cls, args, kwargs);
    }
    if (newobj == NULL || newargs == NULL)
        goto done;
    state = tn_call_method_cstr(obj, "__getstate__", NULL, 0);
    if (state == NULL || (listitems = items_iter(obj)) == NULL)
        goto done;
    dictitems = tn_dict_check(obj) ? listitems : NULL;
    if (dictitems != NULL)
        listitems = tn_newref(TN_NONE);
    else
        dictitems = tn_newref(TN_NONE);
    res = tn_tuple_pack(5, newobj, newargs, state, listitems, dictitems);
done:
    tn_xdecref(args);
    tn_xdecref(kwargs);
    tn_xdecref(copyreg);
    tn_xdecref(newobj);
    tn_xdecref(newargs);
    tn_xdecref(state);
    tn_xdecref(listitems);
    tn_xdecref(dictitems);
    return res;
}

static TnObject *common_reduce(TnObject *self, int protocol)
{
    if (protocol >= 2)
        return reduce_newobj(self);
    TnObject *copyreg = import_copyreg();
    if (copyreg == NULL)
        return NULL;
    TnObject *f = tn_object_getattr_cstr(copyreg, "_reduce_ex");
    tn_decref(copyreg);
    if (f == NULL)
        return NULL;
    TnObject *p = tn_int_from_i64(protocol);
    TnObject *argv[2] = {self, p};
    TnObject *r = p != NULL ? tn_call(f, argv, 2, NULL) : NULL;
    tn_xdecref(p);
    tn_decref(f);
    return r;
}

TnObject *tn_object_reduce_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("__reduce__", kwnames) < 0 || tn_args_count("__reduce__", nargs, 0, 0) < 0)
        return NULL;
    return common_reduce(self, 0);
}

TnObject *tn_object_reduce_ex_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    int protocol;
    if (tn_args_no_kw("object.__reduce_ex__", kwnames) < 0 ||
        tn_args_count("object.__reduce_ex__", nargs, 1, 1) < 0 || tn_number_as_c_int(args[0], &protocol) < 0)
        return NULL;
    /* A class with its own __reduce__ gets it (CPython compares the type's
     * attribute with object's). */
    TnObject *name = tn_str_intern_cstr("__reduce__");
    TnObject *mine = name != NULL ? tn_type_lookup(tn_type(self), name) : NULL;
    TnObject *base = name != NULL ? tn_type_lookup(&tn_type_object, name) : NULL;
    if (mine != NULL && mine != base)
        return tn_call_method_cstr(self, "__reduce__", NULL, 0);
    if (name == NULL)
        return NULL;
    return common_reduce(self, protocol);
}
