/* core/modules/io_textio.c — _io.TextIOWrapper and
 * _io.IncrementalNewlineDecoder, and the newline helpers StringIO shares.
 * Design: docs/io.md.
 *
 * Codecs.  utf-8, ascii and latin-1 (and their aliases) are decoded and
 * encoded with Tandem's C codecs directly: the undecoded tail of a chunk
 * (an incomplete UTF-8 sequence, and under universal newlines a final
 * "\r" that may be half of a "\r\n") waits in `pending_in` for the next
 * chunk, so the decoder has no other state, and a tell() cookie is simply
 * a byte offset: the snapshot (the bytes the current decoded chunk came
 * from) is walked to the byte where the characters already returned end.
 * Any other encoding goes through the incremental encoder and decoder of
 * the `codecs` module, as in CPython; tell() then works only at a point
 * where the decoder holds nothing back.
 *
 * Threads.  Every operation runs under the object's TnIOLock (a plain
 * mutex, io_internal.h), held across the calls into the buffer, which
 * may block detached: the text object and its buffer are locked in that
 * order only. */
#include <langinfo.h>
#include "core/modules/io_internal.h"
#include "core/vm/import.h"

/* ---- newline helpers ---------------------------------------------------------- */

uint32_t tn_io_str_char_at(const void *str, tn_ssize_t i) { return tn_str_read((const TnObject *)str, i); }

tn_ssize_t tn_io_find_line_end(tn_io_char_at at, const void *src, tn_ssize_t start, tn_ssize_t end,
                               bool translated, bool universal, TnObject *readnl)
{
    if (translated || (!universal && readnl == NULL)) {
        for (tn_ssize_t i = start; i < end; i++)
            if (at(src, i) == '\n')
                return i + 1;
        return -1;
    }
    if (universal) {
        for (tn_ssize_t i = start; i < end; i++) {
            uint32_t c = at(src, i);
            if (c == '\n')
                return i + 1;
            if (c == '\r')
                return i + 1 < end && at(src, i + 1) == '\n' ? i + 2 : i + 1;
        }
        return -1;
    }
    tn_ssize_t nl = tn_str_length(readnl);
    uint32_t c0 = tn_str_read(readnl, 0);
    for (tn_ssize_t i = start; i + nl <= end; i++) {
        if (at(src, i) != c0)
            continue;
        if (nl == 1 || at(src, i + 1) == tn_str_read(readnl, 1))
            return i + nl;
    }
    return -1;
}

#define SEEN_CR 1
#define SEEN_LF 2
#define SEEN_CRLF 4

TnObject *tn_io_newlines_value(int seen)
{
    static const char *const names[] = {"\r", "\n", "\r\n"};
    int n = 0;
    const char *which[3];
    for (int i = 0; i < 3; i++)
        if (seen & (1 << i))
            which[n++] = names[i];
    if (n == 0)
        return tn_none_ref();
    if (n == 1)
        return tn_str_from_cstr(which[0]);
    TnObject *t = tn_tuple_new(n);
    for (int i = 0; t != NULL && i < n; i++) {
        TnObject *s = tn_str_from_cstr(which[i]);
        if (s == NULL) {
            TN_CLEAR(t);
            break;
        }
        tn_tuple_set_steal(t, i, s);
    }
    return t;
}

TnObject *tn_io_translate_newlines(TnObject *s, bool translate, bool final, bool *pendingcr, int *seen)
{
    tn_ssize_t n = tn_str_length(s);
    uint32_t *out = tn_mem_alloc(((size_t)n + 2) * sizeof(uint32_t));
    if (out == NULL)
        return tn_err_no_memory();
    tn_ssize_t k = 0;
    bool cr = *pendingcr && (n > 0 || final);
    if (cr)
        *pendingcr = false;
    /* A pending "\r" goes in front of this input. */
    tn_ssize_t total = n + (cr ? 1 : 0);
    for (tn_ssize_t j = 0; j < total; j++) {
        uint32_t c = cr && j == 0 ? '\r' : tn_str_read(s, j - (cr ? 1 : 0));
        if (c == '\r') {
            if (j + 1 == total) {
                if (!final) {
                    *pendingcr = true;
                    break;
                }
                *seen |= SEEN_CR;
                out[k++] = translate ? '\n' : '\r';
                continue;
            }
            uint32_t next = tn_str_read(s, j + 1 - (cr ? 1 : 0));
            if (next == '\n') {
                *seen |= SEEN_CRLF;
                if (translate) {
                    out[k++] = '\n';
                } else {
                    out[k++] = '\r';
                    out[k++] = '\n';
                }
                j++;
                continue;
            }
            *seen |= SEEN_CR;
            out[k++] = translate ? '\n' : '\r';
            continue;
        }
        if (c == '\n')
            *seen |= SEEN_LF;
        out[k++] = c;
    }
    TnObject *r = tn_str_from_codepoints(out, k);
    tn_mem_free(out);
    return r;
}

/* ---- codec names ----------------------------------------------------------------- */

