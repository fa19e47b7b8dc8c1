/* core/objects/abstract.c — the object protocol.  Every generic operation
 * dispatches through type slots; messages are CPython 3.11's. */
#include <limits.h>
#include <stdio.h>
#include "core/tn.h"
#include "core/compiler/ast.h"

/* ---- repr / str / hash ------------------------------------------------- */

static TnObject *check_str_result(TnObject *res, const char *what)
{
    if (res != NULL && !tn_str_check(res)) {
        tn_err_format(&tn_exc_TypeError, "%s returned non-string (type %T)", what, res);
        tn_decref(res);
        return NULL;
    }
    return res;
}

TnObject *tn_object_repr(TnObject *o)
{
    TnType *tp = tn_type(o);
    if (tp->repr == NULL)
        return tn_str_from_format("<%s object at %p>", tn_type_name(tp), (void *)o);
    if (tn_enter_recursive_call(" while getting the repr of an object") < 0)
        return NULL;
    TnObject *res = tp->repr(o);
    tn_leave_recursive_call();
    return check_str_result(res, "__repr__");
}

TnObject *tn_object_str(TnObject *o)
{
    if (tn_str_check_exact(o))
        return tn_newref(o);
    TnType *tp = tn_type(o);
    if (tp->str == NULL)
        return tn_object_repr(o);
    if (tn_enter_recursive_call(" while getting the str of an object") < 0)
        return NULL;
    TnObject *res = tp->str(o);
    tn_leave_recursive_call();
    return check_str_result(res, "__str__");
}

TnObject *tn_object_ascii(TnObject *o)
{
    TnObject *r = tn_object_repr(o);
    if (r == NULL)
        return NULL;
    TnStrWriter w;
    tn_strw_init(&w);
    tn_ssize_t n = tn_str_length(r);
    for (tn_ssize_t i = 0; i < n; i++) {
        uint32_t c = tn_str_read(r, i);
        char buf[16];
        int err;
        if (c < 128) {
            err = tn_strw_putc(&w, c);
        } else {
            if (c < 0x100)
                snprintf(buf, sizeof buf, "\\x%02x", c);
            else if (c < 0x10000)
                snprintf(buf, sizeof buf, "\\u%04x", c);
            else
                snprintf(buf, sizeof buf, "\\U%08x", c);
            err = tn_strw_puts(&w, buf);
        }
        if (err < 0) {
            tn_strw_discard(&w);
            tn_decref(r);
            return NULL;
        }
    }
    tn_decref(r);
    return tn_strw_finish(&w);
}

tn_hash_t tn_hash_not_implemented(TnObject *o)
{
    tn_err_format(&tn_exc_TypeError, "unhashable type: '%T'", o);
    return -1;
}

tn_hash_t tn_object_hash(TnObject *o)
{
    TnType *tp = tn_type(o);
    if (tp->hash == NULL)
        return tn_hash_not_implemented(o);
    return tp->hash(o);
}

/* ---- comparison ------------------------------------------------------- */

static const int swapped_op[] = {TN_GT, TN_GE, TN_EQ, TN_NE, TN_LT, TN_LE};
static const char *const opstrings[] = {"<", "<=", "==", "!=", ">", ">="};

TnObject *tn_object_richcompare(TnObject *a, TnObject *b, int op)
{
    TnType *ta = tn_type(a), *tb = tn_type(b);
    TnObject *res;
    int checked_reverse = 0;
    /* Scalars cannot recurse: compare them without the recursion guard, as
     * CPython's specialised COMPARE_OP does, so that deep Python recursion
     * fails at the call ("maximum recursion depth exceeded"), not here. */
    if (ta == tb && (ta == &tn_type_int || ta == &tn_type_float || ta == &tn_type_str))
        return ta->richcompare(a, b, op);
    if (tn_enter_recursive_call(" in comparison") < 0)
        return NULL;
    /* A subclass that overrides the comparison gets the first try. */
    if (ta != tb && tb->richcompare != NULL && tn_type_is_subtype(tb, ta)) {
        checked_reverse = 1;
        res = tb->richcompare(b, a, swapped_op[op]);
        if (res != TN_NOTIMPLEMENTED)
            goto done;
        tn_decref(res);
    }
    if (ta->richcompare != NULL) {
        res = ta->richcompare(a, b, op);
        if (res != TN_NOTIMPLEMENTED)
            goto done;
        tn_decref(res);
    }
    if (!checked_reverse && tb->richcompare != NULL) {
        res = tb->richcompare(b, a, swapped_op[op]);
        if (res != TN_NOTIMPLEMENTED)
            goto done;
        tn_decref(res);
    }
    if (op == TN_EQ)
        res = tn_bool_from(a == b);
    else if (op == TN_NE)
        res = tn_bool_from(a != b);
    else
        res = tn_err_format(&tn_exc_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                            opstrings[op], ta->name, tb->name);
done:
    tn_leave_recursive_call();
    return res;
}

int tn_object_richcompare_bool(TnObject *a, TnObject *b, int op)
{
    if (a == b) {
        if (op == TN_EQ)
            return 1;
        if (op == TN_NE)
            return 0;
    }
    TnObject *res = tn_object_richcompare(a, b, op);
    if (res == NULL)
        return -1;
    int t = res == TN_TRUE ? 1 : res == TN_FALSE ? 0 : tn_object_is_true(res);
    tn_decref(res);
    return t;
}

