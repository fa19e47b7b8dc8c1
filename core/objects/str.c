/* core/objects/str.c — str: construction, UTF-8, hashing, comparison,
 * interning, repr, and the type's slots.
 *
 * Representation invariants (see str.h): a string's kind is always the
 * smallest that holds its largest code point (canonical form), so two equal
 * strings have the same kind and compare with memcmp.  `ascii` is set iff
 * every code point is < 128; then `utf8` points at the data itself.  The
 * code units are followed by one NUL unit.
 *
 * Shared immortal strings: the empty string and the 256 one-character
 * strings of Latin-1 are static objects (tn_str_init_types fills them).
 * Interned strings are immortal and live in tn_interp()->interned.
 *
 * The methods live in str_methods.c, the incremental writer in
 * str_writer.c, the Unicode database in str_unicode.c and the format
 * mini-language in format.c.
 */
#include "core/tn.h"
#include "core/objects/codecs.h"

#include <stdio.h>

/* ---- static singletons --------------------------------------------------- */

typedef struct StaticStr {
    TnStr s;
    uint8_t data[4];
} StaticStr;

static StaticStr empty_str = {
    .s = {.ob = TN_STATIC_OBJECT_HEAD(&tn_type_str), .length = 0, .hash = -1,
          .kind = 1, .ascii = 1, .interned = 0, .utf8 = (char *)empty_str.data,
          .utf8_length = 0},
};

static StaticStr latin1_chars[256] = {
    [0 ... 255] = {.s = {.ob = TN_STATIC_OBJECT_HEAD(&tn_type_str), .length = 1,
                         .hash = -1, .kind = 1}},
};

static void init_latin1_chars(void)
{
    for (int i = 0; i < 256; i++) {
        StaticStr *c = &latin1_chars[i];
        c->data[0] = (uint8_t)i;
        c->data[1] = 0;
        c->s.ascii = i < 128;
        c->s.utf8 = i < 128 ? (char *)c->data : NULL;
        c->s.utf8_length = i < 128 ? 1 : 0;
    }
}

static TnObject *empty_ref(void) { return TN_OBJ(&empty_str); }

/* ---- allocation ---------------------------------------------------------- */

static int kind_for(uint32_t maxchar)
{
    return maxchar < 256 ? 1 : maxchar < 65536 ? 2 : 4;
}

/* A new, uninitialised string of type `type`: length code points of the
 * kind that holds maxchar.  New ref or NULL (MemoryError). */
static TnObject *str_alloc(TnType *type, tn_ssize_t length, uint32_t maxchar)
{
    int kind = kind_for(maxchar);
    size_t units, bytes, total;
    if (length < 0 || __builtin_add_overflow((size_t)length, (size_t)1, &units)
        || tn_mem_mul(units, (size_t)kind, &bytes)
        || __builtin_add_overflow(bytes, (size_t)type->basicsize, &total)   /* subclasses: + their fields */
        || total > TN_MEM_MAX_REQUEST)
        return tn_err_no_memory();
    TnStr *s = (TnStr *)tn_object_new(type, total);
    if (s == NULL)
        return NULL;
    s->length = length;
    s->hash = -1;
    s->kind = (uint8_t)kind;
    s->ascii = maxchar < 128;
    s->interned = 0;
    s->utf8 = s->ascii ? (char *)(s + 1) : NULL;
    s->utf8_length = s->ascii ? length : 0;
    /* tn_object_new zeroes the memory, so the NUL terminator is there. */
    return TN_OBJ(s);
}

TnObject *tn_str_new(tn_ssize_t length, uint32_t maxchar)
{
    if (length == 0)
        return empty_ref();
    return str_alloc(&tn_type_str, length, maxchar);
}

TnObject *tn_str_from_char(uint32_t cp)
{
    if (cp < 256)
        return TN_OBJ(&latin1_chars[cp]);
    TnObject *s = str_alloc(&tn_type_str, 1, cp);
    if (s != NULL)
        tn_str_write(s, 0, cp);
    return s;
}

static uint32_t max_char_of(int kind, const void *data, tn_ssize_t n)
{
    uint32_t m = 0;
    switch (kind) {
    case 1:
        for (tn_ssize_t i = 0; i < n; i++)
            if (((const uint8_t *)data)[i] > m)
                m = ((const uint8_t *)data)[i];
        break;
    case 2:
        for (tn_ssize_t i = 0; i < n; i++)
            if (((const uint16_t *)data)[i] > m)
                m = ((const uint16_t *)data)[i];
        break;
    default:
        for (tn_ssize_t i = 0; i < n; i++)
            if (((const uint32_t *)data)[i] > m)
                m = ((const uint32_t *)data)[i];
        break;
    }
    return m;
}

uint32_t tn_str_max_char(TnObject *s)
{
    const TnStr *st = (const TnStr *)s;
    if (st->ascii)
        return max_char_of(1, tn_str_data(s), st->length);
    return max_char_of(st->kind, tn_str_data(s), st->length);
}

static inline uint32_t read_unit(int kind, const void *data, tn_ssize_t i)
{
    switch (kind) {
    case 1: return ((const uint8_t *)data)[i];
    case 2: return ((const uint16_t *)data)[i];
    default: return ((const uint32_t *)data)[i];
    }
}