const char *tn_io_builtin_codec(const char *encoding)
{
    char norm[32];
    size_t n = strlen(encoding);
    if (n >= sizeof norm)
        return NULL;
    for (size_t i = 0; i <= n; i++) {
        char c = encoding[i];
        norm[i] = c == '-' || c == ' ' ? '_' : (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
    }
    static const char *const utf8[] = {"utf_8", "utf8", "u8", "utf", "cp65001", NULL};
    static const char *const ascii[] = {"ascii", "us_ascii", "646", "us", "ansi_x3.4_1968", "ansi_x3_4_1968",
                                        "ansi_x3.4_1986", "cp367", "csascii", "ibm367", "iso646_us",
                                        "iso_646.irv_1991", "iso_ir_6", NULL};
    static const char *const latin1[] = {"latin_1", "latin1", "latin", "l1", "iso_8859_1", "iso8859_1", "8859",
                                         "cp819", "iso_ir_100", "csisolatin1", "ibm819", "iso_8859_1_1987", NULL};
    for (int i = 0; utf8[i]; i++)
        if (strcmp(norm, utf8[i]) == 0)
            return "utf-8";
    for (int i = 0; ascii[i]; i++)
        if (strcmp(norm, ascii[i]) == 0)
            return "ascii";
    for (int i = 0; latin1[i]; i++)
        if (strcmp(norm, latin1[i]) == 0)
            return "latin-1";
    return NULL;
}

/* ---- TextIOWrapper -------------------------------------------------------------------- */

typedef struct TnTextIO {
    TnIOObject head;
    uint8_t ok, detached, line_buffering, write_through, readable, writable, seekable, telling, has_read1;
    uint8_t readuniversal, readtranslate, writetranslate, pendingcr;
    int seennl;
    const char *codec;      /* "utf-8", "ascii", "latin-1", or NULL: decoder/encoder objects */
    TnObject *buffer, *encoding, *errors;
    TnObject *decoder, *encoder;   /* the codecs module's incremental ones, or NULL */
    TnObject *readnl;              /* the newline argument, NULL for None */
    const char *writenl;           /* replacement for "\n" on write, NULL: none */
    TnObject *decoded;             /* the current decoded chunk, or NULL */
    tn_ssize_t decoded_used;
    TnByteBuf pending_in;          /* undecoded bytes (builtin codecs) */
    TnObject *snap_input;          /* bytes the decoded chunk came from (builtin codecs), or NULL */
    TnByteBuf pending_out;         /* encoded, not yet written to the buffer */
    tn_ssize_t chunk_size;
    TnIOLock lock;
} TnTextIO;

#define TXT(o) ((TnTextIO *)(o))

static int check_init(TnTextIO *t)
{
    if (t->ok)
        return 0;
    if (t->detached)
        tn_err_set_str(&tn_exc_ValueError, "underlying buffer has been detached");
    else
        tn_err_set_str(&tn_exc_ValueError, "I/O operation on uninitialized object");
    return -1;
}

static int enter(TnTextIO *t)
{
    if (check_init(t) < 0)
        return -1;
    return tn_io_lock(&t->lock, TN_OBJ(t));
}

static void leave(TnTextIO *t) { tn_io_unlock(&t->lock); }

static int check_closed_locked(TnTextIO *t)
{
    int c = tn_io_is_closed(t->buffer);
    if (c > 0)
        tn_io_closed_error();
    return c != 0 ? -1 : 0;
}

static void reset_decoded_locked(TnTextIO *t)
{
    TN_CLEAR(t->decoded);
    TN_CLEAR(t->snap_input);
    t->decoded_used = 0;
    t->pending_in.len = 0;
    t->pendingcr = 0;
}

static int reset_decoder_locked(TnTextIO *t)
{
    reset_decoded_locked(t);
    if (t->decoder != NULL) {
        TnObject *r = tn_io_call0(t->decoder, "reset");
        if (r == NULL)
            return -1;
        tn_decref(r);
    }
    return 0;
}

/* Write the encoded pending output to the buffer. */
static int flush_pending_locked(TnTextIO *t)
{
    if (t->pending_out.len == 0)
        return 0;
    TnObject *b = tn_bytes_from_data(t->pending_out.buf, t->pending_out.len);
    if (b == NULL)
        return -1;
    t->pending_out.len = 0;
    TnObject *r = tn_io_call1(t->buffer, "write", b);
    tn_decref(b);
    if (r == NULL)
        return -1;
    tn_decref(r);
    return 0;
}

/* ---- decoding ---------------------------------------------------------------------- */

/* The length of the prefix of d[0:n] that ends on a whole UTF-8
 * character (an incomplete sequence at the end waits for more bytes). */
static tn_ssize_t utf8_complete_prefix(const unsigned char *d, tn_ssize_t n)
{
    for (tn_ssize_t i = n - 1; i >= 0 && i >= n - 4; i--) {
        unsigned char c = d[i];
        if ((c & 0xC0) == 0x80)
            continue;
        if (c >= 0xC2 && c <= 0xF4) {
            tn_ssize_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            if (i + need > n)
                return i;
        }
        return n;
    }
    return n;
}

/* Decode `input` (bytes), final at EOF; newline translation applied. */
static TnObject *decode_locked(TnTextIO *t, TnObject *input, bool final)
{
    TnObject *s;
    if (t->codec != NULL) {
        if (tn_bbuf_put(&t->pending_in, tn_bytes_data(input), tn_bytes_size(input)) < 0)
            return NULL;
        const char *d = t->pending_in.buf;
        tn_ssize_t n = t->pending_in.len, k = n;
        if (!final) {
            if (strcmp(t->codec, "utf-8") == 0)
                k = utf8_complete_prefix((const unsigned char *)d, n);
            if (t->readuniversal && k > 0 && d[k - 1] == '\r')
                k--;
        }
        s = tn_codec_decode(k > 0 ? d : "", k, t->codec, tn_str_utf8(t->errors, NULL));
        if (s == NULL)
            return NULL;
        if (n > k)   /* the buffer may be NULL when empty (memmove must not see it) */
            memmove(t->pending_in.buf, t->pending_in.buf + k, (size_t)(n - k));
        t->pending_in.len = n - k;
        if (t->readuniversal) {
            bool pcr = false;
            TnObject *tr = tn_io_translate_newlines(s, t->readtranslate, true, &pcr, &t->seennl);
            tn_decref(s);
            s = tr;
        }
        return s;
    }
    TnObject *a[2] = {input, tn_bool_from(final)};
    s = tn_call_method_cstr(t->decoder, "decode", a, 2);
    if (s == NULL)
        return NULL;
    if (!tn_str_check(s)) {
        tn_err_format(&tn_exc_TypeError, "decoder should return a string result, not '%s'", tn_type(s)->name);
        tn_decref(s);
        return NULL;
    }
    if (t->readuniversal) {
        bool pcr = t->pendingcr;
        TnObject *tr = tn_io_translate_newlines(s, t->readtranslate, final, &pcr, &t->seennl);
        t->pendingcr = pcr;
        tn_decref(s);
        s = tr;
    }
    return s;
}

/* Read and decode the next chunk into t->decoded.  1: got a chunk (maybe
 * decoding to nothing), 0: EOF, -1: error. */
static int read_chunk_locked(TnTextIO *t)
{
    TnObject *size = tn_int_from_ssize(t->chunk_size);
    if (size == NULL)
        return -1;
    TnObject *chunk = tn_io_call1(t->buffer, t->has_read1 ? "read1" : "read", size);
    tn_decref(size);
    if (chunk == NULL)
        return -1;
    if (!tn_bytes_check(chunk)) {
        tn_err_format(&tn_exc_TypeError, "underlying %s() should have returned a bytes-like object, not '%s'",
                      t->has_read1 ? "read1" : "read", tn_type(chunk)->name);
        tn_decref(chunk);
        return -1;
    }
    bool eof = tn_bytes_size(chunk) == 0;
    TnObject *snap = NULL;
    if (t->codec != NULL && t->telling) {
        /* The snapshot: what was pending before, and the chunk. */
        TnByteBuf sb = {NULL, 0, 0};
        if (tn_bbuf_put(&sb, t->pending_in.buf, t->pending_in.len) < 0
            || tn_bbuf_put(&sb, tn_bytes_data(chunk), tn_bytes_size(chunk)) < 0) {
            tn_bbuf_free(&sb);
            tn_decref(chunk);
            return -1;
        }
        snap = tn_bytes_from_data(sb.buf, sb.len);
        tn_bbuf_free(&sb);
        if (snap == NULL) {
            tn_decref(chunk);
            return -1;
        }
    }
    TnObject *s = decode_locked(t, chunk, eof);
    tn_decref(chunk);
    if (s == NULL) {
        tn_xdecref(snap);
        return -1;
    }
    tn_field_replace_steal(&t->decoded, s);
    tn_field_replace_steal(&t->snap_input, snap);
    t->decoded_used = 0;
    return eof ? 0 : 1;
}

static tn_ssize_t decoded_left(TnTextIO *t)
{
    return t->decoded == NULL ? 0 : tn_str_length(t->decoded) - t->decoded_used;
}

/* Take up to n characters (n < 0: all) of the decoded chunk. */
static int take_decoded_locked(TnTextIO *t, tn_ssize_t n, TnStrWriter *w)
{
    tn_ssize_t left = decoded_left(t);
    if (n < 0 || n > left)
        n = left;
    if (n == 0)
        return 0;
    if (tn_strw_put_substr(w, t->decoded, t->decoded_used, t->decoded_used + n) < 0)
        return -1;
    t->decoded_used += n;
    return 0;
}

static int check_readable_locked(TnTextIO *t)
{
    if (check_closed_locked(t) < 0)
        return -1;
    if (!t->readable) {
        tn_io_unsupported("not readable");
        return -1;
    }
    return flush_pending_locked(t);
}

static TnObject *read_locked(TnTextIO *t, tn_ssize_t n)
{
    if (check_readable_locked(t) < 0)
        return NULL;
    TnStrWriter w;
    tn_strw_init(&w);
    if (n < 0) {
        TnObject *rest = tn_io_call0(t->buffer, "read");
        if (rest == NULL || take_decoded_locked(t, -1, &w) < 0)
            goto fail_rest;
        if (rest == TN_NONE || !tn_bytes_check(rest)) {
            tn_err_format(&tn_exc_TypeError, "underlying read() should have returned a bytes object, not '%s'",
                          tn_type(rest)->name);
            goto fail_rest;
        }
        TnObject *s = decode_locked(t, rest, true);
        tn_decref(rest);
        if (s == NULL)
            goto fail;
        int r = tn_strw_put_str(&w, s);
        tn_decref(s);
        if (r < 0)
            goto fail;
        reset_decoded_locked(t);
        return tn_strw_finish(&w);
    fail_rest:
        tn_xdecref(rest);
        goto fail;
    }
    for (;;) {
        if (take_decoded_locked(t, n - w.ncodepoints, &w) < 0)
            goto fail;
        if (w.ncodepoints >= n)
            break;
        int r = read_chunk_locked(t);
        if (r < 0)
            goto fail;
        if (r == 0 && decoded_left(t) == 0)
            break;
    }
    return tn_strw_finish(&w);
fail:
    tn_strw_discard(&w);
    return NULL;
}

static TnObject *readline_locked(TnTextIO *t, tn_ssize_t limit)
{
    if (check_readable_locked(t) < 0)
        return NULL;
    TnStrWriter w;
    tn_strw_init(&w);
    for (;;) {
        if (decoded_left(t) == 0) {
            int r = read_chunk_locked(t);
            if (r < 0)
                goto fail;
            if (r == 0 && decoded_left(t) == 0)
                break;
            if (decoded_left(t) == 0)
                continue;
        }
        tn_ssize_t start = t->decoded_used, end = tn_str_length(t->decoded);
        if (limit >= 0 && end - start > limit - w.ncodepoints)
            end = start + (limit - w.ncodepoints);
        tn_ssize_t stop = tn_io_find_line_end(tn_io_str_char_at, t->decoded, start, end, t->readtranslate,
                                              t->readuniversal && !t->readtranslate, t->readnl);
        bool found = stop >= 0;
        if (!found)
            stop = end;
        if (tn_strw_put_substr(&w, t->decoded, start, stop) < 0)
            goto fail;
        t->decoded_used = stop;
        if (found || (limit >= 0 && w.ncodepoints >= limit))
            break;
    }
    return tn_strw_finish(&w);
fail:
    tn_strw_discard(&w);
    return NULL;
}

/* ---- encoding, writing --------------------------------------------------------------- */

static TnObject *replace_newlines(TnObject *text, const char *nl)
{
    TnObject *a[2] = {tn_str_from_cstr("\n"), tn_str_from_cstr(nl)};
    TnObject *r = a[0] && a[1] ? tn_call_method_cstr(text, "replace", a, 2) : NULL;
    tn_xdecref(a[0]);
    tn_xdecref(a[1]);
    return r;
}

static bool has_char(TnObject *s, uint32_t c)
{
    tn_ssize_t n = tn_str_length(s);
    for (tn_ssize_t i = 0; i < n; i++)
        if (tn_str_read(s, i) == c)
            return true;
    return false;
}

static tn_ssize_t write_locked(TnTextIO *t, TnObject *text)
{
    if (check_closed_locked(t) < 0)
        return -1;
    if (!t->writable) {
        tn_io_unsupported("not writable");
        return -1;
    }
    bool haslf = has_char(text, '\n');
    TnObject *s = haslf && t->writetranslate && t->writenl != NULL ? replace_newlines(text, t->writenl)
                                                                     : tn_newref(text);
    if (s == NULL)
        return -1;
    bool needflush = t->line_buffering && (haslf || has_char(text, '\r'));
    TnObject *b = t->codec != NULL ? tn_codec_encode(s, t->codec, tn_str_utf8(t->errors, NULL))
                                   : tn_io_call1(t->encoder, "encode", s);
    tn_decref(s);
    if (b == NULL)
        return -1;
    if (!tn_bytes_check(b)) {
        tn_err_format(&tn_exc_TypeError, "encoder should return a bytes object, not '%s'", tn_type(b)->name);
        tn_decref(b);
        return -1;
    }
    int r = tn_bbuf_put(&t->pending_out, tn_bytes_data(b), tn_bytes_size(b));
    tn_decref(b);
    if (r < 0)
        return -1;
    if (t->pending_out.len > t->chunk_size || needflush || t->write_through) {
        if (flush_pending_locked(t) < 0)
            return -1;
    }
    if (reset_decoder_locked(t) < 0)
        return -1;
    if (needflush) {
        TnObject *f = tn_io_call0(t->buffer, "flush");
        if (f == NULL)
            return -1;
        tn_decref(f);
    }
    return tn_str_length(text);
}

/* ---- positioning -------------------------------------------------------------------- */

/* The bytes of the snapshot that produced the first `chars` decoded
 * characters (builtin codecs). */
static tn_ssize_t snapshot_bytes_for(TnTextIO *t, tn_ssize_t chars)
{
    const unsigned char *d = (const unsigned char *)tn_bytes_data(t->snap_input);
    tn_ssize_t n = tn_bytes_size(t->snap_input), i = 0, count = 0;
    bool utf8 = strcmp(t->codec, "utf-8") == 0;
    while (i < n && count < chars) {
        if (t->readtranslate && d[i] == '\r' && i + 1 < n && d[i + 1] == '\n') {
            i += 2;
            count++;
            continue;
        }
        i++;
        if (utf8)
            while (i < n && (d[i] & 0xC0) == 0x80)
                i++;
        count++;
    }
    return i;
}

static TnObject *tell_locked(TnTextIO *t)
{
    if (check_closed_locked(t) < 0)
        return NULL;
    if (!t->seekable)
        return tn_io_unsupported("underlying stream is not seekable");
    if (!t->telling)
        return tn_err_set_str(&tn_exc_OSError, "telling position disabled by next() call"), NULL;
    if (flush_pending_locked(t) < 0)
        return NULL;
    TnObject *f = tn_io_call0(t->buffer, "flush");
    if (f == NULL)
        return NULL;
    tn_decref(f);
    TnObject *posobj = tn_io_call0(t->buffer, "tell");
    if (posobj == NULL)
        return NULL;
    if (t->decoded == NULL)
        return posobj;
    tn_ssize_t pos = tn_number_as_ssize(posobj, &tn_exc_OverflowError);
    tn_decref(posobj);
    if (pos == -1 && tn_err_occurred())
        return NULL;
    if (t->codec != NULL) {
        if (t->snap_input == NULL)
            return tn_err_set_str(&tn_exc_OSError, "can't reconstruct logical file position"), NULL;
        tn_ssize_t start = pos - tn_bytes_size(t->snap_input);
        return tn_int_from_ssize(start + snapshot_bytes_for(t, t->decoded_used));
    }
    /* Another codec: only where the decoder holds nothing back. */
    if (decoded_left(t) == 0 && !t->pendingcr) {
        TnObject *st = tn_io_call0(t->decoder, "getstate");
        if (st == NULL)
            return NULL;
        bool clean = tn_object_type_check(st, &tn_type_tuple) && tn_tuple_size(st) == 2
                     && tn_bytes_check(tn_tuple_get(st, 0)) && tn_bytes_size(tn_tuple_get(st, 0)) == 0;
        tn_decref(st);
        if (clean)
            return tn_int_from_ssize(pos);
    }
    return tn_err_set_str(&tn_exc_OSError, "can't reconstruct logical file position"), NULL;
}

static TnObject *seek_locked(TnTextIO *t, TnObject *cookie, int whence)
{
    if (check_closed_locked(t) < 0)
        return NULL;
    if (!t->seekable)
        return tn_io_unsupported("underlying stream is not seekable");
    if (whence < 0 || whence > 2)
        return tn_err_format(&tn_exc_ValueError, "invalid whence (%d, should be 0, 1 or 2)", whence);
    TnObject *z = tn_int_from_ssize(0);
    int zero = z != NULL && tn_int_check(cookie) ? tn_object_richcompare_bool(cookie, z, TN_EQ) : 0;
    tn_xdecref(z);
    if (zero < 0)
        return NULL;
    if (whence == 1) {
        if (!zero)
            return tn_io_unsupported("can't do nonzero cur-relative seeks");
        TnObject *pos = tell_locked(t);
        if (pos == NULL)
            return NULL;
        TnObject *r = seek_locked(t, pos, 0);
        tn_decref(pos);
        return r;
    }
    if (whence == 2) {
        if (!zero)
            return tn_io_unsupported("can't do nonzero end-relative seeks");
        if (flush_pending_locked(t) < 0 || reset_decoder_locked(t) < 0)
            return NULL;
        TnObject *a[2] = {tn_int_from_ssize(0), tn_int_from_ssize(2)};
        TnObject *r = tn_call_method_cstr(t->buffer, "seek", a, 2);
        tn_decref(a[0]);
        tn_decref(a[1]);
        return r;
    }
    if (!tn_int_check(cookie))
        return tn_err_format(&tn_exc_TypeError, "an integer is required");
    tn_ssize_t pos = tn_number_as_ssize(cookie, &tn_exc_OverflowError);
    if (pos == -1 && tn_err_occurred())
        return NULL;
    if (pos < 0)
        return tn_err_format(&tn_exc_ValueError, "negative seek position %R", cookie);
    if (flush_pending_locked(t) < 0)
        return NULL;
    TnObject *f = tn_io_call0(t->buffer, "flush");
    if (f == NULL)
        return NULL;
    tn_decref(f);
    if (reset_decoder_locked(t) < 0)
        return NULL;
    TnObject *r = tn_io_call1(t->buffer, "seek", cookie);
    if (r == NULL)
        return NULL;
    tn_decref(r);
    if (t->encoder != NULL) {
        TnObject *e = tn_io_call0(t->encoder, "reset");
        if (e == NULL)
            return NULL;
        tn_decref(e);
    }
    return tn_newref(cookie);
}

/* ---- methods ------------------------------------------------------------------------ */

static TnObject *textio_read(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    tn_ssize_t n;
    if (tn_args_no_kw("read", kwnames) < 0 || tn_args_count("read", nargs, 0, 1) < 0
        || tn_io_size_arg(args, nargs, &n) < 0 || enter(TXT(self)) < 0)
        return NULL;
    TnObject *r = read_locked(TXT(self), n);
    leave(TXT(self));
    return r;
}

static TnObject *textio_readline(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    tn_ssize_t n;
    if (tn_args_no_kw("readline", kwnames) < 0 || tn_args_count("readline", nargs, 0, 1) < 0)
        return NULL;
    if (nargs > 0 && args[0] != TN_NONE && !tn_int_check(args[0]))
        return tn_err_format(&tn_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                             tn_type(args[0])->name);
    if (tn_io_size_arg(args, nargs, &n) < 0 || enter(TXT(self)) < 0)
        return NULL;
    TnObject *r = readline_locked(TXT(self), n);
    leave(TXT(self));
    return r;
}

static TnObject *textio_iternext(TnObject *self)
{
    TnTextIO *t = TXT(self);
    if (enter(t) < 0)
        return NULL;
    t->telling = 0;
    TnObject *line = readline_locked(t, -1);
    if (line != NULL && tn_str_length(line) == 0) {
        TN_CLEAR(line);
        t->telling = t->seekable;
        reset_decoded_locked(t);
    }
    leave(t);
    return line;
}

static TnObject *textio_write(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("write", kwnames) < 0 || tn_args_count("write", nargs, 1, 1) < 0)
        return NULL;
    if (!tn_str_check(args[0]))
        return tn_err_format(&tn_exc_TypeError, "write() argument must be str, not %s", tn_type(args[0])->name);
    if (enter(TXT(self)) < 0)
        return NULL;
    tn_ssize_t n = write_locked(TXT(self), args[0]);
    leave(TXT(self));
    return n < 0 ? NULL : tn_int_from_ssize(n);
}