int tn_object_is_true(TnObject *o)
{
    if (o == TN_TRUE)
        return 1;
    if (o == TN_FALSE || o == TN_NONE)
        return 0;
    TnType *tp = tn_type(o);
    if (tp->as_number != NULL && tp->as_number->bool_ != NULL)
        return tp->as_number->bool_(o);
    tn_ssize_t n;
    if (tp->as_mapping != NULL && tp->as_mapping->length != NULL)
        n = tp->as_mapping->length(o);
    else if (tp->as_sequence != NULL && tp->as_sequence->length != NULL)
        n = tp->as_sequence->length(o);
    else
        return 1;
    return n < 0 ? -1 : n > 0;
}

int tn_object_not(TnObject *o)
{
    int t = tn_object_is_true(o);
    return t < 0 ? -1 : !t;
}

/* ---- attributes --------------------------------------------------------- */

static int check_name(TnObject *name)
{
    if (!tn_str_check(name)) {
        tn_err_format(&tn_exc_TypeError, "attribute name must be string, not '%T'", name);
        return -1;
    }
    return 0;
}

TnObject *tn_object_getattr(TnObject *o, TnObject *name)
{
    if (check_name(name) < 0)
        return NULL;
    TnType *tp = tn_type(o);
    if (tp->getattro != NULL)
        return tp->getattro(o, name);
    return tn_object_generic_getattr(o, name);
}

TnObject *tn_object_getattr_cstr(TnObject *o, const char *name)
{
    TnObject *n = tn_str_intern_cstr(name);
    if (n == NULL)
        return NULL;
    TnObject *res = tn_object_getattr(o, n);
    tn_decref(n);
    return res;
}

int tn_object_lookup_attr(TnObject *o, TnObject *name, TnObject **result)
{
    if (name == NULL) {   /* a failed tn_str_intern_cstr: its MemoryError is set */
        *result = NULL;
        return -1;
    }
    *result = tn_object_getattr(o, name);
    if (*result != NULL)
        return 1;
    if (!tn_err_matches(&tn_exc_AttributeError))
        return -1;
    tn_err_clear();
    return 0;
}

int tn_object_hasattr(TnObject *o, TnObject *name)
{
    TnObject *v;
    int r = tn_object_lookup_attr(o, name, &v);
    tn_xdecref(v);
    return r;
}

int tn_object_setattr(TnObject *o, TnObject *name, TnObject *v)
{
    if (check_name(name) < 0)
        return -1;
    TnType *tp = tn_type(o);
    if (tp->setattro != NULL)
        return tp->setattro(o, name, v);
    if (tp->getattro == NULL || tp->getattro == tn_object_generic_getattr)
        return tn_object_generic_setattr(o, name, v);
    tn_err_format(&tn_exc_AttributeError, "'%s' object has no attribute '%U'", tn_type_name(tp), name);
    return -1;
}

/* ---- instance fields of Python subclasses ---------------------------------- */

/* Bytes used by o's builtin part when that part has a variable size (the
 * items of an int, str, tuple or bytes follow its fixed header). */
static size_t var_part_end(TnObject *o)
{
    unsigned long f = tn_type(o)->flags;
    if (f & TN_TPFLAGS_INT_SUBCLASS) {
        tn_ssize_t n = ((TnInt *)o)->ndigits;
        return offsetof(TnInt, digit) + (size_t)(n < 0 ? -n : n) * sizeof(uint32_t);
    }
    if (f & TN_TPFLAGS_TUPLE_SUBCLASS)
        return offsetof(TnTuple, items) + (size_t)tn_tuple_size(o) * sizeof(TnObject *);
    if (f & TN_TPFLAGS_STR_SUBCLASS)
        return sizeof(TnStr) + (size_t)(tn_str_length(o) + 1) * ((TnStr *)o)->kind;
    return sizeof(TnBytes) + (size_t)tn_bytes_size(o) + 1;
}

char *tn_object_tail(TnObject *o)
{
    size_t align = sizeof(TnObject *);
    return (char *)o + (var_part_end(o) + align - 1) / align * align;
}

TnObject **tn_object_field_ptr(TnObject *o, tn_ssize_t offset)
{
    if (offset >= 0)
        return (TnObject **)((char *)o + offset);
    return (TnObject **)(tn_object_tail(o) + (-offset - 1));
}

TnObject **tn_object_dict_ptr(TnObject *o)
{
    tn_ssize_t off = tn_type(o)->dictoffset;
    return off != 0 ? tn_object_field_ptr(o, off) : NULL;
}

TnObject *tn_object_dict_get_or_create(TnObject **dictp)
{
    TnObject *d = tn_atomic_load_ptr_acquire((void *const *)dictp);
    if (d != NULL)
        return d;
    TnObject *fresh = tn_dict_new();
    if (fresh == NULL)
        return NULL;
    /* Publish with a CAS: a plain store would let a racing thread's dict
     * (and the attribute it just stored there) be overwritten and leaked. */
    if (tn_atomic_cas_ptr((void **)dictp, NULL, fresh))
        return fresh;
    tn_decref(fresh);
    return tn_atomic_load_ptr_acquire((void *const *)dictp);
}

