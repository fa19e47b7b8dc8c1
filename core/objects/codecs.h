/* core/objects/codecs.h — the builtin codecs: utf-8, ascii, latin-1 with
 * the standard error handlers (CPython 3.11 names and messages). */
#ifndef TN_CODECS_H
#define TN_CODECS_H

#include "core/object.h"

/* str -> bytes.  encoding/errors NULL mean 'utf-8' / 'strict'.  LookupError
 * "unknown encoding: x", UnicodeEncodeError as CPython. */
TnObject *tn_codec_encode(TnObject *str, const char *encoding, const char *errors);
/* bytes data -> str. */
TnObject *tn_codec_decode(const char *s, tn_ssize_t n, const char *encoding, const char *errors);
/* str.encode(encoding='utf-8', errors='strict') (listed in str's method table). */
TnObject *tn_str_encode_meth(TnObject *self, TnObject *const *args, tn_ssize_t nargs,
                             TnObject *kwnames);
/* Optional encoding / errors arguments as C strings: NULL obj -> dflt;
 * TypeError "fname() argument N must be str, not int".  0 / -1. */
int tn_codec_arg(const char *fname, int argno, TnObject *obj, const char *dflt, const char **out);

#endif
