/* core/objects/format.c — the format mini-language and str.format.
 *
 *   format_spec ::= [[fill]align][sign][z][#][0][width][grouping][.precision][type]
 *
 * A port of CPython 3.11's Python/formatter_unicode.h (spec parsing, number
 * layout with grouping and zero padding) and Objects/stringlib/
 * unicode_format.h (str.format's field parsing).  Error messages are
 * CPython's.  The "n" type uses the C locale (no grouping, '.'), which is
 * what CPython does until a program calls locale.setlocale.
 */
#include "core/tn.h"
#include "core/objects/format_markup.h"

#include <limits.h>
#include <stdio.h>

/* ---- spec parsing ----------------------------------------------------------- */

enum { LT_NO_LOCALE = 0, LT_DEFAULT_LOCALE, LT_UNDERSCORE_LOCALE, LT_UNDER_FOUR_LOCALE };

typedef struct Spec {
    uint32_t fill;
    uint32_t align;
    uint32_t sign;            /* 0, '+', '-', ' ' */
    bool alternate;
    bool no_neg_0;
    tn_ssize_t width;         /* -1: not given */
    int thousands;            /* LT_* */
    tn_ssize_t precision;     /* -1: not given */
    uint32_t type;
} Spec;

static bool is_alignment_token(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }
static bool is_sign_element(uint32_t c) { return c == ' ' || c == '+' || c == '-'; }