TnObject *tn_str_from_kind_data(int kind, const void *data, tn_ssize_t n)
{
    if (n == 0)
        return empty_ref();
    uint32_t maxchar = max_char_of(kind, data, n);
    if (n == 1 && maxchar < 256)
        return tn_str_from_char(maxchar);
    TnObject *s = str_alloc(&tn_type_str, n, maxchar);
    if (s == NULL)
        return NULL;
    if (tn_str_kind(s) == kind) {
        memcpy(tn_str_data(s), data, (size_t)n * (size_t)kind);
    } else {
        for (tn_ssize_t i = 0; i < n; i++)
            tn_str_write(s, i, read_unit(kind, data, i));
    }
    return s;
}

TnObject *tn_str_from_codepoints(const uint32_t *cps, tn_ssize_t n)
{
    for (tn_ssize_t i = 0; i < n; i++)
        if (cps[i] > 0x10ffff)
            return tn_err_format(&tn_exc_ValueError, "chr() arg not in range(0x110000)");
    return tn_str_from_kind_data(4, cps, n);
}

TnObject *tn_str_substring(TnObject *s, tn_ssize_t start, tn_ssize_t end)
{
    tn_ssize_t len = tn_str_length(s);
    if (start < 0)
        start = 0;
    if (end > len)
        end = len;
    if (start >= end)
        return empty_ref();
    if (start == 0 && end == len && tn_str_check_exact(s))
        return tn_newref(s);
    int kind = tn_str_kind(s);
    return tn_str_from_kind_data(kind, (const char *)tn_str_data(s) + (size_t)start * (size_t)kind,
                                 end - start);
}

TnObject *tn_str_exact_ref(TnObject *s)
{
    if (tn_str_check_exact(s))
        return tn_newref(s);
    return tn_str_from_kind_data(tn_str_kind(s), tn_str_data(s), tn_str_length(s));
}

TnObject *tn_str_concat(TnObject *a, TnObject *b)
{
    tn_ssize_t la = tn_str_length(a), lb = tn_str_length(b);
    if (lb == 0 && tn_str_check_exact(a))
        return tn_newref(a);
    if (la == 0 && tn_str_check_exact(b))
        return tn_newref(b);
    if (la > INTPTR_MAX / 4 - lb)
        return tn_err_no_memory();
    uint32_t ma = tn_str_max_char(a), mb = tn_str_max_char(b);
    uint32_t m = ma > mb ? ma : mb;
    TnObject *r = str_alloc(&tn_type_str, la + lb, m);
    if (r == NULL)
        return NULL;
    int ka = tn_str_kind(a), kb = tn_str_kind(b), kr = tn_str_kind(r);
    if (ka == kr)
        memcpy(tn_str_data(r), tn_str_data(a), (size_t)la * (size_t)kr);
    else
        for (tn_ssize_t i = 0; i < la; i++)
            tn_str_write(r, i, tn_str_read(a, i));
    if (kb == kr)
        memcpy((char *)tn_str_data(r) + (size_t)la * (size_t)kr, tn_str_data(b), (size_t)lb * (size_t)kr);
    else
        for (tn_ssize_t i = 0; i < lb; i++)
            tn_str_write(r, la + i, tn_str_read(b, i));
    return r;
}

/* ---- UTF-8 ---------------------------------------------------------------- */

/* Raise CPython's UnicodeDecodeError for bytes [start, end) of s[0:n]. */
static void utf8_decode_error(const unsigned char *s, tn_ssize_t n, tn_ssize_t start, tn_ssize_t end,
                              const char *reason)
{
    tn_codec_raise_decode_error("utf-8", (const char *)s, n, start, end, reason);
}

/* Decode one sequence at s[i] (i < n).  Returns its length (1..4) with *cp
 * set, or 0 after raising UnicodeDecodeError. */
static int utf8_decode_one(const unsigned char *s, tn_ssize_t n, tn_ssize_t i, uint32_t *cp)
{
    unsigned c = s[i];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int need;
    unsigned lo = 0x80, hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) {
        need = 1;
        *cp = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
        need = 2;
        *cp = c & 0x0f;
        if (c == 0xe0)
            lo = 0xa0;
        else if (c == 0xed)
            hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
        need = 3;
        *cp = c & 0x07;
        if (c == 0xf0)
            lo = 0x90;
        else if (c == 0xf4)
            hi = 0x8f;
    } else {
        utf8_decode_error(s, n, i, i + 1, "invalid start byte");
        return 0;
    }
    for (int k = 1; k <= need; k++) {
        if (i + k >= n) {
            utf8_decode_error(s, n, i, n, "unexpected end of data");
            return 0;
        }
        unsigned b = s[i + k];
        unsigned blo = k == 1 ? lo : 0x80, bhi = k == 1 ? hi : 0xbf;
        if (b < blo || b > bhi) {
            utf8_decode_error(s, n, i, i + k, "invalid continuation byte");
            return 0;
        }
        *cp = (*cp << 6) | (b & 0x3f);
    }
    return need + 1;
}

TnObject *tn_str_from_utf8(const char *str, tn_ssize_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    tn_ssize_t count = 0;
    uint32_t maxchar = 0;
    tn_ssize_t i = 0;
    while (i < len) {
        if (s[i] < 0x80) {
            if (s[i] > maxchar)
                maxchar = s[i];
            i++;
            count++;
            continue;
        }
        uint32_t cp;
        int k = utf8_decode_one(s, len, i, &cp);
        if (k == 0)
            return NULL;
        if (cp > maxchar)
            maxchar = cp;
        i += k;
        count++;
    }
    if (count == 0)
        return empty_ref();
    if (count == 1 && maxchar < 256)
        return tn_str_from_char(maxchar);
    TnObject *r = str_alloc(&tn_type_str, count, maxchar);
    if (r == NULL)
        return NULL;
    if (maxchar < 128) {
        memcpy(tn_str_data(r), s, (size_t)len);
        return r;
    }
    tn_ssize_t j = 0;
    for (i = 0; i < len; j++) {
        uint32_t cp;
        int k = utf8_decode_one(s, len, i, &cp);
        tn_str_write(r, j, cp);
        i += k;
    }
    return r;
}

