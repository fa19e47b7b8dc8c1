/* core/objects/bytes.c — bytes: construction, repr, hash, comparison, the
 * sequence protocol, the iterators, %-formatting, and the buffer helper. */
#include "core/tn.h"
#include "core/objects/memoryview.h"
#include "core/objects/codecs.h"
#include <stdio.h>

/* ---- byte buffer ------------------------------------------------------- */

/* Room for n more bytes (the length is unchanged).  0 / -1 MemoryError. */
int tn_bbuf_reserve(TnByteBuf *b, tn_ssize_t n)
{
    if (n <= 0)
        return 0;
    if (b->len > TN_BYTES_MAX - n) {
        tn_err_no_memory();
        return -1;
    }
    if (b->len + n > b->cap) {
        tn_ssize_t cap = b->cap ? b->cap : 32;
        while (cap < b->len + n)
            cap = cap > TN_BYTES_MAX / 2 ? b->len + n : cap * 2;
        char *nb = tn_mem_realloc(b->buf, (size_t)cap);
        if (nb == NULL) {
            tn_err_no_memory();
            return -1;
        }
        b->buf = nb;
        b->cap = cap;
    }
    return 0;
}

int tn_bbuf_put(TnByteBuf *b, const char *s, tn_ssize_t n)
{
    if (n <= 0)
        return 0;
    if (tn_bbuf_reserve(b, n) < 0)
        return -1;
    if (s != NULL)
        memcpy(b->buf + b->len, s, (size_t)n);
    else
        memset(b->buf + b->len, 0, (size_t)n);
    b->len += n;
    return 0;
}

/* Reserve o's length hint (64 when it has none): 0 / -1. */
int tn_bbuf_reserve_hint(TnByteBuf *b, TnObject *o)
{
    tn_ssize_t hint = tn_object_length_hint(o, 64);
    return hint < 0 ? -1 : tn_bbuf_reserve(b, hint);
}

int tn_bbuf_putc(TnByteBuf *b, int c)
{
    char ch = (char)c;
    return tn_bbuf_put(b, &ch, 1);
}

void tn_bbuf_free(TnByteBuf *b)
{
    tn_mem_free(b->buf);
    memset(b, 0, sizeof *b);
}

/* ---- construction ------------------------------------------------------ */


static TnObject *bytes_alloc(TnType *tp, tn_ssize_t n)
{
    /* tp->basicsize: a Python subclass keeps its fields after the bytes. */
    if (n < 0 || (size_t)n > (size_t)TN_BYTES_MAX - (size_t)tp->basicsize - 1)
        return tn_err_no_memory();
    TnBytes *b = (TnBytes *)tn_object_new(tp, (size_t)tp->basicsize + (size_t)n + 1);
    if (b == NULL)
        return NULL;
    b->size = n;
    b->hash = -1;
    return TN_OBJ(b);
}

TnObject *tn_bytes_from_data(const char *s, tn_ssize_t n)
{
    TnObject *b = bytes_alloc(&tn_type_bytes, n);
    if (b == NULL)
        return NULL;
    char *d = (char *)tn_bytes_data(b);
    if (s != NULL)
        memcpy(d, s, (size_t)n);
    else
        memset(d, 0, (size_t)n);
    d[n] = 0;
    return b;
}

TnObject *tn_bytes_new_like(TnObject *self, const char *s, tn_ssize_t n)
{
    if (tn_bytearray_check(self))
        return tn_bytearray_from_data(s, n);
    return tn_bytes_from_data(s, n);
}

int tn_bytes_like(TnObject *o, const char **data, tn_ssize_t *n)
{
    if (tn_bytes_check(o)) {
        *data = tn_bytes_data(o);
        *n = tn_bytes_size(o);
        return 1;
    }
    if (tn_bytearray_check(o)) {
        TnByteArray *ba = (TnByteArray *)o;
        *data = ba->data != NULL ? ba->data : "";
        *n = ba->size;
        return 1;
    }
    if (tn_memoryview_check(o))
        return tn_memoryview_data(o, data, n);
    return 0;
}