/* Read decimal digits at *pos: returns how many (0 = none), -1 on overflow. */
static int spec_get_integer(TnObject *s, tn_ssize_t *pos, tn_ssize_t end, tn_ssize_t *result)
{
    tn_ssize_t acc = 0;
    int n = 0;
    for (; *pos < end; (*pos)++, n++) {
        int d = tn_unicode_decimal(tn_str_read(s, *pos));
        if (d < 0)
            break;
        if (acc > (INTPTR_MAX - d) / 10) {
            tn_err_set_str(&tn_exc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        acc = acc * 10 + d;
    }
    *result = acc;
    return n;
}

static int invalid_thousands_separator_type(int thousands, uint32_t type)
{
    char specifier = thousands == LT_DEFAULT_LOCALE ? ',' : '_';
    if (type > 32 && type < 128)
        tn_err_format(&tn_exc_ValueError, "Cannot specify '%c' with '%c'.", specifier, (int)type);
    else
        tn_err_format(&tn_exc_ValueError, "Cannot specify '%c' with '\\x%x'.", specifier, (unsigned)type);
    return -1;
}

/* Parse spec (a str) for obj.  0 / -1. */
static int parse_spec(TnObject *obj, TnObject *spec, Spec *f, uint32_t default_type, uint32_t default_align)
{
    tn_ssize_t pos = 0, end = tn_str_length(spec);
    bool align_specified = false, fill_specified = false;
    f->fill = ' ';
    f->align = default_align;
    f->alternate = false;
    f->no_neg_0 = false;
    f->sign = 0;
    f->width = -1;
    f->thousands = LT_NO_LOCALE;
    f->precision = -1;
    f->type = default_type;

#define READ(i) tn_str_read(spec, (i))
    if (end - pos >= 2 && is_alignment_token(READ(pos + 1))) {
        f->align = READ(pos + 1);
        f->fill = READ(pos);
        fill_specified = align_specified = true;
        pos += 2;
    } else if (end - pos >= 1 && is_alignment_token(READ(pos))) {
        f->align = READ(pos);
        align_specified = true;
        pos++;
    }
    if (end - pos >= 1 && is_sign_element(READ(pos))) {
        f->sign = READ(pos);
        pos++;
    }
    if (end - pos >= 1 && READ(pos) == 'z') {
        f->no_neg_0 = true;
        pos++;
    }
    if (end - pos >= 1 && READ(pos) == '#') {
        f->alternate = true;
        pos++;
    }
    if (!fill_specified && end - pos >= 1 && READ(pos) == '0') {
        f->fill = '0';
        if (!align_specified && default_align == '>')
            f->align = '=';
        pos++;
    }
    int consumed = spec_get_integer(spec, &pos, end, &f->width);
    if (consumed < 0)
        return -1;
    if (consumed == 0)
        f->width = -1;
    if (end - pos > 0 && READ(pos) == ',') {
        f->thousands = LT_DEFAULT_LOCALE;
        pos++;
    }
    if (end - pos > 0 && READ(pos) == '_') {
        if (f->thousands != LT_NO_LOCALE) {
            tn_err_set_str(&tn_exc_ValueError, "Cannot specify both ',' and '_'.");
            return -1;
        }
        f->thousands = LT_UNDERSCORE_LOCALE;
        pos++;
    }
    if (end - pos > 0 && READ(pos) == ',') {
        if (f->thousands == LT_UNDERSCORE_LOCALE) {
            tn_err_set_str(&tn_exc_ValueError, "Cannot specify both ',' and '_'.");
            return -1;
        }
    }
    if (end - pos > 0 && READ(pos) == '.') {
        pos++;
        consumed = spec_get_integer(spec, &pos, end, &f->precision);
        if (consumed < 0)
            return -1;
        if (consumed == 0) {
            tn_err_set_str(&tn_exc_ValueError, "Format specifier missing precision");
            return -1;
        }
    }
    if (end - pos > 1) {
        tn_err_format(&tn_exc_ValueError, "Invalid format specifier '%U' for object of type '%.200s'",
                      spec, tn_type_name(tn_type(obj)));
        return -1;
    }
    if (end - pos == 1)
        f->type = READ(pos);
#undef READ

    if (f->thousands != LT_NO_LOCALE) {
        switch (f->type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (f->thousands == LT_UNDERSCORE_LOCALE) {
                f->thousands = LT_UNDER_FOUR_LOCALE;
                break;
            }
            return invalid_thousands_separator_type(f->thousands, f->type);
        default:
            return invalid_thousands_separator_type(f->thousands, f->type);
        }
    }
    return 0;
}

static TnObject *unknown_presentation_type(uint32_t type, const char *type_name)
{
    if (type > 32 && type < 128)
        return tn_err_format(&tn_exc_ValueError, "Unknown format code '%c' for object of type '%.200s'",
                             (int)type, type_name);
    return tn_err_format(&tn_exc_ValueError, "Unknown format code '\\x%x' for object of type '%.200s'",
                         (unsigned)type, type_name);
}

/* ---- number layout (calc_number_widths + fill_number) ------------------------ */

/* Group the ASCII digits[0..n) right to left into out (written backwards
 * ending at out_end), padding with zeros up to min_width characters, as
 * CPython's _PyUnicode_InsertThousandsGrouping.  group 0 = no separators.
 * With out_end NULL only counts.  Returns the length. */
static tn_ssize_t group_digits(const char *digits, tn_ssize_t n, tn_ssize_t min_width, int group,
                               char sep, char *out_end)
{
    tn_ssize_t remaining = n, count = 0;
    tn_ssize_t minw = min_width > 0 ? min_width : 0;
    bool use_sep = false;
    char *p = out_end;
    const char *src = digits + n;
    for (;;) {
        tn_ssize_t l;
        bool last = group == 0;
        if (group > 0) {
            tn_ssize_t m = remaining > minw ? remaining : minw;
            if (m < 1)
                m = 1;
            l = group < m ? group : m;
        } else {
            l = remaining > minw ? remaining : minw;
            if (l < 1)
                l = 1;
        }
        tn_ssize_t n_zeros = l - remaining > 0 ? l - remaining : 0;
        tn_ssize_t n_chars = remaining < l ? remaining : l;
        if (n_chars < 0)
            n_chars = 0;
        count += (use_sep ? 1 : 0) + n_zeros + n_chars;
        if (p != NULL) {
            if (use_sep)
                *--p = sep;
            for (tn_ssize_t i = 0; i < n_chars; i++)
                *--p = *--src;
            for (tn_ssize_t i = 0; i < n_zeros; i++)
                *--p = '0';
        } else {
            src -= n_chars;
        }
        use_sep = true;
        remaining -= n_chars;
        minw -= l;
        if (last || (remaining <= 0 && minw <= 0))
            break;
        minw -= 1;
    }
    return count;
}

typedef struct NumberParts {
    uint32_t sign_char;        /* '-' or 0 */
    const char *prefix;        /* "0x"... (n_prefix chars) */
    int n_prefix;
    const char *digits;        /* ASCII digits */
    tn_ssize_t n_digits;
    bool has_decimal;
    const char *remainder;     /* after the digits and the point (UTF-8) */
    tn_ssize_t n_remainder;    /* in code points */
    tn_ssize_t remainder_bytes;
    bool toupper;
} NumberParts;

static int put_ascii_upper(TnStrWriter *w, const char *s, tn_ssize_t n, bool upper)
{
    if (!upper)
        return tn_strw_putn(w, s, n);
    for (tn_ssize_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'a' && c <= 'z')
            c = (char)(c - 32);
        if (tn_strw_putc(w, (uint32_t)(unsigned char)c) < 0)
            return -1;
    }
    return 0;
}

static TnObject *fill_number(const Spec *f, const NumberParts *np)
{
    tn_ssize_t n_sign = 0;
    uint32_t sign = 0;
    switch (f->sign) {
    case '+':
        n_sign = 1;
        sign = np->sign_char == '-' ? '-' : '+';
        break;
    case ' ':
        n_sign = 1;
        sign = np->sign_char == '-' ? '-' : ' ';
        break;
    default:
        if (np->sign_char == '-') {
            n_sign = 1;
            sign = '-';
        }
    }
    tn_ssize_t n_decimal = np->has_decimal ? 1 : 0;
    tn_ssize_t n_non_digit = n_sign + np->n_prefix + n_decimal + np->n_remainder;
    tn_ssize_t min_width = (f->fill == '0' && f->align == '=') ? f->width - n_non_digit : 0;
    int group = f->thousands == LT_NO_LOCALE ? 0 : f->thousands == LT_UNDER_FOUR_LOCALE ? 4 : 3;
    char sep = f->thousands == LT_DEFAULT_LOCALE ? ',' : '_';
    tn_ssize_t n_grouped = 0;
    char *grouped = NULL;
    if (np->n_digits > 0) {
        n_grouped = group_digits(np->digits, np->n_digits, min_width, group, sep, NULL);
        if (n_grouped > (tn_ssize_t)TN_MEM_MAX_REQUEST) {
            tn_err_no_memory();
            return NULL;
        }
        grouped = tn_mem_alloc((size_t)n_grouped + 1);
        if (grouped == NULL)
            return tn_err_no_memory();
        group_digits(np->digits, np->n_digits, min_width, group, sep, grouped + n_grouped);
    }
    tn_ssize_t lpad = 0, spad = 0, rpad = 0;
    tn_ssize_t n_padding = f->width - (n_non_digit + n_grouped);
    if (n_padding > 0) {
        switch (f->align) {
        case '<': rpad = n_padding; break;
        case '^':
            lpad = n_padding / 2;
            rpad = n_padding - lpad;
            break;
        case '=': spad = n_padding; break;
        default: lpad = n_padding; break;
        }
    }
    TnStrWriter w;
    tn_strw_init(&w);
    if (tn_strw_put_repeat(&w, f->fill, lpad) < 0
        || (n_sign && tn_strw_putc(&w, sign) < 0)
        || put_ascii_upper(&w, np->prefix, np->n_prefix, np->toupper) < 0
        || tn_strw_put_repeat(&w, f->fill, spad) < 0
        || put_ascii_upper(&w, grouped, n_grouped, np->toupper) < 0
        || (n_decimal && tn_strw_putc(&w, '.') < 0)
        || tn_strw_putn(&w, np->remainder, np->remainder_bytes) < 0
        || tn_strw_put_repeat(&w, f->fill, rpad) < 0) {
        tn_mem_free(grouped);
        tn_strw_discard(&w);
        return NULL;
    }
    tn_mem_free(grouped);
    return tn_strw_finish(&w);
}

/* ---- int ---------------------------------------------------------------------- */

/* Digits of |v| in base 2, 8, 10 or 16 for an int too big for a word:
 * *holder receives the str that *digits points into (decref it after
 * use).  0 or -1. */
static int big_int_digits(TnObject *v, int base, TnObject **holder, const char **digits, tn_ssize_t *n)
{
    TnObject *s = tn_int_to_str(v, base);
    if (s == NULL)
        return -1;
    tn_ssize_t len;
    const char *u = tn_str_utf8(s, &len);
    if (u == NULL) {
        tn_decref(s);
        return -1;
    }
    tn_ssize_t skip = (u[0] == '-') + (base != 10 ? 2 : 0);
    *holder = s;
    *digits = u + skip;
    *n = len - skip;
    return 0;
}

static TnObject *format_float_internal(TnObject *value, double val, const Spec *f);

static TnObject *format_long_internal(TnObject *value, const Spec *f)
{
    if (f->precision != -1)
        return tn_err_format(&tn_exc_ValueError, "Precision not allowed in integer format specifier");
    if (f->no_neg_0)
        return tn_err_format(&tn_exc_ValueError,
                             "Negative zero coercion (z) not allowed in integer format specifier");
    int ovf;
    int64_t v = tn_int_as_i64(value, &ovf);
    NumberParts np = {0, "", 0, "", 0, false, "", 0, 0, f->type == 'X'};
    char remainder[8];
    char buf[80];
    if (f->type == 'c') {
        if (f->sign != 0)
            return tn_err_format(&tn_exc_ValueError, "Sign not allowed with integer format specifier 'c'");
        if (f->alternate)
            return tn_err_format(&tn_exc_ValueError,
                                 "Alternate form (#) not allowed with integer format specifier 'c'");
        if (ovf)
            return tn_err_format(&tn_exc_OverflowError, "Python int too large to convert to C long");
        if (v < 0 || v > 0x10ffff)
            return tn_err_format(&tn_exc_OverflowError, "%%c arg not in range(0x110000)");
        TnStrWriter cw;
        tn_strw_init(&cw);
        if (tn_strw_putc(&cw, (uint32_t)v) < 0)
            return NULL;
        memcpy(remainder, cw.buf, (size_t)cw.len);
        np.remainder_bytes = cw.len;
        tn_strw_discard(&cw);
        np.remainder = remainder;
        np.n_remainder = 1;
        return fill_number(f, &np);
    }
    int base = 10;
    const char *prefix = "";
    switch (f->type) {
    case 'b': base = 2; prefix = "0b"; break;
    case 'o': base = 8; prefix = "0o"; break;
    case 'x': case 'X': base = 16; prefix = "0x"; break;
    default: break;
    }
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    char *end = buf + sizeof buf, *p = end;
    do {
        *--p = "0123456789abcdef"[mag % (unsigned)base];
        mag /= (unsigned)base;
    } while (mag != 0);
    np.sign_char = v < 0 ? '-' : 0;
    if (f->alternate && base != 10) {
        np.prefix = prefix;
        np.n_prefix = 2;
    }
    np.digits = p;
    np.n_digits = end - p;
    if (!ovf)
        return fill_number(f, &np);
    TnObject *holder;
    if (big_int_digits(value, base, &holder, &np.digits, &np.n_digits) < 0)
        return NULL;
    np.sign_char = tn_int_sign(value) < 0 ? '-' : 0;
    TnObject *res = fill_number(f, &np);
    tn_decref(holder);
    return res;
}

TnObject *tn_format_int(TnObject *v, TnObject *spec)
{
    if (tn_str_length(spec) == 0) {
        if (tn_int_check_exact(v))
            return tn_int_to_str(v, 10);
        return tn_object_str(v);
    }
    Spec f;
    if (parse_spec(v, spec, &f, 'd', '>') < 0)
        return NULL;
    switch (f.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
        return format_long_internal(v, &f);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double d = tn_int_as_double(v);
        if (d == -1.0 && tn_err_occurred())
            return NULL;
        return format_float_internal(v, d, &f);
    }
    default:
        return unknown_presentation_type(f.type, tn_type_name(tn_type(v)));
    }
}