static TnObject *textio_flush(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnTextIO *t = TXT(self);
    if (enter(t) < 0)
        return NULL;
    TnObject *r = NULL;
    if (check_closed_locked(t) == 0) {
        t->telling = t->seekable;
        if (flush_pending_locked(t) == 0)
            r = tn_io_call0(t->buffer, "flush");
    }
    leave(t);
    return r;
}

static TnObject *textio_close(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnTextIO *t = TXT(self);
    if (check_init(t) < 0)
        return NULL;
    int c = tn_io_is_closed(t->buffer);
    if (c != 0)
        return c < 0 ? NULL : tn_none_ref();
    TnObject *r = textio_flush(self, NULL, 0, NULL);
    TnObject *saved = r == NULL ? tn_err_fetch() : NULL;
    tn_xdecref(r);
    r = tn_io_call0(t->buffer, "close");
    if (saved != NULL) {
        if (r == NULL) {
            TnObject *exc = tn_err_fetch();
            tn_err_chain_to(exc, saved);
            tn_decref(saved);
            tn_err_restore(exc);
        } else {
            tn_decref(r);
            tn_err_restore(saved);
        }
        return NULL;
    }
    return r;
}

static TnObject *textio_tell(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("tell", kwnames) < 0 || tn_args_count("tell", nargs, 0, 0) < 0 || enter(TXT(self)) < 0)
        return NULL;
    TnObject *r = tell_locked(TXT(self));
    leave(TXT(self));
    return r;
}