TnObject *tn_str_from_cstr(const char *s)
{
    return tn_str_from_utf8(s, (tn_ssize_t)strlen(s));
}

/* Append the UTF-8 form of cp (surrogates encoded as 3 bytes) to out;
 * returns the number of bytes. */
static int utf8_put(char *out, uint32_t cp)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xc0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xe0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        out[2] = (char)(0x80 | (cp & 0x3f));
        return 3;
    }
    out[0] = (char)(0xf0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
    out[3] = (char)(0x80 | (cp & 0x3f));
    return 4;
}

const char *tn_str_utf8(TnObject *op, tn_ssize_t *lenp)
{
    TnStr *s = (TnStr *)op;
    char *cached = tn_atomic_load_ptr_acquire((void *const *)&s->utf8);
    if (cached != NULL) {
        if (lenp != NULL)
            *lenp = s->ascii ? s->length : s->utf8_length;
        return cached;
    }
    size_t cap;
    if (tn_mem_mul((size_t)s->length, 4, &cap))
        return (const char *)tn_err_no_memory();
    char *buf = tn_mem_alloc(cap + 1);
    if (buf == NULL)
        return (const char *)tn_err_no_memory();
    size_t n = 0;
    for (tn_ssize_t i = 0; i < s->length; i++) {
        uint32_t cp = tn_str_read(op, i);
        if (cp >= 0xd800 && cp <= 0xdfff) {
            tn_mem_free(buf);
            tn_codec_raise_encode_error("utf-8", op, i, i + 1, "surrogates not allowed");
            return NULL;
        }
        n += (size_t)utf8_put(buf + n, cp);
    }
    buf[n] = '\0';
    /* Publish: the length first, then the pointer (release).  A thread that
     * loses the race frees its copy and uses the winner's. */
    s->utf8_length = (tn_ssize_t)n;
    if (!tn_atomic_cas_ptr((void **)&s->utf8, NULL, buf)) {
        tn_mem_free(buf);
        buf = tn_atomic_load_ptr_acquire((void *const *)&s->utf8);
    }
    if (lenp != NULL)
        *lenp = s->utf8_length;
    return buf;
}

/* ---- hashing and comparison ---------------------------------------------- */

/* FNV-1a over whole code points (so the hash does not depend on the kind),
 * finished with MurmurHash3's fmix64 so that the low bits used by dict
 * indexing depend on every input bit.  Deterministic (fixed seed). */