static TnObject *no_attribute(TnObject *o, TnObject *name)
{
    tn_err_format(&tn_exc_AttributeError, "'%s' object has no attribute '%U'", tn_type_name(tn_type(o)), name);
    TnObject *exc = tn_err_occurred();
    if (exc != NULL && tn_type(exc) == &tn_exc_AttributeError) {
        TnNameErrorObject *e = (TnNameErrorObject *)exc;
        TN_SETREF(e->name, tn_newref(name));
        TN_SETREF(e->obj, tn_newref(o));
    }
    return NULL;
}

TnObject *tn_object_generic_getattr(TnObject *o, TnObject *name)
{
    TnObject **dictp = tn_object_dict_ptr(o);
    return tn_object_generic_getattr_dict(o, name, dictp != NULL ? tn_atomic_load_ptr_acquire((void *const *)dictp) : NULL);
}

/* The instance dict's value for name, else the class's non-data descr
 * (held by the caller) bound or as is. */
static TnObject *getattr_dict_then_descr(TnObject *o, TnObject *name, TnObject *dict, TnObject *descr)
{
    TnObject *v;
    int r = tn_dict_get_item_ref(dict, name, &v);
    if (r != 0)
        return r > 0 ? v : NULL;
    if (descr == NULL)
        return no_attribute(o, name);
    tn_descrgetfunc get = tn_type(descr)->descr_get;
    return get != NULL ? get(descr, o, TN_OBJ(tn_type(o))) : tn_newref(descr);
}

TnObject *tn_object_generic_getattr_dict(TnObject *o, TnObject *name, TnObject *dict)
{
    TnType *tp = tn_type(o);
    TnObject *descr = tn_type_lookup(tp, name);
    if (descr != NULL && tn_type(descr)->descr_get != NULL && tn_type(descr)->descr_set != NULL)
        return tn_type(descr)->descr_get(descr, o, TN_OBJ(tp));
    if (dict != NULL) {
        /* The dict look-up can run a key's __eq__, which may delete the
         * class attribute: hold descr across it (CPython increfs it too). */
        tn_xincref(descr);
        TnObject *res = getattr_dict_then_descr(o, name, dict, descr);
        tn_xdecref(descr);
        return res;
    }
    if (descr == NULL)
        return no_attribute(o, name);
    tn_descrgetfunc get = tn_type(descr)->descr_get;
    return get != NULL ? get(descr, o, TN_OBJ(tp)) : tn_newref(descr);
}

int tn_object_generic_setattr(TnObject *o, TnObject *name, TnObject *v)
{
    return tn_object_generic_setattr_dict(o, name, v, tn_object_dict_ptr(o));
}

int tn_object_generic_setattr_dict(TnObject *o, TnObject *name, TnObject *v, TnObject **dictp)
{
    TnType *tp = tn_type(o);
    TnObject *descr = tn_type_lookup(tp, name);
    if (descr != NULL && tn_type(descr)->descr_set != NULL)
        return tn_type(descr)->descr_set(descr, o, v);
    if (dictp == NULL) {
        if (descr == NULL)
            tn_err_format(&tn_exc_AttributeError, "'%s' object has no attribute '%U'", tn_type_name(tp), name);
        else
            tn_err_format(&tn_exc_AttributeError, "'%s' object attribute '%U' is read-only", tn_type_name(tp), name);
        return -1;
    }
    TnObject *dict = tn_atomic_load_ptr_acquire((void *const *)dictp);
    if (dict == NULL) {
        if (v == NULL) {
            no_attribute(o, name);
            return -1;
        }
        if ((dict = tn_object_dict_get_or_create(dictp)) == NULL)
            return -1;
    }
    if (v != NULL)
        return tn_dict_set_item(dict, name, v);
    if (tn_dict_del_item(dict, name) < 0) {
        if (tn_err_matches(&tn_exc_KeyError)) {
            tn_err_clear();
            no_attribute(o, name);
        }
        return -1;
    }
    return 0;
}

int tn_object_get_method(TnObject *o, TnObject *name, TnObject **meth)
{
    TnType *tp = tn_type(o);
    if (tp->getattro != tn_object_generic_getattr || !tn_str_check(name)) {
        *meth = tn_object_getattr(o, name);
        return *meth != NULL ? 0 : -1;
    }
    TnObject *descr = tn_type_lookup(tp, name);
    if (descr != NULL && (tn_type(descr)->flags & TN_TPFLAGS_METHOD_DESCRIPTOR)) {
        TnObject **dictp = tn_object_dict_ptr(o);
        TnObject *shadow = NULL;
        TnObject *dict = dictp != NULL ? tn_atomic_load_ptr_acquire((void *const *)dictp) : NULL;
        /* The dict look-up can run a key's __eq__, which may delete the
         * method from the class: hold it across the look-up. */
        tn_incref(descr);
        if (dict != NULL && tn_dict_get_item_ref(dict, name, &shadow) < 0) {
            tn_decref(descr);
            return -1;
        }
        if (shadow == NULL) {
            *meth = descr;
            return 1;
        }
        tn_decref(descr);
        *meth = shadow;
        return 0;
    }
    *meth = tn_object_generic_getattr(o, name);
    return *meth != NULL ? 0 : -1;
}

/* ---- iteration, items, length ---------------------------------------------- */