static TnObject *textio_seek(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("seek", kwnames) < 0 || tn_args_count("seek", nargs, 1, 2) < 0)
        return NULL;
    int whence = 0;
    if (nargs > 1 && tn_number_as_c_int(args[1], &whence) < 0)
        return NULL;
    if (enter(TXT(self)) < 0)
        return NULL;
    TnObject *r = seek_locked(TXT(self), args[0], whence);
    leave(TXT(self));
    return r;
}

static TnObject *textio_truncate(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("truncate", kwnames) < 0 || tn_args_count("truncate", nargs, 0, 1) < 0)
        return NULL;
    TnTextIO *t = TXT(self);
    if (enter(t) < 0)
        return NULL;
    TnObject *r = NULL;
    if (check_closed_locked(t) == 0 && flush_pending_locked(t) == 0) {
        TnObject *f = tn_io_call0(t->buffer, "flush");
        if (f != NULL) {
            tn_decref(f);
            r = tn_io_call1(t->buffer, "truncate", nargs > 0 ? args[0] : TN_NONE);
        }
    }
    leave(t);
    return r;
}

static TnObject *textio_detach(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnTextIO *t = TXT(self);
    if (enter(t) < 0)
        return NULL;
    TnObject *buffer = NULL;
    if (flush_pending_locked(t) == 0) {
        TnObject *f = tn_io_call0(t->buffer, "flush");
        if (f != NULL) {
            tn_decref(f);
            buffer = t->buffer;
            t->buffer = NULL;
            t->ok = 0;
            t->detached = 1;
        }
    }
    leave(t);
    return buffer;
}

