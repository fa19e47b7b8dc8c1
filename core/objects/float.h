/* core/objects/float.h — float (IEEE 754 double). */
#ifndef TN_FLOAT_H
#define TN_FLOAT_H

#include "core/object.h"

typedef struct TnFloat {
    TnObject ob;
    double value;
} TnFloat;

extern TnType tn_type_float;

TnObject *tn_float_from_double(double v);   /* new ref */
static inline double tn_float_value(const TnObject *op) { return ((const TnFloat *)op)->value; }
/* float, int, or anything with __float__/__index__: the value, or -1.0 with
 * an exception set (check tn_err_occurred()). */
double tn_float_as_double(TnObject *op);
/* repr(x): the shortest string that round-trips, CPython's format
 * ("1.0", "0.1", "1e+16", "inf", "nan", "-0.0").  Writes into buf (>= 32 bytes). */
void tn_float_repr_buf(double v, char *buf, size_t bufsize);
/* Parse a float literal or float(s) argument (whitespace, inf/nan, underscores
 * per the rules).  NULL + ValueError "could not convert string to float: 'x'". */
TnObject *tn_float_from_string(const char *s, tn_ssize_t len);

static inline bool tn_float_check_exact(const TnObject *op) { return op->type == &tn_type_float; }
static inline bool tn_float_check(const TnObject *op)
{
    return op->type == &tn_type_float || tn_type_is_subtype(op->type, &tn_type_float);
}

/* Flags of tn_float_to_string (CPython's Py_DTSF_*). */
#define TN_DTSF_SIGN      0x01   /* always add the sign */
#define TN_DTSF_ADD_DOT_0 0x02   /* "1.0" rather than "1" for integral values */
#define TN_DTSF_ALT       0x04   /* '#' alternate form */
#define TN_DTSF_NO_NEG_0  0x08   /* 'z': negative zero becomes zero */
/* CPython's PyOS_double_to_string: code is 'e', 'E', 'f', 'F', 'g', 'G' or
 * 'r' (repr; precision ignored).  Returns a tn_mem_alloc'd string the
 * caller frees with tn_mem_free, or NULL with MemoryError. */
char *tn_float_to_string(double v, char code, int precision, int flags);
/* round(x, ndigits) (float.__round__): ndigits NULL or None returns an int
 * (half to even; ValueError for NaN, OverflowError for infinities);
 * otherwise a float correctly rounded to ndigits decimal places. */
TnObject *tn_float_round(double x, TnObject *ndigits);

#endif
