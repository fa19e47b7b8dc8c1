/* core/objects/function.c — function, builtin_function_or_method, method,
 * cell, and the descriptors that builtin types put in their dicts. */
#include "core/tn.h"
#include "core/vm/eval.h"

/* ---- function ----------------------------------------------------------- */

TnObject *tn_function_new(TnObject *code, TnObject *globals)
{
    /* A function sees the builtins of the globals it is made with, fixed
     * at creation (CPython's PyFunction_New). */
    TnObject *builtins = tn_eval_builtins_from_globals_ref(globals);
    if (builtins == NULL)
        return NULL;
    TnFunction *f = (TnFunction *)tn_object_new(&tn_type_function, sizeof(TnFunction));
    if (f == NULL) {
        tn_decref(builtins);
        return NULL;
    }
    TnCode *co = (TnCode *)code;
    f->code = tn_newref(code);
    f->globals = tn_newref(globals);
    f->builtins = builtins;
    f->name = tn_newref(co->name);
    f->qualname = tn_newref(co->qualname);
    /* Taken inside the dict's section: another thread may rebind __name__. */
    f->module = tn_dict_get_cstr_ref(globals, "__name__");
    /* The compiler puts a function's docstring (or None) first in co_consts. */
    if (tn_tuple_size(co->consts) > 0 && tn_str_check(tn_tuple_get(co->consts, 0)))
        f->doc = tn_newref(tn_tuple_get(co->consts, 0));
    return TN_OBJ(f);
}

static void function_dealloc(TnObject *self)
{
    TnFunction *f = (TnFunction *)self;
    TN_CLEAR(f->code);
    TN_CLEAR(f->globals);
    TN_CLEAR(f->builtins);
    TN_CLEAR(f->name);
    TN_CLEAR(f->qualname);
    TN_CLEAR(f->defaults);
    TN_CLEAR(f->kwdefaults);
    TN_CLEAR(f->closure);
    TN_CLEAR(f->doc);
    TN_CLEAR(f->dict);
    TN_CLEAR(f->module);
    TN_CLEAR(f->annotations);
    tn_object_free(self);
}

static int function_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TnFunction *f = (TnFunction *)self;
    TN_VISIT(f->code);
    TN_VISIT(f->globals);
    TN_VISIT(f->builtins);
    TN_VISIT(f->name);
    TN_VISIT(f->qualname);
    TN_VISIT(f->defaults);
    TN_VISIT(f->kwdefaults);
    TN_VISIT(f->closure);
    TN_VISIT(f->doc);
    TN_VISIT(f->dict);
    TN_VISIT(f->module);
    TN_VISIT(f->annotations);
    return 0;
}

/* What CPython's func_clear drops, except three fields a cleared function
 * still needs to be called safely: code, globals and builtins (frames
 * borrow the last two from the function, and a generator's frame may
 * still run), and the closure (COPY_FREE_VARS reads as many cells as the
 * code has free variables).  Those cannot keep a cycle alive on their
 * own: globals and builtins are dicts or mappings that have their own
 * clear, and a closure's cells are cleared as cells.  The QSBR fields are
 * replaced as setters replace them.  A name or qualname may be a str
 * subclass with a __dict__: both become the empty string, as in CPython. */
static int function_clear(TnObject *self)
{
    TnFunction *f = (TnFunction *)self;
    tn_field_replace_steal(&f->defaults, NULL);
    tn_field_replace_steal(&f->kwdefaults, NULL);
    tn_field_replace_steal(&f->doc, NULL);
    tn_field_replace_steal(&f->module, NULL);
    tn_field_replace_steal(&f->dict, NULL);
    TnObject *ann;
    TN_BEGIN_CRITICAL_SECTION(self);
    ann = f->annotations;
    f->annotations = NULL;
    TN_END_CRITICAL_SECTION();
    tn_xdecref(ann);
    TnObject *empty = tn_str_intern_cstr("");
    if (empty == NULL) {
        tn_err_clear();     /* out of memory: keep the names */
        return 0;
    }
    tn_field_replace_steal(&f->name, tn_newref(empty));
    tn_field_replace_steal(&f->qualname, tn_newref(empty));
    tn_decref(empty);
    return 0;
}