static tn_hash_t compute_hash(TnObject *s)
{
    uint64_t h = 0xcbf29ce484222325ULL ^ (uint64_t)tn_str_length(s);
    tn_ssize_t n = tn_str_length(s);
    int kind = tn_str_kind(s);
    const void *d = tn_str_data(s);
    for (tn_ssize_t i = 0; i < n; i++) {
        h ^= read_unit(kind, d, i);
        h *= 0x100000001b3ULL;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    tn_hash_t r = (tn_hash_t)h;
    return r == -1 ? -2 : r;
}

tn_hash_t tn_str_hash(TnObject *op)
{
    TnStr *s = (TnStr *)op;
    tn_hash_t h = tn_atomic_load_intptr_relaxed(&s->hash);
    if (h != -1)
        return h;
    h = compute_hash(op);
    tn_atomic_store_intptr_relaxed(&s->hash, h);
    return h;
}

bool tn_str_eq(TnObject *a, TnObject *b)
{
    if (a == b)
        return true;
    tn_ssize_t n = tn_str_length(a);
    if (n != tn_str_length(b))
        return false;
    int ka = tn_str_kind(a);
    if (ka == tn_str_kind(b))
        return memcmp(tn_str_data(a), tn_str_data(b), (size_t)n * (size_t)ka) == 0;
    for (tn_ssize_t i = 0; i < n; i++)
        if (tn_str_read(a, i) != tn_str_read(b, i))
            return false;
    return true;
}

bool tn_str_eq_cstr(TnObject *a, const char *s)
{
    const TnStr *st = (const TnStr *)a;
    if (st->ascii) {
        size_t sl = strlen(s);
        return (size_t)st->length == sl && memcmp(tn_str_data(a), s, sl) == 0;
    }
    tn_ssize_t len = 0;
    const char *u = tn_str_utf8(a, &len);
    if (u == NULL) {
        tn_err_clear();
        return false;
    }
    return (size_t)len == strlen(s) && memcmp(u, s, (size_t)len) == 0;
}

int tn_str_compare(TnObject *a, TnObject *b)
{
    if (a == b)
        return 0;
    tn_ssize_t la = tn_str_length(a), lb = tn_str_length(b);
    tn_ssize_t n = la < lb ? la : lb;
    if (tn_str_kind(a) == 1 && tn_str_kind(b) == 1) {
        int c = memcmp(tn_str_data(a), tn_str_data(b), (size_t)n);
        if (c != 0)
            return c < 0 ? -1 : 1;
    } else {
        for (tn_ssize_t i = 0; i < n; i++) {
            uint32_t ca = tn_str_read(a, i), cb = tn_str_read(b, i);
            if (ca != cb)
                return ca < cb ? -1 : 1;
        }
    }
    return la < lb ? -1 : la > lb ? 1 : 0;
}

/* ---- interning ------------------------------------------------------------ */

/* Needs the table's critical section.  Returns the canonical string (new
 * ref; s_steal consumed) or NULL with an error (s_steal still owned). */
static TnObject *intern_lock_held(TnObject *table, TnObject *s_steal)
{
    tn_critical_section_assert_held(table);
    TnObject *found = NULL;
    int r = tn_dict_get_item_ref(table, s_steal, &found);
    if (r < 0)
        return NULL;
    if (r > 0) {
        tn_decref(s_steal);
        return found;
    }
    if (tn_dict_set_item(table, s_steal, s_steal) < 0)
        return NULL;
    tn_set_immortal(s_steal);
    /* Atomic: lookups in other threads test the flag without a lock. */
    tn_atomic_store_u8(&((TnStr *)s_steal)->interned, 1);
    return s_steal;
}

TnObject *tn_str_intern_steal(TnObject *s)
{
    if (s == NULL || !tn_str_check_exact(s) || tn_str_is_interned(s))
        return s;
    TnThreadState *ts = tn_tstate();
    TnObject *table = ts != NULL && ts->interp != NULL ? ts->interp->interned : NULL;
    if (table == NULL)
        return s;   /* before the runtime is up: not interned, still correct */
    tn_str_hash(s);
    TnObject *r;
    TN_BEGIN_CRITICAL_SECTION(table);
    r = intern_lock_held(table, s);
    TN_END_CRITICAL_SECTION();
    if (r == NULL) {
        /* As CPython: failing to intern is not an error; s stays usable. */
        tn_err_clear();
        return s;
    }
    return r;
}

/* C code names attributes with string literals ("__add__") on hot paths:
 * a per-thread cache keyed by the literal's address skips building and
 * hashing a str each time.  The content is compared too, so a key that is
 * not a literal (a reused buffer) can never return the wrong string;
 * interned strings are immortal, so the cached pointer stays valid. */
/* The interned string equal to ASCII text cs, looked up without allocating
 * (the key is a temporary on the stack), or NULL.  So that a name C code
 * uses, once interned, is found again even when memory has run out: many
 * callers (the slot machinery) have no way to report a failure. */
static TnObject *intern_find_ascii(const char *cs)
{
    TnThreadState *ts = tn_tstate();
    TnObject *table = ts != NULL && ts->interp != NULL ? ts->interp->interned : NULL;
    struct {
        TnStr s;
        char data[64];   /* the code units follow the header, as in a heap str */
    } key;
    size_t n = strlen(cs);
    if (table == NULL || n >= sizeof key.data)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)cs[i] >= 128)
            return NULL;
    memset(&key, 0, sizeof key);
    tn_object_init(TN_OBJ(&key.s), &tn_type_str);
    key.s.length = (tn_ssize_t)n;
    key.s.hash = -1;
    key.s.kind = 1;
    key.s.ascii = 1;
    key.s.utf8 = key.data;
    key.s.utf8_length = (tn_ssize_t)n;
    memcpy(key.data, cs, n);
    return tn_dict_get_str_borrowed(table, TN_OBJ(&key.s));
}

TnObject *tn_str_intern_cstr(const char *cs)
{
    TnThreadState *ts = tn_tstate();
    struct TnInternCacheEntry *e = NULL;
    if (ts != NULL) {
        e = &ts->intern_cache[((uintptr_t)cs >> 3) & (TN_INTERN_CACHE_SIZE - 1)];
        if (e->key == cs && e->str != NULL && strcmp(tn_str_utf8(e->str, NULL), cs) == 0)
            return e->str;
    }
    TnObject *s = intern_find_ascii(cs);
    if (s != NULL) {
        if (e != NULL) {
            e->key = cs;
            e->str = s;
        }
        return s;
    }
    s = tn_str_from_cstr(cs);
    if (s == NULL)
        return NULL;
    s = tn_str_intern_steal(s);
    if (e != NULL && s != NULL && tn_is_immortal(s)) {
        e->key = cs;
        e->str = s;
    }
    return s;
}

/* ---- repr ----------------------------------------------------------------- */

static bool is_printable(uint32_t cp)
{
    if (cp < 128)
        return cp >= 0x20 && cp < 0x7f;
    return (tn_unicode_flags(cp) & TN_UC_PRINTABLE) != 0;
}

/* Append the escaped form of cp (inside quotes `quote`) to w. */
static int repr_put_char(TnStrWriter *w, uint32_t cp, uint32_t quote)
{
    char buf[16];
    if (cp == quote || cp == '\\') {
        buf[0] = '\\';
        buf[1] = (char)cp;
        return tn_strw_putn(w, buf, 2);
    }
    switch (cp) {
    case '\n': return tn_strw_putn(w, "\\n", 2);
    case '\r': return tn_strw_putn(w, "\\r", 2);
    case '\t': return tn_strw_putn(w, "\\t", 2);
    default: break;
    }
    if (is_printable(cp))
        return tn_strw_putc(w, cp);
    if (cp < 0x100)
        snprintf(buf, sizeof buf, "\\x%02x", (unsigned)cp);
    else if (cp < 0x10000)
        snprintf(buf, sizeof buf, "\\u%04x", (unsigned)cp);
    else
        snprintf(buf, sizeof buf, "\\U%08x", (unsigned)cp);
    return tn_strw_puts(w, buf);
}

