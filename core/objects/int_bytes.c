/* core/objects/int_bytes.c — int.to_bytes and int.from_bytes (3.11
 * signatures and messages), written over the int API so that they work for
 * every size without knowing the digit layout. */
#include "core/tn.h"
#include "core/objects/bytes.h"
#include "core/compiler/ast.h"
#include "core/objects/int_bytes.h"

static TnObject *binop_i64(TnObject *a, int64_t b, int op)
{
    TnObject *o = tn_int_from_i64(b);
    if (o == NULL)
        return NULL;
    TnObject *r = tn_number_binop(a, o, op);
    tn_decref(o);
    return r;
}

/* 1 << bits as an int. */
static TnObject *power_of_two(tn_ssize_t bits)
{
    TnObject *one = tn_int_from_i64(1);
    TnObject *r = one != NULL ? binop_i64(one, bits, TN_OP_LSHIFT) : NULL;
    tn_xdecref(one);
    return r;
}

static int parse_byteorder(TnObject *o, int *little)
{
    if (o == NULL) {
        *little = 0;
        return 0;
    }
    if (!tn_str_check(o)) {
        tn_err_format(&tn_exc_TypeError, "to_bytes() argument 'byteorder' must be str, not %T", o);
        return -1;
    }
    if (tn_str_eq_cstr(o, "little"))
        *little = 1;
    else if (tn_str_eq_cstr(o, "big"))
        *little = 0;
    else {
        tn_err_set_str(&tn_exc_ValueError, "byteorder must be either 'little' or 'big'");
        return -1;
    }
    return 0;
}

TnObject *tn_int_to_bytes_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"length", "byteorder", "signed", NULL};
    TnObject *out[3];
    if (tn_args_parse("to_bytes", args, nargs, kwnames, names, 0, 0, out) < 0)
        return NULL;
    tn_ssize_t length = 1;
    if (out[0] != NULL && (length = tn_number_as_ssize(out[0], &tn_exc_OverflowError)) == -1 && tn_err_occurred())
        return NULL;
    if (length < 0)
        return tn_err_format(&tn_exc_ValueError, "length argument must be non-negative");
    int little, is_signed = out[2] != NULL ? tn_object_is_true(out[2]) : 0;
    if (is_signed < 0 || parse_byteorder(out[1], &little) < 0)
        return NULL;
    int sign = tn_int_sign(self);
    if (sign < 0 && !is_signed)
        return tn_err_format(&tn_exc_OverflowError, "can't convert negative int to unsigned");
    /* Range check: [-2**(8n-1), 2**(8n-1)) signed, [0, 2**(8n)) unsigned. */
    TnObject *limit = power_of_two(8 * length - (is_signed ? 1 : 0));
    if (limit == NULL)
        return NULL;
    TnObject *value = tn_newref(self);
    int too_big = tn_object_richcompare_bool(self, limit, TN_GE);
    if (too_big == 0 && sign < 0) {
        TnObject *neg = tn_number_negative(limit);
        too_big = neg != NULL ? tn_object_richcompare_bool(self, neg, TN_LT) : -1;
        tn_xdecref(neg);
        /* Two's complement: add 2**(8n). */
        TnObject *wrap = too_big == 0 ? power_of_two(8 * length) : NULL;
        if (wrap != NULL)
            TN_SETREF(value, tn_number_binop(self, wrap, TN_OP_ADD));
        tn_xdecref(wrap);
    }
    tn_decref(limit);
    if (too_big != 0 || value == NULL) {
        tn_xdecref(value);
        if (too_big > 0)
            tn_err_set_str(&tn_exc_OverflowError, "int too big to convert");
        return NULL;
    }
    unsigned char *buf = tn_mem_alloc((size_t)length + 1);
    if (buf == NULL) {
        tn_decref(value);
        return tn_err_no_memory();
    }
    for (tn_ssize_t i = 0; i < length && value != NULL; i++) {
        TnObject *low = binop_i64(value, 0xFF, TN_OP_BITAND);
        int overflow;
        int64_t byte = low != NULL ? tn_int_as_i64(low, &overflow) : 0;
        tn_xdecref(low);
        buf[little ? i : length - 1 - i] = (unsigned char)byte;
        TN_SETREF(value, low != NULL ? binop_i64(value, 8, TN_OP_RSHIFT) : NULL);
    }
    TnObject *res = value != NULL ? tn_bytes_from_data((const char *)buf, length) : NULL;
    tn_xdecref(value);
    tn_mem_free(buf);
    return res;
}

TnObject *tn_int_from_bytes_meth(TnObject *cls, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"bytes", "byteorder", "signed", NULL};
    TnObject *out[3];
    if (tn_args_parse("from_bytes", args, nargs, kwnames, names, 0, 1, out) < 0)
        return NULL;
    int little, is_signed = out[2] != NULL ? tn_object_is_true(out[2]) : 0;
    if (is_signed < 0 || parse_byteorder(out[1], &little) < 0)
        return NULL;
    TnObject *data = tn_call_one(TN_OBJ(&tn_type_bytes), out[0]);
    if (data == NULL)
        return NULL;
    const unsigned char *p = (const unsigned char *)tn_bytes_data(data);
    tn_ssize_t n = tn_bytes_size(data);
    TnObject *value = tn_int_from_i64(0);
    for (tn_ssize_t i = 0; i < n && value != NULL; i++) {
        unsigned char b = p[little ? n - 1 - i : i];
        TnObject *shifted = binop_i64(value, 8, TN_OP_LSHIFT);
        tn_decref(value);
        value = shifted != NULL ? binop_i64(shifted, b, TN_OP_BITOR) : NULL;
        tn_xdecref(shifted);
    }
    if (value != NULL && is_signed && n > 0 && (p[little ? n - 1 : 0] & 0x80)) {
        TnObject *wrap = power_of_two(8 * n);
        TN_SETREF(value, wrap != NULL ? tn_number_binop(value, wrap, TN_OP_SUB) : NULL);
        tn_xdecref(wrap);
    }
    tn_decref(data);
    if (value == NULL || cls == TN_OBJ(&tn_type_int))
        return value;
    /* int subclasses (bool included) are built from the int value. */
    TnObject *res = tn_call_one(cls, value);
    tn_decref(value);
    return res;
}