/* The fields a setter can replace are read lock-free and replaced with
 * tn_field_replace_steal (threading/qsbr.h): a reader gets the value with
 * tn_field_get_ref, or borrows it with tn_field_load only until its next
 * check point (here: for one format call). */
static TnObject *function_repr(TnObject *self)
{
    return tn_str_from_format("<function %U at %p>", tn_field_load(&((TnFunction *)self)->qualname), (void *)self);
}

static TnObject *function_descr_get(TnObject *self, TnObject *obj, TnObject *type)
{
    if (obj == NULL || obj == TN_NONE)
        return tn_newref(self);
    return tn_method_new(self, obj);
}

#define FUNC_FIELD(name, member, settable) \
    {name, func_get_field, settable ? func_set_field : NULL, NULL, (void *)offsetof(TnFunction, member)}

static TnObject *func_get_field(TnObject *self, void *closure)
{
    TnObject *v = tn_field_get_ref((TnObject **)((char *)self + (size_t)closure));
    return v != NULL ? v : tn_none_ref();
}

static int func_set_field(TnObject *self, TnObject *value, void *closure)
{
    TnObject **slot = (TnObject **)((char *)self + (size_t)closure);
    tn_field_replace_steal(slot, value == NULL || value == TN_NONE ? NULL : tn_newref(value));
    return 0;
}

/* __defaults__ / __kwdefaults__: a tuple / a dict, or None / del to clear. */
static int func_set_typed_field(TnObject *self, TnObject *value, void *closure)
{
    bool defaults = (size_t)closure == offsetof(TnFunction, defaults);
    if (value != NULL && value != TN_NONE && !(defaults ? tn_tuple_check(value) : tn_dict_check(value))) {
        tn_err_set_str(&tn_exc_TypeError, defaults ? "__defaults__ must be set to a tuple object"
                                                   : "__kwdefaults__ must be set to a dict object");
        return -1;
    }
    return func_set_field(self, value, closure);
}

/* __code__: a code object with as many free variables as the closure has
 * cells (COPY_FREE_VARS copies that many).  A frame running the old code
 * holds its own reference to it (TnFrame.code). */
static int func_set_code(TnObject *self, TnObject *value, void *closure)
{
    TnFunction *f = (TnFunction *)self;
    if (value == NULL || !tn_code_check(value)) {
        tn_err_set_str(&tn_exc_TypeError, "__code__ must be set to a code object");
        return -1;
    }
    tn_ssize_t nfree = ((TnCode *)value)->nfreevars;
    tn_ssize_t nclosure = f->closure != NULL ? tn_tuple_size(f->closure) : 0;
    if (nclosure != nfree) {
        TnObject *name = tn_field_get_ref(&f->name);
        tn_err_format(&tn_exc_ValueError, "%U() requires a code object with %zd free vars, not %zd", name,
                      nclosure, nfree);
        tn_decref(name);
        return -1;
    }
    tn_field_replace_steal(&f->code, tn_newref(value));
    return 0;
}

static int func_set_name(TnObject *self, TnObject *value, void *closure)
{
    if (value == NULL || !tn_str_check(value)) {
        tn_err_set_str(&tn_exc_TypeError, closure ? "__qualname__ must be set to a string object"
                                                  : "__name__ must be set to a string object");
        return -1;
    }
    TnFunction *f = (TnFunction *)self;
    tn_field_replace_steal(closure ? &f->qualname : &f->name, tn_newref(value));
    return 0;
}

static TnObject *func_get_name(TnObject *self, void *closure)
{
    TnFunction *f = (TnFunction *)self;
    return tn_field_get_ref(closure ? &f->qualname : &f->name);
}

static TnObject *func_get_globals(TnObject *self, void *closure)
{
    return tn_newref(((TnFunction *)self)->globals);
}

/* MAKE_FUNCTION stores the annotations as the flat tuple ('name', value,
 * ...); the first read turns it into a dict (an empty one if there were
 * none), as CPython does. */
