/* core/objects/slots.c — special methods and type slots, both ways.
 *
 * The table `slotdefs` lists every special method this interpreter
 * dispatches through a slot.  For builtin types, tn_slots_add_wrappers puts
 * a wrapper descriptor ("slot wrapper") in the type dict for every filled
 * slot.  For classes written in Python, tn_slots_fixup points each slot at a
 * generic function that looks the dunder up on the type and calls it — or,
 * when the MRO only offers a builtin's slot wrapper, straight at that C slot.
  *
 * Design note: docs/classes.md.
 */
#include "core/tn.h"
#include "core/objects/slots.h"
#include "core/objects/class.h"

/* ---- the table ------------------------------------------------------------- */

enum { IN_TYPE, IN_NB, IN_SQ, IN_MP };

enum {
    K_UNARY, K_BINARY, K_BINARY_R, K_POW, K_POW_R, K_INQUIRY, K_LEN, K_HASH, K_RICHCMP,
    K_GETATTR, K_SETATTR, K_DELATTR, K_CALL, K_NEXT, K_SETITEM, K_DELITEM, K_CONTAINS,
    K_DESCR_GET, K_DESCR_SET, K_DESCR_DELETE, K_SQ_ITEM, K_INIT, K_NEW, K_SQ_REPEAT, K_FINALIZE
};

typedef struct SlotDef {
    const char *name;
    uint8_t where;
    uint16_t offset;
    uint8_t kind;
    int8_t op;              /* comparison operator for K_RICHCMP */
    void *heap_func;        /* the generic slot function for Python classes */
} SlotDef;

/* A builtin's C slot as a descriptor in its type dict ("slot wrapper"). */
typedef struct TnWrapperDescr {
    TnObject ob;
    const SlotDef *def;
    TnType *owner;
    void *wrapped;          /* the owner's C slot function */
} TnWrapperDescr;

static void **slot_location(TnType *tp, const SlotDef *d)
{
    switch (d->where) {
    case IN_TYPE: return (void **)((char *)tp + d->offset);
    case IN_NB: return tp->as_number ? (void **)((char *)tp->as_number + d->offset) : NULL;
    case IN_SQ: return tp->as_sequence ? (void **)((char *)tp->as_sequence + d->offset) : NULL;
    default: return tp->as_mapping ? (void **)((char *)tp->as_mapping + d->offset) : NULL;
    }
}

static void *slot_value(TnType *tp, const SlotDef *d)
{
    void **p = slot_location(tp, d);
    return p != NULL ? *p : NULL;
}

/* ---- calling special methods found on the type ------------------------------------ */

/* Look name up on type(self) and call it with self first.  *found is set
 * to false (and NULL returned without error) when the type lacks it. */
static TnObject *call_special(TnObject *self, const char *name, TnObject *const *args, tn_ssize_t nargs,
                              bool *found)
{
    TnObject *n = tn_str_intern_cstr(name);
    TnObject *meth = n != NULL ? tn_type_lookup(tn_type(self), n) : NULL;
    if (found != NULL)
        *found = meth != NULL;
    if (meth == NULL)
        return NULL;
    TnObject *small[4];
    TnObject **buf = small;
    if (nargs + 1 > 4) {
        buf = tn_mem_alloc(sizeof(TnObject *) * (size_t)(nargs + 1));
        if (buf == NULL)
            return tn_err_no_memory();
    }
    buf[0] = self;
    for (tn_ssize_t i = 0; i < nargs; i++)
        buf[i + 1] = args[i];
    TnObject *res;
    if (tn_type(meth)->flags & TN_TPFLAGS_METHOD_DESCRIPTOR) {
        tn_incref(meth);
        res = tn_call(meth, buf, nargs + 1, NULL);
        tn_decref(meth);
    } else {
        /* staticmethod, classmethod, callables with __get__: bind first. */
        tn_descrgetfunc get = tn_type(meth)->descr_get;
        TnObject *bound = get != NULL ? get(meth, self, TN_OBJ(tn_type(self))) : tn_newref(meth);
        res = bound != NULL ? tn_call(bound, args, nargs, NULL) : NULL;
        tn_xdecref(bound);
    }
    if (buf != small)
        tn_mem_free(buf);
    return res;
}

static TnObject *call0(TnObject *self, const char *name)
{
    bool found;
    TnObject *r = call_special(self, name, NULL, 0, &found);
    if (!found)
        return tn_err_format(&tn_exc_AttributeError, "'%T' object has no attribute '%s'", self, name);
    return r;
}

static TnObject *call1(TnObject *self, const char *name, TnObject *arg)
{
    bool found;
    TnObject *r = call_special(self, name, &arg, 1, &found);
    if (!found)
        return tn_err_format(&tn_exc_AttributeError, "'%T' object has no attribute '%s'", self, name);
    return r;
}

/* ---- generic slot functions for Python classes ---------------------------------- */

/* PEP 442 (TnType.finalize): a class's __del__, which tn_dealloc or the
 * collector calls at most once.  An error is reported, as CPython does, as
 * "Exception ignored in: <function C.__del__ ...>" and goes no further. */
static void slot_tp_finalize(TnObject *self)
{
    TnObject *name = tn_str_intern_cstr("__del__");
    TnObject *del = name != NULL ? tn_type_lookup(tn_type(self), name) : NULL;
    if (del == NULL) {
        tn_err_clear();
        return;
    }
    tn_incref(del);
    TnObject *r = call_special(self, "__del__", NULL, 0, NULL);
    if (r == NULL)
        tn_err_write_unraisable(NULL, del);
    tn_xdecref(r);
    tn_decref(del);
}

static TnObject *slot_tp_repr(TnObject *self) { return call0(self, "__repr__"); }
static TnObject *slot_tp_str(TnObject *self) { return call0(self, "__str__"); }

