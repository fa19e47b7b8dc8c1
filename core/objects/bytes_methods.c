/* core/objects/bytes_methods.c — the methods bytes and bytearray share
 * (CPython's bytes_methods.c + the bytes/bytearray method bodies), and
 * bytes %-formatting.  Every method reads self's data through a view
 * (tn_bytes_view: a bytearray may be resized by another thread at any
 * moment) taken after its arguments are converted (conversions may run
 * Python code that resizes a bytearray), releases every view it took, and
 * builds its result with tn_bytes_new_like, so one body serves both types.
 * Bytes-like arguments are read through views too. */
#include "core/tn.h"
#include "core/objects/codecs.h"
#include <stdio.h>

#define ISSPACE(c) ((c) == ' ' || ((c) >= '\t' && (c) <= '\r'))
#define ISLOWER(c) ((c) >= 'a' && (c) <= 'z')
#define ISUPPER(c) ((c) >= 'A' && (c) <= 'Z')
#define ISALPHA(c) (ISLOWER(c) || ISUPPER(c))
#define ISDIGIT(c) ((c) >= '0' && (c) <= '9')
#define ISALNUM(c) (ISALPHA(c) || ISDIGIT(c))
#define TOLOWER(c) (ISUPPER(c) ? (c) + 32 : (c))
#define TOUPPER(c) (ISLOWER(c) ? (c) - 32 : (c))

/* A view (bytes.h); BUF_EMPTY and a constant Buf need no release, though
 * releasing them is harmless. */
typedef TnBytesView Buf;
#define BUF_EMPTY {"", 0, NULL}

/* Self's bytes (self is bytes or bytearray).  0 / -1 MemoryError.  Release
 * with buf_release. */
static int self_view(TnObject *self, Buf *b)
{
    return tn_bytes_view(self, b) < 0 ? -1 : 0;
}

static void buf_release(Buf *b) { tn_bytes_view_release(b); }

/* The bytes of r, a result this method just made and nobody else sees yet:
 * written in place. */
static char *private_data(TnObject *r)
{
    const char *d = "";
    tn_ssize_t n;
    tn_bytes_like(r, &d, &n);
    return (char *)d;
}

/* The bytes of a bytes object (never resized): no view needed. */
static Buf bytes_buf(TnObject *self)
{
    Buf b = {tn_bytes_data(self), tn_bytes_size(self), NULL};
    return b;
}

/* A bytes-like argument: TypeError "a bytes-like object is required, not
 * 'str'".  0 (release *b) / -1 (*b empty). */
static int need_buf(TnObject *o, Buf *b)
{
    int r = tn_bytes_view(o, b);
    if (r > 0)
        return 0;
    if (r == 0)
        tn_err_format(&tn_exc_TypeError, "a bytes-like object is required, not '%s'", tn_type_name(tn_type(o)));
    return -1;
}

static int noargs(const char *fname, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw(fname, kwnames) < 0)
        return -1;
    return tn_args_count(fname, nargs, 0, 0);
}

static int posargs(const char *fname, tn_ssize_t nargs, TnObject *kwnames, int min, int max)
{
    if (tn_args_no_kw(fname, kwnames) < 0)
        return -1;
    return tn_args_count(fname, nargs, min, max);
}

