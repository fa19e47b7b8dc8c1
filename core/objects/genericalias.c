/* core/objects/genericalias.c — types.GenericAlias (`list[int]`) and
 * types.UnionType (`int | str`), as CPython 3.11 (Objects/genericaliasobject.c,
 * Objects/unionobject.c): reprs, __origin__/__args__, equality, hashing,
 * isinstance()/issubclass() over unions, and calling an alias. */
#include "core/tn.h"
#include "core/objects/genericalias.h"

typedef struct TnAlias {
    TnObject ob;
    TnObject *origin;    /* GenericAlias: the class subscripted; Union: NULL */
    TnObject *args;      /* tuple */
    TnObject *weaklist;    /* weak references to it (core/objects/weakref.h) */
} TnAlias;

/* repr of one argument: a class by its (module-qualified) name. */
static int put_arg_repr(TnStrWriter *w, TnObject *arg)
{
    if (arg == TN_ELLIPSIS)
        return tn_strw_puts(w, "...");
    if (arg == TN_NONE || arg == TN_OBJ(&tn_type_none))
        return tn_strw_puts(w, "None");
    if (tn_object_type_check(arg, &tn_type_type) && tn_type(arg) != &tn_type_generic_alias) {
        TnObject *mod = NULL, *qual = NULL;
        int r = tn_object_lookup_attr(arg, tn_str_intern_cstr("__module__"), &mod);
        if (r >= 0)
            r = tn_object_lookup_attr(arg, tn_str_intern_cstr("__qualname__"), &qual);
        if (r > 0 && qual != NULL && tn_str_check(qual)) {
            if (mod != NULL && tn_str_check(mod) && !tn_str_eq_cstr(mod, "builtins")) {
                r = tn_strw_put_str(w, mod);
                if (r == 0)
                    r = tn_strw_putc(w, '.');
            } else {
                r = 0;
            }
            if (r == 0)
                r = tn_strw_put_str(w, qual);
            tn_xdecref(mod);
            tn_xdecref(qual);
            return r;
        }
        tn_xdecref(mod);
        tn_xdecref(qual);
        if (r < 0)
            tn_err_clear();
    }
    return tn_strw_put_repr(w, arg);
}

static TnObject *alias_new_of(TnType *tp, TnObject *origin, TnObject *args)
{
    /* A subclass (typing's and collections.abc's aliases) may be larger. */
    size_t size = tp->basicsize > (tn_ssize_t)sizeof(TnAlias) ? (size_t)tp->basicsize : sizeof(TnAlias);
    TnAlias *a = (TnAlias *)tn_object_new(tp, size);
    if (a == NULL)
        return NULL;
    a->origin = tn_xnewref(origin);
    a->args = tn_tuple_check(args) ? tn_newref(args) : tn_tuple_pack(1, args);
    if (a->args == NULL) {
        tn_decref(TN_OBJ(a));
        return NULL;
    }
    return TN_OBJ(a);
}

TnObject *tn_generic_alias_new(TnObject *origin, TnObject *args)
{
    return alias_new_of(&tn_type_generic_alias, origin, args);
}

/* types.GenericAlias(origin, args), also through a subclass's __new__
 * (collections.abc's _CallableGenericAlias), with CPython's checks. */
static TnObject *ga_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("GenericAlias", kwnames) < 0 || tn_args_count("GenericAlias", nargs, 2, 2) < 0)
        return NULL;
    return alias_new_of(type, args[0], args[1]);
}

static void alias_dealloc(TnObject *self)
{
    TnAlias *a = (TnAlias *)self;
    TN_CLEAR(a->origin);
    TN_CLEAR(a->args);
    tn_object_free(self);
}

/* No clear, as CPython's: origin and args are what every operation reads,
 * and a cycle through an alias passes through a class or container. */
static int alias_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TnAlias *a = (TnAlias *)self;
    TN_VISIT(a->origin);
    TN_VISIT(a->args);
    return 0;
}