static TnObject *annotations_dict_lock_held(TnFunction *f)
{
    tn_critical_section_assert_held(f);
    TnObject *ann = f->annotations;
    if (ann != NULL && tn_dict_check(ann))
        return tn_newref(ann);
    TnObject *d = tn_dict_new();
    if (d == NULL)
        return NULL;
    tn_ssize_t n = ann != NULL ? tn_tuple_size(ann) : 0;
    for (tn_ssize_t i = 0; i + 1 < n; i += 2) {
        if (tn_dict_set_item(d, tn_tuple_get(ann, i), tn_tuple_get(ann, i + 1)) < 0) {
            tn_decref(d);
            return NULL;
        }
    }
    TN_SETREF(f->annotations, tn_newref(d));
    return d;
}

static TnObject *func_get_annotations(TnObject *self, void *closure)
{
    TnObject *d;
    TN_BEGIN_CRITICAL_SECTION(self);
    d = annotations_dict_lock_held((TnFunction *)self);
    TN_END_CRITICAL_SECTION();
    return d;
}

/* Only a dict may be assigned; None or del clear it (the next read gives
 * a fresh empty dict). */
static int func_set_annotations(TnObject *self, TnObject *value, void *closure)
{
    if (value == TN_NONE)
        value = NULL;
    if (value != NULL && !tn_dict_check(value)) {
        tn_err_set_str(&tn_exc_TypeError, "__annotations__ must be set to a dict object");
        return -1;
    }
    TN_BEGIN_CRITICAL_SECTION(self);
    TN_SETREF(((TnFunction *)self)->annotations, tn_xnewref(value));
    TN_END_CRITICAL_SECTION();
    return 0;
}

static const TnGetSetDef function_getsets[] = {
    {"__annotations__", func_get_annotations, func_set_annotations, NULL, NULL},
    {"__name__", func_get_name, func_set_name, NULL, NULL},
    {"__dict__", tn_object_generic_get_dict, tn_object_generic_set_dict, NULL, NULL},
    {"__qualname__", func_get_name, func_set_name, NULL, (void *)1},
    {"__globals__", func_get_globals, NULL, NULL, NULL},
    {"__code__", func_get_field, func_set_code, NULL, (void *)offsetof(TnFunction, code)},
    {"__defaults__", func_get_field, func_set_typed_field, NULL, (void *)offsetof(TnFunction, defaults)},
    {"__kwdefaults__", func_get_field, func_set_typed_field, NULL, (void *)offsetof(TnFunction, kwdefaults)},
    FUNC_FIELD("__closure__", closure, 0),
    FUNC_FIELD("__doc__", doc, 1),
    FUNC_FIELD("__module__", module, 1),
    {NULL, NULL, NULL, NULL, NULL},
};

TnType tn_type_function = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "function",
    .weaklistoffset = offsetof(TnFunction, weaklist),
    .basicsize = sizeof(TnFunction),
    .flags = TN_TPFLAGS_METHOD_DESCRIPTOR | TN_TPFLAGS_HAVE_GC,
    .dealloc = function_dealloc,
    .repr = function_repr,
    .call = tn_eval_call_function,
    .descr_get = function_descr_get,
    .getsets = function_getsets,
    .dictoffset = offsetof(TnFunction, dict),
    .new_ = tn_type_new_not_allowed,
    .traverse = function_traverse,
    .clear = function_clear,
};

/* ---- builtin_function_or_method ----------------------------------------- */

TnObject *tn_cfunction_new(const TnMethodDef *def, TnObject *self, TnObject *module)
{
    TnCFunction *f = (TnCFunction *)tn_object_new(&tn_type_cfunction, sizeof(TnCFunction));
    if (f == NULL)
        return NULL;
    f->def = def;
    f->self = tn_xnewref(self);
    f->module = tn_xnewref(module);
    return TN_OBJ(f);
}

static void cfunction_dealloc(TnObject *self)
{
    TnCFunction *f = (TnCFunction *)self;
    TN_CLEAR(f->self);
    TN_CLEAR(f->module);
    tn_object_free(self);
}

/* No clear, as CPython's builtin_function_or_method: the method is called
 * with self, which must stay.  A cycle through it (l.append stored in l)
 * always passes through self's own fields, which have their clear. */
static int cfunction_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TnCFunction *f = (TnCFunction *)self;
    TN_VISIT(f->self);
    TN_VISIT(f->module);
    return 0;
}