/* ---- views: reading the bytes of a bytes-like object ------------------- */

/* A bytearray's bytes may only be read inside its critical section: another
 * thread may resize (realloc) them at any moment.  Whether a view must copy
 * them out first: only while other threads can run bytecode concurrently
 * (the ft flavour past single-thread mode).  Under a GIL, and before a
 * second thread exists, nothing can resize the bytearray between the view
 * and its release unless the caller runs Python code or detaches meanwhile,
 * and those callers ask for a copy (tn_bytes_view_copy). */
static bool view_must_copy(void)
{
    return TN_FREE_THREADED && tn_critical_section_locking_enabled();
}

/* The object whose lock guards o's bytes: o itself for a bytearray, the
 * viewed bytearray for a memoryview of one; NULL when o's bytes cannot
 * change size (bytes, a view of bytes). */
static TnObject *mutable_owner(TnObject *o)
{
    if (tn_bytearray_check(o))
        return o;
    if (tn_memoryview_check(o)) {
        TnObject *base = tn_memoryview_base(o);
        if (base != NULL && tn_bytearray_check(base))
            return base;
    }
    return NULL;
}

static int view_copy_lock_held(TnObject *o, TnBytesView *v)
{
    const char *d;
    tn_ssize_t n;
    if (!tn_bytes_like(o, &d, &n))
        return 0;
    v->keep = tn_bytes_from_data(d, n);
    if (v->keep == NULL)
        return -1;
    v->d = tn_bytes_data(v->keep);
    v->n = n;
    return 1;
}

static int view_get(TnObject *o, TnBytesView *v, bool copy)
{
    v->d = "";
    v->n = 0;
    v->keep = NULL;
    TnObject *owner = mutable_owner(o);
    if (owner == NULL || !copy)
        return tn_bytes_like(o, &v->d, &v->n);
    int r;
    TN_BEGIN_CRITICAL_SECTION(owner);
    r = view_copy_lock_held(o, v);
    TN_END_CRITICAL_SECTION();
    return r;
}

int tn_bytes_view(TnObject *o, TnBytesView *v)
{
    return view_get(o, v, view_must_copy());
}

int tn_bytes_view_copy(TnObject *o, TnBytesView *v)
{
    return view_get(o, v, true);
}

void tn_bytes_view_release(TnBytesView *v)
{
    TN_CLEAR(v->keep);
    v->d = "";
    v->n = 0;
}

static int bbuf_put_bytes_like_lock_held(TnByteBuf *out, TnObject *o)
{
    const char *d;
    tn_ssize_t n;
    if (!tn_bytes_like(o, &d, &n))
        return 0;
    return tn_bbuf_put(out, d, n) < 0 ? -1 : 1;
}

/* Append o's bytes to out, read inside the critical section of the
 * bytearray that holds them (one copy, no view).  1 / 0 (not bytes-like,
 * no exception) / -1. */
int tn_bbuf_put_bytes_like(TnByteBuf *out, TnObject *o)
{
    TnObject *owner = mutable_owner(o);
    if (owner == NULL)
        return bbuf_put_bytes_like_lock_held(out, o);
    int r;
    TN_BEGIN_CRITICAL_SECTION(owner);
    r = bbuf_put_bytes_like_lock_held(out, o);
    TN_END_CRITICAL_SECTION();
    return r;
}

/* A bytes object with o's bytes (o itself when it is exactly bytes), taken
 * atomically. */
TnObject *tn_bytes_snapshot_ref(TnObject *o)
{
    if (tn_type_check_exact(o, &tn_type_bytes))
        return tn_newref(o);
    TnBytesView v;
    if (tn_bytes_view_copy(o, &v) <= 0)
        return NULL;
    if (v.keep != NULL)
        return v.keep;
    return tn_bytes_from_data(v.d, v.n);
}

