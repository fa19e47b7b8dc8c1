/* core/objects/codecs_registry.c — the codec registry of CPython 3.11's
 * Python/codecs.c (docs/codecs.md): search functions, the lookup cache,
 * the error handler registry, codecs.encode / codecs.decode, and the text
 * encodings str.encode / bytes.decode take from it when Tandem has no
 * native codec for the name (codecs.c).
 *
 * CPython imports `encodings` (which registers its search function) while
 * starting; Tandem does it on the first lookup, so that start-up does not
 * pay for it.  The state is the interpreter's (interp->codec_*, made by
 * tn_codecs_init at start-up): a list of search functions and two dicts,
 * each operation on them atomic on its own.  A search function runs with
 * no lock held; two threads looking up one new name may both run it, and
 * the cache keeps the last answer, as in CPython. */
#include "core/objects/codecs_internal.h"
#include "core/vm/import.h"
#include "threading/atomic.h"

extern const TnMethodDef tn_codec_error_handler_defs[];

int tn_codecs_init(TnInterp *interp)
{
    interp->codec_search_path = tn_list_new(0);
    interp->codec_search_cache = tn_dict_new();
    interp->codec_error_registry = tn_dict_new();
    if (interp->codec_search_path == NULL || interp->codec_search_cache == NULL ||
        interp->codec_error_registry == NULL)
        return -1;
    /* The standard handlers under their names ("strict" -> strict_errors). */
    static const char *const names[] = {"strict", "ignore", "replace", "xmlcharrefreplace",
                                        "backslashreplace", "namereplace", "surrogateescape",
                                        "surrogatepass", NULL};
    for (int i = 0; names[i] != NULL; i++) {
        TnObject *f = tn_cfunction_new(&tn_codec_error_handler_defs[i], NULL, NULL);
        if (f == NULL || tn_dict_set_item_cstr(interp->codec_error_registry, names[i], f) < 0) {
            tn_xdecref(f);
            return -1;
        }
        tn_decref(f);
    }
    return 0;
}

/* Import `encodings` once (it registers its search function). */
static int ensure_encodings(void)
{
    TnInterp *interp = tn_interp();
    if (tn_atomic_load_u32_acquire((const uint32_t *)&interp->codecs_ready))
        return 0;
    TnObject *name = tn_str_from_cstr("encodings");
    TnObject *m = name != NULL ? tn_import_module_level(name, NULL, NULL, 0) : NULL;
    tn_xdecref(name);
    if (m == NULL) {
        /* Without the standard library (C unit tests, a bare build) only
         * the native codecs exist: unknown names stay a LookupError. */
        if (!tn_err_matches(&tn_exc_ModuleNotFoundError))
            return -1;
        tn_err_clear();
        return 0;
    }
    tn_decref(m);
    tn_atomic_store_u32_release((uint32_t *)&interp->codecs_ready, 1);
    return 0;
}

int tn_codec_register(TnObject *search)
{
    if (!tn_callable_check(search)) {
        tn_err_set_str(&tn_exc_TypeError, "argument must be callable");
        return -1;
    }
    return tn_list_append(tn_interp()->codec_search_path, search);
}

/* The index of search (by identity) in the list, or -1.  Lock held. */
static int unregister_lock_held(TnObject *list, TnObject *search)
{
    for (tn_ssize_t i = 0; i < tn_list_size(list); i++) {
        if (tn_list_get_lock_held(list, i) != search)
            continue;
        TnObject *idx = tn_int_from_ssize(i);
        /* Re-enters the list's own section: atomic with the search. */
        int r = idx != NULL ? tn_object_delitem(list, idx) : -1;
        tn_xdecref(idx);
        return r;
    }
    return 0;
}

int tn_codec_unregister(TnObject *search)
{
    TnInterp *interp = tn_interp();
    TnObject *list = interp->codec_search_path;
    int r;
    TN_BEGIN_CRITICAL_SECTION(list);
    r = unregister_lock_held(list, search);
    TN_END_CRITICAL_SECTION();
    if (r == 0)
        tn_dict_clear(interp->codec_search_cache);
    return r;
}

/* The key of the cache and the argument of the search functions. */
static TnObject *normalized_key(const char *encoding)
{
    char *norm = tn_codec_normalize_name(encoding);
    if (norm == NULL)
        return NULL;
    TnObject *key = tn_str_from_cstr(norm);
    tn_mem_free(norm);
    return key;
}

/* Ask the search functions (a snapshot of the list) for key. */
static TnObject *search_codec(TnObject *key, const char *encoding)
{
    TnObject *funcs = tn_list_as_tuple(tn_interp()->codec_search_path);
    if (funcs == NULL)
        return NULL;
    TnObject *result = NULL;
    tn_ssize_t n = tn_tuple_size(funcs);
    if (n == 0)
        tn_err_format(&tn_exc_LookupError, "unknown encoding: %s", encoding);
    for (tn_ssize_t i = 0; i < n; i++) {
        result = tn_call_one(tn_tuple_get(funcs, i), key);
        if (result == NULL)
            break;
        if (result == TN_NONE) {
            tn_decref(result);
            result = NULL;
            if (i == n - 1)
                tn_err_format(&tn_exc_LookupError, "unknown encoding: %s", encoding);
            continue;
        }
        if (!tn_tuple_check(result) || tn_tuple_size(result) != 4) {
            tn_err_set_str(&tn_exc_TypeError, "codec search functions must return 4-tuples");
            TN_CLEAR(result);
        }
        break;
    }
    tn_decref(funcs);
    return result;
}

