/* core/objects/str_methods.c — the methods of str (tn_str_methods).
 *
 * Every method takes its arguments with CPython 3.11's conventions and
 * messages (METH_NOARGS/METH_O methods report "str.upper() takes no
 * arguments (1 given)", old-style parsers "find() takes at least 1
 * argument (0 given)", Argument Clinic ones "center expected at least 1
 * argument, got 0").  Character properties and case mappings come from the
 * generated Unicode database (str_unicode.c).
 */
#define _GNU_SOURCE 1   /* memmem */
#include <string.h>

#include "core/tn.h"

/* ---- argument helpers --------------------------------------------------- */

static TnObject *empty(void) { return tn_str_new(0, 0); }

static int noargs(const char *fname, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw(fname, kwnames) < 0 || tn_args_count(fname, nargs, 0, 0) < 0)
        return -1;
    return 0;
}

static int onearg(const char *fname, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw(fname, kwnames) < 0 || tn_args_count(fname, nargs, 1, 1) < 0)
        return -1;
    return 0;
}

/* PyArg_ParseTuple-style count check: "find() takes at least 1 argument
 * (0 given)". */
static int oldstyle_count(const char *fname, tn_ssize_t nargs, tn_ssize_t min, tn_ssize_t max)
{
    if (nargs < min) {
        tn_err_format(&tn_exc_TypeError, "%s() takes at least %zd argument%s (%zd given)", fname, min,
                      min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > max) {
        tn_err_format(&tn_exc_TypeError, "%s() takes at most %zd argument%s (%zd given)", fname, max,
                      max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

/* A slice bound: None leaves *out unchanged; ints (and __index__) clip. */
static int slice_index(TnObject *o, tn_ssize_t *out)
{
    if (o == NULL || o == TN_NONE)
        return 0;
    if (tn_int_check(o) || (tn_type(o)->as_number && tn_type(o)->as_number->index)) {
        tn_ssize_t v = tn_number_as_ssize(o, NULL);
        if (v == -1 && tn_err_occurred())
            return -1;
        *out = v;
        return 0;
    }
    tn_err_set_str(&tn_exc_TypeError, "slice indices must be integers or None or have an __index__ method");
    return -1;
}

/* CPython's ADJUST_INDICES. */
static void adjust_indices(tn_ssize_t *start, tn_ssize_t *end, tn_ssize_t len)
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

/* (sub[, start[, end]]) for find/index/count...: sub is not type-checked. */
static int parse_sub_args(const char *fname, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames,
                          TnObject **sub, tn_ssize_t *start, tn_ssize_t *end)
{
    if (tn_args_no_kw(fname, kwnames) < 0 || oldstyle_count(fname, nargs, 1, 3) < 0)
        return -1;
    *sub = args[0];
    *start = 0;
    *end = INTPTR_MAX;
    if (nargs > 1 && slice_index(args[1], start) < 0)
        return -1;
    if (nargs > 2 && slice_index(args[2], end) < 0)
        return -1;
    return 0;
}

static int require_str(TnObject *o)
{
    if (!tn_str_check(o)) {
        tn_err_format(&tn_exc_TypeError, "must be str, not %s", tn_type_name(tn_type(o)));
        return -1;
    }
    return 0;
}

/* An integer argument through __index__ (TypeError "'str' object cannot be
 * interpreted as an integer"); OverflowError if it does not fit. */
static int index_arg(TnObject *o, tn_ssize_t *out)
{
    tn_ssize_t v = tn_number_as_ssize(o, &tn_exc_OverflowError);
    if (v == -1 && tn_err_occurred())
        return -1;
    *out = v;
    return 0;
}

static TnObject *newlist(void) { return tn_list_new(0); }

/* ---- searching -------------------------------------------------------------- */

static bool match_at(TnObject *hay, tn_ssize_t pos, TnObject *needle)
{
    tn_ssize_t n = tn_str_length(needle);
    int kh = tn_str_kind(hay);
    if (kh == tn_str_kind(needle))
        return memcmp((const char *)tn_str_data(hay) + (size_t)pos * (size_t)kh, tn_str_data(needle),
                      (size_t)n * (size_t)kh) == 0;
    for (tn_ssize_t i = 0; i < n; i++)
        if (tn_str_read(hay, pos + i) != tn_str_read(needle, i))
            return false;
    return true;
}

tn_ssize_t tn_str_find_sub(TnObject *hay, TnObject *needle, tn_ssize_t start, tn_ssize_t end, int reverse)
{
    adjust_indices(&start, &end, tn_str_length(hay));
    tn_ssize_t n = tn_str_length(needle);
    if (end - start < n)
        return -1;
    if (n == 0)
        return reverse ? end : start;
    if (tn_str_kind(needle) > tn_str_kind(hay))
        return -1;   /* canonical kinds: needle has a char hay cannot hold */
    if (!reverse && tn_str_kind(hay) == 1) {
        const uint8_t *h = (const uint8_t *)tn_str_data(hay);
        const void *f = memmem(h + start, (size_t)(end - start), tn_str_data(needle), (size_t)n);
        return f == NULL ? -1 : (const uint8_t *)f - h;
    }
    uint32_t first = tn_str_read(needle, 0);
    if (reverse) {
        for (tn_ssize_t i = end - n; i >= start; i--)
            if (tn_str_read(hay, i) == first && match_at(hay, i, needle))
                return i;
    } else {
        for (tn_ssize_t i = start; i <= end - n; i++)
            if (tn_str_read(hay, i) == first && match_at(hay, i, needle))
                return i;
    }
    return -1;
}

/* Non-overlapping occurrences of needle in hay[start:end], at most max. */
static tn_ssize_t count_sub(TnObject *hay, TnObject *needle, tn_ssize_t start, tn_ssize_t end, tn_ssize_t max)
{
    adjust_indices(&start, &end, tn_str_length(hay));
    if (end - start < tn_str_length(needle))
        return 0;
    tn_ssize_t n = tn_str_length(needle);
    if (n == 0) {
        tn_ssize_t c = end - start + 1;
        return c < max ? c : max;
    }
    tn_ssize_t count = 0, i = start;
    while (count < max) {
        tn_ssize_t p = tn_str_find_sub(hay, needle, i, end, 0);
        if (p < 0)
            break;
        count++;
        i = p + n;
    }
    return count;
}

static TnObject *find_common(const char *fname, TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                             TnObject *kwnames, int reverse, bool raise)
{
    TnObject *sub;
    tn_ssize_t start, end;
    if (parse_sub_args(fname, args, nargs, kwnames, &sub, &start, &end) < 0 || require_str(sub) < 0)
        return NULL;
    tn_ssize_t r = tn_str_find_sub(self, sub, start, end, reverse);
    if (r < 0 && raise)
        return tn_err_format(&tn_exc_ValueError, "substring not found");
    return tn_int_from_ssize(r);
}

static TnObject *str_find(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return find_common("find", self, args, nargs, kwnames, 0, false);
}

static TnObject *str_rfind(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return find_common("rfind", self, args, nargs, kwnames, 1, false);
}

static TnObject *str_index(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return find_common("index", self, args, nargs, kwnames, 0, true);
}

static TnObject *str_rindex(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return find_common("rindex", self, args, nargs, kwnames, 1, true);
}

static TnObject *str_count(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnObject *sub;
    tn_ssize_t start, end;
    if (parse_sub_args("count", args, nargs, kwnames, &sub, &start, &end) < 0 || require_str(sub) < 0)
        return NULL;
    return tn_int_from_ssize(count_sub(self, sub, start, end, INTPTR_MAX));
}

/* CPython's tailmatch: does self[start:end] start (or end) with sub? */
static bool tailmatch(TnObject *self, TnObject *sub, tn_ssize_t start, tn_ssize_t end, bool at_end)
{
    adjust_indices(&start, &end, tn_str_length(self));
    tn_ssize_t n = tn_str_length(sub);
    end -= n;
    if (end < start)
        return false;
    if (n == 0)
        return true;
    return match_at(self, at_end ? end : start, sub);
}

static TnObject *startsend(const char *fname, TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                           TnObject *kwnames, bool at_end)
{
    TnObject *sub;
    tn_ssize_t start, end;
    if (parse_sub_args(fname, args, nargs, kwnames, &sub, &start, &end) < 0)
        return NULL;
    if (tn_tuple_check(sub)) {
        for (tn_ssize_t i = 0; i < tn_tuple_size(sub); i++) {
            TnObject *s = tn_tuple_get(sub, i);
            if (!tn_str_check(s))
                return tn_err_format(&tn_exc_TypeError, "tuple for %s must only contain str, not %s", fname,
                                     tn_type_name(tn_type(s)));
            if (tailmatch(self, s, start, end, at_end))
                return tn_bool_from(1);
        }
        return tn_bool_from(0);
    }
    if (!tn_str_check(sub))
        return tn_err_format(&tn_exc_TypeError, "%s first arg must be str or a tuple of str, not %s", fname,
                             tn_type_name(tn_type(sub)));
    return tn_bool_from(tailmatch(self, sub, start, end, at_end));
}

static TnObject *str_startswith(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return startsend("startswith", self, args, nargs, kwnames, false);
}

static TnObject *str_endswith(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return startsend("endswith", self, args, nargs, kwnames, true);
}

/* ---- case mapping ------------------------------------------------------------- */

enum { MAP_UPPER = 0, MAP_LOWER = 1, MAP_TITLE = 2, MAP_FOLD = 3 };

static unsigned uflags(uint32_t c) { return tn_unicode_flags(c); }

static bool is_cased(uint32_t c) { return (uflags(c) & TN_UC_CASED) != 0; }
static bool is_case_ignorable(uint32_t c) { return (uflags(c) & TN_UC_CASE_IGNORABLE) != 0; }

/* Final sigma rule for U+03A3 at index i (CPython's handle_capital_sigma). */
static uint32_t capital_sigma(TnObject *s, tn_ssize_t i)
{
    tn_ssize_t n = tn_str_length(s), j;
    uint32_t c = 0;
    for (j = i - 1; j >= 0; j--) {
        c = tn_str_read(s, j);
        if (!is_case_ignorable(c))
            break;
    }
    bool final = j >= 0 && is_cased(c);
    if (final) {
        for (j = i + 1; j < n; j++) {
            c = tn_str_read(s, j);
            if (!is_case_ignorable(c))
                break;
        }
        final = j == n || !is_cased(c);
    }
    return final ? 0x3c2 : 0x3c3;
}

/* Lowercase of s[i] (with the final sigma rule). */
static int lower_at(TnObject *s, tn_ssize_t i, uint32_t out[3])
{
    uint32_t c = tn_str_read(s, i);
    if (c == 0x3a3) {
        out[0] = capital_sigma(s, i);
        return 1;
    }
    return tn_unicode_case_map(c, MAP_LOWER, out);
}

static int put_mapped(TnStrWriter *w, const uint32_t *m, int n)
{
    for (int k = 0; k < n; k++)
        if (tn_strw_putc(w, m[k]) < 0)
            return -1;
    return 0;
}

typedef enum { CASE_UPPER, CASE_LOWER, CASE_FOLD, CASE_SWAP, CASE_TITLE, CASE_CAPITALIZE } CaseOp;

static TnObject *case_convert(TnObject *s, CaseOp op)
{
    TnStrWriter w;
    tn_strw_init(&w);
    tn_ssize_t n = tn_str_length(s);
    bool prev_cased = false;
    for (tn_ssize_t i = 0; i < n; i++) {
        uint32_t c = tn_str_read(s, i), m[3];
        int k;
        switch (op) {
        case CASE_UPPER: k = tn_unicode_case_map(c, MAP_UPPER, m); break;
        case CASE_LOWER: k = lower_at(s, i, m); break;
        case CASE_FOLD: k = tn_unicode_case_map(c, MAP_FOLD, m); break;
        case CASE_SWAP:
            if (uflags(c) & TN_UC_UPPER)
                k = lower_at(s, i, m);
            else if (uflags(c) & TN_UC_LOWER)
                k = tn_unicode_case_map(c, MAP_UPPER, m);
            else {
                m[0] = c;
                k = 1;
            }
            break;
        case CASE_TITLE:
            k = prev_cased ? lower_at(s, i, m) : tn_unicode_case_map(c, MAP_TITLE, m);
            prev_cased = is_cased(c);
            break;
        default: /* CASE_CAPITALIZE */
            k = i == 0 ? tn_unicode_case_map(c, MAP_TITLE, m) : lower_at(s, i, m);
            break;
        }
        if (put_mapped(&w, m, k) < 0) {
            tn_strw_discard(&w);
            return NULL;
        }
    }
    return tn_strw_finish(&w);
}

#define CASE_METHOD(fn, pyname, op)                                                          \
    static TnObject *fn(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames) \
    {                                                                                        \
        (void)args;                                                                          \
        if (noargs(pyname, nargs, kwnames) < 0)                                              \
            return NULL;                                                                     \
        return case_convert(self, op);                                                       \
    }

CASE_METHOD(str_upper, "str.upper", CASE_UPPER)
CASE_METHOD(str_lower, "str.lower", CASE_LOWER)
CASE_METHOD(str_casefold, "str.casefold", CASE_FOLD)
CASE_METHOD(str_swapcase, "str.swapcase", CASE_SWAP)
CASE_METHOD(str_title, "str.title", CASE_TITLE)
CASE_METHOD(str_capitalize, "str.capitalize", CASE_CAPITALIZE)

/* ---- predicates ------------------------------------------------------------------ */

typedef enum {
    P_ALPHA, P_ALNUM, P_DECIMAL, P_DIGIT, P_NUMERIC, P_SPACE, P_PRINTABLE
} Pred;

static bool char_pred(uint32_t c, Pred p)
{
    unsigned f = uflags(c);
    switch (p) {
    case P_ALPHA: return f & TN_UC_ALPHA;
    case P_ALNUM: return f & (TN_UC_ALPHA | TN_UC_DECIMAL | TN_UC_DIGIT | TN_UC_NUMERIC);
    case P_DECIMAL: return f & TN_UC_DECIMAL;
    case P_DIGIT: return f & TN_UC_DIGIT;
    case P_NUMERIC: return f & TN_UC_NUMERIC;
    case P_SPACE: return tn_unicode_isspace(c);
    default: return f & TN_UC_PRINTABLE;
    }
}

static TnObject *all_chars(TnObject *s, Pred p, bool empty_result)
{
    tn_ssize_t n = tn_str_length(s);
    if (n == 0)
        return tn_bool_from(empty_result);
    for (tn_ssize_t i = 0; i < n; i++)
        if (!char_pred(tn_str_read(s, i), p))
            return tn_bool_from(0);
    return tn_bool_from(1);
}

#define PRED_METHOD(fn, pyname, pred, empty_result)                                          \
    static TnObject *fn(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames) \
    {                                                                                        \
        (void)args;                                                                          \
        if (noargs(pyname, nargs, kwnames) < 0)                                              \
            return NULL;                                                                     \
        return all_chars(self, pred, empty_result);                                          \
    }

PRED_METHOD(str_isalpha, "str.isalpha", P_ALPHA, false)
PRED_METHOD(str_isalnum, "str.isalnum", P_ALNUM, false)
PRED_METHOD(str_isdecimal, "str.isdecimal", P_DECIMAL, false)
PRED_METHOD(str_isdigit, "str.isdigit", P_DIGIT, false)
PRED_METHOD(str_isnumeric, "str.isnumeric", P_NUMERIC, false)
PRED_METHOD(str_isspace, "str.isspace", P_SPACE, false)
PRED_METHOD(str_isprintable, "str.isprintable", P_PRINTABLE, true)

static TnObject *str_isascii(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    (void)args;
    if (noargs("str.isascii", nargs, kwnames) < 0)
        return NULL;
    return tn_bool_from(tn_str_max_char(self) < 128);
}

static TnObject *str_isupper(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    (void)args;
    if (noargs("str.isupper", nargs, kwnames) < 0)
        return NULL;
    bool cased = false;
    for (tn_ssize_t i = 0; i < tn_str_length(self); i++) {
        unsigned f = uflags(tn_str_read(self, i));
        if (f & (TN_UC_LOWER | TN_UC_TITLE))
            return tn_bool_from(0);
        if (f & TN_UC_UPPER)
            cased = true;
    }
    return tn_bool_from(cased);
}

static TnObject *str_islower(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    (void)args;
    if (noargs("str.islower", nargs, kwnames) < 0)
        return NULL;
    bool cased = false;
    for (tn_ssize_t i = 0; i < tn_str_length(self); i++) {
        unsigned f = uflags(tn_str_read(self, i));
        if (f & (TN_UC_UPPER | TN_UC_TITLE))
            return tn_bool_from(0);
        if (f & TN_UC_LOWER)
            cased = true;
    }
    return tn_bool_from(cased);
}

static TnObject *str_istitle(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    (void)args;
    if (noargs("str.istitle", nargs, kwnames) < 0)
        return NULL;
    bool cased = false, prev = false;
    for (tn_ssize_t i = 0; i < tn_str_length(self); i++) {
        unsigned f = uflags(tn_str_read(self, i));
        if (f & (TN_UC_UPPER | TN_UC_TITLE)) {
            if (prev)
                return tn_bool_from(0);
            prev = cased = true;
        } else if (f & TN_UC_LOWER) {
            if (!prev)
                return tn_bool_from(0);
            prev = cased = true;
        } else {
            prev = false;
        }
    }
    return tn_bool_from(cased);
}

static TnObject *str_isidentifier(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    (void)args;
    if (noargs("str.isidentifier", nargs, kwnames) < 0)
        return NULL;
    tn_ssize_t n = tn_str_length(self);
    if (n == 0)
        return tn_bool_from(0);
    uint32_t c = tn_str_read(self, 0);
    if (c != '_' && !(uflags(c) & TN_UC_XID_START))
        return tn_bool_from(0);
    for (tn_ssize_t i = 1; i < n; i++)
        if (!(uflags(tn_str_read(self, i)) & TN_UC_XID_CONTINUE))
            return tn_bool_from(0);
    return tn_bool_from(1);
}

/* ---- padding ------------------------------------------------------------------------ */

/* self padded with left/right copies of fill (as CPython's pad()). */
static TnObject *pad(TnObject *self, tn_ssize_t left, tn_ssize_t right, uint32_t fill)
{
    if (left < 0)
        left = 0;
    if (right < 0)
        right = 0;
    if (left == 0 && right == 0)
        return tn_str_exact_ref(self);
    if (left > INTPTR_MAX / 4 - right - tn_str_length(self))
        return tn_err_format(&tn_exc_OverflowError, "padded string is too long");
    TnStrWriter w;
    tn_strw_init(&w);
    if (tn_strw_put_repeat(&w, fill, left) < 0 || tn_strw_put_str(&w, self) < 0
        || tn_strw_put_repeat(&w, fill, right) < 0) {
        tn_strw_discard(&w);
        return NULL;
    }
    return tn_strw_finish(&w);
}

/* (width[, fillchar]) for center/ljust/rjust. */
static int parse_just(const char *fname, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames,
                      tn_ssize_t *width, uint32_t *fill)
{
    if (tn_args_no_kw(fname, kwnames) < 0 || tn_args_count(fname, nargs, 1, 2) < 0)
        return -1;
    if (index_arg(args[0], width) < 0)
        return -1;
    *fill = ' ';
    if (nargs > 1) {
        if (!tn_str_check(args[1])) {
            tn_err_format(&tn_exc_TypeError, "The fill character must be a unicode character, not %s",
                          tn_type_name(tn_type(args[1])));
            return -1;
        }
        if (tn_str_length(args[1]) != 1) {
            tn_err_set_str(&tn_exc_TypeError, "The fill character must be exactly one character long");
            return -1;
        }
        *fill = tn_str_read(args[1], 0);
    }
    return 0;
}

static TnObject *str_center(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    tn_ssize_t width;
    uint32_t fill;
    if (parse_just("center", args, nargs, kwnames, &width, &fill) < 0)
        return NULL;
    tn_ssize_t len = tn_str_length(self);
    if (width <= len)
        return tn_str_exact_ref(self);
    tn_ssize_t marg = width - len;
    tn_ssize_t left = marg / 2 + (marg & width & 1);
    return pad(self, left, marg - left, fill);
}

static TnObject *str_ljust(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    tn_ssize_t width;
    uint32_t fill;
    if (parse_just("ljust", args, nargs, kwnames, &width, &fill) < 0)
        return NULL;
    return pad(self, 0, width - tn_str_length(self), fill);
}

static TnObject *str_rjust(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    tn_ssize_t width;
    uint32_t fill;
    if (parse_just("rjust", args, nargs, kwnames, &width, &fill) < 0)
        return NULL;
    return pad(self, width - tn_str_length(self), 0, fill);
}

static TnObject *str_zfill(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    tn_ssize_t width;
    if (onearg("str.zfill", nargs, kwnames) < 0 || index_arg(args[0], &width) < 0)
        return NULL;
    tn_ssize_t len = tn_str_length(self);
    if (len >= width)
        return tn_str_exact_ref(self);
    TnStrWriter w;
    tn_strw_init(&w);
    tn_ssize_t start = 0;
    if (len > 0) {
        uint32_t c = tn_str_read(self, 0);
        if (c == '+' || c == '-') {
            if (tn_strw_putc(&w, c) < 0)
                goto error;
            start = 1;
        }
    }
    if (tn_strw_put_repeat(&w, '0', width - len) < 0 || tn_strw_put_substr(&w, self, start, len) < 0)
        goto error;
    return tn_strw_finish(&w);
error:
    tn_strw_discard(&w);
    return NULL;
}

static TnObject *str_expandtabs(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"tabsize", NULL};
    TnObject *a[1] = {NULL};
    if (tn_args_parse("expandtabs", args, nargs, kwnames, names, 0, 0, a) < 0)
        return NULL;
    int tabsize = 8;   /* a C int, as CPython's (a huge one is OverflowError, not a huge result) */
    if (a[0] != NULL && tn_number_as_c_int(a[0], &tabsize) < 0)
        return NULL;
    TnStrWriter w;
    tn_strw_init(&w);
    tn_ssize_t col = 0;
    for (tn_ssize_t i = 0; i < tn_str_length(self); i++) {
        uint32_t c = tn_str_read(self, i);
        int rc;
        if (c == '\t') {
            tn_ssize_t incr = tabsize > 0 ? tabsize - col % tabsize : 0;
            col += incr;
            rc = tn_strw_put_repeat(&w, ' ', incr);
        } else {
            col = (c == '\n' || c == '\r') ? 0 : col + 1;
            rc = tn_strw_putc(&w, c);
        }
        if (rc < 0) {
            tn_strw_discard(&w);
            return NULL;
        }
    }
    return tn_strw_finish(&w);
}

/* ---- strip ----------------------------------------------------------------------------- */

static bool in_chars(TnObject *chars, uint32_t c)
{
    for (tn_ssize_t i = 0; i < tn_str_length(chars); i++)
        if (tn_str_read(chars, i) == c)
            return true;
    return false;
}

/* which: 1 left, 2 right, 3 both. */
static TnObject *do_strip(const char *fname, TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                          TnObject *kwnames, int which)
{
    if (tn_args_no_kw(fname, kwnames) < 0 || tn_args_count(fname, nargs, 0, 1) < 0)
        return NULL;
    TnObject *chars = nargs > 0 && args[0] != TN_NONE ? args[0] : NULL;
    if (chars != NULL && !tn_str_check(chars))
        return tn_err_format(&tn_exc_TypeError, "%s arg must be None or str", fname);
    tn_ssize_t i = 0, j = tn_str_length(self);
    if (which & 1)
        while (i < j && (chars ? in_chars(chars, tn_str_read(self, i)) : tn_unicode_isspace(tn_str_read(self, i))))
            i++;
    if (which & 2)
        while (j > i && (chars ? in_chars(chars, tn_str_read(self, j - 1))
                               : tn_unicode_isspace(tn_str_read(self, j - 1))))
            j--;
    return tn_str_substring(self, i, j);
}

static TnObject *str_strip(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return do_strip("strip", self, args, nargs, kwnames, 3);
}

static TnObject *str_lstrip(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return do_strip("lstrip", self, args, nargs, kwnames, 1);
}

static TnObject *str_rstrip(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return do_strip("rstrip", self, args, nargs, kwnames, 2);
}

static TnObject *affix(const char *fname, TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                       TnObject *kwnames, bool suffix)
{
    if (onearg(fname, nargs, kwnames) < 0)
        return NULL;
    TnObject *a = args[0];
    if (!tn_str_check(a))
        return tn_err_format(&tn_exc_TypeError, "%s() argument must be str, not %s", fname + 4,
                             tn_type_name(tn_type(a)));
    tn_ssize_t n = tn_str_length(self), m = tn_str_length(a);
    if (m > 0 && m <= n && match_at(self, suffix ? n - m : 0, a))
        return suffix ? tn_str_substring(self, 0, n - m) : tn_str_substring(self, m, n);
    return tn_str_exact_ref(self);
}

static TnObject *str_removeprefix(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return affix("str.removeprefix", self, args, nargs, kwnames, false);
}

static TnObject *str_removesuffix(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return affix("str.removesuffix", self, args, nargs, kwnames, true);
}

/* ---- split / join / partition ---------------------------------------------------------- */

static int append_sub(TnObject *list, TnObject *s, tn_ssize_t a, tn_ssize_t b)
{
    TnObject *piece = tn_str_substring(s, a, b);
    if (piece == NULL)
        return -1;
    return tn_list_append_steal(list, piece);
}

/* Whitespace split (sep None), forward or backward. */
static TnObject *split_whitespace(TnObject *s, tn_ssize_t maxsplit, bool reverse)
{
    TnObject *list = newlist();
    if (list == NULL)
        return NULL;
    tn_ssize_t n = tn_str_length(s);
    if (!reverse) {
        tn_ssize_t i = 0;
        while (i < n) {
            while (i < n && tn_unicode_isspace(tn_str_read(s, i)))
                i++;
            if (i == n)
                break;
            if (maxsplit-- == 0) {
                tn_ssize_t j = n;
                if (append_sub(list, s, i, j) < 0)
                    goto error;
                break;
            }
            tn_ssize_t j = i;
            while (j < n && !tn_unicode_isspace(tn_str_read(s, j)))
                j++;
            if (append_sub(list, s, i, j) < 0)
                goto error;
            i = j;
        }
        return list;
    }
    tn_ssize_t j = n;
    while (j > 0) {
        while (j > 0 && tn_unicode_isspace(tn_str_read(s, j - 1)))
            j--;
        if (j == 0)
            break;
        if (maxsplit-- == 0) {
            if (append_sub(list, s, 0, j) < 0)
                goto error;
            break;
        }
        tn_ssize_t i = j;
        while (i > 0 && !tn_unicode_isspace(tn_str_read(s, i - 1)))
            i--;
        if (append_sub(list, s, i, j) < 0)
            goto error;
        j = i;
    }
    return list;
error:
    tn_decref(list);
    return NULL;
}

/* Reverse the items of a fresh list in place (nobody else sees it yet). */
static void list_reverse_fresh(TnObject *list)
{
    tn_ssize_t n = tn_list_size(list);
    for (tn_ssize_t i = 0, j = n - 1; i < j; i++, j--) {
        TnObject *a = tn_list_get_lock_held(list, i);
        tn_list_set_steal(list, i, tn_list_get_lock_held(list, j));
        tn_list_set_steal(list, j, a);
    }
}

static TnObject *split_sep(TnObject *s, TnObject *sep, tn_ssize_t maxsplit, bool reverse)
{
    tn_ssize_t n = tn_str_length(s), m = tn_str_length(sep);
    if (m == 0)
        return tn_err_format(&tn_exc_ValueError, "empty separator");
    TnObject *list = newlist();
    if (list == NULL)
        return NULL;
    if (!reverse) {
        tn_ssize_t i = 0;
        while (maxsplit-- != 0) {
            tn_ssize_t p = tn_str_find_sub(s, sep, i, n, 0);
            if (p < 0)
                break;
            if (append_sub(list, s, i, p) < 0)
                goto error;
            i = p + m;
        }
        if (append_sub(list, s, i, n) < 0)
            goto error;
        return list;
    }
    tn_ssize_t j = n;
    while (maxsplit-- != 0) {
        tn_ssize_t p = tn_str_find_sub(s, sep, 0, j, 1);
        if (p < 0)
            break;
        if (append_sub(list, s, p + m, j) < 0)
            goto error;
        j = p;
    }
    if (append_sub(list, s, 0, j) < 0)
        goto error;
    list_reverse_fresh(list);
    return list;
error:
    tn_decref(list);
    return NULL;
}

static TnObject *do_split(const char *fname, TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                          TnObject *kwnames, bool reverse)
{
    static const char *const names[] = {"sep", "maxsplit", NULL};
    TnObject *a[2] = {NULL, NULL};
    if (tn_args_parse(fname, args, nargs, kwnames, names, 0, 0, a) < 0)
        return NULL;
    tn_ssize_t maxsplit = -1;
    if (a[1] != NULL && index_arg(a[1], &maxsplit) < 0)
        return NULL;
    if (maxsplit < 0)
        maxsplit = INTPTR_MAX;
    if (a[0] == NULL || a[0] == TN_NONE) {
        TnObject *r = split_whitespace(self, maxsplit, reverse);
        if (r != NULL && reverse)
            list_reverse_fresh(r);
        return r;
    }
    if (!tn_str_check(a[0]))
        return tn_err_format(&tn_exc_TypeError, "must be str or None, not %s", tn_type_name(tn_type(a[0])));
    return split_sep(self, a[0], maxsplit, reverse);
}

static TnObject *str_split(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return do_split("split", self, args, nargs, kwnames, false);
}

static TnObject *str_rsplit(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return do_split("rsplit", self, args, nargs, kwnames, true);
}

static bool is_linebreak(uint32_t c)
{
    if (c < 128)
        return c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || (c >= 0x1c && c <= 0x1e);
    return (uflags(c) & TN_UC_LINEBREAK) != 0;
}

static TnObject *str_splitlines(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"keepends", NULL};
    TnObject *a[1] = {NULL};
    if (tn_args_parse("splitlines", args, nargs, kwnames, names, 0, 0, a) < 0)
        return NULL;
    tn_ssize_t keepends = 0;
    if (a[0] != NULL && index_arg(a[0], &keepends) < 0)
        return NULL;
    TnObject *list = newlist();
    if (list == NULL)
        return NULL;
    tn_ssize_t n = tn_str_length(self), i = 0;
    while (i < n) {
        tn_ssize_t j = i;
        while (j < n && !is_linebreak(tn_str_read(self, j)))
            j++;
        tn_ssize_t eol = j;
        if (j < n) {
            if (tn_str_read(self, j) == '\r' && j + 1 < n && tn_str_read(self, j + 1) == '\n')
                j += 2;
            else
                j++;
            if (keepends)
                eol = j;
        }
        if (append_sub(list, self, i, eol) < 0) {
            tn_decref(list);
            return NULL;
        }
        i = j;
    }
    return list;
}

static TnObject *str_join(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (onearg("str.join", nargs, kwnames) < 0)
        return NULL;
    return tn_str_join(self, args[0]);
}

static TnObject *partition(const char *fname, TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                           TnObject *kwnames, bool reverse)
{
    if (onearg(fname, nargs, kwnames) < 0)
        return NULL;
    TnObject *sep = args[0];
    if (require_str(sep) < 0)
        return NULL;
    tn_ssize_t m = tn_str_length(sep), n = tn_str_length(self);
    if (m == 0)
        return tn_err_format(&tn_exc_ValueError, "empty separator");
    tn_ssize_t p = tn_str_find_sub(self, sep, 0, n, reverse);
    TnObject *a, *b, *c;
    if (p < 0) {
        TnObject *whole = tn_str_exact_ref(self);
        if (whole == NULL)
            return NULL;
        TnObject *e = empty();
        TnObject *t = reverse ? tn_tuple_pack(3, e, e, whole) : tn_tuple_pack(3, whole, e, e);
        tn_decref(e);
        tn_decref(whole);
        return t;
    }
    a = tn_str_substring(self, 0, p);
    b = tn_str_exact_ref(sep);
    c = tn_str_substring(self, p + m, n);
    TnObject *t = NULL;
    if (a != NULL && b != NULL && c != NULL)
        t = tn_tuple_pack(3, a, b, c);
    tn_xdecref(a);
    tn_xdecref(b);
    tn_xdecref(c);
    return t;
}

static TnObject *str_partition(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return partition("str.partition", self, args, nargs, kwnames, false);
}

static TnObject *str_rpartition(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return partition("str.rpartition", self, args, nargs, kwnames, true);
}

/* ---- replace ----------------------------------------------------------------------------- */

static TnObject *str_replace(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("str.replace", kwnames) < 0 || tn_args_count("replace", nargs, 2, 3) < 0)
        return NULL;
    TnObject *old = args[0], *new_ = args[1];
    if (!tn_str_check(old))
        return tn_err_format(&tn_exc_TypeError, "replace() argument 1 must be str, not %s", tn_type_name(tn_type(old)));
    if (!tn_str_check(new_))
        return tn_err_format(&tn_exc_TypeError, "replace() argument 2 must be str, not %s", tn_type_name(tn_type(new_)));
    tn_ssize_t count = -1;
    if (nargs > 2 && index_arg(args[2], &count) < 0)
        return NULL;
    if (count < 0)
        count = INTPTR_MAX;
    tn_ssize_t n = tn_str_length(self), m = tn_str_length(old);
    if (count == 0 || (m > 0 && tn_str_find_sub(self, old, 0, n, 0) < 0))
        return tn_str_exact_ref(self);
    TnStrWriter w;
    tn_strw_init(&w);
    tn_ssize_t i = 0, done = 0;
    if (m == 0) {
        /* Insert new before every character and at the end. */
        for (; i <= n && done < count; done++) {
            if (tn_strw_put_str(&w, new_) < 0 || (i < n && tn_strw_putc(&w, tn_str_read(self, i)) < 0))
                goto error;
            i++;
        }
        if (i < n && tn_strw_put_substr(&w, self, i, n) < 0)
            goto error;
        return tn_strw_finish(&w);
    }
    while (done < count) {
        tn_ssize_t p = tn_str_find_sub(self, old, i, n, 0);
        if (p < 0)
            break;
        if (tn_strw_put_substr(&w, self, i, p) < 0 || tn_strw_put_str(&w, new_) < 0)
            goto error;
        i = p + m;
        done++;
    }
    if (tn_strw_put_substr(&w, self, i, n) < 0)
        goto error;
    return tn_strw_finish(&w);
error:
    tn_strw_discard(&w);
    return NULL;
}

/* ---- translate / maketrans -------------------------------------------------------------- */

static TnObject *str_translate(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (onearg("str.translate", nargs, kwnames) < 0)
        return NULL;
    TnObject *table = args[0];
    TnStrWriter w;
    tn_strw_init(&w);
    for (tn_ssize_t i = 0; i < tn_str_length(self); i++) {
        uint32_t c = tn_str_read(self, i);
        TnObject *key = tn_int_from_i64(c);
        if (key == NULL)
            goto error;
        TnObject *v = tn_object_getitem(table, key);
        tn_decref(key);
        if (v == NULL) {
            if (tn_err_matches(&tn_exc_LookupError)) {
                tn_err_clear();
                if (tn_strw_putc(&w, c) < 0)
                    goto error;
                continue;
            }
            goto error;
        }
        int rc = 0;
        if (v == TN_NONE) {
            /* deleted */
        } else if (tn_int_check(v)) {
            int ovf;
            int64_t x = tn_int_as_i64(v, &ovf);
            if (x < 0 || x > 0x10ffff) {
                tn_decref(v);
                tn_err_set_str(&tn_exc_ValueError, "character mapping must be in range(0x110000)");
                goto error;
            }
            rc = tn_strw_putc(&w, (uint32_t)x);
        } else if (tn_str_check(v)) {
            rc = tn_strw_put_str(&w, v);
        } else {
            tn_decref(v);
            tn_err_set_str(&tn_exc_TypeError, "character mapping must return integer, None or str");
            goto error;
        }
        tn_decref(v);
        if (rc < 0)
            goto error;
    }
    return tn_strw_finish(&w);
error:
    tn_strw_discard(&w);
    return NULL;
}

static int dict_set_cp(TnObject *d, uint32_t cp, TnObject *value)
{
    TnObject *k = tn_int_from_i64(cp);
    if (k == NULL)
        return -1;
    int r = tn_dict_set_item(d, k, value);
    tn_decref(k);
    return r;
}

/* One item of maketrans's dict argument into the table d.  0 / -1. */
static int maketrans_item(TnObject *d, TnObject *k, TnObject *v)
{
    if (tn_str_check(k)) {
        if (tn_str_length(k) != 1) {
            tn_err_set_str(&tn_exc_ValueError, "string keys in translate table must be of length 1");
            return -1;
        }
        return dict_set_cp(d, tn_str_read(k, 0), v);
    }
    if (tn_int_check(k))
        return tn_dict_set_item(d, k, v);
    tn_err_set_str(&tn_exc_TypeError, "keys in translate table must be strings or integers");
    return -1;
}

/* str.maketrans(x[, y[, z]]): static method. */
static TnObject *str_maketrans(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    (void)self;
    if (tn_args_no_kw("maketrans", kwnames) < 0 || tn_args_count("maketrans", nargs, 1, 3) < 0)
        return NULL;
    TnObject *d = tn_dict_new();
    if (d == NULL)
        return NULL;
    if (nargs == 1) {
        TnObject *x = args[0], *k, *v;
        if (!tn_dict_check(x)) {
            tn_err_set_str(&tn_exc_TypeError, "if you give only one argument to maketrans it must be a dict");
            goto error;
        }
        tn_ssize_t pos = 0;
        /* New references: an int subclass key's __hash__ (or another
         * thread) may change x while an item is being stored. */
        while (tn_dict_next_ref(x, &pos, &k, &v)) {
            int r = maketrans_item(d, k, v);
            tn_decref(k);
            tn_decref(v);
            if (r < 0)
                goto error;
        }
        return d;
    }
    TnObject *x = args[0], *y = args[1];
    if (!tn_str_check(x)) {
        tn_err_format(&tn_exc_TypeError, "maketrans() argument 1 must be str, not %s", tn_type_name(tn_type(x)));
        goto error;
    }
    if (!tn_str_check(y)) {
        tn_err_format(&tn_exc_TypeError, "maketrans() argument 2 must be str, not %s", tn_type_name(tn_type(y)));
        goto error;
    }
    if (tn_str_length(x) != tn_str_length(y)) {
        tn_err_set_str(&tn_exc_ValueError, "the first two maketrans arguments must have equal length");
        goto error;
    }
    for (tn_ssize_t i = 0; i < tn_str_length(x); i++) {
        TnObject *v = tn_int_from_i64(tn_str_read(y, i));
        if (v == NULL)
            goto error;
        int r = dict_set_cp(d, tn_str_read(x, i), v);
        tn_decref(v);
        if (r < 0)
            goto error;
    }
    if (nargs == 3) {
        TnObject *z = args[2];
        if (!tn_str_check(z)) {
            tn_err_format(&tn_exc_TypeError, "maketrans() argument 3 must be str, not %s", tn_type_name(tn_type(z)));
            goto error;
        }
        for (tn_ssize_t i = 0; i < tn_str_length(z); i++)
            if (dict_set_cp(d, tn_str_read(z, i), TN_NONE) < 0)
                goto error;
    }
    return d;
error:
    tn_decref(d);
    return NULL;
}

/* ---- format ------------------------------------------------------------------------------ */

static TnObject *str_format(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnObject *kwargs = NULL;
    if (kwnames != NULL && tn_tuple_size(kwnames) > 0) {
        kwargs = tn_dict_new();
        if (kwargs == NULL)
            return NULL;
        for (tn_ssize_t i = 0; i < tn_tuple_size(kwnames); i++) {
            if (tn_dict_set_item(kwargs, tn_tuple_get(kwnames, i), args[nargs + i]) < 0) {
                tn_decref(kwargs);
                return NULL;
            }
        }
    }
    TnObject *r = tn_str_format_impl(self, args, nargs, kwargs);
    tn_xdecref(kwargs);
    return r;
}

static TnObject *str_format_map(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (onearg("str.format_map", nargs, kwnames) < 0)
        return NULL;
    return tn_str_format_impl(self, NULL, -1, args[0]);
}

static TnObject *str_dunder_format(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (onearg("str.__format__", nargs, kwnames) < 0)
        return NULL;
    if (!tn_str_check(args[0]))
        return tn_err_format(&tn_exc_TypeError, "__format__() argument must be str, not %s",
                             tn_type_name(tn_type(args[0])));
    return tn_format_str(self, args[0]);
}

static TnObject *str_getnewargs(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    (void)args;
    if (noargs("str.__getnewargs__", nargs, kwnames) < 0)
        return NULL;
    TnObject *s = tn_str_exact_ref(self);
    if (s == NULL)
        return NULL;
    TnObject *t = tn_tuple_pack(1, s);
    tn_decref(s);
    return t;
}

static TnObject *str_sizeof(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    (void)args;
    if (noargs("str.__sizeof__", nargs, kwnames) < 0)
        return NULL;
    tn_ssize_t size = (tn_ssize_t)sizeof(TnStr) + (tn_str_length(self) + 1) * tn_str_kind(self);
    return tn_int_from_ssize(size);
}

const TnMethodDef tn_str_methods[] = {
    {"encode", tn_str_encode_meth, 0, "Encode the string using the codec registered for encoding."},
    {"join", str_join, 0, "Concatenate any number of strings."},
    {"split", str_split, 0, "Return a list of the substrings in the string, using sep as the separator string."},
    {"rsplit", str_rsplit, 0, "Return a list of the substrings in the string, using sep as the separator string."},
    {"splitlines", str_splitlines, 0, "Return a list of the lines in the string, breaking at line boundaries."},
    {"strip", str_strip, 0, "Return a copy of the string with leading and trailing whitespace removed."},
    {"lstrip", str_lstrip, 0, "Return a copy of the string with leading whitespace removed."},
    {"rstrip", str_rstrip, 0, "Return a copy of the string with trailing whitespace removed."},
    {"replace", str_replace, 0, "Return a copy with all occurrences of substring old replaced by new."},
    {"find", str_find, 0, NULL},
    {"rfind", str_rfind, 0, NULL},
    {"index", str_index, 0, NULL},
    {"rindex", str_rindex, 0, NULL},
    {"count", str_count, 0, NULL},
    {"startswith", str_startswith, 0, NULL},
    {"endswith", str_endswith, 0, NULL},
    {"upper", str_upper, 0, "Return a copy of the string converted to uppercase."},
    {"lower", str_lower, 0, "Return a copy of the string converted to lowercase."},
    {"casefold", str_casefold, 0, "Return a version of the string suitable for caseless comparisons."},
    {"swapcase", str_swapcase, 0, "Convert uppercase characters to lowercase and lowercase characters to uppercase."},
    {"title", str_title, 0, "Return a version of the string where each word is titlecased."},
    {"capitalize", str_capitalize, 0, "Return a capitalized version of the string."},
    {"isalpha", str_isalpha, 0, NULL},
    {"isalnum", str_isalnum, 0, NULL},
    {"isdecimal", str_isdecimal, 0, NULL},
    {"isdigit", str_isdigit, 0, NULL},
    {"isnumeric", str_isnumeric, 0, NULL},
    {"isspace", str_isspace, 0, NULL},
    {"isprintable", str_isprintable, 0, NULL},
    {"isascii", str_isascii, 0, NULL},
    {"isupper", str_isupper, 0, NULL},
    {"islower", str_islower, 0, NULL},
    {"istitle", str_istitle, 0, NULL},
    {"isidentifier", str_isidentifier, 0, NULL},
    {"center", str_center, 0, NULL},
    {"ljust", str_ljust, 0, NULL},
    {"rjust", str_rjust, 0, NULL},
    {"zfill", str_zfill, 0, NULL},
    {"expandtabs", str_expandtabs, 0, NULL},
    {"partition", str_partition, 0, NULL},
    {"rpartition", str_rpartition, 0, NULL},
    {"removeprefix", str_removeprefix, 0, NULL},
    {"removesuffix", str_removesuffix, 0, NULL},
    {"translate", str_translate, 0, NULL},
    {"maketrans", str_maketrans, TN_METH_STATIC, "Return a translation table usable for str.translate()."},
    {"format", str_format, 0, "Return a formatted version of S, using substitutions from args and kwargs."},
    {"format_map", str_format_map, 0, "Return a formatted version of S, using substitutions from mapping."},
    {"__format__", str_dunder_format, 0, NULL},
    {"__getnewargs__", str_getnewargs, 0, NULL},
    {"__sizeof__", str_sizeof, 0, NULL},
    {NULL, NULL, 0, NULL},
};