TnObject *tn_str_repr(TnObject *s)
{
    tn_ssize_t n = tn_str_length(s);
    bool has_single = false, has_double = false;
    for (tn_ssize_t i = 0; i < n; i++) {
        uint32_t c = tn_str_read(s, i);
        if (c == '\'')
            has_single = true;
        else if (c == '"')
            has_double = true;
    }
    uint32_t quote = (has_single && !has_double) ? '"' : '\'';
    TnStrWriter w;
    tn_strw_init(&w);
    if (tn_strw_putc(&w, quote) < 0)
        goto error;
    for (tn_ssize_t i = 0; i < n; i++)
        if (repr_put_char(&w, tn_str_read(s, i), quote) < 0)
            goto error;
    if (tn_strw_putc(&w, quote) < 0)
        goto error;
    return tn_strw_finish(&w);
error:
    tn_strw_discard(&w);
    return NULL;
}

/* ---- join ----------------------------------------------------------------- */

/* Join the n str items with sep (all borrowed, already type-checked). */
static TnObject *join_items(TnObject *sep, TnObject *const *items, tn_ssize_t n)
{
    if (n == 0)
        return empty_ref();
    if (n == 1 && tn_str_check_exact(items[0]))
        return tn_newref(items[0]);
    tn_ssize_t seplen = tn_str_length(sep), total = 0;
    uint32_t maxchar = n > 1 ? tn_str_max_char(sep) : 0;
    for (tn_ssize_t i = 0; i < n; i++) {
        tn_ssize_t l = tn_str_length(items[i]);
        if (total > INTPTR_MAX / 4 - l - seplen)
            return tn_err_format(&tn_exc_OverflowError, "join() result is too long for a Python string");
        total += l + (i > 0 ? seplen : 0);
        uint32_t m = tn_str_max_char(items[i]);
        if (m > maxchar)
            maxchar = m;
    }
    TnObject *r = str_alloc(&tn_type_str, total, maxchar);
    if (r == NULL)
        return NULL;
    int kr = tn_str_kind(r);
    char *out = tn_str_data(r);
    tn_ssize_t pos = 0;
    for (tn_ssize_t i = 0; i < n; i++) {
        if (i > 0 && seplen > 0) {
            if (tn_str_kind(sep) == kr)
                memcpy(out + (size_t)pos * (size_t)kr, tn_str_data(sep), (size_t)seplen * (size_t)kr);
            else
                for (tn_ssize_t k = 0; k < seplen; k++)
                    tn_str_write(r, pos + k, tn_str_read(sep, k));
            pos += seplen;
        }
        TnObject *it = items[i];
        tn_ssize_t l = tn_str_length(it);
        if (tn_str_kind(it) == kr)
            memcpy(out + (size_t)pos * (size_t)kr, tn_str_data(it), (size_t)l * (size_t)kr);
        else
            for (tn_ssize_t k = 0; k < l; k++)
                tn_str_write(r, pos + k, tn_str_read(it, k));
        pos += l;
    }
    return r;
}

static int join_check_items(TnObject *const *items, tn_ssize_t n)
{
    for (tn_ssize_t i = 0; i < n; i++) {
        if (!tn_str_check(items[i])) {
            tn_err_format(&tn_exc_TypeError, "sequence item %zd: expected str instance, %T found",
                          i, items[i]);
            return -1;
        }
    }
    return 0;
}

TnObject *tn_str_join(TnObject *sep, TnObject *iterable)
{
    if (tn_tuple_check(iterable)) {
        if (join_check_items(tn_tuple_items(iterable), tn_tuple_size(iterable)) < 0)
            return NULL;
        return join_items(sep, tn_tuple_items(iterable), tn_tuple_size(iterable));
    }
    /* Anything else (lists included: they may change under us) is first
     * snapshotted into a tuple. */
    TnObject *it = tn_object_get_iter(iterable);
    if (it == NULL) {
        if (tn_err_matches(&tn_exc_TypeError)) {
            tn_err_clear();
            tn_err_set_str(&tn_exc_TypeError, "can only join an iterable");
        }
        return NULL;
    }
    TnObject *tup = tn_tuple_from_iterable(it);
    tn_decref(it);
    if (tup == NULL)
        return NULL;
    TnObject *r = NULL;
    if (join_check_items(tn_tuple_items(tup), tn_tuple_size(tup)) == 0)
        r = join_items(sep, tn_tuple_items(tup), tn_tuple_size(tup));
    tn_decref(tup);
    return r;
}

/* ---- tn_str_from_format ---------------------------------------------------- */

typedef struct FmtSpec {
    int left, zero;
    long width, prec;
    int lmod;          /* 0, 'l', 'L' (ll), 'z' */
} FmtSpec;

/* Append s (a str) truncated to prec code points and padded to width. */
static int put_str_spec(TnStrWriter *w, TnObject *s, const FmtSpec *sp)
{
    tn_ssize_t n = tn_str_length(s);
    if (sp->prec >= 0 && n > sp->prec)
        n = sp->prec;
    for (tn_ssize_t i = n; !sp->left && i < sp->width; i++)
        if (tn_strw_putc(w, ' ') < 0)
            return -1;
    if (n == tn_str_length(s)) {
        if (tn_strw_put_str(w, s) < 0)
            return -1;
    } else {
        for (tn_ssize_t i = 0; i < n; i++)
            if (tn_strw_putc(w, tn_str_read(s, i)) < 0)
                return -1;
    }
    for (tn_ssize_t i = n; sp->left && i < sp->width; i++)
        if (tn_strw_putc(w, ' ') < 0)
            return -1;
    return 0;
}

static int put_obj_spec(TnStrWriter *w, TnObject *s_steal, const FmtSpec *sp)
{
    if (s_steal == NULL)
        return -1;
    int r = put_str_spec(w, s_steal, sp);
    tn_decref(s_steal);
    return r;
}