static TnObject *delegate(TnObject *self, const char *name)
{
    TnTextIO *t = TXT(self);
    if (check_init(t) < 0)
        return NULL;
    return tn_io_call0(t->buffer, name);
}

static TnObject *textio_fileno(TnObject *self, TnObject *const *a, tn_ssize_t n, TnObject *k) { return delegate(self, "fileno"); }
static TnObject *textio_isatty(TnObject *self, TnObject *const *a, tn_ssize_t n, TnObject *k) { return delegate(self, "isatty"); }
static TnObject *textio_seekable(TnObject *self, TnObject *const *a, tn_ssize_t n, TnObject *k) { return delegate(self, "seekable"); }
static TnObject *textio_readable(TnObject *self, TnObject *const *a, tn_ssize_t n, TnObject *k) { return delegate(self, "readable"); }
static TnObject *textio_writable(TnObject *self, TnObject *const *a, tn_ssize_t n, TnObject *k) { return delegate(self, "writable"); }

static TnObject *textio_get_closed(TnObject *self, void *c)
{
    return check_init(TXT(self)) < 0 ? NULL : tn_object_getattr_cstr(TXT(self)->buffer, "closed");
}

static TnObject *textio_get_name(TnObject *self, void *c)
{
    return check_init(TXT(self)) < 0 ? NULL : tn_object_getattr_cstr(TXT(self)->buffer, "name");
}

static TnObject *textio_get_buffer(TnObject *self, void *c)
{
    return check_init(TXT(self)) < 0 ? NULL : tn_newref(TXT(self)->buffer);
}

static TnObject *textio_get_encoding(TnObject *self, void *c)
{
    return check_init(TXT(self)) < 0 ? NULL : tn_newref(TXT(self)->encoding);
}

static TnObject *textio_get_errors(TnObject *self, void *c)
{
    return check_init(TXT(self)) < 0 ? NULL : tn_newref(TXT(self)->errors);
}

static TnObject *textio_get_line_buffering(TnObject *self, void *c)
{
    return check_init(TXT(self)) < 0 ? NULL : tn_bool_from(TXT(self)->line_buffering);
}

static TnObject *textio_get_write_through(TnObject *self, void *c)
{
    return check_init(TXT(self)) < 0 ? NULL : tn_bool_from(TXT(self)->write_through);
}

static TnObject *textio_get_newlines(TnObject *self, void *c)
{
    TnTextIO *t = TXT(self);
    if (check_init(t) < 0)
        return NULL;
    if (!t->readable || !t->readuniversal)
        return tn_none_ref();
    if (t->codec == NULL && t->decoder == NULL)
        return tn_none_ref();
    return tn_io_newlines_value(t->seennl);
}

static TnObject *textio_get_chunk_size(TnObject *self, void *c)
{
    return check_init(TXT(self)) < 0 ? NULL : tn_int_from_ssize(TXT(self)->chunk_size);
}

static int textio_set_chunk_size(TnObject *self, TnObject *v, void *c)
{
    if (check_init(TXT(self)) < 0)
        return -1;
    if (v == NULL) {
        tn_err_set_str(&tn_exc_AttributeError, "cannot delete attribute");
        return -1;
    }
    tn_ssize_t n = tn_number_as_ssize(v, &tn_exc_OverflowError);
    if (n == -1 && tn_err_occurred())
        return -1;
    if (n <= 0) {
        tn_err_set_str(&tn_exc_ValueError, "a strictly positive integer is required");
        return -1;
    }
    TXT(self)->chunk_size = n;
    return 0;
}

static TnObject *textio_repr(TnObject *self)
{
    TnTextIO *t = TXT(self);
    const char *tname = tn_type(self)->name;
    if (t->encoding == NULL)
        return tn_str_from_format("<%s>", tname);
    TnStrWriter w;
    tn_strw_init(&w);
    if (tn_strw_puts(&w, "<") < 0 || tn_strw_puts(&w, tname) < 0)
        goto fail;
    static const char *const attrs[] = {"name", "mode"};
    for (int i = 0; i < 2; i++) {
        TnObject *v = tn_object_getattr_cstr(self, attrs[i]);
        if (v == NULL) {
            if (!tn_err_matches(&tn_exc_Exception))
                goto fail;
            tn_err_clear();
            continue;
        }
        int r = tn_strw_puts(&w, " ") < 0 || tn_strw_puts(&w, attrs[i]) < 0 || tn_strw_puts(&w, "=") < 0
                || tn_strw_put_repr(&w, v) < 0;
        tn_decref(v);
        if (r)
            goto fail;
    }
    if (tn_strw_puts(&w, " encoding=") < 0 || tn_strw_put_repr(&w, t->encoding) < 0 || tn_strw_puts(&w, ">") < 0)
        goto fail;
    return tn_strw_finish(&w);
fail:
    tn_strw_discard(&w);
    return NULL;
}