TnObject *tn_object_get_iter(TnObject *o)
{
    TnType *tp = tn_type(o);
    if (tp->iter != NULL) {
        TnObject *it = tp->iter(o);
        if (it != NULL && tn_type(it)->iternext == NULL) {
            tn_err_format(&tn_exc_TypeError, "iter() returned non-iterator of type '%T'", it);
            tn_decref(it);
            return NULL;
        }
        return it;
    }
    if (tp->as_sequence != NULL && tp->as_sequence->item != NULL)
        return tn_seqiter_new(o);
    return tn_err_format(&tn_exc_TypeError, "'%s' object is not iterable", tn_type_name(tp));
}

TnObject *tn_iter_next(TnObject *it)
{
    TnObject *v = tn_type(it)->iternext(it);
    if (v == NULL && tn_err_matches(&tn_exc_StopIteration))
        tn_err_clear();
    return v;
}

static int sequence_index(TnObject *o, TnObject *key, tn_ssize_t *index)
{
    tn_ssize_t i = tn_number_as_ssize(key, &tn_exc_IndexError);
    if (i == -1 && tn_err_occurred())
        return -1;
    if (i < 0) {
        const TnSequenceMethods *sq = tn_type(o)->as_sequence;
        if (sq->length != NULL) {
            tn_ssize_t n = sq->length(o);
            if (n < 0)
                return -1;
            i += n;
        }
    }
    *index = i;
    return 0;
}

static bool has_index(TnObject *o)
{
    const TnNumberMethods *nb = tn_type(o)->as_number;
    return tn_int_check(o) || (nb != NULL && nb->index != NULL);
}

TnObject *tn_object_getitem(TnObject *o, TnObject *key)
{
    TnType *tp = tn_type(o);
    if (tp->as_mapping != NULL && tp->as_mapping->subscript != NULL)
        return tp->as_mapping->subscript(o, key);
    if (tp->as_sequence != NULL && tp->as_sequence->item != NULL) {
        if (!has_index(key))
            return tn_err_format(&tn_exc_TypeError, "sequence index must be integer, not '%T'", key);
        tn_ssize_t i;
        if (sequence_index(o, key, &i) < 0)
            return NULL;
        return tp->as_sequence->item(o, i);
    }
    if (tn_object_type_check(o, &tn_type_type)) {
        TnObject *cgi = tn_type_lookup((TnType *)o, tn_str_intern_cstr("__class_getitem__"));
        if (cgi != NULL) {
            tn_descrgetfunc get = tn_type(cgi)->descr_get;
            TnObject *bound = get != NULL ? get(cgi, NULL, o) : tn_newref(cgi);
            if (bound == NULL)
                return NULL;
            TnObject *res = tn_call_one(bound, key);
            tn_decref(bound);
            return res;
        }
        /* The builtin containers are generic: list[int] is a GenericAlias. */
        static TnType *const generic[] = {&tn_type_list, &tn_type_dict, &tn_type_tuple, &tn_type_set,
                                          &tn_type_frozenset, &tn_type_type};
        for (size_t i = 0; i < sizeof generic / sizeof generic[0]; i++)
            if (o == TN_OBJ(generic[i]))
                return tn_generic_alias_new(o, key);
        return tn_err_format(&tn_exc_TypeError, "type '%s' is not subscriptable", ((TnType *)o)->name);
    }
    return tn_err_format(&tn_exc_TypeError, "'%s' object is not subscriptable", tn_type_name(tp));
}

static int set_or_del_item(TnObject *o, TnObject *key, TnObject *v)
{
    TnType *tp = tn_type(o);
    if (tp->as_mapping != NULL && tp->as_mapping->ass_subscript != NULL)
        return tp->as_mapping->ass_subscript(o, key, v);
    if (tp->as_sequence != NULL && tp->as_sequence->ass_item != NULL) {
        if (!has_index(key)) {
            tn_err_format(&tn_exc_TypeError, "sequence index must be integer, not '%T'", key);
            return -1;
        }
        tn_ssize_t i;
        if (sequence_index(o, key, &i) < 0)
            return -1;
        return tp->as_sequence->ass_item(o, i, v);
    }
    /* CPython words deletion two ways: PySequence_DelItem (a sequence type
     * and an index key) says "doesn't", PyObject_DelItem "does not". */
    if (v != NULL)
        tn_err_format(&tn_exc_TypeError, "'%s' object does not support item assignment", tn_type_name(tp));
    else if (tp->as_sequence != NULL && has_index(key))
        tn_err_format(&tn_exc_TypeError, "'%s' object doesn't support item deletion", tn_type_name(tp));
    else
        tn_err_format(&tn_exc_TypeError, "'%s' object does not support item deletion", tn_type_name(tp));
    return -1;
}

int tn_object_setitem(TnObject *o, TnObject *key, TnObject *v) { return set_or_del_item(o, key, v); }
int tn_object_delitem(TnObject *o, TnObject *key) { return set_or_del_item(o, key, NULL); }

tn_ssize_t tn_object_length(TnObject *o)
{
    TnType *tp = tn_type(o);
    if (tp->as_sequence != NULL && tp->as_sequence->length != NULL)
        return tp->as_sequence->length(o);
    if (tp->as_mapping != NULL && tp->as_mapping->length != NULL)
        return tp->as_mapping->length(o);
    tn_err_format(&tn_exc_TypeError, "object of type '%s' has no len()", tn_type_name(tp));
    return -1;
}

