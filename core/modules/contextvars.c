/* core/modules/contextvars.c — the _contextvars module: ContextVar, Token,
 * Context and copy_context, as CPython 3.11's Python/context.c, with its
 * messages (docs/stdlib.md).
 *
 * A Context holds a dict {ContextVar: value} (CPython's is an immutable
 * HAMT; here copy_context() copies the dict, which only costs time).  Each
 * thread has a current context, created empty on first use (as in 3.11,
 * a new thread starts with an empty one); Context.run() makes another one
 * current for the call and refuses a context that is already entered, so
 * a context's dict is only changed by the one thread that has entered it
 * (or by the thread whose current context it is).  The dict is a builtin
 * dict, so reads from other threads (ctx[var], len(ctx)) are atomic.
 *
 * Known difference: a thread's current context is kept in a thread-local
 * pointer, not freed when the thread ends.
 */
#include "core/tn.h"
#include "core/modules/modules.h"
#include "core/objects/genericalias.h"

typedef struct {
    TnObject ob;
    TnObject *vars;        /* dict ContextVar -> value */
    TnObject *prev;        /* while entered: the context current before (owned), else NULL */
    bool entered;
} ContextObject;

typedef struct {
    TnObject ob;
    TnObject *name;
    TnObject *default_;    /* NULL: none */
} ContextVarObject;

typedef struct {
    TnObject ob;
    TnObject *ctx;
    TnObject *var;
    TnObject *old_value;   /* token_missing when the variable was not set */
    bool used;
} TokenObject;

static TnType context_type, contextvar_type, token_type, token_missing_type;
static TnObject token_missing = TN_STATIC_OBJECT_HEAD(&token_missing_type);

/* This thread's current context (owned), NULL before first use. */
static _Thread_local TnObject *current_ctx;

static TnObject *context_new_empty(void)
{
    ContextObject *c = (ContextObject *)tn_object_new(&context_type, sizeof(ContextObject));
    if (c == NULL)
        return NULL;
    c->vars = tn_dict_new();
    if (c->vars == NULL) {
        tn_decref(TN_OBJ(c));
        return NULL;
    }
    return TN_OBJ(c);
}

/* The current context, borrowed (created on first use); NULL on error. */
static TnObject *context_current(void)
{
    if (current_ctx == NULL)
        current_ctx = context_new_empty();
    return current_ctx;
}

/* ---- Context ---- */

#define CTX(o) ((ContextObject *)(o))

static TnObject *context_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (nargs > 0 || (kwnames != NULL && tn_tuple_size(kwnames) > 0))
        return tn_err_format(&tn_exc_TypeError, "Context() does not accept any arguments");
    return context_new_empty();
}

static TnObject *context_copy_of(TnObject *ctx)
{
    ContextObject *c = (ContextObject *)tn_object_new(&context_type, sizeof(ContextObject));
    if (c == NULL)
        return NULL;
    c->vars = tn_dict_copy(CTX(ctx)->vars);
    if (c->vars == NULL) {
        tn_decref(TN_OBJ(c));
        return NULL;
    }
    return TN_OBJ(c);
}

static int check_var_key(TnObject *key)
{
    if (tn_type(key) != &contextvar_type) {
        tn_err_format(&tn_exc_TypeError, "a ContextVar key was expected, got %R", key);
        return -1;
    }
    return 0;
}

static TnObject *context_subscript(TnObject *self, TnObject *key)
{
    if (check_var_key(key) < 0)
        return NULL;
    TnObject *v;
    int r = tn_dict_get_item_ref(CTX(self)->vars, key, &v);
    if (r == 0)
        tn_err_set_object(&tn_exc_KeyError, key);
    return r > 0 ? v : NULL;
}

static int context_contains(TnObject *self, TnObject *key)
{
    if (check_var_key(key) < 0)
        return -1;
    return tn_dict_contains(CTX(self)->vars, key);
}

static tn_ssize_t context_length(TnObject *self)
{
    return tn_dict_size(CTX(self)->vars);
}

static TnObject *context_iter(TnObject *self)
{
    TnObject *keys = tn_dict_keys_list(CTX(self)->vars);
    TnObject *it = keys != NULL ? tn_object_get_iter(keys) : NULL;
    tn_xdecref(keys);
    return it;
}