TnObject *tn_codec_lookup(const char *encoding)
{
    if (ensure_encodings() < 0)
        return NULL;
    TnObject *key = normalized_key(encoding);
    if (key == NULL)
        return NULL;
    TnObject *cache = tn_interp()->codec_search_cache;
    TnObject *result = NULL;
    if (tn_dict_get_item_ref(cache, key, &result) == 0) {
        result = search_codec(key, encoding);
        if (result != NULL && tn_dict_set_item(cache, key, result) < 0)
            TN_CLEAR(result);
    }
    tn_decref(key);
    return result;
}

/* ---- encoding and decoding through a codec -------------------------------- */

/* The type and its bases up to the first builtin one add no C fields, and
 * neither __init__ nor __new__ is overridden: the exception can be remade
 * with a new message (CPython's _PyErr_TrySetFromCause). */
static bool plain_exception_type(TnType *tp)
{
    TnType *t = tp;
    while (t != NULL && (t->flags & TN_TPFLAGS_HEAPTYPE))
        t = t->base;
    if (t == NULL || t->basicsize != (tn_ssize_t)sizeof(TnBaseException))
        return false;
    bool plain = true;
    static const char *const slots[] = {"__init__", "__new__"};
    for (int i = 0; i < 2 && plain; i++) {
        TnObject *name = tn_str_intern_cstr(slots[i]);
        plain = name != NULL && tn_type_lookup(tp, name) == tn_type_lookup(&tn_exc_BaseException, name);
    }
    return plain;
}

/* "encoding with 'rot13' codec failed (TypeError: ...)": the current
 * exception replaced by one of its type with that message and it as the
 * cause, when its type allows (else it stays as it is). */
static void wrap_codec_error(const char *operation, const char *encoding)
{
    TnObject *exc = tn_err_fetch();
    if (exc == NULL)
        return;
    TnType *tp = tn_type(exc);
    TnObject **dictp = tn_object_dict_ptr(exc);
    bool empty = dictp == NULL || *dictp == NULL || tn_dict_size(*dictp) == 0;
    if (!plain_exception_type(tp) || !empty) {
        tn_err_restore(exc);
        return;
    }
    TnObject *text = tn_object_str(exc);
    TnObject *msg = text != NULL ? tn_str_from_format("%s with '%s' codec failed (%s: %U)", operation, encoding,
                                                      tp->name, text)
                                 : NULL;
    TnObject *args = msg != NULL ? tn_tuple_pack(1, msg) : NULL;
    TnObject *wrapped = args != NULL ? tn_exception_new(tp, args) : NULL;
    tn_xdecref(text);
    tn_xdecref(msg);
    tn_xdecref(args);
    if (wrapped == NULL) {
        tn_decref(exc);
        return;
    }
    TnBaseException *w = (TnBaseException *)wrapped;
    w->context = tn_newref(exc);
    w->cause = exc;
    tn_exc_set_suppress_context(wrapped, 1);
    tn_err_set_object(tp, wrapped);
    tn_decref(wrapped);
}

/* codec[i](obj, errors) (errors left out when NULL) checked to be a
 * 2-tuple; its first item (new reference). */
static TnObject *call_codec(TnObject *func, TnObject *obj, const char *errors, const char *encoding, bool encoding_op)
{
    TnObject *args[2] = {obj, NULL};
    if (errors != NULL && (args[1] = tn_str_from_cstr(errors)) == NULL)
        return NULL;
    TnObject *r = tn_call(func, args, errors != NULL ? 2 : 1, NULL);
    tn_xdecref(args[1]);
    if (r == NULL) {
        wrap_codec_error(encoding_op ? "encoding" : "decoding", encoding);
        return NULL;
    }
    TnObject *v = NULL;
    if (!tn_tuple_check(r) || tn_tuple_size(r) != 2)
        tn_err_set_str(&tn_exc_TypeError, encoding_op ? "encoder must return a tuple (object, integer)"
                                                      : "decoder must return a tuple (object,integer)");
    else
        v = tn_newref(tn_tuple_get(r, 0));
    tn_decref(r);
    return v;
}

static TnObject *codec_transform(TnObject *obj, const char *encoding, const char *errors, bool encoding_op)
{
    TnObject *codec = tn_codec_lookup(encoding);
    if (codec == NULL)
        return NULL;
    TnObject *r = call_codec(tn_tuple_get(codec, encoding_op ? 0 : 1), obj, errors, encoding, encoding_op);
    tn_decref(codec);
    return r;
}

