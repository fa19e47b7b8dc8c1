/* core/objects/str.h — str: immutable Unicode text with O(1) indexing.
 *
 * Representation (PEP 393 style): code points stored in 1, 2 or 4 bytes
 * each (kind), chosen by the largest code point; ascii strings also serve as
 * their own UTF-8.  The UTF-8 form of a non-ascii string is built on demand
 * and cached.  hash is computed lazily (-1 = not yet).
 */
#ifndef TN_STR_H
#define TN_STR_H

#include <stdarg.h>
#include "core/object.h"

typedef struct TnStr {
    TnObject ob;
    tn_ssize_t length;       /* code points */
    tn_hash_t hash;          /* -1 until computed */
    uint8_t kind;            /* 1, 2 or 4 bytes per code point */
    uint8_t ascii;           /* every code point < 128 */
    uint8_t interned;
    char *utf8;              /* NULL until needed; == data when ascii */
    tn_ssize_t utf8_length;
    /* length + 1 code units of `kind` bytes follow (NUL-terminated) */
} TnStr;

extern TnType tn_type_str;

static inline bool tn_str_check(const TnObject *op)
{
    return (op->type->flags & TN_TPFLAGS_STR_SUBCLASS) != 0;
}
static inline bool tn_str_check_exact(const TnObject *op) { return op->type == &tn_type_str; }
/* Interning sets the flag while other threads may be testing it. */
static inline bool tn_str_is_interned(const TnObject *op)
{
    return tn_atomic_load_u8(&((const TnStr *)op)->interned) != 0;
}
static inline tn_ssize_t tn_str_length(const TnObject *op) { return ((const TnStr *)op)->length; }
static inline void *tn_str_data(const TnObject *op) { return (void *)((const TnStr *)op + 1); }
static inline uint32_t tn_str_read(const TnObject *op, tn_ssize_t i)
{
    const TnStr *s = (const TnStr *)op;
    switch (s->kind) {
    case 1: return ((const uint8_t *)(s + 1))[i];
    case 2: return ((const uint16_t *)(s + 1))[i];
    default: return ((const uint32_t *)(s + 1))[i];
    }
}

/* New strings.  All return a new reference or NULL with an exception. */
TnObject *tn_str_from_utf8(const char *s, tn_ssize_t len);  /* UnicodeDecodeError on bad UTF-8 */
TnObject *tn_str_from_cstr(const char *s);
/* A string of `length` code points of the given maximum; fill it through
 * tn_str_data() before anyone else sees it.  maxchar picks the kind. */
TnObject *tn_str_new(tn_ssize_t length, uint32_t maxchar);
TnObject *tn_str_from_codepoints(const uint32_t *cps, tn_ssize_t n);
TnObject *tn_str_from_char(uint32_t cp);      /* 1-char strings < 256 are cached */
TnObject *tn_str_substring(TnObject *s, tn_ssize_t start, tn_ssize_t end);
TnObject *tn_str_concat(TnObject *a, TnObject *b);
TnObject *tn_str_join(TnObject *sep, TnObject *iterable);
/* printf-like: %s (C string, UTF-8), %d %i %u %ld %lu %lld %llu %zd %zu %x %c
 * (code point) %p %%, and object conversions: %R repr(obj), %S str(obj),
 * %U a str object as is, %T the type name of obj ("int"), %A ascii(obj). */
TnObject *tn_str_from_format(const char *fmt, ...);
TnObject *tn_str_from_formatv(const char *fmt, va_list ap);

/* The UTF-8 form (cached, owned by the string, NUL-terminated).  len may be
 * NULL.  NULL + error only on MemoryError or lone surrogates. */
const char *tn_str_utf8(TnObject *s, tn_ssize_t *len);

/* Interning: one canonical immortal object per distinct value.  Used for
 * identifiers, attribute names, and dict keys the VM looks up by identity. */
TnObject *tn_str_intern_cstr(const char *s);          /* new (immortal) ref */
TnObject *tn_str_intern_steal(TnObject *s);           /* returns the canonical str */

bool tn_str_eq(TnObject *a, TnObject *b);             /* both str: same code points */
bool tn_str_eq_cstr(TnObject *a, const char *s);
int tn_str_compare(TnObject *a, TnObject *b);         /* <0, 0, >0 by code point */
tn_hash_t tn_str_hash(TnObject *s);
TnObject *tn_str_repr(TnObject *s);                   /* 'abc' with CPython's quoting/escapes */
int tn_str_init_types(void);