int tn_sequence_contains(TnObject *seq, TnObject *item)
{
    TnType *tp = tn_type(seq);
    if (tp->as_sequence != NULL && tp->as_sequence->contains != NULL)
        return tp->as_sequence->contains(seq, item);
    if (tp->iter == NULL && (tp->as_sequence == NULL || tp->as_sequence->item == NULL)) {
        tn_err_format(&tn_exc_TypeError, "argument of type '%s' is not iterable", tn_type_name(tp));
        return -1;
    }
    TnObject *it = tn_object_get_iter(seq);
    if (it == NULL)
        return -1;
    int found = 0;
    TnObject *v;
    while ((v = tn_iter_next(it)) != NULL) {
        found = tn_object_richcompare_bool(v, item, TN_EQ);
        tn_decref(v);
        if (found != 0)
            break;
    }
    tn_decref(it);
    if (found == 0 && tn_err_occurred())
        return -1;
    return found;
}

/* ---- numbers -------------------------------------------------------------- */

#define NB_SLOT(member) offsetof(TnNumberMethods, member)
#define NO_SLOT ((size_t)-1)

/* Indexed by TnOperator.  POW is ternary and handled apart. */
static const size_t binary_slots[13] = {
    NB_SLOT(add), NB_SLOT(and_), NB_SLOT(floor_divide), NB_SLOT(lshift), NB_SLOT(matrix_multiply),
    NB_SLOT(multiply), NB_SLOT(remainder), NB_SLOT(or_), NO_SLOT, NB_SLOT(rshift), NB_SLOT(subtract),
    NB_SLOT(true_divide), NB_SLOT(xor_),
};
static const size_t inplace_slots[13] = {
    NB_SLOT(inplace_add), NB_SLOT(inplace_and), NB_SLOT(inplace_floor_divide), NB_SLOT(inplace_lshift),
    NB_SLOT(inplace_matrix_multiply), NB_SLOT(inplace_multiply), NB_SLOT(inplace_remainder),
    NB_SLOT(inplace_or), NO_SLOT, NB_SLOT(inplace_rshift), NB_SLOT(inplace_subtract),
    NB_SLOT(inplace_true_divide), NB_SLOT(inplace_xor),
};
static const char *const binop_symbols[26] = {
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
    "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
};

const char *tn_binop_symbol(int op)
{
    return op >= 0 && op < 26 ? binop_symbols[op] : "?";
}

static tn_binaryfunc get_binary_slot(TnType *tp, size_t off)
{
    if (tp->as_number == NULL || off == NO_SLOT)
        return NULL;
    return *(const tn_binaryfunc *)((const char *)tp->as_number + off);
}

/* CPython's binary_op1: try a's slot, then b's (b first when b's type is a
 * subclass of a's that overrides the slot).  Returns NotImplemented when
 * neither applies. */
static TnObject *binary_op1(TnObject *a, TnObject *b, size_t off)
{
    tn_binaryfunc slota = get_binary_slot(tn_type(a), off);
    tn_binaryfunc slotb = NULL;
    if (tn_type(b) != tn_type(a)) {
        slotb = get_binary_slot(tn_type(b), off);
        if (slotb == slota)
            slotb = NULL;
    }
    if (slota != NULL) {
        if (slotb != NULL && tn_type_is_subtype(tn_type(b), tn_type(a))) {
            TnObject *r = slotb(a, b);
            if (r != TN_NOTIMPLEMENTED)
                return r;
            tn_decref(r);
            slotb = NULL;
        }
        TnObject *r = slota(a, b);
        if (r != TN_NOTIMPLEMENTED)
            return r;
        tn_decref(r);
    }
    if (slotb != NULL)
        return slotb(a, b);
    return tn_newref(TN_NOTIMPLEMENTED);
}

static TnObject *binop_type_error(TnObject *a, TnObject *b, int op)
{
    if (op == TN_OP_POW)
        return tn_err_format(&tn_exc_TypeError, "unsupported operand type(s) for ** or pow(): '%T' and '%T'", a, b);
    return tn_err_format(&tn_exc_TypeError, "unsupported operand type(s) for %s: '%T' and '%T'",
                         tn_binop_symbol(op), a, b);
}

/* Sequence repetition: seq * n or n * seq. */
static TnObject *sequence_repeat(tn_ssizeargfunc repeat, TnObject *seq, TnObject *n)
{
    if (!has_index(n))
        return tn_err_format(&tn_exc_TypeError, "can't multiply sequence by non-int of type '%T'", n);
    tn_ssize_t count = tn_number_as_ssize(n, &tn_exc_OverflowError);
    if (count == -1 && tn_err_occurred())
        return NULL;
    return repeat(seq, count);
}

/* The + and * fallbacks onto the sequence protocol. */
static TnObject *sequence_fallback(TnObject *a, TnObject *b, int base, int inplace)
{
    const TnSequenceMethods *sa = tn_type(a)->as_sequence;
    const TnSequenceMethods *sb = tn_type(b)->as_sequence;
    if (base == TN_OP_ADD && sa != NULL) {
        if (inplace && sa->inplace_concat != NULL)
            return sa->inplace_concat(a, b);
        if (sa->concat != NULL)
            return sa->concat(a, b);
    }
    if (base == TN_OP_MULT) {
        if (sa != NULL && (sa->repeat != NULL || (inplace && sa->inplace_repeat != NULL)))
            return sequence_repeat(inplace && sa->inplace_repeat ? sa->inplace_repeat : sa->repeat, a, b);
        if (sb != NULL && sb->repeat != NULL)
            return sequence_repeat(sb->repeat, b, a);
    }
    return tn_newref(TN_NOTIMPLEMENTED);
}