static TnObject *context_get(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("get", kwnames) < 0 || tn_args_count("get", nargs, 1, 2) < 0 || check_var_key(args[0]) < 0)
        return NULL;
    TnObject *v;
    int r = tn_dict_get_item_ref(CTX(self)->vars, args[0], &v);
    if (r < 0)
        return NULL;
    return r > 0 ? v : tn_newref(nargs > 1 ? args[1] : TN_NONE);
}

static TnObject *context_view(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames,
                              const char *which)
{
    if (tn_args_no_kw(which, kwnames) < 0 || tn_args_count(which, nargs, 0, 0) < 0)
        return NULL;
    return tn_call_method_cstr(CTX(self)->vars, which, NULL, 0);
}

static TnObject *context_keys(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return context_view(self, args, nargs, kwnames, "keys");
}

static TnObject *context_values(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return context_view(self, args, nargs, kwnames, "values");
}

static TnObject *context_items(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return context_view(self, args, nargs, kwnames, "items");
}

static TnObject *context_copy(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("copy", kwnames) < 0 || tn_args_count("copy", nargs, 0, 0) < 0)
        return NULL;
    return context_copy_of(self);
}

/* Make ctx this thread's current context.  0 / -1 (already entered). */
static int context_enter(TnObject *ctx)
{
    TnObject *prev = context_current();
    if (prev == NULL)
        return -1;
    bool entered;
    TN_BEGIN_CRITICAL_SECTION(ctx);
    entered = CTX(ctx)->entered;
    CTX(ctx)->entered = true;
    TN_END_CRITICAL_SECTION();
    if (entered) {
        tn_err_format(&tn_exc_RuntimeError, "cannot enter context: %R is already entered", ctx);
        return -1;
    }
    CTX(ctx)->prev = prev;          /* the thread's reference moves here */
    current_ctx = tn_newref(ctx);
    return 0;
}

static void context_exit(TnObject *ctx)
{
    TnObject *mine = current_ctx;
    current_ctx = CTX(ctx)->prev;
    CTX(ctx)->prev = NULL;
    TN_BEGIN_CRITICAL_SECTION(ctx);
    CTX(ctx)->entered = false;
    TN_END_CRITICAL_SECTION();
    tn_decref(mine);
}

static TnObject *context_run(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (nargs < 1)
        return tn_err_format(&tn_exc_TypeError, "run() missing 1 required positional argument");
    if (context_enter(self) < 0)
        return NULL;
    TnObject *r = tn_call(args[0], args + 1, nargs - 1, kwnames);
    context_exit(self);
    return r;
}

static TnObject *context_richcompare(TnObject *a, TnObject *b, int op)
{
    if (tn_type(b) != &context_type || (op != TN_EQ && op != TN_NE))
        return tn_newref(TN_NOTIMPLEMENTED);
    return tn_object_richcompare(CTX(a)->vars, CTX(b)->vars, op);
}

static void context_dealloc(TnObject *self)
{
    TN_CLEAR(CTX(self)->vars);
    TN_CLEAR(CTX(self)->prev);
    tn_object_free(self);
}

static int context_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    return CTX(self)->vars != NULL ? visit(CTX(self)->vars, arg) : 0;
}

static const TnMethodDef context_methods[] = {
    {"get", context_get, 0, NULL},
    {"keys", context_keys, 0, NULL},
    {"values", context_values, 0, NULL},
    {"items", context_items, 0, NULL},
    {"copy", context_copy, 0, NULL},
    {"run", context_run, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const TnMappingMethods context_as_mapping = {
    .length = context_length,
    .subscript = context_subscript,
};

static const TnSequenceMethods context_as_sequence = {
    .contains = context_contains,
};

static TnType context_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "_contextvars.Context",
    .basicsize = sizeof(ContextObject),
    .flags = TN_TPFLAGS_HAVE_GC,
    .dealloc = context_dealloc,
    .hash = tn_hash_not_implemented,
    .richcompare = context_richcompare,
    .getattro = tn_object_generic_getattr,
    .iter = context_iter,
    .new_ = context_new,
    .as_mapping = &context_as_mapping,
    .as_sequence = &context_as_sequence,
    .methods = context_methods,
    .traverse = context_traverse,
};

/* ---- ContextVar ---- */

#define VAR(o) ((ContextVarObject *)(o))

static TnObject *contextvar_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"name", "default", NULL};
    TnObject *a[2];
    tn_ssize_t nkw = kwnames != NULL ? tn_tuple_size(kwnames) : 0;
    if (nargs > 1)
        return tn_err_format(&tn_exc_TypeError, "ContextVar() takes at most 1 positional argument (%zd given)", nargs);
    if (nargs + nkw > 2)
        return tn_err_format(&tn_exc_TypeError, "ContextVar() takes at most 2 arguments (%zd given)", nargs + nkw);
    if (nargs == 0 && nkw == 0)
        return tn_err_format(&tn_exc_TypeError, "ContextVar() takes exactly 1 positional argument (0 given)");
    if (tn_args_parse("ContextVar", args, nargs, kwnames, names, 0, 1, a) < 0)
        return NULL;
    if (!tn_str_check(a[0]))
        return tn_err_format(&tn_exc_TypeError, "context variable name must be a str");
    ContextVarObject *v = (ContextVarObject *)tn_object_new(type, sizeof(ContextVarObject));
    if (v == NULL)
        return NULL;
    v->name = tn_newref(a[0]);
    v->default_ = a[1] != NULL ? tn_newref(a[1]) : NULL;
    return TN_OBJ(v);
}

