/* core/objects/int.h — int (and the representation-independent int API).
 *
 * Callers never look inside TnInt.  Representation (private to int.c):
 * a value that fits int64_t is held in `value` with ndigits == 0 (the
 * common, fast case; also how True/False are initialised statically);
 * any other value is sign + magnitude in 30-bit digits stored inline after
 * the header, ndigits = +/- digit count.  The form is canonical: a value
 * that fits int64_t is never stored in digits.
 * Values from -5 to 256 are cached immortal objects.
 */
#ifndef TN_INT_H
#define TN_INT_H

#include "core/object.h"

typedef struct TnInt {
    TnObject ob;
    int64_t value;          /* the value when ndigits == 0 */
    tn_ssize_t ndigits;     /* 0, or +/- number of 30-bit digits below */
    uint32_t digit[];       /* little-endian magnitude when ndigits != 0 */
} TnInt;

extern TnType tn_type_int;

/* int or a subclass (bool included). */
static inline bool tn_int_check(const TnObject *op)
{
    return (op->type->flags & TN_TPFLAGS_INT_SUBCLASS) != 0;
}
static inline bool tn_int_check_exact(const TnObject *op) { return op->type == &tn_type_int; }

TnObject *tn_int_from_i64(int64_t v);
/* Eval-loop fast path: true (with *v set) if op is an exact int whose value
 * fits a machine word.  Keeps the representation private to int.c/int.h. */
static inline bool tn_int_exact_word(const TnObject *op, int64_t *v)
{
    if (op->type != &tn_type_int || ((const TnInt *)op)->ndigits != 0)
        return false;
    *v = ((const TnInt *)op)->value;
    return true;
}
/* tn_int_from_i64: new ref, NULL on MemoryError */
static inline TnObject *tn_int_from_ssize(tn_ssize_t v) { return tn_int_from_i64((int64_t)v); }
/* op must be an int (or subclass).  Sets *overflow to 1 (and returns -1)
 * if it does not fit; otherwise 0. */
int64_t tn_int_as_i64(TnObject *op, int *overflow);
/* op must be an int.  Returns the value, or -1 with OverflowError
 * ("Python int too large to convert to C ssize_t"). */
tn_ssize_t tn_int_as_ssize(TnObject *op);
/* Parse the digits of a literal or of int(s, base): underscores allowed
 * between digits per the language rules, base 0 = infer from prefix.
 * Returns new ref or NULL with ValueError
 * ("invalid literal for int() with base 10: 'x'") */
TnObject *tn_int_from_string(const char *s, tn_ssize_t len, int base);
/* -1, 0, 1 */
int tn_int_sign(TnObject *op);
/* Convert to double, correctly rounded; -1.0 with OverflowError
 * "int too large to convert to float" when out of range. */
double tn_int_as_double(TnObject *op);
/* int(d) for a finite double (truncates toward zero); new ref or NULL.
 * The caller rejects inf/nan with its own message. */
TnObject *tn_int_from_double(double d);
/* Exact comparison of int a with finite or infinite double d (not nan):
 * -1, 0, 1 for a < d, a == d, a > d. */
int tn_int_compare_double(TnObject *a, double d);
/* str(int) in the given base (10 for str/repr; 2, 8, 16 add the prefix) */
TnObject *tn_int_to_str(TnObject *op, int base);
int tn_int_init_types(void);   /* small-int cache; called once at startup */

/* hash(n): n mod (2**61 - 1) with the sign of n, -1 mapped to -2 (CPython). */
tn_hash_t tn_int_hash(TnObject *op);
/* The int richcompare slot: NotImplemented unless both are ints. */
TnObject *tn_int_richcompare(TnObject *a, TnObject *b, int op);
/* round(x, ndigits) for an int x; ndigits NULL or None returns int(x).
 * Negative ndigits round half to even: round(1250, -2) == 1200. */
TnObject *tn_int_round(TnObject *x, TnObject *ndigits);
/* bool's number slots (int's, with & | ^ returning bools). */
extern const TnNumberMethods tn_bool_as_number;

#endif