static tn_hash_t slot_tp_hash(TnObject *self)
{
    TnObject *r = call0(self, "__hash__");
    if (r == NULL)
        return -1;
    if (!tn_int_check(r)) {
        tn_decref(r);
        tn_err_set_str(&tn_exc_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    /* A word-sized result is used as is (-1 becomes -2); bigger ones are
     * reduced the way int's own hash reduces them (CPython's slot_tp_hash). */
    int overflow;
    int64_t v = tn_int_as_i64(r, &overflow);
    tn_hash_t h = overflow ? tn_object_hash(r) : (tn_hash_t)v;
    tn_decref(r);
    return h == -1 && !tn_err_occurred() ? -2 : h;
}

static const char *const richcmp_names[6] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};

static TnObject *slot_tp_richcompare(TnObject *self, TnObject *other, int op)
{
    bool found;
    TnObject *r = call_special(self, richcmp_names[op], &other, 1, &found);
    if (!found)
        return tn_newref(TN_NOTIMPLEMENTED);
    return r;
}

static TnObject *slot_tp_call(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnObject *meth = tn_type_lookup(tn_type(self), tn_str_intern_cstr("__call__"));
    if (meth == NULL)
        return tn_err_format(&tn_exc_TypeError, "'%T' object is not callable", self);
    tn_descrgetfunc get = tn_type(meth)->descr_get;
    TnObject *bound = get != NULL ? get(meth, self, TN_OBJ(tn_type(self))) : tn_newref(meth);
    if (bound == NULL)
        return NULL;
    /* __call__ may itself be an instance of a class with __call__ (even of
     * this one): count each level, with CPython's message, instead of
     * recursing in C without end. */
    TnObject *res = NULL;
    if (tn_enter_recursive_call(" while calling a Python object") == 0) {
        res = tn_call(bound, args, nargs, kwnames);
        tn_leave_recursive_call();
    }
    tn_decref(bound);
    return res;
}

static TnObject *slot_tp_iter(TnObject *self)
{
    TnObject *meth = tn_type_lookup(tn_type(self), tn_str_intern_cstr("__iter__"));
    if (meth == TN_NONE)
        return tn_err_format(&tn_exc_TypeError, "'%T' object is not iterable", self);
    return call0(self, "__iter__");
}

static TnObject *slot_tp_iternext(TnObject *self) { return call0(self, "__next__"); }

/* __getattribute__ then, on AttributeError, __getattr__. */
static TnObject *slot_tp_getattr_hook(TnObject *self, TnObject *name)
{
    TnType *tp = tn_type(self);
    TnObject *getattribute = tn_type_lookup(tp, tn_str_intern_cstr("__getattribute__"));
    TnObject *getattr = tn_type_lookup(tp, tn_str_intern_cstr("__getattr__"));
    TnObject *res;
    if (getattribute == NULL)
        res = tn_object_generic_getattr(self, name);
    else if (tn_slots_is_wrapper(getattribute))
        /* A builtin's own lookup: object's, or type's for a metaclass. */
        res = ((tn_getattrofunc)((TnWrapperDescr *)getattribute)->wrapped)(self, name);
    else
        res = call1(self, "__getattribute__", name);
    if (res == NULL && getattr != NULL && tn_err_matches(&tn_exc_AttributeError)) {
        tn_err_clear();
        res = call1(self, "__getattr__", name);
    }
    return res;
}

static int slot_tp_setattro(TnObject *self, TnObject *name, TnObject *value)
{
    TnObject *r;
    if (value == NULL) {
        r = call1(self, "__delattr__", name);
    } else {
        TnObject *args[2] = {name, value};
        bool found;
        r = call_special(self, "__setattr__", args, 2, &found);
    }
    if (r == NULL)
        return -1;
    tn_decref(r);
    return 0;
}

/* type(self).__get__(self, obj, type), called as found, not bound first
 * (CPython's slot_tp_descr_get): binding would ask the __get__ of whatever
 * __get__ is, and an instance of this very class as __get__ would recurse
 * in C without end.  No __get__ left (deleted): self itself. */
static TnObject *slot_tp_descr_get(TnObject *self, TnObject *obj, TnObject *type)
{
    TnObject *get = tn_type_lookup(tn_type(self), tn_str_intern_cstr("__get__"));
    if (get == NULL)
        return tn_newref(self);
    TnObject *args[3] = {self, obj != NULL ? obj : TN_NONE, type != NULL ? type : TN_NONE};
    tn_incref(get);
    TnObject *res = tn_call(get, args, 3, NULL);
    tn_decref(get);
    return res;
}

static int slot_tp_descr_set(TnObject *self, TnObject *obj, TnObject *value)
{
    TnObject *r;
    bool found;
    if (value == NULL) {
        r = call_special(self, "__delete__", &obj, 1, &found);
        if (!found)
            tn_err_set_str(&tn_exc_AttributeError, "__delete__");
    } else {
        TnObject *args[2] = {obj, value};
        r = call_special(self, "__set__", args, 2, &found);
        if (!found)
            tn_err_set_str(&tn_exc_AttributeError, "__set__");
    }
    if (r == NULL)
        return -1;
    tn_decref(r);
    return 0;
}

static tn_ssize_t slot_len(TnObject *self)
{
    TnObject *r = call0(self, "__len__");
    if (r == NULL)
        return -1;
    if (!tn_int_check(r)) {
        tn_err_format(&tn_exc_TypeError, "'%T' object cannot be interpreted as an integer", r);
        tn_decref(r);
        return -1;
    }
    tn_ssize_t n = tn_number_as_ssize(r, &tn_exc_OverflowError);
    tn_decref(r);
    if (n < 0 && !tn_err_occurred()) {
        tn_err_set_str(&tn_exc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    return n;
}

static TnObject *slot_mp_subscript(TnObject *self, TnObject *key) { return call1(self, "__getitem__", key); }

static TnObject *slot_sq_item(TnObject *self, tn_ssize_t i)
{
    TnObject *idx = tn_int_from_ssize(i);
    if (idx == NULL)
        return NULL;
    TnObject *r = call1(self, "__getitem__", idx);
    tn_decref(idx);
    return r;
}

static int slot_mp_ass_subscript(TnObject *self, TnObject *key, TnObject *value)
{
    TnObject *r;
    if (value == NULL) {
        r = call1(self, "__delitem__", key);
    } else {
        TnObject *args[2] = {key, value};
        bool found;
        r = call_special(self, "__setitem__", args, 2, &found);
        if (!found)
            tn_err_format(&tn_exc_TypeError, "'%T' object does not support item assignment", self);
    }
    if (r == NULL)
        return -1;
    tn_decref(r);
    return 0;
}

static int slot_sq_contains(TnObject *self, TnObject *item)
{
    bool found;
    TnObject *r = call_special(self, "__contains__", &item, 1, &found);
    if (!found) {
        /* Fall back to iteration, as `in` does without __contains__. */
        TnObject *it = tn_object_get_iter(self);
        if (it == NULL)
            return -1;
        int res = 0;
        TnObject *v;
        while ((v = tn_iter_next(it)) != NULL) {
            res = tn_object_richcompare_bool(v, item, TN_EQ);
            tn_decref(v);
            if (res != 0)
                break;
        }
        tn_decref(it);
        return res == 0 && tn_err_occurred() ? -1 : res;
    }
    if (r == NULL)
        return -1;
    int t = tn_object_is_true(r);
    tn_decref(r);
    return t;
}

static int slot_nb_bool(TnObject *self)
{
    bool found;
    TnObject *r = call_special(self, "__bool__", NULL, 0, &found);
    if (!found) {
        tn_ssize_t n = slot_len(self);
        return n < 0 ? -1 : n > 0;
    }
    if (r == NULL)
        return -1;
    if (!tn_bool_check(r)) {
        tn_err_format(&tn_exc_TypeError, "__bool__ should return bool, returned %T", r);
        tn_decref(r);
        return -1;
    }
    int t = r == TN_TRUE;
    tn_decref(r);
    return t;
}

/* Binary operators, CPython's SLOT1BINFULL: called as the slot of either
 * operand's type.  The left operand's __op__ runs first, unless the right
 * operand's type is a subclass that overrides __rop__. */
static TnObject *binary_slot(TnObject *a, TnObject *b, const char *op, const char *rop, void *self_fn,
                             size_t nb_offset)
{
    TnType *ta = tn_type(a), *tb = tn_type(b);
    SlotDef d = {op, IN_NB, (uint16_t)nb_offset, K_BINARY, -1, NULL};
    bool a_uses = slot_value(ta, &d) == self_fn;
    bool do_other = ta != tb && slot_value(tb, &d) == self_fn;
    TnObject *rname = tn_str_intern_cstr(rop);
    if (a_uses) {
        if (do_other && tn_type_is_subtype(tb, ta)) {
            TnObject *ra = tn_type_lookup(tb, rname), *rb = tn_type_lookup(ta, rname);
            if (ra != NULL && ra != rb) {
                bool found;
                TnObject *r = call_special(b, rop, &a, 1, &found);
                if (r != TN_NOTIMPLEMENTED || !found)
                    return found ? r : tn_newref(TN_NOTIMPLEMENTED);
                tn_decref(r);
                do_other = false;
            }
        }
        bool found;
        TnObject *r = call_special(a, op, &b, 1, &found);
        if (!found)
            r = tn_newref(TN_NOTIMPLEMENTED);
        if (r != TN_NOTIMPLEMENTED || ta == tb)
            return r;
        tn_decref(r);
    }
    if (do_other || !a_uses) {
        bool found;
        TnObject *r = call_special(b, rop, &a, 1, &found);
        return found ? r : tn_newref(TN_NOTIMPLEMENTED);
    }
    return tn_newref(TN_NOTIMPLEMENTED);
}

#define NB(member) offsetof(TnNumberMethods, member)
#define BINSLOT(fn, member, op, rop)                                         \
    static TnObject *fn(TnObject *a, TnObject *b)                            \
    {                                                                        \
        return binary_slot(a, b, op, rop, (void *)fn, NB(member));           \
    }
BINSLOT(slot_nb_add, add, "__add__", "__radd__")
BINSLOT(slot_nb_subtract, subtract, "__sub__", "__rsub__")
BINSLOT(slot_nb_multiply, multiply, "__mul__", "__rmul__")
BINSLOT(slot_nb_remainder, remainder, "__mod__", "__rmod__")
BINSLOT(slot_nb_divmod, divmod, "__divmod__", "__rdivmod__")
BINSLOT(slot_nb_lshift, lshift, "__lshift__", "__rlshift__")
BINSLOT(slot_nb_rshift, rshift, "__rshift__", "__rrshift__")
BINSLOT(slot_nb_and, and_, "__and__", "__rand__")
BINSLOT(slot_nb_xor, xor_, "__xor__", "__rxor__")
BINSLOT(slot_nb_or, or_, "__or__", "__ror__")
BINSLOT(slot_nb_floor_divide, floor_divide, "__floordiv__", "__rfloordiv__")
BINSLOT(slot_nb_true_divide, true_divide, "__truediv__", "__rtruediv__")
BINSLOT(slot_nb_matrix_multiply, matrix_multiply, "__matmul__", "__rmatmul__")

static TnObject *slot_nb_power(TnObject *a, TnObject *b, TnObject *mod);

/* a ** b: the power slot holds the ternary slot_nb_power, so that is the
 * function binary_slot must recognise on either operand's type. */
static TnObject *slot_nb_power_binary(TnObject *a, TnObject *b)
{
    return binary_slot(a, b, "__pow__", "__rpow__", (void *)slot_nb_power, NB(power));
}

static TnObject *slot_nb_power(TnObject *a, TnObject *b, TnObject *mod)
{
    if (mod == TN_NONE)
        return slot_nb_power_binary(a, b);
    /* Three-argument pow: only the left operand's __pow__ is tried. */
    TnObject *args[2] = {b, mod};
    bool found;
    TnObject *r = call_special(a, "__pow__", args, 2, &found);
    return found ? r : tn_newref(TN_NOTIMPLEMENTED);
}

#define INPLACESLOT(fn, name)                                                \
    static TnObject *fn(TnObject *a, TnObject *b)                            \
    {                                                                        \
        bool found;                                                          \
        TnObject *r = call_special(a, name, &b, 1, &found);                  \
        return found ? r : tn_newref(TN_NOTIMPLEMENTED);                     \
    }
INPLACESLOT(slot_nb_inplace_add, "__iadd__")
INPLACESLOT(slot_nb_inplace_subtract, "__isub__")
INPLACESLOT(slot_nb_inplace_multiply, "__imul__")
INPLACESLOT(slot_nb_inplace_remainder, "__imod__")
INPLACESLOT(slot_nb_inplace_lshift, "__ilshift__")
INPLACESLOT(slot_nb_inplace_rshift, "__irshift__")
INPLACESLOT(slot_nb_inplace_and, "__iand__")
INPLACESLOT(slot_nb_inplace_xor, "__ixor__")
INPLACESLOT(slot_nb_inplace_or, "__ior__")
INPLACESLOT(slot_nb_inplace_floor_divide, "__ifloordiv__")
INPLACESLOT(slot_nb_inplace_true_divide, "__itruediv__")
INPLACESLOT(slot_nb_inplace_matrix_multiply, "__imatmul__")

static TnObject *slot_nb_inplace_power(TnObject *a, TnObject *b, TnObject *mod)
{
    bool found;
    TnObject *r = call_special(a, "__ipow__", &b, 1, &found);
    return found ? r : tn_newref(TN_NOTIMPLEMENTED);
}

#define UNARYSLOT(fn, name) \
    static TnObject *fn(TnObject *a) { return call0(a, name); }
UNARYSLOT(slot_nb_negative, "__neg__")
UNARYSLOT(slot_nb_positive, "__pos__")
UNARYSLOT(slot_nb_absolute, "__abs__")
UNARYSLOT(slot_nb_invert, "__invert__")
UNARYSLOT(slot_nb_int, "__int__")
UNARYSLOT(slot_nb_float, "__float__")
UNARYSLOT(slot_nb_index, "__index__")

/* A Python class's constructor: its __new__ (a static method), found on the MRO. */
static TnObject *slot_tp_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnObject *fn = tn_type_lookup(type, tn_str_intern_cstr("__new__"));
    if (fn == NULL)
        return tn_err_format(&tn_exc_TypeError, "cannot create '%s' instances", tn_type_name(type));
    tn_ssize_t nkw = kwnames != NULL ? tn_tuple_size(kwnames) : 0;
    TnObject **buf = tn_mem_alloc(sizeof(TnObject *) * (size_t)(nargs + nkw + 1));
    if (buf == NULL)
        return tn_err_no_memory();
    buf[0] = TN_OBJ(type);
    for (tn_ssize_t i = 0; i < nargs + nkw; i++)
        buf[i + 1] = args[i];
    tn_incref(fn);
    /* __new__ is stored as a staticmethod; unwrap it to its function. */
    TnObject *callable = fn;
    if (tn_type(fn)->descr_get != NULL && !(tn_type(fn)->flags & TN_TPFLAGS_METHOD_DESCRIPTOR)
        && fn != TN_OBJ(&tn_type_object)) {
        callable = tn_type(fn)->descr_get(fn, NULL, TN_OBJ(type));
        tn_decref(fn);
        if (callable == NULL) {
            tn_mem_free(buf);
            return NULL;
        }
    }
    TnObject *res = tn_call(callable, buf, nargs + 1, kwnames);
    tn_decref(callable);
    tn_mem_free(buf);
    return res;
}

#define TP(member) offsetof(TnType, member)
#define SQ(member) offsetof(TnSequenceMethods, member)
#define MP(member) offsetof(TnMappingMethods, member)

static const SlotDef slotdefs[] = {
    {"__repr__", IN_TYPE, TP(repr), K_UNARY, -1, (void *)slot_tp_repr},
    {"__str__", IN_TYPE, TP(str), K_UNARY, -1, (void *)slot_tp_str},
    {"__hash__", IN_TYPE, TP(hash), K_HASH, -1, (void *)slot_tp_hash},
    {"__call__", IN_TYPE, TP(call), K_CALL, -1, (void *)slot_tp_call},
    {"__getattribute__", IN_TYPE, TP(getattro), K_GETATTR, -1, (void *)slot_tp_getattr_hook},
    {"__getattr__", IN_TYPE, TP(getattro), K_GETATTR, -1, (void *)slot_tp_getattr_hook},
    {"__setattr__", IN_TYPE, TP(setattro), K_SETATTR, -1, (void *)slot_tp_setattro},
    {"__delattr__", IN_TYPE, TP(setattro), K_DELATTR, -1, (void *)slot_tp_setattro},
    {"__lt__", IN_TYPE, TP(richcompare), K_RICHCMP, TN_LT, (void *)slot_tp_richcompare},
    {"__le__", IN_TYPE, TP(richcompare), K_RICHCMP, TN_LE, (void *)slot_tp_richcompare},
    {"__eq__", IN_TYPE, TP(richcompare), K_RICHCMP, TN_EQ, (void *)slot_tp_richcompare},
    {"__ne__", IN_TYPE, TP(richcompare), K_RICHCMP, TN_NE, (void *)slot_tp_richcompare},
    {"__gt__", IN_TYPE, TP(richcompare), K_RICHCMP, TN_GT, (void *)slot_tp_richcompare},
    {"__ge__", IN_TYPE, TP(richcompare), K_RICHCMP, TN_GE, (void *)slot_tp_richcompare},
    {"__iter__", IN_TYPE, TP(iter), K_UNARY, -1, (void *)slot_tp_iter},
    {"__next__", IN_TYPE, TP(iternext), K_NEXT, -1, (void *)slot_tp_iternext},
    {"__get__", IN_TYPE, TP(descr_get), K_DESCR_GET, -1, (void *)slot_tp_descr_get},
    {"__set__", IN_TYPE, TP(descr_set), K_DESCR_SET, -1, (void *)slot_tp_descr_set},
    {"__delete__", IN_TYPE, TP(descr_set), K_DESCR_DELETE, -1, (void *)slot_tp_descr_set},
    {"__new__", IN_TYPE, TP(new_), K_NEW, -1, (void *)slot_tp_new},
    {"__del__", IN_TYPE, TP(finalize), K_FINALIZE, -1, (void *)slot_tp_finalize},
    {"__len__", IN_MP, MP(length), K_LEN, -1, (void *)slot_len},
    {"__len__", IN_SQ, SQ(length), K_LEN, -1, (void *)slot_len},
    {"__getitem__", IN_MP, MP(subscript), K_BINARY, -1, (void *)slot_mp_subscript},
    {"__getitem__", IN_SQ, SQ(item), K_SQ_ITEM, -1, (void *)slot_sq_item},
    {"__setitem__", IN_MP, MP(ass_subscript), K_SETITEM, -1, (void *)slot_mp_ass_subscript},
    {"__delitem__", IN_MP, MP(ass_subscript), K_DELITEM, -1, (void *)slot_mp_ass_subscript},
    {"__contains__", IN_SQ, SQ(contains), K_CONTAINS, -1, (void *)slot_sq_contains},
    {"__bool__", IN_NB, NB(bool_), K_INQUIRY, -1, (void *)slot_nb_bool},
    {"__add__", IN_NB, NB(add), K_BINARY, -1, (void *)slot_nb_add},
    {"__radd__", IN_NB, NB(add), K_BINARY_R, -1, (void *)slot_nb_add},
    {"__sub__", IN_NB, NB(subtract), K_BINARY, -1, (void *)slot_nb_subtract},
    {"__rsub__", IN_NB, NB(subtract), K_BINARY_R, -1, (void *)slot_nb_subtract},
    {"__mul__", IN_NB, NB(multiply), K_BINARY, -1, (void *)slot_nb_multiply},
    {"__rmul__", IN_NB, NB(multiply), K_BINARY_R, -1, (void *)slot_nb_multiply},
    {"__mod__", IN_NB, NB(remainder), K_BINARY, -1, (void *)slot_nb_remainder},
    {"__rmod__", IN_NB, NB(remainder), K_BINARY_R, -1, (void *)slot_nb_remainder},
    {"__divmod__", IN_NB, NB(divmod), K_BINARY, -1, (void *)slot_nb_divmod},
    {"__rdivmod__", IN_NB, NB(divmod), K_BINARY_R, -1, (void *)slot_nb_divmod},
    {"__pow__", IN_NB, NB(power), K_POW, -1, (void *)slot_nb_power},
    {"__rpow__", IN_NB, NB(power), K_POW_R, -1, (void *)slot_nb_power},
    {"__lshift__", IN_NB, NB(lshift), K_BINARY, -1, (void *)slot_nb_lshift},
    {"__rlshift__", IN_NB, NB(lshift), K_BINARY_R, -1, (void *)slot_nb_lshift},
    {"__rshift__", IN_NB, NB(rshift), K_BINARY, -1, (void *)slot_nb_rshift},
    {"__rrshift__", IN_NB, NB(rshift), K_BINARY_R, -1, (void *)slot_nb_rshift},
    {"__and__", IN_NB, NB(and_), K_BINARY, -1, (void *)slot_nb_and},
    {"__rand__", IN_NB, NB(and_), K_BINARY_R, -1, (void *)slot_nb_and},
    {"__xor__", IN_NB, NB(xor_), K_BINARY, -1, (void *)slot_nb_xor},
    {"__rxor__", IN_NB, NB(xor_), K_BINARY_R, -1, (void *)slot_nb_xor},
    {"__or__", IN_NB, NB(or_), K_BINARY, -1, (void *)slot_nb_or},
    {"__ror__", IN_NB, NB(or_), K_BINARY_R, -1, (void *)slot_nb_or},
    {"__floordiv__", IN_NB, NB(floor_divide), K_BINARY, -1, (void *)slot_nb_floor_divide},
    {"__rfloordiv__", IN_NB, NB(floor_divide), K_BINARY_R, -1, (void *)slot_nb_floor_divide},
    {"__truediv__", IN_NB, NB(true_divide), K_BINARY, -1, (void *)slot_nb_true_divide},
    {"__rtruediv__", IN_NB, NB(true_divide), K_BINARY_R, -1, (void *)slot_nb_true_divide},
    {"__matmul__", IN_NB, NB(matrix_multiply), K_BINARY, -1, (void *)slot_nb_matrix_multiply},
    {"__rmatmul__", IN_NB, NB(matrix_multiply), K_BINARY_R, -1, (void *)slot_nb_matrix_multiply},
    {"__iadd__", IN_NB, NB(inplace_add), K_BINARY, -1, (void *)slot_nb_inplace_add},
    {"__isub__", IN_NB, NB(inplace_subtract), K_BINARY, -1, (void *)slot_nb_inplace_subtract},
    {"__imul__", IN_NB, NB(inplace_multiply), K_BINARY, -1, (void *)slot_nb_inplace_multiply},
    {"__imod__", IN_NB, NB(inplace_remainder), K_BINARY, -1, (void *)slot_nb_inplace_remainder},
    {"__ipow__", IN_NB, NB(inplace_power), K_POW, -1, (void *)slot_nb_inplace_power},
    {"__ilshift__", IN_NB, NB(inplace_lshift), K_BINARY, -1, (void *)slot_nb_inplace_lshift},
    {"__irshift__", IN_NB, NB(inplace_rshift), K_BINARY, -1, (void *)slot_nb_inplace_rshift},
    {"__iand__", IN_NB, NB(inplace_and), K_BINARY, -1, (void *)slot_nb_inplace_and},
    {"__ixor__", IN_NB, NB(inplace_xor), K_BINARY, -1, (void *)slot_nb_inplace_xor},
    {"__ior__", IN_NB, NB(inplace_or), K_BINARY, -1, (void *)slot_nb_inplace_or},
    {"__ifloordiv__", IN_NB, NB(inplace_floor_divide), K_BINARY, -1, (void *)slot_nb_inplace_floor_divide},
    {"__itruediv__", IN_NB, NB(inplace_true_divide), K_BINARY, -1, (void *)slot_nb_inplace_true_divide},
    {"__imatmul__", IN_NB, NB(inplace_matrix_multiply), K_BINARY, -1, (void *)slot_nb_inplace_matrix_multiply},
    /* Sequence forms of + and *: builtins expose them as __add__/__mul__
     * when they have no numeric slot; Python classes use the numeric ones. */
    {"__add__", IN_SQ, SQ(concat), K_BINARY, -1, NULL},
    {"__mul__", IN_SQ, SQ(repeat), K_SQ_REPEAT, -1, NULL},
    {"__rmul__", IN_SQ, SQ(repeat), K_SQ_REPEAT, -1, NULL},
    {"__iadd__", IN_SQ, SQ(inplace_concat), K_BINARY, -1, NULL},
    {"__imul__", IN_SQ, SQ(inplace_repeat), K_SQ_REPEAT, -1, NULL},
    {"__neg__", IN_NB, NB(negative), K_UNARY, -1, (void *)slot_nb_negative},
    {"__pos__", IN_NB, NB(positive), K_UNARY, -1, (void *)slot_nb_positive},
    {"__abs__", IN_NB, NB(absolute), K_UNARY, -1, (void *)slot_nb_absolute},
    {"__invert__", IN_NB, NB(invert), K_UNARY, -1, (void *)slot_nb_invert},
    {"__int__", IN_NB, NB(int_), K_UNARY, -1, (void *)slot_nb_int},
    {"__float__", IN_NB, NB(float_), K_UNARY, -1, (void *)slot_nb_float},
    {"__index__", IN_NB, NB(index), K_UNARY, -1, (void *)slot_nb_index},
    {NULL, 0, 0, 0, 0, NULL},
};

/* ---- wrapper descriptors: C slots callable from Python -------------------------- */


bool tn_slots_is_wrapper(TnObject *attr)
{
    return attr != NULL && tn_type(attr) == &tn_type_wrapper_descr;
}

static int expect_args(const SlotDef *d, tn_ssize_t nargs, tn_ssize_t want, TnObject *kwnames)
{
    if (kwnames != NULL && tn_tuple_size(kwnames) > 0) {
        tn_err_format(&tn_exc_TypeError, "wrapper %s() takes no keyword arguments", d->name);
        return -1;
    }
    if (nargs != want) {
        tn_err_format(&tn_exc_TypeError, "expected %zd argument%s, got %zd", want, want == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

static TnObject *bool_or_error(int r)
{
    return r < 0 ? NULL : tn_bool_from(r);
}

static TnObject *none_or_error(int r)
{
    return r < 0 ? NULL : tn_newref(TN_NONE);
}

/* object.__setattr__(cls, ...) must not bypass type's own setattr, nor any
 * other C-level override between the wrapper's type and self's type
 * (CPython's hackcheck).  0, or -1 with TypeError. */
static int check_setattr_target(TnObject *self, void *func, const char *what)
{
    TnType *type = tn_type(self);
    TnObject *mro = type->mro;
    if (mro == NULL)
        return 0;
    /* The type on the MRO whose C setattr the object's type uses. */
    TnType *defining = type;
    for (tn_ssize_t i = tn_tuple_size(mro) - 1; i >= 0; i--) {
        TnType *base = (TnType *)tn_tuple_get(mro, i);
        if (base->setattro != slot_tp_setattro && base->setattro == type->setattro) {
            defining = base;
            break;
        }
    }
    for (TnType *base = defining; base != NULL; base = base->base) {
        if ((void *)base->setattro == func)
            return 0;
        if (base->setattro != slot_tp_setattro) {
            tn_err_format(&tn_exc_TypeError, "can't apply this %s to %s object", what, tn_type_name(type));
            return -1;
        }
    }
    return 0;
}

/* Call the wrapped C slot for self with the Python-level arguments. */
/* object.__getattribute__(o, 5): the attribute slots assume a str name
 * (they format it with %U), so the wrapper checks it, as CPython's
 * generic getattr does. */
static int check_attr_name(TnObject *name)
{
    if (tn_str_check(name))
        return 0;
    tn_err_format(&tn_exc_TypeError, "attribute name must be string, not '%T'", name);
    return -1;
}

static TnObject *wrapper_call_bound(TnWrapperDescr *w, TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                    TnObject *kwnames)
{
    const SlotDef *d = w->def;
    void *f = w->wrapped;
    switch (d->kind) {
    case K_UNARY:
        return expect_args(d, nargs, 0, kwnames) < 0 ? NULL : ((tn_unaryfunc)f)(self);
    case K_BINARY:
        return expect_args(d, nargs, 1, kwnames) < 0 ? NULL : ((tn_binaryfunc)f)(self, args[0]);
    case K_BINARY_R:
        return expect_args(d, nargs, 1, kwnames) < 0 ? NULL : ((tn_binaryfunc)f)(args[0], self);
    case K_POW:
        if (nargs < 1 || nargs > 2)
            return tn_err_format(&tn_exc_TypeError, "expected 1 or 2 arguments, got %zd", nargs);
        return ((tn_ternaryfunc)f)(self, args[0], nargs > 1 ? args[1] : TN_NONE);
    case K_POW_R:
        return expect_args(d, nargs, 1, kwnames) < 0 ? NULL : ((tn_ternaryfunc)f)(args[0], self, TN_NONE);
    case K_INQUIRY:
        return expect_args(d, nargs, 0, kwnames) < 0 ? NULL : bool_or_error(((tn_inquiry)f)(self));
    case K_LEN: {
        if (expect_args(d, nargs, 0, kwnames) < 0)
            return NULL;
        tn_ssize_t n = ((tn_lenfunc)f)(self);
        return n < 0 ? NULL : tn_int_from_ssize(n);
    }
    case K_HASH: {
        if (expect_args(d, nargs, 0, kwnames) < 0)
            return NULL;
        tn_hash_t h = ((tn_hashfunc)f)(self);
        return h == -1 ? NULL : tn_int_from_i64(h);
    }
    case K_RICHCMP:
        return expect_args(d, nargs, 1, kwnames) < 0 ? NULL : ((tn_richcmpfunc)f)(self, args[0], d->op);
    case K_GETATTR:
        return expect_args(d, nargs, 1, kwnames) < 0 || check_attr_name(args[0]) < 0
                   ? NULL : ((tn_getattrofunc)f)(self, args[0]);
    case K_SETATTR:
        if (expect_args(d, nargs, 2, kwnames) < 0 || check_attr_name(args[0]) < 0
            || check_setattr_target(self, f, "__setattr__") < 0)
            return NULL;
        return none_or_error(((tn_setattrofunc)f)(self, args[0], args[1]));
    case K_DELATTR:
        if (expect_args(d, nargs, 1, kwnames) < 0 || check_attr_name(args[0]) < 0
            || check_setattr_target(self, f, "__delattr__") < 0)
            return NULL;
        return none_or_error(((tn_setattrofunc)f)(self, args[0], NULL));
    case K_CALL:
        return ((tn_vectorcallfunc)f)(self, args, nargs, kwnames);
    case K_FINALIZE:
        if (expect_args(d, nargs, 0, kwnames) < 0)
            return NULL;
        ((tn_destructor)f)(self);
        return tn_newref(TN_NONE);
    case K_NEXT: {
        if (expect_args(d, nargs, 0, kwnames) < 0)
            return NULL;
        TnObject *r = ((tn_unaryfunc)f)(self);
        if (r == NULL && !tn_err_occurred())
            tn_err_set_none(&tn_exc_StopIteration);
        return r;
    }
    case K_SETITEM:
        return expect_args(d, nargs, 2, kwnames) < 0 ? NULL
                                                      : none_or_error(((tn_objobjargproc)f)(self, args[0], args[1]));
    case K_DELITEM:
        return expect_args(d, nargs, 1, kwnames) < 0 ? NULL
                                                      : none_or_error(((tn_objobjargproc)f)(self, args[0], NULL));
    case K_CONTAINS:
        return expect_args(d, nargs, 1, kwnames) < 0 ? NULL : bool_or_error(((tn_objobjproc)f)(self, args[0]));
    case K_SQ_REPEAT: {
        if (expect_args(d, nargs, 1, kwnames) < 0)
            return NULL;
        if (!tn_int_check(args[0]) && (tn_type(args[0])->as_number == NULL || tn_type(args[0])->as_number->index == NULL))
            return tn_err_format(&tn_exc_TypeError, "can't multiply sequence by non-int of type '%T'", args[0]);
        tn_ssize_t n = tn_number_as_ssize(args[0], &tn_exc_OverflowError);
        return n == -1 && tn_err_occurred() ? NULL : ((tn_ssizeargfunc)f)(self, n);
    }
    case K_SQ_ITEM: {
        if (expect_args(d, nargs, 1, kwnames) < 0)
            return NULL;
        tn_ssize_t i = tn_number_as_ssize(args[0], &tn_exc_OverflowError);
        return i == -1 && tn_err_occurred() ? NULL : ((tn_ssizeargfunc)f)(self, i);
    }
    case K_DESCR_GET: {
        if (nargs < 1 || nargs > 2)
            return tn_err_format(&tn_exc_TypeError, "expected 1 or 2 arguments, got %zd", nargs);
        TnObject *obj = args[0] == TN_NONE ? NULL : args[0];
        TnObject *type = nargs > 1 && args[1] != TN_NONE ? args[1] : NULL;
        if (obj == NULL && type == NULL)
            return tn_err_format(&tn_exc_TypeError, "__get__(None, None) is invalid");
        return ((tn_descrgetfunc)f)(self, obj, type);
    }
    case K_DESCR_SET:
        return expect_args(d, nargs, 2, kwnames) < 0 ? NULL
                                                      : none_or_error(((tn_descrsetfunc)f)(self, args[0], args[1]));
    case K_DESCR_DELETE:
        return expect_args(d, nargs, 1, kwnames) < 0 ? NULL
                                                      : none_or_error(((tn_descrsetfunc)f)(self, args[0], NULL));
    default:
        return tn_err_format(&tn_exc_SystemError, "bad slot wrapper kind for %s", d->name);
    }
}

static TnObject *wrapper_descr_call(TnObject *callable, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnWrapperDescr *w = (TnWrapperDescr *)callable;
    if (w->def->kind == K_NEW) {
        /* T.__new__(S, ...): S must be a subtype of T. */
        if (nargs < 1)
            return tn_err_format(&tn_exc_TypeError, "%s.__new__(): not enough arguments", w->owner->name);
        TnObject *sub = args[0];
        if (!tn_object_type_check(sub, &tn_type_type))
            return tn_err_format(&tn_exc_TypeError, "%s.__new__(X): X is not a type object (%T)",
                                 w->owner->name, sub);
        if (!tn_type_is_subtype((TnType *)sub, w->owner))
            return tn_err_format(&tn_exc_TypeError, "%s.__new__(%s): %s is not a subtype of %s", w->owner->name,
                                 ((TnType *)sub)->name, ((TnType *)sub)->name, w->owner->name);
        /* object.__new__(dict) would skip dict's own constructor and make a
         * broken object: the nearest builtin constructor must be this one. */
        TnType *staticbase = (TnType *)sub;
        while (staticbase != NULL && staticbase->new_ == slot_tp_new)
            staticbase = staticbase->base;
        if (staticbase != NULL && (void *)staticbase->new_ != w->wrapped)
            return tn_err_format(&tn_exc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()", w->owner->name,
                                 ((TnType *)sub)->name, staticbase->name);
        return ((tn_newfunc)w->wrapped)((TnType *)sub, args + 1, nargs - 1, kwnames);
    }
    if (nargs < 1)
        return tn_err_format(&tn_exc_TypeError, "descriptor '%s' of '%s' object needs an argument", w->def->name,
                             w->owner->name);
    if (!tn_object_type_check(args[0], w->owner))
        return tn_err_format(&tn_exc_TypeError, "descriptor '%s' requires a '%s' object but received a '%T'",
                             w->def->name, w->owner->name, args[0]);
    return wrapper_call_bound(w, args[0], args + 1, nargs - 1, kwnames);
}

/* A bound slot wrapper ("method-wrapper"): x.__add__. */
typedef struct TnMethodWrapper {
    TnObject ob;
    TnWrapperDescr *descr;
    TnObject *self;
} TnMethodWrapper;

TnType tn_type_method_wrapper;

static TnObject *wrapper_descr_get(TnObject *self, TnObject *obj, TnObject *type)
{
    TnWrapperDescr *w = (TnWrapperDescr *)self;
    if (obj == NULL || w->def->kind == K_NEW)
        return tn_newref(self);
    TnMethodWrapper *m = (TnMethodWrapper *)tn_object_new(&tn_type_method_wrapper, sizeof(TnMethodWrapper));
    if (m == NULL)
        return NULL;
    m->descr = (TnWrapperDescr *)tn_newref(self);
    m->self = tn_newref(obj);
    return TN_OBJ(m);
}

static TnObject *wrapper_descr_repr(TnObject *self)
{
    TnWrapperDescr *w = (TnWrapperDescr *)self;
    if (w->def->kind == K_NEW)
        return tn_str_from_format("<built-in method __new__ of type object at %p>", (void *)w->owner);
    return tn_str_from_format("<slot wrapper '%s' of '%s' objects>", w->def->name, w->owner->name);
}

static TnObject *wrapper_get_name(TnObject *self, void *c)
{
    return tn_str_from_cstr(((TnWrapperDescr *)self)->def->name);
}

/* A __new__ wrapper stands for CPython's builtin method bound to its type
 * (copyreg tests `new.__self__ is cls`); slot wrappers have no __self__. */
static TnObject *wrapper_get_self(TnObject *self, void *c)
{
    TnWrapperDescr *w = (TnWrapperDescr *)self;
    if (w->def->kind != K_NEW)
        return tn_err_format(&tn_exc_AttributeError, "'wrapper_descriptor' object has no attribute '__self__'");
    return tn_newref(TN_OBJ(w->owner));
}

static TnObject *wrapper_get_objclass(TnObject *self, void *c)
{
    return tn_newref(TN_OBJ(((TnWrapperDescr *)self)->owner));
}

static const TnGetSetDef wrapper_getsets[] = {
    {"__name__", wrapper_get_name, NULL, NULL, NULL},
    {"__self__", wrapper_get_self, NULL, NULL, NULL},
    {"__objclass__", wrapper_get_objclass, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static void wrapper_descr_dealloc(TnObject *self)
{
    tn_object_free(self);
}

TnType tn_type_wrapper_descr = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "wrapper_descriptor",
    .basicsize = sizeof(TnWrapperDescr),
    .flags = TN_TPFLAGS_METHOD_DESCRIPTOR,
    .dealloc = wrapper_descr_dealloc,
    .repr = wrapper_descr_repr,
    .call = wrapper_descr_call,
    .descr_get = wrapper_descr_get,
    .getsets = wrapper_getsets,
    .new_ = tn_type_new_not_allowed,
};

static void method_wrapper_dealloc(TnObject *self)
{
    TnMethodWrapper *m = (TnMethodWrapper *)self;
    tn_decref(TN_OBJ(m->descr));
    tn_decref(m->self);
    tn_object_free(self);
}

/* No clear, as CPython's method-wrapper: a call needs both fields, and a
 * cycle through one passes through self's own fields. */
static int method_wrapper_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TnMethodWrapper *m = (TnMethodWrapper *)self;
    TN_VISIT(TN_OBJ(m->descr));
    TN_VISIT(m->self);
    return 0;
}

static TnObject *method_wrapper_call(TnObject *callable, TnObject *const *args, tn_ssize_t nargs,
                                     TnObject *kwnames)
{
    TnMethodWrapper *m = (TnMethodWrapper *)callable;
    return wrapper_call_bound(m->descr, m->self, args, nargs, kwnames);
}

static TnObject *method_wrapper_repr(TnObject *self)
{
    TnMethodWrapper *m = (TnMethodWrapper *)self;
    return tn_str_from_format("<method-wrapper '%s' of %T object at %p>", m->descr->def->name, m->self,
                              (void *)m->self);
}

TnType tn_type_method_wrapper = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "method-wrapper",
    .basicsize = sizeof(TnMethodWrapper),
    .flags = TN_TPFLAGS_HAVE_GC,
    .dealloc = method_wrapper_dealloc,
    .traverse = method_wrapper_traverse,
    .repr = method_wrapper_repr,
    .call = method_wrapper_call,
    .new_ = tn_type_new_not_allowed,
};

/* True if the slot value was inherited unchanged from the base (then the
 * base's dict already carries the wrapper). */
static bool inherited(TnType *tp, const SlotDef *d, void *fn)
{
    return tp->base != NULL && slot_value(tp->base, d) == fn;
}

int tn_slots_add_wrappers(TnType *tp)
{
    for (const SlotDef *d = slotdefs; d->name != NULL; d++) {
        /* Every slot name interned at start-up: tn_slots_fixup looks them
         * up by name and cannot fail (interned names are found again
         * without allocating). */
        if (tn_str_intern_cstr(d->name) == NULL)
            return -1;
        void *fn = slot_value(tp, d);
        if (fn == NULL || inherited(tp, d, fn))
            continue;
        if (fn == (void *)tn_hash_not_implemented) {
            /* An unhashable builtin (list, dict, set, bytearray) says so
             * with __hash__ = None, which its subclasses then inherit, as
             * in CPython; without it they found object.__hash__. */
            if (tn_dict_get_cstr_borrowed(tp->dict, d->name) == NULL
                && tn_dict_set_item_cstr(tp->dict, d->name, TN_NONE) < 0)
                return -1;
            continue;
        }
        /* __getattr__ is only a hook for Python classes: builtins expose
         * their attribute slot as __getattribute__ alone. */
        if (d->kind == K_GETATTR && strcmp(d->name, "__getattr__") == 0)
            continue;
        if (d->kind == K_NEW && fn == (void *)tn_type_new_not_allowed)
            continue;
        if (tn_dict_get_cstr_borrowed(tp->dict, d->name) != NULL)
            continue;
        TnWrapperDescr *w = (TnWrapperDescr *)tn_object_new(&tn_type_wrapper_descr, sizeof(TnWrapperDescr));
        if (w == NULL)
            return -1;
        w->def = d;
        w->owner = tp;
        w->wrapped = fn;
        int r = tn_dict_set_item_cstr(tp->dict, d->name, TN_OBJ(w));
        tn_decref(TN_OBJ(w));
        if (r < 0)
            return -1;
    }
    return 0;
}

/* ---- heap types: dunders -> slots ------------------------------------------------ */

/* Does tp's MRO define any of the names that fill d's slot? */
static bool slot_named_anywhere(TnType *tp, const SlotDef *d)
{
    for (const SlotDef *o = slotdefs; o->name != NULL; o++)
        if (o->where == d->where && o->offset == d->offset
            && tn_type_lookup(tp, tn_str_intern_cstr(o->name)) != NULL)
            return true;
    return false;
}

/* ---- slot changes ------------------------------------------------------------ */

/* Other threads call through the slots without a lock, so the slots of a
 * class that is already in use change only while the world is stopped
 * (threading/stw.h), all of a class and its subclasses in one pause: a
 * reader never dispatches on a half-updated class.  Computing the new
 * values looks names up in class dicts, which takes their locks, and a
 * pause may hold no lock; so the values are computed first, with the
 * world running, into a SlotChanges list, and only the stores happen in
 * the pause.  A new class (not yet visible to other threads) is fixed up
 * directly (changes == NULL). */
#define SLOT_CHANGES_MAX 256

typedef struct SlotChanges {
    int n;
    bool stored;          /* a pause of this pass changed a slot */
    struct {
        void **loc;
        void *value;
    } item[SLOT_CHANGES_MAX];
} SlotChanges;

/* Store the recorded changes that still change something, with the world
 * stopped (ch->stored tells whether one did); the list is emptied. */
static void apply_changes(SlotChanges *ch)
{
    if (ch->n == 0)
        return;
    TnThreadState *ts = tn_tstate();
    tn_world_stop(ts);
    for (int i = 0; i < ch->n; i++) {
        if (*ch->item[i].loc != ch->item[i].value) {
            *ch->item[i].loc = ch->item[i].value;
            ch->stored = true;
        }
    }
    tn_world_start(ts);
    ch->n = 0;
}

/* The recorded change of loc, or -1. */
static int find_change(const SlotChanges *ch, void **loc)
{
    for (int i = ch->n - 1; i >= 0; i--)
        if (ch->item[i].loc == loc)
            return i;
    return -1;
}

/* What *loc will hold once the recorded changes are stored: the fixup of a
 * subclass reads its base's slots, and several names share one slot. */
static void *pending_value(const SlotChanges *ch, void **loc)
{
    int i = ch != NULL ? find_change(ch, loc) : -1;
    return i >= 0 ? ch->item[i].value : *loc;
}

/* Set a slot to value: at once for a new class, or recorded for
 * apply_changes (which runs early when the list is full). */
static void set_slot(SlotChanges *ch, void **loc, void *value)
{
    if (ch == NULL) {
        if (*loc != value)
            *loc = value;
        return;
    }
    int i = find_change(ch, loc);
    if (i >= 0) {
        ch->item[i].value = value;
        return;
    }
    if (*loc == value)
        return;
    if (ch->n == SLOT_CHANGES_MAX)
        apply_changes(ch);
    ch->item[ch->n].loc = loc;
    ch->item[ch->n].value = value;
    ch->n++;
}

/* A slot of tp's base as it will be (NULL when the base lacks the table). */
static void *base_slot_value(SlotChanges *ch, TnType *base, const SlotDef *d)
{
    void **p = slot_location(base, d);
    return p != NULL ? pending_value(ch, p) : NULL;
}

static void fixup_slots(TnHeapType *ht, SlotChanges *ch)
{
    TnType *tp = &ht->type;
    for (const SlotDef *d = slotdefs; d->name != NULL; d++) {
        void **loc = slot_location(tp, d);
        if (loc == NULL)
            continue;
        TnObject *attr = tn_type_lookup(tp, tn_str_intern_cstr(d->name));
        if (attr == NULL && d->kind == K_NEW) {
            /* No __new__ on the MRO: only a metaclass mro() leaving out
             * object does that, and CPython's class then has no tp_new. */
            set_slot(ch, loc, (void *)tn_type_new_not_allowed);
            continue;
        }
        if (attr == NULL) {
            /* Not defined anywhere: keep what another name of the same slot
             * (e.g. __radd__ for the add slot) may have set; with no name
             * left at all (a dunder was deleted), inherit the base's. */
            if (tp->base != NULL && !slot_named_anywhere(tp, d))
                set_slot(ch, loc, base_slot_value(ch, tp->base, d));
            continue;
        }
        if (tn_slots_is_wrapper(attr)) {
            TnWrapperDescr *w = (TnWrapperDescr *)attr;
            /* A builtin's own slot: call the C function directly, unless
             * another name of the same slot is defined in Python.  A wrapper
             * of a different slot with this name (list's __getitem__ is the
             * mapping slot, not sq_item) leaves the inherited slot alone. */
            if (pending_value(ch, loc) != d->heap_func && w->def->where == d->where
                && w->def->offset == d->offset)
                set_slot(ch, loc, w->wrapped);
            continue;
        }
        if (d->heap_func == NULL)
            continue;   /* only builtins' own C slots fill this one */
        if (d->kind == K_HASH && attr == TN_NONE) {
            set_slot(ch, loc, (void *)tn_hash_not_implemented);
            continue;
        }
        set_slot(ch, loc, d->heap_func);
    }
    /* __getattr__ without __getattribute__ still needs the hook. */
    if (tn_type_lookup(tp, tn_str_intern_cstr("__getattr__")) != NULL)
        set_slot(ch, (void **)&tp->getattro, (void *)slot_tp_getattr_hook);
}

void tn_slots_fixup(TnHeapType *ht)
{
    fixup_slots(ht, NULL);
}

/* Record the slot changes of tp and of every class deriving from it. */
static int collect_changes_visit(TnType *tp, void *ch);

static void collect_changes(TnType *tp, SlotChanges *ch)
{
    if (!(tp->flags & TN_TPFLAGS_HEAPTYPE))
        return;
    fixup_slots((TnHeapType *)tp, ch);
    tn_type_visit_subclasses(tp, collect_changes_visit, ch);
}

static int collect_changes_visit(TnType *tp, void *ch)
{
    collect_changes(tp, ch);
    return 0;
}

/* Two threads may update slots of the same classes at once, and a value
 * computed before another thread's dict change may be stored after its
 * update: so compute again after storing, until a pass finds the slots
 * matching the dicts (the last thread to store checks after its stores,
 * with every earlier dict change visible).  The bound only guards against
 * a writer that changes dunders without end; the first pass's changes are
 * always stored. */
#define SLOT_UPDATE_MAX_PASSES 64

void tn_slots_update(TnType *tp)
{
    SlotChanges ch;
    ch.n = 0;
    for (int pass = 0; pass < SLOT_UPDATE_MAX_PASSES; pass++) {
        ch.stored = false;
        collect_changes(tp, &ch);
        apply_changes(&ch);
        if (!ch.stored)
            return;
    }
}