TnObject *tn_codec_encode_any(TnObject *obj, const char *encoding, const char *errors)
{
    return codec_transform(obj, encoding, errors, true);
}

TnObject *tn_codec_decode_any(TnObject *obj, const char *encoding, const char *errors)
{
    return codec_transform(obj, encoding, errors, false);
}

/* The codec for a str <-> bytes method: LookupError when its CodecInfo
 * says _is_text_encoding = False (rot13, hex, base64 ...). */
static TnObject *lookup_text_codec(const char *encoding, const char *alternate)
{
    TnObject *codec = tn_codec_lookup(encoding);
    if (codec == NULL)
        return NULL;
    TnObject *attr = NULL;
    TnObject *name = tn_str_intern_cstr("_is_text_encoding");
    int got = name != NULL ? tn_object_lookup_attr(codec, name, &attr) : -1;
    int text = got > 0 ? tn_object_is_true(attr) : got;
    tn_xdecref(attr);
    if (got != 0 && text <= 0) {
        if (text == 0)
            tn_err_format(&tn_exc_LookupError, "'%s' is not a text encoding; use %s to handle arbitrary codecs",
                          encoding, alternate);
        TN_CLEAR(codec);
    }
    return codec;
}

TnObject *tn_codec_registry_encode_text(TnObject *str, const char *encoding, const char *errors)
{
    TnObject *codec = lookup_text_codec(encoding, "codecs.encode()");
    if (codec == NULL)
        return NULL;
    TnObject *v = call_codec(tn_tuple_get(codec, 0), str, errors, encoding, true);
    tn_decref(codec);
    if (v == NULL || tn_bytes_check(v))
        return v;
    TnObject *r = NULL;
    if (tn_bytearray_check(v))
        r = tn_bytes_snapshot_ref(v);
    else
        tn_err_format(&tn_exc_TypeError,
                      "'%s' encoder returned '%s' instead of 'bytes'; use codecs.encode() to encode to "
                      "arbitrary types", encoding, tn_type(v)->name);
    tn_decref(v);
    return r;
}

TnObject *tn_codec_registry_decode_text(TnObject *bytes, const char *encoding, const char *errors)
{
    TnObject *codec = lookup_text_codec(encoding, "codecs.decode()");
    if (codec == NULL)
        return NULL;
    TnObject *v = call_codec(tn_tuple_get(codec, 1), bytes, errors, encoding, false);
    tn_decref(codec);
    if (v == NULL || tn_str_check(v))
        return v;
    tn_err_format(&tn_exc_TypeError,
                  "'%s' decoder returned '%s' instead of 'str'; use codecs.decode() to decode to "
                  "arbitrary types", encoding, tn_type(v)->name);
    tn_decref(v);
    return NULL;
}

/* ---- error handlers ------------------------------------------------------ */

int tn_codec_register_error(const char *name, TnObject *handler)
{
    if (!tn_callable_check(handler)) {
        tn_err_set_str(&tn_exc_TypeError, "handler must be callable");
        return -1;
    }
    return tn_dict_set_item_cstr(tn_interp()->codec_error_registry, name, handler);
}

TnObject *tn_codec_lookup_error(const char *name)
{
    if (name == NULL)
        name = "strict";
    TnObject *h = tn_dict_get_cstr_ref(tn_interp()->codec_error_registry, name);
    if (h == NULL && !tn_err_occurred())
        tn_err_format(&tn_exc_LookupError, "unknown error handler name '%s'", name);
    return h;
}

int tn_codec_call_error_handler(const char *errors, TnObject *exc, bool decoding, tn_ssize_t len, TnObject **rep,
                                tn_ssize_t *newpos)
{
    TnObject *handler = tn_codec_lookup_error(errors);
    if (handler == NULL)
        return -1;
    TnObject *res = tn_call_one(handler, exc);
    tn_decref(handler);
    if (res == NULL)
        return -1;
    TnObject *r0 = tn_tuple_check(res) && tn_tuple_size(res) == 2 ? tn_tuple_get(res, 0) : NULL;
    TnObject *r1 = r0 != NULL ? tn_tuple_get(res, 1) : NULL;
    if (r0 == NULL || !(tn_str_check(r0) || (!decoding && tn_bytes_check(r0))) || !tn_int_check(r1)) {
        tn_err_set_str(&tn_exc_TypeError, decoding ? "decoding error handler must return (str, int) tuple"
                                                   : "encoding error handler must return (str/bytes, int) tuple");
        tn_decref(res);
        return -1;
    }
    tn_ssize_t pos = tn_number_as_ssize(r1, &tn_exc_IndexError);
    if (pos == -1 && tn_err_occurred()) {
        tn_decref(res);
        return -1;
    }
    tn_ssize_t abs = pos < 0 ? pos + len : pos;
    if (abs < 0 || abs > len) {
        tn_err_format(&tn_exc_IndexError, "position %zd from error handler out of bounds", pos);
        tn_decref(res);
        return -1;
    }
    *rep = tn_newref(r0);
    *newpos = abs;
    tn_decref(res);
    return 0;
}
