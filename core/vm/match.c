/* core/vm/match.c — runtime support for the `match` statement (PEP 634).
 *
 * The helpers behind the pattern-matching opcodes; they follow CPython
 * 3.11's match_class / match_keys (Python/ceval.c).  The compiler side is
 * core/compiler/compile_match.c. */
#include "core/tn.h"
#include "core/vm/match.h"

/* Builtin types whose single positional sub-pattern matches the subject
 * itself (CPython's _Py_TPFLAGS_MATCH_SELF; inherited by subclasses). */
static bool match_self_type(TnType *tp)
{
    static TnType *const self_types[] = {
        &tn_type_bool, &tn_type_bytearray, &tn_type_bytes, &tn_type_dict,
        &tn_type_float, &tn_type_frozenset, &tn_type_int, &tn_type_list,
        &tn_type_set, &tn_type_str, &tn_type_tuple,
    };
    for (size_t i = 0; i < sizeof(self_types) / sizeof(self_types[0]); i++)
        if (tp == self_types[i] || tn_type_is_subtype(tp, self_types[i]))
            return true;
    return false;
}

bool tn_match_is_mapping(TnObject *subject)
{
    return tn_dict_check(subject);
}

bool tn_match_is_sequence(TnObject *subject)
{
    return tn_list_check(subject) || tn_tuple_check(subject) ||
           tn_object_type_check(subject, &tn_type_range) ||
           tn_object_type_check(subject, &tn_type_memoryview);
}

/* One attribute of a class pattern.  names[0..nseen) are the attribute
 * names already requested (TypeError on a repeat).  New reference; NULL
 * without an exception when the attribute is missing (no match). */
static TnObject *match_class_attr(TnObject *subject, TnType *type, TnObject *name,
                                  TnObject *const *seen, tn_ssize_t nseen)
{
    for (tn_ssize_t i = 0; i < nseen; i++) {
        if (tn_str_eq(seen[i], name)) {
            tn_err_format(&tn_exc_TypeError, "%s() got multiple sub-patterns for attribute %R",
                          tn_type_name(type), name);
            return NULL;
        }
    }
    TnObject *attr;
    int r = tn_object_lookup_attr(subject, name, &attr);
    return r > 0 ? attr : NULL;
}

/* type.__match_args__ as a tuple (new ref); a missing attribute gives the
 * empty tuple and sets *match_self for the builtin match-self types. */
static TnObject *get_match_args(TnType *type, bool *match_self)
{
    TnObject *key = tn_str_intern_cstr("__match_args__");
    TnObject *match_args;
    int r = tn_object_lookup_attr((TnObject *)type, key, &match_args);
    if (r < 0)
        return NULL;
    if (r == 0) {
        *match_self = match_self_type(type);
        return tn_tuple_new(0);
    }
    if (!tn_tuple_check_exact(match_args)) {
        tn_err_format(&tn_exc_TypeError, "%s.__match_args__ must be a tuple (got %T)",
                      tn_type_name(type), match_args);
        tn_decref(match_args);
        return NULL;
    }
    return match_args;
}