int tn_bytes_byte_value(TnObject *o)
{
    tn_ssize_t v = tn_number_as_ssize(o, NULL);
    if (v == -1 && tn_err_occurred())
        return -1;
    if (v < 0 || v > 255) {
        tn_err_set_str(&tn_exc_ValueError, "byte must be in range(0, 256)");
        return -1;
    }
    return (int)v;
}

/* Fill out from one source object: an int count, a bytes-like object, or an
 * iterable of ints.  0 / -1. */
int tn_bytes_from_source(TnObject *src, TnByteBuf *out, int for_bytearray)
{
    tn_ssize_t n;
    int got = tn_bbuf_put_bytes_like(out, src);
    if (got != 0)
        return got < 0 ? -1 : 0;
    if (tn_slice_index_check(src)) {
        n = tn_number_as_ssize(src, &tn_exc_OverflowError);
        if (n == -1 && tn_err_occurred())
            return -1;
        if (n < 0) {
            tn_err_set_str(&tn_exc_ValueError, "negative count");
            return -1;
        }
        return tn_bbuf_put(out, NULL, n);
    }
    if (tn_str_check(src)) {
        tn_err_set_str(&tn_exc_TypeError, "string argument without an encoding");
        return -1;
    }
    TnObject *it = tn_object_get_iter(src);
    if (it == NULL) {
        if (tn_err_matches(&tn_exc_TypeError)) {
            tn_err_clear();
            tn_err_format(&tn_exc_TypeError, "cannot convert '%s' object to %s", tn_type_name(tn_type(src)),
                          for_bytearray ? "bytearray" : "bytes");
        }
        return -1;
    }
    /* bytes(iterable) reserves the length hint first, as CPython's
     * _PyBytes_FromIterator does: an impossible one is a MemoryError at once
     * instead of growing byte by byte.  bytearray(iterable) does not (nor
     * does CPython's); bytearray.extend reserves it itself. */
    if (!for_bytearray && tn_bbuf_reserve_hint(out, src) < 0) {
        tn_decref(it);
        return -1;
    }
    TnObject *item;
    while ((item = tn_iter_next(it)) != NULL) {
        tn_ssize_t v = tn_number_as_ssize(item, NULL);
        tn_decref(item);
        if (v == -1 && tn_err_occurred())
            goto error;
        if (v < 0 || v > 255) {
            tn_err_set_str(&tn_exc_ValueError, for_bytearray ? "byte must be in range(0, 256)"
                                                          : "bytes must be in range(0, 256)");
            goto error;
        }
        if (tn_bbuf_putc(out, (int)v) < 0)
            goto error;
    }
    if (tn_err_occurred())
        goto error;
    tn_decref(it);
    return 0;
error:
    tn_decref(it);
    return -1;
}

int tn_bytes_ctor_args(const char *fname, TnObject *const *args, tn_ssize_t nargs,
                       TnObject *kwnames, TnByteBuf *out)
{
    static const char *const names[] = {"source", "encoding", "errors", NULL};
    TnObject *a[3] = {NULL, NULL, NULL};
    if (tn_args_parse(fname, args, nargs, kwnames, names, 0, 0, a) < 0)
        return -1;
    if (a[1] != NULL || a[2] != NULL) {
        const char *enc, *errs;
        if (tn_codec_arg(fname, 1, a[1], "utf-8", &enc) < 0 ||
            tn_codec_arg(fname, 2, a[2], NULL, &errs) < 0)
            return -1;
        if (a[0] == NULL || !tn_str_check(a[0])) {
            tn_err_set_str(&tn_exc_TypeError, a[1] != NULL ? "encoding without a string argument"
                                                           : "errors without a string argument");
            return -1;
        }
        TnObject *b = tn_codec_encode(a[0], enc, errs);
        if (b == NULL)
            return -1;
        int r = tn_bbuf_put(out, tn_bytes_data(b), tn_bytes_size(b));
        tn_decref(b);
        return r;
    }
    if (a[0] == NULL)
        return 0;
    return tn_bytes_from_source(a[0], out, strcmp(fname, "bytearray") == 0);
}