static TnObject *ga_repr(TnObject *self)
{
    TnAlias *a = (TnAlias *)self;
    TnStrWriter w;
    tn_strw_init(&w);
    int r = put_arg_repr(&w, a->origin);
    if (r == 0)
        r = tn_strw_putc(&w, '[');
    tn_ssize_t n = tn_tuple_size(a->args);
    for (tn_ssize_t i = 0; i < n && r == 0; i++) {
        if (i > 0)
            r = tn_strw_puts(&w, ", ");
        if (r == 0)
            r = put_arg_repr(&w, tn_tuple_get(a->args, i));
    }
    if (r == 0 && n == 0)
        r = tn_strw_puts(&w, "()");
    if (r == 0)
        r = tn_strw_putc(&w, ']');
    if (r < 0) {
        tn_strw_discard(&w);
        return NULL;
    }
    return tn_strw_finish(&w);
}

static TnObject *union_repr(TnObject *self)
{
    TnAlias *a = (TnAlias *)self;
    TnStrWriter w;
    tn_strw_init(&w);
    int r = 0;
    for (tn_ssize_t i = 0; i < tn_tuple_size(a->args) && r == 0; i++) {
        if (i > 0)
            r = tn_strw_puts(&w, " | ");
        if (r == 0)
            r = put_arg_repr(&w, tn_tuple_get(a->args, i));
    }
    if (r < 0) {
        tn_strw_discard(&w);
        return NULL;
    }
    return tn_strw_finish(&w);
}

/* Every member of tuple x is in tuple y: 1 / 0 / -1. */
static int members_within(TnObject *x, TnObject *y)
{
    for (tn_ssize_t i = 0; i < tn_tuple_size(x); i++) {
        int found = 0;
        for (tn_ssize_t j = 0; j < tn_tuple_size(y) && found == 0; j++)
            found = tn_object_richcompare_bool(tn_tuple_get(x, i), tn_tuple_get(y, j), TN_EQ);
        if (found <= 0)
            return found;
    }
    return 1;
}

static TnObject *alias_richcompare(TnObject *a, TnObject *b, int op)
{
    if ((op != TN_EQ && op != TN_NE) || tn_type(a) != tn_type(b))
        return tn_newref(TN_NOTIMPLEMENTED);
    TnAlias *x = (TnAlias *)a, *y = (TnAlias *)b;
    int eq = 1;
    if (x->origin == NULL) {
        /* Unions compare as sets of members. */
        eq = members_within(x->args, y->args);
        if (eq > 0)
            eq = members_within(y->args, x->args);
        if (eq < 0)
            return NULL;
        return tn_bool_from(op == TN_EQ ? eq : !eq);
    }
    if (x->origin != NULL) {
        eq = tn_object_richcompare_bool(x->origin, y->origin, TN_EQ);
        if (eq < 0)
            return NULL;
    }
    if (eq) {
        eq = tn_object_richcompare_bool(x->args, y->args, TN_EQ);
        if (eq < 0)
            return NULL;
    }
    return tn_bool_from(op == TN_EQ ? eq : !eq);
}

static tn_hash_t alias_hash(TnObject *self)
{
    TnAlias *a = (TnAlias *)self;
    tn_hash_t h;
    if (a->origin == NULL) {
        /* Order-independent, like the set comparison above. */
        h = 0x2b2f1c4d;
        for (tn_ssize_t i = 0; i < tn_tuple_size(a->args); i++) {
            tn_hash_t m = tn_object_hash(tn_tuple_get(a->args, i));
            if (m == -1)
                return -1;
            h ^= m;
        }
    } else {
        tn_hash_t h1 = tn_object_hash(a->origin);
        if (h1 == -1)
            return -1;
        tn_hash_t h2 = tn_object_hash(a->args);
        if (h2 == -1)
            return -1;
        h = h1 ^ h2;
    }
    return h == -1 ? -2 : h;
}

/* list[int](...) builds a list. */
static TnObject *ga_call(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return tn_call(((TnAlias *)self)->origin, args, nargs, kwnames);
}

/* Unknown attributes come from the origin (list[int].append is list.append). */
static TnObject *ga_getattro(TnObject *self, TnObject *name)
{
    TnObject *r = tn_object_generic_getattr(self, name);
    if (r != NULL || !tn_err_matches(&tn_exc_AttributeError))
        return r;
    if (tn_str_check(name) && tn_str_length(name) > 2 && tn_str_read(name, 0) == '_' && tn_str_read(name, 1) == '_')
        return NULL;
    tn_err_clear();
    return tn_object_getattr(((TnAlias *)self)->origin, name);
}

