/* core/vm/args.c — argument checking for C functions called with the
 * vectorcall convention (see core/object.h).
 *
 * The messages reproduce CPython 3.11's exactly, because scripts and tests
 * compare them:
 *   - tn_args_no_kw:   _PyArg_NoKwnames        "f() takes no keyword arguments"
 *   - tn_args_count:   METH_NOARGS / METH_O checks and _PyArg_CheckPositional
 *   - tn_args_parse:   argument clinic's _PyArg_UnpackKeywords (no keyword-only
 *                      parameters, no varargs)
 */
#include "core/tn.h"

/* Number of keyword arguments described by kwnames (NULL = none). */
static tn_ssize_t kw_count(TnObject *kwnames)
{
    return kwnames == NULL ? 0 : tn_tuple_size(kwnames);
}

/* "f() takes no keyword arguments" when kwnames is non-empty.  0 / -1. */
int tn_args_no_kw(const char *fname, TnObject *kwnames)
{
    if (kw_count(kwnames) == 0)
        return 0;
    tn_err_format(&tn_exc_TypeError, "%s() takes no keyword arguments", fname);
    return -1;
}

/* Check min <= nargs <= max (max < 0: no upper bound).  The message depends
 * on the shape of the signature, as in CPython:
 *   max == 0:          "f() takes no arguments (1 given)"        (METH_NOARGS)
 *   min == max == 1:   "f() takes exactly one argument (2 given)" (METH_O)
 *   otherwise:         "f expected at most 2 arguments, got 3"   (_PyArg_CheckPositional)
 * 0 / -1. */
int tn_args_count(const char *fname, tn_ssize_t nargs, tn_ssize_t min, tn_ssize_t max)
{
    if (nargs >= min && (max < 0 || nargs <= max))
        return 0;
    if (max == 0) {
        tn_err_format(&tn_exc_TypeError, "%s() takes no arguments (%zd given)", fname, nargs);
    } else if (min == 1 && max == 1) {
        tn_err_format(&tn_exc_TypeError, "%s() takes exactly one argument (%zd given)",
                      fname, nargs);
    } else if (nargs < min) {
        tn_err_format(&tn_exc_TypeError, "%s expected %s%zd argument%s, got %zd", fname,
                      min == max ? "" : "at least ", min, min == 1 ? "" : "s", nargs);
    } else {
        tn_err_format(&tn_exc_TypeError, "%s expected %s%zd argument%s, got %zd", fname,
                      min == max ? "" : "at most ", max, max == 1 ? "" : "s", nargs);
    }
    return -1;
}

/* Index of the keyword argument named `name` in kwnames, or -1. */
static tn_ssize_t find_keyword(TnObject *kwnames, const char *name)
{
    tn_ssize_t n = kw_count(kwnames);
    for (tn_ssize_t j = 0; j < n; j++) {
        TnObject *kw = tn_tuple_get(kwnames, j);
        if (tn_str_check(kw) && tn_str_eq_cstr(kw, name))
            return j;
    }
    return -1;
}

/* Is kw one of the keyword-capable parameter names (names[posonly..])? */
static bool is_keyword_param(TnObject *kw, const char *const *names, int posonly, int n)
{
    for (int i = posonly; i < n; i++) {
        if (tn_str_eq_cstr(kw, names[i]))
            return true;
    }
    return false;
}

/* Raise the error for a keyword that matched no parameter (CPython's
 * error_unexpected_keyword_arg).  Always -1. */
static int unexpected_keyword(const char *fname, TnObject *kwnames, const char *const *names,
                              int posonly, int n)
{
    tn_ssize_t nkw = kw_count(kwnames);
    for (tn_ssize_t j = 0; j < nkw; j++) {
        TnObject *kw = tn_tuple_get(kwnames, j);
        if (!tn_str_check(kw)) {
            tn_err_set_str(&tn_exc_TypeError, "keywords must be strings");
            return -1;
        }
        if (!is_keyword_param(kw, names, posonly, n)) {
            tn_err_format(&tn_exc_TypeError, "'%S' is an invalid keyword argument for %s()",
                          kw, fname);
            return -1;
        }
    }
    /* Only reachable with duplicate names in kwnames. */
    tn_err_format(&tn_exc_TypeError, "%s() got multiple values for a keyword argument", fname);
    return -1;
}

/* The count checks CPython makes before matching names.  0 / -1. */
static int check_counts(const char *fname, tn_ssize_t nargs, tn_ssize_t nkw, int n,
                        int posonly, int required)
{
    if (nargs + nkw > n) {
        tn_err_format(&tn_exc_TypeError, "%s() takes at most %d %sargument%s (%zd given)",
                      fname, n, nargs == 0 ? "keyword " : "", n == 1 ? "" : "s", nargs + nkw);
        return -1;
    }
    int minposonly = posonly < required ? posonly : required;
    if (nargs < minposonly) {
        tn_err_format(&tn_exc_TypeError, "%s() takes %s %d positional argument%s (%zd given)",
                      fname, minposonly < n ? "at least" : "exactly", minposonly,
                      minposonly == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

/* Parse arguments by name, as argument clinic does for a signature whose
 * parameters are names[0..n-1] (the first `posonly` positional-only, the
 * first `required` mandatory, no keyword-only ones).  out[i] receives a
 * BORROWED reference, or NULL for an omitted optional parameter.
 * Keyword values are args[nargs + j] for kwnames[j].  0 / -1. */
int tn_args_parse(const char *fname, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames,
                  const char *const *names, int posonly, int required, TnObject **out)
{
    int n = 0;
    while (names[n] != NULL)
        n++;
    tn_ssize_t nkw = kw_count(kwnames);
    if (nkw == 0 && nargs >= required && nargs <= n) {
        for (int i = 0; i < n; i++)
            out[i] = i < nargs ? args[i] : NULL;
        return 0;
    }
    if (check_counts(fname, nargs, nkw, n, posonly, required) < 0)
        return -1;
    for (int i = 0; i < n; i++)
        out[i] = i < nargs ? args[i] : NULL;
    TnObject *const *kwvalues = args + nargs;
    tn_ssize_t unmatched = nkw;
    for (int i = (int)(nargs > posonly ? nargs : posonly); i < n; i++) {
        tn_ssize_t j = unmatched > 0 ? find_keyword(kwnames, names[i]) : -1;
        if (j >= 0) {
            out[i] = kwvalues[j];
            unmatched--;
        } else if (i < required) {
            tn_err_format(&tn_exc_TypeError, "%s() missing required argument '%s' (pos %d)",
                          fname, names[i], i + 1);
            return -1;
        }
    }
    if (unmatched == 0)
        return 0;
    /* Some keyword matched nothing: first, a parameter given twice? */
    for (int i = posonly; i < nargs; i++) {
        if (find_keyword(kwnames, names[i]) >= 0) {
            tn_err_format(&tn_exc_TypeError,
                          "argument for %s() given by name ('%s') and position (%d)",
                          fname, names[i], i + 1);
            return -1;
        }
    }
    return unexpected_keyword(fname, kwnames, names, posonly, n);
}