static TnObject *cfunction_call(TnObject *callable, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnCFunction *f = (TnCFunction *)callable;
    if (tn_enter_recursive_call(" while calling a Python object") < 0)
        return NULL;
    TnObject *res = f->def->meth(f->self, args, nargs, kwnames);
    tn_leave_recursive_call();
    return res;
}

static TnObject *cfunction_repr(TnObject *self)
{
    TnCFunction *f = (TnCFunction *)self;
    if (f->self == NULL || tn_type(f->self) == &tn_type_module)
        return tn_str_from_format("<built-in function %s>", f->def->name);
    return tn_str_from_format("<built-in method %s of %T object at %p>", f->def->name, f->self,
                              (void *)f->self);
}

static TnObject *cfunction_get_name(TnObject *self, void *c)
{
    return tn_str_from_cstr(((TnCFunction *)self)->def->name);
}

static TnObject *cfunction_get_self(TnObject *self, void *c)
{
    TnObject *s = ((TnCFunction *)self)->self;
    return tn_newref(s != NULL ? s : TN_NONE);
}

/* __module__: the defining module's name (None for a method of a type). */
static TnObject *cfunction_get_module(TnObject *self, void *c)
{
    TnObject *m = ((TnCFunction *)self)->module;
    return tn_newref(m != NULL ? m : TN_NONE);
}

static const TnGetSetDef cfunction_getsets[] = {
    {"__name__", cfunction_get_name, NULL, NULL, NULL},
    {"__module__", cfunction_get_module, NULL, NULL, NULL},
    {"__qualname__", cfunction_get_name, NULL, NULL, NULL},
    {"__self__", cfunction_get_self, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TnType tn_type_cfunction = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "builtin_function_or_method",
    .weaklistoffset = offsetof(TnCFunction, weaklist),
    .basicsize = sizeof(TnCFunction),
    .flags = TN_TPFLAGS_HAVE_GC,
    .dealloc = cfunction_dealloc,
    .repr = cfunction_repr,
    .call = cfunction_call,
    .getsets = cfunction_getsets,
    .new_ = tn_type_new_not_allowed,
    .traverse = cfunction_traverse,
};

/* ---- bound method --------------------------------------------------------- */

TnObject *tn_method_new(TnObject *func, TnObject *self)
{
    TnBoundMethod *m = (TnBoundMethod *)tn_object_new(&tn_type_method, sizeof(TnBoundMethod));
    if (m == NULL)
        return NULL;
    m->func = tn_newref(func);
    m->self = tn_newref(self);
    return TN_OBJ(m);
}

static void method_dealloc(TnObject *self)
{
    TnBoundMethod *m = (TnBoundMethod *)self;
    TN_CLEAR(m->func);
    TN_CLEAR(m->self);
    tn_object_free(self);
}

/* No clear, as CPython's method: func and self are what a call needs; a
 * cycle through a bound method passes through one of them. */
static int method_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TnBoundMethod *m = (TnBoundMethod *)self;
    TN_VISIT(m->func);
    TN_VISIT(m->self);
    return 0;
}

/* Call func(self, *args): prepend self in a small stack buffer when it fits. */
static TnObject *method_call(TnObject *callable, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnBoundMethod *m = (TnBoundMethod *)callable;
    tn_ssize_t total = nargs + (kwnames != NULL ? tn_tuple_size(kwnames) : 0);
    TnObject *small[8];
    TnObject **buf = small;
    if (total + 1 > 8) {
        buf = tn_mem_alloc(sizeof(TnObject *) * (size_t)(total + 1));
        if (buf == NULL)
            return tn_err_no_memory();
    }
    buf[0] = m->self;
    if (total > 0)
        memcpy(buf + 1, args, sizeof(TnObject *) * (size_t)total);
    TnObject *res = tn_call(m->func, buf, nargs + 1, kwnames);
    if (buf != small)
        tn_mem_free(buf);
    return res;
}

static TnObject *method_repr(TnObject *self)
{
    TnBoundMethod *m = (TnBoundMethod *)self;
    TnObject *name = tn_object_getattr_cstr(m->func, "__qualname__");
    if (name == NULL)
        return NULL;
    TnObject *res = tn_str_from_format("<bound method %U of %R>", name, m->self);
    tn_decref(name);
    return res;
}