/* ---- construction, reconfigure -------------------------------------------------------- */

/* Look the encoding up: one of the builtin codecs, or the codecs module's
 * incremental decoder / encoder (for a readable / writable buffer). */
static int setup_codec(TnTextIO *t)
{
    const char *enc = tn_str_utf8(t->encoding, NULL);
    if (enc == NULL)
        return -1;
    t->codec = tn_io_builtin_codec(enc);
    TN_CLEAR(t->decoder);
    TN_CLEAR(t->encoder);
    if (t->codec != NULL)
        return 0;
    TnObject *name = tn_str_from_cstr("codecs");
    TnObject *codecs = name != NULL ? tn_import_module_level(name, NULL, NULL, 0) : NULL;
    tn_xdecref(name);
    if (codecs == NULL) {
        /* Without a working codecs module (no _codecs yet) only the
         * builtin codecs exist. */
        tn_err_clear();
        tn_err_format(&tn_exc_LookupError, "unknown encoding: %s", enc);
        return -1;
    }
    TnObject *info = tn_io_call1(codecs, "lookup", t->encoding);
    tn_decref(codecs);
    if (info == NULL)
        return -1;
    TnObject *is_text = NULL;
    if (tn_object_lookup_attr(info, tn_str_intern_cstr("_is_text_encoding"), &is_text) < 0) {
        tn_decref(info);
        return -1;
    }
    if (is_text != NULL) {
        int tr = tn_object_is_true(is_text);
        tn_decref(is_text);
        if (tr <= 0) {
            tn_decref(info);
            if (tr == 0)
                tn_err_format(&tn_exc_LookupError,
                              "%R is not a text encoding; use codecs.open() to handle arbitrary codecs", t->encoding);
            return -1;
        }
    }
    int r = 0;
    if (t->readable) {
        TnObject *f = tn_object_getattr_cstr(info, "incrementaldecoder");
        t->decoder = f != NULL ? tn_call_one(f, t->errors) : NULL;
        tn_xdecref(f);
        r = t->decoder == NULL ? -1 : 0;
    }
    if (r == 0 && t->writable) {
        TnObject *f = tn_object_getattr_cstr(info, "incrementalencoder");
        t->encoder = f != NULL ? tn_call_one(f, t->errors) : NULL;
        tn_xdecref(f);
        r = t->encoder == NULL ? -1 : 0;
    }
    tn_decref(info);
    return r;
}

static void set_newline(TnTextIO *t, const char *nl, TnObject *nlobj)
{
    t->readuniversal = nl == NULL || nl[0] == '\0';
    t->readtranslate = nl == NULL;
    tn_field_replace_steal(&t->readnl, nl != NULL ? tn_newref(nlobj) : NULL);
    t->writetranslate = nl == NULL || nl[0] != '\0';
    t->writenl = NULL;
    if (nl != NULL && nl[0] == '\r')
        t->writenl = nl[1] == '\n' ? "\r\n" : "\r";
}

static int str_or_none(const char *fname, const char *argname, TnObject *v)
{
    if (v != NULL && v != TN_NONE && !tn_str_check(v)) {
        tn_err_format(&tn_exc_TypeError, "%s() argument '%s' must be str or None, not %s", fname, argname,
                      tn_type(v)->name);
        return -1;
    }
    return 0;
}

static int flag_of(TnObject *v, uint8_t *out)
{
    if (v == NULL || v == TN_NONE)
        return 0;
    int r = tn_object_is_true(v);
    if (r < 0)
        return -1;
    *out = (uint8_t)r;
    return 0;
}

static int call_flag(TnObject *obj, const char *meth, uint8_t *out)
{
    TnObject *r = tn_io_call0(obj, meth);
    if (r == NULL)
        return -1;
    int v = tn_object_is_true(r);
    tn_decref(r);
    if (v < 0)
        return -1;
    *out = (uint8_t)v;
    return 0;
}

static TnObject *textio_init(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"buffer", "encoding", "errors", "newline", "line_buffering", "write_through",
                                        NULL};
    TnObject *out[6];
    if (tn_args_parse("TextIOWrapper", args, nargs, kwnames, names, 0, 1, out) < 0)
        return NULL;
    TnTextIO *t = TXT(self);
    if (str_or_none("TextIOWrapper", "encoding", out[1]) < 0 || str_or_none("TextIOWrapper", "errors", out[2]) < 0)
        return NULL;
    if (out[3] != NULL && out[3] != TN_NONE && !tn_str_check(out[3]))
        return tn_err_format(&tn_exc_TypeError, "TextIOWrapper() argument 'newline' must be str or None, not %s",
                             tn_type(out[3])->name);
    const char *nl;
    if (tn_io_check_newline(false, out[3], &nl) < 0)
        return NULL;
    if (out[1] != NULL && out[1] != TN_NONE) {
        tn_ssize_t n;
        const char *e = tn_str_utf8(out[1], &n);
        if (e == NULL)
            return NULL;
        if ((tn_ssize_t)strlen(e) != n)
            return tn_err_set_str(&tn_exc_ValueError, "embedded null character"), NULL;
    }
    uint8_t lb = 0, wt = 0;
    if (flag_of(out[4], &lb) < 0 || flag_of(out[5], &wt) < 0)
        return NULL;
    t->ok = 0;
    reset_decoded_locked(t);
    t->pending_out.len = 0;
    /* No encoding (or "locale"): UTF-8, as CPython in UTF-8 mode. */
    TnObject *enc = out[1] != NULL && out[1] != TN_NONE && !tn_str_eq_cstr(out[1], "locale")
                        ? tn_newref(out[1])
                        : tn_str_from_cstr("utf-8");
    TnObject *errs = out[2] != NULL && out[2] != TN_NONE ? tn_newref(out[2]) : tn_str_from_cstr("strict");
    tn_field_replace_steal(&t->encoding, enc);
    tn_field_replace_steal(&t->errors, errs);
    if (enc == NULL || errs == NULL)
        return NULL;
    tn_field_replace_steal(&t->buffer, tn_newref(out[0]));
    if (call_flag(out[0], "readable", &t->readable) < 0 || call_flag(out[0], "writable", &t->writable) < 0)
        return NULL;
    if (setup_codec(t) < 0)
        return NULL;
    set_newline(t, nl, out[3]);
    t->line_buffering = lb;
    t->write_through = wt;
    t->chunk_size = TN_IO_DEFAULT_BUFFER_SIZE;
    t->seennl = 0;
    if (call_flag(out[0], "seekable", &t->seekable) < 0)
        return NULL;
    t->telling = t->seekable;
    TnObject *r1 = NULL;
    if (tn_object_lookup_attr(out[0], tn_str_intern_cstr("read1"), &r1) < 0)
        return NULL;
    t->has_read1 = r1 != NULL;
    tn_xdecref(r1);
    t->detached = 0;
    t->ok = 1;
    return tn_none_ref();
}

