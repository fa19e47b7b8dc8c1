/* core/objects/codecs.h — the builtin codecs: utf-8(-sig), ascii, latin-1,
 * cp1252, utf-16/32 (+ -le/-be), unicode_escape, raw_unicode_escape with
 * the standard error handlers (CPython 3.11 names and messages), and the
 * Unicode character name table. */
#ifndef TN_CODECS_H
#define TN_CODECS_H

#include "core/object.h"

/* str -> bytes.  encoding/errors NULL mean 'utf-8' / 'strict'.  LookupError
 * "unknown encoding: x", UnicodeEncodeError as CPython. */
TnObject *tn_codec_encode(TnObject *str, const char *encoding, const char *errors);
/* bytes data -> str. */
TnObject *tn_codec_decode(const char *s, tn_ssize_t n, const char *encoding, const char *errors);
/* str(obj, encoding, errors) with either of encoding / errors given (the
 * other NULL): decodes a bytes-like obj; CPython's TypeErrors otherwise. */
TnObject *tn_codec_decode_object(TnObject *obj, TnObject *encoding, TnObject *errors);
/* str.encode(encoding='utf-8', errors='strict') (listed in str's method table). */
TnObject *tn_str_encode_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                             TnObject *kwnames);
/* Optional encoding / errors arguments as C strings: NULL obj -> dflt;
 * TypeError "fname() argument N must be str, not int".  0 / -1. */
int tn_codec_arg(const char *fname, int argno, TnObject *obj, const char *dflt, const char **out);
/* UnicodeEncodeError(encoding, str, start, end, reason) /
 * UnicodeDecodeError(encoding, bytes(data[0:n]), start, end, reason) set as
 * the current exception. */
void tn_codec_raise_encode_error(const char *encoding, TnObject *str, tn_ssize_t start, tn_ssize_t end,
                                 const char *reason);
void tn_codec_raise_decode_error(const char *encoding, const char *data, tn_ssize_t n, tn_ssize_t start,
                                 tn_ssize_t end, const char *reason);

/* The value of the body of a bytes literal s[0:n] into out (CPython's
 * _PyBytes_DecodeEscape; errors NULL / "strict", "replace", "ignore" for a
 * bad \\x escape).  0; -1 with ValueError ("Trailing \\ in string", unknown
 * errors) or MemoryError; -2 without exception for a bad \\x escape under
 * strict, *bad = the position of its backslash. */
typedef struct TnByteBuf TnByteBuf;
int tn_codec_bytes_unescape(const char *s, tn_ssize_t n, const char *errors, TnByteBuf *out, tn_ssize_t *bad);

/* "\\xNN", "\\uNNNN" or "\\UNNNNNNNN" for c (NUL-terminated, size >= 11):
 * the spelling backslashreplace, unicode_escape and the Unicode errors use. */
void tn_codec_escape_char(uint32_t c, char *buf, size_t size);

/* The codec registry (codecs_registry.c), CPython's PyCodec_* API. */
struct TnInterp;
/* Start-up: the registry's containers and the standard error handlers. */
int tn_codecs_init(struct TnInterp *interp);
/* codecs.register / unregister (a search function).  0 / -1. */
int tn_codec_register(TnObject *search);
int tn_codec_unregister(TnObject *search);
/* codecs.lookup(encoding): the CodecInfo (new reference); LookupError
 * "unknown encoding: x".  Imports `encodings` the first time. */
TnObject *tn_codec_lookup(const char *encoding);
/* codecs.encode / codecs.decode: any object through any codec (errors
 * NULL = the codec's default); the codec's exception wrapped as CPython's
 * "encoding with 'x' codec failed (...)". */
TnObject *tn_codec_encode_any(TnObject *obj, const char *encoding, const char *errors);
TnObject *tn_codec_decode_any(TnObject *obj, const char *encoding, const char *errors);
/* codecs.register_error / lookup_error (LookupError "unknown error handler
 * name 'x'"). */
int tn_codec_register_error(const char *name, TnObject *handler);
TnObject *tn_codec_lookup_error(const char *name);
/* _codecs.charmap_build(decoding_table): an EncodingMap (codecs_charmap.c). */
TnObject *tn_codec_charmap_build(TnObject *table);

/* The longest Unicode character name or alias. */
#define TN_UNICODE_NAME_MAX 128

/* The code point named name[0:len] (a Unicode character name or formal
 * alias, as "\N{...}" accepts them in CPython 3.11).  No exception set. */
bool tn_unicode_name_lookup(const char *name, size_t len, uint32_t *cp);
/* The Unicode name of cp (not an alias) into buf; false when it has none
 * or it does not fit. */
bool tn_unicode_name_of(uint32_t cp, char *buf, size_t size);

#endif