/* A start/end argument (None allowed): clipped. */
static int slice_arg(TnObject *v, tn_ssize_t *out)
{
    if (v == NULL || v == TN_NONE)
        return 0;
    if (!tn_slice_index_check(v)) {
        tn_err_set_str(&tn_exc_TypeError,
                       "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    tn_ssize_t x = tn_number_as_ssize(v, NULL);
    if (x == -1 && tn_err_occurred())
        return -1;
    *out = x;
    return 0;
}

static void adjust(tn_ssize_t len, tn_ssize_t *start, tn_ssize_t *end)
{
    if (*end > len)
        *end = len;
    else if (*end < 0) {
        *end += len;
        if (*end < 0)
            *end = 0;
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0)
            *start = 0;
    }
}

/* The sub argument of find/count/index: int byte or bytes-like. */
static int sub_arg(TnObject *o, char *byte, Buf *b)
{
    int got = tn_bytes_view(o, b);
    if (got != 0)
        return got > 0 ? 0 : -1;
    if (tn_slice_index_check(o)) {
        int v = tn_bytes_byte_value(o);
        if (v < 0)
            return -1;
        *byte = (char)v;
        b->d = byte;
        b->n = 1;
        return 0;
    }
    tn_err_format(&tn_exc_TypeError, "argument should be integer or bytes-like object, not '%s'",
                  tn_type_name(tn_type(o)));
    return -1;
}

static tn_ssize_t find_in(const char *h, tn_ssize_t start, tn_ssize_t end, const char *s, tn_ssize_t k,
                          int reverse)
{
    if (end - start < k)
        return -1;
    if (!reverse) {
        for (tn_ssize_t i = start; i + k <= end; i++)
            if (memcmp(h + i, s, (size_t)k) == 0)
                return i;
    } else {
        for (tn_ssize_t i = end - k; i >= start; i--)
            if (memcmp(h + i, s, (size_t)k) == 0)
                return i;
    }
    return -1;
}

static tn_ssize_t count_in(const char *h, tn_ssize_t start, tn_ssize_t end, const char *s, tn_ssize_t k,
                           tn_ssize_t maxcount)
{
    if (end - start < k)
        return 0;
    if (k == 0)
        return (end - start + 1) < maxcount ? end - start + 1 : maxcount;
    tn_ssize_t c = 0;
    for (tn_ssize_t i = start; i + k <= end && c < maxcount;) {
        if (memcmp(h + i, s, (size_t)k) == 0) {
            c++;
            i += k;
        } else {
            i++;
        }
    }
    return c;
}

static tn_ssize_t find_in_view(Buf b, Buf sub, tn_ssize_t start, tn_ssize_t end, int reverse, int mode)
{
    adjust(b.n, &start, &end);
    if (mode == 2)
        return count_in(b.d, start, end, sub.d, sub.n, INTPTR_MAX);
    if (start > b.n)
        return -1;
    tn_ssize_t r = find_in(b.d, start, end, sub.d, sub.n, reverse);
    if (r < 0 && mode == 1) {
        tn_err_set_str(&tn_exc_ValueError, "subsection not found");
        return -2;
    }
    return r;
}

/* find / rfind / index / rindex / count.  mode: 0 find, 1 index, 2 count.
 * -2 on error. */
static tn_ssize_t find_common(TnObject *self, const char *fname, TnObject *const *args, tn_ssize_t nargs,
                              TnObject *kwnames, int reverse, int mode)
{
    if (posargs(fname, nargs, kwnames, 1, 3) < 0)
        return -2;
    char byte;
    Buf sub = BUF_EMPTY, b = BUF_EMPTY;
    tn_ssize_t start = 0, end = INTPTR_MAX, r = -2;
    /* The slice arguments first: their __index__ may resize a bytearray sub. */
    if (slice_arg(nargs > 1 ? args[1] : NULL, &start) < 0 || slice_arg(nargs > 2 ? args[2] : NULL, &end) < 0 ||
        sub_arg(args[0], &byte, &sub) < 0)
        return -2;
    if (self_view(self, &b) == 0)
        r = find_in_view(b, sub, start, end, reverse, mode);
    buf_release(&b);
    buf_release(&sub);
    return r;
}

#define FIND_METH(cname, pyname, rev, mode)                                                    \
    static TnObject *cname(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw) \
    {                                                                                          \
        tn_ssize_t r = find_common(self, pyname, args, nargs, kw, rev, mode);                  \
        return r == -2 ? NULL : tn_int_from_ssize(r);                                          \
    }
FIND_METH(b_find, "find", 0, 0)
FIND_METH(b_rfind, "rfind", 1, 0)
FIND_METH(b_index, "index", 0, 1)
FIND_METH(b_rindex, "rindex", 1, 1)
FIND_METH(b_count, "count", 0, 2)

/* startswith / endswith */
static int tail_match(Buf b, Buf sub, tn_ssize_t start, tn_ssize_t end, int endswith)
{
    adjust(b.n, &start, &end);
    if (start > b.n)
        return 0;
    if (end - start < sub.n)
        return 0;
    if (endswith)
        return memcmp(b.d + end - sub.n, sub.d, (size_t)sub.n) == 0;
    return memcmp(b.d + start, sub.d, (size_t)sub.n) == 0;
}

/* Whether b (start/end applied) starts or ends with the bytes-like x: 1 / 0
 * / -1 with TypeError (the tuple-item message when fname is NULL). */
static int match_one(Buf b, TnObject *x, tn_ssize_t start, tn_ssize_t end, int endswith, const char *fname)
{
    Buf sub;
    int got = tn_bytes_view(x, &sub);
    if (got == 0 && fname == NULL)
        tn_err_format(&tn_exc_TypeError, "a bytes-like object is required, not '%s'", tn_type_name(tn_type(x)));
    else if (got == 0)
        tn_err_format(&tn_exc_TypeError, "%s first arg must be bytes or a tuple of bytes, not %s", fname,
                      tn_type_name(tn_type(x)));
    if (got <= 0)
        return -1;
    int r = tail_match(b, sub, start, end, endswith);
    buf_release(&sub);
    return r;
}

static TnObject *startend(TnObject *self, const char *fname, TnObject *const *args, tn_ssize_t nargs,
                          TnObject *kwnames, int endswith)
{
    if (posargs(fname, nargs, kwnames, 1, 3) < 0)
        return NULL;
    tn_ssize_t start = 0, end = INTPTR_MAX;
    if (slice_arg(nargs > 1 ? args[1] : NULL, &start) < 0 || slice_arg(nargs > 2 ? args[2] : NULL, &end) < 0)
        return NULL;
    TnObject *x = args[0];
    Buf b;
    if (self_view(self, &b) < 0)
        return NULL;
    int r = 0;
    if (tn_tuple_check(x)) {
        for (tn_ssize_t i = 0; i < tn_tuple_size(x) && r == 0; i++)
            r = match_one(b, tn_tuple_get(x, i), start, end, endswith, NULL);
    } else {
        r = match_one(b, x, start, end, endswith, fname);
    }
    buf_release(&b);
    return r < 0 ? NULL : tn_newref(r ? TN_TRUE : TN_FALSE);
}

static TnObject *b_startswith(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    return startend(self, "startswith", args, nargs, kw, 0);
}

static TnObject *b_endswith(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    return startend(self, "endswith", args, nargs, kw, 1);
}

/* ---- case and classification ------------------------------------------ */

/* which: 0 lower, 1 upper, 2 swapcase, 3 capitalize, 4 title */
static TnObject *case_map(TnObject *self, const char *fname, tn_ssize_t nargs, TnObject *kw, int which)
{
    if (noargs(fname, nargs, kw) < 0)
        return NULL;
    Buf b;
    if (self_view(self, &b) < 0)
        return NULL;
    TnObject *r = tn_bytes_new_like(self, b.d, b.n);
    buf_release(&b);
    if (r == NULL)
        return NULL;
    /* r is private: its bytes are read and written in place. */
    Buf o = BUF_EMPTY;
    tn_bytes_like(r, &o.d, &o.n);
    char *d = (char *)o.d;
    int prev_cased = 0;
    for (tn_ssize_t i = 0; i < o.n; i++) {
        int c = (unsigned char)d[i];
        switch (which) {
        case 0: c = TOLOWER(c); break;
        case 1: c = TOUPPER(c); break;
        case 2: c = ISUPPER(c) ? c + 32 : ISLOWER(c) ? c - 32 : c; break;
        case 3: c = i == 0 ? TOUPPER(c) : TOLOWER(c); break;
        default:
            if (ISALPHA(c)) {
                c = prev_cased ? TOLOWER(c) : TOUPPER(c);
                prev_cased = 1;
            } else {
                prev_cased = 0;
            }
            break;
        }
        d[i] = (char)c;
    }
    return r;
}

#define CASE_METH(cname, pyname, which)                                                       \
    static TnObject *cname(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw) \
    {                                                                                         \
        (void)args;                                                                           \
        return case_map(self, pyname, nargs, kw, which);                                      \
    }
CASE_METH(b_lower, "lower", 0)
CASE_METH(b_upper, "upper", 1)
CASE_METH(b_swapcase, "swapcase", 2)
CASE_METH(b_capitalize, "capitalize", 3)
CASE_METH(b_title, "title", 4)

static int classify_view(Buf b, int which);

/* which: 0 alnum 1 alpha 2 digit 3 space 4 ascii 5 lower 6 upper 7 title */
static TnObject *classify(TnObject *self, const char *fname, tn_ssize_t nargs, TnObject *kw, int which)
{
    if (noargs(fname, nargs, kw) < 0)
        return NULL;
    Buf b;
    if (self_view(self, &b) < 0)
        return NULL;
    int ok = classify_view(b, which);
    buf_release(&b);
    return tn_newref(ok ? TN_TRUE : TN_FALSE);
}

static int classify_view(Buf b, int which)
{
    int ok = which == 4 || b.n > 0;
    int cased = 0, prev_cased = 0;
    for (tn_ssize_t i = 0; i < b.n && ok; i++) {
        int c = (unsigned char)b.d[i];
        switch (which) {
        case 0: ok = ISALNUM(c); break;
        case 1: ok = ISALPHA(c); break;
        case 2: ok = ISDIGIT(c); break;
        case 3: ok = ISSPACE(c); break;
        case 4: ok = c < 128; break;
        case 5: if (ISUPPER(c)) ok = 0; else if (ISLOWER(c)) cased = 1; break;
        case 6: if (ISLOWER(c)) ok = 0; else if (ISUPPER(c)) cased = 1; break;
        default:
            if (ISUPPER(c)) {
                if (prev_cased)
                    ok = 0;
                prev_cased = cased = 1;
            } else if (ISLOWER(c)) {
                if (!prev_cased)
                    ok = 0;
                prev_cased = cased = 1;
            } else {
                prev_cased = 0;
            }
            break;
        }
    }
    if (which >= 5 && !cased)
        ok = 0;
    return ok;
}

#define IS_METH(cname, pyname, which)                                                         \
    static TnObject *cname(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw) \
    {                                                                                         \
        (void)args;                                                                           \
        return classify(self, pyname, nargs, kw, which);                                      \
    }
IS_METH(b_isalnum, "isalnum", 0)
IS_METH(b_isalpha, "isalpha", 1)
IS_METH(b_isdigit, "isdigit", 2)
IS_METH(b_isspace, "isspace", 3)
IS_METH(b_isascii, "isascii", 4)
IS_METH(b_islower, "islower", 5)
IS_METH(b_isupper, "isupper", 6)
IS_METH(b_istitle, "istitle", 7)

/* ---- strip, padding ------------------------------------------------------ */

static TnObject *strip_view(TnObject *self, Buf b, Buf chars, int which)
{
    tn_ssize_t i = 0, j = b.n;
    if (which & 1)
        while (i < j && memchr(chars.d, b.d[i], (size_t)chars.n) != NULL)
            i++;
    if (which & 2)
        while (j > i && memchr(chars.d, b.d[j - 1], (size_t)chars.n) != NULL)
            j--;
    if (i == 0 && j == b.n && tn_type_check_exact(self, &tn_type_bytes))
        return tn_newref(self);
    return tn_bytes_new_like(self, b.d + i, j - i);
}

/* which: 1 left, 2 right, 3 both */
static TnObject *strip_impl(TnObject *self, const char *fname, TnObject *const *args, tn_ssize_t nargs,
                            TnObject *kw, int which)
{
    if (posargs(fname, nargs, kw, 0, 1) < 0)
        return NULL;
    Buf chars = {" \t\n\r\x0b\x0c", 6, NULL}, b;
    if (nargs > 0 && args[0] != TN_NONE && need_buf(args[0], &chars) < 0)
        return NULL;
    TnObject *r = NULL;
    if (self_view(self, &b) == 0)
        r = strip_view(self, b, chars, which);
    buf_release(&b);
    buf_release(&chars);
    return r;
}

static TnObject *b_strip(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    return strip_impl(self, "strip", args, nargs, kw, 3);
}

static TnObject *b_lstrip(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    return strip_impl(self, "lstrip", args, nargs, kw, 1);
}

static TnObject *b_rstrip(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    return strip_impl(self, "rstrip", args, nargs, kw, 2);
}

/* b (self's bytes) with left/right fill bytes, as a new object of self's
 * kind (self itself for an exact bytes with nothing to add). */
static TnObject *pad(TnObject *self, Buf b, tn_ssize_t left, tn_ssize_t right, char fill)
{
    if (left < 0)
        left = 0;
    if (right < 0)
        right = 0;
    if (left == 0 && right == 0 && tn_type_check_exact(self, &tn_type_bytes))
        return tn_newref(self);
    TnObject *r = tn_bytes_new_like(self, NULL, left + b.n + right);
    if (r == NULL)
        return NULL;
    char *d = private_data(r);
    memset(d, fill, (size_t)left);
    memcpy(d + left, b.d, (size_t)b.n);
    memset(d + left + b.n, fill, (size_t)right);
    return r;
}

/* The fill argument of center/ljust/rjust: a bytes or bytearray of length
 * 1.  Its byte, or -1 with TypeError. */
static int fill_arg(const char *fname, TnObject *o)
{
    int fill = -1;
    if (tn_bytes_check(o)) {
        if (tn_bytes_size(o) == 1)
            fill = (unsigned char)tn_bytes_data(o)[0];
    } else if (tn_bytearray_check(o)) {
        TN_BEGIN_CRITICAL_SECTION(o);
        if (((TnByteArray *)o)->size == 1)
            fill = (unsigned char)((TnByteArray *)o)->data[0];
        TN_END_CRITICAL_SECTION();
    }
    if (fill < 0)
        tn_err_format(&tn_exc_TypeError, "%s() argument 2 must be a byte string of length 1, not %s", fname,
                      tn_type_name(tn_type(o)));
    return fill;
}

static TnObject *just_view(TnObject *self, Buf b, tn_ssize_t width, char fill, int which)
{
    if (width <= b.n)
        return pad(self, b, 0, 0, fill);
    tn_ssize_t marg = width - b.n;
    if (which == 1)
        return pad(self, b, 0, marg, fill);
    if (which == 2)
        return pad(self, b, marg, 0, fill);
    tn_ssize_t left = marg / 2 + (marg & width & 1);
    return pad(self, b, left, marg - left, fill);
}

/* which: 0 center, 1 ljust, 2 rjust */
static TnObject *just(TnObject *self, const char *fname, TnObject *const *args, tn_ssize_t nargs,
                      TnObject *kw, int which)
{
    if (posargs(fname, nargs, kw, 1, 2) < 0)
        return NULL;
    tn_ssize_t width = tn_number_as_ssize(args[0], &tn_exc_OverflowError);
    if (width == -1 && tn_err_occurred())
        return NULL;
    int fill = ' ';
    if (nargs > 1 && (fill = fill_arg(fname, args[1])) < 0)
        return NULL;
    Buf b;
    TnObject *r = NULL;
    if (self_view(self, &b) == 0)
        r = just_view(self, b, width, (char)fill, which);
    buf_release(&b);
    return r;
}

static TnObject *b_center(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    return just(self, "center", args, nargs, kw, 0);
}

static TnObject *b_ljust(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    return just(self, "ljust", args, nargs, kw, 1);
}

static TnObject *b_rjust(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    return just(self, "rjust", args, nargs, kw, 2);
}

static TnObject *zfill_view(TnObject *self, Buf b, tn_ssize_t width)
{
    if (width <= b.n)
        return pad(self, b, 0, 0, '0');
    TnObject *r = pad(self, b, width - b.n, 0, '0');
    if (r == NULL)
        return NULL;
    char *d = private_data(r);
    tn_ssize_t fill = width - b.n;
    if (b.n > 0 && (d[fill] == '+' || d[fill] == '-')) {
        d[0] = d[fill];
        d[fill] = '0';
    }
    return r;
}

static TnObject *b_zfill(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    if (posargs("zfill", nargs, kw, 1, 1) < 0)
        return NULL;
    tn_ssize_t width = tn_number_as_ssize(args[0], &tn_exc_OverflowError);
    if (width == -1 && tn_err_occurred())
        return NULL;
    Buf b;
    TnObject *r = NULL;
    if (self_view(self, &b) == 0)
        r = zfill_view(self, b, width);
    buf_release(&b);
    return r;
}

/* ---- split family ------------------------------------------------------- */

static int list_add_slice(TnObject *list, TnObject *self, const char *d, tn_ssize_t n)
{
    TnObject *x = tn_bytes_new_like(self, d, n);
    if (x == NULL)
        return -1;
    return tn_list_append_steal(list, x);
}

/* Reverse a private list in place.  Always 0. */
static int list_reverse(TnObject *list)
{
    tn_ssize_t n = tn_list_size(list);
    for (tn_ssize_t i = 0, j = n - 1; i < j; i++, j--) {
        TnObject *a = tn_list_get_lock_held(list, i);
        tn_list_set_steal(list, i, tn_list_get_lock_held(list, j));
        tn_list_set_steal(list, j, a);
    }
    return 0;
}

static int split_args(const char *fname, TnObject *const *args, tn_ssize_t nargs, TnObject *kw, Buf *sep,
                      int *has_sep, tn_ssize_t *maxsplit)
{
    static const char *const names[] = {"sep", "maxsplit", NULL};
    TnObject *a[2] = {NULL, NULL};
    if (tn_args_parse(fname, args, nargs, kw, names, 0, 0, a) < 0)
        return -1;
    *has_sep = 0;
    *maxsplit = -1;
    if (a[1] != NULL) {
        *maxsplit = tn_number_as_ssize(a[1], &tn_exc_OverflowError);
        if (*maxsplit == -1 && tn_err_occurred())
            return -1;
    }
    if (*maxsplit < 0)
        *maxsplit = INTPTR_MAX;
    if (a[0] != NULL && a[0] != TN_NONE) {
        if (need_buf(a[0], sep) < 0)
            return -1;
        if (sep->n == 0) {
            buf_release(sep);
            tn_err_set_str(&tn_exc_ValueError, "empty separator");
            return -1;
        }
        *has_sep = 1;
    }
    return 0;
}

/* Append the pieces of b split on whitespace (sep NULL) or on *sep to list.
 * 0 / -1. */
static int split_ws(TnObject *list, TnObject *self, Buf b, tn_ssize_t maxsplit, int reverse)
{
    if (!reverse) {
        tn_ssize_t i = 0;
        while (1) {
            while (i < b.n && ISSPACE(b.d[i]))
                i++;
            if (i >= b.n)
                break;
            tn_ssize_t j = i;
            if (maxsplit-- <= 0)
                j = b.n;
            else
                while (j < b.n && !ISSPACE(b.d[j]))
                    j++;
            if (list_add_slice(list, self, b.d + i, j - i) < 0)
                return -1;
            i = j;
        }
        return 0;
    }
    tn_ssize_t j = b.n;
    while (1) {
        while (j > 0 && ISSPACE(b.d[j - 1]))
            j--;
        if (j <= 0)
            break;
        tn_ssize_t i = j;
        if (maxsplit-- <= 0)
            i = 0;
        else
            while (i > 0 && !ISSPACE(b.d[i - 1]))
                i--;
        if (list_add_slice(list, self, b.d + i, j - i) < 0)
            return -1;
        j = i;
    }
    return list_reverse(list);
}

static int split_view(TnObject *list, TnObject *self, Buf b, const Buf *sepp, tn_ssize_t maxsplit, int reverse)
{
    if (sepp == NULL)
        return split_ws(list, self, b, maxsplit, reverse);
    Buf sep = *sepp;
    if (!reverse) {
        tn_ssize_t i = 0;
        while (maxsplit-- > 0) {
            tn_ssize_t k = find_in(b.d, i, b.n, sep.d, sep.n, 0);
            if (k < 0)
                break;
            if (list_add_slice(list, self, b.d + i, k - i) < 0)
                return -1;
            i = k + sep.n;
        }
        return list_add_slice(list, self, b.d + i, b.n - i);
    }
    tn_ssize_t j = b.n;
    while (maxsplit-- > 0) {
        tn_ssize_t k = find_in(b.d, 0, j, sep.d, sep.n, 1);
        if (k < 0)
            break;
        if (list_add_slice(list, self, b.d + k + sep.n, j - k - sep.n) < 0)
            return -1;
        j = k;
    }
    if (list_add_slice(list, self, b.d, j) < 0)
        return -1;
    return list_reverse(list);
}

static TnObject *split_impl(TnObject *self, const char *fname, TnObject *const *args, tn_ssize_t nargs,
                            TnObject *kw, int reverse)
{
    Buf sep = BUF_EMPTY, b;
    int has_sep;
    tn_ssize_t maxsplit;
    if (split_args(fname, args, nargs, kw, &sep, &has_sep, &maxsplit) < 0)
        return NULL;
    TnObject *list = NULL;
    if (self_view(self, &b) == 0) {
        list = tn_list_new(0);
        if (list != NULL && split_view(list, self, b, has_sep ? &sep : NULL, maxsplit, reverse) < 0)
            TN_CLEAR(list);
    }
    buf_release(&b);
    buf_release(&sep);
    return list;
}

static TnObject *b_split(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    return split_impl(self, "split", args, nargs, kw, 0);
}

static TnObject *b_rsplit(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    return split_impl(self, "rsplit", args, nargs, kw, 1);
}

static int splitlines_view(TnObject *list, TnObject *self, Buf b, int keep);

static TnObject *b_splitlines(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    static const char *const names[] = {"keepends", NULL};
    TnObject *a[1] = {NULL};
    if (tn_args_parse("splitlines", args, nargs, kw, names, 0, 0, a) < 0)
        return NULL;
    int keep = 0;
    if (a[0] != NULL && (keep = tn_object_is_true(a[0])) < 0)
        return NULL;
    Buf b;
    TnObject *list = NULL;
    if (self_view(self, &b) == 0) {
        list = tn_list_new(0);
        if (list != NULL && splitlines_view(list, self, b, keep) < 0)
            TN_CLEAR(list);
    }
    buf_release(&b);
    return list;
}

static int splitlines_view(TnObject *list, TnObject *self, Buf b, int keep)
{
    tn_ssize_t i = 0;
    while (i < b.n) {
        tn_ssize_t j = i;
        while (j < b.n && b.d[j] != '\n' && b.d[j] != '\r')
            j++;
        tn_ssize_t eol = j;
        if (j < b.n) {
            if (b.d[j] == '\r' && j + 1 < b.n && b.d[j + 1] == '\n')
                j += 2;
            else
                j++;
            if (keep)
                eol = j;
        }
        if (list_add_slice(list, self, b.d + i, eol - i) < 0)
            return -1;
        i = j;
    }
    return 0;
}

static TnObject *partition_view(TnObject *self, Buf b, Buf sep, int reverse);

static TnObject *partition_impl(TnObject *self, const char *fname, TnObject *const *args, tn_ssize_t nargs,
                                TnObject *kw, int reverse)
{
    if (posargs(fname, nargs, kw, 1, 1) < 0)
        return NULL;
    Buf sep, b;
    if (need_buf(args[0], &sep) < 0)
        return NULL;
    TnObject *r = NULL;
    if (sep.n == 0)
        tn_err_set_str(&tn_exc_ValueError, "empty separator");
    else if (self_view(self, &b) == 0) {
        r = partition_view(self, b, sep, reverse);
        buf_release(&b);
    }
    buf_release(&sep);
    return r;
}

static TnObject *partition_view(TnObject *self, Buf b, Buf sep, int reverse)
{
    tn_ssize_t k = find_in(b.d, 0, b.n, sep.d, sep.n, reverse);
    TnObject *x[3] = {NULL, NULL, NULL};
    if (k < 0) {
        x[0] = tn_bytes_new_like(self, reverse ? NULL : b.d, reverse ? 0 : b.n);
        x[1] = tn_bytes_new_like(self, NULL, 0);
        x[2] = tn_bytes_new_like(self, reverse ? b.d : NULL, reverse ? b.n : 0);
    } else {
        x[0] = tn_bytes_new_like(self, b.d, k);
        x[1] = tn_bytes_new_like(self, sep.d, sep.n);
        x[2] = tn_bytes_new_like(self, b.d + k + sep.n, b.n - k - sep.n);
    }
    TnObject *r = NULL;
    if (x[0] != NULL && x[1] != NULL && x[2] != NULL)
        r = tn_tuple_pack(3, x[0], x[1], x[2]);
    for (int i = 0; i < 3; i++)
        tn_xdecref(x[i]);
    return r;
}

static TnObject *b_partition(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    return partition_impl(self, "partition", args, nargs, kw, 0);
}

static TnObject *b_rpartition(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    return partition_impl(self, "rpartition", args, nargs, kw, 1);
}

/* ---- join, replace, translate ------------------------------------------ */

/* The items of the tuple seq joined by sep into out; each item's bytes are
 * read atomically.  0 / -1. */
static int join_view(TnByteBuf *out, Buf sep, TnObject *seq)
{
    for (tn_ssize_t i = 0; i < tn_tuple_size(seq); i++) {
        TnObject *o = tn_tuple_get(seq, i);
        if (i > 0 && tn_bbuf_put(out, sep.d, sep.n) < 0)
            return -1;
        int got = tn_bbuf_put_bytes_like(out, o);
        if (got == 0)
            tn_err_format(&tn_exc_TypeError, "sequence item %zd: expected a bytes-like object, %s found", i,
                          tn_type_name(tn_type(o)));
        if (got <= 0)
            return -1;
    }
    return 0;
}

static TnObject *b_join(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    if (posargs("join", nargs, kw, 1, 1) < 0)
        return NULL;
    TnObject *seq = tn_tuple_from_iterable(args[0]);
    if (seq == NULL)
        return NULL;
    TnByteBuf out = {0};
    Buf sep;
    TnObject *r = NULL;
    if (self_view(self, &sep) == 0 && join_view(&out, sep, seq) == 0)
        r = tn_bytes_new_like(self, out.buf, out.len);
    buf_release(&sep);
    tn_bbuf_free(&out);
    tn_decref(seq);
    return r;
}

static TnObject *replace_view(TnObject *self, Buf b, Buf old, Buf new_, tn_ssize_t count);

static TnObject *b_replace(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    if (posargs("replace", nargs, kw, 2, 3) < 0)
        return NULL;
    Buf old = BUF_EMPTY, new_ = BUF_EMPTY, b = BUF_EMPTY;
    tn_ssize_t count = -1;
    if (nargs > 2) {   /* first: its __index__ may resize a bytearray argument */
        count = tn_number_as_ssize(args[2], &tn_exc_OverflowError);
        if (count == -1 && tn_err_occurred())
            return NULL;
    }
    if (count < 0)
        count = INTPTR_MAX;
    TnObject *r = NULL;
    if (need_buf(args[0], &old) == 0 && need_buf(args[1], &new_) == 0 && self_view(self, &b) == 0)
        r = replace_view(self, b, old, new_, count);
    buf_release(&b);
    buf_release(&new_);
    buf_release(&old);
    return r;
}

static TnObject *replace_view(TnObject *self, Buf b, Buf old, Buf new_, tn_ssize_t count)
{
    TnByteBuf out = {0};
    tn_ssize_t i = 0;
    if (old.n == 0) {
        for (; i <= b.n; i++) {
            if (count > 0) {
                if (tn_bbuf_put(&out, new_.d, new_.n) < 0)
                    goto error;
                count--;
            }
            if (i < b.n && tn_bbuf_putc(&out, b.d[i]) < 0)
                goto error;
        }
    } else {
        while (count > 0) {
            tn_ssize_t k = find_in(b.d, i, b.n, old.d, old.n, 0);
            if (k < 0)
                break;
            if (tn_bbuf_put(&out, b.d + i, k - i) < 0 || tn_bbuf_put(&out, new_.d, new_.n) < 0)
                goto error;
            i = k + old.n;
            count--;
        }
        if (tn_bbuf_put(&out, b.d + i, b.n - i) < 0)
            goto error;
    }
    TnObject *r = tn_bytes_new_like(self, out.buf, out.len);
    tn_bbuf_free(&out);
    return r;
error:
    tn_bbuf_free(&out);
    return NULL;
}

/* b translated by table (256 bytes, or NULL: identity) without the bytes in
 * del. */
static TnObject *translate_view(TnObject *self, Buf b, const char *table, Buf del)
{
    TnByteBuf out = {0};
    for (tn_ssize_t i = 0; i < b.n; i++) {
        unsigned char c = (unsigned char)b.d[i];
        if (del.n > 0 && memchr(del.d, c, (size_t)del.n) != NULL)
            continue;
        if (tn_bbuf_putc(&out, table != NULL ? (unsigned char)table[c] : c) < 0) {
            tn_bbuf_free(&out);
            return NULL;
        }
    }
    TnObject *r = tn_bytes_new_like(self, out.buf, out.len);
    tn_bbuf_free(&out);
    return r;
}

static TnObject *b_translate(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    static const char *const names[] = {"", "delete", NULL};
    TnObject *a[2] = {NULL, NULL};
    if (tn_args_parse("translate", args, nargs, kw, names, 1, 1, a) < 0)
        return NULL;
    Buf table = BUF_EMPTY, del = BUF_EMPTY, b = BUF_EMPTY;
    int ok = a[0] == TN_NONE || need_buf(a[0], &table) == 0;
    if (ok && a[0] != TN_NONE && table.n != 256) {
        tn_err_set_str(&tn_exc_ValueError, "translation table must be 256 characters long");
        ok = 0;
    }
    TnObject *r = NULL;
    if (ok && (a[1] == NULL || need_buf(a[1], &del) == 0) && self_view(self, &b) == 0)
        r = translate_view(self, b, a[0] != TN_NONE ? table.d : NULL, del);
    buf_release(&b);
    buf_release(&del);
    buf_release(&table);
    return r;
}

static TnObject *b_maketrans(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    (void)self;
    if (posargs("maketrans", nargs, kw, 2, 2) < 0)
        return NULL;
    Buf from = BUF_EMPTY, to = BUF_EMPTY;
    TnObject *r = NULL;
    if (need_buf(args[0], &from) == 0 && need_buf(args[1], &to) == 0) {
        if (from.n != to.n) {
            tn_err_set_str(&tn_exc_ValueError, "maketrans arguments must have same length");
        } else {
            char t[256];
            for (int i = 0; i < 256; i++)
                t[i] = (char)i;
            for (tn_ssize_t i = 0; i < from.n; i++)
                t[(unsigned char)from.d[i]] = to.d[i];
            r = tn_bytes_from_data(t, 256);
        }
    }
    buf_release(&to);
    buf_release(&from);
    return r;
}

static TnObject *expandtabs_view(TnObject *self, Buf b, tn_ssize_t tab);

static TnObject *b_expandtabs(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    static const char *const names[] = {"tabsize", NULL};
    TnObject *a[1] = {NULL};
    if (tn_args_parse("expandtabs", args, nargs, kw, names, 0, 0, a) < 0)
        return NULL;
    int tab = 8;   /* a C int, as CPython's (a huge one is OverflowError, not a huge result) */
    if (a[0] != NULL && tn_number_as_c_int(a[0], &tab) < 0)
        return NULL;
    Buf b;
    TnObject *r = NULL;
    if (self_view(self, &b) == 0)
        r = expandtabs_view(self, b, tab);
    buf_release(&b);
    return r;
}

static TnObject *expandtabs_view(TnObject *self, Buf b, tn_ssize_t tab)
{
    TnByteBuf out = {0};
    tn_ssize_t col = 0;
    for (tn_ssize_t i = 0; i < b.n; i++) {
        char c = b.d[i];
        int r = 0;
        if (c == '\t') {
            if (tab > 0) {
                tn_ssize_t k = tab - col % tab;
                col += k;
                for (; k > 0 && r == 0; k--)
                    r = tn_bbuf_putc(&out, ' ');
            }
        } else {
            r = tn_bbuf_putc(&out, c);
            col = (c == '\n' || c == '\r') ? 0 : col + 1;
        }
        if (r < 0) {
            tn_bbuf_free(&out);
            return NULL;
        }
    }
    TnObject *r = tn_bytes_new_like(self, out.buf, out.len);
    tn_bbuf_free(&out);
    return r;
}

static TnObject *affix_view(TnObject *self, Buf b, Buf a, int suffix);

static TnObject *affix(TnObject *self, const char *fname, TnObject *const *args, tn_ssize_t nargs,
                       TnObject *kw, int suffix)
{
    if (posargs(fname, nargs, kw, 1, 1) < 0)
        return NULL;
    Buf a, b;
    if (need_buf(args[0], &a) < 0)
        return NULL;
    TnObject *r = NULL;
    if (self_view(self, &b) == 0) {
        r = affix_view(self, b, a, suffix);
        buf_release(&b);
    }
    buf_release(&a);
    return r;
}

static TnObject *affix_view(TnObject *self, Buf b, Buf a, int suffix)
{
    if (a.n > 0 && a.n <= b.n) {
        if (!suffix && memcmp(b.d, a.d, (size_t)a.n) == 0)
            return tn_bytes_new_like(self, b.d + a.n, b.n - a.n);
        if (suffix && memcmp(b.d + b.n - a.n, a.d, (size_t)a.n) == 0)
            return tn_bytes_new_like(self, b.d, b.n - a.n);
    }
    if (tn_type_check_exact(self, &tn_type_bytes))
        return tn_newref(self);
    return tn_bytes_new_like(self, b.d, b.n);
}

static TnObject *b_removeprefix(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    return affix(self, "removeprefix", args, nargs, kw, 0);
}

static TnObject *b_removesuffix(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    return affix(self, "removesuffix", args, nargs, kw, 1);
}

/* ---- decode, hex, fromhex ----------------------------------------------- */

static TnObject *b_decode(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    static const char *const names[] = {"encoding", "errors", NULL};
    TnObject *a[2] = {NULL, NULL};
    const char *enc, *errs;
    if (tn_args_parse("decode", args, nargs, kw, names, 0, 0, a) < 0 ||
        tn_codec_arg("decode", 1, a[0], "utf-8", &enc) < 0 ||
        tn_codec_arg("decode", 2, a[1], NULL, &errs) < 0)
        return NULL;
    Buf b;   /* a copy: an error handler may run Python code */
    if (tn_bytes_view_copy(self, &b) < 0)
        return NULL;
    TnObject *r = tn_codec_decode(b.d, b.n, enc, errs);
    buf_release(&b);
    return r;
}

TnObject *tn_bytes_hex_impl(const char *d, tn_ssize_t n, TnObject *const *args, tn_ssize_t nargs,
                            TnObject *kw)
{
    static const char *const names[] = {"sep", "bytes_per_sep", NULL};
    TnObject *a[2] = {NULL, NULL};
    if (tn_args_parse("hex", args, nargs, kw, names, 0, 0, a) < 0)
        return NULL;
    char sep = 0;
    tn_ssize_t per = 1;
    if (a[0] != NULL) {
        tn_ssize_t len = tn_object_length(a[0]);
        if (len < 0)
            return NULL;
        if (len != 1) {
            tn_err_set_str(&tn_exc_ValueError, "sep must be length 1.");
            return NULL;
        }
        if (tn_str_check(a[0])) {
            uint32_t c = tn_str_read(a[0], 0);
            if (c > 127) {
                tn_err_set_str(&tn_exc_ValueError, "sep must be ASCII.");
                return NULL;
            }
            sep = (char)c;
        } else {
            Buf s;
            if (need_buf(a[0], &s) < 0)
                return NULL;
            sep = s.n > 0 ? s.d[0] : 0;
            buf_release(&s);
        }
    }
    if (a[1] != NULL) {
        per = tn_number_as_ssize(a[1], &tn_exc_OverflowError);
        if (per == -1 && tn_err_occurred())
            return NULL;
    }
    static const char hexd[] = "0123456789abcdef";
    TnByteBuf out = {0};
    tn_ssize_t ab = per < 0 ? -per : per;
    for (tn_ssize_t i = 0; i < n; i++) {
        if (sep && ab > 0 && i > 0) {
            /* per > 0: groups counted from the right; < 0: from the left. */
            int put = per > 0 ? (n - i) % ab == 0 : i % ab == 0;
            if (put && tn_bbuf_putc(&out, sep) < 0)
                goto error;
        }
        unsigned char c = (unsigned char)d[i];
        if (tn_bbuf_putc(&out, hexd[c >> 4]) < 0 || tn_bbuf_putc(&out, hexd[c & 15]) < 0)
            goto error;
    }
    TnObject *r = tn_str_from_utf8(out.buf ? out.buf : "", out.len);
    tn_bbuf_free(&out);
    return r;
error:
    tn_bbuf_free(&out);
    return NULL;
}

static TnObject *b_hex(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    Buf b;   /* a copy: the arguments are converted after (sep's __len__ may run) */
    if (tn_bytes_view_copy(self, &b) < 0)
        return NULL;
    TnObject *r = tn_bytes_hex_impl(b.d, b.n, args, nargs, kw);
    buf_release(&b);
    return r;
}

static int hexval(uint32_t c)
{
    if (c >= '0' && c <= '9')
        return (int)(c - '0');
    if (c >= 'a' && c <= 'f')
        return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F')
        return (int)(c - 'A' + 10);
    return -1;
}

static TnObject *b_fromhex(TnObject *cls, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    if (posargs("fromhex", nargs, kw, 1, 1) < 0)
        return NULL;
    TnObject *s = args[0];
    if (!tn_str_check(s))
        return tn_err_format(&tn_exc_TypeError, "fromhex() argument must be str, not %s", tn_type_name(tn_type(s)));
    tn_ssize_t n = tn_str_length(s);
    TnByteBuf out = {0};
    for (tn_ssize_t i = 0; i < n;) {
        uint32_t c = tn_str_read(s, i);
        if (c == ' ' || (c >= 9 && c <= 13)) {
            i++;
            continue;
        }
        int hi = hexval(c);
        if (hi < 0) {
            tn_err_format(&tn_exc_ValueError, "non-hexadecimal number found in fromhex() arg at position %zd", i);
            goto error;
        }
        int lo = i + 1 < n ? hexval(tn_str_read(s, i + 1)) : -1;
        if (lo < 0) {
            tn_err_format(&tn_exc_ValueError, "non-hexadecimal number found in fromhex() arg at position %zd",
                          i + 1);
            goto error;
        }
        if (tn_bbuf_putc(&out, hi * 16 + lo) < 0)
            goto error;
        i += 2;
    }
    TnObject *r = cls == TN_OBJ(&tn_type_bytearray) ? tn_bytearray_from_data(out.buf, out.len)
                                                    : tn_bytes_from_data(out.buf, out.len);
    tn_bbuf_free(&out);
    return r;
error:
    tn_bbuf_free(&out);
    return NULL;
}

static TnObject *b_getnewargs(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    (void)args;
    if (noargs("__getnewargs__", nargs, kw) < 0)
        return NULL;
    Buf b = bytes_buf(self);   /* bytes only */
    TnObject *x = tn_bytes_from_data(b.d, b.n);
    if (x == NULL)
        return NULL;
    TnObject *r = tn_tuple_pack(1, x);
    tn_decref(x);
    return r;
}

static TnObject *b_bytes(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kw)
{
    (void)args;
    if (noargs("__bytes__", nargs, kw) < 0)
        return NULL;
    Buf b = bytes_buf(self);   /* bytes only */
    return tn_bytes_from_data(b.d, b.n);
}

#define COMMON_METHODS                                                                       \
    {"capitalize", b_capitalize, 0, NULL},                                                   \
    {"center", b_center, 0, NULL},                                                           \
    {"count", b_count, 0, NULL},                                                             \
    {"decode", b_decode, 0, NULL},                                                           \
    {"endswith", b_endswith, 0, NULL},                                                       \
    {"expandtabs", b_expandtabs, 0, NULL},                                                   \
    {"find", b_find, 0, NULL},                                                               \
    {"fromhex", b_fromhex, TN_METH_CLASS, NULL},                                             \
    {"hex", b_hex, 0, NULL},                                                                 \
    {"index", b_index, 0, NULL},                                                             \
    {"isalnum", b_isalnum, 0, NULL},                                                         \
    {"isalpha", b_isalpha, 0, NULL},                                                         \
    {"isascii", b_isascii, 0, NULL},                                                         \
    {"isdigit", b_isdigit, 0, NULL},                                                         \
    {"islower", b_islower, 0, NULL},                                                         \
    {"isspace", b_isspace, 0, NULL},                                                         \
    {"istitle", b_istitle, 0, NULL},                                                         \
    {"isupper", b_isupper, 0, NULL},                                                         \
    {"join", b_join, 0, NULL},                                                               \
    {"ljust", b_ljust, 0, NULL},                                                             \
    {"lower", b_lower, 0, NULL},                                                             \
    {"lstrip", b_lstrip, 0, NULL},                                                           \
    {"maketrans", b_maketrans, TN_METH_STATIC, NULL},                                        \
    {"partition", b_partition, 0, NULL},                                                     \
    {"removeprefix", b_removeprefix, 0, NULL},                                               \
    {"removesuffix", b_removesuffix, 0, NULL},                                               \
    {"replace", b_replace, 0, NULL},                                                         \
    {"rfind", b_rfind, 0, NULL},                                                             \
    {"rindex", b_rindex, 0, NULL},                                                           \
    {"rjust", b_rjust, 0, NULL},                                                             \
    {"rpartition", b_rpartition, 0, NULL},                                                   \
    {"rsplit", b_rsplit, 0, NULL},                                                           \
    {"rstrip", b_rstrip, 0, NULL},                                                           \
    {"split", b_split, 0, NULL},                                                             \
    {"splitlines", b_splitlines, 0, NULL},                                                   \
    {"startswith", b_startswith, 0, NULL},                                                   \
    {"strip", b_strip, 0, NULL},                                                             \
    {"swapcase", b_swapcase, 0, NULL},                                                       \
    {"title", b_title, 0, NULL},                                                             \
    {"translate", b_translate, 0, NULL},                                                     \
    {"upper", b_upper, 0, NULL},                                                             \
    {"zfill", b_zfill, 0, NULL},

const TnMethodDef tn_bytes_methods[] = {
    COMMON_METHODS
    {"__getnewargs__", b_getnewargs, 0, NULL},
    {"__bytes__", b_bytes, 0, NULL},
    {NULL, NULL, 0, NULL},
};

const TnMethodDef tn_bytearray_methods[] = {
    COMMON_METHODS
    {"append", tn_bytearray_append_meth, 0, "Append a single item to the end of the bytearray."},
    {"clear", tn_bytearray_clear_meth, 0, "Remove all items from the bytearray."},
    {"copy", tn_bytearray_copy_meth, 0, "Return a copy of B."},
    {"extend", tn_bytearray_extend_meth, 0, "Append all the items from the iterator or sequence to the end of the bytearray."},
    {"insert", tn_bytearray_insert_meth, 0, "Insert a single item into the bytearray before the given index."},
    {"pop", tn_bytearray_pop_meth, 0, "Remove and return a single item from B."},
    {"remove", tn_bytearray_remove_meth, 0, "Remove the first occurrence of a value in the bytearray."},
    {"reverse", tn_bytearray_reverse_meth, 0, "Reverse the order of the values in B in place."},
    {NULL, NULL, 0, NULL},
};

/* ---- %-formatting ------------------------------------------------------- */

typedef struct FmtState {
    TnObject *args;         /* borrowed */
    tn_ssize_t argidx, nargs;   /* nargs < 0: a single non-tuple argument */
    TnObject *dict;         /* mapping for %(key)s or NULL */
} FmtState;

static TnObject *next_arg(FmtState *st)
{
    if (st->nargs < 0) {
        if (st->argidx == 0) {
            st->argidx = 1;
            return st->args;
        }
    } else if (st->argidx < st->nargs) {
        return tn_tuple_get(st->args, st->argidx++);
    }
    tn_err_set_str(&tn_exc_TypeError, "not enough arguments for format string");
    return NULL;
}

/* Append `s[0:n]` honouring width / precision / left-justify. */
static int put_field(TnByteBuf *out, const char *s, tn_ssize_t n, tn_ssize_t width, tn_ssize_t prec, int left)
{
    if (prec >= 0 && n > prec)
        n = prec;
    tn_ssize_t padn = width > n ? width - n : 0;
    for (tn_ssize_t i = 0; !left && i < padn; i++)
        if (tn_bbuf_putc(out, ' ') < 0)
            return -1;
    if (tn_bbuf_put(out, s, n) < 0)
        return -1;
    for (tn_ssize_t i = 0; left && i < padn; i++)
        if (tn_bbuf_putc(out, ' ') < 0)
            return -1;
    return 0;
}

static int put_str_ascii(TnByteBuf *out, TnObject *s, tn_ssize_t width, tn_ssize_t prec, int left)
{
    tn_ssize_t n;
    const char *u = tn_str_utf8(s, &n);
    if (u == NULL)
        return -1;
    return put_field(out, u, n, width, prec, left);
}

/* One conversion with spec text spec[0:speclen] (flags, width, precision)
 * and conversion character c. */
static int format_one(TnByteBuf *out, TnObject *v, char c, const char *spec, tn_ssize_t speclen,
                      tn_ssize_t width, tn_ssize_t prec, int left)
{
    Buf vb;
    int got;
    switch (c) {
    case 's':
    case 'b':
        if ((got = tn_bytes_view(v, &vb)) > 0) {
            int rc = put_field(out, vb.d, vb.n, width, prec, left);
            buf_release(&vb);
            return rc;
        }
        if (got == 0)
            tn_err_format(&tn_exc_TypeError,
                          "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'",
                          tn_type_name(tn_type(v)));
        return -1;
    case 'r':
    case 'a': {
        TnObject *r = tn_object_ascii(v);
        if (r == NULL)
            return -1;
        int rc = put_str_ascii(out, r, width, prec, left);
        tn_decref(r);
        return rc;
    }
    case 'c': {
        char ch;
        if (!tn_memoryview_check(v) && (got = tn_bytes_view(v, &vb)) != 0) {
            if (got < 0)
                return -1;
            ch = vb.n == 1 ? vb.d[0] : 0;
            got = vb.n == 1;
            buf_release(&vb);
            if (!got)
                goto bad_c;
        } else if (tn_int_check(v)) {
            tn_ssize_t x = tn_number_as_ssize(v, NULL);
            if (x == -1 && tn_err_occurred())
                return -1;
            if (x < 0 || x > 255) {
                tn_err_set_str(&tn_exc_OverflowError, "%c arg not in range(256)");
                return -1;
            }
            ch = (char)x;
        } else {
            goto bad_c;
        }
        return put_field(out, &ch, 1, width, -1, left);
    bad_c:
        tn_err_set_str(&tn_exc_TypeError, "%c requires an integer in range(256) or a single byte");
        return -1;
    }
    default: {
        /* Numbers: the str implementation does the work. */
        char f[64];
        if (speclen > (tn_ssize_t)sizeof f - 3) {
            tn_err_set_str(&tn_exc_ValueError, "format spec too long");
            return -1;
        }
        f[0] = '%';
        memcpy(f + 1, spec, (size_t)speclen);
        f[speclen + 1] = c;
        f[speclen + 2] = 0;
        TnObject *fs = tn_str_from_cstr(f);
        TnObject *t = fs != NULL ? tn_tuple_pack(1, v) : NULL;
        TnObject *r = t != NULL ? tn_str_printf(fs, t) : NULL;
        tn_xdecref(fs);
        tn_xdecref(t);
        if (r == NULL)
            return -1;
        int rc = put_str_ascii(out, r, 0, -1, 0);
        tn_decref(r);
        return rc;
    }
    }
}

static int read_num(FmtState *st, const char *f, tn_ssize_t n, tn_ssize_t *i, tn_ssize_t *out, char *spec,
                    tn_ssize_t *sl)
{
    if (*i < n && f[*i] == '*') {
        (*i)++;
        TnObject *v = next_arg(st);
        if (v == NULL)
            return -1;
        if (!tn_int_check(v)) {
            tn_err_set_str(&tn_exc_TypeError, "* wants int");
            return -1;
        }
        *out = tn_number_as_ssize(v, &tn_exc_OverflowError);
        if (*out == -1 && tn_err_occurred())
            return -1;
        *sl += snprintf(spec + *sl, 64 - (size_t)*sl, "%zd", *out);
        return 0;
    }
    tn_ssize_t x = -1;
    while (*i < n && ISDIGIT(f[*i])) {
        x = (x < 0 ? 0 : x) * 10 + (f[*i] - '0');
        if (*sl < 60)
            spec[(*sl)++] = f[*i];
        (*i)++;
        if (x > 1000000000) {
            tn_err_set_str(&tn_exc_ValueError, "width too big");
            return -1;
        }
    }
    *out = x;
    return 0;
}

TnObject *tn_bytes_printf(const char *f, tn_ssize_t n, TnObject *args)
{
    FmtState st = {args, 0, -1, NULL};
    if (tn_tuple_check(args))
        st.nargs = tn_tuple_size(args);
    else if (tn_type(args)->as_mapping != NULL && tn_type(args)->as_mapping->subscript != NULL &&
             !tn_str_check(args) && !tn_bytes_check(args) && !tn_bytearray_check(args)
             && !tn_memoryview_check(args))   /* a type test: reading a bytearray's data races */
        st.dict = args;
    TnByteBuf out = {0};
    for (tn_ssize_t i = 0; i < n;) {
        if (f[i] != '%') {
            tn_ssize_t j = i;
            while (j < n && f[j] != '%')
                j++;
            if (tn_bbuf_put(&out, f + i, j - i) < 0)
                goto error;
            i = j;
            continue;
        }
        i++;
        TnObject *v = NULL, *owned = NULL;
        if (i < n && f[i] == '(') {
            if (st.dict == NULL) {
                tn_err_set_str(&tn_exc_TypeError, "format requires a mapping");
                goto error;
            }
            tn_ssize_t depth = 1, k = ++i;
            while (i < n && depth > 0) {
                if (f[i] == '(')
                    depth++;
                else if (f[i] == ')')
                    depth--;
                i++;
            }
            if (depth > 0) {
                tn_err_set_str(&tn_exc_ValueError, "incomplete format key");
                goto error;
            }
            TnObject *key = tn_bytes_from_data(f + k, i - 1 - k);
            if (key == NULL)
                goto error;
            owned = tn_object_getitem(st.dict, key);
            tn_decref(key);
            if (owned == NULL)
                goto error;
            v = owned;
            st.argidx = 1;
        }
        char spec[64];
        tn_ssize_t sl = 0;
        int left = 0;
        while (i < n && strchr("-+ #0", f[i]) != NULL) {
            if (f[i] == '-')
                left = 1;
            if (sl < 60)
                spec[sl++] = f[i];
            i++;
        }
        tn_ssize_t width = -1, prec = -1;
        if (read_num(&st, f, n, &i, &width, spec, &sl) < 0)
            goto error_v;
        if (width < -1) {
            left = 1;
            width = -width;
        }
        if (i < n && f[i] == '.') {
            spec[sl++] = '.';
            i++;
            if (read_num(&st, f, n, &i, &prec, spec, &sl) < 0)
                goto error_v;
            if (prec < 0)
                prec = 0;
        }
        while (i < n && (f[i] == 'h' || f[i] == 'l' || f[i] == 'L'))
            i++;
        if (i >= n) {
            tn_err_set_str(&tn_exc_ValueError, "incomplete format");
            goto error_v;
        }
        char c = f[i++];
        if (c == '%') {
            if (tn_bbuf_putc(&out, '%') < 0)
                goto error_v;
            tn_xdecref(owned);
            continue;
        }
        if (strchr("sbrcadiuoxXeEfFgG", c) == NULL) {
            tn_err_format(&tn_exc_ValueError, "unsupported format character '%c' (0x%x) at index %zd",
                          (unsigned char)c < 128 ? c : '?', (unsigned)(unsigned char)c, i - 1);
            goto error_v;
        }
        if (v == NULL && (v = next_arg(&st)) == NULL)
            goto error_v;
        if (format_one(&out, v, c, spec, sl, width, prec, left) < 0)
            goto error_v;
        tn_xdecref(owned);
        continue;
    error_v:
        tn_xdecref(owned);
        goto error;
    }
    if (st.dict == NULL && ((st.nargs >= 0 && st.argidx < st.nargs) || (st.nargs < 0 && st.argidx == 0))) {
        tn_err_set_str(&tn_exc_TypeError, "not all arguments converted during bytes formatting");
        goto error;
    }
    TnObject *r = tn_bytes_from_data(out.buf, out.len);
    tn_bbuf_free(&out);
    return r;
error:
    tn_bbuf_free(&out);
    return NULL;
}