static int put_number(TnStrWriter *w, char conv, const FmtSpec *sp, va_list *ap)
{
    char fmt[16], buf[64];
    char *f = fmt;
    *f++ = '%';
    if (sp->left)
        *f++ = '-';
    if (sp->zero)
        *f++ = '0';
    *f++ = '*';
    if (conv == 'x' || conv == 'u' || conv == 'd' || conv == 'i') {
        if (sp->lmod == 'l')
            *f++ = 'l';
        else if (sp->lmod == 'L') {
            *f++ = 'l';
            *f++ = 'l';
        } else if (sp->lmod == 'z')
            *f++ = 'z';
    }
    *f++ = conv;
    *f = '\0';
    int width = sp->width > 0 && sp->width < 40 ? (int)sp->width : 0;
    bool is_signed = conv == 'd' || conv == 'i';
    switch (sp->lmod) {
    case 'l':
        if (is_signed)
            snprintf(buf, sizeof buf, fmt, width, va_arg(*ap, long));
        else
            snprintf(buf, sizeof buf, fmt, width, va_arg(*ap, unsigned long));
        break;
    case 'L':
        if (is_signed)
            snprintf(buf, sizeof buf, fmt, width, va_arg(*ap, long long));
        else
            snprintf(buf, sizeof buf, fmt, width, va_arg(*ap, unsigned long long));
        break;
    case 'z':
        if (is_signed)
            snprintf(buf, sizeof buf, fmt, width, va_arg(*ap, tn_ssize_t));
        else
            snprintf(buf, sizeof buf, fmt, width, va_arg(*ap, size_t));
        break;
    default:
        if (is_signed)
            snprintf(buf, sizeof buf, fmt, width, va_arg(*ap, int));
        else
            snprintf(buf, sizeof buf, fmt, width, va_arg(*ap, unsigned int));
        break;
    }
    return tn_strw_puts(w, buf);
}

/* Parse the flags/width/precision/length of one directive at *pp (just
 * after the '%').  Leaves *pp on the conversion character. */
static void parse_fmt_spec(const char **pp, FmtSpec *sp)
{
    const char *p = *pp;
    sp->left = sp->zero = 0;
    sp->width = 0;
    sp->prec = -1;
    sp->lmod = 0;
    for (;; p++) {
        if (*p == '-')
            sp->left = 1;
        else if (*p == '0')
            sp->zero = 1;
        else
            break;
    }
    while (*p >= '0' && *p <= '9')
        sp->width = sp->width * 10 + (*p++ - '0');
    if (*p == '.') {
        p++;
        sp->prec = 0;
        while (*p >= '0' && *p <= '9')
            sp->prec = sp->prec * 10 + (*p++ - '0');
    }
    if (*p == 'l') {
        p++;
        sp->lmod = 'l';
        if (*p == 'l') {
            p++;
            sp->lmod = 'L';
        }
    } else if (*p == 'z') {
        p++;
        sp->lmod = 'z';
    }
    *pp = p;
}

/* One directive; returns 0 / -1. */
static int format_directive(TnStrWriter *w, const char **pp, va_list *ap)
{
    FmtSpec sp;
    parse_fmt_spec(pp, &sp);
    char conv = **pp;
    (*pp)++;
    switch (conv) {
    case '%':
        return tn_strw_putc(w, '%');
    case 'd': case 'i': case 'u': case 'x':
        return put_number(w, conv, &sp, ap);
    case 'c': {
        int cp = va_arg(*ap, int);
        if (cp < 0 || cp > 0x10ffff) {
            tn_err_set_str(&tn_exc_OverflowError, "character argument not in range(0x110000)");
            return -1;
        }
        return tn_strw_putc(w, (uint32_t)cp);
    }
    case 'p': {
        char buf[32];
        snprintf(buf, sizeof buf, "%p", va_arg(*ap, void *));
        if (buf[1] != 'x') {   /* glibc prints "0x..." already; normalise others */
            char b2[34];
            snprintf(b2, sizeof b2, "0x%s", buf);
            return tn_strw_puts(w, b2);
        }
        return tn_strw_puts(w, buf);
    }
    case 's': {
        const char *s = va_arg(*ap, const char *);
        if (s == NULL)
            s = "(null)";
        return put_obj_spec(w, tn_str_from_utf8(s, (tn_ssize_t)strlen(s)), &sp);
    }
    case 'U':
        return put_str_spec(w, va_arg(*ap, TnObject *), &sp);
    case 'R':
        return put_obj_spec(w, tn_object_repr(va_arg(*ap, TnObject *)), &sp);
    case 'S':
        return put_obj_spec(w, tn_object_str(va_arg(*ap, TnObject *)), &sp);
    case 'A':
        return put_obj_spec(w, tn_object_ascii(va_arg(*ap, TnObject *)), &sp);
    case 'T': {
        TnObject *o = va_arg(*ap, TnObject *);
        return put_obj_spec(w, tn_type_name_str(tn_type(o)), &sp);
    }
    default:
        tn_err_format(&tn_exc_SystemError, "invalid format string directive");
        return -1;
    }
}

TnObject *tn_str_from_formatv(const char *fmt, va_list ap_in)
{
    TnStrWriter w;
    va_list ap;
    va_copy(ap, ap_in);
    tn_strw_init(&w);
    const char *p = fmt;
    while (*p) {
        const char *q = p;
        while (*q && *q != '%')
            q++;
        if (q > p && tn_strw_putn(&w, p, q - p) < 0)
            goto error;
        p = q;
        if (*p == '%') {
            p++;
            if (format_directive(&w, &p, &ap) < 0)
                goto error;
        }
    }
    va_end(ap);
    return tn_strw_finish(&w);
error:
    va_end(ap);
    tn_strw_discard(&w);
    return NULL;
}

