/* core/modules/builtins.c — the builtins module: builtin functions, and
 * every builtin type and exception class bound to its Python name.
 *
 * Each function follows CPython 3.11's behaviour and error messages (the
 * argument checks go through core/vm/args.h).  The iterator types
 * (enumerate, zip, map, filter, reversed, callable_iterator) live in
 * builtins_iter.c.
 *
 * Not here yet: open (file objects), compile/eval/exec (need the compiler
 * entry points), __import__, __build_class__, breakpoint, help, and the
 * types Tandem does not have yet (bytes, set, property, super...).
 */
#include <limits.h>
#include <stdio.h>
#include "core/tn.h"
#include "core/compiler/compile.h"
#include "core/vm/import.h"
#include "core/objects/complex.h"
#include "core/compiler/ast.h"
#include "core/compiler/parser.h"
#include "core/modules/ast_nodes.h"
#include "core/vm/eval.h"
#include "core/modules/modules.h"
#include "core/modules/builtins_iter.h"
#include "core/modules/builtins_async.h"

/* ======================================================================
 * helpers shared with builtins_iter.c and sys.c
 * ====================================================================== */

int tn_builtins_check_positional(const char *fname, tn_ssize_t nargs, tn_ssize_t min,
                                 tn_ssize_t max)
{
    if (nargs < min) {
        tn_err_format(&tn_exc_TypeError, "%s expected %s%zd argument%s, got %zd", fname,
                      min == max ? "" : "at least ", min, min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (max >= 0 && nargs > max) {
        tn_err_format(&tn_exc_TypeError, "%s expected %s%zd argument%s, got %zd", fname,
                      min == max ? "" : "at most ", max, max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

int tn_builtins_call_special(TnObject *self, const char *name, TnObject *const *args,
                             tn_ssize_t nargs, TnObject **result)
{
    *result = NULL;
    TnObject *key = tn_str_intern_cstr(name);
    if (key == NULL)
        return -1;
    TnObject *attr = tn_type_lookup(tn_type(self), key);
    tn_decref(key);
    if (attr == NULL)
        return 0;
    *result = tn_call_method_cstr(self, name, args, nargs);
    return *result != NULL ? 1 : -1;
}

int tn_builtins_as_int(TnObject *o, int *out)
{
    return tn_number_as_c_int(o, out);
}

/* The METH_O check: no keywords, exactly one positional.  0 / -1. */
static int one_arg(const char *fname, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw(fname, kwnames) < 0)
        return -1;
    return tn_args_count(fname, nargs, 1, 1);
}

/* No keywords and min <= nargs <= max, with _PyArg_CheckPositional's
 * messages.  0 / -1. */
static int positional(const char *fname, tn_ssize_t nargs, TnObject *kwnames, tn_ssize_t min,
                      tn_ssize_t max)
{
    if (tn_args_no_kw(fname, kwnames) < 0)
        return -1;
    return tn_builtins_check_positional(fname, nargs, min, max);
}

/* CPython checks attribute names before looking anything up. */
static int check_attr_name(TnObject *name)
{
    if (tn_str_check(name))
        return 0;
    tn_err_format(&tn_exc_TypeError, "attribute name must be string, not '%T'", name);
    return -1;
}

/* ======================================================================
 * print, input
 * ====================================================================== */

typedef struct PrintArgs {
    TnObject *sep, *end, *file;   /* borrowed; NULL = default */
    int flush;
} PrintArgs;

/* print's keyword-only parameters.  CPython 3.11 reports an unknown
 * keyword before counting them, so the names are matched one by one. */
static int print_parse(TnObject *const *kwvalues, TnObject *kwnames, PrintArgs *pa)
{
    static const char *const names[] = {"sep", "end", "file", "flush"};
    TnObject *vals[4] = {NULL, NULL, NULL, NULL};
    tn_ssize_t nkw = kwnames == NULL ? 0 : tn_tuple_size(kwnames);
    for (tn_ssize_t j = 0; j < nkw; j++) {
        TnObject *kw = tn_tuple_get(kwnames, j);
        int k = 0;
        while (k < 4 && !(tn_str_check(kw) && tn_str_eq_cstr(kw, names[k])))
            k++;
        if (k == 4) {
            tn_err_format(&tn_exc_TypeError, "'%S' is an invalid keyword argument for print()", kw);
            return -1;
        }
        vals[k] = kwvalues[j];
    }
    pa->flush = 0;
    if (vals[3] != NULL && (pa->flush = tn_object_is_true(vals[3])) < 0)
        return -1;
    pa->file = vals[2] == TN_NONE ? NULL : vals[2];
    pa->sep = vals[0] == TN_NONE ? NULL : vals[0];
    pa->end = vals[1] == TN_NONE ? NULL : vals[1];
    if (pa->sep != NULL && !tn_str_check(pa->sep)) {
        tn_err_format(&tn_exc_TypeError, "sep must be None or a string, not %T", pa->sep);
        return -1;
    }
    if (pa->end != NULL && !tn_str_check(pa->end)) {
        tn_err_format(&tn_exc_TypeError, "end must be None or a string, not %T", pa->end);
        return -1;
    }
    return 0;
}

/* Write the str s to file.  0 / -1. */
static int write_str(TnObject *file, TnObject *s)
{
    TnObject *r = tn_call_method_cstr(file, "write", &s, 1);
    if (r == NULL)
        return -1;
    tn_decref(r);
    return 0;
}

/* Write s if given, else the C string dflt.  0 / -1. */
static int write_or_default(TnObject *file, TnObject *s, const char *dflt)
{
    if (s != NULL)
        return write_str(file, s);
    TnObject *d = tn_str_from_cstr(dflt);
    if (d == NULL)
        return -1;
    int r = write_str(file, d);
    tn_decref(d);
    return r;
}

/* Write str(o) to file.  0 / -1. */
static int write_object(TnObject *file, TnObject *o)
{
    TnObject *s = tn_object_str(o);
    if (s == NULL)
        return -1;
    int r = write_str(file, s);
    tn_decref(s);
    return r;
}

static int flush_file(TnObject *file)
{
    TnObject *r = tn_call_method_cstr(file, "flush", &file, 0);
    if (r == NULL)
        return -1;
    tn_decref(r);
    return 0;
}

/* Write the objects, separators and end of one print() call to file.
 * 0 / -1. */
static int print_to(TnObject *file, TnObject *const *args, tn_ssize_t nargs, const PrintArgs *pa)
{
    for (tn_ssize_t i = 0; i < nargs; i++) {
        if (i > 0 && write_or_default(file, pa->sep, " ") < 0)
            return -1;
        if (write_object(file, args[i]) < 0)
            return -1;
    }
    if (write_or_default(file, pa->end, "\n") < 0)
        return -1;
    if (pa->flush && flush_file(file) < 0)
        return -1;
    return 0;
}

/* sys.<name> as a strong reference (write() may rebind it, or another
 * thread may, which would free a borrowed one under us; CPython 3.14
 * holds it the same way); NULL if missing. */
static TnObject *sys_stream_ref(const char *name)
{
    TnObject *sysdict = tn_interp()->sysdict;
    return sysdict != NULL ? tn_dict_get_cstr_ref(sysdict, name) : NULL;
}

/* print(*objects, sep=' ', end='\n', file=None, flush=False) */
static TnObject *builtin_print(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                               TnObject *kwnames)
{
    PrintArgs pa;
    if (print_parse(args + nargs, kwnames, &pa) < 0)
        return NULL;
    /* file=None means sys.stdout; nothing is printed when that is None. */
    TnObject *stdout_ref = NULL;
    if (pa.file == NULL) {
        stdout_ref = sys_stream_ref("stdout");
        if (stdout_ref == NULL)
            return tn_err_format(&tn_exc_RuntimeError, "lost sys.stdout");
        if (stdout_ref == TN_NONE) {
            tn_decref(stdout_ref);
            return tn_none_ref();
        }
        pa.file = stdout_ref;
    }
    int r = print_to(pa.file, args, nargs, &pa);
    tn_xdecref(stdout_ref);
    return r < 0 ? NULL : tn_none_ref();
}

/* input()'s streams: sys.<name>, RuntimeError "input(): lost sys.<name>"
 * when it is missing or None. */
static TnObject *input_stream(const char *name)
{
    TnObject *f = sys_stream_ref(name);
    if (f == NULL || f == TN_NONE) {
        tn_xdecref(f);
        return tn_err_format(&tn_exc_RuntimeError, "input(): lost sys.%s", name);
    }
    return f;
}

/* input(prompt='', /): as CPython's non-interactive path: flush stderr,
 * write the prompt to sys.stdout and flush it, then sys.stdin.readline()
 * without its newline; EOFError at the end of input. */
static TnObject *builtin_input(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                               TnObject *kwnames)
{
    if (positional("input", nargs, kwnames, 0, 1) < 0)
        return NULL;
    TnObject *fin = input_stream("stdin");
    TnObject *fout = fin != NULL ? input_stream("stdout") : NULL;
    TnObject *ferr = fout != NULL ? input_stream("stderr") : NULL;
    TnObject *line = NULL;
    if (ferr == NULL)
        goto done;
    TnObject *r = tn_call_method_cstr(ferr, "flush", NULL, 0);
    if (r == NULL)
        tn_err_clear();
    tn_xdecref(r);
    if ((nargs == 1 && write_object(fout, args[0]) < 0) || flush_file(fout) < 0)
        goto done;
    line = tn_call_method_cstr(fin, "readline", NULL, 0);
    if (line == NULL)
        goto done;
    if (!tn_str_check(line)) {
        tn_err_set_str(&tn_exc_TypeError, "object.readline() returned non-string");
        TN_CLEAR(line);
        goto done;
    }
    tn_ssize_t n = tn_str_length(line);
    if (n == 0) {
        tn_err_set_str(&tn_exc_EOFError, "EOF when reading a line");
        TN_CLEAR(line);
    } else if (tn_str_read(line, n - 1) == '\n') {
        TnObject *cut = tn_str_substring(line, 0, n - 1);
        tn_decref(line);
        line = cut;
    }
done:
    tn_xdecref(fin);
    tn_xdecref(fout);
    tn_xdecref(ferr);
    return line;
}

/* ======================================================================
 * object protocol: len, repr, ascii, hash, id, callable, format, abs
 * ====================================================================== */

static TnObject *builtin_len(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                             TnObject *kwnames)
{
    if (one_arg("len", nargs, kwnames) < 0)
        return NULL;
    tn_ssize_t n = tn_object_length(args[0]);
    return n < 0 ? NULL : tn_int_from_ssize(n);
}

static TnObject *builtin_repr(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                              TnObject *kwnames)
{
    return one_arg("repr", nargs, kwnames) < 0 ? NULL : tn_object_repr(args[0]);
}

static TnObject *builtin_ascii(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                               TnObject *kwnames)
{
    return one_arg("ascii", nargs, kwnames) < 0 ? NULL : tn_object_ascii(args[0]);
}

static TnObject *builtin_hash(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                              TnObject *kwnames)
{
    if (one_arg("hash", nargs, kwnames) < 0)
        return NULL;
    tn_hash_t h = tn_object_hash(args[0]);
    return h == -1 && tn_err_occurred() ? NULL : tn_int_from_i64((int64_t)h);
}

static TnObject *builtin_id(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                            TnObject *kwnames)
{
    if (one_arg("id", nargs, kwnames) < 0)
        return NULL;
    return tn_int_from_i64((int64_t)(uintptr_t)args[0]);
}

/* breakpoint(*args, **kws): call sys.breakpointhook(*args, **kws) (the
 * default hook honours $PYTHONBREAKPOINT, see sys.c). */
static TnObject *builtin_breakpoint(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                    TnObject *kwnames)
{
    TnObject *sysdict = tn_interp()->sysdict;
    TnObject *hook = sysdict != NULL ? tn_dict_get_cstr_ref(sysdict, "breakpointhook") : NULL;
    if (hook == NULL)
        return tn_err_format(&tn_exc_RuntimeError, "lost sys.breakpointhook");
    TnObject *res = tn_call(hook, args, nargs, kwnames);
    tn_decref(hook);
    return res;
}

static TnObject *builtin_callable(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                  TnObject *kwnames)
{
    return one_arg("callable", nargs, kwnames) < 0 ? NULL
                                                   : tn_bool_from(tn_callable_check(args[0]));
}

static TnObject *builtin_abs(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                             TnObject *kwnames)
{
    return one_arg("abs", nargs, kwnames) < 0 ? NULL : tn_number_absolute(args[0]);
}

/* format(value, format_spec='', /) */
static TnObject *builtin_format(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                TnObject *kwnames)
{
    if (positional("format", nargs, kwnames, 1, 2) < 0)
        return NULL;
    if (nargs == 2) {
        if (!tn_str_check(args[1]))
            return tn_err_format(&tn_exc_TypeError, "format() argument 2 must be str, not %T",
                                 args[1]);
        return tn_object_format(args[0], args[1]);
    }
    TnObject *empty = tn_str_from_cstr("");
    if (empty == NULL)
        return NULL;
    TnObject *res = tn_object_format(args[0], empty);
    tn_decref(empty);
    return res;
}

/* ======================================================================
 * numbers: divmod, pow, round, chr, ord, hex, oct, bin
 * ====================================================================== */

/* CPython's binary_op1 for the divmod slot: a's slot, then b's (b first
 * when b's type is a subclass of a's with its own slot). */
static TnObject *number_divmod(TnObject *a, TnObject *b)
{
    TnType *ta = tn_type(a), *tb = tn_type(b);
    tn_binaryfunc fa = ta->as_number != NULL ? ta->as_number->divmod : NULL;
    tn_binaryfunc fb = NULL;
    if (tb != ta && tb->as_number != NULL && tb->as_number->divmod != fa)
        fb = tb->as_number->divmod;
    if (fa != NULL && fb != NULL && tn_type_is_subtype(tb, ta)) {
        TnObject *r = fb(a, b);
        if (r != TN_NOTIMPLEMENTED)
            return r;
        tn_decref(r);
        fb = NULL;
    }
    if (fa != NULL) {
        TnObject *r = fa(a, b);
        if (r != TN_NOTIMPLEMENTED)
            return r;
        tn_decref(r);
    }
    if (fb != NULL) {
        TnObject *r = fb(a, b);
        if (r != TN_NOTIMPLEMENTED)
            return r;
        tn_decref(r);
    }
    return tn_err_format(&tn_exc_TypeError, "unsupported operand type(s) for divmod(): '%T' and '%T'",
                         a, b);
}

static TnObject *builtin_divmod(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                TnObject *kwnames)
{
    if (positional("divmod", nargs, kwnames, 2, 2) < 0)
        return NULL;
    return number_divmod(args[0], args[1]);
}

/* pow(base, exp, mod=None) */
static TnObject *builtin_pow(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                             TnObject *kwnames)
{
    static const char *const names[] = {"base", "exp", "mod", NULL};
    TnObject *a[3];
    if (tn_args_parse("pow", args, nargs, kwnames, names, 0, 2, a) < 0)
        return NULL;
    return tn_number_power(a[0], a[1], a[2] != NULL ? a[2] : TN_NONE);
}

/* round(number, ndigits=None): type(number).__round__(number[, ndigits]);
 * exact ints, bools and floats go straight to their implementations. */
static TnObject *builtin_round(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                               TnObject *kwnames)
{
    static const char *const names[] = {"number", "ndigits", NULL};
    TnObject *a[2];
    if (tn_args_parse("round", args, nargs, kwnames, names, 0, 1, a) < 0)
        return NULL;
    if (tn_int_check_exact(a[0]) || tn_bool_check(a[0]))
        return tn_int_round(a[0], a[1]);
    if (tn_float_check_exact(a[0]))
        return tn_float_round(tn_float_value(a[0]), a[1]);
    TnObject *res;
    tn_ssize_t n = a[1] != NULL && a[1] != TN_NONE ? 1 : 0;
    int r = tn_builtins_call_special(a[0], "__round__", &a[1], n, &res);
    if (r == 0)
        return tn_err_format(&tn_exc_TypeError, "type %T doesn't define __round__ method", a[0]);
    return res;
}

static TnObject *builtin_chr(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                             TnObject *kwnames)
{
    int v;
    if (one_arg("chr", nargs, kwnames) < 0 || tn_builtins_as_int(args[0], &v) < 0)
        return NULL;
    if (v < 0 || v > 0x10FFFF)
        return tn_err_format(&tn_exc_ValueError, "chr() arg not in range(0x110000)");
    return tn_str_from_char((uint32_t)v);
}

static TnObject *builtin_ord(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                             TnObject *kwnames)
{
    if (one_arg("ord", nargs, kwnames) < 0)
        return NULL;
    TnObject *c = args[0];
    TnBytesView bv;
    int got = 0;
    if (!tn_str_check(c) && !tn_memoryview_check(c) && (got = tn_bytes_view(c, &bv)) != 0) {
        if (got < 0)
            return NULL;
        tn_ssize_t bn = bv.n;
        int byte = bn == 1 ? (unsigned char)bv.d[0] : -1;
        tn_bytes_view_release(&bv);
        if (bn != 1)
            return tn_err_format(&tn_exc_TypeError,
                                 "ord() expected a character, but string of length %zd found", bn);
        return tn_int_from_i64(byte);
    }
    if (!tn_str_check(c))
        return tn_err_format(&tn_exc_TypeError, "ord() expected string of length 1, but %T found",
                             c);
    if (tn_str_length(c) != 1)
        return tn_err_format(&tn_exc_TypeError,
                             "ord() expected a character, but string of length %zd found",
                             tn_str_length(c));
    return tn_int_from_i64(tn_str_read(c, 0));
}

/* hex/oct/bin: operator.index(x) in the base, with its prefix. */
static TnObject *to_base(const char *fname, TnObject *const *args, tn_ssize_t nargs,
                         TnObject *kwnames, int base)
{
    if (one_arg(fname, nargs, kwnames) < 0)
        return NULL;
    TnObject *idx = tn_number_index(args[0]);
    if (idx == NULL)
        return NULL;
    TnObject *res = tn_int_to_str(idx, base);
    tn_decref(idx);
    return res;
}

static TnObject *builtin_hex(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                             TnObject *kwnames)
{
    return to_base("hex", args, nargs, kwnames, 16);
}

static TnObject *builtin_oct(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                             TnObject *kwnames)
{
    return to_base("oct", args, nargs, kwnames, 8);
}

static TnObject *builtin_bin(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                             TnObject *kwnames)
{
    return to_base("bin", args, nargs, kwnames, 2);
}

/* ======================================================================
 * sum
 * ====================================================================== */

/* Continue a sum with generic addition: result (stolen) + the rest of it.
 * New ref or NULL. */
static TnObject *sum_generic(TnObject *result, TnObject *it)
{
    TnObject *item;
    while ((item = tn_iter_next(it)) != NULL) {
        TnObject *t = tn_number_binop(result, item, TN_OP_ADD);
        tn_decref(result);
        tn_decref(item);
        if (t == NULL)
            return NULL;
        result = t;
    }
    if (tn_err_occurred() != NULL) {
        tn_decref(result);
        return NULL;
    }
    return result;
}

/* Add item (stolen) to the C accumulator as CPython's float fast path
 * does.  1 added, 0 not a float or a machine-sized int. */
static int sum_float_add(double *acc, TnObject *item)
{
    if (tn_float_check_exact(item)) {
        *acc += tn_float_value(item);
        return 1;
    }
    if (tn_int_check(item)) {
        int overflow = 0;
        int64_t v = tn_int_as_i64(item, &overflow);
        if (!overflow) {
            *acc += (double)v;
            return 1;
        }
    }
    return 0;
}

/* Float fast path: result is an exact float (stolen).  Falls back to
 * generic addition at the first item that is neither float nor int. */
static TnObject *sum_floats(TnObject *result, TnObject *it)
{
    double acc = tn_float_value(result);
    tn_decref(result);
    TnObject *item;
    while ((item = tn_iter_next(it)) != NULL) {
        int added = sum_float_add(&acc, item);
        if (added) {
            tn_decref(item);
            continue;
        }
        TnObject *r = tn_float_from_double(acc);
        TnObject *t = r != NULL ? tn_number_binop(r, item, TN_OP_ADD) : NULL;
        tn_xdecref(r);
        tn_decref(item);
        return t != NULL ? sum_generic(t, it) : NULL;
    }
    return tn_err_occurred() != NULL ? NULL : tn_float_from_double(acc);
}

/* Int fast path: result is an exact int (stolen).  Adds machine ints (and
 * bools) in C until an item is something else or the sum would overflow,
 * then continues with the float path or generic addition. */
static TnObject *sum_ints(TnObject *result, TnObject *it)
{
    int overflow = 0;
    int64_t acc = tn_int_as_i64(result, &overflow);
    if (overflow)
        return sum_generic(result, it);
    tn_decref(result);
    TnObject *item;
    while ((item = tn_iter_next(it)) != NULL) {
        if (tn_int_check_exact(item) || tn_bool_check(item)) {
            int64_t b = tn_int_as_i64(item, &overflow), sum;
            if (!overflow && !__builtin_add_overflow(acc, b, &sum)) {
                acc = sum;
                tn_decref(item);
                continue;
            }
        }
        TnObject *r = tn_int_from_i64(acc);
        TnObject *t = r != NULL ? tn_number_binop(r, item, TN_OP_ADD) : NULL;
        tn_xdecref(r);
        tn_decref(item);
        if (t == NULL)
            return NULL;
        return tn_float_check_exact(t) ? sum_floats(t, it) : sum_generic(t, it);
    }
    return tn_err_occurred() != NULL ? NULL : tn_int_from_i64(acc);
}

/* sum(iterable, /, start=0) */
static TnObject *builtin_sum(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                             TnObject *kwnames)
{
    static const char *const names[] = {"iterable", "start", NULL};
    TnObject *a[2];
    if (tn_args_parse("sum", args, nargs, kwnames, names, 1, 1, a) < 0)
        return NULL;
    TnObject *it = tn_object_get_iter(a[0]);
    if (it == NULL)
        return NULL;
    TnObject *result = NULL;
    if (a[1] == NULL) {
        result = tn_int_from_i64(0);
    } else if (tn_str_check(a[1])) {
        tn_err_set_str(&tn_exc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    } else {
        result = tn_newref(a[1]);
    }
    if (result != NULL) {
        if (tn_int_check_exact(result))
            result = sum_ints(result, it);
        else if (tn_float_check_exact(result))
            result = sum_floats(result, it);
        else
            result = sum_generic(result, it);
    }
    tn_decref(it);
    return result;
}

/* ======================================================================
 * iteration: iter, next, min, max, any, all, sorted
 * ====================================================================== */

/* iter(object) / iter(callable, sentinel) */
static TnObject *builtin_iter(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                              TnObject *kwnames)
{
    if (positional("iter", nargs, kwnames, 1, 2) < 0)
        return NULL;
    if (nargs == 1)
        return tn_object_get_iter(args[0]);
    if (!tn_callable_check(args[0]))
        return tn_err_format(&tn_exc_TypeError, "iter(v, w): v must be callable");
    return tn_calliter_new(args[0], args[1]);
}

/* next(iterator[, default]) */
/* ---- compile / eval / exec ------------------------------------------------------ */

/* Source text of a str (or UTF-8 bytes-like) argument: borrowed UTF-8. */
static const char *source_text(TnObject *src, tn_ssize_t *len, const char *fname, const char *what)
{
    if (tn_str_check(src))
        return tn_str_utf8(src, len);
    tn_err_format(&tn_exc_TypeError, "%s() arg 1 must be a %s object", fname, what);
    return NULL;
}

static TnObject *compile_text(const char *text, tn_ssize_t len, const char *filename, TnCompileMode mode)
{
    if (memchr(text, '\0', (size_t)len) != NULL)
        return tn_err_format(&tn_exc_ValueError, "source code string cannot contain null bytes");
    return tn_compile_source(text, len, filename, mode);
}

/* Source text parsed into Python AST objects (compile()'s PyCF_ONLY_AST). */
static TnObject *parse_to_ast(const char *text, tn_ssize_t len, const char *filename, TnCompileMode mode)
{
    if (memchr(text, '\0', (size_t)len) != NULL)
        return tn_err_format(&tn_exc_ValueError, "source code string cannot contain null bytes");
    TnArena *arena = tn_arena_new();
    if (arena == NULL)
        return NULL;
    TnMod *mod = tn_parse_string(text, len, filename, mode, arena);
    TnObject *res = mod != NULL ? tn_ast_to_object(mod) : NULL;
    tn_arena_free(arena);
    return res;
}

/* An ast.Module/Expression/Interactive object compiled (validated first). */
static TnObject *compile_ast_object(TnObject *tree, const char *filename, TnCompileMode mode)
{
    TnArena *arena = tn_arena_new();
    if (arena == NULL)
        return NULL;
    TnMod *mod = tn_ast_from_object(tree, mode, arena);
    TnObject *co = mod != NULL ? tn_compile_ast(mod, filename, mode, arena) : NULL;
    tn_arena_free(arena);
    return co;
}

#define COMPILE_FLAGS_KNOWN (TN_CF_ONLY_AST | TN_CF_TYPE_COMMENTS | TN_CF_ALLOW_TOP_LEVEL_AWAIT \
                             | 0x3e000 /* the __future__ feature flags */ | 0x0200 /* PyCF_SOURCE_IS_UTF8 */ \
                             | 0x4000 /* PyCF_IGNORE_COOKIE */ | 0x0010 /* CO_NESTED, obsolete */)

/* compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1, *, _feature_version=-1)
 * source: str, bytes (UTF-8), a code object or an AST object; with
 * PyCF_ONLY_AST (ast.parse) the result is the AST as objects. */
static TnObject *builtin_compile(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"source", "filename", "mode", "flags", "dont_inherit", "optimize",
                                        "_feature_version", NULL};
    TnObject *out[7];
    if (tn_args_parse("compile", args, nargs, kwnames, names, 0, 3, out) < 0)
        return NULL;
    if (!tn_str_check(out[1]) || !tn_str_check(out[2]))
        return tn_err_format(&tn_exc_TypeError, "compile() argument 'filename' must be str, not %T",
                             tn_str_check(out[1]) ? out[2] : out[1]);
    tn_ssize_t flags = 0, optimize = -1;
    if (out[3] != NULL && (flags = tn_number_as_ssize(out[3], &tn_exc_OverflowError)) == -1 && tn_err_occurred())
        return NULL;
    if (out[5] != NULL && (optimize = tn_number_as_ssize(out[5], &tn_exc_OverflowError)) == -1 && tn_err_occurred())
        return NULL;
    if (flags & ~(tn_ssize_t)COMPILE_FLAGS_KNOWN)
        return tn_err_format(&tn_exc_ValueError, "compile(): unrecognised flags");
    if (optimize < -1 || optimize > 2)
        return tn_err_format(&tn_exc_ValueError, "compile(): invalid optimize value");
    TnCompileMode mode;
    if (tn_str_eq_cstr(out[2], "exec"))
        mode = TN_MODE_FILE;
    else if (tn_str_eq_cstr(out[2], "eval"))
        mode = TN_MODE_EVAL;
    else if (tn_str_eq_cstr(out[2], "single"))
        mode = TN_MODE_SINGLE;
    else if (tn_str_eq_cstr(out[2], "func_type")) {
        if (!(flags & TN_CF_ONLY_AST))
            return tn_err_format(&tn_exc_ValueError, "compile() mode 'func_type' requires flag PyCF_ONLY_AST");
        return tn_err_format(&tn_exc_ValueError, "compile() mode 'func_type' is not supported by Tandem");
    } else {
        return tn_err_format(&tn_exc_ValueError, (flags & TN_CF_ONLY_AST)
                             ? "compile() mode must be 'exec', 'eval', 'single' or 'func_type'"
                             : "compile() mode must be 'exec', 'eval' or 'single'");
    }
    const char *filename = tn_str_utf8(out[1], NULL);
    if (tn_ast_check(out[0])) {
        if (flags & TN_CF_ONLY_AST)
            return tn_newref(out[0]);
        return compile_ast_object(out[0], filename, mode);
    }
    if (tn_code_check(out[0]))
        return tn_newref(out[0]);
    tn_ssize_t len;
    const char *text;
    if (tn_bytes_check(out[0])) {
        text = tn_bytes_data(out[0]);
        len = tn_bytes_size(out[0]);
    } else if ((text = source_text(out[0], &len, "compile", "string, bytes or AST")) == NULL) {
        return NULL;
    }
    if (flags & TN_CF_ONLY_AST)
        return parse_to_ast(text, len, filename, mode);
    return compile_text(text, len, filename, mode);
}

/* Shared by eval and exec: resolve the namespaces, compile if needed, run. */
static TnObject *run_source(const char *fname, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames,
                            TnCompileMode mode)
{
    static const char *const names[] = {"source", "globals", "locals", NULL};
    TnObject *out[3];
    if (tn_args_parse(fname, args, nargs, kwnames, names, 3, 1, out) < 0)
        return NULL;
    TnObject *globals = out[1] != NULL && out[1] != TN_NONE ? out[1] : NULL;
    TnObject *locals = out[2] != NULL && out[2] != TN_NONE ? out[2] : NULL;
    if (globals != NULL && !tn_dict_check(globals))
        return tn_err_format(&tn_exc_TypeError, "%s() globals must be a dict, not %T", fname, globals);
    TnObject *own_locals = NULL;
    if (globals == NULL) {
        globals = tn_eval_get_globals();
        if (locals == NULL && (locals = own_locals = tn_eval_get_locals()) == NULL && tn_err_occurred())
            return NULL;   /* no memory for the locals dict */
        if (globals == NULL || locals == NULL)
            return tn_err_format(&tn_exc_SystemError, "%s(): no globals", fname);
    } else if (locals == NULL) {
        locals = globals;
    }
    TnObject *code;
    if (tn_code_check(out[0])) {
        /* A function's code with free variables has no cells to run with. */
        int nfree = ((TnCode *)out[0])->nfreevars;
        if (nfree > 0) {
            tn_xdecref(own_locals);
            if (mode == TN_MODE_EVAL)
                return tn_err_format(&tn_exc_TypeError, "code object passed to eval() may not contain free variables");
            return tn_err_format(&tn_exc_TypeError, "code object requires a closure of exactly length %d", nfree);
        }
        code = tn_newref(out[0]);
    } else {
        tn_ssize_t len;
        const char *text = tn_str_check(out[0]) ? tn_str_utf8(out[0], &len) : NULL;
        if (text == NULL) {
            tn_xdecref(own_locals);
            if (!tn_err_occurred())
                tn_err_format(&tn_exc_TypeError, "%s() arg 1 must be a string, bytes or code object", fname);
            return NULL;
        }
        if (mode == TN_MODE_EVAL)
            while (len > 0 && (*text == ' ' || *text == '\t')) {
                text++;
                len--;
            }
        code = compile_text(text, len, "<string>", mode);
    }
    /* Globals without __builtins__ get the caller's builtins (a dict), as
     * CPython's exec and eval do. */
    if (code != NULL && tn_dict_get_cstr_borrowed(globals, "__builtins__") == NULL
        && tn_dict_set_item_cstr(globals, "__builtins__", tn_eval_get_builtins()) < 0)
        TN_CLEAR(code);
    TnObject *res = NULL;
    if (code != NULL && (((TnCode *)code)->flags & TN_CO_NEWLOCALS)) {
        /* A function's code: run as a call with no arguments, as CPython's
         * PyEval_EvalCode does (the binding errors "f() missing 1 required
         * positional argument", a generator or coroutine object returned;
         * locals are the call's own). */
        TnObject *fn = tn_function_new(code, globals);
        res = fn != NULL ? tn_call(fn, NULL, 0, NULL) : NULL;
        tn_xdecref(fn);
    } else if (code != NULL) {
        res = tn_eval_code(code, globals, locals);
    }
    tn_xdecref(code);
    tn_xdecref(own_locals);
    if (res != NULL && mode == TN_MODE_FILE)
        TN_SETREF(res, tn_newref(TN_NONE));
    return res;
}

static TnObject *builtin_eval(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return run_source("eval", args, nargs, kwnames, TN_MODE_EVAL);
}

static TnObject *builtin_exec(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return run_source("exec", args, nargs, kwnames, TN_MODE_FILE);
}

/* __import__(name, globals=None, locals=None, fromlist=(), level=0) */
static TnObject *builtin_import(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"name", "globals", "locals", "fromlist", "level", NULL};
    TnObject *out[5];
    if (tn_args_parse("__import__", args, nargs, kwnames, names, 0, 1, out) < 0)
        return NULL;
    if (!tn_str_check(out[0]))
        return tn_err_format(&tn_exc_TypeError, "__import__() argument 1 must be str, not %T", out[0]);
    int level = 0;
    if (out[4] != NULL) {
        tn_ssize_t lv = tn_number_as_ssize(out[4], &tn_exc_OverflowError);
        if (lv == -1 && tn_err_occurred())
            return NULL;
        if (lv < 0)
            return tn_err_format(&tn_exc_ValueError, "level must be >= 0");
        level = (int)lv;
    }
    TnObject *globals = out[1] != NULL && tn_dict_check(out[1]) ? out[1] : NULL;
    return tn_import_module_level(out[0], globals, out[3], level);
}

static TnObject *builtin_next(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                              TnObject *kwnames)
{
    if (positional("next", nargs, kwnames, 1, 2) < 0)
        return NULL;
    TnObject *it = args[0];
    if (tn_type(it)->iternext == NULL)
        return tn_err_format(&tn_exc_TypeError, "'%T' object is not an iterator", it);
    /* The slot itself, not tn_iter_next: a StopIteration it raises carries
     * the generator's return value and must propagate unchanged. */
    TnObject *res = tn_type(it)->iternext(it);
    if (res != NULL)
        return res;
    if (nargs == 2) {
        if (tn_err_occurred() != NULL) {
            if (!tn_err_matches(&tn_exc_StopIteration))
                return NULL;
            tn_err_clear();
        }
        return tn_newref(args[1]);
    }
    if (tn_err_occurred() == NULL)
        tn_err_set_none(&tn_exc_StopIteration);
    return NULL;
}

/* Items of min/max: the positional arguments themselves, or an iterator. */
typedef struct ItemSource {
    TnObject *const *items;
    tn_ssize_t n, i;
    TnObject *it;        /* NULL when iterating items */
} ItemSource;

static TnObject *source_next(ItemSource *s)
{
    if (s->it != NULL)
        return tn_iter_next(s->it);
    return s->i < s->n ? tn_newref(s->items[s->i++]) : NULL;
}

/* The item with the extreme key among the source's items: op TN_LT for
 * min, TN_GT for max (the first of equal items wins).  *best (new ref) is
 * NULL if there were no items.  0 / -1. */
static int min_max_scan(ItemSource *src, TnObject *key, int op, TnObject **best)
{
    TnObject *best_item = NULL, *best_val = NULL, *item;
    while ((item = source_next(src)) != NULL) {
        TnObject *val = key != NULL ? tn_call_one(key, item) : tn_newref(item);
        if (val == NULL)
            goto error;
        int cmp = best_val == NULL ? 1 : tn_object_richcompare_bool(val, best_val, op);
        if (cmp < 0) {
            tn_decref(val);
            goto error;
        }
        if (cmp > 0) {
            TN_SETREF(best_item, item);
            TN_SETREF(best_val, val);
        } else {
            tn_decref(item);
            tn_decref(val);
        }
    }
    if (tn_err_occurred() != NULL)
        goto error_noitem;
    tn_xdecref(best_val);
    *best = best_item;
    return 0;
error:
    tn_decref(item);
error_noitem:
    tn_xdecref(best_item);
    tn_xdecref(best_val);
    return -1;
}

/* min/max(iterable, *, key=None, default=<none>) or (a, b, *args, key=None) */
static TnObject *min_max(TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames, int op)
{
    static const char *const names[] = {"key", "default", NULL};
    const char *name = op == TN_LT ? "min" : "max";
    TnObject *kw[2];
    if (nargs == 0)
        return tn_err_format(&tn_exc_TypeError, "%s expected at least 1 argument, got 0", name);
    if (tn_args_parse(name, args + nargs, 0, kwnames, names, 0, 0, kw) < 0)
        return NULL;
    TnObject *key = kw[0] == TN_NONE ? NULL : kw[0];
    if (nargs > 1 && kw[1] != NULL)
        return tn_err_format(&tn_exc_TypeError,
                             "Cannot specify a default for %s() with multiple positional arguments",
                             name);
    ItemSource src = {args, nargs, 0, NULL};
    if (nargs == 1 && (src.it = tn_object_get_iter(args[0])) == NULL)
        return NULL;
    TnObject *best = NULL;
    int r = min_max_scan(&src, key, op, &best);
    tn_xdecref(src.it);
    if (r < 0)
        return NULL;
    if (best != NULL)
        return best;
    if (kw[1] != NULL)
        return tn_newref(kw[1]);
    return tn_err_format(&tn_exc_ValueError, "%s() arg is an empty sequence", name);
}

static TnObject *builtin_min(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                             TnObject *kwnames)
{
    return min_max(args, nargs, kwnames, TN_LT);
}

static TnObject *builtin_max(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                             TnObject *kwnames)
{
    return min_max(args, nargs, kwnames, TN_GT);
}

/* any/all: the first item whose truth equals `stop_on` decides. */
static TnObject *any_all(const char *fname, TnObject *const *args, tn_ssize_t nargs,
                         TnObject *kwnames, int stop_on)
{
    if (one_arg(fname, nargs, kwnames) < 0)
        return NULL;
    TnObject *it = tn_object_get_iter(args[0]);
    if (it == NULL)
        return NULL;
    TnObject *item;
    int found = 0;
    while ((item = tn_iter_next(it)) != NULL) {
        int t = tn_object_is_true(item);
        tn_decref(item);
        if (t < 0 || t == stop_on) {
            found = t < 0 ? -1 : 1;
            break;
        }
    }
    tn_decref(it);
    if (found < 0 || (found == 0 && tn_err_occurred() != NULL))
        return NULL;
    return tn_bool_from(found ? stop_on : !stop_on);
}

static TnObject *builtin_any(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                             TnObject *kwnames)
{
    return any_all("any", args, nargs, kwnames, 1);
}

static TnObject *builtin_all(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                             TnObject *kwnames)
{
    return any_all("all", args, nargs, kwnames, 0);
}

/* list.sort's keyword-only arguments (sorted passes its keywords on), then
 * sort.  0 / -1. */
static int sort_with_keywords(TnObject *list, TnObject *const *kwvalues, TnObject *kwnames)
{
    static const char *const names[] = {"key", "reverse", NULL};
    TnObject *kw[2];
    if (tn_args_parse("sort", kwvalues, 0, kwnames, names, 0, 0, kw) < 0)
        return -1;
    int reverse = 0;
    if (kw[1] != NULL && tn_builtins_as_int(kw[1], &reverse) < 0)
        return -1;
    return tn_list_sort(list, kw[0] == TN_NONE ? NULL : kw[0], reverse != 0);
}

/* sorted(iterable, /, *, key=None, reverse=False) */
static TnObject *builtin_sorted(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                TnObject *kwnames)
{
    if (tn_builtins_check_positional("sorted", nargs, 1, 1) < 0)
        return NULL;
    TnObject *list = tn_list_from_iterable(args[0]);
    if (list == NULL)
        return NULL;
    if (sort_with_keywords(list, args + 1, kwnames) < 0) {
        tn_decref(list);
        return NULL;
    }
    return list;
}

/* ======================================================================
 * types: isinstance, issubclass
 * ====================================================================== */

static TnObject *builtin_isinstance(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                    TnObject *kwnames)
{
    if (positional("isinstance", nargs, kwnames, 2, 2) < 0)
        return NULL;
    int r = tn_object_isinstance(args[0], args[1]);
    return r < 0 ? NULL : tn_bool_from(r);
}

static TnObject *builtin_issubclass(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                    TnObject *kwnames)
{
    if (positional("issubclass", nargs, kwnames, 2, 2) < 0)
        return NULL;
    int r = tn_object_issubclass(args[0], args[1]);
    return r < 0 ? NULL : tn_bool_from(r);
}

/* ======================================================================
 * attributes: getattr, setattr, delattr, hasattr
 * ====================================================================== */

/* getattr(object, name[, default]) */
static TnObject *builtin_getattr(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                 TnObject *kwnames)
{
    if (positional("getattr", nargs, kwnames, 2, 3) < 0 || check_attr_name(args[1]) < 0)
        return NULL;
    if (nargs == 2)
        return tn_object_getattr(args[0], args[1]);
    TnObject *res;
    int r = tn_object_lookup_attr(args[0], args[1], &res);
    if (r < 0)
        return NULL;
    return r > 0 ? res : tn_newref(args[2]);
}

static TnObject *builtin_setattr(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                 TnObject *kwnames)
{
    if (positional("setattr", nargs, kwnames, 3, 3) < 0 || check_attr_name(args[1]) < 0)
        return NULL;
    if (tn_object_setattr(args[0], args[1], args[2]) < 0)
        return NULL;
    return tn_none_ref();
}

static TnObject *builtin_delattr(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                 TnObject *kwnames)
{
    if (positional("delattr", nargs, kwnames, 2, 2) < 0 || check_attr_name(args[1]) < 0)
        return NULL;
    if (tn_object_setattr(args[0], args[1], NULL) < 0)
        return NULL;
    return tn_none_ref();
}

static TnObject *builtin_hasattr(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                 TnObject *kwnames)
{
    if (positional("hasattr", nargs, kwnames, 2, 2) < 0 || check_attr_name(args[1]) < 0)
        return NULL;
    int r = tn_object_hasattr(args[0], args[1]);
    return r < 0 ? NULL : tn_bool_from(r);
}

/* ======================================================================
 * namespaces: globals, locals, vars, dir
 * ====================================================================== */

/* globals() of the running frame as a new reference (tn_eval_get_globals
 * returns a borrowed one). */
static TnObject *current_globals(void)
{
    TnObject *g = tn_eval_get_globals();
    if (g != NULL)
        return tn_newref(g);
    return tn_err_format(&tn_exc_SystemError, "globals(): no current frame");
}

/* locals() of the running frame.  tn_eval_get_locals already returns a new
 * reference (the frame's namespace, or a fresh snapshot of a function's
 * fast locals), whatever its header comment says. */
static TnObject *current_locals(const char *fname)
{
    TnObject *l = tn_eval_get_locals();
    if (l == NULL && tn_err_occurred() == NULL)
        tn_err_format(&tn_exc_SystemError, "%s(): no current frame", fname);
    return l;
}

static TnObject *builtin_globals(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                 TnObject *kwnames)
{
    if (tn_args_no_kw("globals", kwnames) < 0 || tn_args_count("globals", nargs, 0, 0) < 0)
        return NULL;
    return current_globals();
}

static TnObject *builtin_locals(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                TnObject *kwnames)
{
    if (tn_args_no_kw("locals", kwnames) < 0 || tn_args_count("locals", nargs, 0, 0) < 0)
        return NULL;
    return current_locals("locals");
}

/* vars([object]): locals(), or object.__dict__ */
static TnObject *builtin_vars(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                              TnObject *kwnames)
{
    if (positional("vars", nargs, kwnames, 0, 1) < 0)
        return NULL;
    if (nargs == 0)
        return current_locals("vars");
    TnObject *name = tn_str_intern_cstr("__dict__");
    if (name == NULL)
        return NULL;
    TnObject *d;
    int r = tn_object_lookup_attr(args[0], name, &d);
    tn_decref(name);
    if (r == 0)
        return tn_err_format(&tn_exc_TypeError, "vars() argument must have __dict__ attribute");
    return r < 0 ? NULL : d;
}

/* Add every key of dict d to the dict `names` (used as a set).  0 / -1. */
static int merge_keys(TnObject *names, TnObject *d)
{
    TnObject *keys = tn_dict_keys_list(d);
    if (keys == NULL)
        return -1;
    int r = 0;
    tn_ssize_t n = tn_list_size(keys);
    for (tn_ssize_t i = 0; i < n && r == 0; i++) {
        TnObject *k = tn_list_get_item_ref(keys, i);
        if (k == NULL) {
            r = -1;
            break;
        }
        r = tn_dict_set_item(names, k, TN_NONE);
        tn_decref(k);
    }
    tn_decref(keys);
    return r;
}

/* Keys of every dict along tp's MRO into names.  0 / -1. */
static int merge_type_dicts(TnObject *names, TnType *tp)
{
    TnObject *mro = tp->mro;
    if (mro == NULL)
        return tp->dict != NULL ? merge_keys(names, tp->dict) : 0;
    tn_ssize_t n = tn_tuple_size(mro);
    for (tn_ssize_t i = 0; i < n; i++) {
        TnType *t = (TnType *)tn_tuple_get(mro, i);
        if (t->dict != NULL && merge_keys(names, t->dict) < 0)
            return -1;
    }
    return 0;
}

/* The attribute names dir() reports for obj when its type has no
 * __dir__: a module's dict; a class's dicts along its MRO; an instance's
 * __dict__ plus its class's.  0 / -1. */
static int default_dir_names(TnObject *obj, TnObject *names)
{
    if (tn_object_type_check(obj, &tn_type_module))
        return merge_keys(names, tn_module_dict(obj));
    if (tn_object_type_check(obj, &tn_type_type))
        return merge_type_dicts(names, (TnType *)obj);
    TnObject *key = tn_str_intern_cstr("__dict__");
    if (key == NULL)
        return -1;
    TnObject *d;
    int r = tn_object_lookup_attr(obj, key, &d);
    tn_decref(key);
    if (r < 0)
        return -1;
    if (r > 0) {
        r = tn_dict_check(d) ? merge_keys(names, d) : 0;
        tn_decref(d);
        if (r < 0)
            return -1;
    }
    return merge_type_dicts(names, tn_type(obj));
}

/* dir(obj) as an unsorted list: type(obj).__dir__(obj) when defined. */
static TnObject *dir_list(TnObject *obj)
{
    TnObject *res;
    int r = tn_builtins_call_special(obj, "__dir__", &obj, 0, &res);
    if (r < 0)
        return NULL;
    if (r > 0) {
        TnObject *list = tn_list_from_iterable(res);
        tn_decref(res);
        return list;
    }
    TnObject *names = tn_dict_new();
    if (names == NULL)
        return NULL;
    TnObject *list = default_dir_names(obj, names) < 0 ? NULL : tn_dict_keys_list(names);
    tn_decref(names);
    return list;
}

/* dir([object]): sorted names in the current scope or of the object. */
static TnObject *builtin_dir(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                             TnObject *kwnames)
{
    if (positional("dir", nargs, kwnames, 0, 1) < 0)
        return NULL;
    TnObject *list;
    if (nargs == 1) {
        list = dir_list(args[0]);
    } else {
        TnObject *ns = current_locals("dir");
        if (ns == NULL)
            return NULL;
        list = tn_dict_check(ns) ? tn_dict_keys_list(ns) : tn_list_from_iterable(ns);
        tn_decref(ns);
    }
    if (list != NULL && tn_list_sort(list, NULL, 0) < 0)
        TN_CLEAR(list);
    return list;
}

/* ======================================================================
 * exit, quit
 * ====================================================================== */

/* exit(code=None) / quit(code=None): raise SystemExit(code).  (CPython's
 * are site.Quitter instances; their repr and call errors differ.) */
static TnObject *builtin_exit(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                              TnObject *kwnames)
{
    static const char *const names[] = {"code", NULL};
    TnObject *code[1];
    if (tn_args_parse("exit", args, nargs, kwnames, names, 0, 0, code) < 0)
        return NULL;
    TnObject *exc_args = tn_tuple_pack(1, code[0] != NULL ? code[0] : TN_NONE);
    if (exc_args == NULL)
        return NULL;
    TnObject *exc = tn_exception_new(&tn_exc_SystemExit, exc_args);
    tn_decref(exc_args);
    if (exc != NULL) {
        tn_err_raise(exc, NULL);
        tn_decref(exc);
    }
    return NULL;
}

/* ======================================================================
 * the module
 * ====================================================================== */

static const TnMethodDef builtin_functions[] = {
    {"abs", builtin_abs, 0, "Return the absolute value of the argument."},
    {"aiter", tn_builtin_aiter, 0, "Return an AsyncIterator for an AsyncIterable object."},
    {"anext", tn_builtin_anext, 0, "Return the next item from the async iterator."},
    {"all", builtin_all, 0, "Return True if bool(x) is True for all values x in the iterable."},
    {"any", builtin_any, 0, "Return True if bool(x) is True for any x in the iterable."},
    {"ascii", builtin_ascii, 0, "Return an ASCII-only representation of an object."},
    {"bin", builtin_bin, 0, "Return the binary representation of an integer."},
    {"breakpoint", builtin_breakpoint, 0, "Call sys.breakpointhook(*args, **kws)."},
    {"callable", builtin_callable, 0, "Return whether the object is callable."},
    {"chr", builtin_chr, 0, "Return a Unicode string of one character with ordinal i."},
    {"delattr", builtin_delattr, 0, "Deletes the named attribute from the given object."},
    {"dir", builtin_dir, 0, "Show attributes of an object."},
    {"divmod", builtin_divmod, 0, "Return the tuple (x//y, x%y)."},
    {"exit", builtin_exit, 0, "Exit the interpreter by raising SystemExit(code)."},
    {"format", builtin_format, 0, "Return value.__format__(format_spec)."},
    {"getattr", builtin_getattr, 0, "Get a named attribute from an object."},
    {"globals", builtin_globals, 0, "Return the dictionary containing the current scope's global variables."},
    {"hasattr", builtin_hasattr, 0, "Return whether the object has an attribute with the given name."},
    {"hash", builtin_hash, 0, "Return the hash value for the given object."},
    {"hex", builtin_hex, 0, "Return the hexadecimal representation of an integer."},
    {"id", builtin_id, 0, "Return the identity of an object."},
    {"input", builtin_input, 0, "Read a string from standard input."},
    {"isinstance", builtin_isinstance, 0, "Return whether an object is an instance of a class or of a subclass thereof."},
    {"issubclass", builtin_issubclass, 0, "Return whether 'cls' is derived from another class or is the same class."},
    {"iter", builtin_iter, 0, "Get an iterator from an object."},
    {"len", builtin_len, 0, "Return the number of items in a container."},
    {"locals", builtin_locals, 0, "Return a dictionary containing the current scope's local variables."},
    {"max", builtin_max, 0, "Return the largest item in an iterable or the largest of two or more arguments."},
    {"min", builtin_min, 0, "Return the smallest item in an iterable or the smallest of two or more arguments."},
    {"next", builtin_next, 0, "Return the next item from the iterator."},
    {"oct", builtin_oct, 0, "Return the octal representation of an integer."},
    {"ord", builtin_ord, 0, "Return the Unicode code point for a one-character string."},
    {"pow", builtin_pow, 0, "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments."},
    {"print", builtin_print, 0, "Prints the values to a stream, or to sys.stdout by default."},
    {"__import__", builtin_import, 0, "Import a module."},
    {"compile", builtin_compile, 0, "Compile source into a code object that can be executed by exec() or eval()."},
    {"eval", builtin_eval, 0, "Evaluate the given source in the context of globals and locals."},
    {"exec", builtin_exec, 0, "Execute the given source in the context of globals and locals."},
    {"__build_class__", tn_build_class, 0, "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class"},
    {"quit", builtin_exit, 0, "Exit the interpreter by raising SystemExit(code)."},
    {"repr", builtin_repr, 0, "Return the canonical string representation of the object."},
    {"round", builtin_round, 0, "Round a number to a given precision in decimal digits."},
    {"setattr", builtin_setattr, 0, "Sets the named attribute on the given object to the specified value."},
    {"sorted", builtin_sorted, 0, "Return a new list containing all items from the iterable in ascending order."},
    {"sum", builtin_sum, 0, "Return the sum of a 'start' value (default: 0) plus an iterable of numbers."},
    {"vars", builtin_vars, 0, "Show vars."},
    {NULL, NULL, 0, NULL},
};

typedef struct NamedObject {
    const char *name;
    TnObject *obj;
} NamedObject;

#define TN_EXC_ENTRY(name, base) {#name, TN_OBJ(&tn_exc_##name)},

static const NamedObject builtin_objects[] = {
    {"None", TN_NONE},
    {"Ellipsis", TN_ELLIPSIS},
    {"NotImplemented", TN_NOTIMPLEMENTED},
    {"False", TN_FALSE},
    {"True", TN_TRUE},
    {"__debug__", TN_TRUE},
    {"object", TN_OBJ(&tn_type_object)},
    {"type", TN_OBJ(&tn_type_type)},
    {"int", TN_OBJ(&tn_type_int)},
    {"bool", TN_OBJ(&tn_type_bool)},
    {"float", TN_OBJ(&tn_type_float)},
    {"complex", TN_OBJ(&tn_type_complex)},
    {"str", TN_OBJ(&tn_type_str)},
    {"bytes", TN_OBJ(&tn_type_bytes)},
    {"bytearray", TN_OBJ(&tn_type_bytearray)},
    {"memoryview", TN_OBJ(&tn_type_memoryview)},
    {"list", TN_OBJ(&tn_type_list)},
    {"tuple", TN_OBJ(&tn_type_tuple)},
    {"dict", TN_OBJ(&tn_type_dict)},
    {"set", TN_OBJ(&tn_type_set)},
    {"frozenset", TN_OBJ(&tn_type_frozenset)},
    {"range", TN_OBJ(&tn_type_range)},
    {"slice", TN_OBJ(&tn_type_slice)},
    {"enumerate", TN_OBJ(&tn_type_enumerate)},
    {"zip", TN_OBJ(&tn_type_zip)},
    {"map", TN_OBJ(&tn_type_map)},
    {"filter", TN_OBJ(&tn_type_filter)},
    {"reversed", TN_OBJ(&tn_type_reversed)},
    {"super", TN_OBJ(&tn_type_super)},
    {"property", TN_OBJ(&tn_type_property)},
    {"staticmethod", TN_OBJ(&tn_type_staticmethod)},
    {"classmethod", TN_OBJ(&tn_type_classmethod)},
    TN_EXCEPTION_LIST(TN_EXC_ENTRY)
    /* Aliases CPython keeps for compatibility. */
    {"EnvironmentError", TN_OBJ(&tn_exc_OSError)},
    {"IOError", TN_OBJ(&tn_exc_OSError)},
    {NULL, NULL},
};

#undef TN_EXC_ENTRY

TnObject *tn_builtins_module_create(void)
{
    if (tn_builtins_iter_init_types() < 0)
        return NULL;
    if ((tn_type_anext_awaitable.flags & TN_TPFLAGS_READY) == 0 && tn_type_ready(&tn_type_anext_awaitable) < 0)
        return NULL;
    TnObject *m = tn_module_new("builtins");
    if (m == NULL)
        return NULL;
    if (tn_module_add_functions(m, builtin_functions) < 0)
        goto error;
    for (const NamedObject *o = builtin_objects; o->name != NULL; o++) {
        if (tn_module_add_object(m, o->name, o->obj) < 0)
            goto error;
    }
    return m;
error:
    tn_decref(m);
    return NULL;
}