/* ---- float -------------------------------------------------------------------- */

static TnObject *format_float_internal(TnObject *value, double val, const Spec *f)
{
    (void)value;
    uint32_t type = f->type;
    int flags = 0;
    int default_precision = 6;
    bool add_pct = false;
    if (f->precision > INT_MAX)
        return tn_err_format(&tn_exc_ValueError, "precision too big");
    int precision = (int)f->precision;
    if (f->alternate)
        flags |= TN_DTSF_ALT;
    if (f->no_neg_0)
        flags |= TN_DTSF_NO_NEG_0;
    if (type == 0) {
        flags |= TN_DTSF_ADD_DOT_0;
        type = 'r';
        default_precision = 0;
    }
    if (type == 'n')
        type = 'g';
    if (type == '%') {
        type = 'f';
        val *= 100;
        add_pct = true;
    }
    if (precision < 0)
        precision = default_precision;
    else if (type == 'r')
        type = 'g';
    char *buf = tn_float_to_string(val, (char)type, precision, flags);
    if (buf == NULL)
        return NULL;
    size_t n = strlen(buf);
    if (add_pct) {
        char *nb = tn_mem_realloc(buf, n + 2);
        if (nb == NULL) {
            tn_mem_free(buf);
            return tn_err_no_memory();
        }
        buf = nb;
        buf[n++] = '%';
        buf[n] = '\0';
    }
    if (f->sign != '+' && f->sign != ' ' && f->width == -1 && f->type != 'n'
        && f->thousands == LT_NO_LOCALE) {
        TnObject *r = tn_str_from_utf8(buf, (tn_ssize_t)n);
        tn_mem_free(buf);
        return r;
    }
    NumberParts np = {0, "", 0, "", 0, false, "", 0, 0, false};
    const char *p = buf;
    if (*p == '-') {
        np.sign_char = '-';
        p++;
    }
    const char *q = p;
    while (*q >= '0' && *q <= '9')
        q++;
    np.digits = p;
    np.n_digits = q - p;
    np.has_decimal = *q == '.';
    if (np.has_decimal)
        q++;
    np.remainder = q;
    np.n_remainder = (tn_ssize_t)strlen(q);
    np.remainder_bytes = np.n_remainder;
    TnObject *r = fill_number(f, &np);
    tn_mem_free(buf);
    return r;
}

TnObject *tn_format_float(TnObject *v, TnObject *spec)
{
    if (tn_str_length(spec) == 0)
        return tn_object_str(v);
    Spec f;
    if (parse_spec(v, spec, &f, 0, '>') < 0)
        return NULL;
    switch (f.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
        return format_float_internal(v, tn_float_value(v), &f);
    default:
        return unknown_presentation_type(f.type, tn_type_name(tn_type(v)));
    }
}

/* ---- str ----------------------------------------------------------------------- */

