/* core/objects/bytes.h — bytes (immutable), bytearray (mutable) and the
 * buffer helper shared with memoryview (core/objects/memoryview.h).
 *
 * bytes: the data follows the header inline, NUL-terminated; hash computed
 * lazily (-1 = not yet) with the same function str uses for its 1-byte
 * strings.  bytearray: a separately allocated buffer; `exports` counts the
 * memoryviews looking at it (no resize while > 0).
 */
#ifndef TN_BYTES_H
#define TN_BYTES_H

#include "core/object.h"

typedef struct TnBytes {
    TnObject ob;
    tn_ssize_t size;
    tn_hash_t hash;          /* -1 until computed */
    /* size + 1 bytes follow (NUL-terminated) */
} TnBytes;

typedef struct TnByteArray {
    TnObject ob;
    tn_ssize_t size;
    tn_ssize_t alloc;        /* capacity of data (bytes) */
    char *data;              /* NULL when alloc == 0 */
    tn_ssize_t exports;      /* live memoryviews over this bytearray */
} TnByteArray;

extern TnType tn_type_bytes, tn_type_bytearray, tn_type_memoryview;
extern TnType tn_type_bytes_iterator, tn_type_bytearray_iterator;

static inline bool tn_bytes_check(const TnObject *op) { return tn_object_type_check(op, &tn_type_bytes); }
static inline bool tn_bytearray_check(const TnObject *op)
{
    return tn_object_type_check(op, &tn_type_bytearray);
}

/* New bytes holding a copy of s[0:n] (s may be NULL: zero-filled).  New ref
 * or NULL + MemoryError. */
TnObject *tn_bytes_from_data(const char *s, tn_ssize_t n);
static inline const char *tn_bytes_data(TnObject *b) { return (const char *)((TnBytes *)b + 1); }
static inline tn_ssize_t tn_bytes_size(TnObject *b) { return ((TnBytes *)b)->size; }
/* The same, as a bytearray. */
TnObject *tn_bytearray_from_data(const char *s, tn_ssize_t n);
/* Set a bytearray's size to n (in its critical section): BufferError
 * "Existing exports of data: object cannot be re-sized" while memoryviews
 * look at it.  0 / -1. */
int tn_bytearray_resize_lock_held(TnByteArray *ba, tn_ssize_t n);

/* 1 with (*data, *n) for bytes / bytearray / a contiguous live memoryview
 * (borrowed; for a bytearray only valid while nobody resizes it), 0 for
 * anything else (no exception). */
int tn_bytes_like(TnObject *o, const char **data, tn_ssize_t *n);

/* The bytes of a bytes-like object, safe to read until the view is released
 * although other threads may resize a bytearray meanwhile: every read of a
 * bytearray's (or a view of one's) bytes goes through a view.  When other
 * threads can run (ft), the bytes are copied inside the bytearray's critical
 * section, so the view holds one value the object really had; otherwise d
 * points into the object.  tn_bytes_view_copy always copies a bytearray's
 * bytes: for callers that run Python code or detach while reading.
 * Returns 1 (view filled), 0 (not bytes-like; no exception, v is empty) or
 * -1 (MemoryError).  Release every view filled by either call (a no-op for
 * an empty one). */
typedef struct TnBytesView {
    const char *d;
    tn_ssize_t n;
    TnObject *keep;          /* the copy, or NULL */
} TnBytesView;
int tn_bytes_view(TnObject *o, TnBytesView *v);
int tn_bytes_view_copy(TnObject *o, TnBytesView *v);
void tn_bytes_view_release(TnBytesView *v);
/* A bytes object with o's bytes, read atomically (o itself when exactly
 * bytes).  New reference; NULL with MemoryError, or NULL without an
 * exception when o is not bytes-like. */
TnObject *tn_bytes_snapshot_ref(TnObject *o);

/* bytes.__hash__ (also readonly memoryviews). */
tn_hash_t tn_bytes_hash_data(const char *s, tn_ssize_t n);
/* repr of data as b'...' (prefix/suffix wrap it: "bytearray(" ... ")";
 * a non-empty prefix also escapes every ', like CPython's bytearray repr). */
TnObject *tn_bytes_repr_data(const char *s, tn_ssize_t n, const char *prefix, const char *suffix);

/* ---- shared by the bytes implementation files -------------------------- */

#define TN_BYTES_MAX (INTPTR_MAX / 2)   /* larger sizes are a MemoryError */
/* Rich comparison of two byte strings (a new bool). */
TnObject *tn_bytes_compare_data(const char *a, tn_ssize_t na, const char *b, tn_ssize_t nb, int op);
/* d[0:len] * n as a new object of self's kind. */
/* Make the len-byte pattern at dst into n consecutive copies (dst has room). */
void tn_bytes_fill_repeat(char *dst, tn_ssize_t len, tn_ssize_t n);
TnObject *tn_bytes_repeat_data(TnObject *self, const char *d, tn_ssize_t len, tn_ssize_t n);
/* d[slice] as a new object of self's kind. */
TnObject *tn_bytes_slice_data(TnObject *self, const char *d, tn_ssize_t len, TnObject *slice);
/* The same for an unpacked slice (tn_slice_unpack, which may run Python
 * code, done by the caller before it takes self's section). */