/* bytes(x) for x with __bytes__: its result (which must be bytes), or
 * NotImplemented (borrowed) when x's type has none. */
static TnObject *bytes_from_dunder(TnObject *x)
{
    TnObject *meth = tn_type_lookup(tn_type(x), tn_str_intern_cstr("__bytes__"));
    if (meth == NULL)
        return TN_NOTIMPLEMENTED;
    TnObject *r = tn_call_method_cstr(x, "__bytes__", NULL, 0);
    if (r != NULL && !tn_bytes_check(r)) {
        tn_err_format(&tn_exc_TypeError, "__bytes__ returned non-bytes (type %T)", r);
        TN_CLEAR(r);
    }
    return r;
}

static TnObject *bytes_new_from_python(TnType *type, TnObject *const *args, tn_ssize_t nargs,
                                       TnObject *kwnames)
{
    if (type == &tn_type_bytes && nargs == 1 && kwnames == NULL && tn_type_check_exact(args[0], &tn_type_bytes))
        return tn_newref(args[0]);
    if (nargs == 1 && kwnames == NULL && !tn_type_check_exact(args[0], &tn_type_bytes)) {
        TnObject *conv = bytes_from_dunder(args[0]);
        if (conv != TN_NOTIMPLEMENTED) {
            if (conv == NULL || type == &tn_type_bytes)
                return conv;
            /* A subclass: an instance of it with the same bytes. */
            TnObject *r = bytes_alloc(type, tn_bytes_size(conv));
            if (r != NULL)
                memcpy((char *)tn_bytes_data(r), tn_bytes_data(conv), (size_t)tn_bytes_size(conv));
            tn_decref(conv);
            return r;
        }
    }
    TnByteBuf b = {0};
    if (tn_bytes_ctor_args("bytes", args, nargs, kwnames, &b) < 0) {
        tn_bbuf_free(&b);
        return NULL;
    }
    /* A Python subclass: same layout, its own fields after the bytes. */
    TnObject *r = bytes_alloc(type, b.len);
    if (r != NULL && b.len > 0)
        memcpy((char *)tn_bytes_data(r), b.buf, (size_t)b.len);
    tn_bbuf_free(&b);
    return r;
}

/* ---- repr, hash, comparison -------------------------------------------- */

TnObject *tn_bytes_repr_data(const char *s, tn_ssize_t n, const char *prefix, const char *suffix)
{
    int quote = '\'';
    if (memchr(s, '\'', (size_t)n) != NULL && memchr(s, '"', (size_t)n) == NULL)
        quote = '"';
    TnByteBuf b = {0};
    if (tn_bbuf_put(&b, prefix, (tn_ssize_t)strlen(prefix)) < 0 || tn_bbuf_putc(&b, 'b') < 0 ||
        tn_bbuf_putc(&b, quote) < 0)
        goto error;
    for (tn_ssize_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        char tmp[5];
        const char *e = tmp;
        tn_ssize_t k = 2;
        /* bytearray's repr (non-empty prefix) escapes ' even inside "...",
         * as CPython 3.11 does. */
        if (c == quote || c == '\\' || (c == '\'' && prefix[0] != 0)) {
            tmp[0] = '\\';
            tmp[1] = (char)c;
        } else if (c == '\t') {
            e = "\\t";
        } else if (c == '\n') {
            e = "\\n";
        } else if (c == '\r') {
            e = "\\r";
        } else if (c < ' ' || c >= 0x7f) {
            snprintf(tmp, sizeof tmp, "\\x%02x", c);
            k = 4;
        } else {
            tmp[0] = (char)c;
            k = 1;
        }
        if (tn_bbuf_put(&b, e, k) < 0)
            goto error;
    }
    if (tn_bbuf_putc(&b, quote) < 0 || tn_bbuf_put(&b, suffix, (tn_ssize_t)strlen(suffix)) < 0)
        goto error;
    TnObject *r = tn_str_from_utf8(b.buf, b.len);
    tn_bbuf_free(&b);
    return r;
error:
    tn_bbuf_free(&b);
    return NULL;
}