/* Incremental builder. */
typedef struct TnStrWriter {
    char *buf;               /* UTF-8 bytes */
    tn_ssize_t len, cap;
    tn_ssize_t ncodepoints;
    uint32_t maxchar;
    char small[128];
} TnStrWriter;
void tn_strw_init(TnStrWriter *w);
int tn_strw_putc(TnStrWriter *w, uint32_t cp);                    /* 0 or -1 (MemoryError) */
int tn_strw_puts(TnStrWriter *w, const char *utf8);               /* valid UTF-8 only */
int tn_strw_putn(TnStrWriter *w, const char *utf8, tn_ssize_t n);
int tn_strw_put_str(TnStrWriter *w, TnObject *s);                 /* a str object */
int tn_strw_put_repr(TnStrWriter *w, TnObject *obj);              /* repr(obj) */
int tn_strw_put_repeat(TnStrWriter *w, uint32_t cp, tn_ssize_t n);  /* cp n times (n <= 0: none) */
int tn_strw_put_substr(TnStrWriter *w, TnObject *s, tn_ssize_t start, tn_ssize_t end);  /* s[start:end] */
TnObject *tn_strw_finish(TnStrWriter *w);                         /* new str; writer reset */
void tn_strw_discard(TnStrWriter *w);

/* ---- shared by the str implementation files (str*.c, format.c) -------- */

/* Store code point cp at index i of a fresh string (kind must fit cp). */
static inline void tn_str_write(TnObject *op, tn_ssize_t i, uint32_t cp)
{
    TnStr *s = (TnStr *)op;
    switch (s->kind) {
    case 1: ((uint8_t *)(s + 1))[i] = (uint8_t)cp; break;
    case 2: ((uint16_t *)(s + 1))[i] = (uint16_t)cp; break;
    default: ((uint32_t *)(s + 1))[i] = cp; break;
    }
}
static inline int tn_str_kind(const TnObject *op) { return ((const TnStr *)op)->kind; }
/* The largest code point of s (0 for the empty string). */
uint32_t tn_str_max_char(TnObject *s);
/* A string from n code units of the given kind (1, 2 or 4); the result has
 * the canonical (smallest) kind.  New ref or NULL. */
TnObject *tn_str_from_kind_data(int kind, const void *data, tn_ssize_t n);
/* Return s, or an exact-str copy of it when s is a subclass instance. */
TnObject *tn_str_exact_ref(TnObject *s);
/* Find needle in hay[start:end] (forward, or backward when reverse).
 * Returns the index or -1. */
tn_ssize_t tn_str_find_sub(TnObject *hay, TnObject *needle, tn_ssize_t start,
                           tn_ssize_t end, int reverse);
/* str.format(*args, **kwargs) core: kwargs is NULL or a mapping.  args ==
 * NULL with nargs < 0 means format_map (positional fields are an error). */
TnObject *tn_str_format_impl(TnObject *fmt, TnObject *const *args, tn_ssize_t nargs,
                             TnObject *kwargs);
/* printf-style formatting, fmt % args (CPython's PyUnicode_Format): args is
 * a tuple, a mapping (for %(key)s) or a single value. */
TnObject *tn_str_printf(TnObject *fmt, TnObject *args);
/* Type objects of the str iterators. */
extern TnType tn_type_str_iterator, tn_type_str_ascii_iterator;
/* str.method table (str_methods.c). */
extern const TnMethodDef tn_str_methods[];
/* Format mini-language entry points (format.c).  spec is a str. */
TnObject *tn_format_int(TnObject *v, TnObject *spec);
TnObject *tn_format_float(TnObject *v, TnObject *spec);
TnObject *tn_format_str(TnObject *v, TnObject *spec);

/* ---- Unicode character database (str_unicode.c, generated) ------------- */
#define TN_UC_ALPHA          0x0001
#define TN_UC_DECIMAL        0x0002
#define TN_UC_DIGIT          0x0004
#define TN_UC_NUMERIC        0x0008
#define TN_UC_SPACE          0x0010
#define TN_UC_PRINTABLE      0x0020
#define TN_UC_XID_START      0x0040
#define TN_UC_XID_CONTINUE   0x0080
#define TN_UC_UPPER          0x0100
#define TN_UC_LOWER          0x0200
#define TN_UC_TITLE          0x0400
#define TN_UC_CASED          0x0800
#define TN_UC_CASE_IGNORABLE 0x1000
#define TN_UC_LINEBREAK      0x2000
unsigned tn_unicode_flags(uint32_t cp);
int tn_unicode_decimal(uint32_t cp);      /* 0..9 or -1 */
int tn_unicode_digit(uint32_t cp);        /* 0..9 or -1 */
/* which: 0 upper, 1 lower, 2 title, 3 casefold.  Fills 1..3 code points. */
int tn_unicode_case_map(uint32_t cp, int which, uint32_t out[3]);
static inline bool tn_unicode_isspace(uint32_t cp)
{
    if (cp < 128)
        return cp == ' ' || (cp >= 0x09 && cp <= 0x0d) || (cp >= 0x1c && cp <= 0x1f);
    return (tn_unicode_flags(cp) & TN_UC_SPACE) != 0;
}

#endif