TnObject *tn_str_from_format(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    TnObject *r = tn_str_from_formatv(fmt, ap);
    va_end(ap);
    return r;
}

/* ---- slots ---------------------------------------------------------------- */

static void str_dealloc(TnObject *op)
{
    TnStr *s = (TnStr *)op;
    if (s->utf8 != NULL && s->utf8 != (char *)(s + 1))
        tn_mem_free(s->utf8);
    tn_object_free(op);
}

static TnObject *str_repr_slot(TnObject *s) { return tn_str_repr(s); }

static TnObject *str_str_slot(TnObject *s) { return tn_str_exact_ref(s); }

static tn_hash_t str_hash_slot(TnObject *s) { return tn_str_hash(s); }

static TnObject *str_richcompare(TnObject *a, TnObject *b, int op)
{
    if (!tn_str_check(a) || !tn_str_check(b))
        return tn_newref(TN_NOTIMPLEMENTED);
    int c;
    if (op == TN_EQ || op == TN_NE) {
        bool eq = tn_str_eq(a, b);
        return tn_bool_from(op == TN_EQ ? eq : !eq);
    }
    c = tn_str_compare(a, b);
    return tn_bool_from(TN_RICHCOMPARE(c, 0, op));
}

static tn_ssize_t str_length_slot(TnObject *s) { return tn_str_length(s); }

static TnObject *str_concat_slot(TnObject *a, TnObject *b)
{
    if (!tn_str_check(a))
        return tn_newref(TN_NOTIMPLEMENTED);
    if (!tn_str_check(b))
        return tn_err_format(&tn_exc_TypeError, "can only concatenate str (not \"%s\") to str",
                             tn_type_name(tn_type(b)));
    return tn_str_concat(a, b);
}

static TnObject *str_repeat_slot(TnObject *s, tn_ssize_t n)
{
    tn_ssize_t len = tn_str_length(s);
    if (n <= 0 || len == 0)
        return empty_ref();
    if (n == 1)
        return tn_str_exact_ref(s);
    /* CPython: a length past PY_SSIZE_T_MAX is an OverflowError, a length
     * that only cannot be allocated a MemoryError. */
    if (len > INTPTR_MAX / n)
        return tn_err_format(&tn_exc_OverflowError, "repeated string is too long");
    if (len > INTPTR_MAX / 4 / n)
        return tn_err_no_memory();
    uint32_t m = tn_str_max_char(s);
    TnObject *r = str_alloc(&tn_type_str, len * n, m);
    if (r == NULL)
        return NULL;
    int kind = tn_str_kind(r);
    size_t unit = (size_t)len * (size_t)kind;
    char *out = tn_str_data(r);
    if (tn_str_kind(s) == kind) {
        memcpy(out, tn_str_data(s), unit);
    } else {
        for (tn_ssize_t i = 0; i < len; i++)
            tn_str_write(r, i, tn_str_read(s, i));
    }
    /* Doubling copies: log(n) memcpy calls. */
    size_t done = unit, total = unit * (size_t)n;
    while (done < total) {
        size_t chunk = done < total - done ? done : total - done;
        memcpy(out + done, out, chunk);
        done += chunk;
    }
    return r;
}

static TnObject *str_item_slot(TnObject *s, tn_ssize_t i)
{
    tn_ssize_t n = tn_str_length(s);
    if (i < 0)
        i += n;
    if (i < 0 || i >= n)
        return tn_err_format(&tn_exc_IndexError, "string index out of range");
    return tn_str_from_char(tn_str_read(s, i));
}

static int str_contains_slot(TnObject *s, TnObject *sub)
{
    if (!tn_str_check(sub)) {
        tn_err_format(&tn_exc_TypeError, "'in <string>' requires string as left operand, not %s",
                      tn_type_name(tn_type(sub)));
        return -1;
    }
    return tn_str_find_sub(s, sub, 0, tn_str_length(s), 0) >= 0;
}

static TnObject *str_subscript(TnObject *s, TnObject *key)
{
    if (tn_slice_check(key)) {
        tn_ssize_t start, stop, step, slen;
        if (tn_slice_indices(key, tn_str_length(s), &start, &stop, &step, &slen) < 0)
            return NULL;
        if (slen <= 0)
            return empty_ref();
        if (step == 1)
            return tn_str_substring(s, start, start + slen);
        uint32_t m = 0;
        for (tn_ssize_t i = 0, p = start; i < slen; i++, p += step) {
            uint32_t c = tn_str_read(s, p);
            if (c > m)
                m = c;
        }
        if (slen == 1)
            return tn_str_from_char(tn_str_read(s, start));
        TnObject *r = str_alloc(&tn_type_str, slen, m);
        if (r == NULL)
            return NULL;
        for (tn_ssize_t i = 0, p = start; i < slen; i++, p += step)
            tn_str_write(r, i, tn_str_read(s, p));
        return r;
    }
    if (tn_int_check(key) || (tn_type(key)->as_number && tn_type(key)->as_number->index)) {
        tn_ssize_t i = tn_number_as_ssize(key, &tn_exc_IndexError);
        if (i == -1 && tn_err_occurred())
            return NULL;
        return str_item_slot(s, i);
    }
    return tn_err_format(&tn_exc_TypeError, "string indices must be integers, not '%s'",
                         tn_type_name(tn_type(key)));
}