static TnObject *alias_get_origin(TnObject *self, void *c) { return tn_newref(((TnAlias *)self)->origin); }
static TnObject *alias_get_args(TnObject *self, void *c) { return tn_newref(((TnAlias *)self)->args); }
static TnObject *alias_get_params(TnObject *self, void *c) { return tn_tuple_new(0); }

static const TnGetSetDef ga_getsets[] = {
    {"__origin__", alias_get_origin, NULL, NULL, NULL},
    {"__args__", alias_get_args, NULL, NULL, NULL},
    {"__parameters__", alias_get_params, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const TnGetSetDef union_getsets[] = {
    {"__args__", alias_get_args, NULL, NULL, NULL},
    {"__parameters__", alias_get_params, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* ---- X | Y ------------------------------------------------------------------ */

static bool union_member_ok(TnObject *o)
{
    return o == TN_NONE || tn_object_type_check(o, &tn_type_type) || tn_type(o) == &tn_type_generic_alias
           || tn_type(o) == &tn_type_union;
}

static int union_add(TnObject *list, TnObject *o)
{
    if (tn_type(o) == &tn_type_union) {
        TnObject *args = ((TnAlias *)o)->args;
        for (tn_ssize_t i = 0; i < tn_tuple_size(args); i++)
            if (union_add(list, tn_tuple_get(args, i)) < 0)
                return -1;
        return 0;
    }
    if (o == TN_NONE)
        o = TN_OBJ(&tn_type_none);
    for (tn_ssize_t i = 0; i < tn_list_size(list); i++) {
        int eq = tn_object_richcompare_bool(tn_list_get_lock_held(list, i), o, TN_EQ);
        if (eq != 0)
            return eq < 0 ? -1 : 0;
    }
    return tn_list_append(list, o);
}

TnObject *tn_union_or(TnObject *a, TnObject *b)
{
    if (!union_member_ok(a) || !union_member_ok(b))
        return tn_newref(TN_NOTIMPLEMENTED);
    TnObject *list = tn_list_new(0);
    if (list == NULL || union_add(list, a) < 0 || union_add(list, b) < 0) {
        tn_xdecref(list);
        return NULL;
    }
    TnObject *res;
    if (tn_list_size(list) == 1) {
        res = tn_list_get_item_ref(list, 0);
    } else {
        TnObject *args = tn_list_as_tuple(list);
        res = args != NULL ? alias_new_of(&tn_type_union, NULL, args) : NULL;
        tn_xdecref(args);
    }
    tn_decref(list);
    return res;
}

static const TnNumberMethods union_as_number = {.or_ = tn_union_or};

TnObject *tn_union_args(TnObject *o)
{
    return tn_type(o) == &tn_type_union ? ((TnAlias *)o)->args : NULL;
}

TnType tn_type_generic_alias = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "types.GenericAlias",
    .weaklistoffset = offsetof(TnAlias, weaklist),
    .basicsize = sizeof(TnAlias),
    .traverse = alias_traverse,
    .dealloc = alias_dealloc,
    .repr = ga_repr,
    .richcompare = alias_richcompare,
    .hash = alias_hash,
    .call = ga_call,
    .getattro = ga_getattro,
    .as_number = &union_as_number,
    .getsets = ga_getsets,
    .new_ = ga_new,
    .flags = TN_TPFLAGS_BASETYPE | TN_TPFLAGS_HAVE_GC,
};

TnType tn_type_union = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "types.UnionType",
    .basicsize = sizeof(TnAlias),
    .flags = TN_TPFLAGS_HAVE_GC,
    .traverse = alias_traverse,
    .dealloc = alias_dealloc,
    .repr = union_repr,
    .richcompare = alias_richcompare,
    .hash = alias_hash,
    .as_number = &union_as_number,
    .getsets = union_getsets,
    .new_ = tn_type_new_not_allowed,
};