static TnObject *bytes_repr(TnObject *self)
{
    return tn_bytes_repr_data(tn_bytes_data(self), tn_bytes_size(self), "", "");
}

/* The same function as str's hash over 1-byte strings (core/objects/str.c):
 * FNV-1a seeded with the length, finished with fmix64. */
tn_hash_t tn_bytes_hash_data(const char *s, tn_ssize_t n)
{
    uint64_t h = 0xcbf29ce484222325ULL ^ (uint64_t)n;
    for (tn_ssize_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
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

static tn_hash_t bytes_hash(TnObject *self)
{
    TnBytes *b = (TnBytes *)self;
    tn_hash_t h = tn_atomic_load_intptr_relaxed(&b->hash);
    if (h != -1)
        return h;
    h = tn_bytes_hash_data(tn_bytes_data(self), b->size);
    tn_atomic_store_intptr_relaxed(&b->hash, h);
    return h;
}

/* Compare two byte strings (shared with bytearray and memoryview). */
TnObject *tn_bytes_compare_data(const char *a, tn_ssize_t na, const char *b, tn_ssize_t nb, int op)
{
    int c;
    if ((op == TN_EQ || op == TN_NE) && na != nb) {
        c = 1;
    } else {
        tn_ssize_t m = na < nb ? na : nb;
        c = m > 0 ? memcmp(a, b, (size_t)m) : 0;
        if (c == 0)
            c = na < nb ? -1 : na > nb ? 1 : 0;
    }
    return tn_newref(TN_RICHCOMPARE(c, 0, op) ? TN_TRUE : TN_FALSE);
}

static TnObject *bytes_richcompare(TnObject *a, TnObject *b, int op)
{
    if (!tn_bytes_check(b) && !tn_bytearray_check(b))
        return tn_newref(TN_NOTIMPLEMENTED);
    TnBytesView vb;
    if (tn_bytes_view(b, &vb) < 0)
        return NULL;
    TnObject *r = tn_bytes_compare_data(tn_bytes_data(a), tn_bytes_size(a), vb.d, vb.n, op);
    tn_bytes_view_release(&vb);
    return r;
}

/* ---- sequence protocol -------------------------------------------------- */

static tn_ssize_t bytes_length(TnObject *self) { return tn_bytes_size(self); }

/* a + b for two bytes-like objects: a new bytes made by make (bytes or
 * bytearray), each operand read atomically. */
TnObject *tn_bytes_concat_like(TnObject *a, TnObject *b, TnObject *(*make)(const char *, tn_ssize_t))
{
    TnBytesView va, vb;
    int ga = tn_bytes_view(a, &va);
    int gb = ga > 0 ? tn_bytes_view(b, &vb) : 0;
    TnObject *r = NULL;
    if (ga == 0 || (ga > 0 && gb == 0))
        tn_err_format(&tn_exc_TypeError, "can't concat %s to %s", tn_type_name(tn_type(b)), tn_type_name(tn_type(a)));
    else if (ga > 0 && gb > 0 && va.n > TN_BYTES_MAX - vb.n)
        tn_err_no_memory();
    else if (ga > 0 && gb > 0 && (r = make(NULL, va.n + vb.n)) != NULL) {
        const char *d;
        tn_ssize_t n;
        tn_bytes_like(r, &d, &n);
        memcpy((char *)d, va.d, (size_t)va.n);
        memcpy((char *)d + va.n, vb.d, (size_t)vb.n);
    }
    if (ga > 0)
        tn_bytes_view_release(&va);
    if (gb > 0)
        tn_bytes_view_release(&vb);
    return r;
}

static TnObject *bytes_concat(TnObject *a, TnObject *b)
{
    return tn_bytes_concat_like(a, b, tn_bytes_from_data);
}

/* data * n into a fresh object made by tn_bytes_new_like(self). */
TnObject *tn_bytes_repeat_data(TnObject *self, const char *d, tn_ssize_t len, tn_ssize_t n)
{
    if (n < 0)
        n = 0;
    /* CPython: bytes past PY_SSIZE_T_MAX overflow; a bytearray, or a size
     * that only cannot be allocated, is a MemoryError. */
    if (len > 0 && n > INTPTR_MAX / len && tn_bytes_check(self))
        return tn_err_format(&tn_exc_OverflowError, "repeated bytes are too long");
    if (len > 0 && n > TN_BYTES_MAX / len)
        return tn_err_no_memory();
    TnObject *r = tn_bytes_new_like(self, NULL, len * n);
    if (r == NULL)
        return NULL;
    const char *d2;
    tn_ssize_t n2;
    tn_bytes_like(r, &d2, &n2);
    if (n > 0 && len > 0) {
        memcpy((char *)d2, d, (size_t)len);
        tn_bytes_fill_repeat((char *)d2, len, n);
    }
    return r;
}

/* dst holds one copy of a len-byte pattern: make it n copies, doubling the
 * copied block each time (log2(n) memcpy calls; nothing to do when len is
 * 0, however large n is). */
void tn_bytes_fill_repeat(char *dst, tn_ssize_t len, tn_ssize_t n)
{
    if (len <= 0 || n <= 1)
        return;
    tn_ssize_t total = len * n, done = len;
    while (done < total) {
        tn_ssize_t chunk = done <= total - done ? done : total - done;
        memcpy(dst + done, dst, (size_t)chunk);
        done += chunk;
    }
}

static TnObject *bytes_repeat(TnObject *self, tn_ssize_t n)
{
    if (n == 1 && tn_type_check_exact(self, &tn_type_bytes))
        return tn_newref(self);
    return tn_bytes_repeat_data(self, tn_bytes_data(self), tn_bytes_size(self), n);
}

static TnObject *bytes_item(TnObject *self, tn_ssize_t i)
{
    if (i < 0 || i >= tn_bytes_size(self))
        return tn_err_format(&tn_exc_IndexError, "index out of range");
    return tn_int_from_i64((unsigned char)tn_bytes_data(self)[i]);
}

static int contains_sub(const char *d, tn_ssize_t n, const char *s, tn_ssize_t k)
{
    if (k == 0)
        return 1;
    for (tn_ssize_t i = 0; i + k <= n; i++)
        if (d[i] == s[0] && memcmp(d + i, s, (size_t)k) == 0)
            return 1;
    return 0;
}

/* `x in self` for bytes and bytearray: x is converted first (its __index__
 * may run Python code), then self is read through a view. */
int tn_bytes_contains(TnObject *self, TnObject *x)
{
    TnBytesView vx, vs;
    int gx = tn_bytes_view(x, &vx);
    if (gx < 0)
        return -1;
    char byte = 0;
    if (gx == 0) {
        if (!tn_slice_index_check(x)) {
            tn_err_format(&tn_exc_TypeError, "a bytes-like object is required, not '%s'", tn_type_name(tn_type(x)));
            return -1;
        }
        int v = tn_bytes_byte_value(x);
        if (v < 0)
            return -1;
        byte = (char)v;
        vx.d = &byte;
        vx.n = 1;
    }
    int r = tn_bytes_view(self, &vs);
    if (r > 0)
        r = gx > 0 ? contains_sub(vs.d, vs.n, vx.d, vx.n) : memchr(vs.d, byte, (size_t)vs.n) != NULL;
    tn_bytes_view_release(&vs);
    if (gx > 0)
        tn_bytes_view_release(&vx);
    return r;
}

static int bytes_contains(TnObject *self, TnObject *x)
{
    return tn_bytes_contains(self, x);
}

/* data[start:stop:step] as a new object of self's kind. */
TnObject *tn_bytes_slice_data(TnObject *self, const char *d, tn_ssize_t len, TnObject *slice)
{
    tn_ssize_t start, stop, step;
    if (tn_slice_unpack(slice, &start, &stop, &step) < 0)
        return NULL;
    return tn_bytes_slice_unpacked(self, d, len, start, stop, step);
}

/* The same with the slice already unpacked (tn_slice_unpack runs
 * __index__, which may resize a bytearray: unpack before reading d). */
TnObject *tn_bytes_slice_unpacked(TnObject *self, const char *d, tn_ssize_t len, tn_ssize_t start,
                                  tn_ssize_t stop, tn_ssize_t step)
{
    tn_ssize_t n = tn_slice_adjust_indices(len, &start, &stop, step);
    if (step == 1)
        return tn_bytes_new_like(self, d + start, n);
    TnObject *r = tn_bytes_new_like(self, NULL, n);
    if (r == NULL)
        return NULL;
    const char *rd;
    tn_ssize_t rn;
    tn_bytes_like(r, &rd, &rn);
    for (tn_ssize_t i = 0; i < n; i++)
        ((char *)rd)[i] = d[start + i * step];
    return r;
}

static TnObject *bytes_subscript(TnObject *self, TnObject *key)
{
    if (tn_slice_index_check(key)) {
        tn_ssize_t i = tn_number_as_ssize(key, &tn_exc_IndexError);
        if (i == -1 && tn_err_occurred())
            return NULL;
        if (i < 0)
            i += tn_bytes_size(self);
        return bytes_item(self, i);
    }
    if (!tn_slice_check(key))
        return tn_err_format(&tn_exc_TypeError, "byte indices must be integers or slices, not %s",
                             tn_type_name(tn_type(key)));
    return tn_bytes_slice_data(self, tn_bytes_data(self), tn_bytes_size(self), key);
}

static TnObject *bytes_mod(TnObject *a, TnObject *b)
{
    if (!tn_bytes_check(a))
        return tn_newref(TN_NOTIMPLEMENTED);
    return tn_bytes_printf(tn_bytes_data(a), tn_bytes_size(a), b);
}

static int bytes_bool(TnObject *self) { return tn_bytes_size(self) != 0; }

static TnObject *bytes_iter(TnObject *self);

static void bytes_dealloc(TnObject *self) { tn_object_free(self); }

static const TnSequenceMethods bytes_as_sequence = {
    .length = bytes_length,
    .concat = bytes_concat,
    .repeat = bytes_repeat,
    .item = bytes_item,
    .contains = bytes_contains,
};

static const TnMappingMethods bytes_as_mapping = {
    .length = bytes_length,
    .subscript = bytes_subscript,
};

static const TnNumberMethods bytes_as_number = {
    .remainder = bytes_mod,
    .bool_ = bytes_bool,
};

TnType tn_type_bytes = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "bytes",
    .basicsize = sizeof(TnBytes),
    .itemsize = 1,
    .flags = TN_TPFLAGS_BASETYPE,
    .dealloc = bytes_dealloc,
    .repr = bytes_repr,
    .hash = bytes_hash,
    .richcompare = bytes_richcompare,
    .iter = bytes_iter,
    .new_ = bytes_new_from_python,
    .as_number = &bytes_as_number,
    .as_sequence = &bytes_as_sequence,
    .as_mapping = &bytes_as_mapping,
    .methods = tn_bytes_methods,
    .doc = "bytes(iterable_of_ints) -> bytes\n"
           "bytes(string, encoding[, errors]) -> bytes\n"
           "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n"
           "bytes(int) -> bytes object of size given by the parameter initialized with null bytes\n"
           "bytes() -> empty bytes object",
};

/* ---- iterators (bytes_iterator, bytearray_iterator) --------------------- */

typedef struct BytesIter {
    TnObject ob;
    tn_ssize_t index;
    TnObject *seq;          /* NULL once exhausted (gil flavour) */
} BytesIter;

TnObject *tn_bytes_iter_new(TnType *tp, TnObject *seq)
{
    BytesIter *it = (BytesIter *)tn_object_new(tp, sizeof(BytesIter));
    if (it == NULL)
        return NULL;
    it->seq = tn_newref(seq);
    it->index = 0;
    return TN_OBJ(it);
}

static TnObject *bytes_iter(TnObject *self)
{
    return tn_bytes_iter_new(&tn_type_bytes_iterator, self);
}

static void bytesiter_dealloc(TnObject *self)
{
    TN_CLEAR(((BytesIter *)self)->seq);
    tn_object_free(self);
}

static TnObject *bytesiter_next(TnObject *self)
{
    /* Shared by threads: the index is read once (relaxed atomic), -1 marks
     * exhaustion, and the ft flavour keeps seq until the iterator dies
     * because another thread may be reading it. */
    BytesIter *it = (BytesIter *)self;
    tn_ssize_t i = tn_atomic_load_intptr_relaxed(&it->index);
    if (it->seq == NULL || i < 0)
        return NULL;
    int v = -1;
    TN_BEGIN_CRITICAL_SECTION(it->seq);
    const char *d;
    tn_ssize_t n;
    if (tn_bytes_like(it->seq, &d, &n) && i < n)
        v = (unsigned char)d[i];
    TN_END_CRITICAL_SECTION();
    if (v >= 0) {
        tn_atomic_store_intptr_relaxed(&it->index, i + 1);
        return tn_int_from_i64(v);
    }
    tn_atomic_store_intptr_relaxed(&it->index, -1);
    if (!TN_FREE_THREADED)
        TN_CLEAR(it->seq);
    return NULL;
}

static TnObject *bytesiter_self(TnObject *self) { return tn_newref(self); }

static TnObject *bytesiter_length_hint(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                                       TnObject *kwnames)
{
    (void)args;
    if (tn_args_no_kw("__length_hint__", kwnames) < 0 || tn_args_count("__length_hint__", nargs, 0, 0) < 0)
        return NULL;
    BytesIter *it = (BytesIter *)self;
    const char *d;
    tn_ssize_t n = 0, i = tn_atomic_load_intptr_relaxed(&it->index);
    if (it->seq != NULL && i >= 0) {
        TN_BEGIN_CRITICAL_SECTION(it->seq);
        if (!tn_bytes_like(it->seq, &d, &n))
            n = 0;
        TN_END_CRITICAL_SECTION();
        n -= i;
    }
    return tn_int_from_ssize(n > 0 ? n : 0);
}

static const TnMethodDef bytesiter_methods[] = {
    {"__length_hint__", bytesiter_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

TnType tn_type_bytes_iterator = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "bytes_iterator",
    .basicsize = sizeof(BytesIter),
    .dealloc = bytesiter_dealloc,
    .iter = bytesiter_self,
    .iternext = bytesiter_next,
    .new_ = tn_type_new_not_allowed,
    .methods = bytesiter_methods,
};

TnType tn_type_bytearray_iterator = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "bytearray_iterator",
    .basicsize = sizeof(BytesIter),
    .dealloc = bytesiter_dealloc,
    .iter = bytesiter_self,
    .iternext = bytesiter_next,
    .new_ = tn_type_new_not_allowed,
    .methods = bytesiter_methods,
};