static TnObject *method_get_func(TnObject *self, void *c) { return tn_newref(((TnBoundMethod *)self)->func); }
static TnObject *method_get_self(TnObject *self, void *c) { return tn_newref(((TnBoundMethod *)self)->self); }

static TnObject *method_get_doc(TnObject *self, void *c)
{
    return tn_object_getattr_cstr(((TnBoundMethod *)self)->func, "__doc__");
}

static const TnGetSetDef method_getsets[] = {
    {"__func__", method_get_func, NULL, NULL, NULL},
    {"__self__", method_get_self, NULL, NULL, NULL},
    {"__doc__", method_get_doc, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* The method type's own attributes, then the function's (m.__name__,
 * m.__doc__, m.__isabstractmethod__ ...), as CPython's method_getattro. */
static TnObject *method_getattro(TnObject *self, TnObject *name)
{
    TnObject *descr = tn_type_lookup(tn_type(self), name);
    if (descr != NULL) {
        tn_descrgetfunc get = tn_type(descr)->descr_get;
        return get != NULL ? get(descr, self, TN_OBJ(tn_type(self))) : tn_newref(descr);
    }
    return tn_object_getattr(((TnBoundMethod *)self)->func, name);
}

/* Bound methods are equal when their functions are equal and their selves
 * identical (CPython 3.8+); weakref.WeakMethod relies on it. */
static TnObject *method_richcompare(TnObject *a, TnObject *b, int op)
{
    if ((op != TN_EQ && op != TN_NE) || tn_type(a) != &tn_type_method || tn_type(b) != &tn_type_method)
        return tn_newref(TN_NOTIMPLEMENTED);
    TnBoundMethod *x = (TnBoundMethod *)a, *y = (TnBoundMethod *)b;
    int eq = tn_object_richcompare_bool(x->func, y->func, TN_EQ);
    if (eq < 0)
        return NULL;
    eq = eq && x->self == y->self;
    return tn_newref((eq != 0) == (op == TN_EQ) ? TN_TRUE : TN_FALSE);
}

/* Consistent with the equality above (CPython's method_hash). */
static tn_hash_t method_hash(TnObject *self)
{
    TnBoundMethod *m = (TnBoundMethod *)self;
    tn_hash_t y = tn_object_hash(m->func);
    if (y == -1)
        return -1;
    tn_hash_t x = tn_hash_pointer(m->self) ^ y;
    return x == -1 ? -2 : x;
}

/* types.MethodType(function, instance): what weakref.WeakMethod calls to
 * rebuild the bound method (CPython's method_new). */
static TnObject *method_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("method", kwnames) < 0 || tn_args_count("method", nargs, 2, 2) < 0)
        return NULL;
    if (!tn_callable_check(args[0]))
        return tn_err_format(&tn_exc_TypeError, "first argument must be callable");
    if (args[1] == TN_NONE)
        return tn_err_format(&tn_exc_TypeError, "instance must not be None");
    return tn_method_new(args[0], args[1]);
}

TnType tn_type_method = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "method",
    .weaklistoffset = offsetof(TnBoundMethod, weaklist),
    .basicsize = sizeof(TnBoundMethod),
    .flags = TN_TPFLAGS_HAVE_GC,
    .dealloc = method_dealloc,
    .repr = method_repr,
    .call = method_call,
    .getattro = method_getattro,
    .getsets = method_getsets,
    .richcompare = method_richcompare,
    .hash = method_hash,
    .new_ = method_new,
    .traverse = method_traverse,
};

/* ---- cell ---------------------------------------------------------------- */

TnObject *tn_cell_new(TnObject *value)
{
    TnCell *c = (TnCell *)tn_object_new(&tn_type_cell, sizeof(TnCell));
    if (c == NULL)
        return NULL;
    c->ref = tn_xnewref(value);
    return TN_OBJ(c);
}

TnObject *tn_cell_get_ref(TnObject *cell)
{
    TnObject *v;
    TN_BEGIN_CRITICAL_SECTION(cell);
    v = tn_xnewref(((TnCell *)cell)->ref);
    TN_END_CRITICAL_SECTION();
    return v;
}