static TnObject *format_string_internal(TnObject *v, const Spec *f)
{
    if (f->sign == ' ')
        return tn_err_format(&tn_exc_ValueError, "Space not allowed in string format specifier");
    if (f->sign != 0)
        return tn_err_format(&tn_exc_ValueError, "Sign not allowed in string format specifier");
    if (f->no_neg_0)
        return tn_err_format(&tn_exc_ValueError,
                             "Negative zero coercion (z) not allowed in string format specifier");
    if (f->alternate)
        return tn_err_format(&tn_exc_ValueError, "Alternate form (#) not allowed in string format specifier");
    if (f->align == '=')
        return tn_err_format(&tn_exc_ValueError, "'=' alignment not allowed in string format specifier");
    tn_ssize_t len = tn_str_length(v);
    if ((f->width == -1 || f->width <= len) && (f->precision == -1 || f->precision >= len))
        return tn_str_exact_ref(v);
    if (f->precision >= 0 && len >= f->precision)
        len = f->precision;
    tn_ssize_t total = f->width >= 0 && f->width > len ? f->width : len;
    tn_ssize_t lpad = f->align == '>' ? total - len : f->align == '^' ? (total - len) / 2 : 0;
    tn_ssize_t rpad = total - len - lpad;
    TnStrWriter w;
    tn_strw_init(&w);
    if (tn_strw_put_repeat(&w, f->fill, lpad) < 0 || tn_strw_put_substr(&w, v, 0, len) < 0
        || tn_strw_put_repeat(&w, f->fill, rpad) < 0) {
        tn_strw_discard(&w);
        return NULL;
    }
    return tn_strw_finish(&w);
}

TnObject *tn_format_str(TnObject *v, TnObject *spec)
{
    if (tn_str_length(spec) == 0) {
        if (tn_str_check_exact(v))
            return tn_newref(v);
        return tn_object_str(v);
    }
    Spec f;
    if (parse_spec(v, spec, &f, 's', '<') < 0)
        return NULL;
    if (f.type == 's')
        return format_string_internal(v, &f);
    return unknown_presentation_type(f.type, tn_type_name(tn_type(v)));
}

/* ---- format(obj, spec) ------------------------------------------------------------ */

static TnObject *empty_str(void) { return tn_str_new(0, 0); }

TnObject *tn_object_format(TnObject *obj, TnObject *spec)
{
    TnObject *own_spec = NULL;
    if (spec == NULL) {
        own_spec = empty_str();
        if (own_spec == NULL)
            return NULL;
        spec = own_spec;
    } else if (!tn_str_check(spec)) {
        return tn_err_format(&tn_exc_TypeError, "format() argument 2 must be str, not %s", tn_type_name(tn_type(spec)));
    }
    TnObject *r;
    if (tn_str_check_exact(obj)) {
        r = tn_format_str(obj, spec);
    } else if (tn_int_check_exact(obj) || tn_bool_check(obj)) {
        r = tn_format_int(obj, spec);
    } else if (tn_float_check_exact(obj)) {
        r = tn_format_float(obj, spec);
    } else {
        TnObject *name = tn_str_intern_cstr("__format__");
        TnObject *meth = NULL;
        int found = name != NULL ? tn_object_get_method(obj, name, &meth) : -1;
        tn_xdecref(name);
        if (found < 0 || meth == NULL) {
            /* No __format__ at all (object.__format__ not reachable):
             * behave like object.__format__. */
            if (found < 0 && !tn_err_matches(&tn_exc_AttributeError)) {
                tn_xdecref(own_spec);
                return NULL;
            }
            tn_err_clear();
            if (tn_str_length(spec) == 0)
                r = tn_object_str(obj);
            else
                r = tn_err_format(&tn_exc_TypeError, "unsupported format string passed to %s.__format__",
                                  tn_type_name(tn_type(obj)));
        } else {
            if (found == 1) {
                TnObject *argv[2] = {obj, spec};
                r = tn_call(meth, argv, 2, NULL);
            } else {
                r = tn_call_one(meth, spec);
            }
            tn_decref(meth);
            if (r != NULL && !tn_str_check(r)) {
                tn_err_format(&tn_exc_TypeError, "__format__ must return a str, not %s", tn_type_name(tn_type(r)));
                TN_CLEAR(r);
            }
        }
    }
    tn_xdecref(own_spec);
    return r;
}

/* ---- str.format ---------------------------------------------------------------------- */

typedef TnFormatSubStr SubStr;

enum { ANS_INIT, ANS_AUTO, ANS_MANUAL };

typedef struct FormatCtx {
    TnObject *const *args;
    tn_ssize_t nargs;         /* < 0: format_map (no positional fields) */
    TnObject *kwargs;         /* mapping or NULL */
    int an_state;
    tn_ssize_t an_field_number;
} FormatCtx;

static TnObject *substr_obj(const SubStr *s) { return tn_str_substring(s->s, s->start, s->end); }

static uint32_t sub_read(const SubStr *s, tn_ssize_t i) { return tn_str_read(s->s, i); }

/* Decimal value of the whole substring: >= 0, -1 if not all digits (or
 * empty), -2 on overflow (raised). */
tn_ssize_t tn_format_substr_integer(const SubStr *s)
{
    tn_ssize_t acc = 0;
    if (s->start >= s->end)
        return -1;
    for (tn_ssize_t i = s->start; i < s->end; i++) {
        int d = tn_unicode_decimal(sub_read(s, i));
        if (d < 0)
            return -1;
        if (acc > (INTPTR_MAX - d) / 10) {
            tn_err_set_str(&tn_exc_ValueError, "Too many decimal digits in format string");
            return -2;
        }
        acc = acc * 10 + d;
    }
    return acc;
}

/* Parse "name[.attr|[key]]*[!conv][:spec]" after a '{'.  On success the
 * iterator (it) is after the closing '}'.  1 / 0 (error raised). */
static int parse_field(SubStr *it, SubStr *field_name, SubStr *format_spec, bool *needs_expanding,
                       uint32_t *conversion)
{
    uint32_t c = 0;
    *conversion = 0;
    format_spec->s = it->s;
    format_spec->start = format_spec->end = 0;
    field_name->s = it->s;
    field_name->start = it->start;
    while (it->start < it->end) {
        c = sub_read(it, it->start++);
        if (c == '{') {
            tn_err_set_str(&tn_exc_ValueError, "unexpected '{' in field name");
            return 0;
        }
        if (c == '[') {
            for (; it->start < it->end; it->start++)
                if (sub_read(it, it->start) == ']')
                    break;
            continue;
        }
        if (c == '}' || c == ':' || c == '!')
            break;
    }
    field_name->end = it->start - 1;
    if (c == '!' || c == ':') {
        if (c == '!') {
            if (it->start >= it->end) {
                tn_err_set_str(&tn_exc_ValueError, "end of string while looking for conversion specifier");
                return 0;
            }
            *conversion = sub_read(it, it->start++);
            if (it->start < it->end) {
                c = sub_read(it, it->start++);
                if (c == '}')
                    return 1;
                if (c != ':') {
                    tn_err_set_str(&tn_exc_ValueError, "expected ':' after conversion specifier");
                    return 0;
                }
            }
        }
        format_spec->start = it->start;
        int count = 1;
        while (it->start < it->end) {
            c = sub_read(it, it->start++);
            if (c == '{') {
                *needs_expanding = true;
                count++;
            } else if (c == '}') {
                count--;
                if (count == 0) {
                    format_spec->end = it->start - 1;
                    return 1;
                }
            }
        }
        tn_err_set_str(&tn_exc_ValueError, "unmatched '{' in format spec");
        return 0;
    }
    if (c != '}') {
        tn_err_set_str(&tn_exc_ValueError, "expected '}' before end of string");
        return 0;
    }
    return 1;
}

