/* core/modules/operator.c — _operator: the C half of operator.  Tandem's
 * operator module is still lib/operator.py (docs/stdlib.md); this holds
 * what has no Python equivalent: _compare_digest, the constant-time
 * comparison hmac.compare_digest and secrets use (CPython's
 * _operator._compare_digest, with its messages). */
#include "core/tn.h"
#include "core/modules/modules.h"
#include "core/objects/bytes.h"

/* Compare without an early exit: the time depends on len(b) only. */
static bool equal_constant_time(const unsigned char *a, tn_ssize_t na, const unsigned char *b, tn_ssize_t nb)
{
    const unsigned char *left = na == nb ? a : b;
    unsigned result = na == nb ? 0 : 1;
    for (tn_ssize_t i = 0; i < nb; i++)
        result |= (unsigned)(left[i] ^ b[i]);
    return result == 0;
}

static TnObject *operator_compare_digest(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("_compare_digest", kwnames) < 0 || tn_args_count("_compare_digest", nargs, 2, 2) < 0)
        return NULL;
    TnObject *a = args[0], *b = args[1];
    if (tn_str_check(a) && tn_str_check(b)) {
        tn_ssize_t na, nb;
        const char *sa = tn_str_utf8(a, &na), *sb = tn_str_utf8(b, &nb);
        if (sa == NULL || sb == NULL)
            return NULL;
        if (na != tn_str_length(a) || nb != tn_str_length(b))
            return tn_err_format(&tn_exc_TypeError, "comparing strings with non-ASCII characters is not supported");
        return tn_bool_from(equal_constant_time((const unsigned char *)sa, na, (const unsigned char *)sb, nb));
    }
    /* Bytes-like objects (copied: a bytearray may change meanwhile). */
    TnObject *ba = tn_str_check(a) ? NULL : tn_bytes_snapshot_ref(a);
    if (ba == NULL)
        tn_err_clear();
    TnObject *bb = tn_str_check(b) ? NULL : tn_bytes_snapshot_ref(b);
    if (bb == NULL)
        tn_err_clear();
    if (ba == NULL || bb == NULL) {
        TnObject *bad = ba == NULL ? a : b;
        if (ba == NULL && bb == NULL)
            tn_err_format(&tn_exc_TypeError, "unsupported operand types(s) or combination of types: '%s' and '%s'",
                          tn_type_name(tn_type(a)), tn_type_name(tn_type(b)));
        else
            tn_err_format(&tn_exc_TypeError, "a bytes-like object is required, not '%s'", tn_type_name(tn_type(bad)));
        tn_xdecref(ba);
        tn_xdecref(bb);
        return NULL;
    }
    bool eq = equal_constant_time((const unsigned char *)tn_bytes_data(ba), tn_bytes_size(ba),
                                  (const unsigned char *)tn_bytes_data(bb), tn_bytes_size(bb));
    tn_decref(ba);
    tn_decref(bb);
    return tn_bool_from(eq);
}

static const TnMethodDef operator_methods[] = {
    {"_compare_digest", operator_compare_digest, 0, "Return 'a == b'.\n\nThis function uses an approach designed to prevent\ntiming analysis, making it appropriate for cryptography."},
    {NULL, NULL, 0, NULL},
};

TnObject *tn_operator_module_create(void)
{
    TnObject *m = tn_module_new("_operator");
    if (m != NULL && tn_module_add_functions(m, operator_methods) < 0)
        TN_CLEAR(m);
    return m;
}