static TnObject *textio_reconfigure(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"encoding", "errors", "newline", "line_buffering", "write_through", NULL};
    TnObject *out[5];
    if (nargs > 0)
        return tn_err_format(&tn_exc_TypeError, "reconfigure() takes 0 positional arguments but %zd were given",
                             nargs);
    if (tn_args_parse("reconfigure", args, nargs, kwnames, names, 0, 0, out) < 0)
        return NULL;
    TnTextIO *t = TXT(self);
    if (str_or_none("reconfigure", "encoding", out[0]) < 0 || str_or_none("reconfigure", "errors", out[1]) < 0)
        return NULL;
    const char *nl = NULL;
    bool nl_given = out[2] != NULL;
    if (nl_given && tn_io_check_newline(false, out[2], &nl) < 0)
        return NULL;
    if (enter(t) < 0)
        return NULL;
    TnObject *res = NULL;
    if ((out[0] != NULL || out[1] != NULL || nl_given) && t->decoded != NULL && decoded_left(t) > 0) {
        tn_io_unsupported("It is not possible to set the encoding or newline of stream after the first read");
        goto done;
    }
    if (flush_pending_locked(t) < 0)
        goto done;
    if (out[0] != NULL || out[1] != NULL) {
        TnObject *enc = out[0] != NULL && out[0] != TN_NONE ? tn_newref(out[0]) : tn_newref(t->encoding);
        TnObject *errs = out[1] != NULL && out[1] != TN_NONE ? tn_newref(out[1])
                         : out[0] != NULL                    ? tn_str_from_cstr("strict")
                                                             : tn_newref(t->errors);
        tn_field_replace_steal(&t->encoding, enc);
        tn_field_replace_steal(&t->errors, errs);
        if (errs == NULL || setup_codec(t) < 0)
            goto done;
    }
    if (nl_given)
        set_newline(t, nl, out[2]);
    if (flag_of(out[3], &t->line_buffering) < 0 || flag_of(out[4], &t->write_through) < 0)
        goto done;
    res = tn_none_ref();
done:
    leave(t);
    return res;
}

static TnObject *textio_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return tn_io_finish_new(tn_object_new(type, (size_t)type->basicsize), textio_init, args, nargs, kwnames);
}

static void textio_dealloc(TnObject *self)
{
    TnTextIO *t = TXT(self);
    TN_CLEAR(t->buffer);
    TN_CLEAR(t->encoding);
    TN_CLEAR(t->errors);
    TN_CLEAR(t->decoder);
    TN_CLEAR(t->encoder);
    TN_CLEAR(t->readnl);
    TN_CLEAR(t->decoded);
    TN_CLEAR(t->snap_input);
    tn_bbuf_free(&t->pending_in);
    tn_bbuf_free(&t->pending_out);
    tn_io_dealloc_head(self);
}

static int textio_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TnTextIO *t = TXT(self);
    TN_VISIT(t->buffer);
    TN_VISIT(t->decoder);
    TN_VISIT(t->encoder);
    return tn_io_traverse(self, visit, arg);
}

static int textio_clear(TnObject *self)
{
    TnTextIO *t = TXT(self);
    t->ok = 0;
    tn_field_replace_steal(&t->buffer, NULL);
    tn_field_replace_steal(&t->decoder, NULL);
    tn_field_replace_steal(&t->encoder, NULL);
    return tn_io_clear_dict(self);
}

