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

#endif