/* ---- iterator ------------------------------------------------------------- */

typedef struct StrIter {
    TnObject ob;
    TnObject *str;     /* kept until dealloc, so concurrent next() calls never see it freed */
    tn_ssize_t index;  /* read and written atomically (relaxed) */
} StrIter;

static TnObject *str_iter_slot(TnObject *s)
{
    TnType *tp = ((TnStr *)s)->ascii ? &tn_type_str_ascii_iterator : &tn_type_str_iterator;
    StrIter *it = (StrIter *)tn_object_new(tp, sizeof(StrIter));
    if (it == NULL)
        return NULL;
    it->str = tn_newref(s);
    it->index = 0;
    return TN_OBJ(it);
}

static void str_iter_dealloc(TnObject *op)
{
    StrIter *it = (StrIter *)op;
    TN_CLEAR(it->str);
    tn_object_free(op);
}

/* Threads sharing one iterator (ft) may be handed the same character twice
 * but never crash: the string is immutable and stays alive, and the index
 * is read once per call. */
static TnObject *str_iter_next(TnObject *op)
{
    StrIter *it = (StrIter *)op;
    tn_ssize_t i = tn_atomic_load_intptr_relaxed(&it->index);
    if (i >= tn_str_length(it->str))
        return NULL;
    tn_atomic_store_intptr_relaxed(&it->index, i + 1);
    return tn_str_from_char(tn_str_read(it->str, i));
}

static TnObject *str_iter_self(TnObject *op) { return tn_newref(op); }

static TnObject *str_iter_length_hint(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                      TnObject *kwnames)
{
    (void)args;
    if (tn_args_no_kw("__length_hint__", kwnames) < 0 || tn_args_count("__length_hint__", nargs, 0, 0) < 0)
        return NULL;
    StrIter *it = (StrIter *)self;
    tn_ssize_t n = tn_str_length(it->str) - tn_atomic_load_intptr_relaxed(&it->index);
    return tn_int_from_ssize(n < 0 ? 0 : n);
}

static const TnMethodDef str_iter_methods[] = {
    {"__length_hint__", str_iter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- constructor ---------------------------------------------------------- */

/* A subclass instance holding s's code points. */
static TnObject *str_subtype_new(TnType *type, TnObject *s)
{
    tn_ssize_t n = tn_str_length(s);
    TnObject *r = str_alloc(type, n, tn_str_max_char(s));
    if (r == NULL)
        return NULL;
    for (tn_ssize_t i = 0; i < n; i++)
        tn_str_write(r, i, tn_str_read(s, i));
    return r;
}

static TnObject *str_new_slot(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"object", "encoding", "errors", NULL};
    TnObject *a[3] = {NULL, NULL, NULL};
    if (tn_args_parse("str", args, nargs, kwnames, names, 0, 0, a) < 0)
        return NULL;
    TnObject *s;
    if (a[1] != NULL || a[2] != NULL) {
        if (a[0] == NULL)
            s = empty_ref();
        else if ((s = tn_codec_decode_object(a[0], a[1], a[2])) == NULL)
            return NULL;
    } else if (a[0] == NULL) {
        s = empty_ref();
    } else {
        s = tn_object_str(a[0]);
        if (s == NULL)
            return NULL;
    }
    if (type == &tn_type_str)
        return s;
    TnObject *r = str_subtype_new(type, s);
    tn_decref(s);
    return r;
}

/* ---- init and type objects ----------------------------------------------- */

int tn_str_init_types(void)
{
    init_latin1_chars();
    return 0;
}

/* str % args */
static TnObject *str_mod(TnObject *a, TnObject *b)
{
    if (!tn_str_check(a))
        return tn_newref(TN_NOTIMPLEMENTED);
    return tn_str_printf(a, b);
}

static const TnNumberMethods str_as_number = {
    .remainder = str_mod,
};

static const TnSequenceMethods str_as_sequence = {
    .length = str_length_slot,
    .concat = str_concat_slot,
    .repeat = str_repeat_slot,
    .item = str_item_slot,
    .contains = str_contains_slot,
};

static const TnMappingMethods str_as_mapping = {
    .length = str_length_slot,
    .subscript = str_subscript,
};

TnType tn_type_str = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "str",
    .basicsize = sizeof(TnStr),
    .flags = TN_TPFLAGS_BASETYPE | TN_TPFLAGS_STR_SUBCLASS,
    .dealloc = str_dealloc,
    .repr = str_repr_slot,
    .str = str_str_slot,
    .hash = str_hash_slot,
    .richcompare = str_richcompare,
    .iter = str_iter_slot,
    .new_ = str_new_slot,
    .as_number = &str_as_number,
    .as_sequence = &str_as_sequence,
    .as_mapping = &str_as_mapping,
    .methods = tn_str_methods,
    .doc = "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str",
};

TnType tn_type_str_iterator = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "str_iterator",
    .basicsize = sizeof(StrIter),
    .dealloc = str_iter_dealloc,
    .iter = str_iter_self,
    .iternext = str_iter_next,
    .methods = str_iter_methods,
    .new_ = tn_type_new_not_allowed,
};

/* CPython 3.11 names the iterator of an ASCII string differently. */
TnType tn_type_str_ascii_iterator = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "str_ascii_iterator",
    .basicsize = sizeof(StrIter),
    .dealloc = str_iter_dealloc,
    .iter = str_iter_self,
    .iternext = str_iter_next,
    .methods = str_iter_methods,
    .new_ = tn_type_new_not_allowed,
};