/* The old reference is returned, not dropped here: its destructor may run
 * arbitrary code, which must not happen inside the cell's section. */
TnObject *tn_cell_swap_steal(TnObject *cell, TnObject *value_steal)
{
    TnObject *old;
    TN_BEGIN_CRITICAL_SECTION(cell);
    old = ((TnCell *)cell)->ref;
    ((TnCell *)cell)->ref = value_steal;
    TN_END_CRITICAL_SECTION();
    return old;
}

static void cell_dealloc(TnObject *self)
{
    TN_CLEAR(((TnCell *)self)->ref);
    tn_object_free(self);
}

static int cell_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TN_VISIT(((TnCell *)self)->ref);
    return 0;
}

/* An emptied cell reads as an unbound free variable. */
static int cell_clear(TnObject *self)
{
    tn_xdecref(tn_cell_swap_steal(self, NULL));
    return 0;
}

static TnObject *cell_repr(TnObject *self)
{
    TnObject *v = tn_cell_get_ref(self);
    if (v == NULL)
        return tn_str_from_format("<cell at %p: empty>", (void *)self);
    TnObject *r = tn_str_from_format("<cell at %p: %T object at %p>", (void *)self, v, (void *)v);
    tn_decref(v);
    return r;
}

static TnObject *cell_get_contents(TnObject *self, void *c)
{
    TnObject *v = tn_cell_get_ref(self);
    if (v == NULL)
        return tn_err_format(&tn_exc_ValueError, "Cell is empty");
    return v;
}