/* One step of the markup iterator: literal text, then maybe a field.
 * Returns 0 error, 1 done, 2 got something. */
int tn_format_markup_next(SubStr *it, SubStr *literal, bool *field_present, SubStr *field_name,
                          SubStr *format_spec, uint32_t *conversion, bool *needs_expanding)
{
    uint32_t c = 0;
    bool markup_follows = false;
    *field_present = false;
    *needs_expanding = false;
    *conversion = 0;
    literal->s = it->s;
    literal->start = literal->end = 0;
    if (it->start >= it->end)
        return 1;
    tn_ssize_t start = it->start;
    while (it->start < it->end) {
        c = sub_read(it, it->start++);
        if (c == '{' || c == '}') {
            markup_follows = true;
            break;
        }
    }
    bool at_end = it->start >= it->end;
    tn_ssize_t len = it->start - start;
    if (c == '}' && (at_end || c != sub_read(it, it->start))) {
        tn_err_set_str(&tn_exc_ValueError, "Single '}' encountered in format string");
        return 0;
    }
    if (at_end && c == '{') {
        tn_err_set_str(&tn_exc_ValueError, "Single '{' encountered in format string");
        return 0;
    }
    if (!at_end) {
        if (c == sub_read(it, it->start)) {
            it->start++;
            markup_follows = false;
        } else {
            len--;
        }
    }
    literal->start = start;
    literal->end = start + len;
    if (!markup_follows)
        return 2;
    *field_present = true;
    if (!parse_field(it, field_name, format_spec, needs_expanding, conversion))
        return 0;
    return 2;
}

/* "first" part of a field name and the rest (".attr[key]..."). */
static int field_name_split(const SubStr *in, SubStr *first, tn_ssize_t *first_idx, SubStr *rest,
                            FormatCtx *ctx)
{
    tn_ssize_t i = in->start;
    while (i < in->end) {
        uint32_t c = sub_read(in, i++);
        if (c == '[' || c == '.') {
            i--;
            break;
        }
    }
    first->s = in->s;
    first->start = in->start;
    first->end = i;
    rest->s = in->s;
    rest->start = i;
    rest->end = in->end;
    *first_idx = tn_format_substr_integer(first);
    if (*first_idx == -2)
        return 0;
    bool empty = first->start >= first->end;
    bool numeric = empty || *first_idx != -1;
    if (ctx->an_state == ANS_INIT && numeric)
        ctx->an_state = empty ? ANS_AUTO : ANS_MANUAL;
    if (numeric) {
        if (ctx->an_state == ANS_MANUAL && empty) {
            tn_err_set_str(&tn_exc_ValueError,
                           "cannot switch from manual field specification to automatic field numbering");
            return 0;
        }
        if (ctx->an_state == ANS_AUTO && !empty) {
            tn_err_set_str(&tn_exc_ValueError,
                           "cannot switch from automatic field numbering to manual field specification");
            return 0;
        }
    }
    if (empty)
        *first_idx = ctx->an_field_number++;
    return 1;
}