static TnObject *contextvar_get(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("get", kwnames) < 0 || tn_args_count("get", nargs, 0, 1) < 0)
        return NULL;
    TnObject *ctx = context_current();
    if (ctx == NULL)
        return NULL;
    TnObject *v;
    int r = tn_dict_get_item_ref(CTX(ctx)->vars, self, &v);
    if (r != 0)
        return r > 0 ? v : NULL;
    if (nargs > 0)
        return tn_newref(args[0]);
    if (VAR(self)->default_ != NULL)
        return tn_newref(VAR(self)->default_);
    tn_err_set_object(&tn_exc_LookupError, self);
    return NULL;
}

static TnObject *contextvar_set(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("set", kwnames) < 0 || tn_args_count("set", nargs, 1, 1) < 0)
        return NULL;
    TnObject *ctx = context_current();
    if (ctx == NULL)
        return NULL;
    TnObject *old;
    int r = tn_dict_get_item_ref(CTX(ctx)->vars, self, &old);
    if (r < 0)
        return NULL;
    TokenObject *t = (TokenObject *)tn_object_new(&token_type, sizeof(TokenObject));
    if (t == NULL || tn_dict_set_item(CTX(ctx)->vars, self, args[0]) < 0) {
        tn_xdecref(old);
        tn_xdecref(TN_OBJ(t));
        return NULL;
    }
    t->ctx = tn_newref(ctx);
    t->var = tn_newref(self);
    t->old_value = r > 0 ? old : tn_newref(&token_missing);
    return TN_OBJ(t);
}

static TnObject *contextvar_reset(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("reset", kwnames) < 0 || tn_args_count("reset", nargs, 1, 1) < 0)
        return NULL;
    if (tn_type(args[0]) != &token_type)
        return tn_err_format(&tn_exc_TypeError, "expected an instance of Token, got %R", args[0]);
    TokenObject *t = (TokenObject *)args[0];
    if (t->used)
        return tn_err_format(&tn_exc_RuntimeError, "%R has already been used once", args[0]);
    if (t->var != self)
        return tn_err_format(&tn_exc_ValueError, "%R was created by a different ContextVar", args[0]);
    TnObject *ctx = context_current();
    if (ctx == NULL)
        return NULL;
    if (t->ctx != ctx)
        return tn_err_format(&tn_exc_ValueError, "%R was created in a different Context", args[0]);
    t->used = true;
    int r;
    if (t->old_value == &token_missing) {
        r = tn_dict_del_item(CTX(ctx)->vars, self);
        if (r < 0 && tn_err_matches(&tn_exc_KeyError)) {
            tn_err_clear();
            r = 0;
        }
    } else {
        r = tn_dict_set_item(CTX(ctx)->vars, self, t->old_value);
    }
    return r < 0 ? NULL : tn_none_ref();
}

static TnObject *contextvar_repr(TnObject *self)
{
    if (VAR(self)->default_ != NULL)
        return tn_str_from_format("<ContextVar name=%R default=%R at %p>", VAR(self)->name, VAR(self)->default_,
                                  (void *)self);
    return tn_str_from_format("<ContextVar name=%R at %p>", VAR(self)->name, (void *)self);
}

static TnObject *contextvar_get_name(TnObject *self, void *closure)
{
    return tn_newref(VAR(self)->name);
}