static const TnGetSetDef cell_getsets[] = {
    {"cell_contents", cell_get_contents, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TnType tn_type_cell = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "cell",
    .basicsize = sizeof(TnCell),
    .flags = TN_TPFLAGS_HAVE_GC,
    .dealloc = cell_dealloc,
    .repr = cell_repr,
    .getsets = cell_getsets,
    .new_ = tn_type_new_not_allowed,
    .traverse = cell_traverse,
    .clear = cell_clear,
};

/* ---- method_descriptor: list.append ---------------------------------------- */

TnObject *tn_method_descr_new(TnType *owner, const TnMethodDef *def)
{
    TnType *tp = (def->flags & TN_METH_CLASS) ? &tn_type_classmethod_descr : &tn_type_method_descr;
    TnMethodDescr *d = (TnMethodDescr *)tn_object_new(tp, sizeof(TnMethodDescr));
    if (d == NULL)
        return NULL;
    d->def = def;
    d->owner = owner;   /* static types are immortal: no reference needed */
    return TN_OBJ(d);
}

static void descr_dealloc(TnObject *self)
{
    tn_object_free(self);
}

static int descr_check_self(TnMethodDescr *d, TnObject *self)
{
    if (!tn_object_type_check(self, d->owner)) {
        tn_err_format(&tn_exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%T' object",
                      d->def->name, d->owner->name, self);
        return -1;
    }
    return 0;
}

/* Unbound call: list.append(lst, x) — args[0] is self. */
static TnObject *method_descr_call(TnObject *callable, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnMethodDescr *d = (TnMethodDescr *)callable;
    if (nargs < 1)
        return tn_err_format(&tn_exc_TypeError, "unbound method %s.%s() needs an argument",
                             d->owner->name, d->def->name);
    if (descr_check_self(d, args[0]) < 0)
        return NULL;
    if (tn_enter_recursive_call(" while calling a Python object") < 0)
        return NULL;
    TnObject *res = d->def->meth(args[0], args + 1, nargs - 1, kwnames);
    tn_leave_recursive_call();
    return res;
}

static TnObject *method_descr_get(TnObject *self, TnObject *obj, TnObject *type)
{
    TnMethodDescr *d = (TnMethodDescr *)self;
    if (obj == NULL)
        return tn_newref(self);
    if (descr_check_self(d, obj) < 0)
        return NULL;
    return tn_cfunction_new(d->def, obj, NULL);
}

static TnObject *method_descr_repr(TnObject *self)
{
    TnMethodDescr *d = (TnMethodDescr *)self;
    return tn_str_from_format("<method '%s' of '%s' objects>", d->def->name, d->owner->name);
}

static TnObject *descr_get_name(TnObject *self, void *c)
{
    return tn_str_from_cstr(((TnMethodDescr *)self)->def->name);
}

static const TnGetSetDef descr_getsets[] = {
    {"__name__", descr_get_name, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TnType tn_type_method_descr = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "method_descriptor",
    .basicsize = sizeof(TnMethodDescr),
    .flags = TN_TPFLAGS_METHOD_DESCRIPTOR,
    .dealloc = descr_dealloc,
    .repr = method_descr_repr,
    .call = method_descr_call,
    .descr_get = method_descr_get,
    .getsets = descr_getsets,
    .new_ = tn_type_new_not_allowed,
};

/* classmethod_descriptor: dict.fromkeys — binds to the class. */
static TnObject *classmethod_descr_get(TnObject *self, TnObject *obj, TnObject *type)
{
    TnMethodDescr *d = (TnMethodDescr *)self;
    if (type == NULL)
        type = TN_OBJ(tn_type(obj));
    return tn_cfunction_new(d->def, type, NULL);
}

static TnObject *classmethod_descr_call(TnObject *callable, TnObject *const *args, tn_ssize_t nargs,
                                        TnObject *kwnames)
{
    TnMethodDescr *d = (TnMethodDescr *)callable;
    if (nargs < 1 || !tn_object_type_check(args[0], &tn_type_type))
        return tn_err_format(&tn_exc_TypeError, "descriptor '%s' for type '%s' needs a type, not a '%T' as arg 2",
                             d->def->name, d->owner->name, nargs < 1 ? TN_NONE : args[0]);
    return d->def->meth(args[0], args + 1, nargs - 1, kwnames);
}

static TnObject *classmethod_descr_repr(TnObject *self)
{
    TnMethodDescr *d = (TnMethodDescr *)self;
    return tn_str_from_format("<method '%s' of '%s' objects>", d->def->name, d->owner->name);
}

TnType tn_type_classmethod_descr = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "classmethod_descriptor",
    .basicsize = sizeof(TnMethodDescr),
    .dealloc = descr_dealloc,
    .repr = classmethod_descr_repr,
    .call = classmethod_descr_call,
    .descr_get = classmethod_descr_get,
    .getsets = descr_getsets,
    .new_ = tn_type_new_not_allowed,
};

/* ---- getset_descriptor ------------------------------------------------------ */

TnObject *tn_getset_descr_new(TnType *owner, const TnGetSetDef *def)
{
    TnGetSetDescr *d = (TnGetSetDescr *)tn_object_new(&tn_type_getset_descr, sizeof(TnGetSetDescr));
    if (d == NULL)
        return NULL;
    d->def = def;
    d->owner = owner;
    return TN_OBJ(d);
}

static TnObject *getset_descr_get(TnObject *self, TnObject *obj, TnObject *type)
{
    TnGetSetDescr *d = (TnGetSetDescr *)self;
    if (obj == NULL)
        return tn_newref(self);
    if (!tn_object_type_check(obj, d->owner))
        return tn_err_format(&tn_exc_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%T' object",
                             d->def->name, d->owner->name, obj);
    return d->def->get(obj, d->def->closure);
}

static int getset_descr_set(TnObject *self, TnObject *obj, TnObject *value)
{
    TnGetSetDescr *d = (TnGetSetDescr *)self;
    if (d->def->set == NULL) {
        tn_err_format(&tn_exc_AttributeError, "attribute '%s' of '%s' objects is not writable",
                      d->def->name, d->owner->name);
        return -1;
    }
    return d->def->set(obj, value, d->def->closure);
}

static TnObject *getset_descr_repr(TnObject *self)
{
    TnGetSetDescr *d = (TnGetSetDescr *)self;
    return tn_str_from_format("<attribute '%s' of '%s' objects>", d->def->name, d->owner->name);
}

TnType tn_type_getset_descr = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "getset_descriptor",
    .basicsize = sizeof(TnGetSetDescr),
    .dealloc = descr_dealloc,
    .repr = getset_descr_repr,
    .descr_get = getset_descr_get,
    .descr_set = getset_descr_set,
    .new_ = tn_type_new_not_allowed,
};