static TnObject *ternary_power(TnObject *a, TnObject *b, TnObject *mod, int inplace)
{
    tn_ternaryfunc sa = NULL, sb = NULL;
    if (inplace && tn_type(a)->as_number != NULL && tn_type(a)->as_number->inplace_power != NULL) {
        TnObject *r = tn_type(a)->as_number->inplace_power(a, b, mod);
        if (r != TN_NOTIMPLEMENTED)
            return r;
        tn_decref(r);
    }
    if (tn_type(a)->as_number != NULL)
        sa = tn_type(a)->as_number->power;
    if (tn_type(b) != tn_type(a) && tn_type(b)->as_number != NULL) {
        sb = tn_type(b)->as_number->power;
        if (sb == sa)
            sb = NULL;
    }
    if (sa != NULL) {
        if (sb != NULL && tn_type_is_subtype(tn_type(b), tn_type(a))) {
            TnObject *r = sb(a, b, mod);
            if (r != TN_NOTIMPLEMENTED)
                return r;
            tn_decref(r);
            sb = NULL;
        }
        TnObject *r = sa(a, b, mod);
        if (r != TN_NOTIMPLEMENTED)
            return r;
        tn_decref(r);
    }
    if (sb != NULL)
        return sb(a, b, mod);
    return tn_newref(TN_NOTIMPLEMENTED);
}

TnObject *tn_number_binop(TnObject *a, TnObject *b, int op)
{
    int inplace = op >= TN_OP_INPLACE_OFFSET;
    int base = inplace ? op - TN_OP_INPLACE_OFFSET : op;
    if (base < 0 || base > TN_OP_BITXOR) {
        tn_err_bad_internal_call("tn_number_binop");
        return NULL;
    }
    TnObject *r;
    if (base == TN_OP_POW) {
        r = ternary_power(a, b, TN_NONE, inplace);
    } else {
        r = TN_NOTIMPLEMENTED;
        if (inplace) {
            tn_binaryfunc islot = get_binary_slot(tn_type(a), inplace_slots[base]);
            if (islot != NULL)
                r = islot(a, b);
        }
        if (r == TN_NOTIMPLEMENTED) {
            tn_decref(r);
            r = binary_op1(a, b, binary_slots[base]);
        }
        if (r == TN_NOTIMPLEMENTED && (base == TN_OP_ADD || base == TN_OP_MULT)) {
            tn_decref(r);
            r = sequence_fallback(a, b, base, inplace);
        }
    }
    if (r == TN_NOTIMPLEMENTED) {
        tn_decref(r);
        return binop_type_error(a, b, op);
    }
    return r;
}

TnObject *tn_number_power(TnObject *a, TnObject *b, TnObject *mod)
{
    TnObject *r = ternary_power(a, b, mod, 0);
    if (r == TN_NOTIMPLEMENTED) {
        tn_decref(r);
        if (mod == TN_NONE)
            return binop_type_error(a, b, TN_OP_POW);
        return tn_err_format(&tn_exc_TypeError, "unsupported operand type(s) for ** or pow(): '%T', '%T', '%T'",
                             a, b, mod);
    }
    return r;
}

static TnObject *unary(TnObject *o, size_t off, const char *what)
{
    const TnNumberMethods *nb = tn_type(o)->as_number;
    if (nb != NULL) {
        tn_unaryfunc f = *(const tn_unaryfunc *)((const char *)nb + off);
        if (f != NULL)
            return f(o);
    }
    return tn_err_format(&tn_exc_TypeError, "bad operand type for %s: '%T'", what, o);
}

TnObject *tn_number_negative(TnObject *o) { return unary(o, NB_SLOT(negative), "unary -"); }
TnObject *tn_number_positive(TnObject *o) { return unary(o, NB_SLOT(positive), "unary +"); }
TnObject *tn_number_invert(TnObject *o) { return unary(o, NB_SLOT(invert), "unary ~"); }
TnObject *tn_number_absolute(TnObject *o) { return unary(o, NB_SLOT(absolute), "abs()"); }

TnObject *tn_number_index(TnObject *o)
{
    if (tn_int_check_exact(o))
        return tn_newref(o);
    const TnNumberMethods *nb = tn_type(o)->as_number;
    if (nb == NULL || nb->index == NULL) {
        if (tn_int_check(o))
            return tn_newref(o);
        return tn_err_format(&tn_exc_TypeError, "'%T' object cannot be interpreted as an integer", o);
    }
    TnObject *r = nb->index(o);
    if (r != NULL && !tn_int_check(r)) {
        tn_err_format(&tn_exc_TypeError, "__index__ returned non-int (type %T)", r);
        tn_decref(r);
        return NULL;
    }
    return r;
}