/* Next ".name" or "[key]" of rest: 0 error, 1 done, 2 got one. */
int tn_format_field_name_next(SubStr *rest, bool *is_attr, tn_ssize_t *idx, SubStr *name)
{
    if (rest->start >= rest->end)
        return 1;
    uint32_t c = sub_read(rest, rest->start++);
    name->s = rest->s;
    name->start = rest->start;
    if (c == '.') {
        *is_attr = true;
        while (rest->start < rest->end) {
            uint32_t d = sub_read(rest, rest->start++);
            if (d == '[' || d == '.') {
                rest->start--;
                break;
            }
        }
        name->end = rest->start;
        *idx = -1;
    } else if (c == '[') {
        *is_attr = false;
        bool bracket = false;
        while (rest->start < rest->end) {
            if (sub_read(rest, rest->start++) == ']') {
                bracket = true;
                break;
            }
        }
        if (!bracket) {
            tn_err_set_str(&tn_exc_ValueError, "Missing ']' in format string");
            return 0;
        }
        name->end = rest->start - 1;
        *idx = tn_format_substr_integer(name);
        if (*idx == -2)
            return 0;
    } else {
        tn_err_set_str(&tn_exc_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
        return 0;
    }
    if (name->start == name->end) {
        tn_err_set_str(&tn_exc_ValueError, "Empty attribute in format string");
        return 0;
    }
    return 2;
}

static TnObject *get_field_object(const SubStr *input, FormatCtx *ctx)
{
    SubStr first, rest, name;
    tn_ssize_t index;
    TnObject *obj = NULL;
    if (!field_name_split(input, &first, &index, &rest, ctx))
        return NULL;
    if (index == -1) {
        TnObject *key = substr_obj(&first);
        if (key == NULL)
            return NULL;
        if (ctx->kwargs == NULL) {
            tn_err_set_object(&tn_exc_KeyError, key);
            tn_decref(key);
            return NULL;
        }
        obj = tn_object_getitem(ctx->kwargs, key);
        tn_decref(key);
        if (obj == NULL)
            return NULL;
    } else {
        if (ctx->nargs < 0) {
            tn_err_set_str(&tn_exc_ValueError, "Format string contains positional fields");
            return NULL;
        }
        if (index >= ctx->nargs)
            return tn_err_format(&tn_exc_IndexError,
                                 "Replacement index %zd out of range for positional args tuple", index);
        obj = tn_newref(ctx->args[index]);
    }
    bool is_attr;
    int ok;
    while ((ok = tn_format_field_name_next(&rest, &is_attr, &index, &name)) == 2) {
        TnObject *key = substr_obj(&name), *tmp = NULL;
        if (key == NULL)
            goto error;
        if (is_attr) {
            tmp = tn_object_getattr(obj, key);
        } else if (index == -1) {
            tmp = tn_object_getitem(obj, key);
        } else {
            TnObject *ik = tn_int_from_ssize(index);
            if (ik != NULL) {
                tmp = tn_object_getitem(obj, ik);
                tn_decref(ik);
            }
        }
        tn_decref(key);
        if (tmp == NULL)
            goto error;
        TN_SETREF(obj, tmp);
    }
    if (ok == 1)
        return obj;
error:
    tn_xdecref(obj);
    return NULL;
}

static TnObject *do_conversion(TnObject *obj, uint32_t conversion)
{
    switch (conversion) {
    case 'r': return tn_object_repr(obj);
    case 's': return tn_object_str(obj);
    case 'a': return tn_object_ascii(obj);
    default:
        if (conversion > 32 && conversion < 127)
            return tn_err_format(&tn_exc_ValueError, "Unknown conversion specifier %c", (int)conversion);
        return tn_err_format(&tn_exc_ValueError, "Unknown conversion specifier \\x%x", (unsigned)conversion);
    }
}

static int build_string(TnStrWriter *w, SubStr *input, FormatCtx *ctx, int depth);

static int output_markup(TnStrWriter *w, const SubStr *field_name, SubStr *format_spec,
                         bool needs_expanding, uint32_t conversion, FormatCtx *ctx, int depth)
{
    TnObject *spec = NULL, *r = NULL;
    int rc = -1;
    TnObject *obj = get_field_object(field_name, ctx);
    if (obj == NULL)
        return -1;
    if (conversion != 0) {
        TnObject *tmp = do_conversion(obj, conversion);
        if (tmp == NULL)
            goto done;
        TN_SETREF(obj, tmp);
    }
    if (needs_expanding) {
        TnStrWriter sw;
        tn_strw_init(&sw);
        if (build_string(&sw, format_spec, ctx, depth - 1) < 0) {
            tn_strw_discard(&sw);
            goto done;
        }
        spec = tn_strw_finish(&sw);
    } else {
        spec = substr_obj(format_spec);
    }
    if (spec == NULL)
        goto done;
    r = tn_object_format(obj, spec);
    if (r == NULL)
        goto done;
    rc = tn_strw_put_str(w, r);
done:
    tn_xdecref(r);
    tn_xdecref(spec);
    tn_decref(obj);
    return rc;
}

static int build_string(TnStrWriter *w, SubStr *input, FormatCtx *ctx, int depth)
{
    if (depth <= 0) {
        tn_err_set_str(&tn_exc_ValueError, "Max string recursion exceeded");
        return -1;
    }
    SubStr it = *input, literal, field_name, format_spec;
    bool field_present, needs_expanding;
    uint32_t conversion;
    int r;
    while ((r = tn_format_markup_next(&it, &literal, &field_present, &field_name, &format_spec, &conversion,
                            &needs_expanding)) == 2) {
        if (literal.end > literal.start && tn_strw_put_substr(w, literal.s, literal.start, literal.end) < 0)
            return -1;
        if (field_present
            && output_markup(w, &field_name, &format_spec, needs_expanding, conversion, ctx, depth) < 0)
            return -1;
    }
    return r == 1 ? 0 : -1;
}

TnObject *tn_str_format_impl(TnObject *fmt, TnObject *const *args, tn_ssize_t nargs, TnObject *kwargs)
{
    FormatCtx ctx = {args, nargs, kwargs, ANS_INIT, 0};
    SubStr input = {fmt, 0, tn_str_length(fmt)};
    TnStrWriter w;
    tn_strw_init(&w);
    if (build_string(&w, &input, &ctx, 2) < 0) {
        tn_strw_discard(&w);
        return NULL;
    }
    return tn_strw_finish(&w);
}

/* ---- printf-style formatting: str % args ------------------------------------------
 *
 * A port of CPython 3.11's PyUnicode_Format: %[(key)][flags][width][.prec][hlL]type
 * with types s r a c d i u o x X e E f F g G and %%.
 */

#define F_LJUST 0x01
#define F_SIGN  0x02
#define F_BLANK 0x04
#define F_ALT   0x08
#define F_ZERO  0x10

typedef struct PrintfCtx {
    TnObject *fmt;
    tn_ssize_t pos, n;
    TnObject *args;          /* current argument source (borrowed or owned) */
    bool args_owned;
    tn_ssize_t arglen, argidx;
    TnObject *dict;          /* mapping for %(key)s, or NULL */
} PrintfCtx;

typedef struct PrintfArg {
    uint32_t ch;
    int flags;
    tn_ssize_t width;
    int prec;
    bool sign;
} PrintfArg;

static TnObject *printf_next_arg(PrintfCtx *c)
{
    tn_ssize_t i = c->argidx;
    if (i < c->arglen) {
        c->argidx++;
        if (c->arglen < 0)
            return c->args;
        return tn_tuple_get(c->args, i);
    }
    tn_err_set_str(&tn_exc_TypeError, "not enough arguments for format string");
    return NULL;
}

static int printf_star(PrintfCtx *c, tn_ssize_t *out)
{
    TnObject *v = printf_next_arg(c);
    if (v == NULL)
        return -1;
    if (!tn_int_check(v)) {
        tn_err_set_str(&tn_exc_TypeError, "* wants int");
        return -1;
    }
    *out = tn_int_as_ssize(v);
    return *out == -1 && tn_err_occurred() ? -1 : 0;
}

static uint32_t fmt_at(PrintfCtx *c) { return tn_str_read(c->fmt, c->pos); }

/* Parse one directive after its '%' (c->pos on the first character). */
static int printf_parse(PrintfCtx *c, PrintfArg *a)
{
    if (fmt_at(c) == '(') {
        if (c->dict == NULL) {
            tn_err_set_str(&tn_exc_TypeError, "format requires a mapping");
            return -1;
        }
        tn_ssize_t keystart = ++c->pos;
        int depth = 1;
        while (c->pos < c->n) {
            uint32_t ch = fmt_at(c);
            c->pos++;
            if (ch == ')' && --depth == 0)
                break;
            if (ch == '(')
                depth++;
        }
        if (depth > 0 || c->pos >= c->n) {
            tn_err_set_str(&tn_exc_ValueError, "incomplete format key");
            return -1;
        }
        TnObject *key = tn_str_substring(c->fmt, keystart, c->pos - 1);
        if (key == NULL)
            return -1;
        TnObject *v = tn_object_getitem(c->dict, key);
        tn_decref(key);
        if (v == NULL)
            return -1;
        if (c->args_owned)
            tn_decref(c->args);
        c->args = v;
        c->args_owned = true;
        c->arglen = -1;
        c->argidx = -2;
    }
    for (; c->pos < c->n; c->pos++) {
        uint32_t ch = fmt_at(c);
        int f = ch == '-' ? F_LJUST : ch == '+' ? F_SIGN : ch == ' ' ? F_BLANK : ch == '#' ? F_ALT
              : ch == '0' ? F_ZERO : 0;
        if (f == 0)
            break;
        a->flags |= f;
    }
    if (c->pos < c->n && fmt_at(c) == '*') {
        if (printf_star(c, &a->width) < 0)
            return -1;
        if (a->width < 0) {
            a->flags |= F_LJUST;
            a->width = -a->width;
        }
        c->pos++;
    } else if (c->pos < c->n && fmt_at(c) >= '0' && fmt_at(c) <= '9') {
        a->width = 0;
        while (c->pos < c->n && fmt_at(c) >= '0' && fmt_at(c) <= '9') {
            int d = (int)(fmt_at(c) - '0');
            if (a->width > (INTPTR_MAX - d) / 10) {
                tn_err_set_str(&tn_exc_ValueError, "width too big");
                return -1;
            }
            a->width = a->width * 10 + d;
            c->pos++;
        }
    }
    if (c->pos < c->n && fmt_at(c) == '.') {
        a->prec = 0;
        c->pos++;
        if (c->pos < c->n && fmt_at(c) == '*') {
            tn_ssize_t p;
            if (printf_star(c, &p) < 0)
                return -1;
            if (p > INT_MAX)
                return tn_err_set_str(&tn_exc_OverflowError, "Python int too large to convert to C int"), -1;
            a->prec = p < 0 ? 0 : (int)p;
            c->pos++;
        } else {
            while (c->pos < c->n && fmt_at(c) >= '0' && fmt_at(c) <= '9') {
                int d = (int)(fmt_at(c) - '0');
                if (a->prec > (INT_MAX - d) / 10) {
                    tn_err_set_str(&tn_exc_ValueError, "precision too big");
                    return -1;
                }
                a->prec = a->prec * 10 + d;
                c->pos++;
            }
        }
    }
    if (c->pos < c->n && (fmt_at(c) == 'h' || fmt_at(c) == 'l' || fmt_at(c) == 'L'))
        c->pos++;
    if (c->pos >= c->n) {
        tn_err_set_str(&tn_exc_ValueError, "incomplete format");
        return -1;
    }
    a->ch = fmt_at(c);
    c->pos++;
    return 0;
}

static bool is_number(TnObject *v)
{
    const TnNumberMethods *nb = tn_type(v)->as_number;
    return nb != NULL && (nb->index != NULL || nb->int_ != NULL || nb->float_ != NULL);
}

/* CPython's _PyUnicode_FormatLong: sign, "0x"/"0o" prefix when alt,
 * digits zero-padded to prec. */
static TnObject *printf_format_long(TnObject *iobj, bool alt, int prec, uint32_t type)
{
    int ovf;
    int64_t v = tn_int_as_i64(iobj, &ovf);
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    int base = type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    char digits[80], *end = digits + sizeof digits, *p = end;
    const char *dig = type == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    do {
        *--p = dig[mag % (unsigned)base];
        mag /= (unsigned)base;
    } while (mag != 0);
    tn_ssize_t nd = end - p;
    TnObject *holder = NULL;
    if (ovf) {
        if (big_int_digits(iobj, base, &holder, (const char **)&p, &nd) < 0)
            return NULL;
        v = tn_int_sign(iobj);
    }
    TnStrWriter w;
    tn_strw_init(&w);
    bool upper_fail = false;
    if (holder != NULL && type == 'X') {
        /* the big path yields lowercase digits */
        char *up = tn_mem_alloc((size_t)nd + 1);
        if (up == NULL) {
            tn_decref(holder);
            return tn_err_no_memory();
        }
        for (tn_ssize_t i = 0; i < nd; i++)
            up[i] = (p[i] >= 'a' && p[i] <= 'f') ? (char)(p[i] - 32) : p[i];
        upper_fail = (v < 0 && tn_strw_putc(&w, '-') < 0) || (alt && (tn_strw_putc(&w, '0') < 0 || tn_strw_putc(&w, type) < 0))
                     || tn_strw_put_repeat(&w, '0', prec - nd) < 0 || tn_strw_putn(&w, up, nd) < 0;
        tn_mem_free(up);
        tn_decref(holder);
        if (upper_fail) {
            tn_strw_discard(&w);
            return NULL;
        }
        return tn_strw_finish(&w);
    }
    if ((v < 0 && tn_strw_putc(&w, '-') < 0)
        || (alt && base != 10 && (tn_strw_putc(&w, '0') < 0 || tn_strw_putc(&w, type) < 0))
        || tn_strw_put_repeat(&w, '0', prec - nd) < 0 || tn_strw_putn(&w, p, nd) < 0) {
        tn_xdecref(holder);
        tn_strw_discard(&w);
        return NULL;
    }
    tn_xdecref(holder);
    return tn_strw_finish(&w);
}

/* The text of one directive (new str), or NULL. */
static TnObject *printf_convert(PrintfCtx *c, PrintfArg *a, TnObject *v)
{
    switch (a->ch) {
    case 's':
        return tn_object_str(v);
    case 'r':
        return tn_object_repr(v);
    case 'a':
        return tn_object_ascii(v);
    case 'i': case 'd': case 'u': case 'o': case 'x': case 'X': {
        bool needs_index = a->ch == 'o' || a->ch == 'x' || a->ch == 'X';
        TnObject *iobj = NULL;
        if (is_number(v)) {
            if (tn_int_check(v))
                iobj = tn_newref(v);
            else if (needs_index)
                iobj = tn_number_index(v);
            else
                iobj = tn_type_int.new_(&tn_type_int, &v, 1, NULL);
            if (iobj == NULL && !tn_err_matches(&tn_exc_TypeError))
                return NULL;
        }
        if (iobj == NULL) {
            tn_err_clear();
            return tn_err_format(&tn_exc_TypeError, "%%%c format: %s is required, not %s", (int)a->ch,
                                 needs_index ? "an integer" : "a real number", tn_type_name(tn_type(v)));
        }
        TnObject *r = printf_format_long(iobj, (a->flags & F_ALT) != 0, a->prec, a->ch);
        tn_decref(iobj);
        a->sign = true;
        return r;
    }
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
        double x = tn_float_as_double(v);
        if (x == -1.0 && tn_err_occurred())
            return NULL;
        char *s = tn_float_to_string(x, (char)a->ch, a->prec < 0 ? 6 : a->prec,
                                     (a->flags & F_ALT) ? TN_DTSF_ALT : 0);
        if (s == NULL)
            return NULL;
        TnObject *r = tn_str_from_utf8(s, (tn_ssize_t)strlen(s));
        tn_mem_free(s);
        a->sign = true;
        return r;
    }
    case 'c': {
        uint32_t ch;
        if (tn_str_check(v)) {
            if (tn_str_length(v) != 1)
                return tn_err_format(&tn_exc_TypeError, "%%c requires int or char");
            ch = tn_str_read(v, 0);
        } else if (tn_int_check(v)) {
            int ovf;
            int64_t x = tn_int_as_i64(v, &ovf);
            if (x < 0 || x > 0x10ffff)
                return tn_err_format(&tn_exc_OverflowError, "%%c arg not in range(0x110000)");
            ch = (uint32_t)x;
        } else {
            return tn_err_format(&tn_exc_TypeError, "%%c requires int or char");
        }
        return tn_str_from_char(ch);
    }
    default:
        return tn_err_format(&tn_exc_ValueError, "unsupported format character '%c' (0x%x) at index %zd",
                             (a->ch >= 31 && a->ch <= 126) ? (int)a->ch : '?', (unsigned)a->ch, c->pos - 1);
    }
}