TnObject *tn_bytes_slice_unpacked(TnObject *self, const char *d, tn_ssize_t len, tn_ssize_t start,
                                  tn_ssize_t stop, tn_ssize_t step);
/* `x in self` (self bytes or bytearray; x an int or bytes-like).  1 / 0 / -1. */
int tn_bytes_contains(TnObject *self, TnObject *x);
/* An iterator of type tp (bytes_iterator / bytearray_iterator) over seq. */
TnObject *tn_bytes_iter_new(TnType *tp, TnObject *seq);

/* A new object of self's kind (bytes or bytearray) from data. */
TnObject *tn_bytes_new_like(TnObject *self, const char *s, tn_ssize_t n);
/* Growable byte buffer. */
typedef struct TnByteBuf {
    char *buf;
    tn_ssize_t len, cap;
} TnByteBuf;
int tn_bbuf_put(TnByteBuf *b, const char *s, tn_ssize_t n);   /* 0 / -1 MemoryError */
int tn_bbuf_reserve(TnByteBuf *b, tn_ssize_t n);               /* room for n more: 0 / -1 */
/* Reserve o's length hint (64 without one), as CPython's bytes(iterable)
 * and bytearray.extend do.  0 / -1 (MemoryError, or the hint's error). */
int tn_bbuf_reserve_hint(TnByteBuf *b, TnObject *o);
int tn_bbuf_putc(TnByteBuf *b, int c);
void tn_bbuf_free(TnByteBuf *b);
/* Append o's bytes, read atomically (inside the critical section of the
 * bytearray holding them).  1 / 0 (not bytes-like, no exception) / -1. */
int tn_bbuf_put_bytes_like(TnByteBuf *out, TnObject *o);
/* a + b for bytes-like a and b as a new object made by make
 * (tn_bytes_from_data / tn_bytearray_from_data); TypeError "can't concat". */
TnObject *tn_bytes_concat_like(TnObject *a, TnObject *b, TnObject *(*make)(const char *, tn_ssize_t));
/* Value of an int-like object as a byte: ValueError "byte must be in
 * range(0, 256)".  0..255 or -1 with an exception. */
int tn_bytes_byte_value(TnObject *o);
/* fmt % args for bytes (CPython's _PyBytes_FormatEx). */
TnObject *tn_bytes_printf(const char *fmt, tn_ssize_t n, TnObject *args);
/* data.hex(sep, bytes_per_sep) (bytes, bytearray, memoryview). */
TnObject *tn_bytes_hex_impl(const char *d, tn_ssize_t n, TnObject *const *args, tn_ssize_t nargs,
                            TnObject *kw);
/* The method tables (bytes_methods.c). */
extern const TnMethodDef tn_bytes_methods[], tn_bytearray_methods[];
/* bytearray's own methods (bytearray.c), listed in tn_bytearray_methods. */
TnObject *tn_bytearray_append_meth(TnObject *, TnObject *const *, tn_ssize_t, TnObject *);
TnObject *tn_bytearray_extend_meth(TnObject *, TnObject *const *, tn_ssize_t, TnObject *);
TnObject *tn_bytearray_insert_meth(TnObject *, TnObject *const *, tn_ssize_t, TnObject *);
TnObject *tn_bytearray_pop_meth(TnObject *, TnObject *const *, tn_ssize_t, TnObject *);
TnObject *tn_bytearray_remove_meth(TnObject *, TnObject *const *, tn_ssize_t, TnObject *);
TnObject *tn_bytearray_clear_meth(TnObject *, TnObject *const *, tn_ssize_t, TnObject *);
TnObject *tn_bytearray_copy_meth(TnObject *, TnObject *const *, tn_ssize_t, TnObject *);
TnObject *tn_bytearray_reverse_meth(TnObject *, TnObject *const *, tn_ssize_t, TnObject *);
/* Build the content of bytes(x) / bytearray(x) for the one-source forms
 * (int count, bytes-like, iterable of ints) into *out.  0 / -1. */
int tn_bytes_from_source(TnObject *src, TnByteBuf *out, int for_bytearray);
/* bytes(source, encoding, errors) argument handling shared by both
 * constructors: fills *out.  0 / -1. */
int tn_bytes_ctor_args(const char *fname, TnObject *const *args, tn_ssize_t nargs,
                       TnObject *kwnames, TnByteBuf *out);

#endif