TnObject *tn_match_class(TnObject *subject, TnObject *cls, tn_ssize_t nargs, TnObject *kwnames)
{
    if (!tn_object_type_check(cls, &tn_type_type))
        return tn_err_format(&tn_exc_TypeError, "called match pattern must be a type");
    TnType *type = (TnType *)cls;
    int inst = tn_object_isinstance(subject, cls);
    if (inst <= 0)
        return NULL;
    tn_ssize_t nkw = tn_tuple_size(kwnames);
    TnObject *match_args = NULL;
    bool match_self = false;
    if (nargs > 0) {
        match_args = get_match_args(type, &match_self);
        if (match_args == NULL)
            return NULL;
        tn_ssize_t allowed = match_self ? 1 : tn_tuple_size(match_args);
        if (allowed < nargs) {
            tn_err_format(&tn_exc_TypeError, "%s() accepts %zd positional sub-pattern%s (%zd given)",
                          tn_type_name(type), allowed, allowed == 1 ? "" : "s", nargs);
            tn_decref(match_args);
            return NULL;
        }
    }
    /* Requested names, in order, for the duplicate check (borrowed from
     * match_args and kwnames, which both stay alive). */
    TnObject *attrs = tn_tuple_new(nargs + nkw);
    TnObject **seen = tn_mem_alloc(sizeof(TnObject *) * (size_t)(nargs + nkw + 1));
    if (attrs == NULL || seen == NULL) {
        if (seen == NULL && attrs != NULL)
            tn_err_no_memory();
        goto fail;
    }
    tn_ssize_t nseen = 0, n = 0;
    if (match_self) {
        tn_tuple_set_steal(attrs, n++, tn_newref(subject));
    } else {
        for (tn_ssize_t i = 0; i < nargs; i++) {
            TnObject *name = tn_tuple_get(match_args, i);
            if (!tn_str_check_exact(name)) {
                tn_err_format(&tn_exc_TypeError, "__match_args__ elements must be strings (got %T)", name);
                goto fail;
            }
            TnObject *attr = match_class_attr(subject, type, name, seen, nseen);
            if (attr == NULL)
                goto fail;
            seen[nseen++] = name;
            tn_tuple_set_steal(attrs, n++, attr);
        }
    }
    for (tn_ssize_t i = 0; i < nkw; i++) {
        TnObject *name = tn_tuple_get(kwnames, i);
        TnObject *attr = match_class_attr(subject, type, name, seen, nseen);
        if (attr == NULL)
            goto fail;
        seen[nseen++] = name;
        tn_tuple_set_steal(attrs, n++, attr);
    }
    tn_mem_free(seen);
    tn_xdecref(match_args);
    return attrs;
fail:
    /* A failed match and an error look the same here: the caller tells
     * them apart with tn_err_occurred(). */
    tn_mem_free(seen);
    tn_xdecref(match_args);
    tn_xdecref(attrs);
    return NULL;
}

TnObject *tn_match_keys(TnObject *map, TnObject *keys)
{
    tn_ssize_t nkeys = tn_tuple_size(keys);
    if (nkeys == 0)
        return tn_tuple_new(0);
    TnObject *get = NULL, *seen = NULL, *dummy = NULL, *values = NULL;
    /* map.get(key, dummy) checks and fetches atomically and does not
     * trigger __missing__ (defaultdict-like subclasses). */
    int meth_found = tn_object_get_method(map, tn_str_intern_cstr("get"), &get);
    if (meth_found < 0)
        return NULL;
    seen = tn_set_new(NULL);
    dummy = seen != NULL ? tn_call_noargs((TnObject *)&tn_type_object) : NULL;
    values = dummy != NULL ? tn_tuple_new(nkeys) : NULL;
    if (values == NULL)
        goto fail;
    for (tn_ssize_t i = 0; i < nkeys; i++) {
        TnObject *key = tn_tuple_get(keys, i);
        int dup = tn_set_contains(seen, key);
        if (dup != 0 || tn_set_add(seen, key) < 0) {
            if (dup > 0)
                tn_err_format(&tn_exc_ValueError, "mapping pattern checks duplicate key (%R)", key);
            goto fail;
        }
        TnObject *args[3] = {map, key, dummy};
        TnObject *value = meth_found ? tn_call(get, args, 3, NULL) : tn_call(get, args + 1, 2, NULL);
        if (value == NULL)
            goto fail;
        if (value == dummy) {
            /* key not in map: no match */
            tn_decref(value);
            tn_decref(values);
            values = tn_newref(TN_NONE);
            break;
        }
        tn_tuple_set_steal(values, i, value);
    }
    tn_decref(get);
    tn_decref(seen);
    tn_decref(dummy);
    return values;
fail:
    tn_xdecref(get);
    tn_xdecref(seen);
    tn_xdecref(dummy);
    tn_xdecref(values);
    return NULL;
}

TnObject *tn_match_copy_dict_without_keys(TnObject *subject, TnObject *keys)
{
    TnObject *rest = tn_dict_new();
    if (rest == NULL)
        return NULL;
    if (tn_dict_update(rest, subject) < 0)
        goto fail;
    for (tn_ssize_t i = 0; i < tn_tuple_size(keys); i++)
        if (tn_dict_del_item(rest, tn_tuple_get(keys, i)) < 0)
            goto fail;
    return rest;
fail:
    tn_decref(rest);
    return NULL;
}