static const TnMethodDef textio_methods[] = {
    {"__init__", textio_init, 0, NULL},
    {"read", textio_read, 0, NULL},
    {"readline", textio_readline, 0, NULL},
    {"write", textio_write, 0, NULL},
    {"flush", textio_flush, 0, NULL},
    {"close", textio_close, 0, NULL},
    {"tell", textio_tell, 0, NULL},
    {"seek", textio_seek, 0, NULL},
    {"truncate", textio_truncate, 0, NULL},
    {"detach", textio_detach, 0, NULL},
    {"reconfigure", textio_reconfigure, 0, NULL},
    {"fileno", textio_fileno, 0, NULL},
    {"isatty", textio_isatty, 0, NULL},
    {"seekable", textio_seekable, 0, NULL},
    {"readable", textio_readable, 0, NULL},
    {"writable", textio_writable, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const TnGetSetDef textio_getsets[] = {
    {"closed", textio_get_closed, NULL, NULL, NULL},
    {"name", textio_get_name, NULL, NULL, NULL},
    {"buffer", textio_get_buffer, NULL, NULL, NULL},
    {"encoding", textio_get_encoding, NULL, NULL, NULL},
    {"errors", textio_get_errors, NULL, NULL, NULL},
    {"line_buffering", textio_get_line_buffering, NULL, NULL, NULL},
    {"write_through", textio_get_write_through, NULL, NULL, NULL},
    {"newlines", textio_get_newlines, NULL, NULL, NULL},
    {"_CHUNK_SIZE", textio_get_chunk_size, textio_set_chunk_size, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TnType tn_io_textiowrapper_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "_io.TextIOWrapper",
    .base = &tn_io_textiobase_type,
    .basicsize = sizeof(TnTextIO),
    .flags = TN_TPFLAGS_BASETYPE | TN_TPFLAGS_HAVE_GC,
    .dealloc = textio_dealloc,
    .traverse = textio_traverse,
    .clear = textio_clear,
    .finalize = tn_io_finalize,
    .repr = textio_repr,
    .iternext = textio_iternext,
    .new_ = textio_new,
    .methods = textio_methods,
    .getsets = textio_getsets,
    .dictoffset = offsetof(TnIOObject, dict),
    .weaklistoffset = offsetof(TnIOObject, weaklist),
    .doc = "Character and line based layer over a BufferedIOBase object, buffer.",
};

/* ---- IncrementalNewlineDecoder -------------------------------------------------------- */

typedef struct TnNLDecoder {
    TnObject ob;
    TnObject *decoder;   /* or None */
    TnObject *errors;
    uint8_t translate, pendingcr, ok;
    int seennl;
} TnNLDecoder;

#define NLD(o) ((TnNLDecoder *)(o))

static int nld_check(TnNLDecoder *d)
{
    if (!d->ok) {
        tn_err_set_str(&tn_exc_ValueError, "IncrementalNewlineDecoder.__init__() not called");
        return -1;
    }
    return 0;
}

static TnObject *nld_init(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"decoder", "translate", "errors", NULL};
    TnObject *out[3];
    if (tn_args_parse("IncrementalNewlineDecoder", args, nargs, kwnames, names, 0, 2, out) < 0)
        return NULL;
    int tr = tn_object_is_true(out[1]);
    if (tr < 0)
        return NULL;
    TnNLDecoder *d = NLD(self);
    TnObject *errs = out[2] != NULL ? tn_newref(out[2]) : tn_str_from_cstr("strict");
    if (errs == NULL)
        return NULL;
    TN_BEGIN_CRITICAL_SECTION(self);
    tn_field_replace_steal(&d->decoder, tn_newref(out[0]));
    tn_field_replace_steal(&d->errors, errs);
    d->translate = (uint8_t)tr;
    d->pendingcr = 0;
    d->seennl = 0;
    d->ok = 1;
    TN_END_CRITICAL_SECTION();
    return tn_none_ref();
}

static TnObject *nld_decode(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    static const char *const names[] = {"input", "final", NULL};
    TnObject *out[2];
    if (tn_args_parse("decode", args, nargs, kwnames, names, 0, 1, out) < 0)
        return NULL;
    TnNLDecoder *d = NLD(self);
    if (nld_check(d) < 0)
        return NULL;
    int final = out[1] != NULL ? tn_object_is_true(out[1]) : 0;
    if (final < 0)
        return NULL;
    TnObject *s;
    if (d->decoder != TN_NONE) {
        TnObject *a[2] = {out[0], tn_bool_from(final)};
        s = tn_call_method_cstr(d->decoder, "decode", a, 2);
        if (s == NULL)
            return NULL;
    } else {
        s = tn_newref(out[0]);
    }
    if (!tn_str_check(s)) {
        tn_err_format(&tn_exc_TypeError, "decoder should return a string result, not '%s'", tn_type(s)->name);
        tn_decref(s);
        return NULL;
    }
    TnObject *r;
    TN_BEGIN_CRITICAL_SECTION(self);
    bool pcr = d->pendingcr;
    int seen = d->seennl;
    r = tn_io_translate_newlines(s, d->translate, final, &pcr, &seen);
    d->pendingcr = pcr;
    d->seennl = seen;
    TN_END_CRITICAL_SECTION();
    tn_decref(s);
    return r;
}

static TnObject *nld_getstate(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnNLDecoder *d = NLD(self);
    if (nld_check(d) < 0)
        return NULL;
    TnObject *buf;
    tn_ssize_t flag = 0;
    if (d->decoder != TN_NONE) {
        TnObject *st = tn_io_call0(d->decoder, "getstate");
        if (st == NULL)
            return NULL;
        if (!tn_object_type_check(st, &tn_type_tuple) || tn_tuple_size(st) != 2) {
            tn_decref(st);
            return tn_err_set_str(&tn_exc_TypeError, "illegal decoder state"), NULL;
        }
        buf = tn_newref(tn_tuple_get(st, 0));
        flag = tn_number_as_ssize(tn_tuple_get(st, 1), &tn_exc_OverflowError);
        tn_decref(st);
        if (flag == -1 && tn_err_occurred()) {
            tn_decref(buf);
            return NULL;
        }
        flag <<= 1;
    } else {
        buf = tn_bytes_from_data("", 0);
        if (buf == NULL)
            return NULL;
    }
    if (tn_atomic_load_u8(&d->pendingcr))
        flag |= 1;
    TnObject *f = tn_int_from_ssize(flag);
    TnObject *t = f != NULL ? tn_tuple_new(2) : NULL;
    if (t == NULL) {
        tn_decref(buf);
        tn_xdecref(f);
        return NULL;
    }
    tn_tuple_set_steal(t, 0, buf);
    tn_tuple_set_steal(t, 1, f);
    return t;
}

static TnObject *nld_setstate(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    if (tn_args_no_kw("setstate", kwnames) < 0 || tn_args_count("setstate", nargs, 1, 1) < 0)
        return NULL;
    TnNLDecoder *d = NLD(self);
    if (nld_check(d) < 0)
        return NULL;
    TnObject *st = args[0];
    if (!tn_object_type_check(st, &tn_type_tuple) || tn_tuple_size(st) != 2)
        return tn_err_set_str(&tn_exc_TypeError, "state argument must be a tuple"), NULL;
    tn_ssize_t flag = tn_number_as_ssize(tn_tuple_get(st, 1), &tn_exc_OverflowError);
    if (flag == -1 && tn_err_occurred())
        return NULL;
    tn_atomic_store_u8(&d->pendingcr, (uint8_t)(flag & 1));
    if (d->decoder != TN_NONE) {
        TnObject *inner = tn_tuple_new(2);
        TnObject *f = tn_int_from_ssize(flag >> 1);
        if (inner == NULL || f == NULL) {
            tn_xdecref(inner);
            tn_xdecref(f);
            return NULL;
        }
        tn_tuple_set_steal(inner, 0, tn_newref(tn_tuple_get(st, 0)));
        tn_tuple_set_steal(inner, 1, f);
        TnObject *r = tn_io_call1(d->decoder, "setstate", inner);
        tn_decref(inner);
        return r;
    }
    return tn_none_ref();
}

static TnObject *nld_reset(TnObject *self, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    TnNLDecoder *d = NLD(self);
    if (nld_check(d) < 0)
        return NULL;
    TN_BEGIN_CRITICAL_SECTION(self);
    d->seennl = 0;
    d->pendingcr = 0;
    TN_END_CRITICAL_SECTION();
    if (d->decoder != TN_NONE)
        return tn_io_call0(d->decoder, "reset");
    return tn_none_ref();
}

static TnObject *nld_get_newlines(TnObject *self, void *c)
{
    TnNLDecoder *d = NLD(self);
    if (nld_check(d) < 0)
        return NULL;
    int seen;
    TN_BEGIN_CRITICAL_SECTION(self);
    seen = d->seennl;
    TN_END_CRITICAL_SECTION();
    return tn_io_newlines_value(seen);
}

static TnObject *nld_new(TnType *type, TnObject *const *args, tn_ssize_t nargs, TnObject *kwnames)
{
    return tn_io_finish_new(tn_object_new(type, (size_t)type->basicsize), nld_init, args, nargs, kwnames);
}

static void nld_dealloc(TnObject *self)
{
    TN_CLEAR(NLD(self)->decoder);
    TN_CLEAR(NLD(self)->errors);
    tn_object_free(self);
}

static int nld_traverse(TnObject *self, tn_visitproc visit, void *arg)
{
    TN_VISIT(NLD(self)->decoder);
    return 0;
}

static int nld_clear(TnObject *self)
{
    tn_field_replace_steal(&NLD(self)->decoder, NULL);
    NLD(self)->ok = 0;
    return 0;
}

static const TnMethodDef nld_methods[] = {
    {"__init__", nld_init, 0, NULL},
    {"decode", nld_decode, 0, NULL},
    {"getstate", nld_getstate, 0, NULL},
    {"setstate", nld_setstate, 0, NULL},
    {"reset", nld_reset, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const TnGetSetDef nld_getsets[] = {
    {"newlines", nld_get_newlines, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TnType tn_io_nldecoder_type = {
    .ob = TN_STATIC_OBJECT_HEAD(&tn_type_type),
    .name = "_io.IncrementalNewlineDecoder",
    .basicsize = sizeof(TnNLDecoder),
    .flags = TN_TPFLAGS_BASETYPE | TN_TPFLAGS_HAVE_GC,
    .dealloc = nld_dealloc,
    .traverse = nld_traverse,
    .clear = nld_clear,
    .new_ = nld_new,
    .methods = nld_methods,
    .getsets = nld_getsets,
    .doc = "Codec used when reading a file in universal newlines mode.",
};
