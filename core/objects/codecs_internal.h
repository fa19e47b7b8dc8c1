/* core/objects/codecs_internal.h — shared by the codec implementation files
 * (codecs.c: registry, error handlers, utf-8/ascii/latin-1/cp1252;
 * codecs_utf16.c: utf-16/utf-32; codecs_escape.c: unicode_escape and
 * raw_unicode_escape). */
#ifndef TN_CODECS_INTERNAL_H
#define TN_CODECS_INTERNAL_H

#include "core/tn.h"
#include "core/objects/codecs.h"

enum {
    TN_ENC_UTF8, TN_ENC_UTF8_SIG, TN_ENC_ASCII, TN_ENC_LATIN1, TN_ENC_CP1252,
    TN_ENC_UTF16, TN_ENC_UTF16_LE, TN_ENC_UTF16_BE,
    TN_ENC_UTF32, TN_ENC_UTF32_LE, TN_ENC_UTF32_BE,
    TN_ENC_UNICODE_ESCAPE, TN_ENC_RAW_UNICODE_ESCAPE,
    /* Only through _codecs (no name of their own here): */
    TN_ENC_CHARMAP, TN_ENC_UTF7,
};

enum {
    TN_ERR_STRICT, TN_ERR_IGNORE, TN_ERR_REPLACE, TN_ERR_BACKSLASH, TN_ERR_SURROGATEESCAPE,
    TN_ERR_XMLCHARREF, TN_ERR_SURROGATEPASS, TN_ERR_NAMEREPLACE, TN_ERR_UNKNOWN,
};

/* A growable array of code points (decoder output). */
typedef struct TnCpBuf {
    uint32_t *cp;
    tn_ssize_t n, cap;
} TnCpBuf;

int tn_cpbuf_put(TnCpBuf *b, uint32_t c);
int tn_cpbuf_puts(TnCpBuf *b, const char *ascii);

typedef struct TnDecoder {
    int enc;
    const char *name;       /* codec name in UnicodeDecodeError, e.g. "utf-16-le" */
    const char *user_name;  /* the encoding as the caller spelt it */
    int err;
    const char *errors;
    const unsigned char *s;
    tn_ssize_t n;
    int unit;               /* utf-16/32: bytes per code unit (surrogatepass) */
    bool big_endian;
    bool final;             /* false: an incomplete sequence at the end is left unread
                               (the incremental decoders of _codecs) */
    tn_ssize_t consumed;    /* set by the decoder: input bytes used */
    int byteorder;          /* utf-16/32 with BOM detection: -1 / 1 when a BOM said
                               little / big endian, else 0 */
    TnObject *mapping;      /* charmap: the decoding table (str) or mapping */
    TnCpBuf out;
} TnDecoder;

/* Apply the error handler to the undecodable bytes [start, end): a
 * standard one, or one registered with codecs.register_error (called with
 * a UnicodeDecodeError).  Returns the input position to continue at, or -1
 * with an exception set. */
tn_ssize_t tn_decoder_error(TnDecoder *d, tn_ssize_t start, tn_ssize_t end, const char *reason);

typedef struct TnEncoder TnEncoder;
struct TnEncoder {
    int enc;
    const char *name;       /* codec name in UnicodeEncodeError */
    int err;
    const char *errors;
    TnObject *str;
    int unit;               /* bytes per code unit: 1, 2 (utf-16) or 4 (utf-32) */
    bool big_endian;
    TnObject *mapping;      /* charmap: the EncodingMap or mapping */
    TnByteBuf out;
    /* Append one encodable character (also used for the ASCII text that
     * replace/backslashreplace/xmlcharrefreplace substitute). */
    int (*put)(TnEncoder *e, uint32_t c);
};

/* Apply the error handler to the unencodable characters [start, end).
 * Returns the position to continue at (end, or what a registered handler
 * said), or -1 with an exception set. */
tn_ssize_t tn_encoder_error(TnEncoder *e, tn_ssize_t start, tn_ssize_t end, const char *reason);
/* Encode / decode with the codec enc (TN_ENC_*) on a prepared coder: the
 * one dispatch str.encode, bytes.decode and the _codecs functions share.
 * 0 / -1. */
int tn_codec_run_encoder(TnEncoder *e);
int tn_codec_run_decoder(TnDecoder *d);
/* The TN_ERR_ value of an error handler name. */
int tn_codec_errors_kind(const char *errors);
/* The codec's name in UnicodeEncodeError / UnicodeDecodeError. */
const char *tn_codec_error_name(int enc);

/* Registered error handlers (codecs_registry.c): the handler's answer to
 * exc, checked as CPython does: (str, int) for decoding, (str or bytes,
 * int) for encoding.  *rep (new reference) and *newpos (made absolute and
 * checked against len) set; 0 / -1. */
int tn_codec_call_error_handler(const char *errors, TnObject *exc, bool decoding, tn_ssize_t len, TnObject **rep,
                                tn_ssize_t *newpos);

/* The codec registry's text encodings (codecs_registry.c): str.encode /
 * bytes.decode for an encoding Tandem has no native codec for. */
TnObject *tn_codec_registry_encode_text(TnObject *str, const char *encoding, const char *errors);
TnObject *tn_codec_registry_decode_text(TnObject *bytes, const char *encoding, const char *errors);
/* encodings.normalize_encoding(name) after lower-casing, as CPython's
 * codec registry keys its cache (a tn_mem_alloc'd string), or NULL with
 * MemoryError. */
char *tn_codec_normalize_name(const char *name);

/* (v, n): the (result, consumed) / (replacement, position) pairs of the
 * codec functions and error handlers.  v_steal is consumed; NULL passes
 * through. */
TnObject *tn_codec_pair_steal(TnObject *v_steal, tn_ssize_t n);

int tn_codec_charmap_encode(TnEncoder *e);
int tn_codec_charmap_decode(TnDecoder *d);
int tn_codec_utf7_encode(TnEncoder *e);
int tn_codec_utf7_decode(TnDecoder *d);

int tn_codec_utf16_encode(TnEncoder *e, bool bom);
int tn_codec_utf32_encode(TnEncoder *e, bool bom);
/* enc: TN_ENC_UTF16 (BOM detection) or the -LE / -BE variants. */
int tn_codec_utf16_decode(TnDecoder *d);
int tn_codec_utf32_decode(TnDecoder *d);
int tn_codec_escape_encode(TnEncoder *e, bool raw);
int tn_codec_escape_decode(TnDecoder *d, bool raw);

#endif