static TnObject *class_getitem(TnObject *cls, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("__class_getitem__", kwnames) < 0 || tn_args_count("__class_getitem__", nargs, 1, 1) < 0)
        return NULL;
    return tn_generic_alias_new(cls, args[0]);
}

static void contextvar_dealloc(TnObject *self)
{
    TN_CLEAR(VAR(self)->name);
    TN_CLEAR(VAR(self)->default_);
    tn_object_free(self);
}

static const TnMethodDef contextvar_methods[] = {
    {"get", contextvar_get, 0, NULL},
    {"set", contextvar_set, 0, NULL},
    {"reset", contextvar_reset, 0, NULL},
    {"__class_getitem__", class_getitem, TN_METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

static const TnGetSetDef contextvar_getsets[] = {
    {"name", contextvar_get_name, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static TnType contextvar_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "_contextvars.ContextVar",
    .basicsize = sizeof(ContextVarObject),
    .dealloc = contextvar_dealloc,
    .repr = contextvar_repr,
    .getattro = tn_object_generic_getattr,
    .new_ = contextvar_new,
    .methods = contextvar_methods,
    .getsets = contextvar_getsets,
};

/* ---- Token ---- */

static TnObject *token_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return tn_err_format(&tn_exc_RuntimeError, "Tokens can only be created by ContextVars");
}

static TnObject *token_repr(TnObject *self)
{
    TokenObject *t = (TokenObject *)self;
    return tn_str_from_format("<Token%s var=%R at %p>", t->used ? " used" : "", t->var, (void *)self);
}

static TnObject *token_get_var(TnObject *self, void *closure)
{
    return tn_newref(((TokenObject *)self)->var);
}

static TnObject *token_get_old_value(TnObject *self, void *closure)
{
    return tn_newref(((TokenObject *)self)->old_value);
}

static void token_dealloc(TnObject *self)
{
    TokenObject *t = (TokenObject *)self;
    TN_CLEAR(t->ctx);
    TN_CLEAR(t->var);
    TN_CLEAR(t->old_value);
    tn_object_free(self);
}

static const TnGetSetDef token_getsets[] = {
    {"var", token_get_var, NULL, NULL, NULL},
    {"old_value", token_get_old_value, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const TnMethodDef token_methods[] = {
    {"__class_getitem__", class_getitem, TN_METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

static TnType token_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "_contextvars.Token",
    .basicsize = sizeof(TokenObject),
    .dealloc = token_dealloc,
    .repr = token_repr,
    .getattro = tn_object_generic_getattr,
    .new_ = token_new,
    .methods = token_methods,
    .getsets = token_getsets,
};

static TnObject *token_missing_repr(TnObject *self)
{
    return tn_str_from_cstr("<Token.MISSING>");
}

static TnType token_missing_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "Token.MISSING",
    .basicsize = sizeof(TnObject),
    .repr = token_missing_repr,
    .getattro = tn_object_generic_getattr,
};

/* ---- module ---- */

static TnObject *copy_context(TnObject *m, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("copy_context", kwnames) < 0 || tn_args_count("copy_context", nargs, 0, 0) < 0)
        return NULL;
    TnObject *ctx = context_current();
    return ctx != NULL ? context_copy_of(ctx) : NULL;
}

static const TnMethodDef contextvars_functions[] = {
    {"copy_context", copy_context, 0, NULL},
    {NULL, NULL, 0, NULL},
};

TnObject *tn_contextvars_module_create(void)
{
    if (tn_type_ready(&context_type) < 0 || tn_type_ready(&contextvar_type) < 0 || tn_type_ready(&token_type) < 0 ||
        tn_type_ready(&token_missing_type) < 0)
        return NULL;
    if (tn_dict_get_cstr_borrowed(token_type.dict, "MISSING") == NULL &&
        tn_dict_set_item_cstr(token_type.dict, "MISSING", &token_missing) < 0)
        return NULL;
    TnObject *m = tn_module_new("_contextvars");
    if (m == NULL || tn_module_add_functions(m, contextvars_functions) < 0 ||
        tn_module_add_object(m, "Context", TN_OBJ(&context_type)) < 0 ||
        tn_module_add_object(m, "ContextVar", TN_OBJ(&contextvar_type)) < 0 ||
        tn_module_add_object(m, "Token", TN_OBJ(&token_type)) < 0) {
        tn_xdecref(m);
        return NULL;
    }
    return m;
}