/* Lay out str for the directive (CPython's unicode_format_arg_output). */
static int printf_output(TnStrWriter *w, PrintfArg *a, TnObject *str)
{
    uint32_t fill = (a->sign && (a->flags & F_ZERO)) ? '0' : ' ';
    tn_ssize_t len = tn_str_length(str);
    if ((a->width == -1 || a->width <= len) && (a->prec == -1 || a->prec >= len)
        && !(a->flags & (F_SIGN | F_BLANK)))
        return tn_strw_put_str(w, str);
    if ((a->ch == 's' || a->ch == 'r' || a->ch == 'a') && a->prec >= 0 && len > a->prec)
        len = a->prec;
    tn_ssize_t pindex = 0;
    uint32_t signchar = 0;
    if (a->sign) {
        uint32_t ch = len > 0 ? tn_str_read(str, 0) : 0;
        if (ch == '-' || ch == '+') {
            signchar = ch;
            len--;
            pindex++;
        } else if (a->flags & F_SIGN) {
            signchar = '+';
        } else if (a->flags & F_BLANK) {
            signchar = ' ';
        } else {
            a->sign = false;
        }
    }
    tn_ssize_t width = a->width < len ? len : a->width;
    bool prefix = (a->flags & F_ALT) && (a->ch == 'x' || a->ch == 'X' || a->ch == 'o');
    if (a->sign) {
        if (fill != ' ' && tn_strw_putc(w, signchar) < 0)
            return -1;
        if (width > len)
            width--;
    }
    if (prefix) {
        if (fill != ' ') {
            if (tn_strw_put_substr(w, str, pindex, pindex + 2) < 0)
                return -1;
            pindex += 2;
        }
        width -= 2;
        if (width < 0)
            width = 0;
        len -= 2;
    }
    if (width > len && !(a->flags & F_LJUST)) {
        if (tn_strw_put_repeat(w, fill, width - len) < 0)
            return -1;
        width = len;
    }
    if (fill == ' ') {
        if (a->sign && tn_strw_putc(w, signchar) < 0)
            return -1;
        if (prefix) {
            if (tn_strw_put_substr(w, str, pindex, pindex + 2) < 0)
                return -1;
            pindex += 2;
        }
    }
    if (len > 0 && tn_strw_put_substr(w, str, pindex, pindex + len) < 0)
        return -1;
    if (width > len && tn_strw_put_repeat(w, ' ', width - len) < 0)
        return -1;
    return 0;
}