int tn_number_as_c_int(TnObject *o, int *out)
{
    TnObject *idx = tn_number_index(o);
    if (idx == NULL)
        return -1;
    int overflow = 0;
    int64_t v = tn_int_as_i64(idx, &overflow);
    tn_decref(idx);
    if (overflow || v < INT_MIN || v > INT_MAX) {
        tn_err_set_str(&tn_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)v;
    return 0;
}

tn_ssize_t tn_number_as_ssize(TnObject *o, TnType *exc)
{
    TnObject *i = tn_number_index(o);
    if (i == NULL)
        return -1;
    int overflow;
    int64_t v = tn_int_as_i64(i, &overflow);
    if (overflow) {
        if (exc == NULL) {
            v = tn_int_sign(i) < 0 ? INT64_MIN : INT64_MAX;
        } else {
            tn_err_format(exc, "cannot fit '%T' into an index-sized integer", o);
            tn_decref(i);
            return -1;
        }
    }
    tn_decref(i);
    return (tn_ssize_t)v;
}

TnObject *tn_number_int(TnObject *o)
{
    return tn_call_one(TN_OBJ(&tn_type_int), o);
}

TnObject *tn_number_float(TnObject *o)
{
    return tn_call_one(TN_OBJ(&tn_type_float), o);
}

/* ---- calls ---------------------------------------------------------------- */

TnObject *tn_call(TnObject *callable, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    tn_vectorcallfunc call = tn_type(callable)->call;
    if (call == NULL)
        return tn_err_format(&tn_exc_TypeError, "'%T' object is not callable", callable);
    TnObject *res = call(callable, args, nargs, kwnames);
    if (res == NULL && tn_err_occurred() == NULL)
        return tn_err_format(&tn_exc_SystemError, "%R returned NULL without setting an exception", callable);
    return res;
}

TnObject *tn_call_noargs(TnObject *callable)
{
    return tn_call(callable, NULL, 0, NULL);
}

TnObject *tn_call_one(TnObject *callable, TnObject *arg)
{
    return tn_call(callable, &arg, 1, NULL);
}

TnObject *tn_call_method_cstr(TnObject *obj, const char *name, TnObject *const *args, tn_ssize_t nargs)
{
    TnObject *n = tn_str_intern_cstr(name);
    if (n == NULL)
        return NULL;
    TnObject *meth;
    int r = tn_object_get_method(obj, n, &meth);
    tn_decref(n);
    if (r < 0)
        return NULL;
    TnObject *small[8];
    TnObject **buf = small;
    if (nargs + 1 > 8) {
        buf = tn_mem_alloc(sizeof(TnObject *) * (size_t)(nargs + 1));
        if (buf == NULL) {
            tn_decref(meth);
            return tn_err_no_memory();
        }
    }
    TnObject *res;
    if (r == 1) {
        buf[0] = obj;
        if (nargs > 0)
            memcpy(buf + 1, args, sizeof(TnObject *) * (size_t)nargs);
        res = tn_call(meth, buf, nargs + 1, NULL);
    } else {
        res = tn_call(meth, args, nargs, NULL);
    }
    if (buf != small)
        tn_mem_free(buf);
    tn_decref(meth);
    return res;
}

/* The call with keyword arguments from kw, a dict no other code can reach
 * (its values are borrowed on the stack for the whole call). */
static TnObject *call_tuple_private_dict(TnObject *callable, TnObject *args, TnObject *kwargs)
{
    tn_ssize_t nargs = tn_tuple_size(args);
    tn_ssize_t nkw = tn_dict_size(kwargs);
    TnObject **stack = tn_mem_alloc(sizeof(TnObject *) * (size_t)(nargs + nkw));
    TnObject *kwnames = tn_tuple_new(nkw);
    TnObject *res = NULL;
    if (stack == NULL || kwnames == NULL) {
        tn_err_no_memory();
        goto done;
    }
    memcpy(stack, tn_tuple_items(args), sizeof(TnObject *) * (size_t)nargs);
    tn_ssize_t pos = 0, i = 0;
    TnObject *k, *v;
    while (tn_dict_next(kwargs, &pos, &k, &v) && i < nkw) {
        if (!tn_str_check(k)) {
            tn_err_set_str(&tn_exc_TypeError, "keywords must be strings");
            goto done;
        }
        tn_tuple_set_steal(kwnames, i, tn_newref(k));
        stack[nargs + i] = v;
        i++;
    }
    res = tn_call(callable, stack, nargs, kwnames);
done:
    tn_mem_free(stack);
    tn_xdecref(kwnames);
    return res;
}

TnObject *tn_call_tuple_dict(TnObject *callable, TnObject *args, TnObject *kwargs)
{
    if (kwargs == NULL || tn_dict_size(kwargs) == 0)
        return tn_call(callable, tn_tuple_items(args), tn_tuple_size(args), NULL);
    /* A private copy, taken in one critical section: the caller's dict can
     * change during the call (in code the call runs, or in another thread,
     * e.g. the kwargs of a thread being started) and free the values. */
    TnObject *kw = tn_dict_copy(kwargs);
    if (kw == NULL)
        return NULL;
    TnObject *res = call_tuple_private_dict(callable, args, kw);
    tn_decref(kw);
    return res;
}

int tn_callable_check(TnObject *o)
{
    return tn_type(o)->call != NULL;
}

/* ---- isinstance / issubclass --------------------------------------------------- */

/* cls.__instancecheck__ / __subclasscheck__ defined by a Python class of
 * cls (a metaclass, or the class of any object used as cls), looked up on
 * that class and bound to cls as CPython's _PyObject_LookupSpecial does:
 * 1/0 from its result, -1 error, -2 when there is no such hook. */
static int metaclass_check(TnObject *cls, const char *hook, TnObject *arg)
{
    TnType *meta = tn_type(cls);
    if (!(meta->flags & TN_TPFLAGS_HEAPTYPE))
        return -2;
    TnObject *f = tn_type_lookup(meta, tn_str_intern_cstr(hook));
    if (f == NULL)
        return -2;
    tn_descrgetfunc get = tn_type(f)->descr_get;
    tn_incref(f);
    TnObject *bound = get != NULL ? get(f, cls, TN_OBJ(meta)) : tn_newref(f);
    tn_decref(f);
    if (bound == NULL)
        return -1;
    TnObject *r = tn_call_one(bound, arg);
    tn_decref(bound);
    if (r == NULL)
        return -1;
    int t = tn_object_is_true(r);
    tn_decref(r);
    return t;
}

/* isinstance without hooks: type(inst), then inst.__class__ when that
 * differs (a proxy may fake it; CPython's object_isinstance).  1 / 0 / -1. */
static int plain_isinstance(TnObject *inst, TnType *cls)
{
    if (tn_object_type_check(inst, cls))
        return 1;
    TnObject *icls;
    int r = tn_object_lookup_attr(inst, tn_str_intern_cstr("__class__"), &icls);
    if (r <= 0)
        return r;
    r = icls != TN_OBJ(tn_type(inst)) && tn_object_type_check(icls, &tn_type_type)
        && tn_type_is_subtype((TnType *)icls, cls);
    tn_decref(icls);
    return r;
}

/* isinstance(inst, tuple): true if inst is an instance of any member.
 * Tuples may nest arbitrarily deep, so each level counts against the
 * recursion limit, with CPython's message.  1 / 0 / -1. */
static int isinstance_any(TnObject *inst, TnObject *tuple)
{
    if (tn_enter_recursive_call(" in __instancecheck__") < 0)
        return -1;
    int r = 0;
    tn_ssize_t n = tn_tuple_size(tuple);
    for (tn_ssize_t i = 0; i < n && r == 0; i++)
        r = tn_object_isinstance(inst, tn_tuple_get(tuple, i));
    tn_leave_recursive_call();
    return r;
}

/* issubclass(derived, tuple), the same way. */
static int issubclass_any(TnObject *derived, TnObject *tuple)
{
    if (tn_enter_recursive_call(" in __subclasscheck__") < 0)
        return -1;
    int r = 0;
    tn_ssize_t n = tn_tuple_size(tuple);
    for (tn_ssize_t i = 0; i < n && r == 0; i++)
        r = tn_object_issubclass(derived, tn_tuple_get(tuple, i));
    tn_leave_recursive_call();
    return r;
}

/* cls.__instancecheck__ / __subclasscheck__ of a class that is not exactly
 * `type` (a metaclass's, or any object's that defines it), under the
 * recursion limit as in CPython: the hook may be an instance of a class
 * whose hook is ... .  1/0, -1 error, -2 when there is no such hook. */
static int hook_check(TnObject *cls, const char *hook, const char *where, TnObject *arg)
{
    if (tn_enter_recursive_call(where) < 0)
        return -1;
    int r = metaclass_check(cls, hook, arg);
    tn_leave_recursive_call();
    return r;
}

/* The order is CPython's object_recursive_isinstance: exact type, then
 * union and tuple, then the hook, then the plain check. */
int tn_object_isinstance(TnObject *inst, TnObject *cls)
{
    if (tn_type(inst) == (TnType *)cls)
        return 1;
    if (tn_type(cls) == &tn_type_type)
        return plain_isinstance(inst, (TnType *)cls);   /* type's own __instancecheck__ */
    TnObject *members = tn_union_args(cls);
    if (members != NULL)
        cls = members;   /* isinstance(x, int | str) */
    if (tn_tuple_check(cls))
        return isinstance_any(inst, cls);
    int r = hook_check(cls, "__instancecheck__", " in __instancecheck__", inst);
    if (r != -2)
        return r;
    if (tn_object_type_check(cls, &tn_type_type))
        return plain_isinstance(inst, (TnType *)cls);
    tn_err_set_str(&tn_exc_TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return -1;
}

/* The same order (CPython's object_issubclass): arg 1 is checked last. */
int tn_object_issubclass(TnObject *derived, TnObject *cls)
{
    if (tn_type(cls) != &tn_type_type) {
        TnObject *members = tn_union_args(cls);
        if (members != NULL)
            cls = members;
        if (tn_tuple_check(cls))
            return issubclass_any(derived, cls);
        int r = hook_check(cls, "__subclasscheck__", " in __subclasscheck__", derived);
        if (r != -2)
            return r;
    }
    if (!tn_object_type_check(derived, &tn_type_type)) {
        tn_err_set_str(&tn_exc_TypeError, "issubclass() arg 1 must be a class");
        return -1;
    }
    if (tn_object_type_check(cls, &tn_type_type))
        return tn_type_is_subtype((TnType *)derived, (TnType *)cls);
    tn_err_set_str(&tn_exc_TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return -1;
}
