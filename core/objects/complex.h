/* core/objects/complex.h — complex (a pair of IEEE 754 doubles). */
#ifndef TN_COMPLEX_H
#define TN_COMPLEX_H

#include "core/object.h"

typedef struct TnComplex {
    TnObject ob;
    double real;
    double imag;
} TnComplex;

extern TnType tn_type_complex;

/* complex(re, im): new ref, or NULL with MemoryError. */
TnObject *tn_complex_from_doubles(double re, double im);
static inline double tn_complex_real(const TnObject *op) { return ((const TnComplex *)op)->real; }
static inline double tn_complex_imag(const TnObject *op) { return ((const TnComplex *)op)->imag; }

static inline bool tn_complex_check_exact(const TnObject *op) { return op->type == &tn_type_complex; }
static inline bool tn_complex_check(const TnObject *op)
{
    return op->type == &tn_type_complex || tn_type_is_subtype(op->type, &tn_type_complex);
}

/* x ** y for two complex values, with CPython's errors (ZeroDivisionError
 * "0.0 to a negative or complex power", OverflowError "complex
 * exponentiation").  Used by float ** float with a negative base. */
TnObject *tn_complex_pow_doubles(double xr, double xi, double yr, double yi);

#endif