static int printf_directive(TnStrWriter *w, PrintfCtx *c)
{
    if (fmt_at(c) == '%') {
        c->pos++;
        return tn_strw_putc(w, '%');
    }
    PrintfArg a = {0, 0, -1, -1, false};
    if (printf_parse(c, &a) < 0)
        return -1;
    TnObject *v = printf_next_arg(c);
    if (v == NULL)
        return -1;
    TnObject *s = printf_convert(c, &a, v);
    if (s == NULL)
        return -1;
    int r = printf_output(w, &a, s);
    tn_decref(s);
    if (r == 0 && c->dict != NULL && c->argidx < c->arglen) {
        tn_err_set_str(&tn_exc_TypeError, "not all arguments converted during string formatting");
        return -1;
    }
    return r;
}

TnObject *tn_str_printf(TnObject *fmt, TnObject *args)
{
    PrintfCtx c = {fmt, 0, tn_str_length(fmt), args, false, -1, -2, NULL};
    if (tn_tuple_check(args)) {
        c.arglen = tn_tuple_size(args);
        c.argidx = 0;
    }
    const TnMappingMethods *mp = tn_type(args)->as_mapping;
    if (mp != NULL && mp->subscript != NULL && !tn_tuple_check(args) && !tn_str_check(args))
        c.dict = args;
    TnStrWriter w;
    tn_strw_init(&w);
    while (c.pos < c.n) {
        tn_ssize_t start = c.pos;
        while (c.pos < c.n && fmt_at(&c) != '%')
            c.pos++;
        if (c.pos > start && tn_strw_put_substr(&w, fmt, start, c.pos) < 0)
            goto error;
        if (c.pos >= c.n)
            break;
        c.pos++;
        if (c.pos >= c.n) {
            tn_err_set_str(&tn_exc_ValueError, "incomplete format");
            goto error;
        }
        if (printf_directive(&w, &c) < 0)
            goto error;
    }
    if (c.argidx < c.arglen && c.dict == NULL) {
        tn_err_set_str(&tn_exc_TypeError, "not all arguments converted during string formatting");
        goto error;
    }
    if (c.args_owned)
        tn_decref(c.args);
    return tn_strw_finish(&w);
error:
    if (c.args_owned)
        tn_decref(c.args);
    tn_strw_discard(&w);
    return NULL;
}
